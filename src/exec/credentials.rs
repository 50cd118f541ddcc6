//! The credentials store: what `credentials('id')` and `withCredentials` resolve against.
//!
//! Two sources, the environment first:
//! - `PIPE_CREDENTIAL_<ID>` (secret text), or `PIPE_CREDENTIAL_<ID>_USR` and `_PSW`
//!   (username with password); `<ID>` is the id upper-cased with every other character than
//!   a letter or digit turned into `_` (`docker-registry` → `PIPE_CREDENTIAL_DOCKER_REGISTRY`);
//! - a TOML file (`--credentials FILE`, default `$XDG_CONFIG_HOME/pipewright/credentials.toml`)
//!   with one table per id:
//!
//! ```toml
//! [dockerhub-login]
//! type = "usernamePassword"
//! username = "ci"
//! password = "s3cret"
//!
//! [sonar-token]
//! type = "string"
//! secret = "abc123"
//!
//! [deploy-key]
//! type = "sshUserPrivateKey"
//! username = "git"
//! privateKeyFile = "~/.ssh/id_deploy"   # or privateKey = "-----BEGIN …"
//! passphrase = ""
//!
//! [kubeconfig]
//! type = "file"
//! file = "/secure/kubeconfig"           # or content = "…", with fileName = "config"
//! ```
//!
//! Every secret value bound in a scope is registered with the log, which masks it as `****`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;

use super::run::Run;
use crate::eval::error::{exception, Flow};

/// One stored credential. `Debug` never shows secret values.
#[derive(Clone, PartialEq)]
pub enum Credential {
    /// "Secret text".
    Secret(String),
    UsernamePassword {
        username: String,
        password: String,
    },
    /// "Secret file": the content and the file name it is written under.
    File {
        content: Vec<u8>,
        file_name: String,
    },
    SshKey {
        username: String,
        private_key: String,
        passphrase: Option<String>,
    },
}

impl Credential {
    /// Jenkins' display name of the credential type, for type mismatch errors.
    pub fn type_name(&self) -> &'static str {
        match self {
            Credential::Secret(_) => "Secret text",
            Credential::UsernamePassword { .. } => "Username with password",
            Credential::File { .. } => "Secret file",
            Credential::SshKey { .. } => "SSH Username with private key",
        }
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credential({})", self.type_name())
    }
}

/// The credentials a run can use.
#[derive(Debug, Clone, Default)]
pub struct CredentialStore {
    file: IndexMap<String, Credential>,
    /// Environment variables to read `PIPE_CREDENTIAL_*` from (the process environment
    /// unless a test supplies its own).
    env: Option<Arc<IndexMap<String, String>>>,
}

/// A problem with the credentials file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum StoreError {
    #[error("cannot read the credentials file {path}: {source}")]
    #[diagnostic(code(pipe::credentials::io))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the credentials file {path} is not valid TOML: {message}")]
    #[diagnostic(
        code(pipe::credentials::syntax),
        help("each credential is a table: [my-id] with type = \"usernamePassword\", username, password")
    )]
    Syntax { path: String, message: String },
    #[error("credential \"{id}\" in {path}: {message}")]
    #[diagnostic(
        code(pipe::credentials::entry),
        help("types: string (secret), usernamePassword (username, password), file (file or content), sshUserPrivateKey (username, privateKey or privateKeyFile, passphrase)")
    )]
    Entry {
        path: String,
        id: String,
        message: String,
    },
}

/// The default location of the credentials file.
pub fn default_path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".config"),
    };
    Some(base.join("pipewright").join("credentials.toml"))
}

fn expand_home(p: &str) -> PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(p),
    }
}

impl CredentialStore {
    /// An empty store reading only the process environment.
    pub fn new() -> CredentialStore {
        CredentialStore::default()
    }

    /// A store over the given environment variables instead of the process's (tests).
    pub fn with_env(mut self, env: IndexMap<String, String>) -> CredentialStore {
        self.env = Some(Arc::new(env));
        self
    }

    /// Adds a credential (tests, programmatic use).
    pub fn insert(&mut self, id: &str, c: Credential) {
        self.file.insert(id.to_string(), c);
    }

    /// Loads a credentials file. Returns the store and warnings (a file others can read).
    pub fn load(path: &Path) -> Result<(CredentialStore, Vec<String>), StoreError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| StoreError::Io {
            path: shown.clone(),
            source,
        })?;
        let mut warnings = Vec::new();
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(meta) = std::fs::metadata(path) {
                let mode = meta.permissions().mode();
                if mode & 0o077 != 0 {
                    warnings.push(format!(
                        "the credentials file {shown} can be read by other users (mode {:o}); run: chmod 600 {shown}",
                        mode & 0o777
                    ));
                }
            }
        }
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| StoreError::Syntax {
                path: shown.clone(),
                message: e.message().to_string(),
            })?;
        let mut store = CredentialStore::default();
        for (id, entry) in table {
            let err = |message: String| StoreError::Entry {
                path: shown.clone(),
                id: id.clone(),
                message,
            };
            let toml::Value::Table(t) = entry else {
                return Err(err("expected a table".into()));
            };
            let field = |names: &[&str]| -> Option<String> {
                names
                    .iter()
                    .find_map(|n| t.get(*n).and_then(|v| v.as_str()).map(str::to_string))
            };
            let need = |names: &[&str]| -> Result<String, StoreError> {
                field(names).ok_or_else(|| err(format!("missing \"{}\"", names[0])))
            };
            let kind = field(&["type"]).unwrap_or_else(|| {
                if t.contains_key("password") {
                    "usernamePassword".into()
                } else {
                    "string".into()
                }
            });
            let c = match kind.as_str() {
                "string" | "secretText" | "secret" => {
                    Credential::Secret(need(&["secret", "value"])?)
                }
                "usernamePassword" | "usernameColonPassword" => Credential::UsernamePassword {
                    username: need(&["username"])?,
                    password: need(&["password"])?,
                },
                "file" | "secretFile" => {
                    let (content, default_name) =
                        match (field(&["content"]), field(&["file", "path"])) {
                            (Some(c), _) => (c.into_bytes(), "secret".to_string()),
                            (None, Some(p)) => {
                                let p = expand_home(&p);
                                let bytes = std::fs::read(&p).map_err(|e| {
                                    err(format!("cannot read {}: {e}", p.display()))
                                })?;
                                let name = p.file_name().map_or_else(
                                    || "secret".to_string(),
                                    |n| n.to_string_lossy().into_owned(),
                                );
                                (bytes, name)
                            }
                            (None, None) => {
                                return Err(err("missing \"file\" or \"content\"".into()))
                            }
                        };
                    Credential::File {
                        content,
                        file_name: field(&["fileName", "file_name"]).unwrap_or(default_name),
                    }
                }
                "sshUserPrivateKey" | "ssh" => {
                    let private_key = match (
                        field(&["privateKey", "private_key"]),
                        field(&["privateKeyFile", "private_key_file"]),
                    ) {
                        (Some(k), _) => k,
                        (None, Some(p)) => {
                            let p = expand_home(&p);
                            std::fs::read_to_string(&p)
                                .map_err(|e| err(format!("cannot read {}: {e}", p.display())))?
                        }
                        (None, None) => {
                            return Err(err("missing \"privateKey\" or \"privateKeyFile\"".into()))
                        }
                    };
                    Credential::SshKey {
                        username: field(&["username"]).unwrap_or_default(),
                        private_key,
                        passphrase: field(&["passphrase"]).filter(|p| !p.is_empty()),
                    }
                }
                other => return Err(err(format!("unknown type \"{other}\""))),
            };
            store.file.insert(id, c);
        }
        Ok((store, warnings))
    }

    fn env_var(&self, name: &str) -> Option<String> {
        match &self.env {
            Some(env) => env.get(name).cloned(),
            None => std::env::var(name).ok(),
        }
    }

    /// Looks a credential up by id: `PIPE_CREDENTIAL_*` variables first, then the file.
    pub fn get(&self, id: &str) -> Option<Credential> {
        let key = format!("PIPE_CREDENTIAL_{}", env_key(id));
        if let (Some(u), Some(p)) = (
            self.env_var(&format!("{key}_USR")),
            self.env_var(&format!("{key}_PSW")),
        ) {
            return Some(Credential::UsernamePassword {
                username: u,
                password: p,
            });
        }
        if let Some(s) = self.env_var(&key) {
            return Some(Credential::Secret(s));
        }
        self.file.get(id).cloned()
    }

    /// The ids known to the store (for "did you mean").
    pub fn ids(&self) -> Vec<String> {
        self.file.keys().cloned().collect()
    }
}

/// `docker-registry` → `DOCKER_REGISTRY`.
pub fn env_key(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The error Jenkins gives for an unknown credentials id.
pub fn not_found(run: &Run, id: &str) -> Flow {
    let mut msg = format!("Could not find credentials entry with ID '{id}'");
    let ids = run.config.credentials.ids();
    if let Some(best) = ids
        .iter()
        .map(|k| (crate::eval::props::del_distance(id, k), k))
        .filter(|(d, _)| *d <= 30)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
    {
        msg.push_str(&format!(" (did you mean '{best}'?)"));
    }
    msg.push_str(&format!(
        "; define it in the credentials file (--credentials) or set PIPE_CREDENTIAL_{}",
        env_key(id)
    ));
    exception("hudson.AbortException", Some(msg))
}

/// Values bound into the environment for a credential, the secrets among them, and the
/// temporary files holding file-type credentials (deleted when dropped).
#[derive(Default)]
pub struct Bound {
    pub vars: Vec<(String, String)>,
    pub secrets: Vec<String>,
    pub files: Vec<tempfile::TempPath>,
}

impl Bound {
    /// The bound variables whose values are secrets (for the interpolation warning).
    pub fn secret_vars(&self) -> Vec<(String, String)> {
        self.vars
            .iter()
            .filter(|(_, v)| self.secrets.contains(v))
            .cloned()
            .collect()
    }
}

/// Writes a secret file for the extent of a block, readable only by the user.
pub fn secret_file(run: &Run, name: &str, content: &[u8]) -> Result<tempfile::TempPath, Flow> {
    use std::io::Write;
    let dir = run.secrets_dir();
    let _ = std::fs::create_dir_all(&dir);
    let mut f = tempfile::Builder::new()
        .prefix(&format!("{name}-"))
        .tempfile_in(&dir)
        .map_err(|e| {
            exception(
                "java.io.IOException",
                Some(format!("cannot write a secret file: {e}")),
            )
        })?;
    f.write_all(content).map_err(|e| {
        exception(
            "java.io.IOException",
            Some(format!("cannot write a secret file: {e}")),
        )
    })?;
    Ok(f.into_temp_path())
}

/// `NAME = credentials('id')` in an `environment` block: secret text → `NAME`;
/// username/password → `NAME=user:pass`, `NAME_USR`, `NAME_PSW`; file → `NAME` = a file
/// path; SSH key → `NAME` = key file, `NAME_USR`, `NAME_PSW` = passphrase.
pub fn bind_env_credential(run: &Run, name: &str, id: &str) -> Result<Bound, Flow> {
    let Some(c) = run.config.credentials.get(id) else {
        return Err(not_found(run, id));
    };
    let mut b = Bound::default();
    match c {
        Credential::Secret(s) => {
            b.vars.push((name.to_string(), s.clone()));
            b.secrets.push(s);
        }
        Credential::UsernamePassword { username, password } => {
            let both = format!("{username}:{password}");
            b.vars.push((name.to_string(), both.clone()));
            b.vars.push((format!("{name}_USR"), username));
            b.vars.push((format!("{name}_PSW"), password.clone()));
            b.secrets.push(both);
            b.secrets.push(password);
        }
        Credential::File { content, file_name } => {
            let path = secret_file(run, &file_name, &content)?;
            b.vars.push((name.to_string(), path.display().to_string()));
            b.files.push(path);
        }
        Credential::SshKey {
            username,
            private_key,
            passphrase,
        } => {
            let path = secret_file(run, "ssh-key", private_key.as_bytes())?;
            b.vars.push((name.to_string(), path.display().to_string()));
            b.vars.push((format!("{name}_USR"), username));
            if let Some(p) = passphrase {
                b.vars.push((format!("{name}_PSW"), p.clone()));
                b.secrets.push(p);
            }
            b.files.push(path);
        }
    }
    for s in &b.secrets {
        run.log.add_secret(s);
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_variables_take_precedence_and_ids_are_normalised() {
        let mut store = CredentialStore::new().with_env(
            [
                (
                    "PIPE_CREDENTIAL_DOCKER_REGISTRY_USR".to_string(),
                    "bob".to_string(),
                ),
                (
                    "PIPE_CREDENTIAL_DOCKER_REGISTRY_PSW".to_string(),
                    "pw".to_string(),
                ),
                ("PIPE_CREDENTIAL_SONAR".to_string(), "tok".to_string()),
            ]
            .into_iter()
            .collect(),
        );
        store.insert("sonar", Credential::Secret("from-file".into()));
        store.insert("other", Credential::Secret("x1".into()));
        assert_eq!(
            store.get("docker-registry"),
            Some(Credential::UsernamePassword {
                username: "bob".into(),
                password: "pw".into()
            })
        );
        assert_eq!(store.get("sonar"), Some(Credential::Secret("tok".into())));
        assert_eq!(store.get("other"), Some(Credential::Secret("x1".into())));
        assert_eq!(store.get("missing"), None);
        assert_eq!(
            format!("{:?}", store.get("sonar")),
            "Some(Credential(Secret text))"
        );
    }

    #[test]
    fn the_file_is_parsed_and_loose_permissions_warned_about() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "[reg]\ntype = \"usernamePassword\"\nusername = \"u\"\npassword = \"p\"\n[tok]\nsecret = \"t\"\n[f]\ntype = \"file\"\ncontent = \"data\"\nfileName = \"kubeconfig\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let (store, warnings) = CredentialStore::load(&path).unwrap();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("chmod 600"));
        assert_eq!(store.get("tok"), Some(Credential::Secret("t".into())));
        assert_eq!(
            store.get("f"),
            Some(Credential::File {
                content: b"data".to_vec(),
                file_name: "kubeconfig".into()
            })
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(CredentialStore::load(&path).unwrap().1.is_empty());
        std::fs::write(&path, "[bad]\ntype = \"weird\"\n").unwrap();
        let e = CredentialStore::load(&path).unwrap_err();
        assert!(e.to_string().contains("unknown type \"weird\""), "{e}");
    }
}
