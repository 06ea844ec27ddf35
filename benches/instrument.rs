//! The test-double toolkit's cost (issue 10 item 2, issue 11 item 4): one handle call with
//! recording off against a baseline doing the same work without the hook, then recording
//! on, faults none versus some, all in one group so each ratio is against a baseline
//! measured in the same run.
//!
//! The call is `IConnector::IsConnected` (a read: one lock, one slot lookup), the cheapest
//! method, where the hook's share is largest. The baseline is `Connector::permanence`, which
//! does exactly the same engine work but is not a COM method, so it has no hook.
//!
//! Run with `cargo bench --bench instrument`; figures in BENCHMARKS.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use devtopo::{Connector, Fault, HResult, Method, System};

mod common;

/// The calls timed between two clears of the record, so it never grows past this.
const CHUNK: u64 = 10_000;

fn system() -> (System, Connector) {
    let chain = common::chain_system(1_000);
    let (endpoint, jack) = (chain.endpoint, chain.jacks[0]);
    let system = chain.builder.build().expect("build");
    let c = system.connector(endpoint).expect("endpoint");
    c.connect_to(&system.connector(jack).expect("jack"))
        .expect("connect");
    (system, c)
}

fn instrument(c: &mut Criterion) {
    let mut group = c.benchmark_group("instrument");
    let (system, conn) = system();
    group.bench_function("baseline_unhooked", |b| {
        b.iter(|| black_box(conn.permanence().expect("permanence")))
    });
    group.bench_function("off", |b| {
        b.iter(|| black_box(conn.is_connected().expect("is_connected")))
    });
    // Recording on: the record is cleared every CHUNK calls, outside the timed part.
    let recorder = system.recorder();
    recorder.start();
    group.bench_function("recording_on", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut left = iters;
            while left > 0 {
                let n = left.min(CHUNK);
                let start = Instant::now();
                for _ in 0..n {
                    black_box(conn.is_connected().expect("is_connected"));
                }
                total += start.elapsed();
                recorder.clear();
                left -= n;
            }
            total
        })
    });
    recorder.stop();
    recorder.clear();
    // Faults set on other methods: the table is checked on every call, none fires.
    for n in [1, 8] {
        for i in 0..n {
            let method = Method::ALL[i % 4];
            system
                .faults()
                .add(Fault::on(method).always())
                .expect("fault");
        }
        group.bench_function(format!("faults_{n}_not_matching"), |b| {
            b.iter(|| black_box(conn.is_connected().expect("is_connected")))
        });
        system.faults().clear();
    }
    // A fault that fires on every call: the call returns the injected error.
    system
        .faults()
        .add(
            Fault::on(Method::IConnector_IsConnected)
                .always()
                .fail(HResult::E_OUTOFMEMORY),
        )
        .expect("fault");
    group.bench_function("fault_fires", |b| {
        b.iter(|| black_box(conn.is_connected().unwrap_err().hresult()))
    });
    system.faults().clear();
    group.bench_function("off_again", |b| {
        b.iter(|| black_box(conn.is_connected().expect("is_connected")))
    });
    group.finish();
}

criterion_group!(benches, instrument);
criterion_main!(benches);
