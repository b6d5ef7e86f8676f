//! Shared server state: the current data snapshot (swapped whole on
//! reload), the configuration and the embedded app.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock, RwLock, Weak};

use axum::extract::FromRef;

use crate::site::Site;
use crate::snapshot::Snapshot;

#[derive(Clone, Debug)]
pub struct Config {
    /// The public base URL, used in permalinks, exports and oEmbed (never
    /// taken from the Host header, which a client controls).
    pub public_url: String,
    /// The data folder given with --data; None = the embedded package.
    pub data_dir: Option<PathBuf>,
    /// Requests per second per client; 0 turns the limit off.
    pub rate_limit: u32,
    pub rate_burst: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config { public_url: "http://127.0.0.1:8080".into(), data_dir: None, rate_limit: 50, rate_burst: 200 }
    }
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    snapshot: RwLock<Arc<Snapshot>>,
    pub config: Config,
    pub site: Arc<Site>,
    pub limiter: crate::limits::RateLimiter,
    /// Earlier data releases this server keeps, so that links pinned to
    /// them (`release=`) go on working; each with the router that serves
    /// it, built on first use.
    releases: Vec<Release>,
    /// The API as the server's own rendering asks it (`crate::ssr`),
    /// built once, on first use ([`AppState::internal_api`]).
    internal_api: OnceLock<axum::Router>,
}

/// The state as the internal API router holds it: a weak reference, so
/// that the router kept inside the state does not keep the state alive
/// (an `Arc` cycle would never be freed). Its handlers extract a whole
/// [`AppState`] from it, as the public router's do.
#[derive(Clone)]
pub struct WeakState(Weak<Inner>);

impl FromRef<WeakState> for AppState {
    fn from_ref(weak: &WeakState) -> AppState {
        // The router lives inside the state and is only called by a render
        // that holds the state: the state is there.
        AppState(weak.0.upgrade().expect("the internal API is only called while its state is alive"))
    }
}

/// A data release kept beside the current one.
pub struct Release {
    pub version: String,
    pub state: AppState,
    router: std::sync::OnceLock<axum::Router>,
}

impl Release {
    /// The whole server over this release's data.
    pub fn router(&self) -> axum::Router {
        self.router.get_or_init(|| crate::app(self.state.clone())).clone()
    }
}

impl AppState {
    pub fn new(snapshot: Snapshot, config: Config, site: Site) -> Self {
        Self::with_releases(snapshot, config, site, Vec::new())
    }
    /// A server of `snapshot` that also keeps the earlier releases
    /// `previous` (same configuration and app).
    pub fn with_releases(snapshot: Snapshot, config: Config, site: Site, previous: Vec<Snapshot>) -> Self {
        let site = Arc::new(site);
        let releases = previous
            .into_iter()
            .map(|snap| Release {
                version: snap.package.version.clone(),
                state: AppState::build(snap, config.clone(), site.clone(), Vec::new()),
                router: std::sync::OnceLock::new(),
            })
            .collect();
        AppState::build(snapshot, config, site, releases)
    }
    fn build(snapshot: Snapshot, config: Config, site: Arc<Site>, releases: Vec<Release>) -> Self {
        let limiter = crate::limits::RateLimiter::new(config.rate_limit, config.rate_burst);
        AppState(Arc::new(Inner { snapshot: RwLock::new(Arc::new(snapshot)), config, site, limiter, releases, internal_api: OnceLock::new() }))
    }
    /// The earlier releases kept, newest first as given.
    pub fn releases(&self) -> &[Release] {
        &self.0.releases
    }
    pub fn release(&self, version: &str) -> Option<&Release> {
        self.0.releases.iter().find(|r| r.version == version)
    }
    /// The current snapshot; cheap (an Arc clone under a short read lock).
    pub fn data(&self) -> Arc<Snapshot> {
        self.0.snapshot.read().map(|s| s.clone()).unwrap_or_else(|p| p.into_inner().clone())
    }
    pub fn replace(&self, snapshot: Snapshot) {
        let mut guard = self.0.snapshot.write().unwrap_or_else(|p| p.into_inner());
        *guard = Arc::new(snapshot);
    }
    pub fn config(&self) -> &Config {
        &self.0.config
    }
    pub fn site(&self) -> &Site {
        &self.0.site
    }
    pub fn limiter(&self) -> &crate::limits::RateLimiter {
        &self.0.limiter
    }
    /// The router that answers the app's data requests while the server
    /// renders a page (`crate::router::internal_api`), built once per state
    /// and shared by every render (a clone is an `Arc` clone). It reads the
    /// current snapshot on each request, so a reload needs no new router.
    pub fn internal_api(&self) -> axum::Router {
        self.0.internal_api.get_or_init(|| crate::router::internal_api(WeakState(Arc::downgrade(&self.0)))).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_internal_api_is_built_once_and_does_not_keep_its_state_alive() {
        let state = crate::embedded_state(Config { rate_limit: 0, ..Config::default() });
        assert!(state.0.internal_api.get().is_none(), "built on first use");
        let body = crate::ssr::render_page_body(&state, "/glossary", None).await.expect("rendered");
        assert!(body.html.contains("hydration-data"));
        assert!(state.0.internal_api.get().is_some(), "the render used the state's router, and it is kept for the next");
        let first = state.internal_api();
        let weak = Arc::downgrade(&state.0);
        drop(first);
        drop(state);
        assert!(weak.upgrade().is_none(), "the router kept in the state holds it weakly: no Arc cycle");
    }
}
