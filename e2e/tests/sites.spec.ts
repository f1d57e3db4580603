import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillField, fixedRegion } from '../support/form.js';
import type { RunningProduct } from '../support/product.js';
import { expectNoAxeViolations, useProductAndBrowser } from '../support/suite.js';
import { api, apiLogin, signInAs } from '../support/session.js';
import { commonFields, creditCode, KIND_ATTRIBUTES } from '../support/sites.js';

/** Issue 3: a site of each kind registered through the portal, found in the list and on the map. */
let product: RunningProduct;
let page: Page;

useProductAndBrowser(async (started, opened) => {
  product = started;
  page = opened;
  await signInAs(page, product.url, 'demo-district');
});

describe('registering a site of each kind through the portal', () => {
  const registered: { kind: string; name: string; id: string }[] = [];

  for (const kind of Object.keys(KIND_ATTRIBUTES)) {
    it(`registers a ${kind}`, async () => {
      const name = `浏览器登记${kind}网点`;
      await page.goto(`${product.url}/sites/new?kind=${kind}`);
      await page.getByTestId('site-form').waitFor();
      await page.getByTestId('kind-fields').waitFor();
      for (const [path, value] of Object.entries(commonFields(name))) await fillField(page, path, value);
      // The unit picker starts at the district user's county, chosen and fixed.
      expect(await fixedRegion(page, 'field-regionCode')).toContain('吉林省 长春市 南关区');
      for (const [key, value] of Object.entries(KIND_ATTRIBUTES[kind])) await fillField(page, `attributes.${key}`, value);
      if (registered.length === 0) await expectNoAxeViolations(page);
      await page.getByTestId('save-site').click();
      await page.getByTestId('site-detail').waitFor({ timeout: 15_000 });
      await page.waitForURL(/\/sites\/[0-9a-f-]{36}$/);
      const id = page.url().split('/').pop()!;
      await page.waitForFunction((n) => document.querySelector('[data-testid="site-detail"] h1')?.textContent?.includes(n), name, { timeout: 15_000 }).catch(() => undefined);
      expect(await page.getByTestId('site-detail').textContent()).toContain(name);
      if (registered.length === 0) await expectNoAxeViolations(page);
      registered.push({ kind, name, id });
    });
  }

  it('shows form errors announced and linked to their fields, axe-clean', async () => {
    await page.goto(`${product.url}/sites/new?kind=auxiliary-workshop`);
    await page.getByTestId('site-form').waitFor();
    await fillField(page, 'name', 'x');
    await page.getByTestId('save-site').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    const firstLink = summary.locator('a').first();
    const target = (await firstLink.getAttribute('href'))!.slice(1);
    await firstLink.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(target);
    expect(await page.locator(`#${target}`).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
  });

  it('finds every registered site in the list, with counts per kind', async () => {
    expect(registered).toHaveLength(Object.keys(KIND_ATTRIBUTES).length);
    await page.goto(`${product.url}/sites?q=${encodeURIComponent('浏览器登记')}`);
    await page.getByTestId('site-list-table').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="site-row"]').length === n, registered.length);
    const ids = await page.getByTestId('site-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids.sort()).toEqual(registered.map((r) => r.id).sort());
    const counts = await page.getByTestId('kind-counts').textContent();
    expect(counts).toMatch(/\d/);
    await expectNoAxeViolations(page);
  });

  it('finds them on the map, whose table lists every point and which shows the approval number', async () => {
    await page.goto(`${product.url}/sites/map?q=${encodeURIComponent('浏览器登记')}`);
    await page.getByTestId('site-map-table').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="site-map-row"]').length === n, registered.length, { timeout: 20_000 });
    const table = await page.getByTestId('site-map-table').textContent();
    for (const site of registered) expect(table).toContain(site.name);
    expect(await page.getByTestId('map-approval').textContent()).toContain('GS(2024)0650');
    expect(await page.getByTestId('site-map').locator('canvas').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});

describe('licences (issue 11)', () => {
  it('lists a medical massage clinic whose licence has expired under the licence filter, and its page says so, axe-clean', async () => {
    const session = await apiLogin(product.url, 'demo-district');
    const name = '浏览器许可证过期按摩所';
    const site = await api<{ id: string }>(product.url, session, 'POST', '/api/sites', {
      kind: 'blind-massage',
      name,
      regionCode: '220102',
      address: '南关区浏览器测试路1号',
      location: { lat: 43.8601, lng: 125.3512 },
      operator: { name: `${name}运营单位`, creditCode: creditCode() },
      contact: { person: '浏览器测试', phone: '0431-66668888' },
      attributes: { ...KIND_ATTRIBUTES['blind-massage'], type: 'medical', licenceExpiresOn: '2024-01-31' },
    });
    await page.goto(`${product.url}/sites?licence=expired&q=${encodeURIComponent(name)}`);
    await page.getByTestId('site-list-table').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="site-row"]').length === 1);
    expect(await page.getByTestId('filter-licence').inputValue()).toBe('expired');
    await expectNoAxeViolations(page);
    await page.goto(`${product.url}/sites/${site.id}`);
    const badge = page.getByTestId('site-licence');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('2024-01-31');
    await expectNoAxeViolations(page);
  });
});

