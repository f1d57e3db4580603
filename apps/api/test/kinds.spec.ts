import { describe, expect, it } from 'vitest';
import { checkKindRules, type ApiErrorBody, type Site } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import { installedKindAttributes, siteInput } from './factories/sites.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: '220102' });

describe('the installed kinds', () => {
  it('are listed by GET /api/site-kinds with labels, metrics and markers', async () => {
    const body = (await t.http().get('/api/site-kinds').expect(200)).body as { items: { code: string; metrics: { key: string }[]; marker: { color: string } }[] };
    expect(body.items.map((k) => k.code)).toEqual(['incubation-base', 'auxiliary-workshop', 'blind-massage', 'training-base', 'beautiful-workshop', 'rural-employment-base']);
    const metric = (code: string) => body.items.find((k) => k.code === code)!.metrics.map((m) => m.key);
    expect(metric('auxiliary-workshop')).toContain('participants');
    expect(metric('blind-massage')).toContain('blindPractitioners');
  });

  it.each(Object.keys(installedKindAttributes))('registers a %s and reads it back', async (kind) => {
    const created = (await staff.http.post('/api/sites').send(siteInput(kind)).expect(201)).body as Site;
    expect(created.kind).toBe(kind);
    expect((await staff.http.get(`/api/sites/${created.id}`).expect(200)).body).toEqual(created);
  });

  const invalidExamples = installedKinds.flatMap((kind) => Object.entries(kind.examples.invalid).map(([rule, attributes]) => [kind.code, rule, kind, attributes] as const));

  it.each(invalidExamples)("refuses a %s breaking its rule %s (the kind's invalid example), at the blamed field", async (code, _rule, kind, attributes) => {
    const blamed = checkKindRules(kind, kind.attributes.parse(attributes)).map((issue) => `body.attributes.${issue.path.join('.')}`);
    const body = (await staff.http.post('/api/sites').send(siteInput(code, attributes)).expect(400)).body as ApiErrorBody;
    expect((body.issues ?? []).map((i) => i.path).sort()).toEqual([...new Set(blamed)].sort());
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a medical massage clinic without its licence', { type: 'medical', blindPractitioners: 3, certifiedMedicalMasseurs: 1 }, ['body.attributes.licenceExpiresOn', 'body.attributes.licenceNumber']],
    ['医保定点 on a health-care massage shop', { type: 'health-care', blindPractitioners: 3, certifiedMedicalMasseurs: 0, medicalInsuranceDesignated: true }, ['body.attributes.medicalInsuranceDesignated']],
    ['more certified masseurs than blind practitioners', { ...installedKindAttributes['blind-massage'], blindPractitioners: 1, certifiedMedicalMasseurs: 2 }, ['body.attributes.certifiedMedicalMasseurs']],
  ])('refuses %s, naming the field', async (_name, attributes, expected) => {
    const body = (await staff.http.post('/api/sites').send(siteInput('blind-massage', attributes)).expect(400)).body as ApiErrorBody;
    expect((body.issues ?? []).map((i) => i.path).sort()).toEqual(expected);
  });

  it("refuses a workshop whose contracted workers exceed its participants", async () => {
    const body = (await staff.http.post('/api/sites').send(siteInput('auxiliary-workshop', { ...installedKindAttributes['auxiliary-workshop'], participants: 5, contractedWorkers: 6, insuredWorkers: 0 })).expect(400)).body as ApiErrorBody;
    expect(body.issues?.map((i) => i.path)).toEqual(['body.attributes.contractedWorkers']);
    expect(body.issues?.[0]?.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a training base reporting more employed than trained', async () => {
    const body = (await staff.http.post('/api/sites').send(siteInput('training-base', { ...installedKindAttributes['training-base'], traineesLastYear: 10, employedAfterTraining: 11 })).expect(400)).body as ApiErrorBody;
    expect(body.issues?.map((i) => i.path)).toEqual(['body.attributes.employedAfterTraining']);
  });

  it('checks the kind rules again when attributes are patched', async () => {
    const site = (await staff.http.post('/api/sites').send(siteInput('auxiliary-workshop')).expect(201)).body as Site;
    const body = (await staff.http.patch(`/api/sites/${site.id}`).send({ version: site.version, attributes: { ...site.attributes, contractedWorkers: 999 } }).expect(400)).body as ApiErrorBody;
    expect(body.issues?.map((i) => i.path)).toEqual(['body.attributes.contractedWorkers']);
  });
});
