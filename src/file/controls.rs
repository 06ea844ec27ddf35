//! Control entries of a file <-> [`ControlSpec`]s.
//!
//! Loading checks only the shape of an entry (which keys its interface takes, which are
//! missing, how values are written); every rule of a control (P13, R4, K2, K3, K9, K15,
//! X16, ...) is checked once, by the builder (`SystemBuilder::set_controls`), and its error
//! located here by [`problem_path`].

use super::error::FileErrorKind;
use super::limits::Limit;
use super::load::Problem;
use super::locate::ItemPath;
use super::refs::RefError;
use super::schema_controls::{ControlEntry, FormatEntry, JackEntry, RawValue};
use crate::controls::{
    ControlKind, ControlProblem, ControlSpec, DeviceSpecificSpec, FormatSupportSpec, FourByteRange,
    JackDescription, JackDescription2, KsDataFormat, KsDataRange, LevelSpec, PeakMeterSpec,
    PropertyValue, VarType, WaveFormat, format_guids,
};
use crate::types::LocalId;

const LEVEL_KEYS: &[&str] = &[
    "min_db",
    "max_db",
    "step_db",
    "channels",
    "level_db",
    "levels_db",
];

/// The keys an interface's entry may have (besides `interface`).
fn allowed_keys(kind: ControlKind) -> &'static [&'static str] {
    match kind {
        ControlKind::VolumeLevel
        | ControlKind::Bass
        | ControlKind::Midrange
        | ControlKind::Treble => LEVEL_KEYS,
        ControlKind::Mute => &["muted"],
        ControlKind::Loudness | ControlKind::AutoGainControl => &["enabled"],
        ControlKind::PeakMeter => &["channels", "peaks_db"],
        ControlKind::InputSelector | ControlKind::OutputSelector => &["selection"],
        ControlKind::ChannelConfig => &["channel_config"],
        ControlKind::DeviceSpecificProperty => &["type", "value", "range", "read_only"],
        ControlKind::FormatSupport => &["format", "format_range", "preferred"],
        ControlKind::JackDescription | ControlKind::JackDescription2 => &["jack"],
    }
}

fn present_keys(e: &ControlEntry) -> impl Iterator<Item = &'static str> {
    [
        ("min_db", e.min_db.is_some()),
        ("max_db", e.max_db.is_some()),
        ("step_db", e.step_db.is_some()),
        ("channels", e.channels.is_some()),
        ("level_db", e.level_db.is_some()),
        ("levels_db", e.levels_db.is_some()),
        ("peaks_db", e.peaks_db.is_some()),
        ("muted", e.muted.is_some()),
        ("enabled", e.enabled.is_some()),
        ("selection", e.selection.is_some()),
        ("channel_config", e.channel_config.is_some()),
        ("type", e.var_type.is_some()),
        ("value", e.value.is_some()),
        ("range", e.range.is_some()),
        ("read_only", e.read_only.is_some()),
        ("format", e.formats.is_some()),
        ("format_range", e.format_ranges.is_some()),
        ("preferred", e.preferred.is_some()),
        ("jack", e.jacks.is_some()),
    ]
    .into_iter()
    .filter(|(_, set)| *set)
    .map(|(key, _)| key)
}

fn schema(path: ItemPath, message: String) -> Problem {
    Problem {
        path,
        kind: FileErrorKind::Schema(message),
    }
}

/// The first of `keys` that is set, as a problem at that key: "`key` belongs {elsewhere}".
fn stray_key(at: &ItemPath, keys: &[(&str, bool)], elsewhere: &str) -> Result<(), Problem> {
    match keys.iter().find(|(_, set)| *set) {
        Some((key, _)) => Err(schema(at.key(key), format!("`{key}` belongs {elsewhere}"))),
        None => Ok(()),
    }
}

fn need<T: Copy>(
    value: Option<T>,
    kind: ControlKind,
    key: &str,
    at: &ItemPath,
) -> Result<T, Problem> {
    value.ok_or_else(|| schema(at.clone(), format!("{kind} needs `{key}`")))
}

/// Converts the control entries of one part. `resolve` turns a selection (local ID or part
/// name) into a local ID.
pub(crate) fn to_specs(
    entries: &[ControlEntry],
    at: &ItemPath,
    resolve: &mut dyn FnMut(&str) -> Result<LocalId, RefError>,
) -> Result<Vec<ControlSpec>, Vec<Problem>> {
    let mut specs = Vec::with_capacity(entries.len());
    let mut problems = Vec::new();
    for (k, entry) in entries.iter().enumerate() {
        match to_spec(entry, &at.item("control", k), resolve) {
            Ok(spec) => specs.push(spec),
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(specs)
    } else {
        Err(problems)
    }
}

fn to_spec(
    e: &ControlEntry,
    at: &ItemPath,
    resolve: &mut dyn FnMut(&str) -> Result<LocalId, RefError>,
) -> Result<ControlSpec, Problem> {
    let kind = e.interface.0;
    let allowed = allowed_keys(kind);
    if let Some(key) = present_keys(e).find(|k| !allowed.contains(k)) {
        return Err(schema(
            at.key(key),
            format!(
                "`{key}` does not belong to {kind}; it takes {}",
                allowed
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    Ok(match kind {
        ControlKind::VolumeLevel => ControlSpec::VolumeLevel(level(e, at)?),
        ControlKind::Bass => ControlSpec::Bass(level(e, at)?),
        ControlKind::Midrange => ControlSpec::Midrange(level(e, at)?),
        ControlKind::Treble => ControlSpec::Treble(level(e, at)?),
        ControlKind::Mute => ControlSpec::Mute(need(e.muted, kind, "muted", at)?),
        ControlKind::Loudness => ControlSpec::Loudness(need(e.enabled, kind, "enabled", at)?),
        ControlKind::AutoGainControl => {
            ControlSpec::AutoGainControl(need(e.enabled, kind, "enabled", at)?)
        }
        ControlKind::PeakMeter => ControlSpec::PeakMeter(peak_meter(e, at)?),
        ControlKind::InputSelector => ControlSpec::InputSelector(selection(e, at, resolve)?),
        ControlKind::OutputSelector => ControlSpec::OutputSelector(selection(e, at, resolve)?),
        ControlKind::ChannelConfig => {
            ControlSpec::ChannelConfig(need(e.channel_config, kind, "channel_config", at)?.0)
        }
        ControlKind::DeviceSpecificProperty => {
            ControlSpec::DeviceSpecificProperty(property(e, at)?)
        }
        ControlKind::FormatSupport => ControlSpec::FormatSupport(Box::new(formats(e, at)?)),
        ControlKind::JackDescription => ControlSpec::JackDescription(each_jack(e, at, jack_v1)?),
        ControlKind::JackDescription2 => ControlSpec::JackDescription2(each_jack(e, at, jack_v2)?),
    })
}

fn level(e: &ControlEntry, at: &ItemPath) -> Result<LevelSpec, Problem> {
    let kind = e.interface.0;
    let min = need(e.min_db, kind, "min_db", at)?;
    let max = need(e.max_db, kind, "max_db", at)?;
    let step = need(e.step_db, kind, "step_db", at)?;
    let levels_db = match (&e.levels_db, e.channels, e.level_db) {
        (Some(list), None, None) => list.iter().map(|&v| v as f32).collect(),
        (None, Some(n), Some(v)) => {
            check_channels(n, at)?;
            vec![v as f32; n as usize]
        }
        _ => {
            return Err(schema(
                at.clone(),
                format!(
                    "{kind} needs either `levels_db` (one level per channel) or `channels` and `level_db`"
                ),
            ));
        }
    };
    Ok(LevelSpec {
        min_db: min as f32,
        max_db: max as f32,
        step_db: step as f32,
        levels_db,
    })
}

fn check_channels(n: u32, at: &ItemPath) -> Result<(), Problem> {
    if n as usize > super::limits::active_value(Limit::Channels) {
        return Err(Problem {
            path: at.key("channels"),
            kind: FileErrorKind::Limit(
                Limit::Channels,
                super::limits::active_value(Limit::Channels),
            ),
        });
    }
    Ok(())
}

fn peak_meter(e: &ControlEntry, at: &ItemPath) -> Result<PeakMeterSpec, Problem> {
    match (&e.peaks_db, e.channels) {
        (Some(list), None) => Ok(PeakMeterSpec {
            peaks_db: list.iter().map(|d| d.0 as f32).collect(),
        }),
        (None, Some(n)) => {
            check_channels(n, at)?;
            Ok(PeakMeterSpec::silent(n))
        }
        _ => Err(schema(
            at.clone(),
            "IAudioPeakMeter needs either `channels` (silent channels) or `peaks_db`".to_owned(),
        )),
    }
}

fn selection(
    e: &ControlEntry,
    at: &ItemPath,
    resolve: &mut dyn FnMut(&str) -> Result<LocalId, RefError>,
) -> Result<LocalId, Problem> {
    let text = need(e.selection.as_ref(), e.interface.0, "selection", at)?;
    resolve(&text.0).map_err(|err| Problem {
        path: at.key("selection"),
        kind: FileErrorKind::Reference(err.to_string()),
    })
}

fn property(e: &ControlEntry, at: &ItemPath) -> Result<DeviceSpecificSpec, Problem> {
    let kind = e.interface.0;
    let var_type = need(e.var_type, kind, "type", at)?.0;
    let raw = need(e.value, kind, "value", at)?;
    let bad_value = |what: &str| {
        schema(
            at.key("value"),
            format!(
                "a {what} property needs {}",
                match var_type {
                    VarType::Bool => "true or false",
                    VarType::I4 => "a 32-bit signed integer",
                    VarType::Ui4 => "a 32-bit unsigned integer",
                }
            ),
        )
    };
    let name = var_type.name();
    let value = match (var_type, raw) {
        (VarType::Bool, RawValue::Bool(b)) => PropertyValue::Bool(b),
        (VarType::I4, RawValue::Int(v)) => {
            PropertyValue::I4(i32::try_from(v).map_err(|_| bad_value(name))?)
        }
        (VarType::Ui4, RawValue::Int(v)) => {
            PropertyValue::Ui4(u32::try_from(v).map_err(|_| bad_value(name))?)
        }
        _ => return Err(bad_value(name)),
    };
    let range = match e.range {
        None => None,
        Some(r) => {
            let field = |v: i64| -> Option<i32> {
                match var_type {
                    VarType::Ui4 => u32::try_from(v).ok().map(|u| u as i32),
                    _ => i32::try_from(v).ok(),
                }
            };
            let bad = || {
                schema(
                    at.key("range"),
                    format!("the range of a {name} property does not fit its type"),
                )
            };
            Some(FourByteRange {
                min: field(r.min).ok_or_else(bad)?,
                max: field(r.max).ok_or_else(bad)?,
                step: i32::try_from(r.step).map_err(|_| bad())?,
            })
        }
    };
    Ok(DeviceSpecificSpec {
        value,
        range,
        read_only: e.read_only.unwrap_or(false),
    })
}

fn formats(e: &ControlEntry, at: &ItemPath) -> Result<FormatSupportSpec, Problem> {
    let list = need(e.formats.as_ref(), e.interface.0, "format", at)?;
    if list.is_empty() {
        return Err(schema(
            at.key("format"),
            "IKsFormatSupport needs at least one format".to_owned(),
        ));
    }
    let formats = list
        .iter()
        .enumerate()
        .map(|(i, f)| format(f, &at.item("format", i)))
        .collect::<Result<Vec<_>, _>>()?;
    let preferred = e.preferred.unwrap_or(0);
    let chosen = formats.get(preferred as usize).copied().ok_or_else(|| {
        schema(
            at.key("preferred"),
            format!(
                "`preferred` = {preferred} is not an index into the {} formats",
                formats.len()
            ),
        )
    })?;
    let ranges = e
        .format_ranges
        .iter()
        .flatten()
        .map(|r| KsDataRange {
            major_format: r.major_format.0,
            sub_format: r.sub_format.0,
            specifier: r.specifier.0,
            max_channels: r.max_channels,
            min_bits_per_sample: r.min_bits_per_sample,
            max_bits_per_sample: r.max_bits_per_sample,
            min_sample_frequency: r.min_sample_frequency,
            max_sample_frequency: r.max_sample_frequency,
        })
        .collect();
    Ok(FormatSupportSpec {
        formats,
        ranges,
        preferred: chosen,
    })
}

pub(super) fn default_mask(channels: u16) -> u32 {
    match channels {
        1 => 0x4,
        2 => 0x3,
        _ => 0,
    }
}

fn format(f: &FormatEntry, at: &ItemPath) -> Result<KsDataFormat, Problem> {
    let wave = if f.specifier.0 == format_guids::KSDATAFORMAT_SPECIFIER_WAVEFORMATEX {
        let need = |key: &str| schema(at.clone(), format!("a WAVEFORMATEX format needs `{key}`"));
        let channels = f.channels.ok_or_else(|| need("channels"))?;
        let bits = f.bits_per_sample.ok_or_else(|| need("bits_per_sample"))?;
        Some(WaveFormat {
            channels,
            samples_per_sec: f.samples_per_sec.ok_or_else(|| need("samples_per_sec"))?,
            bits_per_sample: bits,
            valid_bits_per_sample: f.valid_bits_per_sample.unwrap_or(bits),
            channel_mask: f.channel_mask.map_or(default_mask(channels), |m| m.0),
        })
    } else {
        let wave_keys = [
            ("channels", f.channels.is_some()),
            ("samples_per_sec", f.samples_per_sec.is_some()),
            ("bits_per_sample", f.bits_per_sample.is_some()),
            ("valid_bits_per_sample", f.valid_bits_per_sample.is_some()),
            ("channel_mask", f.channel_mask.is_some()),
        ];
        stray_key(
            at,
            &wave_keys,
            "only to formats with the WAVEFORMATEX specifier",
        )?;
        None
    };
    Ok(KsDataFormat {
        major_format: f.major_format.0,
        sub_format: f.sub_format.0,
        specifier: f.specifier.0,
        wave,
    })
}

/// Converts every jack of the entry with `one`, at `jack[j]`.
fn each_jack<T>(
    e: &ControlEntry,
    at: &ItemPath,
    one: fn(&JackEntry, &ItemPath) -> Result<T, Problem>,
) -> Result<Vec<T>, Problem> {
    let jacks = e.jacks.as_deref().unwrap_or(&[]);
    jacks
        .iter()
        .enumerate()
        .map(|(j, jack)| one(jack, &at.item("jack", j)))
        .collect()
}

fn jack_v1(j: &JackEntry, at: &ItemPath) -> Result<JackDescription, Problem> {
    let missing = |key: &str| {
        schema(
            at.clone(),
            format!("a KSJACK_DESCRIPTION jack needs `{key}` (all seven fields are required)"),
        )
    };
    let v2 = [
        ("device_state_info", j.device_state_info.is_some()),
        ("jack_capabilities", j.jack_capabilities.is_some()),
    ];
    stray_key(at, &v2, "to IKsJackDescription2, not IKsJackDescription")?;
    Ok(JackDescription {
        channel_mapping: j
            .channel_mapping
            .ok_or_else(|| missing("channel_mapping"))?
            .0,
        color: j.color.ok_or_else(|| missing("color"))?.0,
        connection_type: j
            .connection_type
            .ok_or_else(|| missing("connection_type"))?
            .0,
        geo_location: j.geo_location.ok_or_else(|| missing("geo_location"))?.0,
        gen_location: j.gen_location.ok_or_else(|| missing("gen_location"))?.0,
        port_connection: j
            .port_connection
            .ok_or_else(|| missing("port_connection"))?
            .0,
        is_connected: j.is_connected.ok_or_else(|| missing("is_connected"))?,
    })
}

fn jack_v2(j: &JackEntry, at: &ItemPath) -> Result<JackDescription2, Problem> {
    let v1 = [
        ("channel_mapping", j.channel_mapping.is_some()),
        ("color", j.color.is_some()),
        ("connection_type", j.connection_type.is_some()),
        ("geo_location", j.geo_location.is_some()),
        ("gen_location", j.gen_location.is_some()),
        ("port_connection", j.port_connection.is_some()),
        ("is_connected", j.is_connected.is_some()),
    ];
    stray_key(at, &v1, "to IKsJackDescription, not IKsJackDescription2")?;
    Ok(JackDescription2 {
        device_state_info: j.device_state_info.map_or(0, |v| v.0),
        jack_capabilities: j
            .jack_capabilities
            .ok_or_else(|| {
                schema(
                    at.clone(),
                    "a KSJACK_DESCRIPTION2 jack needs `jack_capabilities`".to_owned(),
                )
            })?
            .0,
    })
}

/// Where a builder's control problem is in the file: `part` is the part's path, `entries`
/// its control entries (one per spec, in order).
pub(crate) fn problem_path(
    part: &ItemPath,
    entries: &[ControlEntry],
    problem: &ControlProblem,
) -> ItemPath {
    let entry = |kind: ControlKind, last: bool| {
        let mut found = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.interface.0 == kind);
        let k = if last {
            found.next_back()
        } else {
            found.next()
        };
        k.map(|(k, e)| (part.item("control", k), e))
    };
    let at = |kind, last| entry(kind, last).map(|(p, _)| p);
    let path = match problem {
        ControlProblem::MissingRequired { .. } => None,
        ControlProblem::Duplicate { control } => at(*control, true),
        ControlProblem::WrongPartType { control, .. }
        | ControlProblem::NoChannels { control }
        | ControlProblem::BadLevelRange { control } => at(*control, false),
        ControlProblem::LevelOutOfRange { control, channel } => {
            entry(*control, false).map(|(p, e)| match e.levels_db {
                Some(_) => p.item("levels_db", *channel as usize),
                None => p.key("level_db"),
            })
        }
        ControlProblem::BadPeak { channel } => {
            entry(ControlKind::PeakMeter, false).map(|(p, _)| p.item("peaks_db", *channel as usize))
        }
        ControlProblem::SelectionNotLinked { control, .. } => {
            at(*control, false).map(|p| p.key("selection"))
        }
        ControlProblem::BadPropertyRange => at(ControlKind::DeviceSpecificProperty, false),
        ControlProblem::BadFormats => at(ControlKind::FormatSupport, false),
        ControlProblem::JackDescription2Mismatch => at(ControlKind::JackDescription2, false),
    };
    path.unwrap_or_else(|| part.clone())
}
