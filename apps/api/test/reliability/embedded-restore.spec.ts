import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupEmbedded, restoreEmbedded } from '../../src/database/embedded-backup.js';
import { openPGlite, pgliteDriver } from '../../src/database/pglite-pool.js';
import { journalFor } from '../../src/database/restore-journal.js';
import { migrations } from '../../src/migrations/index.js';
import { siteInput } from '../factories/sites.js';
import { apiCall, builtApi, demoLogin, runNode, startApi, type ApiProcess } from '../support/api-process.js';

/**
 * Issue 8, hostile review of backup/restore: the README's `--to backups/…` failed (no folder);
 * a kill -9 between the two renames of `restore --replace` left DATA_DIR without `pglite` and the
 * next start silently created an empty database; staging folders of interrupted restores were
 * left unreported. Plus the round trip of --replace, the refusal while the server runs, and an
 * older-schema backup migrated by the next start.
 */
describe('restore of the embedded database', { timeout: 300_000 }, () => {
  let base: string;
  let dataDir: string;
  let backup: string;
  let server: ApiProcess | undefined;
  let kept: { id: string; name: string };
  let later: { id: string };

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'sitenet-restore-'));
    dataDir = path.join(base, 'data');
    server = await startApi(dataDir);
    const staff = await demoLogin(server.url, 'demo-district');
    const created = await apiCall<{ id: string; name: string }>(server.url, staff, 'POST', '/api/sites', siteInput('training-base'));
    expect(created.status).toBe(201);
    kept = created.body;
    expect(await server.stop()).toBe(0);
    server = undefined;
  });

  afterAll(async () => {
    await server?.kill();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('backs up into a folder that does not exist yet (the README example: --to backups/sitenet-<date>.tar.gz)', async () => {
    backup = path.join(base, 'backups', 'nested', 'sitenet-2026-12-02.tar.gz');
    const run = await runNode([builtApi('cli/backup.js'), '--to', backup], dataDir);
    expect(run.code, run.output).toBe(0);
    expect(existsSync(backup)).toBe(true);
  });

  it('refuses restore --replace while the server runs, naming it, and changes nothing', async () => {
    server = await startApi(dataDir);
    const staff = await demoLogin(server.url, 'demo-district');
    const created = await apiCall<{ id: string }>(server.url, staff, 'POST', '/api/sites', siteInput('auxiliary-workshop'));
    expect(created.status).toBe(201);
    later = created.body;
    const run = await runNode([builtApi('cli/restore.js'), '--from', backup, '--replace'], dataDir);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`already in use by pid ${server.pid}`);
    expect(run.output).toMatch(/stop the server before restoring\. Nothing was changed/);
    expect(readdirSync(dataDir).filter((name) => name.includes('restor'))).toEqual([]);
    expect((await apiCall(server.url, staff, 'GET', `/api/sites/${later.id}`)).status).toBe(200);
    expect(await server.stop()).toBe(0);
    server = undefined;
  });

  it('restore --replace puts the backup in place and keeps the replaced folder aside', async () => {
    const run = await runNode([builtApi('cli/restore.js'), '--from', backup, '--replace'], dataDir);
    expect(run.code, run.output).toBe(0);
    const aside = readdirSync(dataDir).filter((name) => name.startsWith('pglite.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(run.output).toContain(aside[0]);
    expect(existsSync(journalFor(path.join(dataDir, 'pglite')))).toBe(false);
    server = await startApi(dataDir);
    const staff = await demoLogin(server.url, 'demo-district');
    expect((await apiCall(server.url, staff, 'GET', `/api/sites/${kept.id}`)).status).toBe(200);
    expect((await apiCall(server.url, staff, 'GET', `/api/sites/${later.id}`)).status).toBe(404); // written after the backup
    expect(await server.stop()).toBe(0);
    server = undefined;
    await rm(path.join(dataDir, aside[0]), { recursive: true });
  });

  it('after a kill -9 between the two renames of restore --replace, the next start finishes the restore (no new empty database)', async () => {
    // Back to a database that has the later site, then a restore that dies half-way through the swap.
    const crashed = await runNode([builtApi('cli/restore.js'), '--from', backup, '--replace'], dataDir, { env: { SITENET_RESTORE_CRASH_AT: 'set-aside' } });
    expect(crashed.code).toBe(null); // killed
    expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    expect(existsSync(journalFor(path.join(dataDir, 'pglite')))).toBe(true);

    server = await startApi(dataDir);
    expect(server.output()).toMatch(/finished an interrupted restore of .*sitenet-2026-12-02\.tar\.gz/);
    const staff = await demoLogin(server.url, 'demo-district');
    expect((await apiCall(server.url, staff, 'GET', `/api/sites/${kept.id}`)).status).toBe(200);
    expect(await server.stop()).toBe(0);
    server = undefined;
    expect(existsSync(journalFor(path.join(dataDir, 'pglite')))).toBe(false);
  });

  it('refuses to start (and creates nothing) when pglite is missing beside a folder set aside by a restore', async () => {
    const other = path.join(base, 'other');
    mkdirSync(path.join(other, 'pglite.before-restore-2026-12-01T10-00-00-000Z'), { recursive: true });
    writeFileSync(path.join(other, 'pglite.before-restore-2026-12-01T10-00-00-000Z', 'PG_VERSION'), '17\n');
    const run = await runNode([builtApi('main.js')], other, { env: { PORT: '0', HOST: '127.0.0.1' }, timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/holds no database, but folders of a restore lie beside it/);
    expect(run.output).toContain(`mv ${path.join(other, 'pglite.before-restore-2026-12-01T10-00-00-000Z')} ${path.join(other, 'pglite')}`);
    expect(existsSync(path.join(other, 'pglite'))).toBe(false);
  });

  it('reports a staging folder left by an interrupted restore at start, and the next restore removes it', async () => {
    const staging = path.join(dataDir, 'pglite.restoring-2026-12-01T10-00-00-000Z');
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'half-written'), 'x');
    server = await startApi(dataDir);
    expect(server.output()).toContain(`${staging}: left by an interrupted restore`);
    expect(await server.stop()).toBe(0);
    server = undefined;
    const run = await runNode([builtApi('cli/restore.js'), '--from', backup, '--replace'], dataDir);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`removed ${staging}`);
    expect(existsSync(staging)).toBe(false);
  });

  it('restores a backup of an older schema; the next start migrates it', async () => {
    const old = path.join(base, 'old', 'pglite');
    const db = await openPGlite(old);
    const ds = new DataSource({ type: 'postgres', driver: pgliteDriver(db), database: 'postgres', migrations: migrations.slice(0, 3), entities: [] });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    const file = path.join(base, 'old.tar.gz');
    const made = await backupEmbedded(old, file);
    expect(made.migrations).toBe(3);
    const into = path.join(base, 'from-old');
    const restored = await restoreEmbedded(path.join(into, 'pglite'), file, { notice: () => undefined });
    expect(restored.migrations).toBe(3);
    server = await startApi(into);
    expect(await server.stop()).toBe(0);
    server = undefined;
    const after = await openPGlite(path.join(into, 'pglite'));
    try {
      expect((await after.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations')).rows[0]?.n).toBe(migrations.length);
    } finally {
      await after.close();
    }
  });
});
