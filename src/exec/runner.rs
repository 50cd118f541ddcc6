//! Running a pipeline file end to end: parse, validate, run (scripted or Declarative), and
//! summarise.

use std::sync::Arc;

use miette::NamedSource;

use super::context::StepCtx;
use super::host::PipelineHost;
use super::log::Log;
use super::result::BuildResult;
use super::run::{Run, RunConfig};
use crate::eval::error::Flow;
use crate::eval::interp::{BufferOutput, Interp, ScriptCtx};
use crate::eval::scope::Scope;
use crate::model::{self, ValidationError};
use crate::steps::blocks::{error_text, failure_report, result_of_error};
use crate::syntax::{self, ParseFailure};

/// Why a run did not start.
pub enum RunError {
    Parse(ParseFailure),
    Invalid(InvalidPipeline),
}

/// A Declarative pipeline that failed validation: every problem, with the source.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{file}: the pipeline is not valid ({} error{})", errors.len(), if errors.len() == 1 { "" } else { "s" })]
#[diagnostic(code(pipe::validate::failed))]
pub struct InvalidPipeline {
    pub file: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[related]
    pub errors: Vec<ValidationError>,
}

/// The error that failed a build, pointing into the pipeline file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("the build {}: {message}", if *aborted { "was aborted" } else { "failed" })]
#[diagnostic(code(pipe::run::failed))]
pub struct BuildFailed {
    pub aborted: bool,
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("failed here")]
    pub span: Option<miette::SourceSpan>,
    #[label(collection, "called from here")]
    pub trace: Vec<miette::LabeledSpan>,
    #[help]
    pub help: Option<String>,
}

impl BuildFailed {
    /// The diagnostic of a failed run, if it failed with an error.
    pub fn of(run: &Run, src: &str, file: &str) -> Option<BuildFailed> {
        let f = run.failure.lock().clone()?;
        Some(BuildFailed {
            aborted: f.aborted,
            message: f.message,
            src: NamedSource::new(file, src.to_string()),
            span: f.span.map(Into::into),
            trace: f
                .trace
                .iter()
                .map(|s| miette::LabeledSpan::new_with_span(Some("called from here".into()), *s))
                .collect(),
            help: f.help,
        })
    }
}

/// Parses and validates a pipeline file without running anything.
pub fn check(
    src: &str,
    file: &str,
) -> Result<(syntax::ast::Script, Option<model::Pipeline>), RunError> {
    let script = match syntax::parse(src) {
        Ok(s) => s,
        Err(errors) => {
            return Err(RunError::Parse(ParseFailure {
                file: file.to_string(),
                src: NamedSource::new(file, src.to_string()),
                errors,
            }))
        }
    };
    match model::lower_with_source(&script, src) {
        Ok(p) => Ok((script, p)),
        Err(errors) => Err(RunError::Invalid(InvalidPipeline {
            file: file.to_string(),
            src: NamedSource::new(file, src.to_string()),
            errors,
        })),
    }
}

/// The standard variables every Jenkins build has.
fn standard_env(config: &RunConfig) -> Vec<(String, String)> {
    let ws = config.workspace.display().to_string();
    vec![
        ("JOB_NAME".into(), config.job_name.clone()),
        (
            "JOB_BASE_NAME".into(),
            config
                .job_name
                .rsplit('/')
                .next()
                .unwrap_or(&config.job_name)
                .to_string(),
        ),
        ("BUILD_NUMBER".into(), config.build_number.to_string()),
        ("BUILD_ID".into(), config.build_number.to_string()),
        (
            "BUILD_DISPLAY_NAME".into(),
            format!("#{}", config.build_number),
        ),
        (
            "BUILD_TAG".into(),
            format!(
                "jenkins-{}-{}",
                config.job_name.replace('/', "-"),
                config.build_number
            ),
        ),
        ("WORKSPACE".into(), ws.clone()),
        ("JENKINS_HOME".into(), ws),
        ("NODE_NAME".into(), "built-in".into()),
        ("NODE_LABELS".into(), "built-in".into()),
        ("EXECUTOR_NUMBER".into(), "0".into()),
        ("CI".into(), "true".into()),
    ]
}

/// Runs a parsed script as a pipeline and returns the build result.
pub fn execute(
    run: &Arc<Run>,
    script: &syntax::ast::Script,
    pipeline: Option<&model::Pipeline>,
    script_name: &str,
) -> BuildResult {
    {
        let mut env = run.env.lock();
        for (k, v) in standard_env(&run.config) {
            env.entry(k).or_insert(v);
        }
        // The repository's variables, unless the caller's environment has them (CI).
        for (k, v) in super::scm::scm_vars(&run.config.workspace) {
            if std::env::var_os(&k).is_none() {
                env.entry(k).or_insert(v);
            }
        }
    }
    super::params::define_given(run);
    let host = Arc::new(PipelineHost { run: run.clone() });
    let ctx = Arc::new(ScriptCtx::new(
        script_name,
        Arc::new(BufferOutput::default()),
        host,
    ));
    let run2 = run.clone();
    let script = script.clone();
    let pipeline = pipeline.cloned();
    let work = move || {
        let interp = Interp::new(ctx);
        interp
            .ext
            .borrow_mut()
            .push(Arc::new(StepCtx::new(&run2.config.workspace)));
        interp.tokens.borrow_mut().push(run2.abort.clone());
        let scope = Scope::root();
        let r = match &pipeline {
            None => interp.run_script(&script, &scope).map(|_| ()),
            Some(p) => super::declarative::run(&interp, &run2, &script, p, &scope),
        };
        finish(&run2, r)
    };
    let result = std::thread::Builder::new()
        .name("pipe-run".into())
        .stack_size(1 << 30)
        .spawn(work)
        .ok()
        .and_then(|h| h.join().ok())
        .unwrap_or(BuildResult::Failure);
    run.log.flush();
    run.kill_leftovers();
    result
}

/// Turns the outcome of the script into the build result, logging the error like Jenkins.
fn finish(run: &Arc<Run>, r: Result<(), Flow>) -> BuildResult {
    let legacy_status = match &r {
        Ok(()) | Err(Flow::Return(_)) => super::run::StageStatus::from_result(run.current_result()),
        Err(f) => super::run::StageStatus::from_result(result_of_error(f)),
    };
    run.close_legacy_stage(legacy_status);
    match r {
        Ok(()) | Err(Flow::Return(_)) => {}
        Err(f) => {
            let result = result_of_error(&f);
            let report = failure_report(&f);
            // An input's rejection was logged when it happened.
            if !report.is_empty() && report != "interrupted" && !report.starts_with("Rejected by ")
            {
                run.log.line("", &report);
            }
            if let Flow::Throw(t) = &f {
                let aborted = result == BuildResult::Aborted;
                let text = if aborted {
                    report.clone()
                } else {
                    error_text(&f)
                };
                *run.failure.lock() = Some(super::run::Failure {
                    aborted,
                    help: failure_help(&text),
                    message: text,
                    span: t.span,
                    trace: t.trace.clone(),
                });
            }
            run.set_result(result);
        }
    }
    run.current_result()
}

/// Help for a build failure where a fix is known.
fn failure_help(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("java.lang.NoSuchMethodError: No such DSL method '") {
        let name = rest.split('\'').next().unwrap_or_default();
        return Some(match crate::steps::suggest(name) {
            Some(best) => {
                format!("did you mean `{best}`? `pipe lint` finds unknown steps before a run")
            }
            None => "check the step name; `pipe lint` lists unknown steps before a run".into(),
        });
    }
    if message.starts_with("input ") && message.contains("--input") {
        return Some("pass --input ID=proceed, --input ID=abort or --yes".into());
    }
    if message.starts_with("Could not find credentials entry") {
        return Some(
            "add it to the credentials file (--credentials FILE) or set PIPE_CREDENTIAL_<ID>"
                .into(),
        );
    }
    None
}

/// A value-free convenience for tests: runs `src` with a fresh run over `config`.
pub fn run_source(
    src: &str,
    file: &str,
    config: RunConfig,
    log: Log,
) -> Result<(Arc<Run>, BuildResult), RunError> {
    let (script, pipeline) = check(src, file)?;
    let run = Arc::new(Run::new(config, log));
    let name = crate::eval::runner::script_name_for(file);
    let result = execute(&run, &script, pipeline.as_ref(), &name);
    Ok((run, result))
}

/// A whole build as `pipe run` does it: job state (build number, previous result), a
/// directory per build with its log, the job lock of `disableConcurrentBuilds()`, the run,
/// and the state update. `on_start` sees the run before it starts (to wire Ctrl-C).
pub fn build(
    src: &str,
    file: &str,
    mut config: RunConfig,
    console: Arc<dyn super::log::LogSink>,
    color: bool,
    on_start: impl FnOnce(&Arc<Run>),
) -> Result<(Arc<Run>, BuildResult), RunError> {
    let (script, pipeline) = check(src, file)?;
    let job = super::state::JobState::new(&config.workspace, &config.job_name);
    let mut notes = Vec::new();
    if config.dry_run {
        // A dry run leaves no trace: it takes no build number and records no result.
        config.build_dir = None;
    } else {
        match job.start_build() {
            Ok((n, previous)) => {
                config.build_number = n;
                config.previous = previous;
                let dir = job.build_dir(n);
                if std::fs::create_dir_all(&dir).is_ok() {
                    config.build_dir = Some(dir);
                }
            }
            Err(e) => notes.push(format!(
                "WARNING: cannot keep build state under {}: {e}",
                config.workspace.join(".pipe").display()
            )),
        }
    }
    let file_sink: Option<Arc<dyn super::log::LogSink>> = config.build_dir.as_ref().and_then(|d| {
        std::fs::File::create(d.join("log")).ok().map(|f| {
            Arc::new(super::log::FileSink(parking_lot::Mutex::new(f)))
                as Arc<dyn super::log::LogSink>
        })
    });
    let log = Log::new(console, file_sink, color);
    let run = Arc::new(Run::new(config, log));
    on_start(&run);
    for n in notes {
        run.log.line("", &n);
    }
    // disableConcurrentBuilds(): one build of the job at a time; later ones wait.
    let wants_lock = pipeline.as_ref().is_some_and(|p| {
        p.options
            .iter()
            .any(|o| o.name.name == "disableConcurrentBuilds")
    });
    let _lock = if wants_lock && !run.config.dry_run {
        match job.try_lock() {
            Ok(Some(l)) => Some(l),
            Ok(None) => {
                run.log.line(
                    "",
                    &format!(
                        "Waiting for the running build of {} to finish (disableConcurrentBuilds)",
                        run.config.job_name
                    ),
                );
                job.wait_lock().ok()
            }
            Err(_) => None,
        }
    } else {
        None
    };
    run.log
        .line("", &format!("Started by user {}", run.config.user));
    run.log.line(
        "",
        &format!("Running in {}", run.config.workspace.display()),
    );
    let name = crate::eval::runner::script_name_for(file);
    let result = execute(&run, &script, pipeline.as_ref(), &name);
    run.log.line("", &format!("Finished: {result}"));
    run.log.flush();
    if !run.config.dry_run {
        let commit = run.env.lock().get("GIT_COMMIT").cloned();
        let _ = job.finish_build(run.config.build_number, result, commit);
    }
    let _ = std::fs::remove_dir_all(run.secrets_dir());
    Ok((run, result))
}
