//! The run configuration file: what a Jenkins controller knows that a pipeline does not
//! say — tool installations (`tool`, `tools { }`), shared libraries (`@Library`,
//! `library`), the mail server (`mail`) and the other jobs `build` can start.
//!
//! Found at `pipe run --config FILE`, else `.pipe/config.toml` in the workspace, else
//! `$XDG_CONFIG_HOME/pipewright/config.toml` (`~/.config/…`); the first that exists is used
//! whole. Relative paths in it are relative to the workspace for `.pipe/config.toml`, and to
//! the file's own directory otherwise.
//!
//! ```toml
//! [tools]
//! "SonarQube.Scanner-2.8" = "/opt/sonar-scanner"   # any type
//! [tools.maven]
//! M3 = "/opt/maven"
//! [tools.jdk]
//! jdk17 = "/usr/lib/jvm/java-17-openjdk"
//!
//! [libraries]
//! utils = "../jenkins-utils"                       # a directory with vars/ (and src/)
//! [libraries.pipeline-lib]
//! path = "/srv/pipeline-lib"
//! defaultVersion = "main"                          # a git ref, when the directory is a repository
//!
//! [mail]
//! host = "localhost"                               # default localhost
//! port = 25                                        # default 25
//! from = "ci@example.com"
//! credentialsId = "smtp-login"                     # or user = "…", password = "…"
//!
//! [jobs]
//! deploy = "jobs/deploy.Jenkinsfile"               # the pipeline `build job: 'deploy'` runs
//! [jobs.release]
//! file = "release/Jenkinsfile"
//! workspace = "../release-ws"                      # default: this run's workspace
//! ```

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use miette::{NamedSource, SourceSpan};

use super::context::StepCtx;
use super::run::Run;
use crate::eval::error::{exception, Flow, R};

/// A tool installation: `[tools.maven] M3 = "/opt/maven"` (kind `maven`) or a flat
/// `[tools] X = "/opt/x"` (no kind: found whatever type is asked for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolDef {
    pub kind: Option<String>,
    pub name: String,
    pub home: String,
}

/// A shared library: a local directory holding `vars/` (and `src/`, `resources/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryDef {
    pub path: PathBuf,
    /// The version used when `@Library('name')` names none.
    pub default_version: Option<String>,
}

/// The SMTP server `mail` sends through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailConfig {
    pub host: String,
    pub port: u16,
    pub from: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    /// A `usernamePassword` credential to log in with.
    pub credentials_id: Option<String>,
}

impl Default for MailConfig {
    fn default() -> MailConfig {
        MailConfig {
            host: "localhost".into(),
            port: 25,
            from: None,
            user: None,
            password: None,
            credentials_id: None,
        }
    }
}

/// A job `build` can start: its pipeline file and, optionally, its own workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobDef {
    pub file: PathBuf,
    pub workspace: Option<PathBuf>,
}

/// Everything the configuration file says.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The file it was read from, for messages that tell where to configure things.
    pub path: Option<PathBuf>,
    pub tools: Vec<ToolDef>,
    pub libraries: IndexMap<String, LibraryDef>,
    pub mail: Option<MailConfig>,
    pub jobs: IndexMap<String, JobDef>,
}

/// A problem with the configuration file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    #[diagnostic(code(pipe::config::io))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the configuration file {path} is not valid TOML: {message}")]
    #[diagnostic(
        code(pipe::config::syntax),
        help("sections: [tools], [libraries], [mail], [jobs]; see `pipe run --help`")
    )]
    Syntax {
        path: String,
        message: String,
        #[source_code]
        src: NamedSource<String>,
        #[label("here")]
        span: Option<SourceSpan>,
    },
    #[error("{path}: {message}")]
    #[diagnostic(code(pipe::config::entry))]
    Entry {
        path: String,
        message: String,
        #[source_code]
        src: NamedSource<String>,
        #[label("here")]
        span: Option<SourceSpan>,
        #[help]
        help: Option<String>,
    },
}

/// `$XDG_CONFIG_HOME/pipewright/config.toml` (or `~/.config/…`).
pub fn user_path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".config"),
    };
    Some(base.join("pipewright").join("config.toml"))
}

/// The workspace's own configuration file.
pub fn workspace_path(workspace: &Path) -> PathBuf {
    workspace.join(".pipe").join("config.toml")
}

/// Finds and loads the configuration: `explicit` (`--config`), else the workspace's, else
/// the user's; no file at all is an empty configuration.
pub fn discover(explicit: Option<&Path>, workspace: &Path) -> Result<Settings, Box<ConfigError>> {
    if let Some(p) = explicit {
        let base = p
            .parent()
            .map_or_else(|| workspace.to_path_buf(), Path::to_path_buf);
        return load(p, &base);
    }
    let ws = workspace_path(workspace);
    if ws.exists() {
        return load(&ws, workspace);
    }
    match user_path().filter(|p| p.exists()) {
        Some(p) => {
            let base = p
                .parent()
                .map_or_else(|| workspace.to_path_buf(), Path::to_path_buf);
            load(&p, &base)
        }
        None => Ok(Settings::default()),
    }
}

fn expand(base: &Path, p: &str) -> PathBuf {
    let p = match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(p),
    };
    if p.is_absolute() {
        p
    } else {
        base.join(p)
    }
}

/// Where `key` (in `[section]`, or at the top when `section` is empty) is written, for
/// pointing at it.
fn locate(text: &str, section: &str, key: &str) -> Option<SourceSpan> {
    let mut in_section = section.is_empty();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            let name = t.trim_start_matches('[').trim_end_matches(']').trim();
            in_section = name == section || (section.is_empty() && name == key);
            if section.is_empty() && name == key {
                let start = offset + (line.len() - line.trim_start().len());
                return Some((start, t.len()).into());
            }
        } else if in_section {
            let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if k == key && t.contains('=') {
                let start = offset + (line.len() - line.trim_start().len());
                return Some((start, t.len()).into());
            }
        }
        offset += line.len();
    }
    None
}

/// A `name = "path"` entry, or a `[section.name]` table whose `key` is the path: the path,
/// and the table for the entry's other settings.
fn path_entry<'t>(v: &'t toml::Value, key: &str) -> Option<(&'t str, Option<&'t toml::Table>)> {
    match v {
        toml::Value::String(p) => Some((p, None)),
        toml::Value::Table(t) => Some((t.get(key)?.as_str()?, Some(t))),
        _ => None,
    }
}

/// Loads a configuration file; relative paths in it are taken from `base`.
pub fn load(path: &Path, base: &Path) -> Result<Settings, Box<ConfigError>> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| {
        Box::new(ConfigError::Io {
            path: shown.clone(),
            source,
        })
    })?;
    parse(&text, &shown, base)
}

/// Parses configuration text (`shown` names it in messages).
pub fn parse(text: &str, shown: &str, base: &Path) -> Result<Settings, Box<ConfigError>> {
    let src = || NamedSource::new(shown, text.to_string());
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| ConfigError::Syntax {
            path: shown.to_string(),
            message: e.message().to_string(),
            src: src(),
            span: e
                .span()
                .map(|r| (r.start, r.end.saturating_sub(r.start)).into()),
        })?;
    let entry = |section: &str, key: &str, message: String, help: Option<&str>| {
        Box::new(ConfigError::Entry {
            path: shown.to_string(),
            message,
            src: src(),
            span: locate(text, section, key)
                .or_else(|| locate(text, "", &format!("{section}.{key}"))),
            help: help.map(str::to_string),
        })
    };
    let mut s = Settings {
        path: Some(PathBuf::from(shown)),
        ..Settings::default()
    };
    for (section, value) in &table {
        let toml::Value::Table(t) = value else {
            return Err(entry(
                "",
                section,
                format!("\"{section}\" must be a section ([{section}])"),
                Some("sections: [tools], [libraries], [mail], [jobs]"),
            ));
        };
        match section.as_str() {
            "tools" => {
                for (k, v) in t {
                    match v {
                        toml::Value::String(home) => s.tools.push(ToolDef {
                            kind: None,
                            name: k.clone(),
                            home: expand(base, home).display().to_string(),
                        }),
                        toml::Value::Table(typed) => {
                            for (name, home) in typed {
                                let Some(home) = home.as_str() else {
                                    return Err(entry(
                                        &format!("tools.{k}"),
                                        name,
                                        format!("tool \"{name}\" of type {k}: the home directory must be a string"),
                                        Some("[tools.maven] M3 = \"/opt/maven\""),
                                    ));
                                };
                                s.tools.push(ToolDef {
                                    kind: Some(k.clone()),
                                    name: name.clone(),
                                    home: expand(base, home).display().to_string(),
                                });
                            }
                        }
                        _ => {
                            return Err(entry(
                                "tools",
                                k,
                                format!("tool \"{k}\": expected a home directory or a [tools.{k}] section"),
                                Some("[tools] \"SonarQube.Scanner-2.8\" = \"/opt/sonar\", or [tools.maven] M3 = \"/opt/maven\""),
                            ))
                        }
                    }
                }
            }
            "libraries" => {
                for (k, v) in t {
                    let Some((p, table)) = path_entry(v, "path") else {
                        return Err(entry(
                            "libraries",
                            k,
                            format!("library \"{k}\": expected a directory, or a [libraries.{k}] section with path = \"…\""),
                            Some("[libraries] utils = \"../jenkins-utils\", or [libraries.NAME] path = \"/dir/with/vars\", defaultVersion = \"main\""),
                        ));
                    };
                    let setting = |names: &[&str]| {
                        table.and_then(|t| names.iter().find_map(|n| t.get(*n)?.as_str()))
                    };
                    let def = LibraryDef {
                        path: expand(base, p),
                        default_version: setting(&["defaultVersion", "default_version"])
                            .map(str::to_string),
                    };
                    s.libraries.insert(k.clone(), def);
                }
            }
            "mail" => {
                let mut m = MailConfig::default();
                for (k, v) in t {
                    let bad =
                        |what: &str| entry("mail", k, format!("mail.{k}: expected {what}"), None);
                    match k.as_str() {
                        "host" | "smtpHost" => {
                            m.host = v.as_str().ok_or_else(|| bad("a host name"))?.to_string()
                        }
                        "port" | "smtpPort" => {
                            let port = match v {
                                toml::Value::Integer(i) => u16::try_from(*i).ok(),
                                toml::Value::String(p) => p.trim().parse().ok(),
                                _ => None,
                            };
                            m.port = port.ok_or_else(|| bad("a port number (1-65535)"))?;
                        }
                        "from" => {
                            m.from = Some(v.as_str().ok_or_else(|| bad("an address"))?.into())
                        }
                        "user" | "username" => {
                            m.user = Some(v.as_str().ok_or_else(|| bad("a user name"))?.into())
                        }
                        "password" => {
                            m.password = Some(v.as_str().ok_or_else(|| bad("a password"))?.into())
                        }
                        "credentialsId" | "credentials_id" => {
                            m.credentials_id =
                                Some(v.as_str().ok_or_else(|| bad("a credentials id"))?.into())
                        }
                        other => return Err(entry(
                            "mail",
                            other,
                            format!("unknown mail setting \"{other}\""),
                            Some("mail settings: host, port, from, user, password, credentialsId"),
                        )),
                    }
                }
                s.mail = Some(m);
            }
            "jobs" => {
                for (k, v) in t {
                    let Some((f, table)) = path_entry(v, "file") else {
                        return Err(entry(
                            "jobs",
                            k,
                            format!("job \"{k}\": expected a pipeline file, or a [jobs.{k}] section with file = \"…\""),
                            Some("[jobs] deploy = \"jobs/deploy.Jenkinsfile\", or [jobs.NAME] file = \"path/to/Jenkinsfile\", workspace = \"dir\""),
                        ));
                    };
                    let def = JobDef {
                        file: expand(base, f),
                        workspace: table
                            .and_then(|t| t.get("workspace")?.as_str())
                            .map(|w| expand(base, w)),
                    };
                    s.jobs.insert(k.clone(), def);
                }
            }
            other => {
                return Err(entry(
                    "",
                    other,
                    format!("unknown section [{other}]"),
                    Some("sections: [tools], [libraries], [mail], [jobs]"),
                ))
            }
        }
    }
    Ok(s)
}

impl Settings {
    /// Where to tell the user to configure something.
    pub fn where_to_configure(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => ".pipe/config.toml in the workspace (or --config FILE)".into(),
        }
    }
}

/// The type names tools are asked for by: Declarative's symbols (`maven`, `jdk`) or the
/// descriptor ids old pipelines use (`hudson.tasks.Maven$MavenInstallation`).
pub fn tool_kind(kind: &str) -> String {
    let short = match kind {
        "hudson.tasks.Maven$MavenInstallation" => "maven",
        "hudson.model.JDK" => "jdk",
        "hudson.plugins.gradle.GradleInstallation" => "gradle",
        "hudson.tasks.Ant$AntInstallation" => "ant",
        "jenkins.plugins.nodejs.tools.NodeJSInstallation" => "nodejs",
        "org.jenkinsci.plugins.golang.GolangInstallation" => "go",
        "hudson.plugins.sonar.SonarRunnerInstallation" => "sonarRunner",
        "org.jenkinsci.plugins.docker.commons.tools.DockerTool" => "dockerTool",
        "hudson.plugins.git.GitTool" => "git",
        other => other,
    };
    short.to_string()
}

/// The configured installation of `name`, of type `kind` when given.
pub fn find_tool<'a>(s: &'a Settings, kind: Option<&str>, name: &str) -> Option<&'a ToolDef> {
    let kind = kind.map(tool_kind);
    s.tools.iter().find(|t| {
        t.name == name
            && match (&kind, &t.kind) {
                (Some(want), Some(have)) => tool_kind(have) == *want,
                _ => true,
            }
    })
}

/// The `tool` step's error for an unknown installation (`ToolStep.java`), with where to
/// configure it.
pub fn unknown_tool(run: &Run, kind: Option<&str>, name: &str) -> Flow {
    let section = match kind {
        Some(k) => format!("[tools.{}] \"{name}\" = \"/path/to/home\"", tool_kind(k)),
        None => format!("[tools] \"{name}\" = \"/path/to/home\""),
    };
    exception(
        "hudson.AbortException",
        Some(format!(
            "No {} named {name} found; configure it as {section} in {}",
            kind.unwrap_or("tool"),
            run.config.settings.where_to_configure()
        )),
    )
}

/// The environment a tool installation adds (`tools { maven 'M3' }`): `PATH+<KIND>` (its
/// `bin` prepended to `PATH`, see [`expand_path_additions`]) and the home variables the
/// tool's Jenkins plugin sets (`MAVEN_HOME`/`M2_HOME`, `JAVA_HOME`, `GRADLE_HOME`…).
/// Unknown installations fail with Declarative's message (`ModelValidatorImpl.NoToolVersion`).
pub fn tool_env(run: &Run, kind: &str, name: &str) -> R<Vec<(String, String)>> {
    let settings = &run.config.settings;
    let Some(tool) = find_tool(settings, Some(kind), name) else {
        if run.config.dry_run {
            return Ok(Vec::new());
        }
        let want = tool_kind(kind);
        let suggestion = settings
            .tools
            .iter()
            .filter(|t| t.kind.as_deref().is_none_or(|k| tool_kind(k) == want))
            .map(|t| (crate::eval::props::del_distance(name, &t.name), &t.name))
            .min_by_key(|(d, _)| *d)
            .map(|(_, n)| format!(" - did you mean \"{n}\"?"))
            .unwrap_or_default();
        return Err(exception(
            "hudson.AbortException",
            Some(format!(
                "Tool type \"{kind}\" does not have an install of \"{name}\" configured{suggestion}; configure it as [tools.{want}] \"{name}\" = \"/path/to/home\" in {}",
                settings.where_to_configure()
            )),
        ));
    };
    let home = tool.home.clone();
    let kind = tool_kind(kind);
    let mut vars = vec![(
        format!("PATH+{}", kind.to_ascii_uppercase()),
        format!("{home}/bin"),
    )];
    let homes: &[&str] = match kind.as_str() {
        "maven" => &["MAVEN_HOME", "M2_HOME"],
        "jdk" => &["JAVA_HOME"],
        "gradle" => &["GRADLE_HOME"],
        "ant" => &["ANT_HOME"],
        "nodejs" => &["NODEJS_HOME"],
        "go" => &["GOROOT"],
        _ => &[],
    };
    for h in homes {
        vars.push((h.to_string(), home.clone()));
    }
    Ok(vars)
}

/// Resolves `PATH+X=/dir` entries against the environment in force (the directory is
/// prepended to `PATH`), leaving other variables as they are.
pub fn expand_path_additions(
    run: &Run,
    ctx: &StepCtx,
    vars: Vec<(String, String)>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in vars {
        match k.split_once('+') {
            Some((base, _)) => {
                let cur = out
                    .iter()
                    .rev()
                    .find(|(n, _)| n == base)
                    .map(|(_, v)| v.clone())
                    .or_else(|| super::globals::env_lookup(run, ctx, base))
                    .unwrap_or_default();
                let joined = if cur.is_empty() {
                    v
                } else {
                    format!("{v}:{cur}")
                };
                out.push((base.to_string(), joined));
            }
            None => out.push((k, v)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_read_with_relative_paths_from_the_base() {
        let s = parse(
            "[tools]\n\"SonarQube.Scanner-2.8\" = \"/opt/sonar\"\n[tools.maven]\nM3 = \"mvn\"\n[libraries]\nutils = \"lib\"\n[libraries.other]\npath = \"/x\"\ndefaultVersion = \"main\"\n[mail]\nhost = \"smtp.local\"\nport = 2525\nfrom = \"ci@x\"\n[jobs]\ndeploy = \"d.Jenkinsfile\"\n[jobs.rel]\nfile = \"r/Jenkinsfile\"\nworkspace = \"/w\"\n",
            "c.toml",
            Path::new("/base"),
        )
        .unwrap();
        assert_eq!(s.tools.len(), 2);
        assert_eq!(
            find_tool(&s, Some("maven"), "M3").map(|t| t.home.as_str()),
            Some("/base/mvn")
        );
        assert_eq!(
            find_tool(&s, Some("hudson.tasks.Maven$MavenInstallation"), "M3")
                .map(|t| t.home.as_str()),
            Some("/base/mvn")
        );
        assert!(find_tool(&s, Some("jdk"), "M3").is_none());
        assert!(find_tool(&s, Some("anything"), "SonarQube.Scanner-2.8").is_some());
        assert_eq!(s.libraries["utils"].path, PathBuf::from("/base/lib"));
        assert_eq!(
            s.libraries["other"].default_version.as_deref(),
            Some("main")
        );
        let m = s.mail.unwrap();
        assert_eq!((m.host.as_str(), m.port), ("smtp.local", 2525));
        assert_eq!(s.jobs["deploy"].file, PathBuf::from("/base/d.Jenkinsfile"));
        assert_eq!(s.jobs["rel"].workspace, Some(PathBuf::from("/w")));
    }

    #[test]
    fn mistakes_are_diagnostics_with_stable_codes_and_locations() {
        use miette::Diagnostic;
        let e = parse("[tools\n", "c.toml", Path::new("/")).unwrap_err();
        assert_eq!(e.code().unwrap().to_string(), "pipe::config::syntax");
        let e = parse("[mail]\nport = \"many\"\n", "c.toml", Path::new("/")).unwrap_err();
        assert_eq!(e.code().unwrap().to_string(), "pipe::config::entry");
        assert!(e.to_string().contains("mail.port"), "{e}");
        let ConfigError::Entry { span, .. } = &*e else {
            panic!("{e:?}")
        };
        assert_eq!(span.map(|s| s.offset()), Some(7));
        let e = parse("[toolz]\na = \"b\"\n", "c.toml", Path::new("/")).unwrap_err();
        assert!(e.to_string().contains("unknown section [toolz]"), "{e}");
    }
}
