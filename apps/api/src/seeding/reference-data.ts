import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { DataSource } from 'typeorm';
import { DemoSeeder } from '../demo/demo.seeder.js';
import { countDemoSites, DemoSitesInProductionError } from '../demo/demo-sites.js';
import { TargetsService } from '../targets/targets.service.js';
import type { SeedOutcome } from './region-seeder.js';

/** The seeds that need the application (kinds, services): the plans' targets, and demo data outside production. */
export async function seedApplicationData(app: INestApplicationContext, config: AppConfig): Promise<SeedOutcome[]> {
  const outcomes = [await app.get(TargetsService).seed(config.seedsDir)];
  if (config.seedDemo) outcomes.push(...(await app.get(DemoSeeder).seed()));
  if (config.production) {
    // Fictional sites would count towards a real plan's coverage: refuse until an operator removes them.
    const demo = await countDemoSites(app.get(DataSource));
    if (demo.sites > 0) throw new DemoSitesInProductionError(demo);
    const disabled = await app.get(DemoSeeder).disableDemoAccounts();
    if (disabled.length) console.warn(`sitenet: WARNING demo accounts found in this production database were deactivated: ${disabled.join(', ')}`);
  }
  return outcomes;
}
