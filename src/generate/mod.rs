//! A generator of large valid systems, for scale tests and benchmarks (`devtopo gen`).
//!
//! [`generate`] builds, through [`SystemBuilder`] (so every rule is checked), a system of
//! exactly the number of parts asked for, shaped like real machines: groups of a wave filter
//! and a topology filter (two adapter devices joined by a permanent `Software_Fixed`
//! connection, D15) with endpoints bound to the topology filter's jacks.
//!
//! - A render group: wave filter `Software_IO` host pin(s) -> (SUM of two host pins) ->
//!   volume -> `Software_Fixed` out; topology filter `Software_Fixed` in -> volume -> mute ->
//!   more subunits -> (SUM with an aux line-in branch) -> the speaker or headphone jack.
//! - A capture group: topology filter microphone jack -> volume -> mute -> more subunits ->
//!   (MUX with a line-in branch, its `IAudioInputSelector` selecting the microphone) ->
//!   `Software_Fixed` out; wave filter `Software_Fixed` in -> ADC -> `Software_IO` host pin.
//! - Topology filters have 5 to 20 parts; every subunit carries the controls its subtype
//!   requires (R4: volume, mute, MUX, loudness, peak meter), level controls have 1 or 2
//!   channels; every `Physical_External` jack has `IKsJackDescription` and, with presence
//!   detection, `IKsJackDescription2` (E12), and an endpoint (render for an output jack,
//!   capture for an input jack) connected to it.
//!
//! The same `parts` and `seed` always give the same system. Cost: O(parts) time and memory.
//! The system is described first as a [`SystemPlan`] ([`plan`]), which the `proptest`
//! strategies also generate (arbitrarily, and shrinking).
//!
//! ```
//! let system = devtopo::generate(1_000, 7)?;
//! let parts: u32 = system.devices().iter()
//!     .map(|d| d.topology().map(|t| t.connector_count().unwrap_or(0) + t.subunit_count().unwrap_or(0)))
//!     .sum::<devtopo::Result<u32>>()?;
//! assert_eq!(parts, 1_000);
//! assert_eq!(devtopo::generate(1_000, 7)?.snapshot(), system.snapshot());
//! # Ok::<(), devtopo::Error>(())
//! ```

mod plan;

pub use plan::{
    CapturePlan, EndpointState, GroupPlan, JackPlan, OutputKind, Presence, RenderPlan, SystemPlan,
    Unit,
};

use crate::error::Result;
use crate::system::System;

/// Builds a valid system of exactly `parts` parts (connectors plus subunits, endpoints'
/// connectors included), deterministic for `seed`. See the [module docs](self).
///
/// # Errors
/// None expected (the generator only makes valid systems; a test checks 10^2 to 10^5 parts
/// and several seeds); a builder [`Error`](crate::Error) would mean a generator bug.
pub fn generate(parts: usize, seed: u64) -> Result<System> {
    plan(parts, seed).build()
}

/// The [`SystemPlan`] [`generate`] builds: exactly `parts` parts, deterministic for `seed`.
/// O(parts).
///
/// ```
/// let plan = devtopo::plan(200, 3);
/// assert_eq!(plan.part_count(), 200);
/// assert_eq!(plan.build()?.snapshot(), devtopo::generate(200, 3)?.snapshot());
/// # Ok::<(), devtopo::Error>(())
/// ```
pub fn plan(parts: usize, seed: u64) -> SystemPlan {
    let mut rng = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
    let mut plan = SystemPlan {
        tag: seed,
        groups: Vec::new(),
    };
    let mut left = parts;
    while left > 0 {
        // A render group needs at least 1 + 3 + 5 parts, a capture group 1 + 3 + 5.
        let topology = 5 + rng.below(16); // 5..=20 parts
        let wave = 3 + 2 * rng.below(2); // 3 or 5 parts
        let capture = rng.below(3) == 0;
        let jacks = if topology >= 7 { 2 } else { 1 };
        let need = topology + wave + jacks;
        if left < need {
            plan.groups.push(GroupPlan::Chain { volumes: left - 1 });
            break;
        }
        // Topology filters of 7 parts and more have a line-in branch (3 parts, and the SUM
        // or MUX); the chain has the rest.
        let chain = if jacks == 2 {
            topology - 5
        } else {
            topology - 2
        };
        let group = if capture {
            let mic = rng.jack();
            let line_in = (jacks == 2).then(|| rng.jack());
            GroupPlan::Capture(CapturePlan {
                chain: rng.chain(chain),
                mic,
                line_in,
            })
        } else {
            let output_kind = if rng.below(3) == 0 {
                OutputKind::Headphones
            } else {
                OutputKind::Speakers
            };
            let line_in = (jacks == 2).then(|| rng.jack());
            GroupPlan::Render(RenderPlan {
                offload: wave == 5,
                chain: rng.chain(chain),
                output_kind,
                output: rng.jack(),
                line_in,
            })
        };
        left -= if capture { topology + 3 + jacks } else { need };
        plan.groups.push(group);
    }
    plan
}

/// xorshift64*: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0.max(1);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A jack: three in four sense plugs (and are plugged).
    fn jack(&mut self) -> JackPlan {
        JackPlan {
            presence: if self.below(4) != 0 {
                Presence::Plugged
            } else {
                Presence::NotDetected
            },
            ..JackPlan::default()
        }
    }

    fn channels(&mut self) -> u32 {
        1 + self.below(2) as u32
    }

    /// A chain of `len` units: a volume, a mute, then a mix.
    fn chain(&mut self, len: usize) -> Vec<Unit> {
        (0..len)
            .map(|i| match (i, self.below(6)) {
                (0, _) | (_, 0 | 1) => Unit::Volume {
                    channels: self.channels(),
                },
                (1, _) | (_, 2) => Unit::Mute,
                (_, 3) => Unit::Loudness,
                (_, 4) => Unit::PeakMeter {
                    channels: self.channels(),
                },
                _ => Unit::Tone {
                    channels: self.channels(),
                },
            })
            .collect()
    }
}
