//! Operators with Groovy's semantics: arithmetic and string/collection operators,
//! equality (`==` is `compareEqual`, not `equals`), comparison, `in`/`switch` (`isCase`).

use std::cmp::Ordering;
use std::sync::Arc;

use indexmap::{IndexMap, IndexSet};

use super::error::{exception, throw, Flow, R};
use super::interp::Interp;
use super::num::{Num, NumError};
use super::value::{
    java_equals, java_hash, to_display, ClassRef, Closure, HKey, MapKind, RangeVal, SetKind, Value,
};
use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::syntax::Span;

/// Converts a regex error into the Java exception it stands for.
pub fn regex_err(e: super::regex::RegexError) -> Flow {
    exception(e.java_class(), Some(e.java_message()))
}

impl From<super::regex::RegexError> for Flow {
    fn from(e: super::regex::RegexError) -> Flow {
        regex_err(e)
    }
}

/// Converts a numeric error into a thrown Java exception.
pub fn num_err(e: NumError) -> Flow {
    exception(e.class, e.message)
}

/// A number from a `Num` or `Character` value.
fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Num(n) => Some(n.clone()),
        Value::Char(c) => Some(Num::Int(*c as i32)),
        _ => None,
    }
}

impl Interp {
    pub fn unary(&self, op: UnaryOp, v: Value) -> R<Value> {
        match op {
            UnaryOp::Not => Ok(Value::Bool(!self.truthy(&v)?)),
            UnaryOp::Neg => match &v {
                Value::Num(n) => n.neg().map(Value::Num).map_err(num_err),
                Value::List(l) => {
                    let mut out = Vec::new();
                    for x in l.snapshot() {
                        out.push(self.unary(UnaryOp::Neg, x)?);
                    }
                    Ok(Value::list(out))
                }
                _ => self.call_method(&v, "negative", Vec::new(), Span::default()),
            },
            UnaryOp::Plus => match &v {
                Value::Num(_) => Ok(v),
                _ => self.call_method(&v, "positive", Vec::new(), Span::default()),
            },
            UnaryOp::BitNot => match &v {
                Value::Str(_) | Value::GString(_) => {
                    let s = to_display(&v);
                    self.compile_regex(&s).map(Value::Pattern)
                }
                Value::Num(n) => n.bit_not().map(Value::Num).map_err(num_err),
                _ => self.call_method(&v, "bitwiseNegate", Vec::new(), Span::default()),
            },
        }
    }

    pub fn compile_regex(&self, s: &str) -> R<Arc<super::regex::JavaRegex>> {
        super::regex::JavaRegex::cached(s, 0)
            .map(Arc::new)
            .map_err(regex_err)
    }

    pub fn binary(&self, op: BinaryOp, a: Value, b: Value) -> R<Value> {
        use BinaryOp as B;
        match op {
            B::Add => self.plus(a, b),
            B::Sub => self.minus(a, b),
            B::Mul => self.multiply(a, b),
            B::Div => self.arith(a, b, "div", Num::div),
            B::Mod => self.arith(a, b, "mod", Num::modulo),
            B::Pow => self.arith(a, b, "power", Num::pow),
            B::Shl => self.left_shift(a, b),
            B::Shr => match (&a, &b) {
                (Value::Closure(_), Value::Closure(_)) => {
                    Ok(Value::Closure(Arc::new(Closure::Composed {
                        first: a,
                        second: b,
                    })))
                }
                _ => self.arith(a, b, "rightShift", Num::shr),
            },
            B::UShr => self.arith(a, b, "rightShiftUnsigned", Num::ushr),
            B::Lt => Ok(Value::Bool(compare(self, &a, &b)? == Ordering::Less)),
            B::Le => Ok(Value::Bool(compare(self, &a, &b)? != Ordering::Greater)),
            B::Gt => Ok(Value::Bool(compare(self, &a, &b)? == Ordering::Greater)),
            B::Ge => Ok(Value::Bool(compare(self, &a, &b)? != Ordering::Less)),
            B::Eq => Ok(Value::Bool(groovy_equals(self, &a, &b)?)),
            B::Ne => Ok(Value::Bool(!groovy_equals(self, &a, &b)?)),
            B::Cmp => {
                if a.is_null() && b.is_null() {
                    return Ok(Value::int(0));
                }
                Ok(Value::int(match compare(self, &a, &b)? {
                    Ordering::Less => -1,
                    Ordering::Equal => 0,
                    Ordering::Greater => 1,
                }))
            }
            B::RegexFind => {
                let s = self.regex_subject(&a)?;
                let re = self.regex_of(&b)?;
                let m = super::regex::MatcherState::new((*re).clone(), s);
                Ok(Value::Matcher(Arc::new(parking_lot::Mutex::new(m))))
            }
            B::RegexMatch => {
                let s = self.regex_subject(&a)?;
                let re = self.regex_of(&b)?;
                re.full_match(&s).map(Value::Bool).map_err(regex_err)
            }
            B::In => Ok(Value::Bool(self.is_case(&b, &a, Span::default())?)),
            B::And => Ok(Value::Bool(self.truthy(&a)? && self.truthy(&b)?)),
            B::Or => Ok(Value::Bool(self.truthy(&a)? || self.truthy(&b)?)),
            B::BitAnd => match (&a, &b) {
                (Value::Bool(x), Value::Bool(y)) => Ok(Value::Bool(*x && *y)),
                _ => self.arith(a, b, "and", Num::bit_and),
            },
            B::BitOr => match (&a, &b) {
                (Value::Bool(x), Value::Bool(y)) => Ok(Value::Bool(*x || *y)),
                _ => self.arith(a, b, "or", Num::bit_or),
            },
            B::BitXor => match (&a, &b) {
                (Value::Bool(x), Value::Bool(y)) => Ok(Value::Bool(*x != *y)),
                _ => self.arith(a, b, "xor", Num::bit_xor),
            },
        }
    }

    fn regex_subject(&self, v: &Value) -> R<String> {
        if v.is_null() {
            return super::error::npe("Cannot invoke method matcher() on null object");
        }
        Ok(to_display(v))
    }

    fn regex_of(&self, v: &Value) -> R<Arc<super::regex::JavaRegex>> {
        match v {
            Value::Pattern(p) => Ok(p.clone()),
            other => self.compile_regex(&to_display(other)),
        }
    }

    /// A numeric operator, or the method of the same name on other values (operator
    /// overloading on script classes).
    fn arith(
        &self,
        a: Value,
        b: Value,
        method: &str,
        f: fn(&Num, &Num) -> Result<Num, NumError>,
    ) -> R<Value> {
        if let (Some(x), Some(y)) = (as_num(&a), as_num(&b)) {
            return f(&x, &y).map(Value::Num).map_err(num_err);
        }
        if a.is_null() || b.is_null() {
            return self.null_operand(&a, &b, method);
        }
        // Operator overloading: only script classes and host objects can define operator
        // methods; for built-in values the operator methods come back here.
        match &a {
            Value::Object(_) | Value::Native(_) | Value::Exception(_) => {
                self.call_method(&a, method, vec![b], Span::default())
            }
            _ => Err(super::call::missing_method(&a, method, &[b])),
        }
    }

    fn null_operand(&self, a: &Value, b: &Value, method: &str) -> R<Value> {
        let sym = match method {
            "plus" => "+",
            "minus" => "-",
            "multiply" => "*",
            "div" => "/",
            "mod" => "%",
            "power" => "**",
            "leftShift" => "<<",
            "rightShift" => ">>",
            _ => method,
        };
        if a.is_null() {
            return super::error::npe(format!("Cannot execute null{sym}{}", to_display(b)));
        }
        Err(super::call::missing_method(
            a,
            method,
            std::slice::from_ref(b),
        ))
    }

    pub fn plus(&self, a: Value, b: Value) -> R<Value> {
        match (&a, &b) {
            (Value::Num(x), Value::Num(y)) => x.add(y).map(Value::Num).map_err(num_err),
            (Value::Str(_) | Value::GString(_), _) => {
                let mut s = to_display(&a);
                s.push_str(&to_display(&b));
                Ok(Value::string(s))
            }
            (Value::Num(_) | Value::Char(_), Value::Str(_) | Value::GString(_)) => {
                let mut s = to_display(&a);
                s.push_str(&to_display(&b));
                Ok(Value::string(s))
            }
            (Value::Char(_), _) | (_, Value::Char(_))
                if as_num(&a).is_some() && as_num(&b).is_some() =>
            {
                self.arith(a, b, "plus", Num::add)
            }
            (Value::Null, Value::Str(_) | Value::GString(_)) => {
                Ok(Value::string(format!("null{}", to_display(&b))))
            }
            (Value::List(l), _) => {
                let mut items = l.snapshot();
                match &b {
                    Value::List(_) | Value::Set(_) | Value::Range(_) => {
                        items.extend(self.iterate(&b, Span::default())?)
                    }
                    _ => items.push(b.clone()),
                }
                Ok(Value::list(items))
            }
            (Value::Range(r), _) => {
                let mut items = r.to_vec();
                match &b {
                    Value::List(_) | Value::Set(_) | Value::Range(_) => {
                        items.extend(self.iterate(&b, Span::default())?)
                    }
                    _ => items.push(b.clone()),
                }
                Ok(Value::list(items))
            }
            (Value::Set(s), _) => {
                let mut set: IndexSet<HKey> = s.set.lock().clone();
                match &b {
                    Value::List(_) | Value::Set(_) | Value::Range(_) => {
                        for x in self.iterate(&b, Span::default())? {
                            set.insert(HKey(x));
                        }
                    }
                    _ => {
                        set.insert(HKey(b.clone()));
                    }
                }
                Ok(Value::set(set, s.kind))
            }
            (Value::Map(m), Value::Map(n)) => {
                let mut out: IndexMap<HKey, Value> = m.map.lock().clone();
                for (k, v) in n.snapshot() {
                    out.insert(HKey(k), v);
                }
                Ok(map_like(m.kind, out))
            }
            (Value::Map(m), Value::MapEntry(e)) => {
                let mut out: IndexMap<HKey, Value> = m.map.lock().clone();
                out.insert(HKey(e.key.clone()), e.value());
                Ok(map_like(m.kind, out))
            }
            (Value::Builder(sb), _) => {
                Ok(Value::string(format!("{}{}", sb.lock(), to_display(&b))))
            }
            _ => self.arith(a, b, "plus", Num::add),
        }
    }

    fn minus(&self, a: Value, b: Value) -> R<Value> {
        match (&a, &b) {
            (Value::Num(x), Value::Num(y)) => x.sub(y).map(Value::Num).map_err(num_err),
            (Value::Str(_) | Value::GString(_), Value::Pattern(p)) => {
                let s = to_display(&a);
                let out = super::methods::regex_replace_first(self, &s, p, "")?;
                Ok(Value::string(out))
            }
            (Value::Str(_) | Value::GString(_), _) => {
                let s = to_display(&a);
                let t = to_display(&b);
                Ok(Value::string(s.replacen(&t, "", 1)))
            }
            (Value::List(_) | Value::Range(_), _) => {
                let items = self.iterate(&a, Span::default())?;
                let remove = match &b {
                    Value::List(_) | Value::Set(_) | Value::Range(_) => {
                        self.iterate(&b, Span::default())?
                    }
                    _ => vec![b.clone()],
                };
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    let mut found = false;
                    for r in &remove {
                        if groovy_equals(self, &x, r)? {
                            found = true;
                            break;
                        }
                    }
                    if !found {
                        out.push(x);
                    }
                }
                Ok(Value::list(out))
            }
            (Value::Set(s), _) => {
                let remove = match &b {
                    Value::List(_) | Value::Set(_) | Value::Range(_) => {
                        self.iterate(&b, Span::default())?
                    }
                    _ => vec![b.clone()],
                };
                let mut out = IndexSet::new();
                for x in s.snapshot() {
                    let mut found = false;
                    for r in &remove {
                        if groovy_equals(self, &x, r)? {
                            found = true;
                            break;
                        }
                    }
                    if !found {
                        out.insert(HKey(x));
                    }
                }
                Ok(Value::set(out, s.kind))
            }
            (Value::Map(m), Value::Map(n)) => {
                let mut out = IndexMap::new();
                for (k, v) in m.snapshot() {
                    let drop = match n.get(&k) {
                        Some(w) => groovy_equals(self, &v, &w)?,
                        None => false,
                    };
                    if !drop {
                        out.insert(HKey(k), v);
                    }
                }
                Ok(map_like(m.kind, out))
            }
            _ => self.arith(a, b, "minus", Num::sub),
        }
    }

    fn multiply(&self, a: Value, b: Value) -> R<Value> {
        match (&a, &b) {
            (Value::Num(x), Value::Num(y)) => x.mul(y).map(Value::Num).map_err(num_err),
            (Value::Str(_) | Value::GString(_), Value::Num(n)) => {
                let k = n.to_i64();
                if k < 0 {
                    return throw(
                        "java.lang.IllegalArgumentException",
                        format!(
                            "multiply() should be called with a number of 0 or greater not: {k}"
                        ),
                    );
                }
                let s = to_display(&a);
                if (s.len() as u64).saturating_mul(k as u64) > super::value::MAX_STRING as u64 {
                    return throw("java.lang.OutOfMemoryError", "Java heap space");
                }
                Ok(Value::string(s.repeat(k as usize)))
            }
            (Value::List(l), Value::Num(n)) => {
                let k = n.to_i64().max(0) as usize;
                let items = l.snapshot();
                if items.len().saturating_mul(k) > super::value::MAX_MATERIALISED {
                    return throw("java.lang.OutOfMemoryError", "Java heap space");
                }
                let mut out = Vec::with_capacity(items.len() * k);
                for _ in 0..k {
                    out.extend(items.iter().cloned());
                }
                Ok(Value::list(out))
            }
            _ => self.arith(a, b, "multiply", Num::mul),
        }
    }

    fn left_shift(&self, a: Value, b: Value) -> R<Value> {
        match &a {
            Value::List(l) => {
                if l.is_array() || l.kind == super::value::ListKind::Immutable {
                    return Err(crate::eval::error::exception(
                        "java.lang.UnsupportedOperationException",
                        None,
                    ));
                }
                l.items.lock().push(b);
                Ok(a.clone())
            }
            Value::Set(s) => {
                s.insert(b);
                Ok(a.clone())
            }
            Value::Map(m) => {
                match &b {
                    Value::Map(n) => {
                        for (k, v) in n.snapshot() {
                            m.insert(k, v);
                        }
                    }
                    Value::MapEntry(e) => {
                        m.insert(e.key.clone(), e.value());
                    }
                    _ => return Err(super::call::missing_method(&a, "leftShift", &[b])),
                }
                Ok(a.clone())
            }
            Value::Builder(sb) => {
                sb.lock().push_str(&to_display(&b));
                Ok(a.clone())
            }
            Value::Str(_) | Value::GString(_) => {
                let s = format!("{}{}", to_display(&a), to_display(&b));
                Ok(Value::builder(s, true))
            }
            Value::Closure(_) if matches!(b, Value::Closure(_)) => {
                Ok(Value::Closure(Arc::new(Closure::Composed {
                    first: b,
                    second: a.clone(),
                })))
            }
            _ => self.arith(a, b, "leftShift", Num::shl),
        }
    }

    /// `caseValue.isCase(subject)`: the test behind `switch`/`case` and `in`.
    pub fn is_case(&self, case: &Value, subject: &Value, span: Span) -> R<bool> {
        match case {
            Value::Null => Ok(subject.is_null()),
            Value::Class(c) => Ok(match &**c {
                ClassRef::User(info) => {
                    super::class::instance_of_name(subject, &info.name, Some(info))
                }
                other => super::class::instance_of_name(subject, &other.name(), None),
            }),
            Value::List(l) => {
                let items = l.snapshot();
                Ok(items.iter().any(|x| java_equals(x, subject)))
            }
            Value::Set(s) => Ok(s.set.lock().contains(&HKey(subject.clone()))),
            Value::Range(r) => self.range_contains(r, subject),
            Value::Pattern(p) => {
                if subject.is_null() {
                    return Ok(false);
                }
                p.full_match(&to_display(subject)).map_err(regex_err)
            }
            Value::Closure(c) => {
                let r = self.call_closure(c, vec![subject.clone()], span)?;
                self.truthy(&r)
            }
            Value::Str(_) | Value::GString(_) => Ok(match subject {
                Value::Null => false,
                Value::Str(_) | Value::GString(_) | Value::Char(_) => {
                    to_display(case) == to_display(subject)
                }
                _ => false,
            }),
            Value::Map(m) => Ok(m.get(subject).is_some_and(|v| v.truthy())),
            Value::Num(x) => Ok(match subject {
                Value::Num(y) => x.compare(y) == Ordering::Equal,
                _ => false,
            }),
            Value::Object(o) if o.class.has_method("isCase") => {
                let r = self.call_method(case, "isCase", vec![subject.clone()], span)?;
                Ok(r.truthy())
            }
            _ => Ok(java_equals(case, subject)),
        }
    }

    pub fn range_contains(&self, r: &RangeVal, v: &Value) -> R<bool> {
        match r {
            RangeVal::Int {
                from,
                to,
                exclusive_empty,
                ..
            } => {
                if *exclusive_empty {
                    return Ok(false);
                }
                // IntRange.contains is true only for integral values inside the bounds.
                Ok(match v {
                    Value::Num(Num::Int(i)) => (*from..=*to).contains(&(*i as i64)),
                    Value::Num(Num::Long(i)) => (*from..=*to).contains(i),
                    Value::Num(n @ Num::BigInt(_)) => {
                        let lo = Num::Long(*from);
                        let hi = Num::Long(*to);
                        n.compare(&lo) != Ordering::Less && n.compare(&hi) != Ordering::Greater
                    }
                    _ => false,
                })
            }
            RangeVal::Object { items, .. } => {
                for x in items {
                    if groovy_equals(self, x, v)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

fn map_like(kind: MapKind, m: IndexMap<HKey, Value>) -> Value {
    let v = Value::map(m);
    if kind == MapKind::Tree {
        if let Value::Map(mm) = &v {
            let mut g = mm.map.lock();
            g.sort_by(|a, _, b, _| compare_for_sort(&a.0, &b.0));
        }
    }
    v
}

/// Groovy's `==`: numbers by value across types, strings and GStrings by content,
/// collections element by element, otherwise `equals`.
pub fn groovy_equals(interp: &Interp, a: &Value, b: &Value) -> R<bool> {
    super::value::nested(|| groovy_equals_inner(interp, a, b))
        .unwrap_or_else(|| Err(exception("java.lang.StackOverflowError", None)))
}

fn groovy_equals_inner(interp: &Interp, a: &Value, b: &Value) -> R<bool> {
    Ok(match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Num(x), Value::Num(y)) => x.compare(y) == Ordering::Equal,
        (Value::Char(c), Value::Num(n)) | (Value::Num(n), Value::Char(c)) => {
            Num::Int(*c as i32).compare(n) == Ordering::Equal
        }
        (
            Value::Str(_) | Value::GString(_) | Value::Char(_),
            Value::Str(_) | Value::GString(_) | Value::Char(_),
        ) => to_display(a) == to_display(b),
        (Value::Str(_) | Value::GString(_), Value::Builder(_))
        | (Value::Builder(_), Value::Str(_) | Value::GString(_)) => false,
        (Value::List(_) | Value::Range(_), Value::List(_) | Value::Range(_)) => {
            let xs = interp.iterate(a, Span::default())?;
            let ys = interp.iterate(b, Span::default())?;
            if xs.len() != ys.len() {
                return Ok(false);
            }
            for (x, y) in xs.iter().zip(ys.iter()) {
                if !groovy_equals(interp, x, y)? {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Set(x), Value::Set(y)) => {
            let (xs, ys) = (x.snapshot(), y.snapshot());
            if xs.len() != ys.len() {
                return Ok(false);
            }
            for v in &xs {
                let mut found = false;
                for w in &ys {
                    if groovy_equals(interp, v, w)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Map(x), Value::Map(y)) => {
            let (xm, ym) = (x.snapshot(), y.snapshot());
            if xm.len() != ym.len() {
                return Ok(false);
            }
            for (k, v) in &xm {
                match y.get(k) {
                    Some(w) => {
                        if !groovy_equals(interp, v, &w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            true
        }
        (Value::Object(o), _) if o.class.has_method("equals") => {
            let r = interp.call_method(a, "equals", vec![b.clone()], Span::default())?;
            r.truthy()
        }
        // Groovy's `==` on Comparables is `compareTo(...) == 0`.
        (Value::Object(o), Value::Object(p))
            if o.class.has_method("compareTo") && o.class.name == p.class.name =>
        {
            compare(interp, a, b)? == Ordering::Equal
        }
        (Value::Object(_), Value::Object(_)) => java_equals(a, b),
        _ => java_equals(a, b),
    })
}

/// Groovy's `compareTo` for `<`, `>`, `<=>` and sorting.
pub fn compare(interp: &Interp, a: &Value, b: &Value) -> R<Ordering> {
    match (a, b) {
        (Value::Null, Value::Null) => Ok(Ordering::Equal),
        (Value::Null, _) => Ok(Ordering::Less),
        (_, Value::Null) => Ok(Ordering::Greater),
        (Value::Num(x), Value::Num(y)) => Ok(x.compare(y)),
        (Value::Char(c), Value::Num(n)) => Ok(Num::Int(*c as i32).compare(n)),
        (Value::Num(n), Value::Char(c)) => Ok(n.compare(&Num::Int(*c as i32))),
        (
            Value::Str(_) | Value::GString(_) | Value::Char(_),
            Value::Str(_) | Value::GString(_) | Value::Char(_),
        ) => Ok(java_string_cmp(&to_display(a), &to_display(b))),
        (Value::Bool(x), Value::Bool(y)) => Ok(x.cmp(y)),
        (Value::Native(_), Value::Native(_))
            if super::methods::date::date_millis(a).is_some()
                && super::methods::date::date_millis(b).is_some() =>
        {
            Ok(super::methods::date::date_millis(a).cmp(&super::methods::date::date_millis(b)))
        }
        (Value::Object(o), Value::Object(p))
            if o.class.def.is_enum && o.class.name == p.class.name =>
        {
            let ord =
                |x: &super::value::Object| match x.fields.lock().get(super::value::ENUM_ORDINAL) {
                    Some(Value::Num(n)) => n.to_i64(),
                    _ => 0,
                };
            Ok(ord(o).cmp(&ord(p)))
        }
        (Value::Object(o), _) if o.class.has_method("compareTo") => {
            let r = interp.call_method(a, "compareTo", vec![b.clone()], Span::default())?;
            Ok(match r {
                Value::Num(n) => n.compare(&Num::Int(0)),
                _ => Ordering::Equal,
            })
        }
        (Value::Str(_) | Value::GString(_), Value::Num(_))
        | (Value::Num(_), Value::Str(_) | Value::GString(_)) => throw(
            "java.lang.ClassCastException",
            format!(
                "class {} cannot be cast to class {}",
                b.class_name(),
                a.class_name()
            ),
        ),
        _ => {
            if java_equals(a, b) {
                return Ok(Ordering::Equal);
            }
            throw(
                "groovy.lang.GroovyRuntimeException",
                format!(
                    "Cannot compare {} with value '{}' and {} with value '{}'",
                    a.class_name(),
                    to_display(a),
                    b.class_name(),
                    to_display(b)
                ),
            )
        }
    }
}

/// `String.compareTo`: by UTF-16 code units.
pub fn java_string_cmp(a: &str, b: &str) -> Ordering {
    super::jstr::compare_to(a, b).cmp(&0)
}

/// The comparator Groovy's `sort()`, `min()`, `max()` use when no comparator is given
/// (`NumberAwareComparator`): numbers by value, comparables by `compareTo`, otherwise by
/// hash code. Never fails.
pub fn compare_for_sort(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Num(x), Value::Num(y)) => x.compare(y),
        (
            Value::Str(_) | Value::GString(_) | Value::Char(_),
            Value::Str(_) | Value::GString(_) | Value::Char(_),
        ) => java_string_cmp(&to_display(a), &to_display(b)),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => java_hash(a).cmp(&java_hash(b)),
    }
}

/// Like [`compare_for_sort`], but script classes with `compareTo` are honoured.
pub fn compare_values(interp: &Interp, a: &Value, b: &Value) -> R<Ordering> {
    match (a, b) {
        (Value::Object(o), _) if o.class.has_method("compareTo") => compare(interp, a, b),
        (Value::List(_), Value::List(_)) | (Value::Map(_), Value::Map(_)) => compare(interp, a, b),
        _ => Ok(compare_for_sort(a, b)),
    }
}

/// `x.next()` (`x++`).
pub fn next(interp: &Interp, v: &Value) -> R<Value> {
    match v {
        Value::Num(n) => n.add(&Num::Int(1)).map(Value::Num).map_err(num_err),
        Value::Char(c) => Ok(Value::Char(char::from_u32(*c as u32 + 1).unwrap_or(*c))),
        Value::Str(_) | Value::GString(_) => {
            let s = to_display(v);
            Ok(Value::string(bump_last_char(&s, 1)))
        }
        Value::Null => super::error::npe("Cannot invoke method next() on null object"),
        other => interp.call_method(other, "next", Vec::new(), Span::default()),
    }
}

/// `x.previous()` (`x--`).
pub fn previous(interp: &Interp, v: &Value) -> R<Value> {
    match v {
        Value::Num(n) => n.sub(&Num::Int(1)).map(Value::Num).map_err(num_err),
        Value::Char(c) => Ok(Value::Char(
            char::from_u32((*c as u32).saturating_sub(1)).unwrap_or(*c),
        )),
        Value::Str(_) | Value::GString(_) => {
            let s = to_display(v);
            Ok(Value::string(bump_last_char(&s, -1)))
        }
        Value::Null => super::error::npe("Cannot invoke method previous() on null object"),
        other => interp.call_method(other, "previous", Vec::new(), Span::default()),
    }
}

/// Groovy's `String.next()`/`previous()`: the last character moves by one.
fn bump_last_char(s: &str, delta: i32) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    match chars.last_mut() {
        Some(c) => {
            let n = (*c as i64 + delta as i64).clamp(0, 0x10FFFF) as u32;
            *c = char::from_u32(n).unwrap_or(*c);
            chars.into_iter().collect()
        }
        None => {
            if delta > 0 {
                "\u{1}".to_string()
            } else {
                String::new()
            }
        }
    }
}

pub fn new_tree_set() -> Value {
    Value::set(IndexSet::new(), SetKind::Tree)
}
