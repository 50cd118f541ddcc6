//! One integration-test binary; each module is one area.
mod corpus;
mod parse;
