//! The dynamically scoped context of running steps: current directory, environment
//! overrides, stage and branch path, bound secrets. Steps that take a block (`dir`,
//! `withEnv`, `stage`, `withCredentials`, parallel branches) run it with a derived context
//! pushed on the interpreter's context stack; it is inherited by parallel branches.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;

use crate::eval::Interp;

#[derive(Clone, Debug, Default)]
pub struct StepCtx {
    /// The current directory (`dir`, `ws`, the workspace).
    pub cwd: PathBuf,
    /// Environment overrides in force (`withEnv`, `environment`, credentials, matrix axes,
    /// `input` parameters), innermost last; they shadow the build's `env`.
    pub env: Arc<IndexMap<String, String>>,
    /// Names of the enclosing stages, outermost first.
    pub stages: Vec<String>,
    /// Names of the enclosing parallel branches, outermost first (for log prefixes).
    pub branches: Vec<String>,
    /// The label of the enclosing `node` block, when inside one.
    pub node: Option<String>,
    /// Secret values bound by `withCredentials`/`credentials()` in this scope.
    pub secrets: Arc<Vec<String>>,
    /// The variables holding those secrets (name, value), for the interpolation warning.
    pub secret_vars: Arc<Vec<(String, String)>>,
    /// The result of the innermost stage, made worse by `unstable`, `warnError`,
    /// `catchError(stageResult: …)` inside it.
    pub stage_result: Option<Arc<parking_lot::Mutex<super::result::BuildResult>>>,
}

impl StepCtx {
    pub fn new(workspace: &Path) -> StepCtx {
        StepCtx {
            cwd: workspace.to_path_buf(),
            ..StepCtx::default()
        }
    }

    /// The context in force for `interp` (the run's root context when none was pushed).
    pub fn current(interp: &Interp) -> Arc<StepCtx> {
        interp.ext_top::<StepCtx>().unwrap_or_default()
    }

    pub fn with_cwd(&self, cwd: PathBuf) -> StepCtx {
        StepCtx {
            cwd,
            ..self.clone()
        }
    }

    pub fn with_env(&self, vars: impl IntoIterator<Item = (String, String)>) -> StepCtx {
        let mut env = (*self.env).clone();
        for (k, v) in vars {
            env.shift_remove(&k);
            env.insert(k, v);
        }
        StepCtx {
            env: Arc::new(env),
            ..self.clone()
        }
    }

    /// The context of a stage's body: its name appended, a fresh stage result.
    pub fn with_stage(&self, name: &str) -> StepCtx {
        let mut stages = self.stages.clone();
        stages.push(name.to_string());
        StepCtx {
            stages,
            stage_result: Some(Arc::new(parking_lot::Mutex::new(
                super::result::BuildResult::Success,
            ))),
            ..self.clone()
        }
    }

    /// Makes the current stage's result at least as bad as `r`.
    pub fn mark_stage(&self, r: super::result::BuildResult) {
        if let Some(cell) = &self.stage_result {
            let mut cur = cell.lock();
            *cur = cur.combine(r);
        }
    }

    /// The current stage's result so far.
    pub fn stage_result(&self) -> super::result::BuildResult {
        self.stage_result
            .as_ref()
            .map_or(super::result::BuildResult::Success, |c| *c.lock())
    }

    pub fn with_branch(&self, name: &str) -> StepCtx {
        let mut branches = self.branches.clone();
        branches.push(name.to_string());
        StepCtx {
            branches,
            ..self.clone()
        }
    }

    pub fn with_secrets(&self, values: impl IntoIterator<Item = String>) -> StepCtx {
        let mut secrets = (*self.secrets).clone();
        secrets.extend(values.into_iter().filter(|s| !s.is_empty()));
        StepCtx {
            secrets: Arc::new(secrets),
            ..self.clone()
        }
    }

    pub fn with_secret_vars(&self, vars: impl IntoIterator<Item = (String, String)>) -> StepCtx {
        let mut all = (*self.secret_vars).clone();
        all.extend(vars);
        StepCtx {
            secret_vars: Arc::new(all),
            ..self.clone()
        }
    }

    pub fn with_node(&self, label: &str) -> StepCtx {
        StepCtx {
            node: Some(label.to_string()),
            ..self.clone()
        }
    }

    /// The prefix of log lines written in this context: `[stage » branch] ` inside
    /// parallel branches, nothing otherwise.
    pub fn log_prefix(&self) -> String {
        if self.branches.is_empty() {
            String::new()
        } else {
            format!("[{}] ", self.branches.join(" » "))
        }
    }
}
