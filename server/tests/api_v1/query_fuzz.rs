//! Random query strings and path segments, raw and percent-encoded: never
//! a 5xx, and every 4xx is the one JSON error shape.

use std::sync::OnceLock;

use axum::http::{StatusCode, Uri};
use proptest::prelude::*;

use super::common::*;

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime"))
}

/// Text that stresses parsers: real codes and years, separators, encoded
/// and double-encoded bytes, invalid escapes, non-ASCII, control bytes.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("KEN".to_string()),
        Just("KEN,UGA".to_string()),
        Just("001".to_string()),
        Just("2019".to_string()),
        Just(String::new()),
        Just(",".to_string()),
        Just("%".to_string()),
        Just("%zz".to_string()),
        Just("%2C".to_string()),
        Just("%252C".to_string()),
        Just("%00".to_string()),
        Just("%FF%FE".to_string()),
        Just("%C3%A9".to_string()),
        Just("+".to_string()),
        Just("..%2F".to_string()),
        Just("-1".to_string()),
        Just("99999999999999999999".to_string()),
        "[a-zA-Z0-9_.~-]{0,12}",
        "[ -~]{0,12}".prop_map(|s| s.chars().map(|c| if "#\" <>\\^`{|}".contains(c) { '_' } else { c }).collect()),
        "\\PC{0,4}".prop_map(|s| evidence::state::percent_encode(&s)),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("geo".to_string()),
        Just("from".to_string()),
        Just("to".to_string()),
        Just("series".to_string()),
        Just("chart".to_string()),
        Just("width".to_string()),
        Just("url".to_string()),
        fragment(),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec((key(), fragment(), any::<bool>()), 0..6).prop_map(|pairs| {
        pairs.into_iter().map(|(k, v, with_eq)| if with_eq { format!("{k}={v}") } else { k }).collect::<Vec<_>>().join("&")
    })
}

fn endpoint() -> impl Strategy<Value = String> {
    let (id, geo) = sample();
    prop_oneof![
        Just(format!("/api/v1/datasets/{id}/observations")),
        Just(format!("/api/v1/datasets/{id}")),
        Just(format!("/api/v1/geo/{geo}")),
        Just("/api/v1/geo".to_string()),
        Just("/api/v1/datasets".to_string()),
        Just(format!("/api/v1/datasets/{id}/chart.csv")),
        Just(format!("/api/v1/datasets/{id}/data.csv")),
        Just("/oembed".to_string()),
        fragment().prop_map(|s| format!("/api/v1/geo/{s}")),
        fragment().prop_map(|s| format!("/api/v1/datasets/{s}/observations")),
        fragment().prop_map(|s| format!("/api/v1/{s}")),
        fragment().prop_map(|s| format!("/{s}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_query_or_path_makes_a_5xx_and_every_4xx_is_json(path in endpoint(), q in query()) {
        let url = if q.is_empty() { path.clone() } else { format!("{path}?{q}") };
        // Targets a client could not send are refused by hyper before us.
        prop_assume!(url.parse::<Uri>().is_ok());
        let r = runtime().block_on(get(&url));
        prop_assert!(!r.status.is_server_error(), "{} -> {}: {}", url, r.status, String::from_utf8_lossy(&r.body));
        let app_page = !path.starts_with("/api/") && !path.starts_with("/oembed");
        if r.status.is_client_error() && app_page && r.header("content-type").starts_with("text/html") {
            // An address the app has no page for is now a real 404 with the
            // app's own "Page not found" page (pages are rendered on the
            // server), never any other 4xx as HTML.
            prop_assert!(r.status == StatusCode::NOT_FOUND, "{} -> {}", url, r.status);
            prop_assert!(String::from_utf8_lossy(&r.body).contains("Page not found"), "{}: the app's 404 page", url);
        } else if r.status.is_client_error() {
            prop_assert!(r.header("content-type").starts_with("application/json"), "{} -> {} {:?}", url, r.status, r.header("content-type"));
            let v: serde_json::Value = serde_json::from_slice(&r.body).map_err(|e| TestCaseError::fail(format!("{url}: {e}")))?;
            prop_assert!(v["error"]["code"].is_string() && v["error"]["message"].is_string(), "{}: {}", url, v);
        } else {
            prop_assert!(r.status == StatusCode::OK, "{} -> {}", url, r.status);
        }
    }
}
