import { Page, Locator } from '@playwright/test';
import { Site } from './site';

/** Two datasets side by side, under their comparability warnings. */
export class ComparePage extends Site {
  readonly warnings: Locator;
  readonly warningItems: Locator;
  readonly first: Locator;
  readonly second: Locator;

  constructor(page: Page) {
    super(page);
    this.warnings = page.getByTestId('compare-warnings');
    this.warningItems = page.getByTestId('compare-warning');
    this.first = page.getByTestId('compare-a');
    this.second = page.getByTestId('compare-b');
  }

  async choose(a: string, b: string) {
    await this.page.getByTestId('dataset-a').selectOption(a);
    await this.page.getByTestId('dataset-b').selectOption(b);
  }
}
