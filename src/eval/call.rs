//! Calls: resolving unqualified names, dispatching methods on values, binding arguments to
//! the parameters of script methods and closures.

use std::sync::Arc;

use super::error::{exception, Flow, R};
use super::interp::{closure_arity, Env, Interp, ScriptObject};
use super::scope::Scope;
use super::value::{to_display, ClassRef, Closure, ThisRef, Value};
use crate::syntax::ast::{MethodDef, Param};
use crate::syntax::Span;

impl Interp {
    /// An unqualified call `name(args)`: a local closure variable, a method of `this`, a
    /// script method, a closure in the binding, the closure delegate's method, a built-in
    /// function, or a host step, in that order.
    pub fn call_function(&self, name: &str, args: Vec<Value>, env: &Env, span: Span) -> R<Value> {
        if let Some(v) = env.scope.lookup(name) {
            return self.call_value(&v, args, span);
        }
        if let Some(c) = &env.closure {
            // Inside a closure, `call(…)` is the closure itself (recursion without a name).
            if name == "call" || name == "doCall" {
                return self.call_closure(c, args, span);
            }
        }
        if env.delegate_first {
            if let Some(d) = &env.delegate {
                match self.call_method(d, name, args.clone(), span) {
                    Err(Flow::Throw(t)) if is_missing_method_for(&t.value, name) => {}
                    other => return other,
                }
            }
        }
        match &env.this {
            ThisRef::Object(o) => {
                if name == "super" || name == "this" {
                    return self.chain_constructor(o, name == "super", args, span);
                }
                let methods = o.class.find_methods(name);
                if let Some(m) = select_method(self, &methods, &args) {
                    return self.invoke_method_def(&m, env.this.clone(), args, span);
                }
                if let Some(v) = o.fields.lock().get(name).cloned() {
                    if matches!(v, Value::Closure(_)) {
                        return self.call_value(&v, args, span);
                    }
                }
            }
            ThisRef::Static(c) => {
                let methods = c.find_methods(name);
                if let Some(m) = select_method(self, &methods, &args) {
                    return self.invoke_method_def(&m, env.this.clone(), args, span);
                }
            }
            ThisRef::Script => {}
        }
        let script_methods = self.ctx.methods.read().get(name).cloned();
        if let Some(methods) = script_methods {
            if let Some(m) = select_method(self, &methods, &args) {
                return self.invoke_method_def(&m, ThisRef::Script, args, span);
            }
        }
        let bound = self.ctx.binding.lock().get(name).cloned();
        if let Some(v @ Value::Closure(_)) = bound {
            return self.call_value(&v, args, span);
        }
        if let Some(d) = &env.delegate {
            if !d.is_null() {
                match self.call_method(d, name, args.clone(), span) {
                    Err(Flow::Throw(t)) if is_missing_method_for(&t.value, name) => {}
                    other => return other,
                }
            }
        }
        // Host functions that shadow Groovy's own (Jenkins' `sleep` step over the GDK's
        // `sleep(ms)`) come first.
        if self.ctx.host.shadows_builtin(name) {
            if let Some(r) = self.ctx.host.call_function(self, name, &args, span) {
                return r;
            }
        }
        if let Some(r) = super::methods::script_function(self, name, &args, span) {
            return r;
        }
        if let Some(r) = self.ctx.host.call_function(self, name, &args, span) {
            return r;
        }
        if let Some(v @ Value::Closure(_)) = self.ctx.host.global(self, name) {
            return self.call_value(&v, args, span);
        }
        let class = match &env.this {
            ThisRef::Object(o) => o.class.name.clone(),
            ThisRef::Static(c) => c.name.clone(),
            ThisRef::Script => self.ctx.script_name.clone(),
        };
        Err(missing_method_named(&class, name, &args).at(span))
    }

    /// `super(…)`/`this(…)` inside a constructor.
    fn chain_constructor(
        &self,
        o: &Arc<super::value::Object>,
        is_super: bool,
        args: Vec<Value>,
        span: Span,
    ) -> R<Value> {
        let class = if is_super {
            match &o.class.superclass {
                Some(ClassRef::User(s)) => Some(s.clone()),
                _ => None,
            }
        } else {
            Some(o.class.clone())
        };
        match class {
            Some(c) => {
                if let Some(ctor) = select_method(self, &c.def.constructors, &args) {
                    self.invoke_method_def(&ctor, ThisRef::Object(o.clone()), args, span)?;
                } else if let [Value::Map(m)] = args.as_slice() {
                    for (k, v) in m.snapshot() {
                        o.fields.lock().insert(to_display(&k), v);
                    }
                }
                Ok(Value::Null)
            }
            None => {
                // A built-in superclass: exceptions keep their message and cause.
                let mut fields = o.fields.lock();
                match args.as_slice() {
                    [] => {}
                    [Value::Exception(cause)] => {
                        fields.insert(
                            super::value::EXC_MESSAGE.into(),
                            Value::string(super::value::exception_to_string(cause)),
                        );
                        fields.insert(
                            super::value::EXC_CAUSE.into(),
                            Value::Exception(cause.clone()),
                        );
                    }
                    [msg, rest @ ..] => {
                        let m = if msg.is_null() {
                            Value::Null
                        } else {
                            Value::string(to_display(msg))
                        };
                        fields.insert(super::value::EXC_MESSAGE.into(), m);
                        if let Some(c) = rest.first() {
                            fields.insert(super::value::EXC_CAUSE.into(), c.clone());
                        }
                    }
                }
                Ok(Value::Null)
            }
        }
    }

    /// Calls a value: closures, objects with a `call` method.
    pub fn call_value(&self, f: &Value, args: Vec<Value>, span: Span) -> R<Value> {
        match f {
            Value::Closure(c) => self.call_closure(c, args, span),
            Value::Null => super::error::npe("Cannot invoke method call() on null object"),
            other => self.call_method(other, "call", args, span),
        }
    }

    /// Calls a closure with Groovy's argument rules (implicit `it`, defaults, a single list
    /// spread over several parameters).
    pub fn call_closure(&self, c: &Arc<Closure>, args: Vec<Value>, span: Span) -> R<Value> {
        match &**c {
            Closure::Code {
                def,
                scope,
                this,
                delegate,
                strategy,
                ..
            } => {
                let _g = self.enter().map_err(|f| f.at(span))?;
                let local = Scope::child(scope);
                match &def.params {
                    None => {
                        if args.len() > 1 {
                            return Err(closure_mismatch(self, &args).at(span));
                        }
                        local.declare("it", args.into_iter().next().unwrap_or(Value::Null), None);
                    }
                    Some(params) => {
                        // A closure with one parameter may be called without an argument.
                        let args = if args.is_empty()
                            && params.len() == 1
                            && !params[0].varargs
                            && params[0].default.is_none()
                        {
                            vec![Value::Null]
                        } else {
                            args
                        };
                        let bound = self
                            .bind_params(params, args.clone())
                            .ok_or_else(|| closure_mismatch(self, &args).at(span))?;
                        for (p, v) in params.iter().zip(bound) {
                            local.declare(&p.name.name, v, p.ty.clone().map(Arc::new));
                        }
                    }
                }
                let d = delegate.lock().clone();
                let strategy = strategy.load(std::sync::atomic::Ordering::Relaxed);
                let env = Env {
                    scope: local,
                    this: this.clone(),
                    delegate: if d.is_null() { None } else { Some(d) },
                    delegate_first: strategy == 1 || strategy == 3,
                    closure: Some(c.clone()),
                };
                match self.exec_block(&def.body, &env) {
                    Ok(v) => Ok(v),
                    Err(Flow::Return(v)) => Ok(v),
                    Err(Flow::Break(_)) | Err(Flow::Continue(_)) => super::error::throw(
                        "groovy.lang.GroovyRuntimeException",
                        "break/continue is only allowed inside loops or switches, not to leave a closure",
                    ),
                    Err(f) => Err(f.through(span)),
                }
            }
            Closure::Method { method, this } => {
                self.invoke_method_def(method, this.clone(), args, span)
            }
            Closure::MethodRef { receiver, name } => match receiver {
                Value::Native(n) if n.as_any().is::<ScriptObject>() => {
                    self.call_function(name, args, &Env::script(Scope::root()), span)
                }
                Value::Class(c) if matches!(**c, ClassRef::Builtin(_)) => {
                    // `String.&toUpperCase` style: the first argument is the receiver
                    // unless a static method of that name exists.
                    match self.call_method(receiver, name, args.clone(), span) {
                        Err(Flow::Throw(t))
                            if is_missing_method_for(&t.value, name) && !args.is_empty() =>
                        {
                            let mut rest = args;
                            let first = rest.remove(0);
                            self.call_method(&first, name, rest, span)
                        }
                        other => other,
                    }
                }
                _ => self.call_method(receiver, name, args, span),
            },
            Closure::Curried {
                inner,
                left,
                right,
                index,
            } => {
                let mut all = left.clone();
                all.extend(args);
                if let Some((i, vals)) = index {
                    let at = (*i).min(all.len());
                    for (k, v) in vals.iter().enumerate() {
                        all.insert(at + k, v.clone());
                    }
                }
                all.extend(right.iter().cloned());
                self.call_closure(inner, all, span)
            }
            Closure::Composed { first, second } => {
                let mid = self.call_value(first, args, span)?;
                self.call_value(second, vec![mid], span)
            }
            Closure::Native { f, .. } => f(self, args),
        }
    }

    /// Calls a closure with one argument, or with two when it declares two parameters and
    /// the value is a map entry (Groovy's `each { k, v -> }` on maps).
    pub fn call_closure_item(&self, c: &Arc<Closure>, item: Value, span: Span) -> R<Value> {
        if closure_arity(c) == Some(2) {
            if let Value::MapEntry(e) = &item {
                return self.call_closure(c, vec![e.key.clone(), e.value()], span);
            }
        }
        self.call_closure(c, vec![item], span)
    }

    /// Binds arguments to parameters: defaults fill missing trailing arguments, varargs
    /// collect the rest, and a single list is spread over several parameters. `None` when
    /// the arguments do not fit.
    pub fn bind_params(&self, params: &[Param], args: Vec<Value>) -> Option<Vec<Value>> {
        if let Some(b) = self.bind_exact(params, &args) {
            return Some(b);
        }
        if params.len() > 1 && args.len() == 1 {
            if let Value::List(l) = &args[0] {
                let spread = l.snapshot();
                return self.bind_exact(params, &spread);
            }
        }
        None
    }

    fn bind_exact(&self, params: &[Param], args: &[Value]) -> Option<Vec<Value>> {
        let n = params.len();
        let varargs = params.last().is_some_and(|p| p.varargs || is_array_type(p));
        let required = params.iter().filter(|p| p.default.is_none()).count();
        if varargs && args.len() + 1 >= n {
            let fixed = n - 1;
            let last = &params[fixed];
            let elem = last.ty.as_ref().map(|t| crate::syntax::ast::TypeRef {
                array_dims: if last.varargs {
                    t.array_dims
                } else {
                    t.array_dims.saturating_sub(1)
                },
                ..t.clone()
            });
            let mut out = self.check_types(&params[..fixed], args[..fixed].to_vec())?;
            // An array passed in the varargs position is the varargs array itself.
            if args.len() == n {
                if let Some(Value::List(l)) = args.last() {
                    if l.is_array() {
                        out.push(args[fixed].clone());
                        return Some(out);
                    }
                }
            }
            let mut rest = Vec::with_capacity(args.len() - fixed);
            for a in &args[fixed..] {
                rest.push(match &elem {
                    Some(t) => self.coerce_param(a.clone(), t)?,
                    None => a.clone(),
                });
            }
            let class = elem
                .as_ref()
                .and_then(|t| {
                    super::class::primitive_box(&t.name)
                        .or_else(|| super::class::resolve_builtin(&t.name))
                })
                .unwrap_or("java.lang.Object");
            out.push(Value::array(class, rest));
            return Some(out);
        }
        if args.len() > n || args.len() < required {
            return None;
        }
        // Missing arguments take the defaults of the last parameters that have one.
        let missing = n - args.len();
        let mut out = Vec::with_capacity(n);
        let mut args_iter = args.iter();
        let mut skip_defaults = missing;
        let defaulted: Vec<usize> = params
            .iter()
            .enumerate()
            .filter(|(_, p)| p.default.is_some())
            .map(|(i, _)| i)
            .collect();
        // Groovy drops the rightmost defaulted parameters first.
        let dropped: Vec<usize> = defaulted.iter().rev().take(missing).copied().collect();
        for (i, p) in params.iter().enumerate() {
            if skip_defaults > 0 && dropped.contains(&i) {
                skip_defaults -= 1;
                let env = Env::script(Scope::root());
                let v = match &p.default {
                    Some(d) => self.eval(d, &env).ok()?,
                    None => Value::Null,
                };
                out.push(v);
            } else {
                out.push(args_iter.next()?.clone());
            }
        }
        self.check_types(params, out)
    }

    fn check_types(&self, params: &[Param], values: Vec<Value>) -> Option<Vec<Value>> {
        let mut out = Vec::with_capacity(values.len());
        for (p, v) in params.iter().zip(values) {
            match &p.ty {
                Some(t) => out.push(self.coerce_param(v, t)?),
                None => out.push(v),
            }
        }
        Some(out)
    }

    /// Runs a script method or class method with `this` bound.
    pub fn invoke_method_def(
        &self,
        m: &Arc<MethodDef>,
        this: ThisRef,
        args: Vec<Value>,
        span: Span,
    ) -> R<Value> {
        let _g = self.enter().map_err(|f| f.at(span))?;
        let Some(bound) = self.bind_params(&m.params, args.clone()) else {
            let class = match &this {
                ThisRef::Object(o) => o.class.name.clone(),
                ThisRef::Static(c) => c.name.clone(),
                ThisRef::Script => self.ctx.script_name.clone(),
            };
            return Err(missing_method_named(&class, &m.name.name, &args).at(span));
        };
        let scope = Scope::root();
        for (p, v) in m.params.iter().zip(bound) {
            scope.declare(&p.name.name, v, p.ty.clone().map(Arc::new));
        }
        let env = Env {
            scope,
            this,
            delegate: None,
            delegate_first: false,
            closure: None,
        };
        let result = match self.exec_block(&m.body.stmts, &env) {
            Ok(v) => v,
            Err(Flow::Return(v)) => v,
            Err(f) => return Err(f.through(span)),
        };
        match &m.return_type {
            Some(t) if t.name == "void" => Ok(Value::Null),
            Some(t) => self.coerce_declared(result, t).map_err(|f| f.at(span)),
            None => Ok(result),
        }
    }

    /// Calls a method on a value.
    pub fn call_method(&self, recv: &Value, name: &str, args: Vec<Value>, span: Span) -> R<Value> {
        match recv {
            Value::Object(o) => {
                let methods = o.class.find_methods(name);
                if let Some(m) = select_method(self, &methods, &args) {
                    return self.invoke_method_def(&m, ThisRef::Object(o.clone()), args, span);
                }
                let field = o.fields.lock().get(name).cloned();
                if let Some(v @ Value::Closure(_)) = field {
                    return self.call_value(&v, args, span);
                }
                if o.class.def.is_enum {
                    if let Some(r) = self.enum_method(o, name, &args) {
                        return r;
                    }
                }
                if !methods.is_empty() {
                    return Err(missing_method(recv, name, &args).at(span));
                }
            }
            Value::Exception(e) => {
                if let Some(o) = &e.object {
                    let methods = o.class.find_methods(name);
                    if let Some(m) = select_method(self, &methods, &args) {
                        return self.invoke_method_def(&m, ThisRef::Object(o.clone()), args, span);
                    }
                }
            }
            Value::Class(c) => {
                if let ClassRef::User(info) = &**c {
                    // Only static methods can be called on the class itself.
                    let methods: Vec<Arc<MethodDef>> = info
                        .find_methods(name)
                        .into_iter()
                        .filter(|m| m.modifiers.iter().any(|x| x.name == "static"))
                        .collect();
                    if let Some(m) = select_method(self, &methods, &args) {
                        return self.invoke_method_def(
                            &m,
                            ThisRef::Static(info.clone()),
                            args,
                            span,
                        );
                    }
                    if info.def.is_enum {
                        let constants: Vec<Value> = info
                            .def
                            .enum_constants
                            .iter()
                            .filter_map(|k| info.static_fields.lock().get(&k.name.name).cloned())
                            .collect();
                        match (name, args.as_slice()) {
                            ("values", []) => {
                                return Ok(Value::array("java.lang.Object", constants))
                            }
                            ("valueOf", [n]) => {
                                let n = to_display(n);
                                let known =
                                    info.def.enum_constants.iter().any(|k| k.name.name == n);
                                let found = info.static_fields.lock().get(&n).cloned();
                                return match (known, found) {
                                    (true, Some(v)) => Ok(v),
                                    _ => super::error::throw(
                                        "java.lang.IllegalArgumentException",
                                        format!("No enum constant {}.{n}", info.name),
                                    ),
                                };
                            }
                            _ => {}
                        }
                    }
                }
            }
            Value::Native(n) => {
                if n.as_any().is::<ScriptObject>() {
                    match self.call_function(name, args.clone(), &Env::script(Scope::root()), span)
                    {
                        Err(Flow::Throw(t)) if is_missing_method_for(&t.value, name) => {
                            if let Some(r) =
                                super::methods::object_method(self, recv, name, &args, span)
                            {
                                return r;
                            }
                            return Err(Flow::Throw(t));
                        }
                        other => return other,
                    }
                }
                if let Some(r) = n.call_method(self, name, &args) {
                    return r.map_err(|f| f.at(span));
                }
            }
            _ => {}
        }
        if let Some(r) = super::methods::builtin_method(self, recv, name, &args, span) {
            return r.map_err(|f| f.at(span));
        }
        // A closure stored in a map entry or property can be called like a method.
        if let Value::Map(m) = recv {
            if let Some(v @ Value::Closure(_)) = m.get_str(name) {
                return self.call_value(&v, args, span);
            }
        }
        if recv.is_null() {
            return super::error::npe(format!("Cannot invoke method {name}() on null object"))
                .map_err(|f: Flow| f.at(span));
        }
        Err(missing_method(recv, name, &args).at(span))
    }
}

impl Interp {
    /// The methods every enum constant has.
    fn enum_method(
        &self,
        o: &Arc<super::value::Object>,
        name: &str,
        args: &[Value],
    ) -> Option<R<Value>> {
        let fields = o.fields.lock();
        let ordinal = fields
            .get(super::value::ENUM_ORDINAL)
            .cloned()
            .unwrap_or(Value::Null);
        let ename = fields
            .get(super::value::ENUM_NAME)
            .cloned()
            .unwrap_or(Value::Null);
        drop(fields);
        let ord_of = |v: &Value| match v {
            Value::Object(p) => p.fields.lock().get(super::value::ENUM_ORDINAL).cloned(),
            _ => None,
        };
        let constants: Vec<Value> = o
            .class
            .def
            .enum_constants
            .iter()
            .filter_map(|k| o.class.static_fields.lock().get(&k.name.name).cloned())
            .collect();
        let idx = match &ordinal {
            Value::Num(n) => n.to_i64() as usize,
            _ => 0,
        };
        Some(Ok(match (name, args) {
            ("name" | "toString", []) => ename,
            ("ordinal", []) => ordinal,
            ("compareTo", [other]) => match (ord_of(other), &ordinal) {
                (Some(Value::Num(b)), Value::Num(a)) => {
                    Value::int((a.to_i64() - b.to_i64()) as i32)
                }
                _ => return None,
            },
            ("getDeclaringClass", []) => Value::Class(Arc::new(ClassRef::User(o.class.clone()))),
            ("next", []) => constants
                .get((idx + 1) % constants.len().max(1))
                .cloned()
                .unwrap_or(Value::Null),
            ("previous", []) => constants
                .get((idx + constants.len().max(1) - 1) % constants.len().max(1))
                .cloned()
                .unwrap_or(Value::Null),
            _ => return None,
        }))
    }
}

fn is_array_type(p: &Param) -> bool {
    p.ty.as_ref().is_some_and(|t| t.array_dims > 0)
}

/// Picks the overload of a method that best fits the arguments.
pub fn select_method(
    interp: &Interp,
    methods: &[Arc<MethodDef>],
    args: &[Value],
) -> Option<Arc<MethodDef>> {
    let mut best: Option<(usize, &Arc<MethodDef>)> = None;
    for m in methods {
        if interp.bind_params(&m.params, args.to_vec()).is_none() {
            continue;
        }
        // Prefer exact arity, then declared types that match the arguments' classes exactly.
        let mut score = if m.params.len() == args.len() { 100 } else { 0 };
        for (p, a) in m.params.iter().zip(args) {
            if let Some(t) = &p.ty {
                score += type_match_score(interp, &t.name, a);
            }
        }
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, m));
        }
    }
    best.map(|(_, m)| m.clone())
}

fn type_match_score(interp: &Interp, ty: &str, v: &Value) -> usize {
    if v.is_null() {
        return 1;
    }
    let target = super::class::primitive_box(ty)
        .map(String::from)
        .or_else(|| interp.resolve_class(ty).map(|c| c.name()))
        .unwrap_or_else(|| ty.to_string());
    if target == "java.lang.Object" {
        return 1;
    }
    if target == "java.lang.String" && matches!(v, Value::GString(_)) {
        return 5;
    }
    let ancestry = super::class::value_ancestry(v);
    match ancestry.iter().position(|n| *n == target) {
        Some(0) => 20,
        Some(i) => 19usize.saturating_sub(i).max(2),
        None => 1,
    }
}

fn arg_types(args: &[Value]) -> String {
    args.iter()
        .map(|a| {
            if a.is_null() {
                "null".to_string()
            } else {
                a.class_name()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `MissingMethodException` for `recv.name(args)`.
pub fn missing_method(recv: &Value, name: &str, args: &[Value]) -> Flow {
    let class = match recv {
        Value::Class(c) => format!("static {}", c.name()),
        other => other.class_name(),
    };
    missing_method_named(&class, name, args)
}

pub fn missing_method_named(class: &str, name: &str, args: &[Value]) -> Flow {
    exception(
        "groovy.lang.MissingMethodException",
        Some(format!(
            "No signature of method: {class}.{name}() is applicable for argument types: ({}) values: {}",
            arg_types(args),
            to_display(&Value::list(args.to_vec()))
        )),
    )
}

fn closure_mismatch(interp: &Interp, args: &[Value]) -> Flow {
    missing_method_named(
        &format!("{}$_run_closure1", interp.ctx.script_name),
        "call",
        args,
    )
}

/// Whether a thrown value is a `MissingMethodException` about `name`.
pub fn is_missing_method_for(v: &Value, name: &str) -> bool {
    matches!(v, Value::Exception(e)
        if &*e.class == "groovy.lang.MissingMethodException"
            && e.message.as_deref().is_some_and(|m| m.contains(&format!(".{name}() "))))
}
