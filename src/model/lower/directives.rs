//! `options`, `triggers`, `parameters`, `tools` and `libraries` (`ModelParser.parseOptions`…,
//! `ModelValidatorImpl.validateElement(ModelASTMethodCall|ModelASTOptions|…)` and the validator
//! contributors `ParametersAndTriggersInOptions`, `BlockedStepsAndMethodCalls`,
//! `PreserveStashesJobProperty.ValidatorImpl`).

use std::collections::HashSet;

use crate::model::messages::{self as msg, Code};
use crate::model::pipeline::{DirectiveCall, ParamDef, Tool};
use crate::syntax::ast::{Arg, Expr, ExprKind, MapKey, Stmt, StmtKind};
use crate::syntax::Span;

use super::catalog::{self, Known, Model, ParamType};
use super::shape::{self, call_expr, call_stmt, map_entries, Call, GArg, Lit, Val};
use super::Cx;

/// Which directive a call list belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Options { in_stage: bool },
    Triggers,
    Parameters,
}

impl Kind {
    /// `Parser.Options`…: the word in "… definitions cannot have blocks".
    fn plural(self) -> &'static str {
        match self {
            Kind::Options { .. } => "Options",
            Kind::Triggers => "Triggers",
            Kind::Parameters => "Build parameters",
        }
    }

    fn section(self) -> &'static str {
        match self {
            Kind::Options { .. } => "options",
            Kind::Triggers => "triggers",
            Kind::Parameters => "parameters",
        }
    }

    fn expected(self) -> &'static str {
        match self {
            Kind::Options { .. } => msg::EXPECTED_OPTION,
            Kind::Triggers => msg::EXPECTED_TRIGGER,
            Kind::Parameters => msg::EXPECTED_BUILD_PARAMETER,
        }
    }
}

pub fn options(cx: &mut Cx, c: &Call, in_stage: bool) -> Vec<DirectiveCall> {
    calls(cx, c, Kind::Options { in_stage })
        .into_iter()
        .map(|(call, _)| call)
        .collect()
}

pub fn triggers(cx: &mut Cx, c: &Call) -> Vec<DirectiveCall> {
    calls(cx, c, Kind::Triggers)
        .into_iter()
        .map(|(call, _)| call)
        .collect()
}

pub fn parameters(cx: &mut Cx, c: &Call) -> Vec<ParamDef> {
    calls(cx, c, Kind::Parameters)
        .into_iter()
        .map(|(call, expr)| param_def(call, expr))
        .collect()
}

/// Parses and checks the calls of an `options`/`triggers`/`parameters` block.
fn calls<'a>(cx: &mut Cx, c: &Call<'a>, kind: Kind) -> Vec<(DirectiveCall, &'a Expr)> {
    let mut out = Vec::new();
    let example = format!("{} {{ … }}", kind.section());
    let Some(block) = cx.block_of(c, kind.section(), &example) else {
        return out;
    };
    let stmts: Vec<&Stmt> = shape::statements(&block.body).collect();
    if stmts.is_empty() {
        cx.error(
            Code::EmptySection,
            c.name_span(),
            msg::empty_section(kind.section()),
        )
        .label("empty")
        .help("remove the section or add entries to it");
    }
    let mut names: Vec<(String, Span)> = Vec::new();
    for s in stmts {
        let Some(call) = call_stmt(s) else {
            if let StmtKind::Expr(Expr {
                kind: ExprKind::Map(_),
                ..
            }) = &s.kind
            {
                cx.error(
                    Code::InvalidSection,
                    s.span,
                    msg::map_not_allowed(kind.plural()),
                )
                .label("a map")
                .help("use the symbol form, e.g. `cron('@daily')`");
            } else {
                cx.error(Code::InvalidSection, s.span, kind.expected())
                    .label("not a method call");
            }
            continue;
        };
        if call.block().is_some() {
            cx.error(
                Code::InvalidSection,
                s.span,
                msg::cannot_have_blocks(kind.plural()),
            )
            .label("block not allowed here");
            continue;
        }
        let Some(m) = method_call(cx, &call) else {
            continue;
        };
        let Some(ident) = call.ident() else {
            continue;
        };
        names.push((ident.name.clone(), ident.span));
        check_type(cx, kind, &m);
        validate(cx, &m);
        if m.name == "preserveStashes" {
            preserve_stashes(cx, &m);
        }
        out.push((
            DirectiveCall {
                name: ident.clone(),
                args: call.args.clone(),
                span: s.span,
            },
            call.expr,
        ));
    }
    let duplicate: fn(&str) -> String = match kind {
        Kind::Options { .. } => msg::duplicate_option_name,
        Kind::Triggers => msg::duplicate_trigger_name,
        Kind::Parameters => return out,
    };
    let mut seen: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for (n, span) in &names {
        if !seen.insert(n) && reported.insert(n) {
            cx.error(Code::DuplicateName, *span, duplicate(n))
                .label("given again here");
        }
    }
    out
}

/// Whether the name may be used in this directive (Jenkins checks the installed plugins; we
/// refuse the names known to be something else).
fn check_type(cx: &mut Cx, kind: Kind, m: &MCall) {
    let name = m.name.as_str();
    let known = catalog::classify(name);
    let (what, allowed, ok) = match kind {
        Kind::Options { in_stage } => {
            if matches!(name, "parameters") {
                cx.error(
                    Code::DirectiveType,
                    m.name_span,
                    msg::REJECT_PARAMETERS_IN_OPTIONS,
                )
                .label("not an option");
                return;
            }
            if matches!(name, "triggers" | "pipelineTriggers") {
                cx.error(
                    Code::DirectiveType,
                    m.name_span,
                    msg::REJECT_TRIGGERS_IN_OPTIONS,
                )
                .label("not an option");
                return;
            }
            if in_stage {
                let ok = matches!(known, Known::StageOption | Known::Wrapper | Known::Unknown);
                ("option", catalog::stage_option_types(), ok)
            } else {
                let ok = !matches!(known, Known::Trigger | Known::Parameter | Known::PlainStep);
                ("option", catalog::pipeline_option_types(), ok)
            }
        }
        Kind::Triggers => (
            "trigger",
            catalog::TRIGGER_TYPES.to_vec(),
            matches!(known, Known::Trigger | Known::Unknown),
        ),
        Kind::Parameters => (
            "parameter",
            catalog::PARAMETER_TYPES.to_vec(),
            matches!(known, Known::Parameter | Known::Unknown),
        ),
    };
    if catalog::blocked_in_method_calls(name).is_some() {
        return;
    }
    let typo = if known == Known::Unknown {
        catalog::typo_of(name, &allowed)
    } else {
        None
    };
    if ok && typo.is_none() {
        return;
    }
    let e = cx
        .error(
            Code::DirectiveType,
            m.name_span,
            msg::invalid_section_type(what, name, &msg::java_list(&allowed)),
        )
        .label(format!("not a {what} here"));
    if let Some(t) = typo {
        e.help(format!("did you mean `{t}`?"));
    } else if matches!(kind, Kind::Options { in_stage: true })
        && matches!(known, Known::JobProperty | Known::PipelineOption)
    {
        e.help("this option applies to the whole pipeline: move it to the pipeline's `options`");
    }
}

/// `ModelASTMethodCall`: a call with its arguments parsed.
#[derive(Debug)]
struct MCall {
    name: String,
    name_span: Span,
    span: Span,
    args: Vec<MArg>,
    /// An argument is named twice (reported): its arguments are not checked further.
    duplicate_names: bool,
}

#[derive(Debug)]
enum MArg {
    Pair {
        key: String,
        key_span: Span,
        value: MVal,
    },
    Value(MVal),
}

#[derive(Debug)]
enum MVal {
    Value(Val, Span),
    Call(MCall),
    /// A closure argument (already reported).
    Invalid,
}

/// `parseMethodCall`. `None` when the call has no usable name (reported).
fn method_call(cx: &mut Cx, c: &Call) -> Option<MCall> {
    let name = cx.call_name(c)?.to_string();
    let duplicate_names = cx.check_duplicate_named(c.args);
    let mut args = Vec::new();
    for a in c.gargs() {
        match a {
            GArg::Named(entries, _) => pairs(cx, &entries, &mut args),
            GArg::Pos(e) => {
                if let Some(entries) = map_entries(e) {
                    pairs(cx, &entries, &mut args);
                } else if matches!(e.kind, ExprKind::Closure(_)) {
                    cx.error(Code::Arguments, c.span, msg::METHOD_CALL_WITH_CLOSURE)
                        .label("closure argument")
                        .help("options, triggers and parameters take values, not blocks of code");
                } else {
                    args.push(MArg::Value(arg_value(cx, e)));
                }
            }
        }
    }
    Some(MCall {
        name,
        name_span: c.name_span(),
        span: c.span,
        args,
        duplicate_names,
    })
}

fn pairs(cx: &mut Cx, entries: &[(&MapKey, &Expr)], out: &mut Vec<MArg>) {
    for (k, v) in entries {
        let key = cx.map_key(k);
        let value = if matches!(v.kind, ExprKind::Closure(_)) {
            cx.error(Code::Arguments, v.span, msg::METHOD_CALL_WITH_CLOSURE)
                .label("closure argument")
                .help("options, triggers and parameters take values, not blocks of code");
            MVal::Invalid
        } else {
            arg_value(cx, v)
        };
        if let Some(key) = key {
            out.push(MArg::Pair {
                key,
                key_span: shape::key_span(k),
                value,
            });
        }
    }
}

fn arg_value(cx: &mut Cx, e: &Expr) -> MVal {
    match call_expr(e) {
        Some(c) => match method_call(cx, &c) {
            Some(m) => MVal::Call(m),
            None => MVal::Invalid,
        },
        None => MVal::Value(cx.value(e), e.span),
    }
}

/// `validateElement(ModelASTMethodCall)` and the contributors that look at every call.
fn validate(cx: &mut Cx, m: &MCall) {
    if let Some(why) = catalog::blocked_in_method_calls(&m.name) {
        cx.error(Code::Step, m.name_span, msg::blocked_step(&m.name, why))
            .label("not allowed here");
    }
    let pairs = m
        .args
        .iter()
        .filter(|a| matches!(a, MArg::Pair { .. }))
        .count();
    if pairs > 0 && pairs < m.args.len() {
        cx.error(
            Code::Arguments,
            m.span,
            msg::MIXED_NAMED_AND_UNNAMED_PARAMETERS,
        )
        .label("named and unnamed arguments")
        .help("name every argument");
    }
    if let Some(model) = catalog::call_model(&m.name).filter(|_| !m.duplicate_names) {
        check_args(cx, m, &model, pairs);
    }
    for a in &m.args {
        if let MArg::Pair {
            value: MVal::Call(inner),
            ..
        }
        | MArg::Value(MVal::Call(inner)) = a
        {
            validate(cx, inner);
        }
    }
}

fn check_args(cx: &mut Cx, m: &MCall, model: &Model, pairs: usize) {
    if pairs > 0 {
        let names = model.names();
        for a in &m.args {
            let MArg::Pair {
                key,
                key_span,
                value,
            } = a
            else {
                continue;
            };
            match model.param(key) {
                None => {
                    let near = catalog::nearest(key, &names).unwrap_or("");
                    cx.error(
                        Code::Arguments,
                        *key_span,
                        msg::invalid_step_parameter(key, near),
                    )
                    .label("unknown parameter");
                }
                Some(p) => {
                    if let MVal::Value(v, span) = value {
                        check_value_type(cx, v, *span, p.ty, Some(key));
                    }
                }
            }
        }
    } else if m.args.len() > 1 {
        cx.error(
            Code::Arguments,
            m.span,
            msg::too_many_unnamed_parameters(&m.name),
        )
        .label("several unnamed arguments")
        .help("name the arguments: `name: value`");
    } else {
        let required: Vec<_> = model.required().collect();
        if required.len() != m.args.len() {
            let bool_hack = required.len() == 1
                && m.args.is_empty()
                && required.first().is_some_and(|p| p.ty == ParamType::Bool);
            if !bool_hack {
                cx.error(
                    Code::Arguments,
                    m.span,
                    msg::wrong_number_of_step_parameters(&m.name, required.len(), m.args.len()),
                )
                .label("wrong number of arguments");
            }
        } else if let (Some(p), Some(MArg::Value(MVal::Value(v, span)))) =
            (required.first(), m.args.first())
        {
            check_value_type(cx, v, *span, p.ty, None);
        }
    }
}

/// `validateParameterType`: literal values of the wrong Java type.
pub(super) fn check_value_type(
    cx: &mut Cx,
    v: &Val,
    span: Span,
    ty: ParamType,
    key: Option<&str>,
) -> bool {
    let Val::Lit(l) = v else {
        return true;
    };
    let bad = match ty {
        ParamType::Str => matches!(l, Lit::Int(_) | Lit::Bool(_)),
        ParamType::Int => matches!(l, Lit::Str(_) | Lit::Bool(_)),
        ParamType::Bool | ParamType::Any => false,
    };
    if bad {
        let message = match key {
            Some(k) => {
                msg::invalid_parameter_type(ty.java_name(), k, &l.java_string(), l.java_class())
            }
            None => msg::invalid_unnamed_parameter_type(
                ty.java_name(),
                &l.java_string(),
                l.java_class(),
            ),
        };
        cx.error(Code::Arguments, span, message)
            .label(format!("expected {}", friendly(ty)));
    }
    !bad
}

fn friendly(ty: ParamType) -> &'static str {
    match ty {
        ParamType::Str => "a string",
        ParamType::Int => "a number",
        ParamType::Bool => "true or false",
        ParamType::Any => "a value",
    }
}

/// `PreserveStashesJobProperty.ValidatorImpl`: `buildCount` between 1 and 50.
fn preserve_stashes(cx: &mut Cx, m: &MCall) {
    for a in &m.args {
        let value = match a {
            MArg::Pair { key, value, .. } if key == "buildCount" => value,
            MArg::Value(v) if m.args.len() == 1 => v,
            _ => continue,
        };
        if let MVal::Value(Val::Lit(l), span) = value {
            if let Some(n) = l.as_int() {
                if !(1..=50).contains(&n) {
                    cx.error(Code::Option, *span, msg::PRESERVE_STASHES_BUILD_COUNT)
                        .label("out of range");
                }
            }
        }
    }
}

/// A `ParamDef` from a parameter call: its named arguments by name.
fn param_def(call: DirectiveCall, expr: &Expr) -> ParamDef {
    let named = |key: &str| -> Option<Expr> {
        call.args.args.iter().find_map(|a| match a {
            Arg::Named(MapKey::Name(n, _), v) if n == key => Some(v.clone()),
            _ => None,
        })
    };
    let first_positional = call.args.args.iter().find_map(|a| match a {
        Arg::Positional(e) => Some(e),
        _ => None,
    });
    let name = match named("name").as_ref().or(first_positional) {
        Some(Expr {
            kind: ExprKind::Str(s),
            ..
        }) => s.clone(),
        Some(e) => super::unparse::expr(e),
        None => String::new(),
    };
    ParamDef {
        kind: call.name.clone(),
        name,
        default: named("defaultValue"),
        choices: named("choices"),
        description: named("description"),
        trim: named("trim"),
        args: call.args.clone(),
        span: expr.span,
    }
}

/// `tools { maven 'M3' }`. The installation names are not checked ("does not have an install
/// of"): pipewright will read tool installations from its configuration; until then any name is
/// accepted.
pub fn tools(cx: &mut Cx, c: &Call) -> Vec<Tool> {
    let mut out = Vec::new();
    let Some(block) = cx.block_of(c, "tools", "tools { maven 'name' }") else {
        return out;
    };
    let stmts: Vec<&Stmt> = shape::statements(&block.body).collect();
    if stmts.is_empty() {
        cx.error(Code::EmptySection, c.name_span(), msg::NO_TOOLS)
            .label("empty")
            .help("remove the section or add `toolType 'installation name'` lines");
    }
    for s in stmts {
        let Some(call) = call_stmt(s) else {
            cx.error(Code::Tools, s.span, msg::EXPECTED_TOOL)
                .label("not `toolType 'name'`");
            continue;
        };
        let Some(ident) = call.ident() else {
            cx.call_name(&call);
            continue;
        };
        let kind = ident.name.as_str();
        let value = match call.gargs().as_slice() {
            [] => {
                cx.error(Code::Tools, ident.span, msg::no_arg_for_tool(kind))
                    .label("no installation name");
                continue;
            }
            [GArg::Pos(e)] => *e,
            _ => {
                cx.error(Code::Tools, ident.span, msg::too_many_args_for_tool(kind))
                    .label("one installation name expected");
                continue;
            }
        };
        cx.value(value);
        if !catalog::TOOL_TYPES.contains(&kind) {
            cx.error(
                Code::DirectiveType,
                ident.span,
                msg::invalid_section_type("tool", kind, &msg::java_list(catalog::TOOL_TYPES)),
            )
            .label("unknown tool type");
            continue;
        }
        out.push(Tool {
            kind: ident.clone(),
            name: value.clone(),
            span: s.span,
        });
    }
    out
}

/// `libraries { lib('name@ref') }`.
pub fn libraries(cx: &mut Cx, c: &Call) -> Vec<Expr> {
    let mut out = Vec::new();
    let Some(block) = cx.block_of(c, "libraries", "libraries { lib('name@version') }") else {
        return out;
    };
    for s in shape::statements(&block.body) {
        let call = call_stmt(s).filter(|call| call.name() == Some("lib"));
        let Some(call) = call else {
            let text = cx.stmt_text(s);
            cx.error(Code::Libraries, s.span, msg::expected_library(&text))
                .label("not `lib('…')`");
            continue;
        };
        if call.block().is_some() {
            cx.error(
                Code::Libraries,
                s.span,
                msg::cannot_have_blocks("Libraries"),
            )
            .label("block not allowed here");
            continue;
        }
        let Some(m) = method_call(cx, &call) else {
            continue;
        };
        match (m.args.as_slice(), call.gargs().as_slice()) {
            ([MArg::Value(MVal::Value(..))], [GArg::Pos(e)]) => out.push((*e).clone()),
            _ => {
                let text = cx.expr_text(call.expr);
                cx.error(Code::Libraries, call.span, msg::expected_library(&text))
                    .label("expects one library name")
                    .help("write `lib('name@version')`");
            }
        }
    }
    if out.is_empty() {
        cx.error(
            Code::EmptySection,
            c.name_span(),
            msg::empty_section("libraries"),
        )
        .label("no libraries");
    }
    out
}
