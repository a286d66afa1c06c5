//! The main text as typed blocks, and its renderings.

use serde::{Deserialize, Serialize};

/// The main text of an article: a sequence of typed blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Body {
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Block {
    /// A heading, `level` 1 to 6.
    Heading {
        /// 1 (most important) to 6.
        level: u8,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph text.
        content: Vec<Inline>,
    },
    /// A list; each item holds blocks of its own (nested lists are lists inside items).
    List {
        /// Numbered (`<ol>`) or bulleted (`<ul>`).
        ordered: bool,
        /// The number of the first item of an ordered list.
        start: Option<u64>,
        /// The items, each a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quotation.
    Quote {
        /// The quoted blocks.
        blocks: Vec<Block>,
    },
    /// Preformatted code or text, whitespace kept.
    Code {
        /// The language named by the markup (`language-rust`), if any.
        language: Option<String>,
        /// The code, exactly as in the page.
        text: String,
    },
    /// A table; the first rows may be header rows.
    Table {
        /// Rows of cells.
        rows: Vec<Vec<Cell>>,
    },
    /// An image with an optional caption.
    Figure {
        /// The image.
        image: Image,
        /// The caption (`<figcaption>`), if any.
        caption: Vec<Inline>,
    },
    /// A thematic break (`<hr>`).
    Rule,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cell {
    /// A header cell (`<th>`).
    pub header: bool,
    /// The cell content.
    pub content: Vec<Inline>,
}

impl Cell {
    /// A cell with content.
    pub fn new(header: bool, content: Vec<Inline>) -> Cell {
        Cell { header, content }
    }
}

/// An image reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Image {
    /// The image source, absolute when the page URL or `<base>` allowed resolving it.
    pub src: String,
    /// The alternative text.
    pub alt: Option<String>,
}

impl Image {
    /// An image with a source and optional alt text.
    pub fn new(src: impl Into<String>, alt: Option<String>) -> Image {
        Image {
            src: src.into(),
            alt,
        }
    }
}

/// Inline content of a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Inline {
    /// Plain text (whitespace already collapsed).
    Text {
        /// The text.
        text: String,
    },
    /// Emphasis (`<em>`, `<i>`).
    Emphasis {
        /// The emphasised content.
        content: Vec<Inline>,
    },
    /// Strong importance (`<strong>`, `<b>`).
    Strong {
        /// The strong content.
        content: Vec<Inline>,
    },
    /// Inline code (`<code>`).
    Code {
        /// The code text.
        text: String,
    },
    /// A hyperlink.
    Link {
        /// Target, absolute when it could be resolved.
        href: String,
        /// The link text.
        content: Vec<Inline>,
    },
    /// An inline image.
    Image {
        /// The image.
        image: Image,
    },
    /// A hard line break (`<br>`).
    LineBreak,
}

impl Inline {
    /// A text run.
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text { text: s.into() }
    }
}

impl Body {
    /// Whether the body holds no blocks.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Plain text: one block per line (list items and table rows each on their own line, table
    /// cells separated by tabs), no Markdown syntax. Figure captions describe an image rather
    /// than continue the text and are left out; they stay in [`Block::Figure`], Markdown and HTML.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            block_text(b, &mut out);
        }
        while out.ends_with('\n') {
            out.pop();
        }
        out
    }

    /// Number of words (runs of letters or digits) in [`Body::text`], counted from the blocks
    /// without rendering the text.
    pub fn word_count(&self) -> u64 {
        let mut w = Words::default();
        for b in &self.blocks {
            w.block(b);
        }
        w.n
    }

    /// Sanitized HTML that is safe to embed: only an allow-list of tags (`p`, `h1`–`h6`, `ul`,
    /// `ol`, `li`, `blockquote`, `pre`, `code`, `table`, `tr`, `th`, `td`, `figure`,
    /// `figcaption`, `img`, `a`, `em`, `strong`, `br`, `hr`) and attributes (`href`, `src`,
    /// `alt`, `start`, `class="language-…"`), every text and attribute escaped, and only
    /// `http(s)`, `mailto` and relative URLs: no scripts, styles, event handlers or
    /// `javascript:`/`data:` URLs.
    ///
    /// ```
    /// let article = byline::parse(b"<article><p>Hi <a href='javascript:alert(1)'>there</a>, a long \
    ///     enough paragraph for the body <b onclick='x()'>to</b> be kept.</p></article>")?;
    /// let html = article.body.html();
    /// assert!(html.starts_with("<p>Hi there, a long"));
    /// assert!(!html.contains("javascript") && !html.contains("onclick"));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn html(&self) -> String {
        let mut out = String::new();
        blocks_html(&self.blocks, &mut out);
        out
    }

    /// CommonMark with GFM tables: headings as `#`, emphasis, links and images, fenced code,
    /// nested lists, block quotes; literal characters that Markdown would read as syntax are
    /// escaped.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        blocks_markdown(&self.blocks, "", &mut out);
        while out.ends_with('\n') {
            out.pop();
        }
        out.push('\n');
        if out == "\n" {
            out.clear();
        }
        out
    }
}

/// Whether `url` may appear in a link or image of the output: `http`, `https`, `mailto`, or
/// a reference without a scheme. Characters browsers ignore inside a scheme (ASCII control
/// characters and whitespace) are ignored here too, so `java\tscript:` is caught.
pub(crate) fn safe_url(url: &str) -> bool {
    let mut scheme = [0u8; 8];
    let mut len = 0usize;
    for c in url.chars() {
        if c <= ' ' || c == '\u{7f}' {
            continue;
        }
        match c {
            ':' => {
                let s = &scheme[..len.min(scheme.len())];
                return len <= scheme.len() && (s == b"http" || s == b"https" || s == b"mailto");
            }
            '/' | '?' | '#' => return true,
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {
                if len < scheme.len() {
                    scheme[len] = c.to_ascii_lowercase() as u8;
                }
                len += 1;
            }
            // Not a scheme character: a relative path (`ｊavascript:` is not a scheme), but be
            // strict and refuse anything unusual before a colon.
            _ => return !url.contains(':'),
        }
    }
    true
}

fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '`' => out.push_str("&#96;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

fn blocks_html(blocks: &[Block], out: &mut String) {
    for b in blocks {
        block_html(b, out);
    }
}

fn block_html(b: &Block, out: &mut String) {
    match b {
        Block::Heading { level, content } => {
            let l = (*level).clamp(1, 6);
            out.push_str(&format!("<h{l}>"));
            inline_html(content, out);
            out.push_str(&format!("</h{l}>\n"));
        }
        Block::Paragraph { content } => {
            out.push_str("<p>");
            inline_html(content, out);
            out.push_str("</p>\n");
        }
        Block::List {
            ordered,
            start,
            items,
        } => {
            if *ordered {
                match start {
                    Some(n) if *n != 1 => out.push_str(&format!("<ol start=\"{n}\">\n")),
                    _ => out.push_str("<ol>\n"),
                }
            } else {
                out.push_str("<ul>\n");
            }
            for item in items {
                out.push_str("<li>");
                match item.as_slice() {
                    [Block::Paragraph { content }] => inline_html(content, out),
                    blocks => {
                        out.push('\n');
                        blocks_html(blocks, out);
                    }
                }
                out.push_str("</li>\n");
            }
            out.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
        }
        Block::Quote { blocks } => {
            out.push_str("<blockquote>\n");
            blocks_html(blocks, out);
            out.push_str("</blockquote>\n");
        }
        Block::Code { language, text } => {
            out.push_str("<pre><code");
            if let Some(l) = language.as_deref().filter(|l| {
                !l.is_empty()
                    && l.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"+#-_.".contains(&b))
            }) {
                out.push_str(" class=\"language-");
                out.push_str(l);
                out.push('"');
            }
            out.push('>');
            escape_html(text.trim_end_matches('\n'), out);
            out.push_str("</code></pre>\n");
        }
        Block::Table { rows } => {
            out.push_str("<table>\n");
            for row in rows {
                out.push_str("<tr>");
                for c in row {
                    let t = if c.header { "th" } else { "td" };
                    out.push_str(&format!("<{t}>"));
                    inline_html(&c.content, out);
                    out.push_str(&format!("</{t}>"));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
        Block::Figure { image, caption } => {
            out.push_str("<figure>");
            image_html(image, out);
            if !caption.is_empty() {
                out.push_str("<figcaption>");
                inline_html(caption, out);
                out.push_str("</figcaption>");
            }
            out.push_str("</figure>\n");
        }
        Block::Rule => out.push_str("<hr>\n"),
    }
}

fn image_html(image: &Image, out: &mut String) {
    if !safe_url(&image.src) || image.src.trim().is_empty() {
        return;
    }
    out.push_str("<img src=\"");
    escape_html(image.src.trim(), out);
    out.push_str("\" alt=\"");
    if let Some(alt) = &image.alt {
        escape_html(alt, out);
    }
    out.push_str("\">");
}

fn inline_html(content: &[Inline], out: &mut String) {
    for i in content {
        match i {
            Inline::Text { text } => escape_html(text, out),
            Inline::Emphasis { content } => {
                out.push_str("<em>");
                inline_html(content, out);
                out.push_str("</em>");
            }
            Inline::Strong { content } => {
                out.push_str("<strong>");
                inline_html(content, out);
                out.push_str("</strong>");
            }
            Inline::Code { text } => {
                out.push_str("<code>");
                escape_html(text, out);
                out.push_str("</code>");
            }
            Inline::Link { href, content } => {
                if safe_url(href) && !href.trim().is_empty() {
                    out.push_str("<a href=\"");
                    escape_html(href.trim(), out);
                    out.push_str("\">");
                    inline_html(content, out);
                    out.push_str("</a>");
                } else {
                    inline_html(content, out);
                }
            }
            Inline::Image { image } => image_html(image, out),
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
}

/// Plain text of inline content.
pub(crate) fn inline_text(content: &[Inline], out: &mut String) {
    for i in content {
        match i {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. } => inline_text(content, out),
            Inline::Image { .. } => {}
            Inline::LineBreak => out.push('\n'),
        }
    }
}

fn push_line(out: &mut String, content: &[Inline]) {
    let start = out.len();
    inline_text(content, out);
    if out[start..].trim().is_empty() {
        out.truncate(start);
    } else {
        out.push('\n');
    }
}

/// Counts the words of the text [`block_text`] writes: runs of letters or digits, the pieces of
/// one line or table cell read as one string, and each line and cell ending a word.
#[derive(Default)]
struct Words {
    n: u64,
    in_word: bool,
}

impl Words {
    /// Counts the words that start in `s`. ASCII text, most of a page's, is read as bytes in
    /// a loop of its own; other text decodes only its non-ASCII characters, which go through
    /// [`crate::text::is_alphanumeric`] (for ASCII both give the same answer).
    fn text(&mut self, s: &str) {
        let (mut n, mut in_word) = (self.n, self.in_word);
        let b = s.as_bytes();
        if s.is_ascii() {
            for &c in b {
                let w = crate::text::ASCII_LOWER_ALNUM[usize::from(c)] != 0;
                n += u64::from(w && !in_word);
                in_word = w;
            }
        } else {
            let mut i = 0;
            while let Some(&c) = b.get(i) {
                let w = if c.is_ascii() {
                    i += 1;
                    c.is_ascii_alphanumeric()
                } else {
                    // `i` is a character boundary: ASCII bytes and whole characters were
                    // skipped.
                    let Some(ch) = s.get(i..).and_then(|r| r.chars().next()) else {
                        break;
                    };
                    i += ch.len_utf8();
                    crate::text::is_alphanumeric(ch)
                };
                n += u64::from(w && !in_word);
                in_word = w;
            }
        }
        self.n = n;
        self.in_word = in_word;
    }

    /// A line or cell ends.
    fn end(&mut self) {
        self.in_word = false;
    }

    fn inline(&mut self, content: &[Inline]) {
        for i in content {
            match i {
                Inline::Text { text } | Inline::Code { text } => self.text(text),
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Link { content, .. } => self.inline(content),
                Inline::Image { .. } => {}
                Inline::LineBreak => self.end(),
            }
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                self.inline(content);
                self.end();
            }
            Block::List { items, .. } => {
                for b in items.iter().flatten() {
                    self.block(b);
                }
            }
            Block::Quote { blocks } => {
                for b in blocks {
                    self.block(b);
                }
            }
            Block::Code { text, .. } => {
                self.text(text);
                self.end();
            }
            Block::Table { rows } => {
                for c in rows.iter().flatten() {
                    self.inline(&c.content);
                    self.end();
                }
            }
            Block::Figure { .. } | Block::Rule => {}
        }
    }
}

fn block_text(b: &Block, out: &mut String) {
    match b {
        Block::Heading { content, .. } | Block::Paragraph { content } => push_line(out, content),
        Block::List { items, .. } => {
            for item in items {
                for b in item {
                    block_text(b, out);
                }
            }
        }
        Block::Quote { blocks } => {
            for b in blocks {
                block_text(b, out);
            }
        }
        Block::Code { text, .. } => {
            let t = text.trim_end_matches('\n');
            if !t.trim().is_empty() {
                out.push_str(t);
                out.push('\n');
            }
        }
        Block::Table { rows } => {
            for row in rows {
                let start = out.len();
                for (i, c) in row.iter().enumerate() {
                    if i > 0 {
                        out.push('\t');
                    }
                    inline_text(&c.content, out);
                }
                if out[start..].trim().is_empty() {
                    out.truncate(start);
                } else {
                    out.push('\n');
                }
            }
        }
        Block::Figure { .. } => {}
        Block::Rule => {}
    }
}

/// Escapes characters that Markdown would read as syntax inside a text run: emphasis,
/// links, code, HTML, table pipes, strikethrough, and `&` where it would start an entity.
fn escape_md(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '|' | '~' => out.push('\\'),
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push('\\')
            }
            _ => {}
        }
        out.push(c);
    }
}

/// Where inline Markdown is written: table cells need `|` escaped even inside code spans and
/// cannot hold line breaks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Flow,
    Cell,
}

fn inline_markdown(content: &[Inline], out: &mut String) {
    inline_markdown_in(content, Ctx::Flow, out);
}

fn inline_markdown_in(content: &[Inline], ctx: Ctx, out: &mut String) {
    for i in content {
        match i {
            Inline::Text { text } => escape_md(text, out),
            Inline::Emphasis { content } => wrap_markdown("*", content, ctx, out),
            Inline::Strong { content } => wrap_markdown("**", content, ctx, out),
            Inline::Code { text } => {
                let ticks = longest_run(text, '`') + 1;
                let fence = "`".repeat(ticks);
                let pad = text.starts_with('`') || text.ends_with('`');
                out.push_str(&fence);
                if pad {
                    out.push(' ');
                }
                if ctx == Ctx::Cell {
                    out.push_str(&text.replace('|', "\\|"));
                } else {
                    out.push_str(text);
                }
                if pad {
                    out.push(' ');
                }
                out.push_str(&fence);
            }
            Inline::Link { href, content } => {
                out.push('[');
                inline_markdown_in(content, ctx, out);
                out.push_str("](");
                push_destination(href, out);
                out.push(')');
            }
            Inline::Image { image } => image_markdown(image, out),
            Inline::LineBreak => {
                if ctx == Ctx::Cell {
                    out.push(' ');
                } else {
                    out.push_str("\\\n");
                }
            }
        }
    }
}

/// Wraps emphasis markers around content, keeping surrounding spaces outside the markers (a
/// marker next to a space does not open or close emphasis in CommonMark).
fn wrap_markdown(marker: &str, content: &[Inline], ctx: Ctx, out: &mut String) {
    let mut inner = String::new();
    inline_markdown_in(content, ctx, &mut inner);
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        out.push_str(&inner);
        return;
    }
    if inner.starts_with(' ') {
        out.push(' ');
    }
    out.push_str(marker);
    out.push_str(trimmed);
    out.push_str(marker);
    if inner.ends_with(' ') {
        out.push(' ');
    }
}

fn image_markdown(image: &Image, out: &mut String) {
    out.push_str("![");
    if let Some(alt) = &image.alt {
        escape_md(alt, out);
    }
    out.push_str("](");
    push_destination(&image.src, out);
    out.push(')');
}

fn push_destination(url: &str, out: &mut String) {
    let url = url.trim();
    if url.contains([' ', '(', ')', '<', '>', '\\', '\n']) {
        out.push('<');
        for c in url.chars() {
            match c {
                '<' | '>' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                '\n' => out.push_str("%0A"),
                c => out.push(c),
            }
        }
        out.push('>');
    } else {
        out.push_str(url);
    }
}

fn longest_run(s: &str, ch: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for c in s.chars() {
        if c == ch {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// Escapes what would start a block construct at the beginning of a line: `#`, `-`, `+`, `=`,
/// and `1.` / `1)`.
fn escape_line_start(line: &mut String) {
    let first = line.chars().next();
    match first {
        Some('#' | '-' | '+' | '=') => line.insert(0, '\\'),
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            if matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
                line.insert(digits, '\\');
            }
        }
        _ => {}
    }
}

/// Writes `text` as lines each prefixed by `prefix`.
fn push_prefixed(text: &str, first_prefix: &str, prefix: &str, out: &mut String) {
    for (i, line) in text.lines().enumerate() {
        let p = if i == 0 { first_prefix } else { prefix };
        if line.is_empty() {
            out.push_str(p.trim_end());
        } else {
            out.push_str(p);
            out.push_str(line);
        }
        out.push('\n');
    }
}

fn paragraph_markdown(content: &[Inline]) -> String {
    let mut s = String::new();
    inline_markdown(content, &mut s);
    let s = s.trim().to_owned();
    let mut lines: Vec<String> = s.split('\n').map(|l| l.trim_start().to_owned()).collect();
    for l in &mut lines {
        escape_line_start(l);
    }
    lines.join("\n")
}

fn blocks_markdown(blocks: &[Block], prefix: &str, out: &mut String) {
    let mut first = true;
    for b in blocks {
        let mut chunk = String::new();
        block_markdown(b, &mut chunk);
        if chunk.trim().is_empty() {
            continue;
        }
        if !first {
            out.push_str(prefix.trim_end());
            out.push('\n');
        }
        first = false;
        push_prefixed(&chunk, prefix, prefix, out);
    }
}

fn block_markdown(b: &Block, out: &mut String) {
    match b {
        Block::Heading { level, content } => {
            let mut s = String::new();
            inline_markdown(content, &mut s);
            let s = s.replace("\\\n", " ").replace('\n', " ");
            let mut s = s.trim().to_owned();
            if s.ends_with('#') {
                // A closing sequence of `#` would be stripped: escape the run.
                let run = s.len() - s.trim_end_matches('#').len();
                s.insert(s.len() - run, '\\');
            }
            if !s.is_empty() {
                out.push_str(&"#".repeat(usize::from((*level).clamp(1, 6))));
                out.push(' ');
                out.push_str(&s);
                out.push('\n');
            }
        }
        Block::Paragraph { content } => {
            out.push_str(&paragraph_markdown(content));
            out.push('\n');
        }
        Block::List {
            ordered,
            start,
            items,
        } => {
            for (n, item) in (start.unwrap_or(1).min(999_999_000)..).zip(items) {
                let marker = if *ordered {
                    format!("{n}. ")
                } else {
                    "- ".to_owned()
                };
                let indent = " ".repeat(marker.len());
                let mut inner = String::new();
                blocks_markdown(item, "", &mut inner);
                if inner.trim().is_empty() {
                    inner = String::from("\n");
                }
                push_prefixed(&inner, &marker, &indent, out);
            }
        }
        Block::Quote { blocks } => blocks_markdown(blocks, "> ", out),
        Block::Code { language, text } => {
            let fence_len = longest_run(text, '`').max(2) + 1;
            let fence = "`".repeat(fence_len);
            out.push_str(&fence);
            if let Some(l) = language {
                out.push_str(l);
            }
            out.push('\n');
            out.push_str(text.trim_end_matches('\n'));
            out.push('\n');
            out.push_str(&fence);
            out.push('\n');
        }
        Block::Table { rows } => table_markdown(rows, out),
        Block::Figure { image, caption } => {
            image_markdown(image, out);
            out.push('\n');
            if !caption.is_empty() {
                out.push('\n');
                out.push_str(&paragraph_markdown(caption));
                out.push('\n');
            }
        }
        Block::Rule => out.push_str("---\n"),
    }
}

fn table_markdown(rows: &[Vec<Cell>], out: &mut String) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return;
    }
    let cell = |c: Option<&Cell>| {
        let mut s = String::new();
        if let Some(c) = c {
            inline_markdown_in(&c.content, Ctx::Cell, &mut s);
        }
        s.replace('\n', " ").trim().to_owned()
    };
    for (i, row) in rows.iter().enumerate() {
        out.push('|');
        for j in 0..width {
            out.push(' ');
            out.push_str(&cell(row.get(j)));
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            for _ in 0..width {
                out.push_str(" --- |");
            }
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Block {
        Block::Paragraph {
            content: vec![Inline::text(s)],
        }
    }

    #[test]
    fn text_is_one_block_per_line() {
        let body = Body {
            blocks: vec![
                Block::Heading {
                    level: 2,
                    content: vec![Inline::text("Head")],
                },
                p("One"),
                Block::List {
                    ordered: false,
                    start: None,
                    items: vec![vec![p("a")], vec![p("b")]],
                },
                Block::Table {
                    rows: vec![vec![
                        Cell::new(true, vec![Inline::text("x")]),
                        Cell::new(true, vec![Inline::text("y")]),
                    ]],
                },
            ],
        };
        assert_eq!(body.text(), "Head\nOne\na\nb\nx\ty");
        assert_eq!(body.word_count(), 6);
    }

    #[test]
    fn word_count_counts_the_rendered_text() {
        // Words of `Body::text`, as counted before `word_count` read the blocks directly.
        let rendered = |body: &Body| {
            let mut n = 0u64;
            for line in body.text().lines() {
                let mut in_word = false;
                for c in line.chars() {
                    let w = c.is_alphanumeric();
                    if w && !in_word {
                        n += 1;
                    }
                    in_word = w;
                }
            }
            n
        };
        let body = Body {
            blocks: vec![
                Block::Paragraph {
                    content: vec![
                        Inline::text("split"),
                        Inline::Emphasis {
                            content: vec![Inline::text("word, über")],
                        },
                        Inline::LineBreak,
                        Inline::Link {
                            href: "x".into(),
                            content: vec![Inline::text("next-line 42")],
                        },
                    ],
                },
                p("   "),
                Block::Quote {
                    blocks: vec![p("quoted é words")],
                },
                Block::Code {
                    language: None,
                    text: "let a = b;\n\nf(x)\n".into(),
                },
                Block::Table {
                    rows: vec![
                        vec![
                            Cell::new(false, vec![Inline::text("cell")]),
                            Cell::new(false, vec![Inline::text("two")]),
                        ],
                        vec![Cell::new(false, vec![Inline::text(" ")])],
                    ],
                },
                Block::Rule,
                p("end"),
            ],
        };
        assert_eq!(body.word_count(), rendered(&body));
        assert_eq!(body.word_count(), 16);
    }

    #[test]
    fn markdown_escapes_and_nests() {
        let body = Body {
            blocks: vec![
                p("1. not a list *really*"),
                p("# not a heading"),
                Block::List {
                    ordered: true,
                    start: Some(3),
                    items: vec![vec![
                        p("outer"),
                        Block::List {
                            ordered: false,
                            start: None,
                            items: vec![vec![p("inner")]],
                        },
                    ]],
                },
                Block::Code {
                    language: Some("rust".into()),
                    text: "fn main() {\n    let x = 1;\n}\n".into(),
                },
            ],
        };
        let md = body.markdown();
        assert_eq!(
            md,
            "1\\. not a list \\*really\\*\n\n\\# not a heading\n\n3. outer\n\n   - inner\n\n```rust\nfn main() {\n    let x = 1;\n}\n```\n"
        );
    }

    #[test]
    fn markdown_links_emphasis_tables() {
        let body = Body {
            blocks: vec![
                Block::Paragraph {
                    content: vec![
                        Inline::text("see "),
                        Inline::Link {
                            href: "https://e.x/a b".into(),
                            content: vec![Inline::Strong {
                                content: vec![Inline::text("this ")],
                            }],
                        },
                    ],
                },
                Block::Table {
                    rows: vec![
                        vec![Cell::new(true, vec![Inline::text("a|b")])],
                        vec![Cell::new(false, vec![Inline::Code { text: "x".into() }])],
                    ],
                },
            ],
        };
        assert_eq!(
            body.markdown(),
            "see [**this** ](<https://e.x/a b>)\n\n| a\\|b |\n| --- |\n| `x` |\n"
        );
    }
}
