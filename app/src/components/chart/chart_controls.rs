//! The settings of the chart page: kind, places, years, period, series and
//! wording. Each change is a new URL (ChartState::to_query), so reload, back
//! and forward reproduce the view. Rendered once per dataset, so focus stays
//! where the reader left it while the chart below is redrawn.

use evidence::period::Period;
use evidence::state::{ChartKind, ChartState};
use leptos::prelude::*;

use crate::components::chart::chart_kind_switch::ChartKindSwitch;
use crate::components::chart::multi_select::{Choice, MultiSelect};
use crate::components::chart::period_select::PeriodSelect;
use crate::components::chart::year_range::YearRange;
use crate::components::layout::tone_switch::ToneSwitch;
use crate::i18n::{t, Msg, use_lang};

#[component]
pub fn ChartControls(
    #[prop(into)] state: Signal<ChartState>,
    set_state: Callback<ChartState>,
    geo_options: Vec<Choice>,
    series_options: Vec<Choice>,
    periods: Vec<Period>,
) -> impl IntoView {
    let lang = use_lang();
    let update = move |f: &dyn Fn(&mut ChartState)| {
        let mut s = state.get_untracked();
        f(&mut s);
        set_state.run(s);
    };
    let first = periods.iter().map(|p| p.start_year()).min().unwrap_or(0);
    let last = periods.iter().map(|p| p.end_year()).max().unwrap_or(0);
    let several_years = last > first;
    let several_periods = periods.len() > 1;
    let single_period_kind = move || matches!(state.get().chart, ChartKind::Bar | ChartKind::Map);
    view! {
        <div class="controls" role="group" aria-label=t(lang, Msg::ChartSettings) data-testid="chart-controls">
            <ChartKindSwitch kind=Signal::derive(move || state.get().chart)
                on_change=Callback::new(move |k| update(&|s| s.chart = k))/>
            <ToneSwitch/>
            {(geo_options.len() > 1).then(|| view! {
                <MultiSelect id="geo" label=Msg::Geographies
                    options=geo_options selected=Signal::derive(move || state.get().geo)
                    none_label=Msg::AllDefault
                    on_change=Callback::new(move |g: Vec<String>| update(&|s| s.geo = g.clone()))/>
            })}
            {(series_options.len() > 1).then(|| view! {
                <MultiSelect id="series" label=Msg::Series
                    options=series_options selected=Signal::derive(move || state.get().series)
                    none_label=Msg::AllSeries
                    on_change=Callback::new(move |v: Vec<String>| update(&|s| s.series = v.clone()))/>
            })}
            {several_years.then(|| view! {
                <YearRange first=first last=last from=Signal::derive(move || state.get().from) to=Signal::derive(move || state.get().to)
                    on_change=Callback::new(move |(f, t): (Option<i32>, Option<i32>)| update(&|s| { s.from = f; s.to = t; }))/>
            })}
            {several_periods.then(|| view! {
                <Show when=single_period_kind>
                    <PeriodSelect periods=periods.clone() value=Signal::derive(move || state.get().period)
                        on_change=Callback::new(move |p| update(&|s| s.period = p))/>
                </Show>
            })}
        </div>
    }
}
