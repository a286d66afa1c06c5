//! The C ABI of byline: `libbyline.so` / `libbyline.a` and the header `include/byline.h`,
//! which cbindgen generates from this file (`bindings/c/cbindgen.toml`).
//!
//! A thin layer: no extraction logic lives here. Every exported function
//!
//! - has a name starting with `byline_`;
//! - accepts NULL for every pointer argument and answers it with a documented value;
//! - runs its body inside [`std::panic::catch_unwind`], so that a panic never unwinds into C:
//!   it becomes [`BYLINE_ERR_PANIC`] (or NULL / 0 / false where the function returns no
//!   status).
//!
//! Strings handed to C are UTF-8 and NUL-terminated. Strings that belong to a handle are built
//! once, kept inside the handle and stay valid until the handle is freed; a NUL character inside
//! page text (possible through JSON-LD `\u0000` escapes) is replaced by U+FFFD so that C sees the
//! whole value.

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]
#![deny(clippy::undocumented_unsafe_blocks)]

mod handles;

use std::ffi::{CStr, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

use byline_core::{Limits, Parser};

use handles::c_string;
pub use handles::{BylineArticle, BylineError, BylineOptions};

/// Status code returned by the functions that can fail; `BYLINE_OK` (0) on success.
pub type BylineStatus = i32;

/// Success.
pub const BYLINE_OK: BylineStatus = 0;
/// The input is larger than the `max_input_bytes` limit (see `byline_options_set_max_input_bytes`).
pub const BYLINE_ERR_TOO_LARGE: BylineStatus = 1;
/// The charset set with `byline_options_set_charset` is not a known encoding label.
pub const BYLINE_ERR_UNKNOWN_CHARSET: BylineStatus = 2;
/// The URL given to `byline_options_set_url` is not an absolute URL.
pub const BYLINE_ERR_INVALID_URL: BylineStatus = 3;
/// A required pointer argument was NULL (or a NULL buffer came with a non-zero length).
pub const BYLINE_ERR_NULL_ARGUMENT: BylineStatus = 100;
/// A string argument (URL, charset label) is not valid UTF-8.
pub const BYLINE_ERR_INVALID_UTF8: BylineStatus = 101;
/// byline panicked internally. The panic was caught at the boundary; the process is intact and
/// the library stays usable. Please report it: it is a bug.
pub const BYLINE_ERR_PANIC: BylineStatus = 102;
/// An error of the core library that this version of the C layer has no dedicated code for.
pub const BYLINE_ERR_OTHER: BylineStatus = 199;

/// Names a field of the article, for `byline_article_source`.
pub type BylineField = i32;

/// The title.
pub const BYLINE_FIELD_TITLE: BylineField = 0;
/// The authors.
pub const BYLINE_FIELD_AUTHORS: BylineField = 1;
/// The publication date.
pub const BYLINE_FIELD_PUBLISHED: BylineField = 2;
/// The modification date.
pub const BYLINE_FIELD_UPDATED: BylineField = 3;
/// The body.
pub const BYLINE_FIELD_BODY: BylineField = 4;
/// The view count.
pub const BYLINE_FIELD_VIEW_COUNT: BylineField = 5;
/// The comment count.
pub const BYLINE_FIELD_COMMENT_COUNT: BylineField = 6;
/// The like count.
pub const BYLINE_FIELD_LIKE_COUNT: BylineField = 7;
/// The site name.
pub const BYLINE_FIELD_SITE_NAME: BylineField = 8;
/// The canonical URL.
pub const BYLINE_FIELD_CANONICAL_URL: BylineField = 9;
/// The language.
pub const BYLINE_FIELD_LANGUAGE: BylineField = 10;
/// The description.
pub const BYLINE_FIELD_DESCRIPTION: BylineField = 11;
/// The tags.
pub const BYLINE_FIELD_TAGS: BylineField = 12;
/// The lead image.
pub const BYLINE_FIELD_IMAGE: BylineField = 13;
/// The platform.
pub const BYLINE_FIELD_PLATFORM: BylineField = 14;
/// The reader comments.
pub const BYLINE_FIELD_COMMENTS: BylineField = 15;

/// Test-only panic injection (`--features inject-panic`): proves that a panic anywhere inside an
/// entry point is turned into an error at the boundary.
#[cfg(feature = "inject-panic")]
pub(crate) mod inject {
    use std::cell::Cell;

    /// An input starting with these bytes makes `byline_parse` panic (used by the C tests).
    pub(crate) const MAGIC: &[u8] = b"BYLINE-INJECT-PANIC";

    thread_local! {
        static ARMED: Cell<bool> = const { Cell::new(false) };
    }

    /// Makes every entry point called on this thread panic (`true`) or behave (`false`).
    #[cfg(test)]
    pub(crate) fn arm(on: bool) {
        ARMED.with(|a| a.set(on));
    }

    /// Panics when armed.
    pub(crate) fn check() {
        if ARMED.with(Cell::get) {
            panic!("byline-c: injected panic");
        }
    }
}

/// Runs `f`, turning a panic into `on_panic`. The panic payload is dropped inside a second
/// guard: a payload whose destructor panics must not escape either.
fn guard<R>(on_panic: R, f: impl FnOnce() -> R) -> R {
    guard_with(|_| on_panic, f)
}

/// Runs `f`; on a panic, calls `on_panic` with the panic message.
fn guard_with<R>(on_panic: impl FnOnce(&str) -> R, f: impl FnOnce() -> R) -> R {
    let run = move || {
        #[cfg(feature = "inject-panic")]
        inject::check();
        f()
    };
    // The closures only touch the arguments of one call; after a panic nothing they touched is
    // used again except through freshly checked handles, so asserting unwind safety is sound.
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let _ = catch_unwind(AssertUnwindSafe(move || drop(payload)));
            catch_unwind(AssertUnwindSafe(move || on_panic(&message)))
                .unwrap_or_else(|_| std::process::abort())
        }
    }
}

/// Writes `value` through `out` when `out` is not NULL.
///
/// # Safety
/// `out` is NULL or valid for a write of `T`.
unsafe fn put<T>(out: *mut T, value: T) {
    if !out.is_null() {
        // SAFETY: non-NULL, and the caller guarantees it is valid for writes. `write` does not
        // read or drop the old (possibly uninitialised) value.
        unsafe { out.write(value) };
    }
}

/// Stores a new error object through `err_out` (when not NULL) and returns its code.
///
/// # Safety
/// `err_out` is NULL or valid for a write of a pointer.
unsafe fn fail(err_out: *mut *mut BylineError, code: BylineStatus, message: &str) -> BylineStatus {
    if !err_out.is_null() {
        let e = Box::into_raw(Box::new(BylineError::new(code, message)));
        // SAFETY: the caller guarantees `err_out` is NULL (checked) or valid for writes.
        unsafe { put(err_out, e) };
    }
    code
}

/// Borrows the bytes of a pointer + length argument. `None` when `ptr` is NULL and `len` is not 0.
///
/// # Safety
/// When `ptr` is not NULL, it points to `len` readable bytes that stay unchanged during the call.
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Option<&'a [u8]> {
    if len == 0 {
        return Some(&[]);
    }
    if ptr.is_null() || len > isize::MAX as usize {
        return None;
    }
    // SAFETY: non-NULL, at most isize::MAX bytes, readable and unaliased by writes per the
    // caller's contract.
    Some(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// The status for a core error.
fn status_of(e: &byline_core::Error) -> BylineStatus {
    match e.code() {
        byline_core::ErrorCode::TooLarge => BYLINE_ERR_TOO_LARGE,
        byline_core::ErrorCode::UnknownCharset => BYLINE_ERR_UNKNOWN_CHARSET,
        byline_core::ErrorCode::InvalidUrl => BYLINE_ERR_INVALID_URL,
        _ => BYLINE_ERR_OTHER,
    }
}

/// Reads a UTF-8 string argument given as pointer + length. `Ok(None)` for (NULL, 0).
///
/// # Safety
/// As for [`bytes`].
unsafe fn str_arg<'a>(ptr: *const c_char, len: usize) -> Result<Option<&'a str>, BylineStatus> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(None)
        } else {
            Err(BYLINE_ERR_NULL_ARGUMENT)
        };
    }
    // SAFETY: forwarded caller contract.
    let b = unsafe { bytes(ptr.cast::<u8>(), len) }.ok_or(BYLINE_ERR_NULL_ARGUMENT)?;
    std::str::from_utf8(b)
        .map(Some)
        .map_err(|_| BYLINE_ERR_INVALID_UTF8)
}

/// Borrows a handle argument.
///
/// # Safety
/// `p` is NULL or a live handle of type `T` returned by this library.
unsafe fn handle<'a, T>(p: *const T) -> Option<&'a T> {
    // SAFETY: per the caller's contract, non-NULL means a live handle.
    unsafe { p.as_ref() }
}

/// Pointer to an optional cached string, NULL when absent.
fn opt_ptr(s: Option<&CStr>) -> *const c_char {
    s.map_or(ptr::null(), CStr::as_ptr)
}

// ---------------------------------------------------------------------------------------------
// Version and status names

/// The version of the byline library, e.g. `"0.1.0"`.
///
/// @return A static NUL-terminated string; never NULL. Do not free it.
///
/// Thread-safety: may be called from any thread at any time.
#[unsafe(no_mangle)]
pub extern "C" fn byline_version() -> *const c_char {
    const VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(v) => v,
            Err(_) => c"",
        };
    VERSION.as_ptr()
}

/// The name of a status code, e.g. `"BYLINE_ERR_TOO_LARGE"` for `BYLINE_ERR_TOO_LARGE`.
///
/// @param status Any integer.
/// @return A static NUL-terminated string; NULL when `status` is not a known code. Do not free it.
///
/// Thread-safety: may be called from any thread at any time.
#[unsafe(no_mangle)]
pub extern "C" fn byline_status_name(status: BylineStatus) -> *const c_char {
    let name: &CStr = match status {
        BYLINE_OK => c"BYLINE_OK",
        BYLINE_ERR_TOO_LARGE => c"BYLINE_ERR_TOO_LARGE",
        BYLINE_ERR_UNKNOWN_CHARSET => c"BYLINE_ERR_UNKNOWN_CHARSET",
        BYLINE_ERR_INVALID_URL => c"BYLINE_ERR_INVALID_URL",
        BYLINE_ERR_NULL_ARGUMENT => c"BYLINE_ERR_NULL_ARGUMENT",
        BYLINE_ERR_INVALID_UTF8 => c"BYLINE_ERR_INVALID_UTF8",
        BYLINE_ERR_PANIC => c"BYLINE_ERR_PANIC",
        BYLINE_ERR_OTHER => c"BYLINE_ERR_OTHER",
        _ => return ptr::null(),
    };
    name.as_ptr()
}

// ---------------------------------------------------------------------------------------------
// Errors

/// The status code of an error object.
///
/// @param error An error object, or NULL.
/// @return The code (never `BYLINE_OK` for an error object); `BYLINE_ERR_NULL_ARGUMENT` when
///         `error` is NULL.
///
/// Thread-safety: an error object may be read from several threads at once.
///
/// # Safety
/// `error` is NULL or a live error object returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_error_code(error: *const BylineError) -> BylineStatus {
    guard(BYLINE_ERR_PANIC, || {
        // SAFETY: the caller's contract.
        unsafe { handle(error) }.map_or(BYLINE_ERR_NULL_ARGUMENT, |e| e.code)
    })
}

/// The human-readable message of an error object (English, UTF-8).
///
/// @param error An error object, or NULL.
/// @return A NUL-terminated string borrowed from `error`: valid until `byline_error_free(error)`;
///         do not free it. NULL when `error` is NULL.
///
/// Thread-safety: an error object may be read from several threads at once.
///
/// # Safety
/// `error` is NULL or a live error object returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_error_message(error: *const BylineError) -> *const c_char {
    guard(ptr::null(), || {
        // SAFETY: the caller's contract.
        opt_ptr(unsafe { handle(error) }.map(|e| e.message.as_c_str()))
    })
}

/// Frees an error object.
///
/// @param error An error object returned through an `err_out` parameter, or NULL (no-op).
///
/// Ownership: takes `error`; it and the strings borrowed from it are invalid afterwards.
/// Thread-safety: no other thread may be using `error`.
///
/// # Safety
/// `error` is NULL or a live error object returned by this library, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_error_free(error: *mut BylineError) {
    guard((), || {
        if !error.is_null() {
            // SAFETY: the caller hands back a pointer made by `Box::into_raw` in this library.
            drop(unsafe { Box::from_raw(error) });
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Options

/// Creates an options object with the defaults: no page URL, charset detected from the page,
/// default limits (64 MiB input, 1,000,000 DOM nodes, 1 MiB JSON-LD, nesting depth 512, 1024
/// attributes per tag).
///
/// @return A new options object owned by the caller, to free with `byline_options_free`. NULL
///         only if byline failed internally.
///
/// Thread-safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn byline_options_new() -> *mut BylineOptions {
    guard(ptr::null_mut(), || {
        Box::into_raw(Box::new(BylineOptions {
            url: None,
            charset: None,
            limits: Limits::default(),
        }))
    })
}

/// Frees an options object.
///
/// @param options An options object, or NULL (no-op).
///
/// Ownership: takes `options`. Articles parsed with it do not depend on it and stay valid.
/// Thread-safety: no other thread may be using `options`.
///
/// # Safety
/// `options` is NULL or a live options object returned by `byline_options_new`, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_free(options: *mut BylineOptions) {
    guard((), || {
        if !options.is_null() {
            // SAFETY: made by `Box::into_raw` in `byline_options_new`, per the caller's contract.
            drop(unsafe { Box::from_raw(options) });
        }
    });
}

/// Sets the page's URL: relative links and images are resolved against it, and it is a
/// last-resort source of the publication date.
///
/// @param options The options to change.
/// @param url     The URL as UTF-8 bytes (need not be NUL-terminated); NULL with `len` 0 removes
///                the URL.
/// @param len     Length of `url` in bytes.
/// @param err_out Where to store an error object on failure (the caller frees it with
///                `byline_error_free`); may be NULL. Set to NULL on success.
/// @return `BYLINE_OK`; `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL or `url` is NULL with a
///         non-zero `len`; `BYLINE_ERR_INVALID_UTF8`; `BYLINE_ERR_INVALID_URL` when it is not an
///         absolute URL. On failure the options are unchanged.
///
/// Ownership: `url` is copied; the caller keeps it.
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object; `url` is NULL or points to `len` readable bytes;
/// `err_out` is NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_url(
    options: *mut BylineOptions,
    url: *const c_char,
    len: usize,
    err_out: *mut *mut BylineError,
) -> BylineStatus {
    // SAFETY: the caller guarantees `err_out` is NULL or writable.
    unsafe { put(err_out, ptr::null_mut()) };
    guard_with(
        // SAFETY: as above.
        |m| unsafe { fail(err_out, BYLINE_ERR_PANIC, &panic_message(m)) },
        || {
            // SAFETY: the caller's contract on `options`; no other reference exists during the call.
            let Some(opts) = (unsafe { options.as_mut() }) else {
                // SAFETY: as above.
                return unsafe { fail(err_out, BYLINE_ERR_NULL_ARGUMENT, "options is NULL") };
            };
            // SAFETY: the caller's contract on `url` and `len`.
            match unsafe { str_arg(url, len) } {
                Err(code) => {
                    let what = if code == BYLINE_ERR_INVALID_UTF8 {
                        "the URL is not valid UTF-8"
                    } else {
                        "url is NULL but len is not 0"
                    };
                    // SAFETY: as above.
                    unsafe { fail(err_out, code, what) }
                }
                Ok(None) => {
                    opts.url = None;
                    BYLINE_OK
                }
                Ok(Some(u)) => match Parser::new().url(u) {
                    Ok(_) => {
                        opts.url = Some(u.to_owned());
                        BYLINE_OK
                    }
                    // SAFETY: as above.
                    Err(e) => unsafe { fail(err_out, status_of(&e), &e.to_string()) },
                },
            }
        },
    )
}

/// Sets the charset the page was served with (an encoding label such as `"utf-8"` or
/// `"windows-1251"`, e.g. from the HTTP `Content-Type`). It overrides the page's own
/// `<meta charset>`, not a byte-order mark. An unknown label makes `byline_parse` fail with
/// `BYLINE_ERR_UNKNOWN_CHARSET`.
///
/// @param options The options to change.
/// @param label   The label as UTF-8 bytes (need not be NUL-terminated); NULL with `len` 0 removes
///                the charset (detect from the page again).
/// @param len     Length of `label` in bytes.
/// @param err_out Where to store an error object on failure (the caller frees it); may be NULL.
///                Set to NULL on success.
/// @return `BYLINE_OK`; `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL or `label` is NULL with
///         a non-zero `len`; `BYLINE_ERR_INVALID_UTF8`. On failure the options are unchanged.
///
/// Ownership: `label` is copied; the caller keeps it.
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object; `label` is NULL or points to `len` readable
/// bytes; `err_out` is NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_charset(
    options: *mut BylineOptions,
    label: *const c_char,
    len: usize,
    err_out: *mut *mut BylineError,
) -> BylineStatus {
    // SAFETY: the caller guarantees `err_out` is NULL or writable.
    unsafe { put(err_out, ptr::null_mut()) };
    guard_with(
        // SAFETY: as above.
        |m| unsafe { fail(err_out, BYLINE_ERR_PANIC, &panic_message(m)) },
        || {
            // SAFETY: the caller's contract on `options`; no other reference exists during the call.
            let Some(opts) = (unsafe { options.as_mut() }) else {
                // SAFETY: as above.
                return unsafe { fail(err_out, BYLINE_ERR_NULL_ARGUMENT, "options is NULL") };
            };
            // SAFETY: the caller's contract on `label` and `len`.
            match unsafe { str_arg(label, len) } {
                Err(code) => {
                    let what = if code == BYLINE_ERR_INVALID_UTF8 {
                        "the charset label is not valid UTF-8"
                    } else {
                        "label is NULL but len is not 0"
                    };
                    // SAFETY: as above.
                    unsafe { fail(err_out, code, what) }
                }
                Ok(label) => {
                    opts.charset = label.map(str::to_owned);
                    BYLINE_OK
                }
            }
        },
    )
}

/// Applies `set` to the limits of `options`.
///
/// # Safety
/// `options` is NULL or a live options object not used elsewhere during the call.
unsafe fn set_limit(options: *mut BylineOptions, set: impl FnOnce(&mut Limits)) -> BylineStatus {
    guard(BYLINE_ERR_PANIC, || {
        // SAFETY: the caller's contract.
        match unsafe { options.as_mut() } {
            Some(o) => {
                set(&mut o.limits);
                BYLINE_OK
            }
            None => BYLINE_ERR_NULL_ARGUMENT,
        }
    })
}

/// Saturating conversion for limits given as 64-bit values.
fn to_usize(v: u64) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

/// Sets the largest accepted input in bytes (default 64 MiB); larger input fails with
/// `BYLINE_ERR_TOO_LARGE` without being read.
///
/// @param options The options to change.
/// @param value   The new limit.
/// @return `BYLINE_OK`, or `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL.
///
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_max_input_bytes(
    options: *mut BylineOptions,
    value: u64,
) -> BylineStatus {
    // SAFETY: forwarded caller contract.
    unsafe { set_limit(options, |l| l.max_input_bytes = to_usize(value)) }
}

/// Sets the largest DOM in nodes (default 1,000,000); input past it is not parsed.
///
/// @param options The options to change.
/// @param value   The new limit.
/// @return `BYLINE_OK`, or `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL.
///
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_max_nodes(
    options: *mut BylineOptions,
    value: u64,
) -> BylineStatus {
    // SAFETY: forwarded caller contract.
    unsafe { set_limit(options, |l| l.max_nodes = to_usize(value)) }
}

/// Sets the largest JSON-LD block that is read, in bytes (default 1 MiB).
///
/// @param options The options to change.
/// @param value   The new limit.
/// @return `BYLINE_OK`, or `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL.
///
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_max_json_ld_bytes(
    options: *mut BylineOptions,
    value: u64,
) -> BylineStatus {
    // SAFETY: forwarded caller contract.
    unsafe { set_limit(options, |l| l.max_json_ld_bytes = to_usize(value)) }
}

/// Sets the deepest element nesting that is built (default 512); deeper start tags are dropped.
///
/// @param options The options to change.
/// @param value   The new limit.
/// @return `BYLINE_OK`, or `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL.
///
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_max_depth(
    options: *mut BylineOptions,
    value: u32,
) -> BylineStatus {
    // SAFETY: forwarded caller contract.
    unsafe { set_limit(options, |l| l.max_depth = value) }
}

/// Sets the most attributes kept per tag (default 1024); the excess is dropped.
///
/// @param options The options to change.
/// @param value   The new limit.
/// @return `BYLINE_OK`, or `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL.
///
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_max_attributes(
    options: *mut BylineOptions,
    value: u64,
) -> BylineStatus {
    // SAFETY: forwarded caller contract.
    unsafe { set_limit(options, |l| l.max_attributes = to_usize(value)) }
}

/// Sets the longest attribute value kept, in bytes (default 1 MiB); longer values are cut at a
/// character boundary.
///
/// @param options The options to change.
/// @param value   The new limit.
/// @return `BYLINE_OK`, or `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL.
///
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_max_attribute_bytes(
    options: *mut BylineOptions,
    value: u64,
) -> BylineStatus {
    // SAFETY: forwarded caller contract.
    unsafe { set_limit(options, |l| l.max_attribute_bytes = to_usize(value)) }
}

/// Sets the longest text node kept, in bytes (default 16 MiB); text past it is dropped.
///
/// @param options The options to change.
/// @param value   The new limit.
/// @return `BYLINE_OK`, or `BYLINE_ERR_NULL_ARGUMENT` when `options` is NULL.
///
/// Thread-safety: no other thread may be using `options` during the call.
///
/// # Safety
/// `options` is NULL or a live options object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_options_set_max_text_bytes(
    options: *mut BylineOptions,
    value: u64,
) -> BylineStatus {
    // SAFETY: forwarded caller contract.
    unsafe { set_limit(options, |l| l.max_text_bytes = to_usize(value)) }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// The message stored for a caught panic.
fn panic_message(m: &str) -> String {
    if m.is_empty() {
        "byline panicked internally (a bug; the panic was contained)".to_owned()
    } else {
        format!("byline panicked internally (a bug; the panic was contained): {m}")
    }
}

/// Extracts the article from the raw bytes of a page.
///
/// A page without a title, date or author is not an error: those fields are simply absent.
///
/// @param bytes   The page as raw bytes in any encoding (detected as a browser does); NULL is
///                accepted when `len` is 0 (an empty page).
/// @param len     Length of `bytes`.
/// @param options Options, or NULL for the defaults. Not modified and not retained.
/// @param out     Receives the new article on success, NULL on failure. Must not be NULL.
/// @param err_out Receives an error object on failure, NULL on success; may be NULL when the
///                caller only wants the status code.
/// @return `BYLINE_OK`; `BYLINE_ERR_NULL_ARGUMENT` (`out` NULL, or `bytes` NULL with `len` > 0);
///         `BYLINE_ERR_TOO_LARGE`; `BYLINE_ERR_UNKNOWN_CHARSET`; `BYLINE_ERR_INVALID_URL`;
///         `BYLINE_ERR_PANIC`.
///
/// Ownership: the caller owns `*out` (free with `byline_article_free`) and `*err_out` (free with
/// `byline_error_free`). `bytes` is only read during the call.
/// Thread-safety: may be called from many threads at once, also with the same `options`, as
/// long as no thread modifies those options meanwhile.
///
/// # Safety
/// `bytes` is NULL or points to `len` readable bytes; `options` is NULL or a live options
/// object; `out` and `err_out` are NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_parse(
    bytes: *const u8,
    len: usize,
    options: *const BylineOptions,
    out: *mut *mut BylineArticle,
    err_out: *mut *mut BylineError,
) -> BylineStatus {
    // SAFETY: the caller guarantees both are NULL or writable.
    unsafe {
        put(out, ptr::null_mut());
        put(err_out, ptr::null_mut());
    }
    guard_with(
        // SAFETY: as above.
        |m| unsafe { fail(err_out, BYLINE_ERR_PANIC, &panic_message(m)) },
        || {
            if out.is_null() {
                // SAFETY: as above.
                return unsafe { fail(err_out, BYLINE_ERR_NULL_ARGUMENT, "out is NULL") };
            }
            // SAFETY: the caller's contract on `options`.
            let opts = unsafe { handle(options) };
            let limits = opts.map_or_else(Limits::default, |o| o.limits.clone());
            // Refuse oversized input before the buffer is touched.
            if len > limits.max_input_bytes {
                let e = byline_core::Error::TooLarge {
                    len,
                    limit: limits.max_input_bytes,
                };
                // SAFETY: as above.
                return unsafe { fail(err_out, status_of(&e), &e.to_string()) };
            }
            // SAFETY: the caller's contract on `bytes` and `len`.
            let Some(input) = (unsafe { self::bytes(bytes, len) }) else {
                // SAFETY: as above.
                return unsafe {
                    fail(
                        err_out,
                        BYLINE_ERR_NULL_ARGUMENT,
                        "bytes is NULL but len is not 0",
                    )
                };
            };
            #[cfg(feature = "inject-panic")]
            if input.starts_with(inject::MAGIC) {
                panic!("byline-c: injected panic (magic input)");
            }
            let mut parser = Parser::new().limits(limits);
            if let Some(o) = opts {
                if let Some(u) = &o.url {
                    parser = match parser.url(u) {
                        Ok(p) => p,
                        // SAFETY: as above.
                        Err(e) => return unsafe { fail(err_out, status_of(&e), &e.to_string()) },
                    };
                }
                if let Some(c) = &o.charset {
                    parser = parser.charset(c);
                }
            }
            match parser.parse(input) {
                Ok(article) => {
                    let handle = Box::into_raw(Box::new(BylineArticle::new(article)));
                    // SAFETY: `out` is non-NULL (checked) and writable per the caller's contract.
                    unsafe { put(out, handle) };
                    BYLINE_OK
                }
                // SAFETY: as above.
                Err(e) => unsafe { fail(err_out, status_of(&e), &e.to_string()) },
            }
        },
    )
}

/// Frees an article and every string borrowed from it.
///
/// @param article An article returned by `byline_parse`, or NULL (no-op).
///
/// Ownership: takes `article`; it and all strings borrowed from it are invalid afterwards.
/// Thread-safety: no other thread may be using `article`.
///
/// # Safety
/// `article` is NULL or a live article returned by `byline_parse`, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_free(article: *mut BylineArticle) {
    guard((), || {
        if !article.is_null() {
            // SAFETY: made by `Box::into_raw` in `byline_parse`, per the caller's contract.
            drop(unsafe { Box::from_raw(article) });
        }
    });
}

/// The whole article as one JSON object (the same form as the Rust `Article` serializes to:
/// every field present, `null` or `[]` when absent; dates as `{"iso": …, "raw": …}`; the body as
/// typed blocks).
///
/// @param article An article, or NULL.
/// @return A new NUL-terminated UTF-8 string owned by the caller, to free with
///         `byline_string_free`; NULL when `article` is NULL or byline failed internally.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_to_json(article: *const BylineArticle) -> *mut c_char {
    guard(ptr::null_mut(), || {
        // SAFETY: the caller's contract.
        let Some(a) = (unsafe { handle(article) }) else {
            return ptr::null_mut();
        };
        // serde_json escapes U+0000, so the JSON text has no interior NUL.
        match serde_json::to_string(&a.article) {
            Ok(json) => c_string(&json).into_raw(),
            Err(_) => ptr::null_mut(),
        }
    })
}

/// Frees a string returned by `byline_article_to_json`.
///
/// @param s A string returned by `byline_article_to_json`, or NULL (no-op). Never pass strings
///          borrowed from a handle.
///
/// Ownership: takes `s`.
/// Thread-safety: no other thread may be using `s`.
///
/// # Safety
/// `s` is NULL or a string returned by `byline_article_to_json`, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_string_free(s: *mut c_char) {
    guard((), || {
        if !s.is_null() {
            // SAFETY: made by `CString::into_raw` in this library, per the caller's contract.
            drop(unsafe { std::ffi::CString::from_raw(s) });
        }
    });
}

mod accessors;
pub use accessors::*;

#[cfg(test)]
mod harness;
#[cfg(test)]
mod tests;
