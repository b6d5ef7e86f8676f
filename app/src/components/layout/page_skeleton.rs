use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};

/// Space held for content that is loading, so nothing jumps when it comes.
/// `kind` picks the reserved shape (see style/main.css `.skeleton-*`).
#[component]
pub fn PageSkeleton(#[prop(into)] kind: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class=format!("skeleton skeleton-{kind}") aria-busy="true" data-testid="skeleton">
            <span class="skeleton-label">{t(lang, Msg::Loading)}</span>
        </div>
    }
}
