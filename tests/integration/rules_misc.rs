//! Rules that hold across the whole API and the bundled fixtures: G1, G2, D4, I8, I9, W6,
//! X30, X31. (G4 and G7 concern NULL pointers and vtables, which a safe Rust API cannot
//! express; the crate docs say so.)

use devtopo::*;

type R = std::result::Result<(), Box<dyn std::error::Error>>;

/// G1, G2: a failed call returns only its error; strings are owned values that outlive the
/// system they came from.
#[test]
fn g1_g2_failures_return_nothing_and_strings_are_owned() -> R {
    let system = fixtures::four_topologies()?;
    let wav = system.device(fixtures::FOUR_WAV)?.topology()?;
    let bus = wav.connector(1)?;
    let failed: Result<Connector> = bus.connected_to();
    assert!(matches!(failed, Err(Error::NotConnected { .. })));
    let (id, name) = (wav.device_id()?, bus.as_part().name()?);
    drop((bus, wav, system));
    assert_eq!(id, fixtures::FOUR_WAV);
    assert_eq!(name, "Wave-In Stream (DMA)");
    Ok(())
}

/// D4: in every bundled topology, each endpoint's connector is connected to a connector of an
/// adapter device.
#[test]
fn d4_every_bundled_endpoint_connects_to_an_adapter() -> R {
    for system in [fixtures::four_topologies()?, fixtures::sysvad()?] {
        for device in system.devices() {
            if !device.kind()?.is_endpoint() {
                continue;
            }
            let peer = device.topology()?.connector(0)?.connected_to()?;
            let adapter = peer.as_part().topology()?.device();
            assert_eq!(adapter.kind()?, DeviceKind::Adapter, "{:?}", device.id()?);
        }
    }
    Ok(())
}

/// I8, I9: bundled endpoint IDs have the form `{0.0.R.00000000}.{guid}` (R = 0 render,
/// 1 capture, GUID in lower case); adapter IDs start `{2}.\\?\` and name the KSCATEGORY_AUDIO
/// interface class before the filter's reference string.
#[test]
fn i8_i9_bundled_device_id_forms() -> R {
    for system in [fixtures::four_topologies()?, fixtures::sysvad()?] {
        for device in system.devices() {
            let id = device.id()?;
            match device.kind()? {
                DeviceKind::Adapter => {
                    assert!(id.starts_with("{2}.\\\\?\\"), "{id}");
                    assert!(
                        id.contains("#{6994ad04-93ef-11d0-a3cc-00a0c9223196}\\"),
                        "{id}"
                    );
                }
                kind => {
                    let prefix = match kind {
                        DeviceKind::RenderEndpoint => "{0.0.0.00000000}.{",
                        _ => "{0.0.1.00000000}.{",
                    };
                    assert!(id.starts_with(prefix) && id.ends_with('}'), "{id}");
                    let guid = &id[prefix.len()..id.len() - 1];
                    assert_eq!(guid, guid.to_lowercase(), "{id}");
                    assert!(format!("{{{guid}}}").parse::<Guid>().is_ok(), "{id}");
                }
            }
        }
    }
    Ok(())
}

/// W6 (ToothTray): for every connector of every render endpoint enumerated with
/// DEVICE_STATEMASK_ALL, GetConnectedTo (a failure skips the connector) -> GetTopologyObject
/// -> GetDeviceId; an UNPLUGGED endpoint is enumerated and walked too, and a connector whose
/// adapter is not active is skipped with ERROR_PATH_NOT_FOUND.
#[test]
fn w6_all_state_render_walk() -> R {
    let system = fixtures::sysvad()?;
    let hdmi_jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    system.hardware().unplug_jack(&hdmi_jack, 0)?;
    system
        .device(fixtures::SYSVAD_SPEAKER_TOPO)?
        .set_state(DeviceState::Disabled)?;
    let mut adapters = Vec::new();
    let mut skipped = Vec::new();
    for endpoint in system.endpoints(EDataFlow::Render, DeviceState::MASK_ALL)? {
        let topology = endpoint.topology()?;
        for i in 0..topology.connector_count()? {
            match topology.connector(i)?.connected_to() {
                Ok(peer) => adapters.push(peer.as_part().topology()?.device_id()?),
                Err(e) => skipped.push(e.hresult()),
            }
        }
    }
    assert_eq!(adapters, [fixtures::SYSVAD_HDMI_TOPO.to_owned()]);
    assert_eq!(skipped, [HResult::ERROR_PATH_NOT_FOUND]);
    let bth: Vec<_> = adapters
        .iter()
        .filter(|id| id.starts_with("{2}.\\\\?\\bth"))
        .collect();
    assert!(bth.is_empty());
    Ok(())
}

/// X30: the SYSVAD HDMI jack connector and its endpoint report Physical_Internal, the literal
/// result of rule D13 for KSNODETYPE_HDMI_INTERFACE.
#[test]
fn x30_hdmi_is_physical_internal() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    assert_eq!(jack.as_part().subtype()?, guids::KSNODETYPE_HDMI_INTERFACE);
    assert_eq!(jack.connector_type()?, ConnectorType::PhysicalInternal);
    let endpoint = system
        .device(fixtures::SYSVAD_HDMI_ENDPOINT)?
        .topology()?
        .connector(0)?;
    assert_eq!(endpoint.connector_type()?, ConnectorType::PhysicalInternal);
    Ok(())
}

/// X31: every bundled endpoint connector has an empty name, the pin category of its peer as
/// subtype, and no control interface.
#[test]
fn x31_endpoint_connector_subtype_name_and_controls() -> R {
    for system in [fixtures::four_topologies()?, fixtures::sysvad()?] {
        for device in system.devices() {
            if !device.kind()?.is_endpoint() {
                continue;
            }
            let c = device.topology()?.connector(0)?;
            let peer = c.connected_to()?;
            assert_eq!(c.as_part().name()?, "");
            assert_eq!(c.as_part().subtype()?, peer.as_part().subtype()?);
            assert_eq!(c.as_part().control_interface_count()?, 0);
        }
    }
    Ok(())
}

/// Reference part C (C-1 .. C-5, I3, I13, K16, X28): the real dump's endpoint connector is
/// 0x10000 with an empty name and no control; the adapter connector 0x10001 "Speakers" has one
/// green rear 3.5 mm jack; both local IDs have 0x0001 in the upper 16 bits.
#[test]
fn c_real_dump_facts() -> R {
    let system = fixtures::real_hda_lineout()?;
    let endpoint = system.device(fixtures::REAL_HDA_ENDPOINT)?;
    assert_eq!(endpoint.name()?, "Speakers (High Definition Audio Device)");
    let c = endpoint.topology()?.connector(0)?;
    assert_eq!(
        (c.as_part().local_id()?, c.as_part().name()?),
        (LocalId(0x10000), String::new())
    );
    assert_eq!(c.as_part().control_interface_count()?, 0); // C-1
    assert_eq!(hr(c.as_part().parts_incoming()), HResult::E_NOTFOUND); // C-2
    let jack = c.connected_to()?; // C-3
    assert_eq!(c.device_id_connected_to()?, fixtures::REAL_HDA_TOPO);
    assert_eq!(jack.as_part().local_id()?, LocalId(0x10001)); // C-5
    assert_eq!(jack.as_part().name()?, "Speakers");
    let jacks = jack
        .as_part()
        .activate(CLSCTX_INPROC_SERVER, guids::IID_IKsJackDescription)?
        .into_jack_description()
        .ok_or("not a jack description")?;
    assert_eq!(jacks.jack_count()?, 1);
    let d = jacks.jack_description(0)?;
    assert_eq!(d.channel_mapping, 0x3);
    assert_eq!(d.color, 0x00FF00); // X28: green
    assert_eq!(d.connection_type, EPcxConnectionType::ThreePoint5mm);
    assert_eq!(d.geo_location, EPcxGeoLocation::Rear);
    assert_eq!(d.gen_location, EPcxGenLocation::PrimaryBox);
    assert_eq!(d.port_connection, EPxcPortConnection::Jack);
    Ok(())
}

fn hr<T>(r: Result<T>) -> HResult {
    r.err().map_or(HResult::S_OK, |e| e.hresult())
}
