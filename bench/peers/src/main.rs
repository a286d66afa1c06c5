//! Per-page time of byline and of the Rust extractors it is compared with, on the same pages,
//! in one process, on one core:
//!
//!     cd bench/peers && cargo run --release -- [--runs N] [--only a,b,...] DIR_OR_FILE...
//!
//! Pages are `*.html` and `*.html.gz` files (gzip is undone before timing). Each page is decoded
//! to text once up front, because the peers take a `&str`; byline is handed the bytes and
//! decodes them inside its timer, so its figure includes work the others are spared. On each
//! page every tool runs `--runs` times back to back (the fastest run is kept) before the next
//! tool, and all tools run on a page before the next page, so that a shared machine's drifting
//! speed weighs on every tool alike. A tool that returns an error or panics on a page is counted
//! as failed there; its time still counts.

use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use html5ever::tendril::TendrilSink;

/// One extractor under test: `run` gets the page's bytes and its decoded text and says whether
/// the extractor produced a result.
struct Tool {
    name: &'static str,
    what: &'static str,
    run: fn(&[u8], &str) -> bool,
}

const TOOLS: [Tool; 6] = [
    Tool {
        name: "rcdom",
        what: "html5ever into RcDom (parse only, reference)",
        run: |_, text| {
            let dom =
                html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
                    .one(text);
            std::hint::black_box(&dom.document);
            true
        },
    },
    Tool {
        name: "byline",
        what: "byline::parse (decode, metadata, body, comments)",
        run: |bytes, _| std::hint::black_box(byline::parse(bytes)).is_ok(),
    },
    Tool {
        name: "dom_smoothie",
        what: "dom_smoothie 0.19 Readability::parse",
        run: |_, text| {
            dom_smoothie::Readability::new(text, None, None)
                .and_then(|mut r| r.parse())
                .map(std::hint::black_box)
                .is_ok()
        },
    },
    Tool {
        name: "readabilityrs",
        what: "readabilityrs 0.1 Readability::parse",
        run: |_, text| {
            readabilityrs::Readability::new(text, None, None)
                .ok()
                .and_then(|r| r.parse())
                .map(std::hint::black_box)
                .is_some()
        },
    },
    Tool {
        name: "trafilatura-rs",
        what: "trafilatura 0.6 (Rust port) extract",
        run: |_, text| {
            trafilatura::extract(text, &trafilatura::Options::default())
                .map(std::hint::black_box)
                .is_ok()
        },
    },
    Tool {
        name: "rs-trafilatura",
        what: "rs-trafilatura 0.2 extract",
        run: |_, text| {
            rs_trafilatura::extract(text)
                .map(std::hint::black_box)
                .is_ok()
        },
    },
];

struct Page {
    path: PathBuf,
    bytes: Vec<u8>,
    text: String,
}

fn main() {
    let mut runs = 1usize;
    let mut only: Option<Vec<String>> = None;
    let mut roots = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(runs)
                    .max(1)
            }
            "--only" => {
                only = args
                    .next()
                    .map(|v| v.split(',').map(str::to_owned).collect())
            }
            "-h" | "--help" => {
                println!("usage: byline-peers [--runs N] [--only a,b,...] DIR_OR_FILE...");
                println!("tools:");
                for t in &TOOLS {
                    println!("  {:<16}{}", t.name, t.what);
                }
                return;
            }
            _ => roots.push(PathBuf::from(a)),
        }
    }
    let tools: Vec<&Tool> = TOOLS
        .iter()
        .filter(|t| only.as_ref().is_none_or(|o| o.iter().any(|n| n == t.name)))
        .collect();
    if roots.is_empty() {
        roots.push(PathBuf::from("../../../shared/corpus"));
    }
    let mut paths = Vec::new();
    for root in &roots {
        collect(root, &mut paths);
    }
    paths.sort();
    let pages: Vec<Page> = paths
        .into_iter()
        .filter_map(|path| {
            let bytes = read_page(&path)?;
            let text = byline::internals::decode(&bytes);
            Some(Page { path, bytes, text })
        })
        .collect();
    if pages.is_empty() || tools.is_empty() {
        eprintln!("byline-peers: no pages under {roots:?} or no tool selected");
        std::process::exit(2);
    }
    let megabytes = pages.iter().map(|p| p.bytes.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "{} pages, {megabytes:.1} MB, fastest of {runs} run(s) per page and tool, one core",
        pages.len()
    );

    // Peers may panic on odd pages: count it as a failure, without a backtrace per page.
    std::panic::set_hook(Box::new(|_| {}));
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(pages.len()); tools.len()];
    let mut failed = vec![Vec::new(); tools.len()];
    for page in &pages {
        for (k, tool) in tools.iter().enumerate() {
            let mut best = Duration::MAX;
            let mut ok = true;
            for _ in 0..runs {
                let t = Instant::now();
                ok = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    (tool.run)(&page.bytes, &page.text)
                }))
                .unwrap_or(false);
                best = best.min(t.elapsed());
            }
            times[k].push(best);
            if !ok {
                failed[k].push(page.path.display().to_string());
            }
        }
    }
    let _ = std::panic::take_hook();

    let mean_of =
        |k: usize| times[k].iter().map(Duration::as_secs_f64).sum::<f64>() / pages.len() as f64;
    let byline_mean = tools.iter().position(|t| t.name == "byline").map(mean_of);
    println!(
        "\n{:<16}{:>9}{:>9}{:>9}{:>10}{:>11}{:>8}",
        "tool", "mean ms", "median", "p99", "pages/s", "x byline", "failed"
    );
    for (k, tool) in tools.iter().enumerate() {
        let mut sorted = times[k].clone();
        sorted.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let mean = mean_of(k);
        let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
        let ratio = byline_mean.map_or_else(|| "-".to_owned(), |b| format!("{:.2}x", mean / b));
        println!(
            "{:<16}{:>9.2}{:>9.2}{:>9.2}{:>10.0}{:>11}{:>8}",
            tool.name,
            mean * 1e3,
            ms(at(0.5)),
            ms(at(0.99)),
            1.0 / mean,
            ratio,
            failed[k].len()
        );
    }
    for (k, tool) in tools.iter().enumerate() {
        if !failed[k].is_empty() {
            println!("\n{} failed on {} page(s):", tool.name, failed[k].len());
            for p in failed[k].iter().take(10) {
                println!("  {p}");
            }
        }
    }
}

/// Every `.html` and `.html.gz` file under `root` (or `root` itself when it is a file).
fn collect(root: &Path, out: &mut Vec<PathBuf>) {
    if root.is_file() {
        out.push(root.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(root) else {
        eprintln!("byline-peers: cannot read {}", root.display());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            let name = path.to_string_lossy();
            if name.ends_with(".html") || name.ends_with(".html.gz") {
                out.push(path);
            }
        }
    }
}

/// The page's bytes, un-gzipped when the name ends in `.gz`.
fn read_page(path: &Path) -> Option<Vec<u8>> {
    let raw = std::fs::read(path).ok()?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .ok()?;
        Some(out)
    } else {
        Some(raw)
    }
}
