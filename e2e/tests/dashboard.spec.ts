import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningProduct } from '../support/product.js';
import { expectNoAxeViolations, useProductAndBrowser } from '../support/suite.js';
import { api, apiLogin, signInAs, type Session } from '../support/session.js';
import { creditCode, KIND_ATTRIBUTES } from '../support/sites.js';

/**
 * Issue 5: Jilin's real targets on the demo data, with the counties that miss them; approving a
 * site in a county that had none takes that county off the gap list and moves the card's
 * progress, with no reload but the page's own refresh.
 */
const TARGET = 'jl-auxiliary-per-county';
const GAP_COUNTY = '220122'; // 农安县: no auxiliary-employment institution in the demo data

let product: RunningProduct;
let page: Page;
let province: Session;

useProductAndBrowser(async (started, opened) => {
  product = started;
  page = opened;
  province = await signInAs(page, product.url, 'demo-province');
});

const card = () => page.locator(`[data-testid="target-card"][data-target-id="${TARGET}"]`);
const gapUnit = () => page.locator(`[data-testid="gap-list"][data-target-id="${TARGET}"] [data-testid="gap-unit"][data-code="${GAP_COUNTY}"]`);

describe('the provincial dashboard', () => {
  it("shows Jilin's targets with their clauses and the counties that miss them, axe-clean", async () => {
    await page.goto(`${product.url}/dashboard?region=220000`);
    await page.getByTestId('dashboard').waitFor();
    await card().waitFor({ timeout: 20_000 });
    const cards = await page.getByTestId('target-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-target-id')));
    expect(cards).toEqual(expect.arrayContaining(['jl-auxiliary-per-county', 'jl-blind-massage-total', 'jl-incubation-per-prefecture']));
    expect(await card().textContent()).toContain('二(二)4');
    await gapUnit().waitFor();
    expect(await page.getByTestId('choropleth-table').count()).toBe(1);
    expect(await page.getByTestId('map-approval').first().textContent()).toContain('GS(2024)0650');
    expect(await page.getByTestId('trend-table').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });

  it('fits a phone: at 390 px nothing widens the page (the gap tables scroll in their own box)', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${product.url}/dashboard?region=220000`);
      await gapUnit().waitFor({ timeout: 20_000 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('drops the county from the gap list and moves the progress once a site there is approved', async () => {
    const progressBefore = await card().getByTestId('target-progress').textContent();
    // district staff of 农安县 registers and submits (by the API: the form has its own suite)…
    await api(product.url, province, 'POST', '/api/accounts', { username: 'nongan.staff', displayName: '农安县残联', role: 'district', regionCode: GAP_COUNTY, password: 'nongan-password-1' });
    const first = await apiLogin(product.url, 'nongan.staff', 'nongan-password-1');
    // the holder sets their own password (the official who created the account may not approve through it)
    await api(product.url, first, 'POST', '/api/auth/password', { currentPassword: 'nongan-password-1', newPassword: 'nongan-own-secret' });
    const staff = await apiLogin(product.url, 'nongan.staff', 'nongan-own-secret');
    const site = await api<{ id: string; version: number }>(product.url, staff, 'POST', '/api/sites', {
      kind: 'auxiliary-workshop',
      name: '农安县仪表盘测试阳光家园',
      regionCode: GAP_COUNTY,
      address: '农安县测试路1号',
      location: { lat: 44.43, lng: 125.18 },
      operator: { name: '农安县测试运营方', creditCode: creditCode() },
      contact: { person: '测试', phone: '0431-66661234' },
      attributes: KIND_ATTRIBUTES['auxiliary-workshop'],
    });
    await api(product.url, staff, 'POST', `/api/sites/${site.id}/submit`, { version: site.version });
    // …and the provincial official approves it in the portal, in another tab of the same session.
    const review = await page.context().newPage();
    await signInAs(review, product.url, 'demo-province'); // sessionStorage is per tab
    await review.goto(`${product.url}/sites/${site.id}`);
    await review.locator('[data-testid="site-action"][data-action="approve"]').click();
    await review.waitForFunction(() => document.querySelector('[data-testid="site-status"]')?.getAttribute('data-status') === 'approved', undefined, { timeout: 15_000 });
    await review.close();

    await page.getByTestId('dashboard-refresh').click();
    await page.waitForFunction(
      ({ target, code }) => !document.querySelector(`[data-testid="gap-list"][data-target-id="${target}"] [data-testid="gap-unit"][data-code="${code}"]`),
      { target: TARGET, code: GAP_COUNTY },
      { timeout: 15_000 },
    );
    expect(await card().getByTestId('target-progress').textContent()).not.toBe(progressBefore);
  });

  it('keeps who created nongan.staff in the account audit log, linked to what the account then did, axe-clean', async () => {
    await page.getByTestId('nav-account-audit').click();
    const created = page.locator('[data-testid="audit-row"][data-account="nongan.staff"][data-action="create"]');
    await created.waitFor({ timeout: 15_000 });
    expect(await created.textContent()).toContain('demo-province');
    expect(await page.locator('[data-testid="audit-row"][data-account="nongan.staff"][data-action="password-change"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await created.getByTestId('audit-activity-link').click();
    const submitted = page.locator('[data-testid="activity-row"][data-action="submit"]');
    await submitted.waitFor({ timeout: 15_000 });
    expect(await submitted.textContent()).toContain('农安县仪表盘测试阳光家园');
    await expectNoAxeViolations(page);
  });

  it('drills from the province to a prefecture', async () => {
    await page.goto(`${product.url}/dashboard?region=220000`);
    await card().waitFor({ timeout: 20_000 });
    const unit = page.locator(`[data-testid="gap-list"][data-target-id="${TARGET}"] [data-testid="gap-unit"]`).first();
    await unit.locator('a').first().click();
    await page.waitForURL(/region=22\d{4}/);
    await card().waitFor();
    await expectNoAxeViolations(page);
  });
});
