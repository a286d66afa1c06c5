//! The html5ever `TreeSink` that fills the arena.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, local_name};

use super::{Document, Element, Node, NodeData, NodeId, TextSpan};
use crate::Limits;

/// Parses decoded HTML into a [`Document`].
///
/// Guards keep a hostile page from making html5ever slow (several of its algorithms are
/// quadratic in nesting depth or in attributes per tag):
/// - tags with more than `limits.max_attributes` attributes lose the excess before tokenizing
///   ([`super::guard::cap_attributes`]);
/// - once the tree is `limits.max_depth` elements deep, further start tags are dropped (their
///   text is kept and lands in the deepest element) together with their matching end tags;
/// - once the arena holds `limits.max_nodes` nodes, the rest of the input is not fed;
/// - attribute values are cut to `limits.max_attribute_bytes` and text nodes stop growing at
///   `limits.max_text_bytes` (both at a character boundary).
pub(crate) fn parse_html(html: &str, limits: &Limits) -> Document {
    let html = super::guard::cap_attributes(html, limits.max_attributes.max(1));
    // About one node per 70 bytes of markup (the corpus median; a node per tag and per text
    // between tags): room for most pages' nodes up front, instead of growing (and copying)
    // the arena a dozen times.
    let expected_nodes = (html.len() / 64).max(64).min(limits.max_nodes.max(1));
    let mut nodes = Vec::with_capacity(expected_nodes);
    nodes.push(Node::new(NodeData::Document));
    let mut depths = Vec::with_capacity(expected_nodes);
    depths.push(0);
    let sink = Sink {
        nodes: RefCell::new(nodes),
        // Text is rarely more than half of a page's bytes.
        text: RefCell::new(String::with_capacity(html.len() / 2)),
        has_base: Cell::new(false),
        depths: RefCell::new(depths),
        current_depth: Cell::new(0),
        probing: Cell::new(false),
        probed: Cell::new(None),
        max_nodes: limits.max_nodes.max(1),
        full: Cell::new(false),
        max_attribute_bytes: limits.max_attribute_bytes,
        max_text_bytes: limits.max_text_bytes,
    };
    let tree_opts = TreeBuilderOpts {
        // Parse <noscript> content as markup: lazy-loading pages keep the real <img> there.
        scripting_enabled: false,
        ..Default::default()
    };
    let guard = DepthGuard {
        tb: TreeBuilder::new(sink, tree_opts),
        max_depth: limits.max_depth.max(1),
        dropped: RefCell::new(Vec::new()),
        stale: Cell::new(false),
        unwrapped_scripts: Cell::new(0),
        inner_scripts: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    const CHUNK: usize = 64 * 1024;
    let mut rest: &str = &html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        input.push_back(StrTendril::from_slice(chunk));
        // `feed` also stops at a `<script>` end and at a `<meta charset>`; the bytes are
        // already decoded, so both are only pauses: keep feeding until the queue is drained.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        rest = tail;
        if tokenizer.sink.tb.sink.full.get() {
            break;
        }
    }
    tokenizer.end();
    let Tokenizer { sink, .. } = tokenizer;
    sink.tb.sink.finish()
}

/// Sits between the tokenizer and the tree builder and drops start tags past `max_depth`.
struct DepthGuard {
    tb: TreeBuilder<NodeId, Sink>,
    max_depth: u32,
    /// Names of dropped start tags, each with the number still unmatched by an end tag.
    dropped: RefCell<Vec<(LocalName, u32)>>,
    /// End tags went to the tree builder since the depth was last observed.
    stale: Cell<bool>,
    /// Open `<script type="text/template">` tags inside an article body whose content is being
    /// parsed as markup (see [`DepthGuard::unwraps_template`]).
    unwrapped_scripts: Cell<u32>,
    /// Ordinary scripts opened inside such a template, still waiting for their end tag.
    inner_scripts: Cell<u32>,
}

impl TokenSink for DepthGuard {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        let mut raw_noscript = false;
        if let Token::TagToken(tag) = &token {
            let mut dropped = self.dropped.borrow_mut();
            match tag.kind {
                TagKind::StartTag
                    if self.at_depth_limit() && !tag.self_closing && !never_nests(&tag.name) =>
                {
                    match dropped.iter_mut().find(|(n, _)| *n == tag.name) {
                        Some((_, count)) => *count += 1,
                        None => dropped.push((tag.name.clone(), 1)),
                    }
                    return TokenSinkResult::Continue;
                }
                TagKind::StartTag if tag.name == local_name!("script") => {
                    if !tag.self_closing && self.unwraps_template(tag) {
                        self.unwrapped_scripts.set(self.unwrapped_scripts.get() + 1);
                        return TokenSinkResult::Continue;
                    }
                    if self.unwrapped_scripts.get() > 0 {
                        self.inner_scripts.set(self.inner_scripts.get() + 1);
                    }
                }
                TagKind::StartTag if tag.name == local_name!("noscript") => {
                    raw_noscript = self.in_body();
                }
                TagKind::EndTag
                    if tag.name == local_name!("script") && self.unwrapped_scripts.get() > 0 =>
                {
                    if self.inner_scripts.get() > 0 {
                        self.inner_scripts.set(self.inner_scripts.get() - 1);
                        self.stale.set(true);
                    } else {
                        self.unwrapped_scripts.set(self.unwrapped_scripts.get() - 1);
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::EndTag => {
                    if let Some(i) = dropped.iter().position(|(n, _)| *n == tag.name) {
                        dropped[i].1 -= 1;
                        if dropped[i].1 == 0 {
                            dropped.swap_remove(i);
                        }
                        return TokenSinkResult::Continue;
                    }
                    // The tree builder may pop elements without telling the sink; the depth
                    // is re-read by a probe before the next start tag is judged.
                    self.stale.set(true);
                }
                TagKind::StartTag => {}
            }
        }
        let result = self.tb.process_token(token, line_number);
        if raw_noscript {
            // As in a browser running scripts, a <noscript> in the body holds raw text up to
            // `</noscript>`: markup inside it cannot open elements that swallow the rest of the
            // page. Its images are read from that text where needed (`content::build`).
            return TokenSinkResult::RawData(RawKind::Rawtext);
        }
        result
    }

    fn end(&self) {
        self.tb.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.tb
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl DepthGuard {
    /// Whether the tree builder's current node is `max_depth` deep. When end tags have been
    /// processed since the depth was last known, a comment token is sent as a probe: the tree
    /// builder inserts it at its current node, and the sink records that node's depth without
    /// adding the comment to the tree.
    fn at_depth_limit(&self) -> bool {
        let sink = &self.tb.sink;
        if sink.current_depth.get() < self.max_depth {
            return false;
        }
        if self.stale.replace(false) {
            self.probe();
        }
        sink.current_depth.get() >= self.max_depth
    }

    /// Sends the probe comment; returns the node the tree builder inserts into.
    fn probe(&self) -> Option<NodeId> {
        let sink = &self.tb.sink;
        sink.probing.set(true);
        sink.probed.set(None);
        let _ = self
            .tb
            .process_token(Token::CommentToken(StrTendril::new()), 0);
        sink.probing.set(false);
        sink.probed.get()
    }

    /// Whether the tree builder inserts into the `<body>` (not the `<head>`, where a
    /// `<noscript>` holds `<link>`, `<meta>` and `<style>` elements).
    fn in_body(&self) -> bool {
        let Some(mut node) = self.probe() else {
            return false;
        };
        let nodes = self.tb.sink.nodes.borrow();
        loop {
            let n = &nodes[node.index()];
            if let NodeData::Element(e) = &n.data {
                match &*e.name.local {
                    "body" => return true,
                    "head" | "html" => return false,
                    _ => {}
                }
            }
            match n.parent {
                Some(p) => node = p,
                None => return false,
            }
        }
    }

    /// Whether a `<script>` start tag is a client-side HTML template holding the article text,
    /// to be parsed as markup instead of raw text. Some blog templates (Google's own blogs
    /// among them) ship the post body as `<script type="text/template">` inside the element
    /// marked `itemprop="articleBody"` and render it with JavaScript; a reader sees that text.
    /// Templates elsewhere (widgets, comment forms) stay scripts.
    fn unwraps_template(&self, tag: &html5ever::tokenizer::Tag) -> bool {
        let is_template = tag.attrs.iter().any(|a| {
            a.name.local == local_name!("type")
                && matches!(
                    a.value.trim().to_ascii_lowercase().as_str(),
                    "text/template" | "text/html"
                )
        });
        if !is_template {
            return false;
        }
        let Some(mut node) = self.probe() else {
            return false;
        };
        let nodes = self.tb.sink.nodes.borrow();
        for _ in 0..3 {
            let n = &nodes[node.index()];
            if let NodeData::Element(e) = &n.data
                && e.attr("itemprop").is_some_and(|v| {
                    v.split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("articleBody"))
                })
            {
                return true;
            }
            match n.parent {
                Some(p) => node = p,
                None => break,
            }
        }
        false
    }
}

/// Elements that hold no child elements (void and raw-text elements) or that html5ever never
/// nests: letting them through keeps raw text out of the tokenizer's markup states.
fn never_nests(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "html"
            | "head"
            | "body"
    )
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// The text of all text nodes (see [`TextSpan`]).
    text: RefCell<String>,
    /// A `<base>` element was created.
    has_base: Cell<bool>,
    /// Element depth of each node (index as in `nodes`); only used while parsing.
    depths: RefCell<Vec<u32>>,
    /// Depth of the element the tree builder inserts into (approximately its current node).
    current_depth: Cell<u32>,
    /// The next appended comment is the depth guard's probe: record, don't insert.
    probing: Cell<bool>,
    /// The parent the last probe would have been appended to.
    probed: Cell<Option<NodeId>>,
    max_nodes: usize,
    full: Cell<bool>,
    max_attribute_bytes: usize,
    max_text_bytes: usize,
}

/// The longest prefix of `s` of at most `max` bytes ending at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

/// A text buffer offset: the buffer holds at most the decoded input, which `Limits` keeps far
/// below 4 GiB.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Cuts `t` to at most `max` bytes, at a character boundary.
fn truncate_tendril(t: &mut StrTendril, max: usize) {
    if t.len() > max {
        let mut cut = max;
        while !t.is_char_boundary(cut) {
            cut -= 1;
        }
        t.pop_back((t.len() - cut) as u32);
    }
}

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = NodeId::from_index(nodes.len());
        nodes.push(Node::new(data));
        self.depths.borrow_mut().push(0);
        if nodes.len() >= self.max_nodes {
            self.full.set(true);
        }
        id
    }

    /// Records the depth of `node` inserted under `parent`; an inserted element becomes the
    /// tree builder's current node.
    fn set_depth(&self, node: NodeId, parent: Option<NodeId>) {
        let mut depths = self.depths.borrow_mut();
        let d = parent.map_or(0, |p| depths.get(p.index()).copied().unwrap_or(0) + 1);
        if let Some(slot) = depths.get_mut(node.index()) {
            *slot = d;
        }
        if matches!(self.nodes.borrow()[node.index()].data, NodeData::Element(_)) {
            self.current_depth.set(d);
        }
    }

    /// Detaches `id` from its parent and siblings.
    fn detach(nodes: &mut [Node], id: NodeId) {
        let node = &mut nodes[id.index()];
        let (parent, prev, next) = (
            node.parent.take(),
            node.prev_sibling.take(),
            node.next_sibling.take(),
        );
        match prev {
            Some(p) => nodes[p.index()].next_sibling = next,
            None => {
                if let Some(parent) = parent {
                    nodes[parent.index()].first_child = next;
                }
            }
        }
        match next {
            Some(n) => nodes[n.index()].prev_sibling = prev,
            None => {
                if let Some(parent) = parent {
                    nodes[parent.index()].last_child = prev;
                }
            }
        }
    }

    fn append_node(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent.index()].last_child;
        {
            let c = &mut nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => nodes[l.index()].next_sibling = Some(child),
            None => nodes[parent.index()].first_child = Some(child),
        }
        nodes[parent.index()].last_child = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let parent = nodes[sibling.index()].parent;
        let prev = nodes[sibling.index()].prev_sibling;
        {
            let c = &mut nodes[child.index()];
            c.parent = parent;
            c.prev_sibling = prev;
            c.next_sibling = Some(sibling);
        }
        nodes[sibling.index()].prev_sibling = Some(child);
        match prev {
            Some(p) => nodes[p.index()].next_sibling = Some(child),
            None => {
                if let Some(parent) = parent {
                    nodes[parent.index()].first_child = Some(child);
                }
            }
        }
    }

    /// Appends `text` to `prev` when that is a text node (up to `max_text_bytes` in all);
    /// false when `prev` is not a text node.
    fn merge_text(&self, nodes: &mut [Node], prev: Option<NodeId>, text: &str) -> bool {
        if let Some(p) = prev
            && let NodeData::Text(span) = &mut nodes[p.index()].data
        {
            let room = self.max_text_bytes.saturating_sub(span.len as usize);
            if room > 0 {
                let mut buf = self.text.borrow_mut();
                if span.start as usize + span.len as usize != buf.len() {
                    // Not the last text written (text inserted before a sibling): move it to
                    // the end of the buffer first. Rare; the old copy is left unused.
                    let from = span.start as usize..span.start as usize + span.len as usize;
                    span.start = offset(buf.len());
                    buf.extend_from_within(from);
                }
                let add = prefix(text, room);
                buf.push_str(add);
                span.len += offset(add.len());
            }
            return true;
        }
        false
    }

    /// A new text node's content, cut to the text limit, written to the text buffer.
    fn text_node(&self, text: &str) -> NodeData {
        let mut buf = self.text.borrow_mut();
        let start = offset(buf.len());
        let add = prefix(text, self.max_text_bytes);
        buf.push_str(add);
        NodeData::Text(TextSpan {
            start,
            len: offset(add.len()),
        })
    }

    /// Cuts attribute values to the attribute limit.
    fn cap_values(&self, attrs: &mut [Attribute]) {
        for a in attrs {
            truncate_tendril(&mut a.value, self.max_attribute_bytes);
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        Document {
            nodes: self.nodes.into_inner(),
            text: self.text.into_inner(),
            has_base: self.has_base.get(),
        }
    }

    // Collecting parse errors costs time and memory, and nobody reads them.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        NodeId::DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[target.index()].data {
                NodeData::Element(e) => &e.name,
                // html5ever only asks for names of elements it created; answer with a shared
                // placeholder rather than panicking if that ever changes.
                _ => &PLACEHOLDER,
            }
        })
    }

    fn create_element(
        &self,
        name: QualName,
        mut attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> NodeId {
        self.cap_values(&mut attrs);
        if name.local == local_name!("base") {
            self.has_base.set(true);
        }
        let template = flags.template.then(|| self.push(NodeData::Document));
        let kind = super::kind::of(&name.local);
        let has = Element::attr_bits(&attrs);
        self.push(NodeData::Element(Element {
            name,
            attrs,
            template,
            kind,
            has,
        }))
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.push(NodeData::Comment(text))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::ProcessingInstruction)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(n) => {
                if self.probing.get() {
                    let depth = self
                        .depths
                        .borrow()
                        .get(parent.index())
                        .copied()
                        .unwrap_or(0);
                    self.current_depth.set(depth);
                    self.probed.set(Some(*parent));
                    return;
                }
                self.set_depth(n, Some(*parent));
                Self::append_node(&mut self.nodes.borrow_mut(), *parent, n);
            }
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[parent.index()].last_child;
                if self.merge_text(&mut self.nodes.borrow_mut(), prev, &text) {
                    return;
                }
                let n = self.push(self.text_node(&text));
                Self::append_node(&mut self.nodes.borrow_mut(), *parent, n);
            }
        }
    }

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let n = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[sibling.index()].prev_sibling;
                if self.merge_text(&mut self.nodes.borrow_mut(), prev, &text) {
                    return;
                }
                self.push(self.text_node(&text))
            }
        };
        let parent = self.nodes.borrow()[sibling.index()].parent;
        self.set_depth(n, parent);
        Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, n);
    }

    fn pop(&self, node: &NodeId) {
        let depth = self.depths.borrow().get(node.index()).copied().unwrap_or(0);
        self.current_depth.set(depth.saturating_sub(1));
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[element.index()].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
        let n = self.push(NodeData::Doctype);
        Self::append_node(&mut self.nodes.borrow_mut(), NodeId::DOCUMENT, n);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.nodes.borrow()[target.index()].data {
            NodeData::Element(Element {
                template: Some(t), ..
            }) => *t,
            // Not a template: hand back the element itself so its content stays in the tree.
            _ => *target,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        if let NodeData::Element(e) = &mut self.nodes.borrow_mut()[target.index()].data {
            for mut a in attrs {
                truncate_tendril(&mut a.value, self.max_attribute_bytes);
                if !e.attrs.iter().any(|b| b.name == a.name) {
                    e.has |= Element::attr_bits(std::slice::from_ref(&a));
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut next = nodes[node.index()].first_child;
        while let Some(child) = next {
            next = nodes[child.index()].next_sibling;
            Self::append_node(&mut nodes, *new_parent, child);
        }
    }
}

static PLACEHOLDER: std::sync::LazyLock<QualName> = std::sync::LazyLock::new(|| {
    QualName::new(None, html5ever::ns!(html), html5ever::local_name!("span"))
});
