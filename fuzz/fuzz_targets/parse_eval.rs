//! Parse and evaluate arbitrary input: neither may panic or hang. Evaluation runs with a
//! step limit and a small call-depth limit so every input finishes quickly.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use pipewright::eval::interp::{BufferOutput, Limits};
use pipewright::eval::runner::{eval_source, EvalOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let mut opts = EvalOptions::new("Fuzz.groovy", Arc::new(BufferOutput::default()));
    opts.limits = Limits {
        max_call_depth: 200,
        max_steps: Some(20_000),
    };
    let _ = eval_source(src, opts);
});
