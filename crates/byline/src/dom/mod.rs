//! A private arena DOM built by html5ever.
//!
//! Nodes live in one `Vec` and point at each other through [`NodeId`], a 4-byte index; there is
//! no `Rc`, no `unsafe` and no runtime borrow once parsing is over. Only byline's own modules see
//! this type: no html5ever type appears in the public API.

mod guard;
mod sink;

use html5ever::local_name;
use std::num::NonZeroU32;

use html5ever::tendril::StrTendril;
use html5ever::{Attribute, LocalName, QualName};

pub(crate) use sink::parse_html;

/// Index of a node in a [`Document`]; `Option<NodeId>` is still four bytes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub(crate) struct NodeId(NonZeroU32);

impl NodeId {
    /// The document node: always the first node of the arena.
    pub(crate) const DOCUMENT: NodeId = NodeId(NonZeroU32::MIN);

    fn from_index(index: usize) -> NodeId {
        let n = u32::try_from(index + 1).unwrap_or(u32::MAX);
        NodeId(NonZeroU32::new(n).unwrap_or(NonZeroU32::MAX))
    }

    /// Position in the arena (creation order, not document order).
    pub(crate) fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

/// An element: its name and attributes as html5ever produced them.
#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) name: QualName,
    pub(crate) attrs: Vec<Attribute>,
    /// For `<template>`: the fragment holding its contents (not a child).
    pub(crate) template: Option<NodeId>,
    /// Bits of [`kind`]: what the walks ask about the tag name, read once by the parser.
    pub(crate) kind: u8,
    /// Bits of [`attr_bit`]: which of the attributes the walks ask for on most elements the
    /// element has, recorded by the parser. A lookup of an absent one returns at once instead
    /// of comparing the name of every attribute.
    pub(crate) has: u16,
}

/// The attribute names [`Element::attr`] answers from [`Element::has`] when absent (without
/// a namespace, as every lookup asks): the ones the metadata scan and the classifier ask
/// every element for.
pub(crate) mod attr_bit {
    use html5ever::{LocalName, local_name};

    /// One table for the bits and both lookups, so that they cannot drift apart: each name
    /// with its bit, as a constant, in [`of`] (interned names) and in [`of_str`] (strings).
    macro_rules! tracked {
        ($($bit:ident = $shift:literal, $name:tt;)*) => {
            $(pub(crate) const $bit: u16 = 1 << $shift;)*

            /// The bit of attribute name `name` (0 for the names not tracked, `data-hook`
            /// included: it is no static name). Inlined, a constant name folds to a constant
            /// bit.
            #[inline(always)]
            pub(crate) fn of(name: &LocalName) -> u16 {
                $(if *name == local_name!($name) {
                    return $bit;
                })*
                0
            }

            /// The bit of attribute name `name` given as a string (0 for the names not
            /// tracked).
            #[inline(always)]
            pub(crate) fn of_str(name: &str) -> u16 {
                match name {
                    $($name => $bit,)*
                    "data-hook" => DATA_HOOK,
                    _ => 0,
                }
            }
        };
    }

    tracked! {
        CLASS = 0, "class";
        ID = 1, "id";
        STYLE = 2, "style";
        HIDDEN = 3, "hidden";
        ARIA_HIDDEN = 4, "aria-hidden";
        ROLE = 5, "role";
        ITEMPROP = 6, "itemprop";
        ITEMSCOPE = 7, "itemscope";
        ITEMTYPE = 8, "itemtype";
        REL = 9, "rel";
        HREF = 10, "href";
        SRC = 11, "src";
    }
    pub(crate) const DATA_HOOK: u16 = 1 << 12;
    /// An attribute not tracked by a bit of its own (the platform signatures look for some
    /// `data-*` names among them).
    pub(crate) const OTHER: u16 = 1 << 13;

    /// `data-hook`, interned once: not one of html5ever's static names.
    static DATA_HOOK_NAME: std::sync::LazyLock<LocalName> =
        std::sync::LazyLock::new(|| LocalName::from("data-hook"));

    /// The bits an attribute named `name` (no namespace) sets in [`super::Element::has`]:
    /// interned names compare as integers, so the name is never read as a string.
    pub(crate) fn of_attr(name: &LocalName) -> u16 {
        match of(name) {
            0 if *name == *DATA_HOOK_NAME => DATA_HOOK | OTHER,
            0 => OTHER,
            bit => bit,
        }
    }
}

/// What the walks ask about an element's tag name ([`Element::kind`]): read once when the
/// parser creates the element rather than by string comparisons in every walk.
pub(crate) mod kind {
    /// [`super::is_block_tag`].
    pub(crate) const BLOCK: u8 = 1;
    /// [`super::is_hidden_tag`].
    pub(crate) const HIDDEN: u8 = 2;
    /// `<br>`.
    pub(crate) const BR: u8 = 4;
    /// `<img>`.
    pub(crate) const IMG: u8 = 8;
    /// `<h1>` to `<h6>`.
    pub(crate) const HEADING: u8 = 16;

    use html5ever::{LocalName, local_name};

    /// The bits of tag name `name`, by comparisons of interned names (the parser asks this of
    /// every element).
    pub(crate) fn of(name: &LocalName) -> u8 {
        let mut k = 0;
        if super::is_block_name(name) {
            k |= BLOCK;
        }
        if super::is_hidden_name(name) {
            k |= HIDDEN;
        }
        match *name {
            local_name!("br") => k |= BR,
            local_name!("img") => k |= IMG,
            local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => k |= HEADING,
            _ => {}
        }
        k
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// The interned-name tests answer as the string tests, for names in the sets and out.
        #[test]
        fn names_and_strings_agree() {
            let others = [
                "span",
                "a",
                "br",
                "img",
                "b",
                "custom-element",
                "h7",
                "Div",
                "",
            ];
            for &tag in super::super::SET_TAGS.iter().chain(&others) {
                let name = LocalName::from(tag);
                assert_eq!(
                    super::super::is_block_name(&name),
                    super::super::is_block_tag(tag)
                );
                assert_eq!(
                    super::super::is_hidden_name(&name),
                    super::super::is_hidden_tag(tag)
                );
                let heading = matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                assert_eq!(of(&name) & HEADING != 0, heading, "{tag}");
                assert_eq!(of(&name) & BR != 0, tag == "br");
                assert_eq!(of(&name) & IMG != 0, tag == "img");
            }
        }
    }
}

/// An attribute name to look up: an interned [`LocalName`] (`local_name!("class")`, compared
/// as one integer) or any string.
pub(crate) trait AttrName: Copy {
    /// Whether attribute `a` (no namespace) has this name.
    fn names(self, a: &Attribute) -> bool;
    /// The [`attr_bit`] of this name, 0 when it is not tracked.
    fn bit(self) -> u16;
}

impl AttrName for &str {
    fn names(self, a: &Attribute) -> bool {
        a.name.ns.is_empty() && &*a.name.local == self
    }
    #[inline(always)]
    fn bit(self) -> u16 {
        attr_bit::of_str(self)
    }
}

impl AttrName for &&str {
    fn names(self, a: &Attribute) -> bool {
        (*self).names(a)
    }
    #[inline(always)]
    fn bit(self) -> u16 {
        attr_bit::of_str(self)
    }
}

impl AttrName for &LocalName {
    fn names(self, a: &Attribute) -> bool {
        a.name.local == *self && a.name.ns == html5ever::ns!()
    }
    #[inline(always)]
    fn bit(self) -> u16 {
        attr_bit::of(self)
    }
}

impl Element {
    /// The value of attribute `name` (no namespace), if present.
    #[inline(always)]
    pub(crate) fn attr(&self, name: impl AttrName) -> Option<&str> {
        let bit = name.bit();
        if bit != 0 && self.has & bit == 0 {
            return None;
        }
        self.attrs.iter().find(|a| name.names(a)).map(|a| &*a.value)
    }

    /// The [`attr_bit`] bits of attributes `attrs`.
    pub(crate) fn attr_bits(attrs: &[Attribute]) -> u16 {
        attrs
            .iter()
            .filter(|a| a.name.ns.is_empty())
            .fold(0, |bits, a| bits | attr_bit::of_attr(&a.name.local))
    }

    /// Local tag name, lower case (html5ever lowercases HTML names).
    pub(crate) fn tag(&self) -> &str {
        &self.name.local
    }

    /// Whether the whitespace-separated `class` attribute contains `class` exactly.
    pub(crate) fn has_class(&self, class: &str) -> bool {
        self.attr(&local_name!("class"))
            .is_some_and(|c| c.split_ascii_whitespace().any(|t| t == class))
    }
}

/// Where a text node's text lies in [`Document::text_buffer`]: all text of a page is kept in
/// one buffer, so text nodes cost no allocation of their own (nor a free when the page is
/// dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextSpan {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

impl TextSpan {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
}

/// What a node is.
#[derive(Debug)]
pub(crate) enum NodeData {
    Document,
    Doctype,
    /// Text, as a span of the document's text buffer (see [`Document::str`]).
    Text(TextSpan),
    Comment(StrTendril),
    Element(Element),
    ProcessingInstruction,
}

/// One node with its tree links.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) parent: Option<NodeId>,
    pub(crate) first_child: Option<NodeId>,
    pub(crate) last_child: Option<NodeId>,
    pub(crate) prev_sibling: Option<NodeId>,
    pub(crate) next_sibling: Option<NodeId>,
    pub(crate) data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data,
        }
    }

    /// The element data, when this node is an element.
    pub(crate) fn element(&self) -> Option<&Element> {
        match &self.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }
}

/// A parsed HTML document.
#[derive(Debug)]
pub(crate) struct Document {
    nodes: Vec<Node>,
    /// The text of every text node, back to back (see [`TextSpan`]).
    text: String,
    /// Whether the page has a `<base>` element (most have none: no walk looks for it).
    has_base: bool,
}

/// One step of a depth-first walk: entering or leaving a node.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Edge {
    Open(NodeId),
    Close(NodeId),
}

impl Document {
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// Whether the page has a `<base>` element anywhere.
    pub(crate) fn has_base(&self) -> bool {
        self.has_base
    }

    /// Number of nodes in the arena.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        self.node(id).element()
    }

    /// The text, when `id` is a text node.
    pub(crate) fn text(&self, id: NodeId) -> Option<&str> {
        match self.node(id).data {
            NodeData::Text(t) => Some(self.str(t)),
            _ => None,
        }
    }

    /// The text of a text node's span.
    pub(crate) fn str(&self, t: TextSpan) -> &str {
        self.text.get(t.range()).unwrap_or("")
    }

    /// The [`kind`] bits of `id` (none when it is not an element).
    pub(crate) fn kind(&self, id: NodeId) -> u8 {
        self.element(id).map_or(0, |e| e.kind)
    }

    /// Tag name when `id` is an element, `""` otherwise.
    pub(crate) fn tag(&self, id: NodeId) -> &str {
        self.element(id).map_or("", Element::tag)
    }

    pub(crate) fn attr(&self, id: NodeId, name: impl AttrName) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).parent
    }

    /// The children of `id`, in order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            doc: self,
            next: self.node(id).first_child,
        }
    }

    /// Ancestors of `id`, nearest first, not including `id`.
    pub(crate) fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&n| self.parent(n))
    }

    /// A depth-first walk of the subtree at `root` as open/close edges (iterative: a deep page
    /// cannot overflow the stack).
    pub(crate) fn traverse(&self, root: NodeId) -> Traverse<'_> {
        Traverse {
            doc: self,
            root,
            next: Some(Edge::Open(root)),
        }
    }

    /// Every node of the subtree at `root` in document order, `root` first.
    pub(crate) fn descendants(&self, root: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.traverse(root).filter_map(|e| match e {
            Edge::Open(n) => Some(n),
            Edge::Close(_) => None,
        })
    }

    /// Every element of the document in document order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = (NodeId, &Element)> + '_ {
        self.descendants(NodeId::DOCUMENT)
            .filter_map(|n| self.element(n).map(|e| (n, e)))
    }

    /// Appends the text of the subtree at `root` to `out`, skipping scripts, styles and
    /// templates, with whitespace collapsed to single spaces and block boundaries as spaces.
    pub(crate) fn collect_text(&self, root: NodeId, out: &mut String) {
        let mut skip: Option<NodeId> = None;
        for edge in self.traverse(root) {
            match edge {
                Edge::Open(n) if skip.is_none() => match &self.node(n).data {
                    NodeData::Text(t) => push_collapsed(out, self.str(*t)),
                    NodeData::Element(e) => {
                        if e.kind & kind::HIDDEN != 0 {
                            skip = Some(n);
                        } else if e.kind & (kind::BLOCK | kind::BR) != 0 {
                            push_space(out);
                        }
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    if skip == Some(n) {
                        skip = None;
                    } else if skip.is_none() && self.kind(n) & kind::BLOCK != 0 {
                        push_space(out);
                    }
                }
                Edge::Open(_) => {}
            }
        }
        while out.ends_with(' ') {
            out.pop();
        }
    }

    /// The collapsed text of the subtree at `root`, trimmed.
    pub(crate) fn text_of(&self, root: NodeId) -> String {
        let mut s = String::new();
        self.collect_text(root, &mut s);
        s.trim_start().to_owned()
    }

    /// The `<html>` element, if any.
    pub(crate) fn html_element(&self) -> Option<NodeId> {
        self.children(NodeId::DOCUMENT)
            .find(|&n| self.tag(n) == "html")
    }

    /// The first child of `<html>` named `tag` (`head` or `body`).
    pub(crate) fn html_child(&self, tag: &str) -> Option<NodeId> {
        let html = self.html_element()?;
        self.children(html).find(|&n| self.tag(n) == tag)
    }
}

/// Appends `text` to `out`, collapsing runs of whitespace to one space.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    // Without a limit the collapse cannot give up.
    let _ = push_collapsed_within(out, text, usize::MAX);
}

/// [`push_collapsed`] that gives up once `out` is longer than `limit` bytes (returning
/// `None`): a bounded read of a node whose text runs to kilobytes stops after `limit` bytes
/// instead of collapsing all of it first. HTML whitespace is ASCII, so the text is scanned as
/// bytes, and the stretches that collapsing leaves alone (words with single spaces between
/// them) are copied whole rather than a word at a time.
pub(crate) fn push_collapsed_within(out: &mut String, text: &str, limit: usize) -> Option<()> {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
    let bytes = text.as_bytes();
    let n = bytes.len();
    // `text[run..i]` is kept as it is: it starts after a run of whitespace (or at the start)
    // and holds no whitespace but single spaces between non-space bytes.
    let mut run = 0;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if !is_space(b) || (b == b' ' && i > run && i + 1 < n && !is_space(bytes[i + 1])) {
            i += 1;
            // All of the stretch will be in `out`: past the limit already.
            if out.len() + (i - run) > limit {
                return None;
            }
            continue;
        }
        // Both ends are at an ASCII byte: char boundaries.
        out.push_str(text.get(run..i).unwrap_or(""));
        while i < n && is_space(bytes[i]) {
            i += 1;
        }
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        if out.len() > limit {
            return None;
        }
        run = i;
    }
    out.push_str(text.get(run..).unwrap_or(""));
    (out.len() <= limit).then_some(())
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Whitespace as HTML rendering collapses it (ASCII whitespace and no-break space are kept
/// apart: a no-break space is content).
pub(crate) fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// The two tag sets as one table, so that the string tests and the parser's interned-name
/// test ([`kind::of`]) cannot drift apart.
macro_rules! tag_sets {
    (hidden: [$($hidden:tt),* $(,)?], block: [$($block:tt),* $(,)?]) => {
        /// Elements whose content is never rendered as text.
        pub(crate) fn is_hidden_tag(tag: &str) -> bool {
            matches!(tag, $($hidden)|*)
        }

        /// Elements that start a new line when rendered.
        pub(crate) fn is_block_tag(tag: &str) -> bool {
            matches!(tag, $($block)|*)
        }

        /// [`is_hidden_tag`] of an interned name: integer comparisons, no string read.
        fn is_hidden_name(name: &LocalName) -> bool {
            matches!(*name, $(local_name!($hidden))|*)
        }

        /// [`is_block_tag`] of an interned name.
        fn is_block_name(name: &LocalName) -> bool {
            matches!(*name, $(local_name!($block))|*)
        }

        /// Every name of both sets, for the test that the two forms agree.
        #[cfg(test)]
        const SET_TAGS: &[&str] = &[$($hidden,)* $($block),*];
    };
}

tag_sets! {
    hidden: [
        "script", "style", "template", "noscript", "svg", "math", "head", "iframe", "object",
        "embed", "canvas", "select", "textarea", "button",
    ],
    block: [
        "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul", "center", "caption", "title", "option", "menu", "legend",
    ]
}

/// Iterator over a node's children.
pub(crate) struct Children<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let n = self.next?;
        self.next = self.doc.node(n).next_sibling;
        Some(n)
    }
}

/// Depth-first open/close walk; see [`Document::traverse`].
pub(crate) struct Traverse<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<Edge>,
}

impl Traverse<'_> {
    /// Do not descend into the node just opened: the next edge is its `Close`.
    pub(crate) fn skip_children(&mut self) {
        if let Some(Edge::Open(first_child)) = self.next {
            // `next` is the first child of the node just opened: go to that node's close.
            self.next = self.doc.node(first_child).parent.map(Edge::Close);
        }
    }
}

impl Iterator for Traverse<'_> {
    type Item = Edge;
    fn next(&mut self) -> Option<Edge> {
        let edge = self.next?;
        self.next = match edge {
            Edge::Open(n) => match self.doc.node(n).first_child {
                Some(c) => Some(Edge::Open(c)),
                None => Some(Edge::Close(n)),
            },
            Edge::Close(n) => {
                if n == self.root {
                    None
                } else {
                    match self.doc.node(n).next_sibling {
                        Some(s) => Some(Edge::Open(s)),
                        None => self.doc.node(n).parent.map(Edge::Close),
                    }
                }
            }
        };
        Some(edge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(html: &str) -> Document {
        parse_html(html, &crate::Limits::default())
    }

    #[test]
    fn builds_tree_and_text() {
        let d = doc("<p>Hello <b>big</b>\n world<script>x()</script></p><div>Two</div>");
        let body = d.html_child("body").expect("body");
        assert_eq!(d.text_of(body), "Hello big world Two");
        let tags: Vec<_> = d.elements().map(|(_, e)| e.tag().to_owned()).collect();
        assert_eq!(tags, ["html", "head", "body", "p", "b", "script", "div"]);
    }

    #[test]
    fn adjacent_text_is_merged() {
        let d = doc("<p>a&amp;b</p>");
        let p = d.elements().find(|(_, e)| e.tag() == "p").map(|(n, _)| n);
        let p = p.expect("p");
        assert_eq!(d.children(p).count(), 1);
        assert_eq!(d.text_of(p), "a&b");
    }

    #[test]
    fn misnested_markup_keeps_links_consistent() {
        let d = doc("<table><tr><td>a</td></tr>stray<b>x<p>y</b>z</p></table>");
        for id in d.descendants(NodeId::DOCUMENT) {
            for c in d.children(id) {
                assert_eq!(d.parent(c), Some(id));
            }
        }
        let body = d.html_child("body").expect("body");
        assert_eq!(d.text_of(body), "strayx yz a");
    }

    #[test]
    fn nesting_is_capped_and_text_kept() {
        let n = 5000;
        let html = format!(
            "{}deep text{}<p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let d = doc(&html);
        let deepest = d
            .descendants(NodeId::DOCUMENT)
            .map(|id| d.ancestors(id).count())
            .max()
            .unwrap_or(0);
        assert!(
            deepest <= crate::Limits::default().max_depth as usize + 2,
            "depth {deepest}"
        );
        let body = d.html_child("body").expect("body");
        let text = d.text_of(body);
        assert!(text.starts_with("deep text"), "{text}");
        // The dropped end tags matched the dropped start tags: <p> lands outside the divs.
        let p = d
            .elements()
            .find(|(_, e)| e.tag() == "p")
            .map(|(id, _)| id)
            .expect("p");
        assert_eq!(d.parent(p), Some(body));
    }

    #[test]
    fn article_body_templates_are_parsed_as_markup() {
        let d = doc(concat!(
            "<div itemprop='articleBody'><script type='text/template'><p>One <b>two</b></p>",
            "<script>var x = '</p>';</script><p>three</p></script><p>after</p></div>",
            "<div><script type='text/template'><p>widget</p></script></div>",
            "<script type='text/template'><p>top</p></script>",
        ));
        let tags: Vec<_> = d.elements().map(|(_, e)| e.tag().to_owned()).collect();
        assert_eq!(
            tags,
            [
                "html", "head", "body", "div", "p", "b", "script", "p", "p", "div", "script",
                "script"
            ]
        );
        let body = d.html_child("body").expect("body");
        assert_eq!(d.text_of(body), "One two three after");
        // The inner script kept its raw text, and its end tag did not end the template.
        let inner = d
            .elements()
            .find(|(_, e)| e.tag() == "script")
            .map(|(n, _)| n);
        let mut raw = String::new();
        for c in d.children(inner.expect("script")) {
            raw.push_str(d.text(c).unwrap_or(""));
        }
        assert_eq!(raw, "var x = '</p>';");
    }

    #[test]
    fn shallow_pages_are_untouched_by_the_guard() {
        let d = doc("<div><div><p>a</p></div></div><ul><li>x<li>y</ul>");
        let lis = d.elements().filter(|(_, e)| e.tag() == "li").count();
        assert_eq!(lis, 2);
    }

    #[test]
    fn attribute_bits_answer_as_the_attribute_list() {
        // The second `<body>` adds its missing attributes to the first (the parser merges
        // them), which must update the bits too.
        let d = doc(concat!(
            "<body><div class=a ID=b style='x' hidden aria-hidden=true role=main itemprop=p ",
            "itemscope itemtype=t rel=r href=h src=s data-hook=k data-x=1>t</div><p>u</p>",
            "<body class=c data-hook=post>",
        ));
        let names = [
            "class",
            "id",
            "style",
            "hidden",
            "aria-hidden",
            "role",
            "itemprop",
            "itemscope",
            "itemtype",
            "rel",
            "href",
            "src",
            "data-hook",
            "data-x",
            "data-",
            "lang",
        ];
        let mut seen = 0;
        for (_, e) in d.elements() {
            for name in names {
                let want = e
                    .attrs
                    .iter()
                    .find(|a| a.name.ns.is_empty() && &*a.name.local == name)
                    .map(|a| &*a.value);
                assert_eq!(e.attr(name), want, "{} {name}", e.tag());
                assert_eq!(e.attr(&LocalName::from(name)), want, "{} {name}", e.tag());
                seen += usize::from(want.is_some());
            }
        }
        assert_eq!(seen, 16, "every attribute of the div and the body's two");
        let body = d.html_child("body").expect("body");
        assert_eq!(d.attr(body, "data-hook"), Some("post"));
        assert_ne!(d.element(body).map_or(0, |e| e.has) & attr_bit::OTHER, 0);
        let p = d.elements().find(|(_, e)| e.tag() == "p").map(|(n, _)| n);
        assert_eq!(d.element(p.expect("p")).map_or(1, |e| e.has), 0);
    }

    #[test]
    fn skip_children_in_traverse() {
        let d = doc("<div><p>a<i>b</i></p><p>c</p></div>");
        let body = d.html_child("body").expect("body");
        let mut t = d.traverse(body);
        let mut seen = Vec::new();
        while let Some(e) = t.next() {
            if let Edge::Open(n) = e {
                seen.push(d.tag(n).to_owned());
                if d.tag(n) == "p" {
                    t.skip_children();
                }
            }
        }
        assert_eq!(seen, ["body", "div", "p", "p"]);
    }
}
