//! `IAudioVolumeLevel::SetLevel` with 0, 1 and 100 registered callbacks, next to calling the
//! same closure directly through `dyn ControlChangeNotify` 1 and 100 times, so the cost per
//! callback reads as `(t(100) - t(0)) / 100` against `direct(100) / 100` (target: at most 1.5x).
//!
//! Run with `cargo bench --bench set_level`.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use devtopo::{CLSCTX_ALL, ControlChangeNotify, Guid, guids};

mod common;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("set_level");
    let calls = Arc::new(AtomicU64::new(0));
    let sink = |calls: &Arc<AtomicU64>| -> Arc<dyn ControlChangeNotify> {
        let calls = calls.clone();
        Arc::new(move |pid: u32, _: Option<Guid>| {
            calls.fetch_add(u64::from(pid & 1), Ordering::Relaxed);
        })
    };
    for callbacks in [0usize, 1, 100] {
        let (b, _, _) = common::linear_chain(1, false);
        let system = b.build().expect("build");
        let vol = system
            .devices()
            .remove(0)
            .topology()
            .expect("topology")
            .subunit(0)
            .expect("subunit");
        for _ in 0..callbacks {
            vol.as_part()
                .register_control_change_callback(guids::IID_IAudioVolumeLevel, sink(&calls))
                .expect("register");
        }
        let level = vol
            .as_part()
            .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)
            .expect("activate")
            .into_level()
            .expect("level");
        let mut db = 0.0f32;
        group.bench_with_input(BenchmarkId::new("set_level", callbacks), &(), |bch, ()| {
            bch.iter(|| {
                // Alternate between two levels so that every call is a change (N5).
                db = if db == 0.0 { -6.0 } else { 0.0 };
                level.set_level(0, black_box(db), None).expect("set");
            })
        });
    }
    for n in [1usize, 100] {
        let sinks: Vec<Arc<dyn ControlChangeNotify>> = (0..n).map(|_| sink(&calls)).collect();
        group.bench_with_input(BenchmarkId::new("direct_closure", n), &(), |bch, ()| {
            bch.iter(|| {
                for s in black_box(&sinks) {
                    s.on_notify(black_box(1), None);
                }
            })
        });
    }
    group.finish();
    black_box(calls.load(Ordering::Relaxed));
}

criterion_group!(benches, bench);
criterion_main!(benches);
