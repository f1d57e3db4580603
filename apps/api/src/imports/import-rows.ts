import type { CheckedRow, ImportCounts, ImportIssue } from '@sitenet/domain';
import { ImportRowEntity } from './import-row.entity.js';
import { NO_COUNTS } from './import-job.mapper.js';
import type { MatchedRow } from './import-match.js';

/**
 * A check's result as stored: each checked row (with what matching the database found) as an
 * import_row, written in batches of one JSON parameter, and the job's counts from them.
 */

/** One statement per batch, one parameter: the rows as a JSON array. */
export const INSERT_ROWS = `INSERT INTO import_row (job_id, row, sheet_row, action, body, issues, summary, site_id, site_version, centroid_location)
  SELECT $1, x.row, x.sheet_row, x.action, x.body, x.issues, x.summary, x.site_id, x.site_version, x.centroid_location
    FROM jsonb_to_recordset($2::jsonb) AS x(row integer, sheet_row integer, action varchar, body jsonb, issues jsonb, summary jsonb, site_id uuid, site_version integer, centroid_location boolean)`;

export function rowRecord(row: ImportRowEntity): Record<string, unknown> {
  return {
    row: row.row,
    sheet_row: row.sheetRow,
    action: row.action,
    body: row.body,
    issues: row.issues,
    summary: row.summary,
    site_id: row.siteId,
    site_version: row.siteVersion,
    centroid_location: row.centroidLocation,
  };
}

export function rowEntity(jobId: string, row: CheckedRow, match: MatchedRow | undefined): ImportRowEntity {
  const issues: ImportIssue[] = match?.issues ?? row.issues;
  const hasError = issues.some((issue) => issue.severity === 'error');
  const action = hasError ? 'error' : (match?.action ?? 'create');
  return Object.assign(new ImportRowEntity(), {
    jobId,
    row: row.row,
    sheetRow: row.sheetRow,
    action,
    body: action === 'error' ? null : row.body,
    issues,
    summary: row.summary,
    siteId: match?.siteId ?? null,
    siteVersion: match?.siteVersion ?? null,
    centroidLocation: row.centroidLocation,
  });
}

export function countsOf(rows: ImportRowEntity[], fileIssues: ImportIssue[]): ImportCounts {
  const counts = { ...NO_COUNTS, rows: rows.length };
  for (const row of rows) {
    if (row.action === 'error') counts.errors += 1;
    else if (row.action === 'create') counts.create += 1;
    else if (row.action === 'change-request') counts.changeRequests += 1;
    else if (row.action === 'update-draft') counts.updateDrafts += 1;
    else if (row.action === 'unchanged') counts.unchanged += 1;
    else if (row.action === 'skip') counts.skipped += 1;
    counts.warnings += row.issues.filter((issue) => issue.severity === 'warning').length;
  }
  counts.errors += fileIssues.filter((issue) => issue.severity === 'error').length;
  counts.warnings += fileIssues.filter((issue) => issue.severity === 'warning').length;
  return counts;
}
