//! [`SystemPlan`]: a small, readable description of a system shaped like real machines, and
//! how it is built. [`generate`](crate::generate) draws plans from a seed; the `proptest`
//! strategies ([`crate::strategies`]) draw them arbitrarily, and a failing property shrinks to a
//! small plan (fewer groups, shorter chains, simpler jacks) that reads as a sentence.

use crate::controls::{ControlSpec, JackDescription, JackDescription2, LevelSpec, PeakMeterSpec};
use crate::engine::{ConnectorSpec, DeviceKey, DeviceSpec, PartKey, SubunitSpec, SystemBuilder};
use crate::error::Result;
use crate::guid::{Guid, guids};
use crate::properties::{PropVariant, pkey};
use crate::system::System;
use crate::types::{ConnectorType, DataFlow, DeviceKind, DeviceState, Permanence};

/// A whole system: groups of adapter filters with their endpoints. Built with
/// [`SystemPlan::build`], through [`SystemBuilder`], so every builder rule is checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct SystemPlan {
    /// A number every device ID carries, so that plans with different tags make systems
    /// whose IDs differ ([`generate`](crate::generate) uses its seed).
    pub tag: u64,
    /// The groups, in build order.
    pub groups: Vec<GroupPlan>,
}

/// One group of devices.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GroupPlan {
    /// A wave filter and a topology filter joined by a permanent `Software_Fixed`
    /// connection (D15), with a render endpoint bound to the output jack.
    Render(RenderPlan),
    /// A topology filter and a wave filter joined by a permanent `Software_Fixed`
    /// connection, with a capture endpoint bound to the microphone jack.
    Capture(CapturePlan),
    /// One adapter with a `Software_IO` host pin and a chain of `volumes` volume subunits
    /// (no endpoint).
    Chain {
        /// How many volume subunits follow the host pin.
        volumes: usize,
    },
}

/// A render group. Wave filter: `Software_IO` host pin (and an offload host pin into a SUM)
/// -> volume -> `Software_Fixed` out. Topology filter: `Software_Fixed` in -> `chain` ->
/// (SUM with the line-in branch) -> the output jack, `Physical_External`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RenderPlan {
    /// A second host pin (offload) summed with the first in the wave filter.
    pub offload: bool,
    /// The topology filter's processing chain, from the wave filter toward the jack.
    pub chain: Vec<Unit>,
    /// What is plugged into the output jack (its subtype, the endpoint's name).
    pub output_kind: OutputKind,
    /// The output jack and its render endpoint.
    pub output: JackPlan,
    /// A line-in jack (with a capture endpoint) whose branch, through its own volume, is
    /// summed into the output path before the output jack.
    pub line_in: Option<JackPlan>,
}

/// What a render group's output jack drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutputKind {
    /// `KSNODETYPE_SPEAKER`.
    #[default]
    Speakers,
    /// `KSNODETYPE_HEADPHONES`.
    Headphones,
}

/// A capture group. Topology filter: microphone jack -> `chain` -> (MUX with the line-in
/// branch, selecting the microphone) -> `Software_Fixed` out. Wave filter: `Software_Fixed`
/// in -> ADC -> `Software_IO` host pin.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CapturePlan {
    /// The processing chain from the microphone jack toward the wave filter.
    pub chain: Vec<Unit>,
    /// The microphone jack and its capture endpoint.
    pub mic: JackPlan,
    /// A line-in jack (with a capture endpoint) whose branch, through its own volume, enters
    /// the MUX.
    pub line_in: Option<JackPlan>,
}

/// One subunit of a processing chain, with the controls its subtype requires (R4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// `KSNODETYPE_VOLUME` with `IAudioVolumeLevel` (-96..0 dB, 0.5 dB steps).
    Volume {
        /// 1 or more channels.
        channels: u32,
    },
    /// `KSNODETYPE_MUTE` with `IAudioMute`.
    Mute,
    /// `KSNODETYPE_LOUDNESS` with `IAudioLoudness`.
    Loudness,
    /// `KSNODETYPE_PEAKMETER` with `IAudioPeakMeter`.
    PeakMeter {
        /// 1 or more channels.
        channels: u32,
    },
    /// `KSNODETYPE_TONE` with `IAudioBass` and `IAudioTreble`.
    Tone {
        /// 1 or more channels.
        channels: u32,
    },
}

/// What a jack senses (E12, X27).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Presence {
    /// No presence detection: `IsConnected` is always true, the endpoint is never UNPLUGGED
    /// by the jack, and `Hardware::plug_jack` is refused (X27).
    #[default]
    NotDetected,
    /// Presence detection (`IKsJackDescription2`), a plug in the jack.
    Plugged,
    /// Presence detection, no plug: the endpoint starts UNPLUGGED.
    Unplugged,
}

/// A `Physical_External` jack of a topology filter and the endpoint bound to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct JackPlan {
    /// Presence detection and the initial plug.
    pub presence: Presence,
    /// The endpoint's initial state as a builder takes it (conditions, X68); the state rule
    /// then decides (an endpoint behind an empty sensing jack is UNPLUGGED).
    pub state: EndpointState,
    /// An explicit `PKEY_Device_DeviceDesc` for the endpoint (S12, S13), else derived.
    pub description: Option<String>,
}

/// The initial state a plan gives an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EndpointState {
    /// ACTIVE (unless its jack is empty).
    #[default]
    Active,
    /// DISABLED in Mmsys.cpl.
    Disabled,
    /// Its hardware is gone (NOTPRESENT).
    NotPresent,
    /// Unplugged at a plug devtopo does not model as a jack.
    Unplugged,
}

impl EndpointState {
    fn device_state(self) -> DeviceState {
        match self {
            EndpointState::Active => DeviceState::Active,
            EndpointState::Disabled => DeviceState::Disabled,
            EndpointState::NotPresent => DeviceState::NotPresent,
            EndpointState::Unplugged => DeviceState::Unplugged,
        }
    }
}

impl Unit {
    fn spec(self) -> SubunitSpec {
        let level = |channels: u32| LevelSpec::sysvad_volume(channels.max(1));
        match self {
            Unit::Volume { channels } => SubunitSpec::new("Volume", guids::KSNODETYPE_VOLUME)
                .control(ControlSpec::VolumeLevel(level(channels))),
            Unit::Mute => {
                SubunitSpec::new("Mute", guids::KSNODETYPE_MUTE).control(ControlSpec::Mute(false))
            }
            Unit::Loudness => SubunitSpec::new("Loudness", guids::KSNODETYPE_LOUDNESS)
                .control(ControlSpec::Loudness(false)),
            Unit::PeakMeter { channels } => SubunitSpec::new("Peak", guids::KSNODETYPE_PEAKMETER)
                .control(ControlSpec::PeakMeter(PeakMeterSpec::silent(
                    channels.max(1),
                ))),
            Unit::Tone { channels } => SubunitSpec::new("Tone", guids::KSNODETYPE_TONE)
                .control(ControlSpec::Bass(level(channels)))
                .control(ControlSpec::Treble(level(channels))),
        }
    }
}

/// What a group's endpoint is: its name, jack subtype, flow and color.
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

impl SystemPlan {
    /// The number of parts (connectors and subunits, endpoints' connectors included) the
    /// plan builds. O(groups).
    pub fn part_count(&self) -> usize {
        let line = |l: &Option<JackPlan>| 4 * usize::from(l.is_some());
        self.groups
            .iter()
            .map(|g| match g {
                // wave: host (+ offload host + SUM) + volume + out; topology: in + chain +
                // jack; the endpoint's connector; a line-in adds a jack, its volume, a SUM
                // and an endpoint.
                GroupPlan::Render(r) => {
                    3 + 2 * usize::from(r.offload) + 2 + r.chain.len() + 1 + line(&r.line_in)
                }
                // topology: mic + chain + out; wave: in + ADC + host; the endpoint's
                // connector; a line-in adds a jack, its volume, a MUX and an endpoint.
                GroupPlan::Capture(c) => 2 + c.chain.len() + 3 + 1 + line(&c.line_in),
                GroupPlan::Chain { volumes } => 1 + volumes,
            })
            .sum()
    }

    /// Builds the system through a [`SystemBuilder`]. O(parts).
    ///
    /// # Errors
    /// None expected: a plan only describes valid systems (a property test builds
    /// thousands); a builder [`Error`](crate::Error) would mean a bug in devtopo.
    pub fn build(&self) -> Result<System> {
        let mut b = Builder {
            b: SystemBuilder::new(),
            tag: self.tag,
            devices: 0,
        };
        for (group, plan) in self.groups.iter().enumerate() {
            match plan {
                GroupPlan::Render(r) => b.render_group(group, r)?,
                GroupPlan::Capture(c) => b.capture_group(group, c)?,
                GroupPlan::Chain { volumes } => b.chain_group(group, *volumes)?,
            }
        }
        b.b.build()
    }
}

struct Builder {
    b: SystemBuilder,
    tag: u64,
    devices: u64,
}

impl Builder {
    fn adapter(&mut self, group: usize, role: &str) -> Result<DeviceKey> {
        self.devices += 1;
        let id = format!(
            "{{2}}.\\\\?\\gen#seed_{:x}#{group}#{{6994ad04-93ef-11d0-a3cc-00a0c9223196}}\\{role}",
            self.tag
        );
        self.b.add_device(DeviceSpec::new(
            id,
            format!("{role} {group}"),
            DeviceKind::Adapter,
        ))
    }

    /// An endpoint bound to `jack` (a `Physical_External` connector of a topology filter).
    fn endpoint(&mut self, group: usize, kind: Jack, jack: PartKey, plan: &JackPlan) -> Result<()> {
        self.devices += 1;
        let render = kind.flow() == DataFlow::Out;
        let (prefix, device_kind) = if render {
            ("{0.0.0.00000000}", DeviceKind::RenderEndpoint)
        } else {
            ("{0.0.1.00000000}", DeviceKind::CaptureEndpoint)
        };
        let id = format!(
            "{prefix}.{{{:08x}-{:04x}-4000-8000-{:012x}}}",
            self.tag as u32,
            (self.tag >> 32) as u16,
            self.devices
        );
        let ep = self.b.add_device(
            DeviceSpec::new(id, format!("{} ({group})", kind.name()), device_kind)
                .state(plan.state.device_state()),
        )?;
        if let Some(text) = &plan.description {
            self.b.set_property(
                ep,
                pkey::PKEY_Device_DeviceDesc,
                PropVariant::Lpwstr(text.clone()),
            )?;
        }
        let flow = if render { DataFlow::In } else { DataFlow::Out };
        let c = self.b.add_connector(
            ep,
            ConnectorSpec::new("", flow, ConnectorType::PhysicalExternal),
        )?;
        self.b.connect(c, jack, Permanence::Transient)
    }

    fn jack(&mut self, dev: DeviceKey, kind: Jack, presence: Presence) -> Result<PartKey> {
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
                    is_connected: presence != Presence::Unplugged,
                    ..JackDescription::default()
                }]));
        if presence != Presence::NotDetected {
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

    fn volume(&mut self, dev: DeviceKey, name: &str) -> Result<PartKey> {
        self.b.add_subunit(
            dev,
            SubunitSpec::new(name, guids::KSNODETYPE_VOLUME)
                .control(ControlSpec::VolumeLevel(LevelSpec::sysvad_volume(2))),
        )
    }

    fn sum(&mut self, dev: DeviceKey) -> Result<PartKey> {
        self.b
            .add_subunit(dev, SubunitSpec::new("Sum", guids::KSNODETYPE_SUM))
    }

    /// `from` -> the chain's subunits; returns the last part.
    fn chain(&mut self, dev: DeviceKey, from: PartKey, units: &[Unit]) -> Result<PartKey> {
        let mut at = from;
        for unit in units {
            let s = self.b.add_subunit(dev, unit.spec())?;
            self.b.add_link(at, s)?;
            at = s;
        }
        Ok(at)
    }

    fn render_group(&mut self, group: usize, plan: &RenderPlan) -> Result<()> {
        let w = self.adapter(group, "wave")?;
        let host = self.host(w, "Host", DataFlow::In)?;
        let mut at = host;
        if plan.offload {
            let host2 = self.host(w, "Host (offload)", DataFlow::In)?;
            let sum = self.sum(w)?;
            self.b.add_link(host, sum)?;
            self.b.add_link(host2, sum)?;
            at = sum;
        }
        let vol = self.volume(w, "Wave Volume")?;
        self.b.add_link(at, vol)?;
        let out = self.fixed(w, "Wave Out", DataFlow::Out)?;
        self.b.add_link(vol, out)?;

        let t = self.adapter(group, "topo")?;
        let fixed_in = self.fixed(t, "Wave In", DataFlow::In)?;
        self.b.connect(out, fixed_in, Permanence::Permanent)?;
        let kind = match plan.output_kind {
            OutputKind::Headphones => Jack::Headphones,
            OutputKind::Speakers => Jack::Speakers,
        };
        let last = self.chain(t, fixed_in, &plan.chain)?;
        match &plan.line_in {
            Some(line) => {
                let aux = self.jack(t, Jack::LineIn, line.presence)?;
                let aux_vol = self.volume(t, "Line In Volume")?;
                self.b.add_link(aux, aux_vol)?;
                let sum = self.sum(t)?;
                self.b.add_link(last, sum)?;
                self.b.add_link(aux_vol, sum)?;
                let jack = self.jack(t, kind, plan.output.presence)?;
                self.b.add_link(sum, jack)?;
                self.endpoint(group, kind, jack, &plan.output)?;
                self.endpoint(group, Jack::LineIn, aux, line)
            }
            None => {
                let jack = self.jack(t, kind, plan.output.presence)?;
                self.b.add_link(last, jack)?;
                self.endpoint(group, kind, jack, &plan.output)
            }
        }
    }

    fn capture_group(&mut self, group: usize, plan: &CapturePlan) -> Result<()> {
        let t = self.adapter(group, "topo")?;
        let mic = self.jack(t, Jack::Microphone, plan.mic.presence)?;
        let last = self.chain(t, mic, &plan.chain)?;
        let out = match &plan.line_in {
            Some(line_plan) => {
                let line = self.jack(t, Jack::LineIn, line_plan.presence)?;
                let line_vol = self.volume(t, "Line In Volume")?;
                self.b.add_link(line, line_vol)?;
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
                self.endpoint(group, Jack::LineIn, line, line_plan)?;
                out
            }
            None => {
                let out = self.fixed(t, "Capture Out", DataFlow::Out)?;
                self.b.add_link(last, out)?;
                out
            }
        };
        self.endpoint(group, Jack::Microphone, mic, &plan.mic)?;

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

    fn chain_group(&mut self, group: usize, volumes: usize) -> Result<()> {
        let dev = self.adapter(group, "extra")?;
        let host = self.host(dev, "Host", DataFlow::In)?;
        let mut at = host;
        for _ in 0..volumes {
            let s = self.volume(dev, "Volume")?;
            self.b.add_link(at, s)?;
            at = s;
        }
        Ok(())
    }
}
