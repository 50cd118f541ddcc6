//! The Jenkins globals scripts read: `env`, `params`, `currentBuild`.

use std::sync::Arc;

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::context::StepCtx;
use super::result::BuildResult;
use super::run::Run;
use crate::eval::error::R;
use crate::eval::value::{to_display, HKey, MapKind, MapObj, NativeObject, Value};
use crate::eval::Interp;

/// Reads an environment variable as a step sees it: overrides in force, then the build's
/// `env`, then the process environment.
pub fn env_lookup(run: &Run, ctx: &StepCtx, name: &str) -> Option<String> {
    if let Some(v) = ctx.env.get(name) {
        return Some(v.clone());
    }
    if let Some(v) = run.env.lock().get(name) {
        return Some(v.clone());
    }
    std::env::var(name).ok()
}

/// The whole environment a child process gets: process env, build env, overrides.
pub fn full_env(run: &Run, ctx: &StepCtx) -> IndexMap<String, String> {
    let mut out: IndexMap<String, String> = std::env::vars().collect();
    for (k, v) in run.env.lock().iter() {
        out.insert(k.clone(), v.clone());
    }
    for (k, v) in ctx.env.iter() {
        out.insert(k.clone(), v.clone());
    }
    out
}

/// `env`: `EnvActionImpl`. Reads see overrides in force; writes (`env.X = v`) store
/// `String.valueOf(v)` for the whole build.
pub struct EnvObject {
    run: Arc<Run>,
}

pub fn env_value(run: &Arc<Run>) -> Value {
    Value::Native(Arc::new(EnvObject { run: run.clone() }))
}

impl NativeObject for EnvObject {
    fn class_name(&self) -> String {
        "org.jenkinsci.plugins.workflow.cps.EnvActionImpl".into()
    }

    fn get_property(&self, interp: &Interp, name: &str) -> Option<R<Value>> {
        let ctx = StepCtx::current(interp);
        Some(Ok(
            env_lookup(&self.run, &ctx, name).map_or(Value::Null, Value::string)
        ))
    }

    fn set_property(&self, _interp: &Interp, name: &str, value: Value) -> Option<R<()>> {
        let v = if value.is_null() {
            "null".to_string()
        } else {
            to_display(&value)
        };
        self.run.env.lock().insert(name.to_string(), v);
        Some(Ok(()))
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        match (name, args) {
            ("getProperty" | "getAt", [n]) => self.get_property(interp, &to_display(n)),
            ("setProperty" | "putAt", [n, v]) => self
                .set_property(interp, &to_display(n), v.clone())
                .map(|r| r.map(|()| Value::Null)),
            ("getEnvironment" | "getOverriddenEnvironment", []) => {
                let ctx = StepCtx::current(interp);
                let m: IndexMap<HKey, Value> = full_env(&self.run, &ctx)
                    .into_iter()
                    .map(|(k, v)| (HKey(Value::string(k)), Value::string(v)))
                    .collect();
                Some(Ok(Value::map(m)))
            }
            _ => None,
        }
    }

    fn to_string(&self) -> String {
        "org.jenkinsci.plugins.workflow.cps.EnvActionImpl@env".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `params`: an unmodifiable map of the build parameters.
pub fn params_value(run: &Run) -> Value {
    let m: IndexMap<HKey, Value> = run
        .params
        .lock()
        .iter()
        .map(|(k, v)| (HKey(Value::string(k.clone())), v.clone()))
        .collect();
    Value::Map(Arc::new(MapObj {
        kind: MapKind::Immutable,
        map: Mutex::new(m),
        default: Mutex::new(None),
    }))
}

/// The sandbox's refusal of `RunWrapper.getRawBuild()`.
pub fn reject_raw_build() -> R<Value> {
    crate::eval::error::throw(
        "org.jenkinsci.plugins.scriptsecurity.sandbox.RejectedAccessException",
        "Scripts not permitted to use method org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper getRawBuild",
    )
}

/// `currentBuild` (and `currentBuild.previousBuild`): Jenkins' `RunWrapper`.
pub struct CurrentBuild {
    run: Arc<Run>,
    /// `Some` for a previous build: its number and result (read-only).
    previous: Option<(u64, BuildResult)>,
}

pub fn current_build(run: &Arc<Run>) -> Value {
    Value::Native(Arc::new(CurrentBuild {
        run: run.clone(),
        previous: None,
    }))
}

impl CurrentBuild {
    fn result(&self) -> Option<BuildResult> {
        match self.previous {
            Some((_, r)) => Some(r),
            None => self.run.result(),
        }
    }

    fn number(&self) -> u64 {
        self.previous
            .map_or(self.run.config.build_number, |(n, _)| n)
    }
}

impl NativeObject for CurrentBuild {
    fn class_name(&self) -> String {
        "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper".into()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        let run = &self.run;
        let v = match name {
            "result" => self.result().map_or(Value::Null, |r| Value::str(r.name())),
            "currentResult" => Value::str(self.result().unwrap_or(BuildResult::Success).name()),
            "number" => Value::int_or_long(self.number() as i64),
            "id" => Value::string(self.number().to_string()),
            "displayName" => match (&self.previous, run.display_name.lock().clone()) {
                (None, Some(d)) => Value::string(d),
                _ => Value::string(format!("#{}", self.number())),
            },
            "description" => match &self.previous {
                None => run
                    .description
                    .lock()
                    .clone()
                    .map_or(Value::Null, Value::string),
                Some(_) => Value::Null,
            },
            "projectName" | "fullProjectName" => Value::string(run.config.job_name.clone()),
            "fullDisplayName" => {
                Value::string(format!("{} #{}", run.config.job_name, self.number()))
            }
            "absoluteUrl" => Value::string(format!("file://{}/", run.config.workspace.display())),
            "startTimeInMillis" | "timeInMillis" => Value::long(
                (crate::eval::methods::date::now_millis()
                    - run.started.elapsed().as_millis() as i64)
                    .max(0),
            ),
            "duration" => Value::long(run.started.elapsed().as_millis() as i64),
            "durationString" => Value::string(format!(
                "{:.1} sec and counting",
                run.started.elapsed().as_secs_f64()
            )),
            "previousBuild" | "previousCompletedBuild" => {
                match (&self.previous, run.config.previous.clone()) {
                    (None, Some(p)) => Value::Native(Arc::new(CurrentBuild {
                        run: run.clone(),
                        previous: Some((p.number, p.result)),
                    })),
                    _ => Value::Null,
                }
            }
            "previousSuccessfulBuild" => match (&self.previous, run.config.previous.clone()) {
                (None, Some(p)) if p.result == BuildResult::Success => {
                    Value::Native(Arc::new(CurrentBuild {
                        run: run.clone(),
                        previous: Some((p.number, p.result)),
                    }))
                }
                _ => Value::Null,
            },
            "buildVariables" => Value::map(IndexMap::new()),
            "changeSets" | "upstreamBuilds" => Value::list(Vec::new()),
            "keepLog" => Value::Bool(false),
            "rawBuild" => return Some(reject_raw_build()),
            _ => return None,
        };
        Some(Ok(v))
    }

    fn set_property(&self, _interp: &Interp, name: &str, value: Value) -> Option<R<()>> {
        if self.previous.is_some() {
            return None;
        }
        match name {
            "result" => {
                if !value.is_null() {
                    self.run
                        .set_result(BuildResult::from_jenkins(&to_display(&value)));
                }
            }
            "displayName" => {
                *self.run.display_name.lock() = (!value.is_null()).then(|| to_display(&value))
            }
            "description" => {
                *self.run.description.lock() = (!value.is_null()).then(|| to_display(&value))
            }
            "keepLog" => {}
            _ => return None,
        }
        Some(Ok(()))
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let cmp = |other: &Value| BuildResult::from_jenkins(&to_display(other));
        let current = self.result().unwrap_or(BuildResult::Success);
        match (name, args) {
            ("resultIsBetterOrEqualTo", [o]) => Some(Ok(Value::Bool(current <= cmp(o)))),
            ("resultIsWorseOrEqualTo", [o]) => Some(Ok(Value::Bool(current >= cmp(o)))),
            ("getBuildCauses", _) => Some(Ok(Value::list(vec![Value::map(
                [
                    (
                        HKey(Value::str("_class")),
                        Value::str("hudson.model.Cause$UserIdCause"),
                    ),
                    (
                        HKey(Value::str("shortDescription")),
                        Value::str("Started by user pipewright"),
                    ),
                    (HKey(Value::str("userId")), Value::str("pipewright")),
                ]
                .into_iter()
                .collect(),
            )]))),
            (n, []) if n.starts_with("get") || n.starts_with("is") => {
                let prop = n.trim_start_matches("get").trim_start_matches("is");
                let mut c = prop.chars();
                let prop = match c.next() {
                    Some(f) => f.to_lowercase().chain(c).collect::<String>(),
                    None => return None,
                };
                self.get_property(interp, &prop)
            }
            (n, [v]) if n.starts_with("set") => {
                let prop = &n[3..];
                let mut c = prop.chars();
                let prop = match c.next() {
                    Some(f) => f.to_lowercase().chain(c).collect::<String>(),
                    None => return None,
                };
                self.set_property(interp, &prop, v.clone())
                    .map(|r| r.map(|()| Value::Null))
            }
            _ => None,
        }
    }

    fn to_string(&self) -> String {
        "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper@currentBuild".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
