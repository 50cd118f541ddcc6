//! Running shell scripts for `sh`: in their own process group so a timeout or an abort can
//! kill the whole tree, with output streamed line by line as it comes.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
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

/// One output stream of the script, read on the calling thread.
struct Stream {
    file: std::fs::File,
    /// Captured (returned as the step's value) rather than logged line by line.
    capture: bool,
    /// Bytes of a line not yet ended.
    partial: Vec<u8>,
    open: bool,
}

impl Stream {
    fn new(fd: impl Into<std::os::fd::OwnedFd>, capture: bool) -> Self {
        Stream {
            file: std::fs::File::from(fd.into()),
            capture,
            partial: Vec::new(),
            open: true,
        }
    }

    /// Reads what is available (the caller polled the descriptor); logs complete lines.
    fn read(&mut self, buf: &mut [u8], out: &mut Vec<u8>, on_line: &mut dyn FnMut(&str)) {
        match self.file.read(buf) {
            Ok(0) => self.close(on_line),
            Ok(n) if self.capture => out.extend_from_slice(&buf[..n]),
            Ok(n) => {
                self.partial.extend_from_slice(&buf[..n]);
                let mut start = 0;
                while let Some(i) = self.partial[start..].iter().position(|&b| b == b'\n') {
                    emit(&self.partial[start..start + i], on_line);
                    start += i + 1;
                }
                self.partial.drain(..start);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => self.close(on_line),
        }
    }

    fn close(&mut self, on_line: &mut dyn FnMut(&str)) {
        if !self.partial.is_empty() {
            let rest = std::mem::take(&mut self.partial);
            emit(&rest, on_line);
        }
        self.open = false;
    }
}

fn emit(line: &[u8], on_line: &mut dyn FnMut(&str)) {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    on_line(&String::from_utf8_lossy(line));
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
        let mut c = Command::new(shell_path(req.env.get("PATH").map(String::as_str)));
        c.arg("-xe").arg("-c").arg(&req.script);
        c
    };
    cmd.current_dir(&req.cwd)
        .env_clear()
        .envs(req.env.iter())
        .stdin(Stdio::null())
        .process_group(0);
    // Output is read on this thread with poll(2): no thread per step.
    let mut streams = Vec::new();
    if req.capture_stdout {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    } else {
        // One pipe for both streams keeps their interleaving.
        let (r, w) = std::io::pipe()?;
        let w2 = w.try_clone()?;
        cmd.stdout(w).stderr(w2);
        streams.push(Stream::new(r, false));
    }
    let mut child = cmd.spawn()?;
    // Drop the write ends held by `cmd` so EOF arrives when the child exits.
    drop(cmd);
    if let Some(out) = child.stdout.take() {
        streams.push(Stream::new(out, true));
    }
    if let Some(err) = child.stderr.take() {
        streams.push(Stream::new(err, false));
    }
    let pgid = child.id() as i32;
    let pidfd = pidfd_open(pgid);
    let mut stdout = Vec::new();
    let mut buf = [0u8; 8192];
    let mut killed_at: Option<Instant> = None;
    let mut exited_at: Option<Instant> = None;
    while streams.iter().any(|s| s.open) {
        use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
        use std::os::fd::AsFd;
        let ready: Vec<bool> = {
            let mut fds: Vec<PollFd> = streams
                .iter()
                .filter(|s| s.open)
                .map(|s| PollFd::new(s.file.as_fd(), PollFlags::POLLIN))
                .collect();
            // The shell's exit wakes the poll too (a background process may hold the pipe).
            if let (Some(fd), None) = (&pidfd, exited_at) {
                fds.push(PollFd::new(fd.as_fd(), PollFlags::POLLIN));
            }
            match poll(&mut fds, PollTimeout::from(20u8)) {
                Ok(_) => fds
                    .iter()
                    .map(|f| f.revents().is_some_and(|r| !r.is_empty()))
                    .collect(),
                Err(nix::errno::Errno::EINTR) => vec![false; fds.len()],
                Err(e) => return Err(e.into()),
            }
        };
        let mut ready = ready.into_iter();
        for s in streams.iter_mut().filter(|s| s.open) {
            if ready.next() == Some(true) {
                s.read(&mut buf, &mut stdout, on_line);
            }
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
    for s in streams.iter_mut().filter(|s| s.open) {
        s.close(on_line);
    }
    let stdout = String::from_utf8_lossy(&stdout).into_owned();
    // The output is closed, so the shell has almost always exited. Wait on its pidfd (or
    // poll with a short, growing pause where there is none), never blocking for good: the
    // script may have closed its output and kept running, and must stay interruptible.
    let mut pause = Duration::from_micros(50);
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if interrupted() {
            kill_group(pgid, nix::sys::signal::Signal::SIGKILL);
        }
        match &pidfd {
            Some(fd) => {
                use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
                use std::os::fd::AsFd;
                let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
                let _ = poll(&mut fds, PollTimeout::from(20u8));
            }
            None => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(10));
            }
        }
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

/// A descriptor that becomes readable when process `pid` exits (Linux 5.3+); `None` on
/// kernels without `pidfd_open`, where the caller polls instead.
fn pidfd_open(pid: i32) -> Option<std::os::fd::OwnedFd> {
    let pid = rustix::process::Pid::from_raw(pid)?;
    rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty()).ok()
}

/// `sh` resolved on the script's `PATH`. An absolute program lets the standard library
/// start it with `posix_spawn` (a vfork) instead of a full fork of this process, which is
/// most of the cost of a short `sh` step; a name to look up with a changed `PATH` would
/// force the fork.
fn shell_path(path_var: Option<&str>) -> PathBuf {
    use std::sync::Mutex;
    static CACHE: Mutex<Option<(String, PathBuf)>> = Mutex::new(None);
    let path_var = path_var.unwrap_or("/usr/bin:/bin");
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((p, found)) = cache.as_ref() {
        if p == path_var {
            return found.clone();
        }
    }
    let found = std::env::split_paths(path_var)
        .filter(|d| d.is_absolute())
        .map(|d| d.join("sh"))
        .find(|c| {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(c).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
        .unwrap_or_else(|| PathBuf::from("sh"));
    *cache = Some((path_var.to_string(), found.clone()));
    found
}

/// Kills a process group (leftover background processes at the end of a run).
pub fn kill_group(pgid: i32, sig: nix::sys::signal::Signal) {
    let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(pgid), sig);
}
