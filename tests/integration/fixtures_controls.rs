//! The reference fixtures with their controls (reference topologies, parts A and B).

use devtopo::*;

type R = std::result::Result<(), Box<dyn std::error::Error>>;

/// Probes a part the way van Eerde's devicetopology.exe walker does (W3): volume, mute, jack; E_NOINTERFACE means
/// "not this kind", anything else is an error.
fn probe(
    part: &Part,
) -> devtopo::Result<(
    Option<PerChannelDbLevel>,
    Option<AudioMute>,
    Option<KsJackDescription>,
)> {
    let try_kind = |iid| match part.activate(CLSCTX_ALL, iid) {
        Ok(c) => Ok(Some(c)),
        Err(e) if e.hresult() == HResult::E_NOINTERFACE => Ok(None),
        Err(e) => Err(e),
    };
    Ok((
        try_kind(guids::IID_IAudioVolumeLevel)?.and_then(Control::into_level),
        try_kind(guids::IID_IAudioMute)?.and_then(Control::into_mute),
        try_kind(guids::IID_IKsJackDescription)?.and_then(Control::into_jack_description),
    ))
}

/// A.5 (R4, P17): the four-topology controls.
#[test]
fn a5_four_topology_controls() -> R {
    let system = fixtures::four_topologies()?;
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    for (id, kind) in [
        (0x20000, ControlKind::Mute),
        (0x20001, ControlKind::VolumeLevel),
        (0x20002, ControlKind::Mute),
        (0x20003, ControlKind::VolumeLevel),
        (0x20004, ControlKind::Mute),
        (0x20005, ControlKind::VolumeLevel),
        (0x20006, ControlKind::InputSelector),
    ] {
        let part = mux.part_by_id(LocalId(id))?;
        assert_eq!(part.control_interface_count()?, 1);
        assert_eq!(part.control_interface(0)?.kind(), kind);
    }
    let vol = mux
        .part_by_id(LocalId(0x20003))?
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .ok_or("v")?;
    assert_eq!(vol.channel_count()?, 2);
    assert_eq!(
        vol.level_range(1)?,
        LevelRange {
            min_db: -96.0,
            max_db: 0.0,
            step_db: 0.5
        }
    );
    let wav = system.device(fixtures::FOUR_WAV)?.topology()?;
    let dma = wav
        .connector(1)?
        .as_part()
        .activate(CLSCTX_ALL, guids::IID_IKsFormatSupport)?;
    assert!(
        dma.into_format_support()
            .ok_or("fs")?
            .is_format_supported(&KsDataFormat::pcm(2, 48_000, 16))?
    );
    // Endpoint connectors carry no control (C-1).
    let epa = system
        .device(fixtures::FOUR_EPA)?
        .topology()?
        .connector(0)?;
    assert_eq!(epa.as_part().control_interface_count()?, 0);
    Ok(())
}

/// B1-1, B1-6 (W3, K16): the speaker path has no volume or mute; only Topo.c1 has a jack.
#[test]
fn b1_1_b1_6_speaker_walk() -> R {
    let system = fixtures::sysvad_speaker()?;
    let ep = system
        .device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?
        .topology()?
        .connector(0)?;
    let (v, m, j) = probe(ep.as_part())?;
    assert!(v.is_none() && m.is_none() && j.is_none());
    let t1 = ep.connected_to()?;
    let jack = probe(t1.as_part())?.2.ok_or("no jack on Topo.c1")?;
    assert_eq!(jack.jack_count()?, 1);
    let d = jack.jack_description(0)?;
    assert_eq!((d.channel_mapping, d.color), (0x3, 0xB3C98C));
    assert_eq!(d.connection_type, EPcxConnectionType::Unknown);
    assert_eq!(d.geo_location, EPcxGeoLocation::Front);
    assert_eq!(d.port_connection, EPxcPortConnection::IntegratedDevice);
    assert_eq!(
        jack.jack_description(1).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    // Walk upstream: nothing on the way has a volume or a mute.
    let mut todo = vec![t1.as_part().clone()];
    let mut seen = std::collections::HashSet::new();
    while let Some(part) = todo.pop() {
        if !seen.insert(part.global_id()?) {
            continue;
        }
        let (v, m, j) = probe(&part)?;
        assert!(v.is_none() && m.is_none());
        assert_eq!(j.is_some(), part == *t1.as_part());
        if let Ok(c) = part.as_connector() {
            if part != *t1.as_part() {
                if let Ok(peer) = c.connected_to() {
                    todo.push(peer.as_part().clone());
                }
            }
        }
        match part.parts_incoming() {
            Ok(list) => todo.extend(list.iter()),
            Err(e) => assert_eq!(e.hresult(), HResult::E_NOTFOUND),
        }
    }
    assert_eq!(seen.len(), 6); // Topo.c1, Topo.c0, Wave.c3, s0, Wave.c0, Wave.c1
    Ok(())
}

/// B2-1 (W3 capture walk) on MIC-IN: volume 1 channel, mute FALSE, then the ADC.
#[test]
fn b2_1_mic_in_walk() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let ep = system
        .device(fixtures::SYSVAD_MICIN_ENDPOINT)?
        .topology()?
        .connector(0)?;
    let t0 = ep.connected_to()?;
    assert_eq!(
        probe(t0.as_part())?
            .2
            .ok_or("jack")?
            .jack_description(0)?
            .connection_type,
        EPcxConnectionType::Combination
    );
    let s0 = t0.as_part().parts_outgoing()?.part(0)?;
    let vol = probe(&s0)?.0.ok_or("volume")?;
    assert_eq!((vol.channel_count()?, vol.level(0)?), (1, 0.0));
    let s1 = s0.parts_outgoing()?.part(0)?;
    assert!(!probe(&s1)?.1.ok_or("mute")?.mute()?);
    let s2 = s1.parts_outgoing()?.part(0)?;
    assert_eq!(s2.subtype()?, guids::KSNODETYPE_PEAKMETER);
    let c1 = s2.parts_outgoing()?.part(0)?.as_connector()?;
    let w0 = c1.connected_to()?;
    let adc = w0.as_part().parts_outgoing()?.part(0)?;
    assert_eq!(adc.control_interface_count()?, 0);
    let w1 = adc.parts_outgoing()?.part(0)?.as_connector()?;
    assert_eq!(
        w1.as_part().parts_outgoing().unwrap_err().hresult(),
        HResult::E_NOTFOUND
    );
    assert_eq!(
        w1.connected_to().unwrap_err().hresult(),
        HResult::E_NOTFOUND
    );
    Ok(())
}

/// B3-1 (W3 render walk) on HDMI: peak meter 2 channels, mute, volume 2 channels, SUM.
#[test]
fn b3_1_hdmi_walk() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let wave = system.device(fixtures::SYSVAD_HDMI_WAVE)?.topology()?;
    let s3 = wave.connector(2)?.as_part().parts_incoming()?.part(0)?;
    let pm = s3
        .activate(CLSCTX_ALL, guids::IID_IAudioPeakMeter)?
        .into_peak_meter()
        .ok_or("pm")?;
    assert_eq!(pm.channel_count()?, 2);
    assert_eq!(s3.parts_outgoing()?.count()?, 2); // B3-3
    let s2 = s3.parts_incoming()?.part(0)?;
    assert!(!probe(&s2)?.1.ok_or("mute")?.mute()?);
    let s1 = s2.parts_incoming()?.part(0)?;
    let v = probe(&s1)?.0.ok_or("volume")?;
    assert_eq!(v.channel_count()?, 2);
    assert_eq!(
        v.level_range(0)?,
        LevelRange {
            min_db: -96.0,
            max_db: 0.0,
            step_db: 0.5
        }
    );
    let s0 = s1.parts_incoming()?.part(0)?;
    assert_eq!(s0.control_interface_count()?, 0);
    let jack = system
        .device(fixtures::SYSVAD_HDMI_TOPO)?
        .topology()?
        .connector(1)?;
    let j2 = jack
        .as_part()
        .activate(CLSCTX_ALL, guids::IID_IKsJackDescription2)?
        .into_jack_description2()
        .ok_or("j2")?;
    assert!(j2.jack_description2(0)?.detects_presence());
    let d = probe(jack.as_part())?
        .2
        .ok_or("jack")?
        .jack_description(0)?;
    assert_eq!((d.connection_type.value(), d.geo_location.value()), (6, 11));
    // Formats: PCM and IEC 61937.
    let host = wave
        .connector(0)?
        .as_part()
        .activate(CLSCTX_ALL, guids::IID_IKsFormatSupport)?
        .into_format_support()
        .ok_or("fs")?;
    let ac3 = KsDataFormat::wave(
        format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL,
        2,
        48_000,
        16,
    );
    assert!(host.is_format_supported(&ac3)?);
    Ok(())
}

/// B4-1, B4-2: MICARRAY1 is Physical_Internal, integrated front jack, 2-channel controls.
#[test]
fn b4_1_b4_2_micarray() -> R {
    let system = fixtures::sysvad_micarray1()?;
    let ep = system
        .device(fixtures::SYSVAD_MICARRAY1_ENDPOINT)?
        .topology()?
        .connector(0)?;
    assert_eq!(ep.connector_type()?, ConnectorType::PhysicalInternal);
    let t0 = ep.connected_to()?;
    assert_eq!(t0.as_part().name()?, "Internal Microphone Array - Front");
    let d = probe(t0.as_part())?.2.ok_or("jack")?.jack_description(0)?;
    assert_eq!(
        (d.port_connection, d.geo_location, d.channel_mapping),
        (
            EPxcPortConnection::IntegratedDevice,
            EPcxGeoLocation::Front,
            0
        )
    );
    let vol = probe(&t0.as_part().parts_outgoing()?.part(0)?)?
        .0
        .ok_or("vol")?;
    assert_eq!(vol.channel_count()?, 2);
    let wave = system.device(fixtures::SYSVAD_MICARRAY1_WAVE)?.topology()?;
    let kw = wave
        .connector(2)?
        .as_part()
        .activate(CLSCTX_ALL, guids::IID_IKsFormatSupport)?
        .into_format_support()
        .ok_or("kw")?;
    assert_eq!(
        kw.device_preferred_format()?,
        KsDataFormat::pcm(1, 16_000, 16)
    );
    Ok(())
}

/// All four SYSVAD endpoints build together and have 12 devices.
#[test]
fn b_all_sysvad_together() -> R {
    let system = fixtures::sysvad()?;
    assert_eq!(system.devices().len(), 12);
    assert_eq!(
        system
            .endpoints(EDataFlow::All, DeviceState::MASK_ALL)?
            .len(),
        4
    );
    Ok(())
}
