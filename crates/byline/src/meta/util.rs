//! Small helpers of the metadata pass: bounded node text, title separators, language tags.

use crate::dom::{
    Document, Edge, NodeData, NodeId, is_block_tag, is_hidden_tag, kind, push_collapsed,
    push_collapsed_within,
};
use html5ever::local_name;

/// Most nodes [`guess_language`] visits.
const GUESS_MAX_NODES: usize = 20_000;
/// Most words [`guess_language`] reads.
const GUESS_MAX_WORDS: usize = 800;

/// The collapsed, trimmed visible text of the subtree at `root`, or `None` when it is longer
/// than `max` bytes or the subtree has more than `max * 4` nodes (so a big container costs no
/// more than a small one).
pub(crate) fn bounded_text(doc: &Document, root: NodeId, max: usize) -> Option<String> {
    bounded_text_skipping(doc, root, max, |_| false)
}

/// The text of a post heading without its kicker, subtitle or hidden parts (`<small>`,
/// `.kicker`, `.subheadline`, `.visually-hidden`, …): "<span class=kicker>Climate</span>
/// Drilling until it gets hot" reads "Drilling until it gets hot". The whole text when nothing
/// (or fewer than two words) would be left.
pub(crate) fn heading_text(doc: &Document, root: NodeId, max: usize) -> Option<String> {
    let full = bounded_text(doc, root, max)?;
    // A part marked as the headline inside the heading ("<h1><span class=overline>…</span>
    // <span class=headline>…</span></h1>") is the title.
    if let Some(part) = doc.descendants(root).skip(1).take(16).find(|&n| {
        doc.attr(n, &local_name!("class"))
            .is_some_and(is_headline_class)
    }) && let Some(t) = bounded_text(doc, part, max)
        && t.split_whitespace().count() >= 2
        && t.len() < full.len()
    {
        return Some(t);
    }
    let main = bounded_text_skipping(doc, root, max, is_heading_aside);
    Some(match main {
        Some(m) if m.len() < full.len() && m.split_whitespace().count() >= 2 => m,
        _ => full,
    })
}

/// Whether a heading is the site's name in the page header: it or its parent is marked as the
/// logo or the site title (`<h1 class="site-title">`, `<div class="logo"><h1>`).
pub(crate) fn is_site_heading(doc: &Document, node: NodeId) -> bool {
    let marks = |n: NodeId| {
        doc.attr(n, &local_name!("class")).is_some_and(|c| {
            c.split_ascii_whitespace().any(|t| {
                let t = t.to_ascii_lowercase();
                t.contains("logo")
                    || t.contains("site-title")
                    || t.contains("site-name")
                    || t.contains("site-branding")
                    || t == "brand"
                    || t == "navbar-brand"
            })
        })
    };
    marks(node) || doc.parent(node).is_some_and(marks)
}

/// Whether a class attribute marks the headline part of a heading: a token that ends in
/// "headline" ("headline", "article-headline", "c-article__headline"), not a sub-, over- or
/// top-line.
fn is_headline_class(c: &str) -> bool {
    c.split_ascii_whitespace().any(|t| {
        let t = t.to_ascii_lowercase();
        t.ends_with("headline")
            && !["sub", "over", "top", "kicker", "dach", "super", "pre"]
                .iter()
                .any(|w| t.contains(w))
    })
}

/// Whether an element inside a heading is a kicker, subtitle or hidden part of it.
fn is_heading_aside(e: &crate::dom::Element) -> bool {
    if e.tag() == "small"
        || e.attr(&local_name!("aria-hidden"))
            .is_some_and(|v| v == "true")
    {
        return true;
    }
    e.attr(&local_name!("class")).is_some_and(|c| {
        c.split_ascii_whitespace().any(|t| {
            let t = t.to_ascii_lowercase();
            // A prefix label of a forum thread or a badge ("<span class=label>Patch Notes</span>").
            if t == "label" || t.starts_with("label-") || t == "labellink" {
                return true;
            }
            [
                "kicker",
                "roofline",
                "subheadline",
                "subtitle",
                "overline",
                "dachzeile",
                "topline",
                "eyebrow",
                "titleheader",
                "h1small",
                "visually-hidden",
                "sr-only",
                "screen-reader",
            ]
            .iter()
            .any(|w| t.contains(w))
        })
    })
}

/// [`bounded_text`], leaving out the subtrees of descendants for which `skip` holds.
/// The line that the node `node` starts inside a longer block ("…<br>Autor: <a>Jane</a>
/// Doe<br>…"): its text and the inline siblings after it, up to the next `<br>` or block
/// element. `None` when the line is empty or longer than `max` bytes.
pub(crate) fn line_at(doc: &Document, node: NodeId, max: usize) -> Option<String> {
    let parent = doc.parent(node)?;
    let mut out = String::new();
    for c in doc.children(parent).skip_while(|&c| c != node) {
        match &doc.node(c).data {
            NodeData::Text(t) => push_collapsed(&mut out, doc.str(*t)),
            NodeData::Element(e) => {
                let tag = e.tag();
                if tag == "br" || is_block_tag(tag) {
                    break;
                }
                if !is_hidden_tag(tag) {
                    out.push(' ');
                    out.push_str(&bounded_text(doc, c, max)?);
                    out.push(' ');
                }
            }
            _ => {}
        }
        if out.len() > max.saturating_mul(2) {
            return None;
        }
    }
    let t = crate::text::clean(&out);
    (t.len() <= max && !t.is_empty()).then_some(t)
}

fn bounded_text_skipping(
    doc: &Document,
    root: NodeId,
    max: usize,
    skip: impl Fn(&crate::dom::Element) -> bool,
) -> Option<String> {
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
                    push_collapsed_within(&mut out, doc.str(*t), max.saturating_mul(2))?;
                }
                NodeData::Element(e) => {
                    if (e.kind & kind::HIDDEN != 0 || skip(e)) && n != root {
                        walk.skip_children();
                    } else if e.kind & (kind::BLOCK | kind::BR) != 0 && !out.ends_with(' ') {
                        out.push(' ');
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if doc.kind(n) & kind::BLOCK != 0 && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    let t = clean_collapsed(out);
    (t.len() <= max && !t.is_empty()).then_some(t)
}

/// `text::clean(&out)` for text built by [`push_collapsed`] and single block spaces: such
/// text has no two spaces in a row, so unless it holds other whitespace (a no-break space, a
/// vertical tab …, left to `clean`), cleaning it is trimming the spaces at its ends, done in
/// place without a second string.
fn clean_collapsed(mut out: String) -> String {
    let other_space = |c: char| c != ' ' && c.is_whitespace();
    if out.contains(other_space) {
        return crate::text::clean(&out);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    if out.starts_with(' ') {
        out.remove(0);
    }
    out
}

/// Separators between a title and the site name in `<title>` and `og:title`.
pub(crate) const SEPARATORS: [&str; 12] = [
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " │ ", ": ",
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

/// Whether the part of `title` after its last separator has the [`key`] `part_key`
/// ("Site » Blog » Post" for "post").
pub(crate) fn is_last_part(title: &str, part_key: &str) -> bool {
    if part_key.is_empty() {
        return false;
    }
    let t = title.trim();
    SEPARATORS.iter().any(|sep| {
        t.rfind(sep)
            .is_some_and(|i| key(t.get(i + sep.len()..).unwrap_or("")) == part_key)
    })
}

/// The parts of `title` before its first separator and after its last one ("Site » Blog »
/// Post" → ("Site", "Post")); `None` without a separator. A colon does not separate here.
pub(crate) fn end_parts(title: &str) -> Option<(&str, &str)> {
    let t = title.trim();
    let mut first: Option<usize> = None;
    let mut last: Option<usize> = None;
    for sep in SEPARATORS.iter().filter(|s| **s != ": ") {
        if let Some(i) = t.find(sep) {
            first = Some(first.map_or(i, |f| f.min(i)));
        }
        if let Some(i) = t.rfind(sep) {
            let e = i + sep.len();
            last = Some(last.map_or(e, |l| l.max(e)));
        }
    }
    let (head, tail) = (t.get(..first?)?.trim(), t.get(last?..)?.trim());
    (!head.is_empty() && !tail.is_empty()).then_some((head, tail))
}

/// Loose comparison key: lower case, letters and digits only.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(|&c| crate::text::is_alphanumeric(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The share of the words of the shorter of `a` and `b` that also occur in the other (words
/// compared as [`key`]s; words of one character are ignored), and how many they share. 0 when
/// either has no words.
pub(crate) fn word_overlap(a: &str, b: &str) -> (f32, usize) {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !crate::text::is_alphanumeric(c))
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
    if site.is_some_and(|s| key(s) == pk) || is_domain_name(part) {
        return true;
    }
    let Some(h) = host.filter(|h| h.chars().count() >= 4) else {
        return false;
    };
    pk == h || (pk.contains(h) && part.split_whitespace().count() <= 5)
}

/// Whether `part` is a domain name ("FASSETTE.NET", "example.co.uk"): one token of
/// dot-separated labels ending in a common top-level domain.
pub(crate) fn is_domain_name(part: &str) -> bool {
    let p = part.trim();
    if p.contains(char::is_whitespace) || !p.contains('.') || p.len() > 80 {
        return false;
    }
    let p = p.strip_prefix("www.").unwrap_or(p).to_ascii_lowercase();
    let mut labels = p.split('.');
    let tld = labels.next_back().unwrap_or("");
    labels.all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && TLDS.contains(&tld)
}

/// Top-level domains recognised by [`is_domain_name`] (not "js" or "py": "Node.js" is a name).
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "eu", "de", "at", "ch", "fr", "it", "es", "pt", "nl", "be",
    "pl", "cz", "sk", "se", "dk", "no", "fi", "uk", "ie", "ru", "ua", "tr", "jp", "cn", "kr", "in",
    "au", "nz", "ca", "us", "br", "mx", "ar", "io", "blog", "news", "online", "tv",
];

/// Removes a leading or trailing part that names the site (see [`is_site_part`]), with its
/// separator, from a title: the last separator for a trailing part, the first for a leading one.
/// The site name is also cut when a separator without spaces joins it ("标题-新华网").
pub(crate) fn strip_site_parts<'a>(
    title: &'a str,
    site: Option<&str>,
    host: Option<&str>,
) -> &'a str {
    let t = title.trim();
    if let Some(s) = site.map(str::trim).filter(|s| s.chars().count() >= 2) {
        let seps: &[char] = &['-', '|', '_', '–', '—', '·', '•', '»', '│', '｜'];
        if let Some(head) = t
            .len()
            .checked_sub(s.len())
            .and_then(|i| {
                t.get(..i)
                    .filter(|_| t.get(i..).is_some_and(|x| x.eq_ignore_ascii_case(s)))
            })
            .filter(|h| h.trim_end().ends_with(seps))
        {
            let kept = head.trim_end().trim_end_matches(seps).trim_end();
            // "Anti-Site" is one word: a glued separator must follow punctuation or CJK.
            let spaced = head[kept.len()..].contains(char::is_whitespace);
            if !kept.is_empty()
                && (spaced
                    || kept
                        .chars()
                        .next_back()
                        .is_some_and(|c| !c.is_ascii_alphanumeric()))
            {
                return kept;
            }
        }
        if let Some(tail) = t
            .get(..s.len())
            .filter(|x| x.eq_ignore_ascii_case(s))
            .and_then(|_| t.get(s.len()..))
            .filter(|r| r.trim_start().starts_with(seps))
        {
            let kept = tail.trim_start().trim_start_matches(seps).trim_start();
            let spaced = tail[..tail.len() - kept.len()].contains(char::is_whitespace);
            if !kept.is_empty()
                && (spaced
                    || kept
                        .chars()
                        .next()
                        .is_some_and(|c| !c.is_ascii_alphanumeric()))
            {
                return kept;
            }
        }
    }
    if site.is_none() && host.is_none() {
        return t;
    }
    for sep in SEPARATORS {
        // Most titles hold one separator or none: a title without the separator's mark ('|',
        // '-', ':' …) is passed over by one byte search instead of two substring searches.
        if sep
            .trim_start()
            .chars()
            .next()
            .is_some_and(|mark| !t.contains(mark))
        {
            continue;
        }
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

/// Frequent short words of each language, for [`guess_language`]. Words shared by several
/// languages count for each of them; the ratio between the best and the runner-up decides.
const STOP_WORDS: [(&str, &[&str]); 12] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "with", "for", "was", "this", "are", "you",
            "it", "on", "have",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "ein", "eine",
            "auch", "dem", "den", "ich",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "pour", "que", "dans", "qui", "pas",
            "du", "sur", "au",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "que", "del", "por", "una", "con", "para", "es", "se", "como",
            "pero", "más", "su",
        ],
    ),
    (
        "it",
        &[
            "il", "che", "di", "della", "per", "non", "sono", "una", "gli", "anche", "con", "nel",
            "del", "le", "è",
        ],
    ),
    (
        "pt",
        &[
            "não", "uma", "com", "para", "os", "que", "do", "da", "em", "por", "mais", "são",
            "como", "ao", "também",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "van", "en", "niet", "dat", "zijn", "op", "voor", "met", "ook",
            "maar", "wordt", "bij",
        ],
    ),
    (
        "sv",
        &[
            "och", "att", "det", "som", "för", "är", "på", "med", "inte", "har", "av", "till",
            "jag", "om", "var",
        ],
    ),
    (
        "da",
        &[
            "og", "at", "det", "er", "til", "på", "med", "af", "ikke", "som", "har", "for", "den",
            "jeg", "fra",
        ],
    ),
    (
        "pl",
        &[
            "nie", "się", "jest", "na", "to", "że", "do", "jak", "tak", "od", "ale", "dla",
            "przez", "czy", "już",
        ],
    ),
    (
        "cs",
        &[
            "je", "se", "na", "že", "jsou", "pro", "ale", "jako", "také", "by", "od", "podle",
            "které", "jsem", "byl",
        ],
    ),
    (
        "tr",
        &[
            "ve", "bir", "bu", "için", "ile", "da", "de", "çok", "olarak", "daha", "gibi", "ama",
            "olan", "en", "kadar",
        ],
    ),
];

/// Each stop word (lowercase) with the set of [`STOP_WORDS`] lists that hold it, bit `i` for
/// list `i`: a word is looked up once instead of being compared with every list. Built once.
static STOP_WORD_LANGS: std::sync::LazyLock<crate::text::WordMap<&'static [u8], u32>> =
    std::sync::LazyLock::new(|| {
        let mut map = std::collections::HashMap::default();
        for (i, (_, list)) in STOP_WORDS.iter().enumerate() {
            for w in list.iter() {
                *map.entry(w.as_bytes()).or_insert(0) |= 1 << i;
            }
        }
        map
    });

/// The [`STOP_WORDS`] lists that hold `word` lowercased (bit `i` for list `i`; 0 for none).
/// The word is lowercased a character at a time into a stack buffer: no allocation. (A word
/// holding a capital sigma would lowercase differently at its end through `str::to_lowercase`,
/// but no stop word holds a sigma either way.)
fn stop_word_langs(word: &str) -> u32 {
    let mut buf = [0u8; 16];
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let Some(dst) = buf.get_mut(n..n + c.len_utf8()) else {
            // Longer than every stop word.
            return 0;
        };
        n += c.encode_utf8(dst).len();
    }
    buf.get(..n)
        .and_then(|lw| STOP_WORD_LANGS.get(lw))
        .copied()
        .unwrap_or(0)
}

/// A cheap guess of the language of the page's text, for pages that declare none: the script
/// decides for CJK, Cyrillic, Greek, Arabic and Hebrew text, frequent words otherwise. Reads at
/// most [`GUESS_MAX_WORDS`] words of text nodes of 25 bytes or more (not scripts or styles),
/// visiting at most [`GUESS_MAX_NODES`] nodes. `None` when the text is too short or unclear.
pub(crate) fn guess_language(doc: &Document) -> Option<&'static str> {
    let mut words = 0usize;
    let mut hits = [0u32; STOP_WORDS.len()];
    // kana, hangul, han, cyrillic, ukrainian letters, greek, arabic, hebrew, latin letters
    let mut script = [0u32; 9];
    let mut walk = doc.traverse(NodeId::DOCUMENT);
    let mut seen = 0usize;
    while let Some(edge) = walk.next() {
        seen += 1;
        if seen > GUESS_MAX_NODES || words >= GUESS_MAX_WORDS {
            break;
        }
        let Edge::Open(n) = edge else { continue };
        match &doc.node(n).data {
            NodeData::Element(e) if is_hidden_tag(e.tag()) || e.tag() == "head" => {
                walk.skip_children();
            }
            NodeData::Text(t) => {
                let t = doc.str(*t).trim();
                if t.len() < 25 {
                    continue;
                }
                for c in t.chars().take(400) {
                    let i = match c as u32 {
                        0x3040..=0x30FF => 0,
                        0xAC00..=0xD7AF | 0x1100..=0x11FF => 1,
                        0x4E00..=0x9FFF => 2,
                        0x0456 | 0x0457 | 0x0454 | 0x0491 => 4,
                        0x0400..=0x04FF => 3,
                        0x0370..=0x03FF => 5,
                        0x0600..=0x06FF => 6,
                        0x0590..=0x05FF => 7,
                        _ if crate::text::is_alphabetic(c) => 8,
                        _ => continue,
                    };
                    if let Some(x) = script.get_mut(i) {
                        *x += 1;
                    }
                }
                for w in t
                    .split(|c: char| !crate::text::is_alphanumeric(c))
                    .filter(|w| !w.is_empty())
                {
                    words += 1;
                    if w.len() <= 8 {
                        let langs = stop_word_langs(w);
                        for (i, h) in hits.iter_mut().enumerate() {
                            *h += (langs >> i) & 1;
                        }
                    }
                    if words >= GUESS_MAX_WORDS {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    let total: u32 = script.iter().sum();
    if total < 200 {
        return None;
    }
    let share = |i: usize| script.get(i).copied().unwrap_or(0) * 100 / total;
    if share(0) >= 5 && share(0) + share(2) >= 30 {
        return Some("ja");
    }
    if share(1) >= 30 {
        return Some("ko");
    }
    if share(2) >= 30 {
        return Some("zh");
    }
    if share(3) + share(4) >= 30 {
        return Some(if share(4) * 50 >= share(3) + share(4) {
            "uk"
        } else {
            "ru"
        });
    }
    for (i, code) in [(5, "el"), (6, "ar"), (7, "he")] {
        if share(i) >= 30 {
            return Some(code);
        }
    }
    let mut order: Vec<(u32, &str)> = hits
        .iter()
        .zip(STOP_WORDS.iter())
        .map(|(h, (code, _))| (*h, *code))
        .collect();
    order.sort_by_key(|x| std::cmp::Reverse(x.0));
    let (best, code) = *order.first()?;
    let second = order.get(1).map_or(0, |x| x.0);
    (best >= 8 && best * 2 >= second * 3).then_some(code)
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

    /// The bounded collapse and the in-place clean give what `push_collapsed` and
    /// `text::clean` give, and the collapse fails exactly when that result is over the limit.
    #[test]
    fn bounded_collapse_matches_push_collapsed() {
        let texts = [
            "",
            " ",
            "a",
            "  Jane   Doe ",
            "\n\tBy Jane\r\nDoe\x0c",
            "one two  three",
            "a\u{a0}b  c",
            "x\u{2009}y",
            "\u{b}lead",
            "end ",
            " ünï cödé  wörds ",
        ];
        for prefix in ["", "x", "x "] {
            for text in texts {
                for limit in [0, 1, 3, 8, 100] {
                    let mut want = prefix.to_owned();
                    push_collapsed(&mut want, text);
                    let mut got = prefix.to_owned();
                    let ok = push_collapsed_within(&mut got, text, limit).is_some();
                    assert_eq!(ok, want.len() <= limit, "{prefix:?} {text:?} {limit}");
                    if ok {
                        assert_eq!(got, want);
                        assert_eq!(clean_collapsed(got), crate::text::clean(&want));
                    }
                }
            }
        }
    }

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
        // A domain name as the site part; "Node.js" is not one.
        assert_eq!(
            strip_site_parts("What we do not hear | EXAMPLE.NET", None, Some("other")),
            "What we do not hear"
        );
        assert_eq!(
            strip_site_parts("Getting started - Node.js", None, Some("other")),
            "Getting started - Node.js"
        );
        // The site name joined without spaces.
        assert_eq!(
            strip_site_parts("新的标题！-新华网", Some("新华网"), None),
            "新的标题！"
        );
        assert_eq!(
            strip_site_parts("WEB NEWS|子どもの話", Some("WEB NEWS"), None),
            "子どもの話"
        );
        assert_eq!(
            strip_site_parts("Anti-Site", Some("Site"), None),
            "Anti-Site"
        );
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
    fn stop_word_lookup() {
        let bit = |code: &str| {
            STOP_WORDS
                .iter()
                .position(|(c, _)| *c == code)
                .map_or(0, |i| 1u32 << i)
        };
        assert_eq!(stop_word_langs("The"), bit("en"));
        assert_eq!(stop_word_langs("DE"), bit("nl") | bit("tr"));
        assert_eq!(stop_word_langs("QUE"), bit("fr") | bit("es") | bit("pt"));
        assert_eq!(stop_word_langs("È"), bit("it"));
        assert_eq!(stop_word_langs("Również"), 0);
        assert_eq!(stop_word_langs("İİİİİİİİ"), 0);
        assert_eq!(stop_word_langs(""), 0);
        // Every word of every list is found, in its list.
        for (i, (_, list)) in STOP_WORDS.iter().enumerate() {
            for w in list.iter() {
                assert_ne!(stop_word_langs(w) & (1 << i), 0, "{w}");
                assert_ne!(stop_word_langs(&w.to_uppercase()) & (1 << i), 0, "{w}");
            }
        }
    }

    #[test]
    fn language_guess() {
        let page = |body: &str| {
            let html = format!("<html><body><p>{body}</p><p>{body}</p></body></html>");
            crate::dom::parse_html(&html, &crate::Limits::default())
        };
        let en = page(
            "The team said that it was not the first time this had happened, and that the \
             results of the study are now with the editors for review on the site.",
        );
        assert_eq!(guess_language(&en), Some("en"));
        let de = page(
            "Die Stadt hat sich entschieden, dass der Park nicht mit einer neuen Straße \
             geteilt wird, und auch die Bürger sind mit dem Plan auf der Seite des Rates.",
        );
        assert_eq!(guess_language(&de), Some("de"));
        let short = page("Hello world, this is short.");
        assert_eq!(guess_language(&short), None);
    }

    #[test]
    fn heading_without_kicker() {
        let doc = crate::dom::parse_html(
            "<h1><span class=\"heading__kicker\">Klima</span><span class=\"visually-hidden\">: \
             </span><span>Bohren, bis es heiß wird</span></h1><h2><small>Kurz</small></h2>",
            &crate::Limits::default(),
        );
        let hs: Vec<NodeId> = doc
            .elements()
            .filter(|(_, e)| matches!(e.tag(), "h1" | "h2"))
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            hs.first()
                .and_then(|&h| heading_text(&doc, h, 400))
                .as_deref(),
            Some("Bohren, bis es heiß wird")
        );
        // Nothing would be left: the whole text.
        assert_eq!(
            hs.get(1)
                .and_then(|&h| heading_text(&doc, h, 400))
                .as_deref(),
            Some("Kurz")
        );
    }

    #[test]
    fn titles() {
        assert_eq!(strip_site("Post — My Site", Some("My Site")), "Post");
        assert_eq!(strip_site("My Site | Post", Some("my site")), "Post");
        assert_eq!(strip_site("Post", Some("My Site")), "Post");
        assert_eq!(split_title("A | B | C"), ["A", "B", "C"]);
        assert_eq!(
            end_parts("Verein - News » Frühjahrsputz: Bilder"),
            Some(("Verein", "Frühjahrsputz: Bilder"))
        );
        assert_eq!(end_parts("Post | Site"), Some(("Post", "Site")));
        assert_eq!(end_parts("Kicker: Post"), None);
        assert!(is_last_part("Site » Blog » Der Post!", "derpost"));
        assert!(!is_last_part("Der Post | Site", "derpost"));
    }
}
