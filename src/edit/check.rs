//! Reads edited content files back the way the map reads them
//! ([`Content::from_texts`]) and lists every fault with the map's own rules
//! (loading, [`crate::atlas::catalogue::Catalogue::validate`], the tour's
//! check), so the editor can show what is wrong while the keeper types.

use crate::atlas::DataError;
use crate::state::content::{file_name, Content, Fetched, FACTS};

/// What the map makes of the edited files.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// The content as the map would show it.
    pub content: Content,
    /// Every fault, each naming its file and record.
    pub errors: Vec<DataError>,
}

impl Checked {
    /// The faults of the fact `id`, as messages.
    pub fn fact_errors(&self, id: &str) -> Vec<String> {
        self.errors
            .iter()
            .filter(|e| file_name(&e.file) == FACTS && e.id.as_deref() == Some(id))
            .map(|e| e.message.clone())
            .collect()
    }
}

/// Reads and checks the files, `(deployed name, what was fetched)`.
pub fn check(files: &[(&str, Fetched)]) -> Checked {
    let content = Content::from_texts(files);
    let mut errors = content.problems.clone();
    let atlas = &content.atlas;
    let on_map = |id: &str| atlas.zone(id).is_some() || atlas.site(id).is_some();
    errors.extend(content.catalogue.validate(&on_map));
    Checked { content, errors }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::atlas::error::ErrorKind;
    use crate::edit::records::{Kind, Records};
    use crate::state::content::COMMITTED;

    /// The committed files with `name` replaced by `text`.
    fn with(name: &str, text: &str) -> Vec<(&'static str, Fetched)> {
        COMMITTED
            .iter()
            .map(|(n, t)| (*n, Fetched::Text(if *n == name { text.to_owned() } else { (*t).to_owned() })))
            .collect()
    }

    fn committed_facts() -> Records {
        Records::parse(Kind::Fact, COMMITTED.iter().find(|(n, _)| *n == FACTS).unwrap().1).unwrap()
    }

    #[test]
    fn the_committed_files_have_no_faults() {
        let facts = committed_facts().text();
        let checked = check(&with(FACTS, &facts));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert!(checked.content.catalogue.fact("bj-area").is_some());
    }

    #[test]
    fn a_figure_that_disagrees_with_its_value_is_a_fault_of_that_fact() {
        let mut facts = committed_facts();
        facts.set_str("bj-area", "figure", "73平方公里").unwrap();
        let checked = check(&with(FACTS, &facts.text()));
        assert_eq!(checked.fact_errors("bj-area").len(), 1, "{:?}", checked.errors);
        assert!(checked.fact_errors("bj-gdp-2022").is_empty());
        // Setting the value to match clears it, and the content shows the new figure.
        facts.set_number("bj-area", "value", "73").unwrap();
        let checked = check(&with(FACTS, &facts.text()));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        let fact = checked.content.catalogue.fact("bj-area").cloned().unwrap();
        assert_eq!(fact.figure.unwrap().printed, "73平方公里");
    }

    #[test]
    fn an_unknown_source_and_broken_toml_are_reported() {
        let mut facts = committed_facts();
        facts.set_str("bj-area", "source", "s999").unwrap();
        assert_eq!(check(&with(FACTS, &facts.text())).fact_errors("bj-area").len(), 1);
        let text = facts.text();
        let broken = format!("{text}\n[[fact]\n");
        let checked = check(&with(FACTS, &broken));
        let syntax = checked.errors.iter().find(|e| e.kind == ErrorKind::Syntax).expect("a syntax error");
        assert_eq!((file_name(&syntax.file), syntax.line), (FACTS, Some(text.lines().count() + 2)), "{syntax:?}");
        // The other files still load.
        assert!(!checked.content.atlas.sites.is_empty());
    }
}
