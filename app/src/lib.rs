//! The CSEA evidence dashboard in the browser: Leptos, client-side
//! rendered. Routes live in `routes/`, one per page; shared pieces in
//! `components/`; all HTTP in `api.rs`; UI strings in `i18n.rs`.

pub mod api;
pub mod components;
pub mod i18n;
pub mod routes;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::site_header::SiteHeader;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <SiteHeader/>
            <main id="content" tabindex="-1">
                <Routes fallback=routes::not_found::NotFound>
                    <Route path=path!("/") view=routes::home::Home/>
                    <Route path=path!("/datasets") view=routes::datasets::DatasetsPage/>
                    <Route path=path!("/datasets/:id") view=routes::dataset::DatasetPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Aggregate figures only, from published sources, each cited. No cookies, no tracking."</p>
            </footer>
        </Router>
    }
}

/// A link to `path` keeping the language of the current page.
pub fn localised_href(path: &str, lang: evidence::model::Lang) -> String {
    match lang {
        evidence::model::Lang::En => path.to_string(),
        evidence::model::Lang::Fr if path.contains('?') => format!("{path}&lang=fr"),
        evidence::model::Lang::Fr => format!("{path}?lang=fr"),
    }
}
