//! [`Affine`]: a uniform scale followed by a translation, and its text as an SVG
//! or CSS `transform` value.
//!
//! The viewport produces them ([`Viewport::local_transform`] for drawing a
//! [`LocalFrame`](super::local_frame::LocalFrame),
//! [`Viewport::screen_map_from`] for moving a picture drawn for an earlier view);
//! the map view writes them into the SVG and its CSS transform (`ui::map`).
//!
//! [`Viewport::local_transform`]: super::viewport::Viewport::local_transform
//! [`Viewport::screen_map_from`]: super::viewport::Viewport::screen_map_from

/// A uniform scale followed by a translation: `screen = local · scale + (tx, ty)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine {
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Affine {
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (x * self.scale + self.tx, y * self.scale + self.ty)
    }

    /// The transform as an SVG `transform` attribute value, `matrix(s 0 0 s tx ty)`.
    ///
    /// The translation keeps 4 decimals (a ten-thousandth of a pixel). A scale
    /// below 1 keeps 7 significant digits instead, because it multiplies local
    /// coordinates that may be thousands of units from the origin.
    ///
    /// ```
    /// use binjiang_map::spatial::Affine;
    ///
    /// let a = Affine { scale: 2.0, tx: -10.123456, ty: 0.5 };
    /// assert_eq!(a.to_svg(), "matrix(2 0 0 2 -10.1235 0.5)");
    /// ```
    pub fn to_svg(&self) -> String {
        let scale_decimals = if self.scale.abs() < 1.0 && self.scale != 0.0 {
            // floor(log10|s|) is negative here; 7 significant digits, at most 12 decimals.
            (6 - self.scale.abs().log10().floor() as i32).clamp(4, 12) as usize
        } else {
            4
        };
        let s = format_decimals(self.scale, scale_decimals);
        format!("matrix({s} 0 0 {s} {} {})", format_decimals(self.tx, 4), format_decimals(self.ty, 4))
    }

    /// The transform as a CSS `transform` value (CSS wants commas), for an
    /// element whose `transform-origin` is its top-left corner.
    ///
    /// ```
    /// use binjiang_map::spatial::Affine;
    ///
    /// let a = Affine { scale: 0.5, tx: 12.0, ty: -3.25 };
    /// assert_eq!(a.to_css(), "matrix(0.5, 0, 0, 0.5, 12, -3.25)");
    /// ```
    pub fn to_css(&self) -> String {
        let s = format_decimals(self.scale, 6);
        format!("matrix({s}, 0, 0, {s}, {}, {})", format_decimals(self.tx, 2), format_decimals(self.ty, 2))
    }
}

/// `v` with at most `decimals` decimals, trailing zeros removed, and no "-0".
fn format_decimals(v: f64, decimals: usize) -> String {
    let mut text = format!("{v:.decimals$}");
    if text.contains('.') {
        let trimmed = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(trimmed);
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    text
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn svg_transform_text() {
        let a = Affine { scale: 0.5, tx: 12.345_67, ty: -0.000_01 };
        assert_eq!(a.to_svg(), "matrix(0.5 0 0 0.5 12.3457 0)");
        let small = Affine { scale: 2f64.powf(-3.7), tx: 1.0, ty: 2.0 };
        assert_eq!(small.to_svg(), "matrix(0.07694653 0 0 0.07694653 1 2)");
        assert_eq!(format_decimals(100.0, 4), "100");
    }
}
