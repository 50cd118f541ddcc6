//! A compact, stable dump of the AST for snapshot tests and debugging: one node per line,
//! children indented by two spaces, each node followed by its byte span `@start..end`.
//!
//! ```text
//! Expr @0..8
//!   Call sh command @0..8
//!     Str "make" @3..8
//! ```

use std::fmt::Write as _;

use super::ast::*;
use super::span::Span;

/// Renders a whole script.
pub fn print_script(script: &Script) -> String {
    let mut p = Printer::default();
    p.line(0, format_args!("Script {}", at(script.span)));
    for s in &script.body {
        p.stmt(1, s);
    }
    p.out
}

/// Renders one expression (for tests and debugging).
pub fn print_expr(expr: &Expr) -> String {
    let mut p = Printer::default();
    p.expr(0, expr);
    p.out
}

fn at(span: Span) -> String {
    format!("@{}..{}", span.start, span.end)
}

fn quote(s: &str) -> String {
    format!("{s:?}")
}

fn type_str(t: &TypeRef) -> String {
    let mut s = t.name.clone();
    if !t.generics.is_empty() {
        let g: Vec<String> = t.generics.iter().map(type_str).collect();
        let _ = write!(s, "<{}>", g.join(", "));
    }
    for _ in 0..t.array_dims {
        s.push_str("[]");
    }
    s
}

fn opt_type(t: &Option<TypeRef>) -> String {
    t.as_ref().map_or_else(|| "def".to_string(), type_str)
}

fn member_str(m: &MemberName) -> String {
    match m {
        MemberName::Name(i) => i.name.clone(),
        MemberName::Dynamic(_) => "<dynamic>".into(),
    }
}

fn mods(m: &Modifiers) -> String {
    m.iter().map(|i| format!(" {}", i.name)).collect()
}

#[derive(Default)]
struct Printer {
    out: String,
}

impl Printer {
    fn line(&mut self, depth: usize, args: std::fmt::Arguments<'_>) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        let _ = self.out.write_fmt(args);
        self.out.push('\n');
    }

    fn annotations(&mut self, d: usize, anns: &[Annotation]) {
        for a in anns {
            self.line(d, format_args!("Annotation {} {}", a.name, at(a.span)));
            self.args_list(d + 1, &a.args);
        }
    }

    fn block(&mut self, d: usize, label: &str, b: &Block) {
        self.line(d, format_args!("{label} {}", at(b.span)));
        for s in &b.stmts {
            self.stmt(d + 1, s);
        }
    }

    fn stmt(&mut self, d: usize, s: &Stmt) {
        let sp = at(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.line(d, format_args!("Expr {sp}"));
                self.expr(d + 1, e);
            }
            StmtKind::Decl(decl) => self.decl(d, decl, &sp),
            StmtKind::MultiDecl {
                annotations,
                modifiers,
                targets,
                value,
            } => {
                self.line(d, format_args!("MultiDecl{} {sp}", mods(modifiers)));
                self.annotations(d + 1, annotations);
                for t in targets {
                    self.param(d + 1, t);
                }
                self.expr(d + 1, value);
            }
            StmtKind::MultiAssign { targets, value } => {
                let names: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
                self.line(d, format_args!("MultiAssign ({}) {sp}", names.join(", ")));
                self.expr(d + 1, value);
            }
            StmtKind::Block(b) => self.block(d, "Block", b),
            StmtKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                self.line(d, format_args!("If {sp}"));
                self.expr(d + 1, cond);
                self.stmt(d + 1, then_branch);
                if let Some(e) = else_branch {
                    self.line(d + 1, format_args!("Else"));
                    self.stmt(d + 2, e);
                }
            }
            StmtKind::While { cond, body } => {
                self.line(d, format_args!("While {sp}"));
                self.expr(d + 1, cond);
                self.stmt(d + 1, body);
            }
            StmtKind::ForIn {
                var,
                var_type,
                iterable,
                body,
            } => {
                self.line(
                    d,
                    format_args!("ForIn {} {} {sp}", opt_type(var_type), var.name),
                );
                self.expr(d + 1, iterable);
                self.stmt(d + 1, body);
            }
            StmtKind::ForClassic {
                init,
                cond,
                update,
                body,
            } => {
                self.line(d, format_args!("ForClassic {sp}"));
                self.line(d + 1, format_args!("Init"));
                for s in init {
                    self.stmt(d + 2, s);
                }
                self.line(d + 1, format_args!("Cond"));
                if let Some(c) = cond {
                    self.expr(d + 2, c);
                }
                self.line(d + 1, format_args!("Update"));
                for u in update {
                    self.expr(d + 2, u);
                }
                self.stmt(d + 1, body);
            }
            StmtKind::Switch { subject, arms } => {
                self.line(d, format_args!("Switch {sp}"));
                self.expr(d + 1, subject);
                for arm in arms {
                    let def = if arm.is_default { " default" } else { "" };
                    self.line(d + 1, format_args!("Arm{def} {}", at(arm.span)));
                    for l in &arm.labels {
                        self.line(d + 2, format_args!("Case"));
                        self.expr(d + 3, l);
                    }
                    for s in &arm.body {
                        self.stmt(d + 2, s);
                    }
                }
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                self.line(d, format_args!("Try {sp}"));
                self.block(d + 1, "Body", body);
                for c in catches {
                    let types: Vec<String> = c.types.iter().map(type_str).collect();
                    self.line(
                        d + 1,
                        format_args!(
                            "Catch ({}) {} {}",
                            types.join(" | "),
                            c.var.name,
                            at(c.span)
                        ),
                    );
                    for s in &c.body.stmts {
                        self.stmt(d + 2, s);
                    }
                }
                if let Some(f) = finally {
                    self.block(d + 1, "Finally", f);
                }
            }
            StmtKind::Throw(e) => {
                self.line(d, format_args!("Throw {sp}"));
                self.expr(d + 1, e);
            }
            StmtKind::Return(e) => {
                self.line(d, format_args!("Return {sp}"));
                if let Some(e) = e {
                    self.expr(d + 1, e);
                }
            }
            StmtKind::Break(l) => {
                let l = l
                    .as_ref()
                    .map(|l| format!(" {}", l.name))
                    .unwrap_or_default();
                self.line(d, format_args!("Break{l} {sp}"));
            }
            StmtKind::Continue(l) => {
                let l = l
                    .as_ref()
                    .map(|l| format!(" {}", l.name))
                    .unwrap_or_default();
                self.line(d, format_args!("Continue{l} {sp}"));
            }
            StmtKind::Assert {
                cond,
                message,
                text,
            } => {
                self.line(d, format_args!("Assert {} {sp}", quote(text)));
                self.expr(d + 1, cond);
                if let Some(m) = message {
                    self.expr(d + 1, m);
                }
            }
            StmtKind::Labeled { label, body } => {
                self.line(d, format_args!("Labeled {} {sp}", label.name));
                self.stmt(d + 1, body);
            }
            StmtKind::MethodDef(m) => self.method(d, "MethodDef", m),
            StmtKind::ClassDef(c) => self.class(d, c),
            StmtKind::Import(i) => {
                let mut flags = String::new();
                if i.is_static {
                    flags.push_str(" static");
                }
                if i.wildcard {
                    flags.push_str(" .*");
                }
                if let Some(a) = &i.alias {
                    let _ = write!(flags, " as {}", a.name);
                }
                self.line(d, format_args!("Import {}{flags} {sp}", i.path));
                self.annotations(d + 1, &i.annotations);
            }
            StmtKind::Package(p) => self.line(d, format_args!("Package {p} {sp}")),
            StmtKind::AnnotatedUnderscore(anns) => {
                self.line(d, format_args!("AnnotatedUnderscore {sp}"));
                self.annotations(d + 1, anns);
            }
            StmtKind::Empty => self.line(d, format_args!("Empty {sp}")),
        }
    }

    fn decl(&mut self, d: usize, decl: &Decl, sp: &str) {
        self.line(
            d,
            format_args!("Decl{} {} {sp}", mods(&decl.modifiers), opt_type(&decl.ty)),
        );
        self.annotations(d + 1, &decl.annotations);
        for v in &decl.vars {
            self.line(
                d + 1,
                format_args!("Var {} {}", v.name.name, at(v.name.span)),
            );
            if let Some(i) = &v.init {
                self.expr(d + 2, i);
            }
        }
    }

    fn param(&mut self, d: usize, p: &Param) {
        let va = if p.varargs { "..." } else { "" };
        self.line(
            d,
            format_args!(
                "Param {}{va} {} {}",
                opt_type(&p.ty),
                p.name.name,
                at(p.span)
            ),
        );
        if let Some(e) = &p.default {
            self.expr(d + 1, e);
        }
    }

    fn method(&mut self, d: usize, label: &str, m: &MethodDef) {
        self.line(
            d,
            format_args!(
                "{label}{} {} {} {}",
                mods(&m.modifiers),
                opt_type(&m.return_type),
                m.name.name,
                at(m.span)
            ),
        );
        self.annotations(d + 1, &m.annotations);
        for p in &m.params {
            self.param(d + 1, p);
        }
        self.block(d + 1, "Body", &m.body);
    }

    fn class(&mut self, d: usize, c: &ClassDef) {
        let kind = if c.is_enum { "Enum" } else { "ClassDef" };
        let mut head = format!("{kind}{} {}", mods(&c.modifiers), c.name.name);
        if let Some(e) = &c.extends {
            let _ = write!(head, " extends {}", type_str(e));
        }
        if !c.implements.is_empty() {
            let i: Vec<String> = c.implements.iter().map(type_str).collect();
            let _ = write!(head, " implements {}", i.join(", "));
        }
        self.line(d, format_args!("{head} {}", at(c.span)));
        self.annotations(d + 1, &c.annotations);
        if !c.enum_constants.is_empty() {
            let k: Vec<&str> = c
                .enum_constants
                .iter()
                .map(|i| i.name.name.as_str())
                .collect();
            self.line(d + 1, format_args!("Constants {}", k.join(", ")));
        }
        for f in &c.fields {
            self.decl(d + 1, f, "field");
        }
        for m in &c.constructors {
            self.method(d + 1, "Constructor", m);
        }
        for m in &c.methods {
            self.method(d + 1, "Method", m);
        }
        for b in &c.initializers {
            self.block(d + 1, "Initializer", b);
        }
    }

    fn arg(&mut self, d: usize, a: &Arg) {
        match a {
            Arg::Positional(e) => self.expr(d, e),
            Arg::Named(k, v) => {
                self.map_key(d, "Named", k);
                self.expr(d + 1, v);
            }
            Arg::Spread(e) => {
                self.line(d, format_args!("SpreadArg"));
                self.expr(d + 1, e);
            }
            Arg::SpreadMap(e) => {
                self.line(d, format_args!("SpreadMapArg"));
                self.expr(d + 1, e);
            }
        }
    }

    fn args_list(&mut self, d: usize, args: &[Arg]) {
        for a in args {
            self.arg(d, a);
        }
    }

    fn map_key(&mut self, d: usize, label: &str, k: &MapKey) {
        match k {
            MapKey::Name(n, sp) => self.line(d, format_args!("{label} {} {}", quote(n), at(*sp))),
            MapKey::Expr(e) => {
                self.line(d, format_args!("{label} (key)"));
                self.expr(d + 2, e);
            }
        }
    }

    fn call_args(&mut self, d: usize, args: &Args) {
        self.args_list(d, &args.args);
        for c in &args.trailing {
            self.line(d, format_args!("Trailing"));
            self.expr(d + 1, c);
        }
    }

    fn member(&mut self, d: usize, m: &MemberName) {
        if let MemberName::Dynamic(e) = m {
            self.line(d, format_args!("Name"));
            self.expr(d + 1, e);
        }
    }

    fn expr(&mut self, d: usize, e: &Expr) {
        let sp = at(e.span);
        match &e.kind {
            ExprKind::Null => self.line(d, format_args!("Null {sp}")),
            ExprKind::Bool(b) => self.line(d, format_args!("Bool {b} {sp}")),
            ExprKind::Number(n) => {
                let t = match n {
                    NumberLit::Integer(v) => format!("Integer {v}"),
                    NumberLit::Long(v) => format!("Long {v}"),
                    NumberLit::BigInteger(v) => format!("BigInteger {v}"),
                    NumberLit::BigDecimal(v) => format!("BigDecimal {v}"),
                    NumberLit::Double(v) => format!("Double {v:?}"),
                    NumberLit::Float(v) => format!("Float {v:?}"),
                };
                self.line(d, format_args!("{t} {sp}"));
            }
            ExprKind::Str(s) => self.line(d, format_args!("Str {} {sp}", quote(s))),
            ExprKind::GString(parts) => {
                self.line(d, format_args!("GString {sp}"));
                for p in parts {
                    match p {
                        GStringPart::Text(t) => self.line(d + 1, format_args!("Text {}", quote(t))),
                        GStringPart::Expr(e) => self.expr(d + 1, e),
                    }
                }
            }
            ExprKind::Var(v) => self.line(d, format_args!("Var {v} {sp}")),
            ExprKind::This => self.line(d, format_args!("This {sp}")),
            ExprKind::Super => self.line(d, format_args!("Super {sp}")),
            ExprKind::List(items) => {
                self.line(d, format_args!("List {sp}"));
                for i in items {
                    self.expr(d + 1, i);
                }
            }
            ExprKind::Map(entries) => {
                self.line(d, format_args!("Map {sp}"));
                for en in entries {
                    match en {
                        MapEntry::Pair(k, v) => {
                            self.map_key(d + 1, "Entry", k);
                            self.expr(d + 2, v);
                        }
                        MapEntry::Spread(e) => {
                            self.line(d + 1, format_args!("SpreadMap"));
                            self.expr(d + 2, e);
                        }
                    }
                }
            }
            ExprKind::Range {
                from,
                to,
                exclusive,
            } => {
                let op = if *exclusive { "..<" } else { ".." };
                self.line(d, format_args!("Range {op} {sp}"));
                self.expr(d + 1, from);
                self.expr(d + 1, to);
            }
            ExprKind::Closure(c) => {
                match &c.params {
                    None => self.line(d, format_args!("Closure {sp}")),
                    Some(_) => self.line(d, format_args!("Closure -> {sp}")),
                }
                for p in c.params.iter().flatten() {
                    self.param(d + 1, p);
                }
                for s in &c.body {
                    self.stmt(d + 1, s);
                }
            }
            ExprKind::Unary { op, expr } => {
                let o = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Plus => "+",
                    UnaryOp::Not => "!",
                    UnaryOp::BitNot => "~",
                };
                self.line(d, format_args!("Unary {o} {sp}"));
                self.expr(d + 1, expr);
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.line(d, format_args!("Binary {} {sp}", op.symbol()));
                self.expr(d + 1, lhs);
                self.expr(d + 1, rhs);
            }
            ExprKind::PrefixIncDec { op, target } => {
                let o = if *op == IncDec::Inc { "++" } else { "--" };
                self.line(d, format_args!("Prefix {o} {sp}"));
                self.expr(d + 1, target);
            }
            ExprKind::PostfixIncDec { op, target } => {
                let o = if *op == IncDec::Inc { "++" } else { "--" };
                self.line(d, format_args!("Postfix {o} {sp}"));
                self.expr(d + 1, target);
            }
            ExprKind::Assign { op, target, value } => {
                let o = match op {
                    AssignOp::Assign => "=".to_string(),
                    AssignOp::Compound(b) => format!("{}=", b.symbol()),
                };
                self.line(d, format_args!("Assign {o} {sp}"));
                self.expr(d + 1, target);
                self.expr(d + 1, value);
            }
            ExprKind::Ternary {
                cond,
                then_expr,
                else_expr,
            } => {
                self.line(d, format_args!("Ternary {sp}"));
                self.expr(d + 1, cond);
                self.expr(d + 1, then_expr);
                self.expr(d + 1, else_expr);
            }
            ExprKind::Elvis { lhs, rhs } => {
                self.line(d, format_args!("Elvis {sp}"));
                self.expr(d + 1, lhs);
                self.expr(d + 1, rhs);
            }
            ExprKind::Property { obj, name, deref } => {
                self.line(
                    d,
                    format_args!("Property {}{} {sp}", deref.symbol(), member_str(name)),
                );
                self.expr(d + 1, obj);
                self.member(d + 1, name);
            }
            ExprKind::Attribute { obj, name } => {
                self.line(d, format_args!("Attribute .@{} {sp}", name.name));
                self.expr(d + 1, obj);
            }
            ExprKind::Index { obj, index } => {
                self.line(d, format_args!("Index {sp}"));
                self.expr(d + 1, obj);
                for i in index {
                    self.expr(d + 1, i);
                }
            }
            ExprKind::MethodCall {
                obj,
                name,
                deref,
                args,
            } => {
                self.line(
                    d,
                    format_args!(
                        "MethodCall {}{} {} {sp}",
                        deref.symbol(),
                        member_str(name),
                        style(args.style)
                    ),
                );
                self.expr(d + 1, obj);
                self.member(d + 1, name);
                self.call_args(d + 1, args);
            }
            ExprKind::Call { name, args } => {
                self.line(
                    d,
                    format_args!("Call {} {} {sp}", name.name, style(args.style)),
                );
                self.call_args(d + 1, args);
            }
            ExprKind::CallValue { callee, args } => {
                self.line(d, format_args!("CallValue {} {sp}", style(args.style)));
                self.expr(d + 1, callee);
                self.call_args(d + 1, args);
            }
            ExprKind::New { ty, args } => {
                self.line(d, format_args!("New {} {sp}", type_str(ty)));
                self.call_args(d + 1, args);
            }
            ExprKind::NewArray { ty, dims } => {
                self.line(d, format_args!("NewArray {} {sp}", type_str(ty)));
                for e in dims {
                    self.expr(d + 1, e);
                }
            }
            ExprKind::Cast { ty, expr } => {
                self.line(d, format_args!("Cast {} {sp}", type_str(ty)));
                self.expr(d + 1, expr);
            }
            ExprKind::As { expr, ty } => {
                self.line(d, format_args!("As {} {sp}", type_str(ty)));
                self.expr(d + 1, expr);
            }
            ExprKind::InstanceOf { expr, ty } => {
                self.line(d, format_args!("InstanceOf {} {sp}", type_str(ty)));
                self.expr(d + 1, expr);
            }
            ExprKind::MethodPointer { obj, name } => {
                self.line(d, format_args!("MethodPointer .&{} {sp}", name.name));
                self.expr(d + 1, obj);
            }
            ExprKind::Spread(e) => {
                self.line(d, format_args!("Spread {sp}"));
                self.expr(d + 1, e);
            }
        }
    }
}

fn style(s: CallStyle) -> &'static str {
    match s {
        CallStyle::Parens => "parens",
        CallStyle::Command => "command",
        CallStyle::ClosureOnly => "closure",
    }
}
