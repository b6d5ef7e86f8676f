//! The CSEA evidence dashboard's pages: Leptos components rendered to HTML
//! by the server (feature `ssr`) and hydrated in the browser (feature
//! `hydrate`), one tree for both. Routes live in `routes/`, one per page;
//! components in `components/`, by domain; all HTTP in `api.rs`; UI
//! strings in `i18n.rs` (from the word catalogue).
//! Logic that needs no browser (URL editing, comparability warnings,
//! headline rules, coverage cells) is in plain modules tested natively.

pub mod api;
pub mod chart_data;
pub mod compare_warnings;
pub mod components;
pub mod coverage_cells;
pub mod headlines;
pub mod i18n;
pub mod prefs;
pub mod routes;
pub mod text_match;
pub mod theme;
pub mod url;
pub mod viewport;

use evidence::api::{DatasetList, GeoList, Glossary};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use api::ApiError;
use components::layout::site_footer::SiteFooter;
use components::site_header::SiteHeader;

type Loaded<T> = Resource<Result<T, ApiError>>;
type Shared<T> = StoredValue<Option<Loaded<T>>>;

/// What several pages need, each loaded at most once per visit and only when
/// a page first asks for it (a chart page never downloads the catalogue of
/// every dataset): the dataset catalogue, the geographies (names, regions)
/// and the glossary. The loads belong to the app, not to the page that
/// started them, so they outlive it.
///
/// A page asks for what it needs in its component body, before its own
/// resources: resources are matched to the server's data in the order they
/// are made, so that order must not depend on whether a loader ran (the
/// browser does not run the loaders of data the server sent).
#[derive(Clone, Copy)]
pub struct Catalogue {
    owner: StoredValue<Owner>,
    datasets: Shared<DatasetList>,
    geographies: Shared<GeoList>,
    glossary: Shared<Glossary>,
}

impl Catalogue {
    fn new() -> Self {
        let owner = Owner::current().expect("the catalogue is made inside the app");
        Catalogue {
            owner: StoredValue::new(owner),
            datasets: StoredValue::new(None),
            geographies: StoredValue::new(None),
            glossary: StoredValue::new(None),
        }
    }

    fn shared<T, Fut>(&self, slot: Shared<T>, load: fn() -> Fut) -> Loaded<T>
    where
        T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
        Fut: std::future::Future<Output = Result<T, ApiError>> + Send + 'static,
    {
        if let Some(r) = slot.get_value() {
            return r;
        }
        let r = self.owner.with_value(|o| o.with(|| Resource::new(|| (), move |_| load())));
        slot.set_value(Some(r));
        r
    }

    pub fn datasets(&self) -> Loaded<DatasetList> {
        self.shared(self.datasets, api::datasets)
    }

    pub fn geographies(&self) -> Loaded<GeoList> {
        self.shared(self.geographies, api::geographies)
    }

    pub fn glossary(&self) -> Loaded<Glossary> {
        self.shared(self.glossary, api::glossary)
    }
}

pub fn use_catalogue() -> Catalogue {
    expect_context::<Catalogue>()
}

/// The browser's entry point (trunk's loader runs it once the wasm is
/// in): take over the page the server drew, without drawing it again.
///
/// The server names the address it drew the page for; a page drawn for
/// another one (a static host answers every query of a route with one
/// file) is drawn anew for this address instead, since hydrating it
/// would not match.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let drawn_for = document().get_element_by_id(HYDRATION_DATA_ID).and_then(|e| e.get_attribute("data-url"));
    let location = window().location();
    let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if drawn_for.as_deref() == Some(here.as_str()) {
        leptos::mount::hydrate_body(App);
    } else {
        if let Some(body) = document().body() {
            body.set_inner_html("");
        }
        leptos::mount::mount_to_body(App);
    }
}

/// The id of the element holding the data a server-rendered page was drawn
/// with (written by the server's `ssr` module), and its `data-url`.
pub const HYDRATION_DATA_ID: &str = "hydration-data";

#[component]
pub fn App() -> impl IntoView {
    provide_context(Catalogue::new());
    view! {
        <Router>
            <Shell/>
        </Router>
    }
}

/// Everything inside the router: the reader's preferences first, then the
/// page frame around the routes: the site's, or for an embed (a chart in
/// someone else's page) its own minimal one.
#[component]
fn Shell() -> impl IntoView {
    prefs::provide_prefs();
    // An embed is never navigated to from the site, nor away from within
    // its frame (its links open a new tab): its layout is fixed at load.
    if use_location().pathname.get_untracked().starts_with("/embed/") {
        return view! {
            <main class="embed" data-testid="embed">
                <Routes fallback=routes::embed::EmbedNotFound>
                    <Route path=path!("/embed/datasets/:id") view=routes::embed::EmbedPage/>
                </Routes>
            </main>
        }
        .into_any();
    }
    viewport::provide_viewport();
    // Behaviour, not content: called, not rendered (no node to hydrate).
    document_effects();
    scroll_memory();
    view! {
        <SiteHeader/>
        <main id="content" tabindex="-1">
            <PageRoutes/>
        </main>
        <SiteFooter/>
    }
    .into_any()
}

/// The pages. The language is fixed for the life of a document: the
/// language switch loads the page anew (see LanguageSwitch), so texts drawn
/// once stay right.
#[component]
fn PageRoutes() -> impl IntoView {
    view! {
        <Routes fallback=routes::not_found::NotFound>
            <Route path=path!("/") view=routes::home::Home/>
            <Route path=path!("/datasets") view=routes::datasets::DatasetsPage/>
            <Route path=path!("/datasets/:id") view=routes::dataset::DatasetPage/>
            <Route path=path!("/geo/:code") view=routes::geo::GeoPage/>
            <Route path=path!("/compare") view=routes::compare::ComparePage/>
            <Route path=path!("/coverage") view=routes::coverage::CoveragePage/>
            <Route path=path!("/glossary") view=routes::glossary::GlossaryPage/>
            <Route path=path!("/methods") view=routes::methods::MethodsPage/>
            <Route path=path!("/ecosystem") view=routes::ecosystem::EcosystemPage/>
        </Routes>
    }
}

/// Keeps `<html lang>` in step with the chosen language, and moves focus to
/// the main content when the page (not just its query) changes, so keyboard
/// and screen-reader users start reading the new page, not the old link.
fn document_effects() {
    let lang = i18n::use_lang();
    let location = use_location();
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path)
            && location.hash.get_untracked().is_empty()
            && let Some(main) = document().get_element_by_id("content")
            && let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main)
        {
            let _ = main.focus();
        }
        path
    });
    // Effects run in the browser only, after hydration: from here on the
    // page's controls are live (benchmarks and tests wait for this).
    // Marked on the next frame, once what hydration set off (the screen
    // measured, a phone's chart drawn at its size) has been drawn.
    Effect::new(move |_| {
        request_animation_frame(|| {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("data-hydrated", "true");
            }
        });
    });
}

thread_local! {
    /// Where the reader was on each address (path, query and hash), kept
    /// while scrolling, for going back and forth through the history.
    static SCROLL: std::cell::RefCell<std::collections::HashMap<String, f64>> = Default::default();
    /// Bumped by every reader input and every history step, so a restore
    /// in progress stops as soon as the reader moves the page themselves.
    static SCROLL_GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn scroll_key() -> String {
    let l = window().location();
    format!("{}{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default(), l.hash().unwrap_or_default())
}

/// Back (or forward) to a page puts the reader where they were on it, e.g.
/// at the caveat whose glossary link they followed. The browser cannot do
/// it alone: pages are drawn after their data arrives, so at the moment of
/// the history step the page is too short to scroll to the old place.
/// Scrolls towards the saved place on each frame until the page is drawn
/// (no placeholder left) and the place is reached, for at most 4 s.
fn scroll_memory() {
    // The server has no window, and listeners are for the reader's browser.
    if cfg!(feature = "ssr") {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = js_sys::Reflect::set(&history, &"scrollRestoration".into(), &"manual".into());
    }
    let bump = || SCROLL_GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
    let _ = window_event_listener(leptos::ev::scroll, move |_| {
        let y = window().scroll_y().unwrap_or(0.0);
        SCROLL.with(|m| m.borrow_mut().insert(scroll_key(), y));
    });
    let _ = window_event_listener(leptos::ev::wheel, move |_| bump());
    let _ = window_event_listener(leptos::ev::touchstart, move |_| bump());
    let _ = window_event_listener(leptos::ev::keydown, move |_| bump());
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        bump();
        if let Some(y) = SCROLL.with(|m| m.borrow().get(&scroll_key()).copied()) {
            let generation = SCROLL_GENERATION.with(|g| g.get());
            restore_scroll(y, generation, js_sys::Date::now() + 4000.0);
        }
    });
}

fn restore_scroll(y: f64, generation: u32, deadline: f64) {
    request_animation_frame(move || {
        if SCROLL_GENERATION.with(|g| g.get()) != generation || js_sys::Date::now() > deadline {
            return;
        }
        window().scroll_to_with_x_and_y(0.0, y);
        let reached = (window().scroll_y().unwrap_or(0.0) - y).abs() < 2.0;
        let drawn = document().query_selector("[aria-busy=\"true\"]").ok().flatten().is_none();
        if !(reached && drawn) {
            restore_scroll(y, generation, deadline);
        }
    });
}

/// The site's address (scheme, host, port) as the reader sees it: the
/// browser's own, or on the server the public address it is configured
/// with ([`PublicOrigin`]), for permalinks and embed code.
pub fn page_origin() -> String {
    if cfg!(feature = "ssr") {
        use_context::<PublicOrigin>().map(|o| o.0).unwrap_or_default()
    } else {
        web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
    }
}

/// The public address the server renders permalinks with.
#[derive(Clone, Debug)]
pub struct PublicOrigin(pub String);

/// A link to `path` keeping the language of the current page.
pub fn localised_href(path: &str, lang: evidence::model::Lang) -> String {
    url::with_prefs(path, lang, evidence::model::Tone::default())
}
