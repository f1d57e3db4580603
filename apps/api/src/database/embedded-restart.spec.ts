import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { prepareDatabase } from './prepare.js';

/** The embedded default keeps every row across a restart (file-backed PGlite under DATA_DIR). */
describe('the embedded database on disk', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('survives a restart with every row, and does not seed again', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-restart-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, SEEDS_DIR: process.env.SEEDS_DIR });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });

    const first = await prepareDatabase(config);
    expect(first.seeds[0]?.skipped).toBe(false);
    await first.dataSource.query(`UPDATE region SET name = name WHERE code = '220102'`);
    const [{ n: before }] = await first.dataSource.query(`SELECT count(*)::int AS n FROM region`);
    expect(before).toBeGreaterThan(0);
    await first.dataSource.destroy();

    const second = await prepareDatabase(config);
    try {
      expect(second.seeds[0]?.skipped).toBe(true);
      const [{ n: after }] = await second.dataSource.query(`SELECT count(*)::int AS n FROM region`);
      expect(after).toBe(before);
      expect(await second.dataSource.showMigrations()).toBe(false);
    } finally {
      await second.dataSource.destroy();
    }
  });
});
