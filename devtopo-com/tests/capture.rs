//! Capture round trip (issue 9): simulate a system, serve it through devtopo-com, capture it
//! through COM only, and check the capture equals the original, up to decision X69's list of
//! what a client cannot see (docs/capture.md). For every bundled topology, every shipped
//! scenario's end state, and (a property test) generated systems.

mod common;

use std::path::PathBuf;

use devtopo::{
    ConnectorType, ControlSpec, DeviceKind, EDataFlow, ERole, FormatSupportSpec, Permanence,
    Snapshot, System, pkey,
};
use devtopo_com::capture::{self, probe_grid};
use proptest::prelude::*;

/// The snapshot as capture can reproduce it (X69): devices by ID (the position of adapters
/// among endpoints is not visible), endpoint labels and chosen defaults left out (compared
/// on their own), formats as the probe grid sees them, device-specific properties writable,
/// Software_Fixed pairs permanent (D15), no callback registrations.
fn visible(snapshot: &Snapshot) -> Snapshot {
    let mut s = reachable(snapshot);
    s.registrations.clear();
    let fixed: Vec<(String, devtopo::LocalId)> = s
        .devices
        .iter()
        .flat_map(|d| {
            d.parts.iter().filter_map(move |p| {
                let c = p.connector.as_ref()?;
                (c.connector_type == ConnectorType::SoftwareFixed)
                    .then(|| (d.id.clone(), p.local_id))
            })
        })
        .collect();
    for d in &mut s.devices {
        if d.kind != DeviceKind::Adapter {
            d.name.clear();
        }
        d.default_for.clear();
        for p in &mut d.parts {
            if let Some(peer) = p.connector.as_mut().and_then(|c| {
                let fixed_here = c.connector_type == ConnectorType::SoftwareFixed;
                c.peer.as_mut().map(|peer| (fixed_here, peer))
            }) {
                let (fixed_here, peer) = peer;
                let fixed_there = fixed.contains(&(peer.device.clone(), peer.local_id));
                peer.permanence = if fixed_here && fixed_there {
                    Permanence::Permanent
                } else {
                    Permanence::Transient
                };
            }
            for control in &mut p.controls {
                match control {
                    ControlSpec::FormatSupport(f) => **f = on_grid(f),
                    ControlSpec::DeviceSpecificProperty(d) => d.read_only = false,
                    _ => {}
                }
            }
        }
    }
    s.devices.sort_by(|a, b| a.id.cmp(&b.id));
    s
}

/// What a client can reach (X69): every endpoint; then, breadth first, every device across a
/// connection seen from a reached device. `GetConnectedTo` toward a device that is not
/// ACTIVE gives `ERROR_PATH_NOT_FOUND` (C9, X22), so a connection is seen only from a
/// reached end whose peer's device is ACTIVE. Unseen connections and unreached devices go.
fn reachable(snapshot: &Snapshot) -> Snapshot {
    use std::collections::{HashMap, HashSet, VecDeque};
    let mut s = snapshot.clone();
    let state: HashMap<String, devtopo::DeviceState> =
        s.devices.iter().map(|d| (d.id.clone(), d.state)).collect();
    let active = |id: &str| state.get(id) == Some(&devtopo::DeviceState::Active);
    let mut reached: HashSet<String> = HashSet::new();
    let mut queue: VecDeque<String> = s
        .devices
        .iter()
        .filter(|d| d.kind != DeviceKind::Adapter)
        .map(|d| d.id.clone())
        .collect();
    let mut seen: HashSet<((String, devtopo::LocalId), (String, devtopo::LocalId))> =
        HashSet::new();
    while let Some(id) = queue.pop_front() {
        if !reached.insert(id.clone()) {
            continue;
        }
        let Some(d) = s.devices.iter().find(|d| d.id == id) else {
            continue;
        };
        for p in &d.parts {
            if let Some(peer) = p.connector.as_ref().and_then(|c| c.peer.as_ref())
                && active(&peer.device)
            {
                let a = (id.clone(), p.local_id);
                let b = (peer.device.clone(), peer.local_id);
                seen.insert((a.clone(), b.clone()));
                seen.insert((b, a));
                queue.push_back(peer.device.clone());
            }
        }
    }
    s.devices.retain(|d| reached.contains(&d.id));
    for d in &mut s.devices {
        for p in &mut d.parts {
            if let Some(c) = p.connector.as_mut()
                && let Some(peer) = &c.peer
            {
                let key = (
                    (d.id.clone(), p.local_id),
                    (peer.device.clone(), peer.local_id),
                );
                if !seen.contains(&key) {
                    c.peer = None;
                }
            }
        }
    }
    s
}

/// A format control as the probe grid sees it: the supported grid formats in grid order,
/// the preferred one first when it is off the grid.
fn on_grid(f: &FormatSupportSpec) -> FormatSupportSpec {
    let mut formats: Vec<_> = probe_grid()
        .iter()
        .filter(|g| f.supports(g))
        .copied()
        .collect();
    if !formats.contains(&f.preferred) {
        formats.insert(0, f.preferred);
    }
    FormatSupportSpec {
        formats,
        ranges: Vec::new(),
        preferred: f.preferred,
    }
}

/// The effective default endpoint of each flow and role (V6, X38).
fn defaults(system: &System) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for flow in [EDataFlow::Render, EDataFlow::Capture] {
        for role in [ERole::Console, ERole::Multimedia, ERole::Communications] {
            out.push(
                system
                    .default_endpoint(flow, role)
                    .and_then(|d| d.id())
                    .ok(),
            );
        }
    }
    out
}

/// The endpoints in `EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL)` order (V1).
fn endpoint_order(system: &System) -> Vec<String> {
    system
        .enum_audio_endpoints(EDataFlow::All, devtopo::DeviceState::MASK_ALL)
        .map(|c| c.iter().filter_map(|d| d.id().ok()).collect())
        .unwrap_or_default()
}

/// The first difference of two snapshots, for a readable failure.
fn first_difference(a: &Snapshot, b: &Snapshot) -> String {
    if a.devices.len() != b.devices.len() {
        let ids = |s: &Snapshot| s.devices.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        return format!("devices {:?}\n vs {:?}", ids(a), ids(b));
    }
    for (x, y) in a.devices.iter().zip(&b.devices) {
        if x != y {
            for (p, q) in x.parts.iter().zip(&y.parts) {
                if p != q {
                    return format!("device {}:\n{p:#?}\n vs\n{q:#?}", x.id);
                }
            }
            let mut x = x.clone();
            x.parts.clear();
            let mut y = y.clone();
            y.parts.clear();
            return format!("{x:#?}\n vs\n{y:#?}");
        }
    }
    String::new()
}

/// Captures `system` through COM and checks the round trip; returns the capture.
fn round_trip(what: &str, system: &System) -> capture::Capture {
    let before = system.snapshot();
    let enumerator = devtopo_com::enumerator(system);
    let captured = capture::capture(&enumerator, what)
        .unwrap_or_else(|e| panic!("{what}: capture failed: {e}"));
    assert!(
        captured.warnings().is_empty(),
        "{what}: {:#?}",
        captured.warnings()
    );
    let got = captured.system();
    let (want, have) = (visible(&before), visible(&got.snapshot()));
    assert!(want == have, "{what}: {}", first_difference(&want, &have));
    assert_eq!(defaults(system), defaults(got), "{what}: defaults (X38)");
    assert_eq!(
        endpoint_order(system),
        endpoint_order(got),
        "{what}: V1 order"
    );
    // X69: an endpoint is named by its PKEY_Device_DeviceDesc.
    for d in got.devices() {
        if d.kind().is_ok_and(|k| k != DeviceKind::Adapter) {
            let desc = d
                .open_property_store(devtopo::STGM_READ)
                .and_then(|s| s.value(&pkey::PKEY_Device_DeviceDesc))
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            assert_eq!(d.name().ok(), Some(desc), "{what}");
        }
    }
    // The file says the same as the system, in both formats.
    for text in [
        captured.to_toml_string().expect("toml"),
        captured.to_json_string().expect("json"),
    ] {
        let again = if text.starts_with('#') {
            System::from_toml_str(&text)
        } else {
            System::from_json_str(&text)
        }
        .unwrap_or_else(|e| panic!("{what}: the captured file does not load: {e}\n{text}"));
        let (a, b) = (visible(&again.snapshot()), have.clone());
        let strip = |mut s: Snapshot| {
            for d in &mut s.devices {
                d.properties.sort_by_key(|(k, _)| *k);
            }
            s
        };
        assert!(
            strip(a.clone()) == strip(b.clone()),
            "{what}: file: {}",
            first_difference(&a, &b)
        );
    }
    captured
}

#[test]
fn every_bundled_topology_round_trips_through_com() {
    for (path, system) in common::bundled() {
        round_trip(&path.display().to_string(), &system);
    }
}

fn scenarios_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../scenarios"))
}

#[test]
fn every_shipped_scenario_end_state_round_trips_through_com() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenarios_dir())
        .expect("scenarios/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let mut scenario = devtopo::scenario::Scenario::load(&path)
            .unwrap_or_else(|e| panic!("{}: {}", path.display(), e[0]));
        let failed: Vec<_> = scenario.run().filter(|o| !o.ok).collect();
        assert!(failed.is_empty(), "{}: {}", path.display(), failed[0].line);
        round_trip(
            &format!("the end state of {}", path.display()),
            scenario.system(),
        );
    }
}

/// The header says where the capture came from and that every call succeeded.
#[test]
fn the_header_names_the_source_and_the_unseen() {
    let system = devtopo::fixtures::four_topologies().expect("fixture");
    let captured =
        capture::capture(&devtopo_com::enumerator(&system), "the four fixture").expect("capture");
    let header = captured.header().join("\n");
    assert!(header.contains("from the four fixture at 20"), "{header}");
    assert!(header.contains("Every call succeeded."), "{header}");
    // K15's DMA pin is Software_IO: its far side is a client's stream (X69).
    assert!(header.contains("Software_IO"), "{header}");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).map_or(24, |n: u32| n.min(48)),
        ..ProptestConfig::default()
    })]

    /// Generated systems (devtopo::generate) round-trip through COM too.
    #[test]
    fn generated_systems_round_trip_through_com(parts in 1usize..120, seed in any::<u64>()) {
        let system = devtopo::generate(parts, seed).expect("generate");
        round_trip(&format!("generate({parts}, {seed})"), &system);
    }
}

/// An enumerator that delegates to devtopo's, but removes a device from the system just
/// before the capture reaches it: the device disappears mid-capture.
#[windows_core::implement(devtopo_com::IMMDeviceEnumerator)]
struct Vanishing {
    inner: devtopo_com::IMMDeviceEnumerator,
    system: System,
    /// The adapter removed when `GetDevice` asks for it.
    adapter: Option<String>,
    /// The endpoint removed once `EnumAudioEndpoints` has listed it.
    endpoint: Option<String>,
    /// `EnumAudioEndpoints` answers a collection that claims `u32::MAX` endpoints.
    bogus_count: bool,
}

/// A collection that claims more endpoints than it has.
#[windows_core::implement(devtopo_com::IMMDeviceCollection)]
struct Bogus(devtopo_com::IMMDeviceCollection);

impl devtopo_com::IMMDeviceCollection_Impl for Bogus_Impl {
    fn GetCount(&self) -> windows_core::Result<u32> {
        Ok(u32::MAX)
    }

    fn Item(&self, i: u32) -> windows_core::Result<devtopo_com::IMMDevice> {
        // SAFETY: a COM call on a live interface pointer.
        unsafe { self.0.Item(i) }
    }
}

impl devtopo_com::IMMDeviceEnumerator_Impl for Vanishing_Impl {
    fn EnumAudioEndpoints(
        &self,
        flow: devtopo_com::EDataFlow,
        mask: u32,
    ) -> windows_core::Result<devtopo_com::IMMDeviceCollection> {
        // SAFETY: a COM call on a live interface pointer.
        let list = unsafe { self.inner.EnumAudioEndpoints(flow, mask) }?;
        if let Some(id) = &self.endpoint {
            self.system.remove_device(id).expect("remove endpoint");
        }
        if self.bogus_count {
            return Ok(Bogus(list).into());
        }
        Ok(list)
    }

    fn GetDefaultAudioEndpoint(
        &self,
        flow: devtopo_com::EDataFlow,
        role: devtopo_com::ERole,
    ) -> windows_core::Result<devtopo_com::IMMDevice> {
        // SAFETY: a COM call on a live interface pointer.
        unsafe { self.inner.GetDefaultAudioEndpoint(flow, role) }
    }

    fn GetDevice(&self, id: &windows_core::PCWSTR) -> windows_core::Result<devtopo_com::IMMDevice> {
        // SAFETY: the caller passes a NUL-terminated string.
        let text = unsafe { devtopo_com::pwstr_to_string(*id) }.unwrap_or_default();
        if self.adapter.as_deref() == Some(text.as_str()) {
            self.system.remove_device(&text).expect("remove adapter");
        }
        // SAFETY: a COM call on a live interface pointer.
        unsafe { self.inner.GetDevice(*id) }
    }

    fn RegisterEndpointNotificationCallback(
        &self,
        client: windows_core::Ref<'_, devtopo_com::IMMNotificationClient>,
    ) -> windows_core::Result<()> {
        // SAFETY: a COM call on a live interface pointer.
        unsafe {
            self.inner
                .RegisterEndpointNotificationCallback(client.as_ref())
        }
        .ok()
    }

    fn UnregisterEndpointNotificationCallback(
        &self,
        client: windows_core::Ref<'_, devtopo_com::IMMNotificationClient>,
    ) -> windows_core::Result<()> {
        // SAFETY: a COM call on a live interface pointer.
        unsafe {
            self.inner
                .UnregisterEndpointNotificationCallback(client.as_ref())
        }
        .ok()
    }
}

/// A device that disappears mid-capture (X64: `GetDevice` of a removed ID is `E_NOTFOUND`;
/// a stale endpoint answers `AUDCLNT_E_DEVICE_INVALIDATED`, X26) is a warning naming it, and
/// capture goes on with everything else.
#[test]
fn x64_a_device_that_disappears_mid_capture_is_a_warning() {
    let system = devtopo::fixtures::four_topologies().expect("fixture");
    let mux = devtopo::fixtures::FOUR_MUX.to_owned();
    let epa = system.devices()[0].id().expect("id");
    let vanishing: devtopo_com::IMMDeviceEnumerator = Vanishing {
        inner: devtopo_com::enumerator(&system),
        system: system.clone(),
        adapter: Some(mux.clone()),
        endpoint: Some(epa.clone()),
        bogus_count: false,
    }
    .into();
    let captured = capture::capture(&vanishing, "a vanishing machine").expect("capture");
    let warnings = captured.warnings();
    let gone = warnings
        .iter()
        .find(|w| w.device == mux)
        .unwrap_or_else(|| panic!("no warning for {mux}: {warnings:#?}"));
    assert_eq!(gone.call, "IMMDeviceEnumerator::GetDevice");
    assert_eq!(gone.hresult, devtopo::HResult::E_NOTFOUND);
    assert!(
        warnings
            .iter()
            .any(|w| w.hresult == devtopo::HResult::AUDCLNT_E_DEVICE_INVALIDATED),
        "{warnings:#?}"
    );
    let got = captured.system();
    assert!(got.device(&mux).is_err() && got.device(&epa).is_err());
    // Capture went on: every endpoint still there was captured.
    let endpoints = |s: &System| endpoint_order(s);
    assert_eq!(endpoints(got), endpoints(&system));
    assert!(!endpoints(got).is_empty());
    let header = captured.header().join("\n");
    assert!(
        header.contains(&format!("warning: device {mux}")),
        "{header}"
    );
}

/// C9, X22: toward a device that is not ACTIVE, `GetConnectedTo` gives
/// `ERROR_PATH_NOT_FOUND`; capture records it as not visible, naming device and part.
#[test]
fn c9_x22_a_connection_toward_an_inactive_device_is_noted() {
    let system = devtopo::fixtures::sysvad_hdmi().expect("fixture");
    let endpoint = system
        .device(devtopo::fixtures::SYSVAD_HDMI_ENDPOINT)
        .expect("endpoint");
    let adapter = endpoint
        .topology()
        .and_then(|t| t.connector(0))
        .and_then(|c| c.device_id_connected_to())
        .expect("adapter");
    system
        .hardware()
        .disable(&system.device(&adapter).expect("adapter"))
        .expect("disable");
    let captured = capture::capture(&devtopo_com::enumerator(&system), "x22").expect("capture");
    let note = captured
        .notes()
        .iter()
        .find(|n| n.device == devtopo::fixtures::SYSVAD_HDMI_ENDPOINT)
        .expect("a note for the endpoint");
    assert_eq!(note.part, Some(devtopo::LocalId(0x10000)));
    assert!(note.text.contains("ERROR_PATH_NOT_FOUND"), "{note}");
    round_trip("sysvad-hdmi, adapter disabled", &system);
}

/// Capture calls no setter: the source is unchanged, except that reading a peak meter
/// consumes its pending peak (K8), which the capture holds.
#[test]
fn k8_capture_changes_nothing_but_the_peaks_it_reads() {
    for (path, system) in common::bundled() {
        let before = system.snapshot();
        capture::capture(&devtopo_com::enumerator(&system), "g5").expect("capture");
        assert!(before == system.snapshot(), "{}", path.display());
    }
    let system = devtopo::fixtures::sysvad_hdmi().expect("fixture");
    let meter = system
        .devices()
        .iter()
        .filter_map(|d| d.topology().ok())
        .flat_map(|t| (0..t.subunit_count().unwrap_or(0)).filter_map(move |i| t.subunit(i).ok()))
        .map(|s| s.as_part().clone())
        .find(|p| p.subtype().ok() == Some(devtopo::guids::KSNODETYPE_PEAKMETER))
        .expect("a peak meter");
    system.hardware().feed_peak(&meter, 0, -6.0).expect("feed");
    let captured = round_trip("sysvad-hdmi with a pending peak", &system);
    let copy = captured
        .system()
        .find_part(&format!(
            "{}/{}",
            meter.topology().and_then(|t| t.device_id()).expect("id"),
            meter.local_id().expect("lid")
        ))
        .expect("captured meter");
    let peak = copy
        .activate_as::<devtopo::AudioPeakMeter>(devtopo::CLSCTX_ALL)
        .and_then(|m| m.level(0))
        .expect("peak");
    assert_eq!(peak, -6.0);
    let source = meter
        .activate_as::<devtopo::AudioPeakMeter>(devtopo::CLSCTX_ALL)
        .and_then(|m| m.level(0))
        .expect("peak");
    assert_eq!(source, f32::NEG_INFINITY);
}

/// A count no machine has (`GetCount` = `u32::MAX`) is bounded by the file limit
/// `max_devices`: capture ends, notes it, and keeps every endpoint that exists.
#[test]
fn a_bogus_count_is_bounded_by_the_file_limits() {
    let system = devtopo::fixtures::sysvad().expect("fixture");
    let bogus: devtopo_com::IMMDeviceEnumerator = Vanishing {
        inner: devtopo_com::enumerator(&system),
        system: system.clone(),
        adapter: None,
        endpoint: None,
        bogus_count: true,
    }
    .into();
    let captured = capture::capture(&bogus, "a bogus collection").expect("capture");
    assert!(
        captured
            .notes()
            .iter()
            .any(|n| n.text.contains("max_devices") && n.text.contains("4294967295")),
        "{:#?}",
        captured.notes()
    );
    assert_eq!(endpoint_order(captured.system()), endpoint_order(&system));
    let failed = endpoint_order(&system).len();
    assert_eq!(captured.warnings().len(), 1024 - failed);
    assert!(
        captured
            .warnings()
            .iter()
            .all(|w| w.call.starts_with("IMMDeviceCollection::Item("))
    );
}

/// `capture_with` caps what it reads at the given limits (noted), and `Limits::none()` caps
/// nothing: a generated machine of more devices than `max_devices` allows is captured whole.
#[test]
fn capture_with_limits_caps_and_none_caps_nothing() {
    let system = devtopo::generate(400, 3).expect("generate");
    let enumerator = devtopo_com::enumerator(&system);
    let mut few = devtopo::file::Limits::default();
    few.set(devtopo::file::Limit::Devices, 3);
    let capped = capture::capture_with(&enumerator, "capped", &few).expect("capture");
    assert!(capped.system().devices().len() <= 3);
    assert!(
        capped
            .notes()
            .iter()
            .any(|n| n.text.contains("max_devices")),
        "{:#?}",
        capped.notes()
    );
    let whole = capture::capture_with(&enumerator, "whole", &devtopo::file::Limits::none())
        .expect("capture");
    assert!(visible(&whole.system().snapshot()) == visible(&system.snapshot()));
}
