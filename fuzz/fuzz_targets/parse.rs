//! The whole extraction from raw bytes, with small limits so that the fuzzer reaches them.
#![no_main]

use byline_core as byline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut limits = byline::Limits::default();
    limits.max_nodes = 20_000;
    limits.max_depth = 64;
    limits.max_attributes = 32;
    limits.max_json_ld_bytes = 16 * 1024;
    let parser = byline::Parser::new()
        .url("https://example.com/2021/07/30/post/")
        .expect("valid URL")
        .limits(limits);
    if let Ok(article) = parser.parse(data) {
        // Every rendering must work on whatever came out.
        let _ = article.text();
        let _ = article.markdown();
        let _ = article.html();
        let _ = serde_json::to_string(&article);
    }
});
