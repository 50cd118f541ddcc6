//! What the validation pass knows about the names used in a Declarative pipeline: the agent
//! types, `when` conditions and tool types pipewright supports, and the argument models of the
//! options, triggers, parameters and steps whose arguments it checks.
//!
//! Jenkins validates these against the plugins installed on the controller. pipewright has no
//! controller, so:
//! - agent types, `when` conditions, post conditions and tool types are a closed list (the ones
//!   pipewright can run); an agent type it does not know is still accepted in block form
//!   (`kubernetes { … }`, kept as [`AgentKind::Other`](crate::model::AgentKind::Other));
//! - options, triggers and parameters are an open world: a name nobody here knows is accepted
//!   (it may come from a plugin), but a name known to be something else (a plain step such as
//!   `echo`, a job property inside a stage) is rejected with Jenkins' message;
//! - argument models ([`Model`]) exist for a few common types; calls to other names are not
//!   checked beyond what Jenkins checks for every call.
//!
//! Parameter order in a [`Model`] follows Jenkins' `DescribableModel`: constructor parameters
//! first (the required ones), then the setters sorted by name. `EditDistance.findNearest`
//! ("did you mean") picks the first nearest name in that order.

/// The Java type of a parameter, as far as `validateParameterType` cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    /// `java.lang.String`: an Integer or Boolean literal is rejected.
    Str,
    /// `int`: a String or Boolean literal is rejected.
    Int,
    /// `boolean`: any literal converts.
    Bool,
    /// Anything else (enums, objects, describables): not checked.
    Any,
}

impl ParamType {
    /// How `Class.toString()` prints the type in Jenkins' messages.
    pub fn java_name(self) -> &'static str {
        match self {
            ParamType::Str => "class java.lang.String",
            ParamType::Int => "int",
            ParamType::Bool => "boolean",
            ParamType::Any => "class java.lang.Object",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub ty: ParamType,
    pub required: bool,
}

/// The argument model of a describable (a step, option, trigger, parameter or condition).
#[derive(Debug, Clone, Copy)]
pub struct Model {
    pub params: &'static [Param],
    /// Whether the step takes a block (`timeout(…) { }`).
    pub takes_block: bool,
}

impl Model {
    pub fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.name == name)
    }

    pub fn required(&self) -> impl Iterator<Item = &'static Param> {
        self.params.iter().filter(|p| p.required)
    }

    /// The only required parameter, if there is exactly one.
    pub fn sole_required(&self) -> Option<&'static Param> {
        let mut req = self.required();
        match (req.next(), req.next()) {
            (Some(p), None) => Some(p),
            _ => None,
        }
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.params.iter().map(|p| p.name).collect()
    }
}

const fn req(name: &'static str, ty: ParamType) -> Param {
    Param {
        name,
        ty,
        required: true,
    }
}

const fn opt(name: &'static str, ty: ParamType) -> Param {
    Param {
        name,
        ty,
        required: false,
    }
}

use ParamType::{Any, Bool, Int, Str};

const fn model(params: &'static [Param]) -> Model {
    Model {
        params,
        takes_block: false,
    }
}

const fn block_model(params: &'static [Param]) -> Model {
    Model {
        params,
        takes_block: true,
    }
}

// --- Agents --------------------------------------------------------------------------------

/// Agent types listed in "Must be one of …" (sorted, as Jenkins sorts them). `node` is also
/// accepted, as the block form of `label`.
pub const AGENT_TYPES: &[&str] = &["any", "docker", "dockerfile", "kubernetes", "label", "none"];

/// Agent types written bare: `agent any`, `agent none`.
pub const ZERO_ARG_AGENTS: &[&str] = &["any", "none"];

/// The config options of the agent types whose options pipewright understands.
pub fn agent_model(name: &str) -> Option<Model> {
    const LABEL: &[Param] = &[req("label", Str), opt("customWorkspace", Str)];
    const DOCKER: &[Param] = &[
        req("image", Str),
        opt("alwaysPull", Bool),
        opt("args", Str),
        opt("containerPerStageRoot", Bool),
        opt("customWorkspace", Str),
        opt("label", Str),
        opt("registryCredentialsId", Str),
        opt("registryUrl", Str),
        opt("reuseNode", Bool),
    ];
    const DOCKERFILE: &[Param] = &[
        opt("additionalBuildArgs", Str),
        opt("args", Str),
        opt("containerPerStageRoot", Bool),
        opt("customWorkspace", Str),
        opt("dir", Str),
        opt("filename", Str),
        opt("label", Str),
        opt("registryCredentialsId", Str),
        opt("registryUrl", Str),
        opt("reuseNode", Bool),
    ];
    match name {
        "label" | "node" => Some(model(LABEL)),
        "docker" => Some(model(DOCKER)),
        "dockerfile" => Some(model(DOCKERFILE)),
        _ => None,
    }
}

// --- when ------------------------------------------------------------------------------------

/// Conditions that hold other conditions, with how many children they take (`None` = one or
/// more).
pub fn nested_condition(name: &str) -> Option<Option<usize>> {
    match name {
        "not" => Some(Some(1)),
        "allOf" | "anyOf" => Some(None),
        _ => None,
    }
}

/// Every `when` condition pipewright evaluates, in the order "Valid conditionals are" lists them.
pub const WHEN_CONDITIONS: &[&str] = &[
    "allOf",
    "anyOf",
    "branch",
    "buildingTag",
    "changeRequest",
    "changelog",
    "changeset",
    "environment",
    "equals",
    "expression",
    "isRestartedRun",
    "not",
    "tag",
    "triggeredBy",
];

/// The argument models of the leaf `when` conditions (`when/impl/*Conditional.java`).
pub fn condition_model(name: &str) -> Option<Model> {
    const BRANCH: &[Param] = &[req("pattern", Str), opt("comparator", Str)];
    const TAG: &[Param] = &[req("pattern", Str), opt("comparator", Str)];
    const NONE: &[Param] = &[];
    const ENVIRONMENT: &[Param] = &[req("name", Str), req("value", Str), opt("ignoreCase", Bool)];
    const EQUALS: &[Param] = &[req("expected", Any), req("actual", Any)];
    const CHANGE_REQUEST: &[Param] = &[
        opt("author", Str),
        opt("authorDisplayName", Str),
        opt("authorEmail", Str),
        opt("branch", Str),
        opt("comparator", Str),
        opt("fork", Str),
        opt("id", Str),
        opt("target", Str),
        opt("title", Str),
        opt("url", Str),
    ];
    const CHANGELOG: &[Param] = &[req("pattern", Str)];
    const CHANGESET: &[Param] = &[
        req("pattern", Str),
        opt("caseSensitive", Bool),
        opt("comparator", Str),
    ];
    const TRIGGERED_BY: &[Param] = &[req("cause", Str), opt("detail", Str)];
    Some(model(match name {
        "branch" => BRANCH,
        "tag" => TAG,
        "buildingTag" | "isRestartedRun" => NONE,
        "environment" => ENVIRONMENT,
        "equals" => EQUALS,
        "changeRequest" => CHANGE_REQUEST,
        "changelog" => CHANGELOG,
        "changeset" => CHANGESET,
        "triggeredBy" => TRIGGERED_BY,
        _ => return None,
    }))
}

// --- Tools -------------------------------------------------------------------------------------

/// Tool types (`ToolDescriptor` symbols) pipewright knows.
pub const TOOL_TYPES: &[&str] = &[
    "allure",
    "ant",
    "dockerTool",
    "dotnetsdk",
    "git",
    "go",
    "gradle",
    "groovy",
    "jdk",
    "jfrog",
    "maven",
    "msbuild",
    "nodejs",
    "packer",
    "sbt",
    "terraform",
];

// --- Options -------------------------------------------------------------------------------

/// Job properties: pipeline-level `options` only.
pub const JOB_PROPERTIES: &[&str] = &[
    "authorizationMatrix",
    "buildDiscarder",
    "copyArtifactPermission",
    "disableConcurrentBuilds",
    "disableResume",
    "durabilityHint",
    "gitLabConnection",
    "githubProjectProperty",
    "office365ConnectorWebhooks",
    "overrideIndexTriggers",
    "preserveStashes",
    "rateLimitBuilds",
    "throttleJobProperty",
];

/// Declarative options usable at pipeline level only.
pub const PIPELINE_ONLY_OPTIONS: &[&str] = &[
    "disableRestartFromStage",
    "newContainerPerStage",
    "parallelsAlwaysFailFast",
    "quietPeriod",
    "skipStagesAfterUnstable",
];

/// Declarative options usable in a stage too.
pub const STAGE_OPTIONS: &[&str] = &["checkoutToSubdirectory", "skipDefaultCheckout"];

/// Block-scoped steps ("wrappers") usable as options at both levels.
pub const WRAPPERS: &[&str] = &[
    "ansiColor",
    "azureKeyVault",
    "catchError",
    "configFileProvider",
    "gitlabBuilds",
    "gitlabCommitStatus",
    "lock",
    "retry",
    "sshagent",
    "throttle",
    "timeout",
    "timestamps",
    "warnError",
    "withAWS",
    "withAnt",
    "withCredentials",
    "withDockerRegistry",
    "withEnv",
    "withGradle",
    "withKubeConfig",
    "withMaven",
    "withNPM",
    "withSonarQubeEnv",
    "withVault",
    "wrap",
    "xvfb",
];

/// Common steps that take no block: never an option, trigger or parameter.
pub const PLAIN_STEPS: &[&str] = &[
    "archiveArtifacts",
    "bat",
    "build",
    "checkout",
    "cleanWs",
    "deleteDir",
    "echo",
    "emailext",
    "error",
    "fileExists",
    "git",
    "input",
    "junit",
    "load",
    "mail",
    "milestone",
    "powershell",
    "pwsh",
    "readFile",
    "readJSON",
    "readYaml",
    "sh",
    "sleep",
    "stash",
    "tool",
    "unstable",
    "unstash",
    "writeFile",
    "writeJSON",
];

/// Steps and method calls Declarative refuses, with Jenkins' reason
/// (`BlockedStepsAndMethodCalls.java`). `node` is refused only as a method call argument.
pub fn blocked_in_steps(name: &str) -> Option<&'static str> {
    use crate::model::messages as m;
    match name {
        "stage" => Some(m::BLOCKED_STAGE),
        "properties" => Some(m::BLOCKED_PROPERTIES),
        "parallel" => Some(m::BLOCKED_PARALLEL),
        _ => None,
    }
}

pub fn blocked_in_method_calls(name: &str) -> Option<&'static str> {
    if name == "node" {
        Some(crate::model::messages::BLOCKED_NODE)
    } else {
        blocked_in_steps(name)
    }
}

/// Every option type valid at pipeline level, sorted.
pub fn pipeline_option_types() -> Vec<&'static str> {
    let mut v: Vec<&str> = JOB_PROPERTIES
        .iter()
        .chain(PIPELINE_ONLY_OPTIONS)
        .chain(STAGE_OPTIONS)
        .chain(WRAPPERS)
        .copied()
        .collect();
    v.sort_unstable();
    v
}

/// Every option type valid in a stage, sorted.
pub fn stage_option_types() -> Vec<&'static str> {
    let mut v: Vec<&str> = STAGE_OPTIONS.iter().chain(WRAPPERS).copied().collect();
    v.sort_unstable();
    v
}

// --- Triggers and parameters -----------------------------------------------------------------

pub const TRIGGER_TYPES: &[&str] = &[
    "GenericTrigger",
    "bitbucketPush",
    "cron",
    "gerrit",
    "githubPullRequests",
    "githubPush",
    "gitlab",
    "issueCommentTrigger",
    "parameterizedCron",
    "pollSCM",
    "upstream",
];

pub const PARAMETER_TYPES: &[&str] = &[
    "activeChoice",
    "activeChoiceHtml",
    "base64File",
    "booleanParam",
    "choice",
    "credentials",
    "extendedChoice",
    "file",
    "gitParameter",
    "password",
    "reactiveChoice",
    "run",
    "stashedFile",
    "string",
    "stringParam",
    "text",
];

/// What a name is known to be, across the kinds of things a pipeline calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    JobProperty,
    PipelineOption,
    StageOption,
    Wrapper,
    Trigger,
    Parameter,
    PlainStep,
    Unknown,
}

pub fn classify(name: &str) -> Known {
    if JOB_PROPERTIES.contains(&name) {
        Known::JobProperty
    } else if PIPELINE_ONLY_OPTIONS.contains(&name) {
        Known::PipelineOption
    } else if STAGE_OPTIONS.contains(&name) {
        Known::StageOption
    } else if WRAPPERS.contains(&name) {
        Known::Wrapper
    } else if TRIGGER_TYPES.contains(&name) {
        Known::Trigger
    } else if PARAMETER_TYPES.contains(&name) {
        Known::Parameter
    } else if PLAIN_STEPS.contains(&name) {
        Known::PlainStep
    } else {
        Known::Unknown
    }
}

/// Argument models of options, triggers, parameters and the functions used inside them.
pub fn call_model(name: &str) -> Option<Model> {
    const TIMEOUT: &[Param] = &[req("time", Int), opt("activity", Bool), opt("unit", Any)];
    const RETRY: &[Param] = &[req("count", Int), opt("conditions", Any)];
    const NONE: &[Param] = &[];
    const BUILD_DISCARDER: &[Param] = &[req("strategy", Any)];
    const LOG_ROTATOR: &[Param] = &[
        opt("artifactDaysToKeepStr", Str),
        opt("artifactNumToKeepStr", Str),
        opt("daysToKeepStr", Str),
        opt("numToKeepStr", Str),
    ];
    const DISABLE_CONCURRENT: &[Param] = &[opt("abortPrevious", Bool)];
    const SKIP_DEFAULT_CHECKOUT: &[Param] = &[req("skipDefaultCheckout", Bool)];
    const PRESERVE_STASHES: &[Param] = &[opt("buildCount", Int)];
    const QUIET_PERIOD: &[Param] = &[req("quietPeriod", Int)];
    const CHECKOUT_TO_SUBDIRECTORY: &[Param] = &[req("subdirectory", Str)];
    const OVERRIDE_INDEX_TRIGGERS: &[Param] = &[req("overrideIndexTriggers", Bool)];
    const DURABILITY_HINT: &[Param] = &[req("hint", Any)];
    const ANSI_COLOR: &[Param] = &[req("colorMapName", Str)];
    const CRON: &[Param] = &[req("spec", Str)];
    const POLL_SCM: &[Param] = &[req("scmpoll_spec", Str), opt("ignorePostCommitHooks", Bool)];
    const UPSTREAM: &[Param] = &[req("upstreamProjects", Str), opt("threshold", Any)];
    const BOOLEAN_PARAM: &[Param] = &[
        req("name", Str),
        opt("defaultValue", Bool),
        opt("description", Str),
    ];
    const STRING_PARAM: &[Param] = &[
        req("name", Str),
        opt("defaultValue", Str),
        opt("description", Str),
        opt("trim", Bool),
    ];
    const CHOICE_PARAM: &[Param] = &[
        req("name", Str),
        opt("choices", Any),
        opt("description", Str),
    ];
    const PASSWORD_PARAM: &[Param] = &[
        req("name", Str),
        opt("defaultValue", Any),
        opt("description", Str),
    ];
    Some(match name {
        "timeout" => block_model(TIMEOUT),
        "retry" => block_model(RETRY),
        "timestamps" => block_model(NONE),
        "ansiColor" => block_model(ANSI_COLOR),
        "buildDiscarder" => model(BUILD_DISCARDER),
        "logRotator" => model(LOG_ROTATOR),
        "disableConcurrentBuilds" => model(DISABLE_CONCURRENT),
        "disableResume"
        | "skipStagesAfterUnstable"
        | "parallelsAlwaysFailFast"
        | "disableRestartFromStage"
        | "newContainerPerStage" => model(NONE),
        "skipDefaultCheckout" => model(SKIP_DEFAULT_CHECKOUT),
        "preserveStashes" => model(PRESERVE_STASHES),
        "quietPeriod" => model(QUIET_PERIOD),
        "checkoutToSubdirectory" => model(CHECKOUT_TO_SUBDIRECTORY),
        "overrideIndexTriggers" => model(OVERRIDE_INDEX_TRIGGERS),
        "durabilityHint" => model(DURABILITY_HINT),
        "cron" => model(CRON),
        "pollSCM" => model(POLL_SCM),
        "upstream" => model(UPSTREAM),
        "booleanParam" => model(BOOLEAN_PARAM),
        "string" | "stringParam" | "text" => model(STRING_PARAM),
        "choice" => model(CHOICE_PARAM),
        "password" => model(PASSWORD_PARAM),
        _ => return None,
    })
}

/// Argument models of the few steps whose arguments the validation pass checks (the full step
/// catalogue belongs to the linter).
pub fn step_model(name: &str) -> Option<Model> {
    const SLEEP: &[Param] = &[req("time", Int), opt("unit", Any)];
    const ARCHIVE: &[Param] = &[
        req("artifacts", Str),
        opt("allowEmptyArchive", Bool),
        opt("caseSensitive", Bool),
        opt("defaultExcludes", Bool),
        opt("excludes", Str),
        opt("fingerprint", Bool),
        opt("followSymlinks", Bool),
        opt("onlyIfSuccessful", Bool),
    ];
    match name {
        "timeout" | "retry" | "timestamps" => call_model(name),
        "sleep" => Some(model(SLEEP)),
        "archiveArtifacts" => Some(model(ARCHIVE)),
        _ => None,
    }
}

/// `hudson.util.EditDistance.editDistance`: plain Levenshtein distance over UTF-16 units.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<u16> = a.encode_utf16().collect();
    let b: Vec<u16> = b.encode_utf16().collect();
    let mut back: Vec<usize> = (0..=a.len()).collect();
    let mut cost = back.clone();
    for (j, bc) in b.iter().enumerate() {
        std::mem::swap(&mut cost, &mut back);
        cost[0] = j + 1;
        for (i, ac) in a.iter().enumerate() {
            let m = usize::from(ac != bc);
            cost[i + 1] = (back[i] + m).min(cost[i] + 1).min(back[i + 1] + 1);
        }
    }
    cost[a.len()]
}

/// A name that is most likely a misspelling of one of `candidates`: at most two edits away,
/// and no more than a third of its length. Used to refuse `timestamp()` without refusing
/// option names that plugins may define.
pub fn typo_of<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let near = nearest(name, candidates)?;
    let d = edit_distance(name, near);
    (d > 0 && d <= 2 && 3 * d <= name.chars().count()).then_some(near)
}

/// `EditDistance.findNearest`: the first candidate with the smallest distance.
pub fn nearest<'a>(key: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(key, c);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_matches_jenkins_choices() {
        let timeout = call_model("timeout").map(|m| m.names()).unwrap_or_default();
        assert_eq!(nearest("banana", &timeout), Some("unit"));
        let archive = step_model("archiveArtifacts")
            .map(|m| m.names())
            .unwrap_or_default();
        assert_eq!(nearest("someRandomField", &archive), Some("caseSensitive"));
        assert_eq!(edit_distance("namd", "name"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        let options = pipeline_option_types();
        assert_eq!(typo_of("timestamp", &options), Some("timestamps"));
        assert_eq!(typo_of("banana", &options), None);
        assert_eq!(typo_of("xvnc", &options), None);
        assert_eq!(typo_of("pollScm", TRIGGER_TYPES), Some("pollSCM"));
    }
}
