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
    Eof,
}

fn reader_thread<R: Read + Send + 'static>(r: R, tx: mpsc::Sender<Event>, capture: bool) {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(r);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    let text = String::from_utf8_lossy(&buf).into_owned();
                    let ev = if capture {
                        Event::Stdout(text)
                    } else {
                        Event::Line(
                            text.trim_end_matches('\n')
                                .trim_end_matches('\r')
                                .to_string(),
                        )
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
    let (tx, rx) = mpsc::channel();
    let mut open_streams = 0;
    if req.capture_stdout {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    } else {
        // One pipe for both streams keeps their interleaving.
        let (r, w) = std::io::pipe()?;
        let w2 = w.try_clone()?;
        cmd.stdout(w).stderr(w2);
        reader_thread(r, tx.clone(), false);
        open_streams += 1;
    }
    let mut child = cmd.spawn()?;
    // Drop the write ends held by `cmd` so EOF arrives when the child exits.
    drop(cmd);
    if req.capture_stdout {
        if let Some(out) = child.stdout.take() {
            reader_thread(out, tx.clone(), true);
            open_streams += 1;
        }
        if let Some(err) = child.stderr.take() {
            reader_thread(err, tx.clone(), false);
            open_streams += 1;
        }
    }
    drop(tx);
    let pgid = child.id() as i32;
    let mut stdout = String::new();
    let mut killed_at: Option<Instant> = None;
    let mut exited_at: Option<Instant> = None;
    while open_streams > 0 {
        match rx.recv_timeout(Duration::from_millis(20)) {
            Ok(Event::Line(l)) => on_line(&l),
            Ok(Event::Stdout(s)) => stdout.push_str(&s),
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
    drop(tmp_script);
    if killed_at.is_some() || interrupted() {
        // Whatever the script left running in its group goes too.
        kill_group(pgid, nix::sys::signal::Signal::SIGKILL);
        return Ok(ShOutcome::Interrupted);
    }
    let code = status.code().unwrap_or_else(|| {
        use std::os::unix::process::ExitStatusExt;
        128 + status.signal().unwrap_or(0)
    });
    Ok(ShOutcome::Exited { code, stdout, pgid })
}

/// Kills a process group (leftover background processes at the end of a run).
pub fn kill_group(pgid: i32, sig: nix::sys::signal::Signal) {
    let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(pgid), sig);
}
