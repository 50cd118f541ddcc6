//! Pipeline-run benchmarks that a statistics harness cannot repeat cheaply; each scenario
//! runs once per sample in a child process of its own (so peak memory is its own) and
//! prints wall time and peak resident memory.
//!
//! - `sh_sequential`: 1000 sequential `sh 'true'` steps, against a shell loop of 1000
//!   `sh -c true` (goal: at most 1.15× the loop).
//! - `parallel_1000`: a scripted `parallel` of 1000 branches that each `sleep 1`.
//!
//! `cargo bench --bench run` (all), or `cargo bench --bench run -- parallel_1000`.

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use pipewright::exec::log::{Log, MemorySink};
use pipewright::exec::result::BuildResult;
use pipewright::exec::run::RunConfig;
use pipewright::exec::runner::run_source;

const SAMPLES: usize = 5;

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

fn run_pipeline(src: &str) -> Duration {
    let ws = tempfile::tempdir().expect("workspace");
    let mut config = RunConfig::new(ws.path().to_path_buf());
    config.inputs.interactive = false;
    let log = Log::new(Arc::new(MemorySink::default()), None, false);
    let started = Instant::now();
    let (_, result) =
        run_source(src, "Jenkinsfile", config, log).unwrap_or_else(|_| panic!("did not start"));
    let took = started.elapsed();
    assert_eq!(result, BuildResult::Success);
    took
}

/// One scenario, in this (child) process: prints `name seconds peak_kib`.
fn scenario(name: &str) {
    let took = match name {
        "sh_sequential" => run_pipeline("node { for (int i = 0; i < 1000; i++) { sh 'true' } }"),
        "shell_loop" => {
            let started = Instant::now();
            let status = Command::new("sh")
                .arg("-c")
                .arg("i=0; while [ $i -lt 1000 ]; do sh -c true; i=$((i+1)); done")
                .status()
                .expect("sh");
            assert!(status.success());
            started.elapsed()
        }
        "parallel_1000" => run_pipeline(
            "def b = [:]\nfor (int i = 0; i < 1000; i++) { def n = i; b[\"b${n}\"] = { sleep 1; n } }\nnode { parallel b }",
        ),
        other => panic!("unknown scenario {other}"),
    };
    println!("{name} {:.4} {}", took.as_secs_f64(), peak_rss_kib());
}

fn measure(name: &str) -> (Vec<f64>, u64) {
    let exe = std::env::current_exe().expect("bench binary");
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..SAMPLES {
        let out = Command::new(&exe)
            .arg("--scenario")
            .arg(name)
            .output()
            .expect("run scenario");
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} failed: {}", String::from_utf8_lossy(&out.stderr)));
        let mut parts = line.split_whitespace().skip(1);
        times.push(
            parts
                .next()
                .and_then(|t| t.parse().ok())
                .unwrap_or(f64::NAN),
        );
        peak = peak.max(parts.next().and_then(|p| p.parse().ok()).unwrap_or(0));
    }
    times.sort_by(|a, b| a.total_cmp(b));
    (times, peak)
}

fn median(v: &[f64]) -> f64 {
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--scenario") {
        scenario(&args[i + 1]);
        return;
    }
    let filter = args.iter().skip(1).find(|a| !a.starts_with('-')).cloned();
    let wanted = |n: &str| filter.as_deref().is_none_or(|f| n.contains(f));
    if wanted("sh_sequential") {
        let (ours, ours_peak) = measure("sh_sequential");
        let (loop_, _) = measure("shell_loop");
        println!(
            "sh_sequential: 1000 × sh 'true': median {:.3} s (min {:.3}), peak {} MiB; shell loop of 1000 sh -c true: median {:.3} s; ratio {:.2}× (goal ≤ 1.15×)",
            median(&ours),
            ours[0],
            ours_peak / 1024,
            median(&loop_),
            median(&ours) / median(&loop_)
        );
    }
    if wanted("parallel_1000") {
        let (t, peak) = measure("parallel_1000");
        println!(
            "parallel_1000: 1000 branches × sleep 1: median {:.3} s (min {:.3}, max {:.3}), peak RSS {} MiB",
            median(&t),
            t[0],
            t[t.len() - 1],
            peak / 1024
        );
    }
}
