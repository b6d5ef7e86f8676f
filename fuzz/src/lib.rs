//! The properties the fuzz targets check. Each function takes the fuzzer's
//! bytes and panics when a property fails, so the same checks run under
//! libFuzzer (`cargo fuzz run <name>`) and under the libFuzzer-free runner
//! (`src/bin/random_loop.rs`).
//!
//! - [`state_roundtrip`]: any query parses without panicking, and the state it
//!   gives survives `to_query` -> `from_query` unchanged and without warnings
//!   (a permalink we write must be read back as the same chart).
//! - [`package_load`]: the real data package with a few byte-level mutations
//!   never panics the loader; when it loads, what it returns keeps the rules
//!   the validator promises.
//! - [`annotation_render`]: user text (title, subtitle, notes) rendered by
//!   `render_framed` never yields `<script` and always yields well-formed XML
//!   (exports are standalone .svg files and resvg parses them as XML).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use evidence::chart::xml_check::xml_problem;
use evidence::chart::{Frame, Plot, Size, WorldMap, render_framed, select};
use evidence::state::{ChartState, percent_encode};
use evidence::{CaveatKind, ChartKind, Lang, Package, Tone};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

// ---------------------------------------------------------------- state

/// Parameter names the parser knows, so structured inputs reach every branch.
const KEYS: &[&str] = &[
    "v", "chart", "geo", "series", "from", "to", "period", "tone", "lang", "title", "subtitle", "ann", "hl", "width", "x",
];

/// First byte even: the rest is the query string as a browser could send it
/// (raw bytes, so seeds and dictionaries work on it directly). Odd: known
/// keys with arbitrary values, percent-encoded or raw.
fn query_of(data: &[u8]) -> Option<String> {
    let (first, rest) = data.split_first()?;
    if first & 1 == 0 {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    let pairs = Vec::<(u8, String, bool)>::arbitrary_take_rest(Unstructured::new(rest)).ok()?;
    Some(
        pairs
            .iter()
            .map(|(k, v, encode)| {
                let key = KEYS[*k as usize % KEYS.len()];
                let value = if *encode { percent_encode(v) } else { v.clone() };
                format!("{key}={value}")
            })
            .collect::<Vec<_>>()
            .join("&"),
    )
}

pub fn state_roundtrip(data: &[u8]) {
    let Some(query) = query_of(data) else { return };
    let (state, _warnings) = ChartState::from_query(&query);
    let canonical = state.to_query();
    let (again, warnings) = ChartState::from_query(&canonical);
    assert!(warnings.is_empty(), "our own query {canonical:?} (from {query:?}) gives warnings {warnings:?}");
    assert_eq!(again, state, "state changed through {canonical:?} (from {query:?})");
    assert_eq!(again.to_query(), canonical, "to_query is not canonical");
}

// ---------------------------------------------------------------- package

/// Every file of the real package (data/), read once.
fn package_files() -> &'static BTreeMap<String, Vec<u8>> {
    static FILES: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let data = repo_root().join("data");
        let mut files = BTreeMap::new();
        for sub in ["", "observations", "reference"] {
            for entry in std::fs::read_dir(data.join(sub)).expect("data/ exists") {
                let path = entry.expect("readable").path();
                if path.is_file() {
                    let rel = path.strip_prefix(&data).expect("inside data/").to_string_lossy().replace('\\', "/");
                    files.insert(rel, std::fs::read(&path).expect("readable"));
                }
            }
        }
        assert!(evidence::package::load(&files).is_ok(), "the unmutated data/ package must load");
        files
    })
}

#[derive(Debug, Arbitrary)]
enum Mutation {
    Overwrite { file: u8, at: u32, bytes: Vec<u8> },
    Insert { file: u8, at: u32, bytes: Vec<u8> },
    Delete { file: u8, at: u32, len: u16 },
    Truncate { file: u8, at: u32 },
    Replace { file: u8, bytes: Vec<u8> },
    Remove { file: u8 },
    /// Copies a slice of one file over another place (e.g. a CSV row into
    /// another CSV), which keeps the mutation close to valid.
    Splice { from: u8, from_at: u32, len: u16, to: u8, to_at: u32 },
    /// Adds a file the descriptor may point at.
    Add { name: String, bytes: Vec<u8> },
}

fn pick(files: &BTreeMap<String, Vec<u8>>, i: u8) -> Option<String> {
    if files.is_empty() {
        return None;
    }
    files.keys().nth(i as usize % files.len()).cloned()
}

fn apply(files: &mut BTreeMap<String, Vec<u8>>, m: Mutation) {
    let clamp = |at: u32, len: usize| (at as usize).min(len);
    match m {
        Mutation::Overwrite { file, at, bytes } => {
            if let Some(k) = pick(files, file) {
                let f = files.get_mut(&k).expect("picked");
                let at = clamp(at, f.len());
                let end = (at + bytes.len()).min(f.len());
                f.splice(at..end, bytes);
            }
        }
        Mutation::Insert { file, at, bytes } => {
            if let Some(k) = pick(files, file) {
                let f = files.get_mut(&k).expect("picked");
                let at = clamp(at, f.len());
                f.splice(at..at, bytes);
            }
        }
        Mutation::Delete { file, at, len } => {
            if let Some(k) = pick(files, file) {
                let f = files.get_mut(&k).expect("picked");
                let at = clamp(at, f.len());
                let end = (at + len as usize).min(f.len());
                f.drain(at..end);
            }
        }
        Mutation::Truncate { file, at } => {
            if let Some(k) = pick(files, file) {
                let f = files.get_mut(&k).expect("picked");
                let at = clamp(at, f.len());
                f.truncate(at);
            }
        }
        Mutation::Replace { file, bytes } => {
            if let Some(k) = pick(files, file) {
                files.insert(k, bytes);
            }
        }
        Mutation::Remove { file } => {
            if let Some(k) = pick(files, file) {
                files.remove(&k);
            }
        }
        Mutation::Splice { from, from_at, len, to, to_at } => {
            let (Some(src), Some(dst)) = (pick(files, from), pick(files, to)) else { return };
            let s = &files[&src];
            let a = clamp(from_at, s.len());
            let piece = s[a..(a + len as usize).min(s.len())].to_vec();
            let d = files.get_mut(&dst).expect("picked");
            let at = clamp(to_at, d.len());
            d.splice(at..at, piece);
        }
        Mutation::Add { name, bytes } => {
            files.insert(name, bytes);
        }
    }
}

/// What a loaded package must satisfy, whatever the files were.
fn check_loaded(pkg: &Package) {
    let geos: std::collections::HashSet<&str> = pkg.geographies.iter().map(|g| g.code.as_str()).collect();
    for d in &pkg.datasets {
        for kind in [CaveatKind::Coverage, CaveatKind::Bias, CaveatKind::Definition] {
            assert!(d.meta.caveats_of(kind).next().is_some(), "{}: loaded without a {kind:?} caveat", d.meta.id);
        }
        for o in &d.observations {
            assert!(o.value.is_finite(), "{}: non-finite value loaded", d.meta.id);
            assert!(geos.contains(o.geo.as_str()), "{}: unknown geography {} loaded", d.meta.id, o.geo);
            assert!(d.meta.source(&o.source_ref).is_some(), "{}: unknown source {} loaded", d.meta.id, o.source_ref);
        }
    }
}

pub fn package_load(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(mutations) = Vec::<Mutation>::arbitrary(&mut u) else { return };
    let mut files = package_files().clone();
    for m in mutations.into_iter().take(4) {
        apply(&mut files, m);
    }
    if let Ok(pkg) = evidence::package::load(&files) {
        check_loaded(&pkg);
    }
}

// ---------------------------------------------------------------- annotations

struct RenderFixture {
    package: Package,
    world: WorldMap,
}

fn render_fixture() -> &'static RenderFixture {
    static FX: OnceLock<RenderFixture> = OnceLock::new();
    FX.get_or_init(|| {
        let package = evidence::package::load(package_files()).expect("data/ loads");
        let world_json = std::fs::read_to_string(repo_root().join("assets/world-110m.json")).expect("world map");
        let world: WorldMap = serde_json::from_str(&world_json).expect("world map parses");
        RenderFixture { package, world }
    })
}

#[derive(Debug, Arbitrary)]
struct Annotated {
    title: String,
    subtitle: Option<String>,
    notes: Vec<(Option<u8>, u8, String)>,
    chart: u8,
    dataset: u8,
    french: bool,
    technical: bool,
    /// Set the text on the state directly, skipping the query parser's
    /// cleaning: render_framed is public and must escape on its own.
    direct: bool,
    highlight: Option<(u8, u8)>,
}

const GEOS: &[&str] = &["KEN", "UGA", "TZA", "USA", "IND", "FRA", "ZZZ", "001", "002"];

fn state_of(a: &Annotated, periods: &[evidence::Period]) -> ChartState {
    let chart = ChartKind::ALL[a.chart as usize % ChartKind::ALL.len()];
    let period_of = |i: u8| periods[i as usize % periods.len()];
    if a.direct {
        let mut s = ChartState { chart, ..ChartState::default() };
        s.title = Some(a.title.clone());
        s.subtitle = a.subtitle.clone();
        s.lang = if a.french { Lang::Fr } else { Lang::En };
        s.tone = if a.technical { Tone::Technical } else { Tone::Plain };
        s.notes = a
            .notes
            .iter()
            .take(8)
            .map(|(g, p, text)| evidence::state::Note {
                period: period_of(*p),
                geo: g.map(|g| GEOS[g as usize % GEOS.len()].to_string()),
                text: text.clone(),
            })
            .collect();
        return s;
    }
    let mut q = vec![format!("v=1&chart={}", chart.code()), format!("title={}", percent_encode(&a.title))];
    if let Some(sub) = &a.subtitle {
        q.push(format!("subtitle={}", percent_encode(sub)));
    }
    for (g, p, text) in &a.notes {
        let anchor = match g {
            Some(g) => format!("{}@{}", GEOS[*g as usize % GEOS.len()], period_of(*p)),
            None => period_of(*p).to_string(),
        };
        q.push(format!("ann={}", percent_encode(&format!("{anchor}:{text}"))));
    }
    if let Some((a0, b0)) = a.highlight {
        q.push(format!("hl={}-{}", 2000 + a0 as i32 % 30, 2000 + b0 as i32 % 30));
    }
    if a.french {
        q.push("lang=fr".into());
    }
    if a.technical {
        q.push("tone=technical".into());
    }
    ChartState::from_query(&q.join("&")).0
}

/// First byte even: the rest is a raw query (what a permalink, an export or
/// an embed URL carries), rendered with the NCMEC by-country dataset. Odd:
/// an [`Annotated`] decoded with `arbitrary`.
pub fn annotation_render(data: &[u8]) {
    let Some((first, rest)) = data.split_first() else { return };
    let fx = render_fixture();
    let datasets = &fx.package.datasets;
    let (dataset, state) = if first & 1 == 0 {
        let dataset = fx.package.dataset("ncmec-cybertipline-by-country").unwrap_or(&datasets[0]);
        (dataset, ChartState::from_query(&String::from_utf8_lossy(rest)).0)
    } else {
        let Ok(a) = Annotated::arbitrary_take_rest(Unstructured::new(rest)) else { return };
        let dataset = &datasets[a.dataset as usize % datasets.len()];
        let periods = dataset.periods();
        if periods.is_empty() {
            return;
        }
        (dataset, state_of(&a, &periods))
    };
    let names: HashMap<String, String> =
        fx.package.geographies.iter().map(|g| (g.code.clone(), g.name.get(state.lang).to_string())).collect();
    let selection = select(dataset, &state, &fx.package.geographies);
    let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &names, state: &state, world: Some(&fx.world) };
    let frame = Frame::for_plot(&plot, &format!("https://evidence.example/datasets/{}?{}", dataset.meta.id, state.to_query()));
    let svg = render_framed(&plot, Size::new(900, 700), &frame);
    assert!(!svg.to_ascii_lowercase().contains("<script"), "<script in the rendered SVG");
    if let Some(problem) = xml_problem(&svg) {
        panic!("rendered SVG is not well-formed XML: {problem}");
    }
}

/// Targets by name, for the runner.
pub const TARGETS: &[(&str, fn(&[u8]))] =
    &[("state_roundtrip", state_roundtrip), ("package_load", package_load), ("annotation_render", annotation_render)];
