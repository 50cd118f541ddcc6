//! One integration-test binary; each module is one area.
mod conformance;
mod corpus;
mod eval;
mod examples;
mod num;
mod parse;
mod robustness;
mod run;
mod steps_files;
mod steps_scm;
mod text;
mod validate;
