import type { DataSource } from 'typeorm';
import { removeDemoReports } from './demo-outcome-reports.js';

/** Who the demo seeder writes as (DemoSeeder's writer): every demo site is created by it. */
export const DEMO_WRITER_ID = 'seed:demo';
const DEMO_SITES_SEED = 'demo/jilin-sites.json';

/** The documented command that removes the fictional demo sites (see README, infra/README.md). */
export const REMOVE_DEMO_COMMAND = 'npm run remove-demo -- --yes';
/** The flag that also removes demo sites real users have edited (their history has entries by others). */
export const INCLUDE_EDITED_FLAG = '--include-edited';

export interface DemoSiteCount {
  sites: number;
  approved: number;
  history: number;
  /** Demo sites whose history has entries by someone other than the demo seeder (real users' work). */
  edited: number;
}

/** SQL: demo site `d` has history entries by someone other than the demo seeder. */
const EDITED_BY_OTHERS = `EXISTS (SELECT 1 FROM site_history o WHERE o.site_id = d.id AND o.actor_id IS DISTINCT FROM $1)`;

/** How many fictional demo sites (and history entries of them) the database holds. */
export async function countDemoSites(dataSource: DataSource): Promise<DemoSiteCount> {
  const [row] = await dataSource.query<{ sites: number; approved: number; edited: number; history: number }[]>(
    `SELECT count(*)::int AS sites,
            count(*) FILTER (WHERE d.status = 'approved')::int AS approved,
            count(*) FILTER (WHERE ${EDITED_BY_OTHERS})::int AS edited,
            (SELECT count(*)::int FROM site_history h JOIN site x ON x.id = h.site_id WHERE x.created_by = $1) AS history
       FROM site d WHERE d.created_by = $1`,
    [DEMO_WRITER_ID],
  );
  return { sites: Number(row.sites), approved: Number(row.approved), history: Number(row.history), edited: Number(row.edited) };
}

/**
 * Deletes demo sites and their history in one transaction (all or nothing), and the demo outcome
 * reports with theirs (all of them: their figures are invented; demo-outcome-reports.ts). Demo sites that real
 * users edited (history entries by others: their work, and a record of what they did) are kept
 * unless `includeEdited`; the demo file counts as unloaded once no demo site is left. Sites
 * anyone else created are untouched. Returns what was removed (`edited`: how many of the removed
 * were edited by others).
 */
export async function removeDemoSites(dataSource: DataSource, options: { includeEdited?: boolean } = {}): Promise<DemoSiteCount> {
  return dataSource.transaction(async (manager) => {
    const chosen = await manager.query<{ id: string; approved: boolean; edited: boolean }[]>(
      `SELECT d.id, d.status = 'approved' AS approved, ${EDITED_BY_OTHERS} AS edited FROM site d
        WHERE d.created_by = $1${options.includeEdited ? '' : ` AND NOT ${EDITED_BY_OTHERS}`} FOR UPDATE`,
      [DEMO_WRITER_ID],
    );
    const ids = chosen.map((row) => row.id);
    const history = await manager.query<unknown>(`DELETE FROM site_history WHERE site_id = ANY($1::uuid[]) RETURNING 1`, [ids]);
    const sites = await manager.query<unknown>(`DELETE FROM site WHERE id = ANY($1::uuid[]) RETURNING 1`, [ids]);
    const [left] = await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM site WHERE created_by = $1`, [DEMO_WRITER_ID]);
    if (Number(left.n) === 0) await manager.query(`DELETE FROM seed_run WHERE name = $1`, [DEMO_SITES_SEED]);
    await removeDemoReports(manager);
    return { sites: rowCount(sites), approved: chosen.filter((row) => row.approved).length, history: rowCount(history), edited: chosen.filter((row) => row.edited).length };
  });
}

/** TypeORM returns `[rows, count]` for a DELETE … RETURNING on PostgreSQL, plain rows on some drivers. */
function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}

/** Thrown by a production start while demo sites (or demo outcome reports) would count towards coverage. */
export class DemoSitesInProductionError extends Error {
  constructor(count: DemoSiteCount, reports = 0) {
    super(
      `this production database holds ${count.sites} fictional demo sites (${count.approved} approved)${reports > 0 ? ` and ${reports} fictional outcome reports` : ''} that would count towards coverage. ` +
        `Stop here; remove them (and their history) with \`${REMOVE_DEMO_COMMAND}\` against the same DATABASE_URL, then start again.`,
    );
  }
}
