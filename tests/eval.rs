//! The `pipe eval` command and evaluator behaviour that the conformance cases cannot show:
//! exit codes, diagnostics, limits and cancellation.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use assert_cmd::Command;
use pipewright::eval::error::HaltReason;
use pipewright::eval::interp::BufferOutput;
use pipewright::eval::runner::{eval_source, EvalError, EvalOptions};

fn pipe() -> Command {
    let mut c = Command::cargo_bin("pipe").expect("the pipe binary is built");
    c.env("NO_COLOR", "1");
    c
}

fn script(src: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new()
        .suffix(".groovy")
        .tempfile()
        .expect("temp file");
    f.write_all(src.as_bytes()).expect("write temp file");
    f
}

/// Stderr with miette's line wrapping and box drawing removed, for substring checks.
fn flat(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| !w.chars().all(|c| "│·─╭╰┬×".contains(c)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn eval(src: &str) -> (String, Result<(), EvalError>) {
    let out = Arc::new(BufferOutput::default());
    let r = eval_source(src, EvalOptions::new("Test.groovy", out.clone())).map(|_| ());
    (out.take(), r)
}

#[test]
fn eval_prints_what_the_script_prints() {
    let f = script("def xs = [3, 1, 2]\nprintln xs.sort()\nprint 'done'\n");
    let out = pipe().arg("eval").arg(f.path()).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[1, 2, 3]\ndone");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn eval_expression_prints_its_value() {
    let out = pipe()
        .args(["eval", "-e", "[a: 1 + 2].collect { k, v -> k * v }"])
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[aaa]\n");
    let out = pipe()
        .args(["eval", "-e", "println 'x'"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "x\n",
        "a null result is not printed"
    );
}

#[test]
fn uncaught_exception_exits_1_with_groovys_line_and_a_spanned_diagnostic() {
    let f = script("def a = 1\ndef b = 0\nprintln a / b\n");
    let out = pipe().arg("eval").arg(f.path()).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("Caught: java.lang.ArithmeticException: Division by zero\n"),
        "{err}"
    );
    assert!(err.contains("pipe::eval::uncaught_exception"), "{err}");
    let name = f
        .path()
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        err.contains(&format!("{name}:3:")),
        "diagnostic points at line 3: {err}"
    );
}

#[test]
fn missing_property_names_the_script_class_and_suggests_a_fix() {
    let f = script("def local = 1\ndef f() { local }\nf()\n");
    let out = pipe().arg("eval").arg(f.path()).output().expect("runs");
    let err = flat(&String::from_utf8_lossy(&out.stderr));
    let stem = f
        .path()
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    assert!(
        err.contains(&format!("No such property: local for class: {stem}")),
        "{err}"
    );
    assert!(err.contains("not visible inside methods"), "{err}");
}

#[test]
fn runaway_recursion_is_a_catchable_stack_overflow_error_not_a_crash() {
    let (out, r) = eval("def f(n) { f(n + 1) }\ntry { f(0) } catch (StackOverflowError e) { println 'caught ' + e.class.simpleName }\nf(0)\n");
    assert_eq!(out, "caught StackOverflowError\n");
    match r {
        Err(EvalError::Uncaught { headline, .. }) => {
            assert_eq!(headline, "Caught: java.lang.StackOverflowError");
        }
        _ => panic!("expected an uncaught StackOverflowError"),
    }
}

#[test]
fn an_infinite_loop_stops_when_cancelled() {
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        flag.store(true, Ordering::SeqCst);
    });
    let out = Arc::new(BufferOutput::default());
    let mut opts = EvalOptions::new("Loop.groovy", out.clone());
    opts.cancel = Some(cancel);
    let r = eval_source("def i = 0\nwhile (true) { i++ }\n", opts);
    stopper.join().expect("stopper thread");
    assert!(matches!(r, Err(EvalError::Halted(HaltReason::Interrupted))));
}

#[test]
fn finally_runs_when_evaluation_is_cancelled_but_catch_does_not() {
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        flag.store(true, Ordering::SeqCst);
    });
    let out = Arc::new(BufferOutput::default());
    let mut opts = EvalOptions::new("Loop.groovy", out.clone());
    opts.cancel = Some(cancel);
    let r = eval_source(
        "try { while (true) { } } catch (Throwable t) { println 'caught' } finally { println 'finally' }\n",
        opts,
    );
    stopper.join().expect("stopper thread");
    assert!(matches!(r, Err(EvalError::Halted(_))));
    assert_eq!(out.take(), "finally\n");
}

#[test]
fn closures_share_and_mutate_captured_variables_across_threads() {
    // The evaluator's containers are shared between threads (parallel branches): a closure
    // run on another thread sees and changes the same list.
    use pipewright::eval::interp::{Interp, NoHost, ScriptCtx};
    use pipewright::eval::scope::Scope;
    let script = pipewright::syntax::parse(
        "def results = []\ndef work = { n -> results << n * 2 }\n[work, results]\n",
    )
    .expect("parses");
    let out = Arc::new(BufferOutput::default());
    let ctx = Arc::new(ScriptCtx::new("Threads", out, Arc::new(NoHost)));
    let interp = Interp::new(ctx);
    let v = interp
        .run_script(&script, &Scope::root())
        .ok()
        .expect("runs");
    let pipewright::eval::Value::List(pair) = v else {
        panic!("a list")
    };
    let items = pair.snapshot();
    let (work, results) = (items[0].clone(), items[1].clone());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let w = work.clone();
            let fork = interp.fork();
            let _ = &fork;
            std::thread::spawn(move || {
                let ctx = Arc::new(ScriptCtx::new(
                    "Threads",
                    Arc::new(BufferOutput::default()),
                    Arc::new(NoHost),
                ));
                let t = Interp::new(ctx);
                if let pipewright::eval::Value::Closure(c) = &w {
                    let _ = t.call_closure(
                        c,
                        vec![pipewright::eval::Value::int(i)],
                        Default::default(),
                    );
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("branch thread");
    }
    let mut got: Vec<String> = match results {
        pipewright::eval::Value::List(l) => l
            .snapshot()
            .iter()
            .map(pipewright::eval::value::to_display)
            .collect(),
        _ => Vec::new(),
    };
    got.sort();
    assert_eq!(got, vec!["0", "2", "4", "6"]);
}

#[test]
fn parse_errors_are_reported_with_the_file_and_exit_1() {
    let f = script("def x = (1 + \nprintln x\n");
    let out = pipe().arg("eval").arg(f.path()).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let name = f
        .path()
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(err.contains(&name), "{err}");
    assert!(err.contains("pipe::parse"), "{err}");
}

#[test]
fn missing_file_is_an_io_error_exit_3() {
    let out = pipe()
        .args(["eval", "/nonexistent/x.groovy"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(3));
}
