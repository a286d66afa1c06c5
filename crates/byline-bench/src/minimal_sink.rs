//! The parse-only baseline: the least a `TreeSink` can do and still build the tree.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, QualName};

enum Data {
    Document,
    Element(QualName, Vec<Attribute>),
    Text(StrTendril),
    Other,
}

struct Node {
    parent: Option<usize>,
    children: Vec<usize>,
    data: Data,
}

/// Nodes in a `Vec`, children as index lists.
pub(crate) struct Sink {
    nodes: RefCell<Vec<Node>>,
}

impl Default for Sink {
    fn default() -> Self {
        Sink {
            nodes: RefCell::new(vec![Node {
                parent: None,
                children: Vec::new(),
                data: Data::Document,
            }]),
        }
    }
}

/// The finished tree.
pub(crate) struct Tree(Vec<Node>);

impl Tree {
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

impl Sink {
    fn push(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            parent: None,
            children: Vec::new(),
            data,
        });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], child: usize) {
        if let Some(p) = nodes[child].parent.take() {
            nodes[p].children.retain(|&c| c != child);
        }
    }
}

static FALLBACK: std::sync::LazyLock<QualName> = std::sync::LazyLock::new(|| {
    QualName::new(None, html5ever::ns!(html), html5ever::local_name!("div"))
});

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        Tree(self.nodes.into_inner())
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> usize {
        0
    }
    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| match &n[*target].data {
            Data::Element(name, _) => name,
            _ => &FALLBACK,
        })
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> usize {
        self.push(Data::Element(name, attrs))
    }
    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other)
    }
    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other)
    }
    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let child = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(t) => {
                let mut nodes = self.nodes.borrow_mut();
                if let Some(&last) = nodes[*parent].children.last()
                    && let Data::Text(existing) = &mut nodes[last].data
                {
                    existing.push_tendril(&t);
                    return;
                }
                drop(nodes);
                self.push(Data::Text(t))
            }
        };
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        nodes[child].parent = Some(*parent);
        nodes[*parent].children.push(child);
    }
    fn append_before_sibling(&self, sibling: &usize, child: NodeOrText<usize>) {
        let child = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(t) => self.push(Data::Text(t)),
        };
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let Some(parent) = nodes[*sibling].parent else {
            return;
        };
        let at = nodes[parent]
            .children
            .iter()
            .position(|c| c == sibling)
            .unwrap_or(0);
        nodes[parent].children.insert(at, child);
        nodes[child].parent = Some(parent);
    }
    fn append_based_on_parent_node(&self, element: &usize, prev: &usize, child: NodeOrText<usize>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }
    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}
    fn get_template_contents(&self, target: &usize) -> usize {
        *target
    }
    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, _mode: QuirksMode) {}
    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if let Data::Element(_, existing) = &mut self.nodes.borrow_mut()[*target].data {
            for a in attrs {
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }
    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }
    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}
