import type { DataSource } from 'typeorm';
import type { PGlite } from '@electric-sql/pglite';
import type { AppConfig } from '../config/config.js';
import { openDataSource } from './data-source.js';
import { seedRegions, type SeedOutcome } from '../seeding/region-seeder.js';

export interface PreparedDatabase {
  dataSource: DataSource;
  seeds: SeedOutcome[];
}

/** Opens the database, runs pending migrations and loads the reference seeds (idempotent). */
export async function prepareDatabase(config: AppConfig, embedded?: PGlite): Promise<PreparedDatabase> {
  const dataSource = await openDataSource(config, embedded);
  try {
    const seeds = [await seedRegions(dataSource, config.seedsDir)];
    return { dataSource, seeds };
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}
