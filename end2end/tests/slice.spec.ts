import { test, expect } from '../fixtures/test';
import { ChartPage } from '../pages/chart-page';

test('a visitor picks a dataset and sees its chart beside its caveats', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/');
  const cards = page.getByTestId('dataset-card');
  await expect(cards.first()).toBeVisible();
  await page.getByRole('link', { name: /CyberTipline reports/i }).first().click();

  const chart = new ChartPage(page);
  await expect(page).toHaveURL(/\/datasets\/ncmec-cybertipline/);
  await expect(chart.chart.locator('svg').first()).toBeVisible();
  await expect(chart.caveats).toBeVisible();
  for (const kind of ['coverage', 'bias', 'definition', 'comparability']) {
    await expect(chart.caveats.locator(`[data-kind="${kind}"]`)).toBeVisible();
  }
  await expect(chart.table.locator('tbody tr').first()).toBeVisible();
  expect(errors, errors.join('\n')).toEqual([]);
});

test('the tone switch changes the caveat wording and is kept in the URL', async ({ page }) => {
  const chart = new ChartPage(page);
  await chart.goto('ncmec-cybertipline-totals');
  const plain = await chart.caveats.locator('[data-kind="bias"] li').first().innerText();
  await page.getByTestId('tone-technical').click();
  await expect(page).toHaveURL(/tone=technical/);
  await expect(chart.caveats.locator('[data-kind="bias"] li').first()).not.toHaveText(plain);
  await page.reload();
  await expect(page.getByTestId('tone-technical')).toHaveAttribute('aria-pressed', 'true');
});

test('bad parameters show a message and a sensible default, not a blank page', async ({ page }) => {
  await page.goto('/datasets/ncmec-cybertipline-totals?chart=pie&tone=loud');
  await expect(page.getByTestId('state-warnings')).toContainText('chart');
  await expect(page.getByTestId('chart').locator('svg').first()).toBeVisible();
});

test('an unknown dataset gets a not-found page that names it and leads to all datasets', async ({ page }) => {
  await page.goto('/datasets/no-such-dataset');
  const error = page.getByTestId('load-error');
  await expect(error.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(error).toContainText('no-such-dataset');
  await error.getByRole('link', { name: 'all datasets' }).click();
  await expect(page).toHaveURL(/\/datasets$/);
  await expect(page.getByTestId('dataset-card').first()).toBeVisible();
});
