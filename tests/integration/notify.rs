//! Change notifications: rules N1-N9 and X19, X20, X21.

use std::sync::{Arc, Mutex, OnceLock};

use devtopo::*;
use proptest::prelude::*;

type R = std::result::Result<(), Box<dyn std::error::Error>>;

/// A sink that records every call.
#[derive(Default)]
struct Recorder {
    calls: Mutex<Vec<(u32, Option<Guid>)>>,
}

impl Recorder {
    fn calls(&self) -> Vec<(u32, Option<Guid>)> {
        self.calls.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

impl ControlChangeNotify for Recorder {
    fn on_notify(&self, pid: u32, context: Option<Guid>) {
        if let Ok(mut c) = self.calls.lock() {
            c.push((pid, context));
        }
    }
}

fn mic_in_part(system: &System, local: u32) -> devtopo::Result<Part> {
    system
        .device(fixtures::SYSVAD_MICIN_TOPO)?
        .topology()?
        .part_by_id(LocalId(local))
}

const CTX: Guid = Guid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);

/// B2-4 (N1, N3, N5): one notification per effective change, none for a no-op; bad riid;
/// unregister twice.
#[test]
fn n1_n3_n5_b2_4_mute_sink() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let s1 = mic_in_part(&system, 0x20001)?;
    let sink = Arc::new(Recorder::default());
    s1.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
    let mute = s1
        .activate(CLSCTX_ALL, guids::IID_IAudioMute)?
        .into_mute()
        .ok_or("mute")?;
    mute.set_mute(true, Some(CTX))?;
    assert_eq!(sink.calls(), vec![(system.caller_process_id(), Some(CTX))]);
    assert_eq!(system.caller_process_id(), std::process::id());
    mute.set_mute(true, Some(CTX))?; // no change, no notification (N5)
    assert_eq!(sink.calls().len(), 1);
    mute.set_mute(false, None)?; // a NULL context arrives as None (N5)
    assert_eq!(sink.calls()[1], (std::process::id(), None));
    for iid in [
        guids::IID_IPart,
        guids::IID_IKsJackDescription2,
        guids::IID_IPerChannelDbLevel,
    ] {
        let err = s1
            .register_control_change_callback(iid, sink.clone())
            .unwrap_err();
        assert_eq!(err.hresult(), HResult::E_INVALIDARG);
    }
    s1.unregister_control_change_callback(&*sink)?;
    let err = s1.unregister_control_change_callback(&*sink).unwrap_err();
    assert_eq!(err.hresult(), HResult::E_NOTFOUND);
    mute.set_mute(true, None)?;
    assert_eq!(sink.calls().len(), 2);
    Ok(())
}

/// N2: sinks of another control or another part are not told.
#[test]
fn n2_registration_is_per_part_and_control() -> R {
    let system = fixtures::four_topologies()?;
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    let (vol_line, vol_mic) = (
        mux.part_by_id(LocalId(0x20001))?,
        mux.part_by_id(LocalId(0x20003))?,
    );
    let right = Arc::new(Recorder::default());
    let other_part = Arc::new(Recorder::default());
    let other_control = Arc::new(Recorder::default());
    vol_line.register_control_change_callback(guids::IID_IAudioVolumeLevel, right.clone())?;
    vol_mic.register_control_change_callback(guids::IID_IAudioVolumeLevel, other_part.clone())?;
    vol_line.register_control_change_callback(guids::IID_IAudioMute, other_control.clone())?;
    let level = vol_line
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .ok_or("v")?;
    level.set_level(1, -12.0, None)?;
    assert_eq!(right.calls().len(), 1);
    assert!(other_part.calls().is_empty() && other_control.calls().is_empty());
    Ok(())
}

/// G5, N5: a failed call notifies no one.
#[test]
fn g5_failed_call_does_not_notify() -> R {
    let system = fixtures::four_topologies()?;
    let mux = system
        .device(fixtures::FOUR_MUX)?
        .topology()?
        .part_by_id(LocalId(0x20006))?;
    let sink = Arc::new(Recorder::default());
    mux.register_control_change_callback(guids::IID_IAudioInputSelector, sink.clone())?;
    let sel = mux
        .activate(CLSCTX_ALL, guids::IID_IAudioInputSelector)?
        .into_input_selector()
        .ok_or("s")?;
    assert!(sel.set_selection(LocalId(0x20002), None).is_err());
    sel.set_selection(LocalId(0x20001), None)?; // already selected: no-op
    assert!(sink.calls().is_empty());
    sel.set_selection(LocalId(0x20005), Some(guids::EVENTCONTEXT_VOLUMESLIDER))?;
    assert_eq!(
        sink.calls(),
        vec![(std::process::id(), Some(guids::EVENTCONTEXT_VOLUMESLIDER))]
    );
    Ok(())
}

/// X19: an unsupported but valid riid is accepted and never fires; a second registration of
/// the same (sink, riid) adds nothing; one unregister removes every registration of the sink.
#[test]
fn x19_registration_rules() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let s1 = mic_in_part(&system, 0x20001)?;
    let sink = Arc::new(Recorder::default());
    s1.register_control_change_callback(guids::IID_IAudioBass, sink.clone())?; // part has no bass
    s1.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
    s1.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
    let mute = s1
        .activate(CLSCTX_ALL, guids::IID_IAudioMute)?
        .into_mute()
        .ok_or("mute")?;
    mute.set_mute(true, None)?;
    assert_eq!(sink.calls().len(), 1);
    s1.unregister_control_change_callback(&*sink)?;
    mute.set_mute(false, None)?;
    assert_eq!(sink.calls().len(), 1);
    assert!(s1.unregister_control_change_callback(&*sink).is_err());
    // Registration works on a part of a device that is not ACTIVE.
    system
        .hardware()
        .disable(&system.device(fixtures::SYSVAD_MICIN_TOPO)?)?;
    s1.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
    mute.set_mute(true, None)?;
    assert_eq!(sink.calls().len(), 2);
    Ok(())
}

/// X21, N6: hardware changes report the hardware process ID and the hardware context,
/// whose Data1 is DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT ('draH').
#[test]
fn x21_n6_hardware_initiated() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let vol = mic_in_part(&system, 0x20000)?;
    let sink = Arc::new(Recorder::default());
    vol.register_control_change_callback(guids::IID_IAudioVolumeLevel, sink.clone())?;
    system
        .hardware()
        .set_level(&vol, ControlKind::VolumeLevel, 0, -20.0)?;
    let calls = sink.calls();
    assert_eq!(
        calls,
        vec![(
            DEFAULT_HARDWARE_PROCESS_ID,
            Some(HARDWARE_INITIATED_CONTEXT)
        )]
    );
    assert_ne!(calls[0].0, system.caller_process_id());
    assert_eq!(calls[0].1.map(|g| g.data1), Some(0x6472_6148));
    assert_eq!(
        DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT.to_le_bytes(),
        *b"Hard"
    );
    // The two process IDs are configurable and never equal.
    system.set_caller_process_id(1000)?;
    assert_eq!(
        system.set_hardware_process_id(1000).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    assert_eq!(
        system.set_caller_process_id(4).unwrap_err().hresult(),
        HResult::E_INVALIDARG
    );
    let mute = mic_in_part(&system, 0x20001)?;
    mute.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
    mute.activate(CLSCTX_ALL, guids::IID_IAudioMute)?
        .into_mute()
        .ok_or("m")?
        .set_mute(true, None)?;
    assert_eq!(sink.calls()[1], (1000, None));
    system.hardware().set_mute(&mute, false)?;
    assert_eq!(sink.calls()[2].0, DEFAULT_HARDWARE_PROCESS_ID);
    Ok(())
}

/// X20: sinks run synchronously on the caller's thread, in registration order, after commit.
#[test]
fn x20_sync_in_order_after_commit() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let vol = mic_in_part(&system, 0x20000)?;
    let level = vol
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .ok_or("v")?;
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    for name in ["first", "second"] {
        let (log, level, thread) = (log.clone(), level.clone(), std::thread::current().id());
        let sink = move |_pid: u32, _ctx: Option<Guid>| {
            assert_eq!(std::thread::current().id(), thread);
            let seen = level.level(0).unwrap_or(f32::NAN); // reads the committed value
            if let Ok(mut l) = log.lock() {
                l.push(format!("{name}:{seen}"));
            }
        };
        vol.register_control_change_callback(guids::IID_IAudioVolumeLevel, Arc::new(sink))?;
    }
    level.set_level(0, -30.0, None)?;
    assert_eq!(
        *log.lock().map_err(|_| "poisoned")?,
        vec!["first:-30", "second:-30"]
    );
    Ok(())
}

/// X20: a sink may change another part (no deadlock); that change notifies in turn.
#[test]
fn x20_callback_sets_level_on_another_part() -> R {
    let system = fixtures::four_topologies()?;
    let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
    let line = mux.part_by_id(LocalId(0x20001))?;
    let mic = mux.part_by_id(LocalId(0x20003))?;
    let mic_level = mic
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .ok_or("v")?;
    let line_level = line
        .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
        .into_level()
        .ok_or("v")?;
    // Gang the two volumes: a change of the line volume is copied to the microphone's.
    let (follower, source) = (mic_level.clone(), line_level.clone());
    let gang = Arc::new(move |_pid: u32, _ctx: Option<Guid>| {
        let v = source.level(0).unwrap_or(0.0);
        follower.set_level_uniform(v, None).unwrap_or(());
    });
    line.register_control_change_callback(guids::IID_IAudioVolumeLevel, gang.clone())?;
    let mic_sink = Arc::new(Recorder::default());
    mic.register_control_change_callback(guids::IID_IAudioVolumeLevel, mic_sink.clone())?;
    line_level.set_level(0, -24.0, None)?;
    assert_eq!((mic_level.level(0)?, mic_level.level(1)?), (-24.0, -24.0));
    assert_eq!(mic_sink.calls().len(), 1);
    // Break the cycle the closure makes (it holds handles of the system, N4).
    line.unregister_control_change_callback(&*gang)?;
    assert_eq!(Arc::strong_count(&gang), 1);
    Ok(())
}

/// A sink that unregisters itself on its first notification.
struct OneShot {
    part: OnceLock<Part>,
    count: Mutex<u32>,
}

impl ControlChangeNotify for OneShot {
    fn on_notify(&self, _pid: u32, _ctx: Option<Guid>) {
        if let Ok(mut c) = self.count.lock() {
            *c += 1;
        }
        if let Some(part) = self.part.get() {
            part.unregister_control_change_callback(self).unwrap_or(());
        }
    }
}

/// X20: a sink may unregister itself from inside OnNotify (no deadlock), and then gets
/// nothing more; the part drops its reference.
#[test]
fn x20_callback_unregisters_itself() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let s1 = mic_in_part(&system, 0x20001)?;
    let sink = Arc::new(OneShot {
        part: OnceLock::new(),
        count: Mutex::new(0),
    });
    let _ = sink.part.set(s1.clone());
    s1.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
    assert_eq!(Arc::strong_count(&sink), 2);
    let mute = s1
        .activate(CLSCTX_ALL, guids::IID_IAudioMute)?
        .into_mute()
        .ok_or("mute")?;
    mute.set_mute(true, None)?;
    mute.set_mute(false, None)?;
    assert_eq!(*sink.count.lock().map_err(|_| "poisoned")?, 1);
    assert_eq!(Arc::strong_count(&sink), 1);
    assert_eq!(
        s1.unregister_control_change_callback(&*sink)
            .unwrap_err()
            .hresult(),
        HResult::E_NOTFOUND
    );
    Ok(())
}

/// N4, X35: dropping the System drops the sinks it still holds; sinks are Send + Sync.
#[test]
fn n4_dropping_system_drops_sinks() -> R {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Arc<dyn ControlChangeNotify>>();
    send_sync::<PerChannelDbLevel>();
    send_sync::<Control>();
    let sink = Arc::new(Recorder::default());
    {
        let system = fixtures::four_topologies()?;
        let mux = system.device(fixtures::FOUR_MUX)?.topology()?;
        for id in [0x20000, 0x20001, 0x20006] {
            let part = mux.part_by_id(LocalId(id))?;
            for kind in [ControlKind::Mute, ControlKind::VolumeLevel] {
                part.register_control_change_callback(kind.iid(), sink.clone())?;
            }
        }
        assert!(Arc::strong_count(&sink) > 1);
    }
    assert_eq!(Arc::strong_count(&sink), 1);
    Ok(())
}

/// X26: removing a device drops the registrations on its parts.
#[test]
fn x26_remove_device_drops_sinks() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let sink = Arc::new(Recorder::default());
    mic_in_part(&system, 0x20001)?
        .register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
    system.remove_device(fixtures::SYSVAD_MICIN_TOPO)?;
    assert_eq!(Arc::strong_count(&sink), 1);
    Ok(())
}

#[derive(Debug, Clone)]
enum Op {
    Level(u32, f32),
    Uniform(f32),
    Mute(bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            0u32..2,
            prop::sample::select(vec![-96.0f32, -10.0, -10.25, -3.0, 0.0, 5.0])
        )
            .prop_map(|(c, v)| Op::Level(c, v)),
        prop::sample::select(vec![-96.0f32, -20.0, 0.0]).prop_map(Op::Uniform),
        any::<bool>().prop_map(Op::Mute),
    ]
}

proptest! {
    /// N5: sinks fire exactly once per effective change and never for a no-op.
    #[test]
    fn n5_once_per_effective_change(ops in prop::collection::vec(op(), 1..30)) {
        let system = fixtures::sysvad_micarray1().unwrap();
        let topo = system.device(fixtures::SYSVAD_MICARRAY1_TOPO).unwrap().topology().unwrap();
        let (vol, mute) = (topo.part_by_id(LocalId(0x20000)).unwrap(), topo.part_by_id(LocalId(0x20001)).unwrap());
        let (vs, ms) = (Arc::new(Recorder::default()), Arc::new(Recorder::default()));
        vol.register_control_change_callback(guids::IID_IAudioVolumeLevel, vs.clone()).unwrap();
        mute.register_control_change_callback(guids::IID_IAudioMute, ms.clone()).unwrap();
        let level = vol.activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel).unwrap().into_level().unwrap();
        let m = mute.activate(CLSCTX_ALL, guids::IID_IAudioMute).unwrap().into_mute().unwrap();
        let (mut expect_v, mut expect_m) = (0usize, 0usize);
        for op in ops {
            let before = system.snapshot();
            match op {
                Op::Level(c, v) => level.set_level(c, v, None).unwrap(),
                Op::Uniform(v) => level.set_level_uniform(v, None).unwrap(),
                Op::Mute(b) => m.set_mute(b, None).unwrap(),
            }
            if system.snapshot() != before {
                match op { Op::Mute(_) => expect_m += 1, _ => expect_v += 1 }
            }
            prop_assert_eq!(vs.calls().len(), expect_v);
            prop_assert_eq!(ms.calls().len(), expect_m);
        }
    }
}

/// A sink whose `Drop` calls back into the system (here: formats a handle, which reads it).
struct CallsBackOnDrop {
    part: Part,
    dropped: std::sync::mpsc::Sender<String>,
}

impl ControlChangeNotify for CallsBackOnDrop {
    fn on_notify(&self, _: u32, _: Option<Guid>) {}
}

impl Drop for CallsBackOnDrop {
    fn drop(&mut self) {
        let _ = self.dropped.send(format!("{:?}", self.part));
    }
}

/// X20, X26, X35: removing a device releases its sinks after the system's lock is released,
/// so a sink whose `Drop` calls back into the system does not deadlock.
#[test]
fn x26_x35_remove_device_drops_sinks_outside_the_lock() -> R {
    let system = fixtures::sysvad_mic_in()?;
    let mute = system
        .device(fixtures::SYSVAD_MICIN_TOPO)?
        .topology()?
        .part_by_id(LocalId(0x20001))?;
    let (tx, rx) = std::sync::mpsc::channel();
    let sink = Arc::new(CallsBackOnDrop {
        part: mute.clone(),
        dropped: tx,
    });
    mute.register_control_change_callback(guids::IID_IAudioMute, sink)?;
    let worker = std::thread::spawn(move || system.remove_device(fixtures::SYSVAD_MICIN_TOPO));
    let text = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .map_err(|e| format!("the sink was not dropped (deadlock?): {e}"))?;
    assert!(
        text.contains("topologymicin") && text.contains("removed"),
        "{text}"
    );
    worker.join().map_err(|_| "remove_device panicked")??;
    Ok(())
}
