//! One integration-test binary; each module is one area.
mod conformance;
mod eval;
mod num;
mod robustness;
mod text;
