//! AST → Declarative model, reporting every problem at once with Jenkins' own messages.
//!
//! The pass mirrors the two phases of `pipeline-model-definition-plugin`: `ModelParser.groovy`
//! (shape of each section) and `ModelValidatorImpl.groovy` plus the validator contributors
//! (rules over the parsed sections). Both phases run here in one walk; every problem is
//! collected, the walk goes on after each one, and a broken section is not reported a second
//! time as missing. Nothing is evaluated: values stay AST expressions.
//!
//! Start with [`lower_with_source`] (messages quote the exact source text, as Jenkins does) or
//! [`lower`] (quotes are rebuilt from the AST).

mod agent;
pub mod catalog;
mod directives;
mod environment;
mod matrix;
mod shape;
mod stages;
mod steps;
mod unparse;
mod when;

use std::collections::HashSet;
use std::fmt;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceSpan};
use thiserror::Error;

use super::messages::{self as msg, Code};
use super::pipeline::{Pipeline, Post};
use crate::syntax::ast::{Script, Stmt, StmtKind};
use crate::syntax::{LineIndex, Span};
use shape::{call_stmt, Call};

/// One Declarative validation problem, with Jenkins' message.
#[derive(Debug, Clone, Error)]
#[error("{message}")]
pub struct ValidationError {
    pub message: String,
    /// The rule broken, as a stable diagnostic code (`pipe::validate::<kind>`).
    pub code: &'static str,
    pub span: SourceSpan,
    pub label: String,
    pub help: Option<String>,
}

impl ValidationError {
    pub fn new(message: impl Into<String>, span: Span) -> ValidationError {
        ValidationError {
            message: message.into(),
            code: "pipe::validate::invalid",
            span: span.into(),
            label: "here".into(),
            help: None,
        }
    }

    /// 1-based line and column of the error's start in `src`.
    pub fn line_col(&self, src: &str) -> (usize, usize) {
        LineIndex::new(src).line_col(src, self.span.offset())
    }
}

impl Diagnostic for ValidationError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.label.clone()),
            self.span,
        ))))
    }
}

/// All validation errors of one file, with its source attached for rendering.
#[derive(Debug, Error, Diagnostic)]
#[error("{file}: not a valid Declarative Pipeline ({} error{})", errors.len(), if errors.len() == 1 { "" } else { "s" })]
#[diagnostic(code(pipe::validate::failed))]
pub struct ValidationFailure {
    pub file: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[related]
    pub errors: Vec<ValidationError>,
}

impl ValidationFailure {
    pub fn new(
        file: impl Into<String>,
        src: impl Into<String>,
        errors: Vec<ValidationError>,
    ) -> Self {
        let file = file.into();
        ValidationFailure {
            src: NamedSource::new(file.clone(), src.into()).with_language("groovy"),
            file,
            errors,
        }
    }
}

/// Finds the top-level `pipeline { … }` block and lowers it. `Ok(None)` for a scripted
/// pipeline (no `pipeline` block). Messages that quote source text rebuild it from the AST;
/// prefer [`lower_with_source`] when the text is at hand.
pub fn lower(script: &Script) -> Result<Option<Pipeline>, Vec<ValidationError>> {
    lower_impl(script, None)
}

/// [`lower`], with the file's text so that messages quote the source exactly as Jenkins does.
pub fn lower_with_source(
    script: &Script,
    src: &str,
) -> Result<Option<Pipeline>, Vec<ValidationError>> {
    lower_impl(script, Some(src))
}

fn lower_impl(
    script: &Script,
    src: Option<&str>,
) -> Result<Option<Pipeline>, Vec<ValidationError>> {
    let mut cx = Cx::new(src);
    let top = script.body.iter().find(|s| is_pipeline_call(s));
    let pipeline = match top.or_else(|| pipeline_in_call_method(script)) {
        Some(stmt) => lower_pipeline(&mut cx, stmt),
        None => {
            for s in &script.body {
                check_nested_pipeline(&mut cx, s);
            }
            None
        }
    };
    if cx.errors.is_empty() {
        Ok(pipeline)
    } else {
        let mut errors = cx.errors;
        errors.sort_by_key(|e| e.span.offset());
        Err(errors)
    }
}

/// The state of one lowering: the source text (if known) and the errors found so far.
pub(super) struct Cx<'s> {
    src: Option<&'s str>,
    errors: Vec<ValidationError>,
}

/// Refines the error just reported.
pub(super) struct ErrorRef<'a>(&'a mut ValidationError);

impl ErrorRef<'_> {
    pub fn label(self, label: impl Into<String>) -> Self {
        self.0.label = label.into();
        self
    }

    pub fn help(self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }
}

impl<'s> Cx<'s> {
    fn new(src: Option<&'s str>) -> Cx<'s> {
        Cx {
            src,
            errors: Vec::new(),
        }
    }

    /// Reports a problem; the label defaults to "here". A label on a node of more than three
    /// lines (a whole block) marks its first line only.
    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) -> ErrorRef<'_> {
        let span = self.first_line(span);
        self.errors.push(ValidationError {
            message: message.into(),
            code: code.as_str(),
            span: span.into(),
            label: "here".into(),
            help: None,
        });
        let last = self.errors.len() - 1;
        ErrorRef(&mut self.errors[last])
    }

    fn first_line(&self, span: Span) -> Span {
        let Some(text) = self.src.and_then(|s| s.get(span.range())) else {
            return span;
        };
        match text.find('\n').filter(|_| text.lines().count() > 3) {
            Some(nl) => {
                let first = text[..nl].trim_end();
                Span::new(span.start as usize, span.start as usize + first.len())
            }
            None => span,
        }
    }

    /// The source text of a span, or `fallback` when the source is unknown.
    fn text(&self, span: Span, fallback: impl FnOnce() -> String) -> String {
        match self.src.and_then(|s| s.get(span.range())) {
            Some(t) => t.to_string(),
            None => fallback(),
        }
    }

    pub fn expr_text(&self, e: &crate::syntax::ast::Expr) -> String {
        self.text(e.span, || unparse::expr(e))
    }

    pub fn stmt_text(&self, s: &Stmt) -> String {
        self.text(s.span, || unparse::stmt(s))
    }

    pub fn error_count(&self) -> usize {
        self.errors.len()
    }
}

fn is_pipeline_call(s: &Stmt) -> bool {
    call_stmt(s).is_some_and(|c| c.name() == Some("pipeline"))
}

/// A shared library's `def call() { pipeline { … } }`: Jenkins lowers the first `pipeline`
/// block found anywhere in a top-level method named `call`.
fn pipeline_in_call_method(script: &Script) -> Option<&Stmt> {
    script.body.iter().find_map(|s| match &s.kind {
        StmtKind::MethodDef(m) if m.name.name == "call" => find_pipeline(&m.body.stmts),
        _ => None,
    })
}

fn find_pipeline(stmts: &[Stmt]) -> Option<&Stmt> {
    for s in stmts {
        if is_pipeline_call(s) {
            return Some(s);
        }
        if let Some(found) = shape::nested_blocks(s)
            .into_iter()
            .find_map(|b| find_pipeline(b))
        {
            return Some(found);
        }
    }
    None
}

/// `checkForNestedPipelineStep`: a `pipeline` block inside another block.
fn check_nested_pipeline(cx: &mut Cx, s: &Stmt) {
    for body in shape::nested_blocks(s) {
        for inner in body {
            if is_pipeline_call(inner) {
                let span = call_stmt(inner).map_or(inner.span, |c| c.name_span());
                cx.error(Code::PipelineBlock, span, msg::PIPELINE_BLOCK_NOT_AT_TOP)
                    .label("nested here")
                    .help("move `pipeline { … }` to the top level of the Jenkinsfile");
            }
            check_nested_pipeline(cx, inner);
        }
    }
}

/// The sections of `pipeline { … }`, as they are found.
#[derive(Default)]
struct Parts {
    agent: Option<super::pipeline::Agent>,
    environment: Vec<super::pipeline::EnvEntry>,
    options: Vec<super::pipeline::DirectiveCall>,
    parameters: Vec<super::pipeline::ParamDef>,
    triggers: Vec<super::pipeline::DirectiveCall>,
    tools: Vec<super::pipeline::Tool>,
    libraries: Vec<crate::syntax::ast::Expr>,
    stages: Vec<super::pipeline::Stage>,
    post: Post,
}

fn lower_pipeline(cx: &mut Cx, stmt: &Stmt) -> Option<Pipeline> {
    let call = call_stmt(stmt)?;
    let Some(block) = call.block() else {
        cx.error(
            Code::PipelineBlock,
            call.name_span(),
            msg::PIPELINE_STEP_WITHOUT_BLOCK,
        )
        .label("no block")
        .help("write `pipeline { … }`");
        return None;
    };
    let mut out = Parts::default();
    let list = cx.sections(
        &block.body,
        Code::InvalidSection,
        msg::invalid_section_definition,
        "not a section",
    );
    for (name, c) in &list.calls {
        let name_span = c.name_span();
        match *name {
            "stages" => out.stages = stages::stages_section(cx, c, false),
            "environment" => out.environment = environment::environment(cx, c),
            "post" => out.post = stages::post(cx, c),
            "agent" => out.agent = agent::agent(cx, c),
            "tools" => out.tools = directives::tools(cx, c),
            "options" => out.options = directives::options(cx, c, false),
            "parameters" => out.parameters = directives::parameters(cx, c),
            "triggers" => out.triggers = directives::triggers(cx, c),
            "libraries" => out.libraries = directives::libraries(cx, c),
            "properties" => renamed(cx, name_span, msg::RENAMED_PROPERTIES, "options"),
            "wrappers" => renamed(cx, name_span, msg::REMOVED_WRAPPERS, "options"),
            "jobProperties" => renamed(cx, name_span, msg::RENAMED_JOB_PROPERTIES, "options"),
            "notifications" => renamed(cx, name_span, msg::RENAMED_NOTIFICATIONS, "post"),
            "postBuild" => renamed(cx, name_span, msg::RENAMED_POST_BUILD, "post"),
            other => {
                cx.error(Code::UndefinedSection, name_span, msg::undefined_section(other))
                    .label("unknown section")
                    .help("sections of `pipeline` are agent, environment, libraries, options, parameters, post, stages, tools and triggers");
            }
        }
    }
    let head = call.name_span();
    if !list.has("stages") {
        cx.error(Code::MissingSection, head, msg::required_section("stages"))
            .label("this pipeline has no stages")
            .help("add `stages { stage('Build') { steps { … } } }`");
    }
    if !list.has("agent") {
        cx.error(Code::MissingSection, head, msg::required_section("agent"))
            .label("this pipeline has no agent")
            .help("add `agent any` (or `agent none` and an agent per stage)");
    }
    Some(Pipeline {
        agent: out.agent,
        environment: out.environment,
        options: out.options,
        parameters: out.parameters,
        triggers: out.triggers,
        tools: out.tools,
        libraries: out.libraries,
        stages: out.stages,
        post: out.post,
        span: stmt.span,
    })
}

fn renamed(cx: &mut Cx, span: Span, message: &str, instead: &str) {
    cx.error(Code::UndefinedSection, span, message)
        .label("old section name")
        .help(format!("use `{instead} {{ … }}`"));
}

/// The sections of a block (`pipeline`, `stage`, `matrix`, `input`, `axis`): each call with
/// its name, and the bare names written without arguments (`agent`), already reported.
pub(super) struct Sections<'a> {
    pub calls: Vec<(&'a str, Call<'a>)>,
    pub bare: Vec<&'a str>,
}

impl<'a> Sections<'a> {
    /// Whether a section was written, even if it could not be read.
    pub fn has(&self, name: &str) -> bool {
        self.bare.contains(&name) || self.calls.iter().any(|(n, _)| *n == name)
    }
}

impl Cx<'_> {
    /// The block of a section, or `Expected a block for <what>` (with `example` as help).
    pub fn block_of<'c>(
        &mut self,
        c: &Call<'c>,
        what: &str,
        example: &str,
    ) -> Option<&'c crate::syntax::ast::ClosureDef> {
        let block = c.block();
        if block.is_none() {
            let e = self
                .error(Code::InvalidSection, c.span, msg::expected_block_for(what))
                .label("not a block");
            if !example.is_empty() {
                e.help(format!("write `{example}`"));
            }
        }
        block
    }

    /// Reads the statements of a block of sections: a statement that is not a call is
    /// reported with `not_a_section(source text)`, a name given twice with Jenkins'
    /// "Multiple occurrences".
    pub fn sections<'a>(
        &mut self,
        stmts: &'a [Stmt],
        code: Code,
        not_a_section: fn(&str) -> String,
        label: &str,
    ) -> Sections<'a> {
        let mut out = Sections {
            calls: Vec::new(),
            bare: Vec::new(),
        };
        let mut seen: HashSet<&str> = HashSet::new();
        for s in shape::statements(stmts) {
            let Some(c) = call_stmt(s) else {
                if let Some(name) = shape::bare_name(s) {
                    out.bare.push(name);
                }
                let text = self.stmt_text(s);
                self.error(code, s.span, not_a_section(&text)).label(label);
                continue;
            };
            let Some(name) = self.call_name(&c) else {
                continue;
            };
            if !seen.insert(name) {
                self.error(
                    Code::DuplicateSection,
                    c.name_span(),
                    msg::multiple_of_section(name),
                )
                .label("given again here");
            }
            out.calls.push((name, c));
        }
        out
    }

    /// `parseMethodName`: the name of a call, or `None` (reported) for a method called on an
    /// object or a computed name.
    pub fn call_name<'c>(&mut self, c: &Call<'c>) -> Option<&'c str> {
        match c.name() {
            Some(n) => Some(n),
            None => {
                if c.is_object_call() {
                    self.error(Code::Step, c.head_span(), msg::OBJECT_METHOD_CALL)
                        .label("method called on an object")
                        .help("wrap this code in `script { … }`");
                } else {
                    self.error(Code::Step, c.head_span(), msg::EXPECTED_SYMBOL)
                        .label("not a plain name")
                        .help("call methods on objects inside `script { … }`");
                }
                None
            }
        }
    }
}
