import { test, expect, type Page, type Locator } from '../fixtures/test';
import * as path from 'path';

// Read on a phone: at 320 and 375 px a chart page reads title, chart, its
// summary, the caveat panel, then the data table (closed, with its row
// count), and the caveats start within two screen heights of the chart's
// end, on every chart kind; the site header leaves the chart on the first
// screen. The server's first paint keeps the same order. On a wide screen
// the caveats stand beside the chart and the table is open.

const KINDS: { kind: string; path: string }[] = [
  { kind: 'line', path: '/datasets/ncmec-cybertipline-by-country' },
  { kind: 'bar', path: '/datasets/dh-tf-csea-prevalence?v=1&chart=bar' },
  { kind: 'map', path: '/datasets/ncmec-cybertipline-by-country?v=1&chart=map' },
  { kind: 'table', path: '/datasets/childlight-global-ocsea-prevalence?v=1&chart=table' },
];

const OUT = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.join(__dirname, '..', '..', 'docs', 'screenshots')
  : path.join(__dirname, '..', 'test-results', 'screenshots');

/** Top and bottom of an element in page coordinates. */
async function box(l: Locator): Promise<{ top: number; bottom: number }> {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
}

async function openChart(page: Page, p: string) {
  await page.goto(p);
  // The app's page (not the server's first paint, which it replaces).
  await expect(page.getByTestId('chart-title')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('skeleton')).toHaveCount(0);
  await expect(page.getByTestId('caveat-panel')).toBeVisible();
}

for (const width of [320, 375]) {
  const height = width === 320 ? 568 : 667;
  for (const { kind, path: p } of KINDS) {
    test(`at ${width} px a ${kind} chart reads chart, summary, caveats, then the closed table`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openChart(page, p);
      const title = await box(page.getByTestId('chart-title'));
      const chart = await box(page.getByTestId('chart'));
      const summary = await box(page.getByTestId('chart-summary'));
      const caveats = await box(page.getByTestId('caveat-panel'));
      expect(title.bottom).toBeLessThanOrEqual(chart.top);
      expect(summary.top).toBeGreaterThanOrEqual(chart.top);
      expect(caveats.top, 'the caveat panel comes after the chart and its summary').toBeGreaterThanOrEqual(summary.bottom);
      expect(caveats.top - chart.bottom, `caveats start ${caveats.top - chart.bottom} px after the chart`).toBeLessThanOrEqual(2 * height);
      if (kind !== 'table') {
        // The chart starts on the first screen: the header is compact.
        expect(chart.top, 'the chart starts above the fold').toBeLessThan(height);
        const details = page.getByTestId('data-table-details');
        const rows = await page.getByTestId('data-table').locator('tbody tr').count();
        expect(rows).toBeGreaterThan(0);
        await expect(details).not.toHaveAttribute('open', /.*/);
        await expect(details.locator('summary')).toContainText(`(${rows} row${rows === 1 ? '' : 's'})`);
        const table = await box(details);
        expect(table.top, 'the table comes after the caveat panel').toBeGreaterThanOrEqual(caveats.bottom);
        // Opened, it shows its rows, still after the caveats.
        await details.locator('summary').click();
        await expect(page.getByTestId('data-table').locator('tbody tr').first()).toBeVisible();
      }
    });
  }

  test(`at ${width} px the page as the server sends it (no JavaScript) has the same order`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height } });
    const page = await context.newPage();
    for (const { kind, path: p } of KINDS) {
      await page.goto(p);
      const chart = await box(page.getByTestId('chart'));
      const caveats = await box(page.getByTestId('caveat-panel'));
      expect(caveats.top, `${kind}: caveats after the chart`).toBeGreaterThanOrEqual(chart.bottom - 1);
      expect(caveats.top - chart.bottom, `${kind}: caveats within two screens of the chart`).toBeLessThanOrEqual(2 * height);
      expect(chart.top, `${kind}: the chart starts above the fold`).toBeLessThan(height);
    }
    await context.close();
  });
}

test('at 1280 px the caveats stand beside the chart and the table is open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openChart(page, KINDS[2].path);
  const chart = await box(page.getByTestId('chart'));
  const caveats = await box(page.getByTestId('caveat-panel'));
  expect(caveats.top).toBeLessThan(chart.bottom);
  await expect(page.getByTestId('data-table-details')).toHaveAttribute('open', '');
  await expect(page.getByTestId('data-table').locator('tbody tr').first()).toBeVisible();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 375, height: 667 } });

  // On a phone-sized map Chromium's touch adjustment gives a tap's click
  // and focus to a neighbour (India gave Pakistan, Kenya Uganda); the chart
  // reads the tap where the finger was (chart_view.rs) and moves the focus
  // to that country.
  test('tapping or focusing a country shows its value, period and note', async ({ page }) => {
    await openChart(page, KINDS[2].path);
    const readout = page.getByTestId('chart-readout');
    await expect(readout).toHaveText('');
    // A large country: at phone size a small one is a few pixels wide, and
    // the browser's touch adjustment may give the tap to a neighbour.
    const kenya = page.getByTestId('chart').locator('path.country[aria-label^="India"]');
    const label = (await kenya.getAttribute('aria-label'))!;
    expect(label).toMatch(/\d/);
    // A point of the screen where the country itself is on top, tapped there.
    await kenya.scrollIntoViewIfNeeded();
    const point = await kenya.evaluate((el) => {
      const r = el.getBoundingClientRect();
      for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
        const x = r.left + (r.width * i) / 12, y = r.top + (r.height * j) / 12;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
      return null;
    });
    expect(point, 'the country can be tapped somewhere').not.toBeNull();
    await page.touchscreen.tap(point!.x, point!.y);
    await expect(readout).toHaveText(label);
    // The focus is on the country tapped, not on a neighbour.
    expect(await kenya.evaluate((el) => document.activeElement === el)).toBe(true);
    // A small country, tapped where it is on top, is itself too.
    const small = page.getByTestId('chart').locator('path.country[aria-label^="Rwanda"]');
    if (await small.count()) {
      const at = await small.evaluate((el) => {
        const r = el.getBoundingClientRect();
        for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) {
          const x = r.left + (r.width * i) / 8, y = r.top + (r.height * j) / 8;
          if (document.elementFromPoint(x, y) === el) return { x, y };
        }
        return null;
      });
      if (at) {
        await page.touchscreen.tap(at.x, at.y);
        await expect(readout).toHaveText((await small.getAttribute('aria-label'))!);
      }
    }
    // Keyboard focus does the same.
    const uganda = page.getByTestId('chart').locator('path.country[aria-label^="Uganda"]');
    await uganda.focus();
    await expect(readout).toHaveText((await uganda.getAttribute('aria-label'))!);
    // A place without figures says so.
    const noData = page.getByTestId('chart').locator('path.no-data').first();
    if (await noData.count()) {
      await noData.tap();
      await expect(readout).toContainText('no data');
    }
  });
});

test('phone screenshots: a map page and the World profile, in reading order', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await openChart(page, KINDS[2].path);
  // From the top to the closed table: title, chart, summary, caveats, table.
  const end = await box(page.getByTestId('data-table-details'));
  await page.screenshot({ path: path.join(OUT, 'phone-order-map-375.png'), fullPage: true, clip: { x: 0, y: 0, width: 375, height: Math.ceil(end.bottom) + 8 } });
  await page.goto('/geo/001');
  await expect(page.getByTestId('geo-title')).toBeVisible();
  await expect(page.getByTestId('skeleton')).toHaveCount(0);
  // A profile is an overview: the ~510-company card is cut to its top few.
  const companies = page.locator('[data-testid="covered-dataset"][data-dataset="ncmec-cybertipline-by-provider"]');
  await expect(companies.locator('.latest-row')).toHaveCount(5);
  const card = await box(companies);
  expect(card.bottom - card.top).toBeLessThan(4 * 667);
  // The first two cards: a world total, then the sum over countries with
  // where the two meet.
  const second = await box(page.locator('[data-testid="covered-dataset"][data-dataset="ncmec-cybertipline-by-country"]'));
  await page.screenshot({ path: path.join(OUT, 'phone-order-world-375.png'), fullPage: true, clip: { x: 0, y: 0, width: 375, height: Math.ceil(second.bottom) + 8 } });
});

test('on a phone, keyboard focus on a country shows its value, period and note', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await openChart(page, KINDS[2].path);
  const readout = page.getByTestId('chart-readout');
  await expect(readout).toHaveText('');
  const uganda = page.getByTestId('chart').locator('path.country[aria-label^="Uganda"]');
  const label = (await uganda.getAttribute('aria-label'))!;
  expect(label).toMatch(/\d/);
  await uganda.focus();
  await expect(readout).toHaveText(label);
});

// The order of the page is the order it reads in: on a phone the Tab key
// goes from the chart to the caveat panel, and only then to the data table
// (the table is after the caveats in the page itself, not moved there by
// CSS: keyboard and screen-reader users meet the caveats first too).
for (const width of [320, 375]) {
  test(`at ${width} px the Tab key reaches the caveat panel before the data table`, async ({ page }) => {
    const height = width === 320 ? 568 : 667;
    await page.setViewportSize({ width, height });
    await openChart(page, KINDS[1].path);
    // From the chart's last mark onwards.
    const marks = page.getByTestId('chart').locator('svg [tabindex="0"]');
    expect(await marks.count()).toBeGreaterThan(0);
    await marks.last().focus();
    const reached: string[] = [];
    for (let i = 0; i < 80 && !reached.includes('table'); i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return 'none';
        if (el.closest('[data-testid="caveat-panel"]')) return el.tagName === 'A' ? 'caveat-link' : 'caveat';
        if (el.closest('[data-testid="data-table-details"]')) return 'table';
        if (el.closest('[data-testid="chart"]')) return 'chart';
        return 'other';
      });
      if (reached[reached.length - 1] !== where) reached.push(where);
    }
    expect(reached, 'Tab reaches the table').toContain('table');
    expect(reached, 'Tab reaches a link of the caveat panel').toContain('caveat-link');
    expect(reached.indexOf('caveat-link'), `order: ${reached.join(' > ')}`).toBeLessThan(reached.indexOf('table'));
    // And the page's own order puts the table's summary after the panel.
    const follows = await page.evaluate(() => {
      const panel = document.querySelector('[data-testid="caveat-panel"]')!;
      const summary = document.querySelector('[data-testid="data-table-details"] summary')!;
      return !!(panel.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(follows, 'the table comes after the caveat panel in the page').toBe(true);
  });
}

// The site header on a phone: one line (the short name, a "Menu"
// disclosure, the languages) that leaves the chart on the first screen;
// opened (by the keyboard too, and without JavaScript: a <details>), every
// link of the site whole and on the screen, wrapping onto as many lines as
// it needs, never cut or scrolled inside the header; in both languages.
async function navProblems(page: Page): Promise<string[]> {
  return page.locator('.site-header .main-nav').evaluate((navEl) => {
    const out: string[] = [];
    for (const box of [navEl, navEl.querySelector('ul')!, navEl.closest('header')!]) {
      if (box.scrollWidth > box.clientWidth) out.push(`${box.tagName} scrolls: ${box.scrollWidth} > ${box.clientWidth}`);
    }
    for (const a of Array.from(navEl.querySelectorAll('a'))) {
      const r = a.getBoundingClientRect();
      if (r.left < 0 || r.right > window.innerWidth + 0.5 || r.width === 0) out.push(`"${a.textContent}" at ${r.left}-${r.right}`);
      if (a.scrollWidth > a.clientWidth + 1) out.push(`"${a.textContent}" is cut`);
      // Each link on one line, its text whole.
      if (a.getClientRects().length !== 1) out.push(`"${a.textContent}" breaks`);
    }
    return out;
  });
}

for (const width of [320, 375]) {
  for (const lang of ['en', 'fr']) {
    test(`at ${width} px (${lang}) every link of the site header is readable and the chart starts on the first screen`, async ({ page }) => {
      const height = width === 320 ? 568 : 667;
      await page.setViewportSize({ width, height });
      await openChart(page, `${KINDS[2].path}&lang=${lang}`);
      // Closed: one compact line, the chart on the first screen.
      const header = await box(page.locator('.site-header'));
      expect(header.bottom - header.top, 'the header is one line').toBeLessThanOrEqual(60);
      const chart = await box(page.getByTestId('chart'));
      expect(chart.top, 'the chart starts above the fold').toBeLessThan(height);
      const toggle = page.locator('.site-header .nav-toggle summary');
      await expect(toggle).toBeVisible();
      const links = page.locator('.site-header .main-nav a');
      expect(await links.count()).toBeGreaterThanOrEqual(6);
      await expect(links.first()).toBeHidden();
      // Opened from the keyboard: every link readable, the next Tab stop.
      await toggle.focus();
      await page.keyboard.press('Enter');
      for (const a of await links.all()) await expect(a).toBeVisible();
      expect(await navProblems(page), 'nav links cut or off screen').toEqual([]);
      await page.keyboard.press('Tab');
      expect(await links.first().evaluate((a) => document.activeElement === a)).toBe(true);
      // Following a link closes the menu on the next page.
      await links.nth(1).click();
      await expect(page.locator('.site-header .nav-toggle')).not.toHaveAttribute('open', /.*/);
      await expect(links.first()).toBeHidden();
    });
  }

  test(`at ${width} px the site menu opens without JavaScript`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 600 } });
    const page = await context.newPage();
    await page.goto('/datasets?lang=fr');
    const links = page.locator('.site-header .main-nav a');
    await expect(links.first()).toBeHidden();
    await page.locator('.site-header .nav-toggle summary').click();
    for (const a of await links.all()) await expect(a).toBeVisible();
    expect(await navProblems(page)).toEqual([]);
    await context.close();
  });
}

// On a wide screen the links stand in the header as ever, with no menu.
test('at 1280 px the site header shows its links and no menu', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/datasets');
  await expect(page.locator('.site-header .nav-toggle')).toBeHidden();
  for (const a of await page.locator('.site-header .main-nav a').all()) await expect(a).toBeVisible();
});
