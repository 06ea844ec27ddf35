//! The deferred state rule (X78): after `ConnectTo`/`Disconnect` with nobody listening (no
//! endpoint sink, event log off) the endpoint a connection touched is only marked, and the
//! rule (B2, B4, X27) is applied to the marked endpoints at the next acquisition of the
//! system's lock by anything but another connection change ([`Engine::settle`], called by
//! `Shared::read` and `Shared::write`). States and defaults are functions of the wiring and
//! the conditions, not of the order of the changes, so every reader sees what the eager rule
//! gives.
//!
//! Marking is a flag in the device's slot (`DeviceSlot::unsettled`) plus, the first time,
//! the slot's index in a list: O(1), and no allocation once the list has grown.

use super::Engine;

/// "No device": a connection between two adapters touches no endpoint, so marks nothing.
pub(crate) const NO_DEVICE: u32 = u32::MAX;

impl Engine {
    /// True while someone would hear about a state change now: an endpoint sink is
    /// registered or the event log is on. Then the state rule runs inside the call, with its
    /// events (Y6, X72); otherwise it is deferred (X78).
    #[inline(always)]
    pub(crate) fn listening(&self) -> bool {
        !self.mm.sinks.is_empty() || self.events.is_on()
    }

    /// The state rule after a connection change between devices `a` and `b` (B2, B4, X27):
    /// only the endpoints among the two can move. With someone listening
    /// ([`Engine::listening`]), applied now, with its events (as [`Engine::refresh_exact`]);
    /// otherwise both are marked ([`Engine::defer`]). O(1) when deferred.
    pub(crate) fn refresh_connection(&mut self, a: u32, b: u32) {
        if self.listening() {
            self.settle();
            self.refresh_exact(&[a, b]);
            return;
        }
        self.defer(a);
        self.defer(b);
    }

    /// Marks device slot `ix` for the deferred state rule (X78); [`NO_DEVICE`] (or any index
    /// without a slot) marks nothing. An adapter may be marked: settling applies the rule to
    /// the endpoints among the marked only (an adapter's state is its own conditions).
    /// O(1): a flag test when the slot is already marked.
    #[inline(always)]
    pub(crate) fn defer(&mut self, ix: u32) {
        if let Some(slot) = self.devices.get_mut(ix as usize) {
            if !slot.unsettled {
                slot.unsettled = true;
                self.enlist_unsettled(ix);
            }
        }
    }

    /// The first mark of a slot since the last settling: its index joins the list.
    #[cold]
    #[inline(never)]
    fn enlist_unsettled(&mut self, ix: u32) {
        self.mm.unsettled.push(ix);
    }

    /// True when no deferred state rule is pending (X78).
    #[inline(always)]
    pub(crate) fn is_settled(&self) -> bool {
        self.mm.unsettled.is_empty()
    }

    /// Applies the deferred state rule (X78) to the devices [`Engine::defer`] marked
    /// (endpoints only: [`Engine::refresh_exact`]), then elects the defaults of the flows that
    /// moved. Queues no event: it only runs deferred work while nobody listens (a sink's
    /// registration and the log's switch take the lock, so they settle first).
    /// O(marked endpoints + log endpoints); one branch when nothing is marked.
    #[inline]
    pub(crate) fn settle(&mut self) {
        if !self.is_settled() {
            self.settle_marked();
        }
    }

    #[cold]
    #[inline(never)]
    fn settle_marked(&mut self) {
        let list = std::mem::take(&mut self.mm.unsettled);
        for &ix in &list {
            if let Some(slot) = self.devices.get_mut(ix as usize) {
                slot.unsettled = false;
            }
        }
        self.refresh_exact(&list);
        // Keep the buffer: the next deferral does not allocate.
        let mut list = list;
        list.clear();
        self.mm.unsettled = list;
    }
}
