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

/// Where Groovy 2.4.21 reports the first error of each `errors/` fixture (parsing and AST
/// conversion only: `CompilationUnit.compile(Phases.CONVERSION)`), or `None` where it
/// rejects the file only later. Each fixture's first error must be on Groovy's line, within
/// 3 columns (as for the unparseable corpus), except the cases in `OUR_OWN`.
const GROOVY_POSITIONS: &[(&str, Option<(usize, usize)>)] = &[
    ("assignment_in_if", Some((1, 21))),
    ("backtick", Some((1, 13))),
    ("bad_octal", None),
    ("catch_without_paren", Some((3, 3))),
    ("catch_without_try", Some((4, 1))),
    ("dollar_in_gstring", Some((1, 1))),
    ("else_without_if", Some((6, 5))),
    ("elvis_assign", Some((1, 3))),
    ("errors_in_several_blocks", Some((5, 26))),
    ("extra_brace", Some((4, 1))),
    ("extra_brace_indent", Some((11, 1))),
    ("extra_paren_in_block", Some((2, 14))),
    ("hash_after_shebang", Some((2, 1))),
    ("hash_comment", Some((2, 5))),
    ("invalid_escape", Some((1, 10))),
    ("mismatched_close", Some((1, 13))),
    ("missing_brace", Some((6, 1))),
    ("missing_brace_indent", Some((14, 1))),
    ("missing_comma_command", Some((1, 23))),
    ("missing_comma_list", Some((1, 24))),
    ("missing_comma_map", Some((1, 25))),
    ("missing_comma_parens", Some((1, 25))),
    ("not_in", Some((1, 7))),
    ("not_instanceof", Some((1, 7))),
    ("paren_for_brace", Some((4, 5))),
    ("repeated_def", Some((1, 5))),
    ("reserved_word", Some((1, 11))),
    ("return_command", Some((1, 22))),
    ("safe_index", Some((1, 15))),
    ("several_errors", Some((1, 8))),
    ("statement_comma", Some((5, 18))),
    ("stray_comment_end", Some((4, 5))),
    ("too_many_errors", Some((2, 12))),
    ("triple_closed_like_opener", Some((8, 1))),
    ("triple_equals", None),
    ("truncated_file", Some((7, 1))),
    ("try_without_catch", Some((1, 1))),
    ("two_statement_errors", Some((2, 7))),
    ("unclosed_call", Some((6, 1))),
    ("unclosed_interp", Some((1, 43))),
    ("unclosed_interp_parse", Some((1, 33))),
    ("unclosed_list", Some((2, 1))),
    ("unterminated_apostrophe", Some((2, 23))),
    ("unterminated_comment", Some((5, 1))),
    ("unterminated_dollar_slashy", Some((2, 13))),
    ("unterminated_single", Some((2, 13))),
    ("unterminated_slashy", Some((3, 1))),
    ("unterminated_string", Some((2, 17))),
    ("unterminated_triple", Some((3, 1))),
    ("unterminated_triple_double", Some((4, 1))),
    ("wrong_closer", Some((1, 25))),
];

/// Where we point elsewhere on purpose, and where (line, column).
const OUR_OWN: &[(&str, (usize, usize), &str)] = &[
    // Groovy points at the string's start; the bad `$` is more useful.
    ("dollar_in_gstring", (1, 14), "the `$` itself"),
    // Groovy reports `def class = …` at the `=` and `def new = …` at `def`.
    ("reserved_word", (1, 5), "the reserved word"),
    // `a = (1 +` then `def` two lines down: Groovy names the `+`; the parser gives up at `def`.
    ("several_errors", (3, 1), "where the parser gave up"),
    // Groovy reports the second line's end; the string runs to the end of the file.
    ("unterminated_dollar_slashy", (3, 1), "the end of the file"),
];

#[test]
fn first_errors_are_where_groovy_reports_them() {
    let mut checked = 0;
    for path in fixtures("errors") {
        let name = stem(&path);
        let src = read(&path);
        let Err(errs) = parse(&src) else {
            panic!("{name} should not parse");
        };
        let (l, c) = errs[0].line_col(&src);
        if let Some((_, want, why)) = OUR_OWN.iter().find(|(n, _, _)| *n == name) {
            assert_eq!((l, c), *want, "{name}: first error should be at {why}");
            checked += 1;
            continue;
        }
        let Some((_, groovy)) = GROOVY_POSITIONS.iter().find(|(n, _)| *n == name) else {
            panic!("{name}: add Groovy's position to GROOVY_POSITIONS");
        };
        if let Some((gl, gc)) = groovy {
            assert!(
                l == *gl && c.abs_diff(*gc) <= 3,
                "{name}: first error at {l}:{c} ({}), Groovy reports {gl}:{gc}",
                errs[0].message
            );
            checked += 1;
        }
    }
    assert!(checked >= 45, "only {checked} fixtures were checked");
}

#[test]
fn every_error_has_a_specific_code_and_visible_labels() {
    for path in fixtures("errors") {
        let name = stem(&path);
        let src = read(&path);
        let Err(errs) = parse(&src) else {
            panic!("{name} should not parse");
        };
        assert!(errs.len() <= 20, "{name}: at most 20 errors");
        for e in &errs {
            assert!(
                e.code().starts_with("pipe::parse::"),
                "{name}: {}",
                e.code()
            );
            assert!(
                !e.message.contains("_stmt") && !e.message.contains("pexpr"),
                "{name}: {}",
                e.message
            );
            // Every label is drawn on something visible: never past the last character or
            // on an empty line at the end.
            let shown = e.label_span.unwrap_or(e.span);
            let end = src.trim_end().len();
            assert!(
                shown.offset() <= end,
                "{name}: label at {} past the text ({end})",
                shown.offset()
            );
        }
    }
}

/// Statements after a mistake are still checked, each mistake is reported once, and the
/// report stops at 20.
#[test]
fn errors_in_several_blocks_are_all_reported_once() {
    let count = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cases/parse/errors")
            .join(format!("{name}.groovy"));
        parse(&read(&path)).err().map_or(0, |e| e.len())
    };
    assert_eq!(count("errors_in_several_blocks"), 4);
    assert_eq!(count("two_statement_errors"), 2);
    assert_eq!(count("several_errors"), 3);
    // One `}` too many: one error, not one per block after it.
    assert_eq!(count("else_without_if"), 1);
    assert_eq!(count("extra_brace_indent"), 1);
    assert_eq!(count("too_many_errors"), 20);
}

/// A development aid, not a check: prints `file<TAB>line:col<TAB>code<TAB>message` for the
/// first error of every file in `$PIPE_ERRORS_DIR`, to compare with what `groovyc` reports
/// (`cargo test --test integration -- --ignored first_errors_of_dir --nocapture`).
#[test]
#[ignore]
fn first_errors_of_dir() {
    let Some(dir) = std::env::var_os("PIPE_ERRORS_DIR") else {
        return;
    };
    let mut paths: Vec<_> = fs::read_dir(dir)
        .expect("PIPE_ERRORS_DIR is a directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let Ok(src) = fs::read_to_string(&path) else {
            continue;
        };
        let line = match parse(&src) {
            Ok(_) => "ok".to_string(),
            Err(errs) => {
                let e = &errs[0];
                let (l, c) = e.line_col(&src);
                format!("{l}:{c}\t{}\t{}\t{}", e.code(), errs.len(), e.message)
            }
        };
        println!("RESULT\t{}\t{line}", file_name(&path));
    }
}

#[test]
fn assignments_are_conditions_only_where_groovy_2_4_allows_them() {
    // Groovy 2.4 parses `if` and `assert` conditions without assignments.
    for src in [
        "if (a = 1) { }",
        "if (a += 1) { }",
        "if (x) { } else if (y = 2) { }",
        "assert a = 1",
    ] {
        let errs = parse(src).expect_err(src);
        assert_eq!(
            errs[0].code(),
            "pipe::parse::assignment_in_condition",
            "{src}"
        );
    }
    for src in [
        "if ((a = 1)) { }",
        "while (a = 1) { }",
        "while ((line = r.readLine()) != null) { }",
    ] {
        assert!(parse(src).is_ok(), "{src} should parse, as in Groovy 2.4");
    }
}

#[test]
fn def_may_precede_a_type() {
    // Groovy 2.4 accepts `def String s = …` (the type wins).
    let s = expr_of("def String s = 'x'");
    assert!(s.contains("Decl") && s.contains("String"), "{s}");
}

#[test]
fn an_error_at_the_end_of_a_file_without_a_final_newline_is_drawn_on_its_last_line() {
    let src = "node {\n  sh 'make'";
    let errs = parse(src).expect_err("unclosed");
    let e = &errs[0];
    assert_eq!(e.code(), "pipe::parse::unclosed_delimiter");
    assert_eq!(e.line_col(src), (2, 12));
    let shown = e.label_span.unwrap_or(e.span);
    assert!(shown.offset() < src.len() && shown.len() == 1, "{shown:?}");
}

/// A measuring aid for a loaded machine, where wall-clock benchmarks mislead: parses the
/// corpus of `benches/parse.rs` `PIPE_ROUNDS` times (default 10). Run it under
/// `perf stat -e task-clock` (and once with `PIPE_ROUNDS=0` for the fixed costs) to get MB
/// per second of CPU time: `cargo test --release --test integration -- --ignored
/// parse_rate_in_cpu_time --nocapture`.
#[test]
#[ignore]
fn parse_rate_in_cpu_time() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut files = Vec::new();
    for (dir, only_groovy) in [
        ("corpus/real-world", false),
        ("corpus/declarative-valid", true),
        ("groovy-conformance/cases", true),
    ] {
        let Ok(rd) = fs::read_dir(shared.join(dir)) else {
            return;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let wanted = if only_groovy {
                ext == "groovy"
            } else {
                !matches!(ext, "tsv" | "txt" | "md")
            };
            if wanted {
                files.push(String::from_utf8_lossy(&fs::read(&p).unwrap_or_default()).into_owned());
            }
        }
    }
    let rounds: usize = std::env::var("PIPE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let bytes: usize = files.iter().map(String::len).sum();
    let t0 = std::time::Instant::now();
    for _ in 0..rounds {
        for f in &files {
            std::hint::black_box(parse(std::hint::black_box(f)).is_ok());
        }
    }
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "RATE {} files, {bytes} bytes x {rounds} = {mb:.1} MB in {:.2} s of wall time",
        files.len(),
        t0.elapsed().as_secs_f64()
    );
}

/// A measuring aid: pest's counted calls (each rule, sequence, repetition, option,
/// look-ahead… costs one, plus a native stack check) per byte of the corpus, found by
/// searching the smallest call limit under which each file still parses.
#[test]
#[ignore]
fn pest_calls_per_byte() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real-world");
    let Ok(rd) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths.retain(|p| {
        !matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("tsv" | "txt" | "md")
        )
    });
    // The parser raises the limit once, to what it needs; below that it stays as set here.
    let _ = parse("x");
    let (mut calls, mut bytes) = (0usize, 0usize);
    for p in paths.iter().step_by(3) {
        let src = String::from_utf8_lossy(&fs::read(p).unwrap_or_default()).into_owned();
        let parses = |limit: usize| {
            pest::set_call_limit(std::num::NonZeroUsize::new(limit));
            parse(&src).is_ok()
        };
        if !parses(50_000_000) {
            continue;
        }
        let (mut lo, mut hi) = (1usize, 50_000_000usize);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if parses(mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        calls += lo;
        bytes += src.len();
    }
    pest::set_call_limit(std::num::NonZeroUsize::new(50_000_000));
    println!(
        "CALLS {calls} calls for {bytes} bytes: {:.2} per byte",
        calls as f64 / bytes as f64
    );
}

/// A checking aid for grammar changes: writes the AST dump of every file of the shared
/// corpora into `$PIPE_AST_DUMP/`, to compare two versions with `diff -r`.
#[test]
#[ignore]
fn dump_corpus_asts() {
    let Some(out) = std::env::var_os("PIPE_AST_DUMP") else {
        return;
    };
    let out = Path::new(&out);
    fs::create_dir_all(out).expect("dump directory");
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    for dir in [
        "corpus/real-world",
        "corpus/declarative-valid",
        "corpus/declarative-errors",
        "groovy-conformance/cases",
    ] {
        let Ok(rd) = fs::read_dir(shared.join(dir)) else {
            continue;
        };
        for p in rd.filter_map(|e| e.ok().map(|e| e.path())) {
            let src = String::from_utf8_lossy(&fs::read(&p).unwrap_or_default()).into_owned();
            let dump = match parse(&src) {
                Ok(s) => print_script(&s),
                Err(e) => format!("ERROR {}\n", e[0].message),
            };
            let name = format!("{}__{}", dir.replace('/', "_"), file_name(&p));
            fs::write(out.join(name), dump).expect("write dump");
        }
    }
}
