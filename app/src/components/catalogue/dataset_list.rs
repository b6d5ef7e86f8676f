//! Every dataset, or those of one theme, from the catalogue loaded once for
//! the app.

use leptos::prelude::*;

use crate::components::catalogue::dataset_card::DatasetCard;
use crate::components::layout::page_skeleton::PageSkeleton;
use crate::components::load_error::LoadError;
use crate::theme::Theme;
use crate::use_catalogue;

#[component]
pub fn DatasetList(#[prop(optional, into)] theme: Option<Signal<Option<Theme>>>) -> impl IntoView {
    let list = use_catalogue().datasets();
    view! {
        <Suspense fallback=move || view! { <PageSkeleton kind="cards"/> }>
            {move || {
                let theme = theme.and_then(|t| t.get());
                Suspend::new(async move {
                match list.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| list.refetch()/> }.into_any(),
                    Ok(list) => view! {
                        <ul class="dataset-list" data-testid="dataset-list">
                            {list.datasets
                                .into_iter()
                                .filter(|d| theme.is_none_or(|t| Theme::of(d.coverage.method) == t))
                                .map(|d| view! { <DatasetCard summary=d/> })
                                .collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}}
        </Suspense>
    }
}
