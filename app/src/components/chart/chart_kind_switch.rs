use evidence::state::ChartKind;
use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};

pub fn kind_msg(kind: ChartKind) -> Msg {
    match kind {
        ChartKind::Line => Msg::Line,
        ChartKind::Bar => Msg::Bar,
        ChartKind::Map => Msg::Map,
        ChartKind::Table => Msg::Table,
    }
}

/// Line, bar, map or table: one pressed button at a time.
#[component]
pub fn ChartKindSwitch(#[prop(into)] kind: Signal<ChartKind>, on_change: Callback<ChartKind>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <fieldset class="segmented">
            <legend>{t(lang, Msg::ChartKind)}</legend>
            {ChartKind::ALL
                .into_iter()
                .map(|k| view! {
                    <button type="button" data-testid=format!("chart-{}", k.code())
                        aria-pressed=move || (kind.get() == k).to_string()
                        on:click=move |_| if kind.get_untracked() != k { on_change.run(k) }>{t(lang, kind_msg(k))}</button>
                })
                .collect_view()}
        </fieldset>
    }
}
