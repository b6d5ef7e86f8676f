//! English / Français: the same page in the other language. The choice is a
//! query parameter (`lang=fr`), so it survives reloads and shared links, and
//! every internal link carries it on. Switching loads the page afresh
//! (`rel="external"`: the router leaves the click to the browser), so a page
//! never has to redraw its texts in place and no view outlives its data.

use evidence::model::Lang;
use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};
use crate::prefs::use_with_param;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let with_param = use_with_param();
    let href = move |l: Lang| with_param("lang", (l != Lang::default()).then(|| l.code()));
    view! {
        <nav class="lang-switch" aria-label=t(lang, Msg::Language)>
            <ul>
                {[(Lang::En, "English"), (Lang::Fr, "Français")]
                    .into_iter()
                    .map(|(l, name)| view! {
                        <li>
                            <a href=move || href(l) lang=l.code() hreflang=l.code() rel="external"
                                data-testid=format!("lang-{}", l.code())
                                aria-current=move || (lang.get() == l).then_some("true")>{name}</a>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
