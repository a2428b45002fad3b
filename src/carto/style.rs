//! The map's symbol vocabulary, in one place: which CSS class draws which kind
//! of zone or site, and which shape tells site categories apart without colour.

use crate::atlas::layers::{Confidence, SiteCategory, ZoneKind};
use crate::state::Layer;

/// The CSS class of a zone's outline and fill (see public/style.css).
pub fn zone_class(kind: ZoneKind, schematic: bool) -> &'static str {
    match (kind, schematic) {
        (ZoneKind::District, _) => "zone zone--district",
        (ZoneKind::Focus, false) => "zone zone--focus",
        (ZoneKind::Focus, true) | (ZoneKind::Cooperation, true) => "zone zone--schematic",
        (ZoneKind::Cooperation, false) => "zone zone--cooperation",
    }
}

/// The marker's shape as SVG path data centred on (0, 0), about `r` px in radius.
/// Each category has its own shape so colour is never the only cue.
pub fn site_symbol(category: SiteCategory, r: f64) -> String {
    let h = r * 0.866;
    match category {
        // circle
        SiteCategory::Lab => format!("M{0} 0A{0} {0} 0 1 1 -{0} 0A{0} {0} 0 1 1 {0} 0Z", r),
        // diamond
        SiteCategory::ScienceFacility => format!("M0 -{0}L{0} 0L0 {0}L-{0} 0Z", r * 1.2),
        // square
        SiteCategory::IndustrialPark => format!("M-{0} -{0}H{0}V{0}H-{0}Z", r * 0.85),
        // triangle
        SiteCategory::Town => format!("M0 -{r}L{h} {hr}L-{h} {hr}Z", r = r * 1.15, h = h * 1.15, hr = r * 0.6),
        // pentagon-ish star marker for venues
        SiteCategory::Venue => {
            let mut d = String::new();
            for i in 0..10 {
                let a = std::f64::consts::PI * (i as f64) / 5.0 - std::f64::consts::FRAC_PI_2;
                let rr = if i % 2 == 0 { r * 1.3 } else { r * 0.6 };
                d.push_str(&format!("{}{:.2} {:.2}", if i == 0 { 'M' } else { 'L' }, rr * a.cos(), rr * a.sin()));
            }
            d.push('Z');
            d
        }
        // hexagon
        SiteCategory::Project => {
            let mut d = String::new();
            for i in 0..6 {
                let a = std::f64::consts::PI * (i as f64) / 3.0;
                d.push_str(&format!("{}{:.2} {:.2}", if i == 0 { 'M' } else { 'L' }, r * a.cos(), r * a.sin()));
            }
            d.push('Z');
            d
        }
    }
}

/// The CSS class of a site marker: its category and how sure its position is.
pub fn site_class(category: SiteCategory, confidence: Confidence) -> String {
    format!("site site--{} site--{}", category.key(), confidence.key())
}

/// A layer's small picture in the legend and in exported images.
#[derive(Clone, Debug, PartialEq)]
pub enum Swatch {
    /// A site marker: its class and its shape as SVG path data centred on (0, 0).
    Site { class: String, symbol: String },
    /// A rectangle filled and outlined as the layer's zones are.
    Zone { class: String },
}

/// How the legend pictures a layer: with the classes and shapes its features
/// are drawn with on the map (a site marker as if its position were certain).
pub fn swatch(l: Layer) -> Swatch {
    if let Some(cat) = l.category() {
        return Swatch::Site { class: site_class(cat, Confidence::High), symbol: site_symbol(cat, 6.0) };
    }
    let class = match l {
        Layer::Districts => zone_class(ZoneKind::District, false).to_string(),
        Layer::Binjiang => zone_class(ZoneKind::Focus, false).to_string(),
        _ => format!("{} swatch--schematic", zone_class(ZoneKind::Cooperation, true)),
    };
    Swatch::Zone { class }
}

/// Whether a position is an estimate the map must mark as such.
pub fn is_estimate(confidence: Confidence) -> bool {
    matches!(confidence, Confidence::Low | Confidence::Medium)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_category_has_a_distinct_shape() {
        let shapes: Vec<String> = SiteCategory::ALL.iter().map(|c| site_symbol(*c, 6.0)).collect();
        for (i, a) in shapes.iter().enumerate() {
            assert!(a.starts_with('M') && a.ends_with('Z'));
            for b in &shapes[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn each_zone_layer_is_pictured_with_the_class_its_zones_are_drawn_with() {
        let scene = crate::carto::scene::test::scene();
        for z in &scene.zones {
            match swatch(z.layer) {
                Swatch::Zone { class } => assert!(class.starts_with(z.class), "{}: {class} vs {}", z.id, z.class),
                other => panic!("{}: a zone pictured as {other:?}", z.id),
            }
        }
        for c in SiteCategory::ALL {
            let class = site_class(c, Confidence::High);
            assert_eq!(swatch(Layer::of_category(c)), Swatch::Site { class, symbol: site_symbol(c, 6.0) });
        }
    }

    #[test]
    fn schematic_extents_never_share_the_surveyed_style() {
        assert_ne!(zone_class(ZoneKind::Cooperation, true), zone_class(ZoneKind::Focus, false));
        assert_ne!(zone_class(ZoneKind::Focus, true), zone_class(ZoneKind::Focus, false));
    }
}
