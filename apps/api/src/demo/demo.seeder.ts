import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SITE_STATUSES, parsePeriod, reportedWithin, toFieldIssues, type Role, type SiteStatus } from '@sitenet/domain';
import type { SiteSchemas } from '@sitenet/domain/schemas';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AccountsService } from '../auth/accounts.service.js';
import { SITE_SCHEMAS } from '../kinds/kinds.tokens.js';
import { SeedFileError, loadSeedFile, type SeedOutcome } from '../common/seed-file.js';
import { DEMO_WRITER_ID } from './demo-sites.js';
import { DEMO_REPORTS_FILE, parseDemoReports, writeDemoReports } from './demo-outcome-reports.js';
import { INDICATORS_FILE, loadIndicators } from '../outcomes/outcome-indicators.service.js';
import { SitesService, type SiteCreateInput, type Writer } from '../sites/sites.service.js';
import { DEMO_ACCOUNTS_FILE, demoAccountsRefusal, demoAccountsRefusalReason, demoUsernames } from '../auth/demo-access.js';

const SITES_FILE = 'demo/jilin-sites.json';
const ACCOUNTS_FILE = DEMO_ACCOUNTS_FILE;
/** The one demo password, written in the README; demo accounts never exist in production. */
export const DEMO_PASSWORD = 'sitenet-demo';
const SEED_WRITER: Writer = { id: DEMO_WRITER_ID, displayName: '演示数据', scope: { kind: 'national' } };

interface DemoSitesFile {
  sites: ({ id: string; status: SiteStatus } & Record<string, unknown>)[];
}
interface DemoAccountsFile {
  accounts: { username: string; displayName: string; role: Role; regionCode: string | null }[];
}

/**
 * Loads the fictional demo data (seeds/demo): one account per role, the Jilin sites and the
 * Jilin units' outcome reports. Never
 * in production: the configuration refuses it and so does this class. Each site passes the same
 * schemas as a request; a changed file is loaded again (by id); an existing account is kept.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SITE_SCHEMAS) private readonly schemas: SiteSchemas,
    private readonly sites: SitesService,
    private readonly accounts: AccountsService,
  ) {}

  async seed(): Promise<SeedOutcome[]> {
    if (this.config.production) throw new SeedFileError('Demo data is never loaded in production');
    // Demo accounts (a public password) only on a loopback-only trial; the sites load either way.
    const accounts = demoAccountsRefusal(this.config) === null ? await this.seedAccounts() : { name: ACCOUNTS_FILE, rows: 0, skipped: true, milliseconds: 0 };
    return [accounts, await this.seedSites(), await this.seedOutcomeReports()];
  }

  /**
   * At every start: demo accounts are usable only on a loopback-only trial (auth/demo-access.ts).
   * Otherwise each active one is deactivated, its sign-ins ended and the action audited; on such
   * a trial, demo accounts a previous start deactivated are active again. Returns what changed.
   */
  async secureDemoAccounts(): Promise<{ deactivated: string[]; reactivated: string[]; reason: string | null }> {
    const usernames = demoUsernames(this.config.seedsDir);
    const refusal = demoAccountsRefusalReason(this.config);
    const operator = { operator: 'server start' };
    if (refusal === null) {
      const note = { code: 'demo-reactivated' as const, params: { host: this.config.host }, text: `Demo accounts on a loopback-only trial (HOST=${this.config.host})` };
      const reactivated = await this.accounts.reactivateByOperator(usernames, operator, note);
      return { deactivated: [], reactivated, reason: null };
    }
    const note = { code: 'demo-deactivated' as const, params: { reason: refusal.reason, value: refusal.value }, text: `Demo accounts have a public password; deactivated because ${refusal.text}` };
    const deactivated = await this.accounts.deactivateByOperator(usernames, operator, note);
    return { deactivated, reactivated: [], reason: refusal.text };
  }

  /** Any demo account found is deactivated and its sign-ins ended (audited). Returns their usernames. */
  async disableDemoAccounts(): Promise<string[]> {
    return this.accounts.deactivateByOperator(demoUsernames(this.config.seedsDir), { operator: 'server start' }, { code: 'demo-deactivated', params: { reason: 'removed', value: '' }, text: 'Demo accounts have a public password; deactivated' });
  }

  async seedAccounts(): Promise<SeedOutcome> {
    const started = performance.now();
    const file = JSON.parse(await readFile(path.join(this.config.seedsDir, ACCOUNTS_FILE), 'utf8')) as DemoAccountsFile;
    let created = 0;
    for (const account of file.accounts) {
      if (await this.accounts.exists(account.username)) continue;
      await this.accounts.create({ ...account, password: DEMO_PASSWORD }, { operator: 'demo seed', publicDemoPassword: true });
      created++;
    }
    return { name: ACCOUNTS_FILE, rows: created, skipped: created === 0, milliseconds: performance.now() - started };
  }

  async seedSites(): Promise<SeedOutcome> {
    if (this.config.production) throw new SeedFileError('Demo data is never loaded in production');
    return loadSeedFile(this.dataSource, this.config.seedsDir, {
      name: SITES_FILE,
      parse: (text) =>
        (JSON.parse(text) as DemoSitesFile).sites.map(({ id, status, ...input }) => {
          if (!SITE_STATUSES.includes(status)) throw new SeedFileError(`${SITES_FILE}: site ${id} has unknown status ${status}`);
          const parsed = this.schemas.create.safeParse(input, { reportInput: true });
          if (!parsed.success) {
            const problems = toFieldIssues(parsed.error.issues, 'en').map((i) => `${i.path}: ${i.message}`);
            throw new SeedFileError(`${SITES_FILE}: site ${id} (${String(input.name)}) is invalid: ${problems.join('; ')}`);
          }
          return { id, status, input: parsed.data as SiteCreateInput };
        }),
      // Each site is written with its history by SitesService in a transaction of its own.
      transaction: false,
      apply: async (_manager, rows) => {
        for (const site of rows) await this.sites.upsertSeeded(site.id, site.status, site.input, SEED_WRITER);
      },
    });
  }

  /**
   * The Jilin units' outcome reports of 2025 Q1 to 2026 Q3 (issue 11), replayed from their
   * workflow events into the reports and their history (approvals keep the figures they put in
   * force). A unit's report that already exists for the period is left as it is. The indicators
   * are read as OutcomeIndicatorsService reads them (the same file and checks).
   */
  async seedOutcomeReports(): Promise<SeedOutcome> {
    if (this.config.production) throw new SeedFileError('Demo data is never loaded in production');
    return loadSeedFile(this.dataSource, this.config.seedsDir, {
      name: DEMO_REPORTS_FILE,
      parse: parseDemoReports,
      apply: async (manager, reports) => {
        const indicators = loadIndicators(path.join(this.config.seedsDir, INDICATORS_FILE));
        await writeDemoReports(manager, reports, (period, unit) => indicators.filter((i) => i.periodicity === parsePeriod(period)?.periodicity && reportedWithin(i, unit)));
      },
    });
  }
}
