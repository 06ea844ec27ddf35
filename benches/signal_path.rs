//! `IDeviceTopology::GetSignalPath` from the input to the output of one chain of 10 to 10^4
//! volume subunits; the fitted exponent of cost against length is in BENCHMARKS.md (target
//! at most 1.1). The baseline in the group is walking the same chain with `EnumPartsOutgoing`
//! by hand, which touches the same parts.
//!
//! Run with `cargo bench --bench signal_path`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use devtopo::MixedPaths;

mod common;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("signal_path");
    for n in common::sizes(&[10, 100, 1_000, 10_000]) {
        let (b, input, output) = common::linear_chain(n, false);
        let system = b.build().expect("build");
        let (input, output) = (
            system.part(input).expect("in"),
            system.part(output).expect("out"),
        );
        let topology = input.topology().expect("topology");
        group.bench_with_input(BenchmarkId::new("get_signal_path", n), &(), |bch, ()| {
            bch.iter(|| {
                let path = topology
                    .signal_path(&input, &output, MixedPaths::Allow)
                    .expect("path");
                black_box(path.count())
            })
        });
        group.bench_with_input(BenchmarkId::new("walk_outgoing", n), &(), |bch, ()| {
            bch.iter(|| {
                let mut at = input.clone();
                let mut steps = 1;
                while let Ok(next) = at.parts_outgoing() {
                    at = next.part(0).expect("part");
                    steps += 1;
                }
                black_box(steps)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
