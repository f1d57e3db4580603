import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { indicatorFixtures } from '@sitenet/domain/testing';
import type { OutcomeFigures } from '@sitenet/domain';
import { writeOutcomeFigures } from './figures-export.js';

async function written(figures: OutcomeFigures, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<ExcelJS.Worksheet> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeOutcomeFigures(out, { figures, indicators: indicatorFixtures(), regionName: '长春市', generatedAt: new Date('2026-02-01T00:00:00Z'), locale });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

const unitFigures = (numerator: number, denominator: number) => ({ 'employment-rate': { value: Math.round((numerator / denominator) * 1000) / 10, numerator, denominator, units: 1 } });

describe('outcome figures export', () => {
  it('writes each unit with its status and approved figures, then the totals with the rate as Σnumerators/Σdenominators', async () => {
    const sheet = await written({
      region: { code: '220100', name: '长春市', level: 2 },
      period: '2025',
      asOf: '2026-02-01',
      totals: { 'employment-rate': { value: 37.5, numerator: 30, denominator: 80, units: 2 } },
      units: [
        { code: '220102', name: '南关区', status: 'approved', figures: unitFigures(10, 20) },
        { code: '220103', name: '宽城区', status: 'approved', figures: unitFigures(20, 60) },
        { code: '220104', name: '朝阳区', status: 'submitted', figures: {} },
      ],
    });
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    expect(rows[0]).toEqual(['区划代码', '单位名称', '填报状态', '持证残疾人就业率：分子（已就业人数）', '持证残疾人就业率：分母（就业年龄段人数）', '持证残疾人就业率（%）']);
    expect(rows[1]).toEqual(['220102', '南关区', '已审核', 10, 20, 50]);
    expect(rows[2]).toEqual(['220103', '宽城区', '已审核', 20, 60, 33.3]);
    expect(rows[3]).toEqual(['220104', '朝阳区', '待审核']);
    // 30 / 80 = 37.5 %, not the mean of 50 and 33.3.
    expect(rows[4]).toEqual(['220100', '长春市 合计', undefined, 30, 80, 37.5]);
    expect(String(rows[5][0])).toContain('截至 2026-02-01');
  });

  it('writes counts with their breakdowns, in English', async () => {
    const sheet = await written(
      {
        region: { code: '220100', name: 'Changchun', level: 2 },
        period: '2025-Q1',
        asOf: '2025-05-01',
        totals: { 'new-employment': { value: 7, by: { residence: { urban: 4 } }, units: 1 }, training: { value: 0, units: 0 } },
        units: [{ code: '220102', name: 'Nanguan', status: 'approved', figures: { 'new-employment': { value: 7, by: { residence: { urban: 4 } }, units: 1 } } }],
      },
      'en',
    );
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['Division code', 'Reporting unit', 'Report status', 'New employment of disabled people (persons)', 'New employment of disabled people: of which Urban (persons)']);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['220102', 'Nanguan', 'Approved', 7, 4]);
    // No unit reported training: its total is empty, not 0.
    expect(sheet.getRow(3).getCell(header.indexOf('Vocational training (person-times)') + 1).value).toBeNull();
  });
});
