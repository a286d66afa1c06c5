//! Criterion benches of byline's stages on the bundled sample page (and, when present, one
//! large corpus page): decode, parse into the DOM, metadata pass, content pass, rendering.
//!
//!     cargo bench -p byline-bench --bench stages

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn pages() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for (name, rel) in [
        ("wix-sample", "examples/pages/wix-post.html"),
        (
            "corpus-wordpress",
            "../shared/corpus/platforms/pages/wordpress-5.html",
        ),
    ] {
        if let Ok(bytes) = std::fs::read(root.join(rel)) {
            out.push((name.to_owned(), bytes));
        }
    }
    out
}

fn stages(c: &mut Criterion) {
    for (name, bytes) in pages() {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        let text = byline::internals::decode(&bytes);
        let dom = byline::internals::parse_dom(&text);
        let article = byline::parse(&bytes).unwrap_or_default();
        g.bench_function("decode", |b| {
            b.iter(|| byline::internals::decode(black_box(&bytes)))
        });
        g.bench_function("parse_dom", |b| {
            b.iter(|| byline::internals::parse_dom(black_box(&text)))
        });
        g.bench_function("metadata", |b| {
            b.iter(|| byline::internals::metadata(black_box(&dom)))
        });
        g.bench_function("content", |b| {
            b.iter(|| byline::internals::content(black_box(&dom)))
        });
        g.bench_function("render_text", |b| b.iter(|| black_box(&article).text()));
        g.bench_function("render_markdown", |b| {
            b.iter(|| black_box(&article).markdown())
        });
        g.bench_function("full", |b| b.iter(|| byline::parse(black_box(&bytes))));
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
