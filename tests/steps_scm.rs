//! The steps that reach outside the pipeline: `git`/`checkout` (Git and Subversion, with
//! credentials), the `scm` global, `load`, shared libraries, `build`, `tool`, `mail` and
//! `properties`, run through whole pipelines against local repositories and servers.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use pipewright::exec::config;
use pipewright::exec::credentials::Credential;
use pipewright::exec::log::{Log, MemorySink};
use pipewright::exec::result::BuildResult;
use pipewright::exec::run::{Run, RunConfig};
use pipewright::exec::runner::run_source;

/// Runs a scripted pipeline and returns its log and result.
fn run(src: &str, config: RunConfig) -> (String, BuildResult) {
    let sink = Arc::new(MemorySink::default());
    let log = Log::new(sink.clone(), None, false);
    match run_source(src, "Jenkinsfile", config, log) {
        Ok((_, result)) => (sink.text(), result),
        Err(_) => panic!("the test pipeline does not parse:\n{src}"),
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Alice")
        .env("GIT_AUTHOR_EMAIL", "alice@example.com")
        .env("GIT_COMMITTER_NAME", "Alice")
        .env("GIT_COMMITTER_EMAIL", "alice@example.com")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A bare repository with `main` (README, "first commit") and `dev` (plus DEV, "dev work").
/// Returns the temp dir, the bare repository's path, and the two commits.
fn remote() -> (tempfile::TempDir, String, String, String) {
    let tmp = tempfile::tempdir().expect("test setup");
    let src = tmp.path().join("src");
    std::fs::create_dir(&src).expect("test setup");
    git(&src, &["init", "-q", "-b", "main"]);
    std::fs::write(src.join("README"), "hello\n").expect("test setup");
    git(&src, &["add", "."]);
    git(&src, &["commit", "-qm", "first commit"]);
    let main = git(&src, &["rev-parse", "HEAD"]);
    git(&src, &["checkout", "-qb", "dev"]);
    std::fs::write(src.join("DEV"), "dev\n").expect("test setup");
    git(&src, &["add", "."]);
    git(&src, &["commit", "-qm", "dev work"]);
    let dev = git(&src, &["rev-parse", "HEAD"]);
    let bare = tmp.path().join("remote.git");
    git(
        tmp.path(),
        &[
            "clone",
            "-q",
            "--bare",
            "src",
            bare.to_str().expect("test setup"),
        ],
    );
    (tmp, bare.display().to_string(), main, dev)
}

fn workspace(tmp: &tempfile::TempDir, name: &str) -> PathBuf {
    let ws = tmp.path().join(name);
    std::fs::create_dir_all(&ws).expect("test setup");
    ws
}

fn has_line(log: &str, line: &str) -> bool {
    log.lines().any(|l| l == line)
}

#[test]
fn git_clones_then_fetches_and_returns_the_scm_variables() {
    let (tmp, bare, main, dev) = remote();
    let ws = workspace(&tmp, "ws");
    let src = r#"
def v = git branch: 'dev', url: '@URL@'
echo "COMMIT=${v.GIT_COMMIT} BRANCH=${v.GIT_BRANCH} LOCAL=${v.GIT_LOCAL_BRANCH} URL=${v.GIT_URL} AUTHOR=${v.GIT_AUTHOR_NAME} PREVIOUS=${v.GIT_PREVIOUS_COMMIT}"
"#
    .replace("@URL@", &bare);
    let (log, result) = run(&src, RunConfig::new(ws.clone()));
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(ws.join("DEV").exists() && ws.join("README").exists());
    assert_eq!(git(&ws, &["rev-parse", "--abbrev-ref", "HEAD"]), "dev");
    for want in [
        "The recommended git tool is: NONE".to_string(),
        "No credentials specified".into(),
        "Cloning the remote Git repository".into(),
        format!("Cloning repository {bare}"),
        format!(" > git init {} # timeout=10", ws.display()),
        format!(
            " > git fetch --tags --force --progress -- {bare} +refs/heads/*:refs/remotes/origin/* # timeout=10"
        ),
        "Avoid second fetch".into(),
        format!("Checking out Revision {dev} (refs/remotes/origin/dev)"),
        format!(" > git checkout -b dev {dev} # timeout=10"),
        "Commit message: \"dev work\"".into(),
        "First time build. Skipping changelog.".into(),
        format!("COMMIT={dev} BRANCH=origin/dev LOCAL=dev URL={bare} AUTHOR=Alice PREVIOUS=null"),
    ] {
        assert!(has_line(&log, &want), "missing {want:?} in\n{log}");
    }

    // A second build fetches into the existing clone and checks out another branch.
    let src = r#"
def v = checkout([$class: 'GitSCM', branches: [[name: '*/main']], userRemoteConfigs: [[url: '@URL@']]])
echo "COMMIT=${v.GIT_COMMIT} BRANCH=${v.GIT_BRANCH} LOCAL=${v.GIT_LOCAL_BRANCH} PREVIOUS=${v.GIT_PREVIOUS_COMMIT}"
"#
    .replace("@URL@", &bare);
    let (log, result) = run(&src, RunConfig::new(ws.clone()));
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(!ws.join("DEV").exists());
    for want in [
        format!(
            " > git rev-parse --resolve-git-dir {}/.git # timeout=10",
            ws.display()
        ),
        "Fetching changes from the remote Git repository".into(),
        format!("Fetching upstream changes from {bare}"),
        format!("Checking out Revision {main} (refs/remotes/origin/main)"),
        "Commit message: \"first commit\"".into(),
        format!(" > git rev-list --no-walk {dev} # timeout=10"),
        format!("COMMIT={main} BRANCH=origin/main LOCAL=null PREVIOUS={dev}"),
    ] {
        assert!(has_line(&log, &want), "missing {want:?} in\n{log}");
    }
}

#[test]
fn checkout_reads_git_scm_maps_their_extensions_and_scm_git() {
    let (tmp, bare, main, dev) = remote();
    let ws = workspace(&tmp, "ws");
    let src = r#"
def a = checkout([$class: 'GitSCM', branches: [[name: 'origin/dev']],
    userRemoteConfigs: [[url: '@URL@']],
    extensions: [[$class: 'RelativeTargetDirectory', relativeTargetDir: 'app'], [$class: 'LocalBranch', localBranch: '**'], [$class: 'SparseCheckoutPaths']]])
echo "A ${a.GIT_COMMIT} ${a.GIT_LOCAL_BRANCH} ${a.GIT_CHECKOUT_DIR}"
dir('other') {
    def b = checkout scm: scmGit(branches: [[name: 'main']], userRemoteConfigs: [[url: '@URL@']], extensions: [localBranch('mine'), cloneOption(shallow: true, depth: 1, noTags: true)]), changelog: false
    echo "B ${b.GIT_COMMIT} ${b.GIT_LOCAL_BRANCH}"
}
"#
    .replace("@URL@", &bare);
    let (log, result) = run(&src, RunConfig::new(ws.clone()));
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(has_line(&log, &format!("A {dev} dev app")), "{log}");
    assert!(has_line(&log, &format!("B {main} mine")), "{log}");
    assert!(ws.join("app/DEV").exists());
    assert!(ws.join("other/README").exists() && !ws.join("other/DEV").exists());
    assert_eq!(
        git(&ws.join("other"), &["rev-parse", "--abbrev-ref", "HEAD"]),
        "mine"
    );
    assert!(
        log.contains("--no-tags --force --progress --depth=1 -- "),
        "{log}"
    );
    assert!(
        has_line(
            &log,
            "checkout: the Git extension SparseCheckoutPaths has no effect under pipe run"
        ),
        "{log}"
    );
    // changelog: false skips the change log.
    assert_eq!(
        log.matches("First time build. Skipping changelog.").count(),
        1,
        "{log}"
    );
}

#[test]
fn an_unknown_branch_fails_with_jenkins_message() {
    let (tmp, bare, _, _) = remote();
    let ws = workspace(&tmp, "ws");
    let (log, result) = run(
        &format!("git branch: 'nope', url: '{bare}'\necho 'not reached'"),
        RunConfig::new(ws),
    );
    assert_eq!(result, BuildResult::Failure);
    assert!(
        has_line(
            &log,
            "ERROR: Couldn't find any revision to build. Verify the repository and branch configuration for this job."
        ),
        "{log}"
    );
    assert!(!log.contains("not reached"));
}

#[test]
fn checkout_scm_in_the_workspace_repository_uses_it_as_it_is() {
    let (tmp, bare, _, dev) = remote();
    let ws = tmp.path().join("clone");
    git(tmp.path(), &["clone", "-q", "-b", "dev", &bare, "clone"]);
    std::fs::write(ws.join("local-change.txt"), "uncommitted\n").expect("test setup");
    let src = r#"
echo "SCM ${scm.userRemoteConfigs[0].url} ${scm.branches[0].name}"
def v = checkout scm
echo "V ${v.GIT_COMMIT} ${v.GIT_BRANCH} ${v.GIT_LOCAL_BRANCH}"
dir('copy') {
    def c = checkout scm
    echo "C ${c.GIT_COMMIT}"
}
git url: 'https://example.com/another.git'
"#;
    let (log, result) = run(src, RunConfig::new(ws.clone()));
    assert!(has_line(&log, &format!("SCM {bare} */dev")), "{log}");
    assert!(has_line(&log, &format!("V {dev} origin/dev dev")), "{log}");
    assert!(log.contains(&format!(
        "Using the working tree of {} as it is: revision {dev} on dev",
        ws.display()
    )));
    // The working tree is untouched; the subdirectory got a real clone.
    assert!(ws.join("local-change.txt").exists());
    assert!(has_line(&log, &format!("C {dev}")), "{log}");
    assert!(ws.join("copy/DEV").exists());
    // Another repository is never checked out over the developer's clone.
    assert_eq!(result, BuildResult::Failure);
    assert!(
        log.contains("ERROR: refusing to check out https://example.com/another.git into"),
        "{log}"
    );
    assert_eq!(git(&ws, &["rev-parse", "HEAD"]), dev);
}

/// The first `git` on `PATH`, other than `skip`.
fn real_git() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("git"))
        .find(|p| p.is_file())
        .expect("git is installed")
}

#[test]
fn git_credentials_go_through_an_askpass_helper_that_is_removed_and_never_logged() {
    let (tmp, bare, _, _) = remote();
    let ws = workspace(&tmp, "ws");
    // A git that, when fetching, asks for credentials the way git does over HTTPS.
    let bin = workspace(&tmp, "bin");
    let record = tmp.path().join("askpass.txt");
    let fake = bin.join("git");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\nif [ \"$1\" = fetch ]; then\n  {{ echo \"askpass=$GIT_ASKPASS\"; echo \"user=$(\"$GIT_ASKPASS\" \"Username for 'https://example.com': \")\"; echo \"pass=$(\"$GIT_ASKPASS\" \"Password for 'https://ci@example.com': \")\"; echo \"args=$*\"; }} > '{}'\nfi\nexec '{}' \"$@\"\n",
            record.display(),
            real_git().display()
        ),
    )
    .expect("test setup");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("test setup");

    let mut config = RunConfig::new(ws.clone());
    config.build_dir = Some(tmp.path().join("build"));
    config.credentials.insert(
        "git-login",
        Credential::UsernamePassword {
            username: "ci".into(),
            password: "s3cr3t-pw".into(),
        },
    );
    let src = r#"
withEnv(["PATH+FAKE=@BIN@"]) {
    git url: '@URL@', branch: 'main', credentialsId: 'git-login'
}
echo "the password is s3cr3t-pw"
"#
    .replace("@BIN@", &bin.display().to_string())
    .replace("@URL@", &bare);
    let (log, result) = run(&src, config);
    assert_eq!(result, BuildResult::Success, "{log}");
    let recorded = std::fs::read_to_string(&record).expect("the fake git was run");
    assert!(recorded.contains("user=ci\n"), "{recorded}");
    assert!(recorded.contains("pass=s3cr3t-pw\n"), "{recorded}");
    let args = recorded
        .lines()
        .find(|l| l.starts_with("args="))
        .expect("test setup");
    assert!(
        !args.contains("s3cr3t-pw"),
        "the password is on the command line: {args}"
    );
    let helper = recorded
        .lines()
        .find_map(|l| l.strip_prefix("askpass="))
        .expect("test setup");
    assert!(helper.starts_with(&tmp.path().join("build/secrets").display().to_string()));
    assert!(
        !Path::new(helper).exists(),
        "the askpass helper was left behind"
    );
    assert!(has_line(&log, "using credential git-login"), "{log}");
    assert!(
        has_line(&log, "using GIT_ASKPASS to set credentials git-login"),
        "{log}"
    );
    assert!(!log.contains("s3cr3t-pw"), "{log}");
    assert!(has_line(&log, "the password is ****"), "{log}");

    // An unknown credential is a warning, as in the Git plugin.
    let ws2 = workspace(&tmp, "ws2");
    let (log, result) = run(
        &format!("git url: '{bare}', branch: 'main', credentialsId: 'missing'"),
        RunConfig::new(ws2),
    );
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(
        has_line(
            &log,
            "Warning: CredentialId \"missing\" could not be found."
        ),
        "{log}"
    );
}

/// Whether Subversion is installed; prints why a test is skipped when it is not, and fails
/// when PIPE_REQUIRE_DOCKER=1 asks for every external tool.
fn have_svn() -> bool {
    let ok = ["svn", "svnadmin"].iter().all(|t| {
        Command::new(t)
            .arg("--version")
            .arg("--quiet")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !ok {
        assert!(
            std::env::var("PIPE_REQUIRE_DOCKER").as_deref() != Ok("1"),
            "svn and svnadmin are required (PIPE_REQUIRE_DOCKER=1) but not installed"
        );
        eprintln!("skipped: svn/svnadmin are not installed (apt-get install subversion)");
    }
    ok
}

#[test]
fn subversion_checkout_update_and_revision_pinning() {
    if !have_svn() {
        return;
    }
    let tmp = tempfile::tempdir().expect("test setup");
    let repo = tmp.path().join("repo");
    let status = Command::new("svnadmin")
        .arg("create")
        .arg(&repo)
        .status()
        .expect("test setup");
    assert!(status.success());
    let url = format!("file://{}/trunk", repo.display());
    let import = tmp.path().join("import");
    std::fs::create_dir(&import).expect("test setup");
    std::fs::write(import.join("a.txt"), "a\n").expect("test setup");
    let svn = |args: &[&str], dir: &Path| {
        let o = Command::new("svn")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("test setup");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    svn(
        &[
            "import",
            "-q",
            "-m",
            "r1",
            import.to_str().expect("test setup"),
            &url,
        ],
        tmp.path(),
    );
    svn(&["checkout", "-q", &url, "wc"], tmp.path());
    std::fs::write(tmp.path().join("wc/b.txt"), "b\n").expect("test setup");
    svn(&["add", "-q", "b.txt"], &tmp.path().join("wc"));
    svn(&["commit", "-q", "-m", "r2"], &tmp.path().join("wc"));

    let ws = workspace(&tmp, "ws");
    let mut config = RunConfig::new(ws.clone());
    config.credentials.insert(
        "svn-login",
        Credential::UsernamePassword {
            username: "dev".into(),
            password: "svn-s3cret".into(),
        },
    );
    let src = r#"
def v = checkout([$class: 'SubversionSCM', locations: [[remote: '@URL@', credentialsId: 'svn-login', local: '.']]])
echo "V ${v.SVN_REVISION} ${v.SVN_URL}"
def old = checkout([$class: 'SubversionSCM', locations: [[remote: '@URL@@1', local: 'old'], [remote: '@URL@', local: 'new']]])
echo "OLD ${old.SVN_REVISION_1} ${old.SVN_REVISION_2} ${old.SVN_URL_1}"
"#
    .replace("@URL@", &url);
    let (log, result) = run(&src, config.clone());
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(ws.join("a.txt").exists() && ws.join("b.txt").exists());
    assert!(ws.join("old/a.txt").exists() && !ws.join("old/b.txt").exists());
    assert!(has_line(&log, &format!("V 2 {url}")), "{log}");
    assert!(has_line(&log, &format!("OLD 1 2 {url}")), "{log}");
    assert!(
        has_line(
            &log,
            &format!(
                "Checking out a fresh workspace because {}/old doesn't exist",
                ws.display()
            )
        ),
        "{log}"
    );
    assert!(
        has_line(&log, &format!("Checking out {url} at revision 1 --quiet")),
        "{log}"
    );
    assert!(has_line(&log, "At revision 2"), "{log}");
    assert!(!log.contains("svn-s3cret"));

    // The next build updates the working copy.
    let (log, result) = run(&src, config);
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(
        has_line(&log, &format!("Updating {url} at revision HEAD")),
        "{log}"
    );
}

#[test]
fn load_returns_the_script_object_and_names_a_file_that_does_not_parse() {
    let tmp = tempfile::tempdir().expect("test setup");
    let ws = workspace(&tmp, "ws");
    std::fs::create_dir(ws.join("ci")).expect("test setup");
    std::fs::write(
        ws.join("ci/utils.groovy"),
        r#"
def deploy(String target) {
    echo "deploying to ${target}"
    return "deployed-" + suffix()
}
def suffix() { 'ok' }
def eachTarget(List ts) { ts.collect { deploy(it) } }
sharedCounter = 41
return this
"#,
    )
    .expect("test setup");
    std::fs::write(ws.join("value.groovy"), "def x = 20\nx + 22\n").expect("test setup");
    std::fs::write(ws.join("broken.groovy"), "def f(\n  echo 'x'\n").expect("test setup");
    let src = r#"
def utils = load 'ci/utils.groovy'
echo utils.deploy('qa')
echo "${utils.eachTarget(['a', 'b'])}"
echo "counter ${sharedCounter + 1}"
echo "value ${load('value.groovy')}"
load 'broken.groovy'
"#;
    let (log, result) = run(src, RunConfig::new(ws.clone()));
    for want in [
        "deploying to qa",
        "deployed-ok",
        "[deployed-ok, deployed-ok]",
        "counter 42",
        "value 42",
    ] {
        assert!(has_line(&log, want), "missing {want:?} in\n{log}");
    }
    assert_eq!(result, BuildResult::Failure);
    let broken = ws.join("broken.groovy").display().to_string();
    assert!(
        log.contains(&format!(
            "\norg.codehaus.groovy.control.MultipleCompilationErrorsException: startup failed:\n{broken}: 2: "
        )),
        "{log}"
    );
}

fn library_dir(root: &Path) -> PathBuf {
    let lib = root.join("lib");
    std::fs::create_dir_all(lib.join("vars")).expect("test setup");
    std::fs::create_dir_all(lib.join("src/org/example")).expect("test setup");
    std::fs::write(
        lib.join("vars/withStage.groovy"),
        r#"
def call(String name, Closure body) {
    echo "entering ${name}"
    def r = body()
    echo "leaving ${name} with ${r}"
    return r
}
def banner(String s) { return '*** ' + s.toUpperCase() + ' ***' }
"#,
    )
    .expect("test setup");
    std::fs::write(lib.join("vars/version.groovy"), "def call() { 'v1' }\n").expect("test setup");
    // A variable named like a step wins over the step, as in Jenkins' CpsScript.
    std::fs::write(
        lib.join("vars/mail.groovy"),
        "def call(Map m) { echo \"library mail to ${m.to}\" }\n",
    )
    .expect("test setup");
    std::fs::write(
        lib.join("src/org/example/Util.groovy"),
        "package org.example\nclass Util {}\n",
    )
    .expect("test setup");
    lib
}

#[test]
fn shared_library_vars_are_called_with_closures_and_versions_come_from_git() {
    let tmp = tempfile::tempdir().expect("test setup");
    let ws = workspace(&tmp, "ws");
    let lib = library_dir(tmp.path());
    // The same library kept in git: v1 says 'v1', the head says 'v2'.
    git(&lib, &["init", "-q", "-b", "main"]);
    git(&lib, &["add", "."]);
    git(&lib, &["commit", "-qm", "v1"]);
    git(&lib, &["tag", "v1"]);
    std::fs::write(lib.join("vars/version.groovy"), "def call() { 'v2' }\n").expect("test setup");
    git(&lib, &["commit", "-qam", "v2"]);
    let settings = config::parse(
        "[libraries]\nutils = \"lib\"\n[libraries.pinned]\npath = \"lib\"\ndefaultVersion = \"v1\"\n",
        "config.toml",
        tmp.path(),
    )
    .expect("test setup");
    let mut cfg = RunConfig::new(ws.clone());
    cfg.settings = settings.clone();
    let src = r#"
@Library('utils') _
def r = withStage('build') {
    echo 'in the body'
    'result'
}
echo withStage.banner('done')
echo "version ${version()}"
mail to: 'team@example.com', subject: 's', body: 'b'
"#;
    let (log, result) = run(src, cfg);
    assert_eq!(result, BuildResult::Success, "{log}");
    for want in [
        "Loading library utils",
        "WARNING: library utils: the 1 class file(s) under src/ are not supported yet and were skipped; only vars/ is loaded",
        "entering build",
        "in the body",
        "leaving build with result",
        "*** DONE ***",
        "version v2",
        "library mail to team@example.com",
    ] {
        assert!(has_line(&log, want), "missing {want:?} in\n{log}");
    }

    // A version is a git ref of the library's repository; `library` loads while running.
    let mut cfg = RunConfig::new(ws.clone());
    cfg.settings = settings.clone();
    let (log, result) = run(
        "library 'pinned'\necho \"version ${version()}\"\n@Library('utils@v1') _\n",
        cfg,
    );
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(has_line(&log, "Loading library utils@v1"), "{log}");
    assert!(has_line(&log, "Loading library pinned@v1"), "{log}");
    assert!(has_line(&log, "version v1"), "{log}");
    // The library's own working tree still has the head.
    assert_eq!(
        std::fs::read_to_string(lib.join("vars/version.groovy")).expect("test setup"),
        "def call() { 'v2' }\n"
    );

    // Declarative's `libraries { lib(…) }` loads before the stages run.
    let mut cfg = RunConfig::new(ws.clone());
    cfg.settings = settings.clone();
    let declarative = r#"
pipeline {
    agent any
    libraries { lib('utils@v1') }
    stages {
        stage('use') { steps { script { echo "version ${version()}" } } }
    }
}
"#;
    let (log, result) = run(declarative, cfg);
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(has_line(&log, "Loading library utils@v1"), "{log}");
    assert!(has_line(&log, "version v1"), "{log}");

    let mut cfg = RunConfig::new(ws);
    cfg.settings = settings;
    let (log, result) = run("@Library('nope@main') _\necho 'x'", cfg);
    assert_eq!(result, BuildResult::Failure);
    assert!(
        has_line(
            &log,
            "ERROR: Could not find any definition of libraries [nope]"
        ),
        "{log}"
    );
    assert!(!has_line(&log, "x"));
}

#[test]
fn downstream_builds_return_a_run_wrapper_and_propagate_failure_and_unstable() {
    let tmp = tempfile::tempdir().expect("test setup");
    let ws = workspace(&tmp, "ws");
    std::fs::create_dir_all(ws.join("jobs/child")).expect("test setup");
    std::fs::write(
        ws.join("jobs/child/Jenkinsfile"),
        r#"
echo "child MODE=${params.MODE} FLAG=${params.FLAG}"
env.ARTIFACT = "app-${params.MODE}.jar"
if (params.MODE == 'unstable') { unstable 'flaky tests' }
if (params.MODE == 'fail') { error 'child broke' }
"#,
    )
    .expect("test setup");
    std::fs::write(ws.join("other.Jenkinsfile"), "echo 'other ran'\n").expect("test setup");
    let src = r#"
def b = build job: 'child', parameters: [string(name: 'MODE', value: 'ok'), booleanParam(name: 'FLAG', value: true)]
echo "ok: ${b.result} #${b.number} ${b.buildVariables.ARTIFACT} ${b.getBuildVariables()} ${b.fullDisplayName}"
def u = build job: 'child', parameters: [string(name: 'MODE', value: 'unstable')], propagate: false
echo "unstable not propagated: ${u.result} ${u.resultIsWorseOrEqualTo('UNSTABLE')}"
build 'other'
build job: 'child', parameters: [string(name: 'MODE', value: '@MODE@')]
echo 'after'
"#;
    let (log, result) = run(
        &src.replace("@MODE@", "unstable"),
        RunConfig::new(ws.clone()),
    );
    for want in [
        "Scheduling project: child",
        "Starting building: child #1",
        "[child #1] child MODE=ok FLAG=true",
        "[child #1] Finished: SUCCESS",
        "Build child #1 completed: SUCCESS",
        "ok: SUCCESS #1 app-ok.jar [ARTIFACT:app-ok.jar] child #1",
        "Build child #2 completed: UNSTABLE",
        "unstable not propagated: UNSTABLE true",
        "[other #1] other ran",
        "Build child #3 completed: UNSTABLE",
        "child #3 completed with status UNSTABLE (propagate: false to ignore)",
    ] {
        assert!(has_line(&log, want), "missing {want:?} in\n{log}");
    }
    assert!(!has_line(&log, "after"), "{log}");
    assert_eq!(result, BuildResult::Unstable, "{log}");

    let (log, result) = run(&src.replace("@MODE@", "fail"), RunConfig::new(ws.clone()));
    assert!(has_line(&log, "[child #6] ERROR: child broke"), "{log}");
    assert!(
        has_line(
            &log,
            "child #6 completed with status FAILURE (propagate: false to ignore)"
        ),
        "{log}"
    );
    assert_eq!(result, BuildResult::Failure);

    // A failure can be caught: the build goes on, as with any step error.
    let (log, result) = run(
        "try { build job: 'child', parameters: [string(name: 'MODE', value: 'fail')] } catch (e) { echo \"caught: ${e.message}\" }",
        RunConfig::new(ws.clone()),
    );
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(
        log.contains("caught: child #7 completed with status FAILURE"),
        "{log}"
    );

    let (log, result) = run("build 'missing-job'", RunConfig::new(ws));
    assert_eq!(result, BuildResult::Failure);
    assert!(
        log.contains("ERROR: No item named missing-job found"),
        "{log}"
    );
}

#[test]
fn tool_resolves_configured_homes_and_fails_like_jenkins_otherwise() {
    let tmp = tempfile::tempdir().expect("test setup");
    let ws = workspace(&tmp, "ws");
    let settings = config::parse(
        "[tools]\n\"SonarQube.Scanner-2.8\" = \"/opt/sonar\"\n[tools.maven]\nM3 = \"/opt/maven\"\n[tools.jdk]\njdk17 = \"/opt/jdk17\"\n",
        "/etc/pipe.toml",
        tmp.path(),
    )
    .expect("test setup");
    let mut cfg = RunConfig::new(ws.clone());
    cfg.settings = settings.clone();
    let (log, result) = run(
        "def s = tool 'SonarQube.Scanner-2.8'\necho \"scanner ${s}/bin/sonar-scanner\"\necho tool(name: 'M3', type: 'maven')\necho tool(name: 'M3', type: 'hudson.tasks.Maven$MavenInstallation')\ntool name: 'M4', type: 'maven'",
        cfg,
    );
    assert!(
        has_line(&log, "scanner /opt/sonar/bin/sonar-scanner"),
        "{log}"
    );
    assert_eq!(
        log.lines().filter(|l| *l == "/opt/maven").count(),
        2,
        "{log}"
    );
    assert_eq!(result, BuildResult::Failure);
    assert!(
        log.contains("ERROR: No maven named M4 found; configure it as [tools.maven] \"M4\" = \"/path/to/home\" in /etc/pipe.toml"),
        "{log}"
    );

    // What `tools { maven 'M3' }` adds to the environment.
    let mut cfg = RunConfig::new(ws);
    cfg.settings = settings;
    let run = Run::new(cfg, Log::new(Arc::new(MemorySink::default()), None, false));
    let vars = config::tool_env(&run, "maven", "M3").unwrap_or_else(|_| panic!("M3 is configured"));
    assert_eq!(
        vars,
        vec![
            ("PATH+MAVEN".to_string(), "/opt/maven/bin".to_string()),
            ("MAVEN_HOME".into(), "/opt/maven".into()),
            ("M2_HOME".into(), "/opt/maven".into()),
        ]
    );
    let ctx = pipewright::exec::context::StepCtx::new(Path::new("/"))
        .with_env([("PATH".to_string(), "/usr/bin".to_string())]);
    let expanded = config::expand_path_additions(&run, &ctx, vars);
    assert_eq!(
        expanded[0],
        ("PATH".into(), "/opt/maven/bin:/usr/bin".into())
    );
    assert_eq!(
        config::tool_env(&run, "jdk", "jdk17").unwrap_or_else(|_| panic!("jdk17 is configured"))[1],
        ("JAVA_HOME".into(), "/opt/jdk17".into())
    );
    let Err(err) = config::tool_env(&run, "maven", "M4") else {
        panic!("M4 is not configured")
    };
    let text = pipewright::steps::blocks::error_text(&err);
    assert!(
        text.starts_with("Tool type \"maven\" does not have an install of \"M4\" configured - did you mean \"M3\"?"),
        "{text}"
    );
}

#[test]
fn declarative_tools_put_the_installation_on_path_for_their_stage_or_pipeline() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("test setup");
    let ws = workspace(&tmp, "ws");
    // A Maven whose `mvn` tells where it runs from, and a JDK with a `java`.
    let maven = workspace(&tmp, "maven");
    let jdk = workspace(&tmp, "jdk");
    for (home, exe) in [(&maven, "mvn"), (&jdk, "java")] {
        std::fs::create_dir(home.join("bin")).expect("test setup");
        let file = home.join("bin").join(exe);
        std::fs::write(&file, format!("#!/bin/sh\necho \"{exe} from $0\"\n")).expect("test setup");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755))
            .expect("test setup");
    }
    let settings = config::parse(
        &format!(
            "[tools.maven]\nM3 = \"{}\"\n[tools.jdk]\njdk17 = \"{}\"\n",
            maven.display(),
            jdk.display()
        ),
        "config.toml",
        tmp.path(),
    )
    .expect("test setup");
    let src = r#"
pipeline {
    agent any
    tools { maven 'M3' }
    stages {
        stage('build') {
            tools { jdk 'jdk17' }
            steps {
                sh 'mvn'
                sh 'java'
                sh 'echo "homes $MAVEN_HOME $M2_HOME $JAVA_HOME"'
            }
        }
        stage('after') {
            steps {
                sh 'mvn'
                sh 'echo "JAVA_HOME=${JAVA_HOME:-unset}"; command -v java >/dev/null || echo "no java"'
            }
        }
    }
}
"#;
    let mut cfg = RunConfig::new(ws.clone());
    cfg.settings = settings.clone();
    let (log, result) = run(src, cfg);
    assert_eq!(result, BuildResult::Success, "{log}");
    let mvn = format!("mvn from {}/bin/mvn", maven.display());
    assert_eq!(log.lines().filter(|l| *l == mvn).count(), 2, "{log}");
    for want in [
        format!("java from {}/bin/java", jdk.display()),
        format!("homes {m} {m} {j}", m = maven.display(), j = jdk.display()),
        "JAVA_HOME=unset".to_string(),
    ] {
        assert!(has_line(&log, &want), "missing {want:?} in\n{log}");
    }
    // The stage's JDK is gone after the stage, unless the machine has its own java.
    let system_java = Command::new("sh")
        .args(["-c", "command -v java"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert_eq!(has_line(&log, "no java"), !system_java, "{log}");

    // With `agent none` Jenkins installs no tools: not even an unknown one is looked up.
    let mut cfg = RunConfig::new(ws.clone());
    cfg.settings = settings.clone();
    let none = r#"
pipeline {
    agent none
    tools { maven 'M4' }
    stages {
        stage('s') { steps { sh 'echo "MAVEN_HOME=${MAVEN_HOME:-unset}"' } }
    }
}
"#;
    let (log, result) = run(none, cfg);
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(has_line(&log, "MAVEN_HOME=unset"), "{log}");

    // An installation the configuration does not have stops the build before its steps.
    let mut cfg = RunConfig::new(ws);
    cfg.settings = settings;
    let (log, result) = run(&src.replace("maven 'M3'", "maven 'M4'"), cfg);
    assert_eq!(result, BuildResult::Failure, "{log}");
    assert!(
        log.contains("Tool type \"maven\" does not have an install of \"M4\" configured - did you mean \"M3\"?"),
        "{log}"
    );
    assert!(!log.contains("mvn from"), "{log}");
}

/// A one-connection SMTP server that records the envelope (with any `AUTH`) and the message.
fn fake_smtp() -> (u16, std::thread::JoinHandle<(Vec<String>, String)>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("test setup");
    let port = listener.local_addr().expect("test setup").port();
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("test setup");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("test setup");
        let mut out = stream.try_clone().expect("test setup");
        let mut reader = BufReader::new(stream);
        let mut envelope = Vec::new();
        let mut data = String::new();
        out.write_all(b"220 fake ESMTP\r\n").expect("test setup");
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            let cmd = line.trim_end().to_string();
            let upper = cmd.to_ascii_uppercase();
            if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                out.write_all(b"250-fake\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n")
                    .expect("test setup");
            } else if upper.starts_with("AUTH") {
                envelope.push(cmd);
                out.write_all(b"235 2.7.0 Authentication successful\r\n")
                    .expect("test setup");
            } else if upper.starts_with("MAIL FROM") || upper.starts_with("RCPT TO") {
                envelope.push(cmd);
                out.write_all(b"250 OK\r\n").expect("test setup");
            } else if upper == "DATA" {
                out.write_all(b"354 go ahead\r\n").expect("test setup");
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == ".\r\n" {
                        break;
                    }
                    data.push_str(&line);
                }
                out.write_all(b"250 queued\r\n").expect("test setup");
            } else if upper == "QUIT" {
                out.write_all(b"221 bye\r\n").expect("test setup");
                break;
            } else {
                out.write_all(b"250 OK\r\n").expect("test setup");
            }
        }
        (envelope, data)
    });
    (port, handle)
}

#[test]
fn mail_is_sent_through_the_configured_smtp_server() {
    let (port, server) = fake_smtp();
    let tmp = tempfile::tempdir().expect("test setup");
    let mut cfg = RunConfig::new(workspace(&tmp, "ws"));
    cfg.settings = config::parse(
        &format!("[mail]\nhost = \"127.0.0.1\"\nport = {port}\nfrom = \"ci@example.com\"\n"),
        "config.toml",
        tmp.path(),
    )
    .expect("test setup");
    let src = r#"
mail to: 'dev@example.com, lead@example.com', cc: 'qa@example.com', bcc: 'audit@example.com',
     replyTo: 'noreply@example.com', subject: "Build ${env.BUILD_NUMBER} failed", body: 'See the log.'
echo 'sent'
"#;
    let (log, result) = run(src, cfg);
    assert_eq!(result, BuildResult::Success, "{log}");
    let (envelope, data) = server.join().expect("test setup");
    assert_eq!(envelope[0], "MAIL FROM:<ci@example.com>");
    for rcpt in ["dev", "lead", "qa", "audit"] {
        assert!(
            envelope.contains(&format!("RCPT TO:<{rcpt}@example.com>")),
            "{envelope:?}"
        );
    }
    assert!(data.contains("Subject: Build 1 failed\r\n"), "{data}");
    assert!(
        data.contains("To: dev@example.com, lead@example.com\r\n"),
        "{data}"
    );
    assert!(data.contains("Cc: qa@example.com\r\n"), "{data}");
    assert!(data.contains("Reply-To: noreply@example.com\r\n"), "{data}");
    assert!(
        data.to_ascii_lowercase()
            .contains("content-type: text/plain; charset=utf-8\r\n"),
        "{data}"
    );
    assert!(
        !data.contains("audit@example.com"),
        "Bcc must not be in the headers: {data}"
    );
    assert!(data.contains("See the log."), "{data}");

    // Logging in with a usernamePassword credential named in [mail]; the password is masked.
    let (port, server) = fake_smtp();
    let mut cfg = RunConfig::new(workspace(&tmp, "ws"));
    cfg.settings = config::parse(
        &format!("[mail]\nhost = \"127.0.0.1\"\nport = {port}\ncredentialsId = \"smtp\"\n"),
        "config.toml",
        tmp.path(),
    )
    .expect("test setup");
    cfg.credentials.insert(
        "smtp",
        Credential::UsernamePassword {
            username: "mailer".into(),
            password: "m41l-pw".into(),
        },
    );
    let (log, result) = run(
        "mail to: 'dev@example.com', subject: 's', body: 'b'\necho 'pw m41l-pw'",
        cfg,
    );
    assert_eq!(result, BuildResult::Success, "{log}");
    let (envelope, _) = server.join().expect("test setup");
    // AUTH PLAIN of "\0mailer\0m41l-pw"; the sender is Jenkins' default.
    assert_eq!(
        envelope[0], "AUTH PLAIN AG1haWxlcgBtNDFsLXB3",
        "{envelope:?}"
    );
    assert_eq!(envelope[1], "MAIL FROM:<nobody@nowhere>", "{envelope:?}");
    assert!(has_line(&log, "pw ****"), "{log}");

    // No server: JavaMail's message, and the build fails. Port 1 (tcpmux) has no listener
    // and, outside the ephemeral range, cannot be taken meanwhile (a freed random port can,
    // even by a connection to itself).
    let port = 1;
    let mut cfg = RunConfig::new(workspace(&tmp, "ws"));
    cfg.settings = config::parse(
        &format!("[mail]\nhost = \"127.0.0.1\"\nport = {port}\n"),
        "config.toml",
        tmp.path(),
    )
    .expect("test setup");
    let (log, result) = run("mail to: 'a@example.com', subject: 'x', body: 'y'", cfg);
    assert_eq!(result, BuildResult::Failure);
    assert!(
        log.lines().any(|l| l.starts_with(&format!(
            "javax.mail.MessagingException: Could not connect to SMTP host: 127.0.0.1, port: {port}; "
        ))),
        "{log}"
    );

    let (log, result) = run(
        "mail to: 'a@example.com', subject: 'x', body: ''",
        RunConfig::new(tmp.path().to_path_buf()),
    );
    assert_eq!(result, BuildResult::Failure);
    assert!(
        has_line(
            &log,
            "ERROR: Email not sent. All mandatory properties must be supplied ('subject', 'body')."
        ),
        "{log}"
    );
    let (log, _) = run(
        "mail subject: 'x', body: 'y'",
        RunConfig::new(tmp.path().to_path_buf()),
    );
    assert!(
        has_line(
            &log,
            "ERROR: Email not sent. No recipients of any kind specified ('to', 'cc', 'bcc')."
        ),
        "{log}"
    );
}

#[test]
fn properties_define_parameters_and_note_the_rest() {
    let tmp = tempfile::tempdir().expect("test setup");
    let mut cfg = RunConfig::new(workspace(&tmp, "ws"));
    cfg.params.insert("TARGET".into(), "prod".into());
    let src = r#"
properties([
    parameters([string(name: 'VERSION', defaultValue: '1.0'), booleanParam(name: 'DEPLOY', defaultValue: true),
                choice(name: 'TARGET', choices: ['qa', 'prod'])]),
    buildDiscarder(logRotator(numToKeepStr: '5')),
    disableConcurrentBuilds(),
    pipelineTriggers([cron('H 2 * * *'), pollSCM('H/5 * * * *')])
])
echo "VERSION=${params.VERSION} DEPLOY=${params.DEPLOY} TARGET=${params.TARGET} ${params.DEPLOY.getClass().simpleName}"
"#;
    let (log, result) = run(src, cfg);
    assert_eq!(result, BuildResult::Success, "{log}");
    assert!(
        has_line(&log, "VERSION=1.0 DEPLOY=true TARGET=prod Boolean"),
        "{log}"
    );
    assert!(
        has_line(&log, "properties: triggers are not scheduled by pipe run: cron('H 2 * * *'), pollSCM('H/5 * * * *')"),
        "{log}"
    );
    assert!(
        log.contains("properties: buildDiscarder has no effect"),
        "{log}"
    );
    assert!(
        log.contains("properties: disableConcurrentBuilds applies to later builds"),
        "{log}"
    );
}

#[test]
fn dry_run_records_scm_build_and_mail_without_running_them() {
    let tmp = tempfile::tempdir().expect("test setup");
    let ws = workspace(&tmp, "ws");
    let mut cfg = RunConfig::new(ws.clone());
    cfg.dry_run = true;
    let src = r#"
def v = git branch: 'dev', url: 'https://example.com/app.git'
echo "GIT ${v.GIT_BRANCH} ${v.GIT_COMMIT.length()} ${v.GIT_LOCAL_BRANCH}"
def s = checkout([$class: 'SubversionSCM', locations: [[remote: 'svn://example.com/repo/trunk@42', local: 'php']]])
echo "SVN ${s.SVN_REVISION} ${s.SVN_URL}"
def b = build job: 'deploy'
echo "BUILD ${b.result}"
mail to: 'x@example.com', subject: 's', body: 'b'
echo "TOOL ${tool('SonarQube.Scanner-2.8')}"
"#;
    let (log, result) = run(src, cfg);
    assert_eq!(result, BuildResult::Success, "{log}");
    for want in [
        "[dry-run] git: https://example.com/app.git (dev)",
        "GIT origin/dev 40 dev",
        "[dry-run] checkout: svn svn://example.com/repo/trunk into php",
        "SVN 42 svn://example.com/repo/trunk",
        "[dry-run] build job: deploy",
        "BUILD SUCCESS",
        "[dry-run] mail to: x@example.com, subject: s",
        "TOOL /opt/tools/SonarQube.Scanner-2.8",
    ] {
        assert!(has_line(&log, want), "missing {want:?} in\n{log}");
    }
    assert!(
        std::fs::read_dir(&ws).expect("test setup").next().is_none(),
        "the dry run wrote files"
    );
}

#[test]
fn a_bad_configuration_file_is_a_diagnostic_with_a_stable_code() {
    let tmp = tempfile::tempdir().expect("test setup");
    let ws = workspace(&tmp, "ws");
    std::fs::create_dir(ws.join(".pipe")).expect("test setup");
    std::fs::write(ws.join(".pipe/config.toml"), "[mail]\nport = \"lots\"\n").expect("test setup");
    std::fs::write(ws.join("Jenkinsfile"), "echo 'hi'\n").expect("test setup");
    let out = assert_cmd::Command::cargo_bin("pipe")
        .expect("test setup")
        .env("NO_COLOR", "1")
        .current_dir(&ws)
        .args(["run", "Jenkinsfile"])
        .output()
        .expect("test setup");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pipe::config::entry"), "{err}");
    assert!(err.contains("mail.port: expected a port number"), "{err}");

    let good = tmp.path().join("good.toml");
    std::fs::write(&good, "[tools]\nX = \"/opt/x\"\n").expect("test setup");
    std::fs::write(ws.join("Jenkinsfile"), "echo tool('X')\n").expect("test setup");
    let out = assert_cmd::Command::cargo_bin("pipe")
        .expect("test setup")
        .env("NO_COLOR", "1")
        .current_dir(&ws)
        .args([
            "run",
            "--config",
            good.to_str().expect("test setup"),
            "Jenkinsfile",
        ])
        .output()
        .expect("test setup");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().any(|l| l == "/opt/x"), "{stdout}");
}
