//! [`System`]: the set of audio devices of one simulated machine, shared by every handle.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::controls::HARDWARE_INITIATED_CONTEXT;
use crate::controls::notify::Notice;
use crate::engine::endpoints::deliver_endpoint_events;
use crate::engine::{
    Callback, ChangeSource, DeviceKey, Engine, Event, EventKind, EventLogging, PartKey, Sinks,
    Snapshot, SystemBuilder,
};
use crate::error::{Error, Result};
use crate::guid::Guid;
use crate::handles::{Connector, Device, DeviceTopology, Hardware, Part};
use crate::properties::{EndpointEvent, MMNotificationClient};

/// The process ID hardware-initiated notifications report by default (X21): 4, the Windows
/// "System" process, in which kernel-mode drivers run.
pub const DEFAULT_HARDWARE_PROCESS_ID: u32 = 4;

/// Who made a change, for the notifications it causes (N5, N6, X21).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A call through the API, with the caller's event context.
    Caller(Option<Guid>),
    /// The simulated hardware.
    Hardware,
}

/// The state every handle of one system shares.
#[derive(Debug)]
pub(crate) struct Shared {
    engine: RwLock<Engine>,
    /// The caller process ID (high 32 bits) and the hardware process ID (low 32 bits), in
    /// one atomic so that "the two always differ" (X21) holds under concurrent setters.
    pids: AtomicU64,
    /// Mirrors whether the event log is on (X72), so that delivering a callback takes the
    /// lock to log it only when it is.
    logging: AtomicBool,
    /// Faults and the call record (the test-double toolkit).
    pub(crate) instrument: crate::instrument::Instrument,
}

/// Packs the caller and hardware process IDs into one `u64`.
fn pack_pids(caller: u32, hardware: u32) -> u64 {
    (u64::from(caller) << 32) | u64::from(hardware)
}

impl Shared {
    /// The caller and hardware process IDs.
    fn pids(&self) -> (u32, u32) {
        let both = self.pids.load(Ordering::Acquire);
        ((both >> 32) as u32, both as u32)
    }

    /// Replaces both process IDs atomically with what `update` makes of them; `None` from
    /// `update` means the two would be equal: [`Error::ProcessIdClash`] for `pid` (X21).
    fn set_pids(&self, update: impl Fn((u32, u32)) -> Option<(u32, u32)>, pid: u32) -> Result<()> {
        self.pids
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |both| {
                update(((both >> 32) as u32, both as u32)).map(|(c, h)| pack_pids(c, h))
            })
            .map(drop)
            .map_err(|_| Error::ProcessIdClash { pid })
    }

    /// Runs a mutation under the write lock, then, with the lock released, delivers the
    /// notifications it asked for (N5, X20). Nothing is delivered when it fails (G5).
    pub(crate) fn change<T>(
        &self,
        origin: Origin,
        f: impl FnOnce(&mut Engine) -> Result<(T, Sinks)>,
    ) -> Result<T> {
        let (value, sinks, events, endpoint_sinks) = {
            let mut engine = self.write();
            let mark = engine.events.mark();
            match f(&mut engine) {
                Ok((value, sinks)) => {
                    let (events, endpoint_sinks) = engine.take_endpoint_events();
                    (value, sinks, events, endpoint_sinks)
                }
                Err(e) => {
                    // A failed call changes nothing and notifies no one (G5).
                    engine.mm.pending.clear();
                    engine.events.rollback(mark);
                    return Err(e);
                }
            }
        };
        if !sinks.is_empty() {
            let (sender_process_id, context, source) = match origin {
                Origin::Caller(context) => (self.pids().0, context, ChangeSource::Caller),
                Origin::Hardware => (
                    self.pids().1,
                    Some(HARDWARE_INITIATED_CONTEXT),
                    ChangeSource::Hardware,
                ),
            };
            Notice {
                sinks,
                sender_process_id,
                context,
            }
            .deliver(|part, control| {
                self.log_callback(|| Callback::ControlChange {
                    part,
                    control,
                    source,
                    context,
                })
            });
        }
        self.deliver_endpoint(events, endpoint_sinks);
        Ok(value)
    }

    /// Delivers endpoint events after the lock (X48), logging each call (X72).
    fn deliver_endpoint(
        &self,
        events: Vec<EndpointEvent>,
        sinks: Vec<Arc<dyn MMNotificationClient>>,
    ) {
        deliver_endpoint_events(events, sinks, |event| {
            self.log_callback(|| Callback::Endpoint(event.clone()))
        });
    }

    /// Logs a callback about to be delivered, when the log is on (X72): takes the lock for
    /// the append only, never while the sink runs (X20).
    fn log_callback(&self, callback: impl FnOnce() -> Callback) {
        if self.logging.load(Ordering::Relaxed) {
            self.write()
                .events
                .push(EventKind::CallbackDelivered(callback()));
        }
    }

    /// Ends a mutation made directly under the write lock (the hot paths): takes the
    /// endpoint events it queued, releases the lock, then delivers them (X48).
    /// With nothing queued (no sink, or no change) this is one branch and the unlock.
    #[inline(always)]
    pub(crate) fn finish(&self, engine: RwLockWriteGuard<'_, Engine>) {
        if !engine.mm.pending.is_empty() {
            self.finish_delivering(engine);
        }
    }

    #[cold]
    #[inline(never)]
    fn finish_delivering(&self, mut engine: RwLockWriteGuard<'_, Engine>) {
        let (events, sinks) = engine.take_endpoint_events();
        drop(engine);
        self.deliver_endpoint(events, sinks);
    }

    /// A mutation that notifies only endpoint sinks (Y6-Y11): `change` without control sinks.
    pub(crate) fn mutate<T>(&self, f: impl FnOnce(&mut Engine) -> Result<T>) -> Result<T> {
        self.change(Origin::Caller(None), |engine| {
            Ok((f(engine)?, Sinks::default()))
        })
    }

    /// Read access. A panic inside devtopo never leaves the engine half-written (every
    /// mutation validates first), so a poisoned lock is still consistent and is used as is.
    /// When a connection change left its state rule deferred (X78), the rule is applied
    /// first, under the write lock (released at once), and the read lock taken again: a
    /// reader never sees a stale state or default, and a read lock held while another is
    /// taken on the same thread stays a read lock (the second finds the engine settled).
    /// Inlined: the settled case is the read lock and one branch (issue 11: a walk takes it
    /// once per handle call).
    #[inline]
    pub(crate) fn read(&self) -> RwLockReadGuard<'_, Engine> {
        let engine = self.engine.read().unwrap_or_else(PoisonError::into_inner);
        if engine.is_settled() {
            return engine;
        }
        drop(engine);
        self.read_settled()
    }

    /// [`Shared::read`] when a deferred state rule is pending: settles, then reads.
    #[cold]
    #[inline(never)]
    fn read_settled(&self) -> RwLockReadGuard<'_, Engine> {
        loop {
            drop(self.write());
            let engine = self.engine.read().unwrap_or_else(PoisonError::into_inner);
            if engine.is_settled() {
                return engine;
            }
        }
    }

    /// Write access, with any deferred state rule applied first (X78); see [`Shared::read`].
    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, Engine> {
        let mut engine = self.write_unsettled();
        engine.settle();
        engine
    }

    /// Write access for `ConnectTo` and `Disconnect` only: they neither read states nor
    /// elect (X8), and may defer their own state rule ([`Engine::refresh_connection`], X78).
    #[inline]
    pub(crate) fn write_unsettled(&self) -> RwLockWriteGuard<'_, Engine> {
        self.engine.write().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The audio devices of one simulated machine: endpoints and adapter devices, each with its
/// device topology.
///
/// `System` is a cheap handle (an `Arc`): clones share one state. It is `Send + Sync`; every
/// call takes the system's one lock for its own duration only, so calls from many threads are
/// each atomic (X35).
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use devtopo::*;
///
/// let system = fixtures::four_topologies()?;
/// let mux = system.device("{2}.\\\\?\\pci#example#{6994ad04-93ef-11d0-a3cc-00a0c9223196}\\inputmux")?;
/// assert_eq!(mux.topology()?.connector_count()?, 4);
/// # }
/// # Ok::<(), devtopo::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct System {
    pub(crate) shared: Arc<Shared>,
}

impl System {
    /// A new builder (same as [`SystemBuilder::new`]).
    pub fn builder() -> SystemBuilder {
        SystemBuilder::new()
    }

    pub(crate) fn from_engine(engine: Engine) -> System {
        System {
            shared: Arc::new(Shared {
                engine: RwLock::new(engine),
                pids: AtomicU64::new(pack_pids(std::process::id(), DEFAULT_HARDWARE_PROCESS_ID)),
                logging: AtomicBool::new(false),
                instrument: crate::instrument::Instrument::default(),
            }),
        }
    }

    /// A new, independent system equal to this one (devices, parts, links, connections,
    /// control states), as if built again: no handle or key of this system names anything of
    /// the copy, and no callback is registered on it. Process IDs are the defaults.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn fresh_copy(&self) -> System {
        System::from_engine(self.shared.read().fresh_copy())
    }

    /// Every device still in the system, in the order they were added.
    pub fn devices(&self) -> Vec<Device> {
        let engine = self.shared.read();
        // Sized for every slot at once (removed ones are few): no regrowth on a large system.
        let mut devices = Vec::with_capacity(engine.devices.len());
        devices.extend(
            engine
                .devices
                .iter()
                .enumerate()
                .filter(|(_, slot)| slot.node.is_some())
                .map(|(ix, slot)| {
                    let key = DeviceKey {
                        ix: ix as u32,
                        serial: slot.serial,
                        kind: slot.kind,
                    };
                    Device::new(self.shared.clone(), key)
                }),
        );
        devices
    }

    /// The device a builder key names.
    ///
    /// # Errors
    /// [`Error::UnknownKey`] for a key of another builder; [`Error::DeviceRemoved`].
    pub fn device_by_key(&self, key: DeviceKey) -> Result<Device> {
        self.shared.read().device(key)?;
        Ok(Device::new(self.shared.clone(), key))
    }

    /// The part a builder key names.
    ///
    /// # Errors
    /// [`Error::UnknownKey`] for a key of another builder; [`Error::DeviceRemoved`].
    pub fn part(&self, key: PartKey) -> Result<Part> {
        self.shared.read().part(key)?;
        Ok(Part::new(self.shared.clone(), key))
    }

    /// The connector a builder key names.
    ///
    /// # Errors
    /// As [`System::part`], plus [`Error::NotAConnector`].
    pub fn connector(&self, key: PartKey) -> Result<Connector> {
        self.part(key)?.as_connector()
    }

    /// The topology of the device a builder key names.
    ///
    /// # Errors
    /// As [`System::device_by_key`].
    pub fn topology(&self, key: DeviceKey) -> Result<DeviceTopology> {
        self.device_by_key(key)?.topology()
    }

    /// Removes a device and all its parts from the model, as when a driver is uninstalled.
    /// Its connections are dropped on both sides (permanent ones too: this is a model edit,
    /// not a `Disconnect`). Handles to the device and its parts then fail with
    /// [`Error::DeviceRemoved`] (`AUDCLNT_E_DEVICE_INVALIDATED`, X26): keys carry never-reused
    /// serial numbers, so an old handle can never reach another device. The callbacks
    /// registered on its parts, and the `IKsControl` handlers of an adapter, are released after
    /// the system's lock, so their `Drop` may call back in.
    ///
    /// # Errors
    /// [`Error::UnknownDevice`].
    pub fn remove_device(&self, id: &str) -> Result<()> {
        // The sinks registered on the removed parts, and its KS handlers, are dropped only
        // after the lock is released: their `Drop` may call back into the system (X20, X35).
        let dropped = self.shared.mutate(|engine| {
            let ix = *engine.by_id.get(id).ok_or_else(|| Error::UnknownDevice {
                device: Arc::from(id),
            })?;
            engine.uninstall(ix)
        })?;
        drop(dropped);
        Ok(())
    }

    /// The process ID that notifications of changes made through this system's API report
    /// as their sender (N6, N8). Default: this process's ID.
    pub fn caller_process_id(&self) -> u32 {
        self.shared.pids().0
    }

    /// Sets the caller process ID (to simulate several client processes).
    ///
    /// # Errors
    /// [`Error::ProcessIdClash`] (`E_INVALIDARG`) when `pid` is the hardware process ID.
    pub fn set_caller_process_id(&self, pid: u32) -> Result<()> {
        self.shared.set_pids(
            |(_, hardware)| (pid != hardware).then_some((pid, hardware)),
            pid,
        )
    }

    /// The process ID hardware-initiated notifications report (X21). Default
    /// [`DEFAULT_HARDWARE_PROCESS_ID`]; always differs from the caller process ID.
    pub fn hardware_process_id(&self) -> u32 {
        self.shared.pids().1
    }

    /// Sets the hardware process ID.
    ///
    /// # Errors
    /// [`Error::ProcessIdClash`] (`E_INVALIDARG`) when `pid` is the caller process ID.
    pub fn set_hardware_process_id(&self, pid: u32) -> Result<()> {
        self.shared
            .set_pids(|(caller, _)| (pid != caller).then_some((caller, pid)), pid)
    }

    /// **Simulation only, not a COM method**: the driver side of the system, for tests. Plug
    /// and unplug jacks, disable, enable, remove and bring back devices, turn hardware knobs,
    /// feed peak meters. See [`Hardware`].
    pub fn hardware(&self) -> Hardware {
        Hardware::new(self.shared.clone())
    }

    /// A canonical dump of the whole state, comparable with `==` (rule G5 tests).
    pub fn snapshot(&self) -> Snapshot {
        self.shared.read().snapshot()
    }

    /// **Simulation only**: switches the event log on or off (X72). The log records every
    /// committed state change of this system, in commit order, through the Rust handles and
    /// the COM objects alike: connections made and broken, control values, jack plugs,
    /// device states, arrivals and removals, default changes, property values, and every
    /// callback delivered. Identical calls give identical logs: events name devices by ID
    /// and parts by local ID, and carry sequence numbers, never addresses or times.
    ///
    /// Off by default. On, it keeps the newest `capacity` events
    /// ([`EventLogging::on`]: 100,000) and counts the older ones it drops
    /// ([`System::dropped_events`]). Switching off keeps nothing; sequence numbers never
    /// restart.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use devtopo::*;
    /// let system = fixtures::sysvad_hdmi()?;
    /// system.set_event_logging(EventLogging::on());
    /// let jack = system.device(fixtures::SYSVAD_HDMI_TOPO)?.topology()?.connector(1)?;
    /// system.hardware().unplug_jack(&jack, 0)?;
    /// let log: Vec<String> = system.drain_events().iter().map(|e| e.to_string()).collect();
    /// assert!(log[0].starts_with("#0 jack 0 of "), "{log:?}");
    /// assert!(log.iter().any(|e| e.contains("DEVICE_STATE_UNPLUGGED")), "{log:?}");
    /// assert!(system.events().is_empty());
    /// # }
    /// # Ok::<(), devtopo::Error>(())
    /// ```
    pub fn set_event_logging(&self, logging: EventLogging) {
        let mut engine = self.shared.write();
        engine.events.set_mode(logging);
        self.shared
            .logging
            .store(engine.events.is_on(), Ordering::Relaxed);
    }

    /// Whether and how much the event log keeps (X72).
    pub fn event_logging(&self) -> EventLogging {
        self.shared.read().events.mode()
    }

    /// **Simulation only**: the events logged and kept so far, oldest first (X72).
    pub fn events(&self) -> Vec<Event> {
        self.shared.read().events.events()
    }

    /// **Simulation only**: the events logged and kept so far, oldest first; the log is then
    /// empty (sequence numbers go on).
    pub fn drain_events(&self) -> Vec<Event> {
        self.shared.write().events.drain()
    }

    /// How many events the log dropped because it was full (X72).
    pub fn dropped_events(&self) -> u64 {
        self.shared.read().events.dropped()
    }

    /// True when both handles share one system.
    pub fn same_system(&self, other: &System) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared)
    }
}
