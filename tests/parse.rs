//! Golden parse tests: every `tests/cases/parse/**/*.groovy` is parsed and snapshotted as
//! our own AST dump (or, for files that must fail, the rendered diagnostics).
