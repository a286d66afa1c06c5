//! `byline --warc`: WARC archives built here from pages written for these tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_byline"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs byline")
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("warc-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn record(warc_type: &str, id: usize, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Date: 2024-05-0{}T08:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:cli-{id}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        id % 9 + 1,
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(id: usize, uri: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    block.extend_from_slice(body);
    record(
        "response",
        id,
        uri,
        "application/http; msgtype=response",
        &block,
    )
}

fn page(n: usize) -> Vec<u8> {
    format!(
        "<!doctype html><html lang=\"en\"><head><title>Post {n}</title></head><body><article>\
         <h1>Post {n}</h1><p>Paragraph of post {n}, written for the WARC tests of byline.</p>\
         </article></body></html>"
    )
    .into_bytes()
}

/// A crawl with `pages` HTML pages between non-HTML records of every kind.
fn crawl(pages: usize) -> Vec<Vec<u8>> {
    let mut records = vec![record(
        "warcinfo",
        0,
        "",
        "application/warc-fields",
        b"software: byline tests\r\n",
    )];
    for n in 0..pages {
        let uri = format!("https://blog.example/posts/{n}");
        records.push(record(
            "request",
            3 * n + 1,
            &uri,
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\nHost: blog.example\r\n\r\n",
        ));
        records.push(response(
            3 * n + 2,
            &uri,
            "Content-Type: text/html; charset=utf-8\r\n",
            &page(n),
        ));
        if n % 3 == 0 {
            records.push(response(
                3 * n + 3,
                &format!("https://blog.example/img/{n}.png"),
                "Content-Type: image/png\r\n",
                b"\x89PNG\r\n\x1a\n",
            ));
        }
    }
    records
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(data).expect("write");
    enc.finish().expect("finish")
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path.to_str().expect("utf-8 path").to_owned()
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .expect("utf-8 stdout")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn uris(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l["warc_target_uri"].as_str().unwrap_or("?").to_owned())
        .collect()
}

fn expected_uris(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("https://blog.example/posts/{i}"))
        .collect()
}

#[test]
fn plain_warc_by_extension_gives_one_line_per_page() {
    let dir = scratch("plain");
    let path = write(&dir, "crawl.warc", &crawl(5).concat());
    let o = run(&[&path]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let lines = lines(&o);
    assert_eq!(uris(&lines), expected_uris(5));
    let first = &lines[0];
    assert_eq!(first["path"], path.as_str());
    assert_eq!(first["warc_record_id"], "<urn:uuid:cli-2>");
    assert_eq!(first["warc_date"], "2024-05-03T08:00:00Z");
    assert!(first.get("error").is_none());

    // The same flat keys as `--format jsonl` on an HTML file, plus the three WARC keys.
    let html = write(&dir, "page.html", &page(0));
    let single = run(&["--format", "jsonl", &html]);
    let single = lines_of(&single);
    let mut want: Vec<String> = single
        .as_object()
        .expect("object")
        .keys()
        .cloned()
        .collect();
    want.extend(["warc_target_uri", "warc_date", "warc_record_id"].map(String::from));
    want.sort();
    let mut got: Vec<String> = first.as_object().expect("object").keys().cloned().collect();
    got.sort();
    assert_eq!(got, want);
}

fn lines_of(o: &Output) -> Value {
    let mut all = lines(o);
    assert_eq!(all.len(), 1);
    all.remove(0)
}

#[test]
fn gzip_members_with_the_flag_and_any_name() {
    let dir = scratch("gzip");
    let path = write(&dir, "crawl.bin", &gzip_members(&crawl(4)));
    let o = run(&["--warc", &path]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(uris(&lines(&o)), expected_uris(4));

    let path = write(&dir, "crawl.warc.gz", &gzip_members(&crawl(4)));
    let o = run(&["--format", "jsonl", "--no-progress", &path]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(uris(&lines(&o)), expected_uris(4));
}

#[test]
fn standard_input() {
    let mut child = bin()
        .args(["--warc", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let data = gzip_members(&crawl(3));
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let o = child.wait_with_output().expect("wait");
    writer.join().expect("join").expect("write stdin");
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let lines = lines(&o);
    assert_eq!(uris(&lines), expected_uris(3));
    assert_eq!(lines[0]["path"], "-");
}

#[test]
fn order_is_kept_across_batches_and_threads() {
    let dir = scratch("order");
    let path = write(&dir, "big.warc.gz", &gzip_members(&crawl(700)));
    for threads in ["1", "2"] {
        let o = run(&["-j", threads, &path]);
        assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
        assert_eq!(uris(&lines(&o)), expected_uris(700), "-j {threads}");
    }
}

#[test]
fn damaged_records_are_reported_and_skipped() {
    let dir = scratch("damaged");
    let records = crawl(6);
    let mut data = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let mut member = gzip(r);
        // Record 5 is the response of page 1: corrupt its compressed data.
        if i == 5 {
            for b in member.iter_mut().skip(24).take(30) {
                *b = !*b;
            }
        }
        data.extend_from_slice(&member);
    }
    // A final record cut short.
    let last = gzip(&response(99, "https://blog.example/cut", "", &page(99)));
    data.extend_from_slice(&last[..last.len() / 2]);
    let path = write(&dir, "damaged.warc.gz", &data);
    let o = run(&[&path]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let got = uris(&lines(&o));
    let mut want = expected_uris(6);
    want.remove(1);
    assert_eq!(got, want);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains("damaged record"), "{err}");
    assert!(err.contains("file ends inside the record"), "{err}");
}

#[test]
fn lying_charset_and_chunked_gzip_payloads_come_through() {
    let dir = scratch("payloads");
    let utf8 = "<html><head><title>Crème brûlée</title></head><body><p>Déjà vu.</p></body></html>";
    let compressed = gzip(&page(7));
    let mut chunked = format!("{:x}\r\n", compressed.len()).into_bytes();
    chunked.extend_from_slice(&compressed);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let records = [
        response(
            1,
            "https://blog.example/lying",
            "Content-Type: text/html; charset=windows-1252\r\n",
            utf8.as_bytes(),
        ),
        response(
            2,
            "https://blog.example/chunked",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        ),
        response(
            3,
            "not a url",
            "Content-Type: text/html; charset=no-such-label\r\n",
            &page(3),
        ),
    ];
    let path = write(&dir, "payloads.warc", &records.concat());
    let o = run(&[&path]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let lines = lines(&o);
    assert_eq!(
        uris(&lines),
        [
            "https://blog.example/lying",
            "https://blog.example/chunked",
            "not a url"
        ]
    );
    for line in &lines {
        assert!(line.get("error").is_none(), "{line}");
    }
    // The declared windows-1252 loses to the valid UTF-8 bytes.
    assert_eq!(lines[0]["title"], "Crème brûlée");
    assert_eq!(lines[1]["title"], "Post 7");
}

#[test]
fn a_record_reads_like_the_file_with_its_url() {
    let dir = scratch("same");
    let uri = "https://blog.example/2019/02/10/a-post/";
    let html = b"<html><head><title>A post</title></head><body><article><p>Text of a post                  without any date in it, long enough to be the body of the page.</p>                 <img src=\"/img/a.png\"></article></body></html>";
    let warc = write(
        &dir,
        "one.warc",
        &response(1, uri, "Content-Type: text/html\r\n", html),
    );
    let file = write(&dir, "one.html", html);
    let mut from_warc = lines_of(&run(&[&warc]));
    let mut from_file = lines_of(&run(&["--format", "jsonl", "--url", uri, &file]));
    // The record's URI is the page URL: a last-resort date source.
    assert_eq!(from_warc["published"], "2019-02-10");
    for v in [&mut from_warc, &mut from_file] {
        let map = v.as_object_mut().expect("object");
        for key in ["path", "warc_target_uri", "warc_date", "warc_record_id"] {
            map.remove(key);
        }
    }
    assert_eq!(from_warc, from_file);
}

#[test]
fn missing_archive_exits_1_and_usage_errors_exit_2() {
    let o = run(&["--warc", "/nonexistent/crawl.warc.gz"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot open"), "{}", stderr(&o));

    let dir = scratch("usage");
    let warc = write(&dir, "a.warc", &crawl(1).concat());
    let html = write(&dir, "b.html", &page(1));
    assert_eq!(run(&[&warc, &html]).status.code(), Some(2));
    assert_eq!(run(&["--format", "text", &warc]).status.code(), Some(2));
    // With --warc every file is an archive: an HTML file is just a damaged one.
    let o = run(&["--warc", &warc, &html]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(uris(&lines(&o)), expected_uris(1));
    assert!(stderr(&o).contains("damaged record"), "{}", stderr(&o));
}

#[test]
fn empty_archive_prints_nothing() {
    let dir = scratch("empty");
    let path = write(&dir, "empty.warc.gz", b"");
    let o = run(&[&path]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
}
