//! `pipe run`: runs a pipeline file on this machine as Jenkins would.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, ValueEnum};
use indexmap::IndexMap;

use crate::diagnostic;
use crate::exec::credentials::{default_path, CredentialStore};
use crate::exec::log::{MemorySink, StdoutSink};
use crate::exec::result::BuildResult;
use crate::exec::run::{RunConfig, ShStub};
use crate::exec::runner::{self, RunError};
use crate::steps::basic::FLOW_INTERRUPTED;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
pub struct RunArgs {
    /// The pipeline file.
    #[arg(default_value = "Jenkinsfile")]
    file: PathBuf,
    /// The directory steps run in (default: the current directory).
    #[arg(short = 'w', long, value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// The job name (JOB_NAME; build numbers and results are kept per job).
    #[arg(long, value_name = "NAME")]
    job: Option<String>,
    /// A build parameter, NAME=VALUE (repeatable).
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// Build parameters from a file: a JSON object, or NAME=VALUE lines.
    #[arg(long, value_name = "FILE")]
    params_file: Option<PathBuf>,
    /// The credentials file (TOML; default ~/.config/pipewright/credentials.toml).
    #[arg(long, value_name = "FILE")]
    credentials: Option<PathBuf>,
    /// The run configuration (TOML: [tools], [libraries], [mail], [jobs]; default
    /// .pipe/config.toml in the workspace, then ~/.config/pipewright/config.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Answer an `input` step: ID=proceed, ID=abort, or ID='{"PARAM": "value"}' (ID is the
    /// input's id or its message; repeatable).
    #[arg(long = "input", value_name = "ID=ANSWER")]
    inputs: Vec<String>,
    /// Proceed at every `input` with its default values.
    #[arg(short = 'y', long)]
    yes: bool,
    /// Never ask on the terminal: unanswered `input` steps fail.
    #[arg(long)]
    no_input: bool,
    /// Run the control flow, recording side-effecting steps instead of performing them,
    /// and print the call tree.
    #[arg(short = 'n', long)]
    dry_run: bool,
    /// Under --dry-run, what `sh` returns for scripts containing PATTERN: PATTERN=STDOUT
    /// (repeatable; the first match wins).
    #[arg(long = "sh-stub", value_name = "PATTERN=STDOUT")]
    sh_stubs: Vec<String>,
    /// Under --dry-run, `sh` stubs from a TOML file: [[sh]] match = "…", stdout = "…", status = 0.
    #[arg(long, value_name = "FILE")]
    stubs: Option<PathBuf>,
    /// Print the stages and exit.
    #[arg(long)]
    list: bool,
    /// Run only this stage (and what it contains); repeatable.
    #[arg(short = 's', long = "stage", value_name = "NAME")]
    stages: Vec<String>,
    /// Write a JSON report of the stages to FILE.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write a JUnit XML report (one test case per stage) to FILE.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Colour the output.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

/// Exit status of `pipe run` when the build does not start: as a failed build.
const NOT_STARTED: u8 = 2;

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("pipe: {msg}");
    ExitCode::from(NOT_STARTED)
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty() && v != "0");
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if set("CLICOLOR_FORCE") {
                true
            } else {
                std::io::stdout().is_terminal()
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        }
    }
}

fn split_pair(s: &str, what: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("{what} \"{s}\" is not of the form NAME=VALUE")),
    }
}

fn read_params_file(path: &PathBuf, out: &mut IndexMap<String, String>) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if text.trim_start().starts_with('{') {
        let v: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a JSON object: {e}", path.display()))?;
        let Some(o) = v.as_object() else {
            return Err(format!("{}: expected a JSON object", path.display()));
        };
        for (k, v) in o {
            let s = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.insert(k.clone(), s);
        }
        return Ok(());
    }
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (k, v) = split_pair(l, &format!("{}:{}:", path.display(), i + 1))?;
        out.insert(k, v);
    }
    Ok(())
}

fn read_stubs(path: &PathBuf, out: &mut Vec<ShStub>) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let t: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| format!("{}: {}", path.display(), e.message()))?;
    if let Some(toml::Value::Array(items)) = t.get("sh") {
        for it in items {
            let get = |k: &str| it.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let Some(pattern) = get("match") else {
                return Err(format!(
                    "{}: every [[sh]] needs match = \"…\"",
                    path.display()
                ));
            };
            out.push(ShStub {
                pattern,
                stdout: get("stdout").unwrap_or_default(),
                status: it.get("status").and_then(|v| v.as_integer()).unwrap_or(0) as i32,
            });
        }
    }
    Ok(())
}

/// The job name: the file's stem, or the workspace's directory name for a `Jenkinsfile`.
fn job_name(file: &std::path::Path, workspace: &std::path::Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem.is_empty() || stem == "Jenkinsfile" {
        workspace
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "pipeline".into())
    } else {
        stem
    }
}

pub fn run_cmd(a: RunArgs) -> ExitCode {
    let src = match std::fs::read_to_string(&a.file) {
        Ok(s) => s,
        Err(e) => return fail(format!("cannot read {}: {e}", a.file.display())),
    };
    let workspace = match a.workspace.clone().map_or_else(std::env::current_dir, Ok) {
        Ok(w) => w,
        Err(e) => return fail(format!("no workspace: {e}")),
    };
    // Like Jenkins, a workspace that does not exist yet is created.
    if !workspace.exists() {
        if let Err(e) = std::fs::create_dir_all(&workspace) {
            return fail(format!(
                "cannot create the workspace {}: {e}",
                workspace.display()
            ));
        }
    }
    if !workspace.is_dir() {
        return fail(format!(
            "the workspace {} is not a directory",
            workspace.display()
        ));
    }
    let workspace = std::fs::canonicalize(&workspace).unwrap_or(workspace);
    let mut config = RunConfig::new(workspace.clone());
    config.job_name = a
        .job
        .clone()
        .unwrap_or_else(|| job_name(&a.file, &workspace));
    if let Some(p) = &a.params_file {
        if let Err(e) = read_params_file(p, &mut config.params) {
            return fail(e);
        }
    }
    for p in &a.params {
        match split_pair(p, "-p") {
            Ok((k, v)) => {
                config.params.insert(k, v);
            }
            Err(e) => return fail(e),
        }
    }
    for i in &a.inputs {
        match split_pair(i, "--input") {
            Ok(pair) => config.inputs.given.push(pair),
            Err(e) => return fail(e),
        }
    }
    config.inputs.yes = a.yes;
    config.inputs.interactive = !a.no_input;
    config.dry_run = a.dry_run || a.list;
    config.only_stages = a.stages.clone();
    for s in &a.sh_stubs {
        match split_pair(s, "--sh-stub") {
            Ok((pattern, stdout)) => config.sh_stubs.push(ShStub {
                pattern,
                stdout,
                status: 0,
            }),
            Err(e) => return fail(e),
        }
    }
    if let Some(p) = &a.stubs {
        if let Err(e) = read_stubs(p, &mut config.sh_stubs) {
            return fail(e);
        }
    }
    let cred_path = a
        .credentials
        .clone()
        .or_else(|| default_path().filter(|p| p.exists()));
    if let Some(p) = cred_path {
        match CredentialStore::load(&p) {
            Ok((store, warnings)) => {
                for w in warnings {
                    eprintln!("pipe: warning: {w}");
                }
                config.credentials = store;
            }
            Err(e) => {
                diagnostic::eprint(e);
                return ExitCode::from(NOT_STARTED);
            }
        }
    }
    match crate::exec::config::discover(a.config.as_deref(), &workspace) {
        Ok(settings) => config.settings = settings,
        Err(e) => {
            diagnostic::eprint(*e);
            return ExitCode::from(NOT_STARTED);
        }
    }
    let file_label = a.file.display().to_string();
    if a.list {
        return list(&src, &file_label, config);
    }
    let color = use_color(a.color);
    let aborts = Arc::new(parking_lot::Mutex::new(0u32));
    let wire = |run: &Arc<crate::exec::run::Run>| {
        let token = run.abort.clone();
        let aborts = aborts.clone();
        let _ = ctrlc::set_handler(move || {
            let mut n = aborts.lock();
            *n += 1;
            if *n == 1 {
                eprintln!("\npipe: aborting the build (press Ctrl-C again to stop at once)");
                token.fire(FLOW_INTERRUPTED, Some("Aborted by user".into()));
            } else {
                std::process::exit(i32::from(BuildResult::Aborted.exit_code()));
            }
        });
    };
    let outcome = runner::build(&src, &file_label, config, Arc::new(StdoutSink), color, wire);
    let (run, result) = match outcome {
        Ok(r) => r,
        Err(e) => return report_not_started(e),
    };
    let table = crate::exec::report::summary(&run);
    if !table.is_empty() {
        println!();
        for l in table {
            println!("{l}");
        }
    }
    if run.config.dry_run {
        println!();
        println!("Dry run: the steps that would have run");
        for l in crate::exec::report::call_tree(&run) {
            println!("{l}");
        }
    }
    if let Some(d) = runner::BuildFailed::of(&run, &src, &file_label) {
        // The log said it Jenkins' way; this says where.
        use std::io::Write;
        let _ = std::io::stdout().flush();
        eprintln!();
        diagnostic::eprint(d);
    }
    if let Some(p) = &a.json {
        if let Err(e) = std::fs::write(p, crate::exec::report::json(&run, result)) {
            eprintln!("pipe: cannot write {}: {e}", p.display());
        }
    }
    if let Some(p) = &a.junit {
        if let Err(e) = std::fs::write(p, crate::exec::report::junit(&run, result)) {
            eprintln!("pipe: cannot write {}: {e}", p.display());
        }
    }
    ExitCode::from(result.exit_code())
}

fn report_not_started(e: RunError) -> ExitCode {
    match e {
        RunError::Parse(p) => diagnostic::eprint(p),
        RunError::Invalid(i) => diagnostic::eprint(i),
    }
    ExitCode::from(NOT_STARTED)
}

/// `--list`: the stages of a Declarative pipeline from its model; those of a scripted one
/// from a silent dry run.
fn list(src: &str, file: &str, config: RunConfig) -> ExitCode {
    let (_, pipeline) = match runner::check(src, file) {
        Ok(x) => x,
        Err(e) => return report_not_started(e),
    };
    if let Some(p) = pipeline {
        for l in crate::exec::declarative::stage_outline(&p) {
            println!("{l}");
        }
        return ExitCode::SUCCESS;
    }
    let sink = Arc::new(MemorySink::default());
    match runner::build(src, file, config, sink, false, |_| {}) {
        Ok((run, _)) => {
            for s in run.stages.lock().iter() {
                let depth = s.path.len().saturating_sub(1);
                println!(
                    "{}{}",
                    "  ".repeat(depth),
                    s.path.last().cloned().unwrap_or_default()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => report_not_started(e),
    }
}
