//! Steps that pick workspace files with Ant patterns: `stash`/`unstash`,
//! `archiveArtifacts` and `junit`.
//!
//! Patterns follow Ant's `FileSet`: comma-separated, `*`/`?` within one path segment, `**`
//! across directories, a trailing `/` meaning everything below, optional case-insensitivity,
//! and Ant's default excludes (`**/.git/**`, `**/*~`, …). Only files match; the run's own
//! state (`.pipe/` in the workspace) is never picked up.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Weak};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use super::files::{dry_note, io_error, log, make_parents};
use super::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::eval::error::{exception, throw, R};
use crate::eval::value::{NativeObject, Value};
use crate::eval::Interp;
use crate::exec::context::StepCtx;
use crate::exec::result::BuildResult;
use crate::exec::run::Run;

pub static STEPS: &[&dyn Step] = &[&Stash, &Unstash, &ArchiveArtifacts, &Junit];

const ABORT: &str = "hudson.AbortException";

/// Ant's `DirectoryScanner.DEFAULTEXCLUDES` (Ant 1.10).
pub const ANT_DEFAULT_EXCLUDES: &[&str] = &[
    "**/*~",
    "**/#*#",
    "**/.#*",
    "**/%*%",
    "**/._*",
    "**/CVS",
    "**/CVS/**",
    "**/.cvsignore",
    "**/SCCS",
    "**/SCCS/**",
    "**/vssver.scc",
    "**/.svn",
    "**/.svn/**",
    "**/.git",
    "**/.git/**",
    "**/.gitattributes",
    "**/.gitignore",
    "**/.gitmodules",
    "**/.hg",
    "**/.hg/**",
    "**/.hgignore",
    "**/.hgsub",
    "**/.hgsubstate",
    "**/.hgtags",
    "**/.bzr",
    "**/.bzr/**",
    "**/.bzrignore",
    "**/.DS_Store",
];

/// The non-empty, trimmed patterns of a comma-separated Ant pattern list
/// (`Util.createFileSet` tokenizes on commas).
fn split_patterns(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|p| !p.is_empty())
}

/// One Ant pattern as globset globs: `\` is a separator, a trailing `/` means `/**`, `**`
/// inside a segment is a plain `*`, glob-only metacharacters are literal. `dir/**` also
/// matches a file named `dir`, as in Ant.
fn ant_to_globs(pattern: &str) -> Vec<String> {
    let mut p = pattern.replace('\\', "/");
    if p.ends_with('/') {
        p.push_str("**");
    }
    let p = p.trim_start_matches("./").trim_start_matches('/');
    let segments: Vec<String> = p
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .map(|seg| {
            if seg == "**" {
                return seg.to_string();
            }
            let mut out = String::new();
            let mut prev_star = false;
            for c in seg.chars() {
                match c {
                    '*' if prev_star => {}
                    '*' => out.push('*'),
                    '?' => out.push('?'),
                    '[' | ']' | '{' | '}' | '!' | '\\' => {
                        out.push('\\');
                        out.push(c);
                    }
                    c => out.push(c),
                }
                prev_star = c == '*';
            }
            out
        })
        .collect();
    let glob = segments.join("/");
    match glob.strip_suffix("/**") {
        Some(dir) if !dir.is_empty() => vec![glob.clone(), dir.to_string()],
        _ => vec![glob],
    }
}

fn glob_set<'a>(patterns: impl Iterator<Item = &'a str>, case_sensitive: bool) -> R<GlobSet> {
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        for g in ant_to_globs(p) {
            let glob = GlobBuilder::new(&g)
                .literal_separator(true)
                .backslash_escape(true)
                .case_insensitive(!case_sensitive)
                .build()
                .map_err(|e| {
                    exception(
                        "java.lang.IllegalArgumentException",
                        Some(format!("Invalid pattern \"{p}\": {e}")),
                    )
                })?;
            set.add(glob);
        }
    }
    set.build().map_err(|e| {
        exception(
            "java.lang.IllegalArgumentException",
            Some(format!("Invalid patterns: {e}")),
        )
    })
}

/// An Ant `FileSet`: include and exclude patterns over one base directory.
pub struct AntFileSet {
    includes: GlobSet,
    excludes: GlobSet,
}

/// A file a [`AntFileSet`] picked: its `/`-separated path below the base, and where it is.
pub struct Picked {
    pub rel: String,
    pub path: PathBuf,
}

impl AntFileSet {
    pub fn new(
        includes: &str,
        excludes: Option<&str>,
        default_excludes: bool,
        case_sensitive: bool,
    ) -> R<AntFileSet> {
        let mut ex: Vec<&str> = excludes
            .map(|e| split_patterns(e).collect())
            .unwrap_or_default();
        if default_excludes {
            ex.extend_from_slice(ANT_DEFAULT_EXCLUDES);
        }
        Ok(AntFileSet {
            includes: glob_set(split_patterns(includes), case_sensitive)?,
            excludes: glob_set(ex.into_iter(), case_sensitive)?,
        })
    }

    pub fn matches(&self, rel: &str) -> bool {
        self.includes.is_match(rel) && !self.excludes.is_match(rel)
    }

    /// The matching files under `base`, sorted by path. Directories in `skip` are not
    /// entered; symbolic links to files count as files, links to directories are not
    /// followed.
    pub fn scan(&self, base: &Path, skip: &[PathBuf]) -> Vec<Picked> {
        let walk = walkdir::WalkDir::new(base)
            .min_depth(1)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !skip.iter().any(|s| e.path() == s.as_path()));
        let mut out = Vec::new();
        for entry in walk.flatten() {
            let ft = entry.file_type();
            let is_file = ft.is_file()
                || (ft.is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()));
            if !is_file {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(base) else {
                continue;
            };
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let rel = rel.join("/");
            if self.matches(&rel) {
                out.push(Picked {
                    rel,
                    path: entry.path().to_path_buf(),
                });
            }
        }
        out
    }
}

/// Where this run keeps stashes and artifacts: its build directory, or (without one) a
/// temporary directory that lives as long as the run.
pub fn run_storage(run: &Arc<Run>) -> R<PathBuf> {
    if let Some(d) = &run.config.build_dir {
        return Ok(d.clone());
    }
    static TEMP: parking_lot::Mutex<Vec<(Weak<Run>, tempfile::TempDir)>> =
        parking_lot::const_mutex(Vec::new());
    let mut dirs = TEMP.lock();
    // Runs that are gone take their directories with them.
    dirs.retain(|(w, _)| w.strong_count() > 0);
    if let Some((_, d)) = dirs.iter().find(|(w, _)| w.as_ptr() == Arc::as_ptr(run)) {
        return Ok(d.path().to_path_buf());
    }
    let dir = tempfile::Builder::new()
        .prefix("pipe-run-")
        .tempdir()
        .map_err(|e| io_error(&std::env::temp_dir(), &e))?;
    let path = dir.path().to_path_buf();
    dirs.push((Arc::downgrade(run), dir));
    Ok(path)
}

/// Directories a scan of the workspace never enters: the job state and the run's storage.
fn never_scanned(run: &Arc<Run>) -> R<Vec<PathBuf>> {
    Ok(vec![run.config.workspace.join(".pipe"), run_storage(run)?])
}

/// The files of the current directory `set` picks.
fn pick_in_cwd(call: &StepCall<'_>, set: &AntFileSet) -> R<Vec<Picked>> {
    let ctx = StepCtx::current(call.interp);
    Ok(set.scan(&ctx.cwd, &never_scanned(call.run)?))
}

/// Copies the picked files below `dest`, keeping their relative paths.
fn copy_into(files: &[Picked], dest: &Path) -> R<()> {
    for f in files {
        let to = dest.join(&f.rel);
        make_parents(&to)?;
        std::fs::copy(&f.path, &to).map_err(|e| io_error(&f.path, &e))?;
    }
    Ok(())
}

/// Copies every file under `from` into `to` (unstash).
fn copy_tree(from: &Path, to: &Path) -> R<usize> {
    let mut n = 0;
    for entry in walkdir::WalkDir::new(from).min_depth(1).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            exception(
                "java.io.IOException",
                Some(format!("{}: {e}", from.display())),
            )
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(from) else {
            continue;
        };
        let dest = to.join(rel);
        make_parents(&dest)?;
        std::fs::copy(entry.path(), &dest).map_err(|e| io_error(entry.path(), &e))?;
        n += 1;
    }
    Ok(n)
}

/// `Jenkins.checkGoodName`, which stash names must pass.
fn check_good_name(name: &str) -> R<()> {
    let failure = |msg: String| throw("hudson.model.Failure", msg);
    if name.is_empty() {
        return failure("No name is specified".into());
    }
    if name.trim() == "." || name.trim() == ".." {
        return failure(format!("“{}” is not an allowed name", name.trim()));
    }
    for c in name.chars() {
        if c.is_control() {
            return failure(format!(
                "No control code is allowed: {}",
                name.escape_default()
            ));
        }
        if "?*/\\%!@#$^&|<>[]:;".contains(c) {
            return failure(format!("‘{c}’ is an unsafe character"));
        }
    }
    Ok(())
}

fn stash_dir(run: &Arc<Run>, name: &str) -> R<PathBuf> {
    check_good_name(name)?;
    Ok(run_storage(run)?.join("stashes").join(name))
}

pub struct Stash;
static STASH: StepSpec = StepSpec {
    name: "stash",
    summary: "Save files of the current directory for `unstash` later in the run (elsewhere, or after `deleteDir`).",
    params: &[
        req("name", T::String, "the stash's name"),
        opt(
            "includes",
            T::String,
            "Ant patterns of the files to save, comma-separated (default `**`: everything)",
        ),
        opt("excludes", T::String, "Ant patterns of files to leave out"),
        opt(
            "useDefaultExcludes",
            T::Bool,
            "leave out Ant's default excludes (`.git`, `*~`, …); default true",
        ),
        opt(
            "allowEmpty",
            T::Bool,
            "allow a stash that matches no file (default false: an error)",
        ),
    ],
    positional: Some("name"),
    body: Body::None,
    returns: "null",
    example: "stash name: 'dist', includes: 'build/**', excludes: '**/*.map'",
    side_effects: true,
    open_params: false,
};

impl Stash {
    fn pick(call: &StepCall<'_>) -> R<Vec<Picked>> {
        let includes = call
            .args
            .string("includes")
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "**".into());
        let set = AntFileSet::new(
            &includes,
            call.args.string("excludes").as_deref(),
            call.args.bool("useDefaultExcludes").unwrap_or(true),
            true,
        )?;
        pick_in_cwd(call, &set)
    }
}

impl Step for Stash {
    fn spec(&self) -> &'static StepSpec {
        &STASH
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let name = call.args.required_string("stash", "name")?;
        check_good_name(&name)?;
        let files = Self::pick(call)?;
        dry_note(
            call,
            "stash",
            &format!("‘{name}’ ({} file(s))", files.len()),
        );
        Ok(Value::Null)
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let name = call.args.required_string("stash", "name")?;
        let dir = stash_dir(call.run, &name)?;
        if dir.exists() {
            log(call, &format!("Warning: overwriting stash ‘{name}’"));
            std::fs::remove_dir_all(&dir).map_err(|e| io_error(&dir, &e))?;
        }
        let files = Self::pick(call)?;
        std::fs::create_dir_all(&dir).map_err(|e| io_error(&dir, &e))?;
        if files.is_empty() && !call.args.bool("allowEmpty").unwrap_or(false) {
            return throw(ABORT, "No files included in stash");
        }
        copy_into(&files, &dir)?;
        log(call, &format!("Stashed {} file(s)", files.len()));
        Ok(Value::Null)
    }
}

pub struct Unstash;
static UNSTASH: StepSpec = StepSpec {
    name: "unstash",
    summary: "Restore the files of an earlier `stash` into the current directory.",
    params: &[req("name", T::String, "the stash's name")],
    positional: Some("name"),
    body: Body::None,
    returns: "null",
    example: "unstash 'dist'",
    side_effects: true,
    open_params: false,
};

impl Step for Unstash {
    fn spec(&self) -> &'static StepSpec {
        &UNSTASH
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let name = call.args.required_string("unstash", "name")?;
        check_good_name(&name)?;
        dry_note(call, "unstash", &format!("‘{name}’"));
        Ok(Value::Null)
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let name = call.args.required_string("unstash", "name")?;
        let dir = stash_dir(call.run, &name)?;
        if !dir.is_dir() {
            return throw(ABORT, format!("No such saved stash ‘{name}’"));
        }
        let ctx = StepCtx::current(call.interp);
        copy_tree(&dir, &ctx.cwd)?;
        Ok(Value::Null)
    }
}

pub struct ArchiveArtifacts;
static ARCHIVE_ARTIFACTS: StepSpec = StepSpec {
    name: "archiveArtifacts",
    summary: "Keep files of the current directory as the build's artifacts (copied to the build directory's `archive/`).",
    params: &[
        req(
            "artifacts",
            T::String,
            "Ant patterns of the files to keep, comma-separated",
        ),
        opt("excludes", T::String, "Ant patterns of files to leave out"),
        opt(
            "allowEmptyArchive",
            T::Bool,
            "do not fail when nothing matches (default false)",
        ),
        opt(
            "onlyIfSuccessful",
            T::Bool,
            "skip when the build is already worse than UNSTABLE",
        ),
        opt("fingerprint", T::Bool, "record fingerprints (ignored)"),
        opt(
            "defaultExcludes",
            T::Bool,
            "leave out Ant's default excludes (`.git`, `*~`, …); default true",
        ),
        opt(
            "caseSensitive",
            T::Bool,
            "match patterns case-sensitively (default true)",
        ),
        opt(
            "followSymlinks",
            T::Bool,
            "archive files that symbolic links point to (always; links to directories are not followed)",
        ),
    ],
    positional: Some("artifacts"),
    body: Body::None,
    returns: "null",
    example: "archiveArtifacts artifacts: 'build/libs/*.jar', fingerprint: true",
    side_effects: true,
    open_params: false,
};

const NO_INCLUDES: &str = "No artifacts are configured for archiving.\nYou probably forgot to set the file pattern, so please go back to the configuration and specify it.\nIf you really did mean to archive all the files in the workspace, please specify \"**\"";

fn no_match_found(artifacts: &str) -> String {
    format!("No artifacts found that match the file pattern \"{artifacts}\". Configuration error?")
}

impl ArchiveArtifacts {
    fn pick(call: &StepCall<'_>, artifacts: &str) -> R<Vec<Picked>> {
        let set = AntFileSet::new(
            artifacts,
            call.args.string("excludes").as_deref(),
            call.args.bool("defaultExcludes").unwrap_or(true),
            call.args.bool("caseSensitive").unwrap_or(true),
        )?;
        pick_in_cwd(call, &set)
    }
}

impl Step for ArchiveArtifacts {
    fn spec(&self) -> &'static StepSpec {
        &ARCHIVE_ARTIFACTS
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let artifacts = call.args.string("artifacts").unwrap_or_default();
        let files = Self::pick(call, &artifacts)?;
        dry_note(
            call,
            "archiveArtifacts",
            &format!("\"{artifacts}\" ({} file(s) match now)", files.len()),
        );
        Ok(Value::Null)
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let artifacts = call.args.string("artifacts").unwrap_or_default();
        if artifacts.is_empty() {
            return throw(ABORT, NO_INCLUDES);
        }
        let result = call.run.result();
        if call.args.bool("onlyIfSuccessful").unwrap_or(false)
            && result.is_some_and(|r| r.is_worse_than(BuildResult::Unstable))
        {
            log(call, "Skipped archiving because build is not successful");
            return Ok(Value::Null);
        }
        log(call, "Archiving artifacts");
        let files = Self::pick(call, &artifacts)?;
        if !files.is_empty() {
            copy_into(&files, &run_storage(call.run)?.join("archive"))?;
            return Ok(Value::Null);
        }
        // A build that already failed does not complain about missing artifacts.
        if result.is_none_or(|r| !r.is_worse_than(BuildResult::Unstable)) {
            if call.args.bool("allowEmptyArchive").unwrap_or(false) {
                log(call, &no_match_found(&artifacts));
            } else {
                return throw(ABORT, no_match_found(&artifacts));
            }
        }
        Ok(Value::Null)
    }
}

/// Test counts of JUnit reports, as the junit plugin tallies them: a test case with a
/// `<skipped>` child is skipped, else one with `<failure>` or `<error>` failed.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.total += o.total;
        self.failed += o.failed;
        self.skipped += o.skipped;
    }

    fn one_failure() -> Tally {
        Tally {
            total: 1,
            failed: 1,
            skipped: 0,
        }
    }
}

/// What an element of a report is to the junit plugin's `SuiteResult.parse`.
enum Role {
    /// The root element, or a `<testsuite>` directly inside a suite.
    Suite,
    Case {
        failed: bool,
        skipped: bool,
    },
    Other,
}

/// Counts the test cases of one report. The root element is read as a suite whatever its
/// name (`<testsuites>`, `<testsuite>`); suites nest through `<testsuite>` children; only
/// `<testcase>` children of a suite are tests; an `<error>` directly in a suite (a class
/// that failed to load) is one failed test. Malformed XML is an error.
pub fn tally_report(xml: &[u8]) -> Result<Tally, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut stack: Vec<Role> = Vec::new();
    let mut tally = Tally::default();
    let mut seen_root = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("{e} at byte {}", reader.error_position()))?;
        let (name, empty) = match &event {
            Event::Start(e) => (e.local_name().into_inner().to_string(), false),
            Event::Empty(e) => (e.local_name().into_inner().to_string(), true),
            Event::End(_) => {
                close(stack.pop(), &mut tally);
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        if stack.is_empty() && seen_root {
            return Err("content is not allowed after the root element".into());
        }
        let role = match (stack.last_mut(), name.as_str()) {
            (None, _) => {
                seen_root = true;
                Role::Suite
            }
            (Some(Role::Suite), "testsuite") => Role::Suite,
            (Some(Role::Suite), "testcase") => Role::Case {
                failed: false,
                skipped: false,
            },
            (Some(Role::Suite), "error") => {
                tally.add(Tally::one_failure());
                Role::Other
            }
            (Some(&mut Role::Case { ref mut failed, .. }), "failure" | "error") => {
                *failed = true;
                Role::Other
            }
            (
                Some(&mut Role::Case {
                    ref mut skipped, ..
                }),
                "skipped",
            ) => {
                *skipped = true;
                Role::Other
            }
            _ => Role::Other,
        };
        if empty {
            close(Some(role), &mut tally);
        } else {
            stack.push(role);
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err("XML document structures must start and end within the same entity.".into());
    }
    if !seen_root {
        return Err("Premature end of file.".into());
    }
    Ok(tally)
}

fn close(role: Option<Role>, tally: &mut Tally) {
    if let Some(Role::Case { failed, skipped }) = role {
        tally.total += 1;
        if skipped {
            tally.skipped += 1;
        } else if failed {
            tally.failed += 1;
        }
    }
}

/// Reads one report file the way `TestResult.parsePossiblyEmpty` does: an empty file and an
/// unreadable `.xml` file each count as one failed test; another unreadable file is an
/// error (the pattern matches too much).
fn tally_file(file: &Picked) -> R<Tally> {
    let bytes = std::fs::read(&file.path).map_err(|e| io_error(&file.path, &e))?;
    if bytes.is_empty() {
        return Ok(Tally::one_failure());
    }
    match tally_report(&bytes) {
        Ok(t) => Ok(t),
        Err(_) if file.rel.ends_with(".xml") => Ok(Tally::one_failure()),
        Err(e) => throw(
            "java.io.IOException",
            format!(
                "Failed to read {}\nIs this really a JUnit report file? Your configuration must be matching too many files ({e})",
                file.path.display()
            ),
        ),
    }
}

/// `hudson.tasks.junit.TestResultSummary`, what `junit` returns.
pub struct TestResultSummary(pub Tally);

impl TestResultSummary {
    fn count(&self, name: &str) -> Option<usize> {
        let t = self.0;
        Some(match name {
            "totalCount" => t.total,
            "failCount" => t.failed,
            "skipCount" => t.skipped,
            "passCount" => t.total.saturating_sub(t.failed + t.skipped),
            _ => return None,
        })
    }
}

impl NativeObject for TestResultSummary {
    fn class_name(&self) -> String {
        "hudson.tasks.junit.TestResultSummary".into()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        self.count(name)
            .map(|n| Ok(Value::int_or_long(i64::try_from(n).unwrap_or(i64::MAX))))
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let prop = name.strip_prefix("get").filter(|_| args.is_empty())?;
        let mut chars = prop.chars();
        let first = chars.next()?.to_ascii_lowercase();
        self.get_property(interp, &format!("{first}{}", chars.as_str()))
    }

    fn to_string(&self) -> String {
        let t = self.0;
        format!(
            "TestResultSummary(totalCount: {}, failCount: {}, skipCount: {}, passCount: {})",
            t.total,
            t.failed,
            t.skipped,
            t.total.saturating_sub(t.failed + t.skipped)
        )
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub struct Junit;
static JUNIT: StepSpec = StepSpec {
    name: "junit",
    summary: "Record JUnit XML test reports; failed tests make the build and the stage UNSTABLE.",
    params: &[
        req(
            "testResults",
            T::String,
            "Ant patterns of the report files, comma-separated (e.g. `**/target/surefire-reports/*.xml`)",
        ),
        opt(
            "allowEmptyResults",
            T::Bool,
            "do not fail when no report is found or the reports hold no test",
        ),
        opt(
            "skipMarkingBuildUnstable",
            T::Bool,
            "failed tests mark only the stage UNSTABLE, not the build",
        ),
        opt("keepLongStdio", T::Bool, "keep long test output (ignored)"),
        opt("keepProperties", T::Bool, "keep test properties (ignored)"),
        opt("keepTestNames", T::Bool, "keep test names as they are (ignored)"),
        opt("stdioRetention", T::String, "which test output to keep (ignored)"),
        opt(
            "healthScaleFactor",
            T::Number,
            "how failures weigh on build health (ignored)",
        ),
        opt("skipPublishingChecks", T::Bool, "do not publish checks (ignored)"),
        opt("checksName", T::String, "the name of the published checks (ignored)"),
        opt("skipOldReports", T::Bool, "ignore reports older than the build (ignored)"),
        opt("testDataPublishers", T::List, "extra test data publishers (ignored)"),
    ],
    positional: Some("testResults"),
    body: Body::None,
    returns: "TestResultSummary (totalCount, failCount, skipCount, passCount)",
    example: "def t = junit testResults: '**/build/test-results/**/*.xml', allowEmptyResults: true",
    side_effects: true,
    open_params: false,
};

const NO_TEST_REPORT: &str = "No test report files were found. Configuration error?";
const RESULT_IS_EMPTY: &str = "None of the test reports contained any result";

impl Junit {
    fn reports(call: &StepCall<'_>) -> R<Vec<Picked>> {
        let pattern = call.args.required_string("junit", "testResults")?;
        let set = AntFileSet::new(&pattern, None, true, true)?;
        pick_in_cwd(call, &set)
    }

    fn tally(files: &[Picked]) -> R<Tally> {
        let mut tally = Tally::default();
        for f in files {
            tally.add(tally_file(f)?);
        }
        Ok(tally)
    }
}

fn summary(t: Tally) -> Value {
    Value::Native(Arc::new(TestResultSummary(t)))
}

impl Step for Junit {
    fn spec(&self) -> &'static StepSpec {
        &JUNIT
    }

    /// A dry run reads the reports that are there and returns their counts, without
    /// failing on missing reports or changing any result.
    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let files = Self::reports(call)?;
        let t = Self::tally(&files)?;
        dry_note(
            call,
            "junit",
            &format!(
                "{} report(s): {} tests, {} failed, {} skipped",
                files.len(),
                t.total,
                t.failed,
                t.skipped
            ),
        );
        Ok(summary(t))
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        log(call, "Recording test results");
        let allow_empty = call.args.bool("allowEmptyResults").unwrap_or(false);
        let files = Self::reports(call)?;
        if files.is_empty() {
            if !allow_empty {
                return throw(ABORT, NO_TEST_REPORT);
            }
            log(call, NO_TEST_REPORT);
        }
        let t = Self::tally(&files)?;
        if t.total == 0 && call.run.result() != Some(BuildResult::Failure) {
            if !allow_empty {
                return throw(ABORT, RESULT_IS_EMPTY);
            }
            log(call, RESULT_IS_EMPTY);
        }
        if t.failed > 0 {
            // The step's warning marks the stage; the build unless told not to.
            StepCtx::current(call.interp).mark_stage(BuildResult::Unstable);
            if !call.args.bool("skipMarkingBuildUnstable").unwrap_or(false) {
                call.run.set_result(BuildResult::Unstable);
            }
        }
        Ok(summary(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(inc: &str, exc: Option<&str>) -> AntFileSet {
        match AntFileSet::new(inc, exc, true, true) {
            Ok(s) => s,
            Err(_) => panic!("bad patterns {inc}"),
        }
    }

    #[test]
    fn ant_patterns_match_like_ant() {
        let s = set("src/**/*.java, *.txt", Some("**/gen/**"));
        assert!(s.matches("src/A.java"));
        assert!(s.matches("src/a/b/A.java"));
        assert!(!s.matches("src/gen/A.java"));
        assert!(s.matches("notes.txt"));
        assert!(!s.matches("dir/notes.txt"));
        assert!(!set("**", None).matches("a/.git/config"));
        assert!(!set("**", None).matches("a/file~"));
        assert!(set("build/", None).matches("build/x/y.bin"));
        assert!(set("dist/**", None).matches("dist"));
        assert!(set("a**b/c?", None).matches("axxb/c1"));
        assert!(set("[x]{y}", None).matches("[x]{y}"));
        assert!(set("a\\b", None).matches("a/b"));
        let ci = AntFileSet::new("*.XML", None, true, false);
        assert!(ci.is_ok_and(|s| s.matches("report.xml")));
    }

    #[test]
    fn reports_are_tallied_like_the_junit_plugin() {
        let xml = br#"<?xml version="1.0"?>
<testsuites>
  <testsuite name="a">
    <testcase name="ok"/>
    <testcase name="bad"><failure message="x">trace</failure></testcase>
    <testcase name="err"><error/></testcase>
    <testcase name="skip"><skipped/></testcase>
    <testsuite name="nested"><testcase name="deep"/></testsuite>
  </testsuite>
</testsuites>"#;
        assert_eq!(
            tally_report(xml),
            Ok(Tally {
                total: 5,
                failed: 2,
                skipped: 1
            })
        );
        let load_error = br#"<testsuite name="X"><error message="cannot load"/></testsuite>"#;
        assert_eq!(tally_report(load_error).map(|t| t.failed), Ok(1));
        assert!(tally_report(b"<testsuite><testcase>").is_err());
        assert!(tally_report(b"not xml").is_err());
    }
}
