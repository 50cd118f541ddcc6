//! Steps that reach beyond the pipeline's own code: `tool`, `load`, `library`, `build`,
//! `mail` and `properties`. What a Jenkins controller would know (tool installations,
//! libraries, the mail server, other jobs) comes from the configuration file
//! ([`crate::exec::config`]).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indexmap::IndexMap;
use parking_lot::Mutex;

use super::basic::check_interrupted;
use super::blocks::INTERRUPTION_RESULT;
use super::symbols::{field, field_str, symbol_of};
use super::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::eval::error::{exception, exception_value, illegal_arg, Flow, Thrown, R};
use crate::eval::value::{to_display, to_inspect, NativeObject, Value};
use crate::eval::Interp;
use crate::exec::config::{find_tool, unknown_tool};
use crate::exec::context::StepCtx;
use crate::exec::log::LogSink;
use crate::exec::result::BuildResult;
use crate::exec::run::{Run, RunConfig};

pub static STEPS: &[&dyn Step] = &[&Tool, &Load, &Library, &Build, &Mail, &Properties];

fn abort(msg: impl Into<String>) -> Flow {
    exception("hudson.AbortException", Some(msg.into()))
}

// ------------------------------------------------------------------ tool

pub struct Tool;
static TOOL: StepSpec = StepSpec {
    name: "tool",
    summary: "The home directory of a tool installation from the configuration file ([tools]).",
    params: &[
        req("name", T::String, "the installation's name"),
        opt(
            "type",
            T::String,
            "its type: maven, jdk, gradle, nodejs… (any when omitted)",
        ),
    ],
    positional: Some("name"),
    body: Body::None,
    returns: "String: the tool's home directory",
    example: "def scannerHome = tool 'SonarQube.Scanner-2.8'",
    side_effects: false,
    open_params: false,
};

impl Step for Tool {
    fn spec(&self) -> &'static StepSpec {
        &TOOL
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let name = call.args.required_string("tool", "name")?;
        let kind = call.args.string("type").filter(|t| !t.is_empty());
        if let Some(t) = find_tool(&call.run.config.settings, kind.as_deref(), &name) {
            return Ok(Value::string(t.home.clone()));
        }
        if call.run.config.dry_run {
            let home = format!("/opt/tools/{name}");
            let prefix = StepCtx::current(call.interp).log_prefix();
            call.run.log.line(
                &prefix,
                &format!("[dry-run] tool {name} is not configured; using {home}"),
            );
            return Ok(Value::string(home));
        }
        Err(unknown_tool(call.run, kind.as_deref(), &name))
    }
}

// ------------------------------------------------------------------ load

pub struct Load;
static LOAD: StepSpec = StepSpec {
    name: "load",
    summary: "Run a Groovy file of the workspace in this build and return its value (`return this` gives an object whose methods can be called).",
    params: &[req("path", T::String, "the file, relative to the current directory")],
    positional: Some("path"),
    body: Body::None,
    returns: "the value of the script (its last statement or `return`)",
    example: "def utils = load 'ci/utils.groovy'; utils.deploy('qa')",
    side_effects: false,
    open_params: false,
};

impl Step for Load {
    fn spec(&self) -> &'static StepSpec {
        &LOAD
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let path = call.args.required_string("load", "path")?;
        let ctx = StepCtx::current(call.interp);
        let file = ctx.cwd.join(&path);
        let script = crate::exec::library::parse_file(&file)?;
        let name = call.run.loaded.next_script_name();
        let (_, value) = crate::exec::library::instantiate(call.interp, &script, &name)?;
        Ok(value)
    }
}

// ------------------------------------------------------------------ library

pub struct Library;
static LIBRARY: StepSpec = StepSpec {
    name: "library",
    summary: "Load a shared library ([libraries] in the configuration) while the build runs: its vars/ become global variables.",
    params: &[
        req("identifier", T::String, "name or name@version"),
        opt("changelog", T::Bool, "ignored"),
        opt("retriever", T::Any, "ignored: libraries come from the configuration file"),
    ],
    positional: Some("identifier"),
    body: Body::None,
    returns: "the library (its src/ classes are not supported yet)",
    example: "library 'pipeline-utils@v2'",
    side_effects: false,
    open_params: false,
};

impl Step for Library {
    fn spec(&self) -> &'static StepSpec {
        &LIBRARY
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let spec = call.args.required_string("library", "identifier")?;
        crate::exec::library::load_library(call.interp, call.run, &spec)?;
        let name = spec.split('@').next().unwrap_or(&spec).trim().to_string();
        Ok(Value::Native(Arc::new(
            crate::exec::library::LoadedClasses { name },
        )))
    }
}

// ------------------------------------------------------------------ build

pub struct Build;
static BUILD: StepSpec = StepSpec {
    name: "build",
    summary: "Run another job's pipeline as a downstream build ([jobs] in the configuration, or <job>.Jenkinsfile / jobs/<job>/Jenkinsfile in the workspace).",
    params: &[
        req("job", T::String, "the job name"),
        opt("parameters", T::List, "string(name:, value:), booleanParam(name:, value:)…"),
        opt("wait", T::Bool, "wait for the downstream build (default true)"),
        opt("propagate", T::Bool, "fail with the downstream build's result when it is not SUCCESS (default true)"),
        opt("quietPeriod", T::Int, "ignored"),
        opt("waitForStart", T::Bool, "ignored: the downstream build runs to completion"),
    ],
    positional: Some("job"),
    body: Body::None,
    returns: "RunWrapper of the downstream build (result, number, buildVariables, absoluteUrl…); null with wait: false",
    example: "def b = build job: 'deploy', parameters: [string(name: 'VERSION', value: '1.2')], propagate: false",
    side_effects: true,
    open_params: false,
};

/// How many downstream builds are running in this process: a bound against cycles.
static NESTED: AtomicUsize = AtomicUsize::new(0);
const MAX_NESTED: usize = 10;

/// Where a job's pipeline is, and its workspace: `[jobs]` first, then `<job>.Jenkinsfile`,
/// then `jobs/<job>/Jenkinsfile` in the workspace (which the downstream build shares unless
/// `[jobs]` gives it one).
fn job_location(run: &Run, job: &str) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let ws = &run.config.workspace;
    if let Some(def) = run.config.settings.jobs.get(job) {
        return Some((
            def.file.clone(),
            def.workspace.clone().unwrap_or_else(|| ws.clone()),
        ));
    }
    let name = job.trim_start_matches('/');
    [
        ws.join(format!("{name}.Jenkinsfile")),
        ws.join("jobs").join(name).join("Jenkinsfile"),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .map(|p| (p, ws.clone()))
}

/// The downstream build's parameters as `-p` values.
fn build_params(list: Option<&Value>) -> R<IndexMap<String, String>> {
    let mut out = IndexMap::new();
    let items = match list {
        Some(Value::List(l)) => l.snapshot(),
        Some(other) => {
            return illegal_arg(format!(
                "build: parameters must be a list like [string(name: 'X', value: 'y')], not {}",
                to_display(other)
            ))
        }
        None => Vec::new(),
    };
    for p in items {
        let kind = symbol_of(&p).unwrap_or_default();
        let Some(name) = field_str(&p, "name") else {
            return illegal_arg(format!(
                "build: parameter without a name: {}",
                to_inspect(&p)
            ));
        };
        let value = match kind.as_str() {
            "file" | "FileParameterValue" | "base64File" | "stashedFile" => {
                return Err(abort(format!(
                    "build: the file parameter {name} is not supported under pipe run"
                )))
            }
            "booleanParam" | "BooleanParameterValue" => field(&p, "value")
                .is_some_and(|v| v.truthy() && to_display(&v) != "false")
                .to_string(),
            _ => field(&p, "value")
                .or_else(|| field(&p, "defaultValue"))
                .map(|v| to_display(&v))
                .unwrap_or_default(),
        };
        out.insert(name, value);
    }
    Ok(out)
}

/// The downstream build's log lines, shown in this build's log under `[job #N] `.
struct ChildSink {
    parent: Arc<Run>,
    prefix: Mutex<String>,
}

impl LogSink for ChildSink {
    fn write_line(&self, line: &str) {
        let prefix = self.prefix.lock().clone();
        self.parent.log.line(&prefix, line);
    }
}

/// The keys `execute` puts in every build's environment (not `buildVariables`).
fn is_standard_var(k: &str) -> bool {
    matches!(
        k,
        "JOB_NAME"
            | "JOB_BASE_NAME"
            | "BUILD_NUMBER"
            | "BUILD_ID"
            | "BUILD_DISPLAY_NAME"
            | "BUILD_TAG"
            | "WORKSPACE"
            | "JENKINS_HOME"
            | "NODE_NAME"
            | "NODE_LABELS"
            | "EXECUTOR_NUMBER"
            | "CI"
            | "BRANCH_NAME"
            | "TAG_NAME"
    ) || k.starts_with("GIT_")
}

impl Step for Build {
    fn spec(&self) -> &'static StepSpec {
        &BUILD
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let job = call.args.required_string("build", "job")?;
        let params = build_params(call.args.get("parameters"))?;
        let prefix = StepCtx::current(call.interp).log_prefix();
        call.run.log.line(
            &prefix,
            &format!(
                "[dry-run] build job: {job}{}",
                params
                    .iter()
                    .map(|(k, v)| format!(", {k}={v}"))
                    .collect::<String>()
            ),
        );
        if !call.args.bool("wait").unwrap_or(true) {
            return Ok(Value::Null);
        }
        Ok(Value::Native(Arc::new(DownstreamBuild {
            job: job.clone(),
            number: 1,
            result: BuildResult::Success,
            variables: IndexMap::new(),
            url: format!("file://{}/", call.run.config.workspace.display()),
            duration_ms: 0,
        })))
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let job = call.args.required_string("build", "job")?;
        let params = build_params(call.args.get("parameters"))?;
        let wait = call.args.bool("wait").unwrap_or(true);
        let propagate = call.args.bool("propagate").unwrap_or(true);
        let ctx = StepCtx::current(call.interp);
        let prefix = ctx.log_prefix();
        let Some((file, workspace)) = job_location(call.run, &job) else {
            return Err(abort(format!(
                "No item named {job} found; map it under [jobs] as {job} = \"path/to/Jenkinsfile\" in {}, or create {job}.Jenkinsfile or jobs/{job}/Jenkinsfile in the workspace",
                call.run.config.settings.where_to_configure()
            )));
        };
        let src = std::fs::read_to_string(&file).map_err(|e| {
            abort(format!(
                "build: cannot read {} for job {job}: {e}",
                file.display()
            ))
        })?;
        if NESTED.load(Ordering::SeqCst) >= MAX_NESTED {
            return Err(abort(format!(
                "build: more than {MAX_NESTED} nested downstream builds; do the jobs start each other in a cycle?"
            )));
        }
        call.run
            .log
            .line(&prefix, &format!("Scheduling project: {job}"));
        let parent = &call.run.config;
        let mut config = RunConfig::new(workspace);
        config.job_name = job.clone();
        config.params = params;
        config.credentials = parent.credentials.clone();
        config.inputs = parent.inputs.clone();
        config.sh_stubs = parent.sh_stubs.clone();
        config.settings = parent.settings.clone();
        config.user = parent.user.clone();
        let sink = Arc::new(ChildSink {
            parent: call.run.clone(),
            prefix: Mutex::new(format!("{prefix}[{job}] ")),
        });
        // The downstream build stops when this one is interrupted (timeout, abort).
        let tokens = call.interp.tokens.borrow().clone();
        let finished = Arc::new(AtomicBool::new(false));
        let watcher_done = finished.clone();
        let log_run = call.run.clone();
        let sink2 = sink.clone();
        let prefix2 = prefix.clone();
        let job2 = job.clone();
        let on_start = move |child: &Arc<Run>| {
            let n = child.config.build_number;
            log_run
                .log
                .line(&prefix2, &format!("Starting building: {job2} #{n}"));
            *sink2.prefix.lock() = format!("{prefix2}[{job2} #{n}] ");
            let abort = child.abort.clone();
            std::thread::spawn(move || {
                while !watcher_done.load(Ordering::SeqCst) {
                    if let Some((class, message)) = tokens.iter().find_map(|t| t.cause()) {
                        abort.fire(&class, message);
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            });
        };
        NESTED.fetch_add(1, Ordering::SeqCst);
        let outcome = crate::exec::runner::build(
            &src,
            &file.display().to_string(),
            config,
            sink,
            false,
            on_start,
        );
        NESTED.fetch_sub(1, Ordering::SeqCst);
        finished.store(true, Ordering::SeqCst);
        let (child, result) = match outcome {
            Ok(x) => x,
            Err(e) => {
                let text = match e {
                    crate::exec::runner::RunError::Parse(p) => crate::diagnostic::render_plain(&p),
                    crate::exec::runner::RunError::Invalid(i) => {
                        crate::diagnostic::render_plain(&i)
                    }
                };
                return Err(abort(format!(
                    "build: the pipeline of {job} does not start:\n{text}"
                )));
            }
        };
        check_interrupted(call)?;
        child.set_result(result);
        let number = child.config.build_number;
        call.run.log.line(
            &prefix,
            &format!("Build {job} #{number} completed: {result}"),
        );
        if propagate && wait && result != BuildResult::Success {
            let cause = exception_value(INTERRUPTION_RESULT, Some(result.name().into()), None);
            return Err(Flow::Throw(Box::new(Thrown {
                value: exception_value(
                    super::basic::FLOW_INTERRUPTED,
                    Some(format!(
                        "{job} #{number} completed with status {result} (propagate: false to ignore)"
                    )),
                    Some(cause),
                ),
                span: None,
                trace: Vec::new(),
            })));
        }
        if !wait {
            return Ok(Value::Null);
        }
        let child_params: Vec<String> = child.params.lock().keys().cloned().collect();
        let variables = child
            .env
            .lock()
            .iter()
            .filter(|(k, _)| !is_standard_var(k) && !child_params.contains(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let url = match &child.config.build_dir {
            Some(d) => format!("file://{}/", d.display()),
            None => format!("file://{}/", child.config.workspace.display()),
        };
        Ok(Value::Native(Arc::new(DownstreamBuild {
            job,
            number,
            result,
            variables,
            url,
            duration_ms: child.started.elapsed().as_millis() as i64,
        })))
    }
}

/// What `build` returns: a `RunWrapper` of the finished downstream build.
pub struct DownstreamBuild {
    job: String,
    number: u64,
    result: BuildResult,
    variables: IndexMap<String, String>,
    url: String,
    duration_ms: i64,
}

impl NativeObject for DownstreamBuild {
    fn class_name(&self) -> String {
        "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper".into()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        let v = match name {
            "result" | "currentResult" => Value::str(self.result.name()),
            "number" => Value::int_or_long(self.number as i64),
            "id" => Value::string(self.number.to_string()),
            "displayName" => Value::string(format!("#{}", self.number)),
            "fullDisplayName" => Value::string(format!("{} #{}", self.job, self.number)),
            "projectName" | "fullProjectName" => Value::string(self.job.clone()),
            "absoluteUrl" => Value::string(self.url.clone()),
            "buildVariables" => {
                super::string_map(self.variables.iter().map(|(k, v)| (k.clone(), v.clone())))
            }
            "description" => Value::Null,
            "duration" => Value::long(self.duration_ms),
            "durationString" => Value::string(super::basic::human_duration(Duration::from_millis(
                self.duration_ms.max(0) as u64,
            ))),
            "keepLog" => Value::Bool(false),
            "changeSets" | "upstreamBuilds" => Value::list(Vec::new()),
            "previousBuild" | "nextBuild" => Value::Null,
            "rawBuild" => return Some(crate::exec::globals::reject_raw_build()),
            _ => return None,
        };
        Some(Ok(v))
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let cmp = |other: &Value| BuildResult::from_jenkins(&to_display(other));
        match (name, args) {
            ("resultIsBetterOrEqualTo", [o]) => Some(Ok(Value::Bool(self.result <= cmp(o)))),
            ("resultIsWorseOrEqualTo", [o]) => Some(Ok(Value::Bool(self.result >= cmp(o)))),
            (n, []) if n.starts_with("get") && n.len() > 3 => {
                let mut c = n[3..].chars();
                let prop: String = match c.next() {
                    Some(f) => f.to_lowercase().chain(c).collect(),
                    None => return None,
                };
                self.get_property(interp, &prop)
            }
            _ => None,
        }
    }

    fn to_string(&self) -> String {
        format!(
            "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper@{}#{}",
            self.job, self.number
        )
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

// ------------------------------------------------------------------ mail

pub struct Mail;
static MAIL: StepSpec = StepSpec {
    name: "mail",
    summary: "Send an email through the SMTP server of the configuration file ([mail]; default localhost:25).",
    params: &[
        opt("subject", T::String, "the subject (required)"),
        opt("body", T::String, "the text (required)"),
        opt("to", T::String, "recipients, separated by commas"),
        opt("cc", T::String, "copy recipients"),
        opt("bcc", T::String, "blind copy recipients"),
        opt("from", T::String, "the sender (default: [mail] from)"),
        opt("replyTo", T::String, "the Reply-To address"),
        opt("charset", T::String, "the body's charset (default UTF-8)"),
        opt("mimeType", T::String, "text/plain (default) or text/html"),
    ],
    positional: None,
    body: Body::None,
    returns: "null",
    example: "mail to: 'team@example.com', subject: \"${env.JOB_NAME} #${env.BUILD_NUMBER} failed\", body: \"See ${env.BUILD_URL}\"",
    side_effects: true,
    open_params: false,
};

/// Jenkins' default sender when none is configured (the Mailer plugin's admin address).
const DEFAULT_FROM: &str = "address not configured yet <nobody@nowhere>";

fn mailboxes(list: Option<String>) -> R<Vec<lettre::message::Mailbox>> {
    let mut out = Vec::new();
    let Some(list) = list else {
        return Ok(out);
    };
    for a in list.split(',').map(str::trim).filter(|a| !a.is_empty()) {
        out.push(a.parse().map_err(|e| {
            exception(
                "javax.mail.internet.AddressException",
                Some(format!("Illegal address in string ``{a}'': {e}")),
            )
        })?);
    }
    Ok(out)
}

/// A validated mail: the message, and the recipients for the log.
fn build_mail(call: &StepCall<'_>) -> R<(lettre::Message, String)> {
    use lettre::message::header::ContentType;
    let subject = call.args.string("subject").unwrap_or_default();
    let body = call.args.string("body").unwrap_or_default();
    if subject.trim().is_empty() || body.trim().is_empty() {
        return Err(abort(
            "Email not sent. All mandatory properties must be supplied ('subject', 'body').",
        ));
    }
    let to = mailboxes(call.args.string("to"))?;
    let cc = mailboxes(call.args.string("cc"))?;
    let bcc = mailboxes(call.args.string("bcc"))?;
    if to.is_empty() && cc.is_empty() && bcc.is_empty() {
        return Err(abort(
            "Email not sent. No recipients of any kind specified ('to', 'cc', 'bcc').",
        ));
    }
    let settings = call.run.config.settings.mail.clone().unwrap_or_default();
    let from = call
        .args
        .string("from")
        .or(settings.from)
        .unwrap_or_else(|| DEFAULT_FROM.into());
    let from = mailboxes(Some(from))?
        .into_iter()
        .next()
        .ok_or_else(|| abort("mail: no sender address"))?;
    let mut m = lettre::Message::builder().from(from).subject(subject);
    for r in mailboxes(call.args.string("replyTo"))? {
        m = m.reply_to(r);
    }
    let shown = to
        .iter()
        .chain(cc.iter())
        .chain(bcc.iter())
        .map(|m| m.email.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    for r in to {
        m = m.to(r);
    }
    for r in cc {
        m = m.cc(r);
    }
    for r in bcc {
        m = m.bcc(r);
    }
    let mime = call
        .args
        .string("mimeType")
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "text/plain".into());
    let charset = call
        .args
        .string("charset")
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "UTF-8".into());
    let content_type = ContentType::parse(&format!("{mime}; charset={charset}")).map_err(|e| {
        crate::eval::error::exception(
            "java.lang.IllegalArgumentException",
            Some(format!("mail: bad mimeType {mime}: {e}")),
        )
    })?;
    let message = m.header(content_type).body(body).map_err(|e| {
        exception(
            "javax.mail.MessagingException",
            Some(format!("cannot build the message: {e}")),
        )
    })?;
    Ok((message, shown))
}

impl Step for Mail {
    fn spec(&self) -> &'static StepSpec {
        &MAIL
    }

    fn dry_run(&self, call: &StepCall<'_>) -> R<Value> {
        let (_, to) = build_mail(call)?;
        let prefix = StepCtx::current(call.interp).log_prefix();
        call.run.log.line(
            &prefix,
            &format!(
                "[dry-run] mail to: {to}, subject: {}",
                call.args.string("subject").unwrap_or_default()
            ),
        );
        Ok(Value::Null)
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        use crate::backend::mail::{send, SendError, SmtpServer};
        let (message, _) = build_mail(call)?;
        let settings = call.run.config.settings.mail.clone().unwrap_or_default();
        let login = match (&settings.credentials_id, &settings.user) {
            (Some(id), _) => match call.run.config.credentials.get(id) {
                Some(crate::exec::credentials::Credential::UsernamePassword {
                    username,
                    password,
                }) => Some((username, password)),
                Some(other) => {
                    return Err(abort(format!(
                        "Credentials '{id}' is of type '{}' where 'com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials' was expected",
                        other.type_name()
                    )))
                }
                None => return Err(crate::exec::credentials::not_found(call.run, id)),
            },
            (None, Some(u)) => Some((u.clone(), settings.password.clone().unwrap_or_default())),
            (None, None) => None,
        };
        if let Some((_, p)) = &login {
            call.run.log.add_secret(p);
        }
        check_interrupted(call)?;
        let server = SmtpServer {
            host: &settings.host,
            port: settings.port,
            login,
            timeout: Duration::from_secs(30),
        };
        // JavaMail's messages (`SMTPTransport`), which Jenkins' `mail` step passes on.
        send(&server, &message).map_err(|e| {
            let text = match e {
                SendError::Connect(why) => format!(
                    "Could not connect to SMTP host: {}, port: {}; {why}",
                    settings.host, settings.port
                ),
                SendError::Smtp(why) => format!(
                    "Could not send mail through SMTP host: {}, port: {}: {why}",
                    settings.host, settings.port
                ),
            };
            exception("javax.mail.MessagingException", Some(text))
        })?;
        Ok(Value::Null)
    }
}

// ------------------------------------------------------------------ properties

pub struct Properties;
static PROPERTIES: StepSpec = StepSpec {
    name: "properties",
    summary: "Set job properties: parameters([…]) defines build parameters; buildDiscarder, disableConcurrentBuilds, pipelineTriggers are noted.",
    params: &[req(
        "properties",
        T::List,
        "parameters([…]), buildDiscarder(…), disableConcurrentBuilds(), pipelineTriggers([…])",
    )],
    positional: Some("properties"),
    body: Body::None,
    returns: "null",
    example: "properties([parameters([string(name: 'VERSION', defaultValue: '1.0')]), buildDiscarder(logRotator(numToKeepStr: '10'))])",
    side_effects: false,
    open_params: false,
};

impl Step for Properties {
    fn spec(&self) -> &'static StepSpec {
        &PROPERTIES
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let prefix = StepCtx::current(call.interp).log_prefix();
        let items = match call.args.get("properties") {
            Some(Value::List(l)) => l.snapshot(),
            Some(v @ Value::Map(_)) => vec![v.clone()],
            _ => return illegal_arg("properties: expected a list of job properties"),
        };
        let note = |text: String| call.run.log.line(&prefix, &text);
        for p in items {
            let kind = symbol_of(&p).unwrap_or_else(|| to_display(&p));
            match kind.as_str() {
                "parameters" | "ParametersDefinitionProperty" => {
                    let mut defs = Vec::new();
                    for d in list_field(&p, "parameterDefinitions") {
                        match crate::exec::input::InputParam::from_descriptor(&d) {
                            Some(def) => defs.push(def),
                            None => {
                                return illegal_arg(format!(
                                    "properties: unsupported parameter {}",
                                    symbol_of(&d).unwrap_or_else(|| to_inspect(&d))
                                ))
                            }
                        }
                    }
                    crate::exec::params::define(call.run, &defs)?;
                }
                "buildDiscarder" | "BuildDiscarderProperty" => note(
                    "properties: buildDiscarder has no effect under pipe run (every build is kept under .pipe/)".into(),
                ),
                "disableConcurrentBuilds" | "DisableConcurrentBuildsJobProperty" => note(
                    "properties: disableConcurrentBuilds applies to later builds in Jenkins; under pipe run use options { disableConcurrentBuilds() } in a Declarative pipeline".into(),
                ),
                "pipelineTriggers" | "PipelineTriggersJobProperty" => {
                    let triggers: Vec<String> = list_field(&p, "triggers")
                        .iter()
                        .map(|t| {
                            let name = symbol_of(t).unwrap_or_default();
                            match field_str(t, "spec").or_else(|| field_str(t, "scmpoll_spec")) {
                                Some(s) => format!("{name}('{s}')"),
                                None => name,
                            }
                        })
                        .collect();
                    note(format!(
                        "properties: triggers are not scheduled by pipe run: {}",
                        if triggers.is_empty() { "none".into() } else { triggers.join(", ") }
                    ));
                }
                other => note(format!("properties: {other} has no effect under pipe run")),
            }
        }
        Ok(Value::Null)
    }
}

/// A list field of a description (or its positional argument).
fn list_field(v: &Value, name: &str) -> Vec<Value> {
    match field(v, name) {
        Some(Value::List(l)) => l.snapshot(),
        Some(single @ Value::Map(_)) => vec![single],
        _ => Vec::new(),
    }
}
