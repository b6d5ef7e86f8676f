//! `/embed/datasets/{id}`: a chart for other sites' iframes, and the three
//! small files it needs: its stylesheet, the script that reports its height
//! to the parent, and `/embed.js`, which the parent loads to fit the iframe.

use std::sync::LazyLock;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use evidence::embed::EmbedQuery;
use evidence::state::percent_encode;

use crate::embed::PROVIDER_NAME;
use crate::embed::document::{document, without_hydration_data};
use crate::http::{CachePolicy, cached_response};
use crate::cached::Cached;
use crate::state::AppState;

const HTML: &str = "text/html; charset=utf-8";

pub async fn chart(State(state): State<AppState>, Path(id): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let raw = raw.unwrap_or_default();
    let query = EmbedQuery::parse(&raw);
    let data = state.data();
    let Some(dataset) = data.package.dataset(&id) else {
        return not_found_page(&state, &format!("/embed/datasets/{}?{raw}", percent_encode(&id)), &query, &id).await;
    };
    // The page is a function of the data and the query: kept in the
    // snapshot's bounded page cache (a widget in a widely read article is
    // asked for the same link over and over), and the ETag lets readers
    // revalidate instead of downloading.
    let key = format!("embed:{id}?{raw}");
    let cached = match data.pages.get(&key) {
        Some(c) => c,
        None => {
            let path = format!("/embed/datasets/{}?{raw}", percent_encode(&id));
            let body = match render(&state, &path).await {
                Ok(body) => body,
                Err(res) => return res,
            };
            let lang = query.state.lang;
            let title = format!("{} — {PROVIDER_NAME}", dataset.meta.title.get(lang));
            let canonical = format!("{}/datasets/{}?{}", state.config().public_url, percent_encode(&id), query.state.to_query());
            let html = document(&query, query.frame_id_or(&dataset.meta.id), &title, Some(&canonical), without_hydration_data(&body));
            let c = Cached::new(html.into_bytes(), "embed");
            data.pages.insert(key, c.clone());
            c
        }
    };
    // Compressed once, for the first reader who accepts br, and kept with
    // the page (as app pages are): not on every request.
    if crate::http::accepts_br(&headers) {
        crate::precompress::now(&cached);
    }
    let mut res = cached_response(&headers, &cached, HTML, CachePolicy::Revalidate);
    res.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    res
}

/// The embed route as the app draws it for `path`.
async fn render(state: &AppState, path: &str) -> Result<String, Response> {
    crate::ssr::render_page_body(state, path, None).await.map(|b| b.html).map_err(|e| {
        tracing::error!(path = %path, error = %e, "an embed could not be rendered");
        crate::error::AppError::new(StatusCode::INTERNAL_SERVER_ERROR, "render_failed", "this embed could not be drawn; it has been logged").into_response()
    })
}

/// Any other path under `/embed/`: a page, not JSON, since it is shown in
/// someone's article.
pub async fn not_found(State(state): State<AppState>, uri: axum::http::Uri) -> Response {
    let raw = uri.query().unwrap_or("");
    not_found_page(&state, uri.path_and_query().map(|p| p.as_str()).unwrap_or("/embed/"), &EmbedQuery::parse(raw), "embed").await
}

async fn not_found_page(state: &AppState, path: &str, query: &EmbedQuery, frame_default: &str) -> Response {
    let body = match render(state, path).await {
        Ok(body) => body,
        Err(res) => return res,
    };
    let title = format!("{} — {PROVIDER_NAME}", evidence::words::W::NotFoundTitle.get(query.state.lang));
    let html = document(query, query.frame_id_or(frame_default), &title, None, without_hydration_data(&body));
    let mut res = (StatusCode::NOT_FOUND, html).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(HTML));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// The site's theme (fonts, colours) then the embed's own layout: one
/// file for the frame to load, the theme written once for app and embed.
static STYLESHEET: LazyLock<Cached> = LazyLock::new(|| {
    let css = concat!(include_str!("../../../style/theme.css"), "\n", include_str!("../../../assets/embed/embed.css"));
    Cached::new(css.as_bytes().to_vec(), "asset")
});
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
