//! The metadata pass: structured data, platform rules and visible text.

use crate::dom::Document;
use crate::{Article, PageContext};

/// Fills the metadata fields of `article` from `doc`.
pub(crate) fn extract(doc: &Document, page: &PageContext<'_>, article: &mut Article) {
    let _ = (doc, page, article);
}
