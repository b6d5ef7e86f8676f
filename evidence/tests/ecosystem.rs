//! The map of the data ecosystem (data/ecosystem.json): the real file
//! against the real package, malformed files refused with the right
//! `ecosystem.json: field: problem`, and the diagram's SVG.

use evidence::chart::xml_check::xml_problem;
use evidence::ecosystem::{self, Ecosystem};
use evidence::{Lang, Package, Tone, load_dir};
use serde_json::{Value, json};
use std::path::Path;
use std::sync::OnceLock;

fn data_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn package() -> &'static Package {
    static P: OnceLock<Package> = OnceLock::new();
    P.get_or_init(|| load_dir(&data_dir()).unwrap_or_else(|e| panic!("data/ must validate:\n{e}")))
}

fn raw() -> Value {
    serde_json::from_slice(&std::fs::read(data_dir().join(ecosystem::FILE)).expect("data/ecosystem.json exists")).unwrap()
}

fn real() -> Ecosystem {
    ecosystem::parse(&serde_json::to_vec(&raw()).unwrap(), package()).unwrap_or_else(|e| panic!("data/ecosystem.json must validate:\n{e}"))
}

/// The errors for a changed copy of the real file, as printed lines.
fn errors_of(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = raw();
    edit(&mut v);
    match ecosystem::parse(&serde_json::to_vec(&v).unwrap(), package()) {
        Ok(_) => panic!("the edited file was accepted"),
        Err(e) => e.0.iter().map(|e| e.to_string()).collect(),
    }
}

fn node_index(v: &Value, id: &str) -> usize {
    v["nodes"].as_array().unwrap().iter().position(|n| n["id"] == id).unwrap()
}

#[test]
fn the_real_file_attaches_every_dataset_to_exactly_one_node() {
    let eco = real();
    for d in &package().datasets {
        assert!(eco.node_of_dataset(&d.meta.id).is_some(), "{} has no node", d.meta.id);
    }
    let attached: usize = eco.nodes.iter().map(|n| n.datasets.len()).sum();
    assert_eq!(attached, package().datasets.len());
    // The flows the issue names are there.
    for (from, to) in [("companies", "ncmec"), ("ncmec", "police-upload-country"), ("public", "hotline"), ("hotline", "iccam"), ("iccam", "hosting-country"), ("children", "disrupting-harm"), ("police-recorded", "official-statistics")] {
        assert!(eco.flows.iter().any(|f| f.from == from && f.to == to), "no flow {from} -> {to}");
    }
    assert!(eco.flows.iter().filter(|f| !f.public_data).count() >= 3);
    for id in ["out-of-the-shadows", "ecpat-yougov-2021", "ecpat-nspcc-savanta-2023", "terre-des-hommes", "barnahus", "industry-transparency", "offender-help-seeking"] {
        assert!(eco.uncharted.iter().any(|u| u.id == id), "uncharted source {id} missing");
    }
    // A node's dataset is the one whose publisher sector it carries, where it has one.
    assert_eq!(eco.node_of_dataset("uk-sexual-communication-offences").unwrap().id, "police-recorded");
}

#[test]
fn a_dataset_id_that_is_not_in_the_package_is_refused() {
    let errs = errors_of(|v| {
        let i = node_index(v, "hotline");
        v["nodes"][i]["datasets"].as_array_mut().unwrap().push(json!("no-such-dataset"));
    });
    assert!(errs.iter().any(|e| e.starts_with("ecosystem.json: nodes[") && e.contains("datasets[1]: no dataset 'no-such-dataset' in the data package")), "{errs:?}");
}

#[test]
fn a_dataset_of_the_package_attached_to_no_node_is_refused() {
    let errs = errors_of(|v| {
        let i = node_index(v, "hotline");
        v["nodes"][i]["datasets"] = json!([]);
    });
    assert_eq!(errs, vec!["ecosystem.json: nodes: dataset 'iwf-reports' of the data package is attached to no node"]);
}

#[test]
fn a_dataset_attached_twice_is_refused() {
    let errs = errors_of(|v| {
        let i = node_index(v, "public");
        v["nodes"][i]["datasets"] = json!(["iwf-reports"]);
    });
    assert!(errs.iter().any(|e| e.contains("dataset 'iwf-reports' is already attached to node")), "{errs:?}");
}

#[test]
fn a_flow_to_an_unknown_node_is_refused() {
    let errs = errors_of(|v| v["flows"][0]["to"] = json!("nowhere"));
    assert_eq!(errs, vec!["ecosystem.json: flows[0].to: no node 'nowhere' in nodes"]);
}

#[test]
fn a_flow_without_public_data_must_say_what_is_missing() {
    let errs = errors_of(|v| {
        let f = v["flows"].as_array_mut().unwrap().iter_mut().find(|f| f["public_data"] == false).unwrap();
        f.as_object_mut().unwrap().remove("gap");
    });
    assert!(errs.iter().any(|e| e.ends_with(".gap: a flow with no public data must say what is missing")), "{errs:?}");
    let errs = errors_of(|v| v["flows"][0]["gap"] = json!({"plain": {"en": "x", "fr": "x"}, "technical": {"en": "x", "fr": "x"}}));
    assert_eq!(errs, vec!["ecosystem.json: flows[0].gap: only a flow with no public data has a gap"]);
}

#[test]
fn every_text_is_in_both_languages() {
    let errs = errors_of(|v| {
        v["uncharted"][0]["why_not"]["technical"].as_object_mut().unwrap().remove("fr");
    });
    assert_eq!(errs, vec!["ecosystem.json: uncharted[0].why_not.technical.fr: is missing: every text is in English and French"]);
}

#[test]
fn bad_shapes_name_their_field() {
    let errs = errors_of(|v| v["nodes"][0]["sector"] = json!("church"));
    assert_eq!(errs.len(), 1);
    assert!(errs[0].starts_with("ecosystem.json: nodes[0].sector: unknown variant `church`"), "{errs:?}");
    let errs = errors_of(|v| v["nodes"][0]["colour"] = json!("red"));
    assert!(errs[0].starts_with("ecosystem.json: nodes[0].colour: unknown field `colour`"), "{errs:?}");
    let errs = errors_of(|v| v["nodes"][1]["lane"] = json!("nope"));
    assert_eq!(errs, vec!["ecosystem.json: nodes[1].lane: no lane 'nope' in lanes"]);
    let errs = errors_of(|v| v["nodes"][1]["step"] = json!(0));
    assert!(errs.iter().any(|e| e.contains("are both at step 0 of lane 'company-reports'")), "{errs:?}");
    let bad = ecosystem::parse(b"{ not json", package()).unwrap_err();
    assert!(bad.to_string().starts_with("ecosystem.json: json: not valid JSON"), "{bad}");
}

#[test]
fn a_folder_without_the_file_has_no_ecosystem() {
    struct Empty;
    impl evidence::package::FileSource for Empty {
        fn read(&self, _: &str) -> Option<Vec<u8>> {
            None
        }
    }
    assert_eq!(ecosystem::load(&Empty, package()).unwrap(), None);
}

#[test]
fn the_diagram_is_well_formed_accessible_linked_and_deterministic() {
    let eco = real();
    for lang in Lang::ALL {
        for tone in [Tone::Plain, Tone::Technical] {
            for narrow in [false, true] {
                let svg = ecosystem::render_svg(&eco, lang, tone, narrow);
                assert_eq!(xml_problem(&svg), None, "{lang:?} {tone:?} narrow={narrow}");
                assert_eq!(svg, ecosystem::render_svg(&eco, lang, tone, narrow), "not deterministic");
                assert!(svg.contains(r#"<title id="eco-svg-title">"#) && svg.contains(r#"<desc id="eco-svg-desc">"#));
                // Every node is drawn, with a link and its name.
                for n in &eco.nodes {
                    assert!(svg.contains(&format!(r#"<a href="{}" class="eco-node" id="eco-svg-node-{}">"#, eco.node_href(n), n.id)), "{}", n.id);
                }
                assert!(svg.contains(r#"href="/datasets/iwf-reports""#));
                assert!(svg.contains(r#"href="/ecosystem#node-ncmec""#));
                // Every flow is drawn (an arrow, or a sentence in the narrow layout).
                assert_eq!(svg.matches(r#"class="eco-flow""#).count(), eco.flows.len());
            }
        }
    }
    let fr = ecosystem::render_svg(&eco, Lang::Fr, Tone::Plain, false);
    assert!(fr.contains("Qui détient les données") && fr.contains(r#"lang="fr""#));
    let tech = ecosystem::render_svg(&eco, Lang::En, Tone::Technical, false);
    assert!(tech.contains("2258A") && !ecosystem::render_svg(&eco, Lang::En, Tone::Plain, false).contains("2258A"));
    // To look at it: ECOSYSTEM_SVG_OUT=/tmp/dir cargo test -p evidence --test ecosystem
    if let Ok(dir) = std::env::var("ECOSYSTEM_SVG_OUT") {
        std::fs::write(Path::new(&dir).join("ecosystem.svg"), &tech).unwrap();
        std::fs::write(Path::new(&dir).join("ecosystem-narrow.svg"), ecosystem::render_svg(&eco, Lang::Fr, Tone::Plain, true)).unwrap();
    }
    // Narrow fits a phone: 360 units wide.
    assert!(ecosystem::render_svg(&eco, Lang::En, Tone::Plain, true).contains(r#"viewBox="0 0 360 "#));
}

#[test]
fn text_from_the_file_is_escaped_in_the_svg() {
    let mut eco = real();
    eco.nodes[0].name.en = "<script>&\"".into();
    let svg = ecosystem::render_svg(&eco, Lang::En, Tone::Plain, false);
    assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;&amp;"));
    assert_eq!(xml_problem(&svg), None);
}
