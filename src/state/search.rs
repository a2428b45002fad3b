//! Finding zones, sites and themes by name in any of the three languages, by
//! their short map labels, or by the other names people actually type (滨萧,
//! 滨富, 视谷, 国际滨, the full official names, …), which the data files list
//! beside each feature (`search_aliases` in the layers, `aliases` in themes).
//!
//! Names and queries are compared folded: case, spaces, brackets of either
//! width, middle dots and every kind of hyphen or dash are ignored, so
//! "Binjiang-Xiaoshan" finds "Binjiang–Xiaoshan" and "High-tech" finds "Hightech".

use crate::atlas::catalogue::Catalogue;
use crate::atlas::layers::{Atlas, ZoneKind};
use crate::atlas::{Lang, Names};
use crate::state::Selection;

/// One searchable thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub target: Selection,
    pub names: Names,
    terms: Vec<String>,
}

/// A search result, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub target: Selection,
    pub name: String,
}

/// The searchable names of everything the visitor can open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '(' | ')'
                        | '（'
                        | '）'
                        | '·'
                        | '・'
                        | '-'
                        | '‐'
                        | '‑'
                        | '‒'
                        | '–'
                        | '—'
                        | '―'
                        | '－'
                        | '“'
                        | '”'
                        | '"'
                )
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn entry<'a>(target: Selection, names: &Names, others: impl IntoIterator<Item = &'a str>) -> Entry {
    let mut terms: Vec<String> = [&names.zh_hans, &names.zh_hant, &names.en].iter().map(|n| fold(n)).collect();
    for t in others.into_iter().map(fold) {
        if !t.is_empty() && !terms.contains(&t) {
            terms.push(t);
        }
    }
    Entry { target, names: names.clone(), terms }
}

/// A feature's short labels and aliases, the other terms it is found by.
fn others<'a>(label: Option<&'a Names>, aliases: &'a [String]) -> impl Iterator<Item = &'a str> + 'a {
    label.into_iter().flat_map(|l| Lang::ALL.map(|lang| l.get(lang))).chain(aliases.iter().map(String::as_str))
}

impl SearchIndex {
    pub fn build(atlas: &Atlas, cat: &Catalogue) -> SearchIndex {
        let zones = atlas
            .focus
            .iter()
            .chain(&atlas.cooperation)
            .filter(|z| z.kind != ZoneKind::District)
            .map(|z| entry(Selection::Zone(z.id.clone()), &z.names, others(z.label.as_ref(), &z.aliases)));
        let sites = atlas
            .sites
            .iter()
            .map(|s| entry(Selection::Site(s.id.clone()), &s.names, others(s.label.as_ref(), &s.aliases)));
        let themes = cat
            .themes
            .iter()
            .map(|t| entry(Selection::Theme(t.id.clone()), &t.names, t.aliases.iter().map(String::as_str)));
        SearchIndex { entries: zones.chain(sites).chain(themes).collect() }
    }

    /// Up to `limit` matches for `query`: names that start with it first, then
    /// names that contain it; an empty query finds nothing.
    pub fn find(&self, query: &str, lang: Lang, limit: usize) -> Vec<Hit> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u8, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let best = e
                    .terms
                    .iter()
                    .filter_map(|t| {
                        if *t == q {
                            Some(0)
                        } else if t.starts_with(&q) {
                            Some(1)
                        } else if t.contains(&q) {
                            Some(2)
                        } else {
                            None
                        }
                    })
                    .min()?;
                Some((best, i))
            })
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(limit)
            .map(|(_, i)| Hit {
                target: self.entries[i].target.clone(),
                name: self.entries[i].names.get(lang).to_string(),
            })
            .collect()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn index() -> SearchIndex {
        let (atlas, _) = Atlas::bundled();
        SearchIndex::build(&atlas, &Catalogue::bundled().unwrap())
    }

    #[test]
    fn short_names_find_the_cooperation_zones_and_themes_first() {
        let idx = index();
        assert_eq!(idx.find("滨富", Lang::ZhHans, 5)[0].target, Selection::Zone("binfu".into()));
        assert_eq!(idx.find("滨萧", Lang::ZhHans, 5)[0].target, Selection::Zone("binxiao".into()));
        assert_eq!(idx.find("濱富", Lang::ZhHant, 5)[0].target, Selection::Zone("binfu".into()));
        assert_eq!(idx.find("视谷", Lang::ZhHans, 5)[0].target, Selection::Theme("china-vision-valley".into()));
    }

    #[test]
    fn english_search_ignores_case_and_returns_names_in_the_chosen_language() {
        let idx = index();
        let hits = idx.find("olympic", Lang::En, 5);
        assert_eq!(hits[0].target, Selection::Site("olympic-stadium".into()));
        assert!(hits[0].name.chars().all(|c| (c as u32) < 0x2E80), "{}", hits[0].name);
    }

    #[test]
    fn nothing_is_found_for_an_empty_or_unrelated_query() {
        let idx = index();
        assert!(idx.find("  ", Lang::En, 5).is_empty());
        assert!(idx.find("Shenzhen", Lang::En, 5).is_empty());
    }

    #[test]
    fn full_official_names_traditional_forms_and_ascii_hyphens_are_found() {
        let idx = index();
        let first = |q: &str| idx.find(q, Lang::ZhHans, 5).first().map(|h| h.target.clone());
        let zone = |id: &str| Some(Selection::Zone(id.into()));
        assert_eq!(first("杭州高新技术产业开发区"), zone("binjiang"));
        assert_eq!(first("杭州高新区（滨江）萧山特别合作园"), zone("binxiao"));
        assert_eq!(first("杭州高新区(滨江)富阳特别合作区"), zone("binfu"));
        assert_eq!(first("蕭山特別合作園"), zone("binxiao"));
        assert_eq!(first("國際濱"), zone("binjiang"));
        assert_eq!(first("Binjiang-Xiaoshan"), zone("binxiao"));
        assert_eq!(first("binjiang - fuyang"), zone("binfu"));
        assert_eq!(first("High-tech"), zone("binjiang"));
        assert_eq!(first("Hangzhou High-tech Zone"), zone("binjiang"));
    }

    #[test]
    fn short_map_labels_are_searchable_too() {
        let idx = index();
        let (atlas, _) = Atlas::bundled();
        for s in atlas.sites.iter().filter(|s| s.label.is_some()) {
            for lang in Lang::ALL {
                let label = s.map_label(lang);
                let hits = idx.find(label, lang, 20);
                assert!(hits.iter().any(|h| h.target.id() == s.id), "{} not found by its label {label}", s.id);
            }
        }
    }
}
