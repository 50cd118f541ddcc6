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
use super::error::SyntaxError;
use super::span::{LineIndex, Span};

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

/// Parses with recovery; the flag says the input was too deep for `max_depth` (or for
/// pest's stack check), so a retry with a bigger stack may succeed.
fn parse_with_depth(src: &str, max_depth: usize) -> (Result<Script, Vec<SyntaxError>>, bool) {
    let mut errors = Vec::new();
    let mut body = Vec::new();
    let mut offset = 0;
    let mut too_deep = false;
    // Recovery re-parses the rest of the file after each error: bound the total work.
    let budget = src.len().saturating_mul(4).saturating_add(1 << 20);
    let mut parsed = 0usize;
    loop {
        let chunk = &src[offset..];
        parsed = parsed.saturating_add(chunk.len());
        match GroovyParser::parse(Rule::script, chunk) {
            Ok(pairs) => {
                let conv = Converter::new(offset, max_depth);
                for pair in pairs.flatten().take(1) {
                    conv.script_body(pair, &mut body, &mut errors);
                }
                too_deep |= conv.too_deep.get();
                break;
            }
            Err(e) => {
                if let pest::error::ErrorVariant::CustomError { message } = &e.variant {
                    too_deep |= message.contains("stack");
                }
                // The detailed re-parse costs another parse: only for chunks of usual size.
                let detail = (chunk.len() <= DETAIL_MAX_BYTES)
                    .then(|| detailed_error(chunk))
                    .flatten();
                let err = diagnose(src, offset, &e, detail);
                let pos = err.span.offset();
                errors.push(err);
                match next_statement_boundary(src, pos) {
                    Some(next) if next > offset && errors.len() < MAX_ERRORS && parsed < budget => {
                        offset = next
                    }
                    _ => break,
                }
            }
        }
    }
    let res = if errors.is_empty() {
        Ok(Script {
            body,
            span: Span::new(0, src.len()),
        })
    } else {
        errors.sort_by_key(|e| e.span.offset());
        Err(errors)
    };
    (res, too_deep)
}

/// Re-parses a failing chunk with pest's detailed error tracking on, which records the
/// literal tokens expected at the failure (slower, so only done after a failure).
fn detailed_error(chunk: &str) -> Option<Expected> {
    static DETAIL: Mutex<()> = Mutex::new(());
    let _guard = DETAIL.lock().unwrap_or_else(|p| p.into_inner());
    pest::set_error_detail(true);
    let res = GroovyParser::parse(Rule::script, chunk);
    pest::set_error_detail(false);
    let e = res.err()?;
    let attempts = e.parse_attempts()?;
    // Single characters are written as ranges (`')'..')'`) in the grammar, which is faster
    // than a string match: show them as the character.
    let tokens = attempts
        .expected_tokens()
        .into_iter()
        .map(|t| {
            let t = t.to_string();
            let chars: Vec<char> = t.chars().collect();
            match chars.as_slice() {
                [a, '.', '.', b] if a == b => a.to_string(),
                _ => t,
            }
        })
        .collect();
    let rules = attempts
        .call_stacks()
        .into_iter()
        .filter_map(|c| c.deepest.get_rule().copied().or(c.parent))
        .map(describe_rule)
        .collect();
    Some(Expected {
        pos: attempts.max_position,
        tokens,
        rules,
    })
}

/// What pest expected at the failure position, in words.
pub(super) struct Expected {
    pub pos: usize,
    pub tokens: Vec<String>,
    pub rules: Vec<&'static str>,
}

/// The statement rules, as a pattern (a macro so the list is written once).
macro_rules! statement_rules {
    () => {
        Rule::if_stmt
            | Rule::for_stmt
            | Rule::while_stmt
            | Rule::switch_stmt
            | Rule::try_stmt
            | Rule::return_stmt
            | Rule::break_stmt
            | Rule::continue_stmt
            | Rule::throw_stmt
            | Rule::assert_stmt
            | Rule::import_stmt
            | Rule::package_stmt
            | Rule::annotated
            | Rule::class_def
            | Rule::decl_or_method
            | Rule::multi_assign
            | Rule::labeled
    };
}

/// pest's rule names, in words a Groovy user knows.
fn describe_rule(rule: Rule) -> &'static str {
    use Rule::*;
    match rule {
        expr | pexpr | initializer | expr_stmt | paren | list_or_map | entry_or_elem
        | empty_map | number | sq_string | tsq_string | dq_string | tdq_string | slashy
        | dollar_slashy | literal_kw | new_expr | cast | not_op | bitnot_op | neg_op | plus_op
        | pre_inc | pre_dec | spread => "an expression",
        ident | word | qualified_name | upper_name => "a name",
        closure | trailing_closure => "a closure",
        block | class_body | enum_body => "a block `{ … }`",
        statement_rules!() => "a statement",
        call_args => "arguments `( … )`",
        index => "an index `[ … ]`",
        member => "a member access",
        any_type | decl_type | primitive | prim_type | type_args => "a type",
        params | param | closure_params => "a parameter",
        command_args | command_chain | named_arg | named_parg => "an argument",
        annotation => "an annotation",
        modifier | modifiers => "a modifier",
        assign_op | ternary | elvis | or_op | and_op | bor_op | bxor_op | band_op | eq_op
        | rel_op | shift_op | add_op | mul_op | pow_op | as_op | instanceof_op => "an operator",
        EOI => "end of file",
        _ => "",
    }
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
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> SyntaxError {
        SyntaxError::new(message, span, label)
    }

    /// Guards recursion: every nested statement or expression passes through here.
    fn enter(&self, p: &Pair<'_, Rule>) -> R<DepthGuard<'_>> {
        let d = self.depth.get() + 1;
        if d > self.max_depth {
            self.too_deep.set(true);
            return Err(self.error(
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
                .error(at, "unexpected start of line", "nothing to continue here")
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
                let cond = self.pexpr(next(&mut it, span)?)?;
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

    fn internal(&self, span: Span) -> SyntaxError {
        self.error(span, "the parser could not understand this", "here")
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
                        name: unescape(text, s).map_err(|e| self.error(e.0, e.1, "here"))?,
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
                span,
                "expected `key: value` in a map literal",
                "this element has no key",
            )
        } else {
            self.error(
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
        number_lit(p.as_str()).map_err(|msg| self.error(span, msg, "this number"))
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
                        _ => unescape(raw, cspan)
                            .map_err(|(s, m)| self.error(s, m, "invalid escape"))?,
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
    it.next()
        .ok_or_else(|| SyntaxError::new("the parser could not understand this", span, "here"))
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

// -------------------------------------------------------------------- diagnostics

/// Words for what pest expected, most useful first, at most a few.
fn expected_words(detail: &Expected) -> Vec<String> {
    const TOKENS: [&str; 14] = [
        ")", "]", "}", ",", ":", "->", "=", "{", "else", "catch", "finally", "case", "default",
        "in",
    ];
    let mut out: Vec<String> = Vec::new();
    for t in TOKENS {
        if detail.tokens.iter().any(|x| x == t) {
            out.push(format!("`{t}`"));
        }
    }
    let mut rules: Vec<&str> = detail
        .rules
        .iter()
        .copied()
        .filter(|r| !r.is_empty())
        .collect();
    rules.sort_by_key(|r| RULE_ORDER.iter().position(|x| x == r).unwrap_or(99));
    rules.dedup();
    for r in rules {
        let r = r.to_string();
        if !out.contains(&r) {
            out.push(r);
        }
    }
    if out.is_empty() {
        out.extend(
            detail
                .tokens
                .iter()
                .filter(|t| t.chars().count() <= 3 && !t.contains(".."))
                .take(3)
                .map(|t| format!("`{t}`")),
        );
    }
    out.truncate(4);
    out
}

const RULE_ORDER: [&str; 14] = [
    "an expression",
    "a statement",
    "a name",
    "a type",
    "a block `{ … }`",
    "a closure",
    "arguments `( … )`",
    "an argument",
    "a parameter",
    "an operator",
    "a member access",
    "an index `[ … ]`",
    "an annotation",
    "end of file",
];

fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// What the text at `pos` looks like, for "unexpected …".
fn found_at(src: &str, pos: usize) -> String {
    let rest = src.get(pos..).unwrap_or("");
    let Some(c) = rest.chars().next() else {
        return "end of file".into();
    };
    if c == '\n' || rest.starts_with("\r\n") {
        return "end of line".into();
    }
    if c == ' ' || c == '\t' {
        return "space".into();
    }
    const OPS: &str = "+-*/%=<>!&|^?:.~";
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let token: String = if is_word(c) {
        rest.chars().take_while(|&c| is_word(c)).take(40).collect()
    } else if OPS.contains(c) {
        rest.chars()
            .take_while(|&c| OPS.contains(c))
            .take(4)
            .collect()
    } else if c == '`' {
        return "character '`'".into();
    } else {
        c.to_string()
    };
    format!("`{token}`")
}

/// A one-character span at `p` (empty at the end of the file).
fn point(src: &str, p: usize) -> Span {
    let len = src
        .get(p..)
        .and_then(|r| r.chars().next())
        .map_or(0, char::len_utf8);
    Span::new(p, p + len)
}

fn diagnose(
    src: &str,
    offset: usize,
    e: &pest::error::Error<Rule>,
    detail: Option<Expected>,
) -> SyntaxError {
    use pest::error::{ErrorVariant, InputLocation};
    let local = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    // pest's location is where the furthest failing rule started; the detailed attempts know
    // the furthest token tried, which is more precise, except that they also count the
    // look-aheads that scan to the end of a line. So the detailed position is used when it is
    // on the same line and not at its end.
    let chunk = &src[offset..];
    let detail = detail.filter(|d| {
        d.pos == local
            || (d.pos > local
                && chunk.get(local..d.pos).is_some_and(|t| !t.contains('\n'))
                && chunk
                    .get(d.pos..)
                    .is_some_and(|r| !r.is_empty() && !r.starts_with(['\n', '\r'])))
    });
    let pos = offset + detail.as_ref().map_or(local, |d| d.pos);
    if let ErrorVariant::CustomError { message } = &e.variant {
        return SyntaxError::new(
            "the file is too deeply nested or too complex to parse",
            point(src, pos),
            "the parser gave up here",
        )
        .with_help(format!("the parser stopped with: {message}"));
    }
    let scan = Scan::new(src);
    if let Some(tok) = scan.unterminated_string_before(pos) {
        return SyntaxError::new(
            "unterminated string literal",
            point(src, tok.start),
            "this string is never closed",
        )
        .with_help(format!("close the string with {}", tok.quote));
    }
    let words = match &detail {
        Some(d) => expected_words(d),
        None => {
            let mut w: Vec<String> = Vec::new();
            if let ErrorVariant::ParsingError { positives, .. } = &e.variant {
                for r in positives {
                    let d = describe_rule(*r);
                    if !d.is_empty() && !w.iter().any(|x| x == d) {
                        w.push(d.to_string());
                    }
                }
            }
            w
        }
    };
    let mut words = words;
    if words.iter().any(|w| w == "a statement") {
        // At the start of a statement, listing what a statement may start with is noise.
        words.retain(|w| w.starts_with('`') || w == "a statement");
    }
    let expected = if words.is_empty() {
        "not expected here".to_string()
    } else {
        format!("expected {}", join_words(&words))
    };
    if scan.only_trivia_after(pos) {
        if let Some((open_at, ch)) = scan.unclosed_at_eof() {
            let close = closer(ch);
            return SyntaxError::new(
                format!("missing `{close}` at end of file: the `{ch}` opened here is never closed"),
                Span::new(src.len(), src.len()),
                format!("expected `{close}` before the end of the file"),
            )
            .with_related(point(src, open_at), format!("this `{ch}` is never closed"));
        }
        return SyntaxError::new(
            "unexpected end of file",
            Span::new(src.len(), src.len()),
            expected,
        );
    }
    let found = found_at(src, pos);
    let ch = src.get(pos..).and_then(|r| r.chars().next()).unwrap_or(' ');
    if matches!(ch, '}' | ')' | ']') && scan.is_unmatched_closer(pos) {
        return SyntaxError::new(
            format!("unexpected `{ch}`"),
            point(src, pos),
            format!("this `{ch}` has no matching `{}`", opener(ch)),
        );
    }
    let hash_at = if ch == '#' {
        Some(pos)
    } else {
        pos.checked_sub(1)
    };
    if let Some(at) = hash_at.filter(|&p| src.as_bytes().get(p) == Some(&b'#')) {
        return SyntaxError::new(
            "`#` does not start a comment in Groovy",
            point(src, at),
            "unexpected `#`",
        )
        .with_help("use `//` or `/* … */` for comments; only the first line may be a `#!` line");
    }
    if let Some(err) = newer_groovy_operator(src, pos) {
        return err;
    }
    let dollar = if ch == '$' {
        Some(pos)
    } else {
        pos.checked_sub(1)
            .filter(|p| src.as_bytes().get(*p) == Some(&b'$'))
    };
    if let Some(pos) = dollar.filter(|p| scan.in_gstring(*p)) {
        return SyntaxError::new(
            "a `$` in a double-quoted string must start `${…}` or `$name`",
            point(src, pos),
            "illegal character after `$`",
        )
        .with_help("escape a literal dollar sign as `\\$`, or use a single-quoted string");
    }
    let mut err = SyntaxError::new(format!("unexpected {found}"), point(src, pos), expected);
    if let Some((open_at, och)) = scan.innermost_open_at(pos) {
        let close = closer(och).to_string();
        let wants_close = detail.as_ref().is_some_and(|d| d.tokens.contains(&close));
        if wants_close && och != '{' {
            let (l, c) = LineIndex::new(src).line_col(src, open_at);
            err = err.with_help(format!("the `{och}` at line {l}, column {c} is still open"));
        }
    }
    err
}

/// Operators of later Groovy versions that 2.4 rejects, explained.
fn newer_groovy_operator(src: &str, pos: usize) -> Option<SyntaxError> {
    const OPS: [(&str, &str); 5] = [
        ("!instanceof", "write `!(x instanceof T)`"),
        ("!in", "write `!(x in list)`"),
        ("===", "use `a.is(b)` for identity, or `==`"),
        ("?.[", "write `x?.getAt(i)`, or check for null first"),
        ("?=", "write `x = x ?: value`"),
    ];
    let start = pos.saturating_sub(3);
    for (op, help) in OPS {
        let found = (start..=pos).find(|&at| {
            src.get(at..).is_some_and(|r| r.starts_with(op))
                && (!op.ends_with(|c: char| c.is_alphabetic())
                    || !src[at + op.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        });
        if let Some(at) = found {
            return Some(
                SyntaxError::new(
                    format!("`{op}` is not an operator in Groovy 2.4"),
                    Span::new(at, at + op.len()),
                    "not supported by the Groovy version Jenkins runs",
                )
                .with_help(help),
            );
        }
    }
    None
}

fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn opener(close: char) -> char {
    match close {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

/// A string literal found by the scanner.
#[derive(Debug, Clone, Copy)]
struct StrTok {
    start: usize,
    end: usize,
    terminated: bool,
    /// How it is closed, for the help text.
    quote: &'static str,
    interpolates: bool,
}

/// A rough lexical scan (strings, comments and brackets), used only to explain errors and
/// to find where to resume after one. It never fails.
struct Scan {
    strings: Vec<StrTok>,
    /// Brackets in source order: (offset, char).
    brackets: Vec<(usize, char)>,
    /// Line starts outside strings and comments, with the bracket depth there.
    line_starts: Vec<(usize, usize)>,
    /// Where the trailing trivia (whitespace and comments) starts.
    trivia_from: usize,
}

impl Scan {
    fn new(src: &str) -> Scan {
        let b = src.as_bytes();
        let mut strings = Vec::new();
        let mut brackets = Vec::new();
        let mut line_starts = vec![(0, 0)];
        let mut depth = 0usize;
        let mut trivia_from = 0;
        let mut prev_sig: u8 = b'\n';
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match c {
                b'\n' => {
                    line_starts.push((i + 1, depth));
                    i += 1;
                    continue;
                }
                b' ' | b'\t' | b'\r' => {
                    i += 1;
                    continue;
                }
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    i = find_from(src, i + 2, "*/").map_or(b.len(), |e| e + 2);
                    continue;
                }
                _ => {}
            }
            let start = i;
            match c {
                b'\'' | b'"' => {
                    let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                    let quote = match (c, triple) {
                        (b'\'', true) => "'''",
                        (b'"', true) => "\"\"\"",
                        (b'\'', false) => "'",
                        _ => "\"",
                    };
                    let (end, terminated) =
                        scan_string(b, i + quote.len(), quote.as_bytes(), !triple);
                    strings.push(StrTok {
                        start,
                        end,
                        terminated,
                        quote,
                        interpolates: c == b'"',
                    });
                    i = end;
                }
                b'$' if b.get(i + 1) == Some(&b'/') => {
                    let found = find_from(src, i + 2, "/$");
                    let end = found.map_or(b.len(), |e| e + 2);
                    strings.push(StrTok {
                        start,
                        end,
                        terminated: found.is_some(),
                        quote: "`/$`",
                        interpolates: true,
                    });
                    i = end;
                }
                b'/' if b"=(,[{:!&|?;~+-*%<>^\n".contains(&prev_sig) => {
                    let (end, terminated) = scan_string(b, i + 1, b"/", false);
                    if terminated {
                        strings.push(StrTok {
                            start,
                            end,
                            terminated,
                            quote: "`/`",
                            interpolates: true,
                        });
                        i = end;
                    } else {
                        i += 1;
                    }
                }
                b'{' | b'(' | b'[' => {
                    depth += 1;
                    brackets.push((i, c as char));
                    i += 1;
                }
                b'}' | b')' | b']' => {
                    depth = depth.saturating_sub(1);
                    brackets.push((i, c as char));
                    i += 1;
                }
                _ => {
                    i += src
                        .get(i..)
                        .and_then(|r| r.chars().next())
                        .map_or(1, char::len_utf8)
                }
            }
            prev_sig = c;
            trivia_from = i;
        }
        Scan {
            strings,
            brackets,
            line_starts,
            trivia_from,
        }
    }

    fn unterminated_string_before(&self, pos: usize) -> Option<StrTok> {
        self.strings
            .iter()
            .copied()
            .find(|s| !s.terminated && s.start <= pos)
    }

    fn in_gstring(&self, pos: usize) -> bool {
        self.strings
            .iter()
            .any(|s| s.interpolates && s.start < pos && pos < s.end)
    }

    fn only_trivia_after(&self, pos: usize) -> bool {
        pos >= self.trivia_from
    }

    /// The innermost bracket still open at the end of the file.
    fn unclosed_at_eof(&self) -> Option<(usize, char)> {
        self.open_stack(usize::MAX).pop()
    }

    fn innermost_open_at(&self, pos: usize) -> Option<(usize, char)> {
        self.open_stack(pos).pop()
    }

    /// Brackets open just before `pos`, outermost first. A closer pops the innermost
    /// opener whatever its kind.
    fn open_stack(&self, pos: usize) -> Vec<(usize, char)> {
        let mut stack = Vec::new();
        for &(at, ch) in self.brackets.iter().take_while(|(at, _)| *at < pos) {
            if matches!(ch, '{' | '(' | '[') {
                stack.push((at, ch));
            } else {
                stack.pop();
            }
        }
        stack
    }

    fn is_unmatched_closer(&self, pos: usize) -> bool {
        self.open_stack(pos).is_empty()
    }

    /// The first line start after `pos` at bracket depth 0.
    fn next_boundary(&self, pos: usize) -> Option<usize> {
        self.line_starts
            .iter()
            .find(|(at, depth)| *at > pos && *depth == 0)
            .map(|(at, _)| *at)
    }
}

fn find_from(src: &str, from: usize, needle: &str) -> Option<usize> {
    src.get(from..)?.find(needle).map(|e| from + e)
}

/// Scans a string body from `i` to its closing `quote`; returns (end, terminated).
fn scan_string(b: &[u8], mut i: usize, quote: &[u8], single_line: bool) -> (usize, bool) {
    let mut interp_depth = 0usize;
    let interpolates = quote.first() != Some(&b'\'');
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if interp_depth > 0 {
            match c {
                b'{' => interp_depth += 1,
                b'}' => interp_depth -= 1,
                b'\n' if single_line => return (i, false),
                _ => {}
            }
            i += 1;
            continue;
        }
        if interpolates && c == b'$' && b.get(i + 1) == Some(&b'{') {
            interp_depth = 1;
            i += 2;
            continue;
        }
        if single_line && c == b'\n' {
            return (i, false);
        }
        if b[i..].starts_with(quote) {
            return (i + quote.len(), true);
        }
        i += 1;
    }
    (b.len().min(i), false)
}

/// Where to resume parsing after an error at `pos`: the next non-blank line start outside
/// any bracket, string or comment.
fn next_statement_boundary(src: &str, pos: usize) -> Option<usize> {
    let scan = Scan::new(src);
    let mut at = scan.next_boundary(pos)?;
    // A line that starts with a closer belongs to the broken statement: skip it.
    while let Some(rest) = src.get(at..) {
        let line = rest.trim_start_matches([' ', '\t', '\r']);
        if line.starts_with(['}', ')', ']']) {
            at = scan.next_boundary(at)?;
        } else {
            break;
        }
    }
    while let Some(rest) = src.get(at..) {
        let trimmed = rest.trim_start_matches([' ', '\t', '\r']);
        match trimmed.strip_prefix('\n') {
            Some(after) => at = src.len() - after.len(),
            None => break,
        }
    }
    (at < src.len()).then_some(at)
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
