//! Groovy files run as objects of their own: scripts read by `load`, and the global
//! variables of shared libraries (`@Library('name@version') _`, `library 'name'`).
//!
//! A loaded file becomes an instance of a class made from its top-level methods, and its
//! statements run with `this` bound to that instance — so `return this` hands back an object
//! whose methods can be called, closures written in it call its own methods first, and
//! variables assigned without `def` go to the binding the pipeline shares (as in Jenkins,
//! where every script of a build shares one binding). Classes it defines join the
//! pipeline's.
//!
//! Libraries come from the `[libraries]` section of the configuration file: a directory
//! with `vars/NAME.groovy` files; each is a global variable `NAME` whose `call(…)` runs for
//! `NAME(…)` and whose other methods are `NAME.method()`. When the directory is a git
//! repository, a version (`@Library('lib@v2')` or `defaultVersion`) is a ref checked out
//! into the build's own copy. Classes under `src/` are not supported yet: they are
//! skipped with a warning.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::context::StepCtx;
use super::run::Run;
use super::scm::git_env;
use crate::backend::process::{run_command, CommandOutcome, CommandRequest};
use crate::eval::class::ClassInfo;
use crate::eval::error::{exception, Flow, R};
use crate::eval::interp::Env;
use crate::eval::scope::Scope;
use crate::eval::value::{to_display, NativeObject, Object, ThisRef, Value};
use crate::eval::Interp;
use crate::syntax::ast::{ClassDef, Expr, ExprKind, Ident, Script, Stmt, StmtKind};
use crate::syntax::{LineIndex, Span, SyntaxError};

/// What a run has loaded: library variables and the count of `load`ed scripts.
#[derive(Default)]
pub struct Loaded {
    vars: Mutex<IndexMap<String, Value>>,
    libraries: Mutex<Vec<String>>,
    scripts: AtomicUsize,
    /// Where library versions are checked out when the run keeps no build directory;
    /// removed with the run.
    scratch: Mutex<Option<tempfile::TempDir>>,
}

impl Loaded {
    /// The library variable called `name`, if a loaded library has one.
    pub fn var(&self, name: &str) -> Option<Value> {
        self.vars.lock().get(name).cloned()
    }

    /// The class name of the next `load`ed script: `Script1`, `Script2`… as in Jenkins.
    pub fn next_script_name(&self) -> String {
        format!("Script{}", self.scripts.fetch_add(1, Ordering::SeqCst) + 1)
    }
}

/// Groovy's compilation error for a file that does not parse
/// (`MultipleCompilationErrorsException`), naming the file, the line and the column.
pub fn compile_error(file: &str, src: &str, errors: &[SyntaxError]) -> Flow {
    let index = LineIndex::new(src);
    let mut msg = String::from("startup failed:\n");
    for e in errors {
        let (line, col) = index.line_col(src, e.span.offset());
        msg.push_str(&format!(
            "{file}: {line}: {} @ line {line}, column {col}.\n",
            e.message
        ));
        if let Some(text) = src.lines().nth(line.saturating_sub(1)) {
            msg.push_str(&format!(
                "   {text}\n   {}^\n",
                " ".repeat(col.saturating_sub(1))
            ));
        }
        msg.push('\n');
    }
    msg.push_str(&format!(
        "{} error{}",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    ));
    exception(
        "org.codehaus.groovy.control.MultipleCompilationErrorsException",
        Some(msg),
    )
}

/// Reads and parses a Groovy file.
pub fn parse_file(path: &Path) -> R<Script> {
    let shown = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| {
        exception(
            if e.kind() == std::io::ErrorKind::NotFound {
                "java.nio.file.NoSuchFileException"
            } else {
                "java.io.IOException"
            },
            Some(if e.kind() == std::io::ErrorKind::NotFound {
                shown.clone()
            } else {
                format!("{shown}: {e}")
            }),
        )
    })?;
    crate::syntax::parse(&src).map_err(|errors| compile_error(&shown, &src, &errors))
}

/// Runs `script` as an instance of a class named `class_name` made from its methods.
/// Returns the instance and the value the script's statements end with (or `return`).
pub fn instantiate(interp: &Interp, script: &Script, class_name: &str) -> R<(Value, Value)> {
    let mut methods = Vec::new();
    let mut declarations: Vec<Stmt> = Vec::new();
    for s in &script.body {
        match &s.kind {
            StmtKind::MethodDef(m) => methods.push(m.clone()),
            StmtKind::ClassDef(_) | StmtKind::Import(_) => declarations.push(s.clone()),
            _ => {}
        }
    }
    // Classes and imports join the pipeline's; the methods stay the object's own.
    interp.declare_all(&declarations)?;
    let def = Arc::new(ClassDef {
        annotations: Vec::new(),
        modifiers: Vec::new(),
        name: Ident {
            name: class_name.to_string(),
            span: script.span,
        },
        extends: None,
        implements: Vec::new(),
        fields: Vec::new(),
        methods,
        constructors: Vec::new(),
        initializers: Vec::new(),
        is_enum: false,
        enum_constants: Vec::new(),
        span: script.span,
    });
    let info = Arc::new(ClassInfo {
        name: class_name.to_string(),
        def,
        superclass: None,
        static_fields: Mutex::new(IndexMap::new()),
    });
    let obj = Arc::new(Object {
        class: info,
        fields: Mutex::new(IndexMap::new()),
    });
    let env = Env {
        scope: Scope::root(),
        this: ThisRef::Object(obj.clone()),
        delegate: None,
        delegate_first: false,
        closure: None,
    };
    let mut last = Value::Null;
    for s in &script.body {
        match interp.exec(s, &env, None) {
            Ok(v) => last = v,
            Err(Flow::Return(v)) => {
                last = v;
                break;
            }
            Err(f) => return Err(f),
        }
    }
    Ok((Value::Object(obj), last))
}

fn abort(msg: String) -> Flow {
    exception("hudson.AbortException", Some(msg))
}

/// The directory holding `version` of a library kept in `dir`: the directory itself, or,
/// for a git repository, a copy of that ref made for this build.
fn version_dir(
    interp: &Interp,
    run: &Run,
    prefix: &str,
    name: &str,
    dir: &Path,
    version: &str,
) -> R<PathBuf> {
    if !dir.join(".git").exists() {
        run.log.line(
            prefix,
            &format!(
                "Library {name}: {} is not a git repository; using it as it is for version {version}",
                dir.display()
            ),
        );
        return Ok(dir.to_path_buf());
    }
    let Some(sha) = git_env(
        dir,
        &[
            "rev-parse",
            "--verify",
            "-q",
            &format!("{version}^{{commit}}"),
        ],
        &[],
    ) else {
        return Err(abort(format!(
            "No version {version} found for library {name}"
        )));
    };
    run.log
        .line(prefix, &format!("Found match: {version} revision {sha}"));
    let base = match &run.config.build_dir {
        Some(d) => d.join("libs"),
        None => {
            let mut scratch = run.loaded.scratch.lock();
            if scratch.is_none() {
                *scratch = tempfile::Builder::new().prefix("pipe-libs-").tempdir().ok();
            }
            match scratch.as_ref() {
                Some(t) => t.path().to_path_buf(),
                None => std::env::temp_dir(),
            }
        }
    };
    let target = base.join(format!("{name}@{sha}"));
    if target.join("vars").exists() || target.join("src").exists() {
        return Ok(target);
    }
    let io = |e: std::io::Error| {
        exception(
            "java.io.IOException",
            Some(format!("cannot copy library {name}: {e}")),
        )
    };
    std::fs::create_dir_all(&target).map_err(io)?;
    // A separate index and work tree: the library's own checkout is left untouched.
    let index = base.join(format!("{name}@{sha}.index"));
    let mut env: IndexMap<String, String> = std::env::vars().collect();
    env.insert("GIT_INDEX_FILE".into(), index.display().to_string());
    let req = CommandRequest {
        program: "git".into(),
        args: [
            &format!("--work-tree={}", target.display()),
            "checkout",
            "-f",
            &sha,
            "--",
            ".",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect(),
        cwd: dir.to_path_buf(),
        env,
        stdin: None,
    };
    let outcome = run_command(&req, &|| interp.interruption().is_some());
    let _ = std::fs::remove_file(&index);
    let why = match outcome {
        Ok(CommandOutcome::Exited { code: 0, .. }) => return Ok(target),
        Ok(CommandOutcome::Exited { stderr, .. }) => stderr.trim().to_string(),
        Ok(CommandOutcome::Interrupted) => {
            let _ = std::fs::remove_dir_all(&target);
            return Err(match interp.take_interruption() {
                Some((class, message)) => exception(&class, message),
                None => exception(crate::steps::basic::FLOW_INTERRUPTED, None),
            });
        }
        Err(e) => e.to_string(),
    };
    let _ = std::fs::remove_dir_all(&target);
    Err(abort(format!(
        "Library {name}: cannot check out {version} ({sha}) of {}: {why}",
        dir.display()
    )))
}

/// Loads a library by its spec (`name`, `name@version`): every `vars/*.groovy` becomes a
/// global variable. A library already loaded is not loaded again.
pub fn load_library(interp: &Interp, run: &Arc<Run>, spec: &str) -> R<()> {
    let prefix = StepCtx::current(interp).log_prefix();
    let (name, version) = match spec.split_once('@') {
        Some((n, v)) => (n.trim(), Some(v.trim().to_string())),
        None => (spec.trim(), None),
    };
    if run.loaded.libraries.lock().iter().any(|l| l == name) {
        run.log.line(
            &prefix,
            &format!("Only using first definition of library {name}"),
        );
        return Ok(());
    }
    let settings = &run.config.settings;
    let Some(def) = settings.libraries.get(name) else {
        run.log.line(
            &prefix,
            &format!("ERROR: Could not find any definition of libraries [{name}]"),
        );
        return Err(abort(format!(
            "Library {name} is not configured; add it under [libraries] as {name} = \"/path/to/library\" in {}",
            settings.where_to_configure()
        )));
    };
    let version = version.or_else(|| def.default_version.clone());
    run.log.line(
        &prefix,
        &format!(
            "Loading library {name}{}",
            version
                .as_deref()
                .map(|v| format!("@{v}"))
                .unwrap_or_default()
        ),
    );
    let dir = match &version {
        Some(v) => version_dir(interp, run, &prefix, name, &def.path, v)?,
        None => def.path.clone(),
    };
    let vars_dir = dir.join("vars");
    let src_dir = dir.join("src");
    if !vars_dir.is_dir() && !src_dir.is_dir() {
        return Err(abort(format!(
            "Library {name} expected to contain at least one of src or vars directories ({})",
            dir.display()
        )));
    }
    run.loaded.libraries.lock().push(name.to_string());
    if src_dir.is_dir() {
        let classes = count_groovy(&src_dir);
        if classes > 0 {
            run.log.line(
                &prefix,
                &format!(
                    "WARNING: library {name}: the {classes} class file(s) under src/ are not supported yet and were skipped; only vars/ is loaded"
                ),
            );
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&vars_dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "groovy"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for f in files {
        let var = crate::eval::runner::script_name_for(&f.display().to_string());
        let script = parse_file(&f)?;
        let (obj, _) = instantiate(interp, &script, &var)?;
        run.loaded.vars.lock().insert(var, obj);
    }
    Ok(())
}

fn count_groovy(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .map(|p| {
                    if p.is_dir() {
                        count_groovy(&p)
                    } else {
                        usize::from(p.extension().is_some_and(|x| x == "groovy"))
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// The library specs of an annotation's arguments: `'a'`, `['a', 'b@v']`, `value = 'a'`.
fn specs_of(interp: &Interp, env: &Env, e: &Expr) -> R<Vec<String>> {
    Ok(match interp.eval(e, env)? {
        Value::List(l) => l.snapshot().iter().map(to_display).collect(),
        Value::Null => Vec::new(),
        other => vec![to_display(&other)],
    })
}

/// Loads the libraries a script asks for before it runs: `@Library(…)` on `_`, an import
/// or a declaration, and Declarative's `libraries { lib('name@ref') }`.
pub fn load_annotated(
    interp: &Interp,
    run: &Arc<Run>,
    script: &Script,
    libraries: &[Expr],
) -> R<()> {
    use crate::syntax::ast::Arg;
    let env = Env::script(Scope::root());
    let mut specs: Vec<(String, Span)> = Vec::new();
    for s in &script.body {
        let annotations = match &s.kind {
            StmtKind::AnnotatedUnderscore(a) => a.as_slice(),
            StmtKind::Import(i) => i.annotations.as_slice(),
            StmtKind::Decl(d) => d.annotations.as_slice(),
            StmtKind::ClassDef(c) => c.annotations.as_slice(),
            StmtKind::MethodDef(m) => m.annotations.as_slice(),
            _ => &[],
        };
        for a in annotations {
            if a.name != "Library" && a.name != "org.jenkinsci.plugins.workflow.libs.Library" {
                continue;
            }
            for arg in &a.args {
                let e = match arg {
                    Arg::Positional(e) => e,
                    Arg::Named(crate::syntax::ast::MapKey::Name(k, _), e) if k == "value" => e,
                    _ => continue,
                };
                for spec in specs_of(interp, &env, e).map_err(|f| f.at(a.span))? {
                    specs.push((spec, a.span));
                }
            }
        }
    }
    for e in libraries {
        let inner = match &e.kind {
            ExprKind::Call { name, args } if name.name == "lib" => match args.args.first() {
                Some(Arg::Positional(x)) => x,
                _ => e,
            },
            _ => e,
        };
        for spec in specs_of(interp, &env, inner)? {
            specs.push((spec, e.span));
        }
    }
    for (spec, span) in specs {
        load_library(interp, run, &spec).map_err(|f| f.at(span))?;
    }
    Ok(())
}

/// What `library 'name'` returns: Jenkins' `LoadedClasses`, through which `src/` classes
/// are reached (`library('x').org.example.Util`) — not supported yet.
pub struct LoadedClasses {
    pub name: String,
}

impl NativeObject for LoadedClasses {
    fn class_name(&self) -> String {
        "org.jenkinsci.plugins.workflow.libs.LibraryStep$LoadedClasses".into()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        Some(Err(abort(format!(
            "library {}: classes under src/ ({name}…) are not supported yet; use the library's vars/",
            self.name
        ))))
    }

    fn to_string(&self) -> String {
        format!("library {}", self.name)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
