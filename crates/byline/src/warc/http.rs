//! The HTTP response inside a WARC `response` record: status line, the few headers byline
//! needs, de-chunking and content decoding, all bounded.

use std::io::Read;

use encoding_rs::Encoding;

/// What byline needs from an HTTP response head.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Head {
    /// Status code.
    pub(super) status: u16,
    /// The `Content-Type` value, trimmed (the last one when repeated).
    pub(super) content_type: Option<String>,
    /// `Transfer-Encoding` ends with `chunked`.
    pub(super) chunked: bool,
    /// `Content-Encoding`, lower-cased, `identity` dropped.
    pub(super) content_encoding: Option<String>,
}

/// Parses a status line, e.g. `HTTP/1.1 200 OK`. `None` when the line is not one.
pub(super) fn status_line(line: &[u8]) -> Option<u16> {
    let rest = line.strip_prefix(b"HTTP/")?;
    let mut parts = rest
        .split(|&b| b == b' ' || b == b'\t')
        .filter(|p| !p.is_empty());
    let _version = parts.next()?;
    let code = parts.next()?;
    let code = code.strip_suffix(b"\r\n").unwrap_or(code);
    let code = code.strip_suffix(b"\n").unwrap_or(code);
    if code.len() != 3 || !code.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(code).ok()?.parse().ok()
}

/// Reads the header lines that follow the status line (each a raw line with its line ending;
/// continuation lines are folded into the previous header).
pub(super) fn parse_headers<'a>(lines: impl Iterator<Item = &'a [u8]>, head: &mut Head) {
    let mut last: Option<(String, String)> = None;
    let apply = |name: &str, value: &str, head: &mut Head| {
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-type") {
            head.content_type = (!value.is_empty()).then(|| value.to_owned());
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            head.chunked = value
                .rsplit(',')
                .next()
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("chunked"));
        } else if name.eq_ignore_ascii_case("content-encoding") {
            let codings: Vec<String> = value
                .split(',')
                .map(|c| c.trim().to_ascii_lowercase())
                .filter(|c| !c.is_empty() && c != "identity")
                .collect();
            head.content_encoding = (!codings.is_empty()).then(|| codings.join(", "));
        }
    };
    for line in lines {
        let line = trim_line_end(line);
        if line.first().is_some_and(|&b| b == b' ' || b == b'\t') {
            if let Some((_, value)) = &mut last {
                value.push(' ');
                value.push_str(String::from_utf8_lossy(line).trim());
            }
            continue;
        }
        if let Some((name, value)) = last.take() {
            apply(&name, &value, head);
        }
        if let Some(colon) = line.iter().position(|&b| b == b':') {
            let name = String::from_utf8_lossy(&line[..colon]).trim().to_owned();
            let value = String::from_utf8_lossy(&line[colon + 1..]).into_owned();
            last = Some((name, value));
        }
    }
    if let Some((name, value)) = last {
        apply(&name, &value, head);
    }
}

/// Strips a trailing `\n` or `\r\n`.
pub(super) fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The media type of a `Content-Type` value, lower-cased, without parameters.
pub(super) fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// True for the media types byline reads.
pub(super) fn is_html_type(media_type: &str) -> bool {
    matches!(media_type, "text/html" | "application/xhtml+xml")
}

/// The `charset` parameter of a `Content-Type` value when it names an encoding byline knows;
/// an unknown label gives `None`, so the page's own declaration or detection decides.
pub(super) fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let label = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        Encoding::for_label(label.as_bytes()).map(|_| label.to_owned())
    })
}

/// True when `body` starts like an HTML document (the WHATWG sniffing patterns for HTML, after
/// leading whitespace and a byte-order mark).
pub(super) fn looks_like_html(body: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<script",
        b"<iframe",
        b"<h1",
        b"<div",
        b"<font",
        b"<table",
        b"<a",
        b"<style",
        b"<title",
        b"<b",
        b"<body",
        b"<br",
        b"<p",
        b"<!--",
    ];
    let body = body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body);
    let start = body
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
        .unwrap_or(body.len());
    let body = &body[start..];
    TAGS.iter().any(|tag| {
        body.len() > tag.len()
            && body[..tag.len()].eq_ignore_ascii_case(tag)
            && (tag == b"<!--" || matches!(body[tag.len()], b' ' | b'>'))
    })
}

/// Removes chunked transfer coding. `None` when `body` is not well-formed chunked data (the
/// caller then keeps the bytes as they are: many crawlers store the payload de-chunked but keep
/// the header). Trailers after the last chunk are ignored.
pub(super) fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let eol = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_line = &rest[..eol];
        let size_hex = size_line
            .split(|&b| b == b';')
            .next()
            .unwrap_or(b"")
            .trim_ascii();
        if size_hex.is_empty() || size_hex.len() > 15 || !size_hex.iter().all(u8::is_ascii_hexdigit)
        {
            return None;
        }
        let size = usize::from_str_radix(std::str::from_utf8(size_hex).ok()?, 16).ok()?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        let chunk = rest.get(..size)?;
        out.extend_from_slice(chunk);
        rest = &rest[size..];
        rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
        if rest.is_empty() {
            // A stream cut after a whole chunk: keep what arrived.
            return Some(out);
        }
    }
}

/// Why a payload could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DecodeError {
    /// Decompressed data over the cap.
    TooLarge,
    /// Corrupt compressed data or an unsupported coding.
    Bad(String),
}

/// Undoes `Content-Encoding`, decompressing at most `cap` bytes. A payload that does not start
/// like the declared coding is returned as it is (crawlers often store decoded payloads and keep
/// the header).
pub(super) fn decode_content(
    body: Vec<u8>,
    coding: Option<&str>,
    cap: usize,
) -> Result<Vec<u8>, DecodeError> {
    let Some(coding) = coding else {
        return Ok(body);
    };
    match coding {
        "gzip" | "x-gzip" => {
            if !body.starts_with(&super::stream::GZIP_MAGIC) {
                return Ok(body);
            }
            inflate(flate2::read::MultiGzDecoder::new(&body[..]), cap)
        }
        "deflate" => {
            if looks_like_html(&body) {
                return Ok(body);
            }
            // Servers send zlib-wrapped data as the standard says, or raw deflate.
            match inflate(flate2::read::ZlibDecoder::new(&body[..]), cap) {
                Ok(out) => Ok(out),
                Err(DecodeError::TooLarge) => Err(DecodeError::TooLarge),
                Err(DecodeError::Bad(_)) => {
                    inflate(flate2::read::DeflateDecoder::new(&body[..]), cap)
                }
            }
        }
        other => {
            if looks_like_html(&body) {
                Ok(body)
            } else {
                Err(DecodeError::Bad(format!(
                    "unsupported Content-Encoding {other:?}"
                )))
            }
        }
    }
}

/// Reads `decoder` to the end, at most `cap` bytes.
fn inflate(decoder: impl Read, cap: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    decoder
        .take(cap as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::Bad(format!("bad compressed payload: {e}")))?;
    if out.len() > cap {
        return Err(DecodeError::TooLarge);
    }
    Ok(out)
}
