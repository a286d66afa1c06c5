//! The content pass: finds the main text and builds the typed body.

use crate::dom::Document;
use crate::{Article, PageContext};

/// Fills `article.body` from `doc`.
pub(crate) fn extract(doc: &Document, page: &PageContext<'_>, article: &mut Article) {
    let _ = (doc, page, article);
}
