//! `GET /api/v1/datasets/{id}/cite?format=apa|bibtex|ris|csl-json&<chart state>`:
//! the citation of a chart as shown (`evidence::cite`), the original
//! publisher first. The permalink in it pins the data release, so the
//! figures can be found again after an update.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use evidence::cite::{Format, citation};
use evidence::state::{percent_encode, query_pairs};

use crate::error::{AppError, AppResult};
use crate::export::{Export, ExportRequest};
use crate::http::{CachePolicy, cached_response};
use crate::cached::Cached;
use crate::state::AppState;

/// The parameters of this endpoint besides the chart state.
pub const CITE_PARAMS: [&str; 2] = ["format", "release"];

/// The chart-page link that reproduces the chart and pins the release.
pub fn pinned_permalink(public_url: &str, dataset_id: &str, state: &evidence::ChartState, release: &str) -> String {
    format!("{}&release={}", crate::export::permalink(public_url, dataset_id, state), percent_encode(release))
}

/// Today's date (UTC), `YYYY-MM-DD`: the access date of a citation.
pub fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// `civil_from_days`).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

pub async fn cite(State(state): State<AppState>, Path(id): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    let data = state.data();
    let dataset = data.package.dataset(&id).ok_or_else(|| AppError::unknown_dataset(&id))?;
    let raw = raw.unwrap_or_default();
    if raw.len() > evidence::state::MAX_QUERY_BYTES {
        return Err(AppError::bad_param("query", format!("longer than {} bytes", evidence::state::MAX_QUERY_BYTES)));
    }
    // `format` and `release` are this endpoint's; the rest is chart state,
    // checked as strictly as the exports check it.
    let mut format = Format::Apa;
    let mut release = None;
    let mut rest = Vec::new();
    for (key, value) in query_pairs(&raw) {
        match key.as_str() {
            "format" => {
                format = Format::parse(&value).ok_or_else(|| {
                    AppError::bad_param(
                        "format",
                        format!("'{}' is not one of apa, bibtex, ris, csl-json", crate::error::truncate(&value)),
                    )
                })?
            }
            "release" => release = Some(value),
            _ => rest.push(format!("{}={}", percent_encode(&key), percent_encode(&value))),
        }
    }
    if let Some(r) = &release
        && r != &data.package.version
    {
        return Err(AppError::bad_param(
            "release",
            format!(
                "this server cites data release {} only, not '{}'; see /api/v1/version",
                data.package.version,
                crate::error::truncate(r)
            ),
        ));
    }
    let req = ExportRequest::parse(&data, dataset, Some(&rest.join("&")), Export::ChartCsv)?;
    let permalink = pinned_permalink(&state.config().public_url, &id, &req.state, &data.package.version);
    let text = citation(&data.package, dataset, &req.state, &permalink, &today()).render(format);
    let mut res = cached_response(&headers, &Cached::new(text.into_bytes(), "cite"), format.content_type(), CachePolicy::Revalidate);
    let file = format!("{id}-{}-citation.{}", data.package.version, format.extension());
    let disposition = if format == Format::Apa { "inline" } else { "attachment" };
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename=\"{file}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_789), "2026-12-02");
        assert_eq!(civil_date(-1), "1969-12-31");
    }
}
