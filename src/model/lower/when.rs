//! `when { … }` (`ModelParser.parseWhen`/`parseWhenContent`,
//! `ModelValidatorImpl.validateElement(ModelASTWhen|ModelASTWhenCondition)`,
//! `WhenConditionalValidator`).

use crate::eval::regex::JavaRegex;
use crate::model::messages::{self as msg, Code};
use crate::model::pipeline::{Comparator, Condition, ConditionKind, When};
use crate::syntax::ast::{Expr, ExprKind, MapKey, Stmt};

use super::catalog::{self, WHEN_CONDITIONS};
use super::shape::{self, call_stmt, Call, GArg, Lit};
use super::steps::{describable, steps_of};
use super::Cx;

pub fn when(cx: &mut Cx, c: &Call) -> Option<When> {
    let block = cx.block_of(c, "when", "when { branch 'main' }")?;
    let mut w = When {
        conditions: Vec::new(),
        before_agent: false,
        before_input: false,
        before_options: false,
        span: c.span,
    };
    let mut attempted = false;
    for s in shape::statements(&block.body) {
        let Some(call) = call_stmt(s) else {
            attempted = true;
            expected_when(cx, s);
            continue;
        };
        let flag = match call.name() {
            Some(f @ ("beforeAgent" | "beforeInput" | "beforeOptions")) => f,
            _ => {
                attempted = true;
                if let Some(cond) = condition(cx, &call) {
                    w.conditions.push(cond);
                }
                continue;
            }
        };
        let value = cx.boolean_method(&call, flag).unwrap_or(false);
        match flag {
            "beforeAgent" => w.before_agent = value,
            "beforeInput" => w.before_input = value,
            _ => w.before_options = value,
        }
    }
    if !attempted {
        cx.error(Code::When, c.name_span(), msg::EMPTY_WHEN)
            .label("no condition")
            .help("add a condition such as `branch 'main'`, or remove `when`");
    }
    Some(w)
}

fn expected_when(cx: &mut Cx, s: &Stmt) {
    cx.error(Code::When, s.span, msg::EXPECTED_WHEN)
        .label("not a condition")
        .help("wrap a Groovy test in `expression { … }`");
}

/// `parseWhenContent` for a child statement.
fn content(cx: &mut Cx, s: &Stmt) -> Option<Condition> {
    match call_stmt(s) {
        Some(call) => condition(cx, &call),
        None => {
            expected_when(cx, s);
            None
        }
    }
}

fn condition(cx: &mut Cx, c: &Call) -> Option<Condition> {
    let name = cx.call_name(c)?;
    let name_span = c.name_span();
    let span = c.span;
    let block = c.block();
    if name == "expression" {
        return match block {
            Some(b) => Some(Condition {
                kind: ConditionKind::Expression(steps_of(b)),
                span,
            }),
            None => {
                cx.error(Code::When, name_span, msg::step_without_block("When"))
                    .label("needs a block")
                    .help("write `expression { return … }`");
                None
            }
        };
    }
    let args: Vec<GArg> = c.args_before_block();
    let has_args = block.is_none() || !args.is_empty();
    if let Some(count) = catalog::nested_condition(name) {
        let children: Vec<Condition> = block
            .map(|b| {
                shape::statements(&b.body)
                    .filter_map(|s| content(cx, s))
                    .collect()
            })
            .unwrap_or_default();
        let n_children = block.map_or(0, |b| shape::statements(&b.body).count());
        if has_args {
            cx.error(Code::When, name_span, msg::nested_when_no_args(name))
                .label("arguments not allowed")
                .help(format!("write `{name} {{ … }}` with the conditions inside"));
            return None;
        }
        match count {
            Some(n) if n_children != n => {
                cx.error(
                    Code::When,
                    name_span,
                    msg::nested_when_wrong_children_count(name, n),
                )
                .label(format!("{n_children} conditions"));
                return None;
            }
            None if n_children == 0 => {
                cx.error(
                    Code::When,
                    name_span,
                    msg::nested_when_without_children(name),
                )
                .label("no conditions");
                return None;
            }
            _ => {}
        }
        let kind = match name {
            "not" => ConditionKind::Not(Box::new(children.into_iter().next()?)),
            "allOf" => ConditionKind::AllOf(children),
            _ => ConditionKind::AnyOf(children),
        };
        return Some(Condition { kind, span });
    }
    if !WHEN_CONDITIONS.contains(&name) {
        cx.error(
            Code::When,
            name_span,
            msg::unknown_when_conditional(name, &WHEN_CONDITIONS.join(", ")),
        )
        .label("unknown condition");
        return None;
    }
    if block.is_some() {
        cx.error(Code::When, name_span, msg::no_nested_when_allowed(name))
            .label("takes no block");
        return None;
    }
    let model = catalog::condition_model(name)?;
    let before = cx.error_count();
    let list = cx.argument_list(&args);
    if !cx.check_duplicate_named(c.args) {
        describable(cx, name, name_span, &list, &model, false);
    }
    if name == "changelog" {
        check_changelog(cx, &args);
    }
    if cx.error_count() != before {
        return None;
    }
    let a = Args {
        args: &args,
        sole: model.sole_required().map(|p| p.name),
    };
    let kind = match name {
        "branch" => ConditionKind::Branch {
            pattern: a.get("pattern")?,
            comparator: comparator(a.get("comparator"), Comparator::Glob),
        },
        "tag" => ConditionKind::Tag {
            pattern: a.get("pattern"),
            comparator: comparator(a.get("comparator"), Comparator::Glob),
        },
        "buildingTag" => ConditionKind::BuildingTag,
        "isRestartedRun" => ConditionKind::IsRestartedRun,
        "environment" => ConditionKind::Environment {
            name: a.get("name")?,
            value: a.get("value")?,
            ignore_case: boolean(a.get("ignoreCase")),
        },
        "equals" => ConditionKind::Equals {
            expected: a.get("expected")?,
            actual: a.get("actual")?,
        },
        "changeRequest" => ConditionKind::ChangeRequest {
            filters: a
                .named()
                .into_iter()
                .filter(|(k, _)| k != "comparator")
                .collect(),
            comparator: comparator(a.get("comparator"), Comparator::Equals),
        },
        "changelog" => ConditionKind::Changelog {
            pattern: a.get("pattern")?,
        },
        "changeset" => ConditionKind::Changeset {
            pattern: a.get("pattern")?,
            comparator: comparator(a.get("comparator"), Comparator::Glob),
            case_sensitive: boolean(a.get("caseSensitive")),
        },
        "triggeredBy" => ConditionKind::TriggeredBy {
            cause: a.get("cause")?,
            detail: a.get("detail"),
        },
        _ => return None,
    };
    Some(Condition { kind, span })
}

/// Looks arguments up by parameter name.
struct Args<'a, 'b> {
    args: &'b [GArg<'a>],
    /// The sole required parameter, which a single unnamed argument stands for.
    sole: Option<&'static str>,
}

impl Args<'_, '_> {
    fn named(&self) -> Vec<(String, Expr)> {
        match self.args {
            [GArg::Named(entries, _)] => entries
                .iter()
                .filter_map(|(k, v)| match k {
                    MapKey::Name(n, _) => Some((n.clone(), (*v).clone())),
                    MapKey::Expr(Expr {
                        kind: ExprKind::Str(s),
                        ..
                    }) => Some((s.clone(), (*v).clone())),
                    _ => None,
                })
                .collect(),
            [GArg::Pos(e)] => shape::map_entries(e)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|(k, v)| match k {
                    MapKey::Name(n, _) => Some((n.clone(), v.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    fn get(&self, name: &str) -> Option<Expr> {
        if let [GArg::Pos(e)] = self.args {
            if shape::map_entries(e).is_none() && self.sole == Some(name) {
                return Some((*e).clone());
            }
        }
        self.named()
            .into_iter()
            .find_map(|(k, v)| (k == name).then_some(v))
    }
}

/// `Comparator.get(name, default)`.
fn comparator(e: Option<Expr>, default: Comparator) -> Comparator {
    match e.as_ref().map(|e| &e.kind) {
        Some(ExprKind::Str(s)) => match s.to_ascii_uppercase().as_str() {
            "EQUALS" => Comparator::Equals,
            "GLOB" => Comparator::Glob,
            "REGEXP" => Comparator::Regexp,
            _ => default,
        },
        _ => default,
    }
}

fn boolean(e: Option<Expr>) -> bool {
    matches!(e.map(|e| e.kind), Some(ExprKind::Bool(true)))
}

/// `WhenConditionalValidator`: a literal changelog pattern must compile.
fn check_changelog(cx: &mut Cx, args: &[GArg]) {
    let pattern = match args {
        [GArg::Pos(e)] => Some(*e),
        [GArg::Named(entries, _)] => entries
            .iter()
            .find(|(k, _)| matches!(k, MapKey::Name(n, _) if n == "pattern"))
            .map(|(_, v)| *v),
        _ => None,
    };
    let Some(e) = pattern else {
        return;
    };
    if let Some(Ok(Lit::Str(p))) = shape::constant(e) {
        if let Err(err) = JavaRegex::new(&p) {
            cx.error(
                Code::When,
                e.span,
                msg::bad_regular_expression(&p, err.java_message()),
            )
            .label("invalid regular expression");
        }
    }
}
