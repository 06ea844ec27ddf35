//! The call record: [`Recorder`] (on and off), [`CallRecord`] and [`Record`].

use std::fmt;
use std::sync::Arc;

use super::{Arg, ArgValue, FaultId, Method, Target};
use crate::hresult::HResult;
use crate::system::Shared;

/// Whether calls are recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RecordingMode {
    /// Calls are not recorded (the default): the hook costs one relaxed atomic load.
    #[default]
    Off,
    /// Every call through a handle (and so through COM) is recorded.
    On,
}

/// One recorded call.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRecord {
    /// The call's sequence number: the order calls were made in, per system, from 0 (a
    /// call made from inside another, by a callback, comes after it).
    pub seq: u64,
    /// The COM method.
    pub method: Method,
    /// What it was called on.
    pub target: Target,
    /// The arguments that matter.
    pub args: Vec<Arg>,
    /// The `HRESULT` it returned (`S_OK` for success).
    pub result: HResult,
    /// The fault that fired on this call, if one did (its action may have been a hardware
    /// change after which the call proceeded: then `result` is the engine's answer).
    pub fault: Option<FaultId>,
}

impl CallRecord {
    /// The value of the argument named `name`.
    pub fn arg(&self, name: &str) -> Option<&ArgValue> {
        self.args.iter().find(|a| a.name == name).map(|a| &a.value)
    }

    /// True when a fault fired on this call.
    pub fn is_faulted(&self) -> bool {
        self.fault.is_some()
    }
}

impl fmt::Display for CallRecord {
    /// `#3 IConnector::Disconnect on {2}.mux/0x00010003 -> ERROR_FILE_READ_ONLY (0x80071779)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{} {}", self.seq, self.method)?;
        if self.target != Target::System {
            write!(f, " on {}", self.target)?;
        }
        if !self.args.is_empty() {
            f.write_str(" (")?;
            for (i, arg) in self.args.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{arg}")?;
            }
            f.write_str(")")?;
        }
        match self.result.name() {
            Some(name) if self.result == HResult::S_OK => write!(f, " -> {name}")?,
            Some(name) => write!(f, " -> {name} ({})", self.result)?,
            None => write!(f, " -> {}", self.result)?,
        }
        if let Some(id) = self.fault {
            write!(f, " [{id}]")?;
        }
        Ok(())
    }
}

/// A copy of recorded calls in sequence order: what [`Recorder::record`] and
/// [`Recorder::take`] return. Displays one call per line; assert on it with the matchers
/// ([`calls`](crate::calls), [`Record::check`], [`Record::assert`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub(crate) calls: Vec<CallRecord>,
}

impl Record {
    /// The calls, in sequence order.
    pub fn calls(&self) -> &[CallRecord] {
        &self.calls
    }

    /// How many calls.
    pub fn len(&self) -> usize {
        self.calls.len()
    }

    /// True when no call was recorded.
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// The calls, in sequence order.
    pub fn iter(&self) -> std::slice::Iter<'_, CallRecord> {
        self.calls.iter()
    }
}

impl<'a> IntoIterator for &'a Record {
    type Item = &'a CallRecord;
    type IntoIter = std::slice::Iter<'a, CallRecord>;

    fn into_iter(self) -> Self::IntoIter {
        self.calls.iter()
    }
}

impl fmt::Display for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.calls.is_empty() {
            return f.write_str("(no calls recorded)\n");
        }
        for call in &self.calls {
            writeln!(f, "{call}")?;
        }
        Ok(())
    }
}

/// The call recorder of one system: [`System::recorder`](crate::System::recorder).
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
/// let system = fixtures::four_topologies()?;
/// let recorder = system.recorder();
/// recorder.start();
/// let mic = system.device(fixtures::FOUR_EPB)?.topology()?.connector(0)?;
/// mic.disconnect()?;
/// let record = recorder.take();
/// record.assert(calls(Method::IConnector_Disconnect).once());
/// record.assert(calls(Method::IConnector_ConnectTo).never());
/// assert_eq!(record.len(), 4); // GetDevice, Activate (the topology), GetConnector, Disconnect
/// println!("{record}");
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Recorder {
    pub(super) shared: Arc<Shared>,
}

impl Recorder {
    /// Turns recording on: calls from now on are appended to the record.
    pub fn start(&self) {
        self.set_mode(RecordingMode::On);
    }

    /// Turns recording off; the record is kept.
    pub fn stop(&self) {
        self.set_mode(RecordingMode::Off);
    }

    /// Turns recording on or off.
    pub fn set_mode(&self, mode: RecordingMode) {
        self.shared
            .instrument
            .update(|state| state.recording = mode);
    }

    /// Whether calls are being recorded.
    pub fn mode(&self) -> RecordingMode {
        self.shared.instrument.lock().recording
    }

    /// A copy of the record so far. O(length of the record).
    pub fn record(&self) -> Record {
        Record {
            calls: self.shared.instrument.lock().records.clone(),
        }
    }

    /// The record so far, leaving it empty (sequence numbers go on). O(1).
    pub fn take(&self) -> Record {
        Record {
            calls: std::mem::take(&mut self.shared.instrument.lock().records),
        }
    }

    /// Empties the record.
    pub fn clear(&self) {
        self.shared.instrument.lock().records.clear();
    }
}
