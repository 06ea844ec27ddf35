//! The matcher API: [`calls`] selects recorded calls, an [`Expectation`] counts them, and
//! [`Record::check`] / [`Record::assert`] compare.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use devtopo::*;
//! use devtopo::Method::*;
//! let system = fixtures::sysvad()?;
//! system.recorder().start();
//! let speakers = system.device(fixtures::SYSVAD_SPEAKER_ENDPOINT)?;
//! speakers.open_property_store(STGM_READ)?.count()?;
//! let record = system.recorder().record();
//! // "never opened a property store for writing"
//! record.assert(calls(IMMDevice_OpenPropertyStore).with_arg("access", ArgValue::is_write_access).never());
//! record.assert(calls(IMMDevice_OpenPropertyStore).arg("access", StoreAccess::Read).once());
//! record.assert(any_call().at_device(fixtures::SYSVAD_SPEAKER_ENDPOINT).exactly(3));
//! # }
//! # Ok::<(), devtopo::Error>(())
//! ```

use std::fmt;
use std::sync::Arc;

use super::{ArgValue, CallRecord, Method, Record, Target};
use crate::hresult::HResult;
use crate::types::LocalId;

/// The recorded calls of `method` (narrow them further with the builder methods).
pub fn calls(method: Method) -> Calls {
    Calls {
        method: Some(method),
        ..any_call()
    }
}

/// Every recorded call (narrow with the builder methods).
pub fn any_call() -> Calls {
    Calls {
        method: None,
        target: Target::System,
        filters: Vec::new(),
    }
}

/// One condition of a [`Calls`] selection beyond method and target.
#[derive(Clone)]
enum Filter {
    Arg(&'static str, ArgValue),
    ArgWith(&'static str, Arc<dyn Fn(&ArgValue) -> bool + Send + Sync>),
    Result(HResult),
    Failed,
    Succeeded,
    Faulted,
    NotFaulted,
    With(Arc<dyn Fn(&CallRecord) -> bool + Send + Sync>),
}

impl Filter {
    fn matches(&self, call: &CallRecord) -> bool {
        match self {
            Filter::Arg(name, value) => call.arg(name) == Some(value),
            Filter::ArgWith(name, f) => call.arg(name).is_some_and(|v| f(v)),
            Filter::Result(hr) => call.result == *hr,
            Filter::Failed => !call.result.is_ok(),
            Filter::Succeeded => call.result.is_ok(),
            Filter::Faulted => call.fault.is_some(),
            Filter::NotFaulted => call.fault.is_none(),
            Filter::With(f) => f(call),
        }
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Filter::Arg(name, value) => write!(f, "with {name}={value}"),
            Filter::ArgWith(name, _) => write!(f, "with {name} as tested"),
            Filter::Result(hr) => match hr.name() {
                Some(n) => write!(f, "returning {n}"),
                None => write!(f, "returning {hr}"),
            },
            Filter::Failed => f.write_str("failing"),
            Filter::Succeeded => f.write_str("succeeding"),
            Filter::Faulted => f.write_str("faulted"),
            Filter::NotFaulted => f.write_str("not faulted"),
            Filter::With(_) => f.write_str("passing the test's check"),
        }
    }
}

/// A selection of recorded calls: a method (or any), a target, and conditions on
/// arguments and results. Count it with [`Calls::exactly`], [`Calls::never`], ...
#[derive(Clone)]
pub struct Calls {
    method: Option<Method>,
    target: Target,
    filters: Vec<Filter>,
}

impl Calls {
    fn filter(mut self, filter: Filter) -> Calls {
        self.filters.push(filter);
        self
    }

    /// Only calls within `target` (see [`Target::contains`]).
    pub fn at(self, target: Target) -> Calls {
        Calls { target, ..self }
    }

    /// Only calls on this device or its parts.
    pub fn at_device(self, device: &str) -> Calls {
        self.at(Target::device(device))
    }

    /// Only calls on this part or its controls.
    pub fn at_part(self, device: &str, local_id: LocalId) -> Calls {
        self.at(Target::part(device, local_id))
    }

    /// Only calls whose argument `name` equals `value`.
    pub fn arg(self, name: &'static str, value: impl Into<ArgValue>) -> Calls {
        self.filter(Filter::Arg(name, value.into()))
    }

    /// Only calls with an argument `name` for which `test` holds.
    pub fn with_arg(
        self,
        name: &'static str,
        test: impl Fn(&ArgValue) -> bool + Send + Sync + 'static,
    ) -> Calls {
        self.filter(Filter::ArgWith(name, Arc::new(test)))
    }

    /// Only calls that returned `hresult`.
    pub fn returning(self, hresult: HResult) -> Calls {
        self.filter(Filter::Result(hresult))
    }

    /// Only calls that failed.
    pub fn failing(self) -> Calls {
        self.filter(Filter::Failed)
    }

    /// Only calls that succeeded.
    pub fn succeeding(self) -> Calls {
        self.filter(Filter::Succeeded)
    }

    /// Only calls a fault fired on.
    pub fn faulted(self) -> Calls {
        self.filter(Filter::Faulted)
    }

    /// Only calls no fault fired on.
    pub fn not_faulted(self) -> Calls {
        self.filter(Filter::NotFaulted)
    }

    /// Only calls for which `test` holds.
    pub fn with(self, test: impl Fn(&CallRecord) -> bool + Send + Sync + 'static) -> Calls {
        self.filter(Filter::With(Arc::new(test)))
    }

    /// True when `call` is selected. O(number of conditions).
    pub fn matches(&self, call: &CallRecord) -> bool {
        self.method.is_none_or(|m| m == call.method)
            && self.target.contains(call.target)
            && self.filters.iter().all(|f| f.matches(call))
    }

    fn expect(self, count: Count) -> Expectation {
        Expectation { calls: self, count }
    }

    /// Exactly `n` such calls.
    pub fn exactly(self, n: usize) -> Expectation {
        self.expect(Count::Exactly(n))
    }

    /// No such call.
    pub fn never(self) -> Expectation {
        self.exactly(0)
    }

    /// Exactly one such call.
    pub fn once(self) -> Expectation {
        self.exactly(1)
    }

    /// At least `n` such calls.
    pub fn at_least(self, n: usize) -> Expectation {
        self.expect(Count::AtLeast(n))
    }

    /// At most `n` such calls.
    pub fn at_most(self, n: usize) -> Expectation {
        self.expect(Count::AtMost(n))
    }
}

impl fmt::Display for Calls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.method {
            Some(m) => write!(f, "{m}")?,
            None => f.write_str("any call")?,
        }
        if self.target != Target::System {
            write!(f, " at {}", self.target)?;
        }
        for filter in &self.filters {
            write!(f, " {filter}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Calls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Calls({self})")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    Exactly(usize),
    AtLeast(usize),
    AtMost(usize),
}

impl Count {
    fn holds(self, n: usize) -> bool {
        match self {
            Count::Exactly(k) => n == k,
            Count::AtLeast(k) => n >= k,
            Count::AtMost(k) => n <= k,
        }
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let times = |k: usize| if k == 1 { "time" } else { "times" };
        match *self {
            Count::Exactly(0) => f.write_str("never"),
            Count::Exactly(k) => write!(f, "exactly {k} {}", times(k)),
            Count::AtLeast(k) => write!(f, "at least {k} {}", times(k)),
            Count::AtMost(k) => write!(f, "at most {k} {}", times(k)),
        }
    }
}

/// How many calls of a selection a record must hold: made by [`Calls::exactly`],
/// [`Calls::never`], [`Calls::once`], [`Calls::at_least`], [`Calls::at_most`].
#[derive(Debug, Clone)]
pub struct Expectation {
    calls: Calls,
    count: Count,
}

impl fmt::Display for Expectation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.calls, self.count)
    }
}

/// A record that did not meet an [`Expectation`]: displays the expectation, the calls that
/// matched and the whole record.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The expectation, as text.
    pub expected: String,
    /// The calls that matched it.
    pub matched: Vec<CallRecord>,
    /// The whole record.
    pub record: Record,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "expected {}, found {} matching:",
            self.expected,
            self.matched.len()
        )?;
        for call in &self.matched {
            writeln!(f, "  {call}")?;
        }
        writeln!(f, "the record:")?;
        for call in self.record.iter() {
            writeln!(f, "  {call}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Mismatch {}

impl Record {
    /// The calls `calls` selects, in sequence order.
    pub fn matching<'a>(&'a self, calls: &'a Calls) -> impl Iterator<Item = &'a CallRecord> + 'a {
        self.calls.iter().filter(move |c| calls.matches(c))
    }

    /// How many calls `calls` selects. O(length of the record).
    pub fn count(&self, calls: &Calls) -> usize {
        self.matching(calls).count()
    }

    /// Whether the record meets `expectation`.
    ///
    /// # Errors
    /// A [`Mismatch`] naming the expectation, the calls that matched and the record.
    pub fn check(&self, expectation: &Expectation) -> Result<(), Mismatch> {
        let matched: Vec<CallRecord> = self.matching(&expectation.calls).cloned().collect();
        if expectation.count.holds(matched.len()) {
            Ok(())
        } else {
            Err(Mismatch {
                expected: expectation.to_string(),
                matched,
                record: self.clone(),
            })
        }
    }

    /// Asserts that the record meets `expectation`, as `assert!` does in a test.
    ///
    /// # Panics
    /// When it does not, with the [`Mismatch`] as the message.
    #[track_caller]
    pub fn assert(&self, expectation: Expectation) {
        if let Err(mismatch) = self.check(&expectation) {
            panic!("{mismatch}");
        }
    }

    /// Whether calls matching `first` all come before calls matching `then` (true when
    /// either selects none). O(length of the record).
    pub fn all_before(&self, first: &Calls, then: &Calls) -> bool {
        let last_first = self.calls.iter().rposition(|c| first.matches(c));
        let first_then = self.calls.iter().position(|c| then.matches(c));
        match (last_first, first_then) {
            (Some(a), Some(b)) => a < b,
            _ => true,
        }
    }
}
