//! `/embed/datasets/{id}`: a chart for other sites' iframes, and the three
//! small files it needs: its stylesheet, the script that reports its height
//! to the parent, and `/embed.js`, which the parent loads to fit the iframe.

use std::sync::LazyLock;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::embed::page::{self, EmbedQuery};
use crate::http::{CachePolicy, cached_response};
use crate::cached::Cached;
use crate::state::AppState;

const HTML: &str = "text/html; charset=utf-8";

pub async fn chart(State(state): State<AppState>, Path(id): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let query = EmbedQuery::parse(raw.as_deref().unwrap_or(""));
    let data = state.data();
    let Some(dataset) = data.package.dataset(&id) else {
        return not_found_page(&state, &query, &id);
    };
    // The page is a function of the data and the query: kept in the
    // snapshot's bounded page cache (a widget in a widely read article is
    // asked for the same link over and over), and the ETag lets readers
    // revalidate instead of downloading.
    let key = format!("embed:{id}?{}", raw.as_deref().unwrap_or(""));
    let cached = match data.pages.get(&key) {
        Some(c) => c,
        None => {
            let html = page::render(&data, &state.config().public_url, dataset, &query);
            let c = Cached::new(html.into_bytes(), "embed");
            data.pages.insert(key, c.clone());
            c
        }
    };
    let mut res = cached_response(&headers, &cached, HTML, CachePolicy::Revalidate);
    res.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    res
}

/// Any other path under `/embed/`: a page, not JSON, since it is shown in
/// someone's article.
pub async fn not_found(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    not_found_page(&state, &EmbedQuery::parse(raw.as_deref().unwrap_or("")), "embed")
}

fn not_found_page(state: &AppState, query: &EmbedQuery, frame_default: &str) -> Response {
    let html = page::render_not_found(&state.config().public_url, query, frame_default);
    let mut res = (StatusCode::NOT_FOUND, html).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(HTML));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

static STYLESHEET: LazyLock<Cached> = LazyLock::new(|| Cached::new(include_bytes!("../../../assets/embed/embed.css").to_vec(), "asset"));
static FRAME_SCRIPT: LazyLock<Cached> = LazyLock::new(|| Cached::new(include_bytes!("../../../assets/embed/frame.js").to_vec(), "asset"));
static PARENT_SCRIPT: LazyLock<Cached> = LazyLock::new(|| Cached::new(include_bytes!("../../../assets/embed/embed.js").to_vec(), "asset"));

pub async fn stylesheet(headers: HeaderMap) -> Response {
    cached_response(&headers, &STYLESHEET, "text/css; charset=utf-8", CachePolicy::Revalidate)
}

pub async fn frame_script(headers: HeaderMap) -> Response {
    cached_response(&headers, &FRAME_SCRIPT, "text/javascript; charset=utf-8", CachePolicy::Revalidate)
}

/// Loaded by other sites' pages, possibly with `crossorigin`: readable by
/// any origin, and cached (revalidated by ETag).
pub async fn parent_script(headers: HeaderMap) -> Response {
    let mut res = cached_response(&headers, &PARENT_SCRIPT, "text/javascript; charset=utf-8", CachePolicy::Revalidate);
    res.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    res
}
