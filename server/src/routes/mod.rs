//! Handlers, one module per resource.

pub mod assets;
pub mod cite;
pub mod coverage;
pub mod datasets;
pub mod ecosystem;
pub mod embed;
pub mod exports;
pub mod geo;
pub mod glossary;
pub mod meta;
pub mod oembed;

use crate::error::AppError;
use evidence::state::query_pairs;

/// The query's pairs, refusing any key not in `allowed` (a typo should be
/// an error, not silently ignored).
pub fn strict_query(raw: Option<&str>, allowed: &[&str]) -> Result<Vec<(String, String)>, AppError> {
    let raw = raw.unwrap_or("");
    if raw.len() > evidence::state::MAX_QUERY_BYTES {
        return Err(AppError::bad_param("query", format!("longer than {} bytes", evidence::state::MAX_QUERY_BYTES)));
    }
    let pairs = query_pairs(raw);
    for (k, _) in &pairs {
        if !allowed.contains(&k.as_str()) {
            let expected = if allowed.is_empty() {
                "this endpoint takes no parameters".to_string()
            } else {
                format!("expected one of {}", allowed.join(", "))
            };
            return Err(AppError::bad_param(&crate::error::truncate(k), format!("unknown parameter; {expected}")));
        }
    }
    Ok(pairs)
}

/// For endpoints without parameters: any parameter is a mistake worth
/// saying (a filter the server would silently ignore misleads).
pub fn no_query(raw: Option<&str>) -> Result<(), AppError> {
    strict_query(raw, &[]).map(|_| ())
}

pub fn parse_year(param: &str, value: &str) -> Result<i32, AppError> {
    match value.parse::<evidence::Period>() {
        Ok(evidence::Period::Year(y)) => Ok(y),
        _ => Err(AppError::bad_param(param, format!("'{}' is not a year (expected YYYY)", crate::error::truncate(value)))),
    }
}
