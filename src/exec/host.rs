//! The pipeline runtime as the evaluator's host: unqualified calls become steps, and the
//! Jenkins globals (`env`, `params`, `currentBuild`) become variables.

use std::sync::Arc;

use super::context::StepCtx;
use super::globals;
use super::run::{Run, TraceEntry};
use crate::eval::error::R;
use crate::eval::interp::Host;
use crate::eval::value::{to_display, Value};
use crate::eval::Interp;
use crate::steps::{self, StepCall};
use crate::syntax::Span;

/// Names the runtime answers as variables, for Jenkins' "No such DSL method" message.
pub const GLOBALS: &[&str] = &["currentBuild", "docker", "env", "params", "pipeline", "scm"];

/// A step argument as Groovy source: describable maps as the call that made them
/// (`string(credentialsId: 'x', variable: 'T')`), closures as `{ … }`.
fn render_arg(v: &Value) -> String {
    match v {
        Value::Closure(_) => "{ … }".to_string(),
        Value::GString(g) => crate::eval::value::to_inspect(&Value::string(g.render())),
        Value::Map(m) => match crate::steps::symbols::symbol_of(v) {
            Some(sym) if m.get(&Value::str("$symbol")).is_some() => {
                let args: Vec<String> = m
                    .snapshot()
                    .iter()
                    .filter(|(k, _)| to_display(k) != "$symbol")
                    .map(|(k, v)| format!("{}: {}", to_display(k), render_arg(v)))
                    .collect();
                format!("{sym}({})", args.join(", "))
            }
            _ => crate::eval::value::to_inspect(v),
        },
        Value::List(l) => format!(
            "[{}]",
            l.snapshot()
                .iter()
                .map(render_arg)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => crate::eval::value::to_inspect(other),
    }
}

thread_local! {
    /// How many step calls are running on this thread (block steps nest).
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

pub struct PipelineHost {
    pub run: Arc<Run>,
}

impl PipelineHost {
    fn trace(&self, interp: &Interp, step: &str, args: &[Value]) {
        let rendered: Vec<String> = args
            .iter()
            .map(|a| match a {
                // Named arguments read as written: `sh(script: 'x', returnStdout: true)`.
                Value::Map(m) if crate::steps::symbols::symbol_of(a).is_none() => m
                    .snapshot()
                    .iter()
                    .map(|(k, v)| format!("{}: {}", to_display(k), render_arg(v)))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => render_arg(other),
            })
            .collect();
        record_call(&self.run, interp, step, &rendered.join(", "));
    }
}

/// Records a call in the run's trace (the `--dry-run` call tree), with secrets masked:
/// steps, and the methods of DSL objects such as `docker.build(…)`.
pub fn record_call(run: &Run, interp: &Interp, call: &str, args: &str) {
    let ctx = StepCtx::current(interp);
    let mut stages = ctx.stages.clone();
    if stages.is_empty() {
        if let Some(legacy) = run.legacy_stage() {
            stages.push(legacy);
        }
    }
    run.trace.lock().push(TraceEntry {
        stages,
        branches: ctx.branches.clone(),
        step: call.to_string(),
        args: run.log.mask(args),
        depth: DEPTH.with(|d| d.get()),
    });
}

/// Runs `f` as the body of a recorded call: calls it makes are nested under it in the trace.
pub fn nested<T>(f: impl FnOnce() -> T) -> T {
    DEPTH.with(|d| d.set(d.get() + 1));
    let r = f();
    DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    r
}

/// A value as Groovy source, for recorded calls.
pub fn render_value(v: &Value) -> String {
    render_arg(v)
}

impl Host for PipelineHost {
    /// In Jenkins, `sleep 5` is the step (seconds), not the GDK's `sleep(ms)`.
    fn shadows_builtin(&self, name: &str) -> bool {
        steps::find(name).is_some()
    }

    fn call_function(
        &self,
        interp: &Interp,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> Option<R<Value>> {
        // Shared-library variables come before steps, as in Jenkins: `name(…)` is `call`.
        if let Some(var) = self.run.loaded.var(name) {
            return Some(interp.call_method(&var, "call", args.to_vec(), span));
        }
        let Some(step) = steps::find(name) else {
            if let Some(sym) = steps::symbols::find(name) {
                return Some(steps::symbols::describe(sym, args).map_err(|m| {
                    crate::eval::error::exception("java.lang.IllegalArgumentException", Some(m))
                        .at(span)
                }));
            }
            return Some(Err(steps::no_such_step(name, GLOBALS).at(span)));
        };
        let spec = step.spec();
        self.trace(interp, name, args);
        let ctx = StepCtx::current(interp);
        let prefix = ctx.log_prefix();
        if let Some(w) = steps::credentials::interpolation_warning(name, args, &ctx) {
            self.run.log.line(&prefix, &w);
        }
        let bound = match steps::bind_args(spec, args, &self.run, &prefix) {
            Ok(b) => b,
            Err(f) => return Some(Err(f.at(span))),
        };
        let call = StepCall {
            interp,
            run: &self.run,
            args: bound,
            span,
        };
        let r = nested(|| {
            if self.run.config.dry_run && spec.side_effects {
                step.dry_run(&call)
            } else {
                step.run(&call)
            }
        });
        Some(r.map_err(|f| f.at(span)))
    }

    fn global(&self, interp: &Interp, name: &str) -> Option<Value> {
        match name {
            "env" => Some(globals::env_value(&self.run)),
            "params" => Some(globals::params_value(&self.run)),
            "currentBuild" => Some(globals::current_build(&self.run)),
            "scm" => steps::scm::scm_global(&self.run),
            "docker" => Some(steps::docker::docker_value(&self.run)),
            _ => {
                if let Some(var) = self.run.loaded.var(name) {
                    return Some(var);
                }
                // Build parameters, then environment variables, can be read as plain
                // variables (`echo ReleaseVersion`, `echo BUILD_NUMBER`).
                if let Some(v) = self.run.params.lock().get(name) {
                    return Some(v.clone());
                }
                let ctx = StepCtx::current(interp);
                globals::env_lookup(&self.run, &ctx, name).map(Value::string)
            }
        }
    }

    fn print(&self, interp: &Interp, text: &str) -> bool {
        let prefix = StepCtx::current(interp).log_prefix();
        self.run.log.write(&prefix, text);
        true
    }
}
