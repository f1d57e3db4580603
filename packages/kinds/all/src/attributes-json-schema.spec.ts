import { attributesJsonSchemaSchema } from '@sitenet/domain/schemas';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installedKinds } from './index.js';

/**
 * The portal builds forms from the JSON Schema `GET /api/site-kinds` sends (the API writes it
 * with z.toJSONSchema, as here) and reads it through the domain's attributesJsonSchemaSchema:
 * every installed kind's must match it, each field with its presentation.
 */
describe.each(installedKinds.map((kind) => [kind.code, kind] as const))('%s: the JSON Schema of its fields', (_code, kind) => {
  const written = z.toJSONSchema(kind.attributes, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });

  it('is what clients read (attributesJsonSchemaSchema)', () => {
    const parsed = attributesJsonSchemaSchema.safeParse(written);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('gives every field its labels', () => {
    const properties = attributesJsonSchemaSchema.parse(written).properties ?? {};
    expect(Object.keys(properties)).toEqual(Object.keys(kind.attributes.shape));
    for (const property of Object.values(properties)) expect(property['x-presentation']?.label['zh-CN']).toBeTruthy();
  });
});
