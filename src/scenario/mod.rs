//! Scenario files (feature `scenario`): a topology file and a list of steps (method calls
//! with the expected `HRESULT` and, for getters, the expected value), checked and resolved
//! before any step runs, so a mistake in the file is reported with its location and nothing
//! runs. The format is described in `docs/scenarios.md`; `devtopo run` is a thin front end
//! over [`Scenario::load`] and [`Scenario::run`], and so is any other caller (a fuzz target,
//! a test).
//!
//! ```
//! use devtopo::scenario::Scenario;
//!
//! let mut scenario = Scenario::load("scenarios/disconnect-rules.toml".as_ref())
//!     .map_err(|errors| errors[0].to_string())?;
//! let outcomes: Vec<_> = scenario.run().collect();
//! assert!(!outcomes.is_empty());
//! assert!(outcomes.iter().all(|o| o.ok), "{}", outcomes[0].line);
//! # Ok::<(), String>(())
//! ```
//!
//! Cost: loading is O(size of the scenario + size of the topology); each step then costs
//! what its call costs plus O(length of its output): names are indexed once per scenario
//! (module `names`), never looked up by scanning devices or parts.
//!
//! Control methods (`GetMute`, `SetLevel`, ...), the hardware simulation (`UnplugJack`,
//! `FeedPeak`, ...) and endpoint enumeration are `call` names of module `control_call`, with
//! their own optional argument keys (`interface`, `channel`, `level`, `muted`, `jack`, ...).
//! So are the change-notification steps (`RegisterControlChangeCallback`,
//! `UnregisterControlChangeCallback`, `Notifications`), whose named `sink`s are created here,
//! one per name, before any step is prepared (module `notify_call`).

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

use crate::file::{
    FileError, FileErrorKind, Format, ItemPath, Limit, Limits, from_text_with, position,
};
use crate::{
    ConnectorType, DataFlow, Device, DeviceState, Guid, HResult, LocalId, MixedPaths, Part,
    PartType, System,
};
use serde::Deserialize;

mod call;
mod control_call;
mod control_exec;
mod faults;
mod limits;
mod names;
mod notify_call;
mod outcome;

use call::{Call, Returns};
use control_call::{CtlCall, RawArgs};
use names::Names;
use notify_call::Sinks;
pub use outcome::{Outcome, hr_text};

/// A scenario file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioFile {
    /// The topology file, relative to the scenario file.
    topology: String,
    /// What the scenario checks (free text).
    #[serde(default)]
    #[allow(dead_code)]
    description: String,
    /// The steps, run in order.
    #[serde(default, rename = "step", deserialize_with = "steps")]
    steps: Vec<StepEntry>,
    /// Faults added before the first step runs (module `faults`).
    #[serde(default, rename = "fault", deserialize_with = "fault_entries")]
    faults: Vec<faults::FaultEntry>,
}

fn fault_entries<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<faults::FaultEntry>, D::Error> {
    crate::file::deserialize_limited(d, Limit::ScenarioSteps)
}

fn steps<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<StepEntry>, D::Error> {
    crate::file::deserialize_limited(d, Limit::ScenarioSteps)
}

/// One `[[step]]` as written. Which keys a step needs depends on its `call`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepEntry {
    /// A label printed with the step (for example the rule it pins).
    name: Option<String>,
    /// The method: `Disconnect`, `GetConnectedTo`, `GetSignalPath`, `SetState`, ...
    call: String,
    /// The part the method is called on (`device/part`), for IPart and IConnector methods.
    part: Option<String>,
    /// The device, for IDeviceTopology methods, `GetState`, `SetState` and `RemoveDevice`.
    device: Option<String>,
    /// The argument of `ConnectTo` (`device/part`).
    other: Option<String>,
    /// The argument of `GetConnector` and `GetSubunit`.
    index: Option<u32>,
    /// The argument of `GetPartById` (`"0x10001"` or an integer).
    local_id: Option<serde_json::Value>,
    /// `GetSignalPath`'s first part.
    from: Option<String>,
    /// `GetSignalPath`'s last part.
    to: Option<String>,
    /// `GetSignalPath`'s `bRejectMixedPaths`.
    #[serde(default)]
    reject_mixed: bool,
    /// The argument of `SetState`.
    state: Option<String>,
    /// The expected `HRESULT`, by name (`E_NOTFOUND`) or value (`0x80070490`); default S_OK.
    expect: Option<String>,
    /// The expected value of a getter.
    value: Option<serde_json::Value>,
    /// Control calls: the interface (`IAudioMute`, `IAudioPeakMeter`, ...).
    interface: Option<serde_json::Value>,
    /// Control calls: a channel.
    channel: Option<serde_json::Value>,
    /// Control calls: a level in dB (a number, `"-inf"`).
    level: Option<serde_json::Value>,
    /// `SetLevelAllChannels`: one level per channel.
    levels: Option<serde_json::Value>,
    /// `SetMute`, `HardwareSetMute`.
    muted: Option<serde_json::Value>,
    /// `SetEnabled`.
    enabled: Option<serde_json::Value>,
    /// `SetSelection`: a local ID or a part of the same device.
    selection: Option<serde_json::Value>,
    /// `SetChannelConfig`: a speaker mask.
    config: Option<serde_json::Value>,
    /// Jack index (`GetJackDescription`, `PlugJack`, ...).
    jack: Option<serde_json::Value>,
    /// `Activate`'s CLSCTX (default `CLSCTX_ALL`).
    clsctx: Option<serde_json::Value>,
    /// `SetValue`: the device-specific property's new value.
    property: Option<serde_json::Value>,
    /// `IsFormatSupported`: a format table.
    format: Option<serde_json::Value>,
    /// Endpoint enumeration: `eRender`, `eCapture`, `eAll`.
    flow: Option<serde_json::Value>,
    /// `EnumAudioEndpoints`: the `DEVICE_STATE_*` mask.
    state_mask: Option<serde_json::Value>,
    /// `GetDefaultAudioEndpoint`: the role (default `eConsole`).
    role: Option<serde_json::Value>,
    /// Notification steps: the scenario sink's name (module `notify_call`).
    sink: Option<String>,
    /// Control setters: the event context (a GUID name or braced GUID, N5).
    context: Option<serde_json::Value>,
    /// `GetPropertyValue`, `HardwareSetProperty`: a `PKEY_*` name or `{fmtid},pid`.
    key: Option<serde_json::Value>,
    /// `AddDevices`: a topology file, relative to the scenario, whose devices arrive.
    file: Option<String>,
}

impl StepEntry {
    fn raw_args(&self) -> RawArgs<'_> {
        RawArgs {
            interface: self.interface.as_ref(),
            channel: self.channel.as_ref(),
            level: self.level.as_ref(),
            levels: self.levels.as_ref(),
            muted: self.muted.as_ref(),
            enabled: self.enabled.as_ref(),
            selection: self.selection.as_ref(),
            config: self.config.as_ref(),
            jack: self.jack.as_ref(),
            index: self.index,
            clsctx: self.clsctx.as_ref(),
            property: self.property.as_ref(),
            format: self.format.as_ref(),
            flow: self.flow.as_ref(),
            state_mask: self.state_mask.as_ref(),
            role: self.role.as_ref(),
            sink: self.sink.as_deref(),
            context: self.context.as_ref(),
            key: self.key.as_ref(),
            devices: None,
        }
    }
}

/// A value a step returned or expects.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    LocalId(LocalId),
    Name(&'static str),
    Guid(Guid),
    Bool(bool),
    Count(u64),
    Part(Part),
    Parts(Vec<Part>),
    /// A control call's value (`control_call::canonical` form).
    Json(serde_json::Value),
}

impl Value {
    /// The value for output, parts named as `find_part` accepts them.
    pub(crate) fn show(&self, names: &Names) -> serde_json::Value {
        match self {
            Value::Text(t) => t.clone().into(),
            Value::LocalId(l) => l.to_string().into(),
            Value::Name(n) => (*n).into(),
            Value::Guid(g) => names.system().guid_display(*g).into(),
            Value::Bool(b) => (*b).into(),
            Value::Count(c) => (*c).into(),
            Value::Part(p) => names.part_label(p).into(),
            Value::Parts(ps) => ps
                .iter()
                .map(|p| serde_json::Value::from(names.part_label(p)))
                .collect::<Vec<_>>()
                .into(),
            Value::Json(v) => v.clone(),
        }
    }
}

/// A step ready to run: every reference resolved, the expectation parsed.
#[derive(Debug)]
pub(crate) struct Step {
    /// 0-based index.
    pub(crate) index: usize,
    /// Where the step is in its file.
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) name: Option<String>,
    pub(crate) call: Call,
    /// The call as written: `Disconnect Input Multiplexer Device/0x10003`.
    pub(crate) text: String,
    part: Option<Part>,
    device: Option<Device>,
    other: Option<Part>,
    index_arg: u32,
    local_id: LocalId,
    from: Option<Part>,
    to: Option<Part>,
    mixed: MixedPaths,
    state: DeviceState,
    pub(crate) expect: HResult,
    pub(crate) value: Option<Value>,
    ctl: Option<control_call::Args>,
}

/// A loaded scenario: the system of its topology file and its prepared steps.
#[derive(Debug)]
pub struct Scenario {
    file: String,
    topology: String,
    system: System,
    names: Names,
    steps: Vec<Step>,
    /// The next step [`Scenario::run`] runs.
    next: usize,
}

impl Scenario {
    /// Reads a scenario file and its topology file (relative to the scenario file) and
    /// prepares every step, with the default [`Limits`]. TOML unless the file name ends in
    /// `.json`.
    ///
    /// # Errors
    /// Every problem of the scenario (file:line:col, the step and key) or of its topology
    /// file, as [`FileError`]s; nothing runs.
    pub fn load(path: &Path) -> Result<Scenario, Vec<FileError>> {
        Scenario::load_with(path, &Limits::default())
    }

    /// As [`Scenario::load`], with `limits` for the scenario and every topology file it reads.
    ///
    /// # Errors
    /// As [`Scenario::load`].
    pub fn load_with(path: &Path, limits: &Limits) -> Result<Scenario, Vec<FileError>> {
        let file = path.display().to_string();
        let text = crate::file::read_text_with(path, limits).map_err(|e| vec![e])?;
        let format = Format::from_path(path).unwrap_or(Format::Toml);
        let dir = path.parent().unwrap_or_else(|| Path::new(""));
        Scenario::parse_with(&text, format, &file, limits, |topology| {
            let topology = dir.join(topology);
            let system = crate::file::read_with(&topology, limits)?;
            Ok((topology.display().to_string(), system))
        })
    }

    /// Prepares a scenario from its text; `file` names it in errors and output. `resolve`
    /// turns a topology file name (the scenario's `topology` key, and the `file` of each
    /// `AddDevices` step) into its display name and its system, so a caller without files,
    /// such as a fuzz target, supplies its own.
    ///
    /// # Errors
    /// As [`Scenario::load`], plus whatever `resolve` returns.
    pub fn parse(
        text: &str,
        format: Format,
        file: &str,
        resolve: impl FnMut(&str) -> Result<(String, System), Vec<FileError>>,
    ) -> Result<Scenario, Vec<FileError>> {
        Scenario::parse_with(text, format, file, &Limits::default(), resolve)
    }

    /// As [`Scenario::parse`], with `limits` for the scenario text.
    ///
    /// # Errors
    /// As [`Scenario::parse`].
    pub fn parse_with(
        text: &str,
        format: Format,
        file: &str,
        limits: &Limits,
        mut resolve: impl FnMut(&str) -> Result<(String, System), Vec<FileError>>,
    ) -> Result<Scenario, Vec<FileError>> {
        if text.len() > limits.get(Limit::FileBytes) {
            return Err(vec![FileError {
                file: file.to_owned(),
                line: 1,
                column: 1,
                path: String::new(),
                kind: FileErrorKind::Limit(Limit::FileBytes, limits.get(Limit::FileBytes)),
            }]);
        }
        let doc: ScenarioFile = from_text_with(text, format, file, limits).map_err(|e| vec![e])?;
        let long = limits::long_strings(&doc.steps, limits.get(Limit::TextBytes));
        if !long.is_empty() {
            return Err(long
                .into_iter()
                .map(|path| {
                    let (line, column) = position(text, format, &path);
                    FileError {
                        file: file.to_owned(),
                        line,
                        column,
                        path: path.to_string(),
                        kind: FileErrorKind::Limit(Limit::TextBytes, limits.get(Limit::TextBytes)),
                    }
                })
                .collect());
        }
        let (topology, system) = resolve(&doc.topology)?;
        let names = Names::new(&system);
        let sinks = sinks(&doc.steps);
        let mut steps = Vec::with_capacity(doc.steps.len());
        let mut errors = Vec::new();
        for (i, entry) in doc.steps.iter().enumerate() {
            let at = ItemPath::root().item("step", i);
            match prepare(&names, &sinks, &mut resolve, i, entry) {
                Ok(step) => steps.push(step),
                Err((key, message)) => {
                    let path = match key {
                        Some(key) => at.key(key),
                        None => at,
                    };
                    let (line, column) = position(text, format, &path);
                    errors.push(FileError {
                        file: file.to_owned(),
                        line,
                        column,
                        path: path.to_string(),
                        kind: FileErrorKind::Reference(message),
                    });
                }
            }
        }
        let mut declared = Vec::with_capacity(doc.faults.len());
        for (i, entry) in doc.faults.iter().enumerate() {
            match faults::prepare(&names, entry) {
                Ok(fault) => declared.push(fault),
                Err((key, message)) => {
                    let at = ItemPath::root().item("fault", i);
                    let path = key.map_or_else(|| at.clone(), |key| at.key(key));
                    let (line, column) = position(text, format, &path);
                    errors.push(FileError {
                        file: file.to_owned(),
                        line,
                        column,
                        path: path.to_string(),
                        kind: FileErrorKind::Reference(message),
                    });
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for fault in declared {
            system.faults().add(fault).map_err(|e| {
                vec![FileError {
                    file: file.to_owned(),
                    line: 1,
                    column: 1,
                    path: "fault".to_owned(),
                    kind: FileErrorKind::Reference(e.to_string()),
                }]
            })?;
        }
        let positions = limits::step_positions(text, format, steps.len());
        for (step, (line, column)) in steps.iter_mut().zip(positions) {
            step.line = line;
            step.column = column;
        }
        Ok(Scenario {
            file: file.to_owned(),
            topology,
            system,
            names,
            steps,
            next: 0,
        })
    }

    /// The scenario file's name, as given to [`Scenario::load`] or [`Scenario::parse`].
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The topology file's name.
    pub fn topology(&self) -> &str {
        &self.topology
    }

    /// The system the steps run against.
    pub fn system(&self) -> &System {
        &self.system
    }

    /// How many steps the scenario has.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// True for a scenario without steps.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Runs the steps not run yet, in order, one per item: each compares its result with
    /// what the step expects. Each step costs what its call costs plus O(its output).
    pub fn run(&mut self) -> impl Iterator<Item = Outcome> + '_ {
        std::iter::from_fn(move || {
            let step = self.steps.get(self.next)?;
            self.next += 1;
            let outcome = outcome::outcome(&self.file, &self.system, &self.names, step);
            if step.call == Call::RemoveDevice {
                // The set of devices changed: labels may change with it.
                self.names.refresh();
            }
            Some(outcome)
        })
    }
}

type Problem = (Option<&'static str>, String);

/// One recording sink per name that a `RegisterControlChangeCallback` step uses.
fn sinks(steps: &[StepEntry]) -> Sinks {
    let register = [
        Some(Call::Control(CtlCall::RegisterControlChangeCallback)),
        Some(Call::Control(CtlCall::RegisterEndpointNotificationCallback)),
    ];
    steps
        .iter()
        .filter(|e| register.contains(&Call::parse(&e.call)))
        .filter_map(|e| e.sink.clone())
        .map(|name| (name, Arc::default()))
        .collect()
}

fn need<'a>(value: &'a Option<String>, key: &'static str, call: Call) -> Result<&'a str, Problem> {
    value
        .as_deref()
        .ok_or_else(|| (None, format!("{} needs `{key}`", call.name())))
}

fn find_part(names: &Names, text: &str, key: &'static str) -> Result<Part, Problem> {
    names
        .find_part(text)
        .map_err(|e| (Some(key), e.to_string()))
}

/// What [`Scenario::parse`] calls to turn a topology file name into its display name and
/// its system.
type Resolver<'a> = dyn FnMut(&str) -> Result<(String, System), Vec<FileError>> + 'a;

fn prepare(
    names: &Names,
    sinks: &Sinks,
    load: &mut Resolver<'_>,
    index: usize,
    e: &StepEntry,
) -> Result<Step, Problem> {
    let call = Call::parse(&e.call).ok_or_else(|| {
        let names = Call::names();
        (
            Some("call"),
            format!(
                "unknown call `{}`; expected one of {}",
                e.call,
                names.join(", ")
            ),
        )
    })?;
    let mut text = call.name().to_owned();
    let (mut part, mut device, mut other, mut from, mut to) = (None, None, None, None, None);
    if call.on_part() {
        let p = need(&e.part, "part", call)?;
        text.push_str(&format!(" {p}"));
        part = Some(find_part(names, p, "part")?);
    } else if (call == Call::GetSignalPath && e.device.is_none()) || call.on_system() {
        // The topology of `from` is asked; or the system's endpoints.
    } else {
        let d = need(&e.device, "device", call)?;
        text.push_str(&format!(" {d}"));
        device = Some(
            names
                .find_device(d)
                .map_err(|err| (Some("device"), err.to_string()))?,
        );
    }
    match call {
        Call::ConnectTo => {
            let o = need(&e.other, "other", call)?;
            text.push_str(&format!(" to {o}"));
            other = Some(find_part(names, o, "other")?);
        }
        Call::GetConnector | Call::GetSubunit => {
            let i = e
                .index
                .ok_or_else(|| (None, format!("{} needs `index`", call.name())))?;
            text.push_str(&format!(" index {i}"));
        }
        Call::GetPartById => {
            let raw = e
                .local_id
                .as_ref()
                .ok_or_else(|| (None, "GetPartById needs `local_id`".to_owned()))?;
            let id = local_id(raw)
                .ok_or_else(|| (Some("local_id"), format!("`{raw}` is not a local ID")))?;
            text.push_str(&format!(" {id}"));
        }
        Call::GetSignalPath => {
            let f = need(&e.from, "from", call)?;
            let t = need(&e.to, "to", call)?;
            text.push_str(&format!(
                " from {f} to {t}{}",
                if e.reject_mixed {
                    " rejecting mixed paths"
                } else {
                    ""
                }
            ));
            let fp = find_part(names, f, "from")?;
            if device.is_none() {
                device = fp.topology().ok().map(|t| t.device());
            }
            from = Some(fp);
            to = Some(find_part(names, t, "to")?);
        }
        Call::SetState => {
            let s = need(&e.state, "state", call)?;
            text.push_str(&format!(" {s}"));
        }
        _ => {}
    }
    let mut ctl = None;
    if let Call::Control(c) = call {
        let mut raw = e.raw_args();
        // `AddDevices`: the devices arrive from a topology file next to the scenario.
        let arriving = match (&e.file, c) {
            (Some(file), CtlCall::AddDevices) => {
                Some(load(file).map(|(_, system)| system).map_err(|errors| {
                    let first = errors.first().map_or_else(String::new, ToString::to_string);
                    (Some("file"), first)
                })?)
            }
            (Some(_), _) => {
                return Err((Some("file"), format!("{} takes no `file`", call.name())));
            }
            (None, CtlCall::AddDevices) => {
                return Err((None, "AddDevices needs `file`".to_owned()));
            }
            (None, _) => None,
        };
        raw.devices = arriving.as_ref();
        let (args, more) = control_call::prepare(names, c, part.as_ref(), sinks, &raw)?;
        text.push_str(&more);
        ctl = Some(args);
    }
    let state = match &e.state {
        Some(s) => DeviceState::from_str(s).map_err(|err| (Some("state"), err.to_string()))?,
        None => DeviceState::Active,
    };
    let expect = match &e.expect {
        Some(hr) => HResult::parse(hr).ok_or_else(|| {
            (
                Some("expect"),
                format!("`{hr}` is not an HRESULT name (E_NOTFOUND) or value (0x80070490)"),
            )
        })?,
        None => HResult::S_OK,
    };
    let value = match &e.value {
        None => None,
        Some(raw) => Some(expected(names, call, raw).map_err(|m| (Some("value"), m))?),
    };
    Ok(Step {
        index,
        line: 0,
        column: 0,
        name: e.name.clone(),
        call,
        text,
        part,
        device,
        other,
        index_arg: e.index.unwrap_or(0),
        local_id: e.local_id.as_ref().and_then(local_id).unwrap_or_default(),
        from,
        to,
        mixed: if e.reject_mixed {
            MixedPaths::Reject
        } else {
            MixedPaths::Allow
        },
        state,
        expect,
        value,
        ctl,
    })
}

fn local_id(raw: &serde_json::Value) -> Option<LocalId> {
    match raw {
        serde_json::Value::String(s) => LocalId::parse(s),
        serde_json::Value::Number(n) => n.as_u64().and_then(|v| u32::try_from(v).ok()).map(LocalId),
        _ => None,
    }
}

fn name_of<T: FromStr>(
    raw: &serde_json::Value,
    name: impl Fn(T) -> &'static str,
) -> Result<Value, String>
where
    T::Err: std::fmt::Display,
{
    let text = raw
        .as_str()
        .ok_or_else(|| format!("expected a name, found {raw}"))?;
    text.parse::<T>()
        .map(|v| Value::Name(name(v)))
        .map_err(|e| e.to_string())
}

/// Parses the expected value of a step for its call.
fn expected(names: &Names, call: Call, raw: &serde_json::Value) -> Result<Value, String> {
    let text = || {
        raw.as_str()
            .ok_or_else(|| format!("expected a string, found {raw}"))
    };
    let part = |v: &serde_json::Value| -> Result<Part, String> {
        let t = v
            .as_str()
            .ok_or_else(|| format!("expected a part (`device/part`), found {v}"))?;
        names.find_part(t).map_err(|e| e.to_string())
    };
    match call.returns() {
        Returns::Nothing => Err(format!("{} returns no value", call.name())),
        Returns::Json => match call {
            Call::Control(c) => control_call::expected(names, c, raw).map(Value::Json),
            _ => Err(format!("{} returns no value", call.name())),
        },
        Returns::Text => Ok(Value::Text(text()?.to_owned())),
        Returns::LocalId => local_id(raw)
            .map(Value::LocalId)
            .ok_or_else(|| format!("`{raw}` is not a local ID")),
        Returns::PartType => name_of::<PartType>(raw, PartType::name),
        Returns::ConnectorType => name_of::<ConnectorType>(raw, ConnectorType::name),
        Returns::DataFlow => name_of::<DataFlow>(raw, DataFlow::name),
        Returns::DeviceState => name_of::<DeviceState>(raw, DeviceState::name),
        Returns::Guid => {
            let text = text()?;
            names
                .system()
                .guid_from_text(text)
                .map(Value::Guid)
                .ok_or_else(|| format!("`{text}` is not a GUID name or a braced GUID"))
        }
        Returns::Bool => raw
            .as_bool()
            .map(Value::Bool)
            .ok_or_else(|| format!("expected true or false, found {raw}")),
        Returns::Count => raw
            .as_u64()
            .map(Value::Count)
            .ok_or_else(|| format!("expected a count, found {raw}")),
        Returns::Part => part(raw).map(Value::Part),
        Returns::Parts => raw
            .as_array()
            .ok_or_else(|| format!("expected a list of parts, found {raw}"))?
            .iter()
            .map(part)
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Parts),
        Returns::DeviceId => {
            let t = text()?;
            Ok(Value::Text(
                names
                    .find_device(t)
                    .ok()
                    .and_then(|d| d.id().ok())
                    .unwrap_or_else(|| t.to_owned()),
            ))
        }
    }
}

fn missing() -> crate::Error {
    crate::Error::UnknownKey {
        key: "missing step argument".to_owned(),
    }
}

/// Runs one step: `Ok(value)` (None for methods without a value) or the error.
pub(crate) fn execute(system: &System, step: &Step) -> crate::Result<Option<Value>> {
    let part = || step.part.clone().ok_or_else(missing);
    let connector = || part()?.as_connector();
    let device = || step.device.clone().ok_or_else(missing);
    let parts = |list: crate::PartsList| Value::Parts(list.iter().collect());
    let value = match step.call {
        Call::GetName => Value::Text(part()?.name()?),
        Call::GetLocalId => Value::LocalId(part()?.local_id()?),
        Call::GetGlobalId => Value::Text(part()?.global_id()?),
        Call::GetPartType => Value::Name(part()?.part_type()?.name()),
        Call::GetSubType => Value::Guid(part()?.subtype()?),
        Call::EnumPartsIncoming => parts(part()?.parts_incoming()?),
        Call::EnumPartsOutgoing => parts(part()?.parts_outgoing()?),
        Call::GetTopologyObject => Value::Text(part()?.topology()?.device_id()?),
        Call::GetType => Value::Name(connector()?.connector_type()?.name()),
        Call::GetDataFlow => Value::Name(connector()?.data_flow()?.name()),
        Call::ConnectTo => {
            let other = step.other.clone().ok_or_else(missing)?.as_connector()?;
            connector()?.connect_to(&other)?;
            return Ok(None);
        }
        Call::Disconnect => {
            connector()?.disconnect()?;
            return Ok(None);
        }
        Call::IsConnected => Value::Bool(connector()?.is_connected()?),
        Call::GetConnectedTo => Value::Part(connector()?.connected_to()?.as_part().clone()),
        Call::GetConnectorIdConnectedTo => Value::Text(connector()?.connector_id_connected_to()?),
        Call::GetDeviceIdConnectedTo => Value::Text(connector()?.device_id_connected_to()?),
        Call::GetConnectorCount => Value::Count(device()?.topology()?.connector_count()?.into()),
        Call::GetConnector => Value::Part(
            device()?
                .topology()?
                .connector(step.index_arg)?
                .as_part()
                .clone(),
        ),
        Call::GetSubunitCount => Value::Count(device()?.topology()?.subunit_count()?.into()),
        Call::GetSubunit => Value::Part(
            device()?
                .topology()?
                .subunit(step.index_arg)?
                .as_part()
                .clone(),
        ),
        Call::GetPartById => Value::Part(device()?.topology()?.part_by_id(step.local_id)?),
        Call::GetDeviceId => Value::Text(device()?.topology()?.device_id()?),
        Call::GetSignalPath => {
            let from = step.from.clone().ok_or_else(missing)?;
            let to = step.to.clone().ok_or_else(missing)?;
            parts(device()?.topology()?.signal_path(&from, &to, step.mixed)?)
        }
        Call::GetState => Value::Name(device()?.state()?.name()),
        Call::SetState => {
            device()?.set_state(step.state)?;
            return Ok(None);
        }
        Call::RemoveDevice => {
            system.remove_device(&device()?.id()?)?;
            return Ok(None);
        }
        Call::Control(c) => {
            let args = step.ctl.as_ref().ok_or_else(missing)?;
            let value =
                control_call::execute(system, c, step.part.as_ref(), step.device.as_ref(), args)?;
            return Ok(value.map(Value::Json));
        }
    };
    Ok(Some(value))
}
