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
        ExprKind::InstanceOf { expr, ty } => {
            let col = ctx.col_between(expr.span.end, ty.span.start);
            let v = eval(interp, expr, env, ctx, rec)?;
            let r = Value::Bool(interp.instance_of(&v, ty));
            rec.values.push((col, r.clone()));
            return Ok(r);
        }
        ExprKind::List(items) => {
            for i in items {
                eval(interp, i, env, ctx, rec)?;
            }
            interp.eval(e, env)?
        }
        ExprKind::Map(entries) => {
            for en in entries {
                if let crate::syntax::ast::MapEntry::Pair(_, v) = en {
                    eval(interp, v, env, ctx, rec)?;
                }
            }
            interp.eval(e, env)?
        }
        ExprKind::Ternary {
            cond,
            then_expr,
            else_expr,
        } => {
            let c = eval(interp, cond, env, ctx, rec)?;
            if interp.truthy(&c)? {
                eval(interp, then_expr, env, ctx, rec)?
            } else {
                eval(interp, else_expr, env, ctx, rec)?
            }
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

    /// `msg. Expression: (a == 4). Values: a = 3` for `assert cond : msg`: the condition as
    /// Groovy prints its AST, and the variables that are direct operands.
    pub fn render_with_message(&self, cond: &Expr, message: &str) -> String {
        let mut out = format!("{message}. Expression: {}", expr_text(cond));
        let mut names = Vec::new();
        operand_vars(cond, &mut names);
        let parts: Vec<String> = names
            .iter()
            .map(|n| {
                let v = self
                    .vars
                    .iter()
                    .find(|(k, _)| k == n)
                    .map_or(Value::Null, |(_, v)| v.clone());
                format!("{n} = {}", to_display(&v))
            })
            .collect();
        if !parts.is_empty() {
            out.push_str(". Values: ");
            out.push_str(&parts.join(", "));
        }
        out
    }
}

/// Groovy's `getText()` of an expression, as assertion messages print it: binary operations
/// fully parenthesised, string constants unquoted, implicit `this.` on method calls.
fn expr_text(e: &Expr) -> String {
    use crate::syntax::ast::{Arg, MapEntry, MapKey, NumberLit};
    let args_text = |args: &crate::syntax::ast::Args| {
        let mut parts: Vec<String> = args
            .args
            .iter()
            .map(|a| match a {
                Arg::Positional(x) | Arg::Spread(x) | Arg::SpreadMap(x) => expr_text(x),
                Arg::Named(MapKey::Name(k, _), x) => format!("{k}:{}", expr_text(x)),
                Arg::Named(MapKey::Expr(k), x) => format!("{}:{}", expr_text(k), expr_text(x)),
            })
            .collect();
        parts.extend(args.trailing.iter().map(expr_text));
        parts.join(", ")
    };
    let member = |n: &MemberName| match n {
        MemberName::Name(i) => i.name.clone(),
        MemberName::Dynamic(x) => expr_text(x),
    };
    match &e.kind {
        ExprKind::Null => "null".into(),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Number(n) => match n {
            NumberLit::Integer(i) => i.to_string(),
            NumberLit::Long(i) => i.to_string(),
            NumberLit::BigInteger(s) | NumberLit::BigDecimal(s) => s.clone(),
            NumberLit::Double(d) => d.to_string(),
            NumberLit::Float(f) => f.to_string(),
        },
        ExprKind::Str(s) => s.clone(),
        ExprKind::GString(parts) => parts
            .iter()
            .map(|p| match p {
                GStringPart::Text(t) => t.clone(),
                GStringPart::Expr(x) => format!("${}", expr_text(x)),
            })
            .collect(),
        ExprKind::Var(n) => n.clone(),
        ExprKind::This => "this".into(),
        ExprKind::Super => "super".into(),
        ExprKind::List(items) => format!(
            "[{}]",
            items.iter().map(expr_text).collect::<Vec<_>>().join(", ")
        ),
        ExprKind::Map(entries) if entries.is_empty() => "[:]".into(),
        ExprKind::Map(entries) => format!(
            "[{}]",
            entries
                .iter()
                .map(|en| match en {
                    MapEntry::Pair(MapKey::Name(k, _), v) => format!("{k}:{}", expr_text(v)),
                    MapEntry::Pair(MapKey::Expr(k), v) =>
                        format!("{}:{}", expr_text(k), expr_text(v)),
                    MapEntry::Spread(v) => format!("*:{}", expr_text(v)),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ExprKind::Binary { op, lhs, rhs } => {
            format!("({} {} {})", expr_text(lhs), op.symbol(), expr_text(rhs))
        }
        ExprKind::Unary { op, expr } => match op {
            UnaryOp::Not => expr_text(expr),
            UnaryOp::Neg => format!("-{}", expr_text(expr)),
            UnaryOp::Plus => format!("+{}", expr_text(expr)),
            UnaryOp::BitNot => format!("~{}", expr_text(expr)),
        },
        ExprKind::Ternary {
            cond,
            then_expr,
            else_expr,
        } => format!(
            "({}) ? {} : {}",
            expr_text(cond),
            expr_text(then_expr),
            expr_text(else_expr)
        ),
        ExprKind::Elvis { lhs, rhs } => format!("{} ?: {}", expr_text(lhs), expr_text(rhs)),
        ExprKind::Property {
            obj,
            name,
            deref: d,
        } => format!("{}{}{}", expr_text(obj), d.symbol(), member(name)),
        ExprKind::Index { obj, index } => format!(
            "{}[{}]",
            expr_text(obj),
            index.iter().map(expr_text).collect::<Vec<_>>().join(", ")
        ),
        ExprKind::MethodCall {
            obj,
            name,
            deref: d,
            args,
        } => format!(
            "{}{}{}({})",
            expr_text(obj),
            d.symbol(),
            member(name),
            args_text(args)
        ),
        ExprKind::Call { name, args } => format!("this.{}({})", name.name, args_text(args)),
        ExprKind::InstanceOf { expr, ty } => {
            let full = crate::eval::class::resolve_builtin(&ty.name)
                .map_or_else(|| ty.name.clone(), String::from);
            format!("({} instanceof {full})", expr_text(expr))
        }
        ExprKind::Range {
            from,
            to,
            exclusive,
        } => {
            format!(
                "({}{}{})",
                expr_text(from),
                if *exclusive { "..<" } else { ".." },
                expr_text(to)
            )
        }
        _ => String::new(),
    }
}

/// The variables a message-carrying assertion lists under `Values:`: those that are direct
/// operands of operators, `!`, `instanceof` or a subscript (not receivers or arguments of
/// calls), in order and with repeats, as Groovy 2.4 lists them.
fn operand_vars(e: &Expr, out: &mut Vec<String>) {
    let direct = |x: &Expr, out: &mut Vec<String>| match &x.kind {
        ExprKind::Var(n) => out.push(n.clone()),
        _ => operand_vars(x, out),
    };
    match &e.kind {
        ExprKind::Binary { lhs, rhs, .. } => {
            direct(lhs, out);
            direct(rhs, out);
        }
        ExprKind::Unary { expr, .. } | ExprKind::InstanceOf { expr, .. } => direct(expr, out),
        ExprKind::Index { obj, .. } => direct(obj, out),
        _ => {}
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
