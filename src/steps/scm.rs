//! Source control steps: `git` and `checkout` (Git and Subversion), and the `scm` global.
//!
//! They run the real `git`/`svn` command-line tools through the backend's process layer
//! (own process group, stopped by timeouts and aborts) in the current directory, and log
//! what Jenkins' Git and Subversion plugins log. Both return the map of SCM variables
//! (`GIT_COMMIT`, `GIT_BRANCH`… / `SVN_REVISION`, `SVN_URL`), as `checkout` does in Jenkins.
//!
//! Credentials never reach a command line: a username/password is answered through a
//! `GIT_ASKPASS` helper that reads environment variables (svn reads the password from its
//! standard input), an SSH key is written to a private file used by `GIT_SSH_COMMAND`; both
//! files are removed when the step ends, and the secrets are masked in the log.
//!
//! A developer's own clone is never overwritten: in a repository that pipe did not create,
//! a checkout of the same remote (including `checkout scm`, the workspace's repository) uses
//! the working tree as it is, and a checkout of another remote is refused.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::basic::{check_interrupted, FLOW_INTERRUPTED};
use super::symbols::{field, field_str, symbol_of};
use super::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::backend::process::{run_command, CommandOutcome, CommandRequest};
use crate::eval::error::{exception, Flow, R};
use crate::eval::value::{to_display, HKey, Value};
use crate::exec::context::StepCtx;
use crate::exec::credentials::{secret_file, Credential};
use crate::exec::globals::full_env;
use crate::exec::run::Run;
use crate::exec::scm::git;

pub static STEPS: &[&dyn Step] = &[&Git, &Checkout];

/// The git config key marking repositories pipe created (and may fetch and check out in).
const MANAGED_KEY: &str = "pipewright.managed";

fn abort(msg: impl Into<String>) -> Flow {
    exception("hudson.AbortException", Some(msg.into()))
}

fn git_exception(msg: String) -> Flow {
    exception("hudson.plugins.git.GitException", Some(msg))
}

pub struct Git;
static GIT: StepSpec = StepSpec {
    name: "git",
    summary: "Clone or update a Git repository in the current directory and check out a branch.",
    params: &[
        req("url", T::String, "the repository URL"),
        opt(
            "branch",
            T::String,
            "the branch to check out (default master)",
        ),
        opt(
            "credentialsId",
            T::String,
            "a usernamePassword or sshUserPrivateKey credential",
        ),
        opt(
            "changelog",
            T::Bool,
            "compute the change log (default true)",
        ),
        opt("poll", T::Bool, "poll for changes (ignored locally)"),
    ],
    positional: Some("url"),
    body: Body::None,
    returns: "Map of SCM variables (GIT_COMMIT, GIT_BRANCH, GIT_LOCAL_BRANCH, GIT_URL…)",
    example:
        "git branch: 'dev', credentialsId: 'deploy-key', url: 'git@gitlab.example.com:team/app.git'",
    side_effects: true,
    open_params: false,
};

pub struct Checkout;
static CHECKOUT: StepSpec = StepSpec {
    name: "checkout",
    summary: "Check out from source control: `checkout scm`, a GitSCM or SubversionSCM map, or scmGit(…).",
    params: &[
        req("scm", T::Map, "scm, [$class: 'GitSCM', …], [$class: 'SubversionSCM', …] or scmGit(…)"),
        opt("changelog", T::Bool, "compute the change log (default true)"),
        opt("poll", T::Bool, "poll for changes (ignored locally)"),
    ],
    positional: Some("scm"),
    body: Body::None,
    returns: "Map of SCM variables (GIT_* or SVN_REVISION, SVN_URL)",
    example: "checkout([$class: 'GitSCM', branches: [[name: '*/dev']], userRemoteConfigs: [[url: 'https://example.com/app.git', credentialsId: 'git-login']]])",
    side_effects: true,
    open_params: false,
};

/// A Git checkout to perform.
#[derive(Debug, Clone, Default)]
struct GitSpec {
    url: String,
    /// The branch spec as written: `master`, `*/dev`, `origin/dev`, `refs/tags/v1`, a sha.
    branch: String,
    credentials_id: Option<String>,
    changelog: bool,
    /// The local branch to create (`git` always does; `LocalBranch` for checkout).
    local_branch: Option<String>,
    /// `RelativeTargetDirectory`.
    subdir: Option<String>,
    clean: bool,
    wipe: bool,
    depth: Option<i64>,
    no_tags: bool,
}

impl Step for Git {
    fn spec(&self) -> &'static StepSpec {
        &GIT
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        git_checkout(call, &git_spec(call)?)
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let spec = git_spec(call)?;
        let prefix = StepCtx::current(call.interp).log_prefix();
        call.run.log.line(
            &prefix,
            &format!("[dry-run] git: {} ({})", spec.url, spec.branch),
        );
        Ok(dry_git_vars(&spec))
    }
}

fn git_spec(call: &StepCall<'_>) -> R<GitSpec> {
    let branch = call
        .args
        .string("branch")
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| "master".into());
    Ok(GitSpec {
        url: call.args.required_string("git", "url")?,
        local_branch: Some(short_branch(&branch)),
        branch,
        credentials_id: call.args.string("credentialsId").filter(|c| !c.is_empty()),
        changelog: call.args.bool("changelog").unwrap_or(true),
        ..GitSpec::default()
    })
}

impl Step for Checkout {
    fn spec(&self) -> &'static StepSpec {
        &CHECKOUT
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        match scm_of(call)? {
            Scm::Git(spec) => git_checkout(call, &spec),
            Scm::Svn(locations) => svn_checkout(call, &locations),
        }
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let prefix = StepCtx::current(call.interp).log_prefix();
        match scm_of(call)? {
            Scm::Git(spec) => {
                call.run.log.line(
                    &prefix,
                    &format!("[dry-run] checkout: git {} ({})", spec.url, spec.branch),
                );
                Ok(dry_git_vars(&spec))
            }
            Scm::Svn(locations) => {
                let mut vars = Vec::new();
                for (i, l) in locations.iter().enumerate() {
                    call.run.log.line(
                        &prefix,
                        &format!("[dry-run] checkout: svn {} into {}", l.url, l.local),
                    );
                    svn_vars(
                        &mut vars,
                        i,
                        locations.len(),
                        &l.url,
                        l.revision.as_deref().unwrap_or("1"),
                    );
                }
                Ok(super::string_map(vars))
            }
        }
    }
}

enum Scm {
    Git(GitSpec),
    Svn(Vec<SvnLocation>),
}

/// Reads `checkout`'s `scm` argument: a `GitSCM`/`scmGit` or `SubversionSCM` description.
fn scm_of(call: &StepCall<'_>) -> R<Scm> {
    let Some(mut scm) = call.args.get("scm").cloned() else {
        return crate::eval::error::illegal_arg("checkout: missing required parameter \"scm\"");
    };
    // `checkout scm: [...], changelog: false` binds the whole map to `scm`.
    if symbol_of(&scm).is_none() {
        if let Some(inner) = field(&scm, "scm") {
            scm = inner;
        }
    }
    let changelog = call
        .args
        .bool("changelog")
        .or_else(|| {
            field(call.args.get("scm").unwrap_or(&Value::Null), "changelog").map(|v| v.truthy())
        })
        .unwrap_or(true);
    match symbol_of(&scm).as_deref() {
        Some("GitSCM" | "scmGit" | "gitSCM") => git_spec_of(call, &scm, changelog).map(Scm::Git),
        Some("SubversionSCM" | "subversion") => svn_locations(&scm).map(Scm::Svn),
        Some(other) => Err(abort(format!(
            "checkout: {other} is not supported; use scm, GitSCM (or scmGit(…)) or SubversionSCM"
        ))),
        None => crate::eval::error::illegal_arg(format!(
            "checkout: expected scm or a map like [$class: 'GitSCM', …] but got {}",
            to_display(&scm)
        )),
    }
}

fn list_of(v: Option<Value>) -> Vec<Value> {
    match v {
        Some(Value::List(l)) => l.snapshot(),
        Some(v @ Value::Map(_)) => vec![v],
        _ => Vec::new(),
    }
}

fn git_spec_of(call: &StepCall<'_>, scm: &Value, changelog: bool) -> R<GitSpec> {
    let remotes = list_of(field(scm, "userRemoteConfigs"));
    let Some(remote) = remotes.first() else {
        return Err(abort(
            "checkout: GitSCM needs userRemoteConfigs: [[url: '…']]",
        ));
    };
    let Some(url) = field_str(remote, "url") else {
        return Err(abort("checkout: userRemoteConfigs needs a url"));
    };
    let branch = list_of(field(scm, "branches"))
        .first()
        .and_then(|b| field_str(b, "name"))
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| "**".into());
    let mut spec = GitSpec {
        url,
        branch,
        credentials_id: field_str(remote, "credentialsId").filter(|c| !c.is_empty()),
        changelog,
        ..GitSpec::default()
    };
    let prefix = StepCtx::current(call.interp).log_prefix();
    for ext in list_of(field(scm, "extensions")) {
        let name = symbol_of(&ext).unwrap_or_default();
        match name.as_str() {
            "LocalBranch" | "localBranch" => {
                let b = field_str(&ext, "localBranch").unwrap_or_else(|| "**".into());
                spec.local_branch = Some(if b == "**" || b.is_empty() {
                    short_branch(&spec.branch)
                } else {
                    b
                });
            }
            "RelativeTargetDirectory" | "relativeTargetDirectory" => {
                spec.subdir = field_str(&ext, "relativeTargetDir");
            }
            "CleanBeforeCheckout"
            | "cleanBeforeCheckout"
            | "CleanCheckout"
            | "cleanAfterCheckout" => spec.clean = true,
            "WipeWorkspace" | "wipeWorkspace" => spec.wipe = true,
            "CloneOption" | "cloneOption" => {
                if field(&ext, "shallow").is_some_and(|v| v.truthy()) {
                    spec.depth = Some(
                        field(&ext, "depth")
                            .and_then(|d| to_display(&d).trim().parse().ok())
                            .filter(|d: &i64| *d > 0)
                            .unwrap_or(1),
                    );
                }
                spec.no_tags = field(&ext, "noTags").is_some_and(|v| v.truthy());
            }
            other => call.run.log.line(
                &prefix,
                &format!("checkout: the Git extension {other} has no effect under pipe run"),
            ),
        }
    }
    Ok(spec)
}

/// `*/dev`, `origin/dev`, `refs/heads/dev`, `refs/remotes/origin/dev` → `dev`.
fn short_branch(spec: &str) -> String {
    let s = spec.trim();
    for p in [
        "refs/remotes/origin/",
        "refs/heads/",
        "remotes/origin/",
        "origin/",
        "*/",
    ] {
        if let Some(rest) = s.strip_prefix(p) {
            return rest.to_string();
        }
    }
    s.to_string()
}

fn is_sha(s: &str) -> bool {
    (7..=40).contains(&s.len()) && s.chars().all(|c| c.is_ascii_hexdigit())
}

/// A stand-in commit id for `--dry-run`: stable for the same URL and branch.
fn fake_sha(seed: &str) -> String {
    let a = format!("{:x}", md5::compute(seed.as_bytes()));
    let b = format!("{:x}", md5::compute(a.as_bytes()));
    format!("{a}{}", &b[..8])
}

fn dry_git_vars(spec: &GitSpec) -> Value {
    let branch = short_branch(&spec.branch);
    let mut vars = vec![
        ("GIT_BRANCH".to_string(), format!("origin/{branch}")),
        (
            "GIT_COMMIT".to_string(),
            fake_sha(&format!("{}#{}", spec.url, spec.branch)),
        ),
        ("GIT_URL".to_string(), spec.url.clone()),
    ];
    if let Some(l) = &spec.local_branch {
        vars.push(("GIT_LOCAL_BRANCH".into(), l.clone()));
    }
    vars.sort();
    super::string_map(vars)
}

// ------------------------------------------------------------------ running tools

/// Runs the source control tools for one step: logs like Jenkins, stops on interruption.
struct Tools<'a, 'b> {
    call: &'a StepCall<'b>,
    prefix: String,
    env: IndexMap<String, String>,
}

/// A finished command: exit code, standard output, standard error.
struct Done {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Tools<'_, '_> {
    fn log(&self, text: &str) {
        self.call.run.log.line(&self.prefix, text);
    }

    fn exec(&self, program: &str, args: &[String], cwd: &Path, stdin: Option<String>) -> R<Done> {
        check_interrupted(self.call)?;
        let req = CommandRequest {
            program: program.to_string(),
            args: args.to_vec(),
            cwd: cwd.to_path_buf(),
            env: self.env.clone(),
            stdin,
        };
        let interp = self.call.interp;
        match run_command(&req, &|| interp.interruption().is_some()) {
            Err(e) => Err(exception(
                "java.io.IOException",
                Some(format!(
                    "Cannot run program \"{program}\": {e}{}",
                    if e.kind() == std::io::ErrorKind::NotFound {
                        match program {
                            "svn" => " (install Subversion: apt-get install subversion)",
                            _ => " (install Git)",
                        }
                    } else {
                        ""
                    }
                )),
            )),
            Ok(CommandOutcome::Interrupted) => {
                check_interrupted(self.call)?;
                Err(exception(FLOW_INTERRUPTED, None))
            }
            Ok(CommandOutcome::Exited {
                code,
                stdout,
                stderr,
            }) => Ok(Done {
                code,
                stdout,
                stderr,
            }),
        }
    }

    /// Runs `git args` in `cwd`, logged as Jenkins' git client logs it when `logged`.
    fn git_status(&self, cwd: &Path, args: &[&str], logged: bool) -> R<Done> {
        if logged {
            self.log(&format!(" > git {} # timeout=10", args.join(" ")));
        }
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        self.exec("git", &args, cwd, None)
    }

    /// Runs git and fails with git-client's `GitException` on a non-zero exit.
    fn git(&self, cwd: &Path, args: &[&str], logged: bool) -> R<String> {
        let done = self.git_status(cwd, args, logged)?;
        if done.code != 0 {
            return Err(git_exception(command_failed(args, &done)));
        }
        Ok(done.stdout.trim_end().to_string())
    }
}

/// git-client's message for a failed command.
fn command_failed(args: &[&str], done: &Done) -> String {
    format!(
        "Command \"git {}\" returned status code {}:\nstdout: {}\nstderr: {}",
        args.join(" "),
        done.code,
        done.stdout.trim_end(),
        done.stderr.trim_end()
    )
}

/// Environment and files that give a tool its credentials; the files are deleted when
/// this is dropped.
#[derive(Default)]
struct Auth {
    env: Vec<(String, String)>,
    /// What Jenkins logs before fetching (`using GIT_ASKPASS to set credentials …`).
    note: Option<String>,
    username: Option<String>,
    password: Option<String>,
    _files: Vec<tempfile::TempPath>,
}

/// An executable helper script in the run's secrets directory.
fn helper_script(run: &Run, name: &str, text: &str) -> R<tempfile::TempPath> {
    use std::os::unix::fs::PermissionsExt;
    let path = secret_file(run, name, text.as_bytes())?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700)).map_err(|e| {
        exception(
            "java.io.IOException",
            Some(format!("cannot write a credentials helper: {e}")),
        )
    })?;
    Ok(path)
}

/// The askpass helper: git runs it with the prompt as its argument.
const ASKPASS: &str = "#!/bin/sh\ncase \"$1\" in\n[Uu]sername*) printf '%s\\n' \"$PIPE_ASKPASS_USERNAME\" ;;\n*) printf '%s\\n' \"$PIPE_ASKPASS_PASSWORD\" ;;\nesac\n";

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// Resolves `credentialsId` for git or svn, logging as the Git plugin does.
fn credentials(tools: &Tools<'_, '_>, id: Option<&str>, for_svn: bool) -> R<Auth> {
    let run = tools.call.run;
    let Some(id) = id else {
        if !for_svn {
            tools.log("No credentials specified");
        }
        return Ok(Auth::default());
    };
    let cred = match run.config.credentials.get(id) {
        Some(c) => c,
        None => {
            tools.log(&format!(
                "Warning: CredentialId \"{id}\" could not be found."
            ));
            tools.log(&format!(
                "(define it in the credentials file (--credentials) or set PIPE_CREDENTIAL_{})",
                crate::exec::credentials::env_key(id)
            ));
            return Ok(Auth::default());
        }
    };
    if !for_svn {
        tools.log(&format!("using credential {id}"));
    }
    let mut auth = Auth::default();
    match cred {
        Credential::UsernamePassword { username, password } => {
            run.log.add_secret(&password);
            if !for_svn {
                let script = helper_script(run, "askpass", ASKPASS)?;
                auth.env = vec![
                    ("GIT_ASKPASS".into(), script.display().to_string()),
                    ("SSH_ASKPASS".into(), script.display().to_string()),
                    ("PIPE_ASKPASS_USERNAME".into(), username.clone()),
                    ("PIPE_ASKPASS_PASSWORD".into(), password.clone()),
                ];
                auth.note = Some(format!("using GIT_ASKPASS to set credentials {id}"));
                auth._files.push(script);
            }
            auth.username = Some(username);
            auth.password = Some(password);
        }
        Credential::SshKey {
            private_key,
            passphrase,
            ..
        } => {
            let key = secret_file(run, "ssh-key", private_key.as_bytes())?;
            let ssh = format!(
                "ssh -i {} -o StrictHostKeyChecking=no -o IdentitiesOnly=yes",
                shell_quote(&key.display().to_string())
            );
            auth.env.push((
                if for_svn { "SVN_SSH" } else { "GIT_SSH_COMMAND" }.into(),
                ssh,
            ));
            if let Some(p) = passphrase {
                run.log.add_secret(&p);
                let script = helper_script(run, "ssh-askpass", ASKPASS)?;
                auth.env.push(("SSH_ASKPASS".into(), script.display().to_string()));
                auth.env.push(("SSH_ASKPASS_REQUIRE".into(), "force".into()));
                auth.env.push(("DISPLAY".into(), ":0".into()));
                auth.env.push(("PIPE_ASKPASS_PASSWORD".into(), p));
                auth._files.push(script);
            }
            auth.note = Some(format!("using GIT_SSH to set credentials {id}"));
            auth._files.push(key);
        }
        other => {
            return Err(abort(format!(
                "Credentials '{id}' is of type '{}' where 'com.cloudbees.plugins.credentials.common.StandardUsernameCredentials' was expected",
                other.type_name()
            )))
        }
    }
    Ok(auth)
}

// ------------------------------------------------------------------ git

/// `https://host/a.git/`, `https://host/a` → the same key; local paths canonicalised.
fn same_remote(a: &str, b: &str) -> bool {
    let norm = |u: &str| {
        let u = u.trim().trim_end_matches('/');
        let u = u.strip_suffix(".git").unwrap_or(u);
        let path = u.strip_prefix("file://").unwrap_or(u);
        match std::fs::canonicalize(path) {
            Ok(p) if Path::new(path).is_absolute() || path.starts_with('.') => {
                p.display().to_string()
            }
            _ => u.to_string(),
        }
    };
    norm(a) == norm(b)
}

/// The subject, author and committer of a commit.
fn commit_info(tools: &Tools<'_, '_>, dir: &Path, sha: &str) -> R<Vec<String>> {
    let out = tools.git(
        dir,
        &["log", "-1", "--format=%s%n%an%n%ae%n%cn%n%ce", sha],
        false,
    )?;
    Ok(out.lines().map(str::to_string).collect())
}

/// The vars of a working tree used as it is (the developer's own clone).
fn workspace_vars(dir: &Path) -> Vec<(String, String)> {
    crate::exec::scm::scm_vars(dir)
        .into_iter()
        .filter(|(k, _)| k.starts_with("GIT_"))
        .collect()
}

fn git_checkout(call: &StepCall<'_>, spec: &GitSpec) -> R<Value> {
    let ctx = StepCtx::current(call.interp);
    let mut dir = ctx.cwd.clone();
    if let Some(sub) = &spec.subdir {
        dir = dir.join(sub);
    }
    let mut env = full_env(call.run, &ctx);
    let tools = Tools {
        call,
        prefix: ctx.log_prefix(),
        env: env.clone(),
    };
    tools.log("The recommended git tool is: NONE");
    let auth = credentials(&tools, spec.credentials_id.as_deref(), false)?;
    if auth.env.is_empty() {
        env.insert("GIT_TERMINAL_PROMPT".into(), "0".into());
    }
    for (k, v) in &auth.env {
        env.insert(k.clone(), v.clone());
    }
    let tools = Tools { env, ..tools };

    // Inside a repository pipe did not create: the developer's own clone is used as it
    // is for the same remote; another remote may only be cloned into a subdirectory.
    if let Some(top) = dir
        .is_dir()
        .then(|| git(&dir, &["rev-parse", "--show-toplevel"]))
        .flatten()
    {
        let managed = git(Path::new(&top), &["config", "--bool", "--get", MANAGED_KEY]);
        if managed.as_deref() != Some("true") {
            let origin = git(Path::new(&top), &["config", "--get", "remote.origin.url"]);
            let same = same_remote(origin.as_deref().unwrap_or(&top), &spec.url);
            let is_workspace = std::fs::canonicalize(&dir).ok()
                == std::fs::canonicalize(&call.run.config.workspace).ok();
            if dir.join(".git").exists() || (same && is_workspace) {
                return own_clone(&tools, &dir, spec);
            }
        }
    }
    if spec.wipe && dir.exists() {
        tools.log("Wiping out workspace first.");
        wipe(&dir)?;
    }
    let previous = if dir.join(".git").exists() {
        git(&dir, &["rev-parse", "-q", "--verify", "HEAD^{commit}"])
    } else {
        None
    };
    std::fs::create_dir_all(&dir).map_err(|e| {
        exception(
            "java.io.IOException",
            Some(format!("cannot create {}: {e}", dir.display())),
        )
    })?;
    let refspec = "+refs/heads/*:refs/remotes/origin/*";
    let mut fetch: Vec<String> = vec!["fetch".into()];
    fetch.push(if spec.no_tags { "--no-tags" } else { "--tags" }.into());
    fetch.push("--force".into());
    fetch.push("--progress".into());
    if let Some(d) = spec.depth {
        fetch.push(format!("--depth={d}"));
    }
    fetch.extend(["--".to_string(), spec.url.clone(), refspec.to_string()]);
    let fetch: Vec<&str> = fetch.iter().map(String::as_str).collect();
    let dir_s = dir.display().to_string();
    let fresh = !dir.join(".git").exists();
    if fresh {
        tools.log("Cloning the remote Git repository");
        tools.log(&format!("Cloning repository {}", spec.url));
        tools.git(&dir, &["init", &dir_s], true)?;
        tools.git(&dir, &["config", MANAGED_KEY, "true"], false)?;
        tools.log(&format!("Fetching upstream changes from {}", spec.url));
    } else {
        tools.git(
            &dir,
            &["rev-parse", "--resolve-git-dir", &format!("{dir_s}/.git")],
            true,
        )?;
        tools.log("Fetching changes from the remote Git repository");
        tools.git(&dir, &["config", "remote.origin.url", &spec.url], true)?;
        tools.log(&format!("Fetching upstream changes from {}", spec.url));
    }
    tools.log(" > git --version # timeout=10");
    let version = tools.git(&dir, &["--version"], false)?;
    tools.log(&format!(" > git --version # '{version}'"));
    if let Some(note) = &auth.note {
        tools.log(note);
    }
    let done = tools.git_status(&dir, &fetch, true)?;
    if done.code != 0 {
        tools.log("ERROR: Error fetching remote repo 'origin'");
        return Err(git_exception(format!(
            "Failed to fetch from {}: {}",
            spec.url,
            command_failed(&fetch, &done)
        )));
    }
    if fresh {
        tools.git(&dir, &["config", "remote.origin.url", &spec.url], true)?;
        tools.git(
            &dir,
            &["config", "--add", "remote.origin.fetch", refspec],
            true,
        )?;
        tools.log("Avoid second fetch");
    }
    if spec.clean {
        tools.log("Cleaning workspace");
        if git(&dir, &["rev-parse", "-q", "--verify", "HEAD"]).is_some() {
            tools.log("Resetting working tree");
            tools.git(&dir, &["reset", "--hard"], true)?;
            tools.git(&dir, &["clean", "-fdx"], true)?;
        }
    }
    let (sha, label) = resolve_revision(&tools, &dir, &spec.branch)?;
    tools.log(&format!("Checking out Revision {sha} ({label})"));
    let _ = tools.git_status(&dir, &["config", "core.sparsecheckout"], true)?;
    tools.git(&dir, &["checkout", "-f", &sha], true)?;
    let remote_branch = label.strip_prefix("refs/remotes/").map(str::to_string);
    if let Some(local) = &spec.local_branch {
        let branches = tools.git(&dir, &["branch", "-a", "-v", "--no-abbrev"], true)?;
        let exists = branches
            .lines()
            .any(|l| l.trim_start_matches('*').split_whitespace().next() == Some(local.as_str()));
        if exists {
            tools.git(&dir, &["branch", "-D", local], true)?;
        }
        tools.git(&dir, &["checkout", "-b", local, &sha], true)?;
    }
    let info = commit_info(&tools, &dir, &sha)?;
    tools.log(&format!(
        "Commit message: \"{}\"",
        info.first().cloned().unwrap_or_default()
    ));
    if spec.changelog {
        match &previous {
            Some(prev) => {
                tools.git(&dir, &["rev-list", "--no-walk", prev], true)?;
            }
            None => tools.log("First time build. Skipping changelog."),
        }
    }
    let mut vars: Vec<(String, String)> = vec![
        ("GIT_COMMIT".into(), sha.clone()),
        ("GIT_URL".into(), spec.url.clone()),
    ];
    if let Some(b) = remote_branch {
        vars.push(("GIT_BRANCH".into(), b));
    } else if !is_sha(&spec.branch) {
        vars.push(("GIT_BRANCH".into(), spec.branch.clone()));
    }
    if let Some(l) = &spec.local_branch {
        vars.push(("GIT_LOCAL_BRANCH".into(), l.clone()));
    }
    if let Some(p) = previous {
        vars.push(("GIT_PREVIOUS_COMMIT".into(), p));
    }
    if let Some(sub) = &spec.subdir {
        vars.push(("GIT_CHECKOUT_DIR".into(), sub.clone()));
    }
    for (name, value) in [
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ]
    .iter()
    .zip(info.iter().skip(1))
    {
        if !value.is_empty() {
            vars.push((name.to_string(), value.clone()));
        }
    }
    vars.sort();
    drop(auth);
    Ok(super::string_map(vars))
}

/// A repository pipe did not create (the developer's clone, the workspace itself): used as
/// it is when it is a clone of the same remote, refused otherwise.
fn own_clone(tools: &Tools<'_, '_>, dir: &Path, spec: &GitSpec) -> R<Value> {
    let origin = git(dir, &["config", "--get", "remote.origin.url"]);
    let top = git(dir, &["rev-parse", "--show-toplevel"]).unwrap_or_default();
    let matches = match &origin {
        Some(o) => same_remote(o, &spec.url),
        None => same_remote(&top, &spec.url),
    };
    if !matches {
        return Err(abort(format!(
            "refusing to check out {} into {}: it is a repository pipe did not create ({}), and checking out another repository over it would lose its work; run the checkout in a subdirectory (dir('…') {{ … }}) or in a scratch workspace (pipe run -w DIR)",
            spec.url,
            dir.display(),
            origin.as_deref().map_or_else(|| "no remote".to_string(), |o| format!("a clone of {o}"))
        )));
    }
    let mut vars = workspace_vars(dir);
    if !vars.iter().any(|(k, _)| k == "GIT_URL") {
        vars.push(("GIT_URL".into(), spec.url.clone()));
    }
    vars.sort();
    let get = |k: &str| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let sha = get("GIT_COMMIT").unwrap_or_default();
    let branch = get("GIT_LOCAL_BRANCH").unwrap_or_else(|| "detached HEAD".into());
    tools.log(&format!(
        "Using the working tree of {} as it is: revision {sha} on {branch} (your own clone of {} is not fetched or checked out under pipe run)",
        dir.display(),
        spec.url
    ));
    let wanted = short_branch(&spec.branch);
    if wanted != "**" && !wanted.contains('*') && wanted != branch && !is_sha(&wanted) {
        tools.log(&format!(
            "Note: the pipeline asks for {wanted}, the working tree is on {branch}"
        ));
    }
    if let Some(subject) = git(dir, &["log", "-1", "--format=%s"]) {
        tools.log(&format!("Commit message: \"{subject}\""));
    }
    Ok(super::string_map(vars))
}

/// Deletes what a directory contains (not the directory).
fn wipe(dir: &Path) -> R<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        exception(
            "java.io.IOException",
            Some(format!("cannot wipe {}: {e}", dir.display())),
        )
    })?;
    for e in entries.flatten() {
        let p = e.path();
        let r = if p.is_dir() && !p.is_symlink() {
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        };
        r.map_err(|e| {
            exception(
                "java.io.IOException",
                Some(format!("cannot delete {}: {e}", p.display())),
            )
        })?;
    }
    Ok(())
}

/// Glob matching with `*` (any run of characters) and `**`.
fn glob(pattern: &str, text: &str) -> bool {
    fn go(p: &[u8], t: &[u8]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some((b'*', rest)) => (0..=t.len()).any(|i| go(rest, &t[i..])),
            Some((c, rest)) => t.first() == Some(c) && go(rest, &t[1..]),
        }
    }
    go(pattern.as_bytes(), text.as_bytes())
}

/// The commit to build for a branch spec, and how Jenkins names it in the log.
fn resolve_revision(tools: &Tools<'_, '_>, dir: &Path, branch: &str) -> R<(String, String)> {
    let not_found = || {
        abort("Couldn't find any revision to build. Verify the repository and branch configuration for this job.")
    };
    let b = branch.trim();
    if is_sha(b) {
        let sha = tools.git_status(dir, &["rev-parse", &format!("{b}^{{commit}}")], true)?;
        if sha.code != 0 {
            return Err(not_found());
        }
        return Ok((sha.stdout.trim().to_string(), "detached".into()));
    }
    let reference = if b.starts_with("refs/tags/") || b.starts_with("refs/remotes/") {
        b.to_string()
    } else {
        format!("refs/remotes/origin/{}", short_branch(b))
    };
    if reference.contains('*') {
        let refs = tools.git(
            dir,
            &[
                "for-each-ref",
                "--sort=-committerdate",
                "--format=%(refname)",
                "refs/remotes/origin/",
            ],
            false,
        )?;
        let found = refs
            .lines()
            .find(|r| !r.ends_with("/HEAD") && glob(&reference, r))
            .map(str::to_string);
        let Some(r) = found else {
            return Err(not_found());
        };
        let sha = tools.git(dir, &["rev-parse", &format!("{r}^{{commit}}")], true)?;
        return Ok((sha, r));
    }
    let done = tools.git_status(
        dir,
        &["rev-parse", &format!("{reference}^{{commit}}")],
        true,
    )?;
    if done.code != 0 {
        return Err(not_found());
    }
    Ok((done.stdout.trim().to_string(), reference))
}

// ------------------------------------------------------------------ scm global

/// `scm` under `pipe run`: the workspace's own repository as a `GitSCM` description (its
/// `origin` remote, or its path when it has none, and its current branch). `None` outside a
/// repository, where Jenkins has no `scm` either.
pub fn scm_global(run: &Run) -> Option<Value> {
    let ws = &run.config.workspace;
    if !crate::exec::scm::in_repository(ws) {
        return None;
    }
    let top = git(ws, &["rev-parse", "--show-toplevel"])?;
    let url = git(ws, &["config", "--get", "remote.origin.url"])
        .filter(|u| !u.is_empty())
        .unwrap_or(top);
    let branch = git(ws, &["symbolic-ref", "--short", "-q", "HEAD"])
        .filter(|b| !b.is_empty())
        .map_or_else(
            || git(ws, &["rev-parse", "HEAD"]).unwrap_or_else(|| "**".into()),
            |b| format!("*/{b}"),
        );
    let s = |v: &str| Value::string(v.to_string());
    let map = |pairs: Vec<(&str, Value)>| {
        Value::map(
            pairs
                .into_iter()
                .map(|(k, v)| (HKey(Value::str(k)), v))
                .collect(),
        )
    };
    Some(map(vec![
        ("$class", s("GitSCM")),
        (
            "branches",
            Value::list(vec![map(vec![("name", s(&branch))])]),
        ),
        (
            "userRemoteConfigs",
            Value::list(vec![map(vec![("url", s(&url))])]),
        ),
        ("extensions", Value::list(Vec::new())),
        ("doGenerateSubmoduleConfigurations", Value::Bool(false)),
    ]))
}

// ------------------------------------------------------------------ subversion

/// One `locations` entry of a `SubversionSCM`.
#[derive(Debug, Clone)]
struct SvnLocation {
    url: String,
    /// `URL@REV`: the revision to check out.
    revision: Option<String>,
    credentials_id: Option<String>,
    local: String,
    depth: Option<String>,
    ignore_externals: bool,
}

fn svn_locations(scm: &Value) -> R<Vec<SvnLocation>> {
    let mut out = Vec::new();
    for l in list_of(field(scm, "locations")) {
        let Some(remote) = field_str(&l, "remote") else {
            return Err(abort(
                "checkout: each SubversionSCM location needs a remote",
            ));
        };
        let (url, revision) = match remote.rsplit_once('@') {
            Some((u, r))
                if !r.is_empty()
                    && (r.chars().all(|c| c.is_ascii_digit())
                        || r == "HEAD"
                        || (r.starts_with('{') && r.ends_with('}'))) =>
            {
                (u.to_string(), Some(r.to_string()))
            }
            _ => (remote.clone(), None),
        };
        let local = field_str(&l, "local")
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                url.trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or(".")
                    .to_string()
            });
        out.push(SvnLocation {
            url,
            revision,
            credentials_id: field_str(&l, "credentialsId").filter(|c| !c.is_empty()),
            local,
            depth: field_str(&l, "depthOption").filter(|d| d != "infinity"),
            ignore_externals: field(&l, "ignoreExternalsOption").is_some_and(|v| v.truthy()),
        });
    }
    if out.is_empty() {
        return Err(abort(
            "checkout: SubversionSCM needs locations: [[remote: 'svn://…', local: '.']]",
        ));
    }
    Ok(out)
}

/// `SVN_REVISION`/`SVN_URL` for one location, numbered when there are several
/// (`SubversionSCM.buildEnvVars`).
fn svn_vars(vars: &mut Vec<(String, String)>, i: usize, n: usize, url: &str, rev: &str) {
    if n == 1 {
        vars.push(("SVN_REVISION".into(), rev.to_string()));
        vars.push(("SVN_URL".into(), url.to_string()));
    } else {
        vars.push((format!("SVN_REVISION_{}", i + 1), rev.to_string()));
        vars.push((format!("SVN_URL_{}", i + 1), url.to_string()));
    }
}

/// Whether this svn reads passwords from standard input (1.10 and later).
fn svn_has_password_stdin(tools: &Tools<'_, '_>, cwd: &Path) -> bool {
    static HAS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *HAS.get_or_init(|| {
        tools
            .exec("svn", &["help".into(), "checkout".into()], cwd, None)
            .is_ok_and(|d| d.stdout.contains("--password-from-stdin"))
    })
}

/// One item of `svn info` about a working copy (`url`, `revision`).
fn svn_info(tools: &Tools<'_, '_>, dir: &Path, item: &str) -> Option<String> {
    let args = ["info", "--show-item", item, &dir.display().to_string()].map(String::from);
    tools
        .exec("svn", &args, dir, None)
        .ok()
        .filter(|d| d.code == 0)
        .map(|d| d.stdout.trim().to_string())
}

fn svn_checkout(call: &StepCall<'_>, locations: &[SvnLocation]) -> R<Value> {
    let ctx = StepCtx::current(call.interp);
    let base_env = full_env(call.run, &ctx);
    let mut vars = Vec::new();
    for (i, loc) in locations.iter().enumerate() {
        let tools = Tools {
            call,
            prefix: ctx.log_prefix(),
            env: base_env.clone(),
        };
        let auth = credentials(&tools, loc.credentials_id.as_deref(), true)?;
        let mut env = base_env.clone();
        for (k, v) in &auth.env {
            env.insert(k.clone(), v.clone());
        }
        let tools = Tools { env, ..tools };
        let dir: PathBuf = ctx.cwd.join(&loc.local).components().collect();
        let rev_label = loc.revision.clone().unwrap_or_else(|| "HEAD".into());
        let mut common: Vec<String> = vec!["--non-interactive".into(), "--no-auth-cache".into()];
        let mut stdin = None;
        if let (Some(u), Some(p)) = (&auth.username, &auth.password) {
            common.push("--username".into());
            common.push(u.clone());
            if svn_has_password_stdin(&tools, &ctx.cwd) {
                common.push("--password-from-stdin".into());
                stdin = Some(format!("{p}\n"));
            } else {
                common.push("--password".into());
                common.push(p.clone());
            }
        }
        let wc_url = if dir.join(".svn").exists() {
            svn_info(&tools, &dir, "url")
        } else {
            None
        };
        let mut args: Vec<String>;
        let action;
        if wc_url
            .as_deref()
            .is_some_and(|u| u.trim_end_matches('/') == loc.url.trim_end_matches('/'))
        {
            tools.log(&format!("Updating {} at revision {rev_label}", loc.url));
            args = vec![
                "update".into(),
                "--quiet".into(),
                "-r".into(),
                rev_label.clone(),
            ];
            action = "update";
        } else {
            if !dir.exists() {
                tools.log(&format!(
                    "Checking out a fresh workspace because {} doesn't exist",
                    dir.display()
                ));
            } else if wc_url.is_some() {
                tools.log(&format!(
                    "Checking out a fresh workspace because the workspace is not {}",
                    loc.url
                ));
            } else {
                tools.log(&format!(
                    "Checking out a fresh workspace because Jenkins failed to detect the current workspace {}",
                    dir.display()
                ));
            }
            tools.log(&format!(
                "Checking out {} at revision {rev_label} --quiet",
                loc.url
            ));
            args = vec![
                "checkout".into(),
                "--quiet".into(),
                "--force".into(),
                "-r".into(),
                rev_label.clone(),
                loc.url.clone(),
            ];
            action = "check out";
        }
        if let Some(d) = &loc.depth {
            args.push("--depth".into());
            args.push(d.clone());
        }
        if loc.ignore_externals {
            args.push("--ignore-externals".into());
        }
        args.extend(common.iter().cloned());
        args.push(dir.display().to_string());
        let done = tools.exec("svn", &args, &ctx.cwd, stdin)?;
        if done.code != 0 {
            for l in done.stderr.lines().filter(|l| !l.trim().is_empty()) {
                tools.log(l);
            }
            return Err(exception(
                "java.io.IOException",
                Some(format!("Failed to {action} {}", loc.url)),
            ));
        }
        let rev = svn_info(&tools, &dir, "revision").unwrap_or_else(|| rev_label.clone());
        tools.log(&format!("At revision {rev}"));
        svn_vars(&mut vars, i, locations.len(), &loc.url, &rev);
        drop(auth);
    }
    Ok(super::string_map(vars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_specs_and_remotes_are_normalised() {
        assert_eq!(short_branch("*/dev"), "dev");
        assert_eq!(short_branch("origin/feature/x"), "feature/x");
        assert_eq!(short_branch("refs/heads/main"), "main");
        assert_eq!(short_branch("master"), "master");
        assert!(same_remote("https://h/a.git", "https://h/a/"));
        assert!(!same_remote("https://h/a.git", "https://h/b.git"));
        assert!(glob(
            "refs/remotes/origin/feature-*",
            "refs/remotes/origin/feature-1"
        ));
        assert!(!glob(
            "refs/remotes/origin/feature-*",
            "refs/remotes/origin/main"
        ));
        assert!(is_sha("0123abc"));
        assert!(!is_sha("main"));
        assert_eq!(fake_sha("x").len(), 40);
    }
}
