//! Bytes to text: which encoding, and the decoding itself.
//!
//! Order (WHATWG, with one refinement): a byte-order mark; the caller's charset; a
//! `<meta charset>` / `http-equiv` / XML-declaration prescan; then, with nothing declared, UTF-8
//! when the bytes are valid UTF-8 and a statistical guess (chardetng) otherwise. The refinement:
//! a page that declares a legacy charset (single-byte, or a multi-byte one such as GB2312,
//! Shift_JIS, EUC-KR or Big5) but whose bytes are valid UTF-8 with multi-byte sequences is
//! UTF-8: such a byte pattern is vanishingly rare in legacy text, and the mislabel is common
//! (templates keep their old `<meta charset>` after the site moves to UTF-8).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::{Error, Result};

/// How many bytes the `<meta>` prescan looks at. Browsers look at 1024; pages with long heads
/// often declare later, and the cost of looking further is small.
const PRESCAN_BYTES: usize = 16 * 1024;

/// The decoded page and the encoding that was used.
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "kept for diagnostics and tests")
    )]
    pub(crate) encoding: &'static Encoding,
}

/// Decodes `bytes`; `charset` is the caller's label (for example from an HTTP header).
pub(crate) fn decode<'a>(bytes: &'a [u8], charset: Option<&str>) -> Result<Decoded<'a>> {
    let caller = match charset {
        Some(label) => Some(Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            Error::UnknownCharset {
                label: label.to_owned(),
            }
        })?),
        None => None,
    };
    let encoding = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        enc
    } else if let Some(enc) = caller {
        prefer_utf8(enc, bytes)
    } else if let Some(enc) = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        prefer_utf8(enc, bytes)
    } else if let Some(enc) = sniff_utf16(bytes) {
        enc
    } else if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
        det.feed(bytes, true);
        det.guess(None, chardetng::Utf8Detection::Allow)
    };
    // Malformed sequences become U+FFFD; decoding never fails.
    let (text, _had_errors) = encoding.decode_with_bom_removal(bytes);
    Ok(Decoded { text, encoding })
}

/// UTF-16 without a BOM: every other byte of the first bytes is zero.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_zero = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 9 && even_zero * 10 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 9 && odd_zero * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A declared legacy encoding loses to UTF-8 when the bytes are valid UTF-8 and contain
/// non-ASCII sequences. UTF-16 and the 7-bit ISO-2022-JP keep their declaration.
fn prefer_utf8(declared: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if declared == UTF_8
        || declared == UTF_16LE
        || declared == UTF_16BE
        || declared == encoding_rs::ISO_2022_JP
    {
        return declared;
    }
    if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        declared
    }
}

/// Finds a charset declared in `<meta charset>`, `<meta http-equiv content="…charset=…">` or
/// an XML declaration within `head`.
pub(crate) fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    if let Some(rest) = head.strip_prefix(b"<?xml")
        && let Some(end) = rest.iter().position(|&b| b == b'>')
        && let Some(label) = attr_value(&rest[..end], b"encoding")
        && let Some(enc) = Encoding::for_label(label)
    {
        return Some(meta_encoding(enc));
    }
    let mut i = 0;
    while i < head.len() {
        let Some(lt) = memchr(b'<', &head[i..]) else {
            break;
        };
        let start = i + lt;
        let rest = &head[start..];
        if rest.starts_with(b"<!--") {
            i = match find(&rest[4..], b"-->") {
                Some(end) => start + 4 + end + 3,
                None => break,
            };
            continue;
        }
        let end = memchr(b'>', rest).map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if tag.len() > 5 && tag[..5].eq_ignore_ascii_case(b"<meta") && is_tag_end(tag[5]) {
            if let Some(label) = attr_value(tag, b"charset")
                && let Some(enc) = Encoding::for_label(label)
            {
                return Some(meta_encoding(enc));
            }
            let is_content_type = attr_value(tag, b"http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case(b"content-type"));
            if is_content_type
                && let Some(content) = attr_value(tag, b"content")
                && let Some(label) = charset_in_content(content)
                && let Some(enc) = Encoding::for_label(label)
            {
                return Some(meta_encoding(enc));
            }
        }
        i = end + 1;
    }
    None
}

/// WHATWG: a meta-declared UTF-16 means UTF-8 (the bytes could not have been read otherwise),
/// and `x-user-defined` means windows-1252.
fn meta_encoding(enc: &'static Encoding) -> &'static Encoding {
    if enc == UTF_16BE || enc == UTF_16LE {
        UTF_8
    } else if enc.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        enc
    }
}

fn is_tag_end(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'/'
}

/// The value of attribute `name` in the raw tag text (quoted or not), case-insensitive name.
fn attr_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut i = 0;
    while i + name.len() < tag.len() {
        let at = i + find_ci(&tag[i..], name)?;
        let before_ok = at == 0
            || matches!(
                tag[at - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'"' | b'\''
            );
        let mut j = at + name.len();
        while j < tag.len() && tag[j].is_ascii_whitespace() {
            j += 1;
        }
        if before_ok && j < tag.len() && tag[j] == b'=' {
            j += 1;
            while j < tag.len() && tag[j].is_ascii_whitespace() {
                j += 1;
            }
            let quote = tag.get(j).copied();
            return Some(match quote {
                Some(q @ (b'"' | b'\'')) => {
                    let v = &tag[j + 1..];
                    &v[..memchr(q, v).unwrap_or(v.len())]
                }
                _ => {
                    let v = &tag[j..];
                    let e = v
                        .iter()
                        .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
                        .unwrap_or(v.len());
                    &v[..e]
                }
            });
        }
        i = at + 1;
    }
    None
}

/// `text/html; charset=utf-8` → `utf-8`.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let at = find_ci(content, b"charset")?;
    let mut v = &content[at + 7..];
    while let [b' ' | b'\t', rest @ ..] = v {
        v = rest;
    }
    let v = v.strip_prefix(b"=")?;
    let v = v.trim_ascii_start();
    let v = v
        .strip_prefix(b"\"")
        .or_else(|| v.strip_prefix(b"'"))
        .unwrap_or(v);
    let end = v
        .iter()
        .position(|&b| matches!(b, b';' | b'"' | b'\'' | b' ' | b'\t'))
        .unwrap_or(v.len());
    (end > 0).then(|| &v[..end])
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(bytes: &[u8]) -> &'static str {
        decode(bytes, None)
            .map(|d| d.encoding.name())
            .unwrap_or("error")
    }

    #[test]
    fn order_of_signals() {
        assert_eq!(enc(b"\xEF\xBB\xBF<meta charset=latin1>x"), "UTF-8");
        assert_eq!(enc(b"<meta charset=\"Shift_JIS\"><p>abc"), "Shift_JIS");
        assert_eq!(
            enc(b"<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>\xf0\xd2"),
            "KOI8-R"
        );
        assert_eq!(
            enc(b"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>"),
            "ISO-8859-2"
        );
        assert_eq!(enc("<p>caf\u{e9}</p>".as_bytes()), "UTF-8");
        // Undeclared legacy bytes: chardetng guesses.
        assert_eq!(
            enc(b"<p>Gr\xfc\xdfe aus M\xfcnchen, sch\xf6ne Gr\xfc\xdfe</p>"),
            "windows-1252"
        );
        let d = decode(b"<p>x</p>", Some("iso-8859-15")).map(|d| d.encoding.name());
        assert_eq!(d.ok(), Some("ISO-8859-15"));
        assert!(matches!(
            decode(b"x", Some("nope")),
            Err(Error::UnknownCharset { .. })
        ));
    }

    #[test]
    fn lying_single_byte_declaration_loses_to_valid_utf8() {
        let page = "<meta charset=iso-8859-1><p>Grüße</p>".as_bytes();
        let d = decode(page, None).expect("decodes");
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Grüße"));
    }

    #[test]
    fn lying_multi_byte_declaration_loses_to_valid_utf8() {
        let page = "<meta charset=gb2312><p>腾讯新闻，事实派。</p>".as_bytes();
        let d = decode(page, None).expect("decodes");
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("腾讯新闻"));
        // Real GB2312 bytes are not valid UTF-8 and keep their declaration.
        let (gb, _, _) = encoding_rs::GBK.encode("<meta charset=gb2312><p>腾讯新闻，事实派。</p>");
        let d = decode(&gb, None).expect("decodes");
        assert_eq!(d.encoding, encoding_rs::GBK);
        assert!(d.text.contains("腾讯新闻"));
    }

    #[test]
    fn meta_utf16_means_utf8_and_comments_are_skipped() {
        assert_eq!(
            enc(b"<!-- <meta charset=koi8-r> --><meta charset=utf-16><p>x"),
            "UTF-8"
        );
    }

    #[test]
    fn utf16_without_bom() {
        let s: Vec<u8> = "<html><p>hello</p></html>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&s, None).expect("decodes");
        assert_eq!(d.encoding, UTF_16LE);
        assert_eq!(d.text, "<html><p>hello</p></html>");
    }
}
