//! Python bindings of byline: the `byline._byline` extension module, re-exported by the `byline`
//! package (`python/byline`). A thin layer: converts arguments, releases the interpreter while
//! the core parses, catches panics, and wraps results in immutable Python classes. No extraction
//! logic lives here.

#![deny(missing_docs)]

mod convert;
mod limits;
mod types;
mod warc;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};

use types::{Article, Author, Comment};

pyo3::create_exception!(
    byline,
    BylineError,
    PyValueError,
    "byline refused the input. Subclasses name the reason; `code` is the stable number of the \
     C API's status (BYLINE_ERR_*)."
);
pyo3::create_exception!(
    byline,
    TooLargeError,
    BylineError,
    "The input is larger than the size limit (64 MiB)."
);
pyo3::create_exception!(
    byline,
    UnknownCharsetError,
    BylineError,
    "The charset argument is not a known encoding label."
);
pyo3::create_exception!(
    byline,
    InvalidUrlError,
    BylineError,
    "The url argument is not an absolute URL."
);
pyo3::create_exception!(
    byline,
    InternalError,
    BylineError,
    "A bug in byline: the extraction failed unexpectedly (a Rust panic, caught). The interpreter \
     is unaffected; please report the page."
);

/// Why a page gave no Article, before it is turned into a Python exception.
enum Failure {
    Core(byline::Error),
    Panic(String),
}

impl Failure {
    fn into_pyerr(self) -> PyErr {
        match self {
            Failure::Core(e) => core_error(&e),
            Failure::Panic(msg) => {
                InternalError::new_err(format!("internal error while parsing: {msg}"))
            }
        }
    }
}

/// The Python exception for a core error.
fn core_error(e: &byline::Error) -> PyErr {
    let msg = e.to_string();
    match e.code() {
        byline::ErrorCode::TooLarge => TooLargeError::new_err(msg),
        byline::ErrorCode::UnknownCharset => UnknownCharsetError::new_err(msg),
        byline::ErrorCode::InvalidUrl => InvalidUrlError::new_err(msg),
        _ => BylineError::new_err(msg),
    }
}

/// A page as the core reads it.
enum Input {
    Bytes(Vec<u8>),
    Text(String),
}

/// Copies a `bytes`, `bytearray` or `str` argument out of Python (so the core can run without
/// the interpreter). Lone surrogates in a `str` become U+FFFD.
fn input_from(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<Input> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Input::Bytes(b.to_vec()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Input::Text(s.to_string_lossy().into_owned()));
    }
    Err(PyTypeError::new_err(format!(
        "{} must be bytes or str, not {}",
        what(),
        obj.get_type().name()?
    )))
}

/// The fork gate: the number of parses running, and [`FORKING`] while `os.fork()` waits for
/// them. html5ever interns unknown tag and attribute names in a process-wide table behind a
/// lock; a fork while another thread holds it would leave the child with a lock that is never
/// released. So a fork waits until no parse runs, and no parse starts until the fork is done.
/// Atomics only: nothing here can be inherited in a locked state.
static GATE: AtomicUsize = AtomicUsize::new(0);
/// The flag bit of [`GATE`]: a fork is in progress.
const FORKING: usize = 1 << (usize::BITS - 1);

/// One running parse, counted in [`GATE`] while it lives.
struct Running;

impl Running {
    fn enter() -> Running {
        while GATE
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |s| {
                (s & FORKING == 0).then_some(s + 1)
            })
            .is_err()
        {
            std::thread::sleep(Duration::from_millis(1));
        }
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        GATE.fetch_sub(1, Ordering::SeqCst);
    }
}

/// `os.register_at_fork(before=...)`: stops new parses and waits for running ones. Runs with
/// the interpreter attached, which parses never need, so they all finish.
#[pyfunction]
fn _before_fork() {
    GATE.fetch_or(FORKING, Ordering::SeqCst);
    while GATE.load(Ordering::SeqCst) & !FORKING != 0 {
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// `os.register_at_fork(after_in_parent=...)`: parses may start again.
#[pyfunction]
fn _after_fork_in_parent() {
    GATE.fetch_and(!FORKING, Ordering::SeqCst);
}

/// `os.register_at_fork(after_in_child=...)`: the child runs no parse yet.
#[pyfunction]
fn _after_fork_in_child() {
    GATE.store(0, Ordering::SeqCst);
}

/// Runs the core on one page; a panic becomes [`Failure::Panic`].
fn run(parser: &byline::Parser, input: &Input) -> Result<byline::Article, Failure> {
    let _running = Running::enter();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        inject_panic(input);
        match input {
            Input::Bytes(b) => parser.parse(b),
            Input::Text(s) => parser.parse_str(s),
        }
    }));
    match outcome {
        Ok(r) => r.map_err(Failure::Core),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_owned());
            Err(Failure::Panic(msg))
        }
    }
}

/// The marker that makes a `inject-panic` build panic inside the extraction.
#[cfg(feature = "inject-panic")]
const PANIC_MARKER: &[u8] = b"BYLINE-INJECT-PANIC";

#[cfg(feature = "inject-panic")]
fn inject_panic(input: &Input) {
    let bytes = match input {
        Input::Bytes(b) => b.as_slice(),
        Input::Text(s) => s.as_bytes(),
    };
    if bytes.windows(PANIC_MARKER.len()).any(|w| w == PANIC_MARKER) {
        panic!("injected test panic");
    }
}

#[cfg(not(feature = "inject-panic"))]
fn inject_panic(_: &Input) {}

fn make_parser(
    url: Option<&str>,
    charset: Option<&str>,
    limits: Option<&limits::Limits>,
) -> Result<byline::Parser, byline::Error> {
    let mut p = byline::Parser::new();
    if let Some(l) = limits {
        p = p.limits(l.inner.clone());
    }
    if let Some(u) = url {
        p = p.url(u)?;
    }
    if let Some(c) = charset {
        p = p.charset(c);
    }
    Ok(p)
}

/// Extracts the article from one page.
///
/// `html` is the page as `bytes` (or `bytearray`) in any encoding, or as an already decoded
/// `str`. `url` is the page's absolute URL (resolves relative links; a last-resort date
/// source). `charset` is the encoding the page was served with (e.g. from the HTTP
/// Content-Type); it overrides `<meta charset>` but not a byte-order mark, and applies to bytes
/// only. A page without a title, date or author is not an error: those attributes are `None`.
///
/// `limits` (a `byline.Limits`) bounds the work on hostile pages; the defaults suit the web.
///
/// Raises `TooLargeError` (over `limits.max_input_bytes`, 64 MiB by default),
/// `UnknownCharsetError`, `InvalidUrlError` (all `BylineError`, a `ValueError`), and
/// `TypeError` for arguments of the wrong type. The GIL is released while the page is parsed.
#[pyfunction]
#[pyo3(signature = (html, *, url=None, charset=None, limits=None))]
fn parse(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&str>,
    charset: Option<&str>,
    limits: Option<PyRef<'_, limits::Limits>>,
) -> PyResult<Article> {
    let input = input_from(html, &|| "html".to_owned())?;
    if charset.is_some() && matches!(input, Input::Text(_)) {
        return Err(PyTypeError::new_err(
            "charset applies to bytes input only; a str is already decoded",
        ));
    }
    let parser = make_parser(url, charset, limits.as_deref()).map_err(|e| core_error(&e))?;
    py.detach(|| run(&parser, &input))
        .map(Article::from)
        .map_err(Failure::into_pyerr)
}

/// Reads a file (`str` or `os.PathLike`) and extracts the article from it, as `parse`.
///
/// Files over `limits.max_input_bytes` (64 MiB by default) are refused with `TooLargeError`
/// before they are read; I/O failures raise `OSError` (`FileNotFoundError`, ...).
#[pyfunction]
#[pyo3(signature = (path, *, url=None, charset=None, limits=None))]
fn parse_file(
    py: Python<'_>,
    path: PathBuf,
    url: Option<&str>,
    charset: Option<&str>,
    limits: Option<PyRef<'_, limits::Limits>>,
) -> PyResult<Article> {
    let parser = make_parser(url, charset, limits.as_deref()).map_err(|e| core_error(&e))?;
    let limit = limits.as_deref().map_or_else(
        || byline::Limits::default().max_input_bytes,
        |l| l.inner.max_input_bytes,
    );
    let read = py.detach(|| -> std::io::Result<Result<Vec<u8>, byline::Error>> {
        let len = std::fs::metadata(&path)?.len();
        if len > limit as u64 {
            return Ok(Err(byline::Error::TooLarge {
                len: usize::try_from(len).unwrap_or(usize::MAX),
                limit,
            }));
        }
        std::fs::read(&path).map(Ok)
    })?;
    let input = Input::Bytes(read.map_err(|e| core_error(&e))?);
    py.detach(|| run(&parser, &input))
        .map(Article::from)
        .map_err(Failure::into_pyerr)
}

/// Extracts many pages in parallel; returns a list in input order.
///
/// `pages` is any iterable of `bytes` / `str`; it is read (and copied) first, then the GIL is
/// released and the pages are parsed on a thread pool of this call's own with `threads`
/// threads (default: one per CPU). `urls`, when given, is an iterable of the same length with
/// each page's URL (or `None`). `charset` and `limits` apply to every page. A refused page raises
/// its `BylineError` (the first in input order), or with `return_exceptions=True` takes its
/// place in the list as the exception object. All inputs and results are held in memory at
/// once: feed very large collections in chunks (a few thousand pages each).
#[pyfunction]
#[pyo3(signature = (pages, *, urls=None, charset=None, threads=None, return_exceptions=false, limits=None))]
fn parse_many<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    urls: Option<&Bound<'py, PyAny>>,
    charset: Option<&str>,
    threads: Option<&Bound<'py, PyAny>>,
    return_exceptions: bool,
    limits: Option<PyRef<'py, limits::Limits>>,
) -> PyResult<Bound<'py, PyList>> {
    if pages.is_instance_of::<PyBytes>()
        || pages.is_instance_of::<PyString>()
        || pages.is_instance_of::<PyByteArray>()
    {
        return Err(PyTypeError::new_err(
            "parse_many takes an iterable of pages (bytes or str); use parse() for one page",
        ));
    }
    let threads = match threads {
        None => None,
        Some(t) if t.is_none() => None,
        Some(t) => {
            if t.is_instance_of::<pyo3::types::PyBool>() {
                return Err(PyTypeError::new_err("threads must be an int or None"));
            }
            let n: i64 = t
                .extract()
                .map_err(|_| PyTypeError::new_err("threads must be an int or None"))?;
            if n < 1 {
                return Err(PyValueError::new_err("threads must be at least 1"));
            }
            Some(usize::try_from(n).unwrap_or(usize::MAX).min(1024))
        }
    };
    let mut inputs = Vec::new();
    for (i, page) in pages.try_iter()?.enumerate() {
        inputs.push(input_from(&page?, &|| format!("pages[{i}]"))?);
    }
    let base = make_parser(None, charset, limits.as_deref()).map_err(|e| core_error(&e))?;
    let mut parsers: Vec<Result<byline::Parser, byline::Error>> = Vec::new();
    if let Some(urls) = urls {
        for (i, u) in urls.try_iter()?.enumerate() {
            let u = u?;
            if u.is_none() {
                parsers.push(Ok(base.clone()));
            } else {
                let s = u
                    .cast::<PyString>()
                    .map_err(|_| PyTypeError::new_err(format!("urls[{i}] must be str or None")))?;
                parsers.push(base.clone().url(&s.to_string_lossy()));
            }
        }
        if parsers.len() != inputs.len() {
            return Err(PyValueError::new_err(format!(
                "{} urls for {} pages",
                parsers.len(),
                inputs.len()
            )));
        }
    }

    let results: Result<Vec<Result<byline::Article, Failure>>, String> = py.detach(|| {
        use rayon::prelude::*;
        // A pool of our own for each call, never rayon's global one: a process forked while
        // the global pool exists would inherit a pool without threads.
        let mut builder = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("byline-{i}"));
        if let Some(n) = threads {
            builder = builder.num_threads(n);
        }
        let pool = builder.build().map_err(|e| e.to_string())?;
        Ok(pool.install(|| {
            inputs
                .par_iter()
                .enumerate()
                .map(|(i, input)| match parsers.get(i) {
                    None => run(&base, input),
                    Some(Ok(p)) => run(p, input),
                    Some(Err(e)) => Err(Failure::Core(e.clone())),
                })
                .collect()
        }))
    });
    let results = results.map_err(|e| PyRuntimeError::new_err(format!("no thread pool: {e}")))?;

    let out = PyList::empty(py);
    for r in results {
        match r {
            Ok(a) => out.append(Bound::new(py, Article::from(a))?)?,
            Err(f) if return_exceptions => out.append(f.into_pyerr().into_value(py))?,
            Err(f) => return Err(f.into_pyerr()),
        }
    }
    Ok(out)
}

/// The `byline._byline` extension module.
#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("_INJECT_PANIC", cfg!(feature = "inject-panic"))?;
    m.add_class::<Article>()?;
    m.add_class::<Author>()?;
    m.add_class::<Comment>()?;
    m.add_class::<limits::Limits>()?;
    m.add_function(wrap_pyfunction!(limits::_limits_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_class::<warc::WarcReader>()?;
    m.add_function(wrap_pyfunction!(warc::_parse_records, m)?)?;
    m.add_function(wrap_pyfunction!(types::_article_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(types::_comment_from_state, m)?)?;
    for (name, ty, code) in [
        ("BylineError", py.get_type::<BylineError>(), 199),
        (
            "TooLargeError",
            py.get_type::<TooLargeError>(),
            byline::ErrorCode::TooLarge as i32,
        ),
        (
            "UnknownCharsetError",
            py.get_type::<UnknownCharsetError>(),
            byline::ErrorCode::UnknownCharset as i32,
        ),
        (
            "InvalidUrlError",
            py.get_type::<InvalidUrlError>(),
            byline::ErrorCode::InvalidUrl as i32,
        ),
        ("InternalError", py.get_type::<InternalError>(), 102),
    ] {
        ty.setattr("code", code)?;
        m.add(name, ty)?;
    }
    let hooks = pyo3::types::PyDict::new(py);
    hooks.set_item("before", wrap_pyfunction!(_before_fork, m)?)?;
    hooks.set_item(
        "after_in_parent",
        wrap_pyfunction!(_after_fork_in_parent, m)?,
    )?;
    hooks.set_item("after_in_child", wrap_pyfunction!(_after_fork_in_child, m)?)?;
    // Absent where the platform has no fork (Windows).
    if let Ok(register) = py.import("os")?.getattr("register_at_fork") {
        register.call((), Some(&hooks))?;
    }
    Ok(())
}
