//! The pest parser: the only file of the crate that names pest.
//!
//! `grammar/pipeline.pest` recognises the text; this file turns the pairs into
//! [`syntax::ast`](super::ast) right away (operators through a Pratt parser) and turns
//! pest's failures into [`SyntaxError`]s worded for Groovy users (see `diagnose`).

use std::cell::Cell;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser as _;

use super::ast::*;
use super::error::{ErrorKind, SyntaxError};
use super::span::Span;

mod diagnose;
mod lex;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/pipeline.pest"]
struct GroovyParser;

/// Most errors reported for one file; past that, the rest is likely noise.
const MAX_ERRORS: usize = 20;
/// Largest remainder of a file that is parsed again for a more precise error message.
const DETAIL_MAX_BYTES: usize = 256 * 1024;
/// Deepest nesting of expressions and statements converted on the caller's stack.
const INLINE_DEPTH: usize = 48;
/// Deepest nesting converted at all (on a thread with `BIG_STACK`).
const MAX_DEPTH: usize = 2000;
/// Stack of the thread that parses deeply nested files (only touched pages are used).
const BIG_STACK: usize = 256 << 20;
/// pest's cumulative call budget per parse: far above what any real script needs (a few
/// calls per byte), low enough to stop pathological backtracking. Larger files get
/// `CALLS_PER_BYTE` times their size.
const CALL_LIMIT: usize = 50_000_000;
const CALLS_PER_BYTE: usize = 50;

/// Parses a whole script; on failure returns every syntax error found, in source order.
pub fn parse_script(src: &str) -> Result<Script, Vec<SyntaxError>> {
    raise_call_limit(CALL_LIMIT.max(src.len().saturating_mul(CALLS_PER_BYTE)));
    // Most files are shallow: parse them on the caller's stack. A file nested deeper than
    // that is parsed again on a thread with a large stack, so that neither pest nor the
    // conversion can overflow the caller's (test threads have 2 MiB).
    let (res, too_deep) = parse_with_depth(src, INLINE_DEPTH);
    if !too_deep {
        return res;
    }
    let owned = src.to_string();
    std::thread::Builder::new()
        .name("pipewright-parse".into())
        .stack_size(BIG_STACK)
        .spawn(move || parse_with_depth(&owned, MAX_DEPTH).0)
        .ok()
        .and_then(|h| h.join().ok())
        .unwrap_or(res)
}

/// pest's call limit is one process-wide setting, read when a parse starts: it only ever
/// grows, to what the largest file parsed so far needs.
fn raise_call_limit(wanted: usize) {
    static CURRENT: AtomicUsize = AtomicUsize::new(0);
    static LOCK: Mutex<()> = Mutex::new(());
    if CURRENT.load(Ordering::Relaxed) >= wanted {
        return;
    }
    let _guard = LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let limit = CURRENT.load(Ordering::Relaxed).max(wanted);
    CURRENT.store(limit, Ordering::Relaxed);
    pest::set_call_limit(NonZeroUsize::new(limit));
}

/// Parses once; on failure, hands over to `diagnose` for every error. The flag says the
/// input was too deep for `max_depth` (or for pest's stack check), so a retry with a
/// bigger stack may succeed.
fn parse_with_depth(src: &str, max_depth: usize) -> (Result<Script, Vec<SyntaxError>>, bool) {
    let mut errors = Vec::new();
    let mut body = Vec::new();
    let too_deep = match GroovyParser::parse(Rule::script, src) {
        Ok(pairs) => {
            let conv = Converter::new(0, max_depth);
            for pair in pairs.flatten().take(1) {
                conv.script_body(pair, &mut body, &mut errors);
            }
            conv.too_deep.get()
        }
        Err(e) => {
            if let pest::error::ErrorVariant::CustomError { message } = &e.variant {
                if message.contains("stack") && max_depth < MAX_DEPTH {
                    return (Err(Vec::new()), true);
                }
            }
            let (errs, deep) = diagnose::report(src, max_depth);
            errors = errs;
            deep
        }
    };
    let res = if errors.is_empty() {
        Ok(Script {
            body,
            span: Span::new(0, src.len()),
        })
    } else {
        Err(errors)
    };
    (res, too_deep)
}

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    use Assoc::{Left, Right};
    use Rule::*;
    // Loosest first; each `.op` binds tighter than the one before.
    PrattParser::new()
        .op(Op::infix(assign_op, Right))
        .op(Op::infix(ternary, Right) | Op::infix(elvis, Right))
        .op(Op::infix(or_op, Left))
        .op(Op::infix(and_op, Left))
        .op(Op::infix(bor_op, Left))
        .op(Op::infix(bxor_op, Left))
        .op(Op::infix(band_op, Left))
        .op(Op::infix(eq_op, Left))
        .op(Op::infix(rel_op, Left) | Op::postfix(as_op) | Op::postfix(instanceof_op))
        .op(Op::infix(shift_op, Left))
        .op(Op::infix(add_op, Left))
        .op(Op::infix(mul_op, Left))
        .op(Op::prefix(neg_op) | Op::prefix(plus_op) | Op::prefix(pre_inc) | Op::prefix(pre_dec))
        .op(Op::infix(pow_op, Left))
        .op(Op::prefix(not_op) | Op::prefix(bitnot_op) | Op::prefix(cast))
        .op(Op::postfix(member)
            | Op::postfix(call_args)
            | Op::postfix(index)
            | Op::postfix(trailing_closure)
            | Op::postfix(post_inc)
            | Op::postfix(post_dec))
});

type R<T> = Result<T, SyntaxError>;

/// An expression plus whether it was written in parentheses, which matters for calls:
/// `(a.b)(1)` calls the value of `a.b`, while `a.b(1)` calls method `b`.
struct PExpr {
    expr: Expr,
    paren: bool,
}

impl PExpr {
    fn plain(expr: Expr) -> PExpr {
        PExpr { expr, paren: false }
    }
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// Turns pairs into AST nodes. `offset` is where the parsed chunk starts in `src`.
struct Converter {
    offset: usize,
    depth: Cell<usize>,
    max_depth: usize,
    /// Set when `max_depth` was exceeded.
    too_deep: Cell<bool>,
}

impl Converter {
    fn new(offset: usize, max_depth: usize) -> Self {
        Converter {
            offset,
            depth: Cell::new(0),
            max_depth,
            too_deep: Cell::new(false),
        }
    }

    /// The pair's span, without the blanks that pest's implicit skip may leave at its end.
    fn span(&self, p: &Pair<'_, Rule>) -> Span {
        let s = p.as_span();
        let text = p.as_str();
        let trimmed = text.trim_end_matches([' ', '\t', '\r']).len();
        Span::new(s.start() + self.offset, s.start() + trimmed + self.offset)
    }

    fn error(
        &self,
        kind: ErrorKind,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> SyntaxError {
        SyntaxError::new(kind, message, span, label)
    }

    /// Guards recursion: every nested statement or expression passes through here.
    fn enter(&self, p: &Pair<'_, Rule>) -> R<DepthGuard<'_>> {
        let d = self.depth.get() + 1;
        if d > self.max_depth {
            self.too_deep.set(true);
            return Err(self.error(
                ErrorKind::TooDeep,
                self.span(p),
                "the code is nested too deeply",
                "nesting limit reached here",
            ));
        }
        self.depth.set(d);
        Ok(DepthGuard(&self.depth))
    }

    fn ident(&self, p: &Pair<'_, Rule>) -> Ident {
        Ident {
            name: p.as_str().to_string(),
            span: self.span(p),
        }
    }

    // ---------------------------------------------------------------- statements

    fn script_body(
        &self,
        script: Pair<'_, Rule>,
        body: &mut Vec<Stmt>,
        errors: &mut Vec<SyntaxError>,
    ) {
        for p in script.into_inner() {
            match p.as_rule() {
                Rule::EOI | Rule::shebang => {}
                _ => {
                    if let Err(e) = self.push_stmt(body, p) {
                        errors.push(e);
                    }
                }
            }
        }
    }

    fn stmts(&self, pairs: Pairs<'_, Rule>) -> R<Vec<Stmt>> {
        let mut out = Vec::new();
        for p in pairs {
            self.push_stmt(&mut out, p)?;
        }
        Ok(out)
    }

    /// Adds a statement, or joins a continuation line (`.member…`, `? a : b`) to the
    /// expression of the statement before it.
    fn push_stmt(&self, body: &mut Vec<Stmt>, p: Pair<'_, Rule>) -> R<()> {
        if p.as_rule() != Rule::continuation {
            body.push(self.stmt(p)?);
            return Ok(());
        }
        let span = self.span(&p);
        let target = body.last_mut().and_then(|s| {
            let e = match &mut s.kind {
                StmtKind::Expr(e) | StmtKind::Throw(e) | StmtKind::Return(Some(e)) => e,
                StmtKind::MultiDecl { value, .. } | StmtKind::MultiAssign { value, .. } => value,
                StmtKind::Decl(d) => d.vars.last_mut()?.init.as_mut()?,
                _ => return None,
            };
            Some((e, &mut s.span))
        });
        let Some((expr, stmt_span)) = target else {
            let at = Span::new(span.start as usize, span.start as usize + 1);
            return Err(self
                .error(
                    ErrorKind::UnexpectedLineStart,
                    at,
                    "unexpected start of line",
                    "nothing to continue here",
                )
                .with_help(
                    "a line may start with `.`, `?.` or `?` only to continue the expression above",
                ));
        };
        let prev = std::mem::replace(expr, Expr::new(ExprKind::Null, span));
        let mut it = p.into_inner();
        let first = next(&mut it, span)?;
        let joined = if first.as_rule() == Rule::member {
            let ops: Vec<Pair<'_, Rule>> = std::iter::once(first).chain(it).collect();
            self.attach_postfix(prev, ops)?
        } else {
            let rhs = self.expr(next(&mut it, span)?)?;
            self.attach_conditional(prev, first, rhs)?
        };
        *stmt_span = stmt_span.to(joined.span);
        *expr = joined;
        Ok(())
    }

    /// Applies postfix operators to the rightmost operand of `e` (they bind tighter than
    /// any operator, and a command's last argument is such an operand: `println l\n.size()`).
    fn attach_postfix(&self, mut e: Expr, ops: Vec<Pair<'_, Rule>>) -> R<Expr> {
        let Some(child) = rightmost_operand(&mut e.kind) else {
            let mut acc = PExpr::plain(e);
            for op in ops {
                acc = self.postfix(acc, op)?;
            }
            return Ok(acc.expr);
        };
        let prev = std::mem::replace(child, Expr::new(ExprKind::Null, e.span));
        *child = self.attach_postfix(prev, ops)?;
        let end = child.span;
        if let ExprKind::Call { args, .. } | ExprKind::MethodCall { args, .. } = &mut e.kind {
            args.span = args.span.to(end);
        }
        e.span = e.span.to(end);
        Ok(e)
    }

    /// `x = cond\n ? a : b`: the condition is the value being assigned, as the ternary binds
    /// tighter than assignment.
    fn attach_conditional(&self, e: Expr, op: Pair<'_, Rule>, rhs: Expr) -> R<Expr> {
        if let ExprKind::Assign {
            op: aop,
            target,
            value,
        } = e.kind
        {
            let value = self.attach_conditional(*value, op, rhs)?;
            let span = e.span.to(value.span);
            return Ok(Expr::new(
                ExprKind::Assign {
                    op: aop,
                    target,
                    value: bx(value),
                },
                span,
            ));
        }
        Ok(self.infix(PExpr::plain(e), op, PExpr::plain(rhs))?.expr)
    }

    fn block(&self, p: Pair<'_, Rule>) -> R<Block> {
        let span = self.span(&p);
        Ok(Block {
            stmts: self.stmts(p.into_inner())?,
            span,
        })
    }

    fn boxed_stmt(&self, p: Pair<'_, Rule>) -> R<Box<Stmt>> {
        Ok(Box::new(self.stmt(p)?))
    }

    fn stmt(&self, p: Pair<'_, Rule>) -> R<Stmt> {
        let _g = self.enter(&p)?;
        let span = self.span(&p);
        let kind = match p.as_rule() {
            Rule::expr_stmt => {
                // The expression's span is exact; the pair's may end in a comment.
                let e = self.command_expr(p)?;
                let span = e.span;
                return Ok(Stmt::new(StmtKind::Expr(e), span));
            }
            Rule::block => StmtKind::Block(self.block(p)?),
            Rule::empty_stmt => StmtKind::Empty,
            Rule::if_stmt => {
                let mut it = p.into_inner();
                let c = next(&mut it, span)?;
                self.no_assignment(&c, "if")?;
                let cond = self.pexpr(c)?;
                let then_branch = self.boxed_stmt(next(&mut it, span)?)?;
                let else_branch = it.next().map(|e| self.boxed_stmt(e)).transpose()?;
                StmtKind::If {
                    cond,
                    then_branch,
                    else_branch,
                }
            }
            Rule::while_stmt => {
                let mut it = p.into_inner();
                let cond = self.pexpr(next(&mut it, span)?)?;
                let body = self.boxed_stmt(next(&mut it, span)?)?;
                StmtKind::While { cond, body }
            }
            Rule::for_stmt => self.for_stmt(p, span)?,
            Rule::switch_stmt => self.switch_stmt(p, span)?,
            Rule::try_stmt => self.try_stmt(p, span)?,
            Rule::return_stmt => {
                StmtKind::Return(p.into_inner().next().map(|e| self.expr(e)).transpose()?)
            }
            Rule::break_stmt => StmtKind::Break(p.into_inner().next().map(|i| self.ident(&i))),
            Rule::continue_stmt => {
                StmtKind::Continue(p.into_inner().next().map(|i| self.ident(&i)))
            }
            Rule::throw_stmt => StmtKind::Throw(self.expr(next(&mut p.into_inner(), span)?)?),
            Rule::assert_stmt => {
                let mut it = p.into_inner();
                let c = next(&mut it, span)?;
                self.no_assignment(&c, "assert")?;
                let text = c.as_str().trim_end().to_string();
                let cond = self.expr(c)?;
                let message = it.next().map(|m| self.expr(m)).transpose()?;
                StmtKind::Assert {
                    cond,
                    message,
                    text,
                }
            }
            Rule::labeled => {
                let mut it = p.into_inner();
                let label = self.ident(&next(&mut it, span)?);
                let body = self.boxed_stmt(next(&mut it, span)?)?;
                StmtKind::Labeled { label, body }
            }
            Rule::import_stmt => StmtKind::Import(self.import(p, Vec::new())),
            Rule::package_stmt => StmtKind::Package(
                p.into_inner()
                    .next()
                    .map(|q| q.as_str().to_string())
                    .unwrap_or_default(),
            ),
            Rule::annotated => self.annotated(p, span)?,
            Rule::class_def => StmtKind::ClassDef(Arc::new(self.class_def(p, Vec::new())?)),
            Rule::decl_or_method => self.decl_or_method(p, Vec::new())?,
            Rule::multi_assign => {
                let mut targets = Vec::new();
                let mut value = None;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::ident => targets.push(self.ident(&c)),
                        _ => value = Some(self.command_expr(c)?),
                    }
                }
                let value = value.ok_or_else(|| self.internal(span))?;
                StmtKind::MultiAssign { targets, value }
            }
            _ => return Err(self.internal(span)),
        };
        Ok(Stmt::new(kind, span))
    }

    /// Groovy 2.4 parses the condition of `if` and `assert` without assignments (so that
    /// `if (a = b)` meant as `==` is caught); `if ((a = b))` is fine.
    fn no_assignment(&self, cond: &Pair<'_, Rule>, keyword: &str) -> R<()> {
        let Some(op) = cond
            .clone()
            .into_inner()
            .find(|q| q.as_rule() == Rule::assign_op)
        else {
            return Ok(());
        };
        let label = if op.as_str() == "=" {
            "`=` assigns a value: did you mean `==`?".to_string()
        } else {
            format!("`{}` assigns a value", op.as_str())
        };
        Err(self
            .error(
                ErrorKind::AssignmentInCondition,
                self.span(&op),
                format!("the condition of `{keyword}` cannot be an assignment"),
                label,
            )
            .with_help(format!(
                "to compare, write `==`; to assign and test the value, wrap the assignment in parentheses: `{keyword} ((a = b))`"
            )))
    }

    fn internal(&self, span: Span) -> SyntaxError {
        self.error(
            ErrorKind::Internal,
            span,
            "the parser could not understand this",
            "here",
        )
    }

    fn for_stmt(&self, p: Pair<'_, Rule>, span: Span) -> R<StmtKind> {
        let mut it = p.into_inner();
        let header = next(&mut it, span)?;
        let body = self.boxed_stmt(next(&mut it, span)?)?;
        if header.as_rule() == Rule::for_in {
            let mut var_type = None;
            let mut var = None;
            let mut iterable = None;
            for c in header.into_inner() {
                match c.as_rule() {
                    Rule::any_type => var_type = Some(self.type_ref(c)),
                    Rule::ident => var = Some(self.ident(&c)),
                    _ => iterable = Some(self.pexpr(c)?),
                }
            }
            let (Some(var), Some(iterable)) = (var, iterable) else {
                return Err(self.internal(span));
            };
            return Ok(StmtKind::ForIn {
                var,
                var_type,
                iterable,
                body,
            });
        }
        let mut init = Vec::new();
        let mut cond = None;
        let mut update = Vec::new();
        for part in header.into_inner() {
            match part.as_rule() {
                Rule::for_init => {
                    for c in part.into_inner() {
                        let s = self.span(&c);
                        if c.as_rule() == Rule::decl_or_method {
                            init.push(Stmt::new(self.decl_or_method(c, Vec::new())?, s));
                        } else {
                            init.push(Stmt::new(StmtKind::Expr(self.pexpr(c)?), s));
                        }
                    }
                }
                Rule::for_cond => {
                    cond = part
                        .into_inner()
                        .next()
                        .map(|c| self.pexpr(c))
                        .transpose()?
                }
                _ => {
                    for c in part.into_inner() {
                        update.push(self.pexpr(c)?);
                    }
                }
            }
        }
        Ok(StmtKind::ForClassic {
            init,
            cond,
            update,
            body,
        })
    }

    fn switch_stmt(&self, p: Pair<'_, Rule>, span: Span) -> R<StmtKind> {
        let mut it = p.into_inner();
        let subject = self.pexpr(next(&mut it, span)?)?;
        let mut arms = Vec::new();
        for arm in it {
            let arm_span = self.span(&arm);
            let mut labels = Vec::new();
            let mut is_default = false;
            let mut body = Vec::new();
            for c in arm.into_inner() {
                match c.as_rule() {
                    Rule::switch_label => {
                        let Some(l) = c.into_inner().next() else {
                            continue;
                        };
                        if l.as_rule() == Rule::default_label {
                            is_default = true;
                        } else {
                            labels.push(self.pexpr(l)?);
                        }
                    }
                    _ => self.push_stmt(&mut body, c)?,
                }
            }
            arms.push(SwitchArm {
                labels,
                is_default,
                body,
                span: arm_span,
            });
        }
        Ok(StmtKind::Switch { subject, arms })
    }

    fn try_stmt(&self, p: Pair<'_, Rule>, span: Span) -> R<StmtKind> {
        let mut it = p.into_inner();
        let body = self.block(next(&mut it, span)?)?;
        let mut catches = Vec::new();
        let mut finally = None;
        for c in it {
            let cspan = self.span(&c);
            match c.as_rule() {
                Rule::catch_clause => {
                    let mut types = Vec::new();
                    let mut var = None;
                    let mut block = None;
                    for part in c.into_inner() {
                        match part.as_rule() {
                            Rule::catch_types => {
                                types = part.into_inner().map(|t| self.type_ref(t)).collect()
                            }
                            Rule::ident => var = Some(self.ident(&part)),
                            _ => block = Some(self.block(part)?),
                        }
                    }
                    let (Some(var), Some(body)) = (var, block) else {
                        return Err(self.internal(cspan));
                    };
                    catches.push(Catch {
                        types,
                        var,
                        body,
                        span: cspan,
                    });
                }
                _ => {
                    if let Some(b) = c.into_inner().next() {
                        finally = Some(self.block(b)?);
                    }
                }
            }
        }
        if catches.is_empty() && finally.is_none() {
            let at = Span::new(span.start as usize, span.start as usize + 3);
            return Err(self
                .error(
                    ErrorKind::TryWithoutCatch,
                    at,
                    "`try` without `catch` or `finally`",
                    "this `try` block has no `catch` or `finally`",
                )
                .with_help("add a `catch (e) { … }` or a `finally { … }` block after it"));
        }
        Ok(StmtKind::Try {
            body,
            catches,
            finally,
        })
    }

    fn import(&self, p: Pair<'_, Rule>, annotations: Vec<Annotation>) -> Import {
        let span = self.span(&p);
        let mut imp = Import {
            path: String::new(),
            is_static: false,
            wildcard: false,
            alias: None,
            annotations,
            span,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::import_static => imp.is_static = true,
                Rule::qualified_name => imp.path = c.as_str().to_string(),
                Rule::import_star => imp.wildcard = true,
                _ => imp.alias = Some(self.ident(&c)),
            }
        }
        imp
    }

    fn annotated(&self, p: Pair<'_, Rule>, span: Span) -> R<StmtKind> {
        let mut annotations = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::annotation => annotations.push(self.annotation(c)?),
                Rule::import_stmt => return Ok(StmtKind::Import(self.import(c, annotations))),
                Rule::underscore => return Ok(StmtKind::AnnotatedUnderscore(annotations)),
                Rule::class_def => {
                    return Ok(StmtKind::ClassDef(Arc::new(
                        self.class_def(c, annotations)?,
                    )))
                }
                _ => return self.decl_or_method(c, annotations),
            }
        }
        Err(self.internal(span))
    }

    fn annotation(&self, p: Pair<'_, Rule>) -> R<Annotation> {
        let span = self.span(&p);
        let mut name = String::new();
        let mut args = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::qualified_name => name = c.as_str().to_string(),
                Rule::annotation_pair => {
                    let mut it = c.into_inner();
                    let key = next(&mut it, span)?;
                    let value = self.pexpr(next(&mut it, span)?)?;
                    args.push(Arg::Named(
                        MapKey::Name(key.as_str().to_string(), self.span(&key)),
                        value,
                    ));
                }
                _ => args.push(Arg::Positional(self.pexpr(c)?)),
            }
        }
        Ok(Annotation { name, args, span })
    }

    fn modifiers(&self, p: Pair<'_, Rule>) -> Modifiers {
        p.into_inner().map(|m| self.ident(&m)).collect()
    }

    fn decl_or_method(&self, p: Pair<'_, Rule>, annotations: Vec<Annotation>) -> R<StmtKind> {
        let span = self.span(&p);
        let mut modifiers = Vec::new();
        let mut ty = None;
        let mut pending_targets = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::modifiers => modifiers = self.modifiers(c),
                Rule::decl_type => ty = Some(self.type_ref(c)),
                Rule::multi_targets => {
                    // `def (a, b) = value`: the value is the next sibling.
                    let targets = c
                        .into_inner()
                        .map(|t| self.param(t))
                        .collect::<R<Vec<_>>>()?;
                    pending_targets = Some(targets);
                }
                Rule::initializer => {
                    let value = self.command_expr(c)?;
                    return Ok(StmtKind::MultiDecl {
                        annotations,
                        modifiers,
                        targets: pending_targets.unwrap_or_default(),
                        value,
                    });
                }
                Rule::method_rest => {
                    let m = self.method(c, annotations, modifiers, ty, span)?;
                    return Ok(StmtKind::MethodDef(Arc::new(m)));
                }
                Rule::var_decls => {
                    let vars = c
                        .into_inner()
                        .map(|v| self.var_decl(v))
                        .collect::<R<Vec<_>>>()?;
                    return Ok(StmtKind::Decl(Decl {
                        annotations,
                        modifiers,
                        ty,
                        vars,
                    }));
                }
                _ => return Err(self.internal(span)),
            }
        }
        Err(self.internal(span))
    }

    fn var_decl(&self, p: Pair<'_, Rule>) -> R<DeclVar> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.ident(&next(&mut it, span)?);
        let init = it.next().map(|i| self.command_expr(i)).transpose()?;
        Ok(DeclVar { name, init })
    }

    fn method(
        &self,
        p: Pair<'_, Rule>,
        annotations: Vec<Annotation>,
        modifiers: Modifiers,
        return_type: Option<TypeRef>,
        span: Span,
    ) -> R<MethodDef> {
        let mut name = None;
        let mut params = Vec::new();
        let mut body = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => name = Some(self.ident(&c)),
                Rule::string_name => {
                    let s = self.span(&c);
                    let raw = c.as_str();
                    let text = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
                    name = Some(Ident {
                        name: unescape(text, s)
                            .map_err(|e| self.error(ErrorKind::InvalidEscape, e.0, e.1, "here"))?,
                        span: s,
                    });
                }
                Rule::params => params = self.params(c)?,
                Rule::block => body = Some(self.block(c)?),
                _ => {} // `throws` types are not kept
            }
        }
        let name = name.ok_or_else(|| self.internal(span))?;
        let body = body.unwrap_or(Block {
            stmts: Vec::new(),
            span: Span::new(span.end as usize, span.end as usize),
        });
        Ok(MethodDef {
            annotations,
            modifiers,
            return_type,
            name,
            params,
            body,
            span,
        })
    }

    fn params(&self, p: Pair<'_, Rule>) -> R<Vec<Param>> {
        p.into_inner().map(|c| self.param(c)).collect()
    }

    fn param(&self, p: Pair<'_, Rule>) -> R<Param> {
        let span = self.span(&p);
        let mut name = None;
        let mut ty = None;
        let mut default = None;
        let mut varargs = false;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::any_type => ty = Some(self.type_ref(c)),
                Rule::varargs => varargs = true,
                Rule::ident => name = Some(self.ident(&c)),
                Rule::pexpr => default = Some(self.pexpr(c)?),
                _ => {} // annotations and modifiers (`final`) on parameters are not kept
            }
        }
        Ok(Param {
            name: name.ok_or_else(|| self.internal(span))?,
            ty,
            default,
            varargs,
            span,
        })
    }

    fn class_def(&self, p: Pair<'_, Rule>, annotations: Vec<Annotation>) -> R<ClassDef> {
        let span = self.span(&p);
        let mut cls = ClassDef {
            annotations,
            modifiers: Vec::new(),
            name: Ident {
                name: String::new(),
                span,
            },
            extends: None,
            implements: Vec::new(),
            fields: Vec::new(),
            methods: Vec::new(),
            constructors: Vec::new(),
            initializers: Vec::new(),
            is_enum: false,
            enum_constants: Vec::new(),
            span,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::modifiers => cls.modifiers = self.modifiers(c),
                Rule::enum_kw => cls.is_enum = true,
                // The AST has no interface kind: an interface is a class whose modifiers end
                // with a synthetic `interface`, and whose methods have empty bodies.
                Rule::interface_kw => cls.modifiers.push(self.ident(&c)),
                Rule::ident => cls.name = self.ident(&c),
                Rule::extends_list => {
                    let mut types = c.into_inner().map(|t| self.type_ref(t));
                    cls.extends = types.next();
                    cls.implements.extend(types);
                }
                Rule::implements_list => cls
                    .implements
                    .extend(c.into_inner().map(|t| self.type_ref(t))),
                Rule::class_body | Rule::enum_body => self.class_body(c, &mut cls)?,
                _ => {} // class/interface keyword, type parameters
            }
        }
        Ok(cls)
    }

    fn class_body(&self, p: Pair<'_, Rule>, cls: &mut ClassDef) -> R<()> {
        for m in p.into_inner() {
            let mspan = self.span(&m);
            match m.as_rule() {
                Rule::enum_constants => {
                    for k in m.into_inner() {
                        let mut name = None;
                        let mut args = None;
                        for x in k.into_inner() {
                            match x.as_rule() {
                                Rule::ident if name.is_none() => name = Some(self.ident(&x)),
                                Rule::call_args => args = Some(self.args(x, CallStyle::Parens)?),
                                _ => {}
                            }
                        }
                        if let Some(name) = name {
                            cls.enum_constants.push(EnumConstant { name, args });
                        }
                    }
                }
                Rule::static_init | Rule::block => {
                    let b = if m.as_rule() == Rule::block {
                        m
                    } else {
                        next(&mut m.into_inner(), mspan)?
                    };
                    cls.initializers.push(self.block(b)?);
                }
                Rule::constructor => {
                    let mut method = MethodDef {
                        annotations: Vec::new(),
                        modifiers: Vec::new(),
                        return_type: None,
                        name: Ident {
                            name: String::new(),
                            span: mspan,
                        },
                        params: Vec::new(),
                        body: Block {
                            stmts: Vec::new(),
                            span: mspan,
                        },
                        span: mspan,
                    };
                    for c in m.into_inner() {
                        match c.as_rule() {
                            Rule::modifiers => method.modifiers = self.modifiers(c),
                            Rule::ident => method.name = self.ident(&c),
                            Rule::params => method.params = self.params(c)?,
                            Rule::block => method.body = self.block(c)?,
                            _ => {}
                        }
                    }
                    cls.constructors.push(Arc::new(method));
                }
                Rule::class_def => {} // nested classes are not kept
                _ => {
                    let kind = match m.as_rule() {
                        Rule::annotated => self.annotated(m, mspan)?,
                        _ => self.decl_or_method(m, Vec::new())?,
                    };
                    match kind {
                        StmtKind::Decl(d) => cls.fields.push(d),
                        StmtKind::MethodDef(md) => cls.methods.push(md),
                        _ => {}
                    }
                }
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------- types

    fn type_ref(&self, p: Pair<'_, Rule>) -> TypeRef {
        let span = self.span(&p);
        let mut t = TypeRef {
            name: String::new(),
            generics: Vec::new(),
            array_dims: 0,
            span,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::type_args => {
                    for a in c.into_inner() {
                        if a.as_rule() == Rule::wildcard {
                            let ws = self.span(&a);
                            let bound = a.into_inner().next().map(|b| self.type_ref(b));
                            t.generics.push(TypeRef {
                                name: "?".into(),
                                generics: bound.into_iter().collect(),
                                array_dims: 0,
                                span: ws,
                            });
                        } else {
                            t.generics.push(self.type_ref(a));
                        }
                    }
                }
                Rule::dims => t.array_dims = count_dims(c.as_str()),
                _ => t.name = c.as_str().to_string(),
            }
        }
        t
    }

    // ---------------------------------------------------------------- expressions

    /// `expr command_args?` (expression statements, initializers, `${…}`): when command
    /// arguments follow, the expression must name the method they are passed to.
    fn command_expr(&self, p: Pair<'_, Rule>) -> R<Expr> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let head = self.pexpr_full(next(&mut it, span)?)?;
        let Some(cmd) = it.next() else {
            return Ok(head.expr);
        };
        let args_span = self.span(&cmd);
        let args = self.args(cmd, CallStyle::Command)?;
        let mut expr = self.apply_command(head, args, args_span)?;
        for link in it {
            expr = self.command_chain(expr, link)?;
        }
        Ok(expr)
    }

    /// One link of a command chain, `… name args` or `… name`, applied to `obj`. When the
    /// chain ends an assignment's value (`x = a b c`), it applies to that value.
    fn command_chain(&self, obj: Expr, link: Pair<'_, Rule>) -> R<Expr> {
        if let ExprKind::Assign { op, target, value } = obj.kind {
            let value = self.command_chain(*value, link)?;
            let span = target.span.to(value.span);
            return Ok(Expr::new(
                ExprKind::Assign {
                    op,
                    target,
                    value: bx(value),
                },
                span,
            ));
        }
        let lspan = self.span(&link);
        let span = obj.span.to(lspan);
        let mut it = link.into_inner();
        let name = MemberName::Name(self.ident(&next(&mut it, lspan)?));
        let Some(first) = it.next() else {
            return Ok(Expr::new(
                ExprKind::Property {
                    obj: bx(obj),
                    name,
                    deref: Deref::Normal,
                },
                span,
            ));
        };
        let mut args = match first.as_rule() {
            Rule::call_args => self.args(first, CallStyle::Parens)?,
            _ => self.args(first, CallStyle::Command)?,
        };
        for c in it {
            let cl = next(&mut c.into_inner(), lspan)?;
            let cs = self.span(&cl);
            args.trailing.push(Expr::new(
                ExprKind::Closure(Arc::new(self.closure(cl)?)),
                cs,
            ));
            args.span = args.span.to(cs);
        }
        Ok(Expr::new(
            ExprKind::MethodCall {
                obj: bx(obj),
                name,
                deref: Deref::Normal,
                args,
            },
            span,
        ))
    }

    /// Makes `head args` a call: `name args` is a `Call`, `obj.name args` a `MethodCall`,
    /// `call(…) name` reads property `name` of the result (a command chain), and any other
    /// head is called as a value (Groovy parses `1 BAR` as `1(BAR)`).
    fn apply_command(&self, head: PExpr, mut args: Args, args_span: Span) -> R<Expr> {
        let span = head.expr.span.to(args_span);
        if head.paren {
            return Ok(Expr::new(
                ExprKind::CallValue {
                    callee: bx(head.expr),
                    args,
                },
                span,
            ));
        }
        let kind = match head.expr.kind {
            ExprKind::Assign { op, target, value } => {
                let value = self.apply_command(PExpr::plain(*value), args, args_span)?;
                ExprKind::Assign {
                    op,
                    target,
                    value: bx(value),
                }
            }
            ExprKind::Var(name) => ExprKind::Call {
                name: Ident {
                    name,
                    span: head.expr.span,
                },
                args,
            },
            ExprKind::Property { obj, name, deref } => ExprKind::MethodCall {
                obj,
                name,
                deref,
                args,
            },
            kind @ (ExprKind::Call { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::CallValue { .. })
                if matches!(
                    args.args.as_slice(),
                    [Arg::Positional(Expr {
                        kind: ExprKind::Var(_),
                        ..
                    })]
                ) =>
            {
                let obj = Expr::new(kind, head.expr.span);
                let Some(Arg::Positional(Expr {
                    kind: ExprKind::Var(n),
                    span: nspan,
                })) = args.args.pop()
                else {
                    return Err(self.internal(args_span));
                };
                ExprKind::Property {
                    obj: bx(obj),
                    name: MemberName::Name(Ident {
                        name: n,
                        span: nspan,
                    }),
                    deref: Deref::Normal,
                }
            }
            kind => ExprKind::CallValue {
                callee: bx(Expr::new(kind, head.expr.span)),
                args,
            },
        };
        Ok(Expr::new(kind, span))
    }

    fn expr(&self, p: Pair<'_, Rule>) -> R<Expr> {
        Ok(self.pexpr_full(p)?.expr)
    }

    fn pexpr(&self, p: Pair<'_, Rule>) -> R<Expr> {
        Ok(self.pexpr_full(p)?.expr)
    }

    /// Runs the Pratt parser over an `expr`/`pexpr` pair.
    fn pexpr_full(&self, p: Pair<'_, Rule>) -> R<PExpr> {
        let _g = self.enter(&p)?;
        // The Pratt parser recurses once per prefix operator and per right-associative
        // operator (`a = b = c`), before any of our callbacks run: bound that first.
        let nesting = p
            .clone()
            .into_inner()
            .filter(|q| {
                matches!(
                    q.as_rule(),
                    Rule::assign_op
                        | Rule::ternary
                        | Rule::elvis
                        | Rule::cast
                        | Rule::not_op
                        | Rule::bitnot_op
                        | Rule::neg_op
                        | Rule::plus_op
                        | Rule::pre_inc
                        | Rule::pre_dec
                )
            })
            .count();
        if self.depth.get() + nesting > self.max_depth {
            self.too_deep.set(true);
            return Err(self.error(
                ErrorKind::TooDeep,
                self.span(&p),
                "the code is nested too deeply",
                "nesting limit reached here",
            ));
        }
        PRATT
            .map_primary(|p| self.primary(p))
            .map_prefix(|op, rhs| self.prefix(op, rhs?))
            .map_postfix(|lhs, op| self.postfix(lhs?, op))
            .map_infix(|lhs, op, rhs| self.infix(lhs?, op, rhs?))
            .parse(p.into_inner())
    }

    fn primary(&self, p: Pair<'_, Rule>) -> R<PExpr> {
        let span = self.span(&p);
        let kind = match p.as_rule() {
            Rule::ident => ExprKind::Var(p.as_str().to_string()),
            Rule::number => ExprKind::Number(self.number(&p)?),
            Rule::literal_kw => match p.as_str() {
                "true" => ExprKind::Bool(true),
                "false" => ExprKind::Bool(false),
                "this" => ExprKind::This,
                "super" => ExprKind::Super,
                _ => ExprKind::Null,
            },
            Rule::sq_string
            | Rule::tsq_string
            | Rule::dq_string
            | Rule::tdq_string
            | Rule::slashy
            | Rule::dollar_slashy => return Ok(PExpr::plain(self.string(p)?)),
            Rule::paren => {
                let inner = next(&mut p.into_inner(), span)?;
                let mut e = self.pexpr(inner)?;
                e.span = span;
                return Ok(PExpr {
                    expr: e,
                    paren: true,
                });
            }
            Rule::closure => ExprKind::Closure(Arc::new(self.closure(p)?)),
            Rule::empty_map => ExprKind::Map(Vec::new()),
            Rule::list_or_map => self.list_or_map(p)?,
            Rule::new_expr => self.new_expr(p, span)?,
            _ => return Err(self.internal(span)),
        };
        Ok(PExpr::plain(Expr::new(kind, span)))
    }

    /// `[…]`: a map when its elements are `key: value` entries, else a list.
    fn list_or_map(&self, p: Pair<'_, Rule>) -> R<ExprKind> {
        let is_map = p.clone().into_inner().any(|e| match e.as_rule() {
            Rule::named_entry | Rule::spread_map_arg => true,
            Rule::entry_or_elem => e.into_inner().nth(1).is_some(),
            _ => false,
        });
        let mut list = Vec::new();
        let mut map = Vec::new();
        for e in p.into_inner() {
            let span = self.span(&e);
            match (e.as_rule(), is_map) {
                (Rule::spread, false) => {
                    let inner = self.pexpr(next(&mut e.into_inner(), span)?)?;
                    list.push(Expr::new(ExprKind::Spread(bx(inner)), span));
                }
                (Rule::spread_map_arg, true) => {
                    map.push(MapEntry::Spread(
                        self.pexpr(next(&mut e.into_inner(), span)?)?,
                    ));
                }
                (Rule::named_entry, true) => {
                    let mut it = e.into_inner();
                    let key = self.map_key(next(&mut it, span)?)?;
                    map.push(MapEntry::Pair(key, self.pexpr(next(&mut it, span)?)?));
                }
                (Rule::entry_or_elem, _) => {
                    let mut it = e.into_inner();
                    let first = next(&mut it, span)?;
                    match (it.next(), is_map) {
                        (None, false) => list.push(self.pexpr(first)?),
                        (Some(value), true) => {
                            let key = self.pexpr_full(first)?;
                            let key = match key.expr.kind {
                                ExprKind::Str(s) if !key.paren => MapKey::Name(s, key.expr.span),
                                ExprKind::Var(v) if !key.paren => MapKey::Name(v, key.expr.span),
                                kind => MapKey::Expr(Expr::new(kind, key.expr.span)),
                            };
                            map.push(MapEntry::Pair(key, self.pexpr(value)?));
                        }
                        _ => return Err(self.mixed_list_map(span, is_map)),
                    }
                }
                _ => return Err(self.mixed_list_map(span, is_map)),
            }
        }
        Ok(if is_map {
            ExprKind::Map(map)
        } else {
            ExprKind::List(list)
        })
    }

    fn mixed_list_map(&self, span: Span, is_map: bool) -> SyntaxError {
        if is_map {
            self.error(
                ErrorKind::MixedListAndMap,
                span,
                "expected `key: value` in a map literal",
                "this element has no key",
            )
        } else {
            self.error(
                ErrorKind::MixedListAndMap,
                span,
                "a list literal cannot contain `key: value` entries",
                "this entry",
            )
            .with_help("write all elements as `key: value` to make a map")
        }
    }

    fn map_key(&self, p: Pair<'_, Rule>) -> R<MapKey> {
        let span = self.span(&p);
        Ok(match p.as_rule() {
            Rule::word => MapKey::Name(p.as_str().to_string(), span),
            Rule::number => MapKey::Expr(Expr::new(ExprKind::Number(self.number(&p)?), span)),
            _ => {
                let e = self.string(p)?;
                match e.kind {
                    ExprKind::Str(s) => MapKey::Name(s, span),
                    _ => MapKey::Expr(e),
                }
            }
        })
    }

    fn arg(&self, p: Pair<'_, Rule>) -> R<Arg> {
        let span = self.span(&p);
        Ok(match p.as_rule() {
            Rule::named_arg | Rule::named_parg => {
                let mut it = p.into_inner();
                let key = self.map_key(next(&mut it, span)?)?;
                let value = self.pexpr(next(&mut it, span)?)?;
                Arg::Named(key, value)
            }
            Rule::spread_map_arg => Arg::SpreadMap(self.pexpr(next(&mut p.into_inner(), span)?)?),
            Rule::spread => Arg::Spread(self.pexpr(next(&mut p.into_inner(), span)?)?),
            _ => Arg::Positional(self.pexpr(p)?),
        })
    }

    fn args(&self, p: Pair<'_, Rule>, style: CallStyle) -> R<Args> {
        let span = self.span(&p);
        let args = p.into_inner().map(|a| self.arg(a)).collect::<R<Vec<_>>>()?;
        Ok(Args {
            args,
            trailing: Vec::new(),
            style,
            span,
        })
    }

    fn closure(&self, p: Pair<'_, Rule>) -> R<ClosureDef> {
        let span = self.span(&p);
        let mut params = None;
        let mut body = Vec::new();
        for c in p.into_inner() {
            if c.as_rule() == Rule::closure_params {
                params = Some(
                    c.into_inner()
                        .map(|x| self.param(x))
                        .collect::<R<Vec<_>>>()?,
                );
            } else {
                self.push_stmt(&mut body, c)?;
            }
        }
        Ok(ClosureDef { params, body, span })
    }

    fn new_expr(&self, p: Pair<'_, Rule>, span: Span) -> R<ExprKind> {
        let mut ty = TypeRef {
            name: String::new(),
            generics: Vec::new(),
            array_dims: 0,
            span,
        };
        let mut args = None;
        let mut dims = None;
        let mut trailing = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::primitive | Rule::qualified_name => {
                    ty.name = c.as_str().to_string();
                    ty.span = self.span(&c);
                }
                Rule::type_args => {
                    ty.generics = c.into_inner().map(|t| self.type_ref(t)).collect();
                }
                Rule::call_args => args = Some(self.args(c, CallStyle::Parens)?),
                Rule::trailing_closure => {
                    let cl = next(&mut c.into_inner(), span)?;
                    let cs = self.span(&cl);
                    trailing.push(Expr::new(
                        ExprKind::Closure(Arc::new(self.closure(cl)?)),
                        cs,
                    ));
                }
                Rule::new_dims => {
                    let mut d = Vec::new();
                    for x in c.into_inner() {
                        match x.as_rule() {
                            Rule::dims => ty.array_dims = count_dims(x.as_str()),
                            _ => d.push(self.pexpr(x)?),
                        }
                    }
                    if d.is_empty() {
                        ty.array_dims = 1;
                    }
                    dims = Some(d);
                }
                _ => {}
            }
        }
        if let Some(dims) = dims {
            return Ok(ExprKind::NewArray { ty, dims });
        }
        let mut args = args.ok_or_else(|| self.internal(span))?;
        if let Some(last) = trailing.last() {
            args.span = args.span.to(last.span);
        }
        args.trailing = trailing;
        Ok(ExprKind::New { ty, args })
    }

    fn prefix(&self, op: Pair<'_, Rule>, rhs: PExpr) -> R<PExpr> {
        let span = self.span(&op).to(rhs.expr.span);
        let e = bx(rhs.expr);
        let kind = match op.as_rule() {
            Rule::neg_op => ExprKind::Unary {
                op: UnaryOp::Neg,
                expr: e,
            },
            Rule::plus_op => ExprKind::Unary {
                op: UnaryOp::Plus,
                expr: e,
            },
            Rule::not_op => ExprKind::Unary {
                op: UnaryOp::Not,
                expr: e,
            },
            Rule::bitnot_op => ExprKind::Unary {
                op: UnaryOp::BitNot,
                expr: e,
            },
            Rule::pre_inc | Rule::pre_dec => {
                let op = if op.as_rule() == Rule::pre_inc {
                    IncDec::Inc
                } else {
                    IncDec::Dec
                };
                ExprKind::PrefixIncDec { op, target: e }
            }
            Rule::cast => {
                let t = next(&mut op.into_inner(), span)?;
                let ty = match t.as_rule() {
                    Rule::prim_type => {
                        let tspan = self.span(&t);
                        let mut ty = TypeRef {
                            name: String::new(),
                            generics: Vec::new(),
                            array_dims: 0,
                            span: tspan,
                        };
                        for c in t.into_inner() {
                            match c.as_rule() {
                                Rule::dims => ty.array_dims = count_dims(c.as_str()),
                                _ => ty.name = c.as_str().to_string(),
                            }
                        }
                        ty
                    }
                    _ => self.type_ref(t),
                };
                ExprKind::Cast { ty, expr: e }
            }
            _ => return Err(self.internal(span)),
        };
        Ok(PExpr::plain(Expr::new(kind, span)))
    }

    fn postfix(&self, lhs: PExpr, op: Pair<'_, Rule>) -> R<PExpr> {
        let op_span = self.span(&op);
        let span = lhs.expr.span.to(op_span);
        let paren = lhs.paren;
        let obj = lhs.expr;
        let kind = match op.as_rule() {
            Rule::member => {
                let mut it = op.into_inner();
                let deref = next(&mut it, op_span)?;
                let name_pair = next(&mut it, op_span)?;
                match deref.as_str() {
                    d @ (".&" | ".@") => {
                        if name_pair.as_rule() != Rule::word {
                            return Err(self.error(
                                ErrorKind::UnexpectedToken,
                                self.span(&name_pair),
                                format!("expected a name after `{d}`"),
                                "a name is needed here",
                            ));
                        }
                        let name = self.ident(&name_pair);
                        if d == ".&" {
                            ExprKind::MethodPointer { obj: bx(obj), name }
                        } else {
                            ExprKind::Attribute { obj: bx(obj), name }
                        }
                    }
                    d => ExprKind::Property {
                        obj: bx(obj),
                        name: self.member_name(name_pair)?,
                        deref: match d {
                            "?." => Deref::Safe,
                            "*." => Deref::Spread,
                            _ => Deref::Normal,
                        },
                    },
                }
            }
            Rule::index => ExprKind::Index {
                obj: bx(obj),
                index: op
                    .into_inner()
                    .map(|i| self.pexpr(i))
                    .collect::<R<Vec<_>>>()?,
            },
            Rule::post_inc | Rule::post_dec => ExprKind::PostfixIncDec {
                op: if op.as_rule() == Rule::post_inc {
                    IncDec::Inc
                } else {
                    IncDec::Dec
                },
                target: bx(obj),
            },
            Rule::as_op => ExprKind::As {
                expr: bx(obj),
                ty: self.type_ref(next(&mut op.into_inner(), op_span)?),
            },
            Rule::instanceof_op => ExprKind::InstanceOf {
                expr: bx(obj),
                ty: self.type_ref(next(&mut op.into_inner(), op_span)?),
            },
            Rule::call_args => {
                let args = self.args(op, CallStyle::Parens)?;
                self.make_call(obj, paren, args)
            }
            Rule::trailing_closure => {
                let cl = next(&mut op.into_inner(), op_span)?;
                let closure = Expr::new(ExprKind::Closure(Arc::new(self.closure(cl)?)), op_span);
                self.add_closure(obj, paren, closure)
            }
            _ => return Err(self.internal(op_span)),
        };
        Ok(PExpr::plain(Expr::new(kind, span)))
    }

    /// `callee(args)`: a named call, a method call, or a call of a value.
    fn make_call(&self, callee: Expr, paren: bool, args: Args) -> ExprKind {
        if paren {
            return ExprKind::CallValue {
                callee: bx(callee),
                args,
            };
        }
        match callee.kind {
            ExprKind::Var(name) => ExprKind::Call {
                name: Ident {
                    name,
                    span: callee.span,
                },
                args,
            },
            ExprKind::Property { obj, name, deref } => ExprKind::MethodCall {
                obj,
                name,
                deref,
                args,
            },
            kind => ExprKind::CallValue {
                callee: bx(Expr::new(kind, callee.span)),
                args,
            },
        }
    }

    /// A closure written after a call (`stage('x') { … }`) joins its trailing closures;
    /// after a name or member (`node { … }`, `list.each { … }`) it makes a call.
    fn add_closure(&self, callee: Expr, paren: bool, closure: Expr) -> ExprKind {
        let cspan = closure.span;
        if !paren {
            match callee.kind {
                ExprKind::Call { name, mut args } => {
                    args.span = args.span.to(cspan);
                    args.trailing.push(closure);
                    return ExprKind::Call { name, args };
                }
                ExprKind::MethodCall {
                    obj,
                    name,
                    deref,
                    mut args,
                } => {
                    args.span = args.span.to(cspan);
                    args.trailing.push(closure);
                    return ExprKind::MethodCall {
                        obj,
                        name,
                        deref,
                        args,
                    };
                }
                ExprKind::CallValue { callee, mut args } => {
                    args.span = args.span.to(cspan);
                    args.trailing.push(closure);
                    return ExprKind::CallValue { callee, args };
                }
                ExprKind::New { ty, mut args } => {
                    args.span = args.span.to(cspan);
                    args.trailing.push(closure);
                    return ExprKind::New { ty, args };
                }
                kind => {
                    let callee = Expr::new(kind, callee.span);
                    let args = Args {
                        args: Vec::new(),
                        trailing: vec![closure],
                        style: CallStyle::ClosureOnly,
                        span: cspan,
                    };
                    return self.make_call(callee, false, args);
                }
            }
        }
        let args = Args {
            args: Vec::new(),
            trailing: vec![closure],
            style: CallStyle::ClosureOnly,
            span: cspan,
        };
        self.make_call(callee, true, args)
    }

    fn member_name(&self, p: Pair<'_, Rule>) -> R<MemberName> {
        Ok(match p.as_rule() {
            Rule::word => MemberName::Name(self.ident(&p)),
            _ => MemberName::Dynamic(bx(self.string(p)?)),
        })
    }

    fn infix(&self, lhs: PExpr, op: Pair<'_, Rule>, rhs: PExpr) -> R<PExpr> {
        let span = lhs.expr.span.to(rhs.expr.span);
        let (l, r) = (bx(lhs.expr), bx(rhs.expr));
        let kind = match op.as_rule() {
            Rule::assign_op => {
                let aop = match op.as_str() {
                    "=" => AssignOp::Assign,
                    s => AssignOp::Compound(
                        binary_op(s.trim_end_matches('=')).ok_or_else(|| self.internal(span))?,
                    ),
                };
                ExprKind::Assign {
                    op: aop,
                    target: l,
                    value: r,
                }
            }
            Rule::ternary => {
                let mid = next(&mut op.into_inner(), span)?;
                ExprKind::Ternary {
                    cond: l,
                    then_expr: bx(self.pexpr(mid)?),
                    else_expr: r,
                }
            }
            Rule::elvis => ExprKind::Elvis { lhs: l, rhs: r },
            _ => match op.as_str() {
                ".." => ExprKind::Range {
                    from: l,
                    to: r,
                    exclusive: false,
                },
                "..<" => ExprKind::Range {
                    from: l,
                    to: r,
                    exclusive: true,
                },
                s => ExprKind::Binary {
                    op: binary_op(s).ok_or_else(|| self.internal(span))?,
                    lhs: l,
                    rhs: r,
                },
            },
        };
        Ok(PExpr::plain(Expr::new(kind, span)))
    }

    // ---------------------------------------------------------------- literals

    fn number(&self, p: &Pair<'_, Rule>) -> R<NumberLit> {
        let span = self.span(p);
        number_lit(p.as_str())
            .map_err(|msg| self.error(ErrorKind::InvalidNumber, span, msg, "this number"))
    }

    /// Any string literal: `Str` without interpolation, `GString` with.
    fn string(&self, p: Pair<'_, Rule>) -> R<Expr> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut parts: Vec<GStringPart> = Vec::new();
        let mut has_expr = false;
        for c in p.into_inner() {
            let cspan = self.span(&c);
            match c.as_rule() {
                Rule::interp => {
                    has_expr = true;
                    parts.push(GStringPart::Expr(self.interp(c, cspan)?));
                }
                _ => {
                    // Groovy's lexer turns CRLF into LF inside string literals.
                    let raw = c.as_str();
                    let normalized;
                    let raw = if raw.contains('\r') {
                        normalized = raw.replace("\r\n", "\n");
                        normalized.as_str()
                    } else {
                        raw
                    };
                    let text = match rule {
                        Rule::slashy => raw.replace("\\/", "/"),
                        Rule::dollar_slashy => raw.replace("$$", "$").replace("$/", "/"),
                        _ => unescape(raw, cspan).map_err(|(s, m)| {
                            self.error(ErrorKind::InvalidEscape, s, m, "invalid escape")
                        })?,
                    };
                    if let Some(GStringPart::Text(prev)) = parts.last_mut() {
                        prev.push_str(&text);
                    } else {
                        parts.push(GStringPart::Text(text));
                    }
                }
            }
        }
        if !has_expr {
            let text = match parts.pop() {
                Some(GStringPart::Text(t)) => t,
                _ => String::new(),
            };
            return Ok(Expr::new(ExprKind::Str(text), span));
        }
        Ok(Expr::new(ExprKind::GString(parts), span))
    }

    fn interp(&self, p: Pair<'_, Rule>, span: Span) -> R<Expr> {
        let inner = next(&mut p.into_inner(), span)?;
        if inner.as_rule() == Rule::interp_path {
            // `$a.b.c`: a variable and a chain of property reads.
            let base = self.span(&inner).start as usize;
            let mut expr: Option<Expr> = None;
            let mut at = base;
            for seg in inner.as_str().split('.') {
                let seg_span = Span::new(at, at + seg.len());
                expr = Some(match expr {
                    None => Expr::new(ExprKind::Var(seg.to_string()), seg_span),
                    Some(obj) => {
                        let s = obj.span.to(seg_span);
                        Expr::new(
                            ExprKind::Property {
                                obj: bx(obj),
                                name: MemberName::Name(Ident {
                                    name: seg.to_string(),
                                    span: seg_span,
                                }),
                                deref: Deref::Normal,
                            },
                            s,
                        )
                    }
                });
                at += seg.len() + 1;
            }
            return expr.ok_or_else(|| self.internal(span));
        }
        // `${ … }`: empty means null; `${-> x}` is a closure that the GString calls when it
        // is turned into a string; several statements run as an immediately called closure.
        let ispan = self.span(&inner);
        let mut params = None;
        let mut body = Vec::new();
        for c in inner.into_inner() {
            match c.as_rule() {
                Rule::closure_params => {
                    params = Some(
                        c.into_inner()
                            .map(|x| self.param(x))
                            .collect::<R<Vec<_>>>()?,
                    )
                }
                _ => self.push_stmt(&mut body, c)?,
            }
        }
        if params.is_none() && body.len() <= 1 {
            match body.pop() {
                None => return Ok(Expr::new(ExprKind::Null, span)),
                Some(Stmt {
                    kind: StmtKind::Expr(e),
                    ..
                }) => return Ok(e),
                Some(other) => body.push(other),
            }
        }
        let lazy = params.is_some();
        let closure = Expr::new(
            ExprKind::Closure(Arc::new(ClosureDef {
                params: Some(params.unwrap_or_default()),
                body,
                span: ispan,
            })),
            ispan,
        );
        if lazy {
            return Ok(closure);
        }
        let args = Args {
            args: Vec::new(),
            trailing: Vec::new(),
            style: CallStyle::Parens,
            span: ispan,
        };
        Ok(Expr::new(
            ExprKind::CallValue {
                callee: bx(closure),
                args,
            },
            ispan,
        ))
    }
}

/// The operand at the right end of an operator expression, where a continuation line's
/// postfix operators apply; `None` for a primary (they apply to it).
fn rightmost_operand(kind: &mut ExprKind) -> Option<&mut Expr> {
    match kind {
        ExprKind::Assign { value: e, .. }
        | ExprKind::Binary { rhs: e, .. }
        | ExprKind::Unary { expr: e, .. }
        | ExprKind::Cast { expr: e, .. }
        | ExprKind::PrefixIncDec { target: e, .. }
        | ExprKind::Ternary { else_expr: e, .. }
        | ExprKind::Elvis { rhs: e, .. }
        | ExprKind::Range { to: e, .. } => Some(e),
        ExprKind::Call { args, .. } | ExprKind::MethodCall { args, .. }
            if args.style == CallStyle::Command =>
        {
            match args.args.last_mut()? {
                Arg::Positional(e) | Arg::Named(_, e) | Arg::Spread(e) | Arg::SpreadMap(e) => {
                    Some(e)
                }
            }
        }
        _ => None,
    }
}

struct DepthGuard<'a>(&'a Cell<usize>);

impl Drop for DepthGuard<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get().saturating_sub(1));
    }
}

fn next<'i>(it: &mut Pairs<'i, Rule>, span: Span) -> R<Pair<'i, Rule>> {
    it.next().ok_or_else(|| {
        SyntaxError::new(
            ErrorKind::Internal,
            "the parser could not understand this",
            span,
            "here",
        )
    })
}

fn count_dims(s: &str) -> u8 {
    u8::try_from(s.matches('[').count()).unwrap_or(u8::MAX)
}

fn binary_op(s: &str) -> Option<BinaryOp> {
    use BinaryOp::*;
    Some(match s {
        "+" => Add,
        "-" => Sub,
        "*" => Mul,
        "/" => Div,
        "%" => Mod,
        "**" => Pow,
        "<<" => Shl,
        ">>" => Shr,
        ">>>" => UShr,
        "<" => Lt,
        "<=" => Le,
        ">" => Gt,
        ">=" => Ge,
        "==" => Eq,
        "!=" => Ne,
        "<=>" => Cmp,
        "=~" => RegexFind,
        "==~" => RegexMatch,
        "in" => In,
        "&&" => And,
        "||" => Or,
        "&" => BitAnd,
        "|" => BitOr,
        "^" => BitXor,
        _ => return None,
    })
}

/// Decodes the escapes of a quoted string's text (`'…'`, `"…"`, `'''…'''`, `"""…"""`).
fn unescape(raw: &str, span: Span) -> Result<String, (Span, String)> {
    if !raw.contains('\\') {
        return Ok(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'b' => out.push('\u{8}'),
            'r' => out.push('\r'),
            'f' => out.push('\u{c}'),
            '\\' | '\'' | '"' | '$' => out.push(e),
            '\n' => {}
            '\r' => {
                if let Some((_, '\n')) = chars.peek() {
                    chars.next();
                }
            }
            'u' => {
                // `\uXXXX` (Java also allows several `u`s).
                while let Some((_, 'u')) = chars.peek() {
                    chars.next();
                }
                let mut v = 0u32;
                for _ in 0..4 {
                    match chars.next().and_then(|(_, h)| h.to_digit(16)) {
                        Some(d) => v = v * 16 + d,
                        None => {
                            let at = span.start as usize + i;
                            return Err((
                                Span::new(at, at + 2),
                                "invalid unicode escape: `\\u` must be followed by four hex digits"
                                    .into(),
                            ));
                        }
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            '0'..='7' => {
                // Octal: up to three digits, at most \377.
                let mut v = e.to_digit(8).unwrap_or(0);
                let max_len = if e <= '3' { 3 } else { 2 };
                for _ in 1..max_len {
                    match chars.peek().and_then(|(_, d)| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            other => {
                let at = span.start as usize + i;
                return Err((
                    Span::new(at, at + 1 + other.len_utf8()),
                    format!("invalid escape sequence `\\{other}` in a string"),
                ));
            }
        }
    }
    Ok(out)
}

/// Classifies a numeric literal the way Groovy types it.
fn number_lit(text: &str) -> Result<NumberLit, String> {
    use bigdecimal::num_bigint::BigInt;
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (radix, body) = if let Some(h) = lower.strip_prefix("0x") {
        (16, h)
    } else if let Some(b) = lower.strip_prefix("0b") {
        (2, b)
    } else {
        (10, lower.as_str())
    };
    let suffixes: &[char] = if radix == 16 {
        &['l', 'i', 'g']
    } else {
        &['l', 'i', 'g', 'd', 'f']
    };
    let (digits, suffix) = match body.chars().last() {
        Some(c) if suffixes.contains(&c) => (&body[..body.len() - 1], Some(c)),
        _ => (body, None),
    };
    let is_decimal = radix == 10 && (digits.contains('.') || digits.contains('e'));
    if is_decimal {
        let orig = &clean[..digits.len()];
        return match suffix {
            None | Some('g') => Ok(NumberLit::BigDecimal(orig.to_string())),
            Some('d') => orig
                .parse::<f64>()
                .map(NumberLit::Double)
                .map_err(|_| format!("invalid number `{text}`")),
            Some('f') => orig
                .parse::<f32>()
                .map(NumberLit::Float)
                .map_err(|_| format!("invalid number `{text}`")),
            _ => Err(format!(
                "a decimal number cannot have the suffix in `{text}`"
            )),
        };
    }
    let radix = if radix == 10 && digits.len() > 1 && digits.starts_with('0') {
        8
    } else {
        radix
    };
    if matches!(suffix, Some('d')) {
        return digits
            .parse::<f64>()
            .map(NumberLit::Double)
            .map_err(|_| format!("invalid number `{text}`"));
    }
    if matches!(suffix, Some('f')) {
        return digits
            .parse::<f32>()
            .map(NumberLit::Float)
            .map_err(|_| format!("invalid number `{text}`"));
    }
    let value = BigInt::parse_bytes(digits.as_bytes(), radix).ok_or_else(|| {
        if radix == 8 {
            format!("invalid octal number `{text}`")
        } else {
            format!("invalid number `{text}`")
        }
    })?;
    match suffix {
        Some('g') => Ok(NumberLit::BigInteger(value.to_string())),
        Some('l') => i64::try_from(&value)
            .map(NumberLit::Long)
            .map_err(|_| format!("the number `{text}` is too large for a Long")),
        Some('i') => i32::try_from(&value)
            .map(NumberLit::Integer)
            .map_err(|_| format!("the number `{text}` is too large for an Integer")),
        _ => Ok(if let Ok(v) = i32::try_from(&value) {
            NumberLit::Integer(v)
        } else if let Ok(v) = i64::try_from(&value) {
            NumberLit::Long(v)
        } else {
            NumberLit::BigInteger(value.to_string())
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_typed_like_groovy() {
        assert_eq!(number_lit("123"), Ok(NumberLit::Integer(123)));
        assert_eq!(number_lit("3000000000"), Ok(NumberLit::Long(3_000_000_000)));
        assert_eq!(
            number_lit("99999999999999999999"),
            Ok(NumberLit::BigInteger("99999999999999999999".into()))
        );
        assert_eq!(number_lit("1_000"), Ok(NumberLit::Integer(1000)));
        assert_eq!(number_lit("0x1F"), Ok(NumberLit::Integer(31)));
        assert_eq!(number_lit("0b101"), Ok(NumberLit::Integer(5)));
        assert_eq!(number_lit("017"), Ok(NumberLit::Integer(15)));
        assert_eq!(number_lit("5L"), Ok(NumberLit::Long(5)));
        assert_eq!(number_lit("5G"), Ok(NumberLit::BigInteger("5".into())));
        assert_eq!(number_lit("1.5"), Ok(NumberLit::BigDecimal("1.5".into())));
        assert_eq!(
            number_lit("2.50G"),
            Ok(NumberLit::BigDecimal("2.50".into()))
        );
        assert_eq!(number_lit("1e3"), Ok(NumberLit::BigDecimal("1e3".into())));
        assert_eq!(number_lit("1.5d"), Ok(NumberLit::Double(1.5)));
        assert_eq!(number_lit("1D"), Ok(NumberLit::Double(1.0)));
        assert_eq!(number_lit("1.5f"), Ok(NumberLit::Float(1.5)));
        assert!(number_lit("09").is_err());
    }

    #[test]
    fn escapes_are_decoded() {
        let s = Span::new(0, 0);
        assert_eq!(
            unescape(r"a\nb\t\$\u0041\101\\", s),
            Ok("a\nb\t$AA\\".to_string())
        );
        assert_eq!(unescape("a\\\nb", s), Ok("ab".to_string()));
        assert!(unescape(r"\q", s).is_err());
    }
}
