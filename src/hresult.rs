//! Windows `HRESULT` values (spec section H).

use std::fmt;

/// A Windows `HRESULT`: a newtype over `i32` with the same numeric value as the
/// `windows` crate's `HRESULT`.
///
/// `Display` prints the value as eight hex digits (`0x80070490`); [`HResult::name`]
/// gives the symbolic name where devtopo knows it.
///
/// ```
/// use devtopo::HResult;
///
/// assert_eq!(HResult::E_NOTFOUND.to_string(), "0x80070490");
/// assert_eq!(HResult::from_win32(1168), HResult::E_NOTFOUND);
/// assert_eq!(HResult::E_NOTFOUND.name(), Some("E_NOTFOUND"));
/// assert!(HResult::S_OK.is_ok());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HResult(pub i32);

/// Builds a constant from its unsigned hex form.
const fn hr(bits: u32) -> HResult {
    HResult(bits as i32)
}

impl HResult {
    /// H1 `S_OK`: success.
    pub const S_OK: HResult = hr(0x0000_0000);
    /// H2 `S_FALSE`: success with a "false" meaning (not used by this API).
    pub const S_FALSE: HResult = hr(0x0000_0001);
    /// H3 `E_NOTFOUND` = `HRESULT_FROM_WIN32(ERROR_NOT_FOUND)` (H17).
    pub const E_NOTFOUND: HResult = hr(0x8007_0490);
    /// H4 `HRESULT_FROM_WIN32(ERROR_FILE_READ_ONLY)`: the connection is permanent (C6).
    pub const ERROR_FILE_READ_ONLY: HResult = hr(0x8007_1779);
    /// H5 `HRESULT_FROM_WIN32(ERROR_DEVICE_ALREADY_ATTACHED)` (C3).
    pub const ERROR_DEVICE_ALREADY_ATTACHED: HResult = hr(0x8007_0224);
    /// H6 `HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND)`: the peer device is not active (C9).
    pub const ERROR_PATH_NOT_FOUND: HResult = hr(0x8007_0003);
    /// H7 `HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER)` (K13).
    pub const ERROR_INSUFFICIENT_BUFFER: HResult = hr(0x8007_007A);
    /// H8 `HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED)` (K13).
    pub const ERROR_NOT_SUPPORTED: HResult = hr(0x8007_0032);
    /// H9 `E_INVALIDARG`.
    pub const E_INVALIDARG: HResult = hr(0x8007_0057);
    /// H10 `E_OUTOFMEMORY`.
    pub const E_OUTOFMEMORY: HResult = hr(0x8007_000E);
    /// H11 `E_POINTER`.
    pub const E_POINTER: HResult = hr(0x8000_4003);
    /// H12 `E_NOINTERFACE`.
    pub const E_NOINTERFACE: HResult = hr(0x8000_4002);
    /// H13 `E_NOTIMPL`.
    pub const E_NOTIMPL: HResult = hr(0x8000_4001);
    /// H14 `E_FAIL`.
    pub const E_FAIL: HResult = hr(0x8000_4005);
    /// H15 `AUDCLNT_E_DEVICE_INVALIDATED`.
    pub const AUDCLNT_E_DEVICE_INVALIDATED: HResult = hr(0x8889_0004);
    /// H16 `AUDCLNT_E_WRONG_ENDPOINT_TYPE`.
    pub const AUDCLNT_E_WRONG_ENDPOINT_TYPE: HResult = hr(0x8889_0003);
    /// H19 `E_ACCESSDENIED` = `HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)` (V24, S9, S10).
    pub const E_ACCESSDENIED: HResult = hr(0x8007_0005);
    /// H20 `STG_E_ACCESSDENIED` (S7, S11, X55).
    pub const STG_E_ACCESSDENIED: HResult = hr(0x8003_0005);
    /// H22 `HRESULT_FROM_WIN32(ERROR_SET_NOT_FOUND)` = `E_PROP_SET_UNSUPPORTED` (Q7, X61).
    pub const E_PROP_SET_UNSUPPORTED: HResult = hr(0x8007_0492);
    /// H23 `HRESULT_FROM_WIN32(ERROR_MORE_DATA)` (Q4, X61).
    pub const ERROR_MORE_DATA: HResult = hr(0x8007_00EA);
    /// H24 `HRESULT_FROM_WIN32(ERROR_INVALID_FUNCTION)` (Q7, X61).
    pub const ERROR_INVALID_FUNCTION: HResult = hr(0x8007_0001);
    /// `E_ILLEGAL_METHOD_CALL` ("a method was called at an unexpected time"): devtopo's
    /// answer to Register/Unregister from inside an endpoint callback (Y3, X47).
    pub const E_ILLEGAL_METHOD_CALL: HResult = hr(0x8000_000E);

    /// Every code devtopo names, with its symbolic name, in the order of the spec's table H.
    pub const KNOWN: &'static [(HResult, &'static str)] = &[
        (Self::S_OK, "S_OK"),
        (Self::S_FALSE, "S_FALSE"),
        (Self::E_NOTFOUND, "E_NOTFOUND"),
        (Self::ERROR_FILE_READ_ONLY, "ERROR_FILE_READ_ONLY"),
        (
            Self::ERROR_DEVICE_ALREADY_ATTACHED,
            "ERROR_DEVICE_ALREADY_ATTACHED",
        ),
        (Self::ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND"),
        (Self::ERROR_INSUFFICIENT_BUFFER, "ERROR_INSUFFICIENT_BUFFER"),
        (Self::ERROR_NOT_SUPPORTED, "ERROR_NOT_SUPPORTED"),
        (Self::E_INVALIDARG, "E_INVALIDARG"),
        (Self::E_OUTOFMEMORY, "E_OUTOFMEMORY"),
        (Self::E_POINTER, "E_POINTER"),
        (Self::E_NOINTERFACE, "E_NOINTERFACE"),
        (Self::E_NOTIMPL, "E_NOTIMPL"),
        (Self::E_FAIL, "E_FAIL"),
        (
            Self::AUDCLNT_E_DEVICE_INVALIDATED,
            "AUDCLNT_E_DEVICE_INVALIDATED",
        ),
        (
            Self::AUDCLNT_E_WRONG_ENDPOINT_TYPE,
            "AUDCLNT_E_WRONG_ENDPOINT_TYPE",
        ),
        (Self::E_ACCESSDENIED, "E_ACCESSDENIED"),
        (Self::STG_E_ACCESSDENIED, "STG_E_ACCESSDENIED"),
        (Self::E_PROP_SET_UNSUPPORTED, "E_PROP_SET_UNSUPPORTED"),
        (Self::ERROR_MORE_DATA, "ERROR_MORE_DATA"),
        (Self::ERROR_INVALID_FUNCTION, "ERROR_INVALID_FUNCTION"),
        (Self::E_ILLEGAL_METHOD_CALL, "E_ILLEGAL_METHOD_CALL"),
    ];

    /// `HRESULT_FROM_WIN32(code)`: `code` itself when it is zero (or negative as an `i32`),
    /// else `0x80070000 | (code & 0xFFFF)` (FACILITY_WIN32).
    ///
    /// ```
    /// use devtopo::HResult;
    /// assert_eq!(HResult::from_win32(6009), HResult::ERROR_FILE_READ_ONLY);
    /// assert_eq!(HResult::from_win32(0), HResult::S_OK);
    /// ```
    pub const fn from_win32(code: u32) -> HResult {
        if code as i32 <= 0 {
            HResult(code as i32)
        } else {
            hr(0x8007_0000 | (code & 0xFFFF))
        }
    }

    /// The raw value as the unsigned bits Windows prints.
    pub const fn bits(self) -> u32 {
        self.0 as u32
    }

    /// True for success codes (the sign bit is clear).
    pub const fn is_ok(self) -> bool {
        self.0 >= 0
    }

    /// The symbolic name (`"E_NOTFOUND"`), or `None` for a code devtopo does not name.
    pub fn name(self) -> Option<&'static str> {
        Self::KNOWN
            .iter()
            .find(|(code, _)| *code == self)
            .map(|(_, name)| *name)
    }

    /// Parses a symbolic name (`"E_NOTFOUND"`, also with a `HRESULT_FROM_WIN32(...)`
    /// wrapper) or a hex (`0x80070490`) or decimal (`-2147023728`) value.
    ///
    /// ```
    /// use devtopo::HResult;
    /// assert_eq!(HResult::parse("E_NOTFOUND"), Some(HResult::E_NOTFOUND));
    /// assert_eq!(HResult::parse("0x80071779"), Some(HResult::ERROR_FILE_READ_ONLY));
    /// assert_eq!(HResult::parse("HRESULT_FROM_WIN32(ERROR_FILE_READ_ONLY)"), Some(HResult::ERROR_FILE_READ_ONLY));
    /// assert_eq!(HResult::parse("nonsense"), None);
    /// ```
    pub fn parse(text: &str) -> Option<HResult> {
        let text = text.trim();
        let inner = text
            .strip_prefix("HRESULT_FROM_WIN32(")
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or(text);
        if let Some((code, _)) = Self::KNOWN.iter().find(|(_, name)| *name == inner) {
            return Some(*code);
        }
        if let Some(hex) = inner
            .strip_prefix("0x")
            .or_else(|| inner.strip_prefix("0X"))
        {
            return u32::from_str_radix(hex, 16).ok().map(hr);
        }
        inner.parse::<i32>().ok().map(HResult)
    }
}

impl fmt::Display for HResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#010x}", self.bits())
    }
}

impl fmt::Debug for HResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{name} ({self})"),
            None => write!(f, "HResult({self})"),
        }
    }
}

impl From<HResult> for i32 {
    fn from(value: HResult) -> i32 {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::HResult;

    /// Rule H: every value of the spec's table, as i32 and as hex.
    #[test]
    fn h_table_values() {
        let table: [(HResult, i32, u32); 16] = [
            (HResult::S_OK, 0, 0),
            (HResult::S_FALSE, 1, 1),
            (HResult::E_NOTFOUND, -2147023728, 0x80070490),
            (HResult::ERROR_FILE_READ_ONLY, -2147018887, 0x80071779),
            (
                HResult::ERROR_DEVICE_ALREADY_ATTACHED,
                -2147024348,
                0x80070224,
            ),
            (HResult::ERROR_PATH_NOT_FOUND, -2147024893, 0x80070003),
            (HResult::ERROR_INSUFFICIENT_BUFFER, -2147024774, 0x8007007A),
            (HResult::ERROR_NOT_SUPPORTED, -2147024846, 0x80070032),
            (HResult::E_INVALIDARG, -2147024809, 0x80070057),
            (HResult::E_OUTOFMEMORY, -2147024882, 0x8007000E),
            (HResult::E_POINTER, -2147467261, 0x80004003),
            (HResult::E_NOINTERFACE, -2147467262, 0x80004002),
            (HResult::E_NOTIMPL, -2147467263, 0x80004001),
            (HResult::E_FAIL, -2147467259, 0x80004005),
            (
                HResult::AUDCLNT_E_DEVICE_INVALIDATED,
                -2004287484,
                0x88890004,
            ),
            (
                HResult::AUDCLNT_E_WRONG_ENDPOINT_TYPE,
                -2004287485,
                0x88890003,
            ),
        ];
        for (code, as_i32, bits) in table {
            assert_eq!(code.0, as_i32, "{code:?}");
            assert_eq!(code.bits(), bits, "{code:?}");
            assert_eq!(HResult::parse(&code.to_string()), Some(code));
            let name = code.name().unwrap_or_default();
            assert_eq!(HResult::parse(name), Some(code));
        }
    }

    /// H17: E_NOTFOUND is HRESULT_FROM_WIN32(ERROR_NOT_FOUND); the other Win32 codes likewise.
    #[test]
    fn h17_from_win32() {
        assert_eq!(HResult::from_win32(1168), HResult::E_NOTFOUND);
        assert_eq!(HResult::from_win32(6009), HResult::ERROR_FILE_READ_ONLY);
        assert_eq!(
            HResult::from_win32(548),
            HResult::ERROR_DEVICE_ALREADY_ATTACHED
        );
        assert_eq!(HResult::from_win32(3), HResult::ERROR_PATH_NOT_FOUND);
        assert_eq!(HResult::from_win32(122), HResult::ERROR_INSUFFICIENT_BUFFER);
        assert_eq!(HResult::from_win32(50), HResult::ERROR_NOT_SUPPORTED);
        assert_eq!(HResult::from_win32(87), HResult::E_INVALIDARG);
        assert_eq!(HResult::from_win32(14), HResult::E_OUTOFMEMORY);
        assert_eq!(HResult::from_win32(0), HResult::S_OK);
    }

    #[test]
    fn display_and_debug() {
        assert_eq!(HResult::E_NOTFOUND.to_string(), "0x80070490");
        assert_eq!(HResult::S_OK.to_string(), "0x00000000");
        assert_eq!(
            format!("{:?}", HResult::ERROR_FILE_READ_ONLY),
            "ERROR_FILE_READ_ONLY (0x80071779)"
        );
        assert_eq!(format!("{:?}", HResult(0x1234)), "HResult(0x00001234)");
        assert!(!HResult::E_FAIL.is_ok());
    }
}
