//! A COM call against the Rust call of the same method, in the same criterion group (issue
//! 11): `IConnector::GetConnectedTo`, `IPart::GetName` and `IAudioVolumeLevel::SetLevel`
//! through the generated vtables against [`devtopo::Connector::connected_to`],
//! [`devtopo::Part::name`] and [`devtopo::PerChannelDbLevel::set_level`] on the same parts of
//! `fixtures::four_topologies()`. The ratio `com / rust` of each group is what the COM layer
//! adds: the vtable call, the object lookup, a fresh COM object (GetConnectedTo) or a
//! `CoTaskMemAlloc` string converted to UTF-16 (GetName).
//!
//! Run with `cargo bench -p devtopo-com --bench com_call`; figures in BENCHMARKS.md. Under
//! `cargo test --benches` each function runs once.

#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use devtopo::{CLSCTX_ALL, ControlKind, System, fixtures, guids};
use devtopo_com::{IAudioVolumeLevel, IPart, device_topology, take_pwstr};
use windows_core::Interface;

/// The first part of `system` with an `IAudioVolumeLevel`: its device and local ID.
fn volume_part(system: &System) -> (String, u32) {
    for device in system.devices() {
        let topology = device.topology().expect("topology");
        for i in 0..topology.subunit_count().expect("count") {
            let part = topology.subunit(i).expect("subunit").as_part().clone();
            let kinds = (0..part.control_interface_count().expect("count"))
                .map(|j| part.control_interface(j).expect("control").kind());
            if kinds.into_iter().any(|k| k == ControlKind::VolumeLevel) {
                return (device.id().expect("id"), part.local_id().expect("id").0);
            }
        }
    }
    panic!("the fixture has a volume subunit");
}

fn bench(c: &mut Criterion) {
    let system = fixtures::four_topologies().expect("fixture");
    let endpoint = system
        .device(fixtures::FOUR_EPB)
        .expect("endpoint")
        .topology()
        .expect("topology");
    let rust_connector = endpoint.connector(0).expect("connector");
    let com_topology = device_topology(&endpoint);
    // SAFETY: COM calls on a live interface pointer devtopo-com handed out.
    let com_connector = unsafe { com_topology.GetConnector(0) }.expect("connector");
    let rust_jack = rust_connector
        .connected_to()
        .expect("peer")
        .as_part()
        .clone();
    // SAFETY: as above.
    let com_jack: IPart = unsafe { com_connector.GetConnectedTo() }
        .expect("peer")
        .cast()
        .expect("IPart");

    let mut group = c.benchmark_group("com_call/get_connected_to");
    group.bench_function("rust", |b| {
        b.iter(|| black_box(rust_connector.connected_to().expect("peer")))
    });
    group.bench_function("com", |b| {
        // SAFETY: as above; the returned reference is released when the wrapper drops.
        b.iter(|| black_box(unsafe { com_connector.GetConnectedTo() }.expect("peer")))
    });
    group.finish();

    let mut group = c.benchmark_group("com_call/get_name");
    group.bench_function("rust", |b| {
        b.iter(|| black_box(rust_jack.name().expect("name")))
    });
    group.bench_function("com", |b| {
        b.iter(|| {
            // SAFETY: as above; take_pwstr frees the CoTaskMemAlloc string GetName returned.
            black_box(unsafe { take_pwstr(com_jack.GetName().expect("name")) })
        })
    });
    group.finish();

    let (device, local_id) = volume_part(&system);
    let rust_part = system
        .device(&device)
        .expect("device")
        .topology()
        .expect("topology")
        .part_by_id(devtopo::LocalId(local_id))
        .expect("part");
    let rust_level = rust_part
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)
        .expect("activate")
        .into_level()
        .expect("level");
    let com_device = device_topology(&rust_part.topology().expect("topology"));
    // SAFETY: as above.
    let com_part = unsafe { com_device.GetPartById(local_id) }.expect("part");
    let mut raw = std::ptr::null_mut();
    // SAFETY: as above; Activate writes one new reference to `raw`, owned by `from_raw`.
    let com_level = unsafe {
        com_part
            .Activate(CLSCTX_ALL, &IAudioVolumeLevel::IID, Some(&mut raw))
            .ok()
            .expect("activate");
        IAudioVolumeLevel::from_raw(raw)
    };
    let mut group = c.benchmark_group("com_call/set_level");
    let mut db = 0.0;
    group.bench_function("rust", |b| {
        b.iter(|| {
            db = if db == 0.0 { -6.0 } else { 0.0 };
            rust_level.set_level(0, black_box(db), None).expect("set")
        })
    });
    group.bench_function("com", |b| {
        b.iter(|| {
            db = if db == 0.0 { -6.0 } else { 0.0 };
            // SAFETY: as above.
            unsafe { com_level.SetLevel(0, black_box(db), None) }
                .ok()
                .expect("set")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
