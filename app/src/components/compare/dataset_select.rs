use evidence::api::DatasetSummary;
use leptos::prelude::*;

use crate::i18n::{t, Msg, use_lang};

/// A native select of every dataset, for one side of a comparison.
#[component]
pub fn DatasetSelect(
    id: &'static str,
    label: Msg,
    datasets: Vec<DatasetSummary>,
    #[prop(into)] value: Signal<Option<String>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field dataset-select">
            <label for=id>{move || label.get(lang.get())}</label>
            <select id=id data-testid=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_none()>{t(lang, Msg::ChooseDataset)}</option>
                {datasets.into_iter().map(|d| {
                    let v = d.id.clone();
                    view! {
                        <option value=d.id.clone() selected=move || value.get().as_deref() == Some(v.as_str())>
                            {move || d.title.get(lang.get()).to_string()}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}
