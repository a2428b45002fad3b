//! What the visitor has selected: a zone, a site or a theme, by id.

/// A selected feature. Ids are those of the data files.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    Zone(String),
    Site(String),
    Theme(String),
}

impl Selection {
    pub fn id(&self) -> &str {
        match self {
            Selection::Zone(id) | Selection::Site(id) | Selection::Theme(id) => id,
        }
    }

    /// The kind's short key (`zone`, `site`, `theme`), as used in URLs and messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Selection::Zone(_) => "zone",
            Selection::Site(_) => "site",
            Selection::Theme(_) => "theme",
        }
    }

    pub fn is(&self, id: &str) -> bool {
        self.id() == id
    }
}
