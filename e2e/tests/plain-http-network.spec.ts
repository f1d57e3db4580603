import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type Browser } from '../support/browser.js';
import { createNetworkNamespace, type NetworkNamespace } from '../support/netns.js';
import { removeDataDir, startProduct, type RunningProduct } from '../support/product.js';

/**
 * An intranet without TLS: the portal served over plain http on an address that is not
 * localhost, opened by a browser on another host. Chromium runs in a network namespace of the
 * test's own, across a veth pair (addresses from 198.18.0.0/15 only); the product listens on the
 * machine's end. Browsers treat only localhost as secure, so a CSP `upgrade-insecure-requests`
 * would send every script to https and leave the page blank.
 */
let netns: NetworkNamespace | undefined;
let product: RunningProduct | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  netns = await createNetworkNamespace();
  // No demo accounts off loopback: the sign-in page is what a fresh deployment shows.
  product = await startProduct({ host: netns.hostAddress, env: { SEED_DEMO: 'false' } });
  browser = await openBrowser('zh-CN', { executablePath: netns.chromium });
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (product) {
    await product.stop();
    await removeDataDir(product.dataDir);
  }
  await netns?.remove();
});

describe('the portal over plain http on a non-loopback address', () => {
  it('renders the sign-in page from another network namespace, with no CSP upgrade to https', async () => {
    const page = browser!.page;
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));
    const response = await page.goto(`${product!.url}/login`);
    expect(product!.url).toBe(`http://${netns!.hostAddress}:${new URL(product!.url).port}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await expect(page.getByRole('heading', { level: 1, name: '登录' }).waitFor({ timeout: 20_000 })).resolves.toBeUndefined();
    expect(failed).toEqual([]);
    // Every script and style came over plain http from that address.
    const resources: string[] = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.filter((url) => !url.startsWith(`${product!.url}/`))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
