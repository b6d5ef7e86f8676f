//! The map of the online-CSEA data ecosystem (`data/ecosystem.json`): who
//! holds which data, how it flows, which dataset of the package comes from
//! where, which flows have no public data, and the sources the dashboard
//! cannot chart. It is curated text beside the data package, not one of its
//! resources, and it is validated against the package: every dataset of the
//! package comes from exactly one node, so the map cannot silently fall
//! behind the data.
//!
//! [`render_svg`] draws the diagram (server-side, deterministic); the app
//! inlines it next to the equivalent list, which carries the same facts.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::chart::escape_xml;
use crate::chart::text::{FontWeight, wrap};
use crate::model::{Lang, Localised, Sector, Tone, ToneText};
use crate::package::{FileSource, Package};
use crate::validate::{ValidationError, ValidationErrors};
use crate::words::W;

/// The file's path inside the data folder.
pub const FILE: &str = "ecosystem.json";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Ecosystem {
    /// What the file is, for whoever opens it; not shown.
    #[serde(default, skip_serializing)]
    pub about: String,
    /// The paths data take (one row of the diagram each), in order.
    pub lanes: Vec<Lane>,
    pub nodes: Vec<Node>,
    pub flows: Vec<Flow>,
    /// Sources looked at but not charted, with why.
    pub uncharted: Vec<UnchartedSource>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: String,
    pub name: Localised,
}

/// Someone who holds (or gives) data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    pub lane: String,
    /// Position along the lane, from 0 (where data arise).
    pub step: u8,
    /// None for people who give data without publishing it (the public,
    /// children surveyed).
    pub sector: Option<Sector>,
    pub name: Localised,
    /// Who this is and what data it holds.
    pub holds: ToneText,
    /// Ids of the package's datasets published from here.
    pub datasets: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub public_data: bool,
    pub label: Localised,
    /// For a flow with no public data: what is missing (required then,
    /// refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<ToneText>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UnchartedSource {
    pub id: String,
    pub name: Localised,
    pub offers: ToneText,
    pub why_not: ToneText,
    pub would_change: Localised,
    /// Where in `../shared/data` what is said here was recorded; empty when
    /// the verified sources hold nothing about it (and the text says so).
    pub sources: Vec<String>,
}

impl Ecosystem {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
    pub fn lane(&self, id: &str) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }
    /// The node a dataset comes from.
    pub fn node_of_dataset(&self, dataset: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.datasets.iter().any(|d| d == dataset))
    }
    pub fn flows_from<'a>(&'a self, node: &'a str) -> impl Iterator<Item = &'a Flow> + 'a {
        self.flows.iter().filter(move |f| f.from == node)
    }
    /// The nodes of a lane, by step.
    pub fn lane_nodes(&self, lane: &str) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.nodes.iter().filter(|n| n.lane == lane).collect();
        v.sort_by_key(|n| n.step);
        v
    }
    /// A node with no dataset of which every flow, in or out, has no
    /// public data (drawn dashed).
    pub fn no_public_data(&self, node: &Node) -> bool {
        let mut touching = self.flows.iter().filter(|f| f.from == node.id || f.to == node.id).peekable();
        node.datasets.is_empty() && touching.peek().is_some() && touching.all(|f| !f.public_data)
    }
    /// Where a node's link goes: its dataset's page, or its entry in the
    /// page's list (which links every dataset) when it has several or none.
    pub fn node_href(&self, node: &Node) -> String {
        match node.datasets.as_slice() {
            [one] => format!("/datasets/{one}"),
            _ => format!("/ecosystem#node-{}", node.id),
        }
    }
}

/// A dataset of the package as the ecosystem map shows it: where it comes
/// from, who publishes it and how its figures arise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EcosystemDataset {
    pub id: String,
    pub title: Localised,
    pub publisher: String,
    pub sector: Sector,
    pub origin: crate::model::Origin,
    /// The node it comes from.
    pub node: String,
}

/// `GET /api/v1/ecosystem`: the map, with the package's datasets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EcosystemView {
    pub lanes: Vec<Lane>,
    pub nodes: Vec<Node>,
    pub flows: Vec<Flow>,
    pub datasets: Vec<EcosystemDataset>,
    pub uncharted: Vec<UnchartedSource>,
}

impl EcosystemView {
    /// The view of a validated map over its package.
    pub fn new(eco: &Ecosystem, package: &Package) -> EcosystemView {
        let datasets = package
            .datasets
            .iter()
            .filter_map(|d| {
                let node = eco.node_of_dataset(&d.meta.id)?;
                Some(EcosystemDataset {
                    id: d.meta.id.clone(),
                    title: d.meta.title.clone(),
                    publisher: d.meta.publisher.clone(),
                    sector: d.meta.sector,
                    origin: d.meta.origin,
                    node: node.id.clone(),
                })
            })
            .collect();
        EcosystemView { lanes: eco.lanes.clone(), nodes: eco.nodes.clone(), flows: eco.flows.clone(), datasets, uncharted: eco.uncharted.clone() }
    }
    /// The map again (for the app, which receives the view).
    pub fn ecosystem(&self) -> Ecosystem {
        Ecosystem { about: String::new(), lanes: self.lanes.clone(), nodes: self.nodes.clone(), flows: self.flows.clone(), uncharted: self.uncharted.clone() }
    }
}

/// Reads and validates `ecosystem.json` from a data folder. Ok(None) when
/// the folder has none (an older data release).
pub fn load(src: &dyn FileSource, package: &Package) -> Result<Option<Ecosystem>, ValidationErrors> {
    match src.read(FILE) {
        None => Ok(None),
        Some(bytes) => parse(&bytes, package).map(Some),
    }
}

fn err(field: impl Into<String>, problem: impl Into<String>) -> ValidationError {
    ValidationError { file: FILE.to_string(), row: None, field: field.into(), problem: problem.into() }
}

/// Parses and validates the file's bytes against the package; every
/// problem is reported, as `ecosystem.json: field: problem`.
pub fn parse(bytes: &[u8], package: &Package) -> Result<Ecosystem, ValidationErrors> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ValidationErrors(vec![err("json", format!("not valid JSON: {e}"))]))?;
    let eco: Ecosystem = serde_path_to_error::deserialize(value)
        .map_err(|e| ValidationErrors(vec![err(e.path().to_string(), e.inner().to_string())]))?;
    let errors = validate(&eco, package);
    if errors.is_empty() { Ok(eco) } else { Err(ValidationErrors(errors)) }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_localised(errors: &mut Vec<ValidationError>, field: &str, text: &Localised) {
    if text.en.trim().is_empty() {
        errors.push(err(format!("{field}.en"), "is empty"));
    }
    if text.fr.as_deref().is_none_or(|f| f.trim().is_empty()) {
        errors.push(err(format!("{field}.fr"), "is missing: every text is in English and French"));
    }
}

fn check_tone(errors: &mut Vec<ValidationError>, field: &str, text: &ToneText) {
    check_localised(errors, &format!("{field}.plain"), &text.plain);
    check_localised(errors, &format!("{field}.technical"), &text.technical);
}

fn validate(eco: &Ecosystem, package: &Package) -> Vec<ValidationError> {
    let mut e = Vec::new();
    let mut lanes = HashSet::new();
    for (i, l) in eco.lanes.iter().enumerate() {
        if !is_identifier(&l.id) {
            e.push(err(format!("lanes[{i}].id"), format!("'{}' is not a lowercase identifier", l.id)));
        }
        if !lanes.insert(l.id.as_str()) {
            e.push(err(format!("lanes[{i}].id"), format!("'{}' is used twice", l.id)));
        }
        check_localised(&mut e, &format!("lanes[{i}].name"), &l.name);
    }
    let mut nodes = HashSet::new();
    let mut places = HashMap::new();
    let mut attached: HashMap<&str, &str> = HashMap::new();
    for (i, n) in eco.nodes.iter().enumerate() {
        if !is_identifier(&n.id) {
            e.push(err(format!("nodes[{i}].id"), format!("'{}' is not a lowercase identifier", n.id)));
        }
        if !nodes.insert(n.id.as_str()) {
            e.push(err(format!("nodes[{i}].id"), format!("'{}' is used twice", n.id)));
        }
        if !lanes.contains(n.lane.as_str()) {
            e.push(err(format!("nodes[{i}].lane"), format!("no lane '{}' in lanes", n.lane)));
        }
        if n.step > 5 {
            e.push(err(format!("nodes[{i}].step"), format!("{} is more than 5 steps along a lane", n.step)));
        }
        if let Some(other) = places.insert((n.lane.as_str(), n.step), n.id.as_str()) {
            e.push(err(format!("nodes[{i}].step"), format!("'{}' and '{other}' are both at step {} of lane '{}'", n.id, n.step, n.lane)));
        }
        check_localised(&mut e, &format!("nodes[{i}].name"), &n.name);
        check_tone(&mut e, &format!("nodes[{i}].holds"), &n.holds);
        for (j, d) in n.datasets.iter().enumerate() {
            if package.dataset(d).is_none() {
                e.push(err(format!("nodes[{i}].datasets[{j}]"), format!("no dataset '{d}' in the data package")));
            } else if let Some(other) = attached.insert(d.as_str(), n.id.as_str()) {
                e.push(err(format!("nodes[{i}].datasets[{j}]"), format!("dataset '{d}' is already attached to node '{other}'")));
            }
        }
    }
    for d in &package.datasets {
        if !attached.contains_key(d.meta.id.as_str()) {
            e.push(err("nodes", format!("dataset '{}' of the data package is attached to no node", d.meta.id)));
        }
    }
    for (i, f) in eco.flows.iter().enumerate() {
        for (field, id) in [("from", &f.from), ("to", &f.to)] {
            if !nodes.contains(id.as_str()) {
                e.push(err(format!("flows[{i}].{field}"), format!("no node '{id}' in nodes")));
            }
        }
        if f.from == f.to {
            e.push(err(format!("flows[{i}].to"), format!("a flow from '{}' to itself", f.from)));
        }
        check_localised(&mut e, &format!("flows[{i}].label"), &f.label);
        match (&f.gap, f.public_data) {
            (None, false) => e.push(err(format!("flows[{i}].gap"), "a flow with no public data must say what is missing")),
            (Some(_), true) => e.push(err(format!("flows[{i}].gap"), "only a flow with no public data has a gap")),
            (Some(g), false) => check_tone(&mut e, &format!("flows[{i}].gap"), g),
            (None, true) => {}
        }
    }
    let mut uncharted = HashSet::new();
    for (i, u) in eco.uncharted.iter().enumerate() {
        if !is_identifier(&u.id) {
            e.push(err(format!("uncharted[{i}].id"), format!("'{}' is not a lowercase identifier", u.id)));
        }
        if !uncharted.insert(u.id.as_str()) {
            e.push(err(format!("uncharted[{i}].id"), format!("'{}' is used twice", u.id)));
        }
        check_localised(&mut e, &format!("uncharted[{i}].name"), &u.name);
        check_tone(&mut e, &format!("uncharted[{i}].offers"), &u.offers);
        check_tone(&mut e, &format!("uncharted[{i}].why_not"), &u.why_not);
        check_localised(&mut e, &format!("uncharted[{i}].would_change"), &u.would_change);
        for (j, s) in u.sources.iter().enumerate() {
            if !s.starts_with("SOURCES") && s != "README.md" {
                e.push(err(format!("uncharted[{i}].sources[{j}]"), format!("'{s}' is not a place in ../shared/data (SOURCES*.md or README.md)")));
            }
        }
    }
    e
}

/// Light fills, one per sector (text stays dark on all of them); the
/// sector is also written in each box, so colour is never the only cue.
fn sector_fill(sector: Option<Sector>) -> &'static str {
    match sector {
        Some(Sector::Government) => "#dbe9f6",
        Some(Sector::Industry) => "#fde2c8",
        Some(Sector::Ngo) => "#d9f0d3",
        Some(Sector::Academia) => "#e8dcf0",
        Some(Sector::Intergovernmental) => "#fff3b0",
        None => "#ffffff",
    }
}

const INK: &str = "#222222";
const MUTED: &str = "#555555";

struct Layout {
    width: f64,
    height: f64,
    /// Node id -> (x, y, w, h)
    boxes: HashMap<String, (f64, f64, f64, f64)>,
    /// Lane id -> y of its heading
    lane_y: Vec<(String, f64)>,
    /// Narrow only: node id -> the wrapped lines of its outgoing flows,
    /// each with the whole sentence.
    flow_lines: HashMap<String, Vec<(Vec<String>, String)>>,
    narrow: bool,
}

const BOX_W: f64 = 168.0;
const BOX_H: f64 = 74.0;
const NARROW_BOX_H: f64 = 50.0;
const PITCH_X: f64 = 214.0;
const LANE_H: f64 = 118.0;
const MARGIN: f64 = 16.0;
const NARROW_W: f64 = 360.0;
const FLOW_SIZE: f64 = 11.5;
const FLOW_LINE: f64 = 15.0;

fn layout(eco: &Ecosystem, lang: Lang, narrow: bool, top: f64) -> Layout {
    let mut boxes = HashMap::new();
    let mut lane_y = Vec::new();
    let mut flow_lines = HashMap::new();
    if !narrow {
        let max_step = eco.nodes.iter().map(|n| n.step).max().unwrap_or(0) as f64;
        let mut y = top;
        for lane in &eco.lanes {
            lane_y.push((lane.id.clone(), y));
            for n in eco.lane_nodes(&lane.id) {
                boxes.insert(n.id.clone(), (MARGIN + n.step as f64 * PITCH_X, y + 22.0, BOX_W, BOX_H));
            }
            y += LANE_H;
        }
        Layout { width: MARGIN * 2.0 + max_step * PITCH_X + BOX_W, height: y, boxes, lane_y, flow_lines, narrow }
    } else {
        // One column: each lane's heading, then its nodes, each followed by
        // the sentences of its outgoing flows.
        let w = NARROW_W - 2.0 * MARGIN;
        let mut y = top;
        for lane in &eco.lanes {
            lane_y.push((lane.id.clone(), y));
            y += 22.0;
            for n in eco.lane_nodes(&lane.id) {
                boxes.insert(n.id.clone(), (MARGIN, y, w, NARROW_BOX_H));
                y += NARROW_BOX_H + 6.0;
                let mut lines = Vec::new();
                for flow in eco.flows_from(&n.id) {
                    let to = eco.node(&flow.to).map(|t| t.name.get(lang)).unwrap_or(&flow.to);
                    let mut text = format!("→ {to}{}{}", colon(lang), flow.label.get(lang));
                    if !flow.public_data {
                        text.push_str(&format!(" ({})", W::EcoNoPublicData.get(lang)));
                    }
                    let wrapped = wrap(&text, FLOW_SIZE, FontWeight::Regular, w - 12.0);
                    y += FLOW_LINE * wrapped.len() as f64 + 3.0;
                    lines.push((wrapped, text));
                }
                flow_lines.insert(n.id.clone(), lines);
                y += 8.0;
            }
            y += 8.0;
        }
        Layout { width: NARROW_W, height: y, boxes, lane_y, flow_lines, narrow }
    }
}

/// The colon between a name and what follows, as each language writes it.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// The point where the segment from the centre of `b` towards `(tx, ty)`
/// leaves the box.
fn edge(b: (f64, f64, f64, f64), tx: f64, ty: f64) -> (f64, f64) {
    let (cx, cy) = (b.0 + b.2 / 2.0, b.1 + b.3 / 2.0);
    let (dx, dy) = (tx - cx, ty - cy);
    if dx == 0.0 && dy == 0.0 {
        return (cx, cy);
    }
    let sx = if dx != 0.0 { (b.2 / 2.0) / dx.abs() } else { f64::INFINITY };
    let sy = if dy != 0.0 { (b.3 / 2.0) / dy.abs() } else { f64::INFINITY };
    let s = sx.min(sy);
    (cx + dx * s, cy + dy * s)
}

fn f(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() { format!("{}", r as i64) } else { format!("{r:.1}") }
}

/// The title and the legend, and the y where the diagram may start.
fn heading(lang: Lang, width: f64) -> (String, f64) {
    let mut s = String::new();
    let title_lines = wrap(W::EcoTitle.get(lang), 18.0, FontWeight::Bold, width - 2.0 * MARGIN);
    let mut y = 26.0;
    for line in &title_lines {
        let _ = write!(s, r#"<text x="{}" y="{}" font-size="18" font-weight="bold" fill="{INK}">{}</text>"#, f(MARGIN), f(y), escape_xml(line));
        y += 22.0;
    }
    y += 8.0;
    let mut items: Vec<(Option<Option<Sector>>, String)> = Sector::ALL.iter().map(|sec| (Some(Some(*sec)), sec.label(lang).to_string())).collect();
    items.push((Some(None), W::EcoNoSector.get(lang).to_string()));
    items.push((None, W::EcoLegendDashed.get(lang).to_string()));
    let mut x = MARGIN;
    for (kind, label) in &items {
        let w = 30.0 + crate::chart::text::width(label, 11.0, FontWeight::Regular) + 14.0;
        if x > MARGIN && x + w > width - MARGIN {
            x = MARGIN;
            y += 17.0;
        }
        match kind {
            Some(sec) => {
                let _ = write!(s, r##"<rect x="{}" y="{}" width="22" height="11" fill="{}" stroke="#666666"/>"##, f(x), f(y - 9.0), sector_fill(*sec));
            }
            None => {
                let _ = write!(s, r##"<rect x="{}" y="{}" width="22" height="11" fill="#ffffff" stroke="#444444" stroke-dasharray="4 2"/>"##, f(x), f(y - 9.0));
            }
        }
        let _ = write!(s, r#"<text x="{}" y="{}" font-size="11" fill="{INK}">{}</text>"#, f(x + 27.0), f(y), escape_xml(label));
        x += w;
    }
    (s, y + 22.0)
}

/// Draws the diagram as SVG. `narrow` lays it out in one column 360 units
/// wide (for phones) instead of one row per lane. Deterministic: the same
/// input gives the same bytes.
pub fn render_svg(eco: &Ecosystem, lang: Lang, tone: Tone, narrow: bool) -> String {
    let width = if narrow { NARROW_W } else { layout(eco, lang, false, 0.0).width };
    let (head, top) = heading(lang, width);
    let l = layout(eco, lang, narrow, top);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="eco-svg-title eco-svg-desc" font-family="Evidence Sans, Liberation Sans, Arial, sans-serif" lang="{lang}" class="ecosystem-diagram">"#,
        w = f(l.width),
        h = f(l.height),
        lang = lang.code()
    );
    let _ = write!(s, r#"<title id="eco-svg-title">{}</title>"#, escape_xml(W::EcoTitle.get(lang)));
    let _ = write!(s, r#"<desc id="eco-svg-desc">{}</desc>"#, escape_xml(W::EcoDesc.get(lang)));
    s.push_str(r##"<defs><marker id="eco-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444444"/></marker></defs>"##);
    let _ = write!(s, r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##, f(l.width), f(l.height));
    s.push_str(&head);
    for (lane_id, y) in &l.lane_y {
        if let Some(lane) = eco.lane(lane_id) {
            let _ = write!(s, r#"<text x="{}" y="{}" font-size="12" font-weight="bold" fill="{MUTED}">{}</text>"#, f(MARGIN), f(y + 14.0), escape_xml(lane.name.get(lang)));
        }
    }
    if !l.narrow {
        for flow in &eco.flows {
            let (Some(a), Some(b)) = (l.boxes.get(&flow.from), l.boxes.get(&flow.to)) else { continue };
            let (x1, y1) = edge(*a, b.0 + b.2 / 2.0, b.1 + b.3 / 2.0);
            let (x2, y2) = edge(*b, a.0 + a.2 / 2.0, a.1 + a.3 / 2.0);
            let dash = if flow.public_data { "" } else { r#" stroke-dasharray="5 3""# };
            let _ = write!(s, r##"<g class="eco-flow"><title>{}</title><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#444444" stroke-width="1.5"{dash} marker-end="url(#eco-arrow)"/></g>"##, escape_xml(&flow_sentence(eco, flow, lang)), f(x1), f(y1), f(x2), f(y2));
        }
    }
    for node in &eco.nodes {
        let Some(&(x, y, w, h)) = l.boxes.get(&node.id) else { continue };
        let dash = if eco.no_public_data(node) { r#" stroke-dasharray="5 3""# } else { "" };
        let _ = write!(s, r#"<a href="{}" class="eco-node" id="eco-svg-node-{}"><title>{}</title>"#, escape_xml(&eco.node_href(node)), escape_xml(&node.id), escape_xml(&format!("{}{}{}", node.name.get(lang), colon(lang), node.holds.get(tone, lang))));
        let _ = write!(s, r##"<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" stroke="#444444" stroke-width="1.2"{dash}/>"##, f(x), f(y), f(w), f(h), sector_fill(node.sector));
        let lines = wrap(node.name.get(lang), 13.0, FontWeight::Bold, w - 14.0);
        let lines = &lines[..lines.len().min(2)];
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(s, r#"<text x="{}" y="{}" font-size="13" font-weight="bold" fill="{INK}">{}</text>"#, f(x + 7.0), f(y + 18.0 + 15.0 * i as f64), escape_xml(line));
        }
        let sector = node.sector.map(|sec| sec.label(lang)).unwrap_or(W::EcoNoSector.get(lang));
        let count = W::EcoDatasetCount.count(lang, node.datasets.len() as f64, &[]);
        let meta = wrap(&format!("{sector} · {count}"), 10.5, FontWeight::Regular, w - 14.0);
        let meta_y = y + 18.0 + 15.0 * lines.len() as f64 + 2.0;
        for (i, line) in meta.iter().take(2).enumerate() {
            let _ = write!(s, r#"<text x="{}" y="{}" font-size="10.5" fill="{INK}">{}</text>"#, f(x + 7.0), f(meta_y + 13.0 * i as f64), escape_xml(line));
        }
        s.push_str("</a>");
        if let Some(flows) = l.flow_lines.get(&node.id) {
            let mut ty = y + h + 6.0 + FLOW_SIZE;
            for (wrapped, text) in flows {
                let _ = write!(s, r#"<text class="eco-flow" font-size="{}" fill="{INK}"><title>{}</title>"#, FLOW_SIZE, escape_xml(text));
                for (i, line) in wrapped.iter().enumerate() {
                    let indent = if i == 0 { 6.0 } else { 18.0 };
                    let _ = write!(s, r#"<tspan x="{}" y="{}">{}</tspan>"#, f(x + indent), f(ty), escape_xml(line));
                    ty += FLOW_LINE;
                }
                s.push_str("</text>");
                ty += 3.0;
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// "A → B: label (no public data)", the sentence both the diagram's arrow
/// titles and the page's list use.
pub fn flow_sentence(eco: &Ecosystem, flow: &Flow, lang: Lang) -> String {
    let from = eco.node(&flow.from).map(|n| n.name.get(lang)).unwrap_or(&flow.from);
    let to = eco.node(&flow.to).map(|n| n.name.get(lang)).unwrap_or(&flow.to);
    let mut t = format!("{from} → {to}{}{}", colon(lang), flow.label.get(lang));
    if !flow.public_data {
        t.push_str(&format!(" ({})", W::EcoNoPublicData.get(lang)));
    }
    t
}
