// Lighthouse on the issue 12 routes, mobile defaults (Lighthouse's default
// config: Moto G Power screen, simulated slow 4G (150 ms RTT, 1.6 Mbit/s),
// 4x CPU slowdown), Debian Chromium, one fresh Chromium per run.
//
//   node bench/lighthouse/run.mjs        (bench/pages.sh runs it; server on $PAGES_PORT)
//
// Lighthouse 12.8.2 comes from bench/lighthouse/package-lock.json (`npm ci`
// from the npm registry in bench/pages.sh); nothing is downloaded at run time.
// Offline check: Chromium gets --host-resolver-rules that resolve no host but
// 127.0.0.1/localhost, every request of each page is checked to be local, and
// this Node process records any socket it opens to a non-loopback address
// (Lighthouse's error reporting, Sentry, is off by default and stays off).
//
// Writes bench/work/pages/lighthouse.json (+ one full report per route in
// bench/work/pages/lighthouse/).
import net from 'node:net';
import dns from 'node:dns';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const outside = [];
const LOCAL = /^(127\.|::1$|localhost$|::ffff:127\.)/;
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const o = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  const host = o.host ?? (o.path ? 'unix socket' : 'localhost');
  if (!LOCAL.test(String(host)) && host !== 'unix socket') outside.push(`tcp ${host}:${o.port}`);
  return origConnect.apply(this, args);
};
const origLookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!LOCAL.test(String(host))) outside.push(`dns ${host}`);
  return origLookup.call(this, host, ...rest);
};

const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');
const lhVersion = JSON.parse(fs.readFileSync(new URL('./node_modules/lighthouse/package.json', import.meta.url))).version;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BENCH = path.dirname(HERE);
const WORK = process.env.PAGES_WORK ?? path.join(BENCH, 'work', 'pages');
const BASE = `http://127.0.0.1:${process.env.PAGES_PORT ?? 8510}`;
const RUNS = Number(process.env.PAGES_LH_RUNS ?? 3);
const routes = JSON.parse(fs.readFileSync(path.join(BENCH, 'pages_routes.json'), 'utf8'));
const every = Object.fromEntries(routes.every);
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function summarise(lhr) {
  const a = lhr.audits;
  const num = (id) => (a[id] && a[id].numericValue != null ? Math.round(a[id].numericValue * 1000) / 1000 : null);
  const failing = {};
  for (const cat of ['accessibility', 'best-practices']) {
    failing[cat] = (lhr.categories[cat]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && a[r.id] && a[r.id].score !== null && a[r.id].score < 1)
      .map((r) => `${r.id}`);
  }
  const requests = a['network-requests']?.details?.items ?? [];
  const nonLocal = requests.map((r) => r.url).filter((u) => /^(https?|wss?):/.test(u) && !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)[:/]/.test(u));
  const errored = Object.values(a).filter((x) => x.scoreDisplayMode === 'error').map((x) => `${x.id}: ${String(x.errorMessage).slice(0, 120)}`);
  const findNode = (x) => { if (!x || typeof x !== 'object') return null; if (x.type === 'node' && x.selector) return x.selector;
    for (const v of Object.values(x)) { const f = findNode(v); if (f) return f; } return null; };
  const lcpEl = findNode(a['largest-contentful-paint-element']?.details);
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])),
    fcp_ms: num('first-contentful-paint'), lcp_ms: num('largest-contentful-paint'), tbt_ms: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'), si_ms: num('speed-index'), tti_ms: num('interactive'),
    lcp_element: lcpEl, failing,
    layout_shifts: (a['layout-shifts']?.details?.items ?? []).slice(0, 3).map((i) => `${i.node?.selector ?? '?'} ${Math.round((i.score ?? 0) * 1000) / 1000}`),
    console_errors: (a['errors-in-console']?.details?.items ?? []).slice(0, 3).map((i) => `${i.description ?? ''} ${i.sourceLocation?.url ?? ''}`.slice(0, 160)), requests: requests.length, non_local_requests: nonLocal, errored_audits: errored,
    run_warnings: lhr.runWarnings ?? [], runtime_error: lhr.runtimeError ?? null,
    throttling: lhr.configSettings.throttling, throttling_method: lhr.configSettings.throttlingMethod, form_factor: lhr.configSettings.formFactor,
  };
}

const doc = { lighthouse: lhVersion, base: BASE, chrome_flags: FLAGS, loadavg_start: loadavg(), runs_per_route: RUNS, routes: {} };
fs.mkdirSync(path.join(WORK, 'lighthouse'), { recursive: true });
for (const name of (process.env.PAGES_LH_ROUTES ? process.env.PAGES_LH_ROUTES.split(',') : routes.lighthouse)) {
  const url = BASE + every[name];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const la = loadavg();
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS, logLevel: 'silent' });
    try {
      const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      const s = { ...summarise(r.lhr), loadavg_before: la };
      fs.writeFileSync(path.join(WORK, 'lighthouse', `${name}-${i + 1}.json`), r.report);
      runs.push(s);
      console.log(`  ${name.padEnd(10)} run ${i + 1}: perf ${s.scores.performance} a11y ${s.scores.accessibility} bp ${s.scores['best-practices']}`
        + ` FCP ${Math.round(s.fcp_ms)} LCP ${Math.round(s.lcp_ms)} TBT ${Math.round(s.tbt_ms)} ms CLS ${s.cls}`
        + `${s.failing.accessibility.length ? ' a11y fails: ' + s.failing.accessibility.join(',') : ''}`
        + `${s.failing['best-practices'].length ? ' bp fails: ' + s.failing['best-practices'].join(',') : ''}`
        + `${s.non_local_requests.length ? ' NON-LOCAL: ' + s.non_local_requests.join(' ') : ''} (load ${la})`);
      if (s.runtime_error) console.log(`    runtime error: ${JSON.stringify(s.runtime_error)}`);
      for (const w of s.run_warnings) console.log(`    warning: ${String(w).slice(0, 200)}`);
    } catch (e) {
      runs.push({ error: String(e).slice(0, 500), loadavg_before: la });
      console.log(`  ${name} run ${i + 1}: ERROR ${String(e).slice(0, 300)}`);
    } finally {
      await chrome.kill();
    }
  }
  const ok = runs.filter((r) => !r.error);
  // The run with the median performance score stands for the route.
  const rep = ok.length ? [...ok].sort((a, b) => a.scores.performance - b.scores.performance)[ok.length >> 1] : null;
  doc.routes[name] = { path: every[name], runs, representative: rep,
    median: ok.length ? { performance: median(ok.map((r) => r.scores.performance)), lcp_ms: median(ok.map((r) => r.lcp_ms)), tbt_ms: median(ok.map((r) => r.tbt_ms)), cls: median(ok.map((r) => r.cls)) } : null };
}
doc.node_outside_connections = [...new Set(outside)];
doc.loadavg_end = loadavg();
console.log(`  outside connections from Lighthouse's Node process: ${doc.node_outside_connections.length ? doc.node_outside_connections.join(', ') : 'none'}`);
fs.writeFileSync(path.join(WORK, 'lighthouse.json'), JSON.stringify(doc, null, 2));
