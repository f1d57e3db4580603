import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../../src/config/config.js';
import { pgCompatibleParsers } from '../../src/database/pglite-pool.js';
import { prepareDatabase } from '../../src/database/prepare.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of an embedded database with every migration run and the seeds loaded. */
    pgliteTemplate: string | null;
  }
}

/**
 * On the embedded default, build one migrated and seeded database once per run and hand its
 * dump to every test file, which loads it into its own in-memory PGlite: each file gets an
 * isolated database without paying for initdb and 45k region rows again.
 * With DATABASE_URL, each file creates its own database on that server instead.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', null);
    return;
  }
  const started = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-template-'));
  const db = await PGlite.create({ parsers: pgCompatibleParsers });
  const { dataSource } = await prepareDatabase({ ...loadConfig({ NODE_ENV: 'test', SEEDS_DIR: process.env.SEEDS_DIR }), database: { kind: 'pglite', dataDir: undefined } }, db);
  const dump = await db.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await dataSource.destroy();
  project.provide('pgliteTemplate', file);
  console.log(`test template database ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
