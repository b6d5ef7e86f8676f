import { test, expect } from '../fixtures/test';
import AxeBuilder from '@axe-core/playwright';
import { ROUTES, inFrench } from '../pages/routes';
import { Site } from '../pages/site';

// WCAG 2.1 A and AA as axe-core checks them, on every route, in light and
// dark, in English and French: zero violations.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

for (const scheme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'fr'] as const) {
    for (const route of ROUTES) {
      test(`axe: ${route.name} (${lang}, ${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        const site = new Site(page);
        await site.goto(lang === 'fr' ? inFrench(route.path) : route.path);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
        expect(summary, summary.join('\n')).toEqual([]);
      });
    }
  }
}

test('every route has one h1, landmarks, and headings that do not skip levels', async ({ page }) => {
  const site = new Site(page);
  for (const route of ROUTES) {
    await site.goto(route.path);
    await expect(page.locator('h1'), route.name).toHaveCount(1);
    await expect(page.getByRole('banner'), route.name).toHaveCount(1);
    await expect(page.getByRole('main'), route.name).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), route.name).toHaveCount(1);
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i] - levels[i - 1], `${route.name}: heading levels ${levels.join(',')}`).toBeLessThanOrEqual(1);
    }
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: a chart page as the server sends it, before the app has loaded (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // The app never arrives: what a reader has meanwhile (or for good, if
    // the browser cannot run it) must pass on its own.
    await page.route('**/*.wasm', () => new Promise(() => {}));
    await page.goto('/datasets/ncmec-cybertipline-by-country?chart=bar');
    await expect(page.getByTestId('caveat-panel')).toBeVisible();
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
    expect(summary, summary.join('\n')).toEqual([]);
  });
}

test('controls show where the keyboard focus is', async ({ page }) => {
  const site = new Site(page);
  await site.goto('/datasets/ncmec-cybertipline-by-country');
  await site.tabTo(page.getByTestId('chart-bar'));
  const outline = await page.getByTestId('chart-bar').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toBe('solid 3px');
});

for (const motion of ['no-preference', 'reduce'] as const) {
  test(`placeholders pulse only when motion is welcome (${motion})`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: motion });
    // Hold the figures back so the placeholder stays on screen.
    await page.route('**/api/v1/datasets/*/observations', () => new Promise(() => {}));
    // Reached inside the app: a chart page opened from outside comes with
    // the server's first paint instead of a placeholder.
    const site = new Site(page);
    await site.goto('/datasets');
    await page.getByRole('link', { name: /CyberTipline reports/i }).first().click();
    const block = page.getByTestId('skeleton').locator('.sk').first();
    await expect(block).toBeVisible();
    const animation = await block.evaluate((el) => getComputedStyle(el).animationName);
    expect(animation).toBe(motion === 'reduce' ? 'none' : 'pulse');
  });
}
