//! `java.util.regex.Matcher` as Groovy scripts use it (`def m = s =~ /re/`).
//!
//! The state mirrors Java's fields (`first`, `last`, `oldLast`, `groups`) so that stateful
//! calls behave like Java: `if (m) { m.group() }` runs `find()` (Groovy truth of a Matcher),
//! a second `if (m)` finds the next match, `m.size()`/`m[i]` reset the matcher, and
//! `group()` without a match throws `IllegalStateException: No match found`.

use super::{
    next_boundary, Captures, JavaRegex, RegexError, ILLEGAL_ARGUMENT, ILLEGAL_STATE,
    INDEX_OUT_OF_BOUNDS,
};
use crate::eval::jstr;

/// One element of a matcher seen as a collection (`m[i]`, `m.each {}`, `m.collect {}`): the
/// matched text when the pattern has no groups, else `[whole, g1, g2, …]` with `None` (null)
/// for groups that did not participate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchItem {
    Whole(String),
    Groups(Vec<Option<String>>),
}

/// A Java `Matcher` over an owned text.
#[derive(Debug, Clone)]
pub struct MatcherState {
    re: JavaRegex,
    text: String,
    /// Start of the last match attempt's match; `None` is Java's -1 (no current match).
    first: Option<usize>,
    /// End of the last successful match (0 after reset).
    last: usize,
    /// Where `\G` matches; `None` is Java's -1.
    old_last: Option<usize>,
    groups: Vec<Option<(usize, usize)>>,
    append_pos: usize,
    /// The translation suited to this text (see `JavaRegex::variant_index`).
    variant: usize,
}

impl MatcherState {
    /// `pattern.matcher(text)`, also the value of `text =~ pattern`.
    pub fn new(re: JavaRegex, text: impl Into<String>) -> MatcherState {
        let groups = vec![None; re.group_count() + 1];
        let text = text.into();
        MatcherState {
            variant: re.variant_index(&text),
            re,
            text,
            first: None,
            last: 0,
            old_last: None,
            groups,
            append_pos: 0,
        }
    }

    pub fn regex(&self) -> &JavaRegex {
        &self.re
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// `Matcher.reset()`.
    pub fn reset(&mut self) {
        self.first = None;
        self.last = 0;
        self.old_last = None;
        self.clear_groups();
        self.append_pos = 0;
    }

    fn clear_groups(&mut self) {
        self.groups.iter_mut().for_each(|g| *g = None);
    }

    fn store(&mut self, spans: Option<Vec<Option<(usize, usize)>>>) -> bool {
        match spans {
            Some(spans) => {
                for (slot, span) in self.groups.iter_mut().zip(&spans) {
                    *slot = *span;
                }
                let (s, e) = spans.first().copied().flatten().unwrap_or((0, 0));
                self.first = Some(s);
                self.last = e;
                self.old_last = Some(e);
                true
            }
            None => {
                self.first = None;
                self.old_last = Some(self.last);
                false
            }
        }
    }

    fn search(&mut self, from: usize) -> Result<bool, RegexError> {
        self.first = Some(from);
        let old_last = *self.old_last.get_or_insert(from);
        self.clear_groups();
        let caps = self
            .re
            .search(&self.text, from, old_last == from, self.variant)?;
        let caps = caps.map(|c| c.spans().to_vec());
        Ok(self.store(caps))
    }

    /// `Matcher.find()`: the next match after the previous one.
    pub fn find(&mut self) -> Result<bool, RegexError> {
        let mut next = self.last;
        if Some(next) == self.first {
            next = next_boundary(&self.text, next);
        }
        if next > self.text.len() {
            self.clear_groups();
            return Ok(false);
        }
        self.search(next)
    }

    /// `Matcher.find(int start)`, `start` being a Java (UTF-16) index.
    pub fn find_from(&mut self, start: i64) -> Result<bool, RegexError> {
        let len = jstr::utf16_len(&self.text) as i64;
        if start < 0 || start > len {
            return Err(RegexError::java(INDEX_OUT_OF_BOUNDS, "Illegal start index"));
        }
        self.reset();
        let from = jstr::utf16_to_byte(&self.text, start as usize);
        self.search(from)
    }

    /// `Matcher.matches()`: the whole text must match.
    pub fn matches(&mut self) -> Result<bool, RegexError> {
        self.anchored_match(true)
    }

    /// `Matcher.lookingAt()`: a match at the start of the text.
    pub fn looking_at(&mut self) -> Result<bool, RegexError> {
        self.anchored_match(false)
    }

    fn anchored_match(&mut self, whole: bool) -> Result<bool, RegexError> {
        self.first = Some(0);
        self.old_last.get_or_insert(0);
        self.clear_groups();
        let caps = if whole {
            self.re.full_captures(&self.text)?
        } else {
            self.re.looking_at(&self.text)?
        };
        let spans = caps.map(|c| c.spans().to_vec());
        Ok(self.store(spans))
    }

    /// Groovy truth of a Matcher (`if (m)`, `m ? a : b`): calls `find()`.
    pub fn as_boolean(&mut self) -> Result<bool, RegexError> {
        self.find()
    }

    /// `Matcher.groupCount()`.
    pub fn group_count(&self) -> usize {
        self.re.group_count()
    }

    /// Groovy's `Matcher.hasGroup()`.
    pub fn has_group(&self) -> bool {
        self.re.group_count() > 0
    }

    fn check_match(&self, message: &'static str) -> Result<(), RegexError> {
        if self.first.is_none() {
            return Err(RegexError::java(ILLEGAL_STATE, message));
        }
        Ok(())
    }

    fn check_group(&self, group: i64) -> Result<usize, RegexError> {
        if group < 0 || group > self.group_count() as i64 {
            return Err(RegexError::java(
                INDEX_OUT_OF_BOUNDS,
                format!("No group {group}"),
            ));
        }
        Ok(group as usize)
    }

    fn group_text(&self, group: usize) -> Option<String> {
        let (s, e) = self.groups.get(group).copied().flatten()?;
        self.text.get(s..e).map(str::to_string)
    }

    /// `Matcher.group()`.
    pub fn group0(&self) -> Result<Option<String>, RegexError> {
        self.group(0)
    }

    /// `Matcher.group(int)`; `None` is null (the group did not participate).
    pub fn group(&self, group: i64) -> Result<Option<String>, RegexError> {
        self.check_match("No match found")?;
        let g = self.check_group(group)?;
        Ok(self.group_text(g))
    }

    fn named_index(&self, name: &str) -> Result<usize, RegexError> {
        self.check_match("No match found")?;
        self.re.group_index(name).ok_or_else(|| {
            RegexError::java(ILLEGAL_ARGUMENT, format!("No group with name <{name}>"))
        })
    }

    /// `Matcher.group(String)`.
    pub fn group_named(&self, name: &str) -> Result<Option<String>, RegexError> {
        let g = self.named_index(name)?;
        Ok(self.group_text(g))
    }

    fn java_index(&self, byte: Option<usize>) -> i64 {
        byte.map_or(-1, |b| jstr::byte_to_utf16(&self.text, b) as i64)
    }

    /// `Matcher.start(int)` as a Java index; -1 if the group did not participate.
    pub fn start(&self, group: i64) -> Result<i64, RegexError> {
        self.check_match("No match available")?;
        let g = self.check_group(group)?;
        Ok(self.java_index(self.groups[g].map(|s| s.0)))
    }

    /// `Matcher.end(int)` as a Java index; -1 if the group did not participate.
    pub fn end(&self, group: i64) -> Result<i64, RegexError> {
        self.check_match("No match available")?;
        let g = self.check_group(group)?;
        Ok(self.java_index(self.groups[g].map(|s| s.1)))
    }

    /// `Matcher.start(String)`.
    pub fn start_named(&self, name: &str) -> Result<i64, RegexError> {
        let g = self.named_index(name)?;
        Ok(self.java_index(self.groups[g].map(|s| s.0)))
    }

    /// `Matcher.end(String)`.
    pub fn end_named(&self, name: &str) -> Result<i64, RegexError> {
        let g = self.named_index(name)?;
        Ok(self.java_index(self.groups[g].map(|s| s.1)))
    }

    /// Byte spans of the current match's groups (all `None` without a match).
    pub fn spans(&self) -> &[Option<(usize, usize)>] {
        &self.groups
    }

    /// The current match as a collection element (see [`MatchItem`]); `None` without a match.
    pub fn current_item(&self) -> Option<MatchItem> {
        self.first?;
        let (s, e) = self.groups[0]?;
        Some(if self.has_group() {
            MatchItem::Groups((0..self.groups.len()).map(|g| self.group_text(g)).collect())
        } else {
            MatchItem::Whole(self.text.get(s..e).unwrap_or("").to_string())
        })
    }

    /// One step of Groovy's `Matcher.iterator()` (call [`reset`](Self::reset) first): finds
    /// the next match and returns it as an element.
    pub fn next_item(&mut self) -> Result<Option<MatchItem>, RegexError> {
        if !self.find()? {
            return Ok(None);
        }
        Ok(self.current_item())
    }

    /// Everything Groovy's iterator yields (`m.each`, `m.collect`, `m.toList()`…): resets
    /// first, and leaves the matcher after the last match.
    pub fn items(&mut self) -> Result<Vec<MatchItem>, RegexError> {
        self.reset();
        let mut out = Vec::new();
        while let Some(item) = self.next_item()? {
            out.push(item);
        }
        Ok(out)
    }

    /// Groovy's `Matcher.getCount()` / `size()`: resets and counts all matches.
    pub fn count(&mut self) -> Result<usize, RegexError> {
        self.reset();
        let mut n = 0;
        while self.find()? {
            n += 1;
        }
        Ok(n)
    }

    /// Groovy's `Matcher.getAt(int)` (`m[i]`, negative from the end). Leaves the matcher on
    /// that match, so `m[1]; m.group()` sees it.
    pub fn get_at(&mut self, idx: i64) -> Result<MatchItem, RegexError> {
        let count = self.count()? as i64;
        if idx < -count || idx >= count {
            return Err(RegexError::java(
                INDEX_OUT_OF_BOUNDS,
                format!(
                    "index is out of range {}..{} (index = {idx})",
                    -count,
                    count - 1
                ),
            ));
        }
        let idx = if idx < 0 { idx + count } else { idx };
        self.reset();
        let mut item = None;
        for _ in 0..=idx {
            item = self.next_item()?;
        }
        item.ok_or_else(|| RegexError::java(ILLEGAL_STATE, "No match found"))
    }

    /// `Matcher.toString()`:
    /// `java.util.regex.Matcher[pattern=\d region=0,4 lastmatch=1]`.
    pub fn to_java_string(&self) -> String {
        let last = if self.first.is_some() {
            self.group_text(0).unwrap_or_default()
        } else {
            String::new()
        };
        format!(
            "java.util.regex.Matcher[pattern={} region=0,{} lastmatch={}]",
            self.re.pattern(),
            jstr::utf16_len(&self.text),
            last
        )
    }

    /// `Matcher.replaceAll(String)`.
    pub fn replace_all(&mut self, replacement: &str) -> Result<String, RegexError> {
        self.reset();
        super::replace_all(&self.text, &self.re, replacement)
    }

    /// `Matcher.replaceFirst(String)`.
    pub fn replace_first(&mut self, replacement: &str) -> Result<String, RegexError> {
        self.reset();
        super::replace_first(&self.text, &self.re, replacement)
    }

    /// `Matcher.appendReplacement(sb, replacement)`.
    pub fn append_replacement(
        &mut self,
        out: &mut String,
        replacement: &str,
    ) -> Result<(), RegexError> {
        self.check_match("No match available")?;
        let mut expanded = String::new();
        let caps = Captures {
            text: &self.text,
            spans: self.groups.clone(),
        };
        super::expand_replacement(&self.re, &caps, replacement, &mut expanded)?;
        let start = self.first.unwrap_or(0);
        out.push_str(self.text.get(self.append_pos..start).unwrap_or(""));
        out.push_str(&expanded);
        self.append_pos = self.last;
        Ok(())
    }

    /// `Matcher.appendTail(sb)`.
    pub fn append_tail(&self, out: &mut String) {
        out.push_str(self.text.get(self.append_pos..).unwrap_or(""));
    }
}
