//! Instruction-count probes for callgrind, where wall time on a shared machine is too noisy:
//! each `probe_*` function is one operation, kept out of line so that
//! `valgrind --tool=callgrind --toggle-collect='*probe_*'` counts only it.
//!
//! `cargo bench --bench probe --no-run`, then
//! `valgrind --tool=callgrind --toggle-collect='*probe_*' target/release/deps/probe-* OP N [SIZE]`;
//! instructions per operation = collected / N (BENCHMARKS.md has the commands and figures).
//! Only the public API of the builder and handles is used, so the same file measures older
//! versions for before/after figures. Without arguments (or in criterion's `--test` mode, as CI
//! runs it) every probe runs once at a small size.

use std::hint::black_box;

use devtopo::{CLSCTX_ALL, Connector, System, guids};

mod common;

#[inline(never)]
fn probe_round_trip(a: &Connector, b: &Connector) {
    a.connect_to(black_box(b)).expect("connect");
    a.disconnect().expect("disconnect");
}

/// The baselines of `benches/connect_disconnect.rs`: petgraph's `add_edge` + `remove_edge`,
/// bare and behind one `RwLock` write per call.
#[inline(never)]
fn probe_petgraph(
    g: &mut petgraph::stable_graph::StableGraph<u32, u8>,
    a: petgraph::stable_graph::NodeIndex,
    z: petgraph::stable_graph::NodeIndex,
) {
    let e = g.add_edge(black_box(a), black_box(z), 1);
    black_box(g.remove_edge(e));
}

#[inline(never)]
fn probe_petgraph_rwlock(
    g: &std::sync::RwLock<petgraph::stable_graph::StableGraph<u32, u8>>,
    a: petgraph::stable_graph::NodeIndex,
    z: petgraph::stable_graph::NodeIndex,
) {
    let e = g
        .write()
        .expect("lock")
        .add_edge(black_box(a), black_box(z), 1);
    black_box(g.write().expect("lock").remove_edge(e));
}

#[inline(never)]
fn probe_disconnect(a: &Connector) -> bool {
    black_box(a.disconnect()).is_ok()
}

#[inline(never)]
fn probe_build(parts: usize) -> System {
    common::chain_system(parts).builder.build().expect("build")
}

#[inline(never)]
fn probe_links(n: usize, reverse: bool) -> usize {
    black_box(common::linear_chain(n, reverse).0);
    n
}

#[inline(never)]
fn probe_set_level(level: &devtopo::PerChannelDbLevel, db: f32) {
    level.set_level(0, db, None).expect("set");
}

#[inline(never)]
fn probe_direct(sinks: &[std::sync::Arc<dyn devtopo::ControlChangeNotify>]) {
    for s in sinks {
        s.on_notify(black_box(1), None);
    }
}

#[inline(never)]
fn probe_name_outgoing(part: &devtopo::Part) -> usize {
    part.name().expect("name").len()
        + part
            .parts_outgoing()
            .expect("outgoing")
            .count()
            .expect("count") as usize
}

#[inline(never)]
fn probe_signal_path(t: &devtopo::DeviceTopology, a: &devtopo::Part, z: &devtopo::Part) -> u32 {
    t.signal_path(a, z, devtopo::MixedPaths::Allow)
        .expect("path")
        .count()
        .expect("count")
}

/// The client walk of `benches/walk.rs`: every endpoint -> connector 0 -> its peer's
/// topology -> every part's name, type and control kinds. Returns the parts visited.
#[inline(never)]
fn probe_walk(system: &System) -> usize {
    let mut visited = 0;
    for device in system.devices() {
        let Ok(peer) = device
            .topology()
            .and_then(|t| t.connector(0))
            .and_then(|c| c.connected_to())
        else {
            continue;
        };
        if device.kind().expect("kind") == devtopo::DeviceKind::Adapter {
            continue;
        }
        let t = peer.as_part().topology().expect("topology");
        let parts = (0..t.connector_count().expect("n"))
            .map(|i| t.connector(i).map(|c| c.as_part().clone()))
            .chain(
                (0..t.subunit_count().expect("n"))
                    .map(|i| t.subunit(i).map(|s| s.as_part().clone())),
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

/// The walk of `probe_walk` with each adapter read at once into a reused `PartTable`.
#[inline(never)]
fn probe_walk_table(system: &System, table: &mut devtopo::PartTable) -> usize {
    let mut visited = 0;
    for device in system.devices() {
        let Ok(peer) = device
            .topology()
            .and_then(|t| t.connector(0))
            .and_then(|c| c.connected_to())
        else {
            continue;
        };
        if device.kind().expect("kind") == devtopo::DeviceKind::Adapter {
            continue;
        }
        let t = peer.as_part().topology().expect("topology");
        t.read_parts(table).expect("read_parts");
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

#[inline(never)]
fn probe_fixture() -> System {
    devtopo::fixtures::four_topologies().expect("fixture")
}

#[inline(never)]
fn probe_load(text: &str, format: devtopo::file::Format) -> System {
    load(text, format)
}

#[inline(never)]
fn probe_value(text: &str, json: bool) {
    if json {
        drop(black_box(
            serde_json::from_str::<serde_json::Value>(text).expect("json"),
        ));
    } else {
        drop(black_box(text.parse::<toml::Table>().expect("toml")));
    }
}

/// The baseline of `mem_load` / `load_file`: `serde_json::Value` read from the same file
/// through a buffered reader (as `file::read_with` reads JSON: streamed, never the whole text).
#[inline(never)]
fn probe_value_reader(path: &str) -> serde_json::Value {
    let file = std::fs::File::open(path).expect("open");
    serde_json::from_reader(std::io::BufReader::with_capacity(1 << 16, file)).expect("json")
}

#[inline(never)]
fn probe_load_file(path: &str) -> System {
    load_file(path)
}

fn load(text: &str, format: devtopo::file::Format) -> System {
    devtopo::file::parse_with(text, format, "probe", &devtopo::file::Limits::none())
        .map_err(|e| e[0].to_string())
        .expect("load")
}

fn load_file(path: &str) -> System {
    devtopo::file::read_with(std::path::Path::new(path), &devtopo::file::Limits::none())
        .map_err(|e| e[0].to_string())
        .expect("load")
}

#[inline(never)]
fn probe_permanence(c: &Connector) -> bool {
    black_box(c.permanence().expect("permanence")).is_some()
}

#[inline(never)]
fn probe_is_connected(c: &Connector) -> bool {
    black_box(c.is_connected().expect("is_connected"))
}

/// The toolkit's cost (benches/instrument.rs): `IsConnected` (hooked) against `permanence`
/// (the same engine work, no hook), with recording off or on and with faults set.
fn run_instrument(op: &str, n: usize) {
    let chain = common::chain_system(1_000);
    let (ep, jack) = (chain.endpoint, chain.jacks[0]);
    let system = chain.builder.build().expect("build");
    let c = system.connector(ep).expect("endpoint");
    c.connect_to(&system.connector(jack).expect("jack"))
        .expect("connect");
    match op {
        "instrument_recording" => system.recorder().start(),
        "instrument_faults" => {
            for &m in &devtopo::Method::ALL[..8] {
                system
                    .faults()
                    .add(devtopo::Fault::on(m).always())
                    .expect("fault");
            }
        }
        "instrument_fault_elsewhere" => {
            let other = system.connector(chain.jacks[1]).expect("jack");
            let (dev, local) = (
                other
                    .as_part()
                    .topology()
                    .and_then(|t| t.device_id())
                    .expect("id"),
                other.as_part().local_id().expect("local id"),
            );
            let fault = devtopo::Fault::on(devtopo::Method::IConnector_IsConnected)
                .at_part(&dev, local)
                .always();
            system.faults().add(fault).expect("fault");
        }
        _ => {}
    }
    for i in 0..n {
        if op == "instrument_baseline" {
            black_box(probe_permanence(&c));
        } else {
            black_box(probe_is_connected(&c));
        }
        if i % 10_000 == 9_999 {
            system.recorder().clear();
        }
    }
}

fn run(op: &str, n: usize, size: usize) {
    match op {
        "instrument_baseline"
        | "instrument_off"
        | "instrument_recording"
        | "instrument_faults"
        | "instrument_fault_elsewhere" => run_instrument(op, n),
        "round_trip" | "disconnect_ok" | "disconnect_e_notfound" | "disconnect_read_only" => {
            let chain = common::chain_system(size);
            let (ep, jack) = (chain.endpoint, chain.jacks[chain.jacks.len() / 2]);
            let (unconnected, permanent) = (chain.jacks[0], chain.permanent[0]);
            let system = chain.builder.build().expect("build");
            let c = |k| system.connector(k).expect("connector");
            let (ep, jack, unconnected, permanent) = (c(ep), c(jack), c(unconnected), c(permanent));
            for _ in 0..n {
                match op {
                    "round_trip" => probe_round_trip(&ep, &jack),
                    "disconnect_ok" => {
                        ep.connect_to(&jack).expect("connect");
                        assert!(probe_disconnect(&ep));
                    }
                    "disconnect_e_notfound" => assert!(!probe_disconnect(&unconnected)),
                    _ => assert!(!probe_disconnect(&permanent)),
                }
            }
        }
        "petgraph" | "petgraph_rwlock" => {
            let total = size.max(2 * common::PARTS_PER_ADAPTER) + 1;
            let mut g = petgraph::stable_graph::StableGraph::with_capacity(total, total);
            let nodes: Vec<_> = (0..total as u32).map(|i| g.add_node(i)).collect();
            for w in nodes.windows(2) {
                g.add_edge(w[0], w[1], 0);
            }
            let (a, z) = (nodes[0], nodes[total / 2]);
            if op == "petgraph" {
                (0..n).for_each(|_| probe_petgraph(&mut g, a, z));
            } else {
                let g = std::sync::RwLock::new(g);
                (0..n).for_each(|_| probe_petgraph_rwlock(&g, a, z));
            }
        }
        "build" => (0..n).for_each(|_| drop(probe_build(size))),
        "links_forward" | "links_reverse" => (0..n).for_each(|_| {
            black_box(probe_links(size, op == "links_reverse"));
        }),
        "set_level" | "direct" => {
            let (b, _, _) = common::linear_chain(1, false);
            let system = b.build().expect("build");
            let vol = system
                .devices()
                .remove(0)
                .topology()
                .expect("t")
                .subunit(0)
                .expect("s");
            let sinks: Vec<std::sync::Arc<dyn devtopo::ControlChangeNotify>> = (0..size)
                .map(|_| {
                    std::sync::Arc::new(|pid: u32, _: Option<devtopo::Guid>| {
                        black_box(pid);
                    }) as std::sync::Arc<dyn devtopo::ControlChangeNotify>
                })
                .collect();
            if op == "direct" {
                (0..n).for_each(|_| probe_direct(&sinks));
                return;
            }
            for s in &sinks {
                vol.as_part()
                    .register_control_change_callback(guids::IID_IAudioVolumeLevel, s.clone())
                    .expect("register");
            }
            let level = vol
                .as_part()
                .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)
                .expect("activate")
                .into_level()
                .expect("level");
            for i in 0..n {
                probe_set_level(&level, if i % 2 == 0 { -6.0 } else { 0.0 });
            }
        }
        "name_outgoing" => {
            let (b, input, _) = common::linear_chain(10, false);
            let system = b.build().expect("build");
            let part = system.part(input).expect("part");
            (0..n).for_each(|_| {
                black_box(probe_name_outgoing(&part));
            });
        }
        "fixture" => (0..n).for_each(|_| drop(probe_fixture())),
        "walk" => {
            let system = devtopo::generate(size, 1).expect("generate");
            let mut visited = 0;
            (0..n).for_each(|_| visited += probe_walk(&system));
            println!("visited {visited}");
        }
        "walk_table" => {
            let system = devtopo::generate(size, 1).expect("generate");
            let mut table = devtopo::PartTable::new();
            let mut visited = 0;
            (0..n).for_each(|_| visited += probe_walk_table(&system, &mut table));
            println!("visited {visited}");
        }
        "signal_path" => {
            let (b, input, output) = common::linear_chain(size, false);
            let system = b.build().expect("build");
            let (a, z) = (
                system.part(input).expect("in"),
                system.part(output).expect("out"),
            );
            let t = a.topology().expect("topology");
            (0..n).for_each(|_| {
                black_box(probe_signal_path(&t, &a, &z));
            });
        }
        "load_json" | "load_toml" => {
            let path = std::env::var("PROBE_FILE").expect("PROBE_FILE names the file to load");
            let text = std::fs::read_to_string(path).expect("read");
            let format = if op == "load_json" {
                devtopo::file::Format::Json
            } else {
                devtopo::file::Format::Toml
            };
            (0..n).for_each(|_| drop(probe_load(&text, format)));
        }
        // The baselines of `benches/load.rs`: the same bytes into serde_json::Value / toml::Table.
        "value_json" | "value_toml" => {
            let path = std::env::var("PROBE_FILE").expect("PROBE_FILE names the file to load");
            let text = std::fs::read_to_string(path).expect("read");
            (0..n).for_each(|_| probe_value(&text, op == "value_json"));
        }
        // Memory (peak RSS under `/usr/bin/time -f %M`, minus `mem_empty`'s): a system built
        // through the API, or loaded from PROBE_FILE, held while the process ends.
        "mem_empty" => {}
        "mem_build" => {
            let system = probe_build(size);
            black_box(&system);
        }
        "mem_load" => {
            let path = std::env::var("PROBE_FILE").expect("PROBE_FILE names the file to load");
            let system = probe_load_file(&path);
            black_box(&system);
        }
        // The same file into `serde_json::Value` through a reader: peak RSS and instructions.
        "mem_value_json" => {
            let path = std::env::var("PROBE_FILE").expect("PROBE_FILE names the file to load");
            let value = probe_value_reader(&path);
            black_box(&value);
        }
        // The bytes of every name and ID of a system (what "beyond names" leaves out).
        "names" => {
            let system = match std::env::var("PROBE_FILE") {
                Ok(path) => {
                    let text = std::fs::read_to_string(&path).expect("read");
                    let format = if path.ends_with(".json") {
                        devtopo::file::Format::Json
                    } else {
                        devtopo::file::Format::Toml
                    };
                    load(&text, format)
                }
                Err(_) => probe_build(size),
            };
            let snap = system.snapshot();
            let parts: usize = snap.devices.iter().map(|d| d.parts.len()).sum();
            let bytes: usize = snap
                .devices
                .iter()
                .map(|d| {
                    d.id.len() + d.name.len() + d.parts.iter().map(|p| p.name.len()).sum::<usize>()
                })
                .sum();
            println!("parts {parts} name_bytes {bytes}");
        }
        other => panic!("unknown probe {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a.starts_with("--")) {
        for op in [
            "round_trip",
            "petgraph",
            "petgraph_rwlock",
            "disconnect_ok",
            "disconnect_e_notfound",
            "disconnect_read_only",
            "build",
            "links_forward",
            "links_reverse",
            "set_level",
            "direct",
            "name_outgoing",
            "fixture",
            "walk",
            "walk_table",
            "signal_path",
            "instrument_baseline",
            "instrument_off",
            "instrument_recording",
            "instrument_faults",
            "instrument_fault_elsewhere",
        ] {
            run(op, 1, 200);
        }
        return;
    }
    let n = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
    let size = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1_000);
    run(&args[0], n, size);
}
