//! Running pipelines: the shared run state, the log, the dynamic step context, the globals
//! and the host that turns calls into steps; the Declarative executor on top.

/// The user running builds (`Started by user …`, `Approved by …`): `$USER`, then
/// `$LOGNAME`, else `pipewright`.
pub fn user_name() -> String {
    ["USER", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "pipewright".into())
}

pub mod context;
pub mod credentials;
pub mod declarative;
pub mod globals;
pub mod host;
pub mod input;
pub mod log;
pub mod params;
pub mod report;
pub mod result;
pub mod run;
pub mod runner;
pub mod scm;
pub mod state;
