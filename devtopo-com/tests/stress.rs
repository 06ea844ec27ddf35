//! Thread stress (issue 10 item 5, X20, X35, X48, X72): seven threads at once connect and
//! disconnect, set levels, plug jacks, disable and enable endpoints, add and remove devices and
//! walk, through the Rust handles and through COM, while re-entrant callbacks of both kinds
//! (`IControlChangeNotify` and `IMMNotificationClient`, both COM objects) call back in. Bounded
//! in count and in time; a watchdog ends the process when no thread makes progress (a
//! deadlock), so CI never hangs. Afterwards every invariant holds and the event log replays to
//! the final state, and it counts exactly the callbacks the sinks received.

mod common;

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use common::com::*;
use common::walk::activate;
use devtopo::{
    Callback, CapturePlan, ControlKind, ControlSpec, DeviceKind, DeviceState, Event, EventKind,
    EventLogging, GroupPlan, JackPlan, LocalId, PerChannelDbLevel, Presence, RenderPlan, Snapshot,
    System, SystemPlan, Unit,
};
use devtopo_com::*;
use windows_core::{HRESULT, Interface, PCWSTR, implement};

const CLSCTX_ALL: u32 = 0x17;
const E_ILLEGAL_METHOD_CALL: HRESULT = HRESULT(0x8000_000E_u32 as i32);
/// Operations per thread (`DEVTOPO_STRESS_OPS`, default 300), and the wall-clock bound per
/// thread (`DEVTOPO_STRESS_SECS`, default 3): valgrind runs slower, and the time bound ends its
/// run early with fewer operations. The long run: `DEVTOPO_STRESS_OPS=50000
/// DEVTOPO_STRESS_SECS=120 cargo test --release -p devtopo-com --test stress`.
fn limits() -> (u32, Duration) {
    let var = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    (
        var("DEVTOPO_STRESS_OPS", 300) as u32,
        Duration::from_secs(var("DEVTOPO_STRESS_SECS", 3)),
    )
}
/// The watchdog fails the run when no thread progressed for this long
/// (`DEVTOPO_STRESS_STALL_SECS`, default 60).
fn stall() -> Duration {
    Duration::from_secs(
        std::env::var("DEVTOPO_STRESS_STALL_SECS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(60),
    )
}

/// A COM pointer moved to another thread. devtopo's objects are free-threaded.
struct Sendable<I>(I);
// SAFETY: devtopo-com objects are free-threaded: atomic counts, devtopo's own locking.
unsafe impl<I> Send for Sendable<I> {}

fn jack(presence: Presence) -> JackPlan {
    JackPlan {
        presence,
        ..JackPlan::default()
    }
}

/// Three render and two capture groups, every jack sensing plugs.
fn plan(tag: u64) -> SystemPlan {
    let render = |line: bool| {
        GroupPlan::Render(RenderPlan {
            offload: line,
            chain: vec![Unit::Volume { channels: 2 }, Unit::Mute],
            output_kind: devtopo::OutputKind::Speakers,
            output: jack(Presence::Plugged),
            line_in: line.then(|| jack(Presence::Plugged)),
        })
    };
    let capture = GroupPlan::Capture(CapturePlan {
        chain: vec![Unit::Volume { channels: 1 }],
        mic: jack(Presence::Plugged),
        line_in: None,
    });
    SystemPlan {
        tag,
        groups: vec![
            render(true),
            render(false),
            capture.clone(),
            render(false),
            capture,
        ],
    }
}

/// `(device, local id)` of parts, read from a snapshot.
type Named = (String, LocalId);

/// One thread's work: it reports progress and stops when told.
type Work = Box<dyn FnOnce(&AtomicU64, &AtomicBool) + Send>;

struct Targets {
    /// Endpoint connector and the jack it is connected to.
    pairs: Vec<(Named, Named)>,
    volumes: Vec<Named>,
    jacks: Vec<Named>,
    endpoints: Vec<String>,
}

fn targets(snapshot: &Snapshot) -> Targets {
    let mut t = Targets {
        pairs: Vec::new(),
        volumes: Vec::new(),
        jacks: Vec::new(),
        endpoints: Vec::new(),
    };
    for d in &snapshot.devices {
        if d.kind != DeviceKind::Adapter {
            t.endpoints.push(d.id.clone());
        }
        for p in &d.parts {
            let me = (d.id.clone(), p.local_id);
            if let Some(peer) = p.connector.as_ref().and_then(|c| c.peer.as_ref())
                && d.kind != DeviceKind::Adapter
            {
                t.pairs
                    .push((me.clone(), (peer.device.clone(), peer.local_id)));
            }
            for c in &p.controls {
                match c {
                    ControlSpec::VolumeLevel(_) => t.volumes.push(me.clone()),
                    ControlSpec::JackDescription2(_) => t.jacks.push(me.clone()),
                    _ => {}
                }
            }
        }
    }
    t
}

/// An `IControlChangeNotify` that calls back in: it reads the level it was told about through
/// COM, and now and then renames an endpoint (which sends endpoint callbacks from inside a
/// control callback).
#[implement(IControlChangeNotify)]
struct Reentrant {
    system: System,
    part: Named,
    rename: String,
    calls: Arc<AtomicU64>,
}

impl IControlChangeNotify_Impl for Reentrant_Impl {
    fn OnNotify(&self, _pid: u32, _context: *const windows_core::GUID) -> windows_core::Result<()> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        let (device, local) = &self.part;
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        unsafe {
            let part = topology(&self.system, device).GetPartById(local.0)?;
            let volume: IAudioVolumeLevel = activate(&part)?;
            volume.GetLevel(0)?;
        }
        if n.is_multiple_of(10)
            && let Ok(endpoint) = self.system.device(&self.rename)
        {
            {
                let _ = self.system.hardware().set_property(
                    &endpoint,
                    devtopo::pkey::PKEY_Device_DeviceDesc,
                    devtopo::PropVariant::Lpwstr(format!("Renamed {n}")),
                );
            }
        }
        Ok(())
    }
}

/// An `IMMNotificationClient` that calls back in (Y4) and tries to register another client
/// from inside its callback, which must be refused (Y3, X47).
#[implement(IMMNotificationClient)]
struct Watcher {
    system: System,
    calls: Arc<AtomicU64>,
    refused: Arc<AtomicU32>,
}

impl Watcher_Impl {
    fn count(&self) {
        self.calls.fetch_add(1, Ordering::SeqCst);
    }
}

impl IMMNotificationClient_Impl for Watcher_Impl {
    fn OnDeviceStateChanged(&self, id: &PCWSTR, _state: u32) -> windows_core::Result<()> {
        self.count();
        let enumerator = enumerator(&self.system);
        // SAFETY: devtopo passes a NUL-terminated string alive for the call; COM calls on
        // live interface pointers.
        unsafe {
            if let Ok(device) = enumerator.GetDevice(*id) {
                device.GetState()?;
            }
            let _ = enumerator.GetDefaultAudioEndpoint(eRender, eConsole);
            let other: IMMNotificationClient = Watcher {
                system: self.system.clone(),
                calls: Arc::new(AtomicU64::new(0)),
                refused: self.refused.clone(),
            }
            .into();
            if enumerator.RegisterEndpointNotificationCallback(&other) == E_ILLEGAL_METHOD_CALL {
                self.refused.fetch_add(1, Ordering::SeqCst);
            }
        }
        Ok(())
    }
    fn OnDeviceAdded(&self, _id: &PCWSTR) -> windows_core::Result<()> {
        self.count();
        Ok(())
    }
    fn OnDeviceRemoved(&self, _id: &PCWSTR) -> windows_core::Result<()> {
        self.count();
        Ok(())
    }
    fn OnDefaultDeviceChanged(
        &self,
        _flow: EDataFlow,
        _role: ERole,
        _id: &PCWSTR,
    ) -> windows_core::Result<()> {
        self.count();
        Ok(())
    }
    fn OnPropertyValueChanged(&self, _id: &PCWSTR, _key: &PROPERTYKEY) -> windows_core::Result<()> {
        self.count();
        Ok(())
    }
}

/// Fails the process (not just a thread) when `progress` stops moving for [`stall`]: a
/// deadlock ends the run with a message instead of hanging CI.
fn watchdog(progress: Arc<AtomicU64>) -> mpsc::Sender<()> {
    let (done, finished) = mpsc::channel::<()>();
    let limit = stall();
    std::thread::spawn(move || {
        let mut last = (progress.load(Ordering::SeqCst), Instant::now());
        loop {
            match finished.recv_timeout(Duration::from_millis(500)) {
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                _ => return,
            }
            let now = progress.load(Ordering::SeqCst);
            if now != last.0 {
                last = (now, Instant::now());
            } else if last.1.elapsed() > limit {
                eprintln!(
                    "watchdog: no thread progressed for {limit:?} after {now} operations: deadlock"
                );
                std::process::exit(3);
            }
        }
    });
    done
}

/// Runs `f(i)` for `i` in `0..ops` while the time bound lasts ([`limits`]), counting
/// progress.
fn bounded(progress: &AtomicU64, stop: &AtomicBool, mut f: impl FnMut(u32)) {
    let (ops, time) = limits();
    let start = Instant::now();
    for i in 0..ops {
        if start.elapsed() > time || stop.load(Ordering::Relaxed) {
            break;
        }
        f(i);
        progress.fetch_add(1, Ordering::SeqCst);
    }
}

/// The rules that must hold whatever the interleaving: C5 (a connection is symmetric), B2
/// (an unconnected endpoint is NOTPRESENT), V6 (a default is an ACTIVE endpoint of its flow).
fn check_invariants(system: &System, end: &Snapshot) {
    for d in &end.devices {
        for p in &d.parts {
            let Some(peer) = p.connector.as_ref().and_then(|c| c.peer.as_ref()) else {
                if d.kind != DeviceKind::Adapter && p.connector.is_some() {
                    assert_eq!(d.state, DeviceState::NotPresent, "B2: {}", d.id);
                }
                continue;
            };
            let back = end
                .devices
                .iter()
                .find(|x| x.id == peer.device)
                .and_then(|x| x.parts.iter().find(|q| q.local_id == peer.local_id))
                .and_then(|q| q.connector.as_ref())
                .and_then(|c| c.peer.as_ref());
            assert!(
                back.is_some_and(|b| b.device == d.id && b.local_id == p.local_id),
                "C5: {}/{} -> {}/{}",
                d.id,
                p.local_id,
                peer.device,
                peer.local_id
            );
        }
    }
    for (flow, kind) in [
        (devtopo::EDataFlow::Render, DeviceKind::RenderEndpoint),
        (devtopo::EDataFlow::Capture, DeviceKind::CaptureEndpoint),
    ] {
        if let Ok(d) = system.default_endpoint(flow, devtopo::ERole::Console) {
            assert_eq!(d.state().ok(), Some(DeviceState::Active), "V6");
            assert_eq!(d.kind().ok(), Some(kind), "V6");
        }
    }
}

fn count(log: &[Event], f: impl Fn(&Callback) -> bool) -> u64 {
    log.iter()
        .filter(|e| matches!(&e.kind, EventKind::CallbackDelivered(c) if f(c)))
        .count() as u64
}

#[test]
fn x35_x72_seven_threads_rust_and_com_with_reentrant_callbacks() {
    let system = plan(1).build().expect("plan builds");
    // Keep every event: the long run logs more than the default 100,000.
    system.set_event_logging(EventLogging::On {
        capacity: usize::MAX,
    });
    let t = targets(&system.snapshot());
    let control_calls = Arc::new(AtomicU64::new(0));
    let endpoint_calls = Arc::new(AtomicU64::new(0));
    let refused = Arc::new(AtomicU32::new(0));

    // Re-entrant sinks of both kinds, registered through COM.
    let mut control_sinks = Vec::new();
    for (i, volume) in t.volumes.iter().enumerate() {
        let sink: IControlChangeNotify = Reentrant {
            system: system.clone(),
            part: volume.clone(),
            rename: t.endpoints[i % t.endpoints.len()].clone(),
            calls: control_calls.clone(),
        }
        .into();
        let part = part(&system, &volume.0, volume.1.0);
        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
        unsafe {
            part.RegisterControlChangeCallback(&IAudioVolumeLevel::IID, &sink)
                .ok()
                .expect("register");
        }
        control_sinks.push((part, sink));
    }
    let watcher: IMMNotificationClient = Watcher {
        system: system.clone(),
        calls: endpoint_calls.clone(),
        refused: refused.clone(),
    }
    .into();
    let com_enumerator = enumerator(&system);
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        com_enumerator
            .RegisterEndpointNotificationCallback(&watcher)
            .ok()
            .expect("register");
    }
    // The log starts here: everything after is replayed onto this snapshot.
    system.drain_events();
    let start = system.snapshot();

    let progress = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let done = watchdog(progress.clone());
    let half = t.pairs.len() / 2;
    let mut threads = Vec::new();
    let spawn = |threads: &mut Vec<std::thread::JoinHandle<()>>, f: Work| {
        let (progress, stop) = (progress.clone(), stop.clone());
        threads.push(std::thread::spawn(move || f(&progress, &stop)));
    };

    // 1. Rust: disconnect and reconnect the first half of the endpoints.
    let (s, pairs) = (system.clone(), t.pairs[..half].to_vec());
    spawn(
        &mut threads,
        Box::new(move |p, stop| {
            bounded(p, stop, |i| {
                let ((ed, el), (jd, jl)) = &pairs[i as usize % pairs.len()];
                let c = rust_part(&s, ed, el.0).as_connector().expect("connector");
                let _ = c.disconnect();
                let _ = c.connect_to(&rust_part(&s, jd, jl.0).as_connector().expect("jack"));
            })
        }),
    );
    // 2. COM: the same on the other half.
    let (s, pairs) = (system.clone(), t.pairs[half..].to_vec());
    spawn(
        &mut threads,
        Box::new(move |p, stop| {
            bounded(p, stop, |i| {
                let ((ed, el), (jd, jl)) = &pairs[i as usize % pairs.len()];
                let (a, b) = (connector(&s, ed, el.0), connector(&s, jd, jl.0));
                // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                unsafe {
                    let _ = a.Disconnect();
                    let _ = a.ConnectTo(&b);
                }
            })
        }),
    );
    // 3. Rust: levels through the API and the hardware knob.
    let (s, volumes) = (system.clone(), t.volumes.clone());
    spawn(
        &mut threads,
        Box::new(move |p, stop| {
            bounded(p, stop, |i| {
                let (d, l) = &volumes[i as usize % volumes.len()];
                let part = rust_part(&s, d, l.0);
                let db = -((i % 40) as f32);
                if i % 3 == 0 {
                    let _ = s
                        .hardware()
                        .set_level(&part, ControlKind::VolumeLevel, 0, db);
                } else if let Ok(v) = part.activate_as::<PerChannelDbLevel>(devtopo::CLSCTX_ALL) {
                    let _ = v.set_level_uniform(db, None);
                }
            })
        }),
    );
    // 4. COM: levels through IAudioVolumeLevel.
    let (s, volumes) = (system.clone(), t.volumes.clone());
    spawn(
        &mut threads,
        Box::new(move |p, stop| {
            bounded(p, stop, |i| {
                let (d, l) = &volumes[(i as usize + 1) % volumes.len()];
                let part = part(&s, d, l.0);
                if let Ok(v) = activate::<IAudioVolumeLevel>(&part) {
                    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                    let _ = unsafe { v.SetLevel(0, -((i % 30) as f32) - 0.5, None) };
                }
            })
        }),
    );
    // 5. Hardware: jack plugs, and endpoints disabled and enabled.
    let (s, jacks, endpoints) = (system.clone(), t.jacks.clone(), t.endpoints.clone());
    spawn(
        &mut threads,
        Box::new(move |p, stop| {
            bounded(p, stop, |i| {
                let (d, l) = &jacks[i as usize % jacks.len()];
                let c = rust_part(&s, d, l.0).as_connector().expect("jack");
                let _ = if i % 2 == 0 {
                    s.hardware().unplug_jack(&c, 0)
                } else {
                    s.hardware().plug_jack(&c, 0)
                };
                if i.is_multiple_of(5)
                    && let Ok(e) = s.device(&endpoints[i as usize % endpoints.len()])
                {
                    let _ = if i.is_multiple_of(10) {
                        s.hardware().disable(&e)
                    } else {
                        s.hardware().enable(&e)
                    };
                }
            })
        }),
    );
    // 6. Devices arrive and leave (B1, X49, X63).
    let s = system.clone();
    spawn(
        &mut threads,
        Box::new(move |p, stop| {
            let mut added: Vec<String> = Vec::new();
            bounded(p, stop, |i| {
                if added.is_empty() {
                    let more = SystemPlan {
                        tag: 1000 + u64::from(i),
                        groups: vec![plan(0).groups[2].clone()],
                    };
                    if let Ok(devices) = s.add_devices(&more.build().expect("builds")) {
                        added = devices.iter().filter_map(|d| d.id().ok()).collect();
                    }
                } else {
                    for id in added.drain(..) {
                        let _ = s.remove_device(&id);
                    }
                }
            })
        }),
    );
    // 7. COM: a walker, the way client code enumerates and walks.
    let s = system.clone();
    spawn(
        &mut threads,
        Box::new(move |p, stop| {
            let e = Sendable(enumerator(&s));
            bounded(p, stop, |_| {
                // SAFETY: COM calls on live interface pointers devtopo-com handed out; strings
                // and collections are released by their wrappers.
                unsafe {
                    let Ok(all) = e.0.EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL as u32) else {
                        return;
                    };
                    for n in 0..all.GetCount().unwrap_or(0) {
                        let Ok(device) = all.Item(n) else { continue };
                        let _ = device.GetState();
                        let Ok(topo) = device.Activate::<IDeviceTopology>(CLSCTX_ALL, None) else {
                            continue;
                        };
                        if let Ok(peer) = topo.GetConnector(0).and_then(|c| c.GetConnectedTo())
                            && let Ok(part) = peer.cast::<IPart>()
                        {
                            let _ = part.EnumPartsIncoming().and_then(|l| l.GetCount());
                            let _ = part.EnumPartsOutgoing().and_then(|l| l.GetCount());
                        }
                    }
                    let _ = e.0.GetDefaultAudioEndpoint(eCapture, eConsole);
                }
            })
        }),
    );

    let mut panicked = 0;
    for t in threads {
        panicked += usize::from(t.join().is_err());
    }
    stop.store(true, Ordering::Relaxed);
    let _ = done.send(());
    assert_eq!(panicked, 0, "a thread panicked");
    let ops = progress.load(Ordering::SeqCst);
    assert!(ops >= 7, "only {ops} operations ran");
    eprintln!(
        "stress: {ops} operations, {} events logged",
        system.events().len()
    );

    // Invariants, then the log against the final state and against the callbacks received.
    let end = system.snapshot();
    check_invariants(&system, &end);
    let log = system.events();
    assert_eq!(system.dropped_events(), 0);
    let mut replayed = start;
    for event in &log {
        replayed.apply(event);
    }
    let (mut a, mut b) = (replayed, end);
    a.registrations.clear();
    b.registrations.clear();
    assert!(a == b, "the log does not replay to the final state");
    assert_eq!(
        count(&log, |c| matches!(c, Callback::ControlChange { .. })),
        control_calls.load(Ordering::SeqCst)
    );
    assert_eq!(
        count(&log, |c| matches!(c, Callback::Endpoint(_))),
        endpoint_calls.load(Ordering::SeqCst)
    );
    assert_eq!(
        system.endpoint_callback_violations().len(),
        refused.load(Ordering::SeqCst) as usize,
        "Y3: every register from inside a callback refused"
    );

    // Unregistered, every sink is released (X20): only the test's reference is left.
    // SAFETY: COM calls on live interface pointers.
    unsafe {
        com_enumerator
            .UnregisterEndpointNotificationCallback(&watcher)
            .ok()
            .expect("unregister");
        for (part, sink) in &control_sinks {
            // Parts of devices still present; removed ones released their sinks already.
            let _ = part.UnregisterControlChangeCallback(sink);
        }
    }
    assert_eq!(refcount(&watcher), 1);
    for (_, sink) in &control_sinks {
        assert_eq!(refcount(sink), 1);
    }
}

/// The watchdog itself: a run whose threads stop progressing (here: one that sleeps, as a
/// deadlocked thread would wait) ends with exit code 3 and a message, instead of hanging. The
/// test runs itself as a child process with a 1 s stall limit.
#[test]
fn watchdog_fails_a_stalled_run_instead_of_hanging() {
    if std::env::var_os("DEVTOPO_STRESS_CHILD").is_some() {
        let _done = watchdog(Arc::new(AtomicU64::new(0)));
        std::thread::sleep(Duration::from_secs(60));
        return; // not reached: the watchdog exits the process
    }
    let started = Instant::now();
    let child = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "watchdog_fails_a_stalled_run_instead_of_hanging",
            "--nocapture",
        ])
        .env("DEVTOPO_STRESS_CHILD", "1")
        .env("DEVTOPO_STRESS_STALL_SECS", "1")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&child.stderr);
    assert_eq!(child.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("deadlock"), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(30));
}
