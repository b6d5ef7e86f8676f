use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::use_href;

/// A failure to load, said plainly in the reader's language (the server's
/// own message where it gave one, e.g. "no dataset 'x'"), with a way to try
/// again. What does not exist (a 404: an unknown dataset or place) is said
/// to be not found, in the heading and the document title, with links to
/// the lists instead of a retry that cannot help; the server answers such
/// an address with a 404 status too (server/src/site.rs).
#[component]
pub fn LoadError(
    error: ApiError,
    #[prop(into)] on_retry: Callback<()>,
    /// The failure is the whole page: its heading is the page's h1.
    #[prop(optional)]
    as_page: bool,
) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let not_found = matches!(error, ApiError::Server { status: 404, .. });
    let detail = move || match &error {
        ApiError::Network(_) => Msg::ErrNetwork.get(lang.get()).to_string(),
        ApiError::Server { message, .. } => message.clone(),
        ApiError::Decode(_) => Msg::ErrDecode.get(lang.get()).to_string(),
    };
    let heading = if not_found { Msg::NotFound } else { Msg::LoadFailed };
    if as_page && not_found && !cfg!(feature = "ssr") {
        // After the page's own title effect, which knows no name to give.
        let title = format!("{} — {}", Msg::NotFound.get(lang.get_untracked()), Msg::SiteShortName.get(lang.get_untracked()));
        request_animation_frame(move || document().set_title(&title));
    }
    view! {
        <div class="load-error" role="alert" data-testid="load-error" data-not-found=not_found.then_some("true")>
            {if as_page {
                view! { <h1>{t(lang, heading)}</h1> }.into_any()
            } else {
                view! { <h2>{t(lang, heading)}</h2> }.into_any()
            }}
            <p>{detail}</p>
            {if not_found {
                view! {
                    <p data-testid="not-found-links">{t(lang, Msg::NotFoundLinks)} " "
                        <a href=move || href("/datasets")>{t(lang, Msg::AllDatasetsLower)}</a> " · "
                        <a href=move || href("/coverage")>{t(lang, Msg::AllPlaces)}</a>
                    </p>
                }.into_any()
            } else {
                view! { <button type="button" on:click=move |_| on_retry.run(())>{t(lang, Msg::Retry)}</button> }.into_any()
            }}
        </div>
    }
}
