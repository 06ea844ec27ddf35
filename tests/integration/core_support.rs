//! Shared helpers of the core-engine tests (`rules_*`, `decisions_core`, `props`).
//!
//! `devtopo::System` is not re-exported by the crate root, so helpers cannot name it; they hand
//! out topology handles instead and tests reach the system with `topology.device().system()`.

use std::fmt::Debug;

use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceSpec, DeviceTopology, Error, HResult,
    LocalId, PartRef, Result, Snapshot, SystemBuilder, fixtures,
};

/// Test result: `?` works on devtopo errors and anything else.
pub(crate) type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

/// The four-topology fixture (reference topologies, part A), as topology handles.
pub(crate) struct Four {
    pub(crate) epa: DeviceTopology,
    pub(crate) epb: DeviceTopology,
    pub(crate) mux: DeviceTopology,
    pub(crate) wav: DeviceTopology,
}

impl Four {
    /// A fresh, independent copy of the fixture.
    pub(crate) fn new() -> Result<Four> {
        let system = fixtures::four_topologies()?;
        Ok(Four {
            epa: system.device(fixtures::FOUR_EPA)?.topology()?,
            epb: system.device(fixtures::FOUR_EPB)?.topology()?,
            mux: system.device(fixtures::FOUR_MUX)?.topology()?,
            wav: system.device(fixtures::FOUR_WAV)?.topology()?,
        })
    }

    /// The whole-system snapshot (rule G5 checks).
    pub(crate) fn snapshot(&self) -> Snapshot {
        snapshot(&self.mux)
    }

    /// All four topologies, in the fixture's creation order.
    pub(crate) fn all(&self) -> [&DeviceTopology; 4] {
        [&self.epa, &self.epb, &self.mux, &self.wav]
    }
}

/// The snapshot of the system a topology belongs to.
pub(crate) fn snapshot(topology: &DeviceTopology) -> Snapshot {
    topology.device().system().snapshot()
}

/// The error of a call that must fail; panics with the value when it succeeded.
#[track_caller]
pub(crate) fn err<T: Debug>(result: Result<T>) -> Error {
    match result {
        Ok(value) => panic!("expected an error, got Ok({value:?})"),
        Err(e) => e,
    }
}

/// The `HRESULT` of a call that must fail.
#[track_caller]
pub(crate) fn hr<T: Debug>(result: Result<T>) -> HResult {
    err(result).hresult()
}

/// Names a part the way errors do.
pub(crate) fn part_ref(device: &str, local_id: u32) -> PartRef {
    PartRef {
        device: device.into(),
        local_id: LocalId(local_id),
    }
}

/// A system of adapters without links or connections: `adapters[i]` is the list of
/// `(flow, type)` of adapter `i`'s connectors; adapter `i` has ID `{2}.adapter<i>`.
pub(crate) fn adapters(adapters: &[&[(DataFlow, ConnectorType)]]) -> Result<Vec<DeviceTopology>> {
    let mut b = SystemBuilder::new();
    let mut ids = Vec::new();
    for (i, connectors) in adapters.iter().enumerate() {
        let id = adapter_id(i);
        let dev = b.add_device(DeviceSpec::new(
            id.clone(),
            format!("Adapter {i}"),
            DeviceKind::Adapter,
        ))?;
        for (n, &(flow, ty)) in connectors.iter().enumerate() {
            b.add_connector(dev, ConnectorSpec::new(format!("c{n}"), flow, ty))?;
        }
        ids.push(id);
    }
    let system = b.build()?;
    ids.iter().map(|id| system.device(id)?.topology()).collect()
}

/// The device ID [`adapters`] gives adapter `i`.
pub(crate) fn adapter_id(i: usize) -> String {
    format!("{{2}}.adapter{i}")
}

/// Checks rule C5 on a snapshot: every peer exists, is a connector, points back with the same
/// permanence, and the two ends have opposite flows, equal types and different devices.
#[track_caller]
pub(crate) fn assert_connections_consistent(snapshot: &Snapshot) {
    use std::collections::HashMap;
    let mut connectors = HashMap::new();
    for d in &snapshot.devices {
        for p in &d.parts {
            if let Some(c) = &p.connector {
                connectors.insert((d.id.as_str(), p.local_id), c);
            }
        }
    }
    for (&(device, local_id), c) in &connectors {
        let Some(peer) = &c.peer else { continue };
        let back = connectors
            .get(&(peer.device.as_str(), peer.local_id))
            .unwrap_or_else(|| panic!("peer of {device}/{local_id} is not a connector"));
        let back_peer = back
            .peer
            .as_ref()
            .unwrap_or_else(|| panic!("connection of {device}/{local_id} is one-sided"));
        assert_eq!(
            (back_peer.device.as_str(), back_peer.local_id),
            (device, local_id),
            "connection is not symmetric"
        );
        assert_eq!(back_peer.permanence, peer.permanence);
        assert_ne!(peer.device, device, "connection inside one device");
        assert_eq!(back.flow, c.flow.opposite());
        assert_eq!(back.connector_type, c.connector_type);
    }
}
