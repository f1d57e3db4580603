import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteListResponse } from '@sitenet/domain';
import { siteInput } from '../factories/sites.js';
import { useTestApp, type SignedIn } from '../support/test-app.js';

const t = useTestApp();
let district: SignedIn;
const created: string[] = [];

/** The SQL statements the API sends while `work` runs. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const logger = t.dataSource.logger;
  const seen: string[] = [];
  const spy = Object.create(logger) as typeof logger;
  spy.logQuery = (query, parameters, runner) => {
    seen.push(query);
    return logger.logQuery(query, parameters, runner);
  };
  (t.dataSource as { logger: typeof logger }).logger = spy;
  try {
    await work();
  } finally {
    (t.dataSource as { logger: typeof logger }).logger = logger;
  }
  return seen;
}

beforeAll(async () => {
  district = await t.signIn({ role: 'district', regionCode: '220102' });
  for (const kind of ['incubation-base', 'incubation-base', 'training-base', 'auxiliary-workshop', 'incubation-base']) {
    created.push((await district.http.post('/api/sites').send(siteInput(kind)).expect(201)).body.id);
  }
});

describe('the site list', () => {
  it('counts once per page (one grouped count serves the total and the kinds), never count(DISTINCT) over the table', async () => {
    let page!: SiteListResponse;
    const statements = await statementsDuring(async () => {
      page = (await district.http.get('/api/sites').query({ pageSize: 2 }).expect(200)).body;
    });
    const counts = statements.filter((sql) => /count\(/i.test(sql));
    expect(counts).toHaveLength(1);
    expect(counts.join('\n')).not.toMatch(/count\(\s*distinct/i);
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(2);
    expect(page.countsByKind).toEqual({ 'incubation-base': 3, 'training-base': 1, 'auxiliary-workshop': 1 });
  });

  it('keeps exact totals for the portal’s pagination, with and without a kind filter', async () => {
    const byKind = (await district.http.get('/api/sites').query({ kind: 'incubation-base', pageSize: 2, page: 2 }).expect(200)).body as SiteListResponse;
    expect(byKind.total).toBe(3);
    expect(byKind.items).toHaveLength(1);
    expect(byKind.countsByKind['training-base']).toBe(1);
    const two = (await district.http.get('/api/sites').query({ kind: ['training-base', 'auxiliary-workshop'] }).expect(200)).body as SiteListResponse;
    expect(two.total).toBe(2);
    const none = (await district.http.get('/api/sites').query({ q: 'no-such-site-anywhere' }).expect(200)).body as SiteListResponse;
    expect(none).toMatchObject({ total: 0, items: [], countsByKind: {} });
  });

  it('orders newest change first by default, ties by id, without NULLS LAST on a column that is never null', async () => {
    const pages: SiteListResponse[] = [];
    const statements = await statementsDuring(async () => {
      for (const page of [1, 2, 3]) pages.push((await district.http.get('/api/sites').query({ pageSize: 2, page }).expect(200)).body);
    });
    const ids = pages.flatMap((p) => p.items.map((s) => s.id));
    expect([...ids].sort()).toEqual([...created].sort());
    const stamps = pages.flatMap((p) => p.items.map((s) => s.updatedAt));
    expect([...stamps].sort().reverse()).toEqual(stamps);
    const listing = statements.find((sql) => /ORDER BY/i.test(sql) && /"updated_at"/.test(sql))!;
    expect(listing).toMatch(/ORDER BY "site"\."updated_at" DESC, "site"\."id" DESC/);
    expect(listing).not.toMatch(/updated_at" DESC NULLS LAST/);
  });
});
