//! Reading web archives: the HTML pages of a WARC file (`.warc` or `.warc.gz`), one at a time,
//! ready for [`Parser`]. Needs the `warc` cargo feature.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let parser = byline::Parser::new();
//! for page in byline::warc::WarcPages::open("crawl.warc.gz")? {
//!     match page {
//!         Ok(page) => {
//!             let article = page.parse_with(&parser)?;
//!             println!("{:?} {:?}", page.uri, article.title);
//!         }
//!         // A damaged record: reported, and the iteration goes on with the next one.
//!         Err(e) => eprintln!("skipped: {e}"),
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! What is read: `response` records whose block is an HTTP response with a 2xx status and an HTML
//! payload (`Content-Type` `text/html` or `application/xhtml+xml`, or no `Content-Type` and a
//! payload that starts like HTML). Every other record (`warcinfo`, `request`, `metadata`,
//! `revisit`, images, redirects, errors, DNS lookups) is skipped without a word.
//!
//! Streaming and bounded: the file is read once, front to back; a record's WARC and HTTP
//! headers are read up to 64 KiB each, and a payload is kept only when it is an HTML page no
//! larger than [`WarcPages::max_body_bytes`]; everything else is skipped without being kept.
//! Memory does not grow with the file.
//!
//! Gzip: a `.warc.gz` is recognised by its first bytes (the name does not matter) and read as a
//! series of gzip members, one per record as Common Crawl and most crawlers write them (one
//! member for the whole file works too).
//!
//! Damage: a record that cannot be read is reported as one `Err` item and the reader moves on to
//! the next record it can find (the next `WARC/1.x` line; in a `.warc.gz`, the next gzip member
//! first). A file that ends inside a record gives a [`WarcError::Truncated`] item and ends the
//! iteration.

mod http;
mod stream;

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use self::stream::{Line, Stream, read_line, skip};
use crate::{Article, Parser};

/// Largest WARC header block and largest HTTP header block, in bytes.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// One HTML page from a WARC `response` record: the payload and what the record says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WarcPage {
    /// `WARC-Target-URI`: the URL the page was fetched from (angle brackets removed).
    pub uri: Option<String>,
    /// `WARC-Date`: when it was fetched, as written in the record (ISO 8601, UTC).
    pub date: Option<String>,
    /// `WARC-Record-ID`, e.g. `<urn:uuid:…>`.
    pub record_id: Option<String>,
    /// The HTTP status code (always 2xx).
    pub status: u16,
    /// The HTTP `Content-Type` value, when the response had one.
    pub content_type: Option<String>,
    /// The `charset` of the HTTP `Content-Type` when it names a known encoding; passed to the
    /// parser as the charset hint.
    pub charset: Option<String>,
    /// The payload: the HTML bytes, de-chunked and decompressed.
    pub body: Vec<u8>,
    /// Where the record starts in the uncompressed WARC stream, in bytes.
    pub offset: u64,
}

impl WarcPage {
    /// `base` configured for this page: the record's URI as the page URL (when it is a valid
    /// absolute URL) and the HTTP charset as the charset hint (when there is one). Other options
    /// (limits, and the URL or charset when the record has none) are kept from `base`.
    pub fn parser(&self, base: &Parser) -> Parser {
        let mut parser = base.clone();
        if let Some(uri) = &self.uri
            && let Ok(p) = parser.clone().url(uri)
        {
            parser = p;
        }
        if let Some(charset) = &self.charset {
            parser = parser.charset(charset);
        }
        parser
    }

    /// Extracts the article with [`WarcPage::parser`]`(base)`.
    pub fn parse_with(&self, base: &Parser) -> crate::Result<Article> {
        self.parser(base).parse(&self.body)
    }

    /// Extracts the article with default options, the record's URL and charset.
    pub fn parse(&self) -> crate::Result<Article> {
        self.parse_with(&Parser::new())
    }
}

/// Why a WARC file, or a record in it, could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WarcError {
    /// The file could not be opened or its first bytes read.
    #[error("cannot open {path}: {message}")]
    Open {
        /// The path as given.
        path: String,
        /// The system's reason.
        message: String,
    },
    /// Bytes that are not a readable WARC record (bad or oversized header block, missing
    /// `Content-Length`, corrupt gzip member). The reader skipped to the next record.
    #[error("damaged record at offset {offset}: {reason}")]
    Damaged {
        /// Where the damage was met, in the uncompressed stream.
        offset: u64,
        /// What is wrong.
        reason: String,
    },
    /// The input ends inside a record. The iteration ends after this item.
    #[error("file ends inside the record at offset {offset}")]
    Truncated {
        /// Where the unfinished record starts, in the uncompressed stream.
        offset: u64,
    },
    /// A well-framed response record whose HTML page cannot be extracted (bad HTTP header block,
    /// corrupt or unsupported `Content-Encoding`, payload over the size limit). The reader goes
    /// on with the next record.
    #[error("record {} at offset {offset}: {reason}", record_id.as_deref().or(uri.as_deref()).unwrap_or("without id"))]
    Record {
        /// Where the record starts, in the uncompressed stream.
        offset: u64,
        /// `WARC-Record-ID`.
        record_id: Option<String>,
        /// `WARC-Target-URI`.
        uri: Option<String>,
        /// What is wrong.
        reason: String,
    },
    /// Reading the input failed. The iteration ends after this item.
    #[error("read error at offset {offset}: {message}")]
    Io {
        /// Where, in the uncompressed stream.
        offset: u64,
        /// The system's reason.
        message: String,
    },
}

/// The HTML pages of a WARC file, in file order: an iterator of `Result<WarcPage, WarcError>`.
///
/// `Send`, so it can be moved to a reader thread or held by a binding. See the
/// [module documentation](self) for what is read and skipped.
pub struct WarcPages {
    stream: Stream,
    max_body: usize,
    /// No more items: end of input, or after a fatal error.
    done: bool,
    /// After damage: the next read first looks for a `WARC/` line.
    resyncing: bool,
    records: u64,
    header: Vec<u8>,
}

impl std::fmt::Debug for WarcPages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcPages")
            .field("gzip", &self.stream.is_gzip())
            .field("records_read", &self.records)
            .field("bytes_read", &self.stream.input_position())
            .finish_non_exhaustive()
    }
}

/// What a record turned out to be.
enum Outcome {
    Page(WarcPage),
    Skip,
}

impl WarcPages {
    /// Reads the next items in file order, up to `max_items` of them and until their payloads
    /// reach `max_bytes`: the bounded batches that callers parse in parallel while the next
    /// batch is read. Empty at the end of the archive.
    pub fn next_batch(
        &mut self,
        max_items: usize,
        max_bytes: usize,
    ) -> Vec<Result<WarcPage, WarcError>> {
        let mut items = Vec::new();
        let mut bytes = 0usize;
        while items.len() < max_items && bytes < max_bytes {
            let Some(item) = self.next() else { break };
            if let Ok(page) = &item {
                bytes += page.body.len();
            }
            items.push(item);
        }
        items
    }

    /// Opens a `.warc` or `.warc.gz` file (gzip is recognised by content, not by name).
    pub fn open(path: impl AsRef<Path>) -> Result<WarcPages, WarcError> {
        let path = path.as_ref();
        let open_error = |e: io::Error| WarcError::Open {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let file = File::open(path).map_err(open_error)?;
        if file.metadata().map_err(open_error)?.is_dir() {
            return Err(open_error(io::Error::other("is a directory")));
        }
        WarcPages::from_reader(file).map_err(|e| match e {
            WarcError::Io { message, .. } => WarcError::Open {
                path: path.display().to_string(),
                message,
            },
            other => other,
        })
    }

    /// Reads WARC data from any reader (a file, a pipe, a decompressing reader). Gzip is
    /// recognised by the first bytes. Reads those first bytes now.
    pub fn from_reader(reader: impl Read + Send + 'static) -> Result<WarcPages, WarcError> {
        let stream = Stream::new(Box::new(reader)).map_err(|e| WarcError::Io {
            offset: 0,
            message: e.to_string(),
        })?;
        Ok(WarcPages {
            stream,
            max_body: crate::Limits::default().max_input_bytes,
            done: false,
            resyncing: false,
            records: 0,
            header: Vec::with_capacity(4096),
        })
    }

    /// Largest payload kept, in bytes, after de-chunking and decompression (default: the
    /// parser's default [`Limits::max_input_bytes`](crate::Limits::max_input_bytes), 64 MiB).
    /// Larger HTML payloads give a [`WarcError::Record`] item and are skipped.
    pub fn max_body_bytes(mut self, bytes: usize) -> WarcPages {
        self.max_body = bytes;
        self
    }

    /// WARC records read so far, of every type.
    pub fn records_read(&self) -> u64 {
        self.records
    }

    /// Input bytes consumed so far: for a `.warc.gz`, compressed bytes (so it can be compared
    /// with the file size for a progress bar).
    pub fn bytes_read(&self) -> u64 {
        self.stream.input_position()
    }

    /// True when the input is gzip-compressed.
    pub fn is_gzip(&self) -> bool {
        self.stream.is_gzip()
    }

    /// Turns a read failure into an item. Gzip damage is recoverable: move to the next member
    /// (a failure at the very end is a truncated file). On plain input a read failure is final.
    fn read_failure(&mut self, e: &io::Error, record_start: u64) -> WarcError {
        if !self.stream.is_gzip() {
            self.done = true;
            return WarcError::Io {
                offset: self.stream.position(),
                message: e.to_string(),
            };
        }
        let offset = self.stream.position();
        match self.stream.resync_gzip() {
            Ok(true) if e.kind() == io::ErrorKind::UnexpectedEof => {
                self.done = true;
                WarcError::Truncated {
                    offset: record_start,
                }
            }
            Ok(true) => {
                self.done = true;
                WarcError::Damaged {
                    offset,
                    reason: format!("corrupt gzip data in the last member: {e}"),
                }
            }
            Ok(false) => {
                self.resyncing = true;
                WarcError::Damaged {
                    offset,
                    reason: format!("corrupt gzip data: {e}"),
                }
            }
            Err(e2) => {
                self.done = true;
                WarcError::Io {
                    offset,
                    message: e2.to_string(),
                }
            }
        }
    }

    /// Marks the stream as needing a resync and returns the damage item.
    fn damaged(&mut self, offset: u64, reason: impl Into<String>) -> WarcError {
        self.resyncing = true;
        WarcError::Damaged {
            offset,
            reason: reason.into(),
        }
    }

    /// Reads the first line of the next record into `self.header`: skips blank lines, and after
    /// damage every line up to the next `WARC/1.` line. `Ok(false)` at the end of input.
    fn first_line(&mut self) -> Result<bool, WarcError> {
        loop {
            self.header.clear();
            let line = match read_line(&mut self.stream, &mut self.header, MAX_HEADER_BYTES) {
                Ok(l) => l,
                Err(e) if self.resyncing && self.stream.is_gzip() => {
                    // Damage met while looking for a record: keep looking, silently.
                    match self.stream.resync_gzip() {
                        Ok(true) => return Ok(false),
                        Ok(false) => continue,
                        Err(_) => return Err(self.read_failure(&e, self.stream.position())),
                    }
                }
                Err(e) => {
                    let at = self.stream.position();
                    return Err(self.read_failure(&e, at));
                }
            };
            match line {
                Line::Eof => return Ok(false),
                Line::Whole | Line::Cut if self.header.trim_ascii().is_empty() => continue,
                Line::Whole if is_version_line(&self.header) => {
                    self.resyncing = false;
                    return Ok(true);
                }
                _ if self.resyncing => continue,
                Line::Whole
                    if !self.header.ends_with(b"\n")
                        && (b"WARC/".starts_with(&self.header)
                            || self.header.starts_with(b"WARC/")) =>
                {
                    // The input ends inside a version line.
                    self.done = true;
                    return Err(WarcError::Truncated {
                        offset: self.stream.position() - self.header.len() as u64,
                    });
                }
                _ => {
                    let at = self.stream.position();
                    return Err(self.damaged(at, "expected a WARC/1.x version line"));
                }
            }
        }
    }

    /// Reads and handles one record. `Ok(None)` at the end of input.
    fn next_record(&mut self) -> Result<Option<Outcome>, WarcError> {
        if !self.first_line()? {
            return Ok(None);
        }
        let start = self
            .stream
            .position()
            .saturating_sub(self.header.len() as u64);
        // The rest of the header block, through the blank line.
        loop {
            let before = self.header.len();
            let line = match read_line(&mut self.stream, &mut self.header, MAX_HEADER_BYTES) {
                Ok(l) => l,
                Err(e) => return Err(self.read_failure(&e, start)),
            };
            match line {
                Line::Eof => {
                    self.done = true;
                    return Err(WarcError::Truncated { offset: start });
                }
                Line::Cut => {
                    return Err(self.damaged(start, "WARC header block over 64 KiB"));
                }
                Line::Whole => {
                    if matches!(self.header.get(before..), Some(b"\r\n" | b"\n")) {
                        break;
                    }
                }
            }
        }
        self.records += 1;
        let parsed = match parse_warc_header(&self.header) {
            Ok(p) => p,
            Err(reason) => return Err(self.damaged(start, reason)),
        };
        if !parsed.warc_type.eq_ignore_ascii_case("response") {
            return self
                .skip_block(parsed.length, start)
                .map(|()| Some(Outcome::Skip));
        }
        self.read_response(parsed, start)
    }

    /// Skips `length` bytes of a record block.
    fn skip_block(&mut self, length: u64, start: u64) -> Result<(), WarcError> {
        match skip(&mut self.stream, length) {
            Ok(0) => Ok(()),
            Ok(_) => {
                self.done = true;
                Err(WarcError::Truncated { offset: start })
            }
            Err(e) => Err(self.read_failure(&e, start)),
        }
    }

    /// Reads the HTTP response in a `response` record's block.
    fn read_response(
        &mut self,
        record: WarcHeader,
        start: u64,
    ) -> Result<Option<Outcome>, WarcError> {
        let WarcHeader {
            length,
            uri,
            date,
            record_id,
            ..
        } = record;
        let record_error = |reason: String| WarcError::Record {
            offset: start,
            record_id: record_id.clone(),
            uri: uri.clone(),
            reason,
        };
        let mut block = (&mut self.stream).take(length);

        // Status line and headers.
        let mut head_bytes = Vec::new();
        let mut lines: Vec<std::ops::Range<usize>> = Vec::new();
        let mut head_error = None;
        loop {
            let before = head_bytes.len();
            match read_line(&mut block, &mut head_bytes, MAX_HEADER_BYTES) {
                Err(e) => return Err(self.read_failure(&e, start)),
                Ok(Line::Eof) => {
                    if block.limit() > 0 {
                        // The input ended before the block did.
                        self.done = true;
                        return Err(WarcError::Truncated { offset: start });
                    }
                    if lines.is_empty() {
                        // An empty block: nothing to read.
                        return Ok(Some(Outcome::Skip));
                    }
                    head_error = Some("HTTP header block has no end");
                    break;
                }
                Ok(Line::Cut) => {
                    head_error = Some("HTTP header block over 64 KiB");
                    break;
                }
                Ok(Line::Whole) => {
                    let line = head_bytes.get(before..).unwrap_or_default();
                    if lines.is_empty() && !line.starts_with(b"HTTP/") {
                        // Not an HTTP response (e.g. a DNS record): not a page.
                        let left = block.limit();
                        return self.skip_block(left, start).map(|()| Some(Outcome::Skip));
                    }
                    if !lines.is_empty() && http::trim_line_end(line).is_empty() {
                        break;
                    }
                    lines.push(before..head_bytes.len());
                }
            }
        }
        let consumed = length - block.limit();
        if let Some(reason) = head_error {
            self.skip_rest(length, consumed, start)?;
            return Err(record_error(reason.to_owned()));
        }
        let status_line = lines
            .first()
            .and_then(|r| head_bytes.get(r.clone()))
            .unwrap_or_default();
        let Some(status) = http::status_line(status_line) else {
            self.skip_rest(length, consumed, start)?;
            return Err(record_error("bad HTTP status line".to_owned()));
        };
        let mut head = http::Head {
            status,
            ..http::Head::default()
        };
        http::parse_headers(
            lines
                .iter()
                .skip(1)
                .filter_map(|r| head_bytes.get(r.clone())),
            &mut head,
        );
        let declared_html = head
            .content_type
            .as_deref()
            .map(|ct| http::is_html_type(&http::media_type(ct)));
        if !(200..300).contains(&status) || declared_html == Some(false) {
            self.skip_rest(length, consumed, start)?;
            return Ok(Some(Outcome::Skip));
        }

        // The payload, bounded. Chunk framing and compression make the stored bytes differ
        // from the page; allow the stored form some room over the page limit.
        let stored_cap = self.max_body.saturating_add(self.max_body / 8 + 4096);
        let mut body = Vec::new();
        let want = block.limit().min(stored_cap as u64 + 1);
        if let Err(e) = (&mut block).take(want).read_to_end(&mut body) {
            return Err(self.read_failure(&e, start));
        }
        let consumed = length - block.limit();
        if body.len() > stored_cap {
            self.skip_rest(length, consumed, start)?;
            return Err(record_error(format!(
                "payload over the {}-byte limit",
                self.max_body
            )));
        }
        if block.limit() > 0 {
            self.done = true;
            return Err(WarcError::Truncated { offset: start });
        }
        if head.chunked
            && let Some(dechunked) = http::dechunk(&body)
        {
            body = dechunked;
        }
        let body = match http::decode_content(body, head.content_encoding.as_deref(), self.max_body)
        {
            Ok(b) => b,
            Err(http::DecodeError::TooLarge) => {
                return Err(record_error(format!(
                    "payload over the {}-byte limit",
                    self.max_body
                )));
            }
            Err(http::DecodeError::Bad(reason)) => return Err(record_error(reason)),
        };
        if body.len() > self.max_body {
            return Err(record_error(format!(
                "payload over the {}-byte limit",
                self.max_body
            )));
        }
        if declared_html.is_none() && !http::looks_like_html(&body) {
            return Ok(Some(Outcome::Skip));
        }
        let charset = head.content_type.as_deref().and_then(http::charset);
        Ok(Some(Outcome::Page(WarcPage {
            uri,
            date,
            record_id,
            status,
            content_type: head.content_type,
            charset,
            body,
            offset: start,
        })))
    }

    /// Skips the rest of a block of which `consumed` bytes were read.
    fn skip_rest(&mut self, length: u64, consumed: u64, start: u64) -> Result<(), WarcError> {
        self.skip_block(length.saturating_sub(consumed), start)
    }
}

impl Iterator for WarcPages {
    type Item = Result<WarcPage, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(None) => self.done = true,
                Ok(Some(Outcome::Skip)) => {}
                Ok(Some(Outcome::Page(page))) => return Some(Ok(page)),
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}

impl std::iter::FusedIterator for WarcPages {}

/// True for a WARC version line such as `WARC/1.0` or `WARC/1.1`.
fn is_version_line(line: &[u8]) -> bool {
    let Some(version) = line.strip_prefix(b"WARC/") else {
        return false;
    };
    let version = http::trim_line_end(version);
    match version.iter().position(|&b| b == b'.') {
        Some(dot) => {
            dot > 0
                && dot + 1 < version.len()
                && version
                    .iter()
                    .enumerate()
                    .all(|(i, b)| i == dot || b.is_ascii_digit())
        }
        None => false,
    }
}

/// The fields byline uses from a WARC header block.
struct WarcHeader {
    warc_type: String,
    length: u64,
    uri: Option<String>,
    date: Option<String>,
    record_id: Option<String>,
}

/// Parses a WARC header block (version line through the blank line) with the `warc` crate's
/// parser.
fn parse_warc_header(block: &[u8]) -> Result<WarcHeader, String> {
    use ::warc::WarcHeader as H;
    let (_, (_version, fields, _)) =
        ::warc::parser::headers(block).map_err(|_| "malformed WARC header block".to_owned())?;
    let mut header = WarcHeader {
        warc_type: String::new(),
        length: 0,
        uri: None,
        date: None,
        record_id: None,
    };
    let mut length = None;
    for (name, value) in fields {
        let text = || {
            let v = String::from_utf8_lossy(value);
            let v = v.trim();
            (!v.is_empty()).then(|| v.to_owned())
        };
        match H::from(name) {
            H::ContentLength if length.is_none() => {
                length = Some(
                    std::str::from_utf8(value)
                        .ok()
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .ok_or_else(|| "bad Content-Length".to_owned())?,
                );
            }
            H::WarcType => header.warc_type = text().unwrap_or_default(),
            H::TargetURI => {
                header.uri = text().map(|u| {
                    u.strip_prefix('<')
                        .and_then(|u| u.strip_suffix('>'))
                        .unwrap_or(&u)
                        .to_owned()
                });
            }
            H::Date => header.date = text(),
            H::RecordID => header.record_id = text(),
            _ => {}
        }
    }
    header.length = length.ok_or_else(|| "no Content-Length".to_owned())?;
    Ok(header)
}

#[cfg(test)]
mod tests;
