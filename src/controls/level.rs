//! The level rules of `IPerChannelDbLevel` (K2, K3, X17): clamping and stepping.

/// The number of whole steps in a range, if `(max - min) / step` is (within float noise) a
/// whole number and the range is finite, ordered and has a positive step (K2).
pub(crate) fn step_count(min: f32, max: f32, step: f32) -> Option<u64> {
    if !(min.is_finite() && max.is_finite() && step.is_finite()) || step <= 0.0 || max < min {
        return None;
    }
    let exact = (f64::from(max) - f64::from(min)) / f64::from(step);
    let n = exact.round();
    // f32 steps are inexact (0.001 is 0.0010000000475): allow float noise relative to the
    // step count as well as an absolute thousandth of a step.
    if (exact - n).abs() > (n * 1e-6).max(1e-3) || n > 1e9 {
        return None;
    }
    Some(n as u64)
}

/// The level a request reads back as (K3, X17): NaN is refused (`None`); anything else is
/// clamped to `[min, max]` (infinities included) and then moved to the nearest step of the
/// grid `min + k * step`, a value exactly half-way going to the step farther from 0 dB
/// ("halves away from zero", as SYSVAD's `VALUE_NORMALIZE_IN_RANGE_EX` does). The grid value
/// is computed in `f64` as `min + k * step` and rounded once to `f32`; `k = n` gives exactly
/// `max`.
///
/// The range must satisfy [`step_count`]; builders and handles check it first.
pub(crate) fn snap(min: f32, max: f32, step: f32, request: f32) -> Option<f32> {
    if request.is_nan() {
        return None;
    }
    let n = step_count(min, max, step).unwrap_or(0);
    let (min64, step64) = (f64::from(min), f64::from(step));
    let clamped = f64::from(request.clamp(min, max));
    let k = (clamped - min64) / step64;
    let (lo, hi) = (k.floor(), k.ceil());
    let value_at = |k: f64| -> f64 {
        if k >= n as f64 {
            f64::from(max)
        } else {
            min64 + k * step64
        }
    };
    let (lo_v, hi_v) = (value_at(lo), value_at(hi));
    let (d_lo, d_hi) = (clamped - lo_v, hi_v - clamped);
    // Nearer step wins; on a tie the step farther from 0 dB wins.
    let take_hi = d_hi < d_lo || (d_hi == d_lo && hi_v.abs() >= lo_v.abs());
    let chosen = if take_hi { hi_v } else { lo_v };
    Some(chosen as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// K2: whole steps only.
    #[test]
    fn k2_step_count() {
        assert_eq!(step_count(-96.0, 0.0, 0.5), Some(192));
        assert_eq!(step_count(-10.0, 10.0, 3.0), None);
        assert_eq!(step_count(0.0, 0.0, 1.0), Some(0));
        assert_eq!(step_count(1.0, 0.0, 1.0), None);
        assert_eq!(step_count(0.0, 1.0, 0.0), None);
        assert_eq!(step_count(f32::NAN, 1.0, 0.5), None);
    }

    /// K3, X17: exact steps unchanged, clamping, nearest step, halves away from zero, NaN.
    #[test]
    fn k3_x17_snap() {
        let s = |v| snap(-96.0, 0.0, 0.5, v);
        assert_eq!(s(-10.0), Some(-10.0));
        assert_eq!(s(-200.0), Some(-96.0));
        assert_eq!(s(6.0), Some(0.0));
        assert_eq!(s(f32::INFINITY), Some(0.0));
        assert_eq!(s(f32::NEG_INFINITY), Some(-96.0));
        assert_eq!(s(-10.25), Some(-10.5));
        assert_eq!(s(-10.1), Some(-10.0));
        assert_eq!(s(-3.2), Some(-3.0));
        assert_eq!(s(f32::NAN), None);
        // Gain range: halves go away from zero on the positive side too.
        assert_eq!(snap(-12.0, 12.0, 1.0, 2.5), Some(3.0));
        assert_eq!(snap(-12.0, 12.0, 1.0, -2.5), Some(-3.0));
    }

    /// K2: fine f32 steps whose value is not exact in binary still divide their range.
    #[test]
    fn k2_fine_float_steps_are_whole() {
        assert_eq!(step_count(-100.0, 0.0, 0.001), Some(100_000));
        assert_eq!(step_count(-10.0, 0.0, 0.0001), Some(100_000));
        assert_eq!(step_count(-96.0, 0.0, 0.5), Some(192));
        assert_eq!(step_count(-96.0, 0.0, 0.7), None);
        assert_eq!(step_count(0.0, 1.0, 0.0), None);
    }
}
