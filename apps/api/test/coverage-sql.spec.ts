import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Site } from '@sitenet/domain';
import { siteInput } from './factories/sites.js';
import { targetInput } from './factories/targets.js';
import { seenVersion } from './support/site-version.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

/**
 * The SQL the coverage engine sends (issue 11, "Keep the engine fast while it grows"): every
 * statement that reads `site` restricts it to the region asked for by the region's own column
 * (province_code / prefecture_code / county_code, each indexed), never the national table, and a
 * region's targets cost a fixed number of statements (one per kind of input), not one per target.
 */

const t = useTestApp();
const jilin = useSignedIn(t, { role: 'province', regionCode: '220000' });

interface Statement { sql: string; params: unknown[] }
const COLUMN_OF_LEVEL = { 1: 'province_code', 2: 'prefecture_code', 3: 'county_code' } as const;

/** The statements matching `reads` that `during` sends through the data source. */
async function statementsReading(reads: RegExp, during: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const original = t.dataSource.query.bind(t.dataSource);
  const spy = vi.spyOn(t.dataSource, 'query').mockImplementation(((sql: string, params?: unknown[]) => {
    seen.push({ sql, params: params ?? [] });
    return original(sql, params);
  }) as typeof t.dataSource.query);
  try {
    await during();
  } finally {
    spy.mockRestore();
  }
  return seen.filter((s) => reads.test(s.sql));
}

/** The statements reading `site` that `during` sends. */
const siteStatements = (during: () => Promise<unknown>) => statementsReading(/\b(FROM|JOIN)\s+site\s+s\b/i, during);

/** The parts of a statement (its UNION ALL branches) that read `site` and are not restricted to the region by its column. */
function unrestrictedBranches(statement: Statement, column: string, code: string): string[] {
  return statement.sql.split(/\bUNION ALL\b/).filter((branch) => {
    if (!/\b(FROM|JOIN)\s+site\s+s\b/i.test(branch)) return false;
    const conditions = [...branch.matchAll(new RegExp(`\\bs\\.${column} = \\$(\\d+)`, 'g'))];
    return !conditions.some((m) => statement.params[Number(m[1]) - 1] === code);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('the coverage engine restricts every statement to the region', () => {
  it.each([
    ['220000', 1, undefined],
    ['220100', 2, undefined],
    ['220102', 3, undefined],
    ['220000', 1, '2026-04-30'],
    ['220102', 3, '2026-04-30'],
  ] as const)('GET /api/coverage?region=%s (level %s, asOf %s): each statement reading site has s.<its column> = the region', async (region, level, asOf) => {
    const statements = await siteStatements(() => jilin.http.get('/api/coverage').query({ region, ...(asOf ? { asOf } : {}) }).expect(200));
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(unrestrictedBranches(statement, COLUMN_OF_LEVEL[level], region)).toEqual([]);
    // a past day reads the sites' history; today's statements do not (they stay as fast as they were)
    expect(statements.some((s) => /\bsite_history\b/.test(s.sql))).toBe(asOf !== undefined);
  });

  it.each([
    ['220000', 3, undefined],
    ['220000', 2, undefined],
    ['220100', 3, undefined],
    ['220100', 4, undefined],
    ['220000', 3, '2026-04-30'],
    ['220100', 4, '2026-04-30'],
  ] as const)('GET /api/coverage/matrix?region=%s&level=%s&asOf=%s reads only the region’s sites', async (region, level, asOf) => {
    const statements = await siteStatements(() => jilin.http.get('/api/coverage/matrix').query({ region, level, ...(asOf ? { asOf } : {}) }).expect(200));
    expect(statements).toHaveLength(1);
    expect(unrestrictedBranches(statements[0], COLUMN_OF_LEVEL[region === '220000' ? 1 : 2], region)).toEqual([]);
  });

  it('a check that tells: a statement without the condition is reported', () => {
    const national = { sql: `SELECT r.code, count(s.id) FROM region r LEFT JOIN site s ON s.county_code = r.code WHERE r.province_code = $1 GROUP BY r.code`, params: ['220000'] };
    expect(unrestrictedBranches(national, 'province_code', '220000')).toHaveLength(1);
    const otherRegion = { sql: `SELECT count(*) FROM site s WHERE s.province_code = $1`, params: ['110000'] };
    expect(unrestrictedBranches(otherRegion, 'province_code', '220000')).toHaveLength(1);
  });
});

describe('a region’s targets cost a fixed number of statements', () => {
  it('Jilin: at most one statement reading site per kind of input, however many targets of each shape', async () => {
    const coverage = async (asOf?: string) => {
      let results: unknown[] = [];
      const statements = await siteStatements(async () => {
        results = ((await jilin.http.get('/api/coverage').query({ region: '220000', ...(asOf ? { asOf } : {}) }).expect(200)).body as { results: unknown[] }).results;
      });
      return { statements, results };
    };
    const addTargets = async (kinds: string[], value: number) => {
      const rules = [
        { shape: 'per-unit-minimum', level: 3, minimum: 1 },
        { shape: 'per-unit-minimum', level: 2, minimum: value },
        { shape: 'total', value },
        { shape: 'metric-sum', metric: 'participants', value: value * 10 },
        { shape: 'proximity', distanceKm: value, share: 0.8 },
      ];
      for (const rule of rules) await jilin.http.post('/api/targets').send(targetInput({ kinds: rule.shape === 'metric-sum' ? ['auxiliary-workshop'] : kinds, rule })).expect(201);
      return rules.length;
    };
    const seeded = await coverage();
    expect(seeded.results.length).toBeGreaterThan(5);
    const added = await addTargets(['blind-massage'], 2);
    const once = await coverage();
    expect(once.results.length).toBe(seeded.results.length + added);
    // one per kind of input: units, units by month, months, site points, expired licences
    expect(once.statements.length).toBeLessThanOrEqual(5);
    const addedAgain = await addTargets(['training-base', 'incubation-base'], 3);
    const twice = await coverage();
    expect(twice.results.length).toBe(once.results.length + addedAgain);
    expect(twice.statements.length).toBe(once.statements.length);
    // as of a past day: the same statements, each reading the history inside it
    const past = await coverage('2026-04-30');
    expect(past.results.length).toBe(twice.results.length);
    expect(past.statements.length).toBe(twice.statements.length);
  });
});

describe('outcome targets cost one statement per request, restricted to the region', () => {
  /** The statements reading outcome_report that `during` sends. */
  const reportStatements = (during: () => Promise<unknown>) => statementsReading(/\bFROM\s+outcome_report\b/i, during);

  it.each([
    ['220000', undefined],
    ['220000', '2026-04-30'],
    ['220100', undefined],
  ] as const)('GET /api/coverage?region=%s&asOf=%s: every outcome target’s figures in one statement reading the region’s reports only', async (region, asOf) => {
    for (const rule of [
      { shape: 'outcome-cumulative', indicator: 'training', value: 10 },
      { shape: 'outcome-rate', indicator: 'employment-rate', value: 50 },
      { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 2 },
    ]) {
      await jilin.http.post('/api/targets').send(targetInput({ regionCode: region, kinds: [], rule })).expect(201);
    }
    const statements = await reportStatements(() => jilin.http.get('/api/coverage').query({ region, ...(asOf ? { asOf } : {}) }).expect(200));
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    // each of the report's region columns it compares is compared with the region asked for
    const conditions = [...statement.sql.matchAll(/\br\.(province_code|prefecture_code|region_code) = \$(\d+)/g)];
    expect(conditions.length).toBeGreaterThan(0);
    for (const m of conditions) expect(statement.params[Number(m[2]) - 1]).toBe(region);
    expect(/outcome_report_history/.test(statement.sql)).toBe(asOf !== undefined);
  });
});

describe('the national view: every province’s matrix in one request', () => {
  const admin = useSignedIn(t, { role: 'admin', regionCode: null });
  interface Matrix { region: { code: string }; rows: { code: string; counts: Record<string, number>; total: number }[] }

  it('answers, in one statement reading site, what GET /api/coverage/matrix answers for each province, for the national administrator only', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102' });
    const site = (await staff.http.post('/api/sites').send(siteInput('auxiliary-workshop', undefined, { regionCode: '220102' })).expect(201)).body as Site;
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await jilin.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);

    for (const level of [3, 2] as const) {
      let national: { level: number; provinces: Matrix[] } | undefined;
      const statements = await siteStatements(async () => {
        national = (await admin.http.get('/api/coverage/national-matrix').query({ level }).expect(200)).body as { level: number; provinces: Matrix[] };
      });
      expect(statements).toHaveLength(1);
      const [{ n }] = await t.dataSource.query<{ n: string }[]>(`SELECT count(*)::text AS n FROM region WHERE level = 1`);
      expect(national!.provinces).toHaveLength(Number(n));
      for (const province of ['220000', '440000', '460000', '110000']) {
        const own = (await admin.http.get('/api/coverage/matrix').query({ region: province, level }).expect(200)).body as Matrix;
        expect(national!.provinces.find((p) => p.region.code === province)!.rows).toEqual(own.rows);
      }
      const jilinRows = national!.provinces.find((p) => p.region.code === '220000')!.rows;
      expect(jilinRows.find((r) => r.code === (level === 3 ? '220102' : '220100'))!.counts['auxiliary-workshop']).toBeGreaterThanOrEqual(1);
    }
    await jilin.http.get('/api/coverage/national-matrix').query({ level: 3 }).expect(403);
  });
});
