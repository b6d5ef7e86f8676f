import { test, expect } from '../fixtures/test';

// Opened from a link: an address that names no dataset or place says so
// (in the page and its title) and links to the lists, with no retry that
// cannot help; and back from a glossary link the reader is where they were.

for (const path of ['/datasets/no-such-dataset?v=1&chart=map', '/geo/XXX']) {
  test(`${path} says "not found" and links to the lists`, async ({ page }) => {
    await page.goto(path);
    const error = page.getByTestId('load-error');
    await expect(error.locator('h1')).toHaveText('Page not found');
    await expect(page).toHaveTitle('Page not found — CSEA Evidence Dashboard');
    await expect(error.getByRole('button')).toHaveCount(0);
    await expect(error.getByRole('link', { name: 'all datasets' })).toHaveAttribute('href', '/datasets');
    await error.getByRole('link', { name: 'all datasets' }).click();
    await expect(page).toHaveURL(/\/datasets$/);
  });
}

test('in French too', async ({ page }) => {
  await page.goto('/geo/XXX?lang=fr');
  await expect(page.getByTestId('load-error').locator('h1')).toHaveText('Page introuvable');
  await expect(page).toHaveTitle(/^Page introuvable — /);
});

// The HTTP status comes from server/src/site.rs (app_page), tested through
// oneshot in server/tests/site_meta.rs; it reaches a browser once the
// router's fallback calls it.
test('an unknown dataset or place answers 404', async ({ page }) => {
  for (const path of ['/datasets/no-such-dataset', '/geo/XXX']) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(404);
  }
  const ok = await page.goto('/geo/KEN');
  expect(ok!.status()).toBe(200);
});

for (const width of [375, 1280]) {
  test(`at ${width} px, back from a glossary link returns to the same place`, async ({ page }) => {
    await page.setViewportSize({ width, height: width < 600 ? 667 : 800 });
    await page.goto('/datasets/ncmec-cybertipline-totals');
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    const link = page.getByTestId('caveat-panel').locator('[data-kind="glossary"] a').first();
    await link.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 120);
    await expect.poll(() => link.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(width < 600 ? 600 : 700);
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(300);
    await link.click();
    await expect(page).toHaveURL(/\/glossary#term-/);
    await expect(page.locator('main h1')).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/datasets\/ncmec-cybertipline-totals$/);
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(before - 3);
    expect(Math.abs(await page.evaluate(() => window.scrollY) - before)).toBeLessThan(3);
    await expect(link).toBeInViewport();
  });
}

test('a link naming a place code that does not exist gets the replaced-settings banner, not a chip', async ({ page }) => {
  await page.goto('/datasets/ncmec-cybertipline-by-country?geo=KEN,XXX');
  const banner = page.getByTestId('unknown-places');
  await expect(banner).toContainText('“XXX” is not a place code');
  await expect(page.getByTestId('chart-title')).toBeVisible();
  // Kenya stays chosen; no chip, option or table row names XXX.
  await expect(page.locator('main').getByText('XXX', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('chart').getByText('Kenya').first()).toBeAttached();
  await page.goto('/datasets/ncmec-cybertipline-by-country?geo=XXX&lang=fr');
  await expect(page.getByTestId('unknown-places')).toContainText('« XXX » n\'est pas un code de lieu');
});
