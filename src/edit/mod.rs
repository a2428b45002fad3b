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
pub mod records;
pub mod sites;

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
