//! Regex tests. Expected values come from the Groovy 2.4.21 oracle scripts in `tests/oracle/`
//! (`regex_syntax_errors.groovy`, `regex_semantics.groovy`, `regex_more.groovy`); each
//! test names the script and label it checks.

use super::*;

fn re(p: &str) -> JavaRegex {
    match JavaRegex::new(p) {
        Ok(r) => r,
        Err(e) => panic!("pattern {p:?} failed: {e}"),
    }
}

/// `(text =~ /p/).find()`
fn finds(p: &str, text: &str) -> bool {
    re(p).is_match(text).expect("match")
}

/// `text ==~ /p/`
fn full(p: &str, text: &str) -> bool {
    re(p).full_match(text).expect("match")
}

/// Groovy's display of an element list, e.g. `[a1, b2]` or `[[a1, a, 1]]`.
fn show_items(items: &[MatchItem]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|i| match i {
            MatchItem::Whole(s) => s.clone(),
            MatchItem::Groups(g) => show_groups(g),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

fn show_groups(g: &[Option<String>]) -> String {
    let parts: Vec<String> = g
        .iter()
        .map(|s| s.clone().unwrap_or_else(|| "null".into()))
        .collect();
    format!("[{}]", parts.join(", "))
}

/// `(text =~ /p/).collect { it }`
fn collect(p: &str, text: &str) -> String {
    let mut m = MatcherState::new(re(p), text);
    show_items(&m.items().expect("items"))
}

fn list(v: &[String]) -> String {
    format!("[{}]", v.join(", "))
}

fn split_list(text: &str, p: &str, limit: i32) -> String {
    list(&split(text, &re(p), limit).expect("split"))
}

fn error_line(e: &RegexError) -> String {
    format!("{}: {}", e.java_class(), e.java_message())
        .replace('\n', "<NL>")
        .replace('\r', "<CR>")
}

/// Every pattern of `tests/oracle/regex_syntax_errors.groovy`, in order; the expected lines are
/// that script's output, `tests/oracle/regex_syntax_errors.out`.
#[test]
fn syntax_errors_match_java() {
    let pats = [
        "(",
        "[a",
        "a)",
        "*a",
        "a**",
        "{",
        "${foo}",
        "a{2,1}",
        "a{",
        "a{1",
        "\\",
        "\\k<x>",
        "(?<x>a)(?<x>b)",
        "[b-a]",
        "\\p{Foo}",
        "(?z)",
        "\\y",
        "[]",
        "[]a]",
        "[^]a]",
        "a{1,2",
        "(?<=a+)b",
        "\\1",
        "(?",
        "(?<",
        "(?<1a>x)",
        "[a-\\d]",
        "\\x{110000}",
        "\\xZ",
        "\\u12",
        "\\cé",
        "+",
        "?",
        "a|*",
        "(*)",
        "\\Qab",
        "[a&&]",
        "x++*",
        "\\0",
        "\\08",
        "\\N{LATIN SMALL LETTER A}",
        "a{99999999999}",
        "[\\w-z]",
        "[z-\\w]",
        "(?i",
        "ab(cd",
        "\\p{",
        "\\pX",
        "\\p{IsLatin}x",
        "\\p{InGreek}",
        "\\p{javaLowerCase}",
        "\\P{Alpha}",
        "\\b{g}",
        "\\b{x}",
        "\\R",
        "\\X",
        "\\G",
        "(?<!a*)b",
        "[[a]",
        "é(",
    ];
    let expected = include_str!("../../../tests/oracle/regex_syntax_errors.out");
    let mut lines = expected.lines();
    for p in pats {
        let want = lines.next().expect("oracle line");
        let got = match JavaRegex::new(p) {
            Ok(_) => format!("OK  {p}"),
            // `\N{...}` is valid Java that we do not support.
            Err(RegexError::Unsupported { .. }) if p.starts_with("\\N") => format!("OK  {p}"),
            Err(e) => error_line(&e),
        };
        assert_eq!(got, want, "pattern {p:?}");
    }
}

#[test]
fn groovy_error_message_has_caret_lines() {
    // regex_syntax_errors.groovy: `try { 'a' =~ /(/ } catch(e) { println e.class.name + ...`
    let e = JavaRegex::new("[a").expect_err("invalid");
    assert_eq!(e.java_class(), "java.util.regex.PatternSyntaxException");
    assert_eq!(
        e.java_message(),
        "Unclosed character class near index 1\n[a\n ^"
    );
    let e = JavaRegex::new("(").expect_err("invalid");
    assert_eq!(e.java_message(), "Unclosed group near index 1\n(");
}

#[test]
fn word_boundary_and_ascii_classes() {
    // regex_semantics.groovy: bound é, bound café, w é, U mode
    assert!(finds("\\bé\\b", "é"));
    assert_eq!(collect("\\b\\w+\\b", "café bar"), "[bar]");
    assert!(!full("\\w", "é"));
    assert!(full("(?U)\\w", "é"));
}

#[test]
fn case_insensitivity_is_ascii_unless_unicode_case() {
    // regex_semantics.groovy: ci É, ciu É, ci kelvin, ci class, ci lower, backref ci
    assert!(!full("(?i)é", "É"));
    assert!(full("(?iu)é", "É"));
    assert!(!full("(?i)k", "\u{212A}"));
    assert!(full("(?i)[a-z]", "Q"));
    assert!(full("(?i)\\p{Lower}", "Q"));
    assert!(full("(?i)(ab)\\1", "abAB"));
    assert!(full("a(?i:b)", "aB"));
    assert!(!full("(?i)a(?-i)b", "AB"));
}

#[test]
fn dollar_caret_and_dot_follow_java_line_terminators() {
    // regex_semantics.groovy: dollar1..5, Z1, z1, caret ml *, dollar ml, dot*, dotall
    assert!(finds("a$", "a\n"));
    assert!(!finds("a$", "a\n\n"));
    assert!(finds("a$", "a\r\n"));
    assert!(!finds("a\\r$", "a\r\n"));
    assert!(finds("a$", "a\u{2028}"));
    assert!(!finds("a\\Z", "a\n\n"));
    assert!(!finds("a\\z", "a\n"));
    assert!(!finds("(?m)^", ""));
    assert_eq!(
        MatcherState::new(re("(?m)^"), "a\n")
            .count()
            .expect("count"),
        1
    );
    assert_eq!(collect("(?m)^.", "a\nb\r\nc\rd"), "[a, b, c, d]");
    assert_eq!(collect("(?m).$", "a\nb\r\nc"), "[a, b, c]");
    assert!(!finds("a.b", "a\rb"));
    assert!(!finds("a.b", "a\u{85}b"));
    assert!(finds("(?s)a.b", "a\rb"));
    assert!(full("\\R\\n", "\r\n"));
    assert!(full("\\R", "\r\n"));
}

#[test]
fn empty_matches_advance_like_java() {
    // regex_semantics.groovy: empty repl, empty repl2, split *
    assert_eq!(replace_all("abc", &re("b*"), "-").expect("ok"), "-a--c-");
    assert_eq!(replace_all("abc", &re("x*"), "-").expect("ok"), "-a-b-c-");
    assert_eq!(split_list("abc", "", 0), "[a, b, c]");
    assert_eq!(split_list("abc", "x*", 0), "[a, b, c]");
    assert_eq!(split_list(",a,,b,,", ",", 0), "[, a, , b]");
    assert_eq!(split_list(",a,,b,,", ",", -1), "[, a, , b, , ]");
    assert_eq!(split_list(",a,,b,,", ",", 2), "[, a,,b,,]");
    assert_eq!(split(",", &re(","), 0).expect("ok").len(), 0);
    assert_eq!(split("", &re(","), 0).expect("ok"), vec![String::new()]);
    assert_eq!(split_list("AbcDef", "(?=[A-Z])", 0), "[Abc, Def]");
}

#[test]
fn matcher_state_follows_java_and_groovy() {
    // regex_semantics.groovy: m group after size .. iterator twice
    let mut m = MatcherState::new(re("\\d"), "a1b2");
    m.count().expect("count");
    assert!(!m.find().expect("find"));

    let mut m = MatcherState::new(re("\\d"), "a1b2");
    assert_eq!(m.get_at(-1).expect("ok"), MatchItem::Whole("2".into()));
    let e = m.get_at(5).expect_err("oob");
    assert_eq!(
        error_line(&e),
        "java.lang.IndexOutOfBoundsException: index is out of range -2..1 (index = 5)"
    );

    let m = MatcherState::new(re("\\d"), "a1b2");
    assert_eq!(
        error_line(&m.group0().expect_err("no match")),
        "java.lang.IllegalStateException: No match found"
    );
    assert_eq!(
        m.to_java_string(),
        "java.util.regex.Matcher[pattern=\\d region=0,4 lastmatch=]"
    );
    let mut m = MatcherState::new(re("\\d"), "a1b2");
    m.find().expect("find");
    assert_eq!(
        m.to_java_string(),
        "java.util.regex.Matcher[pattern=\\d region=0,4 lastmatch=1]"
    );

    // m bool twice => [1, 1, 1, 2, 0]
    let mut m = MatcherState::new(re("\\d"), "a1b2");
    assert!(m.as_boolean().expect("ok"));
    assert_eq!(m.group0().expect("ok").as_deref(), Some("1"));
    assert!(m.as_boolean().expect("ok"));
    assert_eq!(m.group0().expect("ok").as_deref(), Some("2"));
    assert!(!m.as_boolean().expect("ok"));

    // m start, m start emoji (Java UTF-16 indices)
    let mut m = MatcherState::new(re("\\d"), "é1b2");
    m.find().expect("find");
    assert_eq!((m.start(0).expect("ok"), m.end(0).expect("ok")), (1, 2));
    let mut m = MatcherState::new(re("\\d"), "😀1b2");
    m.find().expect("find");
    assert_eq!((m.start(0).expect("ok"), m.end(0).expect("ok")), (2, 3));

    let mut m = MatcherState::new(re("\\d"), "a1b2");
    m.find().expect("find");
    assert_eq!(
        error_line(&m.group(1).expect_err("no group")),
        "java.lang.IndexOutOfBoundsException: No group 1"
    );

    let mut m = MatcherState::new(re("(?<key>\\w)=(?<val>\\w)"), "k=v");
    m.find().expect("find");
    assert_eq!(m.group_named("key").expect("ok").as_deref(), Some("k"));
    assert_eq!(m.group_named("val").expect("ok").as_deref(), Some("v"));
    assert_eq!(m.start_named("val").expect("ok"), 2);
    assert_eq!(
        error_line(&m.group_named("nope").expect_err("bad")),
        "java.lang.IllegalArgumentException: No group with name <nope>"
    );

    // matches then find => [false, true, true]
    let mut m = MatcherState::new(re("\\w\\d"), "a1b2");
    assert!(!m.matches().expect("ok"));
    assert!(m.find().expect("ok"));
    assert!(m.find().expect("ok"));

    let mut m = MatcherState::new(re("\\d"), "a1b2");
    assert!(m.find_from(2).expect("ok"));
    assert_eq!(m.group0().expect("ok").as_deref(), Some("2"));
    assert!(!m.find().expect("ok"));
    assert_eq!(
        error_line(&m.find_from(9).expect_err("oob")),
        "java.lang.IndexOutOfBoundsException: Illegal start index"
    );

    assert_eq!(collect("(\\w)(\\d)", "a1b2"), "[[a1, a, 1], [b2, b, 2]]");
    assert_eq!(collect("\\w\\d", "a1b2"), "[a1, b2]");
    let mut m = MatcherState::new(re("(a)(x)?"), "ab");
    assert_eq!(
        m.get_at(0).expect("ok"),
        MatchItem::Groups(vec![Some("a".into()), Some("a".into()), None])
    );
    assert!(m.has_group());
    assert_eq!(m.group_count(), 2);
    assert_eq!(m.count().expect("ok"), 1);
    let mut m = MatcherState::new(re("\\d"), "a1b2");
    assert_eq!(show_items(&m.items().expect("ok")), "[1, 2]");
    assert_eq!(show_items(&m.items().expect("ok")), "[1, 2]");
}

#[test]
fn conformance_cases() {
    // groovy-conformance: regex_group_null_01
    let mut m = MatcherState::new(re("(a)(x)?(b)"), "ab");
    assert!(m.matches().expect("ok"));
    assert_eq!(m.group(1).expect("ok").as_deref(), Some("a"));
    assert_eq!(m.group(2).expect("ok"), None);
    assert_eq!(m.group(3).expect("ok").as_deref(), Some("b"));
    assert_eq!(m.group_count(), 3);
    // regex_matcher_multi_01
    let mut m = MatcherState::new(re("([a-z])(\\d)"), "a1 b2 c3");
    assert_eq!(m.count().expect("ok"), 3);
    assert_eq!(
        m.get_at(1).expect("ok"),
        MatchItem::Groups(vec![Some("b2".into()), Some("b".into()), Some("2".into())])
    );
    // regex_matcher_no_groups_01
    assert_eq!(collect("\\w+", "one two three"), "[one, two, three]");
    // regex_exact_match_01
    assert!(full("abc", "abc"));
    assert!(!full("abc", "abcd"));
    assert!(full("(?i)abc", "ABC"));
    assert!(full(".*", ""));
    assert!(full("\\d{4}-\\d{2}-\\d{2}", "2024-01-15"));
    // regex_named_like_01
    assert_eq!(
        collect("(\\w+)=(\\w+)", "user=alice;role=admin;team=ops"),
        "[[user=alice, user, alice], [role=admin, role, admin], [team=ops, team, ops]]"
    );
    // regex_pattern_operator_01
    assert_eq!(split_list("a1b2", "\\d", 0), "[a, b]");
    // regex_special_chars_01
    assert_eq!(replace_all("a.b", &re("\\."), "-").expect("ok"), "a-b");
    assert_eq!(split_list("a+b", "\\+", 0), "[a, b]");
    assert_eq!(
        replace_all("path/to/file.txt", &re(".*/"), "").expect("ok"),
        "file.txt"
    );
    assert_eq!(
        replace_all("file.tar.gz", &re("\\.[^.]*$"), "").expect("ok"),
        "file.tar"
    );
    assert_eq!(
        replace_all("a  b   c", &re("\\s+"), " ").expect("ok"),
        "a b c"
    );
    // str_replace_01, str_replaceall_groups_01
    assert_eq!(replace_all("a.b.c", &re("."), "/").expect("ok"), "/////");
    assert_eq!(
        replace_first("v1.2.3", &re("\\d"), "X").expect("ok"),
        "vX.2.3"
    );
    assert_eq!(
        replace_all("foo123bar45", &re("\\d+"), "#").expect("ok"),
        "foo#bar#"
    );
    assert_eq!(
        replace_all("John Smith", &re("(\\w+) (\\w+)"), "$2, $1").expect("ok"),
        "Smith, John"
    );
    assert_eq!(replace_all("x-y-z", &re("-"), "\\$").expect("ok"), "x$y$z");
    // str_split_01
    assert_eq!(split_list("a,b,,c,", ",", 0), "[a, b, , c]");
    assert_eq!(split_list("a b  c", " ", 0), "[a, b, , c]");
    assert_eq!(split_list("x.y.z", "\\.", 0), "[x, y, z]");
    assert_eq!(split_list("k=v=w", "=", 2), "[k, v=w]");
    // regex_lastmatcher_like_01
    assert_eq!(
        collect("JIRA-\\d+", "ticket JIRA-123 and JIRA-456"),
        "[JIRA-123, JIRA-456]"
    );
    // truth_matcher_and_collections_01
    assert!(!MatcherState::new(re("z"), "abc").as_boolean().expect("ok"));
}

#[test]
fn replacement_syntax_and_errors() {
    // regex_semantics.groovy: replaceFirst .. repl unmatched group
    let r = |text: &str, p: &str, rep: &str| match replace_all(text, &re(p), rep) {
        Ok(s) => s,
        Err(e) => error_line(&e),
    };
    assert_eq!(replace_first("aaa", &re("a"), "b").expect("ok"), "baa");
    assert_eq!(
        r("ab", "(a)", "$2"),
        "java.lang.IndexOutOfBoundsException: No group 2"
    );
    assert_eq!(
        r("ab", "(a)", "x$"),
        "java.lang.IllegalArgumentException: Illegal group reference: group index is missing"
    );
    assert_eq!(
        r("ab", "(a)", "x\\"),
        "java.lang.IllegalArgumentException: character to be escaped is missing"
    );
    assert_eq!(
        r("ab", "(a)", "$x"),
        "java.lang.IllegalArgumentException: Illegal group reference"
    );
    assert_eq!(
        r("ab", "(a)", "${}"),
        "java.lang.IllegalArgumentException: named capturing group has 0 length name"
    );
    assert_eq!(
        r("ab", "(a)", "${1}"),
        "java.lang.IllegalArgumentException: capturing group name {1} starts with digit character"
    );
    assert_eq!(
        r("ab", "(?<n>a)", "${n"),
        "java.lang.IllegalArgumentException: named capturing group is missing trailing '}'"
    );
    assert_eq!(r("ab", "(?<n>a)", "[${n}]"), "[a]b");
    assert_eq!(
        r("ab", "(?<n>a)", "[${m}]"),
        "java.lang.IllegalArgumentException: No group with name {m}"
    );
    assert_eq!(r("ab", "(a)", "[$11]"), "[a1]b");
    assert_eq!(r("ab", "(a)", "[$0]"), "[a]b");
    assert_eq!(r("ab", "z", "$9"), "ab");
    assert_eq!(r("ab", "(a)(x)?", "[$2]"), "[]b");
    assert_eq!(quote("a\\Eb"), "\\Qa\\E\\\\E\\Qb\\E");
    assert_eq!(quote("a.b"), "\\Qa.b\\E");
    assert_eq!(quote_replacement("a$b\\c"), "a\\$b\\\\c");
}

#[test]
fn replace_with_callback() {
    // str_replaceall_groups_01: 'a1b2'.replaceAll(/\d/) { it * 2 } => a11b22
    let out: Result<String, RegexError> =
        replace_all_with("a1b2", &re("\\d"), |c| Ok(c.as_str().repeat(2)));
    assert_eq!(out.expect("ok"), "a11b22");
    let out: Result<String, RegexError> = replace_all_with("abc", &re("(b)"), |c| {
        Ok(c.get(1).unwrap_or("").to_uppercase())
    });
    assert_eq!(out.expect("ok"), "aBc");
    let out: Result<String, RegexError> =
        replace_first_with("a1b2", &re("\\d"), |_| Ok("$".to_string()));
    assert_eq!(out.expect("ok"), "a$b2");
}

#[test]
fn syntax_features() {
    // regex_semantics.groovy: QE .. class \Q
    assert!(full("\\Qa.b\\E", "a.b"));
    assert!(full("x\\Qa.b", "xa.b"));
    assert!(!full("a*+a", "aaa"));
    assert!(!full("a(?>bc|b)c", "abc"));
    assert_eq!(collect("[a-z&&[^aeiou]]", "abcdef"), "[b, c, d, f]");
    assert_eq!(collect("[a-f&&bcd]", "abcdef"), "[b, c, d]");
    assert_eq!(collect("[a[e-f]]", "abcdef"), "[a, e, f]");
    assert_eq!(collect("[^a[e-f]]", "abcdef"), "[b, c, d]");
    assert!(full("(ab)\\1", "abab"));
    assert!(!full("(a)\\2", "aa"));
    assert!(full("(a)\\11", "aa1"));
    assert!(!full("\\1(a)", "aa"));
    assert!(full("\\0101", "A"));
    assert!(full("\\x41", "A"));
    assert!(full("\\x{41}", "A"));
    assert!(full("\\u0041", "A"));
    assert!(full("\\cA", "\u{1}"));
    assert!(full("\\e", "\u{1b}"));
    assert!(full("\\h", "\u{a0}"));
    assert!(full("\\v", "\u{b}"));
    assert_eq!(collect("\\p{Punct}", "a!b\"c#"), "[!, \", #]");
    assert_eq!(collect("\\p{javaLowerCase}", "aÉé"), "[a, é]");
    assert_eq!(collect("\\p{IsLatin}", "aЖ"), "[a]");
    assert_eq!(collect("\\p{InGreek}", "aα"), "[α]");
    assert_eq!(collect("\\p{L}", "a1é"), "[a, é]");
    assert_eq!(collect("\\p{IsL}", "a1é"), "[a, é]");
    assert_eq!(collect("\\p{Lu}", "aBé"), "[B]");
    assert_eq!(collect("\\p{Alpha}", "aBé"), "[a, B]");
    assert_eq!(collect("\\p{IsAlphabetic}", "aBé1"), "[a, B, é]");
    assert!(full("(?x) a  b # comment", "ab"));
    assert!(full("(?x)[a b]", "b"));
    assert!(!full("(?x)[a b]", " "));
    assert_eq!(collect("\\Ga", "aab"), "[a, a]");
    assert_eq!(collect("<.+?>", "<a><b>"), "[<a>, <b>]");
    assert!(full("a}", "a}"));
    assert!(full("a]", "a]"));
    assert!(full("^*a", "a"));
    assert_eq!(collect("|a", "ab"), "[, , ]");
    assert_eq!(collect("a|ab", "ab"), "[a]");
    assert!(full("a[&]", "a&"));
    assert_eq!(collect("[a\\-z]", "a-z"), "[a, -, z]");
    assert_eq!(collect("[-a]", "a-z"), "[a, -]");
    assert_eq!(collect("[a-]", "a-z"), "[a, -]");
    assert_eq!(collect("[\\w-z]", "a-z_"), "[a, -, z, _]");
    assert_eq!(collect("[a^]", "a^"), "[a, ^]");
    assert_eq!(collect("[\\]]", "a]"), "[]]");
    assert_eq!(collect("[a&b]", "a&b"), "[a, &, b]");
    assert_eq!(collect("[a&&&b]", "a&b"), "[a, &, b]");
    assert_eq!(collect("[a&&]", "abc"), "[a]");
    assert_eq!(collect("[\\Q.\\E]", "a.b"), "[.]");
}

/// The recorded output of `tests/oracle/regex_more.groovy` for `label`.
fn more(label: &str) -> &'static str {
    let out = include_str!("../../../tests/oracle/regex_more.out");
    let prefix = format!("{label} => ");
    out.lines()
        .find_map(|l| l.strip_prefix(prefix.as_str()))
        .unwrap_or_else(|| panic!("no oracle line for {label:?}"))
}

fn err_nl(e: &RegexError) -> String {
    format!(
        "{}: {}",
        e.java_class(),
        e.java_message().replace('\n', "<NL>")
    )
}

/// `(s =~ p).collect { it }` or the error.
fn all_or_err(p: &str, s: &str) -> String {
    match JavaRegex::new(p) {
        Ok(r) => show_items(&MatcherState::new(r, s).items().expect("items")),
        Err(e) => err_nl(&e),
    }
}

/// `s ==~ p` or the error.
fn full_or_err(p: &str, s: &str) -> String {
    match JavaRegex::new(p).and_then(|r| r.full_match(s)) {
        Ok(b) => b.to_string(),
        Err(e) => err_nl(&e),
    }
}

#[test]
fn more_semantics_match_oracle() {
    let cases_all: &[(&str, &str, &str)] = &[
        ("lookbehind", "(?<=\\$)\\d+", "a $12 b $3"),
        ("neg lookbehind", "(?<!\\$)\\b\\d+", "a $12 b 3"),
        ("lookahead", "\\w+(?=:)", "k1:v1 k2:v2"),
        ("varlen lookbehind", "(?<=a+)b", "aab b"),
        ("d caret", "(?md)^.", "a\rb\nc"),
        ("m flag dollar", "(?m)\\d$", "1\n2\n3"),
        ("G x*", "\\Gx*", "xxaxx"),
        ("class with dot", "[.]", "a.b"),
        ("class caret literal", "[\\^a]", "^ba"),
        ("class nested neg", "[a-z&&[^b-y]]", "abyz"),
        ("class union neg", "[^abc[d]]", "abcde"),
        ("class neg and", "[^a-c&&b]", "abcd"),
        ("ci range", "(?i)[b-d]", "aBcDe"),
        ("ci class neg", "(?i)[^b]", "bB"),
        ("empty pattern find", "", "ab"),
        ("alternation empty", "a|", "ba"),
        ("repetition exact", "a{2}", "aaaaa"),
        ("lazy question", "ab??", "ab"),
        ("lazy counted", "a{1,3}?", "aaa"),
    ];
    for (label, p, s) in cases_all {
        assert_eq!(all_or_err(p, s), more(label), "{label}");
    }
    let cases_full: &[(&str, &str, &str)] = &[
        ("x comment class", "(?x)a[#]", "a#"),
        ("x escaped space", "(?x)a\\ b", "a b"),
        ("x newline comment", "(?x)a # first\n b # second", "ab"),
        ("d dot", "(?d)a.b", "a\rb"),
        ("s flag", "(?s)a.b", "a\nb"),
        (
            "backtrack heavy",
            "(a|aa)*c",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        ),
        ("nested quant", "(a+)+b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!"),
        ("octal 3", "\\0377", "\u{ff}"),
        ("octal 4", "\\0408", "\u{20}8"),
        ("ctl ?", "\\c?", "\u{7f}"),
        ("hex upper", "\\x4A", "J"),
        ("unicode surrogate pair", "\\uD83D\\uDE00", "😀"),
        ("class surrogate", "[\\uD83D\\uDE00]", "😀"),
        ("emoji dot", ".", "😀"),
        ("emoji class range", "[\\x{1F600}-\\x{1F64F}]", "😀"),
        ("ciu backref", "(?iu)(é)\\1", "éÉ"),
        ("U \\s", "(?U)\\s", "\u{2003}"),
        ("\\s nbsp", "\\s", "\u{a0}"),
        ("U \\d", "(?U)\\d", "٣"),
        ("\\d arabic", "\\d", "٣"),
        ("Alpha U", "(?U)\\p{Alpha}", "é"),
        ("IsAlpha", "\\p{IsAlpha}", "é"),
        ("IsPunct", "\\p{IsPunctuation}", "¿"),
        ("Punct unicode", "\\p{Punct}", "¿"),
        ("sc=", "\\p{sc=Greek}", "α"),
        ("script=", "\\p{script=Greek}", "α"),
        ("blk=", "\\p{blk=Greek}", "α"),
        ("gc=", "\\p{gc=Ll}", "a"),
        ("bad keyed", "\\p{foo=bar}", "a"),
        ("bad sc", "\\p{sc=Foo}", "a"),
        ("Empty family", "\\p{}", "a"),
        ("named group underscore", "(?<a_b>a)", "a"),
        ("k no <", "(a)\\kx", "aa"),
        ("k bad", "(?<x>a)\\k<x", "aa"),
        ("unknown group type", "(?@a)", "a"),
        ("lookbehind unbounded", ".(?<=a.*)b", "ab"),
        ("repetition zero", "ax{0}b", "ab"),
        ("possessive question", "ab?+b", "ab"),
        ("possessive counted", "a{1,3}+a", "aaa"),
    ];
    for (label, p, s) in cases_full {
        assert_eq!(full_or_err(p, s), more(label), "{label}");
    }
    let ws: Vec<String> = [" ", "\u{a0}", "\u{2003}", "\u{1c}"]
        .iter()
        .map(|s| full_or_err("\\p{javaWhitespace}", s))
        .collect();
    assert_eq!(list(&ws), more("javaWhitespace"));

    // "d dollar": (?d)a$ on "a\r\n"
    assert_eq!(
        re("(?d)a$").is_match("a\r\n").expect("ok").to_string(),
        more("d dollar")
    );
    // Pattern.compile(p, flags)
    let with = |p: &str, f: u32, s: &str| {
        JavaRegex::with_flags(p, f)
            .and_then(|r| r.full_match(s))
            .expect("ok")
            .to_string()
    };
    assert_eq!(
        with("ABC", flags::CASE_INSENSITIVE, "abc"),
        more("Pattern flags")
    );
    assert_eq!(with("a.b", flags::LITERAL, "a.b"), more("Pattern LITERAL"));
    assert_eq!(with("a.b", flags::LITERAL, "axb"), more("Pattern LITERAL2"));
    assert_eq!(with("a b", flags::COMMENTS, "ab"), more("Pattern COMMENTS"));
    assert_eq!(
        MatcherState::new(re("\\G"), "ab")
            .count()
            .expect("ok")
            .to_string(),
        more("G after empty")
    );

    assert_eq!(
        split_list("a1b2c3", "\\d", -1),
        more("split limit neg lead")
    );
    assert_eq!(split_list("a,b,c", ",", 1), more("split limit 1"));
    assert_eq!(split_list(",a", "(?=,)", 0), more("split zero-width lead"));
    assert_eq!(
        split_list("abc", "^", 0),
        more("split only zero width start")
    );
    assert_eq!(split_list("a1b2", "(?<=\\d)", 0), more("split lookbehind"));
    assert_eq!(split_list("é,ü", ",", 0), more("split unicode"));
    assert_eq!(
        replace_all("héllo wörld", &re("ö|é"), "_").expect("ok"),
        more("replace unicode")
    );
    assert_eq!(
        replace_all("éa", &re(""), "-").expect("ok"),
        more("replace empty unicode")
    );
    let mut m = MatcherState::new(re("x"), "éé😀x");
    m.find().expect("ok");
    let pos = format!("[{}, {}]", m.start(0).expect("ok"), m.end(0).expect("ok"));
    assert_eq!(pos, more("find unicode start"));

    let mut m = MatcherState::new(re("(?<n1>a)"), "ab");
    m.find().expect("ok");
    assert_eq!(
        m.group_named("n1").expect("ok").unwrap_or_default(),
        more("named group name chars")
    );
    let mut m = MatcherState::new(re("(ab[cd])+"), "abcabd");
    m.find().expect("ok");
    let got = format!(
        "[{}, {}]",
        m.group(0).expect("ok").unwrap_or_default(),
        m.group(1).expect("ok").unwrap_or_default()
    );
    assert_eq!(got, more("quantified group capture"));
    let mut m = MatcherState::new(re("(a)*b"), "b");
    m.find().expect("ok");
    assert_eq!(m.group(1).expect("ok"), None);
    assert_eq!(more("quantified group unmatched"), "null");
    let mut m = MatcherState::new(re("(a)|b"), "b");
    m.find().expect("ok");
    assert_eq!(
        (
            m.group(0).expect("ok"),
            m.group(1).expect("ok"),
            m.start(1).expect("ok")
        ),
        (Some("b".to_string()), None, -1)
    );
    assert_eq!(more("group in alt unmatched"), "[b, null, -1]");
    assert_eq!(
        replace_all("a.b", &re("[.]"), "\\$").expect("ok"),
        more("dollar in replacement class")
    );
    assert_eq!(full("b", "abc").to_string(), more("matches anchors"));
    let mut m = MatcherState::new(re("ab"), "abc");
    let got = format!(
        "[{}, {}]",
        m.looking_at().expect("ok"),
        m.group(0).expect("ok").unwrap_or_default()
    );
    assert_eq!(got, more("lookingAt"));
    let mut m = MatcherState::new(re("X"), "aXbX");
    m.matches().expect("ok");
    let got = format!("[{}, {}]", m.find().expect("ok"), m.start(0).expect("ok"));
    assert_eq!(got, more("hitEnd-free find after matches"));
}

/// `(?i)` backreferences use Unicode case folding here; Java's ASCII-only rule
/// (regex_more.groovy "ci backref unicode" => false) is a documented divergence.
#[test]
fn ci_backref_divergence_is_known() {
    assert_eq!(more("ci backref unicode"), "false");
    assert!(full("(?i)(é)\\1", "éÉ"));
}

#[test]
fn catastrophic_backtracking_is_an_error_not_a_hang() {
    let text = format!("{}!", "a".repeat(40));
    let start = std::time::Instant::now();
    let limited = |p: &str| JavaRegex::with_limit(p, 0, 1_000_000).expect("valid");
    let r = limited("^(a+)+$").full_match(&text);
    assert!(
        matches!(r, Err(RegexError::BacktrackLimit { .. }) | Ok(false)),
        "{r:?}"
    );
    assert!(start.elapsed().as_secs() < 20);
    if let Err(e) = r {
        assert!(e.java_message().contains("backtracking"));
    }
    let xs = "x".repeat(60);
    let r = limited("(x+x+)+y$").find(&xs);
    assert!(matches!(
        r,
        Err(RegexError::BacktrackLimit { .. }) | Ok(None)
    ));
}

/// Odd patterns must compile to an error or a regex, and matching must not panic.
#[test]
fn never_panics_on_odd_patterns() {
    let pats = [
        "",
        "\\",
        "\\\\",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "[]]",
        "[^]",
        "[a-]",
        "[-]",
        "[&&]",
        "[&&a]",
        "[a&&&&b]",
        "[[[[",
        "]]]]",
        "(?",
        "(?<",
        "(?<>",
        "(?<=",
        "(?=)",
        "(?!)*",
        "(?<!)",
        "(?>)",
        "(?:)*",
        "()*",
        "(|)+",
        "^*$*",
        "\\b*",
        "\\B+",
        "\\G{2}",
        "\\Q",
        "\\E",
        "\\Q\\E",
        "a\\Q*\\Eb",
        "\\x",
        "\\x{",
        "\\x{}",
        "\\x{FFFFFFFFFF}",
        "\\u",
        "\\uD800",
        "\\uDC00\\uD800",
        "\\c",
        "\\0",
        "\\p",
        "\\p{",
        "\\P{L",
        "\\pL",
        "\\N{",
        "\\k<",
        "\\k<a>",
        "(?<a>x)\\k<a>",
        "\\99",
        "(a)\\9",
        "a{,}",
        "a{1,}?",
        "a{0}",
        "a{1000}",
        "a{99999}",
        "a{2147483647}",
        "a{0,2147483647}",
        "(?x)#",
        "(?x)[ ]",
        "(?x)[#]]",
        "(?imsduxcU-imsduxcU)",
        "(?-)",
        "(?i-",
        "[\\d-z]",
        "[\\w&&\\d]",
        "[^\\W]",
        "\\R{3}",
        "\\X+",
        "\\b{g}",
        "\\h\\H\\v\\V",
        "é*",
        "😀+",
        "[😀-😂]",
        "\u{0}",
        "[\u{0}]",
        "a\u{0}b",
        "\\p{IsLatin}\\P{InGreek}",
        "\\p{javaMirrored}",
        "(?U)\\p{Print}\\p{Graph}\\p{Blank}",
    ];
    let texts = ["", "a", "aaa", "x\r\ny", "😀é\u{0}", "aé😀\n"];
    for p in pats {
        for flags in [
            0,
            flags::CASE_INSENSITIVE | flags::UNICODE_CASE,
            flags::COMMENTS,
            flags::LITERAL,
        ] {
            let Ok(r) = JavaRegex::with_flags(p, flags) else {
                continue;
            };
            for t in texts {
                let _ = r.full_match(t);
                let _ = r.looking_at(t);
                let mut m = MatcherState::new(r.clone(), t);
                let _ = m.items();
                let _ = m.get_at(-1);
                let _ = split(t, &r, 0);
                let _ = split(t, &r, -1);
                let _ = replace_all(t, &r, "$0\\$");
            }
        }
    }
}

/// The plain-anchor translations must find exactly what the general one finds, on every
/// text they are chosen for.
#[test]
fn anchor_variants_agree_with_general_translation() {
    let pats = [
        "$",
        "^",
        "a$",
        ".$",
        "\\d+$",
        "(?m)$",
        "(?m)^",
        "(?m)^.",
        "(?m).$",
        "(?m)^$",
        "(?m)^\\w*$",
        "(?d)$",
        "(?md)^",
        "(?md)$",
        "(?md)^.*$",
        "x*$",
        "(?m)^x*",
        "\\Z",
        "a\\Z",
        "(a$)|b",
        "(?m)(^a|b$)",
        "$^",
        "(?m)$^",
    ];
    let texts = [
        "a",
        "ab",
        "a\nb",
        "a\r\nb",
        "a\rb",
        "\nab",
        "\r\nx",
        "a\n\nb",
        "ba",
        "xax",
        "a b\nc d",
        "é\n😀",
        "a\u{85}b",
        "a\u{2028}b",
        "1\n2\n3",
        "\n\nx",
    ];
    let spans = |re: &JavaRegex, text: &str, variant: usize| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = Some((0, true));
        while let Some((p, at_last)) = pos {
            match re.search(text, p, at_last, variant).expect("search") {
                Some(c) => {
                    out.push((c.start(), c.end()));
                    pos = if c.start() == c.end() {
                        let n = next_boundary(text, c.end());
                        (n <= text.len()).then_some((n, false))
                    } else {
                        Some((c.end(), true))
                    };
                }
                None => pos = None,
            }
        }
        out
    };
    for p in pats {
        let r = re(p);
        for t in texts {
            let v = r.variant_index(t);
            assert_eq!(
                spans(&r, t, v),
                spans(&r, t, 0),
                "pattern {p:?} text {t:?} variant {v}"
            );
        }
    }
}
