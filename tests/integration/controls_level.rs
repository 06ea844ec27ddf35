//! Per-channel dB levels: rules K2, K3, K4, X17, with proptest properties.

use devtopo::*;
use proptest::prelude::*;

type R = std::result::Result<(), Box<dyn std::error::Error>>;

fn level_system(spec: LevelSpec) -> devtopo::Result<(System, PerChannelDbLevel)> {
    let mut b = SystemBuilder::new();
    let d = b.add_device(DeviceSpec::new("{2}.lvl", "lvl", DeviceKind::Adapter))?;
    let p = b.add_subunit(
        d,
        SubunitSpec::new("Volume", guids::KSNODETYPE_VOLUME)
            .control(ControlSpec::VolumeLevel(spec)),
    )?;
    let system = b.build()?;
    let level = system
        .part(p)?
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .expect("asked for a level");
    Ok((system, level))
}

fn mic_volume() -> devtopo::Result<(System, PerChannelDbLevel)> {
    let system = fixtures::sysvad_mic_in()?;
    let part = system
        .device(fixtures::SYSVAD_MICIN_TOPO)?
        .topology()?
        .part_by_id(LocalId::subunit(0))?;
    let level = part
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .expect("volume");
    Ok((system, level))
}

/// B2-3 (K2, K3, X17) on the MIC-IN volume.
#[test]
fn k2_k3_x17_mic_in_volume() -> R {
    let (_s, v) = mic_volume()?;
    assert_eq!(v.kind(), ControlKind::VolumeLevel);
    assert_eq!(v.channel_count()?, 1);
    let r = v.level_range(0)?;
    assert_eq!((r.min_db, r.max_db, r.step_db), (-96.0, 0.0, 0.5));
    assert_eq!(
        v.level_range(1).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    v.set_level(0, -200.0, None)?;
    assert_eq!(v.level(0)?, -96.0);
    v.set_level(0, 6.0, None)?;
    assert_eq!(v.level(0)?, 0.0);
    v.set_level(0, -10.25, None)?;
    assert_eq!(v.level(0)?, -10.5); // X17: halves away from zero, as SYSVAD
    assert_eq!(
        v.set_level(1, -1.0, None).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    let err = v.set_level_all_channels(&[-1.0, -2.0], None).unwrap_err();
    assert_eq!(err.hresult(), HResult::E_INVALIDARG);
    assert_eq!(v.level(1).unwrap_err().hresult(), HResult::E_INVALIDARG);
    Ok(())
}

/// B3-4 (K2): per-channel state; SetLevelUniform snaps (X17).
#[test]
fn k2_b3_4_hdmi_per_channel() -> R {
    let system = fixtures::sysvad_hdmi()?;
    let v = system
        .device(fixtures::SYSVAD_HDMI_WAVE)?
        .topology()?
        .part_by_id(LocalId::subunit(1))?
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .ok_or("volume")?;
    v.set_level_all_channels(&[-6.0, -12.0], None)?;
    assert_eq!((v.level(0)?, v.level(1)?), (-6.0, -12.0));
    v.set_level_uniform(-3.2, None)?;
    assert_eq!((v.level(0)?, v.level(1)?), (-3.0, -3.0));
    Ok(())
}

/// X17: NaN is refused with E_INVALIDARG and changes nothing (G5); infinities clamp.
#[test]
fn x17_nan_and_infinity() -> R {
    let (system, v) = mic_volume()?;
    v.set_level(0, -20.0, None)?;
    let before = system.snapshot();
    for err in [
        v.set_level(0, f32::NAN, None),
        v.set_level_uniform(f32::NAN, None),
        v.set_level_all_channels(&[f32::NAN], None),
    ] {
        assert_eq!(err.unwrap_err().hresult(), HResult::E_INVALIDARG);
    }
    assert_eq!(system.snapshot(), before);
    v.set_level(0, f32::NEG_INFINITY, None)?;
    assert_eq!(v.level(0)?, -96.0);
    v.set_level(0, f32::INFINITY, None)?;
    assert_eq!(v.level(0)?, 0.0);
    Ok(())
}

/// K4: a part that supports the volume IID does not thereby support bass; the four level
/// interfaces all use the one level type.
#[test]
fn k4_tone_controls_are_separate() -> R {
    let mut b = SystemBuilder::new();
    let d = b.add_device(DeviceSpec::new("{2}.tone", "tone", DeviceKind::Adapter))?;
    let p = b.add_subunit(
        d,
        SubunitSpec::new("Tone", guids::KSNODETYPE_TONE)
            .control(ControlSpec::Bass(LevelSpec::uniform(
                2, -12.0, 12.0, 1.0, 0.0,
            )))
            .control(ControlSpec::Treble(LevelSpec::uniform(
                2, -12.0, 12.0, 1.0, 0.0,
            ))),
    )?;
    let system = b.build()?;
    let part = system.part(p)?;
    let bass = part
        .activate(CLSCTX_ALL, guids::IID_IAudioBass)?
        .into_level()
        .ok_or("bass")?;
    assert_eq!(bass.kind(), ControlKind::Bass);
    bass.set_level(0, 2.5, None)?;
    assert_eq!(bass.level(0)?, 3.0);
    for iid in [guids::IID_IAudioMidrange, guids::IID_IAudioVolumeLevel] {
        assert_eq!(
            part.activate(CLSCTX_ALL, iid).unwrap_err().hresult(),
            HResult::E_NOINTERFACE
        );
    }
    Ok(())
}

fn range_strategy() -> impl Strategy<Value = (f32, f32, u32, u32)> {
    // (min, step, steps, channels): max = min + steps * step.
    (
        -200i32..50,
        prop::sample::select(vec![0.25f32, 0.5, 1.0, 1.5, 3.0]),
        1u32..400,
        1u32..8,
    )
        .prop_map(|(min, step, steps, ch)| (min as f32, step, steps, ch))
}

proptest! {
    /// K3, X17: any SetLevel reads back inside the range, on the step grid, at the grid
    /// point nearest the (clamped) request.
    #[test]
    fn k3_x17_set_level_snaps((min, step, steps, channels) in range_strategy(), request in -1000.0f32..1000.0, ch in 0u32..8) {
        let max = min + steps as f32 * step;
        let (_s, v) = level_system(LevelSpec::uniform(channels, min, max, step, min)).unwrap();
        let ch = ch % channels;
        v.set_level(ch, request, None).unwrap();
        let got = v.level(ch).unwrap();
        prop_assert!(got >= min && got <= max, "{got} outside {min}..{max}");
        let k = (f64::from(got) - f64::from(min)) / f64::from(step);
        prop_assert!((k - k.round()).abs() < 1e-4, "{got} is off the grid");
        let clamped = request.clamp(min, max);
        prop_assert!((got - clamped).abs() <= step / 2.0 + 1e-3, "{got} is not nearest to {clamped}");
    }

    /// K2: SetLevelUniform then GetLevel is the same on every channel.
    #[test]
    fn k2_set_level_uniform_same_on_all((min, step, steps, channels) in range_strategy(), request in -1000.0f32..1000.0) {
        let max = min + steps as f32 * step;
        let (_s, v) = level_system(LevelSpec::uniform(channels, min, max, step, max)).unwrap();
        v.set_level_uniform(request, None).unwrap();
        let first = v.level(0).unwrap();
        for ch in 1..channels {
            prop_assert_eq!(v.level(ch).unwrap().to_bits(), first.to_bits());
        }
    }
}
