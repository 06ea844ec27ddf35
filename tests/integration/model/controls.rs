//! The control operations: every setter of every control kind, peak meters.

use devtopo::*;
use proptest::prelude::*;

use super::CONTEXT;
use super::Level;
use super::Op;
use super::apply::{Sut, activate, has, hr, level_kinds, pick, unreachable_kind};
use super::reference::{MPart, Model, Outcome, level_spec};

impl Model {
    /// The control operations of [`Model::apply`]: `None` when the system has no part for
    /// the operation, else the system's and the model's outcomes.
    pub(super) fn apply_control(
        &mut self,
        sut: &Sut,
        op: &Op,
    ) -> std::result::Result<Option<(Outcome, Outcome)>, TestCaseError> {
        let caller = |ctx: Option<Guid>| (self.caller_pid, ctx);
        let hardware = (
            DEFAULT_HARDWARE_PROCESS_ID,
            Some(HARDWARE_INITIATED_CONTEXT),
        );
        let hw = sut.system.hardware();
        let outcomes = match *op {
            // K2, K3, X17, N5.
            Op::SetLevel(x, k, channel, request) | Op::HardwareSetLevel(x, k, channel, request) => {
                let Some(p) = pick(self, x, |p| !level_kinds(p).is_empty()) else {
                    return Ok(None);
                };
                let kinds = level_kinds(&self.parts[p]);
                let kind = kinds[k as usize % kinds.len()];
                let Some(spec) = self.control(p, kind).and_then(|c| c.as_level()).cloned() else {
                    return Ok(None);
                };
                let db = Model::level_request(&spec, request);
                let channel = u32::from(channel);
                let (got, sender) = if let Op::HardwareSetLevel(..) = op {
                    (hw.set_level(&sut.parts[p], kind, channel, db), hardware)
                } else {
                    let got = activate(&sut.parts[p], kind).and_then(|c| {
                        c.into_level()
                            .ok_or_else(|| unreachable_kind(&sut.parts[p], kind))?
                            .set_level(channel, db, Some(CONTEXT))
                    });
                    (got, caller(Some(CONTEXT)))
                };
                (hr(got), self.set_level(p, kind, channel, request, sender))
            }
            Op::SetLevelUniform(x, k, request) => {
                let Some(p) = pick(self, x, |p| !level_kinds(p).is_empty()) else {
                    return Ok(None);
                };
                let kinds = level_kinds(&self.parts[p]);
                let kind = kinds[k as usize % kinds.len()];
                let Some(mut spec) = self.control(p, kind).and_then(|c| c.as_level()).cloned()
                else {
                    return Ok(None);
                };
                let db = Model::level_request(&spec, request);
                let got = activate(&sut.parts[p], kind).and_then(|c| {
                    c.into_level()
                        .ok_or_else(|| unreachable_kind(&sut.parts[p], kind))?
                        .set_level_uniform(db, None)
                });
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else {
                    match Model::level_value(&spec, request) {
                        None => Err(HResult::E_INVALIDARG),
                        Some(v) => {
                            spec.levels_db.iter_mut().for_each(|l| *l = v);
                            self.commit(p, level_spec(kind, spec), caller(None));
                            Ok(())
                        }
                    }
                };
                (hr(got), want)
            }
            Op::SetLevelAll(x, k, ref requests, extra) => {
                let Some(p) = pick(self, x, |p| !level_kinds(p).is_empty()) else {
                    return Ok(None);
                };
                let kinds = level_kinds(&self.parts[p]);
                let kind = kinds[k as usize % kinds.len()];
                let Some(mut spec) = self.control(p, kind).and_then(|c| c.as_level()).cloned()
                else {
                    return Ok(None);
                };
                // Usually as many values as channels; `extra` 3 gives one more.
                let count = spec.levels_db.len() + usize::from(extra == 3);
                let requests: Vec<Level> = (0..count)
                    .map(|i| requests.get(i).copied().unwrap_or(Level::Step(i as u16)))
                    .collect();
                let values: Vec<f32> = requests
                    .iter()
                    .map(|&r| Model::level_request(&spec, r))
                    .collect();
                let got = activate(&sut.parts[p], kind).and_then(|c| {
                    c.into_level()
                        .ok_or_else(|| unreachable_kind(&sut.parts[p], kind))?
                        .set_level_all_channels(&values, Some(CONTEXT))
                });
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else if count != spec.levels_db.len() {
                    Err(HResult::E_INVALIDARG)
                } else {
                    let snapped: Option<Vec<f32>> = requests
                        .iter()
                        .map(|&r| Model::level_value(&spec, r))
                        .collect();
                    match snapped {
                        None => Err(HResult::E_INVALIDARG),
                        Some(levels) => {
                            spec.levels_db = levels;
                            self.commit(p, level_spec(kind, spec), caller(Some(CONTEXT)));
                            Ok(())
                        }
                    }
                };
                (hr(got), want)
            }
            // K5-K7, N5.
            Op::SetSwitch(x, on) | Op::HardwareSetMute(x, on) => {
                let switch = |p: &MPart| {
                    p.controls.iter().any(|c| {
                        matches!(
                            c.kind(),
                            ControlKind::Mute
                                | ControlKind::Loudness
                                | ControlKind::AutoGainControl
                        )
                    })
                };
                let hardware_op = matches!(op, Op::HardwareSetMute(..));
                let Some(p) = (if hardware_op {
                    pick(self, x, has(ControlKind::Mute))
                } else {
                    pick(self, x, switch)
                }) else {
                    return Ok(None);
                };
                let kind = self.parts[p]
                    .controls
                    .iter()
                    .map(ControlSpec::kind)
                    .find(|k| {
                        matches!(
                            k,
                            ControlKind::Mute
                                | ControlKind::Loudness
                                | ControlKind::AutoGainControl
                        )
                    })
                    .unwrap_or(ControlKind::Mute);
                let part = &sut.parts[p];
                let (got, sender) = if hardware_op {
                    (hw.set_mute(part, on), hardware)
                } else {
                    let got = activate(part, kind).and_then(|c| match c {
                        Control::Mute(m) => m.set_mute(on, None),
                        Control::Loudness(l) => l.set_enabled(on, None),
                        Control::AutoGainControl(a) => a.set_enabled(on, None),
                        _ => Err(unreachable_kind(part, kind)),
                    });
                    (got, caller(None))
                };
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else {
                    let new = match kind {
                        ControlKind::Loudness => ControlSpec::Loudness(on),
                        ControlKind::AutoGainControl => ControlSpec::AutoGainControl(on),
                        _ => ControlSpec::Mute(on),
                    };
                    self.commit(p, new, sender);
                    Ok(())
                };
                (hr(got), want)
            }
            // K9, K10: a selection must be linked into the MUX / out of the DEMUX.
            Op::SetSelection(x, s, linked) => {
                let selector = |p: &MPart| {
                    has(ControlKind::InputSelector)(p) || has(ControlKind::OutputSelector)(p)
                };
                let Some(p) = pick(self, x, selector) else {
                    return Ok(None);
                };
                let input = has(ControlKind::InputSelector)(&self.parts[p]);
                let allowed = if input {
                    self.parts[p].incoming.clone()
                } else {
                    self.parts[p].outgoing.clone()
                };
                let device_parts = &self.devices[self.parts[p].device].parts;
                let selection = if linked && !allowed.is_empty() {
                    allowed[s as usize % allowed.len()]
                } else {
                    self.parts[device_parts[s as usize % device_parts.len()]].local
                };
                let part = &sut.parts[p];
                let kind = if input {
                    ControlKind::InputSelector
                } else {
                    ControlKind::OutputSelector
                };
                let got = activate(part, kind).and_then(|c| match c {
                    Control::InputSelector(i) => i.set_selection(selection, Some(CONTEXT)),
                    Control::OutputSelector(o) => o.set_selection(selection, Some(CONTEXT)),
                    _ => Err(unreachable_kind(part, kind)),
                });
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else if !allowed.contains(&selection) {
                    Err(HResult::E_INVALIDARG)
                } else {
                    let new = if input {
                        ControlSpec::InputSelector(selection)
                    } else {
                        ControlSpec::OutputSelector(selection)
                    };
                    self.commit(p, new, caller(Some(CONTEXT)));
                    Ok(())
                };
                (hr(got), want)
            }
            // K12, X34: any mask.
            Op::SetChannelConfig(mask) => {
                let Some(p) = pick(self, 0, has(ControlKind::ChannelConfig)) else {
                    return Ok(None);
                };
                let part = &sut.parts[p];
                let got = activate(part, ControlKind::ChannelConfig).and_then(|c| {
                    c.into_channel_config()
                        .ok_or_else(|| unreachable_kind(part, ControlKind::ChannelConfig))?
                        .set_channel_config(mask, None)
                });
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else {
                    self.commit(p, ControlSpec::ChannelConfig(mask), caller(None));
                    Ok(())
                };
                (hr(got), want)
            }
            // K13, X33: size, then read-only, then range.
            Op::SetValue(x, value, four_bytes) => {
                let Some(p) = pick(self, x, has(ControlKind::DeviceSpecificProperty)) else {
                    return Ok(None);
                };
                let bytes = value.to_le_bytes();
                let bytes: &[u8] = if four_bytes { &bytes } else { &bytes[..2] };
                let part = &sut.parts[p];
                let got = activate(part, ControlKind::DeviceSpecificProperty).and_then(|c| {
                    c.into_device_specific_property()
                        .ok_or_else(|| unreachable_kind(part, ControlKind::DeviceSpecificProperty))?
                        .set_value(bytes, None)
                });
                let Some(ControlSpec::DeviceSpecificProperty(spec)) = self
                    .control(p, ControlKind::DeviceSpecificProperty)
                    .cloned()
                else {
                    return Ok(None);
                };
                let want = if self.removed(p) {
                    Err(HResult::AUDCLNT_E_DEVICE_INVALIDATED)
                } else if !four_bytes {
                    Err(HResult::E_INVALIDARG)
                } else if spec.read_only {
                    Err(HResult::ERROR_FILE_READ_ONLY)
                } else {
                    let new = match spec.value {
                        PropertyValue::I4(_) => PropertyValue::I4(value),
                        PropertyValue::Ui4(_) => PropertyValue::Ui4(value as u32),
                        PropertyValue::Bool(_) => PropertyValue::Bool(value != 0),
                    };
                    let in_range = match (spec.range, new) {
                        (Some(r), PropertyValue::I4(v)) => (r.min..=r.max).contains(&v),
                        (Some(r), PropertyValue::Ui4(v)) => v >= r.min as u32 && v <= r.max as u32,
                        _ => true,
                    };
                    if in_range {
                        let mut spec = spec;
                        spec.value = new;
                        self.commit(p, ControlSpec::DeviceSpecificProperty(spec), caller(None));
                        Ok(())
                    } else {
                        Err(HResult::E_INVALIDARG)
                    }
                };
                (hr(got), want)
            }
            // X18: the pending peak is the largest fed since the last read; not notified.
            Op::FeedPeak(channel, request) => {
                let Some(p) = pick(self, 0, has(ControlKind::PeakMeter)) else {
                    return Ok(None);
                };
                let db = match request {
                    Level::Step(k) => -f32::from(k % 97),
                    Level::Below => -200.0,
                    Level::Above => 12.0,
                    Level::NegInf => f32::NEG_INFINITY,
                    Level::Nan => f32::NAN,
                };
                let got = hr(hw.feed_peak(&sut.parts[p], u32::from(channel), db));
                let want = self.peak(p, channel, |peaks, i| {
                    if db.is_nan() {
                        return Err(HResult::E_INVALIDARG);
                    }
                    peaks[i] = peaks[i].max(db);
                    Ok(())
                });
                (got, want)
            }
            Op::ReadPeak(channel) => {
                let Some(p) = pick(self, 0, has(ControlKind::PeakMeter)) else {
                    return Ok(None);
                };
                let part = &sut.parts[p];
                let got = activate(part, ControlKind::PeakMeter).and_then(|c| {
                    c.into_peak_meter()
                        .ok_or_else(|| unreachable_kind(part, ControlKind::PeakMeter))?
                        .level(u32::from(channel))
                });
                let mut read = None;
                let want = self.peak(p, channel, |peaks, i| {
                    read = Some(peaks[i]);
                    peaks[i] = f32::NEG_INFINITY;
                    Ok(())
                });
                if let (Ok(got), Some(want)) = (&got, read) {
                    prop_assert_eq!(*got, want, "K8, X18: the peak read");
                }
                (hr(got), want)
            }
            _ => return Ok(None),
        };
        Ok(Some(outcomes))
    }
}
