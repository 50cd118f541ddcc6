//! Property access (`a.b`, `a.b = c`) and subscripts (`a[i]`, `a[i] = v`).

use std::sync::Arc;

use super::error::{exception, npe, throw, Flow, R};
use super::interp::Interp;
use super::value::{exception_message, to_display, ClassRef, Closure, ListKind, RangeVal, Value};
use crate::syntax::ast::Deref;
use crate::syntax::Span;

fn missing_property(name: &str, class: &str) -> Flow {
    exception(
        "groovy.lang.MissingPropertyException",
        Some(format!("No such property: {name} for class: {class}")),
    )
}

/// `MissingPropertyException` on a script class, with Groovy's "Possible solutions" line
/// listing the class's properties closest to the name.
fn missing_object_property(name: &str, class: &Arc<super::class::ClassInfo>) -> Flow {
    let mut props: Vec<String> = class.instance_fields();
    props.push("class".into());
    let mut ranked: Vec<(usize, String)> = props
        .into_iter()
        .map(|p| (del_distance(name, &p), p))
        .collect();
    ranked.sort_by_key(|(d, _)| *d);
    let hits: Vec<String> = ranked
        .into_iter()
        .take_while(|(d, _)| *d <= 30)
        .take(6)
        .map(|(_, p)| p)
        .collect();
    let mut msg = format!("No such property: {name} for class: {}", class.name);
    if !hits.is_empty() {
        msg.push_str("\nPossible solutions: ");
        msg.push_str(&hits.join(", "));
    }
    exception("groovy.lang.MissingPropertyException", Some(msg))
}

/// Groovy's `MethodRankHelper.delDistance`: Damerau-Levenshtein with substitutions and
/// insertions costing 10, transpositions 5 and a change of case 5.
pub fn del_distance(s: &str, t: &str) -> usize {
    const SUB: usize = 10;
    const DEL: usize = 10;
    const TRANS: usize = 5;
    const CASE: usize = 5;
    let s: Vec<char> = s.chars().collect();
    let t: Vec<char> = t.chars().collect();
    let (n, m) = (s.len(), t.len());
    if n == 0 {
        return m;
    }
    if m == 0 {
        return n;
    }
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let caseless = |a: char, b: char| lower(a) == lower(b);
    let mut rows = [
        vec![0usize; n + 1],
        (0..=n).map(|i| i * DEL).collect::<Vec<_>>(),
        vec![0usize; n + 1],
    ];
    for j in 1..=m {
        let tj = t[j - 1];
        rows[0][0] = j * DEL;
        for i in 1..=n {
            let si = s[i - 1];
            let cost = if si.is_lowercase() ^ tj.is_lowercase() {
                if caseless(si, tj) {
                    CASE
                } else {
                    SUB
                }
            } else if si == tj {
                0
            } else {
                SUB
            };
            let mut v = (rows[0][i - 1] + DEL)
                .min(rows[1][i] + DEL)
                .min(rows[1][i - 1] + cost);
            if i > 1 && j > 1 {
                let mut c = if si.is_lowercase() ^ t[j - 2].is_lowercase() {
                    CASE
                } else {
                    0
                };
                if s[i - 2].is_lowercase() ^ tj.is_lowercase() {
                    c += CASE;
                }
                if caseless(si, t[j - 2]) && caseless(s[i - 2], tj) {
                    v = v.min(rows[2][i - 2] + TRANS + c);
                }
            }
            rows[0][i] = v;
        }
        rows.rotate_right(1);
    }
    rows[1][n]
}

/// Converts a GString map key to a String, as Groovy's subscript operators do.
pub fn normalize_key(k: &Value) -> Value {
    match k {
        Value::GString(g) => Value::string(g.render()),
        other => other.clone(),
    }
}

impl Interp {
    pub fn get_property_deref(
        &self,
        recv: &Value,
        name: &str,
        deref: Deref,
        span: Span,
    ) -> R<Value> {
        match deref {
            Deref::Normal => self.get_property(recv, name, span),
            Deref::Safe => {
                if recv.is_null() {
                    Ok(Value::Null)
                } else {
                    self.get_property(recv, name, span)
                }
            }
            Deref::Spread => {
                if recv.is_null() {
                    return Ok(Value::Null);
                }
                let items = self.iterate(recv, span)?;
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    if it.is_null() {
                        out.push(Value::Null);
                    } else {
                        out.push(self.get_property(&it, name, span)?);
                    }
                }
                Ok(Value::list(out))
            }
        }
    }

    /// `recv.name`.
    pub fn get_property(&self, recv: &Value, name: &str, span: Span) -> R<Value> {
        match recv {
            Value::Null => npe(format!("Cannot get property '{name}' on null object")),
            Value::Map(m) => {
                if let Some(v) = m.get_str(name) {
                    return Ok(v);
                }
                let default = m.default.lock().clone();
                if let Some(Value::Closure(c)) = default {
                    let key = Value::str(name);
                    let v = self.call_closure(&c, vec![key.clone()], span)?;
                    m.insert(key, v.clone());
                    return Ok(v);
                }
                Ok(Value::Null)
            }
            Value::List(l) => match name {
                "class" => Ok(class_value(recv)),
                "empty" => Ok(Value::Bool(l.is_empty())),
                "length" if l.is_array() => Ok(Value::int_or_long(l.len() as i64)),
                _ => {
                    let mut out = Vec::new();
                    for it in l.snapshot() {
                        if it.is_null() {
                            out.push(Value::Null);
                        } else {
                            out.push(self.get_property(&it, name, span)?);
                        }
                    }
                    Ok(Value::list(out))
                }
            },
            Value::Set(s) => match name {
                "class" => Ok(class_value(recv)),
                "empty" => Ok(Value::Bool(s.set.lock().is_empty())),
                _ => {
                    let mut out = Vec::new();
                    for it in s.snapshot() {
                        out.push(self.get_property(&it, name, span)?);
                    }
                    Ok(Value::list(out))
                }
            },
            Value::Range(r) => match name {
                "class" => Ok(class_value(recv)),
                "empty" => Ok(Value::Bool(r.is_empty())),
                "from" => Ok(r.bounds().0),
                "to" => Ok(r.bounds().1),
                "reverse" => Ok(Value::Bool(match &**r {
                    RangeVal::Int { reverse, .. } | RangeVal::Object { reverse, .. } => *reverse,
                })),
                _ => {
                    let mut out = Vec::new();
                    for it in r.to_vec() {
                        out.push(self.get_property(&it, name, span)?);
                    }
                    Ok(Value::list(out))
                }
            },
            Value::GString(g) if name == "values" || name == "strings" => Ok(if name == "values" {
                Value::array("java.lang.Object", g.values.clone())
            } else {
                Value::array(
                    "java.lang.String",
                    g.strings.iter().map(|s| Value::Str(s.clone())).collect(),
                )
            }),
            Value::MapEntry(e) => match name {
                "key" => Ok(e.key.clone()),
                "value" => Ok(e.value()),
                "class" => Ok(class_value(recv)),
                _ => Err(missing_property(name, &recv.class_name())),
            },
            Value::Exception(e) => {
                if let Some(o) = &e.object {
                    if let Some(v) = o.fields.lock().get(name) {
                        return Ok(v.clone());
                    }
                    let getter = getter_name("get", name);
                    if o.class.has_method(&getter) {
                        return self.call_method(recv, &getter, Vec::new(), span);
                    }
                }
                match name {
                    "method" if &*e.class == "groovy.lang.MissingMethodException" => {
                        Ok(message_part(
                            exception_message(e).as_deref(),
                            "No signature of method: ",
                            "() ",
                            true,
                        ))
                    }
                    "property" if &*e.class == "groovy.lang.MissingPropertyException" => {
                        Ok(message_part(
                            exception_message(e).as_deref(),
                            "No such property: ",
                            " for class",
                            false,
                        ))
                    }
                    "message" | "localizedMessage" => {
                        Ok(exception_message(e).map_or(Value::Null, Value::string))
                    }
                    "cause" => Ok(super::value::exception_cause(e).unwrap_or(Value::Null)),
                    "class" => Ok(class_value(recv)),
                    "stackTrace" => Ok(Value::array("java.lang.StackTraceElement", Vec::new())),
                    "suppressed" => Ok(Value::array("java.lang.Throwable", Vec::new())),
                    _ => Err(missing_property(name, &e.class)),
                }
            }
            Value::Object(o) => {
                if let Some(v) = o.fields.lock().get(name) {
                    return Ok(v.clone());
                }
                for prefix in ["get", "is"] {
                    let getter = getter_name(prefix, name);
                    if o.class.has_method(&getter) {
                        return self.call_method(recv, &getter, Vec::new(), span);
                    }
                }
                if let Some(v) = o.class.static_fields.lock().get(name) {
                    return Ok(v.clone());
                }
                if o.class.has_method("propertyMissing") {
                    return self.call_method(recv, "propertyMissing", vec![Value::str(name)], span);
                }
                match name {
                    "class" => Ok(class_value(recv)),
                    "properties" => {
                        let mut m = indexmap::IndexMap::new();
                        for (k, v) in o.fields.lock().iter() {
                            m.insert(super::value::HKey(Value::str(k)), v.clone());
                        }
                        Ok(Value::map(m))
                    }
                    _ => Err(missing_object_property(name, &o.class)),
                }
            }
            Value::Class(c) => self.class_property(c, name, span),
            Value::Native(n) => {
                if let Some(r) = n.get_property(self, name) {
                    return r;
                }
                if name == "class" {
                    return Ok(class_value(recv));
                }
                Err(missing_property(name, &n.class_name()))
            }
            Value::Closure(c) => match name {
                "class" => Ok(class_value(recv)),
                "maximumNumberOfParameters" => Ok(Value::int(
                    super::interp::closure_arity(c).map_or(1, |n| n as i32),
                )),
                "parameterTypes" => Ok(Value::array(
                    "java.lang.Class",
                    match &**c {
                        Closure::Code { def, .. } => match &def.params {
                            Some(ps) => ps
                                .iter()
                                .map(|p| {
                                    let cls = p
                                        .ty
                                        .as_ref()
                                        .and_then(|t| {
                                            let base = self.resolve_class(&t.name)?;
                                            Some(if p.varargs || t.array_dims > 0 {
                                                ClassRef::Named(Arc::from(
                                                    super::value::array_class_name(&base.name())
                                                        .as_str(),
                                                ))
                                            } else {
                                                base
                                            })
                                        })
                                        .unwrap_or(ClassRef::Builtin("java.lang.Object"));
                                    Value::Class(Arc::new(cls))
                                })
                                .collect(),
                            None => vec![Value::Class(Arc::new(ClassRef::Builtin(
                                "java.lang.Object",
                            )))],
                        },
                        other => (0..super::interp::closure_arity(other).unwrap_or(1))
                            .map(|_| Value::Class(Arc::new(ClassRef::Builtin("java.lang.Object"))))
                            .collect(),
                    },
                )),
                "delegate" => Ok(match &**c {
                    Closure::Code { delegate, .. } => delegate.lock().clone(),
                    _ => Value::Null,
                }),
                "owner" | "thisObject" => Ok(Value::Null),
                "resolveStrategy" => Ok(Value::int(match &**c {
                    Closure::Code { strategy, .. } => {
                        i32::from(strategy.load(std::sync::atomic::Ordering::Relaxed))
                    }
                    _ => 0,
                })),
                _ => Err(missing_property(name, "groovy.lang.Closure")),
            },
            _ => {
                match name {
                    "class" => return Ok(class_value(recv)),
                    "metaClass" => return Ok(Value::Null),
                    _ => {}
                }
                // JavaBean getters (`bytes` → getBytes(), `empty` → isEmpty()).
                for prefix in ["get", "is"] {
                    let getter = getter_name(prefix, name);
                    if let Some(r) = super::methods::builtin_method(self, recv, &getter, &[], span)
                    {
                        return r;
                    }
                }
                Err(missing_property(name, &recv.class_name()))
            }
        }
    }

    fn class_property(&self, c: &ClassRef, name: &str, span: Span) -> R<Value> {
        if let ClassRef::User(info) = c {
            let mut cls = Some(info.clone());
            while let Some(k) = cls {
                if let Some(v) = k.static_fields.lock().get(name) {
                    return Ok(v.clone());
                }
                cls = match &k.superclass {
                    Some(ClassRef::User(s)) => Some(s.clone()),
                    _ => None,
                };
            }
        }
        match name {
            "name" | "canonicalName" | "typeName" => return Ok(Value::string(c.name())),
            "simpleName" => return Ok(Value::string(c.simple_name())),
            "class" => return Ok(Value::Class(Arc::new(ClassRef::Builtin("java.lang.Class")))),
            "superclass" => {
                return Ok(match c {
                    ClassRef::Builtin(n) => super::class::builtin_superclass(n)
                        .map_or(Value::Null, |s| {
                            Value::Class(Arc::new(ClassRef::Builtin(s)))
                        }),
                    ClassRef::User(info) => match &info.superclass {
                        Some(s) => Value::Class(Arc::new(s.clone())),
                        None => Value::Class(Arc::new(ClassRef::Builtin("java.lang.Object"))),
                    },
                    ClassRef::Named(n) if n.contains("$_run_closure") => {
                        Value::Class(Arc::new(ClassRef::Builtin("groovy.lang.Closure")))
                    }
                    ClassRef::Named(_) => {
                        Value::Class(Arc::new(ClassRef::Builtin("java.lang.Object")))
                    }
                });
            }
            "interface" => {
                return Ok(Value::Bool(
                    matches!(c, ClassRef::Builtin(n) if super::class::is_interface(n)),
                ))
            }
            _ => {}
        }
        if let Some(v) = super::methods::static_property(self, &c.name(), name) {
            return v;
        }
        let _ = span;
        Err(missing_property(name, &c.name()))
    }

    /// `recv.name = v`.
    pub fn set_property(&self, recv: &Value, name: &str, v: Value, span: Span) -> R<()> {
        match recv {
            Value::Null => npe(format!("Cannot set property '{name}' on null object")),
            Value::Map(m) => {
                if m.kind == super::value::MapKind::Immutable {
                    return Err(crate::eval::error::exception(
                        "java.lang.UnsupportedOperationException",
                        None,
                    ));
                }
                m.insert(Value::str(name), v);
                Ok(())
            }
            Value::Object(o) => {
                let setter = getter_name("set", name);
                if o.class.has_method(&setter) {
                    self.call_method(recv, &setter, vec![v], span)?;
                    return Ok(());
                }
                let declared_type = field_type(&o.class, name);
                let fields = o.fields.lock();
                if fields.contains_key(name) {
                    drop(fields);
                    let v = match declared_type {
                        Some(t) => self.coerce_declared(v, &t)?,
                        None => v,
                    };
                    o.fields.lock().insert(name.to_string(), v);
                    return Ok(());
                }
                if o.class.static_fields.lock().contains_key(name) {
                    o.class.static_fields.lock().insert(name.to_string(), v);
                    return Ok(());
                }
                drop(fields);
                if o.class.has_method("propertyMissing") {
                    self.call_method(recv, "propertyMissing", vec![Value::str(name), v], span)?;
                    return Ok(());
                }
                Err(missing_object_property(name, &o.class))
            }
            Value::Exception(e) => match &e.object {
                Some(o) => self.set_property(&Value::Object(o.clone()), name, v, span),
                None => Err(exception(
                    "groovy.lang.ReadOnlyPropertyException",
                    Some(format!(
                        "Cannot set readonly property: {name} for class: {}",
                        e.class
                    )),
                )),
            },
            Value::Class(c) => {
                if let ClassRef::User(info) = &**c {
                    let mut f = info.static_fields.lock();
                    if f.contains_key(name) {
                        f.insert(name.to_string(), v);
                        return Ok(());
                    }
                }
                Err(missing_property(name, &c.name()))
            }
            Value::Native(n) => match n.set_property(self, name, v) {
                Some(r) => r,
                None => Err(missing_property(name, &n.class_name())),
            },
            Value::List(l) => {
                for it in l.snapshot() {
                    self.set_property(&it, name, v.clone(), span)?;
                }
                Ok(())
            }
            Value::MapEntry(e) if name == "value" => {
                e.set_value(v);
                Ok(())
            }
            Value::Closure(c) if name == "delegate" => {
                if let Closure::Code { delegate, .. } = &**c {
                    *delegate.lock() = v;
                }
                Ok(())
            }
            Value::Closure(c) if name == "resolveStrategy" => {
                if let (Closure::Code { strategy, .. }, Value::Num(n)) = (&**c, &v) {
                    strategy.store(
                        n.to_i64().clamp(0, 4) as u8,
                        std::sync::atomic::Ordering::Relaxed,
                    );
                }
                Ok(())
            }
            other => {
                if ["class", "metaClass"].contains(&name) {
                    return Err(exception(
                        "groovy.lang.ReadOnlyPropertyException",
                        Some(format!(
                            "Cannot set readonly property: {name} for class: {}",
                            other.class_name()
                        )),
                    ));
                }
                Err(missing_property(name, &other.class_name()))
            }
        }
    }

    /// `recv.@name`: direct field access.
    pub fn get_attribute(&self, recv: &Value, name: &str) -> R<Value> {
        match recv {
            Value::Object(o) => match o.fields.lock().get(name) {
                Some(v) => Ok(v.clone()),
                None => Err(exception(
                    "groovy.lang.MissingFieldException",
                    Some(format!("No such field: {name} for class: {}", o.class.name)),
                )),
            },
            other => self.get_property(other, name, Span::default()),
        }
    }

    /// `recv[idx]` (`getAt`).
    pub fn get_at(&self, recv: &Value, idx: &[Value], span: Span) -> R<Value> {
        if idx.len() > 1 {
            // `list[1, 3]`, `str[0, 2..3]`: each index in turn, results collected.
            return match recv {
                Value::Str(_) | Value::GString(_) => {
                    let mut s = String::new();
                    for i in idx {
                        s.push_str(&to_display(&self.get_at(
                            recv,
                            std::slice::from_ref(i),
                            span,
                        )?));
                    }
                    Ok(Value::string(s))
                }
                _ => {
                    let mut out = Vec::new();
                    for i in idx {
                        let v = self.get_at(recv, std::slice::from_ref(i), span)?;
                        match (i, v) {
                            (Value::Range(_) | Value::List(_), Value::List(l)) => {
                                out.extend(l.snapshot())
                            }
                            (_, v) => out.push(v),
                        }
                    }
                    Ok(Value::list(out))
                }
            };
        }
        let Some(i) = idx.first() else {
            return self.call_method(recv, "getAt", Vec::new(), span);
        };
        match recv {
            Value::Null => npe("Cannot invoke method getAt() on null object"),
            Value::List(l) => {
                let items = l.items.lock();
                match i {
                    Value::Num(n) => {
                        let len = items.len() as i64;
                        let k = n.to_i64();
                        let pos = if k < 0 { k + len } else { k };
                        if pos < 0 {
                            if l.is_array() {
                                return throw(
                                    "java.lang.ArrayIndexOutOfBoundsException",
                                    format!("Index {k} out of bounds for length {len}"),
                                );
                            }
                            return throw(
                                "java.lang.ArrayIndexOutOfBoundsException",
                                format!(
                                    "Negative array index [{k}] too large for array size {len}"
                                ),
                            );
                        }
                        match items.get(pos as usize) {
                            Some(v) => Ok(v.clone()),
                            None if l.is_array() => throw(
                                "java.lang.ArrayIndexOutOfBoundsException",
                                format!("Index {k} out of bounds for length {len}"),
                            ),
                            None => Ok(Value::Null),
                        }
                    }
                    Value::Range(r) => {
                        let snapshot = items.clone();
                        drop(items);
                        let out = slice_by_range(&snapshot, r)?;
                        Ok(if l.is_array() {
                            match l.kind {
                                ListKind::Array(e) => Value::array(e, out),
                                _ => Value::list(out),
                            }
                        } else {
                            Value::list(out)
                        })
                    }
                    Value::List(ix) => {
                        drop(items);
                        let mut out = Vec::new();
                        for j in ix.snapshot() {
                            let v = self.get_at(recv, std::slice::from_ref(&j), span)?;
                            match (&j, v) {
                                (Value::Range(_), Value::List(l)) => out.extend(l.snapshot()),
                                (_, v) => out.push(v),
                            }
                        }
                        Ok(Value::list(out))
                    }
                    Value::Str(_) | Value::GString(_) => {
                        drop(items);
                        self.get_property(recv, &to_display(i), span)
                    }
                    _ => {
                        drop(items);
                        Err(super::call::missing_method(
                            recv,
                            "getAt",
                            std::slice::from_ref(i),
                        ))
                    }
                }
            }
            Value::Range(r) => {
                let items = r.to_vec();
                match i {
                    Value::Num(n) => {
                        let len = items.len() as i64;
                        let k = n.to_i64();
                        let pos = if k < 0 { k + len } else { k };
                        if pos < 0 || pos >= len {
                            return throw(
                                "java.lang.IndexOutOfBoundsException",
                                format!(
                                    "Index: {k} should not be greater than size of range: {len}"
                                ),
                            );
                        }
                        Ok(items[pos as usize].clone())
                    }
                    Value::Range(rr) => Ok(Value::list(slice_by_range(&items, rr)?)),
                    _ => Err(super::call::missing_method(
                        recv,
                        "getAt",
                        std::slice::from_ref(i),
                    )),
                }
            }
            Value::Set(s) => match i {
                Value::Num(n) => {
                    let items = s.snapshot();
                    let k = n.to_i64();
                    let pos = if k < 0 { k + items.len() as i64 } else { k };
                    Ok(usize::try_from(pos)
                        .ok()
                        .and_then(|p| items.get(p).cloned())
                        .unwrap_or(Value::Null))
                }
                _ => self.get_property(recv, &to_display(i), span),
            },
            Value::Map(m) => {
                let key = normalize_key(i);
                if let Some(v) = m.get(&key) {
                    return Ok(v);
                }
                let default = m.default.lock().clone();
                if let Some(Value::Closure(c)) = default {
                    let v = self.call_closure(&c, vec![key.clone()], span)?;
                    m.insert(key, v.clone());
                    return Ok(v);
                }
                Ok(Value::Null)
            }
            Value::Str(_) | Value::GString(_) | Value::Builder(_) => {
                let s = to_display(recv);
                string_get_at(&s, i)
            }
            Value::Matcher(m) => match i {
                Value::Num(n) => m
                    .lock()
                    .get_at(n.to_i64())
                    .map(super::methods::match_item_value)
                    .map_err(super::ops::regex_err),
                _ => Err(super::call::missing_method(
                    recv,
                    "getAt",
                    std::slice::from_ref(i),
                )),
            },
            Value::MapEntry(e) => match i {
                Value::Num(n) if n.to_i64() == 0 => Ok(e.key.clone()),
                Value::Num(n) if n.to_i64() == 1 => Ok(e.value()),
                _ => Ok(Value::Null),
            },
            Value::Class(_) | Value::Closure(_) | Value::Num(_) | Value::Bool(_) => match i {
                Value::Str(_) | Value::GString(_) => self.get_property(recv, &to_display(i), span),
                _ => Err(super::call::missing_method(
                    recv,
                    "getAt",
                    std::slice::from_ref(i),
                )),
            },
            _ => match i {
                Value::Str(_) | Value::GString(_) if !matches!(recv, Value::Object(o) if o.class.has_method("getAt")) => {
                    self.get_property(recv, &to_display(i), span)
                }
                _ => self.call_method(recv, "getAt", vec![i.clone()], span),
            },
        }
    }

    /// `recv[idx] = v` (`putAt`).
    pub fn put_at(&self, recv: &Value, idx: &[Value], v: Value, span: Span) -> R<()> {
        let Some(i) = idx.first() else {
            return Ok(());
        };
        match recv {
            Value::Null => npe("Cannot invoke method putAt() on null object"),
            Value::List(l) => {
                if l.kind == ListKind::Immutable {
                    return Err(crate::eval::error::exception(
                        "java.lang.UnsupportedOperationException",
                        None,
                    ));
                }
                match i {
                    Value::Num(n) => {
                        let mut items = l.items.lock();
                        let len = items.len() as i64;
                        let k = n.to_i64();
                        let pos = if k < 0 { k + len } else { k };
                        if pos < 0 {
                            return throw(
                                "java.lang.ArrayIndexOutOfBoundsException",
                                format!(
                                    "Negative array index [{k}] too large for array size {len}"
                                ),
                            );
                        }
                        let pos = pos as usize;
                        if pos >= items.len() {
                            if l.is_array() {
                                return throw(
                                    "java.lang.ArrayIndexOutOfBoundsException",
                                    format!("Index {k} out of bounds for length {len}"),
                                );
                            }
                            if pos > 1 << 24 {
                                return throw("java.lang.OutOfMemoryError", "Java heap space");
                            }
                            items.resize(pos + 1, Value::Null);
                        }
                        items[pos] = v;
                        Ok(())
                    }
                    Value::Range(r) => {
                        let mut items = l.items.lock();
                        let len = items.len() as i64;
                        let (from, to) = match &**r {
                            RangeVal::Int {
                                from,
                                to,
                                exclusive_empty,
                                ..
                            } => {
                                if *exclusive_empty {
                                    (*from, *from - 1)
                                } else {
                                    (*from, *to)
                                }
                            }
                            _ => {
                                return Err(super::call::missing_method(
                                    recv,
                                    "putAt",
                                    &[i.clone(), v],
                                ))
                            }
                        };
                        let norm = |x: i64| if x < 0 { x + len } else { x };
                        let (a, b) = (norm(from).max(0) as usize, norm(to));
                        let new_items = match &v {
                            Value::List(vl) => vl.snapshot(),
                            other => vec![other.clone()],
                        };
                        let a = a.min(items.len());
                        let b = usize::try_from(b + 1).unwrap_or(0).clamp(a, items.len());
                        items.splice(a..b, new_items);
                        Ok(())
                    }
                    _ => Err(super::call::missing_method(recv, "putAt", &[i.clone(), v])),
                }
            }
            Value::Map(m) => {
                if m.kind == super::value::MapKind::Immutable {
                    return Err(crate::eval::error::exception(
                        "java.lang.UnsupportedOperationException",
                        None,
                    ));
                }
                m.insert(normalize_key(i), v);
                Ok(())
            }
            Value::Object(o) if !o.class.has_method("putAt") => {
                self.set_property(recv, &to_display(i), v, span)
            }
            Value::Str(_) | Value::GString(_) | Value::Num(_) | Value::Bool(_) => {
                Err(super::call::missing_method(recv, "putAt", &[i.clone(), v]))
            }
            _ => {
                self.call_method(recv, "putAt", vec![i.clone(), v], span)?;
                Ok(())
            }
        }
    }
}

fn field_type(
    class: &Arc<super::class::ClassInfo>,
    name: &str,
) -> Option<crate::syntax::ast::TypeRef> {
    for f in &class.def.fields {
        if f.vars.iter().any(|v| v.name.name == name) {
            return f.ty.clone();
        }
    }
    match &class.superclass {
        Some(ClassRef::User(s)) => field_type(s, name),
        _ => None,
    }
}

/// `getFoo` / `isFoo` / `setFoo` for property `foo`.
pub fn getter_name(prefix: &str, name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => format!("{prefix}{}{}", c.to_uppercase(), chars.as_str()),
        None => prefix.to_string(),
    }
}

/// The class of a value as a `Class` value.
pub fn class_value(v: &Value) -> Value {
    Value::Class(Arc::new(super::class::class_of(v)))
}

/// `list[from..to]` with negative indexes and reversed ranges.
pub fn slice_by_range(items: &[Value], r: &RangeVal) -> R<Vec<Value>> {
    let len = items.len() as i64;
    let (from, to, reverse, empty) = match r {
        RangeVal::Int {
            from,
            to,
            reverse,
            exclusive_empty,
            ..
        } => (*from, *to, *reverse, *exclusive_empty),
        RangeVal::Object { .. } => {
            return throw(
                "java.lang.IllegalArgumentException",
                "range indexes must be integers",
            );
        }
    };
    if empty {
        return Ok(Vec::new());
    }
    let norm = |x: i64| if x < 0 { x + len } else { x };
    let (a, b) = (norm(from), norm(to));
    let (lo, hi, rev) = if a > b {
        (b, a, !reverse)
    } else {
        (a, b, reverse)
    };
    if lo < 0 || hi >= len {
        let bad = if lo < 0 {
            if from < 0 {
                from
            } else {
                lo
            }
        } else {
            to
        };
        let _ = bad;
        return throw(
            "java.lang.IndexOutOfBoundsException",
            format!("toIndex = {}", hi + 1),
        );
    }
    let mut out: Vec<Value> = items[lo as usize..=hi as usize].to_vec();
    if rev {
        out.reverse();
    }
    Ok(out)
}

/// `str[i]` and `str[range]`.
pub fn string_get_at(s: &str, i: &Value) -> R<Value> {
    let jerr = |e: super::jstr::JavaStrError| exception(e.class, Some(e.message));
    match i {
        Value::Num(n) => super::jstr::get_at(s, n.to_i64()).map(Value::str).map_err(jerr),
        Value::Range(r) => match &**r {
            RangeVal::Int {
                exclusive_empty: true,
                ..
            } => Ok(Value::str("")),
            RangeVal::Int { from, to, reverse, .. } => {
                let (a, b) = if *reverse { (*to, *from) } else { (*from, *to) };
                super::jstr::get_range(s, a, b, true).map(Value::string).map_err(jerr)
            }
            RangeVal::Object { .. } => throw(
                "java.lang.IllegalArgumentException",
                "range indexes must be integers",
            ),
        },
        Value::List(l) => {
            let mut out = String::new();
            for j in l.snapshot() {
                out.push_str(&to_display(&string_get_at(s, &j)?));
            }
            Ok(Value::string(out))
        }
        other => throw(
            "groovy.lang.MissingMethodException",
            format!(
                "No signature of method: java.lang.String.getAt() is applicable for argument types: ({}) values: [{}]",
                other.class_name(),
                to_display(other)
            ),
        ),
    }
}

/// Extracts a name from a Groovy exception message (`method` of a MissingMethodException,
/// `property` of a MissingPropertyException).
fn message_part(msg: Option<&str>, start: &str, end: &str, after_dot: bool) -> Value {
    let Some(m) = msg else { return Value::Null };
    let Some(rest) = m.strip_prefix(start) else {
        return Value::Null;
    };
    let Some((head, _)) = rest.split_once(end) else {
        return Value::Null;
    };
    let name = if after_dot {
        head.rsplit('.').next().unwrap_or(head)
    } else {
        head
    };
    Value::str(name)
}
