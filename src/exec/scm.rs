//! What the run knows about the workspace's repository: the variables a multibranch job
//! gets (`BRANCH_NAME`, `GIT_COMMIT`, `TAG_NAME`…) and the change set `when { changelog }` and
//! `when { changeset }` look at. Read with the git CLI; a workspace outside a repository, or a
//! machine without git, simply has none of these.

use std::path::Path;
use std::process::{Command, Stdio};

use super::run::Run;

/// Runs git in `dir` quietly (quick local queries: no log, no interruption) and returns
/// its output without the final newline, when it succeeds.
pub fn git(dir: &Path, args: &[&str]) -> Option<String> {
    git_env(dir, args, &[])
}

/// [`git`] with extra environment variables.
pub fn git_env(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, *v)))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
}

/// Whether `dir` is inside a git work tree (checked without running git).
pub fn in_repository(dir: &Path) -> bool {
    dir.ancestors().any(|d| d.join(".git").exists())
}

/// The SCM variables of the repository at `dir`: GIT_COMMIT, GIT_BRANCH, GIT_LOCAL_BRANCH,
/// GIT_URL, GIT_AUTHOR_*/GIT_COMMITTER_*, BRANCH_NAME, and TAG_NAME when HEAD is tagged.
pub fn scm_vars(dir: &Path) -> Vec<(String, String)> {
    if !in_repository(dir) {
        return Vec::new();
    }
    let mut vars = Vec::new();
    let Some(head) = git(dir, &["log", "-1", "--format=%H%n%an%n%ae%n%cn%n%ce"]) else {
        return vars;
    };
    let mut lines = head.lines();
    let mut take = |name: &str, vars: &mut Vec<(String, String)>| {
        if let Some(v) = lines.next().filter(|v| !v.is_empty()) {
            vars.push((name.to_string(), v.to_string()));
        }
    };
    for name in [
        "GIT_COMMIT",
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ] {
        take(name, &mut vars);
    }
    if let Some(branch) =
        git(dir, &["symbolic-ref", "--short", "-q", "HEAD"]).filter(|b| !b.is_empty())
    {
        vars.push(("BRANCH_NAME".into(), branch.clone()));
        vars.push(("GIT_LOCAL_BRANCH".into(), branch.clone()));
        let remote = git(
            dir,
            &["config", "--get", &format!("branch.{branch}.remote")],
        )
        .unwrap_or_else(|| "origin".into());
        vars.push(("GIT_BRANCH".into(), format!("{remote}/{branch}")));
    }
    if let Some(url) = git(dir, &["config", "--get", "remote.origin.url"]).filter(|u| !u.is_empty())
    {
        vars.push(("GIT_URL".into(), url));
    }
    if let Some(tag) =
        git(dir, &["describe", "--tags", "--exact-match", "HEAD"]).filter(|t| !t.is_empty())
    {
        vars.push(("TAG_NAME".into(), tag));
    }
    vars
}

/// The commit the previous build of this job ran on, if recorded.
fn previous_commit(run: &Run) -> Option<String> {
    run.config.previous.as_ref().and_then(|p| p.commit.clone())
}

/// The messages of the commits in this build's change set: those since the previous
/// build's commit, or the HEAD commit when there is no previous build.
pub fn changelog(run: &Run, dir: &Path) -> Vec<String> {
    if !in_repository(dir) {
        return Vec::new();
    }
    let out = match previous_commit(run) {
        Some(prev) => git(dir, &["log", "--format=%B%x00", &format!("{prev}..HEAD")]),
        None => git(dir, &["log", "-1", "--format=%B%x00"]),
    };
    out.map(|s| {
        s.split('\0')
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

/// The files changed in this build's change set (as `changelog`), plus uncommitted
/// changes in the work tree: what a developer running locally has changed.
pub fn changed_files(run: &Run, dir: &Path) -> Vec<String> {
    if !in_repository(dir) {
        return Vec::new();
    }
    let committed = match previous_commit(run) {
        Some(prev) => git(dir, &["diff", "--name-only", &format!("{prev}..HEAD")]),
        None => git(
            dir,
            &[
                "diff-tree",
                "--no-commit-id",
                "--name-only",
                "-r",
                "--root",
                "HEAD",
            ],
        ),
    };
    let mut files: Vec<String> = committed
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if let Some(status) = git(dir, &["status", "--porcelain", "--untracked-files=all"]) {
        for line in status.lines() {
            if let Some(path) = line.get(3..) {
                let path = path.rsplit(" -> ").next().unwrap_or(path).trim_matches('"');
                if !files.iter().any(|f| f == path) {
                    files.push(path.to_string());
                }
            }
        }
    }
    files
}
