//! Non-local control flow (exceptions, `return`, `break`, `continue`) and the diagnostic
//! shown for an uncaught exception.

use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use super::value::{ExceptionObj, Value};
use crate::syntax::Span;

/// Why evaluation left the normal path.
pub enum Flow {
    /// A thrown Java/Groovy exception; scripts can catch it.
    Throw(Box<Thrown>),
    Return(Value),
    Break(Option<String>),
    Continue(Option<String>),
    /// Evaluation was stopped from outside (Ctrl-C, a timeout, a failFast sibling). Scripts
    /// cannot catch it, so `finally` blocks run but `catch` blocks do not.
    Halt(HaltReason),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HaltReason {
    Interrupted,
    Cancelled(String),
}

pub struct Thrown {
    /// The exception object (a `Value::Exception`, or any value thrown with `throw`).
    pub value: Value,
    /// Where it was raised, when known.
    pub span: Option<Span>,
    /// Call sites between the throw and the top, innermost first (method and closure calls).
    pub trace: Vec<Span>,
}

pub type R<T> = Result<T, Flow>;

/// Builds a thrown exception of a JDK/Groovy class.
pub fn exception(class: &str, message: Option<String>) -> Flow {
    Flow::Throw(Box::new(Thrown {
        value: exception_value(class, message, None),
        span: None,
        trace: Vec::new(),
    }))
}

pub fn exception_value(class: &str, message: Option<String>, cause: Option<Value>) -> Value {
    Value::Exception(Arc::new(ExceptionObj {
        class: Arc::from(class),
        message,
        cause,
        object: None,
    }))
}

/// `throw new <class>(message)` from Rust.
pub fn throw<T>(class: &str, message: impl Into<String>) -> R<T> {
    Err(exception(class, Some(message.into())))
}

pub fn npe<T>(message: impl Into<String>) -> R<T> {
    throw("java.lang.NullPointerException", message)
}

pub fn illegal_arg<T>(message: impl Into<String>) -> R<T> {
    throw("java.lang.IllegalArgumentException", message)
}

pub fn unsupported<T>(message: impl Into<String>) -> R<T> {
    throw("java.lang.UnsupportedOperationException", message)
}

impl Flow {
    /// Attaches a source location to an exception that has none yet.
    pub fn at(self, span: Span) -> Flow {
        match self {
            Flow::Throw(mut t) => {
                if t.span.is_none() {
                    t.span = Some(span);
                }
                Flow::Throw(t)
            }
            other => other,
        }
    }

    /// Records a call site the exception passed through.
    pub fn through(self, span: Span) -> Flow {
        match self {
            Flow::Throw(mut t) => {
                if t.span.is_none() {
                    t.span = Some(span);
                } else if t.trace.len() < 64 {
                    t.trace.push(span);
                }
                Flow::Throw(t)
            }
            other => other,
        }
    }
}

/// The class name and message of a thrown value, as `Caught: …` prints them.
pub fn describe_thrown(v: &Value) -> (String, Option<String>) {
    match v {
        Value::Exception(e) => (e.class.to_string(), super::value::exception_message(e)),
        other => (other.class_name(), Some(super::value::to_display(other))),
    }
}

/// An exception nobody caught, as a diagnostic pointing into the script.
#[derive(Debug, Error, Diagnostic)]
#[error("{headline}")]
#[diagnostic(code(pipe::eval::uncaught_exception))]
pub struct UncaughtException {
    pub headline: String,
    #[source_code]
    pub src: NamedSource<Arc<String>>,
    #[label("thrown here")]
    pub span: Option<SourceSpan>,
    #[label(collection, "called from here")]
    pub trace: Vec<miette::LabeledSpan>,
    #[help]
    pub help: Option<String>,
}

/// A `break`/`continue`/`return` that escaped to the top, or evaluation being stopped.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(pipe::eval::halted))]
pub struct Halted {
    pub message: String,
}
