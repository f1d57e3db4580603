import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';

export interface SeedOutcome {
  name: string;
  rows: number;
  skipped: boolean;
  milliseconds: number;
}

export class SeedFileError extends Error {}

export interface SeedFileLoader<Row> {
  /** The file's path under the seeds folder, also its name in `seed_run`. */
  name: string;
  /** Checks the file's text and returns its rows; throws SeedFileError when the file is wrong. */
  parse(text: string): Row[];
  /** Writes the rows (inside the run's transaction when `transaction` is true). */
  apply(manager: EntityManager, rows: Row[]): Promise<void>;
  /** Rows and run record in one transaction (default), or each row on its own (rows that open their own). */
  transaction?: boolean;
  /** Turns a file that cannot be read into a SeedFileError with this message (else the read error is thrown as it is). */
  unreadable?: (file: string, error: Error) => string;
}

/**
 * The one seed loading mechanism (regions, targets, demo sites): read the file, checksum it, skip
 * it when `seed_run` holds the same checksum, else parse, apply and record the run.
 */
export async function loadSeedFile<Row>(dataSource: DataSource, seedsDir: string, loader: SeedFileLoader<Row>): Promise<SeedOutcome> {
  const started = performance.now();
  const { name } = loader;
  const file = path.join(seedsDir, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (loader.unreadable) throw new SeedFileError(loader.unreadable(file, error as Error));
    throw error;
  }
  const checksum = createHash('sha256').update(text).digest('hex');
  const [previous] = await dataSource.query<{ checksum: string }[]>(`SELECT "checksum" FROM "seed_run" WHERE "name" = $1`, [name]);
  if (previous?.checksum === checksum) return { name, rows: 0, skipped: true, milliseconds: performance.now() - started };
  const rows = loader.parse(text);
  const run = async (manager: EntityManager) => {
    await loader.apply(manager, rows);
    await manager.query(
      `INSERT INTO "seed_run" ("name", "checksum", "row_count", "applied_at") VALUES ($1, $2, $3, now())
       ON CONFLICT ("name") DO UPDATE SET "checksum" = EXCLUDED."checksum", "row_count" = EXCLUDED."row_count", "applied_at" = EXCLUDED."applied_at"`,
      [name, checksum, rows.length],
    );
  };
  if (loader.transaction === false) await run(dataSource.manager);
  else await dataSource.transaction(run);
  return { name, rows: rows.length, skipped: false, milliseconds: performance.now() - started };
}
