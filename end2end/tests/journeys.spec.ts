import { test, expect } from '../fixtures/test';
import { ChartPage } from '../pages/chart-page';
import { ComparePage } from '../pages/compare-page';
import { GeoPage } from '../pages/geo-page';
import { GlossaryPage } from '../pages/glossary-page';
import { Site } from '../pages/site';

// The three journeys of DESIGN §1 as the policymaker walks them, plus the
// promises every page makes: state in the URL, language kept, failures
// recoverable, the chart arriving without moving the page.

function collectErrors(page: import('@playwright/test').Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

test('a policymaker opens Kenya, switches the wording, compares two surveys and follows a glossary link', async ({ page, request }) => {
  const errors = collectErrors(page);
  const api = await (await request.get('/api/v1/geo/KEN')).json();
  const geo = new GeoPage(page);
  await geo.open('KEN');

  await expect(geo.title).toHaveText('Kenya');
  // Every dataset with figures, each with its caveat panel beside it…
  await expect(geo.coveredCards).toHaveCount(api.covered.length);
  for (const entry of api.covered) {
    const card = geo.card(entry.dataset.id);
    await expect(card).toBeVisible();
    await expect(card.getByTestId('caveat-panel')).toBeVisible();
  }
  await expect(geo.card('ncmec-cybertipline-by-country').getByTestId('latest-value')).toHaveText('27,466 reports');
  // …and, as visibly, every dataset without: a gap, not a zero.
  await expect(geo.notCovered.getByRole('heading', { level: 2 })).toContainText(`without figures for Kenya (${api.not_covered.length})`);
  await expect(geo.notCoveredItems).toHaveCount(api.not_covered.length);
  await expect(geo.notCovered.locator('[data-dataset="ncmec-cybertipline-totals"]')).toBeVisible();

  const caveat = geo.card('dh-tf-csea-prevalence').locator('[data-kind="coverage"] li').first();
  const plain = await caveat.innerText();
  await geo.tone('technical').click();
  await expect(page).toHaveURL(/\/geo\/KEN\?tone=technical$/);
  await expect(geo.tone('technical')).toHaveAttribute('aria-pressed', 'true');
  await expect(caveat).not.toHaveText(plain);

  // The wording is kept on the way to the comparison.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare\?tone=technical$/);
  const compare = new ComparePage(page);
  await compare.choose('dh-tf-csea-prevalence', 'dh-headline-past-year-ocsea');
  await expect(page).toHaveURL(/datasets=dh-tf-csea-prevalence,dh-headline-past-year-ocsea/);
  await expect(compare.warnings).toBeVisible();
  const blocking = compare.warningItems.and(page.locator('[data-blocking="true"]'));
  await expect(blocking.first()).toContainText('Not comparable');
  await expect(blocking.first()).toContainText('stated in the data package');
  await expect(compare.first.getByTestId('chart').locator('svg').first()).toBeVisible();
  await expect(compare.second.getByTestId('chart').locator('svg').first()).toBeVisible();
  await expect(compare.first.getByTestId('caveat-panel')).toBeVisible();
  await expect(compare.second.getByTestId('caveat-panel')).toBeVisible();
  // Places both surveys cover are shown by default.
  await expect(page.getByTestId('common-places')).toContainText('Ethiopia');

  await compare.first.getByTestId('caveat-panel').locator('a[data-term="prevalence"]').click();
  await expect(page).toHaveURL(/\/glossary\?tone=technical#term-prevalence$/);
  const glossary = new GlossaryPage(page);
  await expect(glossary.term('prevalence')).toBeFocused();
  await expect(glossary.term('prevalence')).toBeInViewport();
  await expect(glossary.term('prevalence').locator('.definition-first dt')).toHaveText('Technically');
  expect(errors, errors.join('\n')).toEqual([]);
});

test('the same journey with the keyboard only: Tab and Enter', async ({ page }) => {
  const site = new Site(page);
  await site.goto('/');

  // Home → a region's profile.
  await site.tabTo(page.getByRole('link', { name: 'Africa', exact: true }));
  await page.keyboard.press('Enter');
  const geo = new GeoPage(page);
  await expect(page).toHaveURL(/\/geo\/002$/);
  await geo.ready();
  await expect(geo.title).toHaveText('Africa');
  await expect(geo.coveredCards.first()).toBeVisible();
  await expect(geo.notCoveredItems.first()).toBeVisible();
  // Focus moved into the new page: the next Tab stops are in it.
  await expect(page.locator('main#content')).toBeFocused();

  await site.tabTo(geo.tone('technical'));
  await page.keyboard.press('Enter');
  await expect(geo.tone('technical')).toHaveAttribute('aria-pressed', 'true');
  await expect(geo.tone('technical')).toBeFocused();

  // A glossary term named in a caveat panel.
  const term = geo.coveredCards.first().locator('a[data-term]').first();
  const termId = await term.getAttribute('data-term');
  await site.tabTo(term);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/glossary\\?tone=technical#term-${termId}$`));
  const glossary = new GlossaryPage(page);
  await expect(glossary.term(termId!)).toBeFocused();

  // From the term to a dataset that uses it, then change the chart kind.
  const datasetLink = glossary.term(termId!).locator('.used-by a').first();
  await site.tabTo(datasetLink);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/datasets\/[a-z0-9-]+\?tone=technical$/);
  const chart = new ChartPage(page);
  await expect(chart.chart).toBeVisible();
  await site.tabTo(page.getByTestId('chart-table'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chart-table')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('chart-table')).toBeFocused();
  await expect(chart.chart.getByTestId('data-table')).toBeVisible();
});

test('every chart setting lives in the URL: reload, back and forward give the same view', async ({ page }) => {
  const chart = new ChartPage(page);
  await chart.goto('ncmec-cybertipline-by-country');
  await chart.chooseChart('bar');
  await expect(page).toHaveURL(/chart=bar/);

  // Places: searched and ticked; the focus stays on the box ticked.
  await page.getByTestId('geo-toggle').click();
  await page.getByTestId('geo-search').fill('keny');
  const kenya = page.getByTestId('geo-options').getByRole('checkbox', { name: 'Kenya' });
  await kenya.check();
  await expect(page).toHaveURL(/geo=KEN/);
  await expect(kenya).toBeFocused();
  await page.getByTestId('geo-search').fill('uganda');
  await page.getByTestId('geo-options').getByRole('checkbox', { name: 'Uganda' }).check();
  await expect(page).toHaveURL(/geo=KEN,UGA/);
  await expect(page.getByTestId('geo-chosen')).toContainText('Kenya');
  await expect(chart.table.locator('tbody tr')).toHaveCount(2);

  await page.getByTestId('year-from').selectOption('2021');
  await expect(page).toHaveURL(/from=2021/);
  await page.getByTestId('period').selectOption('2022');
  await expect(page).toHaveURL(/period=2022/);
  await expect(chart.table.locator('tbody tr').first()).toContainText('2022');

  await page.reload();
  await expect(page.getByTestId('chart-bar')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('geo-chosen')).toContainText('Uganda');
  await expect(page.getByTestId('year-from')).toHaveValue('2021');
  await expect(page.getByTestId('period')).toHaveValue('2022');

  await page.goBack();
  await expect(page).not.toHaveURL(/period=/);
  await expect(page.getByTestId('period')).toHaveValue('');
  await page.goBack();
  await expect(page.getByTestId('year-from')).toHaveValue('');
  await page.goForward();
  await page.goForward();
  await expect(page.getByTestId('period')).toHaveValue('2022');
  await expect(chart.table.locator('tbody tr').first()).toContainText('2022');

  // The map needs the world outline; it is fetched when asked for.
  await chart.chooseChart('map');
  await expect(chart.chart.locator('svg').first()).toBeVisible();
  await expect(chart.caveats).toBeVisible();
});

test('a dataset with series has a series picker kept in the URL', async ({ page }) => {
  const chart = new ChartPage(page);
  await chart.goto('dh-tf-csea-prevalence', 'chart=bar');
  await page.getByTestId('series-toggle').click();
  await page.getByTestId('series-options').getByRole('checkbox', { name: /internet-using/ }).check();
  await expect(page).toHaveURL(/series=Among%20internet-using/);
  await expect(chart.table.locator('tbody tr')).toHaveCount(12);
  await page.reload();
  await expect(page.getByTestId('series-chosen')).toContainText('internet-using');
});

test('French is kept from page to page, with French numbers and <html lang>', async ({ page }) => {
  const site = new Site(page);
  await site.goto('/datasets/ncmec-cybertipline-totals');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await site.language('fr').click();
  await expect(page).toHaveURL(/lang=fr/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('chart-title')).toHaveText('Signalements reçus par la CyberTipline du NCMEC, par an');
  // 36 210 368 with narrow no-break spaces, as French writes it.
  await expect(page.getByTestId('data-table')).toContainText('36\u202f210\u202f368');
  await expect(page.getByTestId('caveat-panel').getByRole('heading', { level: 2 })).toHaveText('Ce que ces chiffres montrent et ne montrent pas');
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Glossaire' }).click();
  await expect(page).toHaveURL(/\/glossary\?lang=fr$/);
  await expect(page.locator('main h1')).toHaveText('Glossaire');
  await expect(page).toHaveTitle(/Glossaire/);
  await site.language('en').click();
  await expect(page).toHaveURL(/\/glossary$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a failed load says so and Retry recovers', async ({ page }) => {
  let failures = 1;
  await page.route('**/api/v1/geo/UGA', async (route) => {
    if (failures-- > 0) {
      await route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"try again shortly"}}' });
    } else {
      await route.continue();
    }
  });
  // The server renders a page with its data; a failed load happens when
  // the app, once live, fetches the next page's data itself.
  await page.goto('/');
  await page.getByTestId('country-select').selectOption('UGA');
  await page.getByTestId('country-go').click();
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('try again shortly');
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('geo-title')).toHaveText('Uganda');
});

test('an unknown place says so instead of a blank page', async ({ page }) => {
  await page.goto('/geo/XYZ');
  await expect(page.getByTestId('load-error')).toBeVisible();
});

const countLayoutShifts = () => {
  (window as any).__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

test('a chart page opened in the app holds its place while loading: no layout shift when the chart arrives', async ({ page }) => {
  await page.addInitScript(countLayoutShifts);
  const site = new Site(page);
  await site.goto('/datasets');
  // Hold the figures back so the placeholder is surely drawn first.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/v1/datasets/*/observations', async (route) => { await held; await route.continue(); });
  await page.getByRole('link', { name: /CyberTipline reports/i }).first().click();
  await expect(page.getByTestId('skeleton')).toBeVisible();
  const before = await page.evaluate(() => (window as any).__shift as number);
  release();
  await expect(page.getByTestId('chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('skeleton')).toHaveCount(0);
  const shift = await page.evaluate(() => (window as any).__shift as number);
  expect(shift - before).toBeLessThan(0.1);
});

test('a chart page opened from a link shows the chart and caveats at once, then the app takes over the same page', async ({ page }) => {
  await page.addInitScript(countLayoutShifts);
  // Hold the app back: what shows meanwhile is the page as the server sent it.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  const apiCalls: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/datasets/')) apiCalls.push(r.url()); });
  await page.goto('/datasets/ncmec-cybertipline-by-country?chart=map&tone=technical');
  const chart = page.getByTestId('chart');
  await expect(chart.locator('svg').first()).toBeVisible();
  await expect(chart).toHaveAttribute('data-kind', 'map');
  await expect(page.getByTestId('caveat-panel')).toBeVisible();
  await page.locator('h1').evaluate((h) => ((h as any).__fromServer = true));
  release();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  // The same heading element, not a second drawing, and no data fetched again.
  expect(await page.locator('h1').evaluate((h) => (h as any).__fromServer === true)).toBe(true);
  await expect(page.locator('h1')).toHaveCount(1);
  expect(apiCalls.filter((u) => !u.includes('/cite?'))).toEqual([]);
  const shift = await page.evaluate(() => (window as any).__shift as number);
  expect(shift).toBeLessThan(0.1);
});

test('without JavaScript a chart page still shows its chart, caveats and sources, readable at 320 px', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto('/datasets/dh-tf-csea-prevalence?lang=fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('chart').locator('svg')).toHaveCount(1);
  const caveats = page.getByTestId('caveat-panel');
  await expect(caveats.getByRole('heading', { level: 2 }).first()).toHaveText('Ce que ces chiffres montrent et ne montrent pas');
  for (const kind of ['coverage', 'bias', 'definition']) await expect(caveats.locator(`[data-kind="${kind}"] li`).first()).toBeVisible();
  await expect(page.locator('.sources a').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
