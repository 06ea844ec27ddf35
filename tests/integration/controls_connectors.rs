//! Connector controls and device-specific properties: rules K13, K15, K16, K17 and X16,
//! X28, X29, X32, X33.

use devtopo::*;

use crate::controls_misc::one_subunit;

type R = std::result::Result<(), Box<dyn std::error::Error>>;

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

/// Issue 13, item 5 (rule K15): format ranges (`KSDATARANGE_AUDIO`) in files and in
/// `IsFormatSupported`: an in-range format that is not listed is supported; out of range
/// (channels, bits, rate, sub-format) it is not; ranges survive save and load, and show
/// prints them.
#[test]
fn k15_format_ranges() -> Result<(), Box<dyn std::error::Error>> {
    use devtopo::*;
    let text = r#"
[[device]]
id = "wave"
kind = "adapter"

[[device.connector]]
flow = "In"
type = "Software_IO"

[[device.connector.control]]
interface = "IKsFormatSupport"
format = [{ channels = 2, samples_per_sec = 48000, bits_per_sample = 16 }]
format_range = [
    { max_channels = 2, min_bits_per_sample = 16, max_bits_per_sample = 24, min_sample_frequency = 8000, max_sample_frequency = 96000 },
    { sub_format = "KSDATAFORMAT_SUBTYPE_IEEE_FLOAT", max_channels = 8, min_bits_per_sample = 32, max_bits_per_sample = 32, min_sample_frequency = 44100, max_sample_frequency = 192000 },
]
"#;
    let system = System::from_toml_str(text)?;
    let part = system.find_part("wave/0x10000")?;
    let formats = part.activate_as::<KsFormatSupport>(CLSCTX_ALL)?;
    let float =
        |ch, rate| KsDataFormat::wave(format_guids::KSDATAFORMAT_SUBTYPE_IEEE_FLOAT, ch, rate, 32);
    for (format, want) in [
        (KsDataFormat::pcm(2, 48_000, 16), true),   // listed
        (KsDataFormat::pcm(2, 22_050, 24), true),   // in the PCM range, not listed
        (KsDataFormat::pcm(1, 8_000, 16), true),    // 1 channel: within 1..=2
        (KsDataFormat::pcm(3, 48_000, 16), false),  // too many channels
        (KsDataFormat::pcm(2, 192_000, 16), false), // rate above the PCM range
        (KsDataFormat::pcm(2, 48_000, 32), false),  // too deep for the PCM range
        (float(8, 192_000), true),                  // the float range
        (float(2, 22_050), false),                  // rate below the float range
    ] {
        assert_eq!(formats.is_format_supported(&format)?, want, "{format:?}");
    }
    let again = System::from_json_str(&system.to_json_string()?)?;
    assert_eq!(again.snapshot(), system.snapshot());
    let spec = again.snapshot().devices[0].parts[0].controls[0].clone();
    let ControlSpec::FormatSupport(spec) = spec else {
        return Err("no format support".into());
    };
    assert_eq!(spec.ranges[0], KsDataRange::pcm(2, 16..=24, 8_000..=96_000));
    // A malformed range is a located rule error.
    let bad = text.replace(
        "min_sample_frequency = 8000, max_sample_frequency = 96000",
        "min_sample_frequency = 96000, max_sample_frequency = 8000",
    );
    let err = System::from_toml_str(&bad).err().ok_or("loaded")?;
    assert!(err.to_string().contains("format range is invalid"), "{err}");
    Ok(())
}
