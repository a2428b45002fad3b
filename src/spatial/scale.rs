//! The scale bar: a round distance and how many pixels it spans.
//!
//! Like the scale controls of most web maps, the bar shows the longest "round"
//! distance — 1, 2 or 5 times a power of ten metres — that fits in the space
//! given, at the ground resolution of the view's centre (see
//! [`Viewport::metres_per_pixel`](super::viewport::Viewport::metres_per_pixel)).
//! Web Mercator stretches distances by `1/cos φ`, so the bar is only exact
//! along the centre's latitude.

/// The longest 1-2-5 round distance (metres) whose bar fits in `max_width_px`,
/// with the bar's width in pixels.
///
/// `None` if either input is not finite and positive, or if not even the
/// shortest representable round distance fits.
///
/// ```
/// use binjiang_map::spatial::scale::scale_bar;
///
/// // 4.13 m per pixel, at most 100 px: a 200 m bar, about 48 px wide.
/// let (metres, width) = scale_bar(4.13, 100.0).unwrap();
/// assert_eq!(metres, 200.0);
/// assert!((width - 200.0 / 4.13).abs() < 1e-9);
/// ```
pub fn scale_bar(metres_per_pixel: f64, max_width_px: f64) -> Option<(f64, f64)> {
    let positive = |v: f64| v.is_finite() && v > 0.0;
    if !(positive(metres_per_pixel) && positive(max_width_px)) {
        return None;
    }
    let max_metres = metres_per_pixel * max_width_px;
    if !positive(max_metres) {
        return None;
    }
    let metres = round_down_1_2_5(max_metres)?;
    Some((metres, metres / metres_per_pixel))
}

/// A scale bar's distance as its label reads: metres below a kilometre,
/// kilometres from one up, without trailing zeros.
///
/// ```
/// use binjiang_map::spatial::scale::scale_label;
///
/// assert_eq!(scale_label(500.0), "500 m");
/// assert_eq!(scale_label(2000.0), "2 km");
/// ```
pub fn scale_label(metres: f64) -> String {
    if metres >= 1000.0 {
        format!("{} km", metres / 1000.0)
    } else {
        format!("{metres} m")
    }
}

/// The largest `d · 10^n` (d ∈ {1, 2, 5}, n an integer) not above `limit > 0`.
fn round_down_1_2_5(limit: f64) -> Option<f64> {
    let exponent = limit.log10().floor() as i32;
    // log10 can land one off at exact powers of ten; check one decade either side.
    (exponent - 1..=exponent + 1)
        .rev()
        .flat_map(|n| [5.0, 2.0, 1.0].map(|d| d * 10f64.powi(n)))
        .find(|&m| m <= limit && m > 0.0)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::mercator::metres_per_pixel;

    /// `v` is 1, 2 or 5 times a power of ten.
    fn is_round(v: f64) -> bool {
        let n = v.log10().floor();
        let lead = v / 10f64.powf(n);
        [1.0, 2.0, 5.0, 10.0].iter().any(|d| (lead - d).abs() < 1e-9)
    }

    #[test]
    fn labels_read_in_metres_below_a_kilometre_and_in_kilometres_from_one() {
        assert_eq!(scale_label(1.0), "1 m");
        assert_eq!(scale_label(200.0), "200 m");
        assert_eq!(scale_label(1000.0), "1 km");
        assert_eq!(scale_label(5000.0), "5 km");
        assert_eq!(scale_label(100_000.0), "100 km");
        assert_eq!(scale_label(0.5), "0.5 m");
    }

    #[test]
    fn picks_the_longest_round_distance_that_fits() {
        assert_eq!(scale_bar(1.0, 100.0).map(|b| b.0), Some(100.0));
        assert_eq!(scale_bar(1.0, 99.9).map(|b| b.0), Some(50.0));
        assert_eq!(scale_bar(1.0, 250.0).map(|b| b.0), Some(200.0));
        assert_eq!(scale_bar(10.0, 60.0).map(|b| b.0), Some(500.0));
        assert_eq!(scale_bar(0.01, 120.0).map(|b| b.0), Some(1.0));
        assert_eq!(scale_bar(1000.0, 150.0).map(|b| b.0), Some(100_000.0));
    }

    #[test]
    fn round_and_no_wider_than_allowed_at_every_zoom() {
        for zoom in 0..=22 {
            for lat in [0.0, 30.2, 60.0] {
                let mpp = metres_per_pixel(lat, zoom as f64 + 0.37);
                let (metres, width) = scale_bar(mpp, 120.0).unwrap();
                assert!(is_round(metres), "{metres} at zoom {zoom}");
                assert!(width <= 120.0 + 1e-9, "{width} px at zoom {zoom}");
                // Longest: the next round step up would not fit.
                assert!(width > 120.0 * 0.4 - 1e-9, "{width} px at zoom {zoom}");
                assert!((width * mpp - metres).abs() < 1e-6 * metres);
            }
        }
    }

    #[test]
    fn bad_input_gives_none() {
        assert_eq!(scale_bar(f64::NAN, 100.0), None);
        assert_eq!(scale_bar(1.0, f64::INFINITY), None);
        assert_eq!(scale_bar(0.0, 100.0), None);
        assert_eq!(scale_bar(1.0, -5.0), None);
    }
}
