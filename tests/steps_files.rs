//! The workspace file and data steps (`files.rs`, `archive.rs`, `data.rs`): small scripted
//! pipelines run in a temporary workspace, checked by the files they leave, what they print
//! and the build result.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pipewright::exec::log::{Log, MemorySink};
use pipewright::exec::result::BuildResult;
use pipewright::exec::run::{Run, RunConfig, StageStatus};
use pipewright::exec::runner::{run_source, RunError};

/// One finished run: its result, its console, and the run itself.
struct Ran {
    result: BuildResult,
    log: String,
    run: Arc<Run>,
}

impl Ran {
    fn stage(&self, name: &str) -> Option<StageStatus> {
        self.run
            .stages
            .lock()
            .iter()
            .find(|s| s.path.last().is_some_and(|n| n == name))
            .map(|s| s.result)
    }
}

fn run_with(ws: &Path, build_dir: Option<PathBuf>, src: &str) -> Ran {
    let console = Arc::new(MemorySink::default());
    let mut config = RunConfig::new(ws.to_path_buf());
    config.build_dir = build_dir;
    let log = Log::new(console.clone(), None, false);
    match run_source(src, "Jenkinsfile", config, log) {
        Ok((run, result)) => Ran {
            result,
            log: console.text(),
            run,
        },
        Err(RunError::Parse(_)) => panic!("the test pipeline does not parse"),
        Err(RunError::Invalid(_)) => panic!("the test pipeline is not valid"),
    }
}

fn run_in(ws: &Path, src: &str) -> Ran {
    run_with(ws, None, src)
}

fn workspace() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary workspace")
}

fn put(ws: &Path, rel: &str, text: &str) {
    let p = ws.join(rel);
    std::fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

fn read(p: impl AsRef<Path>) -> String {
    std::fs::read_to_string(p).expect("readable file")
}

fn has_line(log: &str, line: &str) -> bool {
    log.lines().any(|l| l == line)
}

#[test]
fn base64_write_and_read_preserve_bytes() {
    let ws = workspace();
    let ran = run_in(
        ws.path(),
        r#"
        writeFile file: 'bin/blob', text: 'AAEC/4A=', encoding: 'Base64'
        echo "b64=${readFile(file: 'bin/blob', encoding: 'Base64')}"
        writeFile file: 'latin.txt', text: 'café', encoding: 'ISO-8859-1'
        echo "latin=${readFile(file: 'latin.txt', encoding: 'ISO-8859-1')}"
        echo "text=${readFile('latin.txt').length()}"
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_eq!(
        std::fs::read(ws.path().join("bin/blob")).expect("written"),
        vec![0, 1, 2, 0xFF, 0x80]
    );
    assert!(has_line(&ran.log, "b64=AAEC/4A="), "{}", ran.log);
    assert_eq!(
        std::fs::read(ws.path().join("latin.txt")).expect("written"),
        b"caf\xe9"
    );
    assert!(has_line(&ran.log, "latin=café"), "{}", ran.log);

    let ran = run_in(
        ws.path(),
        "writeFile file: 'x', text: 'not base64!', encoding: 'Base64'",
    );
    assert_eq!(ran.result, BuildResult::Failure);
    assert!(
        ran.log
            .contains("java.lang.IllegalArgumentException: Illegal base64 character 20"),
        "{}",
        ran.log
    );
    let ran = run_in(ws.path(), "readFile 'absent.txt'");
    assert!(
        has_line(
            &ran.log,
            &format!(
                "ERROR: java.nio.file.NoSuchFileException: {}",
                ws.path().join("absent.txt").display()
            )
        ),
        "{}",
        ran.log
    );
}

#[test]
fn delete_dir_removes_the_current_directory_but_not_link_targets() {
    let ws = workspace();
    let outside = workspace();
    put(outside.path(), "keep.txt", "precious");
    put(ws.path(), "build/obj/a.o", "obj");
    std::os::unix::fs::symlink(outside.path(), ws.path().join("build/link")).expect("symlink");
    let ran = run_in(
        ws.path(),
        "dir('build') { deleteDir() }\necho \"gone=${!fileExists('build')}\"",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert!(has_line(&ran.log, "gone=true"), "{}", ran.log);
    assert!(!ws.path().join("build").exists());
    assert_eq!(read(outside.path().join("keep.txt")), "precious");
}

#[test]
fn pwd_and_its_temporary_directory() {
    let ws = workspace();
    let ran = run_in(
        ws.path(),
        "echo \"cwd=${pwd()}\"\necho \"tmp=${pwd(tmp: true)}\"\ndir('sub') { echo \"subtmp=${pwd tmp: true}\" }",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    let w = ws.path().display().to_string();
    assert!(has_line(&ran.log, &format!("cwd={w}")), "{}", ran.log);
    assert!(has_line(&ran.log, &format!("tmp={w}@tmp")), "{}", ran.log);
    assert!(
        has_line(&ran.log, &format!("subtmp={w}/sub@tmp")),
        "{}",
        ran.log
    );
}

#[test]
fn stash_and_unstash_round_trip_with_excludes_and_default_excludes() {
    let ws = workspace();
    let build = workspace();
    put(ws.path(), "src/a.txt", "A");
    put(ws.path(), "src/sub/c.txt", "C");
    put(ws.path(), "src/debug.log", "noise");
    put(ws.path(), "src/.git/config", "[core]");
    put(ws.path(), "src/notes.txt~", "backup");
    put(ws.path(), "other.txt", "not included");
    let ran = run_with(
        ws.path(),
        Some(build.path().to_path_buf()),
        r#"
        stash name: 'sources', includes: 'src/**', excludes: '**/*.log'
        dir('src') { deleteDir() }
        dir('restored') { unstash 'sources' }
        echo "back: ${fileExists('src/a.txt')}"
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert!(has_line(&ran.log, "Stashed 2 file(s)"), "{}", ran.log);
    assert!(has_line(&ran.log, "back: false"), "{}", ran.log);
    let restored = ws.path().join("restored/src");
    assert_eq!(read(restored.join("a.txt")), "A");
    assert_eq!(read(restored.join("sub/c.txt")), "C");
    assert!(!restored.join("debug.log").exists(), "excluded explicitly");
    assert!(!restored.join(".git").exists(), "an Ant default exclude");
    assert!(
        !restored.join("notes.txt~").exists(),
        "an Ant default exclude"
    );
    assert!(!ws.path().join("restored/other.txt").exists());
    assert!(build.path().join("stashes/sources/src/a.txt").is_file());

    // With useDefaultExcludes: false, .git comes along too.
    let ran = run_in(
        ws.path(),
        r#"
        writeFile file: 'w/.git/HEAD', text: 'ref'
        dir('w') { stash name: 'all', useDefaultExcludes: false }
        dir('copy') { unstash 'all' }
        "#,
    );
    assert!(has_line(&ran.log, "Stashed 1 file(s)"), "{}", ran.log);
    assert_eq!(read(ws.path().join("copy/.git/HEAD")), "ref");
}

#[test]
fn stash_errors_use_jenkins_messages() {
    let ws = workspace();
    let ran = run_in(ws.path(), "stash name: 'empty', includes: 'nothing/**'");
    assert_eq!(ran.result, BuildResult::Failure);
    assert!(
        has_line(&ran.log, "ERROR: No files included in stash"),
        "{}",
        ran.log
    );

    let ran = run_in(
        ws.path(),
        "stash name: 'empty', includes: 'nothing/**', allowEmpty: true\nunstash 'empty'",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert!(has_line(&ran.log, "Stashed 0 file(s)"), "{}", ran.log);

    let ran = run_in(ws.path(), "unstash 'never'");
    assert_eq!(ran.result, BuildResult::Failure);
    assert!(
        has_line(&ran.log, "ERROR: No such saved stash ‘never’"),
        "{}",
        ran.log
    );

    let ran = run_in(ws.path(), "stash name: 'a/b'");
    assert!(
        ran.log.contains("‘/’ is an unsafe character"),
        "{}",
        ran.log
    );
}

#[test]
fn archive_artifacts_copies_matches_and_fails_on_no_match() {
    let ws = workspace();
    let build = workspace();
    put(ws.path(), "target/app.jar", "jar");
    put(ws.path(), "target/lib/dep.jar", "dep");
    put(ws.path(), "target/app.JAR.md5", "sum");
    let ran = run_with(
        ws.path(),
        Some(build.path().to_path_buf()),
        "archiveArtifacts artifacts: 'target/**/*.jar', excludes: 'target/lib/**'",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert!(has_line(&ran.log, "Archiving artifacts"), "{}", ran.log);
    assert_eq!(read(build.path().join("archive/target/app.jar")), "jar");
    assert!(!build.path().join("archive/target/lib").exists());

    let ran = run_in(
        ws.path(),
        "archiveArtifacts 'dist/*.zip'\necho 'not reached'",
    );
    assert_eq!(ran.result, BuildResult::Failure);
    assert!(
        has_line(
            &ran.log,
            "ERROR: No artifacts found that match the file pattern \"dist/*.zip\". Configuration error?"
        ),
        "{}",
        ran.log
    );
    assert!(!ran.log.contains("not reached"));

    let ran = run_in(
        ws.path(),
        "archiveArtifacts artifacts: 'dist/*.zip', allowEmptyArchive: true\necho 'carried on'",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert!(has_line(
        &ran.log,
        "No artifacts found that match the file pattern \"dist/*.zip\". Configuration error?"
    ));
    assert!(has_line(&ran.log, "carried on"));

    let ran = run_in(
        ws.path(),
        "currentBuild.result = 'FAILURE'\narchiveArtifacts artifacts: 'target/*.jar', onlyIfSuccessful: true",
    );
    assert!(
        has_line(
            &ran.log,
            "Skipped archiving because build is not successful"
        ),
        "{}",
        ran.log
    );

    // caseSensitive: false lets *.jar match app.JAR.md5's sibling spelled differently.
    put(ws.path(), "upper/APP.JAR", "J");
    let ran = run_with(
        ws.path(),
        Some(build.path().to_path_buf()),
        "archiveArtifacts artifacts: 'upper/*.jar', caseSensitive: false",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert!(build.path().join("archive/upper/APP.JAR").is_file());
}

const SUREFIRE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="com.example.AppTest" time="0.05" tests="4" errors="1" skipped="1" failures="1">
  <properties><property name="java.version" value="17"/></properties>
  <testcase name="adds" classname="com.example.AppTest" time="0.001"/>
  <testcase name="divides" classname="com.example.AppTest" time="0.002">
    <failure message="expected 2" type="org.opentest4j.AssertionFailedError">stack</failure>
    <system-out><![CDATA[output]]></system-out>
  </testcase>
  <testcase name="loads" classname="com.example.AppTest"><error type="java.io.IOException"/></testcase>
  <testcase name="later" classname="com.example.AppTest"><skipped/></testcase>
</testsuite>
"#;

const PYTEST: &str = r#"<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" failures="0" skipped="1" tests="3"><testcase classname="tests.test_app" name="test_ok" time="0.001" /><testcase classname="tests.test_app" name="test_also_ok" time="0.001"></testcase><testcase classname="tests.test_app" name="test_skip" time="0.000"><skipped type="pytest.skip" message="not on linux">skip reason</skipped></testcase></testsuite></testsuites>"#;

#[test]
fn junit_counts_two_report_shapes_and_marks_build_and_stage_unstable() {
    let ws = workspace();
    put(
        ws.path(),
        "target/surefire-reports/TEST-com.example.AppTest.xml",
        SUREFIRE,
    );
    put(ws.path(), "python/report.xml", PYTEST);
    let ran = run_in(
        ws.path(),
        r#"
        stage('Test') {
            def t = junit testResults: 'target/surefire-reports/*.xml, python/*.xml'
            echo "total=${t.totalCount} failed=${t.failCount} skipped=${t.skipCount} passed=${t.passCount}"
            echo "getter=${t.getFailCount()}"
        }
        stage('After') { echo "result=${currentBuild.currentResult}" }
        "#,
    );
    assert!(has_line(&ran.log, "Recording test results"), "{}", ran.log);
    assert!(
        has_line(&ran.log, "total=7 failed=2 skipped=2 passed=3"),
        "{}",
        ran.log
    );
    assert!(has_line(&ran.log, "getter=2"), "{}", ran.log);
    assert!(has_line(&ran.log, "result=UNSTABLE"), "{}", ran.log);
    assert_eq!(ran.result, BuildResult::Unstable);
    assert_eq!(ran.stage("Test"), Some(StageStatus::Unstable));
    assert_eq!(ran.stage("After"), Some(StageStatus::Success));
}

#[test]
fn junit_passing_reports_leave_the_build_alone_and_skip_marking_spares_the_build() {
    let ws = workspace();
    put(ws.path(), "reports/py.xml", PYTEST);
    let ran = run_in(
        ws.path(),
        "def t = junit 'reports/*.xml'\necho \"failed=${t.failCount} passed=${t.passCount}\"",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert!(has_line(&ran.log, "failed=0 passed=2"), "{}", ran.log);

    put(ws.path(), "failing/s.xml", SUREFIRE);
    let ran = run_in(
        ws.path(),
        "stage('T') { junit testResults: 'failing/*.xml', skipMarkingBuildUnstable: true }",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_eq!(ran.stage("T"), Some(StageStatus::Unstable));
}

#[test]
fn junit_without_reports_fails_unless_empty_results_are_allowed() {
    let ws = workspace();
    let ran = run_in(ws.path(), "junit 'build/test-results/**/*.xml'");
    assert_eq!(ran.result, BuildResult::Failure);
    assert!(
        has_line(
            &ran.log,
            "ERROR: No test report files were found. Configuration error?"
        ),
        "{}",
        ran.log
    );

    let ran = run_in(
        ws.path(),
        "def t = junit testResults: 'nothing/*.xml', allowEmptyResults: true\necho \"total=${t.totalCount}\"",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert!(has_line(
        &ran.log,
        "No test report files were found. Configuration error?"
    ));
    assert!(has_line(
        &ran.log,
        "None of the test reports contained any result"
    ));
    assert!(has_line(&ran.log, "total=0"));

    put(ws.path(), "empty/TEST-none.xml", "<testsuite name=\"x\"/>");
    let ran = run_in(ws.path(), "junit 'empty/*.xml'");
    assert_eq!(ran.result, BuildResult::Failure);
    assert!(has_line(
        &ran.log,
        "ERROR: None of the test reports contained any result"
    ));
}
