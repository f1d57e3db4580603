import { z } from 'zod';
import { LOCALES, DEFAULT_LOCALE } from '../errors/localized.js';
import { localizedIssue } from '../errors/zod-issues.js';
import { regionCodeSchema } from './regions.js';
import { siteListQuerySchema } from './sites.js';
import { coverageAsOfSchema } from './targets.js';

/** The file formats of a site-list export. */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormatCode = (typeof EXPORT_FORMATS)[number];

/** CSV encodings: UTF-8 (with a BOM, for Excel) or GB18030 for older Excel and WPS that read the system code page. */
export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type CsvEncodingCode = (typeof CSV_ENCODINGS)[number];

/** What one export may hold (stated in the README and in the error that refuses more). */
export const EXPORT_LIMITS = { maxSites: 200_000 } as const;

const exportLang = z.enum(LOCALES).default(DEFAULT_LOCALE).meta({ description: 'The language of the headers, choice labels and yes/no cells' });

/**
 * `GET /api/exports/sites`: the site list's filters (as `GET /api/sites`, without paging: every
 * matching site, in the caller's jurisdiction) and the file wanted.
 */
export const siteExportQuerySchema = siteListQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({
    format: z.enum(EXPORT_FORMATS).default('xlsx').meta({ description: 'xlsx: one sheet per kind; csv: one table with a kind column and the union of the kinds’ columns' }),
    encoding: z.enum(CSV_ENCODINGS).default('utf-8').meta({ description: 'CSV only: utf-8 (with a BOM) or gb18030 for older Excel' }),
    lang: exportLang,
  })
  .refine((query) => query.format === 'csv' || query.encoding === 'utf-8', {
    ...localizedIssue({ 'zh-CN': '编码只适用于 CSV 文件：xlsx 文件不需要指定编码', en: 'The encoding applies to CSV files only: an xlsx file takes none' }),
    path: ['encoding'],
  });
export type SiteExportQuery = z.output<typeof siteExportQuerySchema>;

/** `GET /api/exports/coverage`: the coverage report of a region (default: the caller's unit). */
export const coverageReportQuerySchema = z.strictObject({
  region: regionCodeSchema.optional().meta({ description: 'A unit in the caller’s jurisdiction (default: the caller’s own unit)' }),
  lang: exportLang,
  asOf: coverageAsOfSchema.optional().meta({ description: 'The report as things stood at the end of that day (China), like GET /api/coverage?asOf=; default today' }),
});
export type CoverageReportQuery = z.output<typeof coverageReportQuerySchema>;
