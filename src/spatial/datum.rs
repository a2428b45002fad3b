//! datum
