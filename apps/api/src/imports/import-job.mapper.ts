import type { ImportColumnReport, ImportCounts, ImportIssue, ImportJob, ImportRow } from '@sitenet/domain';
import type { ImportJobEntity } from './import-job.entity.js';
import type { ImportRowEntity } from './import-row.entity.js';

/** The counts of a job nothing was checked of yet. */
export const NO_COUNTS: ImportCounts = { rows: 0, errors: 0, warnings: 0, create: 0, changeRequests: 0, updateDrafts: 0, unchanged: 0, skipped: 0 };

/**
 * The column report as stored (import_job.columns): the report of the check plus the file's own
 * issues (row 0), which have no import_row of their own.
 */
export type StoredColumns = ImportColumnReport & { fileIssues: ImportIssue[] | undefined };

export function storedColumns(columns: ImportColumnReport | null, fileIssues: ImportIssue[]): StoredColumns | null {
  if (!columns) return null;
  return { ...columns, fileIssues };
}

/** The job as the API answers it: never the entity (the runner, heartbeat and checksum stay inside). */
export function toImportJob(entity: ImportJobEntity): ImportJob {
  const stored = entity.columns as StoredColumns | null;
  return {
    id: entity.id,
    kind: entity.kind,
    fileName: entity.fileName,
    format: entity.format,
    encoding: entity.encoding,
    sizeBytes: entity.sizeBytes,
    status: entity.status,
    progress: entity.progress,
    counts: entity.counts,
    columns: stored ? { sheet: stored.sheet, headerRow: stored.headerRow, matched: stored.matched, unknown: stored.unknown, ignored: stored.ignored } : null,
    fileIssues: stored?.fileIssues ?? [],
    failure: entity.failure,
    interrupted: entity.interruptedAt !== null,
    options: entity.options,
    createdAt: entity.createdAt.toISOString(),
    checkedAt: entity.checkedAt?.toISOString() ?? null,
    committedAt: entity.committedAt?.toISOString() ?? null,
    expiresAt: entity.expiresAt.toISOString(),
  };
}

export function toImportRow(entity: ImportRowEntity): ImportRow {
  return { row: entity.row, sheetRow: entity.sheetRow, action: entity.action, siteId: entity.siteId, issues: entity.issues, summary: entity.summary };
}
