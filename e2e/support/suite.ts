import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openBrowser, type Browser } from './browser.js';
import { removeDataDir, startProduct, type RunningProduct } from './product.js';
import { signInAs } from './session.js';

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

/** The spec file's product and its browser page, signed in (filled in before the first test). */
export interface SignedInProduct {
  product: RunningProduct;
  page: Page;
}

/** `useProductAndBrowser`, with the page signed in as a demo account (`username`) before the first test. */
export function useSignedInProduct(username: string): SignedInProduct {
  const running = {} as SignedInProduct;
  useProductAndBrowser(async (product, page) => {
    running.product = product;
    running.page = page;
    await signInAs(page, product.url, username);
  });
  return running;
}

/** Fails the test with axe-core's findings when the page has any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}
