import { test, expect } from '../fixtures/test';
import * as path from 'path';
import { ROUTES } from '../pages/routes';
import { Site } from '../pages/site';

// No sideways scrolling on any route at a phone width and a desktop width.
// The same tests save one picture per route and width (the viewport, not
// the whole page) but compare it with nothing: the data and the wording
// change often, and the pictures are for reading, not a check. They go to
// end2end/test-results/screenshots/, or, with UPDATE_SCREENSHOTS=1, to
// docs/screenshots/ (kept in git for the README), so a test run leaves the
// working tree as it found it.

const OUT = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.join(__dirname, '..', '..', 'docs', 'screenshots')
  : path.join(__dirname, '..', 'test-results', 'screenshots');

for (const width of [375, 1280]) {
  for (const route of ROUTES) {
    test(`${route.name} does not scroll sideways at ${width} px (picture saved, not compared)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
      const site = new Site(page);
      await site.goto(route.path);
      expect(await site.horizontalOverflow(), `${route.name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(OUT, `${route.name}-${width}.png`) });
    });
  }
}

test('nothing scrolls sideways at 320 px either, in French', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const site = new Site(page);
  for (const route of ROUTES) {
    await site.goto(route.path + (route.path.includes('?') ? '&' : '?') + 'lang=fr');
    expect(await site.horizontalOverflow(), `${route.name} at 320 px`).toBeLessThanOrEqual(0);
  }
});
