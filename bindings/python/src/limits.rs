//! `byline.Limits`: the per-page resource limits of the core (`byline::Limits`) for Python.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Resource limits applied to each page (the core's `byline::Limits`), immutable.
///
/// Every argument is keyword-only and optional; an omitted one keeps its default:
/// `max_input_bytes` 64 MiB (larger input raises `TooLargeError`), `max_nodes` 1,000,000 DOM
/// nodes, `max_depth` 512 levels of nesting, `max_attributes` 1,024 per tag,
/// `max_attribute_bytes` 1 MiB, `max_text_bytes` 16 MiB per text node, `max_json_ld_bytes`
/// 1 MiB per JSON-LD block. Past any limit but the first, the page is truncated (what lies
/// beyond is not read), never refused; the node count is checked between 64 KiB pieces of
/// input. Each value must be at least 1.
#[pyclass(frozen, eq, module = "byline")]
#[derive(PartialEq, Clone)]
pub(crate) struct Limits {
    pub(crate) inner: byline::Limits,
}

/// The field names, in the order of `Limits.__repr__` and the pickled state.
const FIELDS: [&str; 7] = [
    "max_input_bytes",
    "max_nodes",
    "max_depth",
    "max_attributes",
    "max_attribute_bytes",
    "max_text_bytes",
    "max_json_ld_bytes",
];

fn positive(name: &str, value: Option<u64>, default: usize) -> PyResult<usize> {
    match value {
        None => Ok(default),
        Some(0) => Err(PyValueError::new_err(format!("{name} must be at least 1"))),
        Some(v) => Ok(usize::try_from(v).unwrap_or(usize::MAX)),
    }
}

impl Limits {
    fn values(&self) -> [u64; 7] {
        let l = &self.inner;
        let w = |v: usize| u64::try_from(v).unwrap_or(u64::MAX);
        [
            w(l.max_input_bytes),
            w(l.max_nodes),
            u64::from(l.max_depth),
            w(l.max_attributes),
            w(l.max_attribute_bytes),
            w(l.max_text_bytes),
            w(l.max_json_ld_bytes),
        ]
    }
}

#[pymethods]
impl Limits {
    #[new]
    #[pyo3(signature = (*, max_input_bytes=None, max_nodes=None, max_depth=None,
        max_attributes=None, max_attribute_bytes=None, max_text_bytes=None,
        max_json_ld_bytes=None))]
    #[allow(clippy::too_many_arguments, reason = "one keyword argument per limit")]
    fn new(
        max_input_bytes: Option<u64>,
        max_nodes: Option<u64>,
        max_depth: Option<u64>,
        max_attributes: Option<u64>,
        max_attribute_bytes: Option<u64>,
        max_text_bytes: Option<u64>,
        max_json_ld_bytes: Option<u64>,
    ) -> PyResult<Self> {
        let d = byline::Limits::default();
        let mut l = byline::Limits::default();
        l.max_input_bytes = positive("max_input_bytes", max_input_bytes, d.max_input_bytes)?;
        l.max_nodes = positive("max_nodes", max_nodes, d.max_nodes)?;
        let depth = positive("max_depth", max_depth, d.max_depth as usize)?;
        l.max_depth = u32::try_from(depth).unwrap_or(u32::MAX);
        l.max_attributes = positive("max_attributes", max_attributes, d.max_attributes)?;
        l.max_attribute_bytes = positive(
            "max_attribute_bytes",
            max_attribute_bytes,
            d.max_attribute_bytes,
        )?;
        l.max_text_bytes = positive("max_text_bytes", max_text_bytes, d.max_text_bytes)?;
        l.max_json_ld_bytes =
            positive("max_json_ld_bytes", max_json_ld_bytes, d.max_json_ld_bytes)?;
        Ok(Limits { inner: l })
    }

    /// Largest accepted input, in bytes.
    #[getter]
    fn max_input_bytes(&self) -> usize {
        self.inner.max_input_bytes
    }

    /// Largest DOM, in nodes.
    #[getter]
    fn max_nodes(&self) -> usize {
        self.inner.max_nodes
    }

    /// Deepest element nesting that is built.
    #[getter]
    fn max_depth(&self) -> u32 {
        self.inner.max_depth
    }

    /// Most attributes kept per tag.
    #[getter]
    fn max_attributes(&self) -> usize {
        self.inner.max_attributes
    }

    /// Longest attribute value kept, in bytes.
    #[getter]
    fn max_attribute_bytes(&self) -> usize {
        self.inner.max_attribute_bytes
    }

    /// Longest text node kept, in bytes.
    #[getter]
    fn max_text_bytes(&self) -> usize {
        self.inner.max_text_bytes
    }

    /// Largest JSON-LD block that is read, in bytes.
    #[getter]
    fn max_json_ld_bytes(&self) -> usize {
        self.inner.max_json_ld_bytes
    }

    fn __repr__(&self) -> String {
        let parts: Vec<String> = FIELDS
            .iter()
            .zip(self.values())
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        format!("Limits({})", parts.join(", "))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py.import("byline._byline")?.getattr("_limits_from_state")?;
        (rebuild, (self.values().to_vec(),)).into_pyobject(py)
    }
}

/// Rebuilds a `Limits` from `Limits.__reduce__` state (the values in `FIELDS` order).
#[pyfunction]
pub(crate) fn _limits_from_state(state: Vec<u64>) -> PyResult<Limits> {
    let [a, b, c, d, e, f, g] = state[..] else {
        return Err(PyValueError::new_err("Limits state has 7 values"));
    };
    Limits::new(
        Some(a),
        Some(b),
        Some(c),
        Some(d),
        Some(e),
        Some(f),
        Some(g),
    )
}
