import { test, expect } from '../fixtures/test';
import { ROUTES, inFrench } from '../pages/routes';

// Every page arrives rendered by the server (readable without JavaScript)
// and the browser hydrates that same DOM: no second drawing, no console
// error, and the page's controls are live afterwards.

for (const route of ROUTES) {
  test(`${route.name} arrives server-rendered and hydrates with a clean console`, async ({ page, request }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // Chromium's own note on trunk's preload tags, not about the page.
      if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('integrity` attribute is currently ignored')) errors.push(`${m.type()}: ${m.text()}`);
    });

    // The HTML as sent: the page's own heading and words, before any script.
    const html = await (await request.get(route.path)).text();
    expect(html).toMatch(/<h1[^>]*>[^<]+/);
    expect(html).toContain('id="hydration-data"');
    const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text.length, 'the page carries its content, not an empty shell').toBeGreaterThan(600);

    // Data the server sent is not fetched again while hydrating.
    const apiCalls: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/v1/')) apiCalls.push(r.url()); });
    await page.goto(route.path);
    const heading = await page.locator('h1').first().innerText();
    // The server's heading node survives hydration (same element, not redrawn).
    await page.locator('h1').first().evaluate((h) => ((h as any).__fromServer = true));
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    expect(await page.locator('h1').first().evaluate((h) => (h as any).__fromServer === true)).toBe(true);
    await expect(page.locator('h1').first()).toHaveText(heading);
    expect(apiCalls.filter((u) => !u.includes('/cite?') && !u.includes('/oembed')), 'hydration refetched data the page already had').toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('after hydration, navigation stays in the browser and fetches JSON', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const documents: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'document') documents.push(r.url()); });
  const json = page.waitForRequest((r) => r.url().includes('/api/v1/'));
  await page.getByRole('navigation').getByRole('link', { name: 'Glossary' }).click();
  await expect(page.locator('h1')).toHaveText('Glossary');
  await json;
  expect(documents, 'no page load: the app routed itself').toEqual([]);
});

for (const route of ROUTES) {
  test(`${route.name} is readable without JavaScript, in French too`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of [route.path, inFrench(route.path)]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1').first()).toBeVisible();
      // Nothing left waiting for data that only a script could bring.
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      expect((await page.locator('main').innerText()).length).toBeGreaterThan(300);
      // Its links lead to pages that arrive rendered as well.
      const href = await page.locator('main a[href^="/"]:not([href*="#"])').first().getAttribute('href');
      if (href) {
        const next = await page.goto(href);
        expect(next?.status()).toBeLessThan(400);
        await expect(page.locator('h1').first()).toBeVisible();
      }
    }
    await context.close();
  });
}
