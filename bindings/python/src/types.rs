//! The Python classes: `Article`, `Author`, `Comment`. Each wraps the Rust value and converts
//! fields to Python objects when they are read; all three are immutable.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use serde_json::{Map, Value};

use crate::convert::{date_to_py, json_to_py};

/// Longest title shown by `repr(Article)`, in characters.
const REPR_TITLE_CHARS: usize = 80;

/// Everything byline read from one page. Immutable; compare with `==`, pickle, `to_dict()`,
/// `to_json()`. A field the page does not give is `None` (or an empty list).
#[pyclass(frozen, eq, module = "byline")]
#[derive(PartialEq)]
pub(crate) struct Article {
    inner: byline::Article,
}

impl From<byline::Article> for Article {
    fn from(inner: byline::Article) -> Self {
        Article { inner }
    }
}

fn opt_date<'py>(py: Python<'py>, d: Option<&byline::PageDate>) -> Option<Bound<'py, PyAny>> {
    d.and_then(|d| date_to_py(py, d))
}

/// Reads a pickled state (the Rust serde form) without serde_json's recursion limit: bodies may
/// nest deeper than 128 levels, and their depth is bounded by the core's nesting limit.
fn from_state<T: serde::de::DeserializeOwned>(state: &str) -> PyResult<T> {
    let mut de = serde_json::Deserializer::from_str(state);
    de.disable_recursion_limit();
    let value = serde::Deserialize::deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
        .map_err(|e| PyValueError::new_err(format!("not a pickled byline value: {e}")))?;
    Ok(value)
}

fn to_state<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

impl Article {
    /// The Article as the CLI's JSON object: the serde form with `published` / `updated` as ISO
    /// strings, `published_raw` / `updated_raw` beside them, and `body_text`.
    fn flat_json(&self) -> Map<String, Value> {
        let a = &self.inner;
        let mut map = match serde_json::to_value(a) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        for (key, date) in [("published", &a.published), ("updated", &a.updated)] {
            map.insert(
                key.into(),
                date.as_ref()
                    .map_or(Value::Null, |d| Value::String(d.iso())),
            );
            map.insert(
                format!("{key}_raw"),
                date.as_ref()
                    .map_or(Value::Null, |d| Value::String(d.raw().to_owned())),
            );
        }
        map.insert("body_text".into(), Value::String(a.text()));
        map
    }
}

#[pymethods]
impl Article {
    /// The headline, without a " | Site" suffix.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// Credited authors in page order.
    #[getter]
    fn authors(&self) -> Vec<Author> {
        self.inner
            .authors
            .iter()
            .cloned()
            .map(Author::from)
            .collect()
    }

    /// First publication: `date` for a day, `datetime` for a time (timezone-aware when the
    /// page gave an offset, naive when it did not).
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        opt_date(py, self.inner.published.as_ref())
    }

    /// The page text `published` was read from.
    #[getter]
    fn published_raw(&self) -> Option<&str> {
        self.inner.published.as_ref().map(byline::PageDate::raw)
    }

    /// Last modification, as `published`.
    #[getter]
    fn updated<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        opt_date(py, self.inner.updated.as_ref())
    }

    /// The page text `updated` was read from.
    #[getter]
    fn updated_raw(&self) -> Option<&str> {
        self.inner.updated.as_ref().map(byline::PageDate::raw)
    }

    /// The body as plain text, one block per line (computed on each access).
    #[getter]
    fn text(&self) -> String {
        self.inner.text()
    }

    /// The body as CommonMark/GFM Markdown (computed on each access).
    #[getter]
    fn markdown(&self) -> String {
        self.inner.markdown()
    }

    /// The body as sanitized HTML (computed on each access).
    #[getter]
    fn html(&self) -> String {
        self.inner.html()
    }

    /// The body as typed blocks: `{"blocks": [...]}`, the JSON form.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = serde_json::to_value(&self.inner.body).unwrap_or(Value::Null);
        json_to_py(py, &v)
    }

    /// Views of this article.
    #[getter]
    fn view_count(&self) -> Option<u64> {
        self.inner.view_count
    }

    /// Reader comments on this article (the count the page shows or declares).
    #[getter]
    fn comment_count(&self) -> Option<u64> {
        self.inner.comment_count
    }

    /// Likes, claps, hearts or reactions.
    #[getter]
    fn like_count(&self) -> Option<u64> {
        self.inner.like_count
    }

    /// Site or publication name.
    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.inner.site_name.as_deref()
    }

    /// Absolute canonical URL.
    #[getter]
    fn canonical_url(&self) -> Option<&str> {
        self.inner.canonical_url.as_deref()
    }

    /// BCP-47 language tag.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.inner.language.as_deref()
    }

    /// The page's summary.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.inner.description.as_deref()
    }

    /// Keywords and tags.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.inner.tags.clone()
    }

    /// Lead image URL.
    #[getter]
    fn image(&self) -> Option<&str> {
        self.inner.image.as_deref()
    }

    /// Blogging platform (`"wordpress"`, `"wix"`, ...).
    #[getter]
    fn platform(&self) -> Option<&'static str> {
        self.inner.platform.map(byline::Platform::as_str)
    }

    /// Words in the body.
    #[getter]
    fn word_count(&self) -> u64 {
        self.inner.word_count
    }

    /// Reader comments shown on the page, in page order.
    #[getter]
    fn comments(&self) -> Vec<Comment> {
        self.inner
            .comments
            .iter()
            .cloned()
            .map(Comment::from)
            .collect()
    }

    /// Provenance: field name to the signal it came from (`"json-ld"`, `"open-graph"`, ...),
    /// for the fields that have a value.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        if let Ok(Value::Object(m)) = serde_json::to_value(&self.inner.sources) {
            for (k, v) in m {
                if let Value::String(s) = v {
                    dict.set_item(k, s)?;
                }
            }
        }
        Ok(dict)
    }

    /// The keys of `to_json()` as Python objects; dates are `date` / `datetime` objects (comment
    /// dates too, with `date_raw` beside them).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let obj = json_to_py(py, &Value::Object(self.flat_json()))?;
        let dict = obj.cast::<PyDict>()?;
        dict.set_item("published", self.published(py))?;
        dict.set_item("updated", self.updated(py))?;
        let comments = PyList::empty(py);
        for c in &self.inner.comments {
            comments.append(Comment::from(c.clone()).to_dict(py)?)?;
        }
        dict.set_item("comments", comments)?;
        Ok(obj)
    }

    /// The Article as JSON, the same object the CLI prints (`byline --format json`).
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        let map = self.flat_json();
        let out = match indent {
            None => serde_json::to_string(&map),
            Some(n) => {
                let pad = " ".repeat(n);
                let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
                let mut buf = Vec::new();
                let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
                serde::Serialize::serialize(&map, &mut ser)
                    .map(|()| String::from_utf8_lossy(&buf).into_owned())
            }
        };
        out.map_err(|e| PyValueError::new_err(e.to_string()))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let a = &self.inner;
        let title = match &a.title {
            None => "None".to_owned(),
            Some(t) => {
                let mut short: String = t.chars().take(REPR_TITLE_CHARS).collect();
                if short.len() < t.len() {
                    short.push('…');
                }
                PyString::new(py, &short).repr()?.to_string()
            }
        };
        let authors: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
        let authors = PyList::new(py, authors)?.repr()?.to_string();
        let published = a.published.as_ref().map_or("None".into(), |d| d.iso());
        let platform = a.platform.map_or("None", byline::Platform::as_str);
        Ok(format!(
            "<byline.Article title={title} authors={authors} published={published} \
             platform={platform} word_count={}>",
            a.word_count
        ))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py
            .import("byline._byline")?
            .getattr("_article_from_state")?;
        (f, (to_state(&self.inner)?,)).into_pyobject(py)
    }
}

/// Rebuilds an Article from `Article.__reduce__` state.
#[pyfunction]
pub(crate) fn _article_from_state(state: &str) -> PyResult<Article> {
    from_state::<byline::Article>(state).map(Article::from)
}

/// A credited author: a name and, when the page links one, a URL.
#[pyclass(frozen, eq, hash, module = "byline")]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct Author {
    /// The name as credited.
    #[pyo3(get)]
    name: String,
    /// The author's page or profile (absolute URL).
    #[pyo3(get)]
    url: Option<String>,
}

impl From<byline::Author> for Author {
    fn from(a: byline::Author) -> Self {
        Author {
            name: a.name,
            url: a.url,
        }
    }
}

#[pymethods]
impl Author {
    #[new]
    #[pyo3(signature = (name, url=None))]
    fn new(name: String, url: Option<String>) -> Self {
        Author { name, url }
    }

    /// `{"name": ..., "url": ...}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("name", &self.name)?;
        d.set_item("url", &self.url)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let name = PyString::new(py, &self.name).repr()?;
        Ok(match &self.url {
            None => format!("Author({name})"),
            Some(u) => format!("Author({name}, url={})", PyString::new(py, u).repr()?),
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let me = slf.get();
        (slf.get_type(), (me.name.clone(), me.url.clone())).into_pyobject(slf.py())
    }
}

/// A reader comment shown below the article.
#[pyclass(frozen, eq, module = "byline")]
#[derive(PartialEq)]
pub(crate) struct Comment {
    inner: byline::Comment,
}

impl From<byline::Comment> for Comment {
    fn from(inner: byline::Comment) -> Self {
        Comment { inner }
    }
}

#[pymethods]
impl Comment {
    /// The commenter's name as shown.
    #[getter]
    fn author(&self) -> Option<&str> {
        self.inner.author.as_deref()
    }

    /// When the comment was posted (`date` or `datetime`, as `Article.published`).
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        opt_date(py, self.inner.date.as_ref())
    }

    /// The page text `date` was read from.
    #[getter]
    fn date_raw(&self) -> Option<&str> {
        self.inner.date.as_ref().map(byline::PageDate::raw)
    }

    /// The comment text, paragraphs separated by newlines.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// `{"author": ..., "date": ..., "date_raw": ..., "text": ...}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("author", self.author())?;
        d.set_item("date", self.date(py))?;
        d.set_item("date_raw", self.date_raw())?;
        d.set_item("text", self.text())?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let author = match self.author() {
            None => "None".to_owned(),
            Some(a) => PyString::new(py, a).repr()?.to_string(),
        };
        let date = self
            .inner
            .date
            .as_ref()
            .map_or("None".into(), byline::PageDate::iso);
        let words = self.inner.text.split_whitespace().count();
        Ok(format!(
            "<byline.Comment author={author} date={date} words={words}>"
        ))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py
            .import("byline._byline")?
            .getattr("_comment_from_state")?;
        (f, (to_state(&self.inner)?,)).into_pyobject(py)
    }
}

/// Rebuilds a Comment from `Comment.__reduce__` state.
#[pyfunction]
pub(crate) fn _comment_from_state(state: &str) -> PyResult<Comment> {
    from_state::<byline::Comment>(state).map(Comment::from)
}
