//! `matrix { axes { axis { name …; values … } } excludes { exclude { axis { … } } } … stages { … } }`
//! (`ModelParser.parseMatrix`…, `ModelValidatorImpl.validateElement(ModelASTMatrix|
//! ModelASTAxisContainer|ModelASTAxis|ModelASTExcludes|ModelASTExclude)`).

use std::collections::HashSet;

use crate::model::messages::{self as msg, Code};
use crate::model::pipeline::{Axis, Exclude, ExcludeAxis, Matrix};
use crate::syntax::ast::{ClosureDef, ExprKind, Stmt};
use crate::syntax::Span;

use super::shape::{self, call_stmt, valid_env_identifier, Call, GArg, Val};
use super::stages::{input, post, stages_section};
use super::{agent, directives, environment, when, Cx};

pub fn matrix(cx: &mut Cx, c: &Call) -> Option<Matrix> {
    let block = cx.block_of(c, "matrix", "matrix { axes { … } stages { … } }")?;
    let mut m = Matrix {
        axes: Vec::new(),
        excludes: Vec::new(),
        agent: None,
        when: None,
        environment: Vec::new(),
        options: Vec::new(),
        input: None,
        tools: Vec::new(),
        stages: Vec::new(),
        post: Default::default(),
        span: c.span,
    };
    let list = cx.sections(
        &block.body,
        Code::InvalidSection,
        msg::invalid_section_definition,
        "not a matrix section",
    );
    for (name, sc) in &list.calls {
        let (name, sc) = (*name, *sc);
        let kw = sc.name_span();
        match name {
            "axes" => m.axes = axes(cx, &sc),
            "excludes" => m.excludes = excludes(cx, &sc),
            "agent" => m.agent = agent::agent(cx, &sc),
            "when" => m.when = when::when(cx, &sc),
            "environment" => m.environment = environment::environment(cx, &sc),
            "options" => m.options = directives::options(cx, &sc, true),
            "input" => m.input = input(cx, &sc),
            "tools" => m.tools = directives::tools(cx, &sc),
            "post" => m.post = post(cx, &sc),
            "stages" => m.stages = stages_section(cx, &sc, true),
            other => {
                cx.error(Code::UndefinedSection, kw, msg::undefined_section(other))
                    .label("not a matrix section")
                    .help("sections of `matrix` are axes, excludes, agent, when, environment, options, input, tools, post and stages");
            }
        }
    }
    for required in ["axes", "stages"] {
        if !list.has(required) {
            cx.error(
                Code::MissingSection,
                c.name_span(),
                msg::required_section(required),
            )
            .label(format!("this matrix has no {required}"));
        }
    }
    Some(m)
}

/// The `name { … }` blocks of a container (`axes`, `excludes`, `exclude`).
fn entries<'a>(cx: &mut Cx, block: &'a ClosureDef, entry: &str) -> Vec<(Call<'a>, &'a ClosureDef)> {
    let mut out = Vec::new();
    for s in shape::statements(&block.body) {
        match call_stmt(s) {
            Some(c) if c.name() == Some(entry) => {
                if let Some(b) = cx.block_of(&c, entry, "") {
                    out.push((c, b));
                }
            }
            Some(c) => {
                if let Some(n) = cx.call_name(&c) {
                    cx.error(
                        Code::UndefinedSection,
                        c.name_span(),
                        msg::undefined_section(n),
                    )
                    .label(format!("expected `{entry} {{ … }}`"));
                }
            }
            None => invalid(cx, s),
        }
    }
    out
}

fn invalid(cx: &mut Cx, s: &Stmt) {
    let text = cx.stmt_text(s);
    cx.error(
        Code::InvalidSection,
        s.span,
        msg::invalid_section_definition(&text),
    )
    .label("not a section");
}

fn axes(cx: &mut Cx, c: &Call) -> Vec<Axis> {
    let Some(block) = cx.block_of(c, "axes", "") else {
        return Vec::new();
    };
    let list = entries(cx, block, "axis");
    if list.is_empty() {
        cx.error(Code::Matrix, c.name_span(), msg::NO_AXES)
            .label("no axis")
            .help("add `axis { name 'OS'; values 'linux', 'mac' }`");
    }
    let parsed: Vec<(Option<(String, Span)>, ExcludeAxis)> =
        list.iter().map(|(ac, b)| axis(cx, ac, b, false)).collect();
    duplicate_names(cx, &parsed);
    parsed
        .into_iter()
        .filter_map(|(name, a)| {
            name.map(|(n, _)| Axis {
                name: n,
                values: a.values,
                span: a.span,
            })
        })
        .collect()
}

fn excludes(cx: &mut Cx, c: &Call) -> Vec<Exclude> {
    let Some(block) = cx.block_of(c, "excludes", "") else {
        return Vec::new();
    };
    let list = entries(cx, block, "exclude");
    if list.is_empty() {
        cx.error(Code::Matrix, c.name_span(), msg::NO_EXCLUDES)
            .label("no exclude")
            .help("add `exclude { axis { name 'OS'; values 'mac' } }`, or remove `excludes`");
    }
    let mut out = Vec::new();
    for (ec, eb) in list {
        let axes_list = entries(cx, eb, "axis");
        if axes_list.is_empty() {
            cx.error(Code::Matrix, ec.name_span(), msg::NO_AXES)
                .label("no axis")
                .help("add `axis { name 'OS'; values 'mac' }`");
        }
        let parsed: Vec<(Option<(String, Span)>, ExcludeAxis)> = axes_list
            .iter()
            .map(|(ac, b)| axis(cx, ac, b, true))
            .collect();
        duplicate_names(cx, &parsed);
        out.push(Exclude {
            axes: parsed
                .into_iter()
                .filter_map(|(name, mut a)| {
                    name.map(|(n, _)| {
                        a.name = n;
                        a
                    })
                })
                .collect(),
            span: ec.span,
        });
    }
    out
}

fn duplicate_names(cx: &mut Cx, parsed: &[(Option<(String, Span)>, ExcludeAxis)]) {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for (name, _) in parsed {
        if let Some((n, span)) = name {
            if !n.is_empty() && !seen.insert(n) && reported.insert(n) {
                cx.error(Code::DuplicateName, *span, msg::duplicate_axis_name(n))
                    .label("used again here");
            }
        }
    }
}

/// One `axis { name '…'; values …; notValues … }`.
fn axis(
    cx: &mut Cx,
    c: &Call,
    block: &ClosureDef,
    in_exclude: bool,
) -> (Option<(String, Span)>, ExcludeAxis) {
    let mut name: Option<(String, Span)> = None;
    let mut name_given = false;
    let mut values: Option<Vec<String>> = None;
    let mut not_values: Option<Vec<String>> = None;
    let list = cx.sections(
        &block.body,
        Code::InvalidSection,
        msg::invalid_section_definition,
        "not an axis field",
    );
    for (field, fc) in &list.calls {
        let (field, fc) = (*field, *fc);
        let kw = fc.name_span();
        match field {
            "name" => {
                name_given = true;
                match fc.gargs().as_slice() {
                    [GArg::Pos(e)] => {
                        if let ExprKind::Str(n) = &e.kind {
                            if !valid_env_identifier(n) {
                                cx.error(Code::Identifier, e.span, msg::invalid_identifier_in_env(n))
                                    .label("not a valid variable name")
                                    .help("axis names become environment variables: letters, digits and underscores, not starting with a digit");
                            }
                            name = Some((n.clone(), e.span));
                        } else {
                            cx.error(Code::Value, fc.span, msg::EXPECTED_STRING_LITERAL)
                                .label("not a string literal")
                                .help("axis names are plain strings");
                        }
                    }
                    [] => {
                        cx.error(Code::Matrix, kw, msg::no_arg_for_field("name"))
                            .label("no value");
                    }
                    _ => {
                        cx.error(Code::Matrix, kw, msg::too_many_args_for_field("name"))
                            .label("one value expected");
                    }
                }
            }
            "values" => values = Some(axis_values(cx, &fc)),
            "notValues" if in_exclude => not_values = Some(axis_values(cx, &fc)),
            other => {
                cx.error(Code::UndefinedSection, kw, msg::undefined_section(other))
                    .label("not an axis field");
            }
        }
    }
    if !name_given {
        cx.error(
            Code::MissingSection,
            c.name_span(),
            msg::required_section("name"),
        )
        .label("this axis has no name");
    }
    let negated = not_values.is_some();
    let vals = match (values, not_values) {
        (Some(_), Some(_)) => {
            cx.error(
                Code::Matrix,
                c.name_span(),
                msg::MATRIX_EXCLUDE_AXIS_VALUES_OR_NOT_VALUES,
            )
            .label("both values and notValues");
            Vec::new()
        }
        (Some(v), None) | (None, Some(v)) => v,
        (None, None) => {
            cx.error(
                Code::MissingSection,
                c.name_span(),
                msg::required_section("values"),
            )
            .label("this axis has no values");
            Vec::new()
        }
    };
    (
        name,
        ExcludeAxis {
            name: String::new(),
            values: vals,
            negated,
            span: c.span,
        },
    )
}

/// The literal values of `values 'a', 'b'`, with the duplicate and non-literal checks.
fn axis_values(cx: &mut Cx, c: &Call) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut reported: HashSet<String> = HashSet::new();
    let args = c.gargs();
    if args.is_empty() {
        cx.error(
            Code::MissingSection,
            c.name_span(),
            msg::required_section("values"),
        )
        .label("no values");
    }
    for a in args {
        let (val, span) = match a {
            GArg::Pos(e) => (cx.value(e), e.span),
            GArg::Named(_, span) => (Val::NonLit(cx.text(span, || "[…]".into())), span),
        };
        match val {
            Val::Lit(l) => {
                let v = l.java_string();
                if out.contains(&v) && reported.insert(v.clone()) {
                    cx.error(Code::DuplicateName, span, msg::duplicate_axis_value(&v))
                        .label("listed again here");
                }
                if !out.contains(&v) {
                    out.push(v);
                }
            }
            Val::NonLit(text) => {
                cx.error(
                    Code::Value,
                    span,
                    msg::expected_string_literal_but_got(&text),
                )
                .label("not a literal")
                .help("axis values are fixed strings; compute variations with `when` instead");
            }
        }
    }
    out
}
