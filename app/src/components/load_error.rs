use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Msg, t, use_lang};

/// A failure to load, said plainly, with a way to try again.
#[component]
pub fn LoadError(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="load-error" role="alert" data-testid="load-error">
            <h2>{t(lang, Msg::LoadFailed)}</h2>
            <p>{error.to_string()}</p>
            <button type="button" on:click=move |_| on_retry.run(())>{t(lang, Msg::Retry)}</button>
        </div>
    }
}
