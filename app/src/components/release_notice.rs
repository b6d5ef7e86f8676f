//! The notice of a chart page pinned to a data release (`release=`): which
//! release it shows and which is current, with a link to the current view;
//! or, for a release the server does not hold, the API's own words and the
//! current data below them (never a blank page).

use evidence::model::Lang;
use evidence::words::W;
use leptos::prelude::*;

/// What a pinned link got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pinned {
    /// An earlier release the server holds, shown as it was; `same` says
    /// whether this view's figures are the same now (None: not known).
    Earlier { release: String, current: String, same: Option<bool> },
    /// A release the server does not hold: the API's message.
    Unknown { message: String },
}

/// Its link to the current view loads that page anew (`rel="external"`:
/// the router leaves it to the browser): another release is other data,
/// and redrawing the pinned page in place disposed its settings under the
/// parts still drawing (a wasm panic, not yet traced).
#[component]
pub fn ReleaseNotice(pinned: Pinned, lang: Lang, #[prop(into)] current_href: Signal<String>) -> impl IntoView {
    let (text, testid) = match pinned {
        Pinned::Earlier { release, current, same } => {
            let mut text = W::ReleasePinned.fill(lang, &[("release", &release), ("current", &current)]);
            match same {
                Some(true) => text.push_str(&format!(" {}", W::ReleasePinnedSame.get(lang))),
                Some(false) => text.push_str(&format!(" {}", W::ReleasePinnedChanged.get(lang))),
                None => {}
            }
            (text, "release-pinned")
        }
        Pinned::Unknown { message } => (format!("{} ({message})", W::ReleaseUnknown.get(lang)), "release-unknown"),
    };
    view! {
        <div class="notice" role="status" data-testid=testid>
            <p>
                {text} " "
                <a href=move || current_href.get() rel="external" data-testid="release-current-link">{W::ReleasePinnedLink.get(lang)}</a>
            </p>
        </div>
    }
}
