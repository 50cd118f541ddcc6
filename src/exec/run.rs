//! The state of one pipeline run, shared by every thread running it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::credentials::CredentialStore;
use super::input::InputAnswers;
use super::log::Log;
use super::result::BuildResult;
use crate::eval::cancel::CancelToken;
use crate::eval::Value;

/// What a run is asked to do (from the command line and configuration).
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// The workspace: the directory steps run in.
    pub workspace: PathBuf,
    pub job_name: String,
    pub build_number: u64,
    /// `-p NAME=VALUE` overrides of build parameters.
    pub params: IndexMap<String, String>,
    /// Record side-effecting steps instead of performing them.
    pub dry_run: bool,
    /// The previous completed build of this job, for `changed`/`fixed`/`regression`.
    pub previous: Option<PreviousBuild>,
    /// Where this run keeps its files (log, stashes, artifacts).
    pub build_dir: Option<PathBuf>,
    pub credentials: CredentialStore,
    pub inputs: InputAnswers,
    /// `--stage NAME`: run only these stages (and what they contain); empty = all.
    pub only_stages: Vec<String>,
    /// Who runs the build (`Started by user …`, `Approved by …`).
    pub user: String,
    /// `--dry-run`: what `sh` returns, matched in order against the script (first match).
    pub sh_stubs: Vec<ShStub>,
}

/// A `--dry-run` answer for `sh`: scripts containing `pattern` print `stdout` and exit
/// with `status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShStub {
    pub pattern: String,
    pub stdout: String,
    pub status: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousBuild {
    pub number: u64,
    pub result: BuildResult,
    /// The commit the previous build ran on (for `changelog`/`changeset`).
    pub commit: Option<String>,
}

impl RunConfig {
    pub fn new(workspace: PathBuf) -> RunConfig {
        RunConfig {
            workspace,
            job_name: "pipeline".into(),
            build_number: 1,
            params: IndexMap::new(),
            dry_run: false,
            previous: None,
            build_dir: None,
            credentials: CredentialStore::new(),
            inputs: InputAnswers::default(),
            sh_stubs: Vec::new(),
            only_stages: Vec::new(),
            user: super::user_name(),
        }
    }
}

/// One stage's outcome, for the summary table and reports.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StageRecord {
    /// Enclosing stages and the stage itself, outermost first.
    pub path: Vec<String>,
    pub result: StageStatus,
    #[serde(serialize_with = "ser_duration")]
    pub duration: Duration,
}

fn ser_duration<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum StageStatus {
    #[serde(rename = "SUCCESS")]
    Success,
    #[serde(rename = "UNSTABLE")]
    Unstable,
    #[serde(rename = "FAILURE")]
    Failure,
    #[serde(rename = "ABORTED")]
    Aborted,
    #[serde(rename = "NOT_BUILT")]
    NotBuilt,
    /// Skipped (by `when`, an earlier failure, or instability).
    #[serde(rename = "SKIPPED")]
    Skipped,
}

impl StageStatus {
    pub fn from_result(r: BuildResult) -> StageStatus {
        match r {
            BuildResult::Success => StageStatus::Success,
            BuildResult::Unstable => StageStatus::Unstable,
            BuildResult::Failure => StageStatus::Failure,
            BuildResult::NotBuilt => StageStatus::NotBuilt,
            BuildResult::Aborted => StageStatus::Aborted,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            StageStatus::Success => "SUCCESS",
            StageStatus::Unstable => "UNSTABLE",
            StageStatus::Failure => "FAILURE",
            StageStatus::Aborted => "ABORTED",
            StageStatus::NotBuilt => "NOT_BUILT",
            StageStatus::Skipped => "SKIPPED",
        }
    }
}

/// A step call recorded by `--dry-run` (and available to tests): where, what, with what.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TraceEntry {
    pub stages: Vec<String>,
    pub branches: Vec<String>,
    pub step: String,
    pub args: String,
    /// How many steps with a body enclose this call (for the printed call tree).
    pub depth: usize,
}

/// A stage opened by the legacy `stage 'name'` form: it lasts until the next one.
struct LegacyStage {
    index: usize,
    started: Instant,
}

/// A run in progress.
pub struct Run {
    pub config: RunConfig,
    pub log: Log,
    /// The build's environment (`env.X = …` writes here; every branch sees it).
    pub env: Mutex<IndexMap<String, String>>,
    /// Build parameters (`params`), immutable once the run starts.
    pub params: Mutex<IndexMap<String, Value>>,
    /// `currentBuild.result`: unset (`None`) until something sets it; only gets worse.
    result: Mutex<Option<BuildResult>>,
    pub display_name: Mutex<Option<String>>,
    pub description: Mutex<Option<String>>,
    pub stages: Mutex<Vec<StageRecord>>,
    pub trace: Mutex<Vec<TraceEntry>>,
    /// Fired when the whole build is aborted (Ctrl-C, SIGTERM).
    pub abort: Arc<CancelToken>,
    pub started: Instant,
    /// Process groups of the shell scripts run so far: background processes they left are
    /// killed when the run ends.
    pub process_groups: Mutex<Vec<i32>>,
    legacy: Mutex<Option<LegacyStage>>,
    /// The error that failed the build, for the diagnostic `pipe run` prints at the end.
    pub failure: Mutex<Option<Failure>>,
}

/// Where and why a build failed.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The build was aborted (timeout, `input` rejected, Ctrl-C) rather than failed.
    pub aborted: bool,
    pub message: String,
    pub span: Option<crate::syntax::Span>,
    pub trace: Vec<crate::syntax::Span>,
    pub help: Option<String>,
}

impl Run {
    pub fn new(config: RunConfig, log: Log) -> Run {
        Run {
            config,
            log,
            env: Mutex::new(IndexMap::new()),
            params: Mutex::new(IndexMap::new()),
            result: Mutex::new(None),
            display_name: Mutex::new(None),
            description: Mutex::new(None),
            stages: Mutex::new(Vec::new()),
            trace: Mutex::new(Vec::new()),
            abort: Arc::new(CancelToken::new()),
            started: Instant::now(),
            process_groups: Mutex::new(Vec::new()),
            legacy: Mutex::new(None),
            failure: Mutex::new(None),
        }
    }

    /// Whether `--stage` selects a stage at `path` (enclosing stages first) to run whole.
    pub fn stage_selected(&self, path: &[String]) -> bool {
        self.config.only_stages.is_empty()
            || path.iter().any(|p| self.config.only_stages.contains(p))
    }

    /// Opens a legacy `stage 'name'` stage, closing the previous one as successful.
    pub fn open_legacy_stage(&self, name: &str) {
        self.close_legacy_stage(StageStatus::Success);
        let mut stages = self.stages.lock();
        stages.push(StageRecord {
            path: vec![name.to_string()],
            result: StageStatus::Success,
            duration: Duration::ZERO,
        });
        *self.legacy.lock() = Some(LegacyStage {
            index: stages.len() - 1,
            started: Instant::now(),
        });
    }

    /// Closes the open legacy stage, if any, with `status` and its duration.
    pub fn close_legacy_stage(&self, status: StageStatus) {
        if let Some(l) = self.legacy.lock().take() {
            if let Some(rec) = self.stages.lock().get_mut(l.index) {
                rec.result = status;
                rec.duration = l.started.elapsed();
            }
        }
    }

    /// The name of the open legacy stage.
    pub fn legacy_stage(&self) -> Option<String> {
        let l = self.legacy.lock();
        let idx = l.as_ref()?.index;
        self.stages
            .lock()
            .get(idx)
            .and_then(|r| r.path.first().cloned())
    }

    /// Where secret files of `withCredentials`/`credentials()` are written while in scope.
    pub fn secrets_dir(&self) -> PathBuf {
        match &self.config.build_dir {
            Some(d) => d.join("secrets"),
            None => std::env::temp_dir().join(format!("pipe-secrets-{}", std::process::id())),
        }
    }

    /// Kills what the build's scripts left running, as Jenkins does at the end of a build.
    pub fn kill_leftovers(&self) {
        for pgid in self.process_groups.lock().drain(..) {
            crate::backend::process::kill_group(pgid, nix::sys::signal::Signal::SIGKILL);
        }
    }

    /// `currentBuild.result` (null while nothing set it).
    pub fn result(&self) -> Option<BuildResult> {
        *self.result.lock()
    }

    /// `currentBuild.currentResult`: the result so far, SUCCESS when unset.
    pub fn current_result(&self) -> BuildResult {
        self.result().unwrap_or(BuildResult::Success)
    }

    /// `Run.setResult`: the result can only get worse.
    pub fn set_result(&self, r: BuildResult) {
        let mut cur = self.result.lock();
        if cur.is_none_or(|c| r.is_worse_than(c)) {
            *cur = Some(r);
        }
    }

    /// Records a stage as it starts, so the table lists stages in the order they began;
    /// [`Run::end_stage`] fills in the outcome.
    pub fn begin_stage(&self, path: Vec<String>) -> usize {
        let mut stages = self.stages.lock();
        stages.push(StageRecord {
            path,
            result: StageStatus::Success,
            duration: Duration::ZERO,
        });
        stages.len() - 1
    }

    pub fn end_stage(&self, index: usize, result: StageStatus, duration: Duration) {
        if let Some(rec) = self.stages.lock().get_mut(index) {
            rec.result = result;
            rec.duration = duration;
        }
    }

    pub fn record_stage(&self, path: Vec<String>, result: StageStatus, duration: Duration) {
        self.stages.lock().push(StageRecord {
            path,
            result,
            duration,
        });
    }
}
