//! "Annotate this chart": a custom title and subtitle, notes pinned to a
//! period (and optionally a place), a highlighted span of years. All of it
//! is chart state, so it lives in the URL: an annotated chart is a link, and
//! every export of that link carries the same words.
//!
//! Native inputs and selects with labels; text is committed on `change`
//! (Enter or leaving the field), notes are added by submitting a form, so
//! the keyboard alone does everything. The limits are the state's own
//! (evidence::state), shown as live counters; the text is shown by Leptos
//! as text, never as markup.

use evidence::model::Lang;
use evidence::words::W;
use evidence::period::Period;
use evidence::state::{ChartState, MAX_NOTE_CHARS, MAX_NOTES, MAX_SUBTITLE_CHARS, MAX_TITLE_CHARS, Note, clean_text};
use leptos::prelude::*;

use crate::components::chart::multi_select::Choice;

/// A title or subtitle field with its live character count.
#[component]
fn TextField(
    id: &'static str,
    label: W,
    max: usize,
    #[prop(into)] value: Signal<Option<String>>,
    on_commit: Callback<Option<String>>,
    #[prop(into)] lang: Signal<Lang>,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    // The count follows the state when it changes from elsewhere (back,
    // forward, a pasted link).
    Effect::new(move |_| draft.set(value.get().unwrap_or_default()));
    let count_id = format!("{id}-count");
    view! {
        <div class="field annotation-field">
            <label for=id>{move || label.get(lang.get())}</label>
            <input id=id type="text" data-testid=id maxlength=max.to_string() autocomplete="off"
                aria-describedby=count_id.clone()
                prop:value=move || value.get().unwrap_or_default()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:change=move |ev| {
                    let text = clean_text(&event_target_value(&ev), max);
                    on_commit.run((!text.is_empty()).then_some(text));
                }/>
            <span id=count_id class="char-count" data-testid=format!("{id}-count")>
                {move || W::AnnotCharacters.count(lang.get(), draft.get().chars().count() as f64, &[("max", &max.to_string())])}
            </span>
        </div>
    }
}

#[component]
pub fn AnnotationEditor(
    #[prop(into)] state: Signal<ChartState>,
    set_state: Callback<ChartState>,
    /// The periods of the dataset, oldest first.
    periods: Vec<Period>,
    /// The places a note may be pinned to.
    places: Vec<Choice>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let update = move |f: &dyn Fn(&mut ChartState)| {
        let mut s = state.get_untracked();
        f(&mut s);
        set_state.run(s);
    };
    let first_year = periods.iter().map(|p| p.start_year()).min().unwrap_or(0);
    let last_year = periods.iter().map(|p| p.end_year()).max().unwrap_or(0);
    let years: Vec<i32> = (first_year..=last_year).collect();
    let latest = periods.last().copied();

    // The note being written.
    let note_period = RwSignal::new(latest.map(|p| p.to_string()).unwrap_or_default());
    let note_geo = RwSignal::new(String::new());
    let note_text = RwSignal::new(String::new());
    let note_error = RwSignal::new(None::<W>);
    let text_input = NodeRef::<leptos::html::Input>::new();

    let add_note = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = clean_text(&note_text.get_untracked(), MAX_NOTE_CHARS);
        let Ok(period) = note_period.get_untracked().parse::<Period>() else { return };
        if text.is_empty() {
            note_error.set(Some(W::AnnotEmptyNote));
            if let Some(el) = text_input.get_untracked() {
                let _ = el.focus();
            }
            return;
        }
        if state.get_untracked().notes.len() >= MAX_NOTES {
            note_error.set(Some(W::AnnotTooManyNotes));
            return;
        }
        note_error.set(None);
        let geo = Some(note_geo.get_untracked()).filter(|g| !g.is_empty());
        update(&|s| s.notes.push(Note { period, geo: geo.clone(), text: text.clone() }));
        note_text.set(String::new());
        if let Some(el) = text_input.get_untracked() {
            el.set_value("");
            let _ = el.focus();
        }
    };
    let place_name = {
        let places = places.clone();
        move |code: &str| places.iter().find(|c| c.value == code).map(|c| c.label.clone()).unwrap_or_else(|| code.to_string())
    };

    let highlight_select = move |id: &'static str, label: W, is_from: bool| {
        let years = years.clone();
        let current = move || state.get().highlight.map(|(a, b)| if is_from { a } else { b });
        view! {
            <div class="field">
                <label for=id>{move || label.get(lang.get())}</label>
                <select id=id data-testid=id on:change=move |ev| {
                    let year = event_target_value(&ev).parse::<i32>().ok();
                    let old = state.get_untracked().highlight;
                    // One end chosen alone highlights that year; ends in the
                    // wrong order are put in order.
                    let span = match (year, old) {
                        (None, _) => None,
                        (Some(y), None) => Some((y, y)),
                        (Some(y), Some((a, b))) => {
                            let (a, b) = if is_from { (y, b) } else { (a, y) };
                            Some((a.min(b), a.max(b)))
                        }
                    };
                    update(&|s| s.highlight = span);
                }>
                    <option value="" selected=move || current().is_none()>{move || W::AnnotNoHighlight.get(lang.get())}</option>
                    {years.into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || current() == Some(y)>{y}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };

    view! {
        <section class="annotation-editor" aria-labelledby="annotate-heading" data-testid="annotation-editor">
            <h2 id="annotate-heading">{move || W::AnnotHeading.get(lang.get())}</h2>
            <p class="hint">{move || W::AnnotIntro.get(lang.get())}</p>
            <div class="controls">
                <TextField id="annot-title" label=W::AnnotTitle max=MAX_TITLE_CHARS lang=lang
                    value=Signal::derive(move || state.get().title)
                    on_commit=Callback::new(move |t: Option<String>| update(&|s| s.title = t.clone()))/>
                <TextField id="annot-subtitle" label=W::AnnotSubtitle max=MAX_SUBTITLE_CHARS lang=lang
                    value=Signal::derive(move || state.get().subtitle)
                    on_commit=Callback::new(move |t: Option<String>| update(&|s| s.subtitle = t.clone()))/>
            </div>
            <fieldset class="annotation-notes">
                <legend>{move || W::AnnotNotes.get(lang.get())}</legend>
                {move || {
                    let notes = state.get().notes;
                    if notes.is_empty() {
                        return view! { <p data-testid="annot-no-notes">{W::AnnotNoNotes.get(lang.get())}</p> }.into_any();
                    }
                    let place_name = place_name.clone();
                    view! {
                        <ol data-testid="annot-notes">
                            {notes.into_iter().enumerate().map(|(i, n)| {
                                let anchor = match &n.geo {
                                    Some(g) => format!("{} {}", place_name(g), n.period.label()),
                                    None => n.period.label(),
                                };
                                view! {
                                    <li data-testid="annot-note">
                                        <span>{anchor} ": " {n.text.clone()}</span> " "
                                        <button type="button" data-testid=format!("annot-remove-{i}")
                                            aria-label=move || W::AnnotRemove.fill(lang.get(), &[("n", &(i + 1).to_string())])
                                            on:click=move |_| update(&|s| { if i < s.notes.len() { s.notes.remove(i); } })>
                                            {move || W::AnnotRemoveButton.get(lang.get())}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                <form class="controls annotation-add" data-testid="annot-add-form" on:submit=add_note>
                    <div class="field">
                        <label for="annot-note-period">{move || W::AnnotPeriod.get(lang.get())}</label>
                        <select id="annot-note-period" data-testid="annot-note-period"
                            on:change=move |ev| note_period.set(event_target_value(&ev))>
                            {periods.iter().rev().map(|p| {
                                let value = p.to_string();
                                let is_default = Some(*p) == latest;
                                view! { <option value=value selected=is_default>{p.label()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    {(!places.is_empty()).then(|| view! {
                        <div class="field">
                            <label for="annot-note-geo">{move || W::AnnotPlace.get(lang.get())}</label>
                            <select id="annot-note-geo" data-testid="annot-note-geo"
                                on:change=move |ev| note_geo.set(event_target_value(&ev))>
                                <option value="" selected=true>{move || W::AnnotWholeChart.get(lang.get())}</option>
                                {places.iter().map(|c| view! { <option value=c.value.clone()>{c.label.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                    })}
                    <div class="field annotation-field">
                        <label for="annot-note-text">{move || W::AnnotNote.get(lang.get())}</label>
                        <input id="annot-note-text" type="text" data-testid="annot-note-text" node_ref=text_input
                            maxlength=MAX_NOTE_CHARS.to_string() autocomplete="off" aria-describedby="annot-note-text-count"
                            on:input=move |ev| note_text.set(event_target_value(&ev))/>
                        <span id="annot-note-text-count" class="char-count" data-testid="annot-note-text-count">
                            {move || W::AnnotCharacters.count(lang.get(), note_text.get().chars().count() as f64, &[("max", &MAX_NOTE_CHARS.to_string())])}
                        </span>
                    </div>
                    <button type="submit" data-testid="annot-add-note"
                        disabled=move || { state.get().notes.len() >= MAX_NOTES }>{move || W::AnnotAddNote.get(lang.get())}</button>
                    <p role="status" aria-live="polite" class="field-error" data-testid="annot-note-status">
                        {move || {
                            let full = state.get().notes.len() >= MAX_NOTES;
                            note_error.get().or(full.then_some(W::AnnotTooManyNotes)).map(|w| w.fill(lang.get(), &[("max", &MAX_NOTES.to_string())]))
                        }}
                    </p>
                </form>
            </fieldset>
            {(last_year > first_year).then(|| view! {
                <fieldset class="year-range annotation-highlight">
                    <legend>{move || W::AnnotHighlight.get(lang.get())}</legend>
                    {highlight_select("annot-hl-from", W::AnnotFrom, true)}
                    {highlight_select("annot-hl-to", W::AnnotTo, false)}
                </fieldset>
            })}
        </section>
    }
}
