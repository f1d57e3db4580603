import { beforeAll, describe, expect, it } from 'vitest';
import { siteInput } from '../../factories/sites.js';
import { useTestApp, type SignedIn } from '../../support/test-app.js';

/**
 * The national site list's default order (newest change first) reads its page from the index
 * ix_site_updated_at_id instead of sorting every site: checked with EXPLAIN on PostgreSQL.
 */
const t = useTestApp();
let admin: SignedIn;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin', regionCode: null });
  const district = await t.signIn({ role: 'district', regionCode: '220102' });
  const { body } = await district.http.post('/api/sites').send(siteInput('incubation-base')).expect(201);
  // 20,000 copies of it, each changed at a different moment.
  await t.dataSource.query(
    `INSERT INTO site SELECT (json_populate_record(s, json_build_object('id', gen_random_uuid(), 'updated_at', now() - g * interval '1 second'))).*
       FROM site s, generate_series(1, 20000) g WHERE s.id = $1`,
    [body.id],
  );
  await t.dataSource.query('ANALYZE site');
});

describe('site list on PostgreSQL', () => {
  it('pages the default order from the (updated_at, id) index, without sorting the table', async () => {
    const logger = t.dataSource.logger;
    const seen: { query: string; parameters?: unknown[] }[] = [];
    const spy = Object.create(logger) as typeof logger;
    spy.logQuery = (query, parameters, runner) => {
      seen.push({ query, parameters: parameters as unknown[] | undefined });
      return logger.logQuery(query, parameters, runner);
    };
    (t.dataSource as { logger: typeof logger }).logger = spy;
    try {
      const page = await admin.http.get('/api/sites').query({ page: 3 }).expect(200);
      expect(page.body.total).toBe(20_001);
    } finally {
      (t.dataSource as { logger: typeof logger }).logger = logger;
    }
    const listing = seen.find(({ query }) => /ORDER BY/i.test(query) && /LIMIT/i.test(query))!;
    expect(listing).toBeDefined();
    const [{ 'QUERY PLAN': [plan] }] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) ${listing.query}`, listing.parameters);
    const all = nodes(plan.Plan as PlanNode);
    expect(all.map((n) => n['Node Type'])).not.toContain('Sort');
    expect(all.some((n) => /Index/.test(n['Node Type']) && n['Index Name'] === 'ix_site_updated_at_id')).toBe(true);
  });
});
