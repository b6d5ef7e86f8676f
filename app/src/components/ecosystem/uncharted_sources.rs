//! The sources the dashboard cannot chart, named honestly: for each, what
//! it offers, why it is not charted here, and what would change that.
//! `UnchartedSources` loads them itself, for pages such as `/methods`;
//! `UnchartedList` draws ones already loaded.

use evidence::ecosystem::UnchartedSource;
use evidence::words::W;
use leptos::prelude::*;

use crate::components::load_error::LoadError;
use crate::i18n::use_lang;
use crate::prefs::use_tone;

/// The section, loading the ecosystem map itself.
#[component]
pub fn UnchartedSources() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| crate::api::ecosystem());
    view! {
        <section class="uncharted-sources" aria-labelledby="uncharted-heading">
            <h2 id="uncharted-heading">{move || W::EcoUnchartedHeading.get(lang.get())}</h2>
            <Suspense fallback=move || view! { <p aria-busy="true">{move || W::EcoLoading.get(lang.get())}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <UnchartedList sources=view.uncharted/> }.into_any(),
                        Err(e) => view! { <LoadError error=e on_retry=move |_| data.refetch()/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The intro and one entry per source (under an h2 the caller gives).
#[component]
pub fn UnchartedList(sources: Vec<UnchartedSource>) -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let items = sources
        .into_iter()
        .map(|s| {
            let id = format!("uncharted-{}", s.id);
            let name = s.name.clone();
            let offers = s.offers.clone();
            let why_not = s.why_not.clone();
            let change = s.would_change.clone();
            let recorded = if s.sources.is_empty() { None } else { Some(s.sources.join("; ")) };
            view! {
                <li id=id class="uncharted-source">
                    <h3>{move || name.get(lang.get()).to_string()}</h3>
                    <dl>
                        <dt>{move || W::EcoOffers.get(lang.get())}</dt>
                        <dd>{move || offers.get(tone.get(), lang.get()).to_string()}</dd>
                        <dt>{move || W::EcoWhyNot.get(lang.get())}</dt>
                        <dd>{move || why_not.get(tone.get(), lang.get()).to_string()}</dd>
                        <dt>{move || W::EcoWouldChange.get(lang.get())}</dt>
                        <dd>{move || change.get(lang.get()).to_string()}</dd>
                        <dt>{move || W::EcoRecordedIn.get(lang.get())}</dt>
                        <dd>{move || match &recorded {
                            Some(r) => format!("../shared/data: {r}"),
                            None => W::EcoNotRecorded.get(lang.get()).to_string(),
                        }}</dd>
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{move || W::EcoUnchartedIntro.get(lang.get())}</p>
        <ul class="uncharted-list">{items}</ul>
    }
}
