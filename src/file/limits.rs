//! Sane limits on topology files, so a hostile file cannot exhaust memory (issue 4).
//!
//! Every limit is checked while the file is read (collections are counted as they are
//! deserialized, not after), and the error names the limit that was hit and its value.

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

    /// The limit's value.
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

    /// The message of a custom deserialization error for this limit; [`Limit::from_message`]
    /// recognises it again.
    pub(crate) fn message(self) -> String {
        format!(
            "limit {} = {} exceeded: more than {} {}",
            self.name(),
            self.value(),
            self.value(),
            self.counts()
        )
    }

    /// The limit named by a message made by [`Limit::message`], if any.
    pub(crate) fn from_message(message: &str) -> Option<Limit> {
        let rest = message.strip_prefix("limit ")?;
        Limit::ALL
            .iter()
            .copied()
            .find(|l| rest.starts_with(l.name()) && rest[l.name().len()..].starts_with(" = "))
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {}", self.name(), self.value())
    }
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
            write!(f, "a list of at most {} entries", self.limit.value())
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                if items.len() == self.limit.value() {
                    return Err(de::Error::custom(self.limit.message()));
                }
                items.push(item);
            }
            Ok(items)
        }
    }

    /// A list of at most `limit.value()` entries.
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
            assert_eq!(Limit::from_message(&limit.message()), Some(*limit));
        }
        assert_eq!(Limit::from_message("limit nonsense"), None);
    }
}
