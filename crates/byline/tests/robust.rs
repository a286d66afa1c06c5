//! Cheap never-panic checks: truncated and mangled variants of the bundled page.

use std::path::Path;

fn sample() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages/wix-post.html"))
        .expect("sample page")
}

#[test]
fn truncated_pages_parse() {
    let page = sample();
    let step = (page.len() / 60).max(1);
    for cut in (0..page.len()).step_by(step) {
        let article = byline::parse(&page[..cut]).expect("truncated input still parses");
        // Whatever was found must be well-formed.
        assert!(
            article
                .title
                .as_deref()
                .is_none_or(|t| !t.trim().is_empty())
        );
    }
}

#[test]
fn mangled_bytes_parse() {
    let page = sample();
    // Deterministic xorshift so failures reproduce.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for round in 0..40 {
        let mut bytes = page.clone();
        for _ in 0..(round * 7 + 1) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state % bytes.len() as u64) as usize;
            bytes[at] = (state >> 32) as u8;
        }
        byline::parse(&bytes).expect("mangled input still parses");
    }
}

#[test]
fn empty_and_odd_inputs() {
    for input in [
        &b""[..],
        b" \n\t ",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"<",
        b"<!--",
        b"<script>",
        b"\0\0\0",
    ] {
        let article = byline::parse(input).expect("parses");
        assert!(article.body.text().len() < 16);
    }
}

#[test]
fn attribute_and_text_limits_cut_at_character_boundaries() {
    let mut limits = byline::Limits::default();
    limits.max_attribute_bytes = 10;
    limits.max_text_bytes = 7;
    let page = format!(
        "<html lang=\"ééééééééé\"><head><title>{}</title></head><body><p>x</p></body></html>",
        "ü".repeat(1000)
    );
    let a = byline::Parser::new()
        .limits(limits)
        .parse(page.as_bytes())
        .expect("parses");
    // `lang` is cut to 10 bytes: five two-byte characters.
    if let Some(lang) = &a.language {
        assert!(lang.len() <= 10, "{lang}");
    }
    // The title text node is cut to 7 bytes, at a character boundary: three "ü".
    let title = a.title.as_deref().expect("the <title> is read");
    assert_eq!(title, "üüü");
}

/// Every small node limit, below and above the arena's initial room, truncates the page
/// instead of failing (the arena's capacity is sized from the input and the limit).
#[test]
fn small_node_limits_truncate() {
    let page = sample();
    for max_nodes in [0, 1, 2, 10, 63, 64, 65, 500] {
        let mut limits = byline::Limits::default();
        limits.max_nodes = max_nodes;
        let a = byline::Parser::new()
            .limits(limits)
            .parse(&page)
            .expect("a node limit truncates, it does not fail");
        std::hint::black_box(a);
    }
}
