//! The `input` step.

use super::symbols::symbol_of;
use super::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::eval::error::R;
use crate::eval::value::Value;
use crate::exec::input::{default_id, request, step_value, InputParam, InputRequest};

pub static STEPS: &[&dyn Step] = &[&Input];

pub struct Input;
static INPUT: StepSpec = StepSpec {
    name: "input",
    summary: "Wait for a human to proceed or abort, optionally asking for parameters.",
    params: &[
        req("message", T::String, "the question"),
        opt("id", T::String, "an id to answer it by (default: derived from the message)"),
        opt("ok", T::String, "the caption of the proceed button"),
        opt("cancel", T::String, "the caption of the abort button"),
        opt("submitter", T::String, "who may answer"),
        opt("submitterParameter", T::String, "return who answered under this name"),
        opt("parameters", T::List, "parameters to ask for: string(…), booleanParam(…), choice(…)…"),
    ],
    positional: Some("message"),
    body: Body::None,
    returns: "null; the value of the only parameter; or a map of the parameters",
    example: "def v = input message: 'Deploy?', parameters: [string(name: 'VERSION', defaultValue: '1.0')]",
    side_effects: false,
    open_params: false,
};

impl Step for Input {
    fn spec(&self) -> &'static StepSpec {
        &INPUT
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let message = call.args.required_string("input", "message")?;
        let mut parameters = Vec::new();
        if let Some(Value::List(l)) = call.args.get("parameters") {
            for d in l.snapshot() {
                match InputParam::from_descriptor(&d) {
                    Some(p) => parameters.push(p),
                    None => {
                        return crate::eval::error::illegal_arg(format!(
                            "input: unsupported parameter {}",
                            symbol_of(&d).unwrap_or_else(|| d.class_name())
                        ))
                    }
                }
            }
        }
        let req = InputRequest {
            id: call
                .args
                .string("id")
                .unwrap_or_else(|| default_id(&message)),
            ok: call.args.string("ok").unwrap_or_else(|| "Proceed".into()),
            submitter_parameter: call.args.string("submitterParameter"),
            message,
            parameters,
        };
        let values = request(call.interp, call.run, &req)?;
        Ok(step_value(&req, values))
    }
}
