import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Site } from '@sitenet/domain';
import { fillField } from '../support/form.js';
import type { RunningProduct } from '../support/product.js';
import { api, apiLogin, signInAs, type Session } from '../support/session.js';
import { expectNoAxeViolations, useProductAndBrowser } from '../support/suite.js';

/**
 * Issue 12, done when: at a phone viewport with geolocation granted, 南关区's district clerk
 * registers a site using 使用我的位置, saves an incomplete draft, goes offline, saves again (the
 * save waits on the device, and the form says so), comes back online and finds the draft on the
 * server with the change. axe-clean form, also with the offline message shown.
 */
const KIND = 'auxiliary-workshop';
/** A point inside 南关区 (the API checks it against the county's boundary). */
const IN_NANGUAN = { latitude: 43.8601, longitude: 125.3512 };
let product: RunningProduct;
let page: Page;
let session: Session;

useProductAndBrowser(async (started, opened) => {
  product = started;
  page = opened;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.context().grantPermissions(['geolocation'], { origin: product.url });
  await page.context().setGeolocation({ ...IN_NANGUAN, accuracy: 12 });
  session = await signInAs(page, product.url, 'demo-district');
});

describe('a district clerk registering a site through a dead spot', () => {
  let siteId: string;

  it('registers a site with 使用我的位置 and saves an incomplete draft', async () => {
    await page.goto(`${product.url}/sites/new?kind=${KIND}`);
    await page.getByTestId('kind-fields').waitFor({ timeout: 15_000 });
    await page.getByTestId('field-name').fill('离线测试阳光家园');
    // The portal's draft check still refuses an empty multiple choice (服务对象残疾类别): one chosen.
    await fillField(page, 'attributes.disabilityCategories', ['intellectual']);
    await page.getByTestId('location-mine').click();
    await page.getByTestId('location-accuracy').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('location-current').textContent()).toContain('43.8601');
    await expectNoAxeViolations(page);

    await page.getByTestId('save-site').click();
    await page.waitForURL(/\/sites\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    siteId = page.url().split('/').pop()!;
    const stored = await api<Site>(product.url, session, 'GET', `/api/sites/${siteId}`);
    expect(stored).toMatchObject({ status: 'draft', name: '离线测试阳光家园', location: { lat: 43.8601, lng: 125.3512 }, address: null });
  });

  it('has the service worker serving the portal', async () => {
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${product.url}/`);
  });

  it('saves again offline: kept on the device, said so; sent when the connection returns', async () => {
    await page.goto(`${product.url}/sites/${siteId}/edit`);
    await page.getByTestId('site-form').waitFor({ timeout: 15_000 });

    await page.context().setOffline(true);
    await page.getByTestId('field-address').fill('南关区离线测试路 8 号');
    await page.getByTestId('save-site').click();
    const notice = page.getByTestId('saved-offline');
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-offline"]')?.textContent?.includes('已保存在本设备，联网后自动发送'), undefined, { timeout: 10_000 });
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await page.getByTestId('outbox-waiting').textContent()).toContain('1 项保存在本设备');
    expect(page.url()).toMatch(/\/edit$/);
    await expectNoAxeViolations(page);
    // Nothing reached the server while offline.
    expect((await api<Site>(product.url, session, 'GET', `/api/sites/${siteId}`)).address).toBeNull();

    await page.context().setOffline(false);
    await page.waitForURL(new RegExp(`/sites/${siteId}$`), { timeout: 20_000 });
    const stored = await api<Site>(product.url, session, 'GET', `/api/sites/${siteId}`);
    expect(stored).toMatchObject({ status: 'draft', name: '离线测试阳光家园', address: '南关区离线测试路 8 号' });
    expect(await page.getByTestId('outbox-waiting').count()).toBe(0);
    const history = await api<{ items: Array<{ action: string }> }>(product.url, session, 'GET', `/api/sites/${siteId}/history`);
    expect(history.items.map((entry) => entry.action)).toEqual(['create', 'update']);
  });

  it('opens the registration form from the service worker without a connection, and registers the site once when it returns', async () => {
    await page.context().setOffline(true);
    await page.goto(`${product.url}/sites/new?kind=${KIND}`);
    await page.getByTestId('kind-fields').waitFor({ timeout: 15_000 });
    await page.getByTestId('field-name').fill('离线登记的家园');
    await fillField(page, 'attributes.disabilityCategories', ['intellectual']);
    await page.getByTestId('save-site').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-offline"]')?.textContent?.includes('已保存在本设备'), undefined, { timeout: 10_000 });
    await expectNoAxeViolations(page);

    // A page opened offline may hear no `online` event: the outbox tries again by itself.
    await page.context().setOffline(false);
    await page.waitForURL(/\/sites\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const created = page.url().split('/').pop()!;
    expect(await api<Site>(product.url, session, 'GET', `/api/sites/${created}`)).toMatchObject({ status: 'draft', name: '离线登记的家园' });
  });

  it('a second login session sees the same single draft (no double send)', async () => {
    const other = await apiLogin(product.url, 'demo-district');
    const list = await api<{ items: Site[] }>(product.url, other, 'GET', `/api/sites?status=draft&q=${encodeURIComponent('离线测试阳光家园')}`);
    expect(list.items.filter((item) => item.name === '离线测试阳光家园')).toHaveLength(1);
    const registered = await api<{ items: Site[] }>(product.url, other, 'GET', `/api/sites?status=draft&q=${encodeURIComponent('离线登记的家园')}`);
    expect(registered.items.filter((item) => item.name === '离线登记的家园')).toHaveLength(1);
  });
});
