//! Line, bar, map or table: links to the same page with `chart=` changed,
//! so that the choice works without JavaScript and can be opened in a new
//! tab; with JavaScript a plain click changes the chart in place. Only the
//! kinds that apply to the dataset are offered (`evidence::chart::kinds`),
//! and the ones left out say why ("No map: this dataset has no figures by
//! country.").

use evidence::chart::{KindChoice, shown_kind};
use evidence::state::ChartKind;
use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};
use crate::prefs::use_with_param;

pub fn kind_msg(kind: ChartKind) -> Msg {
    match kind {
        ChartKind::Line => Msg::Line,
        ChartKind::Bar => Msg::Bar,
        ChartKind::Map => Msg::Map,
        ChartKind::Table => Msg::Table,
    }
}

/// The chart kinds of the dataset shown, each with why it does not apply
/// (`evidence::chart::chart_kinds(&dataset)`), for a page to provide with
/// `provide_context(ChartKinds(...))` when it does not pass them as the
/// switch's `kinds`. Without either, every kind is offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartKinds(pub Vec<KindChoice>);

/// Every kind, none ruled out.
fn all_kinds() -> Vec<KindChoice> {
    ChartKind::ALL.into_iter().map(|kind| KindChoice { kind, unavailable: None }).collect()
}

#[component]
pub fn ChartKindSwitch(
    /// The kind the page's state asks for (a link may ask for one that does
    /// not apply: the kind drawn instead is marked current).
    #[prop(into)]
    kind: Signal<ChartKind>,
    on_change: Callback<ChartKind>,
    /// The dataset's kinds (`evidence::chart::chart_kinds`); else the
    /// [`ChartKinds`] context; else all four.
    #[prop(optional)]
    kinds: Option<Vec<KindChoice>>,
) -> impl IntoView {
    let lang = use_lang();
    let with_param = use_with_param();
    let choices = kinds.or_else(|| use_context::<ChartKinds>().map(|k| k.0)).unwrap_or_else(all_kinds);
    let shown = {
        let choices = choices.clone();
        Memo::new(move |_| shown_kind(&choices, kind.get()))
    };
    let href = move |k: ChartKind| with_param("chart", (k != ChartKind::default()).then(|| k.code()));
    let offered: Vec<ChartKind> = choices.iter().filter(|c| c.unavailable.is_none()).map(|c| c.kind).collect();
    let reasons: Vec<_> = choices.iter().filter_map(|c| c.unavailable.map(|r| (c.kind, r))).collect();
    view! {
        <fieldset class="segmented chart-kinds">
            <legend>{t(lang, Msg::ChartKind)}</legend>
            {offered
                .into_iter()
                .map(|k| view! {
                    <a href=move || href(k) data-testid=format!("chart-{}", k.code())
                        aria-current=move || (shown.get() == k).then_some("true")
                        on:click=move |ev: leptos::ev::MouseEvent| {
                            // A new tab or window is the browser's business.
                            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                                return;
                            }
                            ev.prevent_default();
                            if kind.get_untracked() != k {
                                on_change.run(k);
                            }
                        }>{t(lang, kind_msg(k))}</a>
                })
                .collect_view()}
        </fieldset>
        {(!reasons.is_empty()).then(|| view! {
            <ul class="chart-kinds-unavailable" data-testid="chart-kinds-unavailable">
                {reasons
                    .into_iter()
                    .map(|(k, reason)| view! {
                        <li data-testid=format!("chart-{}-unavailable", k.code())>{move || reason.short(lang.get())}</li>
                    })
                    .collect_view()}
            </ul>
        })}
    }
}
