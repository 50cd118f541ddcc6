//! Differential tests against the real Groovy 2.4.21: every `NAME.groovy` case runs through
//! our evaluator in-process and its output must equal `NAME.out`, which the real Groovy
//! produced (`run.sh --oracle --write`). Cases come from `../shared/groovy-conformance/cases`
//! and from our own `tests/groovy`. Known failures are listed with a reason in
//! `tests/conformance-known-failures.txt`; a listed case that starts passing fails the test,
//! so the list only shrinks.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pipewright::eval::interp::BufferOutput;
use pipewright::eval::runner::{eval_source, EvalError, EvalOptions};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs one script and returns its stdout (plus the `Caught:` line on an uncaught exception,
/// which Groovy prints to stderr and `run.sh` does not compare).
pub fn run_case(path: &Path) -> (String, bool) {
    let src = std::fs::read_to_string(path).expect("case file is readable");
    let out = Arc::new(BufferOutput::default());
    let opts = EvalOptions::new(&path.display().to_string(), out.clone());
    let ok = match eval_source(&src, opts) {
        Ok(_) => true,
        Err(EvalError::Internal(msg)) => panic!("{}: {msg}", path.display()),
        Err(_) => false,
    };
    (out.take(), ok)
}

fn cases_in(dir: &Path) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "groovy"))
                .collect()
        })
        .unwrap_or_default();
    cases.sort();
    cases
}

fn known_failures() -> Vec<String> {
    let text = std::fs::read_to_string(manifest_dir().join("tests/conformance-known-failures.txt"))
        .unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

fn check_dir(dir: &Path, label: &str) {
    let known = known_failures();
    let cases = cases_in(dir);
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut passed = 0;
    for case in &cases {
        let name = case
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected = std::fs::read_to_string(case.with_extension("out")).unwrap_or_default();
        let (actual, _) = run_case(case);
        let ok = actual == expected;
        if ok {
            passed += 1;
        }
        match (ok, known.contains(&name)) {
            (false, false) => {
                let line = expected
                    .lines()
                    .zip(actual.lines().chain(std::iter::repeat("<end of output>")))
                    .position(|(e, a)| e != a)
                    .map_or_else(
                        || "trailing output differs".to_string(),
                        |i| format!("line {}", i + 1),
                    );
                unexpected.push(format!(
                    "{name}: {line}\n--- expected\n{expected}--- actual\n{actual}"
                ));
            }
            (true, true) => fixed.push(name),
            _ => {}
        }
    }
    println!("{label}: {passed} of {} cases pass", cases.len());
    assert!(
        fixed.is_empty(),
        "these cases now pass: remove them from tests/conformance-known-failures.txt: {fixed:?}"
    );
    assert!(
        unexpected.is_empty(),
        "{} cases fail:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}

#[test]
fn shared_groovy_conformance_cases() {
    let dir = manifest_dir().join("../shared/groovy-conformance/cases");
    if !dir.is_dir() {
        println!(
            "skipped: {} is absent (it ships with the project's shared material)",
            dir.display()
        );
        return;
    }
    check_dir(&dir, "shared conformance");
}

#[test]
fn own_groovy_conformance_cases() {
    check_dir(&manifest_dir().join("tests/groovy"), "own conformance");
}
