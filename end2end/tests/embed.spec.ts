import { test, expect } from '../fixtures/test';
import { BASE_URL } from '../playwright.config';
import { EmbeddedChart, HostSite } from '../fixtures/host-site';

// A newsroom's article on another origin embeds a chart with the code the
// dashboard hands out (from oEmbed, as a CMS would get it).

const DATASET = 'ncmec-cybertipline-totals';
const CHART_PAGE = `${BASE_URL}/datasets/${DATASET}`;
// Any free port (another origin than the dashboard's): repeated or retried
// runs of this file never collide on it.
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 0);

// One host server on one port: the tests of this file share it, in order.
test.describe.configure({ mode: 'default' });

let host: HostSite;
let snippet: string;

test.beforeAll(async ({ request }) => {
  const res = await request.get(`/oembed?url=${encodeURIComponent(CHART_PAGE)}&format=json`);
  expect(res.status()).toBe(200);
  snippet = (await res.json()).html;
  host = await HostSite.start(HOST_PORT, snippet);
  expect(new URL(host.origin).origin).not.toBe(new URL(BASE_URL).origin);
});

test.afterAll(async () => {
  await host?.stop();
});

test('an article on another site embeds the chart with its caveats, at 1000 px and at 320 px', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const embed = new EmbeddedChart(page);
  for (const width of [1000, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${host.origin}/article.html`);
    await expect(embed.iframe).toHaveAttribute('src', `${BASE_URL}/embed/datasets/${DATASET}?v=1`);
    await expect(embed.frame.getByTestId('embed-title')).toBeVisible();
    await expect(embed.visiblePlot()).toHaveCount(1);
    await expect(embed.visiblePlot()).toBeVisible();
    // Not scaled past reading: the plot is drawn for the frame's width.
    await expect(embed.chart.locator(width < 520 ? '.plot-narrow' : '.plot-wide')).toBeVisible();
    await expect(embed.caveats).toBeVisible();
    for (const kind of ['coverage', 'bias', 'definition', 'comparability']) {
      const line = embed.caveats.locator(`[data-kind="${kind}"] .caveat-line`).first();
      await expect(line).toBeVisible();
      await expect(line).not.toBeEmpty();
    }
    // Nothing sticks out sideways, even at 320 px.
    const overflow = await (await embed.contentFrame()).evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    const back = embed.frame.getByTestId('embed-permalink');
    await expect(back).toHaveAttribute('href', `${CHART_PAGE}?v=1`);
    await expect(back).toHaveAttribute('target', '_blank');
    await expect(embed.frame.getByTestId('embed-source')).toContainText('Source');
  }
  expect(errors, errors.join('\n')).toEqual([]);
});

test('the iframe follows its content height as the page width changes', async ({ page }) => {
  const embed = new EmbeddedChart(page);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${host.origin}/article.html`);
  await expect(embed.visiblePlot()).toBeVisible();
  await embed.expectFitted();
  const wide = await embed.iframeHeight();

  await page.setViewportSize({ width: 320, height: 900 });
  await expect(embed.chart.locator('.plot-narrow')).toBeVisible();
  await embed.expectFitted();
  const narrow = await embed.iframeHeight();
  expect(narrow, 'a narrow page wraps the caveats and redraws the plot: another height').not.toBe(wide);

  // Back to the wide page: the iframe shrinks with its content again.
  await page.setViewportSize({ width: 1000, height: 900 });
  await expect(embed.chart.locator('.plot-wide')).toBeVisible();
  await embed.expectFitted();
  await expect.poll(() => embed.iframeHeight()).toBeLessThan(narrow);
});

test('the widget shows every caveat whole, never cut to its first sentence', async ({ page, request }) => {
  const meta = await (await request.get(`/api/v1/datasets/${DATASET}`)).json();
  const caveats: { kind: string; plain: { en: string } }[] = meta.caveats ?? meta.meta?.caveats;
  expect(caveats.length).toBeGreaterThan(3);
  const embed = new EmbeddedChart(page);
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(`${host.origin}/article.html`);
  await expect(embed.caveats).toBeVisible();
  // No disclosure to open: each statement is there in full.
  await expect(embed.caveats.locator('details')).toHaveCount(0);
  for (const c of caveats) {
    const lines = await embed.caveats.locator(`[data-kind="${c.kind}"] .caveat-line`).allInnerTexts();
    // The whole statement, followed at most by its "(source)" link.
    const whole = lines.map((t) => t.replace(/\s+/g, ' ').trim().replace(/ \(source\)$/, ''));
    expect(whole, `${c.kind}: "${c.plain.en}"`).toContain(c.plain.en.replace(/\s+/g, ' ').trim());
  }
});

test('the iframe is fitted even when the parent script runs after the frame has loaded', async ({ page }) => {
  const embed = new EmbeddedChart(page);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${host.origin}/late.html`);
  await expect(embed.visiblePlot()).toBeVisible();
  // The frame has posted its height to nobody; it starts at its min-height.
  await (await embed.contentFrame()).waitForLoadState('load');
  const before = await embed.iframeHeight();
  expect(Math.abs(before - (await embed.contentHeight())), 'not fitted without the script').toBeGreaterThan(1);
  await page.evaluate((src) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    document.body.appendChild(script);
  }, EmbeddedChart.scriptSrc(snippet));
  await embed.expectFitted();
});

test('height messages from other frames or the page itself are ignored', async ({ page }) => {
  const embed = new EmbeddedChart(page);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${host.origin}/article.html`);
  await expect(embed.visiblePlot()).toBeVisible();
  await embed.expectFitted();
  const fitted = await embed.iframeHeight();
  const spoofFrame = page.locator('iframe.spoof');
  const spoofHeight = await spoofFrame.evaluate((el) => el.getBoundingClientRect().height);

  // Record what the article receives, to know when the forgeries have
  // been handled (messages from one window arrive in order).
  await page.evaluate(() => {
    (window as any).__seen = [];
    window.addEventListener('message', (e) => (window as any).__seen.push(e.data?.type ?? Object.keys(e.data ?? {})[0]));
  });
  const forged = (height: number) => [
    { type: 'csea-evidence:height', height, id: 'ncmec-cybertipline-totals' },
    { 'datawrapper-height': { 'ncmec-cybertipline-totals': height } },
  ];
  // From an unrelated frame of the article's origin (it even carries
  // data-csea-embed), ...
  const spoof = page.frame({ name: 'spoof' });
  expect(spoof).not.toBeNull();
  await spoof!.evaluate((messages) => {
    for (const m of messages) parent.postMessage(m, '*');
    parent.postMessage({ type: 'test:done' }, '*');
  }, forged(2222));
  // ... and from the article page itself.
  await page.evaluate((messages) => {
    for (const m of messages) window.postMessage(m, '*');
    window.postMessage({ type: 'test:done-top' }, '*');
  }, forged(3333));
  await expect.poll(() => page.evaluate(() => (window as any).__seen as string[])).toEqual(
    expect.arrayContaining(['test:done', 'test:done-top']),
  );

  expect(await embed.iframeHeight()).toBe(fitted);
  expect(await spoofFrame.evaluate((el) => el.getBoundingClientRect().height)).toBe(spoofHeight);
});

test('with JavaScript off, the embed still shows the chart, its caveats and the static picture', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 900 } });
  const page = await context.newPage();
  const embed = new EmbeddedChart(page);
  await page.goto(`${host.origin}/article.html`);
  await expect(embed.visiblePlot()).toBeVisible();
  await expect(embed.caveats).toBeVisible();
  // Every caveat is shown whole, with no script and nothing to open.
  await expect(embed.caveats.locator('[data-kind="bias"] .caveat-line').first()).toBeVisible();
  await expect(embed.caveats.locator('[data-kind="definition"] .caveat-line').first()).not.toBeEmpty();
  // The framed picture: title, plot, source, caveats and permalink in one SVG.
  const still = embed.frame.getByTestId('embed-static');
  await expect(still).toBeVisible();
  await still.locator('summary').click();
  const framed = still.locator('svg[role="img"]');
  await expect(framed).toBeVisible();
  await expect(framed).toContainText('What these figures do and do not show');
  await expect(framed).toContainText(`${CHART_PAGE}?v=1`);
  await context.close();
});

test('an unknown dataset embeds as a small page saying so', async ({ page }) => {
  const res = await page.goto(`${BASE_URL}/embed/datasets/no-such-dataset`);
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('embed-not-found')).toBeVisible();
  await expect(page.getByRole('link', { name: 'See all datasets' })).toHaveAttribute('href', `${BASE_URL}/datasets`);
});

test('the chart page hands out the same embed code as oEmbed, and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  await page.goto(`/datasets/${DATASET}?chart=bar`);
  const code = page.getByTestId('embed-code');
  const textarea = code.getByTestId('embed-snippet');
  await expect(textarea).toHaveValue(/<iframe src=/);
  const oembed = await (await page.request.get(`/oembed?url=${encodeURIComponent(`${CHART_PAGE}?v=1&chart=bar`)}&format=json`)).json();
  await expect(textarea).toHaveValue(oembed.html);
  await expect(code.getByTestId('oembed-url')).toContainText(`${BASE_URL}/oembed?url=`);

  await code.getByTestId('embed-copy').click();
  await expect(code.getByTestId('embed-copy-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(oembed.html);
});

test('the embed code follows the chart as the reader changes it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`/datasets/${DATASET}?chart=bar`);
  const textarea = page.getByTestId('embed-code').getByTestId('embed-snippet');
  await expect(textarea).toHaveValue(/chart=bar/);
  await page.getByTestId('chart-line').click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${DATASET}\\?v=1$`));
  await expect(textarea).toHaveValue(new RegExp(`/embed/datasets/${DATASET}\\?v=1"`));
  await expect(page.getByTestId('oembed-url')).not.toContainText('chart%3Dbar');
  expect(errors, errors.join('\n')).toEqual([]);
});
