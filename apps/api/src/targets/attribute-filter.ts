import type { TargetWhere } from '@sitenet/domain';

/**
 * The SQL condition of a target's `where` (counting by attribute): `attributes->>field` is one of
 * the values, as parameters `$first` and `$first + 1` appended after the statement's own.
 * Nothing when the rule counts every site.
 */
export function attributeFilter(rule: { shape: string }, first: number): { sql: string; params: unknown[] } {
  const where = (rule as { where?: TargetWhere }).where;
  if (!where) return { sql: '', params: [] };
  return { sql: ` AND s.attributes ->> $${first}::text = ANY($${first + 1}::text[])`, params: [where.field, where.in] };
}
