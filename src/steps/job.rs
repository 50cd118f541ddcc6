//! Steps that reach beyond the pipeline's own code: `tool`, `load` and `library`. What a
//! Jenkins controller would know (tool installations, libraries) comes from the
//! configuration file ([`crate::exec::config`]).

use std::sync::Arc;

use super::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::eval::error::R;
use crate::eval::value::Value;
use crate::exec::config::{find_tool, unknown_tool};
use crate::exec::context::StepCtx;

pub static STEPS: &[&dyn Step] = &[&Tool, &Load, &Library];

// ------------------------------------------------------------------ tool

pub struct Tool;
static TOOL: StepSpec = StepSpec {
    name: "tool",
    summary: "The home directory of a tool installation from the configuration file ([tools]).",
    params: &[
        req("name", T::String, "the installation's name"),
        opt(
            "type",
            T::String,
            "its type: maven, jdk, gradle, nodejs… (any when omitted)",
        ),
    ],
    positional: Some("name"),
    body: Body::None,
    returns: "String: the tool's home directory",
    example: "def scannerHome = tool 'SonarQube.Scanner-2.8'",
    side_effects: false,
    open_params: false,
};

impl Step for Tool {
    fn spec(&self) -> &'static StepSpec {
        &TOOL
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let name = call.args.required_string("tool", "name")?;
        let kind = call.args.string("type").filter(|t| !t.is_empty());
        if let Some(t) = find_tool(&call.run.config.settings, kind.as_deref(), &name) {
            return Ok(Value::string(t.home.clone()));
        }
        if call.run.config.dry_run {
            let home = format!("/opt/tools/{name}");
            let prefix = StepCtx::current(call.interp).log_prefix();
            call.run.log.line(
                &prefix,
                &format!("[dry-run] tool {name} is not configured; using {home}"),
            );
            return Ok(Value::string(home));
        }
        Err(unknown_tool(call.run, kind.as_deref(), &name))
    }
}

// ------------------------------------------------------------------ load

pub struct Load;
static LOAD: StepSpec = StepSpec {
    name: "load",
    summary: "Run a Groovy file of the workspace in this build and return its value (`return this` gives an object whose methods can be called).",
    params: &[req("path", T::String, "the file, relative to the current directory")],
    positional: Some("path"),
    body: Body::None,
    returns: "the value of the script (its last statement or `return`)",
    example: "def utils = load 'ci/utils.groovy'; utils.deploy('qa')",
    side_effects: false,
    open_params: false,
};

impl Step for Load {
    fn spec(&self) -> &'static StepSpec {
        &LOAD
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let path = call.args.required_string("load", "path")?;
        let ctx = StepCtx::current(call.interp);
        let file = ctx.cwd.join(&path);
        let script = crate::exec::library::parse_file(&file)?;
        let name = call.run.loaded.next_script_name();
        let (_, value) = crate::exec::library::instantiate(call.interp, &script, &name)?;
        Ok(value)
    }
}

// ------------------------------------------------------------------ library

pub struct Library;
static LIBRARY: StepSpec = StepSpec {
    name: "library",
    summary: "Load a shared library ([libraries] in the configuration) while the build runs: its vars/ become global variables.",
    params: &[
        req("identifier", T::String, "name or name@version"),
        opt("changelog", T::Bool, "ignored"),
        opt("retriever", T::Any, "ignored: libraries come from the configuration file"),
    ],
    positional: Some("identifier"),
    body: Body::None,
    returns: "the library (its src/ classes are not supported yet)",
    example: "library 'pipeline-utils@v2'",
    side_effects: false,
    open_params: false,
};

impl Step for Library {
    fn spec(&self) -> &'static StepSpec {
        &LIBRARY
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let spec = call.args.required_string("library", "identifier")?;
        crate::exec::library::load_library(call.interp, call.run, &spec)?;
        let name = spec.split('@').next().unwrap_or(&spec).trim().to_string();
        Ok(Value::Native(Arc::new(
            crate::exec::library::LoadedClasses { name },
        )))
    }
}
