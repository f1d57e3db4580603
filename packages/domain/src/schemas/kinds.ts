import { z } from 'zod';
import type { FieldPresentation } from '../kinds/site-kind.js';
import { localizedTextSchema } from './primitives.js';

/** How a kind's field is shown (fieldMeta), as its JSON Schema carries it under `x-presentation`. */
export const fieldPresentationSchema = z.object({
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  unit: localizedTextSchema.optional(),
  widget: z.enum(['textarea', 'checkboxes', 'radio', 'select', 'date', 'number', 'switch', 'text']).optional(),
  options: z.record(z.string(), localizedTextSchema).optional(),
}) satisfies z.ZodType<FieldPresentation>;

/**
 * The part of JSON Schema (2020-12) that `z.toJSONSchema` writes for a kind's fields and clients
 * read to build forms (other keywords pass through untyped). A description's `schema` is this
 * (JSON Schema's own vocabulary, so the wire declares it only as an object).
 */
export const jsonSchemaPropertySchema = z.looseObject({
  type: z.union([z.enum(['integer', 'number', 'string', 'boolean', 'array', 'object', 'null']), z.array(z.string())]).optional(),
  enum: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  const: z.unknown().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  exclusiveMinimum: z.number().optional(),
  exclusiveMaximum: z.number().optional(),
  minLength: z.number().optional(),
  maxLength: z.number().optional(),
  pattern: z.string().optional(),
  format: z.string().optional(),
  minItems: z.number().optional(),
  maxItems: z.number().optional(),
  get items() {
    return jsonSchemaPropertySchema.optional();
  },
  get anyOf() {
    return z.array(jsonSchemaPropertySchema).optional();
  },
  get oneOf() {
    return z.array(jsonSchemaPropertySchema).optional();
  },
  default: z.unknown().optional(),
  description: z.string().optional(),
  'x-presentation': fieldPresentationSchema.optional(),
}).meta({ id: 'JsonSchemaProperty' });
export type JsonSchemaProperty = z.infer<typeof jsonSchemaPropertySchema>;

/** The JSON Schema of a kind's `attributes` object: one property per field. */
export const attributesJsonSchemaSchema = jsonSchemaPropertySchema.extend({
  properties: z.record(z.string(), jsonSchemaPropertySchema).optional(),
  required: z.array(z.string()).optional(),
}).meta({ id: 'AttributesJsonSchema' });
export type AttributesJsonSchema = z.infer<typeof attributesJsonSchemaSchema>;

/** What clients learn about a kind: labels, metrics, rules, marker and the JSON schema of its fields. */
export const siteKindDescriptionSchema = z
  .object({
    code: z.string(),
    labels: localizedTextSchema,
    description: localizedTextSchema,
    aliases: z.array(localizedTextSchema),
    metrics: z.array(z.object({ key: z.string(), labels: localizedTextSchema, unit: localizedTextSchema })),
    listColumns: z.array(z.string()),
    marker: z.object({ symbol: z.string(), color: z.string() }),
    sources: z.array(z.string()),
    rules: z.array(z.object({ id: z.string(), description: localizedTextSchema })),
    schema: z.record(z.string(), z.unknown()).meta({ description: "JSON Schema (2020-12) of the kind's attributes; each property carries x-presentation (labels, help, unit, widget, option labels)" }),
  })
  .meta({ id: 'SiteKind' });
export type SiteKindDescription = z.infer<typeof siteKindDescriptionSchema>;

export const siteKindListSchema = z.object({ items: z.array(siteKindDescriptionSchema) }).meta({ id: 'SiteKindList' });
export type SiteKindList = z.infer<typeof siteKindListSchema>;
