//! The html5ever `TreeSink` that fills the arena.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, ParseOpts, QualName, parse_document};

use super::{Document, Element, Node, NodeData, NodeId};
use crate::Limits;

/// Parses decoded HTML into a [`Document`].
///
/// The input is fed to the tokenizer in chunks; once the arena holds `limits.max_nodes` nodes the
/// rest of the input is not fed, so a page can only cost as much as its first `max_nodes` nodes.
pub(crate) fn parse_html(html: &str, limits: &Limits) -> Document {
    let sink = Sink {
        nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
        max_nodes: limits.max_nodes.max(1),
        full: Cell::new(false),
    };
    let opts = ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            // Parse <noscript> content as markup: lazy-loading pages keep the real <img> there.
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut parser = parse_document(sink, opts);
    const CHUNK: usize = 64 * 1024;
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
        if parser.tokenizer.sink.sink.full.get() {
            break;
        }
    }
    parser.finish()
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    max_nodes: usize,
    full: Cell<bool>,
}

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = NodeId::from_index(nodes.len());
        nodes.push(Node::new(data));
        if nodes.len() >= self.max_nodes {
            self.full.set(true);
        }
        id
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

    /// Appends text to `prev` when it is a text node; returns whether it did.
    fn merge_text(nodes: &mut [Node], prev: Option<NodeId>, text: &StrTendril) -> bool {
        if let Some(p) = prev
            && let NodeData::Text(t) = &mut nodes[p.index()].data
        {
            t.push_tendril(text);
            return true;
        }
        false
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        Document {
            nodes: self.nodes.into_inner(),
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

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let template = flags.template.then(|| self.push(NodeData::Document));
        self.push(NodeData::Element(Element {
            name,
            attrs,
            template,
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
                Self::append_node(&mut self.nodes.borrow_mut(), *parent, n)
            }
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[parent.index()].last_child;
                if Self::merge_text(&mut self.nodes.borrow_mut(), prev, &text) {
                    return;
                }
                let n = self.push(NodeData::Text(text));
                Self::append_node(&mut self.nodes.borrow_mut(), *parent, n);
            }
        }
    }

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let n = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[sibling.index()].prev_sibling;
                if Self::merge_text(&mut self.nodes.borrow_mut(), prev, &text) {
                    return;
                }
                self.push(NodeData::Text(text))
            }
        };
        Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, n);
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
            for a in attrs {
                if !e.attrs.iter().any(|b| b.name == a.name) {
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
