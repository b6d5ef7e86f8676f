use evidence::period::Period;
use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};

/// The one period a bar chart or a map shows; empty means the latest.
#[component]
pub fn PeriodSelect(periods: Vec<Period>, #[prop(into)] value: Signal<Option<Period>>, on_change: Callback<Option<Period>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field">
            <label for="period">{t(lang, Msg::Period)}</label>
            <select id="period" data-testid="period" on:change=move |ev| on_change.run(event_target_value(&ev).parse::<Period>().ok())>
                <option value="" selected=move || value.get().is_none()>{t(lang, Msg::Latest)}</option>
                {periods.into_iter().rev().map(|p| view! {
                    <option value=p.to_string() selected=move || value.get() == Some(p)>{p.label()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
