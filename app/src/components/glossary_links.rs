//! Links to the glossary entries of the terms a dataset uses, named in the
//! reader's language (the glossary is loaded once for the whole app).

use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::prefs::use_href;
use crate::use_catalogue;

/// A term id written as words, used until the glossary has loaded.
fn id_as_words(id: &str) -> String {
    id.replace('-', " ")
}

#[component]
pub fn GlossaryLinks(terms: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let glossary = use_catalogue().glossary();
    let name_of = move |id: &str| {
        glossary
            .map(|g| {
                g.as_ref()
                    .ok()
                    .and_then(|g| g.terms.iter().find(|t| t.term.id == id))
                    .map(|t| t.term.term.get(lang.get()).to_string())
            })
            .flatten()
            .unwrap_or_else(|| id_as_words(id))
    };
    view! {
        <ul class="term-links">
            {terms
                .into_iter()
                .map(|id| {
                    let target = format!("/glossary#term-{id}");
                    let id2 = id.clone();
                    view! {
                        <li>
                            <a href=move || href(&target) data-term=id>{move || name_of(&id2)}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
