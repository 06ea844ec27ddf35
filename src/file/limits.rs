//! Sane limits on topology files, so a hostile file cannot exhaust memory (issue 4), and
//! [`Limits`] to raise or lift them for files one trusts (issue 11).
//!
//! Every limit is checked while the file is read (collections are counted as they are
//! deserialized, not after), and the error names the limit that was hit and its value. The
//! limits in effect for one load are kept in a thread-local for the duration of that load
//! (serde's `deserialize_with` functions take no arguments), set and restored by [`scoped`].

use std::cell::Cell;
use std::fmt;

/// One limit on topology files. [`Limit::value`] gives its value; the table is in
/// `docs/topology-files.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// The size of a file in bytes: 1 MiB.
    FileBytes,
    /// Devices in one file: 1024.
    Devices,
    /// Parts (connectors plus subunits) of one device: 4096.
    PartsPerDevice,
    /// Links inside one device: 16384.
    LinksPerDevice,
    /// Connections in one file: 4096.
    Connections,
    /// The length in bytes of one string (device ID, name, part reference, ...): 1024.
    TextBytes,
    /// Steps in one scenario file: 10000.
    ScenarioSteps,
    /// Control interfaces of one part: 64.
    ControlsPerPart,
    /// Channels of one level control or peak meter: 1024.
    Channels,
    /// Jacks of one jack-description control: 256.
    Jacks,
    /// Formats of one `IKsFormatSupport` control: 1024.
    Formats,
}

impl Limit {
    /// Every limit.
    pub const ALL: &'static [Limit] = &[
        Limit::FileBytes,
        Limit::Devices,
        Limit::PartsPerDevice,
        Limit::LinksPerDevice,
        Limit::Connections,
        Limit::TextBytes,
        Limit::ScenarioSteps,
        Limit::ControlsPerPart,
        Limit::Channels,
        Limit::Jacks,
        Limit::Formats,
    ];

    /// The limit's name, as printed in errors (`max_devices`).
    pub const fn name(self) -> &'static str {
        match self {
            Limit::FileBytes => "max_file_bytes",
            Limit::Devices => "max_devices",
            Limit::PartsPerDevice => "max_parts_per_device",
            Limit::LinksPerDevice => "max_links_per_device",
            Limit::Connections => "max_connections",
            Limit::TextBytes => "max_text_bytes",
            Limit::ScenarioSteps => "max_scenario_steps",
            Limit::ControlsPerPart => "max_controls_per_part",
            Limit::Channels => "max_channels",
            Limit::Jacks => "max_jacks",
            Limit::Formats => "max_formats",
        }
    }

    /// The limit named `name` (`max_devices`), as in the docs' limits table.
    pub fn from_name(name: &str) -> Option<Limit> {
        Limit::ALL.iter().copied().find(|l| l.name() == name)
    }

    /// The limit's default value (what [`Limits::default`] has).
    pub const fn value(self) -> usize {
        match self {
            Limit::FileBytes => 1 << 20,
            Limit::Devices => 1024,
            Limit::PartsPerDevice => 4096,
            Limit::LinksPerDevice => 16384,
            Limit::Connections => 4096,
            Limit::TextBytes => 1024,
            Limit::ScenarioSteps => 10_000,
            Limit::ControlsPerPart => 64,
            Limit::Channels => 1024,
            Limit::Jacks => 256,
            Limit::Formats => 1024,
        }
    }

    /// What the limit counts, for messages.
    const fn counts(self) -> &'static str {
        match self {
            Limit::FileBytes => "bytes in a file",
            Limit::Devices => "devices",
            Limit::PartsPerDevice => "parts in one device",
            Limit::LinksPerDevice => "links in one device",
            Limit::Connections => "connections",
            Limit::TextBytes => "bytes in one string",
            Limit::ScenarioSteps => "steps in a scenario",
            Limit::ControlsPerPart => "controls on one part",
            Limit::Channels => "channels of one control",
            Limit::Jacks => "jacks of one control",
            Limit::Formats => "formats of one control",
        }
    }

    /// The message of a custom deserialization error for this limit at `value`;
    /// [`Limit::from_message`] recognises it again.
    pub(crate) fn message(self, value: usize) -> String {
        format!(
            "limit {} = {value} exceeded: more than {value} {}",
            self.name(),
            self.counts()
        )
    }

    /// The limit and value named by a message made by [`Limit::message`], if any.
    pub(crate) fn from_message(message: &str) -> Option<(Limit, usize)> {
        let rest = message.strip_prefix("limit ")?;
        let limit = Limit::ALL
            .iter()
            .copied()
            .find(|l| rest.starts_with(l.name()) && rest[l.name().len()..].starts_with(" = "))?;
        let value = rest[limit.name().len() + 3..]
            .split(' ')
            .next()?
            .parse()
            .ok()?;
        Some((limit, value))
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {}", self.name(), self.value())
    }
}

/// The limits one load applies: every [`Limit`] with a value. [`Limits::default`] is the
/// safe set for untrusted files (the table in `docs/topology-files.md`);
/// [`Limits::none`] lifts every limit, for generated or trusted files of any size.
///
/// ```
/// use devtopo::file::{Limit, Limits};
/// let mut limits = Limits::default();
/// limits.set(Limit::Devices, 100_000);
/// limits.apply("max_connections=200000")?;
/// assert_eq!(limits.get(Limit::Connections), 200_000);
/// assert_eq!(limits.get(Limit::FileBytes), 1 << 20);
/// assert_eq!(Limits::none().get(Limit::FileBytes), usize::MAX);
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    values: [usize; Limit::ALL.len()],
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

impl Limits {
    /// The defaults: [`Limit::value`] of each.
    pub const DEFAULT: Limits = {
        let mut values = [0; Limit::ALL.len()];
        let mut i = 0;
        while i < Limit::ALL.len() {
            values[i] = Limit::ALL[i].value();
            i += 1;
        }
        Limits { values }
    };

    /// No limit at all (each is `usize::MAX`): only memory bounds what a file may hold.
    pub const fn none() -> Limits {
        Limits {
            values: [usize::MAX; Limit::ALL.len()],
        }
    }

    fn slot(limit: Limit) -> usize {
        Limit::ALL.iter().position(|l| *l == limit).unwrap_or(0)
    }

    /// The value of one limit.
    pub fn get(&self, limit: Limit) -> usize {
        self.values[Limits::slot(limit)]
    }

    /// Sets one limit.
    pub fn set(&mut self, limit: Limit, value: usize) -> &mut Limits {
        self.values[Limits::slot(limit)] = value;
        self
    }

    /// Applies `NAME=VALUE` (`max_devices=100000`; `VALUE` may be `none` for no limit), as
    /// the CLI's `--limit` takes it.
    ///
    /// # Errors
    /// A message naming the unknown limit (and listing the known ones) or the bad value.
    pub fn apply(&mut self, assignment: &str) -> Result<&mut Limits, String> {
        let (name, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("`{assignment}` is not NAME=VALUE (e.g. max_devices=100000)"))?;
        let (name, value) = (name.trim(), value.trim());
        let limit = Limit::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = Limit::ALL.iter().map(|l| l.name()).collect();
            format!(
                "unknown limit `{name}`; the limits are {}",
                names.join(", ")
            )
        })?;
        let value = match value {
            "none" | "unlimited" => usize::MAX,
            v => v.replace('_', "").parse::<usize>().map_err(|_| {
                format!("the value of {name} must be a whole number or `none`, not `{v}`")
            })?,
        };
        Ok(self.set(limit, value))
    }
}

thread_local! {
    /// The limits of the load running on this thread.
    static ACTIVE: Cell<Limits> = const { Cell::new(Limits::DEFAULT) };
}

/// The limits in effect on this thread (the defaults outside [`scoped`]).
pub(crate) fn active() -> Limits {
    ACTIVE.with(Cell::get)
}

/// The value of one limit in effect on this thread.
pub(crate) fn active_value(limit: Limit) -> usize {
    active().get(limit)
}

/// Runs `f` with `limits` in effect on this thread, restoring the previous ones afterwards
/// (also when `f` panics).
pub(crate) fn scoped<R>(limits: &Limits, f: impl FnOnce() -> R) -> R {
    struct Restore(Limits);
    impl Drop for Restore {
        fn drop(&mut self) {
            ACTIVE.with(|a| a.set(self.0));
        }
    }
    let _restore = Restore(ACTIVE.with(|a| a.replace(*limits)));
    f()
}

/// `deserialize_with` helpers that count while they read.
pub(crate) mod bounded {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

    use super::Limit;

    struct BoundedSeq<T> {
        limit: Limit,
        marker: PhantomData<T>,
    }

    impl<'de, T: Deserialize<'de>> Visitor<'de> for BoundedSeq<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a list of at most {} entries",
                super::active_value(self.limit)
            )
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let max = super::active_value(self.limit);
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                if items.len() == max {
                    return Err(de::Error::custom(self.limit.message(max)));
                }
                items.push(item);
            }
            Ok(items)
        }
    }

    /// A list of at most as many entries as the limit in effect allows.
    pub(crate) fn seq<'de, D, T>(deserializer: D, limit: Limit) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        deserializer.deserialize_seq(BoundedSeq {
            limit,
            marker: PhantomData,
        })
    }

    macro_rules! bounded_fns {
        ($($name:ident => $limit:ident;)*) => {$(
            pub(crate) fn $name<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
            where
                D: Deserializer<'de>,
                T: Deserialize<'de>,
            {
                seq(deserializer, Limit::$limit)
            }
        )*};
    }

    bounded_fns! {
        devices => Devices;
        parts => PartsPerDevice;
        links => LinksPerDevice;
        connections => Connections;
        controls => ControlsPerPart;
        channels => Channels;
        jacks => Jacks;
        formats => Formats;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        for limit in Limit::ALL {
            assert_eq!(Limit::from_message(&limit.message(7)), Some((*limit, 7)));
            assert_eq!(Limit::from_name(limit.name()), Some(*limit));
        }
        assert_eq!(Limit::from_message("limit nonsense"), None);
    }
}

#[cfg(test)]
mod limits_tests {
    use super::*;

    #[test]
    fn scoped_restores() {
        let mut raised = Limits::default();
        raised.set(Limit::Devices, 5);
        assert_eq!(active_value(Limit::Devices), 1024);
        scoped(&raised, || {
            assert_eq!(active_value(Limit::Devices), 5);
            scoped(&Limits::none(), || {
                assert_eq!(active_value(Limit::Devices), usize::MAX)
            });
            assert_eq!(active_value(Limit::Devices), 5);
        });
        assert_eq!(active_value(Limit::Devices), 1024);
        let mut l = Limits::default();
        assert!(l.apply("max_nothing=3").is_err());
        assert!(l.apply("max_devices=x").is_err());
        assert_eq!(
            l.apply("max_devices=none").map(|l| l.get(Limit::Devices)),
            Ok(usize::MAX)
        );
    }
}
