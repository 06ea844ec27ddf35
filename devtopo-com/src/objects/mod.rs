//! devtopo's COM objects, one file per interface family. Each method translates: arguments
//! in, one call of the matching devtopo handle method, its `Error::hresult()` out; plus what
//! only COM expresses (NULL pointers, foreign objects, caller-owned memory).

pub(crate) mod control;
pub(crate) mod control_interface;
pub(crate) mod device;
pub(crate) mod enumerator;
pub(crate) mod format;
pub(crate) mod jack;
pub(crate) mod ks_control;
pub(crate) mod part;
pub(crate) mod parts_list;
pub(crate) mod property_store;
pub(crate) mod sink;
pub(crate) mod topology;
