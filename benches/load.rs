//! Loading generated topology files of 10^5 and 10^6 parts (JSON and TOML) next to parsing
//! the same bytes into `serde_json::Value` / `toml::Value`, the floor for reading the text
//! at all (target: at most 1.5x). The files are generated once into `target/bench-data/`
//! (`devtopo::generate`, seed 1) and reused.
//!
//! Run with `cargo bench --bench load`; `DEVTOPO_BENCH_SIZES=100000` picks sizes. Under
//! `cargo test --benches` or `-- --test` (CI) the size is 10^3, so the run stays short.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use devtopo::file::{Format, Limits, parse_with};

mod common;

fn sizes() -> Vec<usize> {
    if !common::full_run() {
        return vec![1_000];
    }
    std::env::var("DEVTOPO_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000])
}

/// The text of the generated file of `parts` parts in `format`, generated on first use.
fn file(parts: usize, format: Format) -> String {
    let ext = match format {
        Format::Toml => "toml",
        Format::Json => "json",
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let path = dir.join(format!("gen-{parts}-seed1.{ext}"));
    if let Ok(text) = std::fs::read_to_string(&path) {
        return text;
    }
    let system = devtopo::generate(parts, 1).expect("generate");
    let text = match format {
        Format::Toml => system.to_toml_string(),
        Format::Json => system.to_json_string(),
    }
    .expect("serialize");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(&path, &text);
    text
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    for parts in sizes() {
        for format in [Format::Json, Format::Toml] {
            let text = file(parts, format);
            let label = match format {
                Format::Json => "json",
                Format::Toml => "toml",
            };
            group.throughput(criterion::Throughput::Elements(parts as u64));
            group.bench_with_input(
                BenchmarkId::new(format!("devtopo_{label}"), parts),
                &text,
                |b, text| {
                    b.iter(|| {
                        black_box(parse_with(text, format, "bench", &Limits::none()).expect("load"))
                    })
                },
            );
            group.bench_with_input(
                BenchmarkId::new(format!("value_{label}"), parts),
                &text,
                |b, text| match format {
                    Format::Json => b.iter(|| {
                        black_box(serde_json::from_str::<serde_json::Value>(text).expect("json"))
                    }),
                    Format::Toml => {
                        b.iter(|| black_box(text.parse::<toml::Table>().expect("toml")))
                    }
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
