//! The pipelines in `examples/`, run with the real `pipe` binary the way the README and
//! their headers say: `local-delivery` for real (it needs only a shell), the seeds' pipelines
//! with `--dry-run` (they need their teams' servers). Each runs in a copy of its directory.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn example_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read example dir").flatten() {
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst);
        } else {
            fs::copy(&src, &dst).expect("copy example file");
        }
    }
}

struct Ran {
    code: i32,
    stdout: String,
}

/// Runs `pipe run ARGS` in `ws`, with no terminal and no colour.
fn pipe_run(ws: &Path, args: &[&str]) -> Ran {
    let out = Command::new(env!("CARGO_BIN_EXE_pipe"))
        .arg("run")
        .args(["--no-input", "--color", "never"])
        .args(args)
        .current_dir(ws)
        .env("NO_COLOR", "1")
        .env_remove("SONAR_HOST_URL")
        .output()
        .expect("run pipe");
    let stdout =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    Ran {
        code: out.status.code().unwrap_or(-1),
        stdout,
    }
}

/// A copy of an example in a fresh directory.
fn workspace(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&example_dir(name), dir.path());
    dir
}

fn stage_row(out: &str, stage: &str) -> String {
    out.lines()
        .find(|l| {
            l.starts_with(stage)
                && l[stage.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_uppercase())
        })
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

#[test]
fn local_delivery_delivers_to_production_and_keeps_releases() {
    let ws = workspace("local-delivery");
    let first = pipe_run(ws.path(), &["--yes"]);
    assert_eq!(first.code, 0, "{}", first.stdout);
    assert!(first.stdout.contains("Delivered 1.0.1"), "{}", first.stdout);
    assert!(first.stdout.contains("Deploying 1.0.1 under CHG-0000"));
    let prod = ws.path().join("environments/production/current/VERSION");
    assert_eq!(fs::read_to_string(&prod).expect("deployed"), "1.0.1\n");
    let staged = ws.path().join("environments/staging/current/greet");
    let greeting = Command::new(&staged)
        .arg("--version")
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&greeting.stdout), "greet 1.0.1\n");
    for stage in [
        "Build",
        "Static analysis",
        "Package",
        "Tests » Unit",
        "Tests » Smoke",
    ] {
        assert!(
            stage_row(&first.stdout, stage).contains("SUCCESS"),
            "{stage}: {}",
            first.stdout
        );
    }

    // The next build is number 2, with its own version; the first release stays for a
    // rollback.
    let second = pipe_run(
        ws.path(),
        &[
            "--input",
            "Deploy to production?={\"CHANGE_TICKET\": \"CHG-42\"}",
        ],
    );
    assert_eq!(second.code, 0, "{}", second.stdout);
    assert!(second.stdout.contains("Deploying 1.0.2 under CHG-42"));
    assert_eq!(fs::read_to_string(&prod).expect("deployed"), "1.0.2\n");
    let releases = ws.path().join("environments/production/releases");
    assert!(releases.join("greet-1.0.1").is_dir() && releases.join("greet-1.0.2").is_dir());
}

#[test]
fn local_delivery_stops_at_a_refused_approval() {
    let ws = workspace("local-delivery");
    let ran = pipe_run(ws.path(), &["--input", "Deploy to production?=abort"]);
    assert_eq!(ran.code, 4, "ABORTED: {}", ran.stdout);
    assert!(ws.path().join("environments/staging/current").exists());
    assert!(!ws.path().join("environments/production").exists());
    assert!(
        ran.stdout.contains("Delivery of 1.0.1 stopped: ABORTED"),
        "{}",
        ran.stdout
    );
}

#[test]
fn local_delivery_to_staging_only_skips_the_approval() {
    let ws = workspace("local-delivery");
    let ran = pipe_run(
        ws.path(),
        &["-p", "TARGET=staging", "-p", "SMOKE_TESTS=false"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    assert!(stage_row(&ran.stdout, "Deploy to production").contains("SKIPPED"));
    assert!(stage_row(&ran.stdout, "Tests » Smoke").contains("SKIPPED"));
    assert!(!ws.path().join("environments/production").exists());
}

#[test]
fn hujiang_dry_run_pushes_the_tested_image_and_deploys_it_twice() {
    let ws = workspace("hujiang");
    let ran = pipe_run(ws.path(), &["--dry-run", "--yes"]);
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    for call in [
        "git(branch: 'dev', changelog: false, credentialsId: 'deploy-key', url: 'git@gitlab.example.com:lms/barrages.git')",
        "Image.push('dockerhub.example.com/lms/barrages:test')",
        "marathon(url: 'http://marathon-qa', docker: 'dockerhub.example.com/lms/barrages:test'",
        "Image.push('dockerhub.example.com/lms/barrages:1.1')",
        "marathon(url: 'http://marathon-prod', docker: 'dockerhub.example.com/lms/barrages:1.1'",
    ] {
        assert!(ran.stdout.contains(call), "missing {call}:\n{}", ran.stdout);
    }
}

#[test]
fn deploy_only_dry_run_follows_the_parameters() {
    let ws = workspace("deploy-only");
    let prod = pipe_run(
        ws.path(),
        &[
            "--dry-run",
            "-p",
            "ReleaseVersion=1.4.2",
            "-p",
            "DeployDC=BB",
            "-p",
            "DeployEnv=prod",
            "--input",
            "Are you sure to deploy to production?=proceed",
        ],
    );
    assert_eq!(prod.code, 0, "{}", prod.stdout);
    assert!(prod
        .stdout
        .contains("sh('docker tag dockerhub.example.com/lms/barrages:latest dockerhub.example.com/lms/barrages:1.4.2')"));
    assert!(
        prod.stdout
            .contains("url: 'http://marathon-bb-prod.example.com', filename: 'prod-deploy.json')"),
        "{}",
        prod.stdout
    );

    // Without a release version the job stops before any stage.
    let empty = pipe_run(ws.path(), &["--dry-run"]);
    assert_eq!(empty.code, 3, "NOT_BUILT: {}", empty.stdout);
    assert!(empty.stdout.contains("發布版本不能為空"));
    assert!(!empty.stdout.contains("marathon("));
}

#[test]
fn rancher_dry_run_confirms_or_rolls_back() {
    let ws = workspace("rancher-upgrade");
    let ok = pipe_run(
        ws.path(),
        &["--dry-run", "--yes", "-p", "SVN_REVISION=1234"],
    );
    assert_eq!(ok.code, 0, "{}", ok.stdout);
    assert!(
        ok.stdout
            .contains("Image.push('harbor.example.com/shop/web:r1234-1')"),
        "{}",
        ok.stdout
    );
    assert!(ok
        .stdout
        .contains("service: 'shop/web', finishAction: 'confirm'"));

    let refused = pipe_run(
        ws.path(),
        &["--dry-run", "--input", "Upgrade production?=abort"],
    );
    assert_eq!(refused.code, 4, "{}", refused.stdout);
    assert!(
        refused.stdout.contains("finishAction: 'rollback'"),
        "{}",
        refused.stdout
    );
}

#[test]
fn swarm_dry_run_tests_inside_the_image_before_deploying() {
    let ws = workspace("swarm-delivery");
    let ran = pipe_run(ws.path(), &["--dry-run", "--yes"]);
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    let tree = &ran.stdout[ran.stdout.find("Dry run:").expect("call tree")..];
    let inside = tree.find("Image.inside('hello:1'").expect("inside");
    let test = tree.find("sh('./test.sh')").expect("test");
    let push = tree
        .find("Image.push('127.0.0.1:5000/hello:1')")
        .expect("push");
    let deploy = tree
        .find("docker stack deploy --with-registry-auth -c stack.yaml hello")
        .expect("deploy");
    assert!(
        inside < test && test < push && push < deploy,
        "{}",
        ran.stdout
    );
}

#[test]
fn local_delivery_dry_run_writes_nothing() {
    let ws = workspace("local-delivery");
    let ran = pipe_run(
        ws.path(),
        &["--dry-run", "--yes", "--sh-stub", "smoke.sh=Hello, smoke!"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    assert!(ran
        .stdout
        .contains("writeFile(file: 'build/greet-1.0.1/VERSION', text: '1.0.1\\n')"));
    assert!(ran
        .stdout
        .contains("sh('src/deploy.sh production \"$PACKAGE\"')"));
    for written in ["build", "environments"] {
        assert!(!ws.path().join(written).exists(), "{written} was created");
    }
}
