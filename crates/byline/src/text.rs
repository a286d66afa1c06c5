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
    // Indentation runs are long: 8 bytes at a time while all are spaces, then byte by byte.
    while start + 8 <= end && all_spaces(b, start) {
        start += 8;
    }
    while start < end && is_space(b[start]) {
        start += 1;
    }
    while end >= start + 8 && all_spaces(b, end - 8) {
        end -= 8;
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

/// Whether the 8 bytes of `b` at `at` are all ASCII whitespace as [`trim`] skips it (space,
/// tab, line feed, vertical tab, form feed, carriage return); false when fewer are left.
fn all_spaces(b: &[u8], at: usize) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let Some(chunk) = b.get(at..at + 8) else {
        return false;
    };
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    let x = u64::from_le_bytes(w);
    if x & HI != 0 {
        return false;
    }
    // Per byte (all below 0x80, so no carry crosses bytes): 9..=13 sets the high bit of
    // x + 0x77 but not of x + 0x72; a space is a zero byte of x ^ 0x20.
    let controls = (x + LO * 0x77) & !(x + LO * 0x72) & HI;
    let t = x ^ (LO * 0x20);
    let spaces = !(((t & !HI) + !HI) | t) & HI;
    (controls | spaces) == HI
}

/// `c.is_alphabetic()`, with the blocks most text outside ASCII is written in answered by a
/// range test: the standard library searches its Unicode table for every non-ASCII character,
/// a few hundred instructions each. The ranges are checked against it, character by
/// character, by a test.
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    common_alphabetic(c).unwrap_or_else(|| c.is_alphabetic())
}

/// `c.is_alphanumeric()`, answered as [`is_alphabetic`] is.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}') {
        // Superscript digits and vulgar fractions: numeric.
        return true;
    }
    // No character of the ranges of `common_alphabetic` but these is numeric.
    common_alphabetic(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// Whether non-ASCII `c` is alphabetic, when it lies in Latin-1, Latin Extended-A/B and IPA,
/// Cyrillic, General Punctuation or the CJK Unified Ideographs; `None` elsewhere.
fn common_alphabetic(c: char) -> Option<bool> {
    Some(match u32::from(c) {
        // Latin-1 punctuation and symbols; ª, µ and º are letters.
        0x80..=0xbf => matches!(c, '\u{aa}' | '\u{b5}' | '\u{ba}'),
        // Latin-1 letters up to the IPA and modifier letters, but × and ÷.
        0xc0..=0x2c1 => !matches!(c, '\u{d7}' | '\u{f7}'),
        // Cyrillic and its supplement, but the thousands sign and the combining marks.
        0x400..=0x52f => !matches!(u32::from(c), 0x482..=0x489),
        // Spaces, dashes, quotation marks, bullets.
        0x2000..=0x206f => false,
        0x4e00..=0x9fff => true,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_match_is_overlapping_search() {
        let words = ["comment", "comments", "ment", "Count", "nt-c", "x"];
        let dfa = keywords(words);
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .expect("builds");
        for hay in [
            "",
            "comments-count",
            "COMMENT_COUNT x",
            "mentx",
            "déjà-comment",
        ] {
            let mut got = Vec::new();
            each_match(&dfa, hay, |p, start| got.push((p, start)));
            let mut want: Vec<_> = ac
                .find_overlapping_iter(hay)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "{hay}");
        }
    }

    #[test]
    fn character_classes_are_std_ones() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn exact_keywords_match_lower_case_text_as_keywords_do() {
        let words = ["no comments yet", "provision vom händler", "ment", "x"];
        let (exact, any_case) = (exact_keywords(words), keywords(words));
        let all = |dfa: &Keywords, hay: &str| {
            let mut got = Vec::new();
            each_match(dfa, hay, |p, start| got.push((p, start)));
            got
        };
        for hay in [
            "",
            "no comments yet x",
            "eine provision vom händler",
            "déjà comment",
        ] {
            assert_eq!(all(&exact, hay), all(&any_case, hay), "{hay}");
        }
        assert!(all(&exact, "NO COMMENTS YET").is_empty());
    }

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
            "\n        \n\t\t\t\t\t\t\t\t ",
            "\n                text that is long enough   \r\n                ",
            "        \u{3000}\u{2003}          x           \u{a0}                 ",
            "       !\u{7f}       ",
            "        \u{1}\u{1f}\u{e}\u{8}     ",
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

/// The lower-case form of every ASCII letter and digit, by byte; 0 for every other byte (so
/// `!= 0` is `u8::is_ascii_alphanumeric`): the byte loops of `norm` and the word count.
pub(crate) static ASCII_LOWER_ALNUM: [u8; 256] = {
    let mut t = [0; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() {
            t[i] = c.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// A keyword automaton (all matches, overlapping): see [`each_match`].
pub(crate) type Keywords = aho_corasick::dfa::DFA;

/// Builds a [`Keywords`] automaton over fixed keywords (ASCII case-insensitive).
pub(crate) fn keywords<I, P>(words: I) -> Keywords
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    build_keywords(words, true)
}

/// Builds a case-sensitive [`Keywords`] automaton, for keywords sought in text that was
/// lower-cased first: fewer byte classes than [`keywords`] builds, so a smaller automaton
/// built faster.
pub(crate) fn exact_keywords<I, P>(words: I) -> Keywords
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    build_keywords(words, false)
}

/// Both builders. Without a prefilter: [`each_match`] steps the automaton itself and never
/// calls one, and with one the start state counts as special, which sends every byte read in
/// it down the slow branch.
fn build_keywords<I, P>(words: I, any_case: bool) -> Keywords
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::dfa::Builder::new()
        .ascii_case_insensitive(any_case)
        .prefilter(false)
        .build(words)
        .expect("fixed keyword lists build")
}

/// Every occurrence of every keyword of `dfa` in `hay`, overlapping ones included (what
/// `AhoCorasick::find_overlapping_iter` reports): `f(keyword index, start byte)`. The automaton
/// is stepped by hand, a byte at a time: on the short strings of class attributes and URLs the
/// iterator's set-up costs more than the search itself. The matches are reported out of line
/// ([`report`]), so that the loop over the bytes keeps the automaton in registers.
pub(crate) fn each_match(dfa: &Keywords, hay: &str, mut f: impl FnMut(usize, usize)) {
    use aho_corasick::Anchored;
    use aho_corasick::automaton::Automaton;
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return;
    };
    let bytes = hay.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        end += 1;
        sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_special(sid) {
            if dfa.is_dead(sid) {
                return;
            }
            report(dfa, sid, end, &mut f);
        }
    }
}

/// The keywords matched in state `sid` of `dfa` after `end` bytes: see [`each_match`].
#[inline(never)]
fn report(
    dfa: &Keywords,
    sid: aho_corasick::automaton::StateID,
    end: usize,
    f: &mut impl FnMut(usize, usize),
) {
    use aho_corasick::automaton::Automaton;
    if !dfa.is_match(sid) {
        return;
    }
    for k in 0..dfa.match_len(sid) {
        let p = dfa.match_pattern(sid, k);
        f(p.as_usize(), end - dfa.pattern_len(p));
    }
}

/// A hash map keyed by short strings or byte strings, hashed by [`WordHash`]: the per-page
/// memos and the fixed word tables built once.
pub(crate) type WordMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHash>>;

/// A hash set of short strings or byte strings, hashed by [`WordHash`].
pub(crate) type WordSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<WordHash>>;

/// A per-page memo keyed by attribute strings: pages repeat the same `class` value on many
/// elements (list items, menu entries), which are then classified once.
pub(crate) type Memo<'a, V> = WordMap<&'a str, V>;

/// An empty [`Memo`] with room for the distinct class strings of a typical page (a few
/// hundred), so that filling it rarely rehashes the entries already in it.
pub(crate) fn memo<'a, V>() -> Memo<'a, V> {
    Memo::with_capacity_and_hasher(256, Default::default())
}

/// A multiply-rotate hash over 8 bytes at a time (as rustc's FxHash): far cheaper than SipHash,
/// or than a byte-at-a-time hash, on the class strings of a [`Memo`]. The keys come from one
/// page, which only slows its own extraction if it collides on purpose.
#[derive(Default)]
pub(crate) struct WordHash(u64);

impl WordHash {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        let mut word = [0u8; 8];
        for c in &mut chunks {
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }
}
