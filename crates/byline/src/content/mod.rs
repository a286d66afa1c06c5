//! The content pass: finds the main text and builds the typed body, and reads the reader
//! comments apart from it.
//!
//! 1. [`analysis`]: every element is classified by name, class, id and role ([`classify`]),
//!    then one walk counts text, link text, commas, paragraphs, images and inputs per subtree.
//! 2. Paragraph-like elements score their ancestors; the best container, its near-equal
//!    relatives and the siblings that continue it are the article.
//! 3. Inside those containers, boilerplate by name and by statistics (link lists, galleries,
//!    forms, embeds) is left out, bottom-up.
//! 4. [`build`] turns what is left into typed blocks.
//!
//! If that leaves too little text, the pass is retried without the name rules and the
//! statistics cleaning, and the longer result wins.

mod analysis;
mod build;
mod classify;
mod comments;
mod image;

use analysis::{Analysis, Mode};
use build::Builder;
use html5ever::local_name;

use crate::body::{Block, Body, Inline, inline_text};
use crate::dom::Document;
use crate::{Article, PageContext, Source};

/// Below this many characters of text an attempt is retried with looser rules.
const MIN_TEXT: usize = 250;

/// Fills `article.body` and `article.comments` from `doc`.
pub(crate) fn extract(doc: &Document, page: &PageContext<'_>, article: &mut Article) {
    let titles = title_candidates(doc, article);
    let strict = Mode {
        strip_junk: true,
        clean: true,
    };
    let mut blocks = attempt(doc, page, strict);
    let mut len = text_len(&blocks);
    for mode in [
        Mode {
            strip_junk: false,
            clean: true,
        },
        Mode {
            strip_junk: false,
            clean: false,
        },
    ] {
        if len >= MIN_TEXT {
            break;
        }
        let other = attempt(doc, page, mode);
        let other_len = text_len(&other);
        if other_len > len * 2 {
            blocks = other;
            len = other_len;
        }
    }
    drop_title(&mut blocks, &titles);
    drop_link_runs(&mut blocks);
    article.body = Body { blocks };
    if !article.body.is_empty() {
        article.sources.body = Some(Source::Content);
    }
    let found = comments::extract(doc, page);
    if !found.is_empty() {
        article.comments = found;
        article.sources.comments = Some(Source::Content);
    }
}

fn attempt(doc: &Document, page: &PageContext<'_>, mode: Mode) -> Vec<Block> {
    let mut a = Analysis::new(doc, mode);
    let weigh = mode.strip_junk;
    let top = a.top_candidate(weigh);
    let marker = if mode.strip_junk {
        a.best_marker()
    } else {
        None
    };
    // The innermost marker holding the top candidate (the candidate itself included).
    let holder = top.and_then(|t| {
        std::iter::once(t)
            .chain(doc.ancestors(t))
            .find(|&x| a.is_content_marker(x))
    });
    let roots = match (top, marker) {
        (Some(top), Some(m)) if top != m && doc.ancestors(m).any(|x| x == top) => {
            a.with_siblings(top)
        }
        (Some(_), Some(_)) if holder.is_some() => {
            holder.map(|h| a.marker_twins(h)).unwrap_or_default()
        }
        (_, Some(m)) => vec![m],
        (Some(top), None) => {
            let level = a.repeated_level(top).unwrap_or(top);
            a.with_siblings(level)
        }
        (None, None) => vec![a.body],
    };
    // The best-scored container and the marker are the article: a wrapper holding them is
    // not boilerplate, whatever its link density.
    for n in top.into_iter().chain(marker) {
        a.keep(n);
    }
    for &r in &roots {
        a.clean(r, mode, weigh);
    }
    let lead = if mode.strip_junk {
        roots.first().and_then(|&r| a.lead_before(r))
    } else {
        None
    };
    let mut b = Builder::new(&a, page, mode.strip_junk);
    for &r in lead.iter().chain(&roots) {
        b.add(r);
    }
    b.finish()
}

/// Length of the plain text of `blocks`, without rendering it.
fn text_len(blocks: &[Block]) -> usize {
    let mut n = 0;
    let mut work: Vec<&Block> = blocks.iter().collect();
    while let Some(b) = work.pop() {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                n += inline_len(content);
            }
            Block::Figure { caption, .. } => n += inline_len(caption),
            Block::List { items, .. } => work.extend(items.iter().flatten()),
            Block::Quote { blocks } => work.extend(blocks.iter()),
            Block::Code { text, .. } => n += text.len(),
            Block::Table { rows } => {
                n += rows
                    .iter()
                    .flatten()
                    .map(|c| inline_len(&c.content))
                    .sum::<usize>();
            }
            _ => {}
        }
    }
    n
}

fn inline_len(content: &[Inline]) -> usize {
    let mut s = String::new();
    inline_text(content, &mut s);
    s.len()
}

/// Normalised forms of the page's title: the metadata title, `<title>` and `og:title`.
fn title_candidates(doc: &Document, article: &Article) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &article.title {
        out.push(norm(t));
    }
    for (n, e) in doc.elements() {
        match e.tag() {
            "title" => out.push(norm(&doc.text_of(n))),
            "meta" => {
                let key = e
                    .attr(&local_name!("property"))
                    .or_else(|| e.attr(&local_name!("name")))
                    .unwrap_or("");
                if (key.eq_ignore_ascii_case("og:title")
                    || key.eq_ignore_ascii_case("twitter:title"))
                    && let Some(c) = e.attr(&local_name!("content"))
                {
                    out.push(norm(c));
                }
            }
            "body" => break,
            _ => {}
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

/// Lower-cased letters and digits separated by single spaces.
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// Removes a heading near the top that repeats the title.
fn drop_title(blocks: &mut Vec<Block>, titles: &[String]) {
    for i in 0..blocks.len() {
        let Some(Block::Heading { content, level }) = blocks.get(i) else {
            continue;
        };
        if i >= 4 && *level != 1 {
            continue;
        }
        let mut s = String::new();
        inline_text(content, &mut s);
        let h = norm(&s);
        if h.is_empty() {
            continue;
        }
        let matches = titles.iter().any(|t| {
            *t == h
                || (h.len() >= 12
                    && (t.starts_with(&h) || t.ends_with(&h))
                    && t.len() < h.len() * 3)
        });
        if matches {
            blocks.remove(i);
            return;
        }
    }
}

/// Letters and digits of `content`: `(inside links, all)`.
fn link_chars(content: &[Inline]) -> (usize, usize) {
    let (mut linked, mut all) = (0, 0);
    let mut work: Vec<(&Inline, bool)> = content.iter().map(|i| (i, false)).collect();
    while let Some((i, in_link)) = work.pop() {
        let count = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count();
        match i {
            Inline::Text { text } | Inline::Code { text } => {
                let n = count(text);
                all += n;
                if in_link {
                    linked += n;
                }
            }
            Inline::Emphasis { content } | Inline::Strong { content } => {
                work.extend(content.iter().map(|c| (c, in_link)));
            }
            Inline::Link { content, .. } => work.extend(content.iter().map(|c| (c, true))),
            _ => {}
        }
    }
    (linked, all)
}

/// Whether `content` holds a link, at any depth of emphasis.
fn has_link(content: &[Inline]) -> bool {
    let mut work: Vec<&Inline> = content.iter().collect();
    while let Some(i) = work.pop() {
        match i {
            Inline::Link { .. } => return true,
            Inline::Emphasis { content } | Inline::Strong { content } => work.extend(content),
            _ => {}
        }
    }
    false
}

/// Whether a top-level paragraph is nothing but link text: a teaser line ("Read more: …").
/// Lists of links are left to the cleaning statistics (tables of contents, sources).
fn all_link(b: &Block) -> bool {
    let para = |content: &[Inline]| {
        // Most paragraphs hold no link at all: skip counting their characters.
        if !has_link(content) {
            return false;
        }
        let (linked, all) = link_chars(content);
        // Teasers are headlines: a few words at least (not a bare "link" or "PDF").
        all >= 20 && linked * 10 >= all * 9
    };
    match b {
        Block::Paragraph { content } => para(content),
        _ => false,
    }
}

/// A lone all-link paragraph written in capitals: a call to action ("READ MORE ON … BY
/// CLICKING HERE"), not a sentence of the article.
fn shouted_link(b: &Block) -> bool {
    let Block::Paragraph { content } = b else {
        return false;
    };
    if !all_link(b) {
        return false;
    }
    let mut s = String::new();
    inline_text(content, &mut s);
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    letters >= 15 && upper * 10 >= letters * 9
}

/// A short lead-in before a run of teaser links ("Don't miss", "You may also like…").
fn is_lead_in(b: &Block) -> bool {
    let content = match b {
        Block::Heading { content, .. } | Block::Paragraph { content } => content,
        _ => return false,
    };
    let mut s = String::new();
    inline_text(content, &mut s);
    s.split_whitespace().count() <= 5
}

/// Removes runs of two or more consecutive blocks made only of links (teasers for other
/// articles placed between paragraphs), with the short line that introduces them.
fn drop_link_runs(blocks: &mut Vec<Block>) {
    let mut keep = vec![true; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let start = i;
        while blocks.get(i).is_some_and(all_link) {
            i += 1;
        }
        if i - start >= 2 {
            for k in keep.iter_mut().take(i).skip(start) {
                *k = false;
            }
            if start > 0
                && blocks.get(start - 1).is_some_and(is_lead_in)
                && let Some(k) = keep.get_mut(start - 1)
            {
                *k = false;
            }
        }
        if i == start {
            if blocks.get(i).is_some_and(shouted_link)
                && let Some(k) = keep.get_mut(i)
            {
                *k = false;
            }
            i += 1;
        } else if i - start == 1
            && blocks.get(start).is_some_and(shouted_link)
            && let Some(k) = keep.get_mut(start)
        {
            *k = false;
        }
    }
    let mut flags = keep.into_iter();
    blocks.retain(|_| flags.next().unwrap_or(true));
}
