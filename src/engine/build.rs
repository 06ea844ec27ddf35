//! Building a system: specs for devices and parts, and the validating [`SystemBuilder`].

use petgraph::stable_graph::NodeIndex;

use super::cycle::{CycleScratch, would_close_cycle};
use super::{ConnectorData, DeviceKey, Engine, PartKey, PartNode, next_serial};
use crate::controls::validate::check_controls;
use crate::controls::{ControlProblem, ControlSpec};
use crate::error::{DeviceId, EndpointProblem, Error, LinkProblem, Result};
use crate::guid::{Guid, guids};
use crate::system::System;
use crate::types::{
    ConnectorType, DataFlow, DeviceKind, DeviceState, Direction, LocalId, PartType, Permanence,
};

/// Describes a device to add: its ID string, friendly name, kind and initial state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceSpec {
    /// The device ID (I7-I10): an endpoint ID such as `{0.0.0.00000000}.{GUID}` or an adapter
    /// ID such as `{2}.\\?\...`. Unique in the system.
    pub id: String,
    /// The friendly name.
    pub name: String,
    /// Endpoint (render or capture) or adapter.
    pub kind: DeviceKind,
    /// The initial state (default ACTIVE).
    pub state: DeviceState,
}

impl DeviceSpec {
    /// An ACTIVE device.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: DeviceKind) -> DeviceSpec {
        DeviceSpec {
            id: id.into(),
            name: name.into(),
            kind,
            state: DeviceState::Active,
        }
    }

    /// Sets the initial state.
    pub fn state(mut self, state: DeviceState) -> DeviceSpec {
        self.state = state;
        self
    }
}

/// Describes a connector to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectorSpec {
    /// The part name (`IPart::GetName`); may be empty (I13).
    pub name: String,
    /// The data flow (E1).
    pub flow: DataFlow,
    /// The connector type (E3, D13).
    pub connector_type: ConnectorType,
    /// The subtype: the KS pin category (P5). Default `KSCATEGORY_AUDIO`.
    pub subtype: Guid,
    /// The local ID; `None` picks `0x0001_0000 | index` (I3, X9, X11), or, when an explicit
    /// ID already took that one, the next free ID of the family.
    pub local_id: Option<LocalId>,
    /// The control interfaces, in `GetControlInterface` order: only `IKsFormatSupport`,
    /// `IKsJackDescription` and `IKsJackDescription2` (P13).
    pub controls: Vec<ControlSpec>,
}

impl ConnectorSpec {
    /// A connector with subtype `KSCATEGORY_AUDIO` and an automatic local ID.
    pub fn new(name: impl Into<String>, flow: DataFlow, connector_type: ConnectorType) -> Self {
        ConnectorSpec {
            name: name.into(),
            flow,
            connector_type,
            subtype: guids::KSCATEGORY_AUDIO,
            local_id: None,
            controls: Vec::new(),
        }
    }

    /// Adds a control interface (checked when the system is built: P13, K15, X16).
    pub fn control(mut self, control: ControlSpec) -> Self {
        self.controls.push(control);
        self
    }

    /// Sets the subtype (pin category).
    pub fn subtype(mut self, subtype: Guid) -> Self {
        self.subtype = subtype;
        self
    }

    /// Sets an explicit local ID.
    pub fn local_id(mut self, local_id: LocalId) -> Self {
        self.local_id = Some(local_id);
        self
    }
}

/// Describes a subunit to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubunitSpec {
    /// The part name.
    pub name: String,
    /// The subtype: the KS node type (P5), for example `KSNODETYPE_VOLUME`.
    pub subtype: Guid,
    /// The local ID; `None` picks `0x0002_0000 | index` (X9, X11), or, when an explicit
    /// ID already took that one, the next free ID of the family.
    pub local_id: Option<LocalId>,
    /// The control interfaces, in `GetControlInterface` order: any of the 12 subunit
    /// controls (P13), including those the subtype requires (R4).
    pub controls: Vec<ControlSpec>,
}

impl SubunitSpec {
    /// A subunit with an automatic local ID.
    pub fn new(name: impl Into<String>, subtype: Guid) -> Self {
        SubunitSpec {
            name: name.into(),
            subtype,
            local_id: None,
            controls: Vec::new(),
        }
    }

    /// Adds a control interface (checked when the system is built: P13, P14, R4, K2, K9).
    pub fn control(mut self, control: ControlSpec) -> Self {
        self.controls.push(control);
        self
    }

    /// Sets an explicit local ID.
    pub fn local_id(mut self, local_id: LocalId) -> Self {
        self.local_id = Some(local_id);
        self
    }
}

/// Builds a [`System`], checking every rule as it goes: each method validates its input and
/// returns an error, never panics, and a failed call changes nothing.
///
/// ```
/// use devtopo::*;
///
/// let mut b = SystemBuilder::new();
/// let ep = b.add_device(DeviceSpec::new("{0.0.1.00000000}.{mic}", "Mic", DeviceKind::CaptureEndpoint))?;
/// let ep_c = b.add_connector(ep, ConnectorSpec::new("", DataFlow::Out, ConnectorType::PhysicalExternal))?;
/// let adapter = b.add_device(DeviceSpec::new("{2}.topo", "Topology", DeviceKind::Adapter))?;
/// let jack = b.add_connector(adapter, ConnectorSpec::new("Mic", DataFlow::In, ConnectorType::PhysicalExternal)
///     .subtype(guids::KSNODETYPE_MICROPHONE))?;
/// // A volume subunit must carry IAudioVolumeLevel (rules P14, R4).
/// let vol = b.add_subunit(adapter, SubunitSpec::new("Volume", guids::KSNODETYPE_VOLUME)
///     .control(ControlSpec::VolumeLevel(LevelSpec::uniform(2, -96.0, 0.0, 0.5, 0.0))))?;
/// b.add_link(jack, vol)?;
/// b.connect(ep_c, jack, Permanence::Transient)?;
/// // A second peer is refused (rule C3):
/// let again = b.connect(ep_c, jack, Permanence::Transient);
/// assert_eq!(again.map_err(|e| e.hresult()), Err(HResult::ERROR_DEVICE_ALREADY_ATTACHED));
/// let system = b.build()?;
/// assert_eq!(system.device("{2}.topo")?.topology()?.subunit_count()?, 1);
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct SystemBuilder {
    pub(crate) engine: Engine,
    /// Reused by every cycle check of [`SystemBuilder::add_link`].
    scratch: CycleScratch,
}

impl SystemBuilder {
    /// An empty builder.
    pub fn new() -> SystemBuilder {
        SystemBuilder::default()
    }

    /// Names a GUID devtopo does not know (a vendor's pin category or node type), so output
    /// prints the name ([`System::guid_name`]) and topology files and scenarios accept it.
    /// Naming a GUID again replaces its name.
    pub fn name_guid(&mut self, name: &str, guid: Guid) {
        self.engine
            .guid_names
            .insert(guid, std::sync::Arc::from(name));
    }

    /// Adds a device.
    ///
    /// # Errors
    /// [`Error::EmptyDeviceId`], [`Error::DuplicateDeviceId`].
    pub fn add_device(&mut self, spec: DeviceSpec) -> Result<DeviceKey> {
        self.engine.insert_device(&spec)
    }

    /// Adds a connector to a device. Its index (`GetConnector(n)`) is the number of connectors
    /// added before it (X11).
    ///
    /// # Errors
    /// [`Error::DuplicateLocalId`]; on an endpoint, [`Error::EndpointShape`] for a second
    /// connector and [`Error::EndpointFlow`] for the wrong flow (D2, D3);
    /// [`Error::UnknownKey`] for a key of another builder.
    pub fn add_connector(&mut self, device: DeviceKey, spec: ConnectorSpec) -> Result<PartKey> {
        let dev = self.engine.device(device)?;
        let id = self.engine.device_id(device.ix);
        if let Some(expected) = dev.kind.endpoint_flow() {
            if !dev.connectors.is_empty() {
                return Err(Error::EndpointShape {
                    device: id,
                    problem: EndpointProblem::Connectors(dev.connectors.len() + 1),
                });
            }
            if spec.flow != expected {
                return Err(Error::EndpointFlow {
                    device: id,
                    expected,
                });
            }
        }
        let data = ConnectorData::new(spec.flow, spec.connector_type, dev.kind);
        self.insert_part(
            device,
            spec.name,
            spec.subtype,
            spec.local_id,
            Some(data),
            spec.controls,
        )
    }

    /// Adds a subunit to an adapter device. Its index (`GetSubunit(n)`) is the number of
    /// subunits added before it (X11).
    ///
    /// # Errors
    /// [`Error::DuplicateLocalId`]; [`Error::EndpointShape`] on an endpoint (D2);
    /// [`Error::UnknownKey`].
    pub fn add_subunit(&mut self, device: DeviceKey, spec: SubunitSpec) -> Result<PartKey> {
        let dev = self.engine.device(device)?;
        if dev.kind.is_endpoint() {
            return Err(Error::EndpointShape {
                device: self.engine.device_id(device.ix),
                problem: EndpointProblem::Subunit,
            });
        }
        self.insert_part(
            device,
            spec.name,
            spec.subtype,
            spec.local_id,
            None,
            spec.controls,
        )
    }

    fn insert_part(
        &mut self,
        device: DeviceKey,
        name: String,
        subtype: Guid,
        local_id: Option<LocalId>,
        connector: Option<ConnectorData>,
        controls: Vec<ControlSpec>,
    ) -> Result<PartKey> {
        let dev = self.engine.device(device)?;
        let (family, index) = match connector {
            Some(_) => (0x0001_0000u32, dev.connectors.len()),
            None => (0x0002_0000u32, dev.subunits.len()),
        };
        let local_id = match local_id {
            Some(id) => id,
            // The KS-style ID for this index; if taken, the next free one above it (wrapping).
            None => (index..=0xFFFF)
                .chain(0..index)
                .map(|i| LocalId(family | (i as u32 & 0xFFFF)))
                .find(|id| !dev.has_local(&self.engine.graph, *id))
                .ok_or_else(|| Error::DuplicateLocalId {
                    device: self.engine.device_id(device.ix),
                    local_id: LocalId(family),
                })?,
        };
        if dev.has_local(&self.engine.graph, local_id) {
            return Err(Error::DuplicateLocalId {
                device: self.engine.device_id(device.ix),
                local_id,
            });
        }
        let is_connector = connector.is_some();
        let serial = next_serial();
        let subtype = self.engine.subtypes.intern(subtype);
        let node = self.engine.graph.add_node(PartNode {
            serial,
            device: device.ix,
            local_id,
            name: name.into(),
            subtype,
            connector,
            controls: controls.into_boxed_slice(),
        });
        self.engine
            .device_mut(device)?
            .push_part(node, is_connector, local_id);
        Ok(PartKey {
            serial,
            node,
            device: device.ix,
            local_id,
            part_type: if is_connector {
                PartType::Connector
            } else {
                PartType::Subunit
            },
        })
    }

    /// Adds a link from `from` to `to`: the signal flows from `from` into `to`.
    ///
    /// # Errors
    /// [`Error::LinkAcrossDevices`] (P10); [`Error::InvalidLink`] for a self-link, a duplicate
    /// link or a cycle; [`Error::UnknownKey`].
    pub fn add_link(&mut self, from: PartKey, to: PartKey) -> Result<()> {
        let (a, b) = (self.engine.part(from)?, self.engine.part(to)?);
        let invalid = |reason| Error::InvalidLink {
            from: self.engine.part_ref(from.node),
            to: self.engine.part_ref(to.node),
            reason,
        };
        if a.device != b.device {
            return Err(Error::LinkAcrossDevices {
                from: self.engine.part_ref(from.node),
                to: self.engine.part_ref(to.node),
            });
        }
        if from.node == to.node {
            return Err(invalid(LinkProblem::SelfLink));
        }
        if self.engine.graph.contains_edge(from.node, to.node) {
            return Err(invalid(LinkProblem::Duplicate));
        }
        // O(what the new link can reach), no allocation once the scratch has grown.
        if would_close_cycle(&self.engine.graph, from.node, to.node, &mut self.scratch) {
            return Err(invalid(LinkProblem::Cycle));
        }
        self.engine.graph.add_edge(from.node, to.node, ());
        Ok(())
    }

    /// Connects two connectors of different devices, with the same checks as
    /// `IConnector::ConnectTo` (rules C3, C4, D12, D14, X1-X4) and, for a permanent
    /// connection, that both ends are `Software_Fixed` (D15, X7).
    ///
    /// # Errors
    /// As [`Connector::connect_to`](crate::Connector::connect_to), plus
    /// [`Error::PermanentNotSoftwareFixed`].
    pub fn connect(&mut self, a: PartKey, b: PartKey, permanence: Permanence) -> Result<()> {
        if permanence == Permanence::Permanent {
            for key in [a, b] {
                let part = self.engine.part(key)?;
                if let Some(c) = &part.connector {
                    if c.connector_type != ConnectorType::SoftwareFixed {
                        return Err(Error::PermanentNotSoftwareFixed {
                            part: self.engine.part_ref(key.node),
                            connector_type: c.connector_type,
                        });
                    }
                }
            }
        }
        self.engine.connect(a, b, permanence)
    }

    /// Finishes the system.
    ///
    /// # Errors
    /// [`Error::EndpointShape`] for an endpoint without its one connector (D2);
    /// [`Error::InvalidControl`] for a control that breaks a rule (P13, P14, R4, K2, K3, K9,
    /// K10, K13, K15, X16).
    pub fn build(self) -> Result<System> {
        self.build_placed().map_err(|(e, _)| e)
    }

    /// [`SystemBuilder::build`], with the device slot an [`Error::EndpointShape`] is about
    /// (for loaders that say which entry of a file it was).
    pub(crate) fn build_placed(self) -> std::result::Result<System, (Error, Option<u32>)> {
        self.check_all_controls().map_err(|e| (e, None))?;
        for (ix, slot) in self.engine.devices.iter().enumerate() {
            if let Some(dev) = &slot.node {
                if dev.kind.is_endpoint() && dev.connectors.len() != 1 {
                    let error = Error::EndpointShape {
                        device: slot.id,
                        problem: EndpointProblem::Connectors(dev.connectors.len()),
                    };
                    return Err((error, u32::try_from(ix).ok()));
                }
            }
        }
        // The cycle marks are not needed any more; the lists get their spare room back
        // before the MMDevice layer allocates the stores (the peak of a load, issue 11).
        let SystemBuilder {
            mut engine,
            scratch,
        } = self;
        drop(scratch);
        engine.shrink();
        engine.init_mmdevice();
        Ok(System::from_engine(engine))
    }

    /// Checks every part's controls (see [`SystemBuilder::build`]).
    fn check_all_controls(&self) -> Result<()> {
        for node in self.engine.graph.node_indices() {
            self.check_node_controls(node)?;
        }
        Ok(())
    }

    /// Checks one part's controls: the rules of [`check_controls`] and the selector links
    /// (K9, K10).
    fn check_node_controls(&self, node: NodeIndex<u32>) -> Result<()> {
        let engine = &self.engine;
        let Some(part) = engine.graph.node_weight(node) else {
            return Ok(());
        };
        let invalid = |problem| Error::InvalidControl {
            part: engine.part_ref(node),
            problem,
        };
        check_controls(part.part_type(), engine.subtype(part), &part.controls).map_err(invalid)?;
        for control in &part.controls {
            let (kind, selection, direction) = match control {
                ControlSpec::InputSelector(s) => (control.kind(), *s, Direction::Incoming),
                ControlSpec::OutputSelector(s) => (control.kind(), *s, Direction::Outgoing),
                _ => continue,
            };
            if !engine.is_linked_selection(node, direction, selection) {
                return Err(invalid(ControlProblem::SelectionNotLinked {
                    control: kind,
                    selection,
                }));
            }
        }
        Ok(())
    }

    /// Replaces the controls of a part and checks them at once, with the checks of
    /// [`SystemBuilder::build`] (so selectors must be linked already). For loaders that learn
    /// a part's controls after its links (topology files name selections by part name).
    /// A failed call changes nothing (G5).
    ///
    /// # Errors
    /// [`Error::InvalidControl`]; [`Error::UnknownKey`].
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn set_controls(&mut self, part: PartKey, controls: Vec<ControlSpec>) -> Result<()> {
        self.engine.part(part)?;
        let slot = self
            .engine
            .graph
            .node_weight_mut(part.node)
            .map(|p| std::mem::replace(&mut p.controls, controls.into_boxed_slice()));
        if let Err(e) = self.check_node_controls(part.node) {
            if let (Some(old), Some(p)) = (slot, self.engine.graph.node_weight_mut(part.node)) {
                p.controls = old;
            }
            return Err(e);
        }
        Ok(())
    }

    /// The part of `device` with this local ID, if any (for files that name parts by ID).
    pub fn part_by_local_id(&self, device: DeviceKey, local_id: LocalId) -> Option<PartKey> {
        let dev = self.engine.device(device).ok()?;
        let node = dev.part_by_local(&self.engine.graph, local_id)?;
        Some(self.engine.key_of(node))
    }

    /// The local ID a part got, explicit or automatic (X9, X11); `None` for a key of another
    /// builder.
    pub fn local_id(&self, part: PartKey) -> Option<LocalId> {
        self.engine.part(part).ok().map(|p| p.local_id)
    }

    /// The device with this ID, if any.
    pub fn device_by_id(&self, id: &str) -> Option<DeviceKey> {
        let ix = *self.engine.by_id.get(id)?;
        Some(self.engine.device_key(ix))
    }

    /// The device ID of a key, for messages.
    pub fn device_id(&self, device: DeviceKey) -> Option<DeviceId> {
        self.engine.device(device).ok()?;
        Some(self.engine.device_id(device.ix))
    }
}
