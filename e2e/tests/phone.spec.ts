import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningProduct } from '../support/product.js';
import { api, apiLogin, DEMO_PASSWORD } from '../support/session.js';
import { KIND_ATTRIBUTES } from '../support/sites.js';
import { expectNoAxeViolations, useProductAndBrowser } from '../support/suite.js';

/**
 * Issue 12, the phone: 南关区's district clerk at 390×844 — signing in and every page of their work fits the
 * screen without sideways scrolling, the site list is cards (its filters and export in a
 * disclosure), the site form's save bar stays on screen, the site map opens on their county.
 * Each page axe-clean.
 */
const WIDTH = 390;
const HEIGHT = 844;
let product: RunningProduct;
let page: Page;
let siteId: string;

useProductAndBrowser(async (started, opened) => {
  product = started;
  page = opened;
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  const session = await apiLogin(product.url, 'demo-district');
  const sites = await api<{ items: Array<{ id: string }> }>(product.url, session, 'GET', '/api/sites?pageSize=1');
  siteId = sites.items[0].id;
});

async function expectNoSidewaysScroll(): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

describe('a district clerk on a phone', () => {
  it('signs in and starts on their sites as cards, with the filters and export folded away', async () => {
    await page.goto(`${product.url}/login`);
    await page.getByTestId('login-form').waitFor();
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page);
    await page.getByTestId('login-username').fill('demo-district');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    await page.getByTestId('site-card').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('site-card').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('site-list-table').count()).toBe(0);
    const tools = page.getByTestId('site-list-tools');
    expect(await tools.evaluate((element) => element.tagName)).toBe('DETAILS');
    expect(await page.getByTestId('filter-apply').isVisible()).toBe(false);
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page);

    // Opened, the filters fit the screen too.
    await page.getByTestId('site-list-tools-summary').click();
    await page.getByTestId('filter-apply').waitFor();
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page);
  });

  it('reads a site without sideways scrolling', async () => {
    await page.goto(`${product.url}/sites/${siteId}`);
    await page.getByTestId('site-status').waitFor({ timeout: 15_000 });
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page);
  });

  it('fills in the site form with its save bar always on screen', async () => {
    const kind = Object.keys(KIND_ATTRIBUTES)[0];
    await page.goto(`${product.url}/sites/new?kind=${kind}`);
    await page.getByTestId('kind-fields').waitFor({ timeout: 15_000 });
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page);

    // Halfway down the long form, the primary action is still in view at the bottom of the screen.
    await page.getByTestId('site-form').evaluate((form) => window.scrollTo(0, form.getBoundingClientRect().top + window.scrollY + form.scrollHeight / 2));
    const save = await page.getByTestId('save-site').boundingBox();
    expect(save).not.toBeNull();
    expect(save!.y).toBeGreaterThanOrEqual(0);
    expect(save!.y + save!.height).toBeLessThanOrEqual(HEIGHT);

    await page.goto(`${product.url}/sites/${siteId}/edit`);
    await page.getByTestId('site-form').waitFor({ timeout: 15_000 });
    await expectNoSidewaysScroll();
  });

  it('sees the dashboard and the outcome report without sideways scrolling', async () => {
    await page.goto(`${product.url}/dashboard`);
    await page.getByTestId('target-card').first().waitFor({ timeout: 30_000 });
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page);

    await page.goto(`${product.url}/outcomes/report`);
    await page.getByTestId('report-form').waitFor({ timeout: 15_000 });
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page);
  });

  it('opens the site map on their own county', async () => {
    await page.goto(`${product.url}/sites/map`);
    const summary = page.getByTestId('site-map-summary');
    await page.waitForFunction(() => document.querySelector('[data-testid="site-map-summary"]')?.textContent?.startsWith('地图显示'), undefined, { timeout: 15_000 });
    expect(await summary.textContent()).toMatch(/^地图显示南关区的/);
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page);
  });
});
