import { describe, expect, it } from 'vitest';
import { addDays, chinaToday, type ApiErrorBody, type Site, type SiteListResponse } from '@sitenet/domain';
import { siteInput } from './factories/sites.js';
import { seenVersion } from './support/site-version.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

/** Licences registrants and reviewers must watch: a medical massage clinic's practising licence (packages/kinds/blind-massage). */

const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: '220102' });
const reviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });

const today = chinaToday();
const clinic = (licenceExpiresOn: string) => ({ type: 'medical', licenceNumber: 'PDY12345678220102', licenceExpiresOn, blindPractitioners: 6, certifiedMedicalMasseurs: 2 });

async function register(name: string, attributes: Record<string, unknown>): Promise<Site> {
  return (await staff.http.post('/api/sites').send(siteInput('blind-massage', attributes, { regionCode: '220102', name })).expect(201)).body as Site;
}

describe('licences on the site list and the site', () => {
  it('lists the clinics whose licence has expired or expires within 90 days, for the registrant and the reviewer', async () => {
    const expired = await register('过期诊所', clinic(addDays(today, -1)));
    const expiring = await register('将到期诊所', clinic(addDays(today, 90)));
    const lastDay = await register('今日到期诊所', clinic(today));
    const valid = await register('有效诊所', clinic(addDays(today, 91)));
    const healthCare = await register('保健按摩店', { type: 'health-care', licenceExpiresOn: addDays(today, -30), blindPractitioners: 3, certifiedMedicalMasseurs: 0 });
    await staff.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: '220102' })).expect(201);

    for (const who of [staff, reviewer]) {
      const expiredList = (await who.http.get('/api/sites').query({ licence: 'expired' }).expect(200)).body as SiteListResponse;
      expect(expiredList.items.map((s) => s.id)).toEqual([expired.id]);
      expect(expiredList.total).toBe(1);
      const expiringList = (await who.http.get('/api/sites').query({ licence: 'expiring', sort: 'name' }).expect(200)).body as SiteListResponse;
      expect(expiringList.items.map((s) => s.id).sort()).toEqual([expiring.id, lastDay.id].sort());
    }
    const all = (await staff.http.get('/api/sites').query({ kind: 'blind-massage' }).expect(200)).body as SiteListResponse;
    const byId = new Map(all.items.map((s) => [s.id, s.licence]));
    expect(byId.get(expired.id)).toEqual({ expiresOn: addDays(today, -1), state: 'expired', daysLeft: -1 });
    expect(byId.get(expiring.id)).toEqual({ expiresOn: addDays(today, 90), state: 'expiring', daysLeft: 90 });
    expect(byId.get(valid.id)).toMatchObject({ state: 'valid', daysLeft: 91 });
    expect(byId.get(healthCare.id)).toBeNull();
    const page = (await reviewer.http.get(`/api/sites/${expired.id}`).expect(200)).body as Site;
    expect(page.licence).toMatchObject({ state: 'expired' });
  });

  it('refuses another value of the filter with the JSON 400 naming it', async () => {
    const body = (await staff.http.get('/api/sites').query({ licence: 'soon' }).expect(400)).body as ApiErrorBody;
    expect(body.issues?.[0]?.path).toContain('licence');
  });
});

describe('licences in coverage', () => {
  interface Result { target: { id: string }; actual: number; expiredLicences?: { siteId: string; name: string; kind: string; regionCode: string; expiresOn: string }[] }
  const results = async () => ((await province.http.get('/api/coverage').query({ region: '220000' }).expect(200)).body as { results: Result[] }).results;

  it("lists the approved clinics whose licence has expired with the blind-massage targets, and nothing with other kinds' targets", async () => {
    const approve = async (site: Site) => {
      await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
      await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);
    };
    const before = (await results()).find((r) => r.target.id === 'jl-blind-massage-total')!;
    expect(before.expiredLicences).toEqual([]);
    const lapsed = await register('已过期的医疗按摩所', clinic(addDays(today, -40)));
    await approve(lapsed);
    await approve(await register('有效的医疗按摩所', clinic(addDays(today, 40))));
    await register('未审核的过期诊所', clinic(addDays(today, -5))); // a draft counts for nothing and is not listed

    const after = await results();
    const blind = after.find((r) => r.target.id === 'jl-blind-massage-total')!;
    expect(blind.expiredLicences).toEqual([{ siteId: lapsed.id, name: '已过期的医疗按摩所', kind: 'blind-massage', regionCode: '220102', expiresOn: addDays(today, -40) }]);
    expect(after.find((r) => r.target.id === 'jl-auxiliary-total')!.expiredLicences).toBeUndefined();
  });

  it('leaves a clinic whose licence has expired out of a target that counts medical clinics, and keeps it in one that counts every blind massage site', async () => {
    const target = {
      regionCode: '220000',
      kinds: ['blind-massage'],
      title: { 'zh-CN': '盲人医疗按摩所达到 10 个', en: '10 medical massage clinics' },
      strength: 'at-least',
      startsOn: '2025-01-01',
      deadline: '2027-12-31',
      source: { document: '测试通知', clause: '一', quote: '盲人医疗按摩所达到10个' },
    };
    const count = async (rule: Record<string, unknown>) => {
      const id = ((await province.http.post('/api/targets').send({ ...target, rule }).expect(201)).body as { id: string }).id;
      return (await results()).find((r) => r.target.id === id)!;
    };
    // approved so far (the test above): one clinic with an expired licence, one with a valid one
    const medical = await count({ shape: 'total', value: 10, where: { field: 'type', in: ['medical'] } });
    expect(medical.actual).toBe(1);
    expect(medical.expiredLicences?.map((s) => s.name)).toEqual(['已过期的医疗按摩所']);
    const perCounty = await count({ shape: 'per-unit-minimum', level: 3, minimum: 2, where: { field: 'type', in: ['medical', 'health-care'] } });
    expect(perCounty.actual).toBe(0); // 南关区 has two clinics, one of which no longer counts
    const every = await count({ shape: 'total', value: 10 });
    expect(every.actual).toBe(2);
  });
});

