//! Edits of `sites.geojson`, written as the generator writes it: one feature
//! per line (`{"type":"FeatureCollection","features":[` on the first line).
//! A change rewrites only the values it changes, inside the site's own line;
//! every other byte of the file stays as it was.

use serde_json::Value;

use super::{features, EditError};
use crate::spatial::{LonLat, ScreenPoint, ViewLimits, Viewport};

pub const SITES_FILE: &str = "sites.geojson";

/// The values of the `confidence` property a site may have.
pub const CONFIDENCES: [&str; 4] = ["high", "medium", "low", "unplaced"];

fn err(id: Option<&str>, message: impl Into<String>) -> EditError {
    EditError::new(SITES_FILE, id, message)
}

fn find(text: &str, id: &str) -> Result<(std::ops::Range<usize>, Value), EditError> {
    features::find(SITES_FILE, text, id)
}

/// The ids of the file's features, in file order.
pub fn ids(text: &str) -> Vec<String> {
    features::ids(text)
}

/// A site's position as `(lon, lat)`; `None` when it has none (unplaced).
pub fn position(text: &str, id: &str) -> Option<(f64, f64)> {
    let (_, f) = find(text, id).ok()?;
    let c = f.pointer("/geometry/coordinates")?.as_array()?;
    Some((c.first()?.as_f64()?, c.get(1)?.as_f64()?))
}

/// A string property of a site (`confidence`, `position_basis`).
pub fn property(text: &str, id: &str, key: &str) -> Option<String> {
    features::property(SITES_FILE, text, id, key)
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Moves a site to `(lon, lat)` (WGS-84, rounded to 6 decimals, ≈ 0.1 m),
/// as a drag of its marker gives it.
pub fn set_position(text: &str, id: &str, lon: f64, lat: f64) -> Result<String, EditError> {
    if !(lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
        return Err(err(Some(id), format!("expected a longitude and latitude in degrees, got {lon}, {lat}")));
    }
    let (range, _) = find(text, id)?;
    let line = &text[range.clone()];
    let geometry = line.find("\"geometry\":").ok_or_else(|| err(Some(id), "expected a geometry"))?;
    let point = format!("{{\"type\":\"Point\",\"coordinates\":[{},{}]}}", round6(lon), round6(lat));
    let new_line = match features::value_range(line, "coordinates", geometry) {
        Some(c) => format!("{}[{},{}]{}", &line[..c.start], round6(lon), round6(lat), &line[c.end..]),
        // An unplaced site (`"geometry":null`) gets a point.
        None if line[geometry..].starts_with("\"geometry\":null") => {
            let at = geometry + "\"geometry\":".len();
            format!("{}{}{}", &line[..at], point, &line[at + "null".len()..])
        }
        None => return Err(err(Some(id), "expected a Point geometry")),
    };
    features::splice(SITES_FILE, text, range, new_line, id)
}

/// Sets a string property of a site (`confidence`, `position_basis`): its
/// value is replaced where it stands, or the property is added after
/// `confidence` (or last) when the site has none.
pub fn set_property(text: &str, id: &str, key: &str, value: &str) -> Result<String, EditError> {
    if key == "confidence" && !CONFIDENCES.contains(&value) {
        return Err(err(Some(id), format!("expected confidence one of {}, got \"{value}\"", CONFIDENCES.join(", "))));
    }
    features::set_property(SITES_FILE, text, id, key, value)
}

/// Where a marker dropped at `(x, y)` (pixels from the map's top left) lands,
/// on a map `width` × `height` pixels showing `center` at `zoom`.
pub fn drop_position(center: (f64, f64), zoom: f64, width: f64, height: f64, x: f64, y: f64) -> Option<(f64, f64)> {
    let view = Viewport::new(LonLat::new(center.0, center.1), zoom, width, height, ViewLimits::WORLD).ok()?;
    view.unproject(ScreenPoint { x, y }).map(|p| (p.lon, p.lat))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn a_drop_lands_where_the_map_shows_that_point() {
        // The map's centre is the centre of the view.
        let (lon, lat) = drop_position((120.2, 30.2), 13.0, 800.0, 600.0, 400.0, 300.0).unwrap();
        assert!((lon - 120.2).abs() < 1e-9 && (lat - 30.2).abs() < 1e-9);
        // East is right, north is up; at zoom 13 a pixel is about 19 m across.
        let (e, n) = drop_position((120.2, 30.2), 13.0, 800.0, 600.0, 500.0, 200.0).unwrap();
        assert!(e > 120.2 && n > 30.2);
        let view = Viewport::new(LonLat::new(120.2, 30.2), 13.0, 800.0, 600.0, ViewLimits::WORLD).unwrap();
        let s = view.project(LonLat::new(e, n)).unwrap();
        assert!((s.x - 500.0).abs() < 1e-6 && (s.y - 200.0).abs() < 1e-6);
        assert_eq!(drop_position((120.2, 30.2), 13.0, 0.0, 600.0, 1.0, 1.0), None);
    }

    const SITES: &str = include_str!("../../geodata/sites.geojson");

    fn changed(before: &str, after: &str) -> Vec<usize> {
        let (b, a): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
        assert_eq!(b.len(), a.len());
        (0..b.len()).filter(|&i| b[i] != a[i]).collect()
    }

    #[test]
    fn a_drag_moves_one_site_and_nothing_else() {
        let id = &ids(SITES)[1];
        let out = set_position(SITES, id, 120.2301234567, 30.2299).unwrap();
        assert_eq!(position(&out, id), Some((120.230123, 30.2299)));
        assert_eq!(changed(SITES, &out).len(), 1);
        // Only the coordinates changed within the line.
        let line = out.lines().find(|l| l.contains(&format!("\"id\":\"{id}\""))).unwrap();
        assert!(line.ends_with("\"coordinates\":[120.230123,30.2299]}},"), "{line}");
        let (atlas, errors) = crate::atlas::layers::Atlas::from_files(&[("geodata/sites.geojson", &out)]);
        assert!(errors.is_empty(), "{errors:?}");
        let site = atlas.site(id).unwrap();
        assert!((site.position.unwrap().lon - 120.230123).abs() < 1e-9);
    }

    #[test]
    fn confidence_and_basis_change_in_place() {
        let id = &ids(SITES)[0];
        let out = set_property(SITES, id, "confidence", "low").unwrap();
        let out = set_property(&out, id, "position_basis", "Moved by hand to the \"gate\".").unwrap();
        assert_eq!(property(&out, id, "confidence").as_deref(), Some("low"));
        assert_eq!(property(&out, id, "position_basis").as_deref(), Some("Moved by hand to the \"gate\"."));
        assert_eq!(changed(SITES, &out).len(), 1);
        let e = set_property(SITES, id, "confidence", "certain").unwrap_err();
        assert_eq!(e.id.as_deref(), Some(id.as_str()));
        // Untouched: setting the old values back gives the file back.
        let old = property(SITES, id, "confidence").unwrap();
        let back =
            set_property(&set_property(SITES, id, "confidence", "low").unwrap(), id, "confidence", &old).unwrap();
        assert_eq!(back, SITES);
    }

    #[test]
    fn a_missing_property_is_added_and_an_unplaced_site_gets_a_point() {
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"id\":\"x\",\"properties\":{\"id\":\"x\",\"confidence\":\"unplaced\"},\"geometry\":null}\n]}\n";
        let out = set_property(text, "x", "position_basis", "b").unwrap();
        assert!(out.contains("\"confidence\":\"unplaced\",\"position_basis\":\"b\"}"), "{out}");
        let out = set_position(&out, "x", 120.2, 30.2).unwrap();
        assert_eq!(position(&out, "x"), Some((120.2, 30.2)));
        assert!(set_position(text, "nope", 120.2, 30.2).is_err());
        assert!(set_position(text, "x", 200.0, 30.2).is_err());
    }
}
