//! The abstract syntax tree of a Groovy script (a Jenkinsfile is one).
//!
//! Plain data: every node carries a [`Span`]; nothing here knows about pest or about
//! Jenkins. Closure and method bodies sit behind `Arc` so runtime values can share them
//! across the threads of `parallel` branches without copying.

use std::sync::Arc;

use super::span::Span;

/// A whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    /// Top-level statements in source order (method, class and import definitions included).
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// A name as written in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A type as written in a declaration, cast, `as`, `instanceof`, `new` or `catch`:
/// `String`, `java.util.List<String>`, `int[]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRef {
    /// The (possibly qualified) name: `String`, `java.util.Map`, `int`.
    pub name: String,
    pub generics: Vec<TypeRef>,
    /// Number of `[]` suffixes.
    pub array_dims: u8,
    pub span: Span,
}

/// `@Name` or `@Name(args)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// The name as written, possibly qualified (`groovy.transform.Field`).
    pub name: String,
    pub args: Vec<Arg>,
    pub span: Span,
}

/// Declaration modifiers (`final`, `static`, `private`, …) in source order.
pub type Modifiers = Vec<Ident>;

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression used as a statement, including command expressions (`sh 'make'`).
    Expr(Expr),
    /// `def x = 1`, `String a, b = 'x'`, `final int n = 3`.
    Decl(Decl),
    /// `def (a, b) = expr` / `def (String a, int b) = expr`.
    MultiDecl {
        annotations: Vec<Annotation>,
        modifiers: Modifiers,
        targets: Vec<Param>,
        value: Expr,
    },
    /// `(a, b) = expr`.
    MultiAssign {
        targets: Vec<Ident>,
        value: Expr,
    },
    Block(Block),
    If {
        cond: Expr,
        then_branch: Box<Stmt>,
        else_branch: Option<Box<Stmt>>,
    },
    While {
        cond: Expr,
        body: Box<Stmt>,
    },
    /// `for (x in xs)`, `for (String x : xs)`, `for (def x in xs)`.
    ForIn {
        var: Ident,
        var_type: Option<TypeRef>,
        iterable: Expr,
        body: Box<Stmt>,
    },
    /// `for (init; cond; update)`; every part may be empty.
    ForClassic {
        init: Vec<Stmt>,
        cond: Option<Expr>,
        update: Vec<Expr>,
        body: Box<Stmt>,
    },
    /// `switch (subject) { case a: … case b: … default: … }` with fall-through.
    Switch {
        subject: Expr,
        arms: Vec<SwitchArm>,
    },
    Try {
        body: Block,
        catches: Vec<Catch>,
        finally: Option<Block>,
    },
    Throw(Expr),
    Return(Option<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    /// `assert cond` / `assert cond : message`. `text` is the source of `cond`, which
    /// Groovy's power assertion prints.
    Assert {
        cond: Expr,
        message: Option<Expr>,
        text: String,
    },
    /// `label: statement`.
    Labeled {
        label: Ident,
        body: Box<Stmt>,
    },
    MethodDef(Arc<MethodDef>),
    ClassDef(Arc<ClassDef>),
    /// `import a.b.C`, `import a.b.*`, `import static a.B.c`, `import a.B as C`.
    Import(Import),
    /// `package a.b.c`.
    Package(String),
    /// Annotations on a lone `_`, as in `@Library('lib@ref') _`.
    AnnotatedUnderscore(Vec<Annotation>),
    /// A lone `;` or nothing.
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decl {
    pub annotations: Vec<Annotation>,
    pub modifiers: Modifiers,
    /// `None` for `def` (or modifiers alone, as in `final x = 1`).
    pub ty: Option<TypeRef>,
    pub vars: Vec<DeclVar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeclVar {
    pub name: Ident,
    pub init: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SwitchArm {
    /// The `case` labels leading to this arm's body; empty with `is_default` for `default:`.
    /// An arm may carry labels and the default together (`case 1: default: …`).
    pub labels: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Catch {
    /// Empty for an untyped `catch (e)`; several for `catch (A | B e)`.
    pub types: Vec<TypeRef>,
    pub var: Ident,
    pub body: Block,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The dotted path, without `.*`.
    pub path: String,
    pub is_static: bool,
    pub wildcard: bool,
    pub alias: Option<Ident>,
    pub annotations: Vec<Annotation>,
    pub span: Span,
}

/// A parameter of a method or closure, or one target of a multiple declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub ty: Option<TypeRef>,
    pub default: Option<Expr>,
    /// `String... args`.
    pub varargs: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MethodDef {
    pub annotations: Vec<Annotation>,
    pub modifiers: Modifiers,
    /// `None` for `def`; `void` is a type named "void".
    pub return_type: Option<TypeRef>,
    pub name: Ident,
    pub params: Vec<Param>,
    pub body: Block,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub annotations: Vec<Annotation>,
    pub modifiers: Modifiers,
    pub name: Ident,
    pub extends: Option<TypeRef>,
    pub implements: Vec<TypeRef>,
    pub fields: Vec<Decl>,
    pub methods: Vec<Arc<MethodDef>>,
    /// Constructors are methods named after the class.
    pub constructors: Vec<Arc<MethodDef>>,
    /// `static { … }` and `{ … }` initializer blocks, in order.
    pub initializers: Vec<Block>,
    /// `true` for `enum`; its constants are in `enum_constants`, each with the arguments of
    /// its constructor call (`DEV('d')`).
    pub is_enum: bool,
    pub enum_constants: Vec<EnumConstant>,
    pub span: Span,
}

/// One constant of an `enum`: `PROD` or `PROD('p', 3)`.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumConstant {
    pub name: Ident,
    /// Constructor arguments; `None` when no parentheses were written.
    pub args: Option<Args>,
}

/// A closure literal `{ a, b -> … }`, `{ -> … }` or `{ … }` (implicit `it`).
#[derive(Debug, Clone, PartialEq)]
pub struct ClosureDef {
    /// `None` when no `->` was written: the closure takes an optional `it`.
    pub params: Option<Vec<Param>>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// One piece of a GString: literal text or an interpolated expression.
#[derive(Debug, Clone, PartialEq)]
pub enum GStringPart {
    Text(String),
    /// `${expr}` or `$a.b.c`. An empty `${}` is a `Null` expression.
    Expr(Expr),
}

/// A numeric literal, already classified the way Groovy types it.
#[derive(Debug, Clone, PartialEq)]
pub enum NumberLit {
    Integer(i32),
    Long(i64),
    /// Decimal digits of a `java.math.BigInteger` (an integer too big for Long, or `…G`).
    BigInteger(String),
    /// The literal text of a `java.math.BigDecimal` (`1.5`, `1e3`, `2.50G`), suffix removed.
    BigDecimal(String),
    Double(f64),
    Float(f32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `!x`
    Not,
    /// `~x` (bitwise not, or a Pattern from a string)
    BitNot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Shl,
    Shr,
    UShr,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    /// `<=>`
    Cmp,
    /// `=~`
    RegexFind,
    /// `==~`
    RegexMatch,
    In,
    And,
    Or,
    BitAnd,
    BitOr,
    BitXor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `+=` and the other compound forms: `x op= y` means `x = x op y`.
    Compound(BinaryOp),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncDec {
    Inc,
    Dec,
}

/// How a member is named after `.`: `a.b`, `a."b"`, `a."${x}"`.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberName {
    Name(Ident),
    /// A quoted or interpolated name; evaluated to a string at run time.
    Dynamic(Box<Expr>),
}

/// The kind of dereference before a member: `.`, `?.`, `*.`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deref {
    Normal,
    Safe,
    Spread,
}

/// A map-literal key or named-argument name.
#[derive(Debug, Clone, PartialEq)]
pub enum MapKey {
    /// `a: 1` and `'a': 1`, `"a": 1`: the key is this string.
    Name(String, Span),
    /// `(expr): 1`, `"${x}": 1` and literal numbers/booleans: evaluated.
    Expr(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub enum MapEntry {
    Pair(MapKey, Expr),
    /// `*:otherMap`
    Spread(Expr),
}

/// One argument of a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Positional(Expr),
    /// `name: value`; Groovy collects all named arguments into one map, the first argument.
    Named(MapKey, Expr),
    /// `*list`
    Spread(Expr),
    /// `*:map`
    SpreadMap(Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallStyle {
    /// `f(x)` (possibly with trailing closures after the parentheses).
    Parens,
    /// `f x, y` (a command expression).
    Command,
    /// `f { … }`: closures only, no parentheses.
    ClosureOnly,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Args {
    /// Arguments inside the parentheses (or of the command expression), in order.
    pub args: Vec<Arg>,
    /// Closures written after the parentheses: `stage('x') { … }`. They are passed after `args`.
    pub trailing: Vec<Expr>,
    pub style: CallStyle,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Null,
    Bool(bool),
    Number(NumberLit),
    /// A string literal without interpolation (any quoting style).
    Str(String),
    /// A string with at least one interpolation.
    GString(Vec<GStringPart>),
    /// A variable, or an unqualified property/class name (`x`, `env`, `String`).
    Var(String),
    This,
    Super,
    /// `[a, b, *c]` (elements may be `Spread`).
    List(Vec<Expr>),
    /// `[a: 1, (k): v]`, `[:]`.
    Map(Vec<MapEntry>),
    /// `from..to`, `from..<to`.
    Range {
        from: Box<Expr>,
        to: Box<Expr>,
        exclusive: bool,
    },
    Closure(Arc<ClosureDef>),
    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `++x` / `--x`
    PrefixIncDec {
        op: IncDec,
        target: Box<Expr>,
    },
    /// `x++` / `x--`
    PostfixIncDec {
        op: IncDec,
        target: Box<Expr>,
    },
    /// `target = value`, `target += value`, …; `target` is a `Var`, `Property`, `Index`
    /// (or `Attribute`).
    Assign {
        op: AssignOp,
        target: Box<Expr>,
        value: Box<Expr>,
    },
    /// `cond ? a : b`
    Ternary {
        cond: Box<Expr>,
        then_expr: Box<Expr>,
        else_expr: Box<Expr>,
    },
    /// `a ?: b`
    Elvis {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `obj.name`, `obj?.name`, `obj*.name`.
    Property {
        obj: Box<Expr>,
        name: MemberName,
        deref: Deref,
    },
    /// `obj.@field`
    Attribute {
        obj: Box<Expr>,
        name: Ident,
    },
    /// `obj[i]`, `obj[a, b]`.
    Index {
        obj: Box<Expr>,
        index: Vec<Expr>,
    },
    /// `obj.name(args)`, `obj?.name(args)`, `obj*.name(args)`, `obj.name { … }`.
    MethodCall {
        obj: Box<Expr>,
        name: MemberName,
        deref: Deref,
        args: Args,
    },
    /// `name(args)`, `name args` (command expression), `name { … }`: an unqualified call,
    /// resolved to a script method, a closure variable, or a built-in.
    Call {
        name: Ident,
        args: Args,
    },
    /// `expr(args)` where `expr` is not a name: calling a closure value (`(c)(1)`, `m.f(1)(2)`).
    CallValue {
        callee: Box<Expr>,
        args: Args,
    },
    /// `new Type(args)`, possibly with trailing closures.
    New {
        ty: TypeRef,
        args: Args,
    },
    /// `new Type[n]` / `new Type[] { … }`-free array creation.
    NewArray {
        ty: TypeRef,
        dims: Vec<Expr>,
    },
    /// `(Type) expr`
    Cast {
        ty: TypeRef,
        expr: Box<Expr>,
    },
    /// `expr as Type`
    As {
        expr: Box<Expr>,
        ty: TypeRef,
    },
    /// `expr instanceof Type`
    InstanceOf {
        expr: Box<Expr>,
        ty: TypeRef,
    },
    /// `obj.&name`
    MethodPointer {
        obj: Box<Expr>,
        name: Ident,
    },
    /// `*expr` inside a list literal.
    Spread(Box<Expr>),
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

impl Stmt {
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt { kind, span }
    }
}

impl BinaryOp {
    /// The operator as written in Groovy source.
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Mod => "%",
            Pow => "**",
            Shl => "<<",
            Shr => ">>",
            UShr => ">>>",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Eq => "==",
            Ne => "!=",
            Cmp => "<=>",
            RegexFind => "=~",
            RegexMatch => "==~",
            In => "in",
            And => "&&",
            Or => "||",
            BitAnd => "&",
            BitOr => "|",
            BitXor => "^",
        }
    }
}

impl Deref {
    /// `.`, `?.` or `*.`, as written in Groovy source.
    pub fn symbol(self) -> &'static str {
        match self {
            Deref::Normal => ".",
            Deref::Safe => "?.",
            Deref::Spread => "*.",
        }
    }
}
