//! Issue 7 item 6, rules B2, B4, B5, X27, X68, Y6, Y8, V6: the one endpoint-state rule,
//! checked against a small reference model over random sequences of plug, unplug, connect,
//! disconnect, enable, disable, remove, reinsert, unplug-device, plug-device, uninstall and
//! arrival, on the four-topology fixture (two capture endpoints on the MUX's two sensing
//! jacks). After every step each device's state, the `OnDeviceStateChanged` events and the
//! default endpoints must be what the model says.

use std::collections::BTreeMap;

use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, DeviceState, EDataFlow, ERole,
    EndpointEvent, EndpointEventLog, System, SystemBuilder, fixtures, guids,
};
use proptest::prelude::*;

const EPS: [&str; 2] = [fixtures::FOUR_EPA, fixtures::FOUR_EPB];
const DEVS: [&str; 4] = [
    fixtures::FOUR_EPA,
    fixtures::FOUR_EPB,
    fixtures::FOUR_MUX,
    fixtures::FOUR_WAV,
];

#[derive(Debug, Clone, Copy)]
enum Op {
    PlugJack(usize),
    UnplugJack(usize),
    Connect(usize, usize),
    Disconnect(usize),
    Disable(usize),
    Enable(usize),
    Remove(usize),
    Reinsert(usize),
    UnplugDevice(usize),
    PlugDevice(usize),
    Uninstall(usize),
    Arrive(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..2usize).prop_map(Op::PlugJack),
        (0..2usize).prop_map(Op::UnplugJack),
        (0..2usize, 0..2usize).prop_map(|(e, j)| Op::Connect(e, j)),
        (0..2usize).prop_map(Op::Disconnect),
        (0..4usize).prop_map(Op::Disable),
        (0..4usize).prop_map(Op::Enable),
        (0..4usize).prop_map(Op::Remove),
        (0..4usize).prop_map(Op::Reinsert),
        (0..4usize).prop_map(Op::UnplugDevice),
        (0..4usize).prop_map(Op::PlugDevice),
        (0..2usize).prop_map(Op::Uninstall),
        (0..2usize).prop_map(Op::Arrive),
    ]
}

/// The model: conditions per device, jack plugs, which jack each endpoint is connected to.
#[derive(Debug, Clone, Default)]
struct Model {
    not_present: [bool; 4],
    disabled: [bool; 4],
    unplugged: [bool; 4],
    jack_in: [bool; 2],
    wired: [Option<usize>; 2],
    installed: [bool; 2],
}

impl Model {
    /// The rule, written independently of the engine (B2, B4, X27, X68).
    fn state(&self, d: usize) -> Option<DeviceState> {
        let own = |s: DeviceState| Some(s);
        if d >= 2 {
            return if self.not_present[d] {
                own(DeviceState::NotPresent)
            } else if self.disabled[d] {
                own(DeviceState::Disabled)
            } else if self.unplugged[d] {
                own(DeviceState::Unplugged)
            } else {
                own(DeviceState::Active)
            };
        }
        if !self.installed[d] {
            return None;
        }
        let jack = match self.wired[d] {
            None => return own(DeviceState::NotPresent),
            Some(j) => j,
        };
        if self.not_present[d] || self.not_present[2] || self.disabled[2] {
            return own(DeviceState::NotPresent);
        }
        if self.disabled[d] {
            return own(DeviceState::Disabled);
        }
        if self.unplugged[d] || !self.jack_in[jack] {
            return own(DeviceState::Unplugged);
        }
        own(DeviceState::Active)
    }
}

/// A lone copy of an endpoint of the fixture, for arrival (B1).
fn fragment(e: usize) -> System {
    let mut b = SystemBuilder::new();
    let (name, subtype) = [
        ("Endpoint Device A", guids::KSNODETYPE_LINE_CONNECTOR),
        ("Endpoint Device B", guids::KSNODETYPE_MICROPHONE),
    ][e];
    let dev = b
        .add_device(DeviceSpec::new(EPS[e], name, DeviceKind::CaptureEndpoint))
        .expect("device");
    b.add_connector(
        dev,
        ConnectorSpec::new("", DataFlow::Out, ConnectorType::PhysicalExternal).subtype(subtype),
    )
    .expect("connector");
    b.build().expect("fragment")
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let system = fixtures::four_topologies().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let log = EndpointEventLog::new();
    system
        .register_endpoint_notification_callback(log.clone())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mux = system
        .device(fixtures::FOUR_MUX)
        .unwrap()
        .topology()
        .unwrap();
    let jacks = [mux.connector(0).unwrap(), mux.connector(1).unwrap()];
    let hw = system.hardware();
    let mut m = Model {
        jack_in: [true, true],
        wired: [Some(0), Some(1)],
        installed: [true, true],
        ..Model::default()
    };
    for &op in ops {
        let before: Vec<Option<DeviceState>> = (0..4).map(|d| m.state(d)).collect();
        let dev = |d: usize| system.device(DEVS[d]);
        let ok = match op {
            Op::PlugJack(j) | Op::UnplugJack(j) => {
                let plug = matches!(op, Op::PlugJack(_));
                let r = if plug {
                    hw.plug_jack(&jacks[j], 0)
                } else {
                    hw.unplug_jack(&jacks[j], 0)
                };
                prop_assert!(r.is_ok());
                m.jack_in[j] = plug;
                true
            }
            Op::Connect(e, j) => {
                let expect = m.installed[e] && m.wired[e].is_none() && !m.wired.contains(&Some(j));
                let r = dev(e)
                    .and_then(|d| d.topology()?.connector(0))
                    .and_then(|c| c.connect_to(&jacks[j]));
                prop_assert_eq!(r.is_ok(), expect, "{:?} {:?}", op, r);
                if expect {
                    m.wired[e] = Some(j);
                }
                expect
            }
            Op::Disconnect(e) => {
                let expect = m.installed[e] && m.wired[e].is_some();
                let r = dev(e)
                    .and_then(|d| d.topology()?.connector(0))
                    .and_then(|c| c.disconnect());
                prop_assert_eq!(r.is_ok(), expect, "{:?} {:?}", op, r);
                if expect {
                    m.wired[e] = None;
                }
                expect
            }
            Op::Disable(d)
            | Op::Enable(d)
            | Op::Remove(d)
            | Op::Reinsert(d)
            | Op::UnplugDevice(d)
            | Op::PlugDevice(d) => {
                let present = d >= 2 || m.installed[d];
                let r = dev(d).and_then(|x| match op {
                    Op::Disable(_) => hw.disable(&x),
                    Op::Enable(_) => hw.enable(&x),
                    Op::Remove(_) => hw.remove(&x),
                    Op::Reinsert(_) => hw.reinsert(&x),
                    Op::UnplugDevice(_) => hw.unplug(&x),
                    _ => hw.plug(&x),
                });
                prop_assert_eq!(r.is_ok(), present, "{:?} {:?}", op, r);
                if present {
                    match op {
                        Op::Disable(_) => m.disabled[d] = true,
                        Op::Enable(_) => {
                            m.disabled[d] = false;
                            m.not_present[d] = false;
                            m.unplugged[d] = false;
                        }
                        Op::Remove(_) => m.not_present[d] = true,
                        Op::Reinsert(_) => m.not_present[d] = false,
                        Op::UnplugDevice(_) => m.unplugged[d] = true,
                        _ => m.unplugged[d] = false,
                    }
                }
                present
            }
            Op::Uninstall(e) => {
                let r = system.remove_device(EPS[e]);
                prop_assert_eq!(r.is_ok(), m.installed[e]);
                if m.installed[e] {
                    m.installed[e] = false;
                    m.wired[e] = None;
                    m.not_present[e] = false;
                    m.disabled[e] = false;
                    m.unplugged[e] = false;
                }
                r.is_ok()
            }
            Op::Arrive(e) => {
                let r = system.add_devices(&fragment(e));
                prop_assert_eq!(r.is_ok(), !m.installed[e]);
                m.installed[e] = true;
                r.is_ok()
            }
        };
        // States (the rule), events (Y6, Y8: one per effective change, none for no-ops).
        let mut expected_events: BTreeMap<String, Option<DeviceState>> = BTreeMap::new();
        for d in 0..4 {
            let now = m.state(d);
            let actual = system.device(DEVS[d]).ok().map(|x| x.state().unwrap());
            prop_assert_eq!(actual, now, "state of device {} after {:?}", d, op);
            if d < 2 && now != before[d] && now.is_some() && before[d].is_some() {
                expected_events.insert(DEVS[d].to_owned(), now);
            }
        }
        let events = log.take();
        let mut got: BTreeMap<String, Option<DeviceState>> = BTreeMap::new();
        for e in &events {
            match e {
                EndpointEvent::StateChanged {
                    device_id,
                    new_state,
                } => {
                    prop_assert!(
                        got.insert(device_id.clone(), Some(*new_state)).is_none(),
                        "one event per endpoint"
                    );
                }
                EndpointEvent::Added { device_id } => {
                    prop_assert!(matches!(op, Op::Arrive(e) if EPS[e] == device_id))
                }
                EndpointEvent::Removed { device_id } => {
                    prop_assert!(matches!(op, Op::Uninstall(e) if EPS[e] == device_id))
                }
                _ => {}
            }
        }
        prop_assert_eq!(got, expected_events, "events after {:?}", op);
        if !ok {
            prop_assert!(events.is_empty(), "G5: a failed call notifies no one");
        }
        // V6: a default exists exactly while a capture endpoint is ACTIVE, and it is ACTIVE.
        let any_active = (0..2).any(|d| m.state(d) == Some(DeviceState::Active));
        for role in ERole::ALL {
            match system.default_endpoint(EDataFlow::Capture, *role) {
                Ok(d) => {
                    prop_assert!(any_active);
                    prop_assert_eq!(d.state().unwrap(), DeviceState::Active);
                }
                Err(_) => prop_assert!(!any_active),
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]

    /// Item 6: random sequences never leave an endpoint in a state the rule does not give.
    #[test]
    fn b2_b4_x27_x68_endpoint_state_rule_model(ops in proptest::collection::vec(op(), 1..40)) {
        run(&ops)?;
    }
}

/// Item 6 (a): Disconnect, unplug the sensing jack, ConnectTo: UNPLUGGED, not ACTIVE.
/// Item 6 (b): unplug, Disconnect, plug, ConnectTo: ACTIVE, not stuck UNPLUGGED.
#[test]
fn item6_acceptance_sequences() {
    use Op::*;
    run(&[Disconnect(1), UnplugJack(1), Connect(1, 1)]).unwrap();
    run(&[
        UnplugJack(1),
        Disconnect(1),
        PlugJack(1),
        Connect(1, 1),
        UnplugJack(1),
        PlugJack(1),
    ])
    .unwrap();
    let system = fixtures::four_topologies().unwrap();
    let mux = system
        .device(fixtures::FOUR_MUX)
        .unwrap()
        .topology()
        .unwrap();
    let jack = mux.connector(1).unwrap();
    let ep = system.device(fixtures::FOUR_EPB).unwrap();
    let c = ep.topology().unwrap().connector(0).unwrap();
    c.disconnect().unwrap();
    system.hardware().unplug_jack(&jack, 0).unwrap();
    c.connect_to(&jack).unwrap();
    assert_eq!(ep.state().unwrap(), DeviceState::Unplugged, "(a)");
    c.disconnect().unwrap();
    system.hardware().plug_jack(&jack, 0).unwrap();
    c.connect_to(&jack).unwrap();
    assert_eq!(ep.state().unwrap(), DeviceState::Active, "(b)");
}
