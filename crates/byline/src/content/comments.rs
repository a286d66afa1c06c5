//! Reader comments: each comment's author, date and text, in page order.
//!
//! A comment is an element marked as one by the conventions of comment systems: schema.org
//! `Comment` microdata, the `comment` class token (WordPress, Blogger and most themes), or an id
//! such as `comment-123`. Replies are comments of their own; a comment's text never includes
//! its replies.

use super::classify::{contains_ci, has_token};
use crate::PageContext;
use crate::article::{Comment, PageDate};
use crate::dom::{Document, Edge, NodeData, NodeId, attr_bit, kind};
use html5ever::local_name;

/// At most this many comments are read from one page.
const MAX_COMMENTS: usize = 5000;

fn is_comment_item(doc: &Document, n: NodeId) -> bool {
    let Some(e) = doc.element(n) else {
        return false;
    };
    // Every element of the body is asked: the tag is compared as an interned name (one integer
    // each) and an element with none of the three attributes read below is settled at once.
    let name = &e.name.local;
    if !(*name == local_name!("div")
        || *name == local_name!("li")
        || *name == local_name!("article")
        || *name == local_name!("section"))
        || e.has & (attr_bit::ITEMTYPE | attr_bit::CLASS | attr_bit::ID) == 0
    {
        return false;
    }
    let tag = e.tag();
    if e.attr(&local_name!("itemtype")).is_some_and(|t| {
        contains_ci(t, "schema.org/comment") || contains_ci(t, "schema.org/usercomments")
    }) {
        return true;
    }
    let class = e.attr(&local_name!("class")).unwrap_or("");
    if class
        .split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case("comment") || t.eq_ignore_ascii_case("comment-item"))
    {
        return true;
    }
    if let Some(id) = e.attr(&local_name!("id")) {
        let id = id.trim();
        for p in ["comment-", "li-comment-", "comment_"] {
            if let Some(rest) = id.strip_prefix(p)
                && !rest.is_empty()
                && rest.bytes().all(|b| b.is_ascii_digit())
            {
                return tag != "div" || !class.contains("body");
            }
        }
    }
    false
}

/// The comments of the page.
pub(crate) fn extract(doc: &Document, page: &PageContext<'_>) -> Vec<Comment> {
    let _ = page;
    let mut out = Vec::new();
    let Some(body) = doc.html_child("body") else {
        return out;
    };
    let mut walk = doc.traverse(body);
    while let Some(edge) = walk.next() {
        let Edge::Open(n) = edge else { continue };
        let Some(e) = doc.element(n) else { continue };
        if e.kind & kind::HIDDEN != 0 {
            walk.skip_children();
            continue;
        }
        if !is_comment_item(doc, n) {
            continue;
        }
        if let Some(c) = read_comment(doc, n) {
            out.push(c);
            if out.len() >= MAX_COMMENTS {
                break;
            }
        }
    }
    out
}

/// Finds, inside comment `item` (not inside its replies), the first element that `want` accepts.
fn find_in(doc: &Document, item: NodeId, want: impl Fn(NodeId) -> bool) -> Option<NodeId> {
    let mut walk = doc.traverse(item);
    while let Some(edge) = walk.next() {
        let Edge::Open(n) = edge else { continue };
        if n == item || doc.element(n).is_none() {
            continue;
        }
        if is_comment_item(doc, n) || doc.kind(n) & kind::HIDDEN != 0 || is_reply_list(doc, n) {
            walk.skip_children();
            continue;
        }
        if want(n) {
            return Some(n);
        }
    }
    None
}

fn is_reply_list(doc: &Document, n: NodeId) -> bool {
    matches!(doc.tag(n), "ol" | "ul" | "div")
        && doc.attr(n, &local_name!("class")).is_some_and(|c| {
            has_token(c, "children") || has_token(c, "replies") || contains_ci(c, "comment-replies")
        })
}

fn class_has(doc: &Document, n: NodeId, tokens: &[&str]) -> bool {
    doc.attr(n, &local_name!("class"))
        .is_some_and(|c| tokens.iter().any(|t| has_token(c, t)))
}

fn read_comment(doc: &Document, item: NodeId) -> Option<Comment> {
    let author_node = find_in(doc, item, |n| {
        doc.attr(n, &local_name!("itemprop"))
            .is_some_and(|p| has_token(p, "author") || has_token(p, "creator"))
            || class_has(
                doc,
                n,
                &[
                    "fn",
                    "comment-author",
                    "comment-author-name",
                    "comment_author",
                    "commenter",
                    "comment-user",
                    "username",
                    "user-name",
                    "user",
                ],
            )
            || doc.tag(n) == "cite"
    });
    let author = author_node.and_then(|a| {
        let inner = find_in(doc, a, |n| {
            doc.attr(n, &local_name!("itemprop")) == Some("name") || class_has(doc, n, &["fn"])
        })
        .unwrap_or(a);
        let t = doc.text_of(inner);
        let t = t
            .trim()
            .trim_end_matches(':')
            .trim_end_matches(" says")
            .trim_end_matches(" said")
            .trim();
        (!t.is_empty() && t.chars().count() <= 100).then(|| crate::text::clean(t))
    });

    let date = find_in(doc, item, |n| {
        (doc.tag(n) == "time" && doc.attr(n, &local_name!("datetime")).is_some())
            || doc
                .attr(n, &local_name!("itemprop"))
                .is_some_and(|p| has_token(p, "dateCreated") || has_token(p, "datePublished"))
    })
    .and_then(|n| {
        let raw = doc
            .attr(n, &local_name!("datetime"))
            .or_else(|| doc.attr(n, &local_name!("content")))
            .map(str::to_owned)
            .unwrap_or_else(|| doc.text_of(n));
        crate::dates::parse_iso(&raw).map(|v| PageDate::new(v, raw.trim()))
    });

    let text_node = find_in(doc, item, |n| {
        doc.attr(n, &local_name!("itemprop"))
            .is_some_and(|p| has_token(p, "text") || has_token(p, "commentText"))
            || class_has(
                doc,
                n,
                &[
                    "comment-content",
                    "comment-text",
                    "comment_text",
                    "comment_content",
                    "comment-entry",
                    "comment-message",
                    "comment-body-text",
                ],
            )
    });
    let text = match text_node {
        Some(t) => lines(doc, t, item),
        None => lines(doc, item, item),
    };
    if text.trim().is_empty() {
        return None;
    }
    Some(Comment::new(author, date, text))
}

/// The text of `root` as lines (one per block), leaving out replies and, when reading the
/// whole comment item, its author, date and reply-link parts.
fn lines(doc: &Document, root: NodeId, item: NodeId) -> String {
    let whole = root == item;
    let mut out = String::new();
    let mut line = String::new();
    let mut walk = doc.traverse(root);
    let end_line = |line: &mut String, out: &mut String| {
        let t = line.trim();
        if !t.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(t);
        }
        line.clear();
    };
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(n) => match &doc.node(n).data {
                NodeData::Text(t) => crate::dom::push_collapsed(&mut line, doc.str(*t)),
                NodeData::Element(e) => {
                    if n == root {
                        continue;
                    }
                    let tag = e.tag();
                    let skip = e.kind & kind::HIDDEN != 0
                        || is_comment_item(doc, n)
                        || is_reply_list(doc, n)
                        || matches!(tag, "form" | "footer" | "header" | "nav")
                        || whole
                            && e.attr(&local_name!("class")).is_some_and(|c| {
                                [
                                    "meta", "author", "reply", "vcard", "avatar", "date", "actions",
                                ]
                                .iter()
                                .any(|p| contains_ci(c, p))
                            });
                    if skip {
                        walk.skip_children();
                        continue;
                    }
                    if e.kind & (kind::BLOCK | kind::BR) != 0 {
                        end_line(&mut line, &mut out);
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if doc.kind(n) & kind::BLOCK != 0 {
                    end_line(&mut line, &mut out);
                }
            }
        }
    }
    end_line(&mut line, &mut out);
    out
}
