//! Checks on a loaded [`Atlas`]: the rules every committed layer keeps, run by
//! `tests/geodata.rs` on `geodata/` and usable at run time.
//!
//! Each problem is a [`DataError`] naming the file and the feature:
//!
//! 1. ids are unique across all layers;
//! 2. every feature has a name in zh-Hans, zh-Hant and English;
//! 3. zone geometry is valid (OGC simple features: finite, ≥ 3 distinct points
//!    per ring, no self-intersection) and exterior rings run counter-clockwise,
//!    holes clockwise (RFC 7946 §3.1.6);
//! 4. every coordinate lies inside [`HANGZHOU_BOUNDS`];
//! 5. every placed site lies inside the district it claims, and a cooperation
//!    zone's centre inside its district;
//! 6. a surveyed outline with a stated area measures within
//!    [`STATED_AREA_TOLERANCE`] of it (Binjiang: 72 km² stated, ≈ 71.3 km² drawn);
//! 7. schematic zones say so: cooperation zones are schematic, schematic zones
//!    are estimates (never "surveyed"), explain their extent, and measure within
//!    [`DRAWN_AREA_TOLERANCE`] of the area they were drawn to have, which is no
//!    more than the stated area;
//! 8. a site has a position exactly when its confidence is not "unplaced", and
//!    says how its position was obtained.
//!
//! Rings that are open or shorter than four positions never reach here: the
//! loader rejects them, since `geo` would close them silently.

use std::collections::HashMap;

use geo::algorithm::Validation;
use geo::{Centroid, CoordsIter, Intersects, MultiPolygon, Point, Winding};

use super::catalogue::Catalogue;
use super::layers::{Atlas, Confidence, Zone, ZoneKind, DISTRICTS_FILE};
use super::{DataError, ErrorKind, Lang, Names};
use crate::spatial::{Bounds, LonLat};
use crate::state::tour::Tour;

/// Where any coordinate of the map may lie. Hangzhou's 13 districts, converted
/// to WGS-84, span 118.34–120.72 E and 29.19–30.57 N; this is that extent with
/// a margin of a few kilometres.
pub const HANGZHOU_BOUNDS: Bounds = Bounds { west: 118.3, south: 29.1, east: 120.8, north: 30.6 };

/// How far a surveyed outline's geodesic area may be from the stated area (2 %).
pub const STATED_AREA_TOLERANCE: f64 = 0.02;

/// How far a schematic shape's geodesic area may be from the area it was drawn
/// to have (1 %).
pub const DRAWN_AREA_TOLERANCE: f64 = 0.01;

impl Atlas {
    /// Every problem [`validate`] finds; empty when the atlas is sound.
    pub fn validate(&self) -> Vec<DataError> {
        validate(self)
    }
}

/// Runs every check; see the module documentation.
pub fn validate(atlas: &Atlas) -> Vec<DataError> {
    let mut errors = Vec::new();
    unique_ids(atlas, &mut errors);
    for zone in atlas.zones() {
        let err = |kind: ErrorKind| move |m: String| DataError::new(kind, &zone.file, Some(&zone.id), m);
        if let Some((lang, m)) = missing_names(&zone.names) {
            errors.push(err(ErrorKind::MissingName(lang))(m));
        }
        if let Some((lang, m)) = zone.label.as_ref().and_then(missing_names) {
            errors.push(err(ErrorKind::MissingName(lang))(format!("label: {m}")));
        }
        errors.extend(geometry_problems(&zone.geometry).into_iter().map(err(ErrorKind::BadGeometry)));
        if let Some(m) = outside_bounds(&zone.geometry) {
            errors.push(err(ErrorKind::OutsideArea)(m));
        }
        errors.extend(area_problems(zone).into_iter().map(err(ErrorKind::AreaMismatch)));
        errors.extend(schematic_problems(zone).into_iter().map(|(kind, m)| err(kind)(m)));
    }
    cooperation_zones_in_districts(atlas, &mut errors);
    sites(atlas, &mut errors);
    errors
}

/// Checks the catalogue and the tour against each other and against the
/// map's layers (a fact's source and subject, a theme's members, a stop's
/// facts and target, besides each file's own rules), and leaves out every
/// record at fault, then those that relied on one left out. Returns the
/// problems (what remains is sound), and the ids the records named as a
/// zone or site that the atlas does not have (a theme's own id is looked
/// for too): only a feature with one of them could change the outcome.
/// The layers' own rules are [`Atlas::validate`]'s.
pub fn check_loaded(atlas: &Atlas, catalogue: &mut Catalogue, tour: &mut Tour) -> (Vec<DataError>, Vec<String>) {
    let absent = std::cell::RefCell::new(Vec::<String>::new());
    let on_map = |id: &str| {
        let found = atlas.zone(id).is_some() || atlas.site(id).is_some();
        if !found && !absent.borrow().iter().any(|a| a == id) {
            absent.borrow_mut().push(id.to_owned());
        }
        found
    };
    let mut problems = catalogue.remove_faulty(&on_map);
    problems.extend(tour.remove_faulty(catalogue, &on_map));
    (problems, absent.into_inner())
}

fn unique_ids(atlas: &Atlas, errors: &mut Vec<DataError>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let all = atlas
        .zones()
        .map(|z| (z.id.as_str(), z.file.as_str()))
        .chain(atlas.sites.iter().map(|s| (s.id.as_str(), s.file.as_str())));
    for (id, file) in all {
        if let Some(first) = seen.get(id) {
            errors.push(DataError::new(
                ErrorKind::DuplicateId,
                file,
                Some(id),
                format!("expected a unique id, got one already used in {first}"),
            ));
        } else {
            seen.insert(id, file);
        }
    }
}

/// The first language missing, and a message naming every missing one.
fn missing_names(names: &Names) -> Option<(Lang, String)> {
    let missing = names.missing();
    let first = *missing.first()?;
    let keys: Vec<_> = missing
        .iter()
        .map(|l| match l {
            Lang::ZhHans => "name_zh_hans",
            Lang::ZhHant => "name_zh_hant",
            Lang::En => "name_en",
        })
        .collect();
    Some((first, format!("expected names in zh-Hans, zh-Hant and en, got none for {}", keys.join(", "))))
}

fn geometry_problems(geometry: &MultiPolygon<f64>) -> Vec<String> {
    let mut problems = Vec::new();
    if geometry.0.is_empty() {
        problems.push("expected at least one polygon, got an empty geometry".to_owned());
        return problems;
    }
    for (i, polygon) in geometry.0.iter().enumerate() {
        for e in polygon.validation_errors() {
            problems.push(format!("expected a valid polygon, got polygon {i}: {e}"));
        }
        if !polygon.exterior().is_ccw() {
            problems.push(format!(
                "expected the exterior ring counter-clockwise (RFC 7946 §3.1.6), got polygon {i} clockwise"
            ));
        }
        for (j, hole) in polygon.interiors().iter().enumerate() {
            if !hole.is_cw() {
                problems.push(format!("expected holes clockwise, got polygon {i}, hole {j} counter-clockwise"));
            }
        }
    }
    // Overlap between the parts of a multipolygon is a validation error too.
    if geometry.0.len() > 1 && problems.is_empty() {
        for e in geometry.validation_errors() {
            problems.push(format!("expected a valid multipolygon, got: {e}"));
        }
    }
    problems
}

fn outside_bounds(geometry: &MultiPolygon<f64>) -> Option<String> {
    let bad = geometry.coords_iter().map(LonLat::from).find(|p| !HANGZHOU_BOUNDS.contains(*p))?;
    Some(format!("expected coordinates inside the Hangzhou bounds, got ({}, {})", bad.lon, bad.lat))
}

fn area_problems(zone: &Zone) -> Vec<String> {
    let mut problems = Vec::new();
    let area = zone.area_km2();
    if !area.is_finite() || area <= 0.0 {
        problems.push(format!("expected a positive area, got {area} km²"));
        return problems;
    }
    if let (false, Some(stated)) = (zone.schematic, zone.stated_area_km2) {
        if (area - stated).abs() > STATED_AREA_TOLERANCE * stated {
            problems.push(format!(
                "expected an area within {} % of the stated {stated} km², got {area:.2} km²",
                STATED_AREA_TOLERANCE * 100.0,
            ));
        }
    }
    problems
}

/// What a zone drawn without a surveyed outline fails to say, or measures wrongly.
fn schematic_problems(zone: &Zone) -> Vec<(ErrorKind, String)> {
    use ErrorKind::{AreaMismatch, SchematicNotFlagged as Unflagged};
    let mut problems = Vec::new();
    if zone.kind == ZoneKind::Cooperation && !zone.schematic {
        let m = "expected a cooperation zone to be schematic (no public boundary exists), got schematic false";
        problems.push((Unflagged, m.to_owned()));
    }
    if !zone.schematic {
        if zone.confidence != Confidence::Surveyed {
            problems.push((
                Unflagged,
                format!(
                    "expected confidence \"surveyed\" for an outline not flagged schematic, got \"{}\"",
                    zone.confidence.key()
                ),
            ));
        }
        return problems;
    }
    if matches!(zone.confidence, Confidence::Surveyed | Confidence::Unplaced) {
        problems.push((
            Unflagged,
            format!(
                "expected a schematic zone's confidence to be high, medium or low, got \"{}\"",
                zone.confidence.key()
            ),
        ));
    }
    if let Some((lang, m)) = zone.drawn_part.as_ref().and_then(missing_names) {
        problems.push((ErrorKind::MissingName(lang), format!("drawn_part: {m}")));
    }
    if zone.basis.as_deref().is_none_or(|b| b.trim().is_empty()) {
        let m = "expected an extent_basis saying what the schematic shape stands for, got none";
        problems.push((Unflagged, m.to_owned()));
    }
    match (zone.drawn_area_km2, zone.stated_area_km2) {
        (None, _) => problems.push((Unflagged, "expected drawn_area_km2 on a schematic zone, got none".to_owned())),
        (Some(drawn), stated) => {
            let area = zone.area_km2();
            if (area - drawn).abs() > DRAWN_AREA_TOLERANCE * drawn {
                problems.push((
                    AreaMismatch,
                    format!(
                        "expected the drawn shape to measure {drawn} km² (±{} %), got {area:.2} km²",
                        DRAWN_AREA_TOLERANCE * 100.0,
                    ),
                ));
            }
            if let Some(stated) = stated.filter(|s| drawn > *s * (1.0 + 1e-9)) {
                let m = format!("expected drawn_area_km2 no larger than the stated {stated} km², got {drawn} km²");
                problems.push((AreaMismatch, m));
            }
        }
    }
    problems
}

fn cooperation_zones_in_districts(atlas: &Atlas, errors: &mut Vec<DataError>) {
    if atlas.districts.is_empty() {
        return;
    }
    for zone in &atlas.cooperation {
        let err = |kind, m: String| DataError::new(kind, &zone.file, Some(&zone.id), m);
        let Some(claim) = zone.district.as_deref() else {
            let m = "expected the adcode of the district the zone lies in, got none".to_owned();
            errors.push(err(ErrorKind::MissingField, m));
            continue;
        };
        let Some(district) = atlas.district(claim) else {
            let m = format!("expected district {claim} in {DISTRICTS_FILE}, got no such district");
            errors.push(err(ErrorKind::UnknownReference, m));
            continue;
        };
        if let Some(centre) = zone.geometry.centroid() {
            if !district.geometry.intersects(&centre) {
                errors.push(err(
                    ErrorKind::BadGeometry,
                    format!(
                        "expected the zone's centre ({:.4}, {:.4}) inside district {claim}, got {}",
                        centre.x(),
                        centre.y(),
                        containing_district(atlas, centre)
                    ),
                ));
            }
        }
    }
}

fn sites(atlas: &Atlas, errors: &mut Vec<DataError>) {
    for site in &atlas.sites {
        let err = |kind, m: String| DataError::new(kind, &site.file, Some(&site.id), m);
        if let Some((lang, m)) = missing_names(&site.names) {
            errors.push(err(ErrorKind::MissingName(lang), m));
        }
        for (what, names) in [("label", &site.label), ("kind", &site.kind)] {
            if let Some((lang, m)) = names.as_ref().and_then(missing_names) {
                errors.push(err(ErrorKind::MissingName(lang), format!("{what}: {m}")));
            }
        }
        if site.basis.trim().is_empty() {
            errors.push(err(ErrorKind::MissingField, "expected a position_basis, got an empty one".to_owned()));
        }
        match (site.position, site.confidence) {
            (None, Confidence::Unplaced) => continue,
            (None, c) => {
                let m = format!("expected a Point for a site of confidence \"{}\", got null", c.key());
                errors.push(err(ErrorKind::Inconsistent, m));
                continue;
            }
            (Some(_), Confidence::Unplaced) => {
                let m = "expected geometry null for an unplaced site, got a Point".to_owned();
                errors.push(err(ErrorKind::Inconsistent, m));
            }
            (Some(_), Confidence::Surveyed) => {
                let m = "expected confidence high, medium or low for a site, got \"surveyed\"".to_owned();
                errors.push(err(ErrorKind::Inconsistent, m));
            }
            (Some(_), _) => {}
        }
        let Some(p) = site.position else { continue };
        if !HANGZHOU_BOUNDS.contains(p) {
            let m = format!("expected a position inside the Hangzhou bounds, got ({}, {})", p.lon, p.lat);
            errors.push(err(ErrorKind::OutsideArea, m));
            continue;
        }
        if atlas.districts.is_empty() {
            continue;
        }
        let Some(district) = atlas.district(&site.district) else {
            let m = format!("expected district {} in {DISTRICTS_FILE}, got no such district", site.district);
            errors.push(err(ErrorKind::UnknownReference, m));
            continue;
        };
        let point = Point::new(p.lon, p.lat);
        if !district.geometry.intersects(&point) {
            errors.push(err(
                ErrorKind::BadGeometry,
                format!(
                    "expected ({}, {}) inside district {}, got {}",
                    p.lon,
                    p.lat,
                    site.district,
                    containing_district(atlas, point)
                ),
            ));
        }
    }
}

/// Which district a point falls in, for error messages.
fn containing_district(atlas: &Atlas, point: Point<f64>) -> String {
    match atlas.districts.iter().find(|d| d.geometry.intersects(&point)) {
        Some(d) => format!("a point in {} ({})", d.adcode.as_deref().unwrap_or(&d.id), d.names.en),
        None => "a point in no district".to_owned(),
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::{coord, LineString, Polygon};

    fn square(west: f64, south: f64, size: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![Polygon::new(
            LineString(vec![
                coord! { x: west, y: south },
                coord! { x: west + size, y: south },
                coord! { x: west + size, y: south + size },
                coord! { x: west, y: south + size },
                coord! { x: west, y: south },
            ]),
            vec![],
        )])
    }

    fn zone(id: &str, kind: ZoneKind, geometry: MultiPolygon<f64>) -> Zone {
        Zone {
            id: id.into(),
            kind,
            names: Names { zh_hans: "甲".into(), zh_hant: "甲".into(), en: "A".into() },
            label: None,
            aliases: Vec::new(),
            geometry,
            schematic: false,
            adcode: Some(id.into()),
            district: None,
            stated_area_km2: None,
            drawn_area_km2: None,
            drawn_part: None,
            basis: None,
            confidence: Confidence::Surveyed,
            file: "geodata/test.geojson".into(),
            area: Default::default(),
        }
    }

    #[test]
    fn a_sound_district_passes() {
        let atlas = Atlas {
            districts: vec![zone("330108", ZoneKind::District, square(120.1, 30.1, 0.1))],
            ..Default::default()
        };
        assert_eq!(validate(&atlas), vec![]);
    }

    #[test]
    fn a_clockwise_exterior_is_reported() {
        let mut z = zone("330108", ZoneKind::District, square(120.1, 30.1, 0.1));
        z.geometry.0[0].exterior_mut(|ring| ring.0.reverse());
        let atlas = Atlas { districts: vec![z], ..Default::default() };
        let errors = validate(&atlas);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("counter-clockwise"));
    }

    #[test]
    fn a_bow_tie_is_reported() {
        let mut z = zone("330108", ZoneKind::District, square(120.1, 30.1, 0.1));
        z.geometry.0[0].exterior_mut(|ring| ring.0.swap(1, 2));
        let atlas = Atlas { districts: vec![z], ..Default::default() };
        assert!(validate(&atlas).iter().any(|e| e.message.starts_with("expected a valid polygon")));
    }

    #[test]
    fn a_zone_outside_hangzhou_is_reported() {
        let atlas =
            Atlas { districts: vec![zone("x", ZoneKind::District, square(121.0, 31.0, 0.1))], ..Default::default() };
        assert!(validate(&atlas)[0].message.contains("inside the Hangzhou bounds"));
    }

    #[test]
    fn a_schematic_zone_must_measure_what_it_claims() {
        let mut z = zone("c", ZoneKind::Cooperation, square(120.1, 30.1, 0.01));
        z.schematic = true;
        z.confidence = Confidence::Low;
        z.basis = Some("an equal-area stand-in".into());
        z.drawn_area_km2 = Some(z.area_km2() * 1.05);
        z.stated_area_km2 = Some(z.area_km2() * 0.5);
        let errors = validate(&Atlas { cooperation: vec![z], ..Default::default() });
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].message.contains("expected the drawn shape to measure"));
        assert!(errors[1].message.contains("no larger than the stated"));
    }

    #[test]
    fn bounds_reject_non_finite_points() {
        assert!(!HANGZHOU_BOUNDS.contains(LonLat::new(f64::NAN, 30.0)));
        assert!(HANGZHOU_BOUNDS.contains(LonLat::new(120.2, 30.2)));
    }
}
