import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '../../../src/config/config.js';
import { prepareDatabase } from '../../../src/database/prepare.js';
import { createApp } from '../../../src/create-app.js';
import { seedApplicationData } from '../../../src/seeding/reference-data.js';
import { AccountsService } from '../../../src/auth/accounts.service.js';
import { siteInput } from '../../factories/sites.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { adminQuery, TEST_PASSWORD } from '../../support/test-app.js';
import { checkResponses } from '../../support/response-contract.js';

/**
 * Two API instances on one PostgreSQL database behind a round-robin on loopback (one connection
 * per request, each to the next instance): both start at once on a fresh database (startup is
 * serialised by an advisory lock), a write through one is read through the other, a sign-in on
 * one holds on the other (and so do the sign-in limits), and concurrent edits through both still have exactly one winner.
 */
interface Instance {
  app: NestExpressApplication;
  port: number;
}
interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read like supertest's `res.body` (see eslint.config.js on test bodies)
  body: any;
}

const serverUrl = process.env.DATABASE_URL!;
const databaseName = `sitenet_two_${randomBytes(6).toString('hex')}`;
let instances: Instance[] = [];
let balancer: TcpProxy;

const admin = (sql: string) => adminQuery(serverUrl, sql);

/** One request on a new connection (no keep-alive, so the round-robin picks the next instance). */
function call(port: number, method: string, path: string, body?: unknown, token?: string): Promise<Reply> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { Connection: 'close', ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORTAL_DIST: '/nonexistent', SEEDS_DIR: process.env.SEEDS_DIR, SEED_DEMO: 'false' }),
    database: { kind: 'postgres', url: url.toString() },
  };
  // Both start at once on the fresh database: one migrates and seeds, the other waits for it.
  const prepared = await Promise.all([prepareDatabase(config), prepareDatabase(config)]);
  instances = await Promise.all(
    prepared.map(async ({ dataSource }) => {
      const app = await createApp(config, dataSource);
      checkResponses(app);
      await app.init();
      await seedApplicationData(app, config);
      await app.listen(0, '127.0.0.1');
      return { app, port: (app.getHttpServer().address() as AddressInfo).port };
    }),
  );
  balancer = await startTcpProxy(instances.map(({ port }) => ({ host: '127.0.0.1', port })));
  const accounts = instances[0].app.get(AccountsService);
  await accounts.create({ username: 'two-district', displayName: '南关区', role: 'district', regionCode: '220102', password: TEST_PASSWORD }, null);
  await accounts.create({ username: 'two-province', displayName: '吉林省', role: 'province', regionCode: '220000', password: TEST_PASSWORD }, null);
});

afterAll(async () => {
  await balancer?.close();
  for (const { app } of instances) await app.close();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

describe('two API instances on one PostgreSQL', () => {
  it('serve one set of data and sessions through a round-robin', async () => {
    const [a, b] = instances as [Instance, Instance];
    // Two applications with a connection pool each, as two processes would have.
    expect(a.app.get(DataSource)).not.toBe(b.app.get(DataSource));
    const login = await call(balancer.port, 'POST', '/api/auth/login', { username: 'two-district', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const token = login.body.token as string;

    // A write on one instance is read on the other, both ways.
    const created = await call(a.port, 'POST', '/api/sites', siteInput('incubation-base'), token);
    expect(created.status).toBe(201);
    expect((await call(b.port, 'GET', `/api/sites/${created.body.id}`, undefined, token)).body).toMatchObject({ id: created.body.id, version: created.body.version });
    const edited = await call(b.port, 'PATCH', `/api/sites/${created.body.id}`, { version: created.body.version, address: '南关区双实例路1号' }, token);
    expect(edited.status).toBe(200);
    expect((await call(a.port, 'GET', `/api/sites/${created.body.id}`, undefined, token)).body.address).toBe('南关区双实例路1号');

    // Through the round-robin, every request alternates between the instances and all succeed.
    const before = balancer.connections.length;
    const replies: Reply[] = [];
    for (let i = 0; i < 10; i++) replies.push(await call(balancer.port, 'GET', i % 2 ? '/api/auth/me' : '/api/sites?pageSize=5', undefined, token));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(balancer.connections.slice(before))).toEqual(new Set([0, 1]));
    expect(replies.filter((_, i) => i % 2 === 0).every((r) => r.body.total === 1)).toBe(true);
  });

  it('keeps exactly one winner of concurrent edits sent through both', async () => {
    const { body: login } = await call(balancer.port, 'POST', '/api/auth/login', { username: 'two-district', password: TEST_PASSWORD });
    const site = await call(balancer.port, 'POST', '/api/sites', siteInput('training-base'), login.token);
    expect(site.status).toBe(201);
    const edits = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(balancer.port, 'PATCH', `/api/sites/${site.body.id}`, { version: site.body.version, address: `南关区并发路${i}号` }, login.token)),
    );
    expect(edits.filter((r) => r.status === 200)).toHaveLength(1);
    expect(edits.filter((r) => r.status === 409)).toHaveLength(11);
    const history = await call(balancer.port, 'GET', `/api/sites/${site.body.id}/history`, undefined, login.token);
    expect(history.body.items.filter((entry: { action: string }) => entry.action === 'update')).toHaveLength(1);
  });

  it('shares the sign-in limits: failures counted on one instance hold on the other', async () => {
    const [a, b] = instances as [Instance, Instance];
    await instances[0].app.get(AccountsService).create({ username: 'two-guarded', displayName: '限速', role: 'district', regionCode: '220102', password: TEST_PASSWORD }, null);
    // Three wrong passwords, alternating instances, from this address: the free ones are used up.
    for (const port of [a.port, b.port, a.port]) expect((await call(port, 'POST', '/api/auth/login', { username: 'two-guarded', password: 'wrong-password-1' })).status).toBe(401);
    // The next attempt, on either instance and even with the right password, must wait.
    const refused = await call(b.port, 'POST', '/api/auth/login', { username: 'two-guarded', password: TEST_PASSWORD });
    expect(refused.status).toBe(429);
    expect((await call(a.port, 'POST', '/api/auth/login', { username: 'two-guarded', password: TEST_PASSWORD })).status).toBe(429);
  });

  it('ends a sign-in everywhere when it is signed out on one instance', async () => {
    const [a, b] = instances as [Instance, Instance];
    const { body: login } = await call(a.port, 'POST', '/api/auth/login', { username: 'two-province', password: TEST_PASSWORD });
    expect((await call(b.port, 'GET', '/api/auth/me', undefined, login.token)).status).toBe(200);
    expect((await call(b.port, 'POST', '/api/auth/logout', undefined, login.token)).status).toBeLessThan(300);
    expect((await call(a.port, 'GET', '/api/auth/me', undefined, login.token)).status).toBe(401);
  });
});
