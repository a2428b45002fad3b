//! [`ViewportError`]: why a [`Viewport`](super::viewport::Viewport) could not be
//! built from its parts (see [`Viewport::new`](super::viewport::Viewport::new)).

use std::fmt;

/// Why a [`Viewport`](super::viewport::Viewport) could not be built.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewportError {
    /// The named input (`"center"`, `"zoom"`, `"width"` or `"height"`) was NaN or infinite.
    NonFinite(&'static str),
    /// The container has no area.
    EmptySize { width: f64, height: f64 },
    /// The limits are not finite, have `min_zoom > max_zoom`, or an invalid extent.
    BadLimits,
}

impl fmt::Display for ViewportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ViewportError::NonFinite(what) => {
                write!(f, "expected a finite {what}, got NaN or infinity")
            }
            ViewportError::EmptySize { width, height } => {
                write!(f, "expected a positive viewport size, got {width}×{height} px")
            }
            ViewportError::BadLimits => {
                write!(f, "expected view limits with finite min_zoom ≤ max_zoom and a valid extent, got invalid limits")
            }
        }
    }
}

impl std::error::Error for ViewportError {}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn errors_read_expected_got() {
        let msg = ViewportError::EmptySize { width: 0.0, height: 600.0 }.to_string();
        assert!(msg.starts_with("expected") && msg.contains("got 0×600"), "{msg}");
        assert!(ViewportError::NonFinite("zoom").to_string().contains("finite zoom"));
    }
}
