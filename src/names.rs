//! GUID names a system declares: GUIDs devtopo does not know (a vendor's pin category, a
//! custom node type) with the names a topology file or
//! [`SystemBuilder::name_guid`](crate::SystemBuilder::name_guid) gave them.
//! Output (`show`, `dot`, `list`, scenario results) prints these names; files and scenarios
//! accept them wherever a GUID name is accepted.

use crate::guid::Guid;
use crate::system::System;

impl System {
    /// The name of a GUID: one the system declares, else the one devtopo knows
    /// (`KSNODETYPE_VOLUME`), else `None`.
    ///
    /// ```
    /// use devtopo::*;
    /// let vendor: Guid = "{8A1B2C3D-0000-4000-8000-000000000001}".parse()?;
    /// let mut b = System::builder();
    /// b.name_guid("ACME_PIN_CATEGORY_RIBBON", vendor);
    /// let system = b.build()?;
    /// assert_eq!(system.guid_name(vendor).as_deref(), Some("ACME_PIN_CATEGORY_RIBBON"));
    /// assert_eq!(system.guid_display(guids::KSNODETYPE_VOLUME), "KSNODETYPE_VOLUME");
    /// assert_eq!(system.guid_from_text("ACME_PIN_CATEGORY_RIBBON"), Some(vendor));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn guid_name(&self, guid: Guid) -> Option<String> {
        match self.shared.read().guid_names.get(&guid) {
            Some(name) => Some(name.to_string()),
            None => guid.name().map(str::to_owned),
        }
    }

    /// The name of a GUID ([`System::guid_name`]), else its braced form.
    pub fn guid_display(&self, guid: Guid) -> String {
        self.guid_name(guid).unwrap_or_else(|| guid.to_string())
    }

    /// The GUID a text names: a name the system declares, a name devtopo knows, or the braced
    /// form.
    pub fn guid_from_text(&self, text: &str) -> Option<Guid> {
        let declared = self
            .shared
            .read()
            .guid_names
            .iter()
            .find(|(_, name)| &***name == text)
            .map(|(guid, _)| *guid);
        declared.or_else(|| text.parse().ok())
    }

    /// Every GUID name the system declares, in GUID order.
    pub fn declared_guid_names(&self) -> Vec<(String, Guid)> {
        self.shared
            .read()
            .guid_names
            .iter()
            .map(|(guid, name)| (name.to_string(), *guid))
            .collect()
    }
}
