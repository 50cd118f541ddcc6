//! Runtime values with Groovy's types and Java's reference semantics.
//!
//! Containers are shared, mutable and thread-safe (`Arc<Mutex<…>>`): `parallel` branches run
//! on their own threads and share the variables they capture, as in Jenkins. Invariant: no
//! lock is ever held while user code runs (iteration works on a snapshot), so a closure that
//! mutates the list it iterates cannot deadlock.

use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use indexmap::{IndexMap, IndexSet};
use parking_lot::Mutex;

use super::num::Num;
use super::regex::JavaRegex;
use crate::syntax::ast::{ClosureDef, MethodDef};

use super::scope::Scope;

#[derive(Clone, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Num(Num),
    /// `java.lang.String`.
    Str(Arc<str>),
    /// `groovy.lang.GString`: rendered lazily from its parts, so mutating an interpolated
    /// list changes the string, as in Groovy.
    GString(Arc<GStr>),
    /// `java.lang.Character` (from `'a' as char`, `s.charAt(0)`, `toCharArray()`).
    Char(char),
    List(Arc<ListObj>),
    Map(Arc<MapObj>),
    Set(Arc<SetObj>),
    Range(Arc<RangeVal>),
    Closure(Arc<Closure>),
    MapEntry(Arc<EntryObj>),
    Pattern(Arc<JavaRegex>),
    Matcher(Arc<Mutex<super::regex::MatcherState>>),
    /// A class used as a value: `String`, `Integer.MAX_VALUE`'s receiver, `e.class`.
    Class(Arc<ClassRef>),
    /// An instance of a script-defined class.
    Object(Arc<Object>),
    Exception(Arc<ExceptionObj>),
    /// `java.lang.StringBuilder` / `StringBuffer`.
    Builder(Arc<BuilderObj>),
    /// Host-provided objects (Jenkins' `env`, `currentBuild`, `docker`, dates…).
    Native(Arc<dyn NativeObject>),
}

/// An object implemented in Rust and handed to scripts by the host (steps, globals).
pub trait NativeObject: Send + Sync {
    /// The Java class name Groovy would report (`java.util.Date`, `org.jenkinsci…EnvActionImpl`).
    fn class_name(&self) -> String;
    fn get_property(
        &self,
        interp: &super::interp::Interp,
        name: &str,
    ) -> Option<super::error::R<Value>> {
        let _ = (interp, name);
        None
    }
    fn set_property(
        &self,
        interp: &super::interp::Interp,
        name: &str,
        value: Value,
    ) -> Option<super::error::R<()>> {
        let _ = (interp, name, value);
        None
    }
    fn call_method(
        &self,
        interp: &super::interp::Interp,
        name: &str,
        args: &[Value],
    ) -> Option<super::error::R<Value>> {
        let _ = (interp, name, args);
        None
    }
    fn to_string(&self) -> String {
        self.class_name()
    }
    /// Identity for `equals`/`hashCode` (defaults to the allocation).
    fn as_any(&self) -> &dyn std::any::Any;
}

#[derive(Clone)]
pub struct GStr {
    /// Literal text around the values: `strings.len() == values.len() + 1`.
    pub strings: Vec<Arc<str>>,
    pub values: Vec<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// `java.util.ArrayList` (list literals, most results).
    ArrayList,
    /// `java.util.LinkedList`.
    LinkedList,
    /// A Java array (`String[]` from `split`, `char[]` from `toCharArray`…); prints like a
    /// list, has `length`, cannot grow.
    Array(&'static str),
    /// `Collections.unmodifiableList`/`asImmutable`.
    Immutable,
}

pub struct ListObj {
    pub kind: ListKind,
    pub items: Mutex<Vec<Value>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapKind {
    /// `java.util.LinkedHashMap` (map literals).
    Linked,
    /// `java.util.HashMap` (iteration order kept as insertion order here).
    Hash,
    /// `java.util.TreeMap` (kept sorted by key).
    Tree,
    /// `groovy.json.internal.LazyMap` (from JsonSlurper).
    JsonLazy,
    Immutable,
}

pub struct MapObj {
    pub kind: MapKind,
    pub map: Mutex<IndexMap<HKey, Value>>,
    /// `withDefault { k -> … }`.
    pub default: Mutex<Option<Value>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetKind {
    LinkedHash,
    Hash,
    Tree,
}

pub struct SetObj {
    pub kind: SetKind,
    pub set: Mutex<IndexSet<HKey>>,
}

/// `groovy.lang.IntRange` or `ObjectRange` (chars/strings).
#[derive(Clone)]
pub enum RangeVal {
    /// `from..to` with `from <= to` after normalisation; `reverse` when written descending.
    Int {
        from: i64,
        to: i64,
        reverse: bool,
        /// The bounds as written (for `toString()`/`inspect()` of exclusive ranges).
        exclusive_empty: bool,
        long: bool,
    },
    /// Character ranges `'a'..'e'` and other comparable ranges, materialised.
    Object {
        from: Value,
        to: Value,
        items: Vec<Value>,
        reverse: bool,
    },
}

/// A closure value.
pub enum Closure {
    /// A closure literal, with the scope it captured and the `this` of where it was written.
    Code {
        def: Arc<ClosureDef>,
        scope: Arc<Scope>,
        this: ThisRef,
        /// `delegate` (Groovy's owner/delegate mechanism, used by DSL-style blocks).
        delegate: Mutex<Value>,
        /// `resolveStrategy`: 0 OWNER_FIRST, 1 DELEGATE_FIRST, 2 OWNER_ONLY, 3 DELEGATE_ONLY.
        strategy: std::sync::atomic::AtomicU8,
        /// The enclosing closure, when it was created inside one (Groovy's `owner`).
        owner: Option<Arc<Closure>>,
    },
    /// `obj.&name` or a script method referenced as a closure.
    MethodRef { receiver: Value, name: String },
    /// A script method used by name as a closure (`this.&f`), or a class method.
    Method {
        method: Arc<MethodDef>,
        this: ThisRef,
    },
    /// `c.curry(…)`, `c.rcurry(…)`, `c.ncurry(n, …)`.
    Curried {
        inner: Arc<Closure>,
        left: Vec<Value>,
        right: Vec<Value>,
        index: Option<(usize, Vec<Value>)>,
    },
    /// `c1 >> c2` / `c2 << c1`.
    Composed { first: Value, second: Value },
    /// A closure implemented in Rust (e.g. `withDefault` helpers, host callbacks).
    Native {
        name: String,
        arity: Option<usize>,
        #[allow(clippy::type_complexity)]
        f: Box<dyn Fn(&super::interp::Interp, Vec<Value>) -> super::error::R<Value> + Send + Sync>,
    },
}

/// What `this` means inside code: the script, or an instance of a script-defined class.
#[derive(Clone)]
pub enum ThisRef {
    Script,
    Object(Arc<Object>),
    /// A static method of a script class.
    Static(Arc<super::class::ClassInfo>),
}

/// A class as a runtime value.
#[derive(Clone)]
pub enum ClassRef {
    /// A JDK/Groovy class known to the runtime, by fully-qualified name.
    Builtin(&'static str),
    /// A class defined in the script.
    User(Arc<super::class::ClassInfo>),
    /// A class name we know only by name (e.g. from an import), enough for `instanceof` and
    /// error messages.
    Named(Arc<str>),
}

/// An instance of a script-defined class.
pub struct Object {
    pub class: Arc<super::class::ClassInfo>,
    pub fields: Mutex<IndexMap<String, Value>>,
}

/// A Java exception (`java.lang.RuntimeException`, `groovy.lang.MissingMethodException`…)
/// or an instance of a script class extending one.
pub struct ExceptionObj {
    /// Fully-qualified class name (or the script class's name).
    pub class: Arc<str>,
    pub message: Option<String>,
    pub cause: Option<Value>,
    /// Set when the exception is an instance of a script-defined class.
    pub object: Option<Arc<Object>>,
}

/// A `StringBuilder` or `StringBuffer`.
pub struct BuilderObj {
    /// `true` for `java.lang.StringBuffer` (what `'a' << 'b'` makes).
    pub buffer: bool,
    text: Mutex<String>,
}

impl BuilderObj {
    pub fn lock(&self) -> parking_lot::MutexGuard<'_, String> {
        self.text.lock()
    }
}

/// A `Map.Entry`; entries from `entrySet()`/`each` write through to their map.
pub struct EntryObj {
    pub key: Value,
    pub value: Mutex<Value>,
    pub owner: Option<Arc<MapObj>>,
}

impl EntryObj {
    pub fn value(&self) -> Value {
        self.value.lock().clone()
    }

    /// `entry.value = v` / `setValue(v)`: returns the old value.
    pub fn set_value(&self, v: Value) -> Value {
        if let Some(m) = &self.owner {
            m.insert(self.key.clone(), v.clone());
        }
        std::mem::replace(&mut *self.value.lock(), v)
    }
}

/// A hashable map/set key with Java `equals`/`hashCode` semantics: `1` and `1L` are
/// different keys, and so are `'a'` and `"${'a'}"` (Groovy's subscript operators convert
/// GString keys to String before they get here).
#[derive(Clone)]
pub struct HKey(pub Value);

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Arc::from(s))
    }

    pub fn int(i: i32) -> Value {
        Value::Num(Num::Int(i))
    }

    pub fn long(i: i64) -> Value {
        Value::Num(Num::Long(i))
    }

    /// An Integer when the value fits, else a Long (sizes, counts and indexes).
    pub fn int_or_long(i: i64) -> Value {
        match i32::try_from(i) {
            Ok(v) => Value::int(v),
            Err(_) => Value::long(i),
        }
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(ListObj {
            kind: ListKind::ArrayList,
            items: Mutex::new(items),
        }))
    }

    pub fn array(elem: &'static str, items: Vec<Value>) -> Value {
        Value::List(Arc::new(ListObj {
            kind: ListKind::Array(elem),
            items: Mutex::new(items),
        }))
    }

    pub fn map(map: IndexMap<HKey, Value>) -> Value {
        Value::Map(Arc::new(MapObj {
            kind: MapKind::Linked,
            map: Mutex::new(map),
            default: Mutex::new(None),
        }))
    }

    pub fn new_map_of_kind(kind: MapKind) -> Value {
        Value::Map(Arc::new(MapObj {
            kind,
            map: Mutex::new(IndexMap::new()),
            default: Mutex::new(None),
        }))
    }

    pub fn set(items: IndexSet<HKey>, kind: SetKind) -> Value {
        Value::Set(Arc::new(SetObj {
            kind,
            set: Mutex::new(items),
        }))
    }

    pub fn builder(text: String, buffer: bool) -> Value {
        Value::Builder(Arc::new(BuilderObj {
            buffer,
            text: Mutex::new(text),
        }))
    }

    /// A map entry, writing through to `owner` when it has one.
    pub fn entry(key: Value, value: Value, owner: Option<Arc<MapObj>>) -> Value {
        Value::MapEntry(Arc::new(EntryObj {
            key,
            value: Mutex::new(value),
            owner,
        }))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// `true` for `String` and `GString`.
    pub fn is_stringy(&self) -> bool {
        matches!(self, Value::Str(_) | Value::GString(_))
    }

    /// The string of a `String`/`GString` value, without conversion of other types.
    pub fn as_str_like(&self) -> Option<Arc<str>> {
        match self {
            Value::Str(s) => Some(s.clone()),
            Value::GString(g) => Some(Arc::from(g.render())),
            _ => None,
        }
    }

    /// The fully-qualified Java class name of the value.
    pub fn class_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "java.lang.Boolean".into(),
            Value::Num(n) => n.class_name().into(),
            Value::Str(_) => "java.lang.String".into(),
            Value::GString(_) => "org.codehaus.groovy.runtime.GStringImpl".into(),
            Value::Char(_) => "java.lang.Character".into(),
            Value::List(l) => match l.kind {
                ListKind::ArrayList => "java.util.ArrayList".into(),
                ListKind::LinkedList => "java.util.LinkedList".into(),
                ListKind::Immutable => "java.util.Collections$UnmodifiableRandomAccessList".into(),
                ListKind::Array(elem) => array_class_name(elem),
            },
            Value::Map(m) => match m.kind {
                MapKind::Linked => "java.util.LinkedHashMap".into(),
                MapKind::Hash => "java.util.HashMap".into(),
                MapKind::Tree => "java.util.TreeMap".into(),
                MapKind::JsonLazy => "groovy.json.internal.LazyMap".into(),
                MapKind::Immutable => "java.util.Collections$UnmodifiableMap".into(),
            },
            Value::Set(s) => match s.kind {
                SetKind::LinkedHash => "java.util.LinkedHashSet".into(),
                SetKind::Hash => "java.util.HashSet".into(),
                SetKind::Tree => "java.util.TreeSet".into(),
            },
            Value::Range(r) => match **r {
                RangeVal::Int { .. } => "groovy.lang.IntRange".into(),
                RangeVal::Object { .. } => "groovy.lang.ObjectRange".into(),
            },
            Value::Closure(_) => "groovy.lang.Closure".into(),
            Value::MapEntry(_) => "java.util.LinkedHashMap$Entry".into(),
            Value::Pattern(_) => "java.util.regex.Pattern".into(),
            Value::Matcher(_) => "java.util.regex.Matcher".into(),
            Value::Class(_) => "java.lang.Class".into(),
            Value::Object(o) => o.class.name.clone(),
            Value::Exception(e) => e.class.to_string(),
            Value::Builder(b) if b.buffer => "java.lang.StringBuffer".into(),
            Value::Builder(_) => "java.lang.StringBuilder".into(),
            Value::Native(n) => n.class_name(),
        }
    }

    /// `getClass().getSimpleName()`.
    pub fn simple_class_name(&self) -> String {
        match self {
            Value::List(l) if matches!(l.kind, ListKind::Array(_)) => {
                array_simple_name(&self.class_name()).unwrap_or_default()
            }
            _ => simple_name(&self.class_name()).to_string(),
        }
    }

    /// Groovy truth.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Num(n) => !n.is_zero(),
            Value::Str(s) => !s.is_empty(),
            Value::GString(g) => !g.render().is_empty(),
            Value::Char(c) => *c != '\0',
            Value::List(l) => !l.items.lock().is_empty(),
            Value::Map(m) => !m.map.lock().is_empty(),
            Value::Set(s) => !s.set.lock().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Builder(b) => !b.lock().is_empty(),
            Value::Matcher(m) => m.lock().as_boolean().unwrap_or(false),
            Value::Native(n) => n
                .as_any()
                .downcast_ref::<super::methods::collection::IteratorObj>()
                .is_none_or(super::methods::collection::IteratorObj::has_next),
            _ => true,
        }
    }

    /// Identity comparison (`is`), Java's `==` on references.
    pub fn same_ref(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::List(a), Value::List(b)) => Arc::ptr_eq(a, b),
            (Value::Map(a), Value::Map(b)) => Arc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Arc::ptr_eq(a, b),
            (Value::Closure(a), Value::Closure(b)) => Arc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Arc::ptr_eq(a, b),
            (Value::Exception(a), Value::Exception(b)) => Arc::ptr_eq(a, b),
            (Value::Builder(a), Value::Builder(b)) => Arc::ptr_eq(a, b),
            (Value::Native(a), Value::Native(b)) => Arc::ptr_eq(a, b),
            (Value::Str(a), Value::Str(b)) => Arc::ptr_eq(a, b),
            _ => java_equals(self, other),
        }
    }
}

const PRIMITIVE_CODES: &[(&str, &str)] = &[
    ("byte", "B"),
    ("char", "C"),
    ("int", "I"),
    ("long", "J"),
    ("short", "S"),
    ("boolean", "Z"),
    ("float", "F"),
    ("double", "D"),
];

/// Java's name of an array class: `[Ljava.lang.String;`, `[B`.
pub fn array_class_name(elem: &str) -> String {
    match PRIMITIVE_CODES.iter().find(|(p, _)| *p == elem) {
        Some((_, code)) => format!("[{code}"),
        None => format!("[L{elem};"),
    }
}

/// `String[]` for `[Ljava.lang.String;`, `byte[]` for `[B`; `None` for non-array classes.
pub fn array_simple_name(class_name: &str) -> Option<String> {
    if let Some(elem) = class_name
        .strip_prefix("[L")
        .and_then(|n| n.strip_suffix(';'))
    {
        return Some(format!("{}[]", simple_name(elem)));
    }
    let code = class_name.strip_prefix('[')?;
    PRIMITIVE_CODES
        .iter()
        .find(|(_, c)| *c == code)
        .map(|(p, _)| format!("{p}[]"))
}

/// The part of a Java class name after the last `.` (and `$`).
pub fn simple_name(name: &str) -> &str {
    let tail = name.rsplit('.').next().unwrap_or(name);
    tail.rsplit('$').next().unwrap_or(tail)
}

impl GStr {
    /// `toString()` of the GString.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.strings.iter().enumerate() {
            out.push_str(s);
            if let Some(v) = self.values.get(i) {
                match v {
                    Value::Closure(c) if super::interp::closure_arity(c) == Some(0) => {
                        let r = super::interp::with_current(|interp| {
                            interp.call_closure(c, Vec::new(), crate::syntax::Span::default())
                        });
                        match r {
                            Some(Ok(x)) => out.push_str(&to_display(&x)),
                            _ => out.push_str(&to_display(v)),
                        }
                    }
                    _ => out.push_str(&to_display(v)),
                }
            }
        }
        out
    }
}

impl ListObj {
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().clone()
    }

    pub fn len(&self) -> usize {
        self.items.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The order in which Java's `HashMap`/`HashSet` iterate these keys (given in insertion
/// order): by bucket of the spread hash code, insertion order within a bucket, with the
/// table grown from 16 by doubling as elements were added.
pub fn java_hash_order(keys: &[&Value]) -> Vec<usize> {
    let mut cap = 16usize;
    while keys.len() > cap / 4 * 3 {
        cap *= 2;
    }
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    idx.sort_by_key(|&i| {
        let h = java_hash(keys[i]) as u32;
        ((h ^ (h >> 16)) as usize) & (cap - 1)
    });
    idx
}

impl MapObj {
    pub fn snapshot(&self) -> Vec<(Value, Value)> {
        let m = self.map.lock();
        let entries: Vec<(Value, Value)> =
            m.iter().map(|(k, v)| (k.0.clone(), v.clone())).collect();
        drop(m);
        if self.kind != MapKind::Hash {
            return entries;
        }
        let keys: Vec<&Value> = entries.iter().map(|(k, _)| k).collect();
        java_hash_order(&keys)
            .into_iter()
            .map(|i| entries[i].clone())
            .collect()
    }

    pub fn get(&self, key: &Value) -> Option<Value> {
        self.map.lock().get(&HKey(key.clone())).cloned()
    }

    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.get(&Value::str(key))
    }

    pub fn insert(&self, key: Value, value: Value) -> Option<Value> {
        let mut m = self.map.lock();
        let old = m.insert(HKey(key), value);
        if self.kind == MapKind::Tree {
            m.sort_by(|a, _, b, _| super::ops::compare_for_sort(&a.0, &b.0));
        }
        old
    }

    pub fn len(&self) -> usize {
        self.map.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl SetObj {
    pub fn snapshot(&self) -> Vec<Value> {
        let items: Vec<Value> = self.set.lock().iter().map(|k| k.0.clone()).collect();
        if self.kind != SetKind::Hash {
            return items;
        }
        let keys: Vec<&Value> = items.iter().collect();
        java_hash_order(&keys)
            .into_iter()
            .map(|i| items[i].clone())
            .collect()
    }

    pub fn insert(&self, v: Value) -> bool {
        let mut s = self.set.lock();
        let added = s.insert(HKey(v));
        if added && self.kind == SetKind::Tree {
            s.sort_by(|a, b| super::ops::compare_for_sort(&a.0, &b.0));
        }
        added
    }
}

impl RangeVal {
    pub fn len(&self) -> usize {
        match self {
            RangeVal::Int {
                from,
                to,
                exclusive_empty,
                ..
            } => {
                if *exclusive_empty {
                    0
                } else {
                    usize::try_from(to - from + 1).unwrap_or(0)
                }
            }
            RangeVal::Object { items, .. } => items.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The element at position `i` (0-based, in iteration order).
    pub fn get(&self, i: usize) -> Option<Value> {
        match self {
            RangeVal::Int {
                from,
                to,
                reverse,
                long,
                ..
            } => {
                if i >= self.len() {
                    return None;
                }
                let v = if *reverse {
                    to - i as i64
                } else {
                    from + i as i64
                };
                Some(if *long {
                    Value::long(v)
                } else {
                    Value::int_or_long(v)
                })
            }
            RangeVal::Object { items, reverse, .. } => {
                if *reverse {
                    items
                        .len()
                        .checked_sub(i + 1)
                        .and_then(|j| items.get(j).cloned())
                } else {
                    items.get(i).cloned()
                }
            }
        }
    }

    /// The elements as a list. Callers that may see huge ranges iterate lazily instead
    /// (`Interp::for_each_item`); this caps materialisation so a script cannot exhaust memory.
    pub fn to_vec(&self) -> Vec<Value> {
        (0..self.len().min(MAX_MATERIALISED))
            .filter_map(|i| self.get(i))
            .collect()
    }

    /// `from` and `to` as Groovy reports them (`getFrom()`/`getTo()`).
    pub fn bounds(&self) -> (Value, Value) {
        match self {
            RangeVal::Int { from, to, long, .. } => {
                let mk = |v: i64| {
                    if *long {
                        Value::long(v)
                    } else {
                        Value::int_or_long(v)
                    }
                };
                (mk(*from), mk(*to))
            }
            RangeVal::Object { from, to, .. } => (from.clone(), to.clone()),
        }
    }
}

/// `toString()` as `println`, GString interpolation and string concatenation render a value
/// (Groovy's `InvokerHelper.toString`).
pub fn to_display(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v, false, 0);
    out
}

/// `inspect()`: like [`to_display`] but strings are quoted.
pub fn to_inspect(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v, true, 0);
    out
}

const MAX_RENDER_DEPTH: usize = 64;

/// The most elements a range is turned into at once.
pub const MAX_MATERIALISED: usize = 10_000_000;

/// The longest string built by repetition or padding (characters); longer requests throw
/// `OutOfMemoryError` instead of exhausting the machine.
pub const MAX_STRING: usize = 1 << 28;

fn write_value(out: &mut String, v: &Value, verbose: bool, depth: usize) {
    if depth > MAX_RENDER_DEPTH {
        out.push_str("...");
        return;
    }
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Num(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Str(s) => {
            if verbose {
                out.push_str(&inspect_string(s));
            } else {
                out.push_str(s);
            }
        }
        // GString.inspect() is its text, unquoted (only String quotes itself).
        Value::GString(g) => out.push_str(&g.render()),
        Value::Char(c) => out.push(*c),
        Value::List(l) => {
            let items = l.snapshot();
            write_seq(out, v, &items, verbose, depth);
        }
        Value::Set(s) => {
            let items = s.snapshot();
            write_seq(out, v, &items, verbose, depth);
        }
        Value::Range(r) => {
            if verbose {
                out.push_str(&range_to_string(r, true));
            } else {
                let items = r.to_vec();
                write_seq(out, v, &items, verbose, depth);
            }
        }
        Value::Map(m) => {
            let entries = m.snapshot();
            if entries.is_empty() {
                out.push_str("[:]");
                return;
            }
            out.push('[');
            for (i, (k, val)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if is_self(v, k) {
                    out.push_str("(this Map)");
                } else {
                    write_value(out, k, verbose, depth + 1);
                }
                out.push(':');
                if is_self(v, val) {
                    out.push_str("(this Map)");
                } else {
                    write_value(out, val, verbose, depth + 1);
                }
            }
            out.push(']');
        }
        Value::MapEntry(e) => {
            write_value(out, &e.key, verbose, depth + 1);
            out.push('=');
            write_value(out, &e.value(), verbose, depth + 1);
        }
        Value::Closure(c) => out.push_str(&closure_to_string(c)),
        Value::Pattern(p) => out.push_str(p.pattern()),
        Value::Matcher(m) => out.push_str(&m.lock().to_java_string()),
        Value::Class(c) => {
            let _ = write!(out, "{} {}", c.kind_word(), c.name());
        }
        Value::Object(o) => out.push_str(&object_to_string(v, o, depth)),
        Value::Exception(e) => out.push_str(&exception_to_string(e)),
        Value::Builder(b) => out.push_str(&b.lock()),
        Value::Native(n) => out.push_str(&n.to_string()),
    }
}

/// `toString()` of a script-class instance: its own `toString()`, `@ToString`'s rendering,
/// or Java's `Class@hash`.
fn object_to_string(v: &Value, o: &Arc<Object>, depth: usize) -> String {
    if o.class.def.is_enum && !o.class.has_method("toString") {
        if let Some(n) = o.fields.lock().get(ENUM_NAME) {
            return to_display(n);
        }
    }
    if o.class.has_method("toString") {
        let r = super::interp::with_current(|interp| {
            interp.call_method(v, "toString", Vec::new(), crate::syntax::Span::default())
        });
        if let Some(Ok(s)) = r {
            return to_display(&s);
        }
    }
    if o.class.transform("ToString") {
        let names = o.class.annotation_flag("ToString", "includeNames");
        let fields = o.fields.lock().clone();
        let mut parts = Vec::new();
        for f in o.class.instance_fields() {
            let val = fields.get(&f).cloned().unwrap_or(Value::Null);
            let mut s = String::new();
            write_value(&mut s, &val, false, depth + 1);
            parts.push(if names { format!("{f}:{s}") } else { s });
        }
        return format!("{}({})", simple_name(&o.class.name), parts.join(", "));
    }
    format!("{}@{:x}", o.class.name, Arc::as_ptr(o) as usize & 0xffffff)
}

/// Java `equals` of two script-class instances: their `equals()`, `@EqualsAndHashCode`'s
/// field comparison, or identity.
fn object_equals(a: &Value, b: &Value) -> bool {
    let (Value::Object(x), Value::Object(y)) = (a, b) else {
        return a.same_ref(b);
    };
    if Arc::ptr_eq(x, y) {
        return true;
    }
    if x.class.has_method("equals") {
        let r = super::interp::with_current(|interp| {
            interp.call_method(a, "equals", vec![b.clone()], crate::syntax::Span::default())
        });
        return matches!(r, Some(Ok(v)) if v.truthy());
    }
    if x.class.transform("EqualsAndHashCode") && x.class.name == y.class.name {
        let (fx, fy) = (x.fields.lock().clone(), y.fields.lock().clone());
        return x.class.instance_fields().iter().all(|f| {
            java_equals(
                fx.get(f).unwrap_or(&Value::Null),
                fy.get(f).unwrap_or(&Value::Null),
            )
        });
    }
    false
}

fn object_hash(v: &Value, o: &Arc<Object>) -> i32 {
    if o.class.has_method("hashCode") {
        let r = super::interp::with_current(|interp| {
            interp.call_method(v, "hashCode", Vec::new(), crate::syntax::Span::default())
        });
        if let Some(Ok(Value::Num(n))) = r {
            return n.to_i32();
        }
    }
    if o.class.transform("EqualsAndHashCode") {
        let fields = o.fields.lock().clone();
        return o.class.instance_fields().iter().fold(17i32, |h, f| {
            h.wrapping_mul(31)
                .wrapping_add(java_hash(fields.get(f).unwrap_or(&Value::Null)))
        });
    }
    (Arc::as_ptr(o) as usize as u64 >> 4) as i32
}

fn write_seq(out: &mut String, whole: &Value, items: &[Value], verbose: bool, depth: usize) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if is_self(whole, item) {
            out.push_str("(this Collection)");
        } else {
            write_value(out, item, verbose, depth + 1);
        }
    }
    out.push(']');
}

fn is_self(whole: &Value, item: &Value) -> bool {
    match (whole, item) {
        (Value::List(a), Value::List(b)) => Arc::ptr_eq(a, b),
        (Value::Map(a), Value::Map(b)) => Arc::ptr_eq(a, b),
        (Value::Set(a), Value::Set(b)) => Arc::ptr_eq(a, b),
        _ => false,
    }
}

/// `IntRange.toString()` (`1..3`, `1..<3` for an empty exclusive range) or `inspect()`.
pub fn range_to_string(r: &RangeVal, verbose: bool) -> String {
    match r {
        RangeVal::Int {
            from,
            to,
            reverse,
            exclusive_empty,
            ..
        } => {
            if *exclusive_empty {
                format!("{from}..<{from}")
            } else if *reverse {
                format!("{to}..{from}")
            } else {
                format!("{from}..{to}")
            }
        }
        RangeVal::Object {
            from, to, reverse, ..
        } => {
            let (a, b) = if *reverse { (to, from) } else { (from, to) };
            if verbose {
                format!("{}..{}", to_inspect(a), to_inspect(b))
            } else {
                format!("{}..{}", to_display(a), to_display(b))
            }
        }
    }
}

fn closure_to_string(c: &Closure) -> String {
    match c {
        Closure::MethodRef { name, .. } => {
            format!("org.codehaus.groovy.runtime.MethodClosure@{name}")
        }
        _ => format!(
            "Script1$_run_closure1@{:x}",
            std::ptr::addr_of!(*c) as usize & 0xffffff
        ),
    }
}

/// Hidden fields where a script-defined exception class keeps what `super(message, cause)`
/// gave it.
pub const EXC_MESSAGE: &str = "$message";
/// Hidden fields of an enum constant.
pub const ENUM_NAME: &str = "$name";
pub const ENUM_ORDINAL: &str = "$ordinal";
pub const EXC_CAUSE: &str = "$cause";

/// `getMessage()` of an exception.
pub fn exception_message(e: &ExceptionObj) -> Option<String> {
    if let Some(o) = &e.object {
        if let Some(v) = o.fields.lock().get(EXC_MESSAGE) {
            return if v.is_null() {
                None
            } else {
                Some(to_display(v))
            };
        }
    }
    e.message.clone()
}

/// `getCause()` of an exception.
pub fn exception_cause(e: &ExceptionObj) -> Option<Value> {
    if let Some(o) = &e.object {
        if let Some(v) = o.fields.lock().get(EXC_CAUSE) {
            return if v.is_null() { None } else { Some(v.clone()) };
        }
    }
    e.cause.clone()
}

/// `Throwable.toString()`: `class: message`, or just the class when there is no message.
pub fn exception_to_string(e: &ExceptionObj) -> String {
    match exception_message(e) {
        Some(m) => format!("{}: {}", e.class, m),
        None => e.class.to_string(),
    }
}

/// Groovy's `String.inspect()`: single-quoted with `\\`, `'` and control characters escaped.
pub fn inspect_string(s: &str) -> String {
    super::jstr::inspect(s)
}

impl ClassRef {
    pub fn name(&self) -> String {
        match self {
            ClassRef::Builtin(n) => (*n).to_string(),
            ClassRef::User(c) => c.name.clone(),
            ClassRef::Named(n) => n.to_string(),
        }
    }

    pub fn simple_name(&self) -> String {
        let name = self.name();
        array_simple_name(&name).unwrap_or_else(|| simple_name(&name).to_string())
    }

    fn kind_word(&self) -> &'static str {
        match self {
            ClassRef::Builtin(n) if super::class::is_interface(n) => "interface",
            _ => "class",
        }
    }
}

thread_local! {
    static NESTING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How deep structural comparisons and hashes may recurse (a list that contains itself
/// would otherwise recurse forever; Java throws `StackOverflowError` there).
pub const MAX_NESTING: usize = 400;

/// Runs `f` one level deeper in a structural recursion, or returns `None` past the limit.
pub fn nested<T>(f: impl FnOnce() -> T) -> Option<T> {
    let d = NESTING.with(std::cell::Cell::get);
    if d >= MAX_NESTING {
        return None;
    }
    NESTING.with(|n| n.set(d + 1));
    let r = f();
    NESTING.with(|n| n.set(d));
    Some(r)
}

/// Java `equals` (not Groovy `==`): used for map keys, `contains`, `indexOf`, `unique`.
pub fn java_equals(a: &Value, b: &Value) -> bool {
    nested(|| java_equals_inner(a, b)).unwrap_or(false)
}

fn java_equals_inner(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Num(x), Value::Num(y)) => x.java_equals(y),
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::GString(x), Value::GString(y)) => x.render() == y.render(),
        (Value::Char(x), Value::Char(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            if Arc::ptr_eq(x, y) {
                return true;
            }
            let (xs, ys) = (x.snapshot(), y.snapshot());
            xs.len() == ys.len() && xs.iter().zip(ys.iter()).all(|(p, q)| java_equals(p, q))
        }
        (Value::Range(x), Value::Range(y)) => {
            let (xs, ys) = (x.to_vec(), y.to_vec());
            xs.len() == ys.len() && xs.iter().zip(ys.iter()).all(|(p, q)| java_equals(p, q))
        }
        (Value::List(x), Value::Range(y)) | (Value::Range(y), Value::List(x)) => {
            let (xs, ys) = (x.snapshot(), y.to_vec());
            xs.len() == ys.len() && xs.iter().zip(ys.iter()).all(|(p, q)| java_equals(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            if Arc::ptr_eq(x, y) {
                return true;
            }
            let (xm, ym) = (x.snapshot(), y.snapshot());
            xm.len() == ym.len()
                && xm
                    .iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| java_equals(v, &w)))
        }
        (Value::Set(x), Value::Set(y)) => {
            let (xs, ys) = (x.snapshot(), y.snapshot());
            xs.len() == ys.len() && {
                let yset = y.set.lock();
                xs.iter().all(|v| yset.contains(&HKey(v.clone())))
            }
        }
        (Value::MapEntry(x), Value::MapEntry(y)) => {
            java_equals(&x.key, &y.key) && java_equals(&x.value(), &y.value())
        }
        (Value::Class(x), Value::Class(y)) => x.name() == y.name(),
        (Value::Pattern(x), Value::Pattern(y)) => Arc::ptr_eq(x, y),
        (Value::Object(_), _) => object_equals(a, b),
        (Value::Exception(_), _) | (Value::Closure(_), _) => a.same_ref(b),
        (Value::Builder(x), Value::Builder(y)) => Arc::ptr_eq(x, y),
        (Value::Native(x), Value::Native(y)) => {
            Arc::ptr_eq(x, y)
                || matches!(
                    (super::methods::date::date_millis(a), super::methods::date::date_millis(b)),
                    (Some(p), Some(q)) if p == q
                )
        }
        _ => false,
    }
}

/// Java `hashCode`, consistent with [`java_equals`].
pub fn java_hash(v: &Value) -> i32 {
    nested(|| java_hash_inner(v)).unwrap_or(0)
}

fn java_hash_inner(v: &Value) -> i32 {
    match v {
        Value::Null => 0,
        Value::Bool(b) => {
            if *b {
                1231
            } else {
                1237
            }
        }
        Value::Num(n) => n.java_hash_code(),
        Value::Str(s) => string_hash(s),
        Value::GString(g) => string_hash(&g.render()),
        Value::Char(c) => *c as i32,
        Value::List(l) => list_hash(&l.snapshot()),
        Value::Range(r) => list_hash(&r.to_vec()),
        Value::Set(s) => s
            .snapshot()
            .iter()
            .fold(0i32, |h, v| h.wrapping_add(java_hash(v))),
        Value::Map(m) => m.snapshot().iter().fold(0i32, |h, (k, v)| {
            h.wrapping_add(java_hash(k) ^ java_hash(v))
        }),
        Value::MapEntry(e) => java_hash(&e.key) ^ java_hash(&e.value()),
        Value::Class(c) => string_hash(&c.name()),
        Value::Object(o) => object_hash(v, o),
        other => {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            identity_addr(other).hash(&mut h);
            h.finish() as i32
        }
    }
}

fn identity_addr(v: &Value) -> usize {
    match v {
        Value::Closure(c) => Arc::as_ptr(c) as *const u8 as usize,
        Value::Object(o) => Arc::as_ptr(o) as *const u8 as usize,
        Value::Exception(e) => Arc::as_ptr(e) as *const u8 as usize,
        Value::Builder(b) => Arc::as_ptr(b) as *const u8 as usize,
        Value::Pattern(p) => Arc::as_ptr(p) as *const u8 as usize,
        Value::Matcher(m) => Arc::as_ptr(m) as *const u8 as usize,
        Value::Native(n) => Arc::as_ptr(n) as *const u8 as usize,
        _ => 0,
    }
}

fn list_hash(items: &[Value]) -> i32 {
    items
        .iter()
        .fold(1i32, |h, v| h.wrapping_mul(31).wrapping_add(java_hash(v)))
}

/// `String.hashCode()` over UTF-16 code units.
pub fn string_hash(s: &str) -> i32 {
    super::jstr::java_string_hash(s)
}

impl PartialEq for HKey {
    fn eq(&self, other: &HKey) -> bool {
        java_equals(&self.0, &other.0)
    }
}

impl Eq for HKey {}

impl Hash for HKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        java_hash(&self.0).hash(state);
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&to_inspect(self))
    }
}
