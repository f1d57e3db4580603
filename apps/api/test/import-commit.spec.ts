import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckedRow, Jurisdiction } from '@sitenet/domain';
import type { SiteSchemas } from '@sitenet/domain/schemas';
import { SITE_KIND_REGISTRY, SITE_SCHEMAS } from '../src/kinds/kinds.tokens.js';
import { ImportCommitRefused, commitImport } from '../src/imports/import-commit.js';
import { matchExisting } from '../src/imports/import-match.js';
import type { Writer } from '../src/sites/site-writer.js';
import { internshipBase, internshipBaseInput } from './factories/sites.js';
import { useTestApp, type SignedIn } from './support/test-app.js';

const t = useTestApp({}, { kinds: [internshipBase] });
const RUNNER = 'test-instance';
const KIND = 'internship-base';
const SCOPE: Jurisdiction = { kind: 'unit', column: 'countyCode', code: '220102' };
let clerk: SignedIn;
let writer: Writer;
beforeAll(async () => {
  clerk = await t.signIn({ role: 'district', regionCode: '220102', displayName: '南关区录入员' });
  writer = { id: clerk.account.id, displayName: clerk.account.displayName, scope: SCOPE };
});

/** A checked row as the row checks give it: the create schema's output of a registration. */
function checked(row: number, overrides: Record<string, unknown> = {}, extra: Partial<CheckedRow> = {}): CheckedRow {
  const schemas = t.app.get<SiteSchemas>(SITE_SCHEMAS);
  const body = schemas.create.parse(internshipBaseInput(overrides)) as Record<string, unknown>;
  return { row, sheetRow: row + 1, body, siteId: null, issues: [], summary: { name: String(body.name), creditCode: null, region: null }, centroidLocation: false, ...extra };
}

/** A job in `committing` with these rows, matched as the check would (the import's upload path is not needed here). */
async function seedJob(rows: CheckedRow[], options: { submit?: boolean; existing?: 'change-request' | 'skip' } = {}): Promise<string> {
  const id = randomUUID();
  const matched = await matchExisting(t.dataSource.manager, rows, { kind: KIND, scope: SCOPE });
  const counts = { rows: rows.length, errors: matched.filter((m) => m.action === 'error').length, warnings: 0, create: 0, changeRequests: 0, updateDrafts: 0, unchanged: 0, skipped: 0 };
  await t.dataSource.query(
    `INSERT INTO import_job (id, kind, created_by, unit_code, file_name, format, encoding, size_bytes, sha256, status, progress, counts, options, lang, runner, heartbeat_at, created_at, checked_at, expires_at)
     VALUES ($1, $2, $3, '220102', '名单.xlsx', 'xlsx', NULL, 100, 'x', 'committing', '{"phase":"committing","done":0,"total":0}', $4::jsonb, $5::jsonb, 'zh-CN', $6, now(), now(), now(), now() + interval '30 days')`,
    [id, KIND, clerk.account.id, JSON.stringify(counts), JSON.stringify({ submit: options.submit ?? false, existing: options.existing ?? 'change-request' }), RUNNER],
  );
  for (const [index, row] of rows.entries()) {
    const m = matched[index];
    await t.dataSource.query(
      `INSERT INTO import_row (job_id, row, sheet_row, action, body, issues, summary, site_id, site_version, centroid_location) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8, $9, $10)`,
      [id, row.row, row.sheetRow, m.action, row.body ? JSON.stringify(row.body) : null, JSON.stringify(m.issues), JSON.stringify(row.summary), m.siteId, m.siteVersion, row.centroidLocation],
    );
  }
  return id;
}

function commit(jobId: string, log: string[] = [], runner = RUNNER) {
  return commitImport(t.dataSource, { id: jobId, runner }, { kinds: t.app.get(SITE_KIND_REGISTRY), writer, log: (message) => log.push(message), progress: () => {} });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportCommitRefused);
  const failure = (error as ImportCommitRefused).failure;
  expect(failure.messages['zh-CN']).toBeTruthy();
  expect(failure.messages.en).toBeTruthy();
  return failure.code;
}

const sitesOf = async (jobId: string): Promise<{ id: string; status: string; location_source: string; submitted_by: string | null; version: number }[]> =>
  t.dataSource.query(`SELECT s.id, s.status, s.location_source, s.submitted_by, s.version FROM site s WHERE s.id IN (SELECT site_id FROM site_history WHERE source ->> 'jobId' = $1) ORDER BY s.name`, [jobId]);
const historyOf = async (jobId: string): Promise<{ action: string; site_id: string; source: { row: number; file: string }; actor_name: string }[]> =>
  t.dataSource.query(`SELECT action, site_id, source, actor_name FROM site_history WHERE source ->> 'jobId' = $1 ORDER BY at, action`, [jobId]);
const jobOf = async (jobId: string) => (await t.dataSource.query(`SELECT status, counts, committed_at, expires_at, runner FROM import_job WHERE id = $1`, [jobId]))[0];

/** A site registered through the API (a draft), optionally moved to a status directly. */
async function existing(overrides: Record<string, unknown> = {}, status?: string): Promise<{ id: string; input: Record<string, unknown> }> {
  const input = internshipBaseInput(overrides);
  const site = (await clerk.http.post('/api/sites').send(input).expect(201)).body as { id: string };
  if (status) await t.dataSource.query(`UPDATE site SET status = $2::varchar, approved_at = CASE WHEN $2::varchar = 'approved' THEN now() ELSE approved_at END WHERE id = $1`, [site.id, status]);
  return { id: site.id, input };
}

describe('matchExisting', () => {
  it('matches on credit code + name (NFKC, whitespace), by the state of the site, and says nothing of sites outside the scope', async () => {
    const draft = await existing();
    const published = await existing({}, 'approved');
    const submitted = await existing({}, 'submitted');
    const pending = await existing({}, 'approved');
    await t.dataSource.query(`UPDATE site SET pending_change = '{"status":"submitted","fields":{},"units":{},"proposedBy":"x","proposedByName":"x","proposedAt":"2026-01-01","reason":null}' WHERE id = $1`, [pending.id]);
    const elsewhere = internshipBaseInput({ regionCode: '220104' });
    const other = await t.signIn({ role: 'district', regionCode: '220104' });
    const far = (await other.http.post('/api/sites').send(elsewhere).expect(201)).body as { id: string };

    const name = String(draft.input.name);
    const rows = [
      checked(1, { ...draft.input }),
      // full-width and spaced: the same key
      checked(2, { name: `${name.slice(0, 2)} ${name.slice(2)}`.replace('号', '号 '), operator: draft.input.operator, address: '新地址 1 号' }),
      checked(3, { name: published.input.name, operator: published.input.operator, address: '变更后的地址 8 号' }),
      checked(4, { name: submitted.input.name, operator: submitted.input.operator }),
      checked(5, { name: pending.input.name, operator: pending.input.operator }),
      checked(6, { name: elsewhere.name, operator: elsewhere.operator }),
      checked(7, {}, { siteId: far.id }),
      checked(8, {}, { siteId: randomUUID() }),
      checked(9, { name: draft.input.name, operator: draft.input.operator, address: '另一地址 2 号' }, { siteId: draft.id }),
    ];
    const result = await matchExisting(t.dataSource.manager, rows, { kind: KIND, scope: SCOPE });
    const summary = result.map((m) => [m.row, m.action, m.siteId, m.issues.map((i) => i.code)]);
    expect(summary).toEqual([
      [1, 'unchanged', draft.id, []],
      [2, 'error', draft.id, ['duplicate.same_site']],
      [3, 'change-request', published.id, []],
      [4, 'error', submitted.id, ['import.site_locked']],
      [5, 'error', pending.id, ['import.site_pending_change']],
      [6, 'create', null, []],
      [7, 'error', null, ['import.site_unknown']],
      [8, 'error', null, ['import.site_unknown']],
      [9, 'error', draft.id, ['duplicate.same_site']],
    ]);
    expect(result[0].siteVersion).toBe(1);
    // the site outside the scope is not named, nor is its id echoed as a match
    expect(JSON.stringify(result[6])).not.toContain(String(elsewhere.name));

    const alone = await matchExisting(t.dataSource.manager, [rows[1]], { kind: KIND, scope: SCOPE });
    expect(alone[0]).toMatchObject({ action: 'update-draft', siteId: draft.id, siteVersion: 1 });
  });

  it('leaves rows with errors as errors without looking them up', async () => {
    const row = checked(1, {}, { body: null, issues: [{ row: 1, cell: 'C2', column: 'phone', code: 'phone.invalid', messages: { 'zh-CN': '电话', en: 'phone' }, value: '1', severity: 'error' }] });
    expect(await matchExisting(t.dataSource.manager, [row], { kind: KIND, scope: SCOPE })).toEqual([{ row: 1, action: 'error', siteId: null, siteVersion: null, issues: row.issues }]);
  });
});

describe('commitImport', () => {
  it('creates every row as a draft of the importer, with history naming the file and row, and ends the job committed', async () => {
    const log: string[] = [];
    const rows = [checked(1), checked(2), checked(3, { location: { lat: 43.86, lng: 125.35, system: 'wgs84' } }, { centroidLocation: true })];
    const job = await seedJob(rows);
    const counts = await commit(job, log);
    expect(counts).toMatchObject({ rows: 3, create: 3, changeRequests: 0, updateDrafts: 0, unchanged: 0, skipped: 0 });
    const sites = await sitesOf(job);
    expect(sites.map((s) => [s.status, s.version, s.submitted_by])).toEqual([
      ['draft', 1, null],
      ['draft', 1, null],
      ['draft', 1, null],
    ]);
    expect(sites.map((s) => s.location_source).sort()).toEqual(['centroid', 'wgs84', 'wgs84']);
    const history = await historyOf(job);
    expect(history.map((h) => [h.action, h.source.file, h.actor_name]).sort()).toEqual(Array(3).fill(['create', '名单.xlsx', '南关区录入员']));
    expect(history.map((h) => h.source.row).sort()).toEqual([2, 3, 4]);
    const state = await jobOf(job);
    expect(state.status).toBe('committed');
    expect(state.counts.create).toBe(3);
    const keepDays = (new Date(state.expires_at).getTime() - new Date(state.committed_at).getTime()) / 86_400_000;
    expect(keepDays).toBeCloseTo(7, 3);
    expect(log).toEqual([`import ${job}: commit statement 1 of 2`, `import ${job}: commit statement 2 of 2`]);
    // what the API serves of an imported site is what a registration gives
    const site = (await clerk.http.get(`/api/sites/${sites[0].id}`).expect(200)).body as { status: string; createdBy: string };
    expect(site).toMatchObject({ status: 'draft', createdBy: clerk.account.id });
  });

  it('submits the created sites for review when asked (submitted_by, a submit entry)', async () => {
    const job = await seedJob([checked(1), checked(2)], { submit: true });
    await commit(job);
    const sites = await sitesOf(job);
    expect(sites.map((s) => [s.status, s.version, s.submitted_by])).toEqual(Array(2).fill(['submitted', 2, clerk.account.id]));
    expect((await historyOf(job)).map((h) => h.action).sort()).toEqual(['create', 'create', 'submit', 'submit']);
    const history = ((await clerk.http.get(`/api/sites/${sites[0].id}/history`).expect(200)).body as { items: { action: string; toStatus: string }[] }).items;
    expect(history.map((h) => [h.action, h.toStatus])).toEqual([
      ['create', 'draft'],
      ['submit', 'submitted'],
    ]);
  });

  it('turns a row matching a published site into a change request and edits a matching draft directly; unchanged rows write nothing', async () => {
    const published = await existing({}, 'approved');
    const draft = await existing();
    const same = await existing();
    const job = await seedJob([
      checked(1, { name: published.input.name, operator: published.input.operator, address: '变更后的地址 8 号' }),
      checked(2, { name: draft.input.name, operator: draft.input.operator, address: '草稿新地址 9 号' }),
      checked(3, { ...same.input }),
    ]);
    const counts = await commit(job);
    expect(counts).toMatchObject({ create: 0, changeRequests: 1, updateDrafts: 1, unchanged: 1 });

    const site = (await clerk.http.get(`/api/sites/${published.id}`).expect(200)).body as { address: string; version: number; pendingChange: { status: string; changes: { field: string; to: unknown }[] } };
    expect(site.address).toBe(published.input.address);
    expect(site.version).toBe(2);
    expect(site.pendingChange.status).toBe('submitted');
    expect(site.pendingChange.changes).toEqual([{ field: 'address', from: published.input.address, to: '变更后的地址 8 号' }]);

    const edited = (await clerk.http.get(`/api/sites/${draft.id}`).expect(200)).body as { address: string; version: number; pendingChange: unknown };
    expect(edited).toMatchObject({ address: '草稿新地址 9 号', version: 2, pendingChange: null });
    const untouched = (await clerk.http.get(`/api/sites/${same.id}`).expect(200)).body as { version: number };
    expect(untouched.version).toBe(1);

    const history = await historyOf(job);
    expect(history.map((h) => [h.action, h.site_id]).sort()).toEqual(
      [
        ['change-request', published.id],
        ['update', draft.id],
      ].sort(),
    );
    // a reviewer can act on the change request with the version it now has
    const reviewer = await t.signIn({ role: 'prefecture', regionCode: '220100' });
    await reviewer.http.post(`/api/sites/${published.id}/approve`).send({ version: 2 }).expect(200);
    expect(((await clerk.http.get(`/api/sites/${published.id}`).expect(200)).body as { address: string }).address).toBe('变更后的地址 8 号');
  });

  it("with existing 'skip' leaves matched sites alone", async () => {
    const published = await existing({}, 'approved');
    const job = await seedJob([checked(1), checked(2, { name: published.input.name, operator: published.input.operator, address: '不会写入 1 号' })], { existing: 'skip' });
    expect(await commit(job)).toMatchObject({ create: 1, changeRequests: 0, skipped: 1 });
    const site = (await clerk.http.get(`/api/sites/${published.id}`).expect(200)).body as { version: number; pendingChange: unknown };
    expect(site).toMatchObject({ version: 1, pendingChange: null });
  });

  it('writes nothing when one row is stale: a site edited after the check refuses the whole commit', async () => {
    const draft = await existing();
    const job = await seedJob([checked(1), checked(2), checked(3, { name: draft.input.name, operator: draft.input.operator, address: '检查时的地址 3 号' })]);
    // someone edits the draft between the check and the commit
    await clerk.http.patch(`/api/sites/${draft.id}`).send({ version: 1, address: '别人改的地址 5 号' }).expect(200);
    const sitesBefore = (await t.dataSource.query('SELECT count(*)::int AS n FROM site'))[0].n;
    expect(await refusal(commit(job))).toBe('import.stale');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM site'))[0].n).toBe(sitesBefore);
    expect(await historyOf(job)).toEqual([]);
    expect((await jobOf(job)).status).toBe('committing');
  });

  it('serialises two commits of the same rows: one creates them, the other is refused as stale', async () => {
    const rows = [checked(1), checked(2), checked(3)];
    const first = await seedJob(rows);
    const second = await seedJob(rows);
    const results = await Promise.allSettled([commit(first), commit(second)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected!.reason as ImportCommitRefused).failure.code).toBe('import.stale');
    for (const row of rows) {
      const found = await t.dataSource.query('SELECT count(*)::int AS n FROM site WHERE name = $1', [row.body!.name]);
      expect(found[0].n).toBe(1);
    }
    expect((await sitesOf(first)).length + (await sitesOf(second)).length).toBe(3);
  });

  it('refuses a job it does not run, one not committing, and one with error rows', async () => {
    const job = await seedJob([checked(1)]);
    expect(await refusal(commit(job, [], 'another-instance'))).toBe('import.not_committing');
    await t.dataSource.query(`UPDATE import_job SET status = 'checked' WHERE id = $1`, [job]);
    expect(await refusal(commit(job))).toBe('import.not_committing');
    const withErrors = await seedJob([checked(1), checked(2, {}, { body: null, issues: [{ row: 2, cell: null, column: null, code: 'x', messages: { 'zh-CN': 'x', en: 'x' }, value: null, severity: 'error' }] })]);
    expect(await refusal(commit(withErrors))).toBe('import.has_errors');
    expect(await sitesOf(withErrors)).toEqual([]);
  });

  it('re-checks the jurisdiction from the regions table: a row outside it is refused and nothing is written', async () => {
    const job = await seedJob([checked(1), checked(2, { regionCode: '220104' })]);
    expect(await refusal(commit(job))).toBe('import.stale');
    expect(await sitesOf(job)).toEqual([]);
  });

  it('writes 2,500 rows per statement', async () => {
    const rows = Array.from({ length: 2_600 }, (_, i) => checked(i + 1));
    const job = await seedJob(rows);
    const log: string[] = [];
    const progress: [number, number][] = [];
    await commitImport(t.dataSource, { id: job, runner: RUNNER }, { kinds: t.app.get(SITE_KIND_REGISTRY), writer, log: (m) => log.push(m), progress: (d, n) => progress.push([d, n]) });
    expect(log.at(-1)).toBe(`import ${job}: commit statement 4 of 4`);
    expect(progress.at(-1)).toEqual([4, 4]);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM site_history WHERE source ->> 'jobId' = $1`, [job]))[0].n).toBe(2_600);
  }, 120_000);
});
