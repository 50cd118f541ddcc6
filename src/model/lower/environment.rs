//! `environment { NAME = value … }` (`ModelParser.parseEnvironment`,
//! `ModelValidatorImpl.validateElement(ModelASTEnvironment)`).

use std::collections::HashSet;

use crate::model::messages::{self as msg, Code};
use crate::model::pipeline::EnvEntry;
use crate::syntax::ast::{AssignOp, BinaryOp, Expr, ExprKind, Ident, StmtKind};

use super::shape::{self, call_expr, constant, valid_env_identifier, Call, GArg};
use super::{unparse, Cx};

pub fn environment(cx: &mut Cx, c: &Call) -> Vec<EnvEntry> {
    let mut out = Vec::new();
    let Some(block) = cx.block_of(c, "environment", "environment { NAME = 'value' }") else {
        return out;
    };
    let stmts: Vec<_> = shape::statements(&block.body).collect();
    if stmts.is_empty() {
        cx.error(Code::EmptySection, c.name_span(), msg::NO_ENV_VARS)
            .label("empty environment")
            .help("remove the section or add `NAME = 'value'` lines");
    }
    let mut seen: HashSet<String> = HashSet::new();
    for s in stmts {
        let assign = match &s.kind {
            StmtKind::Expr(Expr {
                kind:
                    ExprKind::Assign {
                        op: AssignOp::Assign,
                        target,
                        value,
                    },
                ..
            }) => Some((target, value)),
            _ => None,
        };
        let Some((target, value)) = assign else {
            let text = cx.stmt_text(s);
            match text.split_once('=') {
                Some((key, _)) => {
                    let key = key.trim().to_string();
                    cx.error(
                        Code::Identifier,
                        s.span,
                        msg::invalid_identifier_in_env(&key),
                    )
                    .label("not a valid name");
                }
                None => {
                    cx.error(
                        Code::Environment,
                        s.span,
                        msg::invalid_environment_identifier(&text),
                    )
                    .label("not `NAME = value`");
                }
            }
            continue;
        };
        let Some(name) = env_key(cx, target) else {
            continue;
        };
        if !seen.insert(name.clone()) {
            cx.error(
                Code::DuplicateName,
                target.span,
                msg::duplicate_env_var(&name),
            )
            .label("set again here");
            continue;
        }
        let credentials = env_value(cx, value);
        if !valid_env_identifier(&name) {
            cx.error(
                Code::Identifier,
                target.span,
                msg::invalid_identifier_in_env(&name),
            )
            .label("not a valid name");
        }
        out.push(EnvEntry {
            name: Ident {
                name,
                span: target.span,
            },
            value: (**value).clone(),
            credentials,
            span: s.span,
        });
    }
    out
}

/// The variable name on the left of `=`. Groovy itself refuses anything but a variable (or a
/// property) there; we report its message for what our parser lets through.
fn env_key(cx: &mut Cx, target: &Expr) -> Option<String> {
    match &target.kind {
        ExprKind::Var(v) => Some(v.clone()),
        ExprKind::Binary { op, lhs, rhs } => {
            let text = format!(
                "({} {} {})",
                groovy_text(lhs),
                op.symbol(),
                groovy_text(rhs)
            );
            cx.error(
                Code::Groovy,
                target.span,
                msg::groovy_not_a_variable(&text, "binary"),
            )
            .label("not a variable name");
            None
        }
        ExprKind::Str(_) | ExprKind::Number(_) | ExprKind::Bool(_) | ExprKind::Null => {
            let text = format!("[{}]", groovy_text(target));
            cx.error(
                Code::Groovy,
                target.span,
                msg::groovy_not_a_variable(&text, "constant"),
            )
            .label("not a variable name")
            .help("environment variable names are written without quotes");
            None
        }
        _ => cx.string_literal(target),
    }
}

/// `Expression.getText()` for the simple nodes of Groovy's messages.
fn groovy_text(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Str(s) | ExprKind::Var(s) => s.clone(),
        _ => unparse::expr(e),
    }
}

/// Checks a value; returns the credential id of `credentials('id')`.
fn env_value(cx: &mut Cx, value: &Expr) -> Option<Expr> {
    if constant(value).is_some() {
        cx.value(value);
        return None;
    }
    match &value.kind {
        ExprKind::GString(_) => None,
        ExprKind::Binary {
            op: BinaryOp::Add,
            lhs,
            rhs,
        } => {
            concat(cx, lhs, rhs);
            None
        }
        ExprKind::Binary { .. } => {
            cx.error(
                Code::Environment,
                value.span,
                msg::INVALID_ENVIRONMENT_OPERATION,
            )
            .label("only `+` can join values");
            None
        }
        _ => match call_expr(value) {
            Some(call) => internal_function(cx, &call),
            None => {
                cx.error(
                    Code::Environment,
                    value.span,
                    msg::INVALID_ENVIRONMENT_VALUE,
                )
                .label("not a string or a function call")
                .help("quote the value, e.g. \"${…}\" to compute it");
                None
            }
        },
    }
}

/// `parseInternalFunctionCall`: `credentials('id')`; any other call is an ordinary value.
fn internal_function(cx: &mut Cx, call: &Call) -> Option<Expr> {
    if call.name() != Some("credentials") {
        cx.value(call.expr);
        return None;
    }
    let mut id = None;
    for a in call.gargs() {
        match a {
            GArg::Pos(e) if matches!(e.kind, ExprKind::Str(_) | ExprKind::GString(_)) => {
                if id.is_none() {
                    id = Some(e.clone());
                }
            }
            other => {
                cx.error(
                    Code::Environment,
                    other.span(),
                    msg::INVALID_INTERNAL_FUNCTION_ARG,
                )
                .label("not a string")
                .help("write `credentials('credential-id')`");
            }
        }
    }
    id
}

/// `envValueForStringConcat`: `"a" + "${b}" + 'c'`.
fn concat(cx: &mut Cx, lhs: &Expr, rhs: &Expr) {
    match &lhs.kind {
        ExprKind::Binary {
            op: BinaryOp::Add,
            lhs: l,
            rhs: r,
        } => concat(cx, l, r),
        ExprKind::Binary { .. } => {
            cx.error(
                Code::Environment,
                lhs.span,
                msg::INVALID_ENVIRONMENT_OPERATION,
            )
            .label("only `+` can join values");
            return;
        }
        _ => concat_operand(cx, lhs),
    }
    concat_operand(cx, rhs);
}

fn concat_operand(cx: &mut Cx, e: &Expr) {
    if constant(e).is_some() {
        cx.value(e);
    } else if !matches!(e.kind, ExprKind::GString(_)) {
        cx.error(
            Code::Environment,
            e.span,
            msg::INVALID_ENVIRONMENT_CONCAT_VALUE,
        )
        .label("not a quoted string")
        .help("quote it: \"${…}\"");
    }
}
