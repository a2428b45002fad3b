//! What the details panel says about a selection, as a plain value: the
//! name, what kind of thing it is, how its outline or position is known, the
//! key figures first and the other facts after, each with its source.
//!
//! The UI renders this value as text; nothing here is HTML.

use crate::atlas::catalogue::{Catalogue, Fact, Source};
use crate::atlas::figures::format_figure;
use crate::atlas::layer_list::Layers;
use crate::atlas::layers::{Atlas, Confidence, ZoneKind};
use crate::atlas::Lang;
use crate::state::text::{colon, parens, T};
use crate::state::Selection;

/// How the selected thing's outline or position is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nature {
    Surveyed,
    Schematic,
    Placed(Confidence),
    Unplaced,
    Theme,
}

impl Nature {
    /// A class name for styling (`surveyed`, `schematic`, `high`, `low`, …).
    pub fn key(self) -> &'static str {
        match self {
            Nature::Surveyed => "surveyed",
            Nature::Schematic => "schematic",
            Nature::Placed(c) => c.key(),
            Nature::Unplaced => "unplaced",
            Nature::Theme => "theme",
        }
    }
}

/// One fact as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct FactView {
    pub id: String,
    /// The figure, formatted for the language ("72平方公里", "72 km²").
    pub figure: Option<String>,
    pub text: String,
    pub period: Option<String>,
    /// "《title》，publisher，date" (or the English form).
    pub source: String,
    /// Where another source says otherwise: that fact's text and source.
    pub differs: Option<String>,
    /// Where the fact is one value of a series: every value with its period,
    /// oldest first ("65家（截至2022年8月）→ 69家（截至2023年3月）").
    pub series: Option<String>,
}

/// A zone, site or theme mentioned in the panel, which the visitor can open.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub target: Selection,
    pub name: String,
    /// False for a site with no known position (it is listed, not drawn).
    pub on_map: bool,
}

/// Everything the details panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    pub selection: Selection,
    pub title: String,
    pub kind: String,
    pub nature: Nature,
    /// How the outline or position is known, in words.
    pub nature_text: String,
    /// Where the outline or position comes from (data file basis), if stated.
    pub basis: Option<String>,
    /// For a cooperation zone: how far it lies from the focus zone (geodesic,
    /// from the drawn shapes, so approximate), in words.
    pub distance: Option<String>,
    pub key_facts: Vec<FactView>,
    pub other_facts: Vec<FactView>,
    pub themes: Vec<Link>,
    pub members: Vec<Link>,
}

/// A source as cited under a fact, wholly in the reader's language: title (as
/// published), publisher and date ("《…》，浙江在线·住在杭州网，2022年8月";
/// "“国际滨”如何二次攀登？…, Zhejiang Online · Zhuzai Hangzhou, Aug 2022"). An outside source
/// without a title is cited by publisher and date.
pub fn cite(s: &Source, lang: Lang) -> String {
    let publisher = s.publisher.get(lang);
    let date = format_period(&s.date, lang);
    match (lang, &s.title) {
        // Chinese headlines carry their own quotation marks; wrapping them in
        // English quotes would double them.
        (Lang::En, Some(t)) => format!("{t}, {publisher}, {date}"),
        (Lang::En, None) => format!("{publisher}, {date}"),
        (_, Some(t)) => format!("《{t}》，{publisher}，{date}"),
        (_, None) => format!("{publisher}，{date}"),
    }
}

/// What kind of place a site is, in words: its own `kind` where the data
/// gives one (a historic quarter, a trading platform), else its category.
/// The category's name is its layer's (`layers.toml`), else the category as written.
fn site_kind(s: &crate::atlas::layers::Site, layers: &Layers, lang: Lang) -> String {
    match &s.kind {
        Some(k) if !k.get(lang).trim().is_empty() => k.get(lang).to_string(),
        _ => match layers.of_category(&s.category) {
            Some(l) => layers.name(l, lang).to_string(),
            None => s.category.clone(),
        },
    }
}

/// The words for a position's confidence.
pub fn confidence_text(c: Confidence) -> T {
    match c {
        Confidence::Surveyed => T::ConfSurveyed,
        Confidence::High => T::ConfHigh,
        Confidence::Medium => T::ConfMedium,
        Confidence::Low => T::ConfLow,
        Confidence::Unplaced => T::PositionUnknown,
    }
}

/// A period as written in the data ("2023-H1", "as of 2023-08", "target 2027",
/// "2023-01..05", "2020..2022") in the reader's language; anything else as is.
pub fn format_period(p: &str, lang: Lang) -> String {
    let p = p.trim();
    let zh = lang != Lang::En;
    if let Some(rest) = p.strip_prefix("as reported ") {
        let inner = format_period(rest, lang);
        return match lang {
            Lang::ZhHans => format!("据{inner}报道"),
            Lang::ZhHant => format!("據{inner}報道"),
            Lang::En => format!("as reported in {inner}"),
        };
    }
    if let Some(rest) = p.strip_prefix("as of ") {
        let inner = format_period(rest, lang);
        return if zh { format!("截至{inner}") } else { format!("as of {inner}") };
    }
    if let Some(rest) = p.strip_prefix("target ") {
        let inner = format_period(rest, lang);
        return match lang {
            Lang::ZhHans => format!("目标：{inner}"),
            Lang::ZhHant => format!("目標：{inner}"),
            Lang::En => format!("target for {inner}"),
        };
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let parts: Vec<&str> = p.split('-').collect();
    match parts.as_slice() {
        [y] if y.contains("..") => {
            let (a, b) = y.split_once("..").unwrap_or((y, y));
            if zh {
                format!("{a}—{b}年")
            } else {
                format!("{a}–{b}")
            }
        }
        [y] if num(y).is_some() => {
            if zh {
                format!("{y}年")
            } else {
                y.to_string()
            }
        }
        [y, h] if *h == "H1" || *h == "H2" => match (zh, *h) {
            (true, "H1") => format!("{y}年上半年"),
            (true, _) => format!("{y}年下半年"),
            (false, _) => format!("{h} {y}"),
        },
        [y, q] if q.len() == 2 && q.starts_with('Q') => {
            if zh {
                format!("{y}年第{}季度", &q[1..])
            } else {
                format!("{q} {y}")
            }
        }
        [y, m] if m.contains("..") => {
            let (a, b) = m.split_once("..").unwrap_or((m, m));
            match (num(a), num(b)) {
                (Some(a), Some(b)) if zh => format!("{y}年{a}—{b}月"),
                (Some(a), Some(b)) => format!("{}–{} {y}", month(a), month(b)),
                _ => p.to_string(),
            }
        }
        [y, m] => match num(m) {
            Some(m) if zh => format!("{y}年{m}月"),
            Some(m) => format!("{} {y}", month(m)),
            None => p.to_string(),
        },
        [y, m, d] => match (num(m), num(d)) {
            (Some(m), Some(d)) if zh => format!("{y}年{m}月{d}日"),
            (Some(m), Some(d)) => format!("{d} {} {y}", month(m)),
            _ => p.to_string(),
        },
        _ => p.to_string(),
    }
}

fn month(m: u32) -> &'static str {
    const M: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    M.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?")
}

fn fact_view(cat: &Catalogue, f: &Fact, lang: Lang) -> FactView {
    let source = cat.source(&f.source).map(|s| cite(s, lang)).unwrap_or_else(|| f.source.clone());
    let differs = f.conflicts_with.as_deref().and_then(|id| cat.fact(id)).map(|o| {
        let other_source = cat.source(&o.source).map(|s| cite(s, lang)).unwrap_or_default();
        format!("{}{}{}{}", T::SourcesDiffer.get(lang), colon(lang), o.text.get(lang), parens(lang, &other_source))
    });
    FactView {
        id: f.id.clone(),
        figure: f.figure.as_ref().map(|fig| format_figure(fig, lang)),
        text: f.text.get(lang).to_string(),
        period: f.period.as_deref().map(|p| format_period(p, lang)),
        source,
        differs,
        series: series(cat, f, lang),
    }
}

/// The values of the series `f` belongs to, oldest first, each with its
/// period; `None` when `f` stands alone.
fn series(cat: &Catalogue, f: &Fact, lang: Lang) -> Option<String> {
    let mut first = f;
    let mut steps = 0;
    while let Some(e) = first.earlier.as_deref().and_then(|id| cat.fact(id)) {
        first = e;
        steps += 1;
        if steps > cat.facts.len() {
            return None; // a loop in the data; validation reports it
        }
    }
    let mut chain = vec![first];
    while let Some(next) = cat.later(&chain[chain.len() - 1].id) {
        if chain.len() > cat.facts.len() {
            return None;
        }
        chain.push(next);
    }
    if chain.len() < 2 {
        return None;
    }
    let item = |x: &Fact| {
        let value = x.figure.as_ref().map(|g| format_figure(g, lang)).unwrap_or_default();
        match (x.period.as_deref().map(|p| format_period(p, lang)), lang) {
            (Some(p), Lang::En) => format!("{value} ({p})"),
            (Some(p), _) => format!("{value}（{p}）"),
            (None, _) => value,
        }
    };
    Some(chain.into_iter().map(item).collect::<Vec<_>>().join(" → "))
}

/// The headline of a selection without its facts: title, kind, first key
/// figure and, for a theme, how many members it links to. Lists and the
/// accessible names of every feature use it; `None` for an unknown id.
pub fn headline(atlas: &Atlas, layers: &Layers, cat: &Catalogue, sel: &Selection, lang: Lang) -> Option<Headline> {
    let (title, kind, members) = match sel {
        Selection::Zone(id) => {
            let z = atlas.zone(id)?;
            (z.names.get(lang), zone_kind_text(z.kind).get(lang).to_string(), 0)
        }
        Selection::Site(id) => {
            let s = atlas.site(id)?;
            (s.names.get(lang), site_kind(s, layers, lang), 0)
        }
        Selection::Theme(id) => {
            let t = cat.theme(id)?;
            let members = t.members.iter().filter(|m| link(atlas, cat, m, lang).is_some()).count();
            (t.names.get(lang), T::KindTheme.get(lang).to_string(), members)
        }
    };
    let key_fact = cat.facts_for(sel.id()).filter(|f| f.key).find(|f| f.figure.is_some());
    let key_figure = key_fact.and_then(|f| f.figure.as_ref()).map(|fig| format_figure(fig, lang));
    let key_statement = key_fact.map(|f| f.text.get(lang).trim_end_matches(['。', '.']).to_string());
    Some(Headline { title: title.to_string(), kind, key_figure, key_statement, members })
}

/// See [`headline`].
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub title: String,
    pub kind: String,
    pub key_figure: Option<String>,
    /// The statement the key figure comes from, which says what it counts:
    /// a screen reader hears this rather than a bare "9个".
    pub key_statement: Option<String>,
    pub members: usize,
}

impl Headline {
    /// The sentence a screen reader hears when this is selected.
    pub fn announcement(&self) -> String {
        match &self.key_statement {
            Some(fact) => format!("{} · {} · {}", self.title, self.kind, fact),
            None => format!("{} · {}", self.title, self.kind),
        }
    }
}

fn zone_kind_text(kind: ZoneKind) -> T {
    match kind {
        ZoneKind::Focus => T::KindFocus,
        ZoneKind::Cooperation => T::KindCooperation,
        ZoneKind::District => T::KindDistrict,
    }
}

/// A link to a zone, site or theme by id; `None` for an id nobody knows.
pub fn link(atlas: &Atlas, cat: &Catalogue, id: &str, lang: Lang) -> Option<Link> {
    if let Some(z) = atlas.zone(id) {
        return Some(Link { target: Selection::Zone(z.id.clone()), name: z.names.get(lang).to_string(), on_map: true });
    }
    if let Some(s) = atlas.site(id) {
        return Some(Link {
            target: Selection::Site(s.id.clone()),
            name: s.names.get(lang).to_string(),
            on_map: s.position.is_some(),
        });
    }
    cat.theme(id).map(|t| Link {
        target: Selection::Theme(t.id.clone()),
        name: t.names.get(lang).to_string(),
        on_map: true,
    })
}

/// "Distance from …: centre to centre ≈ 6.1 km · nearest edges ≈ 0 km" for a
/// cooperation zone, measured on the drawn shapes; `None` for other zones.
fn distance_text(atlas: &Atlas, z: &crate::atlas::layers::Zone, lang: Lang) -> Option<String> {
    if z.kind != ZoneKind::Cooperation {
        return None;
    }
    let focus = atlas.focus.first()?;
    let d = crate::spatial::distance::between(&focus.geometry, &z.geometry)?;
    let km = |v: f64| if v < 10.0 { format!("{v:.1} km") } else { format!("{v:.0} km") };
    let sep = if lang == Lang::En { ": " } else { "：" };
    Some(format!(
        "{}{sep}{} ≈ {} · {} ≈ {}",
        T::DistanceFromFocus.get(lang),
        T::CentreToCentre.get(lang),
        km(d.centres_km),
        T::NearestEdges.get(lang),
        km(d.gap_km)
    ))
}

impl Details {
    /// The panel for `sel`, or `None` when the id is unknown.
    pub fn build(atlas: &Atlas, layers: &Layers, cat: &Catalogue, sel: &Selection, lang: Lang) -> Option<Details> {
        let (title, kind, nature, nature_text, basis, members) = match sel {
            Selection::Zone(id) => {
                let z = atlas.zone(id)?;
                let kind = zone_kind_text(z.kind);
                let (nature, text) = if z.schematic {
                    let mut t = T::SchematicNote.get(lang).to_string();
                    if let Some(part) = &z.drawn_part {
                        let stop = if lang == Lang::En { ". " } else { "。" };
                        t = format!("{t}{stop}{}{}{}", T::DrawnPart.get(lang), colon(lang), part.get(lang));
                    }
                    (Nature::Schematic, t)
                } else {
                    let area = T::MeasuredArea.fill(lang, &[("km2", &format!("{:.1}", z.area_km2()))]);
                    (Nature::Surveyed, format!("{} · {area}", T::ConfSurveyed.get(lang)))
                };
                (z.names.get(lang).to_string(), kind.get(lang).to_string(), nature, text, z.basis.clone(), Vec::new())
            }
            Selection::Site(id) => {
                let s = atlas.site(id)?;
                let nature = if s.position.is_some() { Nature::Placed(s.confidence) } else { Nature::Unplaced };
                let text = if s.position.is_some() { confidence_text(s.confidence) } else { T::PositionUnknown };
                let basis = (!s.basis.trim().is_empty()).then(|| s.basis.clone());
                (
                    s.names.get(lang).to_string(),
                    site_kind(s, layers, lang),
                    nature,
                    text.get(lang).to_string(),
                    basis,
                    Vec::new(),
                )
            }
            Selection::Theme(id) => {
                let t = cat.theme(id)?;
                let members = t.members.iter().filter_map(|m| link(atlas, cat, m, lang)).collect();
                (
                    t.names.get(lang).to_string(),
                    T::KindTheme.get(lang).to_string(),
                    Nature::Theme,
                    T::Members.get(lang).to_string(),
                    None,
                    members,
                )
            }
        };
        let (key, other): (Vec<&Fact>, Vec<&Fact>) = cat.facts_for(sel.id()).partition(|f| f.key);
        let themes = match sel {
            Selection::Theme(_) => Vec::new(),
            _ => cat.themes_of(sel.id()).filter_map(|t| link(atlas, cat, &t.id, lang)).collect(),
        };
        let distance = match sel {
            Selection::Zone(id) => atlas.zone(id).and_then(|z| distance_text(atlas, z, lang)),
            _ => None,
        };
        Some(Details {
            selection: sel.clone(),
            title,
            kind,
            nature,
            nature_text,
            basis,
            distance,
            key_facts: key.into_iter().map(|f| fact_view(cat, f, lang)).collect(),
            other_facts: other.into_iter().map(|f| fact_view(cat, f, lang)).collect(),
            themes,
            members,
        })
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn data() -> (Atlas, Catalogue) {
        crate::atlas::bundled_for_tests()
    }

    fn layers() -> &'static Layers {
        Layers::bundled_for_tests()
    }

    #[test]
    fn the_headline_agrees_with_the_details_for_everything_selectable() {
        let (atlas, cat) = data();
        let all = atlas
            .zones()
            .map(|z| Selection::Zone(z.id.clone()))
            .chain(atlas.sites.iter().map(|s| Selection::Site(s.id.clone())))
            .chain(cat.themes.iter().map(|t| Selection::Theme(t.id.clone())));
        for sel in all {
            for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
                let d = Details::build(&atlas, layers(), &cat, &sel, lang).unwrap();
                let h = headline(&atlas, layers(), &cat, &sel, lang).unwrap();
                assert_eq!(h.title, d.title, "{sel:?}");
                assert_eq!(h.kind, d.kind, "{sel:?}");
                assert_eq!(h.key_figure, d.key_facts.iter().find_map(|f| f.figure.clone()), "{sel:?}");
                assert_eq!(h.members, d.members.len(), "{sel:?}");
            }
        }
        assert_eq!(headline(&atlas, layers(), &cat, &Selection::Site("no-such-site".into()), Lang::En), None);
    }

    #[test]
    fn binjiang_shows_its_72_km2_first_with_the_source_named() {
        let (atlas, cat) = data();
        let d = Details::build(&atlas, layers(), &cat, &Selection::Zone("binjiang".into()), Lang::ZhHans).unwrap();
        assert_eq!(d.nature, Nature::Surveyed);
        assert!(!d.key_facts.is_empty());
        let area = d.key_facts.iter().chain(&d.other_facts).find(|f| f.figure.as_deref() == Some("72平方公里"));
        let area = area.expect("a fact gives Binjiang's 72 km²");
        assert!(area.source.starts_with('《'), "{}", area.source);
        assert!(d.nature_text.contains("平方公里") && !d.nature_text.contains("km²"), "{}", d.nature_text);
        let en = Details::build(&atlas, layers(), &cat, &Selection::Zone("binjiang".into()), Lang::En).unwrap();
        assert!(en.nature_text.ends_with(" km²"), "{}", en.nature_text);
        assert!(en.key_facts.iter().chain(&en.other_facts).any(|f| f.figure.as_deref() == Some("72 km²")));
    }

    #[test]
    fn schematic_zones_say_they_are_not_legal_boundaries_in_every_language() {
        let (atlas, cat) = data();
        for id in ["binxiao", "binfu"] {
            for lang in Lang::ALL {
                let d = Details::build(&atlas, layers(), &cat, &Selection::Zone(id.into()), lang).unwrap();
                assert_eq!(d.nature, Nature::Schematic);
                assert!(d.nature_text.contains(T::SchematicNote.get(lang)), "{id} {lang:?}: {}", d.nature_text);
            }
        }
    }

    #[test]
    fn an_unplaced_site_says_its_position_is_unknown() {
        let (atlas, cat) = data();
        let id = atlas.sites.iter().find(|s| s.position.is_none()).expect("an unplaced site").id.clone();
        let d = Details::build(&atlas, layers(), &cat, &Selection::Site(id), Lang::En).unwrap();
        assert_eq!(d.nature, Nature::Unplaced);
        assert_eq!(d.nature_text, T::PositionUnknown.get(Lang::En));
    }

    #[test]
    fn a_theme_lists_its_members_as_links() {
        let (atlas, cat) = data();
        let t = &cat.themes[0];
        let d = Details::build(&atlas, layers(), &cat, &Selection::Theme(t.id.clone()), Lang::ZhHans).unwrap();
        assert_eq!(d.members.len(), t.members.len());
    }

    #[test]
    fn conflicting_facts_show_what_the_other_source_says() {
        let (atlas, cat) = data();
        let f = cat.facts.iter().find(|f| f.conflicts_with.is_some()).expect("a recorded disagreement");
        let sel = if atlas.zone(&f.subject).is_some() {
            Selection::Zone(f.subject.clone())
        } else if atlas.site(&f.subject).is_some() {
            Selection::Site(f.subject.clone())
        } else {
            Selection::Theme(f.subject.clone())
        };
        let d = Details::build(&atlas, layers(), &cat, &sel, Lang::ZhHans).unwrap();
        let v = d.key_facts.iter().chain(&d.other_facts).find(|v| v.id == f.id).unwrap();
        assert!(v.differs.as_deref().is_some_and(|t| t.starts_with(T::SourcesDiffer.get(Lang::ZhHans))));
        let differs = v.differs.as_deref().unwrap_or_default();
        assert!(!differs.contains([':', '(', ')']), "Chinese punctuation in Chinese: {differs}");
    }

    #[test]
    fn periods_read_naturally_in_each_language() {
        assert_eq!(format_period("2023-H1", Lang::ZhHans), "2023年上半年");
        assert_eq!(format_period("2023-H1", Lang::En), "H1 2023");
        assert_eq!(format_period("as of 2023-08", Lang::ZhHant), "截至2023年8月");
        assert_eq!(format_period("as of 2023-08", Lang::En), "as of Aug 2023");
        assert_eq!(format_period("2023-01..05", Lang::ZhHans), "2023年1—5月");
        assert_eq!(format_period("2023-01..05", Lang::En), "Jan–May 2023");
        assert_eq!(format_period("target 2026..2028", Lang::En), "target for 2026–2028");
        assert_eq!(format_period("2023-02-24", Lang::ZhHans), "2023年2月24日");
        assert_eq!(format_period("2023-Q1", Lang::En), "Q1 2023");
        assert_eq!(format_period("someday", Lang::En), "someday");
        assert_eq!(format_period("2023-13", Lang::En), "? 2023");
        assert_eq!(format_period("as reported 2023-05", Lang::ZhHans), "据2023年5月报道");
        assert_eq!(format_period("as reported 2023-05", Lang::En), "as reported in May 2023");
    }

    #[test]
    fn citations_speak_only_the_readers_language() {
        let (_, cat) = data();
        for s in &cat.sources {
            let zh = cite(s, Lang::ZhHans);
            let words: Vec<&str> = zh
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 1 && !s.title.as_deref().unwrap_or("").contains(w))
                .filter(|w| !["achie", "org"].contains(w))
                .collect();
            assert!(words.is_empty(), "{}: English in the Chinese citation {zh}: {words:?}", s.id);
            let en = cite(s, Lang::En);
            let title_free = s.title.as_deref().map_or(en.clone(), |t| en.replace(t, ""));
            assert!(title_free.chars().all(|c| (c as u32) < 0x2E80), "{}: Chinese in the English citation {en}", s.id);
        }
    }

    #[test]
    fn a_series_shows_each_value_with_its_period_oldest_first() {
        let (atlas, cat) = data();
        let later = cat.facts.iter().find(|f| f.earlier.is_some()).expect("a recorded series");
        let earlier = cat.fact(later.earlier.as_deref().unwrap()).unwrap();
        let sel = Selection::Zone(later.subject.clone());
        let d = Details::build(&atlas, layers(), &cat, &sel, Lang::En).expect("a zone's series");
        let views: Vec<&FactView> = d.key_facts.iter().chain(&d.other_facts).collect();
        let shown = |id: &str| views.iter().find(|v| v.id == id).and_then(|v| v.series.clone()).unwrap();
        let series = shown(&later.id);
        assert_eq!(series, shown(&earlier.id), "both ends show the same series");
        let old = format_figure(earlier.figure.as_ref().unwrap(), Lang::En);
        let new = format_figure(later.figure.as_ref().unwrap(), Lang::En);
        let (a, b) = (series.find(&old).unwrap(), series.find(&new).unwrap());
        assert!(a < b && series.contains('→'), "{series}");
        assert!(
            views.iter().filter(|v| v.differs.is_some()).all(|v| v.id != later.id),
            "a series is not a disagreement"
        );
    }

    #[test]
    fn a_site_says_what_it_is_in_its_own_words_where_the_category_says_too_little() {
        let (atlas, cat) = data();
        let s = atlas.sites.iter().find(|s| s.kind.is_some()).expect("a site with its own kind");
        for lang in Lang::ALL {
            let d = Details::build(&atlas, layers(), &cat, &Selection::Site(s.id.clone()), lang).unwrap();
            assert_eq!(d.kind, s.kind.as_ref().unwrap().get(lang));
        }
    }

    #[test]
    fn unknown_ids_give_no_panel() {
        let (atlas, cat) = data();
        assert!(Details::build(&atlas, layers(), &cat, &Selection::Zone("nowhere".into()), Lang::En).is_none());
    }
}
