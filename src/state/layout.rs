//! Where the page's panels cover the map, as one value: the camera frames
//! what it shows in the part of the map they leave clear. The stylesheet
//! sizes the panels from the same numbers, which the page sets as CSS custom
//! properties on `<html>` ([`Layout::css_properties`]), so each is stated
//! once. (Media-query breakpoints cannot read a custom property: the
//! stylesheet's `max-width: 599px` and `899px` are [`Layout::narrow_px`] and
//! [`Layout::tour_wide_px`] less one.)

use crate::spatial::reveal::ClearArea;

/// The panels over the map and what they cover. The page's are
/// [`Layout::PAGE`], also the default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// Below this map width (px) the details are a bottom sheet. Default 600.
    pub narrow_px: f64,
    /// The details side panel's width (px) on wide screens (`--details-width`).
    /// Default 400.
    pub details_width_px: f64,
    /// The list view's width (px) on wide screens (`--list-width`). Default 360.
    pub list_width_px: f64,
    /// The gap (px) between a panel and the map's edge, and again beside it.
    /// Default 12.
    pub gap_px: f64,
    /// The share of the map's height a bottom sheet leaves clear above it.
    /// Default 0.48.
    pub sheet_clear: f64,
    /// The attribution line along the bottom (px). Default 30.
    pub attribution_px: f64,
    /// The least share of the width a side panel leaves clear. Default 0.3.
    pub min_clear_share: f64,
    /// At this width (px) and wider the tour's cards are a side panel, else a
    /// bottom panel. Default 900.
    pub tour_wide_px: f64,
    /// The share of the width the tour's side panel takes
    /// (`--tour-panel-share`). Default 0.38.
    pub tour_panel_share: f64,
    /// The share of the height the tour's bottom panel leaves clear. Default 0.45.
    pub tour_sheet_clear: f64,
    /// The tour's progress bar along the bottom (px, `--tour-progress`). Default 12.
    pub tour_progress_px: f64,
}

impl Default for Layout {
    fn default() -> Self {
        Layout::PAGE
    }
}

impl Layout {
    /// The page's layout.
    pub const PAGE: Layout = Layout {
        narrow_px: 600.0,
        details_width_px: 400.0,
        list_width_px: 360.0,
        gap_px: 12.0,
        sheet_clear: 0.48,
        attribution_px: 30.0,
        min_clear_share: 0.3,
        tour_wide_px: 900.0,
        tour_panel_share: 0.38,
        tour_sheet_clear: 0.45,
        tour_progress_px: 12.0,
    };

    /// Whether a map `width` px wide shows the details as a bottom sheet.
    pub fn is_narrow(&self, width: f64) -> bool {
        width < self.narrow_px
    }

    /// The part of a `width` × `height` map the details leave clear: above
    /// the sheet on a narrow map, left of the side panel on a wide one, and
    /// right of the list view too when it is open.
    pub fn details_clear(&self, width: f64, height: f64, list_open: bool) -> ClearArea {
        if self.is_narrow(width) {
            return ClearArea { x0: 0.0, y0: 0.0, x1: width, y1: height * self.sheet_clear };
        }
        let x1 = (width - self.details_width_px - 2.0 * self.gap_px).max(width * self.min_clear_share);
        let x0 = if list_open { (self.list_width_px + 2.0 * self.gap_px).min(x1 * 0.5) } else { 0.0 };
        ClearArea { x0, y0: 0.0, x1, y1: height - self.attribution_px }
    }

    /// The part of a `width` × `height` map the tour's cards leave clear.
    pub fn tour_clear(&self, width: f64, height: f64) -> ClearArea {
        if width >= self.tour_wide_px {
            ClearArea {
                x0: 0.0,
                y0: 0.0,
                x1: width * (1.0 - self.tour_panel_share),
                y1: height - self.tour_progress_px,
            }
        } else {
            ClearArea { x0: 0.0, y0: 0.0, x1: width, y1: height * self.tour_sheet_clear }
        }
    }

    /// The custom properties the stylesheet sizes the panels with.
    pub fn css_properties(&self) -> [(&'static str, String); 4] {
        [
            ("--details-width", format!("{}px", self.details_width_px)),
            ("--list-width", format!("{}px", self.list_width_px)),
            ("--tour-panel-share", format!("{}%", self.tour_panel_share * 100.0)),
            ("--tour-progress", format!("{}px", self.tour_progress_px)),
        ]
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn on_a_wide_map_the_details_leave_the_left_clear_and_the_list_narrows_it() {
        let l = Layout::default();
        let clear = l.details_clear(1280.0, 800.0, false);
        assert_eq!(clear, ClearArea { x0: 0.0, y0: 0.0, x1: 1280.0 - 400.0 - 24.0, y1: 770.0 });
        let with_list = l.details_clear(1280.0, 800.0, true);
        assert_eq!((with_list.x0, with_list.x1), (360.0 + 24.0, clear.x1));
        // A map barely wider than the panel keeps a usable share clear.
        assert_eq!(l.details_clear(600.0, 800.0, false).x1, 600.0 * 0.3);
    }

    #[test]
    fn on_a_narrow_map_the_sheet_leaves_the_top_clear() {
        let l = Layout::default();
        assert_eq!(l.details_clear(390.0, 800.0, true), ClearArea { x0: 0.0, y0: 0.0, x1: 390.0, y1: 384.0 });
        assert!(l.is_narrow(599.0) && !l.is_narrow(600.0));
    }

    #[test]
    fn the_tour_frames_its_stops_beside_or_above_its_cards() {
        let l = Layout::default();
        let wide = l.tour_clear(1000.0, 800.0);
        assert!((wide.x1 - 620.0).abs() < 1e-9 && wide.y1 == 788.0, "{wide:?}");
        assert_eq!(l.tour_clear(800.0, 800.0), ClearArea { x0: 0.0, y0: 0.0, x1: 800.0, y1: 360.0 });
    }

    #[test]
    fn the_stylesheet_reads_the_same_sizes() {
        let css = include_str!("../../public/style.css");
        for (name, _) in Layout::PAGE.css_properties() {
            assert!(css.contains(&format!("var({name}")), "public/style.css does not use {name}");
        }
        let props = Layout::default().css_properties();
        assert!(props.contains(&("--details-width", "400px".to_string())));
        assert!(props.contains(&("--list-width", "360px".to_string())));
        assert!(props.contains(&("--tour-panel-share", "38%".to_string())));
        assert!(props.contains(&("--tour-progress", "12px".to_string())));
    }
}
