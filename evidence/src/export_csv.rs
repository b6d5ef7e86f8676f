//! CSV exports: the data a chart shows, or a whole dataset, with the facts
//! a figure must never travel without (the chart sheet: title, source,
//! licence, caveats with definition and population in the chosen tone and
//! language, data release, permalink).
//!
//! The file opens cleanly in a spreadsheet and in any CSV reader: it starts
//! with a UTF-8 byte order mark (so Excel reads it as UTF-8), row 1 is the
//! header, then the data; after the data, one empty row and then the sheet,
//! one record per statement, `# key` in the first column and the text in
//! the second, every record as wide as the header, so a reader that knows
//! nothing of comments parses the whole file (and one that skips `#`
//! lines, `csv::ReaderBuilder::comment(Some(b'#'))` or pandas
//! `comment="#"`, reads the data alone). Every row also names its source
//! in companion columns, so the provenance survives anyone who deletes the
//! sheet.
//!
//! Text cells are neutralised against CSV injection: a cell that a
//! spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first)
//! gets a leading `'`. Numbers are written as Rust prints `f64` (shortest
//! text that reads back to the same value, never an exponent), unneutralised,
//! so they round-trip exactly.

use std::borrow::Cow;

use crate::chart::Plot;
use crate::model::Observation;
use crate::sheet::{ChartSheet, SheetText};

/// The columns of every export, in order.
pub const COLUMNS: [&str; 13] = [
    "geo",
    "geo_name",
    "series",
    "series_label",
    "period",
    "period_label",
    "value",
    "lower",
    "upper",
    "unit",
    "note",
    "source",
    "source_url",
];

/// The UTF-8 byte order mark every export starts with.
pub const BOM: &str = "\u{FEFF}";

/// What the file says about itself beyond the chart's sheet.
pub struct CsvHeader<'a> {
    /// What the rows are, e.g. "the data shown in the chart".
    pub contents: &'a str,
    /// The sheet of the same chart, exactly as the picture carries it.
    pub sheet: &'a ChartSheet,
    /// Where and from which data version this file was taken.
    pub retrieved: &'a str,
}

/// A text cell made safe to open in a spreadsheet (see the module docs).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let first = cell.trim_start_matches(' ').chars().next();
    let formula_like = matches!(
        first,
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}')
    );
    if formula_like { Cow::Owned(format!("'{cell}")) } else { Cow::Borrowed(cell) }
}

/// A number as written in the file: Rust's shortest round-trip form.
fn number(v: f64) -> String {
    format!("{v}")
}

/// The CSV of `plot.observations`, then the sheet (see the module docs).
pub fn to_csv(header: &CsvHeader, plot: &Plot) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let sheet = header.sheet;
    w.write_record(COLUMNS).expect("writing to memory");
    for o in plot.observations {
        w.write_record(row(plot, o)).expect("writing to memory");
    }
    w.write_record([""; COLUMNS.len()]).expect("writing to memory");
    let mut statement = |key: &str, value: &str| {
        // Values are single-line already (user text is folded by the state
        // parser); metadata could hold a newline, which a reader of lines
        // would take for a new record.
        let value = value.replace(['\r', '\n'], " ");
        let mut record = vec![format!("# {key}"), neutralise(&value).into_owned()];
        record.resize(COLUMNS.len(), String::new());
        w.write_record(&record).expect("writing to memory");
    };
    statement("evidence dashboard export", header.contents);
    statement("title", &sheet.title);
    statement("subtitle", &sheet.subtitle);
    statement("byline", &sheet.byline);
    statement("dataset", &plot.meta.id);
    statement("summary", &sheet.summary);
    for note in &sheet.selection_notes {
        statement("selection", note);
    }
    if let Some(shared) = &sheet.shared {
        statement("shared", &shared.heading);
        for line in shared.lines(sheet.lang) {
            statement("shared", &line);
        }
    }
    statement("caveats", &sheet.caveats_heading);
    for section in &sheet.caveats {
        for item in &section.items {
            statement("caveat", &format!("{}: {}", section.label, SheetText::line(item)));
        }
    }
    for line in &sheet.comparability {
        statement("comparability", line);
    }
    statement("sources", &sheet.sources_heading);
    for source in &sheet.sources {
        statement("source", &source.line());
    }
    statement("licence", &sheet.licence_line);
    if let Some(line) = &sheet.release_line {
        statement("release", line);
    }
    if !sheet.provenance.is_empty() {
        statement("provenance", &sheet.provenance_heading);
    }
    for line in &sheet.provenance {
        statement("provenance", line);
    }
    statement("retrieved", header.retrieved);
    statement("permalink", &sheet.permalink);
    let mut out = String::from(BOM);
    out.push_str(std::str::from_utf8(&w.into_inner().expect("writing to memory")).expect("csv of UTF-8 text is UTF-8"));
    out
}

fn row(plot: &Plot, o: &Observation) -> [String; 13] {
    let lang = plot.lang();
    let meta = plot.meta;
    let text = |s: &str| neutralise(s).into_owned();
    let source = meta.source(&o.source_ref);
    [
        text(&o.geo),
        text(plot.geo_name(&o.geo)),
        text(&o.series),
        text(meta.series_label(&o.series, lang)),
        text(&o.period.to_string()),
        text(&o.period.label()),
        number(o.value),
        o.lower.map(number).unwrap_or_default(),
        o.upper.map(number).unwrap_or_default(),
        meta.indicator.unit.code().to_string(),
        text(&o.note),
        text(&source.map(|s| format!("{} — {}", s.publisher, s.title)).unwrap_or_default()),
        text(source.map(|s| s.url.as_str()).unwrap_or_default()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_get_a_leading_quote() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "  =cmd|' /C calc'!A0", "\u{FF1D}1"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        for fine in ["Kenya", "2019/2021", "1 in 10", "", "a=b", "e-mail"] {
            assert_eq!(neutralise(fine), fine);
        }
    }

    #[test]
    fn numbers_are_written_in_full_and_read_back_equal() {
        for v in [16987361.0, 14.7, 0.1 + 0.2, 1e21, 4.0, 1e-7] {
            let text = number(v);
            assert!(!text.contains('e'), "{text}");
            assert_eq!(text.parse::<f64>().unwrap(), v);
        }
    }
}
