//! devtopo's integration tests: one test binary, one module per concern. Tests name the spec
//! rule (`c6_...`) or decision (`x13_...`) they pin.

mod alloc;
mod examples;
#[cfg(feature = "cli")]
mod files_bundled;
#[cfg(feature = "cli")]
mod files_errors;
#[cfg(feature = "cli")]
mod files_roundtrip;
