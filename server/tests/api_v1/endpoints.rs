//! Every endpoint answers with the right content, 304 on a matching
//! `If-None-Match`, and the same head on HEAD.

use axum::http::{Method, StatusCode};
use evidence::api::{
    CoverageMatrix, DatasetDetail, DatasetList, GeoList, GeoProfile, Glossary, ObservationList, VersionInfo,
};
use evidence::model::GeoKind;
use evidence_server::routes::meta::Health;

use super::common::*;

const REVALIDATE: &str = "public, max-age=60, must-revalidate";

fn parse<T: serde::de::DeserializeOwned>(r: &Reply) -> T {
    assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header("content-type"), "application/json");
    assert!(r.header("etag").starts_with("\"json-"), "strong ETag: {:?}", r.header("etag"));
    assert_eq!(r.header("cache-control"), REVALIDATE);
    serde_json::from_slice(&r.body).expect("the documented type")
}

/// A URL of every kind the API serves, with real ids.
pub fn api_urls() -> Vec<String> {
    let (id, geo) = sample();
    vec![
        "/api/v1/datasets".into(),
        format!("/api/v1/datasets/{id}"),
        format!("/api/v1/datasets/{id}/observations"),
        format!("/api/v1/datasets/{id}/observations?geo={geo}&from=2000&to=2100"),
        "/api/v1/geo".into(),
        format!("/api/v1/geo/{geo}"),
        "/api/v1/geo/001".into(),
        "/api/v1/coverage".into(),
        "/api/v1/glossary".into(),
        "/api/v1/version".into(),
        "/api/v1/openapi.json".into(),
    ]
}

#[tokio::test]
async fn the_catalogue_lists_every_dataset_with_coverage() {
    let list: DatasetList = parse(&get("/api/v1/datasets").await);
    let data = state().data();
    assert_eq!(list.datasets.len(), data.package.datasets.len());
    for (s, d) in list.datasets.iter().zip(&data.package.datasets) {
        assert_eq!(s.id, d.meta.id);
        assert_eq!(s.coverage.observations, d.observations.len());
        assert!(!s.caveats.is_empty(), "{} lists its caveats", s.id);
    }
}

#[tokio::test]
async fn a_dataset_has_its_metadata_and_caveats() {
    for d in &state().data().package.datasets {
        let detail: DatasetDetail = parse(&get(&format!("/api/v1/datasets/{}", d.meta.id)).await);
        assert_eq!(detail.meta, d.meta);
        assert_eq!(detail.geos, d.geos());
        // Every term the indicator uses, named as in the glossary.
        let ids: Vec<&str> = detail.glossary_terms.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, d.meta.indicator.glossary.iter().map(String::as_str).collect::<Vec<_>>(), "{}", d.meta.id);
        let data = state().data();
        for t in &detail.glossary_terms {
            let entry = data.package.glossary.iter().find(|g| g.id == t.id).expect("a glossary term");
            assert_eq!(t.term, entry.term, "{}", t.id);
        }
    }
}

#[tokio::test]
async fn observations_come_whole_or_filtered_by_geo_years_and_series() {
    let data = state().data();
    let d = data.package.datasets.iter().max_by_key(|d| d.geos().len()).expect("a dataset");
    let all: ObservationList = parse(&get(&format!("/api/v1/datasets/{}/observations", d.meta.id)).await);
    assert_eq!(all.observations, d.observations);
    assert_eq!(all.dataset, d.meta.id);

    let geos: Vec<&str> = d.geos().into_iter().take(2).collect();
    let first = d.periods()[0].start_year();
    let url = format!("/api/v1/datasets/{}/observations?geo={}&from={first}&to={first}", d.meta.id, geos.join(","));
    let some: ObservationList = parse(&get(&url).await);
    assert!(!some.observations.is_empty(), "{url}");
    assert!(some.observations.len() < all.observations.len(), "{url} filters");
    for o in &some.observations {
        assert!(geos.contains(&o.geo.as_str()));
        assert!(o.period.overlaps(Some(first), Some(first)));
    }
    let names: Vec<&str> = some.geographies.iter().map(|g| g.code.as_str()).collect();
    assert!(names.iter().all(|c| geos.contains(c)), "only the geographies shown are named: {names:?}");

    let series = d.series_names()[0];
    let by_series: ObservationList = parse(
        &get(&format!("/api/v1/datasets/{}/observations?series={}", d.meta.id, evidence::state::percent_encode(series))).await,
    );
    assert!(!by_series.observations.is_empty());
    assert!(by_series.observations.iter().all(|o| o.series == series));
}

#[tokio::test]
async fn geographies_and_profiles_cover_countries_and_regions() {
    let list: GeoList = parse(&get("/api/v1/geo").await);
    let data = state().data();
    assert_eq!(list.geographies, data.package.geographies);

    let (_, country) = sample();
    let profile: GeoProfile = parse(&get(&format!("/api/v1/geo/{country}")).await);
    assert_eq!(profile.geography.code, country);
    assert!(!profile.covered.is_empty(), "{country} has figures");
    assert_eq!(profile.covered.len() + profile.not_covered.len(), data.package.datasets.len(), "every dataset is either covered or listed as a gap");

    let region = data.package.geographies.iter().find(|g| g.kind == GeoKind::Region).expect("a region");
    let profile: GeoProfile = parse(&get(&format!("/api/v1/geo/{}", region.code)).await);
    assert!(!profile.children.is_empty(), "{} has members", region.code);
}

#[tokio::test]
async fn coverage_glossary_and_version_describe_the_package() {
    let data = state().data();
    let coverage: CoverageMatrix = parse(&get("/api/v1/coverage").await);
    assert_eq!(coverage.datasets.len(), data.package.datasets.len());
    assert!(coverage.cells.iter().all(|c| c.dataset < coverage.datasets.len() && c.geo < coverage.geographies.len()));

    let glossary: Glossary = parse(&get("/api/v1/glossary").await);
    assert_eq!(glossary.terms.len(), data.package.glossary.len());

    let version: VersionInfo = parse(&get("/api/v1/version").await);
    assert_eq!(version.data_hash, data.hash);
    assert_eq!(version.data_hash.len(), 64);
    assert_eq!(version.server, env!("CARGO_PKG_VERSION"));

    let spec = get("/api/v1/openapi.json").await;
    assert_eq!(spec.json()["openapi"], "3.1.0");
}

#[tokio::test]
async fn healthz_says_ok_and_is_never_cached() {
    let r = get("/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("cache-control"), "no-store");
    let health: Health = serde_json::from_slice(&r.body).expect("Health");
    assert_eq!(health, Health { status: "ok".into(), datasets: state().data().package.datasets.len() });
}

#[tokio::test]
async fn every_json_response_revalidates_to_304_with_its_etag() {
    for url in api_urls() {
        let first = get(&url).await;
        assert_eq!(first.status, StatusCode::OK, "{url}");
        let etag = first.header("etag").to_string();
        assert!(etag.starts_with('"') && etag.ends_with('"') && !etag.starts_with("W/"), "{url}: strong ETag {etag}");

        let again = get(&url).await;
        assert_eq!(again.header("etag"), etag, "{url}: the ETag is stable");

        for matching in [etag.clone(), format!("W/{etag}"), format!("\"other\", {etag}"), "*".to_string()] {
            let r = get_with(&url, &[("if-none-match", &matching)]).await;
            assert_eq!(r.status, StatusCode::NOT_MODIFIED, "{url} with If-None-Match {matching}");
            assert!(r.body.is_empty());
            assert_eq!(r.header("etag"), etag);
            assert_eq!(r.header("cache-control"), REVALIDATE);
        }
        let r = get_with(&url, &[("if-none-match", "\"json-000000000000000000000000\"")]).await;
        assert_eq!(r.status, StatusCode::OK, "{url}: a stale ETag gets the body");
    }
}

#[tokio::test]
async fn different_filters_have_different_etags() {
    let (id, geo) = sample();
    let a = get(&format!("/api/v1/datasets/{id}/observations?geo={geo}")).await;
    let b = get(&format!("/api/v1/datasets/{id}/observations")).await;
    assert_ne!(a.header("etag"), b.header("etag"));
    let r = get_with(&format!("/api/v1/datasets/{id}/observations"), &[("if-none-match", a.header("etag"))]).await;
    assert_eq!(r.status, StatusCode::OK, "one filter's ETag does not validate another");
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let (id, _) = sample();
    let mut urls = api_urls();
    urls.extend(["/healthz".to_string(), "/".into(), "/datasets".into(), format!("/datasets/{id}"), "/index.html".into()]);
    urls.extend(["/api/v1/nope".to_string(), format!("/api/v1/datasets/{id}/observations?geo=NOPE"), "/missing.js".into()]);
    for url in urls {
        let g = get(&url).await;
        let h = send(request(Method::HEAD, &url, &[])).await;
        assert_eq!(h.status, g.status, "{url}");
        assert!(h.body.is_empty(), "{url}: HEAD has no body");
        for name in ["content-type", "etag", "cache-control", "content-security-policy"] {
            assert_eq!(h.header(name), g.header(name), "{url}: {name}");
        }
    }
}

#[tokio::test]
async fn unknown_things_are_404_with_a_code_that_says_what() {
    let (id, _) = sample();
    get("/api/v1/datasets/no-such-dataset").await.assert_error(StatusCode::NOT_FOUND, "unknown_dataset");
    get("/api/v1/datasets/no-such-dataset/observations").await.assert_error(StatusCode::NOT_FOUND, "unknown_dataset");
    get("/api/v1/geo/XXX").await.assert_error(StatusCode::NOT_FOUND, "unknown_geography");
    for url in ["/api/v1/nope", "/api", "/api/", "/api/v2/datasets", "/api/v1/datasets/", &format!("/api/v1/datasets/{id}/nope")] {
        get(url).await.assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    get("/no-such-file.js").await.assert_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn bad_parameters_are_400_naming_the_parameter_and_what_was_expected() {
    let (id, geo) = sample();
    let obs = format!("/api/v1/datasets/{id}/observations");
    let too_many = vec!["KEN"; evidence::state::MAX_GEOS + 1].join(",");
    let long = "x".repeat(evidence::state::MAX_QUERY_BYTES + 1);
    let cases: Vec<(String, &str, &str)> = vec![
        (format!("{obs}?colour=red"), "colour", "expected one of geo, series, from, to"),
        (format!("{obs}?geo=XXX"), "geo", "unknown geography code 'XXX'"),
        (format!("{obs}?geo={too_many}"), "geo", "at most"),
        (format!("{obs}?from=19"), "from", "expected YYYY"),
        (format!("{obs}?to=2019-01"), "to", "expected YYYY"),
        (format!("{obs}?from="), "from", "expected YYYY"),
        (format!("{obs}?from=2020&to=2019"), "from", "after to=2019"),
        (format!("{obs}?series=no-such-series"), "series", "is not a series"),
        (format!("{obs}?geo={geo}&{long}=1"), "query", "longer than"),
        ("/api/v1/datasets?page=2".into(), "page", "takes no parameters"),
        (format!("/api/v1/datasets/{id}?x"), "x", "takes no parameters"),
        ("/api/v1/geo?kind=country".into(), "kind", "takes no parameters"),
        (format!("/api/v1/geo/{geo}?from=2019"), "from", "takes no parameters"),
        ("/api/v1/coverage?a=b".into(), "a", "takes no parameters"),
        ("/api/v1/glossary?lang=fr".into(), "lang", "takes no parameters"),
        ("/api/v1/version?v=1".into(), "v", "takes no parameters"),
    ];
    for (url, param, expected) in cases {
        let message = get(&url).await.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
        assert!(message.starts_with(&format!("{param}: ")), "{url}: names {param}: {message}");
        assert!(message.contains(expected), "{url}: says {expected:?}: {message}");
    }
}

#[tokio::test]
async fn extractor_rejections_get_the_one_error_shape_too() {
    // A path segment that is not UTF-8 once decoded: axum rejects it in
    // plain text; the client still gets JSON.
    let message = get("/api/v1/datasets/%FF%FE/observations").await.assert_error(StatusCode::BAD_REQUEST, "bad_request");
    assert!(message.contains("%FF%FE") || message.to_lowercase().contains("utf"), "{message}");
    get("/api/v1/geo/%C0").await.assert_error(StatusCode::BAD_REQUEST, "bad_request");
}
