//! Executes a Declarative pipeline model the way Jenkins' `ModelInterpreter` does: the
//! top-level agent, environment, options and tools around the stages, then `post`; inside
//! a stage: options → input → agent → when → environment → tools → body → post, with the
//! `beforeOptions/beforeInput/beforeAgent` variants of `when`, skipped-stage messages, and
//! the result rules of `BuildCondition`.

use std::sync::Arc;
use std::time::Instant;

use super::context::StepCtx;
use super::result::BuildResult;
use super::run::{Run, StageStatus};
use crate::eval::error::{exception, Flow, R};
use crate::eval::interp::Env;
use crate::eval::scope::Scope;
use crate::eval::value::{to_display, ThisRef, Value};
use crate::eval::Interp;
use crate::model::{
    Agent, AgentKind, Comparator, Condition, ConditionKind, DirectiveCall, EnvEntry, Matrix,
    Pipeline, Post, PostKind, Stage, StageBody, Steps, When,
};
use crate::steps::blocks::{
    error_text, result_of_error, run_parallel, timeout_limit, with_retry, with_timeout, Branch,
};
use crate::syntax::ast::Script;

/// Everything a stage needs while running.
struct Exec<'a> {
    interp: &'a Interp,
    run: &'a Arc<Run>,
    /// The scope the `pipeline { }` block was written in (top-level variables, methods).
    scope: Arc<Scope>,
    /// Options in force for the whole pipeline.
    skip_after_unstable: bool,
    always_fail_fast: bool,
}

/// Runs the model of the script's `pipeline { }` block.
pub fn run(
    interp: &Interp,
    run: &Arc<Run>,
    script: &Script,
    pipeline: &Pipeline,
    scope: &Arc<Scope>,
) -> R<()> {
    // Top-level code around the pipeline block (helper methods, classes, variables) is
    // defined first, as Groovy compiles it; statements before the block run before it.
    interp.declare_all(&script.body)?;
    let env = Env::script(scope.clone());
    for s in &script.body {
        if is_pipeline_call(s) {
            break;
        }
        interp.exec(s, &env, None)?;
    }
    let mut defs = Vec::new();
    for p in &pipeline.parameters {
        let default = match &p.default {
            Some(e) => interp.eval(e, &env)?,
            None => Value::Null,
        };
        let choices = match &p.choices {
            Some(e) => match interp.eval(e, &env)? {
                Value::List(l) => l.snapshot().iter().map(to_display).collect(),
                other => to_display(&other).lines().map(str::to_string).collect(),
            },
            None => Vec::new(),
        };
        defs.push(super::input::InputParam::new(
            &p.kind.name,
            p.name.clone(),
            default,
            choices,
            String::new(),
        ));
    }
    super::params::define(run, &defs).map_err(|f| f.at(pipeline.span))?;
    let exec = Exec {
        interp,
        run,
        scope: scope.clone(),
        skip_after_unstable: pipeline
            .options
            .iter()
            .any(|o| o.name.name == "skipStagesAfterUnstable"),
        always_fail_fast: pipeline
            .options
            .iter()
            .any(|o| o.name.name == "parallelsAlwaysFailFast"),
    };
    exec.pipeline(pipeline)
}

fn is_pipeline_call(s: &crate::syntax::ast::Stmt) -> bool {
    use crate::syntax::ast::{ExprKind, StmtKind};
    matches!(&s.kind, StmtKind::Expr(e) if matches!(&e.kind, ExprKind::Call { name, .. } if name.name == "pipeline"))
}

impl Exec<'_> {
    fn env(&self) -> Env {
        Env {
            scope: Scope::child(&self.scope),
            this: ThisRef::Script,
            delegate: None,
            delegate_first: false,
            closure: None,
        }
    }

    fn ctx(&self) -> Arc<StepCtx> {
        StepCtx::current(self.interp)
    }

    fn log(&self, text: &str) {
        self.run.log.line(&self.ctx().log_prefix(), text);
    }

    fn eval(&self, e: &crate::syntax::ast::Expr) -> R<Value> {
        self.interp.eval(e, &self.env())
    }

    fn eval_string(&self, e: &crate::syntax::ast::Expr) -> R<String> {
        Ok(to_display(&self.eval(e)?))
    }

    /// Runs a block of steps in a scope of its own.
    fn steps(&self, steps: &Steps) -> R<Value> {
        match self.interp.exec_block(&steps.stmts, &self.env()) {
            Ok(v) | Err(Flow::Return(v)) => Ok(v),
            Err(f) => Err(f),
        }
    }

    /// Runs `f` with a derived context pushed.
    fn within<T>(&self, ctx: StepCtx, f: impl FnOnce() -> T) -> T {
        self.interp.with_ext(Arc::new(ctx), f)
    }

    fn pipeline(&self, p: &Pipeline) -> R<()> {
        let body = || -> R<()> {
            self.with_agent(p.agent.as_ref(), || {
                self.with_environment(&p.environment, || {
                    self.with_options(&p.options, &|| {
                        let outcome = self.stages(&p.stages);
                        let error = outcome.as_ref().err().map(result_of_error);
                        let post = self.post(&p.post, None, error);
                        outcome.and(post)
                    })
                })
            })
        };
        body()
    }

    /// Sequential stages: after the first failure the rest are skipped.
    fn stages(&self, stages: &[Stage]) -> R<()> {
        let mut failure: Option<Flow> = None;
        for s in stages {
            if failure.is_some() {
                self.skip(s, "earlier failure(s)");
                continue;
            }
            if self.skip_after_unstable && self.run.current_result() == BuildResult::Unstable {
                self.skip(s, "earlier stage(s) marking the build as unstable");
                continue;
            }
            if let Err(f) = self.stage(s, Vec::new()) {
                failure = Some(f);
            }
        }
        match failure {
            Some(f) => Err(f),
            None => Ok(()),
        }
    }

    /// `--stage`: whether a stage runs (it, an enclosing or a nested stage is selected).
    fn selected(&self, parents: &[String], s: &Stage) -> bool {
        fn nested(s: &Stage, only: &[String]) -> bool {
            let inner: &[Stage] = match &s.body {
                StageBody::Stages(v) | StageBody::Parallel(v) => v,
                StageBody::Matrix(m) => &m.stages,
                StageBody::Steps(_) => &[],
            };
            inner
                .iter()
                .any(|i| only.contains(&i.name) || nested(i, only))
        }
        let only = &self.run.config.only_stages;
        let mut path = parents.to_vec();
        path.push(s.name.clone());
        self.run.stage_selected(&path) || nested(s, only)
    }

    fn skip(&self, s: &Stage, why: &str) {
        self.log(&format!("Stage \"{}\" skipped due to {why}", s.name));
        let mut path = self.ctx().stages.clone();
        path.push(s.name.clone());
        self.run
            .record_stage(path, StageStatus::Skipped, std::time::Duration::ZERO);
        // Nested stages are shown as skipped too.
        if let StageBody::Stages(inner) | StageBody::Parallel(inner) = &s.body {
            let ctx = self.ctx().with_stage(&s.name);
            self.within(ctx, || {
                for i in inner {
                    self.skip(i, why);
                }
            });
        }
    }

    /// One stage, in Jenkins' order. `cell_env` holds a matrix cell's axis values.
    fn stage(&self, s: &Stage, cell_env: Vec<(String, String)>) -> R<()> {
        let parent = self.ctx();
        if !self.selected(&parent.stages, s) {
            self.log(&format!(
                "Stage \"{}\" skipped (not selected by --stage)",
                s.name
            ));
            let mut path = parent.stages.clone();
            path.push(s.name.clone());
            self.run
                .record_stage(path, StageStatus::Skipped, std::time::Duration::ZERO);
            return Ok(());
        }
        let ctx = Arc::new(parent.with_stage(&s.name).with_env(cell_env));
        self.run
            .log
            .line(&parent.log_prefix(), &format!("[Pipeline] {{ ({})", s.name));
        let started = Instant::now();
        let record = self.run.begin_stage(ctx.stages.clone());
        let skipped = std::cell::Cell::new(false);
        let r = self.interp.with_ext(ctx.clone(), || -> R<()> {
            let when = s.when.as_ref();
            let gate = |flag: bool| -> R<bool> {
                match when {
                    Some(w) if flag => self.when_allows(w),
                    _ => Ok(true),
                }
            };
            let before_options = when.is_some_and(|w| w.before_options);
            let before_input = when.is_some_and(|w| w.before_input) && !before_options;
            let before_agent =
                when.is_some_and(|w| w.before_agent) && !before_options && !before_input;
            let at_default = when.is_some() && !before_options && !before_input && !before_agent;
            if !gate(before_options)? {
                skipped.set(true);
                return Ok(());
            }
            self.with_options(&s.options, &|| {
                if !gate(before_input)? {
                    skipped.set(true);
                    return Ok(());
                }
                if let Some(input) = &s.input {
                    let answers = super::input::stage_input(
                        self.interp,
                        self.run,
                        &s.name,
                        input,
                        &self.env(),
                    )?;
                    let c = self.ctx().with_env(answers);
                    return self.within(c, || {
                        self.stage_after_input(s, &gate, before_agent, at_default, &skipped)
                    });
                }
                self.stage_after_input(s, &gate, before_agent, at_default, &skipped)
            })
        });
        let duration = started.elapsed();
        if skipped.get() {
            self.run.log.line(
                &parent.log_prefix(),
                &format!("Stage \"{}\" skipped due to when conditional", s.name),
            );
            self.run.end_stage(record, StageStatus::Skipped, duration);
        } else {
            let status = match &r {
                Ok(()) => StageStatus::from_result(ctx.stage_result()),
                Err(f) => StageStatus::from_result(result_of_error(f).combine(ctx.stage_result())),
            };
            self.run.end_stage(record, status, duration);
        }
        self.run.log.line(
            &parent.log_prefix(),
            &format!("[Pipeline] }} // {}", s.name),
        );
        if let Err(f) = &r {
            let result = result_of_error(f);
            self.run.set_result(result);
        }
        r
    }

    fn stage_after_input(
        &self,
        s: &Stage,
        gate: &dyn Fn(bool) -> R<bool>,
        before_agent: bool,
        at_default: bool,
        skipped: &std::cell::Cell<bool>,
    ) -> R<()> {
        if !gate(before_agent)? {
            skipped.set(true);
            return Ok(());
        }
        self.with_agent(s.agent.as_ref(), || {
            if !gate(at_default)? {
                skipped.set(true);
                return Ok(());
            }
            self.with_environment(&s.environment, || {
                let body = self.stage_body(s);
                let error = body.as_ref().err().map(result_of_error);
                let ctx = self.ctx();
                let post = self.post(&s.post, Some(&ctx), error);
                body.and(post)
            })
        })
    }

    fn stage_body(&self, s: &Stage) -> R<()> {
        match &s.body {
            StageBody::Steps(steps) => self.steps(steps).map(|_| ()),
            StageBody::Stages(inner) => self.stages(inner),
            StageBody::Parallel(inner) => {
                self.parallel(inner, s.fail_fast || self.always_fail_fast)
            }
            StageBody::Matrix(m) => self.matrix(m, s.fail_fast || self.always_fail_fast),
        }
    }

    fn parallel(&self, stages: &[Stage], fail_fast: bool) -> R<()> {
        let branches = stages
            .iter()
            .map(|st| self.branch(st.name.clone(), st.clone(), Vec::new()))
            .collect();
        run_parallel(self.interp, self.run, branches, fail_fast).map(|_| ())
    }

    /// A parallel branch running one stage on its own interpreter.
    fn branch(&self, name: String, st: Stage, cell_env: Vec<(String, String)>) -> Branch {
        let run = self.run.clone();
        let scope = self.scope.clone();
        let (skip, fail_fast) = (self.skip_after_unstable, self.always_fail_fast);
        Branch {
            name,
            run: Box::new(move |interp: &Interp| {
                let exec = Exec {
                    interp,
                    run: &run,
                    scope,
                    skip_after_unstable: skip,
                    always_fail_fast: fail_fast,
                };
                exec.stage(&st, cell_env).map(|()| Value::Null)
            }),
        }
    }

    fn matrix(&self, m: &Matrix, fail_fast: bool) -> R<()> {
        let mut cells: Vec<Vec<(String, String)>> = vec![Vec::new()];
        for axis in &m.axes {
            let mut next = Vec::new();
            for cell in &cells {
                for v in &axis.values {
                    let mut c = cell.clone();
                    c.push((axis.name.clone(), v.clone()));
                    next.push(c);
                }
            }
            cells = next;
        }
        cells.retain(|cell| {
            !m.excludes.iter().any(|ex| {
                ex.axes.iter().all(|a| {
                    let value = cell
                        .iter()
                        .find(|(n, _)| *n == a.name)
                        .map(|(_, v)| v.as_str());
                    let listed = value.is_some_and(|v| a.values.iter().any(|x| x == v));
                    listed != a.negated
                })
            })
        });
        let branches = cells
            .into_iter()
            .map(|cell| {
                let label = cell
                    .iter()
                    .map(|(k, v)| format!("{k} = '{v}'"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let cell_stage = Stage {
                    name: format!("Matrix - {label}"),
                    name_span: m.span,
                    agent: m.agent.clone(),
                    when: m.when.clone(),
                    environment: m.environment.clone(),
                    options: m.options.clone(),
                    input: m.input.clone(),
                    tools: m.tools.clone(),
                    body: StageBody::Stages(m.stages.clone()),
                    post: m.post.clone(),
                    fail_fast: false,
                    span: m.span,
                };
                self.branch(format!("Matrix - {label}"), cell_stage, cell)
            })
            .collect();
        run_parallel(self.interp, self.run, branches, fail_fast).map(|_| ())
    }

    // ------------------------------------------------------------------ directives

    fn with_agent(&self, agent: Option<&Agent>, body: impl FnOnce() -> R<()>) -> R<()> {
        let Some(agent) = agent else {
            return body();
        };
        match &agent.kind {
            AgentKind::None => body(),
            AgentKind::Any | AgentKind::Label { .. } => {
                let ws = match &agent.kind {
                    AgentKind::Label {
                        custom_workspace: Some(w),
                        ..
                    } => {
                        let p = self.run.config.workspace.join(self.eval_string(w)?);
                        if !self.run.config.dry_run {
                            let _ = std::fs::create_dir_all(&p);
                        }
                        p
                    }
                    _ => self.run.config.workspace.clone(),
                };
                self.log(&format!("Running on local in {}", ws.display()));
                let ctx = self
                    .ctx()
                    .with_node("local")
                    .with_cwd(ws.clone())
                    .with_env([("WORKSPACE".to_string(), ws.display().to_string())]);
                self.within(ctx, body)
            }
            AgentKind::Docker(_) | AgentKind::Dockerfile(_) if self.run.config.dry_run => {
                self.log("[dry-run] would run in a Docker agent");
                body()
            }
            AgentKind::Docker(_) | AgentKind::Dockerfile(_) => Err(exception(
                "hudson.AbortException",
                Some("Docker agents are not supported by this build of pipewright yet".into()),
            )
            .at(agent.span)),
            AgentKind::Other { name, .. } => Err(exception(
                "hudson.AbortException",
                Some(format!("agent type \"{name}\" is not supported; use any, none, label, docker or dockerfile")),
            )
            .at(agent.span)),
        }
    }

    fn with_environment(&self, entries: &[EnvEntry], body: impl FnOnce() -> R<()>) -> R<()> {
        if entries.is_empty() {
            return body();
        }
        // Each value sees the ones before it (`B = "${A}-x"`).
        let mut ctx = (*self.ctx()).clone();
        // Secret files live until the block ends.
        let mut files = Vec::new();
        for e in entries {
            let vars: Vec<(String, String)> = match &e.credentials {
                Some(id) => {
                    let id = self
                        .interp
                        .with_ext(Arc::new(ctx.clone()), || self.eval_string(id))?;
                    let bound =
                        super::credentials::bind_env_credential(self.run, &e.name.name, &id)
                            .map_err(|f| f.at(e.span))?;
                    let secret_vars = bound.secret_vars();
                    ctx = ctx
                        .with_secrets(bound.secrets)
                        .with_secret_vars(secret_vars);
                    files.extend(bound.files);
                    bound.vars
                }
                None => {
                    let v = self
                        .interp
                        .with_ext(Arc::new(ctx.clone()), || self.eval(&e.value))?;
                    vec![(e.name.name.clone(), to_display(&v))]
                }
            };
            ctx = ctx.with_env(vars);
        }
        let r = self.within(ctx, body);
        drop(files);
        r
    }

    /// Wraps the body in the block options (`timeout`, `retry`); other options are flags
    /// read elsewhere or have no local effect.
    fn with_options(&self, options: &[DirectiveCall], body: &dyn Fn() -> R<()>) -> R<()> {
        let Some((first, rest)) = options.split_first() else {
            return body();
        };
        let name = first.name.name.as_str();
        let wrapper = match name {
            "timeout" | "retry" => crate::steps::find(name),
            _ => None,
        };
        let Some(step) = wrapper else {
            return self.with_options(rest, body);
        };
        let values = self.interp.eval_args(&first.args, &self.env())?;
        let prefix = self.ctx().log_prefix();
        let args = crate::steps::bind_option_args(step.spec(), &values, self.run, &prefix)
            .map_err(|f| f.at(first.span))?;
        let mut inner = || self.with_options(rest, body).map(|()| Value::Null);
        let r = if name == "timeout" {
            let limit = timeout_limit(&args).map_err(|f| f.at(first.span))?;
            with_timeout(self.interp, self.run, limit, &mut inner)
        } else {
            let count = args
                .int("retry", "count")
                .map_err(|f| f.at(first.span))?
                .unwrap_or(1);
            with_retry(self.interp, self.run, count, &mut inner)
        };
        r.map(|_| ())
    }

    // ------------------------------------------------------------------ when

    fn when_allows(&self, w: &When) -> R<bool> {
        for c in &w.conditions {
            if !self.condition(c)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn env_var(&self, name: &str) -> Option<String> {
        super::globals::env_lookup(self.run, &self.ctx(), name)
    }

    fn condition(&self, c: &Condition) -> R<bool> {
        Ok(match &c.kind {
            ConditionKind::Branch {
                pattern,
                comparator,
            } => {
                let pat = self.eval_string(pattern)?;
                let branch = self
                    .env_var("BRANCH_NAME")
                    .or_else(|| self.env_var("GIT_LOCAL_BRANCH"));
                branch.is_some_and(|b| matches(&pat, &b, *comparator, true))
            }
            ConditionKind::Tag {
                pattern,
                comparator,
            } => match self.env_var("TAG_NAME") {
                None => false,
                Some(tag) => match pattern {
                    None => true,
                    Some(p) => {
                        let pat = self.eval_string(p)?;
                        pat.is_empty() || matches(&pat, &tag, *comparator, true)
                    }
                },
            },
            ConditionKind::BuildingTag => self.env_var("TAG_NAME").is_some(),
            ConditionKind::Environment {
                name,
                value,
                ignore_case,
            } => {
                let n = self.eval_string(name)?;
                let want = self.eval_string(value)?;
                match self.env_var(&n) {
                    Some(v) if *ignore_case => v.eq_ignore_ascii_case(&want),
                    Some(v) => v == want,
                    None => false,
                }
            }
            ConditionKind::Equals { expected, actual } => {
                let a = self.eval(expected)?;
                let b = self.eval(actual)?;
                crate::eval::ops::groovy_equals(self.interp, &a, &b)?
            }
            ConditionKind::Expression(steps) => {
                let v = self.steps(steps)?;
                self.interp.truthy(&v)?
            }
            ConditionKind::ChangeRequest {
                filters,
                comparator,
            } => {
                if self.env_var("CHANGE_ID").is_none() {
                    false
                } else {
                    let mut ok = true;
                    for (field, pat) in filters {
                        let var = format!("CHANGE_{}", upper_snake(field));
                        let pat = self.eval_string(pat)?;
                        ok &= self
                            .env_var(&var)
                            .is_some_and(|v| matches(&pat, &v, *comparator, true));
                    }
                    ok
                }
            }
            ConditionKind::Changelog { pattern } => {
                let pat = self.eval_string(pattern)?;
                let re = match crate::eval::regex::JavaRegex::new(&pat) {
                    Ok(re) => re,
                    Err(e) => return Err(crate::eval::ops::regex_err(e)),
                };
                // Like ChangeLogConditional: the first line or the whole message.
                super::scm::changelog(self.run, &self.ctx().cwd)
                    .iter()
                    .any(|m| {
                        let first = m.lines().next().unwrap_or("");
                        re.full_match(first).unwrap_or(false) || re.full_match(m).unwrap_or(false)
                    })
            }
            ConditionKind::Changeset {
                pattern,
                comparator,
                case_sensitive,
            } => {
                let pat = self.eval_string(pattern)?;
                super::scm::changed_files(self.run, &self.ctx().cwd)
                    .iter()
                    .any(|f| matches(&pat, f, *comparator, *case_sensitive))
            }
            ConditionKind::TriggeredBy { cause, .. } => {
                let c = self.eval_string(cause)?;
                c == "UserIdCause" || c == "UserCause" || c == "Cause$UserIdCause"
            }
            ConditionKind::IsRestartedRun => false,
            ConditionKind::Not(inner) => !self.condition(inner)?,
            ConditionKind::AllOf(all) => {
                for i in all {
                    if !self.condition(i)? {
                        return Ok(false);
                    }
                }
                true
            }
            ConditionKind::AnyOf(any) => {
                for i in any {
                    if self.condition(i)? {
                        return Ok(true);
                    }
                }
                false
            }
        })
    }

    // ------------------------------------------------------------------ post

    /// Runs the post conditions that hold, in Jenkins' order. `stage` is the stage's context
    /// (its own result counts too) or `None` for the pipeline's post.
    fn post(&self, post: &Post, stage: Option<&Arc<StepCtx>>, error: Option<BuildResult>) -> R<()> {
        if post.conditions.is_empty() {
            return Ok(());
        }
        let mut first_error: Option<Flow> = None;
        for block in &post.conditions {
            let mut result = self.run.current_result();
            if let Some(e) = error {
                result = result.combine(e);
            }
            if let Some(ctx) = stage {
                result = result.combine(ctx.stage_result());
            }
            if !self.post_applies(block.kind, result) {
                continue;
            }
            self.log(&format!("Post stage: {}", block.kind.name()));
            if let Err(f) = self.steps(&block.steps) {
                self.log(&format!(
                    "Error when executing {} post condition:",
                    block.kind.name()
                ));
                self.log(&error_text(&f));
                self.run.set_result(result_of_error(&f));
                if let Some(ctx) = stage {
                    ctx.mark_stage(result_of_error(&f));
                }
                if first_error.is_none() {
                    first_error = Some(f);
                }
            }
        }
        match first_error {
            Some(f) => Err(f),
            None => Ok(()),
        }
    }

    fn post_applies(&self, kind: PostKind, result: BuildResult) -> bool {
        let previous = self.run.config.previous.as_ref().map(|p| p.result);
        match kind {
            PostKind::Always | PostKind::Cleanup => true,
            PostKind::Changed => previous.is_none_or(|p| p != result),
            PostKind::Fixed => {
                result == BuildResult::Success
                    && matches!(previous, Some(BuildResult::Failure | BuildResult::Unstable))
            }
            PostKind::Regression => previous.is_some_and(|p| result.is_worse_than(p)),
            PostKind::Aborted => result == BuildResult::Aborted,
            PostKind::Success => result == BuildResult::Success,
            PostKind::Unsuccessful => result != BuildResult::Success,
            PostKind::Unstable => result == BuildResult::Unstable,
            PostKind::Failure => result == BuildResult::Failure,
            PostKind::NotBuilt => result == BuildResult::NotBuilt,
        }
    }
}

/// The stages of a pipeline as an indented outline (`run --list`).
pub fn stage_outline(p: &Pipeline) -> Vec<String> {
    fn walk(stages: &[Stage], depth: usize, out: &mut Vec<String>) {
        for s in stages {
            let kind = match &s.body {
                StageBody::Steps(_) => "",
                StageBody::Stages(_) => " (stages)",
                StageBody::Parallel(_) => " (parallel)",
                StageBody::Matrix(_) => " (matrix)",
            };
            let when = if s.when.is_some() { " [when]" } else { "" };
            out.push(format!("{}{}{kind}{when}", "  ".repeat(depth), s.name));
            match &s.body {
                StageBody::Stages(v) | StageBody::Parallel(v) => walk(v, depth + 1, out),
                StageBody::Matrix(m) => walk(&m.stages, depth + 1, out),
                StageBody::Steps(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&p.stages, 0, &mut out);
    out
}

fn upper_snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// Matches a `when` pattern with Jenkins' comparators: EQUALS, GLOB (Java's path glob:
/// `*` stops at `/`, `**` does not), REGEXP (whole string).
pub fn matches(pattern: &str, value: &str, cmp: Comparator, case_sensitive: bool) -> bool {
    let (p, v) = if case_sensitive {
        (pattern.to_string(), value.to_string())
    } else {
        (pattern.to_lowercase(), value.to_lowercase())
    };
    match cmp {
        Comparator::Equals => p == v,
        Comparator::Regexp => crate::eval::regex::JavaRegex::new(&p)
            .and_then(|re| re.full_match(&v))
            .unwrap_or(false),
        Comparator::Glob => glob_match(&p, &v),
    }
}

fn glob_match(pattern: &str, text: &str) -> bool {
    fn go(p: &[char], t: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('*') if p.get(1) == Some(&'*') => (0..=t.len()).any(|i| go(&p[2..], &t[i..])),
            Some('*') => {
                for i in 0..=t.len() {
                    if go(&p[1..], &t[i..]) {
                        return true;
                    }
                    if t.get(i) == Some(&'/') {
                        break;
                    }
                }
                false
            }
            Some('?') => t.first().is_some_and(|c| *c != '/') && go(&p[1..], &t[1..]),
            Some('{') => {
                let Some(close) = p.iter().position(|c| *c == '}') else {
                    return t.first() == Some(&'{') && go(&p[1..], &t[1..]);
                };
                let alts: String = p[1..close].iter().collect();
                alts.split(',').any(|alt| {
                    let mut q: Vec<char> = alt.chars().collect();
                    q.extend_from_slice(&p[close + 1..]);
                    go(&q, t)
                })
            }
            Some('\\') if p.len() > 1 => t.first() == Some(&p[1]) && go(&p[2..], &t[1..]),
            Some(c) => t.first() == Some(c) && go(&p[1..], &t[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    go(&p, &t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_globs_behave_like_java_path_globs() {
        assert!(matches("release/*", "release/1.0", Comparator::Glob, true));
        assert!(!matches(
            "release/*",
            "release/1.0/hotfix",
            Comparator::Glob,
            true
        ));
        assert!(matches(
            "release/**",
            "release/1.0/hotfix",
            Comparator::Glob,
            true
        ));
        assert!(matches("{main,master}", "master", Comparator::Glob, true));
        assert!(matches("PR-*", "PR-12", Comparator::Glob, true));
        assert!(!matches("main", "mainline", Comparator::Glob, true));
        assert!(matches("feat.*", "feature/x", Comparator::Regexp, true));
        assert!(!matches("feat", "feature", Comparator::Regexp, true));
    }
}
