import { z } from 'zod';
import { kindMetrics, type SiteKindDefinition } from '@sitenet/domain';

/** What clients learn about a kind: labels, metrics, rules, marker and the JSON schema of its fields. */
export function toSiteKindDescription(kind: SiteKindDefinition) {
  return {
    code: kind.code,
    labels: kind.labels,
    description: kind.description,
    aliases: kind.aliases ?? [],
    metrics: kindMetrics(kind),
    listColumns: kind.listColumns ?? [],
    marker: kind.marker,
    sources: kind.sources ?? [],
    rules: (kind.rules ?? []).map((rule) => ({ id: rule.id, description: rule.description })),
    schema: z.toJSONSchema(kind.attributes, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
  };
}

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const siteKindDescriptionSchema = z
  .object({
    code: z.string(),
    labels: localized,
    description: localized,
    aliases: z.array(localized),
    metrics: z.array(z.object({ key: z.string(), labels: localized, unit: localized })),
    listColumns: z.array(z.string()),
    marker: z.object({ symbol: z.string(), color: z.string() }),
    sources: z.array(z.string()),
    rules: z.array(z.object({ id: z.string(), description: localized })),
    schema: z.record(z.string(), z.unknown()).meta({ description: "JSON Schema (2020-12) of the kind's attributes; each property carries x-presentation (labels, help, unit, widget, option labels)" }),
  })
  .meta({ id: 'SiteKind' });

export const siteKindListSchema = z.object({ items: z.array(siteKindDescriptionSchema) }).meta({ id: 'SiteKindList' });
