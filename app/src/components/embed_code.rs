//! "Embed this chart": the code that puts this chart, as it is now, on
//! another site (an iframe with its caveats, and the script that fits its
//! height), with a Copy button, and the oEmbed address for CMSs. The code
//! is asked of the server's oEmbed endpoint, so the page and oEmbed can
//! never hand out different snippets.

use evidence::model::Lang;
use evidence::state::{ChartState, percent_encode};
use leptos::prelude::*;
use serde::Deserialize;

use crate::api::fetch_json;

/// The part of an oEmbed reply this section shows.
#[derive(Clone, Debug, Deserialize, PartialEq)]
struct OEmbedReply {
    html: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    NotYet,
    Done,
    Refused,
}

#[derive(Clone, Copy)]
enum Word {
    Heading,
    Intro,
    Copy,
    Copied,
    Refused,
    OEmbed,
    Loading,
}

impl Word {
    fn get(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Word::Heading, Lang::En) => "Embed this chart",
            (Word::Heading, Lang::Fr) => "Intégrer ce graphique",
            (Word::Intro, Lang::En) => "Paste this code into a web page. The chart travels with its caveats and source, and fits its height to the page.",
            (Word::Intro, Lang::Fr) => "Collez ce code dans une page web. Le graphique garde ses mises en garde et sa source, et ajuste sa hauteur à la page.",
            (Word::Copy, Lang::En) => "Copy code",
            (Word::Copy, Lang::Fr) => "Copier le code",
            (Word::Copied, Lang::En) => "Copied",
            (Word::Copied, Lang::Fr) => "Copié",
            (Word::Refused, Lang::En) => "The browser refused to copy: the code is selected, press Ctrl+C (⌘C on a Mac).",
            (Word::Refused, Lang::Fr) => "Le navigateur a refusé la copie : le code est sélectionné, appuyez sur Ctrl+C (⌘C sur Mac).",
            (Word::OEmbed, Lang::En) => "oEmbed address, for publishing systems that take one:",
            (Word::OEmbed, Lang::Fr) => "Adresse oEmbed, pour les systèmes de publication qui l'acceptent :",
            (Word::Loading, Lang::En) => "Preparing the code…",
            (Word::Loading, Lang::Fr) => "Préparation du code…",
        }
    }
}

fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

#[component]
pub fn EmbedCode(dataset_id: String, #[prop(into)] state: Signal<ChartState>) -> impl IntoView {
    let lang = Memo::new(move |_| state.get().lang);
    let page_url =
        Memo::new(move |_| format!("{}/datasets/{}?{}", origin(), percent_encode(&dataset_id), state.get().to_query()));
    let oembed_path = move || format!("/oembed?url={}&format=json", percent_encode(&page_url.get()));
    let oembed_url = move || format!("{}{}", origin(), oembed_path());
    let snippet = LocalResource::new(move || {
        let path = oembed_path();
        async move { fetch_json::<OEmbedReply>(&path).await.map(|r| r.html) }
    });
    let (copied, set_copied) = signal(Copied::NotYet);
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    // "Copied" is about the code shown; a new chart state is new code.
    Effect::new(move |_| {
        page_url.track();
        set_copied.set(Copied::NotYet);
    });

    let copy = move |_| {
        let Some(Ok(text)) = snippet.get_untracked() else { return };
        let Some(window) = web_sys::window() else { return };
        let promise = window.navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            if promise.await.is_ok() {
                set_copied.set(Copied::Done);
            } else {
                // Leave the reader one keystroke from done.
                set_copied.set(Copied::Refused);
                if let Some(el) = textarea.get_untracked() {
                    el.select();
                }
            }
        });
    };

    view! {
        <section class="embed-code" aria-labelledby="embed-code-heading" data-testid="embed-code">
            <h2 id="embed-code-heading">{move || Word::Heading.get(lang.get())}</h2>
            <p>{move || Word::Intro.get(lang.get())}</p>
            <Transition fallback=move || view! { <p aria-busy="true">{Word::Loading.get(lang.get_untracked())}</p> }>
                {move || Suspend::new(async move {
                    match snippet.await {
                        Err(e) => view! { <p class="notice" role="status">{e.to_string()}</p> }.into_any(),
                        Ok(html) => view! {
                            <textarea node_ref=textarea readonly rows="4" spellcheck="false" class="embed-snippet"
                                aria-labelledby="embed-code-heading" data-testid="embed-snippet" prop:value=html></textarea>
                            <div class="embed-actions">
                                <button type="button" data-testid="embed-copy" on:click=copy>{move || Word::Copy.get(lang.get())}</button>
                                <span role="status" aria-live="polite" data-testid="embed-copy-status">
                                    {move || match copied.get() {
                                        Copied::NotYet => "",
                                        Copied::Done => Word::Copied.get(lang.get()),
                                        Copied::Refused => Word::Refused.get(lang.get()),
                                    }}
                                </span>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
            <p class="oembed-url">{move || Word::OEmbed.get(lang.get())} " " <code data-testid="oembed-url">{oembed_url}</code></p>
        </section>
    }
}
