//! Steps that do one thing: `echo`, `error`, `sh`, `sleep`, `unstable`, `isUnix`.

use std::time::Duration;

use super::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::backend::process::{run_sh, ShOutcome, ShRequest};
use crate::eval::error::{exception, throw, R};
use crate::eval::value::Value;
use crate::exec::context::StepCtx;
use crate::exec::globals::full_env;
use crate::exec::result::BuildResult;

pub static STEPS: &[&dyn Step] = &[&Echo, &Error, &Sh, &Sleep, &Unstable, &IsUnix];

/// The exception Jenkins throws for an interruption (timeout, abort, failFast).
pub const FLOW_INTERRUPTED: &str = "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException";

/// Throws the interruption in force, if any (blocking steps call this).
pub fn check_interrupted(call: &StepCall<'_>) -> R<()> {
    match call.interp.take_interruption() {
        Some((class, message)) => Err(exception(&class, message)),
        None => Ok(()),
    }
}

pub struct Echo;
static ECHO: StepSpec = StepSpec {
    name: "echo",
    summary: "Print a message to the build log.",
    params: &[req("message", T::String, "the text to print")],
    positional: Some("message"),
    body: Body::None,
    returns: "null",
    example: "echo \"Building ${env.BRANCH_NAME}\"",
    side_effects: false,
    open_params: false,
};

impl Step for Echo {
    fn spec(&self) -> &'static StepSpec {
        &ECHO
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let msg = call.args.string("message").unwrap_or_default();
        let ctx = StepCtx::current(call.interp);
        call.run.log.line(&ctx.log_prefix(), &msg);
        Ok(Value::Null)
    }
}

pub struct Error;
static ERROR: StepSpec = StepSpec {
    name: "error",
    summary: "Fail the build with a message (no stack trace).",
    params: &[req("message", T::String, "why the build fails")],
    positional: Some("message"),
    body: Body::None,
    returns: "never returns",
    example: "error 'tests failed'",
    side_effects: false,
    open_params: false,
};

impl Step for Error {
    fn spec(&self) -> &'static StepSpec {
        &ERROR
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let msg = call.args.string("message").unwrap_or_default();
        throw("hudson.AbortException", msg)
    }
}

pub struct Sh;
static SH: StepSpec = StepSpec {
    name: "sh",
    summary: "Run a shell script (`sh -xe`, or the interpreter of a `#!` line).",
    params: &[
        req("script", T::String, "the script"),
        opt(
            "returnStdout",
            T::Bool,
            "return the standard output instead of printing it",
        ),
        opt(
            "returnStatus",
            T::Bool,
            "return the exit code instead of failing on non-zero",
        ),
        opt("label", T::String, "a label for the step in the log"),
        opt("encoding", T::String, "the output encoding (UTF-8)"),
    ],
    positional: Some("script"),
    body: Body::None,
    returns: "null, the standard output (returnStdout) or the exit code (returnStatus)",
    example: "def rev = sh(script: 'git rev-parse HEAD', returnStdout: true).trim()",
    side_effects: true,
    open_params: false,
};

impl Step for Sh {
    fn spec(&self) -> &'static StepSpec {
        &SH
    }

    /// Under `--dry-run` the first stub whose pattern the script contains answers (its
    /// output and status); otherwise empty output and status 0.
    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let script = call.args.required_string("sh", "script")?;
        let stub = call
            .run
            .config
            .sh_stubs
            .iter()
            .find(|s| script.contains(&s.pattern));
        let (stdout, status) = stub.map_or((String::new(), 0), |s| (s.stdout.clone(), s.status));
        let prefix = StepCtx::current(call.interp).log_prefix();
        call.run
            .log
            .line(&prefix, &format!("[dry-run] sh: {}", script.trim()));
        if call.args.bool("returnStatus").unwrap_or(false) {
            return Ok(Value::int(status));
        }
        if status != 0 {
            return throw(
                "hudson.AbortException",
                format!("script returned exit code {status}"),
            );
        }
        if call.args.bool("returnStdout").unwrap_or(false) {
            return Ok(Value::string(stdout));
        }
        if !stdout.is_empty() {
            call.run.log.line(&prefix, stdout.trim_end_matches('\n'));
        }
        Ok(Value::Null)
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let script = call.args.required_string("sh", "script")?;
        let return_stdout = call.args.bool("returnStdout").unwrap_or(false);
        let return_status = call.args.bool("returnStatus").unwrap_or(false);
        if return_stdout && return_status {
            return throw(
                "java.lang.IllegalArgumentException",
                "You may not select both returnStdout and returnStatus.",
            );
        }
        let ctx = StepCtx::current(call.interp);
        let prefix = ctx.log_prefix();
        if let Some(label) = call.args.string("label") {
            call.run.log.line(&prefix, &format!("[{label}]"));
        }
        check_interrupted(call)?;
        let req = ShRequest {
            script,
            cwd: ctx.cwd.clone(),
            env: full_env(call.run, &ctx),
            capture_stdout: return_stdout,
        };
        let log = &call.run.log;
        let outcome = run_sh(&req, &mut |line| log.line(&prefix, line), &|| {
            call.interp.interruption().is_some()
        });
        match outcome {
            Err(e) => throw(
                "java.io.IOException",
                format!("Cannot run program \"sh\": {e}"),
            ),
            Ok(ShOutcome::Interrupted) => {
                check_interrupted(call)?;
                Err(exception(FLOW_INTERRUPTED, None))
            }
            Ok(ShOutcome::Exited { code, stdout, pgid }) => {
                call.run.process_groups.lock().push(pgid);
                if return_status {
                    return Ok(Value::int(code));
                }
                if code != 0 {
                    return throw(
                        "hudson.AbortException",
                        format!("script returned exit code {code}"),
                    );
                }
                Ok(if return_stdout {
                    Value::string(stdout)
                } else {
                    Value::Null
                })
            }
        }
    }
}

pub struct Sleep;
static SLEEP: StepSpec = StepSpec {
    name: "sleep",
    summary: "Wait for a while.",
    params: &[
        req("time", T::Number, "how long"),
        opt("unit", T::String, "NANOSECONDS … DAYS (default SECONDS)"),
    ],
    positional: Some("time"),
    body: Body::None,
    returns: "null",
    example: "sleep time: 500, unit: 'MILLISECONDS'",
    side_effects: true,
    open_params: false,
};

/// A duration from a `time` and a `unit` (`java.util.concurrent.TimeUnit` names).
pub fn duration_of(step: &str, time: f64, unit: Option<&str>, default_unit: &str) -> R<Duration> {
    let unit = unit.unwrap_or(default_unit).to_ascii_uppercase();
    let secs = match unit.as_str() {
        "NANOSECONDS" => time / 1e9,
        "MICROSECONDS" => time / 1e6,
        "MILLISECONDS" => time / 1e3,
        "SECONDS" => time,
        "MINUTES" => time * 60.0,
        "HOURS" => time * 3600.0,
        "DAYS" => time * 86400.0,
        other => {
            return throw(
                "java.lang.IllegalArgumentException",
                format!("{step}: unknown time unit '{other}' (use SECONDS, MINUTES, HOURS…)"),
            )
        }
    };
    Ok(Duration::from_secs_f64(secs.clamp(0.0, 1e9)))
}

impl Step for Sleep {
    fn spec(&self) -> &'static StepSpec {
        &SLEEP
    }

    /// A dry run records the pause instead of waiting (a stage that waits half an hour for
    /// manual tests must not hold the dry run).
    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let time = call.args.number("sleep", "time")?.unwrap_or(0.0);
        duration_of(
            "sleep",
            time,
            call.args.string("unit").as_deref(),
            "SECONDS",
        )?;
        Ok(Value::Null)
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let time = call.args.number("sleep", "time")?.unwrap_or(0.0);
        let d = duration_of(
            "sleep",
            time,
            call.args.string("unit").as_deref(),
            "SECONDS",
        )?;
        let ctx = StepCtx::current(call.interp);
        call.run.log.line(
            &ctx.log_prefix(),
            &format!("Sleeping for {}", human_duration(d)),
        );
        if call.run.config.dry_run {
            return Ok(Value::Null);
        }
        let deadline = std::time::Instant::now() + d;
        loop {
            check_interrupted(call)?;
            let now = std::time::Instant::now();
            if now >= deadline {
                return Ok(Value::Null);
            }
            std::thread::sleep((deadline - now).min(Duration::from_millis(50)));
        }
    }
}

/// Jenkins' way of printing durations (`1 sec`, `2 min 3 sec`, `450 ms`).
pub fn human_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        return format!("{ms} ms");
    }
    let secs = d.as_secs();
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    match (h, m) {
        (0, 0) => format!("{s} sec"),
        (0, _) => format!("{m} min {s} sec"),
        _ => format!("{h} hr {m} min"),
    }
}

pub struct Unstable;
static UNSTABLE: StepSpec = StepSpec {
    name: "unstable",
    summary: "Mark the build and the current stage UNSTABLE and carry on.",
    params: &[req("message", T::String, "why")],
    positional: Some("message"),
    body: Body::None,
    returns: "null",
    example: "unstable 'coverage below 80%'",
    side_effects: false,
    open_params: false,
};

impl Step for Unstable {
    fn spec(&self) -> &'static StepSpec {
        &UNSTABLE
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let msg = call.args.string("message").unwrap_or_default();
        let ctx = StepCtx::current(call.interp);
        call.run
            .log
            .line(&ctx.log_prefix(), &format!("WARNING: {msg}"));
        call.run.set_result(BuildResult::Unstable);
        ctx.mark_stage(BuildResult::Unstable);
        Ok(Value::Null)
    }
}

pub struct IsUnix;
static IS_UNIX: StepSpec = StepSpec {
    name: "isUnix",
    summary: "Whether the node runs a Unix-like system.",
    params: &[],
    positional: None,
    body: Body::None,
    returns: "boolean",
    example: "if (isUnix()) { sh 'make' } else { bat 'nmake' }",
    side_effects: false,
    open_params: false,
};

impl Step for IsUnix {
    fn spec(&self) -> &'static StepSpec {
        &IS_UNIX
    }

    fn run(&self, _call: &StepCall<'_>) -> R<Value> {
        Ok(Value::Bool(cfg!(unix)))
    }
}
