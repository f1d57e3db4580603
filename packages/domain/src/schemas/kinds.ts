import { z } from 'zod';
import { localizedTextSchema } from './primitives.js';

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
