//! The toolkit's method list ([`Method`]) against docs/methods.md, and every method's handle
//! recording itself under its own COM name (issue 10: faults and records cover every
//! IMMDevice*, IPropertyStore, IDeviceTopology, IConnector, IPart, IPartsList, control and
//! IKsControl method).

use std::collections::BTreeSet;
use std::sync::Arc;

use devtopo::*;

type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

/// The interfaces whose rows in docs/methods.md are implemented by the client, not served
/// by devtopo: they have no [`Method`] (the record is of calls *into* devtopo).
const CLIENT_INTERFACES: [&str; 2] = ["IMMNotificationClient", "IControlChangeNotify"];

/// Every `IInterface::Method` named in the first column of the methods table, except the
/// client-implemented callbacks and bare `QueryInterface` rows.
fn documented() -> BTreeSet<String> {
    let text = include_str!("../../docs/methods.md");
    let mut names = BTreeSet::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let first = line.split('|').nth(1).unwrap_or("");
        for quoted in first.split('`').skip(1).step_by(2) {
            let Some((interface, method)) = quoted.split_once("::") else {
                continue;
            };
            if CLIENT_INTERFACES.contains(&interface) {
                continue;
            }
            names.insert(format!("{interface}::{method}"));
        }
    }
    names
}

#[test]
fn every_method_row_of_methods_md_has_a_method_and_back() {
    let documented = documented();
    assert!(documented.len() > 80, "{} rows", documented.len());
    let known: BTreeSet<String> = Method::ALL.iter().map(ToString::to_string).collect();
    // `IAudioVolumeLevel`, `IAudioBass`, ... share the IPerChannelDbLevel methods (their
    // vtables are the same); the rows name only IPerChannelDbLevel in the first column.
    let missing: Vec<_> = documented.difference(&known).collect();
    assert!(missing.is_empty(), "rows without a Method: {missing:?}");
    let undocumented: Vec<_> = known.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "Methods without a row: {undocumented:?}"
    );
}

/// Calls every method once on the four-topology example plus the effects device of the
/// state-machine test (every control kind), and returns the record.
fn call_everything() -> std::result::Result<Record, Box<dyn std::error::Error>> {
    let text = format!(
        "{}\n{}",
        include_str!("../../topologies/four-topologies.toml"),
        include_str!("model/effects.toml")
    );
    let system = System::from_toml_str(&text)?;
    system.set_elevated(true);
    system.recorder().start();
    let endpoints = system.enum_audio_endpoints(EDataFlow::All, DeviceState::MASK_ALL)?;
    endpoints.count()?;
    let mic = endpoints.item(0)?;
    system.default_endpoint(EDataFlow::Capture, ERole::Console)?;
    let log = EndpointEventLog::new();
    system.register_endpoint_notification_callback(log.clone())?;
    system.unregister_endpoint_notification_callback(&*log)?;
    mic.id()?;
    mic.state()?;
    mic.data_flow()?;
    let store = mic.open_property_store(STGM_READWRITE)?;
    store.count()?;
    let key = store.at(0)?;
    let value = store.value(&key)?;
    store.set_value(&key, value)?;
    store.commit()?;
    let mux = system.device(fixtures::FOUR_MUX)?;
    let ks = mux
        .activate(iids::IID_IKsControl, CLSCTX_ALL, None)?
        .into_ks_control()
        .expect("an adapter serves IKsControl");
    let property = ks_identifier(Guid::NULL, 0, ks::KSPROPERTY_TYPE_GET);
    let _ = ks.ks_property(&property, None);
    let _ = ks.ks_method(&property, None);
    let _ = ks.ks_event(None, None);
    for device in system.devices() {
        let topology = device.topology()?;
        topology.device_id()?;
        let _ = topology.subunit(topology.subunit_count()?);
        for i in 0..topology.connector_count()? {
            let c = topology.connector(i)?;
            c.connector_type()?;
            c.data_flow()?;
            if c.is_connected()? {
                let _ = c.connected_to();
                let _ = c.connector_id_connected_to();
                let _ = c.device_id_connected_to();
            }
        }
        let first = topology.connector(0)?;
        let part = topology.part_by_id(first.as_part().local_id()?)?;
        let _ = topology.signal_path(&part, &part, MixedPaths::Allow)?;
        for local in device_parts(&topology)? {
            every_part_method(&topology.part_by_id(local)?)?;
        }
    }
    let (a, b) = (
        system
            .find_part("Endpoint Device B/0x10000")?
            .as_connector()?,
        system
            .find_part("Input Multiplexer Device/Microphone")?
            .as_connector()?,
    );
    a.disconnect()?;
    a.connect_to(&b)?;
    Ok(system.recorder().take())
}

/// The local IDs of a topology's parts (connectors, then subunits).
fn device_parts(topology: &DeviceTopology) -> Result<Vec<LocalId>> {
    let mut ids = Vec::new();
    for i in 0..topology.connector_count()? {
        ids.push(topology.connector(i)?.as_part().local_id()?);
    }
    for i in 0..topology.subunit_count()? {
        ids.push(topology.subunit(i)?.as_part().local_id()?);
    }
    Ok(ids)
}

struct Quiet;
impl ControlChangeNotify for Quiet {
    fn on_notify(&self, _: u32, _: Option<Guid>) {}
}

fn every_part_method(part: &Part) -> Result<()> {
    part.name()?;
    part.global_id()?;
    part.part_type()?;
    part.subtype()?;
    part.topology()?;
    for list in [part.parts_incoming(), part.parts_outgoing()]
        .into_iter()
        .flatten()
    {
        list.count()?;
        list.part(0)?;
    }
    let sink: Arc<dyn ControlChangeNotify> = Arc::new(Quiet);
    part.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
    part.unregister_control_change_callback(&*sink)?;
    for i in 0..part.control_interface_count()? {
        let entry = part.control_interface(i)?;
        entry.name()?;
        let control = part.activate(CLSCTX_ALL, entry.iid()?)?;
        every_control_method(control)?;
    }
    Ok(())
}

fn every_control_method(control: Control) -> Result<()> {
    match control {
        Control::VolumeLevel(l) | Control::Bass(l) | Control::Midrange(l) | Control::Treble(l) => {
            let n = l.channel_count()?;
            let range = l.level_range(0)?;
            let level = l.level(0)?;
            l.set_level(0, level, None)?;
            l.set_level_uniform(range.min_db, None)?;
            l.set_level_all_channels(&vec![range.max_db; n as usize], None)?;
        }
        Control::Mute(m) => m.set_mute(m.mute()?, None)?,
        Control::Loudness(m) => m.set_enabled(m.enabled()?, None)?,
        Control::AutoGainControl(m) => m.set_enabled(m.enabled()?, None)?,
        Control::PeakMeter(p) => {
            p.channel_count()?;
            p.level(0)?;
        }
        Control::InputSelector(s) => s.set_selection(s.selection()?, None)?,
        Control::OutputSelector(s) => s.set_selection(s.selection()?, None)?,
        Control::ChannelConfig(c) => c.set_channel_config(c.channel_config()?, None)?,
        Control::DeviceSpecificProperty(p) => {
            p.var_type()?;
            let mut buffer = [0u8; 4];
            p.value(Some(&mut buffer))?;
            let _ = p.set_value(&buffer, None);
            let _ = p.four_byte_range();
        }
        Control::FormatSupport(f) => {
            let preferred = f.device_preferred_format()?;
            f.is_format_supported(&preferred)?;
        }
        Control::JackDescription(j) => {
            let _ = (j.jack_count()?, j.jack_description(0));
        }
        Control::JackDescription2(j) => {
            let _ = (j.jack_count()?, j.jack_description2(0));
        }
        _ => {}
    }
    Ok(())
}

/// Every [`Method`] is recorded by the handle method that serves it, under its own name
/// (a wrong `Method` in one handle would leave its own name missing from the set).
#[test]
fn every_method_records_itself() -> TestResult {
    let record = call_everything()?;
    let seen: BTreeSet<Method> = record.iter().map(|c| c.method).collect();
    let missing: Vec<_> = Method::ALL.iter().filter(|m| !seen.contains(m)).collect();
    assert!(missing.is_empty(), "never recorded: {missing:?}");
    // Sequence numbers are strictly increasing: the record is in call order.
    assert!(record.calls().windows(2).all(|w| w[0].seq < w[1].seq));
    Ok(())
}
