//! The reader's choices that hold across pages — language and wording —
//! read from the URL, never stored elsewhere, and small helpers to link and
//! navigate with them.

use evidence::model::{Lang, Tone};
use evidence::state::param;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::url::{join, set_param, with_prefs};

/// The reader's language and wording, read from the URL once for the whole
/// app (memos: they notify only when the value itself changes) and shared,
/// so no page or component holds its own copy that could outlive it.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: Signal<Lang>,
    pub tone: Signal<Tone>,
}

/// Called once, inside the router, above every page.
pub fn provide_prefs() {
    let query = use_query_map();
    let lang = Memo::new(move |_| query.read().get(param::LANG).and_then(|l| Lang::parse(&l)).unwrap_or_default());
    let tone = Memo::new(move |_| query.read().get(param::TONE).and_then(|t| Tone::parse(&t)).unwrap_or_default());
    provide_context(Prefs { lang: lang.into(), tone: tone.into() });
}

/// The wording chosen in the URL (`tone=technical`), plain by default.
pub fn use_tone() -> Signal<Tone> {
    expect_context::<Prefs>().tone
}

/// Makes internal links that keep the language and the wording.
pub fn use_href() -> impl Fn(&str) -> String + Copy + Send + Sync + 'static {
    let lang = crate::i18n::use_lang();
    let tone = use_tone();
    move |path: &str| with_prefs(path, lang.get(), tone.get())
}

/// Goes to an address without scrolling: for controls that change what a
/// page shows, not which page it is. Pushes a history entry, so back and
/// forward step through the views.
pub fn use_go() -> Callback<String> {
    let navigate = use_navigate();
    Callback::new(move |to: String| navigate(&to, NavigateOptions { scroll: false, ..Default::default() }))
}

/// The current address with one query parameter changed, reactive.
pub fn use_with_param() -> impl Fn(&str, Option<&str>) -> String + Copy + Send + Sync + 'static {
    let location = use_location();
    move |key: &str, value: Option<&str>| join(&location.pathname.get(), &set_param(&location.search.get(), key, value))
}

/// Sets the document title to "<page> — <site>" whenever `page` changes.
pub fn use_page_title(page: impl Fn() -> String + 'static) {
    let lang = crate::i18n::use_lang();
    // Boxed: one Effect type for every page, not one per caller.
    let page: Box<dyn Fn() -> String> = Box::new(page);
    Effect::new(move |_| {
        let site = crate::i18n::Msg::SiteShortName.get(lang.get());
        let page = page();
        let title = if page.is_empty() { site.to_string() } else { format!("{page} — {site}") };
        document().set_title(&title);
    });
}
