//! Classes: the JDK/Groovy classes scripts name (a table of names and their hierarchy), and
//! classes defined in the script.

use std::sync::Arc;

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::value::{ClassRef, ListKind, MapKind, RangeVal, SetKind, Value};
use crate::syntax::ast::{ClassDef, MethodDef};

/// A class defined in the script.
pub struct ClassInfo {
    pub name: String,
    pub def: Arc<ClassDef>,
    pub superclass: Option<ClassRef>,
    pub static_fields: Mutex<IndexMap<String, Value>>,
}

impl ClassInfo {
    /// Methods called `name`, this class first, then its superclasses.
    pub fn find_methods(&self, name: &str) -> Vec<Arc<MethodDef>> {
        let mut out: Vec<Arc<MethodDef>> = self
            .def
            .methods
            .iter()
            .filter(|m| m.name.name == name)
            .cloned()
            .collect();
        if let Some(ClassRef::User(sup)) = &self.superclass {
            for m in sup.find_methods(name) {
                if !out.iter().any(|o| o.params.len() == m.params.len()) {
                    out.push(m);
                }
            }
        }
        out
    }

    pub fn has_method(&self, name: &str) -> bool {
        !self.find_methods(name).is_empty()
    }

    /// Whether the class (or a superclass) carries an annotation, by simple name
    /// (`ToString` matches `@ToString` and `@groovy.transform.ToString`).
    pub fn has_annotation(&self, simple: &str) -> bool {
        self.def
            .annotations
            .iter()
            .any(|a| super::value::simple_name(&a.name) == simple)
            || matches!(&self.superclass, Some(ClassRef::User(s)) if s.has_annotation(simple))
    }

    /// The annotation's named argument, e.g. `includeNames` of `@ToString(includeNames = true)`.
    pub fn annotation_flag(&self, simple: &str, arg: &str) -> bool {
        self.def.annotations.iter().any(|a| {
            super::value::simple_name(&a.name) == simple
                && a.args.iter().any(|x| match x {
                    crate::syntax::ast::Arg::Named(crate::syntax::ast::MapKey::Name(k, _), v) => {
                        k == arg && matches!(v.kind, crate::syntax::ast::ExprKind::Bool(true))
                    }
                    _ => false,
                })
        })
    }

    /// Instance field names in declaration order, superclass fields first.
    pub fn instance_fields(&self) -> Vec<String> {
        let mut out = match &self.superclass {
            Some(ClassRef::User(s)) => s.instance_fields(),
            _ => Vec::new(),
        };
        for f in &self.def.fields {
            if f.modifiers.iter().any(|m| m.name == "static") {
                continue;
            }
            for v in &f.vars {
                out.push(v.name.name.clone());
            }
        }
        out
    }

    /// `@Canonical` implies `@ToString`, `@EqualsAndHashCode` and `@TupleConstructor`.
    pub fn transform(&self, simple: &str) -> bool {
        self.has_annotation(simple) || self.has_annotation("Canonical") || {
            simple != "TupleConstructor" && self.has_annotation("Immutable")
        }
    }

    /// Whether instances are exceptions (the class extends a Throwable).
    pub fn builtin_ancestor(&self) -> Option<&'static str> {
        match &self.superclass {
            Some(ClassRef::User(sup)) => sup.builtin_ancestor(),
            Some(ClassRef::Builtin(n)) => Some(n),
            _ => None,
        }
    }

    /// Every class name from this class up to `java.lang.Object`.
    pub fn ancestry(&self) -> Vec<String> {
        let mut out = vec![self.name.clone()];
        match &self.superclass {
            Some(ClassRef::User(sup)) => out.extend(sup.ancestry()),
            Some(ClassRef::Builtin(n)) => {
                out.extend(builtin_ancestry(n).into_iter().map(String::from))
            }
            Some(ClassRef::Named(n)) => out.push(n.to_string()),
            None => out.push("java.lang.Object".into()),
        }
        for i in &self.def.implements {
            out.push(resolve_builtin(&i.name).map_or_else(|| i.name.clone(), String::from));
        }
        out
    }

    pub fn is_subclass_of(&self, target: &str) -> bool {
        self.ancestry()
            .iter()
            .any(|n| n == target || super::value::simple_name(n) == target)
    }
}

/// (name, superclass, interfaces) of the JDK and Groovy classes scripts commonly name.
const BUILTINS: &[(&str, Option<&str>, &[&str])] = &[
    ("java.util.Comparator", None, &[]),
    ("java.util.TimeZone", Some("java.lang.Object"), &[]),
    (
        "java.text.SimpleDateFormat",
        Some("java.text.DateFormat"),
        &[],
    ),
    ("java.text.DateFormat", Some("java.lang.Object"), &[]),
    ("java.text.ParseException", Some("java.lang.Exception"), &[]),
    ("java.lang.Object", None, &[]),
    (
        "java.lang.String",
        Some("java.lang.Object"),
        &[
            "java.lang.CharSequence",
            "java.lang.Comparable",
            "java.io.Serializable",
        ],
    ),
    (
        "groovy.lang.GString",
        Some("java.lang.Object"),
        &[
            "java.lang.CharSequence",
            "java.lang.Comparable",
            "java.io.Serializable",
        ],
    ),
    (
        "org.codehaus.groovy.runtime.GStringImpl",
        Some("groovy.lang.GString"),
        &[],
    ),
    ("java.lang.CharSequence", None, &[]),
    ("java.lang.Comparable", None, &[]),
    ("java.io.Serializable", None, &[]),
    ("java.lang.Cloneable", None, &[]),
    ("java.lang.Iterable", None, &[]),
    ("java.lang.Runnable", None, &[]),
    ("java.util.concurrent.Callable", None, &[]),
    (
        "java.lang.Number",
        Some("java.lang.Object"),
        &["java.io.Serializable"],
    ),
    (
        "java.lang.Integer",
        Some("java.lang.Number"),
        &["java.lang.Comparable"],
    ),
    (
        "java.lang.Long",
        Some("java.lang.Number"),
        &["java.lang.Comparable"],
    ),
    (
        "java.lang.Short",
        Some("java.lang.Number"),
        &["java.lang.Comparable"],
    ),
    (
        "java.lang.Byte",
        Some("java.lang.Number"),
        &["java.lang.Comparable"],
    ),
    (
        "java.lang.Double",
        Some("java.lang.Number"),
        &["java.lang.Comparable"],
    ),
    (
        "java.lang.Float",
        Some("java.lang.Number"),
        &["java.lang.Comparable"],
    ),
    (
        "java.math.BigInteger",
        Some("java.lang.Number"),
        &["java.lang.Comparable"],
    ),
    (
        "java.math.BigDecimal",
        Some("java.lang.Number"),
        &["java.lang.Comparable"],
    ),
    ("java.math.RoundingMode", Some("java.lang.Enum"), &[]),
    (
        "java.lang.Enum",
        Some("java.lang.Object"),
        &["java.lang.Comparable"],
    ),
    (
        "java.lang.Boolean",
        Some("java.lang.Object"),
        &["java.lang.Comparable", "java.io.Serializable"],
    ),
    (
        "java.lang.Character",
        Some("java.lang.Object"),
        &["java.lang.Comparable", "java.io.Serializable"],
    ),
    ("java.lang.Math", Some("java.lang.Object"), &[]),
    ("java.lang.System", Some("java.lang.Object"), &[]),
    (
        "java.lang.Thread",
        Some("java.lang.Object"),
        &["java.lang.Runnable"],
    ),
    ("java.lang.Class", Some("java.lang.Object"), &[]),
    (
        "java.lang.StringBuilder",
        Some("java.lang.Object"),
        &["java.lang.CharSequence"],
    ),
    (
        "java.lang.StringBuffer",
        Some("java.lang.Object"),
        &["java.lang.CharSequence"],
    ),
    ("java.util.Collection", None, &["java.lang.Iterable"]),
    ("java.util.List", None, &["java.util.Collection"]),
    ("java.util.Set", None, &["java.util.Collection"]),
    ("java.util.SortedSet", None, &["java.util.Set"]),
    ("java.util.Queue", None, &["java.util.Collection"]),
    ("java.util.Deque", None, &["java.util.Queue"]),
    ("java.util.Map", None, &[]),
    ("java.util.SortedMap", None, &["java.util.Map"]),
    ("java.util.Map$Entry", None, &[]),
    ("java.util.RandomAccess", None, &[]),
    ("java.util.Iterator", None, &[]),
    (
        "java.util.AbstractCollection",
        Some("java.lang.Object"),
        &["java.util.Collection"],
    ),
    (
        "java.util.AbstractList",
        Some("java.util.AbstractCollection"),
        &["java.util.List"],
    ),
    (
        "java.util.ArrayList",
        Some("java.util.AbstractList"),
        &[
            "java.util.List",
            "java.util.RandomAccess",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ],
    ),
    (
        "java.util.LinkedList",
        Some("java.util.AbstractList"),
        &[
            "java.util.List",
            "java.util.Deque",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ],
    ),
    (
        "java.util.Stack",
        Some("java.util.AbstractList"),
        &["java.util.List"],
    ),
    (
        "java.util.Vector",
        Some("java.util.AbstractList"),
        &["java.util.List"],
    ),
    (
        "java.util.AbstractMap",
        Some("java.lang.Object"),
        &["java.util.Map"],
    ),
    (
        "java.util.HashMap",
        Some("java.util.AbstractMap"),
        &[
            "java.util.Map",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ],
    ),
    (
        "java.util.LinkedHashMap",
        Some("java.util.HashMap"),
        &["java.util.Map"],
    ),
    (
        "java.util.TreeMap",
        Some("java.util.AbstractMap"),
        &[
            "java.util.SortedMap",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ],
    ),
    (
        "java.util.concurrent.ConcurrentHashMap",
        Some("java.util.AbstractMap"),
        &["java.util.Map"],
    ),
    (
        "java.util.AbstractSet",
        Some("java.util.AbstractCollection"),
        &["java.util.Set"],
    ),
    (
        "java.util.HashSet",
        Some("java.util.AbstractSet"),
        &[
            "java.util.Set",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ],
    ),
    (
        "java.util.LinkedHashSet",
        Some("java.util.HashSet"),
        &["java.util.Set"],
    ),
    (
        "java.util.TreeSet",
        Some("java.util.AbstractSet"),
        &[
            "java.util.SortedSet",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ],
    ),
    ("java.util.Collections", Some("java.lang.Object"), &[]),
    ("java.util.Arrays", Some("java.lang.Object"), &[]),
    ("java.util.Objects", Some("java.lang.Object"), &[]),
    (
        "java.util.Date",
        Some("java.lang.Object"),
        &["java.lang.Comparable", "java.io.Serializable"],
    ),
    (
        "java.util.UUID",
        Some("java.lang.Object"),
        &["java.lang.Comparable"],
    ),
    ("java.util.Random", Some("java.lang.Object"), &[]),
    (
        "java.util.regex.Pattern",
        Some("java.lang.Object"),
        &["java.io.Serializable"],
    ),
    ("java.util.regex.Matcher", Some("java.lang.Object"), &[]),
    ("java.util.concurrent.TimeUnit", Some("java.lang.Enum"), &[]),
    ("groovy.lang.Range", None, &["java.util.List"]),
    (
        "groovy.lang.IntRange",
        Some("java.util.AbstractList"),
        &["groovy.lang.Range"],
    ),
    (
        "groovy.lang.ObjectRange",
        Some("java.util.AbstractList"),
        &["groovy.lang.Range"],
    ),
    (
        "groovy.lang.Closure",
        Some("groovy.lang.GroovyObjectSupport"),
        &[
            "java.lang.Cloneable",
            "java.lang.Runnable",
            "java.util.concurrent.Callable",
            "java.io.Serializable",
        ],
    ),
    (
        "groovy.lang.GroovyObjectSupport",
        Some("java.lang.Object"),
        &["groovy.lang.GroovyObject"],
    ),
    ("groovy.lang.GroovyObject", None, &[]),
    (
        "groovy.lang.Script",
        Some("groovy.lang.GroovyObjectSupport"),
        &[],
    ),
    (
        "groovy.lang.Binding",
        Some("groovy.lang.GroovyObjectSupport"),
        &[],
    ),
    ("groovy.json.JsonSlurper", Some("java.lang.Object"), &[]),
    (
        "groovy.json.JsonSlurperClassic",
        Some("java.lang.Object"),
        &[],
    ),
    ("groovy.json.JsonOutput", Some("java.lang.Object"), &[]),
    (
        "java.lang.Throwable",
        Some("java.lang.Object"),
        &["java.io.Serializable"],
    ),
    ("java.lang.Exception", Some("java.lang.Throwable"), &[]),
    ("java.lang.Error", Some("java.lang.Throwable"), &[]),
    (
        "java.lang.RuntimeException",
        Some("java.lang.Exception"),
        &[],
    ),
    (
        "java.lang.IllegalArgumentException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.NumberFormatException",
        Some("java.lang.IllegalArgumentException"),
        &[],
    ),
    (
        "java.lang.IllegalStateException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.ArithmeticException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.NullPointerException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.ClassCastException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.IndexOutOfBoundsException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.ArrayIndexOutOfBoundsException",
        Some("java.lang.IndexOutOfBoundsException"),
        &[],
    ),
    (
        "java.lang.StringIndexOutOfBoundsException",
        Some("java.lang.IndexOutOfBoundsException"),
        &[],
    ),
    (
        "java.lang.UnsupportedOperationException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.SecurityException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.NegativeArraySizeException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.lang.CloneNotSupportedException",
        Some("java.lang.Exception"),
        &[],
    ),
    (
        "java.lang.InterruptedException",
        Some("java.lang.Exception"),
        &[],
    ),
    (
        "java.lang.ReflectiveOperationException",
        Some("java.lang.Exception"),
        &[],
    ),
    (
        "java.lang.ClassNotFoundException",
        Some("java.lang.ReflectiveOperationException"),
        &[],
    ),
    ("java.lang.AssertionError", Some("java.lang.Error"), &[]),
    (
        "java.lang.VirtualMachineError",
        Some("java.lang.Error"),
        &[],
    ),
    (
        "java.lang.StackOverflowError",
        Some("java.lang.VirtualMachineError"),
        &[],
    ),
    (
        "java.lang.OutOfMemoryError",
        Some("java.lang.VirtualMachineError"),
        &[],
    ),
    (
        "java.util.ConcurrentModificationException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.util.NoSuchElementException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.util.EmptyStackException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "java.util.IllegalFormatException",
        Some("java.lang.IllegalArgumentException"),
        &[],
    ),
    (
        "java.util.MissingFormatArgumentException",
        Some("java.util.IllegalFormatException"),
        &[],
    ),
    (
        "java.util.UnknownFormatConversionException",
        Some("java.util.IllegalFormatException"),
        &[],
    ),
    (
        "java.util.IllegalFormatConversionException",
        Some("java.util.IllegalFormatException"),
        &[],
    ),
    (
        "java.util.DuplicateFormatFlagsException",
        Some("java.util.IllegalFormatException"),
        &[],
    ),
    (
        "java.util.FormatFlagsConversionMismatchException",
        Some("java.util.IllegalFormatException"),
        &[],
    ),
    (
        "java.util.IllegalFormatPrecisionException",
        Some("java.util.IllegalFormatException"),
        &[],
    ),
    (
        "java.util.MissingFormatWidthException",
        Some("java.util.IllegalFormatException"),
        &[],
    ),
    (
        "java.util.IllegalFormatFlagsException",
        Some("java.util.IllegalFormatException"),
        &[],
    ),
    (
        "java.util.regex.PatternSyntaxException",
        Some("java.lang.IllegalArgumentException"),
        &[],
    ),
    (
        "java.util.concurrent.TimeoutException",
        Some("java.lang.Exception"),
        &[],
    ),
    ("java.io.IOException", Some("java.lang.Exception"), &[]),
    (
        "java.io.FileNotFoundException",
        Some("java.io.IOException"),
        &[],
    ),
    (
        "java.io.UncheckedIOException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "groovy.lang.GroovyRuntimeException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "groovy.lang.MissingPropertyException",
        Some("groovy.lang.GroovyRuntimeException"),
        &[],
    ),
    (
        "groovy.lang.ReadOnlyPropertyException",
        Some("groovy.lang.MissingPropertyException"),
        &[],
    ),
    (
        "groovy.lang.MissingMethodException",
        Some("groovy.lang.GroovyRuntimeException"),
        &[],
    ),
    (
        "groovy.lang.MissingFieldException",
        Some("groovy.lang.GroovyRuntimeException"),
        &[],
    ),
    (
        "groovy.json.JsonException",
        Some("groovy.lang.GroovyRuntimeException"),
        &[],
    ),
    (
        "org.codehaus.groovy.runtime.typehandling.GroovyCastException",
        Some("java.lang.ClassCastException"),
        &[],
    ),
    (
        "org.codehaus.groovy.runtime.powerassert.PowerAssertionError",
        Some("java.lang.AssertionError"),
        &[],
    ),
    ("hudson.AbortException", Some("java.io.IOException"), &[]),
    // Thrown by the workspace file and data steps.
    (
        "java.nio.file.FileSystemException",
        Some("java.io.IOException"),
        &[],
    ),
    (
        "java.nio.file.NoSuchFileException",
        Some("java.nio.file.FileSystemException"),
        &[],
    ),
    (
        "java.nio.file.FileAlreadyExistsException",
        Some("java.nio.file.FileSystemException"),
        &[],
    ),
    (
        "java.nio.file.AccessDeniedException",
        Some("java.nio.file.FileSystemException"),
        &[],
    ),
    (
        "java.nio.charset.UnsupportedCharsetException",
        Some("java.lang.IllegalArgumentException"),
        &[],
    ),
    (
        "hudson.model.Failure",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "net.sf.json.JSONException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "org.yaml.snakeyaml.error.YAMLException",
        Some("java.lang.RuntimeException"),
        &[],
    ),
    (
        "org.jenkinsci.plugins.workflow.steps.FlowInterruptedException",
        Some("java.lang.InterruptedException"),
        &[],
    ),
    (
        "org.jenkinsci.plugins.scriptsecurity.sandbox.RejectedAccessException",
        Some("java.lang.SecurityException"),
        &[],
    ),
];

/// Packages Groovy imports by default, searched in this order for a simple name.
const DEFAULT_PACKAGES: &[&str] = &[
    "java.lang.",
    "java.util.",
    "java.io.",
    "java.net.",
    "groovy.lang.",
    "groovy.util.",
    "java.math.",
    "java.util.regex.",
    "java.util.concurrent.",
    "java.text.",
    "groovy.json.",
    "hudson.",
    "org.jenkinsci.plugins.workflow.steps.",
    "org.codehaus.groovy.runtime.typehandling.",
    "org.codehaus.groovy.runtime.powerassert.",
];

const PRIMITIVES: &[(&str, &str)] = &[
    ("int", "java.lang.Integer"),
    ("long", "java.lang.Long"),
    ("short", "java.lang.Short"),
    ("byte", "java.lang.Byte"),
    ("char", "java.lang.Character"),
    ("boolean", "java.lang.Boolean"),
    ("float", "java.lang.Float"),
    ("double", "java.lang.Double"),
];

fn builtin_entry(
    full: &str,
) -> Option<&'static (&'static str, Option<&'static str>, &'static [&'static str])> {
    BUILTINS.iter().find(|(n, _, _)| *n == full)
}

/// Resolves a name as written (`String`, `java.util.List`, `Map.Entry`) to a known class.
pub fn resolve_builtin(name: &str) -> Option<&'static str> {
    if let Some(e) = builtin_entry(name) {
        return Some(e.0);
    }
    if name == "Map.Entry" || name == "Entry" {
        return Some("java.util.Map$Entry");
    }
    if name.contains('.') {
        return None;
    }
    DEFAULT_PACKAGES.iter().find_map(|p| {
        BUILTINS
            .iter()
            .find(|(n, _, _)| n.strip_prefix(p) == Some(name))
            .map(|e| e.0)
    })
}

/// The boxed class of a primitive type name (`int` → `java.lang.Integer`).
pub fn primitive_box(name: &str) -> Option<&'static str> {
    PRIMITIVES.iter().find(|(p, _)| *p == name).map(|(_, b)| *b)
}

pub fn is_primitive(name: &str) -> bool {
    primitive_box(name).is_some()
}

pub fn is_interface(full: &str) -> bool {
    builtin_entry(full).is_some_and(|(_, sup, _)| sup.is_none()) && full != "java.lang.Object"
}

/// The class and every superclass and interface of a built-in class, most specific first.
pub fn builtin_ancestry(full: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut queue: Vec<&str> = vec![full];
    while let Some(n) = queue.pop() {
        let Some((name, sup, ifaces)) = builtin_entry(n) else {
            continue;
        };
        if out.contains(name) {
            continue;
        }
        out.push(name);
        for i in ifaces.iter().rev() {
            queue.push(i);
        }
        if let Some(s) = sup {
            queue.push(s);
        }
    }
    if !out.contains(&"java.lang.Object") {
        out.push("java.lang.Object");
    }
    out
}

/// The superclass of a built-in class.
pub fn builtin_superclass(full: &str) -> Option<&'static str> {
    builtin_entry(full).and_then(|(_, s, _)| *s)
}

/// The Java class of a value as a `ClassRef`.
pub fn class_of(v: &Value) -> ClassRef {
    match v {
        Value::Object(o) => ClassRef::User(o.class.clone()),
        Value::Exception(e) => match &e.object {
            Some(o) => ClassRef::User(o.class.clone()),
            None => match resolve_builtin(&e.class) {
                Some(n) => ClassRef::Builtin(n),
                None => ClassRef::Named(e.class.clone()),
            },
        },
        Value::Class(_) => ClassRef::Builtin("java.lang.Class"),
        Value::Closure(_) => {
            // Groovy compiles each closure to a class `Script$_run_closureN` extending Closure.
            let script = super::interp::with_current(|i| i.ctx.script_name.clone())
                .unwrap_or_else(|| "Script".into());
            ClassRef::Named(Arc::from(format!("{script}$_run_closure1").as_str()))
        }
        _ => {
            let name = v.class_name();
            match resolve_builtin(&name) {
                Some(n) => ClassRef::Builtin(n),
                None => ClassRef::Named(Arc::from(name.as_str())),
            }
        }
    }
}

/// The fully-qualified names a value is an instance of (its class and all supertypes).
pub fn value_ancestry(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.class.ancestry(),
        Value::Exception(e) => match &e.object {
            Some(o) => o.class.ancestry(),
            None => builtin_ancestry(&e.class)
                .into_iter()
                .map(String::from)
                .collect(),
        },
        Value::List(l) if matches!(l.kind, ListKind::Array(_)) => {
            vec!["java.lang.Object[]".into(), "java.lang.Object".into()]
        }
        Value::Range(r) => {
            let name = match **r {
                RangeVal::Int { .. } => "groovy.lang.IntRange",
                RangeVal::Object { .. } => "groovy.lang.ObjectRange",
            };
            builtin_ancestry(name)
                .into_iter()
                .map(String::from)
                .collect()
        }
        Value::Map(m) if m.kind == MapKind::Immutable => builtin_ancestry("java.util.AbstractMap")
            .into_iter()
            .map(String::from)
            .collect(),
        Value::Set(s) if s.kind == SetKind::Tree => builtin_ancestry("java.util.TreeSet")
            .into_iter()
            .map(String::from)
            .collect(),
        Value::List(l) if l.kind == ListKind::Immutable => {
            builtin_ancestry("java.util.AbstractList")
                .into_iter()
                .map(String::from)
                .collect()
        }
        Value::Native(n) => vec![n.class_name(), "java.lang.Object".into()],
        _ => builtin_ancestry(&v.class_name())
            .into_iter()
            .map(String::from)
            .collect(),
    }
}

/// `value instanceof <name>` where `name` is as written in the script.
pub fn instance_of_name(v: &Value, name: &str, user: Option<&Arc<ClassInfo>>) -> bool {
    if v.is_null() {
        return false;
    }
    if let Some(u) = user {
        return match v {
            Value::Object(o) => o.class.is_subclass_of(&u.name),
            Value::Exception(e) => e
                .object
                .as_ref()
                .is_some_and(|o| o.class.is_subclass_of(&u.name)),
            _ => false,
        };
    }
    let target = primitive_box(name)
        .or_else(|| resolve_builtin(name))
        .map_or_else(|| name.to_string(), String::from);
    if let (Value::List(l), true) = (v, target.ends_with("[]")) {
        return matches!(l.kind, ListKind::Array(_));
    }
    value_ancestry(v)
        .iter()
        .any(|n| *n == target || super::value::simple_name(n) == target)
}
