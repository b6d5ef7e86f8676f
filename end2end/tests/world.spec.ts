import { test, expect } from '../fixtures/test';

// Honest aggregates and one count of places: the World profile says where
// NCMEC's total and the sum over countries meet (the reports with no
// country, computed from the data); a world-level dataset is not "0 of 251
// countries"; long lists of series are cut to the top few with a link to
// the chart; /coverage states and uses the same definition of a country.

type Obs = { series?: string; geo: string; period: string; value: number; note?: string };
type Entry = { dataset: { id: string }; latest: Obs[]; history: Obs[]; countries_covered?: [number, number]; countries_with_data: string[] };
const en = (n: number) => n.toLocaleString('en-US');

test('the World profile explains where the country sum meets the total', async ({ page, request }) => {
  const world = await (await request.get('/api/v1/geo/001')).json();
  const none = await (await request.get('/api/v1/geo/ZZZ')).json();
  const byCountry: Entry = world.covered.find((e: Entry) => e.dataset.id === 'ncmec-cybertipline-by-country');
  const totals: Entry = world.covered.find((e: Entry) => e.dataset.id === 'ncmec-cybertipline-totals');
  const unlisted: Entry = none.covered.find((e: Entry) => e.dataset.id === 'ncmec-cybertipline-by-country');
  const sum = byCountry.latest[0];
  const extra = unlisted.history.find((o) => o.period === sum.period)!;

  await page.goto('/geo/001');
  const card = page.locator('[data-testid="covered-dataset"][data-dataset="ncmec-cybertipline-by-country"]');
  const note = card.getByTestId('unassigned');
  await expect(note).toContainText(en(sum.value));
  await expect(note).toContainText(en(extra.value));
  await expect(note).toContainText(en(sum.value + extra.value));
  await expect(note).toContainText('No country listed');
  // The latest year the sum, the unlisted reports and the total meet exactly.
  const met = [...byCountry.history].reverse().find((o) => {
    const x = unlisted.history.find((u) => u.period === o.period);
    const t = totals.history.find((u) => u.period === o.period);
    return x && t && x.value + o.value === t.value;
  });
  if (met) await expect(note).toContainText(en(totals.history.find((t) => t.period === met.period)!.value));

  // A world-level dataset says so, instead of "0 of the 251 countries".
  const total = page.locator('[data-testid="covered-dataset"][data-dataset="ncmec-cybertipline-totals"]');
  await expect(total.getByTestId('region-coverage')).toContainText('as a whole');
  await expect(page.getByTestId('covered')).not.toContainText('Figures for 0 of');

  // ~510 companies: the top five, and a link to all of them on the chart.
  const companies = page.locator('[data-testid="covered-dataset"][data-dataset="ncmec-cybertipline-by-provider"]');
  await expect(companies.locator('.latest-row')).toHaveCount(5);
  await expect(companies.getByTestId('more-series').getByRole('link')).toHaveAttribute('href', /\/datasets\/ncmec-cybertipline-by-provider/);
});

test("a region's table of figures keeps each year's count of countries", async ({ page, request }) => {
  const africa = await (await request.get('/api/v1/geo/002')).json();
  const e: Entry = africa.covered.find((x: Entry) => x.dataset.id === 'ncmec-cybertipline-by-country');
  const note = e.history[0].note!;
  expect(note).toMatch(/of \d+/);
  await page.goto('/geo/002');
  const card = page.locator('[data-testid="covered-dataset"][data-dataset="ncmec-cybertipline-by-country"]');
  await card.locator('.mini-table summary').click();
  await expect(card.locator('.mini-table')).toContainText(note);
});

test('/coverage states one definition of a country and counts with it', async ({ page, request }) => {
  const geos = (await (await request.get('/api/v1/geo')).json()).geographies as { code: string; kind: string }[];
  const countries = geos.filter((g) => g.kind === 'country').length;
  await page.goto('/coverage');
  await expect(page.getByTestId('coverage-definitions')).toContainText(`${countries} countries and territories`);
  await expect(page.getByTestId('coverage-summary')).toContainText(`${countries} countries and territories`);
  // The same count on the World profile.
  await page.goto('/geo/001');
  await expect(page.locator('.profile-header .kind')).toContainText(`${countries} countries and territories`);
  await page.goto('/coverage');
  // The World row of a dataset by country: how many countries have figures, not a gap.
  const world = await (await request.get('/api/v1/geo/001')).json();
  const byCountry: Entry = world.covered.find((e: Entry) => e.dataset.id === 'ncmec-cybertipline-by-country');
  const row = page.locator('tr[data-geo="001"]');
  await expect(row.locator('td.partial').first()).toBeVisible();
  await expect(row).toContainText(`/${countries}`);
  expect(byCountry.countries_with_data.length).toBeGreaterThan(0);
});
