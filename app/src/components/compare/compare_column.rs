use evidence::api::TermName;
use evidence::model::{Dataset, Geography, Lang, Tone};
use evidence::state::{ChartKind, ChartState};
use leptos::prelude::*;

use crate::components::caveat_panel::CaveatPanel;
use crate::components::chart_view::ChartView;
use crate::i18n::method_msg;
use crate::prefs::use_href;

/// One side of a comparison: the dataset's chart for the chosen places and
/// its caveat panel right under it.
#[component]
pub fn CompareColumn(
    side: &'static str,
    dataset: Dataset,
    /// The glossary terms its indicator uses, with their names.
    terms: Vec<TermName>,
    geographies: Vec<Geography>,
    geo: Vec<String>,
    lang: Lang,
    #[prop(into)] tone: Signal<Tone>,
) -> impl IntoView {
    let href = use_href();
    // A line where there is a trend to see, bars for a single period.
    let chart = if dataset.periods().len() > 1 { ChartKind::Line } else { ChartKind::Bar };
    let state = ChartState { chart, geo: geo.clone(), tone: tone.get_untracked(), lang, ..Default::default() };
    let meta = dataset.meta.clone();
    let heading_id = format!("compare-{side}");
    let labelled_by = heading_id.clone();
    let chart_target = format!("/datasets/{}?{}", meta.id, ChartState { lang: Lang::En, ..state.clone() }.to_query());
    view! {
        <section class="compare-column" aria-labelledby=labelled_by data-testid=format!("compare-{side}")>
            <h2 id=heading_id><a href=move || href(&chart_target)>{meta.title.get(lang).to_string()}</a></h2>
            <p class="meta">{format!("{} · {}", meta.publisher, method_msg(meta.coverage.method).get(lang))}</p>
            <ChartView dataset=dataset geographies=geographies state=state world=None table_closed=true/>
            <CaveatPanel caveats=meta.caveats.clone() tone=tone lang=Signal::stored(lang)
                definition=meta.indicator.definition.clone() population=meta.coverage.population.clone()
                terms=terms heading_level=3 id_suffix=side/>
        </section>
    }
}
