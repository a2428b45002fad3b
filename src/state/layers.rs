//! Which layers of the map are visible: a set over the layers `layers.toml`
//! lists, whatever their number.

use std::sync::Arc;

pub use crate::atlas::layer_list::{Layer, Layers};

/// The visible layers, each by its key. Made for one list of layers
/// ([`LayerSet::all`]); all are visible by default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerSet {
    /// Every layer's key, in legend order.
    keys: Arc<[String]>,
    shown: Vec<bool>,
}

impl LayerSet {
    /// Every layer of `layers` visible.
    pub fn all(layers: &Layers) -> Self {
        let keys: Arc<[String]> = layers.iter().map(|(_, d)| d.id.clone()).collect();
        LayerSet { shown: vec![true; keys.len()], keys }
    }

    /// No layer of `layers` visible.
    pub fn none(layers: &Layers) -> Self {
        let all = Self::all(layers);
        LayerSet { shown: vec![false; all.keys.len()], keys: all.keys }
    }

    /// Only the layers with these keys visible; the first key that names no
    /// layer as the error.
    pub fn from_keys<'a>(layers: &Layers, keys: impl IntoIterator<Item = &'a str>) -> Result<Self, &'a str> {
        keys.into_iter().try_fold(Self::none(layers), |set, k| layers.by_id(k).map(|l| set.with(l, true)).ok_or(k))
    }

    /// Whether every layer is visible.
    pub fn is_all(&self) -> bool {
        self.shown.iter().all(|s| *s)
    }

    /// Whether `l` is visible; a layer the set does not know is.
    pub fn contains(&self, l: Layer) -> bool {
        self.shown.get(l.0).copied().unwrap_or(true)
    }

    pub fn with(mut self, l: Layer, on: bool) -> Self {
        if let Some(s) = self.shown.get_mut(l.0) {
            *s = on;
        }
        self
    }

    pub fn toggled(self, l: Layer) -> Self {
        let on = !self.contains(l);
        self.with(l, on)
    }

    /// Whether a feature of layer `l` is drawn: always when no layer holds it.
    pub fn shows(&self, l: Option<Layer>) -> bool {
        l.is_none_or(|l| self.contains(l))
    }

    /// The visible layers, in legend order.
    pub fn iter(&self) -> impl Iterator<Item = Layer> + '_ {
        self.shown.iter().enumerate().filter(|(_, s)| **s).map(|(i, _)| Layer(i))
    }

    /// The visible layers' keys, in legend order.
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.iter().map(|l| self.keys[l.0].as_str())
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn layers() -> &'static Layers {
        Layers::bundled_for_tests()
    }

    #[test]
    fn toggling_hides_then_shows_a_layer_and_leaves_others() {
        let (a, b) = (Layer(0), Layer(layers().len() - 1));
        let s = LayerSet::all(layers()).toggled(a);
        assert!(!s.contains(a));
        assert!(s.contains(b));
        assert!(!s.is_all());
        assert_eq!(s.toggled(a), LayerSet::all(layers()));
    }

    #[test]
    fn keys_round_trip() {
        let all = LayerSet::all(layers());
        assert_eq!(LayerSet::from_keys(layers(), all.keys()), Ok(all.clone()));
        for (l, d) in layers().iter() {
            let one = LayerSet::from_keys(layers(), [d.id.as_str()]).unwrap();
            assert_eq!(one.iter().collect::<Vec<_>>(), [l]);
            assert_eq!(one.keys().collect::<Vec<_>>(), [d.id.as_str()]);
        }
        assert_eq!(LayerSet::from_keys(layers(), ["nope"]), Err("nope"));
    }
}
