//! The typed model of a Declarative pipeline (`pipeline { … }`), produced from the AST by
//! `model::lower` and consumed by the executor, the linter and `run --list`.
//!
//! Pure data. Values that Jenkins evaluates at run time (labels, environment values, option
//! arguments, `when` patterns) stay as AST expressions; blocks of steps stay as statements.
//! Every node keeps its span for diagnostics.

use std::sync::Arc;

use crate::syntax::ast::{Args, Expr, Ident, Stmt};
use crate::syntax::Span;

/// A whole `pipeline { … }` block.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub agent: Option<Agent>,
    pub environment: Vec<EnvEntry>,
    /// `options { … }`: wrappers and job properties, in order.
    pub options: Vec<DirectiveCall>,
    pub parameters: Vec<ParamDef>,
    pub triggers: Vec<DirectiveCall>,
    pub tools: Vec<Tool>,
    /// `libraries { lib('name@ref') }`: the library specs as written.
    pub libraries: Vec<Expr>,
    pub stages: Vec<Stage>,
    pub post: Post,
    pub span: Span,
}

/// `agent …`.
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    pub kind: AgentKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AgentKind {
    Any,
    None,
    /// `agent { label 'x' }` / `agent { node { label 'x'; customWorkspace 'd' } }`.
    Label {
        label: Option<Expr>,
        custom_workspace: Option<Expr>,
    },
    /// `agent { docker 'img' }` / `agent { docker { image 'img'; args '…'; … } }`.
    Docker(DockerAgent),
    /// `agent { dockerfile true }` / `agent { dockerfile { filename …; dir …; … } }`.
    Dockerfile(DockerfileAgent),
    /// Any other agent type (`kubernetes { … }`): its name and raw settings.
    Other {
        name: String,
        settings: Vec<(Ident, Expr)>,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DockerAgent {
    pub image: Option<Expr>,
    pub args: Option<Expr>,
    pub label: Option<Expr>,
    pub registry_url: Option<Expr>,
    pub registry_credentials_id: Option<Expr>,
    pub always_pull: Option<Expr>,
    pub reuse_node: Option<Expr>,
    pub custom_workspace: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DockerfileAgent {
    /// Default `Dockerfile`.
    pub filename: Option<Expr>,
    pub dir: Option<Expr>,
    pub additional_build_args: Option<Expr>,
    pub args: Option<Expr>,
    pub label: Option<Expr>,
    pub registry_url: Option<Expr>,
    pub registry_credentials_id: Option<Expr>,
    pub reuse_node: Option<Expr>,
    pub custom_workspace: Option<Expr>,
}

/// `NAME = value` in an `environment` block. A value of the form `credentials('id')` binds a
/// credential (and `NAME_USR`/`NAME_PSW` for username/password ones).
#[derive(Debug, Clone, PartialEq)]
pub struct EnvEntry {
    pub name: Ident,
    pub value: Expr,
    /// The credential id expression when the value is `credentials('…')`.
    pub credentials: Option<Expr>,
    pub span: Span,
}

/// A call inside `options`, `triggers` or a stage's `options`:
/// `timeout(time: 1, unit: 'HOURS')`, `retry(3)`, `cron('H * * * *')`.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveCall {
    pub name: Ident,
    pub args: Args,
    pub span: Span,
}

/// A build parameter: `string(name: 'X', defaultValue: 'a', description: '…')`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamDef {
    /// `string`, `text`, `booleanParam`, `choice`, `password`, `file`, `run`…
    pub kind: Ident,
    pub name: String,
    pub default: Option<Expr>,
    /// For `choice`: the choices (a list, or a newline-separated string).
    pub choices: Option<Expr>,
    pub description: Option<Expr>,
    /// `string(…, trim: true)`.
    pub trim: Option<Expr>,
    pub args: Args,
    pub span: Span,
}

/// `maven 'M3'` in a `tools` block.
#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub kind: Ident,
    pub name: Expr,
    pub span: Span,
}

/// A `stage('name') { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// The stage name as written (a string, or an expression evaluated once).
    pub name: String,
    pub name_span: Span,
    pub agent: Option<Agent>,
    pub when: Option<When>,
    pub environment: Vec<EnvEntry>,
    pub options: Vec<DirectiveCall>,
    pub input: Option<StageInput>,
    pub tools: Vec<Tool>,
    pub body: StageBody,
    pub post: Post,
    /// `failFast true` on a stage holding `parallel` or `matrix`.
    pub fail_fast: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StageBody {
    /// `steps { … }`: scripted statements run by the evaluator.
    Steps(Steps),
    /// `stages { … }`: sequential nested stages.
    Stages(Vec<Stage>),
    /// `parallel { stage … }`: stages run concurrently.
    Parallel(Vec<Stage>),
    Matrix(Box<Matrix>),
}

/// A block of steps (`steps { }`, a `post` condition body, `script { }` is just a step).
#[derive(Debug, Clone, PartialEq)]
pub struct Steps {
    pub stmts: Arc<Vec<Stmt>>,
    pub span: Span,
}

/// `input { message …; id …; ok …; submitter …; submitterParameter …; parameters { … } }`.
#[derive(Debug, Clone, PartialEq)]
pub struct StageInput {
    pub message: Expr,
    pub id: Option<Expr>,
    pub ok: Option<Expr>,
    pub submitter: Option<Expr>,
    pub submitter_parameter: Option<Expr>,
    pub parameters: Vec<ParamDef>,
    pub span: Span,
}

/// `when { … }`: every condition must hold (implicit `allOf`).
#[derive(Debug, Clone, PartialEq)]
pub struct When {
    pub conditions: Vec<Condition>,
    pub before_agent: bool,
    pub before_input: bool,
    pub before_options: bool,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Equals,
    Glob,
    Regexp,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConditionKind {
    /// `branch 'pat'` / `branch pattern: 'pat', comparator: 'REGEXP'` on BRANCH_NAME.
    Branch {
        pattern: Expr,
        comparator: Comparator,
    },
    /// `tag 'pat'` on TAG_NAME (an empty pattern matches any tag).
    Tag {
        pattern: Option<Expr>,
        comparator: Comparator,
    },
    BuildingTag,
    /// `environment name: 'X', value: 'y'` (`ignoreCase: true`).
    Environment {
        name: Expr,
        value: Expr,
        ignore_case: bool,
    },
    /// `equals expected: a, actual: b`.
    Equals {
        expected: Expr,
        actual: Expr,
    },
    /// `expression { groovy }`: truthy result → true.
    Expression(Steps),
    /// `changeRequest()` or `changeRequest target: 'x', comparator: …` on CHANGE_* variables.
    ChangeRequest {
        /// (field: id, target, branch, fork, url, title, author, authorDisplayName,
        /// authorEmail; pattern).
        filters: Vec<(String, Expr)>,
        comparator: Comparator,
    },
    /// `changelog 'regex'`.
    Changelog {
        pattern: Expr,
    },
    /// `changeset 'glob'` (`comparator`, `caseSensitive`).
    Changeset {
        pattern: Expr,
        comparator: Comparator,
        case_sensitive: bool,
    },
    /// `triggeredBy 'TimerTrigger'` / `triggeredBy cause: 'UserIdCause', detail: 'bob'`.
    TriggeredBy {
        cause: Expr,
        detail: Option<Expr>,
    },
    IsRestartedRun,
    Not(Box<Condition>),
    AllOf(Vec<Condition>),
    AnyOf(Vec<Condition>),
}

/// `post { always { … } failure { … } }`, kept in the order Jenkins runs them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Post {
    pub conditions: Vec<PostBlock>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PostBlock {
    pub kind: PostKind,
    pub steps: Steps,
    pub span: Span,
}

/// Post conditions, in the order Jenkins evaluates them (`BuildCondition` ordinals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PostKind {
    Always,
    Changed,
    Fixed,
    Regression,
    Aborted,
    Success,
    Unsuccessful,
    Unstable,
    Failure,
    NotBuilt,
    Cleanup,
}

impl PostKind {
    pub const ALL: [PostKind; 11] = [
        PostKind::Always,
        PostKind::Changed,
        PostKind::Fixed,
        PostKind::Regression,
        PostKind::Aborted,
        PostKind::Success,
        PostKind::Unsuccessful,
        PostKind::Unstable,
        PostKind::Failure,
        PostKind::NotBuilt,
        PostKind::Cleanup,
    ];

    /// The name written in a `post` block.
    pub fn name(self) -> &'static str {
        match self {
            PostKind::Always => "always",
            PostKind::Changed => "changed",
            PostKind::Fixed => "fixed",
            PostKind::Regression => "regression",
            PostKind::Aborted => "aborted",
            PostKind::Success => "success",
            PostKind::Unsuccessful => "unsuccessful",
            PostKind::Unstable => "unstable",
            PostKind::Failure => "failure",
            PostKind::NotBuilt => "notBuilt",
            PostKind::Cleanup => "cleanup",
        }
    }

    pub fn from_name(name: &str) -> Option<PostKind> {
        PostKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// `matrix { axes { … } excludes { … } … stages { … } }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    pub axes: Vec<Axis>,
    pub excludes: Vec<Exclude>,
    pub agent: Option<Agent>,
    pub when: Option<When>,
    pub environment: Vec<EnvEntry>,
    pub options: Vec<DirectiveCall>,
    pub input: Option<StageInput>,
    pub tools: Vec<Tool>,
    pub stages: Vec<Stage>,
    pub post: Post,
    pub span: Span,
}

/// `axis { name 'OS'; values 'linux', 'mac' }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub name: String,
    pub values: Vec<String>,
    pub span: Span,
}

/// `exclude { axis { name 'OS'; values 'mac' } axis { … notValues … } }`: a cell is
/// excluded when every listed axis matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Exclude {
    pub axes: Vec<ExcludeAxis>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExcludeAxis {
    pub name: String,
    pub values: Vec<String>,
    /// `notValues`: matches when the cell's value is NOT among `values`.
    pub negated: bool,
    pub span: Span,
}
