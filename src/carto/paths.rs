//! SVG path data for polygons, projected once into a [`LocalFrame`].
//!
//! Geometry is projected a single time into local units (world pixels at the
//! frame's zoom, relative to its origin). Panning and zooming then change only
//! one SVG `transform`, so a gesture never rebuilds path strings.

use std::fmt::Write;

use crate::spatial::viewport::LocalFrame;
use crate::spatial::LonLat;

/// Path data (`M … L … Z` per ring, one decimal) for a multi-polygon; rings
/// with a non-finite vertex are left out rather than drawn wrongly.
pub fn path_data(mp: &geo::MultiPolygon<f64>, frame: &LocalFrame) -> String {
    let mut d = String::new();
    for poly in &mp.0 {
        ring_data(poly.exterior(), frame, &mut d);
        for hole in poly.interiors() {
            ring_data(hole, frame, &mut d);
        }
    }
    d
}

fn ring_data(ring: &geo::LineString<f64>, frame: &LocalFrame, out: &mut String) {
    let mut pts = Vec::with_capacity(ring.0.len());
    for c in &ring.0 {
        match frame.to_local(LonLat::from(*c)) {
            Some(p) => pts.push(p),
            None => return,
        }
    }
    // The closing vertex repeats the first; `Z` closes the ring instead.
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 {
        return;
    }
    for (i, (x, y)) in pts.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        let _ = write!(out, "{cmd}{:.1} {:.1}", x, y);
    }
    out.push('Z');
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::{polygon, MultiPolygon};

    fn frame() -> LocalFrame {
        LocalFrame::new(LonLat::new(120.0, 30.5), 14.0).unwrap()
    }

    #[test]
    fn square_becomes_one_closed_subpath_with_four_vertices() {
        let sq = polygon![(x: 120.1, y: 30.1), (x: 120.2, y: 30.1), (x: 120.2, y: 30.2), (x: 120.1, y: 30.2), (x: 120.1, y: 30.1)];
        let d = path_data(&MultiPolygon(vec![sq]), &frame());
        assert_eq!(d.matches('M').count(), 1);
        assert_eq!(d.matches('L').count(), 3);
        assert!(d.ends_with('Z'));
    }

    #[test]
    fn vertices_land_where_the_frame_puts_them() {
        let f = frame();
        let sq = polygon![(x: 120.1, y: 30.1), (x: 120.2, y: 30.1), (x: 120.2, y: 30.2), (x: 120.1, y: 30.1)];
        let d = path_data(&MultiPolygon(vec![sq]), &f);
        let (x, y) = f.to_local(LonLat::new(120.1, 30.1)).unwrap();
        assert!(d.starts_with(&format!("M{x:.1} {y:.1}")), "{d}");
    }

    #[test]
    fn non_finite_ring_is_skipped_not_drawn() {
        let bad = polygon![(x: 120.1, y: f64::NAN), (x: 120.2, y: 30.1), (x: 120.2, y: 30.2), (x: 120.1, y: 30.1)];
        assert_eq!(path_data(&MultiPolygon(vec![bad]), &frame()), "");
    }
}
