//! `/api/v1/openapi.json` against the router and the real responses: every
//! route is documented, every documented path answers, and every JSON body
//! validates against its documented schema (JSON Schema 2020-12, strict:
//! no undocumented field passes).

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use super::common::*;

fn spec() -> Value {
    serde_json::from_slice(&evidence_server::openapi::spec().body).expect("the spec is JSON")
}

/// Routes declared in router.rs: `.route("…")` calls, those in the
/// router nested under `/api/v1` with that prefix.
fn router_routes() -> BTreeSet<String> {
    let source = include_str!("../../src/router.rs");
    // The API routes are built by `fn api_routes()` (shared by the public
    // router and the one the server-side rendering asks).
    let nested_start = source.find("fn api_routes").expect("router.rs builds the API router in `fn api_routes`");
    let nested_end = nested_start + source[nested_start..].find("\n}\n").expect("end of fn api_routes");
    assert!(source.contains(".nest(\"/api/v1\", api_routes())"), "router.rs nests the API router at /api/v1");
    let mut routes = BTreeSet::new();
    let mut at = 0;
    while let Some(found) = source[at..].find(".route(\"") {
        let start = at + found + ".route(\"".len();
        let end = start + source[start..].find('"').expect("closing quote");
        let path = &source[start..end];
        let prefix = if (nested_start..nested_end).contains(&start) { "/api/v1" } else { "" };
        routes.insert(format!("{prefix}{path}"));
        at = end;
    }
    assert!(routes.len() >= 10, "the parser found the routes: {routes:?}");
    routes
}

#[test]
fn every_route_in_the_router_is_documented() {
    let spec = spec();
    let paths: BTreeSet<String> = spec["paths"].as_object().expect("paths").keys().cloned().collect();
    let missing: Vec<String> = router_routes()
        .into_iter()
        .filter(|r| !evidence_server::openapi::NOT_API_PREFIXES.iter().any(|p| r.starts_with(p)))
        .filter(|r| !paths.contains(r))
        .collect();
    assert!(
        missing.is_empty(),
        "routes in router.rs missing from /api/v1/openapi.json: {missing:?}; document them (a #[utoipa::path] on the handler, listed in openapi.rs)"
    );
    for (path, item) in spec["paths"].as_object().expect("paths") {
        assert!(item.get("get").is_some() && item.get("head").is_some(), "{path}: GET and HEAD");
        for status in ["405", "429", "500"] {
            assert!(item["get"]["responses"].get(status).is_some(), "{path}: documents {status}");
        }
    }
}

/// A concrete URL for a documented path, with real ids.
fn concrete(path: &str) -> String {
    let (id, geo) = sample();
    let url = path.replace("{id}", &id).replace("{code}", &geo);
    if path == "/oembed" {
        return format!("/oembed?url={}", evidence::state::percent_encode(&format!("{}/datasets/{id}", state().config().public_url)));
    }
    url
}

#[tokio::test]
async fn every_documented_path_answers_get_and_head() {
    let documented: BTreeSet<String> = spec()["paths"].as_object().expect("paths").keys().cloned().collect();
    let routes = router_routes();
    for path in documented {
        assert!(routes.contains(&path), "{path} is documented but not routed in router.rs");
        let url = concrete(&path);
        assert_eq!(get(&url).await.status, StatusCode::OK, "GET {url}");
        assert_eq!(send(request(Method::HEAD, &url, &[])).await.status, StatusCode::OK, "HEAD {url}");
    }
}

/// Makes every object schema refuse fields it does not declare. Objects
/// used as an `allOf` part (serde's flatten) cannot: the whole they are
/// part of refuses instead, through `unevaluatedProperties`.
fn strict(spec: &Value) -> Value {
    let mut schemas = spec["components"]["schemas"].clone();
    let mut parts = BTreeSet::new();
    for schema in schemas.as_object().expect("schemas").values() {
        for part in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            if let Some(r) = part.get("$ref").and_then(Value::as_str) {
                parts.insert(r.rsplit('/').next().unwrap_or("").to_string());
            }
        }
    }
    fn walk(v: &mut Value, top_level_part: bool) {
        let Some(obj) = v.as_object_mut() else {
            if let Some(items) = v.as_array_mut() {
                items.iter_mut().for_each(|i| walk(i, false));
            }
            return;
        };
        if obj.contains_key("allOf") {
            obj.insert("unevaluatedProperties".into(), json!(false));
            if let Some(Value::Array(all)) = obj.get_mut("allOf") {
                for part in all.iter_mut() {
                    walk(part, true);
                }
            }
        } else if obj.contains_key("properties") && !top_level_part && !obj.contains_key("additionalProperties") {
            obj.insert("additionalProperties".into(), json!(false));
        }
        for (key, child) in obj.iter_mut() {
            if key != "allOf" {
                walk(child, false);
            }
        }
    }
    for (name, schema) in schemas.as_object_mut().expect("schemas") {
        walk(schema, parts.contains(name));
    }
    schemas
}

struct Validator {
    spec: Value,
    schemas: Value,
}

impl Validator {
    fn new() -> Validator {
        let spec = spec();
        let schemas = strict(&spec);
        Validator { spec, schemas }
    }

    /// The documented schema of `status` for GET `path`, as a standalone
    /// JSON Schema whose `$ref`s resolve inside it.
    fn schema(&self, path: &str, status: &str) -> Value {
        let response = &self.spec["paths"][path]["get"]["responses"][status];
        assert!(!response.is_null(), "{path} documents {status}");
        let schema = response["content"]["application/json"]["schema"].clone();
        assert!(!schema.is_null(), "{path} {status}: a JSON schema");
        let mut root = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "components": {"schemas": self.schemas.clone()},
        });
        for (k, v) in schema.as_object().expect("schema object") {
            root[k] = v.clone();
        }
        root
    }

    async fn check(&self, path: &str, url: &str, expected: StatusCode) {
        let r = get(url).await;
        assert_eq!(r.status, expected, "{url}: {}", String::from_utf8_lossy(&r.body));
        let schema = self.schema(path, expected.as_str());
        let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{path}: the schema compiles: {e}"));
        let body = r.json();
        let errors: Vec<String> = validator.iter_errors(&body).take(5).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{url} does not match the documented {path} {expected}: {errors:#?}");
    }
}

#[tokio::test]
async fn real_responses_validate_against_the_documented_schemas() {
    let v = Validator::new();
    let data = state().data();
    v.check("/api/v1/datasets", "/api/v1/datasets", StatusCode::OK).await;
    for d in &data.package.datasets {
        let id = &d.meta.id;
        v.check("/api/v1/datasets/{id}", &format!("/api/v1/datasets/{id}"), StatusCode::OK).await;
        v.check("/api/v1/datasets/{id}/observations", &format!("/api/v1/datasets/{id}/observations"), StatusCode::OK).await;
        let geo = d.geos()[0];
        v.check("/api/v1/datasets/{id}/observations", &format!("/api/v1/datasets/{id}/observations?geo={geo}&from=2000"), StatusCode::OK)
            .await;
    }
    v.check("/api/v1/geo", "/api/v1/geo", StatusCode::OK).await;
    for g in &data.package.geographies {
        v.check("/api/v1/geo/{code}", &format!("/api/v1/geo/{}", g.code), StatusCode::OK).await;
    }
    v.check("/api/v1/coverage", "/api/v1/coverage", StatusCode::OK).await;
    v.check("/api/v1/glossary", "/api/v1/glossary", StatusCode::OK).await;
    v.check("/api/v1/version", "/api/v1/version", StatusCode::OK).await;
    v.check("/healthz", "/healthz", StatusCode::OK).await;
    v.check("/oembed", &concrete("/oembed"), StatusCode::OK).await;
}

#[tokio::test]
async fn error_responses_validate_against_the_documented_error_schema() {
    let v = Validator::new();
    let (id, _) = sample();
    v.check("/api/v1/datasets/{id}", "/api/v1/datasets/nope", StatusCode::NOT_FOUND).await;
    v.check("/api/v1/datasets/{id}/observations", &format!("/api/v1/datasets/{id}/observations?geo=NOPE"), StatusCode::BAD_REQUEST).await;
    v.check("/api/v1/datasets/{id}/observations", "/api/v1/datasets/nope/observations", StatusCode::NOT_FOUND).await;
    v.check("/api/v1/geo/{code}", "/api/v1/geo/NOPE", StatusCode::NOT_FOUND).await;
    v.check("/api/v1/datasets", "/api/v1/datasets?x=1", StatusCode::BAD_REQUEST).await;
    v.check("/api/v1/datasets/{id}/chart.svg", &format!("/api/v1/datasets/{id}/chart.svg?nope=1"), StatusCode::BAD_REQUEST).await;
    v.check("/oembed", "/oembed", StatusCode::BAD_REQUEST).await;
}

#[test]
fn the_strict_schemas_refuse_an_undocumented_field() {
    let v = Validator::new();
    let schema = v.schema("/api/v1/version", "200");
    let validator = jsonschema::validator_for(&schema).expect("compiles");
    let good = json!({"server": "0.1.0", "data_package": "p", "data_version": "1", "data_hash": "ab"});
    assert!(validator.is_valid(&good));
    let mut extra = good.clone();
    extra["surprise"] = json!(1);
    assert!(!validator.is_valid(&extra), "an undocumented field fails");
    let mut missing = good;
    missing.as_object_mut().expect("object").remove("data_hash");
    assert!(!validator.is_valid(&missing), "a missing required field fails");

    let schema = v.schema("/api/v1/datasets/{id}", "200");
    let validator = jsonschema::validator_for(&schema).expect("compiles");
    let detail = serde_json::to_value(evidence::api::dataset_detail(&state().data().package.datasets[0], &state().data().package)).expect("json");
    assert!(validator.is_valid(&detail));
    let mut extra = detail;
    extra["surprise"] = json!(1);
    assert!(!validator.is_valid(&extra), "flattened types refuse undocumented fields too");
}
