//! The text twin of the map: every zone, site and theme the map shows, as a
//! list built from the same data, so that everything drawn can also be read,
//! reached by keyboard and heard with a screen reader.
//!
//! Each [`Entry`] carries what a sighted visitor learns from the symbol: the
//! kind, the key figure, and whether the outline is schematic or the position
//! estimated or unknown. [`Entry::spoken`] is the same in one line, the
//! accessible name of the feature on the map.
//!
//! [`Move`] and [`roving`] give the order in which arrow keys walk between
//! features on the map (the roving-focus pattern of the WAI-ARIA Authoring
//! Practices, <https://www.w3.org/WAI/ARIA/apg/practices/keyboard-interface/>).

use crate::atlas::catalogue::Catalogue;
use crate::atlas::layer_list::Layers;
use crate::atlas::layers::{Atlas, Confidence, ZoneKind};
use crate::atlas::Lang;
use crate::state::details::headline;
use crate::state::text::T;
use crate::state::Selection;

/// One selectable thing, as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub selection: Selection,
    pub name: String,
    /// Kind, key figure and how the outline or position is known, joined by " · ".
    pub detail: String,
    /// The same for the ear: the key figure within the statement that says what it counts.
    pub spoken_detail: String,
    /// False for a site whose position is unknown: listed, not drawn.
    pub on_map: bool,
}

impl Entry {
    /// The name and the detail in one line, as a screen reader says it.
    pub fn spoken(&self) -> String {
        if self.spoken_detail.is_empty() {
            self.name.clone()
        } else {
            format!("{} · {}", self.name, self.spoken_detail)
        }
    }
}

/// A heading and its entries.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// A stable key for test ids and anchors (`zones`, `sites-lab`, `themes`).
    pub key: String,
    pub heading: String,
    pub entries: Vec<Entry>,
}

/// Everything the list view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    pub sections: Vec<Section>,
    /// The districts drawn only for context: named, not selectable.
    pub context: Vec<String>,
}

/// The entry for one zone, site or theme, or `None` for an unknown id.
pub fn entry(atlas: &Atlas, layers: &Layers, cat: &Catalogue, sel: &Selection, lang: Lang) -> Option<Entry> {
    let d = headline(atlas, layers, cat, sel, lang)?;
    let mut parts = vec![d.kind.clone()];
    parts.extend(d.key_figure.clone());
    let mut spoken = vec![d.kind];
    spoken.extend(d.key_statement.clone());
    let mut more = Vec::new();
    let mut on_map = true;
    match sel {
        Selection::Zone(id) => {
            if atlas.zone(id).is_some_and(|z| z.schematic) {
                more.push(T::SchematicNote.get(lang).to_string());
            }
        }
        Selection::Site(id) => {
            let site = atlas.site(id)?;
            match (site.position, site.confidence) {
                (None, _) | (_, Confidence::Unplaced) => {
                    on_map = false;
                    more.push(T::PositionUnknown.get(lang).to_string());
                }
                (Some(_), Confidence::Low | Confidence::Medium) => more.push(T::Estimated.get(lang).to_string()),
                _ => {}
            }
        }
        Selection::Theme(_) => {
            let n = d.members;
            more.push(if n == 1 {
                T::MemberCountOne.get(lang).to_string()
            } else {
                T::MemberCount.fill(lang, &[("n", &n.to_string())])
            });
        }
    }
    parts.extend(more.iter().cloned());
    spoken.extend(more);
    Some(Entry {
        selection: sel.clone(),
        name: d.title,
        detail: parts.join(" · "),
        spoken_detail: spoken.join(" · "),
        on_map,
    })
}

impl Listing {
    /// The list for `lang`: the zones (Binjiang first, then the cooperation
    /// zones), the sites by category in the legend's order (then those of a
    /// category no layer holds), then the themes.
    pub fn build(atlas: &Atlas, layers: &Layers, cat: &Catalogue, lang: Lang) -> Listing {
        let mut sections = Vec::new();
        let zones: Vec<Entry> = atlas
            .focus
            .iter()
            .chain(&atlas.cooperation)
            .filter(|z| z.kind != ZoneKind::District)
            .filter_map(|z| entry(atlas, layers, cat, &Selection::Zone(z.id.clone()), lang))
            .collect();
        sections.push(Section { key: "zones".into(), heading: T::ListZones.get(lang).into(), entries: zones });
        let mut categories: Vec<(&str, &str)> = layers.categories().map(|(l, c)| (c, layers.name(l, lang))).collect();
        for s in &atlas.sites {
            if !categories.iter().any(|(c, _)| *c == s.category) {
                categories.push((&s.category, &s.category));
            }
        }
        for (category, name) in categories {
            let entries: Vec<Entry> = atlas
                .sites
                .iter()
                .filter(|s| s.category == category)
                .filter_map(|s| entry(atlas, layers, cat, &Selection::Site(s.id.clone()), lang))
                .collect();
            if !entries.is_empty() {
                sections.push(Section {
                    key: format!("sites-{category}"),
                    heading: format!("{} · {name}", T::ListSites.get(lang)),
                    entries,
                });
            }
        }
        let themes: Vec<Entry> = cat
            .themes
            .iter()
            .filter_map(|t| entry(atlas, layers, cat, &Selection::Theme(t.id.clone()), lang))
            .collect();
        if !themes.is_empty() {
            sections.push(Section { key: "themes".into(), heading: T::Themes.get(lang).into(), entries: themes });
        }
        let context = atlas.districts.iter().map(|z| z.names.get(lang).to_string()).collect();
        Listing { sections, context }
    }

    /// Every entry, in list order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.sections.iter().flat_map(|s| &s.entries)
    }
}

/// A key that moves focus between features on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
}

impl Move {
    /// Right and Down move on, Left and Up back, Home and End to the ends.
    pub fn from_key(key: &str) -> Option<Move> {
        match key {
            "ArrowRight" | "ArrowDown" => Some(Move::Next),
            "ArrowLeft" | "ArrowUp" => Some(Move::Previous),
            "Home" => Some(Move::First),
            "End" => Some(Move::Last),
            _ => None,
        }
    }
}

/// The index focus moves to among `len` features from `current`; next and
/// previous wrap around. `None` when there is nothing to move to.
pub fn roving(len: usize, current: Option<usize>, m: Move) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (m, current) {
        (Move::First, _) | (Move::Next, None) => 0,
        (Move::Last, _) | (Move::Previous, None) => len - 1,
        (Move::Next, Some(i)) => (i + 1) % len,
        (Move::Previous, Some(i)) => (i + len - 1) % len,
    })
}

#[cfg(test)]
mod test {
    use super::*;

    fn data() -> (Atlas, Catalogue) {
        crate::atlas::bundled_for_tests()
    }

    #[test]
    fn every_selectable_zone_every_site_and_every_theme_is_listed_once() {
        let (atlas, cat) = data();
        for lang in Lang::ALL {
            let l = Listing::build(&atlas, Layers::bundled_for_tests(), &cat, lang);
            let listed: Vec<&Selection> = l.entries().map(|e| &e.selection).collect();
            let mut expected: Vec<Selection> =
                atlas.focus.iter().chain(&atlas.cooperation).map(|z| Selection::Zone(z.id.clone())).collect();
            expected.extend(atlas.sites.iter().map(|s| Selection::Site(s.id.clone())));
            expected.extend(cat.themes.iter().map(|t| Selection::Theme(t.id.clone())));
            assert_eq!(listed.len(), expected.len(), "{lang:?}");
            for e in &expected {
                assert_eq!(listed.iter().filter(|l| **l == e).count(), 1, "{e:?} in {lang:?}");
            }
            assert_eq!(l.context.len(), atlas.districts.len());
        }
    }

    #[test]
    fn binjiang_comes_first_and_says_its_kind_and_key_figure() {
        let (atlas, cat) = data();
        let l = Listing::build(&atlas, Layers::bundled_for_tests(), &cat, Lang::ZhHans);
        let first = l.entries().next().unwrap();
        assert_eq!(first.selection, Selection::Zone("binjiang".into()));
        assert!(first.detail.starts_with(T::KindFocus.get(Lang::ZhHans)), "{}", first.detail);
        assert!(first.spoken().contains("平方公里") || first.spoken().contains("亿元"), "{}", first.spoken());
    }

    #[test]
    fn spoken_names_say_what_a_key_figure_counts() {
        // A screen reader heard "滨富特别合作区 · 特别合作园区 · 9个": a figure with no word for what it counts.
        let (atlas, cat) = data();
        let mut checked = 0;
        for lang in Lang::ALL {
            for e in Listing::build(&atlas, Layers::bundled_for_tests(), &cat, lang).entries() {
                let h = headline(&atlas, Layers::bundled_for_tests(), &cat, &e.selection, lang).unwrap();
                let Some(fig) = &h.key_figure else { continue };
                let spoken = e.spoken();
                assert!(!spoken.split(" · ").any(|p| p == fig), "{lang:?}: bare figure in {spoken}");
                assert!(spoken.contains(h.key_statement.as_deref().unwrap_or("?")), "{lang:?}: {spoken}");
                checked += 1;
            }
        }
        assert!(checked > 3);
        let binfu = Listing::build(&atlas, Layers::bundled_for_tests(), &cat, Lang::ZhHans)
            .entries()
            .find(|e| e.selection.is("binfu"))
            .cloned();
        assert!(binfu.is_some_and(|e| e.spoken().contains("9个先进制造业项目")));
    }

    #[test]
    fn schematic_zones_and_unplaced_sites_say_so_in_words() {
        let (atlas, cat) = data();
        let l = Listing::build(&atlas, Layers::bundled_for_tests(), &cat, Lang::En);
        let binfu = l.entries().find(|e| e.selection.is("binfu")).unwrap();
        assert!(binfu.detail.contains(T::SchematicNote.get(Lang::En)));
        let unplaced = atlas.sites.iter().find(|s| s.position.is_none()).expect("an unplaced site");
        let e = l.entries().find(|e| e.selection.is(&unplaced.id)).unwrap();
        assert!(!e.on_map);
        assert!(e.detail.contains(T::PositionUnknown.get(Lang::En)), "{}", e.detail);
    }

    #[test]
    fn arrow_keys_walk_the_features_and_wrap() {
        assert_eq!(Move::from_key("ArrowDown"), Some(Move::Next));
        assert_eq!(Move::from_key("ArrowLeft"), Some(Move::Previous));
        assert_eq!(Move::from_key("a"), None);
        assert_eq!(roving(3, Some(0), Move::Next), Some(1));
        assert_eq!(roving(3, Some(2), Move::Next), Some(0));
        assert_eq!(roving(3, Some(0), Move::Previous), Some(2));
        assert_eq!(roving(3, Some(1), Move::Last), Some(2));
        assert_eq!(roving(3, None, Move::Next), Some(0));
        assert_eq!(roving(0, None, Move::Next), None);
    }
}
