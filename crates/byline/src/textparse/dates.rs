//! Dates written for readers: "Updated: Jul 30, 2021", "le 3 mars 2024", "2024年3月5日",
//! "3 days ago", and dates in URL paths.

use std::ops::Range;

use jiff::civil::Date;

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
}

/// Finds the first date in `text`, a short visible string such as a byline or a date line.
///
/// `lang` is the page's primary language subtag (`"de"`), used for month names and to order
/// numeric day/month; `now` is the reference for relative dates ("3 days ago", "gestern") and
/// rejects dates after it. Returns `None` when the text holds no plausible date.
pub(crate) fn find_date(text: &str, lang: Option<&str>, now: Option<Date>) -> Option<FoundDate> {
    let _ = (text, lang, now);
    None
}

/// The date a URL path gives (`/2021/07/30/slug`, `/2021-07-30-slug`, `/20210730/`), or the
/// month (`/2021/07/slug`, as day 1) — `None` when the path has none.
pub(crate) fn date_from_url(url: &str) -> Option<DateValue> {
    let _ = url;
    None
}

/// Parses a machine-readable date as structured data writes it: ISO 8601 and its common
/// deviations, RFC 2822, `2021/07/30`, and Unix timestamps in seconds or milliseconds.
pub(crate) fn parse_structured(s: &str) -> Option<DateValue> {
    crate::dates::parse_iso(s)
}
