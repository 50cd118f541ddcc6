//! The pipeline runtime as the evaluator's host: unqualified calls become steps, and the
//! Jenkins globals (`env`, `params`, `currentBuild`) become variables.

use std::sync::Arc;

use super::context::StepCtx;
use super::globals;
use super::run::{Run, TraceEntry};
use crate::eval::error::R;
use crate::eval::interp::Host;
use crate::eval::value::Value;
use crate::eval::Interp;
use crate::steps::{self, StepCall};
use crate::syntax::Span;

/// Names the runtime answers as variables, for Jenkins' "No such DSL method" message.
pub const GLOBALS: &[&str] = &["currentBuild", "env", "params", "pipeline", "scm"];

thread_local! {
    /// How many step calls are running on this thread (block steps nest).
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

pub struct PipelineHost {
    pub run: Arc<Run>,
}

impl PipelineHost {
    fn trace(&self, interp: &Interp, step: &str, args: &[Value]) {
        let ctx = StepCtx::current(interp);
        let rendered: Vec<String> = args
            .iter()
            .map(|a| match a {
                Value::Closure(_) => "{ … }".to_string(),
                other => self.run.log.mask(&crate::eval::value::to_inspect(other)),
            })
            .collect();
        let mut stages = ctx.stages.clone();
        if stages.is_empty() {
            if let Some(legacy) = self.run.legacy_stage() {
                stages.push(legacy);
            }
        }
        self.run.trace.lock().push(TraceEntry {
            stages,
            branches: ctx.branches.clone(),
            step: step.to_string(),
            args: rendered.join(", "),
            depth: DEPTH.with(|d| d.get()),
        });
    }
}

impl Host for PipelineHost {
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
        DEPTH.with(|d| d.set(d.get() + 1));
        let r = if self.run.config.dry_run && spec.side_effects {
            step.dry_run(&call)
        } else {
            step.run(&call)
        };
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        Some(r.map_err(|f| f.at(span)))
    }

    fn global(&self, interp: &Interp, name: &str) -> Option<Value> {
        match name {
            "env" => Some(globals::env_value(&self.run)),
            "params" => Some(globals::params_value(&self.run)),
            "currentBuild" => Some(globals::current_build(&self.run)),
            "scm" => steps::scm::scm_global(&self.run),
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
