//! Parse throughput over the shared corpora (real-world Jenkinsfiles, the declarative
//! plugin's pipelines and the Groovy conformance cases), in bytes per second:
//! `cargo bench --bench parse` reports MB/s.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let dirs = [
        ("corpus/real-world", false),
        ("corpus/declarative-valid", true),
        ("groovy-conformance/cases", true),
    ];
    let mut out = Vec::new();
    for (dir, only_groovy) in dirs {
        let mut paths: Vec<PathBuf> = fs::read_dir(shared.join(dir))
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let wanted = if only_groovy {
                ext == "groovy"
            } else {
                !matches!(ext, "tsv" | "txt" | "md")
            };
            if wanted {
                if let Ok(bytes) = fs::read(&p) {
                    out.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
    }
    out
}

fn bench_parse(c: &mut Criterion) {
    let files = corpus();
    if files.is_empty() {
        eprintln!("skipped: ../shared is not beside the repository");
        return;
    }
    let bytes: usize = files.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for src in &files {
                let _ = black_box(pipewright::syntax::parse(black_box(src)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
