//! The control rules that need the graph or the registry: which control a part has
//! (P6, P7, P12, X14, X15), every setter with its checks (K2-K15, X17, X33, X34), change
//! detection for notifications (N5) and callback registration (N1-N3, X19).
//!
//! A change is validated and computed on a copy, then committed in one write (G5). The sinks
//! to notify are returned to the caller, which calls them after releasing the lock (X20).

use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;

use super::events::EventKind;
use super::{Engine, PartKey};
use crate::controls::level::snap;
use crate::controls::notify::sink_addr;
use crate::controls::{
    CLSCTX_INPROC_SERVER, ControlChangeNotify, ControlKind, ControlSpec, KsDataFormat, LevelSpec,
    PropertyValue,
};
use crate::error::{Error, IndexKind, Owner, Result};
use crate::guid::Guid;
use crate::types::{Direction, LocalId};

pub(crate) use crate::controls::notify::Sinks;

/// A change requested through a control interface (or by the simulated hardware).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Change<'a> {
    /// `SetLevel` (K2).
    Level { channel: u32, db: f32 },
    /// `SetLevelUniform` (K2).
    LevelUniform(f32),
    /// `SetLevelAllChannels` (K2).
    LevelAll(&'a [f32]),
    /// `SetMute` / `SetEnabled` (K5-K7).
    Switch(bool),
    /// `SetSelection` (K9, K10).
    Selection(LocalId),
    /// `SetChannelConfig` (K12, X34).
    ChannelConfig(u32),
    /// `SetValue` (K13, X33).
    Value(&'a [u8]),
}

impl Engine {
    /// The control `kind` of a part.
    ///
    /// # Errors
    /// [`Error::NoSuchControl`] (`E_NOINTERFACE`) when the part lacks it; errors of
    /// [`Engine::part`].
    pub(crate) fn control(&self, key: PartKey, kind: ControlKind) -> Result<&ControlSpec> {
        let part = self.part(key)?;
        part.controls
            .iter()
            .find(|c| c.kind() == kind)
            .ok_or_else(|| Error::NoSuchControl {
                part: self.part_ref(key.node),
                iid: kind.iid(),
            })
    }

    /// The level data of a level control.
    pub(crate) fn level(&self, key: PartKey, kind: ControlKind) -> Result<&LevelSpec> {
        match self.control(key, kind)?.as_level() {
            Some(level) => Ok(level),
            None => Err(Error::NoSuchControl {
                part: self.part_ref(key.node),
                iid: kind.iid(),
            }),
        }
    }

    /// Checks a channel or jack index against a count (K2, K8, K16, K17).
    pub(crate) fn check_index(
        &self,
        key: PartKey,
        what: IndexKind,
        index: u32,
        count: usize,
    ) -> Result<usize> {
        if (index as usize) < count {
            Ok(index as usize)
        } else {
            Err(Error::IndexOutOfRange {
                what,
                index,
                count: count as u32,
                owner: Owner::Part(self.part_ref(key.node)),
            })
        }
    }

    /// `IPart::GetControlInterface` (P7, X14): `E_NOTFOUND` when the part has no control at
    /// all, `E_INVALIDARG` when it has some and the index is past the end.
    pub(crate) fn control_interface(&self, key: PartKey, index: u32) -> Result<ControlKind> {
        let part = self.part(key)?;
        if part.controls.is_empty() {
            return Err(Error::NoControls {
                part: self.part_ref(key.node),
            });
        }
        let i = self.check_index(key, IndexKind::ControlInterface, index, part.controls.len())?;
        Ok(part.controls[i].kind())
    }

    /// `IPart::Activate` (P12, P17, X15): the CLSCTX check first, then the IID.
    pub(crate) fn activate(&self, key: PartKey, clsctx: u32, iid: Guid) -> Result<ControlKind> {
        self.part(key)?;
        if clsctx & CLSCTX_INPROC_SERVER == 0 {
            return Err(Error::InvalidClsctx {
                part: self.part_ref(key.node),
                clsctx,
            });
        }
        let no_such = || Error::NoSuchControl {
            part: self.part_ref(key.node),
            iid,
        };
        let kind = ControlKind::from_iid(iid).ok_or_else(no_such)?;
        self.control(key, kind).map_err(|_| no_such())?;
        Ok(kind)
    }

    /// `IPart::RegisterControlChangeCallback` (N1, X19): any of the 14 IIDs of N1, whether
    /// or not the part has that control, on a part of a device in any state.
    pub(crate) fn register(
        &mut self,
        key: PartKey,
        iid: Guid,
        sink: &Arc<dyn ControlChangeNotify>,
    ) -> Result<()> {
        let serial = self.part(key)?.serial;
        match ControlKind::from_iid(iid).filter(|k| k.accepts_callbacks()) {
            Some(kind) => {
                self.sinks.register(serial, kind, sink);
                Ok(())
            }
            None => Err(Error::InvalidCallbackIid {
                part: self.part_ref(key.node),
                iid,
            }),
        }
    }

    /// `IPart::UnregisterControlChangeCallback` (N3, X19): removes every registration of the
    /// sink on this part, and returns the registry's references to it, for the caller to drop
    /// once the lock is released (X20).
    pub(crate) fn unregister<S: ?Sized>(
        &mut self,
        key: PartKey,
        sink: &S,
    ) -> Result<crate::controls::notify::List> {
        let serial = self.part(key)?.serial;
        self.sinks
            .unregister(serial, sink_addr(sink))
            .ok_or_else(|| Error::CallbackNotRegistered {
                part: self.part_ref(key.node),
            })
    }

    /// True when `selection` is the local ID of a part linked into (`Incoming`, a MUX, K9) or
    /// out of (`Outgoing`, a DEMUX, K10) the selector `node`.
    pub(crate) fn is_linked_selection(
        &self,
        node: NodeIndex<u32>,
        direction: Direction,
        selection: LocalId,
    ) -> bool {
        self.linked(node, direction).into_iter().any(|n| {
            self.graph
                .node_weight(n)
                .is_some_and(|p| p.local_id == selection)
        })
    }

    /// Applies a change to control `kind` of a part: validates it, computes the new state,
    /// commits it, and returns the sinks to notify: none when nothing changed (N5).
    pub(crate) fn change_control(
        &mut self,
        key: PartKey,
        kind: ControlKind,
        change: Change<'_>,
    ) -> Result<Sinks> {
        if let Change::Level { channel, db } = change {
            return self.set_channel_level(key, kind, channel, db);
        }
        let new = self.changed_state(key, kind, change)?;
        self.commit(key, kind, new)
    }

    /// `SetLevel` of one channel, checked and written in place: the same checks in the same
    /// order as [`Engine::changed_state`], without copying the control (no allocation).
    fn set_channel_level(
        &mut self,
        key: PartKey,
        kind: ControlKind,
        channel: u32,
        db: f32,
    ) -> Result<Sinks> {
        let level = self.level(key, kind)?;
        let i = self.check_index(key, IndexKind::Channel, channel, level.levels_db.len())?;
        let value = snap(level.min_db, level.max_db, level.step_db, db).ok_or_else(|| {
            Error::NotANumber {
                part: self.part_ref(key.node),
                control: kind,
            }
        })?;
        if level.levels_db[i] == value {
            return Ok(Sinks::default());
        }
        if let Some(level) = self
            .graph
            .node_weight_mut(key.node)
            .and_then(|p| p.controls.iter_mut().find(|c| c.kind() == kind))
            .and_then(ControlSpec::as_level_mut)
        {
            level.levels_db[i] = value;
        }
        self.log_control(key, kind);
        Ok(self.sinks.sinks(key.serial, kind, self.part_ref(key.node)))
    }

    /// Replaces the state of control `kind` with `new` and returns the sinks to notify, or
    /// none when `new` equals the current state (N5).
    pub(crate) fn commit(
        &mut self,
        key: PartKey,
        kind: ControlKind,
        new: ControlSpec,
    ) -> Result<Sinks> {
        let current = self.control(key, kind)?;
        if *current == new {
            return Ok(Sinks::default());
        }
        let serial = key.serial;
        if let Some(slot) = self
            .graph
            .node_weight_mut(key.node)
            .and_then(|p| p.controls.iter_mut().find(|c| c.kind() == kind))
        {
            *slot = new;
        }
        // A jack's plug change is logged as such by its caller (module `hotplug`).
        if kind != ControlKind::JackDescription {
            self.log_control(key, kind);
        }
        Ok(self.sinks.sinks(serial, kind, self.part_ref(key.node)))
    }

    /// Logs the new state of control `kind` of a part (X72).
    fn log_control(&mut self, key: PartKey, kind: ControlKind) {
        if !self.events.is_on() {
            return;
        }
        if let Ok(state) = self.control(key, kind) {
            let event = EventKind::ControlChanged {
                part: self.part_ref(key.node),
                state: state.clone(),
            };
            self.events.push(event);
        }
    }

    /// The state control `kind` would have after `change`, or the error the change gives.
    fn changed_state(
        &self,
        key: PartKey,
        kind: ControlKind,
        change: Change<'_>,
    ) -> Result<ControlSpec> {
        let current = self.control(key, kind)?;
        let part = || self.part_ref(key.node);
        let mismatch = || Error::NoSuchControl {
            part: part(),
            iid: kind.iid(),
        };
        let mut new = current.clone();
        match (&mut new, change) {
            (state, Change::Level { .. } | Change::LevelUniform(_) | Change::LevelAll(_)) => {
                let level = state.as_level_mut().ok_or_else(mismatch)?;
                let (min, max, step) = (level.min_db, level.max_db, level.step_db);
                let snap_to = |db: f32| {
                    snap(min, max, step, db).ok_or_else(|| Error::NotANumber {
                        part: part(),
                        control: kind,
                    })
                };
                match change {
                    Change::Level { channel, db } => {
                        let i = self.check_index(
                            key,
                            IndexKind::Channel,
                            channel,
                            level.levels_db.len(),
                        )?;
                        level.levels_db[i] = snap_to(db)?;
                    }
                    Change::LevelUniform(db) => {
                        let v = snap_to(db)?;
                        level.levels_db.iter_mut().for_each(|l| *l = v);
                    }
                    Change::LevelAll(values) => {
                        if values.len() != level.levels_db.len() {
                            return Err(Error::ChannelCountMismatch {
                                part: part(),
                                control: kind,
                                expected: level.levels_db.len() as u32,
                                given: values.len() as u32,
                            });
                        }
                        let snapped: Vec<f32> =
                            values.iter().map(|&v| snap_to(v)).collect::<Result<_>>()?;
                        level.levels_db = snapped;
                    }
                    _ => {}
                }
            }
            (
                ControlSpec::Mute(v) | ControlSpec::Loudness(v) | ControlSpec::AutoGainControl(v),
                Change::Switch(on),
            ) => *v = on,
            (ControlSpec::InputSelector(s), Change::Selection(id)) => {
                self.check_selection(key, kind, Direction::Incoming, id)?;
                *s = id;
            }
            (ControlSpec::OutputSelector(s), Change::Selection(id)) => {
                self.check_selection(key, kind, Direction::Outgoing, id)?;
                *s = id;
            }
            // X34: any DWORD is accepted; the API documents no error for a bad mask.
            (ControlSpec::ChannelConfig(mask), Change::ChannelConfig(m)) => *mask = m,
            (ControlSpec::DeviceSpecificProperty(d), Change::Value(bytes)) => {
                let value = <[u8; 4]>::try_from(bytes).map_err(|_| Error::WrongValueSize {
                    part: part(),
                    expected: 4,
                    given: bytes.len() as u32,
                })?;
                if d.read_only {
                    return Err(Error::ReadOnlyProperty { part: part() });
                }
                let value = PropertyValue::from_bytes(d.value.var_type(), value);
                if let (Some(r), PropertyValue::I4(v)) = (d.range, value) {
                    if v < r.min || v > r.max {
                        return Err(Error::PropertyOutOfRange { part: part() });
                    }
                }
                if let (Some(r), PropertyValue::Ui4(v)) = (d.range, value) {
                    if v < r.min as u32 || v > r.max as u32 {
                        return Err(Error::PropertyOutOfRange { part: part() });
                    }
                }
                d.value = value;
            }
            _ => return Err(mismatch()),
        }
        Ok(new)
    }

    fn check_selection(
        &self,
        key: PartKey,
        kind: ControlKind,
        direction: Direction,
        selection: LocalId,
    ) -> Result<()> {
        if self.is_linked_selection(key.node, direction, selection) {
            Ok(())
        } else {
            Err(Error::InvalidSelection {
                part: self.part_ref(key.node),
                control: kind,
                selection,
            })
        }
    }

    /// `IAudioPeakMeter::GetLevel` (K8, X18): the peak of a channel since its last read; the
    /// read resets the channel to silence (`-inf` dB). Not a notified change.
    pub(crate) fn read_peak(&mut self, key: PartKey, channel: u32) -> Result<f32> {
        let ControlSpec::PeakMeter(meter) = self.control(key, ControlKind::PeakMeter)? else {
            return Err(Error::NoSuchControl {
                part: self.part_ref(key.node),
                iid: ControlKind::PeakMeter.iid(),
            });
        };
        let i = self.check_index(key, IndexKind::Channel, channel, meter.peaks_db.len())?;
        let value = meter.peaks_db[i];
        self.with_peaks(key, |peaks| peaks[i] = f32::NEG_INFINITY);
        Ok(value)
    }

    /// Simulation (X18): the hardware measured `db` on a channel; the pending peak becomes
    /// the larger of the two. Not a notified change.
    pub(crate) fn feed_peak(&mut self, key: PartKey, channel: u32, db: f32) -> Result<()> {
        let ControlSpec::PeakMeter(meter) = self.control(key, ControlKind::PeakMeter)? else {
            return Err(Error::NoSuchControl {
                part: self.part_ref(key.node),
                iid: ControlKind::PeakMeter.iid(),
            });
        };
        let i = self.check_index(key, IndexKind::Channel, channel, meter.peaks_db.len())?;
        if db.is_nan() {
            return Err(Error::NotANumber {
                part: self.part_ref(key.node),
                control: ControlKind::PeakMeter,
            });
        }
        self.with_peaks(key, |peaks| peaks[i] = peaks[i].max(db));
        Ok(())
    }

    fn with_peaks(&mut self, key: PartKey, f: impl FnOnce(&mut Vec<f32>)) {
        let meter = self.graph.node_weight_mut(key.node).and_then(|p| {
            p.controls.iter_mut().find_map(|c| match c {
                ControlSpec::PeakMeter(m) => Some(m),
                _ => None,
            })
        });
        if let Some(meter) = meter {
            f(&mut meter.peaks_db);
        }
    }

    /// `IKsFormatSupport::IsFormatSupported` (K15).
    pub(crate) fn is_format_supported(&self, key: PartKey, format: &KsDataFormat) -> Result<bool> {
        let ControlSpec::FormatSupport(spec) = self.control(key, ControlKind::FormatSupport)?
        else {
            return Err(Error::NoSuchControl {
                part: self.part_ref(key.node),
                iid: ControlKind::FormatSupport.iid(),
            });
        };
        if !format.is_valid() {
            return Err(Error::InvalidFormat {
                part: self.part_ref(key.node),
            });
        }
        Ok(spec.supports(format))
    }
}
