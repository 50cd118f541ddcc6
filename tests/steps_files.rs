//! The workspace file and data steps (`files.rs`, `archive.rs`, `data.rs`): small scripted
//! pipelines run in a temporary workspace, checked by the files they leave, what they print
//! and the build result.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pipewright::exec::log::{Log, MemorySink};
use pipewright::exec::result::BuildResult;
use pipewright::exec::run::RunConfig;
use pipewright::exec::runner::{run_source, RunError};

/// One finished run: its result and its console.
struct Ran {
    result: BuildResult,
    log: String,
}

fn run_with(ws: &Path, build_dir: Option<PathBuf>, src: &str) -> Ran {
    let console = Arc::new(MemorySink::default());
    let mut config = RunConfig::new(ws.to_path_buf());
    config.build_dir = build_dir;
    let log = Log::new(console.clone(), None, false);
    match run_source(src, "Jenkinsfile", config, log) {
        Ok((_, result)) => Ran {
            result,
            log: console.text(),
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
