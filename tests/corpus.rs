//! Parses the shared corpora: real-world Jenkinsfiles, the declarative plugin's test
//! pipelines, the Groovy conformance cases, and files that real Groovy rejects.
//!
//! The corpora live in `../shared` beside the repository; in a clone without them the tests
//! print why and pass.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use pipewright::syntax::{parse, LineIndex, SyntaxError};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} not found (the shared corpora are not in this clone)",
            dir.display()
        );
        None
    }
}

/// Files of a corpus directory, sorted, leaving out its metadata.
fn files(dir: &Path, only_groovy: bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        p.is_file()
            && if only_groovy {
                ext == "groovy"
            } else {
                !matches!(ext, "tsv" | "txt" | "md")
            }
    });
    out.sort();
    out
}

fn read(p: &Path) -> String {
    let bytes = fs::read(p).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn first_error(src: &str, errs: &[SyntaxError]) -> String {
    errs.first().map_or_else(String::new, |e| {
        let (l, c) = LineIndex::new(src).line_col(src, e.span.offset());
        format!("{l}:{c}: {}", e.message)
    })
}

/// Parses every file; returns the failures as (file name, first error).
fn failures(paths: &[PathBuf]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for p in paths {
        let src = read(p);
        if let Err(errs) = parse(&src) {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.insert(name, first_error(&src, &errs));
        }
    }
    out
}

/// `tests/corpus-known-gaps.txt`: `file<TAB>reason` lines, `#` comments.
fn known_gaps() -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-known-gaps.txt");
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('\t') {
            Some((f, why)) => (f.trim().to_string(), why.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// Every failure must be a listed gap, and every listed gap must still fail (the list only
/// shrinks).
fn check_against_gaps(corpus: &str, paths: &[PathBuf]) {
    let failed = failures(paths);
    let gaps = known_gaps();
    let unexpected: Vec<String> = failed
        .iter()
        .filter(|(f, _)| !gaps.contains_key(*f))
        .map(|(f, e)| format!("  {f}: {e}"))
        .collect();
    let names: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let now_passing: Vec<&String> = gaps
        .keys()
        .filter(|g| names.contains(g) && !failed.contains_key(*g))
        .collect();
    println!(
        "{corpus}: {}/{} files parse",
        paths.len() - failed.len(),
        paths.len()
    );
    assert!(
        unexpected.is_empty(),
        "{corpus}: files that do not parse and are not in tests/corpus-known-gaps.txt:\n{}",
        unexpected.join("\n")
    );
    assert!(
        now_passing.is_empty(),
        "{corpus}: these known gaps parse now, remove them from tests/corpus-known-gaps.txt: {now_passing:?}"
    );
}

#[test]
fn real_world_jenkinsfiles_parse() {
    let Some(shared) = shared() else { return };
    let paths = files(&shared.join("corpus/real-world"), false);
    assert!(
        paths.len() > 300,
        "expected the real-world corpus, found {} files",
        paths.len()
    );
    check_against_gaps("real-world", &paths);
}

#[test]
fn declarative_valid_pipelines_parse() {
    let Some(shared) = shared() else { return };
    let paths = files(&shared.join("corpus/declarative-valid"), true);
    check_against_gaps("declarative-valid", &paths);
}

#[test]
fn groovy_conformance_cases_parse() {
    let Some(shared) = shared() else { return };
    let paths = files(&shared.join("groovy-conformance/cases"), true);
    check_against_gaps("groovy-conformance", &paths);
}

/// Pipelines that Jenkins rejects in validation, not in parsing, so they must parse. Two of
/// them are real Groovy syntax errors (Groovy's own compiler rejects them, and Jenkins
/// reports that error): those must fail, at Groovy's position.
#[test]
fn declarative_error_pipelines_parse() {
    let Some(shared) = shared() else { return };
    let paths = files(&shared.join("corpus/declarative-errors"), true);
    let groovy_rejects: BTreeMap<&str, usize> = [
        // `123_ABC`: "expecting token in range: '0'..'9', found 'A'" at line 27.
        ("envIdentifierDigitsUnderscore.groovy", 27),
        // A `}` is missing: the file ends inside the pipeline block.
        ("malformed.groovy", 9),
    ]
    .into_iter()
    .collect();
    let failed = failures(&paths);
    for (file, line) in &groovy_rejects {
        let err = failed
            .get(*file)
            .unwrap_or_else(|| panic!("{file} must be rejected, as Groovy does"));
        assert!(
            err.starts_with(&format!("{line}:")),
            "{file}: error at {err}, Groovy reports line {line}"
        );
    }
    let unexpected: Vec<String> = failed
        .iter()
        .filter(|(f, _)| !groovy_rejects.contains_key(f.as_str()))
        .map(|(f, e)| format!("  {f}: {e}"))
        .collect();
    println!(
        "declarative-errors: {}/{} files parse ({} rejected as Groovy does)",
        paths.len() - failed.len(),
        paths.len(),
        groovy_rejects.len()
    );
    assert!(
        unexpected.is_empty(),
        "declarative-errors that do not parse:\n{}",
        unexpected.join("\n")
    );
}

/// Files that Groovy 2.4 rejects: we reject each, with the first error on Groovy's line
/// (`MANIFEST.tsv`, column `groovy24_parse_error`, "… @ line L, column C.").
#[test]
fn groovy_unparseable_files_are_rejected_where_groovy_rejects_them() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("corpus/real-world-unparseable");
    let manifest = fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap_or_default();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(file_col), Some(err_col)) = (col("file"), col("groovy24_parse_error")) else {
        panic!("MANIFEST.tsv lacks the file or groovy24_parse_error column");
    };
    let mut report = Vec::new();
    let mut checked = 0;
    for row in lines {
        let cells: Vec<&str> = row.split('\t').collect();
        let (Some(file), Some(groovy_err)) = (cells.get(file_col), cells.get(err_col)) else {
            continue;
        };
        let Some((gl, gc)) = groovy_position(groovy_err) else {
            continue;
        };
        let src = read(&dir.join(file));
        let errs = match parse(&src) {
            Ok(_) => panic!("{file} parsed, but Groovy rejects it: {groovy_err}"),
            Err(errs) => errs,
        };
        let (l, c) = LineIndex::new(&src).line_col(&src, errs[0].span.offset());
        report.push(format!(
            "{file}: ours {l}:{c}, Groovy {gl}:{gc} ({})",
            errs[0].message
        ));
        assert!(
            l == gl && c.abs_diff(gc) <= 3,
            "{file}: first error at {l}:{c} ({}), Groovy reports {gl}:{gc}: {groovy_err}",
            errs[0].message
        );
        checked += 1;
    }
    println!("{}", report.join("\n"));
    assert!(
        checked >= 9,
        "only {checked} unparseable files were checked"
    );
}

fn groovy_position(msg: &str) -> Option<(usize, usize)> {
    let rest = &msg[msg.rfind("@ line ")? + 7..];
    let (line, rest) = rest.split_once(", column ")?;
    let col = rest.trim_end_matches('.');
    Some((line.trim().parse().ok()?, col.trim().parse().ok()?))
}

/// Random damage to real files must never panic or hang the parser: deleting, duplicating
/// and inserting byte ranges (deterministic), and bracket soups.
#[test]
fn damaged_input_never_panics() {
    let Some(shared) = shared() else { return };
    let mut sources: Vec<String> = files(&shared.join("corpus/real-world"), false)
        .iter()
        .step_by(7)
        .map(|p| read(p))
        .collect();
    sources.truncate(50);
    // Keep each case small: the point is variety, not size.
    for s in &mut sources {
        let mut end = s.len().min(1500);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut cases = 0;
    for src in &sources {
        let bytes = src.as_bytes();
        for _ in 0..40 {
            let mut m = bytes.to_vec();
            let n = m.len().max(1);
            let a = rng.below(n);
            let b = (a + rng.below(64)).min(m.len());
            match rng.below(4) {
                0 => {
                    m.drain(a..b);
                }
                1 => {
                    let piece = m[a..b].to_vec();
                    let at = rng.below(m.len() + 1);
                    m.splice(at..at, piece);
                }
                2 => {
                    const NOISE: &[u8] = b"{}()[]'\"/$\\\n*:,.?-=<>@#`";
                    for _ in 0..1 + rng.below(5) {
                        let at = rng.below(m.len() + 1);
                        m.insert(at, NOISE[rng.below(NOISE.len())]);
                    }
                }
                _ => m.truncate(a),
            }
            let text = String::from_utf8_lossy(&m);
            let _ = parse(&text);
            cases += 1;
        }
    }
    for len in [1, 10, 100, 1000] {
        for _ in 0..50 {
            let soup: String = (0..len)
                .map(|_| {
                    "{}()[]\"'\n ab,:=.-"[rng.below(18)..]
                        .chars()
                        .next()
                        .unwrap_or(' ')
                })
                .collect();
            let _ = parse(&soup);
            cases += 1;
        }
    }
    println!("{cases} damaged inputs parsed without panicking");
}

/// Deep nesting is reported as an error, not a stack overflow.
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for (open, close) in [
        ("(", ")"),
        ("[", "]"),
        ("{", "}"),
        ("f(", ")"),
        ("{ x -> ", "}"),
        ("\"${", "}\""),
    ] {
        for depth in [50, 500, 3000] {
            let src = format!("x = {}1{}", open.repeat(depth), close.repeat(depth));
            let res = parse(&src);
            if depth >= 3000 {
                assert!(
                    res.is_err(),
                    "{open}×{depth} should be rejected as too deep"
                );
            }
        }
    }
    // Operator chains that the Pratt parser recurses on, and long `else if` chains.
    for chain in ["!", "-", "a = ", "c ? 1 : ", "(int) "] {
        let src = format!("x = {}1", chain.repeat(5000));
        assert!(
            parse(&src).is_err(),
            "{chain}×5000 should be rejected as too deep"
        );
        assert!(
            parse(&format!("x = {}1", chain.repeat(100))).is_ok(),
            "{chain}×100 should parse"
        );
    }
    let else_ifs = "if (a) { b() } else ".repeat(300) + "{ c() }";
    assert!(
        parse(&else_ifs).is_ok(),
        "300 chained `else if` should parse"
    );
    // Unclosed brackets, as a hostile file might have.
    let _ = parse(&"(".repeat(3000));
    let _ = parse(&"{".repeat(3000));
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}
