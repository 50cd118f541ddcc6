//! Steps of the deploy plugins the seeds use: Marathon (`marathon`), Rancher 1.x (`rancher`,
//! `confirm`), Rancher 2.x (`rancherRedeploy`) and SonarQube Scanner (`withSonarQubeEnv`).
//!
//! Their parameter tables are the plugins' (`jenkins-semantics.md` §3–§4), so binding, lint
//! and `--dry-run` treat them like any step. The REST clients are not native yet: a real run
//! of `marathon`/`rancher`/`confirm`/`rancherRedeploy` fails with a clear message, and
//! `--dry-run` records the call.

use crate::eval::error::{throw, R};
use crate::eval::value::Value;
use crate::exec::context::StepCtx;
use crate::exec::credentials::{not_found, Credential};
use crate::steps::blocks::run_body;
use crate::steps::{opt, req, Body, ParamType as T, Step, StepCall, StepSpec};

pub static STEPS: &[&dyn Step] = &[
    &Marathon,
    &Rancher,
    &RancherConfirm,
    &RancherRedeploy,
    &WithSonarQubeEnv,
];

fn not_native<T>(step: &str, what: &str) -> R<T> {
    throw(
        "java.lang.UnsupportedOperationException",
        format!(
            "{step}: this build of pipe cannot call the {what} API yet; `pipe run --dry-run` shows what the pipeline would do"
        ),
    )
}

pub struct Marathon;
static MARATHON: StepSpec = StepSpec {
    name: "marathon",
    summary: "Deploy an app definition to Marathon (Jenkins Marathon plugin): PUT /v2/apps/{id}.",
    params: &[
        req("url", T::String, "Marathon URL (trailing / stripped)"),
        opt("id", T::String, "app id, overriding the file's"),
        opt("appid", T::String, "deprecated spelling of id"),
        opt("docker", T::String, "image for container.docker.image"),
        opt("dockerForcePull", T::Bool, "container.docker.forcePullImage"),
        opt("containerType", T::String, "DOCKER or MESOS when the file has none"),
        opt("forceUpdate", T::Bool, "?force=true: override a running deployment"),
        opt("filename", T::String, "app definition (default marathon.json)"),
        opt("credentialsId", T::String, "username/password or secret-text token"),
        opt("uris", T::List, "[[uri: '…']], appended to uris"),
        opt("labels", T::List, "[[name: '…', value: '…']]"),
        opt("env", T::List, "[[name: '…', value: '…']], merged over env"),
        opt("wait", T::Bool, "wait for the deployment to finish and tasks to be healthy"),
        opt("timeout", T::Number, "how long to wait, in seconds"),
    ],
    positional: None,
    body: Body::None,
    returns: "null",
    example: "marathon url: 'http://marathon-qa', docker: image, forceUpdate: true, filename: 'qa-deploy.json'",
    side_effects: true,
    open_params: false,
};

impl Step for Marathon {
    fn spec(&self) -> &'static StepSpec {
        &MARATHON
    }

    fn run(&self, _call: &StepCall<'_>) -> R<Value> {
        not_native("marathon", "Marathon")
    }
}

pub struct Rancher;
static RANCHER: StepSpec = StepSpec {
    name: "rancher",
    summary: "Upgrade (or create) a Rancher 1.x service to a new image (Jenkins Rancher plugin).",
    params: &[
        req("environmentId", T::String, "Rancher environment (project) id, e.g. 1a5"),
        req("endpoint", T::String, "API endpoint, e.g. http://rancher:8080/v2-beta"),
        req("credentialId", T::String, "access key / secret key as username/password"),
        req("service", T::String, "stack/service"),
        req("image", T::String, "the new image"),
        opt("confirm", T::Bool, "finish the upgrade at once"),
        opt("startFirst", T::Bool, "start new containers before stopping old ones"),
        opt("ports", T::String, "'8080:80,9191:91'"),
        opt("environments", T::String, "'K:v,K2:v2', merged into the launch config"),
        opt("timeout", T::Int, "seconds to wait for each state (default 50)"),
        opt("rollbackOnFailure", T::Bool, "roll back when the upgrade fails or times out"),
    ],
    positional: None,
    body: Body::None,
    returns: "null",
    example: "rancher environmentId: '1a5', endpoint: 'http://rancher:8080/v2-beta', credentialId: 'rancher', service: 'shop/web', image: \"harbor.example.com/shop/web:${BUILD_NUMBER}\", confirm: true",
    side_effects: true,
    open_params: false,
};

impl Step for Rancher {
    fn spec(&self) -> &'static StepSpec {
        &RANCHER
    }

    fn run(&self, _call: &StepCall<'_>) -> R<Value> {
        not_native("rancher", "Rancher")
    }
}

pub struct RancherConfirm;
static RANCHER_CONFIRM: StepSpec = StepSpec {
    name: "confirm",
    summary: "Finish or roll back a Rancher 1.x service upgrade (Jenkins Rancher plugin).",
    params: &[
        req("environmentId", T::String, "Rancher environment (project) id"),
        req("endpoint", T::String, "API endpoint, e.g. http://rancher:8080/v2-beta"),
        req("credentialId", T::String, "access key / secret key as username/password"),
        req("service", T::String, "stack/service"),
        opt("finishAction", T::String, "confirm (default) or rollback"),
        opt("timeout", T::Int, "seconds to wait (default 50)"),
    ],
    positional: None,
    body: Body::None,
    returns: "null",
    example: "confirm environmentId: '1a5', endpoint: 'http://rancher:8080/v2-beta', credentialId: 'rancher', service: 'shop/web', finishAction: 'rollback'",
    side_effects: true,
    open_params: false,
};

impl Step for RancherConfirm {
    fn spec(&self) -> &'static StepSpec {
        &RANCHER_CONFIRM
    }

    fn run(&self, _call: &StepCall<'_>) -> R<Value> {
        not_native("confirm", "Rancher")
    }
}

pub struct RancherRedeploy;
static RANCHER_REDEPLOY: StepSpec = StepSpec {
    name: "rancherRedeploy",
    summary: "Redeploy a Rancher 2.x workload, optionally with new images (redeploy-rancher2-workload plugin).",
    params: &[
        req("credential", T::String, "Rancher 2 API credential (endpoint and bearer token)"),
        req("workload", T::String, "/project/c-xxx:p-yyy/workloads/deployment:ns:name"),
        opt("images", T::String, "'name:tag;name2:tag'"),
        opt("alwaysPull", T::Bool, "set imagePullPolicy: Always"),
    ],
    positional: None,
    body: Body::None,
    returns: "null",
    example: "rancherRedeploy credential: 'rancher2', workload: '/project/c-1:p-2/workloads/deployment:shop:web', images: 'harbor.example.com/shop/web:1.2'",
    side_effects: true,
    open_params: false,
};

impl Step for RancherRedeploy {
    fn spec(&self) -> &'static StepSpec {
        &RANCHER_REDEPLOY
    }

    fn run(&self, _call: &StepCall<'_>) -> R<Value> {
        not_native("rancherRedeploy", "Rancher 2")
    }
}

pub struct WithSonarQubeEnv;
static WITH_SONAR: StepSpec = StepSpec {
    name: "withSonarQubeEnv",
    summary: "Run the block with a SonarQube server's SONAR_HOST_URL and SONAR_AUTH_TOKEN set.",
    params: &[
        req(
            "installationName",
            T::String,
            "the SonarQube installation's name",
        ),
        opt(
            "credentialsId",
            T::String,
            "secret-text credential with the token",
        ),
        opt(
            "envOnly",
            T::Bool,
            "only set the environment (no SONARQUBE_SCANNER_PARAMS)",
        ),
    ],
    positional: Some("installationName"),
    body: Body::Required,
    returns: "the block's value",
    example: "withSonarQubeEnv('SonarQube-Prod') { sh 'sonar-scanner' }",
    side_effects: false,
    open_params: false,
};

impl Step for WithSonarQubeEnv {
    fn spec(&self) -> &'static StepSpec {
        &WITH_SONAR
    }

    /// The installation's URL comes from `SONAR_HOST_URL` (or `PIPE_SONAR_<NAME>_URL`) in
    /// pipe's environment; without one, Jenkins' own error for an unknown installation.
    fn run(&self, call: &StepCall<'_>) -> R<Value> {
        let body = call.args.body("withSonarQubeEnv")?;
        let name = call
            .args
            .required_string("withSonarQubeEnv", "installationName")?;
        let key: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        let url = std::env::var(format!("PIPE_SONAR_{key}_URL"))
            .or_else(|_| std::env::var("SONAR_HOST_URL"))
            .ok()
            .or_else(|| {
                call.run
                    .config
                    .dry_run
                    .then(|| "http://sonarqube.invalid".into())
            });
        let Some(url) = url else {
            return throw(
                "java.lang.IllegalStateException",
                format!(
                    "SonarQube installation defined in this job ({name}) does not match any configured installation. Number of installations that can be configured: 0.\nSet PIPE_SONAR_{key}_URL (or SONAR_HOST_URL) to the server's URL."
                ),
            );
        };
        let ctx = StepCtx::current(call.interp);
        let mut vars = vec![
            ("SONAR_CONFIG_NAME".to_string(), name.clone()),
            ("SONAR_HOST_URL".to_string(), url.clone()),
        ];
        let token = match call.args.string("credentialsId") {
            Some(id) => match call.run.config.credentials.get(&id) {
                Some(Credential::Secret(t)) => Some(t),
                Some(other) => {
                    return throw(
                        "hudson.AbortException",
                        format!(
                            "withSonarQubeEnv: credentials '{id}' are {}, not Secret text",
                            other.type_name()
                        ),
                    )
                }
                None => return Err(not_found(call.run, &id)),
            },
            None => std::env::var(format!("PIPE_SONAR_{key}_TOKEN"))
                .or_else(|_| std::env::var("SONAR_AUTH_TOKEN"))
                .ok(),
        };
        if let Some(token) = token {
            vars.push(("SONAR_AUTH_TOKEN".to_string(), token.clone()));
            let ctx = ctx.with_env(vars).with_secrets([token]);
            return run_body(call.interp, ctx, &body, call.span);
        }
        if !call.args.bool("envOnly").unwrap_or(false) {
            vars.push((
                "SONARQUBE_SCANNER_PARAMS".to_string(),
                format!("{{ \"sonar.host.url\" : \"{url}\"}}"),
            ));
        }
        run_body(call.interp, ctx.with_env(vars), &body, call.span)
    }
}
