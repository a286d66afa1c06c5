//! The metadata pass on pages written in each platform's markup (`tests/pages/`), and JSON-LD
//! edge cases. Every page carries decoys on purpose: sidebars and related-post lists with other
//! posts' counts and dates, comment sections with their own authors and dates.

use std::path::Path;

use byline::{Article, Platform, Source};

fn page(name: &str, url: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/pages")
        .join(name);
    let html = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    byline::Parser::new()
        .url(url)
        .expect("url")
        .parse(&html)
        .expect("parses")
}

fn html(s: &str) -> Article {
    byline::parse(s.as_bytes()).expect("parses")
}

fn names(a: &Article) -> Vec<&str> {
    a.authors.iter().map(|a| a.name.as_str()).collect()
}

fn day(d: &Option<byline::PageDate>) -> Option<String> {
    d.as_ref().map(|d| d.date().to_string())
}

#[test]
fn wordpress_yoast_graph_views_and_comments() {
    let a = page(
        "wordpress-de.html",
        "https://gruenes-viertel.example/2023/10/30/radwege/",
    );
    assert_eq!(a.platform, Some(Platform::WordPress));
    assert_eq!(a.title.as_deref(), Some("Neue Radwege im Stadtpark"));
    assert_eq!(names(&a), ["Carola Beispiel"]);
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://gruenes-viertel.example/author/carola/")
    );
    assert_eq!(a.sources.authors, Some(Source::JsonLd));
    assert_eq!(day(&a.published).as_deref(), Some("2023-10-30"));
    assert_eq!(day(&a.updated).as_deref(), Some("2023-10-31"));
    assert_eq!(a.site_name.as_deref(), Some("Grünes Viertel"));
    assert_eq!(a.language.as_deref(), Some("de-DE"));
    // "1.432" in German is 1432; the sidebar's 12.345 belongs to another post.
    assert_eq!(a.view_count, Some(1432));
    assert_eq!(a.comment_count, Some(3));
    assert_eq!(a.tags, ["Rad", "Park"]);
}

#[test]
fn wordpress_tagdiv_counters_ignore_related_and_sidebar() {
    let a = page(
        "wordpress-tagdiv.html",
        "https://coastline.example/harbour-bridge/",
    );
    assert_eq!(a.platform, Some(Platform::WordPress));
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour Bridge Repairs Start Monday")
    );
    assert_eq!(a.view_count, Some(758));
    assert_eq!(a.comment_count, Some(0));
    assert_eq!(names(&a), ["NEWSROOM"]);
    assert_eq!(day(&a.published).as_deref(), Some("2023-10-10"));
    assert_eq!(a.site_name.as_deref(), Some("Coastline News"));
}

#[test]
fn blogger_classic_layout() {
    let a = page(
        "blogger.html",
        "http://silicon-notes.blogspot.com/2016/05/open-flow.html",
    );
    assert_eq!(a.platform, Some(Platform::Blogger));
    assert_eq!(
        a.title.as_deref(),
        Some("An open toolchain for small FPGAs")
    );
    assert_eq!(names(&a), ["Andrew Example"]);
    // The abbr's title attribute carries the local timestamp with its offset.
    assert_eq!(
        a.published.as_ref().map(|d| d.iso()).as_deref(),
        Some("2016-05-08T00:55:00-07:00")
    );
    assert_eq!(a.comment_count, Some(5));
    // The Stats widget counts the whole blog, not the post.
    assert_eq!(a.view_count, None);
    assert_eq!(a.site_name.as_deref(), Some("Silicon Notes"));
}

#[test]
fn medium_prefers_json_ld_publication_date() {
    let a = page(
        "medium.html",
        "https://medium.com/open-desk/the-quiet-newsroom-fb39f4f701bb",
    );
    assert_eq!(a.platform, Some(Platform::Medium));
    assert_eq!(a.title.as_deref(), Some("The Quiet Newsroom"));
    assert_eq!(names(&a), ["Pia Lindqvist"]);
    assert_eq!(a.authors[0].url.as_deref(), Some("https://medium.com/@pia"));
    assert_eq!(day(&a.published).as_deref(), Some("2015-03-17"));
    assert_eq!(day(&a.updated).as_deref(), Some("2018-04-22"));
    // The publication the post appears in (JSON-LD publisher), not the platform.
    assert_eq!(a.site_name.as_deref(), Some("Open Desk"));
    assert_eq!(a.view_count, None);
}

#[test]
fn substack_author_array_and_counters() {
    let a = page(
        "substack.html",
        "https://riverletters.substack.com/p/why-rivers-move",
    );
    assert_eq!(a.platform, Some(Platform::Substack));
    assert_eq!(a.title.as_deref(), Some("Why rivers move"));
    assert_eq!(names(&a), ["Tom Weir", "Ana Costa"]);
    assert_eq!(a.site_name.as_deref(), Some("River Letters"));
    assert_eq!(day(&a.published).as_deref(), Some("2021-07-01"));
    assert_eq!(a.comment_count, Some(36));
    assert_eq!(a.view_count, None);
}

#[test]
fn squarespace_untyped_json_ld_and_summary_dates() {
    let a = page(
        "squarespace.html",
        "https://www.herz-blut.example/blog/besuch",
    );
    assert_eq!(a.platform, Some(Platform::Squarespace));
    assert_eq!(a.title.as_deref(), Some("Zu Besuch bei Véronique"));
    assert_eq!(names(&a), ["Jules"]);
    assert_eq!(
        a.published.as_ref().map(|d| d.iso()).as_deref(),
        Some("2022-11-21T09:30:00+01:00")
    );
    // The publisher's name, not og:site_name's tagline.
    assert_eq!(a.site_name.as_deref(), Some("Herz und Blut"));
}

#[test]
fn ghost_head_signals() {
    let a = page("ghost.html", "https://publikum.example/japan/");
    assert_eq!(a.platform, Some(Platform::Ghost));
    assert_eq!(names(&a), ["Der Spendenteddy"]);
    assert_eq!(day(&a.published).as_deref(), Some("2023-07-30"));
    assert_eq!(day(&a.updated).as_deref(), Some("2023-08-03"));
    assert_eq!(a.tags, ["Gesundheit"]);
    assert_eq!(a.view_count, None);
    assert_eq!(a.comment_count, None);
}

#[test]
fn hashnode_next_data_counts() {
    let a = page(
        "hashnode.html",
        "https://devnotes.hashnode.dev/shipping-small-binaries",
    );
    assert_eq!(a.platform, Some(Platform::Hashnode));
    assert_eq!(a.view_count, Some(4821));
    assert_eq!(a.comment_count, Some(9));
    assert_eq!(a.like_count, Some(57));
    assert_eq!(a.sources.view_count, Some(Source::PlatformRule));
}

#[test]
fn wix_golden_page_metadata() {
    let a = page(
        "../../examples/pages/wix-post.html",
        "https://www.aaanews-example.org/post/nato-and-azerbaijan-an-unbalanced-partnership",
    );
    assert_eq!(a.platform, Some(Platform::Wix));
    assert_eq!(day(&a.published).as_deref(), Some("2014-07-10"));
    assert_eq!(day(&a.updated).as_deref(), Some("2021-07-30"));
    assert_eq!(a.view_count, Some(25));
    assert_eq!(a.comment_count, Some(0));
    assert_eq!(a.site_name.as_deref(), Some("AAANews Blog"));
    assert_eq!(
        a.image.as_deref(),
        Some(
            "https://static.wixstatic.com/media/aa01bc_forum~mv2.jpg/v1/fill/w_1000,h_563/aa01bc_forum~mv2.jpg"
        )
    );
}

// ---- JSON-LD edge cases -------------------------------------------------------------------

#[test]
fn json_ld_graph_arrays_and_nested_publisher() {
    let a = html(
        r##"<html><head><script type="application/ld+json">[
          {"@context":"https://schema.org","@type":"WebSite","name":"Site"},
          {"@context":"https://schema.org","@graph":[
            {"@type":["NewsArticle","Article"],"headline":"Graph headline",
             "author":[{"@id":"#p1"},{"@type":"Person","name":"Bo Roe"},{"@type":"Organization","name":"Site Desk"}],
             "publisher":{"@type":"Organization","name":"Site","logo":{"@type":"ImageObject","url":"/logo.png"}},
             "datePublished":"2020-02-03","commentCount":"12",
             "interactionStatistic":{"@type":"InteractionCounter","interactionType":{"@type":"ViewAction"},"userInteractionCount":3400}},
            {"@type":"Person","@id":"#p1","name":"Al Doe"}]}]</script></head>
          <body><h1>Graph headline</h1></body></html>"##,
    );
    assert_eq!(a.title.as_deref(), Some("Graph headline"));
    assert_eq!(names(&a), ["Al Doe", "Bo Roe"]);
    assert_eq!(a.site_name.as_deref(), Some("Site"));
    assert_eq!(day(&a.published).as_deref(), Some("2020-02-03"));
    assert_eq!(a.comment_count, Some(12));
    assert_eq!(a.view_count, Some(3400));
    assert_eq!(a.sources.view_count, Some(Source::JsonLd));
}

#[test]
fn json_ld_bad_json_falls_back_to_meta() {
    let a = html(
        r#"<html><head><script type="application/ld+json">{"@type":"Article","headline":"Broken",</script>
          <meta property="og:title" content="From OpenGraph">
          <meta property="article:published_time" content="2019-01-02T03:04:05Z"></head><body></body></html>"#,
    );
    assert_eq!(a.title.as_deref(), Some("From OpenGraph"));
    assert_eq!(a.sources.title, Some(Source::OpenGraph));
    assert_eq!(day(&a.published).as_deref(), Some("2019-01-02"));
}

#[test]
fn json_ld_over_the_size_limit_is_not_read() {
    let filler = "x".repeat(2 * 1024 * 1024);
    let doc = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"Article","headline":"Huge","description":"{filler}"}}</script>
          <title>Small title</title></head><body></body></html>"#
    );
    let a = html(&doc);
    assert_eq!(a.title.as_deref(), Some("Small title"));
}

#[test]
fn json_ld_deep_nesting_is_harmless() {
    let deep = format!(
        r#"{{"@type":"Article","headline":"Deep","x":{}1{}}}"#,
        "[".repeat(120),
        "]".repeat(120)
    );
    let doc = format!(
        r#"<html><head><script type="application/ld+json">{deep}</script></head><body></body></html>"#
    );
    let a = html(&doc);
    assert_eq!(a.title.as_deref(), Some("Deep"));
    let too_deep = "[".repeat(5000);
    let doc = format!(
        r#"<html><head><script type="application/ld+json">{too_deep}</script><title>T</title></head></html>"#
    );
    assert_eq!(html(&doc).title.as_deref(), Some("T"));
}

#[test]
fn publisher_as_last_author_and_future_dates_rejected() {
    let a = html(
        r#"<html><head><meta property="og:site_name" content="Daily Planet">
          <meta name="author" content="Daily Planet">
          <meta property="article:published_time" content="2999-01-01">
          <meta name="date" content="2012-05-06">
          <title>Story | Daily Planet</title></head><body></body></html>"#,
    );
    // The publisher named as the author is kept only because nothing names a person.
    let names: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Daily Planet"]);
    assert_eq!(day(&a.published).as_deref(), Some("2012-05-06"));
    assert_eq!(a.title.as_deref(), Some("Story"));
}

#[test]
fn language_fallbacks() {
    let a = html(
        r#"<html><head><meta http-equiv="content-language" content="pt_br"></head><body></body></html>"#,
    );
    assert_eq!(a.language.as_deref(), Some("pt-BR"));
    let a = html(
        r#"<html><head><meta property="og:locale" content="fr_FR"></head><body></body></html>"#,
    );
    assert_eq!(a.language.as_deref(), Some("fr-FR"));
    assert_eq!(a.sources.language, Some(Source::OpenGraph));
}
