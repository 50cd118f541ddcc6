//! Evaluation speed on a Groovy-heavy script: loops, string building, maps, closures.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use pipewright::eval::interp::BufferOutput;
use pipewright::eval::runner::{eval_source, EvalOptions};

const SCRIPT: &str = r#"
def services = [:]
for (int i = 0; i < 200; i++) {
    services["svc-${i}"] = [port: 8000 + i, replicas: i % 3 + 1, tags: ['a', 'b', "v${i % 7}"]]
}
def total = 0
services.each { name, cfg -> total += cfg.replicas * cfg.port }
def names = services.keySet().findAll { it.endsWith('7') }.collect { it.toUpperCase() }.sort()
def sb = new StringBuilder()
services.eachWithIndex { name, cfg, idx ->
    if (idx % 10 == 0) sb.append("${name}:${cfg.port};")
}
def fib
fib = { n -> n < 2 ? n : fib(n - 1) + fib(n - 2) }
def versions = (1..300).collect { "1.${it % 17}.${it % 5}" }
def newest = versions.max { a, b ->
    def pa = a.tokenize('.')*.toInteger()
    def pb = b.tokenize('.')*.toInteger()
    pa[0] <=> pb[0] ?: pa[1] <=> pb[1] ?: pa[2] <=> pb[2]
}
def words = ('lorem ipsum dolor sit amet ' * 50).split(' ').toList()
def counts = words.countBy { it }
[total, names.size(), sb.length(), fib(15), newest, counts.size()]
"#;

fn bench(c: &mut Criterion) {
    c.bench_function("eval groovy-heavy script", |b| {
        b.iter(|| {
            let out = Arc::new(BufferOutput::default());
            eval_source(SCRIPT, EvalOptions::new("Bench.groovy", out)).ok()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
