//! One error type for everything wrong with a data file: it names the file,
//! the line (for the TOML files), the feature or record, the class of fault
//! and what was expected.

use std::fmt;

use super::Lang;

/// The class of a fault in a data file. Tests and tools match on this, never
/// on the wording of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The file could not be fetched or read at all; the message says why
    /// ("HTTP 404").
    Missing,
    /// The file is not TOML or JSON: nothing in it can be used.
    Syntax,
    /// The file does not say which format it is in (`version = 1`), or names
    /// one this reader does not read. What can be read of it is still used.
    Version,
    /// A record or feature is not of the form its file describes: a field of
    /// the wrong type, an unknown key, a required part absent, a value that is
    /// none of those allowed (a target, a kind).
    Shape,
    /// A required field is blank or absent (a source's date, a fact's subject).
    MissingField,
    /// An id that is not lower-case kebab-case, or absent.
    BadId,
    /// An id already used by another record or feature.
    DuplicateId,
    /// A reference to something that is not there: a fact's source or
    /// subject, a theme's member, a tour stop's facts or target.
    UnknownReference,
    /// A name or text missing in this language.
    MissingName(Lang),
    /// A coordinate outside the Hangzhou box.
    OutsideArea,
    /// A geometry that is not valid (self-intersecting, wrongly wound, empty),
    /// or a site outside the district it claims.
    BadGeometry,
    /// An outline whose area disagrees with the area stated for it.
    AreaMismatch,
    /// A zone drawn without a surveyed outline that does not say so (a
    /// cooperation zone not flagged schematic, a schematic zone without its
    /// basis or drawn area).
    SchematicNotFlagged,
    /// A figure that does not parse, or whose value disagrees with it; an
    /// unknown unit; half a figure.
    BadFigure,
    /// A date or period the map cannot read, or one after its source's date.
    BadDate,
    /// A link that is not `https:`.
    BadLink,
    /// Records that disagree with each other or with a rule of their file: a
    /// one-sided conflict, a series out of order, a closing stop not last, a
    /// stop with too few or too many facts.
    Inconsistent,
}

/// The kind of record a reference names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Referent {
    /// A source of `sources.toml`.
    Source,
    /// A fact of `facts.toml`.
    Fact,
    /// A theme of `themes.toml`.
    Theme,
    /// A fact's subject: a zone or site of the layers, or a theme.
    Subject,
    /// A zone or site of the layers.
    Feature,
    /// A layer of `layers.toml`.
    Layer,
}

impl Referent {
    /// Whether a record of the file `name` (its deployed name) is one this
    /// kind of reference can name.
    pub fn in_file(self, name: &str) -> bool {
        let layers = name.ends_with(".geojson");
        match self {
            Referent::Source => name == "sources.toml",
            Referent::Fact => name == "facts.toml",
            Referent::Theme => name == "themes.toml",
            Referent::Subject => name == "themes.toml" || layers,
            Referent::Feature => layers,
            Referent::Layer => name == "layers.toml",
        }
    }
}

/// A problem in one of the data files (`facts.toml`, `sites.geojson`, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub kind: ErrorKind,
    /// The file, by its deployed name (`facts.toml`); the GeoJSON reader may
    /// still give a path.
    pub file: String,
    /// The 1-based line, for the TOML files; `None` for GeoJSON features,
    /// which are located by their id.
    pub line: Option<usize>,
    /// The feature or record id, when the problem belongs to one.
    pub id: Option<String>,
    /// What is wrong, phrased "expected X, got Y" where that fits.
    pub message: String,
    /// For a reference to a record that is not there: what it names. When
    /// that record is in its file but left out for a fault of its own, the
    /// reference is not a problem of its own: it is counted in
    /// [`DataError::dependents`] of the record's problem (see
    /// `state::content::fold_dependents`).
    pub refers_to: Option<Box<(Referent, String)>>,
    /// The records left out (or drawn without a layer) because of this
    /// problem and nothing else, as `(file, id)`.
    pub dependents: Box<[(String, String)]>,
}

impl DataError {
    pub fn new(kind: ErrorKind, file: impl Into<String>, id: Option<&str>, message: impl Into<String>) -> Self {
        Self {
            kind,
            file: file.into(),
            line: None,
            id: id.map(str::to_owned),
            message: message.into(),
            refers_to: None,
            dependents: Box::default(),
        }
    }

    /// The same error, a reference to the record `id` of the kind `what`.
    pub fn refers_to(mut self, what: Referent, id: &str) -> Self {
        self.refers_to = Some(Box::new((what, id.to_owned())));
        self
    }

    /// How many records of each file depend on this problem, in the order met.
    pub fn dependents_by_file(&self) -> Vec<(&str, usize)> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for (file, _) in &self.dependents {
            match counts.iter_mut().find(|(f, _)| f == file) {
                Some((_, n)) => *n += 1,
                None => counts.push((file, 1)),
            }
        }
        counts
    }

    /// The same error, located at `line` (1-based).
    pub fn at(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if self.kind == ErrorKind::Missing {
            return write!(f, ": could not be fetched ({})", self.message);
        }
        match &self.id {
            Some(id) => write!(f, ", '{}': {}", id, self.message)?,
            None => write!(f, ": {}", self.message)?,
        }
        if !self.dependents.is_empty() {
            let files: Vec<String> = self.dependents_by_file().iter().map(|(f, n)| format!("{n} in {f}")).collect();
            write!(f, " (and {} records depending on it: {})", self.dependents.len(), files.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for DataError {}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn message_names_file_line_and_id() {
        let e = DataError::new(ErrorKind::Shape, "sites.geojson", Some("tennis-centre"), "expected a Point");
        assert_eq!(e.to_string(), "sites.geojson, 'tennis-centre': expected a Point");
        let e = DataError::new(ErrorKind::BadFigure, "facts.toml", Some("bj-gdp-2022"), "expected …").at(212);
        assert_eq!(e.to_string(), "facts.toml:212, 'bj-gdp-2022': expected …");
        let e = DataError::new(ErrorKind::Syntax, "tour.toml", None, "expected a value").at(3);
        assert_eq!(e.to_string(), "tour.toml:3: expected a value");
        let mut e = DataError::new(ErrorKind::MissingName(Lang::En), "themes.toml", Some("t"), "expected …").at(3);
        e.dependents = [("facts.toml", "a"), ("facts.toml", "b"), ("tour.toml", "s")]
            .map(|(f, i)| (f.to_owned(), i.to_owned()))
            .into();
        assert_eq!(
            e.to_string(),
            "themes.toml:3, 't': expected … (and 3 records depending on it: 2 in facts.toml, 1 in tour.toml)"
        );
        let e = DataError::new(ErrorKind::Missing, "tour.toml", None, "HTTP 404");
        assert_eq!(e.to_string(), "tour.toml: could not be fetched (HTTP 404)");
    }
}
