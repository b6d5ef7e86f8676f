//! "Cite this chart": the APA-style citation of the chart as shown, with a
//! Copy button, and links to the same citation as BibTeX, RIS and CSL-JSON.
//! Every text is the server's cite endpoint for the current chart state, so
//! the page, a script and an export cite alike, and a pinned release is
//! cited as pinned.

use evidence::state::ChartState;
use evidence::words::W;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::fetch_text;
use crate::url::cite_href;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    NotYet,
    Done,
    Refused,
}

/// The downloads: (format, label, test hook).
const FILES: [(&str, W, &str); 3] =
    [("bibtex", W::CiteBibtex, "cite-bibtex"), ("ris", W::CiteRis, "cite-ris"), ("csl-json", W::CiteCslJson, "cite-csl-json")];

/// Selects the text of `el`, so a refused copy is one keystroke from done
/// (through the DOM's own `getSelection`, which web-sys exposes only with
/// features this app does not enable).
fn select_text(el: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else { return };
    let call = |target: &wasm_bindgen::JsValue, name: &str, arg: Option<&wasm_bindgen::JsValue>| {
        js_sys::Reflect::get(target, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| match arg {
                Some(a) => f.call1(target, a).ok(),
                None => f.call0(target).ok(),
            })
    };
    if let Some(selection) = call(&window.into(), "getSelection", None) {
        call(&selection, "selectAllChildren", Some(el.as_ref()));
    }
}

#[component]
pub fn CitePanel(dataset_id: String, #[prop(into)] state: Signal<ChartState>) -> impl IntoView {
    let lang = Memo::new(move |_| state.get().lang);
    let id = StoredValue::new(dataset_id);
    let query = Memo::new(move |_| state.get().to_query());
    // Rendered by the server with the page (readable without JavaScript).
    let apa = Resource::new(move || cite_href(&id.get_value(), &query.get(), "apa"), fetch_text);
    let (copied, set_copied) = signal(Copied::NotYet);
    let text_el = NodeRef::<leptos::html::P>::new();
    // "Copied" is about the citation shown; a new chart state is a new one.
    Effect::new(move |_| {
        query.track();
        set_copied.set(Copied::NotYet);
    });

    let copy = move |_| {
        let Some(Ok(text)) = apa.get_untracked() else { return };
        let Some(window) = web_sys::window() else { return };
        let promise = window.navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            if promise.await.is_ok() {
                set_copied.set(Copied::Done);
            } else {
                set_copied.set(Copied::Refused);
                if let Some(el) = text_el.get_untracked() {
                    select_text(&el);
                }
            }
        });
    };

    view! {
        <section class="cite-panel" aria-labelledby="cite-heading" data-testid="cite-panel">
            <h2 id="cite-heading">{move || W::CiteHeading.get(lang.get())}</h2>
            <p class="hint">{move || W::CiteIntro.get(lang.get())}</p>
            <Transition fallback=move || view! { <p aria-busy="true">{W::CiteLoading.get(lang.get_untracked())}</p> }>
                {move || Suspend::new(async move {
                    match apa.await {
                        Err(e) => view! { <p class="notice" role="status" data-testid="cite-error">{e.to_string()}</p> }.into_any(),
                        Ok(text) => view! {
                            <p node_ref=text_el class="citation" data-testid="cite-apa">{text}</p>
                            <div class="embed-actions">
                                <button type="button" data-testid="cite-copy" on:click=copy>{move || W::CiteCopy.get(lang.get())}</button>
                                <span role="status" aria-live="polite" data-testid="cite-copy-status">
                                    {move || match copied.get() {
                                        Copied::NotYet => "",
                                        Copied::Done => W::CiteCopied.get(lang.get()),
                                        Copied::Refused => W::CiteRefused.get(lang.get()),
                                    }}
                                </span>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
            <p>{move || W::CiteDownload.get(lang.get())}</p>
            <ul class="export-links">
                {FILES.into_iter().map(|(format, label, testid)| view! {
                    <li><a class="button" href=move || cite_href(&id.get_value(), &query.get(), format) download="" data-testid=testid>
                        {move || label.get(lang.get())}
                    </a></li>
                }).collect_view()}
            </ul>
        </section>
    }
}
