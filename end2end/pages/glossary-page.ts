import { Page, Locator } from '@playwright/test';
import { Site } from './site';

export class GlossaryPage extends Site {
  readonly terms: Locator;

  constructor(page: Page) {
    super(page);
    this.terms = page.getByTestId('glossary-term');
  }

  term(id: string): Locator {
    return this.page.locator(`#term-${id}`);
  }
}
