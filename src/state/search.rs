//! Finding zones, sites and themes by name in any of the three languages, or
//! by the short forms people actually type (滨萧, 滨富, 视谷, …).

use crate::atlas::catalogue::Catalogue;
use crate::atlas::layers::{Atlas, ZoneKind};
use crate::atlas::{Lang, Names};
use crate::state::Selection;

/// Everyday short names, beside the official ones in the data files.
const ALIASES: &[(&str, &[&str])] = &[
    ("binjiang", &["滨江", "濱江", "高新区", "高新區", "Binjiang", "Hi-tech Zone", "国际滨"]),
    ("binxiao", &["滨萧", "濱蕭", "萧山特别合作园", "Xiaoshan"]),
    ("binfu", &["滨富", "濱富", "富阳特别合作区", "Fuyang"]),
    ("china-vision-valley", &["视谷", "視谷", "Vision Valley"]),
    ("china-data-valley", &["数谷", "數谷", "Data Valley"]),
    ("zero-magnetic-valley", &["零磁", "极弱磁", "極弱磁", "Zero Magnetic"]),
    ("zero-magnetic-valley-theme", &["零磁", "Zero Magnetic"]),
    ("olympic-stadium", &["大莲花", "大蓮花", "Big Lotus", "Olympic"]),
    ("tennis-centre", &["小莲花", "小蓮花", "Small Lotus", "Tennis"]),
    ("fuchun-bay", &["富芯", "富春湾", "富春灣"]),
    ("xianghu-community", &["视谷之窗", "視谷之窗", "湘湖"]),
];

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
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '（' | '）' | '·' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn entry(target: Selection, names: &Names) -> Entry {
    let mut terms: Vec<String> = [&names.zh_hans, &names.zh_hant, &names.en].iter().map(|n| fold(n)).collect();
    if let Some((_, extra)) = ALIASES.iter().find(|(id, _)| *id == target.id()) {
        terms.extend(extra.iter().map(|a| fold(a)));
    }
    Entry { target, names: names.clone(), terms }
}

impl SearchIndex {
    pub fn build(atlas: &Atlas, cat: &Catalogue) -> SearchIndex {
        let zones = atlas
            .focus
            .iter()
            .chain(&atlas.cooperation)
            .filter(|z| z.kind != ZoneKind::District)
            .map(|z| entry(Selection::Zone(z.id.clone()), &z.names));
        let sites = atlas.sites.iter().map(|s| entry(Selection::Site(s.id.clone()), &s.names));
        let themes = cat.themes.iter().map(|t| entry(Selection::Theme(t.id.clone()), &t.names));
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
    fn every_alias_names_something_that_exists() {
        let idx = index();
        for (id, _) in ALIASES {
            assert!(idx.entries.iter().any(|e| e.target.id() == *id), "alias for unknown id {id}");
        }
    }
}
