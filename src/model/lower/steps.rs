//! Statements of `steps { … }` and `post` conditions (`ModelParser.parseStep`/`parseBranch`,
//! `ModelValidatorImpl.validateElement(ModelASTStep|ModelASTBranch)`,
//! `BlockedStepsAndMethodCalls`). Step names are not checked here (the linter does that with
//! its step catalogue); the arguments of a few well-known steps are.

use std::sync::Arc;

use crate::model::messages::{self as msg, Code};
use crate::model::pipeline::Steps;
use crate::syntax::ast::{ClosureDef, Expr, ExprKind, Stmt};
use crate::syntax::Span;

use super::catalog::{self, Model};
use super::directives::check_value_type;
use super::shape::{self, call_stmt, ArgList, Call, GArg};
use super::Cx;

/// The model's view of a block of steps.
pub fn steps_of(block: &ClosureDef) -> Steps {
    Steps {
        stmts: Arc::new(block.body.clone()),
        span: block.span,
    }
}

/// `parseBranch` + `validateElement(ModelASTBranch)`: a block of steps; at least one.
pub fn branch(cx: &mut Cx, stmts: &[Stmt], span: Span) {
    let mut any = false;
    for s in shape::statements(stmts) {
        any = true;
        step(cx, s);
    }
    if !any {
        cx.error(Code::EmptySection, span, msg::NO_STEPS)
            .label("no steps")
            .help("add a step, e.g. `echo 'hello'`");
    }
}

/// A stage's `steps { … }`. Returns the number of branches Jenkins sees: one, or as many as
/// the closures of a lone `parallel(a: { … }, b: { … })` step.
pub fn stage_steps(cx: &mut Cx, block: &ClosureDef, keyword: Span) -> usize {
    let stmts: Vec<&Stmt> = shape::statements(&block.body).collect();
    if let [only] = stmts.as_slice() {
        if let Some(c) = call_stmt(only).filter(|c| c.name() == Some("parallel")) {
            return parallel_step(cx, &c);
        }
    }
    branch(cx, &block.body, keyword);
    1
}

/// `matchParallel`: the branches of `parallel(name: { … }, failFast: true)`.
fn parallel_step(cx: &mut Cx, c: &Call) -> usize {
    let args = c.gargs();
    let [GArg::Named(entries, _)] = args.as_slice() else {
        return 0;
    };
    let mut branches = 0;
    for (k, v) in entries {
        let key = match k {
            crate::syntax::ast::MapKey::Name(n, _) => Some(n.as_str()),
            crate::syntax::ast::MapKey::Expr(Expr {
                kind: ExprKind::Str(s),
                ..
            }) => Some(s.as_str()),
            _ => None,
        };
        let key_span = shape::key_span(k);
        if key == Some("failFast") {
            if !matches!(v.kind, ExprKind::Bool(_)) {
                cx.error(Code::Value, key_span, msg::expected_boolean("failFast"))
                    .label("expects true or false");
            }
            continue;
        }
        match &v.kind {
            ExprKind::Closure(body) => {
                if key.is_none() {
                    cx.map_key(k);
                }
                branches += 1;
                branch(cx, &body.body, key_span);
            }
            _ => {
                cx.error(Code::Step, key_span, msg::EXPECTED_CLOSURE_OR_FAIL_FAST)
                    .label("neither a branch nor failFast");
            }
        }
    }
    branches
}

/// `parseStep` and its validation.
pub fn step(cx: &mut Cx, s: &Stmt) {
    let Some(c) = call_stmt(s) else {
        cx.error(Code::Step, s.span, msg::EXPECTED_STEP)
            .label("not a step")
            .help("Groovy code (assignments, `if`, loops, `def`) goes inside `script { … }`");
        return;
    };
    let Some(name) = cx.call_name(&c) else {
        return;
    };
    let name_span = c.name_span();
    match name {
        "script" | "expression" => {
            if c.block().is_none() {
                let what = if name == "script" { "Script" } else { "When" };
                cx.error(Code::Step, name_span, msg::step_without_block(what))
                    .label("needs a block");
            }
            return;
        }
        _ => {}
    }
    if let Some(why) = catalog::blocked_in_steps(name) {
        let e = cx
            .error(Code::Step, name_span, msg::blocked_step(name, why))
            .label("not allowed here");
        if name == "parallel" {
            e.help("make it the only step of `steps`, use a `parallel { stage … }` section, or wrap it in `script { … }`");
        }
        return;
    }
    let duplicate = cx.check_duplicate_named(c.args);
    let block = c.block();
    let args: Vec<GArg> = c.args_before_block();
    let list = cx.argument_list(&args);
    if let Some(b) = block {
        for child in shape::statements(&b.body) {
            step(cx, child);
        }
    }
    if let Some(model) = catalog::step_model(name).filter(|_| !duplicate) {
        describable(cx, name, name_span, &list, &model, model.takes_block);
    }
}

/// `validateDescribable`: the arguments of a step or `when` condition against its model.
pub fn describable(
    cx: &mut Cx,
    name: &str,
    span: Span,
    args: &ArgList,
    model: &Model,
    takes_block: bool,
) {
    match args {
        ArgList::Named(list) => {
            let mut valid = true;
            let names = model.names();
            for a in list {
                let Some(p) = model.param(&a.key) else {
                    let near = catalog::nearest(&a.key, &names).unwrap_or("");
                    cx.error(
                        Code::Arguments,
                        a.key_span,
                        msg::invalid_step_parameter(&a.key, near),
                    )
                    .label("unknown parameter");
                    valid = false;
                    continue;
                };
                let sole = list.len() == 1
                    && model.sole_required().is_some_and(|s| s.name == p.name)
                    && !takes_block;
                let key = if sole { None } else { Some(a.key.as_str()) };
                if !check_value_type(cx, &a.val, a.span, p.ty, key) {
                    valid = false;
                }
            }
            if valid {
                for p in model.required() {
                    if !list.iter().any(|a| a.key == p.name) {
                        cx.error(
                            Code::Arguments,
                            span,
                            msg::missing_required_step_parameter(p.name),
                        )
                        .label(format!("`{}` is required", p.name));
                    }
                }
            }
        }
        ArgList::Positional => {
            cx.error(
                Code::Arguments,
                span,
                msg::too_many_unnamed_parameters(name),
            )
            .label("several unnamed arguments")
            .help("name the arguments: `name: value`");
        }
        ArgList::Single(v, vspan) => match model.sole_required() {
            Some(p) => {
                check_value_type(cx, v, *vspan, p.ty, None);
            }
            None if !takes_block => {
                cx.error(Code::Arguments, span, msg::NOT_SINGLE_REQUIRED_PARAMETER)
                    .label("one unnamed argument");
            }
            None => {}
        },
    }
}
