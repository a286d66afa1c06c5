//! Per-node statistics and the choice of the article's containers.
//!
//! Every walk here is iterative (`Document::traverse`), and all per-node data lives in a few
//! vectors indexed by arena position: allocation is per page, not per node.

use super::classify::{self, Verdict};
use crate::dom::{Document, Edge, Element, NodeData, NodeId, kind};
use html5ever::local_name;

/// Node flag: never rendered.
pub(crate) const HIDDEN: u16 = 1;
/// Node flag: boilerplate by name, role or tag.
pub(crate) const JUNK: u16 = 2;
/// Node flag: a CMS content container.
pub(crate) const MARKER: u16 = 4;
/// Node flag: dropped by conditional cleaning inside the content.
pub(crate) const REMOVED: u16 = 8;
/// Node flag: reached by the statistics walk (not inside a hidden or junk subtree).
pub(crate) const SEEN: u16 = 16;
/// Node flag: holds a content score.
pub(crate) const SCORED: u16 = 32;
/// Node flag: a reader-comment section.
pub(crate) const COMMENTS: u16 = 64;
/// Node flag: holds the best-scored candidate or the content marker, so never cleaned away.
pub(crate) const KEEP: u16 = 128;
/// Node flag: a section titled by a heading named as teasers ("related", "recommended"):
/// boilerplate whatever its size.
pub(crate) const TEASERS: u16 = 256;
/// Node flag: an embedded social post (`blockquote.twitter-tweet`, `instagram-media`): quoted
/// in the article, so its wrappers are neither boilerplate by name nor cleaned away.
pub(crate) const POST: u16 = 512;
/// Node flag: inside a recipe's ingredients or steps, whose short lines with shop links on
/// ingredient names and tick boxes are content: conditional cleaning allows them more link
/// text and ignores the inputs there.
pub(crate) const RECIPE: u16 = 1024;

/// Counts over the visible text of a subtree.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stat {
    /// Non-space characters of text.
    pub(crate) text: u32,
    /// Of which inside links.
    pub(crate) link: u32,
    /// Commas.
    pub(crate) commas: u32,
    /// Text owned directly (not inside a nested block element).
    pub(crate) own: u32,
    /// Commas in the owned text.
    pub(crate) own_commas: u32,
    /// `<p>` elements.
    pub(crate) paras: u32,
    /// `<img>` elements.
    pub(crate) imgs: u32,
    /// `<li>` elements.
    pub(crate) lis: u32,
    /// Form inputs.
    pub(crate) inputs: u32,
    /// Text inside headings.
    pub(crate) heading: u32,
    /// Embedded frames and objects.
    pub(crate) embeds: u32,
    /// Content markers, embedded posts and the title heading (self included).
    pub(crate) markers: u32,
    /// Non-space characters of text, boilerplate included (hidden elements excluded).
    pub(crate) raw: u32,
}

impl Stat {
    fn add(&mut self, o: &Stat) {
        self.text += o.text;
        self.link += o.link;
        self.commas += o.commas;
        self.paras += o.paras;
        self.imgs += o.imgs;
        self.lis += o.lis;
        self.inputs += o.inputs;
        self.heading += o.heading;
        self.embeds += o.embeds;
        self.markers += o.markers;
    }

    /// Share of the text inside links.
    pub(crate) fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }
}

/// Options of one extraction attempt.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mode {
    /// Drop elements named as boilerplate.
    pub(crate) strip_junk: bool,
    /// Drop containers whose statistics look like boilerplate.
    pub(crate) clean: bool,
}

/// What [`Analysis::lead_walk`] does after visiting an element.
enum Visit<T> {
    /// End the walk with this answer.
    Found(Option<T>),
    /// Do not go into the element's subtree.
    Skip,
    /// Go on into the subtree.
    Next,
}

/// How many nodes a lead search reads before it gives up: the lead stands near the top.
const LEAD_WALK_STEPS: u32 = 300;

/// What the walks learnt about a page.
pub(crate) struct Analysis<'d> {
    pub(crate) doc: &'d Document,
    pub(crate) flags: Vec<u16>,
    pub(crate) weight: Vec<i8>,
    pub(crate) stats: Vec<Stat>,
    pub(crate) score: Vec<f32>,
    /// The nodes holding a score, in the order they got one.
    pub(crate) scored: Vec<NodeId>,
    /// The `<body>` (or the document when there is none).
    pub(crate) body: NodeId,
    /// Text of the whole body, boilerplate included.
    pub(crate) body_raw: u32,
    /// The page's title heading: the first visible `<h1>` with text outside links.
    pub(crate) title_h1: Option<NodeId>,
    /// The embedded social posts ([`POST`]).
    pub(crate) posts: Vec<NodeId>,
    /// The outermost elements naming a recipe's ingredients or steps
    /// ([`classify::Verdict::recipe_part`]).
    pub(crate) recipe_parts: Vec<NodeId>,
    /// [`count_text`] of every text node [`Self::classify_all`] read (by node index,
    /// [`NOT_COUNTED`] for the others): kept for [`Self::count`] and [`Self::clean`], which
    /// would otherwise count the same text again.
    text_counts: Vec<(u32, u32)>,
}

/// The [`kind`] bits of the elements that start a new block, whose text is not the parent's
/// own text: block tags (`<li>` and `<figure>` among them), `<br>` and `<img>`.
const CONTENT_BLOCK: u8 = kind::BLOCK | kind::BR | kind::IMG;

/// A text node [`Analysis::classify_all`] did not reach.
const NOT_COUNTED: (u32, u32) = (u32::MAX, u32::MAX);

/// Non-whitespace characters and commas of `s` (as `char::is_whitespace` over `s.chars()`).
/// Runs of ASCII are read 8 bytes at a time; other characters are decoded.
fn count_text(s: &str) -> (u32, u32) {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte of `x` (all ASCII) that equals `c`.
    let eq = |x: u64, c: u8| {
        let t = x ^ (LO * u64::from(c));
        !(((t & !HI) + !HI) | t) & HI
    };
    let b = s.as_bytes();
    let mut n = 0u32;
    let mut commas = 0u32;
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let x = u64::from_le_bytes(w);
            if x & HI == 0 {
                // Bytes 9..=13: at least 9 and not at least 14.
                let controls = (x + LO * 0x77) & !(x + LO * 0x72) & HI;
                // Bytes flagged in a mask: its high bits moved to the low bits, summed into the
                // top byte by one multiplication (no popcount instruction on baseline x86-64).
                let flagged = |m: u64| ((m >> 7).wrapping_mul(LO) >> 56) as u32;
                let spaces = flagged(eq(x, b' ') | controls);
                n = n.saturating_add(8 - spaces);
                commas = commas.saturating_add(flagged(eq(x, b',')));
                i += 8;
                continue;
            }
        }
        let c = b[i];
        if c < 0x80 {
            i += 1;
            if !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                n = n.saturating_add(1);
                commas = commas.saturating_add(u32::from(c == b','));
            }
            continue;
        }
        let Some(ch) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += ch.len_utf8();
        if !ch.is_whitespace() {
            n = n.saturating_add(1);
            if matches!(ch, '،' | '，' | '、') {
                commas = commas.saturating_add(1);
            }
        }
    }
    (n, commas)
}

impl<'d> Analysis<'d> {
    /// Classifies every element and counts the text of the page.
    pub(crate) fn new(doc: &'d Document, mode: Mode) -> Analysis<'d> {
        let n = doc.len();
        let mut a = Analysis {
            doc,
            flags: vec![0; n],
            weight: vec![0; n],
            stats: vec![Stat::default(); n],
            score: vec![0.0; n],
            scored: Vec::new(),
            body: doc.html_child("body").unwrap_or(NodeId::DOCUMENT),
            body_raw: 0,
            title_h1: None,
            posts: Vec::new(),
            recipe_parts: Vec::new(),
            text_counts: Vec::new(),
        };
        a.text_counts = a.classify_all();
        a.body_raw = a.stats[a.body.index()].raw;
        a.count(mode);
        a
    }

    /// [`count_text`] of text node `n` with text `t`: the count [`Self::classify_all`] kept,
    /// or counted now.
    fn text_count(&self, n: NodeId, t: &str) -> (u32, u32) {
        match self.text_counts.get(n.index()) {
            Some(&c) if c != NOT_COUNTED => c,
            _ => count_text(t),
        }
    }

    /// Classifies the elements and sums the raw text under each; returns [`count_text`] of
    /// every text node read (by node index, [`NOT_COUNTED`] for the others).
    fn classify_all(&mut self) -> Vec<(u32, u32)> {
        let doc = self.doc;
        let mut text_counts = vec![NOT_COUNTED; doc.len()];
        let mut memo = crate::text::memo();
        // The title is the first visible `<h1>` with text outside links (a logo or a teaser
        // headline is all link): the open candidate, whether it has such text, and the
        // number of open links.
        let mut h1: Option<NodeId> = None;
        let mut h1_text = false;
        let mut links = 0u32;
        let mut walk = doc.traverse(NodeId::DOCUMENT);
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(n) => {
                    if let Some(t) = doc.text(n) {
                        let counted = count_text(t);
                        text_counts[n.index()] = counted;
                        if h1.is_some() && links == 0 && counted.0 > 0 {
                            h1_text = true;
                        }
                        if let Some(p) = doc.parent(n) {
                            self.stats[p.index()].raw += counted.0;
                        }
                        continue;
                    }
                    let Some(e) = doc.element(n) else { continue };
                    let v: Verdict = classify::classify(e, &mut memo);
                    let i = n.index();
                    let mut f = 0;
                    if v.hidden {
                        f |= HIDDEN;
                    }
                    if v.junk {
                        f |= JUNK;
                    }
                    if v.comments {
                        f |= COMMENTS;
                    }
                    if v.content_marker {
                        f |= MARKER;
                        if !v.junk {
                            self.stats[i].markers += 1;
                        }
                    }
                    if v.social_post {
                        f |= POST;
                        self.stats[i].markers += 1;
                        self.posts.push(n);
                    }
                    if v.recipe_part
                        && !v.hidden
                        && self
                            .recipe_parts
                            .last()
                            .is_none_or(|&r| !doc.ancestors(n).any(|x| x == r))
                    {
                        self.recipe_parts.push(n);
                    }
                    self.flags[i] = f;
                    if v.teasers_title
                        && let Some(p) = doc.parent(n)
                        && first_child(doc, p) == Some(n)
                    {
                        self.flags[p.index()] |= JUNK | TEASERS;
                    }
                    self.weight[i] = v.weight.clamp(-100, 100) as i8;
                    if v.hidden {
                        walk.skip_children();
                    } else if e.name.local == local_name!("a") {
                        links += 1;
                    } else if e.name.local == local_name!("h1")
                        && h1.is_none()
                        && self.title_h1.is_none()
                    {
                        h1 = Some(n);
                        h1_text = false;
                    }
                }
                Edge::Close(n) => {
                    if self.flags[n.index()] & HIDDEN == 0
                        && doc
                            .element(n)
                            .is_some_and(|e| e.name.local == local_name!("a"))
                    {
                        links = links.saturating_sub(1);
                    }
                    if h1 == Some(n) {
                        h1 = None;
                        if h1_text {
                            self.title_h1 = Some(n);
                            self.stats[n.index()].markers += 1;
                        }
                    }
                    if let Some(p) = doc.parent(n) {
                        let m = self.stats[n.index()].markers;
                        let r = self.stats[n.index()].raw;
                        self.stats[p.index()].markers += m;
                        self.stats[p.index()].raw += r;
                    }
                }
            }
        }
        text_counts
    }

    /// Whether the junk flag of `n` applies: not when it holds a content marker or the title
    /// heading.
    pub(crate) fn is_junk(&self, n: NodeId) -> bool {
        self.stats[n.index()].markers == 0 && self.named_junk(n)
    }

    /// Whether `n` is boilerplate by name, role or tag, whatever it holds (but not when it
    /// is a wrapper of most of the page's text).
    fn named_junk(&self, n: NodeId) -> bool {
        let i = n.index();
        self.flags[i] & JUNK != 0
            && n != self.body
            && (self.flags[i] & (COMMENTS | TEASERS) != 0
                || !matches!(
                    self.doc.tag(n),
                    "div" | "section" | "main" | "article" | "form"
                )
                || u64::from(self.stats[i].raw) * 5 < u64::from(self.body_raw) * 2)
    }

    fn count(&mut self, mode: Mode) {
        let doc = self.doc;
        let mut blocks: Vec<NodeId> = Vec::new();
        let mut walk = doc.traverse(self.body);
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(n) => match &doc.node(n).data {
                    NodeData::Text(t) => {
                        let (len, commas) = self.text_count(n, doc.str(*t));
                        if let Some(p) = doc.parent(n) {
                            let s = &mut self.stats[p.index()];
                            s.text += len;
                            s.commas += commas;
                        }
                        if let Some(b) = blocks.last() {
                            let s = &mut self.stats[b.index()];
                            s.own += len;
                            s.own_commas += commas;
                        }
                    }
                    NodeData::Element(e) => {
                        let i = n.index();
                        // Tag names compare as interned atoms (one integer each).
                        let tag = &e.name.local;
                        if matches!(
                            *tag,
                            local_name!("iframe") | local_name!("embed") | local_name!("object")
                        ) {
                            self.stats[i].embeds += 1;
                        }
                        if matches!(
                            *tag,
                            local_name!("input") | local_name!("textarea") | local_name!("select")
                        ) {
                            self.stats[i].inputs += 1;
                        }
                        if self.flags[i] & HIDDEN != 0 || mode.strip_junk && self.is_junk(n) {
                            // Keep the marker count, drop everything else.
                            let markers = self.stats[i].markers;
                            self.stats[i] = Stat {
                                embeds: self.stats[i].embeds,
                                inputs: self.stats[i].inputs,
                                markers,
                                raw: self.stats[i].raw,
                                ..Stat::default()
                            };
                            walk.skip_children();
                            continue;
                        }
                        self.flags[i] |= SEEN;
                        // Markers were summed by `classify_all`; recount them on close.
                        self.stats[i].markers = u32::from(self.flags[i] & MARKER != 0)
                            + u32::from(self.flags[i] & POST != 0)
                            + u32::from(self.title_h1 == Some(n));
                        match *tag {
                            local_name!("p") => self.stats[i].paras += 1,
                            local_name!("img") => self.stats[i].imgs += 1,
                            local_name!("li") => self.stats[i].lis += 1,
                            _ => {}
                        }
                        if e.kind & CONTENT_BLOCK != 0 {
                            blocks.push(n);
                        }
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    let Some(e) = doc.element(n) else { continue };
                    let i = n.index();
                    if self.flags[i] & SEEN != 0 {
                        if e.kind & CONTENT_BLOCK != 0 && blocks.last() == Some(&n) {
                            blocks.pop();
                        }
                        if e.name.local == local_name!("a") {
                            self.stats[i].link = self.stats[i].text;
                        }
                        if e.kind & kind::HEADING != 0 {
                            self.stats[i].heading = self.stats[i].text;
                        }
                    }
                    if n == self.body {
                        break;
                    }
                    if let Some(p) = doc.parent(n) {
                        let s = self.stats[i];
                        self.stats[p.index()].add(&s);
                    }
                }
            }
        }
    }

    /// The initial score of a candidate container.
    fn init_score(&mut self, n: NodeId, weigh: bool) {
        let i = n.index();
        if self.flags[i] & SCORED != 0 {
            return;
        }
        self.flags[i] |= SCORED;
        self.scored.push(n);
        let base = match self.doc.tag(n) {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let w = if weigh {
            f32::from(self.weight[i])
        } else {
            0.0
        };
        self.score[i] = base + w;
    }

    /// Scores paragraphs into their ancestors and returns the best candidate container.
    pub(crate) fn top_candidate(&mut self, weigh: bool) -> Option<NodeId> {
        let doc = self.doc;
        let mut tables: std::collections::HashMap<NodeId, bool> = std::collections::HashMap::new();
        let mut walk = doc.traverse(self.body);
        while let Some(edge) = walk.next() {
            let Edge::Open(n) = edge else { continue };
            let idx = n.index();
            if self.flags[idx] & SEEN == 0 {
                // Nothing under an element the statistics walk did not reach was reached.
                if doc.element(n).is_some() {
                    walk.skip_children();
                }
                continue;
            }
            let st = self.stats[idx];
            if st.own < 25 {
                continue;
            }
            let tag = doc.tag(n);
            if tag == "td" {
                let table = doc.ancestors(n).find(|&x| doc.tag(x) == "table");
                if let Some(t) = table {
                    let data = *tables.entry(t).or_insert_with(|| is_data_table(doc, t));
                    if data {
                        continue;
                    }
                }
            }
            if matches!(
                tag,
                "li" | "dd"
                    | "dt"
                    | "blockquote"
                    | "figcaption"
                    | "caption"
                    | "th"
                    | "address"
                    | "h1"
                    | "a"
            ) {
                continue;
            }
            let s = 1.0 + st.own_commas.min(1000) as f32 + (st.own as f32 / 100.0).min(3.0);
            // Loose text beside nested blocks (text runs separated by `<br>` in a container
            // that also holds paragraphs or boxes) is a paragraph of that container: it scores
            // the container itself first. A container of text alone is a paragraph.
            let loose = st.text > st.own && matches!(tag, "div" | "section" | "article" | "main");
            let mut anc = if loose { Some(n) } else { doc.parent(n) };
            let mut level = 0u32;
            while let Some(a) = anc {
                if level >= 5 || doc.element(a).is_none() {
                    break;
                }
                if doc.tag(a) == "html" {
                    break;
                }
                self.init_score(a, weigh);
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                self.score[a.index()] += s / div;
                anc = doc.parent(a);
                level += 1;
            }
        }
        let mut best: Option<(NodeId, f32)> = None;
        for &n in &self.scored {
            let idx = n.index();
            let ld = self.stats[idx].link_density();
            self.score[idx] *= 1.0 - ld;
            let sc = self.score[idx];
            if best.is_none_or(|(_, b)| sc > b) {
                best = Some((n, sc));
            }
        }
        let (mut top, top_score) = best?;

        // Several near-best candidates under one ancestor: that ancestor is the article.
        let mut alternatives: Vec<NodeId> = Vec::new();
        {
            let mut ranked: Vec<(f32, NodeId)> = self
                .scored
                .iter()
                .filter(|&&n| n != top)
                .map(|&n| (self.score[n.index()], n))
                .collect();
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for &(sc, n) in ranked.iter().take(4) {
                if top_score > 0.0 && sc / top_score >= 0.75 {
                    alternatives.push(n);
                }
            }
        }
        if alternatives.len() >= 3 {
            let mut p = doc.parent(top);
            while let Some(a) = p {
                if a == self.body || doc.element(a).is_none() {
                    break;
                }
                let holders = alternatives
                    .iter()
                    .filter(|&&c| doc.ancestors(c).any(|x| x == a))
                    .count();
                if holders >= 3 {
                    top = a;
                    break;
                }
                p = doc.parent(a);
            }
        }
        if self.flags[top.index()] & SCORED == 0 {
            self.init_score(top, weigh);
        }

        // A scored parent that beats its child is the better container.
        let mut last = self.score[top.index()];
        let threshold = last / 3.0;
        let mut p = doc.parent(top);
        while let Some(a) = p {
            if a == self.body || doc.element(a).is_none() || doc.tag(a) == "html" {
                break;
            }
            if self.flags[a.index()] & SCORED == 0 {
                p = doc.parent(a);
                continue;
            }
            let ps = self.score[a.index()];
            if ps < threshold {
                break;
            }
            if ps > last {
                top = a;
                break;
            }
            last = ps;
            p = doc.parent(a);
        }

        // An only child stands for its parent.
        while let Some(a) = doc.parent(top) {
            if a == self.body || doc.element(a).is_none() || doc.tag(a) == "html" {
                break;
            }
            let elements = doc.children(a).filter(|&c| self.visible_child(c)).count();
            if elements != 1 {
                break;
            }
            top = a;
        }
        if self.flags[top.index()] & SCORED == 0 {
            self.init_score(top, weigh);
        }
        Some(top)
    }

    fn visible_child(&self, c: NodeId) -> bool {
        match &self.doc.node(c).data {
            NodeData::Element(_) => self.flags[c.index()] & SEEN != 0,
            NodeData::Text(t) => !crate::text::trim(self.doc.str(*t)).is_empty(),
            _ => false,
        }
    }

    /// Whether `n` is a usable CMS content container (see [`Analysis::best_marker`]).
    pub(crate) fn is_content_marker(&self, n: NodeId) -> bool {
        let i = n.index();
        self.flags[i] & (MARKER | SEEN) == (MARKER | SEEN)
            && matches!(
                self.doc.tag(n),
                "div" | "section" | "article" | "main" | "td" | "span"
            )
            && self.stats[i].text >= 200
            && self.stats[i].link_density() <= 0.5
    }

    /// The CMS content container with the most text, when one holds a real article.
    pub(crate) fn best_marker(&self) -> Option<NodeId> {
        let mut best: Option<(NodeId, u32)> = None;
        let mut walk = self.doc.traverse(self.body);
        while let Some(edge) = walk.next() {
            let Edge::Open(n) = edge else { continue };
            let i = n.index();
            if self.flags[i] & SEEN == 0 {
                // Nothing under an element the statistics walk did not reach was reached.
                if self.doc.element(n).is_some() {
                    walk.skip_children();
                }
                continue;
            }
            if self.flags[i] & MARKER == 0
                || !matches!(
                    self.doc.tag(n),
                    "div" | "section" | "article" | "main" | "td" | "span"
                )
            {
                continue;
            }
            let st = &self.stats[i];
            if st.text < 200 || st.link_density() > 0.5 {
                continue;
            }
            // The text container of a dialog, a cookie notice or a sidebar widget.
            if self.doc.ancestors(n).any(|x| self.named_junk(x)) {
                continue;
            }
            let useful = st.text.saturating_sub(st.link);
            if best.is_none_or(|(_, b)| useful > b) {
                best = Some((n, useful));
            }
        }
        best.map(|(n, _)| n)
    }

    /// Parts of one article repeated as sibling containers of the same kind (`<section>`s of a
    /// live blog, `div.article-part`s): the level, at or above `top`, where they repeat.
    pub(crate) fn repeated_level(&self, top: NodeId) -> Option<NodeId> {
        let doc = self.doc;
        let mut level = top;
        for _ in 0..3 {
            let parent = doc.parent(level)?;
            if level == self.body || parent == self.body {
                return None;
            }
            let tag = doc.tag(level);
            let class = doc.attr(level, &local_name!("class")).unwrap_or("");
            if !class.is_empty() || matches!(tag, "section" | "article") {
                let twins = doc
                    .children(parent)
                    .filter(|&s| {
                        s != level
                            && doc.tag(s) == tag
                            && doc.attr(s, &local_name!("class")).unwrap_or("") == class
                            && self.flags[s.index()] & SEEN != 0
                            && self.stats[s.index()].text >= 150
                            && self.stats[s.index()].link_density() < 0.2
                            && self.stats[s.index()].paras >= 1
                    })
                    .count();
                if twins > 0 {
                    return Some(level);
                }
            }
            level = parent;
        }
        None
    }

    /// The content marker `m` and its twins: sibling markers of the same tag and class, the
    /// parts of one text split by a promotion or an ad slot between them, in page order.
    /// `<article>`s are whole stories each: their twins are other stories of a feed.
    pub(crate) fn marker_twins(&self, m: NodeId) -> Vec<NodeId> {
        let doc = self.doc;
        let Some(parent) = doc.parent(m) else {
            return vec![m];
        };
        let tag = doc.tag(m);
        let class = doc.attr(m, &local_name!("class")).unwrap_or("");
        if tag == "article" || m == self.body || class.is_empty() {
            return vec![m];
        }
        doc.children(parent)
            .filter(|&s| {
                s == m
                    || doc.tag(s) == tag
                        && doc.attr(s, &local_name!("class")) == Some(class)
                        && self.flags[s.index()] & (MARKER | SEEN) == (MARKER | SEEN)
                        && self.stats[s.index()].text >= 100
                        && self.stats[s.index()].link_density() < 0.2
                        && self.stats[s.index()].paras >= 1
            })
            .collect()
    }

    /// The top candidate and those of its siblings that continue the article, in page order.
    pub(crate) fn with_siblings(&self, top: NodeId) -> Vec<NodeId> {
        let doc = self.doc;
        let Some(parent) = doc.parent(top) else {
            return vec![top];
        };
        if top == self.body {
            return vec![top];
        }
        let top_score = self.score[top.index()];
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = doc.attr(top, &local_name!("class")).unwrap_or("");
        let mut out = Vec::new();
        for s in doc.children(parent) {
            if s == top {
                out.push(s);
                continue;
            }
            let i = s.index();
            if doc.element(s).is_none() || self.flags[i] & SEEN == 0 {
                continue;
            }
            if doc.tag(s) == doc.tag(top)
                && doc.attr(s, &local_name!("class")).unwrap_or("") == top_class
                && self.stats[i].text >= 150
                && self.stats[i].link_density() < 0.2
                && self.stats[i].paras >= 1
                && (!top_class.is_empty() || matches!(doc.tag(s), "section" | "article"))
            {
                out.push(s);
                continue;
            }
            let mut bonus = 0.0;
            if !top_class.is_empty() && doc.attr(s, &local_name!("class")) == Some(top_class) {
                bonus += top_score * 0.2;
            }
            if self.flags[i] & SCORED != 0 && self.score[i] + bonus >= threshold {
                out.push(s);
                continue;
            }
            if doc.tag(s) == "p" {
                let st = self.stats[i];
                let ld = st.link_density();
                if st.text > 80 && ld < 0.25 {
                    out.push(s);
                } else if st.text > 0 && st.text <= 80 && ld == 0.0 {
                    let t = doc.text_of(s);
                    if t.contains(". ") || t.ends_with('.') {
                        out.push(s);
                    }
                }
            }
        }
        out
    }

    /// The lead paragraph (standfirst, summary) printed before the article's container
    /// `root`, outside it: an element named as a lead in the siblings before `root` or before
    /// one of its nearest ancestors, holding a sentence or two of unlinked text.
    pub(crate) fn lead_before(&self, root: NodeId) -> Option<NodeId> {
        let doc = self.doc;
        if let Some(l) = self.lead_in_header(root) {
            return Some(l);
        }
        let mut cur = root;
        for _ in 0..4 {
            if cur == self.body {
                return None;
            }
            let mut sib = doc.node(cur).prev_sibling;
            let mut n_sibs = 0;
            while let Some(s) = sib {
                if n_sibs >= 8 {
                    break;
                }
                if doc.element(s).is_some() {
                    n_sibs += 1;
                    if let Some(l) = self.lead_in(s) {
                        return Some(l);
                    }
                }
                sib = doc.node(s).prev_sibling;
            }
            cur = doc.parent(cur)?;
        }
        None
    }

    /// The elements of the subtree at `root` in document order (`root` included), for the
    /// lead searches: `visit` returns [`Visit::Found`] to end the walk with its answer,
    /// [`Visit::Skip`] to pass over the element's subtree, [`Visit::Next`] to go on into it.
    /// The walk gives up (`None`) after [`LEAD_WALK_STEPS`] nodes.
    fn lead_walk<T>(
        &self,
        root: NodeId,
        mut visit: impl FnMut(NodeId, &Element) -> Visit<T>,
    ) -> Option<T> {
        let doc = self.doc;
        let mut walk = doc.traverse(root);
        let mut steps = 0u32;
        while let Some(edge) = walk.next() {
            let Edge::Open(d) = edge else { continue };
            steps += 1;
            if steps > LEAD_WALK_STEPS {
                return None;
            }
            let Some(e) = doc.element(d) else { continue };
            match visit(d, e) {
                Visit::Found(answer) => return answer,
                Visit::Skip => walk.skip_children(),
                Visit::Next => {}
            }
        }
        None
    }

    /// A lead inside `root` but in a header left out as boilerplate ([`Self::junk_header`]),
    /// before the first paragraph of the text.
    fn lead_in_header(&self, root: NodeId) -> Option<NodeId> {
        self.lead_walk(root, |d, e| {
            if d == root {
                return Visit::Next;
            }
            let i = d.index();
            if self.flags[i] & SEEN == 0 {
                if self.junk_header(d)
                    && let Some(l) = self.lead_in(d)
                {
                    return Visit::Found(Some(l));
                }
                return Visit::Skip;
            }
            if e.tag() == "p" && self.stats[i].own >= 25 {
                return Visit::Found(None);
            }
            Visit::Next
        })
    }

    /// The first element in the subtree at `n` named as a lead that reads like one.
    fn lead_in(&self, n: NodeId) -> Option<NodeId> {
        self.lead_walk(n, |d, e| {
            let i = d.index();
            let f = self.flags[i];
            let dropped = f & HIDDEN != 0 || f & JUNK != 0 && !self.junk_header(d);
            if f & REMOVED != 0 || f & SEEN == 0 && dropped {
                return Visit::Skip;
            }
            if !classify::names_lead(e) {
                return Visit::Next;
            }
            // Inside a header named as boilerplate nothing was counted: count the candidate.
            let st = if f & SEEN != 0 {
                self.stats[i]
            } else {
                self.visible_stat(d)
            };
            // A subtitle set as a heading (`<h2 class="article-lead">`) is a lead when it is
            // sentence-long; a short one is a section heading.
            let subtitle = matches!(e.tag(), "h2" | "h3" | "h4" | "h5" | "h6")
                && st.text >= 80
                && st.heading == st.text;
            if st.text >= 40
                && st.link_density() < 0.2
                && (st.heading == 0 || subtitle)
                && st.paras <= 3
                && st.lis == 0
                && st.imgs == 0
            {
                return Visit::Found(Some(d));
            }
            Visit::Next
        })
    }

    /// Whether `n` is left out only as a page or article header (`entry-header`,
    /// `post__header`): the standfirst under the headline often sits in one.
    fn junk_header(&self, n: NodeId) -> bool {
        let f = self.flags[n.index()];
        if f & (HIDDEN | COMMENTS) != 0 || f & JUNK == 0 {
            return false;
        }
        let Some(e) = self.doc.element(n) else {
            return false;
        };
        if matches!(e.tag(), "nav" | "aside" | "footer") || e.attr(&local_name!("role")).is_some() {
            return false;
        }
        let named = |a: Option<&str>| a.is_some_and(|v| classify::contains_ci(v, "header"));
        e.tag() == "header"
            || named(e.attr(&local_name!("class")))
            || named(e.attr(&local_name!("id")))
    }

    /// Counts of the visible text under `n`, boilerplate by name left out, read afresh (for
    /// the subtrees the statistics walk skipped). Reads at most a few hundred nodes.
    fn visible_stat(&self, n: NodeId) -> Stat {
        let doc = self.doc;
        let mut st = Stat::default();
        let mut links = 0u32;
        let mut headings = 0u32;
        let mut steps = 0u32;
        let skip = |d: NodeId| {
            let f = self.flags[d.index()];
            d != n && (f & HIDDEN != 0 || f & JUNK != 0 && !self.junk_header(d))
        };
        let mut walk = doc.traverse(n);
        while let Some(edge) = walk.next() {
            steps += 1;
            if steps > 400 {
                break;
            }
            match edge {
                Edge::Open(d) => match &doc.node(d).data {
                    NodeData::Text(t) => {
                        let (len, commas) = count_text(doc.str(*t));
                        st.text += len;
                        st.commas += commas;
                        if links > 0 {
                            st.link += len;
                        }
                        if headings > 0 {
                            st.heading += len;
                        }
                    }
                    NodeData::Element(e) => {
                        if skip(d) {
                            walk.skip_children();
                            continue;
                        }
                        match e.tag() {
                            "a" => links += 1,
                            "p" => st.paras += 1,
                            "img" => st.imgs += 1,
                            "li" => st.lis += 1,
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => headings += 1,
                            _ => {}
                        }
                    }
                    _ => {}
                },
                Edge::Close(d) if skip(d) => {}
                Edge::Close(d) => match doc.tag(d) {
                    "a" => links = links.saturating_sub(1),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        headings = headings.saturating_sub(1)
                    }
                    _ => {}
                },
            }
        }
        st
    }

    /// Protects `n` and its ancestors from [`Self::clean`], and marks everything inside it
    /// as part of a recipe ([`RECIPE`]).
    ///
    /// A nutrition label inside is not: its rows of one number each are cleaned as anywhere.
    pub(crate) fn keep_recipe(&mut self, n: NodeId) {
        self.keep(n);
        let doc = self.doc;
        let mut walk = doc.traverse(n);
        while let Some(edge) = walk.next() {
            if let Edge::Open(d) = edge
                && let Some(e) = doc.element(d)
            {
                if e.attr(&local_name!("class"))
                    .is_some_and(|c| classify::contains_ci(c, "nutrition"))
                {
                    walk.skip_children();
                    continue;
                }
                self.flags[d.index()] |= RECIPE;
            }
        }
    }

    /// Protects `n` and its ancestors from [`Self::clean`].
    pub(crate) fn keep(&mut self, n: NodeId) {
        let doc = self.doc;
        for x in std::iter::once(n).chain(doc.ancestors(n)) {
            if self.flags[x.index()] & KEEP != 0 {
                break;
            }
            self.flags[x.index()] |= KEEP;
        }
    }

    /// Marks containers inside `root` whose statistics (after their own boilerplate children
    /// are dropped) look like boilerplate: link lists, image galleries, forms, embeds.
    pub(crate) fn clean(&mut self, root: NodeId, mode: Mode, weigh: bool) {
        let doc = self.doc;
        let mut cleaned: Vec<(NodeId, Stat)> = Vec::new();
        // Post-order: an explicit stack of (node, accumulated stats).
        let mut walk = doc.traverse(root);
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(n) => {
                    let i = n.index();
                    match &doc.node(n).data {
                        NodeData::Text(t) => {
                            if let Some(top) = cleaned.last_mut() {
                                let (len, commas) = self.text_count(n, doc.str(*t));
                                top.1.text += len;
                                top.1.commas += commas;
                            }
                        }
                        NodeData::Element(e) => {
                            if self.flags[i] & SEEN == 0 {
                                if let Some(top) = cleaned.last_mut() {
                                    top.1.embeds += self.stats[i].embeds;
                                    top.1.inputs += self.stats[i].inputs;
                                }
                                walk.skip_children();
                                continue;
                            }
                            let mut st = Stat::default();
                            match e.name.local {
                                local_name!("p") => st.paras = 1,
                                local_name!("img") => st.imgs = 1,
                                local_name!("li") => st.lis = 1,
                                _ => {}
                            }
                            cleaned.push((n, st));
                        }
                        _ => {}
                    }
                }
                Edge::Close(n) => {
                    if cleaned.last().map(|c| c.0) != Some(n) {
                        continue;
                    }
                    let Some((_, mut st)) = cleaned.pop() else {
                        continue;
                    };
                    if let Some(e) = doc.element(n) {
                        if e.name.local == local_name!("a") {
                            st.link = st.text;
                        }
                        if e.kind & kind::HEADING != 0 {
                            st.heading = st.text;
                        }
                    }
                    if n != root && mode.clean && self.drop_container(n, &st, weigh) {
                        self.flags[n.index()] |= REMOVED;
                        continue;
                    }
                    if let Some(top) = cleaned.last_mut() {
                        top.1.add(&st);
                    }
                }
            }
        }
    }

    fn drop_container(&self, n: NodeId, st: &Stat, weigh: bool) -> bool {
        let doc = self.doc;
        let tag = doc.tag(n);
        if !matches!(
            tag,
            "div"
                | "section"
                | "ul"
                | "ol"
                | "table"
                | "form"
                | "fieldset"
                | "aside"
                | "header"
                | "footer"
                | "nav"
                | "dl"
                | "center"
        ) {
            return false;
        }
        if tag == "table" && is_data_table(doc, n) {
            return false;
        }
        if self.flags[n.index()] & (MARKER | KEEP) != 0 {
            return false;
        }
        if doc
            .ancestors(n)
            .take(3)
            .any(|a| doc.tag(a) == "code" || doc.tag(a) == "pre")
        {
            return false;
        }
        let i = n.index();
        let weight = if weigh { i32::from(self.weight[i]) } else { 0 };
        let score = if self.flags[i] & SCORED != 0 {
            self.score[i]
        } else {
            0.0
        };
        let is_list = matches!(tag, "ul" | "ol");
        let prose = st.paras >= 2 && st.link_density() < 0.2 && st.text > 300;
        // In a recipe, ingredient names linked to shops or a glossary, tick boxes beside the
        // ingredients and definition lists of amounts are content; a row of nothing but links
        // is not.
        let recipe = self.flags[i] & RECIPE != 0;
        if !recipe && weight as f32 + if is_list { 0.0 } else { score } < 0.0 && !prose {
            return true;
        }
        if st.commas >= 10 {
            return false;
        }
        let in_figure = doc.ancestors(n).any(|a| doc.tag(a) == "figure");
        let p = st.paras as f32;
        let img = st.imgs as f32;
        let li = st.lis as f32 - 100.0;
        let ld = st.link_density();
        let len = st.text;
        let heading_density = if len == 0 {
            0.0
        } else {
            st.heading as f32 / len as f32
        };
        // (One ingredient's line or name is short, even when all of it is a link.)
        let max_ld = match (recipe, len < 80) {
            (true, true) => 1.0,
            (true, false) => 0.6,
            _ => 0.2,
        };
        (img > 1.0 && p / img < 0.5 && !in_figure && (len as f32) < img * 100.0)
            || (!is_list && li > p)
            || (!recipe && st.inputs as f32 > (p / 3.0).floor())
            || (!is_list
                && !recipe
                && heading_density < 0.9
                && len < 25
                && (st.imgs == 0 || st.imgs > 2)
                && !in_figure)
            || (!is_list && weight < 25 && ld > max_ld)
            || (weight >= 25 && ld > max_ld.max(0.5))
            || (st.embeds == 1 && len < 75)
            || st.embeds > 1
    }
}

/// The first child of `p` that is an element or visible text.
fn first_child(doc: &Document, p: NodeId) -> Option<NodeId> {
    doc.children(p).find(|&c| match &doc.node(c).data {
        NodeData::Element(_) => true,
        NodeData::Text(t) => !crate::text::trim(doc.str(*t)).is_empty(),
        _ => false,
    })
}

/// Whether a table holds data (rendered as a table) rather than page layout.
pub(crate) fn is_data_table(doc: &Document, table: NodeId) -> bool {
    if doc
        .attr(table, &local_name!("role"))
        .is_some_and(|r| r.eq_ignore_ascii_case("presentation"))
    {
        return false;
    }
    if doc.attr(table, "datatable") == Some("0") {
        return false;
    }
    if doc.attr(table, &local_name!("summary")).is_some() {
        return true;
    }
    let mut rows = 0usize;
    let mut cols = 0usize;
    let mut cur = 0usize;
    let mut walk = doc.traverse(table);
    let mut steps = 0u32;
    while let Some(edge) = walk.next() {
        steps += 1;
        if steps > 5000 {
            break;
        }
        match edge {
            Edge::Open(n) if n != table => match doc.tag(n) {
                "table" => return false,
                "caption" | "th" | "thead" | "tfoot" | "colgroup" | "col" => {
                    if doc.tag(n) == "caption" && doc.children(n).next().is_none() {
                        continue;
                    }
                    return true;
                }
                "tr" => {
                    rows += 1;
                    cur = 0;
                }
                "td" => {
                    cur += 1;
                    cols = cols.max(cur);
                    walk.skip_children();
                }
                _ => {}
            },
            _ => {}
        }
    }
    if rows == 1 || cols == 1 {
        return false;
    }
    rows >= 10 || cols > 4 || rows * cols > 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_text_counts_chars_and_commas() {
        let mut cases: Vec<String> = [
            "",
            " a, b ",
            "\u{a0}x\u{3000}y、z，w،",
            "é ü\u{2028}\u{85}",
            "\u{b}\u{c}\r\n\t",
            "Hello, world.\n\t\tA longer line, with commas, and\x08 \x1f controls\x0e.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Pseudo-random mixes of the characters that matter, at every alignment.
        let alphabet = [
            ' ', '\t', '\n', '\r', '\u{b}', '\u{c}', '\u{8}', '\u{e}', '\u{1f}', ',', 'a', '!',
            '\u{7f}', '\u{85}', '\u{a0}', 'é', '、', '，', '،', '\u{3000}', '\u{2028}',
        ];
        let mut seed = 12345u64;
        for len in 0..80 {
            let mut s = String::new();
            for _ in 0..len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            cases.push(s);
        }
        for s in &cases {
            let n = s.chars().filter(|c| !c.is_whitespace()).count() as u32;
            let commas = s
                .chars()
                .filter(|c| matches!(c, ',' | '،' | '，' | '、'))
                .count() as u32;
            assert_eq!(count_text(s), (n, commas), "{s:?}");
        }
    }
}
