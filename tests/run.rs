//! Golden tests of `pipe run`: every `tests/cases/run/NAME.Jenkinsfile` runs in a fresh
//! workspace through the same entry point as the CLI (`exec::runner::build`), configured by
//! an optional `NAME.toml` (params, inputs, previous result, stages, dry run) and
//! `NAME.credentials.toml` (a credentials file). The snapshot holds the console log, the
//! stage table and the result; paths and user names are normalised. For every case, no
//! secret from its credentials file may appear in any file the run wrote.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use pipewright::exec::credentials::CredentialStore;
use pipewright::exec::log::MemorySink;
use pipewright::exec::result::BuildResult;
use pipewright::exec::run::{Run, RunConfig, ShStub};
use pipewright::exec::{report, runner};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/run")
}

/// Options of a case, from its sidecar TOML.
#[derive(Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct CaseOptions {
    params: std::collections::BTreeMap<String, String>,
    inputs: Vec<(String, String)>,
    yes: bool,
    previous: Option<String>,
    dry_run: bool,
    stages: Vec<String>,
    sh_stubs: Vec<(String, String, i32)>,
    /// Files to create in the workspace before the run: path → content.
    files: std::collections::BTreeMap<String, String>,
}

pub struct Outcome {
    pub run: Arc<Run>,
    pub result: BuildResult,
    pub console: String,
}

/// Runs a pipeline source in the workspace `ws` with the given options.
fn run_case(
    ws: &Path,
    name: &str,
    src: &str,
    opts: &CaseOptions,
    credentials: Option<&Path>,
) -> Outcome {
    for (path, content) in &opts.files {
        let p = ws.join(path);
        if let Some(dir) = p.parent() {
            fs::create_dir_all(dir).expect("fixture dir");
        }
        fs::write(p, content).expect("fixture file");
    }
    if let Some(prev) = &opts.previous {
        // The job already has a build with that result.
        let state = pipewright::exec::state::JobState::new(ws, name);
        let (n, _) = state.start_build().expect("state");
        state
            .finish_build(n, BuildResult::from_jenkins(prev), None)
            .expect("state");
    }
    let mut config = RunConfig::new(ws.to_path_buf());
    config.job_name = name.to_string();
    config.user = "tester".into();
    config.params = opts
        .params
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    config.inputs.given = opts.inputs.clone();
    config.inputs.yes = opts.yes;
    config.inputs.interactive = false;
    config.dry_run = opts.dry_run;
    config.only_stages = opts.stages.clone();
    config.sh_stubs = opts
        .sh_stubs
        .iter()
        .map(|(p, o, s)| ShStub {
            pattern: p.clone(),
            stdout: o.clone(),
            status: *s,
        })
        .collect();
    if let Some(p) = credentials {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let copy = dir.path().join("credentials.toml");
        fs::copy(p, &copy).expect("copy credentials");
        fs::set_permissions(&copy, fs::Permissions::from_mode(0o600)).expect("chmod");
        let (store, warnings) = CredentialStore::load(&copy).expect("credentials load");
        assert!(warnings.is_empty(), "{warnings:?}");
        config.credentials = store;
    }
    let console = Arc::new(MemorySink::default());
    let (run, result) = runner::build(
        src,
        &format!("{name}.Jenkinsfile"),
        config,
        console.clone(),
        false,
        |_| {},
    )
    .unwrap_or_else(|_| panic!("{name}: the pipeline did not start"));
    Outcome {
        run,
        result,
        console: console.text(),
    }
}

fn normalise(text: &str, ws: &Path) -> String {
    let ws_real = fs::canonicalize(ws).unwrap_or_else(|_| ws.to_path_buf());
    let s = text.replace(&ws_real.display().to_string(), "$WORKSPACE");
    s.replace(&ws.display().to_string(), "$WORKSPACE")
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                files_under(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

fn secrets_of(credentials: &Path) -> Vec<String> {
    let text = fs::read_to_string(credentials).expect("credentials file");
    let table: toml::Table = text.parse().expect("credentials TOML");
    let mut out = Vec::new();
    for (_, entry) in table {
        for key in ["password", "secret", "passphrase"] {
            if let Some(v) = entry.get(key).and_then(|v| v.as_str()) {
                out.push(v.to_string());
            }
        }
    }
    out
}

#[test]
fn golden_runs() {
    let mut paths: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("cases dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "Jenkinsfile"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let src = fs::read_to_string(&path).expect("case source");
        let opts: CaseOptions = match fs::read_to_string(path.with_extension("toml")) {
            Ok(t) => toml::from_str(&t).unwrap_or_else(|e| panic!("{name}.toml: {e}")),
            Err(_) => CaseOptions::default(),
        };
        let creds_path = cases_dir().join(format!("{name}.credentials.toml"));
        let creds = creds_path.exists().then_some(creds_path.as_path());
        let tmp = tempfile::tempdir().expect("temp workspace");
        let ws = tmp.path().to_path_buf();
        let out = run_case(&ws, &name, &src, &opts, creds);
        let mut text = normalise(&out.console, &ws);
        text.push_str("--- stages\n");
        for s in out.run.stages.lock().iter() {
            text.push_str(&format!("{} {}\n", s.path.join(" » "), s.result.name()));
        }
        if out.run.config.dry_run {
            text.push_str("--- calls\n");
            for l in report::call_tree(&out.run) {
                text.push_str(&normalise(&l, &ws));
                text.push('\n');
            }
        }
        if let Some(d) = runner::BuildFailed::of(&out.run, &src, &format!("{name}.Jenkinsfile")) {
            text.push_str("--- diagnostic\n");
            text.push_str(&pipewright::diagnostic::render_plain(&d));
        }
        text.push_str(&format!(
            "--- result: {} (exit {})\n",
            out.result,
            out.result.exit_code()
        ));
        insta::assert_snapshot!(format!("run_{name}"), text);
        // The secret never appears in any output file: console, log file, reports.
        if let Some(c) = creds {
            let json = report::json(&out.run, out.result);
            let junit = report::junit(&out.run, out.result);
            let mut files = Vec::new();
            files_under(&ws, &mut files);
            assert!(
                files.iter().any(|f| f.ends_with("log")),
                "{name}: no log file written"
            );
            for secret in secrets_of(c) {
                assert!(
                    !out.console.contains(&secret),
                    "{name}: secret on the console"
                );
                assert!(
                    !json.contains(&secret) && !junit.contains(&secret),
                    "{name}: secret in a report"
                );
                for f in &files {
                    let content = fs::read(f).unwrap_or_default();
                    let hay = String::from_utf8_lossy(&content);
                    assert!(!hay.contains(&secret), "{name}: secret in {}", f.display());
                }
            }
        }
    }
}

/// Runs `src` in `ws` with default options, the abort token handed to `on_start`.
fn run_plain(ws: &Path, src: &str, on_start: impl FnOnce(&Arc<Run>)) -> Outcome {
    let mut config = RunConfig::new(ws.to_path_buf());
    config.job_name = "t".into();
    config.user = "tester".into();
    config.inputs.interactive = false;
    let console = Arc::new(MemorySink::default());
    let (run, result) = runner::build(src, "Jenkinsfile", config, console.clone(), false, on_start)
        .unwrap_or_else(|_| panic!("the pipeline did not start"));
    Outcome {
        run,
        result,
        console: console.text(),
    }
}

fn pid_alive(pid: i32) -> bool {
    // Signal 0 checks existence; a zombie is reaped by init soon, so also look at /proc.
    let exists = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok();
    let zombie = fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| s.split_whitespace().nth(2) == Some("Z"))
        .unwrap_or(false);
    exists && !zombie
}

fn read_pids(ws: &Path, file: &str) -> Vec<i32> {
    fs::read_to_string(ws.join(file))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

#[test]
fn timeout_kills_the_whole_process_tree() {
    let tmp = tempfile::tempdir().expect("ws");
    let src = r#"
node {
  timeout(time: 1, unit: 'SECONDS') {
    sh '''#!/bin/sh
sleep 60 &
echo $! >> pids
( sleep 60 & echo $! >> pids; wait ) &
echo $! >> pids
echo $$ >> pids
sleep 60'''
  }
}"#;
    let out = run_plain(tmp.path(), src, |_| {});
    assert_eq!(out.result, BuildResult::Aborted, "{}", out.console);
    assert!(
        out.console.contains("Timeout has been exceeded"),
        "{}",
        out.console
    );
    let pids = read_pids(tmp.path(), "pids");
    assert_eq!(pids.len(), 4, "the script recorded its processes: {pids:?}");
    // Give the kernel a moment to deliver the SIGKILLs.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let alive: Vec<i32> = pids.into_iter().filter(|p| pid_alive(*p)).collect();
    assert!(alive.is_empty(), "processes left behind: {alive:?}");
}

#[test]
fn background_processes_are_killed_when_the_build_ends() {
    let tmp = tempfile::tempdir().expect("ws");
    let src = "node { sh 'sleep 60 > /dev/null 2>&1 & echo $! > pids' }";
    let out = run_plain(tmp.path(), src, |_| {});
    assert_eq!(out.result, BuildResult::Success, "{}", out.console);
    let pids = read_pids(tmp.path(), "pids");
    assert_eq!(pids.len(), 1);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        !pid_alive(pids[0]),
        "the background sleep survived the build"
    );
}

#[test]
fn aborting_the_build_kills_processes_and_runs_finally() {
    let tmp = tempfile::tempdir().expect("ws");
    let src = r#"
node {
  try {
    sh 'echo $$ > pids; sleep 60'
  } finally {
    echo "finally ran, result ${currentBuild.currentResult}"
  }
  echo 'not reached'
}"#;
    let out = run_plain(tmp.path(), src, |run| {
        let token = run.abort.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(500));
            token.fire(
                pipewright::steps::basic::FLOW_INTERRUPTED,
                Some("Aborted by user".into()),
            );
        });
    });
    assert_eq!(out.result, BuildResult::Aborted, "{}", out.console);
    assert!(out.console.contains("finally ran"), "{}", out.console);
    assert!(!out.console.contains("not reached"));
    assert!(out.console.contains("Aborted by user"), "{}", out.console);
    let pids = read_pids(tmp.path(), "pids");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(pids.iter().all(|p| !pid_alive(*p)), "{pids:?}");
}

#[test]
fn parallel_returns_branch_values_and_prefixes_lines() {
    let tmp = tempfile::tempdir().expect("ws");
    let src = r#"
node {
  def r = parallel left: { sh 'echo from-left'; 'L' }, right: { echo 'from-right'; 42 }
  echo "values: ${r.left} ${r.right} ${r.keySet()}"
}"#;
    let out = run_plain(tmp.path(), src, |_| {});
    assert_eq!(out.result, BuildResult::Success, "{}", out.console);
    assert!(
        out.console.contains("[left] + echo from-left\n"),
        "{}",
        out.console
    );
    assert!(out.console.contains("[left] from-left\n"));
    assert!(out.console.contains("[right] from-right\n"));
    assert!(
        out.console.contains("values: L 42 [left, right]\n"),
        "{}",
        out.console
    );
}

#[test]
fn parallel_fail_fast_stops_the_other_branches() {
    let tmp = tempfile::tempdir().expect("ws");
    let src = r#"
node {
  parallel quick: { sleep 0.2; error 'quick failed' },
           slow: { sh 'sleep 30'; echo 'slow finished' },
           failFast: true
}"#;
    let started = std::time::Instant::now();
    let out = run_plain(tmp.path(), src, |_| {});
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "failFast did not stop the slow branch"
    );
    assert_eq!(out.result, BuildResult::Failure, "{}", out.console);
    assert!(
        out.console.contains("Failed in branch quick"),
        "{}",
        out.console
    );
    assert!(!out.console.contains("slow finished"));
    // The most severe error is rethrown: the failure, not the sibling's abort.
    assert!(
        out.console.contains("ERROR: quick failed"),
        "{}",
        out.console
    );
}

#[test]
fn parallel_without_fail_fast_waits_and_rethrows_the_most_severe() {
    let tmp = tempfile::tempdir().expect("ws");
    let src = r#"
node {
  try {
    parallel a: { error 'a failed' }, b: { sleep 0.3; echo 'b done' }, c: { throw new IllegalStateException('c broke') }
  } catch (e) {
    echo "caught ${e.getClass().name}: ${e.message}"
  }
}"#;
    let out = run_plain(tmp.path(), src, |_| {});
    assert!(out.console.contains("[b] b done"), "{}", out.console);
    assert!(
        out.console.contains("Failed in branch a") && out.console.contains("Failed in branch c")
    );
    assert!(
        out.console
            .contains("caught java.lang.IllegalStateException: c broke"),
        "{}",
        out.console
    );
}

#[test]
fn a_thousand_parallel_branches_complete() {
    let tmp = tempfile::tempdir().expect("ws");
    let src = r#"
node {
  def branches = [:]
  for (int i = 0; i < 1000; i++) {
    def n = i
    branches["b${n}"] = { sleep 1; n }
  }
  def r = parallel branches
  echo "branches: ${r.size()} sum: ${r.values().sum()}"
}"#;
    let out = run_plain(tmp.path(), src, |_| {});
    assert_eq!(out.result, BuildResult::Success, "{}", out.console);
    assert!(
        out.console.contains("branches: 1000 sum: 499500"),
        "{}",
        out.console
    );
}

/// SIGTERM (what CI systems send to cancel a job) aborts the build like Ctrl-C: the
/// running script's processes are killed, `post { always; aborted }` run, exit status 4.
#[test]
fn sigterm_aborts_the_build_and_runs_post() {
    let tmp = tempfile::tempdir().expect("ws");
    let pid_file = tmp.path().join("child.pid");
    fs::write(
        tmp.path().join("Jenkinsfile"),
        r#"pipeline {
  agent any
  stages {
    stage('Long') {
      steps {
        sh 'sleep 60 & echo $! > child.pid; wait'
      }
    }
  }
  post {
    aborted { echo 'POST ABORTED' }
    always { echo 'POST ALWAYS' }
  }
}"#,
    )
    .expect("write");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_pipe"))
        .args(["run", "--no-input", "--color", "never"])
        .current_dir(tmp.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn pipe");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while fs::read_to_string(&pid_file).map_or(true, |s| s.trim().is_empty()) {
        assert!(
            std::time::Instant::now() < deadline,
            "the script never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let sleeper: i32 = fs::read_to_string(&pid_file)
        .expect("pid")
        .trim()
        .parse()
        .expect("pid number");
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    )
    .expect("signal");
    let out = child.wait_with_output().expect("wait");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(4), "{text}");
    let aborted = text.find("POST ABORTED").expect("post aborted ran");
    let always = text.find("POST ALWAYS").expect("post always ran");
    assert!(always < aborted, "Jenkins runs `always` first: {text}");
    // The background `sleep 60` went with its process group.
    let alive = nix::sys::signal::kill(nix::unistd::Pid::from_raw(sleeper), None).is_ok()
        && !fs::read_to_string(format!("/proc/{sleeper}/stat"))
            .unwrap_or_default()
            .contains(") Z ");
    assert!(!alive, "sleep {sleeper} survived the abort");
}
