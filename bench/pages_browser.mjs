// Issue 12 in Debian Chromium through Playwright + CDP (bench/pages.sh runs it).
//
// 1. first content and time until hydrated, every route of bench/pages_routes.json:
//    fresh context (cold cache), CDP Network.emulateNetworkConditions Fast 3G
//    (150 ms per request, 200,000 B/s down, 93,750 B/s up, as bench/browser.mjs)
//    and Emulation.setCPUThrottlingRate 4; median of PAGES_RUNS (3) visits.
//    - first content: the `first-contentful-paint` paint entry.
//    - hydrated: the moment <html data-hydrated="true"> is set (MutationObserver),
//      the signal the app gives once hydration has finished. Before SSR the app
//      does not set it; then "hydrated" is the client-side app being live: the
//      `TrunkApplicationStarted` event that trunk's loader dispatches once
//      `init()` (instantiate + the app's start function, which mounts) has
//      returned, with a tone or language control (data-testid tone-*/lang-*)
//      in the DOM. Which of the two was used is reported per route; a route
//      without an app (no module script) reports none.
//    Each visit then clicks tone-technical and checks aria-pressed flips (the
//    control really responds), and counts console errors/warnings.
// 2. interaction to next paint under 4x CPU (no network throttling) on the map
//    chart page, PAGES_INP_REPS (5) times per control: the tone switch (click
//    tone-technical / tone-plain), the language switch (lang-fr / lang-en) and
//    the map's period select (select[data-testid=period], ArrowDown/ArrowUp,
//    trusted key events). Per interaction: the Event Timing API
//    (PerformanceObserver 'event', durationThreshold 16: the largest duration
//    among the entries of its interactionId; none means < 16 ms), and a rAF
//    timer (event timeStamp -> first task after the next animation frame).
//    Reported: max and median over the repetitions.
//
// Writes bench/work/pages/browser.json.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const WORK = process.env.PAGES_WORK ?? path.join(BENCH, 'work', 'pages');
const BASE = `http://127.0.0.1:${process.env.PAGES_PORT ?? 8510}`;
const RUNS = Number(process.env.PAGES_RUNS ?? 3);
const REPS = Number(process.env.PAGES_INP_REPS ?? 5);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FAST_3G = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const CPU = 4;
const routes = JSON.parse(fs.readFileSync(path.join(BENCH, 'pages_routes.json'), 'utf8'));
const only = process.env.PAGES_ROUTES ? process.env.PAGES_ROUTES.split(',') : null;
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); if (!s.length) return null; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const max = (xs) => { const s = xs.filter((x) => x != null); return s.length ? Math.max(...s) : null; };
const r0 = (x) => (x == null ? null : Math.round(x));

// Runs before any script of the page.
const OBSERVERS = () => {
  const b = (window.__pages = { fcp: null, lcp: null, hydrated: null, hydratedAtFirstSight: false, trunkStarted: null, controlAt: null, inp: [], frames: [] });
  const CONTROL = '[data-testid=tone-technical], [data-testid=tone-plain], [data-testid=lang-fr], [data-testid=lang-en]';
  let first = true;
  const check = () => {
    const t = performance.now();
    const html = document.documentElement;
    if (b.hydrated === null && html && html.dataset && html.dataset.hydrated === 'true') { b.hydrated = t; b.hydratedAtFirstSight = first; }
    if (html) first = false;
    if (b.controlAt === null && document.querySelector(CONTROL)) b.controlAt = t;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
  addEventListener('TrunkApplicationStarted', () => { check(); b.trunkStarted = performance.now(); });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.interactionId) b.inp.push({ id: e.interactionId, name: e.name, duration: e.duration, start: e.startTime, delay: e.processingStart - e.startTime, processing: e.processingEnd - e.processingStart });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  for (const type of ['click', 'keydown']) {
    document.addEventListener(type, (e) => {
      if (!e.isTrusted) return;
      const ts = e.timeStamp;
      try { sessionStorage.setItem('__pagesClickAt', String(performance.timeOrigin + ts)); } catch (_) { /* no storage */ }
      requestAnimationFrame(() => setTimeout(() => b.frames.push({ type, ms: performance.now() - ts }), 0));
    }, true);
  }
};

async function newPage(browser, { network }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  if (network) await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await page.addInitScript(OBSERVERS);
  const console_ = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console_.push(`${m.type()}: ${m.text().slice(0, 200)}`); });
  page.on('pageerror', (e) => console_.push(`pageerror: ${String(e).slice(0, 200)}`));
  return { context, page, cdp, console_ };
}

// A switch shows its choice with aria-pressed (buttons, today) or aria-current (links).
const PRESSED = (sel) => { const el = document.querySelector(sel); return !!el && window.__pages && (el.getAttribute('aria-pressed') === 'true' || ['true', 'page'].includes(el.getAttribute('aria-current'))); };
const SVG_HASH = () => { const s = document.querySelector('[data-testid=chart] svg')?.outerHTML ?? ''; let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return `${s.length}:${h}`; };

// Waits until the page says it is hydrated, or (before SSR) the app has started.
async function waitLive(page) {
  await page.waitForLoadState('load', { timeout: 90_000 }).catch(() => {});
  const hasApp = await page.evaluate(() => !!document.querySelector('script[type=module], link[rel=modulepreload], link[rel=preload][type="application/wasm"]'));
  if (hasApp) {
    await page.waitForFunction(() => { const b = window.__pages; return b.hydrated !== null || (b.trunkStarted !== null && performance.now() - b.trunkStarted > 1000); },
      null, { timeout: 30_000, polling: 50 }).catch(() => {});
  } else {
    // No app today: still give a data-hydrated a moment to appear.
    await page.waitForFunction(() => window.__pages.hydrated !== null, null, { timeout: 2_000, polling: 50 }).catch(() => {});
  }
  const b = await page.evaluate(() => ({ ...window.__pages, inp: undefined, frames: undefined }));
  let hydrated = null; let via = null;
  if (b.hydrated !== null) { hydrated = b.hydrated; via = b.hydratedAtFirstSight ? 'data-hydrated (already in the HTML!)' : 'data-hydrated'; }
  else if (b.trunkStarted !== null && b.controlAt !== null) { hydrated = Math.max(b.trunkStarted, b.controlAt); via = 'CSR: TrunkApplicationStarted + control'; }
  else if (b.trunkStarted !== null) { hydrated = b.trunkStarted; via = 'CSR: TrunkApplicationStarted (no tone/lang control)'; }
  else via = hasApp ? 'neither data-hydrated nor TrunkApplicationStarted within 30 s of load' : 'no app on this page';
  return { ...b, hydratedAt: hydrated, via, hasApp };
}

async function firstContent(browser) {
  const out = {};
  for (const [name, url] of routes.every) {
    if (only && !only.includes(name)) continue;
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const la = loadavg();
      const { context, page, console_ } = await newPage(browser, { network: true });
      await page.goto(BASE + url, { waitUntil: 'commit', timeout: 60_000 });
      const b = await waitLive(page);
      // Does a control respond? (After the measurement; it changes the page.)
      let responds = null;
      const tone = page.locator('[data-testid=tone-technical]');
      if (b.hydratedAt !== null && await tone.count()) {
        await tone.first().click({ timeout: 10_000 }).catch(() => {});
        responds = await page.waitForFunction(PRESSED, '[data-testid=tone-technical]', { timeout: 10_000 }).then(() => true, () => false);
      }
      await context.close();
      const run = { fcp: b.fcp, lcp: b.lcp, hydrated: b.hydratedAt, via: b.via, trunk_started: b.trunkStarted, control_at: b.controlAt,
        control_responds: responds, console: console_.slice(0, 5), console_count: console_.length, loadavg_before: la };
      runs.push(run);
      console.log(`  ${name.padEnd(12)} run ${i + 1}: FCP ${r0(b.fcp)} ms, hydrated ${r0(b.hydratedAt)} ms (${b.via}), LCP ${r0(b.lcp)} ms, `
        + `tone click responds: ${responds}, console errors/warnings ${console_.length} (load ${la})`);
    }
    out[name] = { path: url, runs, fcp_ms: r0(median(runs.map((r) => r.fcp))), hydrated_ms: r0(median(runs.map((r) => r.hydrated))),
      lcp_ms: r0(median(runs.map((r) => r.lcp))), via: [...new Set(runs.map((r) => r.via))].join('; '),
      control_responds: runs.every((r) => r.control_responds !== false) ? (runs.some((r) => r.control_responds) ? 'yes' : 'n/a') : 'NO',
      console_count: max(runs.map((r) => r.console_count)) };
  }
  return out;
}

async function interactions(browser) {
  const { context, page, console_ } = await newPage(browser, { network: false });
  await page.goto(BASE + routes.inp, { waitUntil: 'commit', timeout: 60_000 });
  const live = await waitLive(page);
  await page.waitForSelector('[data-testid=chart] svg', { timeout: 60_000 }).catch(() => {});
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
  await page.evaluate(() => { window.__pagesDoc = 1; });
  const controls = {
    tone: { steps: [['click', '[data-testid=tone-technical]'], ['click', '[data-testid=tone-plain]']],
      done: PRESSED },
    language: { steps: [['click', '[data-testid=lang-fr]'], ['click', '[data-testid=lang-en]']],
      done: (sel) => document.documentElement.lang === (sel.includes('fr') ? 'fr' : 'en') && window.__pages.fcp !== null },
    period: { steps: [['key', 'ArrowDown'], ['key', 'ArrowUp']], done: null },
  };
  const out = { page: routes.inp, hydrated_via: live.via, controls: {} };
  for (const [name, c] of Object.entries(controls)) {
    const samples = [];
    if (name === 'period') {
      // '' (latest) and the first period draw the same map: start on the
      // second period, so that each key press (Down, Up, ...) changes the map.
      await page.locator('select[data-testid=period]').first().focus({ timeout: 10_000 }).catch(() => {});
      await page.keyboard.press('ArrowDown'); await page.waitForTimeout(500);
      await page.keyboard.press('ArrowDown'); await page.waitForTimeout(1000);
    }
    for (let i = 0; i < REPS; i++) {
      const [kind, what] = c.steps[i % 2];
      const before = await page.evaluate(() => ({ n: window.__pages.inp.length, f: window.__pages.frames.length, ids: [...new Set(window.__pages.inp.map((e) => e.id))] }));
      const svgBefore = await page.evaluate(SVG_HASH);
      try {
        if (kind === 'click') {
        await page.evaluate(() => sessionStorage.removeItem('__pagesClickAt'));
          await page.locator(what).first().click({ timeout: 10_000 });
          await page.waitForFunction(c.done, what, { timeout: 20_000 });
        } else {
          const sel = page.locator('select[data-testid=period]').first();
          await sel.focus({ timeout: 10_000 });
          const v0 = await sel.inputValue();
          await page.keyboard.press(what);
          await page.waitForFunction((v) => document.querySelector('select[data-testid=period]')?.value !== v, v0, { timeout: 10_000 });
        }
      } catch (e) {
        samples.push({ step: `${kind} ${what}`, error: String(e).slice(0, 200) });
        continue;
      }
      // Event Timing entries arrive after the next paint; let them in.
      await page.waitForTimeout(600);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await page.evaluate(() => (window.__pagesDoc ? { inp: window.__pages.inp, frames: window.__pages.frames } : null));
      if (!after) {
        // The control loaded a new page (the language switch is a plain link
        // today): its next paint is the new document's first contentful paint,
        // timed from the click's timestamp on the old one (sessionStorage).
        const nav = await waitLive(page);
        const t = await page.evaluate(() => ({ click: Number(sessionStorage.getItem('__pagesClickAt')), origin: performance.timeOrigin, fcp: window.__pages.fcp }));
        const s = { step: `${kind} ${what}`, navigated: true, inp_ms: t.fcp != null && t.click ? t.origin + t.fcp - t.click : null,
          hydrated_after_click_ms: nav.hydratedAt != null && t.click ? t.origin + nav.hydratedAt - t.click : null, frame_ms: null, below_threshold: false };
        samples.push(s);
        console.log(`  ${name.padEnd(8)} ${s.step.padEnd(34)} new page: click -> its first paint ${r0(s.inp_ms)} ms, -> hydrated ${r0(s.hydrated_after_click_ms)} ms`);
        await page.evaluate(() => { window.__pagesDoc = 1; });
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
        continue;
      }
      const fresh = after.inp.slice(before.n).filter((e) => !before.ids.includes(e.id));
      const byId = {};
      for (const e of fresh) byId[e.id] = Math.max(byId[e.id] ?? 0, e.duration);
      const ids = Object.keys(byId);
      const frames = after.frames.slice(before.f).map((f) => f.ms);
      const svgAfter = await page.evaluate(SVG_HASH);
      const s = { step: `${kind} ${what}`, inp_ms: ids.length ? Math.max(...Object.values(byId)) : null, below_threshold: ids.length === 0,
        entries: fresh.map((e) => ({ name: e.name, duration: e.duration, delay: r0(e.delay), processing: r0(e.processing) })),
        frame_ms: frames.length ? Math.max(...frames) : null, chart_changed: svgAfter !== svgBefore };
      samples.push(s);
      console.log(`  ${name.padEnd(8)} ${s.step.padEnd(34)} INP ${s.inp_ms == null ? '< 16' : s.inp_ms} ms, to next frame ${r0(s.frame_ms)} ms${name === 'period' ? `, chart changed: ${s.chart_changed}` : ''}`);
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
      await page.waitForTimeout(300);
    }
    const ok = samples.filter((s) => !s.error);
    out.controls[name] = { samples, reps: ok.length, errors: samples.length - ok.length,
      inp_max_ms: ok.length ? (max(ok.map((s) => s.inp_ms)) ?? 16) : null, inp_max_below_16: ok.length > 0 && ok.every((s) => s.below_threshold),
      inp_median_ms: median(ok.map((s) => s.inp_ms ?? 16)), frame_max_ms: r0(max(ok.map((s) => s.frame_ms))), frame_median_ms: r0(median(ok.map((s) => s.frame_ms))) };
  }
  out.console = console_.slice(0, 10);
  out.console_count = console_.length;
  await context.close();
  return out;
}

const doc = { base: BASE, network: FAST_3G, cpu_slowdown: CPU, runs: RUNS, inp_reps: REPS, loadavg_start: loadavg() };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
try {
  const which = process.argv[2] ?? 'all';
  if (which === 'all' || which === 'first') doc.first_content = await firstContent(browser);
  if (which === 'all' || which === 'inp') { doc.loadavg_inp = loadavg(); doc.inp = await interactions(browser); }
} finally {
  await browser.close();
}
doc.loadavg_end = loadavg();
fs.mkdirSync(WORK, { recursive: true });
fs.writeFileSync(path.join(WORK, 'browser.json'), JSON.stringify(doc, null, 2));
