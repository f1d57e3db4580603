// The built API in this process on a fresh in-memory PGlite, for the benchmarks that measure it
// with data inserted straight into the tables (bench/coverage.mjs, bench/exports.mjs).
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import request from 'supertest';

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
