//! What an element's name, class, id, role and attributes say about it: boilerplate, main
//! content, or hidden. Patterns describe markup conventions of CMSs and themes, never sites.

use crate::dom::Element;

/// Case-insensitive ASCII substring test; `needle` must be lower case.
pub(crate) fn contains_ci(hay: &str, needle: &str) -> bool {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return true;
    }
    if h.len() < n.len() {
        return false;
    }
    h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Whether any whitespace-separated token of `attr` equals `word` (ASCII case-insensitive).
pub(crate) fn has_token(attr: &str, word: &str) -> bool {
    attr.split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(word))
}

fn any_ci(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| contains_ci(hay, n))
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
}

/// Tags whose content is never part of the article text.
pub(crate) fn is_never_content_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "svg"
            | "math"
            | "head"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "textarea"
            | "button"
            | "input"
            | "noscript"
            | "dialog"
            | "link"
            | "meta"
            | "title"
            | "audio"
            | "video"
            | "map"
            | "frame"
            | "frameset"
            | "applet"
            | "option"
    )
}

fn class_weight(s: &str) -> i32 {
    let mut w = 0;
    if any_ci(s, NEGATIVE) || has_token(s, "hid") {
        w -= 25;
    }
    if any_ci(s, POSITIVE) {
        w += 25;
    }
    w
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

/// Classifies an element by its tag, attributes, class and id.
pub(crate) fn classify(e: &Element) -> Verdict {
    let tag = e.tag();
    let mut v = Verdict::default();
    if is_never_content_tag(tag) {
        v.hidden = true;
        return v;
    }
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|a| a.trim().eq_ignore_ascii_case("true"))
            && !e
                .attr("class")
                .is_some_and(|c| contains_ci(c, "fallback-image"))
        || e.attr("style").is_some_and(style_hides)
    {
        v.hidden = true;
        return v;
    }
    let class = e.attr("class").unwrap_or("");
    let id = e.attr("id").unwrap_or("");
    v.weight = class_weight(class) + class_weight(id);
    let itemprop = e.attr("itemprop").unwrap_or("");
    if has_token(itemprop, "articleBody") {
        v.content_marker = true;
    }
    if any_ci(class, CONTENT_MARKERS) || any_ci(id, CONTENT_MARKERS) {
        v.content_marker = true;
    }
    if e.attr("data-hook").is_some_and(|h| h == "post-description") {
        v.content_marker = true;
    }
    if v.content_marker {
        v.weight += 25;
    }
    if matches!(tag, "nav" | "aside" | "footer") {
        v.junk = true;
    }
    if let Some(role) = e.attr("role") {
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
    let names_junk = |s: &str| any_ci(s, STRONG_JUNK) || has_token(s, "ad") || has_token(s, "ads");
    let unlikely = !v.content_marker
        && tag != "body"
        && tag != "a"
        && (any_ci(class, UNLIKELY) || any_ci(id, UNLIKELY))
        && !(any_ci(class, MAYBE) || any_ci(id, MAYBE));
    if names_junk(class) || names_junk(id) || unlikely {
        v.junk = true;
        v.comments = ["comment", "disqus", "respond"]
            .iter()
            .any(|p| contains_ci(class, p) || contains_ci(id, p));
    }
    if v.content_marker {
        // A marker wins unless one class token names both (`related-post-content`).
        let mixed = class
            .split_ascii_whitespace()
            .any(|t| any_ci(t, CONTENT_MARKERS) && names_junk(t));
        v.junk = mixed;
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
}
