//! Reads edited record files back the way the map reads them, and lists every
//! fault with the map's own rules ([`Catalogue::validate`], the tour's reader),
//! so the editor can show what is wrong while the keeper types.

use serde_json::{Map, Value};

use crate::atlas::catalogue::{Catalogue, FACTS_FILE};
use crate::atlas::DataError;
use crate::state::tour::Tour;

/// The texts of the record files, as edited.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordTexts {
    pub sources: String,
    pub facts: String,
    pub themes: String,
    pub tour: String,
}

/// What the map makes of the edited files.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// The catalogue, when the files can be read at all.
    pub catalogue: Option<Catalogue>,
    pub tour: Option<Tour>,
    /// Every fault, each naming its file and record.
    pub errors: Vec<DataError>,
}

impl Checked {
    /// The faults of the fact `id`, as messages.
    pub fn fact_errors(&self, id: &str) -> Vec<String> {
        self.errors
            .iter()
            .filter(|e| e.file == FACTS_FILE && e.id.as_deref() == Some(id))
            .map(|e| e.message.clone())
            .collect()
    }
}

fn table(name: &str, text: &str) -> Result<Value, DataError> {
    let parsed: Result<Map<String, Value>, toml::de::Error> = toml::from_str(text);
    parsed.map(Value::Object).map_err(|e| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let message = e.message().trim();
        match line {
            Some(l) => DataError::new(name, None, format!("line {l}: invalid TOML: {message}")),
            None => DataError::new(name, None, format!("invalid TOML: {message}")),
        }
    })
}

/// Reads and checks the edited files; `subject_exists` says whether a zone or
/// site id is on the map.
pub fn check(texts: &RecordTexts, subject_exists: &dyn Fn(&str) -> bool) -> Checked {
    let mut out = Checked::default();
    let mut root = Map::new();
    for (key, name, text) in [
        ("sources", "sources.toml", &texts.sources),
        ("facts", "facts.toml", &texts.facts),
        ("themes", "themes.toml", &texts.themes),
        ("tour", "tour.toml", &texts.tour),
    ] {
        match table(name, text) {
            Ok(t) => {
                root.insert(key.to_owned(), t);
            }
            Err(e) => out.errors.push(e),
        }
    }
    if !out.errors.is_empty() {
        return out;
    }
    let json = Value::Object(root).to_string();
    match Catalogue::from_json(&json) {
        Ok(c) => {
            out.errors.extend(c.validate(subject_exists));
            out.catalogue = Some(c);
        }
        Err(e) => out.errors.push(e),
    }
    match Tour::from_json(&json) {
        Ok(t) => out.tour = Some(t),
        Err(e) => out.errors.push(e),
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::atlas::layers::Atlas;
    use crate::edit::records::{Kind, Records};

    fn committed() -> RecordTexts {
        RecordTexts {
            sources: include_str!("../../geodata/sources.toml").to_owned(),
            facts: include_str!("../../geodata/facts.toml").to_owned(),
            themes: include_str!("../../geodata/themes.toml").to_owned(),
            tour: include_str!("../../geodata/tour.toml").to_owned(),
        }
    }

    fn on_map() -> impl Fn(&str) -> bool {
        let (atlas, _) = Atlas::bundled();
        move |id: &str| atlas.zone(id).is_some() || atlas.site(id).is_some()
    }

    #[test]
    fn the_committed_files_have_no_faults() {
        let checked = check(&committed(), &on_map());
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert!(checked.catalogue.is_some() && checked.tour.is_some());
    }

    #[test]
    fn a_figure_that_disagrees_with_its_value_is_a_fault_of_that_fact() {
        let mut texts = committed();
        let mut facts = Records::parse(Kind::Fact, &texts.facts).unwrap();
        facts.set_str("bj-area", "figure", "73平方公里").unwrap();
        texts.facts = facts.text();
        let checked = check(&texts, &on_map());
        assert_eq!(checked.fact_errors("bj-area").len(), 1, "{:?}", checked.errors);
        assert!(checked.fact_errors("bj-gdp-2022").is_empty());
        // Setting the value to match clears it, and the catalogue shows the new figure.
        facts.set_number("bj-area", "value", "73").unwrap();
        texts.facts = facts.text();
        let checked = check(&texts, &on_map());
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        let fact = checked.catalogue.unwrap().fact("bj-area").cloned().unwrap();
        assert_eq!(fact.figure.unwrap().printed, "73平方公里");
    }

    #[test]
    fn an_unknown_source_and_broken_toml_are_reported() {
        let mut texts = committed();
        let mut facts = Records::parse(Kind::Fact, &texts.facts).unwrap();
        facts.set_str("bj-area", "source", "s999").unwrap();
        texts.facts = facts.text();
        assert_eq!(check(&texts, &on_map()).fact_errors("bj-area").len(), 1);
        texts.facts.push_str("\n[[fact]\n");
        let checked = check(&texts, &on_map());
        assert!(checked.catalogue.is_none());
        assert_eq!(checked.errors[0].file, "facts.toml");
    }
}
