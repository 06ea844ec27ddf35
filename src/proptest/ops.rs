//! [`Operation`]s over a given system and the strategies that draw them.

use std::fmt;

use ::proptest::collection::{SizeRange, vec};
use ::proptest::prelude::*;
use ::proptest::sample::select;
use ::proptest::strategy::Union;

use crate::controls::{ControlKind, ControlSpec};
use crate::error::Result;
use crate::handles::{AudioMute, Part, PerChannelDbLevel};
use crate::properties::{PropVariant, pkey};
use crate::system::System;
use crate::types::{ConnectorType, DeviceKind, ERole, LocalId};
use crate::{CLSCTX_ALL, ChangeSource, Snapshot};

/// A part, named as a log or a file names it: device ID and local ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// The device ID.
    pub device: String,
    /// The part's local ID.
    pub local_id: LocalId,
}

impl Target {
    /// The part this names in `system`.
    ///
    /// # Errors
    /// [`Error::UnknownDevice`](crate::Error::UnknownDevice),
    /// [`Error::UnknownLocalId`](crate::Error::UnknownLocalId),
    /// [`Error::DeviceRemoved`](crate::Error::DeviceRemoved).
    pub fn part(&self, system: &System) -> Result<Part> {
        system
            .device(&self.device)?
            .topology()?
            .part_by_id(self.local_id)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`/{}", self.device, self.local_id)
    }
}

/// What the simulated user or hardware does to a whole device ([`crate::Hardware`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeviceAction {
    /// [`Hardware::disable`](crate::Hardware::disable).
    Disable,
    /// [`Hardware::enable`](crate::Hardware::enable).
    Enable,
    /// [`Hardware::remove`](crate::Hardware::remove): the hardware is taken out.
    Remove,
    /// [`Hardware::reinsert`](crate::Hardware::reinsert).
    Reinsert,
    /// [`Hardware::unplug`](crate::Hardware::unplug).
    Unplug,
    /// [`Hardware::plug`](crate::Hardware::plug).
    Plug,
    /// [`System::remove_device`]: the driver is uninstalled.
    Uninstall,
}

/// One call a test makes on a system: through the API (as the code under test would) or on
/// the simulated hardware.
#[derive(Debug, Clone, PartialEq)]
pub enum Operation {
    /// `IConnector::ConnectTo` (C3).
    Connect {
        /// The connector called.
        part: Target,
        /// The other connector.
        to: Target,
    },
    /// `IConnector::Disconnect` (C6).
    Disconnect {
        /// The connector called.
        part: Target,
    },
    /// `IPerChannelDbLevel::SetLevel` through the API (K2), or a hardware knob (N6).
    SetLevel {
        /// The part with the level control.
        part: Target,
        /// Which level control.
        control: ControlKind,
        /// The channel (may be out of range).
        channel: u32,
        /// The level asked for (clamped and stepped, K3).
        db: f32,
        /// A call through the API ([`ChangeSource::Caller`]) or a hardware knob.
        source: ChangeSource,
    },
    /// `IAudioMute::SetMute` (K5).
    SetMute {
        /// The part with the mute control.
        part: Target,
        /// Muted or not.
        muted: bool,
    },
    /// A plug goes in (or out of) a jack (K18, X27).
    Jack {
        /// The jack connector.
        part: Target,
        /// The jack's index.
        jack: u32,
        /// In (`true`) or out.
        plugged: bool,
    },
    /// A device-wide action of the user or the hardware.
    Device {
        /// The device ID.
        device: String,
        /// What happens to it.
        action: DeviceAction,
    },
    /// The user chooses a default endpoint for a role (V6, X38).
    SetDefault {
        /// The endpoint ID.
        device: String,
        /// The role.
        role: ERole,
    },
    /// The user renames an endpoint (`PKEY_Device_DeviceDesc`, S12).
    Rename {
        /// The endpoint ID.
        device: String,
        /// The new description.
        name: String,
    },
}

impl Operation {
    /// Performs the operation on `system` (any system: targets are looked up by ID).
    ///
    /// # Errors
    /// What the call returns: a Windows `HRESULT` error of the method (a connection refused,
    /// a device removed, ...), or a lookup error for a target `system` lacks.
    pub fn apply(&self, system: &System) -> Result<()> {
        let hw = system.hardware();
        match self {
            Operation::Connect { part, to } => part
                .part(system)?
                .as_connector()?
                .connect_to(&to.part(system)?.as_connector()?),
            Operation::Disconnect { part } => part.part(system)?.as_connector()?.disconnect(),
            Operation::SetLevel {
                part,
                control,
                channel,
                db,
                source,
            } => {
                let p = part.part(system)?;
                if *source == ChangeSource::Hardware {
                    hw.set_level(&p, *control, *channel, *db)
                } else {
                    p.activate(CLSCTX_ALL, control.iid())?
                        .into_level()
                        .map_or(Ok(()), |l: PerChannelDbLevel| {
                            l.set_level(*channel, *db, None)
                        })
                }
            }
            Operation::SetMute { part, muted } => part
                .part(system)?
                .activate_as::<AudioMute>(CLSCTX_ALL)?
                .set_mute(*muted, None),
            Operation::Jack {
                part,
                jack,
                plugged,
            } => {
                let c = part.part(system)?.as_connector()?;
                if *plugged {
                    hw.plug_jack(&c, *jack)
                } else {
                    hw.unplug_jack(&c, *jack)
                }
            }
            Operation::Device { device, action } => {
                if *action == DeviceAction::Uninstall {
                    return system.remove_device(device);
                }
                let d = system.device(device)?;
                match action {
                    DeviceAction::Disable => hw.disable(&d),
                    DeviceAction::Enable => hw.enable(&d),
                    DeviceAction::Remove => hw.remove(&d),
                    DeviceAction::Reinsert => hw.reinsert(&d),
                    DeviceAction::Unplug => hw.unplug(&d),
                    DeviceAction::Plug | DeviceAction::Uninstall => hw.plug(&d),
                }
            }
            Operation::SetDefault { device, role } => {
                hw.set_default_endpoint(&system.device(device)?, *role)
            }
            Operation::Rename { device, name } => hw.set_property(
                &system.device(device)?,
                pkey::PKEY_Device_DeviceDesc,
                PropVariant::Lpwstr(name.clone()),
            ),
        }
    }
}

impl fmt::Display for Operation {
    /// One line of a readable script: `Disconnect `id`/0x00010000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operation::Connect { part, to } => write!(f, "ConnectTo {part} -> {to}"),
            Operation::Disconnect { part } => write!(f, "Disconnect {part}"),
            Operation::SetLevel {
                part,
                control,
                channel,
                db,
                source,
            } => {
                let who = match source {
                    ChangeSource::Hardware => "hardware ",
                    ChangeSource::Caller => "",
                };
                write!(
                    f,
                    "{who}SetLevel {control} of {part} channel {channel} {db} dB"
                )
            }
            Operation::SetMute { part, muted } => write!(f, "SetMute {part} {muted}"),
            Operation::Jack {
                part,
                jack,
                plugged,
            } => {
                let what = if *plugged { "plug" } else { "unplug" };
                write!(f, "hardware {what} jack {jack} of {part}")
            }
            Operation::Device { device, action } => write!(f, "hardware {action:?} `{device}`"),
            Operation::SetDefault { device, role } => {
                write!(f, "set `{device}` as default {role}")
            }
            Operation::Rename { device, name } => write!(f, "rename `{device}` to {name:?}"),
        }
    }
}

/// What of a system operations can name, read from its snapshot.
#[derive(Default)]
struct Targets {
    endpoint_connectors: Vec<Target>,
    jacks_facing: Vec<Target>,
    connectors: Vec<Target>,
    levels: Vec<(Target, ControlKind, u32)>,
    mutes: Vec<Target>,
    jacks: Vec<(Target, u32)>,
    devices: Vec<String>,
    endpoints: Vec<String>,
}

impl Targets {
    fn of(snapshot: &Snapshot) -> Targets {
        let mut t = Targets::default();
        for d in &snapshot.devices {
            t.devices.push(d.id.clone());
            let endpoint = d.kind != DeviceKind::Adapter;
            if endpoint {
                t.endpoints.push(d.id.clone());
            }
            for p in &d.parts {
                let target = Target {
                    device: d.id.clone(),
                    local_id: p.local_id,
                };
                if let Some(c) = &p.connector {
                    t.connectors.push(target.clone());
                    if endpoint {
                        t.endpoint_connectors.push(target.clone());
                    } else if c.connector_type == ConnectorType::PhysicalExternal {
                        t.jacks_facing.push(target.clone());
                    }
                }
                for control in &p.controls {
                    match control {
                        ControlSpec::JackDescription(jacks) => t
                            .jacks
                            .extend((0..jacks.len() as u32).map(|j| (target.clone(), j))),
                        ControlSpec::Mute(_) => t.mutes.push(target.clone()),
                        other => {
                            if let Some(level) = other.as_level() {
                                let channels = level.levels_db.len() as u32;
                                t.levels.push((target.clone(), other.kind(), channels));
                            }
                        }
                    }
                }
            }
        }
        t
    }
}

/// One operation over `system` (its state now: targets are read from a snapshot). Shrinks
/// toward disconnects and simple levels. An empty system only gives renames of nothing,
/// which fail with `UnknownDevice`.
pub fn operation(system: &System) -> BoxedStrategy<Operation> {
    let t = Targets::of(&system.snapshot());
    let mut arms: Vec<BoxedStrategy<Operation>> = Vec::new();
    if !t.connectors.is_empty() {
        arms.push(
            select(t.connectors.clone())
                .prop_map(|part| Operation::Disconnect { part })
                .boxed(),
        );
    }
    if !t.endpoint_connectors.is_empty() && !t.jacks_facing.is_empty() {
        arms.push(
            (select(t.endpoint_connectors), select(t.jacks_facing))
                .prop_map(|(part, to)| Operation::Connect { part, to })
                .boxed(),
        );
    }
    if !t.levels.is_empty() {
        let source = prop_oneof![Just(ChangeSource::Caller), Just(ChangeSource::Hardware)];
        arms.push(
            (select(t.levels), 0u32..3, -200i32..=20, source)
                .prop_map(|((part, control, channels), ch, half_db, source)| {
                    Operation::SetLevel {
                        part,
                        control,
                        // Mostly a valid channel, now and then one past the end (K2).
                        channel: if ch == 2 {
                            channels
                        } else {
                            ch % channels.max(1)
                        },
                        db: half_db as f32 / 2.0,
                        source,
                    }
                })
                .boxed(),
        );
    }
    if !t.mutes.is_empty() {
        arms.push(
            (select(t.mutes), any::<bool>())
                .prop_map(|(part, muted)| Operation::SetMute { part, muted })
                .boxed(),
        );
    }
    if !t.jacks.is_empty() {
        arms.push(
            (select(t.jacks), any::<bool>())
                .prop_map(|((part, jack), plugged)| Operation::Jack {
                    part,
                    jack,
                    plugged,
                })
                .boxed(),
        );
    }
    if !t.devices.is_empty() {
        let action = select(vec![
            DeviceAction::Disable,
            DeviceAction::Enable,
            DeviceAction::Remove,
            DeviceAction::Reinsert,
            DeviceAction::Unplug,
            DeviceAction::Plug,
            DeviceAction::Uninstall,
        ]);
        arms.push(
            (select(t.devices), action)
                .prop_map(|(device, action)| Operation::Device { device, action })
                .boxed(),
        );
    }
    if !t.endpoints.is_empty() {
        let role = select(vec![
            ERole::Console,
            ERole::Multimedia,
            ERole::Communications,
        ]);
        arms.push(
            (select(t.endpoints.clone()), role)
                .prop_map(|(device, role)| Operation::SetDefault { device, role })
                .boxed(),
        );
        arms.push(
            (select(t.endpoints), "[A-Z][a-z]{2,8}")
                .prop_map(|(device, name)| Operation::Rename { device, name })
                .boxed(),
        );
    }
    if arms.is_empty() {
        return Just(Operation::Rename {
            device: String::new(),
            name: String::new(),
        })
        .boxed();
    }
    Union::new(arms).boxed()
}

/// A sequence of `len` operations over `system`; shrinks by dropping operations.
pub fn operations(system: &System, len: impl Into<SizeRange>) -> BoxedStrategy<Vec<Operation>> {
    vec(operation(system), len).boxed()
}
