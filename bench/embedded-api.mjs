// The built API in this process, for the benchmarks that measure it with data inserted straight
// into the tables (bench/coverage.mjs, bench/exports.mjs, bench/import.mjs): on a fresh in-memory
// PGlite, or on PostgreSQL in a fresh database of its own (DATABASE_URL's server, or else a
// throwaway local server: bench/local-postgres.mjs).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import request from 'supertest';
import { startLocalPostgres } from './local-postgres.mjs';

/** A module of the built API (apps/api/dist). */
export const api = (p) => import(new URL(`../apps/api/dist/${p}`, import.meta.url).href);

/** Migrates and seeds a fresh database (all of China's divisions), then builds the app on it; `seedMs` is the first part. */
export async function startEmbeddedApi() {
  const { loadConfig } = await api('config/config.js');
  const { pgCompatibleParsers } = await api('database/pglite-pool.js');
  const { prepareDatabase } = await api('database/prepare.js');
  const { createApp } = await api('create-app.js');
  const { seedApplicationData } = await api('seeding/reference-data.js');
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', PORTAL_DIST: '/nonexistent' }), database: { kind: 'pglite', dataDir: undefined } };
  const db = await PGlite.create({ parsers: pgCompatibleParsers });
  const started = performance.now();
  const { dataSource } = await prepareDatabase(config, db);
  const seedMs = performance.now() - started;
  const app = await createApp(config, dataSource);
  await app.init();
  await seedApplicationData(app, config);
  return { app, dataSource, seedMs };
}

/**
 * Migrates and seeds a fresh database named sitenet_bench_<random> on the PostgreSQL server at
 * `serverUrl`, then builds the app on it; `drop()` (after `app.close()`) deletes the database.
 */
export async function startPostgresApi(serverUrl) {
  const name = `sitenet_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { loadConfig } = await api('config/config.js');
  const { prepareDatabase } = await api('database/prepare.js');
  const { createApp } = await api('create-app.js');
  const { seedApplicationData } = await api('seeding/reference-data.js');
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', PORTAL_DIST: '/nonexistent' }), database: { kind: 'postgres', url: url.toString() } };
  const started = performance.now();
  const { dataSource } = await prepareDatabase(config);
  const seedMs = performance.now() - started;
  const app = await createApp(config, dataSource);
  await app.init();
  await seedApplicationData(app, config);
  return { app, dataSource, seedMs, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Runs `fn(serverUrl)` against DATABASE_URL's server, or else a throwaway local server started from
 * the installed PostgreSQL (as .ci/run does) and stopped afterwards. Without either it prints why
 * and returns undefined.
 */
export async function withPostgresServer(fn) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const local = await startLocalPostgres();
  if (!local) {
    console.log('postgres skipped: no PostgreSQL installed; set DATABASE_URL to a server (the bench creates and drops its own database there)');
    return undefined;
  }
  try {
    return await fn(local.url);
  } finally {
    local.stop();
  }
}

/** Inserts `count` rows into `table`, `row(i)` giving each row's values in `columns`' order, 500 per statement. */
export async function insertRows(dataSource, table, columns, count, row) {
  for (let start = 0; start < count; start += 500) {
    const values = [];
    const params = [];
    for (let i = start; i < Math.min(count, start + 500); i++) values.push(`(${row(i).map((value) => `$${params.push(value)}`).join(', ')})`);
    await dataSource.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

/** Creates an account of `role` in `regionCode` and returns its bearer token. */
export async function benchToken(app, role, regionCode) {
  const { AccountsService } = await api('auth/accounts.service.js');
  const username = `bench.${role}.${regionCode}`;
  await app.get(AccountsService).create({ username, displayName: 'bench', role, regionCode, password: 'bench-password-1' }, null);
  const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password: 'bench-password-1' });
  return res.body.token;
}
