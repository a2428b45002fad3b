//! The map's symbol vocabulary, in one place: which CSS class draws which kind
//! of zone or site, the marker shapes that tell site categories apart without
//! colour, and how a layer's colours from `layers.toml` reach the stylesheet.

use crate::atlas::layer_list::{Holds, LayerDef, Shape, Symbol};
use crate::atlas::layers::{Confidence, ZoneKind};

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
pub fn site_symbol(shape: Shape, r: f64) -> String {
    let h = r * 0.866;
    match shape {
        Shape::Circle => format!("M{0} 0A{0} {0} 0 1 1 -{0} 0A{0} {0} 0 1 1 {0} 0Z", r),
        Shape::Diamond => format!("M0 -{0}L{0} 0L0 {0}L-{0} 0Z", r * 1.2),
        Shape::Square => format!("M-{0} -{0}H{0}V{0}H-{0}Z", r * 0.85),
        Shape::Triangle => format!("M0 -{r}L{h} {hr}L-{h} {hr}Z", r = r * 1.15, h = h * 1.15, hr = r * 0.6),
        // a five-pointed star
        Shape::Star => {
            let mut d = String::new();
            for i in 0..10 {
                let a = std::f64::consts::PI * (i as f64) / 5.0 - std::f64::consts::FRAC_PI_2;
                let rr = if i % 2 == 0 { r * 1.3 } else { r * 0.6 };
                d.push_str(&format!("{}{:.2} {:.2}", if i == 0 { 'M' } else { 'L' }, rr * a.cos(), rr * a.sin()));
            }
            d.push('Z');
            d
        }
        Shape::Hexagon => polygon(6, r, 0.0),
        Shape::Pentagon => polygon(5, r * 1.1, -std::f64::consts::FRAC_PI_2),
        // a plus sign, arms a third of its width
        Shape::Cross => {
            let (a, b) = (r * 1.1, r * 0.37);
            format!("M-{b} -{a}H{b}V-{b}H{a}V{b}H{b}V{a}H-{b}V{b}H-{a}V-{b}H-{b}Z")
        }
    }
}

/// A regular polygon of `n` corners on a circle of radius `r`, the first at angle `start`.
fn polygon(n: u32, r: f64, start: f64) -> String {
    let mut d = String::new();
    for i in 0..n {
        let a = start + std::f64::consts::TAU * (i as f64) / (n as f64);
        d.push_str(&format!("{}{:.2} {:.2}", if i == 0 { 'M' } else { 'L' }, r * a.cos(), r * a.sin()));
    }
    d.push('Z');
    d
}

/// The marker shape of a layer of sites; a circle for anything else.
pub fn layer_shape(def: Option<&LayerDef>) -> Shape {
    def.and_then(|d| d.style.shape).unwrap_or(Shape::Circle)
}

/// The CSS class of a site marker: its category and how sure its position is.
pub fn site_class(category: &str, confidence: Confidence) -> String {
    format!("site site--{} site--{}", category, confidence.key())
}

/// The id of the hatching pattern of a layer of schematic extents.
pub fn pattern_id(def: &LayerDef) -> String {
    format!("hatch-{}", def.id)
}

/// How a layer's features are painted, as CSS custom properties the
/// stylesheet's rules read (`--layer-colour`, `--layer-fill`,
/// `--layer-fill-opacity`, `--layer-pattern`, and `--layer-care-*` for
/// 适老化 mode; see public/style.css). Set
/// through the CSS object model on the drawn element, its legend swatch, its
/// label and its hatching pattern, so the colours come from `layers.toml`
/// under a CSP that refuses inline style attributes.
pub fn paint(def: &LayerDef) -> Vec<(&'static str, String)> {
    let s = &def.style;
    let mut out = vec![("--layer-colour", s.colour.clone())];
    if let Some(fill) = &s.fill {
        out.push(("--layer-fill", fill.clone()));
        out.push(("--layer-fill-opacity", format!("{}", s.fill_opacity)));
    }
    if let Some(c) = &s.care_colour {
        out.push(("--layer-care-colour", c.clone()));
    }
    if let Some(f) = &s.care_fill {
        out.push(("--layer-care-fill", f.clone()));
    }
    if let Some(o) = s.care_fill_opacity {
        out.push(("--layer-care-fill-opacity", format!("{o}")));
    }
    if s.symbol == Symbol::Schematic {
        out.push(("--layer-pattern", format!("url(#{})", pattern_id(def))));
    }
    out
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
/// are drawn with on the map (a site marker as if its position were certain);
/// the colours are the layer's [`paint`].
pub fn swatch(def: &LayerDef) -> Swatch {
    match (&def.holds, def.style.symbol) {
        (Holds::Category(c), _) => {
            Swatch::Site { class: site_class(c, Confidence::High), symbol: site_symbol(layer_shape(Some(def)), 6.0) }
        }
        (_, Symbol::Schematic) => {
            Swatch::Zone { class: format!("{} swatch--schematic", zone_class(ZoneKind::Cooperation, true)) }
        }
        (Holds::ZoneKind(ZoneKind::District), _) => {
            Swatch::Zone { class: zone_class(ZoneKind::District, false).into() }
        }
        _ => Swatch::Zone { class: zone_class(ZoneKind::Focus, false).into() },
    }
}

/// Whether a position is an estimate the map must mark as such.
pub fn is_estimate(confidence: Confidence) -> bool {
    matches!(confidence, Confidence::Low | Confidence::Medium)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::atlas::layer_list::Layers;

    #[test]
    fn every_shape_is_distinct() {
        let shapes: Vec<String> = Shape::ALL.iter().map(|c| site_symbol(*c, 6.0)).collect();
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
        let layers = Layers::bundled_for_tests();
        for z in &scene.zones {
            let def = layers.get(z.layer.expect("every zone has a layer")).unwrap();
            match swatch(def) {
                Swatch::Zone { class } => assert!(class.starts_with(z.class), "{}: {class} vs {}", z.id, z.class),
                other => panic!("{}: a zone pictured as {other:?}", z.id),
            }
        }
        for s in &scene.sites {
            let def = layers.get(s.layer.expect("every site has a layer")).unwrap();
            let class = site_class(&s.category, Confidence::High);
            assert_eq!(swatch(def), Swatch::Site { class, symbol: site_symbol(layer_shape(Some(def)), 6.0) });
        }
    }

    #[test]
    fn a_layer_is_painted_with_its_own_colours_and_pattern() {
        let layers = Layers::bundled_for_tests();
        for (_, def) in layers.iter() {
            let p = paint(def);
            assert_eq!(p[0], ("--layer-colour", def.style.colour.clone()));
            let pattern = p.iter().find(|(k, _)| *k == "--layer-pattern");
            assert_eq!(pattern.is_some(), def.style.symbol == Symbol::Schematic, "{}", def.id);
            if let Some((_, v)) = pattern {
                assert_eq!(*v, format!("url(#hatch-{})", def.id));
            }
        }
    }

    #[test]
    fn schematic_extents_never_share_the_surveyed_style() {
        assert_ne!(zone_class(ZoneKind::Cooperation, true), zone_class(ZoneKind::Focus, false));
        assert_ne!(zone_class(ZoneKind::Focus, true), zone_class(ZoneKind::Focus, false));
    }
}
