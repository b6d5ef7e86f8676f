//! The server sends a chart page with the chart and its caveats already
//! drawn (server/src/first_paint.rs), and style/main.css hides the app
//! behind that first paint. The app takes over by removing it once its own
//! chart, or its error, is in the page: [`HandOver`] goes where those are.

use leptos::prelude::*;

/// The id of the server's first paint (server/src/first_paint.rs).
const FIRST_PAINT_ID: &str = "first-paint";

/// Removes the server's first paint, which shows the app hidden under it.
pub fn hand_over() {
    if let Some(first_paint) = document().get_element_by_id(FIRST_PAINT_ID) {
        first_paint.remove();
    }
}

/// Renders nothing; once it is in the page (effects run after the render
/// that created them), the app's page replaces the first paint.
#[component]
pub fn HandOver() -> impl IntoView {
    Effect::new(move |_| hand_over());
}
