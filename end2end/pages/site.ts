import { Page, Locator, expect } from '@playwright/test';

/** What every page has: header, language switch, main content. */
export class Site {
  readonly main: Locator;
  readonly skeletons: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#content');
    this.skeletons = page.getByTestId('skeleton');
  }

  /** Waits until the content, not a placeholder, is on screen. */
  async ready() {
    await expect(this.main.locator('h1').first()).toBeVisible();
    await expect(this.skeletons).toHaveCount(0);
  }

  async goto(path: string) {
    await this.page.goto(path);
    await this.ready();
  }

  language(code: 'en' | 'fr'): Locator {
    return this.page.getByTestId(`lang-${code}`);
  }

  tone(code: 'plain' | 'technical'): Locator {
    return this.page.getByTestId(`tone-${code}`);
  }

  /** Presses Tab (only Tab) until `target` has the focus. */
  async tabTo(target: Locator, maxPresses = 250) {
    const handle = await target.elementHandle();
    if (!handle) throw new Error('tabTo: target not in the page');
    for (let i = 0; i < maxPresses; i++) {
      await this.page.keyboard.press('Tab');
      if (await handle.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`tabTo: not reached after ${maxPresses} Tab presses`);
  }

  /** No horizontal scrolling of the page itself. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
