//! API v1 end to end: through the router (`tower::ServiceExt::oneshot`,
//! no socket), through a real socket where the HTTP layer itself is under
//! test, and through the real binary for signals and logs.

mod cite;
mod common;
mod diff;
mod ecosystem;
mod endpoints;
mod errors;
mod http_layer;
mod logging;
mod openapi;
mod process;
mod query_fuzz;
mod releases;
mod reload;
mod static_export;
mod traversal;
