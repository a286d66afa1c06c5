//! Hostile inputs, generated here (nothing large is stored): each must give a result or a clean
//! error, without panicking, within 5 seconds. Release builds only (`cargo test --release
//! --test hostile`, run by `make test`): debug html5ever is an order of magnitude slower, and
//! these bounds are about the algorithm, not the build.
#![cfg(not(debug_assertions))]

use std::time::{Duration, Instant};

#[path = "common/hostile_cases.rs"]
mod hostile_cases;
use hostile_cases::cases;

#[test]
fn hostile_inputs_give_results_quickly() {
    let mut slow = Vec::new();
    for (name, bytes) in cases() {
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| byline::parse(&bytes));
        let took = t.elapsed();
        let outcome = match result {
            Err(_) => panic!("{name}: panicked"),
            Ok(Ok(a)) => format!("ok, {} words", a.word_count),
            Ok(Err(e)) => format!("error: {e}"),
        };
        eprintln!("{name:<32} {:>8.3} s  {outcome}", took.as_secs_f64());
        if took > Duration::from_secs(5) {
            slow.push(format!("{name}: {took:?}"));
        }
    }
    assert!(slow.is_empty(), "over 5 s: {slow:?}");
    if let Some(peak) = peak_rss_kib() {
        eprintln!("peak RSS {} MiB", peak / 1024);
        assert!(peak < 1024 * 1024, "peak RSS over 1 GiB: {peak} KiB");
    }
}

/// Peak resident set size of this process (`VmHWM`), in KiB, where /proc tells it.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn absurd_values_are_rejected() {
    let page = format!(
        "<html><head><title>Absurd</title></head><body><article><h1>Absurd</h1>\
         <p>Published Feb 31, 2021</p><p>{} views</p><p>-5 comments</p>\
         <p>Some body text that is long enough to be the article.</p></article></body></html>",
        "9".repeat(100_000)
    );
    let a = byline::parse(page.as_bytes()).expect("parses");
    assert_eq!(a.published, None, "Feb 31 is not a date");
    assert_eq!(a.view_count, None, "a 100,000-digit count is not a count");
    assert_eq!(a.comment_count, None, "negative counts are not counts");
}

#[test]
fn oversized_input_is_a_clean_error() {
    let mut limits = byline::Limits::default();
    limits.max_input_bytes = 1000;
    let err = byline::Parser::new()
        .limits(limits)
        .parse(&[b'a'; 1001])
        .expect_err("too large");
    assert_eq!(err.code(), byline::ErrorCode::TooLarge);
}
