//! Bounded random inputs: mutated Groovy cases and random token soups go through parse and
//! evaluation; nothing may panic and everything must finish (evaluation has a step limit).

use std::path::PathBuf;
use std::sync::Arc;

use pipewright::eval::interp::{BufferOutput, Limits};
use pipewright::eval::runner::{eval_source, EvalError, EvalOptions};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    ";",
    "\n",
    "->",
    "def ",
    "x",
    "it",
    "=",
    "==",
    "+",
    "-",
    "*",
    "/",
    "%",
    "**",
    "<<",
    "..",
    "..<",
    "?:",
    "?",
    ".",
    "?.",
    "*.",
    "'s'",
    "\"g${x}\"",
    "1",
    "0",
    "-1",
    "1.5",
    "null",
    "true",
    "[:]",
    "[]",
    "each",
    "collect",
    "while (true) ",
    "for (i in 0..9) ",
    "if (x) ",
    "else ",
    "try ",
    "catch (e) ",
    "finally ",
    "throw ",
    "return ",
    "new ",
    "String ",
    "as ",
    "in ",
    "instanceof ",
    "switch (x) ",
    "case ",
    "default:",
    "assert ",
    "f(",
    "def f(n) { f(n) }",
    "/re/",
    "=~",
    "==~",
    "~",
    "!",
    "@Field ",
    "class C { }",
    "$",
    "\\",
    "'''",
    "\"\"\"",
];

fn eval_bounded(src: &str) {
    if std::env::var_os("ROBUST_TRACE").is_some() {
        let _ = std::fs::write("/tmp/robust_last.groovy", src);
    }
    let mut opts = EvalOptions::new("Fuzz.groovy", Arc::new(BufferOutput::default()));
    opts.limits = Limits {
        max_call_depth: 200,
        max_steps: Some(20_000),
    };
    if let Err(EvalError::Internal(msg)) = eval_source(src, opts) {
        panic!("internal error on input:\n{src}\n---\n{msg}");
    }
}

fn seeds() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        root.join("tests/groovy"),
        root.join("../shared/groovy-conformance/cases"),
    ] {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "groovy"))
            .collect();
        paths.sort();
        out.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    out
}

fn char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

#[test]
fn mutated_scripts_never_panic_or_hang() {
    let seeds = seeds();
    assert!(!seeds.is_empty(), "no seed scripts found");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..1500 {
        let base = &seeds[rng.below(seeds.len())];
        let mut s = base.clone();
        for _ in 0..=rng.below(3) {
            let a = char_boundary(&s, rng.below(s.len() + 1));
            let b = char_boundary(&s, a + rng.below(20));
            match rng.below(3) {
                0 => s.replace_range(a..b, ""),
                1 => {
                    let dup = s[a..b].to_string();
                    s.insert_str(b, &dup);
                }
                _ => s.insert_str(a, TOKENS[rng.below(TOKENS.len())]),
            }
        }
        let _ = round;
        eval_bounded(&s);
    }
}

#[test]
fn token_soup_never_panics_or_hangs() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..1500 {
        let n = 1 + rng.below(40);
        let s: String = (0..n)
            .map(|_| TOKENS[rng.below(TOKENS.len())])
            .collect::<Vec<_>>()
            .join(" ");
        eval_bounded(&s);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for depth in [100, 1_000, 20_000] {
        eval_bounded(&format!(
            "def x = {}1{}",
            "(".repeat(depth),
            ")".repeat(depth)
        ));
        eval_bounded(&format!(
            "def x = {}{}",
            "[".repeat(depth),
            "]".repeat(depth)
        ));
        eval_bounded(&"{ ".repeat(depth));
        eval_bounded(&format!("def s = \"{}\"", "${\"".repeat(depth)));
    }
}
