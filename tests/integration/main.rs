//! devtopo's integration tests: one binary, one module per topic, tests named by rule id.

mod controls_connectors;
mod controls_level;
mod controls_misc;
mod examples_controls;

mod fixtures_controls;
mod hotplug;
mod notify;
