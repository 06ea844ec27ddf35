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

use crate::controls::{ControlSpec, JackDescription, JackDescription2, LevelSpec, PeakMeterSpec};
use crate::engine::{ConnectorSpec, DeviceKey, DeviceSpec, PartKey, SubunitSpec, SystemBuilder};
use crate::error::Result;
use crate::guid::{Guid, guids};
use crate::system::System;
use crate::types::{ConnectorType, DataFlow, DeviceKind, Permanence};

/// Builds a valid system of exactly `parts` parts (connectors plus subunits, endpoints'
/// connectors included), deterministic for `seed`. See the [module docs](self).
///
/// # Errors
/// None expected (the generator only makes valid systems; a test checks 10^2 to 10^5 parts
/// and several seeds); a builder [`Error`](crate::Error) would mean a generator bug.
pub fn generate(parts: usize, seed: u64) -> Result<System> {
    let mut g = Generator {
        b: SystemBuilder::new(),
        rng: Rng(seed ^ 0x9E37_79B9_7F4A_7C15),
        seed,
        devices: 0,
    };
    let mut left = parts;
    let mut group = 0usize;
    while left > 0 {
        // A render group needs at least 1 + 3 + 5 parts, a capture group 1 + 3 + 5.
        let topology = 5 + g.rng.below(16); // 5..=20 parts
        let wave = 3 + 2 * g.rng.below(2); // 3 or 5 parts
        let capture = g.rng.below(3) == 0;
        let jacks = if topology >= 7 { 2 } else { 1 };
        let need = topology + wave + jacks;
        if left < need {
            g.filler(left)?;
            break;
        }
        if capture {
            g.capture_group(group, topology)?;
        } else {
            g.render_group(group, topology, wave)?;
        }
        left -= if capture { topology + 3 + jacks } else { need };
        group += 1;
    }
    g.b.build()
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
}

struct Generator {
    b: SystemBuilder,
    rng: Rng,
    seed: u64,
    devices: u64,
}

/// What a group's endpoint is, for its name (and, with the MMDevice layer, its properties).
#[derive(Clone, Copy)]
enum Jack {
    Speakers,
    Headphones,
    Microphone,
    LineIn,
}

impl Jack {
    fn name(self) -> &'static str {
        match self {
            Jack::Speakers => "Speakers",
            Jack::Headphones => "Headphones",
            Jack::Microphone => "Microphone",
            Jack::LineIn => "Line In",
        }
    }

    fn subtype(self) -> Guid {
        match self {
            Jack::Speakers => guids::KSNODETYPE_SPEAKER,
            Jack::Headphones => guids::KSNODETYPE_HEADPHONES,
            Jack::Microphone => guids::KSNODETYPE_MICROPHONE,
            Jack::LineIn => guids::KSNODETYPE_LINE_CONNECTOR,
        }
    }

    fn flow(self) -> DataFlow {
        match self {
            Jack::Speakers | Jack::Headphones => DataFlow::Out,
            Jack::Microphone | Jack::LineIn => DataFlow::In,
        }
    }

    fn color(self) -> u32 {
        match self {
            Jack::Speakers | Jack::Headphones => 0x00_FF_00,
            Jack::Microphone => 0xFF_80_C0,
            Jack::LineIn => 0x00_00_FF,
        }
    }
}

impl Generator {
    fn adapter(&mut self, group: usize, role: &str) -> Result<DeviceKey> {
        self.devices += 1;
        let id = format!(
            "{{2}}.\\\\?\\gen#seed_{:x}#{group}#{{6994ad04-93ef-11d0-a3cc-00a0c9223196}}\\{role}",
            self.seed
        );
        self.b.add_device(DeviceSpec::new(
            id,
            format!("{role} {group}"),
            DeviceKind::Adapter,
        ))
    }

    /// An endpoint bound to `jack` (a `Physical_External` connector of a topology filter).
    ///
    /// Hook for the MMDevice layer (issue 7): this is where an endpoint's property store
    /// (friendly name, form factor from `kind`, jack subtype) belongs once it exists; the
    /// generator decides `kind` per endpoint already.
    fn endpoint(&mut self, group: usize, kind: Jack, jack: PartKey) -> Result<()> {
        self.devices += 1;
        let render = kind.flow() == DataFlow::Out;
        let (prefix, device_kind) = if render {
            ("{0.0.0.00000000}", DeviceKind::RenderEndpoint)
        } else {
            ("{0.0.1.00000000}", DeviceKind::CaptureEndpoint)
        };
        let id = format!(
            "{prefix}.{{{:08x}-{:04x}-4000-8000-{:012x}}}",
            self.seed as u32,
            (self.seed >> 32) as u16,
            self.devices
        );
        let ep = self.b.add_device(DeviceSpec::new(
            id,
            format!("{} ({group})", kind.name()),
            device_kind,
        ))?;
        let flow = if render { DataFlow::In } else { DataFlow::Out };
        let c = self.b.add_connector(
            ep,
            ConnectorSpec::new("", flow, ConnectorType::PhysicalExternal),
        )?;
        self.b.connect(c, jack, Permanence::Transient)
    }

    fn jack(&mut self, dev: DeviceKey, kind: Jack) -> Result<PartKey> {
        let detects = self.rng.below(4) != 0;
        let mut spec =
            ConnectorSpec::new(kind.name(), kind.flow(), ConnectorType::PhysicalExternal)
                .subtype(kind.subtype())
                .control(ControlSpec::JackDescription(vec![JackDescription {
                    channel_mapping: if kind.flow() == DataFlow::Out {
                        0x3
                    } else {
                        0x4
                    },
                    color: kind.color(),
                    is_connected: true,
                    ..JackDescription::default()
                }]));
        if detects {
            spec = spec.control(ControlSpec::JackDescription2(vec![JackDescription2 {
                device_state_info: 0,
                jack_capabilities: JackDescription2::PRESENCE_DETECT_CAPABILITY,
            }]));
        }
        self.b.add_connector(dev, spec)
    }

    fn fixed(&mut self, dev: DeviceKey, name: &str, flow: DataFlow) -> Result<PartKey> {
        self.b.add_connector(
            dev,
            ConnectorSpec::new(name, flow, ConnectorType::SoftwareFixed)
                .subtype(guids::KSCATEGORY_AUDIO),
        )
    }

    fn host(&mut self, dev: DeviceKey, name: &str, flow: DataFlow) -> Result<PartKey> {
        self.b.add_connector(
            dev,
            ConnectorSpec::new(name, flow, ConnectorType::SoftwareIo),
        )
    }

    /// A volume subunit with its required `IAudioVolumeLevel` (R4).
    fn volume(&mut self, dev: DeviceKey, name: &str) -> Result<PartKey> {
        let level = self.level();
        self.b.add_subunit(
            dev,
            SubunitSpec::new(name, guids::KSNODETYPE_VOLUME)
                .control(ControlSpec::VolumeLevel(level)),
        )
    }

    fn level(&mut self) -> LevelSpec {
        LevelSpec::sysvad_volume(1 + self.rng.below(2) as u32)
    }

    /// One subunit of a processing chain, with the controls its subtype requires (R4).
    fn chain_subunit(&mut self, dev: DeviceKey, i: usize) -> Result<PartKey> {
        let spec = match (i, self.rng.below(6)) {
            (0, _) | (_, 0 | 1) => SubunitSpec::new("Volume", guids::KSNODETYPE_VOLUME)
                .control(ControlSpec::VolumeLevel(self.level())),
            (1, _) | (_, 2) => {
                SubunitSpec::new("Mute", guids::KSNODETYPE_MUTE).control(ControlSpec::Mute(false))
            }
            (_, 3) => SubunitSpec::new("Loudness", guids::KSNODETYPE_LOUDNESS)
                .control(ControlSpec::Loudness(false)),
            (_, 4) => {
                let channels = 1 + self.rng.below(2) as u32;
                SubunitSpec::new("Peak", guids::KSNODETYPE_PEAKMETER)
                    .control(ControlSpec::PeakMeter(PeakMeterSpec::silent(channels)))
            }
            _ => SubunitSpec::new("Tone", guids::KSNODETYPE_TONE)
                .control(ControlSpec::Bass(self.level()))
                .control(ControlSpec::Treble(self.level())),
        };
        self.b.add_subunit(dev, spec)
    }

    /// `from` -> `count` chain subunits; returns the last part of the chain.
    fn chain(&mut self, dev: DeviceKey, from: PartKey, count: usize) -> Result<PartKey> {
        let mut at = from;
        for i in 0..count {
            let s = self.chain_subunit(dev, i)?;
            self.b.add_link(at, s)?;
            at = s;
        }
        Ok(at)
    }

    /// `topology` parts in the topology filter, `wave` in the wave filter, and one endpoint
    /// per jack (2 jacks from 7 topology parts up).
    fn render_group(&mut self, group: usize, topology: usize, wave: usize) -> Result<()> {
        // Wave filter: host pin(s) -> (SUM) -> volume -> Software_Fixed out.
        let w = self.adapter(group, "wave")?;
        let host = self.host(w, "Host", DataFlow::In)?;
        let mut at = host;
        if wave == 5 {
            let host2 = self.host(w, "Host (offload)", DataFlow::In)?;
            let sum = self
                .b
                .add_subunit(w, SubunitSpec::new("Sum", guids::KSNODETYPE_SUM))?;
            self.b.add_link(host, sum)?;
            self.b.add_link(host2, sum)?;
            at = sum;
        }
        let vol = self.volume(w, "Wave Volume")?;
        self.b.add_link(at, vol)?;
        let out = self.fixed(w, "Wave Out", DataFlow::Out)?;
        self.b.add_link(vol, out)?;

        // Topology filter: Software_Fixed in -> chain -> (SUM with aux) -> jack.
        let t = self.adapter(group, "topo")?;
        let fixed_in = self.fixed(t, "Wave In", DataFlow::In)?;
        self.b.connect(out, fixed_in, Permanence::Permanent)?;
        let kind = if self.rng.below(3) == 0 {
            Jack::Headphones
        } else {
            Jack::Speakers
        };
        if topology >= 7 {
            // in, jack, aux jack, aux volume, sum: 5 parts; the chain has the rest.
            let aux = self.jack(t, Jack::LineIn)?;
            let aux_vol = self.volume(t, "Line In Volume")?;
            self.b.add_link(aux, aux_vol)?;
            let last = self.chain(t, fixed_in, topology - 5)?;
            let sum = self
                .b
                .add_subunit(t, SubunitSpec::new("Sum", guids::KSNODETYPE_SUM))?;
            self.b.add_link(last, sum)?;
            self.b.add_link(aux_vol, sum)?;
            let jack = self.jack(t, kind)?;
            self.b.add_link(sum, jack)?;
            self.endpoint(group, kind, jack)?;
            self.endpoint(group, Jack::LineIn, aux)
        } else {
            let last = self.chain(t, fixed_in, topology - 2)?;
            let jack = self.jack(t, kind)?;
            self.b.add_link(last, jack)?;
            self.endpoint(group, kind, jack)
        }
    }

    /// `topology` parts in the topology filter, 3 in the wave filter, one endpoint per jack.
    fn capture_group(&mut self, group: usize, topology: usize) -> Result<()> {
        let t = self.adapter(group, "topo")?;
        let mic = self.jack(t, Jack::Microphone)?;
        let out = if topology >= 7 {
            // mic, line, line volume, MUX, out: 5 parts; the mic chain has the rest.
            let line = self.jack(t, Jack::LineIn)?;
            let line_vol = self.volume(t, "Line In Volume")?;
            self.b.add_link(line, line_vol)?;
            let last = self.chain(t, mic, topology - 5)?;
            let selected = self.b.local_id(last).unwrap_or_default();
            let mux = self
                .b
                .add_subunit(t, SubunitSpec::new("MUX", guids::KSNODETYPE_MUX))?;
            self.b.add_link(last, mux)?;
            self.b.add_link(line_vol, mux)?;
            // The selector names a linked input (K9), so it is set after the links.
            self.b
                .set_controls(mux, vec![ControlSpec::InputSelector(selected)])?;
            let out = self.fixed(t, "Capture Out", DataFlow::Out)?;
            self.b.add_link(mux, out)?;
            self.endpoint(group, Jack::LineIn, line)?;
            out
        } else {
            let last = self.chain(t, mic, topology - 2)?;
            let out = self.fixed(t, "Capture Out", DataFlow::Out)?;
            self.b.add_link(last, out)?;
            out
        };
        self.endpoint(group, Jack::Microphone, mic)?;

        // Wave filter: Software_Fixed in -> ADC -> host pin.
        let w = self.adapter(group, "wave")?;
        let fixed_in = self.fixed(w, "Capture In", DataFlow::In)?;
        self.b.connect(out, fixed_in, Permanence::Permanent)?;
        let adc = self
            .b
            .add_subunit(w, SubunitSpec::new("ADC", guids::KSNODETYPE_ADC))?;
        self.b.add_link(fixed_in, adc)?;
        let host = self.host(w, "Host", DataFlow::Out)?;
        self.b.add_link(adc, host)
    }

    /// The last few parts (fewer than a group needs): one adapter with a host pin and a
    /// chain of volume subunits.
    fn filler(&mut self, parts: usize) -> Result<()> {
        let dev = self.adapter(usize::MAX, "extra")?;
        let host = self.host(dev, "Host", DataFlow::In)?;
        let mut at = host;
        for _ in 1..parts {
            let s = self.volume(dev, "Volume")?;
            self.b.add_link(at, s)?;
            at = s;
        }
        Ok(())
    }
}
