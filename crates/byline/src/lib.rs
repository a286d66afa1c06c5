//! byline reads the HTML of a blog post or news article and returns a typed [`Article`]: title,
//! authors, published and updated dates, the main body as typed blocks, view, comment and like
//! counts, site name, language, description, tags, canonical URL and lead image, and for every
//! field the page signal it came from.
//!
//! ```
//! let html = br#"<html lang="en"><head><title>Hello | Blog</title>
//!   <meta property="og:title" content="Hello">
//!   <meta property="article:published_time" content="2021-07-30T09:15:00+02:00">
//!   </head><body><article><h1>Hello</h1><p>First paragraph of the post, long enough to
//!   count as text.</p></article></body></html>"#;
//! let article = byline::parse(html)?;
//! assert_eq!(article.title.as_deref(), Some("Hello"));
//! assert_eq!(article.published.map(|d| d.iso()).as_deref(), Some("2021-07-30T09:15:00+02:00"));
//! assert_eq!(article.language.as_deref(), Some("en"));
//! # Ok::<(), byline::Error>(())
//! ```
//!
//! Data flow: bytes → [decoding](Parser::charset) → html5ever into a private arena DOM → one
//! metadata pass and one content pass over that DOM → one [`Article`]. Nothing from html5ever
//! appears in the public API, and no state is shared between calls: the same bytes give the same
//! `Article` on every call and every thread.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![allow(
    dead_code,
    reason = "the metadata and content passes are being filled in"
)]

use html5ever::local_name;
mod article;
mod body;
mod content;
mod dates;
mod decode;
mod dom;
mod error;
mod meta;
mod text;
mod textparse;
#[cfg(feature = "warc")]
pub mod warc;

pub use article::{Article, Author, Comment, DateValue, PageDate, Platform, Source, Sources};
pub use body::{Block, Body, Cell, Image, Inline};
pub use error::{Error, ErrorCode, Result};

/// Re-exported date/time types used in [`DateValue`].
pub use jiff;

/// Resource limits applied to each page. Input over `max_input_bytes` is refused with
/// [`Error::TooLarge`]; the other limits truncate (what lies beyond them is not read).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest accepted input, in bytes. Default: 64 MiB.
    pub max_input_bytes: usize,
    /// Largest DOM, in nodes; input past this point is not parsed. The count is checked between
    /// the 64 KiB pieces the tokenizer is fed, so the DOM can exceed it by what one piece holds.
    /// Default: 1,000,000.
    pub max_nodes: usize,
    /// Largest JSON-LD block that is read, in bytes. Default: 1 MiB.
    pub max_json_ld_bytes: usize,
    /// Deepest element nesting that is built; deeper start tags are dropped (their text is kept
    /// in the deepest element). Default: 512, as browsers cap it.
    pub max_depth: u32,
    /// Most attributes kept per tag; the excess is dropped before tokenizing. Default: 1024.
    pub max_attributes: usize,
    /// Longest attribute value kept, in bytes; longer values are cut (at a character
    /// boundary). Default: 1 MiB.
    pub max_attribute_bytes: usize,
    /// Longest text node kept, in bytes; text past it is dropped. Default: 16 MiB.
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_nodes: 1_000_000,
            max_json_ld_bytes: 1024 * 1024,
            max_depth: 512,
            max_attributes: 1024,
            max_attribute_bytes: 1024 * 1024,
            max_text_bytes: 16 * 1024 * 1024,
        }
    }
}

/// A configured extractor. Cheap to create, `Send + Sync`, reusable across threads.
///
/// ```
/// let parser = byline::Parser::new().url("https://example.com/2021/07/30/post/")?;
/// let article = parser.parse(b"<title>Post</title><p>Hi</p>")?;
/// assert_eq!(article.published.map(|d| d.iso()).as_deref(), Some("2021-07-30"));
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Parser {
    url: Option<url::Url>,
    charset: Option<String>,
    limits: Limits,
}

impl Parser {
    /// A parser with default options: no page URL, charset detected, default [`Limits`].
    pub fn new() -> Parser {
        Parser::default()
    }

    /// The page's URL: resolves relative links and images, and is a last-resort date source.
    /// Fails with [`Error::InvalidUrl`] when `url` is not an absolute URL.
    pub fn url(mut self, url: &str) -> Result<Parser> {
        let parsed = url::Url::parse(url.trim()).map_err(|_| Error::InvalidUrl {
            url: url.to_owned(),
        })?;
        self.url = Some(parsed);
        Ok(self)
    }

    /// The charset the page was served with (an encoding label such as `"utf-8"` or
    /// `"windows-1251"`, e.g. from the HTTP `Content-Type`). It overrides the page's own
    /// `<meta charset>`, but not a byte-order mark. Unknown labels fail at parse time with
    /// [`Error::UnknownCharset`].
    pub fn charset(mut self, label: &str) -> Parser {
        self.charset = Some(label.to_owned());
        self
    }

    /// Replaces the resource limits.
    pub fn limits(mut self, limits: Limits) -> Parser {
        self.limits = limits;
        self
    }

    /// Extracts the article from the raw bytes of a page.
    pub fn parse(&self, html: &[u8]) -> Result<Article> {
        if html.len() > self.limits.max_input_bytes {
            return Err(Error::TooLarge {
                len: html.len(),
                limit: self.limits.max_input_bytes,
            });
        }
        let decoded = decode::decode(html, self.charset.as_deref())?;
        Ok(self.extract(&decoded.text))
    }

    /// Extracts the article from already decoded text.
    pub fn parse_str(&self, html: &str) -> Result<Article> {
        if html.len() > self.limits.max_input_bytes {
            return Err(Error::TooLarge {
                len: html.len(),
                limit: self.limits.max_input_bytes,
            });
        }
        Ok(self.extract(html))
    }

    /// Parses many pages on all cores (rayon), results in input order.
    #[cfg(feature = "rayon")]
    pub fn parse_many<T: AsRef<[u8]> + Sync>(&self, pages: &[T]) -> Vec<Result<Article>> {
        use rayon::prelude::*;
        pages.par_iter().map(|p| self.parse(p.as_ref())).collect()
    }

    fn extract(&self, html: &str) -> Article {
        let doc = dom::parse_html(html, &self.limits);
        let page = PageContext::new(&doc, self.url.as_ref(), &self.limits);
        let mut article = Article::default();
        let article_body = meta::extract(&doc, &page, &mut article);
        content::extract(&doc, &page, &mut article, article_body.as_deref());
        article.word_count = article.body.word_count();
        article
    }
}

/// What both passes know about the page besides its DOM.
pub(crate) struct PageContext<'a> {
    /// The page URL given by the caller.
    pub(crate) url: Option<&'a url::Url>,
    /// The URL relative references resolve against: `<base href>` over the page URL.
    pub(crate) base: Option<url::Url>,
    pub(crate) limits: &'a Limits,
}

impl<'a> PageContext<'a> {
    fn new(doc: &dom::Document, url: Option<&'a url::Url>, limits: &'a Limits) -> PageContext<'a> {
        let base_href = doc
            .has_base()
            .then(|| doc.elements())
            .into_iter()
            .flatten()
            .find(|(_, e)| e.tag() == "base" && e.attr(&local_name!("href")).is_some())
            .and_then(|(_, e)| e.attr(&local_name!("href")));
        let base = match (base_href, url) {
            (Some(h), Some(u)) => u.join(h.trim()).ok().or_else(|| Some(u.clone())),
            (Some(h), None) => url::Url::parse(h.trim()).ok(),
            (None, u) => u.cloned(),
        };
        PageContext { url, base, limits }
    }

    /// Resolves `href` against the base URL; returns it unchanged (trimmed) when it cannot be.
    pub(crate) fn resolve(&self, href: &str) -> String {
        let href = href.trim();
        match &self.base {
            Some(b) => b.join(href).map_or_else(|_| href.to_owned(), String::from),
            None => href.to_owned(),
        }
    }
}

/// Extracts the article from the raw bytes of a page with default options.
///
/// Same as `Parser::new().parse(html)`.
pub fn parse(html: &[u8]) -> Result<Article> {
    Parser::new().parse(html)
}

/// Parses many pages on all cores with default options, results in input order.
#[cfg(feature = "rayon")]
pub fn parse_many<T: AsRef<[u8]> + Sync>(pages: &[T]) -> Vec<Result<Article>> {
    Parser::new().parse_many(pages)
}

/// Stage-by-stage entry points for benchmarks (`--features internals`). Not a stable API.
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod internals {
    use super::*;

    /// A parsed DOM, opaque.
    pub struct Dom(dom::Document);

    /// Decodes bytes as [`Parser::parse`] does.
    pub fn decode(bytes: &[u8]) -> String {
        decode::decode(bytes, None)
            .map(|d| d.text.into_owned())
            .unwrap_or_default()
    }

    /// Parses decoded HTML into byline's DOM.
    pub fn parse_dom(html: &str) -> Dom {
        Dom(dom::parse_html(html, &Limits::default()))
    }

    /// Runs the metadata pass alone.
    pub fn metadata(dom: &Dom) -> Article {
        let limits = Limits::default();
        let page = PageContext::new(&dom.0, None, &limits);
        let mut article = Article::default();
        let _ = meta::extract(&dom.0, &page, &mut article);
        article
    }

    /// The first date in a visible string, as ISO 8601, with its role (`"published"`,
    /// `"updated"` or `""`).
    pub fn visible_date(text: &str, lang: Option<&str>) -> Option<(String, &'static str)> {
        use textparse::dates::{DateRole, find_date};
        let found = find_date(text, lang, None)?;
        let iso = PageDate::new(found.value, text.get(found.span.clone()).unwrap_or("")).iso();
        let role = match found.role {
            Some(DateRole::Published) => "published",
            Some(DateRole::Updated) => "updated",
            None => "",
        };
        Some((iso, role))
    }

    /// Every count in a visible string, as `(kind, value)`.
    pub fn visible_counts(text: &str, lang: Option<&str>) -> Vec<(&'static str, u64)> {
        use textparse::counts::{CountKind, find_counts};
        find_counts(text, lang)
            .into_iter()
            .map(|c| {
                let kind = match c.kind {
                    CountKind::Views => "views",
                    CountKind::Comments => "comments",
                    CountKind::Likes => "likes",
                };
                (kind, c.value)
            })
            .collect()
    }

    /// The names a visible byline credits.
    pub fn byline_names(text: &str) -> Option<Vec<String>> {
        textparse::names::parse_byline(text)
    }

    /// A structured (machine-readable) date as ISO 8601.
    pub fn structured_date(text: &str) -> Option<String> {
        textparse::dates::parse_structured(text).map(|v| PageDate::new(v, text).iso())
    }

    /// Runs the content pass alone.
    pub fn content(dom: &Dom) -> Article {
        let limits = Limits::default();
        let page = PageContext::new(&dom.0, None, &limits);
        let mut article = Article::default();
        content::extract(&dom.0, &page, &mut article, None);
        article
    }
}
