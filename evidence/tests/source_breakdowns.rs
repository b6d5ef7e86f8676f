//! What the publisher gives by group and the series here are not split by
//! (`source_breakdowns`), and an origin known only second-hand
//! (`origin_source`): the words the sheet's provenance and byline carry, in
//! both languages and tones, on the curated package.

use std::collections::HashMap;
use std::path::Path;

use evidence::chart::{Plot, select};
use evidence::model::{Breakdown, Lang, Tone};
use evidence::sheet::{ChartSheet, SheetInput};
use evidence::state::ChartState;

fn package() -> evidence::package::Package {
    evidence::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("the data package is valid")
}

#[test]
fn the_curated_package_declares_only_what_its_sources_record() {
    let pkg = package();
    let declared: Vec<(&str, Vec<Breakdown>)> = pkg
        .datasets
        .iter()
        .filter(|d| !d.meta.source_breakdowns.is_empty())
        .map(|d| (d.meta.id.as_str(), d.meta.source_breakdowns.iter().map(|b| b.breakdown).collect()))
        .collect();
    assert_eq!(
        declared,
        vec![
            ("iwf-reports", vec![Breakdown::Sex]),
            ("inhope-content-urls", vec![Breakdown::Sex, Breakdown::AgeBand]),
            ("uk-sexual-communication-offences", vec![Breakdown::AgeBand]),
        ],
        "a change here needs its record in ../shared/data/SOURCES*.md"
    );
    for d in &pkg.datasets {
        for b in &d.meta.source_breakdowns {
            assert!(d.meta.source(&b.source).is_some(), "{}: {}", d.meta.id, b.source);
            assert!(!d.meta.breakdowns.contains(&b.breakdown), "{}: the figures are not split by it", d.meta.id);
            assert!(b.place.fr.is_some(), "{}: where, in French too", d.meta.id);
        }
    }
}

#[test]
fn the_publishers_groups_are_said_plainly_in_both_languages() {
    let pkg = package();
    let inhope = &pkg.dataset("inhope-content-urls").expect("dataset").meta;
    assert_eq!(
        inhope.source_breakdown_note(Tone::Plain, Lang::En).as_deref(),
        Some("The source also publishes figures by sex and age group; not charted here.")
    );
    assert_eq!(
        inhope.source_breakdown_note(Tone::Plain, Lang::Fr).as_deref(),
        Some("La source publie aussi des chiffres par sexe et tranche d'âge ; ils ne sont pas représentés ici.")
    );
    let technical = inhope.source_breakdown_note(Tone::Technical, Lang::En).expect("technical");
    assert!(technical.contains("sex \u{2014} 2024 annual report") && technical.contains("(INHOPE Annual Report 2024)"), "{technical}");
    assert!(!technical.contains("secondary"), "a primary source: {technical}");
    let fr = inhope.source_breakdown_note(Tone::Technical, Lang::Fr).expect("technical fr");
    assert!(fr.contains("(INHOPE Annual Report 2024) ; tranche d'âge \u{2014} rapport annuel 2024"), "{fr}");
    // The panel still says, plainly, that the charted figures are split by none.
    let notes = inhope.figure_notes(&[], Tone::Plain, Lang::En);
    let absent = notes.iter().position(|n| n.starts_with("Not broken down by sex, age group, disability"));
    let published = notes.iter().position(|n| n.starts_with("The source also publishes"));
    assert!(absent.is_some() && published > absent, "{notes:?}");
    // A dataset whose curated sources record nothing says nothing.
    let totals = &pkg.dataset("ncmec-cybertipline-totals").expect("dataset").meta;
    assert_eq!(totals.source_breakdown_note(Tone::Plain, Lang::En), None);
    assert_eq!(totals.origin_note(Lang::En), None);
    assert_eq!(totals.origin_label(Lang::En), "Reports from online companies");
}

#[test]
fn a_secondary_source_is_said_second_hand() {
    let pkg = package();
    let mut meta = pkg.dataset("uk-sexual-communication-offences").expect("dataset").meta.clone();
    assert!(!meta.source_breakdown_note(Tone::Plain, Lang::En).expect("note").contains("second-hand"));
    meta.sources[0].role = evidence::model::SourceRole::Secondary;
    let plain = meta.source_breakdown_note(Tone::Plain, Lang::En).expect("note");
    assert!(plain.ends_with("(Known from a second-hand account.)"), "{plain}");
    let technical = meta.source_breakdown_note(Tone::Technical, Lang::Fr).expect("note");
    assert!(technical.contains("source secondaire"), "{technical}");
}

#[test]
fn the_brazil_surveys_origin_is_marked_as_known_from_the_news() {
    let pkg = package();
    let brazil = pkg.dataset("dh-phase2-brazil-tf-csea").expect("dataset");
    assert_eq!(brazil.meta.origin_label(Lang::En), "Household survey (per a secondary source)");
    assert_eq!(brazil.meta.origin_label(Lang::Fr), "Enquête auprès des ménages (d'après une source secondaire)");
    let note = brazil.meta.origin_note(Lang::En).expect("note");
    assert!(note.contains("known only from a second-hand account: Folhapress"), "{note}");
    for lang in Lang::ALL {
        for tone in [Tone::Plain, Tone::Technical] {
            let (state, _) = ChartState::from_query(&format!("tone={}&lang={}", tone.code(), lang.code()));
            let names: HashMap<String, String> = pkg.geographies.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect();
            let selection = select(brazil, &state, &pkg.geographies);
            let plot = Plot { meta: &brazil.meta, observations: &selection.observations, geo_names: &names, state: &state, world: None };
            let sheet = ChartSheet::build(&SheetInput {
                plot: &plot,
                years: brazil.years_label(),
                selection_notes: &selection.notes,
                missing_geos: &selection.missing_geos,
                permalink: "https://evidence.example/datasets/dh-phase2-brazil-tf-csea".into(),
                release: Some(&pkg.version),
                others: &pkg.datasets,
                other_titles: &[],
            });
            assert!(sheet.byline.contains(&brazil.meta.origin_label(lang)), "{}: {}", lang.code(), sheet.byline);
            let note = brazil.meta.origin_note(lang).expect("note");
            assert!(sheet.provenance.contains(&note), "{}: {:?}", lang.code(), sheet.provenance);
        }
    }
}

/// The catalogue (API dataset summaries) marks an origin known only
/// second-hand as the byline does, and no other.
#[test]
fn the_catalogue_marks_an_origin_known_second_hand() {
    let pkg = package();
    for d in &pkg.datasets {
        let summary = evidence::api::dataset_summary(d, &pkg);
        assert_eq!(summary.origin_second_hand, d.meta.id == "dh-phase2-brazil-tf-csea", "{}", d.meta.id);
        for lang in Lang::ALL {
            assert_eq!(summary.origin.marked_label(lang, summary.origin_second_hand), d.meta.origin_label(lang), "{}", d.meta.id);
        }
    }
    let brazil = pkg.dataset("dh-phase2-brazil-tf-csea").expect("the Brazil dataset");
    assert_ne!(brazil.meta.origin_label(Lang::En), brazil.meta.origin.label(Lang::En), "marked");
}
