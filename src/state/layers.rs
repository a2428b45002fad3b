//! Which layers of the map are visible.

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
    fn keys_round_trip() {
        for l in Layer::ALL {
            assert_eq!(Layer::from_key(l.key()), Some(l));
        }
        assert_eq!(Layer::from_key("nope"), None);
    }
}
