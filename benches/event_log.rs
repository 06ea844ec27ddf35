//! The event log's cost (X72): a `ConnectTo` + `Disconnect` round trip and a `SetLevel`
//! through devtopo's handles with the log off (the default), on, and on at capacity (every
//! append drops the oldest event), in one group, so the ratios are measured in the same run.
//! The same calls with the log off are the baseline.
//!
//! Run with `cargo bench --bench event_log`; figures in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use devtopo::{CLSCTX_ALL, EventLogging, PerChannelDbLevel, SystemPlan, plan};

/// A plan-built system (a few hundred parts), its first endpoint connector with its jack,
/// and its first volume control.
fn fixture() -> (
    devtopo::System,
    devtopo::Connector,
    devtopo::Connector,
    PerChannelDbLevel,
) {
    let p: SystemPlan = plan(300, 1);
    let system = p.build().expect("plans build");
    let endpoint = system
        .devices()
        .into_iter()
        .find(|d| d.kind().is_ok_and(|k| k.is_endpoint()))
        .expect("an endpoint");
    let own = endpoint
        .topology()
        .and_then(|t| t.connector(0))
        .expect("connector");
    let jack = own.connected_to().expect("bound to a jack");
    let volume = system
        .devices()
        .into_iter()
        .find_map(|d| {
            let t = d.topology().ok()?;
            (0..t.subunit_count().ok()?).find_map(|i| {
                t.subunit(i)
                    .ok()?
                    .as_part()
                    .activate_as::<PerChannelDbLevel>(CLSCTX_ALL)
                    .ok()
            })
        })
        .expect("a volume");
    (system, own, jack, volume)
}

fn event_log(c: &mut Criterion) {
    let mut group = c.benchmark_group("event_log");
    let modes = [
        ("off", EventLogging::Off),
        ("on", EventLogging::on()),
        ("full", EventLogging::On { capacity: 1_000 }),
    ];
    for (name, mode) in modes {
        let (system, own, jack, volume) = fixture();
        system.set_event_logging(mode);
        let mut calls = 0u32;
        group.bench_with_input(
            BenchmarkId::new("connect_disconnect", name),
            &(),
            |b, ()| {
                b.iter(|| {
                    own.disconnect().expect("disconnect");
                    own.connect_to(black_box(&jack)).expect("connect");
                    // Keep the "on" log's memory bounded across millions of iterations.
                    calls = calls.wrapping_add(1);
                    if calls % 20_000 == 0 {
                        system.drain_events();
                    }
                })
            },
        );
        let mut db = 0.0;
        group.bench_with_input(BenchmarkId::new("set_level", name), &(), |b, ()| {
            b.iter(|| {
                db = if db == 0.0 { -6.0 } else { 0.0 };
                volume.set_level(0, black_box(db), None).expect("set");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, event_log);
criterion_main!(benches);
