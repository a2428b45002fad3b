//! Zones and sites from the GeoJSON layers.
