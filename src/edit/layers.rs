//! Edits of a zone's style in `layers.toml`: the layer that draws a zone,
//! its colours, fill opacity and hatching. A colour must be written
//! `#rrggbb` and an opacity lie from 0 to 1; anything else is refused before
//! it reaches the file.

use super::records::Records;
use super::Refusal;

/// The layer drawing the zone `zone` of kind `kind` (its `kind` property):
/// the one listing it by id, else the one holding its kind.
pub fn layer_of_zone(layers: &Records, zone: &str, kind: &str) -> Option<String> {
    let ids = layers.ids();
    ids.iter()
        .find(|l| layers.get_list(l, "zones").iter().any(|z| z == zone))
        .or_else(|| ids.iter().find(|l| layers.get(l, "zone_kind").as_deref() == Some(kind)))
        .cloned()
}

/// Whether `typed` is a colour as the files write it, `#rrggbb`.
pub fn is_colour(typed: &str) -> bool {
    typed.len() == 7 && typed.starts_with('#') && typed[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Sets a colour field (`colour`, `fill`, `care_colour`, `care_fill`), in
/// lower case; blank removes an optional one.
pub fn set_colour(layers: &mut Records, id: &str, key: &str, typed: &str) -> Result<(), Refusal> {
    let typed = typed.trim();
    if !typed.is_empty() && !is_colour(typed) {
        return Err(Refusal::Colour);
    }
    layers.set_str(id, key, &typed.to_ascii_lowercase())?;
    Ok(())
}

/// Sets `fill_opacity` (or `care_fill_opacity`), from 0 to 1; blank removes it.
pub fn set_opacity(layers: &mut Records, id: &str, key: &str, typed: &str) -> Result<(), Refusal> {
    let typed = typed.trim();
    if !typed.is_empty() && !typed.parse::<f64>().is_ok_and(|v| (0.0..=1.0).contains(&v)) {
        return Err(Refusal::Opacity);
    }
    // Written as typed (0.10 stays 0.10), with a fraction (1 as 1.0).
    let value = match typed.parse::<f64>() {
        Err(_) => None,
        Ok(v) if v.fract() == 0.0 => Some(toml_edit::Value::from(v)),
        Ok(_) => typed.parse::<toml_edit::Value>().ok(),
    };
    layers.set_value(id, key, value).map_err(Refusal::from)
}

/// Hatched: the layer draws a schematic extent (`symbol = "schematic"`,
/// `pattern = "hatch"`); otherwise a filled, outlined area.
pub fn set_hatched(layers: &mut Records, id: &str, hatched: bool) -> Result<(), Refusal> {
    layers.set_str(id, "symbol", if hatched { "schematic" } else { "area" })?;
    layers.set_str(id, "pattern", if hatched { "hatch" } else { "" })?;
    Ok(())
}

// The committed files are read natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test {
    use super::*;
    use crate::edit::check::{check, committed, with_file};
    use crate::edit::features;
    use crate::edit::records::Kind;

    fn layers() -> Records {
        Records::parse(Kind::Layer, committed("layers.toml")).unwrap()
    }

    /// A cooperation zone and the layer drawing it, read from the files.
    fn zone_and_layer(l: &Records) -> (String, String) {
        let zones = committed("zones.geojson");
        let zone = features::ids(zones).into_iter().next().unwrap();
        let kind = features::property("zones.geojson", zones, &zone, "kind").unwrap();
        let layer = layer_of_zone(l, &zone, &kind).unwrap();
        (zone, layer)
    }

    #[test]
    fn a_zone_is_drawn_by_the_layer_listing_it_or_holding_its_kind() {
        let l = layers();
        let (zone, layer) = zone_and_layer(&l);
        assert!(l.get_list(&layer, "zones").contains(&zone));
        let focus = committed("binjiang.geojson");
        let id = features::ids(focus).into_iter().next().unwrap();
        let layer = layer_of_zone(&l, &id, "focus").unwrap();
        assert_eq!(l.get(&layer, "zone_kind").as_deref(), Some("focus"));
    }

    #[test]
    fn a_colour_changes_one_line_and_the_legend_reads_it() {
        let mut l = layers();
        let (_, layer) = zone_and_layer(&l);
        set_colour(&mut l, &layer, "colour", "#1A2B3C").unwrap();
        let text = l.text();
        let diff: Vec<_> = committed("layers.toml").lines().zip(text.lines()).filter(|(a, b)| a != b).collect();
        assert_eq!(diff.len(), 1);
        assert_eq!(diff[0].1, "colour = \"#1a2b3c\"");
        let checked = check(&with_file("layers.toml", &text));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        let layers = &checked.content.layers;
        let drawn = layers.by_id(&layer).and_then(|x| layers.get(x)).unwrap();
        assert_eq!(drawn.style.colour, "#1a2b3c");
        for bad in ["red", "#12345", "#12345g", "javascript:x"] {
            assert_eq!(set_colour(&mut l, &layer, "colour", bad), Err(Refusal::Colour), "{bad}");
        }
        assert_eq!(l.text(), text, "a refused colour never reaches the file");
    }

    #[test]
    fn opacity_and_hatching_round_trip() {
        let mut l = layers();
        let (_, layer) = zone_and_layer(&l);
        set_opacity(&mut l, &layer, "fill_opacity", "0.25").unwrap();
        assert_eq!(l.get(&layer, "fill_opacity").as_deref(), Some("0.25"));
        assert_eq!(set_opacity(&mut l, &layer, "fill_opacity", "2"), Err(Refusal::Opacity));
        set_opacity(&mut l, &layer, "fill_opacity", "0.10").unwrap();
        assert_eq!(l.text(), committed("layers.toml"));
        set_hatched(&mut l, &layer, false).unwrap();
        assert_eq!((l.get(&layer, "symbol").as_deref(), l.get(&layer, "pattern")), (Some("area"), None));
        set_hatched(&mut l, &layer, true).unwrap();
        let checked = check(&with_file("layers.toml", &l.text()));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
    }
}
