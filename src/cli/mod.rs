//! The command line: clap definitions, validation, and rendering of results. Everything
//! else lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};

mod run;

use crate::diagnostic::{self, exit};
use crate::eval::interp::StdOutput;
use crate::eval::runner::{eval_source, EvalError, EvalOptions};

#[derive(Parser)]
#[command(
    name = "pipe",
    version,
    about = "Run, debug and lint Jenkins pipelines natively"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Evaluate a plain Groovy script (or an expression with -e) and print what it prints.
    Eval(EvalArgs),
    /// Check pipeline files.
    Lint(LintArgs),
    /// Run a pipeline (Declarative or scripted) on this machine; exit status is the
    /// result: 0 SUCCESS, 1 UNSTABLE, 2 FAILURE, 3 NOT_BUILT, 4 ABORTED.
    Run(Box<run::RunArgs>),
}

#[derive(Args)]
struct EvalArgs {
    /// The script to run.
    #[arg(required_unless_present = "expr", conflicts_with = "expr")]
    file: Option<PathBuf>,
    /// Evaluate this code instead of a file; the value of the last expression is printed
    /// unless it is null.
    #[arg(short = 'e', long = "expr", value_name = "CODE")]
    expr: Option<String>,
}

#[derive(Args)]
struct LintArgs {
    /// Files to check.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Only check that every file parses.
    #[arg(long)]
    parse_only: bool,
}

/// Entry point of the `pipe` binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    diagnostic::install_handler(use_color());
    match cli.cmd {
        Cmd::Eval(a) => eval_cmd(a),
        Cmd::Lint(a) => lint_cmd(a),
        Cmd::Run(a) => run::run_cmd(*a),
    }
}

fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

fn read_file(path: &PathBuf) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("pipe: cannot read {}: {e}", path.display());
        ExitCode::from(exit::IO)
    })
}

fn eval_cmd(a: EvalArgs) -> ExitCode {
    let (src, file_name, is_expr) = match (&a.file, &a.expr) {
        (_, Some(e)) => (e.clone(), "script_from_command_line".to_string(), true),
        (Some(f), None) => match read_file(f) {
            Ok(s) => (s, f.display().to_string(), false),
            Err(code) => return code,
        },
        (None, None) => return ExitCode::from(exit::USAGE),
    };
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(exit::INTERRUPTED));
        }
    });
    let mut opts = EvalOptions::new(&file_name, Arc::new(StdOutput));
    opts.cancel = Some(cancel);
    match eval_source(&src, opts) {
        Ok(v) => {
            if is_expr && !v.is_null() {
                println!("{}", crate::eval::value::to_display(&v));
            }
            ExitCode::from(exit::OK)
        }
        Err(EvalError::Parse(p)) => {
            diagnostic::eprint(p);
            ExitCode::from(exit::FAILURE)
        }
        Err(EvalError::Uncaught {
            headline,
            diagnostic: d,
        }) => {
            eprintln!("{headline}");
            diagnostic::eprint(*d);
            ExitCode::from(exit::FAILURE)
        }
        Err(EvalError::Halted(_)) => {
            eprintln!("pipe: interrupted");
            ExitCode::from(exit::INTERRUPTED)
        }
        Err(EvalError::Internal(msg)) => {
            eprintln!("pipe: internal error: {msg}");
            ExitCode::from(exit::IO)
        }
    }
}

fn lint_cmd(a: LintArgs) -> ExitCode {
    let mut failed = false;
    for f in &a.files {
        let src = match read_file(f) {
            Ok(s) => s,
            Err(code) => return code,
        };
        let name = f.display().to_string();
        let script = match crate::syntax::parse(&src) {
            Ok(script) => script,
            Err(errors) => {
                failed = true;
                diagnostic::eprint(crate::syntax::ParseFailure::new(name, src, errors));
                continue;
            }
        };
        if a.parse_only {
            continue;
        }
        if let Err(errors) = crate::model::lower_with_source(&script, &src) {
            failed = true;
            diagnostic::eprint(crate::model::ValidationFailure::new(name, src, errors));
        }
    }
    ExitCode::from(if failed { exit::FAILURE } else { exit::OK })
}
