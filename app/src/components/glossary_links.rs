//! Links to the glossary entries of the terms a dataset uses, named in the
//! reader's language (the names come with the dataset, so a chart page does
//! not load the whole glossary for them).

use evidence::api::TermName;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::prefs::use_href;

#[component]
pub fn GlossaryLinks(terms: Vec<TermName>) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    view! {
        <ul class="term-links">
            {terms
                .into_iter()
                .map(|t| {
                    let target = format!("/glossary#term-{}", t.id);
                    view! {
                        <li>
                            <a href=move || href(&target) data-term=t.id>{move || t.term.get(lang.get()).to_string()}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
