//! Building systems: every bundled fixture, a system of 10^3 to 10^6 parts through the
//! builder API (cost per part should be flat), and one chain whose links are added in
//! signal order and in reverse order (the cycle check must keep both linear).
//!
//! Run with `cargo bench --bench build`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use devtopo::fixtures;

mod common;

type Fixture = fn() -> devtopo::Result<devtopo::System>;

fn fixtures(c: &mut Criterion) {
    let mut group = c.benchmark_group("fixtures");
    let all: [(&str, Fixture); 6] = [
        ("four_topologies", fixtures::four_topologies),
        ("sysvad_speaker", fixtures::sysvad_speaker),
        ("sysvad_mic_in", fixtures::sysvad_mic_in),
        ("sysvad_hdmi", fixtures::sysvad_hdmi),
        ("sysvad_micarray1", fixtures::sysvad_micarray1),
        ("real_hda_lineout", fixtures::real_hda_lineout),
    ];
    for (name, make) in all {
        group.bench_function(name, |bch| bch.iter(|| black_box(make().expect("fixture"))));
    }
    group.finish();
}

fn api(c: &mut Criterion) {
    let mut group = c.benchmark_group("build_api");
    group.sample_size(10);
    for parts in common::sizes(&[1_000, 10_000, 100_000, 1_000_000]) {
        group.throughput(criterion::Throughput::Elements(parts as u64));
        group.bench_with_input(BenchmarkId::new("chain_system", parts), &(), |bch, ()| {
            bch.iter(|| black_box(common::chain_system(parts).builder.build().expect("build")))
        });
    }
    for n in common::sizes(&[1_000, 10_000]) {
        group.throughput(criterion::Throughput::Elements(n as u64));
        for (label, reverse) in [("links_forward", false), ("links_reverse", true)] {
            group.bench_with_input(BenchmarkId::new(label, n), &(), |bch, ()| {
                bch.iter(|| black_box(common::linear_chain(n, reverse).0))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, fixtures, api);
criterion_main!(benches);
