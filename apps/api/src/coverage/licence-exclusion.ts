import { chinaToday, type SiteKindRegistry } from '@sitenet/domain';

/**
 * A site counts as what its licence makes it (a blind massage site as a 盲人医疗按摩所, `type:
 * medical`) only while the licence is valid: for a target that counts by the licensed field (its
 * rule's `where` on `type`), sites of a licensed value whose licence had expired on `asOf`
 * (China's calendar) are left out. Parameters are numbered from `first`, after the statement's own;
 * nothing when the rule does not count by a licensed field.
 */
export function licenceExclusion(kinds: SiteKindRegistry, targetKinds: readonly string[], rule: { where?: { field: string } }, asOf: Date, first: number): { sql: string; params: unknown[] } {
  const field = rule.where?.field;
  if (!field) return { sql: '', params: [] };
  let sql = '';
  const params: unknown[] = [];
  for (const code of targetKinds) {
    const licence = kinds.get(code)?.licence;
    if (!licence || licence.licenses.field !== field) continue;
    const p = (offset: number) => `$${first + params.length + offset}`;
    // coalesce: a site without the date (or of another kind) is never left out by a NULL.
    sql += ` AND NOT coalesce(s.kind = ${p(0)} AND s.attributes ->> ${p(1)}::text = ANY(${p(2)}::text[]) AND (s.attributes ->> ${p(3)}::text) COLLATE "C" < ${p(4)}, false)`;
    params.push(code, field, [...licence.licenses.values], licence.expiresOn, chinaToday(asOf));
  }
  return { sql, params };
}
