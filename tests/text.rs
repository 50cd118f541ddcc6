//! The text modules through the public API, the way the evaluator uses them: Groovy
//! snippets from `/work/shared/groovy-conformance/cases` and their recorded outputs.

use pipewright::eval::format::{java_format, FmtArg};
use pipewright::eval::jstr;
use pipewright::eval::regex::{self, JavaRegex, MatchItem, MatcherState, RegexError};

fn re(p: &str) -> JavaRegex {
    JavaRegex::cached(p, 0).expect("valid pattern")
}

/// regex_named_like_01: `(text =~ /(\w+)=(\w+)/).each { all, k, v -> map[k] = v }`
#[test]
fn matcher_each_with_groups() {
    let mut m = MatcherState::new(re(r"(\w+)=(\w+)"), "user=alice;role=admin;team=ops");
    let pairs: Vec<(String, String)> = m
        .items()
        .expect("matches")
        .into_iter()
        .map(|item| match item {
            MatchItem::Groups(g) => (
                g[1].clone().unwrap_or_default(),
                g[2].clone().unwrap_or_default(),
            ),
            MatchItem::Whole(_) => panic!("pattern has groups"),
        })
        .collect();
    assert_eq!(pairs[1], ("role".to_string(), "admin".to_string()));
    assert_eq!(pairs.len(), 3);
}

/// regex_lastmatcher_like_01: `(s =~ /JIRA-(\d+)/)[0][1].toInteger() + 1` prints 124
#[test]
fn matcher_get_at_then_group() {
    let mut m = MatcherState::new(re(r"JIRA-(\d+)"), "ticket JIRA-123 and JIRA-456");
    let MatchItem::Groups(g) = m.get_at(0).expect("a match") else {
        panic!("groups expected")
    };
    assert_eq!(g[1].as_deref(), Some("123"));
}

/// str_format_01 / misc_string_format_numbers_01 through the public API.
#[test]
fn string_format() {
    let out = java_format(
        "%s is %d years, %.1f%%",
        &[
            FmtArg::Str("Bob".into()),
            FmtArg::Int(30),
            FmtArg::Double(45.67),
        ],
    )
    .expect("formats");
    assert_eq!(out, "Bob is 30 years, 45.7%");
    let e = java_format("%d", &[FmtArg::Str("x".into())]).expect_err("bad conversion");
    assert_eq!(
        format!("{}: {}", e.class, e.message),
        "java.util.IllegalFormatConversionException: d != java.lang.String"
    );
}

/// misc_sh_output_parsing_01: split, trim, tokenize, readLines together.
#[test]
fn sh_output_parsing() {
    let out = "\n  M src/a.groovy\n  A src/b.txt\n\n  D README.md\n";
    let lines = regex::split(out, &re("\n"), 0).expect("splits");
    let files: Vec<String> = lines
        .iter()
        .filter(|l| !jstr::trim(l).is_empty())
        .map(|l| jstr::tokenize(jstr::trim(l), Some(" "))[1].clone())
        .collect();
    assert_eq!(files, ["src/a.groovy", "src/b.txt", "README.md"]);
    assert_eq!(jstr::read_lines(out).len(), 5);
    let joined: Vec<&str> = jstr::read_lines(jstr::trim(out))
        .into_iter()
        .map(jstr::trim)
        .collect();
    assert_eq!(joined.join("|"), "M src/a.groovy|A src/b.txt||D README.md");
}

/// A Groovy user's classic mistake: `'${foo}'.replaceAll('${foo}', …)`.
#[test]
fn pattern_syntax_error_as_groovy_prints_it() {
    let e = JavaRegex::cached("${foo}", 0).expect_err("invalid");
    assert!(matches!(e, RegexError::Syntax { .. }));
    assert_eq!(
        format!("{}: {}", e.java_class(), e.java_message()),
        "java.util.regex.PatternSyntaxException: Illegal repetition near index 2\n${foo}\n  ^"
    );
    let fixed = regex::replace_all("${foo}", &re(&regex::quote("${foo}")), "bar").expect("ok");
    assert_eq!(fixed, "bar");
}

#[test]
fn cached_patterns_are_shared_and_thread_safe() {
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let r = JavaRegex::cached(r"v(\d+)\.(\d+)", 0).expect("valid");
                let caps = r.find("release v1.2").expect("ok").expect("match");
                format!("{}-{}", caps.get(1).unwrap_or(""), i)
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().expect("thread"), format!("1-{i}"));
    }
}
