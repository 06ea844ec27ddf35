//! `IConnector::ConnectTo` + `Disconnect` round trips through devtopo's public handles, next to
//! the bare petgraph baseline (`StableGraph::add_edge` + `remove_edge`) on a graph of the same
//! size, so the ratio can be read off one run. Sizes 10^3, 10^4 and 10^5 parts show how cost
//! grows. The error paths (`E_NOTFOUND`, `ERROR_FILE_READ_ONLY`) are measured too.
//!
//! Run with `cargo bench --bench connect_disconnect`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use devtopo::{
    Connector, ConnectorSpec, ConnectorType, ControlSpec, DataFlow, DeviceKind, DeviceSpec,
    LevelSpec, Permanence, SubunitSpec, System, SystemBuilder, guids,
};
use petgraph::stable_graph::StableGraph;

/// Parts per adapter device: 50 connectors and 50 subunits, linked in chains.
const PARTS_PER_ADAPTER: usize = 100;

struct Fixture {
    system: System,
    endpoint: Connector,
    jack: Connector,
    permanent: Connector,
    unconnected: Connector,
}

/// A system of about `parts` parts: adapters of 100 parts each, plus one capture endpoint.
fn build(parts: usize) -> Fixture {
    let mut b = SystemBuilder::new();
    let ep = b
        .add_device(DeviceSpec::new(
            "ep",
            "Endpoint",
            DeviceKind::CaptureEndpoint,
        ))
        .expect("endpoint");
    let ep_c = b
        .add_connector(
            ep,
            ConnectorSpec::new("", DataFlow::Out, ConnectorType::PhysicalExternal),
        )
        .expect("endpoint connector");
    let mut jacks = Vec::new();
    let mut fixed = Vec::new();
    for a in 0..(parts / PARTS_PER_ADAPTER).max(2) {
        let dev = b
            .add_device(DeviceSpec::new(
                format!("adapter{a}"),
                "Adapter",
                DeviceKind::Adapter,
            ))
            .expect("adapter");
        let mut prev = None;
        for i in 0..PARTS_PER_ADAPTER / 2 {
            let (flow, ty) = match i {
                0 => (DataFlow::In, ConnectorType::PhysicalExternal),
                1 => (DataFlow::Out, ConnectorType::SoftwareFixed),
                2 => (DataFlow::In, ConnectorType::SoftwareFixed),
                _ => (DataFlow::Out, ConnectorType::SoftwareIo),
            };
            let c = b
                .add_connector(dev, ConnectorSpec::new("c", flow, ty))
                .expect("connector");
            let s = b
                .add_subunit(
                    dev,
                    SubunitSpec::new("s", guids::KSNODETYPE_VOLUME)
                        .control(ControlSpec::VolumeLevel(LevelSpec::sysvad_volume(2))),
                )
                .expect("subunit");
            if let Some(p) = prev {
                b.add_link(p, s).expect("link");
            }
            b.add_link(c, s).expect("link");
            prev = Some(s);
            match i {
                0 => jacks.push(c),
                1 | 2 => fixed.push((a, i, c)),
                _ => {}
            }
        }
    }
    // Chain adapters with permanent links: adapter a's Out (i = 1) to adapter a+1's In (i = 2).
    let outs: Vec<_> = fixed.iter().filter(|f| f.1 == 1).map(|f| f.2).collect();
    let ins: Vec<_> = fixed.iter().filter(|f| f.1 == 2).map(|f| f.2).collect();
    for (o, i) in outs.iter().zip(ins.iter().skip(1)) {
        b.connect(*o, *i, Permanence::Permanent).expect("permanent");
    }
    let jack = jacks[jacks.len() / 2];
    let system = b.build().expect("build");
    Fixture {
        endpoint: system.connector(ep_c).expect("endpoint"),
        jack: system.connector(jack).expect("jack"),
        permanent: system.connector(outs[0]).expect("permanent"),
        unconnected: system.connector(jacks[0]).expect("unconnected"),
        system,
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("connect_disconnect");
    for parts in [1_000usize, 10_000, 100_000] {
        let f = build(parts);
        let total: usize = f
            .system
            .devices()
            .iter()
            .map(|d| {
                let t = d.topology().expect("topology");
                (t.connector_count().expect("count") + t.subunit_count().expect("count")) as usize
            })
            .sum();
        group.bench_with_input(
            BenchmarkId::new("devtopo_connect_disconnect", parts),
            &f,
            |bch, f| {
                bch.iter(|| {
                    f.endpoint.connect_to(black_box(&f.jack)).expect("connect");
                    f.endpoint.disconnect().expect("disconnect");
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("devtopo_disconnect_e_notfound", parts),
            &f,
            |bch, f| bch.iter(|| black_box(f.unconnected.disconnect().is_err())),
        );
        group.bench_with_input(
            BenchmarkId::new("devtopo_disconnect_read_only", parts),
            &f,
            |bch, f| bch.iter(|| black_box(f.permanent.disconnect().is_err())),
        );

        // Baseline: a bare StableGraph with as many nodes and links.
        let mut g: StableGraph<u32, u8> = StableGraph::with_capacity(total, total);
        let nodes: Vec<_> = (0..total as u32).map(|i| g.add_node(i)).collect();
        for w in nodes.windows(2) {
            g.add_edge(w[0], w[1], 0);
        }
        let (a, z) = (nodes[0], nodes[total / 2]);
        group.bench_with_input(
            BenchmarkId::new("petgraph_add_remove_edge", parts),
            &(),
            |bch, ()| {
                bch.iter(|| {
                    let e = g.add_edge(black_box(a), black_box(z), 1);
                    black_box(g.remove_edge(e));
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
