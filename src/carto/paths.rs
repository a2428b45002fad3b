//! SVG path data for polygons, projected once into a [`LocalFrame`].
//!
//! Geometry is projected a single time into local units (world pixels at the
//! frame's zoom, relative to its origin). Panning and zooming then change only
//! one SVG `transform`, so a gesture never rebuilds path strings.

use std::fmt::Write;

use crate::spatial::LocalFrame;
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
        out.push(if i == 0 { 'M' } else { 'L' });
        push_tenths(out, *x);
        out.push(' ');
        push_tenths(out, *y);
    }
    out.push('Z');
}

/// Path data (`M … L …` per line, one decimal, open) for lines; a line with a
/// non-finite vertex or fewer than two is left out.
pub fn line_data(lines: &geo::MultiLineString<f64>, frame: &LocalFrame) -> String {
    let mut d = String::new();
    for line in &lines.0 {
        let pts: Option<Vec<(f64, f64)>> = line.0.iter().map(|c| frame.to_local(LonLat::from(*c))).collect();
        let Some(pts) = pts.filter(|p| p.len() >= 2) else { continue };
        for (i, (x, y)) in pts.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            push_tenths(&mut d, *x);
            d.push(' ');
            push_tenths(&mut d, *y);
        }
    }
    d
}

/// Appends `v` rounded to one decimal, as `format!("{v:.1}")` would write it
/// but without the general float formatter: the path data of every outline is
/// written at start-up, and this is most of that work.
fn push_tenths(out: &mut String, v: f64) {
    let tenths = (v * 10.0).round();
    // Beyond ±2^53 tenths an integer no longer holds the value exactly.
    if !tenths.is_finite() || tenths.abs() >= 9.0e15 {
        let _ = write!(out, "{v:.1}");
        return;
    }
    let t = tenths as i64;
    if t < 0 || (t == 0 && v.is_sign_negative()) {
        out.push('-');
    }
    let t = t.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = t / 10;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&d| d as char));
    out.push('.');
    out.push((b'0' + (t % 10) as u8) as char);
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

    fn tenths(v: f64) -> String {
        let mut s = String::new();
        push_tenths(&mut s, v);
        s
    }

    #[test]
    fn numbers_are_written_as_the_formatter_writes_one_decimal() {
        for v in [0.0, -0.0, 0.04, -0.04, 0.96, 7.0, -3.21, 9.96, -9.96, 123456.789, -98765.4321, 1e300, -1e300] {
            assert_eq!(tenths(v), format!("{v:.1}"), "{v}");
        }
        // Ties (x.x5) may round the other way by the last bit of the product;
        // any value is still within half a tenth, with one decimal.
        for k in 0..20_000 {
            let v = (k as f64 - 10_000.0) * 0.731 + 0.05;
            let s = tenths(v);
            assert!((s.parse::<f64>().unwrap() - v).abs() <= 0.05 + 1e-9, "{v}: {s}");
            assert_eq!(s.split('.').nth(1).map(str::len), Some(1), "{v}: {s}");
        }
    }

    #[test]
    fn non_finite_ring_is_skipped_not_drawn() {
        let bad = polygon![(x: 120.1, y: f64::NAN), (x: 120.2, y: 30.1), (x: 120.2, y: 30.2), (x: 120.1, y: 30.1)];
        assert_eq!(path_data(&MultiPolygon(vec![bad]), &frame()), "");
    }
}
