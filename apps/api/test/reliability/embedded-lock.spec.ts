import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, lockFileFor } from '../../src/database/data-dir-lock.js';
import { DurableNodeFS, durableStartParams } from '../../src/database/durable-nodefs.js';
import { siteInput } from '../factories/sites.js';
import { apiCall, builtApi, demoLogin, runNode, startApi, type ApiProcess } from '../support/api-process.js';

/**
 * Issue 8, "Data loss": a second process on the same embedded data folder started without a
 * word and corrupted it (lost sites, 9 corrupt btree indexes). Now the folder is locked by the
 * first process: the server, create-admin (and backup/restore) refuse while it runs, naming it;
 * after a kill -9 the stale lock is taken over and every acknowledged write is there, intact.
 */
describe('the embedded data folder, opened by one process at a time', { timeout: 150_000 }, () => {
  let dataDir: string;
  let pgliteDir: string;
  let first: ApiProcess;
  const siteIds: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-lock-'));
    pgliteDir = path.join(dataDir, 'pglite');
    first = await startApi(dataDir);
    const staff = await demoLogin(first.url, 'demo-district');
    for (let i = 0; i < 3; i++) {
      const created = await apiCall<{ id: string }>(first.url, staff, 'POST', '/api/sites', siteInput('training-base'));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      siteIds.push(created.body.id);
    }
  });

  afterAll(async () => {
    await first?.kill();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server on the same DATA_DIR, naming the process that holds it and what to do', async () => {
    const lock = JSON.parse(readFileSync(lockFileFor(pgliteDir), 'utf8')) as { pid: number; since: string; command: string };
    expect(lock.pid).toBe(first.pid);
    const second = await runNode([builtApi('main.js')], dataDir, { env: { PORT: '0', HOST: '127.0.0.1' } });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`already in use by pid ${first.pid} on host ${os.hostname()}`);
    expect(second.output).toContain('apps/api/dist/main.js');
    expect(second.output).toContain(`since ${lock.since}`);
    expect(second.output).toMatch(/Stop that process .*kill \d+.* and try again/);
    // The first one is untouched and still answers with everything it wrote.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    const staff = await demoLogin(first.url, 'demo-district');
    expect((await apiCall(first.url, staff, 'GET', `/api/sites/${siteIds[0]}`)).status).toBe(200);
  });

  it('refuses create-admin while the server runs, before asking for a password, and creates nothing', async () => {
    const run = await runNode([builtApi('cli/create-admin.js'), '--username', 'second.admin'], dataDir, { stdin: 'correct-horse-battery-staple\n' });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`already in use by pid ${first.pid}`);
    expect(run.output).toMatch(/stop the server, run create-admin, then start the server again/);
    expect(run.output).not.toMatch(/Password/);
    const admin = await demoLogin(first.url, 'demo-admin');
    const accounts = await apiCall<{ items?: { username: string }[] } | { username: string }[]>(first.url, admin, 'GET', '/api/accounts');
    expect(accounts.status).toBe(200);
    expect(JSON.stringify(accounts.body)).toContain('demo-district');
    expect(JSON.stringify(accounts.body)).not.toContain('second.admin');
  });

  it('after kill -9 of the holder, a new start takes over the stale lock with every acknowledged write intact', async () => {
    await first.kill();
    expect(existsSync(lockFileFor(pgliteDir))).toBe(true); // left behind by the killed process

    const again = await startApi(dataDir);
    try {
      const lock = JSON.parse(readFileSync(lockFileFor(pgliteDir), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(again.pid);
      const staff = await demoLogin(again.url, 'demo-district');
      for (const id of siteIds) {
        const site = await apiCall<{ id: string }>(again.url, staff, 'GET', `/api/sites/${id}`);
        expect(site.status).toBe(200);
        expect(site.body.id).toBe(id);
      }
    } finally {
      expect(await again.stop()).toBe(0);
    }
    // A normal exit releases the lock.
    expect(existsSync(lockFileFor(pgliteDir))).toBe(false);

    // And the folder is sound: every btree index checks out against its table (amcheck).
    const lock = acquireDataDirLock(pgliteDir);
    const db = await PGlite.create({ dataDir: pgliteDir, fs: new DurableNodeFS(pgliteDir), startParams: durableStartParams, extensions: { amcheck } });
    try {
      await db.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
      const checked = await db.query<{ n: number }>(
        `SELECT count(bt_index_check(c.oid, true))::int AS n FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE a.amname = 'btree' AND n.nspname = 'public'`,
      );
      expect(checked.rows[0]?.n).toBeGreaterThan(5);
      const sites = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM site WHERE id = ANY($1::uuid[])`, [siteIds]);
      expect(sites.rows[0]?.n).toBe(siteIds.length);
    } finally {
      await db.close();
      lock.release();
    }
  });
});
