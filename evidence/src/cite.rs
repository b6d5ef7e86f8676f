//! "Cite this chart": a citation of a chart as shown, in APA-style text,
//! BibTeX, RIS and CSL-JSON.
//!
//! The original publisher is always the author, named first, and its
//! source follows: the dashboard is the curator of the figures, not their
//! source. A citation also names the chart's title, the dataset, the data
//! release (so a reader can find the same figures after an update), the
//! permalink and the date it was accessed.

use std::fmt::Write as _;

use crate::chart::select;
use crate::model::{Dataset, Lang, Source};
use crate::package::Package;
use crate::state::ChartState;

/// The citation formats, as named in `?format=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Apa,
    Bibtex,
    Ris,
    CslJson,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Apa, Format::Bibtex, Format::Ris, Format::CslJson];
    pub fn code(self) -> &'static str {
        match self {
            Format::Apa => "apa",
            Format::Bibtex => "bibtex",
            Format::Ris => "ris",
            Format::CslJson => "csl-json",
        }
    }
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.code() == s)
    }
    /// The media type a server sends it with.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Apa => "text/plain; charset=utf-8",
            Format::Bibtex => "application/x-bibtex; charset=utf-8",
            Format::Ris => "application/x-research-info-systems; charset=utf-8",
            Format::CslJson => "application/vnd.citationstyles.csl+json",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Format::Apa => "txt",
            Format::Bibtex => "bib",
            Format::Ris => "ris",
            Format::CslJson => "json",
        }
    }
}

/// Everything a citation says, gathered once.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The original publisher of the figures (the author).
    pub publisher: String,
    /// The chart's title as shown (the user's title, else the dataset's).
    pub title: String,
    pub dataset_id: String,
    pub dataset_title: String,
    /// The sources of the figures shown (all the dataset's when it shows none).
    pub sources: Vec<Source>,
    /// The latest year among those sources, if any has one.
    pub year: Option<i32>,
    /// The curated collection: the data package's title.
    pub curator: String,
    pub release: String,
    pub released: String,
    pub permalink: String,
    /// `YYYY-MM-DD`.
    pub accessed: String,
    pub lang: Lang,
}

/// The citation of `dataset` charted as `state`. `permalink` is the link
/// that reproduces the chart (give it with `release=` to pin the data
/// release); `accessed` is today's date, `YYYY-MM-DD`.
pub fn citation(pkg: &Package, dataset: &Dataset, state: &ChartState, permalink: &str, accessed: &str) -> Citation {
    let lang = state.lang;
    let meta = &dataset.meta;
    let shown = select(dataset, state, &pkg.geographies);
    let mut used: Vec<&str> = shown.observations.iter().map(|o| o.source_ref.as_str()).collect();
    used.sort_unstable();
    used.dedup();
    let sources: Vec<Source> =
        meta.sources.iter().filter(|s| used.is_empty() || used.contains(&s.id.as_str())).cloned().collect();
    let year = sources.iter().filter_map(|s| s.year).max();
    let dataset_title = meta.title.get(lang).to_string();
    Citation {
        publisher: meta.publisher.clone(),
        title: state.title.clone().unwrap_or_else(|| dataset_title.clone()),
        dataset_id: meta.id.clone(),
        dataset_title,
        sources,
        year,
        curator: pkg.title.clone(),
        release: pkg.version.clone(),
        released: pkg.released.clone(),
        permalink: permalink.to_string(),
        accessed: accessed.to_string(),
        lang,
    }
}

/// The one-line APA-style citation that exports carry.
pub fn apa_line(pkg: &Package, dataset: &Dataset, state: &ChartState, permalink: &str, accessed: &str) -> String {
    citation(pkg, dataset, state, permalink, accessed).apa()
}

/// One line: no control characters or line breaks from the data.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_control() || c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn date_parts(date: &str) -> Vec<i64> {
    date.split('-').filter_map(|p| p.parse().ok()).collect()
}

impl Citation {
    fn year_text(&self) -> String {
        self.year.map_or_else(|| "n.d.".to_string(), |y| y.to_string())
    }

    fn source_text(&self) -> String {
        self.sources
            .iter()
            .map(|s| {
                let mut t = format!("{}, {}", one_line(&s.publisher), one_line(&s.title));
                if let Some(y) = s.year {
                    let _ = write!(t, " ({y})");
                }
                if let Some(l) = &s.locator {
                    let _ = write!(t, ", {}", one_line(l));
                }
                let _ = write!(t, ", {}", one_line(&s.url));
                t
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// APA-style (7th edition, data set): author (the original publisher),
    /// year, title with the release as its version, `[Data set]`, the
    /// curator as publisher, retrieval date and permalink, then the
    /// original source.
    pub fn apa(&self) -> String {
        let (version, data_set, retrieved, from, original, curated, dataset_word) = match self.lang {
            Lang::En => ("Data release", "Data set", "Retrieved", "from", "Original source", "Curated in", "dataset"),
            Lang::Fr => ("Version des données", "Jeu de données", "Consulté le", "sur", "Source originale", "Compilé dans", "jeu de données"),
        };
        let mut title = one_line(&self.title);
        if self.title != self.dataset_title {
            let _ = write!(title, " ({dataset_word}: {})", one_line(&self.dataset_title));
        }
        format!(
            "{publisher}. ({year}). {title} ({version} {release}) [{data_set}]. {curated} {curator}. {retrieved} {accessed}, {from} {permalink}. {original}: {sources}.",
            publisher = one_line(&self.publisher).trim_end_matches('.'),
            year = self.year_text(),
            release = self.release,
            curator = one_line(&self.curator),
            accessed = self.accessed,
            permalink = one_line(&self.permalink),
            sources = self.source_text(),
        )
    }

    /// The BibTeX key: the dataset id and the release, in the characters
    /// every BibTeX reader accepts.
    pub fn key(&self) -> String {
        format!("{}_{}", self.dataset_id, self.release)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect()
    }

    /// A BibTeX `@misc` entry (biblatex reads it as a data set through
    /// `howpublished`, `version` and `urldate`; classic BibTeX styles use
    /// `note`). The corporate author is braced so it is not split into
    /// given and family names.
    pub fn bibtex(&self) -> String {
        let mut fields: Vec<(&str, String)> = vec![
            ("author", format!("{{{}}}", bib_escape(&self.publisher))),
            ("title", bib_escape(&self.title)),
            ("howpublished", format!("{} [Data set], {}", bib_escape(&self.dataset_title), bib_escape(&self.curator))),
            ("year", self.year.map_or_else(|| "n.d.".into(), |y| y.to_string())),
            ("version", bib_escape(&self.release)),
            ("organization", bib_escape(&self.curator)),
            ("url", bib_url(&self.permalink)),
            ("urldate", self.accessed.clone()),
            (
                "note",
                bib_escape(&format!(
                    "Data release {} ({}). Original source: {}. Accessed {}",
                    self.release,
                    self.released,
                    self.source_text(),
                    self.accessed
                )),
            ),
        ];
        fields.retain(|(_, v)| !v.is_empty());
        let mut out = format!("@misc{{{},\n", self.key());
        for (name, value) in fields {
            let _ = writeln!(out, "  {name} = {{{value}}},");
        }
        out.push_str("}\n");
        out
    }

    /// An RIS record of type DATA (data set).
    pub fn ris(&self) -> String {
        let mut lines: Vec<(&str, String)> = vec![
            ("TY", "DATA".into()),
            ("AU", one_line(&self.publisher)),
            ("TI", one_line(&self.title)),
            ("T2", one_line(&self.dataset_title)),
        ];
        if let Some(y) = self.year {
            lines.push(("PY", y.to_string()));
        }
        lines.push(("PB", one_line(&self.curator)));
        lines.push(("ET", format!("Data release {}", self.release)));
        lines.push(("DA", self.released.replace('-', "/")));
        lines.push(("Y2", self.accessed.replace('-', "/")));
        lines.push(("UR", one_line(&self.permalink)));
        for s in &self.sources {
            lines.push(("N1", format!("Original source: {}", one_line(&format!("{}, {}, {}", s.publisher, s.title, s.url)))));
        }
        lines.push(("LA", self.lang.code().into()));
        lines.push(("ER", String::new()));
        let mut out = String::new();
        for (tag, value) in lines {
            // "TAG  - value"; the end record has nothing after the dash.
            let _ = writeln!(out, "{tag}  - {value}");
        }
        out.lines().map(str::trim_end).collect::<Vec<_>>().join("\r\n") + "\r\n"
    }

    /// CSL-JSON: an array of one item of type `dataset`.
    pub fn csl_json(&self) -> serde_json::Value {
        let mut item = serde_json::json!({
            "id": self.key(),
            "type": "dataset",
            "author": [{ "literal": self.publisher }],
            "title": self.title,
            "container-title": self.dataset_title,
            "publisher": self.curator,
            "original-publisher": self.publisher,
            "version": self.release,
            "accessed": { "date-parts": [date_parts(&self.accessed)] },
            "URL": self.permalink,
            "language": self.lang.code(),
            "source": self.source_text(),
            "note": format!("Data release {} ({}). Original source: {}", self.release, self.released, self.source_text()),
        });
        if let Some(y) = self.year {
            item["issued"] = serde_json::json!({ "date-parts": [[y]] });
        }
        serde_json::Value::Array(vec![item])
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Apa => self.apa() + "\n",
            Format::Bibtex => self.bibtex(),
            Format::Ris => self.ris(),
            Format::CslJson => serde_json::to_string_pretty(&self.csl_json()).expect("JSON values serialise") + "\n",
        }
    }
}

/// Escapes the characters BibTeX and LaTeX give a meaning.
fn bib_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// URL fields are verbatim; only braces (never in a percent-encoded
/// permalink) and `%`, which some readers take for a comment, are escaped.
fn bib_url(s: &str) -> String {
    one_line(s).replace('{', "%7B").replace('}', "%7D").replace('%', "\\%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn package() -> Package {
        crate::package::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("the data package is valid")
    }

    const LINK: &str = "https://evidence.example.org/datasets/x?v=1&release=2026.12.0";

    #[test]
    fn the_original_publisher_comes_first_then_the_release_and_link() {
        let pkg = package();
        for d in &pkg.datasets {
            let state = ChartState::default();
            let apa = apa_line(&pkg, d, &state, LINK, "2026-12-02");
            assert!(apa.starts_with(d.meta.publisher.trim_end_matches('.')), "{apa}");
            assert!(apa.contains(&format!("Data release {}", pkg.version)), "{apa}");
            assert!(apa.contains("[Data set]"), "{apa}");
            assert!(apa.contains(&format!("Curated in {}", pkg.title)), "{apa}");
            assert!(apa.contains(&format!("Retrieved 2026-12-02, from {LINK}")), "{apa}");
            assert!(apa.contains(&d.meta.sources[0].url) || d.meta.sources.iter().any(|s| apa.contains(&s.url)), "{apa}");
            assert!(!apa.contains('\n'), "one line: {apa}");
            let pub_at = apa.find(&d.meta.publisher.trim_end_matches('.').to_string()).expect("publisher");
            let curator_at = apa.find(&pkg.title).expect("curator");
            assert!(pub_at < curator_at, "the publisher before the curator: {apa}");
        }
    }

    #[test]
    fn the_chart_as_shown_names_its_title_and_only_the_sources_it_shows() {
        let pkg = package();
        let d = pkg.datasets.iter().find(|d| d.meta.sources.len() > 1).expect("a dataset with several sources");
        let first = &d.observations[0];
        let state = ChartState {
            title: Some("My chart & more".into()),
            geo: vec![first.geo.clone()],
            from: Some(first.period.start_year()),
            to: Some(first.period.end_year()),
            series: if first.series.is_empty() { vec![] } else { vec![first.series.clone()] },
            ..ChartState::default()
        };
        let c = citation(&pkg, d, &state, LINK, "2026-12-02");
        assert_eq!(c.title, "My chart & more");
        assert!(c.sources.iter().any(|s| s.id == first.source_ref));
        assert!(c.sources.len() < d.meta.sources.len() || d.observations.iter().all(|o| o.source_ref == first.source_ref));
        assert!(c.apa().contains(&format!("My chart & more (dataset: {})", d.meta.title.en)), "{}", c.apa());
        let bib = c.bibtex();
        assert!(bib.contains("title = {My chart \\& more}"), "{bib}");
        assert!(bib.contains("url = {https://evidence.example.org/datasets/x?v=1&release=2026.12.0}"), "{bib}");
    }

    #[test]
    fn ris_and_csl_json_carry_the_same_facts() {
        let pkg = package();
        let d = &pkg.datasets[0];
        let c = citation(&pkg, d, &ChartState::default(), LINK, "2026-12-02");
        let ris = c.ris();
        assert!(ris.starts_with("TY  - DATA\r\n"), "{ris}");
        assert!(ris.ends_with("ER  -\r\n"), "{ris}");
        assert!(ris.contains(&format!("\r\nAU  - {}\r\n", d.meta.publisher)), "{ris}");
        assert!(ris.contains("\r\nY2  - 2026/12/02\r\n"));
        assert!(ris.lines().all(|l| l.len() >= 5 && &l[2..5] == "  -"), "{ris}");
        let csl = c.csl_json();
        assert_eq!(csl[0]["type"], "dataset");
        assert_eq!(csl[0]["author"][0]["literal"], d.meta.publisher);
        assert_eq!(csl[0]["version"], pkg.version);
        assert_eq!(csl[0]["accessed"]["date-parts"], serde_json::json!([[2026, 12, 2]]));
    }

    #[test]
    fn bibtex_escapes_what_latex_would_read() {
        assert_eq!(bib_escape("50% of {x} & $y #1 a_b ~ ^"), "50\\% of \\{x\\} \\& \\$y \\#1 a\\_b \\textasciitilde{} \\textasciicircum{}");
        assert_eq!(bib_escape("line\nbreak\ttab"), "line break tab");
        assert_eq!(bib_url("https://x.org/a?geo=KEN%2CUGA"), "https://x.org/a?geo=KEN\\%2CUGA");
    }

    #[test]
    fn formats_parse_by_their_codes() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.code()), Some(f));
        }
        assert_eq!(Format::parse("mla"), None);
    }

    #[test]
    fn french_citations_use_french_words() {
        let pkg = package();
        let d = &pkg.datasets[0];
        let state = ChartState { lang: Lang::Fr, ..ChartState::default() };
        let apa = apa_line(&pkg, d, &state, LINK, "2026-12-02");
        assert!(apa.contains("[Jeu de données]") && apa.contains("Consulté le 2026-12-02, sur"), "{apa}");
    }
}
