//! How `show` prints a part's controls: one line per control interface with its current
//! state, jacks and formats on lines of their own; and the same as JSON. Everything comes
//! from the system's snapshot, so showing never changes a control (reading a peak meter
//! through `IAudioPeakMeter::GetLevel` would reset it, X18).

use std::collections::HashMap;

use devtopo::{
    ControlSpec, KsDataFormat, KsDataRange, LevelSpec, LocalId, PropertyValue, System, format_guids,
};
use serde_json::{Value, json};

/// The controls of every part, by device ID and local ID.
pub(crate) struct Controls(HashMap<(String, LocalId), Vec<ControlSpec>>);

impl Controls {
    pub(crate) fn of(system: &System) -> Controls {
        let mut map = HashMap::new();
        for device in system.snapshot().devices {
            for part in device.parts {
                if !part.controls.is_empty() {
                    map.insert((device.id.clone(), part.local_id), part.controls);
                }
            }
        }
        Controls(map)
    }

    /// The controls of one part (none when it has none).
    pub(crate) fn get(&self, device: &str, local: LocalId) -> &[ControlSpec] {
        self.0
            .get(&(device.to_owned(), local))
            .map_or(&[], Vec::as_slice)
    }
}

/// `1 channel`, `2 channels`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn db(v: f32) -> String {
    if v == f32::NEG_INFINITY {
        "-inf".to_owned()
    } else {
        format!("{v:.2}")
    }
}

fn db_json(v: f32) -> Value {
    if v.is_finite() {
        json!(f64::from(v))
    } else {
        json!(db(v))
    }
}

fn levels(l: &LevelSpec) -> String {
    let each: Vec<String> = l.levels_db.iter().map(|&v| db(v)).collect();
    format!(
        "{}, range {}..{} dB step {} dB, levels [{}] dB",
        count(l.channel_count() as usize, "channel"),
        db(l.min_db),
        db(l.max_db),
        db(l.step_db),
        each.join(", ")
    )
}

fn value_json(v: PropertyValue) -> Value {
    match v {
        PropertyValue::I4(x) => json!(x),
        PropertyValue::Ui4(x) => json!(x),
        PropertyValue::Bool(x) => json!(x),
    }
}

fn value_text(v: PropertyValue) -> String {
    match v {
        PropertyValue::I4(x) => x.to_string(),
        PropertyValue::Ui4(x) => x.to_string(),
        PropertyValue::Bool(x) => if x { "TRUE" } else { "FALSE" }.to_owned(),
    }
}

fn sub_format_name(sub_format: devtopo::Guid) -> String {
    let known = [
        (format_guids::KSDATAFORMAT_SUBTYPE_PCM, "PCM"),
        (format_guids::KSDATAFORMAT_SUBTYPE_IEEE_FLOAT, "IEEE_FLOAT"),
        (
            format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL,
            "IEC61937_DOLBY_DIGITAL",
        ),
        (
            format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DTS,
            "IEC61937_DTS",
        ),
        (
            format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DTS_HD,
            "IEC61937_DTS_HD",
        ),
        (
            format_guids::KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_MLP,
            "IEC61937_DOLBY_MLP",
        ),
    ];
    known
        .iter()
        .find(|(g, _)| *g == sub_format)
        .map_or_else(|| sub_format.to_string(), |(_, n)| (*n).to_owned())
}

fn format_text(f: &KsDataFormat) -> String {
    match &f.wave {
        Some(w) => format!(
            "{} {} ch {} Hz {}/{} bit mask 0x{:X}",
            sub_format_name(f.sub_format),
            w.channels,
            w.samples_per_sec,
            w.bits_per_sample,
            w.valid_bits_per_sample,
            w.channel_mask
        ),
        None => format!(
            "{} (specifier {})",
            sub_format_name(f.sub_format),
            f.specifier
        ),
    }
}

fn range_text(r: &KsDataRange) -> String {
    format!(
        "{} 1-{} ch {}..{} Hz {}..{} bit",
        sub_format_name(r.sub_format),
        r.max_channels,
        r.min_sample_frequency,
        r.max_sample_frequency,
        r.min_bits_per_sample,
        r.max_bits_per_sample
    )
}

fn range_json(r: &KsDataRange) -> Value {
    json!({
        "major_format": r.major_format.to_string(),
        "sub_format": sub_format_name(r.sub_format),
        "specifier": r.specifier.to_string(),
        "max_channels": r.max_channels,
        "min_bits_per_sample": r.min_bits_per_sample,
        "max_bits_per_sample": r.max_bits_per_sample,
        "min_sample_frequency": r.min_sample_frequency,
        "max_sample_frequency": r.max_sample_frequency,
    })
}

fn format_json(f: &KsDataFormat) -> Value {
    let mut v = json!({
        "major_format": f.major_format.to_string(),
        "sub_format": sub_format_name(f.sub_format),
        "specifier": f.specifier.to_string(),
    });
    if let (Some(w), Some(map)) = (&f.wave, v.as_object_mut()) {
        map.insert("channels".into(), json!(w.channels));
        map.insert("samples_per_sec".into(), json!(w.samples_per_sec));
        map.insert("bits_per_sample".into(), json!(w.bits_per_sample));
        map.insert(
            "valid_bits_per_sample".into(),
            json!(w.valid_bits_per_sample),
        );
        map.insert(
            "channel_mask".into(),
            json!(format!("0x{:X}", w.channel_mask)),
        );
    }
    v
}

/// The lines of one control: the first names the interface and its state; jacks and
/// formats follow on lines of their own (indented by the caller's `pad` and two spaces).
pub(crate) fn lines(spec: &ControlSpec, system_label: &dyn Fn(LocalId) -> String) -> Vec<String> {
    let name = spec.kind().interface_name();
    match spec {
        ControlSpec::VolumeLevel(l)
        | ControlSpec::Bass(l)
        | ControlSpec::Midrange(l)
        | ControlSpec::Treble(l) => vec![format!("{name}: {}", levels(l))],
        ControlSpec::Mute(m) => vec![format!("{name}: muted {}", bool_text(*m))],
        ControlSpec::Loudness(e) | ControlSpec::AutoGainControl(e) => {
            vec![format!("{name}: enabled {}", bool_text(*e))]
        }
        ControlSpec::PeakMeter(p) => {
            let each: Vec<String> = p.peaks_db.iter().map(|&v| db(v)).collect();
            vec![format!(
                "{name}: {}, pending peaks [{}] dB",
                count(p.peaks_db.len(), "channel"),
                each.join(", ")
            )]
        }
        ControlSpec::InputSelector(s) | ControlSpec::OutputSelector(s) => {
            vec![format!("{name}: selection {}", system_label(*s))]
        }
        ControlSpec::ChannelConfig(mask) => vec![format!("{name}: channel config 0x{mask:X}")],
        ControlSpec::DeviceSpecificProperty(d) => {
            let mut text = format!(
                "{name}: {} {}",
                d.value.var_type().name(),
                value_text(d.value)
            );
            if let Some(r) = d.range {
                text.push_str(&format!(", range {}..{} step {}", r.min, r.max, r.step));
            }
            if d.read_only {
                text.push_str(", read-only");
            }
            vec![text]
        }
        ControlSpec::FormatSupport(f) => {
            let mut out = vec![format!(
                "{name}: {}, preferred {}",
                count(f.formats.len(), "format"),
                format_text(&f.preferred)
            )];
            out.extend(
                f.formats
                    .iter()
                    .enumerate()
                    .map(|(i, x)| format!("  format {i}: {}", format_text(x))),
            );
            out.extend(
                f.ranges
                    .iter()
                    .enumerate()
                    .map(|(i, r)| format!("  range {i}: {}", range_text(r))),
            );
            out
        }
        ControlSpec::JackDescription(jacks) => {
            let mut out = vec![format!("{name}: {}", count(jacks.len(), "jack"))];
            out.extend(jacks.iter().enumerate().map(|(j, d)| {
                format!(
                    "  jack {j}: ChannelMapping 0x{:X}, Color 0x{:06X}, ConnectionType {}, GeoLocation {}, GenLocation {}, PortConnection {}, IsConnected {}",
                    d.channel_mapping,
                    d.color,
                    d.connection_type.name(),
                    d.geo_location.name(),
                    d.gen_location.name(),
                    d.port_connection.name(),
                    bool_text(d.is_connected)
                )
            }));
            out
        }
        ControlSpec::JackDescription2(jacks) => {
            let mut out = vec![format!("{name}: {}", count(jacks.len(), "jack"))];
            out.extend(jacks.iter().enumerate().map(|(j, d)| {
                format!(
                    "  jack {j}: DeviceStateInfo 0x{:X}, JackCapabilities 0x{:X}",
                    d.device_state_info, d.jack_capabilities
                )
            }));
            out
        }
    }
}

fn bool_text(b: bool) -> &'static str {
    if b { "TRUE" } else { "FALSE" }
}

/// One control as JSON: `interface` and its state, with Windows names.
pub(crate) fn to_json(spec: &ControlSpec, system_label: &dyn Fn(LocalId) -> String) -> Value {
    let interface = spec.kind().interface_name();
    let level = |l: &LevelSpec| {
        json!({
            "interface": interface,
            "channels": l.channel_count(),
            "min_db": f64::from(l.min_db),
            "max_db": f64::from(l.max_db),
            "step_db": f64::from(l.step_db),
            "levels_db": l.levels_db.iter().map(|&v| db_json(v)).collect::<Vec<_>>(),
        })
    };
    match spec {
        ControlSpec::VolumeLevel(l)
        | ControlSpec::Bass(l)
        | ControlSpec::Midrange(l)
        | ControlSpec::Treble(l) => level(l),
        ControlSpec::Mute(m) => json!({ "interface": interface, "muted": m }),
        ControlSpec::Loudness(e) | ControlSpec::AutoGainControl(e) => {
            json!({ "interface": interface, "enabled": e })
        }
        ControlSpec::PeakMeter(p) => json!({
            "interface": interface,
            "channels": p.peaks_db.len(),
            "peaks_db": p.peaks_db.iter().map(|&v| db_json(v)).collect::<Vec<_>>(),
        }),
        ControlSpec::InputSelector(s) | ControlSpec::OutputSelector(s) => json!({
            "interface": interface,
            "selection": s.to_string(),
            "selected_part": system_label(*s),
        }),
        ControlSpec::ChannelConfig(mask) => {
            json!({ "interface": interface, "channel_config": format!("0x{mask:X}") })
        }
        ControlSpec::DeviceSpecificProperty(d) => json!({
            "interface": interface,
            "type": d.value.var_type().name(),
            "value": value_json(d.value),
            "range": d.range.map(|r| json!({ "min": r.min, "max": r.max, "step": r.step })),
            "read_only": d.read_only,
        }),
        ControlSpec::FormatSupport(f) => json!({
            "interface": interface,
            "formats": f.formats.iter().map(format_json).collect::<Vec<_>>(),
            "ranges": f.ranges.iter().map(range_json).collect::<Vec<_>>(),
            "preferred": format_json(&f.preferred),
        }),
        ControlSpec::JackDescription(jacks) => json!({
            "interface": interface,
            "jacks": jacks.iter().map(|d| json!({
                "ChannelMapping": format!("0x{:X}", d.channel_mapping),
                "Color": format!("0x{:06X}", d.color),
                "ConnectionType": d.connection_type.name(),
                "GeoLocation": d.geo_location.name(),
                "GenLocation": d.gen_location.name(),
                "PortConnection": d.port_connection.name(),
                "IsConnected": d.is_connected,
            })).collect::<Vec<_>>(),
        }),
        ControlSpec::JackDescription2(jacks) => json!({
            "interface": interface,
            "jacks": jacks.iter().map(|d| json!({
                "DeviceStateInfo": format!("0x{:X}", d.device_state_info),
                "JackCapabilities": format!("0x{:X}", d.jack_capabilities),
            })).collect::<Vec<_>>(),
        }),
    }
}
