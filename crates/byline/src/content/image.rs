//! The real source of an image: lazy-loading attributes, `srcset`, `<picture>` sources.

use crate::PageContext;
use crate::body::safe_url;
use crate::dom::{Document, NodeId};
use html5ever::local_name;

/// Attributes lazy-loading scripts keep the real image URL in, most specific first.
const LAZY_ATTRS: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-src",
    "data-pin-media",
];

const SRCSET_ATTRS: &[&str] = &["srcset", "data-srcset", "data-lazy-srcset"];

/// Whether `v` is a usable image reference (not empty, not an inline `data:` placeholder, not
/// a script URL).
fn usable(v: &str) -> bool {
    let v = v.trim();
    !v.is_empty() && !v.starts_with('#') && safe_url(v) && !v.contains('{') && !is_spacer(v)
}

/// Whether the URL names a layout spacer or tracking pixel by its file name ("spacer.gif",
/// "/img/leer.gif", "1x1.png"): a GIF or PNG whose stem is one of [`SPACER_STEMS`].
fn is_spacer(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let file = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, ext)) = file.rsplit_once('.') else {
        return false;
    };
    (ext.eq_ignore_ascii_case("gif") || ext.eq_ignore_ascii_case("png"))
        && SPACER_STEMS.iter().any(|s| stem.eq_ignore_ascii_case(s))
}

/// File stems of spacer and pixel images.
const SPACER_STEMS: &[&str] = &[
    "spacer",
    "space",
    "leer",
    "blank",
    "empty",
    "pixel",
    "transparent",
    "trans",
    "clear",
    "clearpixel",
    "1x1",
    "s",
];

/// The best candidate of a `srcset`: the widest `w`, else the highest `x`, else the first.
pub(crate) fn best_srcset(srcset: &str) -> Option<&str> {
    let b = srcset.as_bytes();
    let mut i = 0;
    let mut best: Option<(&str, f64)> = None;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut url = &srcset[start..i];
        let mut had_comma = false;
        while let Some(u) = url.strip_suffix(',') {
            url = u;
            had_comma = true;
        }
        let mut desc = "";
        if !had_comma {
            let ds = i;
            while i < b.len() && b[i] != b',' {
                i += 1;
            }
            desc = srcset[ds..i].trim();
        }
        if url.is_empty() {
            continue;
        }
        let weight = desc
            .strip_suffix(['w', 'W'])
            .and_then(|n| n.trim().parse::<f64>().ok())
            .or_else(|| {
                desc.strip_suffix(['x', 'X'])
                    .and_then(|n| n.trim().parse::<f64>().ok())
                    .map(|x| x * 1000.0)
            })
            .unwrap_or(1.0);
        if usable(url) && best.is_none_or(|(_, w)| weight > w) {
            best = Some((url, weight));
        }
    }
    best.map(|(u, _)| u)
}

/// The source of `<img>` element `img`, resolved against the page, if it has a usable one.
pub(crate) fn image_source(doc: &Document, img: NodeId, page: &PageContext<'_>) -> Option<String> {
    let e = doc.element(img)?;
    for a in LAZY_ATTRS {
        // Lazy-loading scripts also use these attributes as flags ("true", "1").
        if let Some(v) = e
            .attr(a)
            .filter(|v| usable(v) && (v.contains('/') || v.contains('.')))
        {
            return Some(page.resolve(v));
        }
    }
    for a in SRCSET_ATTRS {
        if let Some(v) = e.attr(a).and_then(best_srcset) {
            return Some(page.resolve(v));
        }
    }
    if let Some(v) = e.attr(&local_name!("src")).filter(|v| usable(v)) {
        return Some(page.resolve(v));
    }
    // A <picture>'s sources.
    let parent = doc.parent(img)?;
    if doc.tag(parent) == "picture" {
        for c in doc.children(parent) {
            if doc.tag(c) != "source" {
                continue;
            }
            for a in SRCSET_ATTRS {
                if let Some(v) = doc.attr(c, a).and_then(best_srcset) {
                    return Some(page.resolve(v));
                }
            }
        }
    }
    None
}

/// The images (source and alt text) of a `<noscript>` element, whose content the parser keeps as
/// raw markup: that markup is parsed on its own, with the default limits, when it has an `<img>`.
pub(crate) fn noscript_images(
    doc: &Document,
    noscript: NodeId,
    page: &PageContext<'_>,
) -> Vec<(String, Option<String>)> {
    let mut markup = String::new();
    for c in doc.children(noscript) {
        if let Some(t) = doc.text(c) {
            markup.push_str(t);
        }
    }
    let mut out = Vec::new();
    if !super::classify::contains_ci(&markup, "<img") {
        return out;
    }
    let inner = crate::dom::parse_html(&markup, &crate::Limits::default());
    for (id, e) in inner.elements() {
        if e.tag() != "img" || is_tiny(&inner, id) {
            continue;
        }
        if let Some(src) = image_source(&inner, id, page) {
            out.push((src, e.attr("alt").and_then(crate::text::non_empty)));
        }
    }
    out
}

/// Whether the image is a tracking pixel or spacer by its declared size.
pub(crate) fn is_tiny(doc: &Document, img: NodeId) -> bool {
    let dim = |a: &str| {
        doc.attr(img, a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    matches!(dim("width"), Some(w) if w <= 2) || matches!(dim("height"), Some(h) if h <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacers_by_file_name() {
        for u in [
            "/web/image/leer.gif",
            "spacer.gif?v=2",
            "https://x.org/i/1x1.PNG",
            "blank.png",
        ] {
            assert!(is_spacer(u), "{u}");
        }
        for u in [
            "/img/leerstand.gif",
            "/photos/clear-sky.jpg",
            "/space/station.png",
            "a.gif",
        ] {
            assert!(!is_spacer(u), "{u}");
        }
    }

    #[test]
    fn srcset_candidates() {
        assert_eq!(
            best_srcset("a.jpg 300w, b.jpg 1024w, c.jpg 640w"),
            Some("b.jpg")
        );
        assert_eq!(best_srcset("a.jpg 1x, b.jpg 2x"), Some("b.jpg"));
        assert_eq!(
            best_srcset("https://x/w_300,h_200/a.jpg 300w, https://x/w_900,h_600/a.jpg 900w"),
            Some("https://x/w_900,h_600/a.jpg")
        );
        assert_eq!(best_srcset("data:image/gif;base64,AAAA 1w"), None);
        assert_eq!(
            best_srcset("/img/spacer.gif 1x, /img/photo.jpg 2x"),
            Some("/img/photo.jpg")
        );
        assert_eq!(best_srcset(""), None);
    }
}
