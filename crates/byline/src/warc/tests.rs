//! WARC files built here, record by record, from pages written for these tests.

use std::io::{self, Cursor, Read, Write};

use flate2::Compression;
use flate2::write::GzEncoder;

use super::*;

/// One WARC record: version line, headers, block, and the two CRLFs after it.
fn record(
    warc_type: &str,
    id: u32,
    uri: Option<&str>,
    content_type: &str,
    block: &[u8],
) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"WARC/1.0\r\n");
    out.extend_from_slice(format!("WARC-Type: {warc_type}\r\n").as_bytes());
    out.extend_from_slice(b"WARC-Date: 2024-03-01T10:00:00Z\r\n");
    out.extend_from_slice(format!("WARC-Record-ID: <urn:uuid:test-{id}>\r\n").as_bytes());
    if let Some(uri) = uri {
        out.extend_from_slice(format!("WARC-Target-URI: {uri}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response block.
fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for h in headers {
        out.extend_from_slice(h.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// A `response` record holding an HTML page.
fn html_response(id: u32, uri: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    record(
        "response",
        id,
        Some(uri),
        "application/http; msgtype=response",
        &http("200 OK", headers, body),
    )
}

fn page(title: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body><article><p>The text \
         of {title}, long enough to read as a paragraph of an article.</p></article></body></html>"
    )
    .into_bytes()
}

fn warcinfo() -> Vec<u8> {
    record(
        "warcinfo",
        0,
        None,
        "application/warc-fields",
        b"software: byline tests\r\nformat: WARC File Format 1.0\r\n",
    )
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data).expect("write to Vec");
    enc.finish().expect("finish gzip")
}

/// Each record as its own gzip member, as Common Crawl writes them.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn read_all(bytes: Vec<u8>) -> Vec<Result<WarcPage, WarcError>> {
    WarcPages::from_reader(Cursor::new(bytes))
        .expect("reader")
        .collect()
}

fn uris(items: &[Result<WarcPage, WarcError>]) -> Vec<String> {
    items
        .iter()
        .map(|i| match i {
            Ok(p) => p.uri.clone().unwrap_or_default(),
            Err(e) => format!("ERR {e}"),
        })
        .collect()
}

/// A small crawl: warcinfo, a request, two pages, an image, a redirect, a DNS record, a page
/// without Content-Type, a plain-text response and a `metadata` record.
fn crawl() -> Vec<Vec<u8>> {
    vec![
        warcinfo(),
        record(
            "request",
            1,
            Some("https://example.org/a"),
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n",
        ),
        html_response(
            2,
            "https://example.org/a",
            &["Content-Type: text/html; charset=utf-8"],
            &page("Alpha"),
        ),
        record(
            "response",
            3,
            Some("https://example.org/logo.png"),
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &["Content-Type: image/png"],
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            ),
        ),
        record(
            "response",
            4,
            Some("https://example.org/old"),
            "application/http; msgtype=response",
            &http(
                "301 Moved Permanently",
                &["Location: /a", "Content-Type: text/html"],
                b"<html><body>moved</body></html>",
            ),
        ),
        record(
            "response",
            5,
            Some("dns:example.org"),
            "text/dns",
            b"20240301100000\nexample.org. 300 IN A 192.0.2.1\n",
        ),
        html_response(6, "https://example.org/b", &["Server: test"], &page("Beta")),
        record(
            "response",
            7,
            Some("https://example.org/robots.txt"),
            "application/http; msgtype=response",
            &http("200 OK", &[], b"User-agent: *\nDisallow:\n"),
        ),
        record(
            "metadata",
            8,
            Some("https://example.org/b"),
            "application/warc-fields",
            b"fetchTimeMs: 12\r\n",
        ),
        html_response(
            9,
            "https://example.org/c",
            &["Content-Type: application/xhtml+xml"],
            &page("Gamma"),
        ),
    ]
}

#[test]
fn plain_warc_yields_html_responses_in_order() {
    let items = read_all(crawl().concat());
    assert_eq!(
        uris(&items),
        [
            "https://example.org/a",
            "https://example.org/b",
            "https://example.org/c"
        ]
    );
    let Some(Ok(first)) = items.first() else {
        panic!("first item is a page: {items:?}");
    };
    assert_eq!(first.record_id.as_deref(), Some("<urn:uuid:test-2>"));
    assert_eq!(first.date.as_deref(), Some("2024-03-01T10:00:00Z"));
    assert_eq!(first.status, 200);
    assert_eq!(first.charset.as_deref(), Some("utf-8"));
    assert_eq!(
        first.content_type.as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(first.body, page("Alpha"));
    // The second page has no Content-Type: taken because it starts like HTML.
    let Some(Ok(second)) = items.get(1) else {
        panic!("second item is a page");
    };
    assert_eq!(second.content_type, None);
    assert_eq!(second.charset, None);
}

#[test]
fn gzip_members_read_like_plain() {
    let items = read_all(gzip_members(&crawl()));
    assert_eq!(
        uris(&items),
        [
            "https://example.org/a",
            "https://example.org/b",
            "https://example.org/c"
        ]
    );
    let plain = read_all(crawl().concat());
    assert_eq!(items, plain);
}

#[test]
fn one_gzip_stream_for_the_whole_file() {
    let items = read_all(gzip(&crawl().concat()));
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(Result::is_ok));
}

#[test]
fn counts_records_and_input_bytes() {
    let data = gzip_members(&crawl());
    let len = data.len() as u64;
    let mut pages = WarcPages::from_reader(Cursor::new(data)).expect("reader");
    assert!(pages.is_gzip());
    assert_eq!(pages.by_ref().count(), 3);
    assert_eq!(pages.records_read(), 10);
    assert_eq!(pages.bytes_read(), len);
}

#[test]
fn many_records_stream_through() {
    let mut records = vec![warcinfo()];
    for i in 0..2000 {
        records.push(html_response(
            10 + i,
            &format!("https://example.org/p{i}"),
            &["Content-Type: text/html"],
            &page(&format!("Page {i}")),
        ));
    }
    let items = read_all(gzip_members(&records));
    assert_eq!(items.len(), 2000);
    for (i, item) in items.iter().enumerate() {
        let uri = item.as_ref().expect("page").uri.clone();
        assert_eq!(uri, Some(format!("https://example.org/p{i}")));
    }
}

#[test]
fn truncated_final_record_ends_with_an_error() {
    let mut data = crawl().concat();
    let last = html_response(
        20,
        "https://example.org/cut",
        &["Content-Type: text/html"],
        &page("Cut"),
    );
    data.extend_from_slice(&last[..last.len() - 60]);
    let items = read_all(data);
    assert_eq!(items.len(), 4);
    assert!(matches!(
        items.last(),
        Some(Err(WarcError::Truncated { .. }))
    ));

    // Cut inside the header block.
    let mut data = crawl().concat();
    data.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Le");
    let items = read_all(data);
    assert_eq!(items.len(), 4);
    assert!(matches!(
        items.last(),
        Some(Err(WarcError::Truncated { .. }))
    ));
}

#[test]
fn truncated_gzip_member_ends_with_an_error() {
    let mut records = crawl();
    records.push(html_response(
        20,
        "https://example.org/cut",
        &["Content-Type: text/html"],
        &page("Cut"),
    ));
    let mut data = gzip_members(&records);
    data.truncate(data.len() - 30);
    let items = read_all(data);
    assert_eq!(items.len(), 4, "{:?}", uris(&items));
    assert!(
        matches!(items.last(), Some(Err(WarcError::Truncated { .. }))),
        "{:?}",
        items.last()
    );
}

#[test]
fn every_truncation_point_ends_without_panic() {
    let plain = crawl().concat();
    let gz = gzip_members(&crawl());
    for data in [plain, gz] {
        for cut in (0..data.len()).step_by(7) {
            let items = read_all(data[..cut].to_vec());
            assert!(items.len() <= 4, "cut at {cut}");
        }
    }
}

#[test]
fn damaged_gzip_member_is_reported_and_skipped() {
    let mut records = crawl();
    records.push(html_response(
        21,
        "https://example.org/d",
        &["Content-Type: text/html"],
        &page("Delta"),
    ));
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let mut data = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let mut m = m.clone();
        if i == 6 {
            // Corrupt the compressed data of the record holding page "b".
            for b in m.iter_mut().skip(20).take(40) {
                *b ^= 0x5a;
            }
        }
        data.extend_from_slice(&m);
    }
    let items = read_all(data);
    let got = uris(&items);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0], "https://example.org/a");
    assert!(got[1].starts_with("ERR damaged record"), "{got:?}");
    assert_eq!(got[2], "https://example.org/c");
    assert_eq!(got[3], "https://example.org/d");
}

#[test]
fn garbage_between_records_is_reported_once_and_skipped() {
    let records = crawl();
    let mut data = Vec::new();
    data.extend_from_slice(&records[..3].concat());
    data.extend_from_slice(b"this is not a record\r\nnor this\r\n\r\nWARC/ nope\r\n");
    data.extend_from_slice(&records[3..].concat());
    let items = read_all(data);
    let got = uris(&items);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got[1].starts_with("ERR damaged record"), "{got:?}");
    assert_eq!(got[2], "https://example.org/b");
}

#[test]
fn bad_content_length_resynchronises() {
    let records = crawl();
    // A record whose Content-Length is not a number.
    let bad_length = record(
        "response",
        30,
        Some("https://example.org/x"),
        "application/http",
        b"",
    )
    .to_vec();
    let bad_length = String::from_utf8(bad_length)
        .expect("ascii")
        .replace("Content-Length: 0", "Content-Length: lots")
        .into_bytes();
    let mut data = records[..3].concat();
    data.extend_from_slice(&bad_length);
    data.extend_from_slice(&records[3..7].concat());
    data.extend_from_slice(&records[7..].concat());
    let items = read_all(data);
    let got = uris(&items);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got[1].starts_with("ERR damaged record"), "{got:?}");
    assert_eq!(got[2], "https://example.org/b");
    assert_eq!(got[3], "https://example.org/c");
}

#[test]
fn missing_content_length_is_damage() {
    let data =
        b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n".to_vec();
    let mut all = data;
    all.extend_from_slice(&crawl().concat());
    let items = read_all(all);
    let got = uris(&items);
    assert!(got[0].contains("no Content-Length"), "{got:?}");
    assert_eq!(got.len(), 4, "{got:?}");
}

#[test]
fn chunked_and_gzip_encoded_payload() {
    let html = page("Chunked");
    let compressed = gzip(&html);
    let mut chunked = Vec::new();
    for part in compressed.chunks(50) {
        chunked.extend_from_slice(format!("{:x};ext=1\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\nX-Trailer: yes\r\n\r\n");
    let rec = html_response(
        40,
        "https://example.org/chunked",
        &[
            "Content-Type: text/html;charset=\"ISO-8859-1\"",
            "Transfer-Encoding: chunked",
            "Content-Encoding: gzip",
        ],
        &chunked,
    );
    let items = read_all(gzip_members(&[warcinfo(), rec]));
    let [Ok(p)] = items.as_slice() else {
        panic!("one page: {items:?}");
    };
    assert_eq!(p.body, html);
    assert_eq!(p.charset.as_deref(), Some("ISO-8859-1"));
}

#[test]
fn deflate_and_already_decoded_payloads() {
    let html = page("Deflated");
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
    zlib.write_all(&html).expect("write");
    let zlib = zlib.finish().expect("finish");
    let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), Compression::default());
    raw.write_all(&html).expect("write");
    let raw = raw.finish().expect("finish");
    let records = [
        html_response(
            41,
            "https://example.org/zlib",
            &["Content-Type: text/html", "Content-Encoding: deflate"],
            &zlib,
        ),
        html_response(
            42,
            "https://example.org/raw",
            &["Content-Type: text/html", "Content-Encoding: deflate"],
            &raw,
        ),
        // The crawler stored the decoded page but kept the headers.
        html_response(
            43,
            "https://example.org/kept",
            &[
                "Content-Type: text/html",
                "Content-Encoding: gzip",
                "Transfer-Encoding: chunked",
            ],
            &html,
        ),
        html_response(
            44,
            "https://example.org/br",
            &["Content-Type: text/html", "Content-Encoding: br"],
            b"\x1b\x03\x00\xf8\xa5\x2d",
        ),
    ];
    let items = read_all(records.concat());
    assert_eq!(items.len(), 4);
    for item in &items[..3] {
        assert_eq!(item.as_ref().expect("page").body, html);
    }
    let Some(Err(WarcError::Record { reason, uri, .. })) = items.get(3) else {
        panic!("br is an error: {items:?}");
    };
    assert!(reason.contains("unsupported Content-Encoding"), "{reason}");
    assert_eq!(uri.as_deref(), Some("https://example.org/br"));
}

#[test]
fn lying_charset_header_loses_to_valid_utf8() {
    let html =
        "<html><head><title>Café crème</title></head><body><p>Déjà vu à Paris.</p></body></html>";
    let rec = html_response(
        50,
        "https://example.org/cafe",
        &["Content-Type: text/html; charset=windows-1252"],
        html.as_bytes(),
    );
    let items = read_all(rec);
    let [Ok(p)] = items.as_slice() else {
        panic!("one page: {items:?}");
    };
    assert_eq!(p.charset.as_deref(), Some("windows-1252"));
    // The hint reaches the decoder, whose "valid UTF-8 wins" rule reads the bytes as UTF-8.
    let decoded = crate::decode::decode(&p.body, p.charset.as_deref()).expect("known label");
    assert!(decoded.text.contains("Café crème"), "{}", decoded.text);
    let article = p.parse().expect("parses");
    assert_eq!(article.title.as_deref(), Some("Café crème"));

    // A true windows-1252 page keeps its declared charset.
    let latin: Vec<u8> =
        b"<html><head><title>Caf\xe9</title></head><body><p>D\xe9j\xe0 vu.</p></body></html>"
            .to_vec();
    let rec = html_response(
        51,
        "https://example.org/latin",
        &["Content-Type: text/html; charset=windows-1252"],
        &latin,
    );
    let items = read_all(rec);
    let [Ok(p)] = items.as_slice() else {
        panic!("one page: {items:?}");
    };
    let decoded = crate::decode::decode(&p.body, p.charset.as_deref()).expect("known label");
    assert!(decoded.text.contains("Café"), "{}", decoded.text);
}

#[test]
fn unknown_charset_label_gives_no_hint() {
    let rec = html_response(
        52,
        "https://example.org/x",
        &["Content-Type: text/html; charset=x-no-such-charset"],
        &page("Unknown"),
    );
    let items = read_all(rec);
    let [Ok(p)] = items.as_slice() else {
        panic!("one page: {items:?}");
    };
    assert_eq!(p.charset, None);
    assert!(p.parse().is_ok());
}

#[test]
fn invalid_uri_is_kept_but_not_used_as_url() {
    let rec = html_response(53, "not a url", &["Content-Type: text/html"], &page("U"));
    let items = read_all(rec);
    let [Ok(p)] = items.as_slice() else {
        panic!("one page: {items:?}");
    };
    assert_eq!(p.uri.as_deref(), Some("not a url"));
    assert!(p.parse().is_ok());
    // The base parser's URL stays when the record's is unusable.
    let base = Parser::new().url("https://base.example/").expect("valid");
    assert!(p.parse_with(&base).is_ok());
}

#[test]
fn angle_brackets_around_uri_are_removed() {
    let rec = html_response(
        54,
        "<https://example.org/angle>",
        &["Content-Type: text/html"],
        &page("A"),
    );
    let items = read_all(rec);
    assert_eq!(uris(&items), ["https://example.org/angle"]);
}

#[test]
fn oversized_payload_is_an_error_and_skipped() {
    let big = page(&"x".repeat(5000));
    let records = [
        html_response(
            60,
            "https://example.org/big",
            &["Content-Type: text/html"],
            &big,
        ),
        html_response(
            61,
            "https://example.org/small",
            &["Content-Type: text/html"],
            &page("S"),
        ),
    ];
    let items: Vec<_> = WarcPages::from_reader(Cursor::new(records.concat()))
        .expect("reader")
        .max_body_bytes(1000)
        .collect();
    let got = uris(&items);
    assert!(got[0].contains("over the 1000-byte limit"), "{got:?}");
    assert_eq!(got[1], "https://example.org/small");
}

#[test]
fn gzip_bomb_payload_is_bounded() {
    let zeros = vec![b' '; 4 << 20];
    let bomb = gzip(&zeros);
    let rec = html_response(
        62,
        "https://example.org/bomb",
        &["Content-Type: text/html", "Content-Encoding: gzip"],
        &bomb,
    );
    let items: Vec<_> = WarcPages::from_reader(Cursor::new(rec))
        .expect("reader")
        .max_body_bytes(1 << 20)
        .collect();
    assert!(
        matches!(items.as_slice(), [Err(WarcError::Record { .. })]),
        "{items:?}"
    );
}

#[test]
fn endless_header_line_is_bounded() {
    let mut data = b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ".to_vec();
    data.extend(std::iter::repeat_n(b'a', 200_000));
    data.extend_from_slice(b"\r\n\r\n");
    data.extend_from_slice(&crawl().concat());
    let items = read_all(data);
    let got = uris(&items);
    assert!(got[0].contains("over 64 KiB"), "{got:?}");
    assert_eq!(got.len(), 4, "{got:?}");
}

#[test]
fn empty_and_non_warc_inputs() {
    assert!(read_all(Vec::new()).is_empty());
    let items = read_all(b"<html>not a warc</html>".to_vec());
    assert_eq!(items.len(), 1);
    assert!(matches!(items[0], Err(WarcError::Damaged { .. })));
    // Gzip magic followed by garbage.
    let items = read_all(b"\x1f\x8b\x08garbage garbage garbage".to_vec());
    assert!(items.len() <= 1);
}

#[test]
fn http_helpers() {
    assert_eq!(http::status_line(b"HTTP/1.1 200 OK\r\n"), Some(200));
    assert_eq!(http::status_line(b"HTTP/2 204\r\n"), Some(204));
    assert_eq!(http::status_line(b"HTTP/1.0 2000 OK\r\n"), None);
    assert_eq!(http::status_line(b"ICY 200 OK\r\n"), None);
    assert_eq!(
        http::charset("text/html; Charset = \"Shift_JIS\" "),
        Some("Shift_JIS".to_owned())
    );
    assert_eq!(http::charset("text/html; charset=bogus"), None);
    assert_eq!(http::charset("text/html"), None);
    assert!(http::looks_like_html(
        b"\xef\xbb\xbf\n  <!DOCTYPE html><html>"
    ));
    assert!(http::looks_like_html(b"<HTML lang=en>"));
    assert!(!http::looks_like_html(b"<?xml version='1.0'?><rss>"));
    assert!(!http::looks_like_html(b"{\"json\": true}"));
    assert_eq!(
        http::dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"),
        Some(b"abcde".to_vec())
    );
    assert_eq!(http::dechunk(b"<html>"), None);
    assert_eq!(http::dechunk(b"ffffffffffffffffff\r\nx"), None);
}

#[test]
fn pages_and_errors_can_cross_threads() {
    fn assert_send<T: Send + 'static>() {}
    assert_send::<WarcPages>();
    assert_send::<WarcPage>();
    assert_send::<WarcError>();
}

#[test]
fn flipped_bytes_never_panic_or_hang() {
    let plain = crawl().concat();
    let gz = gzip_members(&crawl());
    for data in [plain, gz] {
        for at in (0..data.len()).step_by(11) {
            let mut bad = data.clone();
            bad[at] ^= 0xa5;
            let items = read_all(bad);
            // At most the three pages, plus one error for the damage and one for a lost end.
            assert!(items.len() <= 5, "flip at {at}: {:?}", uris(&items));
        }
    }
}

/// A reader that yields `head`, then `len` filler bytes made on the fly, then `tail`: a huge
/// record without a huge buffer in the test.
struct Huge {
    head: Cursor<Vec<u8>>,
    len: u64,
    tail: Cursor<Vec<u8>>,
}

impl Read for Huge {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.head.read(out)?;
        if n > 0 {
            return Ok(n);
        }
        if self.len > 0 {
            let n = (out.len() as u64).min(self.len) as usize;
            out[..n].fill(b'a');
            self.len -= n as u64;
            return Ok(n);
        }
        self.tail.read(out)
    }
}

#[test]
fn huge_records_are_skipped_without_being_kept() {
    // A 256 MiB image, then an 80 MiB HTML page (over the 64 MiB page limit), then a page.
    let image_len: u64 = 256 << 20;
    let image_http = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n";
    let mut head = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:huge>\r\n\
         Content-Length: {}\r\n\r\n",
        image_http.len() as u64 + image_len
    )
    .into_bytes();
    head.extend_from_slice(image_http);
    let mut tail = b"\r\n\r\n".to_vec();
    let html_len: u64 = 80 << 20;
    let html_http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>";
    tail.extend_from_slice(
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:big-html>\r\n\
             Content-Length: {}\r\n\r\n",
            html_http.len() as u64 + html_len
        )
        .as_bytes(),
    );
    tail.extend_from_slice(html_http);
    let reader = Huge {
        head: Cursor::new(head),
        len: image_len,
        tail: Cursor::new(tail),
    };
    let rest = html_response(
        70,
        "https://example.org/after",
        &["Content-Type: text/html"],
        &page("After"),
    );
    let reader = reader.chain(Huge {
        head: Cursor::new(Vec::new()),
        len: html_len,
        tail: Cursor::new([b"\r\n\r\n".to_vec(), rest].concat()),
    });
    let items: Vec<_> = WarcPages::from_reader(reader).expect("reader").collect();
    let got = uris(&items);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].contains("over the 67108864-byte limit"), "{got:?}");
    assert_eq!(got[1], "https://example.org/after");
}

#[test]
fn a_cut_anywhere_in_the_last_record_is_reported() {
    let records = crawl();
    let last = html_response(
        80,
        "https://example.org/last",
        &["Content-Type: text/html"],
        &page("Last"),
    );
    let prefix = records[..3].concat();
    let plain = [prefix.clone(), last.clone()].concat();
    // Cuts inside the trailing CRLFs leave a whole record.
    for cut in prefix.len() + 1..plain.len() - 4 {
        let items = read_all(plain[..cut].to_vec());
        assert_eq!(items.len(), 2, "cut at {cut}: {:?}", uris(&items));
        assert!(
            matches!(items.last(), Some(Err(WarcError::Truncated { .. }))),
            "cut at {cut}: {:?}",
            items.last()
        );
    }
    let gz_prefix = gzip_members(&records[..3]);
    let gz = [gz_prefix.clone(), gzip(&last)].concat();
    for cut in gz_prefix.len() + 1..gz.len() {
        let items = read_all(gz[..cut].to_vec());
        // A cut near the member's end (trailing CRLFs, end of the deflate stream, CRC and
        // size) comes after the whole record was decoded: the whole page, then the error.
        let whole_page =
            |i: &Result<WarcPage, WarcError>| i.as_ref().is_ok_and(|p| p.body == page("Last"));
        assert!(
            items.len() == 2 || (items.len() == 3 && whole_page(&items[1])),
            "cut at {cut}: {:?}",
            uris(&items)
        );
        assert!(
            matches!(items.last(), Some(Err(_))),
            "cut at {cut}: {:?}",
            items.last()
        );
    }
}
