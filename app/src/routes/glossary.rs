//! `/glossary`: the terms used on this site, after the Luxembourg
//! Guidelines, in plain and technical words, the terms to avoid and why, and
//! the datasets that use each. Every term has an anchor (`#term-<id>`) that
//! caveat panels link to.

use evidence::api::{DatasetList, Glossary};
use evidence::model::Tone;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::layout::page_skeleton::PageSkeleton;
use crate::components::layout::tone_switch::ToneSwitch;
use crate::components::load_error::LoadError;
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::{use_href, use_page_title, use_tone};
use crate::use_catalogue;

/// Brings the term named in the address into view and gives it focus, once
/// the glossary has been drawn (the router scrolls before it exists).
fn reveal_hash_target(hash: &str) {
    let id = hash.trim_start_matches('#').to_string();
    if id.is_empty() {
        return;
    }
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let href = use_href();
    let location = use_location();
    let catalogue = use_catalogue();
    use_page_title(move || Msg::Glossary.get(lang.get()).to_string());
    let (glossary, datasets) = (catalogue.glossary(), catalogue.datasets());
    let data = Resource::new(
        || (),
        move |_| async move {
            let g: Result<Glossary, _> = glossary.await;
            let d: Result<DatasetList, _> = datasets.await;
            Ok::<_, crate::api::ApiError>((g?, d?))
        },
    );
    Effect::new(move |_| {
        let hash = location.hash.get();
        if data.map(|d| d.is_ok()).unwrap_or(false) {
            reveal_hash_target(&hash);
        }
    });
    view! {
        <h1>{t(lang, Msg::Glossary)}</h1>
        <p class="lede">{t(lang, Msg::GlossaryIntro)}</p>
        <ToneSwitch/>
        <Suspense fallback=move || view! { <PageSkeleton kind="cards"/> }>
            {move || {
                let l = lang.get_untracked();
                Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| { catalogue.glossary().refetch(); catalogue.datasets().refetch(); }/> }.into_any(),
                    Ok((glossary, datasets)) => untrack(move || {
                        let index = glossary.terms.iter().map(|e| {
                            let anchor = format!("#term-{}", e.term.id);
                            view! { <li><a href=anchor target="_self">{e.term.term.get(l).to_string()}</a></li> }
                        }).collect_view();
                        let terms = glossary.terms.into_iter().map(|e| {
                            let term = e.term;
                            let id = format!("term-{}", term.id);
                            let (plain, technical) = (term.plain.clone(), term.technical.clone());
                            let first_is_plain = move || tone.get() == Tone::Plain;
                            let definitions = move || {
                                let (a, b, la, lb) = if first_is_plain() {
                                    (&plain, &technical, Msg::InPlainWords, Msg::Technically)
                                } else {
                                    (&technical, &plain, Msg::Technically, Msg::InPlainWords)
                                };
                                view! {
                                    <div class="definition definition-first"><dt>{la.get(l)}</dt><dd>{a.get(l).to_string()}</dd></div>
                                    <div class="definition"><dt>{lb.get(l)}</dt><dd>{b.get(l).to_string()}</dd></div>
                                }
                            };
                            let avoid = (!term.avoid.is_empty()).then(|| view! {
                                <div class="avoid">
                                    <h3>{Msg::TermsToAvoid.get(l)}</h3>
                                    <ul>
                                        {term.avoid.iter().map(|a| view! {
                                            <li><strong lang="en">{format!("“{}”", a.term)}</strong> " — " {a.why.get(l).to_string()}</li>
                                        }).collect_view()}
                                    </ul>
                                </div>
                            });
                            let used_by = e.datasets.iter().map(|d| {
                                let title = datasets.datasets.iter().find(|s| &s.id == d).map_or_else(|| d.clone(), |s| s.title.get(l).to_string());
                                let target = format!("/datasets/{d}");
                                view! { <li><a href=move || href(&target)>{title}</a></li> }
                            }).collect_view();
                            let heading_id = format!("{id}-name");
                            let labelled_by = heading_id.clone();
                            view! {
                                <article class="term" id=id tabindex="-1" aria-labelledby=labelled_by data-testid="glossary-term">
                                    <h2 id=heading_id>{term.term.get(l).to_string()}</h2>
                                    <dl class="definitions">{definitions}</dl>
                                    {avoid}
                                    {(!e.datasets.is_empty()).then(|| view! {
                                        <div class="used-by">
                                            <h3>{Msg::DatasetsUsingTerm.get(l)}</h3>
                                            <ul class="link-list">{used_by}</ul>
                                        </div>
                                    })}
                                    <p class="reference"><span>{Msg::Reference.get(l)} " "</span>{term.reference.clone()}</p>
                                </article>
                            }
                        }).collect_view();
                        view! {
                            <nav class="term-index" aria-label=Msg::TermIndex.get(l)><ul>{index}</ul></nav>
                            <div class="terms">{terms}</div>
                        }.into_any()
                    }),
                }
            })}}
        </Suspense>
    }
}
