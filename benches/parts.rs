//! `IPart::GetName` + `EnumPartsOutgoing` on one part, the two calls of a client walk that
//! allocate (a `String`, a parts list), next to `GetLocalId` (no allocation) as the floor.
//!
//! Run with `cargo bench --bench parts`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

mod common;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("part_calls");
    let (b, input, _) = common::linear_chain(10, false);
    let system = b.build().expect("build");
    let part = system.part(input).expect("part");
    group.bench_function("name_and_outgoing", |bch| {
        bch.iter(|| {
            let name = part.name().expect("name");
            let list = part.parts_outgoing().expect("outgoing");
            black_box((name.len(), list.count()))
        })
    });
    group.bench_function("local_id", |bch| {
        bch.iter(|| black_box(part.local_id().expect("local id")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
