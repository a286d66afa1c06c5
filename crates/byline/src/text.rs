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

/// `s.trim()`, with the ASCII whitespace at both ends (the usual indentation between tags)
/// skipped a byte at a time; the rest is left to `str::trim`.
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut start = 0;
    let mut end = b.len();
    while start < end && is_space(b[start]) {
        start += 1;
    }
    while end > start && is_space(b[end - 1]) {
        end -= 1;
    }
    let Some(t) = s.get(start..end) else {
        return s.trim();
    };
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(&f), Some(&l)) if f >= 0x80 || l >= 0x80 => t.trim(),
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            "  ",
            "\n\t a b \r\n",
            "\u{a0} x \u{3000}",
            " \u{2003}\n",
            "é",
            " \u{b}x\u{c} ",
            "\u{85}\u{85}",
            "x\u{200b} ",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn cleans_whitespace() {
        assert_eq!(clean("  a \u{a0}\n b  "), "a b");
        assert_eq!(non_empty(" \t "), None);
    }
}

/// A per-page memo keyed by attribute strings: pages repeat the same `class` value on many
/// elements (list items, menu entries), which are then classified once.
pub(crate) type Memo<'a, V> =
    std::collections::HashMap<&'a str, V, std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a: cheaper than SipHash for the short keys of a [`Memo`], and the keys come from one
/// page, which only slows its own extraction if it collides on purpose.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
