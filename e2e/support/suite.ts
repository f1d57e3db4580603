import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openBrowser, type Browser } from './browser.js';
import { removeDataDir, startProduct, type RunningProduct } from './product.js';

/**
 * One product and one browser for the whole spec file: started before its first test (then
 * `ready` gets them, e.g. to keep them and sign in), closed and its data removed after its last.
 */
export function useProductAndBrowser(ready: (product: RunningProduct, page: Page) => unknown): void {
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    product = await startProduct();
    browser = await openBrowser();
    await ready(product, browser.page);
  });
  afterAll(async () => {
    await browser?.close();
    if (product) {
      await product.stop();
      await removeDataDir(product.dataDir);
    }
  });
}

/** Fails the test with axe-core's findings when the page has any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}
