import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from '../support/browser.js';
import { fillField, fixedRegion } from '../support/form.js';
import { removeDataDir, startProduct, type RunningProduct } from '../support/product.js';
import { expectNoAxeViolations } from '../support/suite.js';
import { DEMO_PASSWORD } from '../support/session.js';
import { commonFields, KIND_ATTRIBUTES } from '../support/sites.js';

/**
 * Issue 4: the whole review loop as people in their own browsers — district staff registers and
 * submits, the prefecture reviewer returns it with a reason, staff fixes and resubmits, the
 * reviewer approves; a later edit stays pending while the published version is shown; altered
 * after the reviewer opened it, it is refused as stale (what changed, a reload), then approved.
 */
let product: RunningProduct;
let staffBrowser: Browser;
let reviewerBrowser: Browser;
let staff: Page;
let reviewer: Page;
let siteId: string;
const NAME = '流程测试阳光家园';
const RENAMED = '流程测试阳光家园（更名）';

beforeAll(async () => {
  product = await startProduct();
  staffBrowser = await openBrowser();
  reviewerBrowser = await openBrowser();
  staff = staffBrowser.page;
  reviewer = reviewerBrowser.page;
});
afterAll(async () => {
  await staffBrowser?.close();
  await reviewerBrowser?.close();
  if (product) {
    await product.stop();
    await removeDataDir(product.dataDir);
  }
});

async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${product.url}/login`);
  await page.getByTestId('login-form').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  if (password === DEMO_PASSWORD) await page.getByTestId('current-user').waitFor({ timeout: 15_000 });
}

async function openSite(page: Page) {
  await page.goto(`${product.url}/sites/${siteId}`);
  await page.getByTestId('site-detail').waitFor();
}

async function status(page: Page) {
  return page.getByTestId('site-status').first().getAttribute('data-status');
}

async function act(page: Page, action: string, reason?: string) {
  await page.locator(`[data-testid="site-action"][data-action="${action}"]`).click();
  if (reason) {
    await page.getByTestId('reason-dialog').waitFor();
    await expectNoAxeViolations(page);
    await page.getByTestId('reason-input').fill(reason);
    await page.getByTestId('reason-confirm').click();
  }
}

async function waitForStatus(page: Page, wanted: string) {
  await page.waitForFunction((s) => document.querySelector('[data-testid="site-status"]')?.getAttribute('data-status') === s, wanted, { timeout: 15_000 });
}

describe('the review loop, as two people', () => {
  it('refuses a wrong password with an announced error, axe-clean, then signs district staff in', async () => {
    await login(staff, 'demo-district', 'not-the-password');
    const error = staff.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/用户名或密码/);
    await expectNoAxeViolations(staff);
    await login(staff, 'demo-district');
    await staff.getByTestId('current-user').waitFor();
    expect(await staff.getByTestId('current-user').textContent()).toContain('南关区');
  });

  it('district staff registers a site and submits it', async () => {
    await staff.goto(`${product.url}/sites/new?kind=auxiliary-workshop`);
    await staff.getByTestId('kind-fields').waitFor();
    for (const [path, value] of Object.entries(commonFields(NAME))) await fillField(staff, path, value);
    // The unit picker starts at the district user's county, chosen and fixed.
    expect(await fixedRegion(staff, 'field-regionCode')).toContain('吉林省 长春市 南关区');
    for (const [key, value] of Object.entries(KIND_ATTRIBUTES['auxiliary-workshop'])) await fillField(staff, `attributes.${key}`, value);
    await staff.getByTestId('save-site').click();
    await staff.waitForURL(/\/sites\/[0-9a-f-]{36}$/);
    siteId = staff.url().split('/').pop()!;
    await staff.getByTestId('site-detail').waitFor();
    expect(await status(staff)).toBe('draft');
    await act(staff, 'submit');
    await waitForStatus(staff, 'submitted');
  });

  it('the prefecture reviewer finds it in the queue and returns it with a reason', async () => {
    await login(reviewer, 'demo-prefecture');
    await reviewer.goto(`${product.url}/review`);
    await reviewer.getByTestId('review-queue').waitFor();
    await reviewer.locator(`[data-testid="queue-item"][data-id="${siteId}"]`).waitFor();
    await expectNoAxeViolations(reviewer);
    await openSite(reviewer);
    expect(await reviewer.locator('[data-testid="site-action"][data-action="submit"]').count()).toBe(0);
    await act(reviewer, 'return', '请补充劳动项目说明');
    await waitForStatus(reviewer, 'returned');
  });

  it('district staff sees the reason, fixes the site and resubmits', async () => {
    await openSite(staff);
    await waitForStatus(staff, 'returned');
    expect(await staff.getByTestId('site-history').textContent()).toContain('请补充劳动项目说明');
    await staff.goto(`${product.url}/sites/${siteId}/edit`);
    await staff.getByTestId('site-form').waitFor();
    await staff.getByTestId('field-address').fill('南关区流程测试路2号');
    await staff.getByTestId('save-site').click();
    await staff.getByTestId('site-detail').waitFor();
    await act(staff, 'submit');
    await waitForStatus(staff, 'submitted');
  });

  it('the reviewer approves it; it is published', async () => {
    await openSite(reviewer);
    await act(reviewer, 'approve');
    await waitForStatus(reviewer, 'approved');
  });

  it('a later edit stays pending while the published version is shown', async () => {
    await staff.goto(`${product.url}/sites/${siteId}/edit`);
    await staff.getByTestId('site-form').waitFor();
    await staff.getByTestId('field-name').fill(RENAMED);
    await staff.getByTestId('save-site').click();
    await staff.getByTestId('site-detail').waitFor();
    await staff.getByTestId('pending-change').waitFor();
    expect(await status(staff)).toBe('approved');
    await openSite(reviewer);
    await reviewer.getByTestId('pending-change').waitFor();
    expect(await reviewer.locator('h1').textContent()).toContain(NAME);
    expect(await reviewer.locator('h1').textContent()).not.toContain('更名');
    const row = reviewer.locator('[data-testid="diff-row"][data-field="name"]');
    expect(await row.textContent()).toContain(RENAMED);
    await expectNoAxeViolations(reviewer);
  });

  it('a change request altered after the reviewer opened it is not approved: the page says what changed and reloads', async () => {
    // the registrant alters the change request while the reviewer's page still shows the first one
    await staff.goto(`${product.url}/sites/${siteId}/edit`);
    await staff.getByTestId('site-form').waitFor();
    await staff.getByTestId('field-address').fill('南关区流程测试路3号');
    await staff.getByTestId('save-site').click();
    await staff.getByTestId('site-detail').waitFor();

    await reviewer.getByTestId('approve-change').click();
    const notice = reviewer.getByTestId('stale-notice');
    await notice.waitFor();
    expect(await notice.locator('[data-testid="stale-change"][data-field="proposed.address"]').textContent()).toContain('南关区流程测试路3号');
    expect(await reviewer.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stale-notice');
    expect(await reviewer.locator('h1').textContent()).not.toContain('更名'); // nothing was published
    await expectNoAxeViolations(reviewer);
    await reviewer.getByTestId('stale-reload').click();
    await reviewer.locator('[data-testid="diff-row"][data-field="address"]').waitFor();
    expect(await reviewer.getByTestId('stale-notice').count()).toBe(0);
  });

  it('the reviewer approves the change; the new version is published and the history tells it all', async () => {
    await reviewer.getByTestId('approve-change').click();
    await reviewer.waitForFunction((name) => document.querySelector('h1')?.textContent?.includes(name), RENAMED, { timeout: 15_000 });
    expect(await reviewer.getByTestId('pending-change').count()).toBe(0);
    const actions = await reviewer.getByTestId('history-entry').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['create', 'submit', 'return', 'update', 'submit', 'approve', 'change-request', 'change-request', 'approve-change']);
    await expectNoAxeViolations(reviewer);
  });

  it('signs out', async () => {
    await staff.getByTestId('logout').click();
    await staff.waitForURL(/\/login/);
    await staff.goto(`${product.url}/sites`);
    await staff.waitForURL(/\/login\?redirect=/);
  });
});
