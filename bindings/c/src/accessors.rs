//! Accessors of `BylineArticle`: every field of the article, as borrowed C strings, counts with
//! a "present" flag, and list lengths with by-index getters.

use std::ffi::c_char;
use std::ptr;

use crate::handles::{DateStrings, c_string};
use crate::{BylineArticle, BylineField, guard, handle, opt_ptr, put};

/// Runs an accessor on a borrowed article, NULL / default when `article` is NULL or on a panic.
///
/// # Safety
/// `article` is NULL or a live article.
unsafe fn read<R: Copy>(
    article: *const BylineArticle,
    none: R,
    f: impl FnOnce(&BylineArticle) -> R,
) -> R {
    guard(none, || {
        // SAFETY: the caller's contract.
        unsafe { handle(article) }.map_or(none, f)
    })
}

/// The article's headline, without a " | Site" suffix.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_title(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, ptr::null(), |a| opt_ptr(a.title.as_deref())) }
}

/// The first publication date in ISO 8601: `2021-07-30`, `2021-07-30T09:15:00` (the page gave
/// no zone) or `2021-07-30T09:15:00+02:00`.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_published(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.published.as_ref().map(DateStrings::iso))
        })
    }
}

/// The publication date as the page wrote it (the raw string it was read from).
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_published_raw(
    article: *const BylineArticle,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.published.as_ref().map(DateStrings::raw))
        })
    }
}

/// The last modification date in ISO 8601 (see `byline_article_published`).
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_updated(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.updated.as_ref().map(DateStrings::iso))
        })
    }
}

/// The modification date as the page wrote it.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_updated_raw(
    article: *const BylineArticle,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.updated.as_ref().map(DateStrings::raw))
        })
    }
}

/// The name of the site or publication.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_site_name(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, ptr::null(), |a| opt_ptr(a.site_name.as_deref())) }
}

/// The canonical URL of the article (absolute).
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_canonical_url(
    article: *const BylineArticle,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.canonical_url.as_deref())
        })
    }
}

/// The page language as a BCP-47 tag (`en`, `de-AT`).
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_language(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, ptr::null(), |a| opt_ptr(a.language.as_deref())) }
}

/// The summary of the article as the page describes it.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_description(
    article: *const BylineArticle,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, ptr::null(), |a| opt_ptr(a.description.as_deref())) }
}

/// The lead image (absolute URL).
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_image(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, ptr::null(), |a| opt_ptr(a.image.as_deref())) }
}

/// The blogging platform or CMS that produced the page, in the JSON spelling: `"wix"`,
/// `"wordpress"`, `"wordpress-com"`, `"blogger"`, `"medium"`, `"substack"`, `"ghost"`,
/// `"squarespace"`, `"tumblr"`, `"webflow"`, `"hashnode"`, `"devto"`, `"hugo"`, `"jekyll"`,
/// `"static-site"`.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it), or NULL when the page does not give
///         the value or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_platform(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, ptr::null(), |a| opt_ptr(a.platform.as_deref())) }
}

/// The body as plain text, one block per line.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); the empty string when no body was
///         found; NULL when `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once (the string is built
/// once, on the first call, in a thread-safe once-cell).
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_text(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            a.text
                .get_or_init(|| c_string(&a.article.body.text()))
                .as_ptr()
        })
    }
}

/// The body as CommonMark/GFM Markdown.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); the empty string when no body was
///         found; NULL when `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once (the string is built
/// once, on the first call, in a thread-safe once-cell).
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_markdown(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            a.markdown
                .get_or_init(|| c_string(&a.article.body.markdown()))
                .as_ptr()
        })
    }
}

/// The body as sanitized HTML, safe to embed.
///
/// @param article An article, or NULL.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); the empty string when no body was
///         found; NULL when `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once (the string is built
/// once, on the first call, in a thread-safe once-cell).
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_html(article: *const BylineArticle) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            a.html
                .get_or_init(|| c_string(&a.article.body.html()))
                .as_ptr()
        })
    }
}

/// Writes a present count through `out`; whether it was present.
///
/// # Safety
/// `out` is NULL or valid for writing a `u64`.
unsafe fn count(value: Option<u64>, out: *mut u64) -> bool {
    match value {
        Some(n) => {
            // SAFETY: forwarded caller contract.
            unsafe { put(out, n) };
            true
        }
        None => false,
    }
}

/// The number of views of the article, as the page shows or declares it.
///
/// @param article An article, or NULL.
/// @param out     Receives the count when present; may be NULL. Left untouched when absent.
/// @return `true` when the page gives the count; `false` when it does not or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article; `out` is NULL or valid for writing a `uint64_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_view_count(
    article: *const BylineArticle,
    out: *mut u64,
) -> bool {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, false, |a| count(a.article.view_count, out)) }
}

/// The number of reader comments as the page shows or declares it (a counter; the comments
/// byline read are `byline_article_comments_len` and `byline_article_comment_*`).
///
/// @param article An article, or NULL.
/// @param out     Receives the count when present; may be NULL. Left untouched when absent.
/// @return `true` when the page gives the count; `false` when it does not or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article; `out` is NULL or valid for writing a `uint64_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_comment_count(
    article: *const BylineArticle,
    out: *mut u64,
) -> bool {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, false, |a| count(a.article.comment_count, out)) }
}

/// The number of likes (claps, hearts, reactions) of the article.
///
/// @param article An article, or NULL.
/// @param out     Receives the count when present; may be NULL. Left untouched when absent.
/// @return `true` when the page gives the count; `false` when it does not or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article; `out` is NULL or valid for writing a `uint64_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_like_count(
    article: *const BylineArticle,
    out: *mut u64,
) -> bool {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, false, |a| count(a.article.like_count, out)) }
}

/// The number of words in the body text.
///
/// @param article An article, or NULL.
/// @return The word count; 0 when `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_word_count(article: *const BylineArticle) -> u64 {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, 0, |a| a.article.word_count) }
}

/// The number of credited authors.
///
/// @param article An article, or NULL.
/// @return The number of authors; 0 when `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_author_count(article: *const BylineArticle) -> usize {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, 0, |a| a.authors.len()) }
}

/// The name of the author at `index` (0-based, page order), as credited.
///
/// @param article An article, or NULL.
/// @param index   Below `byline_article_author_count(article)`.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); NULL when `index` is out of range or
///         `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_author_name(
    article: *const BylineArticle,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.authors.get(index).map(|x| x.name.as_c_str()))
        })
    }
}

/// The profile URL of the author at `index` (absolute), when the page links one.
///
/// @param article An article, or NULL.
/// @param index   Below `byline_article_author_count(article)`.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); NULL when the author has no URL,
///         `index` is out of range or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_author_url(
    article: *const BylineArticle,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.authors.get(index).and_then(|x| x.url.as_deref()))
        })
    }
}

/// The number of tags and keywords.
///
/// @param article An article, or NULL.
/// @return The number of tags; 0 when `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_tag_count(article: *const BylineArticle) -> usize {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, 0, |a| a.tags.len()) }
}

/// The tag at `index` (0-based, page order).
///
/// @param article An article, or NULL.
/// @param index   Below `byline_article_tag_count(article)`.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); NULL when `index` is out of range or
///         `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_tag(
    article: *const BylineArticle,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.tags.get(index).map(|t| t.as_c_str()))
        })
    }
}

/// The number of reader comments byline read from the page (the list; compare
/// `byline_article_comment_count`, the counter the page shows).
///
/// @param article An article, or NULL.
/// @return The number of comments; 0 when `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_comments_len(article: *const BylineArticle) -> usize {
    // SAFETY: forwarded caller contract.
    unsafe { read(article, 0, |a| a.comments.len()) }
}

/// The name of the commenter of the comment at `index`, as shown.
///
/// @param article An article, or NULL.
/// @param index   Below `byline_article_comments_len(article)`.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); NULL when the comment lacks the
///         value, `index` is out of range or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_comment_author(
    article: *const BylineArticle,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.comments.get(index).and_then(|c| c.author.as_deref()))
        })
    }
}

/// The date of the comment at `index` in ISO 8601 (see `byline_article_published`).
///
/// @param article An article, or NULL.
/// @param index   Below `byline_article_comments_len(article)`.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); NULL when the comment lacks the
///         value, `index` is out of range or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_comment_date(
    article: *const BylineArticle,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(
                a.comments
                    .get(index)
                    .and_then(|c| c.date.as_ref().map(DateStrings::iso)),
            )
        })
    }
}

/// The date of the comment at `index` as the page wrote it.
///
/// @param article An article, or NULL.
/// @param index   Below `byline_article_comments_len(article)`.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); NULL when the comment lacks the
///         value, `index` is out of range or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_comment_date_raw(
    article: *const BylineArticle,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(
                a.comments
                    .get(index)
                    .and_then(|c| c.date.as_ref().map(DateStrings::raw)),
            )
        })
    }
}

/// The text of the comment at `index`, paragraphs separated by newlines (never NULL for an
/// index in range).
///
/// @param article An article, or NULL.
/// @param index   Below `byline_article_comments_len(article)`.
/// @return A NUL-terminated UTF-8 string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); NULL when the comment lacks the
///         value, `index` is out of range or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_comment_text(
    article: *const BylineArticle,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            opt_ptr(a.comments.get(index).map(|c| c.text.as_c_str()))
        })
    }
}

/// Which page signal produced a field, in the JSON spelling: `"json-ld"`, `"microdata"`,
/// `"open-graph"`, `"twitter-card"`, `"dublin-core"`, `"meta"`, `"rel-author"`,
/// `"time-element"`, `"title-element"`, `"heading"`, `"platform-rule"`, `"visible-text"`,
/// `"url"`, `"link"`, `"lang-attribute"`, `"content"`.
///
/// @param article An article, or NULL.
/// @param field   One of the `BYLINE_FIELD_*` constants.
/// @return A NUL-terminated string borrowed from `article` (valid until
///         `byline_article_free(article)`; do not free it); NULL when the field is absent,
///         `field` is not a known constant or `article` is NULL.
///
/// Thread-safety: an article may be read from several threads at once.
///
/// # Safety
/// `article` is NULL or a live article.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn byline_article_source(
    article: *const BylineArticle,
    field: BylineField,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe {
        read(article, ptr::null(), |a| {
            let slot = usize::try_from(field).ok().and_then(|i| a.sources.get(i));
            opt_ptr(slot.and_then(|s| s.as_deref()))
        })
    }
}
