import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, type ImportIssue } from '../schemas/imports.js';
import { checkImportGrid } from './check-rows.js';
import type { CheckResult, GridCell, ReadWorkbook } from './contract.js';
import { checkContext, HEADERS, otherTestKind, validRow, workbookOf } from './import.fixtures.js';

async function checked(workbook: ReadWorkbook, overrides: Parameters<typeof checkContext>[0] = {}) {
  const result: CheckResult = await checkImportGrid(workbook, checkContext(overrides));
  if (!result.ok) throw new Error(`${result.failure.code}: ${result.failure.messages['zh-CN']}`);
  return result;
}

async function refusal(workbook: ReadWorkbook, overrides: Parameters<typeof checkContext>[0] = {}) {
  const result = await checkImportGrid(workbook, checkContext(overrides));
  if (result.ok) throw new Error('the file was accepted');
  return result;
}

const letter = (header: (typeof HEADERS)[number]) => String.fromCharCode(65 + HEADERS.indexOf(header));
const errors = (issues: ImportIssue[]) => issues.filter((issue) => issue.severity === 'error');

describe('checking the rows of an import', () => {
  it('turns a valid row into the body POST /api/sites takes, validated by its schema', async () => {
    const result = await checked(workbookOf([validRow()]));
    expect(result.columns).toMatchObject({ sheet: 'Sheet1', headerRow: 1, unknown: [], ignored: [] });
    const [row] = result.rows;
    expect(row.issues).toEqual([]);
    expect(row).toMatchObject({ row: 1, sheetRow: 2, siteId: null, centroidLocation: false, summary: { name: '南岭阳光工坊', creditCode: '91350100M000100Y43', region: '吉林省长春市南关区' } });
    expect(row.body).toEqual({
      kind: 'import-test',
      name: '南岭阳光工坊',
      regionCode: '220102',
      address: '自由大路 1 号',
      location: { lat: 43.8868, lng: 125.3245, system: 'wgs84' },
      operator: { name: '长春市某某中心', creditCode: '91350100M000100Y43' },
      contact: { person: '王某', phone: '0431-88881234' },
      openedOn: '2020-01-05',
      barrierFree: [],
      attributes: { grade: 'county', employees: 10, disabledEmployees: 5, services: ['meals', 'transport'], subsidised: false },
    });
  });

  it('reports each problem at its cell with the value found and the API words in both languages', async () => {
    const result = await checked(
      workbookOf([validRow(), validRow({ 联系电话: '12345', 统一社会信用代码: '91350100M000100Y44', 残疾人就业人数: 20, 网点名称: '另一个工坊' })], { above: [['南关区网点名单'], []] }),
    );
    const [, bad] = result.rows;
    expect(bad).toMatchObject({ row: 2, sheetRow: 5, body: null });
    const byColumn = new Map(bad.issues.map((issue) => [issue.column, issue]));
    expect(byColumn.get('contact.phone')).toMatchObject({ cell: `${letter('联系电话')}5`, value: '12345', severity: 'error', messages: { 'zh-CN': expect.stringContaining('电话号码无效') } });
    expect(byColumn.get('operator.creditCode')).toMatchObject({
      cell: `${letter('统一社会信用代码')}5`,
      value: '91350100M000100Y44',
      messages: { 'zh-CN': '统一社会信用代码无效：第 18 位校验码不符合 GB 32100-2015', en: expect.stringContaining('check') },
    });
    // The kind's cross-field rule, blamed on its field.
    expect(byColumn.get('attributes.disabledEmployees')).toMatchObject({ cell: `${letter('残疾人就业人数')}5`, value: '20', messages: { 'zh-CN': '残疾人就业人数不能超过就业人数' } });
    expect(bad.issues).toHaveLength(3);
  });

  it('refuses more data rows than the limit, though the reader let them pass as title rows (20,001 under the header)', async () => {
    const row = validRow();
    const over = await refusal(workbookOf(Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, () => row)));
    expect(over.failure).toMatchObject({ code: 'file.too_many_rows', messages: { 'zh-CN': expect.stringContaining('20,001 行数据') } });
    // Empty rows are not data rows: the limit itself passes.
    const at = await checked(workbookOf([...Array.from({ length: IMPORT_LIMITS.maxRows }, () => row), [], []]));
    expect(at.rows).toHaveLength(IMPORT_LIMITS.maxRows);
  }, 60_000);

  it('says a required cell left empty is required', async () => {
    const result = await checked(workbookOf([validRow({ 联系人姓名: null, 就业人数: '  ', 工坊级别: null })]));
    expect(result.rows[0].issues).toEqual([
      expect.objectContaining({ column: 'contact.person', cell: `${letter('联系人姓名')}2`, code: 'cell.required', value: null, messages: { 'zh-CN': '必填：此单元格不能为空', en: 'Required: this cell must not be empty' } }),
      expect.objectContaining({ column: 'attributes.grade', cell: `${letter('工坊级别')}2`, code: 'cell.required' }),
      expect.objectContaining({ column: 'attributes.employees', cell: `${letter('就业人数')}2`, code: 'cell.required' }),
    ]);
  });

  it('reports a cell it cannot read once, not again as missing', async () => {
    const result = await checked(workbookOf([validRow({ 就业人数: '很多', 统一社会信用代码: 913501000000000000 })]));
    const issues = result.rows[0].issues;
    expect(issues.map((issue) => [issue.column, issue.code])).toEqual([
      ['operator.creditCode', 'cell.excel_number'],
      ['attributes.employees', 'cell.invalid_number'],
    ]);
  });

  it('checks the region against the divisions and the jurisdiction (the API words)', async () => {
    const result = await checked(
      workbookOf([
        validRow({ 市: '长春市', '县（区）': '朝阳区' }),
        validRow({ 省: null, 市: null, '县（区）': '长春市南关区', 网点名称: '二号' }),
        validRow({ 省: null, 市: null, '县（区）': null, 区划代码: '220102001000', 网点名称: '三号' }),
        validRow({ 市: '长春市', '县（区）': '南官区', 网点名称: '四号' }),
      ]),
    );
    const [outside, joined, township, unknown] = result.rows;
    expect(errors(outside.issues)).toEqual([
      expect.objectContaining({ code: 'region.outside_jurisdiction', column: 'region.county', cell: `${letter('县（区）')}2`, value: '朝阳区', messages: expect.objectContaining({ 'zh-CN': '朝阳区不在您的辖区内，不能在此登记网点' }) }),
    ]);
    expect(joined.body?.regionCode).toBe('220102');
    expect(township.body?.regionCode).toBe('220102001000');
    expect(errors(unknown.issues)).toEqual([expect.objectContaining({ code: 'region.unknown', messages: expect.objectContaining({ 'zh-CN': expect.stringContaining('南关区') }) })]);
  });

  it('flags the later of two rows with the same credit code and name', async () => {
    const result = await checked(workbookOf([validRow(), validRow({ 网点名称: '另一个工坊' }), validRow({ 网点名称: ' 南岭阳光工坊 ' })]));
    expect(result.rows[0].issues).toEqual([]);
    expect(result.rows[1].issues).toEqual([]);
    expect(result.rows[2]).toMatchObject({ body: null, issues: [{ code: 'duplicate.in_file', cell: 'A4', messages: { 'zh-CN': '与第 1 行（表格第 2 行）重复：统一社会信用代码和网点名称相同', en: 'Same credit code and site name as row 1 (sheet row 2)' }, severity: 'error' }] });
  });

  it('takes the county centroid for empty coordinates, with a warning, and refuses one of the two alone', async () => {
    const result = await checked(workbookOf([validRow({ 纬度: null, 经度: null, 坐标系: null }), validRow({ 经度: null, 网点名称: '二号' })]));
    const [centroid, half] = result.rows;
    expect(centroid.centroidLocation).toBe(true);
    expect(centroid.body?.location).toEqual({ lat: 43.72281, lng: 125.40518, system: 'wgs84' });
    expect(centroid.issues).toEqual([
      expect.objectContaining({ code: 'location.centroid', severity: 'warning', cell: `${letter('纬度')}2`, messages: expect.objectContaining({ 'zh-CN': '坐标留空：使用区县中心点，位置粗略，请尽快补充' }) }),
    ]);
    expect(half).toMatchObject({ body: null, centroidLocation: false, issues: [{ code: 'location.incomplete', column: 'location.lng', severity: 'error' }] });
  });

  it('takes coordinates in BD-09 and GCJ-02, and the API territory check', async () => {
    const result = await checked(
      workbookOf([validRow({ 坐标系: '百度' }), validRow({ 坐标系: '高德', 网点名称: '二号' }), validRow({ 纬度: 37.5665, 经度: 126.978, 网点名称: '三号' }), validRow({ 坐标系: '北斗', 网点名称: '四号' })]),
    );
    const [baidu, amap, seoul, unknown] = result.rows;
    expect(baidu.body?.location).toEqual({ lat: 43.8868, lng: 125.3245, system: 'bd09' });
    expect(amap.body?.location).toMatchObject({ system: 'gcj02' });
    expect(errors(seoul.issues)).toEqual([expect.objectContaining({ column: 'location.lat', messages: expect.objectContaining({ 'zh-CN': expect.stringContaining('不在中国境内') }) })]);
    expect(errors(unknown.issues)).toEqual([expect.objectContaining({ column: 'location.system', code: 'cell.invalid_choice' })]);
  });

  it('names another sheet holding a list (one sheet is read per import), and not a sheet of notes or an empty list', async () => {
    const own = workbookOf([validRow()], { name: '数据' }).sheets[0];
    const more = workbookOf([validRow({ 网点名称: '别的表一' }), [], validRow({ 网点名称: '别的表二' })], { name: '另一张表' }).sheets[0];
    const emptyList = workbookOf([], { name: '空表' }).sheets[0];
    const notes = { name: '说明', rows: [['填写说明'], ['每行一个网点']], date1904: false, hiddenRows: [] };
    const result = await checked({ format: 'xlsx', encoding: null, sheets: [own, more, emptyList, notes], hiddenSheets: [], templateKind: null });
    expect(result.rows).toHaveLength(1);
    const others = result.fileIssues.filter((issue) => issue.code === 'file.other_sheet');
    expect(others).toEqual([expect.objectContaining({ severity: 'warning', row: 0, value: '另一张表' })]);
    expect(others[0].messages['zh-CN']).toContain('2 行数据');
  });

  it('warns about hidden rows and unknown columns, skips empty rows and keeps 网点编号', async () => {
    const headers = [...HEADERS, '备注', '网点编号', '状态'];
    const id = '5f7c0c1e-8f0a-4d59-9a51-0d3f3c1b2a10';
    const result = await checked(workbookOf([[...validRow(), '旧数据', id, '已发布'], [], [null, '  '], [...validRow({ 网点名称: '二号' }), null, 'not-an-id', null]], { headers, hiddenRows: [2] }));
    expect(result.columns.unknown).toEqual([{ header: '备注', cell: `${String.fromCharCode(65 + HEADERS.length)}1` }]);
    expect(result.columns.ignored).toEqual([{ header: '状态', cell: `${String.fromCharCode(67 + HEADERS.length)}1` }]);
    expect(result.fileIssues).toEqual([expect.objectContaining({ code: 'file.unknown_column', severity: 'warning', row: 0 })]);
    expect(result.rows.map((row) => [row.row, row.sheetRow])).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(result.rows[0]).toMatchObject({ siteId: id, issues: [{ code: 'row.hidden', severity: 'warning' }] });
    expect(result.rows[0].body).not.toBeNull();
    expect(result.rows[1].issues).toEqual([expect.objectContaining({ code: 'site.invalid_id', column: 'id' })]);
  });

  it('reads a table spanning kinds (an export CSV): union headers, and rows of another kind refused', async () => {
    const headers = ['网点类型', ...HEADERS.map((header) => (header === '工坊级别' ? '基地级别／工坊级别' : header)), '培训人数', '课程数'];
    const result = await checked(workbookOf([['测试工坊', ...validRow(), null, null], ['另一种网点', ...validRow({ 网点名称: '二号', 工坊级别: null }), 30, 2]], { headers }));
    expect(result.columns.matched).toContainEqual({ header: '基地级别／工坊级别', cell: 'R1', column: 'attributes.grade' });
    expect(result.columns.ignored).toEqual([{ header: '网点类型', cell: 'A1' }]);
    expect(result.rows[0].issues).toEqual([]);
    expect(result.rows[1].body).toBeNull();
    expect(result.rows[1].issues).toContainEqual(
      expect.objectContaining({ code: 'row.other_kind', cell: 'A3', column: 'kind', value: '另一种网点', messages: expect.objectContaining({ 'zh-CN': '该行的网点类型是“另一种网点”，不是“测试工坊”：请在对应类型下导入，或删去该行' }) }),
    );
  });

  it('reports progress every 500 rows and at the end, awaiting it', async () => {
    const calls: [number, number][] = [];
    const rows = Array.from({ length: 1203 }, (_, at) => validRow({ 网点名称: `工坊 ${at}` }));
    const result = await checked(workbookOf(rows), {
      progress: async (done, total) => {
        await Promise.resolve();
        calls.push([done, total]);
      },
    });
    expect(result.rows).toHaveLength(1203);
    expect(result.rows.every((row) => row.body !== null)).toBe(true);
    expect(calls).toEqual([
      [500, 1203],
      [1000, 1203],
      [1203, 1203],
    ]);
  });
});

describe('refusing a file', () => {
  it('without a header row, or without rows under it', async () => {
    expect((await refusal(workbookOf([], { headers: ['名单', '说明'] }))).failure.code).toBe('file.no_header');
    expect((await refusal(workbookOf([]))).failure).toMatchObject({ code: 'file.empty', messages: { 'zh-CN': '表头下没有数据行' } });
    const blank: ReadWorkbook = { format: 'csv', encoding: 'utf-8', sheets: [{ name: 'a.csv', rows: [[null]], date1904: false, hiddenRows: [] }], hiddenSheets: ['数据'], templateKind: null };
    expect((await refusal(blank)).failure).toMatchObject({ code: 'file.empty', messages: { 'zh-CN': expect.stringContaining('数据') } });
  });

  it('missing required columns, naming them', async () => {
    const headers = HEADERS.filter((header) => header !== '详细地址' && header !== '联系电话');
    const result = await refusal(workbookOf([], { headers }));
    expect(result.failure.code).toBe('file.missing_columns');
    expect(result.failure.messages['zh-CN']).toContain('详细地址、联系电话');
    expect(result.columns?.headerRow).toBe(1);
  });

  it('with a field in two columns, naming both cells', async () => {
    const result = await refusal(workbookOf([], { headers: [...HEADERS, '手机'] }));
    expect(result.failure.code).toBe('file.duplicate_columns');
    expect(result.failure.messages['zh-CN']).toContain(`${letter('联系电话')}1、${String.fromCharCode(65 + HEADERS.length)}1`);
  });

  it("made from another kind's template, by its marker or its headers", async () => {
    expect((await refusal(workbookOf([validRow()], { templateKind: 'other-test' }))).failure).toEqual({
      code: 'file.wrong_kind',
      messages: { 'zh-CN': '这是“另一种网点”的模板，请在该类型下导入', en: 'This is the “Other site” template: import it under that kind' },
    });
    const otherHeaders: GridCell[] = ['网点名称', '详细地址', '培训人数', '课程数'];
    expect((await refusal(workbookOf([], { headers: otherHeaders }))).failure.code).toBe('file.wrong_kind');
    expect((await checked(workbookOf([[...validRow(), 3]], { headers: [...HEADERS, '培训人数'] }))).rows).toHaveLength(1);
  });

  it('chooses the sheet named after the kind among several', async () => {
    const data = workbookOf([validRow()], { name: '测试工坊' }).sheets[0];
    const notes = { name: '说明', rows: [['网点名称', '详细地址'], ['填写说明', '见下']], date1904: false, hiddenRows: [] };
    const result = await checked({ format: 'xlsx', encoding: null, sheets: [notes, data], hiddenSheets: [], templateKind: 'import-test' });
    expect(result.columns.sheet).toBe('测试工坊');
    expect(result.rows[0].issues).toEqual([]);
    expect(otherTestKind.code).toBe('other-test');
  });
});
