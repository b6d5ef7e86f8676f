//! One loaded, validated data package and the responses computed from it.
//! A snapshot is immutable; a reload builds a new one and swaps it in whole,
//! so a request never sees part of a package.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;

use crate::cached::{Cached, ResponseCache};
use evidence::api;
use evidence::chart::WorldMap;
use evidence::ecosystem::{Ecosystem, EcosystemView, render_svg};
use evidence::package::{FileSource, Package, load};
use evidence::validate::ValidationErrors;
use evidence::{Lang, Tone};

pub struct Snapshot {
    pub package: Package,
    /// SHA-256 over the package files: the data version.
    pub hash: String,
    pub world: WorldMap,
    pub catalogue: Cached,
    pub geo_list: Cached,
    pub glossary: Cached,
    pub coverage: Cached,
    pub details: HashMap<String, Cached>,
    pub all_observations: HashMap<String, Cached>,
    /// Filtered responses already computed, by dataset and raw query. It
    /// belongs to the snapshot, so a reload starts it afresh.
    pub filtered: ResponseCache,
    /// Pages rendered by the app's components (`crate::ssr`) and embeds, by
    /// path and raw query. Fewer entries than `filtered`: a map page is a
    /// few hundred kB.
    pub pages: ResponseCache,
    /// The map of the data ecosystem (`ecosystem.json`), validated against
    /// this package; None for a data folder without one (an older release).
    pub ecosystem: Option<Arc<EcosystemResponses>>,
}

/// Files of a package, hashed as they are read.
struct HashingSource<'a> {
    inner: &'a dyn FileSource,
    hasher: std::sync::Mutex<Sha256>,
}

impl FileSource for HashingSource<'_> {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        let bytes = self.inner.read(path)?;
        let mut h = self.hasher.lock().expect("not poisoned");
        h.update(path.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
        Some(bytes)
    }
}

pub const WORLD_JSON: &[u8] = include_bytes!("../../assets/world-110m.json");

impl Snapshot {
    pub fn load(src: &dyn FileSource) -> Result<Snapshot, ValidationErrors> {
        let hashing = HashingSource { inner: src, hasher: std::sync::Mutex::new(Sha256::new()) };
        let package = load(&hashing)?;
        // Loaded with the package and failing with it: a map that names a
        // dataset the package lacks (or misses one) refuses the whole folder.
        let ecosystem = evidence::ecosystem::load(&hashing, &package)?;
        let hash = hex::encode(hashing.hasher.into_inner().expect("not poisoned").finalize());
        let mut snapshot = Snapshot::build(package, hash);
        snapshot.ecosystem = ecosystem.map(|eco| Arc::new(EcosystemResponses::new(eco, &snapshot.package)));
        Ok(snapshot)
    }

    pub fn build(package: Package, hash: String) -> Snapshot {
        let world: WorldMap = serde_json::from_slice(WORLD_JSON).expect("the embedded world map is valid");
        let catalogue = Cached::json(&api::dataset_list(&package));
        let geo_list = Cached::json(&api::GeoList { geographies: package.geographies.clone() });
        let glossary = Cached::json(&api::glossary(&package));
        let coverage = Cached::json(&api::coverage_matrix(&package));
        let mut details = HashMap::new();
        let mut all_observations = HashMap::new();
        for d in &package.datasets {
            details.insert(d.meta.id.clone(), Cached::json(&api::dataset_detail(d, &package)));
            let list = api::observation_list(&package, d, d.observations.clone());
            all_observations.insert(d.meta.id.clone(), Cached::json(&list));
        }
        let bodies = [&catalogue, &geo_list, &glossary, &coverage].into_iter().chain(details.values()).chain(all_observations.values());
        crate::precompress::in_background("data", bodies.filter(|c| crate::precompress::precompressible("application/json", c.body.len())).collect());
        Snapshot { package, hash, world, catalogue, geo_list, glossary, coverage, details, all_observations, filtered: ResponseCache::default(), pages: ResponseCache::with_capacity(ResponseCache::MAX_PAGES), ecosystem: None }
    }
}

/// The responses, computed once per snapshot: the JSON and every diagram
/// (2 languages × 2 tones × 2 layouts).
pub struct EcosystemResponses {
    pub ecosystem: Ecosystem,
    pub json: Cached,
    svgs: HashMap<(Lang, Tone, Layout), Cached>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    Wide,
    Narrow,
}

impl Layout {
    pub const ALL: [Layout; 2] = [Layout::Wide, Layout::Narrow];
    pub fn code(self) -> &'static str {
        match self {
            Layout::Wide => "wide",
            Layout::Narrow => "narrow",
        }
    }
}

pub const TONES: [Tone; 2] = [Tone::Plain, Tone::Technical];

impl EcosystemResponses {
    pub fn new(ecosystem: Ecosystem, package: &Package) -> Self {
        let json = Cached::json(&EcosystemView::new(&ecosystem, package));
        let mut svgs = HashMap::new();
        for lang in Lang::ALL {
            for tone in TONES {
                for layout in Layout::ALL {
                    let svg = render_svg(&ecosystem, lang, tone, layout == Layout::Narrow);
                    svgs.insert((lang, tone, layout), Cached::new(svg.into_bytes(), "svg"));
                }
            }
        }
        EcosystemResponses { ecosystem, json, svgs }
    }
    pub fn svg(&self, lang: Lang, tone: Tone, layout: Layout) -> &Cached {
        &self.svgs[&(lang, tone, layout)]
    }
}
