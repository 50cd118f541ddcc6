//! `withCredentials`: binds credentials to environment variables for the extent of a
//! block, masking every secret value in the log.

use super::blocks::run_body;
use super::symbols::{field_str, symbol_of};
use super::{req, Body, ParamType as T, Step, StepCall, StepSpec};
use crate::eval::error::{exception, Flow, R};
use crate::eval::value::{to_display, Value};
use crate::exec::context::StepCtx;
use crate::exec::credentials::{not_found, secret_file, Bound, Credential};
use crate::exec::run::Run;

pub static STEPS: &[&dyn Step] = &[&WithCredentials];

pub struct WithCredentials;
static WITH_CREDENTIALS: StepSpec = StepSpec {
    name: "withCredentials",
    summary: "Bind credentials to environment variables for a block; their values are masked as ****.",
    params: &[req(
        "bindings",
        T::List,
        "usernamePassword(…), usernameColonPassword(…), string(…), file(…), sshUserPrivateKey(…)",
    )],
    positional: Some("bindings"),
    body: Body::Required,
    returns: "the block's value",
    example: "withCredentials([usernamePassword(credentialsId: 'registry', usernameVariable: 'U', passwordVariable: 'P')]) { sh 'docker login -u $U -p $P' }",
    side_effects: false,
    open_params: false,
};

/// The Java type Jenkins names when a credential has the wrong type for a binding.
fn expected_type(binding: &str) -> &'static str {
    match binding {
        "usernamePassword" | "usernameColonPassword" => {
            "com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials"
        }
        "string" => "org.jenkinsci.plugins.plaincredentials.StringCredentials",
        "file" => "org.jenkinsci.plugins.plaincredentials.FileCredentials",
        _ => "com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey",
    }
}

/// `$class` names of the bindings, as old pipelines write them.
fn binding_name(d: &Value) -> Option<String> {
    let s = symbol_of(d)?;
    Some(
        match s.as_str() {
            "UsernamePasswordMultiBinding" => "usernamePassword",
            "UsernamePasswordBinding" => "usernameColonPassword",
            "StringBinding" => "string",
            "FileBinding" => "file",
            "SSHUserPrivateKeyBinding" => "sshUserPrivateKey",
            other => other,
        }
        .to_string(),
    )
}

fn arg_error(msg: String) -> Flow {
    exception("java.lang.IllegalArgumentException", Some(msg))
}

/// Resolves one binding into variables, secrets and secret files.
fn bind(run: &Run, d: &Value, out: &mut Bound) -> R<()> {
    let Some(kind) = binding_name(d) else {
        return Err(arg_error(format!(
            "withCredentials: expected a binding like usernamePassword(…) but got {}",
            to_display(d)
        )));
    };
    let need = |name: &str| -> R<String> {
        field_str(d, name)
            .ok_or_else(|| arg_error(format!("{kind}: missing required parameter \"{name}\"")))
    };
    let id = need("credentialsId")?;
    let cred = match run.config.credentials.get(&id) {
        Some(c) => c,
        None if run.config.dry_run => placeholder(&kind, &id),
        None => return Err(not_found(run, &id)),
    };
    let mismatch = |c: &Credential| {
        exception(
            "hudson.AbortException",
            Some(format!(
                "Credentials '{id}' is of type '{}' where '{}' was expected",
                c.type_name(),
                expected_type(&kind)
            )),
        )
    };
    match (kind.as_str(), &cred) {
        ("usernamePassword", Credential::UsernamePassword { username, password }) => {
            if let Some(v) = field_str(d, "usernameVariable") {
                out.vars.push((v, username.clone()));
            }
            if let Some(v) = field_str(d, "passwordVariable") {
                out.vars.push((v, password.clone()));
            }
            out.secrets.push(password.clone());
        }
        ("usernameColonPassword", Credential::UsernamePassword { username, password }) => {
            let both = format!("{username}:{password}");
            out.vars.push((need("variable")?, both.clone()));
            out.secrets.push(both);
            out.secrets.push(password.clone());
        }
        ("string", Credential::Secret(s)) => {
            out.vars.push((need("variable")?, s.clone()));
            out.secrets.push(s.clone());
        }
        ("file", Credential::File { content, file_name }) => {
            let path = secret_file(run, file_name, content)?;
            out.vars.push((need("variable")?, path.display().to_string()));
            out.files.push(path);
        }
        (
            "sshUserPrivateKey",
            Credential::SshKey {
                username,
                private_key,
                passphrase,
            },
        ) => {
            let path = secret_file(run, "ssh-key", private_key.as_bytes())?;
            out.vars.push((need("keyFileVariable")?, path.display().to_string()));
            out.files.push(path);
            if let Some(v) = field_str(d, "usernameVariable") {
                out.vars.push((v, username.clone()));
            }
            if let (Some(v), Some(p)) = (field_str(d, "passphraseVariable"), passphrase) {
                out.vars.push((v, p.clone()));
                out.secrets.push(p.clone());
            }
        }
        ("usernamePassword" | "usernameColonPassword" | "string" | "file" | "sshUserPrivateKey", c) => {
            return Err(mismatch(c))
        }
        (other, _) => {
            return Err(arg_error(format!(
                "withCredentials: the binding {other} is not supported; use usernamePassword, usernameColonPassword, string, file or sshUserPrivateKey"
            )))
        }
    }
    Ok(())
}

/// Stand-in values for `--dry-run` when a credential is not configured.
fn placeholder(kind: &str, id: &str) -> Credential {
    let secret = format!("dry-run-secret-{id}");
    match kind {
        "usernamePassword" | "usernameColonPassword" => Credential::UsernamePassword {
            username: format!("dry-run-user-{id}"),
            password: secret,
        },
        "file" => Credential::File {
            content: Vec::new(),
            file_name: id.to_string(),
        },
        "sshUserPrivateKey" => Credential::SshKey {
            username: format!("dry-run-user-{id}"),
            private_key: String::new(),
            passphrase: None,
        },
        _ => Credential::Secret(secret),
    }
}

impl Step for WithCredentials {
    fn spec(&self) -> &'static StepSpec {
        &WITH_CREDENTIALS
    }

    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("withCredentials")?;
        let bindings = match call.args.get("bindings") {
            Some(Value::List(l)) => l.snapshot(),
            Some(single @ Value::Map(_)) => vec![single.clone()],
            _ => {
                return Err(arg_error(
                    "withCredentials: expected a list of bindings".into(),
                ))
            }
        };
        let mut bound = Bound::default();
        for d in &bindings {
            bind(call.run, d, &mut bound)?;
        }
        for s in &bound.secrets {
            call.run.log.add_secret(s);
        }
        let ctx = StepCtx::current(call.interp);
        let secret_vars = bound.secret_vars();
        let inner = ctx
            .with_env(bound.vars.clone())
            .with_secrets(bound.secrets.clone())
            .with_secret_vars(secret_vars);
        let r = run_body(call.interp, inner, &body, call.span);
        drop(bound);
        r
    }
}

/// Jenkins' warning when a step argument interpolates a secret with a Groovy GString
/// (`sh "curl -u $PASS"` with double quotes): the secret went through Groovy, not the
/// shell's environment. Returns the warning lines, or nothing.
pub fn interpolation_warning(step: &str, args: &[Value], ctx: &StepCtx) -> Option<String> {
    if ctx.secret_vars.is_empty() {
        return None;
    }
    let mut used: Vec<String> = Vec::new();
    let mut visit = |v: &Value| {
        if let Value::GString(g) = v {
            for part in &g.values {
                let text = to_display(part);
                for (name, secret) in ctx.secret_vars.iter() {
                    if !secret.is_empty() && text.contains(secret.as_str()) && !used.contains(name)
                    {
                        used.push(name.clone());
                    }
                }
            }
        }
    };
    for a in args {
        match a {
            Value::Map(m) => m.snapshot().iter().for_each(|(_, v)| visit(v)),
            other => visit(other),
        }
    }
    if used.is_empty() {
        return None;
    }
    Some(format!(
        "Warning: A secret was passed to \"{step}\" using Groovy String interpolation, which is insecure.\n\t\t Affected argument(s) used the following variable(s): [{}]\n\t\t See https://jenkins.io/redirect/groovy-string-interpolation for details.",
        used.join(", ")
    ))
}
