//! Model-based property tests of the core engine.
//!
//! Random valid topologies (adapters with connectors of random flow and type, endpoints with
//! one connector, random links forming a DAG, random connections, some permanent
//! Software_Fixed ones) are built through `SystemBuilder`, then random sequences of `ConnectTo`,
//! `Disconnect`, `set_state` and peer queries run against the engine and against a small
//! reference model that predicts each result (Ok or the exact `Error`, with the precedence of
//! X4). After every step the invariants of rules C5, C6, G5, I1, I5, L3 and X12 are checked.

use std::collections::HashMap;
use std::sync::Arc;

use devtopo::{
    Connector, ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, DeviceState,
    Direction, Error, HResult, LinkProblem, LocalId, Part, PartKey, PartRef, Permanence, Snapshot,
    SubunitSpec, SystemBuilder, guids,
};
use proptest::prelude::*;
use proptest::sample::select;

use crate::core_support::{TestResult, assert_connections_consistent};

// ---------------------------------------------------------------------------------------------
// Generated input
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct AdapterGen {
    connectors: Vec<(DataFlow, ConnectorType)>,
    subunits: usize,
    /// Raw part positions; `(x, y)` becomes a link from the lower to the higher position, so
    /// the links always form a DAG; `x == y` tries a self link.
    links: Vec<(u8, u8)>,
}

#[derive(Debug, Clone)]
struct TopoGen {
    adapters: Vec<AdapterGen>,
    /// `(render?, type)` of each endpoint's connector.
    endpoints: Vec<(bool, ConnectorType)>,
    /// Raw connector numbers and whether to ask for a permanent connection.
    connections: Vec<(u8, u8, bool)>,
}

#[derive(Debug, Clone)]
enum Op {
    /// `ConnectTo` between two connectors picked at random (mostly refused).
    Connect(u8, u8),
    /// `ConnectTo` between a pair that passes the flow, edge, device and type checks (it
    /// succeeds unless an end is attached), so that connections happen often.
    ConnectCompatible(u8),
    Disconnect(u8),
    /// `Disconnect` of a connector that is connected now (any connector if none is).
    DisconnectConnected(u8),
    SetState(u8, DeviceState),
    Query(u8),
}

fn connector_type() -> impl Strategy<Value = ConnectorType> {
    // Weighted towards the connectable types so that connections actually happen.
    select(vec![
        ConnectorType::SoftwareFixed,
        ConnectorType::SoftwareFixed,
        ConnectorType::PhysicalExternal,
        ConnectorType::PhysicalExternal,
        ConnectorType::PhysicalInternal,
        ConnectorType::UnknownConnector,
        ConnectorType::SoftwareIo,
        ConnectorType::Network,
    ])
}

fn flow() -> impl Strategy<Value = DataFlow> {
    prop_oneof![Just(DataFlow::In), Just(DataFlow::Out)]
}

fn adapter() -> impl Strategy<Value = AdapterGen> {
    (
        prop::collection::vec((flow(), connector_type()), 1..=4),
        0..=3usize,
        prop::collection::vec((any::<u8>(), any::<u8>()), 0..=6),
    )
        .prop_map(|(connectors, subunits, links)| AdapterGen {
            connectors,
            subunits,
            links,
        })
}

fn topology() -> impl Strategy<Value = TopoGen> {
    (
        prop::collection::vec(adapter(), 1..=4),
        prop::collection::vec((any::<bool>(), connector_type()), 0..=3),
        prop::collection::vec((any::<u8>(), any::<u8>(), any::<bool>()), 0..=8),
    )
        .prop_map(|(adapters, endpoints, connections)| TopoGen {
            adapters,
            endpoints,
            connections,
        })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::Connect(a, b)),
        4 => any::<u8>().prop_map(Op::ConnectCompatible),
        1 => any::<u8>().prop_map(Op::Disconnect),
        3 => any::<u8>().prop_map(Op::DisconnectConnected),
        2 => (any::<u8>(), select(DeviceState::ALL)).prop_map(|(d, s)| Op::SetState(d, s)),
        2 => any::<u8>().prop_map(Op::Query),
    ]
}

// ---------------------------------------------------------------------------------------------
// Reference model
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct MConn {
    dev: usize,
    /// The connector belongs to an endpoint device (rule D4).
    endpoint: bool,
    local: LocalId,
    flow: DataFlow,
    ty: ConnectorType,
    peer: Option<(usize, Permanence)>,
}

#[derive(Debug, Clone, Default)]
struct Model {
    dev_ids: Vec<Arc<str>>,
    states: Vec<DeviceState>,
    conns: Vec<MConn>,
}

impl Model {
    fn r(&self, i: usize) -> PartRef {
        PartRef {
            device: self.dev_ids[self.conns[i].dev].clone().into(),
            local_id: self.conns[i].local,
        }
    }

    /// `ConnectTo` (X4 order), or the builder's `connect` when `builder` is set (D15 first).
    fn connect(
        &mut self,
        a: usize,
        b: usize,
        perm: Permanence,
        builder: bool,
    ) -> Result<(), Error> {
        if builder && perm == Permanence::Permanent {
            for k in [a, b] {
                let ty = self.conns[k].ty;
                if ty != ConnectorType::SoftwareFixed {
                    return Err(Error::PermanentNotSoftwareFixed {
                        part: self.r(k),
                        connector_type: ty,
                    });
                }
            }
        }
        let (ca, cb) = (&self.conns[a], &self.conns[b]);
        if ca.flow == cb.flow {
            return Err(Error::SameDataFlow {
                part: self.r(a),
                other: self.r(b),
                flow: ca.flow,
            });
        }
        for k in [a, b] {
            let ty = self.conns[k].ty;
            if ty.is_topology_edge() {
                return Err(Error::TopologyEdge {
                    part: self.r(k),
                    connector_type: ty,
                });
            }
        }
        if ca.dev == cb.dev {
            return Err(Error::SameDevice {
                part: self.r(a),
                other: self.r(b),
            });
        }
        if ca.endpoint && cb.endpoint {
            return Err(Error::EndpointToEndpoint {
                part: self.r(a),
                other: self.r(b),
            });
        }
        if ca.ty != cb.ty {
            return Err(Error::ConnectorTypeMismatch {
                part: self.r(a),
                part_type: ca.ty,
                other: self.r(b),
                other_type: cb.ty,
            });
        }
        for k in [a, b] {
            if let Some((p, _)) = self.conns[k].peer {
                return Err(Error::AlreadyAttached {
                    part: self.r(k),
                    peer: self.r(p),
                });
            }
        }
        self.conns[a].peer = Some((b, perm));
        self.conns[b].peer = Some((a, perm));
        Ok(())
    }

    /// `Disconnect` (C6, X5).
    fn disconnect(&mut self, a: usize) -> Result<(), Error> {
        match self.conns[a].peer {
            None => Err(Error::NotConnected { part: self.r(a) }),
            Some((p, Permanence::Permanent)) => Err(Error::PermanentConnection {
                part: self.r(a),
                peer: self.r(p),
            }),
            Some((p, Permanence::Transient)) => {
                self.conns[a].peer = None;
                self.conns[p].peer = None;
                Ok(())
            }
        }
    }

    /// The state rule (B2, B4, X27, X68) computed independently: `states` holds what
    /// `set_state` asked for; an endpoint's effective state also depends on its connection
    /// and on its peer adapter (this model has no sensing jacks).
    fn state(&self, d: usize) -> DeviceState {
        let asked = self.states[d];
        let Some(own) = self.conns.iter().position(|c| c.dev == d && c.endpoint) else {
            return asked; // an adapter: its own conditions
        };
        if asked == DeviceState::NotPresent {
            return asked;
        }
        let Some((peer, _)) = self.conns[own].peer else {
            return DeviceState::NotPresent; // B2: no path
        };
        let peer_dev = self.conns[peer].dev;
        if !self.conns[peer].endpoint
            && matches!(
                self.states[peer_dev],
                DeviceState::NotPresent | DeviceState::Disabled
            )
        {
            return DeviceState::NotPresent; // B4
        }
        asked
    }

    /// What `GetConnectedTo` and the two ID methods see (C9, X22).
    fn active_peer(&self, a: usize) -> Result<usize, Error> {
        let Some((p, _)) = self.conns[a].peer else {
            return Err(Error::NotConnected { part: self.r(a) });
        };
        let dev = self.conns[p].dev;
        match self.state(dev) {
            DeviceState::Active => Ok(p),
            state => Err(Error::PeerNotActive {
                part: self.r(a),
                device: self.dev_ids[dev].clone().into(),
                state,
            }),
        }
    }
}

/// A device's parts as `(local ID, name, outgoing links)`, with the device ID.
type DeviceShape = (String, Vec<(LocalId, String, Vec<LocalId>)>);

/// The structure of a snapshot: everything but connections and states (must never change).
fn structure(s: &Snapshot) -> Vec<DeviceShape> {
    s.devices
        .iter()
        .map(|d| {
            let parts = d
                .parts
                .iter()
                .map(|p| (p.local_id, p.name.clone(), p.outgoing.clone()))
                .collect();
            (d.id.clone(), parts)
        })
        .collect()
}

/// The connectors that have a peer now.
fn connected(model: &Model) -> Vec<usize> {
    (0..model.conns.len())
        .filter(|&i| model.conns[i].peer.is_some())
        .collect()
}

/// One part as the model expects it: handle, global ID, links in creation order.
struct MPart {
    part: Part,
    global_id: String,
    incoming: Vec<LocalId>,
    outgoing: Vec<LocalId>,
}

fn local_ids(list: &devtopo::PartsList) -> devtopo::Result<Vec<LocalId>> {
    list.iter().map(|p| p.local_id()).collect()
}

// ---------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------

fn run_case(topo: &TopoGen, ops: &[Op]) -> TestResult {
    let mut b = SystemBuilder::new();
    let mut model = Model::default();
    let mut conn_keys: Vec<PartKey> = Vec::new();
    // (key, device id, local id, incoming, outgoing)
    let mut part_specs: Vec<(PartKey, Arc<str>, LocalId)> = Vec::new();
    let mut links: HashMap<(usize, LocalId), (Vec<LocalId>, Vec<LocalId>)> = HashMap::new();
    let mut dev_keys = Vec::new();

    for (i, a) in topo.adapters.iter().enumerate() {
        let id: Arc<str> = format!("{{2}}.\\\\?\\prop#adapter{i}").into();
        let dev = b.add_device(DeviceSpec::new(
            &*id,
            format!("Adapter {i}"),
            DeviceKind::Adapter,
        ))?;
        let d = model.dev_ids.len();
        model.dev_ids.push(id.clone());
        model.states.push(DeviceState::Active);
        dev_keys.push(dev);
        let mut parts: Vec<(PartKey, LocalId)> = Vec::new();
        for (n, &(flow, ty)) in a.connectors.iter().enumerate() {
            let key = b.add_connector(dev, ConnectorSpec::new(format!("c{n}"), flow, ty))?;
            let local = LocalId::connector(n as u16); // X9, X11
            model.conns.push(MConn {
                dev: d,
                endpoint: false,
                local,
                flow,
                ty,
                peer: None,
            });
            conn_keys.push(key);
            parts.push((key, local));
        }
        for n in 0..a.subunits {
            let key = b.add_subunit(
                dev,
                SubunitSpec::new(format!("s{n}"), guids::KSNODETYPE_VOLUME).control(
                    devtopo::ControlSpec::VolumeLevel(devtopo::LevelSpec::sysvad_volume(1)),
                ),
            )?;
            parts.push((key, LocalId::subunit(n as u16)));
        }
        let count = parts.len();
        let mut made: Vec<(usize, usize)> = Vec::new();
        for &(x, y) in &a.links {
            let (x, y) = (x as usize % count, y as usize % count);
            let (from, to) = (x.min(y), x.max(y));
            let result = b.add_link(parts[from].0, parts[to].0);
            let expected = if from == to {
                Some(LinkProblem::SelfLink)
            } else if made.contains(&(from, to)) {
                Some(LinkProblem::Duplicate)
            } else {
                None
            };
            match (result, expected) {
                (Ok(()), None) => {
                    made.push((from, to));
                    let (f, t) = (parts[from].1, parts[to].1);
                    links.entry((d, f)).or_default().1.push(t);
                    links.entry((d, t)).or_default().0.push(f);
                }
                (Err(Error::InvalidLink { reason, .. }), Some(problem)) if reason == problem => {}
                (result, expected) => {
                    return Err(format!("add_link: got {result:?}, expected {expected:?}").into());
                }
            }
        }
        for (key, local) in parts {
            part_specs.push((key, id.clone(), local));
        }
    }
    for (i, &(render, ty)) in topo.endpoints.iter().enumerate() {
        let (id, kind, flow): (Arc<str>, _, _) = if render {
            (
                format!("{{0.0.0.00000000}}.{{prop-{i}}}").into(),
                DeviceKind::RenderEndpoint,
                DataFlow::In,
            )
        } else {
            (
                format!("{{0.0.1.00000000}}.{{prop-{i}}}").into(),
                DeviceKind::CaptureEndpoint,
                DataFlow::Out,
            )
        };
        let dev = b.add_device(DeviceSpec::new(&*id, format!("Endpoint {i}"), kind))?;
        let d = model.dev_ids.len();
        model.dev_ids.push(id.clone());
        model.states.push(DeviceState::Active);
        dev_keys.push(dev);
        let key = b.add_connector(dev, ConnectorSpec::new("", flow, ty))?;
        model.conns.push(MConn {
            dev: d,
            endpoint: true,
            local: LocalId(0x10000),
            flow,
            ty,
            peer: None,
        });
        conn_keys.push(key);
        part_specs.push((key, id, LocalId(0x10000)));
    }
    let n = conn_keys.len();
    for &(x, y, permanent) in &topo.connections {
        let (a, c) = (x as usize % n, y as usize % n);
        let perm = if permanent {
            Permanence::Permanent
        } else {
            Permanence::Transient
        };
        let got = b.connect(conn_keys[a], conn_keys[c], perm);
        let expected = model.connect(a, c, perm, true);
        assert_eq!(got, expected, "builder connect {a} {c} {perm:?}");
    }

    // ---- built: handles and the fixed expectations ----
    let system = b.build()?;
    let conns: Vec<Connector> = conn_keys
        .iter()
        .map(|&k| system.connector(k))
        .collect::<devtopo::Result<_>>()?;
    let devices: Vec<devtopo::Device> = dev_keys
        .iter()
        .map(|&k| system.device_by_key(k))
        .collect::<devtopo::Result<_>>()?;
    let dev_index: HashMap<&str, usize> = model
        .dev_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (&**id, i))
        .collect();
    let mut parts: Vec<MPart> = Vec::new();
    for (key, dev, local) in &part_specs {
        let part = system.part(*key)?;
        assert_eq!(part.local_id()?, *local, "I2, I3, X9, X11");
        let global_id = part.global_id()?;
        let (incoming, outgoing) = links
            .get(&(dev_index[&**dev], *local))
            .cloned()
            .unwrap_or_default();
        parts.push(MPart {
            part,
            global_id,
            incoming,
            outgoing,
        });
    }
    // I5: global IDs unique.
    let mut globals: Vec<&str> = parts.iter().map(|p| p.global_id.as_str()).collect();
    globals.sort_unstable();
    globals.dedup();
    assert_eq!(globals.len(), parts.len(), "I5: global IDs unique");
    let permanent: Vec<(usize, usize)> = model
        .conns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c.peer {
            Some((p, Permanence::Permanent)) => Some((i, p)),
            _ => None,
        })
        .collect();
    let shape = structure(&system.snapshot());
    let counts: Vec<(u32, u32)> = devices
        .iter()
        .map(|d| {
            let t = d.topology()?;
            Ok((t.connector_count()?, t.subunit_count()?))
        })
        .collect::<devtopo::Result<_>>()?;

    // ---- the checks run after every step ----
    let check = |model: &Model, snapshot: &Snapshot| -> TestResult {
        assert_connections_consistent(snapshot); // C5
        assert_eq!(structure(snapshot), shape, "parts and links never change");
        let mut peers = HashMap::new();
        for (d, dev) in snapshot.devices.iter().enumerate() {
            assert_eq!(dev.state, model.state(d), "device state of {}", dev.id);
            for p in &dev.parts {
                if let Some(c) = &p.connector {
                    peers.insert((dev.id.as_str(), p.local_id), c.peer.clone());
                }
            }
        }
        for (i, c) in model.conns.iter().enumerate() {
            let actual = &peers[&(&*model.dev_ids[c.dev], c.local)];
            let expected = c.peer.map(|(p, permanence)| devtopo::PeerSnapshot {
                device: model.dev_ids[model.conns[p].dev].to_string(),
                local_id: model.conns[p].local,
                permanence,
            });
            assert_eq!(actual, &expected, "peer of connector {i}");
        }
        for &(a, p) in &permanent {
            assert_eq!(model.conns[a].peer, Some((p, Permanence::Permanent)));
        }
        for (d, dev) in devices.iter().enumerate() {
            let t = dev.topology()?;
            assert_eq!((t.connector_count()?, t.subunit_count()?), counts[d]);
        }
        for p in &parts {
            assert_eq!(p.part.global_id()?, p.global_id, "I5, X10: stable");
            for (direction, expected) in [
                (Direction::Incoming, &p.incoming),
                (Direction::Outgoing, &p.outgoing),
            ] {
                let list = match direction {
                    Direction::Incoming => p.part.parts_incoming(),
                    Direction::Outgoing => p.part.parts_outgoing(),
                };
                match list {
                    Ok(list) => {
                        assert!(list.count()? > 0, "L3: never empty");
                        assert_eq!(&local_ids(&list)?, expected, "X12 order");
                    }
                    Err(e) => {
                        assert_eq!(e.hresult(), HResult::E_NOTFOUND);
                        assert!(expected.is_empty(), "missing links: {e}");
                    }
                }
            }
        }
        Ok(())
    };

    // Pairs that pass every static check of ConnectTo (X4 order up to the attach check).
    let compatible: Vec<(usize, usize)> = (0..n)
        .flat_map(|a| (0..n).map(move |c| (a, c)))
        .filter(|&(a, c)| {
            let (x, y) = (&model.conns[a], &model.conns[c]);
            x.flow != y.flow && x.dev != y.dev && x.ty == y.ty && !x.ty.is_topology_edge()
        })
        .collect();

    check(&model, &system.snapshot())?;
    for op in ops {
        let before = system.snapshot();
        let op = match *op {
            Op::ConnectCompatible(x) if !compatible.is_empty() => {
                let (a, c) = compatible[x as usize % compatible.len()];
                Op::Connect(a as u8, c as u8)
            }
            Op::ConnectCompatible(x) => Op::Connect(x, x.wrapping_add(1)),
            Op::DisconnectConnected(x) => match connected(&model).as_slice() {
                [] => Op::Disconnect(x),
                list => Op::Disconnect(list[x as usize % list.len()] as u8),
            },
            // Half of the queries go to a connected connector.
            Op::Query(x) if x % 2 == 0 => match connected(&model).as_slice() {
                [] => Op::Query(x),
                list => Op::Query(list[(x / 2) as usize % list.len()] as u8),
            },
            ref other => other.clone(),
        };
        let failed = match op {
            Op::ConnectCompatible(_) | Op::DisconnectConnected(_) => unreachable!("mapped above"),
            Op::Connect(x, y) => {
                let (a, c) = (x as usize % n, y as usize % n);
                let got = conns[a].connect_to(&conns[c]);
                let expected = model.connect(a, c, Permanence::Transient, false);
                assert_eq!(got, expected, "ConnectTo {a} -> {c}");
                got.is_err()
            }
            Op::Disconnect(x) => {
                let a = x as usize % n;
                let got = conns[a].disconnect();
                assert_eq!(got, model.disconnect(a), "Disconnect {a}");
                got.is_err()
            }
            Op::SetState(x, state) => {
                let d = x as usize % devices.len();
                devices[d].set_state(state)?;
                model.states[d] = state;
                assert_eq!(devices[d].state()?, model.state(d));
                false
            }
            Op::Query(x) => {
                let a = x as usize % n;
                let c = &conns[a];
                let mc = &model.conns[a];
                assert_eq!(c.is_connected()?, mc.peer.is_some(), "C7, C8");
                assert_eq!(c.permanence()?, mc.peer.map(|(_, p)| p));
                assert_eq!(c.data_flow()?, mc.flow);
                assert_eq!(c.connector_type()?, mc.ty);
                let expected = model.active_peer(a).map(|p| conns[p].clone());
                assert_eq!(c.connected_to(), expected, "C9");
                let expected_id = match model.active_peer(a) {
                    Ok(p) => Ok(conns[p].as_part().global_id()?),
                    Err(e) => Err(e),
                };
                assert_eq!(c.connector_id_connected_to(), expected_id, "C11, X22");
                let expected_dev = model
                    .active_peer(a)
                    .map(|p| model.dev_ids[model.conns[p].dev].to_string());
                assert_eq!(c.device_id_connected_to(), expected_dev, "C12, X22");
                false
            }
        };
        let after = system.snapshot();
        if failed {
            assert_eq!(
                after, before,
                "G5: a failed call changed the system ({op:?})"
            );
        }
        // C6: Disconnect on every unconnected connector is E_NOTFOUND and changes nothing.
        for (i, c) in model.conns.iter().enumerate() {
            if c.peer.is_none() {
                assert_eq!(
                    conns[i].disconnect(),
                    Err(Error::NotConnected { part: model.r(i) })
                );
            }
        }
        assert_eq!(system.snapshot(), after);
        check(&model, &after)?;
    }
    Ok(())
}

proptest! {
    /// C3-C12, G5, I5, L3, X4-X8, X12, X22: the engine agrees with the reference model on
    /// every step of random operation sequences over random topologies.
    #[test]
    fn model_based_connect_disconnect(
        topo in topology(),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        run_case(&topo, &ops).map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
}

/// The fixed scenario of A16/A17 through the model, so a model bug shows without proptest.
#[test]
fn model_agrees_on_a_fixed_scenario() -> TestResult {
    let topo = TopoGen {
        adapters: vec![
            AdapterGen {
                connectors: vec![
                    (DataFlow::In, ConnectorType::PhysicalExternal),
                    (DataFlow::Out, ConnectorType::SoftwareFixed),
                ],
                subunits: 1,
                links: vec![(0, 2), (2, 1), (0, 2), (1, 1)],
            },
            AdapterGen {
                connectors: vec![
                    (DataFlow::In, ConnectorType::SoftwareFixed),
                    (DataFlow::Out, ConnectorType::SoftwareIo),
                ],
                subunits: 0,
                links: vec![(0, 1)],
            },
        ],
        endpoints: vec![
            (false, ConnectorType::PhysicalExternal),
            (false, ConnectorType::PhysicalExternal),
        ],
        connections: vec![(4, 0, false), (1, 2, true), (5, 0, false), (3, 4, true)],
    };
    let ops = [
        Op::Connect(4, 5),
        Op::Connect(5, 0),
        Op::Disconnect(4),
        Op::Disconnect(4),
        Op::Disconnect(0),
        Op::Connect(5, 0),
        Op::Disconnect(1),
        Op::Disconnect(2),
        Op::Disconnect(3),
        Op::SetState(2, DeviceState::Unplugged),
        Op::Query(0),
        Op::Query(5),
        Op::SetState(0, DeviceState::Disabled),
        Op::Query(2),
        Op::Query(1),
        Op::Connect(1, 1),
    ];
    run_case(&topo, &ops)
}
