//! Reading the machine through COM: endpoints, the adapters connections reach, their parts,
//! links and connections, property stores and default endpoints. Breadth first over devices,
//! with an explicit queue (no recursion).

use std::collections::{HashSet, VecDeque};

use devtopo::file::Limit;
use devtopo::{
    ConnectorSpec, ConnectorType, DataFlow, DeviceKind, DeviceState, EDataFlow, ERole, LocalId,
    Permanence, SubunitSpec,
};
use windows_core::{HRESULT, Interface, PCWSTR};

use super::{ConnectionModel, DeviceModel, Log, Model, controls, store};
use crate::generated::{
    DEVICE_STATEMASK_ALL, IConnector, IDeviceTopology, IMMDevice, IMMDeviceEnumerator, IMMEndpoint,
    IPart, IPartsList, eAll,
};
use crate::memory::take_pwstr;
use crate::objects::part::guid;

/// `CLSCTX_ALL`.
pub(crate) const CLSCTX_ALL: u32 = 0x17;

const E_NOTFOUND: HRESULT = HRESULT(devtopo::HResult::E_NOTFOUND.0);
const ERROR_PATH_NOT_FOUND: HRESULT = HRESULT(devtopo::HResult::ERROR_PATH_NOT_FOUND.0);

/// Reads everything `enumerator` shows into a [`Model`].
pub(crate) fn gather(enumerator: &IMMDeviceEnumerator, log: &mut Log) -> Model {
    let mut g = Gatherer {
        enumerator,
        log,
        model: Model::default(),
        seen: HashSet::new(),
        queue: VecDeque::new(),
        links_seen: HashSet::new(),
    };
    // SAFETY: `enumerator` is a live IMMDeviceEnumerator (the caller's reference), and every
    // interface the walk obtains is owned by a windows-core smart pointer.
    unsafe { g.run() };
    g.model
}

struct Gatherer<'a> {
    enumerator: &'a IMMDeviceEnumerator,
    log: &'a mut Log,
    model: Model,
    /// Device IDs read or queued.
    seen: HashSet<String>,
    /// Adapter IDs to read, in the order reached.
    queue: VecDeque<String>,
    /// Connections recorded, by their two ends (either order).
    links_seen: HashSet<((String, LocalId), (String, LocalId))>,
}

/// A string a COM method returned, read and freed.
///
/// # Safety
/// `result` holds NULL or a `CoTaskMemAlloc` string the caller owns.
unsafe fn text(result: windows_core::Result<windows_core::PWSTR>) -> windows_core::Result<String> {
    // SAFETY: by the contract, the string is the caller's to read and free.
    result.map(|p| unsafe { take_pwstr(p) }.unwrap_or_default())
}

impl Gatherer<'_> {
    /// # Safety
    /// `self.enumerator` is live.
    unsafe fn run(&mut self) {
        // SAFETY: COM calls on live interface pointers (see `gather`).
        unsafe {
            match self
                .enumerator
                .EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL as u32)
            {
                Ok(endpoints) => {
                    let count = endpoints.GetCount().unwrap_or_else(|e| {
                        self.log.warn(
                            "",
                            None,
                            "IMMDeviceCollection::GetCount",
                            &e,
                            "no endpoint captured",
                        );
                        0
                    });
                    let count = self.log.cap(
                        "",
                        None,
                        "IMMDeviceCollection::GetCount",
                        count,
                        Limit::Devices,
                    );
                    for i in 0..count {
                        match endpoints.Item(i) {
                            Ok(device) => self.device(&device, None),
                            Err(e) => self.log.warn(
                                "",
                                None,
                                &format!("IMMDeviceCollection::Item({i})"),
                                &e,
                                "endpoint skipped",
                            ),
                        }
                    }
                }
                Err(e) => self.log.warn(
                    "",
                    None,
                    "IMMDeviceEnumerator::EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL)",
                    &e,
                    "no endpoint captured",
                ),
            }
            let max = self.log.limits.get(Limit::Devices);
            while let Some(id) = self.queue.pop_front() {
                if self.model.devices.len() >= max {
                    self.log.note(
                        &id,
                        None,
                        format!(
                            "over the file limit {} devices: not captured",
                            Limit::Devices.name()
                        ),
                    );
                    continue;
                }
                let wide: Vec<u16> = id.encode_utf16().chain([0]).collect();
                match self.enumerator.GetDevice(PCWSTR(wide.as_ptr())) {
                    Ok(device) => self.device(&device, Some(&id)),
                    Err(e) => self.log.warn(
                        &id,
                        None,
                        "IMMDeviceEnumerator::GetDevice",
                        &e,
                        "the adapter and its parts are not captured",
                    ),
                }
            }
            self.defaults();
        }
    }

    /// `GetDefaultAudioEndpoint` for both flows and the three roles (V6, X38).
    ///
    /// # Safety
    /// `self.enumerator` is live.
    unsafe fn defaults(&mut self) {
        for flow in [EDataFlow::Render, EDataFlow::Capture] {
            for role in [ERole::Console, ERole::Multimedia, ERole::Communications] {
                // SAFETY: COM calls on live interface pointers.
                let found = unsafe {
                    self.enumerator
                        .GetDefaultAudioEndpoint(flow.value() as i32, role.value() as i32)
                        .and_then(|d| text(d.GetId()))
                };
                match found {
                    Ok(id) => self.model.defaults.push((flow, role, id)),
                    Err(e) if e.code() == E_NOTFOUND => {}
                    Err(e) => self.log.warn(
                        "",
                        None,
                        &format!("IMMDeviceEnumerator::GetDefaultAudioEndpoint({flow}, {role})"),
                        &e,
                        "that default is not pinned",
                    ),
                }
            }
        }
    }

    /// Reads one device; `known` is the ID it was reached by (adapters).
    ///
    /// # Safety
    /// `device` is live.
    unsafe fn device(&mut self, device: &IMMDevice, known: Option<&str>) {
        // SAFETY: COM calls on live interface pointers.
        unsafe {
            let id = match text(device.GetId()) {
                Ok(id) => id,
                Err(e) => {
                    self.log.warn(
                        known.unwrap_or(""),
                        None,
                        "IMMDevice::GetId",
                        &e,
                        "device skipped",
                    );
                    return;
                }
            };
            if known.is_none() && !self.seen.insert(id.clone()) {
                return;
            }
            let kind = match device.cast::<IMMEndpoint>() {
                Ok(endpoint) => match endpoint.GetDataFlow() {
                    Ok(1) => DeviceKind::CaptureEndpoint,
                    Ok(_) => DeviceKind::RenderEndpoint,
                    Err(e) => {
                        self.log
                            .warn(&id, None, "IMMEndpoint::GetDataFlow", &e, "device skipped");
                        return;
                    }
                },
                // X45: an adapter IMMDevice is no IMMEndpoint.
                Err(_) => DeviceKind::Adapter,
            };
            let state = match device.GetState() {
                Ok(s) => DeviceState::from_value(s).unwrap_or(DeviceState::Active),
                Err(e) => {
                    self.log.warn(
                        &id,
                        None,
                        "IMMDevice::GetState",
                        &e,
                        "state taken as DEVICE_STATE_ACTIVE",
                    );
                    DeviceState::Active
                }
            };
            let properties = store::read(device, &id, self.log);
            let name = store::device_name(kind, &properties);
            let mut model = DeviceModel {
                id: id.clone(),
                name,
                kind,
                state,
                properties,
                connectors: Vec::new(),
                subunits: Vec::new(),
                outgoing: Vec::new(),
                incoming: Vec::new(),
            };
            match device.Activate::<IDeviceTopology>(CLSCTX_ALL, None) {
                Ok(topology) => self.topology(&topology, &mut model),
                Err(e) => self.log.warn(
                    &id,
                    None,
                    "IMMDevice::Activate(IID_IDeviceTopology)",
                    &e,
                    "the device is captured without parts",
                ),
            }
            if kind.is_endpoint() && model.connectors.is_empty() {
                self.log.note(
                    &id,
                    None,
                    "the endpoint's connector could not be read: the endpoint is not captured (rule D2)",
                );
                return;
            }
            self.model.devices.push(model);
        }
    }

    /// The parts of one device, by index (X11), and its links and connections.
    ///
    /// # Safety
    /// `topology` is live.
    unsafe fn topology(&mut self, topology: &IDeviceTopology, model: &mut DeviceModel) {
        let id = model.id.clone();
        // SAFETY: COM calls on live interface pointers.
        unsafe {
            let connectors = topology.GetConnectorCount().unwrap_or_else(|e| {
                self.log.warn(
                    &id,
                    None,
                    "IDeviceTopology::GetConnectorCount",
                    &e,
                    "no connector captured",
                );
                0
            });
            let connectors = self.log.cap(
                &id,
                None,
                "IDeviceTopology::GetConnectorCount",
                connectors,
                Limit::PartsPerDevice,
            );
            for i in 0..connectors {
                match topology.GetConnector(i).and_then(|c| c.cast::<IPart>()) {
                    Ok(part) => {
                        if let Some(spec) = self.connector(&part, model) {
                            model.connectors.push(spec);
                        }
                    }
                    Err(e) => self.log.warn(
                        &id,
                        None,
                        &format!("IDeviceTopology::GetConnector({i})"),
                        &e,
                        "connector skipped",
                    ),
                }
            }
            let subunits = if model.kind.is_endpoint() {
                0
            } else {
                topology.GetSubunitCount().unwrap_or_else(|e| {
                    self.log.warn(
                        &id,
                        None,
                        "IDeviceTopology::GetSubunitCount",
                        &e,
                        "no subunit captured",
                    );
                    0
                })
            };
            let subunits = self.log.cap(
                &id,
                None,
                "IDeviceTopology::GetSubunitCount",
                subunits,
                Limit::PartsPerDevice,
            );
            for i in 0..subunits {
                match topology.GetSubunit(i).and_then(|c| c.cast::<IPart>()) {
                    Ok(part) => {
                        if let Some((local_id, name, subtype)) = self.part_header(&part, &id) {
                            let controls = controls::read_all(&part, &id, local_id, self.log);
                            self.links(&part, &id, local_id, model);
                            model.subunits.push(SubunitSpec {
                                name,
                                subtype,
                                local_id: Some(local_id),
                                controls,
                            });
                        }
                    }
                    Err(e) => self.log.warn(
                        &id,
                        None,
                        &format!("IDeviceTopology::GetSubunit({i})"),
                        &e,
                        "subunit skipped",
                    ),
                }
            }
        }
    }

    /// Local ID, name and subtype of a part.
    ///
    /// # Safety
    /// `part` is live.
    unsafe fn part_header(
        &mut self,
        part: &IPart,
        device: &str,
    ) -> Option<(LocalId, String, devtopo::Guid)> {
        // SAFETY: COM calls on live interface pointers.
        unsafe {
            let local_id = match part.GetLocalId() {
                Ok(v) => LocalId(v),
                Err(e) => {
                    self.log
                        .warn(device, None, "IPart::GetLocalId", &e, "part skipped");
                    return None;
                }
            };
            let name = text(part.GetName()).unwrap_or_else(|e| {
                self.log.warn(
                    device,
                    Some(local_id),
                    "IPart::GetName",
                    &e,
                    "name captured empty",
                );
                String::new()
            });
            let subtype = match part.GetSubType() {
                Ok(g) => guid(&g),
                Err(e) => {
                    self.log.warn(
                        device,
                        Some(local_id),
                        "IPart::GetSubType",
                        &e,
                        "subtype captured as KSCATEGORY_AUDIO",
                    );
                    devtopo::guids::KSCATEGORY_AUDIO
                }
            };
            Some((local_id, name, subtype))
        }
    }

    /// One connector: its header, type, flow, controls, links and connection.
    ///
    /// # Safety
    /// `part` is live.
    unsafe fn connector(&mut self, part: &IPart, model: &mut DeviceModel) -> Option<ConnectorSpec> {
        let id = model.id.clone();
        // SAFETY: COM calls on live interface pointers.
        unsafe {
            let (local_id, name, subtype) = self.part_header(part, &id)?;
            let connector = match part.cast::<IConnector>() {
                Ok(c) => c,
                Err(e) => {
                    self.log.warn(
                        &id,
                        Some(local_id),
                        "IPart::QueryInterface(IID_IConnector)",
                        &e,
                        "connector skipped",
                    );
                    return None;
                }
            };
            let connector_type = match connector.GetType() {
                Ok(t) => ConnectorType::from_value(t as u32),
                Err(e) => {
                    self.log.warn(
                        &id,
                        Some(local_id),
                        "IConnector::GetType",
                        &e,
                        "connector skipped",
                    );
                    return None;
                }
            };
            let Some(connector_type) = connector_type else {
                self.log.note(
                    &id,
                    Some(local_id),
                    "a connector type devtopo does not know: connector skipped",
                );
                return None;
            };
            let flow = match connector
                .GetDataFlow()
                .map(|f| DataFlow::from_value(f as u32))
            {
                Ok(Some(f)) => f,
                Ok(None) => {
                    self.log.note(
                        &id,
                        Some(local_id),
                        "a data flow devtopo does not know: connector skipped",
                    );
                    return None;
                }
                Err(e) => {
                    self.log.warn(
                        &id,
                        Some(local_id),
                        "IConnector::GetDataFlow",
                        &e,
                        "connector skipped",
                    );
                    return None;
                }
            };
            let controls = controls::read_all(part, &id, local_id, self.log);
            self.links(part, &id, local_id, model);
            self.connection(&connector, &id, local_id, connector_type);
            Some(ConnectorSpec {
                name,
                flow,
                connector_type,
                subtype,
                local_id: Some(local_id),
                controls,
            })
        }
    }

    /// The connection of one connector, if a client can see it (C9, X22).
    ///
    /// # Safety
    /// `connector` is live.
    unsafe fn connection(
        &mut self,
        connector: &IConnector,
        id: &str,
        local_id: LocalId,
        connector_type: ConnectorType,
    ) {
        // SAFETY: COM calls on live interface pointers.
        unsafe {
            match connector.IsConnected() {
                Ok(b) if !b.as_bool() => {
                    if connector_type == ConnectorType::SoftwareIo {
                        self.log.note(
                            id,
                            Some(local_id),
                            "Software_IO: the far side is a client's stream, not a part; not captured",
                        );
                    }
                    return;
                }
                Ok(_) => {}
                Err(e) => {
                    self.log.warn(
                        id,
                        Some(local_id),
                        "IConnector::IsConnected",
                        &e,
                        "its connection is not captured",
                    );
                    return;
                }
            }
            let peer = connector.GetConnectedTo().and_then(|peer| {
                let peer_id = text(connector.GetDeviceIdConnectedTo())?;
                let part = peer.cast::<IPart>()?;
                let peer_type = peer.GetType()?;
                Ok((peer_id, LocalId(part.GetLocalId()?), peer_type))
            });
            let (peer_id, peer_local, peer_type) = match peer {
                Ok(p) => p,
                Err(e) if e.code() == ERROR_PATH_NOT_FOUND => {
                    self.log.note(
                        id,
                        Some(local_id),
                        "connected, but the peer's device is not ACTIVE: GetConnectedTo gives ERROR_PATH_NOT_FOUND (C9, X22); the connection is captured only if seen from the other side",
                    );
                    return;
                }
                Err(e) => {
                    self.log.warn(
                        id,
                        Some(local_id),
                        "IConnector::GetConnectedTo",
                        &e,
                        "its connection is not captured",
                    );
                    return;
                }
            };
            let a = (id.to_owned(), local_id);
            let b = (peer_id.clone(), peer_local);
            if self.links_seen.contains(&(b.clone(), a.clone()))
                || !self.links_seen.insert((a.clone(), b.clone()))
            {
                return;
            }
            // D15: a connection of two Software_Fixed connectors is the driver's, permanent.
            let permanence = if connector_type == ConnectorType::SoftwareFixed
                && peer_type as u32 == ConnectorType::SoftwareFixed.value()
            {
                Permanence::Permanent
            } else {
                Permanence::Transient
            };
            self.model
                .connections
                .push(ConnectionModel { a, b, permanence });
            if self.seen.insert(peer_id.clone()) {
                self.queue.push_back(peer_id);
            }
        }
    }

    /// `EnumPartsOutgoing` and `EnumPartsIncoming` of one part (X12); `E_NOTFOUND` is no
    /// link (P9).
    ///
    /// # Safety
    /// `part` is live.
    unsafe fn links(&mut self, part: &IPart, id: &str, local_id: LocalId, model: &mut DeviceModel) {
        // SAFETY: COM calls on live interface pointers.
        unsafe {
            for (outgoing, call) in [
                (true, "IPart::EnumPartsOutgoing"),
                (false, "IPart::EnumPartsIncoming"),
            ] {
                let list = if outgoing {
                    part.EnumPartsOutgoing()
                } else {
                    part.EnumPartsIncoming()
                };
                let max =
                    u32::try_from(self.log.limits.get(Limit::PartsPerDevice)).unwrap_or(u32::MAX);
                let ids = match list.and_then(|l| local_ids(&l, max)) {
                    Ok(ids) => ids,
                    Err(e) if e.code() == E_NOTFOUND => Vec::new(),
                    Err(e) => {
                        self.log
                            .warn(id, Some(local_id), call, &e, "these links are not captured");
                        continue;
                    }
                };
                if outgoing {
                    model.outgoing.push((local_id, ids));
                } else {
                    model.incoming.push((local_id, ids));
                }
            }
        }
    }
}

/// The local IDs of a parts list, in order.
///
/// # Safety
/// `list` is live.
unsafe fn local_ids(list: &IPartsList, max: u32) -> windows_core::Result<Vec<LocalId>> {
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        let mut out = Vec::new();
        for k in 0..list.GetCount()?.min(max) {
            out.push(LocalId(list.GetPart(k)?.GetLocalId()?));
        }
        Ok(out)
    }
}
