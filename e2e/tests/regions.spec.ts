import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from '../support/product.js';
import { expectNoAxeViolations, useProductAndBrowser } from '../support/suite.js';
import { signInAs } from '../support/session.js';

let product: RunningProduct;
let page: Page;

useProductAndBrowser((started, opened) => {
  product = started;
  page = opened;
});

/** Tab from the current focus until the link to `code` in the children list has focus. */
async function tabToRegion(code: string) {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="region-item"]')?.getAttribute('data-code') ?? null);
    if (focused === code) return;
  }
  throw new Error(`Tabbing never reached the link to ${code}`);
}

/** Waits until the page's h1 reads `text` (pages load their data after the route changes). */
async function expectHeading(text: string) {
  await page.waitForFunction((wanted) => document.querySelector('h1')?.textContent?.trim() === wanted, text, { timeout: 10_000 }).catch(() => undefined);
  expect((await page.locator('h1').textContent())?.trim()).toBe(text);
}

describe('the region browser, by keyboard', () => {
  it('opens on the provinces in Chinese, with landmarks and no axe violations', async () => {
    await page.goto(`${product.url}/regions`);
    await page.waitForSelector('[data-testid="region-item"][data-code="220000"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('[data-testid="region-item"]').count()).toBe(34);
    expect(await page.locator('header').count()).toBeGreaterThan(0);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('drills province → prefecture → county → townships with Tab and Enter, focus on the heading each time', async () => {
    await page.locator('body').focus();
    await tabToRegion('220000');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/regions\/220000$/);
    await page.waitForSelector('[data-testid="region-item"][data-code="220100"]');
    await expectHeading('吉林省');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('[data-testid="region-item"]').count()).toBe(9);
    await expectNoAxeViolations(page);

    await tabToRegion('220100');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="region-item"][data-code="220102"]');
    await expectHeading('长春市');
    expect(await page.locator('[data-testid="breadcrumb"]').textContent()).toContain('吉林省');
    expect(await page.locator('[data-testid="region-item"][data-code="220171"] [data-testid="statistical-tag"]').count()).toBe(1);
    await expectNoAxeViolations(page);

    await tabToRegion('220102');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/regions\/220102$/);
    await page.waitForSelector('[data-testid="region-item"][data-code^="220102"]');
    await expectHeading('南关区');
    expect(await page.locator('[data-testid="region-item"]').count()).toBe(14);
    await expectNoAxeViolations(page);
  });

  it('goes back up with the browser history', async () => {
    await page.goBack();
    await page.waitForSelector('[data-testid="region-item"][data-code="220102"]');
    await expectHeading('长春市');
  });

  it('finds a unit by name from the search field and opens it', async () => {
    const search = page.locator('[data-testid="region-search"]');
    await search.focus();
    await page.keyboard.type('南关区');
    const options = page.locator('[data-testid="region-search-option"]');
    await options.filter({ hasText: '长春市' }).first().waitFor();
    await expectNoAxeViolations(page);
    // The first result is highlighted; move down to the one in 长春市 and open it with Enter.
    const index = (await options.allTextContents()).findIndex((text) => text.includes('长春市'));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/regions\/220102$/);
    await expectHeading('南关区');
  });

  it('switches to English and stays axe-clean', async () => {
    await page.goto(`${product.url}/regions/220000`);
    await page.waitForSelector('[data-testid="region-item"][data-code="220100"]');
    const chineseTitle = await page.title();
    await page.locator('[data-testid="language-switch"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.title()).not.toBe(chineseTitle);
    expect(await page.locator('[data-testid="region-summary"]').textContent()).toMatch(/[A-Za-z]/);
    await expectNoAxeViolations(page);
    await page.locator('[data-testid="language-switch"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('shows a clear page for an unknown region, axe-clean', async () => {
    await page.goto(`${product.url}/regions/229999`);
    await page.getByRole('alert').waitFor();
    await expectNoAxeViolations(page);
  });
});

describe('township service-centre locations (the 15-minute circle’s demand points)', () => {
  it('lets district staff enter one by keyboard in an accessible dialog, converting GCJ-02', async () => {
    await signInAs(page, product.url, 'demo-district');
    await page.goto(`${product.url}/regions/220102`);
    await page.getByTestId('service-points').waitFor();
    const row = page.getByTestId('service-point-row').first();
    const code = (await row.getAttribute('data-code'))!;
    await page.locator(`[data-testid="service-point-edit"][data-code="${code}"]`).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('service-point-dialog').waitFor();
    await page.getByTestId('service-point-lat').fill('200');
    await page.getByTestId('service-point-save').click();
    await page.getByTestId('error-summary').waitFor();
    await expectNoAxeViolations(page);
    await page.getByTestId('service-point-lat').fill('43.87');
    await page.getByTestId('service-point-lng').fill('125.34');
    await page.getByTestId('service-point-system').selectOption('gcj02');
    await page.getByTestId('service-point-save').click();
    await page.getByTestId('service-point-dialog').waitFor({ state: 'detached' });
    const location = page.locator(`[data-testid="service-point-row"][data-code="${code}"] [data-testid="service-point-location"]`);
    await page.waitForFunction((c) => document.querySelector(`[data-testid="service-point-row"][data-code="${c}"] [data-testid="service-point-location"]`)?.getAttribute('data-filled') === 'true', code);
    // stored as WGS-84: a few hundred metres from the GCJ-02 point that was typed
    expect(await location.textContent()).not.toContain('43.87,');
    await expectNoAxeViolations(page);
  });

  it('is not offered to visitors who are not signed in', async () => {
    await page.evaluate(() => sessionStorage.removeItem('sitenet.session'));
    await page.goto(`${product.url}/regions/220102`);
    await page.waitForSelector('[data-testid="region-item"]');
    expect(await page.getByTestId('service-points').count()).toBe(0);
  });
});

describe('the product process', () => {
  it('shuts down on SIGTERM and restarts on the same data without seeding again', async () => {
    expect(product.output()).toMatch(/seed divisions\/regions\.json: \d+ rows loaded/);
    const code = await product.stop();
    expect(code, product.output().slice(-3000)).toBe(0);
    const again = await startProduct({ dataDir: product.dataDir });
    try {
      expect(again.output()).toMatch(/seed divisions\/regions\.json unchanged, skipped/);
      const res = await fetch(`${again.url}/api/regions/220102`);
      expect(res.status).toBe(200);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });
});
