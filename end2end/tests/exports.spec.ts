import { test, expect, type Page, type Locator } from '../fixtures/test';
import * as fs from 'fs';
import { ChartPage } from '../pages/chart-page';

const DATASET = 'ncmec-cybertipline-by-country';

/** The annotation editor and the export panel of the chart page. */
class Annotate {
  readonly title: Locator;
  readonly subtitle: Locator;
  readonly notePeriod: Locator;
  readonly noteGeo: Locator;
  readonly noteText: Locator;
  readonly notes: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('annot-title');
    this.subtitle = page.getByTestId('annot-subtitle');
    this.notePeriod = page.getByTestId('annot-note-period');
    this.noteGeo = page.getByTestId('annot-note-geo');
    this.noteText = page.getByTestId('annot-note-text');
    this.notes = page.getByTestId('annot-note');
  }

  /** Downloads one export from the page; returns its bytes and its link. */
  async download(testId: string): Promise<{ bytes: Buffer; href: string; name: string }> {
    const link = this.page.getByTestId(testId);
    const href = (await link.getAttribute('href'))!;
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    return { bytes: fs.readFileSync(path!), href, name: download.suggestedFilename() };
  }
}

test('an advocate titles a chart, adds two notes, and every download carries them with source and caveats', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const chart = new ChartPage(page);
  const ed = new Annotate(page);
  await chart.goto(DATASET, 'chart=line&geo=KEN,UGA,ETH');

  // Keyboard only: type, Enter commits.
  await ed.title.focus();
  await page.keyboard.type('Reports from East Africa');
  await expect(page.getByTestId('annot-title-count')).toHaveText(/^24 \/ 120/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/title=Reports%20from%20East%20Africa/);
  // The heading stays the dataset's own name; the title is shown as the sharer's.
  const heading = (await (await page.request.get(`/api/v1/datasets/${DATASET}`)).json()).title.en;
  await expect(chart.title).toHaveText(heading);
  const shared = page.getByTestId('shared-words');
  await expect(shared).toContainText('Title and notes added by whoever shared this link');
  await expect(shared).toContainText('Reports from East Africa');

  await ed.notePeriod.selectOption('2021');
  await ed.noteGeo.selectOption('KEN');
  await ed.noteText.fill('Kenya reports rose');
  await ed.noteText.press('Enter');
  await expect(ed.notes).toHaveCount(1);
  await expect(page).toHaveURL(/ann=KEN%402021:Kenya%20reports%20rose/);
  await expect(ed.noteText).toBeFocused();

  await ed.notePeriod.selectOption('2020');
  await ed.noteText.fill('Pandemic year');
  await page.getByTestId('annot-add-note').click();
  await expect(ed.notes).toHaveCount(2);
  await expect(ed.notes.nth(1)).toContainText('2020: Pandemic year');

  await page.getByTestId('annot-hl-from').selectOption('2020');
  await page.getByTestId('annot-hl-to').selectOption('2021');
  await expect(page).toHaveURL(/hl=2020-2021/);

  // The annotated chart is a link: a reload keeps everything.
  await page.reload();
  await expect(chart.title).toHaveText(heading);
  await expect(page.getByTestId('shared-words')).toContainText('Reports from East Africa');
  await expect(ed.notes).toHaveCount(2);

  await page.getByTestId('export-preset').selectOption('slide');
  const caveat = (await chart.caveats.locator('[data-kind="bias"] li').first().innerText()).trim();

  for (const id of ['export-png', 'export-svg', 'export-csv', 'export-data-csv']) {
    const file = await ed.download(id);
    // The page's file is the HTTP export of the same address, byte for byte.
    const direct = await page.request.get(file.href);
    expect(direct.status(), file.href).toBe(200);
    expect(Buffer.compare(file.bytes, await direct.body()), `${id}: page download equals the API`).toBe(0);
    expect(file.name).toMatch(/^ncmec-cybertipline-by-country-/);
    if (id === 'export-png' || id === 'export-svg') expect(file.href).toContain('preset=slide');

    if (id === 'export-png') {
      expect(file.bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(file.bytes.includes(Buffer.from('Disclaimer'))).toBe(true);
    } else {
      const text = file.bytes.toString('utf8');
      const flat = text.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
      if (id !== 'export-data-csv') {
        expect(flat, id).toContain('Reports from East Africa');
        expect(flat, id).toContain('Kenya reports rose');
        expect(flat, id).toContain('Pandemic year');
      }
      expect(flat, id).toContain('National Center for Missing & Exploited Children');
      expect(flat, id).toContain('What these figures do and do not show');
      // The caveat as the panel words it, in the same tone.
      expect(flat.replace(/"/g, ''), id).toContain(caveat.split(/\s+/).slice(0, 8).join(' ').replace(/"/g, ''));
    }
  }
  expect(errors).toEqual([]);
});

test('length limits are shown and enforced by the inputs', async ({ page }) => {
  const chart = new ChartPage(page);
  const ed = new Annotate(page);
  await chart.goto(DATASET, 'chart=bar');
  await ed.title.fill('x'.repeat(130));
  await expect(ed.title).toHaveValue('x'.repeat(120));
  await expect(page.getByTestId('annot-title-count')).toHaveText(/^120 \/ 120/);
  await ed.noteText.fill('y'.repeat(200));
  await expect(ed.noteText).toHaveValue('y'.repeat(140));
  await expect(page.getByTestId('annot-note-text-count')).toHaveText(/^140 \/ 140/);
  // An empty note is refused with a message, not added.
  await ed.noteText.fill('   ');
  await ed.noteText.press('Enter');
  await expect(page.getByTestId('annot-note-status')).not.toBeEmpty();
  await expect(ed.notes).toHaveCount(0);
});

test('a hostile title, subtitle and note are shown as inert text on the page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  const title = '<img src=x onerror="window.__xss=1">';
  const subtitle = '"><svg onload=window.__xss=2>';
  const note = '<script>window.__xss=3</script>&lt;b&gt;';
  const q = `chart=line&geo=KEN&title=${encodeURIComponent(title)}&subtitle=${encodeURIComponent(subtitle)}&ann=${encodeURIComponent('2021:' + note)}`;
  const chart = new ChartPage(page);
  await chart.goto(DATASET, q);
  // The sharer's words, in their marked block, as text.
  const shared = page.getByTestId('shared-words');
  await expect(shared).toContainText(title);
  await expect(shared).toContainText(subtitle);
  await expect(page.getByTestId('annot-note')).toContainText(note);
  await expect(page.getByTestId('annot-title')).toHaveValue(title);
  // Nothing the payloads describe exists or ran.
  expect(await page.locator('main img[src="x"], main script, main svg[onload]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // The chart's own SVG shows the note as text too.
  expect(await chart.chart.locator('svg script').count()).toBe(0);
  // And so does the exported SVG linked from the page.
  const svgHref = (await page.getByTestId('export-svg').getAttribute('href'))!;
  expect(svgHref).not.toContain('<');
  const svg = await (await page.request.get(svgHref)).text();
  expect(svg).not.toContain('<script');
  expect(svg).not.toContain('<img');
  expect(svg).toContain('&lt;script&gt;window.__xss=3&lt;/script&gt;&amp;lt;b&amp;gt;');
  expect(errors).toEqual([]);
});

test('a page with bad parameters still exports its sensible default', async ({ page }) => {
  const chart = new ChartPage(page);
  await chart.goto(DATASET, 'chart=bar&bogus=1&caveats=0');
  await expect(page.getByTestId('state-warnings')).toContainText('bogus');
  const href = (await page.getByTestId('export-svg').getAttribute('href'))!;
  expect(href).not.toContain('bogus');
  expect(href).not.toContain('caveats');
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('What these figures do and do not show');
  // The API itself is strict: no parameter removes the caveats.
  const strict = await page.request.get(`/api/v1/datasets/${DATASET}/chart.svg?caveats=0`);
  expect(strict.status()).toBe(400);
  expect((await strict.json()).error.message).toMatch(/^caveats:/);
});
