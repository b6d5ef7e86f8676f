import { test, expect, type APIRequestContext } from '../fixtures/test';

// Provenance grades, series breaks, sector and origin, as a reader meets
// them. Every expectation is computed from the API, never typed in.

type Obs = { series: string; geo: string; period: string; value: number; source_ref: string; grade: string };
type Source = { id: string; publisher: string; role?: string };
type Break = { period: string; label: { en: string; fr: string } };
type Summary = { id: string; sector: string; origin: string; breakdowns: string[]; grades: string[]; breaks: string[] };

const SECONDARY = 'ncmec-cybertipline-totals';

async function api<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(`/api/v1${path}`);
  expect(res.status(), path).toBe(200);
  return res.json();
}

/** The publishers of the sources behind the secondary figures of `obs`. */
async function secondaryPublishers(request: APIRequestContext, id: string, obs: Obs[]): Promise<string[]> {
  const detail = await api<{ sources: Source[] }>(request, `/datasets/${id}`);
  const refs = new Set(obs.filter((o) => o.grade === 'secondary').map((o) => o.source_ref));
  return detail.sources.filter((s) => refs.has(s.id)).map((s) => s.publisher);
}

test('a secondary figure is marked hollow and explained on the chart page, with the 2024 break on the line and in the table', async ({ page, request }) => {
  const { observations } = await api<{ observations: Obs[] }>(request, `/datasets/${SECONDARY}/observations`);
  const secondary = observations.filter((o) => o.grade === 'secondary');
  expect(secondary.length).toBeGreaterThan(0);
  const publishers = await secondaryPublishers(request, SECONDARY, observations);
  expect(publishers.length).toBeGreaterThan(0);
  const detail = await api<{ breaks: Break[] }>(request, `/datasets/${SECONDARY}`);
  const periods = observations.map((o) => Number(o.period.slice(0, 4)));
  const spanned = detail.breaks.filter((b) => periods.some((p) => p < Number(b.period)) && periods.some((p) => p >= Number(b.period)));
  expect(spanned.length).toBeGreaterThan(0);

  await page.goto(`/datasets/${SECONDARY}?chart=line`);
  const chart = page.getByTestId('chart');
  // One hollow mark per secondary figure on the line.
  await expect(chart.locator('circle.point.grade-secondary')).toHaveCount(secondary.length);
  const provenance = page.getByTestId('provenance');
  await expect(provenance).toContainText('Hollow marks');
  for (const p of publishers) await expect(provenance).toContainText(p);
  // The break: a labelled rule on the line chart, and said beside it.
  for (const b of spanned) {
    await expect(chart.locator('g.series-break')).toContainText(b.label.en);
    await expect(provenance).toContainText(b.label.en);
  }
  // The table export draws the break as a rule between the two countings,
  // named in its tooltip. (The page's HTML data table does not show it yet.)
  const svg = await (await request.get(`/api/v1/datasets/${SECONDARY}/chart.svg?chart=table`)).text();
  expect(svg.match(/<g class="series-break">/g)?.length ?? 0).toBe(spanned.length);
  for (const b of spanned) expect(svg).toContain(b.label.en);
  // The page's data table marks each secondary row and says why in its note.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/datasets/${SECONDARY}?chart=line`);
  const table = page.getByTestId('data-table').first();
  await expect(table.locator('tbody tr[data-grade="secondary"]')).toHaveCount(secondary.length);
  await expect(table.locator('tbody tr[data-grade="secondary"] .grade-text').first()).not.toBeEmpty();
});

test('the embed carries the grade note of its secondary figures', async ({ page, request }) => {
  const { observations } = await api<{ observations: Obs[] }>(request, `/datasets/${SECONDARY}/observations`);
  const publishers = await secondaryPublishers(request, SECONDARY, observations);
  await page.goto(`/embed/datasets/${SECONDARY}`);
  const provenance = page.locator('[data-kind="provenance"]');
  await expect(provenance).toContainText('Hollow marks');
  for (const p of publishers) await expect(provenance).toContainText(p);
  await expect(page.locator('circle.point.grade-secondary').first()).toBeAttached();
});

test('a dataset whose figures are all verbatim shows no grade note', async ({ page, request }) => {
  const { datasets } = await api<{ datasets: Summary[] }>(request, '/datasets');
  const verbatim = datasets.find((d) => d.grades.length > 0 && d.grades.every((g) => g === 'verbatim'));
  expect(verbatim, 'a verbatim-only dataset').toBeTruthy();
  await page.goto(`/datasets/${verbatim!.id}`);
  await expect(page.getByTestId('chart')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Hollow marks');
  await expect(page.locator('circle.grade-secondary, circle.grade-computed')).toHaveCount(0);
});

test("Kenya's profile card shows the grade of its latest figure, with the note", async ({ page, request }) => {
  const profile = await api<{ covered: { dataset: { id: string }; latest: Obs[] }[] }>(request, '/geo/KEN');
  const entry = profile.covered.find((e) => e.latest.some((o) => o.grade === 'secondary'));
  expect(entry, 'a Kenya dataset with a secondary latest figure').toBeTruthy();
  const publishers = await secondaryPublishers(request, entry!.dataset.id, entry!.latest);
  await page.goto('/geo/KEN');
  const card = page.locator(`[data-testid="covered-dataset"][data-dataset="${entry!.dataset.id}"]`);
  await expect(card.locator('[data-testid="latest-grade"][data-grade="secondary"]').first()).toBeVisible();
  const note = card.getByTestId('grade-note');
  await expect(note).toContainText('Hollow marks');
  for (const p of publishers) await expect(note).toContainText(p);
  // In French too.
  await page.goto('/geo/KEN?lang=fr');
  await expect(page.locator(`[data-testid="covered-dataset"][data-dataset="${entry!.dataset.id}"]`).getByTestId('grade-note')).toContainText('Marques creuses');
});

test('the home page headline shows the grade of a non-verbatim headline figure', async ({ page, request }) => {
  const { observations } = await api<{ observations: Obs[] }>(request, `/datasets/${SECONDARY}/observations`);
  // The headline rule: the latest figure of the first series.
  const first = observations.map((o) => o.series).sort()[0];
  const latest = observations.filter((o) => o.series === first).sort((a, b) => a.period.localeCompare(b.period)).at(-1)!;
  await page.goto('/');
  const card = page.locator(`[data-testid="headline"][data-dataset="${SECONDARY}"]`);
  await expect(card).toBeVisible();
  if (latest.grade === 'verbatim') {
    await expect(card.getByTestId('headline-grade')).toHaveCount(0);
  } else {
    await expect(card.getByTestId('headline-grade')).toHaveAttribute('data-grade', latest.grade);
    await expect(card.getByTestId('grade-note')).not.toBeEmpty();
  }
});

test('the World profile keeps figures that are not for a place apart', async ({ page, request }) => {
  const world = await api<{ covered: { dataset: { id: string; covers_places: boolean } }[] }>(request, '/geo/001');
  const apart = world.covered.filter((e) => e.dataset.covers_places === false).map((e) => e.dataset.id);
  await page.goto('/geo/001');
  await expect(page.getByTestId('covered')).toBeVisible();
  for (const id of apart) {
    await expect(page.getByTestId('covered').locator(`[data-dataset="${id}"]`)).toHaveCount(0);
    await expect(page.getByTestId('not-place').locator(`[data-dataset="${id}"]`)).toHaveCount(1);
  }
  if (apart.length === 0) await expect(page.getByTestId('not-place')).toHaveCount(0);
});

test('the compare page warns when a dataset spans a series break, in English and French', async ({ page, request }) => {
  const { datasets } = await api<{ datasets: Summary[] }>(request, '/datasets');
  const other = datasets.find((d) => d.id !== SECONDARY && d.breaks.length === 0)!;
  const detail = await api<{ breaks: Break[] }>(request, `/datasets/${SECONDARY}`);
  await page.goto(`/compare?datasets=${SECONDARY},${other.id}`);
  const warnings = page.getByTestId('compare-warnings');
  await expect(warnings).toContainText(`from ${detail.breaks[0].period}`);
  await page.goto(`/compare?datasets=${SECONDARY},${other.id}&lang=fr`);
  await expect(page.getByTestId('compare-warnings')).toContainText(`à partir de ${detail.breaks[0].period}`);
});

test('the catalogue shows sector and origin and filters by them in a GET form', async ({ page, request }) => {
  const { datasets } = await api<{ datasets: Summary[] }>(request, '/datasets');
  const sector = datasets[0].sector;
  const origin = datasets.find((d) => d.sector === sector)!.origin;
  const expected = datasets.filter((d) => d.sector === sector && d.origin === origin).map((d) => d.id).sort();
  await page.goto('/datasets');
  await expect(page.getByTestId('dataset-card')).toHaveCount(datasets.length);
  const card = page.locator(`[data-testid="dataset-card"][data-dataset="${datasets[0].id}"]`).getByTestId('sector-origin');
  await expect(card).toHaveAttribute('data-sector', sector);
  await expect(card).toHaveAttribute('data-origin', datasets[0].origin);
  // A plain GET form: its fields are the address's query.
  await expect(page.getByTestId('catalogue-filter')).toHaveAttribute('method', 'get');
  await page.getByTestId('filter-sector').selectOption(sector);
  await page.getByTestId('filter-origin').selectOption(origin);
  await page.getByRole('button', { name: 'Show datasets' }).click();
  await expect(page).toHaveURL(new RegExp(`sector=${sector}.*origin=${origin}`));
  const shown = () => page.getByTestId('dataset-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-dataset')).sort());
  await expect(page.getByTestId('dataset-card')).toHaveCount(expected.length);
  expect(await shown()).toEqual(expected);
  // The same address opened directly gives the same list, choices kept.
  await page.goto(`/datasets?sector=${sector}&origin=${origin}`);
  await expect(page.getByTestId('dataset-card')).toHaveCount(expected.length);
  expect(await shown()).toEqual(expected);
  await expect(page.getByTestId('filter-sector')).toHaveValue(sector);
});

test('the catalogue filters by breakdown, and coverage by sector', async ({ page, request }) => {
  const { datasets } = await api<{ datasets: Summary[] }>(request, '/datasets');
  const breakdown = datasets.flatMap((d) => d.breakdowns)[0];
  if (breakdown) {
    await page.goto(`/datasets?breakdown=${breakdown}`);
    await expect(page.getByTestId('dataset-card')).toHaveCount(datasets.filter((d) => d.breakdowns.includes(breakdown)).length);
  }
  const coverage = await api<{ datasets: { id: string; sector: string }[] }>(request, '/coverage');
  const sector = coverage.datasets[0].sector;
  await page.goto('/coverage');
  await expect(page.locator('th.dataset-col')).toHaveCount(coverage.datasets.length);
  await page.getByTestId('coverage-sector').selectOption(sector);
  await expect(page).toHaveURL(new RegExp(`sector=${sector}`));
  await expect(page.locator('th.dataset-col')).toHaveCount(coverage.datasets.filter((d) => d.sector === sector).length);
  await expect(page.locator(`th.dataset-col:not([data-sector="${sector}"])`)).toHaveCount(0);
});
