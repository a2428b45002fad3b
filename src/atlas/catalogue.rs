//! Facts, sources and themes.
