//! Running a whole script: parse, evaluate on a thread with a large stack, and turn an
//! uncaught exception into a diagnostic.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use miette::{LabeledSpan, NamedSource};

use super::error::{describe_thrown, Flow, HaltReason, UncaughtException};
use super::interp::{Host, Interp, NoHost, Output, ScriptCtx};
use super::scope::Scope;
use super::value::Value;
use crate::syntax::{self, ParseFailure};

/// Stack size of the evaluation thread: deep Groovy recursion becomes a
/// `StackOverflowError` from the call-depth limit long before this is used up.
const EVAL_STACK: usize = 1 << 30;

/// How a script run ended when it did not complete normally.
pub enum EvalError {
    Parse(ParseFailure),
    /// An exception nobody caught; `headline` is Groovy's `Caught: …` line.
    Uncaught {
        headline: String,
        diagnostic: Box<UncaughtException>,
    },
    /// Stopped from outside (Ctrl-C) or by a limit.
    Halted(HaltReason),
    /// A bug in pipewright (a panic in the evaluator); never expected.
    Internal(String),
}

/// Options for [`eval_source`].
pub struct EvalOptions {
    /// The script's class name in Groovy's messages (the file's base name).
    pub script_name: String,
    /// The name shown in diagnostics.
    pub file_name: String,
    pub out: Arc<dyn Output>,
    pub host: Arc<dyn Host>,
    pub cancel: Option<Arc<AtomicBool>>,
    pub limits: super::interp::Limits,
}

impl EvalOptions {
    pub fn new(file_name: &str, out: Arc<dyn Output>) -> EvalOptions {
        EvalOptions {
            script_name: script_name_for(file_name),
            file_name: file_name.to_string(),
            out,
            host: Arc::new(NoHost),
            cancel: None,
            limits: super::interp::Limits::default(),
        }
    }
}

/// Groovy names a script's class after its file (`build.groovy` → `build`).
pub fn script_name_for(file_name: &str) -> String {
    let base = std::path::Path::new(file_name).file_name().map_or_else(
        || file_name.to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => base,
    }
}

/// Parses and runs a script, returning the value of its last statement.
pub fn eval_source(src: &str, opts: EvalOptions) -> Result<Value, EvalError> {
    let script = match syntax::parse(src) {
        Ok(s) => s,
        Err(errors) => {
            return Err(EvalError::Parse(ParseFailure {
                file: opts.file_name.clone(),
                src: NamedSource::new(&opts.file_name, src.to_string()),
                errors,
            }))
        }
    };
    let src_arc = Arc::new(src.to_string());
    let file_name = opts.file_name.clone();
    let work = move || {
        let mut ctx = ScriptCtx::new(&opts.script_name, opts.out, opts.host);
        if let Some(c) = opts.cancel {
            ctx.cancel = c;
        }
        ctx.limits = opts.limits;
        let interp = Interp::new(Arc::new(ctx));
        let scope = Scope::root();
        interp.run_script(&script, &scope)
    };
    let result = std::thread::Builder::new()
        .name("pipe-eval".into())
        .stack_size(EVAL_STACK)
        .spawn(work)
        .map_err(|e| EvalError::Internal(format!("cannot start the evaluation thread: {e}")))?
        .join()
        .map_err(|p| {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_default();
            EvalError::Internal(format!("the evaluator panicked: {msg}"))
        })?;
    match result {
        Ok(v) | Err(Flow::Return(v)) => Ok(v),
        Err(Flow::Throw(t)) => {
            let (class, message) = describe_thrown(&t.value);
            let headline = match &message {
                Some(m) => format!("{class}: {m}"),
                None => class.clone(),
            };
            let help = help_for(&class);
            let diagnostic = UncaughtException {
                headline: headline.clone(),
                src: NamedSource::new(&file_name, src_arc.clone()),
                span: t.span.map(Into::into),
                trace: t
                    .trace
                    .iter()
                    .map(|s| LabeledSpan::new_with_span(Some("called from here".into()), *s))
                    .collect(),
                help,
            };
            Err(EvalError::Uncaught {
                headline: format!("Caught: {headline}"),
                diagnostic: Box::new(diagnostic),
            })
        }
        Err(Flow::Break(_)) | Err(Flow::Continue(_)) => Err(uncaught_internal(
            "break/continue outside of a loop",
            &file_name,
            &src_arc,
        )),
        Err(Flow::Halt(r)) => Err(EvalError::Halted(r)),
    }
}

fn help_for(class: &str) -> Option<String> {
    match class {
        "groovy.lang.MissingPropertyException" => Some(
            "declare the variable with `def` before using it, or check its spelling; variables declared with `def` at the top level are not visible inside methods".into(),
        ),
        "groovy.lang.MissingMethodException" => {
            Some("check the method name and the number and types of its arguments".into())
        }
        "java.lang.NullPointerException" => Some("use the safe-navigation operator `?.` where a value may be null".into()),
        "java.lang.StackOverflowError" => Some("the call depth limit was reached: look for runaway recursion".into()),
        _ => None,
    }
}

fn uncaught_internal(msg: &str, file: &str, src: &Arc<String>) -> EvalError {
    EvalError::Uncaught {
        headline: format!("Caught: {msg}"),
        diagnostic: Box::new(UncaughtException {
            headline: msg.to_string(),
            src: NamedSource::new(file, src.clone()),
            span: None,
            trace: Vec::new(),
            help: None,
        }),
    }
}
