import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../errors/zod-issues.js';
import { coverageReportQuerySchema, EXPORT_LIMITS, siteExportQuerySchema } from './exports.js';

describe('the export query schemas', () => {
  it('take the site list filters without paging, xlsx in Chinese by default', () => {
    expect(siteExportQuerySchema.parse({ kind: 'blind-massage', status: ['approved', 'draft'], region: '220102' })).toEqual({
      kind: ['blind-massage'],
      status: ['approved', 'draft'],
      region: '220102',
      sort: '-updatedAt',
      format: 'xlsx',
      encoding: 'utf-8',
      lang: 'zh-CN',
    });
    expect(siteExportQuerySchema.safeParse({ page: '2' }).success).toBe(false);
    expect(siteExportQuerySchema.safeParse({ pageSize: '20' }).success).toBe(false);
  });

  it('take a CSV encoding only with csv, and refuse unknown formats, encodings and languages', () => {
    expect(siteExportQuerySchema.parse({ format: 'csv', encoding: 'gb18030', lang: 'en' })).toMatchObject({ format: 'csv', encoding: 'gb18030', lang: 'en' });
    const mixed = siteExportQuerySchema.safeParse({ format: 'xlsx', encoding: 'gb18030' });
    expect(toFieldIssues(mixed.error!.issues, 'zh-CN')).toMatchObject([{ path: 'encoding', message: expect.stringContaining('编码只适用于 CSV') }]);
    for (const query of [{ format: 'xls' }, { format: 'csv', encoding: 'gbk' }, { lang: 'fr' }]) expect(siteExportQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
  });

  it('take the coverage report region as a division code, defaulting to the caller’s unit (absent)', () => {
    expect(coverageReportQuerySchema.parse({})).toEqual({ lang: 'zh-CN' });
    expect(coverageReportQuerySchema.parse({ region: '220100', lang: 'en' })).toEqual({ region: '220100', lang: 'en' });
    expect(coverageReportQuerySchema.safeParse({ region: '22' }).success).toBe(false);
    expect(coverageReportQuerySchema.safeParse({ region: '220100', format: 'csv' }).success).toBe(false);
  });

  it('state the export limit', () => {
    expect(EXPORT_LIMITS.maxSites).toBe(200_000);
  });
});
