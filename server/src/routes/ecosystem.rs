//! `/api/v1/ecosystem` and `/api/v1/ecosystem.svg`: the map of who holds
//! which data, how it flows, which dataset comes from where, the flows with
//! no public data and the sources the dashboard cannot chart
//! (`data/ecosystem.json`, see `evidence::ecosystem`).

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use evidence::{Lang, Tone};

use super::{no_query, strict_query};
use crate::error::{AppError, AppResult};
use crate::http::{self, CachePolicy};
use crate::snapshot::{EcosystemResponses, Layout};
use crate::state::AppState;

fn responses(state: &AppState) -> AppResult<std::sync::Arc<EcosystemResponses>> {
    state.data().ecosystem.clone().ok_or_else(|| {
        AppError::not_found("no_ecosystem", "this data release has no map of the data ecosystem (ecosystem.json)")
    })
}

/// The map of the data ecosystem: lanes (the paths data take), nodes (who
/// holds which data, with the datasets that come from each), flows (with
/// whether any public data describes them, and what is missing when not),
/// the package's datasets with their node, and the sources that are not
/// charted, with why and what would change that.
#[utoipa::path(
    get,
    path = "/api/v1/ecosystem",
    tag = "ecosystem",
    operation_id = "get_ecosystem",
    responses(
        (status = 200, description = "The map of the data ecosystem", body = evidence::ecosystem::EcosystemView),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
        (status = 404, description = "This data release has no ecosystem map (code no_ecosystem)", body = evidence::api::ErrorBody),
    ),
)]
pub async fn view(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    Ok(http::json(&headers, &responses(&state)?.json))
}

/// The ecosystem diagram as SVG, with its title, description, a title on
/// every box and arrow, and a link from every box to its datasets.
#[utoipa::path(
    get,
    path = "/api/v1/ecosystem.svg",
    tag = "ecosystem",
    operation_id = "get_ecosystem_svg",
    params(
        ("lang" = Option<String>, Query, description = "Language: en (default) or fr", example = "fr"),
        ("tone" = Option<String>, Query, description = "Wording of the boxes' descriptions: plain (default) or technical", example = "plain"),
        ("layout" = Option<String>, Query, description = "wide (default: one row per path) or narrow (one column, 360 wide, for phones)", example = "narrow"),
    ),
    responses(
        (status = 200, description = "The diagram", content_type = "image/svg+xml", body = String),
        (status = 400, description = "An unknown parameter or value (the message names it)", body = evidence::api::ErrorBody),
        (status = 404, description = "This data release has no ecosystem map (code no_ecosystem)", body = evidence::api::ErrorBody),
    ),
)]
pub async fn diagram(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    let (lang, tone, layout) = parse_diagram_query(raw.as_deref())?;
    let r = responses(&state)?;
    Ok(http::cached_response(&headers, r.svg(lang, tone, layout), "image/svg+xml", CachePolicy::Revalidate))
}

pub fn parse_diagram_query(raw: Option<&str>) -> AppResult<(Lang, Tone, Layout)> {
    let pairs = strict_query(raw, &["lang", "tone", "layout"])?;
    let (mut lang, mut tone, mut layout) = (Lang::En, Tone::Plain, Layout::Wide);
    for (k, v) in &pairs {
        match k.as_str() {
            "lang" => lang = Lang::parse(v).ok_or_else(|| AppError::bad_param("lang", format!("'{}' is not en or fr", crate::error::truncate(v))))?,
            "tone" => tone = Tone::parse(v).ok_or_else(|| AppError::bad_param("tone", format!("'{}' is not plain or technical", crate::error::truncate(v))))?,
            _ => {
                layout = Layout::ALL
                    .into_iter()
                    .find(|l| l.code() == v)
                    .ok_or_else(|| AppError::bad_param("layout", format!("'{}' is not wide or narrow", crate::error::truncate(v))))?
            }
        }
    }
    Ok((lang, tone, layout))
}
