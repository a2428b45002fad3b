//! The map's layers as data: `layers.toml` (see `geodata/README.md`).
//!
//! Each `[[layer]]` is one switch of the legend, in legend order: its id (the
//! name in `layers=` links and the host API), its name in the three languages,
//! what it holds and how it is drawn. A layer holds one of
//!
//! - every zone of a drawing role (`zone_kind = "district"` or `"focus"`),
//! - the zones it lists by id (`zones = ["…"]`, a cooperation zone's own layer),
//! - the sites of a category (`category = "…"`, the `category` of
//!   `sites.geojson`).
//!
//! So a new cooperation zone or site category is a feature in the GeoJSON and
//! a `[[layer]]` here; no code names either. Reading is partial: a layer with
//! an error is left out and reported as a [`DataError`] naming the file, the
//! layer and what is wrong; the others load.

use toml::de::{DeTable, DeValue};

use super::error::ErrorKind;
use super::layers::{Atlas, Zone, ZoneKind};
use super::records::Fields;
use super::{DataError, Lang, Names, Referent};

/// The file's deployed name, as errors name it.
pub const LAYERS_FILE: &str = "layers.toml";

/// A layer: its place in the loaded [`Layers`] (legend order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Layer(pub usize);

/// What a layer holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Holds {
    /// Every zone of this drawing role that no layer lists by id.
    ZoneKind(ZoneKind),
    /// These zones, by id.
    Zones(Vec<String>),
    /// The sites of this category.
    Category(String),
}

/// How a layer's features are pictured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    /// A filled and outlined area (a surveyed boundary).
    Area,
    /// A schematic extent: hatched and dashed, never a solid outline.
    Schematic,
    /// A point marker of its own shape.
    Marker,
}

/// A marker's shape; each category has its own so colour is never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Diamond,
    Square,
    Triangle,
    Star,
    Hexagon,
    Pentagon,
    Cross,
}

impl Shape {
    pub const ALL: [Shape; 8] = [
        Shape::Circle,
        Shape::Diamond,
        Shape::Square,
        Shape::Triangle,
        Shape::Star,
        Shape::Hexagon,
        Shape::Pentagon,
        Shape::Cross,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Shape::Circle => "circle",
            Shape::Diamond => "diamond",
            Shape::Square => "square",
            Shape::Triangle => "triangle",
            Shape::Star => "star",
            Shape::Hexagon => "hexagon",
            Shape::Pentagon => "pentagon",
            Shape::Cross => "cross",
        }
    }
}

/// A layer's look. Colours are `#rrggbb`.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerStyle {
    pub symbol: Symbol,
    /// The outline of an area, the hatching of a schematic extent, the fill
    /// of a marker; also the colour of the zones' names on the map.
    pub colour: String,
    /// The fill of an area, the ground under the hatching.
    pub fill: Option<String>,
    /// How opaque the fill is, 0–1.
    pub fill_opacity: f64,
    /// The marker's shape.
    pub shape: Option<Shape>,
    /// The high-contrast variants for 适老化 mode (`care_*`); `None`: as above.
    pub care_colour: Option<String>,
    pub care_fill: Option<String>,
    pub care_fill_opacity: Option<f64>,
}

/// One layer of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerDef {
    /// The key in `layers=` links, test ids and the host API.
    pub id: String,
    pub names: Names,
    pub holds: Holds,
    pub style: LayerStyle,
}

/// The layers, in legend order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layers {
    list: Vec<LayerDef>,
    /// Layers left out for a fault, with what they would have held as far as
    /// it can be read: the features they would hold are reported with them,
    /// not one by one.
    left_out: Vec<LeftOut>,
    /// The GeoJSON files that hold only context drawn around the zones (no
    /// feature a click selects): the map answers clicks before they arrive
    /// and draws them when they do (`context_files` in `layers.toml`).
    context_files: Vec<String>,
}

/// A `[[layer]]` left out, and what it would have held.
#[derive(Clone, Debug, Default, PartialEq)]
struct LeftOut {
    id: String,
    zone_kind: Option<String>,
    zones: Vec<String>,
    category: Option<String>,
}

impl LeftOut {
    fn read(id: &str, table: &DeTable) -> LeftOut {
        let text = |key: &str| table.get(key).and_then(|v| v.get_ref().as_str()).map(str::to_owned);
        let zones = match table.get("zones").map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => {
                items.iter().filter_map(|v| v.get_ref().as_str().map(str::to_owned)).collect()
            }
            _ => Vec::new(),
        };
        LeftOut { id: id.to_owned(), zone_kind: text("zone_kind"), zones, category: text("category") }
    }

    fn knows_what_it_holds(&self) -> bool {
        self.zone_kind.is_some() || !self.zones.is_empty() || self.category.is_some()
    }
}

/// A `[[layer]]` as written; checked into a [`LayerDef`].
struct RawLayer {
    id: String,
    // A name left out reads as blank, so that it is named as missing.
    zh_hans: String,
    zh_hant: String,
    en: String,
    zone_kind: Option<String>,
    zones: Option<Vec<String>>,
    category: Option<String>,
    symbol: String,
    colour: String,
    fill: Option<String>,
    fill_opacity: Option<f64>,
    pattern: Option<String>,
    shape: Option<String>,
    care_colour: Option<String>,
    care_fill: Option<String>,
    care_fill_opacity: Option<f64>,
}

impl RawLayer {
    fn read(f: &mut Fields) -> RawLayer {
        RawLayer {
            id: f.required_text("id"),
            zh_hans: f.text("zh_hans"),
            zh_hant: f.text("zh_hant"),
            en: f.text("en"),
            zone_kind: f.opt_text("zone_kind"),
            zones: f.opt_texts("zones"),
            category: f.opt_text("category"),
            symbol: f.required_text("symbol"),
            colour: f.required_text("colour"),
            fill: f.opt_text("fill"),
            fill_opacity: f.opt_number("fill_opacity"),
            pattern: f.opt_text("pattern"),
            shape: f.opt_text("shape"),
            care_colour: f.opt_text("care_colour"),
            care_fill: f.opt_text("care_fill"),
            care_fill_opacity: f.opt_number("care_fill_opacity"),
        }
    }
}

fn error(kind: ErrorKind, line: Option<usize>, id: Option<&str>, message: impl Into<String>) -> DataError {
    let e = DataError::new(kind, LAYERS_FILE, id, message);
    match line {
        Some(n) => e.at(n),
        None => e,
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|b| *b == b'\n').count() + 1
}

/// `#rrggbb`, six hex digits.
pub fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

fn check(raw: RawLayer) -> Result<LayerDef, String> {
    let names = Names { zh_hans: raw.zh_hans, zh_hant: raw.zh_hant, en: raw.en };
    let missing = names.missing();
    if !missing.is_empty() {
        let tags: Vec<_> = missing.iter().map(|l| l.tag()).collect();
        return Err(format!("expected a name in every language, got none in {}", tags.join(", ")));
    }
    let holds = match (raw.zone_kind, raw.zones, raw.category) {
        (Some(k), None, None) => Holds::ZoneKind(ZoneKind::from_key(&k).ok_or_else(|| {
            format!("expected zone_kind \"district\", \"focus\" or \"cooperation-zone\", got \"{k}\"")
        })?),
        (None, Some(z), None) if !z.is_empty() && z.iter().all(|id| !id.trim().is_empty()) => Holds::Zones(z),
        (None, None, Some(c)) if !c.trim().is_empty() => Holds::Category(c),
        _ => return Err("expected exactly one of zone_kind, zones (zone ids) or category (a site category)".into()),
    };
    let symbol = match raw.symbol.as_str() {
        "area" => Symbol::Area,
        "schematic" => Symbol::Schematic,
        "marker" => Symbol::Marker,
        s => return Err(format!("expected symbol \"area\", \"schematic\" or \"marker\", got \"{s}\"")),
    };
    match (&holds, symbol) {
        (Holds::Category(_), Symbol::Marker) => {}
        (Holds::Category(_), _) => return Err("expected symbol \"marker\" for a layer of sites".into()),
        (_, Symbol::Marker) => return Err("expected symbol \"area\" or \"schematic\" for a layer of zones".into()),
        _ => {}
    }
    for c in std::iter::once(&raw.colour)
        .chain(raw.fill.as_ref())
        .chain(raw.care_colour.as_ref())
        .chain(raw.care_fill.as_ref())
    {
        if !is_colour(c) {
            return Err(format!("expected a colour #rrggbb, got \"{c}\""));
        }
    }
    let fill_opacity = raw.fill_opacity.unwrap_or(1.0);
    for o in [Some(fill_opacity), raw.care_fill_opacity].into_iter().flatten() {
        if !(0.0..=1.0).contains(&o) {
            return Err(format!("expected a fill opacity from 0 to 1, got {o}"));
        }
    }
    match (symbol, raw.pattern.as_deref()) {
        (Symbol::Schematic, Some("hatch") | None) => {}
        (Symbol::Schematic, Some(p)) => return Err(format!("expected pattern \"hatch\", got \"{p}\"")),
        (_, Some(_)) => return Err("expected no pattern: only a schematic extent is hatched".into()),
        _ => {}
    }
    let shape = match (symbol, raw.shape.as_deref()) {
        (Symbol::Marker, Some(s)) => Some(Shape::ALL.into_iter().find(|k| k.key() == s).ok_or_else(|| {
            let keys: Vec<_> = Shape::ALL.iter().map(|k| k.key()).collect();
            format!("expected shape one of {}, got \"{s}\"", keys.join(", "))
        })?),
        (Symbol::Marker, None) => return Err("expected a shape for a marker".into()),
        (_, Some(_)) => return Err("expected no shape: only a marker has one".into()),
        (_, None) => None,
    };
    Ok(LayerDef {
        id: raw.id,
        names,
        holds,
        style: LayerStyle {
            symbol,
            colour: raw.colour,
            fill: raw.fill,
            fill_opacity,
            shape,
            care_colour: raw.care_colour,
            care_fill: raw.care_fill,
            care_fill_opacity: raw.care_fill_opacity,
        },
    })
}

impl Layers {
    /// Reads `layers.toml`. A layer with an error is left out and reported;
    /// a file that is not TOML is reported and gives no layers.
    pub fn from_toml(text: &str) -> (Layers, Vec<DataError>) {
        let mut errors = Vec::new();
        let root = match DeTable::parse(text) {
            Ok(root) => root,
            Err(e) => {
                let line = e.span().map(|s| line_of(text, s.start));
                return (Layers::default(), vec![error(ErrorKind::Syntax, line, None, e.message().to_string())]);
            }
        };
        // The file: a version, the context files and the [[layer]] tables, nothing else.
        let mut file = Fields::new(root.get_ref(), 0);
        let version = file.value("version").map(|v| (&text[v.span()], line_of(text, v.span().start)));
        let context_files = file.opt_texts("context_files").unwrap_or_default();
        let layers = match file.value("layer").map(|v| (v, v.get_ref())) {
            None => Vec::new(),
            Some((_, DeValue::Array(items))) => items.iter().collect(),
            Some((v, other)) => {
                let m = format!("expected [[layer]] tables, got {}", other.type_str());
                return (
                    Layers::default(),
                    vec![error(ErrorKind::Syntax, Some(line_of(text, v.span().start)), None, m)],
                );
            }
        };
        if let Some(fault) = file.fault() {
            let line = Some(line_of(text, fault.at));
            return (Layers::default(), vec![error(ErrorKind::Syntax, line, None, fault.message)]);
        }
        let (got, at) = version.map_or((None, 1), |(v, line)| (Some(v), line));
        errors.extend(super::records::version_problem(LAYERS_FILE, text, got, at));
        let mut list: Vec<LayerDef> = Vec::new();
        let mut left_out = Vec::new();
        for entry in layers {
            let line = Some(line_of(text, entry.span().start));
            let DeValue::Table(table) = entry.get_ref() else {
                let m = format!("expected a [[layer]] table, got {}", entry.get_ref().type_str());
                return (Layers::default(), vec![error(ErrorKind::Syntax, line, None, m)]);
            };
            let id = table.get("id").and_then(|v| v.get_ref().as_str()).map(str::to_owned);
            let peek = id.as_deref().map(|id| LeftOut::read(id, table));
            let mut fields = Fields::new(table, entry.span().start);
            let raw = RawLayer::read(&mut fields);
            if let Some(fault) = fields.fault() {
                errors.push(error(ErrorKind::Shape, line, id.as_deref(), fault.message));
                left_out.extend(peek);
                continue;
            }
            let id = raw.id.clone();
            if !is_id(&id) {
                errors.push(error(
                    ErrorKind::BadId,
                    line,
                    Some(&id),
                    format!("expected an id of a-z, 0-9 and -, got \"{id}\""),
                ));
                continue;
            }
            let blank = [(Lang::ZhHans, &raw.zh_hans), (Lang::ZhHant, &raw.zh_hant), (Lang::En, &raw.en)]
                .into_iter()
                .find(|(_, n)| n.trim().is_empty())
                .map(|(l, _)| l);
            let def = match check(raw) {
                Ok(d) => d,
                Err(m) => {
                    let kind = blank.map_or(ErrorKind::Shape, ErrorKind::MissingName);
                    errors.push(error(kind, line, Some(&id), m));
                    left_out.extend(peek);
                    continue;
                }
            };
            if list.iter().any(|d| d.id == def.id) {
                errors.push(error(
                    ErrorKind::DuplicateId,
                    line,
                    Some(&id),
                    "expected a unique id, got one used by an earlier layer",
                ));
                continue;
            }
            if let Some(other) = list.iter().find(|d| overlaps(&d.holds, &def.holds)) {
                errors.push(error(
                    ErrorKind::Inconsistent,
                    line,
                    Some(&id),
                    format!("expected what it holds to be in no other layer, got some in \"{}\"", other.id),
                ));
                continue;
            }
            list.push(def);
        }
        (Layers { list, left_out, context_files }, errors)
    }

    /// The GeoJSON files, by deployed name, that hold only context (the
    /// neighbouring districts, rivers and lakes): fetched after the map
    /// answers clicks, drawn when they arrive.
    pub fn context_files(&self) -> &[String] {
        &self.context_files
    }

    /// The committed `geodata/layers.toml` (native builds only: the app
    /// fetches the deployed copy).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn bundled() -> (Layers, Vec<DataError>) {
        Layers::from_toml(include_str!("../../geodata/layers.toml"))
    }

    /// [`Layers::bundled`], checked to be free of errors, for tests.
    #[cfg(test)]
    pub fn bundled_for_tests() -> &'static Layers {
        static L: std::sync::OnceLock<Layers> = std::sync::OnceLock::new();
        L.get_or_init(|| {
            let (l, errors) = Layers::bundled();
            assert!(errors.is_empty(), "{errors:?}");
            l
        })
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every layer, in legend order.
    pub fn iter(&self) -> impl Iterator<Item = (Layer, &LayerDef)> {
        self.list.iter().enumerate().map(|(i, d)| (Layer(i), d))
    }

    pub fn get(&self, l: Layer) -> Option<&LayerDef> {
        self.list.get(l.0)
    }

    /// The layer with the key `id`.
    pub fn by_id(&self, id: &str) -> Option<Layer> {
        self.list.iter().position(|d| d.id == id).map(Layer)
    }

    /// The layer's name; empty when there is no such layer.
    pub fn name(&self, l: Layer, lang: Lang) -> &str {
        self.get(l).map(|d| d.names.get(lang)).unwrap_or_default()
    }

    /// The layer a zone is in: the one listing its id, else the one of its role.
    pub fn of_zone(&self, z: &Zone) -> Option<Layer> {
        let listed = self.list.iter().position(|d| matches!(&d.holds, Holds::Zones(ids) if ids.contains(&z.id)));
        listed.or_else(|| self.list.iter().position(|d| d.holds == Holds::ZoneKind(z.kind))).map(Layer)
    }

    /// The layer of a site category.
    pub fn of_category(&self, category: &str) -> Option<Layer> {
        self.list.iter().position(|d| matches!(&d.holds, Holds::Category(c) if c == category)).map(Layer)
    }

    /// The layers of sites, in legend order, with their category.
    pub fn categories(&self) -> impl Iterator<Item = (Layer, &str)> {
        self.iter().filter_map(|(l, d)| match &d.holds {
            Holds::Category(c) => Some((l, c.as_str())),
            _ => None,
        })
    }

    /// What of the atlas no layer holds (it is drawn but cannot be switched
    /// off, and has no legend entry), and the zones a layer lists that the
    /// atlas does not have.
    pub fn check_atlas(&self, atlas: &Atlas) -> Vec<DataError> {
        let mut errors = Vec::new();
        // Features no layer holds. Those a layer left out for a fault would
        // have held refer to it, and are reported with it; of the others, a
        // kind of zone or a category of sites that no layer holds is one
        // problem, however many features it has.
        let unknown: Vec<&LeftOut> = self.left_out.iter().filter(|l| !l.knows_what_it_holds()).collect();
        let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
        let mut unheld = |would: Option<&LeftOut>, group: String, file: &str, id: &str| match would
            .or(unknown.first().copied().filter(|_| unknown.len() == 1))
        {
            Some(layer) => {
                let m = format!("expected the layer '{}' of {LAYERS_FILE} to hold it, got none", layer.id);
                let e = DataError::new(ErrorKind::UnknownReference, file, Some(id), m);
                errors.push(e.refers_to(Referent::Layer, &layer.id));
            }
            None => {
                let member = (file.to_owned(), id.to_owned());
                match groups.iter_mut().find(|(g, _)| *g == group) {
                    Some((_, members)) => members.push(member),
                    None => groups.push((group, vec![member])),
                }
            }
        };
        for z in atlas.zones().filter(|z| self.of_zone(z).is_none()) {
            let listed = self.left_out.iter().find(|l| l.zones.contains(&z.id));
            let would = listed.or_else(|| self.left_out.iter().find(|l| l.zone_kind.as_deref() == Some(z.kind.key())));
            let group = format!("that holds the zones of kind \"{}\" (zone_kind)", z.kind.key());
            unheld(would, group, &z.file, &z.id);
        }
        for s in atlas.sites.iter().filter(|s| self.of_category(&s.category).is_none()) {
            let would = self.left_out.iter().find(|l| l.category.as_deref() == Some(&s.category));
            unheld(would, format!("of category \"{}\"", s.category), &s.file, &s.id);
        }
        for (group, members) in groups {
            if let [(file, id)] = &members[..] {
                let m = format!("expected a layer in {LAYERS_FILE} {group}, got none");
                errors.push(DataError::new(ErrorKind::UnknownReference, file, Some(id), m));
                continue;
            }
            let m = format!("expected a layer {group}, got none: they are drawn without one");
            let mut e = DataError::new(ErrorKind::UnknownReference, LAYERS_FILE, None, m);
            e.dependents = members.iter().map(|(f, i)| (file_name(f).to_owned(), (*i).to_owned())).collect();
            errors.push(e);
        }
        for d in &self.list {
            if let Holds::Zones(ids) = &d.holds {
                for id in ids.iter().filter(|id| atlas.zone(id).is_none()) {
                    let e = error(
                        ErrorKind::UnknownReference,
                        None,
                        Some(&d.id),
                        format!("expected zone \"{id}\" in the map's zones, got none"),
                    );
                    errors.push(e.refers_to(Referent::Feature, id));
                }
            }
        }
        errors
    }
}

/// A file's deployed name: `sites.geojson` for `geodata/sites.geojson`.
fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn overlaps(a: &Holds, b: &Holds) -> bool {
    match (a, b) {
        (Holds::ZoneKind(x), Holds::ZoneKind(y)) => x == y,
        (Holds::Zones(x), Holds::Zones(y)) => x.iter().any(|id| y.contains(id)),
        (Holds::Category(x), Holds::Category(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// Reads fixtures written without the file's `version` line (its check
    /// is tested in `records`).
    fn from_toml_unversioned(text: &str) -> (Layers, Vec<DataError>) {
        let (read, mut errors) = Layers::from_toml(text);
        errors.retain(|e| e.kind != crate::atlas::ErrorKind::Version);
        (read, errors)
    }

    const ONE: &str = r##"
[[layer]]
id = "labs"
zh_hans = "实验室"
zh_hant = "實驗室"
en = "Labs"
category = "lab"
symbol = "marker"
shape = "circle"
colour = "#0072b2"
"##;

    fn with(extra: &str) -> String {
        format!("{ONE}\n[[layer]]\n{extra}")
    }

    #[test]
    fn the_committed_file_loads_whole() {
        let layers = Layers::bundled_for_tests();
        assert!(layers.len() >= 3);
        for (_, d) in layers.iter() {
            assert!(d.names.missing().is_empty(), "{}", d.id);
        }
    }

    #[test]
    fn a_layer_reads_with_its_names_what_it_holds_and_its_style() {
        let (layers, errors) = from_toml_unversioned(ONE);
        assert!(errors.is_empty(), "{errors:?}");
        let l = layers.by_id("labs").unwrap();
        let d = layers.get(l).unwrap();
        assert_eq!(d.names.get(Lang::ZhHant), "實驗室");
        assert_eq!(d.holds, Holds::Category("lab".into()));
        assert_eq!(d.style.shape, Some(Shape::Circle));
        assert_eq!(d.style.colour, "#0072b2");
        assert_eq!(layers.of_category("lab"), Some(l));
        assert_eq!(layers.of_category("museum"), None);
    }

    /// Each broken layer is left out with an error naming the file, the layer
    /// and its line; the good one still loads.
    #[test]
    fn a_broken_layer_is_left_out_and_named() {
        let cases = [
            ("id = \"a\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"\"\ncategory = \"x\"\nsymbol = \"marker\"\nshape = \"square\"\ncolour = \"#000000\"", "a"),
            ("id = \"b\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"B\"\ncategory = \"x\"\nsymbol = \"marker\"\nshape = \"square\"\ncolour = \"red\"", "b"),
            ("id = \"labs\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"B\"\ncategory = \"y\"\nsymbol = \"marker\"\nshape = \"square\"\ncolour = \"#000000\"", "labs"),
            ("id = \"c\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"C\"\nzones = [\"z\"]\ncategory = \"y\"\nsymbol = \"area\"\ncolour = \"#000000\"", "c"),
            ("id = \"d\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"D\"\nzones = [\"z\"]\nsymbol = \"marker\"\nshape = \"star\"\ncolour = \"#000000\"", "d"),
            ("id = \"e\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"E\"\nzone_kind = \"river\"\nsymbol = \"area\"\ncolour = \"#000000\"", "e"),
            ("id = \"f\"\nzh_hant = \"甲\"\nen = \"F\"\ncategory = \"f\"\nsymbol = \"marker\"\nshape = \"star\"\ncolour = \"#000000\"", "f"),
            ("id = \"g\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"G\"\ncategory = \"lab\"\nsymbol = \"marker\"\nshape = \"star\"\ncolour = \"#000000\"", "g"),
        ];
        let kinds = [
            ErrorKind::MissingName(Lang::En),
            ErrorKind::Shape,
            ErrorKind::DuplicateId,
            ErrorKind::Shape,
            ErrorKind::Shape,
            ErrorKind::Shape,
            ErrorKind::MissingName(Lang::ZhHans),
            ErrorKind::Inconsistent,
        ];
        for ((layer, id), kind) in cases.into_iter().zip(kinds) {
            let (layers, errors) = from_toml_unversioned(&with(layer));
            assert_eq!(layers.len(), 1, "{id}: only the good layer loads");
            assert_eq!(errors.len(), 1, "{id}: {errors:?}");
            assert_eq!(errors[0].file, LAYERS_FILE);
            assert_eq!(errors[0].id.as_deref(), Some(id));
            assert_eq!(errors[0].kind, kind, "{id}");
            assert_eq!(errors[0].line, Some(12), "{id}: {}", errors[0]);
        }
    }

    #[test]
    fn a_file_that_is_not_toml_is_reported_with_its_line() {
        let (layers, errors) = from_toml_unversioned("[[layer]]\nid = \n");
        assert!(layers.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].kind, errors[0].line), (ErrorKind::Syntax, Some(2)), "{}", errors[0]);
    }

    #[test]
    fn colours_are_six_hex_digits() {
        assert!(is_colour("#0b5cAD"));
        for bad in ["#0b5ca", "0b5cad", "#0b5cadd", "#0b5cag", "red"] {
            assert!(!is_colour(bad), "{bad}");
        }
    }

    #[test]
    fn a_zone_listed_by_id_is_in_that_layer_before_the_one_of_its_role() {
        let (atlas, _) = crate::atlas::bundled_for_tests();
        let layers = Layers::bundled_for_tests();
        for z in atlas.zones() {
            let l = layers.of_zone(z).expect("every zone is in a layer");
            match &layers.get(l).unwrap().holds {
                Holds::Zones(ids) => assert!(ids.contains(&z.id)),
                Holds::ZoneKind(k) => assert_eq!(*k, z.kind),
                Holds::Category(_) => panic!("{} in a layer of sites", z.id),
            }
        }
        assert!(layers.check_atlas(&atlas).is_empty(), "{:?}", layers.check_atlas(&atlas));
    }

    #[test]
    fn what_no_layer_holds_is_reported() {
        let (mut atlas, _) = crate::atlas::bundled_for_tests();
        atlas.sites[0].category = "museum".into();
        let id = atlas.sites[0].id.clone();
        let errors = Layers::bundled_for_tests().check_atlas(&atlas);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].id.as_deref(), Some(id.as_str()));
    }
}
