//! `byline --warc`: the HTML pages of WARC archives out as JSON lines.
//!
//! A reader thread reads records in file order and hands them over in bounded batches (at most
//! [`BATCH`] pages and [`BATCH_BYTES`] of payload, and at most one batch waiting), rayon parses
//! each batch on all cores, and the lines are written in file order. Memory stays bounded
//! however large the archive.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use byline::Parser;
use byline::warc::{WarcError, WarcPage, WarcPages};
use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::{flat_json, write_json_line};

/// Most pages per batch.
const BATCH: usize = 256;
/// Most payload bytes per batch.
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// True for names ending in `.warc` or `.warc.gz` (any case).
pub(crate) fn has_warc_extension(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Pages read from the archive, with the reader's counters after the last of them.
struct Batch {
    items: Vec<Result<WarcPage, WarcError>>,
    records: u64,
    bytes: u64,
}

/// How reading one archive ended.
enum Outcome {
    /// Read to the end (damaged records may have been skipped).
    Read,
    /// Reading stopped on an I/O error.
    Failed,
    /// Output is closed (broken pipe): stop quietly.
    OutputClosed,
}

/// Reads every archive in `files` ("-" or none: standard input) and prints one JSON line per
/// HTML page. Exit status 0 when every archive was read, even with damaged records skipped;
/// 1 when one could not be opened or read.
pub(crate) fn run(files: &[PathBuf], parser: &Parser, progress: bool) -> ExitCode {
    let inputs: Vec<Option<&PathBuf>> = if files.is_empty() {
        vec![None]
    } else {
        files
            .iter()
            .map(|p| (p.as_os_str() != "-").then_some(p))
            .collect()
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for input in inputs {
        let name = input.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
        let opened = match input {
            Some(p) => WarcPages::open(p),
            None => WarcPages::from_reader(io::stdin()),
        };
        let pages = match opened {
            Ok(p) => p,
            Err(e) => {
                eprintln!("byline: {e}");
                failed = true;
                continue;
            }
        };
        let size = input
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| m.len());
        let bar = (progress && io::stderr().is_terminal()).then(|| progress_bar(size));
        match read_archive(&name, pages, parser, &mut out, bar.as_ref()) {
            Ok(Outcome::Read) => {}
            Ok(Outcome::Failed) => failed = true,
            Ok(Outcome::OutputClosed) => return ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("byline: cannot write output: {e}");
                return ExitCode::from(1);
            }
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
    }
    if let Err(e) = out.flush()
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("byline: cannot write output: {e}");
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn progress_bar(size: Option<u64>) -> indicatif::ProgressBar {
    let (bar, template) = match size {
        Some(len) => (
            indicatif::ProgressBar::new(len),
            "{bar:40} {bytes}/{total_bytes} {msg}, eta {eta}",
        ),
        None => (
            indicatif::ProgressBar::new_spinner(),
            "{spinner} {bytes} {msg}",
        ),
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// Reads one archive: batches from a reader thread, parsed in parallel, written in order.
fn read_archive(
    name: &str,
    mut pages: WarcPages,
    parser: &Parser,
    out: &mut impl Write,
    bar: Option<&indicatif::ProgressBar>,
) -> io::Result<Outcome> {
    let started = Instant::now();
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Batch>(1);
        scope.spawn(move || {
            loop {
                let items = pages.next_batch(BATCH, BATCH_BYTES);
                let empty = items.is_empty();
                let batch = Batch {
                    items,
                    records: pages.records_read(),
                    bytes: pages.bytes_read(),
                };
                // The receiver is gone when output is closed.
                if tx.send(batch).is_err() || empty {
                    break;
                }
            }
        });

        let mut outcome = Outcome::Read;
        let mut page_count = 0u64;
        for batch in rx {
            let lines: Vec<Result<Value, WarcError>> = batch
                .items
                .into_par_iter()
                .map(|item| item.map(|page| page_line(name, &page, parser)))
                .collect();
            for line in lines {
                match line {
                    Ok(value) => {
                        page_count += 1;
                        if let Err(e) = write_json_line(out, &value) {
                            return if e.kind() == io::ErrorKind::BrokenPipe {
                                Ok(Outcome::OutputClosed)
                            } else {
                                Err(e)
                            };
                        }
                    }
                    Err(e) => {
                        if matches!(e, WarcError::Io { .. }) {
                            outcome = Outcome::Failed;
                        }
                        eprintln!("byline: {name}: {e}");
                    }
                }
            }
            if let Some(bar) = bar {
                let secs = started.elapsed().as_secs_f64().max(1e-3);
                bar.set_position(batch.bytes);
                bar.set_message(format!(
                    "{} records, {page_count} pages, {:.0} pages/s",
                    batch.records,
                    page_count as f64 / secs
                ));
            }
        }
        Ok(outcome)
    })
}

/// The JSON line of one page: `path`, the record's URI, date and id, then the flat Article keys
/// (or `error` when the page could not be parsed).
fn page_line(name: &str, page: &WarcPage, parser: &Parser) -> Value {
    let mut line = Map::new();
    line.insert("path".into(), Value::String(name.to_owned()));
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::String);
    line.insert("warc_target_uri".into(), text(&page.uri));
    line.insert("warc_date".into(), text(&page.date));
    line.insert("warc_record_id".into(), text(&page.record_id));
    match page.parse_with(parser) {
        Ok(article) => line.extend(flat_json(&article)),
        Err(e) => {
            line.insert("error".into(), Value::String(e.to_string()));
        }
    }
    Value::Object(line)
}
