//! Tests of the C ABI called from Rust, as C would call it; the C programs in
//! `bindings/c/ctest/` and `examples/` cover the compiled library (`.ci/c-api.sh`).

use std::ffi::{CStr, c_char};
use std::ptr;

use byline_core::PageDate;

use super::*;

fn page() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/pages/wix-post.html"
    ))
    .expect("sample page")
}

/// The borrowed string at `p`, `None` for NULL.
fn s(p: *const c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: the library returns NUL-terminated strings that live as long as their handle,
    // which the tests keep alive while reading.
    Some(
        unsafe { CStr::from_ptr(p) }
            .to_str()
            .expect("UTF-8")
            .to_owned(),
    )
}

/// Parses `bytes` with optional options; the article or the error (code, message).
fn parse_with(
    bytes: &[u8],
    options: *const BylineOptions,
) -> Result<*mut BylineArticle, (BylineStatus, String)> {
    let mut out = ptr::dangling_mut::<BylineArticle>();
    let mut err = ptr::dangling_mut::<BylineError>();
    // SAFETY: valid buffer and out-pointers; `options` is NULL or live.
    let code = unsafe { byline_parse(bytes.as_ptr(), bytes.len(), options, &mut out, &mut err) };
    if code == BYLINE_OK {
        assert!(err.is_null());
        assert!(!out.is_null());
        Ok(out)
    } else {
        assert!(out.is_null());
        assert!(!err.is_null());
        // SAFETY: `err` is a live error object.
        unsafe {
            assert_eq!(byline_error_code(err), code);
            let msg = s(byline_error_message(err)).expect("message");
            byline_error_free(err);
            Err((code, msg))
        }
    }
}

#[test]
fn version_matches_the_crate() {
    assert_eq!(
        s(byline_version()).as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn status_names() {
    assert_eq!(
        s(byline_status_name(BYLINE_ERR_TOO_LARGE)).as_deref(),
        Some("BYLINE_ERR_TOO_LARGE")
    );
    assert!(byline_status_name(-7).is_null());
}

#[test]
fn accessors_agree_with_the_rust_api() {
    let bytes = page();
    let rust = Parser::new().parse(&bytes).expect("Rust parse");
    let a = parse_with(&bytes, ptr::null()).expect("C parse");
    // SAFETY: `a` is live until freed at the end.
    unsafe {
        assert_eq!(s(byline_article_title(a)), rust.title);
        assert_eq!(byline_article_author_count(a), rust.authors.len());
        for (i, au) in rust.authors.iter().enumerate() {
            assert_eq!(s(byline_article_author_name(a, i)).as_ref(), Some(&au.name));
            assert_eq!(s(byline_article_author_url(a, i)), au.url);
        }
        assert!(byline_article_author_name(a, rust.authors.len()).is_null());
        assert_eq!(
            s(byline_article_published(a)),
            rust.published.as_ref().map(PageDate::iso)
        );
        assert_eq!(
            s(byline_article_published_raw(a)),
            rust.published.as_ref().map(|d| d.raw().to_owned())
        );
        assert_eq!(
            s(byline_article_updated(a)),
            rust.updated.as_ref().map(PageDate::iso)
        );
        let mut n = 7u64;
        assert_eq!(
            byline_article_view_count(a, &mut n),
            rust.view_count.is_some()
        );
        assert_eq!(n, rust.view_count.unwrap_or(7));
        assert_eq!(s(byline_article_text(a)), Some(rust.text()));
        assert_eq!(s(byline_article_markdown(a)), Some(rust.markdown()));
        assert_eq!(s(byline_article_html(a)), Some(rust.html()));
        // Second call: the same cached pointer.
        assert_eq!(byline_article_text(a), byline_article_text(a));
        assert_eq!(s(byline_article_site_name(a)), rust.site_name);
        assert_eq!(s(byline_article_language(a)), rust.language);
        assert_eq!(s(byline_article_description(a)), rust.description);
        assert_eq!(s(byline_article_canonical_url(a)), rust.canonical_url);
        assert_eq!(s(byline_article_image(a)), rust.image);
        assert_eq!(
            s(byline_article_platform(a)),
            rust.platform.map(|p| p.as_str().to_owned())
        );
        assert_eq!(byline_article_tag_count(a), rust.tags.len());
        assert_eq!(byline_article_comments_len(a), rust.comments.len());
        assert_eq!(byline_article_word_count(a), rust.word_count);
        let title_source = rust.sources.title.map(|src| {
            serde_json::to_value(src)
                .expect("serializes")
                .as_str()
                .expect("a string")
                .to_owned()
        });
        assert_eq!(
            s(byline_article_source(a, BYLINE_FIELD_TITLE)),
            title_source
        );
        assert!(byline_article_source(a, 16).is_null());
        assert!(byline_article_source(a, -1).is_null());

        let json = byline_article_to_json(a);
        let parsed: byline_core::Article =
            serde_json::from_str(&s(json).expect("json")).expect("JSON reads back");
        assert_eq!(parsed, rust);
        byline_string_free(json);
        byline_article_free(a);
    }
}

#[test]
fn rich_article_through_every_accessor() {
    // A page the core understands today only partly; whatever it finds must come through.
    let html = br#"<html lang="de-AT"><head><title>T</title>
        <script type="application/ld+json">{"@type":"BlogPosting","headline":"Nul\u0000here"}</script>
        </head><body><article><p>Some words here.</p></article></body></html>"#;
    let rust = byline_core::parse(html).expect("parses");
    let a = parse_with(html, ptr::null()).expect("parses");
    // SAFETY: `a` is live until freed.
    unsafe {
        let want = rust.title.as_ref().map(|t| t.replace('\0', "\u{FFFD}"));
        assert_eq!(s(byline_article_title(a)), want);
        byline_article_free(a);
    }
}

#[test]
fn null_arguments_are_answered() {
    // SAFETY: every pointer is NULL or valid; that is the point of the test.
    unsafe {
        let mut out = ptr::dangling_mut::<BylineArticle>();
        let mut err = ptr::null_mut::<BylineError>();
        assert_eq!(
            byline_parse(ptr::null(), 0, ptr::null(), ptr::null_mut(), &mut err),
            BYLINE_ERR_NULL_ARGUMENT
        );
        assert_eq!(byline_error_code(err), BYLINE_ERR_NULL_ARGUMENT);
        byline_error_free(err);
        assert_eq!(
            byline_parse(ptr::null(), 5, ptr::null(), &mut out, ptr::null_mut()),
            BYLINE_ERR_NULL_ARGUMENT
        );
        assert!(out.is_null());
        // NULL with length 0 is the empty page.
        assert_eq!(
            byline_parse(ptr::null(), 0, ptr::null(), &mut out, ptr::null_mut()),
            BYLINE_OK
        );
        assert_eq!(s(byline_article_text(out)).as_deref(), Some(""));
        byline_article_free(out);

        let a = ptr::null::<BylineArticle>();
        assert!(byline_article_title(a).is_null());
        assert!(byline_article_text(a).is_null());
        assert!(byline_article_to_json(a).is_null());
        assert!(byline_article_source(a, BYLINE_FIELD_TITLE).is_null());
        assert_eq!(byline_article_author_count(a), 0);
        assert!(byline_article_author_name(a, 0).is_null());
        assert!(byline_article_comment_text(a, 0).is_null());
        assert!(!byline_article_like_count(a, ptr::null_mut()));
        assert_eq!(byline_article_word_count(a), 0);
        assert_eq!(byline_error_code(ptr::null()), BYLINE_ERR_NULL_ARGUMENT);
        assert!(byline_error_message(ptr::null()).is_null());
        assert_eq!(
            byline_options_set_max_depth(ptr::null_mut(), 3),
            BYLINE_ERR_NULL_ARGUMENT
        );
        assert_eq!(
            byline_options_set_url(ptr::null_mut(), c"x".as_ptr(), 1, ptr::null_mut()),
            BYLINE_ERR_NULL_ARGUMENT
        );
        byline_article_free(ptr::null_mut());
        byline_options_free(ptr::null_mut());
        byline_error_free(ptr::null_mut());
        byline_string_free(ptr::null_mut());
    }
}

#[test]
fn options_are_validated_and_applied() {
    let o = byline_options_new();
    // SAFETY: `o` is live until freed; string arguments point to their stated lengths.
    unsafe {
        let bad = b"https://ex\xffample.com/";
        let mut err = ptr::null_mut();
        assert_eq!(
            byline_options_set_url(o, bad.as_ptr().cast(), bad.len(), &mut err),
            BYLINE_ERR_INVALID_UTF8
        );
        assert_eq!(byline_error_code(err), BYLINE_ERR_INVALID_UTF8);
        byline_error_free(err);
        let rel = b"/relative/path";
        assert_eq!(
            byline_options_set_url(o, rel.as_ptr().cast(), rel.len(), &mut err),
            BYLINE_ERR_INVALID_URL
        );
        assert!(
            s(byline_error_message(err))
                .expect("msg")
                .contains("relative")
        );
        byline_error_free(err);
        let url = b"https://example.com/2021/07/30/post/";
        assert_eq!(
            byline_options_set_url(o, url.as_ptr().cast(), url.len(), &mut err),
            BYLINE_OK
        );
        assert!(err.is_null());

        let cs = b"no-such-charset";
        assert_eq!(
            byline_options_set_charset(o, cs.as_ptr().cast(), cs.len(), ptr::null_mut()),
            BYLINE_OK
        );
        assert_eq!(
            parse_with(b"<p>x</p>", o)
                .map(|_| ())
                .expect_err("unknown")
                .0,
            BYLINE_ERR_UNKNOWN_CHARSET
        );
        assert_eq!(
            byline_options_set_charset(o, ptr::null(), 0, ptr::null_mut()),
            BYLINE_OK
        );

        assert_eq!(byline_options_set_max_input_bytes(o, 10), BYLINE_OK);
        let (code, msg) = parse_with(&[b' '; 11], o)
            .map(|_| ())
            .expect_err("too large");
        assert_eq!(code, BYLINE_ERR_TOO_LARGE);
        assert!(msg.contains("11"), "{msg}");
        // The length is checked before the buffer is read.
        let mut out = ptr::null_mut();
        assert_eq!(
            byline_parse(ptr::dangling(), usize::MAX, o, &mut out, ptr::null_mut()),
            BYLINE_ERR_TOO_LARGE
        );
        assert_eq!(
            byline_parse(
                ptr::dangling(),
                usize::MAX,
                ptr::null(),
                &mut out,
                ptr::null_mut()
            ),
            BYLINE_ERR_TOO_LARGE
        );
        assert_eq!(byline_options_set_max_input_bytes(o, u64::MAX), BYLINE_OK);
        assert_eq!(byline_options_set_max_nodes(o, 100), BYLINE_OK);
        assert_eq!(byline_options_set_max_json_ld_bytes(o, 100), BYLINE_OK);
        assert_eq!(byline_options_set_max_attributes(o, 2), BYLINE_OK);
        assert_eq!(byline_options_set_max_depth(o, 4), BYLINE_OK);
        let a = parse_with(&page(), o).expect("parses with tight limits");
        byline_article_free(a);

        byline_options_free(o);
    }
}

#[test]
fn threads_share_options_and_articles() {
    let o = byline_options_new() as usize;
    let bytes = page();
    let a = parse_with(&bytes, ptr::null()).expect("parses") as usize;
    std::thread::scope(|sc| {
        for _ in 0..4 {
            sc.spawn(|| {
                // SAFETY: the options and the article outlive the scope and are only read.
                unsafe {
                    let art = parse_with(&bytes, o as *const BylineOptions).expect("parses");
                    byline_article_free(art);
                    let md = byline_article_markdown(a as *const BylineArticle);
                    assert!(!md.is_null());
                }
            });
        }
    });
    // SAFETY: both are live and no longer shared.
    unsafe {
        byline_article_free(a as *mut BylineArticle);
        byline_options_free(o as *mut BylineOptions);
    }
}

/// The committed header must be what cbindgen (the version pinned in Cargo.lock) makes of this
/// crate. `BYLINE_BLESS=1 cargo test -p byline-c header` rewrites it.
#[test]
fn header_is_up_to_date() {
    let crate_dir = env!("CARGO_MANIFEST_DIR");
    let config =
        cbindgen::Config::from_file(format!("{crate_dir}/cbindgen.toml")).expect("cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut fresh = Vec::new();
    bindings.write(&mut fresh);
    let path = format!("{crate_dir}/../../include/byline.h");
    if std::env::var_os("BYLINE_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write include/byline.h");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "include/byline.h is stale: run `BYLINE_BLESS=1 cargo test -p byline-c header` and commit it"
    );
}

/// With `--features inject-panic`, every entry point is made to panic: the panic must come out
/// as an error code or a NULL / 0 / false, never as an unwind into the caller.
#[cfg(feature = "inject-panic")]
#[test]
fn panics_never_cross_the_boundary() {
    let bytes = page();
    let a = parse_with(&bytes, ptr::null()).expect("parses");
    let o = byline_options_new();
    inject::arm(true);
    // SAFETY: live handles and valid out-pointers throughout.
    unsafe {
        let mut out = ptr::dangling_mut();
        let mut err = ptr::null_mut();
        assert_eq!(
            byline_parse(bytes.as_ptr(), bytes.len(), ptr::null(), &mut out, &mut err),
            BYLINE_ERR_PANIC
        );
        assert!(out.is_null());
        inject::arm(false);
        assert_eq!(byline_error_code(err), BYLINE_ERR_PANIC);
        assert!(
            s(byline_error_message(err))
                .expect("msg")
                .contains("injected panic")
        );
        byline_error_free(err);
        inject::arm(true);
        assert_eq!(
            byline_options_set_url(o, c"https://e.x/".as_ptr(), 12, &mut err),
            BYLINE_ERR_PANIC
        );
        inject::arm(false);
        byline_error_free(err);
        inject::arm(true);
        assert_eq!(
            byline_options_set_charset(o, c"utf-8".as_ptr(), 5, ptr::null_mut()),
            BYLINE_ERR_PANIC
        );
        assert_eq!(byline_options_set_max_depth(o, 3), BYLINE_ERR_PANIC);
        assert!(byline_options_new().is_null());
        assert!(byline_article_title(a).is_null());
        assert!(byline_article_markdown(a).is_null());
        assert!(byline_article_to_json(a).is_null());
        assert!(byline_article_author_name(a, 0).is_null());
        assert!(byline_article_source(a, BYLINE_FIELD_TITLE).is_null());
        assert!(!byline_article_view_count(a, ptr::null_mut()));
        assert_eq!(byline_article_word_count(a), 0);
        assert_eq!(byline_error_code(ptr::null()), BYLINE_ERR_PANIC);
        // A panicking free leaks the handle rather than unwinding.
        byline_string_free(ptr::null_mut());
        inject::arm(false);
        byline_article_free(a);
        byline_options_free(o);

        // The magic input panics inside the parse itself.
        let mut magic = inject::MAGIC.to_vec();
        magic.extend_from_slice(b"<p>x</p>");
        assert_eq!(
            parse_with(&magic, ptr::null())
                .map(|_| ())
                .expect_err("panics")
                .0,
            BYLINE_ERR_PANIC
        );
        // The library is still usable.
        let a = parse_with(&bytes, ptr::null()).expect("parses after a panic");
        byline_article_free(a);
    }
}

/// The `capi` fuzz target's corpus and crash inputs (fuzz/corpus/capi, fuzz/regressions/capi),
/// replayed through the same harness: each must pass its checks without a panic.
#[test]
fn fuzz_inputs_replay_through_the_c_api() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut n = 0;
    for dir in ["corpus/capi", "regressions/capi"] {
        let Ok(files) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for f in files.filter_map(Result::ok) {
            // A file can vanish while a fuzzer runs on this checkout (it replaces inputs it
            // has reduced).
            let Ok(data) = std::fs::read(f.path()) else {
                continue;
            };
            harness::run(&data);
            n += 1;
        }
    }
    assert!(n >= 10, "capi fuzz corpus missing: {n} inputs");
}
