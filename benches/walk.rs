//! A full client walk over a generated system of 10^5 parts: every endpoint -> its connector
//! -> the connected adapter -> every part of that adapter, reading name, part type and every
//! control interface's kind, through the public handles. Target: at least 5 million parts
//! per second. Then 2 threads walking at once (reads only share the lock: the scaling is in
//! BENCHMARKS.md). `table_*` is the same walk reading each adapter's parts at once with
//! `DeviceTopology::read_parts` into one reused `PartTable` (one lock per adapter, no name
//! allocation), the API meant for walks (X77). The baseline in the group is the same walk over the system's `Snapshot`
//! (plain vectors), the floor for touching the same data.
//!
//! Run with `cargo bench --bench walk` (10^3 parts under `cargo test --benches`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use devtopo::{ConnectorType, DeviceKind, PartTable, Snapshot, System};

mod common;

/// Walks the system like a client; returns the number of parts visited.
fn walk(system: &System) -> usize {
    let mut visited = 0;
    for device in system.devices() {
        if device.kind().expect("kind") == DeviceKind::Adapter {
            continue;
        }
        let Ok(peer) = device
            .topology()
            .and_then(|t| t.connector(0))
            .and_then(|c| c.connected_to())
        else {
            continue;
        };
        let adapter = peer.as_part().topology().expect("topology");
        let parts = (0..adapter.connector_count().expect("count"))
            .map(|i| adapter.connector(i).map(|c| c.as_part().clone()))
            .chain(
                (0..adapter.subunit_count().expect("count"))
                    .map(|i| adapter.subunit(i).map(|s| s.as_part().clone())),
            );
        for part in parts {
            let part = part.expect("part");
            black_box(part.name().expect("name").len());
            black_box(part.part_type().expect("type"));
            for j in 0..part.control_interface_count().expect("count") {
                black_box(part.control_interface(j).expect("control").kind());
            }
            visited += 1;
        }
    }
    visited
}

/// The same walk, each adapter's parts read at once with `DeviceTopology::read_parts` into one
/// reused table (one lock per adapter, no allocation once the table has grown).
fn walk_table(system: &System, table: &mut PartTable) -> usize {
    let mut visited = 0;
    for device in system.devices() {
        if device.kind().expect("kind") == DeviceKind::Adapter {
            continue;
        }
        let Ok(peer) = device
            .topology()
            .and_then(|t| t.connector(0))
            .and_then(|c| c.connected_to())
        else {
            continue;
        };
        let adapter = peer.as_part().topology().expect("topology");
        adapter.read_parts(table).expect("read_parts");
        for row in &*table {
            black_box(row.name().len());
            black_box(row.part_type());
            for kind in row.controls() {
                black_box(kind);
            }
            visited += 1;
        }
    }
    visited
}

fn bench(c: &mut Criterion) {
    let parts = if common::full_run() { 100_000 } else { 1_000 };
    let system = devtopo::generate(parts, 1).expect("generate");
    let visited = walk(&system);
    assert_eq!(walk_table(&system, &mut PartTable::new()), visited);
    let mut group = c.benchmark_group("walk");
    group.sample_size(20);
    group.throughput(Throughput::Elements(visited as u64));
    group.bench_function(format!("devtopo_1_thread/{parts}"), |b| {
        b.iter(|| black_box(walk(&system)))
    });
    group.throughput(Throughput::Elements(2 * visited as u64));
    group.bench_function(format!("devtopo_2_threads/{parts}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                std::thread::scope(|s| {
                    let a = s.spawn(|| walk(&system));
                    let b = s.spawn(|| walk(&system));
                    black_box((a.join().ok(), b.join().ok()));
                });
                total += start.elapsed();
            }
            total
        })
    });
    group.throughput(Throughput::Elements(visited as u64));
    group.bench_function(format!("table_1_thread/{parts}"), |b| {
        let mut table = PartTable::new();
        b.iter(|| black_box(walk_table(&system, &mut table)))
    });
    group.throughput(Throughput::Elements(2 * visited as u64));
    group.bench_function(format!("table_2_threads/{parts}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                std::thread::scope(|s| {
                    let a = s.spawn(|| walk_table(&system, &mut PartTable::new()));
                    let b = s.spawn(|| walk_table(&system, &mut PartTable::new()));
                    black_box((a.join().ok(), b.join().ok()));
                });
                total += start.elapsed();
            }
            total
        })
    });
    // The snapshot walk finds each adapter by a scan: index it first so that the baseline
    // costs what touching the data costs.
    let mut snap = system.snapshot();
    snap.devices.sort_by(|a, b| a.id.cmp(&b.id));
    group.throughput(Throughput::Elements(visited as u64));
    group.bench_function(format!("snapshot_1_thread/{parts}"), |b| {
        b.iter(|| black_box(walk_snapshot_sorted(&snap)))
    });
    group.finish();
}

/// The same walk over the snapshot, its devices sorted by ID (binary search for the adapter).
fn walk_snapshot_sorted(snap: &Snapshot) -> usize {
    let mut visited = 0;
    for device in snap
        .devices
        .iter()
        .filter(|d| d.kind != DeviceKind::Adapter)
    {
        let Some(peer) = device
            .parts
            .first()
            .and_then(|p| p.connector.as_ref()?.peer.as_ref())
        else {
            continue;
        };
        let Ok(ix) = snap
            .devices
            .binary_search_by(|d| d.id.as_str().cmp(peer.device.as_str()))
        else {
            continue;
        };
        for part in &snap.devices[ix].parts {
            black_box(part.name.len());
            black_box(
                part.connector
                    .as_ref()
                    .map(|c| c.connector_type == ConnectorType::SoftwareIo),
            );
            for control in &part.controls {
                black_box(control.kind());
            }
            visited += 1;
        }
    }
    visited
}

criterion_group!(benches, bench);
criterion_main!(benches);
