//! Strategies for your own property tests (feature `proptest`): arbitrary valid systems and
//! arbitrary operation sequences over them.
//!
//! - [`system_plan`] draws a [`SystemPlan`]: groups of adapter filters (a wave and a
//!   topology filter joined by a permanent `Software_Fixed` connection, D15), processing
//!   chains with their required controls (R4), external jacks with and without presence
//!   detection (E12, X27), `Software_IO` host pins, endpoints bound to the jacks, their
//!   initial states and property values; [`Size`] bounds how many groups and how long the
//!   chains are. [`SystemPlan::build`] makes the [`System`]; every plan builds (a property test
//!   of devtopo's checks it), and a failing property shrinks to a small plan (fewer groups,
//!   shorter chains, jacks without presence detection, ACTIVE endpoints) that reads plainly.
//! - [`operations`] draws [`Operation`] sequences over a given system: connect, disconnect,
//!   set levels and mutes, and hardware actions (jack plugs, knobs, disable, enable, removal
//!   and return of hardware, default choices, property writes, device uninstall). Targets are
//!   named by device ID and local ID, so a counterexample prints as a readable script; many
//!   operations fail with a Windows `HRESULT`, as they would on Windows: that is part of what
//!   your code must survive.
//! - [`fault`] and [`faults`] draw [`Fault`](crate::Fault)s over a given system (any method
//!   or one, anywhere or on a device or part, every trigger, the `HRESULT`s of
//!   [`FAULT_HRESULTS`] or a hardware change first); every one is accepted by
//!   [`Faults::add`](crate::Faults::add).
//!
//! ```
//! use devtopo::strategies::{Size, operations, system_plan};
//! use proptest::prelude::*;
//! use proptest::test_runner::{Config, TestRunner};
//!
//! let mut runner = TestRunner::new(Config::with_cases(16));
//! runner.run(&system_plan(Size::default()), |plan| {
//!     let system = plan.build().expect("every plan builds");
//!     // Your code under test walks `system`; here: every endpoint has a topology.
//!     for device in system.devices() {
//!         prop_assert!(device.topology().is_ok());
//!     }
//!     Ok(())
//! }).unwrap();
//!
//! // Operation sequences over one system, shrinking to the shortest failing script.
//! let system = devtopo::plan(60, 1).build()?;
//! let mut runner = TestRunner::new(Config::with_cases(16));
//! runner.run(&operations(&system, 1..20), |ops| {
//!     let copy = devtopo::plan(60, 1).build().expect("builds");
//!     for op in &ops {
//!         let _ = op.apply(&copy); // Ok or a Windows HRESULT; never a panic
//!     }
//!     Ok(())
//! }).unwrap();
//! # Ok::<(), devtopo::Error>(())
//! ```

use std::ops::RangeInclusive;

use ::proptest::collection::{SizeRange, vec};
use ::proptest::option;
use ::proptest::prelude::*;

use crate::generate::{
    CapturePlan, EndpointState, GroupPlan, JackPlan, OutputKind, Presence, RenderPlan, SystemPlan,
    Unit,
};

mod faults;
mod ops;

pub use faults::{FAULT_HRESULTS, fault, faults};
pub use ops::{DeviceAction, Operation, Target, operation, operations};

/// How big generated systems are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Size {
    /// How many groups (a render or capture pair of filters, or a loose adapter chain).
    pub groups: RangeInclusive<usize>,
    /// How many subunits a processing chain has (at least 1 is used).
    pub chain: RangeInclusive<usize>,
}

impl Default for Size {
    /// 1 to 4 groups, chains of 1 to 6 subunits: about 10 to 80 parts.
    fn default() -> Size {
        Size {
            groups: 1..=4,
            chain: 1..=6,
        }
    }
}

impl Size {
    /// Exactly `groups` groups, default chains.
    pub fn groups(groups: usize) -> Size {
        Size {
            groups: groups..=groups,
            ..Size::default()
        }
    }
}

/// One chain subunit; shrinks toward a 1-channel volume.
pub fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        (1u32..=2).prop_map(|channels| Unit::Volume { channels }),
        Just(Unit::Mute),
        Just(Unit::Loudness),
        (1u32..=2).prop_map(|channels| Unit::PeakMeter { channels }),
        (1u32..=2).prop_map(|channels| Unit::Tone { channels }),
    ]
}

/// A jack and its endpoint; shrinks toward no presence detection, ACTIVE, derived name.
pub fn jack_plan() -> impl Strategy<Value = JackPlan> {
    let presence = prop_oneof![
        Just(Presence::NotDetected),
        Just(Presence::Plugged),
        Just(Presence::Unplugged),
    ];
    let state = prop_oneof![
        4 => Just(EndpointState::Active),
        1 => Just(EndpointState::Disabled),
        1 => Just(EndpointState::NotPresent),
        1 => Just(EndpointState::Unplugged),
    ];
    let description = option::weighted(0.2, "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?");
    (presence, state, description).prop_map(|(presence, state, description)| JackPlan {
        presence,
        state,
        description,
    })
}

/// One group, with chains of `chain` subunits (at least one); shrinks toward a render group.
pub fn group_plan(chain: RangeInclusive<usize>) -> impl Strategy<Value = GroupPlan> {
    let (lo, hi) = (*chain.start(), *chain.end());
    let chain = move || vec(unit(), lo.max(1)..=hi.max(lo).max(1));
    let output_kind = prop_oneof![Just(OutputKind::Speakers), Just(OutputKind::Headphones)];
    let render = (
        any::<bool>(),
        chain(),
        output_kind,
        jack_plan(),
        option::of(jack_plan()),
    )
        .prop_map(|(offload, chain, output_kind, output, line_in)| {
            GroupPlan::Render(RenderPlan {
                offload,
                chain,
                output_kind,
                output,
                line_in,
            })
        });
    let capture =
        (chain(), jack_plan(), option::of(jack_plan())).prop_map(|(chain, mic, line_in)| {
            GroupPlan::Capture(CapturePlan {
                chain,
                mic,
                line_in,
            })
        });
    let loose = (0..=hi.max(1)).prop_map(|volumes| GroupPlan::Chain { volumes });
    prop_oneof![5 => render, 4 => capture, 1 => loose]
}

/// A whole system of `size`; build it with [`SystemPlan::build`].
pub fn system_plan(size: Size) -> impl Strategy<Value = SystemPlan> {
    let Size { groups, chain } = size;
    vec(group_plan(chain), SizeRange::from(groups)).prop_map(|groups| SystemPlan { tag: 0, groups })
}
