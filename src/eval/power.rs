//! Groovy's power assertions: `assert` evaluates its condition while recording the value of
//! each variable, property, call and operator, and a failure prints them under the source:
//!
//! ```text
//! assert l.size() == 4
//!        | |      |
//!        | 3      false
//!        [1, 2, 3]
//! ```

use super::error::R;
use super::interp::{Env, Interp};
use super::value::{to_display, Value};
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, GStringPart, MemberName, UnaryOp};

/// Values recorded while evaluating an assertion, with the column (1-based, in the line
/// `assert <text>`) of the token they belong to.
#[derive(Default)]
pub struct Recorder {
    values: Vec<(usize, Value)>,
    /// Variables read, for the `Values:` part of a message-carrying assertion.
    vars: Vec<(String, Value)>,
}

const PREFIX: usize = "assert ".len();

struct Ctx<'a> {
    text: &'a str,
    base: usize,
}

impl Ctx<'_> {
    fn col(&self, offset: u32) -> usize {
        let rel = (offset as usize).saturating_sub(self.base);
        let chars = self
            .text
            .get(..rel.min(self.text.len()))
            .map_or(rel, |s| s.chars().count());
        PREFIX + chars + 1
    }

    /// The column of the first token between two offsets (an operator between operands).
    fn col_between(&self, from: u32, to: u32) -> usize {
        let a = (from as usize)
            .saturating_sub(self.base)
            .min(self.text.len());
        let b = (to as usize)
            .saturating_sub(self.base)
            .min(self.text.len())
            .max(a);
        let gap = self.text.get(a..b).unwrap_or("");
        let skip = gap.len() - gap.trim_start().len();
        self.col((self.base + a + skip) as u32)
    }
}

/// Evaluates an assertion condition, recording values; returns its truth and the recorder.
pub fn eval_recorded(interp: &Interp, cond: &Expr, text: &str, env: &Env) -> R<(bool, Recorder)> {
    let mut rec = Recorder::default();
    let ctx = Ctx {
        text,
        base: cond.span.start as usize,
    };
    let v = eval(interp, cond, env, &ctx, &mut rec)?;
    Ok((interp.truthy(&v)?, rec))
}

fn eval(interp: &Interp, e: &Expr, env: &Env, ctx: &Ctx<'_>, rec: &mut Recorder) -> R<Value> {
    let v = match &e.kind {
        ExprKind::Var(name) => {
            let v = interp.eval(e, env)?;
            rec.vars.push((name.clone(), v.clone()));
            rec.values.push((ctx.col(e.span.start), v.clone()));
            return Ok(v);
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let col = ctx.col_between(lhs.span.end, rhs.span.start);
            let a = eval(interp, lhs, env, ctx, rec)?;
            let v = match op {
                BinaryOp::And => {
                    if interp.truthy(&a)? {
                        let b = eval(interp, rhs, env, ctx, rec)?;
                        Value::Bool(interp.truthy(&b)?)
                    } else {
                        Value::Bool(false)
                    }
                }
                BinaryOp::Or => {
                    if interp.truthy(&a)? {
                        Value::Bool(true)
                    } else {
                        let b = eval(interp, rhs, env, ctx, rec)?;
                        Value::Bool(interp.truthy(&b)?)
                    }
                }
                _ => {
                    let b = eval(interp, rhs, env, ctx, rec)?;
                    interp.binary(*op, a, b).map_err(|f| f.at(e.span))?
                }
            };
            rec.values.push((col, v.clone()));
            return Ok(v);
        }
        ExprKind::Unary {
            op: UnaryOp::Not,
            expr,
        } => {
            let inner = eval(interp, expr, env, ctx, rec)?;
            let v = Value::Bool(!interp.truthy(&inner)?);
            rec.values.push((ctx.col(e.span.start), v.clone()));
            return Ok(v);
        }
        ExprKind::Property {
            obj,
            name: MemberName::Name(n),
            deref,
        } => {
            let recv = eval(interp, obj, env, ctx, rec)?;
            let v = interp
                .get_property_deref(&recv, &n.name, *deref, e.span)
                .map_err(|f| f.at(e.span))?;
            rec.values.push((ctx.col(n.span.start), v.clone()));
            v
        }
        ExprKind::MethodCall {
            obj,
            name: MemberName::Name(n),
            deref,
            args,
        } if !matches!(obj.kind, ExprKind::Super) => {
            let recv = eval(interp, obj, env, ctx, rec)?;
            let a = interp.eval_args(args, env)?;
            let v = if *deref == crate::syntax::ast::Deref::Safe && recv.is_null() {
                Value::Null
            } else if *deref == crate::syntax::ast::Deref::Spread {
                let mut out = Vec::new();
                for it in interp.iterate(&recv, e.span)? {
                    out.push(interp.call_method(&it, &n.name, a.clone(), e.span)?);
                }
                Value::list(out)
            } else {
                interp
                    .call_method(&recv, &n.name, a, e.span)
                    .map_err(|f| f.at(e.span))?
            };
            rec.values.push((ctx.col(n.span.start), v.clone()));
            v
        }
        ExprKind::Call { name, .. } => {
            let v = interp.eval(e, env)?;
            rec.values.push((ctx.col(name.span.start), v.clone()));
            v
        }
        ExprKind::Index { obj, index } => {
            let recv = eval(interp, obj, env, ctx, rec)?;
            let mut idx = Vec::new();
            for i in index {
                idx.push(eval(interp, i, env, ctx, rec)?);
            }
            let v = interp
                .get_at(&recv, &idx, e.span)
                .map_err(|f| f.at(e.span))?;
            let col = ctx.col_between(
                obj.span.end,
                index.first().map_or(e.span.end, |i| i.span.start),
            );
            rec.values.push((col, v.clone()));
            v
        }
        ExprKind::GString(parts) => {
            for p in parts {
                if let GStringPart::Expr(x) = p {
                    eval(interp, x, env, ctx, rec)?;
                }
            }
            interp.eval(e, env)?
        }
        _ => interp.eval(e, env)?,
    };
    Ok(v)
}

impl Recorder {
    /// The power-assertion message: the source line and the values under it.
    pub fn render(&self, text: &str) -> String {
        let first = format!("assert {}", text.replace(['\n', '\r'], " "));
        let mut lines: Vec<Vec<char>> = vec![first.chars().collect(), Vec::new()];
        let mut start_columns: Vec<usize> = vec![0, 0];
        let mut values: Vec<&(usize, Value)> = self.values.iter().collect();
        // Rightmost first; for equal columns keep recording order (stable sort).
        values.sort_by_key(|v| std::cmp::Reverse(v.0));
        let n = values.len();
        'next: for i in 0..n {
            let (col, value) = values[i];
            if *col < 1 {
                continue;
            }
            if let Some((next_col, _)) = values.get(i + 1) {
                if next_col == col {
                    continue;
                }
            }
            let s = to_display(value);
            let parts: Vec<&str> = s.split('\n').collect();
            let end = if parts.len() == 1 {
                col + s.chars().count()
            } else {
                usize::MAX
            };
            for j in 1..lines.len() {
                if end < start_columns[j] {
                    place(&mut lines[j], &s, *col);
                    start_columns[j] = *col;
                    continue 'next;
                }
                place(&mut lines[j], "|", *col);
                if j > 1 {
                    start_columns[j] = col + 1;
                }
            }
            for p in parts {
                let mut line = Vec::new();
                place(&mut line, p, *col);
                lines.push(line);
                start_columns.push(*col);
            }
        }
        lines
            .iter()
            .map(|l| l.iter().collect::<String>().trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// `msg. Expression: (text). Values: a = 1, b = 2` for `assert cond : msg`.
    pub fn render_with_message(&self, text: &str, message: &str) -> String {
        let mut out = format!("{message}. Expression: ({text})");
        let mut seen: Vec<&str> = Vec::new();
        let mut parts = Vec::new();
        for (name, v) in &self.vars {
            if !seen.contains(&name.as_str()) {
                seen.push(name);
                parts.push(format!("{name} = {}", to_display(v)));
            }
        }
        if !parts.is_empty() {
            out.push_str(". Values: ");
            out.push_str(&parts.join(", "));
        }
        out
    }
}

fn place(line: &mut Vec<char>, s: &str, col: usize) {
    let at = col - 1;
    while line.len() < at {
        line.push(' ');
    }
    for (k, c) in s.chars().enumerate() {
        if at + k < line.len() {
            line[at + k] = c;
        } else {
            line.push(c);
        }
    }
}
