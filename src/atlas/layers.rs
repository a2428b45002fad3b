//! Zones and sites from the GeoJSON layers under `geodata/`.
//!
//! Five files make up the map (RFC 7946 FeatureCollections, WGS-84; see
//! `geodata/README.md` for their sources and schema), read by
//! [`super::features`]:
//!
//! | file | features |
//! |---|---|
//! | [`DISTRICTS_FILE`] | the 13 districts of Hangzhou, `kind: "district"` (context) |
//! | [`FOCUS_FILE`] | 杭州高新区（滨江）, `kind: "focus"` |
//! | [`ZONES_FILE`] | the cooperation zones, `kind: "cooperation-zone"`, schematic |
//! | [`SITES_FILE`] | platform sites, `kind: "site"`, Points or `null` when unplaced |
//! | [`WATER_FILE`] | the river and lakes the shoreline data resolves, `kind: "water"` |
//!
//! Loading is partial: a feature that cannot be read is skipped and reported as
//! a [`DataError`] naming its file, line and id ("expected X, got Y"); a file that is
//! not a FeatureCollection is reported and the other files still load. Loading
//! never panics. What loads is then checked by [`Atlas::validate`] (see
//! [`super::validate`]), which is the same code the data tests run on the
//! committed files.

use geo::MultiPolygon;

use super::{DataError, Lang, Names};
use crate::spatial::LonLat;

pub const DISTRICTS_FILE: &str = "geodata/districts.geojson";
pub const FOCUS_FILE: &str = "geodata/binjiang.geojson";
pub const ZONES_FILE: &str = "geodata/zones.geojson";
pub const SITES_FILE: &str = "geodata/sites.geojson";
pub const WATER_FILE: &str = "geodata/water.geojson";

/// What a zone is on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneKind {
    /// A district of Hangzhou, drawn as context.
    District,
    /// The area the map is about: 杭州高新区（滨江）.
    Focus,
    /// A cooperation zone run with another district; always schematic.
    Cooperation,
}

impl ZoneKind {
    pub const ALL: [ZoneKind; 3] = [ZoneKind::District, ZoneKind::Focus, ZoneKind::Cooperation];

    /// The value of the `kind` property.
    pub fn key(self) -> &'static str {
        match self {
            ZoneKind::District => "district",
            ZoneKind::Focus => "focus",
            ZoneKind::Cooperation => "cooperation-zone",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// How well a shape or position is known (the `confidence` property).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// An administrative outline from a mapping source, not an estimate.
    Surveyed,
    /// Checked against two independent sources.
    High,
    /// One good source.
    Medium,
    /// An estimate from a description.
    Low,
    /// No position known: listed, never drawn.
    Unplaced,
}

impl Confidence {
    pub const ALL: [Confidence; 5] =
        [Confidence::Surveyed, Confidence::High, Confidence::Medium, Confidence::Low, Confidence::Unplaced];

    /// The value of the `confidence` property.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::Surveyed => "surveyed",
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
            Confidence::Unplaced => "unplaced",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// An area on the map: a district, the focus zone or a cooperation zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    pub id: String,
    pub kind: ZoneKind,
    /// The full official name, for details, lists and search.
    pub names: Names,
    /// A short name for the map itself (`label_*`), where the full name would
    /// not fit on a phone; `None` when the full name is short enough.
    pub label: Option<Names>,
    /// Other names people type to find it (`search_aliases`, any language).
    pub aliases: Vec<String>,
    /// WGS-84, exterior rings counter-clockwise.
    pub geometry: MultiPolygon<f64>,
    /// A stand-in for an area without a public boundary: draw hatched or dashed,
    /// labelled as a schematic extent, never as a solid outline.
    pub schematic: bool,
    /// The administrative code, for districts and the focus zone.
    pub adcode: Option<String>,
    /// The adcode of the district a cooperation zone lies in.
    pub district: Option<String>,
    /// The area the sources give.
    pub stated_area_km2: Option<f64>,
    /// The area the drawn shape was built to have (schematic zones); may be
    /// smaller than the stated area when only part of a zone has a known place.
    pub drawn_area_km2: Option<f64>,
    /// Which part is drawn, when a schematic shape stands for less than the whole zone.
    pub drawn_part: Option<Names>,
    /// What the outline stands for and where it comes from (`extent_basis`).
    pub basis: Option<String>,
    pub confidence: Confidence,
    /// The file the zone was read from, for error messages.
    pub file: String,
    /// [`Zone::area_km2`] once computed.
    pub area: AreaCache,
}

impl Zone {
    /// The name drawn on the map: the short label, else the full name.
    pub fn map_label(&self, lang: Lang) -> &str {
        map_label(&self.names, self.label.as_ref(), lang)
    }

    /// Area of `geometry` on the WGS-84 ellipsoid, in km². Computed the
    /// first time it is asked for (the details of a selected zone, the data
    /// checks), not on load, then kept: a zone's geometry does not change
    /// once loaded.
    pub fn area_km2(&self) -> f64 {
        *self.area.0.get_or_init(|| geodesic_area_km2(&self.geometry))
    }
}

/// A zone's area once computed. It is derived from the geometry, so two
/// zones compare equal whether or not theirs has been computed yet.
#[derive(Clone, Debug, Default)]
pub struct AreaCache(std::sync::OnceLock<f64>);

impl PartialEq for AreaCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A point of interest: a lab, park, venue or project.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub id: String,
    /// The full official name, for details, lists and search.
    pub names: Names,
    /// A short name for the map itself (`label_*`); `None` when the full name is short.
    pub label: Option<Names>,
    /// What the place is, in words, where the legend group says too little
    /// (`kind_*`: a historic quarter among venues, a trading platform among
    /// projects); `None` to say the category.
    pub kind: Option<Names>,
    /// Other names people type to find it (`search_aliases`, any language).
    pub aliases: Vec<String>,
    /// What kind of place it is (`category`); the layer of that category in
    /// `layers.toml` draws it, names the kind and switches it.
    pub category: String,
    /// `None` for a site whose location is unknown: it belongs in lists, not on the map.
    pub position: Option<LonLat>,
    pub confidence: Confidence,
    /// The adcode of the district the site is said to be in.
    pub district: String,
    /// How the position was obtained (`position_basis`).
    pub basis: String,
    /// The file the site was read from, for error messages.
    pub file: String,
}

impl Site {
    /// The name drawn on the map: the short label, else the full name.
    pub fn map_label(&self, lang: Lang) -> &str {
        map_label(&self.names, self.label.as_ref(), lang)
    }
}

fn map_label<'a>(names: &'a Names, label: Option<&'a Names>, lang: Lang) -> &'a str {
    label.map(|l| l.get(lang)).filter(|l| !l.trim().is_empty()).unwrap_or_else(|| names.get(lang))
}

/// A river or lake, drawn as water above the district fills and below their
/// outlines. Not selectable: it is context, named on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Water {
    pub id: String,
    pub names: Names,
    /// WGS-84, exterior rings counter-clockwise; empty for a river known by
    /// its centreline only.
    pub geometry: MultiPolygon<f64>,
    /// A river known by its centreline only (a `LineString` or
    /// `MultiLineString` geometry), drawn as a line; empty for an area.
    pub centreline: geo::MultiLineString<f64>,
    /// Where its name is written, on the water.
    pub label_at: LonLat,
    /// The name's rotation on screen, clockwise degrees (along the river).
    pub label_angle_deg: f64,
    /// Where the shape comes from and under which licence (`source`).
    pub source: String,
    /// The file it was read from.
    pub file: String,
}

/// Everything drawn on the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Atlas {
    pub districts: Vec<Zone>,
    /// 杭州高新区（滨江）.
    pub focus: Vec<Zone>,
    pub cooperation: Vec<Zone>,
    pub sites: Vec<Site>,
    pub water: Vec<Water>,
}

impl Atlas {
    /// Reads layers from `(path, contents)` pairs. Features go to the layer their
    /// `kind` names, whatever file they come from. Unreadable features and files
    /// are skipped and reported; the rest loads.
    pub fn from_files(files: &[(&str, &str)]) -> (Atlas, Vec<DataError>) {
        let mut atlas = Atlas::default();
        let mut errors = Vec::new();
        for (file, text) in files {
            errors.extend(atlas.read_file(file, text));
        }
        (atlas, errors)
    }

    /// Adds the features of one file, `text`, read from `file`, after those
    /// of each layer already read; returns what could not be read.
    pub fn read_file(&mut self, file: &str, text: &str) -> Vec<DataError> {
        let mut errors = Vec::new();
        super::features::read_file(self, &mut errors, file, text);
        errors
    }

    /// Puts each layer's features in the order of their files, as `rank`
    /// orders the files by name; a file's features keep their order. So a
    /// file read late takes the place it would have had had the files been
    /// read in that order.
    pub fn order_by_file(&mut self, rank: impl Fn(&str) -> usize) {
        for zones in [&mut self.districts, &mut self.focus, &mut self.cooperation] {
            zones.sort_by_key(|z| rank(&z.file));
        }
        self.sites.sort_by_key(|s| rank(&s.file));
        self.water.sort_by_key(|w| rank(&w.file));
    }

    /// The layers committed under `geodata/` (native builds only: the app
    /// fetches the deployed copies).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn bundled() -> (Atlas, Vec<DataError>) {
        Self::from_files(&BUNDLED)
    }

    /// All zones: districts, then the focus zone, then cooperation zones.
    pub fn zones(&self) -> impl Iterator<Item = &Zone> {
        self.districts.iter().chain(&self.focus).chain(&self.cooperation)
    }

    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones().find(|z| z.id == id)
    }

    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// The district with this adcode.
    pub fn district(&self, adcode: &str) -> Option<&Zone> {
        self.districts.iter().find(|z| z.adcode.as_deref() == Some(adcode))
    }
}

/// The committed layers, as `(path, contents)`: the files as written (native
/// builds only, for tests and tools: the app fetches the deployed copies).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub const BUNDLED: [(&str, &str); 5] = [
    (DISTRICTS_FILE, include_str!("../../geodata/districts.geojson")),
    (FOCUS_FILE, include_str!("../../geodata/binjiang.geojson")),
    (ZONES_FILE, include_str!("../../geodata/zones.geojson")),
    (SITES_FILE, include_str!("../../geodata/sites.geojson")),
    (WATER_FILE, include_str!("../../geodata/water.geojson")),
];

/// Square metres per square kilometre.
const M2_PER_KM2: f64 = 1e6;

/// Area on the WGS-84 ellipsoid of a multipolygon, in km²
/// ([`crate::spatial::ellipsoid::area_m2`]).
pub fn geodesic_area_km2(geometry: &MultiPolygon<f64>) -> f64 {
    crate::spatial::ellipsoid::area_m2(geometry) / M2_PER_KM2
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for k in ZoneKind::ALL {
            assert_eq!(ZoneKind::from_key(k.key()), Some(k));
        }
        for c in Confidence::ALL {
            assert_eq!(Confidence::from_key(c.key()), Some(c));
        }
    }
}
