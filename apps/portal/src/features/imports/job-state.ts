import type { ImportJob, ImportJobStatus } from '@sitenet/domain';

/** Statuses in which the job is still working: the page polls it. */
export const RUNNING_STATUSES: readonly ImportJobStatus[] = ['queued', 'checking', 'committing'];

export function isRunning(job: Pick<ImportJob, 'status'> | null | undefined): boolean {
  return !!job && RUNNING_STATUSES.includes(job.status);
}

/** How often a running job is asked for again (GET /api/imports/:id). */
export const POLL_MS = 1_000;

/** Which quarter of its phase a job has done (0–4): the progress is said aloud at each new one. */
export function quarterOf(progress: ImportJob['progress']): number {
  if (progress.total <= 0) return 0;
  return Math.min(4, Math.floor((progress.done / progress.total) * 4));
}

/** Rows the commit would write: new sites, change requests and draft updates. */
export function rowsToCommit(counts: ImportJob['counts']): number {
  return counts.create + counts.changeRequests + counts.updateDrafts;
}

/** A job can be committed: checked, no error row, and something to write. */
export function commitBlocker(job: ImportJob): 'errors' | 'nothing' | 'status' | null {
  if (job.status !== 'checked') return 'status';
  if (job.counts.errors > 0) return 'errors';
  if (rowsToCommit(job.counts) === 0) return 'nothing';
  return null;
}

/** The extensions the upload accepts (the `accept` of the file input and the client check). */
export const ACCEPTED_EXTENSIONS = ['.xlsx', '.xls', '.csv'] as const;

export function hasAcceptedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
