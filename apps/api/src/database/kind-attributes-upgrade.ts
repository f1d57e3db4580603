import type { DataSource, EntityManager } from 'typeorm';
import { upgradeAttributes, type SiteKindDefinition } from '@sitenet/domain';

/**
 * The data step of the migration run (prepare.ts calls it after the schema migrations, inside the
 * start-up lock): brings every stored site's attributes up to its kind's `attributesVersion` with
 * the kind's `migrateAttributes` steps.
 *
 * - **Checked before written.** A first pass reads every row to upgrade (of every kind, in
 *   batches, writing nothing) and runs the steps and the current schema; one failure stops the
 *   start with an error naming the kind, the site and its stored version, and nothing is written.
 * - **In batches, each in a transaction.** The second pass locks a batch of rows still below the
 *   version, upgrades and writes them (attributes, version and the pending change's attributes
 *   together) and commits. A kill loses at most the batch in flight; the next start continues
 *   with the rows still below the version, so a row's steps run exactly once, and a start with
 *   nothing to upgrade writes nothing.
 * - **What a user changed is not touched**: the site's `version` and `updated_at` stay (the
 *   content is the same, in a new shape), and history snapshots stay as they were written.
 * - Rows of a kind that is not installed, and rows written by a newer version of their kind, are
 *   left as they are, each said in a log line.
 */
export async function upgradeKindAttributes(dataSource: DataSource, kinds: readonly SiteKindDefinition[], options: KindAttributesUpgradeOptions = {}): Promise<KindAttributesUpgrade[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const batchSize = options.batchSize ?? 500;
  await reportLeftAlone(dataSource, kinds, log);
  const toUpgrade: SiteKindDefinition[] = [];
  for (const kind of kinds) {
    if (kind.attributesVersion > 1 && (await checkKind(dataSource, kind, batchSize)) > 0) toUpgrade.push(kind);
  }
  const outcomes: KindAttributesUpgrade[] = [];
  for (const kind of toUpgrade) {
    const started = performance.now();
    let rows = 0;
    for (;;) {
      const written = await dataSource.transaction((manager) => upgradeBatch(manager, kind, batchSize));
      if (written === 0) break;
      rows += written;
      await options.afterBatch?.(kind.code, written);
    }
    const seconds = (performance.now() - started) / 1000;
    log(`sitenet: site kind ${kind.code}: the attributes of ${rows} sites upgraded to version ${kind.attributesVersion} in ${seconds.toFixed(2)} s`);
    outcomes.push({ kind: kind.code, version: kind.attributesVersion, rows });
  }
  return outcomes;
}

export interface KindAttributesUpgradeOptions {
  /** Where the log lines go (console.log by default). */
  log?: (line: string) => void;
  /** Rows per batch (and per transaction) of the write pass. */
  batchSize?: number;
  /** Called after each committed batch (tests use it to stop a run half-way, like a kill). */
  afterBatch?: (kind: string, rows: number) => Promise<void> | void;
}

export interface KindAttributesUpgrade {
  kind: string;
  version: number;
  rows: number;
}

/** A step of a kind's migration produced attributes its schema refuses (or failed): the start stops. */
export class KindAttributesUpgradeError extends Error {
  constructor(kind: SiteKindDefinition, row: StoredRow, what: string, problem: string, pass: 'check' | 'write') {
    const written =
      pass === 'check'
        ? 'Nothing was written.'
        : 'The batches written before are kept (their rows are at the new version); the next start continues with the others.';
    super(
      `cannot upgrade the attributes of site kind ${kind.code} to version ${kind.attributesVersion}: ${what} of site ${row.id} (stored at version ${row.version}): ${problem}. ` +
        `${written} Fix the kind's migrateAttributes step from version ${row.version} (or that site's stored attributes) and start again.`,
    );
  }
}

interface StoredRow {
  id: string;
  version: number;
  attributes: unknown;
  pending_change: { fields?: { attributes?: unknown } } | null;
}

const SELECT_ROWS = `SELECT "id", "attributes_version" AS "version", "attributes", "pending_change" FROM "site" WHERE "kind" = $1 AND "attributes_version" < $2`;

/** The first pass: every row below the version upgrades cleanly (or the error); how many there are. */
async function checkKind(dataSource: DataSource, kind: SiteKindDefinition, batchSize: number): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let count = 0;
  for (;;) {
    const rows: StoredRow[] = await dataSource.query(`${SELECT_ROWS} AND "id" > $3 ORDER BY "id" LIMIT $4`, [kind.code, kind.attributesVersion, after, batchSize]);
    for (const row of rows) upgradeRow(kind, row, 'check');
    count += rows.length;
    if (rows.length < batchSize) return count;
    after = rows[rows.length - 1].id;
  }
}

/** One batch of the second pass, inside its transaction: how many rows it wrote. */
async function upgradeBatch(manager: EntityManager, kind: SiteKindDefinition, batchSize: number): Promise<number> {
  const rows: StoredRow[] = await manager.query(`${SELECT_ROWS} ORDER BY "id" LIMIT $3 FOR UPDATE`, [kind.code, kind.attributesVersion, batchSize]);
  if (rows.length === 0) return 0;
  const upgraded = rows.map((row) => ({ id: row.id, from_version: row.version, version: kind.attributesVersion, ...upgradeRow(kind, row, 'write') }));
  await manager.query(
    `UPDATE "site" AS s SET "attributes" = u."attributes", "attributes_version" = u."version", "pending_change" = u."pending_change"
     FROM jsonb_to_recordset($1::jsonb) AS u("id" uuid, "from_version" integer, "version" integer, "attributes" jsonb, "pending_change" jsonb)
     WHERE s."id" = u."id" AND s."attributes_version" = u."from_version"`,
    [JSON.stringify(upgraded)],
  );
  return rows.length;
}

/** A row's attributes, and those of its pending change (proposed under the same version), upgraded. */
function upgradeRow(kind: SiteKindDefinition, row: StoredRow, pass: 'check' | 'write'): { attributes: Record<string, unknown>; pending_change: StoredRow['pending_change'] } {
  const attributes = upgradeAttributes(kind, row.attributes, row.version);
  if (!attributes.ok) throw new KindAttributesUpgradeError(kind, row, 'the attributes', attributes.problem, pass);
  const pending = row.pending_change;
  if (!pending?.fields || !('attributes' in pending.fields)) return { attributes: attributes.attributes, pending_change: pending };
  const proposed = upgradeAttributes(kind, pending.fields.attributes, row.version);
  if (!proposed.ok) throw new KindAttributesUpgradeError(kind, row, 'the pending change’s attributes', proposed.problem, pass);
  return { attributes: attributes.attributes, pending_change: { ...pending, fields: { ...pending.fields, attributes: proposed.attributes } } };
}

/** Log lines for the rows this start leaves alone: kinds not installed, versions newer than the kind's. */
async function reportLeftAlone(dataSource: DataSource, kinds: readonly SiteKindDefinition[], log: (line: string) => void): Promise<void> {
  const missing: { kind: string; sites: number; versions: string }[] = await dataSource.query(
    `SELECT "kind", count(*)::int AS "sites", string_agg(DISTINCT "attributes_version"::text, ', ') AS "versions" FROM "site" WHERE NOT ("kind" = ANY($1::text[])) GROUP BY "kind" ORDER BY "kind"`,
    [kinds.map((kind) => kind.code)],
  );
  for (const { kind, sites, versions } of missing) {
    log(
      `sitenet: site kind ${kind} is not installed: its ${sites} sites are left as they are (attributes version ${versions}); ` +
        'they are upgraded on the first start with the kind installed, and their attributes cannot be edited until then',
    );
  }
  for (const kind of kinds) {
    const [{ sites }]: { sites: number }[] = await dataSource.query(`SELECT count(*)::int AS "sites" FROM "site" WHERE "kind" = $1 AND "attributes_version" > $2`, [kind.code, kind.attributesVersion]);
    if (sites > 0) {
      log(`sitenet: site kind ${kind.code}: ${sites} sites have attributes of a version newer than this release's ${kind.attributesVersion} (a newer release wrote them); they are left as they are`);
    }
  }
}
