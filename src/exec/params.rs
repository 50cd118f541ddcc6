//! Build parameters: definitions (`parameters { … }`, `properties([parameters([…])])`)
//! give defaults and types; `-p NAME=VALUE` / `--params-file` override them. `params` and
//! the environment (and, in scripted pipelines, bare variable names) see the values.

use super::input::InputParam;
use super::run::Run;
use crate::eval::error::{throw, R};
use crate::eval::value::{to_display, Value};

/// Converts a value given on the command line to the parameter's type.
fn convert(p: &InputParam, given: &str) -> R<Value> {
    match p.kind.as_str() {
        "booleanParam" => Ok(Value::Bool(given.trim().eq_ignore_ascii_case("true"))),
        "choice" if !p.choices.is_empty() && !p.choices.iter().any(|c| c == given) => throw(
            "java.lang.IllegalArgumentException",
            format!(
                "Illegal choice for parameter {}: {given} (choices: {})",
                p.name,
                p.choices.join(", ")
            ),
        ),
        _ => Ok(Value::string(given.to_string())),
    }
}

/// Defines parameters on the run: each gets the value given for it, else its default.
/// Values already defined (an earlier `properties` call) are kept.
pub fn define(run: &Run, defs: &[InputParam]) -> R<()> {
    for p in defs {
        let value = match run.config.params.get(&p.name) {
            Some(given) => convert(p, given)?,
            None => {
                if run.params.lock().contains_key(&p.name) {
                    continue;
                }
                p.default.clone()
            }
        };
        if p.kind == "password" {
            let secret = to_display(&value);
            run.log.add_secret(&secret);
        }
        run.env.lock().insert(p.name.clone(), to_display(&value));
        run.params.lock().insert(p.name.clone(), value);
    }
    Ok(())
}

/// Parameters given on the command line that no definition declares: Jenkins passes them
/// to the build as strings.
pub fn define_given(run: &Run) {
    for (k, v) in &run.config.params {
        let mut params = run.params.lock();
        if !params.contains_key(k) {
            params.insert(k.clone(), Value::string(v.clone()));
            run.env.lock().insert(k.clone(), v.clone());
        }
    }
}
