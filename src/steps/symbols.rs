//! Describable symbols: calls like `string(name: 'V')`, `usernamePassword(…)`,
//! `booleanParam(…)`, `logRotator(…)`, `cron('H * * * *')` that do nothing by themselves and
//! build a description another step reads (`withCredentials`, `input`, `properties`).
//! Each returns a map of its arguments with the symbol's name under `$symbol`.

use indexmap::IndexMap;

use crate::eval::value::{to_display, HKey, Value};

/// A symbol: its name and the parameter a single positional argument binds to.
pub struct Symbol {
    pub name: &'static str,
    pub positional: Option<&'static str>,
    pub summary: &'static str,
}

const fn sym(
    name: &'static str,
    positional: Option<&'static str>,
    summary: &'static str,
) -> Symbol {
    Symbol {
        name,
        positional,
        summary,
    }
}

/// Every known symbol, sorted by name.
pub static SYMBOLS: &[Symbol] = &[
    sym(
        "booleanParam",
        None,
        "a true/false build or input parameter",
    ),
    sym(
        "buildDiscarder",
        Some("strategy"),
        "job property: discard old builds",
    ),
    sym(
        "certificate",
        None,
        "withCredentials binding: a certificate keystore",
    ),
    sym(
        "choice",
        None,
        "a build or input parameter with fixed choices",
    ),
    sym(
        "cleanBeforeCheckout",
        None,
        "Git extension for checkout: clean the working tree before checking out",
    ),
    sym(
        "cloneOption",
        None,
        "Git extension for checkout: shallow clone (depth), noTags",
    ),
    sym("cron", Some("spec"), "trigger: build periodically"),
    sym(
        "disableConcurrentBuilds",
        None,
        "job property: one build at a time",
    ),
    sym(
        "disableResume",
        None,
        "job property: do not resume after a restart",
    ),
    sym("durabilityHint", Some("hint"), "job property: durability"),
    sym(
        "file",
        None,
        "withCredentials binding: a secret file (path in `variable`)",
    ),
    sym("githubPush", None, "trigger: GitHub push"),
    sym(
        "localBranch",
        Some("localBranch"),
        "Git extension for checkout: check out to a local branch",
    ),
    sym(
        "logRotator",
        None,
        "buildDiscarder strategy: keep N builds or days",
    ),
    sym(
        "parameters",
        Some("parameterDefinitions"),
        "job property: build parameters",
    ),
    sym("password", None, "a secret build or input parameter"),
    sym(
        "pipelineTriggers",
        Some("triggers"),
        "job property: triggers",
    ),
    sym(
        "pollSCM",
        Some("scmpoll_spec"),
        "trigger: poll the repository",
    ),
    sym(
        "scmGit",
        None,
        "checkout: a Git repository (branches, userRemoteConfigs, extensions)",
    ),
    sym(
        "sshUserPrivateKey",
        None,
        "withCredentials binding: an SSH key file",
    ),
    sym(
        "string",
        None,
        "a text build/input parameter, or a secret text credentials binding",
    ),
    sym("text", None, "a multi-line build or input parameter"),
    sym("upstream", None, "trigger: after upstream jobs"),
    sym(
        "usernameColonPassword",
        None,
        "withCredentials binding: `user:password` in one variable",
    ),
    sym(
        "usernamePassword",
        None,
        "withCredentials binding: username and password variables",
    ),
];

pub fn find(name: &str) -> Option<&'static Symbol> {
    SYMBOLS.iter().find(|s| s.name == name)
}

/// Builds the description for a call of `sym`.
pub fn describe(sym: &Symbol, args: &[Value]) -> Result<Value, String> {
    let mut out: IndexMap<HKey, Value> = IndexMap::new();
    out.insert(HKey(Value::str("$symbol")), Value::str(sym.name));
    match args {
        [] => {}
        // A map that is itself a description (`buildDiscarder(logRotator(…))`) is the
        // positional argument, not named arguments.
        [Value::Map(m)]
            if sym.positional.is_none()
                || (m.get(&Value::str("$symbol")).is_none()
                    && m.get(&Value::str("$class")).is_none()) =>
        {
            for (k, v) in m.snapshot() {
                out.insert(HKey(Value::string(to_display(&k))), v);
            }
        }
        [single] => match sym.positional {
            Some(p) => {
                out.insert(HKey(Value::str(p)), single.clone());
            }
            None => return Err(format!("{} takes named arguments", sym.name)),
        },
        many => {
            return Err(format!(
                "{} takes named arguments, not {} values",
                sym.name,
                many.len()
            ))
        }
    }
    Ok(Value::map(out))
}

/// The symbol name of a description (`$symbol`, or the short name of `$class`).
pub fn symbol_of(v: &Value) -> Option<String> {
    let Value::Map(m) = v else {
        return None;
    };
    if let Some(s) = m.get(&Value::str("$symbol")) {
        return Some(to_display(&s));
    }
    m.get(&Value::str("$class")).map(|c| {
        to_display(&c)
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .to_string()
    })
}

/// A field of a description.
pub fn field(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Map(m) => m
            .get(&Value::string(name.to_string()))
            .filter(|v| !v.is_null()),
        _ => None,
    }
}

pub fn field_str(v: &Value, name: &str) -> Option<String> {
    field(v, name).map(|v| to_display(&v))
}
