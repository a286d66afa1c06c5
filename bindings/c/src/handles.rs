//! The opaque handles behind the C pointers, and the NUL-terminated copies of the article's
//! strings that accessors lend out.

use std::ffi::{CStr, CString};
use std::sync::OnceLock;

use byline_core::{Article, Limits, PageDate, Source};

use crate::BylineStatus;

/// Options for `byline_parse`: page URL, charset hint and resource limits. Opaque; create with
/// `byline_options_new`, free with `byline_options_free`.
pub struct BylineOptions {
    /// A URL already checked to parse.
    pub(crate) url: Option<String>,
    /// The charset label, checked at parse time.
    pub(crate) charset: Option<String>,
    /// Resource limits.
    pub(crate) limits: Limits,
}

/// Why a call failed: a status code and a message. Opaque; free with `byline_error_free`.
pub struct BylineError {
    /// Never `BYLINE_OK`.
    pub(crate) code: BylineStatus,
    /// English, UTF-8.
    pub(crate) message: CString,
}

impl BylineError {
    /// An error with a code and a message.
    pub(crate) fn new(code: BylineStatus, message: &str) -> BylineError {
        BylineError {
            code,
            message: c_string(message),
        }
    }
}

/// A date as ISO 8601 and as the page wrote it.
pub(crate) struct DateStrings {
    /// `PageDate::iso`.
    pub(crate) iso: CString,
    /// `PageDate::raw`.
    pub(crate) raw: CString,
}

impl DateStrings {
    /// Both strings of a date.
    fn new(d: &PageDate) -> DateStrings {
        DateStrings {
            iso: c_string(&d.iso()),
            raw: c_string(d.raw()),
        }
    }

    /// The ISO 8601 form.
    pub(crate) fn iso(&self) -> &CStr {
        &self.iso
    }

    /// The raw page text.
    pub(crate) fn raw(&self) -> &CStr {
        &self.raw
    }
}

/// One credited author.
pub(crate) struct AuthorStrings {
    /// The name as credited.
    pub(crate) name: CString,
    /// The profile URL.
    pub(crate) url: Option<CString>,
}

/// One reader comment.
pub(crate) struct CommentStrings {
    /// The commenter.
    pub(crate) author: Option<CString>,
    /// When it was posted.
    pub(crate) date: Option<DateStrings>,
    /// The text.
    pub(crate) text: CString,
}

/// An extracted article. Opaque; made by `byline_parse`, freed with `byline_article_free`.
/// Immutable once made, except for the body renderings, which are built on first request.
pub struct BylineArticle {
    /// The Rust value (for JSON and the body renderings).
    pub(crate) article: Article,
    pub(crate) title: Option<CString>,
    pub(crate) authors: Vec<AuthorStrings>,
    pub(crate) published: Option<DateStrings>,
    pub(crate) updated: Option<DateStrings>,
    pub(crate) site_name: Option<CString>,
    pub(crate) canonical_url: Option<CString>,
    pub(crate) language: Option<CString>,
    pub(crate) description: Option<CString>,
    pub(crate) image: Option<CString>,
    pub(crate) platform: Option<CString>,
    pub(crate) tags: Vec<CString>,
    pub(crate) comments: Vec<CommentStrings>,
    /// Indexed by `BYLINE_FIELD_*`.
    pub(crate) sources: [Option<CString>; 16],
    /// `Body::text`, built on first use.
    pub(crate) text: OnceLock<CString>,
    /// `Body::markdown`, built on first use.
    pub(crate) markdown: OnceLock<CString>,
    /// `Body::html`, built on first use.
    pub(crate) html: OnceLock<CString>,
}

/// A C string of `s`; NUL characters (which C cannot carry) become U+FFFD.
pub(crate) fn c_string(s: &str) -> CString {
    match CString::new(s) {
        Ok(c) => c,
        Err(_) => CString::new(s.replace('\0', "\u{FFFD}")).unwrap_or_default(),
    }
}

/// The JSON spelling of a source (`"json-ld"`), from its serde name so that new sources need no
/// change here.
fn source_name(s: Source) -> Option<CString> {
    match serde_json::to_value(s) {
        Ok(serde_json::Value::String(name)) => Some(c_string(&name)),
        _ => None,
    }
}

fn opt(s: &Option<String>) -> Option<CString> {
    s.as_deref().map(c_string)
}

impl BylineArticle {
    /// Wraps an article, preparing the strings the accessors lend out.
    pub(crate) fn new(article: Article) -> BylineArticle {
        let s = &article.sources;
        let sources = [
            s.title,
            s.authors,
            s.published,
            s.updated,
            s.body,
            s.view_count,
            s.comment_count,
            s.like_count,
            s.site_name,
            s.canonical_url,
            s.language,
            s.description,
            s.tags,
            s.image,
            s.platform,
            s.comments,
        ]
        .map(|s| s.and_then(source_name));
        BylineArticle {
            title: opt(&article.title),
            authors: article
                .authors
                .iter()
                .map(|a| AuthorStrings {
                    name: c_string(&a.name),
                    url: opt(&a.url),
                })
                .collect(),
            published: article.published.as_ref().map(DateStrings::new),
            updated: article.updated.as_ref().map(DateStrings::new),
            site_name: opt(&article.site_name),
            canonical_url: opt(&article.canonical_url),
            language: opt(&article.language),
            description: opt(&article.description),
            image: opt(&article.image),
            platform: article.platform.map(|p| c_string(p.as_str())),
            tags: article.tags.iter().map(|t| c_string(t)).collect(),
            comments: article
                .comments
                .iter()
                .map(|c| CommentStrings {
                    author: opt(&c.author),
                    date: c.date.as_ref().map(DateStrings::new),
                    text: c_string(&c.text),
                })
                .collect(),
            sources,
            text: OnceLock::new(),
            markdown: OnceLock::new(),
            html: OnceLock::new(),
            article,
        }
    }
}
