//! Parsers for what readers see: dates, engagement counts and author names in visible text, in
//! many languages. Pure functions over short strings; the metadata pass finds the strings in the
//! DOM and calls these.

pub(crate) mod counts;
pub(crate) mod dates;
pub(crate) mod names;
