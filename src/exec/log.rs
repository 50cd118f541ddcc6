//! The build log: every line goes to the console and to the run's log file, with secrets
//! masked as `****` and, inside parallel branches, a `[branch] ` prefix (coloured on a
//! terminal).

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use parking_lot::Mutex;

/// Where log text goes.
pub trait LogSink: Send + Sync {
    fn write_line(&self, line: &str);
}

/// The process's standard output.
pub struct StdoutSink;

impl LogSink for StdoutSink {
    fn write_line(&self, line: &str) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(line.as_bytes());
        let _ = out.write_all(b"\n");
        let _ = out.flush();
    }
}

/// Collects lines in memory (tests, reports).
#[derive(Default)]
pub struct MemorySink(pub Mutex<Vec<String>>);

impl LogSink for MemorySink {
    fn write_line(&self, line: &str) {
        self.0.lock().push(line.to_string());
    }
}

impl MemorySink {
    pub fn text(&self) -> String {
        let lines = self.0.lock();
        let mut s = lines.join("\n");
        if !lines.is_empty() {
            s.push('\n');
        }
        s
    }
}

/// A file sink (no colours).
pub struct FileSink(pub Mutex<std::fs::File>);

impl LogSink for FileSink {
    fn write_line(&self, line: &str) {
        let mut f = self.0.lock();
        let _ = f.write_all(line.as_bytes());
        let _ = f.write_all(b"\n");
    }
}

const COLORS: [&str; 7] = ["34", "33", "32", "35", "31", "37", "36"];

struct Masker {
    secrets: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl Masker {
    fn mask(&self, line: &str) -> String {
        match &self.matcher {
            Some(m) => m.replace_all(line, &vec!["****"; self.secrets.len()]),
            None => line.to_string(),
        }
    }
}

/// The log of one run.
pub struct Log {
    console: Arc<dyn LogSink>,
    file: Option<Arc<dyn LogSink>>,
    color: bool,
    masker: Mutex<Masker>,
    /// Text written without a final newline, per prefix (`print` then `println`).
    pending: Mutex<HashMap<String, String>>,
    colors: Mutex<HashMap<String, usize>>,
}

impl Log {
    pub fn new(console: Arc<dyn LogSink>, file: Option<Arc<dyn LogSink>>, color: bool) -> Log {
        Log {
            console,
            file,
            color,
            masker: Mutex::new(Masker {
                secrets: Vec::new(),
                matcher: None,
            }),
            pending: Mutex::new(HashMap::new()),
            colors: Mutex::new(HashMap::new()),
        }
    }

    /// Registers a secret: from now on it is masked everywhere. One-character values are
    /// not masked (they would garble every line), as in Jenkins.
    pub fn add_secret(&self, secret: &str) {
        if secret.chars().count() < 2 {
            return;
        }
        let mut m = self.masker.lock();
        if m.secrets.iter().any(|s| s == secret) {
            return;
        }
        m.secrets.push(secret.to_string());
        // Longest first so a secret containing another is masked whole.
        m.secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        m.matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&m.secrets)
            .ok();
    }

    /// Replaces every registered secret in `s` with `****`.
    pub fn mask(&self, s: &str) -> String {
        self.masker.lock().mask(s)
    }

    /// Writes text that may end without a newline (Groovy's `print`).
    pub fn write(&self, prefix: &str, text: &str) {
        let mut pending = self.pending.lock();
        let buf = pending.entry(prefix.to_string()).or_default();
        buf.push_str(text);
        let Some(last_nl) = buf.rfind('\n') else {
            return;
        };
        let complete: String = buf.drain(..=last_nl).collect();
        drop(pending);
        for l in complete.trim_end_matches('\n').split('\n') {
            self.emit(prefix, l);
        }
    }

    /// Writes whole lines (a trailing newline is implied).
    pub fn line(&self, prefix: &str, text: &str) {
        let flushed = self.pending.lock().remove(prefix);
        if let Some(p) = flushed.filter(|p| !p.is_empty()) {
            self.emit(prefix, &p);
        }
        for l in text.split('\n') {
            self.emit(prefix, l.strip_suffix('\r').unwrap_or(l));
        }
    }

    /// Flushes text written without a final newline.
    pub fn flush(&self) {
        let pending: Vec<(String, String)> = self.pending.lock().drain().collect();
        for (prefix, text) in pending {
            if !text.is_empty() {
                self.emit(&prefix, &text);
            }
        }
    }

    fn emit(&self, prefix: &str, line: &str) {
        let masked = self.mask(line);
        if let Some(f) = &self.file {
            f.write_line(&format!("{prefix}{masked}"));
        }
        if self.color && !prefix.is_empty() {
            let idx = {
                let mut colors = self.colors.lock();
                let n = colors.len();
                *colors.entry(prefix.to_string()).or_insert(n)
            };
            let code = COLORS[idx % COLORS.len()];
            self.console
                .write_line(&format!("\u{1b}[{code}m{prefix}\u{1b}[0m{masked}"));
        } else {
            self.console.write_line(&format!("{prefix}{masked}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_in_console_and_file_even_several_per_line() {
        let console = Arc::new(MemorySink::default());
        let file = Arc::new(MemorySink::default());
        let log = Log::new(console.clone(), Some(file.clone()), false);
        log.add_secret("s3cr3t");
        log.add_secret("s3cr3t-longer");
        log.add_secret("x");
        log.line("", "user=bob pass=s3cr3t token=s3cr3t-longer x");
        log.write("[a] ", "partial s3cr");
        log.write("[a] ", "3t done\n");
        let want = "user=bob pass=**** token=**** x\n[a] partial **** done\n";
        assert_eq!(console.text(), want);
        assert_eq!(file.text(), want);
    }
}
