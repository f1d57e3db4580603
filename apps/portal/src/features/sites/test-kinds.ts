import { kindMetrics, type SiteKindDefinition, type SiteKindDescription } from '@sitenet/domain';
import { z } from 'zod';

/**
 * An installed kind (from `@sitenet/kinds`) as `GET /api/site-kinds` describes it (the API's
 * `toSiteKindDescription`): for specs where the form must draw the very kind whose schema the
 * browser runs.
 */
export function installedKindDescription(kind: SiteKindDefinition): SiteKindDescription {
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
