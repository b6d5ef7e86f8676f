#![recursion_limit = "512"]
//! The evidence dashboard server: a read-only JSON API over the curated
//! data package, the built app, exports and embeds. `app(state)` builds the
//! router so tests can drive it without a socket.

pub mod cached;
pub mod cli;
pub mod embed;
pub mod embedded;
pub mod error;
pub mod export;
pub mod http;
pub mod limits;
pub mod observability;
pub mod openapi;
pub mod precompress;
pub mod router;
pub mod routes;
pub mod security;
pub mod site;
pub mod ssr;
pub mod snapshot;
pub mod state;
pub mod static_export;

pub use router::app;
pub use state::{AppState, Config};

/// State over the embedded data package and app, for tests and `serve`.
pub fn embedded_state(config: Config) -> AppState {
    let snapshot = snapshot::Snapshot::load(&embedded::DataFiles).expect("the embedded data package is valid (checked by tests)");
    AppState::new(snapshot, config, site::Site::embedded())
}
