//! Reads edited content files back the way the map reads them
//! ([`Content::from_texts`]) and lists every fault with the map's own rules
//! (loading, [`crate::atlas::catalogue::Catalogue::validate`], the tour's
//! check), so the editor can show what is wrong while the keeper types.

use crate::atlas::error::ErrorKind;
use crate::atlas::{DataError, Lang};
use crate::state::content::{file_name, Content, Fetched, FACTS};

/// What the map makes of the edited files.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// The content as the map would show it.
    pub content: Content,
    /// Every fault, each naming its file and record.
    pub errors: Vec<DataError>,
    /// The faults of the GeoJSON layers' own rules, and a digest of the
    /// layers' texts they were found in: the outlines' checks are the slow
    /// part, so they run again only when a layer's text changed.
    atlas: (u64, Vec<DataError>),
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

    /// The faults of the record or feature `id` of `file`.
    pub fn record_errors(&self, file: &str, id: &str) -> Vec<DataError> {
        self.errors.iter().filter(|e| file_name(&e.file) == file && e.id.as_deref() == Some(id)).cloned().collect()
    }

    /// The faults of the field `key` of the record `id` of `file`, whose
    /// current text is `text`. A TOML fault is the field's when it is on the
    /// field's line; a fault of an absent field, or of a GeoJSON feature,
    /// when it names the field (or, for a missing name, its language).
    pub fn field_errors(&self, file: &str, text: &str, id: &str, key: &str) -> Vec<DataError> {
        let lines = field_lines(text, id);
        let key_line = lines.iter().find(|(k, _)| k == key).map(|(_, l)| *l);
        self.record_errors(file, id).into_iter().filter(|e| belongs(e, key, key_line)).collect()
    }
}

/// The key of a language in field names (`name_zh_hant`).
pub fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans => "zh_hans",
        Lang::ZhHant => "zh_hant",
        Lang::En => "en",
    }
}

/// Whether the fault `e` of a record is about its field `key`, which is on
/// `key_line` of the file (`None`: absent, or not a TOML file).
fn belongs(e: &DataError, key: &str, key_line: Option<usize>) -> bool {
    if let ErrorKind::MissingName(lang) = e.kind {
        // A missing label is reported as "label: … name_en"; a source's
        // publisher as "… a publisher in en", without its key.
        let label = e.message.starts_with("label:");
        if key.starts_with("label_") != label {
            return false;
        }
        let suffix = lang_key(lang);
        return key == suffix || key.ends_with(&format!("_{suffix}"));
    }
    if let (Some(at), Some(line)) = (e.line, key_line) {
        return at == line;
    }
    names(&e.message, key)
}

/// Whether `message` names `key` as a word of its own (`date`, not `date_basis`).
fn names(message: &str, key: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    message.match_indices(key).any(|(i, _)| {
        let before = message[..i].chars().next_back().is_none_or(|c| !word(c));
        let after = message[i + key.len()..].chars().next().is_none_or(|c| !word(c));
        before && after
    })
}

/// The 1-based lines of the keys of the TOML record `id` (`key = …` lines
/// between its `[[…]]` header and the next header).
pub fn field_lines(text: &str, id: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut block: Vec<(String, usize)> = Vec::new();
    let mut ours = false;
    let finish = |block: &mut Vec<(String, usize)>, ours: bool, out: &mut Vec<(String, usize)>| {
        if ours && out.is_empty() {
            out.append(block);
        }
        block.clear();
    };
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with('[') {
            finish(&mut block, ours, &mut out);
            ours = false;
            continue;
        }
        let Some((k, v)) = t.split_once('=') else { continue };
        let k = k.trim();
        if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            continue;
        }
        if k == "id" && v.trim().trim_matches('"') == id {
            ours = true;
        }
        block.push((k.to_owned(), i + 1));
    }
    finish(&mut block, ours, &mut out);
    out
}

/// Reads and checks the files, `(deployed name, what was fetched)`.
pub fn check(files: &[(&str, Fetched)]) -> Checked {
    check_again(files, None)
}

/// As [`check`], reusing the layers' faults found by `previous` when no
/// GeoJSON file changed since.
pub fn check_again(files: &[(&str, Fetched)], previous: Option<&Checked>) -> Checked {
    use std::hash::{Hash, Hasher};
    let content = Content::from_texts(files);
    let mut errors = content.problems.clone();
    let atlas = &content.atlas;
    let on_map = |id: &str| atlas.zone(id).is_some() || atlas.site(id).is_some();
    errors.extend(content.catalogue.validate(&on_map));
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (name, fetched) in files.iter().filter(|(n, _)| n.ends_with(".geojson")) {
        name.hash(&mut hasher);
        if let Fetched::Text(t) = fetched {
            t.hash(&mut hasher);
        }
    }
    let digest = hasher.finish();
    // The layers' own rules: names in every language, sound outlines.
    let layer_faults = match previous {
        Some(p) if p.atlas.0 == digest => p.atlas.1.clone(),
        _ => atlas.validate(),
    };
    errors.extend(layer_faults.iter().filter(|e| !errors.contains(e)).cloned().collect::<Vec<_>>());
    Checked { content, errors, atlas: (digest, layer_faults) }
}

/// The committed files with `name` replaced by `text`.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn with_file(name: &str, text: &str) -> Vec<(&'static str, Fetched)> {
    use crate::state::content::COMMITTED;
    COMMITTED
        .iter()
        .map(|(n, t)| (*n, Fetched::Text(if *n == name { text.to_owned() } else { (*t).to_owned() })))
        .collect()
}

/// The committed text of the file `name`.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn committed(name: &str) -> &'static str {
    crate::state::content::COMMITTED.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or("")
}

// The committed files are read natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test {
    use super::*;
    use crate::atlas::error::ErrorKind;
    use crate::edit::records::{Kind, Records};
    use crate::state::content::COMMITTED;

    fn with(name: &str, text: &str) -> Vec<(&'static str, Fetched)> {
        with_file(name, text)
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

    #[test]
    fn a_fault_is_marked_on_the_field_it_is_about() {
        let mut sources = Records::parse(Kind::Source, committed("sources.toml")).unwrap();
        sources.set_str("s000", "date", "May 2023").unwrap();
        sources.set_str("s000", "publisher_zh_hant", "").unwrap();
        let text = sources.text();
        let checked = check(&with("sources.toml", &text));
        let on = |key| checked.field_errors("sources.toml", &text, "s000", key);
        assert_eq!(on("date").iter().map(|e| e.kind).collect::<Vec<_>>(), [ErrorKind::BadDate]);
        assert_eq!(
            on("publisher_zh_hant").iter().map(|e| e.kind).collect::<Vec<_>>(),
            [ErrorKind::MissingName(Lang::ZhHant)]
        );
        for key in ["date_basis", "title", "publisher_en", "url"] {
            assert!(on(key).is_empty(), "{key}: {:?}", on(key));
        }
        // Another source's fields are not marked.
        assert!(checked.field_errors("sources.toml", &text, "s001", "date").is_empty());
    }

    #[test]
    fn field_lines_are_those_of_the_record() {
        let text = "version = 1\n\n[[a]]\nid = \"x\"\nv = 1\n\n[[a]]\nid = \"y\"\nv = 2\nw = [\n 1,\n]\n";
        assert_eq!(field_lines(text, "y"), [("id".to_owned(), 8), ("v".to_owned(), 9), ("w".to_owned(), 10)]);
        assert!(field_lines(text, "z").is_empty());
        assert!(names("expected a date, got none", "date"));
        assert!(!names("expected a date_basis, got none", "date"));
    }
}
