//! Reading the Groovy AST the way `ASTParserUtils`/`ModelParser` read Groovy's: method calls,
//! their arguments as Groovy passes them (named arguments gathered into one leading map,
//! trailing closures last), block statements, literal values and keys.

use crate::model::messages::{self as msg, Code};
use crate::syntax::ast::*;
use crate::syntax::Span;

use super::Cx;

/// Who a call names.
#[derive(Debug, Clone, Copy)]
pub enum Callee<'a> {
    /// `foo(…)`, `foo …`, `foo { … }`, `this.foo(…)`.
    Named(&'a Ident),
    /// `obj.foo(…)` on a variable: Jenkins' "Method calls on objects".
    Object,
    /// Any other method call (`a.b.c()`, `x()()`, `this."${n}"()`).
    Other,
}

/// A method call (Groovy's `MethodCallExpression`).
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub callee: Callee<'a>,
    pub args: &'a Args,
    /// The whole call.
    pub span: Span,
    pub expr: &'a Expr,
}

/// One argument as Groovy passes it.
#[derive(Debug, Clone)]
pub enum GArg<'a> {
    /// All `name: value` arguments of the call, gathered into the leading map.
    Named(Vec<(&'a MapKey, &'a Expr)>, Span),
    Pos(&'a Expr),
}

impl GArg<'_> {
    pub fn span(&self) -> Span {
        match self {
            GArg::Named(_, s) => *s,
            GArg::Pos(e) => e.span,
        }
    }
}

pub fn call_expr(e: &Expr) -> Option<Call<'_>> {
    let (callee, args) = match &e.kind {
        ExprKind::Call { name, args } => (Callee::Named(name), args),
        ExprKind::MethodCall {
            obj, name, args, ..
        } => {
            let callee = match (&obj.kind, name) {
                (ExprKind::This, MemberName::Name(n)) => Callee::Named(n),
                (ExprKind::Var(_), _) => Callee::Object,
                _ => Callee::Other,
            };
            (callee, args)
        }
        ExprKind::CallValue { args, .. } => (Callee::Other, args),
        _ => return None,
    };
    Some(Call {
        callee,
        args,
        span: e.span,
        expr: e,
    })
}

/// `matchMethodCall`: an expression statement that is a method call.
pub fn call_stmt(s: &Stmt) -> Option<Call<'_>> {
    match &s.kind {
        StmtKind::Expr(e) => call_expr(e),
        _ => None,
    }
}

/// A statement that is just a name (`agent`, `maven`): the name.
pub fn bare_name(s: &Stmt) -> Option<&str> {
    match &s.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Var(v),
            ..
        }) => Some(v),
        _ => None,
    }
}

/// The statements of a block, without empty ones (lone `;`).
pub fn statements(stmts: &[Stmt]) -> impl Iterator<Item = &Stmt> {
    stmts.iter().filter(|s| !matches!(s.kind, StmtKind::Empty))
}

impl<'a> Call<'a> {
    pub fn name(&self) -> Option<&'a str> {
        match self.callee {
            Callee::Named(i) => Some(&i.name),
            _ => None,
        }
    }

    pub fn is_object_call(&self) -> bool {
        matches!(self.callee, Callee::Object)
    }

    /// The span of the called name, or of the whole call when it has none.
    pub fn name_span(&self) -> Span {
        match self.callee {
            Callee::Named(i) => i.span,
            _ => self.span,
        }
    }

    pub fn ident(&self) -> Option<&'a Ident> {
        match self.callee {
            Callee::Named(i) => Some(i),
            _ => None,
        }
    }

    /// The called part: the name, `obj.name` or the called value, without the arguments.
    pub fn head_span(&self) -> Span {
        match &self.expr.kind {
            ExprKind::MethodCall { obj, name, .. } => match name {
                MemberName::Name(i) => obj.span.to(i.span),
                MemberName::Dynamic(e) => obj.span.to(e.span),
            },
            ExprKind::CallValue { callee, .. } => callee.span,
            _ => self.name_span(),
        }
    }

    /// The arguments as Groovy's `TupleExpression` holds them.
    pub fn gargs(&self) -> Vec<GArg<'a>> {
        let mut named: Vec<(&MapKey, &Expr)> = Vec::new();
        let mut named_span: Option<Span> = None;
        let mut pos: Vec<GArg> = Vec::new();
        for a in &self.args.args {
            match a {
                Arg::Named(k, v) => {
                    let s = key_span(k).to(v.span);
                    named_span = Some(named_span.map_or(s, |n| n.to(s)));
                    named.push((k, v));
                }
                Arg::Positional(e) | Arg::Spread(e) | Arg::SpreadMap(e) => pos.push(GArg::Pos(e)),
            }
        }
        let mut out = Vec::with_capacity(pos.len() + 2);
        if let Some(s) = named_span {
            out.push(GArg::Named(named, s));
        }
        out.extend(pos);
        out.extend(self.args.trailing.iter().map(GArg::Pos));
        out
    }

    /// `blockStatementFromExpression`: the closure of a named call whose last argument is one.
    pub fn block(&self) -> Option<&'a ClosureDef> {
        self.name()?;
        self.last_closure()
    }

    fn last_closure(&self) -> Option<&'a ClosureDef> {
        let last = self
            .args
            .trailing
            .last()
            .or_else(|| match self.args.args.last() {
                Some(Arg::Positional(e)) => Some(e),
                _ => None,
            })?;
        match &last.kind {
            ExprKind::Closure(c) => Some(c),
            _ => None,
        }
    }

    /// The arguments, without the block when the call has one.
    pub fn args_before_block(&self) -> Vec<GArg<'a>> {
        let mut g = self.gargs();
        if self.block().is_some() {
            g.pop();
        }
        g
    }
}

pub fn key_span(k: &MapKey) -> Span {
    match k {
        MapKey::Name(_, s) => *s,
        MapKey::Expr(e) => e.span,
    }
}

/// The statement lists nested in a statement: closures passed to calls, and the bodies of
/// blocks, conditionals, loops and `try`.
pub fn nested_blocks(s: &Stmt) -> Vec<&[Stmt]> {
    let mut out: Vec<&[Stmt]> = Vec::new();
    match &s.kind {
        StmtKind::Expr(e) => {
            if let Some(c) = call_expr(e) {
                for a in c.gargs() {
                    if let GArg::Pos(Expr {
                        kind: ExprKind::Closure(cl),
                        ..
                    }) = a
                    {
                        out.push(&cl.body);
                    }
                }
            }
        }
        StmtKind::Block(b) => out.push(&b.stmts),
        StmtKind::If {
            then_branch,
            else_branch,
            ..
        } => {
            out.push(std::slice::from_ref(then_branch.as_ref()));
            if let Some(e) = else_branch {
                out.push(std::slice::from_ref(e.as_ref()));
            }
        }
        StmtKind::While { body, .. }
        | StmtKind::ForIn { body, .. }
        | StmtKind::ForClassic { body, .. }
        | StmtKind::Labeled { body, .. } => out.push(std::slice::from_ref(body.as_ref())),
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            out.push(&body.stmts);
            for c in catches {
                out.push(&c.body.stmts);
            }
            if let Some(f) = finally {
                out.push(&f.stmts);
            }
        }
        StmtKind::Switch { arms, .. } => {
            for a in arms {
                out.push(&a.body);
            }
        }
        _ => {}
    }
    out
}

/// A literal value (Groovy's `ConstantExpression`).
#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    Str(String),
    Bool(bool),
    Null,
    /// `java.lang.Integer`.
    Int(i64),
    /// `java.lang.Long`.
    Long(i64),
    /// Doubles (BigDecimal literals become doubles in Declarative) and floats.
    Float(f64, &'static str),
}

impl Lit {
    /// `value.getClass()` as Jenkins prints it.
    pub fn java_class(&self) -> &'static str {
        match self {
            Lit::Str(_) => "class java.lang.String",
            Lit::Bool(_) => "class java.lang.Boolean",
            Lit::Null => "null",
            Lit::Int(_) => "class java.lang.Integer",
            Lit::Long(_) => "class java.lang.Long",
            Lit::Float(_, c) => c,
        }
    }

    /// `value.toString()`.
    pub fn java_string(&self) -> String {
        match self {
            Lit::Str(s) => s.clone(),
            Lit::Bool(b) => b.to_string(),
            Lit::Null => "null".into(),
            Lit::Int(i) | Lit::Long(i) => i.to_string(),
            Lit::Float(f, _) => f.to_string(),
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Lit::Int(i) | Lit::Long(i) => Some(*i),
            _ => None,
        }
    }
}

/// `ModelASTValue`: a literal, or a non-literal kept as the text Jenkins shows for it
/// (a GString's source, or `${source}` for any other expression).
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Lit(Lit),
    NonLit(String),
}

/// A constant expression as Groovy's compiler folds it (`-1` is a constant).
pub fn constant(e: &Expr) -> Option<Result<Lit, ()>> {
    Some(Ok(match &e.kind {
        ExprKind::Null => Lit::Null,
        ExprKind::Bool(b) => Lit::Bool(*b),
        ExprKind::Str(s) => Lit::Str(s.clone()),
        ExprKind::Number(n) => return Some(number(n, false)),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            expr,
        } => match &expr.kind {
            ExprKind::Number(n) => return Some(number(n, true)),
            _ => return None,
        },
        _ => return None,
    }))
}

/// A number literal; `Err` for a BigInteger outside the range of a long.
fn number(n: &NumberLit, negate: bool) -> Result<Lit, ()> {
    let sign = if negate { -1 } else { 1 };
    Ok(match n {
        NumberLit::Integer(i) => Lit::Int(i64::from(*i) * sign),
        NumberLit::Long(i) => Lit::Long(i.saturating_mul(sign)),
        NumberLit::BigInteger(digits) => {
            let v: i128 = digits.parse::<i128>().map_err(|_| ())? * i128::from(sign);
            Lit::Long(i64::try_from(v).map_err(|_| ())?)
        }
        NumberLit::BigDecimal(t) => Lit::Float(
            t.parse::<f64>().unwrap_or(0.0) * sign as f64,
            "class java.lang.Double",
        ),
        NumberLit::Double(d) => Lit::Float(d * sign as f64, "class java.lang.Double"),
        NumberLit::Float(f) => Lit::Float(f64::from(*f) * sign as f64, "class java.lang.Float"),
    })
}

/// `Utils.validEnvIdentifier`.
pub fn valid_env_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The entries of a map literal, when it has no spread entries.
pub fn map_entries(e: &Expr) -> Option<Vec<(&MapKey, &Expr)>> {
    match &e.kind {
        ExprKind::Map(entries) => entries
            .iter()
            .map(|en| match en {
                MapEntry::Pair(k, v) => Some((k, v)),
                MapEntry::Spread(_) => None,
            })
            .collect(),
        _ => None,
    }
}

/// `ModelASTArgumentList`.
#[derive(Debug, Clone)]
pub enum ArgList {
    Named(Vec<NamedArg>),
    Single(Val, Span),
    /// Two or more unnamed arguments (their values are checked, not kept).
    Positional,
}

#[derive(Debug, Clone)]
pub struct NamedArg {
    pub key: String,
    pub key_span: Span,
    pub val: Val,
    pub span: Span,
}

impl Cx<'_> {
    /// `parseArgument`: the value of an expression, reporting the literals Declarative cannot
    /// hold and bare `${…}`.
    pub fn value(&mut self, e: &Expr) -> Val {
        if let Some(c) = constant(e) {
            return match c {
                Ok(l) => Val::Lit(l),
                Err(()) => {
                    self.error(Code::Value, e.span, msg::BIG_INTEGER_VALUE)
                        .label("too big for a long");
                    Val::Lit(Lit::Int(-1))
                }
            };
        }
        match &e.kind {
            ExprKind::GString(_) | ExprKind::Map(_) => Val::NonLit(self.expr_text(e)),
            ExprKind::Var(v) if super::catalog::ZERO_ARG_AGENTS.contains(&v.as_str()) => {
                Val::Lit(Lit::Str(v.clone()))
            }
            _ => {
                let text = self.expr_text(e);
                if text.starts_with("${") {
                    self.error(Code::Value, e.span, msg::bare_dollar_curly(&text))
                        .label("`${…}` outside a string")
                        .help("put it in double quotes to interpolate it");
                }
                Val::NonLit(format!("${{{text}}}"))
            }
        }
    }

    /// `matchStringLiteral`: a string constant or a bare name.
    pub fn string_literal(&mut self, e: &Expr) -> Option<String> {
        match &e.kind {
            ExprKind::Str(s) => Some(s.clone()),
            ExprKind::Var(v) => Some(v.clone()),
            _ => {
                self.error(Code::Value, e.span, msg::EXPECTED_STRING_LITERAL)
                    .label("not a string literal")
                    .help("write a plain quoted string such as 'name'");
                None
            }
        }
    }

    /// `parseKey` for a map key.
    pub fn map_key(&mut self, k: &MapKey) -> Option<String> {
        match k {
            MapKey::Name(n, _) => Some(n.clone()),
            MapKey::Expr(e) => self.string_literal(e),
        }
    }

    /// `parseArgumentList`.
    pub fn argument_list(&mut self, args: &[GArg]) -> ArgList {
        match args {
            [] => ArgList::Named(Vec::new()),
            [GArg::Named(entries, _)] => ArgList::Named(self.named_args(entries)),
            [GArg::Pos(e)] => match map_entries(e) {
                Some(entries) if !entries.iter().any(|(k, _)| is_class_key(k)) => {
                    ArgList::Named(self.named_args(&entries))
                }
                _ => ArgList::Single(self.value(e), e.span),
            },
            many => {
                for a in many {
                    match a {
                        GArg::Named(entries, _) => {
                            for (_, v) in entries {
                                self.value(v);
                            }
                        }
                        GArg::Pos(e) => {
                            self.value(e);
                        }
                    }
                }
                ArgList::Positional
            }
        }
    }

    fn named_args(&mut self, entries: &[(&MapKey, &Expr)]) -> Vec<NamedArg> {
        let mut out = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let val = self.value(v);
            if let Some(key) = self.map_key(k) {
                out.push(NamedArg {
                    key,
                    key_span: key_span(k),
                    val,
                    span: v.span,
                });
            }
        }
        out
    }

    /// Groovy's compiler refuses a call naming the same argument twice. `true` if it does.
    pub fn check_duplicate_named(&mut self, args: &Args) -> bool {
        let mut dup = false;
        let mut seen: Vec<&str> = Vec::new();
        for a in &args.args {
            if let Arg::Named(MapKey::Name(n, span), _) = a {
                if seen.contains(&n.as_str()) {
                    self.error(
                        Code::Groovy,
                        *span,
                        msg::groovy_duplicate_named_parameter(n),
                    )
                    .label("named twice");
                    dup = true;
                } else {
                    seen.push(n);
                }
            }
        }
        dup
    }

    /// `parseBooleanMethod`: `failFast true`, `beforeAgent true`.
    pub fn boolean_method(&mut self, c: &Call, name: &str) -> Option<bool> {
        match c.gargs().first() {
            Some(GArg::Pos(Expr {
                kind: ExprKind::Bool(b),
                ..
            })) => Some(*b),
            _ => {
                self.error(Code::Value, c.name_span(), msg::expected_boolean(name))
                    .label("expects true or false")
                    .help(format!("write `{name} true` or `{name} false`"));
                None
            }
        }
    }
}

fn is_class_key(k: &MapKey) -> bool {
    matches!(k, MapKey::Name(n, _) if n == "$class")
}
