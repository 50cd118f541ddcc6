//! Running shell scripts for `sh`: in their own process group so a timeout or an abort can
//! kill the whole tree, with output streamed line by line as it comes.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indexmap::IndexMap;

/// A script to run.
pub struct ShRequest {
    pub script: String,
    pub cwd: PathBuf,
    pub env: IndexMap<String, String>,
    /// Capture stdout and return it instead of logging it (stderr is still logged).
    pub capture_stdout: bool,
}

/// How the script ended.
#[derive(Debug)]
pub enum ShOutcome {
    /// The shell exited; `pgid` is its process group, which background processes it started
    /// may still be in (the run kills such groups when it ends, as Jenkins does).
    Exited {
        code: i32,
        stdout: String,
        pgid: i32,
    },
    /// Stopped because `interrupted` said so; the process group was killed.
    Interrupted,
}

enum Event {
    Line(String),
    Stdout(String),
    Stderr(String),
    Eof,
}

/// What a reader thread makes of what it reads.
#[derive(Clone, Copy)]
enum Kind {
    /// Lines, without their end of line.
    Line,
    /// Captured standard output.
    Stdout,
    /// Captured standard error.
    Stderr,
}

fn reader_thread<R: Read + Send + 'static>(r: R, tx: mpsc::Sender<Event>, kind: Kind) {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(r);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    let text = String::from_utf8_lossy(&buf).into_owned();
                    let ev = match kind {
                        Kind::Stdout => Event::Stdout(text),
                        Kind::Stderr => Event::Stderr(text),
                        Kind::Line => Event::Line(
                            text.trim_end_matches('\n')
                                .trim_end_matches('\r')
                                .to_string(),
                        ),
                    };
                    if tx.send(ev).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = tx.send(Event::Eof);
    });
}

/// Runs `script` the way Jenkins' `sh` does: with `sh -xe` unless it starts with a `#!`
/// line (then that interpreter runs it). `on_line` gets each output line; `interrupted` is
/// polled while the script runs, and when it returns true the process group is sent SIGTERM,
/// then SIGKILL after a grace period.
pub fn run_sh(
    req: &ShRequest,
    on_line: &mut dyn FnMut(&str),
    interrupted: &dyn Fn() -> bool,
) -> std::io::Result<ShOutcome> {
    let mut tmp_script: Option<tempfile::TempPath> = None;
    let mut cmd = if req.script.starts_with("#!") {
        let mut f = tempfile::Builder::new()
            .prefix("pipe-sh-")
            .suffix(".sh")
            .tempfile()?;
        std::io::Write::write_all(&mut f, req.script.as_bytes())?;
        let path = f.into_temp_path();
        let mut perms = std::fs::metadata(&path)?.permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o700);
        std::fs::set_permissions(&path, perms)?;
        let c = Command::new(&path);
        tmp_script = Some(path);
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-xe").arg("-c").arg(&req.script);
        c
    };
    cmd.current_dir(&req.cwd)
        .env_clear()
        .envs(req.env.iter())
        .stdin(Stdio::null())
        .process_group(0);
    let streams = if req.capture_stdout {
        Streams::CaptureStdout
    } else {
        Streams::Merged
    };
    let out = supervise(cmd, streams, None, on_line, interrupted)?;
    drop(tmp_script);
    Ok(match out.status {
        None => ShOutcome::Interrupted,
        Some(code) => ShOutcome::Exited {
            code,
            stdout: out.stdout,
            pgid: out.pgid,
        },
    })
}

/// How a child's output streams are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Streams {
    /// stdout and stderr through one pipe, each line to `on_line` (their order kept).
    Merged,
    /// stdout captured, stderr lines to `on_line`.
    CaptureStdout,
    /// Both captured, nothing to `on_line`.
    CaptureBoth,
}

struct Supervised {
    /// The exit code, `None` when interrupted.
    status: Option<i32>,
    stdout: String,
    stderr: String,
    pgid: i32,
}

/// Spawns `cmd` in a process group of its own, feeds it `stdin`, reads its output as
/// `streams` says, and waits for it; when `interrupted` says so, the group gets SIGTERM,
/// then SIGKILL after a grace period.
fn supervise(
    mut cmd: Command,
    streams: Streams,
    stdin: Option<&str>,
    on_line: &mut dyn FnMut(&str),
    interrupted: &dyn Fn() -> bool,
) -> std::io::Result<Supervised> {
    let (tx, rx) = mpsc::channel();
    let mut open_streams = 0;
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
    }
    if streams == Streams::Merged {
        // One pipe for both streams keeps their interleaving.
        let (r, w) = std::io::pipe()?;
        let w2 = w.try_clone()?;
        cmd.stdout(w).stderr(w2);
        reader_thread(r, tx.clone(), Kind::Line);
        open_streams += 1;
    } else {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    }
    let mut child = cmd.spawn()?;
    // Drop the write ends held by `cmd` so EOF arrives when the child exits.
    drop(cmd);
    if let (Some(text), Some(mut input)) = (stdin, child.stdin.take()) {
        let text = text.to_string();
        std::thread::spawn(move || {
            let _ = std::io::Write::write_all(&mut input, text.as_bytes());
        });
    }
    if streams != Streams::Merged {
        if let Some(out) = child.stdout.take() {
            reader_thread(out, tx.clone(), Kind::Stdout);
            open_streams += 1;
        }
        if let Some(err) = child.stderr.take() {
            let kind = if streams == Streams::CaptureBoth {
                Kind::Stderr
            } else {
                Kind::Line
            };
            reader_thread(err, tx.clone(), kind);
            open_streams += 1;
        }
    }
    drop(tx);
    let pgid = child.id() as i32;
    let mut stdout = String::new();
    let mut stderr = String::new();
    let mut killed_at: Option<Instant> = None;
    let mut exited_at: Option<Instant> = None;
    while open_streams > 0 {
        match rx.recv_timeout(Duration::from_millis(20)) {
            Ok(Event::Line(l)) => on_line(&l),
            Ok(Event::Stdout(s)) => stdout.push_str(&s),
            Ok(Event::Stderr(s)) => stderr.push_str(&s),
            Ok(Event::Eof) => open_streams -= 1,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        // A background process may keep the output pipe open after the shell exits: stop
        // reading shortly after the shell is gone.
        match exited_at {
            None => {
                if child.try_wait()?.is_some() {
                    exited_at = Some(Instant::now());
                }
            }
            Some(t) if t.elapsed() > Duration::from_millis(200) => break,
            Some(_) => {}
        }
        if interrupted() {
            match killed_at {
                None => {
                    kill_group(pgid, nix::sys::signal::Signal::SIGTERM);
                    killed_at = Some(Instant::now());
                }
                Some(t) if t.elapsed() > Duration::from_secs(3) => {
                    kill_group(pgid, nix::sys::signal::Signal::SIGKILL);
                }
                Some(_) => {}
            }
        }
    }
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if interrupted() {
            kill_group(pgid, nix::sys::signal::Signal::SIGKILL);
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    if killed_at.is_some() || interrupted() {
        // Whatever the script left running in its group goes too.
        kill_group(pgid, nix::sys::signal::Signal::SIGKILL);
        return Ok(Supervised {
            status: None,
            stdout,
            stderr,
            pgid,
        });
    }
    let code = status.code().unwrap_or_else(|| {
        use std::os::unix::process::ExitStatusExt;
        128 + status.signal().unwrap_or(0)
    });
    Ok(Supervised {
        status: Some(code),
        stdout,
        stderr,
        pgid,
    })
}

/// A program to run directly, without a shell (`git`, `svn`).
pub struct CommandRequest {
    pub program: String,
    pub args: Vec<String>,
    pub cwd: PathBuf,
    /// The whole environment of the program.
    pub env: IndexMap<String, String>,
    /// Written to the program's standard input, which is then closed (a password for
    /// `--password-from-stdin`); without it the program reads nothing.
    pub stdin: Option<String>,
}

/// How a program ended.
#[derive(Debug)]
pub enum CommandOutcome {
    Exited {
        code: i32,
        stdout: String,
        stderr: String,
    },
    /// Stopped because `interrupted` said so; its process group was killed.
    Interrupted,
}

/// Runs a program in its own process group, capturing its output, and stops it when
/// `interrupted` returns true (as [`run_sh`] does).
pub fn run_command(
    req: &CommandRequest,
    interrupted: &dyn Fn() -> bool,
) -> std::io::Result<CommandOutcome> {
    let mut cmd = Command::new(&req.program);
    cmd.args(&req.args)
        .current_dir(&req.cwd)
        .env_clear()
        .envs(req.env.iter())
        .stdin(Stdio::null())
        .process_group(0);
    let out = supervise(
        cmd,
        Streams::CaptureBoth,
        req.stdin.as_deref(),
        &mut |_| {},
        interrupted,
    )?;
    Ok(match out.status {
        None => CommandOutcome::Interrupted,
        Some(code) => CommandOutcome::Exited {
            code,
            stdout: out.stdout,
            stderr: out.stderr,
        },
    })
}

/// Kills a process group (leftover background processes at the end of a run).
pub fn kill_group(pgid: i32, sig: nix::sys::signal::Signal) {
    let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(pgid), sig);
}
