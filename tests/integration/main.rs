//! devtopo's integration tests: one test binary, one module per concern. Every test names the
//! spec rule (`c6_...`, T8, ...) or decision (`x13_...`) it pins.

mod alloc;
mod controls_connectors;
mod controls_level;
mod controls_misc;
mod core_support;
mod decisions_core;
#[cfg(feature = "serde")]
mod events;
mod examples;
mod examples_controls;
#[cfg(feature = "serde")]
mod examples_mmdevice;
#[cfg(feature = "serde")]
mod files_bundled;
#[cfg(feature = "serde")]
mod files_error_cases;
#[cfg(feature = "serde")]
mod files_errors;
#[cfg(feature = "serde")]
mod files_roundtrip;
mod fixtures_controls;
#[cfg(feature = "scenario")]
mod fuzz_regressions;
mod hotplug;
mod instrument_faults;
mod instrument_methods;
mod instrument_record;
mod mm_election;
mod mm_enumerator;
#[cfg(feature = "serde")]
mod mm_files;
mod mm_ks;
mod mm_lifecycle;
mod mm_notify;
mod mm_props;
mod mm_state_model;
#[cfg(feature = "serde")]
mod model;
mod notify;
#[cfg(feature = "serde")]
mod part_table;
mod props;
#[cfg(feature = "serde")]
mod readme;
mod reentrant_drop;
mod rules_build;
mod rules_connector;
mod rules_doc;
mod rules_misc;
mod rules_part;
mod rules_topology;
#[cfg(feature = "serde")]
mod scale;
#[cfg(feature = "scenario")]
mod scenario_cost;
#[cfg(feature = "scenario")]
mod scenario_faults;
#[cfg(feature = "scenario")]
mod scenario_limits;
mod snapshot_registrations;
mod strategies;
