//! Built-in pipeline steps: one self-documenting registry that drives execution, argument
//! checks (here and in lint), the REPL's help and generated docs.
//!
//! A step declares its parameters ([`StepSpec`]); calls are bound the way Jenkins' DSL binds
//! them: named arguments, or one positional argument for the step's main parameter, plus an
//! optional closure body.

pub mod archive;
pub mod basic;
pub mod blocks;
pub mod credentials;
pub mod data;
pub mod docker;
pub mod files;
pub mod interaction;
pub mod job;
pub mod plugins;
pub mod scm;
pub mod symbols;

use std::sync::Arc;

use indexmap::IndexMap;

use crate::eval::error::{exception, R};
use crate::eval::value::{to_display, Closure, HKey, Value};
use crate::eval::Interp;
use crate::exec::run::Run;
use crate::syntax::Span;

/// The type a step parameter expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    String,
    Int,
    Bool,
    /// Any number (seconds, ratios).
    Number,
    List,
    Map,
    Closure,
    Any,
}

impl ParamType {
    pub fn name(self) -> &'static str {
        match self {
            ParamType::String => "String",
            ParamType::Int => "int",
            ParamType::Bool => "boolean",
            ParamType::Number => "number",
            ParamType::List => "List",
            ParamType::Map => "Map",
            ParamType::Closure => "Closure",
            ParamType::Any => "Object",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    pub name: &'static str,
    pub ty: ParamType,
    pub required: bool,
    pub doc: &'static str,
}

/// Shorthand constructors for parameter tables.
pub const fn req(name: &'static str, ty: ParamType, doc: &'static str) -> ParamSpec {
    ParamSpec {
        name,
        ty,
        required: true,
        doc,
    }
}

pub const fn opt(name: &'static str, ty: ParamType, doc: &'static str) -> ParamSpec {
    ParamSpec {
        name,
        ty,
        required: false,
        doc,
    }
}

/// Whether a step takes a closure body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    None,
    Required,
    Optional,
}

/// Everything known about a step without running it.
#[derive(Debug)]
pub struct StepSpec {
    pub name: &'static str,
    pub summary: &'static str,
    pub params: &'static [ParamSpec],
    /// The parameter a single positional argument binds to (`sh 'make'` → `script`).
    pub positional: Option<&'static str>,
    pub body: Body,
    /// What the step returns, in Groovy terms.
    pub returns: &'static str,
    /// A one-line usage example, in Groovy.
    pub example: &'static str,
    /// `true` when the step acts on the world (processes, files, network); `--dry-run`
    /// records such steps instead of running them.
    pub side_effects: bool,
    /// Named arguments beyond `params` are data, not mistakes (`parallel`'s branches).
    pub open_params: bool,
}

/// A built-in step.
pub trait Step: Send + Sync {
    fn spec(&self) -> &'static StepSpec;
    fn run(&self, call: &StepCall<'_>) -> R<Value>;
    /// What the step returns under `--dry-run` when it has side effects (it is recorded,
    /// not performed).
    fn dry_run(&self, _call: &StepCall<'_>) -> R<Value> {
        Ok(Value::Null)
    }
}

/// One call of a step: the interpreter running it, the run, the bound arguments.
pub struct StepCall<'a> {
    pub interp: &'a Interp,
    pub run: &'a Arc<Run>,
    pub args: StepArgs,
    pub span: Span,
}

/// Bound arguments of a step call.
#[derive(Default)]
pub struct StepArgs {
    pub named: IndexMap<String, Value>,
    pub body: Option<Arc<Closure>>,
}

fn illegal_arg<T>(msg: String) -> R<T> {
    Err(exception("java.lang.IllegalArgumentException", Some(msg)))
}

impl StepArgs {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.named.get(name).filter(|v| !v.is_null())
    }

    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn string(&self, name: &str) -> Option<String> {
        self.get(name).map(to_display)
    }

    pub fn required_string(&self, step: &str, name: &str) -> R<String> {
        match self.string(name) {
            Some(s) => Ok(s),
            None => illegal_arg(format!("{step}: missing required parameter \"{name}\"")),
        }
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        self.get(name).map(|v| match v {
            Value::Bool(b) => *b,
            Value::Str(_) | Value::GString(_) => to_display(v).eq_ignore_ascii_case("true"),
            other => other.truthy(),
        })
    }

    pub fn int(&self, step: &str, name: &str) -> R<Option<i64>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Num(n)) => Ok(Some(n.to_i64())),
            Some(v @ (Value::Str(_) | Value::GString(_))) => {
                match to_display(v).trim().parse::<i64>() {
                    Ok(i) => Ok(Some(i)),
                    Err(_) => illegal_arg(format!(
                        "{step}: cannot use \"{}\" as an integer for parameter \"{name}\"",
                        to_display(v)
                    )),
                }
            }
            Some(other) => illegal_arg(format!(
                "{step}: expected a number for parameter \"{name}\" but got {}",
                other.class_name()
            )),
        }
    }

    pub fn number(&self, step: &str, name: &str) -> R<Option<f64>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Num(n)) => Ok(Some(n.to_f64())),
            Some(v @ (Value::Str(_) | Value::GString(_))) => {
                match to_display(v).trim().parse::<f64>() {
                    Ok(x) => Ok(Some(x)),
                    Err(_) => illegal_arg(format!(
                        "{step}: cannot use \"{}\" as a number for parameter \"{name}\"",
                        to_display(v)
                    )),
                }
            }
            Some(other) => illegal_arg(format!(
                "{step}: expected a number for parameter \"{name}\" but got {}",
                other.class_name()
            )),
        }
    }

    /// A list parameter as strings (`withEnv(['A=1'])`, `ok: [..]`).
    pub fn strings(&self, name: &str) -> Vec<String> {
        match self.get(name) {
            Some(Value::List(l)) => l.snapshot().iter().map(to_display).collect(),
            Some(Value::Set(s)) => s.snapshot().iter().map(to_display).collect(),
            Some(v) => vec![to_display(v)],
            None => Vec::new(),
        }
    }

    pub fn body(&self, step: &str) -> R<Arc<Closure>> {
        match &self.body {
            Some(b) => Ok(b.clone()),
            None => illegal_arg(format!("{step}: a block {{ … }} is required")),
        }
    }
}

/// Binds Groovy call arguments to a step's parameters the way Jenkins' DSL does.
pub fn bind_args(spec: &StepSpec, args: &[Value], run: &Run, ctx_prefix: &str) -> R<StepArgs> {
    bind(spec, args, run, ctx_prefix, true)
}

/// Binds the arguments of a block step used as a Declarative option (`retry(3)` in
/// `options`), whose body is the stage rather than a closure.
pub fn bind_option_args(
    spec: &StepSpec,
    args: &[Value],
    run: &Run,
    ctx_prefix: &str,
) -> R<StepArgs> {
    bind(spec, args, run, ctx_prefix, false)
}

fn bind(
    spec: &StepSpec,
    args: &[Value],
    run: &Run,
    ctx_prefix: &str,
    needs_body: bool,
) -> R<StepArgs> {
    let mut out = StepArgs::default();
    let mut rest: Vec<Value> = args.to_vec();
    if spec.body != Body::None {
        if let Some(Value::Closure(_)) = rest.last() {
            if let Some(Value::Closure(c)) = rest.pop() {
                out.body = Some(c);
            }
        }
    }
    match rest.as_slice() {
        [] => {}
        [Value::Map(m)]
            if spec
                .positional
                .is_none_or(|p| !matches!(param_type(spec, p), Some(ParamType::Map))) =>
        {
            for (k, v) in m.snapshot() {
                out.named.insert(to_display(&k), v);
            }
        }
        [single] => match spec.positional {
            Some(p) => {
                out.named.insert(p.to_string(), single.clone());
            }
            None => {
                return illegal_arg(format!(
                    "{} does not take a positional argument; use named arguments ({})",
                    spec.name,
                    spec.params
                        .iter()
                        .map(|p| p.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            }
        },
        many => {
            return illegal_arg(format!(
                "{} takes named arguments or one positional argument, not {}",
                spec.name,
                many.len()
            ))
        }
    }
    // Unknown parameters: Jenkins warns and carries on.
    let unknown: Vec<String> = out
        .named
        .keys()
        .filter(|k| !spec.params.iter().any(|p| p.name == k.as_str()) && k.as_str() != "$class")
        .cloned()
        .collect();
    if !unknown.is_empty() && !spec.open_params {
        run.log.line(
            ctx_prefix,
            &format!(
                "WARNING: Unknown parameter(s) found for step '{}': {}",
                spec.name,
                unknown.join(", ")
            ),
        );
    }
    for p in spec.params {
        if p.required && !out.has(p.name) {
            return illegal_arg(format!(
                "{}: missing required parameter \"{}\"",
                spec.name, p.name
            ));
        }
    }
    if needs_body && spec.body == Body::Required && out.body.is_none() {
        return illegal_arg(format!("{}: a block {{ … }} is required", spec.name));
    }
    Ok(out)
}

fn param_type(spec: &StepSpec, name: &str) -> Option<ParamType> {
    spec.params.iter().find(|p| p.name == name).map(|p| p.ty)
}

/// Every built-in step, sorted by name.
pub fn registry() -> &'static [&'static dyn Step] {
    static ALL: std::sync::OnceLock<Vec<&'static dyn Step>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static dyn Step> = Vec::new();
        v.extend_from_slice(basic::STEPS);
        v.extend_from_slice(blocks::STEPS);
        v.extend_from_slice(files::STEPS);
        v.extend_from_slice(credentials::STEPS);
        v.extend_from_slice(interaction::STEPS);
        v.extend_from_slice(job::STEPS);
        v.extend_from_slice(scm::STEPS);
        v.extend_from_slice(data::STEPS);
        v.extend_from_slice(archive::STEPS);
        v.extend_from_slice(plugins::STEPS);
        v.sort_by_key(|s| s.spec().name);
        v
    })
}

pub fn find(name: &str) -> Option<&'static dyn Step> {
    registry().iter().copied().find(|s| s.spec().name == name)
}

/// The closest step names to a misspelt one (for "did you mean").
pub fn suggest(name: &str) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    let names = registry()
        .iter()
        .map(|s| s.spec().name)
        .chain(symbols::SYMBOLS.iter().map(|s| s.name));
    for n in names {
        let d = crate::eval::props::del_distance(name, n);
        if d <= 30 && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, n));
        }
    }
    best.map(|(_, n)| n)
}

/// Jenkins' error for an unknown step.
pub fn no_such_step(name: &str, globals: &[&str]) -> crate::eval::error::Flow {
    let steps: Vec<&str> = registry().iter().map(|s| s.spec().name).collect();
    exception(
        "java.lang.NoSuchMethodError",
        Some(format!(
            "No such DSL method '{name}' found among steps [{}] or symbols [{}] or globals [{}]",
            steps.join(", "),
            symbols::SYMBOLS
                .iter()
                .map(|s| s.name)
                .collect::<Vec<_>>()
                .join(", "),
            globals.join(", ")
        )),
    )
}

/// A map value from string pairs (SCM variables, `input` results).
pub fn string_map(pairs: impl IntoIterator<Item = (String, String)>) -> Value {
    Value::map(
        pairs
            .into_iter()
            .map(|(k, v)| (HKey(Value::string(k)), Value::string(v)))
            .collect(),
    )
}
