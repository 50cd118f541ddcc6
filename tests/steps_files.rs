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

#[track_caller]
fn assert_line(log: &str, line: &str) {
    assert!(has_line(log, line), "no line {line:?} in:\n{log}");
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
    assert_line(&ran.log, "b64=AAEC/4A=");
    assert_eq!(
        std::fs::read(ws.path().join("latin.txt")).expect("written"),
        b"caf\xe9"
    );
    assert_line(&ran.log, "latin=café");

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
    assert_line(
        &ran.log,
        &format!(
            "java.nio.file.NoSuchFileException: {}",
            ws.path().join("absent.txt").display()
        ),
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
    assert_line(&ran.log, "gone=true");
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
    assert_line(&ran.log, &format!("cwd={w}"));
    assert_line(&ran.log, &format!("tmp={w}@tmp"));
    assert_line(&ran.log, &format!("subtmp={w}/sub@tmp"));
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
    assert_line(&ran.log, "Stashed 2 file(s)");
    assert_line(&ran.log, "back: false");
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
    assert_line(&ran.log, "Stashed 1 file(s)");
    assert_eq!(read(ws.path().join("copy/.git/HEAD")), "ref");
}

#[test]
fn stash_errors_use_jenkins_messages() {
    let ws = workspace();
    let ran = run_in(ws.path(), "stash name: 'empty', includes: 'nothing/**'");
    assert_eq!(ran.result, BuildResult::Failure);
    assert_line(&ran.log, "ERROR: No files included in stash");

    let ran = run_in(
        ws.path(),
        "stash name: 'empty', includes: 'nothing/**', allowEmpty: true\nunstash 'empty'",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_line(&ran.log, "Stashed 0 file(s)");

    let ran = run_in(ws.path(), "unstash 'never'");
    assert_eq!(ran.result, BuildResult::Failure);
    assert_line(&ran.log, "ERROR: No such saved stash ‘never’");

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
    assert_line(&ran.log, "Archiving artifacts");
    assert_eq!(read(build.path().join("archive/target/app.jar")), "jar");
    assert!(!build.path().join("archive/target/lib").exists());

    let ran = run_in(
        ws.path(),
        "archiveArtifacts 'dist/*.zip'\necho 'not reached'",
    );
    assert_eq!(ran.result, BuildResult::Failure);
    assert_line(&ran.log, "ERROR: No artifacts found that match the file pattern \"dist/*.zip\". Configuration error?");
    assert!(!ran.log.contains("not reached"));

    let ran = run_in(
        ws.path(),
        "archiveArtifacts artifacts: 'dist/*.zip', allowEmptyArchive: true\necho 'carried on'",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_line(
        &ran.log,
        "No artifacts found that match the file pattern \"dist/*.zip\". Configuration error?",
    );
    assert_line(&ran.log, "carried on");

    let ran = run_in(
        ws.path(),
        "currentBuild.result = 'FAILURE'\narchiveArtifacts artifacts: 'target/*.jar', onlyIfSuccessful: true",
    );
    assert_line(
        &ran.log,
        "Skipped archiving because build is not successful",
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
    assert_line(&ran.log, "Recording test results");
    assert_line(&ran.log, "total=7 failed=2 skipped=2 passed=3");
    assert_line(&ran.log, "getter=2");
    assert_line(&ran.log, "result=UNSTABLE");
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
    assert_line(&ran.log, "failed=0 passed=2");

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
    assert_line(
        &ran.log,
        "ERROR: No test report files were found. Configuration error?",
    );

    let ran = run_in(
        ws.path(),
        "def t = junit testResults: 'nothing/*.xml', allowEmptyResults: true\necho \"total=${t.totalCount}\"",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_line(
        &ran.log,
        "No test report files were found. Configuration error?",
    );
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

#[test]
fn read_json_and_write_json_round_trip_keeping_order_and_numbers() {
    let ws = workspace();
    put(
        ws.path(),
        "in.json",
        r#"{"zeta": 1, "alpha": {"big": 12345678901, "ratio": 0.25, "list": [3, 2, 1]}, "name": "app", "none": null, "ok": true}"#,
    );
    let ran = run_in(
        ws.path(),
        r#"
        def j = readJSON file: 'in.json'
        echo "keys=${j.keySet()}"
        echo "types=${j.zeta.getClass().simpleName} ${j.alpha.big.getClass().simpleName} ${j.alpha.ratio.getClass().simpleName}"
        echo "nested=${j.alpha.list[0]} ${j.name} ${j.none == null} ${j.ok}"
        j.added = [1.50, 'x']
        writeJSON file: 'out/out.json', json: j
        echo writeJSON(json: [b: 1, a: [c: 2, d: [3, 4]]], returnText: true, pretty: 2)
        echo writeJSON(json: '[1, {"x": "y"}]', returnText: true)
        def arr = readJSON text: '[{"id": 1}, {"id": 2}]'
        echo "ids=${arr.collect { it.id }}"
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_line(&ran.log, "keys=[zeta, alpha, name, none, ok]");
    assert_line(&ran.log, "types=Integer Long Double");
    assert_line(&ran.log, "nested=3 app true true");
    assert_line(&ran.log, "ids=[1, 2]");
    assert_eq!(
        read(ws.path().join("out/out.json")),
        r#"{"zeta":1,"alpha":{"big":12345678901,"ratio":0.25,"list":[3,2,1]},"name":"app","none":null,"ok":true,"added":[1.5,"x"]}"#
    );
    assert!(
        ran.log.contains("{\n  \"b\": 1,\n  \"a\":   {\n    \"c\": 2,\n    \"d\":     [\n      3,\n      4\n    ]\n  }\n}"),
        "{}",
        ran.log
    );
    assert_line(&ran.log, r#"[1,{"x":"y"}]"#);
}

#[test]
fn json_argument_errors_are_the_plugins() {
    let ws = workspace();
    let ran = run_in(ws.path(), "readJSON file: 'a.json', text: '{}'");
    assert_line(&ran.log, "java.lang.IllegalArgumentException: At most one of file or text must be provided to readJSON.");
    let ran = run_in(ws.path(), "readJSON file: 'missing.json'");
    let missing = ws.path().join("missing.json");
    assert_line(
        &ran.log,
        &format!(
            "java.io.FileNotFoundException: {} does not exist.",
            missing.display()
        ),
    );
    let ran = run_in(ws.path(), "writeJSON json: [a: 1]");
    assert!(ran
        .log
        .contains("You have to provide either file or returnText to writeJSON."));
    let ran = run_in(ws.path(), "readJSON text: '{\"a\": }'");
    assert_eq!(ran.result, BuildResult::Failure);
    assert!(
        ran.log.contains("net.sf.json.JSONException: "),
        "{}",
        ran.log
    );
}

#[test]
fn read_yaml_reads_documents_with_yaml_1_1_types() {
    let ws = workspace();
    put(
        ws.path(),
        "chart.yaml",
        "name: app\nversion: 1.2.3\nreplicas: 3\n",
    );
    let ran = run_in(
        ws.path(),
        r#"
        def docs = readYaml text: """
kind: Deployment
enabled: yes
ports: [80, 443]
---
kind: Service
mode: 0755
ratio: 0.5
empty: ~
"""
        echo "count=${docs.size()} first=${docs[0].kind} second=${docs[1].kind}"
        echo "enabled=${docs[0].enabled} ports=${docs[0].ports} mode=${docs[1].mode} ratio=${docs[1].ratio} empty=${docs[1].empty}"
        def one = readYaml file: 'chart.yaml'
        echo "one=${one.getClass().simpleName} version=${one.version} replicas=${one.replicas + 1}"
        def both = readYaml file: 'chart.yaml', text: 'extra: true'
        echo "both=${both.keySet()}"
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_line(&ran.log, "count=2 first=Deployment second=Service");
    assert_line(
        &ran.log,
        "enabled=true ports=[80, 443] mode=493 ratio=0.5 empty=null",
    );
    assert_line(&ran.log, "one=LinkedHashMap version=1.2.3 replicas=4");
    assert_line(&ran.log, "both=[name, version, replicas, extra]");
}

#[test]
fn write_yaml_writes_block_style_and_refuses_to_overwrite() {
    let ws = workspace();
    let ran = run_in(
        ws.path(),
        r#"
        writeYaml file: 'values.yaml', data: [image: [repo: 'app', tag: '1.0'], ports: [80, 443], debug: false, note: 'yes']
        writeYaml file: 'values.yaml', data: [other: 1]
        "#,
    );
    assert_eq!(ran.result, BuildResult::Failure);
    let path = ws.path().join("values.yaml");
    assert_line(
        &ran.log,
        &format!(
            "java.nio.file.FileAlreadyExistsException: {}",
            path.display()
        ),
    );
    assert_eq!(
        read(&path),
        "image:\n  repo: app\n  tag: '1.0'\nports:\n- 80\n- 443\ndebug: false\nnote: 'yes'\n"
    );

    let ran = run_in(
        ws.path(),
        r#"
        writeYaml file: 'values.yaml', data: [other: 1], overwrite: true
        echo writeYaml(datas: [[a: 1], [b: [c: 'd']]], returnText: true)
        def back = readYaml file: 'values.yaml'
        echo "back=${back}"
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_eq!(read(&path), "other: 1\n");
    assert!(ran.log.contains("a: 1\n---\nb:\n  c: d\n"), "{}", ran.log);
    assert_line(&ran.log, "back=[other:1]");

    let ran = run_in(ws.path(), "writeYaml returnText: true");
    assert!(ran
        .log
        .contains("data or datas parameter must be provided to writeYaml"));
}

#[test]
fn read_json_prints_as_groovy_maps_and_lists() {
    let ws = workspace();
    put(
        ws.path(),
        "list.json",
        "[1, \"two\", {\"three\": [3.50]}]\n",
    );
    let ran = run_in(
        ws.path(),
        r#"
        println readJSON(text: '{"a":[1,2]}')
        println readJSON(text: '  {"b": {"c": null, "d": false}}  ')
        println readJSON(file: 'list.json')
        println readJSON(text: 'null') == null
        println readJSON(text: '[1] ignored after the value')
        def big = readJSON text: '{"n": 12345678901234567890, "e": 1e3}'
        println "${big.n.getClass().simpleName} ${big.e}"
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    for line in [
        "[a:[1, 2]]",
        "[b:[c:null, d:false]]",
        "[1, two, [three:[3.5]]]",
        "true",
        "[1]",
        "BigInteger 1000.0",
    ] {
        assert_line(&ran.log, line);
    }
}

#[test]
fn read_json_syntax_errors_are_json_lib_exceptions() {
    let ws = workspace();
    put(ws.path(), "padded.json", "\n{\"a\": 1}");
    std::fs::create_dir_all(ws.path().join("dir.json")).expect("mkdir");
    let ran = run_in(
        ws.path(),
        r#"
        for (t in ['abc', '{"a": }', '{"a" 1}', '[1, 2']) {
            try { readJSON text: t } catch (net.sf.json.JSONException e) { echo "caught: ${e.message}" }
        }
        // A file is parsed as it is: json-lib wants it to start with { or [.
        try { readJSON file: 'padded.json' } catch (e) { echo "padded: ${e.message}" }
        readJSON file: 'dir.json'
        "#,
    );
    assert_eq!(ran.result, BuildResult::Failure, "{}", ran.log);
    for line in [
        "caught: Invalid JSON String",
        r#"caught: Missing value. at character 7 of {"a": }"#,
        r#"caught: Expected a ':' after a key at character 6 of {"a" 1}"#,
        "caught: Expected a ',' or ']' at character 5 of [1, 2",
        "padded: Invalid JSON String",
    ] {
        assert_line(&ran.log, line);
    }
    let dir = ws.path().join("dir.json");
    assert_line(
        &ran.log,
        &format!(
            "java.lang.IllegalArgumentException: {} is a directory.",
            dir.display()
        ),
    );
}

#[test]
fn write_json_pretty_and_string_input_in_files() {
    let ws = workspace();
    let ran = run_in(
        ws.path(),
        r#"
        writeJSON file: 'pretty.json', json: [name: 'app', tags: ['a', 'b'], one: [k: 'v'], none: null], pretty: 2
        writeJSON file: 'text.json', json: '{"z": [1, 2.0], "s": "a/b</c>"}'
        writeJSON file: 'nested.json', json: [raw: '[1, 2]', obj: '{"x": 1}', bad: '[not json']
        writeJSON file: 'pretty.json', json: [replaced: true]
        echo writeJSON(json: [[a: 1], [b: 2]], returnText: true)
        try { writeJSON json: [a: 1], file: 'x.json', returnText: true } catch (e) { echo "both: ${e.message}" }
        try { writeJSON file: 'x.json' } catch (e) { echo "none: ${e.message}" }
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    assert_eq!(read(ws.path().join("pretty.json")), r#"{"replaced":true}"#);
    assert_eq!(
        read(ws.path().join("text.json")),
        r#"{"z":[1,2],"s":"a/b<\/c>"}"#
    );
    // json-lib turns strings that look like JSON into JSON.
    assert_eq!(
        read(ws.path().join("nested.json")),
        r#"{"raw":[1,2],"obj":{"x":1},"bad":"[not json"}"#
    );
    assert_line(&ran.log, r#"[{"a":1},{"b":2}]"#);
    assert_line(
        &ran.log,
        "both: You cannot provide both returnText and file to writeJSON.",
    );
    assert_line(
        &ran.log,
        "none: You have to provide a JSON object to save for writeJSON.",
    );

    let ran = run_in(
        ws.path(),
        "writeJSON file: 'p.json', json: [name: 'app', tags: ['a', 'b'], one: [k: 'v']], pretty: 2",
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    // json-lib's layout: nested multi-line values get the outer indent again; a one-member
    // object stays on one line.
    assert_eq!(
        read(ws.path().join("p.json")),
        "{\n  \"name\": \"app\",\n  \"tags\":   [\n    \"a\",\n    \"b\"\n  ],\n  \"one\": {\"k\": \"v\"}\n}"
    );
}

#[test]
fn read_yaml_anchors_merges_timestamps_and_limits() {
    let ws = workspace();
    let ran = run_in(
        ws.path(),
        r#"
        def y = readYaml text: '''
base: &base
  image: app
  tag: "1.0"
prod:
  <<: *base
  tag: 2.0
released: 2024-01-02
quoted: '2024-01-02'
octal: 010
hex: 0x1F
sexagesimal: 1:30
flags: [on, off, y, n, ~]
text: |
  line one
  line two
'''
        println y.prod
        println "${y.released.getClass().name} ${y.released.time}"
        println "${y.quoted.getClass().simpleName} ${y.octal} ${y.hex} ${y.sexagesimal}"
        println y.flags
        println y.text.readLines()
        println readYaml(text: '')
        println readYaml(text: 'plain words')
        def docs = readYaml text: '---\na: 1\n---\n- x\n'
        println "${docs.getClass().simpleName} ${docs}"
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    for line in [
        "[image:app, tag:2.0]",
        "java.util.Date 1704153600000",
        "String 8 31 90",
        "[true, false, y, n, null]",
        "[line one, line two]",
        "[]",
        "plain words",
        "ArrayList [[a:1], [x]]",
    ] {
        assert_line(&ran.log, line);
    }

    // More aliases to collections than SnakeYAML allows, and a ceiling Jenkins enforces.
    let mut bomb = String::from("a: &a [x]\nb: [");
    bomb.push_str(&vec!["*a"; 51].join(", "));
    bomb.push_str("]\n");
    put(ws.path(), "bomb.yaml", &bomb);
    let ran = run_in(
        ws.path(),
        r#"
        try { readYaml file: 'bomb.yaml' } catch (e) { echo "default: ${e}" }
        echo "raised: ${readYaml(file: 'bomb.yaml', maxAliasesForCollections: 50).b.size()}"
        "#,
    );
    assert_line(
        &ran.log,
        "default: org.yaml.snakeyaml.error.YAMLException: Number of aliases for non-scalar nodes exceeds the specified max=50",
    );
    let ran = run_in(
        ws.path(),
        "readYaml text: 'a: 1', maxAliasesForCollections: 51",
    );
    assert!(
        ran.log.contains(
            "java.lang.IllegalArgumentException: 51 > 50. Reduce the aliases in your yaml"
        ),
        "{}",
        ran.log
    );
    let ran = run_in(ws.path(), "readYaml file: 'nope.yaml'");
    assert_line(
        &ran.log,
        &format!(
            "java.io.FileNotFoundException: {} does not exist.",
            ws.path().join("nope.yaml").display()
        ),
    );
}

#[test]
fn write_yaml_quotes_folds_and_round_trips_like_snakeyaml() {
    let ws = workspace();
    let ran = run_in(
        ws.path(),
        r#"
        def words = (['word'] * 30).join(' ')
        writeYaml file: 'out.yaml', data: [
            empty: '', version: '1.10', flag: 'on', colon: 'a: b', hash: 'a #b', star: '*x',
            script: 'make\nmake test\n', long: words, nested: [list: [[a: 1], []], map: [:]],
            when: readYaml(text: 'd: 2024-01-02').d, tab: 'a\tb'
        ]
        def back = readYaml file: 'out.yaml'
        echo "same=${back.long == words} ${back.script == 'make\nmake test\n'} ${back.version}"
        "#,
    );
    assert_eq!(ran.result, BuildResult::Success, "{}", ran.log);
    let expected = [
        "empty: ''",
        "version: '1.10'",
        "flag: 'on'",
        "colon: 'a: b'",
        "hash: 'a #b'",
        "star: '*x'",
        "script: |",
        "  make",
        "  make test",
        // Folded at the first single space past column 80.
        "long: word word word word word word word word word word word word word word word word",
        "  word word word word word word word word word word word word word word",
        "nested:",
        "  list:",
        "  - a: 1",
        "  - []",
        "  map: {}",
        "when: 2024-01-02T00:00:00Z",
        "tab: \"a\\tb\"",
        "",
    ]
    .join("\n");
    assert_eq!(read(ws.path().join("out.yaml")), expected);
    assert_line(&ran.log, "same=true true 1.10");

    let ran = run_in(
        ws.path(),
        r#"
        try { writeYaml data: [a: 1], file: 'x.yaml', returnText: true } catch (e) { echo "1: ${e.message}" }
        try { writeYaml data: [a: 1] } catch (e) { echo "2: ${e.message}" }
        try { writeYaml data: [a: { -> 1 }], returnText: true } catch (e) { echo "3: ${e.message}" }
        try { writeYaml data: 1, datas: [2], returnText: true } catch (e) { echo "4: ${e.message}" }
        echo writeYaml(data: 'top level', returnText: true)
        "#,
    );
    for line in [
        "1: cannot provide both returnText and file to writeYaml",
        "2: either file or returnText must be provided to writeYaml",
        "3: data parameter has invalid content (no-basic classes)",
        "4: only one of data or datas must be provided to writeYaml",
        "top level",
    ] {
        assert_line(&ran.log, line);
    }
}

#[test]
fn data_steps_under_dry_run_read_but_do_not_write() {
    let ws = workspace();
    put(ws.path(), "in.yaml", "a: 1\n");
    let console = Arc::new(MemorySink::default());
    let mut config = RunConfig::new(ws.path().to_path_buf());
    config.dry_run = true;
    let log = Log::new(console.clone(), None, false);
    let src = r#"
        echo "yaml=${readYaml(file: 'in.yaml')}"
        echo "json=${readJSON(file: 'missing.json')}"
        writeYaml file: 'out.yaml', data: [a: 2]
        writeJSON file: 'out.json', json: [a: 2]
        echo "text=${writeJSON(json: [a: 3], returnText: true)}"
    "#;
    let Ok((_, result)) = run_source(src, "Jenkinsfile", config, log) else {
        panic!("the test pipeline runs");
    };
    let text = console.text();
    assert_eq!(result, BuildResult::Success, "{text}");
    assert_line(&text, "yaml=[a:1]");
    assert_line(&text, "json=[:]");
    assert_line(&text, r#"text={"a":3}"#);
    assert!(text.contains("[dry-run] writeYaml:"), "{text}");
    assert!(text.contains("[dry-run] writeJSON: out.json"), "{text}");
    assert!(!ws.path().join("out.yaml").exists());
    assert!(!ws.path().join("out.json").exists());
}
