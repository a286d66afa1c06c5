//! Date selection helpers of the metadata pass: the page's own reference day for dates
//! written without a year or relative to "today", the date a page URL gives, and a last
//! resort that looks at the whole page when the post's header holds no date.
//!
//! Saved and archived pages are read long after they were written, so the clock is never the
//! reference for "Jul 30" or "3 days ago": only a day the page itself gives (its structured
//! dates or the year and month of its URL) is. Without one, such dates are not read.

use jiff::civil::Date;

use crate::article::{DateValue, Source};
use crate::dom::NodeId;
use crate::textparse::dates::{self, DateRole};

use super::scan::{Cand, MetaKind, sig};
use super::util::bounded_text;
use super::{Ctx, DateCand, day, element_date_at, plausible, structured_date};

/// Meta keys whose value is a date the page declares (published or modified).
const REF_KEYS: [&str; 8] = [
    "article:published_time",
    "article:modified_time",
    "og:updated_time",
    "datePublished",
    "dateModified",
    "date",
    "dc.date",
    "last-modified",
];

/// Most short texts the last-resort scan looks at.
const MAX_FALLBACK_TEXTS: usize = 4000;

/// The URLs the page gives for itself: the page URL, `link rel=canonical`, `og:url`.
fn own_urls<'a>(cx: &'a Ctx<'_, '_>) -> impl Iterator<Item = &'a str> + 'a {
    let page = cx.page.url.map(|u| u.as_str());
    let canon = cx
        .scan
        .links
        .iter()
        .filter(|(rel, _)| {
            rel.split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .map(|(_, h)| *h)
        .take(2);
    let og = cx
        .scan
        .metas
        .iter()
        .filter(|m| m.kind != MetaKind::Itemprop && m.key.trim().eq_ignore_ascii_case("og:url"))
        .map(|m| m.content)
        .take(1);
    page.into_iter().chain(canon).chain(og)
}

/// The date the page's own URL path gives (`/2021/07/30/slug`), with the URL it came from.
pub(super) fn url_date<'a>(cx: &'a Ctx<'_, '_>) -> Option<(DateValue, &'a str)> {
    own_urls(cx).find_map(|u| dates::date_from_url(u).map(|d| (d, u)))
}

/// The page's reference day for dates written without a year or relative to today
/// ([`reference`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct Ref {
    /// The day.
    pub(super) day: Date,
    /// Whether it is a day the page declares (relative dates may be counted back from it),
    /// rather than the end of the month its URL names (good only for dates without a year).
    pub(super) exact: bool,
}

/// The first date in a visible string ([`dates::find_date`]) read against the page's
/// reference day: dates without a year need one, relative dates need an exact one.
pub(super) fn find(text: &str, lang: Option<&str>, r: Option<Ref>) -> Option<dates::FoundDate> {
    if r.is_some_and(|r| !r.exact)
        && let Some(f) = dates::find_date(text, lang, None)
    {
        // The end of the URL's month completes dates without a year; it is no bound for
        // dates that give one (a page kept up to date after its URL was made).
        return Some(f);
    }
    let f = dates::find_date(text, lang, r.map(|r| r.day))?;
    if f.relative && !r.is_some_and(|r| r.exact) {
        // Read again without the inexact reference: an absolute date may follow.
        return dates::find_date(text, lang, None);
    }
    Some(f)
}

/// The page's reference day for dates written without a year or relative to today: the last
/// day of the month its URL names, else the latest date its structured data declares. `None`
/// when the page gives neither (then such dates are not read).
pub(super) fn reference(cx: &Ctx<'_, '_>) -> Option<Ref> {
    let from_url = own_urls(cx)
        .find_map(dates::month_from_url)
        .and_then(|(y, m)| Date::new(y, m, 1).ok().map(|first| first.last_of_month()));
    if let Some(d) = from_url {
        return Some(Ref {
            day: d,
            exact: false,
        })
        .filter(|r| r.day <= cx.today);
    }
    let mut latest: Option<Date> = None;
    let mut note = |v: DateValue| {
        let d = day(v);
        if plausible(cx, v) && latest.is_none_or(|l| d > l) {
            latest = Some(d);
        }
    };
    for (v, _) in cx.jl.published.iter().chain(cx.jl.modified.iter()) {
        note(*v);
    }
    for k in REF_KEYS {
        if let Some((v, _)) = cx.scan.meta(k)
            && let Some(d) = structured_date(v)
        {
            note(d);
        }
    }
    latest.map(|day| Ref { day, exact: true })
}

/// The URL's day over a date read from visible text or unlabelled markup that names another
/// day: a post's URL is fixed when it is first published, while a date line without a label
/// is often the last edit or a date in the text. Structured dates keep precedence.
pub(super) fn prefer_url(
    published: Option<DateCand>,
    url_date: Option<DateValue>,
) -> Option<DateCand> {
    match (published, url_date) {
        (Some((v, raw, src)), Some(u @ DateValue::Day(ud)))
            if matches!(src, Source::VisibleText | Source::TimeElement) && day(v) != ud =>
        {
            Some((u, raw, Source::Url))
        }
        (p, _) => p,
    }
}

/// Whether a date came from structured data (JSON-LD, meta tags, microdata).
pub(super) fn structured(s: Source) -> bool {
    matches!(
        s,
        Source::JsonLd
            | Source::Microdata
            | Source::OpenGraph
            | Source::TwitterCard
            | Source::DublinCore
            | Source::Meta
    )
}

/// The date the post's header shows over an older structured publication date, when the
/// structured data names the shown day as the modification date: the page presents the
/// revised article as of that day (a republished evergreen piece), and says nothing on the
/// page about the first date. A header date labelled as an update is never `header`.
pub(super) fn prefer_shown_modified(
    published: Option<DateCand>,
    header: Option<DateCand>,
    modified: &[DateCand],
) -> Option<DateCand> {
    match (published, header) {
        (Some(p), Some(h))
            if structured(p.2)
                && day(h.0) > day(p.0)
                && modified
                    .iter()
                    .any(|(m, _, s)| structured(*s) && day(*m) == day(h.0)) =>
        {
            Some(h)
        }
        (p, _) => p,
    }
}

/// How far the last resort may look.
#[derive(Clone, Copy)]
struct Pass {
    /// Skip sidebars and lists of other posts (unless they hold the post title).
    strict: bool,
    /// Also take dates labelled as updated (a page whose only date is "Updated: …").
    updated: bool,
}

/// The passes of the last resort, most trusted first.
const PASSES: [Pass; 3] = [
    Pass {
        strict: true,
        updated: false,
    },
    Pass {
        strict: false,
        updated: false,
    },
    Pass {
        strict: false,
        updated: true,
    },
];

/// Whether a candidate may be looked at in this pass: never in reader comments; in a strict
/// pass not in a sidebar or list of other posts either, unless that region holds the post
/// container or the post title (a theme that calls its post header a "teaser").
fn usable(cx: &Ctx<'_, '_>, c: &Cand, pass: Pass) -> bool {
    if cx.scan.in_comments(c, cx.art.as_ref()) {
        return false;
    }
    !pass.strict
        || !cx.scan.is_excluded(c, cx.art.as_ref())
        || cx
            .heading
            .is_some_and(|h| !cx.scan.is_excluded(c, Some(&h)))
}

/// Whether a date with this label may be taken in this pass.
fn role_ok(role: Option<DateRole>, pass: Pass) -> bool {
    pass.updated || role != Some(DateRole::Updated)
}

/// The last resort when neither structured data, the post header nor the URL gave a published
/// date. Pass by pass (outside sidebars, then anywhere but reader comments, then also dates
/// labelled as updated): microdata `datePublished`, then date markup (marked as published
/// first), then the first visible date line of the page.
pub(super) fn fallback(cx: &Ctx<'_, '_>, now: Option<Ref>) -> Option<DateCand> {
    let scan = cx.scan;
    let mut marked: Vec<&Cand> = scan
        .times
        .iter()
        .chain(scan.signed.iter().filter(|c| c.what & sig::DATE != 0))
        .take(800)
        .collect();
    marked.sort_by_key(|c| c.pos);
    for pass in PASSES {
        for (props, c) in scan.itemprops.iter().take(2000) {
            if props
                .split_ascii_whitespace()
                .any(|p| p == "datePublished" || p == "dateCreated")
                && usable(cx, c, pass)
                && let Some(d) = element_date_at(cx, c.node, now)
                && plausible(cx, d.value)
            {
                return Some((d.value, d.raw, Source::Microdata));
            }
        }
        let mut plain: Option<DateCand> = None;
        for c in marked.iter().take(400) {
            if !usable(cx, c, pass) {
                continue;
            }
            let Some(d) = element_date_at(cx, c.node, now) else {
                continue;
            };
            if !plausible(cx, d.value) || !role_ok(d.role, pass) {
                continue;
            }
            let src = if cx.doc.tag(c.node) == "time" {
                Source::TimeElement
            } else {
                Source::VisibleText
            };
            if c.what & sig::PUBLISHED != 0 || d.role == Some(DateRole::Published) {
                return Some((d.value, d.raw, src));
            }
            if pass.updated || c.what & sig::UPDATED == 0 {
                plain.get_or_insert((d.value, d.raw, src));
            }
        }
        if plain.is_some() {
            return plain;
        }
        if let Some(v) = visible(cx, now, pass) {
            return Some(v);
        }
    }
    None
}

/// The first visible date line of the page that this pass may look at.
fn visible(cx: &Ctx<'_, '_>, now: Option<Ref>, pass: Pass) -> Option<DateCand> {
    let doc = cx.doc;
    let lang = cx.lang();
    let mut last_parent: Option<NodeId> = None;
    for t in cx.scan.texts.iter().take(MAX_FALLBACK_TEXTS) {
        if !usable(cx, t, pass) {
            continue;
        }
        let Some(s) = doc.text(t.node) else {
            continue;
        };
        if !s.bytes().any(|b| b.is_ascii_digit()) && now.is_none() && !has_cjk(s) {
            continue;
        }
        let mut found = find(s, lang, now).map(|f| {
            let raw = s.get(f.span.clone()).unwrap_or(s).trim().to_owned();
            (f, raw)
        });
        // A date split over elements ("<b>18.</b> Mai 2014"): read the parent's text.
        if found.is_none()
            && let Some(p) = doc.parent(t.node)
            && last_parent != Some(p)
        {
            last_parent = Some(p);
            if let Some(pt) = bounded_text(doc, p, 120) {
                found = find(&pt, lang, now).map(|f| {
                    let raw = pt.get(f.span.clone()).unwrap_or(&pt).to_owned();
                    (f, raw)
                });
            }
        }
        if let Some((f, raw)) = found
            && role_ok(f.role, pass)
            && plausible(cx, f.value)
        {
            return Some((f.value, raw, Source::VisibleText));
        }
    }
    None
}

/// Whether the text holds CJK digits or ideographs (dates such as "二〇一九年").
fn has_cjk(s: &str) -> bool {
    s.chars().any(dates::is_cjk)
}

#[cfg(test)]
mod tests {
    /// The published day (ISO) byline gives for `html`.
    fn published(html: &str) -> Option<String> {
        let a = crate::Parser::new().parse_str(html).ok()?;
        a.published.map(|p| p.iso().chars().take(10).collect())
    }

    #[test]
    fn yearless_date_takes_the_url_year() {
        let html = r#"<html><head><link rel="canonical" href="https://ex.org/2014/05/a-post/"></head>
            <body><article><h1>A post</h1><b class="time-info">06 PM | 18 Mai</b><p>Text.</p></article></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2014-05-18"));
    }

    #[test]
    fn yearless_date_without_reference_is_not_read() {
        let html = r#"<html><body><article><h1>A post</h1><span class="date">18 Mai</span><p>Text.</p></article></body></html>"#;
        assert_eq!(published(html), None);
    }

    #[test]
    fn relative_date_without_reference_is_not_read() {
        let html = r#"<html lang="de"><body><article><h1>A post</h1><span class="date">vor 2 Tagen</span><p>Text.</p></article></body></html>"#;
        assert_eq!(published(html), None);
    }

    #[test]
    fn fallback_teaser_header_and_updated_only() {
        let html = r#"<html lang="de"><body><div class="teaserTyp3 newsSingle"><h1>A post</h1>
            <span class="blue">01.02.2022</span></div><p>Text.</p></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2022-02-01"));
        let html = r#"<html lang="de"><body><div><h1>A post</h1><p>Text.</p>
            <p class="info">Aktualisiert: 30.12.2016</p></div></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2016-12-30"));
        let html = r#"<html lang="de"><body><h1>A post</h1><p>Text.</p>
            <aside class="blogData"><dd>12.01.2017</dd></aside></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2017-01-12"));
    }

    #[test]
    fn relative_word_needs_an_exact_reference() {
        let html = r#"<html lang="de"><head><link rel="canonical" href="https://ex.org/2013/10/post.html"></head>
            <body><article><h1>A post</h1><span class="date">hier</span><p>Text.</p></article></body></html>"#;
        assert_eq!(published(html), None);
    }

    #[test]
    fn url_day_beats_an_unlabelled_visible_date() {
        let html = r#"<html><head><link rel="canonical" href="https://ex.org/2022/02/04/post/"></head>
            <body><article><h1>A post</h1><span class="date">February 7, 2022</span><p>Text.</p></article></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2022-02-04"));
    }

    #[test]
    fn quoted_date_does_not_shift_a_utc_timestamp() {
        let html = r#"<html><head><meta property="article:published_time" content="2020-09-28T23:12:35+00:00"></head>
            <body><article><h1>A post</h1><p>Text of the post.</p>
            <blockquote class="twitter-tweet"><p>A tweet.</p>&mdash; Someone <a href="https://t.example/1">September 27, 2020</a></blockquote>
            </article></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2020-09-28"));
    }

    #[test]
    fn header_update_line_beats_a_date_in_the_text() {
        let mut html = String::from(
            r#"<html lang="de"><body><article><h1>Betriebsrente</h1>
            <div class="meta"><span>Karla Muster</span> <span>Stand: 05. Februar 2020</span></div>"#,
        );
        for i in 0..50 {
            html.push_str(&format!("<p>Absatz {i} über die <b>Rente</b>.</p>"));
        }
        html.push_str(
            "<p>Die Hürden sind <strong>seit 1. Januar 2018 geringer</strong>.</p></article></body></html>",
        );
        assert_eq!(published(&html).as_deref(), Some("2020-02-05"));
    }

    #[test]
    fn url_month_does_not_bound_dates_with_a_year() {
        let html = r#"<html lang="de"><head><link rel="canonical" href="https://ex.org/2021/10/lage.html"></head>
            <body><div><h1>Lage an der Grenze</h1><p><em>10.11.2021</em></p><p>Text.</p>
            <ul><li><a href="/a">Nr. 30 vom 01. November 2021</a></li></ul></div></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2021-11-10"));
    }

    #[test]
    fn utc_timestamp_takes_the_local_day_of_its_twin() {
        let html = r#"<html><head><meta property="article:published_time" content="2017-02-23T17:18:13-08:00">
            <script type="application/ld+json">{"@type":"Article","headline":"A post","datePublished":"2017-02-24T01:18:13Z"}</script></head>
            <body><article><h1>A post</h1><p>Text.</p></article></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2017-02-23"));
        // Not the same instant: the JSON-LD date stays.
        let html = html.replace("17:18:13-08:00", "09:18:13-08:00");
        assert_eq!(published(&html).as_deref(), Some("2017-02-24"));
    }

    #[test]
    fn share_image_path_is_the_last_resort() {
        let html = r#"<html><head><meta property="og:image" content="https://ex.org/files/2016/05/04/report.png"></head>
            <body><h1>Annual report</h1><p>Text.</p></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2016-05-04"));
        let html = r#"<html><head><meta property="og:image" content="https://ex.org/files/2016/05/04/report.png"></head>
            <body><h1>Annual report</h1><p class="date">June 1, 2016</p><p>Text.</p></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2016-06-01"));
    }

    #[test]
    fn site_namespace_published_meta() {
        let html = r#"<html><head><meta property="five_hundred_pixels:uploaded" content="2013-02-16T04:36:36-05:00">
            <meta property="five_hundred_pixels:category" content="Landscapes"></head>
            <body><h1>Spring</h1><p>Text.</p></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2013-02-16"));
        let html = r#"<html><head><meta property="site:expires" content="2013-02-16"></head>
            <body><h1>Spring</h1><p>Text.</p></body></html>"#;
        assert_eq!(published(html), None);
    }

    #[test]
    fn og_url_date() {
        let html = r#"<html><head><meta property="og:url" content="https://ex.org/2019/03/07/a-post/"></head>
            <body><h1>A post</h1><p>Text.</p></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2019-03-07"));
    }

    #[test]
    fn fallback_visible_date_far_from_title() {
        let mut html = String::from(r#"<html lang="de"><body><div class="x"><h1>A post</h1>"#);
        for _ in 0..60 {
            html.push_str("<p>Some words of the article body.</p>");
        }
        html.push_str(r#"<p class="info">Erschienen am 07.11.2023</p></div></body></html>"#);
        assert_eq!(published(&html).as_deref(), Some("2023-11-07"));
    }

    #[test]
    fn fallback_skips_sidebar_and_comment_dates() {
        let html = r#"<html><body><div class="x"><h1>A post</h1>
            <aside class="sidebar"><time datetime="2020-01-01">1 Jan 2020</time></aside>
            <div id="comments"><time datetime="2020-02-02">2 Feb 2020</time></div>
            <div class="meta"><time datetime="2019-06-09T17:00:00Z">9 June 2019</time></div>
            </div></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2019-06-09"));
    }
}
