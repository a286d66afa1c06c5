//! The C API from the caller's side; the harness is bindings/c/src/harness.rs, shared with the
//! test that replays this target's corpus (`cargo test -p byline-c`).
#![no_main]

use byline_capi::*;
use libfuzzer_sys::fuzz_target;

#[path = "../../bindings/c/src/harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::run(data));
