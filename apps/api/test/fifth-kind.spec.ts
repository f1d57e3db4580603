import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Site, SiteListResponse } from '@sitenet/domain';
import { beautifulWorkshop, beautifulWorkshopInput } from './factories/sites.js';
import { startTestApp, type SignedIn, type TestApp } from './support/test-app.js';

/** A kind defined only in this test drives the whole registry API: nothing else had to change. */
let t: TestApp;
let staff: SignedIn;
beforeAll(async () => {
  t = await startTestApp({}, { kinds: [beautifulWorkshop] });
  staff = await t.signIn({ role: 'district', regionCode: '220102' });
});
afterAll(async () => {
  await t?.close();
});

describe('a fifth kind, defined only in the test', () => {
  it('is described by GET /api/site-kinds with its JSON schema, presentation and metrics', async () => {
    const body = (await t.http().get('/api/site-kinds').expect(200)).body as { items: { code: string; schema: { properties: Record<string, { 'x-presentation'?: { label: { 'zh-CN': string } } }> }; metrics: { key: string }[] }[] };
    expect(body.items.map((k) => k.code)).toEqual(['beautiful-workshop']);
    const [kind] = body.items;
    expect(Object.keys(kind!.schema.properties)).toEqual(['womenEmployed', 'crafts', 'trainedThisYear']);
    expect(kind!.schema.properties.womenEmployed!['x-presentation']?.label['zh-CN']).toBe('就业残疾妇女人数');
    expect(kind!.metrics.map((m) => m.key)).toEqual(['womenEmployed']);
  });

  it('registers, reads, lists and edits a site of that kind', async () => {
    const created = (await staff.http.post('/api/sites').send(beautifulWorkshopInput({ name: '南关区美丽工坊' })).expect(201)).body as Site;
    expect(created).toMatchObject({ kind: 'beautiful-workshop', status: 'draft', version: 1, countyCode: '220102', attributes: { womenEmployed: 12 } });
    const read = (await staff.http.get(`/api/sites/${created.id}`).expect(200)).body as Site;
    expect(read).toEqual(created);
    const listed = (await staff.http.get('/api/sites').query({ kind: 'beautiful-workshop', q: '南关区美丽' }).expect(200)).body as SiteListResponse;
    expect(listed.items.map((s) => s.id)).toEqual([created.id]);
    const edited = (await staff.http.patch(`/api/sites/${created.id}`).send({ version: 1, attributes: { womenEmployed: 20, crafts: [] } }).expect(200)).body as Site;
    expect(edited.attributes).toEqual({ womenEmployed: 20, crafts: [] });
    expect(edited.version).toBe(2);
  });

  it("validates the kind's own fields and cross-field rules, naming the field", async () => {
    const bad = (await staff.http.post('/api/sites').send(beautifulWorkshopInput({ attributes: { womenEmployed: -1, colour: 'red' } })).expect(400)).body as ApiErrorBody;
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['body.attributes.colour', 'body.attributes.womenEmployed']);
    const rule = (await staff.http.post('/api/sites').send(beautifulWorkshopInput({ attributes: { womenEmployed: 1, trainedThisYear: 11 } })).expect(400)).body as ApiErrorBody;
    expect(rule.issues).toEqual([expect.objectContaining({ path: 'body.attributes.trainedThisYear', messages: { 'zh-CN': '本年培训人数不能超过就业人数的十倍', en: 'Trained this year cannot exceed ten times those employed' } })]);
  });

  it('refuses a kind that is not installed', async () => {
    const body = (await staff.http.post('/api/sites').send(beautifulWorkshopInput({ kind: 'blind-massage' })).expect(400)).body as ApiErrorBody;
    expect(body.issues?.[0]?.path).toBe('body.kind');
    expect(body.issues?.[0]?.messages['zh-CN']).toContain('beautiful-workshop');
  });

  it('appears in the OpenAPI document as a member of the site body union', async () => {
    const doc = (await t.http().get('/api/docs.json').expect(200)).body as { components: { schemas: Record<string, unknown> } };
    expect(doc.components.schemas['SiteCreate_beautiful-workshop']).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.SiteCreate)).toContain('SiteCreate_beautiful-workshop');
  });
});
