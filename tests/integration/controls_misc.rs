//! IPart's control methods and the non-level control interfaces: rules P6, P7, P12, P13,
//! P14, P17, R4, K1, K5-K17, and X14, X15, X16, X18, X28, X29, X32, X33, X34.

use devtopo::*;

type R = std::result::Result<(), Box<dyn std::error::Error>>;

fn mux_part(system: &System, local: u32) -> devtopo::Result<Part> {
    system
        .device(fixtures::FOUR_MUX)?
        .topology()?
        .part_by_id(LocalId(local))
}

/// Builds one adapter with one subunit of `subtype` carrying `controls`.
fn one_subunit(subtype: Guid, controls: Vec<ControlSpec>) -> devtopo::Result<(System, Part)> {
    let mut b = SystemBuilder::new();
    let d = b.add_device(DeviceSpec::new("{2}.one", "one", DeviceKind::Adapter))?;
    let mut spec = SubunitSpec::new("node", subtype);
    spec.controls = controls;
    let p = b.add_subunit(d, spec)?;
    let system = b.build()?;
    let part = system.part(p)?;
    Ok((system, part))
}

/// P6, P7, K1, X14: counts include every control; names are fixed per interface; an index
/// past the end is E_INVALIDARG, any index on a part without controls E_NOTFOUND.
#[test]
fn p6_p7_k1_x14_control_interface_list() -> R {
    let system = fixtures::four_topologies()?;
    let vol = mux_part(&system, 0x20001)?;
    assert_eq!(vol.control_interface_count()?, 1);
    let ci = vol.control_interface(0)?;
    assert_eq!(ci.iid(), guids::IID_IAudioVolumeLevel);
    assert_eq!(ci.name(), "volume");
    assert_eq!(
        vol.control_interface(1).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    // X14: jack descriptions count as control interfaces.
    let line_in = mux_part(&system, 0x10000)?;
    assert_eq!(line_in.control_interface_count()?, 2);
    assert_eq!(
        line_in.control_interface(1)?.iid(),
        guids::IID_IKsJackDescription2
    );
    // X14 / A11: the ADC has none, and GetControlInterface(0) is E_NOTFOUND.
    let adc = system.device(fixtures::FOUR_WAV)?.topology()?.subunit(0)?;
    assert_eq!(adc.as_part().control_interface_count()?, 0);
    assert_eq!(
        adc.as_part().control_interface(0).unwrap_err().hresult(),
        HResult::E_NOTFOUND
    );
    let (_s, peak) = one_subunit(
        guids::KSNODETYPE_PEAKMETER,
        vec![ControlSpec::PeakMeter(PeakMeterSpec::silent(1))],
    )?;
    assert_eq!(peak.control_interface(0)?.name(), "peak meter");
    Ok(())
}

/// P12, P15, P17, X15: CLSCTX rule first, then E_NOINTERFACE for a missing control or an
/// IID outside R2 (IPerChannelDbLevel, IPart, IUnknown included).
#[test]
fn p12_p17_x15_activate() -> R {
    let system = fixtures::four_topologies()?;
    let mute = mux_part(&system, 0x20000)?;
    let err = mute.activate(0x4, guids::IID_IAudioMute).unwrap_err();
    assert_eq!(err.hresult(), HResult::E_INVALIDARG);
    assert!(err.to_string().contains("P12"));
    assert_eq!(
        mute.activate(0x4, guids::IID_IPart).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    assert!(
        mute.activate(CLSCTX_INPROC_SERVER, guids::IID_IAudioMute)?
            .into_mute()
            .is_some()
    );
    // P15: enumerate, then activate with GetIID.
    let iid = mute.control_interface(0)?.iid();
    assert_eq!(mute.activate(CLSCTX_ALL, iid)?.kind(), ControlKind::Mute);
    for iid in [
        guids::IID_IAudioVolumeLevel,
        guids::IID_IPerChannelDbLevel,
        guids::IID_IPart,
        guids::IID_IUnknown,
        guids::IID_IKsJackSinkInformation,
    ] {
        assert_eq!(
            mute.activate(CLSCTX_ALL, iid).unwrap_err().hresult(),
            HResult::E_NOINTERFACE
        );
    }
    // P17: the ADC answers every probe with E_NOINTERFACE.
    let adc = system.device(fixtures::FOUR_WAV)?.topology()?.subunit(0)?;
    for kind in ControlKind::ALL {
        let err = adc.as_part().activate(CLSCTX_ALL, kind.iid()).unwrap_err();
        assert_eq!(err.hresult(), HResult::E_NOINTERFACE);
    }
    Ok(())
}

/// X24-style: Activate on a part of a non-active device still works; X26 on a removed one.
#[test]
fn p12_activate_in_any_state_x26_removed() -> R {
    let system = fixtures::four_topologies()?;
    let mute = mux_part(&system, 0x20000)?;
    system
        .hardware()
        .disable(&system.device(fixtures::FOUR_MUX)?)?;
    let m = mute
        .activate(CLSCTX_ALL, guids::IID_IAudioMute)?
        .into_mute()
        .ok_or("mute")?;
    m.set_mute(true, None)?;
    assert!(m.mute()?);
    system.remove_device(fixtures::FOUR_MUX)?;
    assert_eq!(
        m.mute().unwrap_err().hresult(),
        HResult::AUDCLNT_E_DEVICE_INVALIDATED
    );
    let err = mute
        .activate(CLSCTX_ALL, guids::IID_IAudioMute)
        .unwrap_err();
    assert_eq!(err.hresult(), HResult::AUDCLNT_E_DEVICE_INVALIDATED);
    Ok(())
}

/// K5, K6, K7: mute, loudness and AGC read back what was set.
#[test]
fn k5_k6_k7_switches() -> R {
    let (_s, part) = one_subunit(
        guids::KSNODETYPE_LOUDNESS,
        vec![
            ControlSpec::Loudness(false),
            ControlSpec::AutoGainControl(true),
            ControlSpec::Mute(false),
        ],
    )?;
    let loud = part
        .activate(CLSCTX_ALL, guids::IID_IAudioLoudness)?
        .into_loudness()
        .ok_or("l")?;
    let agc = part
        .activate(CLSCTX_ALL, guids::IID_IAudioAutoGainControl)?
        .into_auto_gain_control()
        .ok_or("agc")?;
    let mute = part
        .activate(CLSCTX_ALL, guids::IID_IAudioMute)?
        .into_mute()
        .ok_or("m")?;
    assert!(!loud.enabled()? && agc.enabled()? && !mute.mute()?);
    loud.set_enabled(true, None)?;
    agc.set_enabled(false, None)?;
    mute.set_mute(true, None)?;
    assert!(loud.enabled()? && !agc.enabled()? && mute.mute()?);
    Ok(())
}

/// K8, X18: a peak meter reports the peak since the last read, then silence (-inf); NaN
/// feeds are refused.
#[test]
fn k8_x18_peak_meter() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let part = system
        .device(fixtures::SYSVAD_MICIN_TOPO)?
        .topology()?
        .part_by_id(LocalId::subunit(2))?;
    let meter = part
        .activate(CLSCTX_ALL, guids::IID_IAudioPeakMeter)?
        .into_peak_meter()
        .ok_or("pm")?;
    assert_eq!(meter.channel_count()?, 1);
    assert_eq!(meter.level(0)?, f32::NEG_INFINITY);
    let hw = system.hardware();
    hw.feed_peak(&part, 0, -20.0)?;
    hw.feed_peak(&part, 0, -6.0)?;
    hw.feed_peak(&part, 0, -30.0)?;
    assert_eq!(meter.level(0)?, -6.0);
    assert_eq!(meter.level(0)?, f32::NEG_INFINITY);
    assert_eq!(meter.level(1).unwrap_err().hresult(), HResult::E_INVALIDARG);
    assert_eq!(
        hw.feed_peak(&part, 0, f32::NAN).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    assert_eq!(
        hw.feed_peak(&part, 1, 0.0).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    Ok(())
}

/// A9 (K9, G5): the MUX accepts only parts linked into it.
#[test]
fn k9_a9_input_selector() -> R {
    let system = fixtures::four_topologies()?;
    let mux = mux_part(&system, 0x20006)?;
    let sel = mux
        .activate(CLSCTX_ALL, guids::IID_IAudioInputSelector)?
        .into_input_selector()
        .ok_or("s")?;
    assert_eq!(sel.selection()?, LocalId(0x20001));
    sel.set_selection(LocalId(0x20003), None)?;
    assert_eq!(sel.selection()?, LocalId(0x20003));
    let before = system.snapshot();
    for bad in [0x20002, 0x10001, 0x20006, 0x10003] {
        let err = sel.set_selection(LocalId(bad), None).unwrap_err();
        assert_eq!(err.hresult(), HResult::E_INVALIDARG);
    }
    assert_eq!(system.snapshot(), before);
    Ok(())
}

/// K10: a DEMUX accepts only parts it links to.
#[test]
fn k10_output_selector() -> R {
    let mut b = SystemBuilder::new();
    let d = b.add_device(DeviceSpec::new("{2}.demux", "demux", DeviceKind::Adapter))?;
    let input = b.add_connector(
        d,
        ConnectorSpec::new("in", DataFlow::In, ConnectorType::SoftwareIo),
    )?;
    let demux = b.add_subunit(
        d,
        SubunitSpec::new("DEMUX", guids::KSNODETYPE_DEMUX)
            .control(ControlSpec::OutputSelector(LocalId::connector(1))),
    )?;
    let a = b.add_connector(
        d,
        ConnectorSpec::new("a", DataFlow::Out, ConnectorType::PhysicalExternal),
    )?;
    let c = b.add_connector(
        d,
        ConnectorSpec::new("b", DataFlow::Out, ConnectorType::PhysicalExternal),
    )?;
    b.add_link(input, demux)?;
    b.add_link(demux, a)?;
    b.add_link(demux, c)?;
    let system = b.build()?;
    let sel = system
        .part(demux)?
        .activate(CLSCTX_ALL, guids::IID_IAudioOutputSelector)?
        .into_output_selector()
        .ok_or("demux")?;
    sel.set_selection(LocalId::connector(2), None)?;
    assert_eq!(sel.selection()?, LocalId::connector(2));
    let err = sel.set_selection(LocalId::connector(0), None).unwrap_err();
    assert_eq!(err.hresult(), HResult::E_INVALIDARG);
    Ok(())
}

/// K12, X34: any mask is accepted and stored.
#[test]
fn k12_x34_channel_config_any_mask() -> R {
    let (_s, part) = one_subunit(
        guids::KSNODETYPE_DAC,
        vec![ControlSpec::ChannelConfig(speaker::KSAUDIO_SPEAKER_STEREO)],
    )?;
    let cc = part
        .activate(CLSCTX_ALL, guids::IID_IAudioChannelConfig)?
        .into_channel_config()
        .ok_or("cc")?;
    assert_eq!(cc.channel_config()?, 0x3);
    cc.set_channel_config(0xFFFF_FFFF, None)?;
    assert_eq!(cc.channel_config()?, 0xFFFF_FFFF);
    Ok(())
}

/// K13, X33: types, the GetValue buffer protocol, SetValue sizes, read-only, ranges.
#[test]
fn k13_x33_device_specific_property() -> R {
    let spec = |value, range, read_only| {
        vec![ControlSpec::DeviceSpecificProperty(DeviceSpecificSpec {
            value,
            range,
            read_only,
        })]
    };
    let dev = guids::KSNODETYPE_DEV_SPECIFIC;
    let (system, part) = one_subunit(
        dev,
        spec(
            PropertyValue::I4(-5),
            Some(FourByteRange {
                min: -10,
                max: 10,
                step: 1,
            }),
            false,
        ),
    )?;
    let p = part
        .activate(CLSCTX_ALL, guids::IID_IDeviceSpecificProperty)?
        .into_device_specific_property()
        .ok_or("p")?;
    assert_eq!(p.var_type()?, VarType::I4);
    assert_eq!(p.var_type()?.value(), 3);
    let err = p.value(None).unwrap_err();
    assert_eq!(err.hresult(), HResult::ERROR_INSUFFICIENT_BUFFER);
    assert!(matches!(
        err,
        Error::BufferTooSmall {
            needed: 4,
            given: 0,
            ..
        }
    ));
    let mut small = [0xAAu8; 2];
    assert_eq!(
        p.value(Some(&mut small)).unwrap_err().hresult(),
        HResult::ERROR_INSUFFICIENT_BUFFER
    );
    assert_eq!(small, [0xAA, 0xAA]); // untouched
    let mut buf = [0u8; 8];
    assert_eq!(p.value(Some(&mut buf))?, 4);
    assert_eq!(i32::from_le_bytes([buf[0], buf[1], buf[2], buf[3]]), -5);
    assert_eq!(
        p.set_value(&[1, 2], None).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    assert_eq!(
        p.set_value(&11i32.to_le_bytes(), None)
            .unwrap_err()
            .hresult(),
        HResult::E_INVALIDARG
    );
    p.set_value(&PropertyValue::I4(7).to_bytes(), None)?;
    assert_eq!(p.typed_value()?, PropertyValue::I4(7));
    assert_eq!(
        p.four_byte_range()?,
        FourByteRange {
            min: -10,
            max: 10,
            step: 1
        }
    );
    drop(system);

    // X33: read-only refuses with ERROR_FILE_READ_ONLY; BOOL has no 4-byte range.
    let (_s, part) = one_subunit(dev, spec(PropertyValue::Bool(true), None, true))?;
    let p = part
        .activate(CLSCTX_ALL, guids::IID_IDeviceSpecificProperty)?
        .into_device_specific_property()
        .ok_or("p")?;
    assert_eq!(p.var_type()?.value(), 11);
    let err = p.set_value(&0u32.to_le_bytes(), None).unwrap_err();
    assert_eq!(err.hresult(), HResult::ERROR_FILE_READ_ONLY);
    assert_eq!(
        p.four_byte_range().unwrap_err().hresult(),
        HResult::ERROR_NOT_SUPPORTED
    );
    // X33: VT_UI4 without a range reports the whole type, step 1.
    let (_s, part) = one_subunit(dev, spec(PropertyValue::Ui4(9), None, false))?;
    let p = part
        .activate(CLSCTX_ALL, guids::IID_IDeviceSpecificProperty)?
        .into_device_specific_property()
        .ok_or("p")?;
    assert_eq!(p.var_type()?.value(), 19);
    assert_eq!(
        p.four_byte_range()?,
        FourByteRange {
            min: 0,
            max: -1,
            step: 1
        }
    );
    // X33: a range on a BOOL is refused when building.
    let bad = one_subunit(
        dev,
        spec(
            PropertyValue::Bool(true),
            Some(FourByteRange {
                min: 0,
                max: 1,
                step: 1,
            }),
            false,
        ),
    );
    assert!(matches!(
        bad,
        Err(Error::InvalidControl {
            problem: ControlProblem::BadPropertyRange,
            ..
        })
    ));
    Ok(())
}

/// K15: format support on a Software_IO connector.
#[test]
fn k15_format_support() -> R {
    let system = fixtures::sysvad_speaker()?;
    let host = system
        .device(fixtures::SYSVAD_SPEAKER_WAVE)?
        .topology()?
        .connector(0)?;
    let f = host
        .as_part()
        .activate(CLSCTX_ALL, guids::IID_IKsFormatSupport)?
        .into_format_support()
        .ok_or("fs")?;
    assert!(f.is_format_supported(&KsDataFormat::pcm(2, 44_100, 16))?);
    assert!(!f.is_format_supported(&KsDataFormat::pcm(2, 22_050, 16))?);
    assert_eq!(
        f.device_preferred_format()?,
        KsDataFormat::pcm(2, 48_000, 16)
    );
    let mut bad = KsDataFormat::pcm(2, 48_000, 16);
    bad.wave = None;
    assert_eq!(
        f.is_format_supported(&bad).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    Ok(())
}

/// K16, K17, E11, X28, X29, X32: jack descriptions with every field.
#[test]
fn k16_k17_x28_x29_x32_jacks() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let jack = system
        .device(fixtures::SYSVAD_MICIN_TOPO)?
        .topology()?
        .connector(0)?;
    let v1 = jack
        .as_part()
        .activate(CLSCTX_INPROC_SERVER, guids::IID_IKsJackDescription)?
        .into_jack_description()
        .ok_or("v1")?;
    assert_eq!(v1.jack_count()?, 1);
    let d = v1.jack_description(0)?;
    assert_eq!(d.channel_mapping, speaker::KSAUDIO_SPEAKER_MONO); // X29: raw DWORD
    assert_eq!(d.color, 0xB3C98C); // X28: 0x00RRGGBB
    assert_eq!(d.rgb(), (179, 201, 140));
    assert_eq!(d.connection_type.value(), 11);
    assert_eq!(d.geo_location, EPcxGeoLocation::Rear);
    assert_eq!(d.gen_location, EPcxGenLocation::PrimaryBox);
    assert_eq!(d.port_connection, EPxcPortConnection::Jack);
    assert!(d.is_connected);
    assert_eq!(
        v1.jack_description(1).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    let v2 = jack
        .as_part()
        .activate(CLSCTX_ALL, guids::IID_IKsJackDescription2)?
        .into_jack_description2()
        .ok_or("v2")?;
    assert_eq!(v2.jack_count()?, 1);
    // X32: DeviceStateInfo is raw and 0 in every fixture.
    assert_eq!(
        v2.jack_description2(0)?,
        JackDescription2 {
            device_state_info: 0,
            jack_capabilities: 0
        }
    );
    assert_eq!(
        v2.jack_description2(1).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    Ok(())
}

/// X16: IKsJackDescription2 only with IKsJackDescription and the same jack count.
#[test]
fn x16_jack2_needs_matching_jack1() -> R {
    let build = |controls: Vec<ControlSpec>| -> devtopo::Result<System> {
        let mut b = SystemBuilder::new();
        let d = b.add_device(DeviceSpec::new("{2}.j", "j", DeviceKind::Adapter))?;
        let mut spec = ConnectorSpec::new("jack", DataFlow::Out, ConnectorType::PhysicalExternal);
        spec.controls = controls;
        b.add_connector(d, spec)?;
        b.build()
    };
    let v2 = ControlSpec::JackDescription2(vec![JackDescription2::default()]);
    let alone = build(vec![v2.clone()]).unwrap_err();
    assert!(matches!(
        alone,
        Error::InvalidControl {
            problem: ControlProblem::JackDescription2Mismatch,
            ..
        }
    ));
    let two = ControlSpec::JackDescription(vec![JackDescription::default(); 2]);
    assert!(build(vec![two, v2.clone()]).is_err());
    let one = ControlSpec::JackDescription(vec![JackDescription::default()]);
    assert!(build(vec![one, v2]).is_ok());
    assert!(build(vec![ControlSpec::JackDescription(vec![])]).is_ok()); // 0 jacks (K16)
    Ok(())
}

/// R4, P14, P13: required controls per subtype, connector/subunit controls, ranges,
/// selections — all checked when building, with E_INVALIDARG.
#[test]
fn r4_p13_p14_build_checks() -> R {
    use ControlProblem as P;
    for subtype in [
        guids::KSNODETYPE_VOLUME,
        guids::KSNODETYPE_MUTE,
        guids::KSNODETYPE_MUX,
        guids::KSNODETYPE_DEMUX,
        guids::KSNODETYPE_PEAKMETER,
        guids::KSNODETYPE_AGC,
        guids::KSNODETYPE_LOUDNESS,
        guids::KSNODETYPE_DEV_SPECIFIC,
    ] {
        let err = one_subunit(subtype, vec![]).unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidControl {
                    problem: P::MissingRequired { .. },
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(err.hresult(), HResult::E_INVALIDARG);
        assert!(err.to_string().contains("R4"));
    }
    for subtype in [
        guids::KSNODETYPE_SUM,
        guids::KSNODETYPE_ADC,
        guids::KSNODETYPE_TONE,
    ] {
        assert!(one_subunit(subtype, vec![]).is_ok());
    }
    // P13: a jack description on a subunit.
    let err = one_subunit(
        guids::KSNODETYPE_SUM,
        vec![ControlSpec::JackDescription(vec![])],
    )
    .unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidControl {
            problem: P::WrongPartType { .. },
            ..
        }
    ));
    // Duplicate, no channels, bad range, out-of-range initial level.
    let vol = |l: LevelSpec| ControlSpec::VolumeLevel(l);
    let v = guids::KSNODETYPE_VOLUME;
    let ok = LevelSpec::sysvad_volume(2);
    let err = one_subunit(v, vec![vol(ok.clone()), vol(ok)]).unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidControl {
            problem: P::Duplicate { .. },
            ..
        }
    ));
    let err = one_subunit(v, vec![vol(LevelSpec::uniform(0, -1.0, 0.0, 0.5, 0.0))]).unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidControl {
            problem: P::NoChannels { .. },
            ..
        }
    ));
    let err = one_subunit(v, vec![vol(LevelSpec::uniform(1, -10.0, 0.0, 3.0, 0.0))]).unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidControl {
            problem: P::BadLevelRange { .. },
            ..
        }
    ));
    let err = one_subunit(v, vec![vol(LevelSpec::uniform(1, -10.0, 0.0, 0.5, 3.0))]).unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidControl {
            problem: P::LevelOutOfRange { .. },
            ..
        }
    ));
    // K9: the initial selection must be linked.
    let err = one_subunit(
        guids::KSNODETYPE_MUX,
        vec![ControlSpec::InputSelector(LocalId(1))],
    )
    .unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidControl {
            problem: P::SelectionNotLinked { .. },
            ..
        }
    ));
    // P13: a volume on a connector.
    let mut b = SystemBuilder::new();
    let d = b.add_device(DeviceSpec::new("{2}.c", "c", DeviceKind::Adapter))?;
    b.add_connector(
        d,
        ConnectorSpec::new("c", DataFlow::In, ConnectorType::PhysicalExternal)
            .control(ControlSpec::Mute(false)),
    )?;
    let err = b.build().unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidControl {
            problem: P::WrongPartType { .. },
            ..
        }
    ));
    Ok(())
}

/// G5: snapshots include control states, so a change shows and a failed call does not.
#[test]
fn g5_snapshot_has_control_state() -> R {
    let system = fixtures::four_topologies()?;
    let before = system.snapshot();
    let mute = mux_part(&system, 0x20000)?
        .activate(CLSCTX_ALL, guids::IID_IAudioMute)?
        .into_mute()
        .ok_or("m")?;
    mute.set_mute(true, None)?;
    let after = system.snapshot();
    assert_ne!(before, after);
    let mux = after
        .devices
        .iter()
        .find(|d| d.id == fixtures::FOUR_MUX)
        .ok_or("mux")?;
    let part = mux
        .parts
        .iter()
        .find(|p| p.local_id == LocalId(0x20000))
        .ok_or("s0")?;
    assert_eq!(part.controls, vec![ControlSpec::Mute(true)]);
    Ok(())
}
