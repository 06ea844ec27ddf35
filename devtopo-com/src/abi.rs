//! The C ABI (see abi section in docs).
