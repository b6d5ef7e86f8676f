import { test, expect, type Page } from '../fixtures/test';
import * as zlib from 'zlib';

// Printed for a meeting: a chart page or a place profile on A4 or Letter
// shows the title, the chart, its summary, the whole caveat panel, the
// sources and the permalink, and no controls or navigation.

const MAP = '/datasets/ncmec-cybertipline-by-country?v=1&chart=map';

async function ready(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('skeleton')).toHaveCount(0);
}

/** Hidden in print: every control and all navigation. */
async function expectNoControls(page: Page) {
  for (const selector of [
    '.site-header nav.main-nav', '.lang-switch', '.skip-link', '[data-testid="chart-controls"]',
    '[data-testid="annotation-editor"]', '[data-testid="export-panel"]', '[data-testid="embed-code"]',
    '.tone-switch', '[data-testid="data-table-details"]',
  ]) {
    const all = page.locator(selector);
    for (let i = 0; i < await all.count(); i++) await expect(all.nth(i), selector).toBeHidden();
  }
}

/** The text a PDF draws, from the content streams Chromium writes: hex
 *  glyph strings (Tj, TJ) mapped back to text through the ToUnicode map of
 *  the font selected (Tf) when they are drawn. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  // Every stream, inflated, by the number of the object that holds it.
  const streams = new Map<number, string>();
  const re = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try { streams.set(Number(m[1]), zlib.inflateSync(pdf.subarray(start, end)).toString('latin1')); } catch { /* not Flate */ }
    re.lastIndex = end;
  }
  const hexText = (h: string) => { let t = ''; for (let i = 0; i + 4 <= h.length; i += 4) t += String.fromCharCode(parseInt(h.slice(i, i + 4), 16)); return t; };
  const cmap = (s: string) => {
    const map = new Map<string, string>();
    for (const block of s.match(/beginbfchar[\s\S]*?endbfchar/g) ?? []) {
      for (const [, g, u] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(g.toLowerCase(), hexText(u));
    }
    for (const block of s.match(/beginbfrange[\s\S]*?endbfrange/g) ?? []) {
      for (const [, a, b, u] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const from = parseInt(a, 16), to = parseInt(b, 16), base = parseInt(u, 16);
        for (let g = from; g <= to; g++) map.set(g.toString(16).padStart(4, '0'), String.fromCharCode(base + g - from));
      }
    }
    return map;
  };
  // Font object -> its map; resource name (/F4) -> font object.
  const fontMaps = new Map<number, Map<string, string>>();
  for (const [, obj, tu] of raw.matchAll(/(\d+) 0 obj\s*<<\/Type \/Font(?:(?!endobj)[\s\S])*?\/ToUnicode (\d+) 0 R/g)) {
    const s = streams.get(Number(tu));
    if (s) fontMaps.set(Number(obj), cmap(s));
  }
  const byName = new Map<string, Map<string, string>>();
  for (const [, dict] of raw.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
    for (const [, name, obj] of dict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const map = fontMaps.get(Number(obj));
      if (map && !byName.has(name)) byName.set(name, map);
    }
  }
  let text = '';
  for (const s of streams.values()) {
    let font: Map<string, string> | undefined;
    for (const [, name, arr, single] of s.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (name) { font = byName.get(name); continue; }
      const hexes = arr ? [...arr.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]) : [single];
      for (const h of hexes) for (let j = 0; j + 4 <= h.length; j += 4) text += font?.get(h.slice(j, j + 4).toLowerCase()) ?? '';
      text += ' ';
    }
  }
  return text;
}

/** Words, as a loose match: PDF text loses spacing and line breaks. */
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '').toLowerCase();

for (const { name, path } of [{ name: 'a map page', path: MAP }, { name: 'a place profile', path: '/geo/KEN' }]) {
  test(`printing ${name} keeps the title, chart, caveats, sources and permalink, without controls`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await ready(page, path);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('main h1').first()).toBeVisible();
    const panels = page.getByTestId('caveat-panel');
    expect(await panels.count()).toBeGreaterThan(0);
    // The whole panel: every caveat of every kind, visible.
    const items = panels.locator('.caveat li');
    expect(await items.count()).toBeGreaterThan(2);
    for (let i = 0; i < await items.count(); i++) await expect(items.nth(i)).toBeVisible();
    await expect(page.getByTestId('permalink')).toBeVisible();
    await expect(page.getByTestId('permalink')).toContainText(path);
    if (path === MAP) {
      await expect(page.getByTestId('chart').locator('svg').first()).toBeVisible();
      await expect(page.getByTestId('chart-summary')).toBeVisible();
      await expect(page.locator('.chart-footer .sources a').first()).toBeVisible();
    }
    await expectNoControls(page);

    const caveat = (await items.first().innerText()).trim();
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, `${format}: pages`).toBeGreaterThan(0);
      expect(pages, `${format}: a few pages, not dozens`).toBeLessThan(path === MAP ? 8 : 25);
      const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
      expect(box, 'a page size').not.toBeNull();
      const [w, h] = [Number(box![1]), Number(box![2])];
      if (format === 'A4') { expect(Math.abs(w - 595)).toBeLessThan(3); expect(Math.abs(h - 842)).toBeLessThan(3); }
      else { expect(Math.abs(w - 612)).toBeLessThan(3); expect(Math.abs(h - 792)).toBeLessThan(3); }
      const text = squash(pdfText(pdf));
      expect(text.length, `${format}: text could be read from the PDF`).toBeGreaterThan(200);
      expect(text, `${format}: the caveat is printed`).toContain(squash(caveat).slice(0, 60));
      expect(text, `${format}: the title is printed`).toContain(squash(await page.locator('main h1').first().innerText()));
    }
  });
}
