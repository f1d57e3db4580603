import type { ImportJob, ImportJobList, ImportRowPage, Locale } from '@sitenet/domain';
import type { ImportCommitBody, ImportRowsQuery } from '@sitenet/domain/schemas';
import { apiCall, apiCommand, apiDownload, apiUpload } from '#/api/call';
import type { DownloadedFile, RequestOptions } from '#/api/client';

/** The import endpoints (docs/design/spreadsheets.md §3), typed by the domain's import schemas. */

/** `GET /api/import/templates/:kind`: the template of a kind, or of every kind (`all`), headers in `lang`. */
export function downloadTemplate(kind: string, lang: Locale, fallbackName: string, options?: RequestOptions): Promise<DownloadedFile> {
  return apiDownload('GET /import/templates/:kind', { params: { kind }, query: { lang } }, fallbackName, options);
}

/** `POST /api/imports/:kind`: the file (multipart, field `file`); 202 with the queued job. */
export function uploadImport(kind: string, file: File, options?: RequestOptions): Promise<ImportJob> {
  return apiUpload('POST /imports/:kind', { params: { kind } }, file, options);
}

/** `GET /api/imports?kind=`: the caller's own jobs, newest first. */
export function listImports(kind: string | null, options?: RequestOptions): Promise<ImportJobList> {
  return apiCall('GET /imports', { query: kind ? { kind } : {} }, options);
}

export function fetchImport(id: string, options?: RequestOptions): Promise<ImportJob> {
  return apiCall('GET /imports/:id', { params: { id } }, options);
}

/** The filters of the row table (a page of the checked rows). */
export type ImportRowFilters = Partial<Pick<ImportRowsQuery, 'action' | 'column' | 'code' | 'issues'>> & { page: number; pageSize: number };

export function fetchImportRows(id: string, filters: ImportRowFilters, options?: RequestOptions): Promise<ImportRowPage> {
  return apiCall('GET /imports/:id/rows', { params: { id }, query: filters }, options);
}

/** `GET /api/imports/:id/annotated`: the uploaded file with an error column, to fix in Excel and upload again. */
export function downloadAnnotated(id: string, lang: Locale, fallbackName: string, options?: RequestOptions): Promise<DownloadedFile> {
  return apiDownload('GET /imports/:id/annotated', { params: { id }, query: { lang } }, fallbackName, options);
}

export function commitImport(id: string, body: ImportCommitBody): Promise<ImportJob> {
  return apiCall('POST /imports/:id/commit', { params: { id }, body });
}

/** `DELETE /api/imports/:id`: discards the job and its file. */
export function discardImport(id: string): Promise<void> {
  return apiCommand('DELETE /imports/:id', { params: { id } });
}
