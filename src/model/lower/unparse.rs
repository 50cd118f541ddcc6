//! Groovy-like source text for AST nodes, used in messages that quote the source (as Jenkins'
//! `getSourceText` does) when the lowering was not given the file's text. With the text,
//! messages quote the exact source slice instead.

use crate::syntax::ast::*;

pub fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => expr(e),
        StmtKind::Decl(d) => {
            let vars: Vec<String> = d
                .vars
                .iter()
                .map(|v| match &v.init {
                    Some(i) => format!("{} = {}", v.name.name, expr(i)),
                    None => v.name.name.clone(),
                })
                .collect();
            let ty = d.ty.as_ref().map_or("def".to_string(), |t| t.name.clone());
            format!("{ty} {}", vars.join(", "))
        }
        StmtKind::Block(_) => "{ … }".into(),
        StmtKind::If { cond, .. } => format!("if ({}) …", expr(cond)),
        StmtKind::While { cond, .. } => format!("while ({}) …", expr(cond)),
        StmtKind::ForIn { var, iterable, .. } => {
            format!("for ({} in {}) …", var.name, expr(iterable))
        }
        StmtKind::ForClassic { .. } => "for (…) …".into(),
        StmtKind::Switch { subject, .. } => format!("switch ({}) …", expr(subject)),
        StmtKind::Try { .. } => "try …".into(),
        StmtKind::Throw(e) => format!("throw {}", expr(e)),
        StmtKind::Return(Some(e)) => format!("return {}", expr(e)),
        StmtKind::Return(None) => "return".into(),
        StmtKind::Break(_) => "break".into(),
        StmtKind::Continue(_) => "continue".into(),
        StmtKind::Assert { text, .. } => format!("assert {text}"),
        StmtKind::Labeled { label, body } => format!("{}: {}", label.name, stmt(body)),
        StmtKind::MethodDef(m) => format!("def {}(…)", m.name.name),
        StmtKind::ClassDef(c) => format!("class {}", c.name.name),
        StmtKind::Import(i) => format!("import {}", i.path),
        StmtKind::Package(p) => format!("package {p}"),
        StmtKind::MultiDecl { value, .. } | StmtKind::MultiAssign { value, .. } => {
            format!("(…) = {}", expr(value))
        }
        StmtKind::AnnotatedUnderscore(_) => "_".into(),
        StmtKind::Empty => String::new(),
    }
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn key(k: &MapKey) -> String {
    match k {
        MapKey::Name(n, _) => n.clone(),
        MapKey::Expr(e) => format!("({})", expr(e)),
    }
}

pub fn args(a: &Args) -> String {
    let parts: Vec<String> = a
        .args
        .iter()
        .map(|arg| match arg {
            Arg::Positional(e) => expr(e),
            Arg::Named(k, v) => format!("{}: {}", key(k), expr(v)),
            Arg::Spread(e) => format!("*{}", expr(e)),
            Arg::SpreadMap(e) => format!("*:{}", expr(e)),
        })
        .collect();
    let inner = parts.join(", ");
    let mut out = match a.style {
        CallStyle::Parens => format!("({inner})"),
        CallStyle::Command => format!(" {inner}"),
        CallStyle::ClosureOnly => String::new(),
    };
    for t in &a.trailing {
        out.push(' ');
        out.push_str(&expr(t));
    }
    out
}

fn member(m: &MemberName) -> String {
    match m {
        MemberName::Name(i) => i.name.clone(),
        MemberName::Dynamic(e) => expr(e),
    }
}

pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Null => "null".into(),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Number(n) => match n {
            NumberLit::Integer(i) => i.to_string(),
            NumberLit::Long(i) => format!("{i}L"),
            NumberLit::BigInteger(s) => format!("{s}G"),
            NumberLit::BigDecimal(s) => s.clone(),
            NumberLit::Double(d) => format!("{d}d"),
            NumberLit::Float(f) => format!("{f}f"),
        },
        ExprKind::Str(s) => quote(s),
        ExprKind::GString(parts) => {
            let mut out = String::from("\"");
            for p in parts {
                match p {
                    GStringPart::Text(t) => out.push_str(&t.replace('"', "\\\"")),
                    GStringPart::Expr(x) => {
                        out.push_str("${");
                        out.push_str(&expr(x));
                        out.push('}');
                    }
                }
            }
            out.push('"');
            out
        }
        ExprKind::Var(v) => v.clone(),
        ExprKind::This => "this".into(),
        ExprKind::Super => "super".into(),
        ExprKind::List(items) => {
            let v: Vec<String> = items.iter().map(expr).collect();
            format!("[{}]", v.join(", "))
        }
        ExprKind::Map(entries) => {
            if entries.is_empty() {
                return "[:]".into();
            }
            let v: Vec<String> = entries
                .iter()
                .map(|en| match en {
                    MapEntry::Pair(k, v) => format!("{}: {}", key(k), expr(v)),
                    MapEntry::Spread(x) => format!("*:{}", expr(x)),
                })
                .collect();
            format!("[{}]", v.join(", "))
        }
        ExprKind::Range {
            from,
            to,
            exclusive,
        } => format!(
            "{}..{}{}",
            expr(from),
            if *exclusive { "<" } else { "" },
            expr(to)
        ),
        ExprKind::Closure(c) => {
            if c.body.is_empty() {
                "{ }".into()
            } else {
                "{ … }".into()
            }
        }
        ExprKind::Unary { op, expr: x } => {
            let o = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Plus => "+",
                UnaryOp::Not => "!",
                UnaryOp::BitNot => "~",
            };
            format!("{o}{}", expr(x))
        }
        ExprKind::Binary { op, lhs, rhs } => {
            format!("{} {} {}", expr(lhs), op.symbol(), expr(rhs))
        }
        ExprKind::PrefixIncDec { op, target } => format!("{}{}", incdec(*op), expr(target)),
        ExprKind::PostfixIncDec { op, target } => format!("{}{}", expr(target), incdec(*op)),
        ExprKind::Assign { op, target, value } => {
            let o = match op {
                AssignOp::Assign => "=".to_string(),
                AssignOp::Compound(b) => format!("{}=", b.symbol()),
            };
            format!("{} {o} {}", expr(target), expr(value))
        }
        ExprKind::Ternary {
            cond,
            then_expr,
            else_expr,
        } => format!("{} ? {} : {}", expr(cond), expr(then_expr), expr(else_expr)),
        ExprKind::Elvis { lhs, rhs } => format!("{} ?: {}", expr(lhs), expr(rhs)),
        ExprKind::Property {
            obj,
            name,
            deref: d,
        } => {
            format!("{}{}{}", expr(obj), d.symbol(), member(name))
        }
        ExprKind::Attribute { obj, name } => format!("{}.@{}", expr(obj), name.name),
        ExprKind::Index { obj, index } => {
            let v: Vec<String> = index.iter().map(expr).collect();
            format!("{}[{}]", expr(obj), v.join(", "))
        }
        ExprKind::MethodCall {
            obj,
            name,
            deref: d,
            args: a,
        } => format!("{}{}{}{}", expr(obj), d.symbol(), member(name), args(a)),
        ExprKind::Call { name, args: a } => format!("{}{}", name.name, args(a)),
        ExprKind::CallValue { callee, args: a } => format!("{}{}", expr(callee), args(a)),
        ExprKind::New { ty, args: a } => format!("new {}{}", ty.name, args(a)),
        ExprKind::NewArray { ty, dims } => {
            let v: String = dims.iter().map(|d| format!("[{}]", expr(d))).collect();
            format!("new {}{v}", ty.name)
        }
        ExprKind::Cast { ty, expr: x } => format!("({}) {}", ty.name, expr(x)),
        ExprKind::As { expr: x, ty } => format!("{} as {}", expr(x), ty.name),
        ExprKind::InstanceOf { expr: x, ty } => format!("{} instanceof {}", expr(x), ty.name),
        ExprKind::MethodPointer { obj, name } => format!("{}.&{}", expr(obj), name.name),
        ExprKind::Spread(x) => format!("*{}", expr(x)),
    }
}

fn incdec(op: IncDec) -> &'static str {
    match op {
        IncDec::Inc => "++",
        IncDec::Dec => "--",
    }
}
