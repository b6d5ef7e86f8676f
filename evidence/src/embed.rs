//! What an embed's address asks for: the chart state, plus the two
//! parameters that are about the frame rather than the chart (`frame=`,
//! the id sent with height messages, and `theme=`). Read by the server
//! (the page's `<html>` attributes, its cache key) and by the app's embed
//! route (the chart and the notice of replaced settings) alike.

use crate::state::{ChartState, StateWarning, percent_decode};

/// The name other sites show for us (oEmbed `provider_name`, the embed's
/// last line).
pub const PROVIDER_NAME: &str = "CSEA Evidence Dashboard";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// An embed URL's query.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedQuery {
    pub state: ChartState,
    /// The id sent with height messages (`?frame=`); None = the dataset id.
    pub frame_id: Option<String>,
    pub theme: Theme,
    pub warnings: Vec<StateWarning>,
}

/// 1 to 64 letters, digits, `-` or `_`: safe in an attribute and a message.
pub fn valid_frame_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl EmbedQuery {
    /// Lenient like the app: what cannot be used is reported and replaced
    /// by its default.
    pub fn parse(raw: &str) -> EmbedQuery {
        let mut chart_parts = Vec::new();
        let mut frame_id = None;
        let mut theme = Theme::Auto;
        let mut warnings = Vec::new();
        for part in raw.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            match percent_decode(key).as_str() {
                "frame" => {
                    let value = percent_decode(value);
                    if valid_frame_id(&value) {
                        frame_id = Some(value);
                    } else {
                        warnings.push(StateWarning {
                            param: "frame".into(),
                            message: "not a frame id (1 to 64 letters, digits, - or _); the dataset id is used".into(),
                        });
                    }
                }
                "theme" => match percent_decode(value).as_str() {
                    "light" => theme = Theme::Light,
                    "dark" => theme = Theme::Dark,
                    "auto" => theme = Theme::Auto,
                    _ => warnings.push(StateWarning { param: "theme".into(), message: "not light, dark or auto; the reader's setting is used".into() }),
                },
                _ => chart_parts.push(part),
            }
        }
        let (state, chart_warnings) = ChartState::from_query(&chart_parts.join("&"));
        warnings.extend(chart_warnings);
        EmbedQuery { state, frame_id, theme, warnings }
    }

    /// The id height messages carry: the one asked for, else `default`
    /// (the dataset id) when it is a valid one, else "embed".
    pub fn frame_id_or<'a>(&'a self, default: &'a str) -> &'a str {
        self.frame_id.as_deref().unwrap_or(if valid_frame_id(default) { default } else { "embed" })
    }
}

/// Renames every `id` in an SVG (and the references to it), so that two
/// drawings of one chart can share a page.
pub fn suffix_ids(svg: &str, suffix: &str) -> String {
    let mut ids: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find(" id=\"") {
        let after = &rest[i + 5..];
        let Some(end) = after.find('"') else { break };
        ids.push(&after[..end]);
        rest = &after[end..];
    }
    let mut out = svg.to_string();
    for id in &ids {
        for (from, to) in [
            (format!(" id=\"{id}\""), format!(" id=\"{id}{suffix}\"")),
            (format!("url(#{id})"), format!("url(#{id}{suffix})")),
            (format!("href=\"#{id}\""), format!("href=\"#{id}{suffix}\"")),
        ] {
            out = out.replace(&from, &to);
        }
    }
    // aria-labelledby holds a list of ids.
    const ATTR: &str = "aria-labelledby=\"";
    let mut renamed = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find(ATTR) {
        let after = &rest[i + ATTR.len()..];
        let end = after.find('"').unwrap_or(after.len());
        renamed.push_str(&rest[..i + ATTR.len()]);
        let tokens: Vec<String> =
            after[..end].split(' ').map(|t| if ids.contains(&t) { format!("{t}{suffix}") } else { t.to_string() }).collect();
        renamed.push_str(&tokens.join(" "));
        rest = &after[end..];
    }
    renamed.push_str(rest);
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::ChartKind;

    #[test]
    fn frame_and_theme_are_taken_out_of_the_chart_state() {
        let q = EmbedQuery::parse("v=1&chart=bar&frame=story-chart_2&theme=dark");
        assert_eq!(q.state.chart, ChartKind::Bar);
        assert_eq!(q.frame_id.as_deref(), Some("story-chart_2"));
        assert_eq!(q.theme, Theme::Dark);
        assert!(q.warnings.is_empty(), "{:?}", q.warnings);
    }

    #[test]
    fn bad_frame_ids_and_themes_warn() {
        let q = EmbedQuery::parse("frame=%22%3E%3Cscript%3E&theme=neon&chart=pie");
        assert_eq!(q.frame_id, None);
        assert_eq!(q.theme, Theme::Auto);
        let params: Vec<&str> = q.warnings.iter().map(|w| w.param.as_str()).collect();
        assert_eq!(params, vec!["frame", "theme", "chart"]);
        assert_eq!(q.frame_id_or("ncmec-cybertipline-totals"), "ncmec-cybertipline-totals");
        assert_eq!(q.frame_id_or("<bad>"), "embed");
    }

    #[test]
    fn ids_are_renamed_with_their_references() {
        let svg = r##"<svg aria-labelledby="t d"><title id="t">x</title><desc id="d">y</desc><pattern id="p"/><rect fill="url(#p)"/><use href="#p"/></svg>"##;
        let out = suffix_ids(svg, "-n");
        assert_eq!(
            out,
            r##"<svg aria-labelledby="t-n d-n"><title id="t-n">x</title><desc id="d-n">y</desc><pattern id="p-n"/><rect fill="url(#p-n)"/><use href="#p-n"/></svg>"##
        );
    }
}
