//! mercator
