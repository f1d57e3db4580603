import { z } from 'zod';
import { kindMetrics, type SiteKindDefinition, type SiteKindDescription } from '@sitenet/domain';

/** What clients learn about a kind: labels, metrics, rules, marker and the JSON schema of its fields. */
export function toSiteKindDescription(kind: SiteKindDefinition): SiteKindDescription {
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
