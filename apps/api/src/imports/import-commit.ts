import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { diffFields, type CheckedRow, type ImportCounts, type ImportFailure, type SiteKindRegistry } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../common/api-exception.js';
import { RegionEntity } from '../regions/region.entity.js';
import { SiteEntity } from '../sites/site.entity.js';
import { SiteHistoryEntity } from '../sites/site-history.entity.js';
import { editableColumns } from '../sites/site.mapper.js';
import {
  bulkInserts,
  bulkVersionedUpdates,
  historyRowFor,
  runBulk,
  siteEntityFor,
  unitsOfRegion,
  type BulkStatement,
  type SiteCreateInput,
  type SiteUnits,
  type Writer,
} from '../sites/site-writer.js';
import { ImportJobEntity } from './import-job.entity.js';
import { ImportRowEntity } from './import-row.entity.js';
import { matchSites, type SiteMatch } from './import-match.js';

/** A commit that wrote nothing, and why (the job stays as it was: the caller decides its status). */
export class ImportCommitRefused extends Error {
  constructor(readonly failure: ImportFailure) {
    super(`${failure.code}: ${failure.messages.en}`);
    this.name = 'ImportCommitRefused';
  }
}

export interface CommitDeps {
  kinds: SiteKindRegistry;
  /** The importing account (its scope is checked again for every row). */
  writer: Writer;
  log: (message: string) => void;
  progress: (done: number, total: number) => void;
}

const STALE: ImportFailure = {
  code: 'import.stale',
  messages: { 'zh-CN': '数据在检查后有变化，未保存任何数据；已重新检查，请查看结果后再提交', en: 'The data changed after the check; nothing was saved. The file has been checked again: review the result and commit again' },
};

/**
 * Writes every row of a `committing` job owned by `runner`, or none: one transaction (design §5).
 * Everything is built before the transaction opens; inside it the job is locked, imports are
 * serialised by an advisory lock, the rows are matched again (a row whose action or site changed
 * since the check refuses the whole commit as `import.stale`), then 2,500-row statements insert
 * the sites and their history and apply change requests and draft edits (versioned), and the job
 * ends `committed` with its counts. A kill anywhere inside rolls all of it back.
 */
export async function commitImport(dataSource: DataSource, job: { id: string; runner: string }, deps: CommitDeps): Promise<ImportCounts> {
  const loaded = await dataSource.getRepository(ImportJobEntity).findOneBy({ id: job.id });
  if (!loaded || loaded.status !== 'committing' || loaded.runner !== job.runner) throw new ImportCommitRefused(notCommitting());
  if (!deps.kinds.get(loaded.kind)) throw new ImportCommitRefused(kindUnavailable(loaded.kind));
  const rows = await dataSource.getRepository(ImportRowEntity).find({ where: { jobId: job.id }, order: { row: 'ASC' } });
  if (rows.some((row) => row.action === 'error')) {
    throw new ImportCommitRefused({ code: 'import.has_errors', messages: { 'zh-CN': '文件中仍有错误行：改正后重新上传', en: 'The file still has rows with errors: correct them and upload it again' } });
  }
  const options = { submit: loaded.options?.submit ?? false, existing: loaded.options?.existing ?? 'change-request' };
  const context = { kind: loaded.kind, scope: deps.writer.scope };
  const checked = rows.map(checkedRowOf);
  const before = await matchSites(dataSource.manager, checked, context);
  assertUnchanged(rows, before);
  const plan = await buildPlan(dataSource, loaded, rows, before, options, deps);
  const statements = plan.statements;
  const total = statements.length;

  await dataSource.transaction(async (manager) => {
    const locked: { status: string; runner: string | null }[] = await manager.query('SELECT "status", "runner" FROM "import_job" WHERE "id" = $1 FOR UPDATE', [job.id]);
    if (locked[0]?.status !== 'committing' || locked[0].runner !== job.runner) throw new ImportCommitRefused(notCommitting());
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('site-import'))`);
    assertUnchanged(rows, await matchSites(manager, checked, context));
    for (const [index, statement] of statements.entries()) {
      deps.log(`import ${job.id}: commit statement ${index + 1} of ${total}`);
      // On PGlite every query resolves as a promise callback: without a turn of the event loop
      // no log line is written and no other request answered until the transaction ends.
      await yieldToEventLoop();
      if (!(await runBulk(manager, statement))) throw new ImportCommitRefused(STALE);
      deps.progress(index + 1, total);
    }
    await finish(manager, job.id, { ...loaded.counts, ...plan.counts });
  });
  return { ...loaded.counts, ...plan.counts };
}

/** The check's rows as the matcher takes them (the matched site stands for the 网点编号 it was found by). */
function checkedRowOf(row: ImportRowEntity): CheckedRow {
  return {
    row: row.row,
    sheetRow: row.sheetRow,
    body: row.body,
    siteId: row.action === 'create' ? null : row.siteId,
    issues: row.issues,
    summary: row.summary,
    centroidLocation: row.centroidLocation,
  };
}

function assertUnchanged(rows: ImportRowEntity[], matches: SiteMatch[]): void {
  for (const [index, row] of rows.entries()) {
    const match = matches[index];
    if (match.action !== row.action || match.siteId !== row.siteId || (row.siteId !== null && match.siteVersion !== row.siteVersion)) throw new ImportCommitRefused(STALE);
  }
}

interface Plan {
  statements: BulkStatement[];
  counts: Pick<ImportCounts, 'create' | 'changeRequests' | 'updateDrafts' | 'unchanged' | 'skipped'>;
}

async function buildPlan(
  dataSource: DataSource,
  job: ImportJobEntity,
  rows: ImportRowEntity[],
  matches: SiteMatch[],
  options: { submit: boolean; existing: 'change-request' | 'skip' },
  deps: CommitDeps,
): Promise<Plan> {
  const { writer, kinds } = deps;
  const now = new Date();
  const later = new Date(now.getTime() + 1);
  const skipExisting = options.existing === 'skip';
  const units = await unitsByRow(dataSource, rows, matches, writer, skipExisting);
  const sites: SiteEntity[] = [];
  const history: SiteHistoryEntity[] = [];
  const changeRequests: { id: string; seen: number; values: Partial<SiteEntity> }[] = [];
  const draftEdits: { id: string; seen: number; values: Partial<SiteEntity> }[] = [];
  const counts = { create: 0, changeRequests: 0, updateDrafts: 0, unchanged: 0, skipped: 0 };
  for (const [index, row] of rows.entries()) {
    if (index % 1_000 === 999) await yieldToEventLoop();
    const match = matches[index];
    const source = { type: 'import' as const, jobId: job.id, file: job.fileName, row: row.sheetRow };
    if (match.action === 'unchanged') counts.unchanged++;
    if (match.action === 'unchanged' || match.action === 'error') continue;
    if (match.action !== 'create' && skipExisting) {
      counts.skipped++;
      continue;
    }
    const rowUnits = units.get(row.row)!;
    if (match.action === 'create') {
      const input = row.body as SiteCreateInput;
      const id = randomUUID();
      const draft = siteEntityFor(kinds, id, input, rowUnits, 'draft', writer, { version: 1, createdAt: now, updatedAt: now, ...(row.centroidLocation ? { locationSource: 'centroid' } : {}) });
      history.push(historyRowFor(randomUUID(), id, now, writer, 'create', { from: null, to: 'draft' }, draft, source));
      if (options.submit) {
        const submitted = Object.assign(new SiteEntity(), draft, { status: 'submitted', submittedBy: writer.id, version: 2, updatedAt: later });
        history.push(historyRowFor(randomUUID(), id, later, writer, 'submit', { from: 'draft', to: 'submitted' }, submitted, source));
        sites.push(submitted);
      } else {
        sites.push(draft);
      }
      counts.create++;
      continue;
    }
    const site = match.site!;
    const seen = match.siteVersion!;
    const changes = diffFields(match.base!, match.proposed!);
    const values: Partial<SiteEntity> =
      match.action === 'update-draft'
        ? { ...editableColumns(match.proposed!), attributesVersion: kinds.get(site.kind)!.attributesVersion, ...rowUnits, updatedBy: writer.id }
        : {
            updatedBy: writer.id,
            pendingChange: { status: 'submitted', fields: match.proposed!, units: rowUnits, proposedBy: writer.id, proposedByName: writer.displayName, proposedAt: now.toISOString(), reason: null },
          };
    const after = Object.assign(new SiteEntity(), site, values, { version: seen + 1 });
    const action = match.action === 'update-draft' ? 'update' : 'change-request';
    history.push(historyRowFor(randomUUID(), site.id, now, writer, action, { from: site.status, to: site.status, changes }, after, source));
    (match.action === 'update-draft' ? draftEdits : changeRequests).push({ id: site.id, seen, values });
    if (match.action === 'update-draft') counts.updateDrafts++;
    else counts.changeRequests++;
  }
  const draftColumns = [...new Set(draftEdits.flatMap((edit) => Object.keys(edit.values)))];
  const statements = [
    ...bulkVersionedUpdates(dataSource, draftColumns, draftEdits),
    ...bulkVersionedUpdates(dataSource, ['updatedBy', 'pendingChange'], changeRequests),
    ...bulkInserts(dataSource, SiteEntity, sites),
    ...bulkInserts(dataSource, SiteHistoryEntity, history),
  ];
  return { statements, counts };
}

/**
 * The units of every row that writes, derived again from the regions table in one query and
 * checked against the importer's jurisdiction now (the check ran earlier, maybe in a worker).
 */
async function unitsByRow(dataSource: DataSource, rows: ImportRowEntity[], matches: SiteMatch[], writer: Writer, skipExisting: boolean): Promise<Map<number, SiteUnits>> {
  const writing = rows.filter((row, index) => matches[index].action === 'create' || (!skipExisting && (matches[index].action === 'change-request' || matches[index].action === 'update-draft')));
  const codes = [...new Set(writing.map((row) => String(row.body!.regionCode)))];
  const regions = codes.length ? await dataSource.getRepository(RegionEntity).findBy({ code: In(codes) }) : [];
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const units = new Map<number, SiteUnits>();
  for (const row of writing) {
    const code = String(row.body!.regionCode);
    try {
      units.set(row.row, unitsOfRegion(byCode.get(code) ?? null, code, 'body.regionCode', writer.scope));
    } catch (error) {
      if (!(error instanceof ApiException)) throw error;
      const detail = error.issues?.[0]?.messages ?? error.messages;
      throw new ImportCommitRefused({
        code: 'import.stale',
        messages: { 'zh-CN': `第 ${row.row} 行：${detail['zh-CN']}。数据在检查后有变化，未保存任何数据；已重新检查，请查看结果后再提交`, en: `Row ${row.row}: ${detail.en}. The data changed after the check; nothing was saved. The file has been checked again: review the result and commit again` },
      });
    }
  }
  return units;
}

async function finish(manager: EntityManager, id: string, counts: ImportCounts): Promise<void> {
  await manager.query(
    `UPDATE "import_job" SET "status" = 'committed', "counts" = $2::jsonb, "committed_at" = now(), "expires_at" = now() + make_interval(days => $3::int), ` +
      `"interrupted_at" = NULL, "runner" = NULL, "heartbeat_at" = NULL, "progress" = jsonb_build_object('phase', 'committing', 'done', $4::int, 'total', $4::int) WHERE "id" = $1`,
    [id, JSON.stringify(counts), IMPORT_LIMITS.keepDaysFinished, counts.rows],
  );
}

function notCommitting(): ImportFailure {
  return { code: 'import.not_committing', messages: { 'zh-CN': '该导入当前不在提交中：请刷新后重试', en: 'This import is not being committed now: reload and try again' } };
}

function kindUnavailable(kind: string): ImportFailure {
  return { code: 'import.kind_unavailable', messages: { 'zh-CN': `网点类型 ${kind} 未安装，不能导入`, en: `Site kind ${kind} is not installed; it cannot be imported` } };
}

