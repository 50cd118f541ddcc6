//! TEMPORARY stub of the Java regex module (the real one lands from the `text` branch).
#![allow(dead_code, clippy::all)]

use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct JavaRegex {
    pattern: String,
    re: fancy_regex::Regex,
}

#[derive(Clone, Debug)]
pub struct RegexError {
    pub class: &'static str,
    pub message: String,
}

fn err(e: impl std::fmt::Display) -> RegexError {
    RegexError {
        class: "java.util.regex.PatternSyntaxException",
        message: e.to_string(),
    }
}

impl JavaRegex {
    pub fn new(p: &str) -> Result<JavaRegex, RegexError> {
        fancy_regex::Regex::new(p)
            .map(|re| JavaRegex {
                pattern: p.to_string(),
                re,
            })
            .map_err(err)
    }
    pub fn as_str(&self) -> &str {
        &self.pattern
    }
    pub fn full_match(&self, s: &str) -> Result<bool, RegexError> {
        let anchored = fancy_regex::Regex::new(&format!("^(?:{})$", self.pattern)).map_err(err)?;
        anchored.is_match(s).map_err(err)
    }
    /// Every match: (start, end, groups with group 0 first).
    pub fn find_spans(
        &self,
        s: &str,
    ) -> Result<Vec<(usize, usize, Vec<Option<String>>)>, RegexError> {
        let mut out = vec![];
        for c in self.re.captures_iter(s) {
            let c = c.map_err(err)?;
            let m = c.get(0).map(|m| (m.start(), m.end())).unwrap_or((0, 0));
            out.push((
                m.0,
                m.1,
                c.iter()
                    .map(|g| g.map(|g| g.as_str().to_string()))
                    .collect(),
            ));
        }
        Ok(out)
    }
    pub fn group_count(&self) -> usize {
        self.re.captures_len() - 1
    }
    pub fn split(&self, s: &str, limit: i64) -> Result<Vec<String>, RegexError> {
        let mut parts: Vec<String> = vec![];
        let mut last = 0;
        for (st, en, _) in self.find_spans(s)? {
            if en == 0 {
                continue;
            }
            if limit > 0 && parts.len() as i64 == limit - 1 {
                break;
            }
            parts.push(s[last..st].to_string());
            last = en;
        }
        parts.push(s[last..].to_string());
        if limit == 0 {
            while parts.len() > 1 && parts.last().map_or(false, |p| p.is_empty()) {
                parts.pop();
            }
            if parts.len() == 1 && parts[0].is_empty() && !s.is_empty() {
                parts.pop();
            }
        }
        Ok(parts)
    }
}

#[derive(Clone, Debug)]
pub struct MatcherState {
    pub input: String,
    pub regex: Arc<JavaRegex>,
    pub matches: Vec<Vec<Option<String>>>,
    spans: Vec<(usize, usize)>,
    pos: Option<usize>,
    next: usize,
    pub group_count: usize,
}

impl MatcherState {
    pub fn new(re: &Arc<JavaRegex>, input: &str) -> MatcherState {
        let found = re.find_spans(input).unwrap_or_default();
        MatcherState {
            input: input.to_string(),
            regex: re.clone(),
            group_count: re.group_count(),
            spans: found.iter().map(|f| (f.0, f.1)).collect(),
            matches: found.into_iter().map(|f| f.2).collect(),
            pos: None,
            next: 0,
        }
    }
    pub fn truthy(&mut self) -> bool {
        self.find_next()
    }
    pub fn find_next(&mut self) -> bool {
        if self.next < self.matches.len() {
            self.pos = Some(self.next);
            self.next += 1;
            true
        } else {
            self.pos = None;
            false
        }
    }
    pub fn matches_whole(&mut self) -> bool {
        let ok = self.regex.full_match(&self.input).unwrap_or(false);
        if ok && !self.matches.is_empty() {
            self.pos = Some(0);
        }
        ok
    }
    pub fn reset(&mut self) {
        self.pos = None;
        self.next = 0;
    }
    fn current(&self) -> Result<usize, crate::eval::error::Flow> {
        self.pos.ok_or_else(|| {
            crate::eval::error::exception(
                "java.lang.IllegalStateException",
                Some("No match found".into()),
            )
        })
    }
    pub fn group(&self, n: usize) -> crate::eval::error::R<Option<String>> {
        let i = self.current()?;
        match self.matches[i].get(n) {
            Some(g) => Ok(g.clone()),
            None => Err(crate::eval::error::exception(
                "java.lang.IndexOutOfBoundsException",
                Some(format!("No group {n}")),
            )),
        }
    }
    pub fn named_group(&self, _name: &str) -> crate::eval::error::R<Option<String>> {
        Ok(None)
    }
    pub fn start(&self) -> crate::eval::error::R<usize> {
        let i = self.current()?;
        Ok(self.input[..self.spans[i].0].chars().count())
    }
    pub fn end(&self) -> crate::eval::error::R<usize> {
        let i = self.current()?;
        Ok(self.input[..self.spans[i].1].chars().count())
    }
    pub fn to_java_string(&self) -> String {
        format!(
            "java.util.regex.Matcher[pattern={} region=0,{} lastmatch=]",
            self.regex.as_str(),
            self.input.len()
        )
    }
}
