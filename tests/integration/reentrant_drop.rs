//! No user code under devtopo's lock (X20, X35): on every path that releases a sink, success
//! or failure, the sink's `Drop` runs after the system's lock is released, so a `Drop` that
//! calls back into the same system neither deadlocks nor panics.
//!
//! Each test runs its body on a thread with a watchdog: a deadlock fails the test (after
//! [`WATCHDOG`]) instead of hanging the test binary.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use devtopo::*;

type R = std::result::Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// How long a body may take before the test calls it a deadlock.
const WATCHDOG: Duration = Duration::from_secs(20);

/// Runs `body` on its own thread and fails the test if it does not finish in time (a
/// deadlock), panics, or returns an error.
fn with_watchdog(body: impl FnOnce() -> R + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = body().map_err(|e| e.to_string());
        let _ = tx.send(result);
    });
    match rx.recv_timeout(WATCHDOG) {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("test body failed: {e}"),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("deadlock: a sink's Drop ran under devtopo's lock")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("the test body panicked (a sink's Drop ran under devtopo's lock?)")
        }
    }
}

/// A sink whose `Drop` calls back into the system it was registered with: a read (snapshot)
/// and a write (a registration on `part`), then counts itself in `drops`.
struct ReentrantSink {
    system: System,
    part: Part,
    drops: Arc<AtomicUsize>,
}

impl ControlChangeNotify for ReentrantSink {
    fn on_notify(&self, _: u32, _: Option<Guid>) {}
}

impl Drop for ReentrantSink {
    fn drop(&mut self) {
        let _ = self.system.snapshot();
        // Fails with DeviceRemoved once the part's device is gone; either way it takes the
        // write lock.
        let _ = self
            .part
            .register_control_change_callback(guids::IID_IAudioMute, Arc::new(|_, _| {}));
        let _ = self.system.devices();
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

fn reentrant(system: &System, part: &Part) -> (Arc<dyn ControlChangeNotify>, Arc<AtomicUsize>) {
    let drops = Arc::new(AtomicUsize::new(0));
    let sink = Arc::new(ReentrantSink {
        system: system.clone(),
        part: part.clone(),
        drops: drops.clone(),
    });
    (sink, drops)
}

/// A part with a mute control (SYSVAD mic-in topology, subunit 0x20001) and its system.
fn mute_part() -> std::result::Result<(System, Part), Box<dyn std::error::Error + Send + Sync>> {
    let system = fixtures::sysvad_mic_in()?;
    let part = system
        .device(fixtures::SYSVAD_MICIN_TOPO)?
        .topology()?
        .part_by_id(LocalId(0x20001))?;
    Ok((system, part))
}

/// N1: a registration refused with E_INVALIDARG (an IID outside N1's list) drops the caller's
/// sink after the lock is released.
#[test]
fn n1_refused_iid_drops_sink_outside_the_lock() {
    with_watchdog(|| {
        let (system, part) = mute_part()?;
        let (sink, drops) = reentrant(&system, &part);
        let err = part
            .register_control_change_callback(guids::IID_IKsJackDescription2, sink)
            .unwrap_err();
        assert_eq!(err.hresult(), HResult::E_INVALIDARG);
        assert_eq!(
            drops.load(Ordering::SeqCst),
            1,
            "the refused sink is released"
        );
        Ok(())
    });
}

/// X26: a registration on a part of a removed device (AUDCLNT_E_DEVICE_INVALIDATED) drops the
/// caller's sink after the lock is released.
#[test]
fn x26_refused_removed_part_drops_sink_outside_the_lock() {
    with_watchdog(|| {
        let (system, part) = mute_part()?;
        system.remove_device(fixtures::SYSVAD_MICIN_TOPO)?;
        let (sink, drops) = reentrant(&system, &part);
        let err = part
            .register_control_change_callback(guids::IID_IAudioMute, sink)
            .unwrap_err();
        assert_eq!(err.hresult(), HResult::AUDCLNT_E_DEVICE_INVALIDATED);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        Ok(())
    });
}

/// X19: registering the same sink again for the same IID adds nothing; the caller's extra
/// reference is released outside the lock, and unregistering then dropping the last
/// reference runs `Drop` outside it too.
#[test]
fn x19_duplicate_registration_and_unregister_release_outside_the_lock() {
    with_watchdog(|| {
        let (system, part) = mute_part()?;
        let (sink, drops) = reentrant(&system, &part);
        part.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
        part.register_control_change_callback(guids::IID_IAudioMute, sink.clone())?;
        part.register_control_change_callback(guids::IID_IAudioVolumeLevel, sink.clone())?;
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        part.unregister_control_change_callback(&*sink)?;
        // A failed unregister (N3) holds nothing of the sink.
        let err = part.unregister_control_change_callback(&*sink).unwrap_err();
        assert_eq!(err.hresult(), HResult::E_NOTFOUND);
        drop(sink);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        Ok(())
    });
}

/// N5, X20: a sink that unregisters itself from inside `on_notify`, after the caller dropped
/// its own reference, is dropped when the notification's reference goes: outside the lock.
#[test]
fn x20_self_unregistering_sink_is_dropped_outside_the_lock() {
    struct SelfRemoving(ReentrantSink);
    impl ControlChangeNotify for SelfRemoving {
        fn on_notify(&self, _: u32, _: Option<Guid>) {
            let _ = self.0.part.unregister_control_change_callback(self);
        }
    }
    with_watchdog(|| {
        let (system, part) = mute_part()?;
        let drops = Arc::new(AtomicUsize::new(0));
        let sink = Arc::new(SelfRemoving(ReentrantSink {
            system: system.clone(),
            part: part.clone(),
            drops: drops.clone(),
        }));
        part.register_control_change_callback(guids::IID_IAudioMute, sink)?;
        let mute = part
            .activate(CLSCTX_ALL, guids::IID_IAudioMute)?
            .into_mute()
            .ok_or("mute")?;
        mute.set_mute(true, None)?;
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        Ok(())
    });
}

/// G5: failed setters (on every control kind the part has, and hardware setters) neither
/// drop nor call the registered sinks; dropping them later runs outside the lock.
#[test]
fn g5_failed_setters_keep_sinks_and_release_nothing_under_the_lock() {
    with_watchdog(|| {
        let (system, _) = mute_part()?;
        let part = system
            .device(fixtures::SYSVAD_MICIN_TOPO)?
            .topology()?
            .part_by_id(LocalId::subunit(0))?; // the volume subunit
        let (sink, drops) = reentrant(&system, &part);
        part.register_control_change_callback(guids::IID_IAudioVolumeLevel, sink.clone())?;
        let level = part
            .activate(CLSCTX_ALL, guids::IID_IAudioVolumeLevel)?
            .into_level()
            .ok_or("level")?;
        assert!(level.set_level(99, 0.0, None).is_err());
        assert!(level.set_level_all_channels(&[0.0; 9], None).is_err());
        assert!(
            system
                .hardware()
                .set_level(&part, ControlKind::VolumeLevel, 99, 0.0)
                .is_err()
        );
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        part.unregister_control_change_callback(&*sink)?;
        drop(sink);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        Ok(())
    });
}

/// X26: removing a device releases the sinks registered on its parts after the lock.
#[test]
fn x26_remove_device_drops_sinks_outside_the_lock() {
    with_watchdog(|| {
        let (system, part) = mute_part()?;
        let (sink, drops) = reentrant(&system, &part);
        part.register_control_change_callback(guids::IID_IAudioMute, sink)?;
        // A failed removal releases nothing.
        assert!(system.remove_device("no such device").is_err());
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        system.remove_device(fixtures::SYSVAD_MICIN_TOPO)?;
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        Ok(())
    });
}

/// Dropping the last handle of a system drops its registered sinks, with no lock held (a
/// sink cannot hold a handle of that system then, or the system would still be alive; its
/// `Drop` calls into another system here).
#[test]
fn system_drop_releases_sinks_without_a_lock() {
    with_watchdog(|| {
        let (system, part) = mute_part()?;
        let (other_system, other_part) = mute_part()?;
        let (sink, drops) = reentrant(&other_system, &other_part);
        part.register_control_change_callback(guids::IID_IAudioMute, sink)?;
        drop(part);
        drop(system);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
        Ok(())
    });
}

/// An `IKsControl` handler (Q11) owning a [`ReentrantSink`], so that dropping the handler
/// calls back into the system.
fn reentrant_ks_handler(system: &System, part: &Part) -> (Arc<dyn KsHandler>, Arc<AtomicUsize>) {
    let (guard, drops) = reentrant(system, part);
    let handler = Arc::new(move |_: &KsRequest| {
        let _owned = &guard;
        Ok(vec![1])
    });
    (handler, drops)
}

/// Q11, X20: replacing an adapter's KS handler, and uninstalling the adapter, release the
/// handlers (user code) after the lock; a refused installation (an endpoint is no adapter)
/// releases the handler it was given after the lock too.
#[test]
fn q11_ks_handlers_are_dropped_outside_the_lock() {
    with_watchdog(|| {
        let (system, part) = mute_part()?;
        let adapter = system.device(fixtures::SYSVAD_MICIN_TOPO)?;
        let install = |handler| {
            system.hardware().set_ks_handler(
                &adapter,
                KsRequestKind::Property,
                ks::KSPROPSETID_Audio,
                42,
                ks::KSPROPERTY_TYPE_GET,
                handler,
            )
        };
        let (first, first_drops) = reentrant_ks_handler(&system, &part);
        install(first)?;
        let (second, second_drops) = reentrant_ks_handler(&system, &part);
        install(second)?;
        assert_eq!(first_drops.load(Ordering::SeqCst), 1, "replaced");
        assert_eq!(second_drops.load(Ordering::SeqCst), 0, "installed");
        let endpoint = system
            .devices()
            .into_iter()
            .find(|d| d.kind().is_ok_and(|k| k.is_endpoint()))
            .ok_or("no endpoint")?;
        let (refused, refused_drops) = reentrant_ks_handler(&system, &part);
        assert!(
            system
                .hardware()
                .set_ks_handler(
                    &endpoint,
                    KsRequestKind::Property,
                    ks::KSPROPSETID_Audio,
                    42,
                    ks::KSPROPERTY_TYPE_GET,
                    refused,
                )
                .is_err()
        );
        assert_eq!(refused_drops.load(Ordering::SeqCst), 1, "refused");
        system.remove_device(fixtures::SYSVAD_MICIN_TOPO)?;
        assert_eq!(second_drops.load(Ordering::SeqCst), 1, "uninstalled");
        Ok(())
    });
}
