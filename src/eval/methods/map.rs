//! Methods of maps (`LinkedHashMap` by default) and Groovy's map methods.

use std::sync::Arc;

use indexmap::{IndexMap, IndexSet};

use super::collection::{add_entry, closure_comparator, sort_values};
use super::{last_closure, no_method};
use crate::eval::error::R;
use crate::eval::interp::{closure_arity, Interp};
use crate::eval::ops::{compare_values, groovy_equals};
use crate::eval::props::normalize_key;
use crate::eval::value::{java_equals, to_display, Closure, HKey, MapKind, MapObj, SetKind, Value};
use crate::syntax::Span;

fn entry(k: Value, v: Value) -> Value {
    Value::entry(k, v, None)
}

/// Calls a map closure with the entry, or with key and value when it takes two parameters.
fn call_entry(
    interp: &Interp,
    m: &Arc<MapObj>,
    c: &Arc<Closure>,
    k: &Value,
    v: &Value,
    span: Span,
) -> R<Value> {
    if closure_arity(c) == Some(2) {
        interp.call_closure(c, vec![k.clone(), v.clone()], span)
    } else {
        interp.call_closure(
            c,
            vec![Value::entry(k.clone(), v.clone(), Some(m.clone()))],
            span,
        )
    }
}

fn new_map_like(m: &MapObj, entries: IndexMap<HKey, Value>) -> Value {
    let kind = match m.kind {
        MapKind::Immutable => MapKind::Linked,
        k => k,
    };
    Value::Map(Arc::new(MapObj {
        kind,
        map: parking_lot::Mutex::new(entries),
        default: parking_lot::Mutex::new(None),
    }))
}

fn check_mutable(m: &MapObj) -> R<()> {
    if m.kind == MapKind::Immutable {
        return Err(crate::eval::error::exception(
            "java.lang.UnsupportedOperationException",
            None,
        ));
    }
    Ok(())
}

#[allow(clippy::too_many_lines)]
pub fn map_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let Value::Map(m) = recv else { return None };
    let closure = last_closure(args);
    let r: R<Value> = match (name, args.len()) {
        ("size", 0) => Ok(Value::int(m.len() as i32)),
        ("isEmpty", 0) => Ok(Value::Bool(m.is_empty())),
        ("asBoolean", 0) => Ok(Value::Bool(!m.is_empty())),
        ("get", 1) => match m.get(&args[0]) {
            Some(v) => Ok(v),
            None => {
                // A withDefault map creates missing entries on get() too.
                let default = m.default.lock().clone();
                match default {
                    Some(Value::Closure(c)) => interp
                        .call_closure(&c, vec![args[0].clone()], span)
                        .inspect(|v| {
                            m.insert(args[0].clone(), v.clone());
                        }),
                    _ => Ok(Value::Null),
                }
            }
        },
        ("firstKey" | "lastKey", 0) => {
            let entries = m.snapshot();
            let e = if name == "firstKey" {
                entries.first()
            } else {
                entries.last()
            };
            match e {
                Some((k, _)) => Ok(k.clone()),
                None => Err(crate::eval::error::exception(
                    "java.util.NoSuchElementException",
                    None,
                )),
            }
        }
        ("firstEntry" | "lastEntry", 0) => {
            let entries = m.snapshot();
            let e = if name == "firstEntry" {
                entries.first()
            } else {
                entries.last()
            };
            Ok(e.map_or(Value::Null, |(k, v)| entry(k.clone(), v.clone())))
        }
        ("headMap" | "tailMap", 1) | ("headMap" | "tailMap", 2) => {
            let inclusive =
                args.get(1).is_some_and(Value::truthy) || (name == "tailMap" && args.len() == 1);
            let mut out = IndexMap::new();
            for (k, v) in m.snapshot() {
                let o = match compare_values(interp, &k, &args[0]) {
                    Ok(o) => o,
                    Err(f) => return Some(Err(f)),
                };
                let keep = if name == "headMap" {
                    o == std::cmp::Ordering::Less || (inclusive && o == std::cmp::Ordering::Equal)
                } else {
                    o == std::cmp::Ordering::Greater
                        || (inclusive && o == std::cmp::Ordering::Equal)
                };
                if keep {
                    out.insert(HKey(k), v);
                }
            }
            Ok(Value::Map(Arc::new(MapObj {
                kind: MapKind::Tree,
                map: parking_lot::Mutex::new(out),
                default: parking_lot::Mutex::new(None),
            })))
        }
        ("count", 0) => Ok(Value::int(m.len() as i32)),
        ("isCase", 1) => interp.is_case(recv, &args[0], span).map(Value::Bool),
        ("get", 2) => {
            let key = args[0].clone();
            match m.get(&key) {
                Some(v) => Ok(v),
                None => {
                    let d = args[1].clone();
                    m.insert(key, d.clone());
                    Ok(d)
                }
            }
        }
        ("getAt", 1) => interp.get_at(recv, args, span),
        ("getOrDefault", 2) => Ok(m.get(&args[0]).unwrap_or_else(|| args[1].clone())),
        ("containsKey", 1) => Ok(Value::Bool(
            m.get(&args[0]).is_some() || m.map.lock().contains_key(&HKey(args[0].clone())),
        )),
        ("containsValue", 1) => {
            let vals: Vec<Value> = m.snapshot().into_iter().map(|(_, v)| v).collect();
            let mut found = false;
            for v in vals {
                match groovy_equals(interp, &v, &args[0]) {
                    Ok(true) => {
                        found = true;
                        break;
                    }
                    Ok(false) => {}
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::Bool(found))
        }
        ("put", 2) | ("putAt", 2) => check_mutable(m).map(|()| {
            let key = if name == "putAt" {
                normalize_key(&args[0])
            } else {
                args[0].clone()
            };
            m.insert(key, args[1].clone()).unwrap_or(Value::Null)
        }),
        ("putIfAbsent", 2) => check_mutable(m).map(|()| match m.get(&args[0]) {
            Some(v) if !v.is_null() => v,
            _ => {
                m.insert(args[0].clone(), args[1].clone());
                Value::Null
            }
        }),
        ("computeIfAbsent", 2) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            match m.get(&args[0]) {
                Some(v) if !v.is_null() => Ok(v),
                _ => interp
                    .call_closure(&c, vec![args[0].clone()], span)
                    .inspect(|v| {
                        if !v.is_null() {
                            m.insert(args[0].clone(), v.clone());
                        }
                    }),
            }
        }
        ("putAll", 1) => check_mutable(m).and_then(|()| match &args[0] {
            Value::Map(o) => {
                for (k, v) in o.snapshot() {
                    m.insert(k, v);
                }
                Ok(Value::Null)
            }
            other => {
                for e in interp.iterate(other, span)? {
                    if let Value::MapEntry(e) = e {
                        m.insert(e.key.clone(), e.value());
                    }
                }
                Ok(Value::Null)
            }
        }),
        ("remove", 1) => check_mutable(m).map(|()| {
            m.map
                .lock()
                .shift_remove(&HKey(args[0].clone()))
                .unwrap_or(Value::Null)
        }),
        ("clear", 0) => check_mutable(m).map(|()| {
            m.map.lock().clear();
            Value::Null
        }),
        ("keySet", 0) => {
            let keys: IndexSet<HKey> = m.map.lock().keys().cloned().collect();
            Ok(Value::set(keys, SetKind::LinkedHash))
        }
        ("values", 0) => Ok(Value::list(
            m.snapshot().into_iter().map(|(_, v)| v).collect(),
        )),
        ("entrySet", 0) => {
            let entries: IndexSet<HKey> = m
                .snapshot()
                .into_iter()
                .map(|(k, v)| HKey(Value::entry(k, v, Some(m.clone()))))
                .collect();
            Ok(Value::set(entries, SetKind::LinkedHash))
        }
        ("each", 1) | ("forEach", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            interp
                .for_each_item(recv, span, |e| {
                    if closure_arity(&c) == Some(2) {
                        if let Value::MapEntry(e) = &e {
                            return interp
                                .call_closure(&c, vec![e.key.clone(), e.value()], span)
                                .map(|_| true);
                        }
                    }
                    interp.call_closure(&c, vec![e], span).map(|_| true)
                })
                .map(|()| recv.clone())
        }
        ("eachWithIndex", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            for (i, (k, v)) in m.snapshot().into_iter().enumerate() {
                let a = if closure_arity(&c) == Some(3) {
                    vec![k, v, Value::int(i as i32)]
                } else {
                    vec![entry(k, v), Value::int(i as i32)]
                };
                if let Err(f) = interp.call_closure(&c, a, span) {
                    return Some(Err(f));
                }
            }
            Ok(recv.clone())
        }
        ("collect", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out = Vec::new();
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(y) => out.push(y),
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::list(out))
        }
        ("collectMany", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out = Vec::new();
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span).and_then(|y| interp.iterate(&y, span))
                {
                    Ok(ys) => out.extend(ys),
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::list(out))
        }
        ("collectEntries", 0) | ("collectEntries", 1) => {
            let mut out = IndexMap::new();
            for (k, v) in m.snapshot() {
                let y = match &closure {
                    Some(c) => match call_entry(interp, m, c, &k, &v, span) {
                        Ok(y) => y,
                        Err(f) => return Some(Err(f)),
                    },
                    None => entry(k, v),
                };
                if let Err(f) = add_entry(&mut out, y) {
                    return Some(Err(f));
                }
            }
            Ok(Value::map(out))
        }
        ("find", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(y) if y.truthy() => return Some(Ok(entry(k, v))),
                    Ok(_) => {}
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::Null)
        }
        ("findAll", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out = IndexMap::new();
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(y) if y.truthy() => {
                        out.insert(HKey(k), v);
                    }
                    Ok(_) => {}
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(new_map_like(m, out))
        }
        ("findResult", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(y) if !y.is_null() => return Some(Ok(y)),
                    Ok(_) => {}
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::Null)
        }
        ("any", 1) | ("every", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let want = name == "any";
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(y) if y.truthy() == want => return Some(Ok(Value::Bool(want))),
                    Ok(_) => {}
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::Bool(!want))
        }
        ("count", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut n = 0;
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(y) if y.truthy() => n += 1,
                    Ok(_) => {}
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::int(n))
        }
        ("countBy", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out: IndexMap<HKey, Value> = IndexMap::new();
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(g) => {
                        let e = out.entry(HKey(normalize_key(&g))).or_insert(Value::int(0));
                        if let Value::Num(n) = e {
                            *e = Value::Num(
                                n.add(&crate::eval::num::Num::Int(1))
                                    .unwrap_or(crate::eval::num::Num::Int(0)),
                            );
                        }
                    }
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::map(out))
        }
        ("groupBy", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out: IndexMap<HKey, Value> = IndexMap::new();
            for (k, v) in m.snapshot() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(g) => {
                        let e = out
                            .entry(HKey(normalize_key(&g)))
                            .or_insert_with(|| Value::map(IndexMap::new()));
                        if let Value::Map(gm) = e {
                            gm.insert(k, v);
                        }
                    }
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::map(out))
        }
        ("inject", 2) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut acc = args[0].clone();
            for (k, v) in m.snapshot() {
                let a = if closure_arity(&c) == Some(3) {
                    vec![acc, k, v]
                } else {
                    vec![acc, entry(k, v)]
                };
                match interp.call_closure(&c, a, span) {
                    Ok(y) => acc = y,
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(acc)
        }
        ("sort", 0) => {
            // Groovy 2.4's Map.sort() returns a TreeMap.
            let mut entries = m.map.lock().clone();
            entries.sort_by(|a, _, b, _| crate::eval::ops::compare_for_sort(&a.0, &b.0));
            Ok(Value::Map(Arc::new(MapObj {
                kind: MapKind::Tree,
                map: parking_lot::Mutex::new(entries),
                default: parking_lot::Mutex::new(None),
            })))
        }
        ("sort", 1) | ("toSorted", 0) | ("toSorted", 1) => {
            let mut entries: Vec<Value> =
                m.snapshot().into_iter().map(|(k, v)| entry(k, v)).collect();
            let res = match &closure {
                Some(c) => {
                    let c2 = c.clone();
                    sort_values(&mut entries, |a, b| {
                        if closure_arity(&c2) == Some(2) {
                            closure_comparator(interp, &c2, span)(a, b)
                        } else {
                            let ka = interp.call_closure(&c2, vec![a.clone()], span)?;
                            let kb = interp.call_closure(&c2, vec![b.clone()], span)?;
                            compare_values(interp, &ka, &kb)
                        }
                    })
                }
                None => sort_values(&mut entries, |a, b| match (a, b) {
                    (Value::MapEntry(x), Value::MapEntry(y)) => {
                        compare_values(interp, &x.key, &y.key)
                    }
                    _ => Ok(std::cmp::Ordering::Equal),
                }),
            };
            if let Err(f) = res {
                return Some(Err(f));
            }
            let mut out = IndexMap::new();
            for e in entries {
                if let Value::MapEntry(e) = e {
                    out.insert(HKey(e.key.clone()), e.value());
                }
            }
            Ok(Value::map(out))
        }
        ("max", 1) | ("min", 1) => {
            let entries: Vec<Value> = m.snapshot().into_iter().map(|(k, v)| entry(k, v)).collect();
            super::collection::collection_method(interp, &Value::list(entries), name, args, span)?
        }
        ("subMap", 1) => {
            let keys = match interp.iterate(&args[0], span) {
                Ok(k) => k,
                Err(f) => return Some(Err(f)),
            };
            let mut out = IndexMap::new();
            for k in keys {
                if let Some(v) = m.get(&k) {
                    out.insert(HKey(k), v);
                }
            }
            Ok(Value::map(out))
        }
        ("plus", 1) => interp.plus(recv.clone(), args[0].clone()),
        ("minus", 1) => interp.binary(
            crate::syntax::ast::BinaryOp::Sub,
            recv.clone(),
            args[0].clone(),
        ),
        ("leftShift", 1) => interp.binary(
            crate::syntax::ast::BinaryOp::Shl,
            recv.clone(),
            args[0].clone(),
        ),
        ("withDefault", 1) => {
            // Groovy wraps the map; the wrapper and the map share their entries, so we
            // give the map itself the default.
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            *m.default.lock() = Some(Value::Closure(c));
            Ok(recv.clone())
        }
        ("asImmutable" | "asUnmodifiable", 0) => Ok(Value::Map(Arc::new(MapObj {
            kind: MapKind::Immutable,
            map: parking_lot::Mutex::new(m.map.lock().clone()),
            default: parking_lot::Mutex::new(None),
        }))),
        ("asSynchronized", 0) => Ok(recv.clone()),
        ("equals", 1) => groovy_equals(interp, recv, &args[0]).map(Value::Bool),
        ("toString", 0) => Ok(Value::string(to_display(recv))),
        ("take", 1) | ("drop", 1) => {
            let n = interp.to_index(&args[0]).unwrap_or(0).max(0) as usize;
            let entries = m.snapshot();
            let n = n.min(entries.len());
            let slice = if name == "take" {
                &entries[..n]
            } else {
                &entries[n..]
            };
            Ok(Value::map(
                slice
                    .iter()
                    .map(|(k, v)| (HKey(k.clone()), v.clone()))
                    .collect(),
            ))
        }
        ("iterator", 0) => Ok(Value::list(
            m.snapshot().into_iter().map(|(k, v)| entry(k, v)).collect(),
        )),
        ("containsAll", 1) => Ok(Value::Bool(false)),
        ("spread", 0) => Ok(recv.clone()),
        ("findIndexOf", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            for (i, (k, v)) in m.snapshot().into_iter().enumerate() {
                match call_entry(interp, m, &c, &k, &v, span) {
                    Ok(y) if y.truthy() => return Some(Ok(Value::int(i as i32))),
                    Ok(_) => {}
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::int(-1))
        }
        _ => {
            let _ = java_equals;
            return None;
        }
    };
    Some(r)
}
