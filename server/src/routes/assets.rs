//! Files the server ships itself (besides the built app): the world map,
//! the font for server-rendered charts.

pub fn static_assets() -> Vec<(&'static str, &'static [u8], &'static str)> {
    vec![
        ("assets/world-110m.json", crate::snapshot::WORLD_JSON, "application/json"),
        ("assets/fonts/EvidenceSans-Regular.woff2", include_bytes!("../../../assets/fonts/EvidenceSans-Regular.woff2"), "font/woff2"),
        ("assets/fonts/EvidenceSans-Bold.woff2", include_bytes!("../../../assets/fonts/EvidenceSans-Bold.woff2"), "font/woff2"),
    ]
}
