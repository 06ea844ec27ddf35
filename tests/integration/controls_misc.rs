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
pub(crate) fn one_subunit(
    subtype: Guid,
    controls: Vec<ControlSpec>,
) -> devtopo::Result<(System, Part)> {
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
    assert_eq!(ci.iid()?, guids::IID_IAudioVolumeLevel);
    assert_eq!(ci.name()?, "volume");
    assert_eq!(
        vol.control_interface(1).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    // X14: jack descriptions count as control interfaces.
    let line_in = mux_part(&system, 0x10000)?;
    assert_eq!(line_in.control_interface_count()?, 2);
    assert_eq!(
        line_in.control_interface(1)?.iid()?,
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
    assert_eq!(peak.control_interface(0)?.name()?, "peak meter");
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
    let iid = mute.control_interface(0)?.iid()?;
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

/// Issue 13, item 11 (rule P12): `Part::activate_as::<T>()` gives the typed control, as
/// windows-rs's `Activate::<T>()` does, with `activate`'s errors.
#[test]
fn p12_activate_as_returns_the_typed_control() -> Result<(), Box<dyn std::error::Error>> {
    use devtopo::*;
    let system = fixtures::four_topologies()?;
    let mux = system.find_part("Input Multiplexer Device/MUX")?;
    let selector = mux.activate_as::<AudioInputSelector>(CLSCTX_ALL)?;
    assert_eq!(selector.selection()?, LocalId(0x20001));
    let jack = system.find_part("Input Multiplexer Device/Microphone")?;
    assert_eq!(
        jack.activate_as::<KsJackDescription>(CLSCTX_INPROC_SERVER)?
            .jack_count()?,
        1
    );
    assert_eq!(
        mux.activate_as::<AudioMute>(CLSCTX_ALL)
            .unwrap_err()
            .hresult(),
        HResult::E_NOINTERFACE
    );
    assert_eq!(
        mux.activate_as::<AudioInputSelector>(0)
            .unwrap_err()
            .hresult(),
        HResult::E_INVALIDARG
    );
    assert_eq!(
        <PerChannelDbLevel as ControlHandle>::IID,
        guids::IID_IAudioVolumeLevel
    );
    Ok(())
}
