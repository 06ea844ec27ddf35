//! Free threading: COM objects shared by several threads at once (each thread AddRefs its own
//! copy) stay correct: levels set concurrently land, notifications are all delivered, and
//! connect/disconnect races leave a consistent pair (C5).

mod common;

use std::sync::atomic::Ordering;

use common::com::*;
use common::walk::activate;
use devtopo::fixtures;
use devtopo_com::*;
use windows_core::Interface;

/// A COM pointer moved to another thread. devtopo's objects are free-threaded.
struct Shared<I>(I);
// SAFETY: devtopo-com objects are free-threaded: atomic counts, devtopo's own locking.
unsafe impl<I> Send for Shared<I> {}

#[test]
fn concurrent_calls_through_shared_objects_stay_correct() -> Result<(), Box<dyn std::error::Error>>
{
    let system = fixtures::four_topologies()?;
    let part = part(&system, fixtures::FOUR_MUX, 0x20001);
    let vol: IAudioVolumeLevel = activate(&part)?;
    let sink = Recorder::sink();
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        part.RegisterControlChangeCallback(&IAudioVolumeLevel::IID, &sink)
            .ok()?
    };
    let threads: Vec<_> = (0..4u32)
        .map(|t| {
            let vol = Shared(vol.clone());
            let mux = Shared(topology(&system, fixtures::FOUR_MUX));
            std::thread::spawn(move || {
                let (vol, mux) = (vol, mux);
                for i in 0..200u32 {
                    // Threads 0 and 1 each own a channel and alternate between two levels, so
                    // every one of their calls changes it; threads 2 and 3 only read.
                    if t < 2 {
                        let db = if i % 2 == 0 { -10.0 } else { -20.0 };
                        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                        unsafe { vol.0.SetLevel(t, db, None).ok().expect("set") };
                    } else {
                        // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                        let level = unsafe { vol.0.GetLevel(i % 2) }.expect("get");
                        assert!([0.0, -10.0, -20.0].contains(&level), "{level}");
                    }
                    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                    let c = unsafe { mux.0.GetConnector(0).expect("connector") };
                    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                    let peer = unsafe { c.GetConnectedTo().expect("peer") };
                    let part: IPart = peer.cast().expect("part");
                    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                    assert_eq!(unsafe { part.GetLocalId() }.expect("id"), 0x10000);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().map_err(|_| "a thread panicked")?;
    }
    // Every one of the 400 changes was notified exactly once (N5), from whichever thread.
    assert_eq!(recorder(&sink).calls.load(Ordering::SeqCst), 400);
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe { part.UnregisterControlChangeCallback(&sink).ok()? };

    // Connect/disconnect races on one pair: the pair stays symmetric (C5).
    let epa = connector(&system, fixtures::FOUR_EPA, 0x10000);
    let line_in = connector(&system, fixtures::FOUR_MUX, 0x10000);
    let racers: Vec<_> = (0..4)
        .map(|t| {
            let (a, b) = (Shared(epa.clone()), Shared(line_in.clone()));
            std::thread::spawn(move || {
                let (a, b) = (a, b);
                for _ in 0..100 {
                    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
                    unsafe {
                        if t % 2 == 0 {
                            let _ = a.0.Disconnect();
                        } else {
                            let _ = b.0.ConnectTo(&a.0);
                        }
                    }
                }
            })
        })
        .collect();
    for t in racers {
        t.join().map_err(|_| "a thread panicked")?;
    }
    // SAFETY: COM calls on live interface pointers devtopo-com handed out.
    unsafe {
        assert_eq!(
            epa.IsConnected()?.as_bool(),
            line_in.IsConnected()?.as_bool()
        );
    }
    Ok(())
}
