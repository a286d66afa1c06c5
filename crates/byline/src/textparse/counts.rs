//! Engagement counts written for readers: "25 views", "1.2K views", "Post Views: 1,234",
//! "1.432 Aufrufe", "12 Kommentare", "No comments".

use std::ops::Range;

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

/// Finds every count in `text`, a short visible string such as a post footer
/// (`"25 views0 comments"` gives two). `lang` is the page's primary language subtag, which
/// decides thousands and decimal separators where they are ambiguous.
pub(crate) fn find_counts(text: &str, lang: Option<&str>) -> Vec<FoundCount> {
    let _ = (text, lang);
    Vec::new()
}

/// Parses a bare number as counters show it: `"1,234"`, `"1.234"` (de), `"1 234"`, `"1.2K"`,
/// `"3M"`, `"1,2 тыс."`. `None` for anything else, negative numbers, or overflow.
pub(crate) fn parse_number(text: &str, lang: Option<&str>) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let _ = lang;
    t.parse().ok()
}
