//! `IConnector::ConnectTo` + `Disconnect` round trips through devtopo's public handles at
//! 10^3, 10^5 and 10^6 parts, next to two baselines in the same group: bare petgraph
//! `add_edge` + `remove_edge` on a graph of the same size, and the same petgraph edit behind
//! one uncontended `RwLock` write per call (the floor for a thread-safe handle). Then the
//! error paths of `Disconnect` (`E_NOTFOUND`, `ERROR_FILE_READ_ONLY`) against a successful
//! `Disconnect`.
//!
//! Run with `cargo bench --bench connect_disconnect`; figures in BENCHMARKS.md.

use std::hint::black_box;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use devtopo::{
    Connector, ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, Permanence,
    SystemBuilder,
};
use petgraph::stable_graph::StableGraph;

mod common;

fn round_trips(c: &mut Criterion) {
    let mut group = c.benchmark_group("connect_disconnect");
    for parts in common::sizes(&[1_000, 100_000, 1_000_000]) {
        let chain = common::chain_system(parts);
        let (endpoint, jack) = (chain.endpoint, chain.jacks[chain.jacks.len() / 2]);
        let system = chain.builder.build().expect("build");
        let (endpoint, jack) = (
            system.connector(endpoint).expect("endpoint"),
            system.connector(jack).expect("jack"),
        );
        let total = parts.max(2 * common::PARTS_PER_ADAPTER) + 1;
        group.bench_with_input(BenchmarkId::new("devtopo", parts), &(), |bch, ()| {
            bch.iter(|| {
                endpoint.connect_to(black_box(&jack)).expect("connect");
                endpoint.disconnect().expect("disconnect");
            })
        });

        // Baselines: a bare StableGraph with as many nodes and links, and the same behind a lock.
        let mut g: StableGraph<u32, u8> = StableGraph::with_capacity(total, total);
        let nodes: Vec<_> = (0..total as u32).map(|i| g.add_node(i)).collect();
        for w in nodes.windows(2) {
            g.add_edge(w[0], w[1], 0);
        }
        let (a, z) = (nodes[0], nodes[total / 2]);
        group.bench_with_input(BenchmarkId::new("petgraph", parts), &(), |bch, ()| {
            bch.iter(|| {
                let e = g.add_edge(black_box(a), black_box(z), 1);
                black_box(g.remove_edge(e));
            })
        });
        let locked = RwLock::new(g);
        group.bench_with_input(
            BenchmarkId::new("petgraph_rwlock", parts),
            &(),
            |bch, ()| {
                bch.iter(|| {
                    let e = locked
                        .write()
                        .expect("lock")
                        .add_edge(black_box(a), black_box(z), 1);
                    black_box(locked.write().expect("lock").remove_edge(e));
                })
            },
        );
    }
    group.finish();
}

/// `pairs` capture endpoints and as many adapters with one Physical_External jack each, plus
/// one permanent Software_Fixed connection and one connector that is never connected.
struct Pairs {
    endpoints: Vec<Connector>,
    jacks: Vec<Connector>,
    permanent: Connector,
    unconnected: Connector,
}

fn pairs(n: usize) -> Pairs {
    let mut b = SystemBuilder::new();
    let mut keys = Vec::new();
    for i in 0..n {
        let ep = b
            .add_device(DeviceSpec::new(
                format!("ep{i}"),
                "Mic",
                DeviceKind::CaptureEndpoint,
            ))
            .expect("endpoint");
        let ep_c = b
            .add_connector(
                ep,
                ConnectorSpec::new("", DataFlow::Out, ConnectorType::PhysicalExternal),
            )
            .expect("connector");
        let dev = b
            .add_device(DeviceSpec::new(
                format!("adapter{i}"),
                "Adapter",
                DeviceKind::Adapter,
            ))
            .expect("adapter");
        let jack = b
            .add_connector(
                dev,
                ConnectorSpec::new("Mic", DataFlow::In, ConnectorType::PhysicalExternal),
            )
            .expect("jack");
        keys.push((ep_c, jack));
    }
    let x = b
        .add_device(DeviceSpec::new("x", "X", DeviceKind::Adapter))
        .expect("x");
    let y = b
        .add_device(DeviceSpec::new("y", "Y", DeviceKind::Adapter))
        .expect("y");
    let fixed = |b: &mut SystemBuilder, d, flow| {
        b.add_connector(
            d,
            ConnectorSpec::new("f", flow, ConnectorType::SoftwareFixed),
        )
        .expect("fixed")
    };
    let (out, inp) = (
        fixed(&mut b, x, DataFlow::Out),
        fixed(&mut b, y, DataFlow::In),
    );
    let lone = fixed(&mut b, x, DataFlow::In);
    b.connect(out, inp, Permanence::Permanent)
        .expect("permanent");
    let system = b.build().expect("build");
    Pairs {
        endpoints: keys
            .iter()
            .map(|k| system.connector(k.0).expect("endpoint"))
            .collect(),
        jacks: keys
            .iter()
            .map(|k| system.connector(k.1).expect("jack"))
            .collect(),
        permanent: system.connector(out).expect("permanent"),
        unconnected: system.connector(lone).expect("lone"),
    }
}

fn error_paths(c: &mut Criterion) {
    let mut group = c.benchmark_group("disconnect_paths");
    let p = pairs(1024);
    // A successful Disconnect: connect the 1024 pairs (not timed), then time their Disconnects.
    group.bench_function("disconnect_ok", |bch| {
        bch.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut left = iters;
            while left > 0 {
                let n = left.min(p.endpoints.len() as u64) as usize;
                for (e, j) in p.endpoints.iter().zip(&p.jacks).take(n) {
                    e.connect_to(j).expect("connect");
                }
                let start = Instant::now();
                for e in p.endpoints.iter().take(n) {
                    black_box(e.disconnect().is_ok());
                }
                total += start.elapsed();
                left -= n as u64;
            }
            total
        })
    });
    group.bench_function("disconnect_e_notfound", |bch| {
        bch.iter(|| black_box(p.unconnected.disconnect().is_err()))
    });
    group.bench_function("disconnect_read_only", |bch| {
        bch.iter(|| black_box(p.permanent.disconnect().is_err()))
    });
    group.finish();
}

criterion_group!(benches, round_trips, error_paths);
criterion_main!(benches);
