import type { Locale } from '@sitenet/domain';
import type { CsvEncodingCode, ExportFormatCode } from '@sitenet/domain/schemas';
import { apiDownload } from '#/api/call';
import type { DownloadedFile, RequestOptions } from '#/api/client';
import { filtersToListParams, type SiteFilters } from '#/features/sites/query';

/** The files a site list can be exported as: the choice of the export control. */
export const EXPORT_CHOICES = ['xlsx', 'csv-utf-8', 'csv-gb18030'] as const;
export type ExportChoice = (typeof EXPORT_CHOICES)[number];

const CHOICE_QUERY: Record<ExportChoice, { format: ExportFormatCode; encoding?: CsvEncodingCode }> = {
  xlsx: { format: 'xlsx' },
  'csv-utf-8': { format: 'csv', encoding: 'utf-8' },
  'csv-gb18030': { format: 'csv', encoding: 'gb18030' },
};

/** The extension of a choice's file, for the name used when the answer gives none. */
export function extensionOf(choice: ExportChoice): string {
  return CHOICE_QUERY[choice].format;
}

/**
 * `GET /api/exports/sites`: every site the list's filters match (no paging, the list's order), in
 * the caller's jurisdiction, as the chosen file; headers and labels in `lang`.
 */
export function downloadSiteList(filters: SiteFilters, choice: ExportChoice, lang: Locale, fallbackName: string, options?: RequestOptions): Promise<DownloadedFile> {
  const query = filtersToListParams(filters);
  const { format, encoding } = CHOICE_QUERY[choice];
  query.append('format', format);
  if (encoding) query.append('encoding', encoding);
  query.append('lang', lang);
  return apiDownload('GET /exports/sites', { query }, fallbackName, options);
}

/** `GET /api/exports/coverage`: the coverage report (.xlsx) of a region in the caller's jurisdiction, as of a past day when given. */
export function downloadCoverageReport(region: string, lang: Locale, fallbackName: string, options?: RequestOptions & { asOf?: string }): Promise<DownloadedFile> {
  const { asOf, ...request } = options ?? {};
  return apiDownload('GET /exports/coverage', { query: { region, lang, ...(asOf ? { asOf } : {}) } }, fallbackName, request);
}
