//! What changed between two data packages: per dataset, the figures added,
//! removed and changed, the caveats and sources that changed, and which
//! other metadata fields differ. It is how a curator reviews an update
//! before a release and drafts the changelog (`evidence-server diff OLD NEW`).
//!
//! A figure is identified by (series, place, period), as the loader keeps
//! them unique; it has changed when its value, bounds, note or source
//! reference differ. Caveats have no id: they are compared kind by kind, in
//! the order the package lists them. Sources are matched by their `id`.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use serde_json::Value;

use crate::model::{Caveat, CaveatKind, Dataset, Observation, Source};
use crate::package::Package;
use crate::period::Period;

/// Where a figure sits: series (may be empty), place, period.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FigureKey {
    pub series: String,
    pub geo: String,
    pub period: Period,
}

impl FigureKey {
    fn of(o: &Observation) -> FigureKey {
        FigureKey { series: o.series.clone(), geo: o.geo.clone(), period: o.period }
    }
}

impl fmt::Display for FigureKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.geo, self.period)?;
        if !self.series.is_empty() {
            write!(f, " [{}]", self.series)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureChange {
    pub key: FigureKey,
    pub old: Observation,
    pub new: Observation,
}

impl FigureChange {
    /// The fields that differ, each as `field: old → new`.
    pub fn fields(&self) -> Vec<String> {
        let (a, b) = (&self.old, &self.new);
        let mut out = Vec::new();
        if a.value != b.value {
            out.push(format!("value: {} → {}", a.value, b.value));
        }
        if a.lower != b.lower {
            out.push(format!("lower: {} → {}", opt_num(a.lower), opt_num(b.lower)));
        }
        if a.upper != b.upper {
            out.push(format!("upper: {} → {}", opt_num(a.upper), opt_num(b.upper)));
        }
        if a.note != b.note {
            out.push(format!("note: {} → {}", quoted(&a.note), quoted(&b.note)));
        }
        if a.source_ref != b.source_ref {
            out.push(format!("source_ref: {} → {}", a.source_ref, b.source_ref));
        }
        out
    }
}

fn opt_num(v: Option<f64>) -> String {
    v.map_or_else(|| "(none)".to_string(), |v| v.to_string())
}

fn quoted(s: &str) -> String {
    if s.is_empty() { "(none)".to_string() } else { format!("{s:?}") }
}

/// A caveat's place in the package: its kind and its position among the
/// caveats of that kind (1-based, as a curator counts).
#[derive(Clone, Debug, PartialEq)]
pub enum CaveatChange {
    Added { kind: CaveatKind, n: usize, new: Caveat },
    Removed { kind: CaveatKind, n: usize, old: Caveat },
    Changed { kind: CaveatKind, n: usize, old: Caveat, new: Caveat },
}

#[derive(Clone, Debug, PartialEq)]
pub enum SourceChange {
    Added(Source),
    Removed(Source),
    /// The source id and the fields that differ, each as `field: old → new`.
    Changed { id: String, fields: Vec<String> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetStatus {
    Added,
    Removed,
    Changed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DatasetDiff {
    pub id: String,
    pub status: DatasetStatus,
    pub figures_added: Vec<Observation>,
    pub figures_removed: Vec<Observation>,
    pub figures_changed: Vec<FigureChange>,
    pub caveats: Vec<CaveatChange>,
    pub sources: Vec<SourceChange>,
    /// Other metadata fields that differ (`title`, `indicator`, …).
    pub metadata: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PackageDiff {
    /// (version, released) of the old and the new package.
    pub old_release: (String, String),
    pub new_release: (String, String),
    pub datasets: Vec<DatasetDiff>,
    /// Geography codes added, removed or changed (names, parents, codes).
    pub geographies: Vec<String>,
    /// Glossary term ids added, removed or changed.
    pub glossary: Vec<String>,
}

impl PackageDiff {
    /// True when the data is the same. The release number and date are
    /// not data: two packages that differ only there have no changes.
    pub fn is_empty(&self) -> bool {
        self.datasets.is_empty() && self.geographies.is_empty() && self.glossary.is_empty()
    }
}

/// Compares two loaded (so valid) packages.
pub fn diff(old: &Package, new: &Package) -> PackageDiff {
    let mut datasets = Vec::new();
    for o in &old.datasets {
        match new.dataset(&o.meta.id) {
            Some(n) => {
                let d = dataset_diff(o, n);
                if !d.is_empty() {
                    datasets.push(d);
                }
            }
            None => datasets.push(DatasetDiff {
                status: DatasetStatus::Removed,
                figures_removed: o.observations.clone(),
                ..DatasetDiff::empty(&o.meta.id)
            }),
        }
    }
    for n in &new.datasets {
        if old.dataset(&n.meta.id).is_none() {
            datasets.push(DatasetDiff {
                status: DatasetStatus::Added,
                figures_added: n.observations.clone(),
                sources: n.meta.sources.iter().cloned().map(SourceChange::Added).collect(),
                ..DatasetDiff::empty(&n.meta.id)
            });
        }
    }
    PackageDiff {
        old_release: (old.version.clone(), old.released.clone()),
        new_release: (new.version.clone(), new.released.clone()),
        datasets,
        geographies: keyed_changes(&old.geographies, &new.geographies, |g| g.code.clone()),
        glossary: keyed_changes(&old.glossary, &new.glossary, |t| t.id.clone()),
    }
}

impl DatasetDiff {
    fn empty(id: &str) -> DatasetDiff {
        DatasetDiff {
            id: id.to_string(),
            status: DatasetStatus::Changed,
            figures_added: Vec::new(),
            figures_removed: Vec::new(),
            figures_changed: Vec::new(),
            caveats: Vec::new(),
            sources: Vec::new(),
            metadata: Vec::new(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.status == DatasetStatus::Changed
            && self.figures_added.is_empty()
            && self.figures_removed.is_empty()
            && self.figures_changed.is_empty()
            && self.caveats.is_empty()
            && self.sources.is_empty()
            && self.metadata.is_empty()
    }
}

fn dataset_diff(old: &Dataset, new: &Dataset) -> DatasetDiff {
    let mut d = DatasetDiff::empty(&old.meta.id);
    let old_figs: BTreeMap<FigureKey, &Observation> = old.observations.iter().map(|o| (FigureKey::of(o), o)).collect();
    let new_figs: BTreeMap<FigureKey, &Observation> = new.observations.iter().map(|o| (FigureKey::of(o), o)).collect();
    for (key, o) in &old_figs {
        match new_figs.get(key) {
            None => d.figures_removed.push((*o).clone()),
            Some(n) if n != o => {
                d.figures_changed.push(FigureChange { key: key.clone(), old: (*o).clone(), new: (*n).clone() })
            }
            Some(_) => {}
        }
    }
    d.figures_added = new_figs.iter().filter(|(k, _)| !old_figs.contains_key(k)).map(|(_, n)| (*n).clone()).collect();

    for kind in [CaveatKind::Coverage, CaveatKind::Bias, CaveatKind::Definition, CaveatKind::Comparability, CaveatKind::Method] {
        let a: Vec<&Caveat> = old.meta.caveats_of(kind).collect();
        let b: Vec<&Caveat> = new.meta.caveats_of(kind).collect();
        for i in 0..a.len().max(b.len()) {
            let n = i + 1;
            match (a.get(i), b.get(i)) {
                (Some(x), Some(y)) if x != y => {
                    d.caveats.push(CaveatChange::Changed { kind, n, old: (*x).clone(), new: (*y).clone() })
                }
                (Some(x), None) => d.caveats.push(CaveatChange::Removed { kind, n, old: (*x).clone() }),
                (None, Some(y)) => d.caveats.push(CaveatChange::Added { kind, n, new: (*y).clone() }),
                _ => {}
            }
        }
    }

    for s in &old.meta.sources {
        match new.meta.source(&s.id) {
            None => d.sources.push(SourceChange::Removed(s.clone())),
            Some(t) if t != s => d.sources.push(SourceChange::Changed { id: s.id.clone(), fields: json_field_changes(s, t) }),
            Some(_) => {}
        }
    }
    for t in &new.meta.sources {
        if old.meta.source(&t.id).is_none() {
            d.sources.push(SourceChange::Added(t.clone()));
        }
    }

    let (a, b) = (to_object(&old.meta), to_object(&new.meta));
    for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
        if matches!(key.as_str(), "caveats" | "sources" | "id") {
            continue;
        }
        if a.get(key) != b.get(key) {
            d.metadata.push(key.clone());
        }
    }
    d
}

fn to_object<T: serde::Serialize>(v: &T) -> serde_json::Map<String, Value> {
    match serde_json::to_value(v) {
        Ok(Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    }
}

/// Top-level fields of two records that differ, as `field: old → new`.
fn json_field_changes<T: serde::Serialize>(old: &T, new: &T) -> Vec<String> {
    let (a, b) = (to_object(old), to_object(new));
    let show = |v: Option<&Value>| v.map_or_else(|| "(none)".to_string(), Value::to_string);
    a.keys()
        .chain(b.keys().filter(|k| !a.contains_key(*k)))
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| format!("{k}: {} → {}", show(a.get(k)), show(b.get(k))))
        .collect()
}

fn keyed_changes<T: PartialEq>(old: &[T], new: &[T], key: impl Fn(&T) -> String) -> Vec<String> {
    let a: BTreeMap<String, &T> = old.iter().map(|x| (key(x), x)).collect();
    let b: BTreeMap<String, &T> = new.iter().map(|x| (key(x), x)).collect();
    let mut out = Vec::new();
    for (k, x) in &a {
        match b.get(k) {
            None => out.push(format!("- {k}")),
            Some(y) if y != x => out.push(format!("~ {k}")),
            Some(_) => {}
        }
    }
    out.extend(b.keys().filter(|k| !a.contains_key(*k)).map(|k| format!("+ {k}")));
    out
}

fn caveat_text(c: &Caveat) -> String {
    format!("{:?}", c.plain.en)
}

/// The report a curator reads: one line per change, grouped by dataset,
/// then a summary line. `+` added, `-` removed, `~` changed.
pub fn render(d: &PackageDiff) -> String {
    let mut out = String::new();
    let (ov, or) = &d.old_release;
    let (nv, nr) = &d.new_release;
    let _ = writeln!(out, "release: {ov} ({or}) → {nv} ({nr})");
    for ds in &d.datasets {
        let status = match ds.status {
            DatasetStatus::Added => "added",
            DatasetStatus::Removed => "removed",
            DatasetStatus::Changed => "changed",
        };
        let _ = writeln!(out, "dataset {}: {status}", ds.id);
        if ds.status == DatasetStatus::Changed {
            for f in &ds.figures_changed {
                let _ = writeln!(out, "  ~ figure {} {}: {}", ds.id, f.key, f.fields().join("; "));
            }
            for o in &ds.figures_added {
                let _ = writeln!(out, "  + figure {} {}: {}", ds.id, FigureKey::of(o), o.value);
            }
            for o in &ds.figures_removed {
                let _ = writeln!(out, "  - figure {} {}: {}", ds.id, FigureKey::of(o), o.value);
            }
        } else {
            let n = ds.figures_added.len() + ds.figures_removed.len();
            let _ = writeln!(out, "  {n} figure(s) {status} with the dataset");
        }
        for c in &ds.caveats {
            let _ = match c {
                CaveatChange::Added { kind, n, new } => {
                    writeln!(out, "  + caveat {} #{n}: {}", kind.code(), caveat_text(new))
                }
                CaveatChange::Removed { kind, n, old } => {
                    writeln!(out, "  - caveat {} #{n}: {}", kind.code(), caveat_text(old))
                }
                CaveatChange::Changed { kind, n, old, new } => {
                    let fields = json_field_changes(old, new);
                    writeln!(out, "  ~ caveat {} #{n}: {}", kind.code(), fields.join("; "))
                }
            };
        }
        for s in &ds.sources {
            let _ = match s {
                SourceChange::Added(s) => writeln!(out, "  + source {}: {} ({})", s.id, s.title, s.url),
                SourceChange::Removed(s) => writeln!(out, "  - source {}: {} ({})", s.id, s.title, s.url),
                SourceChange::Changed { id, fields } => writeln!(out, "  ~ source {id}: {}", fields.join("; ")),
            };
        }
        if !ds.metadata.is_empty() {
            let _ = writeln!(out, "  ~ metadata: {}", ds.metadata.join(", "));
        }
    }
    for g in &d.geographies {
        let _ = writeln!(out, "geography {g}");
    }
    for t in &d.glossary {
        let _ = writeln!(out, "glossary {t}");
    }
    let _ = writeln!(out, "{}", summary(d));
    out
}

/// One line: what changed, in counts.
pub fn summary(d: &PackageDiff) -> String {
    if d.is_empty() {
        return "no changes in the data".to_string();
    }
    let sum = |f: fn(&DatasetDiff) -> usize| d.datasets.iter().map(f).sum::<usize>();
    format!(
        "{} dataset(s) differ: {} figure(s) changed, {} added, {} removed; {} caveat change(s); {} source change(s); {} geography and {} glossary change(s)",
        d.datasets.len(),
        sum(|x| x.figures_changed.len()),
        sum(|x| x.figures_added.len()),
        sum(|x| x.figures_removed.len()),
        sum(|x| x.caveats.len()),
        sum(|x| x.sources.len()),
        d.geographies.len(),
        d.glossary.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Localised;
    use std::path::Path;

    fn package() -> Package {
        crate::package::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("the data package is valid")
    }

    #[test]
    fn a_package_against_itself_has_no_changes() {
        let p = package();
        let d = diff(&p, &p);
        assert!(d.is_empty(), "{d:?}");
        assert!(render(&d).ends_with("no changes in the data\n"));
    }

    #[test]
    fn the_release_alone_is_not_a_data_change() {
        let old = package();
        let mut new = old.clone();
        new.version = "2099.1.0".into();
        let d = diff(&old, &new);
        assert!(d.is_empty());
        assert!(render(&d).contains(&format!("release: {} ({}) → 2099.1.0", old.version, old.released)));
    }

    #[test]
    fn figures_changed_added_removed_and_caveats_and_sources() {
        let old = package();
        let mut new = old.clone();
        let ds = &mut new.datasets[0];
        let id = ds.meta.id.clone();
        let first = ds.observations[0].clone();
        let old_value = first.value;
        ds.observations[0].value = old_value + 1.0;
        let removed = ds.observations.remove(1);
        let mut added = first.clone();
        added.geo = "ZZZ-NOT-A-PLACE".into();
        ds.observations.push(added);
        let kind = ds.meta.caveats[0].kind;
        ds.meta.caveats[0].plain = Localised::new("A changed caveat.");
        ds.meta.sources[0].url = "https://example.org/moved".into();
        ds.meta.title.en.push_str(" (renamed)");

        let d = diff(&old, &new);
        assert!(!d.is_empty());
        assert_eq!(d.datasets.len(), 1, "{d:?}");
        let dd = &d.datasets[0];
        assert_eq!(dd.id, id);
        assert_eq!(dd.figures_changed.len(), 1);
        assert_eq!(dd.figures_changed[0].fields(), vec![format!("value: {} → {}", old_value, old_value + 1.0)]);
        assert_eq!(dd.figures_removed, vec![removed.clone()]);
        assert_eq!(dd.figures_added.len(), 1);
        assert_eq!(dd.figures_added[0].geo, "ZZZ-NOT-A-PLACE");
        assert!(matches!(&dd.caveats[..], [CaveatChange::Changed { kind: k, n: 1, .. }] if *k == kind), "{:?}", dd.caveats);
        assert!(matches!(&dd.sources[..], [SourceChange::Changed { fields, .. }] if fields.len() == 1 && fields[0].starts_with("url: ")));
        assert_eq!(dd.metadata, vec!["title".to_string()]);

        let text = render(&d);
        let key = FigureKey::of(&first);
        assert!(text.contains(&format!("  ~ figure {id} {key}: value: {} → {}", old_value, old_value + 1.0)), "{text}");
        assert!(text.contains(&format!("  - figure {id} {}: {}", FigureKey::of(&removed), removed.value)), "{text}");
        assert!(text.contains(&format!("  ~ caveat {} #1: plain: ", kind.code())), "{text}");
        assert!(text.contains("A changed caveat."), "{text}");
        assert!(text.contains("1 figure(s) changed, 1 added, 1 removed; 1 caveat change(s); 1 source change(s)"), "{text}");
    }

    #[test]
    fn datasets_added_and_removed_whole() {
        let old = package();
        let mut new = old.clone();
        let gone = new.datasets.remove(0);
        let d = diff(&old, &new);
        assert_eq!(d.datasets.len(), 1);
        assert_eq!(d.datasets[0].status, DatasetStatus::Removed);
        assert_eq!(d.datasets[0].figures_removed.len(), gone.observations.len());
        let back = diff(&new, &old);
        assert_eq!(back.datasets[0].status, DatasetStatus::Added);
        assert!(render(&back).contains(&format!("dataset {}: added", gone.meta.id)));
    }

    #[test]
    fn a_removed_caveat_and_a_changed_geography_are_reported() {
        let old = package();
        let mut new = old.clone();
        let ds = &mut new.datasets[0];
        let last = ds.meta.caveats.pop().expect("a caveat");
        new.geographies[0].name.en.push('!');
        let d = diff(&old, &new);
        assert!(matches!(&d.datasets[0].caveats[..], [CaveatChange::Removed { old, .. }] if *old == last));
        assert_eq!(d.geographies, vec![format!("~ {}", old.geographies[0].code)]);
    }
}
