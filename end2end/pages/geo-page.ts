import { Page, Locator } from '@playwright/test';
import { Site } from './site';

/** A country or region profile: datasets with figures, and without. */
export class GeoPage extends Site {
  readonly title: Locator;
  readonly covered: Locator;
  readonly coveredCards: Locator;
  readonly notCovered: Locator;
  readonly notCoveredItems: Locator;

  constructor(page: Page) {
    super(page);
    this.title = page.getByTestId('geo-title');
    this.covered = page.getByTestId('covered');
    this.coveredCards = page.getByTestId('covered-dataset');
    this.notCovered = page.getByTestId('not-covered');
    this.notCoveredItems = page.getByTestId('not-covered-list').locator('li');
  }

  card(datasetId: string): Locator {
    return this.page.locator(`[data-testid="covered-dataset"][data-dataset="${datasetId}"]`);
  }

  async open(code: string, query = '') {
    await this.goto(`/geo/${code}${query ? `?${query}` : ''}`);
  }
}
