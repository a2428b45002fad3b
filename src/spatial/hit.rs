//! hit
