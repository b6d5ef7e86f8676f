import { test, expect, type APIRequestContext, type Page } from '../fixtures/test';
import AxeBuilder from '@axe-core/playwright';
import { BASE_URL } from '../playwright.config';
import { ChartPage } from '../pages/chart-page';

// "Cite this chart" and links pinned to a data release (issue 16, items 3
// and 4). NCMEC's yearly totals gained 2024 and 2025 in 2026.12.0, so a
// page pinned to 2026.11.0 stops at 2023.

const DATASET = 'ncmec-cybertipline-totals';
const EARLIER = '2026.11.0';
const UNKNOWN = '2020.1.0';

async function currentRelease(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/v1/version');
  expect(res.status()).toBe(200);
  const version = (await res.json()).data_version as string;
  expect(version).not.toBe(EARLIER);
  return version;
}

/** A chart page as a table (no SVG to wait for), once the app has taken over. */
async function gotoTable(page: Page, query: string) {
  await page.goto(`/datasets/${DATASET}?${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('chart').getByTestId('data-table')).toBeVisible();
}

test('the Cite panel gives the APA text of the chart, publisher first, with its release, and copies it by keyboard', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  const current = await currentRelease(request);
  const publisher = (await (await request.get(`/api/v1/datasets/${DATASET}`)).json()).publisher as string;
  const chart = new ChartPage(page);
  await chart.goto(DATASET, 'chart=bar');
  const panel = page.getByTestId('cite-panel');
  await expect(panel.getByRole('heading', { name: 'Cite this chart' })).toBeVisible();
  const apa = panel.getByTestId('cite-apa');
  await expect(apa).toContainText(`Data release ${current}`);
  const text = (await apa.textContent())!;
  expect(text.startsWith(publisher), text).toBe(true);
  // The same text a script gets from the API for the same chart state.
  const api = await request.get(`/api/v1/datasets/${DATASET}/cite?format=apa&v=1&chart=bar`);
  expect(await api.text()).toBe(text);

  await panel.getByTestId('cite-copy').focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('cite-copy-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
});

test('the BibTeX, RIS and CSL-JSON links are the API citation of the chart as shown', async ({ page, request }) => {
  const publisher = (await (await request.get(`/api/v1/datasets/${DATASET}`)).json()).publisher as string;
  const chart = new ChartPage(page);
  await chart.goto(DATASET, 'chart=bar&tone=technical');
  const panel = page.getByTestId('cite-panel');
  const bibtex = panel.getByTestId('cite-bibtex');
  await expect(bibtex).toHaveAttribute('href', `/api/v1/datasets/${DATASET}/cite?format=bibtex&v=1&chart=bar&tone=technical`);
  const fromLink = await request.get((await bibtex.getAttribute('href'))!);
  expect(fromLink.status()).toBe(200);
  expect(fromLink.headers()['content-type']).toContain('application/x-bibtex');
  const body = await fromLink.text();
  expect(body).toMatch(/^@misc\{ncmec_cybertipline_totals_/);
  expect(body).toContain('url = {' + BASE_URL + `/datasets/${DATASET}?v=1&chart=bar&tone=technical&release=`);
  const direct = await request.get(`/api/v1/datasets/${DATASET}/cite?format=bibtex&chart=bar&tone=technical`);
  expect(body).toBe(await direct.text());

  await expect(panel.getByTestId('cite-ris')).toHaveAttribute('href', /format=ris&v=1&chart=bar/);
  await expect(panel.getByTestId('cite-csl-json')).toHaveAttribute('href', /format=csl-json&v=1&chart=bar/);
  const csl = await request.get((await panel.getByTestId('cite-csl-json').getAttribute('href'))!);
  expect(csl.status()).toBe(200);
  const items = await csl.json();
  expect(items[0].author[0].literal).toBe(publisher);
  const ris = await request.get((await panel.getByTestId('cite-ris').getAttribute('href'))!);
  expect(await ris.text()).toMatch(/^TY {2}- DATA\r?\nAU {2}- National Center for Missing/);
});

test('a page pinned to an earlier release shows its figures, says so, and links to the current view', async ({ page, request }) => {
  const current = await currentRelease(request);
  const chart = new ChartPage(page);
  await gotoTable(page, `v=1&chart=table&release=${EARLIER}`);
  const notice = page.getByTestId('release-pinned');
  await expect(notice).toContainText(`This chart shows data release ${EARLIER}. The current release is ${current}.`);
  // 2026.11.0 stops at 2023, so this view's figures differ now; the notice says so.
  await expect(notice).toContainText("This view's figures have changed since.");
  await expect(page.getByTestId('data-release')).toContainText(EARLIER);
  // The app's notice took over from the server's, above its first paint.
  await expect(page.getByTestId('release-notice')).toHaveCount(0);
  // 2026.11.0 stops at 2023.
  await expect(chart.chart.getByTestId('data-table')).toContainText('2023');
  await expect(chart.chart.getByTestId('data-table')).not.toContainText('2025');
  await expect(page.getByTestId('cite-apa')).toContainText(`Data release ${EARLIER}`);
  await expect(page.getByTestId('cite-bibtex')).toHaveAttribute('href', new RegExp(`release=${EARLIER.replace(/\./g, '\\.')}$`));

  const link = notice.getByTestId('release-current-link');
  await expect(link).toHaveAttribute('href', `/datasets/${DATASET}?v=1&chart=table`);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/datasets/${DATASET}\\?v=1&chart=table$`));
  await expect(page.getByTestId('release-pinned')).toHaveCount(0);
  await expect(chart.chart.getByTestId('data-table')).toContainText('2025');
  await expect(page.getByTestId('data-release')).toContainText(current);
});

test('a control change keeps the pinned release in the URL, the exports and the notice', async ({ page }) => {
  const chart = new ChartPage(page);
  await chart.goto(DATASET, `v=1&release=${EARLIER}`);
  await expect(page.getByTestId('release-pinned')).toBeVisible();
  await page.getByTestId('tone-technical').click();
  await expect(page).toHaveURL(/tone=technical/);
  await expect(page).toHaveURL(new RegExp(`release=${EARLIER.replace(/\./g, '\\.')}`));
  await chart.chooseChart('table');
  await expect(page).toHaveURL(/chart=table/);
  await expect(page).toHaveURL(new RegExp(`release=${EARLIER.replace(/\./g, '\\.')}`));
  await expect(page.getByTestId('release-pinned')).toContainText(EARLIER);
  await expect(chart.chart.getByTestId('data-table')).not.toContainText('2025');
  await expect(page.getByTestId('export-csv')).toHaveAttribute('href', new RegExp(`release=${EARLIER.replace(/\./g, '\\.')}`));
  await expect(page.getByTestId('state-warnings')).toHaveCount(0);
});

test('a release the server does not hold gets a notice and the current data, never a blank page', async ({ page, request }) => {
  const current = await currentRelease(request);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const chart = new ChartPage(page);
  await gotoTable(page, `v=1&chart=table&release=${UNKNOWN}`);
  const notice = page.getByTestId('release-unknown');
  await expect(notice).toContainText('does not hold');
  await expect(notice).toContainText(`data release '${UNKNOWN}' is not held by this server`);
  await expect(page.getByTestId('release-notice')).toHaveCount(0);
  await expect(notice.getByTestId('release-current-link')).toHaveAttribute('href', `/datasets/${DATASET}?v=1&chart=table`);
  await expect(chart.chart.getByTestId('data-table')).toContainText('2025');
  await expect(page.getByTestId('data-release')).toContainText(current);
  // The citation and exports are of the current data shown, not a refused release.
  await expect(page.getByTestId('cite-apa')).toContainText(`Data release ${current}`);
  await expect(page.getByTestId('cite-bibtex')).not.toHaveAttribute('href', /release=/);
  expect(errors).toEqual([]);
});

test('a pinned page with its notice and the Cite panel has no axe violations, in English and French', async ({ page }) => {
  for (const lang of ['en', 'fr']) {
    await gotoTable(page, `v=1&chart=table&lang=${lang}&release=${EARLIER}`);
    await expect(page.getByTestId('release-pinned')).toBeVisible();
    await expect(page.getByTestId('cite-apa')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, summary.join('\n')).toEqual([]);
  }
  await expect(page.getByTestId('release-pinned')).toContainText(`Ce graphique montre l'édition des données ${EARLIER}.`);
  await expect(page.getByTestId('cite-panel').getByRole('heading', { name: 'Citer ce graphique' })).toBeVisible();
});
