use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};

/// The chart page's shape while its data loads: title, controls, the chart
/// area (same ratio as the chart) and the caveat panel beside it, so the
/// page does not jump when they arrive.
#[component]
pub fn ChartPageSkeleton() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="chart-page-skeleton" aria-busy="true" data-testid="skeleton">
            <span class="visually-hidden">{t(lang, Msg::Loading)}</span>
            <div class="sk sk-title"></div>
            <div class="sk sk-line"></div>
            <div class="sk sk-line sk-short"></div>
            <div class="sk sk-controls"></div>
            <div class="chart-and-caveats">
                <div class="chart-column"><div class="sk skeleton-chart"></div></div>
                <div class="sk sk-caveats"></div>
            </div>
        </div>
    }
}
