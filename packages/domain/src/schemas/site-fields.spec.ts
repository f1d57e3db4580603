import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SiteKindRegistry, type SiteKindDefinition } from '../kinds/site-kind.js';
import { COMMON_SITE_FIELDS, commonFieldColumns, commonInputJsonSchemas, commonPatchShape, commonSiteField, storedValues, withCommonSiteFields } from './site-fields.js';
import { buildSiteResponseSchemas, buildSiteSchemas } from './sites.js';

/** A field set at registration only (inChangeRequests: false), declared for these tests. */
const registeredOn = commonSiteField({
  input: z.string().max(20).optional(),
  output: z.string().nullable(),
  columns: { '': { property: 'registeredOn', type: 'varchar', length: 20, nullable: true } },
  inChangeRequests: false,
  shown: [{ path: 'registeredOn', label: 'sites.fields.registeredOn', display: 'text' }],
});

describe('COMMON_SITE_FIELDS', () => {
  it('stores every field in columns of its own, and every form input is a path of its request schema', () => {
    const properties = commonFieldColumns(COMMON_SITE_FIELDS).map((column) => column.property);
    expect(new Set(properties).size).toBe(properties.length);
    const schemas = commonInputJsonSchemas(COMMON_SITE_FIELDS);
    for (const [key, field] of Object.entries(COMMON_SITE_FIELDS)) {
      for (const input of field.form?.inputs ?? []) {
        const [head, ...rest] = input.path.split('.');
        expect(head).toBe(key);
        const found = rest.reduce<Record<string, unknown> | undefined>((schema, part) => (schema?.properties as Record<string, Record<string, unknown>> | undefined)?.[part], schemas[key]);
        expect(found, input.path).toBeDefined();
      }
    }
  });

  it('gives PATCH the editable fields only, optional and without their defaults', () => {
    const patch = z.strictObject(commonPatchShape(withCommonSiteFields({ registeredOn })));
    // zod 4 applies an inner .default() under .optional(): a patch without openedOn must not reset it.
    expect(patch.parse({})).toEqual({});
    expect(patch.safeParse({ registeredOn: '2024' }).success).toBe(false);
    expect(Object.keys(commonPatchShape(COMMON_SITE_FIELDS)).sort()).toEqual(['address', 'barrierFree', 'contact', 'location', 'name', 'openedOn', 'operator', 'regionCode']);
  });

  it('lets an edit clear (null) a field a draft may leave empty, never the unit or a list; null stores NULLs', () => {
    const patch = z.strictObject(commonPatchShape(COMMON_SITE_FIELDS));
    for (const key of ['name', 'address', 'location', 'operator', 'contact', 'openedOn']) expect(patch.safeParse({ [key]: null }).success, key).toBe(true);
    for (const key of ['regionCode', 'barrierFree']) expect(patch.safeParse({ [key]: null }).success, key).toBe(false);
    expect(storedValues('contact', COMMON_SITE_FIELDS.contact, null)).toEqual({ contact: { person: null, phone: null } });
    expect(storedValues('location', COMMON_SITE_FIELDS.location, null)).toEqual({ location: { lat: null, lng: null }, locationSource: null });
    expect(storedValues('name', COMMON_SITE_FIELDS.name, null)).toEqual({ name: null });
  });

  it('derives the draft from the complete fields: only the unit required, every value given still checked', () => {
    const kind = { code: 'plain', attributes: z.strictObject({ places: z.number().int().min(1), note: z.string().optional() }) } as unknown as SiteKindDefinition;
    const { create, draft } = buildSiteSchemas(new SiteKindRegistry([kind]));
    expect(draft.parse({ kind: 'plain', regionCode: '220102' })).toMatchObject({ kind: 'plain', regionCode: '220102', attributes: {} });
    expect(draft.safeParse({ kind: 'plain', regionCode: '220102', contact: { person: '王' }, operator: { name: '某公司' } }).success).toBe(true);
    const paths = (schema: z.ZodType, value: unknown) => (schema.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.')).sort();
    expect(paths(draft, { kind: 'plain' })).toEqual(['regionCode']);
    expect(paths(draft, { kind: 'plain', regionCode: '220102', contact: { phone: '12345' }, attributes: { places: 0 }, location: { lat: 43.86 } })).toEqual(['attributes.places', 'contact.phone', 'location.lng']);
    // The complete schema lists every missing field at once.
    expect(paths(create, { kind: 'plain', regionCode: '220102', name: '阳光家园', attributes: {} })).toEqual(['address', 'attributes.places', 'contact', 'location', 'operator']);
  });

  it('builds the request and response schemas of a longer declaration with its field', () => {
    const declared = withCommonSiteFields({ registeredOn });
    const kind = { code: 'plain', attributes: z.strictObject({}) } as unknown as SiteKindDefinition;
    const { create } = buildSiteSchemas(new SiteKindRegistry([kind]), declared);
    expect(JSON.stringify(z.toJSONSchema(create, { io: 'input', unrepresentable: 'any' }))).toContain('registeredOn');
    expect(Object.keys(buildSiteResponseSchemas(declared).siteSchema.shape)).toContain('registeredOn');
    expect(() => withCommonSiteFields({ name: registeredOn })).toThrow(/declared twice/);
  });
});
