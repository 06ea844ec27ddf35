//! windows-bindgen's output over Microsoft's metadata (the `windows-default` metadata that
//! ships with windows-bindgen 0.100), for the names in `tools/bindings.txt`. `bindings.rs` is
//! never edited by hand: `tests/bindings.rs` fails when it differs from a fresh generation, and
//! `DEVTOPO_COM_REGENERATE=1 cargo test -p devtopo-com --test bindings` rewrites it.
//!
//! The generated code names `windows_core::…`. Off Windows windows-core has no `BSTR` (it
//! appears only inside `PROPVARIANT`'s union and the `CABSTR` array), so the generated file
//! is included below a `windows_core` module that re-exports the real crate and adds a
//! layout-compatible `BSTR` there. On Windows the module is the real crate, unchanged.

#![allow(
    non_snake_case,
    non_camel_case_types,
    non_upper_case_globals,
    missing_docs,
    dead_code,
    unreachable_pub,
    elided_lifetimes_in_paths,
    clippy::all,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::undocumented_unsafe_blocks,
    unsafe_op_in_unsafe_fn
)]

/// The generated code's view of windows-core.
mod windows_core {
    pub use ::windows_core::*;

    /// Off Windows: a `BSTR` with the layout of Windows' (one pointer to length-prefixed
    /// UTF-16). devtopo never produces a `VT_BSTR` value; the type exists so `PROPVARIANT`
    /// has its Windows layout.
    #[cfg(not(windows))]
    #[repr(transparent)]
    #[derive(Debug, PartialEq, Eq)]
    pub struct BSTR(*const u16);
}

/// The generated bindings.
mod bindings {
    use super::windows_core;
    include!("bindings.rs");
}

pub use bindings::*;

/// The IID symbols `include/devtopo_com_interfaces.h` declares (generated with it by
/// `tests/header.rs`), for C and C++ code off Windows, where no uuid.lib provides them.
#[cfg(not(windows))]
#[allow(missing_docs, non_upper_case_globals)]
mod iids {
    include!("iids.rs");

    /// `IID_IUnknown`.
    #[unsafe(no_mangle)]
    pub static IID_IUnknown: windows_core::GUID =
        <windows_core::IUnknown as windows_core::Interface>::IID;
}
