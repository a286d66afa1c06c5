//! Input guards applied before tokenizing.

use std::borrow::Cow;

/// Removes attributes past the first `max` of every start tag.
///
/// html5ever checks each new attribute against all earlier ones of the same tag, so a tag with
/// hundreds of thousands of attributes takes minutes. This scan follows the tokenizer's view of
/// tags closely enough for that purpose (quoted values, comments, raw-text elements such as
/// `<script>` are skipped whole) and costs one pass over the bytes of tags. The input is
/// returned unchanged (borrowed) unless some tag had too many attributes.
pub(crate) fn cap_attributes(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = find_byte(b'<', &b[i..]) {
        let lt = i + off;
        i = lt + 1;
        match b.get(lt + 1) {
            Some(b'!') => {
                if b[lt..].starts_with(b"<!--") {
                    i = find(&b[lt + 4..], b"-->").map_or(b.len(), |e| lt + 4 + e + 3);
                } else {
                    i = find_byte(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let tag = scan_tag(b, lt + 1, max);
                if let Some(cut) = tag.cut {
                    cuts.push(cut);
                }
                i = tag.end;
                if !markup_template(&b[lt..tag.end])
                    && let Some(raw) = raw_text_end(b, tag.name, i)
                {
                    i = raw;
                }
            }
            _ => {}
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cuts {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

struct ScannedTag {
    /// Byte range of the tag name.
    name: (usize, usize),
    /// Index just past the tag's `>` (or the end of input).
    end: usize,
    /// Byte range to remove: from the first attribute over the limit to the end of the tag.
    cut: Option<(usize, usize)>,
}

/// Scans a start tag whose name begins at `start` (just after `<`).
fn scan_tag(b: &[u8], start: usize, max: usize) -> ScannedTag {
    let mut i = start;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = (start, i);
    let mut count = 0usize;
    let mut cut_from = None;
    loop {
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            let cut = cut_from.map(|f| (f, i));
            return ScannedTag {
                name,
                end: i + 1,
                cut,
            };
        }
        count += 1;
        if count == max + 1 {
            cut_from = Some(i);
        }
        // Attribute name: up to whitespace, '/', '>' or '=' (a leading '=' belongs to the name).
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let mut j = i;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    j = find_byte(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e + 1);
                }
                _ => {
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                }
            }
            i = j;
        }
    }
    ScannedTag {
        name,
        end: b.len(),
        cut: cut_from.map(|f| (f, b.len())),
    }
}

/// For raw-text elements, the index of their end tag (`</script`), so their content is skipped.
fn raw_text_end(b: &[u8], name: (usize, usize), from: usize) -> Option<usize> {
    let tag = &b[name.0..name.1];
    const RAW: [&[u8]; 8] = [
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
    ];
    let raw = RAW.iter().find(|r| tag.eq_ignore_ascii_case(r))?;
    let mut i = from;
    while let Some(off) = find_end_tag(&b[i..]) {
        let at = i + off;
        let after = at + 2;
        if b.len() >= after + raw.len() && b[after..after + raw.len()].eq_ignore_ascii_case(raw) {
            return Some(at);
        }
        i = after;
    }
    Some(b.len())
}

/// Whether a start tag is a `<script>` holding an HTML template: the sink may parse such a
/// script's content as markup (see `DepthGuard::unwraps_template`), so it is scanned as markup.
fn markup_template(tag: &[u8]) -> bool {
    if tag.len() <= 7 || !tag[1..7].eq_ignore_ascii_case(b"script") {
        return false;
    }
    // "text/html" or "text/template" anywhere in the tag: found by their '/'.
    memchr::memchr_iter(b'/', tag).any(|i| {
        i >= 4
            && tag[i - 4..i].eq_ignore_ascii_case(b"text")
            && [&b"html"[..], b"template"].iter().any(|w| {
                tag.get(i + 1..i + 1 + w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w))
            })
    })
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn find_byte(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// The next `</` in `hay`.
fn find_end_tag(hay: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &hay[i..]) {
        let at = i + off;
        if hay.get(at + 1) == Some(&b'/') {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_normal_markup_alone() {
        let html = "<div class=\"a>b\" id=x data-y='1'>t</div><!-- <p a b c> --><script>if (a<b) x()</script>";
        assert!(matches!(cap_attributes(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn cuts_excess_attributes() {
        let html = "<p a=1 b=\"2 > 3\" c d=4>text</p><i e f>x</i>";
        assert_eq!(
            cap_attributes(html, 2),
            "<p a=1 b=\"2 > 3\" >text</p><i e f>x</i>"
        );
        let unterminated = "<p a b c";
        assert_eq!(cap_attributes(unterminated, 1), "<p a ");
    }

    #[test]
    fn tags_just_over_and_under_the_limit() {
        // The shortest tag over the limit, and tags at it.
        assert_eq!(cap_attributes("<p a b c", 2), "<p a b ");
        assert_eq!(cap_attributes("<p a b c>x", 2), "<p a b >x");
        assert!(matches!(cap_attributes("<p a b>x", 2), Cow::Borrowed(_)));
        // Quoted '>' inside values, either quote; unquoted and spaced values.
        assert_eq!(
            cap_attributes("<p a=\"1>\" b='2>' c>x</p>", 2),
            "<p a=\"1>\" b='2>' >x</p>"
        );
        assert!(matches!(
            cap_attributes("<p a=\"1>\" b = '2>'>x</p><i c d>", 2),
            Cow::Borrowed(_)
        ));
        assert_eq!(cap_attributes("<p a=1/ b = 2 c/>x", 2), "<p a=1/ b = 2 >x");
        // Just over and just under the default limit.
        let tag = |n: usize| {
            let attrs: Vec<String> = (0..n).map(|i| format!("data-a{i}=\"v>{i}\"")).collect();
            format!("<div {}>text</div>", attrs.join(" "))
        };
        assert!(matches!(cap_attributes(&tag(1024), 1024), Cow::Borrowed(_)));
        let over = tag(1025);
        let capped = cap_attributes(&over, 1024);
        assert!(!capped.contains("data-a1024"));
        assert!(capped.contains("data-a1023=\"v>1023\" >text</div>"));
    }

    #[test]
    fn script_content_is_not_scanned() {
        let html = "<script>var s = '<p a b c d e f>';</script><p x>";
        assert!(matches!(cap_attributes(html, 1), Cow::Borrowed(_)));
    }

    #[test]
    fn template_script_tags() {
        assert!(markup_template(b"<script type=\"text/template\">"));
        assert!(markup_template(b"<SCRIPT TYPE='TEXT/HTML'>"));
        assert!(markup_template(b"<script id=t type=text/html>"));
        assert!(!markup_template(b"<script type=\"text/javascript\">"));
        assert!(!markup_template(b"<script src=\"/html/text/x.js\">"));
        assert!(!markup_template(b"<style type=\"text/html\">"));
        assert!(!markup_template(b"<script>"));
    }

    #[test]
    fn template_scripts_are_scanned_as_markup() {
        let html = "<script type=\"text/template\"><p a b c>x</p></script><p d>";
        assert_eq!(
            cap_attributes(html, 1),
            "<script type=\"text/template\"><p a >x</p></script><p d>"
        );
        let html = "<SCRIPT TYPE='TEXT/HTML'><i a b></i></SCRIPT>";
        assert_eq!(
            cap_attributes(html, 1),
            "<SCRIPT TYPE='TEXT/HTML'><i a ></i></SCRIPT>"
        );
    }
}
