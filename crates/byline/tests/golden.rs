//! Golden tests: every `tests/golden/<case>.json` names a page (`page`, default `<case>.html`),
//! an optional page `url`, and the fields expected of its Article (`expect`). Only the fields
//! listed are compared; `body_contains` / `body_excludes` are snippets of the body text.
//!
//! Dates compare on their ISO prefix ("2021-07-30" matches "2021-07-30T18:44:05Z").

use std::path::{Path, PathBuf};

use serde_json::Value;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

fn actual(article: &byline::Article, key: &str) -> Value {
    let date =
        |d: &Option<byline::PageDate>| d.as_ref().map_or(Value::Null, |d| Value::String(d.iso()));
    match key {
        "title" => article.title.clone().into(),
        "authors" => article
            .authors
            .iter()
            .map(|a| Value::String(a.name.clone()))
            .collect(),
        "author_urls" => article
            .authors
            .iter()
            .map(|a| a.url.clone().map_or(Value::Null, Value::String))
            .collect(),
        "published" => date(&article.published),
        "updated" => date(&article.updated),
        "view_count" => article.view_count.into(),
        "comment_count" => article.comment_count.into(),
        "like_count" => article.like_count.into(),
        "site_name" => article.site_name.clone().into(),
        "language" => article.language.clone().into(),
        "canonical_url" => article.canonical_url.clone().into(),
        "description" => article.description.clone().into(),
        "image" => article.image.clone().into(),
        "tags" => article.tags.iter().cloned().map(Value::String).collect(),
        "platform" => article
            .platform
            .map_or(Value::Null, |p| Value::String(p.as_str().to_owned())),
        other => panic!("golden file names an unknown field {other:?}"),
    }
}

fn matches(expected: &Value, actual: &Value, key: &str) -> bool {
    match (key, expected, actual) {
        ("published" | "updated", Value::String(e), Value::String(a)) => a.starts_with(e.as_str()),
        _ => expected == actual,
    }
}

fn check_case(spec_path: &Path, failures: &mut Vec<String>) {
    let case = spec_path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("?")
        .to_owned();
    let spec_text = std::fs::read_to_string(spec_path).unwrap_or_else(|e| panic!("{case}: {e}"));
    let spec: Value =
        serde_json::from_str(&spec_text).unwrap_or_else(|e| panic!("{case}: bad JSON: {e}"));
    let page = spec["page"]
        .as_str()
        .map_or_else(|| format!("{case}.html"), str::to_owned);
    let html =
        std::fs::read(golden_dir().join(&page)).unwrap_or_else(|e| panic!("{case}: {page}: {e}"));
    let mut parser = byline::Parser::new();
    if let Some(url) = spec["url"].as_str() {
        parser = parser
            .url(url)
            .unwrap_or_else(|e| panic!("{case}: bad url: {e}"));
    }
    let article = parser
        .parse(&html)
        .unwrap_or_else(|e| panic!("{case}: parse failed: {e}"));
    let text = article.text();
    let Some(expect) = spec["expect"].as_object() else {
        panic!("{case}: no expect object");
    };
    for (key, want) in expect {
        let snippets = || {
            want.as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
        };
        match key.as_str() {
            "body_contains" => failures.extend(
                snippets()
                    .filter(|s| !text.contains(s))
                    .map(|s| format!("{case}: body lacks {s:?}")),
            ),
            "body_excludes" => failures.extend(
                snippets()
                    .filter(|s| text.contains(s))
                    .map(|s| format!("{case}: body contains boilerplate {s:?}")),
            ),
            _ => {
                let got = actual(&article, key);
                if !matches(want, &got, key) {
                    failures.push(format!("{case}: {key}: expected {want}, got {got}"));
                }
            }
        }
    }
}

#[test]
fn golden_pages() {
    let mut specs: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    specs.sort();
    assert!(!specs.is_empty(), "no golden cases found");
    let mut failures = Vec::new();
    for spec in &specs {
        check_case(spec, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} golden mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
