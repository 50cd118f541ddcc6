//! The Docker Pipeline plugin's `docker` global (`Docker.groovy`): `docker.build`,
//! `docker.image(…)`, `withRegistry`, `withServer`, and the `Image` and `Container` objects,
//! with the plugin's naming rules (registry prefixes, tags).
//!
//! This module owns the DSL: names, arguments, environment, nesting. The operations that
//! talk to a Docker Engine (build, tag, push, pull, run, inside) are recorded under
//! `--dry-run`; in a real run they fail with a clear message until the engine backend
//! exists (see ARCHITECTURE.md, "Not yet native").

use std::sync::Arc;

use crate::eval::error::{throw, R};
use crate::eval::value::{to_display, Closure, NativeObject, Value};
use crate::eval::Interp;
use crate::exec::context::StepCtx;
use crate::exec::host::{nested, record_call, render_value};
use crate::exec::run::Run;
use crate::steps::blocks::run_body;
use crate::syntax::Span;

pub fn docker_value(run: &Arc<Run>) -> Value {
    Value::Native(Arc::new(DockerGlobal { run: run.clone() }))
}

/// Splits `name` into repository and tag as the plugin's `ImageNameTokens` does: at the last
/// `:` (here only when it follows the last `/`, so a registry port is not a tag); no tag,
/// or an empty one, means `latest`.
pub fn split_tag(name: &str) -> (&str, &str) {
    let slash = name.rfind('/').map_or(0, |i| i + 1);
    match name[slash..].rfind(':') {
        Some(i) => {
            let (repo, tag) = (&name[..slash + i], &name[slash + i + 1..]);
            (repo, if tag.is_empty() { "latest" } else { tag })
        }
        None => (name, "latest"),
    }
}

/// The registry-qualified name of `name` under registry `url` (`DockerRegistryEndpoint.
/// imageName`): unchanged without a registry; otherwise `host[:port]/name` unless the name
/// already starts with that host.
pub fn qualified_name(url: Option<&str>, name: &str) -> String {
    let Some(url) = url.filter(|u| !u.is_empty()) else {
        return name.to_string();
    };
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split('/').next().unwrap_or(rest);
    if host.is_empty() || name.starts_with(&format!("{host}/")) {
        name.to_string()
    } else {
        format!("{host}/{name}")
    }
}

fn quoted(s: &str) -> String {
    render_value(&Value::string(s.to_string()))
}

fn args_of(args: &[Value]) -> (Vec<Value>, Option<Arc<Closure>>) {
    let mut plain = args.to_vec();
    let body = match plain.last() {
        Some(Value::Closure(c)) => {
            let c = c.clone();
            plain.pop();
            Some(c)
        }
        _ => None,
    };
    (plain, body)
}

fn string_arg(args: &[Value], i: usize) -> Option<String> {
    args.get(i).filter(|v| !v.is_null()).map(to_display)
}

fn render_args(args: &[Value]) -> String {
    args.iter().map(render_value).collect::<Vec<_>>().join(", ")
}

/// An operation that needs a Docker Engine: recorded under `--dry-run`, refused otherwise.
fn engine_op(run: &Run, interp: &Interp, call: &str, args: &str) -> R<()> {
    record_call(run, interp, call, args);
    if run.config.dry_run {
        return Ok(());
    }
    throw(
        "java.lang.UnsupportedOperationException",
        format!(
            "{call}: this build of pipe cannot talk to a Docker Engine yet; `pipe run --dry-run` shows what the pipeline would do"
        ),
    )
}

fn body_required<T>(method: &str) -> R<T> {
    throw(
        "java.lang.IllegalArgumentException",
        format!("docker.{method} needs a block: docker.{method}(…) {{ … }}"),
    )
}

struct DockerGlobal {
    run: Arc<Run>,
}

impl DockerGlobal {
    fn image(&self, id: String) -> Value {
        Value::Native(Arc::new(Image {
            run: self.run.clone(),
            id,
        }))
    }
}

impl NativeObject for DockerGlobal {
    fn class_name(&self) -> String {
        "org.jenkinsci.plugins.docker.workflow.Docker".into()
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let (plain, body) = args_of(args);
        let span = Span::default();
        Some(match name {
            "image" => match string_arg(&plain, 0) {
                Some(id) => Ok(self.image(id)),
                None => throw(
                    "java.lang.IllegalArgumentException",
                    "docker.image needs a name",
                ),
            },
            "build" => {
                let Some(image) = string_arg(&plain, 0) else {
                    return Some(throw(
                        "java.lang.IllegalArgumentException",
                        "docker.build needs an image name",
                    ));
                };
                let build_args = string_arg(&plain, 1).unwrap_or_else(|| ".".into());
                engine_op(
                    &self.run,
                    interp,
                    "docker.build",
                    &format!("{}, {}", quoted(&image), quoted(&build_args)),
                )
                .map(|()| self.image(image))
            }
            "withRegistry" | "withServer" | "withTool" => {
                let Some(body) = body else {
                    return Some(body_required(name));
                };
                record_call(
                    &self.run,
                    interp,
                    &format!("docker.{name}"),
                    &render_args(&plain),
                );
                let ctx = StepCtx::current(interp);
                let first = string_arg(&plain, 0).unwrap_or_default();
                let ctx = match name {
                    "withRegistry" => ctx.with_env([("DOCKER_REGISTRY_URL".into(), first)]),
                    "withServer" => ctx.with_env([("DOCKER_HOST".into(), first)]),
                    _ => ctx.with_env([("DOCKER_TOOL_NAME".into(), first)]),
                };
                nested(|| run_body(interp, ctx, &body, span))
            }
            _ => return None,
        })
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `docker.image(id)`.
struct Image {
    run: Arc<Run>,
    id: String,
}

impl Image {
    fn registry(&self, interp: &Interp) -> Option<String> {
        let ctx = StepCtx::current(interp);
        crate::exec::globals::env_lookup(&self.run, &ctx, "DOCKER_REGISTRY_URL")
    }

    fn image_name(&self, interp: &Interp) -> String {
        qualified_name(self.registry(interp).as_deref(), &self.id)
    }

    /// `tag(t)`: the qualified repository with tag `t` (the parsed tag by default).
    fn tagged(&self, interp: &Interp, tag: Option<String>) -> String {
        let (repo, parsed) = split_tag(&self.id);
        let tag = tag.unwrap_or_else(|| parsed.to_string());
        format!(
            "{}:{tag}",
            qualified_name(self.registry(interp).as_deref(), repo)
        )
    }

    fn container(&self, id: &str) -> Value {
        Value::Native(Arc::new(Container {
            run: self.run.clone(),
            id: id.to_string(),
        }))
    }
}

impl NativeObject for Image {
    fn class_name(&self) -> String {
        "org.jenkinsci.plugins.docker.workflow.Docker$Image".into()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        match name {
            "id" => Some(Ok(Value::string(self.id.clone()))),
            _ => None,
        }
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let (plain, body) = args_of(args);
        let span = Span::default();
        let id = quoted(&self.id);
        Some(match name {
            "getId" => Ok(Value::string(self.id.clone())),
            "imageName" => Ok(Value::string(self.image_name(interp))),
            "tag" => {
                let target = self.tagged(interp, string_arg(&plain, 0));
                engine_op(
                    &self.run,
                    interp,
                    "Image.tag",
                    &format!("{id}, {}", quoted(&target)),
                )
                .map(|()| Value::string(target))
            }
            "push" => {
                let target = self.tagged(interp, string_arg(&plain, 0));
                engine_op(&self.run, interp, "Image.push", &quoted(&target)).map(|()| Value::Null)
            }
            "pull" => {
                let target = self.image_name(interp);
                engine_op(&self.run, interp, "Image.pull", &quoted(&target)).map(|()| Value::Null)
            }
            "run" | "withRun" => {
                let run_args = string_arg(&plain, 0).unwrap_or_default();
                let command = string_arg(&plain, 1).unwrap_or_default();
                let rendered = format!("{id}, {}, {}", quoted(&run_args), quoted(&command));
                if name == "withRun" && body.is_none() {
                    return Some(body_required("image(…).withRun"));
                }
                if let Err(e) = engine_op(&self.run, interp, &format!("Image.{name}"), &rendered) {
                    return Some(Err(e));
                }
                let container = self.container("dry-run-container");
                match body {
                    Some(body) if name == "withRun" => {
                        nested(|| interp.call_closure(&body, vec![container], span))
                    }
                    _ => Ok(container),
                }
            }
            "inside" => {
                let Some(body) = body else {
                    return Some(body_required("image(…).inside"));
                };
                let run_args = string_arg(&plain, 0).unwrap_or_default();
                if let Err(e) = engine_op(
                    &self.run,
                    interp,
                    "Image.inside",
                    &format!("{id}, {}", quoted(&run_args)),
                ) {
                    return Some(Err(e));
                }
                nested(|| interp.call_closure(&body, Vec::new(), span))
            }
            _ => return None,
        })
    }

    fn to_string(&self) -> String {
        self.id.clone()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// What `Image.run` returns.
struct Container {
    run: Arc<Run>,
    id: String,
}

impl NativeObject for Container {
    fn class_name(&self) -> String {
        "org.jenkinsci.plugins.docker.workflow.Docker$Container".into()
    }

    fn get_property(&self, _interp: &Interp, name: &str) -> Option<R<Value>> {
        match name {
            "id" => Some(Ok(Value::string(self.id.clone()))),
            _ => None,
        }
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        let id = quoted(&self.id);
        Some(match name {
            "getId" => Ok(Value::string(self.id.clone())),
            "stop" => engine_op(&self.run, interp, "Container.stop", &id).map(|()| Value::Null),
            "port" => {
                let port = string_arg(args, 0).unwrap_or_default();
                engine_op(
                    &self.run,
                    interp,
                    "Container.port",
                    &format!("{id}, {}", quoted(&port)),
                )
                .map(|()| Value::string(format!("0.0.0.0:{port}")))
            }
            _ => return None,
        })
    }

    fn to_string(&self) -> String {
        self.id.clone()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_split_after_the_last_slash() {
        assert_eq!(split_tag("app"), ("app", "latest"));
        assert_eq!(split_tag("app:1.0"), ("app", "1.0"));
        assert_eq!(split_tag("app:"), ("app", "latest"));
        assert_eq!(
            split_tag("reg:5000/team/app"),
            ("reg:5000/team/app", "latest")
        );
        assert_eq!(split_tag("reg:5000/app:test"), ("reg:5000/app", "test"));
    }

    #[test]
    fn registry_prefix_follows_docker_commons() {
        assert_eq!(qualified_name(None, "app"), "app");
        assert_eq!(qualified_name(Some(""), "app"), "app");
        assert_eq!(
            qualified_name(Some("https://docker.mycorp.com/"), "myapp"),
            "docker.mycorp.com/myapp"
        );
        assert_eq!(
            qualified_name(Some("https://reg:5000"), "app"),
            "reg:5000/app"
        );
        assert_eq!(
            qualified_name(Some("https://dockerhub.xxx.com"), "dockerhub.xxx.com/xxxx"),
            "dockerhub.xxx.com/xxxx"
        );
    }
}
