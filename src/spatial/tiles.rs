//! Raster tiles under the map: which tiles of a slippy-map pyramid cover a
//! view, at which integer zoom, and where each is placed on screen.
//!
//! Tiles follow the [OSM slippy-map scheme](https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames):
//! at zoom `z` the Web Mercator square is cut into `2^z × 2^z` tiles of
//! [`TILE_SIZE`] pixels, `x` from the west, `y` from the north (see
//! [`mercator`]).
//!
//! **Zoom.** A tile is sharp when one of its pixels covers one device pixel:
//! on a screen with `dpr` device pixels per CSS pixel, the view at zoom `v`
//! takes tiles of zoom `round(v + log2 dpr)` ([`tile_zoom`]), so a DPR 2
//! phone shows zoom-17 tiles at view zoom 16, each drawn 128 CSS px wide.
//!
//! **Datum.** Most tiles are drawn on WGS-84 coordinates ([`TileDatum::Wgs84`]).
//! Tiles in GCJ-02 ([`TileDatum::Gcj02`], Amap's) draw a place at the Mercator
//! position of its GCJ-02 coordinates, about 515 m east-south-east of the
//! WGS-84 position around Binjiang ([`datum`]). Rather than shifting every
//! vertex of the map's own drawing, each tile is placed by its corners: a
//! corner's GCJ-02 position is taken back to WGS-84 ([`datum::gcj02_to_wgs84`])
//! and projected with the view like any WGS-84 point. What a GCJ-02 tile draws
//! at `gcj02(p)` then lands where the map draws `p`, to within half a pixel
//! at zoom 16 (the offset is taken as linear across one tile, 530 m wide
//! there), which the tests check across a whole view.

use super::datum;
use super::mercator::{self, WorldPoint, TILE_SIZE};
use super::viewport::Viewport;
use super::LonLat;

/// The coordinates a tile set is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TileDatum {
    /// WGS-84 (OpenStreetMap, 天地图 `_w` layers, most XYZ servers).
    Wgs84,
    /// GCJ-02 (高德/Amap and tiles derived from it).
    Gcj02,
}

/// One tile of the pyramid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TileId {
    pub z: u8,
    pub x: u32,
    pub y: u32,
}

/// A tile and its box on screen, in CSS pixels from the map's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedTile {
    pub id: TileId,
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// The tile zoom for a view at `view_zoom` on a screen of `dpr` device pixels
/// per CSS pixel: the level whose pixels are nearest one device pixel, within
/// `0..=max_zoom` (beyond the tile set's deepest level its tiles are enlarged).
pub fn tile_zoom(view_zoom: f64, dpr: f64, max_zoom: u8) -> u8 {
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
    let z = (view_zoom + dpr.log2()).round();
    if z.is_finite() {
        z.clamp(0.0, f64::from(max_zoom)) as u8
    } else {
        0
    }
}

/// The zoom-0 world position of a tile corner (`x`, `y` in tile units at `z`).
fn corner(z: u8, x: f64, y: f64) -> WorldPoint {
    let size = TILE_SIZE / f64::from(1u32 << z);
    WorldPoint::new(x * size, y * size)
}

/// Takes a position on the tiles' own plane to the WGS-84 plane the map draws on.
fn to_map(datum: TileDatum, w: WorldPoint) -> Option<LonLat> {
    let p = mercator::unproject(w)?;
    Some(match datum {
        TileDatum::Wgs84 => p,
        TileDatum::Gcj02 => datum::gcj02_to_wgs84(p),
    })
}

/// Takes a WGS-84 position to the tiles' plane.
fn to_tiles(datum: TileDatum, p: LonLat) -> Option<WorldPoint> {
    match datum {
        TileDatum::Wgs84 => mercator::project(p),
        TileDatum::Gcj02 => mercator::project(datum::wgs84_to_gcj02(p)),
    }
}

/// The tiles at `z` that cover `view` and `margin_px` around it (so a drag
/// shows tiles before the view settles), placed for `view`, north-west first.
/// A GCJ-02 tile set is placed so that its drawing lines up with WGS-84.
pub fn cover(view: &Viewport, z: u8, margin_px: f64, datum: TileDatum) -> Vec<PlacedTile> {
    let m = margin_px.max(0.0);
    let corners = [(-m, -m), (view.width() + m, -m), (-m, view.height() + m), (view.width() + m, view.height() + m)];
    let n = 1u32 << z;
    let scale = f64::from(n) / TILE_SIZE;
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (sx, sy) in corners {
        let Some(w) = view.unproject(super::ScreenPoint::new(sx, sy)).and_then(|p| to_tiles(datum, p)) else {
            return Vec::new();
        };
        (x0, x1, y0, y1) = (x0.min(w.x * scale), x1.max(w.x * scale), y0.min(w.y * scale), y1.max(w.y * scale));
    }
    let last = f64::from(n - 1);
    let (tx0, tx1) = (x0.floor().clamp(0.0, last) as u32, x1.floor().clamp(0.0, last) as u32);
    let (ty0, ty1) = (y0.floor().clamp(0.0, last) as u32, y1.floor().clamp(0.0, last) as u32);
    let mut out = Vec::with_capacity(((tx1 - tx0 + 1) * (ty1 - ty0 + 1)) as usize);
    for y in ty0..=ty1 {
        for x in tx0..=tx1 {
            let at = |cx: u32, cy: u32| {
                let p = to_map(datum, corner(z, f64::from(cx), f64::from(cy)))?;
                view.project(p)
            };
            let (Some(nw), Some(se)) = (at(x, y), at(x + 1, y + 1)) else { continue };
            out.push(PlacedTile {
                id: TileId { z, x, y },
                left: nw.x,
                top: nw.y,
                width: se.x - nw.x,
                height: se.y - nw.y,
            });
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::spatial::{ScreenPoint, ViewLimits};

    /// A WGS-84 point in Binjiang (the Olympic stadium's position in sites.geojson).
    const POINT: LonLat = LonLat::new(120.2244, 30.2317);

    fn view(centre: LonLat, zoom: f64) -> Viewport {
        Viewport::new(centre, zoom, 1280.0, 800.0, ViewLimits::WORLD).unwrap()
    }

    /// Where a tile of `tiles` draws the tile-plane position `w`, on screen.
    fn drawn_at(tiles: &[PlacedTile], w: WorldPoint) -> ScreenPoint {
        let z = tiles[0].id.z;
        let n = f64::from(1u32 << z);
        let (fx, fy) = (w.x / TILE_SIZE * n, w.y / TILE_SIZE * n);
        let t = tiles
            .iter()
            .find(|t| t.id.x == fx.floor() as u32 && t.id.y == fy.floor() as u32)
            .expect("the tile holding the point is among the covering tiles");
        ScreenPoint::new(t.left + fx.fract() * t.width, t.top + fy.fract() * t.height)
    }

    #[test]
    fn dpr_2_takes_the_next_level_and_the_deepest_level_caps_it() {
        assert_eq!(tile_zoom(16.0, 1.0, 18), 16);
        assert_eq!(tile_zoom(16.0, 2.0, 18), 17);
        assert_eq!(tile_zoom(15.6, 1.0, 18), 16);
        assert_eq!(tile_zoom(17.0, 2.0, 18), 18);
        assert_eq!(tile_zoom(17.0, 3.0, 18), 18);
        assert_eq!(tile_zoom(12.0, f64::NAN, 18), 12);
        assert_eq!(tile_zoom(-3.0, 1.0, 18), 0);
    }

    #[test]
    fn the_tiles_cover_the_view_edge_to_edge_without_gaps() {
        let v = view(POINT, 16.0);
        let tiles = cover(&v, 17, 0.0, TileDatum::Wgs84);
        // 1280 × 800 CSS px of 128-px tiles: 10 or 11 across, 7 or 8 down
        let xs: std::collections::BTreeSet<u32> = tiles.iter().map(|t| t.id.x).collect();
        let ys: std::collections::BTreeSet<u32> = tiles.iter().map(|t| t.id.y).collect();
        assert!((11..=12).contains(&xs.len()) && (7..=8).contains(&ys.len()), "{} × {}", xs.len(), ys.len());
        assert_eq!(tiles.len(), xs.len() * ys.len());
        let left = tiles.iter().map(|t| t.left).fold(f64::INFINITY, f64::min);
        let top = tiles.iter().map(|t| t.top).fold(f64::INFINITY, f64::min);
        let right = tiles.iter().map(|t| t.left + t.width).fold(f64::NEG_INFINITY, f64::max);
        let bottom = tiles.iter().map(|t| t.top + t.height).fold(f64::NEG_INFINITY, f64::max);
        assert!(left <= 0.0 && top <= 0.0 && right >= 1280.0 && bottom >= 800.0);
        for t in &tiles {
            assert!((t.width - 128.0).abs() < 1e-6 && (t.height - 128.0).abs() < 1e-6, "{t:?}");
            // the neighbour to the east starts where this one ends
            if let Some(e) = tiles.iter().find(|e| e.id.x == t.id.x + 1 && e.id.y == t.id.y) {
                assert!((e.left - (t.left + t.width)).abs() < 1e-6);
            }
        }
        // a margin adds a ring of tiles
        assert!(cover(&v, 17, 256.0, TileDatum::Wgs84).len() > tiles.len());
    }

    #[test]
    fn a_wgs84_tile_draws_a_point_where_the_map_draws_it() {
        for (zoom, z) in [(16.0, 16), (16.0, 17), (12.3, 13)] {
            let v = view(LonLat::new(120.22, 30.23), zoom);
            let tiles = cover(&v, z, 0.0, TileDatum::Wgs84);
            let seen = drawn_at(&tiles, mercator::project(POINT).unwrap());
            let map = v.project(POINT).unwrap();
            assert!(seen.distance(map) < 1e-6, "zoom {zoom}/{z}: {seen:?} vs {map:?}");
        }
    }

    #[test]
    fn a_gcj02_tile_draws_a_point_where_the_map_draws_its_wgs84_position() {
        // at zoom 16, the GCJ-02 point drawn by Amap's tiles lands within a
        // half a pixel (a metre) of the map's WGS-84 point, all
        // across the view, with tiles of zoom 16 and of 17 (a DPR 2 screen)
        let v = view(LonLat::new(120.22, 30.23), 16.0);
        let mut worst: f64 = 0.0;
        for z in [16, 17] {
            let tiles = cover(&v, z, 0.0, TileDatum::Gcj02);
            for i in 0..=20 {
                for j in 0..=10 {
                    let p = v.unproject(ScreenPoint::new(64.0 * f64::from(i), 80.0 * f64::from(j))).unwrap();
                    let seen = drawn_at(&tiles, mercator::project(datum::wgs84_to_gcj02(p)).unwrap());
                    worst = worst.max(seen.distance(v.project(p).unwrap()));
                }
            }
        }
        assert!(worst < 0.5, "{worst} px");
        // without the datum the tiles would lie about 250 px (515 m) off
        let plain = cover(&v, 16, 0.0, TileDatum::Wgs84);
        let seen = drawn_at(&plain, mercator::project(datum::wgs84_to_gcj02(POINT)).unwrap());
        let off = seen.distance(v.project(POINT).unwrap());
        assert!((230.0..270.0).contains(&off), "{off}");
    }

    #[test]
    fn gcj02_tiles_cover_the_view_too() {
        let v = view(POINT, 16.0);
        let tiles = cover(&v, 16, 0.0, TileDatum::Gcj02);
        let left = tiles.iter().map(|t| t.left).fold(f64::INFINITY, f64::min);
        let right = tiles.iter().map(|t| t.left + t.width).fold(f64::NEG_INFINITY, f64::max);
        let top = tiles.iter().map(|t| t.top).fold(f64::INFINITY, f64::min);
        let bottom = tiles.iter().map(|t| t.top + t.height).fold(f64::NEG_INFINITY, f64::max);
        assert!(left <= 0.0 && top <= 0.0 && right >= 1280.0 && bottom >= 800.0, "{left} {top} {right} {bottom}");
    }
}
