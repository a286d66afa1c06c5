//! Corpus throughput: byline's full extraction against html5ever parse-only baselines, on the
//! same pages in the same run.
//!
//!     cargo run --release -p byline-bench -- [--runs N] [--interleave] [--repeat N] DIR_OR_FILE...
//!
//! Pages are `*.html` and `*.html.gz` files (gzip is undone before timing). Each page is timed
//! `--runs` times per stage (default 3, the fastest run kept); the report gives mean, median and
//! p99 ms per page, pages/s and MB/s on one core, the ratio of full extraction to the
//! minimal-sink parse, `parse_many` on one thread and on all cores (alternating rounds, `--runs`
//! of each, the best rate kept), and peak RSS. `--interleave` times all
//! stages of a page (each stage's runs back to back) before the next page, so that a shared
//! machine's drifting speed weighs on every stage alike: the ratios stay comparable.
//! `--repeat N` afterwards parses pages round-robin N times in this process and prints RSS as
//! it goes (memory must stay flat).

mod minimal_sink;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use html5ever::tendril::TendrilSink;

struct Page {
    path: PathBuf,
    bytes: Vec<u8>,
}

fn main() {
    let mut runs = 3usize;
    let mut repeat = 0usize;
    let mut stage: Option<String> = None;
    let mut interleave = false;
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
            "--repeat" => repeat = args.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            "--stage" => stage = args.next(),
            "--interleave" => interleave = true,
            "-h" | "--help" => {
                println!(
                    "usage: byline-bench [--runs N] [--interleave] [--repeat N] [--stage parse|full] DIR_OR_FILE..."
                );
                return;
            }
            _ => roots.push(PathBuf::from(a)),
        }
    }
    if roots.is_empty() {
        roots.push(PathBuf::from("../shared/corpus"));
    }
    let mut pages = Vec::new();
    for root in &roots {
        collect(root, &mut pages);
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    if pages.is_empty() {
        eprintln!("byline-bench: no pages found under {roots:?}");
        std::process::exit(2);
    }
    let total_bytes: usize = pages.iter().map(|p| p.bytes.len()).sum();
    if let Some(stage) = stage {
        // One stage once per page and nothing else, for instruction counts under callgrind:
        // `valgrind --tool=callgrind byline-bench --stage parse DIR` against `--stage full`.
        for p in &pages {
            match stage.as_str() {
                "parse" => parse_only_page(&p.bytes),
                "full" => {
                    let _ = std::hint::black_box(byline::parse(&p.bytes));
                }
                _ => {
                    eprintln!("byline-bench: --stage is parse or full");
                    std::process::exit(2);
                }
            }
        }
        return;
    }
    println!(
        "{} pages, {:.1} MB, fastest of {runs} runs per page and stage{}, one core\n",
        pages.len(),
        total_bytes as f64 / 1e6,
        if interleave {
            ", stages interleaved page by page"
        } else {
            ""
        }
    );

    let rcdom_page = |b: &[u8]| {
        let text = byline::internals::decode(b);
        let dom =
            html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
                .one(text);
        std::hint::black_box(&dom.document);
    };
    let dom_page = |b: &[u8]| {
        let text = byline::internals::decode(b);
        std::hint::black_box(byline::internals::parse_dom(&text));
    };
    let full_page = |b: &[u8]| {
        let _ = std::hint::black_box(byline::parse(b));
    };
    let [parse_only, rcdom, dom_only, full] = if interleave {
        // On a shared machine whose speed drifts, every stage of a page is timed within the
        // same moment, so the ratios between stages hold even when the absolute times do not.
        time_interleaved(
            &pages,
            runs,
            [&parse_only_page, &rcdom_page, &dom_page, &full_page],
        )
    } else {
        [
            time_stage(&pages, runs, parse_only_page),
            time_stage(&pages, runs, rcdom_page),
            time_stage(&pages, runs, dom_page),
            time_stage(&pages, runs, full_page),
        ]
    };

    println!(
        "{:<44}{:>9}{:>9}{:>9}{:>10}{:>9}",
        "stage", "mean ms", "median", "p99", "pages/s", "MB/s"
    );
    for (name, t) in [
        ("decode + html5ever, minimal tree sink", &parse_only),
        ("decode + html5ever, RcDom", &rcdom),
        ("decode + html5ever, byline arena DOM", &dom_only),
        ("byline::parse (full extraction)", &full),
    ] {
        report(name, t, total_bytes);
    }
    let ratio = sum(&full).as_secs_f64() / sum(&parse_only).as_secs_f64();
    println!("\nfull extraction / minimal-sink parse: {ratio:.2}x");

    // One thread and all threads in alternating rounds, the best rate of each kept: on a
    // shared machine a single round of either can land in a slow moment.
    let threads = rayon::current_num_threads();
    let (mut one, mut all) = (0f64, 0f64);
    for _ in 0..runs {
        one = one.max(parallel_rate(&pages, 1));
        all = all.max(parallel_rate(&pages, threads));
    }
    println!(
        "parse_many, best of {runs} alternating rounds: 1 thread {one:.0} pages/s, {threads} threads {all:.0} pages/s ({:.2}x)",
        all / one
    );
    println!("peak RSS: {:.1} MB", peak_rss_kb() as f64 / 1024.0);

    if repeat > 0 {
        println!("\nrepeated parses (RSS must stay flat):");
        let step = (repeat / 10).max(1);
        for i in 0..repeat {
            let _ = std::hint::black_box(byline::parse(&pages[i % pages.len()].bytes));
            if (i + 1) % step == 0 {
                println!(
                    "  {:>8} parses: RSS {:.1} MB, peak {:.1} MB",
                    i + 1,
                    current_rss_kb() as f64 / 1024.0,
                    peak_rss_kb() as f64 / 1024.0
                );
            }
        }
    }
}

/// The baseline: decode, then html5ever into a sink that keeps the bare minimum.
fn parse_only_page(b: &[u8]) {
    let text = byline::internals::decode(b);
    let doc =
        html5ever::parse_document(minimal_sink::Sink::default(), Default::default()).one(text);
    std::hint::black_box(doc.len());
}

fn collect(path: &Path, out: &mut Vec<Page>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for e in entries.flatten() {
            collect(&e.path(), out);
        }
        return;
    }
    let name = path.to_string_lossy();
    let bytes = if name.ends_with(".html.gz") {
        let Ok(f) = std::fs::File::open(path) else {
            return;
        };
        let mut buf = Vec::new();
        if flate2::read::GzDecoder::new(f)
            .read_to_end(&mut buf)
            .is_err()
        {
            return;
        }
        buf
    } else if name.ends_with(".html") || name.ends_with(".htm") {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(_) => return,
        }
    } else {
        return;
    };
    out.push(Page {
        path: path.to_path_buf(),
        bytes,
    });
}

/// Per-page fastest time of `runs` runs.
fn time_stage(pages: &[Page], runs: usize, f: impl Fn(&[u8])) -> Vec<Duration> {
    pages
        .iter()
        .map(|p| {
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    f(&p.bytes);
                    t.elapsed()
                })
                .min()
                .unwrap_or_default()
        })
        .collect()
}

/// One stage: what it does with one page's bytes.
type Stage<'a> = &'a dyn Fn(&[u8]);

/// Per-page fastest time of `runs` runs of each stage, all stages of a page timed before the
/// next page.
fn time_interleaved<const N: usize>(
    pages: &[Page],
    runs: usize,
    stages: [Stage<'_>; N],
) -> [Vec<Duration>; N] {
    let mut out: [Vec<Duration>; N] = std::array::from_fn(|_| Vec::with_capacity(pages.len()));
    for p in pages {
        // The runs of one stage back to back (its code and data warm, as when it parses page
        // after page), then the next stage on the same page.
        for (o, f) in out.iter_mut().zip(&stages) {
            let best = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    f(&p.bytes);
                    t.elapsed()
                })
                .min()
                .unwrap_or_default();
            o.push(best);
        }
    }
    out
}

fn sum(t: &[Duration]) -> Duration {
    t.iter().sum()
}

fn report(name: &str, times: &[Duration], bytes: usize) {
    let mut ms: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    let total: f64 = ms.iter().sum();
    let mean = total / ms.len() as f64;
    let pick = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<44}{mean:>9.2}{:>9.2}{:>9.2}{:>10.0}{:>9.1}",
        pick(0.5),
        pick(0.99),
        ms.len() as f64 / (total / 1e3),
        bytes as f64 / 1e6 / (total / 1e3)
    );
}

fn parallel_rate(pages: &[Page], threads: usize) -> f64 {
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(_) => return f64::NAN,
    };
    let inputs: Vec<&[u8]> = pages.iter().map(|p| p.bytes.as_slice()).collect();
    pool.install(|| {
        let _ = byline::parse_many(&inputs[..inputs.len().min(50)]); // warm-up
        let t = Instant::now();
        std::hint::black_box(byline::parse_many(&inputs));
        pages.len() as f64 / t.elapsed().as_secs_f64()
    })
}

fn status_kb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn peak_rss_kb() -> u64 {
    status_kb("VmHWM:")
}

fn current_rss_kb() -> u64 {
    status_kb("VmRSS:")
}
