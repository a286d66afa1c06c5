//! Conversions from byline's Rust values to Python objects.

use byline::{DateValue, PageDate};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyDelta, PyDict, PyList, PyTzInfo};
use serde_json::Value;

/// A page date as `datetime.date` (a day), a timezone-aware `datetime.datetime` (the page gave
/// an offset) or a naive one (the page gave a time without an offset). `None` when Python cannot
/// represent it (years outside 1..=9999, offsets of a day or more); the raw string stays
/// available.
pub(crate) fn date_to_py<'py>(py: Python<'py>, date: &PageDate) -> Option<Bound<'py, PyAny>> {
    let made: PyResult<Bound<'py, PyAny>> = match date.value() {
        DateValue::Day(d) => {
            let (y, m, day) = ymd(d);
            PyDate::new(py, y, m, day).map(Bound::into_any)
        }
        DateValue::DateTime { datetime, offset } => {
            let (y, m, day) = ymd(datetime.date());
            let t = datetime.time();
            let micros = u32::try_from(t.subsec_nanosecond() / 1000).unwrap_or(0);
            let tz = match offset {
                None => None,
                Some(o) => match fixed_offset(py, o.seconds()) {
                    Ok(tz) => Some(tz),
                    Err(_) => return None,
                },
            };
            PyDateTime::new(
                py,
                y,
                m,
                day,
                u8::try_from(t.hour()).unwrap_or(0),
                u8::try_from(t.minute()).unwrap_or(0),
                u8::try_from(t.second()).unwrap_or(0),
                micros,
                tz.as_ref(),
            )
            .map(Bound::into_any)
        }
        _ => return None,
    };
    made.ok()
}

fn ymd(d: jiff::civil::Date) -> (i32, u8, u8) {
    (
        i32::from(d.year()),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

fn fixed_offset(py: Python<'_>, seconds: i32) -> PyResult<Bound<'_, PyTzInfo>> {
    let delta = PyDelta::new(py, 0, seconds, 0, true)?;
    PyTzInfo::fixed_offset(py, delta)
}

/// A container being filled, and the JSON items still to convert into it.
enum Frame<'py, 'v> {
    List(Bound<'py, PyList>, std::slice::Iter<'v, Value>),
    Dict(
        Bound<'py, PyDict>,
        serde_json::map::Iter<'v>,
        Option<&'v str>,
    ),
}

fn open<'py, 'v>(py: Python<'py>, v: &'v Value) -> Option<Frame<'py, 'v>> {
    match v {
        Value::Array(a) => Some(Frame::List(PyList::empty(py), a.iter())),
        Value::Object(o) => Some(Frame::Dict(PyDict::new(py), o.iter(), None)),
        _ => None,
    }
}

/// A scalar JSON value as a Python object; `None` for arrays and objects.
fn scalar<'py>(py: Python<'py>, v: &Value) -> PyResult<Option<Bound<'py, PyAny>>> {
    Ok(Some(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(_) | Value::Object(_) => return Ok(None),
    }))
}

/// A JSON value as plain Python objects (dict, list, str, int, float, bool, None). Iterative:
/// no recursion, whatever the depth of the value. The cyclic garbage collector is paused while
/// the objects are built (they hold no cycles): with it, a body of a million paragraphs took
/// twice as long.
pub(crate) fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    let gc = py.import("gc")?;
    let was_enabled = gc.call_method0("isenabled")?.is_truthy()?;
    if was_enabled {
        gc.call_method0("disable")?;
    }
    let out = build(py, value);
    if was_enabled {
        gc.call_method0("enable")?;
    }
    out
}

fn build<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    if let Some(s) = scalar(py, value)? {
        return Ok(s);
    }
    let mut stack: Vec<Frame<'py, '_>> = Vec::new();
    stack.extend(open(py, value));
    // The finished container of the frame just popped, to be stored in its parent.
    let mut done: Option<Bound<'py, PyAny>> = None;
    while let Some(frame) = stack.last_mut() {
        if let Some(child) = done.take() {
            match frame {
                Frame::List(list, _) => list.append(child)?,
                Frame::Dict(dict, _, key) => {
                    if let Some(k) = key.take() {
                        dict.set_item(k, child)?;
                    }
                }
            }
        }
        let next = match frame {
            Frame::List(_, it) => it.next().map(|v| (None, v)),
            Frame::Dict(_, it, _) => it.next().map(|(k, v)| (Some(k.as_str()), v)),
        };
        match next {
            None => {
                if let Some(f) = stack.pop() {
                    done = Some(match f {
                        Frame::List(l, _) => l.into_any(),
                        Frame::Dict(d, _, _) => d.into_any(),
                    });
                }
            }
            Some((key, v)) => {
                if let Some(s) = scalar(py, v)? {
                    match frame {
                        Frame::List(list, _) => list.append(s)?,
                        Frame::Dict(dict, _, _) => dict.set_item(key.unwrap_or_default(), s)?,
                    }
                } else {
                    if let Frame::Dict(_, _, pending) = frame {
                        *pending = key;
                    }
                    stack.extend(open(py, v));
                }
            }
        }
    }
    Ok(done.unwrap_or_else(|| py.None().into_bound(py)))
}
