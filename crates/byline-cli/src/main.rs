//! `byline`: extract articles from HTML files and WARC archives on the command line.

mod warc;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use byline::{Article, Parser};
use clap::{Parser as ClapParser, ValueEnum};
use rayon::prelude::*;
use serde_json::{Map, Value};

/// Extract the title, authors, dates, body and engagement counts of articles from HTML pages.
///
/// Reads each FILE (or standard input when none is given) as raw bytes and prints one Article
/// per input; gzip-compressed files (.html.gz) are decompressed first. Exit status: 0 when every input parsed, 1 when some failed (each failure still
/// prints its error), 2 for usage errors.
///
/// WARC archives (`--warc`, or files named *.warc / *.warc.gz): one JSON line per HTML page
/// (2xx `response` records), with `warc_target_uri`, `warc_date` and `warc_record_id`; damaged
/// records are reported on stderr and skipped. Exit status 0 when every archive was read, 1 when
/// one could not be opened or read.
#[derive(ClapParser, Debug)]
#[command(name = "byline", version, about)]
struct Cli {
    /// HTML files to read; standard input when none is given ("-" also means standard input).
    files: Vec<PathBuf>,

    /// Read every FILE as a WARC archive (.warc or .warc.gz); automatic for files with those
    /// extensions.
    #[arg(long)]
    warc: bool,

    /// Output format [default: json; jsonl for WARC archives, their only format].
    #[arg(short, long, value_enum)]
    format: Option<Format>,

    /// The page's URL (resolves relative links; a last-resort date source). Applies to every input.
    #[arg(long)]
    url: Option<String>,

    /// The charset the pages were served with (overrides <meta charset>, not a BOM).
    #[arg(long)]
    charset: Option<String>,

    /// Worker threads for many inputs (default: all cores).
    #[arg(short = 'j', long)]
    threads: Option<usize>,

    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One pretty-printed JSON object per input.
    Json,
    /// One JSON object per line per input, with "path" (the evaluation contract).
    Jsonl,
    /// Title and body as plain text.
    Text,
    /// Title and body as Markdown.
    Markdown,
}

/// How many inputs are read and parsed before their output is written: bounds memory on huge
/// batches while keeping every core busy.
const BATCH: usize = 256;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut parser = Parser::new();
    if let Some(url) = &cli.url {
        parser = match parser.url(url) {
            Ok(p) => p,
            Err(e) => return usage_error(&e.to_string()),
        };
    }
    if let Some(charset) = &cli.charset {
        if encoding_label_unknown(charset) {
            return usage_error(&format!("unknown charset label {charset:?}"));
        }
        parser = parser.charset(charset);
    }
    if let Some(n) = cli.threads {
        if n == 0 {
            return usage_error("--threads must be at least 1");
        }
        // Only fails when a global pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }

    let warc_files = cli
        .files
        .iter()
        .filter(|p| warc::has_warc_extension(p))
        .count();
    if cli.warc || warc_files > 0 {
        if !cli.warc && warc_files < cli.files.len() {
            return usage_error(
                "WARC archives and HTML files cannot be mixed (--warc reads every file as WARC)",
            );
        }
        if cli.format.is_some_and(|f| f != Format::Jsonl) {
            return usage_error("WARC archives are written as JSON lines (--format jsonl)");
        }
        return warc::run(&cli.files, &parser, !cli.no_progress);
    }
    let format = cli.format.unwrap_or(Format::Json);

    let inputs: Vec<Option<PathBuf>> = if cli.files.is_empty() {
        vec![None]
    } else {
        cli.files
            .iter()
            .map(|p| (p.as_os_str() != "-").then(|| p.clone()))
            .collect()
    };

    let progress =
        (!cli.no_progress && inputs.len() > 1 && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(inputs.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} pages, {per_sec}, eta {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });

    let limit = byline::Limits::default().max_input_bytes;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    for batch in inputs.chunks(BATCH) {
        let results: Vec<(String, Result<Article, String>)> = batch
            .par_iter()
            .map(|input| {
                let name = input
                    .as_ref()
                    .map_or_else(|| "-".to_owned(), |p| p.display().to_string());
                let result = read_input(input.as_ref(), limit)
                    .and_then(|bytes| parser.parse(&bytes).map_err(|e| e.to_string()));
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                (name, result)
            })
            .collect();
        for (name, result) in results {
            if result.is_err() {
                failures += 1;
            }
            if let Err(e) = write_result(&mut out, format, &name, result) {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
                eprintln!("byline: cannot write output: {e}");
                return ExitCode::from(1);
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Err(e) = out.flush()
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("byline: cannot write output: {e}");
        return ExitCode::from(1);
    }
    if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("byline: {msg}");
    ExitCode::from(2)
}

fn encoding_label_unknown(label: &str) -> bool {
    Parser::new().charset(label).parse(b"").is_err()
}

/// Reads one input. Gzip-compressed input (a saved `.html.gz`, or a gzip stream on standard
/// input: recognised by its magic bytes, never by the name) is decompressed, reading at most one
/// byte past `limit` so that a compression bomb ends as the parser's "too large" error instead
/// of filling memory.
fn read_input(path: Option<&PathBuf>, limit: usize) -> Result<Vec<u8>, String> {
    let (raw, name) = match path {
        Some(p) => (
            std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
            p.display().to_string(),
        ),
        None => {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            (buf, "standard input".to_owned())
        }
    };
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(raw.as_slice())
        .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress {name} (gzip): {e}"))?;
    Ok(out)
}

fn write_result(
    out: &mut impl Write,
    format: Format,
    name: &str,
    result: Result<Article, String>,
) -> io::Result<()> {
    match (format, result) {
        (Format::Jsonl, Ok(mut article)) => {
            // The typed body is serialized straight into the line, not through a `Value` tree,
            // which would take several times its size in memory on a huge page.
            let body = std::mem::take(&mut article.body);
            let mut record = Map::new();
            record.insert("path".into(), Value::String(name.to_owned()));
            record.extend(flat_json(&article));
            record.shift_remove("body");
            record.insert("body_text".into(), Value::String(body.text()));
            let body_json = serde_json::to_string(&body).map_err(io::Error::other)?;
            write_json_line_with(out, &Value::Object(record), Some(("body", &body_json)))
        }
        (Format::Jsonl, Err(e)) => {
            let record = serde_json::json!({ "path": name, "error": e });
            write_json_line(out, &record)
        }
        (Format::Json, Ok(article)) => {
            serde_json::to_writer_pretty(&mut *out, &flat_json(&article))?;
            writeln!(out)
        }
        (Format::Text, Ok(article)) => {
            if let Some(t) = &article.title {
                writeln!(out, "{t}\n")?;
            }
            writeln!(out, "{}", article.text())
        }
        (Format::Markdown, Ok(article)) => {
            if let Some(t) = &article.title {
                writeln!(out, "# {}\n", t.replace('\n', " "))?;
            }
            write!(out, "{}", article.markdown())
        }
        (_, Err(e)) => {
            eprintln!("byline: {name}: {e}");
            Ok(())
        }
    }
}

/// Writes `value` as one line of JSON. U+2028 and U+2029 are escaped: JSON allows them raw, but
/// many line readers (Python's `str.splitlines`, JavaScript before ES2019) split lines on them.
fn write_json_line(out: &mut impl Write, value: &Value) -> io::Result<()> {
    write_json_line_with(out, value, None)
}

/// [`write_json_line`], with one more member appended to the object `value`: a key and its
/// already serialized JSON.
fn write_json_line_with(
    out: &mut impl Write,
    value: &Value,
    extra: Option<(&str, &str)>,
) -> io::Result<()> {
    let mut line = serde_json::to_string(value).map_err(io::Error::other)?;
    if let Some((key, json)) = extra
        && line.ends_with('}')
    {
        line.pop();
        if line.len() > 1 {
            line.push(',');
        }
        line.push_str(&serde_json::to_string(key).map_err(io::Error::other)?);
        line.push(':');
        line.push_str(json);
        line.push('}');
    }
    if line.contains(['\u{2028}', '\u{2029}']) {
        let line = line
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029");
        writeln!(out, "{line}")
    } else {
        writeln!(out, "{line}")
    }
}

/// The Article as JSON, with the flat keys of the evaluation contract: dates as ISO strings
/// (the raw page strings beside them as `published_raw` / `updated_raw`) and `body_text`.
fn flat_json(article: &Article) -> Map<String, Value> {
    let mut map = match serde_json::to_value(article) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    for (key, date) in [
        ("published", &article.published),
        ("updated", &article.updated),
    ] {
        map.insert(
            key.into(),
            date.as_ref()
                .map_or(Value::Null, |d| Value::String(d.iso())),
        );
        map.insert(
            format!("{key}_raw"),
            date.as_ref()
                .map_or(Value::Null, |d| Value::String(d.raw().to_owned())),
        );
    }
    map.insert("body_text".into(), Value::String(article.text()));
    map
}
