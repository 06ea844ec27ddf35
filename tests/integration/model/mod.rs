//! The state-machine test (issue 12, item 6): a small reference model of connections, jack
//! presence, device states, control values, callback registrations and the notifications
//! they deliver, driven by random sequences of every mutating operation of the API, compared
//! with the engine after every step on every query the API offers, and on the snapshot
//! (G5: a failed call changes nothing, registrations included).
//!
//! The system is `topologies/four-topologies.toml` plus `model/effects.toml` (a render side
//! with every control kind). The model starts from what the files say (the first snapshot,
//! and the initial states the files declare, which set each device's conditions) and from
//! then on computes every change itself, by the rules cited on each operation. Device
//! states are not stored: the model restates the one endpoint-state rule of the MMDevice
//! layer (X27, B2, B4, X68: `Model::state`, a function of the conditions, the sensing jacks,
//! the connection and the adapter's conditions) and the default election per (flow, role)
//! (V6, V7, B10, X38: `Model::default_endpoint`).
//!
//! Layout: [`Op`] and its strategy here; `reference` the model's state and rules; `apply`
//! each operation on both sides (`controls` for the control setters); `queries` every read.
//!
//! Extending it (MMDevice, issue 7): add the new state to [`Model`] (`reference`), the
//! operations to [`Op`] and [`op`], their rules to `Model::apply` (or a sibling like
//! `apply_control`), and the new queries to [`compare_queries`]; endpoint sinks join
//! `Model::expected_snapshot`'s registrations as a new `RegistrationSnapshot` variant.

use devtopo::*;
use proptest::prelude::*;

mod apply;
mod controls;
mod faults;
mod mm;
mod queries;
mod reference;

use apply::load;
use queries::compare_queries;
use reference::Model;

pub(super) const FOUR: &str = include_str!("../../../topologies/four-topologies.toml");
pub(super) const EFFECTS: &str = include_str!("effects.toml");

/// How many sinks the operations choose from.
pub(super) const SINKS: usize = 3;

/// The IIDs registrations choose from: every control IID (JackDescription2 is refused, N1)
/// and one that is no control at all.
fn callback_iids() -> Vec<Guid> {
    let mut iids: Vec<Guid> = ControlKind::ALL.iter().map(|k| k.iid()).collect();
    iids.push(guids::IID_IPart);
    iids
}

pub(super) const CONTEXT: Guid = Guid::from_u128(0x0bad_cafe_0000_4000_8000_0000_0000_0012);

/// One mutating operation. Indices are taken modulo what they index when applied, so any
/// value is meaningful and shrinking keeps sequences valid.
#[derive(Debug, Clone)]
pub(super) enum Op {
    Connect(u8, u8),
    Disconnect(u8),
    /// `SetLevel` on a level control: part, control, channel (may be out of range), level.
    SetLevel(u8, u8, u8, Level),
    SetLevelUniform(u8, u8, Level),
    /// `SetLevelAllChannels`; the extra count makes some calls give the wrong channel count.
    SetLevelAll(u8, u8, Vec<Level>, u8),
    /// `SetMute`, `IAudioLoudness::SetEnabled`, `IAudioAutoGainControl::SetEnabled`.
    SetSwitch(u8, bool),
    /// `SetSelection` of a MUX or DEMUX: a linked part or any part of the device.
    SetSelection(u8, u8, bool),
    SetChannelConfig(u32),
    /// `IDeviceSpecificProperty::SetValue`: part, value, byte count (4 or not).
    SetValue(u8, i32, bool),
    HardwareSetLevel(u8, u8, u8, Level),
    HardwareSetMute(u8, bool),
    FeedPeak(u8, Level),
    ReadPeak(u8),
    Plug(u8, u8, bool),
    SetState(u8, DeviceState),
    Disable(u8),
    Enable(u8),
    HardwareRemove(u8),
    RemoveDevice(u8),
    Register(u8, u8, u8),
    Unregister(u8, u8),
    /// Open a device's store in a mode (0-2, or 3: invalid), `SetValue` key and value,
    /// `Commit`, `GetValue` (`mm::key`, `mm::value`).
    StoreWrite(u8, u8, u8, u8),
    /// `Hardware::set_property`: device, key, value.
    HardwareSetProperty(u8, u8, u8),
    /// `System::set_elevated`.
    Elevate(bool),
    /// `Hardware::set_default_endpoint`: device, role.
    SetDefault(u8, u8),
    /// `System::add_devices` of `model/arrival.toml`.
    Arrive,
    RegisterEndpoint(u8),
    UnregisterEndpoint(u8),
    /// `Faults::add` on one of `faults::FAULT_METHODS` (X70, X71).
    AddFault(faults::FaultOp),
    /// `Faults::remove` of the i-th fault ever added (modulo).
    RemoveFault(u8),
    /// `Faults::clear`.
    ClearFaults,
}

/// A level request: a step of the control's grid, beyond its range, or not a number.
#[derive(Debug, Clone, Copy)]
pub(super) enum Level {
    Step(u16),
    Below,
    Above,
    NegInf,
    Nan,
}

fn level() -> impl Strategy<Value = Level> {
    prop_oneof![
        6 => any::<u16>().prop_map(Level::Step),
        1 => Just(Level::Below),
        1 => Just(Level::Above),
        1 => Just(Level::NegInf),
        1 => Just(Level::Nan),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let b = any::<u8>;
    prop_oneof![
        4 => (b(), b()).prop_map(|(x, y)| Op::Connect(x, y)),
        3 => b().prop_map(Op::Disconnect),
        3 => (b(), b(), 0u8..3, level()).prop_map(|(p, k, c, l)| Op::SetLevel(p, k, c, l)),
        1 => (b(), b(), level()).prop_map(|(p, k, l)| Op::SetLevelUniform(p, k, l)),
        1 => (b(), b(), prop::collection::vec(level(), 2), 0u8..4)
            .prop_map(|(p, k, l, n)| Op::SetLevelAll(p, k, l, n)),
        3 => (b(), any::<bool>()).prop_map(|(p, v)| Op::SetSwitch(p, v)),
        2 => (b(), b(), any::<bool>()).prop_map(|(p, s, l)| Op::SetSelection(p, s, l)),
        1 => any::<u32>().prop_map(Op::SetChannelConfig),
        2 => (b(), -12i32..13, prop::bool::weighted(0.8)).prop_map(|(p, v, w)| Op::SetValue(p, v, w)),
        1 => (b(), b(), 0u8..3, level()).prop_map(|(p, k, c, l)| Op::HardwareSetLevel(p, k, c, l)),
        1 => (b(), any::<bool>()).prop_map(|(p, v)| Op::HardwareSetMute(p, v)),
        1 => (0u8..3, level()).prop_map(|(c, l)| Op::FeedPeak(c, l)),
        1 => (0u8..3).prop_map(Op::ReadPeak),
        4 => (b(), 0u8..3, any::<bool>()).prop_map(|(c, j, p)| Op::Plug(c, j, p)),
        2 => (b(), prop::sample::select(DeviceState::ALL.to_vec()))
            .prop_map(|(d, s)| Op::SetState(d, s)),
        1 => b().prop_map(Op::Disable),
        2 => b().prop_map(Op::Enable),
        1 => b().prop_map(Op::HardwareRemove),
        1 => b().prop_map(Op::RemoveDevice),
        4 => (b(), b(), 0u8..SINKS as u8).prop_map(|(p, i, s)| Op::Register(p, i, s)),
        2 => (b(), 0u8..SINKS as u8).prop_map(|(p, s)| Op::Unregister(p, s)),
        3 => (b(), b(), b(), b()).prop_map(|(d, m, k, v)| Op::StoreWrite(d, m, k, v)),
        1 => (b(), b(), b()).prop_map(|(d, k, v)| Op::HardwareSetProperty(d, k, v)),
        1 => any::<bool>().prop_map(Op::Elevate),
        2 => (b(), b()).prop_map(|(d, r)| Op::SetDefault(d, r)),
        1 => Just(Op::Arrive),
        2 => b().prop_map(Op::RegisterEndpoint),
        1 => b().prop_map(Op::UnregisterEndpoint),
        3 => faults::fault_op().prop_map(Op::AddFault),
        1 => b().prop_map(Op::RemoveFault),
        1 => Just(Op::ClearFaults),
    ]
}

fn run(ops: &[Op]) -> std::result::Result<Model, TestCaseError> {
    let (mut sut, mut model) = load()?;
    prop_assert_eq!(
        sut.system.snapshot(),
        model.expected_snapshot(&sut.sinks, &sut.endpoint_sinks)
    );
    for op in ops {
        let before = sut.system.snapshot();
        model.faults.seen = Some(model.seen());
        drop(sut.system.recorder().take()); // the previous step's queries
        let failed = model.apply(&mut sut, op)?;
        faults::compare_records(&sut.system.recorder().take(), &mut model)?;
        faults::compare_faults(&sut, &model)?;
        let after = sut.system.snapshot();
        if failed {
            prop_assert_eq!(
                &after,
                &before,
                "G5: the failed {:?} changed the system",
                op
            );
        }
        prop_assert_eq!(
            &after,
            &model.expected_snapshot(&sut.sinks, &sut.endpoint_sinks),
            "after {:?}",
            op
        );
        // Y6, Y8, Y9, Y11, X40, X50: what each endpoint sink was told by this step.
        let events = faults::step_events(&mut model);
        for (s, sink) in sut.endpoint_sinks.iter().enumerate() {
            let want = model.told_endpoint(s, &events);
            model.endpoint_told += want.len();
            prop_assert_eq!(
                mm::normalize(sink.take()),
                mm::normalize(want),
                "endpoint sink {} after {:?}",
                s,
                op
            );
        }
        for (s, sink) in sut.sinks.iter().enumerate() {
            prop_assert_eq!(
                &sink.calls(),
                &model.told[s],
                "N5, N6: sink {} after {:?}",
                s,
                op
            );
        }
        compare_queries(&sut, &model)?;
    }
    Ok(model)
}

proptest! {
    /// C3-C12, D6, D7, D9, K2-K18, N1-N6, X17-X19, X25-X27, B2, B4, X68, V6, V7, B10, X38,
    /// X70, X71, G5: the engine agrees with the
    /// reference model after every step of random sequences of every mutating operation.
    #[test]
    fn state_machine_agrees_with_the_model(ops in prop::collection::vec(op(), 1..40)) {
        run(&ops)?;
    }
}

/// A fixed sequence that reaches every operation, so a model error shows without luck
/// (the fault operations last: X70, X71, G5).
#[test]
fn state_machine_fixed_sequence() -> std::result::Result<(), TestCaseError> {
    use Level::*;
    use Op::*;
    // Sink 0 on every control of every part, sink 1 on every third.
    let mut ops: Vec<Op> = (0..27u8)
        .flat_map(|p| (0..16u8).map(move |i| Register(p, i, if i % 3 == 0 { 1 } else { 0 })))
        .collect();
    ops.extend([
        Register(20, 0, 0),
        Register(20, 4, 1),
        Register(21, 4, 2),
        Register(0, 14, 0),
        Register(0, 15, 0),
        SetLevel(0, 0, 0, Step(5)),
        SetLevel(0, 0, 9, Step(5)),
        SetLevel(1, 1, 0, Nan),
        SetLevelUniform(2, 0, Below),
        SetLevelAll(3, 0, vec![Above, Step(3)], 0),
        SetLevelAll(3, 0, vec![Above, Step(3)], 3),
        SetSwitch(0, true),
        SetSwitch(1, true),
        SetSwitch(2, false),
        HardwareSetMute(0, false),
        HardwareSetLevel(0, 0, 1, Step(1)),
        SetSelection(0, 1, true),
        SetSelection(0, 0, false),
        SetSelection(1, 1, true),
        SetChannelConfig(0x3f),
        SetValue(0, 5, true),
        SetValue(0, 50, true),
        SetValue(1, 5, true),
        SetValue(2, 1, false),
        SetValue(2, 1, true),
        FeedPeak(0, Step(3)),
        FeedPeak(1, Nan),
        ReadPeak(0),
        ReadPeak(0),
        Plug(0, 0, false),
        Plug(2, 0, false),
        Plug(8, 1, true),
        Plug(8, 0, false),
        Plug(8, 0, true),
        Connect(0, 1),
        Connect(9, 10),
        Disconnect(9),
        Disconnect(9),
        SetState(3, DeviceState::Disabled),
        Enable(3),
        Disable(0),
        Enable(0),
        HardwareRemove(6),
        Unregister(20, 0),
        Unregister(20, 0),
        RemoveDevice(6),
        RemoveDevice(6),
        Register(26, 0, 1),
        Connect(0, 26),
        // The MMDevice operations: stores, defaults, arrival, endpoint sinks.
        RegisterEndpoint(0),
        RegisterEndpoint(1),
        RegisterEndpoint(0),
        StoreWrite(7, 1, 0, 1),
        Elevate(true),
        StoreWrite(7, 1, 0, 1),
        StoreWrite(7, 2, 0, 1),
        StoreWrite(7, 2, 0, 2),
        StoreWrite(7, 0, 1, 3),
        StoreWrite(7, 2, 2, 1),
        StoreWrite(7, 3, 0, 1),
        StoreWrite(0, 2, 1, 3),
        StoreWrite(0, 2, 1, 0),
        HardwareSetProperty(0, 2, 3),
        HardwareSetProperty(4, 0, 2),
        SetDefault(4, 0),
        SetDefault(5, 2),
        SetDefault(2, 0),
        SetDefault(0, 1),
        Plug(8, 0, false),
        Plug(8, 0, true),
        Arrive,
        Arrive,
        UnregisterEndpoint(1),
        UnregisterEndpoint(1),
        Disable(7),
        Enable(7),
        RemoveDevice(7),
        RemoveDevice(8),
        Arrive,
        RemoveDevice(7),
        Elevate(false),
        StoreWrite(9, 2, 0, 1),
    ]);
    ops.extend(faults::fixed_sequence());
    let model = run(&ops)?;
    prop_assert!(
        model.told[0].len() >= 5,
        "the sequence notifies: {:?}",
        model.told
    );
    prop_assert!(
        model.endpoint_told >= 10,
        "the sequence tells endpoint sinks: {}",
        model.endpoint_told
    );
    prop_assert!(model.devices.len() >= 11, "devices arrived");
    prop_assert!(
        model.faults.fired >= 7,
        "faults fired: {}",
        model.faults.fired
    );
    Ok(())
}
