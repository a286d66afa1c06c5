//! Packs HTML pages into a `.warc.gz` the way crawlers write them (a `warcinfo` record, then a
//! `request` and a `response` record per page, each record its own gzip member), to measure
//! `byline --warc` on realistic input.
//!
//! ```text
//! cargo run --release -p byline-cli --example pack_warc -- OUT.warc.gz [--count N] SOURCE_DIR...
//! ```
//!
//! Each SOURCE_DIR holds a `gold.jsonl` whose lines name a page (`file`, relative to the
//! directory; `.html` or `.html.gz`) and its `url`, as the evaluation corpus does. With
//! `--count N`, pages are repeated (with distinct URIs) until N responses are written.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use flate2::Compression;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(out_path) = args.next() else {
        eprintln!("usage: pack_warc OUT.warc.gz [--count N] SOURCE_DIR...");
        std::process::exit(2);
    };
    let mut count = None;
    let mut dirs = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--count" {
            count = args.next().and_then(|n| n.parse::<usize>().ok());
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }

    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in &dirs {
        let gold = BufReader::new(File::open(dir.join("gold.jsonl"))?);
        for line in gold.lines() {
            let v: serde_json::Value = serde_json::from_str(&line?).map_err(io::Error::other)?;
            let (Some(file), Some(url)) = (v["file"].as_str(), v["url"].as_str()) else {
                continue;
            };
            let path = dir.join(file);
            let mut bytes = Vec::new();
            if file.ends_with(".gz") {
                MultiGzDecoder::new(File::open(&path)?).read_to_end(&mut bytes)?;
            } else {
                File::open(&path)?.read_to_end(&mut bytes)?;
            }
            pages.push((url.to_owned(), bytes));
        }
    }
    if pages.is_empty() {
        eprintln!("pack_warc: no pages found");
        std::process::exit(1);
    }
    let total = count.unwrap_or(pages.len());

    let mut out = BufWriter::new(File::create(&out_path)?);
    let info = b"software: byline pack_warc\r\nformat: WARC File Format 1.1\r\n";
    write_member(
        &mut out,
        "warcinfo",
        0,
        None,
        "application/warc-fields",
        info,
    )?;
    let mut written = 0u64;
    for i in 0..total {
        let (url, body) = &pages[i % pages.len()];
        let round = i / pages.len();
        let uri = if round == 0 {
            url.clone()
        } else {
            format!(
                "{url}{}round={round}",
                if url.contains('?') { '&' } else { '?' }
            )
        };
        let host = uri.split('/').nth(2).unwrap_or("example.invalid");
        let request = format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nUser-Agent: byline-test\r\nAccept: text/html\r\n\r\n"
        );
        let id = 2 * i as u64 + 1;
        write_member(
            &mut out,
            "request",
            id,
            Some(&uri),
            "application/http; msgtype=request",
            request.as_bytes(),
        )?;
        let mut response = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        response.extend_from_slice(body);
        write_member(
            &mut out,
            "response",
            id + 1,
            Some(&uri),
            "application/http; msgtype=response",
            &response,
        )?;
        written += 1;
    }
    out.flush()?;
    eprintln!("pack_warc: {written} responses from {} pages", pages.len());
    Ok(())
}

/// Writes one WARC record as one gzip member.
fn write_member(
    out: &mut impl Write,
    warc_type: &str,
    id: u64,
    uri: Option<&str>,
    content_type: &str,
    block: &[u8],
) -> io::Result<()> {
    let mut rec = GzEncoder::new(Vec::new(), Compression::default());
    write!(
        rec,
        "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:012x}>\r\n"
    )?;
    if let Some(uri) = uri {
        write!(rec, "WARC-Target-URI: {uri}\r\n")?;
    }
    write!(
        rec,
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )?;
    rec.write_all(block)?;
    rec.write_all(b"\r\n\r\n")?;
    out.write_all(&rec.finish()?)
}
