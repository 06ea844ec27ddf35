//! ToothTray's walk (rule W9, m2jean/ToothTray `BluetoothAudioDevices.cpp`), transcribed call
//! by call onto devtopo, on the bundled headsets topology: enumerate render endpoints in every
//! state, follow each connector to its adapter, keep the adapters whose ID starts
//! `{2}.\\?\bth` (Q9), group them by `PKEY_Device_ContainerId` (S22), and reconnect a
//! headset by sending `KSPROPERTY_ONESHOT_RECONNECT` through each filter's `IKsControl` (Q8).
//!
//! The simulated Bluetooth driver is a script (Q11): handlers that, on RECONNECT, bring the
//! headset's endpoints back (`Hardware::plug`, B5). The test then reads the request log.
//!
//! Run with `cargo run --example toothtray`.

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write;
use std::sync::Arc;

use devtopo::*;

/// One Bluetooth headset as ToothTray sees it: a name and the `IKsControl`s of its filters.
#[derive(Default)]
struct Headset {
    name: String,
    endpoints: Vec<Device>,
    controls: Vec<(String, KsControl)>,
}

/// `EnumAudioEndpoints(eRender, DEVICE_STATEMASK_ALL)` -> FriendlyName, ContainerId ->
/// `Activate(IDeviceTopology)` -> each connector's `GetConnectedTo` (failure = skip) ->
/// `GetTopologyObject` -> `GetDeviceId` starting `{2}.\\?\bth` -> `GetDevice` ->
/// `Activate(IKsControl)`.
fn bluetooth_headsets(system: &System) -> devtopo::Result<BTreeMap<Guid, Headset>> {
    let mut headsets: BTreeMap<Guid, Headset> = BTreeMap::new();
    let endpoints = system.enum_audio_endpoints(EDataFlow::Render, DeviceState::MASK_ALL)?;
    for i in 0..endpoints.count()? {
        let endpoint = endpoints.item(i)?;
        let store = endpoint.open_property_store(STGM_READ)?;
        let name = store.value(&pkey::PKEY_Device_FriendlyName)?;
        // ToothTray dereferences puuid whenever vt != VT_EMPTY (S38).
        let PropVariant::Clsid(container) = store.value(&pkey::PKEY_Device_ContainerId)? else {
            continue;
        };
        let topology = endpoint.topology()?;
        for c in 0..topology.connector_count()? {
            let Ok(peer) = topology.connector(c)?.connected_to() else {
                continue;
            };
            let filter_id = peer.as_part().topology()?.device_id()?;
            if !filter_id.starts_with("{2}.\\\\?\\bth") {
                continue;
            }
            let filter = system.device(&filter_id)?;
            let Some(control) = filter
                .activate(iids::IID_IKsControl, CLSCTX_ALL, None)?
                .into_ks_control()
            else {
                continue;
            };
            let headset = headsets.entry(container).or_default();
            if headset.name.is_empty() {
                headset.name = name.as_str().unwrap_or("no name").to_owned();
            }
            headset.endpoints.push(endpoint.clone());
            headset.controls.push((filter_id, control));
        }
    }
    Ok(headsets)
}

/// ToothTray's "connected": any endpoint of the headset ACTIVE.
fn connected(headset: &Headset) -> bool {
    headset
        .endpoints
        .iter()
        .any(|e| e.state().is_ok_and(|s| s == DeviceState::Active))
}

/// Installs the simulated Bluetooth driver of one filter: RECONNECT plugs, DISCONNECT
/// unplugs the filter's endpoints (Q8: the request only *tries*; the states tell).
fn install_driver(system: &System, filter: &Device, endpoints: Vec<String>) -> devtopo::Result<()> {
    for (id, plug) in [
        (ks::KSPROPERTY_ONESHOT_RECONNECT, true),
        (ks::KSPROPERTY_ONESHOT_DISCONNECT, false),
    ] {
        let s = system.clone();
        let endpoints = endpoints.clone();
        let handler = move |_: &KsRequest| -> Result<Vec<u8>, HResult> {
            for ep in &endpoints {
                let ep = s.device(ep).map_err(|e| e.hresult())?;
                let hw = s.hardware();
                if plug { hw.plug(&ep) } else { hw.unplug(&ep) }.map_err(|e| e.hresult())?;
            }
            Ok(Vec::new())
        };
        system.hardware().set_ks_handler(
            filter,
            KsRequestKind::Property,
            ks::KSPROPSETID_BtAudio,
            id,
            ks::KSPROPERTY_TYPE_GET,
            Arc::new(handler),
        )?;
    }
    Ok(())
}

/// The example: the headset starts disconnected (UNPLUGGED, B5); ToothTray finds it, sends
/// RECONNECT to each of its filters, and sees it connected.
pub(crate) fn run() -> Result<(String, System), Box<dyn Error>> {
    let system = fixtures::headsets()?;
    // The driver knows its endpoints: each filter's, found from the endpoint side.
    let mut by_filter: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ep in system.endpoints(EDataFlow::All, DeviceState::MASK_ALL)? {
        if let Ok(filter) = ep.topology()?.connector(0)?.device_id_connected_to() {
            by_filter.entry(filter).or_default().push(ep.id()?);
        }
    }
    for (filter, endpoints) in by_filter {
        if filter.starts_with("{2}.\\\\?\\bth") {
            install_driver(&system, &system.device(&filter)?, endpoints)?;
        }
    }
    let hw = system.hardware();
    for id in [
        fixtures::HEADSETS_BT_A2DP,
        fixtures::HEADSETS_BT_HFP_RENDER,
        fixtures::HEADSETS_BT_HFP_CAPTURE,
    ] {
        hw.unplug(&system.device(id)?)?;
    }
    let mut out = String::new();
    let headsets = bluetooth_headsets(&system)?;
    for (container, headset) in &headsets {
        writeln!(
            out,
            "{} {container}: {} filter(s), {}",
            headset.name,
            headset.controls.len(),
            if connected(headset) {
                "connected"
            } else {
                "disconnected"
            }
        )?;
        // ToothTray sends {Set, Id, KSPROPERTY_TYPE_GET}, 24 bytes, NULL/0 and logs the HRESULT.
        let request = ks_identifier(
            ks::KSPROPSETID_BtAudio,
            ks::KSPROPERTY_ONESHOT_RECONNECT,
            ks::KSPROPERTY_TYPE_GET,
        );
        for (filter, control) in &headset.controls {
            let hr = control
                .ks_property(&request, None)
                .map_or_else(|e| e.hresult(), |_| HResult::S_OK);
            writeln!(out, "  reconnect via {filter}: {hr}")?;
        }
        writeln!(
            out,
            "  now {}",
            if connected(headset) {
                "connected"
            } else {
                "disconnected"
            }
        )?;
    }
    Ok((out, system))
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?.0);
    Ok(())
}
