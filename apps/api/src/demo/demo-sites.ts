import type { DataSource } from 'typeorm';

/** Who the demo seeder writes as (DemoSeeder's writer): every demo site is created by it. */
export const DEMO_WRITER_ID = 'seed:demo';
const DEMO_SITES_SEED = 'demo/jilin-sites.json';

/** The documented command that removes the fictional demo sites (see README, infra/README.md). */
export const REMOVE_DEMO_COMMAND = 'npm run remove-demo -- --yes';

export interface DemoSiteCount {
  sites: number;
  approved: number;
  history: number;
}

/** How many fictional demo sites (and history entries of them) the database holds. */
export async function countDemoSites(dataSource: DataSource): Promise<DemoSiteCount> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS sites,
            count(*) FILTER (WHERE s.status = 'approved')::int AS approved,
            (SELECT count(*)::int FROM site_history h JOIN site d ON d.id = h.site_id WHERE d.created_by = $1) AS history
       FROM site s WHERE s.created_by = $1`,
    [DEMO_WRITER_ID],
  );
  return { sites: Number(row.sites), approved: Number(row.approved), history: Number(row.history) };
}

/**
 * Deletes every demo site and its history in one transaction (all or nothing), and forgets that
 * the demo file was loaded. Sites anyone else created are untouched. Returns what was removed.
 */
export async function removeDemoSites(dataSource: DataSource): Promise<DemoSiteCount> {
  return dataSource.transaction(async (manager) => {
    const [counted] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'approved')::int AS approved FROM site WHERE created_by = $1`,
      [DEMO_WRITER_ID],
    );
    const history = await manager.query(`DELETE FROM site_history WHERE site_id IN (SELECT id FROM site WHERE created_by = $1) RETURNING 1`, [DEMO_WRITER_ID]);
    const sites = await manager.query(`DELETE FROM site WHERE created_by = $1 RETURNING 1`, [DEMO_WRITER_ID]);
    await manager.query(`DELETE FROM seed_run WHERE name = $1`, [DEMO_SITES_SEED]);
    return { sites: rowCount(sites), approved: Number(counted.approved), history: rowCount(history) };
  });
}

/** TypeORM returns `[rows, count]` for a DELETE … RETURNING on PostgreSQL, plain rows on some drivers. */
function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}

/** Thrown by a production start while demo sites would count towards coverage. */
export class DemoSitesInProductionError extends Error {
  constructor(count: DemoSiteCount) {
    super(
      `this production database holds ${count.sites} fictional demo sites (${count.approved} approved) that would count towards coverage. ` +
        `Stop here; remove them (and their history) with \`${REMOVE_DEMO_COMMAND}\` against the same DATABASE_URL, then start again.`,
    );
  }
}
