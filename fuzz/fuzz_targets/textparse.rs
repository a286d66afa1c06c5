//! The visible-text parsers: dates, counts and bylines, on arbitrary UTF-8.
#![no_main]

use byline::internals::{byline_names, structured_date, visible_counts, visible_date};
use byline_core as byline;
use libfuzzer_sys::fuzz_target;

const LANGS: [Option<&str>; 6] = [None, Some("en"), Some("de"), Some("fr"), Some("ru"), Some("ja")];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let lang = LANGS[usize::from(first) % LANGS.len()];
    if let Some((iso, _)) = visible_date(text, lang) {
        assert!(iso.len() >= 10, "ISO date too short: {iso:?}");
    }
    let _ = visible_counts(text, lang);
    if let Some(names) = byline_names(text) {
        assert!(names.iter().all(|n| !n.trim().is_empty()), "empty name from {text:?}");
    }
    let _ = structured_date(text);
});
