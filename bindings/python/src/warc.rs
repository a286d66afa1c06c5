//! WARC input for Python: the reader behind `byline.iter_warc` / `byline.iter_warc_records`, and
//! `_parse_records` behind `byline.parse_records`.
//!
//! A background thread reads the archive in file order in bounded batches (at most [`BATCH`]
//! pages and [`BATCH_BYTES`] of payload), parses each batch on a rayon pool of its own, and hands
//! the results over a channel holding at most one batch. Python takes items one at a time and
//! waits for the next batch with the GIL released. Memory is bounded by about three batches,
//! whatever the size of the archive. The Python wrapper (`python/byline/_warc.py`) turns the
//! items into `WarcRecord`s and applies the `errors=` policy.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, sync_channel};

use byline::warc::{WarcError, WarcPage, WarcPages};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};

use crate::limits::Limits;
use crate::types::Article;
use crate::{Failure, Input, run};

/// Most pages per batch.
const BATCH: usize = 128;
/// Most payload bytes per batch.
const BATCH_BYTES: usize = 16 * 1024 * 1024;

/// What the record says about a page (the fields of `byline.WarcRecord`).
struct Info {
    uri: Option<String>,
    date: Option<String>,
    record_id: Option<String>,
    status: u16,
    content_type: Option<String>,
    charset: Option<String>,
    offset: u64,
}

/// A page's result: the Article, the failure, or (records mode) the payload.
enum Outcome {
    Parsed(Result<Box<byline::Article>, Failure>),
    Raw(Vec<u8>),
}

/// One item of the reader.
type Item = Result<(Info, Outcome), WarcError>;

/// A batch as the reader thread sends it (`Err`: the thread could not start its pool).
type Sent = Result<Vec<Item>, String>;

/// Splits a page into its record fields and payload.
fn split(page: WarcPage) -> (Info, Vec<u8>) {
    let WarcPage {
        uri,
        date,
        record_id,
        status,
        content_type,
        charset,
        body,
        offset,
        ..
    } = page;
    let info = Info {
        uri,
        date,
        record_id,
        status,
        content_type,
        charset,
        offset,
    };
    (info, body)
}

/// Reads one batch of items; empty at the end of the archive.
fn read_batch(pages: &mut WarcPages) -> Vec<Result<WarcPage, WarcError>> {
    pages.next_batch(BATCH, BATCH_BYTES)
}

/// The background thread: reads, parses (unless `parse` is false) and sends batches until the
/// archive ends or the receiver is dropped.
fn produce(
    mut pages: WarcPages,
    parse: bool,
    threads: Option<usize>,
    limits: byline::Limits,
    tx: std::sync::mpsc::SyncSender<Sent>,
) {
    let pool = if parse {
        let mut builder =
            rayon::ThreadPoolBuilder::new().thread_name(|i| format!("byline-warc-{i}"));
        if let Some(n) = threads {
            builder = builder.num_threads(n);
        }
        match builder.build() {
            Ok(p) => Some(p),
            Err(e) => {
                let _ = tx.send(Err(format!("no thread pool: {e}")));
                return;
            }
        }
    } else {
        None
    };
    let base = byline::Parser::new().limits(limits);
    loop {
        let read =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_batch(&mut pages)));
        let Ok(batch) = read else {
            // A bug in the reader: end the iteration with an error rather than silently.
            let _ = tx.send(Err(
                "internal error while reading the archive (a Rust panic, caught); please report the file"
                    .to_owned(),
            ));
            return;
        };
        if batch.is_empty() {
            return;
        }
        let items: Vec<Item> = match &pool {
            Some(pool) => pool.install(|| {
                use rayon::prelude::*;
                batch
                    .into_par_iter()
                    .map(|item| {
                        item.map(|page| {
                            let parser = page.parser(&base);
                            let (info, body) = split(page);
                            (
                                info,
                                Outcome::Parsed(run(&parser, &Input::Bytes(body)).map(Box::new)),
                            )
                        })
                    })
                    .collect()
            }),
            None => batch
                .into_iter()
                .map(|item| {
                    item.map(|page| {
                        let (info, body) = split(page);
                        (info, Outcome::Raw(body))
                    })
                })
                .collect(),
        };
        if tx.send(Ok(items)).is_err() {
            return;
        }
    }
}

/// The items of one archive, in file order. Each item is a tuple `(kind, info, value)`:
/// `kind` 0 with `value` the Article (or the payload `bytes` in records mode), `kind` 1 with
/// `value` the exception of a page byline refused, `kind` 2 with `info` None and `value`
/// `(error_kind, offset, message)` for a record that could not be read. A read error raises
/// `OSError`. Internal: use `byline.iter_warc` / `byline.iter_warc_records`.
#[pyclass(module = "byline._byline", name = "_WarcReader")]
pub(crate) struct WarcReader {
    /// `None` once the archive is read to the end.
    rx: Mutex<Option<Receiver<Sent>>>,
    queue: Mutex<VecDeque<Item>>,
    /// The process that started the reader thread (a forked child has no such thread).
    pid: u32,
}

#[pymethods]
impl WarcReader {
    /// Opens `path` and starts reading it. `parse`: extract Articles (else give the payloads);
    /// `threads`: parsing threads (default: one per CPU); `limits`: per-page limits. Raises
    /// `OSError` if the file cannot be opened.
    #[new]
    #[pyo3(signature = (path, *, parse=true, threads=None, limits=None))]
    fn new(
        py: Python<'_>,
        path: PathBuf,
        parse: bool,
        threads: Option<usize>,
        limits: Option<PyRef<'_, Limits>>,
    ) -> PyResult<Self> {
        let limits = limits.map_or_else(byline::Limits::default, |l| l.inner.clone());
        if threads == Some(0) {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "threads must be at least 1",
            ));
        }
        let pages = py
            .detach(|| WarcPages::open(&path))
            .map_err(|e| PyOSError::new_err(e.to_string()))?;
        let (tx, rx) = sync_channel(1);
        let threads = threads.map(|n| n.min(1024));
        std::thread::Builder::new()
            .name("byline-warc-reader".to_owned())
            .spawn(move || produce(pages, parse, threads, limits, tx))
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start the reader: {e}")))?;
        Ok(WarcReader {
            rx: Mutex::new(Some(rx)),
            queue: Mutex::new(VecDeque::new()),
            pid: std::process::id(),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyTuple>>> {
        if std::process::id() != self.pid {
            return Err(PyRuntimeError::new_err(
                "a WARC iterator cannot be used in a forked child; open the archive again there",
            ));
        }
        let busy = || PyRuntimeError::new_err("WARC iterator already executing");
        let mut queue = self.queue.try_lock().map_err(|_| busy())?;
        if queue.is_empty() {
            let mut rx = self.rx.try_lock().map_err(|_| busy())?;
            let Some(receiver) = rx.take() else {
                return Ok(None);
            };
            // A `Receiver` is not `Sync`: move it into the closure and back.
            let (receiver, got) = py.detach(move || {
                let got = receiver.recv();
                (receiver, got)
            });
            match got {
                Ok(Ok(items)) => {
                    queue.extend(items);
                    *rx = Some(receiver);
                }
                Ok(Err(msg)) => return Err(PyRuntimeError::new_err(msg)),
                Err(_) => return Ok(None),
            }
        }
        let Some(item) = queue.pop_front() else {
            return Ok(None);
        };
        let tuple = match item {
            Ok((info, outcome)) => {
                let info = (
                    info.uri,
                    info.date,
                    info.record_id,
                    info.status,
                    info.content_type,
                    info.charset,
                    info.offset,
                )
                    .into_pyobject(py)?;
                match outcome {
                    Outcome::Parsed(Ok(a)) => {
                        (0, info, Bound::new(py, Article::from(*a))?).into_pyobject(py)?
                    }
                    Outcome::Parsed(Err(f)) => {
                        (1, info, f.into_pyerr().into_value(py)).into_pyobject(py)?
                    }
                    Outcome::Raw(body) => (0, info, PyBytes::new(py, &body)).into_pyobject(py)?,
                }
            }
            Err(WarcError::Io { message, .. }) => {
                *self.rx.try_lock().map_err(|_| busy())? = None;
                queue.clear();
                return Err(PyOSError::new_err(message));
            }
            Err(e) => {
                let (kind, offset) = match &e {
                    WarcError::Damaged { offset, .. } => ("damaged", *offset),
                    WarcError::Truncated { offset } => ("truncated", *offset),
                    WarcError::Record { offset, .. } => ("record", *offset),
                    _ => ("other", 0),
                };
                (2, py.None(), (kind, offset, e.to_string())).into_pyobject(py)?
            }
        };
        Ok(Some(tuple.unbind()))
    }
}

/// Parses `(uri, charset, payload)` triples in parallel, each with its record's URL (when it is a
/// valid absolute URL) and charset hint, as `iter_warc` does. Returns a list in input order of
/// Articles, or of exceptions for refused pages. Internal: use `byline.parse_records`.
#[pyfunction]
#[pyo3(signature = (items, *, threads=None, limits=None))]
pub(crate) fn _parse_records<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    threads: Option<usize>,
    limits: Option<PyRef<'py, Limits>>,
) -> PyResult<Bound<'py, PyList>> {
    let base = byline::Parser::new()
        .limits(limits.map_or_else(byline::Limits::default, |l| l.inner.clone()));
    let mut work: Vec<(byline::Parser, Input)> = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        let (uri, charset, body): (Option<String>, Option<String>, Bound<'py, PyAny>) =
            item.extract().map_err(|_| {
                PyTypeError::new_err(format!("records[{i}] must be (uri, charset, bytes)"))
            })?;
        let mut parser = base.clone();
        if let Some(u) = uri
            && let Ok(p) = parser.clone().url(&u)
        {
            parser = p;
        }
        if let Some(c) = charset {
            parser = parser.charset(&c);
        }
        let input = crate::input_from(&body, &|| format!("records[{i}] payload"))?;
        work.push((parser, input));
    }
    let results: Result<Vec<Result<byline::Article, Failure>>, String> = py.detach(|| {
        use rayon::prelude::*;
        let mut builder = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("byline-{i}"));
        if let Some(n) = threads {
            builder = builder.num_threads(n.clamp(1, 1024));
        }
        let pool = builder.build().map_err(|e| e.to_string())?;
        Ok(pool.install(|| work.par_iter().map(|(p, input)| run(p, input)).collect()))
    });
    let results = results.map_err(|e| PyRuntimeError::new_err(format!("no thread pool: {e}")))?;
    let out = PyList::empty(py);
    for r in results {
        match r {
            Ok(a) => out.append(Bound::new(py, Article::from(a))?)?,
            Err(f) => out.append(f.into_pyerr().into_value(py))?,
        }
    }
    Ok(out)
}
