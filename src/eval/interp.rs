//! The tree-walking interpreter: statements and expressions.
//!
//! Evaluation is synchronous. Each thread that runs script code (the main thread, or one
//! per `parallel` branch) owns an [`Interp`]; they share one [`ScriptCtx`] (methods,
//! classes, the binding, the output, the host). Cancellation is an atomic flag checked
//! between statements and at every call.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use indexmap::IndexMap;
use parking_lot::{Mutex, RwLock};

use super::class::ClassInfo;
use super::error::{exception, Flow, HaltReason, Thrown, R};
use super::num::Num;
use super::scope::Scope;
use super::value::{
    ClassRef, Closure, GStr, HKey, ListKind, ListObj, Object, RangeVal, ThisRef, Value,
};
use crate::syntax::ast::*;
use crate::syntax::Span;

/// Where `println` and friends write.
pub trait Output: Send + Sync {
    fn write_str(&self, s: &str);
}

/// Writes to the process's standard output.
pub struct StdOutput;

impl Output for StdOutput {
    fn write_str(&self, s: &str) {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(s.as_bytes());
        let _ = out.flush();
    }
}

/// Collects output in memory (tests, the REPL).
#[derive(Default)]
pub struct BufferOutput(pub Mutex<String>);

impl Output for BufferOutput {
    fn write_str(&self, s: &str) {
        self.0.lock().push_str(s);
    }
}

impl BufferOutput {
    pub fn take(&self) -> String {
        std::mem::take(&mut *self.0.lock())
    }
}

/// What the embedding application adds to the language: Jenkins steps and globals.
pub trait Host: Send + Sync {
    /// Whether the host's `name` wins over a Groovy built-in function of that name.
    fn shadows_builtin(&self, name: &str) -> bool {
        let _ = name;
        false
    }

    /// An unqualified call no script method or built-in function answered.
    fn call_function(
        &self,
        interp: &Interp,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> Option<R<Value>> {
        let _ = (interp, name, args, span);
        None
    }

    /// A variable that is neither local nor in the binding (`env`, `params`, `docker`…).
    fn global(&self, interp: &Interp, name: &str) -> Option<Value> {
        let _ = (interp, name);
        None
    }

    /// Script output (`println`, `print`); `false` to let the script's `Output` have it.
    fn print(&self, interp: &Interp, text: &str) -> bool {
        let _ = (interp, text);
        false
    }
}

/// The host of a plain Groovy script: adds nothing.
pub struct NoHost;

impl Host for NoHost {}

/// Settings for a run.
#[derive(Clone)]
pub struct Limits {
    /// Maximum depth of nested method/closure calls before a `StackOverflowError`.
    pub max_call_depth: usize,
    /// Maximum statements and calls one thread may run (fuzzing, bounded tests); `None` for
    /// no limit.
    pub max_steps: Option<u64>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_call_depth: 3000,
            max_steps: None,
        }
    }
}

/// State shared by every thread running one script.
pub struct ScriptCtx {
    /// The script's class name, as Groovy's messages print it (the file's base name).
    pub script_name: String,
    pub methods: RwLock<HashMap<String, Vec<Arc<MethodDef>>>>,
    pub classes: RwLock<HashMap<String, Arc<ClassInfo>>>,
    /// Script-level variables assigned without `def` (and `@Field`s).
    pub binding: Mutex<IndexMap<String, Value>>,
    /// Import aliases: `import a.b.C as D` maps `D` to `a.b.C`.
    pub aliases: RwLock<HashMap<String, String>>,
    pub out: Arc<dyn Output>,
    pub host: Arc<dyn Host>,
    pub cancel: Arc<AtomicBool>,
    pub limits: Limits,
    /// String literals, interned as the JVM interns them (so `'a'.is('a')`).
    pub interned: Mutex<HashMap<String, Arc<str>>>,
}

impl ScriptCtx {
    pub fn new(script_name: &str, out: Arc<dyn Output>, host: Arc<dyn Host>) -> ScriptCtx {
        ScriptCtx {
            script_name: script_name.to_string(),
            methods: RwLock::new(HashMap::new()),
            classes: RwLock::new(HashMap::new()),
            binding: Mutex::new(IndexMap::new()),
            aliases: RwLock::new(HashMap::new()),
            out,
            host,
            cancel: Arc::new(AtomicBool::new(false)),
            limits: Limits::default(),
            interned: Mutex::new(HashMap::new()),
        }
    }
}

/// One thread's interpreter.
pub struct Interp {
    pub ctx: Arc<ScriptCtx>,
    /// Dynamically scoped context of the embedding application (the pipeline runtime keeps
    /// its current directory, environment overrides, stage path… here): pushed for the extent
    /// of a block, inherited by forked interpreters. The evaluator never looks inside.
    pub ext: std::cell::RefCell<Vec<Arc<dyn std::any::Any + Send + Sync>>>,
    /// Cancellation tokens of the blocks being run, outermost first.
    pub tokens: std::cell::RefCell<Vec<Arc<super::cancel::CancelToken>>>,
    /// Fired tokens whose interruption this interpreter has already thrown: each firing
    /// interrupts a thread once, so `finally` blocks and `post` steps run normally after.
    delivered: std::cell::RefCell<Vec<Arc<super::cancel::CancelToken>>>,
    depth: Cell<usize>,
    /// While positive, cancellation is not checked: `finally` blocks run to completion
    /// while a cancelled evaluation unwinds.
    shield: Cell<usize>,
    steps: Cell<u64>,
}

/// The lexical context code runs in.
#[derive(Clone)]
pub struct Env {
    pub scope: Arc<Scope>,
    pub this: ThisRef,
    /// The delegate of the innermost closure being run (`with { }`, DSL blocks).
    pub delegate: Option<Value>,
    /// Whether names resolve on the delegate before the owner (`with`, DSL blocks).
    pub delegate_first: bool,
    /// The closure being run, for `call()`, `owner` and `delegate` inside its body.
    pub closure: Option<Arc<Closure>>,
}

impl Env {
    pub fn script(scope: Arc<Scope>) -> Env {
        Env {
            scope,
            this: ThisRef::Script,
            delegate: None,
            delegate_first: false,
            closure: None,
        }
    }

    fn with_scope(&self, scope: Arc<Scope>) -> Env {
        Env {
            scope,
            this: self.this.clone(),
            delegate: self.delegate.clone(),
            delegate_first: self.delegate_first,
            closure: self.closure.clone(),
        }
    }
}

/// Whether a block declares variables directly (then it needs a scope of its own).
fn declares(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| {
        matches!(
            s.kind,
            StmtKind::Decl(_) | StmtKind::MultiDecl { .. } | StmtKind::Labeled { .. }
        )
    })
}

thread_local! {
    /// The script whose code this thread runs: lets value rendering call back into the
    /// interpreter (lazy GString closures, `toString()` of script classes).
    static CURRENT: std::cell::RefCell<Option<Arc<ScriptCtx>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with an interpreter for the script this thread runs, if any.
pub fn with_current<T>(f: impl FnOnce(&Interp) -> T) -> Option<T> {
    let ctx = CURRENT.with(|c| c.borrow().clone())?;
    let interp = Interp {
        ctx,
        ext: std::cell::RefCell::new(Vec::new()),
        tokens: std::cell::RefCell::new(Vec::new()),
        delivered: std::cell::RefCell::new(Vec::new()),
        depth: Cell::new(0),
        shield: Cell::new(0),
        steps: Cell::new(0),
    };
    Some(f(&interp))
}

impl Interp {
    pub fn new(ctx: Arc<ScriptCtx>) -> Interp {
        CURRENT.with(|c| *c.borrow_mut() = Some(ctx.clone()));
        Interp {
            ctx,
            ext: std::cell::RefCell::new(Vec::new()),
            tokens: std::cell::RefCell::new(Vec::new()),
            delivered: std::cell::RefCell::new(Vec::new()),
            depth: Cell::new(0),
            shield: Cell::new(0),
            steps: Cell::new(0),
        }
    }

    /// A fresh interpreter for another thread, sharing this one's script.
    pub fn fork(&self) -> Interp {
        let child = Interp::new(self.ctx.clone());
        *child.ext.borrow_mut() = self.ext.borrow().clone();
        *child.tokens.borrow_mut() = self.tokens.borrow().clone();
        *child.delivered.borrow_mut() = self.delivered.borrow().clone();
        child
    }

    /// The innermost context of type `T` pushed by the embedding application.
    pub fn ext_top<T: std::any::Any + Send + Sync>(&self) -> Option<Arc<T>> {
        self.ext
            .borrow()
            .iter()
            .rev()
            .find_map(|e| e.clone().downcast::<T>().ok())
    }

    /// Runs `f` with `value` pushed on the context stack.
    pub fn with_ext<T: std::any::Any + Send + Sync, U>(
        &self,
        value: Arc<T>,
        f: impl FnOnce() -> U,
    ) -> U {
        self.ext.borrow_mut().push(value);
        let r = f();
        self.ext.borrow_mut().pop();
        r
    }

    /// Runs `f` with a cancellation token in force.
    pub fn with_token<U>(
        &self,
        token: Arc<super::cancel::CancelToken>,
        f: impl FnOnce() -> U,
    ) -> U {
        self.tokens.borrow_mut().push(token);
        let r = f();
        self.tokens.borrow_mut().pop();
        r
    }

    /// The first fired token in force whose interruption was not thrown here yet.
    fn pending_token(&self) -> Option<Arc<super::cancel::CancelToken>> {
        if self.shield.get() > 0 {
            return None;
        }
        let delivered = self.delivered.borrow();
        self.tokens
            .borrow()
            .iter()
            .find(|t| t.fired() && !delivered.iter().any(|d| Arc::ptr_eq(d, t)))
            .cloned()
    }

    /// The cause of a pending interruption, for blocking steps that must stop (peeks).
    pub fn interruption(&self) -> Option<(String, Option<String>)> {
        self.pending_token().and_then(|t| t.cause())
    }

    /// Takes the pending interruption: the caller throws it; later checks on this
    /// interpreter no longer see that firing.
    pub fn take_interruption(&self) -> Option<(String, Option<String>)> {
        let t = self.pending_token()?;
        self.delivered.borrow_mut().push(t.clone());
        t.cause()
    }

    /// The interned copy of a string literal.
    pub fn intern(&self, s: &str) -> Arc<str> {
        let mut table = self.ctx.interned.lock();
        if let Some(a) = table.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        if table.len() < 100_000 {
            table.insert(s.to_string(), a.clone());
        }
        a
    }

    pub fn print(&self, s: &str) {
        if !self.ctx.host.print(self, s) {
            self.ctx.out.write_str(s);
        }
    }

    pub fn check_cancelled(&self) -> R<()> {
        if let Some(max) = self.ctx.limits.max_steps {
            let n = self.steps.get() + 1;
            self.steps.set(n);
            if n > max {
                return Err(Flow::Halt(HaltReason::Cancelled(
                    "step limit reached".into(),
                )));
            }
        }
        if self.shield.get() > 0 {
            return Ok(());
        }
        if self.ctx.cancel.load(Ordering::Relaxed) {
            return Err(Flow::Halt(HaltReason::Interrupted));
        }
        if let Some((class, message)) = self.take_interruption() {
            return Err(exception(&class, message));
        }
        Ok(())
    }

    /// Registers the script's methods, classes and imports, then runs its statements.
    /// Returns the value of the last statement.
    pub fn run_script(&self, script: &Script, scope: &Arc<Scope>) -> R<Value> {
        self.declare_all(&script.body)?;
        let env = Env::script(scope.clone());
        let mut last = Value::Null;
        for s in &script.body {
            self.check_cancelled()?;
            last = self.exec(s, &env, None)?;
        }
        Ok(last)
    }

    /// Hoists method and class definitions and imports, as Groovy compiles them before the
    /// script runs.
    pub fn declare_all(&self, body: &[Stmt]) -> R<()> {
        for s in body {
            match &s.kind {
                StmtKind::MethodDef(m) => {
                    let mut methods = self.ctx.methods.write();
                    let list = methods.entry(m.name.name.clone()).or_default();
                    list.retain(|o| o.params.len() != m.params.len() || !same_param_types(o, m));
                    list.push(m.clone());
                }
                StmtKind::Import(i) => {
                    let last = i.path.rsplit('.').next().unwrap_or(&i.path).to_string();
                    let alias = i.alias.as_ref().map_or(last, |a| a.name.clone());
                    if !i.wildcard {
                        self.ctx.aliases.write().insert(alias, i.path.clone());
                    }
                }
                _ => {}
            }
        }
        for s in body {
            if let StmtKind::ClassDef(c) = &s.kind {
                self.define_class(c)?;
            }
        }
        Ok(())
    }

    fn define_class(&self, c: &Arc<ClassDef>) -> R<()> {
        let superclass = c.extends.as_ref().map(|t| {
            self.resolve_class(&t.name)
                .unwrap_or_else(|| ClassRef::Named(Arc::from(t.name.as_str())))
        });
        let info = Arc::new(ClassInfo {
            name: c.name.name.clone(),
            def: c.clone(),
            superclass,
            static_fields: Mutex::new(IndexMap::new()),
        });
        self.ctx
            .classes
            .write()
            .insert(c.name.name.clone(), info.clone());
        // Static fields are initialised once, when the class is defined.
        let env = Env {
            scope: Scope::root(),
            this: ThisRef::Static(info.clone()),
            delegate: None,
            delegate_first: false,
            closure: None,
        };
        if c.is_enum {
            // Enum constants exist before the other static fields, in declaration order.
            for (i, k) in c.enum_constants.iter().enumerate() {
                let obj = Arc::new(Object {
                    class: info.clone(),
                    fields: Mutex::new(IndexMap::new()),
                });
                self.init_fields(&info, &obj)?;
                obj.fields
                    .lock()
                    .insert(super::value::ENUM_NAME.into(), Value::str(&k.name.name));
                obj.fields
                    .lock()
                    .insert(super::value::ENUM_ORDINAL.into(), Value::int(i as i32));
                let args = match &k.args {
                    Some(a) => self.eval_args(a, &env)?,
                    None => Vec::new(),
                };
                if let Some(ctor) = super::call::select_method(self, &c.constructors, &args) {
                    self.invoke_method_def(&ctor, ThisRef::Object(obj.clone()), args, k.name.span)?;
                } else if !args.is_empty() {
                    return Err(exception(
                        "groovy.lang.GroovyRuntimeException",
                        Some(format!(
                            "Could not find matching constructor for: {}",
                            c.name.name
                        )),
                    )
                    .at(k.name.span));
                }
                info.static_fields
                    .lock()
                    .insert(k.name.name.clone(), Value::Object(obj));
            }
        }
        for f in &c.fields {
            if f.modifiers.iter().any(|m| m.name == "static") {
                for v in &f.vars {
                    let val = match &v.init {
                        Some(e) => self.eval(e, &env)?,
                        None => default_for_type(f.ty.as_ref()),
                    };
                    let val = match &f.ty {
                        Some(t) => self.coerce_declared(val, t)?,
                        None => val,
                    };
                    info.static_fields.lock().insert(v.name.name.clone(), val);
                }
            }
        }
        Ok(())
    }

    /// Looks a class up by the name written in the script.
    pub fn resolve_class(&self, name: &str) -> Option<ClassRef> {
        if let Some(c) = self.ctx.classes.read().get(name) {
            return Some(ClassRef::User(c.clone()));
        }
        let aliased = self.ctx.aliases.read().get(name).cloned();
        let name = aliased.as_deref().unwrap_or(name);
        if let Some(c) = self.ctx.classes.read().get(name) {
            return Some(ClassRef::User(c.clone()));
        }
        super::class::resolve_builtin(name).map(ClassRef::Builtin)
    }

    // ----------------------------------------------------------------- statements

    /// Runs a list of statements in a scope of their own (when they declare variables),
    /// returning the value of the last one (Groovy's implicit return).
    pub fn exec_block(&self, stmts: &[Stmt], env: &Env) -> R<Value> {
        if declares(stmts) {
            let inner = env.with_scope(Scope::child(&env.scope));
            self.exec_stmts(stmts, &inner)
        } else {
            self.exec_stmts(stmts, env)
        }
    }

    fn exec_stmts(&self, stmts: &[Stmt], env: &Env) -> R<Value> {
        let mut last = Value::Null;
        for s in stmts {
            last = self.exec(s, env, None)?;
        }
        Ok(last)
    }

    /// Executes one statement. `label` is the label of an enclosing labeled statement, for
    /// loops to match `break label`/`continue label`.
    pub fn exec(&self, s: &Stmt, env: &Env, label: Option<&str>) -> R<Value> {
        self.check_cancelled()?;
        match &s.kind {
            StmtKind::Expr(e) => self.eval(e, env),
            StmtKind::Decl(d) => self.exec_decl(d, env),
            StmtKind::MultiDecl { targets, value, .. } => {
                let v = self.eval(value, env)?;
                let items = self.destructure(&v, targets.len(), value.span)?;
                for (t, item) in targets.iter().zip(items) {
                    let item = match &t.ty {
                        Some(ty) => self.coerce_declared(item, ty)?,
                        None => item,
                    };
                    env.scope
                        .declare(&t.name.name, item, t.ty.clone().map(Arc::new));
                }
                Ok(v)
            }
            StmtKind::MultiAssign { targets, value } => {
                let v = self.eval(value, env)?;
                let items = self.destructure(&v, targets.len(), value.span)?;
                for (t, item) in targets.iter().zip(items) {
                    self.assign_var(&t.name, item, env, t.span)?;
                }
                Ok(v)
            }
            StmtKind::Block(b) => self.exec_block(&b.stmts, env),
            StmtKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                if self.eval_truthy(cond, env)? {
                    self.exec_nested(then_branch, env)
                } else if let Some(e) = else_branch {
                    self.exec_nested(e, env)
                } else {
                    Ok(Value::Null)
                }
            }
            StmtKind::While { cond, body } => {
                while self.eval_truthy(cond, env)? {
                    self.check_cancelled()?;
                    match self.exec_nested(body, env) {
                        Ok(_) => {}
                        Err(f) => match loop_control(f, label)? {
                            LoopCtl::Break => break,
                            LoopCtl::Continue => continue,
                        },
                    }
                }
                Ok(Value::Null)
            }
            StmtKind::ForIn {
                var,
                var_type,
                iterable,
                body,
            } => {
                let coll = self.eval(iterable, env)?;
                let loop_env = env.with_scope(Scope::child(&env.scope));
                let ty = var_type.clone().map(Arc::new);
                loop_env.scope.declare(&var.name, Value::Null, ty.clone());
                self.for_each_item(&coll, iterable.span, |item| {
                    let item = match &ty {
                        Some(t) => self.coerce_declared(item, t)?,
                        None => item,
                    };
                    loop_env.scope.assign(&var.name, item);
                    match self.exec_nested(body, &loop_env) {
                        Ok(_) => Ok(true),
                        Err(f) => match loop_control(f, label)? {
                            LoopCtl::Break => Ok(false),
                            LoopCtl::Continue => Ok(true),
                        },
                    }
                })?;
                Ok(Value::Null)
            }
            StmtKind::ForClassic {
                init,
                cond,
                update,
                body,
            } => {
                let loop_env = env.with_scope(Scope::child(&env.scope));
                for i in init {
                    self.exec(i, &loop_env, None)?;
                }
                loop {
                    self.check_cancelled()?;
                    if let Some(c) = cond {
                        if !self.eval_truthy(c, &loop_env)? {
                            break;
                        }
                    }
                    match self.exec_nested(body, &loop_env) {
                        Ok(_) => {}
                        Err(f) => match loop_control(f, label)? {
                            LoopCtl::Break => break,
                            LoopCtl::Continue => {}
                        },
                    }
                    for u in update {
                        self.eval(u, &loop_env)?;
                    }
                }
                Ok(Value::Null)
            }
            StmtKind::Switch { subject, arms } => self.exec_switch(subject, arms, env, label),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => self.exec_try(body, catches, finally.as_ref(), env),
            StmtKind::Throw(e) => {
                let v = self.eval(e, env)?;
                if v.is_null() {
                    return Err(exception("java.lang.NullPointerException", None).at(s.span));
                }
                Err(Flow::Throw(Box::new(Thrown {
                    value: v,
                    span: Some(s.span),
                    trace: Vec::new(),
                })))
            }
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(e, env)?,
                    None => Value::Null,
                };
                Err(Flow::Return(v))
            }
            StmtKind::Break(l) => Err(Flow::Break(l.as_ref().map(|l| l.name.clone()))),
            StmtKind::Continue(l) => Err(Flow::Continue(l.as_ref().map(|l| l.name.clone()))),
            StmtKind::Assert {
                cond,
                message,
                text,
            } => self.exec_assert(cond, message.as_ref(), text, env, s.span),
            StmtKind::Labeled { label: l, body } => match self.exec(body, env, Some(&l.name)) {
                Err(Flow::Break(Some(b))) if b == l.name => Ok(Value::Null),
                other => other,
            },
            StmtKind::MethodDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::Import(_)
            | StmtKind::Package(_)
            | StmtKind::AnnotatedUnderscore(_)
            | StmtKind::Empty => Ok(Value::Null),
        }
    }

    /// Executes the body of an `if`/loop: a block gets its own scope.
    fn exec_nested(&self, s: &Stmt, env: &Env) -> R<Value> {
        match &s.kind {
            StmtKind::Block(b) => self.exec_block(&b.stmts, env),
            _ => self.exec(s, env, None),
        }
    }

    fn exec_decl(&self, d: &Decl, env: &Env) -> R<Value> {
        let field = d
            .annotations
            .iter()
            .any(|a| a.name == "Field" || a.name == "groovy.transform.Field");
        let mut last = Value::Null;
        for v in &d.vars {
            let val = match &v.init {
                Some(e) => self.eval(e, env)?,
                None => default_for_type(d.ty.as_ref()),
            };
            let val = match &d.ty {
                Some(t) => self
                    .coerce_declared(val, t)
                    .map_err(|f| f.at(v.name.span))?,
                None => val,
            };
            last = val.clone();
            if field {
                self.ctx.binding.lock().insert(v.name.name.clone(), val);
            } else {
                env.scope
                    .declare(&v.name.name, val, d.ty.clone().map(Arc::new));
            }
        }
        Ok(last)
    }

    /// Splits the right side of a multiple assignment into `n` values (missing ones are null).
    fn destructure(&self, v: &Value, n: usize, span: Span) -> R<Vec<Value>> {
        let items = match v {
            Value::List(l) => l.snapshot(),
            Value::Range(r) => r.to_vec(),
            Value::Null => Vec::new(),
            other => {
                // Groovy calls getAt(i) on the value; strings give characters.
                let mut out = Vec::new();
                for i in 0..n {
                    let idx = Value::int_or_long(i as i64);
                    out.push(self.get_at(other, &[idx], span).unwrap_or(Value::Null));
                }
                out
            }
        };
        Ok((0..n)
            .map(|i| items.get(i).cloned().unwrap_or(Value::Null))
            .collect())
    }

    fn exec_switch(
        &self,
        subject: &Expr,
        arms: &[SwitchArm],
        env: &Env,
        label: Option<&str>,
    ) -> R<Value> {
        let v = self.eval(subject, env)?;
        let inner = env.with_scope(Scope::child(&env.scope));
        let mut start = None;
        'find: for (i, arm) in arms.iter().enumerate() {
            for l in &arm.labels {
                let case = self.eval(l, &inner)?;
                if self.is_case(&case, &v, l.span)? {
                    start = Some(i);
                    break 'find;
                }
            }
        }
        if start.is_none() {
            start = arms.iter().position(|a| a.is_default);
        }
        let Some(start) = start else {
            return Ok(Value::Null);
        };
        let mut last = Value::Null;
        for arm in &arms[start..] {
            for s in &arm.body {
                match self.exec(s, &inner, None) {
                    Ok(v) => last = v,
                    Err(Flow::Break(None)) => return Ok(last),
                    Err(Flow::Break(Some(l))) if Some(l.as_str()) == label => return Ok(last),
                    Err(f) => return Err(f),
                }
            }
        }
        Ok(last)
    }

    fn exec_try(
        &self,
        body: &Block,
        catches: &[Catch],
        finally: Option<&Block>,
        env: &Env,
    ) -> R<Value> {
        let result = match self.exec_block(&body.stmts, env) {
            Err(Flow::Throw(t)) => {
                let mut handled = None;
                for c in catches {
                    if self.catch_matches(c, &t.value) {
                        handled = Some(c);
                        break;
                    }
                }
                match handled {
                    Some(c) => {
                        let cenv = env.with_scope(Scope::child(&env.scope));
                        cenv.scope.declare(&c.var.name, t.value.clone(), None);
                        self.exec_stmts(&c.body.stmts, &cenv)
                    }
                    None => Err(Flow::Throw(t)),
                }
            }
            other => other,
        };
        if let Some(f) = finally {
            // A `finally` that completes normally keeps the try/catch outcome; one that
            // throws or returns replaces it, as in Java. When evaluation is being cancelled
            // the block still runs to completion.
            let halting = matches!(result, Err(Flow::Halt(_)));
            if halting {
                self.shield.set(self.shield.get() + 1);
            }
            let r = self.exec_block(&f.stmts, env);
            if halting {
                self.shield.set(self.shield.get() - 1);
            }
            r?;
        }
        result
    }

    fn catch_matches(&self, c: &Catch, v: &Value) -> bool {
        if c.types.is_empty() {
            // An untyped `catch (e)` catches java.lang.Exception, not Errors.
            return super::class::instance_of_name(v, "java.lang.Exception", None)
                || !matches!(v, Value::Exception(_) | Value::Object(_));
        }
        c.types.iter().any(|t| self.instance_of(v, t))
    }

    fn exec_assert(
        &self,
        cond: &Expr,
        message: Option<&Expr>,
        text: &str,
        env: &Env,
        span: Span,
    ) -> R<Value> {
        let (ok, rec) = super::power::eval_recorded(self, cond, text, env)?;
        if ok {
            return Ok(Value::Null);
        }
        let (class, msg) = match message {
            Some(m) => {
                let v = self.eval(m, env)?;
                (
                    "java.lang.AssertionError",
                    rec.render_with_message(cond, &super::value::to_display(&v)),
                )
            }
            None => (
                "org.codehaus.groovy.runtime.powerassert.PowerAssertionError",
                rec.render(text),
            ),
        };
        Err(exception(class, Some(msg)).at(span))
    }

    // ----------------------------------------------------------------- expressions

    pub fn eval_truthy(&self, e: &Expr, env: &Env) -> R<bool> {
        let v = self.eval(e, env)?;
        self.truthy(&v)
    }

    /// Groovy truth, including `asBoolean()` on script classes.
    pub fn truthy(&self, v: &Value) -> R<bool> {
        if let Value::Object(o) = v {
            if o.class.has_method("asBoolean") {
                let r = self.call_method(v, "asBoolean", Vec::new(), Span::default())?;
                return Ok(r.truthy());
            }
        }
        Ok(v.truthy())
    }

    pub fn eval(&self, e: &Expr, env: &Env) -> R<Value> {
        self.eval_inner(e, env).map_err(|f| f.at(e.span))
    }

    fn eval_inner(&self, e: &Expr, env: &Env) -> R<Value> {
        match &e.kind {
            ExprKind::Null => Ok(Value::Null),
            ExprKind::Bool(b) => Ok(Value::Bool(*b)),
            ExprKind::Number(n) => Num::from_lit(n)
                .map(Value::Num)
                .map_err(super::ops::num_err),
            ExprKind::Str(s) => Ok(Value::Str(self.intern(s))),
            ExprKind::GString(parts) => self.eval_gstring(parts, env),
            ExprKind::Var(name) => self.lookup_var(name, env, e.span),
            ExprKind::This => Ok(self.this_value(env)),
            ExprKind::Super => Ok(self.this_value(env)),
            ExprKind::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    if let ExprKind::Spread(inner) = &i.kind {
                        let v = self.eval(inner, env)?;
                        out.extend(self.iterate(&v, inner.span)?);
                    } else {
                        out.push(self.eval(i, env)?);
                    }
                }
                Ok(Value::list(out))
            }
            ExprKind::Map(entries) => {
                let mut m = IndexMap::with_capacity(entries.len());
                for en in entries {
                    match en {
                        MapEntry::Pair(k, v) => {
                            let key = self.eval_map_key(k, env)?;
                            let val = self.eval(v, env)?;
                            m.insert(HKey(key), val);
                        }
                        MapEntry::Spread(x) => {
                            let v = self.eval(x, env)?;
                            if let Value::Map(src) = v {
                                for (k, v) in src.snapshot() {
                                    m.insert(HKey(k), v);
                                }
                            } else if !v.is_null() {
                                return super::error::throw(
                                    "groovy.lang.GroovyRuntimeException",
                                    format!(
                                        "Cannot spread non-map value: {}",
                                        super::value::to_display(&v)
                                    ),
                                );
                            }
                        }
                    }
                }
                Ok(Value::map(m))
            }
            ExprKind::Range {
                from,
                to,
                exclusive,
            } => {
                let a = self.eval(from, env)?;
                let b = self.eval(to, env)?;
                self.make_range(a, b, *exclusive)
            }
            ExprKind::Closure(def) => Ok(Value::Closure(Arc::new(Closure::Code {
                def: def.clone(),
                scope: env.scope.clone(),
                this: env.this.clone(),
                delegate: Mutex::new(env.delegate.clone().unwrap_or(Value::Null)),
                strategy: std::sync::atomic::AtomicU8::new(u8::from(env.delegate_first)),
                owner: env.closure.clone(),
            }))),
            ExprKind::Unary { op, expr } => {
                if let (UnaryOp::Neg, ExprKind::Number(lit)) = (op, &expr.kind) {
                    return negative_literal(lit);
                }
                let v = self.eval(expr, env)?;
                self.unary(*op, v)
            }
            ExprKind::Binary { op, lhs, rhs } => self.eval_binary(*op, lhs, rhs, env),
            ExprKind::PrefixIncDec { op, target } => self.inc_dec(*op, target, env, true),
            ExprKind::PostfixIncDec { op, target } => self.inc_dec(*op, target, env, false),
            ExprKind::Assign { op, target, value } => self.eval_assign(*op, target, value, env),
            ExprKind::Ternary {
                cond,
                then_expr,
                else_expr,
            } => {
                if self.eval_truthy(cond, env)? {
                    self.eval(then_expr, env)
                } else {
                    self.eval(else_expr, env)
                }
            }
            ExprKind::Elvis { lhs, rhs } => {
                let v = self.eval(lhs, env)?;
                if self.truthy(&v)? {
                    Ok(v)
                } else {
                    self.eval(rhs, env)
                }
            }
            ExprKind::Property { obj, name, deref } => {
                let recv = self.eval(obj, env)?;
                let name = self.member_name(name, env)?;
                self.get_property_deref(&recv, &name, *deref, e.span)
            }
            ExprKind::Attribute { obj, name } => {
                let recv = self.eval(obj, env)?;
                self.get_attribute(&recv, &name.name)
            }
            ExprKind::Index { obj, index } => {
                let recv = self.eval(obj, env)?;
                let idx = self.eval_index(index, env)?;
                self.get_at(&recv, &idx, e.span)
            }
            ExprKind::MethodCall {
                obj,
                name,
                deref,
                args,
            } => {
                let mut name = self.member_name(name, env)?;
                if matches!(obj.kind, ExprKind::Super) {
                    let a = self.eval_args(args, env)?;
                    return self.call_super(env, &name, a, e.span);
                }
                let recv = self.eval(obj, env)?;
                let a = self.eval_args(args, env)?;
                // `list.remove((Object) x)`/`remove((Integer) x)`: the cast selects Java's
                // remove(Object) overload, which removes by value rather than by index.
                if name == "remove" && matches!(recv, Value::List(_)) {
                    if let [Arg::Positional(Expr {
                        kind: ExprKind::Cast { ty, .. },
                        ..
                    })] = args.args.as_slice()
                    {
                        if !super::class::is_primitive(&ty.name) {
                            name = "removeElement".into();
                        }
                    }
                }
                match deref {
                    Deref::Normal => self.call_method(&recv, &name, a, e.span),
                    Deref::Safe => {
                        if recv.is_null() {
                            Ok(Value::Null)
                        } else {
                            self.call_method(&recv, &name, a, e.span)
                        }
                    }
                    Deref::Spread => {
                        if recv.is_null() {
                            return Ok(Value::Null);
                        }
                        let items = self.iterate(&recv, obj.span)?;
                        let mut out = Vec::with_capacity(items.len());
                        for it in items {
                            if it.is_null() {
                                out.push(Value::Null);
                            } else {
                                out.push(self.call_method(&it, &name, a.clone(), e.span)?);
                            }
                        }
                        Ok(Value::list(out))
                    }
                }
            }
            ExprKind::Call { name, args } => {
                let a = self.eval_args(args, env)?;
                self.call_function(&name.name, a, env, e.span)
            }
            ExprKind::CallValue { callee, args } => {
                if let (ExprKind::This | ExprKind::Super, ThisRef::Object(_)) =
                    (&callee.kind, &env.this)
                {
                    // `this(…)`/`super(…)` in a constructor.
                    let a = self.eval_args(args, env)?;
                    let name = if matches!(callee.kind, ExprKind::Super) {
                        "super"
                    } else {
                        "this"
                    };
                    return self.call_function(name, a, env, e.span);
                }
                let f = self.eval(callee, env)?;
                let a = self.eval_args(args, env)?;
                self.call_value(&f, a, e.span)
            }
            ExprKind::New { ty, args } => {
                let a = self.eval_args(args, env)?;
                self.construct(ty, a, e.span)
            }
            ExprKind::NewArray { ty, dims } => {
                let n = match dims.first() {
                    Some(d) => {
                        let v = self.eval(d, env)?;
                        self.to_index(&v)?
                    }
                    None => 0,
                };
                let n = usize::try_from(n).unwrap_or(0).min(1 << 24);
                let elem = default_for_type(Some(ty));
                let cls = super::class::primitive_box(&ty.name)
                    .or_else(|| super::class::resolve_builtin(&ty.name))
                    .unwrap_or("java.lang.Object");
                Ok(Value::array(cls, vec![elem; n]))
            }
            ExprKind::Cast { ty, expr } => {
                let v = self.eval(expr, env)?;
                self.cast(v, ty)
            }
            ExprKind::As { expr, ty } => {
                let v = self.eval(expr, env)?;
                self.as_type(v, ty)
            }
            ExprKind::InstanceOf { expr, ty } => {
                let v = self.eval(expr, env)?;
                Ok(Value::Bool(self.instance_of(&v, ty)))
            }
            ExprKind::MethodPointer { obj, name } => {
                let recv = self.eval(obj, env)?;
                if matches!(obj.kind, ExprKind::This) && matches!(env.this, ThisRef::Script) {
                    let methods = self.ctx.methods.read();
                    if let Some(m) = methods.get(&name.name).and_then(|l| l.first()) {
                        return Ok(Value::Closure(Arc::new(Closure::Method {
                            method: m.clone(),
                            this: ThisRef::Script,
                        })));
                    }
                }
                Ok(Value::Closure(Arc::new(Closure::MethodRef {
                    receiver: recv,
                    name: name.name.clone(),
                })))
            }
            ExprKind::Spread(inner) => self.eval(inner, env),
        }
    }

    fn this_value(&self, env: &Env) -> Value {
        match &env.this {
            ThisRef::Object(o) => Value::Object(o.clone()),
            ThisRef::Static(c) => Value::Class(Arc::new(ClassRef::User(c.clone()))),
            ThisRef::Script => Value::Native(Arc::new(ScriptObject {
                name: self.ctx.script_name.clone(),
            })),
        }
    }

    fn eval_gstring(&self, parts: &[GStringPart], env: &Env) -> R<Value> {
        let mut strings: Vec<Arc<str>> = Vec::with_capacity(parts.len() / 2 + 2);
        let mut values = Vec::with_capacity(parts.len() / 2 + 1);
        let mut pending = String::new();
        for p in parts {
            match p {
                GStringPart::Text(t) => pending.push_str(t),
                GStringPart::Expr(e) => {
                    strings.push(Arc::from(std::mem::take(&mut pending)));
                    // A closure without parameters (`${-> x}`) stays in the GString and is
                    // called each time the string is rendered.
                    values.push(self.eval(e, env)?);
                }
            }
        }
        strings.push(Arc::from(pending));
        Ok(Value::GString(Arc::new(GStr { strings, values })))
    }

    pub fn eval_map_key(&self, k: &MapKey, env: &Env) -> R<Value> {
        match k {
            MapKey::Name(s, _) => Ok(Value::str(s)),
            MapKey::Expr(e) => self.eval(e, env),
        }
    }

    fn member_name(&self, name: &MemberName, env: &Env) -> R<String> {
        match name {
            MemberName::Name(i) => Ok(i.name.clone()),
            MemberName::Dynamic(e) => {
                let v = self.eval(e, env)?;
                Ok(super::value::to_display(&v))
            }
        }
    }

    fn eval_index(&self, index: &[Expr], env: &Env) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(index.len());
        for i in index {
            if let ExprKind::Spread(inner) = &i.kind {
                let v = self.eval(inner, env)?;
                out.extend(self.iterate(&v, inner.span)?);
            } else {
                out.push(self.eval(i, env)?);
            }
        }
        Ok(out)
    }

    /// Evaluates call arguments the way Groovy passes them: named arguments collected into
    /// one map that comes first, then positional ones (spread lists expanded), then trailing
    /// closures.
    pub fn eval_args(&self, args: &Args, env: &Env) -> R<Vec<Value>> {
        let mut named: Option<IndexMap<HKey, Value>> = None;
        let mut positional = Vec::with_capacity(args.args.len() + args.trailing.len());
        for a in &args.args {
            match a {
                Arg::Positional(e) => positional.push(self.eval(e, env)?),
                Arg::Named(k, v) => {
                    let key = self.eval_map_key(k, env)?;
                    let val = self.eval(v, env)?;
                    named
                        .get_or_insert_with(IndexMap::new)
                        .insert(HKey(key), val);
                }
                Arg::Spread(e) => {
                    let v = self.eval(e, env)?;
                    positional.extend(self.iterate(&v, e.span)?);
                }
                Arg::SpreadMap(e) => {
                    let v = self.eval(e, env)?;
                    if let Value::Map(m) = v {
                        let n = named.get_or_insert_with(IndexMap::new);
                        for (k, v) in m.snapshot() {
                            n.insert(HKey(k), v);
                        }
                    }
                }
            }
        }
        for t in &args.trailing {
            positional.push(self.eval(t, env)?);
        }
        if let Some(n) = named {
            positional.insert(0, Value::map(n));
        }
        Ok(positional)
    }

    fn make_range(&self, a: Value, b: Value, exclusive: bool) -> R<Value> {
        let int_of = |v: &Value| match v {
            Value::Num(Num::Int(i)) => Some((*i as i64, false)),
            Value::Num(Num::Long(i)) => Some((*i, true)),
            _ => None,
        };
        if let (Some((x, lx)), Some((y, ly))) = (int_of(&a), int_of(&b)) {
            let long = lx || ly;
            let reverse = x > y;
            let (mut from, mut to) = if reverse { (y, x) } else { (x, y) };
            let mut exclusive_empty = false;
            if exclusive {
                if x == y {
                    exclusive_empty = true;
                } else if reverse {
                    from += 1;
                } else {
                    to -= 1;
                }
            }
            if exclusive_empty {
                from = x;
                to = x;
            }
            return Ok(Value::Range(Arc::new(RangeVal::Int {
                from,
                to,
                reverse,
                exclusive_empty,
                long,
            })));
        }
        if a.is_null() || b.is_null() {
            return super::error::throw(
                "java.lang.IllegalArgumentException",
                "Must specify a non-null value for the 'from' index in a Range",
            );
        }
        // Numbers of other types, characters and strings: materialise with next().
        let cmp = super::ops::compare(self, &a, &b)?;
        let reverse = cmp == std::cmp::Ordering::Greater;
        let (lo, hi) = if reverse {
            (b.clone(), a.clone())
        } else {
            (a.clone(), b.clone())
        };
        let mut items = Vec::new();
        let mut cur = lo.clone();
        let mut guard = 0usize;
        loop {
            let c = super::ops::compare(self, &cur, &hi)?;
            if c == std::cmp::Ordering::Greater {
                break;
            }
            if exclusive && c == std::cmp::Ordering::Equal {
                break;
            }
            items.push(cur.clone());
            cur = super::ops::next(self, &cur)?;
            guard += 1;
            if guard > 10_000_000 {
                return super::error::throw(
                    "java.lang.IllegalArgumentException",
                    "range is too large",
                );
            }
        }
        if exclusive && reverse {
            // `5.0..<1.0`-style ranges exclude the upper written bound.
            items.retain(|_| true);
        }
        Ok(Value::Range(Arc::new(RangeVal::Object {
            from: lo,
            to: hi,
            items,
            reverse,
        })))
    }

    fn eval_binary(&self, op: BinaryOp, lhs: &Expr, rhs: &Expr, env: &Env) -> R<Value> {
        match op {
            BinaryOp::And => {
                if !self.eval_truthy(lhs, env)? {
                    return Ok(Value::Bool(false));
                }
                Ok(Value::Bool(self.eval_truthy(rhs, env)?))
            }
            BinaryOp::Or => {
                if self.eval_truthy(lhs, env)? {
                    return Ok(Value::Bool(true));
                }
                Ok(Value::Bool(self.eval_truthy(rhs, env)?))
            }
            _ => {
                let a = self.eval(lhs, env)?;
                let b = self.eval(rhs, env)?;
                self.binary(op, a, b)
            }
        }
    }

    fn eval_assign(&self, op: AssignOp, target: &Expr, value: &Expr, env: &Env) -> R<Value> {
        match &target.kind {
            ExprKind::Var(name) => {
                let v = match op {
                    AssignOp::Assign => self.eval(value, env)?,
                    AssignOp::Compound(bop) => {
                        let cur = self.lookup_var(name, env, target.span)?;
                        let rhs = self.eval(value, env)?;
                        self.binary(bop, cur, rhs)?
                    }
                };
                self.assign_var(name, v, env, target.span)
            }
            ExprKind::Property { obj, name, deref } => {
                let recv = self.eval(obj, env)?;
                let name = self.member_name(name, env)?;
                if *deref == Deref::Safe && recv.is_null() {
                    return Ok(Value::Null);
                }
                let v = match op {
                    AssignOp::Assign => self.eval(value, env)?,
                    AssignOp::Compound(bop) => {
                        let cur = self.get_property(&recv, &name, target.span)?;
                        let rhs = self.eval(value, env)?;
                        self.binary(bop, cur, rhs)?
                    }
                };
                if *deref == Deref::Spread {
                    for it in self.iterate(&recv, obj.span)? {
                        self.set_property(&it, &name, v.clone(), target.span)?;
                    }
                } else {
                    self.set_property(&recv, &name, v.clone(), target.span)?;
                }
                Ok(v)
            }
            ExprKind::Attribute { obj, name } => {
                let recv = self.eval(obj, env)?;
                let v = self.eval(value, env)?;
                self.set_property(&recv, &name.name, v.clone(), target.span)?;
                Ok(v)
            }
            ExprKind::Index { obj, index } => {
                let recv = self.eval(obj, env)?;
                let idx = self.eval_index(index, env)?;
                let v = match op {
                    AssignOp::Assign => self.eval(value, env)?,
                    AssignOp::Compound(bop) => {
                        let cur = self.get_at(&recv, &idx, target.span)?;
                        let rhs = self.eval(value, env)?;
                        self.binary(bop, cur, rhs)?
                    }
                };
                self.put_at(&recv, &idx, v.clone(), target.span)?;
                Ok(v)
            }
            _ => super::error::throw(
                "groovy.lang.GroovyRuntimeException",
                "the left side of an assignment must be a variable, property or subscript",
            ),
        }
    }

    fn inc_dec(&self, op: IncDec, target: &Expr, env: &Env, prefix: bool) -> R<Value> {
        let step = |interp: &Interp, v: Value| -> R<Value> {
            match op {
                IncDec::Inc => super::ops::next(interp, &v),
                IncDec::Dec => super::ops::previous(interp, &v),
            }
        };
        match &target.kind {
            ExprKind::Var(name) => {
                let old = self.lookup_var(name, env, target.span)?;
                let new = step(self, old.clone())?;
                self.assign_var(name, new.clone(), env, target.span)?;
                Ok(if prefix { new } else { old })
            }
            ExprKind::Property { obj, name, .. } => {
                let recv = self.eval(obj, env)?;
                let name = self.member_name(name, env)?;
                let old = self.get_property(&recv, &name, target.span)?;
                let new = step(self, old.clone())?;
                self.set_property(&recv, &name, new.clone(), target.span)?;
                Ok(if prefix { new } else { old })
            }
            ExprKind::Index { obj, index } => {
                let recv = self.eval(obj, env)?;
                let idx = self.eval_index(index, env)?;
                let old = self.get_at(&recv, &idx, target.span)?;
                let new = step(self, old.clone())?;
                self.put_at(&recv, &idx, new.clone(), target.span)?;
                Ok(if prefix { new } else { old })
            }
            _ => {
                let v = self.eval(target, env)?;
                step(self, v)
            }
        }
    }

    // ----------------------------------------------------------------- variables

    /// Resolves a name: local variables, then fields of `this`, the binding, the closure
    /// delegate, the host's globals, and finally class names.
    pub fn lookup_var(&self, name: &str, env: &Env, span: Span) -> R<Value> {
        if let Some(v) = env.scope.lookup(name) {
            return Ok(v);
        }
        if let Some(c) = &env.closure {
            match name {
                "delegate" => return Ok(env.delegate.clone().unwrap_or(Value::Null)),
                "owner" => {
                    return Ok(match &**c {
                        Closure::Code { owner: Some(o), .. } => Value::Closure(o.clone()),
                        _ => self.this_value(env),
                    })
                }
                "thisObject" => return Ok(self.this_value(env)),
                _ => {}
            }
        }
        if env.delegate_first {
            if let Some(d) = &env.delegate {
                if let Some(v) = self.delegate_property(d, name, span)? {
                    return Ok(v);
                }
            }
        }
        match &env.this {
            ThisRef::Object(o) => {
                if let Some(v) = o.fields.lock().get(name) {
                    return Ok(v.clone());
                }
                if let Some(v) = self.static_field(&o.class, name) {
                    return Ok(v);
                }
            }
            ThisRef::Static(c) => {
                if let Some(v) = self.static_field(c, name) {
                    return Ok(v);
                }
            }
            ThisRef::Script => {}
        }
        if let Some(v) = self.ctx.binding.lock().get(name) {
            return Ok(v.clone());
        }
        if let Some(d) = &env.delegate {
            if !d.is_null() {
                if let Some(v) = self.delegate_property(d, name, span)? {
                    return Ok(v);
                }
            }
        }
        if let Some(v) = self.ctx.host.global(self, name) {
            return Ok(v);
        }
        if let Some(c) = self.resolve_class(name) {
            return Ok(Value::Class(Arc::new(c)));
        }
        if matches!(env.this, ThisRef::Script) || env.delegate.is_none() {
            if let Some(v) = self.script_property(name) {
                return Ok(v);
            }
        }
        if PACKAGE_ROOTS.contains(&name) {
            // The start of a fully-qualified class name: `java.util.regex.Pattern.compile(…)`.
            return Ok(Value::Native(Arc::new(PackageRef {
                path: name.to_string(),
            })));
        }
        let class = match &env.this {
            ThisRef::Object(o) => o.class.name.clone(),
            ThisRef::Static(c) => c.name.clone(),
            ThisRef::Script => self.ctx.script_name.clone(),
        };
        Err(exception(
            "groovy.lang.MissingPropertyException",
            Some(format!("No such property: {name} for class: {class}")),
        )
        .at(span))
    }

    /// Properties every script has (`binding`, `args`).
    fn script_property(&self, name: &str) -> Option<Value> {
        match name {
            "args" => Some(Value::array("java.lang.String", Vec::new())),
            "binding" => Some(Value::Native(Arc::new(BindingObject {
                ctx: self.ctx.clone(),
            }))),
            _ => None,
        }
    }

    fn static_field(&self, c: &Arc<ClassInfo>, name: &str) -> Option<Value> {
        if let Some(v) = c.static_fields.lock().get(name) {
            return Some(v.clone());
        }
        match &c.superclass {
            Some(ClassRef::User(s)) => self.static_field(s, name),
            _ => None,
        }
    }

    /// Reads a property of a closure's delegate, if it has one by that name.
    fn delegate_property(&self, d: &Value, name: &str, span: Span) -> R<Option<Value>> {
        match d {
            Value::Map(m) => Ok(m.get_str(name)),
            Value::Object(o) => Ok(o.fields.lock().get(name).cloned()),
            _ => match self.get_property(d, name, span) {
                Ok(v) => Ok(Some(v)),
                Err(Flow::Throw(t)) if is_missing_property(&t.value) => Ok(None),
                Err(f) => Err(f),
            },
        }
    }

    /// Assigns a variable: an existing local, else a field of `this`, else the binding.
    pub fn assign_var(&self, name: &str, v: Value, env: &Env, span: Span) -> R<Value> {
        if let Some(ty) = env.scope.declared_type(name) {
            let v = match ty {
                Some(t) => self.coerce_declared(v, &t).map_err(|f| f.at(span))?,
                None => v,
            };
            env.scope.assign(name, v.clone());
            return Ok(v);
        }
        match &env.this {
            ThisRef::Object(o) => {
                let mut fields = o.fields.lock();
                if let Some(slot) = fields.get_mut(name) {
                    *slot = v.clone();
                    return Ok(v);
                }
                drop(fields);
                if self.set_static_field(&o.class, name, v.clone()) {
                    return Ok(v);
                }
            }
            ThisRef::Static(c) => {
                if self.set_static_field(c, name, v.clone()) {
                    return Ok(v);
                }
            }
            ThisRef::Script => {}
        }
        if let Some(d) = &env.delegate {
            if env.delegate_first || !self.ctx.binding.lock().contains_key(name) {
                let owns = match d {
                    Value::Map(m) => env.delegate_first || m.get_str(name).is_some(),
                    Value::Object(o) => o.fields.lock().contains_key(name),
                    Value::Native(_) => env.delegate_first,
                    _ => false,
                };
                if owns {
                    self.set_property(d, name, v.clone(), span)?;
                    return Ok(v);
                }
            }
        }
        self.ctx.binding.lock().insert(name.to_string(), v.clone());
        Ok(v)
    }

    fn set_static_field(&self, c: &Arc<ClassInfo>, name: &str, v: Value) -> bool {
        {
            let mut f = c.static_fields.lock();
            if let Some(slot) = f.get_mut(name) {
                *slot = v;
                return true;
            }
        }
        match &c.superclass {
            Some(ClassRef::User(s)) => self.set_static_field(s, name, v),
            _ => false,
        }
    }

    // ----------------------------------------------------------------- calls

    /// Enters a method or closure call, enforcing the depth limit.
    pub fn enter(&self) -> R<DepthGuard<'_>> {
        let d = self.depth.get() + 1;
        if d > self.ctx.limits.max_call_depth {
            return Err(exception("java.lang.StackOverflowError", None));
        }
        self.check_cancelled()?;
        self.depth.set(d);
        Ok(DepthGuard { interp: self })
    }

    /// Instantiates a script class.
    pub fn new_object(&self, class: &Arc<ClassInfo>, args: Vec<Value>, span: Span) -> R<Value> {
        let obj = Arc::new(Object {
            class: class.clone(),
            fields: Mutex::new(IndexMap::new()),
        });
        self.init_fields(class, &obj)?;
        let value = if class.is_subclass_of("java.lang.Throwable") {
            Value::Exception(Arc::new(super::value::ExceptionObj {
                class: Arc::from(class.name.as_str()),
                message: None,
                cause: None,
                object: Some(obj.clone()),
            }))
        } else {
            Value::Object(obj.clone())
        };
        let ctors = &class.def.constructors;
        if ctors.is_empty()
            && class.transform("TupleConstructor")
            && !matches!(args.as_slice(), [Value::Map(_)] | [])
        {
            let fields = class.instance_fields();
            if args.len() > fields.len() {
                return Err(exception(
                    "groovy.lang.GroovyRuntimeException",
                    Some(format!(
                        "Could not find matching constructor for: {}({})",
                        class.name,
                        args.iter()
                            .map(Value::class_name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                ));
            }
            for (f, v) in fields.iter().zip(args) {
                self.set_property(&Value::Object(obj.clone()), f, v, span)?;
            }
            return Ok(value);
        }
        if ctors.is_empty() {
            // Groovy's map constructor: `new Person(name: 'x', age: 3)`.
            match args.as_slice() {
                [] => {}
                [Value::Map(m)] => {
                    for (k, v) in m.snapshot() {
                        let k = super::value::to_display(&k);
                        self.set_property(&Value::Object(obj.clone()), &k, v, span)?;
                    }
                }
                _ => {
                    // Constructors are not inherited: a class without constructors has
                    // only the no-argument one (and Groovy's map constructor).
                    return Err(exception(
                        "groovy.lang.GroovyRuntimeException",
                        Some(format!(
                            "Could not find matching constructor for: {}({})",
                            class.name,
                            args.iter()
                                .map(Value::class_name)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    ));
                }
            }
            return Ok(value);
        }
        let Some(ctor) = super::call::select_method(self, ctors, &args) else {
            return Err(exception(
                "groovy.lang.GroovyRuntimeException",
                Some(format!(
                    "Could not find matching constructor for: {}({})",
                    class.name,
                    args.iter()
                        .map(Value::class_name)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            ));
        };
        self.invoke_method_def(&ctor, ThisRef::Object(obj.clone()), args, span)?;
        Ok(value)
    }

    fn init_fields(&self, class: &Arc<ClassInfo>, obj: &Arc<Object>) -> R<()> {
        if let Some(ClassRef::User(sup)) = &class.superclass {
            self.init_fields(sup, obj)?;
        }
        let env = Env {
            scope: Scope::root(),
            this: ThisRef::Object(obj.clone()),
            delegate: None,
            delegate_first: false,
            closure: None,
        };
        for f in &class.def.fields {
            if f.modifiers.iter().any(|m| m.name == "static") {
                continue;
            }
            for v in &f.vars {
                let val = match &v.init {
                    Some(e) => self.eval(e, &env)?,
                    None => default_for_type(f.ty.as_ref()),
                };
                let val = match &f.ty {
                    Some(t) => self.coerce_declared(val, t)?,
                    None => val,
                };
                obj.fields.lock().insert(v.name.name.clone(), val);
            }
        }
        for b in &class.def.initializers {
            self.exec_block(&b.stmts, &env)?;
        }
        Ok(())
    }

    fn call_super(&self, env: &Env, name: &str, args: Vec<Value>, span: Span) -> R<Value> {
        let ThisRef::Object(o) = &env.this else {
            return self.call_function(name, args, env, span);
        };
        match &o.class.superclass {
            Some(ClassRef::User(sup)) => {
                let methods = sup.find_methods(name);
                match super::call::select_method(self, &methods, &args) {
                    Some(m) => self.invoke_method_def(&m, env.this.clone(), args, span),
                    None => self.call_method(&Value::Object(o.clone()), name, args, span),
                }
            }
            _ => {
                let recv = Value::Object(o.clone());
                super::methods::object_method(self, &recv, name, &args, span)
                    .unwrap_or_else(|| Err(super::call::missing_method(&recv, name, &args)))
            }
        }
    }

    /// Iterates a value the way Groovy's `for (x in v)` and `each` do.
    pub fn iterate(&self, v: &Value, span: Span) -> R<Vec<Value>> {
        let _ = span;
        Ok(match v {
            Value::Null => Vec::new(),
            Value::List(l) => l.snapshot(),
            Value::Set(s) => s.snapshot(),
            Value::Range(r) => r.to_vec(),
            Value::Map(m) => m
                .snapshot()
                .into_iter()
                .map(|(k, v)| Value::entry(k, v, Some(m.clone())))
                .collect(),
            Value::Str(s) => s.chars().map(|c| Value::string(c.to_string())).collect(),
            Value::GString(g) => g
                .render()
                .chars()
                .map(|c| Value::string(c.to_string()))
                .collect(),
            Value::Matcher(m) => super::methods::matcher_items(&mut m.lock())?,
            Value::Builder(b) => b
                .lock()
                .chars()
                .map(|c| Value::string(c.to_string()))
                .collect(),
            Value::Native(n) if n.as_any().is::<super::methods::collection::IteratorObj>() => {
                let mut out = Vec::new();
                while let Some(Ok(Value::Bool(true))) = n.call_method(self, "hasNext", &[]) {
                    match n.call_method(self, "next", &[]) {
                        Some(Ok(x)) => out.push(x),
                        _ => break,
                    }
                }
                out
            }
            other => vec![other.clone()],
        })
    }

    /// Iterates a value the way Java's iterators do, calling `f` for each item until it
    /// returns `false`: ranges lazily, lists and maps live, with Java's
    /// `ConcurrentModificationException` when the body changes their size.
    pub fn for_each_item(
        &self,
        v: &Value,
        span: Span,
        mut f: impl FnMut(Value) -> R<bool>,
    ) -> R<()> {
        match v {
            Value::Range(r) => {
                for i in 0..r.len() {
                    self.check_cancelled()?;
                    let Some(item) = r.get(i) else { break };
                    if !f(item)? {
                        break;
                    }
                }
                Ok(())
            }
            Value::List(l) => {
                let expected = l.len();
                let mut cursor = 0;
                loop {
                    self.check_cancelled()?;
                    let (len, item) = {
                        let items = l.items.lock();
                        (items.len(), items.get(cursor).cloned())
                    };
                    if cursor == len {
                        return Ok(());
                    }
                    if len != expected {
                        return Err(exception("java.util.ConcurrentModificationException", None));
                    }
                    cursor += 1;
                    if !f(item.unwrap_or(Value::Null))? {
                        return Ok(());
                    }
                }
            }
            Value::Map(m) => {
                let entries = m.snapshot();
                let expected = entries.len();
                for (k, val) in entries {
                    self.check_cancelled()?;
                    if m.len() != expected {
                        return Err(exception("java.util.ConcurrentModificationException", None));
                    }
                    if !f(Value::entry(k, val, Some(m.clone())))? {
                        break;
                    }
                }
                Ok(())
            }
            other => {
                for item in self.iterate(other, span)? {
                    self.check_cancelled()?;
                    if !f(item)? {
                        break;
                    }
                }
                Ok(())
            }
        }
    }

    pub fn to_index(&self, v: &Value) -> R<i64> {
        match v {
            Value::Num(n) => Ok(n.to_i64()),
            Value::Char(c) => Ok(*c as i64),
            other => super::error::throw(
                "java.lang.IllegalArgumentException",
                format!("cannot use {} as an index", other.class_name()),
            ),
        }
    }

    /// Runs `f` with the call depth restored afterwards even on error.
    pub fn depth(&self) -> usize {
        self.depth.get()
    }
}

/// Restores the call depth when a call returns.
pub struct DepthGuard<'a> {
    interp: &'a Interp,
}

impl Drop for DepthGuard<'_> {
    fn drop(&mut self) {
        let d = self.interp.depth.get();
        self.interp.depth.set(d.saturating_sub(1));
    }
}

enum LoopCtl {
    Break,
    Continue,
}

/// Decides whether a loop consumes a `break`/`continue` (unlabeled, or with its label).
fn loop_control(f: Flow, label: Option<&str>) -> R<LoopCtl> {
    match f {
        Flow::Break(None) => Ok(LoopCtl::Break),
        Flow::Continue(None) => Ok(LoopCtl::Continue),
        Flow::Break(Some(l)) if Some(l.as_str()) == label => Ok(LoopCtl::Break),
        Flow::Continue(Some(l)) if Some(l.as_str()) == label => Ok(LoopCtl::Continue),
        other => Err(other),
    }
}

fn same_param_types(a: &MethodDef, b: &MethodDef) -> bool {
    a.params
        .iter()
        .zip(b.params.iter())
        .all(|(x, y)| x.ty.as_ref().map(|t| &t.name) == y.ty.as_ref().map(|t| &t.name))
}

pub fn is_missing_property(v: &Value) -> bool {
    matches!(v, Value::Exception(e) if &*e.class == "groovy.lang.MissingPropertyException")
}

/// A negated numeric literal, as Groovy's compiler folds it: `-2147483648` is an Integer,
/// `-9223372036854775808` a Long, and `-0.0d` is positive zero.
fn negative_literal(lit: &NumberLit) -> R<Value> {
    let n = Num::from_lit(lit).map_err(super::ops::num_err)?;
    let neg = n.neg().map_err(super::ops::num_err)?;
    Ok(Value::Num(match (lit, &neg) {
        (NumberLit::Long(_) | NumberLit::BigInteger(_), _) => match neg.to_big_int() {
            Ok(b) => match (i32::try_from(&b), i64::try_from(&b)) {
                (Ok(i), _) if matches!(lit, NumberLit::Long(l) if *l == 1 << 31) => Num::Int(i),
                (_, Ok(l)) if matches!(lit, NumberLit::BigInteger(_)) => Num::Long(l),
                _ => neg,
            },
            Err(_) => neg,
        },
        (NumberLit::Double(d), _) if *d == 0.0 => Num::Double(0.0),
        (NumberLit::Float(f), _) if *f == 0.0 => Num::Float(0.0),
        _ => neg,
    }))
}

/// The value a variable of this declared type starts with when it has no initialiser.
pub fn default_for_type(ty: Option<&TypeRef>) -> Value {
    let Some(t) = ty else {
        return Value::Null;
    };
    if t.array_dims > 0 {
        return Value::Null;
    }
    match t.name.as_str() {
        "int" | "short" | "byte" => Value::int(0),
        "long" => Value::long(0),
        "double" => Value::Num(Num::Double(0.0)),
        "float" => Value::Num(Num::Float(0.0)),
        "boolean" => Value::Bool(false),
        "char" => Value::Char('\0'),
        _ => Value::Null,
    }
}

/// How many parameters a closure declares (`None` for the implicit-`it` form).
pub fn closure_arity(c: &Closure) -> Option<usize> {
    match c {
        Closure::Code { def, .. } => def.params.as_ref().map(Vec::len),
        Closure::Method { method, .. } => Some(method.params.len()),
        Closure::Native { arity, .. } => *arity,
        Closure::Curried {
            inner,
            left,
            right,
            index,
        } => closure_arity(inner).map(|n| {
            n.saturating_sub(left.len() + right.len() + index.as_ref().map_or(0, |(_, v)| v.len()))
        }),
        _ => None,
    }
}

/// First segments of the package names scripts write out in full.
const PACKAGE_ROOTS: &[&str] = &[
    "java", "javax", "groovy", "org", "com", "hudson", "jenkins", "net",
];

/// A package name being spelled out (`java.util`), on the way to a class.
pub struct PackageRef {
    pub path: String,
}

impl super::value::NativeObject for PackageRef {
    fn class_name(&self) -> String {
        "java.lang.Package".into()
    }

    fn to_string(&self) -> String {
        format!("package {}", self.path)
    }

    fn get_property(&self, interp: &Interp, name: &str) -> Option<R<Value>> {
        let path = format!("{}.{name}", self.path);
        if let Some(c) = interp.resolve_class(&path) {
            return Some(Ok(Value::Class(Arc::new(c))));
        }
        if name.starts_with(char::is_uppercase) {
            // A class we do not model: keep its name for messages and instanceof.
            return Some(Ok(Value::Class(Arc::new(ClassRef::Named(Arc::from(
                path.as_str(),
            ))))));
        }
        Some(Ok(Value::Native(Arc::new(PackageRef { path }))))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The script's `binding`: its variables.
pub struct BindingObject {
    pub ctx: Arc<ScriptCtx>,
}

impl super::value::NativeObject for BindingObject {
    fn class_name(&self) -> String {
        "groovy.lang.Binding".into()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        match name {
            "variables" => Some(Ok(Value::map(
                self.ctx
                    .binding
                    .lock()
                    .iter()
                    .map(|(k, v)| (HKey(Value::str(k)), v.clone()))
                    .collect(),
            ))),
            _ => Some(Ok(self
                .ctx
                .binding
                .lock()
                .get(name)
                .cloned()
                .unwrap_or(Value::Null))),
        }
    }

    fn set_property(&self, _interp: &Interp, name: &str, value: Value) -> Option<R<()>> {
        self.ctx.binding.lock().insert(name.to_string(), value);
        Some(Ok(()))
    }

    fn call_method(&self, _interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let b = &self.ctx.binding;
        Some(Ok(match (name, args) {
            ("hasVariable", [n]) => {
                Value::Bool(b.lock().contains_key(&super::value::to_display(n)))
            }
            ("getVariable", [n]) => {
                let n = super::value::to_display(n);
                match b.lock().get(&n) {
                    Some(v) => v.clone(),
                    None => {
                        return Some(Err(exception(
                            "groovy.lang.MissingPropertyException",
                            Some(format!(
                                "No such property: {n} for class: groovy.lang.Binding"
                            )),
                        )))
                    }
                }
            }
            ("setVariable", [n, v]) => {
                b.lock().insert(super::value::to_display(n), v.clone());
                Value::Null
            }
            ("getVariables", []) => {
                return self.get_property(_interp, "variables");
            }
            _ => return None,
        }))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `this` inside a script, as a value.
pub struct ScriptObject {
    pub name: String,
}

impl super::value::NativeObject for ScriptObject {
    fn class_name(&self) -> String {
        self.name.clone()
    }

    fn to_string(&self) -> String {
        format!("{}@script", self.name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl ListObj {
    pub fn is_array(&self) -> bool {
        matches!(self.kind, ListKind::Array(_))
    }
}
