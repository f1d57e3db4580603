import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, Site } from '@sitenet/domain';
import { NANGUAN } from './factories/sites.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

/**
 * Issue 12, offline: the portal's outbox sends a registration made without a connection when it
 * returns, with its client id as the Idempotency-Key; a retry after a lost answer must not create
 * a second site.
 */
const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: NANGUAN, displayName: '南关区工作人员' });
const colleague = useSignedIn(t, { role: 'district', regionCode: NANGUAN, displayName: '南关区另一位工作人员' });

const draft = (name: string) => ({ kind: 'auxiliary-workshop', regionCode: NANGUAN, name });
const countNamed = async (name: string) => ((await staff.http.get('/api/sites').query({ q: name, status: 'draft' }).expect(200)).body as { items: Site[] }).items.filter((site) => site.name === name).length;

describe('POST /api/sites with an Idempotency-Key', () => {
  it('creates the site under that key once; the same key again answers the same site and creates nothing', async () => {
    const key = randomUUID();
    const first = (await staff.http.post('/api/sites').set('Idempotency-Key', key).send(draft('幂等测试家园')).expect(201)).body as Site;
    expect(first.id).toBe(key);
    const again = (await staff.http.post('/api/sites').set('Idempotency-Key', key).send(draft('幂等测试家园')).expect(201)).body as Site;
    expect(again.id).toBe(first.id);
    expect(again.version).toBe(first.version);
    const history = (await staff.http.get(`/api/sites/${key}/history`).expect(200)).body as { items: unknown[] };
    expect(history.items).toHaveLength(1);
    expect(await countNamed('幂等测试家园')).toBe(1);
  });

  it('two requests with the same key at once make one site', async () => {
    const key = randomUUID();
    const answers = await Promise.all([0, 1].map(() => staff.http.post('/api/sites').set('Idempotency-Key', key).send(draft('并发幂等家园'))));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(answers.map((answer) => (answer.body as Site).id)).toEqual([key, key]);
    expect(await countNamed('并发幂等家园')).toBe(1);
  });

  it("refuses another account's key (409) and a key that is not a UUID (400), in both languages", async () => {
    const key = randomUUID();
    await staff.http.post('/api/sites').set('Idempotency-Key', key).send(draft('他人的键')).expect(201);
    const taken = await colleague.http.post('/api/sites').set('Idempotency-Key', key).send(draft('他人的键')).expect(409);
    expect((taken.body as ApiErrorBody).code).toBe('site.idempotency_key_used');
    const bad = await staff.http.post('/api/sites').set('Idempotency-Key', 'not-a-uuid').send(draft('坏键')).expect(400);
    expect((bad.body as ApiErrorBody).messages).toMatchObject({ 'zh-CN': expect.stringContaining('UUID'), en: expect.stringContaining('UUID') });
  });

  it('without the header creates a new site each time, as before', async () => {
    const a = (await staff.http.post('/api/sites').send(draft('无键家园')).expect(201)).body as Site;
    const b = (await staff.http.post('/api/sites').send(draft('无键家园')).expect(201)).body as Site;
    expect(a.id).not.toBe(b.id);
  });
});
