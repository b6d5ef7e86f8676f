//! What must be said before two datasets are read side by side: the
//! comparability entries the curators declared, and the differences the
//! metadata shows by itself (unit, method, who is counted, years).
//!
//! Pure and free of the browser, so it is tested natively
//! (`cargo test -p app --lib`); the page only words the result (i18n.rs).

use evidence::api::declared_comparability;
use evidence::model::{DatasetMeta, Method, ToneText, Unit, Verdict};
use evidence::period::Period;

#[derive(Clone, Debug, PartialEq)]
pub enum CompareWarning {
    /// The same dataset twice: nothing to compare.
    SameDataset,
    /// A statement from the data package, in the curators' words.
    Declared { verdict: Verdict, reason: ToneText },
    Unit { a: Unit, b: Unit },
    /// One counts reports or records (activity of a system), the other
    /// estimates how common an experience is.
    ReportsAgainstEstimates { a: Method, b: Method },
    Method { a: Method, b: Method },
    Population { a: ToneText, b: ToneText },
    /// Not one year in common.
    NoCommonYears { a: (i32, i32), b: (i32, i32) },
    /// Some years in common, but different spans or period lengths.
    DifferentYears { a: (i32, i32), b: (i32, i32) },
    /// The figures of one side span a series break (e.g. NCMEC 2024): its
    /// years before and after are counted differently. `first` is true for
    /// the first dataset of the pair.
    SeriesBreak { first: bool, period: Period, reason: ToneText },
}

impl CompareWarning {
    /// True for warnings that mean "do not compare", not "compare with care".
    pub fn is_blocking(&self) -> bool {
        match self {
            CompareWarning::Declared { verdict, .. } => *verdict == Verdict::NotComparable,
            CompareWarning::Unit { .. } | CompareWarning::ReportsAgainstEstimates { .. } | CompareWarning::NoCommonYears { .. } => true,
            _ => false,
        }
    }
}

fn span(periods: &[Period]) -> Option<(i32, i32)> {
    let first = periods.iter().map(|p| p.start_year()).min()?;
    let last = periods.iter().map(|p| p.end_year()).max()?;
    Some((first, last))
}

fn normalised(t: &ToneText) -> String {
    t.plain.en.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Every warning for reading `a` beside `b`, declared ones first, then the
/// blocking ones, then the rest. `*_periods` are the periods with figures.
pub fn compare_warnings(a: &DatasetMeta, a_periods: &[Period], b: &DatasetMeta, b_periods: &[Period]) -> Vec<CompareWarning> {
    if a.id == b.id {
        return vec![CompareWarning::SameDataset];
    }
    let mut out = Vec::new();
    let mut seen_reasons: Vec<&ToneText> = Vec::new();
    for c in declared_comparability(a, b) {
        // Both sides often declare the same thing in the same words.
        if !seen_reasons.contains(&&c.reason) {
            seen_reasons.push(&c.reason);
            out.push(CompareWarning::Declared { verdict: c.verdict, reason: c.reason.clone() });
        }
    }
    let (ua, ub) = (a.indicator.unit, b.indicator.unit);
    if ua != ub {
        out.push(CompareWarning::Unit { a: ua, b: ub });
    }
    let (ma, mb) = (a.coverage.method, b.coverage.method);
    if ma.is_report_count() != mb.is_report_count() {
        out.push(CompareWarning::ReportsAgainstEstimates { a: ma, b: mb });
    } else if ma != mb {
        out.push(CompareWarning::Method { a: ma, b: mb });
    }
    if normalised(&a.coverage.population) != normalised(&b.coverage.population) {
        out.push(CompareWarning::Population { a: a.coverage.population.clone(), b: b.coverage.population.clone() });
    }
    if let (Some(sa), Some(sb)) = (span(a_periods), span(b_periods)) {
        let overlap = sa.0 <= sb.1 && sb.0 <= sa.1;
        if !overlap {
            out.push(CompareWarning::NoCommonYears { a: sa, b: sb });
        } else if sa != sb || a_periods.iter().any(|p| !b_periods.contains(p)) && b_periods.iter().any(|p| !a_periods.contains(p)) {
            out.push(CompareWarning::DifferentYears { a: sa, b: sb });
        }
    }
    // A view that spans a series break reads two series, not one.
    for (first, meta, periods) in [(true, a, a_periods), (false, b, b_periods)] {
        for br in meta.breaks_within(periods) {
            out.push(CompareWarning::SeriesBreak { first, period: br.period, reason: br.reason.clone() });
        }
    }
    // Stable: declared first (as pushed), then blocking before the rest.
    out.sort_by_key(|w| match w {
        CompareWarning::Declared { .. } => 0,
        w if w.is_blocking() => 1,
        _ => 2,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use evidence::model::Dataset;

    fn package() -> evidence::Package {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        evidence::load_dir(&dir).expect("the curated data package loads")
    }

    fn pair<'a>(pkg: &'a evidence::Package, a: &str, b: &str) -> (&'a Dataset, &'a Dataset) {
        (pkg.dataset(a).expect(a), pkg.dataset(b).expect(b))
    }

    fn warnings(a: &Dataset, b: &Dataset) -> Vec<CompareWarning> {
        compare_warnings(&a.meta, &a.periods(), &b.meta, &b.periods())
    }

    #[test]
    fn two_disrupting_harm_measures_carry_the_declared_not_comparable() {
        let pkg = package();
        let (a, b) = pair(&pkg, "dh-tf-csea-prevalence", "dh-headline-past-year-ocsea");
        let w = warnings(a, b);
        assert!(
            matches!(w.first(), Some(CompareWarning::Declared { verdict: Verdict::NotComparable, .. })),
            "{w:?}"
        );
        // Same unit, same method, same fieldwork years: only what the curators
        // declared and who was asked.
        assert!(!w.iter().any(|w| matches!(w, CompareWarning::Unit { .. } | CompareWarning::Method { .. } | CompareWarning::NoCommonYears { .. })), "{w:?}");
    }

    #[test]
    fn a_report_count_beside_a_survey_prevalence_is_flagged_on_every_axis() {
        let pkg = package();
        let (a, b) = pair(&pkg, "ncmec-cybertipline-by-country", "dh-tf-csea-prevalence");
        let w = warnings(a, b);
        assert!(w.iter().any(|w| matches!(w, CompareWarning::Unit { a: Unit::Count, b: Unit::Percent })), "{w:?}");
        assert!(w.iter().any(|w| matches!(w, CompareWarning::ReportsAgainstEstimates { .. })), "{w:?}");
        assert!(w.iter().any(|w| matches!(w, CompareWarning::Population { .. })), "{w:?}");
        assert!(w.iter().any(|w| matches!(w, CompareWarning::DifferentYears { a: (2019, 2024), b: (2020, 2021) })), "{w:?}");
        assert!(w.iter().any(CompareWarning::is_blocking));
    }

    #[test]
    fn declared_statements_said_twice_in_the_same_words_appear_once() {
        let pkg = package();
        let (a, b) = pair(&pkg, "dh-tf-csea-prevalence", "dh-headline-past-year-ocsea");
        let declared = declared_comparability(&a.meta, &b.meta);
        let shown = warnings(a, b).into_iter().filter(|w| matches!(w, CompareWarning::Declared { .. })).count();
        assert!(shown >= 1 && shown <= declared.len());
        let mut reasons: Vec<&ToneText> = declared.iter().map(|c| &c.reason).collect();
        reasons.dedup();
        assert_eq!(shown, reasons.len());
    }

    #[test]
    fn years_without_overlap_and_the_same_dataset() {
        let pkg = package();
        let (a, b) = pair(&pkg, "uk-sexual-communication-offences", "inhope-content-urls");
        let w = warnings(a, b);
        assert!(w.iter().any(|w| matches!(w, CompareWarning::NoCommonYears { a: (2017, 2019), b: (2020, 2024) })), "{w:?}");
        assert_eq!(warnings(a, a), vec![CompareWarning::SameDataset]);
    }

    #[test]
    fn a_view_that_spans_a_series_break_is_warned_about_and_one_that_does_not_is_not() {
        let pkg = package();
        let (a, b) = pair(&pkg, "ncmec-cybertipline-totals", "dh-tf-csea-prevalence");
        // Expected from the data: the breaks the totals' own periods span.
        let spanned: Vec<Period> = a.meta.breaks_within(&a.periods()).iter().map(|br| br.period).collect();
        assert!(!spanned.is_empty(), "the NCMEC totals run across their declared break");
        let found: Vec<Period> = warnings(a, b)
            .iter()
            .filter_map(|w| match w {
                CompareWarning::SeriesBreak { first: true, period, .. } => Some(*period),
                _ => None,
            })
            .collect();
        assert_eq!(found, spanned);
        // Swapped, the same break is on the second side.
        assert!(warnings(b, a).iter().any(|w| matches!(w, CompareWarning::SeriesBreak { first: false, .. })));
        // Only the years before the break: no break warning.
        let before: Vec<Period> = a.periods().into_iter().filter(|p| spanned.iter().all(|s| p.end_year() < s.start_year())).collect();
        assert!(!before.is_empty());
        let w = compare_warnings(&a.meta, &before, &b.meta, &b.periods());
        assert!(!w.iter().any(|w| matches!(w, CompareWarning::SeriesBreak { .. })), "{w:?}");
    }

    #[test]
    fn two_report_counts_of_one_source_raise_no_method_or_unit_warning() {
        let pkg = package();
        let (a, b) = pair(&pkg, "ncmec-cybertipline-totals", "ncmec-cybertipline-by-country");
        let w = warnings(a, b);
        assert!(w.iter().all(|w| !w.is_blocking()), "{w:?}");
        assert!(matches!(w.first(), Some(CompareWarning::Declared { verdict: Verdict::Comparable, .. })), "{w:?}");
    }
}
