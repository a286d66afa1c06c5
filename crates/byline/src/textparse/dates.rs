//! Dates written for readers: "Updated: Jul 30, 2021", "le 3 mars 2024", "2024年3月5日",
//! "3 days ago", and dates in URL paths.
//!
//! The visible-text parser tokenizes a bounded prefix of the input (at most
//! [`MAX_DATE_TEXT`] bytes, into at most [`MAX_TOKENS`] tokens kept on the stack) and tries a
//! fixed set of patterns at each token, left to right; the first that matches wins. Month names,
//! labels and relative-date words come from the tables at the end of this file. Calendar
//! arithmetic and validation use jiff.

use std::ops::Range;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use jiff::{Span, Timestamp};

use crate::article::DateValue;

/// Which date a label in front of (or around) a date announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateRole {
    /// "Published", "Posted on", "Veröffentlicht", "Publié le", …
    Published,
    /// "Updated", "Last modified", "Aktualisiert", "Mis à jour", …
    Updated,
}

/// A date found in a short visible string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// The parsed value (a day, or a date-time when the text gives a time of day).
    pub(crate) value: DateValue,
    /// The role a label in the text gives the date, if any.
    pub(crate) role: Option<DateRole>,
    /// Byte range of the date itself (without the label) within the input.
    pub(crate) span: Range<usize>,
    /// The date is relative to `now` ("3 days ago", "gestern"): only as right as `now` is.
    pub(crate) relative: bool,
}

/// Only this many leading bytes of a visible string are read by [`find_date`]; date lines are
/// short, and a long string is body text, not a date line.
pub(crate) const MAX_DATE_TEXT: usize = 320;

/// At most this many tokens of the bounded prefix are looked at.
const MAX_TOKENS: usize = 128;

/// Earliest year accepted anywhere (blogs did not exist before).
const MIN_YEAR: i16 = 1990;
/// Latest year accepted anywhere.
const MAX_YEAR: i16 = 2100;

/// Finds the first date in `text`, a short visible string such as a byline or a date line.
///
/// `lang` is the page's primary language subtag (`"de"`), used for month names and to order
/// numeric day/month; `now` is the reference for relative dates ("3 days ago", "gestern") and
/// rejects dates after it. Returns `None` when the text holds no plausible date.
///
/// Month names of all supported languages are always recognised whatever `lang` says; `lang`
/// only decides the order of an ambiguous numeric date (`07/08/2021`: month first for `"en"`
/// and `"en-US"`, day first otherwise, and always day first with dots). Dates without a year
/// ("Jul 30", "3月5日") and relative dates are read only when `now` is given. Only the first
/// [`MAX_DATE_TEXT`] bytes of `text` are read.
pub(crate) fn find_date(text: &str, lang: Option<&str>, now: Option<Date>) -> Option<FoundDate> {
    let text = bounded(text, MAX_DATE_TEXT);
    // Without `now` every pattern needs a number (a day, a year): a text without a digit
    // holds no date, and is not tokenized.
    if now.is_none() && !has_digit(text) {
        return None;
    }
    let t = Toks::new(text);
    let order = Order::for_lang(lang);
    for i in 0..t.len {
        let Some(m) = match_at(&t, i, order, now) else {
            continue;
        };
        let mut end = m.end;
        let mut value = DateValue::Day(m.date);
        if m.timed
            && let Some((time, offset, e)) = parse_time(&t, m.end)
        {
            end = e;
            value = DateValue::DateTime {
                datetime: DateTime::from_parts(m.date, time),
                offset,
            };
        }
        let start = t.tok(m.start)?.start;
        if joined_label_before(text.get(..start).unwrap_or("")) {
            continue;
        }
        let end_byte = t.tok(end.checked_sub(1)?)?.end;
        let relative = relative(&t, i, now).is_some_and(|r| r.start == m.start && r.end == m.end);
        return Some(FoundDate {
            value,
            role: find_role(text.get(..start).unwrap_or("")),
            span: start..end_byte,
            relative,
        });
    }
    None
}

/// The date a URL path gives (`/2021/07/30/slug`, `/2021-07-30-slug`, `/20210730/`), or `None`
/// when the path has none.
///
/// A path that gives only a month (`/2021/07/slug`) yields `None`: day 1 would be wrong for
/// nearly every post; use [`month_from_url`] to compare months instead. Years outside
/// 1990–2100 and impossible days are rejected. The host, query and fragment are ignored.
pub(crate) fn date_from_url(url: &str) -> Option<DateValue> {
    let path = url_path(url);
    let mut year: Option<i16> = None;
    let mut month: Option<i8> = None;
    for seg in path.split('/') {
        if let (Some(y), Some(m)) = (year, month)
            && let Some(d) = small_num(seg, 2)
            && let Some(date) = valid_date(i32::from(y), i32::from(m), d)
        {
            return Some(DateValue::Day(date));
        }
        if let Some(date) = date_in_segment(seg) {
            return Some(DateValue::Day(date));
        }
        if year.is_some()
            && month.is_none()
            && let Some(m) = small_num(seg, 2).filter(|m| (1..=12).contains(m))
        {
            month = i8::try_from(m).ok();
            continue;
        }
        month = None;
        year = (seg.len() == 4)
            .then(|| small_num(seg, 4))
            .flatten()
            .and_then(|y| i16::try_from(y).ok())
            .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y));
    }
    None
}

/// The year and month a URL path gives (`/2021/07/slug` → `(2021, 7)`), also when it gives a
/// full date. For cross-checking dates found elsewhere; `None` when the path has neither.
pub(crate) fn month_from_url(url: &str) -> Option<(i16, i8)> {
    if let Some(DateValue::Day(d)) = date_from_url(url) {
        return Some((d.year(), d.month()));
    }
    let path = url_path(url);
    let mut year: Option<i16> = None;
    for seg in path.split('/') {
        if let Some(y) = year
            && let Some(m) = small_num(seg, 2).filter(|m| (1..=12).contains(m))
        {
            return Some((y, i8::try_from(m).ok()?));
        }
        year = (seg.len() == 4)
            .then(|| small_num(seg, 4))
            .flatten()
            .and_then(|y| i16::try_from(y).ok())
            .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y));
    }
    None
}

/// Parses a machine-readable date as structured data writes it: ISO 8601 and its common
/// deviations, RFC 2822, `2021/07/30`, and Unix timestamps in seconds or milliseconds.
///
/// Unix timestamps (10 digits: seconds, 13 digits: milliseconds) give a UTC date-time and must
/// fall in 1990–2100. As a last resort the string is read like visible English text
/// ("July 30, 2021", "30 Jul 2021 09:15 GMT"), month first when numeric and ambiguous.
pub(crate) fn parse_structured(s: &str) -> Option<DateValue> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) && (s.len() == 10 || s.len() == 13) {
        let n: i64 = s.parse().ok()?;
        let ts = if s.len() == 10 {
            Timestamp::from_second(n).ok()?
        } else {
            Timestamp::from_millisecond(n).ok()?
        };
        let datetime = Offset::UTC.to_datetime(ts);
        if !(MIN_YEAR..=MAX_YEAR).contains(&datetime.year()) {
            return None;
        }
        return Some(DateValue::DateTime {
            datetime,
            offset: Some(Offset::UTC),
        });
    }
    if let Some(v) = crate::dates::parse_iso(s) {
        let y = match v {
            DateValue::Day(d) => d.year(),
            DateValue::DateTime { datetime, .. } => datetime.year(),
        };
        return (MIN_YEAR..=MAX_YEAR).contains(&y).then_some(v);
    }
    find_date(s, Some("en"), None).map(|f| f.value)
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of digits (ASCII or fullwidth); `val` saturates, `digits` counts them (saturating).
    Num { val: u32, digits: u8 },
    /// A run of letters, or a single CJK/kana/hangul character.
    Word,
    /// Any other single non-space character.
    Punct(char),
}

/// One token: kind, byte range, and whether whitespace precedes it.
#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    sp: bool,
}

/// The tokens of a short string, on the stack.
struct Toks<'a> {
    text: &'a str,
    toks: [Tok; MAX_TOKENS],
    len: usize,
}

impl<'a> Toks<'a> {
    fn new(text: &'a str) -> Self {
        let blank = Tok {
            kind: Kind::Punct(' '),
            start: 0,
            end: 0,
            sp: false,
        };
        let mut t = Toks {
            text,
            toks: [blank; MAX_TOKENS],
            len: 0,
        };
        let mut it = text.char_indices().peekable();
        let mut sp = false;
        while let Some((i, c)) = it.next() {
            if t.len >= MAX_TOKENS {
                break;
            }
            if c.is_whitespace() {
                sp = true;
                continue;
            }
            let mut end = i + c.len_utf8();
            let kind = if let Some(d) = digit_val(c) {
                let mut val = d;
                let mut digits: u8 = 1;
                while let Some(&(j, c2)) = it.peek() {
                    let Some(d2) = digit_val(c2) else { break };
                    val = val.saturating_mul(10).saturating_add(d2);
                    digits = digits.saturating_add(1);
                    end = j + c2.len_utf8();
                    it.next();
                }
                Kind::Num { val, digits }
            } else if is_cjk(c) {
                Kind::Word
            } else if c.is_alphabetic() {
                while let Some(&(j, c2)) = it.peek() {
                    if !(c2.is_alphabetic() || is_mark(c2)) || is_cjk(c2) {
                        break;
                    }
                    end = j + c2.len_utf8();
                    it.next();
                }
                Kind::Word
            } else {
                Kind::Punct(c)
            };
            if let Some(slot) = t.toks.get_mut(t.len) {
                *slot = Tok {
                    kind,
                    start: i,
                    end,
                    sp,
                };
            }
            t.len += 1;
            sp = false;
        }
        t
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        if i < self.len { self.toks.get(i) } else { None }
    }

    /// The number at `i` when it has `min..=max` digits.
    fn num(&self, i: usize, min: u8, max: u8) -> Option<u32> {
        match self.tok(i)?.kind {
            Kind::Num { val, digits } if (min..=max).contains(&digits) => Some(val),
            _ => None,
        }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.tok(i)?;
        (t.kind == Kind::Word).then(|| self.text.get(t.start..t.end))?
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Token `i` exists and follows the previous one without whitespace.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.sp)
    }

    /// Whether token `i` is the word `w` (lowercase), any case.
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| lc_eq(x, w))
    }

    fn is_word_in(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i).is_some_and(|x| ws.iter().any(|w| lc_eq(x, w)))
    }
}

/// Whether `text` holds a digit that [`digit_val`] reads: ASCII or fullwidth (`０`–`９`,
/// encoded EF BC 90–99).
fn has_digit(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c.is_ascii_digit()
            || (c == 0xEF && matches!(b.get(i + 1..i + 3), Some([0xBC, 0x90..=0x99])))
    })
}

fn digit_val(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Ideographs, kana and hangul: each is a token of its own.
///
/// Asked of nearly every character the date and count readers see: a character below the
/// first range (all of Latin, Greek, Cyrillic …) is answered by one comparison.
pub(crate) fn is_cjk(c: char) -> bool {
    let c = c as u32;
    c >= 0x1100
        && matches!(c,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Combining marks that continue a word (decomposed accents).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// `word` lowercased equals `lower`.
pub(crate) fn lc_eq(word: &str, lower: &str) -> bool {
    // Most calls compare different words: an ASCII first character settles them at once (it
    // lowercases to exactly one ASCII character).
    if let (Some(&w), Some(&l)) = (word.as_bytes().first(), lower.as_bytes().first())
        && w.is_ascii()
        && w.to_ascii_lowercase() != l
    {
        return false;
    }
    if word.is_ascii() {
        return word.len() == lower.len()
            && word
                .bytes()
                .zip(lower.bytes())
                .all(|(w, l)| w.to_ascii_lowercase() == l);
    }
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// `word` lowercased starts with `lower`.
pub(crate) fn lc_starts(word: &str, lower: &str) -> bool {
    // An ASCII head of `word` lowercases byte for byte.
    if let Some(head) = word.as_bytes().get(..lower.len())
        && head.is_ascii()
    {
        return head
            .iter()
            .zip(lower.bytes())
            .all(|(w, l)| w.to_ascii_lowercase() == l);
    }
    if word.is_ascii() {
        return false;
    }
    let mut w = word.chars().flat_map(char::to_lowercase);
    lower.chars().all(|c| w.next() == Some(c))
}

/// `text` cut to at most `max` bytes at a character boundary.
pub(crate) fn bounded(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

// ---------------------------------------------------------------------------------------------
// Patterns

/// Numeric day/month order for ambiguous dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Dmy,
    Mdy,
}

impl Order {
    fn for_lang(lang: Option<&str>) -> Order {
        let Some(lang) = lang else { return Order::Dmy };
        let mut parts = lang.split(['-', '_']);
        if !parts.next().is_some_and(|p| p.eq_ignore_ascii_case("en")) {
            return Order::Dmy;
        }
        // Bare "en" is taken as US English; other regions write day first.
        let region = parts.find(|p| p.len() == 2);
        match region {
            None => Order::Mdy,
            Some(r) if r.eq_ignore_ascii_case("us") || r.eq_ignore_ascii_case("ph") => Order::Mdy,
            Some(_) => Order::Dmy,
        }
    }
}

/// A pattern match: tokens `start..end`, and whether a time of day may follow.
struct Match {
    date: Date,
    start: usize,
    end: usize,
    timed: bool,
}

fn match_at(t: &Toks<'_>, i: usize, order: Order, now: Option<Date>) -> Option<Match> {
    let tok = t.tok(i)?;
    let found = match tok.kind {
        Kind::Num { digits, .. } => {
            let r = if digits == 4 {
                ymd_numeric(t, i)
                    .or_else(|| ymd_cjk(t, i))
                    .or_else(|| y_month_d(t, i))
            } else if digits <= 2 {
                dmy_numeric(t, i, order)
                    .or_else(|| d_month_y(t, i, now))
                    .or_else(|| md_cjk(t, i, now))
            } else {
                None
            };
            r.or_else(|| relative(t, i, now))
        }
        Kind::Word => month_d_y(t, i, now).or_else(|| relative(t, i, now)),
        Kind::Punct(_) => None,
    }?;
    let ok = now.is_none_or(|n| found.date <= n.tomorrow().unwrap_or(n));
    ok.then_some(found)
}

/// A valid date in the accepted year range.
fn valid_date(y: i32, m: i32, d: u32) -> Option<Date> {
    let y = i16::try_from(y).ok()?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// Whether a numeric date at tokens `i..end` is part of a longer dotted/dashed number run.
fn in_number_run(t: &Toks<'_>, i: usize, end: usize) -> bool {
    let before = i >= 2
        && t.glued(i)
        && matches!(t.punct(i - 1), Some('.' | '/' | '-' | ':' | ','))
        && t.glued(i - 1)
        && t.num(i - 2, 1, 255).is_some();
    let after = t.glued(end)
        && matches!(t.punct(end), Some('.' | '/' | '-' | ':'))
        && t.glued(end + 1)
        && t.num(end + 1, 1, 255).is_some();
    before || after
}

/// `2021-07-30`, `2021/7/30`, `2021.07.30`, `2024. 3. 5.`
fn ymd_numeric(t: &Toks<'_>, i: usize) -> Option<Match> {
    let y = t.num(i, 4, 4)?;
    let sep = t.punct(i + 1).filter(|c| matches!(c, '-' | '/' | '.'))?;
    let spaced_ok = sep == '.';
    let ok = |k: usize| t.glued(k) || spaced_ok;
    if !t.glued(i + 1) || !ok(i + 2) {
        return None;
    }
    let m = t.num(i + 2, 1, 2)?;
    if t.punct(i + 3) != Some(sep) || !t.glued(i + 3) || !ok(i + 4) {
        return None;
    }
    let d = t.num(i + 4, 1, 2)?;
    let mut end = i + 5;
    if sep == '.' && t.punct(end) == Some('.') && t.glued(end) && t.num(end + 1, 1, 4).is_none() {
        end += 1;
    } else if in_number_run(t, i, end) {
        return None;
    }
    let y = i32::try_from(y).ok()?;
    let date = valid_date(y, i32::try_from(m).ok()?, d)?;
    Some(Match {
        date,
        start: i,
        end,
        timed: true,
    })
}

/// `30.07.2021`, `30/07/2021`, `07/30/2021`, `30-07-21`, and `4. 2. 2022` (dots followed by a
/// space, as Czech, Slovak and German typesetting writes it; only with a four-digit year), and
/// `26 | 01 | 2022` (spaced bars, day first, four-digit year).
fn dmy_numeric(t: &Toks<'_>, i: usize, order: Order) -> Option<Match> {
    let a = t.num(i, 1, 2)?;
    let sep = t
        .punct(i + 1)
        .filter(|c| matches!(c, '-' | '/' | '.' | '|'))?;
    if sep == '|' {
        let spaced = (i + 1..=i + 4).all(|k| t.tok(k).is_some_and(|x| x.sp));
        let run = t.punct(i + 5) == Some('|') || (i >= 1 && t.punct(i - 1) == Some('|'));
        if !spaced || run || t.punct(i + 3) != Some('|') {
            return None;
        }
        let b = t.num(i + 2, 1, 2)?;
        let y = i32::try_from(t.num(i + 4, 4, 4)?).ok()?;
        let date = valid_date(y, i32::try_from(b).ok()?, a)?;
        return Some(Match {
            date,
            start: i,
            end: i + 5,
            timed: true,
        });
    }
    // Spaced: not the tail of a longer run ("3. 4. 5. 2022").
    let run_tail = i >= 2 && t.punct(i - 1) == Some('.') && t.num(i - 2, 1, 4).is_some();
    let spaced = sep == '.' && !t.glued(i + 2) && !t.glued(i + 4) && !run_tail;
    if !t.glued(i + 1) || !(t.glued(i + 2) || spaced) {
        return None;
    }
    let b = t.num(i + 2, 1, 2)?;
    if t.punct(i + 3) != Some(sep) || !t.glued(i + 3) || !(t.glued(i + 4) || spaced) {
        return None;
    }
    let tok_y = t.tok(i + 4)?;
    let y = match tok_y.kind {
        Kind::Num { val, digits: 4 } => i32::try_from(val).ok()?,
        Kind::Num { .. } if spaced => return None,
        Kind::Num { val, digits: 2 } => {
            let v = i32::try_from(val).ok()?;
            if v < 70 { 2000 + v } else { 1900 + v }
        }
        _ => return None,
    };
    let end = i + 5;
    if in_number_run(t, i, end) {
        return None;
    }
    let a = i32::try_from(a).ok()?;
    let b = i32::try_from(b).ok()?;
    let month_first = if sep == '.' || a > 12 {
        false
    } else if b > 12 {
        true
    } else {
        order == Order::Mdy
    };
    let date = if month_first {
        valid_date(y, a, u32::try_from(b).ok()?)?
    } else {
        valid_date(y, b, u32::try_from(a).ok()?)?
    };
    Some(Match {
        date,
        start: i,
        end,
        timed: true,
    })
}

/// `2024年3月5日`, `2024년 3월 5일`.
fn ymd_cjk(t: &Toks<'_>, i: usize) -> Option<Match> {
    let y = t.num(i, 4, 4)?;
    if !t.is_word_in(i + 1, &["年", "년"]) {
        return None;
    }
    let m = t.num(i + 2, 1, 2)?;
    if !t.is_word_in(i + 3, &["月", "월"]) {
        return None;
    }
    let d = t.num(i + 4, 1, 2)?;
    if !t.is_word_in(i + 5, &["日", "일"]) {
        return None;
    }
    let date = valid_date(i32::try_from(y).ok()?, i32::try_from(m).ok()?, d)?;
    Some(Match {
        date,
        start: i,
        end: i + 6,
        timed: true,
    })
}

/// `3月5日` (no year; needs `now`).
fn md_cjk(t: &Toks<'_>, i: usize, now: Option<Date>) -> Option<Match> {
    let now = now?;
    let m = t.num(i, 1, 2)?;
    if !t.is_word_in(i + 1, &["月", "월"]) {
        return None;
    }
    let d = t.num(i + 2, 1, 2)?;
    if !t.is_word_in(i + 3, &["日", "일"]) {
        return None;
    }
    let date = yearless(now, i32::try_from(m).ok()?, d)?;
    Some(Match {
        date,
        start: i,
        end: i + 4,
        timed: true,
    })
}

/// The latest date with this month and day that is not after `now`.
fn yearless(now: Date, m: i32, d: u32) -> Option<Date> {
    let y = i32::from(now.year());
    match valid_date(y, m, d) {
        Some(date) if date <= now => Some(date),
        _ => valid_date(y - 1, m, d),
    }
}

/// The month a word names, in any supported language; full, declined or abbreviated (a prefix
/// of at least three letters that names one month only).
pub(crate) fn month_of(word: &str) -> Option<i8> {
    if word.len() > 40 {
        return None;
    }
    // The word lowercased a character at a time (as `lc_eq` compares), on the stack.
    let mut buf = [0u8; 64];
    let mut n = 0;
    if word.is_ascii() {
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        n = word.len();
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            // Longer than every month name: neither equal to one nor a prefix of one.
            let dst = buf.get_mut(n..n + c.len_utf8())?;
            n += c.encode_utf8(dst).len();
        }
    }
    let lw = buf.get(..n)?;
    let entry = MONTH_PREFIXES.get(lw)?;
    if entry.exact.is_some() {
        return entry.exact;
    }
    if word.chars().count() < 3 {
        return None;
    }
    // An abbreviation: a prefix of names of one month only.
    entry.prefix_of
}

/// Day ordinal suffixes glued to the number: "30th", "1er", "1º".
const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "re", "º", "ª", "e"];

/// Skips a glued ordinal suffix or dot after a day number at `k`; returns the next index.
fn skip_ordinal(t: &Toks<'_>, k: usize) -> usize {
    if t.glued(k) && (t.is_word_in(k, ORDINALS) || t.punct(k) == Some('.')) {
        k + 1
    } else {
        k
    }
}

/// A year at `k`: four digits, then an optional year word ("г.", "roku", "р.").
fn year_at(t: &Toks<'_>, k: usize) -> Option<(i32, usize)> {
    let y = i32::try_from(t.num(k, 4, 4)?).ok()?;
    if t.glued(k + 1)
        && t.tok(k + 1)
            .is_some_and(|x| matches!(x.kind, Kind::Num { .. }))
    {
        return None;
    }
    let mut end = k + 1;
    if t.is_word_in(end, &["г", "r", "р", "roku", "года", "року", "год", "yılı"]) {
        end += 1;
        if t.punct(end) == Some('.') && t.glued(end) {
            end += 1;
        }
    }
    Some((y, end))
}

/// `30 July 2021`, `3. März 2024`, `3 de marzo de 2024`, `1er mars 2024`, `3 марта 2024 г.`
fn d_month_y(t: &Toks<'_>, i: usize, now: Option<Date>) -> Option<Match> {
    let d = t.num(i, 1, 2)?;
    let mut k = skip_ordinal(t, i + 1);
    if t.is_word_in(k, &["de", "of"]) {
        k += 1;
    }
    let m = month_of(t.word(k)?)?;
    k += 1;
    if t.punct(k) == Some('.') && t.glued(k) {
        k += 1;
    }
    let mut y_at = k;
    if t.punct(y_at) == Some(',') || t.is_word_in(y_at, &["de", "del", "of"]) {
        y_at += 1;
    }
    if let Some((y, end)) = year_at(t, y_at) {
        let date = valid_date(y, i32::from(m), d)?;
        return Some(Match {
            date,
            start: i,
            end,
            timed: true,
        });
    }
    let date = yearless(now?, i32::from(m), d)?;
    Some(Match {
        date,
        start: i,
        end: k,
        timed: true,
    })
}

/// `Jul 30, 2021`, `March 3rd 2024`, `Sept. 5, 2021`; `Jan 5` with `now`.
fn month_d_y(t: &Toks<'_>, i: usize, now: Option<Date>) -> Option<Match> {
    let m = month_of(t.word(i)?)?;
    let mut k = i + 1;
    if t.punct(k) == Some('.') && t.glued(k) {
        k += 1;
    }
    let d = t.num(k, 1, 2)?;
    k = skip_ordinal(t, k + 1);
    let mut y_at = k;
    if t.punct(y_at) == Some(',') {
        y_at += 1;
    }
    if let Some((y, end)) = year_at(t, y_at) {
        let date = valid_date(y, i32::from(m), d)?;
        return Some(Match {
            date,
            start: i,
            end,
            timed: true,
        });
    }
    // No year: refuse when a month name follows ("mar. 30 jul. 2021" is Tuesday 30 July).
    if t.word(k).is_some_and(|w| month_of(w).is_some()) || t.punct(k) == Some(':') {
        return None;
    }
    let date = yearless(now?, i32::from(m), d)?;
    Some(Match {
        date,
        start: i,
        end: k,
        timed: true,
    })
}

/// `2021 Jul 30`, `2021. július 30.`
fn y_month_d(t: &Toks<'_>, i: usize) -> Option<Match> {
    let y = i32::try_from(t.num(i, 4, 4)?).ok()?;
    let mut k = i + 1;
    if matches!(t.punct(k), Some('.' | ',')) {
        k += 1;
    }
    let m = month_of(t.word(k)?)?;
    k += 1;
    if t.punct(k) == Some('.') && t.glued(k) {
        k += 1;
    }
    let d = t.num(k, 1, 2)?;
    let end = skip_ordinal(t, k + 1);
    let date = valid_date(y, i32::from(m), d)?;
    Some(Match {
        date,
        start: i,
        end,
        timed: true,
    })
}

// ---------------------------------------------------------------------------------------------
// Relative dates

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Words that stand for the number one before a unit ("an hour ago", "vor einem Tag").
const ONE_WORDS: &[&str] = &[
    "a", "an", "one", "einem", "einer", "un", "une", "una", "uno", "um", "uma", "een", "ett",
];

/// Words before the number that make it relative ("vor 3 Tagen", "hace 3 días").
/// (Swedish "för … sedan" and Danish "for … siden" are caught by their post-marker.)
const PRE_MARKERS: &[&str] = &["vor", "hace", "há", "ha", "před", "pred"];

/// Words after the unit that make it relative ("3 days ago", "3 giorni fa").
const POST_MARKERS: &[&str] = &[
    "ago",
    "fa",
    "geleden",
    "temu",
    "sedan",
    "siden",
    "назад",
    "тому",
    "önce",
    "atrás",
    "atras",
    "前",
    "전",
];

fn unit_of(word: &str) -> Option<Unit> {
    // An ASCII first letter lowercases to one ASCII byte: only stems that start with it can
    // match (no stem is empty), the others are not compared.
    let first = word
        .as_bytes()
        .first()
        .filter(|b| b.is_ascii())
        .map(u8::to_ascii_lowercase);
    for &(stem, exact, unit) in UNITS {
        if first.is_some() && stem.as_bytes().first() != first.as_ref() {
            continue;
        }
        let hit = if exact {
            lc_eq(word, stem)
        } else {
            lc_starts(word, stem)
        };
        if hit {
            return Some(unit);
        }
    }
    None
}

/// A CJK unit spelled over tokens `k..` (each character a token); returns the unit and the
/// index after it.
fn cjk_unit(t: &Toks<'_>, k: usize) -> Option<(Unit, usize)> {
    let start = t.tok(k)?.start;
    for n in (1..=3).rev() {
        let Some(last) = t.tok(k + n - 1) else {
            continue;
        };
        if (k + 1..k + n).any(|j| !t.glued(j) || t.tok(j).is_none_or(|x| x.kind != Kind::Word)) {
            continue;
        }
        let s = t.text.get(start..last.end)?;
        if let Some(&(_, u)) = CJK_UNITS.iter().find(|(w, _)| *w == s) {
            return Some((u, k + n));
        }
    }
    None
}

/// "3 days ago", "vor 3 Tagen", "il y a 2 jours", "hace 3 días", "3日前", "3天前", "3일 전",
/// "yesterday", "gestern", "昨日".
fn relative(t: &Toks<'_>, i: usize, now: Option<Date>) -> Option<Match> {
    let now = now?;
    if let Some(m) = relative_word(t, i, now) {
        return Some(m);
    }
    // Pre-marker.
    let (has_pre, n_at) = if t.is_word_in(i, PRE_MARKERS) {
        (true, i + 1)
    } else if t.is_word(i, "il") && t.is_word(i + 1, "y") && t.is_word(i + 2, "a") {
        (true, i + 3)
    } else {
        (false, i)
    };
    let n: i64 = match t.tok(n_at)?.kind {
        Kind::Num { val, digits } if digits <= 5 => i64::from(val),
        Kind::Word if t.is_word_in(n_at, ONE_WORDS) => 1,
        _ => return None,
    };
    let (unit, after) = match t.word(n_at + 1).and_then(unit_of) {
        Some(u) => (u, n_at + 2),
        None => cjk_unit(t, n_at + 1)?,
    };
    let has_post = t.is_word_in(after, POST_MARKERS);
    if !(has_pre || has_post) {
        return None;
    }
    let end = if has_post { after + 1 } else { after };
    let date = match unit {
        Unit::Second | Unit::Minute => now,
        Unit::Hour => now.checked_sub(Span::new().try_days(n / 24).ok()?).ok()?,
        Unit::Day => now.checked_sub(Span::new().try_days(n).ok()?).ok()?,
        Unit::Week => now.checked_sub(Span::new().try_weeks(n).ok()?).ok()?,
        Unit::Month => now.checked_sub(Span::new().try_months(n).ok()?).ok()?,
        Unit::Year => now.checked_sub(Span::new().try_years(n).ok()?).ok()?,
    };
    if date.year() < MIN_YEAR {
        return None;
    }
    Some(Match {
        date,
        start: i,
        end,
        timed: false,
    })
}

/// "yesterday", "today", "gestern", "i går", "昨日", "어제", …
fn relative_word(t: &Toks<'_>, i: usize, now: Date) -> Option<Match> {
    let tok = t.tok(i)?;
    // Every day word starts a word token (a CJK one starts with a CJK character, a token of
    // its own): numbers and punctuation are none.
    if tok.kind != Kind::Word {
        return None;
    }
    let rest = t.text.get(tok.start..)?;
    // A word with an ASCII first letter can only be a day word that starts with that letter
    // lowercased (which leaves out the CJK ones too): the others are not compared.
    let first = rest
        .as_bytes()
        .first()
        .filter(|b| b.is_ascii())
        .map(u8::to_ascii_lowercase);
    for &(w, back) in DAY_WORDS {
        if first.is_some() && w.as_bytes().first() != first.as_ref() {
            continue;
        }
        let hit = if w.chars().next().is_some_and(is_cjk) {
            rest.starts_with(w)
        } else {
            t.word(i).is_some_and(|x| lc_eq(x, w))
        };
        if !hit {
            continue;
        }
        let end_byte = tok.start + w.len();
        let mut end = i + 1;
        while t.tok(end).is_some_and(|x| x.end <= end_byte) {
            end += 1;
        }
        let date = now.checked_sub(Span::new().try_days(back).ok()?).ok()?;
        return Some(Match {
            date,
            start: i,
            end,
            timed: true,
        });
    }
    // Danish/Norwegian "i går", "i dag".
    if t.is_word(i, "i") {
        let back = if t.is_word(i + 1, "går") {
            1
        } else if t.is_word(i + 1, "dag") {
            0
        } else {
            return None;
        };
        let date = now.checked_sub(Span::new().try_days(back).ok()?).ok()?;
        return Some(Match {
            date,
            start: i,
            end: i + 2,
            timed: true,
        });
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Time of day

/// Words between a date and its time: "at", "um", "à", "a las", "alle", "às", "om", "kl.".
const TIME_JOINERS: &[&str] = &[
    "at", "um", "à", "a", "las", "la", "alle", "ore", "às", "om", "kl", "klo", "klockan", "o",
    "godz", "godzina", "в", "о", "saat", "t", "le", "ob",
];

/// A time of day starting at token `k` (after optional joiners): `9:15`, `09:15:00`,
/// `9:15 am`, `9:15 Uhr`, `9h15` (not `9.15`), with an optional offset
/// (`Z`, `UTC`, `GMT+2`, `+02:00`, `-0400`, common zone abbreviations).
fn parse_time(t: &Toks<'_>, k: usize) -> Option<(Time, Option<Offset>, usize)> {
    let mut k = k;
    let mut skipped = 0;
    while skipped < 3 {
        let joiner = matches!(
            t.punct(k),
            Some(',' | '-' | '–' | '—' | '·' | '|' | '@' | '.' | '•')
        ) || t.is_word_in(k, TIME_JOINERS);
        if !joiner {
            break;
        }
        k += 1;
        skipped += 1;
    }
    let h = t.num(k, 1, 2)?;
    let (m, mut end) = if (t.punct(k + 1) == Some(':') || t.is_word(k + 1, "h"))
        && t.glued(k + 1)
        && t.glued(k + 2)
    {
        (t.num(k + 2, 2, 2)?, k + 3)
    } else {
        return None;
    };
    let mut s = 0;
    if t.punct(end) == Some(':') && t.glued(end) && t.glued(end + 1) {
        s = t.num(end + 1, 2, 2)?;
        end += 2;
        if matches!(t.punct(end), Some('.' | ','))
            && t.glued(end)
            && t.glued(end + 1)
            && t.num(end + 1, 1, 9).is_some()
        {
            end += 2;
        }
    }
    // am / pm.
    let mut h = h;
    let mut ampm = None;
    if t.is_word_in(end, &["am", "pm"]) {
        ampm = t.word(end).map(|w| lc_eq(w, "pm"));
        end += 1;
    } else if t.is_word_in(end, &["a", "p"])
        && t.punct(end + 1) == Some('.')
        && t.is_word(end + 2, "m")
    {
        ampm = Some(t.is_word(end, "p"));
        end += 3;
        if t.punct(end) == Some('.') && t.glued(end) {
            end += 1;
        }
    } else if t.is_word_in(end, &["uhr", "h", "hs", "hrs"]) {
        end += 1;
    }
    if let Some(pm) = ampm {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let time = Time::new(
        i8::try_from(h).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(s.min(59)).ok()?,
        0,
    )
    .ok()?;
    let (offset, end) = parse_offset_toks(t, end).map_or((None, end), |(o, e)| (Some(o), e));
    Some((time, offset, end))
}

fn parse_offset_toks(t: &Toks<'_>, k: usize) -> Option<(Offset, usize)> {
    let mut k = k;
    if t.punct(k) == Some('(') {
        k += 1;
    }
    if let Some(w) = t.word(k) {
        if lc_eq(w, "z") && t.glued(k) {
            return Some((Offset::UTC, k + 1));
        }
        if lc_eq(w, "utc") || lc_eq(w, "gmt") {
            if let Some((o, e)) = signed_offset(t, k + 1, true) {
                return Some((o, close_paren(t, e)));
            }
            return Some((Offset::UTC, close_paren(t, k + 1)));
        }
        let hours = ZONES
            .iter()
            .find(|(name, _)| w.len() == name.len() && w.eq_ignore_ascii_case(name))?
            .1;
        let o = Offset::from_seconds(i32::from(hours) * 3600).ok()?;
        return Some((o, close_paren(t, k + 1)));
    }
    signed_offset(t, k, false)
}

fn close_paren(t: &Toks<'_>, k: usize) -> usize {
    if t.punct(k) == Some(')') { k + 1 } else { k }
}

/// `+02:00`, `+0200`, `-04`, and after UTC/GMT also `+2`.
fn signed_offset(t: &Toks<'_>, k: usize, short_ok: bool) -> Option<(Offset, usize)> {
    let sign: i32 = match t.punct(k)? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    if !t.glued(k + 1) {
        return None;
    }
    let tok = t.tok(k + 1)?;
    let Kind::Num { val, digits } = tok.kind else {
        return None;
    };
    let val = i32::try_from(val).ok()?;
    let (h, m, end) = match digits {
        4 => (val / 100, val % 100, k + 2),
        2 | 1 if t.punct(k + 2) == Some(':') && t.glued(k + 2) => {
            (val, i32::try_from(t.num(k + 3, 2, 2)?).ok()?, k + 4)
        }
        2 => (val, 0, k + 2),
        1 if short_ok => (val, 0, k + 2),
        _ => return None,
    };
    if h > 18 || m > 59 {
        return None;
    }
    Some((Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()?, end))
}

// ---------------------------------------------------------------------------------------------
// Labels

/// The role given by the last label in `before` (the text in front of a date).
/// Labels of the day someone joined a site ("Registriert: 18.09.2008" in a forum profile):
/// such a date is never the post's.
const JOINED_LABELS: &[&str] = &[
    "registriert",
    "registriert seit",
    "mitglied seit",
    "dabei seit",
    "registered",
    "joined",
    "join date",
    "member since",
    "inscrit",
    "inscrit le",
    "inscription",
    "registrado",
    "iscritto",
    "iscritto il",
    "lid sinds",
    "geregistreerd",
    "зарегистрирован",
    "регистрация",
];

/// Whether the text right before a date ends with a [`JOINED_LABELS`] label (and a colon).
fn joined_label_before(before: &str) -> bool {
    let tail = before
        .trim_end()
        .trim_end_matches([':', '-', '–'])
        .trim_end();
    let lower = bounded_tail(tail, 40).to_lowercase();
    JOINED_LABELS.iter().any(|l| {
        lower.strip_suffix(l).is_some_and(|rest| {
            rest.chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// The last at most `max` bytes of `text`, cut at a character boundary.
fn bounded_tail(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while start < text.len() && !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..).unwrap_or("")
}

fn find_role(before: &str) -> Option<DateRole> {
    if before.trim().is_empty() {
        return None;
    }
    let lower = before.to_lowercase();
    let mut best: Option<(usize, DateRole)> = None;
    for &(label, role) in LABELS {
        let cjk = label.chars().next().is_some_and(is_cjk);
        for (pos, _) in lower.match_indices(label) {
            let boundary = cjk
                || lower
                    .get(..pos)
                    .and_then(|p| p.chars().next_back())
                    .is_none_or(|c| !c.is_alphanumeric());
            if boundary && best.is_none_or(|(p, _)| pos > p) {
                best = Some((pos, role));
            }
        }
    }
    best.map(|(_, r)| r)
}

// ---------------------------------------------------------------------------------------------
// URLs

/// The path of a URL (or of a bare path), without query and fragment.
fn url_path(url: &str) -> &str {
    let url = url.trim();
    let url = url.split(['?', '#']).next().unwrap_or("");
    match url.find("://") {
        Some(p) => {
            let rest = url.get(p + 3..).unwrap_or("");
            rest.find('/').and_then(|s| rest.get(s..)).unwrap_or("")
        }
        None => url,
    }
}

/// A number of 1..=`max` ASCII digits making up all of `s`.
fn small_num(s: &str, max: usize) -> Option<u32> {
    (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `2021-07-30…`, `2021_07_30…`, `20210730…` at the start of a path segment or after a `-`/`_`
/// in it, not followed by another digit.
fn date_in_segment(seg: &str) -> Option<Date> {
    let b = seg.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |r: Range<usize>| -> Option<i32> { seg.get(r)?.parse().ok() };
    let mut start: usize = 0;
    loop {
        if (start == 0 || matches!(b.get(start.wrapping_sub(1)), Some(b'-' | b'_')))
            && (0..4).all(|k| digit(start + k))
            && !digit(start + 4)
        {
            let s = start;
            let sep = b.get(s + 4).copied();
            if matches!(sep, Some(b'-' | b'_'))
                && digit(s + 5)
                && digit(s + 6)
                && b.get(s + 7).copied() == sep
                && digit(s + 8)
                && digit(s + 9)
                && !digit(s + 10)
            {
                let d = u32::try_from(num(s + 8..s + 10)?).ok()?;
                if let Some(date) = valid_date(num(s..s + 4)?, num(s + 5..s + 7)?, d) {
                    return Some(date);
                }
            }
        }
        if start == 0
            && (0..8).all(digit)
            && !digit(8)
            && matches!(b.get(8), None | Some(b'-' | b'_' | b'.'))
        {
            let d = u32::try_from(num(6..8)?).ok()?;
            if let Some(date) = valid_date(num(0..4)?, num(4..6)?, d) {
                return Some(date);
            }
        }
        match seg.get(start + 1..)?.find(['-', '_']) {
            Some(p) => start = start + 1 + p + 1,
            None => return None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tables

/// Month names, lowercase: full, genitive/declined and irregular abbreviations (regular
/// abbreviations are prefixes and need no entry).
/// What a lowercase word is to the month names of [`MONTHS`], for [`month_of`].
#[derive(Debug, Clone, Copy, Default)]
struct MonthPrefix {
    /// The month of the name equal to it.
    exact: Option<i8>,
    /// The month of all names it is a prefix of (itself included), `None` when they name
    /// several months.
    prefix_of: Option<i8>,
}

/// Every prefix of every name of [`MONTHS`] (at character boundaries, the whole name
/// included) with what it is to them: [`month_of`] then costs one lookup, whatever the word.
/// Built once, immutable.
static MONTH_PREFIXES: std::sync::LazyLock<crate::text::WordMap<&'static [u8], MonthPrefix>> =
    std::sync::LazyLock::new(|| {
        let mut map: crate::text::WordMap<&'static [u8], (MonthPrefix, bool)> =
            crate::text::WordMap::default();
        for &(name, m) in MONTHS {
            let ends = name.char_indices().skip(1).map(|(i, _)| i);
            for end in ends.chain([name.len()]) {
                let Some(prefix) = name.as_bytes().get(..end) else {
                    continue;
                };
                // `.1` is set once two months share the prefix.
                let (entry, mixed) = map.entry(prefix).or_default();
                if end == name.len() {
                    entry.exact = Some(m);
                }
                match entry.prefix_of {
                    None if !*mixed => entry.prefix_of = Some(m),
                    Some(f) if f != m => {
                        entry.prefix_of = None;
                        *mixed = true;
                    }
                    _ => {}
                }
            }
        }
        map.into_iter().map(|(k, (e, _))| (k, e)).collect()
    });

const MONTHS: &[(&str, i8)] = &[
    // en
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    // de
    ("januar", 1),
    ("jänner", 1),
    ("jän", 1),
    ("februar", 2),
    ("feber", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mrz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // fr
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // es
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // it
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // pt
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // nl
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mrt", 3),
    ("mei", 5),
    ("augustus", 8),
    // sv / da
    ("augusti", 8),
    ("maj", 5),
    ("marts", 3),
    // pl (nominative and genitive)
    ("styczeń", 1),
    ("stycznia", 1),
    ("luty", 2),
    ("lutego", 2),
    ("marzec", 3),
    ("marca", 3),
    ("kwiecień", 4),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwiec", 6),
    ("czerwca", 6),
    ("lipiec", 7),
    ("lipca", 7),
    ("sierpień", 8),
    ("sierpnia", 8),
    ("wrzesień", 9),
    ("września", 9),
    ("październik", 10),
    ("października", 10),
    ("listopad", 11),
    ("listopada", 11),
    ("grudzień", 12),
    ("grudnia", 12),
    // cs
    ("leden", 1),
    ("ledna", 1),
    ("únor", 2),
    ("února", 2),
    ("březen", 3),
    ("března", 3),
    ("duben", 4),
    ("dubna", 4),
    ("květen", 5),
    ("května", 5),
    ("červen", 6),
    ("června", 6),
    ("červenec", 7),
    ("července", 7),
    ("srpen", 8),
    ("srpna", 8),
    ("září", 9),
    ("říjen", 10),
    ("října", 10),
    ("listopadu", 11),
    ("prosinec", 12),
    ("prosince", 12),
    // ru
    ("январь", 1),
    ("января", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("март", 3),
    ("марта", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июль", 7),
    ("июля", 7),
    ("август", 8),
    ("августа", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("декабрь", 12),
    ("декабря", 12),
    // uk
    ("січень", 1),
    ("січня", 1),
    ("лютий", 2),
    ("лютого", 2),
    ("березень", 3),
    ("березня", 3),
    ("квітень", 4),
    ("квітня", 4),
    ("травень", 5),
    ("травня", 5),
    ("червень", 6),
    ("червня", 6),
    ("липень", 7),
    ("липня", 7),
    ("серпень", 8),
    ("серпня", 8),
    ("вересень", 9),
    ("вересня", 9),
    ("жовтень", 10),
    ("жовтня", 10),
    ("листопад", 11),
    ("листопада", 11),
    ("грудень", 12),
    ("грудня", 12),
    // tr
    ("ocak", 1),
    ("şubat", 2),
    ("subat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("agustos", 8),
    ("eylül", 9),
    ("eylul", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("kasim", 11),
    ("aralık", 12),
    ("aralik", 12),
];

/// Labels announcing a date's role, lowercase; matched at a word start (anywhere for CJK).
const LABELS: &[(&str, DateRole)] = &[
    // Updated
    ("updated", DateRole::Updated),
    ("update:", DateRole::Updated),
    ("modified", DateRole::Updated),
    ("edited", DateRole::Updated),
    ("revised", DateRole::Updated),
    ("aktualisiert", DateRole::Updated),
    ("geändert", DateRole::Updated),
    ("stand:", DateRole::Updated),
    ("mis à jour", DateRole::Updated),
    ("mise à jour", DateRole::Updated),
    ("actualisé", DateRole::Updated),
    ("modifié", DateRole::Updated),
    ("actualizado", DateRole::Updated),
    ("actualización", DateRole::Updated),
    ("modificado", DateRole::Updated),
    ("aggiornato", DateRole::Updated),
    ("aggiornamento", DateRole::Updated),
    ("modificato", DateRole::Updated),
    ("atualizado", DateRole::Updated),
    ("atualização", DateRole::Updated),
    ("bijgewerkt", DateRole::Updated),
    ("gewijzigd", DateRole::Updated),
    ("zaktualizowano", DateRole::Updated),
    ("aktualizacja", DateRole::Updated),
    ("zmodyfikowano", DateRole::Updated),
    ("uppdaterad", DateRole::Updated),
    ("uppdaterat", DateRole::Updated),
    ("opdateret", DateRole::Updated),
    ("aktualizováno", DateRole::Updated),
    ("upraveno", DateRole::Updated),
    ("обновлено", DateRole::Updated),
    ("обновлен", DateRole::Updated),
    ("обновлён", DateRole::Updated),
    ("изменено", DateRole::Updated),
    ("оновлено", DateRole::Updated),
    ("змінено", DateRole::Updated),
    ("güncellendi", DateRole::Updated),
    ("güncelleme", DateRole::Updated),
    ("guncellendi", DateRole::Updated),
    ("更新", DateRole::Updated),
    ("修改", DateRole::Updated),
    ("업데이트", DateRole::Updated),
    ("수정", DateRole::Updated),
    ("갱신", DateRole::Updated),
    // Published
    ("published", DateRole::Published),
    ("posted", DateRole::Published),
    ("created", DateRole::Published),
    ("written", DateRole::Published),
    ("veröffentlicht", DateRole::Published),
    ("publiziert", DateRole::Published),
    ("erschienen", DateRole::Published),
    ("erstellt", DateRole::Published),
    ("publié", DateRole::Published),
    ("posté", DateRole::Published),
    ("paru", DateRole::Published),
    ("publicado", DateRole::Published),
    ("publicación", DateRole::Published),
    ("pubblicato", DateRole::Published),
    ("pubblicazione", DateRole::Published),
    ("postado", DateRole::Published),
    ("gepubliceerd", DateRole::Published),
    ("geplaatst", DateRole::Published),
    ("opublikowano", DateRole::Published),
    ("opublikowany", DateRole::Published),
    ("data publikacji", DateRole::Published),
    ("publicerad", DateRole::Published),
    ("publicerat", DateRole::Published),
    ("udgivet", DateRole::Published),
    ("publiceret", DateRole::Published),
    ("publikováno", DateRole::Published),
    ("zveřejněno", DateRole::Published),
    ("vydáno", DateRole::Published),
    ("опубликовано", DateRole::Published),
    ("опубликован", DateRole::Published),
    ("дата публикации", DateRole::Published),
    ("опубліковано", DateRole::Published),
    ("yayınlanma", DateRole::Published),
    ("yayınlandı", DateRole::Published),
    ("yayımlanma", DateRole::Published),
    ("yayın tarihi", DateRole::Published),
    ("yayinlanma", DateRole::Published),
    ("公開", DateRole::Published),
    ("投稿", DateRole::Published),
    ("掲載", DateRole::Published),
    ("发布", DateRole::Published),
    ("發布", DateRole::Published),
    ("發佈", DateRole::Published),
    ("发表", DateRole::Published),
    ("發表", DateRole::Published),
    ("게시", DateRole::Published),
    ("작성", DateRole::Published),
    ("입력", DateRole::Published),
    ("등록", DateRole::Published),
    ("발행", DateRole::Published),
];

/// Relative units: (lowercase stem, exact match only, unit). Checked in order.
const UNITS: &[(&str, bool, Unit)] = &[
    ("s", true, Unit::Second),
    ("h", true, Unit::Hour),
    ("d", true, Unit::Day),
    ("w", true, Unit::Week),
    ("mo", true, Unit::Month),
    ("y", true, Unit::Year),
    ("sec", false, Unit::Second),
    ("sekund", false, Unit::Second),
    ("segund", false, Unit::Second),
    ("секунд", false, Unit::Second),
    ("saniye", false, Unit::Second),
    ("month", false, Unit::Month),
    ("monat", false, Unit::Month),
    ("mois", false, Unit::Month),
    ("mes", false, Unit::Month),
    ("maand", false, Unit::Month),
    ("miesi", false, Unit::Month),
    ("måna", false, Unit::Month),
    ("måne", false, Unit::Month),
    ("měsí", false, Unit::Month),
    ("месяц", false, Unit::Month),
    ("місяц", false, Unit::Month),
    ("ay", true, Unit::Month),
    ("min", false, Unit::Minute),
    ("минут", false, Unit::Minute),
    ("хвилин", false, Unit::Minute),
    ("dakika", false, Unit::Minute),
    ("hour", false, Unit::Hour),
    ("hr", false, Unit::Hour),
    ("stund", false, Unit::Hour),
    ("std", true, Unit::Hour),
    ("heure", false, Unit::Hour),
    ("hora", false, Unit::Hour),
    ("ora", true, Unit::Hour),
    ("ore", true, Unit::Hour),
    ("uur", true, Unit::Hour),
    ("godzin", false, Unit::Hour),
    ("tim", false, Unit::Hour),
    ("hodin", false, Unit::Hour),
    ("час", false, Unit::Hour),
    ("годин", false, Unit::Hour),
    ("saat", true, Unit::Hour),
    ("day", false, Unit::Day),
    ("tag", false, Unit::Day),
    ("jour", false, Unit::Day),
    ("día", false, Unit::Day),
    ("dia", false, Unit::Day),
    ("giorn", false, Unit::Day),
    ("dag", false, Unit::Day),
    ("dni", true, Unit::Day),
    ("dzień", true, Unit::Day),
    ("dzien", true, Unit::Day),
    ("den", true, Unit::Day),
    ("dny", true, Unit::Day),
    ("dní", true, Unit::Day),
    ("день", true, Unit::Day),
    ("дн", false, Unit::Day),
    ("gün", true, Unit::Day),
    ("week", false, Unit::Week),
    ("woche", false, Unit::Week),
    ("semaine", false, Unit::Week),
    ("semana", false, Unit::Week),
    ("settiman", false, Unit::Week),
    ("tydz", false, Unit::Week),
    ("tygodn", false, Unit::Week),
    ("veck", false, Unit::Week),
    ("uge", false, Unit::Week),
    ("týd", false, Unit::Week),
    ("недел", false, Unit::Week),
    ("неділ", false, Unit::Week),
    ("тиж", false, Unit::Week),
    ("hafta", true, Unit::Week),
    ("year", false, Unit::Year),
    ("yr", false, Unit::Year),
    ("jahr", false, Unit::Year),
    ("an", true, Unit::Year),
    ("ans", true, Unit::Year),
    ("année", false, Unit::Year),
    ("año", false, Unit::Year),
    ("ano", false, Unit::Year),
    ("anni", true, Unit::Year),
    ("anno", true, Unit::Year),
    ("jaar", false, Unit::Year),
    ("rok", false, Unit::Year),
    ("lat", true, Unit::Year),
    ("lata", true, Unit::Year),
    ("let", true, Unit::Year),
    ("år", true, Unit::Year),
    ("год", false, Unit::Year),
    ("лет", true, Unit::Year),
    ("рік", true, Unit::Year),
    ("роки", true, Unit::Year),
    ("років", true, Unit::Year),
    ("yıl", true, Unit::Year),
];

/// CJK relative units as written between the number and 前/전.
const CJK_UNITS: &[(&str, Unit)] = &[
    ("秒", Unit::Second),
    ("초", Unit::Second),
    ("分", Unit::Minute),
    ("分钟", Unit::Minute),
    ("分鐘", Unit::Minute),
    ("분", Unit::Minute),
    ("時間", Unit::Hour),
    ("小时", Unit::Hour),
    ("小時", Unit::Hour),
    ("个小时", Unit::Hour),
    ("個小時", Unit::Hour),
    ("시간", Unit::Hour),
    ("日", Unit::Day),
    ("天", Unit::Day),
    ("일", Unit::Day),
    ("週間", Unit::Week),
    ("週", Unit::Week),
    ("周", Unit::Week),
    ("星期", Unit::Week),
    ("个星期", Unit::Week),
    ("주", Unit::Week),
    ("ヶ月", Unit::Month),
    ("か月", Unit::Month),
    ("カ月", Unit::Month),
    ("个月", Unit::Month),
    ("個月", Unit::Month),
    ("개월", Unit::Month),
    ("달", Unit::Month),
    ("年", Unit::Year),
    ("년", Unit::Year),
];

/// Words for a day relative to today: (word, days back).
const DAY_WORDS: &[(&str, i64)] = &[
    ("today", 0),
    ("yesterday", 1),
    ("heute", 0),
    ("gestern", 1),
    ("vorgestern", 2),
    ("aujourd", 0),
    ("hier", 1),
    ("hoy", 0),
    ("ayer", 1),
    ("anteayer", 2),
    ("oggi", 0),
    ("ieri", 1),
    ("hoje", 0),
    ("ontem", 1),
    ("vandaag", 0),
    ("gisteren", 1),
    ("dzisiaj", 0),
    ("dziś", 0),
    ("wczoraj", 1),
    ("idag", 0),
    ("igår", 1),
    ("dnes", 0),
    ("včera", 1),
    ("сегодня", 0),
    ("вчера", 1),
    ("позавчера", 2),
    ("сьогодні", 0),
    ("вчора", 1),
    ("bugün", 0),
    ("dün", 1),
    ("一昨日", 2),
    ("昨日", 1),
    ("今日", 0),
    ("前天", 2),
    ("昨天", 1),
    ("今天", 0),
    ("그저께", 2),
    ("어제", 1),
    ("오늘", 0),
];

/// Zone abbreviations read after a time of day, with their UTC offset in hours.
const ZONES: &[(&str, i8)] = &[
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("CET", 1),
    ("CEST", 2),
    ("MEZ", 1),
    ("MESZ", 2),
    ("BST", 1),
    ("EET", 2),
    ("EEST", 3),
    ("MSK", 3),
    ("JST", 9),
    ("KST", 9),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PageDate;

    fn now() -> Date {
        Date::new(2024, 6, 15).unwrap_or_default()
    }

    fn iso(v: DateValue) -> String {
        PageDate::new(v, "").iso()
    }

    /// The ISO form of the first date in `text` (no reference date).
    fn d(text: &str, lang: &str) -> Option<String> {
        find_date(text, Some(lang), None).map(|f| iso(f.value))
    }

    /// The ISO form with `now` = 2024-06-15.
    fn dn(text: &str, lang: &str) -> Option<String> {
        find_date(text, Some(lang), Some(now())).map(|f| iso(f.value))
    }

    fn role(text: &str, lang: &str) -> Option<DateRole> {
        find_date(text, Some(lang), None).and_then(|f| f.role)
    }

    fn assert_dates(lang: &str, cases: &[(&str, &str)]) {
        for (text, want) in cases {
            assert_eq!(d(text, lang).as_deref(), Some(*want), "{lang}: {text:?}");
        }
    }

    /// `word` lowercased is a prefix of `entry`.
    fn lc_prefix_of(word: &str, entry: &str) -> bool {
        let mut e = entry.chars();
        word.chars()
            .flat_map(char::to_lowercase)
            .all(|c| e.next() == Some(c))
    }

    /// [`month_of`] by a plain scan of the table: a name equal to the word lowercased, else
    /// (for three letters or more) the one month of all names it is a prefix of.
    fn month_of_by_scan(word: &str) -> Option<i8> {
        if word.len() > 40 {
            return None;
        }
        if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| lc_eq(word, name)) {
            return Some(m);
        }
        if word.chars().count() < 3 {
            return None;
        }
        let mut ms = MONTHS
            .iter()
            .filter(|(name, _)| lc_prefix_of(word, name))
            .map(|&(_, m)| m);
        let m = ms.next()?;
        ms.all(|m2| m2 == m).then_some(m)
    }

    #[test]
    fn digits_of_either_width() {
        assert!(has_digit("Posted 3 days"));
        assert!(has_digit("年９月"));
        assert!(!has_digit("Posted by Jane, July"));
        assert!(!has_digit("ｘ"));
        assert!(!has_digit("Ｘ＿ｙ"));
        // Every fullwidth digit, and nothing next to them.
        for c in ('\u{FF00}'..='\u{FF5F}').chain('/'..=':') {
            assert_eq!(has_digit(&c.to_string()), digit_val(c).is_some(), "{c}");
        }
        // Without a digit and without `now`, no date (and no tokenizing).
        assert_eq!(find_date("Updated July the first", Some("en"), None), None);
        assert_eq!(
            find_date("Updated ２０２４年３月５日", Some("ja"), None).map(|f| iso(f.value)),
            Some("2024-03-05".to_string())
        );
    }

    #[test]
    fn unit_words() {
        let by_scan = |word: &str| {
            UNITS.iter().find_map(|&(stem, exact, unit)| {
                let hit = if exact {
                    lc_eq(word, stem)
                } else {
                    lc_starts(word, stem)
                };
                hit.then_some(unit)
            })
        };
        let mut words: Vec<String> = ["", "x", "Days", "MINUTEN", "Ｍin", "Kelvin", "İl"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for (stem, _, _) in UNITS {
            assert!(!stem.is_empty());
            words.push(stem.to_string());
            words.push(stem.to_uppercase());
            words.push(format!("{stem}en"));
        }
        for w in &words {
            assert_eq!(unit_of(w), by_scan(w), "{w}");
        }
        assert_eq!(unit_of("Hours"), Some(Unit::Hour));
    }

    #[test]
    fn day_words_any_case() {
        // Every day word, as written and in capitals, is read (one day back at most two).
        for &(w, back) in DAY_WORDS {
            for text in [w.to_string(), w.to_uppercase(), format!("Posted {w}")] {
                let found = find_date(&text, None, Some(now())).map(|f| f.value);
                let day = now().checked_sub(Span::new().days(back)).ok();
                assert_eq!(found, day.map(DateValue::Day), "{text}");
            }
        }
        assert_eq!(find_date("Posted 3 days", None, Some(now())), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_of("Sept"), Some(9));
        assert_eq!(month_of("MÄRZ"), Some(3));
        assert_eq!(month_of("Janv"), Some(1));
        assert_eq!(month_of("ja"), None);
        assert_eq!(month_of(""), None);
        assert_eq!(month_of("Ma"), None);
        assert_eq!(month_of("Mayday"), None);
        assert_eq!(month_of(&"İ".repeat(20)), None);
        // The sorted table answers as a scan of all names would, for every name, every
        // prefix of one, in any case, and a few non-names.
        let mut words: Vec<String> = vec!["Ma".into(), "x".into(), "zzz".into(), "İstanbul".into()];
        for (name, _) in MONTHS {
            for (i, _) in name.char_indices().skip(1) {
                words.push(name[..i].to_string());
            }
            words.push(name.to_string());
            words.push(name.to_uppercase());
            words.push(format!("{name}s"));
        }
        for w in &words {
            assert_eq!(month_of(w), month_of_by_scan(w), "{w}");
        }
    }

    #[test]
    fn english() {
        assert_dates(
            "en",
            &[
                ("Updated: Jul 30, 2021", "2021-07-30"),
                ("Published 3 March 2024", "2024-03-03"),
                ("Posted on Thursday, May 26, 2016", "2016-05-26"),
                ("July 30th, 2021", "2021-07-30"),
                ("30th of July 2021", "2021-07-30"),
                ("Sept. 5, 2021", "2021-09-05"),
                ("Jul 30, 2021 at 9:15 am", "2021-07-30T09:15:00"),
                ("Jul 30, 2021 at 9:15 p.m.", "2021-07-30T21:15:00"),
                ("July 30, 2021 12:05 AM EDT", "2021-07-30T00:05:00-04:00"),
                ("07/30/2021", "2021-07-30"),
                ("07/08/2021", "2021-07-08"),
                ("30/07/2021", "2021-07-30"),
                ("2021-07-30", "2021-07-30"),
                ("2021/07/30 09:15", "2021-07-30T09:15:00"),
                ("26 Sep 2020 · 8 min read", "2020-09-26"),
                ("2021 Jul 30", "2021-07-30"),
            ],
        );
        assert_eq!(d("07/08/2021", "en-GB").as_deref(), Some("2021-08-07"));
        assert_eq!(d("07/08/2021", "en-US").as_deref(), Some("2021-07-08"));
        assert_eq!(d("07/08/2021", "fr").as_deref(), Some("2021-08-07"));
        assert_eq!(role("Updated: Jul 30, 2021", "en"), Some(DateRole::Updated));
        assert_eq!(
            role("Last updated on Jul 30, 2021", "en"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Posted on Jul 30, 2021", "en"),
            Some(DateRole::Published)
        );
        assert_eq!(role("Jul 30, 2021", "en"), None);
        assert_eq!(
            role("Published Jan 2, 2020 · Updated Jul 30, 2021", "en"),
            Some(DateRole::Published)
        );
        let f = find_date("Updated: Jul 30, 2021", Some("en"), None);
        assert_eq!(f.map(|f| f.span), Some(9..21));
    }

    #[test]
    fn german_french_spanish() {
        assert_dates(
            "de",
            &[
                ("Aktualisiert am 3. März 2024", "2024-03-03"),
                ("2. Okt. 2022", "2022-10-02"),
                ("10. Februar 2019", "2019-02-10"),
                ("26 | 01 | 2022", "2022-01-26"),
                ("30.07.2021 09:15", "2021-07-30T09:15:00"),
                ("30.07.21", "2021-07-30"),
                (
                    "Veröffentlicht: 1. Jänner 2020 um 14:30 Uhr",
                    "2020-01-01T14:30:00",
                ),
                ("3. Mrz. 2024", "2024-03-03"),
                (
                    "Von Deutscher Tennis Bund 4.\u{2009}2.\u{2009}2022.",
                    "2022-02-04",
                ),
                ("14. 11. 2021 um 9:05", "2021-11-14T09:05:00"),
                ("Registriert: 18.09.2008 Beitrag: 21.01.2009", "2009-01-21"),
            ],
        );
        assert_eq!(
            role("Aktualisiert am 3. März 2024", "de"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Veröffentlicht am 3. März 2024", "de"),
            Some(DateRole::Published)
        );
        assert_dates(
            "fr",
            &[
                ("le 3 mars 2024", "2024-03-03"),
                ("Publié le 1er mars 2024 à 9h15", "2024-03-01T09:15:00"),
                ("Mis à jour le 12 févr. 2023", "2023-02-12"),
                ("mar. 30 juil. 2021", "2021-07-30"),
                ("30 août 2021", "2021-08-30"),
            ],
        );
        assert_eq!(
            role("Mis à jour le 12 févr. 2023", "fr"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Publié le 1er mars 2024", "fr"),
            Some(DateRole::Published)
        );
        assert_dates(
            "es",
            &[
                ("3 de marzo de 2024", "2024-03-03"),
                ("Actualizado el 5 de sept. de 2021", "2021-09-05"),
                ("Publicado: 1º de enero de 2022", "2022-01-01"),
                ("15/03/2022", "2022-03-15"),
                ("05/03/2022", "2022-03-05"),
            ],
        );
        assert_eq!(
            role("Actualizado el 5 de sept. de 2021", "es"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Publicado: 1 de enero de 2022", "es"),
            Some(DateRole::Published)
        );
    }

    #[test]
    fn romance_germanic_nordic() {
        assert_dates(
            "it",
            &[
                ("Pubblicato il 3 marzo 2024", "2024-03-03"),
                ("12 giu 2023", "2023-06-12"),
                ("Aggiornato: 1 luglio 2021", "2021-07-01"),
            ],
        );
        assert_eq!(
            role("Aggiornato: 1 luglio 2021", "it"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Pubblicato il 3 marzo 2024", "it"),
            Some(DateRole::Published)
        );
        assert_dates(
            "pt",
            &[
                ("3 de março de 2024", "2024-03-03"),
                ("Atualizado em 10 out 2022", "2022-10-10"),
                ("Publicado em 02/01/2020", "2020-01-02"),
            ],
        );
        assert_eq!(
            role("Atualizado em 10 out 2022", "pt"),
            Some(DateRole::Updated)
        );
        assert_dates(
            "nl",
            &[
                ("3 maart 2024", "2024-03-03"),
                ("Bijgewerkt op 12 mrt. 2024", "2024-03-12"),
                ("Gepubliceerd: 1 mei 2020", "2020-05-01"),
            ],
        );
        assert_eq!(
            role("Bijgewerkt op 12 mrt. 2024", "nl"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Gepubliceerd: 1 mei 2020", "nl"),
            Some(DateRole::Published)
        );
        assert_dates(
            "sv",
            &[
                ("3 mars 2024", "2024-03-03"),
                (
                    "Publicerad 12 augusti 2021 kl. 10:05",
                    "2021-08-12T10:05:00",
                ),
                ("Uppdaterad 2021-08-13", "2021-08-13"),
            ],
        );
        assert_eq!(role("Uppdaterad 2021-08-13", "sv"), Some(DateRole::Updated));
        assert_dates(
            "da",
            &[
                ("3. marts 2024", "2024-03-03"),
                ("Udgivet 1. maj 2020", "2020-05-01"),
                ("Opdateret 30.07.2021", "2021-07-30"),
            ],
        );
        assert_eq!(role("Opdateret 30.07.2021", "da"), Some(DateRole::Updated));
        assert_eq!(role("Udgivet 1. maj 2020", "da"), Some(DateRole::Published));
    }

    #[test]
    fn slavic_turkish() {
        assert_dates(
            "pl",
            &[
                ("3 marca 2024", "2024-03-03"),
                ("Opublikowano: 12 września 2021", "2021-09-12"),
                ("Zaktualizowano 1 lutego 2022 r.", "2022-02-01"),
                ("30.07.2021", "2021-07-30"),
            ],
        );
        assert_eq!(
            role("Zaktualizowano 1 lutego 2022 r.", "pl"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Opublikowano: 12 września 2021", "pl"),
            Some(DateRole::Published)
        );
        assert_dates(
            "cs",
            &[
                ("3. března 2024", "2024-03-03"),
                ("Publikováno 1. července 2021", "2021-07-01"),
                ("Aktualizováno 5. června 2021", "2021-06-05"),
            ],
        );
        assert_eq!(
            role("Aktualizováno 5. června 2021", "cs"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Publikováno 1. července 2021", "cs"),
            Some(DateRole::Published)
        );
        assert_dates(
            "ru",
            &[
                ("3 марта 2024 г.", "2024-03-03"),
                (
                    "Опубликовано: 12 сентября 2021, 14:05",
                    "2021-09-12T14:05:00",
                ),
                ("Обновлено 1 янв. 2022", "2022-01-01"),
            ],
        );
        assert_eq!(role("Обновлено 1 янв. 2022", "ru"), Some(DateRole::Updated));
        assert_eq!(
            role("Опубликовано: 12 сентября 2021", "ru"),
            Some(DateRole::Published)
        );
        assert_dates(
            "uk",
            &[
                ("3 березня 2024 р.", "2024-03-03"),
                ("Оновлено 30 липня 2021", "2021-07-30"),
                ("Опубліковано 1 листопада 2020", "2020-11-01"),
            ],
        );
        assert_eq!(
            role("Оновлено 30 липня 2021", "uk"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Опубліковано 1 листопада 2020", "uk"),
            Some(DateRole::Published)
        );
        assert_dates(
            "tr",
            &[
                ("3 Mart 2024", "2024-03-03"),
                ("Güncellendi: 12 Ağustos 2021", "2021-08-12"),
                ("Yayınlanma: 1 Kasım 2020 10:00", "2020-11-01T10:00:00"),
            ],
        );
        assert_eq!(
            role("Güncellendi: 12 Ağustos 2021", "tr"),
            Some(DateRole::Updated)
        );
        assert_eq!(
            role("Yayınlanma: 1 Kasım 2020", "tr"),
            Some(DateRole::Published)
        );
    }

    #[test]
    fn cjk() {
        assert_dates(
            "ja",
            &[
                ("2024年3月5日", "2024-03-05"),
                ("公開日：2024年3月5日 10:30", "2024-03-05T10:30:00"),
                ("更新日 2023/12/01", "2023-12-01"),
                ("２０２４年３月５日", "2024-03-05"),
            ],
        );
        assert_eq!(role("更新日：2023年12月1日", "ja"), Some(DateRole::Updated));
        assert_eq!(
            role("投稿日：2023年12月1日", "ja"),
            Some(DateRole::Published)
        );
        assert_eq!(
            role("公開日：2024年3月5日", "ja"),
            Some(DateRole::Published)
        );
        assert_dates(
            "zh",
            &[
                ("发布于 2024年03月05日", "2024-03-05"),
                ("更新于2023-12-01 08:00", "2023-12-01T08:00:00"),
            ],
        );
        assert_eq!(
            role("发布于 2024年03月05日", "zh"),
            Some(DateRole::Published)
        );
        assert_eq!(role("发表于 2024-03-05", "zh"), Some(DateRole::Published));
        assert_eq!(role("更新于2023-12-01", "zh"), Some(DateRole::Updated));
        assert_dates(
            "ko",
            &[
                ("2024년 3월 5일", "2024-03-05"),
                ("업데이트 2024. 3. 5.", "2024-03-05"),
                ("게시 2024.03.05 14:20", "2024-03-05T14:20:00"),
            ],
        );
        assert_eq!(role("업데이트 2024. 3. 5.", "ko"), Some(DateRole::Updated));
        assert_eq!(role("게시 2024.03.05", "ko"), Some(DateRole::Published));
    }

    #[test]
    fn relative_dates() {
        let cases: &[(&str, &str, &str)] = &[
            ("en", "3 days ago", "2024-06-12"),
            ("en", "2 hours ago", "2024-06-15"),
            ("en", "a week ago", "2024-06-08"),
            ("en", "yesterday at 9:15 pm", "2024-06-14T21:15:00"),
            ("en", "Posted on Jan 5", "2024-01-05"),
            ("en", "Posted on Dec 5", "2023-12-05"),
            ("de", "vor 3 Tagen", "2024-06-12"),
            ("de", "vor einem Monat", "2024-05-15"),
            ("de", "gestern", "2024-06-14"),
            ("fr", "il y a 2 jours", "2024-06-13"),
            ("es", "hace 3 días", "2024-06-12"),
            ("it", "3 giorni fa", "2024-06-12"),
            ("pt", "há 2 semanas", "2024-06-01"),
            ("nl", "4 dagen geleden", "2024-06-11"),
            ("pl", "5 dni temu", "2024-06-10"),
            ("sv", "för 2 dagar sedan", "2024-06-13"),
            ("da", "for 2 dage siden", "2024-06-13"),
            ("cs", "před 3 dny", "2024-06-12"),
            ("ru", "3 дня назад", "2024-06-12"),
            ("uk", "2 дні тому", "2024-06-13"),
            ("tr", "3 gün önce", "2024-06-12"),
            ("ja", "3日前", "2024-06-12"),
            ("ja", "2時間前", "2024-06-15"),
            ("zh", "3天前", "2024-06-12"),
            ("zh", "1个月前", "2024-05-15"),
            ("ko", "3일 전", "2024-06-12"),
            ("ja", "昨日", "2024-06-14"),
            ("ko", "3月5日", "2024-03-05"),
        ];
        for (lang, text, want) in cases {
            assert_eq!(dn(text, lang).as_deref(), Some(*want), "{lang}: {text:?}");
            assert_eq!(d(text, lang), None, "no reference: {text:?}");
        }
    }

    #[test]
    fn rejects() {
        for text in [
            "Feb 31, 2021",
            "31.02.2021",
            "May 3, 1850",
            "May 3, 2150",
            "3 days",
            "version 1.2.3",
            "10.0.0.1",
            "Call 030/12/345",
            "12:55 AM",
            "March 2021",
            "",
            "2021",
            "1.234.567 views",
            "4. 2. 22",
            "4 .2 .2022",
            "Punkte 3. 4. 5. 2022",
            "Registriert: 18.09.2008, 05:56",
            "Member since March 3, 2015",
            "3 |4| 2021",
            "Punkte | 1 | 2 | 2020",
            "1 | 2 | 2020 | 5",
        ] {
            assert_eq!(d(text, "en"), None, "{text:?}");
        }
        // Future dates are rejected when a reference is given.
        assert_eq!(dn("July 30, 2025", "en"), None);
        assert_eq!(dn("June 16, 2024", "en").as_deref(), Some("2024-06-16"));
        // Long text: only a bounded prefix is read.
        let long = format!("{} July 30, 2021", "x ".repeat(400));
        assert_eq!(d(&long, "en"), None);
        // Odd bytes never panic.
        for s in [
            "2021-07-3é",
            "é2021-07-30",
            "٣ مارس",
            "30.07.２０２１",
            "+++::--//..",
            "年月日",
        ] {
            let _ = find_date(s, None, Some(now()));
            let _ = parse_structured(s);
            let _ = date_from_url(s);
        }
    }

    #[test]
    fn offsets() {
        assert_eq!(
            d("30.07.2021 09:15 +02:00", "de").as_deref(),
            Some("2021-07-30T09:15:00+02:00")
        );
        assert_eq!(
            d("Jul 30, 2021 9:15 UTC", "en").as_deref(),
            Some("2021-07-30T09:15:00Z")
        );
        assert_eq!(
            d("Jul 30, 2021 9:15 GMT+2", "en").as_deref(),
            Some("2021-07-30T09:15:00+02:00")
        );
        assert_eq!(
            d("2021-07-30T09:15:00Z", "en").as_deref(),
            Some("2021-07-30T09:15:00Z")
        );
    }

    #[test]
    fn urls() {
        let u = |s: &str| date_from_url(s).map(iso);
        assert_eq!(
            u("https://ex.com/2021/07/30/slug/").as_deref(),
            Some("2021-07-30")
        );
        assert_eq!(u("/2021/7/3/slug").as_deref(), Some("2021-07-03"));
        assert_eq!(
            u("https://ex.com/blog/2021-07-30-my-post").as_deref(),
            Some("2021-07-30")
        );
        assert_eq!(
            u("https://ex.com/news/my-post-2021-07-30.html").as_deref(),
            Some("2021-07-30")
        );
        assert_eq!(
            u("https://ex.com/20210730/slug").as_deref(),
            Some("2021-07-30")
        );
        assert_eq!(u("https://ex.com/2021/07/slug"), None);
        assert_eq!(
            month_from_url("https://ex.com/2021/07/slug"),
            Some((2021, 7))
        );
        assert_eq!(u("https://ex.com/2021/02/31/slug"), None);
        assert_eq!(u("https://ex.com/1850/07/30/slug"), None);
        assert_eq!(u("https://2021.com/post?d=2021/07/30"), None);
        assert_eq!(u("https://ex.com/p/12345678/"), None);
    }

    #[test]
    fn structured() {
        let p = |s: &str| parse_structured(s).map(iso);
        assert_eq!(p("2021-07-30").as_deref(), Some("2021-07-30"));
        assert_eq!(
            p("2021-07-30 09:15:00 +0200").as_deref(),
            Some("2021-07-30T09:15:00+02:00")
        );
        assert_eq!(
            p("2021-07-30T09:15:00.000Z").as_deref(),
            Some("2021-07-30T09:15:00Z")
        );
        assert_eq!(
            p("2021-07-30T09:15").as_deref(),
            Some("2021-07-30T09:15:00")
        );
        assert_eq!(
            p("Fri, 30 Jul 2021 09:15:00 GMT").as_deref(),
            Some("2021-07-30T09:15:00Z")
        );
        assert_eq!(
            p("Fri, 30 Jul 2021 09:15:00 +0200").as_deref(),
            Some("2021-07-30T09:15:00+02:00")
        );
        assert_eq!(p("2021/07/30").as_deref(), Some("2021-07-30"));
        assert_eq!(p("1627636500").as_deref(), Some("2021-07-30T09:15:00Z"));
        assert_eq!(p("1627636500000").as_deref(), Some("2021-07-30T09:15:00Z"));
        assert_eq!(p("July 30, 2021").as_deref(), Some("2021-07-30"));
        assert_eq!(p("0000000001"), None);
        assert_eq!(p("9999999999999"), None);
        assert_eq!(p("not a date"), None);
    }
}
