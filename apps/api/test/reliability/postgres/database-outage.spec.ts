import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { startTestApp, type SignedIn, type TestApp } from '../../support/test-app.js';

/**
 * PostgreSQL goes away and comes back: the API answers 503 with Retry-After meanwhile (not 500),
 * logs the outage once when it starts and once when it ends, and serves again by itself.
 * The database is reached through a TCP proxy the test cuts and restores.
 */
let proxy: TcpProxy;
let t: TestApp;
let province: SignedIn;
const lines: string[] = [];

const logged = (pattern: RegExp) => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => pattern.test(String(entry.msg)));

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  const server = new URL(process.env.DATABASE_URL!);
  proxy = await startTcpProxy([{ host: server.hostname, port: Number(server.port || 5432) }]);
  const viaProxy = new URL(server);
  viaProxy.port = String(proxy.port);
  const original = process.env.DATABASE_URL;
  process.env.DATABASE_URL = viaProxy.toString();
  try {
    t = await startTestApp({ logLevel: 'info' }, { logDestination: { write: (line: string) => void lines.push(line) } });
  } finally {
    process.env.DATABASE_URL = original;
  }
  province = await t.signIn({ role: 'province', regionCode: '220000' });
});
afterAll(async () => {
  if (proxy) await proxy.restore().catch(() => undefined);
  await t?.close();
  await proxy?.close();
});

describe('PostgreSQL outage', () => {
  it('answers 503 with Retry-After while the database is away, logs once per outage, and recovers by itself', async () => {
    await province.http.get('/api/sites').expect(200);
    for (const outage of [1, 2]) {
      lines.length = 0;
      await proxy.cut();
      for (let i = 0; i < 6; i++) {
        const res = await (i % 2 ? t.http().get('/api/regions?q=%E9%95%BF%E6%98%A5') : province.http.get('/api/sites'));
        expect(res.status, `request ${i} of outage ${outage}`).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.body).toMatchObject({ statusCode: 503, code: 'database.unavailable', messages: { 'zh-CN': expect.stringContaining('数据库') } });
        expect(res.body.requestId).toEqual(expect.any(String));
      }
      await t.http().get('/api/health').expect(503);
      // One error line for the whole outage, none per request.
      expect(logged(/database unreachable/)).toHaveLength(1);
      expect(logged(/database unreachable/)[0]).toMatchObject({ level: 50 });
      expect(lines.filter((line) => JSON.parse(line).level >= 50)).toHaveLength(1);
      expect(logged(/Unhandled error/)).toEqual([]);

      await proxy.restore();
      await until(async () => (await province.http.get('/api/sites')).status === 200, 'the API to serve again');
      await until(() => logged(/database reachable again/).length > 0, 'the recovery line');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(logged(/database reachable again/)).toHaveLength(1);
      expect(logged(/database unreachable/)).toHaveLength(1);
      await t.http().get('/api/health').expect(200);
    }
  });
});
