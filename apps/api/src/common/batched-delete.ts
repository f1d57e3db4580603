import type { DataSource } from 'typeorm';

/**
 * Deletes the rows of `table` matching `where` (SQL with parameters `params`) in batches of
 * `batchSize` keyed by `key`, each its own short statement, so that a large backlog never holds
 * one long transaction and its locks. Returns how many rows went.
 */
export async function deleteInBatches(dataSource: DataSource, table: string, key: string, where: string, params: unknown[], batchSize: number): Promise<number> {
  const size = Math.max(1, Math.floor(batchSize));
  let total = 0;
  for (;;) {
    const result = (await dataSource.query(
      `DELETE FROM "${table}" WHERE "${key}" IN (SELECT "${key}" FROM "${table}" WHERE ${where} LIMIT ${size}) RETURNING 1`,
      params,
    )) as unknown;
    const deleted = rowCount(result);
    total += deleted;
    if (deleted < size) return total;
  }
}

/** TypeORM returns `[rows, count]` for a DELETE … RETURNING on PostgreSQL, plain rows on some drivers. */
function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
