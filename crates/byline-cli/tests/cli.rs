//! End-to-end tests of the `byline` binary: formats, exit codes, the evaluation contract.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_byline"))
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages/wix-post.html")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs byline")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

#[test]
fn json_is_one_pretty_article_with_contract_keys() {
    let o = run(&[sample().to_str().expect("utf-8 path")]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    for key in [
        "title",
        "authors",
        "published",
        "updated",
        "body",
        "body_text",
        "view_count",
        "comment_count",
        "like_count",
        "site_name",
        "canonical_url",
        "language",
        "description",
        "tags",
        "image",
        "platform",
        "word_count",
        "sources",
        "published_raw",
        "updated_raw",
    ] {
        assert!(v.get(key).is_some(), "key {key} missing");
    }
    assert_eq!(v["title"], "NATO and Azerbaijan: An Unbalanced Partnership");
    assert!(
        v["body_text"]
            .as_str()
            .is_some_and(|t| t.contains("Southern Gas Corridor"))
    );
    // Dates are flat ISO strings in the CLI output, as the evaluation contract reads them.
    assert!(
        v["published"]
            .as_str()
            .is_some_and(|d| d.starts_with("2014-07-10"))
    );
    assert!(stdout(&o).contains("\n  \"title\""), "pretty-printed");
}

#[test]
fn jsonl_has_one_line_per_input_in_order_with_errors_inline() {
    let missing = "/nonexistent/byline-test.html";
    let s = sample();
    let s = s.to_str().expect("utf-8 path");
    let o = run(&["--format", "jsonl", s, missing, s]);
    assert_eq!(o.status.code(), Some(1), "some input failed");
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["path"], s);
    assert_eq!(lines[1]["path"], missing);
    assert!(
        lines[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("cannot read"))
    );
    assert_eq!(lines[2]["path"], s);
    assert!(lines[0].get("error").is_none());
    assert_eq!(lines[0]["title"], lines[2]["title"]);
}

#[test]
fn many_inputs_keep_their_order() {
    let dir = std::env::temp_dir().join(format!("byline-cli-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut paths = Vec::new();
    for i in 0..600 {
        let p = dir.join(format!("{i}.html"));
        std::fs::write(
            &p,
            format!("<title>Page number {i}</title><h1>Page number {i}</h1><p>Body {i}.</p>"),
        )
        .expect("write page");
        paths.push(p.to_string_lossy().into_owned());
    }
    let mut args = vec!["--format", "jsonl", "-j", "2"];
    args.extend(paths.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for (i, line) in out.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        assert_eq!(v["path"], paths[i].as_str());
    }
    assert_eq!(out.lines().count(), 600);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stdin_text_and_markdown() {
    let page = "<html><head><title>Stdin page</title></head><body><article><h1>Stdin page</h1>\
                <p>A paragraph with *stars* and enough words to be the body of this page.</p></article></body></html>";
    for (format, expect) in [
        ("text", "A paragraph with *stars*"),
        ("markdown", "A paragraph with \\*stars\\*"),
    ] {
        let mut child = bin()
            .args(["--format", format])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(page.as_bytes())
            .expect("write stdin");
        let o = child.wait_with_output().expect("wait");
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        assert!(out.contains(expect), "{format}: {out}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["--format", "yaml"]).status.code(), Some(2));
    assert_eq!(run(&["--no-such-flag"]).status.code(), Some(2));
    assert_eq!(
        run(&["--url", "not a url", "x.html"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["--charset", "no-such-charset", "x.html"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["-j", "0", "x.html"]).status.code(), Some(2));
}

#[test]
fn url_option_resolves_and_dates() {
    let dir = std::env::temp_dir().join(format!("byline-cli-url-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join("page.html");
    std::fs::write(&p, "<title>T</title><p>Hello there.</p>").expect("write");
    let o = run(&[
        "--format",
        "jsonl",
        "--url",
        "https://blog.example/2019/02/10/a-post/",
        p.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["published"], "2019-02-10");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn jsonl_escapes_line_and_paragraph_separators() {
    let dir = std::env::temp_dir().join(format!("byline-cli-sep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = dir.join("a\u{2028}b\u{2029}c.html");
    std::fs::write(&page, "<title>x</title><p>one\u{2028}two</p>").expect("write page");
    let o = run(&[
        "--format",
        "jsonl",
        "--no-progress",
        page.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(!out.contains(['\u{2028}', '\u{2029}']), "{out}");
    assert_eq!(out.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(out.trim_end()).expect("valid JSON");
    assert_eq!(v["path"].as_str(), page.to_str());
    std::fs::remove_dir_all(&dir).ok();
}

/// A gzip-compressed page (a saved `.html.gz`, or gzip on standard input) reads as the page
/// itself; a damaged gzip stream is that input's error, not a crash or garbage output.
#[test]
fn gzip_inputs_are_decompressed() {
    use flate2::{Compression, write::GzEncoder};
    let html = std::fs::read(sample()).expect("sample page");
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(&html).expect("compress");
    let gz = enc.finish().expect("compress");

    let dir = std::env::temp_dir().join(format!("byline-cli-gz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = dir.join("post.html.gz");
    std::fs::write(&page, &gz).expect("write page");
    let damaged = dir.join("damaged.html.gz");
    std::fs::write(&damaged, &gz[..gz.len() / 2]).expect("write page");

    let plain = run(&["--format", "jsonl", sample().to_str().expect("utf-8 path")]);
    let o = run(&[
        "--format",
        "jsonl",
        page.to_str().expect("utf-8 path"),
        damaged.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(1), "the damaged input fails");
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let want: serde_json::Value = serde_json::from_str(stdout(&plain).trim()).expect("JSON line");
    assert_eq!(lines[0]["title"], want["title"]);
    assert_eq!(lines[0]["body_text"], want["body_text"]);
    assert_eq!(lines[0]["view_count"], 25);
    let err = lines[1]["error"].as_str().expect("error record");
    assert!(err.contains("gzip"), "{err}");

    let mut child = bin()
        .args(["--format", "text"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs byline");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&gz)
        .expect("write stdin");
    let o = child.wait_with_output().expect("waits");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("NATO and Azerbaijan"),
        "{}",
        stdout(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}
