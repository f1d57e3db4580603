import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { coverageMatrixSchema, coverageSchema } from '@sitenet/domain/schemas';
import type { Coverage, CoverageMatrix, CoverageResult } from '@sitenet/domain';
import { writeCoverageReport, type CoverageReportInput } from './coverage-report.js';
import { CollectingSink, FailingSink } from './testing/sinks.js';

const region = { code: '220000', name: '吉林省', level: 1 };

function result(id: string, over: Partial<CoverageResult> & { clause: string; title: string }): CoverageResult {
  const { clause, title, ...rest } = over;
  return {
    targetId: id,
    status: 'on-track',
    actual: 0,
    required: 0,
    threshold: 0,
    progress: 0,
    unit: { 'zh-CN': '个', en: 'sites' },
    description: { 'zh-CN': `${title}的说明`, en: `About ${id}` },
    projection: null,
    tracked: true,
    inherited: false,
    target: {
      id,
      regionCode: '220000',
      kinds: ['auxiliary-workshop'],
      title: { 'zh-CN': title, en: `Target ${id}` },
      strength: 'at-least',
      startsOn: '2025-01-01',
      deadline: '2027-12-31',
      deadlineAssumed: false,
      source: { document: '吉林省促进残疾人就业三年行动实施方案(2025-2027年)', clause, quote: '……' },
      rule: { shape: 'count' },
      note: null,
      retired: false,
      origin: 'seed',
      version: 1,
    },
    ...rest,
  };
}

const COVERAGE: Coverage = coverageSchema.parse({
  region,
  asOf: '2026-12-01T20:00:00.000Z',
  results: [
    result('total', { clause: '二(一)1', title: '全省辅助性就业机构总数', required: 400, actual: 310, threshold: 400, progress: 0.775, status: 'at-risk', projection: { method: 'linear-trend', ratePerMonth: 3.2, projectedAtDeadline: 371.44 } }),
    result('every-county', {
      clause: '二(一)2',
      title: '每个县（市、区）至少一个辅助性就业机构',
      required: 3,
      actual: 1,
      threshold: 3,
      progress: 1 / 3,
      status: 'missed',
      shortfalls: [
        { code: '220104', name: '朝阳区', type: 'district', count: 0, minimum: 1 },
        { code: '220122', name: '农安县', type: 'county', count: 1, minimum: 3 },
      ],
    }),
    result('met', { clause: '二(二)4', title: '每个县级盲人按摩机构 [试点]', required: 2, actual: 3, threshold: 2, progress: 1.5, status: 'met', shortfalls: [] }),
  ],
});

const MATRIX: CoverageMatrix = coverageMatrixSchema.parse({
  region,
  level: 3,
  kinds: ['auxiliary-workshop', 'blind-massage'],
  rows: [
    { code: '220104', name: '朝阳区', type: 'district', statisticalOnly: false, counts: { 'auxiliary-workshop': 0, 'blind-massage': 2 }, total: 2 },
    { code: '220122', name: '农安县', type: 'county', statisticalOnly: false, counts: { 'auxiliary-workshop': 1, 'blind-massage': 0 }, total: 1 },
  ],
});

const INPUT: CoverageReportInput = {
  coverage: COVERAGE,
  matrix: MATRIX,
  regionName: '吉林省',
  generatedAt: new Date('2026-12-01T20:00:00Z'),
  locale: 'zh-CN',
  kindNames: { 'auxiliary-workshop': { 'zh-CN': '辅助性就业机构', en: 'Auxiliary workshop' } },
};

async function report(input: CoverageReportInput = INPUT): Promise<ExcelJS.Workbook> {
  const sink = new CollectingSink();
  await writeCoverageReport(sink, input);
  expect(sink.writableFinished).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(sink.bytes() as unknown as ArrayBuffer);
  return workbook;
}

const values = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);

describe('coverage report', () => {
  it('has a summary sheet, one sheet per target that counts units, and the matrix', async () => {
    const workbook = await report();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '二(一)2 每个县（市、区）至少一个辅助性就业机构'.slice(0, 31), '二(二)4 每个县级盲人按摩机构 _试点_', '区县矩阵']);
    for (const sheet of workbook.worksheets) expect(sheet.name.length).toBeLessThanOrEqual(31);
  });

  it('summary: each target with its clause, required, actual, progress %, status, deadline and projection', async () => {
    const summary = (await report()).getWorksheet('汇总')!;
    expect(values(summary, 1)).toEqual(['目标', '文件', '条款', '强度', '要求', '实际', '进度 (%)', '状态', '截止日期', '按趋势预计到期', '计量单位', '说明']);
    expect(values(summary, 2)).toEqual([
      '全省辅助性就业机构总数',
      '吉林省促进残疾人就业三年行动实施方案(2025-2027年)',
      '二(一)1',
      '至少',
      400,
      310,
      77.5,
      '存在风险',
      new Date('2027-12-31T00:00:00Z'),
      371.4,
      '个',
      '全省辅助性就业机构总数的说明',
    ]);
    expect(summary.getRow(3).getCell(7).value).toBe(33.3);
    expect(summary.getRow(3).getCell(8).value).toBe('未达成');
    expect(summary.getRow(3).getCell(10).value).toBeNull();
    expect(summary.getRow(4).getCell(7).value).toBe(150);
    expect(summary.getRow(4).getCell(8).value).toBe('已达成');
    expect(summary.getRow(2).getCell(9).numFmt).toBe('yyyy-mm-dd');
    expect(summary.rowCount).toBe(4);
  });

  it('target sheets list the units short of the minimum with the gap', async () => {
    const workbook = await report();
    const gaps = workbook.worksheets[1];
    expect(values(gaps, 1)).toEqual(['区划代码', '名称', '类型', '现有', '最低要求', '缺口']);
    expect(values(gaps, 2)).toEqual(['220104', '朝阳区', '市辖区', 0, 1, 1]);
    expect(values(gaps, 3)).toEqual(['220122', '农安县', '县', 1, 3, 2]);
    expect(gaps.getRow(2).getCell(1).numFmt).toBe('@');
    expect(workbook.worksheets[2].getRow(2).getCell(2).value).toBe('无缺口');
    expect(workbook.worksheets[2].rowCount).toBe(2);
  });

  it('matrix: units × kinds with the kinds named, and a total', async () => {
    const matrix = (await report()).getWorksheet('区县矩阵')!;
    expect(values(matrix, 1)).toEqual(['区划代码', '名称', '类型', '辅助性就业机构', 'blind-massage', '合计']);
    expect(values(matrix, 2)).toEqual(['220104', '朝阳区', '市辖区', 0, 2, 2]);
    expect(values(matrix, 3)).toEqual(['220122', '农安县', '县', 1, 0, 1]);
  });

  it('every sheet prints A4 landscape fitted to the width, with the region, title and date', async () => {
    const workbook = await report();
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.headerFooter.oddHeader).toBe('&L吉林省&C覆盖情况报告&R2026-12-02');
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });

  it('in English: sheet names, headers and status words', async () => {
    const workbook = await report({ ...INPUT, locale: 'en' });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', '二(一)2 Target every-county', '二(二)4 Target met', 'Units by kind']);
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getRow(1).getCell(7).value).toBe('Progress (%)');
    expect(summary.getRow(2).getCell(8).value).toBe('At risk');
    expect(summary.getRow(2).getCell(4).value).toBe('At least');
    expect(workbook.worksheets[1].getRow(2).getCell(3).value).toBe('Urban district');
    expect(workbook.getWorksheet('Units by kind')!.getRow(1).getCell(4).value).toBe('Auxiliary workshop');
  });

  it('rejects when the output stream fails', async () => {
    await expect(writeCoverageReport(new FailingSink(100), INPUT)).rejects.toThrow('disk full');
  });
});
