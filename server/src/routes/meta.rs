//! Health and version endpoints.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use evidence::api::{ReleaseInfo, VersionInfo, version_info};

use super::no_query;
use crate::error::AppResult;
use crate::http;
use crate::cached::Cached;
use crate::state::AppState;

/// The body of `/healthz`. A server that answers has a valid package
/// loaded: a broken one is refused at start and on reload.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Health {
    /// Always "ok" when the server answers.
    pub status: String,
    /// Datasets in the package being served.
    pub datasets: usize,
}

/// Liveness and readiness for load balancers; never cached.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    operation_id = "healthz",
    responses((status = 200, description = "Serving a valid data package", body = Health)),
)]
pub async fn healthz(State(state): State<AppState>) -> Response {
    let data = state.data();
    let mut res = Json(Health { status: "ok".into(), datasets: data.package.datasets.len() }).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The server version, and the release, date and hash of the data it serves.
#[utoipa::path(
    get,
    path = "/api/v1/version",
    tag = "meta",
    operation_id = "get_version",
    responses(
        (status = 200, description = "Versions: the data release and its date; data_hash changes whenever any package file changes", body = VersionInfo),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
    ),
)]
pub async fn version(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    let data = state.data();
    let earlier = state.releases().iter().map(|r| ReleaseInfo::from(&r.state.data().package)).collect();
    Ok(http::json_value(&headers, &version_info(env!("CARGO_PKG_VERSION"), &data.package, &data.hash, earlier)))
}

/// A chart page of a known dataset (`/datasets/{id}?…`): index.html with
/// the oEmbed discovery link in `<head>` and the first paint (the chart with
/// its caveats, `crate::first_paint`) in `<body>`; cached by path and raw
/// query. None for every other path, which gets index.html as it is.
pub fn chart_page(state: &AppState, path: &str, query: Option<&str>, pin: Option<&crate::router::Pin>) -> Option<Cached> {
    let id = path.strip_prefix("/datasets/").filter(|id| !id.is_empty() && !id.contains('/'))?;
    let data = state.data();
    let dataset = data.package.dataset(id)?;
    let mut key = format!("{path}?{}", query.unwrap_or(""));
    if let Some(p) = pin {
        key.push_str(&format!("#release={}@{}", p.requested, p.current.hash));
    }
    if let Some(cached) = data.pages.get(&key) {
        return Some(cached);
    }
    let base = &state.config().public_url;
    let page = match query {
        Some(q) if !q.is_empty() => format!("{base}{path}?{q}"),
        _ => format!("{base}{path}"),
    };
    let href = format!("{base}/oembed?url={}&format=json", evidence::state::percent_encode(&page));
    let head = format!(
        r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
        evidence::chart::escape_xml(&href),
        evidence::chart::escape_xml(&dataset.meta.title.en)
    );
    // Lenient like the app: what cannot be used falls back to its default
    // (the app then says which settings it replaced).
    let (chart_state, _warnings) = evidence::state::ChartState::from_query(query.unwrap_or(""));
    let mut body = crate::first_paint::render(&data, base, dataset, &chart_state);
    if let Some(p) = pin {
        body.insert_str(0, &release_notice(&data, dataset, &chart_state, p, &format!("{base}{path}?{}", chart_state.to_query())));
    }
    let cached = Cached::new(state.site().chart_page_html(base, dataset, &chart_state, query, &head, &body).into_bytes(), "page");
    data.pages.insert(key, cached.clone());
    Some(cached)
}

/// What a chart page pinned to a data release says above the chart: the
/// release shown and, when the current data differs for this chart, a link
/// to the current view; for a release the server does not hold, that the
/// current data is shown instead. None for the current release.
pub fn release_notice(
    data: &crate::snapshot::Snapshot,
    dataset: &evidence::Dataset,
    state: &evidence::ChartState,
    pin: &crate::router::Pin,
    current_view: &str,
) -> String {
    use evidence::Lang;
    let current = &pin.current.package;
    let esc = evidence::chart::escape_xml;
    let fr = state.lang == Lang::Fr;
    let link = |text: &str| format!(r#" <a href="{}" data-testid="release-current">{}</a>"#, esc(current_view), esc(text));
    let text = if !pin.held {
        if fr {
            format!("La version des données {} n'est plus disponible sur ce serveur : ce graphique montre la version actuelle, {} ({}).", pin.requested, current.version, current.released)
        } else {
            format!("Data release {} is not held by this server: this chart shows the current release, {} ({}).", pin.requested, current.version, current.released)
        }
    } else if data.package.version == current.version {
        return String::new();
    } else {
        let shown = evidence::chart::select(dataset, state, &data.package.geographies).observations;
        let now = current.dataset(&dataset.meta.id).map(|d| evidence::chart::select(d, state, &current.geographies).observations);
        let (v, d) = (&data.package.version, &data.package.released);
        if now.as_ref() == Some(&shown) {
            if fr {
                format!("Ce graphique montre la version des données {v} ({d}) ; ses chiffres sont les mêmes dans la version actuelle, {}.", current.version)
            } else {
                format!("This chart shows data release {v} ({d}); its figures are the same in the current release, {}.", current.version)
            }
        } else if fr {
            format!("Ce graphique montre la version des données {v} ({d}). Les données ont changé depuis : la version actuelle est {} ({}).", current.version, current.released)
                + &link("Voir ce graphique avec les données actuelles")
        } else {
            format!("This chart shows data release {v} ({d}). The data has changed since: the current release is {} ({}).", current.version, current.released)
                + &link("See this chart with the current data")
        }
    };
    // Links are built above from escaped parts; the text is plain.
    let (plain, anchor) = match text.find(" <a ") {
        Some(i) => (text[..i].to_string(), text[i..].to_string()),
        None => (text, String::new()),
    };
    format!(r#"<p class="release-notice" role="status" data-testid="release-notice">{}{anchor}</p>"#, esc(&plain))
}
