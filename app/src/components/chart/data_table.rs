//! The figures behind a chart as a table: every figure with its interval,
//! note and source. Sortable by place, period or value; the sort is a view
//! of the same rows, so nothing is hidden by it.

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
                <tbody>
                    {move || sorted().into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.label}</th>
                            <td>{r.period}</td>
                            <td class="num">{r.value_text}</td>
                            <td class="num">{r.interval_text.unwrap_or_default()}</td>
                            <td>{r.note}</td>
                            <td>{r.source}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
