import { afterAll, describe, expect, it } from 'vitest';
import { removeDataDir, startProduct, type RunningProduct } from '../support/product.js';
import { DEMO_PASSWORD } from '../support/session.js';

/**
 * Issue 8: demo accounts reachable from the network. The same data folder, started as a
 * loopback-only trial, then on every address (HOST=0.0.0.0), then on loopback again.
 */
let dataDir: string | undefined;
let running: RunningProduct | undefined;
afterAll(async () => {
  await running?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

/** The product's output once it matches (stdout may arrive after /api/health answered). */
async function outputMatching(product: RunningProduct, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 100 && !pattern.test(product.output()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return product.output();
}

const login = (url: string) =>
  fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'demo-admin', password: DEMO_PASSWORD }) });

describe('demo accounts and the listen address', () => {
  it('work on a loopback trial, are deactivated by a start on 0.0.0.0 whose startup line says so, and come back on loopback', async () => {
    running = await startProduct();
    dataDir = running.dataDir;
    expect(await outputMatching(running, /listening/)).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(this computer only\)/);
    const trial = await login(running.url);
    expect(trial.status).toBe(200);
    const { token } = (await trial.json()) as { token: string };
    await running.stop();

    running = await startProduct({ dataDir, env: { HOST: '0.0.0.0' } });
    const output = await outputMatching(running, /listening/);
    expect(output).toMatch(/listening on all IPv4 addresses \(0\.0\.0\.0\), port \d+ — reachable from the network/);
    expect(output).not.toMatch(/listening on http:\/\/localhost/);
    expect(output).toMatch(/demo accounts deactivated .*HOST=0\.0\.0\.0 is not a loopback address.*demo-admin/);
    const refused = await login(running.url);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('auth.demo_account_disabled');
    expect((await fetch(`${running.url}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    await running.stop();

    running = await startProduct({ dataDir });
    expect(await outputMatching(running, /listening/)).toMatch(/demo accounts active again on this loopback-only trial/);
    expect((await login(running.url)).status).toBe(200);
  }, 240_000);
});
