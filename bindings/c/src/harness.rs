//! The C API driven from the caller's side with one arbitrary input: the body of the `capi` fuzz
//! target (fuzz/fuzz_targets/capi.rs includes this file) and of the test that replays that
//! target's corpus and crash inputs (`tests.rs`). Options are set from the input (URL, charset
//! label, limits), then `byline_parse`, every accessor read to its NUL (AddressSanitizer catches a
//! string that is not terminated or outlives its article), the JSON rendering, and every free
//! function.
//!
//! Input layout: byte 0 holds option flags, byte 1 the length of an option string taken from the
//! bytes that follow it, and the rest is the page.

use std::ffi::{CStr, c_char};
use std::ptr;

use super::*;

/// Reads a borrowed C string to its end, if there is one.
///
/// # Safety
/// `s` is NULL or a NUL-terminated string.
unsafe fn touch(s: *const c_char) -> usize {
    if s.is_null() {
        0
    } else {
        // SAFETY: the accessor contract: NULL or NUL-terminated.
        unsafe { CStr::from_ptr(s) }.to_bytes().len()
    }
}

/// Runs one input through the C API; panics (the fuzzer's crash) when a contract is broken.
pub(crate) fn run(data: &[u8]) {
    let (flags, rest) = match data.split_first() {
        Some((f, r)) => (*f, r),
        None => (0, data),
    };
    let (opt_len, rest) = match rest.split_first() {
        Some((n, r)) => (usize::from(*n).min(r.len()), r),
        None => (0, rest),
    };
    let (opt_str, page) = rest.split_at(opt_len);
    // SAFETY: every pointer passed below is NULL, a live object from this API, or a slice /
    // local of this function that outlives the call.
    unsafe {
        let options = if flags & 1 != 0 {
            byline_options_new()
        } else {
            ptr::null_mut()
        };
        if !options.is_null() {
            // The URL (flag 2) and charset (flag 4) setters, fed the same option string.
            type Setter = unsafe extern "C" fn(
                *mut BylineOptions,
                *const c_char,
                usize,
                *mut *mut BylineError,
            ) -> BylineStatus;
            let setters: [(u8, Setter); 2] =
                [(2, byline_options_set_url), (4, byline_options_set_charset)];
            for (bit, set) in setters {
                if flags & bit == 0 {
                    continue;
                }
                let mut err: *mut BylineError = ptr::null_mut();
                let st = set(options, opt_str.as_ptr().cast(), opt_str.len(), &mut err);
                if st == BYLINE_OK {
                    assert!(err.is_null());
                } else {
                    assert_eq!(byline_error_code(err), st);
                    touch(byline_error_message(err));
                    touch(byline_status_name(st));
                }
                byline_error_free(err);
            }
            if flags & 8 != 0 {
                // Small limits, so that the fuzzer reaches them.
                let scale = u64::from(flags >> 4);
                byline_options_set_max_nodes(options, 2_000 + scale * 500);
                byline_options_set_max_depth(options, 16 + u32::from(flags >> 4) * 4);
                byline_options_set_max_attributes(options, 8);
                byline_options_set_max_json_ld_bytes(options, 4_096);
                byline_options_set_max_text_bytes(options, 8_192);
                byline_options_set_max_attribute_bytes(options, 1_024);
            }
            if flags & 16 != 0 {
                byline_options_set_max_input_bytes(options, opt_len as u64 * 64);
            }
        }
        let mut article: *mut BylineArticle = ptr::null_mut();
        let mut err: *mut BylineError = ptr::null_mut();
        // A NULL page with length 0 is the empty page.
        let bytes = if page.is_empty() && flags & 32 != 0 {
            ptr::null()
        } else {
            page.as_ptr()
        };
        let st = byline_parse(bytes, page.len(), options, &mut article, &mut err);
        if st == BYLINE_OK {
            assert!(!article.is_null() && err.is_null());
            let a = article.cast_const();
            for f in [
                byline_article_title,
                byline_article_published,
                byline_article_updated,
                byline_article_site_name,
                byline_article_canonical_url,
                byline_article_language,
                byline_article_description,
                byline_article_image,
                byline_article_platform,
                byline_article_text,
                byline_article_markdown,
                byline_article_html,
            ] {
                touch(f(a));
            }
            touch(byline_article_published_raw(a));
            touch(byline_article_updated_raw(a));
            // Every field id, and some that are not (the getter must answer NULL).
            for field in -1..24 {
                touch(byline_article_source(a, field));
            }
            let mut n = 0u64;
            byline_article_view_count(a, &mut n);
            byline_article_comment_count(a, &mut n);
            byline_article_like_count(a, &mut n);
            byline_article_word_count(a);
            let authors = byline_article_author_count(a);
            for i in 0..=authors {
                touch(byline_article_author_name(a, i));
                touch(byline_article_author_url(a, i));
            }
            for i in 0..=byline_article_tag_count(a) {
                touch(byline_article_tag(a, i));
            }
            for i in 0..=byline_article_comments_len(a) {
                touch(byline_article_comment_author(a, i));
                touch(byline_article_comment_date(a, i));
                touch(byline_article_comment_date_raw(a, i));
                touch(byline_article_comment_text(a, i));
            }
            let json = byline_article_to_json(a);
            assert!(!json.is_null());
            let text = CStr::from_ptr(json).to_str().expect("JSON is UTF-8");
            serde_json::from_str::<serde_json::Value>(text).expect("JSON parses");
            byline_string_free(json);
            byline_article_free(article);
        } else {
            assert!(article.is_null() && !err.is_null());
            assert_eq!(byline_error_code(err), st);
            touch(byline_error_message(err));
            byline_error_free(err);
        }
        byline_options_free(options);
    }
}
