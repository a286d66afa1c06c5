//! The generated hostile pages through the `byline` binary: each must give one JSON line (an
//! article or an error record) and exit 0 or 1 — never a crash or a signal — within 5 seconds,
//! with a peak RSS under 1 GiB where GNU time can measure it. Release builds only, like the
//! library's hostile suite (`cargo test --release -p byline-cli --test hostile_cli`).
#![cfg(not(debug_assertions))]

#[path = "../../byline/tests/common/hostile_cases.rs"]
mod hostile_cases;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const GNU_TIME: &str = "/usr/bin/time";

#[test]
fn hostile_pages_through_the_cli() {
    let dir = std::env::temp_dir().join(format!("byline-hostile-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let measure_rss = Path::new(GNU_TIME).exists();
    let mut failures = Vec::new();
    for (i, (name, bytes)) in hostile_cases::cases().into_iter().enumerate() {
        let page = dir.join(format!("case-{i}.html"));
        std::fs::write(&page, &bytes).expect("write case");
        drop(bytes);
        let rss_file = dir.join(format!("case-{i}.rss"));
        let mut cmd = if measure_rss {
            let mut c = Command::new(GNU_TIME);
            c.arg("-f").arg("%M").arg("-o").arg(&rss_file);
            c.arg(env!("CARGO_BIN_EXE_byline"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_byline"))
        };
        // Output goes to a file: a pipe nobody reads while waiting would block a large line.
        let out_file = dir.join(format!("case-{i}.jsonl"));
        let stdout = std::fs::File::create(&out_file).expect("output file");
        let mut child = cmd
            .args(["--format", "jsonl", "--no-progress"])
            .arg(&page)
            .stdout(stdout)
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn byline");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break Some(status);
            }
            if start.elapsed() > Duration::from_secs(5) {
                child.kill().ok();
                child.wait().ok();
                break None;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let took = start.elapsed();
        let out = std::fs::read_to_string(&out_file).unwrap_or_default();
        std::fs::remove_file(&out_file).ok();
        let rss_kib: Option<u64> = std::fs::read_to_string(&rss_file)
            .ok()
            .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()));
        eprintln!(
            "{name:<32} {:>7.3} s  {:>6} MiB  {:?}",
            took.as_secs_f64(),
            rss_kib.map_or(0, |k| k / 1024),
            status.and_then(|s| s.code())
        );
        match status {
            None => failures.push(format!("{name}: over 5 s")),
            Some(s) if !matches!(s.code(), Some(0 | 1)) => {
                failures.push(format!("{name}: exit status {s}"));
            }
            Some(_) => {
                let lines: Vec<&str> = out.lines().collect();
                let parsed = lines
                    .first()
                    .map(|l| serde_json::from_str::<serde_json::Value>(l).is_ok());
                if lines.len() != 1 || parsed != Some(true) {
                    failures.push(format!("{name}: expected one JSON line, got {out:.200}"));
                }
            }
        }
        if rss_kib.is_some_and(|k| k >= 1024 * 1024) {
            failures.push(format!("{name}: peak RSS {rss_kib:?} KiB"));
        }
        std::fs::remove_file(&page).ok();
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A gzip bomb (65 MiB of blanks in about 64 KiB) is read only up to the input limit and
/// refused as too large: no unbounded decompression.
#[test]
fn gzip_bomb_is_refused_as_too_large() {
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..65 {
        enc.write_all(&chunk).expect("compress");
    }
    let gz = enc.finish().expect("compress");
    assert!(gz.len() < 1 << 20);
    let dir = std::env::temp_dir().join(format!("byline-gz-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = dir.join("bomb.html.gz");
    std::fs::write(&page, &gz).expect("write page");
    let o = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["--format", "jsonl", "--no-progress"])
        .arg(&page)
        .output()
        .expect("runs byline");
    assert_eq!(o.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON line");
    let err = line["error"].as_str().expect("error record");
    assert!(err.contains("limit"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
