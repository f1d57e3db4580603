import type { TestApp } from './test-app.js';

/**
 * The version of a site as someone reading it now would see it: what a review action sends as
 * the version the reviewer saw.
 */
export async function seenVersion(t: TestApp, siteId: string): Promise<number> {
  const rows = await t.dataSource.query<{ version: number }[]>(`SELECT "version" FROM "site" WHERE "id" = $1`, [siteId]);
  return Number(rows[0]?.version ?? 1);
}
