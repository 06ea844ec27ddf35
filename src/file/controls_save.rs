//! [`ControlSpec`]s -> control entries of a file, for saving: levels with one value for
//! every channel are written as `channels` + `level_db`, silent peak meters as `channels`,
//! `f32` values in their shortest decimal form, masks and colours as hex strings.

use super::controls::default_mask;
use super::schema::{Named, PartText};
use super::schema_controls::{
    ControlEntry, Db, FormatEntry, FormatGuid, FormatRangeEntry, Hex, Interface, JackEntry,
    RangeEntry, RawValue, VarTypeName,
};
use crate::controls::{ControlSpec, KsDataFormat, PropertyValue};

/// The entries that describe a part's controls, for saving.
pub(crate) fn to_entries(specs: &[ControlSpec]) -> Vec<ControlEntry> {
    specs.iter().map(to_entry).collect()
}

/// The `f64` whose shortest decimal form is the `f32`'s, so `-3.2f32` is written `-3.2`.
fn wide(v: f32) -> f64 {
    v.to_string().parse().unwrap_or(f64::from(v))
}

fn to_entry(spec: &ControlSpec) -> ControlEntry {
    let mut e = ControlEntry {
        interface: Interface(spec.kind()),
        ..ControlEntry::default()
    };
    match spec {
        ControlSpec::VolumeLevel(l)
        | ControlSpec::Bass(l)
        | ControlSpec::Midrange(l)
        | ControlSpec::Treble(l) => {
            e.min_db = Some(wide(l.min_db));
            e.max_db = Some(wide(l.max_db));
            e.step_db = Some(wide(l.step_db));
            match l.levels_db.first() {
                Some(&first) if l.levels_db.iter().all(|&v| v == first) => {
                    e.channels = Some(l.channel_count());
                    e.level_db = Some(wide(first));
                }
                _ => e.levels_db = Some(l.levels_db.iter().map(|&v| wide(v)).collect()),
            }
        }
        ControlSpec::Mute(m) => e.muted = Some(*m),
        ControlSpec::Loudness(v) | ControlSpec::AutoGainControl(v) => e.enabled = Some(*v),
        ControlSpec::PeakMeter(p) => {
            if !p.peaks_db.is_empty() && p.peaks_db.iter().all(|&v| v == f32::NEG_INFINITY) {
                e.channels = Some(p.peaks_db.len() as u32);
            } else {
                e.peaks_db = Some(p.peaks_db.iter().map(|&v| Db(wide(v))).collect());
            }
        }
        ControlSpec::InputSelector(s) | ControlSpec::OutputSelector(s) => {
            e.selection = Some(PartText(s.to_string()));
        }
        ControlSpec::ChannelConfig(mask) => e.channel_config = Some(Hex(*mask)),
        ControlSpec::DeviceSpecificProperty(d) => {
            e.var_type = Some(VarTypeName(d.value.var_type()));
            e.value = Some(match d.value {
                PropertyValue::I4(v) => RawValue::Int(v.into()),
                PropertyValue::Ui4(v) => RawValue::Int(v.into()),
                PropertyValue::Bool(v) => RawValue::Bool(v),
            });
            e.range = d.range.map(|r| {
                let field = |v: i32| match d.value {
                    PropertyValue::Ui4(_) => i64::from(v as u32),
                    _ => i64::from(v),
                };
                RangeEntry {
                    min: field(r.min),
                    max: field(r.max),
                    step: i64::from(r.step),
                }
            });
            e.read_only = d.read_only.then_some(true);
        }
        ControlSpec::FormatSupport(f) => {
            e.formats = Some(f.formats.iter().map(format_entry).collect());
            if !f.ranges.is_empty() {
                e.format_ranges = Some(
                    f.ranges
                        .iter()
                        .map(|r| FormatRangeEntry {
                            major_format: FormatGuid(r.major_format),
                            sub_format: FormatGuid(r.sub_format),
                            specifier: FormatGuid(r.specifier),
                            max_channels: r.max_channels,
                            min_bits_per_sample: r.min_bits_per_sample,
                            max_bits_per_sample: r.max_bits_per_sample,
                            min_sample_frequency: r.min_sample_frequency,
                            max_sample_frequency: r.max_sample_frequency,
                        })
                        .collect(),
                );
            }
            let preferred = f
                .formats
                .iter()
                .position(|x| *x == f.preferred)
                .unwrap_or(0);
            e.preferred = (preferred != 0).then_some(preferred as u32);
        }
        ControlSpec::JackDescription(jacks) => {
            e.jacks = Some(
                jacks
                    .iter()
                    .map(|j| JackEntry {
                        channel_mapping: Some(Hex(j.channel_mapping)),
                        color: Some(Hex(j.color)),
                        connection_type: Some(Named(j.connection_type)),
                        geo_location: Some(Named(j.geo_location)),
                        gen_location: Some(Named(j.gen_location)),
                        port_connection: Some(Named(j.port_connection)),
                        is_connected: Some(j.is_connected),
                        ..JackEntry::default()
                    })
                    .collect(),
            );
        }
        ControlSpec::JackDescription2(jacks) => {
            e.jacks = Some(
                jacks
                    .iter()
                    .map(|j| JackEntry {
                        device_state_info: Some(Hex(j.device_state_info)),
                        jack_capabilities: Some(Hex(j.jack_capabilities)),
                        ..JackEntry::default()
                    })
                    .collect(),
            );
        }
    }
    e
}

fn format_entry(f: &KsDataFormat) -> FormatEntry {
    let w = f.wave;
    FormatEntry {
        major_format: FormatGuid(f.major_format),
        sub_format: FormatGuid(f.sub_format),
        specifier: FormatGuid(f.specifier),
        channels: w.map(|w| w.channels),
        samples_per_sec: w.map(|w| w.samples_per_sec),
        bits_per_sample: w.map(|w| w.bits_per_sample),
        valid_bits_per_sample: w
            .filter(|w| w.valid_bits_per_sample != w.bits_per_sample)
            .map(|w| w.valid_bits_per_sample),
        channel_mask: w
            .filter(|w| w.channel_mask != default_mask(w.channels))
            .map(|w| Hex(w.channel_mask)),
    }
}
