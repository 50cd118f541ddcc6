//! Character sets of Java patterns (`[...]`, `.`, `\d`, `\p{..}`) and their translation to the
//! class syntax of fancy-regex (which hands classes to regex-syntax: nested classes, `&&`).
//!
//! Everything Java defines over ASCII (the POSIX classes, `\w`, `\s`, `\d`, `\h`, `\v`) is
//! expanded to explicit ranges here, so the Unicode meaning of the Rust escapes never leaks in.
//! Only genuinely Unicode properties (general categories, scripts, binary properties) are
//! emitted symbolically.

use std::fmt::Write;

/// A set of code points, kept as a tree so that intersections and negations can be emitted
/// as regex-syntax class operations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CharSet {
    /// Inclusive code point ranges.
    Ranges(Vec<(u32, u32)>),
    /// A property as regex-syntax names it, emitted as `\p{..}`.
    Prop(&'static str),
    /// A script (already validated), emitted as `\p{sc=..}`.
    Script(String),
    Not(Box<CharSet>),
    Union(Vec<CharSet>),
    And(Box<CharSet>, Box<CharSet>),
}

impl CharSet {
    pub(crate) fn single(c: u32) -> CharSet {
        CharSet::Ranges(vec![(c, c)])
    }

    pub(crate) fn range(lo: u32, hi: u32) -> CharSet {
        CharSet::Ranges(vec![(lo, hi)])
    }

    pub(crate) fn chars(cs: &[u32]) -> CharSet {
        CharSet::Ranges(cs.iter().map(|&c| (c, c)).collect())
    }

    pub(crate) fn negate(self) -> CharSet {
        CharSet::Not(Box::new(self))
    }

    pub(crate) fn union(self, other: CharSet) -> CharSet {
        match self {
            CharSet::Union(mut v) => {
                v.push(other);
                CharSet::Union(v)
            }
            s => CharSet::Union(vec![s, other]),
        }
    }

    pub(crate) fn and(self, other: CharSet) -> CharSet {
        CharSet::And(Box::new(self), Box::new(other))
    }

    /// Appends this set as one bracketed regex-syntax class, e.g. `[\u{61}-\u{7A}]`.
    pub(crate) fn emit(&self, out: &mut String) {
        match self {
            CharSet::Ranges(rs) => {
                let rs: Vec<(u32, u32)> = rs
                    .iter()
                    .flat_map(|&(lo, hi)| clip_surrogates(lo, hi))
                    .collect();
                if rs.is_empty() {
                    out.push_str(EMPTY_CLASS);
                    return;
                }
                out.push('[');
                for (lo, hi) in rs {
                    push_class_char(out, lo);
                    if hi != lo {
                        out.push('-');
                        push_class_char(out, hi);
                    }
                }
                out.push(']');
            }
            CharSet::Prop(name) => {
                let _ = write!(out, "[\\p{{{name}}}]");
            }
            CharSet::Script(name) => {
                let _ = write!(out, "[\\p{{sc={name}}}]");
            }
            CharSet::Not(inner) => {
                out.push_str("[^");
                inner.emit(out);
                out.push(']');
            }
            CharSet::Union(v) => {
                if v.is_empty() {
                    out.push_str(EMPTY_CLASS);
                    return;
                }
                out.push('[');
                for s in v {
                    s.emit(out);
                }
                out.push(']');
            }
            CharSet::And(a, b) => {
                out.push('[');
                a.emit(out);
                out.push_str("&&");
                b.emit(out);
                out.push(']');
            }
        }
    }
}

/// A class that matches nothing (Rust strings hold no surrogates, for example).
pub(crate) const EMPTY_CLASS: &str = "[^\\u{0}-\\u{10FFFF}]";

/// Rust strings cannot hold surrogate code points: drop them from ranges (Java could match
/// unpaired surrogates, which cannot occur in our strings anyway).
fn clip_surrogates(lo: u32, hi: u32) -> Vec<(u32, u32)> {
    let hi = hi.min(0x10FFFF);
    let mut out = Vec::new();
    if lo <= hi.min(0xD7FF) {
        out.push((lo, hi.min(0xD7FF)));
    }
    if lo.max(0xE000) <= hi {
        out.push((lo.max(0xE000), hi));
    }
    out
}

fn push_class_char(out: &mut String, c: u32) {
    match char::from_u32(c) {
        Some(ch) if ch.is_ascii_alphanumeric() => out.push(ch),
        _ => {
            let _ = write!(out, "\\u{{{c:X}}}");
        }
    }
}

/// Appends a literal code point outside a class.
pub(crate) fn push_literal(out: &mut String, c: u32) {
    match char::from_u32(c) {
        Some(ch) if ch.is_ascii_alphanumeric() => out.push(ch),
        Some(_) => {
            let _ = write!(out, "\\u{{{c:X}}}");
        }
        None => out.push_str(EMPTY_CLASS),
    }
}

// ---------------------------------------------------------------------------------------------
// Java's predefined classes.

pub(crate) fn ascii_digit() -> CharSet {
    CharSet::range('0' as u32, '9' as u32)
}

pub(crate) fn ascii_word() -> CharSet {
    CharSet::Ranges(vec![(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)])
}

pub(crate) fn ascii_space() -> CharSet {
    CharSet::Ranges(vec![(0x09, 0x0D), (0x20, 0x20)])
}

/// `\p{IsDigit}`, `\d` under `(?U)`: `Character.isDigit` = Nd.
pub(crate) fn unicode_digit() -> CharSet {
    CharSet::Prop("Nd")
}

/// `\s` under `(?U)`: Zs, Zl, Zp, U+0009..U+000D, U+0085 (= Unicode White_Space).
pub(crate) fn unicode_space() -> CharSet {
    CharSet::Prop("White_Space")
}

/// `\w` under `(?U)`: Alphabetic, marks, Nd, Pc, Join_Control (= Rust's Unicode `\w`).
pub(crate) fn unicode_word() -> CharSet {
    CharSet::Union(vec![
        CharSet::Prop("Alphabetic"),
        CharSet::Prop("M"),
        CharSet::Prop("Nd"),
        CharSet::Prop("Pc"),
        CharSet::Ranges(vec![(0x200C, 0x200D)]),
    ])
}

/// `\h`
pub(crate) fn horiz_ws() -> CharSet {
    CharSet::Ranges(vec![
        (0x09, 0x09),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200A),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
    ])
}

/// `\v` (since Java 8 a class, not the VT character)
pub(crate) fn vert_ws() -> CharSet {
    CharSet::Ranges(vec![(0x0A, 0x0D), (0x85, 0x85), (0x2028, 0x2029)])
}

/// Java's line terminators (for `.` without DOTALL).
pub(crate) fn line_terminators() -> CharSet {
    CharSet::Ranges(vec![
        (0x0A, 0x0A),
        (0x0D, 0x0D),
        (0x85, 0x85),
        (0x2028, 0x2029),
    ])
}

fn all() -> CharSet {
    CharSet::range(0, 0x10FFFF)
}

const ASCII_PUNCT: &[(u32, u32)] = &[(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)];

/// `java.lang.Character.isWhitespace`
fn java_whitespace() -> CharSet {
    CharSet::Union(vec![
        CharSet::Ranges(vec![(0x09, 0x0D), (0x1C, 0x1F)]),
        CharSet::Prop("Z").and(CharSet::chars(&[0xA0, 0x2007, 0x202F]).negate()),
    ])
}

fn identifier_ignorable() -> CharSet {
    CharSet::Union(vec![
        CharSet::Ranges(vec![(0x00, 0x08), (0x0E, 0x1B), (0x7F, 0x9F)]),
        CharSet::Prop("Cf"),
    ])
}

fn props(names: &[&'static str]) -> CharSet {
    CharSet::Union(names.iter().map(|n| CharSet::Prop(n)).collect())
}

/// The three cased categories, which Java uses for `Lu`/`Ll`/`Lt` under CASE_INSENSITIVE.
fn cased_letters() -> CharSet {
    props(&["Lu", "Ll", "Lt"])
}

/// `CharPredicates.forProperty`: exact, case-sensitive names.
fn for_property(name: &str, ci: bool) -> Option<CharSet> {
    let r = |lo: u32, hi: u32| Some(CharSet::range(lo, hi));
    Some(match name {
        "Cn" | "Lm" | "Lo" | "Mn" | "Me" | "Mc" | "Nd" | "Nl" | "No" | "Zs" | "Zl" | "Zp"
        | "Cc" | "Cf" | "Co" | "Pd" | "Ps" | "Pe" | "Pc" | "Po" | "Sm" | "Sc" | "Sk" | "So"
        | "Pi" | "Pf" | "L" | "M" | "N" | "Z" | "C" | "P" | "S" => {
            CharSet::Prop(static_name(name)?)
        }
        // Rust strings hold no surrogates.
        "Cs" => CharSet::Ranges(vec![]),
        "Lu" | "Ll" | "Lt" if ci => cased_letters(),
        "Lu" => CharSet::Prop("Lu"),
        "Ll" => CharSet::Prop("Ll"),
        "Lt" => CharSet::Prop("Lt"),
        "LC" => cased_letters(),
        "LD" => props(&["L", "Nd"]),
        "L1" => return r(0, 0xFF),
        "all" => all(),
        "ASCII" => return r(0, 0x7F),
        "Alnum" => CharSet::Ranges(vec![(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)]),
        "Alpha" => CharSet::Ranges(vec![(0x41, 0x5A), (0x61, 0x7A)]),
        "Blank" => CharSet::chars(&[0x09, 0x20]),
        "Cntrl" => CharSet::Ranges(vec![(0x00, 0x1F), (0x7F, 0x7F)]),
        "Digit" => ascii_digit(),
        "Graph" => return r(0x21, 0x7E),
        "Lower" if ci => CharSet::Ranges(vec![(0x41, 0x5A), (0x61, 0x7A)]),
        "Lower" => return r(0x61, 0x7A),
        "Print" => return r(0x20, 0x7E),
        "Punct" => CharSet::Ranges(ASCII_PUNCT.to_vec()),
        "Space" => ascii_space(),
        "Upper" if ci => CharSet::Ranges(vec![(0x41, 0x5A), (0x61, 0x7A)]),
        "Upper" => return r(0x41, 0x5A),
        "XDigit" => CharSet::Ranges(vec![(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)]),
        "javaLowerCase" | "javaUpperCase" | "javaTitleCase" if ci => {
            props(&["Lowercase", "Uppercase", "Lt"])
        }
        "javaLowerCase" => CharSet::Prop("Lowercase"),
        "javaUpperCase" => CharSet::Prop("Uppercase"),
        "javaTitleCase" => CharSet::Prop("Lt"),
        "javaAlphabetic" => CharSet::Prop("Alphabetic"),
        "javaIdeographic" => CharSet::Prop("Ideographic"),
        "javaDigit" => CharSet::Prop("Nd"),
        "javaDefined" => CharSet::Prop("Cn").negate(),
        "javaLetter" => CharSet::Prop("L"),
        "javaLetterOrDigit" => props(&["L", "Nd"]),
        "javaJavaIdentifierStart" => props(&["L", "Nl", "Sc", "Pc"]),
        "javaJavaIdentifierPart" => CharSet::Union(vec![
            props(&["L", "Sc", "Pc", "Nd", "Nl", "Mc", "Mn"]),
            identifier_ignorable(),
        ]),
        "javaUnicodeIdentifierStart" => CharSet::Prop("ID_Start"),
        "javaUnicodeIdentifierPart" => {
            CharSet::Union(vec![CharSet::Prop("ID_Continue"), identifier_ignorable()])
        }
        "javaIdentifierIgnorable" => identifier_ignorable(),
        "javaSpaceChar" => CharSet::Prop("Z"),
        "javaWhitespace" => java_whitespace(),
        "javaISOControl" => CharSet::Ranges(vec![(0x00, 0x1F), (0x7F, 0x9F)]),
        "javaMirrored" => CharSet::Prop("Bidi_Mirrored"),
        _ => return None,
    })
}

fn static_name(name: &str) -> Option<&'static str> {
    const NAMES: &[&str] = &[
        "Cn", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf", "Co",
        "Pd", "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf", "L", "M", "N", "Z", "C",
        "P", "S",
    ];
    NAMES.iter().copied().find(|n| *n == name)
}

/// Unicode POSIX-compatible definitions (`CharPredicates.getPosixPredicate`), used with
/// UNICODE_CHARACTER_CLASS and for `\p{IsAlpha}`-style names.
fn posix_unicode(upper: &str, ci: bool) -> Option<CharSet> {
    Some(match upper {
        "ALPHA" => CharSet::Prop("Alphabetic"),
        "LOWER" if ci => props(&["Lowercase", "Uppercase", "Lt"]),
        "LOWER" => CharSet::Prop("Lowercase"),
        "UPPER" if ci => props(&["Lowercase", "Uppercase", "Lt"]),
        "UPPER" => CharSet::Prop("Uppercase"),
        "SPACE" => unicode_space(),
        "PUNCT" => CharSet::Prop("P"),
        "XDIGIT" => CharSet::Prop("Hex_Digit"),
        "ALNUM" => props(&["Alphabetic", "Nd"]),
        "CNTRL" => CharSet::Prop("Cc"),
        "DIGIT" => CharSet::Prop("Nd"),
        "BLANK" => CharSet::Union(vec![CharSet::Prop("Zs"), CharSet::single(0x09)]),
        "GRAPH" => props(&["White_Space", "Cc", "Cn"]).negate(),
        "PRINT" => CharSet::Union(vec![
            props(&["White_Space", "Cc", "Cn"]).negate(),
            CharSet::Prop("Zs"),
            CharSet::single(0x09),
        ])
        .and(CharSet::Prop("Cc").negate()),
        _ => return None,
    })
}

/// `CharPredicates.forUnicodeProperty` (binary properties, `\p{IsAlphabetic}` etc.).
fn unicode_property(name: &str, ci: bool) -> Option<CharSet> {
    let upper = name.to_ascii_uppercase();
    let set = match upper.as_str() {
        "ALPHABETIC" => CharSet::Prop("Alphabetic"),
        "ASSIGNED" => CharSet::Prop("Cn").negate(),
        "CONTROL" => CharSet::Prop("Cc"),
        "HEXDIGIT" | "HEX_DIGIT" => CharSet::Prop("Hex_Digit"),
        "IDEOGRAPHIC" => CharSet::Prop("Ideographic"),
        "JOINCONTROL" | "JOIN_CONTROL" => CharSet::Ranges(vec![(0x200C, 0x200D)]),
        "LETTER" => CharSet::Prop("L"),
        "LOWERCASE" | "UPPERCASE" | "TITLECASE" if ci => props(&["Lowercase", "Uppercase", "Lt"]),
        "LOWERCASE" => CharSet::Prop("Lowercase"),
        "UPPERCASE" => CharSet::Prop("Uppercase"),
        "TITLECASE" => CharSet::Prop("Lt"),
        "NONCHARACTERCODEPOINT" | "NONCHARACTER_CODE_POINT" => {
            CharSet::Prop("Noncharacter_Code_Point")
        }
        "PUNCTUATION" => CharSet::Prop("P"),
        "WHITESPACE" | "WHITE_SPACE" => unicode_space(),
        "WORD" => unicode_word(),
        _ => return posix_unicode(&upper, ci),
    };
    Some(set)
}

/// `Character.UnicodeScript.forName`: upper-cased enum names or ISO 15924 aliases.
fn unicode_script(name: &str) -> Option<CharSet> {
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    // regex-syntax knows the same names (and the four-letter aliases); check by compiling.
    let probe = format!("[\\p{{sc={name}}}]");
    fancy_regex::Regex::new(&probe).ok()?;
    Some(CharSet::Script(name.to_string()))
}

/// A table of the common Unicode blocks for `\p{InGreek}` (regex-syntax has no blocks).
const BLOCKS: &[(&str, u32, u32)] = &[
    ("BASICLATIN", 0x0000, 0x007F),
    ("LATIN1SUPPLEMENT", 0x0080, 0x00FF),
    ("LATINEXTENDEDA", 0x0100, 0x017F),
    ("LATINEXTENDEDB", 0x0180, 0x024F),
    ("IPAEXTENSIONS", 0x0250, 0x02AF),
    ("SPACINGMODIFIERLETTERS", 0x02B0, 0x02FF),
    ("COMBININGDIACRITICALMARKS", 0x0300, 0x036F),
    ("GREEK", 0x0370, 0x03FF),
    ("GREEKANDCOPTIC", 0x0370, 0x03FF),
    ("CYRILLIC", 0x0400, 0x04FF),
    ("CYRILLICSUPPLEMENTARY", 0x0500, 0x052F),
    ("ARMENIAN", 0x0530, 0x058F),
    ("HEBREW", 0x0590, 0x05FF),
    ("ARABIC", 0x0600, 0x06FF),
    ("DEVANAGARI", 0x0900, 0x097F),
    ("THAI", 0x0E00, 0x0E7F),
    ("GEORGIAN", 0x10A0, 0x10FF),
    ("HANGULJAMO", 0x1100, 0x11FF),
    ("LATINEXTENDEDADDITIONAL", 0x1E00, 0x1EFF),
    ("GREEKEXTENDED", 0x1F00, 0x1FFF),
    ("GENERALPUNCTUATION", 0x2000, 0x206F),
    ("SUPERSCRIPTSANDSUBSCRIPTS", 0x2070, 0x209F),
    ("CURRENCYSYMBOLS", 0x20A0, 0x20CF),
    ("LETTERLIKESYMBOLS", 0x2100, 0x214F),
    ("NUMBERFORMS", 0x2150, 0x218F),
    ("ARROWS", 0x2190, 0x21FF),
    ("MATHEMATICALOPERATORS", 0x2200, 0x22FF),
    ("MISCELLANEOUSTECHNICAL", 0x2300, 0x23FF),
    ("BOXDRAWING", 0x2500, 0x257F),
    ("BLOCKELEMENTS", 0x2580, 0x259F),
    ("GEOMETRICSHAPES", 0x25A0, 0x25FF),
    ("MISCELLANEOUSSYMBOLS", 0x2600, 0x26FF),
    ("DINGBATS", 0x2700, 0x27BF),
    ("CJKSYMBOLSANDPUNCTUATION", 0x3000, 0x303F),
    ("HIRAGANA", 0x3040, 0x309F),
    ("KATAKANA", 0x30A0, 0x30FF),
    ("CJKUNIFIEDIDEOGRAPHS", 0x4E00, 0x9FFF),
    ("HANGULSYLLABLES", 0xAC00, 0xD7AF),
    ("PRIVATEUSEAREA", 0xE000, 0xF8FF),
    ("HALFWIDTHANDFULLWIDTHFORMS", 0xFF00, 0xFFEF),
    ("SPECIALS", 0xFFF0, 0xFFFF),
    ("MISCELLANEOUSSYMBOLSANDPICTOGRAPHS", 0x1F300, 0x1F5FF),
    ("EMOTICONS", 0x1F600, 0x1F64F),
    ("TRANSPORTANDMAPSYMBOLS", 0x1F680, 0x1F6FF),
    ("SUPPLEMENTALSYMBOLSANDPICTOGRAPHS", 0x1F900, 0x1F9FF),
];

fn unicode_block(name: &str) -> Option<CharSet> {
    let key: String = name
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    BLOCKS
        .iter()
        .find(|(n, _, _)| *n == key)
        .map(|&(_, lo, hi)| CharSet::range(lo, hi))
}

/// Why a property name was rejected, with the description Java prints.
pub(crate) enum PropError {
    Unknown(String),
    UnknownKeyed { name: String, value: String },
}

/// Resolves the name inside `\p{..}` the way `Pattern.family` does.
pub(crate) fn family(name: &str, ci: bool, unicode_classes: bool) -> Result<CharSet, PropError> {
    if let Some(i) = name.find('=') {
        let value = &name[i + 1..];
        let key = name[..i].to_ascii_lowercase();
        let p = match key.as_str() {
            "sc" | "script" => unicode_script(value),
            "blk" | "block" => unicode_block(value),
            "gc" | "general_category" => for_property(value, ci),
            _ => None,
        };
        return p.ok_or(PropError::UnknownKeyed {
            name: key,
            value: value.to_string(),
        });
    }
    let p = if let Some(block) = name.strip_prefix("In") {
        unicode_block(block)
    } else if let Some(short) = name.strip_prefix("Is") {
        unicode_property(short, ci)
            .or_else(|| for_property(short, ci))
            .or_else(|| unicode_script(short))
    } else {
        let posix = if unicode_classes {
            posix_unicode(&name.to_ascii_uppercase(), ci)
        } else {
            None
        };
        posix.or_else(|| for_property(name, ci))
    };
    p.ok_or_else(|| PropError::Unknown(name.to_string()))
}

/// ASCII case closure of a list of ranges (Java's CASE_INSENSITIVE without UNICODE_CASE).
pub(crate) fn ascii_case_closure(ranges: &mut Vec<(u32, u32)>) {
    let mut extra = Vec::new();
    for &(lo, hi) in ranges.iter() {
        // lower-case letters in range → their upper-case forms, and vice versa
        let (l, h) = (lo.max(0x61), hi.min(0x7A));
        if l <= h {
            extra.push((l - 0x20, h - 0x20));
        }
        let (l, h) = (lo.max(0x41), hi.min(0x5A));
        if l <= h {
            extra.push((l + 0x20, h + 0x20));
        }
    }
    ranges.extend(extra);
}

/// Unicode case variants of one code point (Java's `SingleU`, approximated with Rust's simple
/// case mappings).
pub(crate) fn unicode_case_variants(c: u32) -> Vec<u32> {
    let mut out = vec![c];
    let Some(ch) = char::from_u32(c) else {
        return out;
    };
    let one = |mut it: std::iter::Peekable<std::vec::IntoIter<char>>| -> Option<char> {
        let first = it.next()?;
        it.peek().is_none().then_some(first)
    };
    let upper = one(ch.to_uppercase().collect::<Vec<_>>().into_iter().peekable());
    let lower = one(ch.to_lowercase().collect::<Vec<_>>().into_iter().peekable());
    for v in [upper, lower].into_iter().flatten() {
        out.push(v as u32);
        if let Some(l) = one(v.to_lowercase().collect::<Vec<_>>().into_iter().peekable()) {
            out.push(l as u32);
        }
        if let Some(u) = one(v.to_uppercase().collect::<Vec<_>>().into_iter().peekable()) {
            out.push(u as u32);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Unicode case closure of ranges (CASE_INSENSITIVE | UNICODE_CASE). Large ranges are
/// closed only over their first 0x3000 code points, which covers every cased script.
pub(crate) fn unicode_case_closure(ranges: &mut Vec<(u32, u32)>) {
    let mut extra = Vec::new();
    for &(lo, hi) in ranges.iter() {
        let hi = hi.min(lo.saturating_add(0x3000));
        for c in lo..=hi {
            for v in unicode_case_variants(c) {
                if v < lo || v > hi {
                    extra.push((v, v));
                }
            }
        }
    }
    ranges.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emitted(s: &CharSet) -> String {
        let mut out = String::new();
        s.emit(&mut out);
        out
    }

    #[test]
    fn emits_ranges_with_escapes() {
        assert_eq!(emitted(&CharSet::range('a' as u32, 'z' as u32)), "[a-z]");
        assert_eq!(emitted(&CharSet::chars(&['-' as u32])), "[\\u{2D}]");
        assert_eq!(emitted(&CharSet::Ranges(vec![])), EMPTY_CLASS);
        assert_eq!(emitted(&CharSet::single(0xD800)), EMPTY_CLASS);
        assert_eq!(
            emitted(&CharSet::range(0xD000, 0xE000)),
            "[\\u{D000}-\\u{D7FF}\\u{E000}]"
        );
    }

    #[test]
    fn resolves_java_property_names() {
        assert!(family("Alpha", false, false).is_ok());
        assert!(family("IsLatin", false, false).is_ok());
        assert!(family("IsLu", false, false).is_ok());
        assert!(family("InGreek", false, false).is_ok());
        assert!(family("sc=Greek", false, false).is_ok());
        assert!(family("javaLowerCase", false, false).is_ok());
        assert!(family("Foo", false, false).is_err());
        assert!(family("lu", false, false).is_err());
        assert!(family("IsFoo_Bar", false, false).is_err());
    }

    #[test]
    fn case_closures() {
        let mut r = vec![(0x61, 0x63)];
        ascii_case_closure(&mut r);
        assert_eq!(r, vec![(0x61, 0x63), (0x41, 0x43)]);
        assert_eq!(unicode_case_variants('é' as u32), vec![0xC9, 0xE9]);
    }
}
