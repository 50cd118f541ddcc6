//! Methods of lists, sets and ranges: the JDK's `List`/`Set` and Groovy's collection methods.

use std::cmp::Ordering;
use std::sync::Arc;

use indexmap::{IndexMap, IndexSet};

use super::{arg, bad_arg, closure_at, int_arg, last_closure, no_method};
use crate::eval::error::{throw, Flow, R};
use crate::eval::interp::{closure_arity, Interp};
use crate::eval::num::Num;
use crate::eval::ops::{compare_values, groovy_equals, num_err};
use crate::eval::value::{
    java_equals, to_display, Closure, HKey, ListKind, ListObj, SetKind, Value,
};
use crate::syntax::Span;

type Filter<'a> = Box<dyn Fn(&Value) -> R<bool> + 'a>;

/// Sorts with a fallible comparator (merge sort, stable like Java's).
pub fn sort_values<F>(items: &mut [Value], mut cmp: F) -> R<()>
where
    F: FnMut(&Value, &Value) -> R<Ordering>,
{
    let mut err: Option<Flow> = None;
    items.sort_by(|a, b| {
        if err.is_some() {
            return Ordering::Equal;
        }
        match cmp(a, b) {
            Ok(o) => o,
            Err(f) => {
                err = Some(f);
                Ordering::Equal
            }
        }
    });
    match err {
        Some(f) => Err(f),
        None => Ok(()),
    }
}

/// A comparator from a closure: two parameters compare, one parameter gives a sort key.
pub fn closure_comparator<'a>(
    interp: &'a Interp,
    c: &'a Arc<Closure>,
    span: Span,
) -> impl FnMut(&Value, &Value) -> R<Ordering> + 'a {
    move |a, b| {
        if closure_arity(c) == Some(2) {
            let r = interp.call_closure(c, vec![a.clone(), b.clone()], span)?;
            Ok(match r {
                Value::Num(n) => n.compare(&Num::Int(0)),
                _ => Ordering::Equal,
            })
        } else {
            let ka = interp.call_closure_item(c, a.clone(), span)?;
            let kb = interp.call_closure_item(c, b.clone(), span)?;
            compare_values(interp, &ka, &kb)
        }
    }
}

fn truthy_call(interp: &Interp, c: &Arc<Closure>, item: Value, span: Span) -> R<bool> {
    let v = interp.call_closure_item(c, item, span)?;
    interp.truthy(&v)
}

/// Flattens nested collections (Groovy's `flatten()`).
fn flatten_into(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::List(l) => {
            for x in l.snapshot() {
                flatten_into(&x, out);
            }
        }
        Value::Set(s) => {
            for x in s.snapshot() {
                flatten_into(&x, out);
            }
        }
        Value::Range(r) => out.extend(r.to_vec()),
        other => out.push(other.clone()),
    }
}

/// Adds values the way `sum()` does (`plus` on each pair).
pub fn sum_values(interp: &Interp, items: Vec<Value>, init: Option<Value>) -> R<Value> {
    let mut it = items.into_iter();
    let mut acc = match init {
        Some(v) => v,
        None => match it.next() {
            Some(v) => v,
            None => return Ok(Value::Null),
        },
    };
    for x in it {
        acc = interp.plus(acc, x)?;
    }
    Ok(acc)
}

fn same_kind_list(recv: &Value, items: Vec<Value>) -> Value {
    match recv {
        Value::Set(s) => {
            let set = Value::set(IndexSet::new(), s.kind);
            if let Value::Set(so) = &set {
                for x in items {
                    so.insert(x);
                }
            }
            set
        }
        _ => Value::list(items),
    }
}

fn index_of(items: &[Value], v: &Value) -> i64 {
    items
        .iter()
        .position(|x| java_equals(x, v) || matches!((x, v), (Value::Num(a), Value::Num(b)) if a.class_name() == b.class_name() && a.compare(b) == Ordering::Equal))
        .map_or(-1, |i| i as i64)
}

fn check_mutable(recv: &Value) -> R<()> {
    if let Value::List(l) = recv {
        if matches!(l.kind, ListKind::Immutable) {
            return Err(crate::eval::error::exception(
                "java.lang.UnsupportedOperationException",
                None,
            ));
        }
    }
    if let Value::Range(_) = recv {
        return Err(crate::eval::error::exception(
            "java.lang.UnsupportedOperationException",
            None,
        ));
    }
    Ok(())
}

pub fn collection_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let r = collection_method_inner(interp, recv, name, args, span)?;
    Some(r)
}

#[allow(clippy::too_many_lines)]
fn collection_method_inner(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let items = || interp.iterate(recv, span);
    let closure = last_closure(args);
    let r: R<Value> = match (name, args.len()) {
        ("size", 0) => items().map(|v| Value::int(v.len() as i32)),
        ("isEmpty", 0) => items().map(|v| Value::Bool(v.is_empty())),
        ("asBoolean", 0) => items().map(|v| Value::Bool(!v.is_empty())),
        ("getAt", 1) => interp.get_at(recv, args, span),
        ("get", 1) => match recv {
            Value::List(l) => {
                let i = match int_arg(interp, args, 0) {
                    Ok(i) => i,
                    Err(f) => return Some(Err(f)),
                };
                let items = l.items.lock();
                match usize::try_from(i).ok().and_then(|u| items.get(u)) {
                    Some(v) => Ok(v.clone()),
                    None => throw(
                        "java.lang.IndexOutOfBoundsException",
                        format!("Index {i} out of bounds for length {}", items.len()),
                    ),
                }
            }
            _ => interp.get_at(recv, args, span),
        },
        ("contains", 1) => match recv {
            Value::Range(r) => interp.range_contains(r, &args[0]).map(Value::Bool),
            Value::Set(s) => Ok(Value::Bool(s.set.lock().contains(&HKey(args[0].clone())))),
            _ => items().map(|v| Value::Bool(v.iter().any(|x| java_equals(x, &args[0])))),
        },
        ("containsAll", 1) => {
            let want = match interp.iterate(&args[0], span) {
                Ok(w) => w,
                Err(f) => return Some(Err(f)),
            };
            items().map(|v| Value::Bool(want.iter().all(|w| v.iter().any(|x| java_equals(x, w)))))
        }
        ("indexOf", 1) => items().map(|v| Value::int(index_of(&v, &args[0]) as i32)),
        ("lastIndexOf", 1) => items().map(|v| {
            let mut rev = v.clone();
            rev.reverse();
            let i = index_of(&rev, &args[0]);
            Value::int(if i < 0 {
                -1
            } else {
                (v.len() as i64 - 1 - i) as i32
            })
        }),
        ("each", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            interp
                .for_each_item(recv, span, |x| {
                    interp.call_closure_item(&c, x, span).map(|_| true)
                })
                .map(|()| recv.clone())
        }
        ("reverseEach", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            match items() {
                Ok(mut v) => {
                    v.reverse();
                    for x in v {
                        if let Err(f) = interp.call_closure_item(&c, x, span) {
                            return Some(Err(f));
                        }
                    }
                    Ok(recv.clone())
                }
                Err(f) => Err(f),
            }
        }
        ("eachWithIndex", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            match items() {
                Ok(v) => {
                    for (i, x) in v.into_iter().enumerate() {
                        if let Err(f) = interp.call_closure(&c, vec![x, Value::int(i as i32)], span)
                        {
                            return Some(Err(f));
                        }
                    }
                    Ok(recv.clone())
                }
                Err(f) => Err(f),
            }
        }
        ("collect", 0) => items().map(Value::list),
        ("collect", 1) | ("collect", 2) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out = Vec::new();
            match items() {
                Ok(v) => {
                    for x in v {
                        match interp.call_closure_item(&c, x, span) {
                            Ok(y) => out.push(y),
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    // `collect(target) { }` adds the results to the given collection.
                    match (args.first(), args.len()) {
                        (Some(Value::List(target)), 2) => {
                            target.items.lock().extend(out);
                            Ok(args[0].clone())
                        }
                        (Some(Value::Set(target)), 2) => {
                            for y in out {
                                target.insert(y);
                            }
                            Ok(args[0].clone())
                        }
                        _ => Ok(Value::list(out)),
                    }
                }
                Err(f) => Err(f),
            }
        }
        ("collectMany", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out = Vec::new();
            match items() {
                Ok(v) => {
                    for x in v {
                        match interp.call_closure_item(&c, x, span) {
                            Ok(y) => match interp.iterate(&y, span) {
                                Ok(ys) => out.extend(ys),
                                Err(f) => return Some(Err(f)),
                            },
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(Value::list(out))
                }
                Err(f) => Err(f),
            }
        }
        ("collectEntries", 0) | ("collectEntries", 1) | ("collectEntries", 2) => {
            let mut out = match args.first() {
                Some(Value::Map(init)) => init.map.lock().clone(),
                _ => IndexMap::new(),
            };
            match items() {
                Ok(v) => {
                    for x in v {
                        let y = match &closure {
                            Some(c) => match interp.call_closure_item(c, x, span) {
                                Ok(y) => y,
                                Err(f) => return Some(Err(f)),
                            },
                            None => x,
                        };
                        if let Err(f) = add_entry(&mut out, y) {
                            return Some(Err(f));
                        }
                    }
                    Ok(Value::map(out))
                }
                Err(f) => Err(f),
            }
        }
        ("find", 0) => items().and_then(|v| {
            for x in v {
                if interp.truthy(&x)? {
                    return Ok(x);
                }
            }
            Ok(Value::Null)
        }),
        ("find", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            match items() {
                Ok(v) => {
                    for x in v {
                        match truthy_call(interp, &c, x.clone(), span) {
                            Ok(true) => return Some(Ok(x)),
                            Ok(false) => {}
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(Value::Null)
                }
                Err(f) => Err(f),
            }
        }
        ("findAll", 0) => items().and_then(|v| {
            let mut out = Vec::new();
            for x in v {
                if interp.truthy(&x)? {
                    out.push(x);
                }
            }
            Ok(same_kind_list(recv, out))
        }),
        ("findAll", 1) | ("grep", 1) => {
            let filter: Filter<'_> = match (&closure, name) {
                (Some(c), _) => {
                    let c = c.clone();
                    Box::new(move |x: &Value| truthy_call(interp, &c, x.clone(), span))
                }
                (None, "grep") => {
                    let case = args[0].clone();
                    Box::new(move |x: &Value| interp.is_case(&case, x, span))
                }
                _ => return Some(no_method(recv, name, args)),
            };
            match items() {
                Ok(v) => {
                    let mut out = Vec::new();
                    for x in v {
                        match filter(&x) {
                            Ok(true) => out.push(x),
                            Ok(false) => {}
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(same_kind_list(recv, out))
                }
                Err(f) => Err(f),
            }
        }
        ("grep", 0) => items().map(|v| Value::list(v.into_iter().filter(Value::truthy).collect())),
        ("findResult", 1) | ("findResult", 2) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let default = if args.len() == 2 {
                args[0].clone()
            } else {
                Value::Null
            };
            match items() {
                Ok(v) => {
                    for x in v {
                        match interp.call_closure_item(&c, x, span) {
                            Ok(y) if !y.is_null() => return Some(Ok(y)),
                            Ok(_) => {}
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(default)
                }
                Err(f) => Err(f),
            }
        }
        ("findResults", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out = Vec::new();
            match items() {
                Ok(v) => {
                    for x in v {
                        match interp.call_closure_item(&c, x, span) {
                            Ok(y) if !y.is_null() => out.push(y),
                            Ok(_) => {}
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(Value::list(out))
                }
                Err(f) => Err(f),
            }
        }
        ("findIndexOf", 1) | ("findLastIndexOf", 1) | ("findIndexValues", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            match items() {
                Ok(v) => {
                    let mut hits = Vec::new();
                    for (i, x) in v.into_iter().enumerate() {
                        match truthy_call(interp, &c, x, span) {
                            Ok(true) => {
                                hits.push(i);
                                if name == "findIndexOf" {
                                    break;
                                }
                            }
                            Ok(false) => {}
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(match name {
                        "findIndexValues" => {
                            Value::list(hits.into_iter().map(|i| Value::int(i as i32)).collect())
                        }
                        "findLastIndexOf" => Value::int(hits.last().map_or(-1, |i| *i as i32)),
                        _ => Value::int(hits.first().map_or(-1, |i| *i as i32)),
                    })
                }
                Err(f) => Err(f),
            }
        }
        ("any", 0) | ("every", 0) => items().and_then(|v| {
            let want = name == "any";
            for x in &v {
                if interp.truthy(x)? == want {
                    return Ok(Value::Bool(want));
                }
            }
            Ok(Value::Bool(!want))
        }),
        ("count", 0) => items().map(|v| Value::int(v.len() as i32)),
        ("permutations", 0) => items().map(|v| {
            let set = Value::set(IndexSet::new(), SetKind::Hash);
            if let Value::Set(so) = &set {
                let n = v.len().min(8);
                let mut idx: Vec<usize> = (0..n).collect();
                // Heap's algorithm over the first eight elements at most.
                let mut c = vec![0usize; n];
                so.insert(Value::list(idx.iter().map(|&i| v[i].clone()).collect()));
                let mut i = 0;
                while i < n {
                    if c[i] < i {
                        if i % 2 == 0 {
                            idx.swap(0, i);
                        } else {
                            idx.swap(c[i], i);
                        }
                        so.insert(Value::list(idx.iter().map(|&k| v[k].clone()).collect()));
                        c[i] += 1;
                        i = 0;
                    } else {
                        c[i] = 0;
                        i += 1;
                    }
                }
            }
            set
        }),
        ("isCase", 1) => interp.is_case(recv, &args[0], span).map(Value::Bool),
        ("iterator" | "listIterator", 0) => Ok(iterator_over(recv)),
        ("subsequences", 0) => items().map(|v| {
            let n = v.len().min(20);
            let mut out = Vec::new();
            for mask in 1u32..(1u32 << n) {
                out.push(Value::list(
                    (0..n)
                        .filter(|i| mask & (1 << i) != 0)
                        .map(|i| v[i].clone())
                        .collect(),
                ));
            }
            let set = Value::set(IndexSet::new(), SetKind::Hash);
            if let Value::Set(so) = &set {
                for x in out {
                    so.insert(x);
                }
            }
            set
        }),
        ("first", 0) if matches!(recv, Value::Set(s) if s.kind == SetKind::Tree) => {
            items().map(|v| v.first().cloned().unwrap_or(Value::Null))
        }
        ("last", 0) if matches!(recv, Value::Set(s) if s.kind == SetKind::Tree) => {
            items().map(|v| v.last().cloned().unwrap_or(Value::Null))
        }
        ("headSet" | "tailSet", 1) | ("tailSet" | "headSet", 2)
            if matches!(recv, Value::Set(_)) =>
        {
            items().and_then(|v| {
                let inclusive = args.get(1).is_some_and(Value::truthy)
                    || (name == "tailSet" && args.len() == 1);
                let mut out = IndexSet::new();
                for x in v {
                    let o = compare_values(interp, &x, &args[0])?;
                    let keep = if name == "headSet" {
                        o == Ordering::Less || (inclusive && o == Ordering::Equal)
                    } else {
                        o == Ordering::Greater || (inclusive && o == Ordering::Equal)
                    };
                    if keep {
                        out.insert(HKey(x));
                    }
                }
                Ok(Value::set(out, SetKind::Tree))
            })
        }
        ("any", 1) | ("every", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let want = name == "any";
            match items() {
                Ok(v) => {
                    for x in v {
                        match truthy_call(interp, &c, x, span) {
                            Ok(b) if b == want => return Some(Ok(Value::Bool(want))),
                            Ok(_) => {}
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(Value::Bool(!want))
                }
                Err(f) => Err(f),
            }
        }
        ("count", 1) => match items() {
            Ok(v) => {
                let mut n = 0;
                for x in v {
                    let hit = match &closure {
                        Some(c) => truthy_call(interp, c, x, span),
                        None => groovy_equals(interp, &x, &args[0]),
                    };
                    match hit {
                        Ok(true) => n += 1,
                        Ok(false) => {}
                        Err(f) => return Some(Err(f)),
                    }
                }
                Ok(Value::int(n))
            }
            Err(f) => Err(f),
        },
        ("groupBy", n) if n > 1 && args.iter().all(|a| matches!(a, Value::Closure(_))) => {
            // groupBy(c1, c2, …): nested groups, one level per closure.
            let first =
                super::collection::collection_method(interp, recv, "groupBy", &args[..1], span)?;
            match first {
                Ok(Value::Map(m)) => {
                    for (k, group) in m.snapshot() {
                        match collection_method(interp, &group, "groupBy", &args[1..], span) {
                            Some(Ok(sub)) => {
                                m.insert(k, sub);
                            }
                            Some(Err(f)) => return Some(Err(f)),
                            None => {}
                        }
                    }
                    Ok(Value::Map(m))
                }
                other => other,
            }
        }
        ("countBy", 1) | ("groupBy", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            let mut out: IndexMap<HKey, Value> = IndexMap::new();
            match items() {
                Ok(v) => {
                    for x in v {
                        let k = match interp.call_closure_item(&c, x.clone(), span) {
                            Ok(k) => crate::eval::props::normalize_key(&k),
                            Err(f) => return Some(Err(f)),
                        };
                        if name == "countBy" {
                            let e = out.entry(HKey(k)).or_insert(Value::int(0));
                            if let Value::Num(n) = e {
                                *e = Value::Num(n.add(&Num::Int(1)).unwrap_or(Num::Int(0)));
                            }
                        } else {
                            let e = out
                                .entry(HKey(k))
                                .or_insert_with(|| Value::list(Vec::new()));
                            if let Value::List(l) = e {
                                l.items.lock().push(x);
                            }
                        }
                    }
                    Ok(Value::map(out))
                }
                Err(f) => Err(f),
            }
        }
        ("inject", 1) | ("inject", 2) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            match items() {
                Ok(v) => {
                    let mut it = v.into_iter();
                    let mut acc = if args.len() == 2 {
                        args[0].clone()
                    } else {
                        match it.next() {
                            Some(x) => x,
                            None => {
                                return Some(throw(
                                    "java.util.NoSuchElementException",
                                    "Cannot call inject() on an empty collection without passing an initial value.",
                                ))
                            }
                        }
                    };
                    for x in it {
                        match interp.call_closure(&c, vec![acc, x], span) {
                            Ok(y) => acc = y,
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(acc)
                }
                Err(f) => Err(f),
            }
        }
        ("sum", 0) => items().and_then(|v| sum_values(interp, v, None)),
        ("sum", 1) => match items() {
            Ok(v) => match &closure {
                Some(c) => {
                    let mut mapped = Vec::new();
                    for x in v {
                        match interp.call_closure_item(c, x, span) {
                            Ok(y) => mapped.push(y),
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    sum_values(interp, mapped, None)
                }
                None => sum_values(interp, v, Some(args[0].clone())),
            },
            Err(f) => Err(f),
        },
        ("sum", 2) => match (items(), closure_at(args, 1)) {
            (Ok(v), Some(c)) => {
                let mut mapped = Vec::new();
                for x in v {
                    match interp.call_closure_item(&c, x, span) {
                        Ok(y) => mapped.push(y),
                        Err(f) => return Some(Err(f)),
                    }
                }
                sum_values(interp, mapped, Some(args[0].clone()))
            }
            (Err(f), _) => Err(f),
            _ => return Some(no_method(recv, name, args)),
        },
        ("max", 0) | ("min", 0) | ("max", 1) | ("min", 1) => match items() {
            Ok(v) => {
                // Groovy's min()/max() skip nulls.
                let v: Vec<Value> = v.into_iter().filter(|x| !x.is_null()).collect();
                if v.is_empty() {
                    return Some(Ok(Value::Null));
                }
                let mut sorted = v;
                let res = match &closure {
                    Some(c) => sort_values(&mut sorted, closure_comparator(interp, c, span)),
                    None => sort_values(&mut sorted, |a, b| compare_values(interp, a, b)),
                };
                match res {
                    Ok(()) => Ok(if name == "max" {
                        // Java's max keeps the first of equal maxima.
                        let last = sorted.last().cloned().unwrap_or(Value::Null);
                        first_equal(interp, &sorted, &last, closure.as_ref(), span)
                    } else {
                        sorted.first().cloned().unwrap_or(Value::Null)
                    }),
                    Err(f) => Err(f),
                }
            }
            Err(f) => Err(f),
        },
        ("sort", 1) if matches!(&args[0], Value::Native(n) if n.as_any().is::<super::statics::ComparatorObj>()) =>
        {
            // With a Java Comparator, Groovy 2.4 calls the JDK's List.sort: in place,
            // returning null.
            let Value::Native(n) = &args[0] else {
                return None;
            };
            let cmp = n.as_any().downcast_ref::<super::statics::ComparatorObj>()?;
            match items() {
                Ok(mut v) => match sort_values(&mut v, |a, b| cmp.compare(interp, a, b)) {
                    Ok(()) => {
                        if let Value::List(l) = recv {
                            *l.items.lock() = v;
                        }
                        Ok(Value::Null)
                    }
                    Err(f) => Err(f),
                },
                Err(f) => Err(f),
            }
        }
        ("sort" | "toSorted", 0) | ("sort" | "toSorted", 1) | ("sort", 2) => {
            let mutate = match (name, args.first()) {
                ("toSorted", _) => false,
                (_, Some(Value::Bool(b))) => *b,
                _ => !matches!(recv, Value::Range(_)),
            };
            match items() {
                Ok(mut v) => {
                    let res = match &closure {
                        Some(c) => sort_values(&mut v, closure_comparator(interp, c, span)),
                        None => sort_values(&mut v, |a, b| compare_values(interp, a, b)),
                    };
                    if let Err(f) = res {
                        return Some(Err(f));
                    }
                    if mutate {
                        if let Value::List(l) = recv {
                            *l.items.lock() = v;
                            return Some(Ok(recv.clone()));
                        }
                    }
                    Ok(Value::list(v))
                }
                Err(f) => Err(f),
            }
        }
        ("unique" | "toUnique", 0) | ("unique" | "toUnique", 1) | ("unique", 2) => {
            let mutate = match (name, args.first()) {
                ("toUnique", _) => false,
                (_, Some(Value::Bool(b))) => *b,
                _ => true,
            };
            match items() {
                Ok(v) => {
                    let mut out: Vec<Value> = Vec::new();
                    let mut keys: Vec<Value> = Vec::new();
                    for x in v {
                        let key = match &closure {
                            Some(c) if closure_arity(c) != Some(2) => {
                                match interp.call_closure_item(c, x.clone(), span) {
                                    Ok(k) => k,
                                    Err(f) => return Some(Err(f)),
                                }
                            }
                            _ => x.clone(),
                        };
                        let mut dup = false;
                        for (i, k) in keys.iter().enumerate() {
                            let same = match &closure {
                                Some(c) if closure_arity(c) == Some(2) => {
                                    match interp.call_closure(
                                        c,
                                        vec![out[i].clone(), x.clone()],
                                        span,
                                    ) {
                                        Ok(Value::Num(n)) => n.is_zero(),
                                        Ok(_) => false,
                                        Err(f) => return Some(Err(f)),
                                    }
                                }
                                _ => match compare_values(interp, k, &key) {
                                    Ok(o) => {
                                        o == Ordering::Equal
                                            && (java_equals(k, &key)
                                                || groovy_equals(interp, k, &key).unwrap_or(false))
                                    }
                                    Err(_) => java_equals(k, &key),
                                },
                            };
                            if same {
                                dup = true;
                                break;
                            }
                        }
                        if !dup {
                            keys.push(key);
                            out.push(x);
                        }
                    }
                    if mutate {
                        if let Value::List(l) = recv {
                            *l.items.lock() = out;
                            return Some(Ok(recv.clone()));
                        }
                    }
                    Ok(same_kind_list(recv, out))
                }
                Err(f) => Err(f),
            }
        }
        ("reverse", 0) => items().map(|mut v| {
            v.reverse();
            Value::list(v)
        }),
        ("reverse", 1) => items().map(|mut v| {
            v.reverse();
            if args[0].truthy() {
                if let Value::List(l) = recv {
                    *l.items.lock() = v;
                    return recv.clone();
                }
            }
            Value::list(v)
        }),
        ("join", 0) | ("join", 1) => {
            let sep = if args.is_empty() {
                String::new()
            } else {
                to_display(&args[0])
            };
            items().map(|v| Value::string(v.iter().map(to_display).collect::<Vec<_>>().join(&sep)))
        }
        ("first" | "head", 0) => items().and_then(|v| match v.first() {
            Some(x) => Ok(x.clone()),
            None => throw(
                "java.util.NoSuchElementException",
                format!(
                    "Cannot access first() element from an empty {}",
                    if matches!(recv, Value::List(_)) {
                        "List"
                    } else {
                        "Iterable"
                    }
                ),
            ),
        }),
        ("last", 0) => items().and_then(|v| match v.last() {
            Some(x) => Ok(x.clone()),
            None => throw(
                "java.util.NoSuchElementException",
                format!(
                    "Cannot access last() element from an empty {}",
                    if matches!(recv, Value::List(_)) {
                        "List"
                    } else {
                        "Iterable"
                    }
                ),
            ),
        }),
        ("tail", 0) => items().and_then(|v| {
            if v.is_empty() {
                throw(
                    "java.util.NoSuchElementException",
                    "Cannot access tail() for an empty iterable",
                )
            } else {
                Ok(same_kind_list(recv, v[1..].to_vec()))
            }
        }),
        ("init", 0) => items().and_then(|v| {
            if v.is_empty() {
                throw(
                    "java.util.NoSuchElementException",
                    "Cannot access init() for an empty Iterable",
                )
            } else {
                Ok(same_kind_list(recv, v[..v.len() - 1].to_vec()))
            }
        }),
        ("take", 1) | ("drop", 1) | ("takeRight", 1) | ("dropRight", 1) => {
            let n = match int_arg(interp, args, 0) {
                Ok(n) => n.max(0) as usize,
                Err(f) => return Some(Err(f)),
            };
            items().map(|v| {
                let n = n.min(v.len());
                let out = match name {
                    "take" => v[..n].to_vec(),
                    "drop" => v[n..].to_vec(),
                    "takeRight" => v[v.len() - n..].to_vec(),
                    _ => v[..v.len() - n].to_vec(),
                };
                same_kind_list(recv, out)
            })
        }
        ("takeWhile", 1) | ("dropWhile", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            match items() {
                Ok(v) => {
                    let mut k = 0;
                    for x in &v {
                        match truthy_call(interp, &c, x.clone(), span) {
                            Ok(true) => k += 1,
                            Ok(false) => break,
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(same_kind_list(
                        recv,
                        if name == "takeWhile" {
                            v[..k].to_vec()
                        } else {
                            v[k..].to_vec()
                        },
                    ))
                }
                Err(f) => Err(f),
            }
        }
        ("flatten", 0) => items().map(|v| {
            let mut out = Vec::new();
            for x in &v {
                flatten_into(x, &mut out);
            }
            same_kind_list(recv, out)
        }),
        ("withIndex" | "indexed", 0) | ("withIndex" | "indexed", 1) => {
            let offset = if args.is_empty() {
                0
            } else {
                int_arg(interp, args, 0).unwrap_or(0)
            };
            items().map(|v| {
                if name == "indexed" {
                    let mut m = IndexMap::new();
                    for (i, x) in v.into_iter().enumerate() {
                        m.insert(HKey(Value::int_or_long(i as i64 + offset)), x);
                    }
                    Value::map(m)
                } else {
                    Value::list(
                        v.into_iter()
                            .enumerate()
                            .map(|(i, x)| {
                                Value::list(vec![x, Value::int_or_long(i as i64 + offset)])
                            })
                            .collect(),
                    )
                }
            })
        }
        ("split", 1) => {
            let Some(c) = closure else {
                return Some(no_method(recv, name, args));
            };
            match items() {
                Ok(v) => {
                    let (mut yes, mut no) = (Vec::new(), Vec::new());
                    for x in v {
                        match truthy_call(interp, &c, x.clone(), span) {
                            Ok(true) => yes.push(x),
                            Ok(false) => no.push(x),
                            Err(f) => return Some(Err(f)),
                        }
                    }
                    Ok(Value::list(vec![
                        same_kind_list(recv, yes),
                        same_kind_list(recv, no),
                    ]))
                }
                Err(f) => Err(f),
            }
        }
        ("collate", 1) | ("collate", 2) => {
            let size = int_arg(interp, args, 0).unwrap_or(1).max(1) as usize;
            let step = if args.len() == 2 {
                match &args[1] {
                    Value::Num(n) => n.to_i64().max(1) as usize,
                    _ => size,
                }
            } else {
                size
            };
            let keep = !matches!(args.get(1), Some(Value::Bool(false)));
            items().map(|v| {
                let mut out = Vec::new();
                let mut i = 0;
                while i < v.len() {
                    let chunk: Vec<Value> = v[i..(i + size).min(v.len())].to_vec();
                    if chunk.len() == size || keep {
                        out.push(Value::list(chunk));
                    }
                    i += step;
                }
                Value::list(out)
            })
        }
        ("intersect", 1) => {
            let other = match interp.iterate(&args[0], span) {
                Ok(o) => o,
                Err(f) => return Some(Err(f)),
            };
            items().and_then(|v| {
                let mut out = Vec::new();
                for x in v {
                    let mut hit = false;
                    for o in &other {
                        if groovy_equals(interp, &x, o)? {
                            hit = true;
                            break;
                        }
                    }
                    if hit && !out.iter().any(|y| java_equals(y, &x)) {
                        out.push(x);
                    }
                }
                Ok(same_kind_list(recv, out))
            })
        }
        ("disjoint", 1) => {
            let other = match interp.iterate(&args[0], span) {
                Ok(o) => o,
                Err(f) => return Some(Err(f)),
            };
            items().and_then(|v| {
                for x in v {
                    for o in &other {
                        if groovy_equals(interp, &x, o)? {
                            return Ok(Value::Bool(false));
                        }
                    }
                }
                Ok(Value::Bool(true))
            })
        }
        ("plus", 1) => interp.plus(recv.clone(), args[0].clone()),
        ("plus", 2) => match recv {
            Value::List(l) => {
                let mut v = l.snapshot();
                let i = int_arg(interp, args, 0)
                    .unwrap_or(0)
                    .clamp(0, v.len() as i64) as usize;
                let add = match interp.iterate(&args[1], span) {
                    Ok(a) if matches!(args[1], Value::List(_) | Value::Set(_)) => a,
                    _ => vec![args[1].clone()],
                };
                v.splice(i..i, add);
                Ok(Value::list(v))
            }
            _ => return None,
        },
        ("minus", 1) => interp.binary(
            crate::syntax::ast::BinaryOp::Sub,
            recv.clone(),
            args[0].clone(),
        ),
        ("multiply", 1) => interp.binary(
            crate::syntax::ast::BinaryOp::Mul,
            recv.clone(),
            args[0].clone(),
        ),
        ("leftShift", 1) => interp.binary(
            crate::syntax::ast::BinaryOp::Shl,
            recv.clone(),
            args[0].clone(),
        ),
        ("toList" | "asList", 0) => items().map(Value::list),
        ("toSet", 0) => items().map(|v| {
            let set = Value::set(IndexSet::new(), SetKind::Hash);
            if let Value::Set(so) = &set {
                for x in v {
                    so.insert(x);
                }
            }
            set
        }),
        ("toArray", 0) => items().map(|v| Value::array("java.lang.Object", v)),
        ("asImmutable" | "asUnmodifiable", 0) => items().map(|v| {
            Value::List(Arc::new(ListObj {
                kind: ListKind::Immutable,
                items: parking_lot::Mutex::new(v),
            }))
        }),
        ("asSynchronized", 0) => Ok(recv.clone()),
        ("combinations", 0) => items().map(|v| {
            let lists: Vec<Vec<Value>> = v
                .iter()
                .map(|x| match x {
                    Value::List(l) => l.snapshot(),
                    other => vec![other.clone()],
                })
                .collect();
            let mut out: Vec<Vec<Value>> = vec![Vec::new()];
            for l in &lists {
                let mut next = Vec::new();
                for x in l {
                    for prefix in &out {
                        let mut p = prefix.clone();
                        p.push(x.clone());
                        next.push(p);
                    }
                }
                out = next;
            }
            Value::list(out.into_iter().map(Value::list).collect())
        }),
        ("transpose", 0) => items().map(|v| {
            let lists: Vec<Vec<Value>> = v
                .iter()
                .map(|x| match x {
                    Value::List(l) => l.snapshot(),
                    _ => Vec::new(),
                })
                .collect();
            let n = lists.iter().map(Vec::len).min().unwrap_or(0);
            Value::list(
                (0..n)
                    .map(|i| Value::list(lists.iter().map(|l| l[i].clone()).collect()))
                    .collect(),
            )
        }),
        ("subList", 2) => {
            let (a, b) = match (int_arg(interp, args, 0), int_arg(interp, args, 1)) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(f), _) | (_, Err(f)) => return Some(Err(f)),
            };
            items().and_then(|v| {
                if a < 0 || b as usize > v.len() || a > b {
                    return throw(
                        "java.lang.IndexOutOfBoundsException",
                        format!("fromIndex = {a}, toIndex = {b}, size = {}", v.len()),
                    );
                }
                Ok(Value::list(v[a as usize..b as usize].to_vec()))
            })
        }
        ("equals", 1) => groovy_equals(interp, recv, &args[0]).map(Value::Bool),
        ("step", 2) | ("step", 1) => match recv {
            Value::Range(r) => {
                let step = int_arg(interp, args, 0).unwrap_or(1);
                if step == 0 {
                    return Some(bad_arg("Step must not be zero"));
                }
                let v = r.to_vec();
                let picked: Vec<Value> = if step > 0 {
                    v.into_iter().step_by(step as usize).collect()
                } else {
                    let mut rev = v;
                    rev.reverse();
                    rev.into_iter().step_by((-step) as usize).collect()
                };
                match closure_at(args, 1) {
                    Some(c) => {
                        for x in picked {
                            if let Err(f) = interp.call_closure(&c, vec![x], span) {
                                return Some(Err(f));
                            }
                        }
                        Ok(Value::Null)
                    }
                    None => Ok(Value::list(picked)),
                }
            }
            _ => return None,
        },
        ("getFrom", 0) | ("getTo", 0) => match recv {
            Value::Range(r) => Ok(if name == "getFrom" {
                r.bounds().0
            } else {
                r.bounds().1
            }),
            _ => return None,
        },
        ("isReverse", 0) => match recv {
            Value::Range(r) => Ok(Value::Bool(matches!(
                &**r,
                crate::eval::value::RangeVal::Int { reverse: true, .. }
                    | crate::eval::value::RangeVal::Object { reverse: true, .. }
            ))),
            _ => return None,
        },
        ("toString", 0) => Ok(match recv {
            Value::Range(r) => Value::string(crate::eval::value::range_to_string(r, false)),
            other => Value::string(to_display(other)),
        }),
        ("inspect", 0) => Ok(Value::string(crate::eval::value::to_inspect(recv))),
        ("stream", 0) => items().map(Value::list),
        ("encodeBase64", 0) => items().map(|v| {
            let bytes: Vec<u8> = v
                .iter()
                .map(|x| match x {
                    Value::Num(n) => n.to_i64() as u8,
                    _ => 0,
                })
                .collect();
            Value::string(super::misc::base64_encode(&bytes))
        }),
        ("shuffle" | "shuffled", 0) => items().map(Value::list),
        _ => return mutating_method(interp, recv, name, args, span),
    };
    Some(r)
}

/// `list.iterator()`: a live iterator with `hasNext`/`next`/`remove`.
fn iterator_over(recv: &Value) -> Value {
    Value::Native(Arc::new(IteratorObj {
        source: recv.clone(),
        cursor: parking_lot::Mutex::new(0),
    }))
}

/// A Java `Iterator` over a list (live: `remove()` changes the list), set, range or map.
pub struct IteratorObj {
    source: Value,
    cursor: parking_lot::Mutex<usize>,
}

impl IteratorObj {
    fn items(&self) -> Vec<Value> {
        match &self.source {
            Value::List(l) => l.snapshot(),
            Value::Set(s) => s.snapshot(),
            Value::Range(r) => r.to_vec(),
            Value::Map(m) => m
                .snapshot()
                .into_iter()
                .map(|(k, v)| Value::entry(k, v, Some(m.clone())))
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn has_next(&self) -> bool {
        *self.cursor.lock() < self.items().len()
    }
}

impl crate::eval::value::NativeObject for IteratorObj {
    fn class_name(&self) -> String {
        "java.util.ArrayList$Itr".into()
    }

    fn call_method(&self, _interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let r = match (name, args) {
            ("hasNext", []) => Ok(Value::Bool(self.has_next())),
            ("next", []) => {
                let items = self.items();
                let mut c = self.cursor.lock();
                match items.get(*c) {
                    Some(v) => {
                        *c += 1;
                        Ok(v.clone())
                    }
                    None => Err(crate::eval::error::exception(
                        "java.util.NoSuchElementException",
                        None,
                    )),
                }
            }
            ("remove", []) => {
                let mut c = self.cursor.lock();
                if *c == 0 {
                    return Some(Err(crate::eval::error::exception(
                        "java.lang.IllegalStateException",
                        None,
                    )));
                }
                *c -= 1;
                match &self.source {
                    Value::List(l) => {
                        let mut items = l.items.lock();
                        if *c < items.len() {
                            items.remove(*c);
                        }
                    }
                    Value::Set(s) => {
                        let items = self.items();
                        if let Some(v) = items.get(*c) {
                            s.set.lock().shift_remove(&HKey(v.clone()));
                        }
                    }
                    _ => {}
                }
                Ok(Value::Null)
            }
            _ => return None,
        };
        Some(r)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Java's `max` keeps the first of several equal maxima.
fn first_equal(
    interp: &Interp,
    sorted: &[Value],
    last: &Value,
    closure: Option<&Arc<Closure>>,
    span: Span,
) -> Value {
    for x in sorted {
        let eq = match closure {
            Some(c) => closure_comparator(interp, c, span)(x, last).map(|o| o == Ordering::Equal),
            None => compare_values(interp, x, last).map(|o| o == Ordering::Equal),
        };
        if eq.unwrap_or(false) {
            return x.clone();
        }
    }
    last.clone()
}

/// Adds the result of a `collectEntries` closure to a map.
pub fn add_entry(out: &mut IndexMap<HKey, Value>, y: Value) -> R<()> {
    match y {
        Value::List(l) => {
            let v = l.snapshot();
            if v.len() == 2 {
                out.insert(HKey(v[0].clone()), v[1].clone());
            } else if !v.is_empty() {
                return throw(
                    "java.lang.IllegalArgumentException",
                    format!(
                        "Expected a list of size 2 ([key, value]) but found {}",
                        to_display(&Value::list(v))
                    ),
                );
            }
        }
        Value::MapEntry(e) => {
            out.insert(HKey(e.key.clone()), e.value());
        }
        Value::Map(m) => {
            for (k, v) in m.snapshot() {
                out.insert(HKey(k), v);
            }
        }
        Value::Null => {}
        other => {
            return throw(
                "java.lang.IllegalArgumentException",
                format!(
                    "Expected a list of size 2 ([key, value]) but found {}",
                    to_display(&other)
                ),
            );
        }
    }
    Ok(())
}

/// Methods that change a list or set in place.
fn mutating_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let _ = span;
    match recv {
        Value::List(l) => {
            let r = match (name, args.len()) {
                ("add" | "push", 1) => check_mutable(recv).and_then(|()| {
                    if l.is_array() {
                        return Err(crate::eval::error::exception(
                            "java.lang.UnsupportedOperationException",
                            None,
                        ));
                    }
                    l.items.lock().push(args[0].clone());
                    Ok(Value::Bool(true))
                }),
                ("add", 2) => check_mutable(recv).and_then(|()| {
                    let i = int_arg(interp, args, 0)?;
                    let mut items = l.items.lock();
                    if i < 0 || i as usize > items.len() {
                        return throw(
                            "java.lang.IndexOutOfBoundsException",
                            format!("Index: {i}, Size: {}", items.len()),
                        );
                    }
                    items.insert(i as usize, args[1].clone());
                    Ok(Value::Null)
                }),
                ("addAll", 1) => check_mutable(recv).and_then(|()| {
                    let add = interp.iterate(&args[0], span)?;
                    let changed = !add.is_empty();
                    l.items.lock().extend(add);
                    Ok(Value::Bool(changed))
                }),
                ("addAll", 2) => check_mutable(recv).and_then(|()| {
                    let i = int_arg(interp, args, 0)?;
                    let add = interp.iterate(&args[1], span)?;
                    let mut items = l.items.lock();
                    let i = (i.max(0) as usize).min(items.len());
                    items.splice(i..i, add);
                    Ok(Value::Bool(true))
                }),
                ("remove", 1) => check_mutable(recv).and_then(|()| match &args[0] {
                    // `remove(int)` removes by index on a List.
                    Value::Num(Num::Int(i)) => {
                        let mut items = l.items.lock();
                        let len = items.len();
                        if *i < 0 || *i as usize >= len {
                            return throw(
                                "java.lang.IndexOutOfBoundsException",
                                format!("Index {i} out of bounds for length {len}"),
                            );
                        }
                        Ok(items.remove(*i as usize))
                    }
                    other => {
                        let mut items = l.items.lock();
                        match items.iter().position(|x| java_equals(x, other)) {
                            Some(p) => {
                                items.remove(p);
                                Ok(Value::Bool(true))
                            }
                            None => Ok(Value::Bool(false)),
                        }
                    }
                }),
                ("removeAt", 1) => check_mutable(recv).and_then(|()| {
                    let i = int_arg(interp, args, 0)?;
                    let mut items = l.items.lock();
                    let len = items.len();
                    if i < 0 || i as usize >= len {
                        return throw(
                            "java.lang.IndexOutOfBoundsException",
                            format!("Index {i} out of bounds for length {len}"),
                        );
                    }
                    Ok(items.remove(i as usize))
                }),
                ("removeElement", 1) => check_mutable(recv).map(|()| {
                    let mut items = l.items.lock();
                    match items.iter().position(|x| java_equals(x, &args[0])) {
                        Some(p) => {
                            items.remove(p);
                            Value::Bool(true)
                        }
                        None => Value::Bool(false),
                    }
                }),
                ("removeAll" | "retainAll", 1) => check_mutable(recv).and_then(|()| {
                    let retain = name == "retainAll";
                    let mut current = l.snapshot();
                    let before = current.len();
                    match &args[0] {
                        Value::Closure(c) => {
                            let mut kept = Vec::new();
                            for x in current {
                                let hit = truthy_call(interp, c, x.clone(), span)?;
                                if hit == retain {
                                    kept.push(x);
                                }
                            }
                            current = kept;
                        }
                        other => {
                            let set = interp.iterate(other, span)?;
                            current.retain(|x| set.iter().any(|y| java_equals(x, y)) == retain);
                        }
                    }
                    let changed = current.len() != before;
                    *l.items.lock() = current;
                    Ok(Value::Bool(changed))
                }),
                ("removeIf", 1) => check_mutable(recv).and_then(|()| {
                    let Some(c) = closure_at(args, 0) else {
                        return no_method(recv, name, args);
                    };
                    let mut kept = Vec::new();
                    let current = l.snapshot();
                    let before = current.len();
                    for x in current {
                        if !truthy_call(interp, &c, x.clone(), span)? {
                            kept.push(x);
                        }
                    }
                    let changed = kept.len() != before;
                    *l.items.lock() = kept;
                    Ok(Value::Bool(changed))
                }),
                ("clear", 0) => check_mutable(recv).map(|()| {
                    l.items.lock().clear();
                    Value::Null
                }),
                ("pop", 0) | ("removeLast", 0) => {
                    check_mutable(recv).and_then(|()| match l.items.lock().pop() {
                        Some(v) => Ok(v),
                        None => throw(
                            "java.util.NoSuchElementException",
                            "Cannot pop() an empty List",
                        ),
                    })
                }
                ("removeFirst", 0) | ("poll", 0) => check_mutable(recv).and_then(|()| {
                    let mut items = l.items.lock();
                    if items.is_empty() {
                        if name == "poll" {
                            return Ok(Value::Null);
                        }
                        return throw("java.util.NoSuchElementException", "");
                    }
                    Ok(items.remove(0))
                }),
                ("set" | "putAt", 2) => check_mutable(recv).and_then(|()| {
                    if name == "putAt" {
                        interp.put_at(recv, &args[..1], args[1].clone(), span)?;
                        return Ok(Value::Null);
                    }
                    let i = int_arg(interp, args, 0)?;
                    let mut items = l.items.lock();
                    let len = items.len();
                    match usize::try_from(i).ok().filter(|u| *u < len) {
                        Some(u) => Ok(std::mem::replace(&mut items[u], args[1].clone())),
                        None => throw(
                            "java.lang.IndexOutOfBoundsException",
                            format!("Index {i} out of bounds for length {len}"),
                        ),
                    }
                }),
                ("swap", 2) => {
                    let (a, b) = match (int_arg(interp, args, 0), int_arg(interp, args, 1)) {
                        (Ok(a), Ok(b)) => (a as usize, b as usize),
                        (Err(f), _) | (_, Err(f)) => return Some(Err(f)),
                    };
                    let mut items = l.items.lock();
                    if a < items.len() && b < items.len() {
                        items.swap(a, b);
                    }
                    Ok(recv.clone())
                }
                ("addFirst", 1) | ("offerFirst", 1) => {
                    l.items.lock().insert(0, args[0].clone());
                    Ok(Value::Null)
                }
                ("addLast", 1) | ("offer", 1) => {
                    l.items.lock().push(args[0].clone());
                    Ok(Value::Null)
                }
                ("peek", 0) | ("getFirst", 0) | ("element", 0) => {
                    Ok(l.items.lock().first().cloned().unwrap_or(Value::Null))
                }
                ("getLast", 0) => Ok(l.items.lock().last().cloned().unwrap_or(Value::Null)),
                _ => return None,
            };
            Some(r)
        }
        Value::Set(s) => {
            let r = match (name, args.len()) {
                ("add", 1) => Ok(Value::Bool(s.insert(args[0].clone()))),
                ("addAll", 1) => interp.iterate(&args[0], span).map(|add| {
                    let mut changed = false;
                    for x in add {
                        changed |= s.insert(x);
                    }
                    Value::Bool(changed)
                }),
                ("remove", 1) => Ok(Value::Bool(
                    s.set.lock().shift_remove(&HKey(args[0].clone())),
                )),
                ("removeAll" | "retainAll", 1) => interp.iterate(&args[0], span).map(|other| {
                    let retain = name == "retainAll";
                    let mut set = s.set.lock();
                    let before = set.len();
                    set.retain(|k| other.iter().any(|o| java_equals(&k.0, o)) == retain);
                    Value::Bool(set.len() != before)
                }),
                ("clear", 0) => {
                    s.set.lock().clear();
                    Ok(Value::Null)
                }
                _ => return None,
            };
            Some(r)
        }
        _ => {
            let _ = arg(args, 0);
            let _ = num_err;
            None
        }
    }
}
