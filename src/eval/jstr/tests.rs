//! Tests for `jstr`. Expected values: `tests/oracle/jstr.groovy` (output in `jstr.out`), run
//! on Groovy 2.4.21 / OpenJDK 17; the comments give the labels.

use super::*;

fn err(e: JavaStrError) -> String {
    format!("{}: {}", e.class, e.message)
}

#[test]
fn substring_and_char_at_errors() {
    // substring 5, substring -1, substring 0,10, substring 2,1, charAt 5, charAt -1
    let sub = |b, e| substring("abc", b, e).map(str::to_string).map_err(err);
    let sioobe = "java.lang.StringIndexOutOfBoundsException: ";
    assert_eq!(
        sub(5, None),
        Err(format!("{sioobe}begin 5, end 3, length 3"))
    );
    assert_eq!(
        sub(-1, None),
        Err(format!("{sioobe}begin -1, end 3, length 3"))
    );
    assert_eq!(
        sub(0, Some(10)),
        Err(format!("{sioobe}begin 0, end 10, length 3"))
    );
    assert_eq!(
        sub(2, Some(1)),
        Err(format!("{sioobe}begin 2, end 1, length 3"))
    );
    assert_eq!(sub(1, Some(2)), Ok("b".to_string()));
    assert_eq!(
        char_at("abc", 5).map_err(err),
        Err(format!("{sioobe}String index out of range: 5"))
    );
    assert_eq!(
        char_at("abc", -1).map_err(err),
        Err(format!("{sioobe}String index out of range: -1"))
    );
    assert_eq!(char_at("é😀x", 3), Ok('x'));
    // getAt 5, getAt -1, getAt -4
    assert_eq!(
        get_at("abc", 5).map_err(err),
        Err(format!("{sioobe}begin 5, end 6, length 3"))
    );
    assert_eq!(get_at("abc", -1), Ok("c"));
    assert_eq!(
        get_at("abc", -4).map_err(err),
        Err(
            "java.lang.ArrayIndexOutOfBoundsException: Negative array index [-4] too large for array size 3"
                .to_string()
        )
    );
}

#[test]
fn index_of_and_last_index_of() {
    // str_indexof_01 and: indexOf from neg/big, indexOf empty big, lastIndexOf*
    let s = "hello world";
    assert_eq!(index_of(s, "o", 0), 4);
    assert_eq!(last_index_of(s, "o", None), 7);
    assert_eq!(index_of(s, "z", 0), -1);
    assert_eq!(index_of(s, "o", 5), 7);
    assert_eq!(index_of(s, "world", 0), 6);
    assert_eq!(char_at(s, 4), Ok('o'));
    assert_eq!(index_of("abcabc", "b", -5), 1);
    assert_eq!(index_of("abcabc", "b", 50), -1);
    assert_eq!(index_of("abc", "", 50), 3);
    assert_eq!(last_index_of("abcabc", "b", None), 4);
    assert_eq!(last_index_of("abcabc", "b", Some(3)), 1);
    assert_eq!(last_index_of("abc", "", None), 3);
    assert_eq!(last_index_of("abc", "", Some(-3)), -1);
    // UTF-16 indices
    assert_eq!(index_of("😀a", "a", 0), 2);
    assert_eq!(last_index_of("a😀a", "a", None), 3);
}

#[test]
fn utf16_conversions() {
    let s = "aé😀b";
    assert_eq!(utf16_len(s), 5);
    assert_eq!(utf16_to_byte(s, 2), 3);
    assert_eq!(utf16_to_byte(s, 3), 3); // inside the pair: rounded down
    assert_eq!(utf16_to_byte(s, 4), 7);
    assert_eq!(utf16_to_byte(s, 99), s.len());
    assert_eq!(byte_to_utf16(s, 7), 4);
    // size emoji => 5
    assert_eq!(utf16_len("ab😀c"), 5);
    assert_eq!(take("abcdef", 3), "abc");
    assert_eq!(take("abc", 10), "abc");
    assert_eq!(drop("abcdef", 3), "def");
    assert_eq!(drop("abc", 10), "");
}

#[test]
fn trimming_and_whitespace() {
    // trim, strip, allWhitespace*, isBlank, str_trim_01, str_empty_checks_01
    assert_eq!(trim("\u{a0} x \u{2003}"), "\u{a0} x \u{2003}");
    assert_eq!(strip("\u{a0} x \u{2003}"), "\u{a0} x");
    assert_eq!(trim("  padded\t\n"), "padded");
    assert_eq!(trim(""), "");
    assert!(!is_all_whitespace("\u{a0}"));
    assert!(is_all_whitespace(" \t\u{2003}"));
    assert!(is_all_whitespace(""));
    assert!(is_all_whitespace(" "));
}

#[test]
fn tokenize_and_split_lines() {
    // tokenize, tokenize ws, tokenize char, tokenize empty, split ws
    assert_eq!(tokenize("a,b;;c", Some(",;")), ["a", "b", "c"]);
    assert_eq!(tokenize(" a \t b\nc ", None), ["a", "b", "c"]);
    assert_eq!(tokenize("a.b", Some(".")), ["a", "b"]);
    assert!(tokenize("", Some(",")).is_empty());
    // misc_parse_version_01, map_env_like_01
    assert_eq!(tokenize("2.10.3", Some(".")), ["2", "10", "3"]);
    assert_eq!(tokenize("app/feature%2Flogin", Some("/"))[0], "app");
    // readLines, readLines empty/nl/trailing, str_readlines_01
    assert_eq!(read_lines("a\r\nb\rc\n\nd\n"), ["a", "b", "c", "", "d"]);
    assert!(read_lines("").is_empty());
    // t6: [''.readLines().size(), '\n'…, '\n\n'…, 'a\n\n'…, '\r\n'…, 'a\r'…] => [0, 1, 2, 2, 1, 1]
    assert_eq!(read_lines("\n"), [""]);
    assert_eq!(read_lines("\n\n"), ["", ""]);
    assert_eq!(read_lines("\r\n"), [""]);
    assert_eq!(read_lines("a\r"), ["a"]);
    assert_eq!(read_lines("a\n\n"), ["a", ""]);
    assert_eq!(
        read_lines("line one\nline two\n\nline four"),
        ["line one", "line two", "", "line four"]
    );
    // misc_sh_output_parsing_01: out.readLines().size() => 5
    assert_eq!(
        read_lines("\n  M src/a.groovy\n  A src/b.txt\n\n  D README.md\n").len(),
        5
    );
    // normalize
    assert_eq!(normalize("a\r\nb\rc"), "a\nb\nc");
}

#[test]
fn strip_indent_and_margin() {
    // stripIndent ws lines, tab, crlf, empty, all blank, n; str_stripindent_01
    assert_eq!(strip_indent("  a\n    \n   b\n"), "a\n\n b\n");
    assert_eq!(strip_indent("\ta\n  b"), "a\n b");
    assert_eq!(strip_indent("  a\r\n  b"), "a\nb");
    assert_eq!(strip_indent(""), "");
    assert_eq!(strip_indent("   \n  "), "\n");
    // t6 (stripIndent details): no indent still normalizes lines; explicit 0 does not
    assert_eq!(strip_indent("  "), "");
    assert_eq!(strip_indent("  \n"), "\n");
    assert_eq!(strip_indent("a\r\nb"), "a\nb");
    assert_eq!(strip_indent("\u{a0}a\n\u{a0}b"), "\u{a0}a\n\u{a0}b");
    assert_eq!(strip_indent("\u{2003}a\n\u{2003}b"), "a\nb");
    assert_eq!(strip_indent_by("   \n  ", 0), "   \n  ");
    assert_eq!(strip_indent_by("  a\n  ", -1), "  a\n  ");
    assert_eq!(strip_indent_by("    ab\n  cd", 3), " ab\nd");
    assert_eq!(
        strip_indent("    alpha\n      beta\n    gamma"),
        "alpha\n  beta\ngamma"
    );
    // stripMargin, stripMargin #, stripMargin crlf
    assert_eq!(strip_margin("  |a\n  b\n |c\n", '|'), "a\n  b\nc\n");
    assert_eq!(strip_margin("  #a\n  #b", '#'), "a\nb");
    assert_eq!(strip_margin("  |a\r\n  |b", '|'), "a\nb");
    assert_eq!(strip_margin("\n    |one\n    |two", '|'), "\none\ntwo");
    // expand, expand4
    assert_eq!(
        expand_tabs("a\tbc\tx\n\tz", 8),
        "a       bc      x\n        z"
    );
    assert_eq!(expand_tabs("a\tb", 4), "a   b");
}

#[test]
fn case_helpers() {
    // capitalize, capitalize empty, uncapitalize, str_case_01, eqic, eqic2
    assert_eq!(capitalize("ßa"), "ßa");
    assert_eq!(capitalize(""), "");
    assert_eq!(capitalize("hello world"), "Hello world");
    assert_eq!(uncapitalize("ABC"), "aBC");
    assert_eq!(uncapitalize("Hello"), "hello");
    assert!(!equals_ignore_case("ß", "SS"));
    assert!(equals_ignore_case("İ", "i"));
    assert!(equals_ignore_case("abc", "ABC"));
    // compareTo => [-2, 1, -1, 1]
    assert_eq!(compare_to("a", "c"), -2);
    assert_eq!(compare_to("abc", "ab"), 1);
    assert_eq!(compare_to_ignore_case("B", "a"), 1);
    // str_compare_01
    assert_eq!(compare_to("abc", "abc"), 0);
    assert!(compare_to("Z", "a") < 0);
    assert!(compare_to("apple", "Apple") > 0);
}

#[test]
fn padding() {
    // center, center2, center3, padLeft, padRight, padLeft empty, padLeft short
    assert_eq!(center("ab", 7, "123").expect("ok"), "12ab123");
    assert_eq!(center("ab", 6, "123").expect("ok"), "12ab12");
    assert_eq!(center("ab", 5, " ").expect("ok"), " ab  ");
    assert_eq!(pad_left("ab", 7, "123").expect("ok"), "12312ab");
    assert_eq!(pad_right("ab", 7, "123").expect("ok"), "ab12312");
    assert_eq!(
        pad_left("ab", 7, "").map_err(err),
        Err("java.lang.ArithmeticException: / by zero".to_string())
    );
    assert_eq!(pad_left("abc", 2, " ").expect("ok"), "abc");
}

#[test]
fn hashes_and_misc() {
    // hashCode, hashCode unicode, hashCode long
    assert_eq!(java_string_hash("hello"), 99162322);
    assert_eq!(java_string_hash("héllo😀"), 291564465);
    assert_eq!(
        java_string_hash("the quick brown fox jumps over the lazy dog"),
        -2082818701
    );
    assert_eq!(java_string_hash(""), 0);
    // multiply neg, str_multiply_minus_01
    assert_eq!(
        multiply("ab", -1).map_err(err),
        Err(
            "java.lang.IllegalArgumentException: multiply() should be called with a number of 0 or greater not: -1"
                .to_string()
        )
    );
    assert_eq!(multiply("ab", 3).expect("ok"), "ababab");
    assert_eq!(multiply("a", 0).expect("ok"), "");
    assert_eq!(minus("hello world", "o"), "hell world");
    assert_eq!(minus("hello world", "world"), "hello ");
    assert_eq!(minus("abc", "x"), "abc");
    assert_eq!(minus("abcabc", "b"), "acabc");
    // count, count empty, replace empty, reverse
    assert_eq!(count("aaa", "aa"), 2);
    assert_eq!(count("abc", ""), 4);
    assert_eq!(replace_literal("abc", "", "-"), "-a-b-c-");
    assert_eq!(replace_literal("aaa", "a", "bb"), "bbbbbb");
    assert_eq!(reverse("ab😀c"), "c😀ba");
    // toBoolean; misc_boolean_params_01
    let bools: Vec<bool> = [" TRUE ", "y", "Y", "1", " 1", "yes", "0", "false", "t"]
        .iter()
        .map(|s| to_boolean(s))
        .collect();
    assert_eq!(
        bools,
        [true, true, true, true, true, false, false, false, false]
    );
}

#[test]
fn inspect_escapes_only_what_groovy_escapes() {
    // inspect (bytes checked with od), inspect2
    assert_eq!(
        inspect("it's\\ \n\r\t\u{c}\u{8}\u{1}\"x$é"),
        "'it\\'s\\\\ \\n\\r\\t\\f\u{8}\u{1}\"x$é'"
    );
    assert_eq!(inspect("a\"b"), "'a\"b'");
}

#[test]
fn range_get_at_matches_groovy() {
    // tests/oracle/jstr_ranges.groovy
    let out = include_str!("../../../tests/oracle/jstr_ranges.out");
    let cases: &[(&str, &str, i64, i64, bool)] = &[
        ("1..3", "abcdef", 1, 3, true),
        ("3..1", "abcdef", 3, 1, true),
        ("-1..0", "abcdef", -1, 0, true),
        ("0..-1", "abcdef", 0, -1, true),
        ("-3..-1", "abcdef", -3, -1, true),
        ("-1..-3", "abcdef", -1, -3, true),
        ("1..<3", "abcdef", 1, 3, false),
        ("3..<1", "abcdef", 3, 1, false),
        ("2..<2", "abcdef", 2, 2, false),
        ("1..9", "abcdef", 1, 9, true),
        ("-9..1", "abcdef", -9, 1, true),
        ("6..6", "abcdef", 6, 6, true),
        ("0..<6", "abcdef", 0, 6, false),
        ("5..<6", "abcdef", 5, 6, false),
        ("-1..<0", "abcdef", -1, 0, false),
        ("emoji", "a😀b", 1, 2, true),
    ];
    for &(label, s, from, to, inclusive) in cases {
        let got = match get_range(s, from, to, inclusive) {
            Ok(v) => format!("<{v}>"),
            Err(e) => err(e),
        };
        let want = out
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{label} => ")))
            .expect("oracle line");
        assert_eq!(got, want, "{label}");
    }
}
