//! Small text helpers shared by both passes.

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `clean(s)`, or `None` when nothing is left.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_whitespace() {
        assert_eq!(clean("  a \u{a0}\n b  "), "a b");
        assert_eq!(non_empty(" \t "), None);
    }
}
