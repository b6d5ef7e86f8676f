//! `/ecosystem`: who holds data on online child sexual exploitation and
//! abuse, how it flows, which dataset of this dashboard comes from where,
//! which flows have no public data, and the sources we cannot chart. The
//! diagram comes from the server (`/api/v1/ecosystem.svg`); the list beside
//! it says the same in words, and comes first on narrow screens.

use evidence::words::W;
use leptos::prelude::*;

use crate::components::ecosystem::diagram::EcosystemDiagram;
use crate::components::ecosystem::flow_gaps::FlowGaps;
use crate::components::ecosystem::node_list::EcosystemList;
use crate::components::ecosystem::uncharted_sources::UnchartedList;
use crate::components::layout::tone_switch::ToneSwitch;
use crate::components::load_error::LoadError;
use crate::i18n::use_lang;
use crate::prefs::use_page_title;

#[component]
pub fn EcosystemPage() -> impl IntoView {
    let lang = use_lang();
    use_page_title(move || W::EcoTitle.get(lang.get()).to_string());
    let data = Resource::new(|| (), |_| crate::api::ecosystem());
    // On a phone (known once the browser has measured it; the server draws
    // for a wide screen) the one-column diagram, after the list.
    let narrow = crate::viewport::use_viewport().narrow;
    let diagram = move |narrow: bool| {
        view! {
            <section aria-labelledby="eco-diagram-heading" class="eco-diagram">
                <h2 id="eco-diagram-heading">{move || W::EcoDiagramHeading.get(lang.get())}</h2>
                <p class="muted">{move || W::EcoLegendLink.get(lang.get())}</p>
                <EcosystemDiagram narrow=narrow/>
            </section>
        }
    };
    view! {
        <h1>{move || W::EcoTitle.get(lang.get())}</h1>
        <p class="lede">{move || W::EcoIntro.get(lang.get())}</p>
        <ToneSwitch/>
        {move || (!narrow.get()).then(|| diagram(false))}
        <Suspense fallback=move || view! { <p aria-busy="true">{move || W::EcoLoading.get(lang.get())}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| data.refetch()/> }.into_any(),
                    Ok(v) => view! {
                        <section aria-labelledby="eco-list-heading" class="eco-list">
                            <h2 id="eco-list-heading">{move || W::EcoListHeading.get(lang.get())}</h2>
                            <EcosystemList view=v.clone()/>
                        </section>
                        <section aria-labelledby="eco-gaps-heading">
                            <h2 id="eco-gaps-heading">{move || W::EcoGapsHeading.get(lang.get())}</h2>
                            <FlowGaps view=v.clone()/>
                        </section>
                        <section aria-labelledby="uncharted-heading" class="uncharted-sources">
                            <h2 id="uncharted-heading">{move || W::EcoUnchartedHeading.get(lang.get())}</h2>
                            <UnchartedList sources=v.uncharted.clone()/>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
        {move || narrow.get().then(|| diagram(true))}
    }
}
