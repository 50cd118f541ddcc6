//! Steps that run a block: `stage`, `node`, `dir`, `withEnv`, `timeout`, `retry`,
//! `waitUntil`, `catchError`, `warnError`, `script`, `parallel`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::basic::{check_interrupted, duration_of, human_duration, FLOW_INTERRUPTED};
use super::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::eval::cancel::CancelToken;
use crate::eval::error::{throw, Flow, Thrown, R};
use crate::eval::value::{exception_message, to_display, Closure, HKey, Value};
use crate::eval::Interp;
use crate::exec::context::StepCtx;
use crate::exec::result::BuildResult;
use crate::exec::run::{Run, StageStatus};
use crate::syntax::Span;

pub static STEPS: &[&dyn Step] = &[
    &Stage,
    &Node,
    &Dir,
    &WithEnv,
    &Timeout,
    &Retry,
    &WaitUntil,
    &CatchError,
    &WarnError,
    &Script,
    &Parallel,
];

/// Runs a block with a derived context.
pub fn run_body(interp: &Interp, ctx: StepCtx, body: &Arc<Closure>, span: Span) -> R<Value> {
    interp.with_ext(Arc::new(ctx), || {
        interp.call_closure(body, Vec::new(), span)
    })
}

/// The build result an exception stands for: interruptions carry ABORTED, anything else is
/// FAILURE.
pub fn result_of_error(f: &Flow) -> BuildResult {
    match f {
        Flow::Throw(t) if is_interruption(&t.value) => BuildResult::Aborted,
        Flow::Halt(_) => BuildResult::Aborted,
        _ => BuildResult::Failure,
    }
}

pub fn is_interruption(v: &Value) -> bool {
    matches!(v, Value::Exception(e) if &*e.class == FLOW_INTERRUPTED)
}

/// How Jenkins logs a caught failure: `ERROR: message` for an `AbortException` (what
/// `error` and `sh` throw), the interruption's message, or `class: message` (the head of
/// the stack trace) for anything else.
pub fn failure_report(f: &Flow) -> String {
    match f {
        Flow::Throw(t) => match &t.value {
            Value::Exception(e) if &*e.class == "hudson.AbortException" => {
                format!("ERROR: {}", exception_message(e).unwrap_or_default())
            }
            Value::Exception(e) if &*e.class == FLOW_INTERRUPTED => {
                exception_message(e).unwrap_or_default()
            }
            Value::Exception(e) => crate::eval::value::exception_to_string(e),
            other => to_display(other),
        },
        Flow::Halt(_) => "interrupted".into(),
        _ => String::new(),
    }
}

/// The text Jenkins prints for a failure: the message of an `AbortException`/`error`,
/// `class: message` otherwise.
pub fn error_text(f: &Flow) -> String {
    match f {
        Flow::Throw(t) => match &t.value {
            Value::Exception(e) if &*e.class == "hudson.AbortException" => {
                exception_message(e).unwrap_or_default()
            }
            Value::Exception(e) => crate::eval::value::exception_to_string(e),
            other => to_display(other),
        },
        Flow::Halt(_) => "interrupted".into(),
        _ => String::new(),
    }
}

pub struct Stage;
static STAGE: StepSpec = StepSpec {
    name: "stage",
    summary: "A named stage of the build, shown in the summary.",
    params: &[
        req("name", T::String, "the stage name"),
        opt("concurrency", T::Int, "ignored"),
    ],
    positional: Some("name"),
    body: Body::Optional,
    returns: "the block's value",
    example: "stage('Build') { sh 'make' }",
    side_effects: false,
    open_params: false,
};

/// Runs a stage body with its header, timing and recorded result.
pub fn run_stage(
    interp: &Interp,
    run: &Arc<Run>,
    name: &str,
    span: Span,
    body: impl FnOnce(&StepCtx) -> R<Value>,
) -> R<Value> {
    let parent = StepCtx::current(interp);
    let ctx = parent.with_stage(name);
    run.log
        .line(&parent.log_prefix(), &format!("[Pipeline] {{ ({name})"));
    let started = Instant::now();
    let record = run.begin_stage(ctx.stages.clone());
    let ctx = Arc::new(ctx);
    let r = interp.with_ext(ctx.clone(), || body(&ctx));
    let status = match &r {
        Ok(_) => StageStatus::from_result(ctx.stage_result()),
        Err(f) => StageStatus::from_result(result_of_error(f).combine(ctx.stage_result())),
    };
    let _ = span;
    run.end_stage(record, status, started.elapsed());
    run.log
        .line(&parent.log_prefix(), &format!("[Pipeline] }} // {name}"));
    r
}

impl Step for Stage {
    fn spec(&self) -> &'static StepSpec {
        &STAGE
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let name = call.args.string("name").unwrap_or_default();
        match &call.args.body {
            // The legacy `stage 'x'` form marks the start of a stage that runs until the next.
            None => {
                let ctx = StepCtx::current(call.interp);
                call.run
                    .log
                    .line(&ctx.log_prefix(), &format!("[Pipeline] stage ({name})"));
                call.run.log.line(
                    &ctx.log_prefix(),
                    "Using the 'stage' step without a block argument is deprecated",
                );
                call.run.open_legacy_stage(&name);
                Ok(Value::Null)
            }
            Some(body) => {
                let body = body.clone();
                let parent = StepCtx::current(call.interp);
                let mut path = parent.stages.clone();
                path.push(name.clone());
                if !call.run.stage_selected(&path) {
                    call.run.log.line(
                        &parent.log_prefix(),
                        &format!("Stage \"{name}\" skipped (not selected by --stage)"),
                    );
                    call.run
                        .record_stage(path, StageStatus::Skipped, Duration::ZERO);
                    return Ok(Value::Null);
                }
                run_stage(call.interp, call.run, &name, call.span, |_| {
                    call.interp.call_closure(&body, Vec::new(), call.span)
                })
            }
        }
    }
}

pub struct Node;
static NODE: StepSpec = StepSpec {
    name: "node",
    summary: "Run the block on an agent (here: the local machine, in the workspace).",
    params: &[opt("label", T::String, "which agents may run it")],
    positional: Some("label"),
    body: Body::Required,
    returns: "the block's value",
    example: "node('linux') { checkout scm; sh 'make' }",
    side_effects: false,
    open_params: false,
};

impl Step for Node {
    fn spec(&self) -> &'static StepSpec {
        &NODE
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("node")?;
        let label = call.args.string("label").unwrap_or_default();
        let ctx = StepCtx::current(call.interp);
        call.run.log.line(
            &ctx.log_prefix(),
            &format!(
                "Running on local in {}",
                call.run.config.workspace.display()
            ),
        );
        let inner = ctx
            .with_node(if label.is_empty() { "local" } else { &label })
            .with_cwd(call.run.config.workspace.clone())
            .with_env([
                ("NODE_NAME".to_string(), "built-in".to_string()),
                (
                    "WORKSPACE".to_string(),
                    call.run.config.workspace.display().to_string(),
                ),
            ]);
        run_body(call.interp, inner, &body, call.span)
    }
}

pub struct Dir;
static DIR: StepSpec = StepSpec {
    name: "dir",
    summary: "Run the block in another directory (created if missing).",
    params: &[req("path", T::String, "relative to the current directory")],
    positional: Some("path"),
    body: Body::Required,
    returns: "the block's value",
    example: "dir('deploy') { git url: repo }",
    side_effects: false,
    open_params: false,
};

impl Step for Dir {
    fn spec(&self) -> &'static StepSpec {
        &DIR
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("dir")?;
        let path = call.args.required_string("dir", "path")?;
        let ctx = StepCtx::current(call.interp);
        let target = ctx.cwd.join(&path);
        if !call.run.config.dry_run {
            if let Err(e) = std::fs::create_dir_all(&target) {
                return throw(
                    "java.io.IOException",
                    format!("cannot create {}: {e}", target.display()),
                );
            }
        }
        run_body(call.interp, ctx.with_cwd(target), &body, call.span)
    }
}

pub struct WithEnv;
static WITH_ENV: StepSpec = StepSpec {
    name: "withEnv",
    summary: "Run the block with environment variables set (`PATH+X=/dir` prepends to PATH).",
    params: &[req("overrides", T::List, "`NAME=value` strings")],
    positional: Some("overrides"),
    body: Body::Required,
    returns: "the block's value",
    example: "withEnv(['GOOS=linux', 'PATH+GO=/usr/local/go/bin']) { sh 'go build' }",
    side_effects: false,
    open_params: false,
};

impl Step for WithEnv {
    fn spec(&self) -> &'static StepSpec {
        &WITH_ENV
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("withEnv")?;
        let ctx = StepCtx::current(call.interp);
        let mut vars = Vec::new();
        for entry in call.args.strings("overrides") {
            let Some((k, v)) = entry.split_once('=') else {
                return throw(
                    "java.lang.IllegalArgumentException",
                    format!("withEnv: '{entry}' is not of the form NAME=value"),
                );
            };
            match k.split_once('+') {
                // `PATH+ANYTHING=/dir` prepends `/dir` to `PATH`.
                Some((base, _)) => {
                    let cur =
                        crate::exec::globals::env_lookup(call.run, &ctx, base).unwrap_or_default();
                    let joined = if cur.is_empty() {
                        v.to_string()
                    } else {
                        format!("{v}:{cur}")
                    };
                    vars.push((base.to_string(), joined));
                }
                None => vars.push((k.to_string(), v.to_string())),
            }
        }
        run_body(call.interp, ctx.with_env(vars), &body, call.span)
    }
}

pub struct Timeout;
static TIMEOUT: StepSpec = StepSpec {
    name: "timeout",
    summary: "Abort the block if it runs too long (the build becomes ABORTED).",
    params: &[
        req("time", T::Number, "how long"),
        opt("unit", T::String, "SECONDS, MINUTES (default), HOURS…"),
        opt(
            "activity",
            T::Bool,
            "count from the last log output instead of the start",
        ),
    ],
    positional: Some("time"),
    body: Body::Required,
    returns: "the block's value",
    example: "timeout(time: 10, unit: 'MINUTES') { sh './integration-tests.sh' }",
    side_effects: false,
    open_params: false,
};

/// Fires `token` when `deadline` passes unless `done` is set first.
fn arm_timer(
    token: Arc<CancelToken>,
    limit: Duration,
    done: Arc<(Mutex<bool>, Condvar)>,
    message: String,
) {
    std::thread::spawn(move || {
        let (lock, cvar) = &*done;
        let deadline = Instant::now() + limit;
        let mut finished = lock.lock();
        while !*finished {
            let now = Instant::now();
            if now >= deadline {
                token.fire(FLOW_INTERRUPTED, Some(message));
                return;
            }
            cvar.wait_for(&mut finished, deadline - now);
        }
    });
}

impl Step for Timeout {
    fn spec(&self) -> &'static StepSpec {
        &TIMEOUT
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("timeout")?;
        let limit = timeout_limit(&call.args)?;
        with_timeout(call.interp, call.run, limit, &mut || {
            call.interp.call_closure(&body, Vec::new(), call.span)
        })
    }
}

/// The limit of a `timeout` step or option.
pub fn timeout_limit(args: &super::StepArgs) -> R<Duration> {
    let time = args.number("timeout", "time")?.unwrap_or(0.0);
    duration_of("timeout", time, args.string("unit").as_deref(), "MINUTES")
}

/// Runs `body`, interrupting it (and killing its processes) when `limit` passes.
pub fn with_timeout(
    interp: &Interp,
    run: &Run,
    limit: Duration,
    body: &mut dyn FnMut() -> R<Value>,
) -> R<Value> {
    let prefix = StepCtx::current(interp).log_prefix();
    run.log.line(
        &prefix,
        &format!("Timeout set to expire in {}", human_duration(limit)),
    );
    let token = Arc::new(CancelToken::new());
    let done = Arc::new((Mutex::new(false), Condvar::new()));
    arm_timer(
        token.clone(),
        limit,
        done.clone(),
        "Timeout has been exceeded".into(),
    );
    let r = interp.with_token(token.clone(), body);
    {
        let (lock, cvar) = &*done;
        *lock.lock() = true;
        cvar.notify_all();
    }
    if token.fired() && r.is_err() {
        run.log
            .line(&prefix, "Cancelling nested steps due to timeout");
    }
    r
}

pub struct Retry;
static RETRY: StepSpec = StepSpec {
    name: "retry",
    summary: "Run the block again when it fails, up to `count` times in all.",
    params: &[
        req("count", T::Int, "attempts in all"),
        opt("conditions", T::List, "when to retry"),
    ],
    positional: Some("count"),
    body: Body::Required,
    returns: "the block's value",
    example: "retry(3) { sh 'curl -fsS http://svc/health' }",
    side_effects: false,
    open_params: false,
};

impl Step for Retry {
    fn spec(&self) -> &'static StepSpec {
        &RETRY
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("retry")?;
        let count = call.args.int("retry", "count")?.unwrap_or(1);
        with_retry(call.interp, call.run, count, &mut || {
            call.interp.call_closure(&body, Vec::new(), call.span)
        })
    }
}

/// Runs `body` up to `count` times until it succeeds.
pub fn with_retry(
    interp: &Interp,
    run: &Run,
    count: i64,
    body: &mut dyn FnMut() -> R<Value>,
) -> R<Value> {
    let count = count.max(1);
    let prefix = StepCtx::current(interp).log_prefix();
    let mut attempt = 1;
    loop {
        match body() {
            Ok(v) => return Ok(v),
            Err(f @ Flow::Throw(_)) => {
                // An abort of the whole build is not retried.
                if attempt >= count || run.abort.fired() {
                    return Err(f);
                }
                run.log.line(&prefix, &format!("ERROR: {}", error_text(&f)));
                run.log.line(&prefix, "Retrying");
                attempt += 1;
            }
            Err(f) => return Err(f),
        }
    }
}

pub struct WaitUntil;
static WAIT_UNTIL: StepSpec = StepSpec {
    name: "waitUntil",
    summary: "Run the block until it returns true, waiting longer between tries (up to 15 s).",
    params: &[
        opt("initialRecurrencePeriod", T::Int, "first wait in ms (250)"),
        opt("quiet", T::Bool, "do not log each wait"),
    ],
    positional: None,
    body: Body::Required,
    returns: "null",
    example: "waitUntil { sh(script: 'curl -fs http://svc/health', returnStatus: true) == 0 }",
    side_effects: false,
    open_params: false,
};

impl Step for WaitUntil {
    fn spec(&self) -> &'static StepSpec {
        &WAIT_UNTIL
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("waitUntil")?;
        let mut wait_ms = call
            .args
            .int("waitUntil", "initialRecurrencePeriod")?
            .unwrap_or(250)
            .clamp(250, 15_000) as u64;
        let quiet = call.args.bool("quiet").unwrap_or(false);
        let prefix = StepCtx::current(call.interp).log_prefix();
        loop {
            let v = call.interp.call_closure(&body, Vec::new(), call.span)?;
            if call.interp.truthy(&v)? {
                return Ok(Value::Null);
            }
            if !quiet {
                call.run.log.line(
                    &prefix,
                    &format!(
                        "Will try again after {}",
                        human_duration(Duration::from_millis(wait_ms))
                    ),
                );
            }
            let deadline = Instant::now() + Duration::from_millis(wait_ms);
            while Instant::now() < deadline {
                check_interrupted(call)?;
                std::thread::sleep(Duration::from_millis(20));
            }
            wait_ms = (wait_ms as f64 * 1.2).min(15_000.0) as u64;
        }
    }
}

pub struct CatchError;
static CATCH_ERROR: StepSpec = StepSpec {
    name: "catchError",
    summary: "Run the block; if it fails, set the build and stage results and carry on.",
    params: &[
        opt("message", T::String, "printed when an error is caught"),
        opt(
            "buildResult",
            T::String,
            "the build result on error (FAILURE)",
        ),
        opt(
            "stageResult",
            T::String,
            "the stage result on error (SUCCESS)",
        ),
        opt(
            "catchInterruptions",
            T::Bool,
            "also catch aborts and timeouts (true)",
        ),
    ],
    positional: None,
    body: Body::Required,
    returns: "null",
    example: "catchError(buildResult: 'SUCCESS', stageResult: 'FAILURE') { sh 'lint.sh' }",
    side_effects: false,
    open_params: false,
};

fn catch_error(call: &StepCall<'_>, build: BuildResult, stage: BuildResult) -> R<Value> {
    let body = call.args.body("catchError")?;
    let catch_interruptions = call.args.bool("catchInterruptions").unwrap_or(true);
    match call.interp.call_closure(&body, Vec::new(), call.span) {
        Ok(_) => Ok(Value::Null),
        Err(Flow::Throw(t)) => {
            let f = Flow::Throw(t);
            let interrupted = matches!(&f, Flow::Throw(t) if is_interruption(&t.value));
            if interrupted && !catch_interruptions {
                return Err(f);
            }
            let ctx = StepCtx::current(call.interp);
            let prefix = ctx.log_prefix();
            // As CatchErrorStep's callback: the message, then the error itself.
            if let Some(m) = call.args.string("message") {
                call.run.log.line(&prefix, &format!("ERROR: {m}"));
            }
            call.run.log.line(&prefix, &failure_report(&f));
            let (build, stage) = if interrupted {
                (BuildResult::Aborted, BuildResult::Aborted)
            } else {
                (build, stage)
            };
            if build != BuildResult::Success {
                call.run.set_result(build);
            }
            ctx.mark_stage(stage);
            Ok(Value::Null)
        }
        Err(other) => Err(other),
    }
}

impl Step for CatchError {
    fn spec(&self) -> &'static StepSpec {
        &CATCH_ERROR
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let build = call
            .args
            .string("buildResult")
            .map_or(BuildResult::Failure, |s| BuildResult::from_jenkins(&s));
        let stage = call
            .args
            .string("stageResult")
            .map_or(BuildResult::Success, |s| BuildResult::from_jenkins(&s));
        catch_error(call, build, stage)
    }
}

pub struct WarnError;
static WARN_ERROR: StepSpec = StepSpec {
    name: "warnError",
    summary: "Run the block; if it fails, mark the build and stage UNSTABLE and carry on.",
    params: &[
        req("message", T::String, "printed when an error is caught"),
        opt(
            "catchInterruptions",
            T::Bool,
            "also catch aborts and timeouts (true)",
        ),
    ],
    positional: Some("message"),
    body: Body::Required,
    returns: "null",
    example: "warnError('flaky tests') { sh './e2e.sh' }",
    side_effects: false,
    open_params: false,
};

impl Step for WarnError {
    fn spec(&self) -> &'static StepSpec {
        &WARN_ERROR
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        catch_error(call, BuildResult::Unstable, BuildResult::Unstable)
    }
}

pub struct Script;
static SCRIPT: StepSpec = StepSpec {
    name: "script",
    summary: "Scripted Groovy inside a Declarative `steps` block.",
    params: &[],
    positional: None,
    body: Body::Required,
    returns: "the block's value",
    example: "script { def tag = sh(script: 'git describe', returnStdout: true).trim() }",
    side_effects: false,
    open_params: false,
};

impl Step for Script {
    fn spec(&self) -> &'static StepSpec {
        &SCRIPT
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("script")?;
        call.interp.call_closure(&body, Vec::new(), call.span)
    }
}

pub struct Parallel;
static PARALLEL: StepSpec = StepSpec {
    name: "parallel",
    summary:
        "Run named closures concurrently; `failFast: true` stops the others on the first failure.",
    params: &[opt(
        "failFast",
        T::Bool,
        "abort the other branches when one fails",
    )],
    positional: None,
    body: Body::None,
    returns: "a map of branch name to the branch's value",
    example: "parallel linux: { sh 'make' }, mac: { sh 'make' }, failFast: true",
    side_effects: false,
    open_params: true,
};

/// One branch of a `parallel`: its name and the code to run.
pub struct Branch {
    pub name: String,
    pub run: BranchFn,
}

/// The code of a parallel branch, run on the branch's own interpreter.
pub type BranchFn = Box<dyn FnOnce(&Interp) -> R<Value> + Send>;

/// Runs branches concurrently, each on its own thread with its own interpreter, as
/// Jenkins' `parallel` does: every failure logs `Failed in branch X`; with `fail_fast` the
/// first failure interrupts the others; the most severe failure is rethrown.
pub fn run_parallel(
    interp: &Interp,
    run: &Arc<Run>,
    branches: Vec<Branch>,
    fail_fast: bool,
) -> R<Vec<(String, Value)>> {
    let parent = StepCtx::current(interp);
    let prefix = parent.log_prefix();
    let tokens: Vec<Arc<CancelToken>> = branches
        .iter()
        .map(|_| Arc::new(CancelToken::new()))
        .collect();
    let names: Vec<String> = branches.iter().map(|b| b.name.clone()).collect();
    type Outcome = (usize, Result<Value, (BuildResult, Box<Thrown>, bool)>);
    let (tx, rx) = std::sync::mpsc::channel::<Outcome>();
    let mut handles = Vec::new();
    for (i, b) in branches.into_iter().enumerate() {
        let child = interp.fork();
        let ctx = Arc::new(parent.with_branch(&b.name));
        let token = tokens[i].clone();
        let tx = tx.clone();
        let name = b.name.clone();
        let body = b.run;
        let spawned = std::thread::Builder::new()
            .name(format!("branch {name}"))
            .stack_size(256 << 20)
            .spawn(move || {
                child.ext.borrow_mut().push(ctx);
                child.tokens.borrow_mut().push(token);
                let r = body(&child);
                let out = match r {
                    Ok(v) => Ok(v),
                    Err(f) => {
                        let result = result_of_error(&f);
                        let is_halt = matches!(f, Flow::Halt(_));
                        let thrown = match f {
                            Flow::Throw(t) => t,
                            other => Box::new(Thrown {
                                value: crate::eval::error::exception_value(
                                    FLOW_INTERRUPTED,
                                    Some(error_text(&other)),
                                    None,
                                ),
                                span: None,
                                trace: Vec::new(),
                            }),
                        };
                        Err((result, thrown, is_halt))
                    }
                };
                let _ = tx.send((i, out));
            });
        match spawned {
            Ok(h) => handles.push(h),
            Err(e) => {
                return throw(
                    "java.lang.OutOfMemoryError",
                    format!("cannot start a branch thread: {e}"),
                )
            }
        }
    }
    drop(tx);
    let mut results: Vec<Option<Value>> = vec![None; names.len()];
    let mut failures: Vec<(BuildResult, Box<Thrown>, bool, usize)> = Vec::new();
    for (i, out) in rx {
        match out {
            Ok(v) => results[i] = Some(v),
            Err((result, thrown, halt)) => {
                run.log
                    .line(&prefix, &format!("Failed in branch {}", names[i]));
                if fail_fast && failures.is_empty() {
                    for (j, t) in tokens.iter().enumerate() {
                        if j != i {
                            t.fire(
                                FLOW_INTERRUPTED,
                                Some(format!("Failed in branch {}", names[i])),
                            );
                        }
                    }
                }
                failures.push((result, thrown, halt, i));
            }
        }
    }
    for h in handles {
        let _ = h.join();
    }
    if !failures.is_empty() {
        // As ParallelStep: plain exceptions are more severe than AbortException, which is
        // more severe than an interruption; ties go to the earliest.
        let rank = |t: &Thrown, halt: bool| match &t.value {
            _ if halt => 3,
            Value::Exception(e) if &*e.class == FLOW_INTERRUPTED => 2,
            Value::Exception(e) if &*e.class == "hudson.AbortException" => 1,
            _ => 0,
        };
        failures.sort_by_key(|(_, thrown, halt, _)| rank(thrown, *halt));
        let (_, thrown, halt, _) = failures.remove(0);
        if halt {
            return Err(Flow::Halt(crate::eval::error::HaltReason::Interrupted));
        }
        return Err(Flow::Throw(thrown));
    }
    Ok(names
        .into_iter()
        .zip(results)
        .map(|(n, v)| (n, v.unwrap_or(Value::Null)))
        .collect())
}

impl Step for Parallel {
    fn spec(&self) -> &'static StepSpec {
        &PARALLEL
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let fail_fast = call.args.bool("failFast").unwrap_or(false);
        let mut branches = Vec::new();
        for (name, v) in &call.args.named {
            if name == "failFast" {
                continue;
            }
            let Value::Closure(c) = v else {
                return throw(
                    "java.lang.IllegalArgumentException",
                    format!(
                        "Expected a closure or failFast but found {name}={}",
                        to_display(v)
                    ),
                );
            };
            let c = c.clone();
            let span = call.span;
            branches.push(Branch {
                name: name.clone(),
                run: Box::new(move |interp: &Interp| interp.call_closure(&c, Vec::new(), span)),
            });
        }
        let out = run_parallel(call.interp, call.run, branches, fail_fast)?;
        Ok(Value::map(
            out.into_iter()
                .map(|(k, v)| (HKey(Value::string(k)), v))
                .collect(),
        ))
    }
}
