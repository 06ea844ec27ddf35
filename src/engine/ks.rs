//! `IKsControl` on adapter devices (Q1-Q11, X61): the per-adapter handler table and request
//! log. The engine only looks handlers up and logs; handlers run with no lock held (the
//! handle `KsControl` calls them).

use std::collections::HashMap;
use std::sync::Arc;

use super::Engine;
use crate::guid::Guid;
use crate::hresult::HResult;
use crate::properties::{KsHandler, KsRequest, KsRequestKind, ks};

/// `HRESULT_FROM_WIN32(ERROR_SET_NOT_FOUND)` (H22): no handler for the set (X61).
pub(crate) const E_PROP_SET_UNSUPPORTED: HResult = HResult::E_PROP_SET_UNSUPPORTED;
/// `HRESULT_FROM_WIN32(ERROR_NOT_FOUND)` (H28): the set is known, the id is not (X61).
pub(crate) const E_PROP_ID_UNSUPPORTED: HResult = HResult::E_NOTFOUND;
/// `HRESULT_FROM_WIN32(ERROR_INVALID_FUNCTION)` (H24): the (set, id) is known, the verb
/// is not (X61).
pub(crate) const ERROR_INVALID_FUNCTION: HResult = HResult::ERROR_INVALID_FUNCTION;

/// One handler entry: (method, set, id, verb) -> handler.
#[derive(Clone)]
pub(crate) struct HandlerEntry {
    pub(crate) kind: KsRequestKind,
    pub(crate) set: Guid,
    pub(crate) id: u32,
    /// The request's flags without `KSPROPERTY_TYPE_TOPOLOGY`.
    pub(crate) verb: u32,
    pub(crate) handler: Arc<dyn KsHandler>,
}

/// One adapter's table and log.
#[derive(Clone, Default)]
pub(crate) struct KsTable {
    pub(crate) handlers: Vec<HandlerEntry>,
    pub(crate) log: Vec<KsRequest>,
}

/// Every adapter's table, by device slot.
pub(crate) type KsTables = HashMap<u32, KsTable>;

/// The verb of a request's flags (X61).
pub(crate) const fn verb_of(flags: u32) -> u32 {
    flags & !ks::KSPROPERTY_TYPE_TOPOLOGY
}

impl Engine {
    /// Installs (or replaces) the handler for (kind, set, id, verb) on an adapter.
    /// Returns the entry it replaced, for the caller to drop once the lock is released: a
    /// handler is user code, and so is its `Drop` (X20).
    #[must_use = "drop the replaced handler after the lock"]
    pub(crate) fn set_ks_handler(&mut self, ix: u32, entry: HandlerEntry) -> Vec<HandlerEntry> {
        let table = self.mm.ks.entry(ix).or_default();
        let (replaced, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut table.handlers)
            .into_iter()
            .partition(|h| {
                h.kind == entry.kind
                    && h.set == entry.set
                    && h.id == entry.id
                    && h.verb == entry.verb
            });
        table.handlers = kept;
        table.handlers.push(entry);
        replaced
    }

    /// The handler for a request, or the X61 failure: unknown set, unknown id of a known set,
    /// unknown verb of a known (set, id).
    pub(crate) fn ks_handler(
        &self,
        ix: u32,
        kind: KsRequestKind,
        set: Guid,
        id: u32,
        flags: u32,
    ) -> Result<Arc<dyn KsHandler>, HResult> {
        let handlers = self.mm.ks.get(&ix).map_or(&[][..], |t| &t.handlers[..]);
        let same_set: Vec<&HandlerEntry> = handlers
            .iter()
            .filter(|h| h.kind == kind && h.set == set)
            .collect();
        if same_set.is_empty() {
            return Err(E_PROP_SET_UNSUPPORTED);
        }
        let same_id: Vec<&&HandlerEntry> = same_set.iter().filter(|h| h.id == id).collect();
        if same_id.is_empty() {
            return Err(E_PROP_ID_UNSUPPORTED);
        }
        same_id
            .iter()
            .find(|h| h.verb == verb_of(flags))
            .map(|h| h.handler.clone())
            .ok_or(ERROR_INVALID_FUNCTION)
    }

    /// Appends a request to an adapter's log (Q11).
    pub(crate) fn log_ks_request(&mut self, ix: u32, request: KsRequest) {
        self.mm.ks.entry(ix).or_default().log.push(request);
    }
}
