//! `stages`, `stage`, `parallel`, `input` and `post` (`ModelParser.parseStages`/`parseStage`/
//! `parseInput`/`parseBuildConditionResponder`, `ModelValidatorImpl.validateElement(ModelASTStage|
//! ModelASTStages|ModelASTStageInput|ModelASTBuildConditionsContainer)`).

use std::collections::HashSet;

use crate::model::messages::{self as msg, Code};
use crate::model::pipeline::{
    Agent, DirectiveCall, EnvEntry, Post, PostBlock, PostKind, Stage, StageBody, StageInput, Steps,
    Tool, When,
};
use crate::syntax::ast::{Expr, ExprKind, Stmt};
use crate::syntax::Span;

use super::shape::{self, call_stmt, Call, GArg};
use super::steps::{branch, stage_steps, steps_of};
use super::{agent, directives, environment, matrix, when, Cx};

/// `stages { stage(…) { … } … }`. `within_parallel`: the stages are inside a `parallel` or
/// `matrix`, where another `parallel` or `matrix` may not appear.
pub fn stages_section(cx: &mut Cx, c: &Call, within_parallel: bool) -> Vec<Stage> {
    let Some(block) = cx.block_of(c, "stages", "stages { stage('Build') { steps { … } } }")
    else {
        return Vec::new();
    };
    stage_list(cx, &block.body, c.name_span(), within_parallel)
}

/// The stages of a `stages` or `parallel` block, with the checks on the list.
fn stage_list(cx: &mut Cx, stmts: &[Stmt], keyword: Span, within_parallel: bool) -> Vec<Stage> {
    let stmts: Vec<&Stmt> = shape::statements(stmts).collect();
    if stmts.is_empty() {
        cx.error(Code::EmptySection, keyword, msg::NO_STAGES)
            .label("no stages")
            .help("add `stage('name') { steps { … } }`");
    }
    let mut out: Vec<Stage> = Vec::new();
    // Stages whose name could not be read (reported): left out of the duplicate check.
    let mut unnamed: Vec<usize> = Vec::new();
    for s in stmts {
        if let Some((st, named)) = stage(cx, s, within_parallel) {
            out.push(st);
            if !named {
                unnamed.push(out.len() - 1);
            }
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for (i, st) in out.iter().enumerate() {
        if unnamed.contains(&i) {
            continue;
        }
        if !seen.insert(&st.name) && reported.insert(&st.name) {
            cx.error(
                Code::DuplicateName,
                st.name_span,
                msg::duplicate_stage_name(&st.name),
            )
            .label("used again here")
            .help("stage names must be unique among their siblings");
        }
    }
    out
}

/// The sections of a stage, as found.
#[derive(Default)]
struct Parts {
    agent: Option<Agent>,
    when: Option<When>,
    environment: Vec<EnvEntry>,
    options: Vec<DirectiveCall>,
    input: Option<StageInput>,
    tools: Vec<Tool>,
    post: Post,
    fail_fast: bool,
    /// `steps`, with the number of branches Jenkins sees in it.
    steps: Option<(Steps, usize, Span)>,
    stages: Option<(Vec<Stage>, Span)>,
    parallel: Option<(Vec<Stage>, Span)>,
    matrix: Option<(crate::model::pipeline::Matrix, Span)>,
    /// A body section was given but could not be read (already reported).
    broken_body: bool,
    agent_span: Option<Span>,
    tools_span: Option<Span>,
}

/// One `stage('name') { … }`, and whether its name could be read.
fn stage(cx: &mut Cx, s: &Stmt, within_parallel: bool) -> Option<(Stage, bool)> {
    let call = call_stmt(s).filter(|c| c.name() == Some("stage"));
    let (Some(c), Some(block)) = (call, call.and_then(|c| c.block())) else {
        cx.error(Code::StageStructure, s.span, msg::EXPECTED_STAGE)
            .label("not a stage")
            .help("each entry here is `stage('name') { … }`");
        return None;
    };
    let args = c.gargs();
    let (name, name_span) = match args.first() {
        Some(GArg::Pos(e)) if args.len() > 1 => (stage_name(cx, e), e.span),
        Some(GArg::Named(_, span)) => {
            cx.error(Code::Value, *span, msg::EXPECTED_STRING_LITERAL)
                .label("not a stage name");
            (None, *span)
        }
        _ => {
            cx.error(Code::Value, c.name_span(), msg::EXPECTED_STRING_LITERAL)
                .label("this stage has no name")
                .help("write `stage('name') { … }`");
            (None, c.name_span())
        }
    };
    let name_ok = name.is_some();
    // Jenkins' placeholder for a name it could not read.
    let name = name.unwrap_or_else(|| "error".to_string());
    let mut p = Parts::default();
    let list = cx.sections(
        &block.body,
        Code::InvalidSection,
        msg::invalid_stage_section_definition,
        "not a stage section",
    );
    if list
        .bare
        .iter()
        .any(|n| matches!(*n, "steps" | "stages" | "parallel" | "matrix"))
    {
        p.broken_body = true;
    }
    for (sname, sc) in &list.calls {
        let sc = *sc;
        let kw = sc.name_span();
        match *sname {
            "agent" => {
                p.agent_span = Some(kw);
                p.agent = agent::agent(cx, &sc);
            }
            "when" => p.when = when::when(cx, &sc),
            "steps" => match cx.block_of(&sc, "steps", "steps { … }") {
                Some(b) => {
                    let n = stage_steps(cx, b, kw);
                    p.steps = Some((steps_of(b), n, kw));
                }
                None => p.broken_body = true,
            },
            "post" => p.post = post(cx, &sc),
            "options" => p.options = directives::options(cx, &sc, true),
            "input" => p.input = input(cx, &sc),
            "tools" => {
                p.tools_span = Some(kw);
                p.tools = directives::tools(cx, &sc);
            }
            "environment" => p.environment = environment::environment(cx, &sc),
            "parallel" => {
                let example = "parallel { stage('a') { … } stage('b') { … } }";
                match cx.block_of(&sc, "parallel", example) {
                    Some(b) => p.parallel = Some((stage_list(cx, &b.body, kw, true), kw)),
                    None => p.broken_body = true,
                }
            }
            "failFast" => p.fail_fast = cx.boolean_method(&sc, "failFast").unwrap_or(false),
            "stages" => {
                if sc.block().is_none() {
                    p.broken_body = true;
                }
                p.stages = Some((stages_section(cx, &sc, within_parallel), kw));
            }
            "matrix" => match matrix::matrix(cx, &sc) {
                Some(m) => p.matrix = Some((m, kw)),
                None => p.broken_body = true,
            },
            other => {
                cx.error(
                    Code::UndefinedSection,
                    kw,
                    msg::unknown_stage_section(other),
                )
                .label("not a stage section")
                .help("steps go inside `steps { … }`");
            }
        }
    }
    check_structure(cx, &p, &name, name_span, within_parallel);
    let body = if let Some((steps, _, _)) = p.steps {
        StageBody::Steps(steps)
    } else if let Some((stages, _)) = p.stages {
        StageBody::Stages(stages)
    } else if let Some((stages, _)) = p.parallel {
        StageBody::Parallel(stages)
    } else if let Some((m, _)) = p.matrix {
        StageBody::Matrix(Box::new(m))
    } else {
        StageBody::Stages(Vec::new())
    };
    let stage = Stage {
        name,
        name_span,
        agent: p.agent,
        when: p.when,
        environment: p.environment,
        options: p.options,
        input: p.input,
        tools: p.tools,
        body,
        post: p.post,
        fail_fast: p.fail_fast,
        span: s.span,
    };
    Some((stage, name_ok))
}

/// The name of a stage; `None` (reported) unless it is a literal.
fn stage_name(cx: &mut Cx, e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Str(s) | ExprKind::Var(s) => Some(s.clone()),
        _ => {
            cx.error(Code::Value, e.span, msg::EXPECTED_STRING_LITERAL)
                .label("not a string literal")
                .help(
                    "stage names are plain strings: compute dynamic stages inside `script { … }`",
                );
            None
        }
    }
}

/// `validateElement(ModelASTStage, isWithinParallel)`.
fn check_structure(cx: &mut Cx, p: &Parts, name: &str, name_span: Span, within_parallel: bool) {
    let branches = p.steps.as_ref().map_or(0, |(_, n, _)| *n);
    let count = usize::from(branches > 0)
        + usize::from(p.parallel.is_some())
        + usize::from(p.matrix.is_some())
        + usize::from(p.stages.is_some());
    if within_parallel && (branches > 1 || p.parallel.is_some() || p.matrix.is_some()) {
        let at = p
            .matrix
            .as_ref()
            .map(|(_, s)| *s)
            .or(p.parallel.as_ref().map(|(_, s)| *s))
            .or(p.steps.as_ref().map(|(_, _, s)| *s))
            .unwrap_or(name_span);
        cx.error(
            Code::StageStructure,
            at,
            msg::NO_NESTED_WITHIN_NESTED_STAGES,
        )
        .label("nested inside a parallel or matrix stage")
        .help("use `stages { … }` here, or move this to a top-level stage");
    } else if count > 1 {
        cx.error(
            Code::StageStructure,
            name_span,
            msg::two_of_steps_stages_parallel(name),
        )
        .label("more than one of steps/stages/parallel/matrix")
        .help("split this stage in two");
    } else if count == 0 {
        if !p.broken_body {
            cx.error(
                Code::StageStructure,
                name_span,
                msg::nothing_for_stage(name),
            )
            .label("nothing to run")
            .help("add `steps { … }`");
        }
    } else if p.parallel.is_some() || p.matrix.is_some() {
        if let Some(span) = p.agent_span {
            cx.error(
                Code::StageStructure,
                span,
                msg::agent_in_nested_stages(name),
            )
            .label("agent on a parallel or matrix stage")
            .help("give each nested stage its own agent");
        }
        if let Some(span) = p.tools_span {
            cx.error(
                Code::StageStructure,
                span,
                msg::tools_in_nested_stages(name),
            )
            .label("tools on a parallel or matrix stage")
            .help("give each nested stage its own tools");
        }
    }
}

/// `input { message …; id …; ok …; submitter …; submitterParameter …; parameters { … } }`.
pub fn input(cx: &mut Cx, c: &Call) -> Option<StageInput> {
    let block = cx.block_of(c, "input", "input { message 'Proceed?' }")?;
    let mut message: Option<Expr> = None;
    let mut out = StageInput {
        message: Expr::new(ExprKind::Null, c.span),
        id: None,
        ok: None,
        submitter: None,
        submitter_parameter: None,
        parameters: Vec::new(),
        span: c.span,
    };
    let list = cx.sections(
        &block.body,
        Code::Input,
        msg::invalid_section_definition,
        "not an input field",
    );
    for (field, fc) in &list.calls {
        let (field, fc) = (*field, *fc);
        let kw = fc.name_span();
        let value = match fc.gargs().as_slice() {
            [] => {
                cx.error(Code::Input, kw, msg::no_arg_for_field(field))
                    .label("no value");
                continue;
            }
            [GArg::Pos(e)] => *e,
            _ => {
                cx.error(Code::Input, kw, msg::too_many_args_for_field(field))
                    .label("one value expected");
                continue;
            }
        };
        let slot = match field {
            "parameters" => {
                out.parameters = directives::parameters(cx, &fc);
                continue;
            }
            "message" => &mut message,
            "id" => &mut out.id,
            "ok" => &mut out.ok,
            "submitter" => &mut out.submitter,
            "submitterParameter" => &mut out.submitter_parameter,
            _ => {
                cx.error(Code::Input, kw, msg::invalid_input_field(field))
                    .label("unknown field")
                    .help("input fields are message, id, ok, submitter, submitterParameter and parameters");
                continue;
            }
        };
        *slot = Some(value.clone());
        cx.value(value);
    }
    match message {
        Some(m) => {
            out.message = m;
            Some(out)
        }
        None => {
            if !list.has("message") {
                cx.error(Code::Input, c.name_span(), msg::MISSING_INPUT_MESSAGE)
                    .label("no message")
                    .help("add `message 'Proceed?'`");
            }
            None
        }
    }
}

/// `post { always { … } failure { … } }`, sorted in the order Jenkins runs the conditions.
pub fn post(cx: &mut Cx, c: &Call) -> Post {
    let mut out = Post::default();
    let Some(block) = c.block() else {
        cx.error(Code::InvalidSection, c.span, msg::EXPECTED_BLOCK)
            .label("not a block")
            .help("write `post { always { … } }`");
        return out;
    };
    let names: Vec<&str> = PostKind::ALL.iter().map(|k| k.name()).collect();
    let list = msg::java_list(&names);
    let mut conditions = 0;
    let mut seen: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for s in shape::statements(&block.body) {
        let Some((cc, body)) = call_stmt(s).and_then(|cc| cc.block().map(|b| (cc, b))) else {
            cx.error(
                Code::Post,
                s.span,
                msg::invalid_build_condition_section(&list),
            )
            .label("not a build condition")
            .help("steps go inside a condition block, e.g. `always { … }`");
            continue;
        };
        let Some(ident) = cc.ident() else {
            continue;
        };
        conditions += 1;
        let name = ident.name.as_str();
        if !seen.insert(name) && reported.insert(name) {
            cx.error(
                Code::DuplicateName,
                ident.span,
                msg::duplicate_build_condition(name),
            )
            .label("given again here");
        }
        branch(cx, &body.body, ident.span);
        match PostKind::from_name(name) {
            Some(kind) => {
                if !out.conditions.iter().any(|b| b.kind == kind) {
                    out.conditions.push(PostBlock {
                        kind,
                        steps: steps_of(body),
                        span: s.span,
                    });
                }
            }
            None => {
                cx.error(
                    Code::Post,
                    ident.span,
                    msg::invalid_build_condition(name, &list),
                )
                .label("unknown condition");
            }
        }
    }
    if conditions == 0 {
        cx.error(
            Code::EmptySection,
            c.name_span(),
            msg::empty_section("post"),
        )
        .label("no conditions")
        .help("remove `post` or add a condition such as `always { … }`");
    }
    out.conditions.sort_by_key(|b| b.kind);
    out
}
