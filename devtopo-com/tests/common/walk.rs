//! The walk, in one text format shared with `cpp/walk.cpp`:
//!
//! ```text
//! topology <device id> connectors <n> subunits <m>
//!   part 0x<local id> <type> "<name>" <subtype> <global id>
//!     control "<name>" <iid>
//!     connector type <t> flow <f> connected <0|1> peer <device id> <connector id> | peer 0x<hr>
//!     jack <i> color 0x<c> conn <t> geo <g> gen <g> port <p> connected <0|1> map 0x<m>
//!     volume <ch> 0x<level bits> [0x<min> 0x<max> 0x<step>]
//!     mute <0|1>
//!     in <ids> | in 0x<hr>
//!     out <ids> | out 0x<hr>
//!   path from 0x<id>: 0x<id> 0x<id> ... end
//! ```
//!
//! Floats print as their IEEE bits so C++ and Rust agree exactly. Iterative, no recursion.

use std::collections::BTreeSet;
use std::fmt::Write;

use devtopo::{ControlKind, DataFlow, Guid, Part, System, guids};
use devtopo_com::*;
use windows_core::{GUID, HRESULT, Interface};

pub fn guid_text(g: &GUID) -> String {
    format!(
        "{{{:08X}-{:04X}-{:04X}-{:02X}{:02X}-{:02X}{:02X}{:02X}{:02X}{:02X}{:02X}}}",
        g.data1,
        g.data2,
        g.data3,
        g.data4[0],
        g.data4[1],
        g.data4[2],
        g.data4[3],
        g.data4[4],
        g.data4[5],
        g.data4[6],
        g.data4[7]
    )
}

fn dguid(g: Guid) -> GUID {
    GUID {
        data1: g.data1,
        data2: g.data2,
        data3: g.data3,
        data4: g.data4,
    }
}

fn hr_text(code: HRESULT) -> String {
    format!("0x{:08X}", code.0 as u32)
}

/// `IPart::Activate` the windows-rs way: the raw out-pointer, then `from_raw`.
pub fn activate<T: Interface>(part: &IPart) -> windows_core::Result<T> {
    let mut raw = std::ptr::null_mut();
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        part.Activate(CLSCTX_ALL, &T::IID, Some(&mut raw)).ok()?;
        Ok(T::from_raw(raw))
    }
}

pub const CLSCTX_ALL: u32 = 0x17;

fn name(p: windows_core::PWSTR) -> String {
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe { take_pwstr(p) }.unwrap_or_default()
}

/// The walk of every device of `system`, through COM only.
pub fn com_walk(system: &System) -> String {
    let mut out = String::new();
    for device in system.devices() {
        let id = device.id().expect("device id");
        let topology = match device.topology() {
            Ok(t) => device_topology(&t),
            Err(e) => {
                writeln!(out, "topology {id} 0x{:08X}", e.hresult().bits()).unwrap();
                continue;
            }
        };
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        unsafe { com_topology(&mut out, &topology) }.expect("walk");
    }
    out
}

unsafe fn com_topology(out: &mut String, topology: &IDeviceTopology) -> windows_core::Result<()> {
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let connectors = topology.GetConnectorCount()?;
        let subunits = topology.GetSubunitCount()?;
        let id = name(topology.GetDeviceId()?);
        writeln!(
            out,
            "topology {id} connectors {connectors} subunits {subunits}"
        )
        .unwrap();
        for i in 0..connectors {
            com_part(out, &topology.GetConnector(i)?.cast::<IPart>()?)?;
        }
        for i in 0..subunits {
            com_part(out, &topology.GetSubunit(i)?.cast::<IPart>()?)?;
        }
        // devicetopology.exe: connector 0, across the connection, then the parts beyond.
        if connectors > 0 {
            let c0 = topology.GetConnector(0)?;
            if let Ok(peer) = c0.GetConnectedTo() {
                let forward = peer.GetDataFlow()? == In;
                let start = peer.cast::<IPart>()?;
                let start_id = start.GetLocalId()?;
                write!(out, "  path from 0x{start_id:08x}:").unwrap();
                let mut stack = vec![start];
                let mut seen = BTreeSet::new();
                while let Some(part) = stack.pop() {
                    let pid = part.GetLocalId()?;
                    if !seen.insert(pid) {
                        continue;
                    }
                    write!(out, " 0x{pid:08x}").unwrap();
                    let next = if forward {
                        part.EnumPartsOutgoing()
                    } else {
                        part.EnumPartsIncoming()
                    };
                    match next {
                        Ok(list) => {
                            for k in (0..list.GetCount()?).rev() {
                                stack.push(list.GetPart(k)?);
                            }
                        }
                        Err(e) if e.code() == HRESULT(devtopo::HResult::E_NOTFOUND.0) => {}
                        Err(e) => return Err(e),
                    }
                }
                writeln!(out, " end").unwrap();
            }
        }
        Ok(())
    }
}

unsafe fn com_part(out: &mut String, part: &IPart) -> windows_core::Result<()> {
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let kind = if part.GetPartType()? == Connector {
            "Connector"
        } else {
            "Subunit"
        };
        writeln!(
            out,
            "  part 0x{:08x} {kind} \"{}\" {} {}",
            part.GetLocalId()?,
            name(part.GetName()?),
            guid_text(&part.GetSubType()?),
            name(part.GetGlobalId()?)
        )
        .unwrap();
        for i in 0..part.GetControlInterfaceCount()? {
            let control = part.GetControlInterface(i)?;
            writeln!(
                out,
                "    control \"{}\" {}",
                name(control.GetName()?),
                guid_text(&control.GetIID()?)
            )
            .unwrap();
        }
        if let Ok(connector) = part.cast::<IConnector>() {
            write!(
                out,
                "    connector type {} flow {} connected {}",
                connector.GetType()?,
                connector.GetDataFlow()?,
                connector.IsConnected()?.0
            )
            .unwrap();
            match connector.GetConnectedTo() {
                Ok(_) => writeln!(
                    out,
                    " peer {} {}",
                    name(connector.GetDeviceIdConnectedTo()?),
                    name(connector.GetConnectorIdConnectedTo()?)
                )
                .unwrap(),
                Err(e) => writeln!(out, " peer {}", hr_text(e.code())).unwrap(),
            }
        }
        if let Ok(jacks) = activate::<IKsJackDescription>(part) {
            for j in 0..jacks.GetJackCount()? {
                let mut d = KSJACK_DESCRIPTION::default();
                jacks.GetJackDescription(j, &mut d).ok()?;
                writeln!(
                    out,
                    "    jack {j} color 0x{:08x} conn {} geo {} gen {} port {} connected {} map 0x{:08x}",
                    d.Color,
                    d.ConnectionType,
                    d.GeoLocation,
                    d.GenLocation,
                    d.PortConnection,
                    d.IsConnected.0,
                    d.ChannelMapping
                )
                .unwrap();
            }
        }
        if let Ok(volume) = activate::<IAudioVolumeLevel>(part) {
            for ch in 0..volume.GetChannelCount()? {
                let (mut min, mut max, mut step) = (0f32, 0f32, 0f32);
                volume
                    .GetLevelRange(ch, &mut min, &mut max, &mut step)
                    .ok()?;
                writeln!(
                    out,
                    "    volume {ch} 0x{:08x} [0x{:08x} 0x{:08x} 0x{:08x}]",
                    volume.GetLevel(ch)?.to_bits(),
                    min.to_bits(),
                    max.to_bits(),
                    step.to_bits()
                )
                .unwrap();
            }
        }
        if let Ok(mute) = activate::<IAudioMute>(part) {
            writeln!(out, "    mute {}", mute.GetMute()?.0).unwrap();
        }
        for (label, list) in [
            ("in", part.EnumPartsIncoming()),
            ("out", part.EnumPartsOutgoing()),
        ] {
            match list {
                Ok(list) => {
                    write!(out, "    {label}").unwrap();
                    for k in 0..list.GetCount()? {
                        write!(out, " 0x{:08x}", list.GetPart(k)?.GetLocalId()?).unwrap();
                    }
                    writeln!(out).unwrap();
                }
                Err(e) => writeln!(out, "    {label} {}", hr_text(e.code())).unwrap(),
            }
        }
        Ok(())
    }
}

/// The same walk through devtopo's Rust handles.
pub fn rust_walk(system: &System) -> String {
    let mut out = String::new();
    for device in system.devices() {
        let id = device.id().expect("device id");
        let topology = match device.topology() {
            Ok(t) => t,
            Err(e) => {
                writeln!(out, "topology {id} 0x{:08X}", e.hresult().bits()).unwrap();
                continue;
            }
        };
        rust_topology(&mut out, &topology).expect("walk");
    }
    out
}

fn rust_topology(out: &mut String, topology: &devtopo::DeviceTopology) -> devtopo::Result<()> {
    let connectors = topology.connector_count()?;
    let subunits = topology.subunit_count()?;
    writeln!(
        out,
        "topology {} connectors {connectors} subunits {subunits}",
        topology.device_id()?
    )
    .unwrap();
    for i in 0..connectors {
        rust_part(out, topology.connector(i)?.as_part())?;
    }
    for i in 0..subunits {
        rust_part(out, topology.subunit(i)?.as_part())?;
    }
    if connectors > 0
        && let Ok(peer) = topology.connector(0)?.connected_to()
    {
        let forward = peer.data_flow()? == DataFlow::In;
        let start = peer.as_part().clone();
        write!(out, "  path from 0x{:08x}:", start.local_id()?.0).unwrap();
        let mut stack = vec![start];
        let mut seen = BTreeSet::new();
        while let Some(part) = stack.pop() {
            let pid = part.local_id()?.0;
            if !seen.insert(pid) {
                continue;
            }
            write!(out, " 0x{pid:08x}").unwrap();
            let next = if forward {
                part.parts_outgoing()
            } else {
                part.parts_incoming()
            };
            match next {
                Ok(list) => stack.extend(list.iter().collect::<Vec<_>>().into_iter().rev()),
                Err(e) if e.hresult() == devtopo::HResult::E_NOTFOUND => {}
                Err(e) => return Err(e),
            }
        }
        writeln!(out, " end").unwrap();
    }
    Ok(())
}

fn rust_part(out: &mut String, part: &Part) -> devtopo::Result<()> {
    writeln!(
        out,
        "  part 0x{:08x} {} \"{}\" {} {}",
        part.local_id()?.0,
        part.part_type()?.name(),
        part.name()?,
        guid_text(&dguid(part.subtype()?)),
        part.global_id()?
    )
    .unwrap();
    for i in 0..part.control_interface_count()? {
        let control = part.control_interface(i)?;
        writeln!(
            out,
            "    control \"{}\" {}",
            control.name()?,
            guid_text(&dguid(control.iid()?))
        )
        .unwrap();
    }
    if let Ok(connector) = part.as_connector() {
        write!(
            out,
            "    connector type {} flow {} connected {}",
            connector.connector_type()?.value(),
            connector.data_flow()?.value(),
            i32::from(connector.is_connected()?)
        )
        .unwrap();
        match connector.connected_to() {
            Ok(_) => writeln!(
                out,
                " peer {} {}",
                connector.device_id_connected_to()?,
                connector.connector_id_connected_to()?
            )
            .unwrap(),
            Err(e) => writeln!(out, " peer 0x{:08X}", e.hresult().bits()).unwrap(),
        }
    }
    if let Some(jacks) = part
        .activate(devtopo::CLSCTX_ALL, guids::IID_IKsJackDescription)
        .ok()
        .and_then(|c| c.into_jack_description())
    {
        for j in 0..jacks.jack_count()? {
            let d = jacks.jack_description(j)?;
            writeln!(
                out,
                "    jack {j} color 0x{:08x} conn {} geo {} gen {} port {} connected {} map 0x{:08x}",
                d.color,
                d.connection_type.value(),
                d.geo_location.value(),
                d.gen_location.value(),
                d.port_connection.value(),
                i32::from(d.is_connected),
                d.channel_mapping
            )
            .unwrap();
        }
    }
    if let Some(volume) = part
        .activate(devtopo::CLSCTX_ALL, ControlKind::VolumeLevel.iid())
        .ok()
        .and_then(|c| c.into_level())
    {
        for ch in 0..volume.channel_count()? {
            let r = volume.level_range(ch)?;
            writeln!(
                out,
                "    volume {ch} 0x{:08x} [0x{:08x} 0x{:08x} 0x{:08x}]",
                volume.level(ch)?.to_bits(),
                r.min_db.to_bits(),
                r.max_db.to_bits(),
                r.step_db.to_bits()
            )
            .unwrap();
        }
    }
    if let Some(mute) = part
        .activate(devtopo::CLSCTX_ALL, ControlKind::Mute.iid())
        .ok()
        .and_then(|c| c.into_mute())
    {
        writeln!(out, "    mute {}", i32::from(mute.mute()?)).unwrap();
    }
    for (label, list) in [
        ("in", part.parts_incoming()),
        ("out", part.parts_outgoing()),
    ] {
        match list {
            Ok(list) => {
                write!(out, "    {label}").unwrap();
                for p in &list {
                    write!(out, " 0x{:08x}", p.local_id()?.0).unwrap();
                }
                writeln!(out).unwrap();
            }
            Err(e) => writeln!(out, "    {label} 0x{:08X}", e.hresult().bits()).unwrap(),
        }
    }
    Ok(())
}

// --- The walk starting from IMMDeviceEnumerator (the way client code starts) ---
//
// ```text
// endpoint <id> state 0x<s> flow <f> name "<PKEY_Device_FriendlyName, "" if not VT_LPWSTR>"
// <the topology lines of the endpoint>
// adapter <id> instance "<PKEY_Device_InstanceId>"
// <the topology lines of the adapter>
// ```
//
// Every endpoint in every state (`eAll`, `DEVICE_STATEMASK_ALL`) in enumeration order; then
// each adapter reached through an endpoint's connector 0 (`GetDeviceIdConnectedTo`), in the
// order first reached.

/// A string property the way Chromium reads one: `VT_LPWSTR`, else empty (S38).
///
/// # Safety
/// `store` must be a live `IPropertyStore`.
pub unsafe fn com_string_property(store: &IPropertyStore, key: &devtopo::PropertyKey) -> String {
    let key = PROPERTYKEY {
        fmtid: dguid(key.fmtid),
        pid: key.pid,
    };
    // SAFETY: COM calls on live interface pointers devtopo-com handed out; the PROPVARIANT
    // is read by its tag and cleared with PropVariantClear.
    unsafe {
        let mut var = store.GetValue(&key).expect("GetValue");
        let inner = &var.Anonymous.Anonymous;
        let text = if inner.vt.0 == 31 {
            devtopo_com::pwstr_to_string(windows_core::PCWSTR(inner.Anonymous.pwszVal.0))
                .unwrap_or_default()
        } else {
            String::new()
        };
        assert_eq!(PropVariantClear(&mut var), HRESULT(0));
        text
    }
}

fn rust_string_property(device: &devtopo::Device, key: &devtopo::PropertyKey) -> String {
    let store = device
        .open_property_store(devtopo::STGM_READ)
        .expect("store");
    store
        .value(key)
        .expect("value")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The enumerator walk through COM only.
pub fn com_enumerator_walk(enumerator: &IMMDeviceEnumerator) -> String {
    let mut out = String::new();
    let mut adapters: Vec<String> = Vec::new();
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        let endpoints = enumerator
            .EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL as u32)
            .expect("EnumAudioEndpoints");
        for i in 0..endpoints.GetCount().expect("GetCount") {
            let device = endpoints.Item(i).expect("Item");
            let id = name(device.GetId().expect("GetId"));
            let state = device.GetState().expect("GetState");
            let flow = device
                .cast::<IMMEndpoint>()
                .expect("IMMEndpoint")
                .GetDataFlow()
                .expect("GetDataFlow");
            let store = device.OpenPropertyStore(0).expect("OpenPropertyStore");
            let friendly = com_string_property(&store, &devtopo::pkey::PKEY_Device_FriendlyName);
            writeln!(
                out,
                "endpoint {id} state 0x{state:x} flow {flow} name \"{friendly}\""
            )
            .unwrap();
            let topology = com_activate_topology(&device);
            com_topology(&mut out, &topology).expect("walk");
            if let Ok(adapter) = topology
                .GetConnector(0)
                .and_then(|c| c.GetDeviceIdConnectedTo())
                .map(name)
                && !adapters.contains(&adapter)
            {
                adapters.push(adapter);
            }
        }
        for id in adapters {
            let wide: Vec<u16> = id.encode_utf16().chain([0]).collect();
            let device = enumerator
                .GetDevice(windows_core::PCWSTR(wide.as_ptr()))
                .expect("GetDevice");
            let store = device.OpenPropertyStore(0).expect("OpenPropertyStore");
            let instance = com_string_property(&store, &devtopo::pkey::PKEY_Device_InstanceId);
            writeln!(out, "adapter {id} instance \"{instance}\"").unwrap();
            com_topology(&mut out, &com_activate_topology(&device)).expect("walk");
        }
    }
    out
}

/// `IMMDevice::Activate(IID_IDeviceTopology)` the windows-rs way.
///
/// # Safety
/// `device` must be a live `IMMDevice`.
pub unsafe fn com_activate_topology(device: &IMMDevice) -> IDeviceTopology {
    // SAFETY: a COM call on a live interface pointer.
    unsafe { device.Activate::<IDeviceTopology>(CLSCTX_ALL, None) }.expect("Activate")
}

/// The enumerator walk through devtopo's Rust handles.
pub fn rust_enumerator_walk(system: &System) -> String {
    let mut out = String::new();
    let mut adapters: Vec<String> = Vec::new();
    let endpoints = system
        .enum_audio_endpoints(devtopo::EDataFlow::All, devtopo::DeviceState::MASK_ALL)
        .expect("enum");
    for device in endpoints {
        let id = device.id().expect("id");
        let state = device.state().expect("state").value();
        let flow = device.data_flow().expect("flow").value();
        let friendly = rust_string_property(&device, &devtopo::pkey::PKEY_Device_FriendlyName);
        writeln!(
            out,
            "endpoint {id} state 0x{state:x} flow {flow} name \"{friendly}\""
        )
        .unwrap();
        let topology = device.topology().expect("topology");
        rust_topology(&mut out, &topology).expect("walk");
        if let Ok(adapter) = topology
            .connector(0)
            .and_then(|c| c.device_id_connected_to())
            && !adapters.contains(&adapter)
        {
            adapters.push(adapter);
        }
    }
    for id in adapters {
        let device = system.device(&id).expect("adapter");
        let instance = rust_string_property(&device, &devtopo::pkey::PKEY_Device_InstanceId);
        writeln!(out, "adapter {id} instance \"{instance}\"").unwrap();
        rust_topology(&mut out, &device.topology().expect("topology")).expect("walk");
    }
    out
}
