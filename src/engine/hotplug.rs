//! Device states and jack plugs (D6, D8, K18, X27): how a simulated plug change moves an
//! endpoint between ACTIVE and UNPLUGGED, and what enabling a device leads to.
//!
//! X27, devtopo's coupling: a jack *senses* plugs when its connector also has
//! `IKsJackDescription2` with `JACKDESC2_PRESENCE_DETECT_CAPABILITY` for that jack (E12).
//! The endpoint *behind* a jack connector is the connector's own device when that is an
//! endpoint, else the endpoint device its peer belongs to. An endpoint is *plugged* when at
//! least one sensing jack facing it reports `IsConnected`; with no sensing jack it is always
//! plugged. A plug change moves an ACTIVE endpoint to UNPLUGGED or back; DISABLED and
//! NOTPRESENT endpoints keep their state, and enabling one later gives ACTIVE or UNPLUGGED by
//! the same rule. Connections are never touched (C8), and the jack's `IKsJackDescription`
//! sinks get one hardware-initiated notification per effective change (N6, N9).

use petgraph::stable_graph::NodeIndex;

use super::controls::Sinks;
use super::events::EventKind;
use super::{Engine, PartKey, PartNode};
use crate::controls::{ControlKind, ControlSpec};
use crate::error::{Error, IndexKind, Result};

impl Engine {
    /// Simulation: the plug of jack `jack` of a connector goes in (`true`) or out.
    ///
    /// # Errors
    /// [`Error::NoSuchControl`] without `IKsJackDescription`; [`Error::IndexOutOfRange`];
    /// [`Error::NoPresenceDetection`] for a jack that cannot sense plugs (X27).
    pub(crate) fn set_jack_connected(
        &mut self,
        key: PartKey,
        jack: u32,
        connected: bool,
    ) -> Result<Sinks> {
        let ControlSpec::JackDescription(jacks) =
            self.control(key, ControlKind::JackDescription)?
        else {
            return Err(Error::NoSuchControl {
                part: self.part_ref(key.node),
                iid: ControlKind::JackDescription.iid(),
            });
        };
        let i = self.check_index(key, IndexKind::Jack, jack, jacks.len())?;
        if !self.jack_senses(key.node, i) {
            return Err(Error::NoPresenceDetection {
                part: self.part_ref(key.node),
                jack,
            });
        }
        if jacks.get(i).is_some_and(|j| j.is_connected == connected) {
            // A no-op plug change changes nothing and notifies no one (N5, X27).
            return Ok(Sinks::default());
        }
        let mut new = jacks.clone();
        new[i].is_connected = connected;
        let sinks = self.commit(
            key,
            ControlKind::JackDescription,
            ControlSpec::JackDescription(new),
        )?;
        self.log(|e| EventKind::JackPlugged {
            part: e.part_ref(key.node),
            jack,
            connected,
        });
        if let Some(endpoint) = self.endpoint_behind(key.node) {
            self.refresh_exact(&[endpoint]);
        }
        Ok(sinks)
    }

    /// True when jack `i` of a connector senses plugs (E12).
    fn jack_senses(&self, node: NodeIndex<u32>, i: usize) -> bool {
        self.graph.node_weight(node).is_some_and(|p| senses(p, i))
    }

    /// The endpoint device behind a jack connector (see the module docs).
    fn endpoint_behind(&self, node: NodeIndex<u32>) -> Option<u32> {
        let part = self.graph.node_weight(node)?;
        let is_endpoint = |ix: u32| {
            self.devices
                .get(ix as usize)
                .and_then(|s| s.node.as_ref())
                .is_some_and(|d| d.kind.is_endpoint())
        };
        if is_endpoint(part.device) {
            return Some(part.device);
        }
        let peer = part.connector.as_ref()?.peer()?;
        let peer_device = self.graph.node_weight(peer.node)?.device;
        is_endpoint(peer_device).then_some(peer_device)
    }

    /// Whether an endpoint is plugged (X27): `None` when no sensing jack faces it.
    pub(crate) fn plugged(&self, endpoint: u32) -> Option<bool> {
        let dev = self.devices.get(endpoint as usize)?.node.as_ref()?;
        let own = self.graph.node_weight(*dev.connectors.first()?)?;
        let peer = own
            .connector
            .as_ref()
            .and_then(|c| c.peer())
            .and_then(|p| self.graph.node_weight(p.node));
        plugged_between(own, peer)
    }
}

/// [`Engine::plugged`] given the endpoint's connector and its peer: one pass over each part's
/// controls, no lookup (the hot path of `ConnectTo` and `Disconnect`, issue 11).
pub(crate) fn plugged_between(own: &PartNode, peer: Option<&PartNode>) -> Option<bool> {
    let mut sensing = false;
    for part in std::iter::once(own).chain(peer) {
        for c in &part.controls {
            if let ControlSpec::JackDescription(jacks) = c {
                for (i, j) in jacks.iter().enumerate() {
                    if senses(part, i) {
                        sensing = true;
                        if j.is_connected {
                            return Some(true);
                        }
                    }
                }
            }
        }
    }
    sensing.then_some(false)
}

/// True when jack `i` of a connector senses plugs (E12).
fn senses(part: &PartNode, i: usize) -> bool {
    part.controls.iter().any(|c| match c {
        ControlSpec::JackDescription2(v2) => v2.get(i).is_some_and(|j| j.detects_presence()),
        _ => false,
    })
}
