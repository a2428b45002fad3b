//! One error type for everything wrong with a data file: it names the file, the
//! feature or record, and what was expected.

use std::fmt;

/// A problem in one of the data files under `geodata/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file, as a path relative to the repository (`geodata/sites.geojson`).
    pub file: String,
    /// The feature or record id, when the problem belongs to one.
    pub id: Option<String>,
    /// What is wrong, phrased "expected X, got Y" where that fits.
    pub message: String,
}

impl DataError {
    pub fn new(file: impl Into<String>, id: Option<&str>, message: impl Into<String>) -> Self {
        Self { file: file.into(), id: id.map(str::to_owned), message: message.into() }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}, '{}': {}", self.file, id, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for DataError {}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn message_names_file_and_id() {
        let e = DataError::new("geodata/sites.geojson", Some("tennis-centre"), "expected a Point, got LineString");
        assert_eq!(e.to_string(), "geodata/sites.geojson, 'tennis-centre': expected a Point, got LineString");
    }
}
