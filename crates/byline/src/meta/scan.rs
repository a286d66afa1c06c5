//! The one traversal of the metadata pass: it collects, in document order, everything the
//! metadata rules look at later (meta and link tags, scripts, headings, microdata, `<time>`
//! elements, nodes whose markup announces a byline, a date or a counter, short visible texts)
//! together with the sidebar/related-posts and comment regions they sit in. Nothing is
//! allocated per node: candidates are node ids and borrowed attribute values.

use crate::dom::{Document, Edge, NodeData, NodeId};
use html5ever::{LocalName, local_name};

use super::platform::Hints;

/// A `<meta>` tag: its key (`name`, `property`, `itemprop` or `http-equiv`) and `content`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MetaTag<'d> {
    /// The key as written (compare it case-insensitively).
    pub(crate) key: &'d str,
    /// The `content` attribute.
    pub(crate) content: &'d str,
    /// Which attribute carried the key.
    pub(crate) kind: MetaKind,
    /// `key` trimmed, and whether it holds whitespace (several space-separated names): read
    /// once here rather than by every lookup.
    pub(crate) key_trimmed: &'d str,
    pub(crate) key_spaced: bool,
}

/// Which attribute of a `<meta>` tag named it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetaKind {
    /// `name=`
    Name,
    /// `property=`
    Property,
    /// `itemprop=` (microdata)
    Itemprop,
    /// `http-equiv=`
    HttpEquiv,
}

/// What a node's markup announces (bits of [`Cand::what`]).
pub(crate) mod sig {
    /// A byline or author name.
    pub(crate) const AUTHOR: u16 = 1;
    /// A date.
    pub(crate) const DATE: u16 = 2;
    /// A views counter.
    pub(crate) const VIEWS: u16 = 4;
    /// A comments counter.
    pub(crate) const COMMENTS: u16 = 8;
    /// A likes counter.
    pub(crate) const LIKES: u16 = 16;
    /// A counter of unknown kind ("count", "stats").
    pub(crate) const COUNT: u16 = 32;
    /// The markup says "published" (`published`, `datePublished`, `entry-date`).
    pub(crate) const PUBLISHED: u16 = 64;
    /// The markup says "updated" (`updated`, `dateModified`, `modified`).
    pub(crate) const UPDATED: u16 = 128;
    /// A name-like element (`fn`, `author-name`, `rel=author`, `itemprop=name`).
    pub(crate) const NAME: u16 = 256;
    /// A post title element (`entry-title`, `post-title`, `itemprop=headline`).
    pub(crate) const TITLE: u16 = 512;
    /// A short visible text node (only set on text candidates).
    pub(crate) const TEXT: u16 = 1024;
}

/// A node of interest with the regions it sits in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    /// The node.
    pub(crate) node: NodeId,
    /// Bits of [`sig`].
    pub(crate) what: u16,
    /// Position of the node in document order (count of nodes opened before it).
    pub(crate) pos: u32,
    /// Innermost sidebar / widget / related-posts / navigation region around the node (index
    /// into [`Scan::excluded`]).
    pub(crate) excl: Option<u32>,
    /// Innermost reader-comments region around the node (index into [`Scan::comment_regions`]).
    pub(crate) comments: Option<u32>,
}

/// An element seen as a region: the positions where it opens and closes. A node lies inside
/// the region exactly when its position is in `pos + 1 .. end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region {
    /// The element.
    pub(crate) node: NodeId,
    /// Position where it opens.
    pub(crate) pos: u32,
    /// Position after its last descendant.
    pub(crate) end: u32,
    /// Bits of [`sig`] its markup announces.
    pub(crate) what: u16,
}

impl Region {
    /// Whether the node at position `pos` lies inside this region (or is it).
    pub(crate) fn contains(&self, pos: u32) -> bool {
        pos >= self.pos && pos < self.end
    }
}

/// Everything the traversal collected.
#[derive(Debug, Default)]
pub(crate) struct Scan<'d> {
    /// `<meta>` tags in document order.
    pub(crate) metas: Vec<MetaTag<'d>>,
    /// `<link>` tags: (`rel`, `href`).
    pub(crate) links: Vec<(&'d str, &'d str)>,
    /// The first `<title>` element.
    pub(crate) title: Option<NodeId>,
    /// `<html lang>` (or `xml:lang`).
    pub(crate) html_lang: Option<&'d str>,
    /// `<script type="application/ld+json">` elements.
    pub(crate) json_ld: Vec<NodeId>,
    /// `<script type="application/json">` elements with an id: (id, node).
    pub(crate) json_blobs: Vec<(&'d str, NodeId)>,
    /// `<h1>` elements and other headings marked as the post title.
    pub(crate) headings: Vec<Region>,
    /// Plain `<h2>` elements (not marked as the post title), the first [`MAX_H2`]: blog themes
    /// set the post title in one under a site-name `<h1>`.
    pub(crate) h2s: Vec<Cand>,
    /// Elements with `itemprop` (not `<meta>`): (property list, candidate).
    pub(crate) itemprops: Vec<(&'d str, Cand)>,
    /// Elements with an `itemscope` whose `itemtype` is an article type.
    pub(crate) item_articles: Vec<Region>,
    /// `<article>` elements and elements whose classes mark a post (`hentry`, `post`, …).
    pub(crate) containers: Vec<Region>,
    /// `<main>` elements.
    pub(crate) mains: Vec<Region>,
    /// Sidebars, widgets, lists of other posts, navigation.
    pub(crate) excluded: Vec<Region>,
    /// Reader-comments regions.
    pub(crate) comment_regions: Vec<Region>,
    /// `<a rel=author>` anchors in the body.
    pub(crate) rel_authors: Vec<Cand>,
    /// `<a rel=tag>` anchors in the body.
    pub(crate) rel_tags: Vec<Cand>,
    /// Elements whose markup announces a byline, a date, a counter or a title.
    pub(crate) signed: Vec<Cand>,
    /// `<time>` elements.
    pub(crate) times: Vec<Cand>,
    /// Short visible text nodes of the body, in document order.
    pub(crate) texts: Vec<Cand>,
    /// Platform signatures seen.
    pub(crate) hints: Hints,
}

/// Longest text node kept as a short visible text.
const SHORT_TEXT: usize = 160;
/// Cap on short texts kept (a page of numbers cannot make later steps slow).
const MAX_TEXTS: usize = 20_000;
/// Cap on plain `<h2>` elements kept.
const MAX_H2: usize = 32;
/// Cap on signed candidates and regions kept.
const MAX_SIGNED: usize = 5_000;

/// Which list a region goes to.
#[derive(Clone, Copy)]
enum RegionList {
    Heading,
    ItemArticle,
    Container,
    Main,
    Excluded,
    Comments,
}

impl<'d> Scan<'d> {
    fn list(&mut self, which: RegionList) -> &mut Vec<Region> {
        match which {
            RegionList::Heading => &mut self.headings,
            RegionList::ItemArticle => &mut self.item_articles,
            RegionList::Container => &mut self.containers,
            RegionList::Main => &mut self.mains,
            RegionList::Excluded => &mut self.excluded,
            RegionList::Comments => &mut self.comment_regions,
        }
    }

    /// Whether the candidate is in a sidebar/related region that does not hold `keep`
    /// (the article container: a page wrapped in one big "sidebar layout" div keeps its
    /// article).
    pub(crate) fn is_excluded(&self, c: &Cand, keep: Option<&Region>) -> bool {
        let Some(r) = c.excl.and_then(|i| self.excluded.get(i as usize)) else {
            return false;
        };
        keep.is_none_or(|k| !r.contains(k.pos))
    }

    /// Whether the candidate is inside a reader-comments region that does not hold `keep`.
    pub(crate) fn in_comments(&self, c: &Cand, keep: Option<&Region>) -> bool {
        let Some(r) = c
            .comments
            .and_then(|i| self.comment_regions.get(i as usize))
        else {
            return false;
        };
        keep.is_none_or(|k| !r.contains(k.pos))
    }
}

/// Walks the document once.
pub(crate) fn scan(doc: &Document) -> Scan<'_> {
    let mut s = Scan::default();
    // Open regions: (node, list, index in list).
    let mut open: Vec<(NodeId, RegionList, usize)> = Vec::new();
    let mut excl: Vec<u32> = Vec::new();
    let mut comments: Vec<u32> = Vec::new();
    let mut in_body = false;
    let mut pos: u32 = 0;
    let mut memo = crate::text::memo();
    let mut walk = doc.traverse(NodeId::DOCUMENT);
    while let Some(edge) = walk.next() {
        let n = match edge {
            Edge::Open(n) => n,
            Edge::Close(n) => {
                while let Some(&(node, which, i)) = open.last() {
                    if node != n {
                        break;
                    }
                    open.pop();
                    if let Some(r) = s.list(which).get_mut(i) {
                        r.end = pos.saturating_add(1);
                    }
                    match which {
                        RegionList::Excluded => {
                            excl.pop();
                        }
                        RegionList::Comments => {
                            comments.pop();
                        }
                        _ => {}
                    }
                }
                if doc
                    .element(n)
                    .is_some_and(|e| e.name.local == local_name!("body"))
                {
                    in_body = false;
                }
                continue;
            }
        };
        pos = pos.saturating_add(1);
        let node = doc.node(n);
        let cand = |what| Cand {
            node: n,
            what,
            pos,
            excl: excl.last().copied(),
            comments: comments.last().copied(),
        };
        let e = match &node.data {
            NodeData::Element(e) => e,
            NodeData::Text(t) => {
                if in_body && s.texts.len() < MAX_TEXTS {
                    let t = crate::text::trim(doc.str(*t));
                    if !t.is_empty() && t.len() <= SHORT_TEXT {
                        s.texts.push(cand(sig::TEXT));
                    }
                }
                continue;
            }
            NodeData::Comment(c) => {
                s.hints.comment(c);
                continue;
            }
            _ => continue,
        };
        // Tag names compare as interned atoms (one integer each), never read as strings.
        let tag = &e.name.local;
        match *tag {
            local_name!("html") => {
                s.html_lang = e
                    .attr(&local_name!("lang"))
                    .or_else(|| e.attr("xml:lang"))
                    .filter(|l| !l.trim().is_empty());
                continue;
            }
            local_name!("head") => continue,
            local_name!("body") => {
                in_body = true;
                s.hints.body_attrs(e);
                continue;
            }
            local_name!("meta") => {
                let content = e.attr(&local_name!("content")).unwrap_or("");
                for (attr, kind) in [
                    (local_name!("name"), MetaKind::Name),
                    (local_name!("property"), MetaKind::Property),
                    (local_name!("itemprop"), MetaKind::Itemprop),
                    (local_name!("http-equiv"), MetaKind::HttpEquiv),
                ] {
                    if let Some(key) = e.attr(&attr) {
                        let key_trimmed = key.trim();
                        s.metas.push(MetaTag {
                            key,
                            content,
                            kind,
                            key_trimmed,
                            key_spaced: key_trimmed.contains(char::is_whitespace),
                        });
                        if kind == MetaKind::Name && key.eq_ignore_ascii_case("generator") {
                            s.hints.generator(content);
                        }
                    }
                }
                continue;
            }
            local_name!("link") => {
                if let (Some(rel), Some(href)) =
                    (e.attr(&local_name!("rel")), e.attr(&local_name!("href")))
                {
                    s.links.push((rel, href));
                    s.hints.url(href);
                }
                continue;
            }
            local_name!("title") => {
                // Also one the parser put in the body: text before `<!doctype>` (a server
                // warning) moves the whole head there.
                if s.title.is_none() {
                    s.title = Some(n);
                }
                walk.skip_children();
                continue;
            }
            local_name!("script") => {
                let ty = e.attr(&local_name!("type")).unwrap_or("").trim();
                if ty.eq_ignore_ascii_case("application/ld+json") {
                    s.json_ld.push(n);
                } else if ty.eq_ignore_ascii_case("application/json") {
                    if let Some(id) = e.attr(&local_name!("id")) {
                        s.json_blobs.push((id, n));
                        s.hints.json_id(id);
                    }
                } else if let Some(src) = e.attr(&local_name!("src")) {
                    s.hints.url(src);
                }
                walk.skip_children();
                continue;
            }
            local_name!("style")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("textarea")
            | local_name!("select") => {
                walk.skip_children();
                continue;
            }
            local_name!("img") | local_name!("iframe") | local_name!("source") => {
                if let Some(src) = e.attr(&local_name!("src")) {
                    s.hints.url(src);
                }
            }
            _ => {}
        }
        if !in_body {
            continue;
        }
        let class = e.attr(&local_name!("class")).unwrap_or("");
        let id = e.attr(&local_name!("id")).unwrap_or("");
        let hook = e.attr("data-hook");
        let facts = if class.is_empty() {
            ClassFacts::default()
        } else {
            *memo.entry(class).or_insert_with(|| class_facts(class))
        };
        s.hints.element(e, facts.platform);
        let (id_what, id_excluded) = read_words(std::iter::once(id).filter(|i| !i.is_empty()));
        let token_excluded = facts.excluded || id_excluded;
        let mut what = hook_signature(hook) | facts.what | id_what;
        if let Some(props) = e.attr(&local_name!("itemprop"))
            && props
                .split_ascii_whitespace()
                .any(|p| p == "headline" || (p == "name" && is_h1_to_h3(tag)))
        {
            what |= sig::TITLE;
        }
        let mut regions: [Option<RegionList>; 6] = [None; 6];
        if is_excluded_region(
            tag,
            &facts,
            e.attr(&local_name!("role")),
            hook,
            token_excluded,
        ) {
            regions[0] = Some(RegionList::Excluded);
        }
        if facts.comments || comments_by_id_or_hook(id, hook) {
            regions[1] = Some(RegionList::Comments);
        }
        if *tag == local_name!("article") || facts.post || hook == Some("post") {
            regions[2] = Some(RegionList::Container);
        }
        if *tag == local_name!("main") || e.attr(&local_name!("role")).is_some_and(|r| r == "main")
        {
            regions[3] = Some(RegionList::Main);
        }
        if e.attr(&local_name!("itemscope")).is_some()
            && e.attr(&local_name!("itemtype"))
                .is_some_and(super::jsonld::is_article_type_url)
        {
            regions[4] = Some(RegionList::ItemArticle);
        }
        if *tag == local_name!("h1") || (what & sig::TITLE != 0 && is_h1_to_h3(tag)) {
            regions[5] = Some(RegionList::Heading);
        }
        for which in regions.into_iter().flatten() {
            let list = s.list(which);
            if list.len() >= MAX_SIGNED {
                continue;
            }
            list.push(Region {
                node: n,
                pos,
                end: u32::MAX,
                what,
            });
            let i = list.len() - 1;
            open.push((n, which, i));
            match which {
                RegionList::Excluded => excl.push(i as u32),
                RegionList::Comments => comments.push(i as u32),
                _ => {}
            }
        }
        // `cand` captured the regions before this element's own; a node is inside itself.
        let cand = |what| Cand {
            node: n,
            what,
            pos,
            excl: excl.last().copied(),
            comments: comments.last().copied(),
        };

        if *tag == local_name!("a")
            && let Some(rel) = e.attr(&local_name!("rel"))
        {
            if rel
                .split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
            {
                what |= sig::AUTHOR | sig::NAME;
                s.rel_authors.push(cand(what));
            }
            if rel.split_ascii_whitespace().any(|r| r == "tag") && s.rel_tags.len() < 200 {
                s.rel_tags.push(cand(0));
            }
        }
        if let Some(props) = e.attr(&local_name!("itemprop")) {
            s.itemprops.push((props, cand(what)));
        }
        if *tag == local_name!("h2") && what & sig::TITLE == 0 && s.h2s.len() < MAX_H2 {
            s.h2s.push(cand(what));
        }
        if *tag == local_name!("time") {
            s.times.push(cand(what | sig::DATE));
        } else if what != 0 && s.signed.len() < MAX_SIGNED {
            s.signed.push(cand(what));
        }
    }
    s
}

/// Whether `tag` is `h1`, `h2` or `h3` (the headings a post title is set in).
fn is_h1_to_h3(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("h1") | local_name!("h2") | local_name!("h3")
    )
}

/// ASCII case-insensitive substring test without allocating. Only the positions holding the
/// needle's first byte (in either case, found by `memchr2`) are compared: URLs and class
/// strings rarely hold it.
pub(crate) fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    let Some(last_start) = h.len().checked_sub(n.len()) else {
        return false;
    };
    let starts = h.get(..=last_start).unwrap_or(&[]);
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        starts,
    )
    .any(|i| {
        h.get(i + 1..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

/// The class tokens and the id of an element, one by one.
fn tokens<'a>(class: &'a str, id: &'a str) -> impl Iterator<Item = &'a str> {
    class
        .split_ascii_whitespace()
        .chain(std::iter::once(id).filter(|i| !i.is_empty()))
}

/// The words of [`WORDS`] before [`DATE_WORDS`].
const WORDS_HEAD: &[&str] = &[
    // signatures
    "comment",
    "count",
    "link",
    "num",
    "number",
    "meta",
    "comments-title",
    "post-comments",
    "total",
    "button",
    "author",
    "autor",
    "auteur",
    "byline",
    "avatar",
    "bio",
    "desc",
    "image",
    "photo",
    "foto",
    "social",
    "name",
];

/// The class words that mark a date ("entry-date", "post-time", "datum").
const DATE_WORDS: &[&str] = &[
    "date",
    "datum",
    "fecha",
    "posted",
    "timestamp",
    "pubdate",
    "post-time",
    "entry-time",
    "published",
    "updated",
    "modified",
];

/// The words of [`WORDS`] after [`DATE_WORDS`], other than [`EXCLUDED_WORDS`].
const WORDS_TAIL: &[&str] = &[
    "update-",
    "candidate",
    "entry-date",
    "view",
    "hits",
    "visit",
    "preview",
    "review",
    "overview",
    "viewport",
    "viewer",
    "interview",
    "comment-button",
    "comments-count",
    "like-count",
    "like-button",
    "likes",
    "clap",
    "reaction",
    // Elementor blocks that are other content
    "posts",
    "archive",
    "loop",
    "nav-menu",
    "wp-widget",
    // layout wrappers
    "content",
    "wrap",
    "has",
    "no-",
    "with",
    "layout",
    "main",
    "page",
    "for_",
    "for-",
];

/// Class/id words that mark a sidebar, a list of other posts, navigation or a footer.
const EXCLUDED_WORDS: &[&str] = &[
    "sidebar",
    "widget",
    "related",
    "popular",
    "recent-post",
    "recent_post",
    "recentpost",
    "latest-post",
    "latest_post",
    "most-read",
    "mostread",
    "most-viewed",
    "most_viewed",
    "most-popular",
    "top-posts",
    "trending",
    "yarpp",
    "wpp-list",
    "breadcrumb",
    "navbar",
    "nav-links",
    "post-navigation",
    "menu",
    "more-stories",
    "morestories",
    "read-more",
    "readmore",
    "you-may",
    "also-like",
    "recommended",
    "teaser",
    "newsletter",
    "share",
    "sharing",
    "footer-widgets",
    "site-footer",
    "colophon",
];

/// Every word the class/id rules below look for inside a token (case-insensitively). A token
/// is read once, by one automaton, into a bit set of the words it contains ([`Marks`]); the
/// rules then test bits instead of searching the token again for each word.
const WORDS: &[&str] = &concat::<
    { WORDS_HEAD.len() + DATE_WORDS.len() + WORDS_TAIL.len() + EXCLUDED_WORDS.len() },
>(&[WORDS_HEAD, DATE_WORDS, WORDS_TAIL, EXCLUDED_WORDS]);

const fn concat<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    assert!(n == N, "concat: wrong length");
    out
}

/// The bits of `words` in [`WORDS`] (evaluated at compile time; a word missing from the list
/// fails the build).
const fn bits(words: &[&str]) -> u128 {
    let mut mask = 0u128;
    let mut k = 0;
    while k < words.len() {
        let w = words[k].as_bytes();
        let mut i = 0;
        loop {
            assert!(i < WORDS.len(), "word missing from WORDS");
            let c = WORDS[i].as_bytes();
            if c.len() == w.len() {
                let mut j = 0;
                while j < w.len() && c[j] == w[j] {
                    j += 1;
                }
                if j == w.len() {
                    break;
                }
            }
            i += 1;
        }
        mask |= 1 << i;
        k += 1;
    }
    mask
}

/// [`WORDS`] as one automaton.
static WORD_SET: std::sync::LazyLock<crate::text::Keywords> =
    std::sync::LazyLock::new(|| crate::text::keywords(WORDS));

/// The words of [`WORDS`] one token contains.
#[derive(Clone, Copy)]
struct Marks {
    /// Words anywhere in the token.
    all: u128,
    /// Words starting at byte 10 or later (after an `elementor-` prefix).
    after_prefix: u128,
}

impl Marks {
    fn of(t: &str) -> Self {
        let mut m = Marks {
            all: 0,
            after_prefix: 0,
        };
        crate::text::each_match(&WORD_SET, t, |pattern, start| {
            let bit = 1u128 << pattern;
            m.all |= bit;
            if start >= "elementor-".len() {
                m.after_prefix |= bit;
            }
        });
        m
    }

    /// Whether the token contains any of the words of `mask`.
    fn any(&self, mask: u128) -> bool {
        self.all & mask != 0
    }
}

/// What the class/id tokens of an element say: bits of [`sig`], and whether one token names a
/// sidebar, widget, list of other posts or navigation.
#[cfg(test)]
fn read_tokens(class: &str, id: &str) -> (u16, bool) {
    let (what, excluded) = read_words(class.split_ascii_whitespace());
    let (id_what, id_excluded) = read_words(std::iter::once(id).filter(|i| !i.is_empty()));
    (what | id_what, excluded || id_excluded)
}

/// What a `class` attribute says whatever the element: read once per distinct class string of
/// a page (pages repeat them on list items and menu entries), then kept in the scan's memo.
#[derive(Debug, Clone, Copy, Default)]
struct ClassFacts {
    /// Bits of [`sig`] its tokens announce.
    what: u16,
    /// A token names a sidebar, widget, list of other posts or navigation.
    excluded: bool,
    /// A token names a reader-comments region.
    comments: bool,
    /// A token names one post's container.
    post: bool,
    /// Blogger's main "widget Blog" wrapper (never a sidebar).
    blogger_main: bool,
    /// A token names a post's meta box (`entry-meta`, `entry-details`, `byline`).
    meta_box: bool,
    /// Platform signatures of its tokens ([`super::platform::class_signals`]).
    platform: u8,
}

fn class_facts(class: &str) -> ClassFacts {
    if class.is_empty() {
        return ClassFacts::default();
    }
    let (what, excluded) = read_words(class.split_ascii_whitespace());
    let mut f = ClassFacts {
        what,
        excluded,
        platform: super::platform::class_signals(class),
        ..ClassFacts::default()
    };
    for t in class.split_ascii_whitespace() {
        f.comments |= matches!(
            t,
            "comments-area"
                | "comment-list"
                | "commentlist"
                | "comments"
                | "comments-section"
                | "comment-respond"
                | "comments-block"
                | "comments-wrapper"
                | "comment-section"
        );
        f.post |= matches!(
            t,
            "hentry"
                | "h-entry"
                | "post"
                | "type-post"
                | "blog-post"
                | "post-outer"
                | "single-post"
                | "BlogItem"
                | "post-full"
                | "gh-article"
        );
        f.blogger_main |= t == "Blog" || t == "Blog1";
        f.meta_box |= {
            let t = t.as_bytes();
            let ends_ci = |suffix: &[u8]| {
                t.len() >= suffix.len() && t[t.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
            };
            t.eq_ignore_ascii_case(b"meta")
                || ends_ci(b"-meta")
                || ends_ci(b"__meta")
                || ends_ci(b"-details")
                || ends_ci(b"__details")
                || t.eq_ignore_ascii_case(b"byline")
        };
    }
    f
}

/// [`read_tokens`] over some tokens.
fn read_words<'a>(tokens: impl Iterator<Item = &'a str>) -> (u16, bool) {
    let mut what = 0;
    let mut excluded = false;
    // hCard: "fn" is the formatted name of a card, a person's only without "org" beside it
    // ("fn org country-name" names a country or a company); beside a title word it is the
    // name of an hRecipe or hProduct ("fn title p-name").
    let (mut fn_name, mut other) = (false, false);
    for t in tokens {
        let m = Marks::of(t);
        if t == "fn" {
            fn_name = true;
        } else if t == "org" || t == "title" {
            other = true;
        } else if t.len() <= 60 {
            what |= token_signature(t, &m);
        }
        excluded = excluded || excluded_token(t, &m);
    }
    if fn_name && !other && what & sig::TITLE == 0 {
        what |= sig::AUTHOR | sig::NAME;
    }
    (what, excluded)
}

/// Whether a class/id token names a sidebar, a widget, a list of other posts or navigation.
fn excluded_token(t: &str, m: &Marks) -> bool {
    // Elementor (a WordPress page builder) calls every block a widget: only its lists of
    // posts and its sidebars are other content.
    if t.starts_with("elementor-") {
        return m.after_prefix
            & const {
                bits(&[
                    "posts",
                    "archive",
                    "loop",
                    "sidebar",
                    "related",
                    "nav-menu",
                    "share",
                    "popular",
                    "wp-widget",
                ])
            }
            != 0;
    }
    // Layout wrappers that merely mention a sidebar ("content-sidebar-wrap", "has-sidebar",
    // "for_sidebar": a section laid out beside a sidebar).
    let layout = m.any(
        const {
            bits(&[
                "content", "wrap", "has", "no-", "with", "layout", "main", "page", "for_", "for-",
            ])
        },
    );
    m.any(const { bits(EXCLUDED_WORDS) }) && !layout
}

/// Whether an element is a sidebar, a widget, a list of other posts, a menu or navigation
/// (`token_excluded`: one of its class/id tokens says so, see [`excluded_token`]).
fn is_excluded_region(
    tag: &LocalName,
    class: &ClassFacts,
    role: Option<&str>,
    hook: Option<&str>,
    token_excluded: bool,
) -> bool {
    // A post's own meta box ("entry-meta", "article__meta", "entry-details", "byline") set as
    // an `<aside>`.
    if *tag == local_name!("aside") && class.meta_box {
        return false;
    }
    if matches!(*tag, local_name!("aside") | local_name!("nav")) {
        return true;
    }
    if matches!(
        *tag,
        local_name!("html") | local_name!("body") | local_name!("main") | local_name!("article")
    ) {
        return false;
    }
    if role.is_some_and(|r| {
        r.eq_ignore_ascii_case("navigation") || r.eq_ignore_ascii_case("complementary")
    }) {
        return true;
    }
    if hook.is_some_and(|h| {
        contains_ci(h, "recent-posts") || contains_ci(h, "related") || h == "post-list-item"
    }) {
        return true;
    }
    // Blogger wraps the post list in its main "widget Blog".
    if class.blogger_main {
        return false;
    }
    token_excluded
}

/// "Comments" in other languages, as pages name the element that holds them.
const COMMENTS_WORDS: [&str; 8] = [
    "kommentare",
    "commentaires",
    "comentarios",
    "commenti",
    "reacties",
    "komentarze",
    "kommentarer",
    "kommentit",
];

/// Whether an element holds reader comments.
#[cfg(test)]
fn is_comments_region(class: &str, id: &str, hook: Option<&str>) -> bool {
    class_facts(class).comments || comments_by_id_or_hook(id, hook)
}

/// Whether the id or data-hook of an element names a reader-comments region (the class is read
/// by [`class_facts`]).
fn comments_by_id_or_hook(id: &str, hook: Option<&str>) -> bool {
    if hook.is_some_and(|h| h == "comments-section" || h == "comments") {
        return true;
    }
    matches!(
        id,
        "comments" | "respond" | "disqus_thread" | "comments-section"
    ) || COMMENTS_WORDS.iter().any(|w| id.eq_ignore_ascii_case(w))
        || id.ends_with("-comments")
        || id.ends_with("_comments")
}

/// What the data-hook of an element announces (bits of [`sig`]).
fn hook_signature(hook: Option<&str>) -> u16 {
    match hook {
        Some("user-name") => sig::AUTHOR | sig::NAME,
        Some("time-ago") => sig::DATE,
        Some("views-counter") => sig::VIEWS,
        Some("comments-counter") => sig::COMMENTS,
        Some("like-button-with-count" | "like-count") => sig::LIKES,
        Some("post-title") => sig::TITLE,
        Some("post-stats") => sig::COUNT,
        _ => 0,
    }
}

/// What one class/id token announces (bits of [`sig`]), given the words it contains.
fn token_signature(t: &str, m: &Marks) -> u16 {
    let mut what = 0;
    if m.any(const { bits(&["comment"]) }) {
        // "comment-author", "comment-date" are parts of a reader comment.
        if m.any(
            const {
                bits(&[
                    "count",
                    "link",
                    "num",
                    "number",
                    "meta",
                    "comments-title",
                    "post-comments",
                    "total",
                    "button",
                ])
            },
        ) || t.eq_ignore_ascii_case("comments")
        {
            what |= sig::COMMENTS;
        }
        return what;
    }
    if m.any(const { bits(&["author", "autor", "auteur", "byline"]) }) {
        if !m.any(const { bits(&["avatar", "bio", "desc", "image", "photo", "foto", "social"]) }) {
            what |= sig::AUTHOR;
            if m.any(const { bits(&["name", "link"]) }) {
                what |= sig::NAME;
            }
        }
    } else if t == "p-author" {
        what |= sig::AUTHOR | sig::NAME;
    }
    if m.any(const { bits(DATE_WORDS) }) || t.eq_ignore_ascii_case("time") {
        if !m.any(const { bits(&["update-", "candidate"]) }) {
            what |= sig::DATE;
        }
        if m.any(const { bits(&["published", "entry-date"]) }) || t == "dt-published" {
            what |= sig::PUBLISHED;
        }
        if m.any(const { bits(&["updated", "modified"]) }) {
            what |= sig::UPDATED;
        }
    }
    if m.any(const { bits(&["view", "hits", "visit"]) })
        && !m.any(
            const {
                bits(&[
                    "preview",
                    "review",
                    "overview",
                    "viewport",
                    "viewer",
                    "interview",
                ])
            },
        )
    {
        what |= sig::VIEWS;
    }
    if m.any(const { bits(&["comment-button", "comments-count"]) }) {
        what |= sig::COMMENTS;
    }
    if m.any(const { bits(&["like-count", "like-button", "likes", "clap", "reaction"]) }) {
        what |= sig::LIKES;
    }
    if m.any(const { bits(&["count"]) }) || t.eq_ignore_ascii_case("stats") {
        what |= sig::COUNT;
    }
    if matches!(
        t,
        "entry-title" | "post-title" | "article-title" | "BlogItem-title" | "p-name" | "main-title"
    ) {
        what |= sig::TITLE;
    }
    what
}

/// What the classes, id and data-hook of an element announce (bits of [`sig`]).
#[cfg(test)]
fn signature(class: &str, id: &str, hook: Option<&str>) -> u16 {
    hook_signature(hook) | read_tokens(class, id).0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excluded(tag: &str, class: &str) -> bool {
        is_excluded_region(
            &LocalName::from(tag),
            &class_facts(class),
            None,
            None,
            read_tokens(class, "").1,
        )
    }

    #[test]
    fn regions() {
        assert!(excluded("div", "widget_recent_entries"));
        assert!(excluded("section", "jp-relatedposts"));
        assert!(!excluded("div", "content-sidebar-wrap"));
        assert!(!excluded("article", "widget"));
        assert!(!excluded(
            "div",
            "elementor-widget elementor-widget-post-comments"
        ));
        assert!(excluded("div", "elementor-widget elementor-widget-posts"));
        assert!(is_comments_region("comments-area", "", None));
        assert!(!is_comments_region("comments-link", "", None));
        assert!(is_comments_region("", "kommentare", None));
        assert!(is_comments_region("", "kb-comments", None));
        assert!(!is_comments_region("", "comments-count", None));
        // A post's meta box set as an aside is the post's; other asides are not.
        assert!(!is_excluded_region(
            &local_name!("aside"),
            &class_facts("meta"),
            Some("complementary"),
            None,
            false
        ));
        assert!(!excluded("aside", "entry-meta"));
        assert!(!excluded("aside", "entry-details"));
        assert!(excluded("aside", "sidebar"));
        assert!(excluded("aside", "metabox-list"));
    }

    #[test]
    fn contains_ci_is_a_window_search() {
        let slow = |h: &str, n: &str| {
            n.is_empty()
                || h.as_bytes()
                    .windows(n.len())
                    .any(|w| w.eq_ignore_ascii_case(n.as_bytes()))
        };
        for (h, n) in [
            ("", ""),
            ("", "a"),
            ("abc", ""),
            ("https://Hashnode.COM/x", "hashnode.com"),
            ("https://hashnode.co", "hashnode.com"),
            ("hhhashnode.com", "hashnode.com"),
            ("Related-Posts", "related"),
            ("-9x", "-9"),
            ("déjà RELATED", "related"),
            ("ab", "abc"),
        ] {
            assert_eq!(contains_ci(h, n), slow(h, n), "{h:?} {n:?}");
        }
    }

    #[test]
    fn signatures() {
        assert_ne!(signature("post-views-count", "", None) & sig::VIEWS, 0);
        assert_ne!(signature("url fn n", "", None) & sig::NAME, 0);
        assert_eq!(signature("fn org country-name", "", None) & sig::AUTHOR, 0);
        assert_eq!(signature("fn title p-name", "", None) & sig::AUTHOR, 0);
        assert_eq!(signature("fn entry-title", "", None) & sig::AUTHOR, 0);
        assert_eq!(signature("comment-author", "", None) & sig::AUTHOR, 0);
        assert_ne!(
            signature("entry-date published", "", None) & sig::PUBLISHED,
            0
        );
        assert_eq!(signature("preview", "", None), 0);
        // German/Dutch "Datum", Spanish "fecha".
        assert_ne!(signature("text_datum", "", None) & sig::DATE, 0);
        assert_ne!(signature("fecha-publicacion", "", None) & sig::DATE, 0);
        // "Autor" (German, Polish, Spanish, …) and French "auteur" mark a byline too.
        assert_ne!(signature("content-left-autor", "", None) & sig::AUTHOR, 0);
        assert_ne!(signature("auteurs", "", None) & sig::AUTHOR, 0);
        assert_eq!(signature("autor-foto", "", None) & sig::AUTHOR, 0);
    }
}
