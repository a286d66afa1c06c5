//! JSON-LD (`<script type="application/ld+json">`) and embedded JSON blobs.
//!
//! Every block is parsed with serde_json (its own nesting limit is 128) after a size check
//! against [`Limits::max_json_ld_bytes`](crate::Limits). The walk over the parsed values is
//! iterative and bounded ([`MAX_DEPTH`] levels, [`MAX_VISIT`] values), so a page cannot make it
//! deep or long. The walk finds the main article object (an `Article`-like `@type`, then a
//! `WebPage`, then an untyped object with a `headline`), resolves `@id` references (Yoast and
//! Rank Math `@graph`s put the author in a separate `Person` node) and reads its fields.

use serde_json::{Map, Value};

use crate::article::{Author, DateValue};
use crate::dom::{Document, NodeId};
use crate::textparse::{dates, names};

/// Deepest level of a JSON value the walk looks at.
const MAX_DEPTH: usize = 24;
/// Most values the walk visits per page.
const MAX_VISIT: usize = 50_000;
/// Most authors read from one `author` value.
const MAX_AUTHORS: usize = 30;

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Default)]
pub(crate) struct JsonLdFacts {
    /// `headline` of the article object.
    pub(crate) headline: Option<String>,
    /// `name` of the article object.
    pub(crate) name: Option<String>,
    /// Authors that are people (or untyped), with their URLs.
    pub(crate) authors: Vec<Author>,
    /// Names of authors typed as organisations, and the publisher's name.
    pub(crate) orgs: Vec<String>,
    /// Names of authors typed as organisations (the credit when no person is named).
    pub(crate) org_authors: Vec<String>,
    /// `datePublished` (or `dateCreated`, `uploadDate`) with its raw string.
    pub(crate) published: Option<(DateValue, String)>,
    /// `dateModified` with its raw string.
    pub(crate) modified: Option<(DateValue, String)>,
    /// `publisher.name` of the article object.
    pub(crate) publisher: Option<String>,
    /// `name` of a `WebSite` object.
    pub(crate) website: Option<String>,
    /// View count from `interactionStatistic`.
    pub(crate) views: Option<u64>,
    /// Comment count from `interactionStatistic` or `commentCount`.
    pub(crate) comments: Option<u64>,
    /// Like count from `interactionStatistic`.
    pub(crate) likes: Option<u64>,
    /// `description`.
    pub(crate) description: Option<String>,
    /// `keywords`.
    pub(crate) keywords: Vec<String>,
    /// `image` (as written; resolve it).
    pub(crate) image: Option<String>,
    /// `inLanguage`.
    pub(crate) language: Option<String>,
    /// `url` / `mainEntityOfPage` of the article object.
    pub(crate) url: Option<String>,
    /// Whether the main object is typed as an article (not merely a web page).
    pub(crate) is_article: bool,
    /// `articleBody` of the article object, as plain text (markup removed, entities decoded):
    /// the body when the page's own markup shows much less of it.
    pub(crate) article_body: Option<String>,
}

/// `articleBody` as plain text: tags removed (a block tag ends a line), the common entities
/// decoded, runs of blank lines collapsed.
fn plain_body(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        // A '<' that opens no tag ("a < b") is text.
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            out.push('<');
            rest = after;
            continue;
        }
        let Some(end) = after.find('>') else {
            rest = "";
            break;
        };
        let name = after[..end]
            .trim_start_matches('/')
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
        ) {
            out.push('\n');
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    let text = decode_entities(&out);
    let mut lines = String::with_capacity(text.len());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if !lines.is_empty() {
            lines.push('\n');
        }
        for (i, w) in line.split_whitespace().enumerate() {
            if i > 0 {
                lines.push(' ');
            }
            lines.push_str(w);
        }
    }
    (!lines.is_empty()).then_some(lines)
}

/// Whether a microdata `itemtype` URL names an article type.
pub(crate) fn is_article_type_url(itemtype: &str) -> bool {
    itemtype
        .split_ascii_whitespace()
        .any(|t| is_article_type(short_type(t)))
}

/// `https://schema.org/BlogPosting` → `BlogPosting`.
fn short_type(t: &str) -> &str {
    let t = t.trim();
    t.rsplit(['/', '#', ':']).next().unwrap_or(t)
}

/// Article-like schema.org types.
pub(crate) fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting"
                | "SocialMediaPosting"
                | "LiveBlogPosting"
                | "DiscussionForumPosting"
                | "Report"
                | "Posting"
                | "Recipe"
                | "Review"
                | "HowTo"
        )
}

fn is_page_type(t: &str) -> bool {
    t.ends_with("WebPage")
        || matches!(
            t,
            "ItemPage" | "AboutPage" | "QAPage" | "FAQPage" | "ProfilePage" | "CollectionPage"
        )
}

fn is_org_type(t: &str) -> bool {
    t.ends_with("Organization")
        || matches!(
            t,
            "Corporation" | "LocalBusiness" | "WebSite" | "Blog" | "Brand" | "NGO"
        )
}

fn types(obj: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let v = obj.get("@type");
    let one = v.and_then(Value::as_str);
    let many = v.and_then(Value::as_array).into_iter().flatten();
    one.into_iter()
        .chain(many.filter_map(Value::as_str))
        .map(short_type)
}

/// The text of a script element.
pub(crate) fn script_text(doc: &Document, script: NodeId) -> String {
    let mut s = String::new();
    for c in doc.children(script) {
        if let Some(t) = doc.text(c) {
            s.push_str(t);
        }
    }
    s
}

/// Parses a JSON-LD block as pages write it: CDATA and HTML-comment wrappers are removed;
/// raw control characters inside strings (invalid JSON, but common) are read as spaces; a
/// complete value followed by stray text (an extra closing brace, a second value) is read as
/// that first value.
pub(crate) fn parse_block(text: &str, max_bytes: usize) -> Option<Value> {
    if text.len() > max_bytes {
        return None;
    }
    let mut t = text.trim();
    for (open, close) in [
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(rest) = t.strip_prefix(open) {
            t = rest.trim();
            if let Some(rest) = t.strip_suffix(close) {
                t = rest.trim();
            }
        }
    }
    t = t.trim_end_matches(';').trim_end();
    match serde_json::from_str(t) {
        Ok(v) => Some(v),
        Err(_) => {
            let cleaned: String = t
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            serde_json::from_str(&cleaned)
                .ok()
                .or_else(|| leading_value(&cleaned))
        }
    }
}

/// The complete JSON object or array at the start of `t`, ignoring whatever follows it.
fn leading_value(t: &str) -> Option<Value> {
    let v = serde_json::Deserializer::from_str(t)
        .into_iter::<Value>()
        .next()?
        .ok()?;
    (v.is_object() || v.is_array()).then_some(v)
}

/// Every object of the values, found by a bounded iterative walk, with the `@id` index.
/// Objects found by the walk, and the `@id` index.
type Found<'v> = (
    Vec<&'v Map<String, Value>>,
    Vec<(&'v str, &'v Map<String, Value>)>,
);

fn objects(roots: &[Value]) -> Found<'_> {
    let mut objs = Vec::new();
    let mut ids = Vec::new();
    let mut stack: Vec<(&Value, usize)> = roots.iter().rev().map(|v| (v, 0)).collect();
    let mut visited = 0;
    while let Some((v, depth)) = stack.pop() {
        visited += 1;
        if visited > MAX_VISIT {
            break;
        }
        match v {
            Value::Object(m) => {
                objs.push(m);
                if let Some(id) = m.get("@id").and_then(Value::as_str)
                    && m.len() > 1
                {
                    ids.push((id, m));
                }
                if depth < MAX_DEPTH {
                    // Children in reverse so the stack pops them in document order.
                    let mut kids: Vec<&Value> = m
                        .values()
                        .filter(|c| c.is_object() || c.is_array())
                        .collect();
                    kids.reverse();
                    stack.extend(kids.into_iter().map(|c| (c, depth + 1)));
                }
            }
            Value::Array(a) if depth < MAX_DEPTH => {
                stack.extend(a.iter().rev().map(|c| (c, depth + 1)));
            }
            _ => {}
        }
    }
    (objs, ids)
}

fn resolve<'v>(
    m: &'v Map<String, Value>,
    ids: &[(&str, &'v Map<String, Value>)],
) -> &'v Map<String, Value> {
    if let Some(id) = m.get("@id").and_then(Value::as_str)
        && !m.contains_key("name")
        && let Some((_, full)) = ids.iter().find(|(i, _)| *i == id)
    {
        return full;
    }
    m
}

/// A string field, or the first string of an array, or an object's `name`/`@value`.
fn str_of(v: Option<&Value>) -> Option<&str> {
    match v? {
        Value::String(s) => Some(s.as_str()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(m) => {
            str_of(m.get("@value")).or_else(|| m.get("name").and_then(Value::as_str))
        }
        _ => None,
    }
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

fn clean_opt(s: Option<&str>) -> Option<String> {
    s.and_then(|s| crate::text::non_empty(&decode_entities(s)))
}

/// JSON-LD strings sometimes carry HTML entities (`&amp;`, `&#8217;`): decode the common ones.
pub(crate) fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &after[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "hellip" => Some('…'),
                _ if !ent.starts_with('#') => {
                    // Any other named entity ("&oacute;") from the HTML table.
                    let key = format!("{ent};");
                    let &(cp, _) = html5ever::data::NAMED_ENTITIES.get(key.as_str())?;
                    char::from_u32(cp).filter(|_| cp != 0)
                }
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

fn date_of(v: Option<&Value>) -> Option<(DateValue, String)> {
    let s = match v? {
        Value::Number(n) => n.to_string(),
        other => str_of(Some(other))?.to_owned(),
    };
    dates::parse_structured(&s).map(|d| (d, s))
}

fn count_of(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| *f >= 0.0 && *f < 1e15)
                .map(|f| f as u64)
        }),
        Value::String(s) => crate::textparse::counts::parse_number(s, None),
        Value::Array(a) => a.iter().find_map(|x| count_of(Some(x))),
        _ => None,
    }
}

/// Reads authors from an `author`/`creator` value into `facts`.
fn read_authors(
    v: &Value,
    ids: &[(&str, &Map<String, Value>)],
    facts: &mut JsonLdFacts,
    depth: usize,
) {
    if depth > 3 || facts.authors.len() >= MAX_AUTHORS {
        return;
    }
    match v {
        Value::String(s) => {
            let s = decode_entities(s);
            if s.starts_with("http://") || s.starts_with("https://") {
                return;
            }
            for n in names::split_names(&s) {
                push_author(facts, n, None);
            }
        }
        Value::Array(a) => {
            for x in a.iter().take(MAX_AUTHORS) {
                read_authors(x, ids, facts, depth + 1);
            }
        }
        Value::Object(m) => {
            let m = resolve(m, ids);
            // A `["Person", "Organization"]` object is a person (a one-person blog's owner).
            let org = types(m).any(is_org_type) && !types(m).any(|t| short_type(t) == "Person");
            let name = match m.get("name") {
                Some(Value::Array(a)) => {
                    for x in a.iter().take(MAX_AUTHORS) {
                        read_authors(x, ids, facts, depth + 1);
                    }
                    None
                }
                other => clean_opt(str_of(other)),
            };
            let Some(name) = name else { return };
            if org {
                if facts.org_authors.len() < MAX_AUTHORS {
                    facts.org_authors.push(name.clone());
                }
                facts.orgs.push(name);
                return;
            }
            let url = str_of(m.get("url"))
                .or_else(|| str_of(m.get("@id")).filter(|i| !i.contains('#')))
                .filter(|u| u.starts_with("http") || u.starts_with('/'))
                .map(str::to_owned);
            let parts = names::split_names(&name);
            let single = parts.len() == 1;
            for n in parts {
                push_author(facts, n, if single { url.clone() } else { None });
            }
        }
        _ => {}
    }
}

fn push_author(facts: &mut JsonLdFacts, name: String, url: Option<String>) {
    if !facts
        .authors
        .iter()
        .any(|a| a.name.eq_ignore_ascii_case(&name))
    {
        facts.authors.push(Author::new(name, url));
    }
}

fn read_stats(v: &Value, facts: &mut JsonLdFacts) {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().take(20).collect(),
        other => vec![other],
    };
    for it in items {
        let Value::Object(m) = it else { continue };
        let ty = match m.get("interactionType") {
            Some(Value::String(s)) => short_type(s),
            Some(Value::Object(o)) => types(o).next().unwrap_or(""),
            _ => "",
        };
        let Some(n) = count_of(m.get("userInteractionCount")) else {
            continue;
        };
        let slot = if ty.contains("View") || ty.contains("Watch") || ty.contains("Read") {
            &mut facts.views
        } else if ty.contains("Comment") || ty.contains("Reply") {
            &mut facts.comments
        } else if ty.contains("Like") || ty.contains("Vote") || ty.contains("Bookmark") {
            &mut facts.likes
        } else {
            continue;
        };
        slot.get_or_insert(n);
    }
}

/// Reads the JSON-LD blocks of a page.
pub(crate) fn read(doc: &Document, scripts: &[NodeId], max_bytes: usize) -> JsonLdFacts {
    let mut roots = Vec::new();
    let mut budget = max_bytes.saturating_mul(4);
    for &s in scripts.iter().take(64) {
        let text = script_text(doc, s);
        if text.len() > budget {
            continue;
        }
        budget -= text.len();
        if let Some(v) = parse_block(&text, max_bytes) {
            roots.push(v);
        }
    }
    facts_of(&roots)
}

/// The facts of parsed JSON-LD roots.
pub(crate) fn facts_of(roots: &[Value]) -> JsonLdFacts {
    let mut facts = JsonLdFacts::default();
    let (objs, ids) = objects(roots);
    let is_article = |m: &&Map<String, Value>| types(m).any(is_article_type);
    let main = objs
        .iter()
        .find(|m| is_article(m) && m.contains_key("headline"))
        .or_else(|| objs.iter().find(|m| is_article(m)))
        .or_else(|| {
            objs.iter().find(|m| {
                m.get("@type").is_none()
                    && m.contains_key("headline")
                    && (m.contains_key("datePublished") || m.contains_key("author"))
            })
        });
    let page = objs.iter().find(|m| types(m).any(is_page_type));
    facts.is_article = main.is_some();
    let website = objs
        .iter()
        .find(|m| types(m).any(|t| t == "WebSite"))
        .and_then(|m| clean_opt(str_of(m.get("name"))));
    facts.website = website;
    let Some(main) = main.or(page).copied() else {
        return facts;
    };
    facts.headline = clean_opt(str_of(main.get("headline")));
    if facts.is_article {
        facts.article_body = str_of(main.get("articleBody")).and_then(plain_body);
    }
    facts.name = clean_opt(str_of(main.get("name")));
    for key in ["author", "creator"] {
        if let Some(a) = main.get(key) {
            read_authors(a, &ids, &mut facts, 0);
            if !facts.authors.is_empty() {
                break;
            }
        }
    }
    facts.published = date_of(main.get("datePublished"))
        .or_else(|| date_of(main.get("dateCreated")))
        .or_else(|| date_of(main.get("uploadDate")))
        .or_else(|| page.and_then(|p| date_of(p.get("datePublished"))));
    facts.modified = date_of(main.get("dateModified"))
        .or_else(|| page.and_then(|p| date_of(p.get("dateModified"))));
    if let Some(Value::Object(p)) = main.get("publisher") {
        let p = resolve(p, &ids);
        facts.publisher = clean_opt(str_of(p.get("name")));
    } else if let Some(p) = str_of(main.get("publisher")) {
        facts.publisher = clean_opt(Some(p));
    }
    if let Some(p) = &facts.publisher {
        facts.orgs.push(p.clone());
    }
    if let Some(s) = main.get("interactionStatistic") {
        read_stats(s, &mut facts);
    }
    if facts.comments.is_none() {
        facts.comments = count_of(main.get("commentCount"));
    }
    facts.description = clean_opt(str_of(main.get("description")));
    facts.keywords = match main.get("keywords") {
        Some(Value::String(s)) => s
            .split(',')
            .filter_map(crate::text::non_empty)
            .take(50)
            .collect(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .filter_map(crate::text::non_empty)
            .take(50)
            .collect(),
        _ => Vec::new(),
    };
    facts.image = match main.get("image") {
        Some(Value::Object(m)) => str_of(m.get("url")).or_else(|| str_of(m.get("contentUrl"))),
        Some(Value::Array(a)) => a.iter().find_map(|x| match x {
            Value::Object(m) => str_of(m.get("url")),
            other => str_of(Some(other)),
        }),
        other => str_of(other),
    }
    .map(str::to_owned);
    facts.language = clean_opt(str_of(main.get("inLanguage")));
    facts.url = str_of(main.get("url"))
        .or_else(|| match main.get("mainEntityOfPage") {
            Some(Value::Object(m)) => str_of(m.get("@id")).or_else(|| str_of(m.get("url"))),
            other => str_of(other),
        })
        .map(str::to_owned);
    facts
}

/// Counts and dates found in an embedded JSON blob (`__NEXT_DATA__`, `wix-warmup-data`).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Embedded {
    /// Views of the post.
    pub(crate) views: Option<u64>,
    /// Comments on the post.
    pub(crate) comments: Option<u64>,
    /// Likes of the post.
    pub(crate) likes: Option<u64>,
}

/// Looks for the post object of a platform's embedded JSON: the first object that has a
/// `slug` and a `title` and carries engagement fields (`views`, `metrics {views, likes,
/// comments}`, `viewCount`, `likeCount`, `totalComments`, `reactionCount`, `responseCount`).
/// Key names are matched while walking; no fixed paths.
pub(crate) fn embedded_counts(v: &Value) -> Embedded {
    let (objs, _) = objects(std::slice::from_ref(v));
    let mut out = Embedded::default();
    for m in objs {
        if !(m.contains_key("slug") && m.contains_key("title")) {
            continue;
        }
        let metrics = m.get("metrics").and_then(Value::as_object);
        let get = |keys: &[&str]| {
            keys.iter().find_map(|k| {
                count_of(m.get(*k)).or_else(|| metrics.and_then(|x| count_of(x.get(*k))))
            })
        };
        out.views = get(&["views", "viewCount"]);
        out.likes = get(&["likes", "likeCount", "reactionCount"]);
        out.comments = get(&["comments", "totalComments", "responseCount", "replyCount"]);
        if out != Embedded::default() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(json: &str) -> JsonLdFacts {
        let v = parse_block(json, 1 << 20).expect("parses");
        facts_of(&[v])
    }

    #[test]
    fn article_body_as_plain_text() {
        let f = facts(
            r#"{"@type":"NewsArticle","headline":"H","articleBody":"<p>First  line &amp; more.</p><p>Second<br/>third, where a < b.</p>\n\n\nFourth"}"#,
        );
        assert_eq!(
            f.article_body.as_deref(),
            Some("First line & more.\nSecond\nthird, where a < b.\nFourth")
        );
        // Only the article object's.
        let f = facts(r#"{"@type":"WebPage","name":"P","articleBody":"Text"}"#);
        assert!(f.article_body.is_none());
        assert_eq!(plain_body("<p> </p><div></div>"), None);
        assert_eq!(plain_body("cut <span"), Some("cut".to_owned()));
    }

    #[test]
    fn graph_with_person_reference() {
        let f = facts(
            r#"{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://x.test/p/#webpage","name":"P - Site"},
              {"@type":"Article","headline":"P","author":{"@id":"https://x.test/#/person/1"},
               "datePublished":"2020-01-02T03:04:05+01:00","publisher":{"@id":"https://x.test/#org"}},
              {"@type":"Person","@id":"https://x.test/#/person/1","name":"Jane Doe"},
              {"@type":"Organization","@id":"https://x.test/#org","name":"Site"}]}"#,
        );
        assert_eq!(f.headline.as_deref(), Some("P"));
        assert_eq!(f.authors.len(), 1);
        assert_eq!(f.authors[0].name, "Jane Doe");
        assert_eq!(f.publisher.as_deref(), Some("Site"));
        assert!(f.published.is_some());
    }

    #[test]
    fn stats_and_org_authors() {
        let f = facts(
            r#"[{"@type":"WebSite","name":"S"},{"@type":["BlogPosting"],"headline":"H",
              "author":[{"@type":"Organization","name":"Org"},"A &amp; B"],
              "interactionStatistic":[
                {"@type":"InteractionCounter","interactionType":"https://schema.org/ViewAction","userInteractionCount":"1234"},
                {"@type":"InteractionCounter","interactionType":{"@type":"CommentAction"},"userInteractionCount":7}],
              "commentCount":9}]"#,
        );
        assert_eq!(f.website.as_deref(), Some("S"));
        assert_eq!(f.orgs, ["Org"]);
        assert_eq!(f.org_authors, ["Org"]);
        assert_eq!(f.views, Some(1234));
        assert_eq!(f.comments, Some(7));
    }

    #[test]
    fn wrappers_control_chars_and_limits() {
        assert!(parse_block("<!--{\"a\":\"x\ny\"}-->", 100).is_some());
        assert!(parse_block("{\"a\":1}", 3).is_none());
        assert!(parse_block("{not json", 100).is_none());
        // A stray closing brace or a second value after a complete object.
        let v = parse_block("{\"a\": {\"b\": 1}}\n}\n}", 100).expect("leading object");
        assert_eq!(v["a"]["b"], 1);
        assert!(parse_block("{\"a\":1} {\"b\":2}", 100).is_some());
        assert!(parse_block("1 }", 100).is_none());
        assert_eq!(decode_entities("a &amp; b &#8217; &#x41;"), "a & b ’ A");
        assert_eq!(
            decode_entities("Redacci&oacute;n &eacute;t&eacute;"),
            "Redacción été"
        );
        assert_eq!(decode_entities("a &nosuch; b"), "a &nosuch; b");
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let v = parse_block(&deep, 1 << 20).expect("parses");
        let f = facts_of(&[v]);
        assert!(f.headline.is_none());
    }

    #[test]
    fn embedded_post_metrics() {
        let v: Value = serde_json::from_str(
            r#"{"a":{"post":{"title":"T","slug":"t","metrics":{"views":25,"likes":1,"comments":0}}}}"#,
        )
        .expect("json");
        let e = embedded_counts(&v);
        assert_eq!(e.views, Some(25));
        assert_eq!(e.comments, Some(0));
    }
}
