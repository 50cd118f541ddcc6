//! `agent any | none | { label … } | { node { … } } | { docker … } | { dockerfile … } | { other { … } }`
//! (`ModelParser.parseAgent`, `ModelValidatorImpl.validateElement(ModelASTAgent)`).

use crate::model::messages::{self as msg, Code};
use crate::model::pipeline::{Agent, AgentKind, DockerAgent, DockerfileAgent};
use crate::syntax::ast::{ClosureDef, Expr, ExprKind, Ident};
use crate::syntax::Span;

use super::catalog::{self, AGENT_TYPES};
use super::shape::{self, call_stmt, Call, GArg};
use super::Cx;

/// A `key value` entry of an agent block (`ModelASTClosureMap`): a value or a nested block.
enum Setting<'a> {
    Value(&'a Expr),
    Block(&'a Expr, Vec<(&'a Ident, Setting<'a>)>),
}

fn types_list() -> String {
    msg::java_list(AGENT_TYPES)
}

/// Lowers an `agent` section. `None` when it is broken (already reported).
pub fn agent(cx: &mut Cx, c: &Call) -> Option<Agent> {
    let span = c.span;
    let Some(block) = c.block() else {
        return bare_agent(cx, c);
    };
    let stmts: Vec<_> = shape::statements(&block.body).collect();
    let first = match stmts.as_slice() {
        [] => {
            cx.error(
                Code::Agent,
                c.name_span(),
                msg::no_agent_type(&types_list()),
            )
            .label("empty agent block")
            .help("write `agent any`, `agent none` or `agent { label '…' }`");
            return None;
        }
        [one] => *one,
        [_, second, ..] => {
            cx.error(Code::Agent, second.span, msg::ONE_AGENT_MAX)
                .label("second agent type");
            return None;
        }
    };
    let Some(type_call) = call_stmt(first) else {
        cx.error(Code::Agent, first.span, msg::EXPECTED_AGENT)
            .label("not an agent type");
        return None;
    };
    let ident = type_call.ident()?;
    let settings = closure_map(cx, block)?;
    let (_, setting) = settings.into_iter().next()?;
    let name = ident.name.as_str();
    let kind = match (name, setting) {
        ("any", _) => AgentKind::Any,
        ("none", _) => AgentKind::None,
        ("label" | "node", Setting::Value(v)) => {
            check_required_count(cx, ident, name);
            AgentKind::Label {
                label: Some(v.clone()),
                custom_workspace: None,
            }
        }
        ("label" | "node", Setting::Block(_, entries)) => {
            check_keys(cx, ident, name, &entries)?;
            AgentKind::Label {
                label: find(&entries, "label"),
                custom_workspace: find(&entries, "customWorkspace"),
            }
        }
        ("docker", Setting::Value(v)) => AgentKind::Docker(DockerAgent {
            image: Some(v.clone()),
            ..DockerAgent::default()
        }),
        ("docker", Setting::Block(_, entries)) => {
            check_keys(cx, ident, name, &entries)?;
            AgentKind::Docker(DockerAgent {
                image: find(&entries, "image"),
                args: find(&entries, "args"),
                label: find(&entries, "label"),
                registry_url: find(&entries, "registryUrl"),
                registry_credentials_id: find(&entries, "registryCredentialsId"),
                always_pull: find(&entries, "alwaysPull"),
                reuse_node: find(&entries, "reuseNode"),
                custom_workspace: find(&entries, "customWorkspace"),
            })
        }
        ("dockerfile", Setting::Value(_)) => AgentKind::Dockerfile(DockerfileAgent::default()),
        ("dockerfile", Setting::Block(_, entries)) => {
            check_keys(cx, ident, name, &entries)?;
            AgentKind::Dockerfile(DockerfileAgent {
                filename: find(&entries, "filename"),
                dir: find(&entries, "dir"),
                additional_build_args: find(&entries, "additionalBuildArgs"),
                args: find(&entries, "args"),
                label: find(&entries, "label"),
                registry_url: find(&entries, "registryUrl"),
                registry_credentials_id: find(&entries, "registryCredentialsId"),
                reuse_node: find(&entries, "reuseNode"),
                custom_workspace: find(&entries, "customWorkspace"),
            })
        }
        (other, Setting::Block(_, entries)) => AgentKind::Other {
            name: other.to_string(),
            settings: entries
                .iter()
                .map(|(k, s)| {
                    let v = match s {
                        Setting::Value(v) | Setting::Block(v, _) => (*v).clone(),
                    };
                    ((*k).clone(), v)
                })
                .collect(),
        },
        (other, Setting::Value(_)) => {
            cx.error(
                Code::Agent,
                ident.span,
                msg::invalid_agent_type(other, &types_list()),
            )
            .label("unknown agent type")
            .help("other agent types (such as `kubernetes`) are accepted in block form: `kubernetes { … }`");
            return None;
        }
    };
    Some(Agent { kind, span })
}

/// `agent any`, `agent none`.
fn bare_agent(cx: &mut Cx, c: &Call) -> Option<Agent> {
    let args = c.gargs();
    match args.as_slice() {
        [] => {
            cx.error(Code::Agent, c.name_span(), msg::NO_ARG_FOR_AGENT)
                .label("no agent given");
            None
        }
        [GArg::Pos(e)] => {
            let kind = match &e.kind {
                ExprKind::Str(s) | ExprKind::Var(s) if s == "any" => AgentKind::Any,
                ExprKind::Str(s) | ExprKind::Var(s) if s == "none" => AgentKind::None,
                _ => {
                    invalid_agent(cx, e.span);
                    return None;
                }
            };
            Some(Agent { kind, span: c.span })
        }
        _ => {
            invalid_agent(cx, c.span);
            None
        }
    }
}

fn invalid_agent(cx: &mut Cx, span: Span) {
    cx.error(Code::Agent, span, msg::INVALID_AGENT)
        .label("not `any` or `none`")
        .help("for a label, write `agent { label '…' }`");
}

/// `parseClosureMap`: `key value` statements, nested blocks allowed. `None` if broken.
fn closure_map<'a>(cx: &mut Cx, block: &'a ClosureDef) -> Option<Vec<(&'a Ident, Setting<'a>)>> {
    let mut out = Vec::new();
    let mut ok = true;
    for s in shape::statements(&block.body) {
        let Some(c) = call_stmt(s) else {
            cx.error(Code::Agent, s.span, msg::EXPECTED_MAP_METHOD)
                .label("not `key value`");
            ok = false;
            continue;
        };
        let Some(key) = c.ident() else {
            cx.call_name(&c);
            ok = false;
            continue;
        };
        match c.gargs().as_slice() {
            [] => {
                cx.error(
                    Code::Agent,
                    key.span,
                    msg::no_arg_for_map_method_key(&key.name),
                )
                .label("no value");
                ok = false;
            }
            [GArg::Pos(e)] => match &e.kind {
                ExprKind::Closure(inner) => match closure_map(cx, inner) {
                    Some(entries) => out.push((key, Setting::Block(e, entries))),
                    None => ok = false,
                },
                _ => {
                    cx.value(e);
                    out.push((key, Setting::Value(e)));
                }
            },
            _ => {
                cx.error(
                    Code::Agent,
                    key.span,
                    msg::too_many_args_for_map_method_key(&key.name),
                )
                .label("one value expected");
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

/// Required and known config options of a block-form agent (`validateElement(ModelASTAgent)`).
fn check_keys(cx: &mut Cx, ident: &Ident, name: &str, entries: &[(&Ident, Setting)]) -> Option<()> {
    let model = catalog::agent_model(name)?;
    let before = cx.error_count();
    for p in model.required() {
        if !entries.iter().any(|(k, _)| k.name == p.name) {
            cx.error(
                Code::Agent,
                ident.span,
                msg::missing_agent_parameter(name, p.name),
            )
            .label(format!("no `{}` given", p.name));
        }
    }
    let names = model.names();
    for (k, _) in entries {
        if model.param(&k.name).is_none() {
            cx.error(
                Code::Agent,
                k.span,
                msg::invalid_agent_parameter(&k.name, name, &msg::java_list(&names)),
            )
            .label("unknown option");
        }
    }
    (cx.error_count() == before).then_some(())
}

/// A single value for a type that needs several parameters.
fn check_required_count(cx: &mut Cx, ident: &Ident, name: &str) {
    if let Some(model) = catalog::agent_model(name) {
        let req: Vec<&str> = model.required().map(|p| p.name).collect();
        if req.len() > 1 {
            cx.error(
                Code::Agent,
                ident.span,
                msg::multiple_agent_parameters(name, &msg::java_list(&req)),
            );
        }
    }
}

fn find(entries: &[(&Ident, Setting)], key: &str) -> Option<Expr> {
    entries.iter().find_map(|(k, s)| match s {
        Setting::Value(v) if k.name == key => Some((*v).clone()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn zero_arg_agents_are_listed() {
        for a in super::catalog::ZERO_ARG_AGENTS {
            assert!(super::AGENT_TYPES.contains(a));
        }
    }
}
