import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { ApiErrorBody, Site } from '@sitenet/domain';
import { COMMON_SITE_FIELDS } from '@sitenet/domain/schemas';
import { migrations } from '../src/migrations/index.js';
import { siteInput } from './factories/sites.js';
import { seenVersion } from './support/site-version.js';
import { startTestApp, type SignedIn, type TestApp } from './support/test-app.js';

/**
 * A common site field added the way the README says ("Adding a common site field"): one entry in
 * COMMON_SITE_FIELDS and one migration (and the portal's translation, tested there). Nothing else
 * of the API changes: validation, the column, storage, responses, PATCH, change requests and their
 * diff, and the OpenAPI document follow from the declaration.
 *
 * The declaration is static (`Site` is inferred from it), so the test adds its entry by replacing
 * @sitenet/domain/schemas for this file: COMMON_SITE_FIELDS with one more field, and what that
 * module derives from it (the request and response schemas) derived again from the longer list.
 */
vi.mock('@sitenet/domain/schemas', async (importOriginal) => {
  const schemas = await importOriginal<typeof import('@sitenet/domain/schemas')>();
  const { z } = await import('zod');
  const { localizedIssue } = await import('@sitenet/domain');
  const website = schemas.commonSiteField({
    input: schemas
      .lineText(4, 200)
      .refine((value) => /^https?:\/\/\S+$/.test(value), localizedIssue({ 'zh-CN': '网址应以 http:// 或 https:// 开头', en: 'A web address starts with http:// or https://' }))
      .nullable()
      .default(null),
    output: z.string().nullable(),
    columns: { '': { property: 'website', type: 'varchar', length: 200, nullable: true } },
    inChangeRequests: true,
    form: { group: 'contact', inputs: [{ path: 'website', label: 'sites.fields.website' }] },
    shown: [{ path: 'website', label: 'sites.fields.website', display: 'text', section: 'operator' }],
  });
  const declared = schemas.withCommonSiteFields({ website }) as typeof schemas.COMMON_SITE_FIELDS;
  return {
    ...schemas,
    COMMON_SITE_FIELDS: declared,
    buildSiteSchemas: (registry: Parameters<typeof schemas.buildSiteSchemas>[0]) => schemas.buildSiteSchemas(registry, declared),
    ...schemas.buildSiteResponseSchemas(declared),
  };
});

/** Its migration, as a real one would be written (apps/api/src/migrations/). */
class SiteWebsite1999999999999 implements MigrationInterface {
  name = 'SiteWebsite1999999999999';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "site" ADD "website" character varying(200)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "site" DROP COLUMN "website"`);
  }
}

let t: TestApp;
let staff: SignedIn;
let reviewer: SignedIn;
beforeAll(async () => {
  // Its migration, added to the list as apps/api/src/migrations/index.ts would list it.
  migrations.push(SiteWebsite1999999999999);
  t = await startTestApp();
  staff = await t.signIn({ role: 'district', regionCode: '220102' });
  reviewer = await t.signIn({ role: 'prefecture', regionCode: '220100' });
});
afterAll(async () => {
  await t?.close();
});

const input = (overrides: Record<string, unknown> = {}) => siteInput('auxiliary-workshop', undefined, overrides);

async function published(overrides: Record<string, unknown>): Promise<Site> {
  const created = (await staff.http.post('/api/sites').send(input(overrides)).expect(201)).body as Site;
  await staff.http.post(`/api/sites/${created.id}/submit`).send({ version: await seenVersion(t, created.id) }).expect(200);
  return (await reviewer.http.post(`/api/sites/${created.id}/approve`).send({ version: await seenVersion(t, created.id) }).expect(200)).body as Site;
}

describe('a common field added by one declaration and one migration', () => {
  it('is in the declaration every importer sees', () => {
    expect(Object.keys(COMMON_SITE_FIELDS).at(-1)).toBe('website');
  });

  it('has its column, and the entities and the migrations still agree', async () => {
    const columns = await t.dataSource.query<{ column_name: string }[]>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'site' AND column_name = 'website'`);
    expect(columns).toHaveLength(1);
    const sql = await t.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('is validated by its schema, naming the field', async () => {
    const body = (await staff.http.post('/api/sites').send(input({ website: 'ftp://example.org' })).expect(400)).body as ApiErrorBody;
    expect(body.issues).toEqual([expect.objectContaining({ path: 'body.website', messages: { 'zh-CN': '网址应以 http:// 或 https:// 开头', en: 'A web address starts with http:// or https://' } })]);
    const site = await published({});
    const patch = (await staff.http.patch(`/api/sites/${site.id}`).send({ version: site.version, website: 'x' }).expect(400)).body as ApiErrorBody;
    expect(new Set(patch.issues?.map((issue) => issue.path))).toEqual(new Set(['body.website']));
  });

  it('is stored in its column and returned by every read; its default applies when not sent', async () => {
    const created = (await staff.http.post('/api/sites').send(input({ website: 'https://sunshine.example.org' })).expect(201)).body as Site & { website: string | null };
    expect(created.website).toBe('https://sunshine.example.org');
    const rows = await t.dataSource.query<{ website: string | null }[]>(`SELECT website FROM site WHERE id = $1`, [created.id]);
    expect(rows[0]?.website).toBe('https://sunshine.example.org');
    expect(((await staff.http.get(`/api/sites/${created.id}`).expect(200)).body as { website: string }).website).toBe('https://sunshine.example.org');
    const listed = (await staff.http.get('/api/sites').query({ q: created.name }).expect(200)).body as { items: { website: string }[] };
    expect(listed.items.map((item) => item.website)).toEqual(['https://sunshine.example.org']);
    const without = (await staff.http.post('/api/sites').send(input()).expect(201)).body as { website: string | null };
    expect(without.website).toBeNull();
  });

  it('is edited directly on a draft, and by a change request with a diff on a published site', async () => {
    const draft = (await staff.http.post('/api/sites').send(input()).expect(201)).body as Site;
    const edited = (await staff.http.patch(`/api/sites/${draft.id}`).send({ version: 1, website: 'https://draft.example.org' }).expect(200)).body as { website: string };
    expect(edited.website).toBe('https://draft.example.org');

    const site = await published({ website: 'https://old.example.org' });
    const asked = (await staff.http.patch(`/api/sites/${site.id}`).send({ version: site.version, website: 'https://new.example.org' }).expect(200)).body as Site & { website: string };
    expect(asked.website).toBe('https://old.example.org');
    expect(asked.pendingChange?.changes).toEqual([{ field: 'website', from: 'https://old.example.org', to: 'https://new.example.org' }]);
    const history = (await staff.http.get(`/api/sites/${site.id}/history`).expect(200)).body as { items: { action: string; changes: unknown[] }[] };
    expect(history.items.at(-1)).toMatchObject({ action: 'change-request', changes: [{ field: 'website', from: 'https://old.example.org', to: 'https://new.example.org' }] });

    const approved = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site & { website: string };
    expect(approved.website).toBe('https://new.example.org');
    expect(approved.pendingChange).toBeNull();
  });

  it('appears in the OpenAPI document of the registration and the edit', async () => {
    const doc = (await t.http().get('/api/docs.json').expect(200)).body as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(doc.components.schemas['SiteCreate_auxiliary-workshop']?.properties).toHaveProperty('website');
    expect(doc.components.schemas.SiteUpdate?.properties).toHaveProperty('website');
  });
});
