//! JSON-LD: arbitrary bytes as the content of a `<script type="application/ld+json">` block.
#![no_main]

use byline_core as byline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut page = Vec::with_capacity(data.len() + 128);
    page.extend_from_slice(b"<html><head><script type=\"application/ld+json\">");
    page.extend_from_slice(data);
    page.extend_from_slice(b"</script></head><body><p>Body text.</p></body></html>");
    let _ = byline::parse(&page);
});
