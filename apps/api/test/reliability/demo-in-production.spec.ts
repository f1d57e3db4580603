import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CONFIG, type AppConfig } from '../../src/config/config.js';
import { DemoSeeder } from '../../src/demo/demo.seeder.js';
import { countDemoSites } from '../../src/demo/demo-sites.js';
import { removeDemo } from '../../src/cli/remove-demo.js';
import { seedApplicationData } from '../../src/seeding/reference-data.js';
import { NANGUAN, siteInput } from '../factories/sites.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();

describe('fictional demo sites and a production start', () => {
  it('a production start refuses while demo sites exist, naming the command that removes them; the command removes them and their history only', async () => {
    await t.app.get(DemoSeeder).seedSites();
    // A real site beside them, and a history entry on a demo site (an edit by district staff).
    const [demoSite] = await t.dataSource.query(`SELECT id, version FROM site WHERE created_by = 'seed:demo' AND status = 'approved' AND county_code = $1 ORDER BY id LIMIT 1`, [NANGUAN]);
    const district = await t.signIn({ role: 'district', regionCode: NANGUAN });
    await district.http.patch(`/api/sites/${demoSite.id}`).send({ version: demoSite.version, address: '演示地址（已修改）' }).expect(200);
    const real = await district.http.post('/api/sites').send(siteInput('incubation-base')).expect(201);
    const before = await countDemoSites(t.dataSource);
    expect(before.sites).toBeGreaterThan(100);
    expect(before.approved).toBeGreaterThan(50);
    expect(before.history).toBeGreaterThan(0);
    expect(before.edited).toBe(1); // the one district staff edited
    const [{ n: editedHistory }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM site_history WHERE site_id = $1`, [demoSite.id]);

    const production = { ...t.config, production: true, seedDemo: false };
    await expect(seedApplicationData(t.app, production)).rejects.toThrow(/npm run remove-demo -- --yes/);

    // Without the confirmation flag nothing is removed.
    const said: string[] = [];
    expect(await removeDemo([], t.dataSource, 'the test database', (line) => said.push(line))).toBe(1);
    expect(said.join('\n')).toMatch(new RegExp(`${before.sites} demo sites`));
    expect(said.join('\n')).toMatch(/1 demo sites were edited by real users.*--include-edited/);
    expect(await countDemoSites(t.dataSource)).toEqual(before);

    // --yes removes the untouched ones; the one a real user edited stays, with their history, and is reported.
    said.length = 0;
    expect(await removeDemo(['--yes'], t.dataSource, 'the test database', (line) => said.push(line))).toBe(1);
    expect(said[0]).toMatch(new RegExp(`removed ${before.sites - 1} demo sites \\(${before.approved - 1} approved\\) and ${before.history - editedHistory} history entries`));
    expect(said.join('\n')).toMatch(/1 demo sites were kept.*--yes --include-edited/);
    expect(await countDemoSites(t.dataSource)).toEqual({ sites: 1, approved: 1, history: editedHistory, edited: 1 });
    await expect(seedApplicationData(t.app, production)).rejects.toThrow(/npm run remove-demo -- --yes/);

    expect(await removeDemo(['--yes', '--include-edited'], t.dataSource, 'the test database', (line) => said.push(line))).toBe(0);
    expect(said.at(-1)).toMatch(new RegExp(`removed 1 demo sites \\(1 approved\\) and ${editedHistory} history entries`));
    expect(await countDemoSites(t.dataSource)).toEqual({ sites: 0, approved: 0, history: 0, edited: 0 });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM site_history WHERE site_id = $1`, [demoSite.id]);
    expect(n).toBe(0);
    // The real site and its history stay.
    await district.http.get(`/api/sites/${real.body.id}`).expect(200);
    expect((await district.http.get(`/api/sites/${real.body.id}/history`).expect(200)).body.items.length).toBeGreaterThan(0);

    await expect(seedApplicationData(t.app, production)).resolves.toBeDefined();
    expect(await removeDemo(['--yes'], t.dataSource, 'the test database', (line) => said.push(line))).toBe(0);
    expect(said.at(-1)).toMatch(/no demo sites/);
  });

  it('a reload of changed demo data bumps the version and writes history: an approval of what the reviewer saw before is stale', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.seedSites();
    const id = 'b5377901-3145-40f0-9c97-0c957d5a1b25'; // a submitted demo site in Changchun
    const reviewer = await t.signIn({ role: 'prefecture', regionCode: '220100' });
    const seen = (await reviewer.http.get(`/api/sites/${id}`).expect(200)).body as { version: number; address: string; status: string };
    expect(seen.status).toBe('submitted');
    // The demo file changes (a new release of it) and is loaded again.
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const original = config.seedsDir;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-seeds-'));
    try {
      const file = JSON.parse(await readFile(path.join(original, 'demo', 'jilin-sites.json'), 'utf8')) as { sites: { id: string; address: string }[] };
      file.sites.find((site) => site.id === id)!.address = '演示地址（新版演示数据）';
      await mkdir(path.join(dir, 'demo'));
      await writeFile(path.join(dir, 'demo', 'jilin-sites.json'), JSON.stringify(file));
      config.seedsDir = dir;
      await seeder.seedSites();
    } finally {
      config.seedsDir = original;
      await rm(dir, { recursive: true, force: true });
    }
    const now = (await reviewer.http.get(`/api/sites/${id}`).expect(200)).body as { version: number; address: string };
    expect(now.address).toBe('演示地址（新版演示数据）');
    expect(now.version).toBe(seen.version + 1);
    const history = (await reviewer.http.get(`/api/sites/${id}/history`).expect(200)).body.items as { actorId: string; changes: { field: string }[] }[];
    expect(history.at(-1)).toMatchObject({ actorId: 'seed:demo', changes: expect.arrayContaining([expect.objectContaining({ field: 'address' })]) });
    const [last] = await t.dataSource.query(`SELECT "version" FROM site_history WHERE site_id = $1 ORDER BY "at" DESC, "id" DESC LIMIT 1`, [id]);
    expect(last.version).toBe(now.version);
    // Only sites whose content changed moved: the others keep their version.
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM site WHERE created_by = 'seed:demo' AND version <> 1`);
    expect(n).toBe(1);
    await reviewer.http.post(`/api/sites/${id}/approve`).send({ version: seen.version }).expect(409);
    await reviewer.http.post(`/api/sites/${id}/approve`).send({ version: now.version }).expect(200);
  });
});
