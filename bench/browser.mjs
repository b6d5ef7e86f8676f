// Browser benchmarks in Debian Chromium through Playwright and CDP.
//
//   node bench/browser.mjs discover      which files a first visit loads (for payload.py)
//   node bench/browser.mjs first_chart   time to first chart, LCP, CLS (Fast 3G, 4x CPU, cold cache)
//   node bench/browser.mjs rerender      time to redraw the 240-country map on a period change
//
// Server: http://127.0.0.1:$BENCH_PORT (bench/run starts it).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const BASE = `http://127.0.0.1:${process.env.BENCH_PORT ?? 8501}`;
const DATASET = 'ncmec-cybertipline-by-country';
const CHART_PAGE = `/datasets/${DATASET}`;
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// "Fast 3G" as the issue defines it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms.
// CDP adds `latency` to every request (not per round trip) and caps throughput
// in bytes per second.
const FAST_3G = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const CPU_SLOWDOWN = 4;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function figure(key, label, value, unit, display, goal = null, met = null, command = null) {
  return { key, label, value, unit, display: display ?? (value == null ? 'n/a' : `${value} ${unit}`), goal, met, command };
}

function writeResults(name, figures, details, started) {
  const doc = { name, started, finished: new Date().toISOString(), loadavg: loadavg(), figures, details };
  fs.mkdirSync(path.join(BENCH, 'results'), { recursive: true });
  fs.writeFileSync(path.join(BENCH, 'results', `${name}.json`), JSON.stringify(doc, null, 2) + '\n');
  for (const f of figures) {
    const mark = f.met === true ? 'met' : f.met === false ? 'MISSED' : '';
    console.log(`  ${f.label.padEnd(58)} ${f.display.padStart(22)} ${f.goal ? `(goal ${f.goal})` : ''} ${mark}`);
  }
}

// Runs in the page before any of its scripts: when the chart and the caveat
// panel enter the DOM (MutationObserver), LCP, CLS and FCP (PerformanceObserver).
const OBSERVERS = () => {
  const b = (window.__bench = { chart: null, caveat: null, chartFrame: null, appChart: null, appCaveat: null, lcp: null, lcpElement: null, cls: 0, shifts: [], fcp: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) { b.lcp = e.startTime; b.lcpElement = e.element ? e.element.tagName + (e.element.className ? '.' + e.element.className : '') : e.url; }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) {
      b.cls += e.value;
      const what = (e.sources || []).slice(0, 3).map((s) => {
        const n = s.node; const name = !n ? '?' : n.nodeType === 1 ? n.tagName.toLowerCase() + (n.className && typeof n.className === 'string' ? '.' + n.className.split(' ')[0] : '') + (n.dataset && n.dataset.testid ? `[${n.dataset.testid}]` : '') : '#text';
        const r = (x) => `${Math.round(x.y)}+${Math.round(x.height)}`;
        return `${name} y ${r(s.previousRect)} -> ${r(s.currentRect)}`;
      });
      b.shifts.push([Math.round(e.startTime), Math.round(e.value * 1000) / 1000, what]);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const check = () => {
    const t = performance.now();
    // The first chart a reader sees: the server's first paint (in the HTML)
    // or the app's, whichever comes first; and the app's own, interactive.
    if (b.chart === null && document.querySelector('[data-testid=chart] svg, [data-testid=first-paint-chart] svg')) {
      b.chart = t;
      requestAnimationFrame(() => setTimeout(() => { b.chartFrame = performance.now(); }, 0));
    }
    if (b.caveat === null && document.querySelector('[data-testid=caveat-panel], [data-testid=first-paint-caveats]')) b.caveat = t;
    if (b.appChart === null && document.querySelector('[data-testid=chart] svg') && !document.getElementById('first-paint')) b.appChart = t;
    if (b.appCaveat === null && document.querySelector('[data-testid=caveat-panel]') && !document.getElementById('first-paint')) b.appCaveat = t;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
};

async function newPage(browser, { throttle }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (throttle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  }
  // Bytes on the wire as Chromium received them (headers + encoded body).
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => {
    requests.set(e.requestId, { url: e.response.url, type: e.type, status: e.response.status,
      encoding: (e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || 'identity'), bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  await page.addInitScript(OBSERVERS);
  return { context, page, cdp, requests };
}

async function visit(browser, url, { throttle }) {
  const { context, page, requests } = await newPage(browser, { throttle });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(BASE + url, { waitUntil: 'commit', timeout: 60_000 });
  // Until the app has taken over, so that CLS includes the hand-over.
  await page.waitForFunction(() => window.__bench && (window.__bench.appChart !== null || !location.pathname.startsWith('/datasets/'))
    && (window.__bench.appCaveat !== null || !location.pathname.startsWith('/datasets/')), null, { timeout: 60_000, polling: 50 });
  // Let late layout shifts and the LCP candidate settle, then quiet network.
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(1500);
  const b = await page.evaluate(() => window.__bench);
  const list = [...requests.values()];
  await context.close();
  return { ...b, requests: list, bytes: list.reduce((s, r) => s + r.bytes, 0), errors };
}

async function discover(browser) {
  const pages = {};
  for (const url of ['/', CHART_PAGE]) {
    const r = await visit(browser, url, { throttle: false });
    pages[url] = r.requests.filter((q) => q.url.startsWith(BASE)).map((q) => ({ ...q, path: q.url.slice(BASE.length) }));
    console.log(`  ${url}: ${pages[url].length} requests: ${pages[url].map((q) => q.path.split('?')[0]).join(' ')}`);
    if (r.errors.length) console.log(`  page errors: ${r.errors.join('; ')}`);
  }
  fs.mkdirSync(path.join(BENCH, 'work'), { recursive: true });
  fs.writeFileSync(path.join(BENCH, 'work', 'resources.json'), JSON.stringify(pages, null, 2));
}

async function firstChart(browser) {
  const started = new Date().toISOString();
  const figures = [];
  const details = { network: { ...FAST_3G, note: 'CDP Network.emulateNetworkConditions: latency added per request; throughput in bytes/s (200000 B/s = 1.6 Mbit/s, 93750 B/s = 750 kbit/s)' },
    cpu_slowdown: CPU_SLOWDOWN, runs: RUNS, pages: {} };
  const command = 'node bench/browser.mjs first_chart';
  for (const [name, url] of [['line', CHART_PAGE], ['map', `${CHART_PAGE}?v=1&chart=map`]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await visit(browser, url, { throttle: true });
      const ttfc = Math.max(r.chart, r.caveat);
      const interactive = Math.max(r.appChart, r.appCaveat);
      runs.push({ ttfc, interactive, chart: r.chart, caveat: r.caveat, chart_frame: r.chartFrame, lcp: r.lcp, lcp_element: r.lcpElement, cls: r.cls, shifts: r.shifts, fcp: r.fcp, bytes: r.bytes,
        requests: r.requests.map((q) => [q.url.replace(BASE, ''), q.status, q.encoding, q.bytes]), errors: r.errors });
      console.log(`  ${name} run ${i + 1}: chart+caveats ${Math.round(ttfc)} ms, app's chart ${Math.round(interactive)} ms, LCP ${Math.round(r.lcp)} ms, CLS ${r.cls.toFixed(3)}, FCP ${Math.round(r.fcp)} ms, ${Math.round(r.bytes / 1024)} KiB over ${r.requests.length} requests`);
    }
    const m = (k) => median(runs.map((r) => r[k]).filter((x) => x != null));
    details.pages[name] = { url, runs, median_ttfc_ms: m('ttfc'), median_interactive_ms: m('interactive'), median_lcp_ms: m('lcp'), median_cls: m('cls'), median_fcp_ms: m('fcp'), median_bytes: m('bytes') };
    const ttfc = round(m('ttfc'), 0);
    const goalTtfc = name === 'line' ? '≤ 1500 ms' : null;
    figures.push(figure(`ttfc_${name}`, `Time to first chart + caveats, ${name} page (median of ${RUNS})`, ttfc, 'ms', `${ttfc} ms`, goalTtfc ?? '≤ 1500 ms', ttfc <= 1500, command));
    const interactive = round(m('interactive'), 0);
    figures.push(figure(`interactive_${name}`, `Time to the app's interactive chart, ${name} page (median)`, interactive, 'ms', `${interactive} ms`, null, null, command));
    const lcp = round(m('lcp'), 0);
    figures.push(figure(`lcp_${name}`, `LCP, ${name} page (median)`, lcp, 'ms', `${lcp} ms`, null, null, command));
    const cls = round(m('cls'), 3);
    figures.push(figure(`cls_${name}`, `CLS, ${name} page (median)`, cls, '', `${cls}`, '≤ 0.1', cls <= 0.1, command));
    const kb = round(m('bytes') / 1024, 1);
    figures.push(figure(`wire_${name}`, `Bytes received by Chromium, ${name} page (br; headers included)`, kb, 'KiB', `${kb} KiB`, null, null, command));
  }
  writeResults('first_chart', figures, details, started);
}

async function rerender(browser) {
  const started = new Date().toISOString();
  const obs = await (await fetch(`${BASE}/api/v1/datasets/${DATASET}/observations`)).json();
  const periods = [...new Set(obs.observations.map((o) => String(o.period)))].sort();
  const figures = [];
  const details = { periods, runs: {} };
  const command = 'node bench/browser.mjs rerender';
  for (const [name, throttle] of [['unthrottled', false], ['cpu4x', true]]) {
    const { context, page, cdp } = await newPage(browser, { throttle: false });
    const last = periods[periods.length - 1];
    await page.goto(`${BASE}${CHART_PAGE}?v=1&chart=map&period=${last}`, { timeout: 60_000 });
    await page.waitForSelector('[data-testid=chart] svg', { timeout: 60_000 });
    if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const samples = [];
    const n = Number(process.env.BENCH_RERENDER_SWITCHES ?? 12);
    for (let i = 0; i < n; i++) {
      const period = periods[i % periods.length] === last ? periods[(i + 1) % periods.length] : periods[i % periods.length];
      const target = `${CHART_PAGE}?v=1&chart=map&period=${period}`;
      const current = await page.evaluate(() => location.search);
      const next = current.includes(`period=${period}`) ? `${CHART_PAGE}?v=1&chart=map&period=${last}` : target;
      const r = await page.evaluate(([url, period]) => new Promise((resolve) => {
        const before = document.querySelector('[data-testid=chart] svg');
        const beforeHtml = before ? before.outerHTML : '';
        let done = false;
        const t0 = performance.now();
        const mo = new MutationObserver(() => {
          const svg = document.querySelector('[data-testid=chart] svg');
          if (done || !svg || svg === before || svg.outerHTML === beforeHtml) return;
          done = true;
          const dom = performance.now() - t0;
          mo.disconnect();
          const paths = svg.querySelectorAll('path').length;
          requestAnimationFrame(() => setTimeout(() => resolve({ dom, frame: performance.now() - t0, paths }), 0));
        });
        mo.observe(document.body, { childList: true, subtree: true });
        const select = document.querySelector('select[data-testid=period]');
        if (select) {
          // The period control, as a user changes it.
          select.value = period;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          // No control: what the router does on back/forward (the URL changes).
          history.pushState(null, '', url);
          dispatchEvent(new PopStateEvent('popstate', { state: null }));
        }
        setTimeout(() => { if (!done) { done = true; mo.disconnect(); resolve({ dom: null, frame: null, paths: 0, timeout: true }); } }, 3_000);
      }), [next, new URLSearchParams(next.split('?')[1]).get('period')]);
      samples.push(r);
      if (samples.length >= 2 && samples.every((x) => x.timeout)) break; // the page does not redraw: stop early
    }
    await context.close();
    const dom = samples.map((s) => s.dom).filter((x) => x != null);
    const frames = samples.map((s) => s.frame).filter((x) => x != null);
    details.runs[name] = { samples, timeouts: samples.filter((s) => s.timeout).length };
    const md = round(median(dom), 1);
    const mf = round(median(frames), 1);
    const label = throttle ? 'with 4x CPU slowdown' : 'no throttling';
    console.log(`  ${name}: ${dom.length}/${samples.length} switches seen; DOM ${dom.map((x) => Math.round(x)).join(', ')} ms; paths ${samples[0]?.paths}`);
    figures.push(figure(`rerender_browser_${name}`, `Map period switch in Chromium, new SVG in DOM, ${label} (median of ${dom.length})`, md, 'ms', md == null ? 'no redraw seen' : `${md} ms`, throttle ? null : '≤ 16 ms', throttle ? null : md != null && md <= 16, command));
    figures.push(figure(`rerender_browser_frame_${name}`, `Map period switch in Chromium, to next frame, ${label}`, mf, 'ms', mf == null ? 'n/a' : `${mf} ms`, null, null, command));
  }
  writeResults('rerender_browser', figures, details, started);
}

const mode = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
try {
  if (mode === 'discover') await discover(browser);
  else if (mode === 'first_chart') await firstChart(browser);
  else if (mode === 'rerender') await rerender(browser);
  else { console.error('usage: node bench/browser.mjs discover|first_chart|rerender'); process.exitCode = 2; }
} finally {
  await browser.close();
}
