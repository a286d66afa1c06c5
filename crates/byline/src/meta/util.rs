//! Small helpers of the metadata pass: bounded node text, title separators, language tags.

use crate::dom::{Document, Edge, NodeData, NodeId, is_block_tag, is_hidden_tag, push_collapsed};

/// The collapsed, trimmed visible text of the subtree at `root`, or `None` when it is longer
/// than `max` bytes or the subtree has more than `max * 4` nodes (so a big container costs no
/// more than a small one).
pub(crate) fn bounded_text(doc: &Document, root: NodeId, max: usize) -> Option<String> {
    let mut out = String::new();
    let mut walk = doc.traverse(root);
    let mut seen = 0usize;
    while let Some(edge) = walk.next() {
        seen += 1;
        if seen > max.saturating_mul(4).max(64) {
            return None;
        }
        match edge {
            Edge::Open(n) => match &doc.node(n).data {
                NodeData::Text(t) => {
                    push_collapsed(&mut out, t);
                    if out.len() > max.saturating_mul(2) {
                        return None;
                    }
                }
                NodeData::Element(e) => {
                    let tag = e.tag();
                    if is_hidden_tag(tag) && n != root {
                        walk.skip_children();
                    } else if (is_block_tag(tag) || tag == "br") && !out.ends_with(' ') {
                        out.push(' ');
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if is_block_tag(doc.tag(n)) && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    let t = crate::text::clean(&out);
    (t.len() <= max && !t.is_empty()).then_some(t)
}

/// Separators between a title and the site name in `<title>` and `og:title`.
pub(crate) const SEPARATORS: [&str; 11] = [
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", ": ",
];

/// Splits `s` at the separator that occurs in it (the first of [`SEPARATORS`] found).
pub(crate) fn split_title(s: &str) -> Vec<&str> {
    for sep in SEPARATORS {
        if sep == ": " {
            continue;
        }
        if s.contains(sep) {
            return s
                .split(sep)
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
        }
    }
    vec![s.trim()]
}

/// Loose comparison key: lower case, letters and digits only.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two strings are the same after [`key`].
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

/// Removes a leading or trailing site name (with its separator) from a title.
pub(crate) fn strip_site<'a>(title: &'a str, site: Option<&str>) -> &'a str {
    let Some(site) = site else { return title };
    let t = title.trim();
    for sep in SEPARATORS {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if same(tail, site) && !head.trim().is_empty() {
                return head.trim();
            }
        }
        if let Some(i) = t.find(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if same(head, site) && !tail.trim().is_empty() {
                return tail.trim();
            }
        }
    }
    t
}

/// Normalises a language tag: `en_us` → `en-US`, `zh-hant-tw` → `zh-Hant-TW`. `None` when it
/// is not a plausible BCP-47 tag.
pub(crate) fn normalize_lang(raw: &str) -> Option<String> {
    let first = raw.split([',', ';']).next()?.trim();
    if first.is_empty() {
        return None;
    }
    let mut out = String::new();
    for (i, part) in first.split(['-', '_']).enumerate() {
        if part.is_empty() || part.len() > 8 || !part.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        if i == 0 {
            if !(2..=3).contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_alphabetic()) {
                return None;
            }
            out.push_str(&part.to_ascii_lowercase());
            continue;
        }
        out.push('-');
        match part.len() {
            2 => out.push_str(&part.to_ascii_uppercase()),
            4 if part.bytes().all(|b| b.is_ascii_alphabetic()) => {
                let lower = part.to_ascii_lowercase();
                let mut cs = lower.chars();
                if let Some(c) = cs.next() {
                    out.push(c.to_ascii_uppercase());
                }
                out.extend(cs);
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn langs() {
        assert_eq!(normalize_lang("en_us").as_deref(), Some("en-US"));
        assert_eq!(normalize_lang("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize_lang("de, en").as_deref(), Some("de"));
        assert_eq!(normalize_lang("english"), None);
        assert_eq!(normalize_lang(""), None);
    }

    #[test]
    fn titles() {
        assert_eq!(strip_site("Post — My Site", Some("My Site")), "Post");
        assert_eq!(strip_site("My Site | Post", Some("my site")), "Post");
        assert_eq!(strip_site("Post", Some("My Site")), "Post");
        assert_eq!(split_title("A | B | C"), ["A", "B", "C"]);
    }
}
