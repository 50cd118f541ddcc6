//! Golden parse tests. Every `tests/cases/parse/*.groovy` must parse; its snapshot is our
//! own AST dump (`syntax::print_script`), never pest's pairs. Every
//! `tests/cases/parse/errors/*.groovy` must fail; its snapshot lists each error as
//! `line:col: message [label]` and then miette's rendered report.

use std::fs;
use std::path::Path;

use miette::{GraphicalReportHandler, GraphicalTheme};
use pipewright::syntax::{parse, print_script, LineIndex, ParseFailure, SyntaxError};

fn read(path: &Path) -> String {
    fs::read_to_string(path).expect("fixture is readable UTF-8")
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Errors as `line:col: message [label] (help: …)`, then the graphical report.
fn render_errors(name: &str, src: &str, errs: Vec<SyntaxError>) -> String {
    let index = LineIndex::new(src);
    let mut out = String::new();
    for e in &errs {
        let (l, c) = index.line_col(src, e.span.offset());
        out.push_str(&format!("{l}:{c}: {} [{}]", e.message, e.label));
        if let Some(h) = &e.help {
            out.push_str(&format!(" (help: {h})"));
        }
        out.push('\n');
    }
    out.push('\n');
    let failure = ParseFailure::new(name, src, errs);
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, &failure)
        .expect("rendering to a String cannot fail");
    out
}

/// The `*.groovy` fixtures of a directory under `tests/cases/parse`, sorted.
fn fixtures(sub: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases/parse")
        .join(sub);
    let mut out: Vec<_> = fs::read_dir(&dir)
        .expect("fixture directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "groovy"))
        .collect();
    out.sort();
    out
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn parse_cases() {
    for path in fixtures("") {
        let src = read(&path);
        match parse(&src) {
            Ok(script) => {
                insta::assert_snapshot!(format!("ok_{}", stem(&path)), print_script(&script))
            }
            Err(errs) => panic!(
                "{} should parse:\n{}",
                file_name(&path),
                render_errors(&file_name(&path), &src, errs)
            ),
        }
    }
}

#[test]
fn error_cases() {
    for path in fixtures("errors") {
        let src = read(&path);
        match parse(&src) {
            Ok(script) => panic!(
                "{} should not parse:\n{}",
                file_name(&path),
                print_script(&script)
            ),
            Err(errs) => insta::assert_snapshot!(
                format!("err_{}", stem(&path)),
                render_errors(&file_name(&path), &src, errs)
            ),
        }
    }
}

/// The AST of one expression statement, printed.
fn expr_of(src: &str) -> String {
    let script = parse(src).unwrap_or_else(|e| panic!("{src:?} should parse: {}", e[0].message));
    print_script(&script)
}

#[test]
fn unary_minus_binds_looser_than_power_and_power_is_left_associative() {
    // Groovy 2.4: -2**2 == -4 and 2**3**2 == 64.
    let neg = expr_of("-2**2");
    assert!(
        neg.contains("Unary -") && neg.find("Unary -") < neg.find("Binary **"),
        "{neg}"
    );
    let pow = expr_of("2**3**2");
    let lines: Vec<&str> = pow.lines().map(str::trim).collect();
    assert_eq!(
        lines[2..5],
        ["Binary ** @0..7", "Binary ** @0..4", "Integer 2 @0..1"],
        "{pow}"
    );
}

#[test]
fn groovy_command_expression_quirks() {
    // `println (x).size()` calls size() on println's result.
    let s = expr_of("println (x).size()");
    assert!(
        s.contains("MethodCall .size parens") && s.contains("Call println parens"),
        "{s}"
    );
    // `println -x` is a subtraction.
    assert!(expr_of("println -x").contains("Binary -"));
    // `foo [1]` is a subscript.
    assert!(expr_of("foo [1]").contains("Index"));
    // A line starting with `.` continues the rightmost operand above: here the argument.
    let cont = expr_of("println l\n  .size()");
    assert!(
        cont.contains("Call println command") && cont.contains("MethodCall .size"),
        "{cont}"
    );
    // `checkout scm master` is `checkout(scm).master`.
    let chain = expr_of("checkout scm master");
    assert!(
        chain.contains("Property .master") && chain.contains("Call checkout command"),
        "{chain}"
    );
}

#[test]
fn a_trailing_closure_must_start_on_the_calls_line() {
    let same = expr_of("foo() {\n}");
    assert!(same.contains("Trailing"), "{same}");
    // On the next line, `{` starts a block: two statements.
    let next = expr_of("foo()\n{\n}");
    assert!(
        !next.contains("Trailing") && next.contains("Block"),
        "{next}"
    );
}

#[test]
fn gstring_dollar_paths_stop_before_calls() {
    let s = expr_of("\"$a.b()\"");
    assert!(
        s.contains("Property .b") && s.contains("Text \"()\""),
        "{s}"
    );
}

#[test]
fn groovy_2_4_rejects_newer_operators() {
    for src in [
        "a !in b",
        "a !instanceof String",
        "a === b",
        "a?.[0]",
        "a ?= 1",
    ] {
        assert!(
            parse(src).is_err(),
            "{src} should be rejected, as Groovy 2.4 does"
        );
    }
}

#[test]
fn crlf_line_ends_work_and_become_lf_inside_strings() {
    let s = expr_of("def s = '''a\r\nb'''\r\nif (x) {\r\n  sh 'y'\r\n}\r\nelse {\r\n}\r\n");
    assert!(s.contains("Str \"a\\nb\"") && s.contains("Else"), "{s}");
}
