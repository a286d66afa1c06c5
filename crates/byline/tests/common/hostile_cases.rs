//! The generated hostile pages, shared by the Rust API suite (`tests/hostile.rs`) and the CLI
//! suite (`crates/byline-cli/tests/hostile_cli.rs`). Nothing large is stored: every page is built
//! here, in memory.

/// Every generated hostile page, by name.
pub fn cases() -> Vec<(&'static str, Vec<u8>)> {
    let mut v: Vec<(&'static str, Vec<u8>)> = Vec::new();
    v.push((
        "200k nested divs",
        format!("{}x{}", "<div>".repeat(200_000), "</div>".repeat(200_000)).into_bytes(),
    ));
    v.push((
        "500k unclosed inline tags",
        format!("{}x", "<b><i>".repeat(250_000)).into_bytes(),
    ));
    v.push((
        "20k nested tables",
        format!("{}x", "<table><tr><td>".repeat(20_000)).into_bytes(),
    ));
    v.push((
        "20 MB attribute",
        format!("<div title=\"{}\">x</div>", "a".repeat(20_000_000)).into_bytes(),
    ));
    v.push((
        "30 MB text node",
        format!("<p>{}</p>", "word ".repeat(6_000_000)).into_bytes(),
    ));
    v.push((
        "a million paragraphs",
        "<p>para</p>".repeat(1_000_000).into_bytes(),
    ));
    v.push(("300k attributes on one tag", {
        let mut s = String::from("<div");
        for i in 0..300_000 {
            s.push_str(&format!(" a{i}=1"));
        }
        s.push_str(">x</div>");
        s.into_bytes()
    }));
    v.push(("300k attributes in a body template", {
        let mut s =
            String::from("<div itemprop=articleBody><script type=text/template><p>text</p><div");
        for i in 0..300_000 {
            s.push_str(&format!(" a{i}=1"));
        }
        s.push_str(">x</div></script></div>");
        s.into_bytes()
    }));
    v.push((
        "entity flood",
        "&amp;&lt;&#x41;&notanentity;".repeat(500_000).into_bytes(),
    ));
    v.push((
        "unterminated comment",
        format!("<p>a</p><!--{}", "x".repeat(1_000_000)).into_bytes(),
    ));
    v.push((
        "unterminated CDATA",
        format!("<svg><![CDATA[{}", "x".repeat(1_000_000)).into_bytes(),
    ));
    v.push((
        "unterminated script",
        format!("<script>{}", "var a = '<div>';".repeat(100_000)).into_bytes(),
    ));
    v.push(("NUL bytes", {
        let mut b = b"<html><title>t\0t</title><p>a\0b</p>".to_vec();
        b.extend(std::iter::repeat_n(0u8, 100_000));
        b
    }));
    v.push(("invalid UTF-8", {
        let mut b = b"<meta charset=utf-8><title>bad \xff\xfe bytes</title><p>".to_vec();
        b.extend((0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 0x80));
        b
    }));
    v.push(("UTF-16LE with BOM", {
        let mut b = vec![0xff, 0xfe];
        b.extend(
            "<title>sixteen</title><p>UTF-16 page</p>"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        b
    }));
    v.push((
        "UTF-16BE without BOM",
        "<title>sixteen</title><p>UTF-16 page</p>"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect(),
    ));
    v.push(("lying meta charset", {
        let mut b = b"<meta charset=shift_jis><title>caf\xc3\xa9</title><p>".to_vec();
        b.extend(b"\x82\xa0\xff\xfe".repeat(10_000));
        b
    }));
    v.push(("random binary", {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        (0..2_000_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect()
    }));
    v.push(("empty", Vec::new()));
    v.push(("whitespace only", b" \n\t\r  \n".repeat(1000)));
    v.push((
        "100k-deep JSON-LD arrays",
        format!(
            "<script type=\"application/ld+json\">{}{}</script><p>x</p>",
            "[".repeat(100_000),
            "]".repeat(100_000)
        )
        .into_bytes(),
    ));
    v.push((
        "100k-deep JSON-LD objects",
        format!(
            "<script type=\"application/ld+json\">{}1{}</script>",
            "{\"a\":".repeat(100_000),
            "}".repeat(100_000)
        )
        .into_bytes(),
    ));
    v.push((
        "300k meta tags",
        "<meta name=\"author\" content=\"x\"><meta property=\"og:title\" content=\"y\">"
            .repeat(150_000)
            .into_bytes(),
    ));
    v.push(("absurd counts and dates", format!(
        "<article><h1>t</h1><p>{} views</p><p>-5 views</p><p>Feb 31, 2021</p>\
         <time datetime=\"99999-99-99\">x</time><p>Posted on 31/02/2020</p><p>{} comments</p></article>",
        "9".repeat(100_000),
        "1,".repeat(50_000)
    )
    .into_bytes()));
    v.push((
        "deep lists",
        format!("{}x", "<ul><li>".repeat(100_000)).into_bytes(),
    ));
    v.push((
        "deep inline formatting in body",
        format!(
            "<article>{}text</article>",
            "<span><em><a href=x>".repeat(70_000)
        )
        .into_bytes(),
    ));
    v
}
