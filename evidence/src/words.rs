//! The word catalogue: every word the dashboard puts around a chart (the
//! chart sheet, first paint, embeds, exports and the chart page's download,
//! embed and annotation sections), in files a translator edits without
//! touching Rust (`evidence/words/<lang>.ftl`, a small part of Fluent).
//! `build.rs` compiles them into the tables below, so the program carries
//! string constants and no parser.
//!
//! Adding a language: add its file (`words/<code>.ftl`, every key of
//! `en.ftl`) and its code to `Lang` (model.rs); if its plural rule is not
//! one of [`plural_category`]'s, add it there.
//!
//! A French sentence names a place with its article ([`place_for`],
//! [`place_with`]: "pour le Kenya", "aux Philippines"), from the
//! geographies' `article_fr`; a language whose place names take articles
//! adds its rule there.

use crate::chart::format_number;
use crate::model::{ArticleFr, GeoKind, Geography, Lang};

/// A catalogue entry: a text, or one text per plural category of a number.
enum Entry {
    Text(&'static str),
    /// (the number's placeholder, (category or exact number, text), default)
    Select(&'static str, &'static [(&'static str, &'static str)], usize),
}

include!(concat!(env!("OUT_DIR"), "/words.rs"));

fn table(lang: Lang) -> &'static [Entry] {
    let i = LANGUAGES.iter().position(|l| *l == lang.code()).unwrap_or(0);
    &TABLE[i]
}

/// The CLDR plural category of `n` in a language (the categories these
/// languages use for cardinal numbers): French puts 0 and 1 in `one`,
/// English only 1.
pub fn plural_category(lang_code: &str, n: f64) -> &'static str {
    match lang_code {
        "fr" | "pt" => {
            if (0.0..2.0).contains(&n) { "one" } else { "other" }
        }
        _ => {
            if n == 1.0 { "one" } else { "other" }
        }
    }
}

/// Replaces every `{ $name }` in `text` by its value in `args`; a
/// placeholder without a value is left as it is, so it shows.
pub fn fill_text(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        let inner = rest[open + 1..close].trim();
        match inner.strip_prefix('$').and_then(|name| args.iter().find(|(k, _)| *k == name.trim())) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

impl W {
    /// The text in `lang`, as written (placeholders not filled; for a
    /// plural entry, its default variant).
    pub fn get(self, lang: Lang) -> &'static str {
        match &table(lang)[self as usize] {
            Entry::Text(t) => t,
            Entry::Select(_, variants, default) => variants[*default].1,
        }
    }

    /// The text with its placeholders filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill_text(self.get(lang), args)
    }

    /// The placeholder whose number chooses the text (`n` in
    /// `{ $n -> … }`), or `None` for a text without plural forms.
    pub fn plural_var(self) -> Option<&'static str> {
        match &TABLE[0][self as usize] {
            Entry::Select(var, ..) => Some(var),
            Entry::Text(_) => None,
        }
    }

    /// The text in `lang` for the number `n`: its variant for exactly `n`
    /// if it has one, else for `n`'s plural category in that language,
    /// else the default (placeholders not filled).
    pub fn text_for(self, lang: Lang, n: f64) -> &'static str {
        match &table(lang)[self as usize] {
            Entry::Text(t) => t,
            Entry::Select(_, variants, default) => {
                let exact = variants.iter().find(|(name, _)| name.parse::<f64>().is_ok_and(|v| v == n));
                let category = plural_category(lang.code(), n);
                exact.or_else(|| variants.iter().find(|(name, _)| *name == category)).unwrap_or(&variants[*default]).1
            }
        }
    }

    /// The text for the number `n` (its plural variant chosen by the
    /// language's rule, `{ $n }` written as the language writes numbers),
    /// with the other placeholders filled from `args`.
    pub fn count(self, lang: Lang, n: f64, args: &[(&str, &str)]) -> String {
        let number = format_number(n, lang);
        let text = self.text_for(lang, n);
        let var = match &table(lang)[self as usize] {
            Entry::Select(var, ..) => *var,
            Entry::Text(_) => "n",
        };
        let mut all: Vec<(&str, &str)> = vec![(var, number.as_str())];
        all.extend_from_slice(args);
        fill_text(text, &all)
    }
}

/// Where a place name stands in a sentence: on its own or after "pour"
/// ("le Kenya"), after "de" ("du Kenya"), after "à" ("au Kenya").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceCase {
    Plain,
    De,
    A,
}

/// A place's name as a sentence names it: in French with its article
/// ("le Kenya", "la France", "l'Inde", "les Philippines", "Madagascar",
/// "le monde"), in English as it is. A catalogue text with a `{ $place }`
/// after "pour"/"for" takes this.
pub fn place_for(lang: Lang, geo: &Geography) -> String {
    place_with(lang, geo, PlaceCase::Plain)
}

/// A place's name after a preposition that French contracts with the
/// article: `De` gives "du Kenya", "de la France", "de l'Inde", "des
/// Philippines", "d'Israël"; `A` gives "au Kenya", "à la France", "à
/// l'Inde", "aux Philippines", "à Madagascar". The preposition is part of
/// the result in French only; English gives the bare name for every case
/// (its sentence writes "of" or "in" itself).
pub fn place_with(lang: Lang, geo: &Geography, case: PlaceCase) -> String {
    inflect(lang, geo.name.get(lang), geo.kind == GeoKind::World, geo.article_fr.unwrap_or(ArticleFr::Bare), case)
}

/// [`place_with`] for a place known only by its code and its name in the
/// sentence's language (a chart knows no more of its places): its article
/// from the dashboard's reference list of places
/// (`data/reference/geographies.csv`); a code not in it is named bare.
pub fn place_name_with(lang: Lang, code: &str, name: &str, case: PlaceCase) -> String {
    if lang != Lang::Fr {
        return name.to_string();
    }
    let article = reference_article(code).unwrap_or(ArticleFr::Bare);
    inflect(lang, name, code == WORLD, article, case)
}

/// The world's code (UN M49).
const WORLD: &str = "001";

/// The French article of a place of the reference list, by its code.
pub fn reference_article(code: &str) -> Option<ArticleFr> {
    static ARTICLES: std::sync::OnceLock<std::collections::HashMap<String, ArticleFr>> = std::sync::OnceLock::new();
    ARTICLES
        .get_or_init(|| {
            let text = include_str!("../../data/reference/geographies.csv");
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let headers = reader.headers().cloned().unwrap_or_default();
            let column = |name: &str| headers.iter().position(|h| h == name);
            let (Some(code), Some(article)) = (column("code"), column("article_fr")) else { return Default::default() };
            reader
                .records()
                .filter_map(Result::ok)
                .filter_map(|rec| Some((rec.get(code)?.to_string(), ArticleFr::parse(rec.get(article)?)?)))
                .collect()
        })
        .get(code)
        .copied()
}

fn inflect(lang: Lang, name: &str, world: bool, article: ArticleFr, case: PlaceCase) -> String {
    if lang != Lang::Fr {
        return name.to_string();
    }
    // "le monde": the world is a common noun in a French sentence.
    let name = if world { lowercase_first(name) } else { name.to_string() };
    let vowel = name.chars().next().is_some_and(|c| "AEIOUYÀÂÄÅÉÈÊËÎÏÔÖÛÜaeiouyàâäåéèêëîïôöûü".contains(c));
    match (case, article) {
        (PlaceCase::Plain, ArticleFr::Le) => format!("le {name}"),
        (PlaceCase::Plain, ArticleFr::La) => format!("la {name}"),
        (PlaceCase::Plain, ArticleFr::Elided) => format!("l'{name}"),
        (PlaceCase::Plain, ArticleFr::Les) => format!("les {name}"),
        (PlaceCase::Plain, ArticleFr::Bare) => name,
        (PlaceCase::De, ArticleFr::Le) => format!("du {name}"),
        (PlaceCase::De, ArticleFr::La) => format!("de la {name}"),
        (PlaceCase::De, ArticleFr::Elided) => format!("de l'{name}"),
        (PlaceCase::De, ArticleFr::Les) => format!("des {name}"),
        (PlaceCase::De, ArticleFr::Bare) if vowel => format!("d'{name}"),
        (PlaceCase::De, ArticleFr::Bare) => format!("de {name}"),
        (PlaceCase::A, ArticleFr::Le) => format!("au {name}"),
        (PlaceCase::A, ArticleFr::La) => format!("à la {name}"),
        (PlaceCase::A, ArticleFr::Elided) => format!("à l'{name}"),
        (PlaceCase::A, ArticleFr::Les) => format!("aux {name}"),
        (PlaceCase::A, ArticleFr::Bare) => format!("à {name}"),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Localised;

    fn geo(kind: GeoKind, en: &str, fr: &str, article_fr: Option<ArticleFr>) -> Geography {
        Geography {
            code: "XXX".into(),
            kind,
            name: Localised { en: en.into(), fr: Some(fr.into()) },
            parent: None,
            iso2: None,
            m49: None,
            article_fr,
        }
    }

    #[test]
    fn french_sentences_give_a_place_its_article() {
        use ArticleFr::*;
        use GeoKind::Country;
        let kenya = geo(Country, "Kenya", "Kenya", Some(Le));
        let france = geo(Country, "France", "France", Some(La));
        let india = geo(Country, "India", "Inde", Some(Elided));
        let philippines = geo(Country, "Philippines", "Philippines", Some(Les));
        let madagascar = geo(Country, "Madagascar", "Madagascar", Some(Bare));
        let israel = geo(Country, "Israel", "Israël", Some(Bare));
        let world = geo(GeoKind::World, "World", "Monde", Some(Le));
        let for_ = |g: &Geography| format!("pour {}", place_for(Lang::Fr, g));
        assert_eq!(for_(&kenya), "pour le Kenya");
        assert_eq!(for_(&france), "pour la France");
        assert_eq!(for_(&india), "pour l'Inde");
        assert_eq!(for_(&philippines), "pour les Philippines");
        assert_eq!(for_(&madagascar), "pour Madagascar");
        assert_eq!(for_(&world), "pour le monde");
        assert_eq!(place_with(Lang::Fr, &kenya, PlaceCase::A), "au Kenya");
        assert_eq!(place_with(Lang::Fr, &philippines, PlaceCase::A), "aux Philippines");
        assert_eq!(place_with(Lang::Fr, &india, PlaceCase::A), "à l'Inde");
        assert_eq!(place_with(Lang::Fr, &france, PlaceCase::A), "à la France");
        assert_eq!(place_with(Lang::Fr, &madagascar, PlaceCase::A), "à Madagascar");
        assert_eq!(place_with(Lang::Fr, &kenya, PlaceCase::De), "du Kenya");
        assert_eq!(place_with(Lang::Fr, &philippines, PlaceCase::De), "des Philippines");
        assert_eq!(place_with(Lang::Fr, &india, PlaceCase::De), "de l'Inde");
        assert_eq!(place_with(Lang::Fr, &israel, PlaceCase::De), "d'Israël");
        assert_eq!(place_with(Lang::Fr, &madagascar, PlaceCase::De), "de Madagascar");
        // English names a place as it is; a release without articles, bare.
        assert_eq!(place_for(Lang::En, &philippines), "Philippines");
        assert_eq!(place_for(Lang::Fr, &geo(Country, "Kenya", "Kenya", None)), "Kenya");
        // In a catalogue sentence.
        assert_eq!(
            W::NoDatasetCoversPlace.fill(Lang::Fr, &[("place", &place_for(Lang::Fr, &philippines))]),
            "Aucun jeu de données ici n'a de chiffres pour les Philippines. C'est une lacune des données, pas le signe qu'il ne se passe rien."
        );
    }

    #[test]
    fn every_geography_of_the_data_package_has_its_french_article() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/reference/geographies.csv")).expect("the data package");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut seen = std::collections::HashMap::new();
        for rec in reader.records() {
            let rec = rec.expect("a CSV row");
            let article = ArticleFr::parse(&rec[7]).unwrap_or_else(|| panic!("{}: article_fr {:?}", &rec[0], &rec[7]));
            seen.insert(rec[0].to_string(), article);
        }
        assert_eq!(seen["KEN"], ArticleFr::Le);
        assert_eq!(seen["FRA"], ArticleFr::La);
        assert_eq!(seen["IND"], ArticleFr::Elided);
        assert_eq!(seen["PHL"], ArticleFr::Les);
        assert_eq!(seen["MDG"], ArticleFr::Bare);
        assert_eq!(seen["CUB"], ArticleFr::Bare);
        assert_eq!(seen["002"], ArticleFr::Elided);
        assert_eq!(seen["001"], ArticleFr::Le);
    }

    #[test]
    fn a_place_known_by_code_and_name_takes_its_article_from_the_reference_list() {
        assert_eq!(reference_article("KEN"), Some(ArticleFr::Le));
        assert_eq!(reference_article("UGA"), Some(ArticleFr::Elided));
        assert_eq!(reference_article("XXX-not-a-code"), None);
        let fr = |code: &str, name: &str, case| place_name_with(Lang::Fr, code, name, case);
        assert_eq!(fr("KEN", "Kenya", PlaceCase::De), "du Kenya");
        assert_eq!(fr("UGA", "Ouganda", PlaceCase::A), "à l'Ouganda");
        assert_eq!(fr("PHL", "Philippines", PlaceCase::Plain), "les Philippines");
        assert_eq!(fr("FRA", "France", PlaceCase::A), "à la France");
        assert_eq!(fr("001", "Monde", PlaceCase::Plain), "le monde");
        assert_eq!(fr("MDG", "Madagascar", PlaceCase::De), "de Madagascar");
        // Unknown to the list: bare, never a guessed article.
        assert_eq!(fr("ZZ-1", "Atlantide", PlaceCase::Plain), "Atlantide");
        assert_eq!(place_name_with(Lang::En, "KEN", "Kenya", PlaceCase::De), "Kenya");
    }

    #[test]
    fn every_key_is_in_every_language() {
        assert!(MISSING.is_empty(), "keys missing from the catalogue files (language, key): {MISSING:?}");
        for lang in Lang::ALL {
            assert!(LANGUAGES.contains(&lang.code()), "no catalogue file words/{}.ftl", lang.code());
        }
    }

    #[test]
    fn every_language_fills_the_same_placeholders() {
        let placeholders = |t: &str| {
            let mut names: Vec<String> = t.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(i, _)| i.trim().to_string()).collect();
            names.sort();
            names.dedup();
            names
        };
        for w in W::ALL {
            let en = placeholders(w.get(Lang::En));
            for lang in Lang::ALL {
                assert_eq!(placeholders(w.get(lang)), en, "{} in {}", w.key(), lang.code());
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(W::ReportsCount.count(Lang::En, 1.0, &[]), "1 report");
        assert_eq!(W::ReportsCount.count(Lang::En, 2.0, &[]), "2 reports");
        assert_eq!(W::ReportsCount.count(Lang::En, 0.0, &[]), "0 reports");
        assert_eq!(W::ReportsCount.count(Lang::Fr, 0.0, &[]), "0 signalement");
        assert_eq!(W::ReportsCount.count(Lang::Fr, 1.0, &[]), "1 signalement");
        assert_eq!(W::ReportsCount.count(Lang::Fr, 2.0, &[]), "2 signalements");
        assert_eq!(W::ReportsCount.count(Lang::Fr, 1500.0, &[]), "1\u{202f}500 signalements");
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_stay_visible() {
        assert_eq!(W::DataRelease.fill(Lang::En, &[("release", "2026.12.0")]), "Data release 2026.12.0");
        assert_eq!(W::DataRelease.fill(Lang::En, &[]), "Data release { $release }");
        assert_eq!(W::AnnotCharacters.count(Lang::Fr, 3.0, &[("max", "120")]), "3 / 120 caractères");
    }
}
