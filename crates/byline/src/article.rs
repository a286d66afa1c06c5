//! The extracted article: one plain value type.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::body::Body;

/// Everything byline read from one page.
///
/// Every field is always present in the serialized form: a value that the page does not give is
/// `null` (or an empty list), never an error. [`Article::sources`] tells, for each field, which
/// signal of the page produced it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// The article's headline, without a " | Site" suffix.
    pub title: Option<String>,
    /// Credited authors in page order, roles stripped, deduplicated.
    pub authors: Vec<Author>,
    /// First publication date.
    pub published: Option<PageDate>,
    /// Last modification date, when the page declares or shows one.
    pub updated: Option<PageDate>,
    /// The main text as typed blocks; see [`Body::text`] and [`Body::markdown`].
    pub body: Body,
    /// Number of views of this article, as the page shows or declares it.
    pub view_count: Option<u64>,
    /// Number of reader comments on this article.
    pub comment_count: Option<u64>,
    /// Number of likes (claps, hearts, reactions) of this article.
    pub like_count: Option<u64>,
    /// Name of the site or publication.
    pub site_name: Option<String>,
    /// The canonical URL of the article (absolute).
    pub canonical_url: Option<String>,
    /// The page language as a BCP-47 tag (`en`, `de-AT`).
    pub language: Option<String>,
    /// Summary of the article as the page describes it.
    pub description: Option<String>,
    /// Keywords and tags, in page order, deduplicated.
    pub tags: Vec<String>,
    /// The lead image (absolute URL).
    pub image: Option<String>,
    /// Blogging platform or CMS that produced the page, when recognised.
    pub platform: Option<Platform>,
    /// Number of words in the body text.
    pub word_count: u64,
    /// Reader comments shown on the page, in page order; never part of [`Article::body`].
    pub comments: Vec<Comment>,
    /// Which signal produced each field.
    pub sources: Sources,
}

impl Article {
    /// The body as plain text, one block per line.
    pub fn text(&self) -> String {
        self.body.text()
    }

    /// The body as CommonMark/GFM Markdown.
    pub fn markdown(&self) -> String {
        self.body.markdown()
    }

    /// The body as sanitized HTML, safe to embed.
    pub fn html(&self) -> String {
        self.body.html()
    }
}

/// A credited author.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Author {
    /// The name as credited, whitespace collapsed.
    pub name: String,
    /// The author's page or profile, when the page links one (absolute URL).
    pub url: Option<String>,
}

impl Author {
    /// An author with a name and an optional URL.
    pub fn new(name: impl Into<String>, url: Option<String>) -> Author {
        Author {
            name: name.into(),
            url,
        }
    }
}

/// A reader comment shown below the article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comment {
    /// The commenter's name as shown.
    pub author: Option<String>,
    /// When the comment was posted, when the page shows it.
    pub date: Option<PageDate>,
    /// The comment text, paragraphs separated by newlines.
    pub text: String,
}

impl Comment {
    /// A comment with the given author, date and text.
    pub fn new(author: Option<String>, date: Option<PageDate>, text: impl Into<String>) -> Comment {
        Comment {
            author,
            date,
            text: text.into(),
        }
    }
}

/// A date as the page gave it: a calendar day, or a date-time with the UTC offset the page
/// stated (if it stated one), together with the raw string it was read from.
///
/// Serialized as an object: `{"iso": "2021-07-30T09:15:00+02:00", "raw": "…"}`; the CLI's
/// flat JSON lines carry the ISO string alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PageDateRepr", into = "PageDateRepr")]
pub struct PageDate {
    value: DateValue,
    raw: String,
}

/// The value of a [`PageDate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateValue {
    /// Only a day was given.
    Day(jiff::civil::Date),
    /// A date and time of day; `offset` is `None` when the page gave no zone (floating local time).
    DateTime {
        /// The local date and time as written.
        datetime: jiff::civil::DateTime,
        /// The UTC offset the page stated, if any.
        offset: Option<jiff::tz::Offset>,
    },
}

impl PageDate {
    /// A date with the raw page text it came from.
    pub fn new(value: DateValue, raw: impl Into<String>) -> PageDate {
        PageDate {
            value,
            raw: raw.into(),
        }
    }

    /// The parsed value.
    pub fn value(&self) -> DateValue {
        self.value
    }

    /// The calendar day as written on the page (no time-zone conversion).
    pub fn date(&self) -> jiff::civil::Date {
        match self.value {
            DateValue::Day(d) => d,
            DateValue::DateTime { datetime, .. } => datetime.date(),
        }
    }

    /// The string the date was read from, as the page had it.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// ISO 8601: `2021-07-30`, `2021-07-30T09:15:00`, or `2021-07-30T09:15:00+02:00`.
    pub fn iso(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for PageDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value {
            DateValue::Day(d) => write!(f, "{d}"),
            DateValue::DateTime { datetime, offset } => {
                let dt = datetime.strftime("%Y-%m-%dT%H:%M:%S");
                match offset {
                    None => write!(f, "{dt}"),
                    Some(o) if o.seconds() == 0 => write!(f, "{dt}Z"),
                    Some(o) => {
                        let s = o.seconds();
                        let sign = if s < 0 { '-' } else { '+' };
                        let s = s.unsigned_abs();
                        write!(f, "{dt}{sign}{:02}:{:02}", s / 3600, (s / 60) % 60)
                    }
                }
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
struct PageDateRepr {
    iso: String,
    raw: String,
}

impl From<PageDate> for PageDateRepr {
    fn from(d: PageDate) -> Self {
        PageDateRepr {
            iso: d.iso(),
            raw: d.raw,
        }
    }
}

impl TryFrom<PageDateRepr> for PageDate {
    type Error = String;
    fn try_from(r: PageDateRepr) -> Result<Self, String> {
        let value = crate::dates::parse_iso(&r.iso)
            .ok_or_else(|| format!("not an ISO 8601 date: {:?}", r.iso))?;
        Ok(PageDate { value, raw: r.raw })
    }
}

/// A blogging platform or CMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Platform {
    /// Wix (Wix Blog).
    Wix,
    /// Self-hosted WordPress.
    #[serde(rename = "wordpress")]
    WordPress,
    /// WordPress.com.
    #[serde(rename = "wordpress-com")]
    WordPressCom,
    /// Blogger / Blogspot.
    Blogger,
    /// Medium.
    Medium,
    /// Substack.
    Substack,
    /// Ghost.
    Ghost,
    /// Squarespace.
    Squarespace,
    /// Tumblr.
    Tumblr,
    /// Webflow.
    Webflow,
    /// Hashnode.
    Hashnode,
    /// dev.to (Forem).
    #[serde(rename = "devto")]
    DevTo,
    /// Hugo static site.
    Hugo,
    /// Jekyll static site.
    Jekyll,
    /// Another static-site generator (Hexo, Eleventy, Gatsby, …).
    StaticSite,
}

impl Platform {
    /// The kebab-case name used in JSON (`"wordpress-com"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Wix => "wix",
            Platform::WordPress => "wordpress",
            Platform::WordPressCom => "wordpress-com",
            Platform::Blogger => "blogger",
            Platform::Medium => "medium",
            Platform::Substack => "substack",
            Platform::Ghost => "ghost",
            Platform::Squarespace => "squarespace",
            Platform::Tumblr => "tumblr",
            Platform::Webflow => "webflow",
            Platform::Hashnode => "hashnode",
            Platform::DevTo => "devto",
            Platform::Hugo => "hugo",
            Platform::Jekyll => "jekyll",
            Platform::StaticSite => "static-site",
        }
    }
}

/// The kind of page signal a field value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Source {
    /// A `<script type="application/ld+json">` block.
    JsonLd,
    /// HTML microdata (`itemprop`).
    Microdata,
    /// OpenGraph `og:*` / `article:*` meta tags.
    OpenGraph,
    /// Twitter card meta tags.
    TwitterCard,
    /// Dublin Core (`DC.*`, `dcterms.*`) meta tags.
    DublinCore,
    /// Another `<meta name=…>` tag (`author`, `date`, `description`, `keywords`, …).
    Meta,
    /// A `rel="author"` link.
    RelAuthor,
    /// A `<time datetime>` element.
    TimeElement,
    /// The document `<title>`.
    TitleElement,
    /// A heading (`<h1>`) of the page.
    Heading,
    /// A rule for the page's blogging platform (markup the platform is known to emit).
    PlatformRule,
    /// Text a reader sees on the page (a byline, a date line, a counter).
    VisibleText,
    /// The page URL.
    Url,
    /// `<link rel="canonical">` and other `<link>` elements.
    Link,
    /// The `lang` attribute of the document.
    LangAttribute,
    /// The main-content extractor.
    Content,
}

/// Provenance: which [`Source`] produced each field of an [`Article`]. `None` where the field is
/// absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
#[expect(
    missing_docs,
    reason = "each field names the Article field it describes"
)]
pub struct Sources {
    pub title: Option<Source>,
    pub authors: Option<Source>,
    pub published: Option<Source>,
    pub updated: Option<Source>,
    pub body: Option<Source>,
    pub view_count: Option<Source>,
    pub comment_count: Option<Source>,
    pub like_count: Option<Source>,
    pub site_name: Option<Source>,
    pub canonical_url: Option<Source>,
    pub language: Option<Source>,
    pub description: Option<Source>,
    pub tags: Option<Source>,
    pub image: Option<Source>,
    pub platform: Option<Source>,
    pub comments: Option<Source>,
}
