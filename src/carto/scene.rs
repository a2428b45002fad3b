//! The drawable scene: the atlas turned once into what the map draws (path
//! data in a fixed frame, label anchors, symbols, layer membership), plus the
//! hit-testing that maps a click back to a feature.

use geo::Area;

use crate::atlas::layer_list::{Layer, Layers};
use crate::atlas::layers::{Atlas, Confidence, Site, ZoneKind};
use crate::atlas::Names;
use crate::carto::{labels, paths, style};
use crate::spatial::bounds::Bounds;
use crate::spatial::hit::{hit_test, Shape};
use crate::spatial::{LocalFrame, Viewport};
use crate::spatial::{LonLat, ScreenPoint};

/// The zoom of the drawing frame: one local unit is about 8 m at Hangzhou's
/// latitude, so one decimal in path data is sub-metre.
pub const FRAME_ZOOM: f64 = 14.0;

/// Room left around Binjiang when the map opens or returns home (px); the
/// first view in `index.html` and its stylesheet rules use the same.
pub const HOME_PADDING_PX: f64 = 40.0;

/// A zone as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneZone {
    pub id: String,
    pub kind: ZoneKind,
    /// The layer that switches it (`None`: no layer holds it, so it is always drawn).
    pub layer: Option<Layer>,
    pub names: Names,
    /// The text drawn on the map: the short label, else the full name.
    pub label: Names,
    pub class: &'static str,
    pub schematic: bool,
    /// SVG path data in the scene's frame.
    pub d: String,
    pub label_at: LonLat,
    /// False for a context district that a focus zone redraws (Binjiang), so
    /// the place is named once.
    pub labelled: bool,
    pub bounds: Bounds,
    pub geometry: geo::MultiPolygon<f64>,
    pub adcode: Option<String>,
}

impl SceneWater {
    /// Whether it is drawn at `zoom`: areas always, a centreline only at
    /// small scales ([`CENTRELINE_MAX_ZOOM`]).
    pub fn shown_at(&self, zoom: f64) -> bool {
        !self.line || zoom <= CENTRELINE_MAX_ZOOM
    }
}

impl SceneZone {
    /// Whether a visitor may select it: context districts name a place and
    /// hold no details; the focus and cooperation zones do.
    pub fn selectable(&self) -> bool {
        self.kind != ZoneKind::District
    }

    pub fn adcode_is(&self, code: &str) -> bool {
        self.adcode.as_deref() == Some(code)
    }
}

/// A placed site as drawn (sites with no known position are not in the scene).
#[derive(Clone, Debug, PartialEq)]
pub struct SceneSite {
    pub id: String,
    /// The layer of its category (`None`: no layer holds it, so it is always drawn).
    pub layer: Option<Layer>,
    pub names: Names,
    /// The text drawn on the map: the short label, else the full name.
    pub label: Names,
    pub category: String,
    pub confidence: Confidence,
    pub position: LonLat,
    pub class: String,
}

/// The largest zoom at which a river known only by its centreline is drawn.
/// The centreline (WDBII) is a small-scale product, off the true river by up
/// to about a kilometre in places (by Binjiang, where it would cross the
/// district's land, the build replaces it with the mid-river district
/// border). Up to this zoom (about 33 m a pixel at Hangzhou) it shows where
/// the river goes in the view of all three zones; at Binjiang's home view
/// (about zoom 12.6 on a laptop) it is left out.
pub const CENTRELINE_MAX_ZOOM: f64 = 12.0;

/// A river or lake as drawn: above the district fills, below their outlines.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneWater {
    pub id: String,
    pub names: Names,
    /// SVG path data in the scene's frame.
    pub d: String,
    /// A river known by its centreline only: `d` is an open line, stroked.
    pub line: bool,
    pub label_at: LonLat,
    /// The name's rotation on screen, clockwise degrees.
    pub label_angle_deg: f64,
    pub bounds: Bounds,
    pub geometry: geo::MultiPolygon<f64>,
    pub centreline: geo::MultiLineString<f64>,
}

/// What a click or hover lands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    Zone(usize),
    Site(usize),
}

/// Everything the map draws, prepared once.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub frame: LocalFrame,
    /// In drawing order: context districts, then the focus zone, then the cooperation zones.
    pub zones: Vec<SceneZone>,
    pub sites: Vec<SceneSite>,
    /// Rivers and lakes.
    pub water: Vec<SceneWater>,
    /// The zones (indices into `zones`) whose outlines cross water: the map
    /// draws their outlines again over the water, clipped to it, since the
    /// water covers the outlines drawn with the fills.
    pub shore_zones: Vec<usize>,
    /// The whole drawn area (every district).
    pub extent: Bounds,
    /// Binjiang: the view the map opens on and returns to.
    pub home: Bounds,
    /// Binjiang and every cooperation zone together: the view of all three
    /// (the second home control, `view=all`, the tour, the host's `fitAll`).
    pub overview: Bounds,
}

/// A label point well inside the zone: in its largest part, the middle of the
/// widest inside span along one of three horizontals (a quarter, half and
/// three quarters of the way up). Linear in the number of vertices, so the
/// start-up labels of every district cost little; `None` for an empty shape.
fn label_point(mp: &geo::MultiPolygon<f64>) -> Option<LonLat> {
    let largest = mp.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let b = geo::BoundingRect::bounding_rect(largest)?;
    let (south, north) = (b.min().y, b.max().y);
    let rings = || std::iter::once(largest.exterior()).chain(largest.interiors());
    let mut best: Option<(f64, LonLat)> = None;
    let mut xs = Vec::new();
    for k in [0.5, 0.25, 0.75] {
        let y = south + (north - south) * k;
        xs.clear();
        for ring in rings() {
            for w in ring.0.windows(2) {
                let (a, c) = (w[0], w[1]);
                if (a.y > y) != (c.y > y) {
                    xs.push(a.x + (y - a.y) / (c.y - a.y) * (c.x - a.x));
                }
            }
        }
        xs.sort_by(f64::total_cmp);
        // even-odd: every other gap between crossings is inside
        for span in xs.chunks_exact(2) {
            let width = span[1] - span[0];
            if best.is_none_or(|(w, _)| width > w) {
                best = Some((width, LonLat::new((span[0] + span[1]) / 2.0, y)));
            }
        }
    }
    best.map(|(_, p)| p)
}

impl Scene {
    /// Prepares the scene. Returns `None` only when nothing at all can be drawn
    /// (no zone with a finite outline). Each feature joins the layer of
    /// `layers` that holds it.
    pub fn build(atlas: &Atlas, layers: &Layers) -> Option<Scene> {
        let all_zones = atlas.districts.iter().chain(&atlas.focus).chain(&atlas.cooperation);
        let extent = all_zones.clone().filter_map(|z| Bounds::of_multi_polygon(&z.geometry)).reduce(Bounds::union)?;
        let frame = LocalFrame::new(LonLat::new(extent.west, extent.north), FRAME_ZOOM)?;
        let focus_adcodes: Vec<&str> = atlas.focus.iter().filter_map(|z| z.adcode.as_deref()).collect();
        let zones: Vec<SceneZone> = all_zones
            .filter_map(|z| {
                let bounds = Bounds::of_multi_polygon(&z.geometry)?;
                Some(SceneZone {
                    id: z.id.clone(),
                    kind: z.kind,
                    layer: layers.of_zone(z),
                    names: z.names.clone(),
                    label: labels::map_names(&z.names, z.label.as_ref()),
                    class: style::zone_class(z.kind, z.schematic),
                    schematic: z.schematic,
                    d: paths::path_data(&z.geometry, &frame),
                    label_at: label_point(&z.geometry).unwrap_or_else(|| bounds.center()),
                    labelled: z.kind != ZoneKind::District
                        || !z.adcode.as_deref().is_some_and(|a| focus_adcodes.contains(&a)),
                    bounds,
                    geometry: z.geometry.clone(),
                    adcode: z.adcode.clone(),
                })
            })
            .collect();
        let home = zones.iter().find(|z| z.kind == ZoneKind::Focus).map(|z| z.bounds).unwrap_or(extent);
        let overview = zones
            .iter()
            .filter(|z| z.kind != ZoneKind::District)
            .map(|z| z.bounds)
            .reduce(Bounds::union)
            .unwrap_or(home);
        let sites = atlas.sites.iter().filter_map(|s| scene_site(s, layers)).collect();
        let water: Vec<SceneWater> = atlas
            .water
            .iter()
            .filter_map(|w| {
                let line = w.geometry.0.is_empty();
                let bounds = if line {
                    Bounds::from_points(w.centreline.0.iter().flat_map(|l| l.0.iter().map(|c| LonLat::from(*c))))?
                } else {
                    Bounds::of_multi_polygon(&w.geometry)?
                };
                Some(SceneWater {
                    id: w.id.clone(),
                    names: w.names.clone(),
                    d: if line {
                        paths::line_data(&w.centreline, &frame)
                    } else {
                        paths::path_data(&w.geometry, &frame)
                    },
                    line,
                    label_at: w.label_at,
                    label_angle_deg: w.label_angle_deg,
                    bounds,
                    geometry: w.geometry.clone(),
                    centreline: w.centreline.clone(),
                })
            })
            .collect();
        let shore_zones = shore_zones(&zones, &atlas.water);
        Some(Scene { frame, zones, sites, water, shore_zones, extent, home, overview })
    }

    pub fn zone(&self, id: &str) -> Option<&SceneZone> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// The zone a visitor may select by this id ([`SceneZone::selectable`]).
    pub fn selectable_zone(&self, id: &str) -> Option<&SceneZone> {
        self.zone(id).filter(|z| z.selectable())
    }

    pub fn site(&self, id: &str) -> Option<&SceneSite> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// What lies under `at`, among the visible layers. Context districts take
    /// part only when `with_context` is set (they show a name on hover but are
    /// not selectable). Sites win within `tolerance_px`.
    pub fn hit(
        &self,
        vp: &Viewport,
        at: ScreenPoint,
        tolerance_px: f64,
        visible: &crate::state::LayerSet,
        with_context: bool,
    ) -> Option<Hit> {
        let zones: Vec<usize> = (0..self.zones.len())
            .filter(|&i| {
                let z = &self.zones[i];
                visible.shows(z.layer) && (with_context || z.selectable())
            })
            .collect();
        let sites: Vec<usize> = (0..self.sites.len()).filter(|&i| visible.shows(self.sites[i].layer)).collect();
        let shapes = zones
            .iter()
            .map(|&i| Shape::Area(&self.zones[i].geometry))
            .chain(sites.iter().map(|&i| Shape::Point(self.sites[i].position)));
        let k = hit_test(vp, at, tolerance_px, shapes)?;
        Some(if k < zones.len() { Hit::Zone(zones[k]) } else { Hit::Site(sites[k - zones.len()]) })
    }
}

/// The surveyed zones whose outline has a vertex in some water: those the
/// water would otherwise hide part of. Schematic zones are drawn above the
/// water and need no second outline.
fn shore_zones(zones: &[SceneZone], water: &[crate::atlas::layers::Water]) -> Vec<usize> {
    use crate::spatial::area_index::AreaIndex;
    use geo::BoundingRect;
    // Each water area indexed once: every zone vertex is asked about.
    let areas: Vec<_> =
        water.iter().filter_map(|w| w.geometry.bounding_rect().map(|b| (b, AreaIndex::new(&w.geometry)))).collect();
    (0..zones.len())
        .filter(|&i| {
            let z = &zones[i];
            !z.schematic
                && z.geometry.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).any(|ring| {
                    ring.0.iter().any(|c| {
                        areas.iter().any(|(b, area)| {
                            c.x >= b.min().x
                                && c.x <= b.max().x
                                && c.y >= b.min().y
                                && c.y <= b.max().y
                                && area.contains(*c)
                        })
                    })
                })
        })
        .collect()
}

fn scene_site(s: &Site, layers: &Layers) -> Option<SceneSite> {
    let position = s.position.filter(|p| p.is_valid())?;
    Some(SceneSite {
        id: s.id.clone(),
        layer: layers.of_category(&s.category),
        names: s.names.clone(),
        label: labels::map_names(&s.names, s.label.as_ref()),
        category: s.category.clone(),
        confidence: s.confidence,
        position,
        class: style::site_class(&s.category, s.confidence),
    })
}

#[cfg(test)]
pub(crate) mod test {
    use super::*;
    use crate::spatial::ViewLimits;
    use crate::state::LayerSet;

    /// The scene of the built-in atlas.
    pub(crate) fn scene() -> Scene {
        let (atlas, errors) = Atlas::bundled();
        assert!(errors.is_empty(), "{errors:?}");
        Scene::build(&atlas, Layers::bundled_for_tests()).expect("the bundled atlas draws")
    }

    fn view_of(s: &Scene) -> Viewport {
        let limits = ViewLimits { min_zoom: 7.0, max_zoom: 18.0, extent: s.extent };
        Viewport::new(s.home.center(), 12.0, 1000.0, 800.0, limits).unwrap().fit_bounds(s.home, 20.0)
    }

    #[test]
    fn label_points_lie_inside_their_zones_even_where_the_middle_is_not() {
        use geo::{polygon, Contains, MultiPolygon, Point};
        // a U: the middle of its bounding box is in the notch, outside
        let u: MultiPolygon<f64> = MultiPolygon(vec![polygon![
            (x: 0.0, y: 0.0), (x: 3.0, y: 0.0), (x: 3.0, y: 3.0), (x: 2.0, y: 3.0),
            (x: 2.0, y: 1.0), (x: 1.0, y: 1.0), (x: 1.0, y: 3.0), (x: 0.0, y: 3.0), (x: 0.0, y: 0.0),
        ]]);
        let p = label_point(&u).expect("a U has a label point");
        assert!(u.contains(&Point::new(p.lon, p.lat)), "{p:?}");
        assert_eq!(label_point(&MultiPolygon(vec![])), None);
        let (atlas, _) = Atlas::bundled();
        for z in atlas.zones() {
            let p = label_point(&z.geometry).unwrap_or_else(|| panic!("{} has a label point", z.id));
            assert!(z.geometry.contains(&Point::new(p.lon, p.lat)), "{}: {p:?}", z.id);
        }
    }

    #[test]
    fn every_zone_of_the_atlas_has_path_data_and_binjiang_is_home() {
        let s = scene();
        assert!(s.zones.iter().all(|z| z.d.starts_with('M')));
        let bj = s.zone("binjiang").expect("Binjiang is drawn");
        assert_eq!(s.home, bj.bounds);
        assert!(bj.bounds.contains(bj.label_at));
        // Binjiang is named once: its context district carries no second label.
        let district = s.zones.iter().find(|z| z.kind == ZoneKind::District && z.adcode_is("330108"));
        assert!(!district.expect("330108 is a context district").labelled);
        assert!(bj.labelled);
    }

    #[test]
    fn a_river_known_by_its_centreline_is_drawn_at_small_scales_only() {
        let s = scene();
        let line = s.water.iter().find(|w| w.line).expect("a river line");
        let area = s.water.iter().find(|w| !w.line).expect("a water area");
        assert!(line.shown_at(10.5) && line.shown_at(CENTRELINE_MAX_ZOOM));
        assert!(!line.shown_at(12.6), "the home view would show a line off the river");
        assert!(area.shown_at(10.5) && area.shown_at(16.0));
    }

    #[test]
    fn the_overview_holds_binjiang_and_every_cooperation_zone_and_little_else() {
        let s = scene();
        for z in s.zones.iter().filter(|z| z.kind != ZoneKind::District) {
            for c in z.bounds.corners() {
                assert!(s.overview.contains(c), "{} reaches out of the overview", z.id);
            }
        }
        assert!(s.overview.contains(s.home.center()));
        // far smaller than the whole city
        let area = |b: Bounds| (b.east - b.west) * (b.north - b.south);
        assert!(area(s.overview) < area(s.extent) / 10.0);
        assert!(area(s.overview) > area(s.home) * 4.0);
    }

    #[test]
    fn a_click_inside_binjiang_selects_it_and_context_districts_only_on_hover() {
        let s = scene();
        let vp = view_of(&s);
        let bj = s.zone("binjiang").unwrap();
        let at = vp.project(bj.label_at).unwrap();
        let all = LayerSet::all(Layers::bundled_for_tests());
        let hit = s.hit(&vp, at, 4.0, &all, false);
        assert_eq!(
            hit.map(|h| match h {
                Hit::Zone(i) => s.zones[i].id.as_str(),
                Hit::Site(i) => s.sites[i].id.as_str(),
            }),
            Some("binjiang")
        );
        // Hidden, Binjiang is not hit; the context district underneath is, on hover only.
        let hidden = all.with(bj.layer.expect("Binjiang has a layer"), false);
        assert_eq!(s.hit(&vp, at, 4.0, &hidden, false), None);
        match s.hit(&vp, at, 4.0, &hidden, true) {
            Some(Hit::Zone(i)) => assert_eq!(s.zones[i].kind, ZoneKind::District),
            other => panic!("expected the district under Binjiang, got {other:?}"),
        }
    }

    #[test]
    fn zones_are_selectable_by_id_except_the_context_districts() {
        let s = scene();
        let (districts, others): (Vec<_>, Vec<_>) = s.zones.iter().partition(|z| z.kind == ZoneKind::District);
        assert!(!districts.is_empty() && !others.is_empty());
        for z in others {
            assert_eq!(s.selectable_zone(&z.id).map(|f| &f.id), Some(&z.id));
        }
        for z in districts {
            assert!(s.selectable_zone(&z.id).is_none(), "{}", z.id);
        }
        assert!(s.selectable_zone("no-such-zone").is_none());
    }

    #[test]
    fn a_click_on_a_site_marker_selects_the_site_over_the_zone_beneath() {
        let s = scene();
        let vp = view_of(&s);
        let site = s.site("olympic-stadium").expect("the stadium is placed");
        let at = vp.project(site.position).unwrap();
        let at = ScreenPoint::new(at.x + 3.0, at.y);
        match s.hit(&vp, at, 8.0, &LayerSet::all(Layers::bundled_for_tests()), false) {
            Some(Hit::Site(i)) => assert_eq!(s.sites[i].id, "olympic-stadium"),
            other => panic!("expected the stadium, got {other:?}"),
        }
    }
}
