//! Terms that do not overstate: solicitation is not grooming, terms to
//! avoid are given per language, and NCMEC's words are told apart from the
//! statute's.

use evidence::Lang;

fn package() -> evidence::Package {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    evidence::load_dir(&dir).unwrap_or_else(|e| panic!("data/ must validate:\n{e}"))
}

#[test]
fn solicitation_and_grooming_are_two_terms_attached_to_the_right_series() {
    let pkg = package();
    let term = |id: &str| pkg.glossary.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("{id}"));
    assert!(!term("online-solicitation").term.en.contains("grooming"));
    assert!(term("online-solicitation").technical.en.contains("other youths"));
    assert!(term("grooming").technical.en.contains("art. 23"));
    for id in ["childlight-global-ocsea-prevalence", "weprotect-gta2021-survey"] {
        let meta = &pkg.dataset(id).unwrap().meta;
        assert!(meta.indicator.glossary.iter().any(|g| g == "online-solicitation"), "{id}");
        assert!(!meta.indicator.glossary.iter().any(|g| g == "grooming"), "{id}");
        assert!(meta.caveats.iter().any(|c| c.plain.en.contains("groomed")), "{id}: the plain caveat says it is not grooming");
    }
    let childlight = &pkg.dataset("childlight-global-ocsea-prevalence").unwrap().meta;
    assert!(childlight.caveats.iter().any(|c| c.plain.en.contains("does not mean 1 in 8 children were groomed")));
    for id in ["uk-sexual-communication-offences", "protect-children-csam-user-surveys"] {
        let meta = &pkg.dataset(id).unwrap().meta;
        assert!(meta.indicator.glossary.iter().any(|g| g == "grooming"), "{id}");
        assert!(!meta.indicator.glossary.iter().any(|g| g == "online-solicitation"), "{id}");
    }
}

#[test]
fn french_readers_are_told_which_french_words_to_avoid() {
    let pkg = package();
    let fr: Vec<&str> = pkg.glossary.iter().flat_map(|t| t.avoid_in(Lang::Fr)).map(|a| a.term.as_str()).collect();
    for word in ["pédopornographie", "pornographie enfantine", "prostitution enfantine", "tourisme sexuel", "pédophile"] {
        assert!(fr.iter().any(|t| t.contains(word)), "{word} missing from {fr:?}");
    }
    let en: Vec<&str> = pkg.glossary.iter().flat_map(|t| t.avoid_in(Lang::En)).map(|a| a.term.as_str()).collect();
    assert!(en.contains(&"child pornography"));
    assert!(!en.iter().any(|t| t.contains("pédo")), "no French term in the English list");
}

#[test]
fn online_enticement_keeps_ncmec_words_apart_from_the_statute() {
    let pkg = package();
    let t = pkg.glossary.iter().find(|t| t.id == "online-enticement").unwrap();
    assert!(t.technical.en.contains("abduction is in NCMEC's wording, not the statute's"));
    assert!(t.technical.fr.as_deref().unwrap().contains("l'enlèvement figure dans la formulation du NCMEC, pas dans celle de la loi"));
    assert!(t.plain.en.contains("NCMEC's category, not the name of a crime"));
}
