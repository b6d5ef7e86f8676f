//! Provenance grades, series breaks, breakdowns and selections, on the
//! curated package and on the functions the caveat panel and the charts use.

use evidence::{Breakdown, Grade, Lang, Period, Tone};

fn package() -> evidence::Package {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    evidence::load_dir(&dir).unwrap_or_else(|e| panic!("data/ must validate:\n{e}"))
}

fn years(ys: &[i32]) -> Vec<Period> {
    ys.iter().map(|&y| Period::Year(y)).collect()
}

#[test]
fn every_ncmec_figure_from_2024_is_secondary_or_computed_and_cites_a_secondary_source() {
    let pkg = package();
    let mut seen = 0;
    for d in pkg.datasets.iter().filter(|d| d.meta.id.starts_with("ncmec-cybertipline") && d.meta.id != "ncmec-cybertipline-half-year") {
        for o in d.observations.iter().filter(|o| o.period.start_year() >= 2024) {
            seen += 1;
            assert_ne!(o.grade, Grade::Verbatim, "{} {:?}", d.meta.id, o);
            let src = d.meta.source(&o.source_ref).expect("source exists");
            assert_eq!(src.role, evidence::SourceRole::Secondary, "{} {}", d.meta.id, o.source_ref);
        }
    }
    // totals 2024-2025, 240 country rows, 8 incident types, 4 file rows, 75 provider rows
    assert!(seen >= 2 + 240 + 8 + 4 + 75, "{seen}");
    // The half-year table is NCMEC's own blog: verbatim.
    let hy = pkg.dataset("ncmec-cybertipline-half-year").unwrap();
    assert_eq!(hy.observations.len(), 10);
    assert!(hy.observations.iter().all(|o| o.grade == Grade::Verbatim && matches!(o.period, Period::Months { .. })));
}

#[test]
fn the_2024_files_total_is_computed_with_its_formula() {
    let pkg = package();
    let files = pkg.dataset("ncmec-cybertipline-files").unwrap();
    let total = files.observations.iter().find(|o| o.series == "Total" && o.period == Period::Year(2024)).unwrap();
    assert_eq!(total.grade, Grade::Computed);
    assert_eq!(total.value, 62992859.0);
    assert!(total.derivation.contains("Images 28004236 + Videos 33130449 + Other 1858174"), "{}", total.derivation);
    let parts: f64 = files
        .observations
        .iter()
        .filter(|o| o.series != "Total" && o.period == Period::Year(2024))
        .map(|o| o.value)
        .sum();
    assert_eq!(parts, total.value);
}

#[test]
fn the_2024_break_is_spanned_only_by_views_across_it() {
    let pkg = package();
    for id in ["ncmec-cybertipline-totals", "ncmec-cybertipline-by-country", "ncmec-cybertipline-incident-types", "ncmec-cybertipline-files", "inhope-content-urls"] {
        let meta = &pkg.dataset(id).unwrap().meta;
        assert_eq!(meta.breaks.len(), 1, "{id}");
        assert_eq!(meta.breaks_within(&years(&[2022, 2023, 2024])).len(), 1, "{id}");
        assert!(meta.breaks_within(&years(&[2021, 2022, 2023])).is_empty(), "{id}");
        assert!(meta.breaks_within(&years(&[2024])).is_empty(), "{id}");
        assert_eq!(meta.break_for(Period::Year(2025)).map(|b| b.period), Some(Period::Year(2024)));
        assert!(meta.break_for(Period::Year(2023)).is_none());
        for lang in Lang::ALL {
            for tone in [Tone::Plain, Tone::Technical] {
                let notes = meta.break_notes(&years(&[2023, 2024]), tone, lang);
                assert!(!notes.is_empty() && notes[0].contains("2024"), "{id} {notes:?}");
            }
        }
    }
    // A view wholly before the break says nothing about it.
    let totals = &pkg.dataset("ncmec-cybertipline-totals").unwrap().meta;
    assert!(totals.break_notes(&years(&[2019, 2023]), Tone::Plain, Lang::En).is_empty());
}

#[test]
fn the_2024_country_rows_exceed_the_total_by_the_share_the_caveat_states() {
    let pkg = package();
    let by_country = pkg.dataset("ncmec-cybertipline-by-country").unwrap();
    let sum: f64 = by_country.observations.iter().filter(|o| o.period == Period::Year(2024)).map(|o| o.value).sum();
    let total = pkg
        .dataset("ncmec-cybertipline-totals")
        .unwrap()
        .observations
        .iter()
        .find(|o| o.period == Period::Year(2024))
        .unwrap()
        .value;
    assert_eq!(sum, 21179239.0);
    assert_eq!(format!("{:.1}", (sum / total - 1.0) * 100.0), "3.2");
    let notes = by_country.meta.break_notes(&years(&[2024]), Tone::Plain, Lang::En);
    assert!(notes.iter().any(|n| n.contains("3.2% more than the total")), "{notes:?}");
    let fr = by_country.meta.break_notes(&years(&[2024]), Tone::Plain, Lang::Fr);
    assert!(fr.iter().any(|n| n.contains("3,2 %")), "{fr:?}");
    // Flagged rows carry their flag.
    for geo in ["GLP", "LAO", "MTQ", "IRL", "ITA"] {
        let o = by_country.observations.iter().find(|o| o.geo == geo && o.period == Period::Year(2024)).unwrap();
        assert!(o.note.contains("Flagged:"), "{geo}: {}", o.note);
    }
}

#[test]
fn a_regional_sum_of_2024_rows_says_it_is_not_the_total() {
    let pkg = package();
    let ds = pkg.dataset("ncmec-cybertipline-by-country").unwrap();
    let totals = evidence::aggregate::regional_totals(&pkg.geographies, ds, "001").unwrap();
    let y2024 = totals.iter().find(|t| t.period == Period::Year(2024)).unwrap().to_observation("001");
    assert_eq!(y2024.grade, Grade::Computed);
    assert!(y2024.note.contains("3.2%"), "{}", y2024.note);
    let y2023 = totals.iter().find(|t| t.period == Period::Year(2023)).unwrap().to_observation("001");
    assert!(!y2023.note.contains("3.2%"), "{}", y2023.note);
}

#[test]
fn inhope_revisions_are_visible_in_the_rows() {
    let pkg = package();
    let d = pkg.dataset("inhope-content-urls").unwrap();
    let y2020 = d.observations.iter().find(|o| o.period == Period::Year(2020)).unwrap();
    assert_eq!(y2020.value, 1038250.0);
    assert_eq!(y2020.grade, Grade::Secondary);
    assert!(y2020.note.contains("first published as 1,038,268"), "{}", y2020.note);
    let y2024 = d.observations.iter().find(|o| o.period == Period::Year(2024)).unwrap();
    assert_eq!(y2024.grade, Grade::Verbatim);
}

#[test]
fn grade_notes_name_the_secondary_source_and_the_formula_in_both_languages_and_tones() {
    let pkg = package();
    let files = pkg.dataset("ncmec-cybertipline-files").unwrap();
    let verbatim_only: Vec<_> = files.observations.iter().filter(|o| o.period.start_year() < 2024).cloned().collect();
    assert!(files.meta.grade_notes(&verbatim_only, Tone::Plain, Lang::En).is_empty());
    for lang in Lang::ALL {
        for tone in [Tone::Plain, Tone::Technical] {
            let notes = files.meta.grade_notes(&files.observations, tone, lang);
            assert_eq!(notes.len(), 2, "{notes:?}");
            assert!(notes[0].contains("apparebit/diaphanous"), "{notes:?}");
            assert!(notes[1].contains("Images 28004236"), "{notes:?}");
        }
    }
    let en = files.meta.grade_notes(&files.observations, Tone::Plain, Lang::En);
    assert!(en[0].starts_with("Hollow marks:") && en[0].contains("not yet been checked against"), "{en:?}");
    let fr = files.meta.grade_notes(&files.observations, Tone::Plain, Lang::Fr);
    assert!(fr[0].starts_with("Marques creuses"), "{fr:?}");
}

#[test]
fn every_dataset_says_which_groups_it_is_not_broken_down_by() {
    let pkg = package();
    for d in &pkg.datasets {
        let en = d.meta.not_broken_down_by(Lang::En).expect("no dataset has every breakdown");
        assert!(en.starts_with("Not broken down by") && en.contains("disability"), "{en}");
        let fr = d.meta.not_broken_down_by(Lang::Fr).unwrap();
        assert!(fr.starts_with("Pas de ventilation par") && fr.contains("handicap"), "{fr}");
    }
    let mut meta = pkg.datasets[0].meta.clone();
    meta.breakdowns = vec![Breakdown::Sex, Breakdown::AgeBand, Breakdown::UrbanRural, Breakdown::MigrantStatus];
    assert_eq!(meta.not_broken_down_by(Lang::En).unwrap(), "Not broken down by disability, or ethnicity or race.");
    meta.breakdowns = Breakdown::ALL.to_vec();
    assert_eq!(meta.not_broken_down_by(Lang::En), None);
}

#[test]
fn sectors_and_origins_are_not_all_the_same() {
    let pkg = package();
    let get = |id: &str| &pkg.dataset(id).unwrap().meta;
    assert_eq!(get("uk-sexual-communication-offences").sector, evidence::Sector::Government);
    assert_eq!(get("uk-sexual-communication-offences").origin, evidence::Origin::PoliceRecords);
    assert_eq!(get("ncmec-cybertipline-totals").origin, evidence::Origin::CompanyReports);
    assert_eq!(get("childlight-global-ocsea-prevalence").sector, evidence::Sector::Academia);
    for d in pkg.datasets.iter().filter(|d| d.meta.origin.is_report_based()) {
        assert!(d.meta.caveats.iter().any(|c| c.topic == Some(evidence::CaveatTopic::ReportTiming)), "{}", d.meta.id);
    }
}

#[test]
fn the_provider_selection_is_marked_and_never_summed() {
    let pkg = package();
    let sel = pkg.dataset("ncmec-cybertipline-by-provider-selected").unwrap();
    assert!(sel.meta.selection);
    assert!(sel.meta.selection_note(Tone::Plain, Lang::En).unwrap().contains("do not add them up"));
    assert!(evidence::aggregate::regional_totals(&pkg.geographies, sel, "001").is_none());
    assert!(!pkg.dataset("ncmec-cybertipline-by-provider").unwrap().meta.selection);
}

#[test]
fn disrupting_harm_phase_2_is_declared_not_comparable_with_the_phase_1_headline() {
    let pkg = package();
    let dh2 = pkg.dataset("dh-phase2-brazil-tf-csea").unwrap();
    assert!(dh2.observations.iter().all(|o| o.grade == Grade::Secondary && o.geo == "BRA"));
    let c = dh2.meta.comparability.iter().find(|c| c.dataset == "dh-headline-past-year-ocsea").unwrap();
    assert_eq!(c.verdict, evidence::Verdict::NotComparable);
    assert!(c.reason.plain.en.contains("clear examples"));
}

#[test]
fn a_regional_sum_of_children_affected_says_why_it_has_no_interval() {
    let pkg = package();
    let ds = pkg.dataset("dh-tf-csea-children-affected").unwrap();
    let totals = evidence::aggregate::regional_totals(&pkg.geographies, ds, "002").expect("African countries are summed");
    let o = totals[0].to_observation("002");
    assert_eq!((o.lower, o.upper), (None, None));
    assert!(o.note.contains("a range for the sum cannot be made by adding them"), "{}", o.note);
}

#[test]
fn iwf_processed_counts_are_not_charted_as_assessed() {
    let pkg = package();
    let iwf = pkg.dataset("iwf-reports").unwrap();
    assert!(!iwf.observations.iter().any(|o| o.series == "Reports assessed" && o.period.start_year() < 2020));
    let y2015 = iwf.observations.iter().find(|o| o.period == Period::Year(2015)).unwrap();
    assert!(y2015.note.contains("112,975 reports processed"), "{}", y2015.note);
}

#[test]
fn populations_that_are_not_places_say_so() {
    let pkg = package();
    for id in ["inhope-content-urls", "weprotect-gta2021-survey", "ncmec-cybertipline-by-provider", "protect-children-csam-user-surveys"] {
        let meta = &pkg.dataset(id).unwrap().meta;
        assert!(!meta.covers_places(), "{id}");
        assert!(meta.population_scope.as_ref().unwrap().label.en.contains("not") || id == "protect-children-csam-user-surveys", "{id}");
    }
    for id in ["ncmec-cybertipline-by-country", "dh-tf-csea-prevalence", "uk-sexual-communication-offences"] {
        assert!(pkg.dataset(id).unwrap().meta.covers_places(), "{id}");
    }
    let summary = evidence::api::dataset_summary(pkg.dataset("inhope-content-urls").unwrap(), &pkg);
    assert_eq!(summary.origin, evidence::Origin::HotlineReports);
    assert_eq!(summary.grades, vec![Grade::Verbatim, Grade::Secondary]);
    assert_eq!(summary.breaks, vec![Period::Year(2024)]);
    assert!(summary.population_scope.is_some());
}

#[test]
fn figure_notes_gather_every_line_the_caveat_panel_must_add() {
    let pkg = package();
    let d = pkg.dataset("ncmec-cybertipline-by-country").unwrap();
    let notes = d.meta.figure_notes(&d.observations, Tone::Plain, Lang::En);
    assert!(notes[0].starts_with("Hollow marks:"), "{notes:?}");
    assert!(notes.iter().any(|n| n.starts_with("Break in the series from 2024")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("3.2%")), "{notes:?}");
    assert!(notes.last().unwrap().starts_with("Not broken down by"), "{notes:?}");
    let before: Vec<_> = d.observations.iter().filter(|o| o.period.start_year() < 2024).cloned().collect();
    assert_eq!(d.meta.figure_notes(&before, Tone::Plain, Lang::En).len(), 1, "only the breakdown sentence");
    let inhope = pkg.dataset("inhope-content-urls").unwrap();
    let fr = inhope.meta.figure_notes(&inhope.observations, Tone::Technical, Lang::Fr);
    assert!(fr.iter().any(|n| n.starts_with("Ce que décrivent les chiffres : ")), "{fr:?}");
}

#[test]
fn coverage_references_carry_sector_origin_and_whether_the_figures_are_for_places() {
    let pkg = package();
    let r = evidence::api::DatasetRef::from(&pkg.dataset("uk-sexual-communication-offences").unwrap().meta);
    assert_eq!((r.sector, r.origin, r.covers_places), (evidence::Sector::Government, evidence::Origin::PoliceRecords, true));
    let r = evidence::api::DatasetRef::from(&pkg.dataset("inhope-content-urls").unwrap().meta);
    assert!(!r.covers_places);
    let sectors: std::collections::BTreeSet<_> = pkg.datasets.iter().map(|d| d.meta.sector).collect();
    assert!(sectors.len() >= 4, "{sectors:?}");
}
