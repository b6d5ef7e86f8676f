//! The chart sheet: every word that travels with a chart, built once from
//! (dataset, geographies, chart state, release) and rendered by the chart
//! page, the first paint, the embed, the SVG/PNG frame and the CSV. Nothing
//! else composes caveat text: a renderer lays the sheet out, it never
//! chooses what is in it, so a widget or an export cannot carry less than
//! the page.
//!
//! Words come from the catalogue ([`crate::words`]); texts about the data
//! come from the data package, in the state's tone and language (French
//! falls back to English where a text has no translation, and says so in
//! [`SheetText::fell_back`]).

use crate::chart::{Plot, describe};
use crate::model::{Caveat, CaveatKind, Dataset, Lang, Tone, ToneText, Verdict};
use crate::words::W;

/// One statement of the caveat panel: a caveat, or the indicator's
/// definition or population with its lead ("What is counted:").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetText {
    pub lead: Option<String>,
    pub text: String,
    /// The text is English standing in for a missing translation.
    pub fell_back: bool,
    /// Where the source says it in its own words (http(s) only).
    pub source_url: Option<String>,
}

impl SheetText {
    /// The statement as one line of text: its lead, then the text.
    pub fn line(&self) -> String {
        match &self.lead {
            Some(lead) => format!("{lead} {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// The statements of one kind of caveat, under their heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaveatSection {
    pub kind: CaveatKind,
    pub label: String,
    pub items: Vec<SheetText>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetSource {
    pub title: String,
    pub url: String,
    pub year: Option<i32>,
    pub locator: Option<String>,
}

impl SheetSource {
    /// "Title (2024), p. 12": the words of a source, without its address.
    pub fn label(&self) -> String {
        let mut s = self.title.clone();
        if let Some(y) = self.year {
            s.push_str(&format!(" ({y})"));
        }
        if let Some(l) = &self.locator {
            s.push_str(&format!(", {l}"));
        }
        s
    }
    /// The label and the address, for files.
    pub fn line(&self) -> String {
        format!("{} {}", self.label(), self.url)
    }
    /// The title, year and address, without the locator: for pictures,
    /// where every line takes room from the plot (the permalink's page and
    /// the CSV have the locator).
    pub fn short_line(&self) -> String {
        match self.year {
            Some(y) => format!("{} ({y}) {}", self.title, self.url),
            None => format!("{} {}", self.title, self.url),
        }
    }
}

/// The words a link's sharer added (title, subtitle, notes): shown as
/// theirs, under their own heading, never as the chart's heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedWords {
    pub heading: String,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// Notes pinned to a period (and place), as "Kenya 2021: text".
    pub notes: Vec<String>,
}

impl SharedWords {
    /// Each shared text as one line: "Title: …", "Subtitle: …", "1. …".
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(t) = &self.title {
            out.push(format!("{} {t}", W::SharedTitle.get(lang)));
        }
        if let Some(t) = &self.subtitle {
            out.push(format!("{} {t}", W::SharedSubtitle.get(lang)));
        }
        for (i, n) in self.notes.iter().enumerate() {
            out.push(format!("{}. {n}", i + 1));
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSheet {
    pub lang: Lang,
    pub tone: Tone,
    /// Always the dataset's own name (a shared title goes to `shared`).
    pub title: String,
    /// "Indicator — unit".
    pub subtitle: String,
    /// "Publisher · its sector · how the figures arise · years".
    pub byline: String,
    /// The chart's text alternative.
    pub summary: String,
    /// What the selection did (regional sums, a period without figures)
    /// and the places asked for without a figure, by name.
    pub selection_notes: Vec<String>,
    pub caveats_heading: String,
    /// Every kind of caveat; Definition starts with the indicator's
    /// definition and Coverage with the population counted.
    pub caveats: Vec<CaveatSection>,
    pub comparability_heading: String,
    /// The datasets this one may not, or only with care, be compared with.
    pub comparability: Vec<String>,
    pub provenance_heading: String,
    pub sources_heading: String,
    pub publisher: String,
    pub sources: Vec<SheetSource>,
    /// "Reuse: CC BY 4.0".
    pub licence_line: String,
    /// "Data release 2026.12.0", when the release is known.
    pub release_line: Option<String>,
    /// Where the figures shown were seen (the grades of the secondary or
    /// computed ones), the points from which they are counted differently,
    /// what they are not broken down by, what the publisher gives by group
    /// and is not charted here, and an origin known only second-hand: the
    /// data package's words.
    pub provenance: Vec<String>,
    pub permalink_label: String,
    /// The chart page that reproduces this chart (tone and language kept).
    pub permalink: String,
    pub shared: Option<SharedWords>,
}

/// What a sheet is built from, beyond the plot (the observations shown,
/// the places' names, the state).
pub struct SheetInput<'a> {
    pub plot: &'a Plot<'a>,
    /// The dataset's years, e.g. "2019–2023" (`Dataset::years_label`).
    pub years: String,
    /// `Selection::notes` and `Selection::missing_geos`.
    pub selection_notes: &'a [String],
    pub missing_geos: &'a [String],
    pub permalink: String,
    /// The data package's release (`Package::version`).
    pub release: Option<&'a str>,
    /// The other datasets, to name them in comparability notes.
    pub others: &'a [Dataset],
    /// Or only their titles by id (a page that has the catalogue, not every
    /// dataset's figures).
    pub other_titles: &'a [(String, crate::model::Localised)],
}

pub fn caveat_kind_label(kind: CaveatKind, lang: Lang) -> &'static str {
    match kind {
        CaveatKind::Coverage => W::CaveatCoverage.get(lang),
        CaveatKind::Bias => W::CaveatBias.get(lang),
        CaveatKind::Definition => W::CaveatDefinition.get(lang),
        CaveatKind::Comparability => W::CaveatComparability.get(lang),
        CaveatKind::Method => W::CaveatMethod.get(lang),
    }
}

fn safe_url(url: Option<&str>) -> Option<String> {
    url.filter(|u| u.starts_with("https://") || u.starts_with("http://")).map(str::to_string)
}

/// The caveat panel's sections: every kind present, plus Definition and
/// Coverage when the definition or population is given, in the order of
/// [`CaveatKind`]. `per_kind` caps the caveats of each kind (a short panel
/// where many charts stand together); the lead statements always show.
pub fn caveat_sections(
    caveats: &[Caveat],
    definition: Option<&ToneText>,
    population: Option<&ToneText>,
    tone: Tone,
    lang: Lang,
    per_kind: usize,
) -> Vec<CaveatSection> {
    let mut kinds: Vec<CaveatKind> = caveats.iter().map(|c| c.kind).collect();
    if definition.is_some() {
        kinds.push(CaveatKind::Definition);
    }
    if population.is_some() {
        kinds.push(CaveatKind::Coverage);
    }
    kinds.sort();
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| {
            let lead = match kind {
                CaveatKind::Definition => definition.map(|d| (d, W::WhatIsCounted)),
                CaveatKind::Coverage => population.map(|p| (p, W::WhoIsCounted)),
                _ => None,
            };
            let mut items: Vec<SheetText> = lead
                .map(|(text, word)| {
                    let (t, fell_back) = text.localised(tone).get_with_fallback(lang);
                    SheetText { lead: Some(word.get(lang).to_string()), text: t.to_string(), fell_back, source_url: None }
                })
                .into_iter()
                .collect();
            items.extend(caveats.iter().filter(|c| c.kind == kind).take(per_kind).map(|c| {
                let (t, fell_back) = c.text(tone).get_with_fallback(lang);
                SheetText { lead: None, text: t.to_string(), fell_back, source_url: safe_url(c.source_url.as_deref()) }
            }));
            CaveatSection { kind, label: caveat_kind_label(kind, lang).to_string(), items }
        })
        .collect()
}

impl ChartSheet {
    pub fn build(input: &SheetInput) -> ChartSheet {
        let plot = input.plot;
        let meta = plot.meta;
        let state = plot.state;
        let (lang, tone) = (state.lang, state.tone);

        let mut selection_notes = input.selection_notes.to_vec();
        if !input.missing_geos.is_empty() {
            let names: Vec<&str> = input.missing_geos.iter().map(|c| plot.geo_name(c)).collect();
            selection_notes.push(W::NoFiguresFor.fill(lang, &[("places", &names.join(", "))]));
        }

        let mut comparability = Vec::new();
        for (verdict, word) in [(Verdict::NotComparable, W::NotComparableWith), (Verdict::WithCare, W::ComparableWithCare)] {
            let names: Vec<String> = meta
                .comparability
                .iter()
                .filter(|c| c.verdict == verdict)
                .map(|c| {
                    input
                        .others
                        .iter()
                        .find(|d| d.meta.id == c.dataset)
                        .map(|d| d.meta.title.get(lang).to_string())
                        .or_else(|| input.other_titles.iter().find(|(id, _)| *id == c.dataset).map(|(_, t)| t.get(lang).to_string()))
                        .unwrap_or_else(|| c.dataset.clone())
                })
                .collect();
            if !names.is_empty() {
                comparability.push(word.fill(lang, &[("datasets", &names.join("; "))]));
            }
        }

        let shared = (state.title.is_some() || state.subtitle.is_some() || !state.notes.is_empty()).then(|| SharedWords {
            heading: W::SharedHeading.get(lang).to_string(),
            title: state.title.clone(),
            subtitle: state.subtitle.clone(),
            notes: state
                .notes
                .iter()
                .map(|n| match &n.geo {
                    Some(g) => format!("{} {}: {}", plot.geo_name(g), n.period.label(), n.text),
                    None => format!("{}: {}", n.period.label(), n.text),
                })
                .collect(),
        });

        let mut byline = vec![meta.publisher.clone(), meta.sector.label(lang).to_string(), meta.origin_label(lang)];
        if !input.years.is_empty() {
            byline.push(input.years.clone());
        }

        ChartSheet {
            lang,
            tone,
            title: meta.title.get(lang).to_string(),
            subtitle: format!("{} \u{2014} {}", meta.indicator.name.get(lang), meta.indicator.unit_label.get(lang)),
            byline: byline.join(" · "),
            summary: describe(plot),
            selection_notes,
            caveats_heading: W::CaveatsHeading.get(lang).to_string(),
            caveats: caveat_sections(
                &meta.caveats,
                Some(&meta.indicator.definition),
                Some(&meta.coverage.population),
                tone,
                lang,
                usize::MAX,
            ),
            comparability_heading: W::ComparabilityHeading.get(lang).to_string(),
            provenance_heading: W::ProvenanceHeading.get(lang).to_string(),
            comparability,
            sources_heading: W::Sources.get(lang).to_string(),
            publisher: meta.publisher.clone(),
            sources: meta
                .sources
                .iter()
                .map(|s| SheetSource { title: s.title.clone(), url: s.url.clone(), year: s.year, locator: s.locator.clone() })
                .collect(),
            licence_line: format!("{} {}", W::Licence.get(lang), meta.licence),
            release_line: input.release.map(|r| W::DataRelease.fill(lang, &[("release", r)])),
            provenance: {
                let mut lines = meta.grade_notes(plot.observations, tone, lang);
                lines.extend(meta.breaks.iter().map(|b| format!("{}: {}", b.label.get(lang), b.reason.get(tone, lang))));
                lines.extend(meta.not_broken_down_by(lang));
                lines.extend(meta.source_breakdown_note(tone, lang));
                lines.extend(meta.origin_note(lang));
                lines
            },
            permalink_label: W::Permalink.get(lang).to_string(),
            permalink: input.permalink.clone(),
            shared,
        }
    }

    /// The sheet of a plot alone (no years, release or selection notes):
    /// for charts drawn outside a data package, e.g. in tests.
    pub fn for_plot(plot: &Plot, permalink: &str) -> ChartSheet {
        ChartSheet::build(&SheetInput {
            plot,
            years: String::new(),
            selection_notes: &[],
            missing_geos: &[],
            permalink: permalink.to_string(),
            release: None,
            others: &[],
            other_titles: &[],
        })
    }

    /// "Source: Publisher. Title (2024) https://…; …": the sources as one
    /// line, for pictures.
    pub fn source_line(&self) -> String {
        let sources: Vec<String> = self.sources.iter().map(SheetSource::short_line).collect();
        format!("{}: {}. {}", W::Source.get(self.lang), self.publisher, sources.join("; "))
    }

    /// Every text a rendering of the sheet must carry, each as one line:
    /// what the identity test looks for in the page, the embed, the SVG
    /// and the CSV.
    pub fn texts(&self) -> Vec<String> {
        let mut out = vec![self.title.clone(), self.subtitle.clone(), self.byline.clone(), self.summary.clone()];
        out.extend(self.selection_notes.iter().cloned());
        out.push(self.caveats_heading.clone());
        for section in &self.caveats {
            out.push(section.label.clone());
            out.extend(section.items.iter().map(SheetText::line));
        }
        out.extend(self.comparability.iter().cloned());
        out.extend(self.sources.iter().map(|s| s.title.clone()));
        out.extend(self.sources.iter().map(|s| s.url.clone()));
        out.push(self.licence_line.clone());
        out.extend(self.release_line.iter().cloned());
        if !self.provenance.is_empty() {
            out.push(self.provenance_heading.clone());
            out.extend(self.provenance.iter().cloned());
        }
        if let Some(shared) = &self.shared {
            out.push(shared.heading.clone());
            out.extend(shared.lines(self.lang));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Localised;

    fn caveat(kind: CaveatKind, en: &str) -> Caveat {
        Caveat { kind, plain: Localised::new(en), technical: Localised::new(format!("{en} (technical)")), source_url: None, topic: None }
    }

    #[test]
    fn definition_and_population_lead_their_sections_in_the_tone_asked() {
        let caveats = [caveat(CaveatKind::Bias, "Detection drives counts."), caveat(CaveatKind::Definition, "A report is not a child.")];
        let definition = ToneText { plain: Localised::new("One notice sent to NCMEC."), technical: Localised::new("A CyberTipline report.") };
        let population = ToneText { plain: Localised::new("Users of US platforms."), technical: Localised::new("ESP users.") };
        let sections = caveat_sections(&caveats, Some(&definition), Some(&population), Tone::Technical, Lang::En, usize::MAX);
        let kinds: Vec<CaveatKind> = sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![CaveatKind::Coverage, CaveatKind::Bias, CaveatKind::Definition]);
        assert_eq!(sections[0].items[0].line(), "Who is counted: ESP users.");
        assert_eq!(sections[2].items[0].line(), "What is counted: A CyberTipline report.");
        assert_eq!(sections[2].items[1].text, "A report is not a child. (technical)");
        let fr = caveat_sections(&caveats, Some(&definition), None, Tone::Plain, Lang::Fr, usize::MAX);
        assert_eq!(fr[1].label, "Définition");
        assert!(fr[1].items[0].fell_back, "no French text: English, marked as such");
    }

    /// The curated package's by-country dataset, drawn with a sharer's
    /// title and note: the picture carries the whole sheet, the dataset's
    /// name as its title and the sharer's words marked as theirs.
    #[test]
    fn the_framed_picture_carries_the_sheet_and_marks_the_sharers_words() {
        use crate::chart::{Size, render_framed, select};
        use crate::state::ChartState;
        let package = crate::package::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("the data package is valid");
        let dataset = package.dataset("ncmec-cybertipline-by-country").expect("dataset");
        for lang in Lang::ALL {
            let (state, _) = ChartState::from_query(&format!("chart=bar&geo=KEN,HMD&title=My%20headline&ann=2021:My%20note&tone=technical&lang={}", lang.code()));
            let names: std::collections::HashMap<String, String> = package.geographies.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect();
            let selection = select(dataset, &state, &package.geographies);
            let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &names, state: &state, world: None };
            let sheet = ChartSheet::build(&SheetInput {
                plot: &plot,
                years: dataset.years_label(),
                selection_notes: &selection.notes,
                missing_geos: &selection.missing_geos,
                permalink: "https://evidence.example/datasets/x".into(),
                release: Some(&package.version),
                others: &package.datasets,
                other_titles: &[],
            });
            assert_eq!(sheet.title, dataset.meta.title.get(lang));
            let shared = sheet.shared.as_ref().expect("the sharer's words");
            assert_eq!(shared.title.as_deref(), Some("My headline"));
            let heard = &names["HMD"];
            assert!(sheet.selection_notes.iter().any(|n| n.contains(heard.as_str())), "a missing place by name: {:?}", sheet.selection_notes);
            let svg = render_framed(&plot, Size::new(1200, 800), &sheet);
            assert!(svg.contains(&format!("<title id=\"frame-title\">{}</title>", crate::chart::escape_xml(&sheet.title))));
            assert!(!svg.contains(r#"font-family="Evidence Sans""#), "every text names a fallback");
            assert!(svg.contains(r#"font-family="Evidence Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif""#));
            let text: String = svg.split('>').filter_map(|p| p.split('<').next()).collect::<Vec<_>>().join(" ").split_whitespace().collect();
            for line in sheet.texts() {
                let line: String = crate::chart::escape_xml(&line).split_whitespace().collect();
                assert!(text.contains(&line), "{}: the picture lacks {line}", lang.code());
            }
        }
    }
}
