import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import {
  type ImportCommitOptions,
  type ImportIssue,
  type ImportJob,
  type ImportRowPage,
  type ImportRowsQuery,
  type Locale,
  type SiteKindRegistry,
} from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { writeAnnotated, writeTemplate } from '@sitenet/spreadsheets';
import type { Actor } from '../common/actor.js';
import { ApiException, NotFoundApiException } from '../common/api-exception.js';
import { SITE_KIND_REGISTRY } from '../kinds/kinds.tokens.js';
import { ImportJobEntity } from './import-job.entity.js';
import { ImportRowEntity } from './import-row.entity.js';
import { ImportUploadEntity } from './import-upload.entity.js';
import { NO_COUNTS, toImportJob, toImportRow, type StoredColumns } from './import-job.mapper.js';
import { ImportRunner } from './import-runner.js';
import { readUpload, type UploadedFile } from './upload.js';

const DAY_MS = 86_400_000;
const OPEN_STATUSES = ['queued', 'checking', 'checked', 'committing'] as const;
/** The jobs a list shows (the newest). */
const LIST_LIMIT = 50;
/** A template's county drop-down lists the caller's counties up to this many. */
const MAX_TEMPLATE_COUNTIES = 300;

function notFound(id: string): NotFoundApiException {
  return new NotFoundApiException('import.not_found', { 'zh-CN': `没有编号为 ${id} 的导入，或它不是您的。`, en: `There is no import ${id} of yours.` });
}

function conflict(code: string, zh: string, en: string): ApiException {
  return new ApiException(409, code, { 'zh-CN': zh, en });
}

/** An annotated file ready to send. */
export interface AnnotatedFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * Import jobs as their owner sees them: the upload (job and file in one transaction), the list,
 * one job, its checked rows, the file with an error column, the commit request and the discard.
 * An account sees only its own jobs; another's is a 404 (as a site outside the jurisdiction).
 */
@Injectable()
export class ImportJobsService {
  /** Uploads being read, per account (this instance). */
  private readonly reading = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SITE_KIND_REGISTRY) private readonly kinds: SiteKindRegistry,
    private readonly runner: ImportRunner,
  ) {}

  /** Refuses a kind that is not installed (400), before any byte is read. */
  kindOrThrow(code: string): void {
    if (this.kinds.get(code)) return;
    const messages = {
      'zh-CN': `未知的网点类型：${code}；可用的类型：${this.kinds.codes.join('、')}`,
      en: `Unknown site kind: ${code}; the kinds are: ${this.kinds.codes.join(', ')}`,
    };
    throw new ApiException(400, 'import.unknown_kind', messages, [{ path: 'params.kind', code: 'import.unknown_kind', messages }]);
  }

  async upload(kind: string, actor: Actor, request: Request, lang: Locale): Promise<ImportJob> {
    this.kindOrThrow(kind);
    // Uploads still being read count too: else one account's many at once each hold 20 MB in memory before the count refuses them.
    // Counted before the first await, so that uploads arriving together each see the others.
    const before = this.reading.get(actor.id) ?? 0;
    this.reading.set(actor.id, before + 1);
    let file: UploadedFile;
    try {
      await this.refuseTooManyOpen(this.dataSource, actor.id, before);
      file = await readUpload(request);
    } finally {
      const left = (this.reading.get(actor.id) ?? 1) - 1;
      if (left > 0) this.reading.set(actor.id, left);
      else this.reading.delete(actor.id);
    }
    const now = new Date();
    const job = Object.assign(new ImportJobEntity(), {
      id: randomUUID(),
      kind,
      createdBy: actor.id,
      unitCode: actor.regionCode,
      fileName: file.fileName,
      format: null,
      encoding: null,
      sizeBytes: file.bytes.length,
      sha256: file.sha256,
      status: 'queued' as const,
      progress: { phase: 'reading' as const, done: 0, total: 0 },
      counts: NO_COUNTS,
      columns: null,
      failure: null,
      options: null,
      lang,
      runner: null,
      heartbeatAt: null,
      interruptedAt: null,
      createdAt: now,
      checkedAt: null,
      committedAt: null,
      expiresAt: new Date(now.getTime() + IMPORT_LIMITS.keepDaysOpen * DAY_MS),
    });
    await this.dataSource.transaction(async (manager) => {
      // One account's uploads one at a time, so two at once cannot both pass the count.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import-upload:${actor.id}`]);
      await this.refuseTooManyOpen(manager, actor.id);
      await manager.getRepository(ImportJobEntity).insert(job);
      await manager.getRepository(ImportUploadEntity).insert({ jobId: job.id, bytes: file.bytes });
    });
    this.runner.wake();
    return toImportJob(job);
  }

  private async refuseTooManyOpen(runner: Pick<DataSource, 'query'>, accountId: string, reading = 0): Promise<void> {
    const rows = await runner.query<{ open: number }[]>(`SELECT count(*)::int AS open FROM import_job WHERE created_by = $1 AND status = ANY($2)`, [accountId, [...OPEN_STATUSES]]);
    if (Number(rows[0]?.open ?? 0) + reading < IMPORT_LIMITS.maxOpenJobsPerAccount) return;
    const max = IMPORT_LIMITS.maxOpenJobsPerAccount;
    throw new ApiException(429, 'import.too_many_open', {
      'zh-CN': `您已有 ${max} 个未完成的导入：请先提交或放弃其中一个，再上传新文件。`,
      en: `You have ${max} unfinished imports: commit or discard one of them before uploading another file.`,
    });
  }

  async list(actor: Actor, kind: string | undefined): Promise<ImportJob[]> {
    const jobs = await this.dataSource.getRepository(ImportJobEntity).find({
      where: { createdBy: actor.id, ...(kind ? { kind } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: LIST_LIMIT,
    });
    return jobs.map((job) => this.withProgress(toImportJob(job)));
  }

  async get(id: string, actor: Actor): Promise<ImportJob> {
    return this.withProgress(toImportJob(await this.own(id, actor)));
  }

  /** A commit under way on this instance: its progress (statement i of n) comes from the runner. */
  private withProgress(job: ImportJob): ImportJob {
    const progress = job.status === 'committing' ? this.runner.commitProgress(job.id) : undefined;
    return progress ? { ...job, progress: { phase: 'committing', ...progress } } : job;
  }

  private async own(id: string, actor: Actor): Promise<ImportJobEntity> {
    const job = await this.dataSource.getRepository(ImportJobEntity).findOneBy({ id });
    if (!job || job.createdBy !== actor.id) throw notFound(id);
    return job;
  }

  async rows(id: string, actor: Actor, query: ImportRowsQuery): Promise<ImportRowPage> {
    await this.own(id, actor);
    const builder = this.dataSource.getRepository(ImportRowEntity).createQueryBuilder('r').where('r.jobId = :id', { id });
    if (query.action) builder.andWhere('r.action = :action', { action: query.action });
    if (query.column) builder.andWhere('r.issues @> CAST(:column AS jsonb)', { column: JSON.stringify([{ column: query.column }]) });
    if (query.code) builder.andWhere('r.issues @> CAST(:code AS jsonb)', { code: JSON.stringify([{ code: query.code }]) });
    if (query.issues === 'any') builder.andWhere(`r.issues <> '[]'::jsonb`);
    if (query.issues === 'errors') builder.andWhere(`r.issues @> '[{"severity":"error"}]'::jsonb`);
    const [rows, total] = await builder
      .orderBy('r.row', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toImportRow), total, page: query.page, pageSize: query.pageSize };
  }

  /** The uploaded file with an error column (and the faulty cells marked), in `lang`. */
  async annotated(id: string, actor: Actor, lang: Locale): Promise<AnnotatedFile> {
    const job = await this.own(id, actor);
    const columns = job.columns as StoredColumns | null;
    if (!columns || !job.format || job.status === 'discarded') {
      throw conflict(
        'import.not_checked',
        '这个导入还没有检查完（或已放弃、文件无法读取），没有可标注的文件。',
        'This import has not been checked (or was discarded, or its file could not be read): there is no file to annotate.',
      );
    }
    const upload = await this.dataSource.getRepository(ImportUploadEntity).findOneBy({ jobId: id });
    if (!upload) throw conflict('import.file_gone', '这个导入的文件已删除。', 'The file of this import has been deleted.');
    const rows = await this.dataSource.query<{ sheet_row: number; issues: ImportIssue[] }[]>(`SELECT sheet_row, issues FROM import_row WHERE job_id = $1 AND issues <> '[]'::jsonb ORDER BY row`, [id]);
    // A file refused for its columns (its header was read): the refusal is what the clerk must fix.
    const refusal: ImportIssue[] = job.status === 'failed' && job.failure ? [{ row: 0, cell: null, column: null, code: job.failure.code, messages: job.failure.messages, value: null, severity: 'error' }] : [];
    const issues = [...refusal, ...(columns.fileIssues ?? []), ...rows.flatMap((row) => row.issues.map((issue) => ({ ...issue, sheetRow: row.sheet_row })))];
    const file = await writeAnnotated(upload.bytes, { format: job.format, encoding: job.encoding, sheet: columns.sheet, headerRow: columns.headerRow }, issues, lang);
    const base = job.fileName.replace(/\.[^.]*$/, '') || 'import';
    const suffix = lang === 'en' ? 'annotated' : '错误标注';
    return { bytes: file.bytes, contentType: file.contentType, fileName: `${base}-${suffix}.${file.extension}` };
  }

  /** Asks for the commit: a checked job without errors goes to `committing` with its options; the runner writes it. */
  async commit(id: string, actor: Actor, options: ImportCommitOptions): Promise<ImportJob> {
    const job = await this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(ImportJobEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found || found.createdBy !== actor.id) throw notFound(id);
      if (found.status !== 'checked') {
        throw conflict(
          'import.not_committable',
          `这个导入现在是“${found.status}”状态，不能提交：只有检查完毕的导入才能提交。`,
          `This import is ${found.status} and cannot be committed: only a checked import can.`,
        );
      }
      if (found.counts.errors > 0) {
        throw conflict(
          'import.has_errors',
          `还有 ${found.counts.errors} 处错误：请下载带错误说明的文件，改正后重新上传。`,
          `${found.counts.errors} error(s) remain: download the file with the error column, correct it and upload it again.`,
        );
      }
      Object.assign(found, { status: 'committing', options, runner: this.runner.id, heartbeatAt: new Date(), failure: null, interruptedAt: null, progress: { phase: 'committing', done: 0, total: found.counts.rows } });
      await manager.getRepository(ImportJobEntity).save(found);
      return found;
    });
    this.runner.wake();
    return toImportJob(job);
  }

  /** Discards a job: its file and rows go at once, the job stays listed (discarded) until it expires. A commit under way or done: 409. */
  async discard(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const job = await manager.getRepository(ImportJobEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!job || job.createdBy !== actor.id) throw notFound(id);
      if (job.status === 'committing') throw conflict('import.committing', '这个导入正在写入，不能放弃：请等它完成。', 'This import is being committed and cannot be discarded: wait until it ends.');
      // Its sites are saved: shown as discarded, the clerk would take it that nothing was imported.
      if (job.status === 'committed') throw conflict('import.committed', '这个导入已经提交，网点已保存，不能放弃。', 'This import has been committed and its sites are saved: it cannot be discarded.');
      if (job.status !== 'discarded') {
        await manager.query(
          `UPDATE import_job SET status = 'discarded', runner = NULL, heartbeat_at = NULL, expires_at = $2 WHERE id = $1`,
          [id, new Date(Date.now() + IMPORT_LIMITS.keepDaysFinished * DAY_MS)],
        );
      }
      await manager.query(`DELETE FROM import_upload WHERE job_id = $1`, [id]);
      await manager.query(`DELETE FROM import_row WHERE job_id = $1`, [id]);
    });
  }

  /**
   * The import template of one kind, or of every installed kind (`all`), in `lang`; its county
   * column offers the counties of the caller's jurisdiction when there are at most 300.
   */
  async template(kind: string, actor: Actor, lang: Locale): Promise<AnnotatedFile> {
    if (kind !== 'all') this.kindOrThrow(kind);
    const kinds = kind === 'all' ? this.kinds.all : [this.kinds.get(kind)!];
    const counties = await this.countiesOf(actor);
    const bytes = await writeTemplate(kinds, { lang, ...(counties ? { counties } : {}) });
    const label = kind === 'all' ? (lang === 'en' ? 'all kinds' : '全部类型') : kinds[0].labels[lang];
    const prefix = lang === 'en' ? 'Site import template' : '网点导入模板';
    return { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${prefix}-${label}.xlsx` };
  }

  private async countiesOf(actor: Actor): Promise<string[] | undefined> {
    const COLUMNS = { provinceCode: 'province_code', prefectureCode: 'prefecture_code', countyCode: 'county_code' } as const;
    if (actor.scope.kind !== 'unit') return undefined;
    const column = COLUMNS[actor.scope.column];
    if (!column) return undefined;
    const rows = await this.dataSource.query<{ name: string }[]>(
      `SELECT name FROM region WHERE level = 3 AND (code = $1 OR ${column} = $1) ORDER BY code LIMIT ${MAX_TEMPLATE_COUNTIES + 1}`,
      [actor.scope.code],
    );
    return rows.length && rows.length <= MAX_TEMPLATE_COUNTIES ? rows.map((row) => row.name) : undefined;
  }
}
