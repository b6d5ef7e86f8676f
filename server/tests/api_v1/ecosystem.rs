//! `/api/v1/ecosystem` and `/api/v1/ecosystem.svg`, and the ecosystem map
//! loaded with the package: a folder whose map does not fit its package is
//! refused whole.

use axum::http::StatusCode;
use evidence::package::FileSource;
use evidence_server::snapshot::Snapshot;

use super::common::{get, get_with, state};

#[tokio::test]
async fn the_map_lists_nodes_flows_datasets_and_uncharted_sources() {
    let r = get("/api/v1/ecosystem").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").starts_with("application/json"));
    assert!(!r.header("etag").is_empty());
    let v = r.json();
    let data = state().data();
    let datasets = v["datasets"].as_array().expect("datasets");
    assert_eq!(datasets.len(), data.package.datasets.len(), "every dataset of the package, with its node");
    let nodes: Vec<&str> = v["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
    for d in datasets {
        assert!(nodes.contains(&d["node"].as_str().unwrap()), "{d}");
        assert!(d["sector"].is_string() && d["origin"].is_string(), "{d}");
    }
    let ncmec = datasets.iter().find(|d| d["id"] == "ncmec-cybertipline-totals").expect("NCMEC totals");
    assert_eq!(ncmec["node"], "ncmec");
    assert!(v["flows"].as_array().unwrap().iter().any(|f| f["public_data"] == false && f["gap"]["plain"]["fr"].is_string()));
    let uncharted = v["uncharted"].as_array().unwrap();
    assert!(uncharted.iter().any(|u| u["id"] == "out-of-the-shadows" && u["why_not"]["technical"]["en"].as_str().unwrap().contains("not comparable")));
    assert!(v.get("about").is_none(), "the file's note to editors is not served");
    // Conditional GET.
    let again = get_with("/api/v1/ecosystem", &[("if-none-match", r.header("etag"))]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn the_diagram_is_svg_in_each_language_tone_and_layout() {
    let en = get("/api/v1/ecosystem.svg").await;
    assert_eq!(en.status, StatusCode::OK);
    assert_eq!(en.header("content-type"), "image/svg+xml");
    let body = String::from_utf8(en.body.to_vec()).unwrap();
    assert!(body.starts_with("<svg") && body.contains(r#"lang="en""#) && body.contains("<title id=\"eco-svg-title\">Who holds the data"));
    let fr = get("/api/v1/ecosystem.svg?lang=fr&tone=technical&layout=narrow").await;
    assert_eq!(fr.status, StatusCode::OK);
    let fr = String::from_utf8(fr.body.to_vec()).unwrap();
    assert!(fr.contains("Qui détient les données") && fr.contains(r#"viewBox="0 0 360 "#) && fr.contains("2258A"));
    assert_ne!(body, fr);
}

#[tokio::test]
async fn bad_diagram_parameters_are_named() {
    let r = get("/api/v1/ecosystem.svg?lang=de").await;
    assert!(r.assert_error(StatusCode::BAD_REQUEST, "bad_parameter").contains("lang"));
    let r = get("/api/v1/ecosystem.svg?layout=tall").await;
    assert!(r.assert_error(StatusCode::BAD_REQUEST, "bad_parameter").contains("layout"));
    let r = get("/api/v1/ecosystem.svg?color=red").await;
    r.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
    let r = get("/api/v1/ecosystem?lang=fr").await;
    r.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
}

/// The embedded data folder, with ecosystem.json replaced (or removed).
struct WithEcosystem(Option<Vec<u8>>);

impl FileSource for WithEcosystem {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        if path == evidence::ecosystem::FILE {
            return self.0.clone();
        }
        evidence_server::embedded::DataFiles.read(path)
    }
}

#[test]
fn a_map_that_does_not_fit_the_package_refuses_the_whole_folder() {
    let real = evidence_server::embedded::DataFiles.read(evidence::ecosystem::FILE).expect("data/ecosystem.json is embedded");
    assert!(Snapshot::load(&WithEcosystem(Some(real.clone()))).is_ok_and(|s| s.ecosystem.is_some()));
    let mut v: serde_json::Value = serde_json::from_slice(&real).unwrap();
    v["nodes"][1]["datasets"].as_array_mut().unwrap().pop();
    let errors = Snapshot::load(&WithEcosystem(Some(serde_json::to_vec(&v).unwrap()))).err().expect("refused").to_string();
    assert!(errors.starts_with("ecosystem.json: nodes: dataset '") && errors.contains("is attached to no node"), "{errors}");
    // A folder without the file (an older release) loads, without a map.
    let old = Snapshot::load(&WithEcosystem(None)).expect("loads");
    assert!(old.ecosystem.is_none());
}
