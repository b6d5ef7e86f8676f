//! Choose several items from a long list (places, series): the choice shown
//! as removable chips, a search over names, native checkboxes. Only the
//! Space, Tab and Enter keys are needed; nothing is drag or hover only.

use leptos::prelude::*;

use crate::i18n::{t, Msg, use_lang};
use crate::text_match::matches;

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[component]
pub fn MultiSelect(
    /// Prefix of element ids and test ids, unique on the page.
    id: &'static str,
    label: Msg,
    options: Vec<Choice>,
    #[prop(into)] selected: Signal<Vec<String>>,
    /// What an empty choice means, e.g. "largest values (default)".
    none_label: Msg,
    on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let options = StoredValue::new(options);
    let label_of = move |v: &str| options.with_value(|o| o.iter().find(|c| c.value == v).map(|c| c.label.clone())).unwrap_or_else(|| v.to_string());
    let toggle = move |v: String, on: bool| {
        let mut s = selected.get_untracked();
        s.retain(|x| *x != v);
        if on {
            s.push(v);
        }
        on_change.run(s);
    };
    let filtered = Memo::new(move |_| {
        let q = query.get();
        options.with_value(|o| o.iter().filter(|c| matches(&q, &c.label, &c.value)).cloned().collect::<Vec<_>>())
    });
    let panel_id = format!("{id}-panel");
    let search_id = format!("{id}-search");
    let label_id = format!("{id}-label");
    view! {
        <div class="multi-select" data-testid=format!("{id}-picker")>
            <span class="control-label" id=label_id.clone()>{t(lang, label)}</span>
            <ul class="chips" aria-labelledby=label_id data-testid=format!("{id}-chosen")>
                {move || {
                    let chosen = selected.get();
                    if chosen.is_empty() {
                        view! { <li class="chip-none">{t(lang, none_label)}</li> }.into_any()
                    } else {
                        chosen.into_iter().map(|v| {
                            let name = label_of(&v);
                            let aria = format!("{} {name}", Msg::Remove.get(lang.get_untracked()));
                            view! {
                                <li>
                                    <button type="button" class="chip" aria-label=aria on:click=move |_| toggle(v.clone(), false)>
                                        {name} <span aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }).collect_view().into_any()
                    }
                }}
            </ul>
            <button type="button" class="disclosure" aria-expanded=move || open.get().to_string() aria-controls=panel_id.clone()
                data-testid=format!("{id}-toggle") on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { Msg::DoneChoosing.get(lang.get()) } else { Msg::Choose.get(lang.get()) }}
            </button>
            <div id=panel_id class="multi-select-panel" hidden=move || !open.get()>
                <label for=search_id.clone()>{t(lang, Msg::SearchNames)}</label>
                <input id=search_id type="search" autocomplete="off" data-testid=format!("{id}-search")
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                <p class="match-count" aria-live="polite">
                    {move || Msg::Matches.fill(lang.get(), &[&filtered.with(|f| f.len()).to_string()])}
                </p>
                <ul class="options" data-testid=format!("{id}-options")>
                    {move || filtered.get().into_iter().map(|c| {
                        let v = c.value.clone();
                        let v2 = c.value.clone();
                        view! {
                            <li>
                                <label>
                                    <input type="checkbox" value=c.value.clone()
                                        prop:checked=move || selected.with(|s| s.contains(&v))
                                        on:change=move |ev| toggle(v2.clone(), event_target_checked(&ev))/>
                                    " " {c.label}
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" data-testid=format!("{id}-clear") on:click=move |_| on_change.run(Vec::new())>
                    {t(lang, Msg::ClearChoice)}
                </button>
            </div>
        </div>
    }
}
