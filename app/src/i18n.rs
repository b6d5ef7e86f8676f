//! The app's words. They live in the word catalogue with every other word
//! of the dashboard (`evidence/words/<lang>.ftl`, compiled into
//! [`evidence::words::W`]); this file only names them for the app's pages:
//! [`Msg`] is a catalogue entry under the name the pages use, and
//! [`Msg::fill`] keeps the pages' positional `{0}`, `{1}`… arguments,
//! giving them the catalogue's placeholder names in the order listed in
//! [`messages!`]. A message with plural forms chooses its form by the
//! language's rule from its count argument. Helpers at the end word the
//! typed values (methods, units, themes, warnings) in either language.

use evidence::chart::format_number;
use evidence::model::{GeoKind, Lang, Method, Tone, Unit, Verdict};
use evidence::words::{fill_text, plural_category, W};
use leptos::prelude::*;

use crate::compare_warnings::CompareWarning;
use crate::theme::Theme;

/// One message of the app: a catalogue entry under the app's name for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Msg(pub W);

/// `Name` (the catalogue key is the same name in kebab case, `W::Name`),
/// or `Name => CatalogueVariant` where the app reuses a catalogue word under
/// another name; then, in brackets, the names of its positional arguments
/// `{0}`, `{1}`… in the catalogue.
macro_rules! messages {
    ($($name:ident $(=> $w:ident)? $(($($arg:ident),*))?,)*) => {
        #[allow(non_upper_case_globals)]
        impl Msg {
            $(pub const $name: Msg = Msg(messages!(@w $name $($w)?));)*
        }
        /// Every message, with the catalogue names of its arguments in order.
        const MESSAGES: &[(Msg, &[&str])] = &[$((Msg::$name, &[$($(stringify!($arg)),*)?]),)*];
    };
    (@w $name:ident) => { W::$name };
    (@w $name:ident $w:ident) => { W::$w };
}

messages! {
    SiteName,
    SiteShortName,
    SkipToContent,
    NavMain,
    NavHome,
    NavDatasets,
    NavCoverage,
    NavCompare,
    NavGlossary,
    NavMethods,
    FooterText,
    Loading,
    Retry,
    ErrNetwork,
    ErrDecode,
    LoadFailed,
    HomeTitle,
    HomeIntro,
    HeadlineFigures,
    HeadlineLatest (name, period),
    HeadlineAcrossPlaces (name, from_place, to_place, n, series),
    HeadlineAcrossSeries (name, from_series, to_series, n, period),
    Caveat,
    OpenChartAndCaveats,
    HowToRead,
    HowToRead1,
    HowToRead2,
    HowToRead3,
    HowToRead4,
    ReadMethods,
    FindEvidence,
    ByCountry,
    ByRegion,
    ByDataset,
    ByTheme,
    ChooseCountry,
    OpenProfile,
    CountryHint,
    AllNDatasets (n),
    CoverageMatrix,
    CompareTwo,
    AllDatasets => PageAllDatasets,
    Datasets => NavDatasets,
    DatasetsIntro,
    Themes,
    AllThemes,
    ThemeReports,
    ThemeSurveys,
    ThemePooled,
    ThemeOffenders,
    PlacesCount => PlacesWithFiguresCount (n),
    Years,
    WhatThisShows => CaveatsHeading,
    CaveatCoverage,
    CaveatBias,
    CaveatDefinition,
    CaveatComparability,
    CaveatMethod,
    IndicatorDefinition => WhatIsCounted,
    Population => WhoIsCounted,
    AllCaveats (n),
    TermsUsed,
    SourceLink,
    Glossary => NavGlossary,
    Sources,
    Licence,
    CompareWithAnother,
    SeeCoverage,
    ChartSettings,
    ChartKind,
    Line,
    Bar,
    Map,
    Table,
    Tone,
    Plain,
    Technical,
    Language,
    DataTable,
    Place,
    RowLabel => TableLabel,
    WholeRegion (place),
    Period => TablePeriod,
    Latest,
    Value => TableValue,
    Interval => TableInterval,
    IntervalText (lower, upper),
    Note => TableNote,
    Source,
    NotFound,
    NotFoundText => PageNotFoundText,
    BadParams => PageBadParams,
    From => AnnotFrom,
    To => AnnotTo,
    FirstYear,
    LastYear,
    Geographies,
    AllDefault,
    Series,
    AllSeries,
    RegionSum (place),
    Remove => AnnotRemoveButton,
    Choose,
    DoneChoosing,
    SearchNames,
    Matches (n),
    ClearChoice,
    NoFiguresFor (places),
    CountryIn (region),
    RegionOfCountries (kind, n),
    NWithFigures (n),
    NWithoutFigures (n),
    DatasetsWithFigures (place, n),
    DatasetsWithoutFigures (place, n),
    NoDatasetCovers (place),
    GapNotZero,
    CoversOnly (scope),
    SumOverCountries (n, total),
    CountriesWithFigures (n, total),
    NeverAveraged,
    PlacesInRegion (region),
    TrendText (first, first_period, last, last_period),
    AllFigures,
    CompareTitle,
    CompareIntro,
    CompareSettings,
    FirstDataset,
    SecondDataset,
    ChooseDataset,
    TryAPair,
    VersusPair (a, b),
    PlacesInBoth (places),
    NoPlaceInBoth,
    PlacesInBothDefault,
    BeforeYouCompare,
    NoWarnings,
    DoNotCompare,
    CompareWithCare,
    DeclaredComparable,
    WarnSame,
    WarnDeclared (reason),
    WarnUnit (a, unit_a, b, unit_b),
    WarnReportsEstimates (reports, method_reports, estimates, method_estimates),
    WarnMethod (method_a, method_b),
    WarnPopulation (a, population_a, b, population_b),
    WarnNoCommonYears (a, years_a, b, years_b),
    WarnDifferentYears (a, years_a, b, years_b),
    UnitCount,
    UnitPercent,
    UnitRate,
    UnitScore,
    MethodAdministrative,
    MethodProviderReports,
    MethodHotlineReports,
    MethodHouseholdSurvey,
    MethodOnlineSurvey,
    MethodMetaAnalysis,
    MethodPoliceRecorded,
    MethodSelfSelectedSurvey,
    KindWorld,
    KindRegion,
    KindSubregion,
    KindCountry,
    KindSubnational,
    KindSpecial,
    CoverageTitle,
    CoverageIntro,
    FilterPlaces,
    Region,
    OnlyWithFigures,
    LegendHas,
    LegendGap,
    CoverageSummary (region, n, with_figures),
    CoverageCaption (region),
    NoFigures,
    GlossaryIntro,
    TermIndex,
    InPlainWords,
    Technically,
    TermsToAvoid,
    DatasetsUsingTerm,
    Reference,
    MethodsTitle,
    MethodsIntro,
    OnThisPage,
    MethodsSourcesTitle => Sources,
    MethodsSources1,
    MethodsSources2,
    MethodsVerbatimTitle,
    MethodsVerbatim1,
    MethodsVerbatim2,
    MethodsGapsTitle,
    MethodsGaps1,
    MethodsGaps2,
    MethodsValidationTitle,
    MethodsValidation1,
    MethodsValidation2,
    MethodsCaveatsTitle,
    MethodsCaveats1,
    MethodsCaveats2,
    MethodsTonesTitle,
    MethodsTones1,
    MethodsTones2,
    MethodsPublishersTitle,
    MethodsPublishers,
    Permalink => PagePermalink,
    NotFoundLinks,
    AllPlaces,
    AllDatasetsLower,
    WholePlaceFigure (place, level),
    TopSeries (n, total),
    AllSeriesOnChart (n),
    UnassignedExplained (sum, n, period, unassigned, unassigned_label, total),
    SameAsTotal (dataset, period),
    TotalDiffers (dataset, total, period),
    TotalsMeet (period, countries, unassigned, sum, dataset),
    CoverageSummaryCountries (region, n, with_figures),
    CoverageDefinitionsTitle,
    CoverageDefinitions (n),
    CountriesWithFiguresShort (n, total),
    GradeMarkLabel,
    NotPlaceHeading (code, name),
    NotPlaceNote (place),
    WarnSeriesBreak (dataset, period, reason),
    FilterSector,
    FilterOrigin,
    FilterBreakdown,
    FilterAny,
    FilterApply,
    FilterNoMatch,
    CardSectorOrigin (sector, origin),
    // The place is evidence::words::place_for(lang, geography): "pour le Kenya".
    NoDatasetCoversPlace (place),
    DatasetsWithFiguresFor (place, n),
    DatasetsWithoutFiguresFor (place, n),
}

impl Msg {
    /// The text in `lang` (placeholders not filled).
    pub fn get(self, lang: Lang) -> &'static str {
        self.0.get(lang)
    }

    /// The names of the positional arguments in the catalogue, in order.
    pub fn arg_names(self) -> &'static [&'static str] {
        MESSAGES.iter().find(|(m, _)| *m == self).map_or(&[], |(_, names)| names)
    }

    /// The message with `{0}`, `{1}`… (the catalogue's named placeholders,
    /// in [`Msg::arg_names`] order) replaced by `args`. When the message has
    /// plural forms, its count argument (a number such as `"3"`) chooses
    /// the form by the language's rule.
    pub fn fill(self, lang: Lang, args: &[&str]) -> String {
        let names = self.arg_names();
        let text = match self.0.plural_var().and_then(|var| names.iter().position(|n| *n == var)).and_then(|i| args.get(i)) {
            Some(count) => match parse_count(count, lang) {
                Some(n) => self.0.text_for(lang, n),
                None => self.get(lang),
            },
            None => self.get(lang),
        };
        let pairs: Vec<(&str, &str)> = names.iter().copied().zip(args.iter().copied()).collect();
        fill_text(text, &pairs)
    }
}

/// A count as the app writes it ("3", "1,500" / "1 500") as a number.
fn parse_count(text: &str, lang: Lang) -> Option<f64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}') && !(lang == Lang::En && *c == ','))
        .map(|c| if lang == Lang::Fr && c == ',' { '.' } else { c })
        .collect();
    digits.parse().ok()
}

/// The language chosen in the URL (`lang=fr`), English by default.
pub fn use_lang() -> Signal<Lang> {
    expect_context::<crate::prefs::Prefs>().lang
}

/// A message in the current language, reactive.
pub fn t(lang: Signal<Lang>, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || msg.get(lang.get())
}

pub fn method_msg(method: Method) -> Msg {
    match method {
        Method::Administrative => Msg::MethodAdministrative,
        Method::ProviderReports => Msg::MethodProviderReports,
        Method::HotlineReports => Msg::MethodHotlineReports,
        Method::HouseholdSurvey => Msg::MethodHouseholdSurvey,
        Method::OnlineSurvey => Msg::MethodOnlineSurvey,
        Method::MetaAnalysis => Msg::MethodMetaAnalysis,
        Method::PoliceRecorded => Msg::MethodPoliceRecorded,
        Method::SelfSelectedSurvey => Msg::MethodSelfSelectedSurvey,
    }
}

pub fn unit_msg(unit: Unit) -> Msg {
    match unit {
        Unit::Count => Msg::UnitCount,
        Unit::Percent => Msg::UnitPercent,
        Unit::Rate => Msg::UnitRate,
        Unit::Score => Msg::UnitScore,
    }
}

pub fn theme_msg(theme: Theme) -> Msg {
    match theme {
        Theme::Reports => Msg::ThemeReports,
        Theme::Surveys => Msg::ThemeSurveys,
        Theme::Pooled => Msg::ThemePooled,
        Theme::Offenders => Msg::ThemeOffenders,
    }
}

pub fn geo_kind_msg(kind: GeoKind) -> Msg {
    match kind {
        GeoKind::World => Msg::KindWorld,
        GeoKind::Region => Msg::KindRegion,
        GeoKind::Subregion => Msg::KindSubregion,
        GeoKind::Country => Msg::KindCountry,
        GeoKind::Subnational => Msg::KindSubnational,
        GeoKind::Special => Msg::KindSpecial,
    }
}

/// A figure with its unit sign, per language: "12.5%" / "12,5 %" (French
/// puts a narrow no-break space before the sign); counts as plain numbers.
pub fn value_with_unit(value: f64, unit: Unit, lang: Lang) -> String {
    let n = format_number(value, lang);
    match (unit, lang) {
        (Unit::Percent, Lang::En) => format!("{n}%"),
        (Unit::Percent, Lang::Fr) => format!("{n}\u{202f}%"),
        _ => n,
    }
}

/// Whether a count takes the singular, by each language's rule: English
/// only for 1, French for 0 and 1 ("0 ligne", "1 ligne", "2 lignes").
pub fn is_singular(n: usize, lang: Lang) -> bool {
    plural_category(lang.code(), n as f64) == "one"
}

/// "(244 rows)" / "(244 lignes)": how many rows a closed table holds.
pub fn rows_count(n: usize, lang: Lang) -> String {
    W::RowsCount.count(lang, n as f64, &[])
}

fn years(span: (i32, i32)) -> String {
    if span.0 == span.1 { span.0.to_string() } else { format!("{}\u{2013}{}", span.0, span.1) }
}

/// The label that goes before a comparison warning.
pub fn warning_label(w: &CompareWarning) -> Msg {
    match w {
        CompareWarning::Declared { verdict: Verdict::Comparable, .. } => Msg::DeclaredComparable,
        w if w.is_blocking() => Msg::DoNotCompare,
        _ => Msg::CompareWithCare,
    }
}

/// A comparison warning in words; `a` and `b` are the two datasets' titles.
pub fn compare_warning_text(w: &CompareWarning, lang: Lang, tone: Tone, a: &str, b: &str) -> String {
    let method = |m: Method| method_msg(m).get(lang);
    match w {
        CompareWarning::SameDataset => Msg::WarnSame.get(lang).to_string(),
        CompareWarning::Declared { reason, .. } => Msg::WarnDeclared.fill(lang, &[reason.get(tone, lang)]),
        CompareWarning::Unit { a: ua, b: ub } => Msg::WarnUnit.fill(lang, &[a, unit_msg(*ua).get(lang), b, unit_msg(*ub).get(lang)]),
        CompareWarning::ReportsAgainstEstimates { a: ma, b: mb } => {
            // Name the report count first, whichever side it is on.
            let ((ra, rm), (ea, em)) = if ma.is_report_count() { ((a, *ma), (b, *mb)) } else { ((b, *mb), (a, *ma)) };
            Msg::WarnReportsEstimates.fill(lang, &[ra, method(rm), ea, method(em)])
        }
        CompareWarning::Method { a: ma, b: mb } => Msg::WarnMethod.fill(lang, &[method(*ma), method(*mb)]),
        CompareWarning::Population { a: pa, b: pb } => Msg::WarnPopulation.fill(lang, &[a, pa.get(tone, lang), b, pb.get(tone, lang)]),
        CompareWarning::NoCommonYears { a: sa, b: sb } => Msg::WarnNoCommonYears.fill(lang, &[a, &years(*sa), b, &years(*sb)]),
        CompareWarning::DifferentYears { a: sa, b: sb } => Msg::WarnDifferentYears.fill(lang, &[a, &years(*sa), b, &years(*sb)]),
        CompareWarning::SeriesBreak { first, period, reason } => {
            Msg::WarnSeriesBreak.fill(lang, &[if *first { a } else { b }, &period.label(), reason.get(tone, lang)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_order_and_match_the_catalogue() {
        assert_eq!(Msg::VersusPair.fill(Lang::En, &["A", "B"]), "A — and — B");
        assert_eq!(Msg::TrendText.fill(Lang::Fr, &["3", "2019", "5", "2023"]), "de 3 (2019) à 5 (2023)");
        // Every placeholder of a message, in every language, is one of its
        // named arguments, and every argument is used.
        for (msg, names) in MESSAGES {
            for lang in Lang::ALL {
                let mut used: Vec<&str> = msg.get(lang).split("{ $").skip(1).filter_map(|p| p.split_once(" }")).map(|(n, _)| n).collect();
                used.sort();
                used.dedup();
                let mut declared = names.to_vec();
                declared.sort();
                assert_eq!(used, declared, "{:?} in {}", msg.0.key(), lang.code());
            }
        }
    }

    #[test]
    fn counts_choose_their_plural_form_by_language() {
        assert_eq!(Msg::NWithFigures.fill(Lang::En, &["1"]), "1 dataset with figures");
        assert_eq!(Msg::NWithFigures.fill(Lang::En, &["2"]), "2 datasets with figures");
        assert_eq!(Msg::NWithoutFigures.fill(Lang::En, &["0"]), "0 datasets without figures");
        assert_eq!(Msg::PlacesCount.fill(Lang::En, &["1"]), "1 place with figures");
        assert_eq!(Msg::AllNDatasets.fill(Lang::En, &["1"]), "1 dataset");
        assert_eq!(Msg::AllNDatasets.fill(Lang::En, &["12"]), "All 12 datasets");
        assert_eq!(Msg::NWithFigures.fill(Lang::Fr, &["0"]), "0 jeu de données avec des chiffres");
        assert_eq!(Msg::NWithFigures.fill(Lang::Fr, &["1"]), "1 jeu de données avec des chiffres");
        assert_eq!(Msg::NWithFigures.fill(Lang::Fr, &["2"]), "2 jeux de données avec des chiffres");
        assert_eq!(Msg::PlacesCount.fill(Lang::Fr, &["1"]), "1 lieu avec des chiffres");
        assert_eq!(Msg::PlacesCount.fill(Lang::Fr, &["2"]), "2 lieux avec des chiffres");
        assert_eq!(Msg::Matches.fill(Lang::Fr, &["0"]), "0 résultat");
        assert_eq!(Msg::Matches.fill(Lang::Fr, &["3"]), "3 résultats");
        // The count need not be the first argument.
        assert_eq!(Msg::RegionOfCountries.fill(Lang::En, &["Region", "1"]), "Region: 1 country or territory");
        assert_eq!(Msg::RegionOfCountries.fill(Lang::Fr, &["Région", "54"]), "Région : 54 pays et territoires");
        // A count written with separators is still read as a number.
        assert_eq!(Msg::PlacesCount.fill(Lang::En, &["1,500"]), "1,500 places with figures");
        assert!(is_singular(0, Lang::Fr) && !is_singular(0, Lang::En) && is_singular(1, Lang::En));
    }

    #[test]
    fn reused_catalogue_words_are_the_same_words() {
        assert_eq!(Msg::DataTable.get(Lang::Fr), "Tableau des données");
        assert_eq!(Msg::Datasets, Msg(W::NavDatasets));
        assert_eq!(Msg::SiteShortName.get(Lang::Fr), "Données EASE en ligne");
        assert_eq!(Msg::NoFiguresFor.fill(Lang::En, &["Kenya"]), "No figures for: Kenya — shown as a gap, not a zero.");
    }

    #[test]
    fn row_counts_follow_each_language_plural_rule() {
        assert_eq!(rows_count(1, Lang::En), "(1 row)");
        assert_eq!(rows_count(0, Lang::En), "(0 rows)");
        assert_eq!(rows_count(244, Lang::En), "(244 rows)");
        assert_eq!(rows_count(1, Lang::Fr), "(1 ligne)");
        assert_eq!(rows_count(0, Lang::Fr), "(0 ligne)");
        assert_eq!(rows_count(244, Lang::Fr), "(244 lignes)");
    }

    #[test]
    fn percentages_follow_each_language() {
        assert_eq!(value_with_unit(12.5, Unit::Percent, Lang::En), "12.5%");
        assert_eq!(value_with_unit(12.5, Unit::Percent, Lang::Fr), "12,5\u{202f}%");
        assert_eq!(value_with_unit(36210368.0, Unit::Count, Lang::En), "36,210,368");
    }
}
