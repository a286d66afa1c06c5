//! The content pass on pages written for these tests (`tests/body/`): every block type, the
//! Markdown escaping rules, the HTML sanitizer against known XSS vectors, articles split over
//! several containers, and reader comments kept out of the body.

use byline::{Block, Body, Cell, Image, Inline};

fn page(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/body/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse(name: &str) -> byline::Article {
    byline::Parser::new()
        .url("https://blog.example.org/posts/every-block/")
        .and_then(|p| p.parse(&page(name)))
        .expect("parses")
}

/// Finds the first block (depth-first, lists and quotes included) that `f` accepts.
fn find<'a>(blocks: &'a [Block], f: &dyn Fn(&Block) -> bool) -> Option<&'a Block> {
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(b) = stack.pop() {
        if f(b) {
            return Some(b);
        }
        match b {
            Block::List { items, .. } => {
                for item in items.iter().rev() {
                    stack.extend(item.iter().rev());
                }
            }
            Block::Quote { blocks } => stack.extend(blocks.iter().rev()),
            _ => {}
        }
    }
    None
}

#[test]
fn every_block_type() {
    let a = parse("blocks.html");
    let blocks = &a.body.blocks;
    let text = a.body.text();

    // The title heading is not repeated as the first body line; the lead comes first.
    assert!(
        text.starts_with("This lead paragraph introduces the post"),
        "{text}"
    );
    assert!(find(blocks, &|b| matches!(b, Block::Heading { level: 2, .. })).is_some());
    // Nested list: an ordered list with start 3 inside the second item of a bulleted list.
    let Some(Block::List {
        ordered: false,
        items,
        ..
    }) = find(blocks, &|b| matches!(b, Block::List { ordered: false, .. }))
    else {
        panic!("no bulleted list: {blocks:#?}");
    };
    assert_eq!(items.len(), 2);
    assert!(
        items[1]
            .iter()
            .any(|b| matches!(b, Block::List { ordered: true, start: Some(3), items } if items.len() == 2)),
        "{items:#?}"
    );
    assert!(find(blocks, &|b| matches!(b, Block::Quote { .. })).is_some());
    // Code keeps its indentation and language.
    let Some(Block::Code {
        language,
        text: code,
    }) = find(blocks, &|b| matches!(b, Block::Code { .. }))
    else {
        panic!("no code block");
    };
    assert_eq!(language.as_deref(), Some("rust"));
    assert!(code.contains("\n        println!(\"{x}\");\n"), "{code:?}");
    // Table with header cells.
    let Some(Block::Table { rows }) = find(blocks, &|b| matches!(b, Block::Table { .. })) else {
        panic!("no table");
    };
    assert_eq!(rows.len(), 3);
    assert!(rows[0].iter().all(|c| c.header));
    // Lazy images resolve to their real source, against <base>.
    let figures: Vec<&Image> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure { image, .. } => Some(image),
            Block::Paragraph { content } => content.iter().find_map(|i| match i {
                Inline::Image { image } => Some(image),
                _ => None,
            }),
            _ => None,
        })
        .collect();
    let srcs: Vec<&str> = figures.iter().map(|i| i.src.as_str()).collect();
    assert!(
        srcs.contains(&"https://blog.example.org/posts/images/lazy.jpg"),
        "{srcs:?}"
    );
    assert!(
        srcs.contains(&"https://blog.example.org/posts/images/large.jpg"),
        "{srcs:?}"
    );
    assert!(
        srcs.contains(&"https://cdn.example.org/real.jpg"),
        "{srcs:?}"
    );
    assert!(srcs.iter().all(|s| !s.starts_with("data:")), "{srcs:?}");
    // Figure captions stay on their figure but are not running text.
    assert!(!text.contains("The caption of the lazy image."), "{text}");
    assert!(
        find(blocks, &|b| matches!(b, Block::Figure { caption, .. }
            if format!("{caption:?}").contains("The caption of the lazy image.")))
        .is_some()
    );
    assert!(find(blocks, &|b| matches!(b, Block::Rule)).is_some());

    // All of the article, nothing else.
    for want in [
        "A subheading",
        "First item of the outer list",
        "Nested four",
        "A quoted sentence that somebody said",
        "alpha\ta|b",
        "The last paragraph of the article closes the post",
    ] {
        assert!(text.contains(want), "body lacks {want:?}:\n{text}");
    }
    for junk in [
        "Home",
        "Share this",
        "Twitter",
        "Another post you may like",
        "drinks a lot of coffee",
        "Great post",
        "A reply to Alice",
        "Leave a Reply",
        "Recent Posts",
        "cookies",
        "Copyright 2024",
        "By Jane Doe",
    ] {
        assert!(!text.contains(junk), "body holds {junk:?}:\n{text}");
    }
}

#[test]
fn comments_are_extracted_apart() {
    let a = parse("blocks.html");
    assert_eq!(a.comments.len(), 2, "{:#?}", a.comments);
    let first = &a.comments[0];
    assert_eq!(first.author.as_deref(), Some("Alice Reader"));
    assert_eq!(
        first.date.as_ref().map(|d| d.iso()).as_deref(),
        Some("2024-03-04T10:15:00Z")
    );
    assert_eq!(
        first.text,
        "Great post, this comment must never appear in the body text."
    );
    let reply = &a.comments[1];
    assert_eq!(reply.author.as_deref(), Some("Bob Writer"));
    assert_eq!(
        reply.date.as_ref().map(|d| d.iso()).as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(
        reply.text,
        "A reply to Alice, kept apart from her comment.\nSecond paragraph of the reply."
    );
    assert!(!a.body.text().contains("Alice"));
}

#[test]
fn markdown_of_a_page() {
    let a = parse("blocks.html");
    let md = a.body.markdown();
    for want in [
        "*emphasis*",
        "**strong words**",
        "[a relative link](https://blog.example.org/about/)",
        "`inline_code()`",
        "## A subheading",
        "\\*stars\\*, \\_underscores\\_, \\[brackets\\] and a pipe \\| must",
        "1986\\. A year",
        "- First item of the outer list",
        "- Second item with a nested list\n\n  3. Nested three\n  4. Nested four",
        "> A quoted sentence",
        "```rust\nfn main() {\n    let x = \"`tick`\";\n        println!(\"{x}\");\n}\n```",
        "| Name | Value |\n| --- | --- |\n| **alpha** | `a\\|b` |",
        "![A lazy image](https://blog.example.org/posts/images/lazy.jpg)",
        "---",
    ] {
        assert!(md.contains(want), "markdown lacks {want:?}:\n{md}");
    }
}

#[test]
fn markdown_escaping_rules() {
    let mut body = Body::default();
    let p = |s: &str| Block::Paragraph {
        content: vec![Inline::text(s)],
    };
    body.blocks.push(p("# not a heading"));
    body.blocks.push(p("- not a list"));
    body.blocks.push(p("+ not a list either"));
    body.blocks.push(p("42) not ordered"));
    body.blocks.push(p("a * b _ c [d] `e` <f> ~g~ &amp; h|i"));
    body.blocks.push(Block::Heading {
        level: 2,
        content: vec![Inline::text("Sharp C#")],
    });
    body.blocks.push(Block::Code {
        language: None,
        text: "uses ``` inside\n  indented".into(),
    });
    body.blocks.push(Block::Table {
        rows: vec![
            vec![Cell::new(true, vec![Inline::text("h")])],
            vec![Cell::new(
                false,
                vec![Inline::Emphasis {
                    content: vec![Inline::text("x|y")],
                }],
            )],
        ],
    });
    body.blocks.push(Block::Paragraph {
        content: vec![Inline::Link {
            href: "https://e.x/a (b)".into(),
            content: vec![Inline::text("link")],
        }],
    });
    let md = body.markdown();
    let expected = "\\# not a heading\n\n\\- not a list\n\n\\+ not a list either\n\n42\\) not ordered\n\n\
         a \\* b \\_ c \\[d\\] \\`e\\` \\<f\\> \\~g\\~ \\&amp; h\\|i\n\n## Sharp C\\#\n\n\
         ````\nuses ``` inside\n  indented\n````\n\n| h |\n| --- |\n| *x\\|y* |\n\n\
         [link](<https://e.x/a (b)>)\n";
    assert_eq!(md, expected);
}

#[test]
fn multi_container_article() {
    let a = parse("multi.html");
    let text = a.body.text();
    for want in [
        "The first container opens the story",
        "It continues with a second paragraph",
        "After the advertisement the second container",
        "The story ends here",
    ] {
        assert!(text.contains(want), "body lacks {want:?}:\n{text}");
    }
    for junk in [
        "Advertisement",
        "Teaser headline",
        "More stories",
        "Privacy",
        "Sport",
    ] {
        assert!(!text.contains(junk), "body holds {junk:?}:\n{text}");
    }
    assert!(!text.starts_with("A Story In Two Parts"));
}

#[test]
fn sanitizer_leaves_xss_vectors_inert() {
    let a = byline::parse(&page("xss.html")).expect("parses");
    let html = a.body.html();
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script",
        "javascript:",
        "vbscript:",
        "data:",
        "onclick",
        "onmouseover",
        "onload",
        "<svg",
        "<math",
        "<style",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<button",
        "<base",
        "<noscript",
        "<listing",
        "srcdoc",
        "formaction",
        "expression(",
        "style=",
        "xlink",
    ] {
        assert!(!lower.contains(bad), "html holds {bad:?}:\n{html}");
    }
    // Every tag is on the allow-list and every attribute is href, src, alt, start or class.
    let allowed = [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "code",
        "table",
        "tr",
        "th",
        "td",
        "figure",
        "figcaption",
        "img",
        "a",
        "em",
        "strong",
        "br",
        "hr",
    ];
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(allowed.contains(&name.as_str()), "tag {name:?} in:\n{html}");
        let inside = tag.split('>').next().unwrap_or("");
        for attr in inside.split_whitespace().skip(1) {
            let key = attr.split('=').next().unwrap_or("");
            assert!(
                ["href", "src", "alt", "start", "class"].contains(&key) || !attr.contains('='),
                "attribute {attr:?} in:\n{html}"
            );
        }
    }
    // The safe parts survive, escaped.
    assert!(html.contains("<a href=\"https://safe.example.org/ok\">a safe link</a>"));
    assert!(html.contains("<a href=\"mailto:someone@example.org\">mail</a>"));
    assert!(
        html.contains("&lt;script&gt;alert(19)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("<img src=\"https://img.example.org/ok.png\" alt=\"ok\">"));
    assert!(html.contains("bold with handlers"));
    // Hand-built bodies are sanitized too.
    let mut body = Body::default();
    body.blocks.push(Block::Paragraph {
        content: vec![
            Inline::Link {
                href: " \tJaVa\nScRiPt:alert(1)".into(),
                content: vec![Inline::text("<b>x</b>")],
            },
            Inline::Image {
                image: Image::new("data:image/png;base64,AAAA", Some("\"><script>".into())),
            },
        ],
    });
    body.blocks.push(Block::Code {
        language: Some("\"><script>alert(1)</script>".into()),
        text: "</code><script>".into(),
    });
    let html = body.html();
    assert_eq!(
        html,
        "<p>&lt;b&gt;x&lt;/b&gt;</p>\n<pre><code>&lt;/code&gt;&lt;script&gt;</code></pre>\n"
    );
}

#[test]
fn renderings_are_deterministic() {
    let bytes = page("blocks.html");
    let a = byline::parse(&bytes).expect("parses");
    for _ in 0..3 {
        let b = byline::parse(&bytes).expect("parses");
        assert_eq!(a, b);
        assert_eq!(a.body.markdown(), b.body.markdown());
        assert_eq!(a.body.html(), b.body.html());
    }
}

#[test]
fn captions_outside_figures_are_left_out() {
    let a = parse("captions.html");
    let text = a.body.text();
    assert!(text.contains("The council met on Tuesday"), "{text}");
    assert!(text.contains("The vote is expected next month"), "{text}");
    // Slide captions repeated by a gallery, and a caption paragraph next to its image.
    assert!(!text.contains("The mayor speaks at the council"), "{text}");
    assert!(!text.contains("Residents wait outside"), "{text}");
    // A figure's caption is kept on the figure.
    assert!(
        find(
            &a.body.blocks,
            &|b| matches!(b, Block::Figure { caption, .. }
            if format!("{caption:?}").contains("The new library"))
        )
        .is_some(),
        "{:#?}",
        a.body.blocks
    );
    assert!(!text.contains("The new library"), "{text}");
}

#[test]
fn runs_of_teaser_links_are_left_out() {
    let a = parse("teasers.html");
    let text = a.body.text();
    assert!(text.contains("River levels across the valley"), "{text}");
    assert!(text.contains("The weather service expects"), "{text}");
    // Three headline links in a row, and the line that introduces them.
    assert!(!text.contains("Storm warning issued"), "{text}");
    assert!(!text.contains("Farmers count the cost"), "{text}");
    assert!(!text.contains("DON'T MISS"), "{text}");
    // A lone call to action in capitals.
    assert!(!text.contains("CLICKING HERE"), "{text}");
    // A paragraph with a link in its text, and a lone link paragraph, stay.
    assert!(text.contains("flood advice from the council"), "{text}");
    assert!(
        text.contains("The full report of the weather service"),
        "{text}"
    );
}

/// Blog templates that ship the post as `<script type="text/template">` inside the element
/// marked `itemprop="articleBody"`: the template is read as markup, other templates are not.
#[test]
fn article_body_in_a_client_side_template() {
    let a = parse("template-body.html");
    let text = a.body.text();
    assert!(
        text.starts_with("Our continuous integration used to rebuild every target"),
        "{text}"
    );
    assert!(text.contains("Making actions hermetic"), "{text}");
    assert!(
        text.contains("remove timestamps and absolute paths"),
        "{text}"
    );
    assert!(!text.contains("analytics"), "{text}");
    assert!(!text.contains("newsletter template"), "{text}");
    assert!(
        find(&a.body.blocks, &|b| matches!(b, Block::Heading { .. })).is_some(),
        "{:#?}",
        a.body.blocks
    );
}

/// A `<noscript>` that opens an element it never closes (`<noscript><div></noscript>`) holds
/// raw text, as in a browser running scripts: it cannot swallow the page. Images inside a
/// `<noscript>` still stand in for their lazy placeholder.
#[test]
fn noscript_cannot_swallow_the_page() {
    let a = parse("noscript-wrapper.html");
    let text = a.body.text();
    assert!(text.starts_with("Sono almeno nove le femmine"), "{text}");
    assert!(text.contains("incidenti stradali"), "{text}");
    assert!(!text.contains("Contatti"), "{text}");
    let img = find(&a.body.blocks, &|b| matches!(b, Block::Figure { .. }));
    let Some(Block::Figure { image, .. }) = img else {
        panic!("no figure: {:#?}", a.body.blocks);
    };
    assert_eq!(image.src, "https://blog.example.org/foto/cuccioli.jpg");
    assert_eq!(image.alt.as_deref(), Some("Due cuccioli al pascolo"));
}

#[test]
fn link_heavy_notes_in_a_marker_are_kept() {
    // Show notes where almost half the text is links: the wrappers around the content marker
    // are not cleaned away as link lists, and the reader comment stays out.
    let a = parse("linked-notes.html");
    let text = a.body.text();
    for want in [
        "In part 1 we talk about the solar wind",
        "In part 12 we talk about cosmic rays",
    ] {
        assert!(text.contains(want), "body lacks {want:?}:\n{text}");
    }
    assert!(!text.contains("listened to it twice"), "{text}");
}

#[test]
fn a_marker_inside_a_dialog_is_not_the_article() {
    // `tab-main-content` names a content container, but it sits in a cookie dialog: the
    // article, which has no marker, wins.
    let a = parse("dialog-marker.html");
    let text = a.body.text();
    assert!(text.contains("Draw a poster under the motto"), "{text}");
    assert!(text.contains("The prizes are a sailing course"), "{text}");
    assert!(!text.contains("This website uses cookies"), "{text}");
}

#[test]
fn the_lead_before_the_article_container_is_kept() {
    // The standfirst sits in the header, outside the article's text container; a line styled
    // with a `leading-*` (line-height) class is not a lead.
    let a = parse("lead.html");
    let text = a.body.text();
    assert!(
        text.starts_with("The panels on the old airfield will supply"),
        "{text}"
    );
    assert!(text.contains("A second phase, with batteries"), "{text}");
    assert!(!text.contains("Filed from the town hall"), "{text}");
    assert!(!text.contains("Copyright"), "{text}");
}

#[test]
fn a_sentence_long_subtitle_heading_is_the_lead() {
    // The standfirst is an `<h2>` named as the lead, before the text container: it is kept as
    // the lead; a short heading with the same class inside the text is a section heading.
    let a = parse("subtitle-lead.html");
    let text = a.body.text();
    assert!(
        text.starts_with("After four months in the shipyard"),
        "{text}"
    );
    assert!(text.contains("Timetable"), "{text}");
    assert!(text.contains("children under six travel"), "{text}");
    assert!(!text.contains("Copyright"), "{text}");
}

#[test]
fn the_lead_in_a_header_named_as_boilerplate_is_kept() {
    // The article header (`entry-header`) is left out as a page part, but the standfirst in
    // it is the article's; the byline next to it stays out.
    let a = parse("header-lead.html");
    let text = a.body.text();
    assert!(
        text.starts_with("The old chain ferry carries cars"),
        "{text}"
    );
    assert!(text.contains("every fifteen minutes at weekends"), "{text}");
    assert!(!text.contains("Ana Ortiz"), "{text}");
    assert!(!text.contains("Copyright"), "{text}");
}

#[test]
fn a_text_split_over_twin_containers_is_read_whole() {
    // Two text containers of the same class, split by a promotion: both are the article;
    // the promotion and a third twin holding only tag links are not.
    let a = parse("split-marker.html");
    let text = a.body.text();
    assert!(
        text.contains("Water on the inside of the windows"),
        "{text}"
    );
    assert!(text.contains("Airing the rooms briefly"), "{text}");
    assert!(text.contains("Curtains and deep window sills"), "{text}");
    assert!(!text.contains("Our newsletter"), "{text}");
    assert!(!text.contains("Winter Windows"), "{text}");
}

#[test]
fn teaser_headings_do_not_protect_a_related_box() {
    // Teasers marked up as linked `<h1>`s are not the title: the related-stories box that
    // holds them stays boilerplate.
    let a = parse("teaser-headings.html");
    let text = a.body.text();
    assert!(text.contains("The city library will stay open"), "{text}");
    assert!(text.contains("On Saturdays the library"), "{text}");
    assert!(!text.contains("Reading club for teenagers"), "{text}");
    assert!(!text.contains("Old atlases"), "{text}");
}

#[test]
fn an_aside_stays_boilerplate_under_a_content_class() {
    // An `<aside>` whose class also names the article body is still a side box.
    let a = parse("aside-marker.html");
    let text = a.body.text();
    assert!(text.contains("The old stone bridge"), "{text}");
    assert!(text.contains("Buses will return"), "{text}");
    assert!(!text.contains("Related:"), "{text}");
}

#[test]
fn loose_text_beside_blocks_is_a_paragraph_of_its_container() {
    // The article is a bare text run (an image, text, `<br>`s) in a column that also holds a
    // headline paragraph and a share box: that run scores the column itself, which beats the
    // address line in the footer.
    let a = parse("loose-text.html");
    let text = a.body.text();
    assert!(text.contains("The town's indoor pool will close"), "{text}");
    assert!(text.contains("Season tickets will be extended"), "{text}");
    assert!(!text.contains("Town Hall, 12 Main Street"), "{text}");
    assert!(!text.contains("February 2018"), "{text}");
}

/// Links to other articles led in by a read-also label ("Lesen Sie auch: …", "PUEDES VER:",
/// "Auch interessant:" over a list of links, a "Mehr zum Thema" heading at the end) are left
/// out; a sentence that merely starts with such words stays.
#[test]
fn read_also_lead_ins() {
    let a = parse("read-also.html");
    let text = a.body.text();
    assert!(text.contains("Nach zwei Jahren Planung"), "{text}");
    assert!(
        text.contains("Die Kosten von rund vier Millionen"),
        "{text}"
    );
    assert!(!text.contains("Lesen Sie auch"), "{text}");
    assert!(!text.contains("Radwege finanzieren"), "{text}");
    assert!(!text.contains("PUEDES VER"), "{text}");
    assert!(!text.contains("certificado"), "{text}");
    assert!(!text.contains("Auch interessant"), "{text}");
    assert!(!text.contains("Neue Ampeln"), "{text}");
    assert!(!text.contains("Mehr zum Thema"), "{text}");
    // Sentences that start with a label's words but are not lead-ins.
    assert!(text.contains("Related to the plan"), "{text}");
    assert!(text.contains("Siehe auch die Stellungnahme"), "{text}");
    assert!(text.contains("Anwohner können die Pläne"), "{text}");
    // No delimiter between the label's words and the link: a sentence.
    assert!(
        text.contains("Read more about the cycling strategy"),
        "{text}"
    );
}

#[test]
fn a_box_titled_as_related_is_boilerplate_whatever_its_size() {
    // The teasers under a heading named as related posts outweigh the short article, and carry
    // the same post classes: the heading makes their whole box boilerplate.
    let a = parse("related-heading.html");
    let text = a.body.text();
    assert!(text.contains("Changing a habit is slow work"), "{text}");
    assert!(text.contains("Small steps, repeated for weeks"), "{text}");
    assert!(!text.contains("You may also like"), "{text}");
    assert!(!text.contains("Mornings set the tone"), "{text}");
    assert!(!text.contains("Friendship needs time"), "{text}");
}

/// The notices that close a post (a call to subscribe, follow or download the app, a
/// copyright line) and a heading left with nothing after it are left out; an author's note
/// that ends with such a call, and a sentence of the article that names a channel, stay.
#[test]
fn trailing_notices() {
    let a = parse("trailing-notices.html");
    let text = a.body.text();
    assert!(text.contains("The vaccination drive"), "{text}");
    assert!(
        text.contains("publish the figures for every district"),
        "{text}"
    );
    assert!(text.contains("Maria Lopez is a health reporter"), "{text}");
    assert!(!text.contains("Subscribe now"), "{text}");
    assert!(!text.contains("download our apps"), "{text}");
    assert!(!text.contains("All rights reserved"), "{text}");
    assert!(!text.contains("Related"), "{text}");
}

/// An author box marked up as a schema.org `Person` (photo, name, biography) inside the
/// article container is left out; an inline author name in a sentence stays.
#[test]
fn author_card() {
    let a = parse("author-card.html");
    let text = a.body.text();
    assert!(text.contains("The appeals court ruled"), "{text}");
    assert!(text.contains("Reporter Dana Webb contributed"), "{text}");
    assert!(!text.contains("senior legal editor"), "{text}");
}

/// Advertisement labels ("ANZEIGE - …", "- Anzeige -", "*Werbung. …") are left out; a
/// sentence that starts with the same word stays.
#[test]
fn ad_labels() {
    let a = parse("ad-labels.html");
    let text = a.body.text();
    assert!(text.contains("Zwischen Marktplatz und Flussufer"), "{text}");
    assert!(text.contains("Werbung ist in der Altstadt"), "{text}");
    assert!(text.contains("Am Wochenende"), "{text}");
    assert!(!text.contains("ANZEIGE"), "{text}");
    assert!(!text.contains("Anzeige"), "{text}");
    assert!(!text.contains("enthält Werbung"), "{text}");
}

#[test]
fn a_paragraph_of_teaser_link_lines_is_left_out() {
    // One paragraph, a label line and then one linked headline a line (each with a short
    // unlinked tag): a teaser box written into the text.
    let a = parse("link-lines.html");
    let text = a.body.text();
    assert!(text.contains("Workers began clearing the road"), "{text}");
    assert!(text.contains("Buses to the lighthouse"), "{text}");
    assert!(!text.contains("DON'T MISS"), "{text}");
    assert!(!text.contains("Lifeboat crew rescue"), "{text}");
}

#[test]
fn embedded_posts_are_quoted_content() {
    // Embedded tweets are part of the story: neither a wrapper named as social media nor a
    // widget box around them makes them boilerplate.
    let a = parse("embedded-post.html");
    let text = a.body.text();
    assert!(text.contains("Many islanders were quick"), "{text}");
    assert!(text.contains("The boat is the only road we have"), "{text}");
    assert!(text.contains("Fuel is up a third since autumn"), "{text}");
    assert!(text.contains("season tickets bought before"), "{text}");
}

#[test]
fn a_labelled_pointer_to_another_article_is_left_out() {
    // "READ MORE:" or "Related:" and then only a linked headline: a pointer to another
    // article. A sentence that goes on after its link is text.
    let a = parse("labelled-link.html");
    let text = a.body.text();
    assert!(
        text.contains("The central library will stay open"),
        "{text}"
    );
    assert!(text.contains("The longer hours will be paid for"), "{text}");
    assert!(!text.contains("Council approves budget"), "{text}");
    assert!(!text.contains("most borrowed books"), "{text}");
    assert!(text.contains("are on the library's website"), "{text}");
}

/// Photo credits under an image are left out: a paragraph that is only a credit, and the
/// credit at the end of a caption (the caption itself stays). A sentence elsewhere that
/// starts with the same word stays.
#[test]
fn photo_credits() {
    let a = parse("photo-credits.html");
    let text = a.body.text();
    assert!(text.contains("The country now generates"), "{text}");
    assert!(!text.contains("Jane Roe"), "{text}");
    assert!(
        text.contains("The closed plant near the river, photographed last spring."),
        "{text}"
    );
    assert!(!text.contains("John Doe"), "{text}");
    assert!(!text.contains('©'), "{text}");
    assert!(text.contains("Credit ratings of the utilities"), "{text}");
}

/// Short metadata lines of the template ("Aktualisiert: 11.04.2020", "Von: …", "Category :
/// …") are left out; a long paragraph that happens to start with such a label stays.
#[test]
fn meta_lines() {
    let a = parse("meta-lines.html");
    let text = a.body.text();
    assert!(text.contains("Dichter Rauch hing"), "{text}");
    assert!(text.contains("Datum: Das Virus wurde"), "{text}");
    assert!(!text.contains("Aktualisiert"), "{text}");
    assert!(!text.contains("Götz Warnke"), "{text}");
    assert!(!text.contains("Press Releases"), "{text}");
}

/// Lines of rating and comment widgets ("(Noch keine Bewertungen)", "Keine Kommentare") and
/// notes that the reader must log in are left out.
#[test]
fn widget_lines() {
    let a = parse("widget-lines.html");
    let text = a.body.text();
    assert!(text.contains("Mit einem scharfen Messer"), "{text}");
    assert!(text.contains("Wer viele Tomaten"), "{text}");
    assert!(!text.contains("bewerten"), "{text}");
    assert!(!text.contains("Bewertungen"), "{text}");
    assert!(!text.contains("Keine Kommentare"), "{text}");
    assert!(!text.contains("eingeloggt"), "{text}");
}

#[test]
fn a_hover_card_inside_a_sentence_is_left_out() {
    // A person's pop-up card (a picture, then links to other stories) sits inside the
    // sentence after the linked name: the name stays, the card goes.
    let a = parse("hover-card.html");
    let text = a.body.text();
    assert!(
        text.contains("won the support of Sen. Jane Doe on Tuesday"),
        "{text}"
    );
    assert!(!text.contains("Senate panel delays vote"), "{text}");
    assert!(!text.contains("MORE"), "{text}");
}

/// A disclaimer ("… gibt die Meinung des Autors wieder …"), a read-also label over a teaser
/// image, and a link back to the list at the end of the post are left out.
#[test]
fn disclaimers_and_back_links() {
    let a = parse("disclaimers.html");
    let text = a.body.text();
    assert!(text.contains("Die Theater und Museen"), "{text}");
    assert!(text.contains("Viele Häuser planen"), "{text}");
    assert!(!text.contains("Meinung des Autors"), "{text}");
    assert!(!text.contains("Provision"), "{text}");
    assert!(!text.contains("Zum Weiterlesen"), "{text}");
    assert!(!text.contains("Listenansicht"), "{text}");
}

/// An appeal for members in its own small box ("Hazte miembro … Cancela cuando quieras") and
/// a newsletter sign-up line in the middle of the post are left out; the text around them stays.
#[test]
fn appeals_in_the_middle_of_a_post() {
    let a = parse("appeals.html");
    let text = a.body.text();
    assert!(text.contains("La votación terminó"), "{text}");
    assert!(text.contains("El plan entrará en vigor"), "{text}");
    assert!(text.contains("Los dos concejales"), "{text}");
    assert!(!text.contains("Cancela cuando quieras"), "{text}");
    assert!(!text.contains("únete a la comunidad"), "{text}");
    assert!(!text.contains("newsletter"), "{text}");
}

/// What is left of widgets whose links were left out: a heading that is only a read-also
/// label, a label followed by nothing but other short labels at the end, a linked teaser
/// heading with its summary and "more" link, a one-item list that is only a link between
/// paragraphs, a grid of empty cells, spacer images, a source
/// line that is only a domain, and template lines ("News date : …", "Beitragsbild: …").
/// Article text around them, a section heading that is a link within the page and a link
/// inside a sentence stay.
#[test]
fn leftover_labels_of_removed_widgets() {
    let a = parse("leftover-labels.html");
    let text = a.body.text();
    let md = a.body.markdown();
    assert!(text.contains("Nach zwei Jahren Bauzeit"), "{text}");
    assert!(text.contains("verkürzt den Schulweg"), "{text}");
    assert!(text.contains("Kosten"), "{text}");
    assert!(text.contains("Haushaltsplan"), "{text}");
    assert!(md.contains("bruecke-abend.jpg"), "{md}");
    for gone in [
        "News date",
        "Lesen Sie auch",
        "Radwege",
        "Antworten auf viele Fragen",
        "Beitragsbild",
        "STADTBLATT.DE",
        "Weitere Artikel",
        "Kommentierte Artikel",
        "Alle Nachrichten zum Verkehr",
    ] {
        assert!(!text.contains(gone), "{gone}: {text}");
    }
    assert!(!md.contains("spacer.gif"), "{md}");
    assert!(!md.contains("leer.gif"), "{md}");
    assert!(!md.contains("| --- |"), "{md}");
}

#[test]
fn text_whitespace_collapses_to_single_spaces() {
    // Runs of HTML whitespace (space, tab, line feed, carriage return, form feed) are one
    // space, within a text node and across inline elements; a no-break space is content.
    let filler = "This sentence is here only so that the paragraph holds enough text to be \
                  read as the article, with commas, words, and more words after them. ";
    let html = format!(
        "<html><body><article><p>\n\t Lead  words,\u{a0}kept\r\nas one\x0cline <em>\
         emphasised </em>and <a href='/x'>a  link</a>  end. </p><p>{filler}{filler}{filler}\
         </p></article></body></html>"
    );
    let a = byline::parse(html.as_bytes()).expect("parses");
    let text = a.body.text();
    assert!(
        text.starts_with("Lead words,\u{a0}kept as one line emphasised and a link end.\n"),
        "{text:?}"
    );
}

#[test]
fn a_space_before_and_inside_an_inline_start_is_one_space() {
    // "line <em> word</em>": the space before the element and the one at the start of its
    // text are one rendered space, as in a browser; a break or a code span between them
    // ends that.
    let filler = "This sentence is here only so that the paragraph holds enough text to be \
                  read as the article, with commas, words, and more words after them. ";
    let html = format!(
        "<html><body><article><p>One line <em> word</em> and <b>\n bold</b> then <a href='/x'> \
         link</a> and <code>x = 1</code> end.</p><p>{filler}{filler}{filler}</p></article>\
         </body></html>"
    );
    let a = byline::parse(html.as_bytes()).expect("parses");
    let text = a.body.text();
    assert!(
        text.starts_with("One line word and bold then link and x = 1 end.\n"),
        "{text:?}"
    );
    assert!(!text.contains("  "), "{text:?}");
}

#[test]
fn a_recipe_card_keeps_its_ingredients_and_steps() {
    // A recipe card plugin's box in the post: ingredient names linked to a shop and tick boxes
    // beside them do not make the list boilerplate; the card's section headings stay; the
    // nutrition label's rows of single numbers and the sidebar do not.
    let a = parse("recipe-card.html");
    let text = a.body.text();
    for want in [
        "300 g butter softened",
        "200 g sugar",
        "2 lemons zest and juice",
        "Beat the butter and sugar until pale",
        "bake it in three quarters of the tray",
    ] {
        assert!(text.contains(want), "body lacks {want:?}:\n{text}");
    }
    let md = a.body.markdown();
    for heading in ["### Ingredients\n", "### Instructions\n", "### Notes\n"] {
        assert!(md.contains(heading), "no heading {heading:?}:\n{md}");
    }
    assert!(md.contains("[butter](https://shop.example/butter)"), "{md}");
    for unwanted in ["Nutrition Facts", "412", "Banana bread"] {
        assert!(!text.contains(unwanted), "body has {unwanted:?}:\n{text}");
    }
}

#[test]
fn a_recipe_beside_its_steps_is_read_whole() {
    // The steps score best; the ingredients stand in a box beside them with every name linked
    // to a glossary: both are the recipe, the list of other recipes is not.
    let a = parse("recipe-beside.html");
    let text = a.body.text();
    for want in [
        "plain flour",
        "ripe plums",
        "stoned and quartered",
        "Rub the butter into the flour",
        "Scatter the rest of the crumbs",
    ] {
        assert!(text.contains(want), "body lacks {want:?}:\n{text}");
    }
    let ingredients = text.find("ripe plums").unwrap_or(usize::MAX);
    let steps = text.find("Rub the butter").unwrap_or(0);
    assert!(ingredients < steps, "ingredients after the steps:\n{text}");
    assert!(!text.contains("Cherry clafoutis"), "{text}");
}

#[test]
fn a_page_that_renders_its_text_with_scripts_takes_the_json_ld_article_body() {
    // The markup holds no text (a script fills it in): the JSON-LD `articleBody` is the body,
    // one paragraph a line, and the body's source says so.
    let a = parse("article-body-jsonld.html");
    let text = a.body.text();
    assert!(text.starts_with("The harbour authority approved"), "{text}");
    assert!(text.contains("A review of season tickets"), "{text}");
    assert!(!text.contains("Loading"), "{text}");
    assert_eq!(a.body.blocks.len(), 4, "{text}");
    assert_eq!(a.sources.body, Some(byline::Source::JsonLd));
}

#[test]
fn the_text_the_page_shows_wins_over_a_longer_json_ld_article_body() {
    // The markup shows the article; the longer `articleBody` is another version of it.
    let a = parse("article-body-jsonld-stale.html");
    let text = a.body.text();
    assert!(text.contains("The harbour authority approved"), "{text}");
    assert!(!text.contains("An older draft"), "{text}");
    assert_eq!(a.sources.body, Some(byline::Source::Content));
}
