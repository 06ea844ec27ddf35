//! Build-time checks of a part's controls that need no graph (P13, P14, R4, K2, K13, K15,
//! X16, X33); the selector checks (K9, K10) need links and live in the engine.

use std::fmt;

use super::ControlKind;
use super::level::step_count;
use super::spec::{ControlSpec, PropertyValue};
use crate::guid::{Guid, guids};
use crate::types::{LocalId, PartType};

/// What is wrong with a control given to a builder, in
/// [`Error::InvalidControl`](crate::Error::InvalidControl).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ControlProblem {
    /// A subunit control on a connector, or a connector control on a subunit (P13).
    WrongPartType {
        /// The control.
        control: ControlKind,
        /// The kind of part it was given to.
        part_type: PartType,
    },
    /// The subunit's subtype requires this control and it is missing (P14, R4).
    MissingRequired {
        /// The required control.
        control: ControlKind,
        /// The subunit's subtype.
        subtype: Guid,
    },
    /// Two controls of the same interface on one part.
    Duplicate {
        /// The control.
        control: ControlKind,
    },
    /// A level or peak meter with no channels (K2, K8).
    NoChannels {
        /// The control.
        control: ControlKind,
    },
    /// A level range that is not finite, not ordered, has no positive step, or is not a whole
    /// number of steps (K2).
    BadLevelRange {
        /// The control.
        control: ControlKind,
    },
    /// An initial level outside the range, or NaN (K3).
    LevelOutOfRange {
        /// The control.
        control: ControlKind,
        /// The channel.
        channel: u32,
    },
    /// A NaN peak value (X18).
    BadPeak {
        /// The channel.
        channel: u32,
    },
    /// A selector's initial selection is not a part linked to it (K9, K10).
    SelectionNotLinked {
        /// The control.
        control: ControlKind,
        /// The selection given.
        selection: LocalId,
    },
    /// A 4-byte range on a `VT_BOOL` property, a range with `min > max` or a step below 1, or
    /// a value outside the range (K13, X33).
    BadPropertyRange,
    /// A format list whose preferred format is not listed, or an invalid format (K15).
    BadFormats,
    /// `IKsJackDescription2` without `IKsJackDescription`, or with another jack count (X16).
    JackDescription2Mismatch,
}

impl fmt::Display for ControlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ControlProblem::WrongPartType { control, part_type } => write!(
                f,
                "{control} cannot be on a {part_type} (rule P13: connectors carry only IKsFormatSupport and the jack descriptions)"
            ),
            ControlProblem::MissingRequired { control, subtype } => write!(
                f,
                "a {} subunit requires {control} (rules P14, R4)",
                subtype.display_name()
            ),
            ControlProblem::Duplicate { control } => {
                write!(f, "{control} is given twice (rule P12)")
            }
            ControlProblem::NoChannels { control } => {
                write!(f, "{control} has no channels (rule K2)")
            }
            ControlProblem::BadLevelRange { control } => write!(
                f,
                "{control} needs a finite range min <= max split into whole steps of a positive size (rule K2)"
            ),
            ControlProblem::LevelOutOfRange { control, channel } => write!(
                f,
                "{control} channel {channel} starts outside its range (rule K3)"
            ),
            ControlProblem::BadPeak { channel } => {
                write!(f, "peak meter channel {channel} is NaN (X18)")
            }
            ControlProblem::SelectionNotLinked { control, selection } => write!(
                f,
                "{control} selects {selection}, which is not linked to it (rules K9, K10)"
            ),
            ControlProblem::BadPropertyRange => f.write_str(
                "the device-specific property's range or value is invalid (rule K13, X33)",
            ),
            ControlProblem::BadFormats => {
                f.write_str("the format list or a format range is invalid, or the list lacks the preferred format (rule K15)")
            }
            ControlProblem::JackDescription2Mismatch => f.write_str(
                "IKsJackDescription2 needs IKsJackDescription with the same jack count (X16)",
            ),
        }
    }
}

/// The controls a subunit subtype requires (R4, P14).
pub(crate) fn required_controls(subtype: Guid) -> &'static [ControlKind] {
    match subtype {
        s if s == guids::KSNODETYPE_AGC => &[ControlKind::AutoGainControl],
        s if s == guids::KSNODETYPE_DEMUX => &[ControlKind::OutputSelector],
        s if s == guids::KSNODETYPE_DEV_SPECIFIC => &[ControlKind::DeviceSpecificProperty],
        s if s == guids::KSNODETYPE_LOUDNESS => &[ControlKind::Loudness],
        s if s == guids::KSNODETYPE_MUTE => &[ControlKind::Mute],
        s if s == guids::KSNODETYPE_MUX => &[ControlKind::InputSelector],
        s if s == guids::KSNODETYPE_PEAKMETER => &[ControlKind::PeakMeter],
        s if s == guids::KSNODETYPE_VOLUME => &[ControlKind::VolumeLevel],
        _ => &[],
    }
}

/// Checks one part's controls, except the selector links (P13, P14, R4, K2, K3, K8, K13, K15,
/// X16, X18, X33).
pub(crate) fn check_controls(
    part_type: PartType,
    subtype: Guid,
    controls: &[ControlSpec],
) -> Result<(), ControlProblem> {
    for (i, spec) in controls.iter().enumerate() {
        let control = spec.kind();
        let on_connector = part_type == PartType::Connector;
        if control.is_connector_control() != on_connector {
            return Err(ControlProblem::WrongPartType { control, part_type });
        }
        if controls[..i].iter().any(|c| c.kind() == control) {
            return Err(ControlProblem::Duplicate { control });
        }
        check_one(spec, controls)?;
    }
    if part_type == PartType::Subunit {
        for &control in required_controls(subtype) {
            if !controls.iter().any(|c| c.kind() == control) {
                return Err(ControlProblem::MissingRequired { control, subtype });
            }
        }
    }
    Ok(())
}

fn check_one(spec: &ControlSpec, all: &[ControlSpec]) -> Result<(), ControlProblem> {
    let control = spec.kind();
    match spec {
        ControlSpec::VolumeLevel(l)
        | ControlSpec::Bass(l)
        | ControlSpec::Midrange(l)
        | ControlSpec::Treble(l) => {
            if l.levels_db.is_empty() {
                return Err(ControlProblem::NoChannels { control });
            }
            if step_count(l.min_db, l.max_db, l.step_db).is_none() {
                return Err(ControlProblem::BadLevelRange { control });
            }
            for (channel, &v) in l.levels_db.iter().enumerate() {
                if v.is_nan() || v < l.min_db || v > l.max_db {
                    return Err(ControlProblem::LevelOutOfRange {
                        control,
                        channel: channel as u32,
                    });
                }
            }
        }
        ControlSpec::PeakMeter(p) => {
            if p.peaks_db.is_empty() {
                return Err(ControlProblem::NoChannels { control });
            }
            if let Some(channel) = p.peaks_db.iter().position(|v| v.is_nan()) {
                return Err(ControlProblem::BadPeak {
                    channel: channel as u32,
                });
            }
        }
        ControlSpec::DeviceSpecificProperty(d) => {
            if let Some(r) = d.range {
                let ok = match d.value {
                    PropertyValue::Bool(_) => false,
                    PropertyValue::I4(v) => r.min <= r.max && v >= r.min && v <= r.max,
                    PropertyValue::Ui4(v) => {
                        let (min, max) = (r.min as u32, r.max as u32);
                        min <= max && v >= min && v <= max
                    }
                };
                if !ok || r.step < 1 {
                    return Err(ControlProblem::BadPropertyRange);
                }
            }
        }
        ControlSpec::FormatSupport(f) => {
            if !f.formats.iter().all(|x| x.is_valid())
                || !f.ranges.iter().all(|r| r.is_valid())
                || !f.formats.contains(&f.preferred)
            {
                return Err(ControlProblem::BadFormats);
            }
        }
        ControlSpec::JackDescription2(v2) => {
            let v1 = all.iter().find_map(|c| match c {
                ControlSpec::JackDescription(v1) => Some(v1.len()),
                _ => None,
            });
            if v1 != Some(v2.len()) {
                return Err(ControlProblem::JackDescription2Mismatch);
            }
        }
        ControlSpec::Mute(_)
        | ControlSpec::Loudness(_)
        | ControlSpec::AutoGainControl(_)
        | ControlSpec::InputSelector(_)
        | ControlSpec::OutputSelector(_)
        | ControlSpec::ChannelConfig(_)
        | ControlSpec::JackDescription(_) => {}
    }
    Ok(())
}
