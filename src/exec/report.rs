//! Reports of a finished run: the stage table printed at the end, `--json FILE` and
//! `--junit FILE` (one test case per stage, so CI servers can show the stages).

use std::fmt::Write as _;

use super::result::BuildResult;
use super::run::{Run, StageStatus, TraceEntry};

/// The summary table of stages (empty when there were none).
pub fn summary(run: &Run) -> Vec<String> {
    let mut out = Vec::new();
    let stages = run.stages.lock();
    if !stages.is_empty() {
        let width = stages
            .iter()
            .map(|s| s.path.join(" » ").chars().count())
            .max()
            .unwrap_or(5)
            .max(5);
        out.push(format!(
            "{:<width$}  {:<9}  {:>8}",
            "Stage", "Result", "Duration"
        ));
        for s in stages.iter() {
            out.push(format!(
                "{:<width$}  {:<9}  {:>7.1}s",
                s.path.join(" » "),
                s.result.name(),
                s.duration.as_secs_f64()
            ));
        }
    }
    out
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonReport<'a> {
    job: &'a str,
    build: u64,
    result: BuildResult,
    duration_seconds: f64,
    stages: &'a [super::run::StageRecord],
    #[serde(skip_serializing_if = "Option::is_none")]
    calls: Option<&'a [TraceEntry]>,
}

/// `--json FILE`: the result and every stage (and, for a dry run, every step call).
pub fn json(run: &Run, result: BuildResult) -> String {
    let stages = run.stages.lock();
    let trace = run.trace.lock();
    let report = JsonReport {
        job: &run.config.job_name,
        build: run.config.build_number,
        result,
        duration_seconds: run.started.elapsed().as_secs_f64(),
        stages: &stages,
        calls: run.config.dry_run.then_some(&trace[..]),
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    run.log.mask(&s)
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// `--junit FILE`: a test suite named after the job with one test case per stage;
/// FAILURE is a failure, ABORTED an error, skipped and NOT_BUILT stages are skipped.
pub fn junit(run: &Run, result: BuildResult) -> String {
    let stages = run.stages.lock();
    let count = |f: &dyn Fn(StageStatus) -> bool| stages.iter().filter(|s| f(s.result)).count();
    let failures = count(&|r| matches!(r, StageStatus::Failure | StageStatus::Unstable));
    let errors = count(&|r| r == StageStatus::Aborted);
    let skipped = count(&|r| matches!(r, StageStatus::Skipped | StageStatus::NotBuilt));
    let total: f64 = stages.iter().map(|s| s.duration.as_secs_f64()).sum();
    let job = xml_escape(&run.config.job_name);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<testsuites name=\"{job}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"{total:.3}\">",
        stages.len()
    );
    let _ = writeln!(
        x,
        "  <testsuite name=\"{job} #{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"{total:.3}\">",
        run.config.build_number,
        stages.len()
    );
    let _ = writeln!(
        x,
        "    <properties><property name=\"result\" value=\"{result}\"/></properties>"
    );
    for s in stages.iter() {
        let (name, class) = match s.path.split_last() {
            Some((last, parents)) if !parents.is_empty() => {
                (last.clone(), format!("{job}.{}", parents.join(".")))
            }
            Some((last, _)) => (last.clone(), job.clone()),
            None => (String::new(), job.clone()),
        };
        let _ = write!(
            x,
            "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
            xml_escape(&class),
            xml_escape(&name),
            s.duration.as_secs_f64()
        );
        let inner = match s.result {
            StageStatus::Success => None,
            StageStatus::Unstable => {
                Some("<failure type=\"UNSTABLE\" message=\"stage unstable\"/>".to_string())
            }
            StageStatus::Failure => {
                Some("<failure type=\"FAILURE\" message=\"stage failed\"/>".to_string())
            }
            StageStatus::Aborted => {
                Some("<error type=\"ABORTED\" message=\"stage aborted\"/>".to_string())
            }
            StageStatus::NotBuilt => Some("<skipped message=\"not built\"/>".to_string()),
            StageStatus::Skipped => Some("<skipped message=\"stage skipped\"/>".to_string()),
        };
        match inner {
            None => x.push_str("/>\n"),
            Some(i) => {
                let _ = writeln!(x, ">{i}</testcase>");
            }
        }
    }
    x.push_str("  </testsuite>\n</testsuites>\n");
    run.log.mask(&x)
}

/// The `--dry-run` call tree: each step call under its stage path and branch, indented by
/// how many block steps enclose it.
pub fn call_tree(run: &Run) -> Vec<String> {
    let trace = run.trace.lock();
    let mut out = Vec::new();
    let mut last_heading: Option<String> = None;
    // Calls are indented relative to the first call under their heading.
    let mut base = 0;
    for e in trace.iter() {
        // A `stage` call is shown by the heading of the calls it makes.
        if e.step == "stage" {
            continue;
        }
        let mut heading = e.stages.join(" » ");
        if !e.branches.is_empty() {
            heading = format!("{heading} [{}]", e.branches.join(" » "));
        }
        if last_heading.as_deref() != Some(heading.as_str()) {
            out.push(if heading.is_empty() {
                "(no stage)".into()
            } else {
                heading.clone()
            });
            last_heading = Some(heading);
            base = e.depth;
        }
        let indent = "  ".repeat(e.depth.saturating_sub(base) + 1);
        out.push(format!("{indent}{}({})", e.step, e.args));
    }
    out
}
