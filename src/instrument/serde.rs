//! `serde::Serialize` for the call record and the fault table (feature `serde`), in one
//! file as indexmap keeps its optional integrations.
//!
//! A [`Record`] serialises as a list of calls; a call as
//! `{ "seq": 3, "method": "IConnector::Disconnect", "device": "...", "local_id": "0x00010000",
//! "args": { "other": "..." }, "result": "E_NOTFOUND", "hresult": "0x80070490", "fault": 2 }`
//! (`device`, `local_id` and `fault` are `null` when absent; `result` is the `HRESULT`'s
//! name, or its hex value when it has none).
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use devtopo::*;
//! let system = fixtures::four_topologies()?;
//! system.recorder().start();
//! let _ = system.device(fixtures::FOUR_EPB)?.topology()?.connector(7);
//! let json = serde_json::to_value(system.recorder().record()).expect("serialises");
//! assert_eq!(json[2]["method"], "IDeviceTopology::GetConnector");
//! assert_eq!(json[2]["args"]["index"], 7);
//! assert_eq!(json[2]["result"], "E_INVALIDARG");
//! # }
//! # Ok::<(), devtopo::Error>(())
//! ```

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::{ArgValue, CallRecord, FaultStatus, Method, Record, Target};
use crate::hresult::HResult;

impl Serialize for Method {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Serialize for ArgValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ArgValue::Int(v) => serializer.serialize_u32(*v),
            ArgValue::Level(v) => serializer.serialize_f32(*v),
            ArgValue::Levels(v) => v.serialize(serializer),
            ArgValue::Bool(v) => serializer.serialize_bool(*v),
            ArgValue::Bytes(n) => serializer.serialize_u64(*n as u64),
            ArgValue::None => serializer.serialize_none(),
            other => serializer.collect_str(other),
        }
    }
}

/// An `HRESULT` as its name, or its hex value.
fn hr_text(hr: HResult) -> String {
    hr.name().map_or_else(|| hr.to_string(), str::to_owned)
}

struct Args<'a>(&'a [super::Arg]);

impl Serialize for Args<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for arg in self.0 {
            map.serialize_entry(arg.name, &arg.value)?;
        }
        map.end()
    }
}

impl Serialize for CallRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CallRecord", 8)?;
        s.serialize_field("seq", &self.seq)?;
        s.serialize_field("method", &self.method)?;
        s.serialize_field("device", &self.target.device_id().map(|d| d.as_str()))?;
        s.serialize_field("local_id", &self.target.local_id().map(|l| l.to_string()))?;
        s.serialize_field("args", &Args(&self.args))?;
        s.serialize_field("result", &hr_text(self.result))?;
        s.serialize_field("hresult", &self.result.to_string())?;
        s.serialize_field("fault", &self.fault.map(|f| f.0))?;
        s.end()
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.calls.serialize(serializer)
    }
}

/// A fault table entry: `{ "id": 0, "fault": "<the fault as text>", "matched": 1,
/// "fired": 1, "spent": true }`.
impl Serialize for FaultStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("FaultStatus", 5)?;
        s.serialize_field("id", &self.id.0)?;
        s.serialize_field("fault", &self.fault.to_string())?;
        s.serialize_field("matched", &self.matched)?;
        s.serialize_field("fired", &self.fired)?;
        s.serialize_field("spent", &(self.state == super::FaultState::Spent))?;
        s.end()
    }
}
