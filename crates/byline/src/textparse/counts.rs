//! Engagement counts written for readers: "25 views", "1.2K views", "Post Views: 1,234",
//! "1.432 Aufrufe", "12 Kommentare", "No comments".
//!
//! [`find_counts`] walks the string once. Each run of digits (with its thousands and decimal
//! separators and an optional K/M/тыс./万 multiplier) is a candidate; it counts something when a
//! known noun follows it ("25 views", "3件のコメント") or a known label precedes it ("Views: 12",
//! "조회수 1,234", "阅读(123)"). Zero/one words ("No comments", "Keine Kommentare", "One
//! comment") give 0 or 1. Work per candidate is bounded, so the whole scan is linear.

use std::ops::Range;

use super::dates::{bounded, is_cjk, lc_eq, lc_starts};

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountKind {
    /// Views, reads, visits, impressions.
    Views,
    /// Reader comments, replies, responses.
    Comments,
    /// Likes, claps, hearts, reactions.
    Likes,
}

/// A count found in a short visible string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundCount {
    /// What is counted.
    pub(crate) kind: CountKind,
    /// The number ("No comments" is 0; "1.2K" is 1200).
    pub(crate) value: u64,
    /// Byte range of the number and its noun within the input.
    pub(crate) span: Range<usize>,
}

/// Only this many leading bytes are read by [`find_counts`]; a number cut by the bound is
/// dropped rather than misread.
pub(crate) const MAX_COUNT_TEXT: usize = 2000;

/// Finds every count in `text`, a short visible string such as a post footer
/// (`"25 views0 comments"` gives two). `lang` is the page's primary language subtag, which
/// decides thousands and decimal separators where they are ambiguous.
///
/// "Leave a comment" and a bare "0" give nothing; an overflowing or negative number gives
/// nothing. Results are in text order. Only the first [`MAX_COUNT_TEXT`] bytes are read.
pub(crate) fn find_counts(text: &str, lang: Option<&str>) -> Vec<FoundCount> {
    let cut = text.len() > MAX_COUNT_TEXT;
    let text = bounded(text, MAX_COUNT_TEXT);
    let comma_groups = comma_groups(lang);
    let mut out = Vec::new();
    let mut prev_alpha_end = 0; // end of the last word scanned for zero words
    let mut it = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() {
            let n = scan_number(text, i);
            // Skip the rest of the run.
            while it.peek().is_some_and(|&(j, _)| j < n.end) {
                it.next();
            }
            prev = text.get(..n.end).and_then(|s| s.chars().next_back());
            let negative = matches!(before_char(text, i), Some('-' | '−'));
            if negative || (cut && n.end >= text.len()) {
                continue;
            }
            let Some(value) =
                number_value(text.get(n.num.clone()).unwrap_or(""), n.mult, comma_groups)
            else {
                continue;
            };
            if let Some(found) = classify(text, i, &n, value) {
                out.push(found);
            }
            continue;
        }
        let boundary = prev.is_none_or(|p| !crate::text::is_alphanumeric(p));
        prev = Some(c);
        if crate::text::is_alphabetic(c) && !is_cjk(c) && boundary && i >= prev_alpha_end {
            let word_end = word_end(text, i);
            prev_alpha_end = word_end;
            if let Some(found) = zero_word(text, i, word_end) {
                out.push(found);
            }
        }
    }
    out
}

/// Parses a bare number as counters show it: `"1,234"`, `"1.234"` (de), `"1 234"`, `"1.2K"`,
/// `"3M"`, `"1,2 тыс."`. `None` for anything else, negative numbers, or overflow.
pub(crate) fn parse_number(text: &str, lang: Option<&str>) -> Option<u64> {
    let t = text.trim();
    if !t.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let n = scan_number(t, 0);
    let rest = t.get(n.end..)?.trim_start_matches(['.', ' ']);
    if !rest.is_empty() {
        return None;
    }
    number_value(t.get(n.num)?, n.mult, comma_groups(lang))
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// A number run found by [`scan_number`].
struct NumRun {
    /// Digits and separators.
    num: Range<usize>,
    /// Multiplier from a suffix (1 without one).
    mult: u64,
    /// End of the number including its suffix.
    end: usize,
}

fn is_space_sep(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}')
}

/// Digits after `at`: how many, and the byte index after them.
fn digits_at(text: &str, at: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut j = at;
    while b.get(j).is_some_and(u8::is_ascii_digit) {
        j += 1;
    }
    (j - at, j)
}

/// Reads a number starting at the digit at `start`: digit groups joined by `,` `.` (any
/// digits) or by spaces and apostrophes (groups of exactly three), then a multiplier suffix.
fn scan_number(text: &str, start: usize) -> NumRun {
    let (first, mut end) = digits_at(text, start);
    let mut groups_ok = first <= 3;
    while let Some(c) = text.get(end..).and_then(|s| s.chars().next()) {
        let after = end + c.len_utf8();
        let (n, next) = digits_at(text, after);
        if n == 0 {
            break;
        }
        let joins = match c {
            ',' | '.' => true,
            '\'' | '’' => n == 3,
            c if is_space_sep(c) => groups_ok && n == 3,
            _ => false,
        };
        if !joins {
            break;
        }
        groups_ok &= n == 3;
        end = next;
    }
    let (mult, suffix_end) = suffix_at(text, end);
    NumRun {
        num: start..end,
        mult,
        end: suffix_end,
    }
}

/// Multiplier suffixes: (lowercase word, multiplier, may follow a space).
const SUFFIXES: &[(&str, u64, bool)] = &[
    ("k", 1_000, false),
    ("m", 1_000_000, false),
    ("b", 1_000_000_000, false),
    ("bn", 1_000_000_000, false),
    ("тыс", 1_000, true),
    ("тис", 1_000, true),
    ("tsd", 1_000, true),
    ("mil", 1_000, true),
    ("mln", 1_000_000, true),
    ("млн", 1_000_000, true),
    ("mio", 1_000_000, true),
    ("mrd", 1_000_000_000, true),
    ("млрд", 1_000_000_000, true),
    ("千", 1_000, true),
    ("천", 1_000, true),
    ("万", 10_000, true),
    ("萬", 10_000, true),
    ("만", 10_000, true),
    ("亿", 100_000_000, true),
    ("億", 100_000_000, true),
    ("억", 100_000_000, true),
];

/// A multiplier suffix at `at` (after optional space for word suffixes); (multiplier, end).
fn suffix_at(text: &str, at: usize) -> (u64, usize) {
    let Some(rest) = text.get(at..) else {
        return (1, at);
    };
    let trimmed = rest.trim_start_matches(is_space_sep);
    let spaced = trimmed.len() != rest.len();
    let word_len = trimmed
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic() || is_cjk(c))
        .map_or(trimmed.len(), |(i, _)| i);
    let first_cjk = trimmed.chars().next().filter(|&c| is_cjk(c));
    for &(sfx, mult, space_ok) in SUFFIXES {
        if spaced && !space_ok {
            continue;
        }
        let hit = match first_cjk {
            Some(c) => sfx.chars().eq(std::iter::once(c)),
            None => word_len > 0 && lc_eq(trimmed.get(..word_len).unwrap_or(""), sfx),
        };
        if hit {
            let len = if first_cjk.is_some() {
                sfx.len()
            } else {
                word_len
            };
            let mut end = at + (rest.len() - trimmed.len()) + len;
            if first_cjk.is_none() && text.get(end..).is_some_and(|s| s.starts_with('.')) {
                end += 1;
            }
            return (mult, end);
        }
    }
    (1, at)
}

/// Whether `lang` writes `1,234` for a thousand and more (and `1.5` for decimals).
fn comma_groups(lang: Option<&str>) -> bool {
    let Some(lang) = lang else { return true };
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    [
        "en", "ja", "zh", "ko", "he", "th", "hi", "ms", "fil", "tl", "ga", "cy",
    ]
    .iter()
    .any(|l| primary.eq_ignore_ascii_case(l))
}

/// The value of a number run's digits and separators times `mult`.
fn number_value(num: &str, mult: u64, comma_groups: bool) -> Option<u64> {
    let commas = num.matches(',').count();
    let dots = num.matches('.').count();
    let last_of = |c: char| num.rfind(c);
    let decimal: Option<char> = match (commas, dots) {
        (0, 0) => None,
        (c, d) if c > 0 && d > 0 => {
            let dec = if last_of(',') > last_of('.') {
                ','
            } else {
                '.'
            };
            if num.matches(dec).count() != 1 {
                return None;
            }
            Some(dec)
        }
        (c, d) => {
            let k = if c > 0 { ',' } else { '.' };
            if c + d > 1 {
                None
            } else {
                let after = num.rsplit(k).next().map_or(0, str::len);
                let grouping = after == 3 && (mult == 1 || (k == ',') == comma_groups);
                (!grouping).then_some(k)
            }
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => num.split_once(d)?,
        None => (num, ""),
    };
    // Integer part: groups split by any grouping separator; groups after the first are 3.
    let mut int: u128 = 0;
    let mut int_digits = 0;
    for (gi, group) in int_part
        .split(|c: char| c == ',' || c == '.' || c == '\'' || c == '’' || is_space_sep(c))
        .enumerate()
    {
        let len = group.len();
        if len == 0 || (gi > 0 && len != 3) || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        int_digits += len;
        if int_digits > 20 {
            return None;
        }
        for b in group.bytes() {
            int = int * 10 + u128::from(b - b'0');
        }
    }
    if gi_first_too_long(int_part) {
        return None;
    }
    if frac_part.len() > 18 || !frac_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut frac: u128 = 0;
    let mut scale: u128 = 1;
    for b in frac_part.bytes() {
        frac = frac * 10 + u128::from(b - b'0');
        scale *= 10;
    }
    if mult == 1 && frac != 0 {
        return None;
    }
    let m = u128::from(mult);
    let total = int
        .checked_mul(m)?
        .checked_add(frac.checked_mul(m)? / scale)?;
    u64::try_from(total).ok()
}

/// With grouping separators, the first group must have at most three digits.
fn gi_first_too_long(int_part: &str) -> bool {
    let first = int_part
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .map_or(0, str::len);
    first > 3 && first != int_part.len()
}

// ---------------------------------------------------------------------------------------------
// Nouns and labels

/// Count nouns: (lowercase stem, kind, must end at a word boundary, may label a following
/// number as in "Views: 12").
/// [`NOUNS`] grouped by their first letter, in table order, so that a word is compared with a
/// few stems, not all of them. Built once, immutable.
static NOUNS_BY_INITIAL: std::sync::LazyLock<std::collections::HashMap<char, Vec<Noun>>> =
    std::sync::LazyLock::new(|| {
        let mut map: std::collections::HashMap<char, Vec<Noun>> = std::collections::HashMap::new();
        for &entry in NOUNS {
            if let Some(c) = entry.0.chars().next() {
                map.entry(c).or_default().push(entry);
            }
        }
        map
    });

/// A count noun: stem, what it counts, whether it must be the whole word, whether it may be a
/// label before the number.
type Noun = (&'static str, CountKind, bool, bool);

const NOUNS: &[Noun] = &[
    // en
    ("page views", CountKind::Views, false, true),
    ("pageview", CountKind::Views, false, true),
    ("view", CountKind::Views, false, true),
    ("reads", CountKind::Views, true, true),
    ("read", CountKind::Views, true, false),
    ("visits", CountKind::Views, true, true),
    ("visit", CountKind::Views, true, false),
    ("impressions", CountKind::Views, true, false),
    ("comment", CountKind::Comments, false, true),
    ("response", CountKind::Comments, false, true),
    ("replies", CountKind::Comments, true, true),
    ("reply", CountKind::Comments, true, false),
    ("thoughts on", CountKind::Comments, false, false),
    ("thought on", CountKind::Comments, false, false),
    ("likes", CountKind::Likes, true, true),
    ("like", CountKind::Likes, true, false),
    ("clap", CountKind::Likes, false, true),
    ("hearts", CountKind::Likes, true, false),
    ("reactions", CountKind::Likes, true, true),
    ("kudos", CountKind::Likes, true, false),
    ("upvotes", CountKind::Likes, true, false),
    // de
    ("aufruf", CountKind::Views, false, true),
    ("ansicht", CountKind::Views, false, true),
    ("zugriff", CountKind::Views, false, true),
    ("mal gelesen", CountKind::Views, true, false),
    ("mal angesehen", CountKind::Views, true, false),
    ("kommentar", CountKind::Comments, false, true),
    ("antworten", CountKind::Comments, true, false),
    // fr
    ("vues", CountKind::Views, true, true),
    ("vue", CountKind::Views, true, true),
    ("lectures", CountKind::Views, true, true),
    ("lecture", CountKind::Views, true, false),
    ("commentaire", CountKind::Comments, false, true),
    ("réponses", CountKind::Comments, true, false),
    ("j'aime", CountKind::Likes, true, true),
    ("j’aime", CountKind::Likes, true, true),
    // es
    ("visitas", CountKind::Views, true, true),
    ("vistas", CountKind::Views, true, true),
    ("visualizaci", CountKind::Views, false, true),
    ("lecturas", CountKind::Views, true, true),
    ("comentario", CountKind::Comments, false, true),
    ("comentário", CountKind::Comments, false, true),
    ("respuestas", CountKind::Comments, true, false),
    ("me gusta", CountKind::Likes, true, true),
    // it
    ("visualizzazion", CountKind::Views, false, true),
    ("letture", CountKind::Views, true, true),
    ("lettura", CountKind::Views, true, false),
    ("visite", CountKind::Views, true, true),
    ("risposte", CountKind::Comments, true, false),
    ("mi piace", CountKind::Likes, true, true),
    // pt
    ("visualizaç", CountKind::Views, false, true),
    ("visualizac", CountKind::Views, false, true),
    ("leituras", CountKind::Views, true, true),
    ("curtidas", CountKind::Likes, true, true),
    // nl
    ("weergave", CountKind::Views, false, true),
    ("keer bekeken", CountKind::Views, true, false),
    ("keer gelezen", CountKind::Views, true, false),
    ("reactie", CountKind::Comments, false, true),
    // pl
    ("wyświetle", CountKind::Views, false, true),
    ("odsłon", CountKind::Views, false, true),
    ("komentarz", CountKind::Comments, false, true),
    ("komentarze", CountKind::Comments, false, true),
    ("polubie", CountKind::Likes, false, true),
    // sv, da
    ("visning", CountKind::Views, false, true),
    // cs
    ("zobrazení", CountKind::Views, true, true),
    ("přečtení", CountKind::Views, true, true),
    ("komentář", CountKind::Comments, false, true),
    // ru, uk
    ("просмотр", CountKind::Views, false, true),
    ("прочтени", CountKind::Views, false, false),
    ("перегляд", CountKind::Views, false, true),
    ("комментари", CountKind::Comments, false, true),
    ("коммент", CountKind::Comments, false, true),
    ("коментар", CountKind::Comments, false, true),
    ("лайк", CountKind::Likes, false, true),
    ("отмет", CountKind::Likes, false, false),
    ("вподобан", CountKind::Likes, false, true),
    // tr
    ("görüntülen", CountKind::Views, false, true),
    ("görüntüleme", CountKind::Views, false, true),
    ("okunma", CountKind::Views, false, true),
    ("kez okundu", CountKind::Views, true, false),
    ("yorum", CountKind::Comments, false, true),
    ("beğeni", CountKind::Likes, false, true),
    // ja
    ("閲覧", CountKind::Views, false, true),
    ("ビュー", CountKind::Views, false, true),
    ("pv", CountKind::Views, true, true),
    ("コメント", CountKind::Comments, false, true),
    ("いいね", CountKind::Likes, false, true),
    // zh
    ("阅读", CountKind::Views, false, true),
    ("閱讀", CountKind::Views, false, true),
    ("浏览", CountKind::Views, false, true),
    ("瀏覽", CountKind::Views, false, true),
    ("观看", CountKind::Views, false, true),
    ("觀看", CountKind::Views, false, true),
    ("评论", CountKind::Comments, false, true),
    ("評論", CountKind::Comments, false, true),
    ("留言", CountKind::Comments, false, true),
    ("点赞", CountKind::Likes, false, true),
    ("赞", CountKind::Likes, false, true),
    ("讚", CountKind::Likes, false, true),
    // ko
    ("조회", CountKind::Views, false, true),
    ("댓글", CountKind::Comments, false, true),
    ("좋아요", CountKind::Likes, false, true),
];

/// Counter words between a number and its noun: "123次浏览", "3件のコメント", "5条评论".
const COUNTERS: &[char] = &[
    '次', '回', '件', '条', '條', '個', '个', '人', '개', '회', '건', 'の', '명',
];

/// The noun at the start of `rest` (after spaces): (kind, byte length of the noun).
fn noun_at(rest: &str, label: bool) -> Option<(CountKind, usize)> {
    let first = rest.chars().next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let initial = first.to_lowercase().next()?;
    let bucket = NOUNS_BY_INITIAL.get(&initial)?;
    for &(stem, kind, whole, label_ok) in bucket {
        if label && !label_ok {
            continue;
        }
        if !lc_starts(rest, stem) {
            continue;
        }
        let stem_len = lowercase_prefix_len(rest, stem);
        if stem.chars().next().is_some_and(is_cjk) {
            return Some((kind, stem_len));
        }
        let end = stem_len + word_end(rest.get(stem_len..).unwrap_or(""), 0);
        if whole && end != stem_len {
            continue;
        }
        return Some((kind, end));
    }
    None
}

/// Byte length in `text` of the prefix that lowercases to `lower`.
fn lowercase_prefix_len(text: &str, lower: &str) -> usize {
    let want = lower.chars().count();
    let mut got = 0;
    for (i, c) in text.char_indices() {
        if got >= want {
            return i;
        }
        got += c.to_lowercase().count();
    }
    text.len()
}

/// End (relative to `text`) of the letter run (with apostrophes inside) starting at `at`.
fn word_end(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else {
        return at;
    };
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if crate::text::is_alphabetic(c) && !is_cjk(c) {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    at + end
}

fn before_char(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// Skips spaces and counter words after a number.
fn skip_after_number(text: &str, at: usize) -> usize {
    let mut j = at;
    let mut counters = 0;
    while let Some(c) = text.get(j..).and_then(|s| s.chars().next()) {
        if c.is_whitespace() {
            j += c.len_utf8();
        } else if COUNTERS.contains(&c) && counters < 2 {
            counters += 1;
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// A label noun just before the number at `num_start` ("Views: ", "阅读(", "조회수 "):
/// (kind, label start, whether an opening bracket was seen).
fn label_before(text: &str, num_start: usize) -> Option<(CountKind, usize, bool)> {
    let before = text.get(..num_start)?;
    let mut end = before.len();
    let mut bracket = false;
    let mut seps = 0;
    for (i, c) in before.char_indices().rev() {
        if c.is_whitespace() {
            end = i;
        } else if matches!(c, ':' | '：' | '(' | '（' | '[') && seps == 0 {
            seps += 1;
            bracket |= matches!(c, '(' | '（' | '[');
            end = i;
        } else {
            break;
        }
        if before.len() - i > 16 {
            return None;
        }
    }
    let head = before.get(..end)?;
    let last = head.chars().next_back()?;
    if is_cjk(last) {
        // Try the last few CJK characters as the start of a label ("本文阅读量").
        let mut starts = head.char_indices().rev().take_while(|&(_, c)| is_cjk(c));
        return starts.by_ref().take(4).find_map(|(i, _)| {
            let (kind, len) = noun_at(head.get(i..)?, true)?;
            (i + len <= head.len()).then_some((kind, i, bracket))
        });
    }
    if !last.is_alphabetic() || end == before.len() {
        // A Latin label needs a space or separator before the number ("views0" is not one).
        return None;
    }
    // Start of the last word, or of the last two words ("page views", "me gusta").
    let word_start = |to: usize| -> usize {
        head.get(..to)
            .and_then(|h| {
                h.char_indices()
                    .rev()
                    .take_while(|&(_, c)| c.is_alphabetic() || c == '\'' || c == '’')
                    .last()
            })
            .map_or(to, |(i, _)| i)
    };
    let w1 = word_start(head.len());
    let mut candidates = [w1, w1];
    if let Some(prev) = head.get(..w1).and_then(|h| h.strip_suffix(' ')) {
        candidates[0] = word_start(prev.len());
    }
    for start in candidates {
        if let Some((kind, len)) = head.get(start..).and_then(|s| noun_at(s, true))
            && start + len == head.len()
        {
            return Some((kind, start, bracket));
        }
    }
    None
}

/// Decides what the number at `num_start` (run `n`, value `value`) counts.
fn classify(text: &str, num_start: usize, n: &NumRun, value: u64) -> Option<FoundCount> {
    let noun_start = skip_after_number(text, n.end);
    let after = text
        .get(noun_start..)
        .and_then(|rest| noun_at(rest, false))
        .map(|(k, len)| (k, noun_start + len));
    let label = label_before(text, num_start);
    // A noun followed by ':' or by another number labels that number instead
    // ("Comments: 3 Views: 25"), unless nothing labels this one.
    if let Some((kind, end)) = after {
        let raw_next = text.get(end..).unwrap_or("");
        let next = raw_next.trim_start();
        let spaced = next.len() != raw_next.len();
        // Glued "views0 comments" (Wix) is a trailing noun, not a label.
        let labels_next = next.starts_with([':', '：', '(', '（'])
            || (spaced && next.starts_with(|c: char| c.is_ascii_digit()));
        if !(labels_next && label.is_some()) {
            return Some(FoundCount {
                kind,
                value,
                span: num_start..end,
            });
        }
    }
    let (kind, start, bracket) = label?;
    let mut end = n.end;
    if bracket
        && let Some(c) = text.get(end..).and_then(|s| s.chars().next())
        && matches!(c, ')' | '）' | ']')
    {
        end += c.len_utf8();
    }
    Some(FoundCount {
        kind,
        value,
        span: start..end,
    })
}

/// Words for zero or one before a noun: "No comments", "Keine Kommentare", "One comment".
const ZERO_WORDS: &[(&str, u64)] = &[
    ("no", 0),
    ("zero", 0),
    ("keine", 0),
    ("kein", 0),
    ("aucun", 0),
    ("aucune", 0),
    ("sin", 0),
    ("ningún", 0),
    ("nessun", 0),
    ("nessuno", 0),
    ("sem", 0),
    ("nenhum", 0),
    ("geen", 0),
    ("brak", 0),
    ("inga", 0),
    ("ingen", 0),
    ("žádné", 0),
    ("žádný", 0),
    ("нет", 0),
    ("немає", 0),
    ("one", 1),
    ("ein", 1),
];

/// Words after a noun that make it zero: "Yorum yok", "Комментариев нет".
const POST_ZERO: &[&str] = &["yok", "нет", "немає"];

/// A zero/one word at `start..end` followed by a count noun, or a label noun followed by a
/// post-zero word.
fn zero_word(text: &str, start: usize, end: usize) -> Option<FoundCount> {
    let word = text.get(start..end)?;
    let rest = text.get(end..)?;
    let trimmed = rest.trim_start();
    let noun_start = end + (rest.len() - trimmed.len());
    // Nearly every word of a text gets here: the first character, lowercased once, rules out
    // the zero words that start otherwise before any is compared in full (a lowercased word
    // starts with its first character lowercased).
    let first = word.chars().next().and_then(|c| c.to_lowercase().next());
    if noun_start > end
        && let Some(&(_, value)) = ZERO_WORDS
            .iter()
            .find(|(w, _)| first.is_some_and(|f| w.starts_with(f)) && lc_eq(word, w))
    {
        let (kind, len) = noun_at(trimmed, true)?;
        return Some(FoundCount {
            kind,
            value,
            span: start..noun_start + len,
        });
    }
    let (kind, len) = noun_at(text.get(start..)?, true)?;
    let after = text.get(start + len..)?;
    let after_trim = after.trim_start();
    let w_end = word_end(after_trim, 0);
    let next = after_trim.get(..w_end)?;
    if after_trim.len() == after.len() || !POST_ZERO.iter().any(|z| lc_eq(next, z)) {
        return None;
    }
    Some(FoundCount {
        kind,
        value: 0,
        span: start..start + len + (after.len() - after_trim.len()) + w_end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use CountKind::{Comments, Likes, Views};

    fn c(text: &str, lang: &str) -> Vec<(CountKind, u64)> {
        find_counts(text, Some(lang))
            .into_iter()
            .map(|f| (f.kind, f.value))
            .collect()
    }

    fn check(lang: &str, cases: &[(&str, &[(CountKind, u64)])]) {
        for (text, want) in cases {
            assert_eq!(c(text, lang), *want, "{lang}: {text:?}");
        }
    }

    #[test]
    fn english() {
        check(
            "en",
            &[
                ("25 views", &[(Views, 25)]),
                ("1 view", &[(Views, 1)]),
                ("1.2K views", &[(Views, 1200)]),
                ("Post Views: 1,234", &[(Views, 1234)]),
                ("Views: 1234", &[(Views, 1234)]),
                ("1,234 reads", &[(Views, 1234)]),
                ("12 comments", &[(Comments, 12)]),
                ("No comments", &[(Comments, 0)]),
                ("One comment", &[(Comments, 1)]),
                ("Comments (3)", &[(Comments, 3)]),
                ("3 Responses", &[(Comments, 3)]),
                ("3 thoughts on “Post title”", &[(Comments, 3)]),
                ("Leave a comment", &[]),
                ("0 Comments", &[(Comments, 0)]),
                ("42 likes", &[(Likes, 42)]),
                ("1.2K claps", &[(Likes, 1200)]),
                ("3M views", &[(Views, 3_000_000)]),
                ("25 views0 comments", &[(Views, 25), (Comments, 0)]),
                ("25 views 0 comments", &[(Views, 25), (Comments, 0)]),
                (
                    "25 views0 comments3 likes",
                    &[(Views, 25), (Comments, 0), (Likes, 3)],
                ),
                ("Comments: 3 Views: 25", &[(Comments, 3), (Views, 25)]),
                ("Comments 3 Views 25", &[(Comments, 3), (Views, 25)]),
                ("0", &[]),
                ("5 min read", &[]),
                ("Jul 30, 2021 12 comments", &[(Comments, 12)]),
                ("-5 views", &[]),
                ("1.5 views", &[]),
            ],
        );
        let f = find_counts("Post Views: 1,234", Some("en"));
        assert_eq!(f.first().map(|f| f.span.clone()), Some(5..17));
        let f = find_counts("25 views0 comments", Some("en"));
        assert_eq!(
            f.iter().map(|f| f.span.clone()).collect::<Vec<_>>(),
            [0..8, 8..18]
        );
    }

    #[test]
    fn european() {
        check(
            "de",
            &[
                ("1.432 Aufrufe", &[(Views, 1432)]),
                ("12 Kommentare", &[(Comments, 12)]),
                ("Keine Kommentare", &[(Comments, 0)]),
                ("Ansichten: 1.234.567", &[(Views, 1_234_567)]),
                ("1,2 Tsd. Aufrufe", &[(Views, 1200)]),
                ("Hinterlasse einen Kommentar", &[]),
            ],
        );
        check(
            "fr",
            &[
                ("1 234 vues", &[(Views, 1234)]),
                ("1\u{a0}234 vues", &[(Views, 1234)]),
                ("1\u{202f}234\u{202f}567 vues", &[(Views, 1_234_567)]),
                ("12 commentaires", &[(Comments, 12)]),
                ("Aucun commentaire", &[(Comments, 0)]),
                ("Laisser un commentaire", &[]),
            ],
        );
        check(
            "es",
            &[
                ("1.234 visitas", &[(Views, 1234)]),
                ("25 vistas", &[(Views, 25)]),
                ("3 comentarios", &[(Comments, 3)]),
                ("Sin comentarios", &[(Comments, 0)]),
                ("1,2 mil visualizaciones", &[(Views, 1200)]),
            ],
        );
        check(
            "it",
            &[
                ("1.234 visualizzazioni", &[(Views, 1234)]),
                ("7 commenti", &[(Comments, 7)]),
                ("300 letture", &[(Views, 300)]),
                ("Nessun commento", &[(Comments, 0)]),
            ],
        );
        check(
            "pt",
            &[
                ("1.234 visualizações", &[(Views, 1234)]),
                ("5 comentários", &[(Comments, 5)]),
                ("Sem comentários", &[(Comments, 0)]),
            ],
        );
        check(
            "nl",
            &[
                ("1.234 weergaven", &[(Views, 1234)]),
                ("4 reacties", &[(Comments, 4)]),
                ("250 keer bekeken", &[(Views, 250)]),
                ("Geen reacties", &[(Comments, 0)]),
            ],
        );
        check(
            "pl",
            &[
                ("1 234 wyświetleń", &[(Views, 1234)]),
                ("12 komentarzy", &[(Comments, 12)]),
                ("3 komentarze", &[(Comments, 3)]),
                ("Brak komentarzy", &[(Comments, 0)]),
            ],
        );
        check(
            "sv",
            &[
                ("1 234 visningar", &[(Views, 1234)]),
                ("2 kommentarer", &[(Comments, 2)]),
                ("Inga kommentarer", &[(Comments, 0)]),
            ],
        );
        check(
            "da",
            &[
                ("1.234 visninger", &[(Views, 1234)]),
                ("2 kommentarer", &[(Comments, 2)]),
                ("Ingen kommentarer", &[(Comments, 0)]),
            ],
        );
        check(
            "cs",
            &[
                ("1 234 zobrazení", &[(Views, 1234)]),
                ("5 komentářů", &[(Comments, 5)]),
                ("2 komentáře", &[(Comments, 2)]),
            ],
        );
    }

    #[test]
    fn cyrillic_turkish_cjk() {
        check(
            "ru",
            &[
                ("1 234 просмотров", &[(Views, 1234)]),
                ("2 просмотра", &[(Views, 2)]),
                ("15 комментариев", &[(Comments, 15)]),
                ("1,2 тыс. просмотров", &[(Views, 1200)]),
                ("Комментариев нет", &[(Comments, 0)]),
                ("Просмотры: 345", &[(Views, 345)]),
            ],
        );
        check(
            "uk",
            &[
                ("1 234 переглядів", &[(Views, 1234)]),
                ("7 коментарів", &[(Comments, 7)]),
                ("1,5 тис. переглядів", &[(Views, 1500)]),
            ],
        );
        check(
            "tr",
            &[
                ("1.234 görüntüleme", &[(Views, 1234)]),
                ("560 okunma", &[(Views, 560)]),
                ("3 yorum", &[(Comments, 3)]),
                ("Yorum yok", &[(Comments, 0)]),
            ],
        );
        check(
            "ja",
            &[
                ("閲覧数：1,234", &[(Views, 1234)]),
                ("123回閲覧", &[(Views, 123)]),
                ("3件のコメント", &[(Comments, 3)]),
                ("コメント(5)", &[(Comments, 5)]),
            ],
        );
        check(
            "zh",
            &[
                ("阅读 1234", &[(Views, 1234)]),
                ("阅读(123)", &[(Views, 123)]),
                ("123次浏览", &[(Views, 123)]),
                ("1.2万次阅读", &[(Views, 12000)]),
                ("5条评论", &[(Comments, 5)]),
                ("评论（8）", &[(Comments, 8)]),
            ],
        );
        check(
            "ko",
            &[
                ("조회수 1,234", &[(Views, 1234)]),
                ("조회 56회", &[(Views, 56)]),
                ("댓글 3", &[(Comments, 3)]),
                ("댓글 3개", &[(Comments, 3)]),
            ],
        );
    }

    #[test]
    fn hostile() {
        let huge = format!("{} views", "9".repeat(100_000));
        assert!(find_counts(&huge, Some("en")).is_empty());
        assert!(find_counts("99999999999999999999999 views", Some("en")).is_empty());
        let many = "1 ".repeat(50_000);
        assert!(find_counts(&many, Some("en")).is_empty());
        let seps = "1,".repeat(50_000);
        assert!(find_counts(&seps, None).is_empty());
        for s in [
            "views:",
            "(",
            "：",
            "万",
            "1万",
            "k",
            "views 1",
            "\u{a0}1\u{a0}",
        ] {
            let _ = find_counts(s, None);
            let _ = parse_number(s, None);
        }
    }

    #[test]
    fn numbers() {
        let p = |s: &str, l: Option<&str>| parse_number(s, l);
        assert_eq!(p("1,234", Some("en")), Some(1234));
        assert_eq!(p("1.234", Some("de")), Some(1234));
        assert_eq!(p("1 234", Some("fr")), Some(1234));
        assert_eq!(p("1.2K", None), Some(1200));
        assert_eq!(p("1,2K", Some("de")), Some(1200));
        assert_eq!(p("1,234K", Some("en")), Some(1_234_000));
        assert_eq!(p("1.234K", Some("de")), Some(1_234_000));
        assert_eq!(p("3M", None), Some(3_000_000));
        assert_eq!(p("1,2 тыс.", Some("ru")), Some(1200));
        assert_eq!(p("1.234.567", Some("de")), Some(1_234_567));
        assert_eq!(p("1,234.5K", Some("en")), Some(1_234_500));
        assert_eq!(p(" 42 ", None), Some(42));
        assert_eq!(p("-5", None), None);
        assert_eq!(p("1.5", None), None);
        assert_eq!(p("12,34", Some("en")), None);
        assert_eq!(p("1234,567", Some("en")), None);
        assert_eq!(p("abc", None), None);
        assert_eq!(p("", None), None);
        assert_eq!(p("18446744073709551616", None), None);
        assert_eq!(p("18446744073709551615", None), Some(u64::MAX));
        assert_eq!(p("20000000000000000000K", None), None);
    }
}
