import type { Locale, OutcomeImportResult } from '@sitenet/domain';
import { apiDownload, apiUpload } from '#/api/call';
import type { DownloadedFile, RequestOptions } from '#/api/client';

/** `GET /api/outcome-reports/template`: the period's figures template (.xlsx) for the units of a region, saved figures pre-filled. */
export function downloadOutcomeTemplate(region: string, period: string, lang: Locale, fallbackName: string, options?: RequestOptions): Promise<DownloadedFile> {
  return apiDownload('GET /outcome-reports/template', { query: { region, period, lang } }, fallbackName, options);
}

/** `POST /api/outcome-reports/import`: a filled template; every row saved as a draft, or nothing saved and every problem listed. */
export function importOutcomeFigures(region: string, period: string, file: File, options?: RequestOptions): Promise<OutcomeImportResult> {
  return apiUpload('POST /outcome-reports/import', { query: { region, period } }, file, options);
}

/** `GET /api/outcome-figures/export`: the region's approved figures of the period (.xlsx), per unit and in total. */
export function downloadOutcomeFigures(region: string, period: string, lang: Locale, fallbackName: string, options?: RequestOptions): Promise<DownloadedFile> {
  return apiDownload('GET /outcome-figures/export', { query: { region, period, lang } }, fallbackName, options);
}
