//! Regional aggregates on the curated package: counts are summed over the
//! countries that report, with "n of m countries"; percentages are never
//! averaged into a regional figure.

use evidence::aggregate::{countries_in, regional_totals};
use evidence::{GeoKind, Period, load_dir};

fn package() -> evidence::Package {
    load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("data/ is valid")
}

#[test]
fn a_subregion_sum_is_the_sum_of_its_reporting_countries_and_says_how_many() {
    let pkg = package();
    let members = countries_in(&pkg.geographies, "014");
    assert!(members.contains(&"KEN".to_string()) && members.contains(&"UGA".to_string()));
    let ds = pkg.dataset("ncmec-cybertipline-by-country").unwrap();
    let totals = regional_totals(&pkg.geographies, ds, "014").expect("counts can be summed");
    let t2023 = totals.iter().find(|t| t.period == Period::Year(2023)).unwrap();
    let expected: f64 = ds
        .observations
        .iter()
        .filter(|o| o.period == Period::Year(2023) && members.contains(&o.geo))
        .map(|o| o.value)
        .sum();
    let reporting = ds.observations.iter().filter(|o| o.period == Period::Year(2023) && members.contains(&o.geo)).count();
    assert_eq!(t2023.value, expected);
    assert_eq!(t2023.countries_reporting, reporting);
    assert_eq!(t2023.countries_in_region, members.len());
    assert!(t2023.to_observation("014").note.contains(&format!("{} of {}", reporting, members.len())));
}

#[test]
fn the_world_sum_of_countries_leaves_out_no_country_listed() {
    let pkg = package();
    let ds = pkg.dataset("ncmec-cybertipline-by-country").unwrap();
    let totals = regional_totals(&pkg.geographies, ds, "001").unwrap();
    let t = totals.iter().find(|t| t.period == Period::Year(2023)).unwrap();
    let zzz = ds.observations.iter().find(|o| o.geo == "ZZZ" && o.period == Period::Year(2023)).unwrap().value;
    let all: f64 = ds.observations.iter().filter(|o| o.period == Period::Year(2023)).map(|o| o.value).sum();
    // ZZZ and other special codes are not countries, so they are outside every region.
    assert!(t.value <= all - zzz);
    assert!(countries_in(&pkg.geographies, "001").iter().all(|c| pkg.geography(c).unwrap().kind == GeoKind::Country));
}

#[test]
fn percentages_are_never_aggregated() {
    let pkg = package();
    let ds = pkg.dataset("dh-tf-csea-prevalence").unwrap();
    assert!(regional_totals(&pkg.geographies, ds, "014").is_none());
}
