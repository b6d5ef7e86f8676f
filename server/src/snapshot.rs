//! One loaded, validated data package and the responses computed from it.
//! A snapshot is immutable; a reload builds a new one and swaps it in whole,
//! so a request never sees part of a package.

use axum::body::Bytes;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use evidence::api;
use evidence::chart::WorldMap;
use evidence::package::{FileSource, Package, load};
use evidence::validate::ValidationErrors;

/// A response body with its strong ETag.
#[derive(Clone, Debug)]
pub struct Cached {
    pub body: Bytes,
    pub etag: String,
    /// The body compressed with brotli at the highest quality, for bodies
    /// given to `crate::precompress`, once that is done.
    pub br: Arc<OnceLock<Bytes>>,
}

impl Cached {
    pub fn json<T: serde::Serialize>(value: &T) -> Cached {
        let body = serde_json::to_vec(value).expect("API types serialise");
        Cached::new(body, "json")
    }
    pub fn new(body: Vec<u8>, kind: &str) -> Cached {
        let etag = format!("\"{}-{}\"", kind, &hex::encode(Sha256::digest(&body))[..24]);
        Cached { body: Bytes::from(body), etag, br: Arc::default() }
    }
}

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
    /// Chart pages with their first paint, by path and raw query. Fewer
    /// entries than `filtered`: a map page is ~175 kB.
    pub pages: ResponseCache,
    /// The map of the data ecosystem (`ecosystem.json`), validated against
    /// this package; None for a data folder without one (an older release).
    pub ecosystem: Option<Arc<crate::routes::ecosystem::EcosystemResponses>>,
}

/// A bounded map of computed responses: when full it is emptied, which
/// keeps memory bounded whatever queries clients send.
pub struct ResponseCache {
    map: std::sync::RwLock<HashMap<String, Cached>>,
    capacity: usize,
}

impl Default for ResponseCache {
    fn default() -> Self {
        ResponseCache::with_capacity(Self::MAX_ENTRIES)
    }
}

impl ResponseCache {
    /// The default capacity, for small responses.
    pub const MAX_ENTRIES: usize = 4096;
    /// The capacity for whole chart pages.
    pub const MAX_PAGES: usize = 256;

    pub fn with_capacity(capacity: usize) -> Self {
        ResponseCache { map: std::sync::RwLock::default(), capacity }
    }

    pub fn get(&self, key: &str) -> Option<Cached> {
        self.map.read().unwrap_or_else(|p| p.into_inner()).get(key).cloned()
    }

    pub fn insert(&self, key: String, value: Cached) {
        let mut map = self.map.write().unwrap_or_else(|p| p.into_inner());
        if map.len() >= self.capacity {
            map.clear();
        }
        map.insert(key, value);
    }

    pub fn len(&self) -> usize {
        self.map.read().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
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
        snapshot.ecosystem = ecosystem.map(|eco| Arc::new(crate::routes::ecosystem::EcosystemResponses::new(eco, &snapshot.package)));
        Ok(snapshot)
    }

    pub fn build(package: Package, hash: String) -> Snapshot {
        let world: WorldMap = serde_json::from_slice(WORLD_JSON).expect("the embedded world map is valid");
        let catalogue = Cached::json(&api::DatasetList {
            datasets: package.datasets.iter().map(|d| api::dataset_summary(d, &package)).collect(),
        });
        let geo_list = Cached::json(&api::GeoList { geographies: package.geographies.clone() });
        let glossary = Cached::json(&crate::routes::glossary::build(&package));
        let coverage = Cached::json(&crate::routes::coverage::build(&package));
        let mut details = HashMap::new();
        let mut all_observations = HashMap::new();
        for d in &package.datasets {
            details.insert(d.meta.id.clone(), Cached::json(&api::dataset_detail(d, &package)));
            let list = crate::routes::datasets::observation_list(&package, d, d.observations.clone());
            all_observations.insert(d.meta.id.clone(), Cached::json(&list));
        }
        let bodies = [&catalogue, &geo_list, &glossary, &coverage].into_iter().chain(details.values()).chain(all_observations.values());
        crate::precompress::in_background("data", bodies.filter(|c| crate::precompress::precompressible("application/json", c.body.len())).collect());
        Snapshot { package, hash, world, catalogue, geo_list, glossary, coverage, details, all_observations, filtered: ResponseCache::default(), pages: ResponseCache::with_capacity(ResponseCache::MAX_PAGES), ecosystem: None }
    }
}
