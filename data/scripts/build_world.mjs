#!/usr/bin/env node
// Build assets/world-110m.json: the choropleth's world geometry in our compact,
// pre-projected format (see assets/world-110m.LICENSE.md).
//
// Sources (installed outside the repo, never committed):
//   npm world-atlas 2.0.2 (ISC) countries-110m.json: Natural Earth 1:110m
//       Admin 0 countries (public domain) as TopoJSON, ids = ISO 3166-1 numeric.
//   npm topojson-client 3.1.0 (ISC): TopoJSON -> GeoJSON.
//   npm d3-geo 3.1.2 (ISC): geoEqualEarth projection, antimeridian clipping,
//       adaptive resampling.
//   npm i18n-iso-countries 7.14.0 (MIT) codes.json: ISO numeric -> alpha-3.
//
// Setup and run (from the repo root):
//   mkdir -p /tmp/geo-npm && cp data/scripts/package.json /tmp/geo-npm/
//   npm install --prefix /tmp/geo-npm
//   node data/scripts/build_world.mjs --node-modules /tmp/geo-npm/node_modules
//
// What it does:
//   * features -> ISO alpha-3 ids; the three world-atlas features without an id
//     get: Kosovo -> XKX (as in geographies.csv, NCMEC, country_converter);
//     N. Cyprus -> XNC and Somaliland -> XSL (ids of our own, unambiguous
//     names, NOT in geographies.csv: the map draws them as "no data").
//   * Antarctica (ATA) is dropped (no data on it; saves space and height).
//   * Equal Earth projection fitted to the remaining features, 1000 units wide;
//     y grows downwards (SVG).
//   * coordinates rounded to integers; repeated and collinear points removed;
//     rings that collapse to fewer than 3 points are dropped.
//   * each polygon -> one SVG path string: "M x y" then relative "l dx dy..."
//     per ring, "z" closing each ring (holes follow their outer ring, so fill
//     with fill-rule evenodd).

import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
}
const nodeModules = resolve(arg("--node-modules", "/tmp/geo-npm/node_modules"));
const outPath = resolve(arg("--out", join(repo, "assets", "world-110m.json")));

const req = createRequire(join(nodeModules, "_resolve_from_here.js"));
const load = async (name) => import(pathToFileURL(req.resolve(name)).href);
const readJson = (p) => JSON.parse(readFileSync(p, "utf8"));

const atlasVersion = readJson(join(nodeModules, "world-atlas", "package.json")).version;
const topo = readJson(join(nodeModules, "world-atlas", "countries-110m.json"));
const codes = readJson(join(nodeModules, "i18n-iso-countries", "codes.json"));
const { feature } = await load("topojson-client");
const { geoEqualEarth, geoPath } = await load("d3-geo");

const numToA3 = new Map(codes.map(([, a3, num]) => [num, a3]));
// world-atlas features with no id, by their (unambiguous) Natural Earth name.
const NO_ID = { "Kosovo": "XKX", "N. Cyprus": "XNC", "Somaliland": "XSL" };
const DROP = new Set(["ATA"]);

const log = [];
const all = feature(topo, topo.objects.countries).features;
const kept = [];
for (const f of all) {
  const name = f.properties.name;
  let id;
  if (f.id === undefined) {
    id = NO_ID[name];
    if (!id) throw new Error(`feature without id and no rule: ${name}`);
    log.push(`no id: ${name} -> ${id}`);
  } else {
    id = numToA3.get(f.id);
    if (!id) throw new Error(`unknown ISO numeric ${f.id} (${name})`);
  }
  if (DROP.has(id)) { log.push(`dropped ${id} ${name}`); continue; }
  kept.push({ id, name, geometry: f.geometry });
}
const ids = kept.map((f) => f.id);
if (new Set(ids).size !== ids.length) throw new Error("duplicate ids");

const WIDTH = 1000;
const projection = geoEqualEarth().fitWidth(WIDTH, {
  type: "FeatureCollection",
  features: kept.map((f) => ({ type: "Feature", geometry: f.geometry })),
});
const [[, y0], [, y1]] = geoPath(projection).bounds({
  type: "FeatureCollection",
  features: kept.map((f) => ({ type: "Feature", geometry: f.geometry })),
});
const HEIGHT = Math.ceil(y1);

// A d3 path context that records rings as arrays of integer points.
function ringsOf(geometry) {
  const rings = [];
  let cur = null;
  const ctx = {
    moveTo(x, y) { cur = [[Math.round(x), Math.round(y)]]; rings.push(cur); },
    lineTo(x, y) { cur.push([Math.round(x), Math.round(y)]); },
    closePath() { cur = null; },
    arc() {}, // points only; polygons never call it
  };
  geoPath(projection, ctx)(geometry);
  return rings;
}

function simplifyRing(pts) {
  // drop repeats
  let out = [];
  for (const p of pts) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  // drop middle points of straight runs (collinear, same direction)
  for (let changed = true; changed && out.length > 3; ) {
    changed = false;
    for (let i = 0; i < out.length && out.length > 3; i++) {
      const n = out.length;
      const a = out[(i - 1 + n) % n], b = out[i], c = out[(i + 1) % n];
      const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
      const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
      if (cross === 0 && dot > 0) { out.splice(i, 1); i--; changed = true; }
    }
  }
  return out.length >= 3 ? out : null;
}

function ringToPath(pts) {
  let s = `M${pts[0][0]} ${pts[0][1]}l`;
  const parts = [];
  for (let i = 1; i < pts.length; i++) {
    const dx = pts[i][0] - pts[i - 1][0], dy = pts[i][1] - pts[i - 1][1];
    parts.push(dx + (dy < 0 ? "" : " ") + dy);
  }
  // join pairs: a separator is needed only before a non-negative number
  s += parts.reduce((acc, p) => acc + (acc && !p.startsWith("-") ? " " : "") + p, "");
  return s + "z";
}

const features = [];
let droppedRings = 0;
for (const f of kept) {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const paths = [];
  for (const poly of polys) {
    const rings = ringsOf({ type: "Polygon", coordinates: poly }).map(simplifyRing);
    const lost = rings.filter((r) => !r).length;
    if (lost) log.push(`${f.id} ${f.name}: ${lost} ring(s) < 3 points after rounding, dropped`);
    droppedRings += lost;
    const d = rings.filter(Boolean).map(ringToPath).join("");
    if (d) paths.push(d);
  }
  if (!paths.length) log.push(`WARNING: ${f.id} ${f.name} vanished at this scale`);
  features.push({ id: f.id, name: f.name, paths });
}
features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const out = {
  projection: "equal-earth",
  source: `Natural Earth 1:110m via world-atlas ${atlasVersion} (public domain)`,
  width: WIDTH,
  height: HEIGHT,
  features,
};
// one feature per line: small diffs, still compact
const body = features.map((f) => JSON.stringify(f)).join(",\n");
const head = JSON.stringify({ ...out, features: [] }).replace(/\[\]\}$/, "");
writeFileSync(outPath, `${head}[\n${body}\n]}\n`);
console.log(`wrote ${outPath}: ${features.length} features, ${WIDTH}x${HEIGHT} (y0=${y0.toFixed(2)}), ` +
  `${droppedRings} rings dropped as < 3 points after rounding`);
for (const l of log) console.log("  " + l);
