import { buildRegionDirectory, checkImportGrid, LOCALES, readCell, sheetCell, siteSheetColumns, siteSheetRow, SiteKindRegistry, type ReadWorkbook, type RegionUnit } from '@sitenet/domain';
import { buildSiteSchemas } from '@sitenet/domain/schemas';
import { siteOfKind } from '@sitenet/domain/testing';
import { describe, expect, it } from 'vitest';
import { installedKinds } from './index.js';

/*
 * Every installed kind's valid example, written as a row of its own sheet (the export's cells,
 * headers in either language), imports with no error: a new kind needs no edit of the import.
 */

const units: RegionUnit[] = [
  { code: '220000', name: '吉林省', level: 1, type: 'province', parentCode: null, provinceCode: '220000', prefectureCode: null, countyCode: null, centroid: { lat: 43.7, lng: 126.2 } },
  { code: '220100', name: '长春市', level: 2, type: 'prefecture-city', parentCode: '220000', provinceCode: '220000', prefectureCode: null, countyCode: null, centroid: { lat: 43.9, lng: 125.3 } },
  { code: '220102', name: '南关区', level: 3, type: 'district', parentCode: '220100', provinceCode: '220000', prefectureCode: '220100', countyCode: null, centroid: { lat: 43.72281, lng: 125.40518 } },
];
const regions = buildRegionDirectory(units);
const path = units.map(({ code, name, level }) => ({ code, name, level }));
const createSchema = buildSiteSchemas(new SiteKindRegistry([...installedKinds])).create;

describe.each(installedKinds.map((kind) => [kind.code, kind] as const))('importing the valid example of %s', (_code, kind) => {
  const columns = siteSheetColumns(kind);
  // The factory's 13800000000 is a placeholder the phone rule refuses.
  const site = siteOfKind(kind, { contact: { person: '李某', phone: '13912345678' } });

  it.each([
    ['zh-CN', 'xlsx'],
    ['en', 'xlsx'],
    ['zh-CN', 'csv'],
  ] as const)('checks with no issue from a sheet with %s headers (%s)', async (locale, format) => {
    const row = siteSheetRow(site, columns, { locale, kindOf: (code) => installedKinds.find((candidate) => candidate.code === code), regionPath: () => path });
    // A CSV holds text only; the export writes a code's run of 7+ digits as ="…" so that Excel keeps it.
    const csvText = (cell: unknown) => (cell === null ? null : /\d{7,}/.test(String(cell)) && typeof cell === 'string' ? `="${cell}"` : String(cell));
    const cells = row.map((cell) => (cell instanceof Date ? cell.toISOString() : cell)).map((cell) => (format === 'csv' ? csvText(cell) : cell));
    const workbook: ReadWorkbook = {
      format,
      encoding: format === 'csv' ? 'utf-8' : null,
      sheets: [{ name: kind.labels[locale], rows: [columns.map((column) => column.header[locale]), cells], date1904: false, hiddenRows: [] }],
      hiddenSheets: [],
      templateKind: null,
    };
    const result = await checkImportGrid(workbook, { kind, createSchema, regions, scope: { kind: 'unit', column: 'countyCode', code: '220102' }, installedKinds });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.columns.unknown).toEqual([]);
    expect(result.rows).toHaveLength(1);
    const [checked] = result.rows;
    expect(checked.issues).toEqual([]);
    expect(checked.siteId).toBe(site.id);
    expect(checked.body).toMatchObject({ kind: kind.code, name: site.name, regionCode: '220102', location: { lat: site.location.lat, lng: site.location.lng, system: 'wgs84' } });
    expect(checked.body!.attributes).toEqual(site.attributes);
  });

  it.each(LOCALES)('reads back every option of its choice columns as an export writes them in %s', (locale) => {
    for (const column of columns.filter((candidate) => candidate.type === 'choice' || candidate.type === 'multi-choice')) {
      const values = (column.options ?? []).map((option) => option.value);
      const written = column.type === 'choice' ? values.map((value) => sheetCell(column, value, locale)) : [sheetCell(column, values, locale)];
      const read = written.map((cell) => readCell(cell instanceof Date ? cell.toISOString() : cell, column, { date1904: false }));
      expect(read.map((result) => (result.kind === 'value' ? result.value : result)), column.key).toEqual(column.type === 'choice' ? values : [values]);
    }
  });

  it.each([
    ['its marker', kind.code],
    ['its headers alone', null],
  ])('is refused under every other kind as the wrong template, by %s', async (_by, templateKind) => {
    for (const other of installedKinds.filter((candidate) => candidate.code !== kind.code)) {
      const workbook: ReadWorkbook = { format: 'xlsx', encoding: null, sheets: [{ name: 'Sheet1', rows: [columns.map((column) => column.header['zh-CN'])], date1904: false, hiddenRows: [] }], hiddenSheets: [], templateKind };
      const result = await checkImportGrid(workbook, { kind: other, createSchema, regions, scope: { kind: 'national' }, installedKinds });
      expect(result.ok ? 'accepted' : result.failure, `${kind.code} under ${other.code}`).toEqual({
        code: 'file.wrong_kind',
        messages: { 'zh-CN': `这是“${kind.labels['zh-CN']}”的模板，请在该类型下导入`, en: `This is the “${kind.labels.en}” template: import it under that kind` },
      });
    }
  });
});
