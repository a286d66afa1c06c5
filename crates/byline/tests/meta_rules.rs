//! General rules of the metadata pass, each on a small page written for it (`tests/pages/meta-*`).
//! Pages are parsed without a URL unless the rule needs one, as the evaluation runs them.

use std::path::Path;

use byline::Article;

fn page(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/pages")
        .join(name);
    let html = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    byline::Parser::new().parse(&html).expect("parses")
}

fn day(d: &Option<byline::PageDate>) -> Option<String> {
    d.as_ref().map(|d| d.date().to_string())
}

/// An `<h1>` that sits in the breadcrumb bar still confirms the structured title it repeats.
#[test]
fn title_h1_in_navigation_agrees_with_og_title() {
    let a = page("meta-title-breadcrumb-h1.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Nutzerbasierte Abrechnung: Musiker fordern neues Modell")
    );
}

/// The post heading wins over a structured title that says the same with other words.
#[test]
fn title_reworded_heading_wins() {
    let a = page("meta-title-reworded-h1.html");
    assert_eq!(
        a.title.as_deref(),
        Some("DB Lounge: Kein Zugang mehr mit Sparpreis-Ticket")
    );
}

/// A heading that only adds a kicker in front of the structured title does not win.
#[test]
fn title_kicker_in_heading_is_dropped() {
    let a = page("meta-title-kicker-h1.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Eigentumsvorbehalt: Das sollten Käufer wissen")
    );
}

/// A title part that is the host's name ("La Stampa" on lastampa.it) is the site, not the title.
#[test]
fn title_site_part_named_by_host() {
    let a = page("meta-title-host-suffix.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Perturbazione polare al Centro e al Sud")
    );
}

/// "27. Nov" has no year and the page gives no reference: it is not a date.
#[test]
fn yearless_visible_date_is_not_completed_with_this_year() {
    let a = page("meta-yearless-date.html");
    assert_eq!(day(&a.published), None);
}

/// The title adds a kicker to the `<h1>`; the date line under that heading is the post's.
#[test]
fn date_under_heading_contained_in_title() {
    let a = page("meta-kicker-title-date.html");
    assert_eq!(a.title.as_deref(), Some("Unser Tipp im November: Dachse"));
    assert_eq!(day(&a.published).as_deref(), Some("2021-11-01"));
}

/// A `<title>` that is the post title, separators and all, has no site part.
#[test]
fn site_name_not_cut_from_a_whole_post_title() {
    let a = page("meta-site-name-whole-title.html");
    assert_eq!(a.site_name, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Fans Feared For Her Health – Then The Star Explained")
    );
}

/// A sentence in the body is not a byline, even when the text parser finds a marker in it.
#[test]
fn sentence_in_body_is_not_a_byline() {
    let a = page("meta-byline-sentence.html");
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

/// A line marked up as the byline that holds a name beside a date, or a verb before the marker.
#[test]
fn author_line_with_date_or_verb() {
    let a = page("meta-author-line.html");
    let names: Vec<&str> = a.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Janic Cathomen"]);
    let b = page("meta-author-line-verb.html");
    let names: Vec<&str> = b.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Andri Bryner"]);
}

/// A post container far below the heading is another post (a list of news): the date above the
/// heading is the post's, not the list's.
#[test]
fn date_above_heading_beats_a_far_container() {
    let a = page("meta-date-above-far-container.html");
    assert_eq!(day(&a.published).as_deref(), Some("2022-12-12"));
}

/// A `datetime` attribute that is not ISO 8601 is read in the page's language (day first in
/// German).
#[test]
fn attribute_date_in_page_language() {
    let a = page("meta-attribute-date-day-first.html");
    assert_eq!(day(&a.published).as_deref(), Some("2023-11-01"));
}

/// A byline box between the heading and the post container: the name element inside it is the
/// author, its role line is not.
#[test]
fn byline_box_above_the_article() {
    let a = page("meta-byline-box-above-article.html");
    let names: Vec<&str> = a.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ben Silverman"]);
}

/// An author link labelled "Zeige alle Beiträge von A" names A.
#[test]
fn author_link_label_is_removed() {
    let a = page("meta-author-link-label.html");
    let names: Vec<&str> = a.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Cem Basman"]);
}

/// The kicker of a heading, marked up as its own part, is not part of the title.
#[test]
fn title_heading_kicker_span_is_dropped() {
    let a = page("meta-title-kicker-span.html");
    assert_eq!(a.title.as_deref(), Some("Bohren, bis es heiß wird"));
}

/// No heading shows the title, but a visible text does: the date line next to it is the post's.
#[test]
fn date_near_title_text_without_heading() {
    let a = page("meta-date-near-title-text.html");
    assert_eq!(day(&a.published).as_deref(), Some("2023-11-01"));
}

/// The publisher named by structured data is the site's name; `og:site_name` often carries the
/// domain or a tagline.
#[test]
fn site_name_publisher_before_og_site_name() {
    let a = page("meta-site-name-publisher.html");
    assert_eq!(a.site_name.as_deref(), Some("Libération"));
    assert_eq!(a.title.as_deref(), Some("Les films de l'année"));
}

/// With no other date, a line in the post labelled as the publication date counts wherever it
/// is (but not in the comments).
#[test]
fn labelled_publication_date_anywhere_in_post() {
    let a = page("meta-labelled-date-far-below.html");
    assert_eq!(day(&a.published).as_deref(), Some("2019-08-16"));
}

/// Elementor calls every block a widget: the post-info widget is the post's, the popular-posts
/// widget is not.
#[test]
fn elementor_widgets_are_not_all_sidebars() {
    let a = page("meta-elementor-widgets.html");
    assert_eq!(day(&a.published).as_deref(), Some("2019-10-19"));
    assert_eq!(a.comment_count, Some(1));
    assert_eq!(a.view_count, None);
}

fn author_names(a: &Article) -> Vec<&str> {
    a.authors.iter().map(|x| x.name.as_str()).collect()
}

/// A bare label ("Autor") with the name in the next element.
#[test]
fn author_after_bare_label() {
    let a = page("meta-author-label-above.html");
    assert_eq!(author_names(&a), ["Jana Beispiel"]);
}

/// A bare label after a line that the byline search reads around its links ("Filed in
/// <a>Travel</a> and <a>Rivers</a> this week"): the name under the label is still found.
#[test]
fn author_after_bare_label_below_a_split_line() {
    let a = page("meta-author-label-after-split-line.html");
    assert_eq!(author_names(&a), ["Jana Beispiel"]);
}

/// A meta line of a date and a name only ("25.10.2022 - Karl Muster").
#[test]
fn author_after_date_and_dash() {
    let a = page("meta-author-date-dash-name.html");
    assert_eq!(author_names(&a), ["Karl Muster"]);
}

/// An organisation that the JSON-LD credits as the author, when no person is named.
#[test]
fn author_jsonld_organisation_as_last_resort() {
    let a = page("meta-author-jsonld-org.html");
    assert_eq!(author_names(&a), ["Contributors to Open Notes"]);
}

/// An account handle in the structured data yields to the visible byline naming the person.
#[test]
fn author_handle_yields_to_byline() {
    let a = page("meta-author-handle-defers.html");
    assert_eq!(author_names(&a), ["Jana Beispiel"]);
}

/// The site's own host name in the author meta tag is not an author.
#[test]
fn author_host_name_rejected() {
    let a = page("meta-author-host-name.html");
    assert_eq!(author_names(&a), ["Karl Muster"]);
}

/// The post's only <h1> wins over a <title> that rewords it for search (they share words).
#[test]
fn title_sole_h1_over_reworded_title_element() {
    let a = page("meta-title-sole-h1-reworded.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Wie pflege ich Zimmerpflanzen im Winter richtig?")
    );
}

/// The Dublin Core title (property before name, as for the creator) comes before `og:title`
/// when no heading confirms either, and the only <h1> does not win on one shared word out of
/// several ("evening").
#[test]
fn title_dublin_core_before_open_graph() {
    let a = page("meta-title-dc-over-og.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Summer evening at the community allotments")
    );
}

/// Parse.ly's `parsely-title` is a structured title.
#[test]
fn title_parsely_meta() {
    let a = page("meta-title-parsely.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Ferry timetable changes for the winter season")
    );
}

/// The only <h1> extends a structured title that a related-posts heading repeats.
#[test]
fn title_h1_extends_short_headline() {
    let a = page("meta-title-h1-extends-short.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Zellwerk erhöht Fabrik-Kapazität in Tennessee")
    );
}

/// A part of the heading marked as the headline is the title; the topic line beside it is not.
#[test]
fn title_headline_part_of_heading() {
    let a = page("meta-title-headline-span.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Regierung drosselt Biogas, Branche protestiert")
    );
}

/// A site name in the author meta tag is not split into names; the visible byline speaks.
#[test]
fn author_meta_site_name_not_split() {
    let a = page("meta-author-site-name-meta.html");
    assert_eq!(author_names(&a), ["Jose Ramos"]);
}

/// A page that credits only its own site as the author (the association's news on its own
/// site) keeps that credit when nothing names a person.
#[test]
fn author_site_credited_when_nothing_else() {
    let a = page("meta-author-site-credited.html");
    assert_eq!(author_names(&a), ["Landesverband Rudern"]);
}

/// Dublin Core `dc:creator`, here one of a space-separated property list, is read before
/// `meta name=author`.
#[test]
fn author_dublin_core_property_list_first() {
    let a = page("meta-author-dc-property-list.html");
    assert_eq!(author_names(&a), ["Mara Lindqvist"]);
}

/// A labelled author line inside a long block of `<br>`-separated lines is read as its own
/// line, after an earlier labelled line ("Quelle: …") in the same block.
#[test]
fn author_labelled_line_between_breaks() {
    let a = page("meta-author-labelled-br-line.html");
    assert_eq!(author_names(&a), ["Jonas Feldmann"]);
}

/// A title bar at the top of the page and the post far below it: the byline just above the
/// post container ("Autor" over the name) is still read.
#[test]
fn author_label_above_container_far_from_title() {
    let a = page("meta-author-label-above-far-container.html");
    assert_eq!(author_names(&a), ["Lena Brandt"]);
}

/// An account that names its author by first name only ("Mats") is completed from the post,
/// whose byline and author box agree on the full name.
#[test]
fn author_first_name_completed_from_post() {
    let a = page("meta-author-first-name-completed.html");
    assert_eq!(author_names(&a), ["Mats Ekberg"]);
}

/// A microdata `author` in an `<aside>` of the article's own item credits the post; the author
/// of a related post's item does not.
#[test]
fn author_microdata_in_article_aside() {
    let a = page("meta-author-microdata-aside.html");
    assert_eq!(author_names(&a), ["Clara Voss"]);
}

/// A credit line under the post with an author label but no colon ("Autoren A und B") names
/// the authors when nothing but names follows the label.
#[test]
fn author_bare_label_line_below_post() {
    let a = page("meta-author-bare-label-below.html");
    assert_eq!(author_names(&a), ["Lena Brinkmann", "Ole Hansen"]);
}

/// A byline ends at its line break: the dateline under it ("Kakuma /Kenia") is no name.
#[test]
fn author_byline_ends_at_line_break() {
    let a = page("meta-author-byline-then-dateline.html");
    assert_eq!(author_names(&a), ["Anna Kern", "Boris Lange"]);
}

/// A generic `<title>` ("Home") and a logo heading that is a domain name are not titles.
#[test]
fn title_not_generic_label_or_domain() {
    let a = page("meta-title-generic-and-domain.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Termine Tee-Tastings Januar bis Mai in Halle und Dessau")
    );
}

/// Bylines marked in the theme count together only in one block: a teaser's byline further
/// down the post is not an author of this post.
#[test]
fn author_marked_bylines_from_one_block() {
    let a = page("meta-author-marked-block-only.html");
    assert_eq!(author_names(&a), ["Ana Campos", "Luis Vera"]);
}

/// A small-print kicker inside the heading is not part of the title.
#[test]
fn title_small_kicker_in_heading() {
    let a = page("meta-title-small-kicker.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Kostenloser Heizcheck für private Haushalte")
    );
}

/// A line under the text that labels the author ("Autorin: …") names her; the company in the
/// author meta tag yields to it.
#[test]
fn author_labelled_line_below_text() {
    let a = page("meta-author-labelled-below.html");
    assert_eq!(author_names(&a), ["Uta Beispiel"]);
}

/// The post header shows, without a label, the day the structured data gives as the
/// modification date, and not the older `datePublished`: the page presents the article as of
/// that day. Labelled as an update, the shown date stays the update.
#[test]
fn shown_modified_date_beats_older_structured_date() {
    let a = page("meta-date-shown-modified.html");
    assert_eq!(day(&a.published).as_deref(), Some("2019-04-03"));
    assert_eq!(day(&a.updated).as_deref(), Some("2019-04-03"));
    let a = page("meta-date-shown-modified-labelled.html");
    assert_eq!(day(&a.published).as_deref(), Some("2017-08-21"));
    assert_eq!(day(&a.updated).as_deref(), Some("2019-04-03"));
}

/// A meta tag that names no role (`date`, `DCTERMS.date`) ranks after the date the post marks
/// up: such tags often carry the day the page was rendered or last edited.
#[test]
fn role_less_date_meta_yields_to_post_date_markup() {
    let a = page("meta-date-weak-meta.html");
    assert_eq!(day(&a.published).as_deref(), Some("2022-01-27"));
}

/// Class words in other languages mark the byline too ("beitrag-autor", French "auteur"): the
/// names under the title win over a structured author that is only the site.
#[test]
fn author_class_word_autor() {
    let a = page("meta-author-autor-class.html");
    assert_eq!(
        author_names(&a),
        ["Ida Kern", "Paul Ostrowski", "Mira Hahn"]
    );
}

/// The Open Graph author written with its `og:` prefix (`og:article:author`) is read like
/// `article:author`.
#[test]
fn author_og_article_author() {
    let a = page("meta-author-og-article-author.html");
    assert_eq!(author_names(&a), ["Hannah Okafor"]);
}

/// An author meta that reads as a phrase ("deinen Hochzeitsbloggern": a lowercase word before a
/// capitalised one, not a name particle) names nobody; the labelled line under the post does.
#[test]
fn author_lowercase_phrase_is_no_name() {
    let a = page("meta-author-lowercase-phrase.html");
    assert_eq!(author_names(&a), ["Jonas Berger"]);
}

/// A JSON-LD author that the page never shows yields to the byline markup of the page naming
/// someone else; one the page shows somewhere keeps its precedence.
#[test]
fn author_jsonld_not_shown_yields_to_byline() {
    let a = page("meta-author-jsonld-unshown.html");
    assert_eq!(author_names(&a), ["Owen Pratt"]);
    let a = page("meta-author-jsonld-shown.html");
    assert_eq!(author_names(&a), ["Marta Quill"]);
}

/// An account handle built from a person's names is credited as the name the post writes
/// ("mara.lindholm": "Mara K. Lindholm" in a caption), or else as its capitalised parts.
#[test]
fn author_handle_becomes_name() {
    let a = page("meta-author-handle-spelled.html");
    assert_eq!(author_names(&a), ["Mara K. Lindholm"]);
    let a = page("meta-author-handle-capitalised.html");
    assert_eq!(author_names(&a), ["Jonas Brenner"]);
}

/// A plain `<h2>` repeating the structured title confirms it over an `<h1>` that names the
/// topic and that the `<title>` contains.
#[test]
fn title_h2_agrees_with_og_title() {
    let a = page("meta-title-h2-agrees-og.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Wie viel Strom ein Balkonkraftwerk wirklich liefert")
    );
}

/// A `<title>` that puts the site and the section first ("Site - Section » Post") ends with
/// the post title, which a plain `<h2>` shows; the site is the first part.
#[test]
fn title_h2_is_last_part_of_title_element() {
    let a = page("meta-title-h2-last-part.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Frühjahrsputz an der Vereinswiese")
    );
    assert_eq!(a.site_name.as_deref(), Some("Kleingartenverein Am Weiher"));
}

/// Text before `<!doctype>` (a server warning) moves the head into the body: its `<title>`
/// still counts.
#[test]
fn title_element_moved_into_body() {
    let a = page("meta-title-in-body.html");
    assert_eq!(a.title.as_deref(), Some("Lesesommer in der Stadtbücherei"));
    assert_eq!(a.site_name.as_deref(), Some("Bücherblog"));
}

/// A forum thread's prefix label inside the heading is not part of its title.
#[test]
fn title_heading_prefix_label_is_dropped() {
    let a = page("meta-title-forum-label.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Server maintenance on Tuesday night")
    );
}

/// A roofline (the German "Dachzeile") inside the heading is its kicker, even when the
/// structured title repeats it.
#[test]
fn title_heading_roofline_is_dropped() {
    let a = page("meta-title-roofline.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Welche Winterreifen sich wirklich lohnen")
    );
}

/// The `<h1>` marked as the site title in the header is not the post's heading, though the
/// `<title>` holds its words.
#[test]
fn title_site_title_h1_is_not_the_post() {
    let a = page("meta-title-site-h1.html");
    assert_eq!(a.title.as_deref(), Some("Neue Öffnungszeiten im Sommer"));
}

/// A section heading that opens with "Von" ("Von Atemschutzmaske über Exit-Strategie bis
/// Zoonose") is no byline: a lowercase word before a capitalised one makes a phrase.
#[test]
fn author_heading_phrase_is_no_byline() {
    let a = page("meta-author-von-heading.html");
    assert!(a.authors.is_empty(), "{:?}", author_names(&a));
}

/// A microdata author between the post heading and a post container that starts below it
/// credits the post, though the container's own scope does not hold it.
#[test]
fn author_microdata_above_container() {
    let a = page("meta-author-microdata-above-container.html");
    assert_eq!(author_names(&a), ["Nadia Ferreira"]);
}

/// A meta line of items under the title: the item after a date-only item that is a full name
/// alone credits the post; a linked category there does not.
#[test]
fn author_meta_line_name_after_date() {
    let a = page("meta-author-meta-line-after-date.html");
    assert_eq!(author_names(&a), ["Greta M. Sommer"]);
    let a = page("meta-author-meta-line-category.html");
    assert!(a.authors.is_empty(), "{:?}", author_names(&a));
}

/// The only `<article>` is a teaser in the related-posts block below the post: it is not the
/// post's container, and its date is not the post's.
#[test]
fn related_teaser_article_is_not_the_post() {
    let a = page("meta-date-related-teaser-article.html");
    assert_eq!(day(&a.published).as_deref(), Some("2022-01-26"));
}

/// A plain `<h2>` repeats the structured title without the issue number in parentheses it
/// adds: the heading is the title.
#[test]
fn title_h2_without_paren_note() {
    let a = page("meta-title-h2-paren-note.html");
    assert_eq!(a.title.as_deref(), Some("Unterwegs im Elbsandstein"));
}

/// The Shareaholic WordPress plugin's `shareaholic:article_author_name` meta names the author
/// when the theme prints no byline.
#[test]
fn author_shareaholic_meta() {
    let a = page("meta-author-shareaholic.html");
    let names: Vec<&str> = a.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Marlene Vogt"]);
}

/// Two `og:title` tags that differ (two SEO plugins): the one the post heading repeats wins
/// over the first, also when that heading sits in the breadcrumb bar.
#[test]
fn title_second_og_title_agreeing_with_heading() {
    let a = page("meta-title-second-og-title.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Pruning Apple Trees in Winter (3 Mistakes) | Tools, Timing & Cuts")
    );
}

/// A theme section laid out beside a sidebar (`class="l-section for_sidebar"`) holds the post:
/// its comment count counts; the sidebar's widget beside it does not.
#[test]
fn layout_for_sidebar_is_not_a_sidebar() {
    let a = page("meta-layout-for-sidebar.html");
    assert_eq!(a.comment_count, Some(3));
}
