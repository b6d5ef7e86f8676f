import { test, expect } from '../fixtures/test';
import { Site } from '../pages/site';

// /ecosystem: who holds which data, how it flows, which flows have no public
// data, and the sources we cannot chart — as a diagram and as the same facts
// in a list, in English and French. Expectations come from the API.

type Node = { id: string; datasets: string[] };
type Flow = { from: string; to: string; public_data: boolean };
type Ecosystem = { nodes: Node[]; flows: Flow[]; uncharted: { id: string }[] };

for (const width of [375, 1280]) {
  test(`the ecosystem map and its list say the same, at ${width} px`, async ({ page, request }) => {
    const eco: Ecosystem = await (await request.get('/api/v1/ecosystem')).json();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.setViewportSize({ width, height: 900 });
    const site = new Site(page);
    await site.goto('/ecosystem');
    await expect(page.locator('h1')).toHaveText('Who holds the data, and how it flows');

    // The diagram, with its own text alternative.
    const svg = page.locator('.eco-diagram svg').first();
    await expect(svg).toBeVisible();
    await expect(svg.locator('title').first()).not.toBeEmpty();

    // Every node in the list, each of its datasets linked.
    await expect(page.locator('li.eco-node')).toHaveCount(eco.nodes.length);
    for (const node of eco.nodes) {
      const item = page.locator(`li#node-${node.id}`);
      for (const id of node.datasets) {
        await expect(item.locator(`a[href="/datasets/${id}"], a[href^="/datasets/${id}?"]`)).toHaveCount(1);
      }
    }
    // The flows nobody publishes figures on, and the sources we cannot chart.
    const gaps = eco.flows.filter((f) => !f.public_data).length;
    expect(gaps).toBeGreaterThan(0);
    await expect(page.locator('.eco-gaps > li')).toHaveCount(gaps);
    await expect(page.locator('.uncharted-source')).toHaveCount(eco.uncharted.length);
    // No sideways scroll.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors, errors.join('\n')).toEqual([]);
  });
}

test('the ecosystem in French, and the uncharted sources on /methods', async ({ page, request }) => {
  const eco: Ecosystem = await (await request.get('/api/v1/ecosystem')).json();
  const site = new Site(page);
  await site.goto('/ecosystem?lang=fr');
  await expect(page.locator('h1')).toHaveText(/circulent|données/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await site.goto('/methods');
  await expect(page.locator('.uncharted-source')).toHaveCount(eco.uncharted.length);
  // The site header leads there.
  await page.getByRole('navigation', { name: /main|principal/i }).getByRole('link', { name: 'Data ecosystem' }).click();
  await expect(page).toHaveURL(/\/ecosystem/);
});
