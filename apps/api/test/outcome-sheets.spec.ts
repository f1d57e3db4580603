import ExcelJS from 'exceljs';
import type request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutcomeIndicatorView, OutcomeReport } from '@sitenet/domain';
import { IMPORT_LIMITS, apiErrorSchema, indicatorListSchema, outcomeImportResultSchema, reportHistorySchema, reportSchema } from '@sitenet/domain/schemas';
import { xlsxFixture, zipBombFixture } from '@sitenet/spreadsheets/testing';
import { OutcomeClock } from '../src/outcomes/outcome-clock.js';
import { completeValues, reportUrl } from './factories/outcomes.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';

const t = useTestApp();
const nanguan = useSignedIn(t, { role: 'district', regionCode: '220102', displayName: '南关区工作人员' });
const chaoyang = useSignedIn(t, { role: 'district', regionCode: '220104', displayName: '朝阳区工作人员' });
const changchun = useSignedIn(t, { role: 'prefecture', regionCode: '220100', displayName: '长春市审核员' });
const beijing = useSignedIn(t, { role: 'province', regionCode: '110000' });
// Yearly rates: Qingdao's plan sets the certified-employment rate, so its units report it (a Jilin county does not).
const shinan = useSignedIn(t, { role: 'district', regionCode: '370202', displayName: '市南区工作人员' });
const shibei = useSignedIn(t, { role: 'district', regionCode: '370203', displayName: '市北区工作人员' });
const qingdao = useSignedIn(t, { role: 'prefecture', regionCode: '370200', displayName: '青岛市审核员' });

/** 20 May 2025 in China: 2025-Q1 and the year 2024 are reportable. */
const TODAY = new Date('2025-05-20T02:00:00Z');
let indicators: OutcomeIndicatorView[] = [];
beforeAll(async () => {
  t.app.get(OutcomeClock).set(TODAY);
  indicators = indicatorListSchema.parse((await nanguan.http.get('/api/outcome-indicators').expect(200)).body).items;
});
beforeEach(() => {
  t.app.get(OutcomeClock).set(TODAY);
});

function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

async function download(who: SignedIn, path: string, query: Record<string, string>): Promise<Buffer> {
  const res = await binary(who.http.get(path).query(query));
  expect(res.status, String(res.body)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.body as Buffer;
}

/** The data sheet of a template: its header row number and the column of each header. */
async function opened(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === '区划代码') headerRow = n;
  });
  const headers = (sheet.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  const rowOf = (code: string) => {
    for (let n = headerRow + 1; n <= sheet.rowCount; n++) if (sheet.getRow(n).getCell(1).value === code) return sheet.getRow(n);
    throw new Error(`no row ${code}`);
  };
  const col = (header: string) => {
    const index = headers.indexOf(header);
    if (index < 1) throw new Error(`no column ${header}`);
    return index;
  };
  return { workbook, sheet, headerRow, headers: headers.slice(1), rowOf, col };
}

/** The template of a unit filled by `edit`, saved as Excel would. */
async function filledTemplate(who: SignedIn, region: string, period: string, edit: (file: Awaited<ReturnType<typeof opened>>) => void): Promise<Buffer> {
  const file = await opened(await download(who, '/api/outcome-reports/template', { region, period }));
  edit(file);
  return Buffer.from(await file.workbook.xlsx.writeBuffer());
}

function upload(who: SignedIn, region: string, period: string, bytes: Buffer, name = 'figures.xlsx') {
  return who.http.post('/api/outcome-reports/import').query({ region, period }).attach('file', bytes, name);
}

/** An indicator's Chinese label (the template's headers are built from it). */
const label = (key: string) => indicators.find((i) => i.key === key)!.labels['zh-CN'];
const NEW = () => `${label('new-employment')}（人）`;
const TRAINING = () => `${label('training')}（人次）`;
const FAIRS = () => `${label('job-fairs')}（场）`;

async function reportOf(who: SignedIn, region: string, period: string): Promise<OutcomeReport> {
  return reportSchema.parse((await who.http.get(reportUrl(region, period)).expect(200)).body);
}

describe('the figures template', () => {
  it("has one row per reporting unit of the reviewer's region, with the saved draft figures pre-filled", async () => {
    await nanguan.http.put(reportUrl('220102', '2025-Q1')).send({ values: { training: { value: 17 } } }).expect(200);
    const { headers, rowOf, col, sheet, headerRow } = await opened(await download(changchun, '/api/outcome-reports/template', { region: '220100', period: '2025-Q1' }));
    expect(headers.slice(0, 4)).toEqual(['区划代码', '单位名称', '填报状态', NEW()]);
    expect(headers.some((h) => h.startsWith(label('employment-rate')))).toBe(false); // yearly, not in a quarter
    const completeness = (await changchun.http.get('/api/outcome-completeness').query({ region: '220100', period: '2025-Q1' }).expect(200)).body as { units: { code: string }[] };
    const codes: string[] = [];
    for (let n = headerRow + 1; n <= sheet.rowCount; n++) codes.push(String(sheet.getRow(n).getCell(1).value));
    expect(codes).toEqual(completeness.units.map((u) => u.code));
    expect(rowOf('220102').getCell(col(TRAINING())).value).toBe(17);
    expect(rowOf('220102').getCell(col('填报状态')).value).toBe('草稿');
  });

  it('is refused outside the jurisdiction and for a period not begun', async () => {
    const outside = await beijing.http.get('/api/outcome-reports/template').query({ region: '220100', period: '2025-Q1' });
    expect(outside.status).toBe(403);
    expect(apiErrorSchema.parse(outside.body).messages['zh-CN']).toContain('不在您的辖区内');
    const future = await changchun.http.get('/api/outcome-reports/template').query({ region: '220100', period: '2025-Q4' });
    expect(future.status).toBe(400);
    const bad = await changchun.http.get('/api/outcome-reports/template').query({ region: '220100', period: '2025-Q5' });
    expect(bad.status).toBe(400);
  });
});

describe('importing a filled template', () => {
  it('saves the figures as a draft of the unit, with history action import', async () => {
    const bytes = await filledTemplate(nanguan, '220102', '2025-Q2', ({ rowOf, col }) => {
      const row = rowOf('220102');
      row.getCell(col(NEW())).value = 30;
      row.getCell(col(`${label('new-employment')}：其中城镇（人）`)).value = 18;
      row.getCell(col(`${label('new-employment')}：其中农村（人）`)).value = 12;
      row.getCell(col(FAIRS())).value = 2;
    });
    const res = await upload(nanguan, '220102', '2025-Q2', bytes).expect(200);
    expect(outcomeImportResultSchema.parse(res.body)).toEqual({ period: '2025-Q2', saved: [{ code: '220102', name: '南关区', status: 'draft' }], problems: [] });
    const saved = await reportOf(nanguan, '220102', '2025-Q2');
    expect(saved.values['new-employment']).toMatchObject({ value: 30, by: { residence: { urban: 18, rural: 12 } } });
    expect(saved.values['job-fairs']).toEqual({ value: 2 });
    const history = reportHistorySchema.parse((await nanguan.http.get(reportUrl('220102', '2025-Q2', 'history')).expect(200)).body).items;
    expect(history.map((h) => [h.action, h.toStatus])).toEqual([['import', 'draft']]);
  });

  it('takes a hand-made CSV whose columns are named by key', async () => {
    const csv = Buffer.from('\uFEFFcode,job-fairs.value,training.value\r\n220102,3,\r\n', 'utf8');
    const result = outcomeImportResultSchema.parse((await upload(nanguan, '220102', '2023-Q4', csv, 'figures.csv').expect(200)).body);
    expect(result).toEqual({ period: '2023-Q4', saved: [{ code: '220102', name: '南关区', status: 'draft' }], problems: [] });
    expect((await reportOf(nanguan, '220102', '2023-Q4')).values).toEqual({ 'job-fairs': { value: 3 }, training: { value: null } });
  });

  it('saves nothing when any cell is wrong, and lists every problem with its row and column', async () => {
    const before = await reportOf(nanguan, '220102', '2024-Q4');
    const bytes = await filledTemplate(nanguan, '220102', '2024-Q4', ({ rowOf, col, sheet, headerRow }) => {
      rowOf('220102').getCell(col(NEW())).value = 1e12;
      rowOf('220102').getCell(col(TRAINING())).value = '很多';
      sheet.getRow(headerRow + 2).values = ['220104', '朝阳区', null, 3];
    });
    const result = outcomeImportResultSchema.parse((await upload(nanguan, '220102', '2024-Q4', bytes).expect(200)).body);
    expect(result.saved).toEqual([]);
    expect(result.problems.map((p) => [p.column, p.message['zh-CN']])).toEqual([
      ['I', '“很多”不是数字：请填写整数'],
      ['D', '不能超过 10000000'],
      [null, '220104 不是南关区的填报单位：请核对区划代码'],
    ]);
    expect(await reportOf(nanguan, '220102', '2024-Q4')).toEqual(before);
  });

  it('lists at most 200 problems and counts the rest', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `${String(300000 + i)},1`).join('\r\n');
    const csv = Buffer.from(`code,job-fairs.value\r\n${rows}\r\n`, 'utf8');
    const result = outcomeImportResultSchema.parse((await upload(nanguan, '220102', '2023-Q3', csv, 'many.csv').expect(200)).body);
    expect(result.problems).toHaveLength(201);
    expect(result.problems[200]).toEqual({ row: 0, column: null, message: { 'zh-CN': '另有 50 处问题未列出：请先改正以上问题后重新导入', en: '50 more problems are not listed: correct those above and import again' } });
    expect((await reportOf(nanguan, '220102', '2023-Q3')).status).toBe('not-started');
  });

  it('never touches a submitted report: the row is a problem', async () => {
    await nanguan.http.put(reportUrl('220102', '2024-Q3')).send({ values: completeValues(indicators, 'quarter') }).expect(200);
    await nanguan.http.post(reportUrl('220102', '2024-Q3', 'submit')).send({ version: 1 }).expect(200);
    const bytes = await filledTemplate(nanguan, '220102', '2024-Q3', ({ rowOf, col }) => {
      rowOf('220102').getCell(col(FAIRS())).value = 99;
    });
    const result = outcomeImportResultSchema.parse((await upload(nanguan, '220102', '2024-Q3', bytes).expect(200)).body);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message['zh-CN']).toContain('已提交待审核，不能导入');
    expect((await reportOf(nanguan, '220102', '2024-Q3')).values['job-fairs']).toEqual({ value: 10 });
  });

  it("keeps to the caller's own unit: another county's staff, a reviewer, a unit outside the jurisdiction", async () => {
    const bytes = await filledTemplate(nanguan, '220102', '2024-Q2', ({ rowOf, col }) => {
      rowOf('220102').getCell(col(FAIRS())).value = 1;
    });
    expect((await upload(chaoyang, '220102', '2024-Q2', bytes)).status).toBe(403); // 南关区 is outside 朝阳区's jurisdiction
    expect((await upload(changchun, '220100', '2024-Q2', bytes)).status).toBe(403); // reviewers do not import
    // 朝阳区's staff with a file holding 南关区's row under their own region: the row is a problem.
    const mixed = outcomeImportResultSchema.parse((await upload(chaoyang, '220104', '2024-Q2', bytes).expect(200)).body);
    expect(mixed.problems.map((p) => p.message['zh-CN'])).toEqual(['220102 不是朝阳区的填报单位：请核对区划代码']);
    expect((await reportOf(nanguan, '220102', '2024-Q2')).status).toBe('not-started');
  });

  it('refuses what is not a readable spreadsheet with a 400 naming the reason, never a 500', async () => {
    const cases: [Buffer, string, string][] = [
      [Buffer.from('%PDF-1.4 not a sheet'), 'figures.pdf', 'file.not_spreadsheet'],
      [zipBombFixture(101), 'bomb.xlsx', 'file.zip_bomb'],
      [await xlsxFixture([['区划代码', '残疾人专场招聘活动'], ['220102', 1]], { formulas: { B2: '1+1' } }), 'formula.xlsx', 'file.formulas'],
      [Buffer.alloc(0), 'empty.xlsx', 'file.empty'],
    ];
    for (const [bytes, name, code] of cases) {
      const res = await upload(nanguan, '220102', '2024-Q1', bytes, name);
      expect([res.status, apiErrorSchema.parse(res.body).code], name).toEqual([400, code]);
    }
    const huge = await upload(nanguan, '220102', '2024-Q1', Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 0x41), 'huge.csv');
    expect([huge.status, apiErrorSchema.parse(huge.body).code]).toEqual([413, 'import.too_large']);
    const noFile = await nanguan.http.post('/api/outcome-reports/import').query({ region: '220102', period: '2024-Q1' }).send({});
    expect(noFile.status).toBe(415);
  });
});

describe('the approved figures export', () => {
  it("lists each unit's status and approved figures and the region's totals, a rate as Σnumerators ÷ Σdenominators", async () => {
    const year = '2024';
    for (const [who, numerator, denominator] of [[shinan, 30, 40], [shibei, 10, 60]] as const) {
      const region = who.account.regionCode!;
      await who.http.put(reportUrl(region, year)).send({ values: completeValues(indicators, 'year', { numerator, denominator }, {}, region) }).expect(200);
      await who.http.post(reportUrl(region, year, 'submit')).send({ version: 1 }).expect(200);
      await qingdao.http.post(reportUrl(region, year, 'approve')).send({ version: 2 }).expect(200);
    }
    const { sheet } = await (async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(qingdao, '/api/outcome-figures/export', { region: '370200', period: year })) as unknown as ArrayBuffer);
      return { sheet: workbook.worksheets[0] };
    })();
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    const header = rows[0] as string[];
    const rate = header.indexOf(`${label('employment-rate')}（%）`);
    expect(header.slice(rate - 2, rate + 1)).toEqual([`${label('employment-rate')}：分子（已就业的就业年龄段持证残疾人数）`, `${label('employment-rate')}：分母（就业年龄段持证残疾人数）`, `${label('employment-rate')}（%）`]);
    const byCode = new Map(rows.slice(1).map((row) => [String(row[0]), row]));
    expect(byCode.get('370202')!.slice(rate - 2, rate + 1)).toEqual([30, 40, 75]);
    expect(byCode.get('370203')!.slice(rate - 2, rate + 1)).toEqual([10, 60, 16.7]);
    expect(byCode.get('370202')![2]).toBe('已审核');
    // 40 / 100 = 40 %, not the mean of 75 and 16.7.
    const total = byCode.get('370200')!;
    expect(total[1]).toBe('青岛市 合计');
    expect(total.slice(rate - 2, rate + 1)).toEqual([40, 100, 40]);
    const unapproved = [...byCode.entries()].find(([code]) => code !== '370202' && code !== '370203' && code !== '370200' && /^\d{6}$/.test(code));
    expect(unapproved?.[1].slice(rate - 2, rate + 1).every((cell) => cell === undefined || cell === null)).toBe(true);
  });

  it('is refused outside the jurisdiction before any byte', async () => {
    const res = await beijing.http.get('/api/outcome-figures/export').query({ region: '220100', period: '2024' });
    expect(res.status).toBe(403);
    expect(res.headers['content-disposition']).toBeUndefined();
  });
});
