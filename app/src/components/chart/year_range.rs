use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};

/// From / to years, each a native select (keyboard and screen-reader
/// friendly everywhere); the empty choice means "from the first" / "to the
/// last" year with figures.
#[component]
pub fn YearRange(
    first: i32,
    last: i32,
    #[prop(into)] from: Signal<Option<i32>>,
    #[prop(into)] to: Signal<Option<i32>>,
    on_change: Callback<(Option<i32>, Option<i32>)>,
) -> impl IntoView {
    let lang = use_lang();
    let years: Vec<i32> = (first..=last).collect();
    let select = move |id: &'static str, label: Msg, value: Signal<Option<i32>>, is_from: bool| {
        let years = years.clone();
        view! {
            <div class="field">
                <label for=id>{t(lang, label)}</label>
                <select id=id data-testid=id on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<i32>().ok();
                    let (f, t) = (from.get_untracked(), to.get_untracked());
                    on_change.run(if is_from { (v, t) } else { (f, v) });
                }>
                    <option value="" selected=move || value.get().is_none()>
                        {move || if is_from { Msg::FirstYear.get(lang.get()) } else { Msg::LastYear.get(lang.get()) }}
                    </option>
                    {years.into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || value.get() == Some(y)>{y}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="year-range">
            <legend>{t(lang, Msg::Years)}</legend>
            {select("year-from", Msg::From, from, true)}
            {select("year-to", Msg::To, to, false)}
        </fieldset>
    }
}
