//! The `.pipe/` directory of a workspace: per job, the build counter, the previous build's
//! result (for `changed`/`fixed`/`regression`) and commit (for `changelog`/`changeset`),
//! and one directory per build with its log, stashes and archived artifacts.
//!
//! ```text
//! .pipe/jobs/<job>/state.json      {"lastBuild": 7, "lastCompleted": {"number": 7, "result": "SUCCESS", "commit": "…"}}
//! .pipe/jobs/<job>/lock            held for the whole build under disableConcurrentBuilds()
//! .pipe/jobs/<job>/builds/<n>/log
//! .pipe/jobs/<job>/builds/<n>/archive/…
//! .pipe/jobs/<job>/builds/<n>/stashes/<name>/…
//! ```

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::result::BuildResult;
use super::run::PreviousBuild;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct StateFile {
    last_build: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_completed: Option<Completed>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Completed {
    number: u64,
    result: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    commit: Option<String>,
}

/// A job's state directory.
pub struct JobState {
    dir: PathBuf,
}

/// A job name usable as a directory name.
fn dir_name(job: &str) -> String {
    job.chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

impl JobState {
    pub fn new(workspace: &Path, job: &str) -> JobState {
        JobState {
            dir: workspace.join(".pipe").join("jobs").join(dir_name(job)),
        }
    }

    fn state_path(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    fn open_locked(&self) -> std::io::Result<File> {
        std::fs::create_dir_all(&self.dir)?;
        let f = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.state_path())?;
        f.lock()?;
        Ok(f)
    }

    fn read(f: &mut File) -> StateFile {
        let mut s = String::new();
        let _ = f.read_to_string(&mut s);
        serde_json::from_str(&s).unwrap_or_default()
    }

    fn write(f: &mut File, state: &StateFile) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(state).map_err(std::io::Error::other)?;
        f.set_len(0)?;
        f.rewind()?;
        f.write_all(text.as_bytes())?;
        f.write_all(b"\n")
    }

    /// Takes the next build number and returns it with the previous completed build.
    pub fn start_build(&self) -> std::io::Result<(u64, Option<PreviousBuild>)> {
        let mut f = self.open_locked()?;
        let mut state = Self::read(&mut f);
        state.last_build += 1;
        Self::write(&mut f, &state)?;
        let previous = state.last_completed.map(|c| PreviousBuild {
            number: c.number,
            result: BuildResult::from_jenkins(&c.result),
            commit: c.commit,
        });
        Ok((state.last_build, previous))
    }

    /// Records a finished build as the previous one for the next run.
    pub fn finish_build(
        &self,
        number: u64,
        result: BuildResult,
        commit: Option<String>,
    ) -> std::io::Result<()> {
        let mut f = self.open_locked()?;
        let mut state = Self::read(&mut f);
        if state
            .last_completed
            .as_ref()
            .is_none_or(|c| c.number <= number)
        {
            state.last_completed = Some(Completed {
                number,
                result: result.to_string(),
                commit,
            });
        }
        state.last_build = state.last_build.max(number);
        Self::write(&mut f, &state)
    }

    /// The directory of build `n`.
    pub fn build_dir(&self, n: u64) -> PathBuf {
        self.dir.join("builds").join(n.to_string())
    }

    /// Takes the job's lock (`disableConcurrentBuilds()`): returns `None` when another build
    /// holds it, so the caller can say so and wait with [`JobState::wait_lock`].
    pub fn try_lock(&self) -> std::io::Result<Option<File>> {
        std::fs::create_dir_all(&self.dir)?;
        let f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.dir.join("lock"))?;
        match f.try_lock() {
            Ok(()) => Ok(Some(f)),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }

    pub fn wait_lock(&self) -> std::io::Result<File> {
        let f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.dir.join("lock"))?;
        f.lock()?;
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_numbers_count_up_and_the_previous_result_is_kept() {
        let ws = tempfile::tempdir().unwrap();
        let job = JobState::new(ws.path(), "my job");
        let (n1, prev1) = job.start_build().unwrap();
        assert_eq!((n1, prev1), (1, None));
        job.finish_build(1, BuildResult::Failure, Some("abc".into()))
            .unwrap();
        let (n2, prev2) = job.start_build().unwrap();
        assert_eq!(n2, 2);
        assert_eq!(
            prev2,
            Some(PreviousBuild {
                number: 1,
                result: BuildResult::Failure,
                commit: Some("abc".into())
            })
        );
        assert!(job.build_dir(2).ends_with(".pipe/jobs/my_job/builds/2"));
        let held = job.try_lock().unwrap();
        assert!(held.is_some());
        assert!(
            job.try_lock().unwrap().is_none(),
            "a second holder is refused"
        );
        drop(held);
        assert!(job.try_lock().unwrap().is_some());
    }
}
