//! Chart state <-> URL query, versioned (`v=1`). The same query drives the
//! chart page, the exports and the embeds, so a link reproduces a chart.
//!
//! Parsing is lenient: an unknown or bad parameter becomes a [`StateWarning`]
//! shown to the user, and the default is used instead. Strict callers (the
//! HTTP API) turn warnings into a 400.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::model::{Lang, Tone};
use crate::period::Period;

pub const STATE_VERSION: u8 = 1;

/// The names of the chart-state parameters, for code that reads or sets
/// one of them in a link (the app's switches, the server's exports).
pub mod param {
    pub const VERSION: &str = "v";
    pub const CHART: &str = "chart";
    pub const GEO: &str = "geo";
    pub const SERIES: &str = "series";
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
    pub const PERIOD: &str = "period";
    pub const TONE: &str = "tone";
    pub const LANG: &str = "lang";
    pub const TITLE: &str = "title";
    pub const SUBTITLE: &str = "subtitle";
    pub const NOTE: &str = "ann";
    pub const HIGHLIGHT: &str = "hl";
    /// The data release a link is pinned to: read with the state, but
    /// served by the server's router (a pinned link gets that release whole).
    pub const RELEASE: &str = "release";
}

/// Every parameter of a chart's view, as [`ChartState::from_query`] reads
/// and [`ChartState::to_query`] writes them (the release aside).
pub const STATE_PARAMS: [&str; 13] = [
    param::VERSION,
    param::CHART,
    param::GEO,
    param::SERIES,
    param::FROM,
    param::TO,
    param::PERIOD,
    param::TONE,
    param::LANG,
    param::TITLE,
    param::SUBTITLE,
    param::NOTE,
    param::HIGHLIGHT,
];
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_SUBTITLE_CHARS: usize = 200;
pub const MAX_NOTE_CHARS: usize = 140;
pub const MAX_NOTES: usize = 8;
pub const MAX_GEOS: usize = 300;
pub const MAX_QUERY_BYTES: usize = 4096;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    #[default]
    Line,
    Bar,
    Map,
    Table,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [ChartKind::Line, ChartKind::Bar, ChartKind::Map, ChartKind::Table];
    pub fn code(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Bar => "bar",
            ChartKind::Map => "map",
            ChartKind::Table => "table",
        }
    }
    pub fn parse(s: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// A note pinned to a period (and optionally one geography or series).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub period: Period,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartState {
    pub chart: ChartKind,
    /// Geographies shown; empty means the dataset's default selection.
    pub geo: Vec<String>,
    /// Series shown; empty means all.
    pub series: Vec<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The period shown by the map and the bar chart; None = the latest.
    pub period: Option<Period>,
    pub tone: Tone,
    pub lang: Lang,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub notes: Vec<Note>,
    /// Highlighted span of years (inclusive).
    pub highlight: Option<(i32, i32)>,
    /// The data release the link is pinned to (`YYYY.MM.N`); None = the
    /// current one. Kept in every link, export, embed and citation made
    /// from this state, so the figures can be found again after an update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateWarning {
    pub param: String,
    pub message: String,
}

impl fmt::Display for StateWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.param, self.message)
    }
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Encodes a query value: unreserved characters stay, the rest is %XX.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',' | b':' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Key/value pairs of a query string, decoded, in order.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

/// User text: control characters removed, whitespace folded, length capped.
pub fn clean_text(s: &str, max_chars: usize) -> String {
    let folded: String = s
        .chars()
        // Bidi overrides and isolates could make a note read backwards.
        .map(|c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || c.is_whitespace() || bidi || c == '\u{FFFE}' || c == '\u{FFFF}' { ' ' } else { c }
        })
        .collect::<String>()
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    // Trimmed after the cut too, so a cut text parses back to itself.
    folded.chars().take(max_chars).collect::<String>().trim_end().to_string()
}

fn year(s: &str) -> Option<i32> {
    s.parse::<Period>().ok().and_then(|p| match p {
        Period::Year(y) => Some(y),
        _ => None,
    })
}

fn valid_geo(code: &str) -> bool {
    !code.is_empty() && code.len() <= 12 && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

impl ChartState {
    /// Parses a query; never fails, returns what it could not use.
    pub fn from_query(query: &str) -> (ChartState, Vec<StateWarning>) {
        let mut s = ChartState::default();
        let mut warnings = Vec::new();
        let mut warn = |param: &str, message: String| warnings.push(StateWarning { param: param.to_string(), message });
        if query.len() > MAX_QUERY_BYTES {
            warn("query", format!("longer than {MAX_QUERY_BYTES} bytes; ignored"));
            return (s, warnings);
        }
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "v" => {
                    if value != STATE_VERSION.to_string() {
                        warn("v", format!("unknown version '{value}'; read as version {STATE_VERSION}"));
                    }
                }
                "chart" => match ChartKind::parse(&value) {
                    Some(k) => s.chart = k,
                    None => warn("chart", format!("'{value}' is not one of line, bar, map, table")),
                },
                "geo" => {
                    for code in value.split(',').filter(|c| !c.is_empty()) {
                        let code = code.trim().to_ascii_uppercase();
                        if !valid_geo(&code) {
                            warn("geo", format!("'{code}' is not a geography code"));
                        } else if s.geo.len() >= MAX_GEOS {
                            warn("geo", format!("more than {MAX_GEOS} geographies; the rest ignored"));
                            break;
                        } else if !s.geo.contains(&code) {
                            s.geo.push(code);
                        }
                    }
                }
                "series" => {
                    // Series names may contain commas (NCMEC categories), so
                    // each series is its own parameter.
                    let name = clean_text(&value, 200);
                    if !name.is_empty() && !s.series.contains(&name) && s.series.len() < 50 {
                        s.series.push(name);
                    }
                }
                "from" | "to" => match year(&value) {
                    Some(y) if key == "from" => s.from = Some(y),
                    Some(y) => s.to = Some(y),
                    None => warn(&key, format!("'{value}' is not a year")),
                },
                "period" => match value.parse::<Period>() {
                    Ok(p) => s.period = Some(p),
                    Err(e) => warn("period", e.to_string()),
                },
                "tone" => match Tone::parse(&value) {
                    Some(t) => s.tone = t,
                    None => warn("tone", format!("'{value}' is not plain or technical")),
                },
                "lang" => match Lang::parse(&value) {
                    Some(l) => s.lang = l,
                    None => warn("lang", format!("'{value}' is not en or fr")),
                },
                "title" | "subtitle" => {
                    let max = if key == "title" { MAX_TITLE_CHARS } else { MAX_SUBTITLE_CHARS };
                    if value.chars().count() > max {
                        warn(&key, format!("longer than {max} characters; cut"));
                    }
                    let text = clean_text(&value, max);
                    let slot = if key == "title" { &mut s.title } else { &mut s.subtitle };
                    *slot = (!text.is_empty()).then_some(text);
                }
                "ann" => match parse_note(&value) {
                    Ok(_) if s.notes.len() >= MAX_NOTES => warn("ann", format!("more than {MAX_NOTES} notes; the rest ignored")),
                    Ok(note) => s.notes.push(note),
                    Err(m) => warn("ann", m),
                },
                "hl" => match value.split_once('-').map(|(a, b)| (year(a), year(b))) {
                    Some((Some(a), Some(b))) if a <= b => s.highlight = Some((a, b)),
                    _ => match year(&value) {
                        Some(y) => s.highlight = Some((y, y)),
                        None => warn("hl", format!("'{value}' is not a year or a span YYYY-YYYY")),
                    },
                },
                "release" => {
                    if crate::package::is_release(&value) {
                        s.release = Some(value);
                    } else {
                        warn("release", format!("'{}' is not a data release YYYY.MM.N; the current data is shown", clean_text(&value, 40)));
                    }
                }
                // Export sizing is read by the server, not part of the chart.
                "width" | "height" | "scale" | "preset" | "format" => {}
                _ => warn(&key, "unknown parameter; ignored".to_string()),
            }
        }
        if let (Some(f), Some(t)) = (s.from, s.to)
            && f > t
        {
            warn("from", format!("from {f} is after to {t}; swapped"));
            s.from = Some(t);
            s.to = Some(f);
        }
        // The state's own link must parse back: percent-encoding can make it
        // up to three times longer than what was typed, so drop what makes
        // it too long, last notes first, and say so.
        while s.to_query().len() > MAX_QUERY_BYTES {
            if s.notes.pop().is_some() {
                warn("ann", "the link would be too long; the last note was dropped".to_string());
            } else if s.series.pop().is_some() {
                warn("series", "the link would be too long; a series was dropped".to_string());
            } else if s.subtitle.take().is_some() {
                warn("subtitle", "the link would be too long; the subtitle was dropped".to_string());
            } else if s.geo.pop().is_some() {
                warn("geo", "the link would be too long; a geography was dropped".to_string());
            } else if s.title.take().is_some() {
                warn("title", "the link would be too long; the title was dropped".to_string());
            } else {
                break;
            }
        }
        (s, warnings)
    }

    /// The canonical query, with defaults left out, `v=1` first.
    pub fn to_query(&self) -> String {
        let mut parts = vec![format!("v={STATE_VERSION}")];
        if self.chart != ChartKind::default() {
            parts.push(format!("chart={}", self.chart.code()));
        }
        if !self.geo.is_empty() {
            parts.push(format!("geo={}", percent_encode(&self.geo.join(","))));
        }
        for series in &self.series {
            parts.push(format!("series={}", percent_encode(series)));
        }
        if let Some(f) = self.from {
            parts.push(format!("from={f}"));
        }
        if let Some(t) = self.to {
            parts.push(format!("to={t}"));
        }
        if let Some(p) = self.period {
            parts.push(format!("period={}", percent_encode(&p.to_string())));
        }
        if self.tone != Tone::default() {
            parts.push(format!("tone={}", self.tone.code()));
        }
        if self.lang != Lang::default() {
            parts.push(format!("lang={}", self.lang.code()));
        }
        if let Some(t) = &self.title {
            parts.push(format!("title={}", percent_encode(t)));
        }
        if let Some(t) = &self.subtitle {
            parts.push(format!("subtitle={}", percent_encode(t)));
        }
        for n in &self.notes {
            let anchor = match &n.geo {
                Some(g) => format!("{g}@{}", n.period),
                None => n.period.to_string(),
            };
            parts.push(format!("ann={}", percent_encode(&format!("{anchor}:{}", n.text))));
        }
        if let Some((a, b)) = self.highlight {
            parts.push(if a == b { format!("hl={a}") } else { format!("hl={a}-{b}") });
        }
        // Last, as the server's pinned permalinks put it.
        if let Some(r) = &self.release {
            parts.push(format!("release={}", percent_encode(r)));
        }
        parts.join("&")
    }
}

/// `2021:text` or `KEN@2021:text`.
fn parse_note(value: &str) -> Result<Note, String> {
    let (anchor, text) = value
        .split_once(':')
        .ok_or_else(|| format!("'{}' is not PERIOD:TEXT or GEO@PERIOD:TEXT", clean_text(value, 40)))?;
    let (geo, period) = match anchor.split_once('@') {
        Some((g, p)) => (Some(g.trim().to_ascii_uppercase()), p),
        None => (None, anchor),
    };
    if let Some(g) = &geo
        && !valid_geo(g)
    {
        return Err(format!("'{g}' is not a geography code"));
    }
    let period = period.trim().parse::<Period>().map_err(|e| e.to_string())?;
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(format!("a note is at most {MAX_NOTE_CHARS} characters"));
    }
    let text = clean_text(text, MAX_NOTE_CHARS);
    if text.is_empty() {
        return Err("empty note".to_string());
    }
    Ok(Note { period, geo, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parameter_list_is_what_a_full_state_writes() {
        let q = "v=1&chart=bar&geo=KEN&series=a&from=2019&to=2023&period=2021&tone=technical&lang=fr&title=t&subtitle=s&ann=2020:n&hl=2020-2021";
        let (state, warnings) = ChartState::from_query(q);
        assert!(warnings.is_empty(), "{warnings:?}");
        let written: Vec<String> = state.to_query().split('&').map(|p| p.split('=').next().unwrap_or("").to_string()).collect();
        assert_eq!(written, STATE_PARAMS.to_vec());
    }

    #[test]
    fn round_trips_a_full_state() {
        let q = "v=1&chart=bar&geo=KEN,UGA&from=2019&to=2023&period=2021&tone=technical&lang=fr&title=Reports%20%26%20more&ann=KEN@2021:Peak%20year&ann=2020:Lockdowns&hl=2020-2021";
        let (s, w) = ChartState::from_query(q);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.chart, ChartKind::Bar);
        assert_eq!(s.geo, vec!["KEN", "UGA"]);
        assert_eq!(s.title.as_deref(), Some("Reports & more"));
        assert_eq!(s.notes.len(), 2);
        assert_eq!(s.notes[0].geo.as_deref(), Some("KEN"));
        let (again, w) = ChartState::from_query(&s.to_query());
        assert!(w.is_empty());
        assert_eq!(again, s);
    }

    #[test]
    fn bad_parameters_warn_and_fall_back_to_defaults() {
        let (s, w) = ChartState::from_query("chart=pie&tone=loud&from=20x9&geo=ke<n&bogus=1&ann=nonsense");
        assert_eq!(s, ChartState::default());
        let params: Vec<&str> = w.iter().map(|w| w.param.as_str()).collect();
        assert_eq!(params, vec!["chart", "tone", "from", "geo", "bogus", "ann"]);
    }

    #[test]
    fn user_text_is_capped_and_folded_not_escaped() {
        let long = "a".repeat(500);
        let (s, w) = ChartState::from_query(&format!("title={long}&subtitle=%3Cb%3E%0A%0Ahi"));
        assert_eq!(s.title.unwrap().chars().count(), MAX_TITLE_CHARS);
        assert_eq!(s.subtitle.as_deref(), Some("<b> hi"));
        let (s, _) = ChartState::from_query("title=abc%E2%80%AEdef");
        assert_eq!(s.title.as_deref(), Some("abc def"), "a right-to-left override is removed");
        assert_eq!(w.len(), 1);
    }

    /// Regressions found by the state_roundtrip fuzz target.
    #[test]
    fn a_state_always_parses_back_from_its_own_link() {
        let long_note = "é".repeat(140);
        let q: String = (0..8).map(|i| format!("ann=201{i}:{long_note}&")).collect();
        let (s, _) = ChartState::from_query(&q);
        assert!(s.to_query().len() <= MAX_QUERY_BYTES);
        let (again, w) = ChartState::from_query(&s.to_query());
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(again, s);

        let title = format!("{} tail", "a".repeat(MAX_TITLE_CHARS - 1));
        let (s, _) = ChartState::from_query(&format!("title={}", percent_encode(&title)));
        assert!(!s.title.as_deref().unwrap().ends_with(' '));
        assert_eq!(ChartState::from_query(&s.to_query()).0, s);
    }

    #[test]
    fn reversed_years_are_swapped_with_a_warning() {
        let (s, w) = ChartState::from_query("from=2023&to=2019");
        assert_eq!((s.from, s.to), (Some(2019), Some(2023)));
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn a_pinned_release_is_kept_in_the_link() {
        let (s, w) = ChartState::from_query("v=1&release=2026.11.0&chart=bar&tone=technical");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.release.as_deref(), Some("2026.11.0"));
        assert_eq!(s.to_query(), "v=1&chart=bar&tone=technical&release=2026.11.0");
        assert_eq!(ChartState::from_query(&s.to_query()).0, s);
        // Unpinned: no release in the link.
        let current = ChartState { release: None, ..s };
        assert!(!current.to_query().contains("release"));
    }

    #[test]
    fn a_malformed_release_warns_and_is_dropped() {
        for bad in ["1.0", "2026.13.0", "2026.12", "latest", "2026.12.0%26x%3D1"] {
            let (s, w) = ChartState::from_query(&format!("release={bad}&tone=technical"));
            assert_eq!(s.release, None, "{bad}");
            assert_eq!(s.tone, Tone::Technical);
            assert_eq!(w.len(), 1, "{bad}: {w:?}");
            assert_eq!(w[0].param, "release");
        }
    }

    #[test]
    fn series_with_commas_survive_the_round_trip() {
        let mut s = ChartState::default();
        s.series.push("Child Pornography (possession, manufacture, distribution)".into());
        let (again, _) = ChartState::from_query(&s.to_query());
        assert_eq!(again.series, s.series);
    }
}
