import type { DataSource } from 'typeorm';
import type { SiteKindDefinition } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import type { PGlite } from '@electric-sql/pglite';
import type { AppConfig } from '../config/config.js';
import { isEmbedded, openDataSource } from './data-source.js';
import type { SeedOutcome } from '../common/seed-file.js';
import { seedRegions } from '../seeding/region-seeder.js';
import { ensureServerSecret, SIGN_IN_KEY_SECRET } from '../common/server-secret.js';
import { upgradeKindAttributes, type KindAttributesUpgradeOptions } from './kind-attributes-upgrade.js';

export interface PreparedDatabase {
  dataSource: DataSource;
  seeds: SeedOutcome[];
}

export interface PrepareOptions extends Pick<KindAttributesUpgradeOptions, 'log'> {
  /** The site kinds the application runs with (@sitenet/kinds unless a test gives others). */
  kinds?: readonly SiteKindDefinition[];
}

/**
 * Opens the database, runs pending migrations, then brings stored kind attributes up to their
 * kinds' versions (kind-attributes-upgrade.ts), and loads the reference seeds (idempotent).
 */
export async function prepareDatabase(config: AppConfig, embedded?: PGlite, options: PrepareOptions = {}): Promise<PreparedDatabase> {
  const dataSource = await openDataSource(config, embedded);
  try {
    const seeds = await whileHoldingStartupLock(dataSource, async () => {
      await dataSource.runMigrations({ transaction: 'each' });
      await upgradeKindAttributes(dataSource, options.kinds ?? installedKinds, { log: options.log });
      // Generated once per database, inside the lock: every instance then reads the same one.
      await ensureServerSecret(dataSource, SIGN_IN_KEY_SECRET);
      return [await seedRegions(dataSource, config.seedsDir)];
    });
    return { dataSource, seeds };
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

/** Any fixed number; instances of sitenet agree on it. */
const STARTUP_LOCK = 727_2025;

/**
 * On a PostgreSQL server several instances may start at once (a rolling update): one at a time
 * migrates and seeds, the others wait for it on a session advisory lock, then find nothing to
 * do. PGlite is one process's own database and needs no lock (and its single connection could
 * not hold one while migrating).
 */
async function whileHoldingStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (isEmbedded(dataSource)) return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
