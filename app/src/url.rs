//! Page addresses, as pure functions (tested natively): the reader's
//! language and wording carried from page to page, and one query parameter
//! changed at a time while the others stay as they were.

use evidence::model::{Lang, Tone};
use evidence::state::{param, percent_encode, query_pairs};

/// The value of `key` in a query string, decoded.
pub fn param(query: &str, key: &str) -> Option<String> {
    query_pairs(query).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// The query (without `?`) with `key` set to `value`, or removed when
/// `value` is None. Other parameters keep their order and their values.
pub fn set_param(query: &str, key: &str, value: Option<&str>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut done = false;
    for raw in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let k = raw.split_once('=').map_or(raw, |(k, _)| k);
        if evidence::state::percent_decode(k) != key {
            parts.push(raw.to_string());
        } else if let (Some(v), false) = (value, done) {
            parts.push(format!("{key}={}", percent_encode(v)));
            done = true;
        }
    }
    if let (Some(v), false) = (value, done) {
        parts.push(format!("{key}={}", percent_encode(v)));
    }
    parts.join("&")
}

/// `path?query`, or `path` alone when the query is empty.
pub fn join(path: &str, query: &str) -> String {
    if query.is_empty() { path.to_string() } else { format!("{path}?{query}") }
}

/// An internal link that keeps the reader's language and wording (left out
/// when they are the defaults). `path` may carry its own query and a
/// `#fragment`.
pub fn with_prefs(path: &str, lang: Lang, tone: Tone) -> String {
    let (before_hash, hash) = match path.split_once('#') {
        Some((p, h)) => (p, Some(h)),
        None => (path, None),
    };
    let (base, query) = before_hash.split_once('?').unwrap_or((before_hash, ""));
    let query = set_param(query, param::LANG, (lang != Lang::default()).then(|| lang.code()));
    let query = set_param(&query, param::TONE, (tone != Tone::default()).then(|| tone.code()));
    let mut out = join(base, &query);
    if let Some(h) = hash {
        out.push('#');
        out.push_str(h);
    }
    out
}

/// An API address asking for a data release (`release=`, which the
/// server accepts on any URL); `path` unchanged when `release` is None.
pub fn at_release(path: &str, release: Option<&str>) -> String {
    match release {
        None => path.to_string(),
        Some(r) => {
            let (base, query) = path.split_once('?').unwrap_or((path, ""));
            join(base, &set_param(query, param::RELEASE, Some(r)))
        }
    }
}

/// The citation of a chart in one format (`apa`, `bibtex`, `ris`,
/// `csl-json`): the API's cite endpoint with the chart state's query, so
/// a pinned release is cited as pinned.
pub fn cite_href(dataset_id: &str, state_query: &str, format: &str) -> String {
    let query = state_query.trim_start_matches('?');
    let sep = if query.is_empty() { "" } else { "&" };
    format!("/api/v1/datasets/{}/cite?format={}{sep}{query}", percent_encode(dataset_id), percent_encode(format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_addresses_carry_the_release_asked_for() {
        assert_eq!(at_release("/api/v1/datasets/a", None), "/api/v1/datasets/a");
        assert_eq!(at_release("/api/v1/datasets/a", Some("2026.11.0")), "/api/v1/datasets/a?release=2026.11.0");
        assert_eq!(at_release("/api/v1/x?lang=fr", Some("2026.11.0")), "/api/v1/x?lang=fr&release=2026.11.0");
        assert_eq!(at_release("/api/v1/x?release=2026.12.0", Some("2026.11.0")), "/api/v1/x?release=2026.11.0");
    }

    #[test]
    fn citation_links_keep_the_whole_chart_state() {
        let q = "v=1&chart=bar&tone=technical&release=2026.11.0";
        assert_eq!(cite_href("ncmec-reports", q, "bibtex"), "/api/v1/datasets/ncmec-reports/cite?format=bibtex&v=1&chart=bar&tone=technical&release=2026.11.0");
        assert_eq!(cite_href("a b", "", "csl-json"), "/api/v1/datasets/a%20b/cite?format=csl-json");
    }

    #[test]
    fn set_param_replaces_in_place_and_keeps_the_rest() {
        assert_eq!(set_param("v=1&tone=plain&geo=KEN", "tone", Some("technical")), "v=1&tone=technical&geo=KEN");
        assert_eq!(set_param("v=1&geo=KEN", "lang", Some("fr")), "v=1&geo=KEN&lang=fr");
        assert_eq!(set_param("?lang=fr&v=1", "lang", None), "v=1");
        assert_eq!(set_param("", "lang", None), "");
        // Repeated keys (series=…&series=…) collapse to the one value set.
        assert_eq!(set_param("series=a&x=1&series=b", "series", Some("c")), "series=c&x=1");
    }

    #[test]
    fn set_param_encodes_values_and_finds_encoded_keys() {
        assert_eq!(set_param("", "q", Some("a b&c")), "q=a%20b%26c");
        assert_eq!(param("q=a%20b%26c&x=1", "q").as_deref(), Some("a b&c"));
        assert_eq!(param("x=1", "q"), None);
    }

    #[test]
    fn links_keep_language_and_tone_but_not_defaults() {
        assert_eq!(with_prefs("/geo/KEN", Lang::En, Tone::Plain), "/geo/KEN");
        assert_eq!(with_prefs("/geo/KEN", Lang::Fr, Tone::Plain), "/geo/KEN?lang=fr");
        assert_eq!(with_prefs("/compare?datasets=a,b", Lang::Fr, Tone::Technical), "/compare?datasets=a,b&lang=fr&tone=technical");
        assert_eq!(with_prefs("/glossary#term-child", Lang::Fr, Tone::Plain), "/glossary?lang=fr#term-child");
        // A link that names its own language is overridden by the reader's.
        assert_eq!(with_prefs("/?lang=fr", Lang::En, Tone::Plain), "/");
    }
}
