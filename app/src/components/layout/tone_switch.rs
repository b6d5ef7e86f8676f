//! Plain / technical wording of caveats and definitions. Part of the URL
//! (`tone=technical`) like every other setting, and kept across links.

use evidence::model::Tone;
use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};
use crate::prefs::{use_go, use_tone, use_with_param};

#[component]
pub fn ToneSwitch() -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let go = use_go();
    let with_param = use_with_param();
    view! {
        <fieldset class="segmented tone-switch">
            <legend>{t(lang, Msg::Tone)}</legend>
            {[(Tone::Plain, Msg::Plain), (Tone::Technical, Msg::Technical)]
                .into_iter()
                .map(|(choice, label)| view! {
                    <button type="button" data-testid=format!("tone-{}", choice.code())
                        aria-pressed=move || (tone.get() == choice).to_string()
                        on:click=move |_| {
                            if tone.get_untracked() != choice {
                                go.run(with_param("tone", (choice != Tone::default()).then(|| choice.code())));
                            }
                        }>{t(lang, label)}</button>
                })
                .collect_view()}
        </fieldset>
    }
}
