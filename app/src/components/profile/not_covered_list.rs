use evidence::api::{DatasetRef, DatasetSummary};
use leptos::prelude::*;

use crate::i18n::{Msg, method_msg, use_lang};
use crate::prefs::use_href;

/// The datasets that have nothing for a place: listed as plainly as those
/// that do, with what each does cover, because a gap is not a zero.
#[component]
pub fn NotCoveredList(datasets: Vec<DatasetRef>, summaries: Vec<DatasetSummary>) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    view! {
        <ul class="not-covered-list" data-testid="not-covered-list">
            {datasets.into_iter().map(|d| {
                let scope = summaries.iter().find(|s| s.id == d.id).map(|s| s.coverage.geographic_scope.clone());
                let target = format!("/datasets/{}", d.id);
                let title = d.title.clone();
                let method = d.method;
                view! {
                    <li class="not-covered-item" data-dataset=d.id.clone()>
                        <a href=move || href(&target)>{move || title.get(lang.get()).to_string()}</a>
                        <span class="meta">{move || method_msg(method).get(lang.get())}</span>
                        {scope.map(|s| view! {
                            <span class="scope">{move || Msg::CoversOnly.fill(lang.get(), &[s.get(lang.get())])}</span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
