//! `IKsControl` requests (Q1-Q11, E25): what a client sent, and the handlers a test installs
//! on an adapter to answer them.

use crate::guid::Guid;
use crate::hresult::HResult;

/// The largest `IKsControl` descriptor (`KSPROPERTY`, `KSMETHOD`, `KSEVENT` and what follows
/// it) devtopo reads: 4 KiB, the limit `max_ks_descriptor_bytes` of the limits table. Real
/// descriptors are 24 to a few hundred bytes; a longer one is refused with
/// [`Error::KsLimit`](crate::Error::KsLimit) (`E_INVALIDARG`) before it is read.
pub const MAX_KS_DESCRIPTOR_BYTES: usize = 4096;

/// The largest `IKsControl` data buffer (`DataLength`) devtopo takes: 1 MiB, the limit
/// `max_ks_data_bytes`. The request log (Q11) keeps a copy of the buffer, so a bigger one is
/// refused with [`Error::KsLimit`](crate::Error::KsLimit) (`E_INVALIDARG`) before it is
/// copied.
pub const MAX_KS_DATA_BYTES: usize = 1 << 20;

/// Which `IKsControl` method a request came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KsRequestKind {
    /// `KsProperty` (Q3).
    Property,
    /// `KsMethod` (Q6).
    Method,
    /// `KsEvent` (Q6).
    Event,
}

/// One request as the adapter received it, kept in the adapter's request log (Q11) so a test
/// can assert what the code under test sent (Q8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KsRequest {
    /// The method.
    pub kind: KsRequestKind,
    /// `KSIDENTIFIER.Set`; `None` for `KsEvent` with no event (disable, Q6).
    pub set: Option<Guid>,
    /// `KSIDENTIFIER.Id`.
    pub id: u32,
    /// `KSIDENTIFIER.Flags` (`KSPROPERTY_TYPE_GET`, ...).
    pub flags: u32,
    /// `KSNODEPROPERTY.NodeId` when the flags carry `KSPROPERTY_TYPE_TOPOLOGY` (Q5).
    pub node_id: Option<u32>,
    /// The whole descriptor as sent (`KSPROPERTY` and what follows it).
    pub descriptor: Vec<u8>,
    /// The data buffer's contents as sent (input of a SET or a method; empty for NULL).
    pub data: Vec<u8>,
    /// `cbData`: the size of the data buffer.
    pub data_capacity: u32,
    /// What devtopo answered: `S_OK` or the failure.
    pub result: HResult,
}

/// A handler for (method, set, id, verb) on one adapter (Q11). It returns the value (the
/// bytes devtopo copies into the caller's buffer by Q4's protocol; empty for NULL-valued
/// properties, Q8) or a failure `HRESULT`. It runs with no devtopo lock held, so it may call
/// back into the system, for example to reconnect a Bluetooth headset's endpoints (Q8).
/// Closures `Fn(&KsRequest) -> Result<Vec<u8>, HResult> + Send + Sync` are handlers.
pub trait KsHandler: Send + Sync {
    /// Answers one request; `request.result` is not yet known (S_OK).
    fn handle(&self, request: &KsRequest) -> Result<Vec<u8>, HResult>;
}

impl<F> KsHandler for F
where
    F: Fn(&KsRequest) -> Result<Vec<u8>, HResult> + Send + Sync,
{
    fn handle(&self, request: &KsRequest) -> Result<Vec<u8>, HResult> {
        self(request)
    }
}

/// Encodes a `KSPROPERTY` / `KSMETHOD` / `KSEVENT` (`KSIDENTIFIER`, 24 bytes, E25) as the
/// bytes a C client passes.
pub fn ks_identifier(set: Guid, id: u32, flags: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(24);
    out.extend_from_slice(&set.data1.to_le_bytes());
    out.extend_from_slice(&set.data2.to_le_bytes());
    out.extend_from_slice(&set.data3.to_le_bytes());
    out.extend_from_slice(&set.data4);
    out.extend_from_slice(&id.to_le_bytes());
    out.extend_from_slice(&flags.to_le_bytes());
    out
}

/// Encodes a `KSNODEPROPERTY` (32 bytes, E25): `flags` should carry
/// `KSPROPERTY_TYPE_TOPOLOGY`; `node_id` is the subunit's local ID & 0xFFFF (Q5).
pub fn ks_node_property(set: Guid, id: u32, flags: u32, node_id: u32) -> Vec<u8> {
    let mut out = ks_identifier(set, id, flags);
    out.extend_from_slice(&node_id.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out
}

/// Decodes the `KSIDENTIFIER` at the start of a descriptor.
pub(crate) fn parse_identifier(bytes: &[u8]) -> Option<(Guid, u32, u32)> {
    let u32_at = |i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?))
    };
    let u16_at = |i: usize| -> Option<u16> {
        Some(u16::from_le_bytes(bytes.get(i..i + 2)?.try_into().ok()?))
    };
    let data4: [u8; 8] = bytes.get(8..16)?.try_into().ok()?;
    let set = Guid {
        data1: u32_at(0)?,
        data2: u16_at(4)?,
        data3: u16_at(6)?,
        data4,
    };
    Some((set, u32_at(16)?, u32_at(20)?))
}

/// Decodes `KSNODEPROPERTY.NodeId` (bytes 24..28).
pub(crate) fn parse_node_id(bytes: &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(24..28)?.try_into().ok()?))
}
