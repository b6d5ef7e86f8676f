//! CSV exports: the data a chart shows, or a whole dataset, with the facts
//! a figure must never travel without (title, source, licence, caveats in the
//! chosen tone and language, permalink) in a header block.
//!
//! The header block is a run of records whose first field starts with `#`,
//! each `# key,value`. Readers that know comment lines skip them
//! (`csv::ReaderBuilder::comment(Some(b'#'))`, pandas `comment="#"`); a
//! spreadsheet shows them as two-column rows above the table. Every row also
//! names its source in companion columns, so the provenance survives anyone
//! who deletes the header.
//!
//! Text cells are neutralised against CSV injection: a cell that a
//! spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first)
//! gets a leading `'`. Numbers are written as Rust prints `f64` (shortest
//! text that reads back to the same value, never an exponent), unneutralised,
//! so they round-trip exactly.

use std::borrow::Cow;

use crate::chart::{Frame, Plot};
use crate::model::Observation;

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

/// What the header block says beyond the chart's frame.
pub struct CsvHeader<'a> {
    /// What the rows are, e.g. "the data shown in the chart".
    pub contents: &'a str,
    /// The frame of the same chart: title, subtitle, notes, source line,
    /// caveats and permalink, exactly as the picture carries them.
    pub frame: &'a Frame,
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

/// The CSV of `plot.observations` with the header block.
pub fn to_csv(header: &CsvHeader, plot: &Plot) -> String {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let frame = header.frame;
    let meta = plot.meta;
    let lang = plot.lang();
    let mut comment = |key: &str, value: &str| {
        // Values are single-line already (user text is folded by the state
        // parser); metadata could hold a newline, which would end the
        // comment line early.
        let value = value.replace(['\r', '\n'], " ");
        w.write_record([format!("# {key}"), neutralise(&value).into_owned()]).expect("writing to memory");
    };
    comment("evidence dashboard export", header.contents);
    comment("title", &frame.title);
    if let Some(sub) = &frame.subtitle {
        comment("subtitle", sub);
    }
    comment("dataset", &meta.id);
    comment("indicator", &format!("{} ({})", meta.indicator.name.get(lang), meta.indicator.unit_label.get(lang)));
    comment("source", &frame.source_line);
    comment("licence", &meta.licence);
    comment("retrieved", header.retrieved);
    comment("caveats", &frame.caveats_heading);
    for (kind, text) in &frame.caveats {
        comment("caveat", &format!("{kind}: {text}"));
    }
    for (i, note) in frame.notes.iter().enumerate() {
        comment("note", &format!("{}. {note}", i + 1));
    }
    comment("permalink", &frame.permalink);

    w.write_record(COLUMNS).expect("writing to memory");
    for o in plot.observations {
        w.write_record(row(plot, o)).expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("csv of UTF-8 text is UTF-8")
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
