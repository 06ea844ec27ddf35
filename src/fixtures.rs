//! Ready-made reference topologies (`../shared/spec/reference-topologies.md`), for tests and
//! examples.

use crate::engine::{ConnectorSpec, DeviceSpec, SubunitSpec, SystemBuilder};
use crate::error::Result;
use crate::guid::guids;
use crate::system::System;
use crate::types::{ConnectorType, DataFlow, DeviceKind, LocalId, Permanence};

/// Device ID of "Endpoint Device A" (line input) in [`four_topologies`].
pub const FOUR_EPA: &str = "{0.0.1.00000000}.{8b7c5a40-0d2e-4f5a-9a4e-0000000000a1}";
/// Device ID of "Endpoint Device B" (microphone) in [`four_topologies`].
pub const FOUR_EPB: &str = "{0.0.1.00000000}.{8b7c5a40-0d2e-4f5a-9a4e-0000000000b2}";
/// Device ID of the "Input Multiplexer Device" in [`four_topologies`].
pub const FOUR_MUX: &str =
    "{2}.\\\\?\\pci#example#{6994ad04-93ef-11d0-a3cc-00a0c9223196}\\inputmux";
/// Device ID of the "Wave Capture Device" in [`four_topologies`].
pub const FOUR_WAV: &str =
    "{2}.\\\\?\\pci#example#{6994ad04-93ef-11d0-a3cc-00a0c9223196}\\wavecapture";

/// The four-topology example of the "Device Topologies" page (reference topologies, part A):
/// two capture endpoints (line in, microphone) connected to an input-multiplexer device,
/// which is permanently connected to a wave-capture device. All four devices are ACTIVE.
///
/// # Errors
/// None in practice: the fixture is valid; the `Result` carries the builder's checks.
pub fn four_topologies() -> Result<System> {
    let mut b = SystemBuilder::new();
    let capture = |id, name| DeviceSpec::new(id, name, DeviceKind::CaptureEndpoint);
    let epa = b.add_device(capture(FOUR_EPA, "Endpoint Device A"))?;
    let epb = b.add_device(capture(FOUR_EPB, "Endpoint Device B"))?;
    let mux = b.add_device(DeviceSpec::new(
        FOUR_MUX,
        "Input Multiplexer Device",
        DeviceKind::Adapter,
    ))?;
    let wav = b.add_device(DeviceSpec::new(
        FOUR_WAV,
        "Wave Capture Device",
        DeviceKind::Adapter,
    ))?;

    let ext = ConnectorType::PhysicalExternal;
    let epa_c = b.add_connector(
        epa,
        ConnectorSpec::new("", DataFlow::Out, ext).subtype(guids::KSNODETYPE_LINE_CONNECTOR),
    )?;
    let epb_c = b.add_connector(
        epb,
        ConnectorSpec::new("", DataFlow::Out, ext).subtype(guids::KSNODETYPE_MICROPHONE),
    )?;

    let line = b.add_connector(
        mux,
        ConnectorSpec::new("Line In", DataFlow::In, ext).subtype(guids::KSNODETYPE_LINE_CONNECTOR),
    )?;
    let mic = b.add_connector(
        mux,
        ConnectorSpec::new("Microphone", DataFlow::In, ext).subtype(guids::KSNODETYPE_MICROPHONE),
    )?;
    let cd = b.add_connector(
        mux,
        ConnectorSpec::new("CD", DataFlow::In, ConnectorType::PhysicalInternal)
            .subtype(guids::KSNODETYPE_CD_PLAYER),
    )?;
    let mux_out = b.add_connector(
        mux,
        ConnectorSpec::new("", DataFlow::Out, ConnectorType::SoftwareFixed),
    )?;
    let mut last = Vec::new();
    for (input, what) in [(line, "Line"), (mic, "Mic"), (cd, "CD")] {
        let mute = b.add_subunit(
            mux,
            SubunitSpec::new(format!("Mute ({what})"), guids::KSNODETYPE_MUTE),
        )?;
        let vol = b.add_subunit(
            mux,
            SubunitSpec::new(format!("Vol ({what})"), guids::KSNODETYPE_VOLUME),
        )?;
        b.add_link(input, mute)?;
        b.add_link(mute, vol)?;
        last.push(vol);
    }
    let selector = b.add_subunit(
        mux,
        SubunitSpec::new("MUX", guids::KSNODETYPE_MUX).local_id(LocalId::subunit(6)),
    )?;
    for vol in last {
        b.add_link(vol, selector)?;
    }
    b.add_link(selector, mux_out)?;

    let wav_in = b.add_connector(
        wav,
        ConnectorSpec::new("", DataFlow::In, ConnectorType::SoftwareFixed),
    )?;
    let wav_out = b.add_connector(
        wav,
        ConnectorSpec::new(
            "Wave-In Stream (DMA)",
            DataFlow::Out,
            ConnectorType::SoftwareIo,
        ),
    )?;
    let adc = b.add_subunit(wav, SubunitSpec::new("ADC", guids::KSNODETYPE_ADC))?;
    b.add_link(wav_in, adc)?;
    b.add_link(adc, wav_out)?;

    b.connect(epa_c, line, Permanence::Transient)?;
    b.connect(epb_c, mic, Permanence::Transient)?;
    b.connect(mux_out, wav_in, Permanence::Permanent)?;
    b.build()
}
