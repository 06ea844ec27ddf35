//! devtopo's integration tests: one test binary, one module per concern. Every test names the
//! spec rule (`c6_...`, T8, ...) or decision (`x13_...`) it pins.

mod alloc;
mod core_support;
mod decisions_core;
mod examples;
mod props;
mod rules_build;
mod rules_connector;
mod rules_part;
mod rules_topology;
