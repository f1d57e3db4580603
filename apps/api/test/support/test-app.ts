import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { pgCompatibleParsers } from '../../src/database/pglite-pool.js';
import { prepareDatabase } from '../../src/database/prepare.js';
import { createApp } from '../../src/create-app.js';
import { seedApplicationData } from '../../src/seeding/reference-data.js';
import type { AppOptions } from '../../src/app.module.js';
import { AccountsService } from '../../src/auth/accounts.service.js';
import type { AccountSummary, Role } from '@sitenet/domain';
import { checkResponses } from './response-contract.js';

/** The password of every account the tests create. */
export const TEST_PASSWORD = 'test-password-2026';

export interface SignedIn {
  token: string;
  account: AccountSummary;
  /** Requests carrying this account's bearer token. */
  http: AuthorizedAgent;
}

export interface AuthorizedAgent {
  get: (url: string) => request.Test;
  post: (url: string) => request.Test;
  patch: (url: string) => request.Test;
  put: (url: string) => request.Test;
}

export interface TestApp {
  app: NestExpressApplication;
  /** Creates an account (unless the username exists) and signs it in through the API. */
  signIn: (account: { role: Role; regionCode: string | null; username?: string; displayName?: string }) => Promise<SignedIn>;
  dataSource: DataSource;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  engine: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/**
 * The whole API on its own database: an in-memory PGlite loaded from the run's template, or a
 * new database on the PostgreSQL server of DATABASE_URL (dropped again on close).
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}, options: AppOptions = {}): Promise<TestApp> {
  const base = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORTAL_DIST: '/nonexistent', SEEDS_DIR: process.env.SEEDS_DIR, SEED_DEMO: 'false', HOST: '127.0.0.1' }), ...overrides };
  const serverUrl = process.env.DATABASE_URL;
  let dropDatabase = async () => {};
  let config: AppConfig;
  let embedded: PGlite | undefined;
  if (serverUrl) {
    const name = `sitenet_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    config = { ...base, database: { kind: 'postgres', url: url.toString() } };
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const template = inject('pgliteTemplate');
    if (!template) throw new Error('The PGlite template database was not built (global setup)');
    const dump = new Blob([await readFile(template)]);
    embedded = await PGlite.create({ loadDataDir: dump, parsers: pgCompatibleParsers });
    config = { ...base, database: { kind: 'pglite', dataDir: undefined } };
  }
  const { dataSource } = await prepareDatabase(config, embedded, { kinds: options.kinds });
  const app = await createApp(config, dataSource, options);
  // Every response body the tests receive is parsed with the schema its handler declares.
  checkResponses(app);
  await app.init();
  await seedApplicationData(app, config);
  const server = app.getHttpServer();
  const agent = (token: string): AuthorizedAgent => ({
    get: (url) => request(server).get(url).set('Authorization', `Bearer ${token}`),
    post: (url) => request(server).post(url).set('Authorization', `Bearer ${token}`),
    patch: (url) => request(server).patch(url).set('Authorization', `Bearer ${token}`),
    put: (url) => request(server).put(url).set('Authorization', `Bearer ${token}`),
  });
  let serial = 0;
  const signIn: TestApp['signIn'] = async ({ role, regionCode, username, displayName }) => {
    const name = username ?? `t-${role}-${regionCode ?? 'all'}-${++serial}`;
    const accounts = app.get(AccountsService);
    if (!(await accounts.exists(name))) await accounts.create({ username: name, displayName: displayName ?? name, role, regionCode, password: TEST_PASSWORD }, null);
    const res = await request(server).post('/api/auth/login').send({ username: name, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { token: res.body.token as string, account: res.body.account as AccountSummary, http: agent(res.body.token as string) };
  };
  return {
    app,
    signIn,
    dataSource,
    config,
    engine: serverUrl ? 'postgres' : 'pglite',
    http: () => request(server),
    close: async () => {
      await app.close();
      await dropDatabase();
    },
  };
}

/**
 * One API for the whole spec file: started before its first test, closed after its last. The
 * object returned stands for that app (use it inside tests and hooks, not at the file's top level).
 */
export function useTestApp(...args: Parameters<typeof startTestApp>): TestApp {
  const app = fromBeforeAll('The test app', () => startTestApp(...args));
  afterAll(async () => {
    await app.value()?.close();
  });
  return app.stand;
}

/**
 * An account of `t` signed in once for the spec file (after the app started, in the order the
 * file asks for them); the object returned stands for it inside tests and hooks.
 */
export function useSignedIn(t: TestApp, account: Parameters<TestApp['signIn']>[0]): SignedIn {
  return fromBeforeAll(`The ${account.role} account`, () => t.signIn(account)).stand;
}

/** A stand-in for what a beforeAll makes: property reads go to it once it is there. */
function fromBeforeAll<T extends object>(what: string, make: () => Promise<T>): { stand: T; value: () => T | undefined } {
  let made: T | undefined;
  beforeAll(async () => {
    made = await make();
  });
  const stand = new Proxy({} as T, {
    get: (_target, key) => {
      if (!made) throw new Error(`${what} is used before its beforeAll ran: use it inside tests and hooks`);
      return made[key as keyof T];
    },
  });
  return { stand, value: () => made };
}

/** One statement on the PostgreSQL server at `url` (CREATE DATABASE, DROP DATABASE) on a connection of its own. */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
