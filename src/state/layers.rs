//! Which layers of the map are visible.

use crate::atlas::layers::SiteCategory;

/// A layer the visitor can switch on and off; sites are grouped by category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    Districts,
    Binjiang,
    Binxiao,
    Binfu,
    Labs,
    ScienceFacilities,
    IndustrialParks,
    Towns,
    Venues,
    Projects,
}

impl Layer {
    pub const ALL: [Layer; 10] = [
        Layer::Districts,
        Layer::Binjiang,
        Layer::Binxiao,
        Layer::Binfu,
        Layer::Labs,
        Layer::ScienceFacilities,
        Layer::IndustrialParks,
        Layer::Towns,
        Layer::Venues,
        Layer::Projects,
    ];

    /// A short stable key for URLs and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Layer::Districts => "districts",
            Layer::Binjiang => "binjiang",
            Layer::Binxiao => "binxiao",
            Layer::Binfu => "binfu",
            Layer::Labs => "lab",
            Layer::ScienceFacilities => "science-facility",
            Layer::IndustrialParks => "industrial-park",
            Layer::Towns => "town",
            Layer::Venues => "venue",
            Layer::Projects => "project",
        }
    }

    /// The layer a site category belongs to.
    pub fn of_category(c: SiteCategory) -> Layer {
        match c {
            SiteCategory::Lab => Layer::Labs,
            SiteCategory::ScienceFacility => Layer::ScienceFacilities,
            SiteCategory::IndustrialPark => Layer::IndustrialParks,
            SiteCategory::Town => Layer::Towns,
            SiteCategory::Venue => Layer::Venues,
            SiteCategory::Project => Layer::Projects,
        }
    }

    /// The site category this layer shows; `None` for a layer of zones.
    pub fn category(self) -> Option<SiteCategory> {
        SiteCategory::ALL.into_iter().find(|&c| Layer::of_category(c) == self)
    }

    pub fn from_key(key: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.key() == key)
    }

    fn bit(self) -> u16 {
        1 << (Layer::ALL.iter().position(|l| *l == self).unwrap_or(0) as u16)
    }
}

/// A set of visible layers; all are visible by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerSet(u16);

impl Default for LayerSet {
    fn default() -> Self {
        Self::all()
    }
}

impl LayerSet {
    pub fn all() -> Self {
        LayerSet(Layer::ALL.iter().fold(0, |acc, l| acc | l.bit()))
    }

    pub fn none() -> Self {
        LayerSet(0)
    }

    pub fn contains(self, l: Layer) -> bool {
        self.0 & l.bit() != 0
    }

    pub fn with(self, l: Layer, on: bool) -> Self {
        if on {
            LayerSet(self.0 | l.bit())
        } else {
            LayerSet(self.0 & !l.bit())
        }
    }

    pub fn toggled(self, l: Layer) -> Self {
        self.with(l, !self.contains(l))
    }

    pub fn iter(self) -> impl Iterator<Item = Layer> {
        Layer::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn toggling_hides_then_shows_a_layer_and_leaves_others() {
        let s = LayerSet::all().toggled(Layer::Binfu);
        assert!(!s.contains(Layer::Binfu));
        assert!(s.contains(Layer::Binxiao));
        assert_eq!(s.toggled(Layer::Binfu), LayerSet::all());
    }

    #[test]
    fn each_site_category_has_a_layer_of_its_own_and_zone_layers_have_none() {
        for c in SiteCategory::ALL {
            assert_eq!(Layer::of_category(c).category(), Some(c));
        }
        let site_layers = Layer::ALL.iter().filter(|l| l.category().is_some()).count();
        assert_eq!(site_layers, SiteCategory::ALL.len());
        assert_eq!(Layer::Districts.category(), None);
        assert_eq!(Layer::Binjiang.category(), None);
    }

    #[test]
    fn keys_round_trip() {
        for l in Layer::ALL {
            assert_eq!(Layer::from_key(l.key()), Some(l));
        }
        assert_eq!(Layer::from_key("nope"), None);
    }
}
