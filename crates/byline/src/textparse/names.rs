//! Author names in bylines: "By A and B", "Von A und B", "Par A et B", "Jane Doe | Staff
//! Writer", "John Roe For Daily Mail Australia".
//!
//! Bylines are short; only the first [`MAX_BYLINE_TEXT`] bytes of a string are read, so a call
//! costs at most a few microseconds whatever the page hands in.

use crate::textparse::dates::find_date;

/// Longest prefix of a string that is read as a byline.
const MAX_BYLINE_TEXT: usize = 300;

/// Words that announce authors, lower case. Matched at a word boundary and followed by a space,
/// a colon or the end of the marker (for the CJK ones).
const MARKERS: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "words by",
    "story by",
    "text by",
    "reported by",
    "article by",
    "geschrieben von",
    "verfasst von",
    "escrito por",
    "publicado por",
    "scritto da",
    "pubblicato da",
    "écrit par",
    "publié par",
    "geschreven door",
    "skrevet af",
    "skrivet av",
    "napisane przez",
    "authors",
    "author",
    "autorzy",
    "autorka",
    "autoři",
    "autorin",
    "autores",
    "autore",
    "autori",
    "autor",
    "auteurs",
    "auteur",
    "yazar",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
    "af",
    "авторы",
    "автор",
    "Авторы",
    "Автор",
    "作者",
    "文/",
    "文／",
    "撰文",
    "글쓴이",
    "작성자",
];

/// Markers that only count when followed by a colon (they are common words otherwise).
const COLON_ONLY: &[&str] = &[
    "author", "authors", "autor", "autorka", "autorin", "autore", "autori", "autores", "autorzy",
    "autoři", "auteur", "auteurs", "yazar",
];

/// Markers short or common enough that they need the byline to start with them.
const START_ONLY: &[&str] = &["von", "par", "por", "di", "door", "av", "af"];

/// Words before "by" that make it a credit for something else than the text.
const NOT_AUTHOR_CREDITS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "illustration",
    "illustrations",
    "graphic",
    "graphics",
    "video",
    "foto",
    "fotos",
    "bild",
    "credit",
    "credits",
    "powered",
    "designed",
    "theme",
    "hosted",
    "made",
    "built",
    "sponsored",
    "presented",
    "edited",
    "translated",
    "reviewed",
    "followed",
    "liked",
    "shared",
    "sorted",
];

/// Where the names of a byline end: separators before a date, a role or a category.
const TERMINATORS: &[&str] = &[
    "\n",
    " | ",
    "|",
    " · ",
    "·",
    " • ",
    "•",
    " — ",
    " – ",
    " - ",
    " / ",
    " on ",
    " am ",
    " le ",
    " el ",
    " il ",
    " op ",
    " den ",
    " в ",
    " at ",
    " in ",
    " em ",
    " dne ",
    " tarihinde",
    "(",
    "[",
    " published",
    " updated",
    " posted",
    " last ",
    " read ",
    " min ",
    " filed ",
];

/// Separators between names in a list, lower case, with their surrounding spaces.
const NAME_SEPARATORS: &[&str] = &[
    " and ", " & ", " und ", " et ", " y ", " e ", " en ", " och ", " og ", " i ", " a ", " и ",
    " і ", " ve ", " with ", " ja ", " és ", " și ", " si ",
];

/// Words that are roles, titles of position or outlets' generic words, not names.
const ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "writers",
    "editor",
    "editors",
    "senior",
    "junior",
    "chief",
    "managing",
    "executive",
    "associate",
    "assistant",
    "deputy",
    "contributing",
    "contributor",
    "contributors",
    "reporter",
    "reporters",
    "correspondent",
    "columnist",
    "journalist",
    "journalists",
    "photographer",
    "producer",
    "analyst",
    "researcher",
    "news",
    "desk",
    "team",
    "of",
    "the",
    "at",
    "for",
    "and",
    "in",
    "guest",
    "special",
    "to",
    "redakteur",
    "redakteurin",
    "redaktion",
    "rédacteur",
    "rédactrice",
    "rédaction",
    "redactor",
    "redactora",
    "redacción",
    "redazione",
    "redactie",
    "phd",
    "ph.d.",
    "md",
    "m.d.",
    "mba",
    "msc",
    "bsc",
    "ma",
    "ba",
    "esq.",
    "cpa",
    "rn",
    "by",
];

/// Strings that are never an author's name (compared lower case).
const NON_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "administrador",
    "administrateur",
    "webmaster",
    "root",
    "user",
    "guest",
    "guest author",
    "guest post",
    "anonymous",
    "anonym",
    "anonyme",
    "anónimo",
    "unknown",
    "author",
    "authors",
    "editor",
    "editors",
    "the editors",
    "staff",
    "staff writer",
    "editorial staff",
    "editorial team",
    "editorial",
    "redaktion",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "team",
    "news",
    "share",
    "share this",
    "follow",
    "subscribe",
    "comment",
    "comments",
    "reply",
    "read more",
    "more",
    "home",
    "menu",
    "login",
    "log in",
    "sign in",
    "sign up",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "pinterest",
    "whatsapp",
    "email",
    "e-mail",
    "print",
    "posted",
    "updated",
    "published",
    "by",
    "view all posts",
    "all posts",
    "about",
    "contact",
    "uncategorized",
    "null",
    "undefined",
    "none",
    "n/a",
];

/// Reads a visible byline: when `text` announces authors ("By …", "Written by …", "Posted by …",
/// "Von …", "Par …", "Por …", "Di …", "Door …", "Av …", "Autor: …", "Автор: …"), returns the
/// names it credits, split and cleaned; `None` when the text is not a byline (or credits no
/// plausible name).
pub(crate) fn parse_byline(text: &str) -> Option<Vec<String>> {
    let text = bounded(text.trim_start(), MAX_BYLINE_TEXT);
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while from < lower.len() {
        let (at, marker) = next_marker(&lower, from)?;
        from = at + marker.len();
        if !marker_counts(&lower, at, marker) {
            continue;
        }
        let mut rest = &text[at + marker.len()..];
        if COLON_ONLY.contains(&marker) {
            rest = rest.trim_start();
            match rest.strip_prefix([':', '：']) {
                Some(r) => rest = r,
                None => continue,
            }
        }
        let rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '：' | '-' | '–' | '—' | '/' | '|')
        });
        let first = rest.chars().next()?;
        if first.is_lowercase() {
            continue;
        }
        let names = split_names(cut_at_terminator(rest));
        if !names.is_empty() {
            return Some(names);
        }
    }
    None
}

/// The next marker at a word boundary at or after `from`: its byte offset and the marker.
fn next_marker(lower: &str, from: usize) -> Option<(usize, &'static str)> {
    let bytes = lower.as_bytes();
    let mut best: Option<(usize, &'static str)> = None;
    for &m in MARKERS {
        let mut start = from;
        while let Some(off) = lower.get(start..).and_then(|s| s.find(m)) {
            let at = start + off;
            let end = at + m.len();
            let before_ok = at == 0 || !is_word_byte_before(lower, at);
            let cjk = !m.is_ascii() && !m.starts_with(['а', 'А']);
            let after_ok = cjk
                || end >= bytes.len()
                || matches!(bytes[end], b' ' | b':' | b'\t' | b'\n' | 0xC2 | 0xEF);
            if before_ok && after_ok {
                if best.is_none_or(|(b, bm)| at < b || (at == b && m.len() > bm.len())) {
                    best = Some((at, m));
                }
                break;
            }
            start = end;
        }
    }
    best
}

/// Whether the character before byte `at` is a letter or digit.
fn is_word_byte_before(s: &str, at: usize) -> bool {
    s[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether the marker at `at` announces the authors of the text (and not, say, a photo credit).
fn marker_counts(lower: &str, at: usize, marker: &str) -> bool {
    let before = lower[..at].trim_end();
    if START_ONLY.contains(&marker) && !before.is_empty() {
        return false;
    }
    if marker == "by" || marker.ends_with(" by") {
        let prev = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        if NOT_AUTHOR_CREDITS.contains(&prev) {
            return false;
        }
    }
    true
}

/// The names part of a byline: up to a separator, a date or a digit.
fn cut_at_terminator(rest: &str) -> &str {
    let mut end = rest.len();
    let lower = rest.to_ascii_lowercase();
    for t in TERMINATORS {
        if let Some(i) = lower.find(t)
            && i < end
            && i > 0
        {
            end = i;
        }
    }
    if let Some(d) = find_date(&rest[..end], None, None)
        && d.span.start > 0
    {
        end = end.min(d.span.start);
    }
    if let Some(i) = rest[..end].find(|c: char| c.is_ascii_digit())
        && i > 0
    {
        end = i;
    }
    rest[..end].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '.' | '|' | '·')
    })
}

/// Splits and cleans a string that is known to hold author names (an author meta tag, an
/// author link): "A, B and C", "A & B", "A und B" give three or two names; roles,
/// affiliations, dates, e-mail addresses and "For <outlet>" are stripped. Non-names are dropped.
pub(crate) fn split_names(text: &str) -> Vec<String> {
    let text = bounded(text, MAX_BYLINE_TEXT);
    let mut cleaned = String::with_capacity(text.len());
    let mut depth = 0u32;
    for word in text.split_whitespace() {
        // Parenthesised asides ("(Reuters)", "(@handle)") and e-mail addresses go.
        let opens = word.matches(['(', '[']).count() as u32;
        let closes = word.matches([')', ']']).count() as u32;
        let inside = depth > 0 || opens > 0;
        depth = (depth + opens).saturating_sub(closes);
        if inside || word.contains('@') || word.contains("://") || word.starts_with("www.") {
            continue;
        }
        if !cleaned.is_empty() {
            cleaned.push(' ');
        }
        cleaned.push_str(word);
    }
    let mut s = cleaned.as_str();
    // "Jane Doe | Staff Writer": what follows a bar is a role or an outlet.
    if let Some(i) = s.find('|') {
        s = &s[..i];
    }
    // "John Roe For Daily Mail Australia": " for " followed by a capitalised outlet.
    let lower = s.to_ascii_lowercase();
    if let Some(i) = lower.find(" for ")
        && s[i + 5..].chars().next().is_some_and(char::is_uppercase)
    {
        s = &s[..i];
    }
    let by_stripped = strip_prefix_ci(s, "by ").unwrap_or(s);
    let mut parts: Vec<&str> = vec![by_stripped];
    for sep in [",", ";", "、", "，", " / "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    for sep in NAME_SEPARATORS {
        parts = parts.iter().flat_map(|p| split_ci(p, sep)).collect();
    }
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        let p = p.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—' | '"' | '\'' | '·' | '*')
        });
        let p = strip_prefix_ci(p, "and ").unwrap_or(p);
        if p.is_empty() || is_role(p) || !is_plausible_name(p, None) {
            continue;
        }
        let name = crate::text::clean(p);
        if !out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            out.push(name);
        }
    }
    // "Jane Doe, Reuters": with a full name in the list, a one-word part is an affiliation.
    if out.len() > 1 && out.iter().any(|n| n.split_whitespace().count() >= 2) {
        out.retain(|n| n.split_whitespace().count() >= 2 || !n.is_ascii());
    }
    out
}

/// Whether every word of `part` is a role word ("Senior Staff Writer", "PhD").
fn is_role(part: &str) -> bool {
    part.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '.' | ')' | '('));
        let lw = w.to_lowercase();
        ROLE_WORDS.contains(&lw.as_str()) || ROLE_WORDS.contains(&format!("{lw}.").as_str())
    })
}

/// `s` split on `sep`, compared ASCII-case-insensitively.
fn split_ci<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(sep) {
        out.push(&s[from..from + i]);
        from += i + sep.len();
    }
    out.push(&s[from..]);
    out
}

/// `s` without `prefix` (ASCII case-insensitive).
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The first `max` bytes of `s` (at a character boundary).
fn bounded(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

/// Whether `name` can be a person's (or a named team's) credit: not empty, not a URL, not a
/// non-name such as "admin", "Share" or "Follow", not too long, and not the site's name.
pub(crate) fn is_plausible_name(name: &str, site_name: Option<&str>) -> bool {
    let n = name.trim();
    if n.is_empty() || n.len() > 160 || n.chars().count() > 80 {
        return false;
    }
    if n.split_whitespace().count() > 6 {
        return false;
    }
    if n.contains('@') || n.contains("://") || n.starts_with("www.") || n.contains(".com") {
        return false;
    }
    if n.chars().any(|c| c.is_ascii_digit()) || !n.chars().any(char::is_alphabetic) {
        return false;
    }
    let lower = n.to_lowercase();
    if NON_NAMES.contains(&lower.as_str()) {
        return false;
    }
    if let Some(site) = site_name {
        let strip = |s: &str| {
            let s = s.trim().to_lowercase();
            s.strip_prefix("the ").map(str::to_owned).unwrap_or(s)
        };
        if strip(site) == strip(n) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by(text: &str) -> Option<Vec<String>> {
        parse_byline(text)
    }

    fn names(v: &[&str]) -> Option<Vec<String>> {
        Some(v.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn english_bylines() {
        assert_eq!(
            by("By Peter Kechichian and Gevorg Shahbazyan"),
            names(&["Peter Kechichian", "Gevorg Shahbazyan"])
        );
        assert_eq!(
            by("by Ann Lee, Bo Chen and Cy Diaz"),
            names(&["Ann Lee", "Bo Chen", "Cy Diaz"])
        );
        assert_eq!(by("Written by Jane Doe"), names(&["Jane Doe"]));
        assert_eq!(
            by("Posted on March 3, 2024 by Jane Doe"),
            names(&["Jane Doe"])
        );
        assert_eq!(by("By Jane Doe on March 3, 2024"), names(&["Jane Doe"]));
        assert_eq!(by("By Jane Doe | Jul 30, 2021"), names(&["Jane Doe"]));
        assert_eq!(by("By Jane Doe · 5 min read"), names(&["Jane Doe"]));
        assert_eq!(by("BY JANE DOE"), names(&["JANE DOE"]));
        assert_eq!(by("Author: Jane Doe"), names(&["Jane Doe"]));
        assert_eq!(
            by("By Jane Doe & John Roe"),
            names(&["Jane Doe", "John Roe"])
        );
    }

    #[test]
    fn roles_outlets_and_mail_are_stripped() {
        assert_eq!(by("By Jane Doe | Staff Writer"), names(&["Jane Doe"]));
        assert_eq!(by("By Jane Doe, Senior Editor"), names(&["Jane Doe"]));
        assert_eq!(
            by("By John Roe For Daily Mail Australia"),
            names(&["John Roe"])
        );
        assert_eq!(by("By Jane Doe, Reuters"), names(&["Jane Doe"]));
        assert_eq!(by("By Jane Doe (jane@example.com)"), names(&["Jane Doe"]));
        assert_eq!(split_names("Jane Doe, PhD"), vec!["Jane Doe"]);
        assert_eq!(split_names("jane@example.com"), Vec::<String>::new());
    }

    #[test]
    fn other_languages() {
        assert_eq!(
            by("Von Anna Müller und Jörg Schmidt"),
            names(&["Anna Müller", "Jörg Schmidt"])
        );
        assert_eq!(
            by("Par Marie Curie et Pierre Curie"),
            names(&["Marie Curie", "Pierre Curie"])
        );
        assert_eq!(
            by("Por Ana García y Luis Pérez"),
            names(&["Ana García", "Luis Pérez"])
        );
        assert_eq!(
            by("Di Mario Rossi e Luca Bianchi"),
            names(&["Mario Rossi", "Luca Bianchi"])
        );
        assert_eq!(
            by("Door Jan de Vries en Piet Jansen"),
            names(&["Jan de Vries", "Piet Jansen"])
        );
        assert_eq!(
            by("Av Anna Svensson och Erik Berg"),
            names(&["Anna Svensson", "Erik Berg"])
        );
        assert_eq!(by("Autor: Jan Novák"), names(&["Jan Novák"]));
        assert_eq!(by("Автор: Иван Петров"), names(&["Иван Петров"]));
        assert_eq!(by("Yazar: Ayşe Yılmaz"), names(&["Ayşe Yılmaz"]));
        assert_eq!(by("作者：王小明"), names(&["王小明"]));
        assert_eq!(by("글쓴이: 김철수"), names(&["김철수"]));
        assert_eq!(by("Escrito por João Silva"), names(&["João Silva"]));
    }

    #[test]
    fn not_bylines() {
        assert_eq!(by("Photo by Jane Doe"), None);
        assert_eq!(by("Powered by WordPress"), None);
        assert_eq!(by("Stand by me"), None);
        assert_eq!(by("Par exemple, ceci"), None);
        assert_eq!(by("The author is here"), None);
        assert_eq!(by("Share"), None);
        assert_eq!(by("By admin"), None);
        assert_eq!(by(""), None);
        assert_eq!(by(&"By ".repeat(10_000)), None);
    }

    #[test]
    fn plausibility() {
        assert!(is_plausible_name("Jane Doe", None));
        assert!(is_plausible_name("王小明", None));
        assert!(!is_plausible_name("admin", None));
        assert!(!is_plausible_name("Share", None));
        assert!(!is_plausible_name("https://example.com/jane", None));
        assert!(!is_plausible_name("The Daily Planet", Some("Daily Planet")));
        assert!(!is_plausible_name(
            "one two three four five six seven",
            None
        ));
        assert!(!is_plausible_name("Room 101", None));
    }

    #[test]
    fn lists() {
        assert_eq!(
            split_names("A. Smith; B. Jones"),
            vec!["A. Smith", "B. Jones"]
        );
        assert_eq!(
            split_names("Jan Kowalski i Anna Nowak"),
            vec!["Jan Kowalski", "Anna Nowak"]
        );
        assert_eq!(
            split_names("Иван Петров и Анна Иванова"),
            vec!["Иван Петров", "Анна Иванова"]
        );
        assert_eq!(split_names("Jane Doe"), vec!["Jane Doe"]);
    }
}
