//! "Download": the chart as PNG or SVG at a chosen size, the data it shows
//! as CSV, and the whole dataset as CSV. Each button is a plain link to the
//! HTTP export of the current chart state, so the file from the page is
//! byte for byte the file a script gets from the API with the same address,
//! and it carries the title, notes, source, caveats and permalink.

use evidence::chart::sizes::Preset;
use evidence::model::{Lang, Tone};
use evidence::state::{ChartState, STATE_VERSION, percent_encode};
use leptos::prelude::*;

use evidence::words::W;

use crate::i18n::use_lang;

/// The API address of one export of `state`.
fn export_href(dataset_id: &str, file: &str, query: &str) -> String {
    format!("/api/v1/datasets/{}/{file}?{query}", percent_encode(dataset_id))
}

/// data.csv takes only the wording of its header block, and the data
/// release a pinned page shows.
fn data_query(state: &ChartState) -> String {
    let mut q = format!("v={STATE_VERSION}");
    if state.tone != Tone::default() {
        q.push_str(&format!("&tone={}", state.tone.code()));
    }
    if state.lang != Lang::default() {
        q.push_str(&format!("&lang={}", state.lang.code()));
    }
    if let Some(release) = &state.release {
        q.push_str(&format!("&release={release}"));
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_dataset_csv_keeps_wording_and_a_pinned_release_only() {
        let (state, _) = ChartState::from_query("v=1&chart=map&geo=KEN&tone=technical&lang=fr&release=2026.11.0");
        assert_eq!(data_query(&state), "v=1&tone=technical&lang=fr&release=2026.11.0");
        let (current, _) = ChartState::from_query("v=1&chart=bar");
        assert_eq!(data_query(&current), "v=1");
    }
}

#[component]
pub fn ExportPanel(dataset_id: String, #[prop(into)] state: Signal<ChartState>) -> impl IntoView {
    let lang = use_lang();
    let preset = RwSignal::new(Preset::Report);
    let retina = RwSignal::new(false);
    let id = StoredValue::new(dataset_id);
    let image_query = move || format!("{}&preset={}", state.get().to_query(), preset.get().code());
    let png = move || {
        let scale = if retina.get() { "&scale=2" } else { "" };
        export_href(&id.get_value(), "chart.png", &format!("{}{scale}", image_query()))
    };
    let svg = move || export_href(&id.get_value(), "chart.svg", &image_query());
    let chart_csv = move || export_href(&id.get_value(), "chart.csv", &state.get().to_query());
    let data_csv = move || export_href(&id.get_value(), "data.csv", &data_query(&state.get()));

    view! {
        <section class="export-panel" aria-labelledby="export-heading" data-testid="export-panel">
            <h2 id="export-heading">{move || W::ExportHeading.get(lang.get())}</h2>
            <p class="hint">{move || W::ExportIntro.get(lang.get())}</p>
            <div class="controls">
                <div class="field">
                    <label for="export-preset">{move || W::ExportSize.get(lang.get())}</label>
                    <select id="export-preset" data-testid="export-preset" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(p) = Preset::ALL.into_iter().find(|p| p.code() == code) {
                            preset.set(p);
                        }
                    }>
                        {Preset::ALL.into_iter().map(|p| view! {
                            <option value=p.code() selected=move || preset.get() == p>{move || p.label(lang.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field field-inline">
                    <label>
                        <input type="checkbox" data-testid="export-retina" prop:checked=move || retina.get()
                            on:change=move |ev| retina.set(event_target_checked(&ev))/>
                        " " {move || W::ExportHighResolution.get(lang.get())}
                    </label>
                </div>
            </div>
            <ul class="export-links">
                <li><a class="button" href=png download="" data-testid="export-png">{move || W::ExportPng.get(lang.get())}</a></li>
                <li><a class="button" href=svg download="" data-testid="export-svg">{move || W::ExportSvg.get(lang.get())}</a></li>
                <li><a class="button" href=chart_csv download="" data-testid="export-csv">{move || W::ExportChartCsv.get(lang.get())}</a></li>
                <li><a class="button" href=data_csv download="" data-testid="export-data-csv">{move || W::ExportDataCsv.get(lang.get())}</a></li>
            </ul>
        </section>
    }
}
