//! `GET /oembed?url=<chart page URL>&maxwidth=&maxheight=&format=json`:
//! oEmbed 1.0 (<https://oembed.com>), type `rich`, JSON only. CMSs that
//! find the discovery `<link>` on a chart page turn its URL into the embed
//! code with this.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Serialize;

use evidence::state::{ChartState, MAX_QUERY_BYTES, query_pairs};

use crate::embed::PROVIDER_NAME;
use crate::embed::snippet::Snippet;
use crate::error::{AppError, AppResult, truncate};
use crate::http;
use crate::state::AppState;

/// The size we report when the consumer sets no limit: a typical article
/// column, and a height that fits a chart with its caveat panel.
pub const DEFAULT_WIDTH: u32 = 640;
pub const DEFAULT_HEIGHT: u32 = 640;
/// The embed code does not change with the data, so consumers may keep it.
pub const CACHE_AGE_SECONDS: u64 = 86_400;

#[derive(Debug, Serialize)]
pub struct OEmbed {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub version: &'static str,
    pub title: String,
    pub provider_name: &'static str,
    pub provider_url: String,
    pub cache_age: u64,
    pub html: String,
    pub width: u32,
    pub height: u32,
}

fn dimension(param: &str, value: &str) -> AppResult<u32> {
    match value.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(AppError::bad_param(param, format!("'{}' is not a positive whole number of pixels", truncate(value)))),
    }
}

/// The dataset id and chart query of one of our chart pages, or None when
/// `url` is anything else. The host must be the configured public URL's:
/// the request's Host header plays no part.
pub fn chart_page(public_url: &str, url: &str) -> Option<(String, String)> {
    let url = url.trim();
    let url = url.split_once('#').map_or(url, |(u, _)| u);
    let (scheme, rest) = url.split_once("://")?;
    let (authority, path_and_query) = rest.split_at(rest.find('/')?);
    let (our_scheme, our_rest) = public_url.split_once("://")?;
    let (our_authority, our_path) = our_rest.split_at(our_rest.find('/').unwrap_or(our_rest.len()));
    if !scheme.eq_ignore_ascii_case(our_scheme) || !authority.eq_ignore_ascii_case(our_authority) {
        return None;
    }
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    let id = path.strip_prefix(our_path)?.strip_prefix("/datasets/")?;
    let valid = !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    valid.then(|| (id.to_string(), query.to_string()))
}

pub async fn oembed(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    let raw = raw.unwrap_or_default();
    if raw.len() > MAX_QUERY_BYTES {
        return Err(AppError::bad_param("query", format!("longer than {MAX_QUERY_BYTES} bytes")));
    }
    let (mut url, mut max_width, mut max_height, mut format) = (None, None, None, None);
    // Other parameters are ignored: consumers add their own.
    for (key, value) in query_pairs(&raw) {
        match key.as_str() {
            "url" => url = Some(value),
            "maxwidth" => max_width = Some(dimension("maxwidth", &value)?),
            "maxheight" => max_height = Some(dimension("maxheight", &value)?),
            "format" => format = Some(value),
            _ => {}
        }
    }
    let url = url.filter(|u| !u.trim().is_empty()).ok_or_else(|| AppError::bad_param("url", "required: the address of a chart page"))?;
    // An empty format is no format: oEmbed's default, JSON.
    if let Some(f) = format.filter(|f| f != "json" && !f.is_empty()) {
        return Err(AppError::new(StatusCode::NOT_IMPLEMENTED, "format_not_supported", format!("format '{}' is not served; use format=json", truncate(&f))));
    }
    let public_url = &state.config().public_url;
    let (id, query) = chart_page(public_url, &url).ok_or_else(|| {
        AppError::not_found("not_a_chart_page", format!("'{}' is not a chart page of {public_url} (expected {public_url}/datasets/ID)", truncate(&url)))
    })?;
    let data = state.data();
    let dataset = data.package.dataset(&id).ok_or_else(|| AppError::unknown_dataset(&id))?;
    // Lenient like the page itself: what the URL's query cannot say is
    // left at its default, and the embed shows the same notice.
    let (chart_state, _) = ChartState::from_query(&query);
    let title = chart_state.title.clone().unwrap_or_else(|| dataset.meta.title.get(chart_state.lang).to_string());
    let width = max_width.map_or(DEFAULT_WIDTH, |w| w.min(DEFAULT_WIDTH));
    let height = max_height.map_or(DEFAULT_HEIGHT, |h| h.min(DEFAULT_HEIGHT));
    let html = Snippet {
        public_url,
        dataset_id: &id,
        query: &chart_state.to_query(),
        title: &title,
        lang: chart_state.lang,
        max_width,
        max_height,
    }
    .html();
    let body = OEmbed {
        kind: "rich",
        version: "1.0",
        title,
        provider_name: PROVIDER_NAME,
        provider_url: format!("{public_url}/"),
        cache_age: CACHE_AGE_SECONDS,
        html,
        width,
        height,
    };
    let mut res = http::json_value(&headers, &body);
    // Some consumers ask from the browser.
    res.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = "https://evidence.example";

    #[test]
    fn recognises_our_chart_pages_only() {
        assert_eq!(chart_page(OURS, "https://evidence.example/datasets/iwf-reports?v=1&chart=bar#x"), Some(("iwf-reports".into(), "v=1&chart=bar".into())));
        assert_eq!(chart_page(OURS, "HTTPS://Evidence.Example/datasets/iwf-reports"), Some(("iwf-reports".into(), String::new())));
        for other in [
            "https://evil.example/datasets/iwf-reports",
            "http://evidence.example/datasets/iwf-reports",
            "https://evidence.example.evil.example/datasets/iwf-reports",
            "https://evidence.example@evil.example/datasets/iwf-reports",
            "https://evidence.example/datasets/",
            "https://evidence.example/datasets/iwf-reports/extra",
            "https://evidence.example/embed/datasets/iwf-reports",
            "https://evidence.example/geo/KEN",
            "https://evidence.example",
            "/datasets/iwf-reports",
        ] {
            assert_eq!(chart_page(OURS, other), None, "{other}");
        }
    }

    #[test]
    fn a_public_url_with_a_path_prefix_is_respected() {
        assert_eq!(chart_page("https://x.example/evidence", "https://x.example/evidence/datasets/a"), Some(("a".into(), String::new())));
        assert_eq!(chart_page("https://x.example/evidence", "https://x.example/datasets/a"), None);
    }
}
