//! Lexical scopes: a chain of small variable tables shared by closures.
//!
//! A closure captures the `Arc<Scope>` it was created in, so it sees (and mutates) the
//! variables of its enclosing blocks, as Groovy closures do. Each execution of a block that
//! declares variables gets a fresh scope, so `def y = x` inside a loop body is a new
//! variable per iteration while the loop variable itself is shared across iterations.

use std::sync::Arc;

use parking_lot::Mutex;

use super::value::Value;
use crate::syntax::ast::TypeRef;

pub struct Scope {
    vars: Mutex<Vec<Var>>,
    parent: Option<Arc<Scope>>,
}

struct Var {
    name: Arc<str>,
    value: Value,
    /// The declared type, for the coercion Groovy applies on every assignment.
    ty: Option<Arc<TypeRef>>,
}

impl Scope {
    pub fn root() -> Arc<Scope> {
        Arc::new(Scope {
            vars: Mutex::new(Vec::new()),
            parent: None,
        })
    }

    pub fn child(parent: &Arc<Scope>) -> Arc<Scope> {
        Arc::new(Scope {
            vars: Mutex::new(Vec::new()),
            parent: Some(parent.clone()),
        })
    }

    /// Declares (or re-declares) a variable in this scope.
    pub fn declare(&self, name: &str, value: Value, ty: Option<Arc<TypeRef>>) {
        let mut vars = self.vars.lock();
        if let Some(v) = vars.iter_mut().find(|v| &*v.name == name) {
            v.value = value;
            v.ty = ty;
        } else {
            vars.push(Var {
                name: Arc::from(name),
                value,
                ty,
            });
        }
    }

    /// The value of the nearest variable called `name`.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let mut scope = self;
        loop {
            if let Some(v) = scope.vars.lock().iter().find(|v| &*v.name == name) {
                return Some(v.value.clone());
            }
            scope = scope.parent.as_deref()?;
        }
    }

    /// Whether a variable called `name` is visible from here.
    pub fn contains(&self, name: &str) -> bool {
        self.declared_type(name).is_some()
    }

    /// `Some(ty)` when the variable exists (`ty` is its declared type, if any).
    pub fn declared_type(&self, name: &str) -> Option<Option<Arc<TypeRef>>> {
        let mut scope = self;
        loop {
            if let Some(v) = scope.vars.lock().iter().find(|v| &*v.name == name) {
                return Some(v.ty.clone());
            }
            scope = scope.parent.as_deref()?;
        }
    }

    /// Assigns to the nearest variable called `name`; returns `false` when there is none.
    pub fn assign(&self, name: &str, value: Value) -> bool {
        let mut scope = self;
        loop {
            {
                let mut vars = scope.vars.lock();
                if let Some(v) = vars.iter_mut().find(|v| &*v.name == name) {
                    v.value = value;
                    return true;
                }
            }
            match scope.parent.as_deref() {
                Some(p) => scope = p,
                None => return false,
            }
        }
    }

    /// Every visible variable, innermost first (for the REPL and debugging).
    pub fn visible(&self) -> Vec<(String, Value)> {
        let mut out: Vec<(String, Value)> = Vec::new();
        let mut scope = Some(self);
        while let Some(s) = scope {
            for v in s.vars.lock().iter() {
                if !out.iter().any(|(n, _)| **n == *v.name) {
                    out.push((v.name.to_string(), v.value.clone()));
                }
            }
            scope = s.parent.as_deref();
        }
        out
    }
}
