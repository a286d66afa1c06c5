//! Errors: why byline refused a page. Missing metadata is never an error.

/// Why byline refused a page. A page without a title, date or author is not an error: those
/// fields are `None` in the [`Article`](crate::Article).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`Limits::max_input_bytes`](crate::Limits::max_input_bytes).
    #[error("input is {len} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// Size of the input in bytes.
        len: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The caller named a charset that is not a known encoding label.
    #[error("unknown charset label {label:?}")]
    UnknownCharset {
        /// The label as given.
        label: String,
    },
    /// The caller passed a page URL that cannot be parsed as an absolute URL.
    #[error("invalid page URL {url:?}")]
    InvalidUrl {
        /// The URL as given.
        url: String,
    },
}

/// Stable numeric identity of an [`Error`], shared with the C header and the Python exceptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(i32)]
#[non_exhaustive]
pub enum ErrorCode {
    /// See [`Error::TooLarge`].
    TooLarge = 1,
    /// See [`Error::UnknownCharset`].
    UnknownCharset = 2,
    /// See [`Error::InvalidUrl`].
    InvalidUrl = 3,
}

impl Error {
    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::TooLarge { .. } => ErrorCode::TooLarge,
            Error::UnknownCharset { .. } => ErrorCode::UnknownCharset,
            Error::InvalidUrl { .. } => ErrorCode::InvalidUrl,
        }
    }
}

/// `Result` with byline's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
