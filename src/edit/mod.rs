//! Editing the content files as text, for the editor in the browser.
//!
//! Every operation takes a file's text and gives back the changed text, keeping
//! what it does not touch byte for byte: the files' header comments, blank
//! lines, key order and number style survive, so a changed figure is one line
//! of a diff. [`records`] edits the TOML record files (facts, sources, themes,
//! the tour) with `toml_edit`; [`sites`] edits `sites.geojson`, one feature per
//! line. [`check`] reads the edited texts back with the same loaders and rules
//! the map uses, so the editor can say what is wrong while the keeper types.
//!
//! Pure: no browser API, tested natively.

pub mod check;
pub mod features;
pub mod layers;
pub mod records;
pub mod sites;
pub mod sources;
pub mod themes;
pub mod tour;

use std::fmt;

/// Why an edit could not be made: the file, the record, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError {
    /// The file's deployed name ("facts.toml").
    pub file: String,
    /// The record or feature id, when the problem belongs to one.
    pub id: Option<String>,
    pub message: String,
}

impl EditError {
    pub fn new(file: &str, id: Option<&str>, message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), id: id.map(str::to_owned), message: message.into() }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}, '{}': {}", self.file, id, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for EditError {}

/// Why the editor refused a change, in terms the interface words in the
/// keeper's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A link that is not `https:`; its scheme (`javascript`, `data`) when it
    /// has one.
    Link { scheme: Option<String> },
    /// The record is still named by others (fact ids, tour stop ids), which
    /// would be left without it.
    Cited { by: Vec<String> },
    /// Not a colour written `#rrggbb`.
    Colour,
    /// Not a number from 0 to 1.
    Opacity,
    /// A new record's id that is not lower-case kebab-case (`a-z`, `0-9`, `-`).
    Id,
    /// The file could not take the edit (an id already used, no such record).
    Edit(EditError),
}

impl From<EditError> for Refusal {
    fn from(e: EditError) -> Self {
        Refusal::Edit(e)
    }
}

/// Whether `id` is lower-case kebab-case, as every record's id must be.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Adds a record with the new id `id` after the last one.
pub fn add_record(records: &mut records::Records, id: &str) -> Result<(), Refusal> {
    if !is_kebab_id(id) {
        return Err(Refusal::Id);
    }
    records.add(id, None)?;
    Ok(())
}

/// Whether a link to the map asks for the editor page (`?edit=1`).
pub fn wants_editor(query: &str) -> bool {
    query.trim_start_matches('?').split('&').any(|p| p == "edit=1")
}

#[cfg(test)]
mod test {
    use super::wants_editor;

    #[test]
    fn edit_1_anywhere_in_the_query_asks_for_the_editor() {
        assert!(wants_editor("?edit=1"));
        assert!(wants_editor("?lang=en&edit=1&z=12"));
        assert!(!wants_editor("?edit=0"));
        assert!(!wants_editor("?credit=1"));
        assert!(!wants_editor(""));
    }
}
