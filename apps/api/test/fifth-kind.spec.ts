import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, Site, SiteListResponse } from '@sitenet/domain';
import { internshipBase, internshipBaseInput } from './factories/sites.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

/** A kind defined only in this test drives the whole registry API: nothing else had to change. */
const t = useTestApp({}, { kinds: [internshipBase] });
const staff = useSignedIn(t, { role: 'district', regionCode: '220102' });

describe('a fifth kind, defined only in the test', () => {
  it('is described by GET /api/site-kinds with its JSON schema, presentation and metrics', async () => {
    const body = (await t.http().get('/api/site-kinds').expect(200)).body as { items: { code: string; schema: { properties: Record<string, { 'x-presentation'?: { label: { 'zh-CN': string } } }> }; metrics: { key: string }[] }[] };
    expect(body.items.map((k) => k.code)).toEqual(['internship-base']);
    const [kind] = body.items;
    expect(Object.keys(kind.schema.properties)).toEqual(['internPlaces', 'occupations', 'internsThisYear']);
    expect(kind.schema.properties.internPlaces['x-presentation']?.label['zh-CN']).toBe('见习岗位数');
    expect(kind.metrics.map((m) => m.key)).toEqual(['internPlaces']);
  });

  it('registers, reads, lists and edits a site of that kind', async () => {
    const created = (await staff.http.post('/api/sites').send(internshipBaseInput({ name: '南关区见习基地' })).expect(201)).body as Site;
    expect(created).toMatchObject({ kind: 'internship-base', status: 'draft', version: 1, countyCode: '220102', attributes: { internPlaces: 12 } });
    const read = (await staff.http.get(`/api/sites/${created.id}`).expect(200)).body as Site;
    expect(read).toEqual(created);
    const listed = (await staff.http.get('/api/sites').query({ kind: 'internship-base', q: '南关区见习' }).expect(200)).body as SiteListResponse;
    expect(listed.items.map((s) => s.id)).toEqual([created.id]);
    const edited = (await staff.http.patch(`/api/sites/${created.id}`).send({ version: 1, attributes: { internPlaces: 20, occupations: [] } }).expect(200)).body as Site;
    expect(edited.attributes).toEqual({ internPlaces: 20, occupations: [] });
    expect(edited.version).toBe(2);
  });

  it("validates the kind's own fields and cross-field rules, naming the field", async () => {
    const bad = (await staff.http.post('/api/sites').send(internshipBaseInput({ attributes: { internPlaces: -1, colour: 'red' } })).expect(400)).body as ApiErrorBody;
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['body.attributes.colour', 'body.attributes.internPlaces']);
    const rule = (await staff.http.post('/api/sites').send(internshipBaseInput({ attributes: { internPlaces: 1, internsThisYear: 11 } })).expect(400)).body as ApiErrorBody;
    expect(rule.issues).toEqual([expect.objectContaining({ path: 'body.attributes.internsThisYear', messages: { 'zh-CN': '本年见习人数不能超过岗位数的十倍', en: 'Interns this year cannot exceed ten times the places' } })]);
  });

  it('refuses a kind that is not installed', async () => {
    const body = (await staff.http.post('/api/sites').send(internshipBaseInput({ kind: 'blind-massage' })).expect(400)).body as ApiErrorBody;
    expect(body.issues?.[0]?.path).toBe('body.kind');
    expect(body.issues?.[0]?.messages['zh-CN']).toContain('internship-base');
  });

  it('appears in the OpenAPI document as a member of the site body union', async () => {
    const doc = (await t.http().get('/api/docs.json').expect(200)).body as { components: { schemas: Record<string, unknown> } };
    expect(doc.components.schemas['SiteCreate_internship-base']).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.SiteCreate)).toContain('SiteCreate_internship-base');
  });
});
