use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Msg, t, use_lang};

/// A failure to load, said plainly in the reader's language (the server's
/// own message where it gave one, e.g. "no dataset 'x'"), with a way to try
/// again.
#[component]
pub fn LoadError(
    error: ApiError,
    #[prop(into)] on_retry: Callback<()>,
    /// The failure is the whole page: its heading is the page's h1.
    #[prop(optional)]
    as_page: bool,
) -> impl IntoView {
    let lang = use_lang();
    let detail = move || match &error {
        ApiError::Network(_) => Msg::ErrNetwork.get(lang.get()).to_string(),
        ApiError::Server { message, .. } => message.clone(),
        ApiError::Decode(_) => Msg::ErrDecode.get(lang.get()).to_string(),
    };
    view! {
        <div class="load-error" role="alert" data-testid="load-error">
            {if as_page {
                view! { <h1>{t(lang, Msg::LoadFailed)}</h1> }.into_any()
            } else {
                view! { <h2>{t(lang, Msg::LoadFailed)}</h2> }.into_any()
            }}
            <p>{detail}</p>
            <button type="button" on:click=move |_| on_retry.run(())>{t(lang, Msg::Retry)}</button>
        </div>
    }
}
