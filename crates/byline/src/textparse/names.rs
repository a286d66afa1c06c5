//! Author names in bylines: "By A and B", "Von A und B", "Par A et B", "Jane Doe | Staff
//! Writer", "John Roe For Daily Mail Australia".

/// Reads a visible byline: when `text` announces authors ("By …", "Written by …", "Posted by …",
/// "Von …", "Par …", "Por …", "Di …", "Door …", "Av …", "Autor: …", "Автор: …"), returns the
/// names it credits, split and cleaned; `None` when the text is not a byline.
pub(crate) fn parse_byline(text: &str) -> Option<Vec<String>> {
    let _ = text;
    None
}

/// Splits and cleans a string that is known to hold author names (an author meta tag, an
/// author link): "A, B and C", "A & B", "A und B" give three or two names; roles,
/// affiliations, dates, e-mail addresses and "For <outlet>" are stripped. Non-names are dropped.
pub(crate) fn split_names(text: &str) -> Vec<String> {
    let t = crate::text::clean(text);
    if t.is_empty() { Vec::new() } else { vec![t] }
}

/// Whether `name` can be a person's (or a named team's) credit: not empty, not a URL, not a
/// non-name such as "admin", "Share" or "Follow", not too long, and not the site's name.
pub(crate) fn is_plausible_name(name: &str, site_name: Option<&str>) -> bool {
    let n = name.trim();
    !n.is_empty() && n.chars().count() <= 80 && site_name.is_none_or(|s| !s.eq_ignore_ascii_case(n))
}
