//! `/methods`: how the data was curated — sources, the verbatim rule, gaps
//! kept as gaps, validation, the caveat model and the two wordings — and the
//! publishers behind the datasets, from the catalogue itself.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::components::load_error::LoadError;
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::{use_href, use_page_title};
use crate::use_catalogue;

/// (heading, paragraphs) of each section, in reading order.
const SECTIONS: [(&str, Msg, &[Msg]); 6] = [
    ("sources", Msg::MethodsSourcesTitle, &[Msg::MethodsSources1, Msg::MethodsSources2]),
    ("verbatim", Msg::MethodsVerbatimTitle, &[Msg::MethodsVerbatim1, Msg::MethodsVerbatim2]),
    ("gaps", Msg::MethodsGapsTitle, &[Msg::MethodsGaps1, Msg::MethodsGaps2]),
    ("validation", Msg::MethodsValidationTitle, &[Msg::MethodsValidation1, Msg::MethodsValidation2]),
    ("caveats", Msg::MethodsCaveatsTitle, &[Msg::MethodsCaveats1, Msg::MethodsCaveats2]),
    ("tones", Msg::MethodsTonesTitle, &[Msg::MethodsTones1, Msg::MethodsTones2]),
];

#[component]
pub fn MethodsPage() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let datasets = use_catalogue().datasets();
    use_page_title(move || Msg::NavMethods.get(lang.get()).to_string());
    let publishers = move || {
        datasets.map(|r| match r {
            Err(e) => view! { <LoadError error=e.clone() on_retry=move |_| datasets.refetch()/> }.into_any(),
            Ok(list) => {
                let l = lang.get();
                let mut by_publisher: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
                for d in &list.datasets {
                    by_publisher.entry(d.publisher.clone()).or_default().push((d.id.clone(), d.title.get(l).to_string()));
                }
                view! {
                    <ul class="publishers" data-testid="publishers">
                        {by_publisher.into_iter().map(|(publisher, ds)| view! {
                            <li>
                                <strong>{publisher}</strong>
                                <ul>
                                    {ds.into_iter().map(|(id, title)| {
                                        let target = format!("/datasets/{id}");
                                        view! { <li><a href=move || href(&target)>{title}</a></li> }
                                    }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        })
    };
    view! {
        <h1>{t(lang, Msg::MethodsTitle)}</h1>
        <p class="lede">{t(lang, Msg::MethodsIntro)}</p>
        <nav class="toc" aria-label=t(lang, Msg::OnThisPage)>
            <ul>
                {SECTIONS.iter().map(|(id, title, _)| {
                    let anchor = format!("#{id}");
                    view! { <li><a href=anchor target="_self">{t(lang, *title)}</a></li> }
                }).collect_view()}
                <li><a href="#publishers" target="_self">{t(lang, Msg::MethodsPublishersTitle)}</a></li>
                <li><a href="#uncharted-heading" target="_self">{move || evidence::words::W::EcoUnchartedHeading.get(lang.get())}</a></li>
            </ul>
        </nav>
        {SECTIONS.iter().map(|(id, title, paras)| view! {
            <section class="methods-section" id=*id aria-labelledby=format!("{id}-h")>
                <h2 id=format!("{id}-h")>{t(lang, *title)}</h2>
                {paras.iter().map(|p| view! { <p>{t(lang, *p)}</p> }).collect_view()}
            </section>
        }).collect_view()}
        <section class="methods-section" id="publishers" aria-labelledby="publishers-h">
            <h2 id="publishers-h">{t(lang, Msg::MethodsPublishersTitle)}</h2>
            <p>{t(lang, Msg::MethodsPublishers)}</p>
            // The server renders the list with its data (Suspense waits for it).
            <Suspense fallback=|| ()>{publishers}</Suspense>
        </section>
        // The sources we know of and cannot chart, and why (also on /ecosystem).
        <crate::components::ecosystem::uncharted_sources::UnchartedSources/>
    }
}
