//! Links pinned to a data release (`release=`): the previous release is
//! served whole (API, exports, citations, chart pages), a chart page says
//! which release it shows and links to the current view when the figures
//! differ, and an unknown release gets a clear answer: a 400 from the API,
//! the current data with a notice on a page.

use std::sync::OnceLock;

use axum::http::{Method, StatusCode};
use evidence_server::{AppState, Config};

use super::common::{Reply, request, send_to};

const PREVIOUS: &str = "2026.11.0";

fn state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let files = evidence_server::embedded::DataFiles;
            let current = evidence_server::snapshot::Snapshot::load(&files).expect("valid");
            let previous = evidence_server::cli::load_releases(&files);
            AppState::with_releases(current, Config { rate_limit: 0, ..Config::default() }, evidence_server::site::Site::embedded(), previous)
        })
        .clone()
}

async fn get(uri: &str) -> Reply {
    send_to(evidence_server::app(state()), request(Method::GET, uri, &[])).await
}

fn text(r: &Reply) -> String {
    String::from_utf8(r.body.to_vec()).expect("UTF-8")
}

#[tokio::test]
async fn the_server_keeps_the_previous_release_and_says_so() {
    let s = state();
    assert_eq!(s.releases().len(), 1, "data/releases/releases.json lists one release");
    assert_eq!(s.releases()[0].version, PREVIOUS);
    let v = get("/api/v1/version").await.json();
    assert_eq!(v["earlier_releases"][0]["version"], PREVIOUS);
    assert_eq!(v["earlier_releases"][0]["released"], "2026-11-29");
    assert_ne!(v["data_version"], PREVIOUS);
}

#[tokio::test]
async fn the_api_answers_with_the_pinned_releases_figures() {
    let s = state();
    let old = s.release(PREVIOUS).expect("held").state.data();
    let now = s.data();
    // A dataset whose figures changed between the two releases.
    let d = now
        .package
        .datasets
        .iter()
        .find(|d| old.package.dataset(&d.meta.id).is_some_and(|o| o.observations.len() != d.observations.len()))
        .expect("a dataset that gained or lost figures");
    let id = &d.meta.id;
    let pinned = get(&format!("/api/v1/datasets/{id}/observations?release={PREVIOUS}")).await;
    assert_eq!(pinned.status, StatusCode::OK, "{}", text(&pinned));
    assert_eq!(pinned.body, old.all_observations[id].body, "the previous release's figures");
    let current = get(&format!("/api/v1/datasets/{id}/observations")).await;
    assert_eq!(current.body, now.all_observations[id].body);
    assert_ne!(pinned.body, current.body);
    // Pinning the current release is the same as no pin.
    let same = get(&format!("/api/v1/datasets/{id}/observations?release={}", now.package.version)).await;
    assert_eq!(same.body, current.body);
    // Exports and citations of the pinned release.
    let csv = get(&format!("/api/v1/datasets/{id}/chart.csv?release={PREVIOUS}")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let apa = text(&get(&format!("/api/v1/datasets/{id}/cite?release={PREVIOUS}")).await);
    assert!(apa.contains(&format!("Data release {PREVIOUS}")) && apa.contains(&format!("&release={PREVIOUS}")), "{apa}");
}

#[tokio::test]
async fn an_unknown_release_is_a_400_from_the_api() {
    let msg = get("/api/v1/datasets?release=1999.1.0").await.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
    assert!(msg.starts_with("release:") && msg.contains("1999.1.0") && msg.contains(PREVIOUS), "{msg}");
}

#[tokio::test]
async fn a_pinned_chart_page_says_which_release_it_shows() {
    let s = state();
    let old = s.release(PREVIOUS).expect("held").state.data();
    let now = s.data();
    let changed = now
        .package
        .datasets
        .iter()
        .find(|d| old.package.dataset(&d.meta.id).is_some_and(|o| o.observations != d.observations && o.observations.len() != d.observations.len()))
        .expect("a changed dataset");
    // The notice is now the app's own (rendered on the server by its
    // components): `release-pinned`, not the old server `release-notice`.
    let page = text(&get(&format!("/datasets/{}?v=1&release={PREVIOUS}", changed.meta.id)).await);
    let excerpt = || page[page.find("<main").unwrap_or(0)..].chars().take(3000).collect::<String>();
    assert!(page.contains(r#"data-testid="release-pinned""#), "a notice: {}", excerpt());
    assert!(page.contains(&format!("This chart shows data release {PREVIOUS}")), "{}", excerpt());
    assert!(page.contains(&format!("The current release is {}", now.package.version)), "{}", excerpt());
    let link_at = page.find(r#"data-testid="release-current-link""#).expect("a link to the current view");
    let tag = &page[page[..link_at].rfind("<a ").expect("the link's tag")..link_at];
    assert!(tag.contains(&format!("/datasets/{}", changed.meta.id)) && !tag.contains("release="), "a link to the current view: {tag}");
    // It says that this view's figures changed since; and for a dataset
    // whose figures are the same in both releases, that they are the same.
    assert!(page.contains("This view&#x27;s figures have changed since.") || page.contains("This view's figures have changed since."), "{}", excerpt());
    if let Some(same) = now.package.datasets.iter().find(|d| old.package.dataset(&d.meta.id).is_some_and(|o| o.observations == d.observations)) {
        let page = text(&get(&format!("/datasets/{}?v=1&release={PREVIOUS}", same.meta.id)).await);
        assert!(
            page.contains("This view&#x27;s figures are the same in the current release.") || page.contains("This view's figures are the same in the current release."),
            "{}: {}",
            same.meta.id,
            page[page.find("<main").unwrap_or(0)..].chars().take(3000).collect::<String>()
        );
    }

    // Unknown release: the current data and a notice, not a blank page.
    let page = get(&format!("/datasets/{}?release=1999.1.0", changed.meta.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = text(&page);
    let unknown = html.find(r#"data-testid="release-unknown""#).expect("a notice");
    assert!(html[unknown..].contains("1999.1.0"), "the notice names the release asked for");
    assert!(html.contains(r#"data-testid="chart""#), "the current chart is drawn");

    // The current release: no notice.
    let html = text(&get(&format!("/datasets/{}?release={}", changed.meta.id, now.package.version)).await);
    assert!(!html.contains("release-pinned") && !html.contains("release-unknown"));
}
