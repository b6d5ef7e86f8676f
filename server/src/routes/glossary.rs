//! `/api/v1/glossary`: the terms, with the datasets that use each.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use evidence::api::{Glossary, GlossaryEntry};
use evidence::package::Package;

use crate::http;
use crate::state::AppState;

pub fn build(pkg: &Package) -> Glossary {
    let terms = pkg
        .glossary
        .iter()
        .map(|t| GlossaryEntry {
            term: t.clone(),
            datasets: pkg
                .datasets
                .iter()
                .filter(|d| {
                    d.meta.indicator.glossary.contains(&t.id)
                        || d.meta.series.values().any(|s| s.preferred_term.as_deref() == Some(t.id.as_str()))
                })
                .map(|d| d.meta.id.clone())
                .collect(),
        })
        .collect();
    Glossary { terms }
}

pub async fn list(State(state): State<AppState>, headers: HeaderMap) -> Response {
    http::json(&headers, &state.data().glossary)
}
