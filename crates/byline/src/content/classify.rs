//! What an element's name, class, id, role and attributes say about it: boilerplate, main
//! content, or hidden. Patterns describe markup conventions of CMSs and themes, never sites.

use html5ever::{LocalName, local_name};
use std::sync::LazyLock;

use crate::dom::{Element, kind};
use crate::text::Memo;

/// Which needle lists a class or id string hits (bits of one [`Lists`] value).
mod list {
    pub(super) const POSITIVE: u16 = 1;
    pub(super) const NEGATIVE: u16 = 2;
    pub(super) const UNLIKELY: u16 = 4;
    pub(super) const MAYBE: u16 = 8;
    pub(super) const STRONG_JUNK: u16 = 16;
    pub(super) const CONTENT_MARKERS: u16 = 32;
    /// "caption"
    pub(super) const CAPTION: u16 = 64;
    /// "comment", "disqus", "respond": a junk element that holds reader comments.
    pub(super) const COMMENTS: u16 = 128;
    /// A lead, standfirst or summary paragraph under the headline.
    pub(super) const LEAD: u16 = 256;
    /// Teasers for other pages: "related", "recommended", "you may also like".
    pub(super) const TEASERS: u16 = 512;
    /// "ingredient", "recipe" and recipe plugins' prefixes: may name a recipe's parts.
    pub(super) const RECIPE: u16 = 1024;
}

/// Every needle of every list in one automaton, with the lists each needle belongs to: a class
/// or id string is read once for all lists. Immutable, so sharing it between threads and calls
/// keeps extraction deterministic.
struct Needles {
    set: crate::text::Keywords,
    lists: Vec<u16>,
}

static NEEDLES: LazyLock<Needles> = LazyLock::new(|| {
    let mut needles: Vec<&str> = Vec::new();
    let mut lists: Vec<u16> = Vec::new();
    for (words, bit) in [
        (POSITIVE, list::POSITIVE),
        (NEGATIVE, list::NEGATIVE),
        (UNLIKELY, list::UNLIKELY),
        (MAYBE, list::MAYBE),
        (STRONG_JUNK, list::STRONG_JUNK),
        (CONTENT_MARKERS, list::CONTENT_MARKERS),
        (&["caption"], list::CAPTION),
        (&["comment", "disqus", "respond"], list::COMMENTS),
        (LEAD, list::LEAD),
        (TEASERS, list::TEASERS),
        (
            &["ingredient", "recipe", "mv-create", "tasty"],
            list::RECIPE,
        ),
    ] {
        for &w in words {
            match needles.iter().position(|n| *n == w) {
                Some(i) => lists[i] |= bit,
                None => {
                    needles.push(w);
                    lists.push(bit);
                }
            }
        }
    }
    let set = crate::text::keywords(&needles);
    Needles { set, lists }
});

/// The lists of which `hay` contains a needle (ASCII case-insensitive), as bits of [`list`].
fn lists_hit(hay: &str) -> u16 {
    if hay.is_empty() {
        return 0;
    }
    let n = &*NEEDLES;
    let mut m = 0;
    crate::text::each_match(&n.set, hay, |p, _| m |= n.lists[p]);
    m
}

/// Case-insensitive ASCII substring test; `needle` must be lower case.
pub(crate) fn contains_ci(hay: &str, needle: &str) -> bool {
    any_ci(hay, &[needle])
}

/// Runs `f` on `hay` in ASCII lower case: on the stack for the short strings class and id
/// attributes almost always are, so classifying an element allocates nothing.
fn with_lower<R>(hay: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 256];
    if let Some(dst) = buf.get_mut(..hay.len()) {
        for (d, s) in dst.iter_mut().zip(hay.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII lower-casing keeps UTF-8 valid.
        if let Ok(lower) = std::str::from_utf8(dst) {
            return f(lower);
        }
    }
    f(&hay.to_ascii_lowercase())
}

/// Whether any whitespace-separated token of `attr` equals `word` (ASCII case-insensitive).
pub(crate) fn has_token(attr: &str, word: &str) -> bool {
    attr.split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(word))
}

/// Whether `hay` contains any of `needles` (ASCII case-insensitive). Lower-cases `hay` once
/// and searches with the standard library's vectorised substring search.
fn any_ci(hay: &str, needles: &[&str]) -> bool {
    if needles.iter().all(|n| n.is_empty() || n.len() > hay.len()) {
        return needles.iter().any(|n| n.is_empty());
    }
    with_lower(hay, |lower| {
        needles.iter().any(|n| {
            if n.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.contains(n.to_ascii_lowercase().as_str())
            } else {
                lower.contains(n)
            }
        })
    })
}

/// Class and id substrings of containers that hold an article's own text.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Class and id substrings of boilerplate, which lower a container's score.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Class and id substrings of page parts that are almost never the article.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Substrings that save an unlikely-looking class (`comment-content` of an article body is rare,
/// `main-header` holding the text is not).
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// Boilerplate names strong enough to win over a content-looking name (`share-content`,
/// `related-posts-body`).
const STRONG_JUNK: &[&str] = &[
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "cookie",
    "consent",
    "related",
    "recommend",
    "readmore",
    "read-more",
    "breadcrumb",
    "author-bio",
    "authorbio",
    "author-box",
    "author_box",
    "about-author",
    "about_author",
    "author-info",
    "saboxplugin",
    "timestamp",
    "post-date",
    "entry-date",
    "article-date",
    "publish-date",
    "published-date",
    "date-published",
    "posted-on",
    "credit",
    "copyright",
    "article-info",
    "related-post",
    "tagcloud",
    "tag-cloud",
    "post-tags",
    "entry-tags",
    "tags-links",
    "comment",
    "disqus",
    "respond",
    "advert",
    "sponsor",
    "popup",
    "modal",
    "sidebar",
    "widget-area",
    "skip-link",
    "skiplink",
    "signup",
    "sign-up",
    "byline",
    "dateline",
    "post-meta",
    "entry-meta",
    "article-meta",
    "postmetadata",
    "post-navigation",
    "nav-links",
    "navigation",
    "pagination",
    "more-stories",
    "most-popular",
    "mostpopular",
    "trending",
    "toolbar",
    "print-only",
    "noprint",
    "visually-hidden",
    "screen-reader",
    "sr-only",
    "jp-relatedposts",
    "sharedaddy",
    "yarpp",
    "promo",
    "paywall",
    "inline-ad",
    "ad-container",
    "ad-slot",
    "adslot",
    "adsense",
    "dfp",
];

/// Class and id substrings of a heading that titles a box of teasers for other pages.
const TEASERS: &[&str] = &[
    "related",
    "recommend",
    "more-stories",
    "most-popular",
    "mostpopular",
    "you-may",
    "also-like",
    "read-next",
    "readnext",
    "more-from",
];

/// Class and id substrings of the lead paragraph (standfirst, summary) printed between the
/// headline and the article's text.
const LEAD: &[&str] = &[
    "lead",
    "intro",
    "teaser",
    "standfirst",
    "summary",
    "excerpt",
    "chapo",
    "subtitle",
    "subheadline",
    "abstract",
    "perex",
    "preface",
    "vorspann",
    "sommario",
];

/// Whether the class or id of `e` names a lead paragraph.
pub(crate) fn names_lead(e: &Element) -> bool {
    // Token by token: `leading-*` is a line-height utility class, not a lead.
    let hit = |v: Option<&str>| {
        v.is_some_and(|v| {
            v.split_ascii_whitespace().any(|t| {
                lists_hit(t) & list::LEAD != 0
                    && !t
                        .get(..7)
                        .is_some_and(|p| p.eq_ignore_ascii_case("leading"))
            })
        })
    };
    hit(e.attr(&local_name!("class"))) || hit(e.attr(&local_name!("id")))
}

/// Class and id substrings that CMSs and themes put on the element holding the article's text.
const CONTENT_MARKERS: &[&str] = &[
    "entry-content",
    "post-content",
    "post-body",
    "postbody",
    "post-entry",
    "post_content",
    "article-body",
    "article__body",
    "articlebody",
    "article-content",
    "article__content",
    "article-text",
    "articletext",
    "story-body",
    "storybody",
    "story-content",
    "blog-post-content",
    "blogpost-content",
    "rich-content",
    "rich-text",
    "richtext",
    "post-text",
    "entry-body",
    "content-body",
    "body-text",
    "bodytext",
    "main-content",
    "single-content",
    "td-post-content",
    "post__content",
    "c-entry-content",
    "gh-content",
    "markup",
    "available-content",
];

/// What the classifier says about one element.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Verdict {
    /// Readability-style class weight: +25 / −25 for class and id each.
    pub(crate) weight: i32,
    /// Boilerplate by name, role or tag: dropped from the content unless it holds the article.
    pub(crate) junk: bool,
    /// Named as a reader-comment section: boilerplate whatever its size.
    pub(crate) comments: bool,
    /// Named as the article's own text container by CMS conventions.
    pub(crate) content_marker: bool,
    /// Never rendered (hidden attribute, `display:none`, non-text tags).
    pub(crate) hidden: bool,
    /// A heading named as the title of a box of teasers for other pages.
    pub(crate) teasers_title: bool,
    /// An embedded social post, quoted in the article (`blockquote.twitter-tweet`).
    pub(crate) social_post: bool,
    /// A recipe's ingredients or steps (a recipe card plugin's list, schema.org microdata):
    /// short lines, often with shop links on ingredient names, that are the post's content.
    pub(crate) recipe_part: bool,
}

/// Tags whose content is never part of the article text (names compare as interned atoms).
pub(crate) fn is_never_content_tag(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("head")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("select")
            | local_name!("textarea")
            | local_name!("button")
            | local_name!("input")
            | local_name!("noscript")
            | local_name!("dialog")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("title")
            | local_name!("audio")
            | local_name!("video")
            | local_name!("map")
            | local_name!("frame")
            | local_name!("frameset")
            | local_name!("applet")
            | local_name!("option")
    )
}

/// Readability's weight of one class or id string `s`, which hits the needle lists `lists`.
fn class_weight(s: &str, lists: u16) -> i32 {
    let mut w = 0;
    if lists & list::NEGATIVE != 0 || has_token(s, "hid") {
        w -= 25;
    }
    if lists & list::POSITIVE != 0 {
        w += 25;
    }
    w
}

/// What a class or id string says whatever the element carrying it: read once per distinct
/// class string of a page (see [`classify`]'s memo).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Facts {
    /// The needle lists it hits.
    lists: u16,
    /// Its [`class_weight`].
    weight: i32,
    /// It names boilerplate strongly (or is an ad token).
    names_junk: bool,
    /// One of its tokens names both a content container and boilerplate
    /// (`related-post-content`).
    mixed: bool,
    /// It names a recipe's ingredients or steps ([`names_recipe_part`]).
    recipe: bool,
}

/// Whether a class string names a recipe's ingredients or steps, as recipe card plugins and
/// recipe sites write them: any token with "ingredient" in it (`wprm-recipe-ingredients`,
/// `tasty-recipes-ingredients`, `recipeIngredients`), and tokens naming a recipe's
/// instructions, steps, directions, notes or tips (`wprm-recipe-instructions`, `recipe-steps`,
/// `recipePartSteps`, `mv-create-instructions`, `wprm-recipe-notes`, `recipeTips`).
fn names_recipe_part(s: &str) -> bool {
    with_lower(s, |l| {
        l.split_ascii_whitespace().any(|t| {
            t.contains("ingredient")
                || ((t.contains("recipe") || t.starts_with("mv-create") || t.starts_with("tasty"))
                    && (t.contains("instruction")
                        || t.contains("step")
                        || t.contains("direction")
                        || t.contains("method")
                        || t.contains("note")
                        || t.contains("tip")))
        })
    })
}

/// Whether `s`, hitting the needle lists `lists`, names boilerplate strongly enough to win over
/// a content-looking name.
fn names_junk(s: &str, lists: u16) -> bool {
    lists & list::STRONG_JUNK != 0
        || s.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case("ad") || t.eq_ignore_ascii_case("ads"))
}

/// The [`Facts`] of a class or id string.
fn facts(s: &str) -> Facts {
    if s.is_empty() {
        return Facts::default();
    }
    let lists = lists_hit(s);
    // A token can only hit a list the whole string hits: most strings need no token pass.
    let mixed = lists & list::CONTENT_MARKERS != 0
        && s.split_ascii_whitespace().any(|t| {
            let lists = lists_hit(t);
            lists & list::CONTENT_MARKERS != 0 && names_junk(t, lists)
        });
    Facts {
        lists,
        weight: class_weight(s, lists),
        names_junk: names_junk(s, lists),
        mixed,
        recipe: lists & list::RECIPE != 0 && names_recipe_part(s),
    }
}

/// Whether an inline `style` hides the element.
fn style_hides(style: &str) -> bool {
    let mut compact = [0u8; 64];
    let mut n = 0;
    for b in style.bytes() {
        if b.is_ascii_whitespace() {
            continue;
        }
        if n == compact.len() {
            // Only look at windows of the style; shift the buffer.
            if contains_hidden(&compact[..n]) {
                return true;
            }
            compact.copy_within(32.., 0);
            n -= 32;
        }
        compact[n] = b.to_ascii_lowercase();
        n += 1;
    }
    contains_hidden(&compact[..n])
}

fn contains_hidden(b: &[u8]) -> bool {
    let has = |pat: &[u8]| b.windows(pat.len()).any(|w| w == pat);
    has(b"display:none") || has(b"visibility:hidden")
}

/// Whether `e` is a block that describes the author as a schema.org `Person` (an author box
/// with a photo and a short biography), which is not part of the article's text.
fn is_author_card(e: &Element) -> bool {
    matches!(
        e.name.local,
        local_name!("div")
            | local_name!("section")
            | local_name!("header")
            | local_name!("figure")
            | local_name!("table")
    ) && (e
        .attr(&local_name!("itemprop"))
        .is_some_and(|p| has_token(p, "author"))
        || e.attr(&local_name!("itemtype")).is_some_and(|t| {
            t.trim_end_matches('/')
                .rsplit('/')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case("Person"))
        }))
}

/// Classifies an element by its tag, attributes, class and id.
///
/// `memo` keeps what the class strings seen so far hit, for the elements that repeat them.
pub(crate) fn classify<'d>(e: &'d Element, memo: &mut Memo<'d, Facts>) -> Verdict {
    // Tag names compare as interned atoms (one integer each), never read as strings.
    let tag = &e.name.local;
    let mut v = Verdict::default();
    if is_never_content_tag(tag) {
        v.hidden = true;
        return v;
    }
    if e.attr(&local_name!("hidden")).is_some()
        || e.attr(&local_name!("aria-hidden"))
            .is_some_and(|a| a.trim().eq_ignore_ascii_case("true"))
            && !e
                .attr(&local_name!("class"))
                .is_some_and(|c| contains_ci(c, "fallback-image"))
        || e.attr(&local_name!("style")).is_some_and(style_hides)
    {
        v.hidden = true;
        return v;
    }
    let class = e.attr(&local_name!("class")).unwrap_or("");
    let id = e.attr(&local_name!("id")).unwrap_or("");
    // Most elements have no class or no id: their facts are the empty string's, no lookup.
    let class_facts = if class.is_empty() {
        Facts::default()
    } else {
        *memo.entry(class).or_insert_with(|| facts(class))
    };
    let id_facts = if id.is_empty() {
        Facts::default()
    } else {
        facts(id)
    };
    let either = class_facts.lists | id_facts.lists;
    v.weight = class_facts.weight + id_facts.weight;
    let itemprop = e.attr(&local_name!("itemprop")).unwrap_or("");
    if has_token(itemprop, "articleBody") {
        v.content_marker = true;
    }
    if either & list::CONTENT_MARKERS != 0 {
        v.content_marker = true;
    }
    if e.attr("data-hook").is_some_and(|h| h == "post-description") {
        v.content_marker = true;
    }
    if v.content_marker {
        v.weight += 25;
    }
    // `<aside>`, `<nav>` and `<footer>` are boilerplate whatever their class says.
    let by_tag = matches!(
        *tag,
        local_name!("nav") | local_name!("aside") | local_name!("footer")
    );
    v.junk = by_tag || is_author_card(e);
    if let Some(role) = e.attr(&local_name!("role")) {
        let role = role.trim();
        if [
            "navigation",
            "complementary",
            "contentinfo",
            "menu",
            "menubar",
            "alert",
            "alertdialog",
            "dialog",
            "search",
            "banner",
        ]
        .iter()
        .any(|r| role.eq_ignore_ascii_case(r))
        {
            v.junk = true;
        }
    }
    // A recipe card's section headings ("wprm-recipe-header": Ingredients, Instructions) are
    // headings of the post, not a page header.
    let unlikely = !v.content_marker
        && *tag != local_name!("body")
        && *tag != local_name!("a")
        && either & list::UNLIKELY != 0
        && either & list::MAYBE == 0
        && !(e.kind & kind::HEADING != 0 && contains_ci(class, "recipe"));
    // Image captions outside a `<figure>` (`caption`, `wp-caption-text`, `photo-caption`):
    // repeated per slide in galleries and not part of the running text. A `<figcaption>` is
    // kept, as the caption of its figure.
    let caption = *tag != local_name!("figcaption") && either & list::CAPTION != 0;
    if class_facts.names_junk || id_facts.names_junk || unlikely || caption {
        v.junk = true;
        v.comments = either & list::COMMENTS != 0;
    }
    // The markup the platforms' embed codes publish before their script runs.
    v.social_post = *tag == local_name!("blockquote")
        && ["twitter-tweet", "instagram-media", "tiktok-embed"]
            .iter()
            .any(|w| has_token(class, w));
    v.teasers_title = e.kind & kind::HEADING != 0 && either & list::TEASERS != 0;
    // (schema.org property names are case-sensitive; most elements have no itemprop.)
    v.recipe_part = class_facts.recipe
        || (!itemprop.is_empty()
            && itemprop
                .split_ascii_whitespace()
                .any(|t| matches!(t, "recipeIngredient" | "ingredients" | "recipeInstructions")));
    if v.content_marker {
        // A marker wins unless one class token names both (`related-post-content`).
        v.junk = class_facts.mixed || by_tag;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_and_style() {
        assert!(contains_ci("Entry-Content", "entry-content"));
        assert!(!contains_ci("abc", "abcd"));
        assert!(style_hides("color:red; DISPLAY : none"));
        assert!(!style_hides("display: block"));
        let long = format!("{}display:none", "x:y;".repeat(40));
        assert!(style_hides(&long));
    }

    #[test]
    fn recipe_part_names() {
        for yes in [
            "wprm-recipe-ingredients-container wprm-block-text-normal",
            "tasty-recipes-ingredients",
            "recipeIngredients primary",
            "ingredients",
            "wprm-recipe-instructions",
            "recipe-steps",
            "recipePartSteps",
            "mv-create-instructions",
            "wprm-recipe-notes-container",
            "recipeTips primary",
        ] {
            assert!(names_recipe_part(yes), "{yes}");
        }
        for no in [
            "entry-content",
            "steps-nav",
            "related-recipes",
            "recipe-card-rating",
            "instructions",
            "method-box",
        ] {
            assert!(!names_recipe_part(no), "{no}");
        }
    }
}
