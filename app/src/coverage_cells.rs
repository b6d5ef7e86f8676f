//! The coverage matrix, as pure functions (tested natively): which rows a
//! region filter keeps, and how a cell's periods are written short.

use evidence::model::{GeoKind, Geography};
use evidence::period::Period;

/// Periods written short: consecutive calendar years as one span
/// ("2019–2023"), anything else listed ("2017–2018, 2020–2021").
pub fn periods_label(periods: &[String]) -> String {
    let mut parsed: Vec<Period> = periods.iter().filter_map(|p| p.parse().ok()).collect();
    parsed.sort_unstable();
    parsed.dedup();
    let mut runs: Vec<(Period, Period)> = Vec::new();
    for p in parsed {
        match (runs.last_mut(), p) {
            (Some((_, Period::Year(end))), Period::Year(y)) if y == *end + 1 => runs.last_mut().expect("checked").1 = p,
            _ => runs.push((p, p)),
        }
    }
    runs.into_iter()
        .map(|(a, b)| if a == b { a.label() } else { format!("{}\u{2013}{}", a.start_year(), b.end_year()) })
        .collect::<Vec<_>>()
        .join(", ")
}

fn parent_of<'a>(geos: &'a [Geography], code: &str) -> Option<&'a str> {
    geos.iter().find(|g| g.code == code).and_then(|g| g.parent.as_deref())
}

/// Whether `code` is `region` or lies inside it (any depth). The world
/// holds every place, including the special codes (e.g. "no country listed").
pub fn is_in_region(geos: &[Geography], code: &str, region: &str) -> bool {
    if code == region || geos.iter().any(|g| g.code == region && g.kind == GeoKind::World) {
        return true;
    }
    let mut current = parent_of(geos, code);
    for _ in 0..8 {
        match current {
            Some(p) if p == region => return true,
            Some(p) => current = parent_of(geos, p),
            None => return false,
        }
    }
    false
}

/// Regions and subregions to filter by, world first, then each region
/// followed by its subregions.
pub fn region_options(geos: &[Geography]) -> Vec<&Geography> {
    let mut out: Vec<&Geography> = geos.iter().filter(|g| g.kind == GeoKind::World).collect();
    for region in geos.iter().filter(|g| g.kind == GeoKind::Region) {
        out.push(region);
        out.extend(geos.iter().filter(|g| g.kind == GeoKind::Subregion && g.parent.as_deref() == Some(region.code.as_str())));
    }
    out
}

/// For a region row of the matrix: how many of its countries there are,
/// and how many have figures in a dataset (the definition of covered used
/// on profiles: a figure for the country itself).
pub struct RegionCounts {
    /// Region code -> its countries.
    members: std::collections::HashMap<String, Vec<String>>,
    /// Per dataset, the countries with figures.
    covered: Vec<std::collections::HashSet<String>>,
}

impl RegionCounts {
    pub fn new(m: &evidence::api::CoverageMatrix, geos: &[Geography]) -> Self {
        let mut members: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
        for g in geos.iter().filter(|g| g.kind == GeoKind::Country) {
            for region in geos.iter().filter(|r| r.kind.is_aggregate()) {
                if is_in_region(geos, &g.code, &region.code) {
                    members.entry(region.code.clone()).or_default().push(g.code.clone());
                }
            }
        }
        let mut covered = vec![std::collections::HashSet::new(); m.datasets.len()];
        for c in m.cells.iter().filter(|c| !c.periods.is_empty()) {
            if let (Some(set), Some(g)) = (covered.get_mut(c.dataset), m.geographies.get(c.geo)) {
                set.insert(g.code.clone());
            }
        }
        RegionCounts { members, covered }
    }

    /// The countries of a region (0 for a country or a special code).
    pub fn members(&self, region: &str) -> usize {
        self.members.get(region).map_or(0, Vec::len)
    }

    /// How many of a region's countries have figures in dataset `d`.
    pub fn with_figures(&self, d: usize, region: &str) -> usize {
        match (self.members.get(region), self.covered.get(d)) {
            (Some(m), Some(c)) => m.iter().filter(|code| c.contains(*code)).count(),
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use evidence::model::Localised;

    fn geo(code: &str, kind: GeoKind, parent: Option<&str>) -> Geography {
        Geography { code: code.into(), kind, name: Localised::new(code), parent: parent.map(String::from), iso2: None, m49: None, article_fr: None }
    }

    fn world() -> Vec<Geography> {
        vec![
            geo("001", GeoKind::World, None),
            geo("002", GeoKind::Region, Some("001")),
            geo("014", GeoKind::Subregion, Some("002")),
            geo("KEN", GeoKind::Country, Some("014")),
            geo("150", GeoKind::Region, Some("001")),
            geo("FRA", GeoKind::Country, Some("150")),
            geo("ZZZ", GeoKind::Special, None),
        ]
    }

    #[test]
    fn consecutive_years_become_a_span_and_survey_spans_stay_whole() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(periods_label(&s(&["2019", "2020", "2021", "2022", "2023"])), "2019\u{2013}2023");
        assert_eq!(periods_label(&s(&["2021"])), "2021");
        assert_eq!(periods_label(&s(&["2014", "2016", "2017"])), "2014, 2016\u{2013}2017");
        assert_eq!(periods_label(&s(&["2020/2021"])), "2020\u{2013}2021");
        assert_eq!(periods_label(&[]), "");
    }

    #[test]
    fn region_membership_goes_up_the_tree() {
        let g = world();
        assert!(is_in_region(&g, "KEN", "002"));
        assert!(is_in_region(&g, "KEN", "014"));
        assert!(is_in_region(&g, "014", "014"));
        assert!(!is_in_region(&g, "FRA", "002"));
        assert!(is_in_region(&g, "ZZZ", "001"));
        assert!(!is_in_region(&g, "ZZZ", "150"));
    }

    #[test]
    fn region_options_nest_subregions_under_regions() {
        let g = world();
        let codes: Vec<&str> = region_options(&g).iter().map(|g| g.code.as_str()).collect();
        assert_eq!(codes, vec!["001", "002", "014", "150"]);
    }
}
