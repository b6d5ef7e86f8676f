//! Every dataset, or those of one theme, from the catalogue loaded once for
//! the app.

use leptos::prelude::*;

use crate::components::catalogue::dataset_card::DatasetCard;
use crate::components::layout::page_skeleton::PageSkeleton;
use crate::components::load_error::LoadError;
use evidence::model::{Breakdown, Origin, Sector};

use crate::i18n::{Msg, use_lang};
use crate::theme::Theme;
use crate::use_catalogue;

#[component]
pub fn DatasetList(
    #[prop(optional, into)] theme: Option<Signal<Option<Theme>>>,
    /// Filters by the publisher's sector, the figures' origin and a declared
    /// breakdown (from the page's query).
    #[prop(optional, into)]
    filters: Option<Signal<(Option<Sector>, Option<Origin>, Option<Breakdown>)>>,
) -> impl IntoView {
    let list = use_catalogue().datasets();
    let lang = use_lang();
    view! {
        <Suspense fallback=move || view! { <PageSkeleton kind="cards"/> }>
            {move || {
                let theme = theme.and_then(|t| t.get());
                let (sector, origin, breakdown) = filters.map(|f| f.get()).unwrap_or_default();
                let l = lang.get();
                Suspend::new(async move {
                match list.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| list.refetch()/> }.into_any(),
                    Ok(list) => {
                        let shown: Vec<_> = list.datasets
                            .into_iter()
                            .filter(|d| theme.is_none_or(|t| Theme::of(d.coverage.method) == t))
                            .filter(|d| sector.is_none_or(|s| d.sector == s))
                            .filter(|d| origin.is_none_or(|o| d.origin == o))
                            .filter(|d| breakdown.is_none_or(|b| d.breakdowns.contains(&b)))
                            .collect();
                        if shown.is_empty() {
                            return view! { <p class="gap-note" data-testid="no-match">{Msg::FilterNoMatch.get(l)}</p> }.into_any();
                        }
                        view! {
                            <ul class="dataset-list" data-testid="dataset-list">
                                {shown.into_iter().map(|d| view! { <DatasetCard summary=d/> }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }
            })}}
        </Suspense>
    }
}
