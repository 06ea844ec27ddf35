//! devtopo's integration tests: one test binary, one module per area. Every test names the
//! spec rule (C6, T8, ...) or decision (X4, ...) it pins.

mod core_support;
mod decisions_core;
mod props;
mod rules_build;
mod rules_connector;
mod rules_part;
mod rules_topology;
