import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { DataSource } from 'typeorm';
import { DemoSeeder } from '../demo/demo.seeder.js';
import { countDemoSites, DemoSitesInProductionError } from '../demo/demo-sites.js';
import { countDemoReports } from '../demo/demo-outcome-reports.js';
import { TargetsService } from '../targets/targets.service.js';
import type { SeedOutcome } from '../common/seed-file.js';

/** The seeds that need the application (kinds, services): the plans' targets, and demo data outside production. */
export async function seedApplicationData(app: INestApplicationContext, config: AppConfig): Promise<SeedOutcome[]> {
  const outcomes = [await app.get(TargetsService).seed(config.seedsDir)];
  if (config.seedDemo) outcomes.push(...(await app.get(DemoSeeder).seed()));
  if (config.production) {
    // Fictional sites and outcome reports would count towards a real plan's coverage: refuse until an operator removes them.
    const demo = await countDemoSites(app.get(DataSource));
    const demoReports = await countDemoReports(app.get(DataSource));
    if (demo.sites > 0 || demoReports > 0) throw new DemoSitesInProductionError(demo, demoReports);
  }
  // Demo accounts (their password is public) work only on a loopback-only trial: else deactivated.
  const demoAccounts = await app.get(DemoSeeder).secureDemoAccounts();
  if (demoAccounts.deactivated.length) {
    console.warn(
      `sitenet: WARNING demo accounts deactivated and their sign-ins ended (their password is public) because ${demoAccounts.reason}: ${demoAccounts.deactivated.join(', ')}. ` +
        'They work again only on a trial started with HOST=127.0.0.1, SEED_DEMO=true, outside production; use accounts made with create-admin or the portal.',
    );
  }
  if (demoAccounts.reactivated.length) console.warn(`sitenet: demo accounts active again on this loopback-only trial: ${demoAccounts.reactivated.join(', ')}`);
  return outcomes;
}
