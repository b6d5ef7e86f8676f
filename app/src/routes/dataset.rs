//! `/datasets/{id}?<chart state>`: the chart page. Header, controls, the
//! chart with its caveat panel beside it, the data table and the sources.
//! Everything the user sets lives in the URL query.

use evidence::chart::WorldMap;
use evidence::model::{Dataset, Tone};
use evidence::state::{ChartKind, ChartState};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};

use crate::api::{self, ApiError};
use crate::components::caveat_panel::CaveatPanel;
use crate::components::chart_view::ChartView;
use crate::components::load_error::LoadError;
use crate::i18n::{Msg, t, use_lang};

#[derive(Clone)]
struct PageData {
    dataset: Dataset,
    geographies: Vec<evidence::model::Geography>,
    world: Option<WorldMap>,
}

async fn load(id: String, want_map: bool) -> Result<PageData, ApiError> {
    let detail = api::dataset(&id).await?;
    let obs = api::observations(&id).await?;
    let geos = api::geographies().await?;
    let world = if want_map { Some(api::world_map().await?) } else { None };
    Ok(PageData {
        dataset: Dataset { meta: detail.meta, observations: obs.observations },
        geographies: geos.geographies,
        world,
    })
}

#[component]
pub fn DatasetPage() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let lang = use_lang();
    let id = move || params.read().get("id").unwrap_or_default();
    let parsed = Memo::new(move |_| ChartState::from_query(&location.search.get()));
    let state = Memo::new(move |_| parsed.get().0);
    let warnings = Memo::new(move |_| parsed.get().1);
    let want_map = Memo::new(move |_| state.get().chart == ChartKind::Map);
    let data = LocalResource::new(move || load(id(), want_map.get()));

    let navigate = use_navigate();
    let set_state = move |new_state: ChartState| {
        navigate(&format!("/datasets/{}?{}", id(), new_state.to_query()), Default::default());
    };
    let set_chart = {
        let set_state = set_state.clone();
        move |kind: ChartKind| {
            let mut s = state.get_untracked();
            s.chart = kind;
            set_state(s);
        }
    };
    let set_tone = {
        let set_state = set_state.clone();
        move |tone: Tone| {
            let mut s = state.get_untracked();
            s.tone = tone;
            set_state(s);
        }
    };

    view! {
        {move || (!warnings.get().is_empty()).then(|| view! {
            <div class="notice" role="status" data-testid="state-warnings">
                <p>{t(lang, Msg::BadParams)} ":"</p>
                <ul>{warnings.get().into_iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}</ul>
            </div>
        })}
        <div class="controls" role="group" aria-label="Chart settings">
            <fieldset class="segmented">
                <legend>{t(lang, Msg::ChartKind)}</legend>
                {ChartKind::ALL.into_iter().map(|kind| {
                    let set_chart = set_chart.clone();
                    let label = match kind {
                        ChartKind::Line => Msg::Line,
                        ChartKind::Bar => Msg::Bar,
                        ChartKind::Map => Msg::Map,
                        ChartKind::Table => Msg::Table,
                    };
                    view! {
                        <button type="button" data-testid=format!("chart-{}", kind.code())
                            aria-pressed=move || (state.get().chart == kind).to_string()
                            on:click=move |_| set_chart(kind)>{t(lang, label)}</button>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="segmented">
                <legend>{t(lang, Msg::Tone)}</legend>
                {[(Tone::Plain, Msg::Plain), (Tone::Technical, Msg::Technical)].into_iter().map(|(tone, label)| {
                    let set_tone = set_tone.clone();
                    view! {
                        <button type="button" data-testid=format!("tone-{}", tone.code())
                            aria-pressed=move || (state.get().tone == tone).to_string()
                            on:click=move |_| set_tone(tone)>{t(lang, label)}</button>
                    }
                }).collect_view()}
            </fieldset>
        </div>
        <Transition fallback=move || view! { <div class="chart-skeleton" aria-busy="true">{t(lang, Msg::Loading)}</div> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| data.refetch()/> }.into_any(),
                    Ok(PageData { dataset, geographies, world }) => {
                        let s = state.get();
                        let l = s.lang;
                        let title = s.title.clone().unwrap_or_else(|| dataset.meta.title.get(l).to_string());
                        let caveats = dataset.meta.caveats.clone();
                        let sources = dataset.meta.sources.clone();
                        let publisher = dataset.meta.publisher.clone();
                        let subtitle = format!("{} — {}", dataset.meta.indicator.name.get(l), dataset.meta.indicator.unit_label.get(l));
                        view! {
                            <article class="chart-page">
                                <header class="chart-header">
                                    <h1 data-testid="chart-title">{title}</h1>
                                    <p class="subtitle">{subtitle}</p>
                                </header>
                                <div class="chart-and-caveats">
                                    <div class="chart-column">
                                        <ChartView dataset=dataset geographies=geographies state=s.clone() world=world/>
                                    </div>
                                    <CaveatPanel caveats=caveats tone=Signal::derive(move || state.get().tone) lang=lang/>
                                </div>
                                <footer class="chart-footer">
                                    <h2>{t(lang, Msg::Sources)}</h2>
                                    <p>{publisher}</p>
                                    <ul class="sources">
                                        {sources.into_iter().map(|src| view! {
                                            <li><a href=src.url.clone() rel="noopener noreferrer">{src.title.clone()}</a>
                                                {src.locator.clone().map(|l| format!(", {l}"))}</li>
                                        }).collect_view()}
                                    </ul>
                                </footer>
                            </article>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
