//! Every route of the server, and the layers around them.

use std::time::Duration;

use axum::Router;
use axum::extract::{FromRef, Request, State};
use axum::middleware::Next;
use tower::ServiceExt;
use axum::http::{Method, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;

use crate::error::AppError;
use crate::routes::{cite, coverage, datasets, ecosystem, embed, exports, geo, glossary, meta, oembed};
use crate::state::{AppState, WeakState};
use crate::{limits, security};

pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The JSON API and the exports, under `/api/v1`, for any router state
/// that gives an [`AppState`] (the state itself, or the internal API's
/// [`WeakState`]).
fn api_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Router::new()
        .route("/datasets", get(datasets::list))
        .route("/datasets/{id}", get(datasets::detail))
        .route("/datasets/{id}/observations", get(datasets::observations))
        .route("/datasets/{id}/chart.svg", get(exports::chart_svg))
        .route("/datasets/{id}/chart.png", get(exports::chart_png))
        .route("/datasets/{id}/chart.csv", get(exports::chart_csv))
        .route("/datasets/{id}/data.csv", get(exports::data_csv))
        .route("/datasets/{id}/cite", get(cite::cite))
        .route("/geo", get(geo::list))
        .route("/geo/{code}", get(geo::detail))
        .route("/coverage", get(coverage::matrix))
        .route("/glossary", get(glossary::list))
        .route("/ecosystem", get(ecosystem::view))
        .route("/ecosystem.svg", get(ecosystem::diagram))
        .route("/version", get(meta::version))
        .route("/openapi.json", get(crate::openapi::openapi_json))
        .fallback(api_not_found)
}

/// What the app's pages ask for while the server renders them
/// (`crate::ssr`): the API as over HTTP (pinned releases too) and the
/// built files (the world map's shapes), without the layers that are
/// about a reader's connection (rate limit, compression, timeouts).
/// Built once per state ([`AppState::internal_api`], which keeps it),
/// over a weak reference to that state.
pub fn internal_api(state: WeakState) -> Router {
    Router::new()
        .nest("/api/v1", api_routes())
        // The page's embed code is the oEmbed answer (app::components::embed_code).
        .route("/oembed", get(oembed::oembed))
        .fallback(built_file)
        .layer(middleware::from_fn(crate::error::json_rejections))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn_with_state(state.clone(), pin_release))
        .with_state(state)
}

async fn built_file(State(state): State<AppState>, req: Request) -> Response {
    let rel = req.uri().path().trim_start_matches('/');
    match state.site().asset(req.headers(), rel) {
        Some(res) => res,
        None => AppError::not_found("not_found", format!("no file {}", crate::error::truncate(req.uri().path()))).into_response(),
    }
}

pub fn app(state: AppState) -> Router {
    Router::new()
        .nest("/api/v1", api_routes())
        .route("/healthz", get(meta::healthz))
        .route("/embed/datasets/{id}", get(embed::chart))
        .route("/embed/embed.css", get(embed::stylesheet))
        .route("/embed/frame.js", get(embed::frame_script))
        .route("/embed/{*rest}", get(embed::not_found))
        .route("/embed.js", get(embed::parent_script))
        .route("/oembed", get(oembed::oembed))
        .fallback(site)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(crate::error::json_rejections))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(middleware::from_fn(crate::http::etag_per_encoding))
        .layer(middleware::from_fn_with_state(state.clone(), limits::rate_limit))
        .layer(middleware::from_fn(limits::request_size))
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(middleware::from_fn_with_state(REQUEST_TIMEOUT, limits::timeout))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn_with_state(state.clone(), pin_release))
        .layer(middleware::from_fn(crate::observability::log_request))
        .with_state(state)
}

/// A link pinned to a data release (`release=` in its query), as the
/// handlers see it: the parameter itself is taken out of the query.
#[derive(Clone)]
pub struct Pin {
    /// The release asked for.
    pub requested: String,
    /// Whether this server holds it (else the current data is served).
    pub held: bool,
    /// The current release's data, to compare a pinned chart with.
    pub current: std::sync::Arc<crate::snapshot::Snapshot>,
}

/// `release=V` on any URL: V the current release, or none, is served as
/// usual; an earlier release the server keeps is served whole by that
/// release's own router; an unknown one is a 400 for the API and, for a
/// page, the current data with a notice (never a blank page).
async fn pin_release(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(query) = req.uri().query().filter(|q| q.split('&').any(|p| p.starts_with("release="))) else {
        return next.run(req).await;
    };
    let mut requested = String::new();
    let mut rest = Vec::new();
    for part in query.split('&') {
        match part.strip_prefix("release=") {
            Some(v) if requested.is_empty() => requested = evidence::state::percent_decode(v),
            Some(_) => {}
            None => rest.push(part),
        }
    }
    let path = req.uri().path().to_string();
    let uri = if rest.is_empty() { path.clone() } else { format!("{path}?{}", rest.join("&")) };
    match uri.parse() {
        Ok(u) => *req.uri_mut() = u,
        Err(_) => return AppError::bad_param("query", "not a valid query").into_response(),
    }
    let current = state.data();
    if requested == current.package.version {
        req.extensions_mut().insert(Pin { requested, held: true, current });
        return next.run(req).await;
    }
    if let Some(release) = state.release(&requested) {
        // A fresh request: the extensions of this router's routing (its
        // path parameters) must not reach the other router's.
        let (parts, body) = req.into_parts();
        let mut fresh = Request::new(body);
        *fresh.method_mut() = parts.method;
        *fresh.uri_mut() = parts.uri;
        *fresh.version_mut() = parts.version;
        *fresh.headers_mut() = parts.headers;
        if let Some(addr) = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>() {
            fresh.extensions_mut().insert(*addr);
        }
        fresh.extensions_mut().insert(Pin { requested, held: true, current });
        return match release.router().oneshot(fresh).await {
            Ok(res) => res,
            Err(never) => match never {},
        };
    }
    if path.starts_with("/api/") {
        let mut held: Vec<String> = vec![format!("{} (current)", current.package.version)];
        held.extend(state.releases().iter().map(|r| r.version.clone()));
        return AppError::bad_param(
            "release",
            format!(
                "data release '{}' is not held by this server; it holds {}",
                crate::error::truncate(&requested),
                held.join(", ")
            ),
        )
        .into_response();
    }
    req.extensions_mut().insert(Pin { requested, held: false, current });
    next.run(req).await
}

pub fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "a request handler panicked");
    AppError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "the server failed on this request; it has been logged")
        .into_response()
}

async fn api_not_found(req: Request) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return method_not_allowed().await;
    }
    AppError::not_found("not_found", format!("no API endpoint at {}", crate::error::truncate(req.uri().path()))).into_response()
}

async fn method_not_allowed() -> Response {
    let mut res = AppError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this API is read-only: use GET or HEAD").into_response();
    res.headers_mut().insert(axum::http::header::ALLOW, axum::http::HeaderValue::from_static("GET, HEAD"));
    res
}

/// The app: a built file, or index.html for an app route.
async fn site(State(state): State<AppState>, req: Request) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return method_not_allowed().await;
    }
    let path = req.uri().path();
    if path.starts_with("/api/") || path == "/api" {
        return api_not_found(req).await;
    }
    let rel = path.trim_start_matches('/');
    // Reject traversal and encoded tricks before any lookup.
    if rel.split('/').any(|seg| seg == ".." || seg == ".") || rel.contains('\\') || rel.contains('%') || rel.contains('\0') {
        return AppError::bad_param("path", "not a valid path").into_response();
    }
    // trunk's index.html is the shell pages are rendered into, not a page:
    // the address is the home page's.
    if rel == "index.html" {
        let pin = req.extensions().get::<Pin>();
        return crate::site::app_page(&state, req.headers(), "/", req.uri().query(), pin).await;
    }
    if let Some(res) = state.site().asset(req.headers(), rel) {
        return res;
    }
    let last = rel.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        return AppError::not_found("not_found", format!("no file {}", crate::error::truncate(path))).into_response();
    }
    let pin = req.extensions().get::<Pin>();
    crate::site::app_page(&state, req.headers(), path, req.uri().query(), pin).await
}
