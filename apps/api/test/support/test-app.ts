import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { pgCompatibleParsers } from '../../src/database/pglite-pool.js';
import { prepareDatabase } from '../../src/database/prepare.js';
import { createApp } from '../../src/create-app.js';
import type { AppOptions } from '../../src/app.module.js';

export interface TestApp {
  app: NestExpressApplication;
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
  const base = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORTAL_DIST: '/nonexistent', SEEDS_DIR: process.env.SEEDS_DIR, SEED_DEMO: 'false' }), ...overrides };
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
  const { dataSource } = await prepareDatabase(config, embedded);
  const app = await createApp(config, dataSource, options);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
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

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
