import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportValuesSchema, reportedWithin, type ReportValues, type SiteListResponse } from '@sitenet/domain';
import { completenessSchema, coverageSchema, reportSchema } from '@sitenet/domain/schemas';
import { DemoSeeder } from '../src/demo/demo.seeder.js';
import { DEMO_REPORTS_FILE, countDemoReports, parseDemoReports } from '../src/demo/demo-outcome-reports.js';
import { removeDemo } from '../src/cli/remove-demo.js';
import { seedApplicationData } from '../src/seeding/reference-data.js';
import { OutcomeIndicatorsService } from '../src/outcomes/outcome-indicators.service.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

const t = useTestApp();
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });

describe('the fictional Jilin demo set', () => {
  it('loads every site through the request schemas, with gaps left on purpose', async () => {
    const outcome = await t.app.get(DemoSeeder).seedSites();
    expect(outcome.skipped).toBe(false);
    expect(outcome.rows).toBeGreaterThan(100);
    const all = (await province.http.get('/api/sites').query({ region: '220000', pageSize: 1 }).expect(200)).body as SiteListResponse;
    expect(all.total).toBe(outcome.rows);
    expect(Object.keys(all.countsByKind)).toEqual(expect.arrayContaining(['auxiliary-workshop', 'blind-massage', 'incubation-base', 'training-base']));
    // 白山市 has no incubation base, and 农安县 no auxiliary-employment institution (deliberate gaps).
    expect(((await province.http.get('/api/sites').query({ region: '220600', kind: 'incubation-base' })).body as SiteListResponse).total).toBe(0);
    expect(((await province.http.get('/api/sites').query({ region: '220122', kind: 'auxiliary-workshop' })).body as SiteListResponse).total).toBe(0);
    const approved = (await province.http.get('/api/sites').query({ region: '220000', status: 'approved', pageSize: 1 })).body as SiteListResponse;
    expect(approved.total).toBeGreaterThan(outcome.rows / 2);
    expect(approved.total).toBeLessThan(outcome.rows);
  });

  it('is skipped when unchanged', async () => {
    const again = await t.app.get(DemoSeeder).seedSites();
    expect(again.skipped).toBe(true);
  });

  it('is refused in production', async () => {
    const seeder = new DemoSeeder({ ...t.config, production: true }, t.dataSource, undefined as never, undefined as never, undefined as never);
    await expect(seeder.seed()).rejects.toThrow(/never loaded in production/);
    await expect(seeder.seedOutcomeReports()).rejects.toThrow(/never loaded in production/);
  });
});

describe('demo accounts on a database from a trial, started without the demo data (SEED_DEMO=false)', () => {
  it('are refused at sign-in, then deactivated at start (audited); nothing is left to deactivate after', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.seedAccounts();
    const refused = await t.http().post('/api/auth/login').send({ username: 'demo-admin', password: 'sitenet-demo' }).expect(403);
    expect(refused.body.code).toBe('auth.demo_account_disabled');
    const secured = await seeder.secureDemoAccounts();
    expect(secured.deactivated).toEqual(expect.arrayContaining(['demo-admin', 'demo-province', 'demo-prefecture', 'demo-district']));
    expect(secured.reason).toMatch(/SEED_DEMO=false/);
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM account_audit WHERE action = 'deactivate' AND actor_id IS NULL AND account_username = 'demo-admin'`);
    expect(row.n).toBe(1);
    expect(await seeder.disableDemoAccounts()).toEqual([]);
    expect((await seeder.secureDemoAccounts()).deactivated).toEqual([]);
  });
});

const LATEST = '2026-Q3';

// The unit the browser test (e2e/tests/outcomes.spec.ts) reports LATEST for with the demo district account.
const demoDistrict = () =>
  (JSON.parse(readFileSync(path.join(t.config.seedsDir, 'demo/accounts.json'), 'utf8')) as { accounts: { role: string; regionCode: string }[] }).accounts.find((a) => a.role === 'district')!.regionCode;
const fileReports = () => parseDemoReports(readFileSync(path.join(t.config.seedsDir, DEMO_REPORTS_FILE), 'utf8'));
const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query<{ n: number }[]>(sql, params))[0].n);

describe('the demo outcome reports of Jilin (issue 11)', () => {
  it('writes every report of the file with its history, approvals keeping the figures they put in force', async () => {
    const outcome = await t.app.get(DemoSeeder).seedOutcomeReports();
    expect(outcome.skipped).toBe(false);
    const reports = fileReports();
    expect(outcome.rows).toBe(reports.length);
    expect(await count(`SELECT count(*)::int AS n FROM outcome_report WHERE province_code = '220000'`)).toBe(reports.length);
    expect(await count(`SELECT count(*)::int AS n FROM outcome_report_history`)).toBe(reports.reduce((n, r) => n + r.events.length, 0));
    // Most of the 60 units reported each quarter; the latest one is still open for some.
    for (const period of ['2025-Q1', '2025-Q4', '2026-Q2']) expect(await count(`SELECT count(*)::int AS n FROM outcome_report WHERE period = $1 AND status = 'approved'`, [period])).toBeGreaterThanOrEqual(54);
    const latest = await t.dataSource.query<{ status: string; n: number }[]>(`SELECT status, count(*)::int AS n FROM outcome_report WHERE period = $1 GROUP BY status`, [LATEST]);
    expect(Object.fromEntries(latest.map((r) => [r.status, Number(r.n)]))).toEqual({ approved: expect.any(Number), submitted: 5, returned: 3, draft: 2 });
    // An approval's history row holds what the report has in force; demo history has no account as actor.
    expect(await count(`SELECT count(*)::int AS n FROM outcome_report r WHERE r.approved_values IS DISTINCT FROM (SELECT h.approved_values FROM outcome_report_history h WHERE h.report_id = r.id AND h.action IN ('approve', 'approve-change') ORDER BY h.at DESC LIMIT 1)`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM outcome_report_history WHERE actor_id IS NOT NULL OR actor_name NOT LIKE '%（演示）'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM outcome_report_history WHERE action = 'approve-change'`)).toBeGreaterThan(0);
  });

  it('holds figures every report form would accept as complete, for the indicators its unit reports', async () => {
    const indicators = t.app.get(OutcomeIndicatorsService).list();
    const rows = await t.dataSource.query<{ region_code: string; prefecture_code: string; period: string; periodicity: string; values: ReportValues; approved_values: ReportValues | null }[]>(
      `SELECT region_code, prefecture_code, period, periodicity, "values", approved_values FROM outcome_report`,
    );
    expect(rows.length).toBeGreaterThan(300);
    for (const row of rows) {
      const unit = { code: row.region_code, level: 3, provinceCode: '220000', prefectureCode: row.prefecture_code, countyCode: row.region_code };
      const schema = reportValuesSchema(indicators.filter((i) => i.periodicity === row.periodicity && reportedWithin(i, unit)), { complete: true });
      for (const values of [row.values, row.approved_values].filter((v) => v !== null)) expect(schema.safeParse(values).success, `${row.region_code} ${row.period}`).toBe(true);
    }
  });

  it("puts the province's new employment about on track and its training behind, as of the end of November 2026", async () => {
    const coverage = coverageSchema.parse((await province.http.get('/api/coverage').query({ region: '220000', asOf: '2026-11-30' }).expect(200)).body);
    const result = (id: string) => coverage.results.find((r) => r.target.id === id)!;
    expect(result('jl-new-employment')).toMatchObject({ status: 'on-track' });
    expect(result('jl-new-employment').actual).toBeGreaterThan(25_000 * 0.6);
    expect(result('jl-training')).toMatchObject({ status: 'at-risk' });
    expect(result('jl-training').actual).toBeGreaterThan(0);
  });

  it('leaves units late or missing for the latest quarter, and the browser test’s unit not started', async () => {
    const completeness = completenessSchema.parse((await province.http.get('/api/outcome-completeness').query({ region: '220000', period: LATEST }).expect(200)).body);
    expect(completeness.summary.expected).toBe(60);
    const notStarted = completeness.units.filter((u) => u.status === 'not-started');
    expect(notStarted.map((u) => u.code)).toContain(demoDistrict());
    expect(notStarted.length).toBeGreaterThanOrEqual(3);
    expect(completeness.units.filter((u) => u.late && u.status === 'approved').length).toBeGreaterThan(0);
    const report = reportSchema.parse((await province.http.get(`/api/outcome-reports/${demoDistrict()}/${LATEST}`).expect(200)).body);
    expect(report).toMatchObject({ status: 'not-started', version: 0 });
  });

  it('adds nothing at a second start, nor when the file is loaded again over the reports it wrote', async () => {
    const seeder = t.app.get(DemoSeeder);
    const before = await count(`SELECT count(*)::int AS n FROM outcome_report_history`);
    expect((await seeder.seedOutcomeReports()).skipped).toBe(true);
    await t.dataSource.query(`DELETE FROM seed_run WHERE name = $1`, [DEMO_REPORTS_FILE]);
    expect((await seeder.seedOutcomeReports()).skipped).toBe(false);
    expect(await count(`SELECT count(*)::int AS n FROM outcome_report_history`)).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM outcome_report`)).toBe(fileReports().length);
  });

  it('keep a production start from running until remove-demo takes them away, with any a real reviewer acted on', async () => {
    const submitted = await t.dataSource.query<{ region_code: string; prefecture_code: string; version: number }[]>(`SELECT region_code, prefecture_code, version FROM outcome_report WHERE period = $1 AND status = 'submitted' LIMIT 1`, [LATEST]);
    const reviewer = await t.signIn({ role: 'prefecture', regionCode: submitted[0].prefecture_code });
    await reviewer.http.post(`/api/outcome-reports/${submitted[0].region_code}/${LATEST}/approve`).send({ version: submitted[0].version }).expect(200);
    const demoReports = await countDemoReports(t.dataSource);
    expect(demoReports).toBe(fileReports().length);

    const production = { ...t.config, production: true, seedDemo: false };
    await expect(seedApplicationData(t.app, production)).rejects.toThrow(new RegExp(`${demoReports} fictional outcome reports.*npm run remove-demo -- --yes`));
    const said: string[] = [];
    await removeDemo(['--yes', '--include-edited'], t.dataSource, 'the test database', (line) => said.push(line));
    expect(await countDemoReports(t.dataSource)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM outcome_report_history`)).toBe(0);
    await expect(seedApplicationData(t.app, production)).resolves.toBeDefined();
    // Only demo sites were left behind so far: with the sites gone, the reports alone still need the command.
    expect((await t.app.get(DemoSeeder).seedOutcomeReports()).skipped).toBe(false);
    await expect(seedApplicationData(t.app, production)).rejects.toThrow(/fictional outcome reports/);
    expect(await removeDemo(['--yes'], t.dataSource, 'the test database', (line) => said.push(line))).toBe(0);
    expect(await countDemoReports(t.dataSource)).toBe(0);
  });
});
