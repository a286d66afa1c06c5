//! The content pass: finds the main text and builds the typed body, and reads the reader
//! comments apart from it.
//!
//! 1. [`analysis`]: every element is classified by name, class, id and role ([`classify`]),
//!    then one walk counts text, link text, commas, paragraphs, images and inputs per subtree.
//! 2. Paragraph-like elements score their ancestors; the best container, its near-equal
//!    relatives and the siblings that continue it are the article.
//! 3. A recipe's ingredients and steps (named so by recipe card plugins and recipe sites, or
//!    schema.org microdata) belong to the article when they are in it or beside it.
//! 4. Inside those containers, boilerplate by name and by statistics (link lists, galleries,
//!    forms, embeds) is left out, bottom-up; in a recipe, linked ingredient names, tick boxes
//!    and short lines are content.
//! 5. [`build`] turns what is left into typed blocks.
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
use std::sync::LazyLock;

use crate::body::{Block, Body, Inline, inline_text};
use crate::dom::{Document, NodeId};
use crate::{Article, PageContext, Source};

/// Below this many characters of text an attempt is retried with looser rules.
const MIN_TEXT: usize = 250;

/// Below this many bytes the JSON-LD `articleBody` is not read as the body.
const MIN_ARTICLE_BODY: usize = 500;

/// Fills `article.body` and `article.comments` from `doc`. `article_body` is the article's
/// text as its structured data gives it (JSON-LD `articleBody`): the body instead when it is
/// at least [`MIN_ARTICLE_BODY`] bytes and the markup yields less than that or less than a
/// quarter of it (a page that renders its text with scripts, or shows a teaser of it). Not
/// when the markup yields more: `articleBody` can be an older version of the text.
pub(crate) fn extract(
    doc: &Document,
    page: &PageContext<'_>,
    article: &mut Article,
    article_body: Option<&str>,
) {
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
    drop_read_also(&mut blocks);
    drop_teaser_pairs(&mut blocks);
    drop_trailing_notices(&mut blocks);
    drop_short_lines(&mut blocks);
    drop_photo_credits(&mut blocks);
    let mut source = Source::Content;
    if let Some(ab) = article_body {
        let ab_len = ab.len();
        let len = text_len(&blocks);
        if ab_len >= MIN_ARTICLE_BODY && (len < MIN_ARTICLE_BODY || len.saturating_mul(4) < ab_len)
        {
            blocks = ab
                .lines()
                .map(|l| Block::Paragraph {
                    content: vec![Inline::Text { text: l.to_owned() }],
                })
                .collect();
            source = Source::JsonLd;
        }
    }
    article.body = Body { blocks };
    if !article.body.is_empty() {
        article.sources.body = Some(source);
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
    // Embedded posts are quoted content: the boxes that hold them are not boilerplate.
    for i in 0..a.posts.len() {
        let p = a.posts[i];
        if roots.iter().any(|&r| doc.ancestors(p).any(|x| x == r)) {
            a.keep(p);
        }
    }
    let roots = with_recipe_parts(&a, roots);
    // A recipe's ingredients and steps in the article are its content, however short their
    // lines and however many shop links the ingredient names carry.
    for i in 0..a.recipe_parts.len() {
        let p = a.recipe_parts[i];
        if roots
            .iter()
            .any(|&r| p == r || doc.ancestors(p).any(|x| x == r))
        {
            a.keep_recipe(p);
        }
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

/// How far above the article a recipe's ingredients or steps may part from it and still be
/// the same recipe (levels from the first root up to the element holding both).
const RECIPE_REACH: usize = 3;

/// The article's roots with the recipe it shows: a root inside a recipe part (one step of the
/// instructions scored best) widens to that part, and the recipe parts beside the article (the
/// ingredients in a box next to the steps) join it, in document order.
fn with_recipe_parts(a: &Analysis<'_>, mut roots: Vec<NodeId>) -> Vec<NodeId> {
    if a.recipe_parts.is_empty() || roots.is_empty() {
        return roots;
    }
    let doc = a.doc;
    let inside = |n: NodeId, r: NodeId| n == r || doc.ancestors(n).any(|x| x == r);
    let mut changed = false;
    for r in &mut roots {
        if let Some(&p) = a.recipe_parts.iter().find(|&&p| inside(*r, p)) {
            changed |= *r != p;
            *r = p;
        }
    }
    let first = roots[0];
    let chain: Vec<NodeId> = std::iter::once(first)
        .chain(doc.ancestors(first))
        .take(RECIPE_REACH + 1)
        .filter(|&x| x != a.body && x != NodeId::DOCUMENT)
        .collect();
    for &p in &a.recipe_parts {
        if roots.iter().any(|&r| inside(p, r)) {
            continue;
        }
        // The element holding both, at most RECIPE_REACH levels up, and nothing between it
        // and the part that is boilerplate by name (a comment form, a sidebar).
        let Some(&holder) = chain.iter().find(|&&x| inside(p, x)) else {
            continue;
        };
        let clean_path = std::iter::once(p)
            .chain(doc.ancestors(p).take_while(|&x| x != holder))
            .all(|x| a.flags[x.index()] & (analysis::JUNK | analysis::HIDDEN) == 0);
        if clean_path {
            roots.push(p);
            changed = true;
        }
    }
    if !changed {
        return roots;
    }
    // Document order, and no root inside another.
    roots.sort_by_key(|n| n.index());
    roots.dedup();
    let all = roots.clone();
    roots.retain(|&r| !all.iter().any(|&o| o != r && inside(r, o)));
    roots
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

/// Length in bytes of what [`inline_text`] writes for `content`, counted without writing it.
fn inline_len(content: &[Inline]) -> usize {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text } | Inline::Code { text } => text.len(),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. } => inline_len(content),
            Inline::Image { .. } => 0,
            Inline::LineBreak => 1,
        })
        .sum()
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
///
/// ASCII bytes, most of a page's text, are read and lower-cased through a table; only the
/// other characters are decoded and go through Unicode's tables (for ASCII both give the
/// same).
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_ascii() {
            i += 1;
            let lower = crate::text::ASCII_LOWER_ALNUM[usize::from(c)];
            if lower == 0 {
                gap = true;
                continue;
            }
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(lower));
            continue;
        }
        // `i` is a character boundary: ASCII bytes and whole characters were skipped.
        let Some(ch) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += ch.len_utf8();
        if !crate::text::is_alphanumeric(ch) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.extend(ch.to_lowercase());
    }
    out
}

/// Keeps the blocks whose flag in `keep` (one per block, in order) is set.
fn retain_kept(blocks: &mut Vec<Block>, keep: Vec<bool>) {
    let mut flags = keep.into_iter();
    blocks.retain(|_| flags.next().unwrap_or(true));
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
    // The top level is read in place; only nested inlines go on the stack, which most
    // paragraphs never allocate.
    let mut top = content.iter();
    let mut work: Vec<(&Inline, bool)> = Vec::new();
    while let Some((i, in_link)) = work.pop().or_else(|| top.next().map(|i| (i, false))) {
        match i {
            Inline::Text { text } | Inline::Code { text } => {
                let n = alphanumeric_chars(text);
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

/// The letters and digits of `t` (`char::is_alphanumeric`); ASCII text, most of it, is read
/// a byte at a time without decoding characters.
fn alphanumeric_chars(t: &str) -> usize {
    if t.is_ascii() {
        t.bytes().filter(u8::is_ascii_alphanumeric).count()
    } else {
        t.chars()
            .filter(|&c| crate::text::is_alphanumeric(c))
            .count()
    }
}

/// The letters and digits of `content` as [`link_chars`] counts them, up to the first one
/// past `cap`: any result above `cap` means "more than `cap`".
fn letters_past(content: &[Inline], cap: usize) -> usize {
    let mut n = 0;
    let mut top = content.iter();
    let mut work: Vec<&Inline> = Vec::new();
    while let Some(i) = work.pop().or_else(|| top.next()) {
        match i {
            Inline::Text { text } | Inline::Code { text } => {
                for c in text.chars() {
                    if crate::text::is_alphanumeric(c) {
                        n += 1;
                        if n > cap {
                            return n;
                        }
                    }
                }
            }
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. } => work.extend(content),
            _ => {}
        }
    }
    n
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

/// Letters and digits of each line of `content` (lines end at line breaks, at any depth of
/// emphasis): `(inside links, all)` per line.
fn line_link_chars(content: &[Inline]) -> Vec<(usize, usize)> {
    let mut lines = vec![(0usize, 0usize)];
    // Depth-first in document order: a stack of (remaining siblings, inside a link).
    let mut stack: Vec<(&[Inline], bool)> = vec![(content, false)];
    while let Some((items, in_link)) = stack.pop() {
        let Some((first, rest)) = items.split_first() else {
            continue;
        };
        stack.push((rest, in_link));
        match first {
            Inline::Text { text } | Inline::Code { text } => {
                let n = text.chars().filter(|c| c.is_alphanumeric()).count();
                if let Some(l) = lines.last_mut() {
                    l.1 += n;
                    if in_link {
                        l.0 += n;
                    }
                }
            }
            Inline::LineBreak => lines.push((0, 0)),
            Inline::Emphasis { content } | Inline::Strong { content } => {
                stack.push((content, in_link));
            }
            Inline::Link { content, .. } => stack.push((content, true)),
            _ => {}
        }
    }
    lines.retain(|l| l.1 > 0);
    lines
}

/// A paragraph of teaser links, one a line (`<br>` between them), each line a link with
/// at most a short label ("China furious at Macron [INSIGHT]").
fn link_lines(b: &Block) -> bool {
    let Block::Paragraph { content } = b else {
        return false;
    };
    if !has_link(content) || !content_has_break(content) {
        return false;
    }
    let mut lines = line_link_chars(content);
    // A first line without links is the label of the run ("DON'T MISS").
    if lines.first().is_some_and(|&(l, a)| l == 0 && a <= 30) {
        lines.remove(0);
    }
    let (linked, all) = lines.iter().fold((0, 0), |(a, b), l| (a + l.0, b + l.1));
    lines.len() >= 2
        && lines.iter().all(|&(l, a)| a >= 15 && l * 10 >= a * 7)
        && linked * 10 >= all * 8
}

/// A one-line pointer to another article: a short label ending in a colon or written in
/// capitals ("READ MORE:", "Related:", "SEE MORE") and then only link text.
fn labelled_link(b: &Block) -> bool {
    let Block::Paragraph { content } = b else {
        return false;
    };
    if !has_link(content) {
        return false;
    }
    let mut label = String::new();
    let (mut linked, mut tail) = (0usize, 0usize);
    let mut seen_link = false;
    let mut stack: Vec<(&[Inline], bool)> = vec![(content, false)];
    while let Some((items, in_link)) = stack.pop() {
        let Some((first, rest)) = items.split_first() else {
            continue;
        };
        stack.push((rest, in_link));
        match first {
            Inline::Text { text } | Inline::Code { text } => {
                let n = text.chars().filter(|c| c.is_alphanumeric()).count();
                if in_link {
                    linked += n;
                } else if seen_link {
                    tail += n;
                } else if label.len() < 64 {
                    label.push_str(text);
                }
            }
            Inline::Emphasis { content } | Inline::Strong { content } => {
                stack.push((content, in_link));
            }
            Inline::Link { content, .. } => {
                seen_link = true;
                stack.push((content, true));
            }
            Inline::LineBreak | Inline::Image { .. } => return false,
        }
    }
    let label = label.trim();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let shouted = letters >= 4 && !label.chars().any(|c| c.is_lowercase());
    (1..=20).contains(&letters)
        && (label.ends_with(':') || shouted)
        && label.split_whitespace().count() <= 3
        && linked >= 20
        && tail <= 3
}

/// Whether `content` holds a line break, at any depth of emphasis.
fn content_has_break(content: &[Inline]) -> bool {
    let mut work: Vec<&Inline> = content.iter().collect();
    while let Some(i) = work.pop() {
        match i {
            Inline::LineBreak => return true,
            Inline::Emphasis { content } | Inline::Strong { content } => work.extend(content),
            _ => {}
        }
    }
    false
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
/// articles placed between paragraphs) and paragraphs of teaser link lines, with the short
/// line that introduces them.
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
        if i == start && blocks.get(i).is_some_and(link_lines) {
            if let Some(k) = keep.get_mut(i) {
                *k = false;
            }
            if i > 0
                && blocks.get(i - 1).is_some_and(is_lead_in)
                && let Some(k) = keep.get_mut(i - 1)
            {
                *k = false;
            }
            i += 1;
            continue;
        }
        if i == start {
            if blocks
                .get(i)
                .is_some_and(|b| shouted_link(b) || labelled_link(b))
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
    retain_kept(blocks, keep);
}

/// Labels that lead in links to other articles ("Read also: …", "Lesen Sie auch"), in the
/// form of [`norm`]: lower case, words separated by single spaces.
const READ_ALSO: &[&str] = &[
    // English
    "read more",
    "read also",
    "also read",
    "related",
    "related articles",
    "related stories",
    "more on this",
    "you may also like",
    "you might also like",
    "next post",
    "previous post",
    // German
    "lesen sie auch",
    "lesen sie hier",
    "lesen sie mehr",
    "lies auch",
    "auch lesen",
    "auch interessant",
    "auch auf",
    "mehr zum thema",
    "mehr themen",
    "weitere artikel",
    "zum weiterlesen",
    "passend zum thema",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "das könnte ihnen auch gefallen",
    "nachfolgebeitrag",
    "vorgängerbeitrag",
    // French
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    // Spanish, Portuguese, Italian
    "le puede interesar",
    "te puede interesar",
    "también te puede interesar",
    "puedes ver",
    "lee también",
    "lea también",
    "mire",
    "otras noticias",
    "noticias relacionadas",
    "más información",
    "te recomendamos",
    "leia também",
    "leggi anche",
    "potrebbe interessarti",
    // Dutch, Polish, Czech
    "lees ook",
    "czytaj też",
    "czytaj także",
    "czytaj również",
    "przeczytaj też",
    "przeczytaj także",
    "zobacz też",
    "zobacz także",
    "dowiedz się więcej",
    "čtěte také",
    "přečtěte si také",
];

/// The letters and digits of the longest [`READ_ALSO`] or [`SEE_ALSO`] label, at most.
const MAX_LABEL: usize = 40;

/// Cross-references ("See also"): a lead-in only when followed by links in the same block,
/// since a "See also" section of links belongs to an encyclopedic article.
const SEE_ALSO: &[&str] = &[
    "see also",
    "siehe auch",
    "voir aussi",
    "ver también",
    "vea también",
    "veja também",
    "vedi anche",
    "zie ook",
];

/// The letters and digits of the [`READ_ALSO`] (or, with `see_also`, [`SEE_ALSO`]) label
/// `text` starts with (whole words).
fn read_also_label(text: &str, see_also: bool) -> Option<usize> {
    // Labels are short: normalise only the start of the text.
    let head = match text.char_indices().nth(48) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let n = norm(head);
    let extra: &[&str] = if see_also { SEE_ALSO } else { &[] };
    READ_ALSO
        .iter()
        .chain(extra)
        .filter(|l| {
            n.strip_prefix(**l)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .map(|l| l.chars().filter(|c| c.is_alphanumeric()).count())
        .max()
}

/// The unlinked text at the start of `content` (up to its first link, or all of it), and the
/// letters and digits linked after it; `None` when it does not end with a delimiter (":",
/// "»", a line break, the end of an emphasis) before that link: "Read [more about it]" is a
/// sentence, "Read more: [Title]" a lead-in.
fn lead_text(content: &[Inline]) -> Option<(String, usize)> {
    let mut plain = String::new();
    let mut linked = 0;
    // Depth-first over the inlines, in order; `closed` is set when an emphasis ends.
    let mut work: Vec<Option<&Inline>> = content.iter().rev().map(Some).collect();
    let mut in_lead = true;
    let mut delimited = false;
    while let Some(next) = work.pop() {
        let Some(i) = next else {
            if in_lead {
                delimited = true;
            }
            continue;
        };
        match i {
            Inline::Text { text } | Inline::Code { text } => {
                if in_lead {
                    // [`read_also_label`] reads the first 48 characters: 192 bytes hold them.
                    if plain.len() < 192 {
                        plain.push_str(text);
                    }
                    let t = text.trim_end();
                    if !t.is_empty() {
                        delimited = t.ends_with([':', '»', '>', '|', '–', '-']);
                    }
                }
            }
            Inline::LineBreak => {
                if in_lead {
                    plain.push(' ');
                    delimited = true;
                }
            }
            Inline::Emphasis { content } | Inline::Strong { content } => {
                work.push(None);
                work.extend(content.iter().rev().map(Some));
            }
            Inline::Link { content, .. } => {
                if in_lead && !delimited {
                    return None;
                }
                in_lead = false;
                linked += link_chars(content).1;
            }
            Inline::Image { .. } => {}
        }
    }
    Some((plain, linked))
}

/// The target of `content` when it is one link and nothing else (blank text aside).
fn only_link(content: &[Inline]) -> Option<&str> {
    let mut found = None;
    for i in content {
        match i {
            Inline::Link { href, .. } if found.is_none() => found = Some(href.as_str()),
            Inline::Text { text } if text.trim().is_empty() => {}
            _ => return None,
        }
    }
    found
}

/// Whether `b` is a list of one item that is a link and nothing else: a pointer to another
/// story set between the paragraphs of the text.
fn lone_link_item(b: &Block) -> bool {
    let Block::List { items, .. } = b else {
        return false;
    };
    let [item] = items.as_slice() else {
        return false;
    };
    let [Block::Paragraph { content }] = item.as_slice() else {
        return false;
    };
    let (linked, all) = link_chars(content);
    all >= 20 && linked == all
}

/// Removes teasers for other pages set inside the text: a heading that is one link, followed
/// by a paragraph that ends with a link to the same page ("[Headline] / Summary … [more]").
fn drop_teaser_pairs(blocks: &mut Vec<Block>) {
    let mut keep = vec![true; blocks.len()];
    for i in 1..blocks.len().saturating_sub(1) {
        if lone_link_item(&blocks[i])
            && matches!(blocks[i - 1], Block::Paragraph { .. })
            && matches!(blocks[i + 1], Block::Paragraph { .. })
        {
            keep[i] = false;
        }
    }
    for i in 1..blocks.len() {
        let (Block::Heading { content: h, .. }, Block::Paragraph { content: p }) =
            (&blocks[i - 1], &blocks[i])
        else {
            continue;
        };
        let Some(target) = only_link(h).filter(|t| !t.is_empty()) else {
            continue;
        };
        let last = p
            .iter()
            .rev()
            .find(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()));
        if matches!(last, Some(Inline::Link { href, .. }) if href == target) {
            keep[i - 1] = false;
            keep[i] = false;
        }
    }
    retain_kept(blocks, keep);
}

/// Whether `b` is a short line that is no sentence (a few words, no full stop): one of the
/// labels of widgets left without their content ("Kommentierte Artikel").
fn short_label_line(b: &Block) -> bool {
    let Block::Paragraph { content } = b else {
        return false;
    };
    let (_, all) = link_chars(content);
    let mut words = 0;
    let mut stop = false;
    for i in content {
        if let Inline::Text { text } = i {
            words += text.split_whitespace().count();
            stop |= text.contains(['.', '!', '?']);
        }
    }
    all <= 40 && words <= 4 && !stop
}

/// Whether `b` is one of the links a read-also label introduces: a list of links or a
/// paragraph of links.
fn introduced_links(b: &Block) -> bool {
    match b {
        Block::Paragraph { content } => {
            let (linked, all) = link_chars(content);
            all > 0 && linked * 10 >= all * 8
        }
        Block::List { items, .. } => {
            let (mut linked, mut all) = (0, 0);
            for item in items {
                for b in item {
                    if let Block::Paragraph { content } | Block::Heading { content, .. } = b {
                        let (l, a) = link_chars(content);
                        linked += l;
                        all += a;
                    }
                }
            }
            all > 0 && linked * 2 >= all
        }
        _ => false,
    }
}

/// Removes the links to other articles that a read-also label leads in: a paragraph or
/// heading that starts with a [`READ_ALSO`] label and is otherwise mostly a link ("Czytaj
/// też: <a>…</a>"), or the label alone with the lists and paragraphs of links after it (or
/// nothing but a heading or the end after it). Quotes are searched too.
fn drop_read_also(blocks: &mut Vec<Block>) {
    let mut keep = vec![true; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let content = match &mut blocks[i] {
            Block::Heading { content, .. } | Block::Paragraph { content } => &*content,
            Block::Quote { blocks: inner } => {
                drop_read_also(inner);
                if inner.is_empty() {
                    keep[i] = false;
                }
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // What the tests below can accept at all, from the counts alone (most paragraphs are
        // neither short nor mostly links): no label is longer than [`MAX_LABEL`].
        // A block without links is a label only if short: its letters are counted up to
        // just past the longest that passes, not to its end.
        let (linked_all, all) = if has_link(content) {
            link_chars(content)
        } else {
            (0, letters_past(content, MAX_LABEL + 15))
        };
        let mostly_link = linked_all * 10 >= all.saturating_sub(MAX_LABEL) * 6;
        let short = linked_all == 0 && all <= MAX_LABEL + 15;
        if !mostly_link && !short {
            i += 1;
            continue;
        }
        let Some((plain, linked)) = lead_text(content) else {
            i += 1;
            continue;
        };
        let heading = matches!(blocks[i], Block::Heading { .. });
        if read_also_label(&plain, true).is_some_and(|label| {
            let rest = all.saturating_sub(label);
            rest >= 10 && linked * 10 >= rest * 6
        }) {
            keep[i] = false;
        } else if linked == 0
            && read_also_label(&plain, false).is_some_and(|label| all.saturating_sub(label) <= 15)
        {
            let mut j = i + 1;
            while blocks.get(j).is_some_and(introduced_links) {
                j += 1;
            }
            let after = blocks.get(j);
            // A heading that is the label and nothing else ("Lesen Sie auch") titles links
            // even when they were left out as boilerplate and article text follows; so does
            // a label followed only by other short label lines up to the end.
            let bare_heading = heading && read_also_label(&plain, false) == Some(all);
            if blocks[j..].iter().all(short_label_line) {
                j = blocks.len();
            }
            if j > i + 1
                || bare_heading
                || matches!(
                    after,
                    None | Some(Block::Heading { .. } | Block::Rule | Block::Figure { .. })
                )
            {
                for k in keep.iter_mut().take(j).skip(i) {
                    *k = false;
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    retain_kept(blocks, keep);
}

/// Words of a call to follow, subscribe or download ("Follow us on …", "Subscribe to our
/// newsletter"), in the form of [`norm`].
const CALL_VERBS: &[&str] = &[
    "follow",
    "subscribe",
    "download",
    "signing",
    "sign",
    "join",
    "submit",
    "get",
    "folge",
    "folgen",
    "abonnieren",
    "abonniere",
    "abonnez",
    "suivez",
    "téléchargez",
    "síguenos",
    "suscríbete",
    "únete",
    "descarga",
    "seguici",
    "iscriviti",
    "scarica",
    "zapraszamy",
    "obserwuj",
    "pobierz",
];

/// What such a call is about: an app, a channel, an edition, the letters page.
const CALL_OBJECTS: &[&str] = &[
    "app",
    "apps",
    "newsletter",
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "whatsapp",
    "youtube",
    "tiktok",
    "linkedin",
    "edition",
    "letter",
    "ausgabe",
    "kanal",
    "canal",
    "subskrypcji",
    "prenumeraty",
];

/// Words that open a link back to a list of posts, in the form of [`norm`].
const BACK_WORDS: &[&str] = &[
    "zurück", "back", "retour", "volver", "indietro", "powrót", "terug",
];

/// Phrases of a copyright or reprint notice.
const COPYRIGHT: &[&str] = &[
    "copyright",
    "copyrighted",
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "wszelkie prawa zastrzeżone",
];

/// Whether a paragraph is a notice printed after the article: a short call to follow the
/// site, subscribe to it or download its app, or a copyright notice.
fn is_trailing_notice(b: &Block) -> bool {
    let Block::Paragraph { content } = b else {
        return false;
    };
    let mut s = String::new();
    inline_text(content, &mut s);
    if s.len() > 400 {
        return false;
    }
    let n = norm(&s);
    // A link back to the list the post was opened from ("zurück", "zurück zur Übersicht").
    if n.split(' ').count() <= 4 && n.split(' ').next().is_some_and(|w| BACK_WORDS.contains(&w)) {
        return true;
    }
    let has = |words: &[&str]| n.split(' ').any(|w| words.contains(&w));
    if s.trim_start().starts_with('©')
        || COPYRIGHT.iter().any(|p| {
            n.match_indices(p).any(|(i, _)| {
                (i == 0 || n.as_bytes()[i - 1] == b' ')
                    && n[i + p.len()..].chars().next().is_none_or(|c| c == ' ')
            })
        })
    {
        return true;
    }
    // The call opens the notice: "Lucas Nolan is a reporter … Follow him on Twitter" is an
    // author's note.
    s.len() <= 300 && n.split(' ').take(12).any(|w| CALL_VERBS.contains(&w)) && has(CALL_OBJECTS)
}

/// Whether `b` is a short heading: a label ("Related", "Authors:"), not a sentence.
fn is_short_heading(b: &Block) -> bool {
    let Block::Heading { content, .. } = b else {
        return false;
    };
    let mut s = String::new();
    inline_text(content, &mut s);
    s.split_whitespace().count() <= 8
}

/// Removes the notices that close a post ([`is_trailing_notice`]) and the headings left
/// with nothing after them ("Related", "Authors:"), from the end of the body.
fn drop_trailing_notices(blocks: &mut Vec<Block>) {
    while blocks.len() > 2
        && blocks.last().is_some_and(|b| {
            matches!(b, Block::Rule) || is_short_heading(b) || is_trailing_notice(b)
        })
    {
        blocks.pop();
    }
}

/// Words that label an advertisement or a sponsored post ("ANZEIGE", "- Anzeige -",
/// "*Werbung.", "Advertisement").
const AD_LABELS: &[&str] = &[
    "anzeige",
    "werbung",
    "advertisement",
    "advertising",
    "sponsored",
    "publicidad",
    "publicité",
    "pubblicità",
    "reklama",
    "advertentie",
];

/// Whether the text `s` of a paragraph or heading opens with an advertisement label set
/// off by punctuation (or is the label alone): "ANZEIGE - Heute mal ausgehen?", "*Werbung.
/// Dieser Beitrag enthält Werbung für …". "Werbung ist überall" is a sentence.
fn is_ad_label(s: &str) -> bool {
    if s.len() > 120 {
        return false;
    }
    let t = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let (word, rest) = t.split_at(t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len()));
    let word = word.to_lowercase();
    if !AD_LABELS.contains(&word.as_str()) {
        return false;
    }
    let rest = rest.trim_start();
    rest.is_empty() || rest.starts_with(['-', '–', '—', ':', '.', '|', '*', ')', ']', '»'])
}

/// Labels that open a photo credit printed under an image ("(Credit: …)", "Foto: …").
const CREDIT_LABELS: &[&str] = &[
    "credit",
    "credits",
    "photo",
    "photos",
    "foto",
    "fotos",
    "bild",
    "image",
    "source",
    "quelle",
    "copyright",
];

/// Removes the photo credits from the short caption paragraphs printed right after an
/// image: a paragraph that is a credit ("(Credit: A. Smith / Agency)", "© Agency") is left
/// out, and a caption that ends with one ("Ski star Marco O. © AFP / M. B.") loses it.
fn drop_photo_credits(blocks: &mut Vec<Block>) {
    let mut keep = vec![true; blocks.len()];
    for i in 1..blocks.len() {
        if !matches!(blocks[i - 1], Block::Figure { .. }) {
            continue;
        }
        let Block::Paragraph { content } = &mut blocks[i] else {
            continue;
        };
        let mut s = String::new();
        inline_text(content, &mut s);
        if s.len() > 250 {
            continue;
        }
        let t = s.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
        let (word, rest) = t.split_at(t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len()));
        let word = word.to_lowercase();
        if t.starts_with('©')
            || CREDIT_LABELS.contains(&word.as_str()) && rest.trim_start().starts_with(':')
        {
            keep[i] = false;
            continue;
        }
        // A credit at the end of the caption, in its last text run.
        let Some(pos) = content
            .iter()
            .rposition(|x| matches!(x, Inline::Text { text } if text.contains('©')))
        else {
            continue;
        };
        content.truncate(pos + 1);
        if let Some(Inline::Text { text }) = content.last_mut()
            && let Some(cut) = text.rfind('©')
        {
            text.truncate(cut);
            let kept = text
                .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '/'))
                .len();
            text.truncate(kept);
        }
        content.retain(|x| !matches!(x, Inline::Text { text } if text.is_empty()));
        if content.is_empty() {
            keep[i] = false;
        }
    }
    retain_kept(blocks, keep);
}

/// Labels of the metadata lines a template prints around the article ("Aktualisiert:
/// 11.04.2020", "Von: A. Author", "Category: Press Releases"), in lower case.
const META_LABELS: &[&str] = &[
    "aktualisiert",
    "zuletzt aktualisiert",
    "publiziert",
    "veröffentlicht",
    "erstellt",
    "updated",
    "last updated",
    "published",
    "posted",
    "posted on",
    "release date",
    "news date",
    "beitragsbild",
    "titelbild",
    "bildquelle",
    "featured image",
    "header image",
    "image credit",
    "photo credit",
    "date",
    "datum",
    "von",
    "autor",
    "autorin",
    "autoren",
    "author",
    "authors",
    "category",
    "categories",
    "kategorie",
    "kategorien",
    "rubrik",
    "filed under",
    "tags",
    "schlagwörter",
    "actualizado",
    "publicado",
    "mis à jour",
    "publié le",
    "aggiornato",
    "pubblicato",
    "opublikowano",
];

/// Whether the text `s` of a paragraph is a short metadata line: a [`META_LABELS`] label, a
/// colon and a date, a name or a category.
fn is_meta_line(s: &str) -> bool {
    let t = s.trim();
    if t.len() > 80 {
        return false;
    }
    let Some(colon) = t.find(':').filter(|&c| c <= 24) else {
        return false;
    };
    let label = t[..colon].trim().to_lowercase();
    META_LABELS.contains(&label.as_str())
}

/// Whether the paragraph text `s` is nothing but a domain name, the source line a syndicated
/// story ends with ("BVINEWS.COM", "www.example.org").
fn is_domain_line(s: &str) -> bool {
    let t = s.trim();
    if t.len() > 60 || t.contains(char::is_whitespace) {
        return false;
    }
    let Some((host, tld)) = t.rsplit_once('.') else {
        return false;
    };
    !host.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && host.chars().any(|c| c.is_ascii_alphabetic())
}

/// Phrases of the rating and comment widgets a template prints under the article ("(Noch
/// keine Bewertungen)", "Hier können Sie den Artikel bewerten", "No comments yet"), in the
/// form of [`norm`].
const WIDGET_PHRASES: &[&str] = &[
    "noch keine bewertungen",
    "keine bewertungen",
    "artikel bewerten",
    "beitrag bewerten",
    "no ratings yet",
    "rate this article",
    "rate this post",
    "keine kommentare",
    "no comments yet",
    "be the first to comment",
    "leave a comment",
    "kommentar schreiben",
    "kommentar verfassen",
    "sin comentarios",
    "aucun commentaire",
    "brak komentarzy",
    "log in to comment",
    "sign in to comment",
    "loggen sie sich",
];

/// Words that say the reader is not logged in ("Sie sind aktuell nicht eingeloggt").
const LOGIN_WORDS: &[&str] = &["eingeloggt", "einloggen", "logged", "zalogowany", "zaloguj"];

/// Whether the text `s` of a paragraph (`n` in the form of [`norm`]) is a short line of a
/// rating or comment widget, or a note that the reader must log in.
fn is_widget_line(s: &str, n: &str, hits: u8) -> bool {
    s.len() <= 160 && (hits & HIT_WIDGET != 0 || n.split(' ').any(|w| LOGIN_WORDS.contains(&w)))
}

/// Phrases of the disclaimers and disclosures printed with a post ("… gibt die Meinung des
/// Autors wieder", "… is not responsible for the opinions …", "This post contains
/// references to products from our advertisers"), in the form of [`norm`].
const DISCLAIMERS: &[&str] = &[
    "gibt die meinung des autors wieder",
    "gibt die meinung der autorin wieder",
    "is not responsible for the opinions",
    "do not necessarily reflect",
    "does not necessarily reflect",
    "no necesariamente reflejan",
    "products from one or more of our advertisers",
    "we may receive compensation",
    "contains affiliate links",
    "enthält affiliate links",
    "ggf eine provision",
    "provision vom händler",
];

/// Whether the text `s` of a paragraph (`n` in the form of [`norm`]) is a short disclaimer
/// or an advertising disclosure.
fn is_disclaimer(s: &str, hits: u8) -> bool {
    s.len() <= 400 && hits & HIT_DISCLAIMER != 0
}

/// Phrases of an appeal for members, donations or sign-ups printed in the middle of a post
/// ("HAZTE MIEMBRO Y DISFRUTA …", "Cancela cuando quieras", "Become a member"), in the form
/// of [`norm`].
const APPEALS: &[&str] = &[
    "hazte miembro",
    "hazte socio",
    "cancela cuando quieras",
    "cancela en cualquier momento",
    "apoya el periodismo",
    "become a member",
    "cancel anytime",
    "cancel at any time",
    "support independent journalism",
    "support our journalism",
    "jederzeit kündbar",
    "jetzt mitglied werden",
    "werden sie mitglied",
    "unterstützen sie unabhängigen journalismus",
    "soutenez notre journalisme",
    "sostieni il giornalismo",
    "wesprzyj nas",
];

/// Whether the text `s` of a paragraph (`n` in the form of [`norm`]) is a short appeal to
/// become a member or donate (the whole box, up to 600 bytes, with its lines joined by breaks),
/// or a line calling to sign up for the newsletter, which must open with its verb ("Never miss the latest news by signing up to our newsletter").
fn is_appeal(s: &str, n: &str, hits: u8) -> bool {
    if s.len() > 600 {
        return false;
    }
    hits & HIT_APPEAL != 0
        || (s.len() <= 200
            && n.split(' ').take(12).any(|w| CALL_VERBS.contains(&w))
            && n.split(' ').any(|w| w == "newsletter"))
}

/// [`phrase_hits`]: a [`WIDGET_PHRASES`] phrase stands as whole words.
const HIT_WIDGET: u8 = 1;
/// [`phrase_hits`]: a [`DISCLAIMERS`] phrase stands anywhere.
const HIT_DISCLAIMER: u8 = 2;
/// [`phrase_hits`]: an [`APPEALS`] phrase stands as whole words.
const HIT_APPEAL: u8 = 4;

/// One automaton over the widget, disclaimer and appeal phrases, in that order. The phrases
/// and the text they are sought in are both in the form of [`norm`] (no ASCII capitals), so
/// the automaton is case-sensitive: fewer byte classes than a case-insensitive one, and a
/// cheaper build.
static LINE_PHRASES: LazyLock<crate::text::Keywords> = LazyLock::new(|| {
    crate::text::exact_keywords(WIDGET_PHRASES.iter().chain(DISCLAIMERS).chain(APPEALS))
});

/// Which of the phrase lists of the template lines occur in the [`norm`]ed text `n`, read in
/// one pass: [`HIT_WIDGET`], [`HIT_DISCLAIMER`], [`HIT_APPEAL`].
fn phrase_hits(n: &str) -> u8 {
    let b = n.as_bytes();
    let mut hits = 0;
    crate::text::each_match(&LINE_PHRASES, n, |p, start| {
        let (bit, len) = if p < WIDGET_PHRASES.len() {
            (HIT_WIDGET, WIDGET_PHRASES[p].len())
        } else if p < WIDGET_PHRASES.len() + DISCLAIMERS.len() {
            hits |= HIT_DISCLAIMER;
            return;
        } else {
            (
                HIT_APPEAL,
                APPEALS[p - WIDGET_PHRASES.len() - DISCLAIMERS.len()].len(),
            )
        };
        let end = start + len;
        if (start == 0 || b[start - 1] == b' ') && b.get(end).is_none_or(|&c| c == b' ') {
            hits |= bit;
        }
    });
    hits
}

/// Removes the short lines of the template that [`is_ad_label`], [`is_meta_line`],
/// [`is_widget_line`] and [`is_disclaimer`] recognise; the text of each block is read once.
fn drop_short_lines(blocks: &mut Vec<Block>) {
    blocks.retain(|b| {
        let (Block::Paragraph { content } | Block::Heading { content, .. }) = b else {
            return true;
        };
        let mut s = String::new();
        inline_text(content, &mut s);
        if is_ad_label(&s) {
            return false;
        }
        if !matches!(b, Block::Paragraph { .. }) || s.len() > 600 {
            return true;
        }
        if s.len() <= 400 && (is_meta_line(&s) || is_domain_line(&s)) {
            return false;
        }
        let n = norm(&s);
        let hits = phrase_hits(&n);
        !is_widget_line(&s, &n, hits) && !is_disclaimer(&s, hits) && !is_appeal(&s, &n, hits)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`LINE_PHRASES`] is case-sensitive and searches [`norm`]ed text: a phrase not in that
    /// form (a capital, punctuation, a double space) could never match.
    #[test]
    fn line_phrases_are_in_norm_form() {
        for p in WIDGET_PHRASES.iter().chain(DISCLAIMERS).chain(APPEALS) {
            assert_eq!(norm(p), *p);
        }
    }

    #[test]
    fn inline_len_is_the_length_of_inline_text() {
        let content = vec![
            Inline::text("Grüße, "),
            Inline::Emphasis {
                content: vec![
                    Inline::text("nested "),
                    Inline::Link {
                        href: "https://example.org/".into(),
                        content: vec![Inline::text("link")],
                    },
                ],
            },
            Inline::LineBreak,
            Inline::Code {
                text: "x = 1".into(),
            },
        ];
        let mut s = String::new();
        inline_text(&content, &mut s);
        assert_eq!(inline_len(&content), s.len());
    }

    #[test]
    fn norm_reads_ascii_as_chars() {
        let slow = |s: &str| {
            let mut out = String::new();
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
        };
        for s in [
            "",
            "  Hello, World! 42x ",
            "ÄÖÜ straße İstanbul ΣΑΣ Ǆ",
            "déjà-vu\u{a0}(ÉTÉ) ½ ² ٣",
            "--a--",
        ] {
            assert_eq!(norm(s), slow(s), "{s:?}");
        }
    }

    #[test]
    fn labels_fit_max_label() {
        for l in READ_ALSO.iter().chain(SEE_ALSO) {
            assert!(
                l.chars().filter(|c| c.is_alphanumeric()).count() <= MAX_LABEL,
                "{l}"
            );
        }
    }

    #[test]
    fn link_chars_count_letters_and_digits_at_any_depth() {
        for t in ["", "a1 ,.-", "Łódź – 3½ km", "x\u{a0}é中文!"] {
            let slow = t.chars().filter(|c| c.is_alphanumeric()).count();
            assert_eq!(alphanumeric_chars(t), slow, "{t:?}");
        }
        let text = |t: &str| Inline::Text { text: t.into() };
        let content = vec![
            text("Read: "),
            Inline::Emphasis {
                content: vec![Inline::Link {
                    content: vec![
                        text("Zürich 2"),
                        Inline::Strong {
                            content: vec![text("ab")],
                        },
                    ],
                    href: String::new(),
                }],
            },
            Inline::Strong {
                content: vec![text("c d")],
            },
        ];
        assert_eq!(link_chars(&content), (9, 15));
        assert_eq!(letters_past(&content, 100), 15);
        assert_eq!(letters_past(&content, 15), 15);
        assert_eq!(letters_past(&content, 14), 15);
        assert_eq!(letters_past(&content, 3), 4);
    }

    #[test]
    fn phrase_hits_need_whole_words() {
        assert_eq!(phrase_hits("noch keine bewertungen"), HIT_WIDGET);
        assert_eq!(phrase_hits("xkeine bewertungenx"), 0);
        assert_eq!(phrase_hits("jetzt hazte miembro y"), HIT_APPEAL);
        assert_eq!(phrase_hits("jetzt hazte miembros"), 0);
        assert_eq!(
            phrase_hits("views do not necessarily reflecting"),
            HIT_DISCLAIMER
        );
    }
}
