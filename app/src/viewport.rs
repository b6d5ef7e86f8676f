//! What the page knows of the reader's screen. The server cannot know it,
//! so it draws for a wide screen with the data table closed, and the
//! browser draws the same while it hydrates (the two must match); once
//! live, the browser measures the screen and the chart and table follow.

use leptos::prelude::*;

/// The media query under which charts are drawn for a narrow screen; the
/// same query in style/main.css gives the chart box the same shape.
pub const NARROW: &str = "(max-width: 37.5em)";

/// The media query above which the caveat panel stands beside the chart
/// (style/main.css, `.chart-and-caveats`). Under it everything is one
/// column, and an open table of 240 rows would push the caveats thousands
/// of pixels down: the table starts closed there, its row count showing.
pub const TWO_COLUMNS: &str = "(min-width: 60rem)";

#[derive(Clone, Copy)]
pub struct Viewport {
    /// A phone-sized screen: charts are drawn at phone size.
    pub narrow: RwSignal<bool>,
    /// Room for the caveat panel beside the chart: tables may start open.
    pub two_columns: RwSignal<bool>,
}

/// Called once in the app; measures after hydration and on resizes.
pub fn provide_viewport() {
    let viewport = Viewport { narrow: RwSignal::new(false), two_columns: RwSignal::new(false) };
    provide_context(viewport);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| {
        // Set only on a change: a signal set to its own value still
        // notifies, and would draw again what hydration just took over.
        let measure = move || {
            for (signal, query) in [(viewport.narrow, NARROW), (viewport.two_columns, TWO_COLUMNS)] {
                let now = matches_media(query);
                if signal.get_untracked() != now {
                    signal.set(now);
                }
            }
        };
        measure();
        let _ = window_event_listener(leptos::ev::resize, move |_| measure());
    });
}

pub fn use_viewport() -> Viewport {
    expect_context::<Viewport>()
}

fn matches_media(query: &str) -> bool {
    window().match_media(query).ok().flatten().is_some_and(|m| m.matches())
}
