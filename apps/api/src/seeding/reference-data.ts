import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { DemoSeeder } from '../demo/demo.seeder.js';
import { TargetsService } from '../targets/targets.service.js';
import type { SeedOutcome } from './region-seeder.js';

/** The seeds that need the application (kinds, services): the plans' targets, and demo data outside production. */
export async function seedApplicationData(app: INestApplicationContext, config: AppConfig): Promise<SeedOutcome[]> {
  const outcomes = [await app.get(TargetsService).seed(config.seedsDir)];
  if (config.seedDemo) outcomes.push(...(await app.get(DemoSeeder).seed()));
  if (config.production) {
    const disabled = await app.get(DemoSeeder).disableDemoAccounts();
    if (disabled.length) console.warn(`sitenet: WARNING demo accounts found in this production database were deactivated: ${disabled.join(', ')}`);
  }
  return outcomes;
}
