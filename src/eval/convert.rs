//! Type conversions: assignment to typed variables (`castToType`), parameter applicability,
//! casts, `as`, `instanceof`, and `new`.

use std::sync::Arc;

use indexmap::{IndexMap, IndexSet};
use parking_lot::Mutex;

use super::error::{exception, exception_value, Flow, R};
use super::interp::Interp;
use super::num::Num;
use super::ops::num_err;
use super::value::{to_display, ClassRef, HKey, ListKind, ListObj, MapKind, SetKind, Value};
use crate::syntax::ast::TypeRef;
use crate::syntax::Span;

use super::num::NumType;

/// The numeric type a declared type names (`int`, `Integer`, `java.math.BigDecimal`…), and
/// whether it is a primitive.
fn num_target(name: &str) -> Option<(NumType, bool)> {
    NumType::from_name(name)
}

/// Converts a number to a declared numeric type, as a cast does.
fn convert_num(n: &Num, t: NumType, primitive: bool) -> R<Num> {
    n.convert(t, primitive).map_err(num_err)
}

/// The display name Groovy uses for a declared type in cast messages.
fn target_class_name(interp: &Interp, ty: &TypeRef) -> String {
    if super::class::is_primitive(&ty.name) {
        return ty.name.clone();
    }
    let base = interp
        .resolve_class(&ty.name)
        .map_or_else(|| ty.name.clone(), |c| c.name());
    if ty.array_dims > 0 {
        format!("[L{base};")
    } else {
        base
    }
}

pub fn cast_error(interp: &Interp, v: &Value, ty: &TypeRef) -> Flow {
    let target = target_class_name(interp, ty);
    let msg = if v.is_null() {
        let boxed = super::class::primitive_box(&ty.name).unwrap_or("java.lang.Object");
        format!("Cannot cast object 'null' with class 'null' to class '{target}'. Try '{boxed}' instead")
    } else {
        format!(
            "Cannot cast object '{}' with class '{}' to class '{}'",
            to_display(v),
            v.class_name(),
            target
        )
    };
    exception(
        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
        Some(msg),
    )
}

impl Interp {
    /// Converts a value assigned to a variable declared with type `ty`.
    pub fn coerce_declared(&self, v: Value, ty: &TypeRef) -> R<Value> {
        if ty.array_dims > 0 {
            return match &v {
                Value::Null => Ok(v),
                Value::List(_) | Value::Set(_) | Value::Range(_) => {
                    let items = self.iterate(&v, Span::default())?;
                    let elem = super::class::primitive_box(&ty.name)
                        .or_else(|| super::class::resolve_builtin(&ty.name))
                        .unwrap_or("java.lang.Object");
                    let items = if elem == "java.lang.String" {
                        items
                            .into_iter()
                            .map(|x| {
                                if x.is_null() {
                                    x
                                } else {
                                    Value::string(to_display(&x))
                                }
                            })
                            .collect()
                    } else {
                        items
                    };
                    Ok(Value::array(elem, items))
                }
                _ => Err(cast_error(self, &v, ty)),
            };
        }
        let name = ty.name.as_str();
        if matches!(name, "def" | "Object" | "java.lang.Object" | "var") {
            return Ok(v);
        }
        if let Some((t, primitive)) = num_target(name) {
            return match &v {
                Value::Null if primitive => Err(cast_error(self, &v, ty)),
                Value::Null => Ok(v),
                Value::Num(n) => convert_num(n, t, primitive).map(Value::Num),
                Value::Char(c) => convert_num(&Num::Int(*c as i32), t, primitive).map(Value::Num),
                // A one-character string casts to a number through its character code.
                Value::Str(s) if s.chars().count() == 1 => {
                    let code = Num::Int(s.chars().next().map_or(0, |c| c as i32));
                    convert_num(&code, t, primitive).map(Value::Num)
                }
                _ => Err(cast_error(self, &v, ty)),
            };
        }
        match name {
            "String" | "java.lang.String" => Ok(match v {
                Value::Null | Value::Str(_) => v,
                other => Value::string(to_display(&other)),
            }),
            "boolean" => Ok(Value::Bool(self.truthy(&v)?)),
            "Boolean" | "java.lang.Boolean" => match v {
                Value::Null | Value::Bool(_) => Ok(v),
                other => Ok(Value::Bool(self.truthy(&other)?)),
            },
            "char" | "Character" | "java.lang.Character" => match &v {
                Value::Char(_) => Ok(v),
                Value::Null if name != "char" => Ok(v),
                Value::Str(_) | Value::GString(_) => {
                    let s = to_display(&v);
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Ok(Value::Char(c)),
                        _ => Err(cast_error(self, &v, ty)),
                    }
                }
                Value::Num(n) => Ok(Value::Char(
                    char::from_u32(n.to_i64() as u32).unwrap_or('\0'),
                )),
                _ => Err(cast_error(self, &v, ty)),
            },
            "GString" | "groovy.lang.GString" | "CharSequence" | "java.lang.CharSequence" => {
                match &v {
                    Value::Null | Value::Str(_) | Value::GString(_) | Value::Builder(_) => Ok(v),
                    _ => Err(cast_error(self, &v, ty)),
                }
            }
            "List"
            | "java.util.List"
            | "ArrayList"
            | "java.util.ArrayList"
            | "Collection"
            | "java.util.Collection"
            | "Iterable"
            | "java.lang.Iterable"
            | "LinkedList"
            | "java.util.LinkedList" => match &v {
                Value::Null | Value::List(_) => Ok(v),
                Value::Set(_) | Value::Range(_)
                    if name.contains("Collection") || name.contains("Iterable") =>
                {
                    Ok(v)
                }
                Value::Set(_) | Value::Range(_) => {
                    Ok(Value::list(self.iterate(&v, Span::default())?))
                }
                _ => Err(cast_error(self, &v, ty)),
            },
            "Set"
            | "java.util.Set"
            | "HashSet"
            | "java.util.HashSet"
            | "LinkedHashSet"
            | "java.util.LinkedHashSet"
            | "TreeSet"
            | "java.util.TreeSet"
            | "SortedSet" => match &v {
                Value::Null | Value::Set(_) => Ok(v),
                Value::List(_) | Value::Range(_) => {
                    let kind = if name.contains("Tree") || name.contains("Sorted") {
                        SetKind::Tree
                    } else {
                        SetKind::LinkedHash
                    };
                    let s = Value::set(IndexSet::new(), kind);
                    if let Value::Set(so) = &s {
                        for x in self.iterate(&v, Span::default())? {
                            so.insert(x);
                        }
                    }
                    Ok(s)
                }
                _ => Err(cast_error(self, &v, ty)),
            },
            "Map"
            | "java.util.Map"
            | "HashMap"
            | "java.util.HashMap"
            | "LinkedHashMap"
            | "java.util.LinkedHashMap"
            | "TreeMap"
            | "java.util.TreeMap"
            | "SortedMap" => match &v {
                Value::Null | Value::Map(_) => Ok(v),
                Value::List(l) => {
                    // Groovy tries `new Map(*list)` before giving up.
                    let target = target_class_name(self, ty);
                    let types: Vec<String> = l.snapshot().iter().map(Value::class_name).collect();
                    Err(exception(
                        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
                        Some(format!(
                            "Cannot cast object '{}' with class '{}' to class '{target}' due to: groovy.lang.GroovyRuntimeException: Could not find matching constructor for: {target}({})",
                            to_display(&v),
                            v.class_name(),
                            types.join(", ")
                        )),
                    ))
                }
                _ => Err(cast_error(self, &v, ty)),
            },
            "Closure" | "groovy.lang.Closure" => match &v {
                Value::Null | Value::Closure(_) => Ok(v),
                _ => Err(cast_error(self, &v, ty)),
            },
            "Pattern" | "java.util.regex.Pattern" => match &v {
                Value::Null | Value::Pattern(_) => Ok(v),
                _ => Err(cast_error(self, &v, ty)),
            },
            "Matcher" | "java.util.regex.Matcher" => match &v {
                Value::Null | Value::Matcher(_) => Ok(v),
                _ => Err(cast_error(self, &v, ty)),
            },
            "void" => Ok(Value::Null),
            _ => {
                if v.is_null() {
                    return Ok(v);
                }
                match self.resolve_class(name) {
                    Some(ClassRef::User(info)) => {
                        if super::class::instance_of_name(&v, &info.name, Some(&info)) {
                            Ok(v)
                        } else if let Value::Map(_) = v {
                            self.new_object(&info, vec![v], Span::default())
                        } else {
                            Err(cast_error(self, &v, ty))
                        }
                    }
                    Some(ClassRef::Builtin(full)) => {
                        if super::class::instance_of_name(&v, full, None) {
                            Ok(v)
                        } else {
                            Err(cast_error(self, &v, ty))
                        }
                    }
                    _ => Ok(v),
                }
            }
        }
    }

    /// Whether an argument can be passed to a parameter of type `ty`; the converted value
    /// (GString to String, Integer to long…) when it can.
    pub fn coerce_param(&self, v: Value, ty: &TypeRef) -> Option<Value> {
        if ty.array_dims > 0 {
            return match &v {
                Value::Null => Some(v),
                Value::List(l) if l.is_array() => Some(v),
                Value::List(_) => self.coerce_declared(v, ty).ok(),
                _ => None,
            };
        }
        let name = ty.name.as_str();
        if matches!(name, "def" | "Object" | "java.lang.Object" | "var") {
            return Some(v);
        }
        if v.is_null() {
            return if super::class::is_primitive(name) {
                None
            } else {
                Some(v)
            };
        }
        if matches!(name, "Number" | "java.lang.Number") {
            return matches!(v, Value::Num(_)).then_some(v);
        }
        if let Some((t, primitive)) = num_target(name) {
            let n = match &v {
                Value::Num(n) => n,
                Value::Char(c) if t == NumType::Integer && primitive => {
                    return Some(Value::int(*c as i32));
                }
                _ => return None,
            };
            let ok = match t {
                NumType::Integer => matches!(n, Num::Int(_)),
                NumType::Long => matches!(n, Num::Int(_) | Num::Long(_)),
                NumType::Double | NumType::Float => true,
                NumType::BigInteger => matches!(n, Num::Int(_) | Num::Long(_) | Num::BigInt(_)),
                NumType::BigDecimal => !matches!(n, Num::Double(_) | Num::Float(_)),
            };
            return if ok {
                convert_num(n, t, primitive).ok().map(Value::Num)
            } else {
                None
            };
        }
        match name {
            "String" | "java.lang.String" => match &v {
                Value::Str(_) => Some(v),
                Value::GString(_) => Some(Value::string(to_display(&v))),
                _ => None,
            },
            "boolean" | "Boolean" | "java.lang.Boolean" => matches!(v, Value::Bool(_)).then_some(v),
            "char" | "Character" | "java.lang.Character" => match &v {
                Value::Char(_) => Some(v),
                Value::Str(s) if s.chars().count() == 1 => s.chars().next().map(Value::Char),
                _ => None,
            },
            _ => {
                let ok = match self.resolve_class(name) {
                    Some(ClassRef::User(info)) => {
                        super::class::instance_of_name(&v, &info.name, Some(&info))
                    }
                    Some(ClassRef::Builtin(full)) => {
                        super::class::instance_of_name(&v, full, None)
                            || (full == "java.lang.CharSequence" && v.is_stringy())
                    }
                    _ => true,
                };
                ok.then_some(v)
            }
        }
    }

    /// `(Type) value`.
    pub fn cast(&self, v: Value, ty: &TypeRef) -> R<Value> {
        self.coerce_declared(v, ty)
    }

    /// `value as Type`.
    pub fn as_type(&self, v: Value, ty: &TypeRef) -> R<Value> {
        let name = ty.name.as_str();
        if let Value::Object(o) = &v {
            if o.class.has_method("asType") {
                let cls = self
                    .resolve_class(name)
                    .unwrap_or_else(|| ClassRef::Named(Arc::from(name)));
                return self.call_method(
                    &v,
                    "asType",
                    vec![Value::Class(Arc::new(cls))],
                    Span::default(),
                );
            }
        }
        if v.is_null() {
            return Ok(if name == "boolean" || name == "Boolean" {
                Value::Bool(false)
            } else {
                v
            });
        }
        if ty.array_dims > 0 {
            let items = match &v {
                Value::Str(_) | Value::GString(_) => vec![v.clone()],
                _ => self.iterate(&v, Span::default())?,
            };
            let list = Value::list(items);
            return self.coerce_declared(list, ty);
        }
        if let Some((t, primitive)) = num_target(name) {
            return match &v {
                Value::Num(n) => match n.as_type(name) {
                    Some(r) => r.map(Value::Num).map_err(num_err),
                    None => convert_num(n, t, primitive).map(Value::Num),
                },
                Value::Char(c) => convert_num(&Num::Int(*c as i32), t, primitive).map(Value::Num),
                Value::Str(_) | Value::GString(_) | Value::Builder(_) => {
                    let s = to_display(&v);
                    match super::num::string_as_type(&s, name) {
                        Some(r) => r.map(Value::Num).map_err(num_err),
                        None => Err(cast_error(self, &v, ty)),
                    }
                }
                Value::Bool(_) => Err(cast_error(self, &v, ty)),
                _ => Err(cast_error(self, &v, ty)),
            };
        }
        match name {
            "String" | "java.lang.String" => Ok(Value::string(to_display(&v))),
            "boolean" | "Boolean" | "java.lang.Boolean" => Ok(Value::Bool(self.truthy(&v)?)),
            "List"
            | "java.util.List"
            | "ArrayList"
            | "java.util.ArrayList"
            | "Collection"
            | "Iterable" => match &v {
                Value::List(l) if l.kind == ListKind::ArrayList => Ok(v),
                Value::List(_)
                | Value::Set(_)
                | Value::Range(_)
                | Value::Str(_)
                | Value::GString(_) => Ok(Value::list(self.iterate(&v, Span::default())?)),
                Value::Map(_) => Ok(v),
                _ => Ok(Value::list(vec![v])),
            },
            "LinkedList" | "java.util.LinkedList" => Ok(Value::List(Arc::new(ListObj {
                kind: ListKind::LinkedList,
                items: Mutex::new(self.iterate(&v, Span::default())?),
            }))),
            "Set"
            | "java.util.Set"
            | "HashSet"
            | "LinkedHashSet"
            | "java.util.HashSet"
            | "java.util.LinkedHashSet"
            | "TreeSet"
            | "java.util.TreeSet"
            | "SortedSet" => {
                let kind = if name.contains("Tree") || name.contains("Sorted") {
                    SetKind::Tree
                } else if name.contains("HashSet") && !name.contains("Linked") {
                    SetKind::Hash
                } else {
                    SetKind::LinkedHash
                };
                let s = Value::set(IndexSet::new(), kind);
                if let Value::Set(so) = &s {
                    for x in self.iterate(&v, Span::default())? {
                        so.insert(x);
                    }
                }
                Ok(s)
            }
            "char" | "Character" | "java.lang.Character" => match &v {
                Value::Str(_) | Value::GString(_) => {
                    let s = to_display(&v);
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Ok(Value::Char(c)),
                        _ => Err(cast_error(self, &v, ty)),
                    }
                }
                Value::Num(n) => Ok(Value::Char(
                    char::from_u32(n.to_i64() as u32).unwrap_or('\0'),
                )),
                _ => Ok(v),
            },
            "Pattern" | "java.util.regex.Pattern" => match &v {
                Value::Pattern(_) => Ok(v),
                _ => self.compile_regex(&to_display(&v)).map(Value::Pattern),
            },
            "Map" | "java.util.Map" | "LinkedHashMap" | "HashMap" => Ok(v),
            "TreeMap" | "java.util.TreeMap" | "SortedMap" => match &v {
                Value::Map(m) => {
                    let mut entries: IndexMap<HKey, Value> = m.map.lock().clone();
                    entries.sort_by(|a, _, b, _| super::ops::compare_for_sort(&a.0, &b.0));
                    Ok(Value::Map(Arc::new(super::value::MapObj {
                        kind: MapKind::Tree,
                        map: Mutex::new(entries),
                        default: Mutex::new(None),
                    })))
                }
                _ => Ok(v),
            },
            _ => match self.resolve_class(name) {
                Some(ClassRef::User(info)) => {
                    if super::class::instance_of_name(&v, &info.name, Some(&info)) {
                        Ok(v)
                    } else if let Value::Map(_) = v {
                        self.new_object(&info, vec![v], Span::default())
                    } else {
                        Err(cast_error(self, &v, ty))
                    }
                }
                _ => Ok(v),
            },
        }
    }

    pub fn instance_of(&self, v: &Value, ty: &TypeRef) -> bool {
        match self.resolve_class(&ty.name) {
            Some(ClassRef::User(info)) => {
                super::class::instance_of_name(v, &info.name, Some(&info))
            }
            Some(c) => super::class::instance_of_name(v, &c.name(), None),
            None => {
                if ty.array_dims > 0 {
                    return matches!(v, Value::List(l) if l.is_array());
                }
                super::class::instance_of_name(v, &ty.name, None)
            }
        }
    }

    /// `new Type(args)`.
    pub fn construct(&self, ty: &TypeRef, args: Vec<Value>, span: Span) -> R<Value> {
        let class = self.resolve_class(&ty.name);
        let full = match &class {
            Some(ClassRef::User(info)) => return self.new_object(info, args, span),
            Some(c) => c.name(),
            None => ty.name.clone(),
        };
        if super::class::builtin_ancestry(&full).contains(&"java.lang.Throwable") {
            return Ok(new_exception(&full, &args));
        }
        super::methods::construct_builtin(self, &full, args, span)
    }
}

/// `new SomeException(…)` for a built-in exception class.
pub fn new_exception(class: &str, args: &[Value]) -> Value {
    match args {
        [] => exception_value(class, None, None),
        [Value::Exception(cause)] => exception_value(
            class,
            Some(super::value::exception_to_string(cause)),
            Some(Value::Exception(cause.clone())),
        ),
        [msg, rest @ ..] => {
            let m = if msg.is_null() {
                None
            } else {
                Some(to_display(msg))
            };
            exception_value(class, m, rest.first().cloned().filter(|c| !c.is_null()))
        }
    }
}
