import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { PGlite } from '@electric-sql/pglite';
import type { AppConfig } from '../config/config.js';
import { entities } from './entities.js';
import { migrations } from '../migrations/index.js';
import { openPGlite, pgliteDriver } from './pglite-pool.js';

/**
 * One SQL dialect everywhere: a PostgreSQL server when DATABASE_URL is set, otherwise the
 * embedded PGlite (PostgreSQL compiled to WebAssembly) in DATA_DIR. Same entities, same
 * migrations; `synchronize` is never on.
 */
export async function dataSourceOptions(config: AppConfig, embedded?: PGlite): Promise<DataSourceOptions> {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  };
  if (config.database.kind === 'postgres') {
    // A calendar day stays 'YYYY-MM-DD' text, as on PGlite (see pgCompatibleParsers).
    pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
    return { ...common, url: config.database.url, connectTimeoutMS: 10_000, applicationName: 'sitenet-api' };
  }
  const db = embedded ?? (await openPGlite(config.database.dataDir));
  return { ...common, driver: pgliteDriver(db), database: 'postgres' };
}

/** Opens the database (schema not yet migrated: see prepareDatabase). */
export async function openDataSource(config: AppConfig, embedded?: PGlite): Promise<DataSource> {
  const dataSource = new DataSource(await dataSourceOptions(config, embedded));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(config, error);
  }
  return dataSource;
}

export class DatabaseUnavailableError extends Error {
  constructor(config: AppConfig, cause: unknown) {
    const where = config.database.kind === 'postgres' ? 'the PostgreSQL server given by DATABASE_URL' : 'the embedded database';
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot open ${where}: ${reason}. Check DATABASE_URL (host, port, user, password, database name) or unset it to use the embedded database.`);
  }
}

/** Whether this data source runs on the embedded PGlite (rather than a PostgreSQL server). */
export function isEmbedded(dataSource: DataSource): boolean {
  return Boolean((dataSource.options as { driver?: unknown }).driver);
}
