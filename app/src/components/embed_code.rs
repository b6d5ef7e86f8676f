//! "Embed this chart": the code that puts this chart, as it is now, on
//! another site (an iframe with its caveats, and the script that fits its
//! height), with a Copy button, and the oEmbed address for CMSs. The code
//! is asked of the server's oEmbed endpoint, so the page and oEmbed can
//! never hand out different snippets.

use evidence::state::{ChartState, percent_encode};
use evidence::words::W;
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

fn origin() -> String {
    crate::page_origin()
}

#[component]
pub fn EmbedCode(dataset_id: String, #[prop(into)] state: Signal<ChartState>) -> impl IntoView {
    let lang = Memo::new(move |_| state.get().lang);
    let page_url =
        Memo::new(move |_| format!("{}/datasets/{}?{}", origin(), percent_encode(&dataset_id), state.get().to_query()));
    let oembed_path = move || format!("/oembed?url={}&format=json", percent_encode(&page_url.get()));
    let oembed_url = move || format!("{}{}", origin(), oembed_path());
    // Rendered by the server with the page, like the citation.
    let snippet = Resource::new(oembed_path, |path| {
        let reply = fetch_json::<OEmbedReply>(path);
        async move { reply.await.map(|r| r.html) }
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
            <h2 id="embed-code-heading">{move || W::EmbedHeading.get(lang.get())}</h2>
            <p>{move || W::EmbedIntro.get(lang.get())}</p>
            <Transition fallback=move || view! { <p aria-busy="true">{W::EmbedLoading.get(lang.get_untracked())}</p> }>
                {move || Suspend::new(async move {
                    match snippet.await {
                        Err(e) => view! { <p class="notice" role="status">{e.to_string()}</p> }.into_any(),
                        Ok(html) => view! {
                            <textarea node_ref=textarea readonly rows="4" spellcheck="false" class="embed-snippet"
                                aria-labelledby="embed-code-heading" data-testid="embed-snippet" prop:value=html></textarea>
                            <div class="embed-actions">
                                <button type="button" data-testid="embed-copy" on:click=copy>{move || W::EmbedCopy.get(lang.get())}</button>
                                <span role="status" aria-live="polite" data-testid="embed-copy-status">
                                    {move || match copied.get() {
                                        Copied::NotYet => "",
                                        Copied::Done => W::EmbedCopied.get(lang.get()),
                                        Copied::Refused => W::EmbedRefused.get(lang.get()),
                                    }}
                                </span>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
            <p class="oembed-url">{move || W::EmbedOembed.get(lang.get())} " " <code data-testid="oembed-url">{oembed_url}</code></p>
        </section>
    }
}
