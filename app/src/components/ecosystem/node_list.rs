//! The diagram as a list: each path data take, each holder on it (sector,
//! what it holds, the datasets of this dashboard that come from it, with
//! links) and where its data go. Everything the diagram shows is here.

use evidence::ecosystem::EcosystemView;
use evidence::words::W;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::prefs::{use_href, use_tone};

#[component]
pub fn EcosystemList(view: EcosystemView) -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let href = use_href();
    let eco = view.ecosystem();
    let lanes = eco
        .lanes
        .iter()
        .map(|lane| {
            let lane_name = lane.name.clone();
            let nodes = eco
                .lane_nodes(&lane.id)
                .into_iter()
                .map(|node| {
                    let node = node.clone();
                    let name = node.name.clone();
                    let holds = node.holds.clone();
                    let sector = node.sector;
                    let datasets: Vec<_> = view.datasets.iter().filter(|d| d.node == node.id).cloned().collect();
                    let dataset_list = if datasets.is_empty() {
                        view! { <p class="muted">{move || W::EcoNoDatasets.get(lang.get())}</p> }.into_any()
                    } else {
                        let items = datasets
                            .into_iter()
                            .map(|d| {
                                let path = format!("/datasets/{}", d.id);
                                let title = d.title.clone();
                                view! { <li><a href=move || href(&path)>{move || title.get(lang.get()).to_string()}</a></li> }
                            })
                            .collect_view();
                        view! {
                            <p class="eco-datasets-label">{move || W::EcoDatasetsHere.get(lang.get())}</p>
                            <ul>{items}</ul>
                        }
                        .into_any()
                    };
                    let flows: Vec<_> = eco.flows_from(&node.id).cloned().collect();
                    let flow_list = if flows.is_empty() {
                        None
                    } else {
                        let items = flows
                            .into_iter()
                            .map(|f| {
                                let target = eco.node(&f.to).map(|n| n.name.clone()).unwrap_or_default();
                                let anchor = format!("#node-{}", f.to);
                                let label = f.label.clone();
                                let no_public = !f.public_data;
                                view! {
                                    <li>
                                        <a href=anchor target="_self">{move || target.get(lang.get()).to_string()}</a>
                                        ": " {move || label.get(lang.get()).to_string()}
                                        {no_public.then(|| view! { " (" <em>{move || W::EcoNoPublicData.get(lang.get())}</em> ")" })}
                                    </li>
                                }
                            })
                            .collect_view();
                        Some(view! {
                            <p class="eco-flows-label">{move || W::EcoFlowsOut.get(lang.get())}</p>
                            <ul>{items}</ul>
                        })
                    };
                    view! {
                        <li id=format!("node-{}", node.id) class="eco-node" tabindex="-1">
                            <h4>{move || name.get(lang.get()).to_string()}</h4>
                            <p class="eco-sector">
                                {move || W::EcoSector.get(lang.get())} ": "
                                {move || sector.map(|s| s.label(lang.get())).unwrap_or(W::EcoNoSector.get(lang.get()))}
                            </p>
                            <p>{move || holds.get(tone.get(), lang.get()).to_string()}</p>
                            {dataset_list}
                            {flow_list}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="eco-lane">
                    <h3>{move || lane_name.get(lang.get()).to_string()}</h3>
                    <ol class="eco-nodes">{nodes}</ol>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="eco-lanes">{lanes}</ul> }
}
