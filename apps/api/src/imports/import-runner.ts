import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  checkImportGrid,
  jurisdictionOf,
  type ImportCounts,
  type ImportFailure,
  type Jurisdiction,
  type RegionLevel,
  type RegionType,
  type Role,
  type SiteKindRegistry,
} from '@sitenet/domain';
import type { SiteSchemas } from '@sitenet/domain/schemas';
import { readWorkbook } from '@sitenet/spreadsheets';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { BoundariesService } from '../boundaries/boundaries.service.js';
import { SITE_KIND_REGISTRY, SITE_SCHEMAS } from '../kinds/kinds.tokens.js';
import type { Writer } from '../sites/sites.service.js';
import { ImportJobEntity } from './import-job.entity.js';
import { storedColumns } from './import-job.mapper.js';
import { INSERT_ROWS, countsOf, rowEntity, rowRecord } from './import-rows.js';
import { ImportRegions } from './import-regions.js';
import { matchExisting } from './import-match.js';
import { ImportCommitRefused, commitImport } from './import-commit.js';

/** The commit's refusal when the data changed since the check (import-commit.ts). */
const STALE_CODE = 'import.stale';

/** How often the runner looks for queued jobs besides being woken, and beats its heart. */
export const IMPORT_POLL_MS = 5_000;
/** How often jobs cut off by a stopped instance are put back. */
export const IMPORT_RECOVERY_MS = 30_000;
/** A job whose runner has not beaten its heart for this long is taken to be cut off (PostgreSQL). */
export const IMPORT_STALE_MS = 60_000;
/** Rows written to import_row per statement. */
const ROW_BATCH = 1_000;
/** Progress on the job row is written at most every this many rows. */
const PROGRESS_EVERY = 500;

const CHECK_FAILED: ImportFailure = {
  code: 'import.check_failed',
  messages: {
    'zh-CN': '检查这个文件时出错（不是文件内容的问题）：请稍后重新上传；如仍出错，请联系管理员。',
    en: 'Checking this file failed (not because of its content): upload it again later; if it fails again, tell the administrator.',
  },
};

const COMMIT_FAILED: ImportFailure = {
  code: 'import.commit_failed',
  messages: {
    'zh-CN': '导入写入时出错，没有保存任何一行：请再提交一次；如仍出错，请联系管理员。',
    en: 'Writing the import failed and no row was saved: commit it again; if it fails again, tell the administrator.',
  },
};

const ACCOUNT_INACTIVE: ImportFailure = {
  code: 'import.account_inactive',
  messages: {
    'zh-CN': '提交这个导入的账号已停用或已不是区县工作人员，没有保存任何一行。',
    en: 'The account that asked for this commit has been deactivated or is no longer district staff; no row was saved.',
  },
};

/**
 * Runs import jobs, one at a time per process (2 cores shared with the API): checks queued
 * uploads (read → row checks → matching against existing sites → import_row) and commits the
 * jobs this instance was asked to commit (C2's commitImport, all or nothing). Jobs live in the
 * database: a restart or SIGKILL loses nothing; recovery, at start and every 30 s, puts a check
 * that was cut off back in the queue and marks a cut-off commit interrupted (its transaction
 * rolled back). On PGlite one process owns the data, so every job of another runner is cut off;
 * on PostgreSQL, only those whose heartbeat is older than 60 s.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Imports');
  /** This instance's name on the jobs it works on. */
  readonly id = `${hostname().slice(0, 30)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private timers: NodeJS.Timeout[] = [];
  private loop: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  /** Aborts a file read in progress when the application stops. */
  private readonly abort = new AbortController();
  private current: string | null = null;
  private failing = false;
  private beating = false;
  /** How far the commit in hand is (statement i of n), served to its owner while it runs. */
  private readonly committing = new Map<string, { done: number; total: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SITE_KIND_REGISTRY) private readonly kinds: SiteKindRegistry,
    @Inject(SITE_SCHEMAS) private readonly schemas: SiteSchemas,
    private readonly regions: ImportRegions,
    private readonly boundaries: BoundariesService,
  ) {}

  onApplicationBootstrap(): void {
    const start = setTimeout(() => {
      void this.recover()
        .then(() => this.purgeExpired())
        .finally(() => this.wake());
    }, 0);
    start.unref();
    const poll = setInterval(() => this.wake(), IMPORT_POLL_MS);
    poll.unref();
    const heartbeat = setInterval(() => void this.beat(), IMPORT_POLL_MS);
    heartbeat.unref();
    const recovery = setInterval(() => void this.recover(), IMPORT_RECOVERY_MS);
    recovery.unref();
    const janitor = setInterval(() => void this.purgeExpired(), 3_600_000);
    janitor.unref();
    this.timers = [start, poll, heartbeat, recovery, janitor];
  }

  /**
   * Stops taking jobs and waits for the one in hand (a check ends at its next yield and goes back
   * in the queue; a commit finishes or rolls back), before the data source closes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.loop;
  }

  /** Look for work now (an upload or a commit was just accepted). */
  wake(): void {
    if (this.stopping) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.drain().finally(() => {
      this.loop = null;
      if (this.again && !this.stopping) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves once the runner has nothing in hand (tests). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopping) {
        const commit = await this.nextCommit();
        if (commit) {
          await this.commit(commit);
          continue;
        }
        const check = await this.claimQueued();
        if (!check) break;
        await this.check(check);
      }
      if (this.failing) this.logger.log('The import runner works again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`The import runner failed; it tries again in ${IMPORT_POLL_MS / 1000} s (logged once until it works again): ${describe(error)}`);
      this.failing = true;
    } finally {
      this.current = null;
    }
  }

  private async nextCommit(): Promise<ImportJobEntity | null> {
    return this.dataSource.getRepository(ImportJobEntity).findOne({ where: { status: 'committing', runner: this.id }, order: { createdAt: 'ASC' } });
  }

  /** Takes the oldest queued job (any instance may; SKIP LOCKED keeps two from taking the same one). */
  private async claimQueued(): Promise<ImportJobEntity | null> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE import_job SET status = 'checking', runner = $1, heartbeat_at = now(), progress = $2::jsonb
        WHERE id = (SELECT id FROM import_job WHERE status = 'queued' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id`,
      [this.id, JSON.stringify({ phase: 'reading', done: 0, total: 0 })],
    );
    const id = returnedIds(rows)[0];
    if (!id) return null;
    return this.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id });
  }

  private async check(job: ImportJobEntity): Promise<void> {
    this.current = job.id;
    this.logger.log(`import ${job.id}: checking`);
    try {
      const outcome = await this.runCheck(job);
      if (outcome === 'gone') this.logger.log(`import ${job.id}: discarded while checking`);
    } catch (error) {
      if (this.stopping) {
        // Cut off by shutdown: back in the queue for the next start (or another instance).
        await this.dataSource.query(`UPDATE import_job SET status = 'queued', runner = NULL, heartbeat_at = NULL WHERE id = $1 AND status = 'checking' AND runner = $2`, [job.id, this.id]);
        return;
      }
      this.logger.error(`import ${job.id}: the check failed: ${describe(error)}`);
      await this.finishCheck(job.id, { status: 'failed', failure: CHECK_FAILED, checkedAt: new Date() });
    }
  }

  private async runCheck(job: ImportJobEntity): Promise<'done' | 'gone'> {
    const upload = await this.dataSource.query<{ bytes: Buffer }[]>(`SELECT bytes FROM import_upload WHERE job_id = $1`, [job.id]);
    const bytes = upload[0]?.bytes;
    const kind = this.kinds.get(job.kind);
    if (!bytes || !kind) return (await this.finishCheck(job.id, { status: 'failed', failure: CHECK_FAILED, checkedAt: new Date() })) ? 'done' : 'gone';
    const read = await readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), job.fileName, { signal: this.abort.signal });
    if (!read.ok) return (await this.finishCheck(job.id, { status: 'failed', failure: read.failure, checkedAt: new Date() })) ? 'done' : 'gone';
    const workbook = read.workbook;
    await this.dataSource.query(`UPDATE import_job SET format = $2, encoding = $3 WHERE id = $1`, [job.id, workbook.format, workbook.encoding]);
    const scope = await this.scopeOf(job);
    let written = 0;
    const directory = await this.regions.directory();
    // Rows are checked against their county's boundary: those of the provinces the importer may write in.
    const provinces = scope.scope.kind === 'unit' ? [scope.scope.code.slice(0, 2)] : directory.children(null).map((unit) => unit.code.slice(0, 2));
    const result = await checkImportGrid(workbook, {
      kind,
      createSchema: this.schemas.create,
      regions: directory,
      scope: scope.scope,
      boundaryOf: await this.boundaries.countyLookup(provinces),
      installedKinds: this.kinds.all,
      progress: async (done, total) => {
        if (this.stopping) throw new Error('the application is stopping');
        if (done - written >= PROGRESS_EVERY || done === total) {
          written = done;
          await this.dataSource.query(`UPDATE import_job SET progress = $2::jsonb, heartbeat_at = now() WHERE id = $1`, [job.id, JSON.stringify({ phase: 'checking', done, total })]);
        }
        await yieldToEventLoop();
      },
    });
    if (!result.ok) {
      return (await this.finishCheck(job.id, { status: 'failed', failure: result.failure, columns: storedColumns(result.columns, []), checkedAt: new Date() })) ? 'done' : 'gone';
    }
    if (this.stopping) throw new Error('stopping');
    const matched = await matchExisting(this.dataSource.manager, result.rows, { kind: job.kind, scope: scope.scope });
    const byRow = new Map(matched.map((match) => [match.row, match]));
    await this.dataSource.query(`DELETE FROM import_row WHERE job_id = $1`, [job.id]);
    const entities = result.rows.map((row) => rowEntity(job.id, row, byRow.get(row.row)));
    for (let start = 0; start < entities.length; start += ROW_BATCH) {
      if (this.stopping) throw new Error('stopping');
      await this.dataSource.query(INSERT_ROWS, [job.id, JSON.stringify(entities.slice(start, start + ROW_BATCH).map(rowRecord))]);
      await yieldToEventLoop();
    }
    const counts = countsOf(entities, result.fileIssues);
    const total = result.rows.length;
    const finished = await this.finishCheck(job.id, {
      status: 'checked',
      counts,
      columns: storedColumns(result.columns, result.fileIssues),
      progress: { phase: 'checking', done: total, total },
      checkedAt: new Date(),
    });
    if (!finished) {
      await this.dataSource.query(`DELETE FROM import_row WHERE job_id = $1`, [job.id]);
      return 'gone';
    }
    this.logger.log(`import ${job.id}: checked ${total} rows, ${counts.errors} with errors`);
    return 'done';
  }

  /** Ends a check this runner holds; false when the job is no longer its own (discarded meanwhile). */
  private async finishCheck(id: string, values: Partial<ImportJobEntity>): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ImportJobEntity)
      .set({ ...values, runner: null, heartbeatAt: null })
      .where('id = :id AND status = :status AND runner = :runner', { id, status: 'checking', runner: this.id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  private async commit(job: ImportJobEntity): Promise<void> {
    this.current = job.id;
    this.logger.log(`import ${job.id}: committing`);
    try {
      const scope = await this.scopeOf(job);
      // Deactivated (or no longer district staff) after asking: its sign-ins ended, and nothing is written in its name.
      if (!scope.active || scope.role !== 'district') throw new ImportCommitRefused(ACCOUNT_INACTIVE);
      const counts: ImportCounts = await commitImport(this.dataSource, { id: job.id, runner: this.id }, {
        kinds: this.kinds,
        writer: scope.writer,
        log: (message) => this.logger.log(message),
        // In memory, not on the job row: the commit's transaction holds that row locked until it ends.
        progress: (done, total) => this.committing.set(job.id, { done, total }),
      });
      this.committing.delete(job.id);
      this.logger.log(`import ${job.id}: committed (${counts.create} created, ${counts.changeRequests} change requests, ${counts.updateDrafts} drafts updated)`);
    } catch (error) {
      this.committing.delete(job.id);
      const refused = error instanceof ImportCommitRefused;
      if (refused) this.logger.log(`import ${job.id}: commit refused (${error.failure.code})`);
      else this.logger.error(`import ${job.id}: the commit failed: ${describe(error)}`);
      // A stale refusal means the stored rows no longer describe the database: check the file again
      // (the job is queued, keeping the refusal to show), so the clerk sees the rows as they now are.
      const recheck = refused && error.failure.code === STALE_CODE;
      await this.dataSource.query(
        `UPDATE import_job SET status = $4, runner = NULL, heartbeat_at = NULL, failure = $3::jsonb WHERE id = $1 AND status = 'committing' AND runner = $2`,
        [job.id, this.id, JSON.stringify(refused ? error.failure : COMMIT_FAILED), recheck ? 'queued' : 'checked'],
      );
      if (recheck) this.wake();
    }
  }

  /** The importer as the job's checks and commit see it: its jurisdiction now (a moved or deactivated account sees what it may now). */
  private async scopeOf(job: ImportJobEntity): Promise<{ scope: Jurisdiction; writer: Writer; active: boolean; role: Role }> {
    const rows = await this.dataSource.query<{ id: string; displayName: string; role: Role; regionCode: string | null; level: number | null; type: string | null; active: boolean }[]>(
      `SELECT a.id, a.display_name AS "displayName", a.role, a.region_code AS "regionCode", r.level, r.type, a.active
         FROM account a LEFT JOIN region r ON r.code = a.region_code WHERE a.id = $1`,
      [job.createdBy],
    );
    const account = rows[0];
    if (!account) throw new Error(`the account ${job.createdBy} of import ${job.id} is gone`);
    const scope = jurisdictionOf(account, account.level !== null ? { level: account.level as RegionLevel, type: account.type as RegionType } : null);
    return { scope, writer: { id: account.id, displayName: account.displayName, scope }, active: account.active, role: account.role };
  }

  /** The progress of a commit this instance is running, if it is. */
  commitProgress(id: string): { done: number; total: number } | undefined {
    return this.committing.get(id);
  }

  /** One beat at a time: during a commit the job row is locked and a beat waits for the commit's end. */
  private async beat(): Promise<void> {
    if (!this.current || this.beating) return;
    this.beating = true;
    try {
      await this.dataSource.query(`UPDATE import_job SET heartbeat_at = now() WHERE id = $1 AND runner = $2`, [this.current, this.id]);
    } catch {
      // the next beat tries again; recovery only acts on a heartbeat a minute old
    } finally {
      this.beating = false;
    }
  }

  /**
   * Jobs cut off by a stopped runner: a check goes back in the queue (it is a dry run: doing it
   * again is safe), a commit goes back to `checked`, marked interrupted (its transaction rolled
   * back with the process: nothing of it exists).
   */
  async recover(): Promise<void> {
    const stale = this.config.database.kind === 'pglite' ? 'TRUE' : `(heartbeat_at IS NULL OR heartbeat_at < now() - interval '${IMPORT_STALE_MS / 1000} seconds')`;
    const others = `(runner IS NULL OR runner <> $1) AND ${stale}`;
    try {
      const requeued = returnedIds(
        await this.dataSource.query(
          `UPDATE import_job SET status = 'queued', runner = NULL, heartbeat_at = NULL, progress = $2::jsonb WHERE status = 'checking' AND ${others} RETURNING id`,
          [this.id, JSON.stringify({ phase: 'reading', done: 0, total: 0 })],
        ),
      );
      const interrupted = returnedIds(
        await this.dataSource.query(
          `UPDATE import_job SET status = 'checked', runner = NULL, heartbeat_at = NULL, interrupted_at = now() WHERE status = 'committing' AND ${others} RETURNING id`,
          [this.id],
        ),
      );
      for (const id of requeued) this.logger.log(`import ${id}: its check was cut off; checking it again`);
      for (const id of interrupted) this.logger.warn(`import ${id}: its commit was cut off; nothing of it was saved (commit again)`);
      if (requeued.length) this.wake();
    } catch (error) {
      if (!this.failing) this.logger.warn(`Recovering cut-off imports failed; will retry: ${describe(error)}`);
    }
  }

  /** Deletes expired jobs with their rows and files, a few at a time (a job may hold 20,000 rows). */
  async purgeExpired(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const ids = returnedIds(
          await this.dataSource.query(
            `DELETE FROM import_job WHERE id IN (SELECT id FROM import_job WHERE expires_at < now() AND status NOT IN ('checking', 'committing') LIMIT 5) RETURNING id`,
          ),
        );
        total += ids.length;
        if (ids.length < 5) break;
        await yieldToEventLoop();
      }
      if (total) this.logger.log(`Deleted ${total} expired import job(s) with their files`);
    } catch (error) {
      this.logger.warn(`Deleting expired imports failed; will retry in an hour: ${describe(error)}`);
    }
    return total;
  }
}

/** The ids an UPDATE/DELETE … RETURNING id gave (TypeORM answers `[rows, count]` on PostgreSQL, rows elsewhere). */
function returnedIds(result: unknown): string[] {
  const rows = Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;
  return Array.isArray(rows) ? (rows as { id?: string }[]).flatMap((row) => (row?.id ? [row.id] : [])) : [];
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
