// Reads the committed content files from disk: a native test.
#![cfg(not(target_arch = "wasm32"))]

//! The river as water, and the schematic extents placed around it: what a
//! reader of the map sees, checked on the committed layers.

use binjiang_map::atlas::layers::{geodesic_area_km2, Atlas, Confidence};
use binjiang_map::carto::scene::Scene;
use geo::{BooleanOps, Centroid, Contains, Coord, Intersects, MultiPolygon, Point};

fn atlas() -> Atlas {
    let (atlas, errors) = Atlas::bundled();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(atlas.validate().is_empty(), "{:?}", atlas.validate());
    atlas
}

fn all_water(atlas: &Atlas) -> MultiPolygon<f64> {
    MultiPolygon(atlas.water.iter().flat_map(|w| w.geometry.0.clone()).collect())
}

#[test]
fn the_river_runs_along_binjiangs_northern_border_between_its_banks() {
    let atlas = atlas();
    let water = all_water(&atlas);
    assert!(!atlas.water.is_empty(), "no water layer");
    let focus = &atlas.focus[0];
    // Binjiang's border with the districts across the river (north of it),
    // sampled along its edges north of 30.205 N.
    let across: Vec<&Coord> = atlas
        .districts
        .iter()
        .filter(|d| d.adcode != focus.adcode)
        .filter(|d| d.geometry.centroid().map(|c| c.y()) > focus.geometry.centroid().map(|c| c.y()))
        .flat_map(|d| d.geometry.0.iter().flat_map(|p| p.exterior().0.iter()))
        .collect();
    let ring = &focus.geometry.0[0].exterior().0;
    let samples: Vec<Coord> = ring
        .windows(2)
        .filter(|w| across.contains(&&w[0]) && across.contains(&&w[1]) && w[0].y > 30.205 && w[1].y > 30.205)
        .flat_map(|w| (0..20).map(move |k| w[0] + (w[1] - w[0]) * (f64::from(k) / 20.0)))
        .collect();
    assert!(samples.len() >= 100, "too few points on the river border: {}", samples.len());
    let wet = samples.iter().filter(|c| water.contains(&Point::new(c.x, c.y))).count();
    assert!(wet * 10 >= samples.len() * 9, "{wet} of {} mid-river border points are in the water", samples.len());
    // ... and the land Binjiang is named for is not: every placed site in
    // Binjiang, and most of its area, stands out of the water.
    for s in atlas.sites.iter().filter(|s| Some(&s.district) == focus.adcode.as_ref()) {
        if let Some(p) = s.position {
            assert!(!water.intersects(&Point::new(p.lon, p.lat)), "{} is drawn in the river", s.id);
        }
    }
    let wet_share = geodesic_area_km2(&focus.geometry.intersection(&water)) / focus.area_km2();
    assert!(wet_share > 0.02 && wet_share < 0.25, "{:.1} % of Binjiang is water", wet_share * 100.0);
}

#[test]
fn every_water_body_is_named_sourced_and_labelled_on_itself() {
    let atlas = atlas();
    for w in &atlas.water {
        assert!(!w.names.zh_hans.is_empty() && !w.names.zh_hant.is_empty() && !w.names.en.is_empty(), "{}", w.id);
        assert!(w.source.contains("GSHHG") && w.source.contains("LGPL"), "{}: {}", w.id, w.source);
        let at = Point::new(w.label_at.lon, w.label_at.lat);
        if w.geometry.0.is_empty() {
            // a river known by its centreline: the label sits on the line
            use geo::{Distance, Euclidean};
            let off = w.centreline.0.iter().map(|l| Euclidean.distance(&at, l)).fold(f64::MAX, f64::min);
            assert!(off < 1e-5, "{}: label {off}° off its line", w.id);
        } else {
            assert!(w.geometry.intersects(&at), "{}: label off the water", w.id);
        }
        assert!(w.label_angle_deg.abs() <= 90.0, "{}: label upside down", w.id);
    }
}

#[test]
fn schematic_extents_lie_inside_their_district_out_of_the_water_at_their_drawn_area() {
    let atlas = atlas();
    let water = all_water(&atlas);
    assert!(!atlas.cooperation.is_empty());
    for z in &atlas.cooperation {
        assert!(z.schematic && z.confidence == Confidence::Low, "{}", z.id);
        let host = z.district.as_deref().and_then(|d| atlas.district(d)).expect("a host district");
        let outside_m2 = geodesic_area_km2(&z.geometry.difference(&host.geometry)) * 1e6;
        // rounding to 6 decimals may move a cut edge by 0.1 m
        assert!(outside_m2 < 50.0, "{}: {outside_m2:.1} m² outside {}", z.id, host.id);
        let wet_m2 = geodesic_area_km2(&z.geometry.intersection(&water)) * 1e6;
        assert!(wet_m2 < 50.0, "{}: {wet_m2:.1} m² in the water", z.id);
        // and clear of a river known by its centreline only (400 m or more, for 500:
        // a distance in degrees times the metres of a degree of longitude
        // never exceeds the true distance here)
        for line in atlas.water.iter().flat_map(|w| w.centreline.0.iter()) {
            use geo::{Distance, Euclidean};
            let metres = Euclidean.distance(line, &z.geometry.0[0]) * 96_490.0;
            assert!(metres > 400.0, "{}: {metres:.0} m from a river's centreline", z.id);
        }
        let drawn = z.drawn_area_km2.expect("a drawn area");
        assert!((z.area_km2() - drawn).abs() / drawn < 0.002, "{}: {} km² for {drawn}", z.id, z.area_km2());
        // and no other district takes any of it
        for d in atlas.districts.iter().filter(|d| d.id != host.id) {
            let m2 = geodesic_area_km2(&z.geometry.intersection(&d.geometry)) * 1e6;
            assert!(m2 < 50.0, "{}: {m2:.1} m² inside {}", z.id, d.id);
        }
    }
}

#[test]
fn the_scene_draws_the_outlines_that_cross_the_water_again_above_it() {
    let atlas = atlas();
    let scene = Scene::build(
        &atlas,
        &binjiang_map::atlas::layer_list::Layers::from_toml(include_str!("../geodata/layers.toml")).0,
    )
    .expect("a scene");
    assert_eq!(scene.water.len(), atlas.water.len());
    let focus = scene.zones.iter().position(|z| z.id == atlas.focus[0].id).expect("Binjiang in the scene");
    assert!(scene.shore_zones.contains(&focus), "Binjiang's river border would vanish under the water");
    // A district far from any water is not drawn twice.
    let dry = scene
        .zones
        .iter()
        .position(|z| {
            let b = z.bounds;
            scene.water.iter().filter(|w| !w.line).all(|w| !w.bounds.intersects(b))
        })
        .expect("a district far from the water");
    assert!(!scene.shore_zones.contains(&dry));
    assert!(scene.shore_zones.iter().all(|&i| !scene.zones[i].schematic));
}

#[test]
fn each_cooperation_zone_says_how_far_it_lies_from_binjiang_and_that_it_is_approximate() {
    use binjiang_map::atlas::catalogue::Catalogue;
    use binjiang_map::atlas::Lang;
    use binjiang_map::spatial::distance::between;
    use binjiang_map::state::details::Details;
    use binjiang_map::state::Selection;
    let atlas = atlas();
    let cat = Catalogue::bundled().expect("the catalogue");
    let focus = &atlas.focus[0];
    // an independent estimate: haversine between the shapes' box centres
    let centre = |g: &MultiPolygon<f64>| {
        let b = geo::BoundingRect::bounding_rect(g).expect("a box");
        ((b.min().x + b.max().x) / 2.0, (b.min().y + b.max().y) / 2.0)
    };
    let haversine = |a: (f64, f64), b: (f64, f64)| {
        let (la, lb) = (a.1.to_radians(), b.1.to_radians());
        let h = ((lb - la) / 2.0).sin().powi(2) + la.cos() * lb.cos() * ((b.0 - a.0).to_radians() / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().asin()
    };
    for z in &atlas.cooperation {
        let d = between(&focus.geometry, &z.geometry).expect("distances");
        let rough = haversine(centre(&focus.geometry), centre(&z.geometry));
        assert!((d.centres_km - rough).abs() < 0.25 * rough + 1.0, "{}: {d:?}, roughly {rough:.1} km", z.id);
        assert!(d.gap_km < d.centres_km, "{}: {d:?}", z.id);
        let details = Details::build(
            &atlas,
            &binjiang_map::atlas::layer_list::Layers::from_toml(include_str!("../geodata/layers.toml")).0,
            &cat,
            &Selection::Zone(z.id.clone()),
            Lang::En,
        )
        .expect("details");
        let text = details.distance.unwrap_or_else(|| panic!("{}: no distance shown", z.id));
        assert!(text.contains("approximate"), "{text}");
        let shown =
            if d.centres_km < 10.0 { format!("{:.1} km", d.centres_km) } else { format!("{:.0} km", d.centres_km) };
        assert!(text.contains(&shown), "{text} does not give {shown}");
        println!("{}: {text}", z.id);
    }
    let details = Details::build(
        &atlas,
        &binjiang_map::atlas::layer_list::Layers::from_toml(include_str!("../geodata/layers.toml")).0,
        &cat,
        &Selection::Zone(focus.id.clone()),
        Lang::En,
    )
    .expect("details");
    assert_eq!(details.distance, None, "Binjiang is not measured from itself");
}
