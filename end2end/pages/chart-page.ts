import { Page, Locator, expect } from '@playwright/test';

/** The chart page of one dataset: the chart, its caveat panel, its table. */
export class ChartPage {
  readonly chart: Locator;
  readonly caveats: Locator;
  readonly table: Locator;
  readonly title: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('chart');
    this.caveats = page.getByTestId('caveat-panel');
    this.table = page.getByTestId('data-table');
    this.title = page.getByTestId('chart-title');
  }

  async goto(id: string, query = '') {
    await this.page.goto(`/datasets/${id}${query ? `?${query}` : ''}`);
    await expect(this.chart.locator('svg').first()).toBeVisible();
  }

  async chooseChart(kind: 'line' | 'bar' | 'map' | 'table') {
    await this.page.getByTestId(`chart-${kind}`).click();
    await expect(this.page.getByTestId(`chart-${kind}`)).toHaveAttribute('aria-current', 'true');
  }
}
