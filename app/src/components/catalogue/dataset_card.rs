use evidence::api::DatasetSummary;
use leptos::prelude::*;

use crate::i18n::{Msg, method_msg, use_lang};
use crate::prefs::use_href;

/// One dataset in a list: what it counts, who published it, where and when.
#[component]
pub fn DatasetCard(summary: DatasetSummary) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let s = StoredValue::new(summary);
    let link = move || href(&format!("/datasets/{}", s.with_value(|s| s.id.clone())));
    view! {
        <li class="dataset-card" data-testid="dataset-card" data-dataset=s.with_value(|s| s.id.clone())>
            <h3><a href=link>{move || s.with_value(|s| s.title.get(lang.get()).to_string())}</a></h3>
            <p class="meta">
                {move || s.with_value(|s| {
                    let l = lang.get();
                    format!("{} · {}–{} · {}", s.publisher, s.coverage.first_year, s.coverage.last_year, method_msg(s.coverage.method).get(l))
                })}
            </p>
            <p class="meta sector-origin" data-testid="sector-origin" data-sector=s.with_value(|s| s.sector.code()) data-origin=s.with_value(|s| s.origin.code())>
                {move || s.with_value(|s| {
                    let l = lang.get();
                    Msg::CardSectorOrigin.fill(l, &[s.sector.label(l), &s.origin.marked_label(l, s.origin_second_hand)])
                })}
            </p>
            <p class="indicator">{move || s.with_value(|s| format!("{} ({})", s.indicator.get(lang.get()), s.unit_label.get(lang.get())))}</p>
            <p class="scope">
                {move || s.with_value(|s| {
                    let l = lang.get();
                    format!("{} — {}", s.coverage.geographic_scope.get(l), Msg::PlacesCount.fill(l, &[&s.coverage.geographies.to_string()]))
                })}
            </p>
        </li>
    }
}
