//! The metadata pass: structured data, platform rules and visible text.
//!
//! One traversal ([`scan`]) collects every signal; JSON-LD is parsed once ([`jsonld`]); the
//! platform is detected from generator tags and markup signatures ([`platform`]). Each field is
//! then decided by a fixed precedence, in which every candidate is validated (a title that is
//! only the site name, a date before 1991 or in the future, an author that is the publisher or
//! the site are rejected) and the first valid candidate wins:
//!
//! | field | precedence (first valid wins) |
//! |---|---|
//! | title | the page's only `<h1>` when it extends a structured title cut short; a structured title (JSON-LD `headline`, `og:title`, `twitter:title`, microdata `headline`, `DC.title`, JSON-LD `name`) that agrees with a heading (`h1`, `.entry-title`, `.post-title`; also one in the breadcrumb bar) — a heading that extends a cut-short headline wins over it; then a structured title that a plain `<h2>` repeats (the `<h2>` when it leaves out a note in parentheses the structured title adds); then a post heading that a structured title or the `<title>` contains; then a plain `<h2>` that is the last part of a structured title or the `<title>` ("Site » Section » Post"); then the post heading when it rewords a structured title (most words shared, not merely a kicker added in front), or when it is the page's only `<h1>`, in the post, sharing a content word with a structured title or the `<title>`; then the first structured title; then `<title>` with its site part removed. Headings are read without their kicker (also a roofline), subtitle, prefix label and hidden parts; a heading marked as the site title or logo (or inside one) is not a candidate. Site-name prefixes and suffixes (the site name, also glued without spaces, `og:site_name`, the publisher, a part naming the host, or a domain name) are stripped from every candidate. |
//! | authors | JSON-LD persons (`@id` references resolved, organisations rejected) > Dublin Core `dc:creator` / `DC.creator`, `meta name=author`, `article:author` (names only), `twitter:data1` labelled "Written by", … > microdata `author` > `rel=author` links > platform/theme byline markup (`.author .fn`, `.byline`, Wix `user-name`) > a visible byline near the title ("By A and B", "Von …", a bare "Autor" label above the name, "25.10.2022 - A", a full name alone in the item after a date-only item of a meta line) > organisations the JSON-LD credits as author. On Wix, where structured data names the posting account, a visible byline in the post wins; elsewhere a JSON-LD author whom no text of the page names yields to byline markup of the page naming someone else. Account handles ("jane.doe") yield to a later signal naming a person; credited after all, a handle of a first and a last name becomes the name the post spells ("Jane M. Doe") or its capitalised parts. Names equal to the site or publisher name or the page's host name are dropped, unless no signal names anyone else: then the first signal that credits the site itself is kept. A lone first name ("Nils") is completed when the post's short texts all spell it out the same way ("Nils Pickert"). |
//! | published | JSON-LD `datePublished` (`dateCreated`, `uploadDate`) > date meta tags (`article:published_time`, `og:published_time`, `publish-date`, `pubdate`, `DC.date.issued`, `dcterms.created`, `parsely-pub-date`, `citation_publication_date`, …) > a site-namespaced meta tag (`<ns>:published_time`, `<ns>:uploaded`, …) > microdata `datePublished`/`dateCreated` in the post > date markup in the post (`<time>`, `.published`, `.entry-date`; marked as published first, then the first unlabelled one; inside the post container before above it) > meta tags that name no role (`date`, `DC.date`, `dcterms.date`) > a visible date line near the title > the URL path (page URL, canonical, `og:url`) > a line anywhere in the post labelled as the publication date > the post header's date when it is labelled as an update ("Stand: …", "Updated …") > the last resort (microdata, date markup, then the first date line anywhere but reader comments; sidebars only in a second pass; dates labelled "updated" only in a third) > the day in the `og:image` URL path. Then: a UTC timestamp yields to another structured date giving the same instant in a local offset; a structured date yields to the date the post header shows (unlabelled, not hidden) when it is later and the structured data gives it as the modification date; a date from visible text or unlabelled markup yields to the URL's day; a UTC timestamp one day off a day the page shows becomes that (local) day. Dates before 1991 or after tomorrow are skipped. |
//! | updated | JSON-LD `dateModified` > `article:modified_time` and similar > microdata `dateModified` > `time.updated` markup > a visible "Updated: …" line. Dropped when before `published`. |
//! | view/comment/like counts | JSON-LD `interactionStatistic` / `commentCount` > microdata > platform embedded JSON (Hashnode, Wix) > counter markup (`post-views-count`, Wix counters, `comments-link`, …) in the post > the comments-section heading ("3 thoughts on …", "12 comments:") > visible counter text in the post. Never from sidebars, widgets, lists of other posts or navigation. |
//! | site_name | JSON-LD `publisher.name` (the publication; `og:site_name` is often the domain or a tagline), unless it is the `og:site_name` with a top-level domain added ("Salon.com" for "Salon") > `og:site_name` > JSON-LD `WebSite.name` > `application-name` > the site part of `<title>` (none when `og:title` is the whole `<title>`; without a structured title, the end opposite the one a heading shows; a domain name at the start). |
//! | language | `<html lang>` > `Content-Language` > `meta name=language`/`DC.language` > `og:locale` > JSON-LD `inLanguage` > a guess from the script and frequent words of the text (bounded sample). |
//! | canonical_url | `link rel=canonical` > `og:url` > JSON-LD `url` > the page URL. |
//! | description | `meta name=description` > `og:description` > `twitter:description` > JSON-LD > `DC.description`. |
//! | tags | `article:tag` > JSON-LD `keywords` > `meta name=keywords` > `rel=tag` links in the post. |
//! | image | `og:image` > `twitter:image` > JSON-LD `image` > `link rel=image_src`. |

mod datepick;
mod jsonld;
mod platform;
mod scan;
mod util;

use html5ever::local_name;
use jiff::civil::Date;

use crate::article::{Author, DateValue, PageDate, Platform, Source};
use crate::dom::{Document, NodeId};
use crate::textparse::counts::{self, CountKind};
use crate::textparse::dates::{self, DateRole};
use crate::textparse::names;
use crate::{Article, PageContext};

use jsonld::JsonLdFacts;
use scan::{MetaKind, MetaTag, Region, Scan, sig};
use util::{bounded_text, same};

/// Everything the field rules share.
struct Ctx<'a, 'd> {
    doc: &'d Document,
    page: &'a PageContext<'a>,
    scan: &'a Scan<'d>,
    jl: &'a JsonLdFacts,
    platform: Option<Platform>,
    /// Primary language subtag, for the text parsers.
    lang: Option<String>,
    site: Option<String>,
    /// The distinctive label of the page's host ([`util::host_key`]), from the page URL, the
    /// canonical link or `og:url`.
    host: Option<String>,
    /// The post's container, when found.
    art: Option<Region>,
    /// The post title heading, when found.
    heading: Option<Region>,
    /// A node whose subtree is the post's wider scope (post + its footer and comments).
    scope: Option<NodeId>,
    today: Date,
}

/// Fills the metadata fields of `article` from `doc`. Returns the article's text as its
/// JSON-LD gives it (`articleBody`, plain text), for the content pass.
pub(crate) fn extract(
    doc: &Document,
    page: &PageContext<'_>,
    article: &mut Article,
) -> Option<String> {
    let scan = scan::scan(doc);
    let jl = jsonld::read(doc, &scan.json_ld, page.limits.max_json_ld_bytes);
    let host = page.url.and_then(|u| u.host_str());
    let platform = scan.hints.decide(host);
    let today = jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    let mut cx = Ctx {
        doc,
        page,
        scan: &scan,
        jl: &jl,
        platform,
        lang: None,
        site: None,
        host: None,
        art: None,
        heading: None,
        scope: None,
        today,
    };
    cx.host = page_host(&cx);
    if let Some(p) = platform {
        article.platform = Some(p);
        article.sources.platform = Some(Source::PlatformRule);
    }
    language(&cx, article);
    cx.lang = article
        .language
        .as_deref()
        .map(|l| l.split('-').next().unwrap_or(l).to_owned());
    site_name(&cx, article);
    cx.site = article.site_name.clone();
    title(&mut cx, article);
    find_container(&mut cx);
    authors(&cx, article);
    dates_of(&cx, article);
    counts_of(&cx, article);
    misc(&cx, article);
    jl.article_body
}

// ---------------------------------------------------------------------------------------------
// Meta tag lookup

impl<'d> Scan<'d> {
    /// The first non-empty `content` of a meta tag named `key` (case-insensitive; one of the
    /// space-separated names of a key like `property="dc:creator twitter:site_name"`).
    fn meta(&self, key: &str) -> Option<(&'d str, MetaKind)> {
        self.metas
            .iter()
            .find(|m| key_matches(m, key) && !m.content.trim().is_empty())
            .map(|m| (m.content.trim(), m.kind))
    }

    /// Every non-empty `content` of meta tags named `key`.
    fn metas_named<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'d str> + 's {
        self.metas
            .iter()
            .filter(move |m| key_matches(m, key) && !m.content.trim().is_empty())
            .map(|m| m.content.trim())
    }

    /// Whether the position lies in any excluded region that does not hold `keep`.
    fn pos_excluded(&self, pos: u32, keep: Option<&Region>) -> bool {
        self.excluded
            .iter()
            .any(|r| r.contains(pos) && keep.is_none_or(|k| !r.contains(k.pos)))
    }
}

/// Whether a meta tag's key names `key`: the whole key, or one of its space-separated names.
fn key_matches(m: &MetaTag<'_>, key: &str) -> bool {
    let t = m.key_trimmed;
    t.eq_ignore_ascii_case(key)
        || (m.key_spaced && t.split_whitespace().any(|k| k.eq_ignore_ascii_case(key)))
}

/// The provenance of a meta tag by its key.
fn meta_source(key: &str, kind: MetaKind) -> Source {
    let k = key.to_ascii_lowercase();
    if kind == MetaKind::Itemprop {
        Source::Microdata
    } else if k.starts_with("og:") || k.starts_with("article:") {
        Source::OpenGraph
    } else if k.starts_with("twitter:") {
        Source::TwitterCard
    } else if k.starts_with("dc.")
        || k.starts_with("dcterms.")
        || k.starts_with("dc:")
        || k.starts_with("dcterms:")
    {
        Source::DublinCore
    } else {
        Source::Meta
    }
}

fn first_meta<'d>(scan: &Scan<'d>, keys: &[&str]) -> Option<(&'d str, Source)> {
    keys.iter()
        .find_map(|k| scan.meta(k).map(|(v, kind)| (v, meta_source(k, kind))))
}

fn is_url(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("//")
        || s.starts_with('/')
}

/// The host label of the page: from the page URL, else the canonical link, else `og:url`.
fn page_host(cx: &Ctx<'_, '_>) -> Option<String> {
    let from = |u: &str| {
        url::Url::parse(u.trim())
            .ok()
            .and_then(|u| u.host_str().and_then(util::host_key))
    };
    cx.page
        .url
        .and_then(|u| u.host_str().and_then(util::host_key))
        .or_else(|| {
            cx.scan
                .links
                .iter()
                .filter(|(rel, _)| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
                .find_map(|(_, h)| from(h))
        })
        .or_else(|| first_meta(cx.scan, &["og:url"]).and_then(|(h, _)| from(h)))
}

// ---------------------------------------------------------------------------------------------
// Language and site name

fn language(cx: &Ctx<'_, '_>, article: &mut Article) {
    let scan = cx.scan;
    let mut cands: Vec<(&str, Source)> = Vec::new();
    if let Some(l) = scan.html_lang {
        cands.push((l, Source::LangAttribute));
    }
    if let Some((v, _)) = scan
        .metas
        .iter()
        .find(|m| m.kind == MetaKind::HttpEquiv && m.key.eq_ignore_ascii_case("content-language"))
        .map(|m| (m.content, m.kind))
    {
        cands.push((v, Source::Meta));
    }
    for k in ["language", "dc.language", "dcterms.language", "og:locale"] {
        if let Some((v, kind)) = scan.meta(k) {
            cands.push((v, meta_source(k, kind)));
        }
    }
    if let Some(l) = &cx.jl.language {
        cands.push((l, Source::JsonLd));
    }
    for (raw, src) in cands {
        if let Some(l) = util::normalize_lang(raw) {
            article.language = Some(l);
            article.sources.language = Some(src);
            return;
        }
    }
    // Nothing declared: guess from the text.
    if let Some(l) = util::guess_language(cx.doc) {
        article.language = Some(l.to_owned());
        article.sources.language = Some(Source::VisibleText);
    }
}

fn site_name(cx: &Ctx<'_, '_>, article: &mut Article) {
    let scan = cx.scan;
    let mut cands: Vec<(String, Source)> = Vec::new();
    let og = first_meta(scan, &["og:site_name"]);
    if let Some(p) = &cx.jl.publisher {
        // A publisher named by its domain ("Salon.com") yields to the brand `og:site_name`
        // gives ("Salon").
        if let Some((v, s)) = og
            && is_domain_of(p, v)
        {
            cands.push((v.to_owned(), s));
        }
        cands.push((p.clone(), Source::JsonLd));
    }
    if let Some((v, s)) = og {
        cands.push((v.to_owned(), s));
    }
    if let Some(w) = &cx.jl.website {
        cands.push((w.clone(), Source::JsonLd));
    }
    if let Some((v, s)) = first_meta(
        scan,
        &[
            "application-name",
            "apple-mobile-web-app-title",
            "dc.publisher",
        ],
    ) {
        cands.push((v.to_owned(), s));
    }
    for (c, src) in cands {
        let c = crate::text::clean(&c);
        if !c.is_empty() && c.chars().count() <= 120 && !is_url(&c) {
            article.site_name = Some(c);
            article.sources.site_name = Some(src);
            return;
        }
    }
    // The site part of `<title>`: a part that is not the post title (the og:title / h1).
    let Some(t) = scan.title.map(|n| crate::text::clean(&cx.doc.text_of(n))) else {
        return;
    };
    let post = first_meta(scan, &["og:title", "twitter:title"])
        .map(|(v, _)| v.to_owned())
        .or_else(|| cx.jl.headline.clone());
    // No structured title: a heading that shows one end of the `<title>` is the post title,
    // and the site is the other end ("Site » Section » Post" under a post heading). Not when
    // headings show both ends (a site-name <h1> and the post's heading).
    if post.is_none()
        && let Some((first, last)) = util::end_parts(&t)
    {
        let (fk, lk) = (util::key(first), util::key(last));
        let (mut shows_first, mut shows_last) = (false, false);
        for h in heading_texts(cx).iter().map(|h| util::key(h)) {
            shows_first |= h == fk;
            shows_last |= h == lk;
        }
        let pick = match (shows_first, shows_last) {
            (true, false) => Some(last),
            (false, true) => Some(first),
            _ => None,
        };
        if let Some(pick) = pick.filter(|p| p.chars().count() <= 80) {
            article.site_name = Some(pick.to_owned());
            article.sources.site_name = Some(Source::TitleElement);
            return;
        }
    }
    // The post title is the whole `<title>`: it has no site part.
    if post.as_deref().is_some_and(|p| same(p, &t)) {
        return;
    }
    // "Post title | Site", "Site: Post title": what is left around the post title.
    if let Some(p) = post.as_deref().map(crate::text::clean)
        && p.len() >= 4
        && t.len() > p.len()
        && let Some(i) = t.find(p.as_str())
    {
        let trim: &[char] = &[
            ' ', '|', '-', '–', '—', ':', '·', '•', '»', '«', '/', '\u{a0}',
        ];
        let before = t[..i].trim_matches(trim);
        let after = t[i + p.len()..].trim_matches(trim);
        let pick = if before.is_empty() {
            after
        } else if after.is_empty() {
            before
        } else {
            ""
        };
        if !pick.is_empty() && pick.chars().count() <= 80 {
            article.site_name = Some(pick.to_owned());
            article.sources.site_name = Some(Source::TitleElement);
        }
        return;
    }
    let parts = util::split_title(&t);
    if parts.len() < 2 {
        return;
    }
    let last = parts.last().copied().unwrap_or("");
    let first = parts.first().copied().unwrap_or("");
    let pick = match &post {
        Some(p) if same(first, p) || util::key(p).starts_with(&util::key(first)) => last,
        Some(p) if same(last, p) => first,
        // A domain name names the site ("example.de » Blog » Post").
        _ if util::is_domain_name(first) && !util::is_domain_name(last) => first,
        _ => last,
    };
    if !pick.is_empty()
        && pick.chars().count() <= 80
        && !post.as_deref().is_some_and(|p| same(p, pick))
    {
        article.site_name = Some(pick.to_owned());
        article.sources.site_name = Some(Source::TitleElement);
    }
}

/// Whether `domain` is `brand` followed by a top-level domain ("Salon.com" for "Salon").
fn is_domain_of(domain: &str, brand: &str) -> bool {
    let brand = brand.trim();
    domain.len() > brand.len() + 1
        && domain.is_char_boundary(brand.len())
        && domain[..brand.len()].eq_ignore_ascii_case(brand)
        && domain[brand.len()..].strip_prefix('.').is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_alphabetic())
        })
}

/// The title without a short note in parentheses at its end ("Headline (2021/5)" →
/// "Headline"); `None` when it has none or nothing would be left.
fn without_paren_note(t: &str) -> Option<&str> {
    let t = t.trim_end();
    let open = t.strip_suffix(')')?.rfind('(')?;
    let note = t.get(open + 1..t.len() - 1)?;
    let head = t.get(..open)?.trim_end();
    (note.chars().count() <= 24 && head.split_whitespace().count() >= 2).then_some(head)
}

/// The texts of the headings outside navigation, widgets and reader comments, as [`title`]
/// reads them, but for the site's name in the header ([`util::is_site_heading`]): `<h1>`s and marked post titles, then plain `<h2>`s; at most 16 of each.
fn heading_texts(cx: &Ctx<'_, '_>) -> Vec<String> {
    let (scan, doc) = (cx.scan, cx.doc);
    let heads = scan
        .headings
        .iter()
        .filter(|h| !scan.pos_excluded(h.pos, None) && !util::is_site_heading(doc, h.node))
        .take(16)
        .map(|h| h.node);
    heads
        .chain(post_h2s(scan).map(|c| c.node))
        .filter_map(|n| util::heading_text(doc, n, 400))
        .collect()
}

/// The first 16 plain `<h2>`s outside navigation, widgets and reader comments (a blog theme's
/// post title under a site-name `<h1>`).
fn post_h2s<'s>(scan: &'s Scan<'_>) -> impl Iterator<Item = &'s scan::Cand> + 's {
    scan.h2s
        .iter()
        .filter(|c| !scan.is_excluded(c, None) && !scan.in_comments(c, None))
        .take(16)
}

// ---------------------------------------------------------------------------------------------
// Title

fn valid_title(t: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let n = t.chars().count();
    if n == 0 || n > 400 {
        return false;
    }
    // The title's key, built once for the comparisons with the site name and the host.
    let key = util::key(t);
    !site.is_some_and(|s| !key.is_empty() && util::key(s) == key)
        && host.is_none_or(|h| key != h)
        && !util::is_domain_name(t)
        && !is_generic_title(t)
}

/// The title before a short site name glued to a CJK title with a bare separator
/// ("标题！-新华网", "标题_频道_网站"): the head, when the tail is at most eight characters
/// without spaces, holds CJK, and the head is at least twice as long ("…Wi-Fi" stays).
fn cjk_site_suffix(t: &str) -> Option<&str> {
    if !t.chars().any(dates::is_cjk) {
        return None;
    }
    let seps: &[char] = &['-', '_', '|', '｜'];
    let mut head = t.trim();
    // A run of short parts ("_科技_腾讯网") goes as a whole.
    while let Some(i) = head.rfind(seps) {
        let tail = head.get(i + 1..).unwrap_or("").trim();
        let n = tail.chars().count();
        let rest = head.get(..i).unwrap_or("").trim_end();
        if n == 0
            || n > 8
            || tail.contains(' ')
            || !tail.chars().any(dates::is_cjk)
            || rest.chars().count() < 2 * n.max(4)
        {
            break;
        }
        head = rest;
    }
    (head.len() < t.trim().len() && !head.is_empty()).then_some(head)
}

/// A title without a leading date and its separator ("23.01.2022 - Headline" → "Headline").
fn strip_date_prefix(t: &str) -> &str {
    let Some(d) = dates::find_date(t, None, None) else {
        return t;
    };
    if !t.get(..d.span.start).is_some_and(|b| b.trim().is_empty()) {
        return t;
    }
    let rest = t.get(d.span.end..).unwrap_or("");
    let sep: &[char] = &['-', '–', '—', '|', ':', '·', '•', '/'];
    let after = rest.trim_start();
    if !after.starts_with(sep) || !rest.starts_with(char::is_whitespace) && !after.starts_with(':')
    {
        return t;
    }
    let head = after.trim_start_matches(sep).trim_start();
    if head.split_whitespace().count() >= 2 {
        head
    } else {
        t
    }
}

/// Whether `t` is a page-type or section label rather than a headline: "Home", "Startseite",
/// "News", "Neuigkeiten", "Aktuelles", "Blog", "Accueil", "Inicio", "Главная".
fn is_generic_title(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ':', '!']).trim();
    // Lowercasing never gives fewer characters: a longer text than every label is none of
    // them, and is not lowercased (an allocation) for nothing.
    if t.chars().nth(GENERIC_TITLE_MAX_CHARS).is_some() {
        return false;
    }
    GENERIC_TITLES.contains(&t.to_lowercase().as_str())
}

/// The most characters of a [`GENERIC_TITLES`] entry.
const GENERIC_TITLE_MAX_CHARS: usize = 11;

/// Section and page-type labels, lowercase ([`is_generic_title`]).
const GENERIC_TITLES: &[&str] = &[
    "home",
    "homepage",
    "home page",
    "start",
    "startseite",
    "index",
    "untitled",
    "blog",
    "news",
    "latest news",
    "neuigkeiten",
    "aktuelles",
    "nachrichten",
    "accueil",
    "actualités",
    "inicio",
    "noticias",
    "notizie",
    "nieuws",
    "главная",
    "новости",
    "archive",
    "archiv",
    "archives",
    "posts",
    "beiträge",
    "articles",
    "artikel",
];

fn title(cx: &mut Ctx<'_, '_>, article: &mut Article) {
    let scan = cx.scan;
    let doc = cx.doc;
    let site = cx.site.clone();
    let site = site.as_deref();
    let host = cx.host.clone();
    let host = host.as_deref();
    // Every name the page gives itself: the chosen site name, `og:site_name`, the publisher.
    let mut other_sites: Vec<String> = Vec::new();
    for n in [
        first_meta(scan, &["og:site_name"]).map(|(v, _)| v.to_owned()),
        cx.jl.publisher.clone(),
        cx.jl.website.clone(),
    ]
    .into_iter()
    .flatten()
    {
        let n = crate::text::clean(&n);
        if !n.is_empty() && !site.is_some_and(|s| same(s, &n)) && !is_url(&n) {
            other_sites.push(n);
        }
    }
    let clean_cand = |s: &str| -> String {
        let t = crate::text::clean(&jsonld::decode_entities(s));
        let mut out = util::strip_site_parts(&t, site, host);
        for o in &other_sites {
            if out.len() < t.len() {
                break;
            }
            out = util::strip_site_parts(out, Some(o), None);
        }
        strip_date_prefix(out).to_owned()
    };

    let mut structured: Vec<(String, Source)> = Vec::new();
    if let Some(h) = &cx.jl.headline {
        structured.push((clean_cand(h), Source::JsonLd));
    }
    // Dublin Core names the document's title on purpose (few pages carry it, mostly
    // repositories and CMSs that fill it from the post title), as property ("dc:title") before
    // name ("DC.title") like the creator; Open Graph and Twitter titles are often rewritten for
    // sharing. Parse.ly's `parsely-title` is the post title its tag carries.
    if let Some((v, s)) = first_meta(
        scan,
        &["dc:title", "dc.title", "dcterms:title", "dcterms.title"],
    ) {
        structured.push((clean_cand(v), s));
    }
    for k in ["og:title", "twitter:title", "parsely-title"] {
        if let Some((v, s)) = first_meta(scan, &[k]) {
            structured.push((clean_cand(v), s));
        }
    }
    if let Some((v, s)) = first_meta(scan, &["headline"]) {
        structured.push((clean_cand(v), s));
    } else if let Some((_, c)) = scan.itemprops.iter().find(|(p, c)| {
        p.split_ascii_whitespace().any(|p| p == "headline") && !scan.is_excluded(c, None)
    }) && let Some(t) = bounded_text(doc, c.node, 400)
    {
        structured.push((clean_cand(&t), Source::Microdata));
    }
    if let Some((v, s)) = first_meta(scan, &["title"]) {
        structured.push((clean_cand(v), s));
    }
    if cx.jl.is_article
        && let Some(n) = &cx.jl.name
    {
        structured.push((clean_cand(n), Source::JsonLd));
    }
    // A second, different `og:title` (two SEO plugins each print one): last, so that it only
    // counts when a heading agrees with it.
    for k in ["og:title", "twitter:title"] {
        for m in scan.metas.iter().filter(|m| key_matches(m, k)) {
            let v = m.content.trim();
            if v.is_empty() {
                continue;
            }
            let c = clean_cand(v);
            if !structured.iter().any(|(t, _)| *t == c) {
                structured.push((c, meta_source(k, m.kind)));
            }
        }
    }
    structured.retain(|(t, _)| valid_title(t, site, host));

    // Headings, with whether they sit in navigation or a widget (some pages put the post's
    // <h1> in their breadcrumb bar: it still counts when a structured title agrees with it).
    let all_heads: Vec<(String, Region, bool)> = scan
        .headings
        .iter()
        .take(24)
        .filter_map(|h| {
            util::heading_text(doc, h.node, 400)
                .map(|t| (clean_cand(&t), *h, scan.pos_excluded(h.pos, None)))
        })
        .filter(|(t, r, _)| valid_title(t, site, host) && !util::is_site_heading(doc, r.node))
        .collect();
    let heads: Vec<(String, Region)> = all_heads
        .iter()
        .filter(|(_, _, excl)| !excl)
        .take(12)
        .map(|(t, r, _)| (t.clone(), *r))
        .collect();
    let title_el = scan
        .title
        .map(|n| crate::text::clean(&doc.text_of(n)))
        .filter(|t| !t.is_empty());

    let mut chosen: Option<(String, Source, Option<Region>)> = None;
    // 0. The page's only <h1> when it extends a structured title cut short: the same title
    //    may also stand in a related-posts widget in its short form.
    let only_h1 = {
        let mut h1 = heads.iter().filter(|(_, r)| doc.tag(r.node) == "h1");
        match (h1.next(), h1.next()) {
            (Some(h), None) => Some(h),
            _ => None,
        }
    };
    if let Some((h, r)) = only_h1 {
        let hk = util::key(h);
        if structured.iter().any(|(c, _)| {
            let ck = util::key(c.trim_end_matches(['…', '.']));
            ck.chars().count() >= 12 && hk.len() > ck.len() && hk.starts_with(&ck)
        }) {
            chosen = Some((h.clone(), Source::Heading, Some(*r)));
        }
    }
    // 1. A structured title that agrees with a heading.
    if chosen.is_none() {
        chosen = structured.iter().find_map(|(c, src)| {
            all_heads
                .iter()
                .find(|(h, _, _)| same(c, h))
                .map(|(_, r, _)| (c.clone(), *src, Some(*r)))
        });
    }
    // Plain <h2>s, read like the headings; only the steps below that run while no title is
    // chosen read them.
    let h2s: Vec<(String, Region)> = post_h2s(scan)
        .filter(|_| chosen.is_none())
        .filter_map(|c| {
            let t = clean_cand(&util::heading_text(doc, c.node, 400)?);
            let r = Region {
                node: c.node,
                pos: c.pos,
                end: c.pos.saturating_add(1),
                what: c.what,
            };
            valid_title(&t, site, host).then_some((t, r))
        })
        .collect();
    // 1b. A structured title that a plain <h2> repeats; or repeats without the note in
    //     parentheses the structured title adds ("Headline (2021/5)"): then the heading.
    if chosen.is_none() {
        chosen = structured.iter().find_map(|(c, src)| {
            let bare = without_paren_note(c);
            h2s.iter().find_map(|(h, r)| {
                if same(c, h) {
                    Some((c.clone(), *src, Some(*r)))
                } else if bare.is_some_and(|b| same(b, h)) {
                    Some((h.clone(), Source::Heading, Some(*r)))
                } else {
                    None
                }
            })
        });
    }
    // 2. A heading that extends a structured title cut short ("Long title…").
    if chosen.is_none() {
        'outer2: for (c, _) in &structured {
            let ck = util::key(c.trim_end_matches(['…', '.']));
            if ck.chars().count() < 12 {
                continue;
            }
            for (h, r) in &heads {
                if util::key(h).starts_with(&ck) {
                    chosen = Some((h.clone(), Source::Heading, Some(*r)));
                    break 'outer2;
                }
            }
        }
    }
    // 3. A post heading that a structured title or the <title> contains (a kicker or the
    //    site name around it); post-title markup first.
    let mut ordered: Vec<&(String, Region)> = heads
        .iter()
        .filter(|(_, r)| r.what & sig::TITLE != 0)
        .collect();
    ordered.extend(heads.iter().filter(|(_, r)| r.what & sig::TITLE == 0));
    let heading_src = |r: &Region| {
        if r.what & sig::TITLE != 0 && cx.platform.is_some() {
            Source::PlatformRule
        } else {
            Source::Heading
        }
    };
    if chosen.is_none() {
        let mut hay: Vec<String> = structured.iter().map(|(c, _)| util::key(c)).collect();
        if let Some(t) = &title_el {
            hay.push(util::key(t));
        }
        if let Some((h, r)) = ordered.iter().find(|(h, _)| {
            let hk = util::key(h);
            hk.chars().count() >= 8 && hay.iter().any(|t| t.contains(&hk))
        }) {
            chosen = Some((h.clone(), heading_src(r), Some(*r)));
        }
    }
    // 3c. A plain <h2> that is the last part of a structured title or the <title>, the site
    //     and section names in front ("Site » Section » Post title").
    if chosen.is_none() {
        let hay: Vec<&str> = structured
            .iter()
            .map(|(c, _)| c.as_str())
            .chain(title_el.as_deref())
            .collect();
        if let Some((h, r)) = h2s.iter().find(|(h, _)| {
            let hk = util::key(h);
            h.split_whitespace().count() >= 2
                && hk.chars().count() >= 8
                && hay.iter().any(|t| util::is_last_part(t, &hk))
        }) {
            chosen = Some((h.clone(), Source::Heading, Some(*r)));
        }
    }
    // The post's own heading: marked as the post title, or the only <h1> of a post container,
    // or the page's only <h1>.
    let in_container = |r: &Region| {
        scan.containers
            .iter()
            .chain(scan.item_articles.iter())
            .any(|c| c.contains(r.pos) && c.pos != r.pos)
    };
    let h1s = heads
        .iter()
        .filter(|(_, r)| doc.tag(r.node) == "h1")
        .count();
    let post_heading = ordered
        .iter()
        .find(|(_, r)| r.what & sig::TITLE != 0)
        .or_else(|| ordered.iter().find(|(_, r)| in_container(r)))
        .or_else(|| if h1s == 1 { ordered.first() } else { None })
        .filter(|(h, _)| {
            // A heading cut short ("Local News | Brothel catering to…") is a teaser.
            h.split_whitespace().count() >= 2 && !h.ends_with('…') && !h.ends_with("...")
        });
    // 3b. The post heading when it reads as the same article as a structured title says (a
    //     reworded headline: most words shared), and does not merely add a kicker in front of
    //     it ("Kicker Headline" for "Headline").
    if chosen.is_none()
        && let Some((h, r)) = post_heading
    {
        let hk = util::key(h);
        let agrees = structured.iter().any(|(c, _)| {
            let (share, n) = util::word_overlap(c, h);
            share >= 0.5 && n >= 2 && !hk.ends_with(&util::key(c))
        });
        // The page's only <h1>, in the post or marked as its title, sharing a content word
        // with a structured title or the <title> (at least half of the heading's words of four
        // letters or more): the visible headline, which the meta tags reword for search. Not
        // when it merely adds a kicker or a date in front of one.
        let in_post = r.what & sig::TITLE != 0 || in_container(r);
        let sole_h1 = in_post && only_h1.is_some_and(|(_, o)| o.node == r.node);
        let others: Vec<&str> = structured
            .iter()
            .map(|(c, _)| c.as_str())
            .chain(title_el.as_deref())
            .collect();
        let agrees = agrees
            || (sole_h1
                && !others.iter().any(|c| {
                    let ck = util::key(c);
                    !ck.is_empty() && hk.ends_with(&ck)
                })
                && others.iter().any(|c| {
                    util::word_overlap(c, h).0 >= 0.2
                        && 2 * shared_long_words(c, h) >= long_words(h).max(1)
                }));
        if agrees {
            chosen = Some((h.clone(), heading_src(r), Some(*r)));
        }
    }
    // 4. The first structured title.
    if chosen.is_none()
        && let Some((c, src)) = structured.first()
    {
        chosen = Some((c.clone(), *src, None));
    }
    // 5. <title> without its site part.
    if chosen.is_none()
        && let Some(t) = &title_el
    {
        let stripped = util::strip_site_parts(t, site, host);
        let pick = if stripped.len() < t.len() {
            stripped.to_owned()
        } else if let Some(head) = cjk_site_suffix(t) {
            head.to_owned()
        } else {
            let parts = util::split_title(t);
            parts
                .iter()
                .max_by_key(|p| p.split_whitespace().count())
                .map_or_else(|| t.clone(), |p| (*p).to_owned())
        };
        if valid_title(&pick, site, host) {
            chosen = Some((pick, Source::TitleElement, None));
        }
    }
    // 5b. The post heading, when there is no other title at all.
    if chosen.is_none()
        && let Some((h, r)) = post_heading
    {
        chosen = Some((h.clone(), heading_src(r), Some(*r)));
    }
    // 6. A lone heading.
    if chosen.is_none()
        && let Some((h, r)) = heads.first()
    {
        chosen = Some((h.clone(), Source::Heading, Some(*r)));
    }
    if let Some((t, src, r)) = chosen {
        // Find the heading that shows the title, for locating the post.
        // A heading the title contains (the title adds a kicker: "Tip of the month: Heading"),
        // else the first post-title heading or the only <h1>.
        let tk = util::key(&t);
        cx.heading = r
            .or_else(|| heads.iter().find(|(h, _)| same(h, &t)).map(|(_, r)| *r))
            .or_else(|| {
                heads
                    .iter()
                    .find(|(h, _)| {
                        let hk = util::key(h);
                        hk.chars().count() >= 6 && tk.contains(&hk)
                    })
                    .map(|(_, r)| *r)
            })
            .or_else(|| {
                ordered
                    .iter()
                    .find(|(_, r)| r.what & sig::TITLE != 0)
                    .map(|(_, r)| *r)
            })
            .or_else(|| {
                let mut h1 = heads.iter().filter(|(_, r)| doc.tag(r.node) == "h1");
                match (h1.next(), h1.next()) {
                    (Some((_, r)), None) => Some(*r),
                    _ => None,
                }
            });
        // No heading shows it: the first visible text that does (a title set in a <div> or a
        // <strong>) places the post.
        if cx.heading.is_none() && tk.chars().count() >= 6 {
            cx.heading = scan
                .texts
                .iter()
                .filter(|c| !scan.is_excluded(c, None))
                .find(|c| {
                    doc.text(c.node).is_some_and(|x| {
                        let xk = util::key(x);
                        xk == tk
                            || (xk.chars().count() * 10 >= tk.chars().count() * 7
                                && tk.contains(&xk))
                    })
                })
                .and_then(|c| {
                    let p = doc.parent(c.node)?;
                    Some(Region {
                        node: p,
                        pos: c.pos.saturating_sub(1),
                        end: c.pos.saturating_add(1),
                        what: 0,
                    })
                });
        }
        article.title = Some(t);
        article.sources.title = Some(src);
    } else {
        cx.heading = heads.first().map(|(_, r)| *r);
    }
}

/// The number of words of four letters or more in `s` (the words [`shared_long_words`] counts).
fn long_words(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .take(64)
        .count()
}

/// Words of four letters or more that both strings hold (compared as [`util::key`]).
fn shared_long_words(a: &str, b: &str) -> usize {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(util::key)
            .filter(|w| w.chars().count() >= 4)
            .take(64)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    wa.iter().filter(|w| wb.contains(w)).count()
}

// ---------------------------------------------------------------------------------------------
// The post container

fn find_container(cx: &mut Ctx<'_, '_>) {
    let scan = cx.scan;
    let candidates = || {
        scan.item_articles
            .iter()
            .chain(scan.containers.iter())
            .filter(|r| !scan.pos_excluded(r.pos, None))
    };
    let art = match cx.heading {
        Some(h) => candidates()
            .filter(|r| r.contains(h.pos))
            .max_by_key(|r| r.pos)
            // A container that starts right after the heading (themes that put the title
            // above the post box); one far below it is another post or a list.
            .or_else(|| {
                candidates()
                    .filter(|r| r.pos > h.pos && r.pos <= h.end.saturating_add(150))
                    .min_by_key(|r| r.pos)
            }),
        None => scan
            .item_articles
            .iter()
            .find(|r| !scan.pos_excluded(r.pos, None))
            .or_else(|| {
                let mut arts = candidates();
                let first = arts.next();
                // Several sibling containers and no heading to choose by: a list page.
                if arts.next().is_some() { None } else { first }
            }),
    }
    .copied();
    // Every container sits in a region marked as a widget: take the first one anyway, unless
    // that region leaves out the post heading (a teaser in the related-posts block below it).
    let art = art
        .or_else(|| {
            scan.item_articles
                .first()
                .or(scan.containers.first())
                .filter(|r| {
                    scan.item_articles.len() + scan.containers.len() <= 2
                        && cx
                            .heading
                            .is_none_or(|h| !scan.pos_excluded(r.pos, Some(&h)))
                })
                .copied()
        })
        .or_else(|| scan.mains.first().copied());
    cx.art = art;
    // The wider scope: the container's parent or grandparent (below <body>), which holds the
    // post footer and the comments section on most platforms.
    if let Some(a) = art {
        let mut scope = a.node;
        for anc in cx.doc.ancestors(a.node).take(2) {
            if matches!(cx.doc.tag(anc), "body" | "html" | "") {
                break;
            }
            scope = anc;
        }
        // The scope also holds the post heading when the heading sits above the container.
        if let Some(h) = cx.heading
            && a.pos > h.pos
            && a.pos <= h.end.saturating_add(150)
            && !cx.doc.ancestors(h.node).any(|a| a == scope)
        {
            let doc = cx.doc;
            if let Some(common) = doc
                .ancestors(scope)
                .take(6)
                .take_while(|&a| !matches!(doc.tag(a), "body" | "html" | ""))
                .find(|&a| doc.ancestors(h.node).any(|b| b == a))
            {
                scope = common;
            }
        }
        cx.scope = Some(scope);
    }
}

impl Ctx<'_, '_> {
    /// Whether a candidate node belongs to the post: not in a sidebar or list of other posts,
    /// and (when the post was located) inside its wider scope. A region that holds the post
    /// container or the post's heading is not a sidebar, whatever its classes say
    /// ("intro__socialSharing").
    fn in_post(&self, c: &scan::Cand) -> bool {
        if self.scan.is_excluded(c, self.art.as_ref())
            && self.scan.is_excluded(c, self.heading.as_ref())
        {
            return false;
        }
        match self.scope {
            Some(s) => c.node == s || self.doc.ancestors(c.node).any(|a| a == s),
            None => true,
        }
    }

    /// Whether the candidate sits between the post heading and a post container that starts
    /// below it (the byline line of themes that put the title above the post box).
    fn above_art(&self, c: &scan::Cand) -> bool {
        match (self.heading, self.art) {
            (Some(h), Some(a)) => a.pos > h.pos && c.pos >= h.pos && c.pos < a.pos,
            _ => false,
        }
    }

    fn in_art(&self, c: &scan::Cand) -> bool {
        self.art.is_none_or(|a| a.contains(c.pos))
    }

    fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }
}

// ---------------------------------------------------------------------------------------------
// Authors

fn is_org_name(cx: &Ctx<'_, '_>, name: &str) -> bool {
    let k = util::key(name);
    if k.is_empty() {
        return true;
    }
    // The page's own host name ("example.de" on www.example.de).
    if let Some(h) = &cx.host
        && name.contains('.')
        && !name.contains(char::is_whitespace)
        && util::host_key(name).as_deref() == Some(h.as_str())
    {
        return true;
    }
    let mut orgs: Vec<&str> = cx.jl.orgs.iter().map(String::as_str).collect();
    if let Some(s) = &cx.site {
        orgs.push(s);
    }
    orgs.iter().any(|o| {
        let ok = util::key(o);
        if ok == k {
            return true;
        }
        // "AAANews" for the site "AAANews Blog": the site name with a generic word removed.
        // The generic word is looked for first: the rest is built only around one.
        let words: Vec<&str> = o.split_whitespace().collect();
        words.len() >= 2
            && words.iter().enumerate().any(|(i, w)| {
                GENERIC_SITE_WORDS.iter().any(|g| w.eq_ignore_ascii_case(g))
                    && words
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != i)
                        .map(|(_, w)| util::key(w))
                        .collect::<String>()
                        == k
            })
    })
}

/// Words that make a name a site's name: "AAANews Blog", "The Daily News".
const GENERIC_SITE_WORDS: [&str; 14] = [
    "blog", "news", "magazine", "online", "media", "team", "staff", "the", "journal", "daily",
    "weekly", "times", "post", "mag",
];

fn accept_names(cx: &Ctx<'_, '_>, names: Vec<Author>) -> Vec<Author> {
    accept_names_with(cx, names, false)
}

/// The plausible names of `names`, deduplicated. Names equal to the site or publisher name are
/// dropped unless `site_ok` (the last resort: a page that credits its own site as the author).
fn accept_names_with(cx: &Ctx<'_, '_>, names: Vec<Author>, site_ok: bool) -> Vec<Author> {
    let site = if site_ok { None } else { cx.site.as_deref() };
    let mut out: Vec<Author> = Vec::new();
    for a in names {
        let name = crate::text::clean(&a.name);
        if !names::is_plausible_name(&name, site)
            || names::phrase_like(&name)
            || (!site_ok && is_org_name(cx, &name))
            || is_url(&name)
        {
            continue;
        }
        if name.contains('@') || name.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
            continue;
        }
        if !out.iter().any(|o| same(&o.name, &name)) {
            out.push(Author::new(name, a.url));
        }
    }
    out
}

/// Whether the nearest microdata item around `node` is an article (`BlogPosting`,
/// `NewsArticle`, …) that holds the post's heading or container: its `author` credits the post even in an
/// `<aside>` of the article (and a related-post teaser, an item of its own, does not).
fn in_article_item(cx: &Ctx<'_, '_>, node: NodeId) -> bool {
    let doc = cx.doc;
    let post: Vec<NodeId> = [cx.heading, cx.art]
        .iter()
        .flatten()
        .map(|r| r.node)
        .collect();
    doc.ancestors(node)
        .take(40)
        .find(|&a| doc.attr(a, "itemscope").is_some())
        .filter(|&a| {
            doc.attr(a, "itemtype").is_some_and(|t| {
                let t = t.trim().rsplit('/').next().unwrap_or("");
                t.ends_with("Article") || t.ends_with("Posting")
            })
        })
        .is_some_and(|a| {
            post.iter()
                .any(|&p| p == a || doc.ancestors(p).any(|h| h == a))
        })
}

fn names_to_authors(v: Vec<String>, url: Option<String>) -> Vec<Author> {
    let single = v.len() == 1;
    v.into_iter()
        .map(|n| Author::new(n, if single { url.clone() } else { None }))
        .collect()
}

/// Names in an author element's text: a byline ("By A and B") or, for name-like markup, the
/// text itself.
fn names_in(cx: &Ctx<'_, '_>, node: NodeId, name_like: bool) -> Vec<String> {
    let Some(text) = bounded_text(cx.doc, node, 160) else {
        return Vec::new();
    };
    if let Some(v) = names::parse_byline(&text) {
        return v;
    }
    if name_like && text.chars().count() <= 80 {
        // "Zeige alle Beiträge von A", "View all posts by A": a link label around the name.
        if has_intro_word(&text) {
            return names_in_author_line(&text, cx.lang());
        }
        return names::split_names(&text);
    }
    if text.chars().count() <= 100 {
        return names_in_author_line(&text, cx.lang());
    }
    Vec::new()
}

/// Words that introduce the author inside a line marked up as the byline ("Erstellt von A",
/// "Text: A", "Publié par A").
const INTRO_WORDS: [&str; 14] = [
    "by", "von", "par", "por", "door", "av", "af", "di", "da", "text", "autor", "autorin",
    "author", "autore",
];

/// Whether one of the first four words of `text` introduces an author ([`INTRO_WORDS`]) and
/// a name follows it.
fn has_intro_word(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(5).collect();
    words.iter().take(4).enumerate().any(|(i, w)| {
        INTRO_WORDS.contains(&w.trim_end_matches(':').to_lowercase().as_str())
            && i + 1 < words.len()
    })
}

/// Names on a line the markup marks as the byline, when the line is not a byline the text
/// parser reads: "Janic Cathomen, 01.12.2021" (a date beside the name), "Erstellt von A" (a
/// verb before the marker). The date is removed, the words up to a marker among the first five
/// are dropped, and every name left must start with a capital letter.
fn names_in_author_line(text: &str, lang: Option<&str>) -> Vec<String> {
    let mut line = text.to_owned();
    if let Some(f) = dates::find_date(text, lang, None)
        && let (Some(a), Some(b)) = (text.get(..f.span.start), text.get(f.span.end..))
    {
        line = format!("{a} {b}");
    }
    let seps: &[char] = &[' ', ',', '|', '·', '•', '-', '–', '—', '/', ':', '(', ')'];
    let mut rest = line.trim_matches(seps);
    // Drop everything up to a marker word among the first four words.
    let mut offset = 0;
    for (i, w) in rest.split_whitespace().take(5).enumerate() {
        let start = rest[offset..].find(w).map_or(offset, |p| offset + p);
        offset = start + w.len();
        let bare = w.trim_end_matches(':').to_lowercase();
        if i < 4 && INTRO_WORDS.contains(&bare.as_str()) {
            rest = rest.get(offset..).unwrap_or("").trim_matches(seps);
            break;
        }
    }
    let v = names::split_names(rest);
    if v.iter()
        .all(|n| capitalised(n) && n.split_whitespace().count() <= 4)
    {
        v
    } else {
        Vec::new()
    }
}

fn href_of(cx: &Ctx<'_, '_>, node: NodeId) -> Option<String> {
    let doc = cx.doc;
    let a = if doc.tag(node) == "a" {
        Some(node)
    } else {
        doc.descendants(node).take(20).find(|&n| doc.tag(n) == "a")
    }?;
    doc.attr(a, &local_name!("href"))
        .map(str::trim)
        .filter(|h| !h.is_empty() && !h.starts_with('#') && !h.starts_with("javascript:"))
        .map(|h| cx.page.resolve(h))
}

fn authors(cx: &Ctx<'_, '_>, article: &mut Article) {
    let scan = cx.scan;
    let doc = cx.doc;
    let mut groups: Vec<(Vec<Author>, Source)> = Vec::new();

    // 1. JSON-LD.
    groups.push((cx.jl.authors.clone(), Source::JsonLd));

    // 2. Meta tags.
    let mut metas: Vec<(Vec<Author>, Source)> = Vec::new();
    // Dublin Core first, as property ("dc:creator") before name ("DC.creator"): a page that
    // fills both it and `author` states the creator most deliberately there.
    for key in [
        "dc:creator",
        "dc.creator",
        "dcterms:creator",
        "dcterms.creator",
        "author",
        "article:author",
        "og:article:author",
        "parsely-author",
        "sailthru.author",
        // Shareaholic's WordPress plugin names the post's author beside its share buttons.
        "shareaholic:article_author_name",
    ] {
        if let Some((v, kind)) = scan.meta(key) {
            // The site's name as a whole ("Jobs & Hire") is not split into two names.
            if is_url(v) {
                continue;
            }
            if is_org_name(cx, v) {
                metas.push((
                    names_to_authors(vec![v.to_owned()], None),
                    meta_source(key, kind),
                ));
                continue;
            }
            metas.push((
                names_to_authors(names::split_names(v), None),
                meta_source(key, kind),
            ));
        }
    }
    let label1 = scan
        .meta("twitter:label1")
        .map(|(v, _)| v.to_ascii_lowercase());
    if label1.as_deref().is_some_and(|l| {
        l.contains("written by")
            || l.contains("author")
            || l.contains("verfasst")
            || l.contains("autor")
    }) && let Some((v, _)) = scan.meta("twitter:data1")
    {
        metas.push((
            names_to_authors(names::split_names(v), None),
            Source::TwitterCard,
        ));
    }
    let citation: Vec<Author> = scan
        .metas_named("citation_author")
        .flat_map(|v| names_to_authors(names::split_names(v), None))
        .collect();
    if !citation.is_empty() {
        metas.push((citation, Source::Meta));
    }
    if let Some((v, _)) = scan.meta("byl") {
        let v = names::parse_byline(v).unwrap_or_else(|| names::split_names(v));
        metas.push((names_to_authors(v, None), Source::Meta));
    }
    groups.extend(metas);

    // 3. Microdata `author`.
    let mut micro: Vec<Author> = Vec::new();
    for (props, c) in &scan.itemprops {
        if !props
            .split_ascii_whitespace()
            .any(|p| p == "author" || p == "creator")
        {
            continue;
        }
        // The byline between the post heading and a post container starting below it belongs
        // to the post even outside the container's scope.
        let above = cx.above_art(c) && !scan.is_excluded(c, None);
        if !(cx.in_post(c) || above || in_article_item(cx, c.node))
            || scan.in_comments(c, cx.art.as_ref())
        {
            continue;
        }
        let name_node = scan
            .itemprops
            .iter()
            .filter(|(p, n)| {
                n.pos > c.pos
                    && p.split_ascii_whitespace().any(|p| p == "name")
                    && doc.ancestors(n.node).take(8).any(|a| a == c.node)
            })
            .map(|(_, n)| n.node)
            .next();
        let (names, url) = match name_node {
            Some(n) => {
                let v = doc
                    .attr(n, &local_name!("content"))
                    .map(names::split_names)
                    .unwrap_or_else(|| names_in(cx, n, true));
                (v, href_of(cx, c.node))
            }
            None => {
                let v = match doc.attr(c.node, &local_name!("content")) {
                    Some(v) if !is_url(v) => names::split_names(v),
                    _ => names_in(cx, c.node, true),
                };
                (v, href_of(cx, c.node))
            }
        };
        micro.extend(names_to_authors(names, url));
        if micro.len() >= 10 {
            break;
        }
    }
    groups.push((micro, Source::Microdata));

    // 4. rel=author links.
    let mut rel: Vec<Author> = Vec::new();
    for c in &scan.rel_authors {
        if !cx.in_post(c) || scan.in_comments(c, cx.art.as_ref()) {
            continue;
        }
        let v = names_in(cx, c.node, true);
        rel.extend(names_to_authors(v, href_of(cx, c.node)));
        if rel.len() >= 10 {
            break;
        }
    }
    groups.push((rel, Source::RelAuthor));

    // 5. Byline markup of the theme or platform.
    let mut marked: Vec<Author> = Vec::new();
    let mut taken: Vec<NodeId> = Vec::new();
    let authored: Vec<&scan::Cand> = scan
        .signed
        .iter()
        .filter(|c| c.what & sig::AUTHOR != 0)
        .collect();
    let mut boxes: Vec<NodeId> = Vec::new();
    for (i, c) in authored.iter().enumerate() {
        if !cx.in_post(c)
            || !(cx.in_art(c) || cx.above_art(c))
            || scan.in_comments(c, cx.art.as_ref())
        {
            continue;
        }
        // A byline box whose name is marked up inside it ("author" > "author-link" + "author-
        // title"): the name element speaks for it.
        if c.what & sig::NAME == 0 {
            // The box's other parts (the role, the bio line) are not names.
            if doc.ancestors(c.node).take(6).any(|a| boxes.contains(&a)) {
                continue;
            }
            if authored.iter().skip(i + 1).take(8).any(|n| {
                n.what & sig::NAME != 0 && doc.ancestors(n.node).take(6).any(|a| a == c.node)
            }) {
                boxes.push(c.node);
                continue;
            }
        }
        if taken
            .iter()
            .any(|&t| doc.ancestors(c.node).take(12).any(|a| a == t))
        {
            continue;
        }
        // Further bylines must sit beside the first (one block naming several authors), not
        // in a comment list or a related-posts widget further down.
        if let Some(&first) = taken.first() {
            let near: Vec<NodeId> = doc.ancestors(first).take(4).collect();
            if !doc.ancestors(c.node).take(4).any(|a| near.contains(&a)) {
                continue;
            }
        }
        let v = names_in(cx, c.node, c.what & sig::NAME != 0);
        if v.is_empty() {
            continue;
        }
        taken.push(c.node);
        marked.extend(names_to_authors(v, href_of(cx, c.node)));
        if marked.len() >= 10 {
            break;
        }
    }
    let marked_src = if cx.platform.is_some() {
        Source::PlatformRule
    } else {
        Source::VisibleText
    };

    // 6. A visible byline near the title.
    let visible = visible_byline(cx);

    if cx.platform == Some(Platform::Wix) {
        // Wix posts under an account; a byline in the post names the writers.
        groups.insert(0, (visible.clone(), Source::VisibleText));
    }
    groups.push((marked, marked_src));
    groups.push((visible, Source::VisibleText));

    let mut chosen: Option<(Vec<Author>, Source)> = None;
    // Account handles ("jane.doe", "jdoe_42") and companies ("Web Agentur GmbH") yield to a
    // later signal that names a person.
    let mut handles: Option<(Vec<Author>, Source)> = None;
    // A signal that names only the site or its publisher ("Deutscher Tennis Bund" on the
    // association's own site, a personal blog named after its author): used when nothing else
    // names an author.
    let mut site_credit: Option<(Vec<Author>, Source)> = None;
    for (g, src) in &groups {
        let ok = accept_names(cx, g.clone());
        if ok.is_empty() {
            if site_credit.is_none() {
                let own = accept_names_with(cx, g.clone(), true);
                if !own.is_empty() {
                    site_credit = Some((own, *src));
                }
            }
            continue;
        }
        if ok
            .iter()
            .all(|a| names::is_handle(&a.name) || names::is_legal_entity(&a.name))
        {
            if handles.is_none() {
                handles = Some((ok, *src));
            }
            continue;
        }
        chosen = Some((ok, *src));
        break;
    }
    // Structured data crediting someone the page never shows, while the page's own byline
    // markup names someone else (a default or stale account in the JSON-LD): the page wins.
    if let Some((json, Source::JsonLd)) = &chosen
        && !names_shown(cx, json)
        && let Some(alt) = groups
            .iter()
            .filter(|(_, s)| {
                matches!(
                    s,
                    Source::Microdata
                        | Source::RelAuthor
                        | Source::PlatformRule
                        | Source::VisibleText
                )
            })
            .find_map(|(g, s)| {
                let ok = accept_names(cx, g.clone());
                let person = ok
                    .iter()
                    .any(|a| !names::is_handle(&a.name) && !names::is_legal_entity(&a.name));
                let other = ok
                    .iter()
                    .all(|a| !json.iter().any(|b| same(&a.name, &b.name)));
                (person && other).then_some((ok, *s))
            })
    {
        chosen = Some(alt);
    }
    // 7. A line in the post that labels its author ("Autorin: …" under the text); read only
    //    when nothing else named a person.
    let chosen = chosen.or_else(|| {
        let v = labelled_byline(cx);
        (!v.is_empty()).then_some((v, Source::VisibleText))
    });
    // Last: organisations that the structured data credits as the author.
    let chosen = chosen.or(handles).or_else(|| {
        let mut orgs: Vec<Author> = Vec::new();
        for n in &cx.jl.org_authors {
            let n = crate::text::clean(n);
            if names::is_plausible_name(&n, None)
                && !is_url(&n)
                && !orgs.iter().any(|o| same(&o.name, &n))
            {
                orgs.push(Author::new(n, None));
            }
        }
        (!orgs.is_empty()).then_some((orgs, Source::JsonLd))
    });
    let chosen = chosen.or(site_credit);
    let Some((mut authors, src)) = chosen else {
        return;
    };
    // A lone first name from an account ("Nils") that the post spells out in full.
    if let [a] = authors.as_mut_slice()
        && let Some(full) = full_name_in_post(cx, &a.name)
    {
        a.name = full;
    }
    // Account handles built from a person's names ("robert.stitz"): the name as the page
    // writes it ("Christian P. Stadtfeld"), or else the two parts capitalised.
    for a in &mut authors {
        if let Some(full) = name_of_handle(cx, &a.name) {
            a.name = full;
        }
    }
    // Fill in profile URLs from other signals naming the same person.
    for a in authors.iter_mut().filter(|a| a.url.is_none()) {
        a.url = groups
            .iter()
            .flat_map(|(g, _)| g.iter())
            .find(|b| b.url.is_some() && same(&b.name, &a.name))
            .and_then(|b| b.url.clone());
    }
    for a in &mut authors {
        if let Some(u) = &a.url {
            a.url = Some(cx.page.resolve(u));
        }
    }
    authors.truncate(20);
    article.authors = authors;
    article.sources.authors = Some(src);
}

/// Whether a short text of the page's body holds the last word of one of `names` (compared
/// ASCII case-insensitively).
fn names_shown(cx: &Ctx<'_, '_>, names: &[Author]) -> bool {
    let lasts: Vec<&str> = names
        .iter()
        .filter_map(|a| a.name.split_whitespace().next_back())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() >= 2)
        .collect();
    lasts.is_empty()
        || cx.scan.texts.iter().any(|t| {
            cx.doc
                .text(t.node)
                .is_some_and(|text| lasts.iter().any(|l| scan::contains_ci(text, l)))
        })
}

/// The person's name behind an account handle of a first and a last name joined by a dot or an
/// underscore ("robert.stitz", "christian_stadtfeld"; each part of three letters or more, so a
/// host name like "stol.it" is not one): the words of a short text of the post that spell it,
/// with at most one initial between them ("Christian P. Stadtfeld"), or the parts capitalised.
fn name_of_handle(cx: &Ctx<'_, '_>, handle: &str) -> Option<String> {
    let (first, last) = handle.split_once(['.', '_'])?;
    let part = |p: &str| {
        p.chars().count() >= 3 && p.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
    };
    if !part(first) || !part(last) {
        return None;
    }
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    for t in cx.scan.texts.iter().take(20_000) {
        let Some(text) = cx.doc.text(t.node) else {
            continue;
        };
        if !scan::contains_ci(text, last)
            || !cx.in_post(t)
            || cx.scan.in_comments(t, cx.art.as_ref())
        {
            continue;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if !w.starts_with(char::is_uppercase) || bare(w) != first {
                continue;
            }
            let initial = |m: &str| {
                let c: Vec<char> = m.chars().collect();
                c.len() == 2 && c[0].is_uppercase() && c[1] == '.'
            };
            let end = match (words.get(i + 1), words.get(i + 2)) {
                (Some(n), _) if bare(n) == last => i + 1,
                (Some(m), Some(n)) if initial(m) && bare(n) == last => i + 2,
                _ => continue,
            };
            let name: Vec<&str> = words[i..=end]
                .iter()
                .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.'))
                .collect();
            let name = name.join(" ");
            let name = name.trim_end_matches('.');
            if name
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
            {
                return Some(name.to_owned());
            }
        }
    }
    let cap = |p: &str| {
        let mut c = p.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    Some(format!("{} {}", cap(first), cap(last)))
}

/// The full name of the author credited by the first name `first` alone ("Nils"), when the short
/// texts of the post (a byline "Eine Kolumne von Nils Pickert", an image credit, the author box)
/// name "Nils" followed by a capitalised word, and all such texts agree on that word.
fn full_name_in_post(cx: &Ctx<'_, '_>, first: &str) -> Option<String> {
    if first.chars().count() < 3
        || !first.chars().all(char::is_alphabetic)
        || !first.starts_with(char::is_uppercase)
    {
        return None;
    }
    let first_lower = first.to_lowercase();
    let mut found: Option<String> = None;
    for t in cx.scan.texts.iter().take(20_000) {
        if !cx.in_post(t) || cx.scan.in_comments(t, cx.art.as_ref()) {
            continue;
        }
        let Some(text) = cx.doc.text(t.node) else {
            continue;
        };
        // Each word with the one after it (no list of the words: every text of the post is
        // read).
        let mut words = text.split_whitespace();
        let Some(mut w) = words.next() else {
            continue;
        };
        for next in words {
            let w = std::mem::replace(&mut w, next);
            if !same_lowercase(w, first, &first_lower) {
                continue;
            }
            let last = next.trim_end_matches(|c: char| !c.is_alphanumeric());
            if last.chars().count() < 2
                || !last.starts_with(char::is_uppercase)
                || !last.chars().all(|c| c.is_alphabetic() || c == '-')
            {
                continue;
            }
            match &found {
                Some(f) if f.to_lowercase() != last.to_lowercase() => return None,
                Some(_) => {}
                None => found = Some(last.to_owned()),
            }
        }
    }
    found.map(|last| format!("{first} {last}"))
}

/// `w.to_lowercase() == b.to_lowercase()`, given `b_lower` (`b` lowercased) and read without
/// copies when both are ASCII (the general case keeps `str::to_lowercase`, whose final sigma
/// differs from lowercasing character by character). Every word of the post is compared.
fn same_lowercase(w: &str, b: &str, b_lower: &str) -> bool {
    if w.is_ascii() && b.is_ascii() {
        return w.eq_ignore_ascii_case(b);
    }
    w.to_lowercase() == b_lower
}

/// Short texts around the title, in document order: a few before the title heading and more
/// after it, or the start of the post when there is no heading.
fn window<'s>(cx: &'s Ctx<'_, '_>) -> impl Iterator<Item = &'s scan::Cand> + 's {
    let texts = &cx.scan.texts;
    let start = match cx.heading.or(cx.art) {
        Some(r) => texts.partition_point(|t| t.pos < r.pos),
        None => 0,
    };
    let from = start.saturating_sub(8);
    let to = texts.len().min(start + 40);
    // A post container that starts far below the title (a page-top title bar, then teaser and
    // meta blocks) has its byline just above or at its start: those texts follow.
    let near_art = match (cx.heading, cx.art) {
        (Some(_), Some(art)) => {
            let a = texts.partition_point(|t| t.pos < art.pos);
            a.saturating_sub(12).max(to)..texts.len().min(a + 20).max(to)
        }
        _ => to..to,
    };
    texts[from..to]
        .iter()
        .chain(&texts[near_art])
        .filter(move |t| cx.in_post(t) && !cx.scan.in_comments(t, cx.art.as_ref()))
}

/// The texts of [`window`], the nearest to the title first; a text above the title counts twice
/// its distance.
fn window_nearest<'s>(cx: &'s Ctx<'_, '_>) -> Vec<&'s scan::Cand> {
    let texts = &cx.scan.texts;
    let start = match cx.heading.or(cx.art) {
        Some(r) => texts.partition_point(|t| t.pos < r.pos),
        None => 0,
    };
    let mut v: Vec<(usize, &scan::Cand)> = window(cx)
        .map(|t| {
            let i = texts.partition_point(|x| x.pos < t.pos);
            let d = if i >= start {
                i - start
            } else {
                (start - i) * 2
            };
            (d, t)
        })
        .collect();
    v.sort_by_key(|(d, _)| *d);
    v.into_iter().map(|(_, t)| t).collect()
}

fn visible_byline(cx: &Ctx<'_, '_>) -> Vec<Author> {
    let doc = cx.doc;
    let mut seen: Option<NodeId> = None;
    // The previous line was a bare label ("Autor", "By:"): this one holds the name.
    let mut after_label = false;
    // The elements read so far and their texts. An element comes back after a child with a
    // text of its own ("By <a>Jane Doe</a> on …"): every test but the one after a label gives
    // what it gave the first time, which did not end the search, so only that one is run
    // again, on the text already read.
    let mut read: Vec<(NodeId, Option<String>)> = Vec::new();
    for t in window(cx) {
        let Some(p) = doc.parent(t.node) else {
            continue;
        };
        if seen == Some(p) {
            continue;
        }
        seen = Some(p);
        if let Some((_, again)) = read.iter().find(|(n, _)| *n == p) {
            let Some(text) = again else {
                after_label = false;
                continue;
            };
            if after_label
                && let Some(v) = names_only(text)
                && let a = accept_names(cx, names_to_authors(v, href_of(cx, p)))
                && !a.is_empty()
            {
                return a;
            }
            after_label = names::is_byline_label(text);
            continue;
        }
        let Some(text) = bounded_text(doc, p, 160) else {
            read.push((p, None));
            after_label = false;
            continue;
        };
        // Names the site or publisher only do not end the search.
        let found = |v: Vec<String>| {
            let a = accept_names(cx, names_to_authors(v, href_of(cx, p)));
            (!a.is_empty()).then_some(a)
        };
        // "Von A und B<br>Kakuma / Kenia": a byline ends at its line break, before a dateline.
        let first_line = doc
            .children(p)
            .any(|c| doc.tag(c) == "br")
            .then(|| doc.children(p).next())
            .flatten()
            .and_then(|first| util::line_at(doc, first, 160))
            .filter(|l| l.len() < text.len());
        if let Some(v) = first_line
            .as_deref()
            .and_then(names::parse_byline)
            .or_else(|| names::parse_byline(&text))
            && v.iter().all(|n| capitalised(n))
            && let Some(a) = found(v)
        {
            return a;
        }
        if after_label
            && let Some(v) = names_only(&text)
            && let Some(a) = found(v)
        {
            return a;
        }
        after_label = names::is_byline_label(&text);
        // "25.10.2022 - Jane Doe": a meta line of a date and a name only. A separator must
        // follow the date: lines without one are not searched for a date (`find_date` itself
        // returns at once on a line without a digit).
        if text.contains(['-', '–', '—', '|', '·', '•', '/'])
            && let Some(d) = dates::find_date(&text, cx.lang(), None)
            && text
                .get(..d.span.start)
                .is_some_and(|b| b.trim_matches(|c: char| !c.is_alphanumeric()).is_empty())
            && let Some(rest) = text.get(d.span.end..)
            && rest
                .trim_start()
                .starts_with(['-', '–', '—', '|', '·', '•', '/'])
            && let Some(v) = names_only(rest.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '·' | '•' | '/')
            }))
            && v.len() == 1
            && v.iter().all(|n| n.split_whitespace().count() >= 2)
            && let Some(a) = found(v)
        {
            return a;
        }
        // A meta line of items whose item before this one is a date only ("19. Oktober 2019"
        // then "Boris T. Kaiser"): a full name alone, every word capitalised, and not a link
        // (a category). Every test is free of side effects, so they run cheapest first: the
        // text's shape and the markup around it rule out nearly every line before its names
        // are split.
        if may_be_names_only(&text)
            && may_be_one_name(&text)
            && !matches!(doc.tag(p), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            && !doc.ancestors(p).take(3).any(|a| doc.tag(a) == "a")
            && after_date_item(cx, p)
            && let Some(v) = names_only(&text)
            && v.len() == 1
            && v.iter().all(|n| {
                n.split_whitespace().count() >= 2
                    && n.split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
            })
            && href_of(cx, p).is_none()
            && let Some(a) = found(v)
        {
            return a;
        }
        read.push((p, Some(text)));
    }
    Vec::new()
}

/// Whether the element before `node` (or before its parent, when `node` opens it) holds a date
/// and nothing else.
fn after_date_item(cx: &Ctx<'_, '_>, node: NodeId) -> bool {
    let doc = cx.doc;
    let mut at = node;
    for _ in 0..2 {
        let Some(parent) = doc.parent(at) else {
            return false;
        };
        let before = doc
            .children(parent)
            .take_while(|&c| c != at)
            .filter(|&c| doc.element(c).is_some())
            .last();
        if let Some(b) = before {
            let Some(text) = bounded_text(doc, b, 60) else {
                return false;
            };
            let core = text.trim_matches(|c: char| !c.is_alphanumeric());
            return !core.is_empty()
                && dates::find_date(core, cx.lang(), None)
                    .is_some_and(|d| d.span.start == 0 && d.span.end >= core.len());
        }
        at = parent;
    }
    false
}

/// A line inside the post container that labels its author explicitly ("Autor: Jane Doe"),
/// wherever it stands in the post (often under the text): the first such line.
fn labelled_byline(cx: &Ctx<'_, '_>) -> Vec<Author> {
    let Some(art) = cx.art else {
        return Vec::new();
    };
    let doc = cx.doc;
    let texts = &cx.scan.texts;
    let start = texts.partition_point(|t| t.pos < art.pos);
    let mut seen: Option<NodeId> = None;
    for t in texts[start..]
        .iter()
        .take_while(|t| art.contains(t.pos))
        .take(3000)
    {
        if !cx.in_post(t) || cx.scan.in_comments(t, cx.art.as_ref()) {
            continue;
        }
        // Only a text that starts like a label is worth reading its element for.
        let Some(raw) = doc.text(t.node) else {
            continue;
        };
        let head = raw.trim_start();
        let bare_label = head.split_whitespace().next().is_some_and(is_bare_label);
        if !bare_label
            && !head
                .get(..head.char_indices().nth(12).map_or(head.len(), |(i, _)| i))
                .is_some_and(|h| {
                    h.contains([':', '：'])
                        || h.get(..7)
                            .is_some_and(|w| w.eq_ignore_ascii_case("written"))
                })
        {
            continue;
        }
        let Some(p) = doc.parent(t.node) else {
            continue;
        };
        if seen == Some(p) {
            continue;
        }
        // The element holding the label; in a long block of `<br>`-separated lines ("Quelle:
        // …<br>Autor: …"), the label's own line.
        let (text, at) = match bounded_text(doc, p, 160) {
            Some(text) => {
                seen = Some(p);
                (text, p)
            }
            None => match util::line_at(doc, t.node, 160) {
                Some(line) => (line, t.node),
                None => continue,
            },
        };
        // "Autoren Jane Doe und John Roe": the label without a colon, and nothing but names
        // after it.
        let unlabelled = || {
            let (first, rest) = text.split_once(char::is_whitespace)?;
            is_bare_label(first).then(|| names_only(rest)).flatten()
        };
        if let Some(v) = names::parse_labelled(&text).or_else(unlabelled) {
            let a = accept_names(cx, names_to_authors(v, line_href(cx, p, at)));
            if !a.is_empty() {
                return a;
            }
        }
    }
    Vec::new()
}

/// The link of a labelled line: the element's first link, or for a line inside a longer block
/// the first link among the line's own siblings.
fn line_href(cx: &Ctx<'_, '_>, parent: NodeId, at: NodeId) -> Option<String> {
    if at == parent {
        return href_of(cx, parent);
    }
    let doc = cx.doc;
    doc.children(parent)
        .skip_while(|&c| c != at)
        .take_while(|&c| doc.tag(c) != "br" && !crate::dom::is_block_tag(doc.tag(c)))
        .find(|&c| doc.element(c).is_some())
        .and_then(|c| href_of(cx, c))
}

/// Author labels that may stand without a colon before the names of a credit line under the
/// post ("Autoren Jane Doe und John Roe"), lowercase.
const BARE_LABELS: [&str; 9] = [
    "autor", "autorin", "autoren", "author", "authors", "auteur", "auteurs", "autore", "autori",
];

/// Whether `word` is one of [`BARE_LABELS`] in any case. Lowercasing never makes a word
/// shorter in characters, so the first word of most texts, longer than any label, is not
/// lowercased (this runs on every text of the post).
fn is_bare_label(word: &str) -> bool {
    word.chars().nth(7).is_none() && BARE_LABELS.contains(&word.to_lowercase().as_str())
}

/// The cheap tests of [`names_only`] on the text alone: `false` when it is sure to return
/// `None` (empty, longer than 80 characters, or holding a digit).
fn may_be_names_only(text: &str) -> bool {
    let text = text.trim();
    !(text.is_empty() || text.chars().count() > 80 || text.bytes().any(|b| b.is_ascii_digit()))
}

/// `text` read as nothing but a list of names: every name capitalised, of at most four words,
/// and the names holding every word of the text (no sentence around them).
fn names_only(text: &str) -> Option<Vec<String>> {
    if !may_be_names_only(text) {
        return None;
    }
    let text = text.trim();
    let v = names::split_names(text);
    let named: usize = v.iter().map(|n| word_counts(n).0).sum();
    let (words, conj) = word_counts(text);
    (!v.is_empty()
        && v.iter()
            .all(|n| capitalised(n) && n.split_whitespace().count() <= 4)
        && named + conj == words)
        .then_some(v)
}

/// Whether [`names_only`] can read `text` as one name: the name, capitalised and of at most
/// four words, holds every word that is not a conjunction, so there are one to four of them.
/// Counting words is cheaper than splitting the names.
fn may_be_one_name(text: &str) -> bool {
    let (words, conj) = word_counts(text);
    words
        .checked_sub(conj)
        .is_some_and(|n| (1..=4).contains(&n))
}

/// How many words of `text` hold a letter or digit, and how many are list conjunctions
/// ("and", "und", "et", "y", "e", "&") in any case, as [`names_only`] counts them.
fn word_counts(text: &str) -> (usize, usize) {
    let (mut words, mut conj) = (0, 0);
    for w in text.split_whitespace() {
        if w.chars().any(char::is_alphanumeric) {
            words += 1;
        }
        // No letter but an ASCII one lowercases to these letters, so comparing in ASCII
        // case is the same as comparing the word lowercased.
        if ["and", "und", "et", "y", "e", "&"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        {
            conj += 1;
        }
    }
    (words, conj)
}

/// Whether a name read from running text starts like a name: with a capital letter, a digit or
/// a letter of a script without case. Text that reads "… mit einer anderen Art Frau" is a
/// sentence, not a byline.
fn capitalised(name: &str) -> bool {
    name.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase())
}

// ---------------------------------------------------------------------------------------------
// Dates

type DateCand = (DateValue, String, Source);

fn day(v: DateValue) -> Date {
    match v {
        DateValue::Day(d) => d,
        DateValue::DateTime { datetime, .. } => datetime.date(),
    }
}

fn plausible(cx: &Ctx<'_, '_>, v: DateValue) -> bool {
    let d = day(v);
    d.year() >= 1991 && d <= cx.today.saturating_add(jiff::Span::new().days(1))
}

fn structured_date(s: &str) -> Option<DateValue> {
    dates::parse_structured(s)
}

/// A date in a markup attribute: ISO 8601 and timestamps as structured data writes them; other
/// forms ("01-11-2023 10:29") are read in the page's language, which decides whether the day or
/// the month comes first.
fn attribute_date(v: &str, lang: Option<&str>) -> Option<DateValue> {
    let t = v.trim();
    if crate::dates::parse_iso(t).is_some() || t.bytes().all(|b| b.is_ascii_digit()) {
        return structured_date(t);
    }
    dates::find_date(t, lang, None)
        .map(|f| f.value)
        .or_else(|| structured_date(t))
}

/// A date read from an element.
struct ElementDate {
    /// From its `datetime`, `content` or `title` attribute, else from its text.
    value: DateValue,
    raw: String,
    /// The role a label in its text gives it.
    role: Option<DateRole>,
    /// The date its text shows (the page's local day), when it shows one.
    shown: Option<DateValue>,
}

/// A date from an element: its `datetime`, `content` or `title` attribute, else its text.
/// `now` is the page's reference day for dates without a year or relative dates
/// ([`datepick::reference`]).
fn element_date_at(
    cx: &Ctx<'_, '_>,
    node: NodeId,
    now: Option<datepick::Ref>,
) -> Option<ElementDate> {
    let doc = cx.doc;
    let text = bounded_text(doc, node, 120);
    let found = text
        .as_deref()
        .and_then(|t| datepick::find(t, cx.lang(), now));
    let role = found.as_ref().and_then(|f| f.role);
    let shown = found.as_ref().map(|f| f.value);
    for attr in ["datetime", "content", "title", "data-time", "data-date"] {
        if let Some(v) = doc.attr(node, attr)
            && let Some(d) = attribute_date(v, cx.lang())
        {
            return Some(ElementDate {
                value: d,
                raw: v.trim().to_owned(),
                role,
                shown,
            });
        }
    }
    let text = text?;
    let f = found?;
    let raw = text.get(f.span.clone()).unwrap_or(&text).to_owned();
    Some(ElementDate {
        value: f.value,
        raw,
        role: f.role,
        shown,
    })
}

/// Whether two date-times with offsets name the same instant.
fn same_instant(a: DateValue, b: DateValue) -> bool {
    let ts = |v: DateValue| match v {
        DateValue::DateTime {
            datetime,
            offset: Some(o),
        } => o.to_timestamp(datetime).ok(),
        _ => None,
    };
    matches!((ts(a), ts(b)), (Some(x), Some(y)) if x == y)
}

/// Whether a date element shows its date `v` to readers: its text gives the same day, and it
/// is not hidden or marked up as the modification date.
fn shown_on_page(cx: &Ctx<'_, '_>, node: NodeId, shown: &Option<DateValue>, v: DateValue) -> bool {
    let doc = cx.doc;
    let hidden = |n: NodeId| {
        doc.attr(n, "hidden").is_some()
            || doc.attr(n, "class").is_some_and(|c| {
                c.split_ascii_whitespace().any(|t| {
                    t.eq_ignore_ascii_case("hidden")
                        || t.eq_ignore_ascii_case("sr-only")
                        || t.eq_ignore_ascii_case("screen-reader-text")
                })
            })
            || doc
                .attr(n, "style")
                .is_some_and(|s| s.replace(' ', "").contains("display:none"))
    };
    shown.is_some_and(|s| day(s) == day(v))
        && !hidden(node)
        && doc.parent(node).is_none_or(|p| !hidden(p))
        && !doc
            .attr(node, "itemprop")
            .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "dateModified"))
}

fn dates_of(cx: &Ctx<'_, '_>, article: &mut Article) {
    let scan = cx.scan;
    let mut pubs: Vec<DateCand> = Vec::new();
    let mut upds: Vec<DateCand> = Vec::new();
    // Days the page shows as text (local days), to correct UTC timestamps.
    let mut shown_days: Vec<Date> = Vec::new();
    let now = datepick::reference(cx);
    let element_date = |cx: &Ctx<'_, '_>, node: NodeId| element_date_at(cx, node, now);

    if let Some((v, raw)) = &cx.jl.published {
        pubs.push((*v, raw.clone(), Source::JsonLd));
    }
    if let Some((v, raw)) = &cx.jl.modified {
        upds.push((*v, raw.clone(), Source::JsonLd));
    }
    const PUB_KEYS: [&str; 22] = [
        "article:published_time",
        "og:published_time",
        "article:published",
        "datePublished",
        "publish-date",
        "publish_date",
        "publishdate",
        "pubdate",
        "publication_date",
        "date",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "dc.date.created",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
        "citation_date",
        "article.published",
        "originalpublicationdate",
    ];
    const WEAK_KEYS: [&str; 3] = ["date", "dc.date", "dcterms.date"];
    const OWN_PUB_KEYS: [&str; 6] = [
        "published_time",
        "publish_date",
        "published",
        "uploaded",
        "release_date",
        "date_published",
    ];
    const UPD_KEYS: [&str; 8] = [
        "article:modified_time",
        "og:updated_time",
        "article:modified",
        "dateModified",
        "last-modified",
        "dcterms.modified",
        "dc.date.modified",
        "article.updated",
    ];
    // Meta tags that name no role ("date", "DC.date") often carry the day the page was last
    // rendered or edited: they rank after the date the post itself marks up.
    let mut weak: Vec<DateCand> = Vec::new();
    for (keys, out) in [(&PUB_KEYS[..], &mut pubs), (&UPD_KEYS[..], &mut upds)] {
        for k in keys {
            if let Some((v, kind)) = scan.meta(k)
                && let Some(d) = structured_date(v)
            {
                let cand = (d, v.to_owned(), meta_source(k, kind));
                if WEAK_KEYS.contains(k) {
                    weak.push(cand);
                } else {
                    out.push(cand);
                }
            }
        }
    }
    // A site's own namespace for the same ("five_hundred_pixels:uploaded",
    // "site:published_time").
    if let Some(m) = scan.metas.iter().find(|m| {
        m.kind != MetaKind::Itemprop
            && m.key.split_once(':').is_some_and(|(ns, local)| {
                !ns.is_empty()
                    && !["article", "og"].contains(&ns)
                    && OWN_PUB_KEYS.iter().any(|k| local.eq_ignore_ascii_case(k))
            })
    }) && let Some(d) = structured_date(m.content.trim())
    {
        pubs.push((d, m.content.trim().to_owned(), meta_source(m.key, m.kind)));
    }
    // Microdata elements.
    for (props, c) in &scan.itemprops {
        let p = props.split_ascii_whitespace();
        let (is_pub, is_upd) = p.fold((false, false), |(a, b), p| {
            (
                a || p == "datePublished" || p == "dateCreated",
                b || p == "dateModified",
            )
        });
        if !(is_pub || is_upd) || !cx.in_post(c) || scan.in_comments(c, cx.art.as_ref()) {
            continue;
        }
        if let Some(d) = element_date(cx, c.node) {
            if let Some(v) = d.shown {
                shown_days.push(day(v));
            }
            let out = if is_pub { &mut pubs } else { &mut upds };
            out.push((d.value, d.raw, Source::Microdata));
        }
    }
    // Date markup: <time>, `.published`, `.entry-date`, `.updated`, Wix `time-ago`.
    let src = if cx.platform.is_some() {
        Source::PlatformRule
    } else {
        Source::TimeElement
    };
    let mut marked: Vec<(scan::Cand, Source)> = Vec::new();
    marked.extend(scan.times.iter().map(|c| (*c, Source::TimeElement)));
    marked.extend(
        scan.signed
            .iter()
            .filter(|c| c.what & sig::DATE != 0)
            .map(|c| (*c, src)),
    );
    marked.sort_by_key(|(c, _)| c.pos);
    let mut first_plain: Option<DateCand> = None;
    let mut first_upd: Option<DateCand> = None;
    let mut first_pub: Option<DateCand> = None;
    // The first date the post's header shows that is not marked as an update.
    let mut header: Option<DateCand> = None;
    // The first date the post's header shows with a label that says it is an update.
    let mut header_upd: Option<DateCand> = None;
    // Dates in the post container first; without a container, dates from just above the post
    // heading onwards first.
    let near = |c: &scan::Cand| match (cx.art, cx.heading) {
        (None, Some(h)) => c.pos.saturating_add(40) >= h.pos,
        _ => cx.in_art(c),
    };
    for inside in [true, false] {
        for (c, s) in marked.iter().take(400) {
            if !cx.in_post(c) || near(c) != inside || scan.in_comments(c, cx.art.as_ref()) {
                continue;
            }
            let Some(d) = element_date(cx, c.node) else {
                continue;
            };
            if let Some(v) = d.shown {
                shown_days.push(day(v));
            }
            let d_shown = d.shown;
            let role = d.role;
            let s = if c.what & (sig::PUBLISHED | sig::UPDATED) != 0 || role.is_some() {
                *s
            } else {
                Source::VisibleText.min_by(*s)
            };
            let upd = role == Some(DateRole::Updated)
                || (c.what & sig::UPDATED != 0 && c.what & sig::PUBLISHED == 0 && role.is_none());
            let publ = role == Some(DateRole::Published) || c.what & sig::PUBLISHED != 0;
            let cand = (d.value, d.raw, s);
            if inside && shown_on_page(cx, c.node, &d_shown, cand.0) {
                if !upd {
                    header.get_or_insert_with(|| cand.clone());
                } else if role == Some(DateRole::Updated) {
                    header_upd.get_or_insert_with(|| cand.clone());
                }
            }
            if upd {
                first_upd.get_or_insert(cand);
            } else if publ {
                first_pub.get_or_insert(cand);
            } else {
                first_plain.get_or_insert(cand);
            }
        }
    }
    pubs.extend(first_pub);
    pubs.extend(first_plain);
    pubs.append(&mut weak);
    upds.extend(first_upd);

    // Visible date lines near the title, the nearest first (a line above the title counts
    // twice its distance). A date in a quotation (an embedded post, a tweet) is the quoted
    // text's.
    let mut seen: Vec<NodeId> = Vec::new();
    for t in window_nearest(cx) {
        let Some(p) = cx.doc.parent(t.node) else {
            continue;
        };
        if seen.contains(&p) {
            continue;
        }
        seen.push(p);
        if cx
            .doc
            .ancestors(p)
            .take(12)
            .any(|a| cx.doc.tag(a) == "blockquote")
            || cx.doc.tag(p) == "blockquote"
        {
            continue;
        }
        let Some(text) = bounded_text(cx.doc, p, 120) else {
            continue;
        };
        if let Some(f) = datepick::find(&text, cx.lang(), now) {
            let raw = text.get(f.span.clone()).unwrap_or(&text).to_owned();
            shown_days.push(day(f.value));
            if f.role == Some(DateRole::Updated) {
                if !f.relative && shown_on_page(cx, p, &Some(f.value), f.value) {
                    header_upd.get_or_insert_with(|| (f.value, raw.clone(), Source::VisibleText));
                }
                upds.push((f.value, raw, Source::VisibleText));
            } else {
                if !f.relative && shown_on_page(cx, p, &Some(f.value), f.value) {
                    header.get_or_insert_with(|| (f.value, raw.clone(), Source::VisibleText));
                }
                pubs.push((f.value, raw, Source::VisibleText));
                break;
            }
        }
    }
    // The URL path (the page URL, its canonical link or og:url).
    let url_date = datepick::url_date(cx);
    if let Some((v, u)) = url_date {
        pubs.push((v, u.to_owned(), Source::Url));
    }
    let url_date = url_date.map(|(v, _)| v);

    if let Some(u @ DateValue::Day(_)) = url_date {
        shown_days.push(day(u));
    }
    // Nothing yet: a date line anywhere in the post that says it is the publication date
    // ("Erschienen am 01.11.2023", "Published on …"), outside reader comments.
    if !pubs.iter().any(|(v, _, _)| plausible(cx, *v)) {
        let mut last: Option<NodeId> = None;
        for t in scan
            .texts
            .iter()
            .filter(|t| cx.in_post(t) && !scan.in_comments(t, cx.art.as_ref()))
            .take(3000)
        {
            let Some(s) = cx.doc.text(t.node) else {
                continue;
            };
            if !s.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let Some(p) = cx.doc.parent(t.node) else {
                continue;
            };
            if last == Some(p) {
                continue;
            }
            last = Some(p);
            let Some(text) = bounded_text(cx.doc, p, 120) else {
                continue;
            };
            // A line may hold several labelled dates ("Last change: … Published: …").
            let mut rest = text.as_str();
            let mut found = None;
            for _ in 0..3 {
                let Some(f) = datepick::find(rest, cx.lang(), now) else {
                    break;
                };
                if f.role == Some(DateRole::Published) && plausible(cx, f.value) {
                    let raw = rest.get(f.span.clone()).unwrap_or(rest).to_owned();
                    found = Some((f.value, raw));
                    break;
                }
                match rest.get(f.span.end..) {
                    Some(r) if !r.is_empty() => rest = r,
                    _ => break,
                }
            }
            if let Some((v, raw)) = found {
                pubs.push((v, raw, Source::VisibleText));
                break;
            }
        }
    }
    // Still nothing: the post header's only date is labelled as an update ("Stand: …",
    // "Updated …"). That is the date the page gives the article, and better than a date from
    // the running text or a list of other posts.
    if !pubs.iter().any(|(v, _, _)| plausible(cx, *v))
        && let Some(h) = header_upd.filter(|(v, _, _)| plausible(cx, *v))
    {
        pubs.push(h);
    }
    // The last resort: date markup or a date line anywhere outside comments and sidebars.
    if !pubs.iter().any(|(v, _, _)| plausible(cx, *v))
        && let Some(c) = datepick::fallback(cx, now)
    {
        pubs.push(c);
    }
    // Nothing at all: the day in the path of the page's share image (`og:image`), which a
    // CMS files under the day it was uploaded for the post.
    if !pubs.iter().any(|(v, _, _)| plausible(cx, *v))
        && let Some((img, kind)) = scan.meta("og:image")
        && let Some(v) = dates::date_from_url(img)
    {
        pubs.push((v, img.to_owned(), meta_source("og:image", kind)));
    }
    let published = pubs.iter().find(|(v, _, _)| plausible(cx, *v)).cloned();
    // A UTC timestamp that another structured date gives as the same instant in the page's
    // own offset: that one says the local day.
    let published = published.map(|p| match p.0 {
        DateValue::DateTime {
            offset: Some(o), ..
        } if o.seconds() == 0 => pubs
            .iter()
            .find(|(v, _, s)| {
                matches!(v, DateValue::DateTime { offset: Some(vo), .. } if vo.seconds() != 0)
                    && datepick::structured(*s)
                    && same_instant(*v, p.0)
            })
            .cloned()
            .unwrap_or(p),
        _ => p,
    });
    let published = datepick::prefer_shown_modified(published, header, &upds);
    let published = datepick::prefer_url(published, url_date);
    let published = match published {
        // A UTC timestamp one day off the day the page shows: the page shows its local day.
        Some((
            DateValue::DateTime {
                datetime,
                offset: Some(o),
            },
            raw,
            s,
        )) if o.seconds() == 0
            && !shown_days.contains(&datetime.date())
            && shown_days
                .iter()
                .any(|d| (*d - datetime.date()).get_days().abs() == 1) =>
        {
            let local = shown_days
                .iter()
                .find(|d| (**d - datetime.date()).get_days().abs() == 1)
                .copied()
                .unwrap_or(datetime.date());
            Some((DateValue::Day(local), raw, s))
        }
        p => p,
    };
    let updated = upds.into_iter().find(|(v, _, _)| {
        plausible(cx, *v)
            && published
                .as_ref()
                .is_none_or(|(p, _, _)| day(*v) >= day(*p))
    });
    if let Some((v, raw, s)) = published {
        article.published = Some(PageDate::new(v, raw));
        article.sources.published = Some(s);
    }
    if let Some((v, raw, s)) = updated {
        article.updated = Some(PageDate::new(v, raw));
        article.sources.updated = Some(s);
    }
}

trait MinBy {
    fn min_by(self, other: Source) -> Source;
}

impl MinBy for Source {
    /// Unlabelled date markup counts as visible text unless it is a `<time>` element.
    fn min_by(self, other: Source) -> Source {
        if other == Source::TimeElement {
            other
        } else {
            self
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Counts

#[derive(Default)]
struct Counts {
    views: Option<(u64, Source)>,
    comments: Option<(u64, Source)>,
    likes: Option<(u64, Source)>,
}

impl Counts {
    fn set(&mut self, kind: CountKind, v: u64, s: Source) {
        let slot = match kind {
            CountKind::Views => &mut self.views,
            CountKind::Comments => &mut self.comments,
            CountKind::Likes => &mut self.likes,
        };
        slot.get_or_insert((v, s));
    }
}

fn kind_of(what: u16) -> Option<CountKind> {
    let v = what & sig::VIEWS != 0;
    let c = what & sig::COMMENTS != 0;
    let l = what & sig::LIKES != 0;
    match (v, c, l) {
        (true, false, false) => Some(CountKind::Views),
        (false, true, false) => Some(CountKind::Comments),
        (false, false, true) => Some(CountKind::Likes),
        _ => None,
    }
}

/// "3 thoughts on “Title”", "12 Responses to …": WordPress comment headings.
fn wp_comment_heading(text: &str) -> Option<u64> {
    let t = text.trim();
    let digits: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    if digits.is_empty() {
        return None;
    }
    let rest = t[digits.len()..].trim_start().to_ascii_lowercase();
    if ["thought", "response", "repl", "comment", "reaction"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        counts::parse_number(&digits, None)
    } else {
        None
    }
}

fn counts_of(cx: &Ctx<'_, '_>, article: &mut Article) {
    let scan = cx.scan;
    let doc = cx.doc;
    let lang = cx.lang();
    let mut out = Counts::default();
    if let Some(v) = cx.jl.views {
        out.set(CountKind::Views, v, Source::JsonLd);
    }
    if let Some(v) = cx.jl.comments {
        out.set(CountKind::Comments, v, Source::JsonLd);
    }
    if let Some(v) = cx.jl.likes {
        out.set(CountKind::Likes, v, Source::JsonLd);
    }
    // Microdata.
    for (props, c) in &scan.itemprops {
        let kind = props.split_ascii_whitespace().find_map(|p| match p {
            "commentCount" => Some(CountKind::Comments),
            "interactionCount" | "userInteractionCount" => None,
            _ => None,
        });
        if let Some(kind) = kind
            && cx.in_post(c)
        {
            let v = doc
                .attr(c.node, &local_name!("content"))
                .map(str::to_owned)
                .or_else(|| bounded_text(doc, c.node, 40));
            if let Some(n) = v.and_then(|v| counts::parse_number(&v, lang)) {
                out.set(kind, n, Source::Microdata);
            }
        }
    }
    for m in &scan.metas {
        if m.kind == MetaKind::Itemprop
            && m.key == "commentCount"
            && let Some(n) = counts::parse_number(m.content, lang)
        {
            {
                out.set(CountKind::Comments, n, Source::Microdata);
            }
        }
    }
    // Embedded JSON of platforms that put the post's stats there.
    if matches!(cx.platform, Some(Platform::Hashnode | Platform::Wix)) {
        for (id, node) in scan.json_blobs.iter().take(8) {
            if !(*id == "__NEXT_DATA__" || id.starts_with("wix-warmup")) {
                continue;
            }
            let text = jsonld::script_text(doc, *node);
            if text.len() > cx.page.limits.max_json_ld_bytes.saturating_mul(8) {
                continue;
            }
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            let e = jsonld::embedded_counts(&v);
            if let Some(n) = e.views {
                out.set(CountKind::Views, n, Source::PlatformRule);
            }
            if let Some(n) = e.comments {
                out.set(CountKind::Comments, n, Source::PlatformRule);
            }
            if let Some(n) = e.likes {
                out.set(CountKind::Likes, n, Source::PlatformRule);
            }
        }
    }

    // Counter markup in the post, then in its wider scope.
    let counters = |inside: bool| {
        scan.signed.iter().filter(move |c| {
            c.what & (sig::VIEWS | sig::COMMENTS | sig::LIKES | sig::COUNT) != 0
                && cx.in_post(c)
                && !scan.in_comments(c, cx.art.as_ref())
                && cx.in_art(c) == inside
        })
    };
    let src = if cx.platform.is_some() {
        Source::PlatformRule
    } else {
        Source::VisibleText
    };
    let mut checked: Vec<NodeId> = Vec::new();
    for inside in [true, false] {
        for c in counters(inside).take(300) {
            let Some(text) = bounded_text(doc, c.node, 80) else {
                continue;
            };
            checked.push(c.node);
            let found = counts::find_counts(&text, lang);
            if found.is_empty() {
                if let Some(kind) = kind_of(c.what)
                    && let Some(n) = counts::parse_number(&text, lang)
                {
                    out.set(kind, n, src);
                } else if c.what & sig::COMMENTS != 0
                    && let Some(n) = wp_comment_heading(&text)
                {
                    out.set(CountKind::Comments, n, src);
                }
            }
            for f in found {
                out.set(f.kind, f.value, src);
            }
        }
    }
    // The comments section heading ("3 thoughts on …", "12 comments:", "No comments:").
    if out.comments.is_none() {
        let after = cx.art.map_or(0, |a| a.pos);
        if let Some(region) = scan
            .comment_regions
            .iter()
            .find(|r| r.pos >= after && !scan.pos_excluded(r.pos, cx.art.as_ref()))
        {
            let start = scan.texts.partition_point(|t| t.pos < region.pos);
            for t in scan.texts[start..]
                .iter()
                .take_while(|t| region.contains(t.pos))
                .take(40)
            {
                let Some(p) = doc.parent(t.node) else {
                    continue;
                };
                let heading = matches!(doc.tag(p), "h1" | "h2" | "h3" | "h4" | "h5")
                    || doc.ancestors(p).take(3).any(|a| {
                        matches!(doc.tag(a), "h2" | "h3" | "h4")
                            || doc
                                .attr(a, &local_name!("class"))
                                .is_some_and(|c| scan::contains_ci(c, "title"))
                    })
                    || doc.attr(p, &local_name!("class")).is_some_and(|c| {
                        scan::contains_ci(c, "title") || scan::contains_ci(c, "count")
                    });
                if !heading {
                    continue;
                }
                let Some(text) = bounded_text(doc, p, 160) else {
                    continue;
                };
                let n = counts::find_counts(&text, lang)
                    .into_iter()
                    .find(|f| f.kind == CountKind::Comments)
                    .map(|f| f.value)
                    .or_else(|| wp_comment_heading(&text));
                if let Some(n) = n {
                    out.set(CountKind::Comments, n, Source::VisibleText);
                    break;
                }
            }
        }
    }
    // Visible counter text in the post ("25 views", "Post Views: 1,234").
    if out.views.is_none() || out.comments.is_none() || out.likes.is_none() {
        let texts = scan
            .texts
            .iter()
            .filter(|t| cx.in_art(t) && cx.in_post(t) && !scan.in_comments(t, cx.art.as_ref()));
        let mut last_parent: Option<NodeId> = None;
        for t in texts.take(5000) {
            let Some(s) = doc.text(t.node) else {
                continue;
            };
            let s = s.trim();
            if !s.bytes().any(|b| b.is_ascii_digit()) && s.len() > 40 {
                continue;
            }
            let mut found = counts::find_counts(s, lang);
            if found.is_empty()
                && let Some(p) = doc.parent(t.node)
                && last_parent != Some(p)
                && !checked.contains(&p)
            {
                last_parent = Some(p);
                // A parent holding just this text would be read again for nothing.
                if let Some(pt) = bounded_text(doc, p, 80)
                    && pt != s
                {
                    found = counts::find_counts(&pt, lang);
                }
            }
            for f in found {
                out.set(f.kind, f.value, Source::VisibleText);
            }
        }
    }
    if let Some((v, s)) = out.views {
        article.view_count = Some(v);
        article.sources.view_count = Some(s);
    }
    if let Some((v, s)) = out.comments {
        article.comment_count = Some(v);
        article.sources.comment_count = Some(s);
    }
    if let Some((v, s)) = out.likes {
        article.like_count = Some(v);
        article.sources.like_count = Some(s);
    }
}

// ---------------------------------------------------------------------------------------------
// Description, tags, image, canonical URL

fn misc(cx: &Ctx<'_, '_>, article: &mut Article) {
    let scan = cx.scan;
    // Description.
    let desc = first_meta(
        scan,
        &["description", "og:description", "twitter:description"],
    )
    .map(|(v, s)| (v.to_owned(), s))
    .or_else(|| cx.jl.description.clone().map(|d| (d, Source::JsonLd)))
    .or_else(|| {
        first_meta(scan, &["dc.description", "dcterms.description"]).map(|(v, s)| (v.to_owned(), s))
    });
    if let Some((d, s)) = desc
        && let Some(d) = crate::text::non_empty(&d)
    {
        article.description = Some(d);
        article.sources.description = Some(s);
    }
    // Tags.
    let mut tags: Vec<String> = Vec::new();
    let mut src = None;
    let og: Vec<&str> = scan.metas_named("article:tag").collect();
    if !og.is_empty() {
        src = Some(Source::OpenGraph);
        tags.extend(
            og.iter()
                .flat_map(|t| t.split(','))
                .filter_map(crate::text::non_empty),
        );
    } else if !cx.jl.keywords.is_empty() {
        src = Some(Source::JsonLd);
        tags.extend(cx.jl.keywords.iter().cloned());
    } else if let Some((k, s)) = first_meta(scan, &["keywords", "news_keywords"]) {
        src = Some(s);
        tags.extend(k.split([',', ';']).filter_map(crate::text::non_empty));
    } else {
        for c in scan.rel_tags.iter().filter(|c| cx.in_post(c)).take(50) {
            if let Some(t) = bounded_text(cx.doc, c.node, 100) {
                src = Some(Source::VisibleText);
                tags.push(t);
            }
        }
    }
    let mut dedup: Vec<String> = Vec::new();
    for t in tags {
        if !dedup.iter().any(|d| d.eq_ignore_ascii_case(&t)) && t.chars().count() <= 100 {
            dedup.push(t);
        }
        if dedup.len() >= 50 {
            break;
        }
    }
    if !dedup.is_empty() {
        article.tags = dedup;
        article.sources.tags = src;
    }
    // Image.
    let img = first_meta(
        scan,
        &[
            "og:image",
            "og:image:secure_url",
            "og:image:url",
            "twitter:image",
            "twitter:image:src",
        ],
    )
    .map(|(v, s)| (v.to_owned(), s))
    .or_else(|| cx.jl.image.clone().map(|i| (i, Source::JsonLd)))
    .or_else(|| {
        scan.links
            .iter()
            .find(|(rel, _)| rel.eq_ignore_ascii_case("image_src"))
            .map(|(_, h)| ((*h).to_owned(), Source::Link))
    });
    if let Some((i, s)) = img
        && !i.trim().is_empty()
    {
        article.image = Some(cx.page.resolve(&i));
        article.sources.image = Some(s);
    }
    // Canonical URL.
    let canon = scan
        .links
        .iter()
        .find(|(rel, h)| {
            rel.split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
                && !h.trim().is_empty()
        })
        .map(|(_, h)| ((*h).to_owned(), Source::Link))
        .or_else(|| first_meta(scan, &["og:url"]).map(|(v, s)| (v.to_owned(), s)))
        .or_else(|| cx.jl.url.clone().map(|u| (u, Source::JsonLd)))
        .or_else(|| cx.page.url.map(|u| (u.to_string(), Source::Url)));
    if let Some((c, s)) = canon {
        article.canonical_url = Some(cx.page.resolve(&c));
        article.sources.canonical_url = Some(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_named_publishers() {
        assert!(is_domain_of("Salon.com", "Salon"));
        assert!(is_domain_of("salon.COM", " Salon "));
        assert!(!is_domain_of("Salon Media Group", "Salon"));
        assert!(!is_domain_of("Salon.com", "Slate"));
        assert!(!is_domain_of("Salon.", "Salon"));
        assert!(!is_domain_of("Salon.co.uk", "Salon"));
        assert!(!is_domain_of("Über.de", "Üb"));
    }

    #[test]
    fn cjk_site_suffixes() {
        assert_eq!(
            cjk_site_suffix("武汉的声音：有英勇的你，才有英雄的城！-新华网"),
            Some("武汉的声音：有英勇的你，才有英雄的城！")
        );
        assert_eq!(
            cjk_site_suffix("留学生看两会：关注点大不同_教育频道_青年网"),
            Some("留学生看两会：关注点大不同")
        );
        assert_eq!(cjk_site_suffix("公衆無線LANを安全に使うWi-Fi"), None);
        assert_eq!(cjk_site_suffix("Plain title - Site"), None);
        assert_eq!(cjk_site_suffix("短-新华网"), None);
    }

    #[test]
    fn date_prefixes() {
        assert_eq!(
            strip_date_prefix("23.01.2022 - Wierer darf noch jubeln"),
            "Wierer darf noch jubeln"
        );
        assert_eq!(
            strip_date_prefix("March 3, 2024: Council votes on budget"),
            "March 3, 2024: Council votes on budget"
                .split(": ")
                .nth(1)
                .unwrap_or("")
        );
        assert_eq!(strip_date_prefix("2024 - Review"), "2024 - Review");
        assert_eq!(
            strip_date_prefix("Budget vote on 3 March 2024"),
            "Budget vote on 3 March 2024"
        );
    }

    #[test]
    fn names_only_words() {
        assert_eq!(word_counts("Jane Doe & John Roe"), (4, 1));
        assert_eq!(word_counts("Anna AND Ben und Carl"), (5, 2));
        assert_eq!(word_counts("– Jane"), (1, 0));
        assert!(may_be_one_name("Boris T. Kaiser"));
        assert!(may_be_one_name("Jane Doe and"));
        assert!(!may_be_one_name("Read the whole story about the election"));
        assert!(!may_be_one_name("·"));
        assert_eq!(
            names_only("Boris T. Kaiser"),
            Some(vec!["Boris T. Kaiser".to_owned()])
        );
        assert_eq!(
            names_only("Anna Lee AND Bo Chen"),
            Some(vec!["Anna Lee".to_owned(), "Bo Chen".to_owned()])
        );
        assert_eq!(names_only("the story of Anna Lee"), None);
    }

    #[test]
    fn bare_labels_and_lowercase_words() {
        for w in ["Autoren", "AUTHORS", "autor", "Auteurs"] {
            assert!(is_bare_label(w), "{w:?}");
        }
        for w in ["Autorinnen", "Author:", "Authorship", ""] {
            assert!(!is_bare_label(w), "{w:?}");
        }
        // is_bare_label skips words of more than seven characters.
        let longest = BARE_LABELS.iter().map(|l| l.chars().count()).max();
        assert_eq!(longest, Some(7));
        let same = |a: &str, b: &str| same_lowercase(a, b, &b.to_lowercase());
        assert!(same("NILS", "Nils"));
        assert!(same("Ölaf", "ÖLAF"));
        assert!(!same("Nils", "Nil"));
        // str::to_lowercase reads a final capital sigma as "ς".
        assert!(same("ΟΔΥΣΣΕΥΣ", "οδυσσευς"));
    }

    #[test]
    fn paren_notes() {
        assert_eq!(
            without_paren_note("Der historische Purzelbaum (2021/5)"),
            Some("Der historische Purzelbaum")
        );
        assert_eq!(without_paren_note("Der historische Purzelbaum"), None);
        assert_eq!(without_paren_note("Zugspitze (2962 m)"), None);
        assert_eq!(
            without_paren_note("Ein Titel (mit einer sehr langen Erklärung dahinter)"),
            None
        );
    }

    #[test]
    fn generic_titles() {
        let longest = GENERIC_TITLES.iter().map(|g| g.chars().count()).max();
        assert_eq!(longest, Some(GENERIC_TITLE_MAX_CHARS));
        assert!(is_generic_title("Latest News."));
        assert!(!is_generic_title("Latest Newss"));
        assert!(is_generic_title("Home"));
        assert!(is_generic_title(" Neuigkeiten "));
        assert!(!is_generic_title("Home sweet home"));
        assert!(!is_generic_title("Willkommen!"));
    }
}
