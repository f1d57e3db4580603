import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteListResponse } from '@sitenet/domain';
import { DemoSeeder } from '../src/demo/demo.seeder.js';
import { startTestApp, type SignedIn, type TestApp } from './support/test-app.js';

let t: TestApp;
let province: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  province = await t.signIn({ role: 'province', regionCode: '220000' });
});
afterAll(async () => {
  await t?.close();
});

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

describe('demo accounts in a production database', () => {
  it('are deactivated, with their sign-ins ended', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.seedAccounts();
    const demo = await t.http().post('/api/auth/login').send({ username: 'demo-admin', password: 'sitenet-demo' }).expect(200);
    expect(await seeder.disableDemoAccounts()).toEqual(expect.arrayContaining(['demo-admin', 'demo-province', 'demo-prefecture', 'demo-district']));
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${demo.body.token}`).expect(401);
    await t.http().post('/api/auth/login').send({ username: 'demo-admin', password: 'sitenet-demo' }).expect(401);
    expect(await seeder.disableDemoAccounts()).toEqual([]);
  });
});
