//! UI state as plain values: selection, URL options.
