//! Turns the chosen containers into typed blocks.
//!
//! One iterative walk per container: block structure lives on an explicit stack of frames
//! (lists, items, quotes), inline structure on a second stack (emphasis, strong, links), so no
//! page can drive the recursion deep.

use html5ever::local_name;
use std::mem;

use super::analysis::{Analysis, HIDDEN, REMOVED, is_data_table};
use super::image;
use crate::PageContext;
use crate::body::{Block, Cell, Image, Inline, safe_url};
use crate::dom::{Document, Edge, NodeData, NodeId};

/// Tables and figures inside cells and captions are built by nested builders up to this depth;
/// deeper ones are read as plain containers.
const MAX_NESTING: u8 = 2;

/// Lists, quotes and inline formatting nest at most this deep in the body; deeper markup is
/// flattened into its container.
const MAX_FRAMES: usize = 32;

enum InlineKind {
    Base,
    Emphasis,
    Strong,
    Link(String),
    Plain,
}

struct InlineFrame {
    node: Option<NodeId>,
    kind: InlineKind,
    content: Vec<Inline>,
}

enum FrameKind {
    Root,
    Quote,
    Item,
    List { ordered: bool, start: Option<u64> },
}

struct Frame {
    node: Option<NodeId>,
    kind: FrameKind,
    blocks: Vec<Block>,
    items: Vec<Vec<Block>>,
}

/// Builds blocks from DOM subtrees.
pub(crate) struct Builder<'a, 'd, 'p> {
    a: &'a Analysis<'d>,
    page: &'a PageContext<'p>,
    strip_junk: bool,
    depth: u8,
    frames: Vec<Frame>,
    inlines: Vec<InlineFrame>,
    space: bool,
    /// A space was just written before an inline element's start: whitespace at the start of
    /// its text is that same space, not a second one (`line <em> word</em>`).
    spaced: bool,
    has_content: bool,
    heading: Option<(u8, NodeId)>,
    last_image: Option<String>,
    /// The `<img>` element the last image came from.
    last_image_node: Option<NodeId>,
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn is_boundary(tag: &str) -> bool {
    crate::dom::is_block_tag(tag) || matches!(tag, "li" | "figure" | "tr" | "td" | "th")
}

impl<'a, 'd, 'p> Builder<'a, 'd, 'p> {
    /// A builder for the analysed page.
    pub(crate) fn new(a: &'a Analysis<'d>, page: &'a PageContext<'p>, strip_junk: bool) -> Self {
        Builder::nested(a, page, strip_junk, 0)
    }

    fn nested(a: &'a Analysis<'d>, page: &'a PageContext<'p>, strip_junk: bool, depth: u8) -> Self {
        Builder {
            a,
            page,
            strip_junk,
            depth,
            frames: vec![Frame {
                node: None,
                kind: FrameKind::Root,
                blocks: Vec::new(),
                items: Vec::new(),
            }],
            inlines: vec![InlineFrame {
                node: None,
                kind: InlineKind::Base,
                content: Vec::new(),
            }],
            space: false,
            spaced: false,
            has_content: false,
            heading: None,
            last_image: None,
            last_image_node: None,
        }
    }

    fn doc(&self) -> &'d Document {
        self.a.doc
    }

    /// Whether the walk leaves `n` out.
    fn skipped(&self, n: NodeId) -> bool {
        let f = self.a.flags[n.index()];
        f & (HIDDEN | REMOVED) != 0 || self.strip_junk && self.a.is_junk(n)
    }

    /// Adds the blocks of the subtree at `root`.
    pub(crate) fn add(&mut self, root: NodeId) {
        let doc = self.doc();
        let mut walk = doc.traverse(root);
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(n) => match &doc.node(n).data {
                    NodeData::Text(t) => self.text(doc.str(*t)),
                    NodeData::Element(e) => {
                        if n != root && self.skipped(n) {
                            if e.tag() == "noscript" {
                                self.noscript(n);
                            }
                            walk.skip_children();
                            continue;
                        }
                        if self.open(n, e.tag()) {
                            walk.skip_children();
                        }
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    if doc.element(n).is_some() {
                        self.close(n);
                    }
                }
            }
        }
        self.flush();
    }

    /// Handles an opening element; returns true when its children were consumed.
    fn open(&mut self, n: NodeId, tag: &str) -> bool {
        if self.heading.is_some() {
            match tag {
                "br" => self.space = true,
                "img" => {}
                "code" | "kbd" | "samp" | "tt" => return self.inline_code(n),
                _ if is_boundary(tag) => self.space = true,
                _ => self.open_inline(n, tag),
            }
            return false;
        }
        match tag {
            "br" => {
                if self.has_content {
                    self.push_inline(Inline::LineBreak);
                    self.space = false;
                }
            }
            "img" => self.image(n),
            "picture" => {
                if let Some(img) = self.doc().children(n).find(|&c| self.doc().tag(c) == "img") {
                    self.image(img);
                }
                return true;
            }
            "pre" => {
                self.flush();
                let (language, text) = code_block(self.doc(), n);
                if !text.trim().is_empty() {
                    self.push_block(Block::Code { language, text });
                }
                return true;
            }
            "code" | "kbd" | "samp" | "tt" => return self.inline_code(n),
            "table" if self.depth < MAX_NESTING && is_data_table(self.doc(), n) => {
                self.flush();
                self.table(n);
                return true;
            }
            "figure" if self.depth < MAX_NESTING => {
                if self.figure(n) {
                    return true;
                }
                self.flush();
            }
            "ul" | "ol" | "li" | "blockquote" if self.frames.len() > MAX_FRAMES => self.flush(),
            "ul" | "ol" => {
                self.flush();
                let ordered = tag == "ol";
                let start = if ordered {
                    self.doc()
                        .attr(n, &local_name!("start"))
                        .and_then(|s| s.trim().parse::<u64>().ok())
                } else {
                    None
                };
                self.frames.push(Frame {
                    node: Some(n),
                    kind: FrameKind::List { ordered, start },
                    blocks: Vec::new(),
                    items: Vec::new(),
                });
            }
            "li" => {
                self.flush();
                if matches!(
                    self.frames.last().map(|f| &f.kind),
                    Some(FrameKind::List { .. })
                ) {
                    self.frames.push(Frame {
                        node: Some(n),
                        kind: FrameKind::Item,
                        blocks: Vec::new(),
                        items: Vec::new(),
                    });
                }
            }
            "blockquote" => {
                self.flush();
                self.frames.push(Frame {
                    node: Some(n),
                    kind: FrameKind::Quote,
                    blocks: Vec::new(),
                    items: Vec::new(),
                });
            }
            "hr" => {
                self.flush();
                self.push_block(Block::Rule);
            }
            _ => {
                if let Some(level) = heading_level(tag) {
                    self.flush();
                    self.heading = Some((level, n));
                } else if is_boundary(tag) {
                    self.flush();
                } else if tag != "a" && self.has_content && self.hover_card(n) {
                    return true;
                } else {
                    self.open_inline(n, tag);
                }
            }
        }
        false
    }

    /// Whether the inline element `n`, met inside running text, is a hover card (a person's
    /// or a topic's pop-up: a picture and then only links), not words of the sentence.
    fn hover_card(&self, n: NodeId) -> bool {
        let st = &self.a.stats[n.index()];
        if st.imgs == 0 || st.text < 30 || st.link * 10 < st.text * 9 {
            return false;
        }
        // The card opens with its picture, before any text.
        let doc = self.doc();
        for edge in doc.traverse(n) {
            let Edge::Open(d) = edge else { continue };
            match &doc.node(d).data {
                NodeData::Text(t) if !doc.str(*t).trim().is_empty() => return false,
                NodeData::Element(e) if e.tag() == "img" => return true,
                _ => {}
            }
        }
        false
    }

    fn open_inline(&mut self, n: NodeId, tag: &str) {
        if self.inlines.len() > MAX_FRAMES {
            return;
        }
        let kind = match tag {
            "em" | "i" | "cite" | "dfn" | "var" => InlineKind::Emphasis,
            "strong" | "b" => InlineKind::Strong,
            "a" => match self.doc().attr(n, &local_name!("href")) {
                Some(h) if safe_url(h) && !h.trim().starts_with('#') && !h.trim().is_empty() => {
                    InlineKind::Link(self.page.resolve(h))
                }
                _ => InlineKind::Plain,
            },
            _ => return,
        };
        if self.space && self.has_content {
            // The space before the element belongs outside it.
            if let Some(top) = self.inlines.last_mut() {
                if let Some(Inline::Text { text }) = top.content.last_mut() {
                    text.push(' ');
                } else {
                    top.content.push(Inline::text(" "));
                }
            }
            self.space = false;
            self.spaced = true;
        }
        self.inlines.push(InlineFrame {
            node: Some(n),
            kind,
            content: Vec::new(),
        });
    }

    fn close(&mut self, n: NodeId) {
        if let Some((level, h)) = self.heading
            && h == n
        {
            let content = self.take_inlines();
            self.heading = None;
            if let Some(content) = trim_inlines(content) {
                self.push_block(Block::Heading { level, content });
            }
            return;
        }
        if self.inlines.len() > 1 && self.inlines.last().and_then(|f| f.node) == Some(n) {
            if let Some(f) = self.inlines.pop()
                && let Some(w) = wrap(f.kind, f.content)
            {
                self.push_inline(w);
            }
            return;
        }
        if self.heading.is_some() {
            return;
        }
        if self.frames.len() > 1 && self.frames.last().and_then(|f| f.node) == Some(n) {
            self.flush();
            let Some(f) = self.frames.pop() else { return };
            match f.kind {
                FrameKind::Item => {
                    if let Some(parent) = self.frames.last_mut() {
                        parent.items.push(f.blocks);
                    }
                }
                FrameKind::Quote => {
                    if !f.blocks.is_empty() {
                        self.push_block(Block::Quote { blocks: f.blocks });
                    }
                }
                FrameKind::List { ordered, start } => {
                    let items: Vec<Vec<Block>> =
                        f.items.into_iter().filter(|i| !i.is_empty()).collect();
                    if !items.is_empty() {
                        self.push_block(Block::List {
                            ordered,
                            start,
                            items,
                        });
                    }
                }
                FrameKind::Root => {}
            }
            return;
        }
        if is_boundary(self.doc().tag(n)) {
            self.flush();
        }
    }

    /// Adds the words of the text `t`, whitespace collapsed: a run of HTML whitespace is
    /// one space, kept where a word follows it. HTML whitespace is ASCII, so `t` is scanned
    /// as bytes, and each stretch of words with single spaces between them is copied whole.
    fn text(&mut self, t: &str) {
        let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
        let b = t.as_bytes();
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            if is_space(c) {
                self.space = true;
                i += 1;
                continue;
            }
            // The stretch ends before a space that is not followed by a word byte, or at any
            // other whitespace: both ends are ASCII bytes, so character boundaries.
            let start = i;
            while let Some(&c) = b.get(i) {
                let single = c == b' ' && b.get(i + 1).is_some_and(|&d| !is_space(d));
                if is_space(c) && !single {
                    break;
                }
                i += 1;
            }
            let Some(part) = t.get(start..i) else {
                return;
            };
            let Some(top) = self.inlines.last_mut() else {
                return;
            };
            let lead = self.space && self.has_content && !self.spaced;
            if let Some(Inline::Text { text }) = top.content.last_mut() {
                if lead {
                    text.push(' ');
                }
                text.push_str(part);
            } else {
                // The rest of the node's words join this string: room for all of them at
                // once rather than a reallocation every few words.
                let mut s = String::with_capacity(t.len() + 1);
                if lead {
                    s.push(' ');
                }
                s.push_str(part);
                top.content.push(Inline::Text { text: s });
            }
            self.space = false;
            self.spaced = false;
            self.has_content = true;
        }
    }

    fn push_inline(&mut self, i: Inline) {
        self.spaced = false;
        if let Some(top) = self.inlines.last_mut() {
            top.content.push(i);
        }
    }

    fn inline_code(&mut self, n: NodeId) -> bool {
        let mut s = String::new();
        for d in self.doc().descendants(n) {
            if let Some(t) = self.doc().text(d) {
                crate::dom::push_collapsed(&mut s, t);
            }
        }
        let t = s.trim();
        if t.is_empty() {
            return true;
        }
        if self.space && self.has_content && !self.spaced {
            self.push_inline(Inline::text(" "));
        }
        self.push_inline(Inline::Code { text: t.to_owned() });
        self.space = s.ends_with(' ');
        self.has_content = true;
        true
    }

    fn image(&mut self, n: NodeId) {
        if image::is_tiny(self.doc(), n) {
            return;
        }
        let Some(src) = image::image_source(self.doc(), n, self.page) else {
            return;
        };
        let alt = self
            .doc()
            .attr(n, &local_name!("alt"))
            .and_then(crate::text::non_empty);
        self.push_image(src, alt);
        self.last_image_node = Some(n);
    }

    fn push_image(&mut self, src: String, alt: Option<String>) {
        self.last_image = Some(src.clone());
        self.last_image_node = None;
        let image = Image::new(src, alt);
        if self.has_content {
            self.push_inline(Inline::Image { image });
        } else {
            self.flush();
            self.push_block(Block::Figure {
                image,
                caption: Vec::new(),
            });
        }
    }

    /// Images inside `<noscript>` (kept as raw markup by the parser) stand in for a lazy
    /// placeholder: the first replaces the image just emitted for an `<img>` right before the
    /// `<noscript>`, the others are added.
    fn noscript(&mut self, n: NodeId) {
        let doc = self.doc();
        let mut prev = doc.node(n).prev_sibling;
        while let Some(p) = prev
            && doc.text(p).is_some_and(|t| t.trim().is_empty())
        {
            prev = doc.node(p).prev_sibling;
        }
        let mut placeholder = prev.is_some() && prev == self.last_image_node;
        for (src, alt) in image::noscript_images(doc, n, self.page) {
            if placeholder && self.replace_last_image(&src, &alt) {
                self.last_image = Some(src);
                self.last_image_node = None;
            } else if self.last_image.as_deref() != Some(src.as_str()) {
                self.push_image(src, alt);
            }
            placeholder = false;
        }
    }

    /// Replaces the image last pushed (inline, or a figure without caption); false when the
    /// last thing pushed was not an image.
    fn replace_last_image(&mut self, src: &str, alt: &Option<String>) -> bool {
        let slot = match self.inlines.last_mut().and_then(|f| f.content.last_mut()) {
            Some(Inline::Image { image }) => Some(image),
            Some(_) => None,
            None => self.frames.last_mut().and_then(|f| {
                let last = match f.kind {
                    FrameKind::List { .. } => f.items.last_mut().and_then(|i| i.last_mut()),
                    _ => f.blocks.last_mut(),
                };
                match last {
                    Some(Block::Figure { image, caption }) if caption.is_empty() => Some(image),
                    _ => None,
                }
            }),
        };
        match slot {
            Some(image) => {
                // The placeholder's alt text stands when the fallback has none.
                let alt = alt.clone().or_else(|| image.alt.take());
                *image = Image::new(src.to_owned(), alt);
                true
            }
            None => false,
        }
    }

    /// A `<figure>` holding one image and a caption; returns false when it holds more (then
    /// it is read as a container).
    fn figure(&mut self, n: NodeId) -> bool {
        let doc = self.doc();
        let mut img = None;
        let mut caption = None;
        let mut other_text = false;
        let mut walk = doc.traverse(n);
        while let Some(edge) = walk.next() {
            let Edge::Open(d) = edge else { continue };
            if d == n {
                continue;
            }
            match &doc.node(d).data {
                NodeData::Element(e) => match e.tag() {
                    "figcaption" => {
                        caption = Some(d);
                        walk.skip_children();
                    }
                    "img" if img.is_none() && !image::is_tiny(doc, d) => {
                        img = image::image_source(doc, d, self.page)
                            .map(|s| (s, doc.attr(d, "alt").and_then(crate::text::non_empty)));
                    }
                    "noscript" => {
                        if img.is_none() {
                            img = image::noscript_images(doc, d, self.page).into_iter().next();
                        }
                        walk.skip_children();
                    }
                    "p" | "pre" | "table" | "ul" | "ol" | "blockquote" | "h2" | "h3" | "h4" => {
                        other_text = true;
                    }
                    t if crate::dom::is_hidden_tag(t) => walk.skip_children(),
                    _ => {}
                },
                NodeData::Text(t) if !doc.str(*t).trim().is_empty() => {
                    other_text = true;
                }
                _ => {}
            }
        }
        if other_text {
            return false;
        }
        let caption = match caption {
            Some(c) if !self.skipped(c) => self.inline_content(c),
            _ => Vec::new(),
        };
        self.flush();
        match img {
            Some((src, alt)) => {
                self.last_image = Some(src.clone());
                self.push_block(Block::Figure {
                    image: Image::new(src, alt),
                    caption,
                });
            }
            None => {
                if !caption.is_empty() {
                    self.push_block(Block::Paragraph { content: caption });
                }
            }
        }
        true
    }

    /// The content of `n` as one run of inline content.
    fn inline_content(&self, n: NodeId) -> Vec<Inline> {
        let mut b = Builder::nested(self.a, self.page, self.strip_junk, self.depth + 1);
        b.add(n);
        let blocks = b.finish();
        let mut out = Vec::new();
        flatten(blocks, &mut out);
        trim_inlines(out).unwrap_or_default()
    }

    fn table(&mut self, n: NodeId) {
        let doc = self.doc();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut caption = None;
        let mut walk = doc.traverse(n);
        while let Some(edge) = walk.next() {
            let Edge::Open(d) = edge else { continue };
            if d == n {
                continue;
            }
            if doc.element(d).is_none() {
                continue;
            }
            if self.skipped(d) {
                walk.skip_children();
                continue;
            }
            match doc.tag(d) {
                "caption" => {
                    caption = Some(self.inline_content(d));
                    walk.skip_children();
                }
                "tr" => rows.push(Vec::new()),
                "td" | "th" => {
                    let header = doc.tag(d) == "th";
                    let content = self.inline_content(d);
                    if rows.is_empty() {
                        rows.push(Vec::new());
                    }
                    if let Some(r) = rows.last_mut() {
                        r.push(Cell::new(header, content));
                    }
                    walk.skip_children();
                }
                _ => {}
            }
        }
        rows.retain(|r| !r.is_empty());
        if let Some(c) = caption.filter(|c| !c.is_empty()) {
            self.push_block(Block::Paragraph { content: c });
        }
        // A grid of empty cells (a layout table whose content was left out) is no table.
        let blank = |i: &Inline| match i {
            Inline::Text { text } => text.trim().is_empty(),
            Inline::LineBreak => true,
            _ => false,
        };
        if rows
            .iter()
            .any(|r| r.iter().any(|c| !c.content.iter().all(blank)))
        {
            self.push_block(Block::Table { rows });
        }
    }

    /// Folds the open inline frames into the paragraph content and reopens them empty.
    fn take_inlines(&mut self) -> Vec<Inline> {
        for i in (1..self.inlines.len()).rev() {
            let content = mem::take(&mut self.inlines[i].content);
            let kind = match &self.inlines[i].kind {
                InlineKind::Base => InlineKind::Base,
                InlineKind::Emphasis => InlineKind::Emphasis,
                InlineKind::Strong => InlineKind::Strong,
                InlineKind::Link(h) => InlineKind::Link(h.clone()),
                InlineKind::Plain => InlineKind::Plain,
            };
            if let Some(w) = wrap(kind, content) {
                self.inlines[i - 1].content.push(w);
            }
        }
        self.space = false;
        self.spaced = false;
        self.has_content = false;
        self.inlines
            .first_mut()
            .map(|f| mem::take(&mut f.content))
            .unwrap_or_default()
    }

    /// Ends the current paragraph.
    fn flush(&mut self) {
        if self.heading.is_some() {
            return;
        }
        let content = self.take_inlines();
        if let Some(content) = trim_inlines(content) {
            self.push_block(Block::Paragraph { content });
        }
    }

    fn push_block(&mut self, b: Block) {
        let Some(top) = self.frames.last_mut() else {
            return;
        };
        match top.kind {
            FrameKind::List { .. } => top.items.push(vec![b]),
            _ => top.blocks.push(b),
        }
    }

    /// Closes every open frame and returns the blocks.
    pub(crate) fn finish(mut self) -> Vec<Block> {
        if let Some((level, _)) = self.heading.take() {
            let content = self.take_inlines();
            if let Some(content) = trim_inlines(content) {
                self.push_block(Block::Heading { level, content });
            }
        }
        self.flush();
        while self.frames.len() > 1 {
            if let Some(n) = self.frames.last().and_then(|f| f.node) {
                self.close(n);
            } else {
                break;
            }
        }
        self.frames.pop().map(|f| f.blocks).unwrap_or_default()
    }
}

fn wrap(kind: InlineKind, content: Vec<Inline>) -> Option<Inline> {
    if content.is_empty() {
        return None;
    }
    Some(match kind {
        InlineKind::Emphasis => Inline::Emphasis { content },
        InlineKind::Strong => Inline::Strong { content },
        InlineKind::Link(href) => Inline::Link { href, content },
        InlineKind::Base | InlineKind::Plain => {
            // Splice: a plain wrapper adds nothing. Return a Strong-free group via Emphasis is
            // wrong; callers push items one by one instead.
            return Some(Inline::Link {
                href: String::new(),
                content,
            });
        }
    })
}

/// Trims leading and trailing spaces and line breaks; `None` when nothing visible is left.
pub(crate) fn trim_inlines(mut content: Vec<Inline>) -> Option<Vec<Inline>> {
    unwrap_plain(&mut content);
    while matches!(content.last(), Some(Inline::LineBreak)) {
        content.pop();
    }
    while matches!(content.first(), Some(Inline::LineBreak)) {
        content.remove(0);
    }
    if let Some(Inline::Text { text }) = content.first_mut() {
        let t = text.trim_start();
        if t.len() != text.len() {
            *text = t.to_owned();
        }
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        let t = text.trim_end();
        if t.len() != text.len() {
            *text = t.to_owned();
        }
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    let visible = content.iter().any(|i| match i {
        Inline::Text { text } => text.chars().any(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
                )
        }),
        Inline::LineBreak => false,
        _ => true,
    });
    visible.then_some(content)
}

/// Replaces the placeholder links (`href` empty) that stand for plain wrappers by their
/// content, at every depth (iteratively).
fn unwrap_plain(content: &mut Vec<Inline>) {
    splice_plain(content);
    // Nested vectors: walk with an explicit work list of mutable references.
    let mut work: Vec<&mut Vec<Inline>> = vec![content];
    while let Some(v) = work.pop() {
        for i in v {
            match i {
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Link { content, .. } => {
                    splice_plain(content);
                    work.push(content);
                }
                _ => {}
            }
        }
    }
}

fn splice_plain(v: &mut Vec<Inline>) {
    if !v
        .iter()
        .any(|i| matches!(i, Inline::Link { href, .. } if href.is_empty()))
    {
        return;
    }
    let old = mem::take(v);
    for i in old {
        match i {
            Inline::Link { href, content } if href.is_empty() => {
                // A placeholder may itself hold placeholders: expand them too.
                let mut pending = content;
                pending.reverse();
                while let Some(x) = pending.pop() {
                    match x {
                        Inline::Link { href, content } if href.is_empty() => {
                            pending.extend(content.into_iter().rev());
                        }
                        other => v.push(other),
                    }
                }
            }
            other => v.push(other),
        }
    }
    // Merge adjacent text runs.
    let old = mem::take(v);
    for i in old {
        if let (Some(Inline::Text { text: a }), Inline::Text { text: b }) = (v.last_mut(), &i) {
            a.push_str(b);
            continue;
        }
        v.push(i);
    }
}

/// Appends the inline content of blocks, separated by spaces.
fn flatten(blocks: Vec<Block>, out: &mut Vec<Inline>) {
    let mut work: Vec<Block> = blocks.into_iter().rev().collect();
    while let Some(b) = work.pop() {
        let sep = |out: &mut Vec<Inline>| {
            if !out.is_empty() {
                out.push(Inline::text(" "));
            }
        };
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                sep(out);
                out.extend(content);
            }
            Block::List { items, .. } => {
                for item in items.into_iter().rev() {
                    work.extend(item.into_iter().rev());
                }
            }
            Block::Quote { blocks } => work.extend(blocks.into_iter().rev()),
            Block::Code { text, .. } => {
                sep(out);
                out.push(Inline::Code {
                    text: crate::text::clean(&text),
                });
            }
            Block::Table { rows } => {
                for row in rows {
                    for c in row {
                        sep(out);
                        out.extend(c.content);
                    }
                }
            }
            Block::Figure { image, caption } => {
                sep(out);
                out.push(Inline::Image { image });
                if !caption.is_empty() {
                    out.push(Inline::text(" "));
                    out.extend(caption);
                }
            }
            Block::Rule => {}
        }
    }
}

/// The language and text of a `<pre>` block: text kept exactly, `<br>` and line elements as
/// newlines, line-number gutters left out.
fn code_block(doc: &Document, pre: NodeId) -> (Option<String>, String) {
    let mut language = language_of(doc, pre);
    let mut text = String::new();
    let mut walk = doc.traverse(pre);
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(n) => match &doc.node(n).data {
                NodeData::Text(t) => text.push_str(doc.str(*t)),
                NodeData::Element(e) => {
                    let tag = e.tag();
                    if tag == "br" {
                        text.push('\n');
                    } else if crate::dom::is_hidden_tag(tag)
                        || e.attr(&local_name!("class")).is_some_and(|c| {
                            super::classify::contains_ci(c, "line-number")
                                || super::classify::contains_ci(c, "linenumber")
                                || super::classify::contains_ci(c, "gutter")
                        })
                    {
                        walk.skip_children();
                    } else if language.is_none() && tag == "code" {
                        language = language_of(doc, n);
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if n != pre
                    && matches!(doc.tag(n), "div" | "p" | "li" | "tr")
                    && !text.ends_with('\n')
                {
                    text.push('\n');
                }
            }
        }
    }
    while text.ends_with('\n') || text.ends_with(' ') {
        text.pop();
    }
    (language, text)
}

fn language_of(doc: &Document, n: NodeId) -> Option<String> {
    let class = doc.attr(n, &local_name!("class"))?;
    for t in class.split_ascii_whitespace() {
        for p in ["language-", "lang-", "highlight-source-"] {
            if let Some(l) = t.strip_prefix(p)
                && !l.is_empty()
                && l.len() < 32
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+#-_.".contains(&b))
            {
                return Some(l.to_ascii_lowercase());
            }
        }
    }
    None
}
