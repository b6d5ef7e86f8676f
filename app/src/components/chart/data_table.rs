//! The figures behind a chart as a table: every figure with its interval,
//! note and source. Sortable by place, period or value; the sort is a view
//! of the same rows, so nothing is hidden by it.

use evidence::chart::escape_xml;
use evidence::chart::table::TableRow;
use evidence::model::Lang;
use leptos::prelude::*;

use crate::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortKey {
    Place,
    Period,
    Value,
}

/// The table body; every text escaped (labels and notes come from data,
/// and from nothing a reader types, but escaping is never optional).
pub fn rows_html(rows: &[TableRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 160);
    for r in rows {
        // A figure that is not the publisher's own says so in its row.
        if r.grade.is_verbatim() {
            out.push_str("<tr><th scope=\"row\">");
        } else {
            out.push_str("<tr data-grade=\"");
            out.push_str(r.grade.code());
            out.push_str("\"><th scope=\"row\">");
        }
        out.push_str(&escape_xml(&r.label));
        out.push_str("</th><td>");
        out.push_str(&escape_xml(&r.period));
        out.push_str("</td><td class=\"num\">");
        out.push_str(&escape_xml(&r.value_text));
        out.push_str("</td><td class=\"num\">");
        out.push_str(&escape_xml(r.interval_text.as_deref().unwrap_or("")));
        out.push_str("</td><td>");
        out.push_str(&escape_xml(&r.note));
        if !r.grade_text.is_empty() {
            if !r.note.is_empty() {
                out.push(' ');
            }
            out.push_str("<span class=\"grade-text\">");
            out.push_str(&escape_xml(&r.grade_text));
            out.push_str("</span>");
        }
        out.push_str("</td><td>");
        out.push_str(&escape_xml(&r.source));
        out.push_str("</td></tr>");
    }
    out
}

#[component]
pub fn DataTable(rows: Vec<TableRow>, lang: Lang, #[prop(into)] caption: String) -> impl IntoView {
    // None keeps the order the chart crate gives (latest first, largest first).
    let sort = RwSignal::new(None::<(SortKey, bool)>);
    let rows = StoredValue::new(rows);
    let sorted = move || {
        let mut r = rows.get_value();
        if let Some((key, ascending)) = sort.get() {
            r.sort_by(|a, b| {
                let o = match key {
                    SortKey::Place => a.label.cmp(&b.label),
                    SortKey::Period => a.period.cmp(&b.period),
                    SortKey::Value => a.value.total_cmp(&b.value),
                };
                if ascending { o } else { o.reverse() }
            });
        }
        r
    };
    let header = move |key: SortKey, msg: Msg, numeric: bool| {
        let aria_sort = move || match sort.get() {
            Some((k, true)) if k == key => "ascending",
            Some((k, false)) if k == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria_sort>
                <button type="button" class="sort" on:click=move |_| {
                    sort.update(|s| *s = match *s {
                        Some((k, asc)) if k == key => Some((key, !asc)),
                        _ => Some((key, key != SortKey::Value)),
                    })
                }>
                    {msg.get(lang)}
                    <span class="sort-mark" aria-hidden="true">{move || match aria_sort() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                </button>
            </th>
        }
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=Msg::DataTable.get(lang)>
            <table data-testid="data-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        {header(SortKey::Place, Msg::RowLabel, false)}
                        {header(SortKey::Period, Msg::Period, false)}
                        {header(SortKey::Value, Msg::Value, true)}
                        <th scope="col" class="num">{Msg::Interval.get(lang)}</th>
                        <th scope="col">{Msg::Note.get(lang)}</th>
                        <th scope="col">{Msg::Source.get(lang)}</th>
                    </tr>
                </thead>
                // The rows as one HTML string: the browser's parser builds a
                // 240-row table several times faster than one DOM call per
                // cell from wasm, and a map's period switch redraws it.
                <tbody inner_html=move || rows_html(&sorted())></tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, note: &str) -> TableRow {
        TableRow {
            label: label.into(),
            geo: "KEN".into(),
            series: String::new(),
            period: "2023".into(),
            value: 1.0,
            value_text: "1,234".into(),
            interval_text: Some("1–2".into()),
            note: note.into(),
            source: "NCMEC (2024)".into(),
            grade: Default::default(),
            grade_text: String::new(),
        }
    }

    #[test]
    fn rows_are_cells_in_column_order_with_text_escaped() {
        let html = rows_html(&[row("Kenya", "<b>estimated</b> & \"rounded\""), row("Uganda", "")]);
        assert_eq!(html.matches("<tr>").count(), 2);
        assert!(html.starts_with(r#"<tr><th scope="row">Kenya</th><td>2023</td><td class="num">1,234</td><td class="num">1–2</td><td>&lt;b&gt;estimated&lt;/b&gt; &amp; &quot;rounded&quot;</td><td>NCMEC (2024)</td></tr>"#), "{html}");
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn a_secondary_figure_says_so_in_its_row() {
        let mut r = row("Kenya", "Referrals: 20,695.");
        r.grade = evidence::model::Grade::Secondary;
        r.grade_text = "Secondary source (a transcription): <b>".into();
        let html = rows_html(&[r, row("Uganda", "")]);
        assert!(html.starts_with(r#"<tr data-grade="secondary"><th scope="row">Kenya</th>"#), "{html}");
        assert!(html.contains(r#"Referrals: 20,695. <span class="grade-text">Secondary source (a transcription): &lt;b&gt;</span>"#), "{html}");
        assert_eq!(html.matches("data-grade").count(), 1, "a verbatim row carries no grade: {html}");
    }
}
