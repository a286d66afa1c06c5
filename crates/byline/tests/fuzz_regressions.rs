//! Replays the fuzz corpus and the inputs of every crash the fuzzers found (`fuzz/corpus/*`,
//! `fuzz/regressions/*`) through the public API and the visible-text parsers. Each input must
//! give a result or a clean error, never a panic.

use std::path::{Path, PathBuf};

fn inputs() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut out = Vec::new();
    for kind in ["corpus", "regressions"] {
        let Ok(targets) = std::fs::read_dir(root.join(kind)) else {
            continue;
        };
        for target in targets.filter_map(Result::ok) {
            let name = target.file_name().to_string_lossy().into_owned();
            let Ok(files) = std::fs::read_dir(target.path()) else {
                continue;
            };
            for f in files.filter_map(Result::ok) {
                if f.path().is_file() {
                    out.push((name.clone(), f.path()));
                }
            }
        }
    }
    out.sort();
    out
}

fn small_limits() -> byline::Limits {
    let mut limits = byline::Limits::default();
    limits.max_nodes = 20_000;
    limits.max_depth = 64;
    limits.max_attributes = 32;
    limits.max_json_ld_bytes = 16 * 1024;
    limits
}

#[test]
fn fuzz_inputs_replay_without_panic() {
    let inputs = inputs();
    assert!(
        inputs.len() >= 3,
        "fuzz corpus missing: found {} inputs",
        inputs.len()
    );
    let parser = byline::Parser::new()
        .url("https://example.com/2021/07/30/post/")
        .expect("valid URL")
        .limits(small_limits());
    for (target, path) in inputs {
        let data = std::fs::read(&path).expect("readable input");
        match target.as_str() {
            "jsonld" => {
                let mut page = b"<script type=\"application/ld+json\">".to_vec();
                page.extend_from_slice(&data);
                page.extend_from_slice(b"</script><p>Body text.</p>");
                let _ = byline::parse(&page);
            }
            "textparse" => {
                let Some((&first, rest)) = data.split_first() else {
                    continue;
                };
                let Ok(text) = std::str::from_utf8(rest) else {
                    continue;
                };
                let langs = [
                    None,
                    Some("en"),
                    Some("de"),
                    Some("fr"),
                    Some("ru"),
                    Some("ja"),
                ];
                let lang = langs[usize::from(first) % langs.len()];
                use byline::internals::{
                    byline_names, structured_date, visible_counts, visible_date,
                };
                let _ = (
                    visible_date(text, lang),
                    visible_counts(text, lang),
                    byline_names(text),
                    structured_date(text),
                );
            }
            _ => {
                if let Ok(article) = parser.parse(&data) {
                    let _ = (article.text(), article.markdown(), article.html());
                }
                let _ = byline::parse(&data);
            }
        }
    }
}
