//! Response bodies kept ready to send: each with its strong ETag and, once
//! `crate::precompress` is done, a brotli copy; and a bounded map of them for
//! responses computed on request.

use axum::body::Bytes;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

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
