import { describe, expect, it } from 'vitest';
import type { SiteListResponse } from '@sitenet/domain';
import { DemoSeeder } from '../src/demo/demo.seeder.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

const t = useTestApp();
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });

describe('the fictional Jilin demo set', () => {
  it('loads every site through the request schemas, with gaps left on purpose', async () => {
    const outcome = await t.app.get(DemoSeeder).seedSites();
    expect(outcome.skipped).toBe(false);
    expect(outcome.rows).toBeGreaterThan(100);
    const all = (await province.http.get('/api/sites').query({ region: '220000', pageSize: 1 }).expect(200)).body as SiteListResponse;
    expect(all.total).toBe(outcome.rows);
    expect(Object.keys(all.countsByKind)).toEqual(expect.arrayContaining(['auxiliary-workshop', 'blind-massage', 'incubation-base', 'training-base']));
    // 白山市 has no incubation base, and 农安县 no auxiliary-employment institution (deliberate gaps).
    expect(((await province.http.get('/api/sites').query({ region: '220600', kind: 'incubation-base' })).body as SiteListResponse).total).toBe(0);
    expect(((await province.http.get('/api/sites').query({ region: '220122', kind: 'auxiliary-workshop' })).body as SiteListResponse).total).toBe(0);
    const approved = (await province.http.get('/api/sites').query({ region: '220000', status: 'approved', pageSize: 1 })).body as SiteListResponse;
    expect(approved.total).toBeGreaterThan(outcome.rows / 2);
    expect(approved.total).toBeLessThan(outcome.rows);
  });

  it('is skipped when unchanged', async () => {
    const again = await t.app.get(DemoSeeder).seedSites();
    expect(again.skipped).toBe(true);
  });

  it('is refused in production', async () => {
    const seeder = new DemoSeeder({ ...t.config, production: true }, t.dataSource, undefined as never, undefined as never, undefined as never);
    await expect(seeder.seed()).rejects.toThrow(/never loaded in production/);
  });
});

describe('demo accounts on a database from a trial, started without the demo data (SEED_DEMO=false)', () => {
  it('are refused at sign-in, then deactivated at start (audited); nothing is left to deactivate after', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.seedAccounts();
    const refused = await t.http().post('/api/auth/login').send({ username: 'demo-admin', password: 'sitenet-demo' }).expect(403);
    expect(refused.body.code).toBe('auth.demo_account_disabled');
    const secured = await seeder.secureDemoAccounts();
    expect(secured.deactivated).toEqual(expect.arrayContaining(['demo-admin', 'demo-province', 'demo-prefecture', 'demo-district']));
    expect(secured.reason).toMatch(/SEED_DEMO=false/);
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM account_audit WHERE action = 'deactivate' AND actor_id IS NULL AND account_username = 'demo-admin'`);
    expect(row.n).toBe(1);
    expect(await seeder.disableDemoAccounts()).toEqual([]);
    expect((await seeder.secureDemoAccounts()).deactivated).toEqual([]);
  });
});
