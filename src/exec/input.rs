//! `input`: a human decision in the middle of a build. Answered, in order, by
//! `--input KEY=proceed|abort|JSON` (KEY is the input's id or its message), by `--yes`
//! (proceed with the defaults), or interactively when standard input is a terminal.
//! With none of these the step fails at once with a message naming the flags: a build
//! never hangs waiting for an answer nobody can give.

use std::io::{BufRead, IsTerminal, Write};
use std::sync::Arc;

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::context::StepCtx;
use super::run::Run;
use crate::eval::error::{exception, exception_value, Flow, Thrown, R};
use crate::eval::value::{to_display, HKey, Value};
use crate::eval::Interp;
use crate::model::StageInput;
use crate::steps::basic::FLOW_INTERRUPTED;

/// How `input` steps get their answers.
#[derive(Debug, Clone, Default)]
pub struct InputAnswers {
    /// `--input KEY=ANSWER`, in order.
    pub given: Vec<(String, String)>,
    /// `--yes`: proceed with the defaults.
    pub yes: bool,
    /// Ask on the terminal when standard input is one (off for tests and `--no-input`).
    pub interactive: bool,
}

/// A parameter asked for by `input`.
#[derive(Debug, Clone)]
pub struct InputParam {
    /// `string`, `text`, `booleanParam`, `choice`, `password`.
    pub kind: String,
    pub name: String,
    pub default: Value,
    pub choices: Vec<String>,
    pub description: String,
}

impl InputParam {
    /// A parameter from a descriptor map made by `string(name: …)` and friends.
    pub fn from_descriptor(v: &Value) -> Option<InputParam> {
        let Value::Map(m) = v else {
            return None;
        };
        let get = |k: &str| m.get(&Value::string(k.to_string()));
        let kind = get("$symbol")
            .map(|v| to_display(&v))
            .unwrap_or_else(|| "string".into());
        let name = to_display(&get("name")?);
        let choices = match get("choices") {
            Some(Value::List(l)) => l.snapshot().iter().map(to_display).collect(),
            Some(v) if !v.is_null() => to_display(&v).lines().map(str::to_string).collect(),
            _ => Vec::new(),
        };
        Some(InputParam::new(
            &kind,
            name,
            get("defaultValue")
                .or_else(|| get("value"))
                .unwrap_or(Value::Null),
            choices,
            get("description")
                .map(|v| to_display(&v))
                .unwrap_or_default(),
        ))
    }

    pub fn new(
        kind: &str,
        name: String,
        default: Value,
        choices: Vec<String>,
        description: String,
    ) -> InputParam {
        let default = match kind {
            "booleanParam" => Value::Bool(match &default {
                Value::Null => false,
                Value::Bool(b) => *b,
                other => to_display(other).eq_ignore_ascii_case("true"),
            }),
            "choice" => match choices.first() {
                Some(first) => Value::string(first.clone()),
                None => Value::string(String::new()),
            },
            _ if default.is_null() => Value::string(String::new()),
            _ => Value::string(to_display(&default)),
        };
        InputParam {
            kind: kind.to_string(),
            name,
            default,
            choices,
            description,
        }
    }

    /// Converts an answer given as text.
    fn parse(&self, text: &str) -> Result<Value, String> {
        match self.kind.as_str() {
            "booleanParam" => match text.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "y" => Ok(Value::Bool(true)),
                "false" | "no" | "n" => Ok(Value::Bool(false)),
                _ => Err(format!("{}: expected true or false", self.name)),
            },
            "choice" => {
                if self.choices.iter().any(|c| c == text) {
                    Ok(Value::string(text.to_string()))
                } else {
                    Err(format!(
                        "{}: \"{text}\" is not one of {}",
                        self.name,
                        self.choices.join(", ")
                    ))
                }
            }
            _ => Ok(Value::string(text.to_string())),
        }
    }

    fn parse_json(&self, v: &serde_json::Value) -> Result<Value, String> {
        match v {
            serde_json::Value::String(s) => self.parse(s),
            serde_json::Value::Bool(b) if self.kind == "booleanParam" => Ok(Value::Bool(*b)),
            other => self.parse(&other.to_string()),
        }
    }
}

/// One `input` request.
#[derive(Debug, Clone)]
pub struct InputRequest {
    pub id: String,
    pub message: String,
    pub ok: String,
    pub parameters: Vec<InputParam>,
    pub submitter_parameter: Option<String>,
}

/// Jenkins' default id: the capitalised MD5 digest of the message.
pub fn default_id(message: &str) -> String {
    let digest = format!("{:x}", md5::compute(message.as_bytes()));
    let mut c = digest.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => digest,
    }
}

pub enum Answer {
    Proceed(IndexMap<String, Value>),
    Abort,
}

/// Prompts are asked one at a time, whatever branch asks.
static PROMPT: Mutex<()> = Mutex::new(());

fn usage_error(req: &InputRequest, why: &str) -> Flow {
    exception(
        "hudson.AbortException",
        Some(format!(
            "input \"{}\" (id {}) {why}: answer it with --input '{}=proceed' (or abort, or a JSON object of its parameters), or --yes to proceed with the defaults",
            req.message, req.id, req.id
        )),
    )
}

/// Finds the answer for `req`: flags first, then the terminal.
fn answer(run: &Run, req: &InputRequest) -> R<Answer> {
    let cfg = &run.config.inputs;
    let given = cfg
        .given
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(&req.id) || *k == req.message)
        .map(|(_, v)| v.clone());
    let defaults = || -> IndexMap<String, Value> {
        req.parameters
            .iter()
            .map(|p| (p.name.clone(), p.default.clone()))
            .collect()
    };
    if let Some(a) = given {
        let t = a.trim();
        if t.eq_ignore_ascii_case("abort") {
            return Ok(Answer::Abort);
        }
        if t.eq_ignore_ascii_case("proceed") || t.is_empty() {
            return Ok(Answer::Proceed(defaults()));
        }
        let json: serde_json::Value = serde_json::from_str(t).map_err(|_| {
            usage_error(
                req,
                &format!("got the answer \"{t}\", which is not proceed, abort or a JSON object"),
            )
        })?;
        let mut values = defaults();
        match (&json, req.parameters.as_slice()) {
            (serde_json::Value::Object(o), _) => {
                for (k, v) in o {
                    let Some(p) = req.parameters.iter().find(|p| p.name == *k) else {
                        return Err(usage_error(req, &format!("has no parameter \"{k}\"")));
                    };
                    let parsed = p.parse_json(v).map_err(|e| usage_error(req, &e))?;
                    values.insert(k.clone(), parsed);
                }
            }
            (other, [only]) => {
                let parsed = only.parse_json(other).map_err(|e| usage_error(req, &e))?;
                values.insert(only.name.clone(), parsed);
            }
            _ => return Err(usage_error(req, "needs a JSON object of parameter values")),
        }
        return Ok(Answer::Proceed(values));
    }
    if cfg.yes {
        return Ok(Answer::Proceed(defaults()));
    }
    if cfg.interactive && std::io::stdin().is_terminal() {
        return ask_terminal(req);
    }
    Err(usage_error(
        req,
        "has no answer and there is no terminal to ask on",
    ))
}

fn ask_terminal(req: &InputRequest) -> R<Answer> {
    let _guard = PROMPT.lock();
    let stdin = std::io::stdin();
    let mut err = std::io::stderr();
    let mut read = |prompt: &str| -> R<String> {
        let _ = write!(err, "{prompt}");
        let _ = err.flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => Err(usage_error(req, "got no answer (end of input)")),
            Ok(_) => Ok(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    };
    let mut values = IndexMap::new();
    for p in &req.parameters {
        if !p.description.is_empty() {
            let _ = writeln!(std::io::stderr(), "  {}", p.description);
        }
        loop {
            let shown = match p.kind.as_str() {
                "choice" => format!(
                    "  {} ({}) [{}]: ",
                    p.name,
                    p.choices.join("/"),
                    to_display(&p.default)
                ),
                "password" => format!("  {}: ", p.name),
                _ => format!("  {} [{}]: ", p.name, to_display(&p.default)),
            };
            let line = read(&shown)?;
            if line.is_empty() {
                values.insert(p.name.clone(), p.default.clone());
                break;
            }
            match p.parse(&line) {
                Ok(v) => {
                    values.insert(p.name.clone(), v);
                    break;
                }
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "  {e}");
                }
            }
        }
    }
    loop {
        let line = read(&format!("{} or Abort? [P/a] ", req.ok))?;
        match line.trim().to_ascii_lowercase().as_str() {
            "" | "p" | "proceed" | "y" | "yes" => return Ok(Answer::Proceed(values)),
            "a" | "abort" | "n" | "no" => return Ok(Answer::Abort),
            _ => {}
        }
    }
}

/// Asks `req`, logging like Jenkins, and returns the values given (or throws the abort).
pub fn request(interp: &Interp, run: &Arc<Run>, req: &InputRequest) -> R<IndexMap<String, Value>> {
    let ctx = StepCtx::current(interp);
    let prefix = ctx.log_prefix();
    run.log.line(&prefix, &req.message);
    run.log.line(&prefix, &format!("{} or Abort", req.ok));
    if run.config.dry_run && run.config.inputs.given.is_empty() && !run.config.inputs.yes {
        run.log
            .line(&prefix, "[dry-run] proceeding with the defaults");
        return Ok(req
            .parameters
            .iter()
            .map(|p| (p.name.clone(), p.default.clone()))
            .collect());
    }
    match answer(run, req)? {
        Answer::Proceed(mut values) => {
            run.log
                .line(&prefix, &format!("Approved by {}", run.config.user));
            if let Some(sp) = &req.submitter_parameter {
                values.insert(sp.clone(), Value::string(run.config.user.clone()));
            }
            Ok(values)
        }
        Answer::Abort => {
            run.log
                .line(&prefix, &format!("Rejected by {}", run.config.user));
            Err(Flow::Throw(Box::new(Thrown {
                value: exception_value(
                    FLOW_INTERRUPTED,
                    Some(format!("Rejected by {}", run.config.user)),
                    None,
                ),
                span: None,
                trace: Vec::new(),
            })))
        }
    }
}

/// What the `input` step returns: null without parameters, the value of a single one, a
/// map otherwise.
pub fn step_value(req: &InputRequest, values: IndexMap<String, Value>) -> Value {
    if values.is_empty() {
        return Value::Null;
    }
    if values.len() == 1 && req.submitter_parameter.is_none() {
        return values.into_values().next().unwrap_or(Value::Null);
    }
    Value::map(
        values
            .into_iter()
            .map(|(k, v)| (HKey(Value::string(k)), v))
            .collect(),
    )
}

/// A stage's `input { … }` directive: asked before the stage's agent; its parameters become
/// environment variables of the stage.
pub fn stage_input(
    interp: &Interp,
    run: &Arc<Run>,
    _stage: &str,
    input: &StageInput,
    env: &crate::eval::interp::Env,
) -> R<Vec<(String, String)>> {
    let s = |e: &crate::syntax::ast::Expr| -> R<String> { Ok(to_display(&interp.eval(e, env)?)) };
    let message = s(&input.message)?;
    let mut parameters = Vec::new();
    for p in &input.parameters {
        let default = match &p.default {
            Some(e) => interp.eval(e, env)?,
            None => Value::Null,
        };
        let choices = match &p.choices {
            Some(e) => match interp.eval(e, env)? {
                Value::List(l) => l.snapshot().iter().map(to_display).collect(),
                other => to_display(&other).lines().map(str::to_string).collect(),
            },
            None => Vec::new(),
        };
        let description = match &p.description {
            Some(e) => s(e)?,
            None => String::new(),
        };
        parameters.push(InputParam::new(
            &p.kind.name,
            p.name.clone(),
            default,
            choices,
            description,
        ));
    }
    let req = InputRequest {
        id: match &input.id {
            Some(e) => s(e)?,
            None => default_id(&message),
        },
        ok: match &input.ok {
            Some(e) => s(e)?,
            None => "Proceed".into(),
        },
        submitter_parameter: match &input.submitter_parameter {
            Some(e) => Some(s(e)?),
            None => None,
        },
        message,
        parameters,
    };
    let values = request(interp, run, &req)?;
    Ok(values
        .into_iter()
        .map(|(k, v)| (k, to_display(&v)))
        .collect())
}
