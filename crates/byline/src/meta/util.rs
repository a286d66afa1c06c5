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

/// The share of the words of the shorter of `a` and `b` that also occur in the other (words
/// compared as [`key`]s; words of one character are ignored), and how many they share. 0 when
/// either has no words.
pub(crate) fn word_overlap(a: &str, b: &str) -> (f32, usize) {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(key)
            .filter(|w| w.chars().count() >= 2)
            .take(64)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.is_empty() {
        return (0.0, 0);
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    (shared as f32 / short.len() as f32, shared)
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

/// The distinctive label of a host, as a [`key`]: `www.la-stampa.it` → `lastampa`,
/// `journals.univie.ac.at` → `univie`, `news.bbc.co.uk` → `bbc`. `None` for IP addresses and
/// labels shorter than three characters.
pub(crate) fn host_key(host: &str) -> Option<String> {
    let host = host.trim().trim_end_matches('.');
    if host
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b':')
    {
        return None;
    }
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    // The top-level domain, then a second-level registry label ("co.uk", "com.au", "ac.at").
    if labels.len() >= 2 {
        labels.pop();
    }
    if labels.len() >= 2
        && labels.last().is_some_and(|l| {
            matches!(
                *l,
                "co" | "com" | "org" | "net" | "ac" | "gov" | "or" | "ne" | "go" | "edu" | "gv"
            )
        })
    {
        labels.pop();
    }
    let k = key(labels.last()?);
    (k.chars().count() >= 3).then_some(k)
}

/// Whether a part of a title names the site: it is the site name, or it contains the host's
/// label ("Gregory Szorc's Digital Home" on `gregoryszorc.com`), or it is the host's label
/// ("La Stampa" on `lastampa.it`).
pub(crate) fn is_site_part(part: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let pk = key(part);
    if pk.is_empty() {
        return false;
    }
    if site.is_some_and(|s| key(s) == pk) {
        return true;
    }
    let Some(h) = host.filter(|h| h.chars().count() >= 4) else {
        return false;
    };
    pk == h || (pk.contains(h) && part.split_whitespace().count() <= 5)
}

/// Removes a leading or trailing part that names the site (see [`is_site_part`]), with its
/// separator, from a title: the last separator for a trailing part, the first for a leading one.
pub(crate) fn strip_site_parts<'a>(
    title: &'a str,
    site: Option<&str>,
    host: Option<&str>,
) -> &'a str {
    let t = title.trim();
    if site.is_none() && host.is_none() {
        return t;
    }
    for sep in SEPARATORS {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if is_site_part(tail, site, host) && !head.trim().is_empty() {
                return head.trim();
            }
        }
        if sep == ": " {
            continue;
        }
        if let Some(i) = t.find(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if is_site_part(head, site, host) && !tail.trim().is_empty() {
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
    fn hosts_and_site_parts() {
        assert_eq!(host_key("www.lastampa.it").as_deref(), Some("lastampa"));
        assert_eq!(host_key("journals.univie.ac.at").as_deref(), Some("univie"));
        assert_eq!(host_key("news.bbc.co.uk").as_deref(), Some("bbc"));
        assert_eq!(host_key("127.0.0.1"), None);
        let h = Some("gregoryszorc");
        assert_eq!(
            strip_site_parts("Gregory Szorc's Digital Home | Python 3 and me", None, h),
            "Python 3 and me"
        );
        assert_eq!(
            strip_site_parts("Rain in the north - La Stampa", None, Some("lastampa")),
            "Rain in the north"
        );
        // A part that merely shares a word with the host stays.
        assert_eq!(
            strip_site_parts("Stampa - the history of print", None, Some("lastampa")),
            "Stampa - the history of print"
        );
        assert_eq!(strip_site_parts("A | B", Some("b"), None), "A");
    }

    #[test]
    fn overlap() {
        let (share, n) = word_overlap(
            "Kein Zutritt mehr mit Tickets",
            "Kein Zugang mehr mit Tickets",
        );
        assert!(share >= 0.75 && n == 4);
        assert!(word_overlap("About This Site", "Colophon of a blog").0 < 0.5);
        assert_eq!(word_overlap("", "x y"), (0.0, 0));
    }

    #[test]
    fn titles() {
        assert_eq!(strip_site("Post — My Site", Some("My Site")), "Post");
        assert_eq!(strip_site("My Site | Post", Some("my site")), "Post");
        assert_eq!(strip_site("Post", Some("My Site")), "Post");
        assert_eq!(split_title("A | B | C"), ["A", "B", "C"]);
    }
}
