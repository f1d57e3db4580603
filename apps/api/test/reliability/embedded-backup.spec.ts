import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteInput } from '../factories/sites.js';
import { apiCall, builtApi, demoLogin, runNode, startApi, type ApiProcess } from '../support/api-process.js';

/**
 * Issue 8, "Data loss": backup and restore of the embedded folder, proven end to end with the
 * built product: sites written through the API, `npm run backup` (refused while the server runs,
 * naming it), `npm run restore` into a new DATA_DIR, a start from it, and the sites are there.
 */
describe('backup and restore of the embedded database', { timeout: 150_000 }, () => {
  let base: string;
  let original: string;
  let server: ApiProcess | undefined;
  const sites: { id: string; name: string }[] = [];

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'sitenet-backup-'));
    original = path.join(base, 'original');
    server = await startApi(original);
    const staff = await demoLogin(server.url, 'demo-district');
    for (const kind of ['training-base', 'auxiliary-workshop']) {
      const created = await apiCall<{ id: string; name: string }>(server.url, staff, 'POST', '/api/sites', siteInput(kind));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      sites.push({ id: created.body.id, name: created.body.name });
    }
  });

  afterAll(async () => {
    await server?.kill();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('refuses to back up while the server has the folder open, naming it, and writes nothing', async () => {
    const file = path.join(base, 'while-running.tar.gz');
    const run = await runNode([builtApi('cli/backup.js'), '--to', file], original);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`already in use by pid ${server!.pid}`);
    expect(run.output).toMatch(/stop the server, run the backup/);
    expect(existsSync(file)).toBe(false);
  });

  it('backs up the stopped folder, restores it into a new DATA_DIR, and a start from it has the sites', async () => {
    expect(await server!.stop()).toBe(0);
    server = undefined;
    const file = path.join(base, 'sitenet.tar.gz');
    const backup = await runNode([builtApi('cli/backup.js'), '--to', file], original);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/backup: .* → .*sitenet\.tar\.gz \([\d.]+ MB; \d+ sites, 4 accounts, \d+ migrations\)/);
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    // No overwriting by accident.
    const again = await runNode([builtApi('cli/backup.js'), '--to', file], original);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/exists already/);
    const forced = await runNode([builtApi('cli/backup.js'), '--to', file, '--force'], original);
    expect(forced.code, forced.output).toBe(0);

    const restored = path.join(base, 'restored');
    const restore = await runNode([builtApi('cli/restore.js'), '--from', file], restored);
    expect(restore.code, restore.output).toBe(0);
    expect(readdirSync(restored).sort()).toEqual(['pglite']); // no staging folder or lock left behind
    // A second restore onto a folder that holds a database is refused without --replace.
    const onto = await runNode([builtApi('cli/restore.js'), '--from', file], restored);
    expect(onto.code).toBe(1);
    expect(onto.output).toMatch(/already holds a database.*--replace/);

    server = await startApi(restored);
    const staff = await demoLogin(server.url, 'demo-district');
    for (const site of sites) {
      const found = await apiCall<{ id: string; name: string }>(server.url, staff, 'GET', `/api/sites/${site.id}`);
      expect(found.status).toBe(200);
      expect(found.body.name).toBe(site.name);
    }
  });

  it.each([
    ['backup.js', 'usage: npm run backup -- --to FILE [--force]'],
    ['restore.js', 'usage: npm run restore -- --from FILE [--replace]'],
  ])('%s without its file prints its usage and exits 2', async (command, usage) => {
    const run = await runNode([builtApi(`cli/${command}`)], path.join(base, 'unused'));
    expect(run.code).toBe(2);
    expect(run.output).toContain(usage);
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const restored = path.join(base, 'from-garbage');
    const run = await runNode([builtApi('cli/restore.js'), '--from', builtApi('main.js')], restored);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/is not a usable backup|Cannot read/);
    expect(existsSync(path.join(restored, 'pglite'))).toBe(false);
  });
});
