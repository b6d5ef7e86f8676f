//! `/datasets`: every dataset with its publisher, coverage and caveats.

use leptos::prelude::*;

use crate::api;
use crate::components::load_error::LoadError;
use crate::i18n::{Msg, t, use_lang};
use crate::localised_href;

#[component]
pub fn DatasetList() -> impl IntoView {
    let lang = use_lang();
    let list = LocalResource::new(api::datasets);
    view! {
        <Suspense fallback=move || view! { <p class="skeleton" aria-busy="true">{t(lang, Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| list.refetch()/> }.into_any(),
                    Ok(list) => view! {
                        <ul class="dataset-list" data-testid="dataset-list">
                            {list.datasets.into_iter().map(|d| {
                                let href = localised_href(&format!("/datasets/{}", d.id), lang.get_untracked());
                                let l = lang.get_untracked();
                                view! {
                                    <li class="dataset-card" data-testid="dataset-card">
                                        <h3><a href=href>{d.title.get(l).to_string()}</a></h3>
                                        <p class="meta">{d.publisher.clone()} " · " {format!("{}–{}", d.coverage.first_year, d.coverage.last_year)} " · " {d.indicator.get(l).to_string()}</p>
                                        <p class="scope">{d.coverage.geographic_scope.get(l).to_string()}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn DatasetsPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{t(lang, Msg::Datasets)}</h1>
        <DatasetList/>
    }
}
