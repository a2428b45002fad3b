//! viewport
