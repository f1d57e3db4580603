import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportJob, ImportJobList, Site, SiteHistoryEntry, SiteListResponse } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import { creditCode, siteInput } from './factories/sites.js';
import { expectProductError } from './support/product-error.js';
import { useSignedIn, useTestApp } from './support/test-app.js';
import {
  KINDS,
  XLSX_TYPE,
  binary,
  checkedUpload,
  columnLetter,
  commitAndWait,
  discard,
  headerOf,
  importColumns,
  rowOf,
  rowsOf,
  settled,
  uploadFile,
  xlsxOf,
} from './support/imports.js';

/**
 * Spreadsheet imports through the API (design §3–§5, §10): upload → check (a dry run, in the
 * background) → rows with their problems → commit (all or none) → sites with their history's
 * source; templates; who may import and whose jobs one sees.
 */
const t = useTestApp();
const nanguan = useSignedIn(t, { role: 'district', regionCode: '220102' });
const chaoyang = useSignedIn(t, { role: 'district', regionCode: '220104' });
const reviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });

const TRAINING = KINDS.get('training-base')!;

/** A file of `kind` holding the given registrations, as a filled template's sheet. */
async function fileOf(kind: string, inputs: Record<string, unknown>[]): Promise<Buffer> {
  const definition = KINDS.get(kind)!;
  const columns = importColumns(definition);
  return xlsxOf([headerOf(columns), ...inputs.map((input) => rowOf(definition, input, columns))], { sheet: definition.labels['zh-CN'] });
}

describe('imports: a valid file of every installed kind', () => {
  it.each(installedKinds.map((kind) => [kind.code]))('%s: its valid example is checked without errors, committed as a draft of the importer with the history source', async (code) => {
    const input = siteInput(code);
    const job = await checkedUpload(nanguan, code, await fileOf(code, [input]), `网点-${code}.xlsx`);
    expect(job, JSON.stringify(job.failure)).toMatchObject({ status: 'checked', kind: code, format: 'xlsx', failure: null });
    const rows = await rowsOf(nanguan, job.id);
    expect(rows.items.flatMap((row) => row.issues.filter((issue) => issue.severity === 'error'))).toEqual([]);
    expect(job.counts).toMatchObject({ rows: 1, errors: 0, create: 1 });
    expect(rows.items[0]).toMatchObject({ row: 1, sheetRow: 2, action: 'create', siteId: null });

    const committed = await commitAndWait(nanguan, job.id);
    expect(committed, JSON.stringify(committed.failure)).toMatchObject({ status: 'committed', options: { submit: false, existing: 'change-request' } });
    expect(committed.committedAt).not.toBeNull();
    const list = (await nanguan.http.get('/api/sites').query({ q: input.name }).expect(200)).body as SiteListResponse;
    expect(list.items).toHaveLength(1);
    const site = list.items[0];
    expect(site).toMatchObject({ kind: code, status: 'draft', createdBy: nanguan.account.id, regionCode: '220102' });
    const history = ((await nanguan.http.get(`/api/sites/${site.id}/history`).expect(200)).body as { items: SiteHistoryEntry[] }).items;
    expect(history[0]).toMatchObject({ action: 'create', source: { type: 'import', jobId: job.id, file: `网点-${code}.xlsx`, row: 2 } });
  });

  it('submit: true sends the new sites for review in the same step', async () => {
    const inputs = [siteInput('training-base'), siteInput('training-base')];
    const job = await checkedUpload(nanguan, 'training-base', await fileOf('training-base', inputs), 'submit.xlsx');
    expect(job.counts).toMatchObject({ rows: 2, errors: 0, create: 2 });
    const committed = await commitAndWait(nanguan, job.id, { submit: true });
    expect(committed.status).toBe('committed');
    for (const input of inputs) {
      const list = (await nanguan.http.get('/api/sites').query({ q: input.name }).expect(200)).body as SiteListResponse;
      expect(list.items.map((site) => site.status)).toEqual(['submitted']);
    }
    // Committed and gone from the work in hand: committing it again is refused.
    expectProductError(await nanguan.http.post(`/api/imports/${job.id}/commit`).send({}), 409);
  });

  it('uploads are checked in the background: the upload answers 202 with a queued job at once', async () => {
    const res = await uploadFile(nanguan, 'training-base', await fileOf('training-base', [siteInput('training-base')]), 'queued.xlsx').expect(202);
    const job = res.body as ImportJob;
    expect(job).toMatchObject({ status: 'queued', fileName: 'queued.xlsx', interrupted: false, counts: { rows: 0 }, fileIssues: [] });
    expect(job.sizeBytes).toBeGreaterThan(0);
    expect((await settled(nanguan, job.id)).status).toBe('checked');
    await discard(t, nanguan, job.id).expect(204);
  });
});

describe('imports: the data changed between the check and the commit', () => {
  it('the commit is refused with nothing written, and the file is checked again so the rows show what the commit would now do', async () => {
    const input = siteInput('training-base');
    const job = await checkedUpload(nanguan, 'training-base', await fileOf('training-base', [input]), '变化.xlsx');
    expect(job.counts).toMatchObject({ rows: 1, errors: 0, create: 1 });
    // Meanwhile the same site is registered through the form.
    await nanguan.http.post('/api/sites').send(input).expect(201);
    const after = await commitAndWait(nanguan, job.id);
    expect(after.status).toBe('checked');
    expect(after.failure?.code).toBe('import.stale');
    expect(after.failure?.messages['zh-CN']).toContain('已重新检查');
    // Checked again: the row now matches the registered draft, which holds the same fields.
    const rows = await rowsOf(nanguan, job.id);
    expect(rows.items.map((row) => row.action)).toEqual(['unchanged']);
    const list = (await nanguan.http.get('/api/sites').query({ q: input.name }).expect(200)).body as SiteListResponse;
    expect(list.items).toHaveLength(1);
    // Committing the re-checked job writes nothing new and clears the refusal.
    const committed = await commitAndWait(nanguan, job.id);
    expect(committed).toMatchObject({ status: 'committed', failure: null });
    expect(((await nanguan.http.get('/api/sites').query({ q: input.name }).expect(200)).body as SiteListResponse).items).toHaveLength(1);
  });
});

describe('imports: rows with problems', () => {
  it('reports each bad row with its cell (column letter + sheet row), blocks the commit, and annotates the file', async () => {
    const columns = importColumns(TRAINING);
    const letter = (key: string) => columnLetter(columns.findIndex((column) => column.key === key));
    const good = siteInput('training-base');
    const badCode = creditCode();
    const rows = [
      good,
      siteInput('training-base', undefined, { contact: { person: '王测试', phone: '12345' } }),
      siteInput('training-base', undefined, { operator: { name: '校验位错误的单位', creditCode: badCode.slice(0, 17) + (badCode.endsWith('0') ? '1' : '0') } }),
      siteInput('training-base', undefined, { regionCode: '220104', location: { lat: 43.86, lng: 125.35 } }),
      { ...good },
    ];
    const job = await checkedUpload(nanguan, 'training-base', await fileOf('training-base', rows), '有错误.xlsx');
    expect(job.status).toBe('checked');
    expect(job.counts).toMatchObject({ rows: 5, errors: 4, create: 1 });
    const page = await rowsOf(nanguan, job.id, { issues: 'errors' });
    expect(page.items.map((row) => row.row)).toEqual([2, 3, 4, 5]);
    const issueOf = (row: number) => page.items.find((item) => item.row === row)!.issues.find((issue) => issue.severity === 'error')!;
    expect(issueOf(2)).toMatchObject({ column: 'contact.phone', cell: `${letter('contact.phone')}3`, value: '12345' });
    expect(issueOf(3)).toMatchObject({ column: 'operator.creditCode', cell: `${letter('operator.creditCode')}4` });
    expect(issueOf(4)).toMatchObject({ code: 'region.outside_jurisdiction', cell: expect.stringMatching(/^[A-Z]+5$/) });
    expect(issueOf(5)).toMatchObject({ code: 'duplicate.in_file', row: 5 });
    for (const row of page.items) expect(row.action).toBe('error');
    // The filters: by action, issue code and column.
    expect((await rowsOf(nanguan, job.id, { action: 'create' })).items.map((row) => row.row)).toEqual([1]);
    expect((await rowsOf(nanguan, job.id, { code: 'duplicate.in_file' })).items.map((row) => row.row)).toEqual([5]);
    expect((await rowsOf(nanguan, job.id, { column: 'contact.phone' })).items.map((row) => row.row)).toEqual([2]);
    expect(await rowsOf(nanguan, job.id, { pageSize: 2, page: 2 })).toMatchObject({ total: 5, page: 2, pageSize: 2 });

    const refused = expectProductError(await nanguan.http.post(`/api/imports/${job.id}/commit`).send({}), 409);
    expect(refused.code).toBe('import.has_errors');

    const annotated = await binary(nanguan.http.get(`/api/imports/${job.id}/annotated`).query({ lang: 'zh-CN' }));
    expect(annotated.status).toBe(200);
    expect(annotated.headers['content-type']).toContain(XLSX_TYPE);
    expect(annotated.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(annotated.body);
    const texts: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
    expect(texts.join('\n')).toContain('导入错误');
    await discard(t, nanguan, job.id).expect(204);
  });
});

describe('imports: a CSV in GB18030', () => {
  it('is read in its encoding, its bad row reported, and annotated back as GB18030 CSV', async () => {
    const columns = importColumns(TRAINING);
    const cells = (input: Record<string, unknown>) => rowOf(TRAINING, input, columns).map((cell) => (cell === null ? '' : String(cell)));
    const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const lines = [headerOf(columns), cells(siteInput('training-base')), cells(siteInput('training-base', undefined, { contact: { person: '李测试', phone: '999' } }))];
    const bytes = iconv.encode(lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n', 'gb18030');
    const job = await checkedUpload(nanguan, 'training-base', bytes, '名单-GBK.csv');
    expect(job).toMatchObject({ status: 'checked', format: 'csv', encoding: 'gb18030', counts: { rows: 2, errors: 1, create: 1 } });
    const annotated = await binary(nanguan.http.get(`/api/imports/${job.id}/annotated`).query({ lang: 'zh-CN' }));
    expect(annotated.status).toBe(200);
    expect(annotated.headers['content-type']).toBe('text/csv; charset=gb18030');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(annotated.headers['content-disposition'])![1])).toBe('名单-GBK-错误标注.csv');
    const text = iconv.decode(annotated.body as Buffer, 'gb18030');
    expect(text.split(/\r?\n/)[0]).toContain('导入错误');
    expect(text.split(/\r?\n/)[2]).toContain('999');
    await discard(t, nanguan, job.id).expect(204);
  });
});

describe('imports: files that cannot be imported', () => {
  async function failedWith(bytes: Buffer, fileName: string, kind = 'training-base'): Promise<string> {
    const res = await uploadFile(nanguan, kind, bytes, fileName);
    if (res.status !== 202) {
      expectProductError(res, res.status);
      expect(res.status).toBeLessThan(500);
      return `http ${res.status}`;
    }
    const job = await settled(nanguan, (res.body as ImportJob).id);
    expect(job.status, JSON.stringify(job)).toBe('failed');
    expect(job.failure!.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    await discard(t, nanguan, job.id).expect(204);
    return job.failure!.code;
  }

  it('each bad file is a failed job with its code, never a 500', async () => {
    const columns = importColumns(TRAINING);
    const header = headerOf(columns);
    const valid = rowOf(TRAINING, siteInput('training-base'), columns);
    const other = KINDS.get('blind-massage')!;
    expect(await failedWith(Buffer.from('%PDF-1.7 not a sheet at all\n'), 'report.pdf')).toBe('file.not_spreadsheet');
    expect(await failedWith(Buffer.alloc(0), 'empty.csv')).toMatch(/^file\.(empty|not_spreadsheet)$/);
    expect(await failedWith(await xlsxOf([header]), 'header-only.xlsx')).toBe('file.empty');
    expect(await failedWith(await fileOf(other.code, [siteInput(other.code)]), '盲人按摩.xlsx')).toBe('file.wrong_kind');
    expect(await failedWith(await xlsxOf([['网点名称', '详细地址'], ['某网点', '某路1号']]), 'missing.xlsx')).toBe('file.missing_columns');
    expect(
      await failedWith(
        await xlsxOf([header, valid], { build: (sheet) => (sheet.getCell('A2').value = { formula: 'CONCATENATE("a","b")', result: 'ab' }) }),
        'formula.xlsx',
      ),
    ).toBe('file.formulas');
    // Merged title rows above the header are tolerated; merged cells among the data rows are not.
    const many = Array.from({ length: 12 }, () => rowOf(TRAINING, siteInput('training-base'), columns));
    expect(await failedWith(await xlsxOf([header, ...many], { build: (sheet) => sheet.mergeCells('A12:A13') }), 'merged.xlsx')).toBe('file.merged_cells');
  });

  it('a sheet of a million rows, a zip bomb and a password-protected file are refused with their codes', async () => {
    const fixtures = await import('@sitenet/spreadsheets/testing');
    expect(await failedWith(fixtures.manyRowsXlsxFixture(), 'million.xlsx')).toBe('file.too_many_rows');
    expect(await failedWith(fixtures.zipBombFixture(), 'bomb.xlsx')).toBe('file.zip_bomb');
    expect(await failedWith(fixtures.encryptedXlsxFixture(), 'secret.xlsx')).toBe('file.password_protected');
  });

  it('refuses what is not a multipart upload (415), no file (400) and an unknown kind (400)', async () => {
    expect(expectProductError(await nanguan.http.post('/api/imports/training-base').send({ file: 'x' }), 415).code).toBe('import.not_multipart');
    expect(expectProductError(await nanguan.http.post('/api/imports/training-base').field('note', 'no file'), 400).code).toBe('import.no_file');
    expect(expectProductError(await uploadFile(nanguan, 'no-such-kind', Buffer.from('a,b\n'), 'a.csv'), 400).code).toBe('import.unknown_kind');
  });

  it('keeps the base name of the file, in NFC', async () => {
    const job = (await uploadFile(nanguan, 'training-base', await fileOf('training-base', [siteInput('training-base')]), 'C:\\Users\\王\\名单e\u0301.xlsx').expect(202)).body as ImportJob;
    expect(job.fileName).toBe('名单\u00e9.xlsx');
    await settled(nanguan, job.id);
    await discard(t, nanguan, job.id).expect(204);
  });
});

describe('imports: whose jobs, which roles', () => {
  it('another account’s job is a 404 on every endpoint; only district staff may import (403)', async () => {
    const job = await checkedUpload(nanguan, 'training-base', await fileOf('training-base', [siteInput('training-base')]), 'mine.xlsx');
    for (const res of [
      chaoyang.http.get(`/api/imports/${job.id}`),
      chaoyang.http.get(`/api/imports/${job.id}/rows`),
      chaoyang.http.get(`/api/imports/${job.id}/annotated`),
      chaoyang.http.post(`/api/imports/${job.id}/commit`).send({}),
      discard(t, chaoyang, job.id),
    ]) {
      expect(expectProductError(await res, 404).code).toBe('import.not_found');
    }
    expect(((await chaoyang.http.get('/api/imports').expect(200)).body as ImportJobList).items.map((item) => item.id)).not.toContain(job.id);
    const mine = ((await nanguan.http.get('/api/imports').query({ kind: 'training-base' }).expect(200)).body as ImportJobList).items;
    expect(mine[0].id).toBe(job.id);
    for (const who of [reviewer, province]) {
      expectProductError(await uploadFile(who, 'training-base', Buffer.from('a'), 'a.csv'), 403);
      expectProductError(await who.http.get('/api/imports'), 403);
    }
    await discard(t, nanguan, job.id).expect(204);
    expect((await nanguan.http.get(`/api/imports/${job.id}`).expect(200)).body).toMatchObject({ status: 'discarded' });
    expect(expectProductError(await nanguan.http.get(`/api/imports/${job.id}/annotated`), 409).code).toBe('import.not_checked');
  });

  it('an account holds at most 3 unfinished imports (429)', async () => {
    const who = await t.signIn({ role: 'district', regionCode: '220102' });
    const file = await fileOf('training-base', [siteInput('training-base')]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await uploadFile(who, 'training-base', file, `${i}.xlsx`).expect(202)).body as ImportJob).id);
    expect(expectProductError(await uploadFile(who, 'training-base', file, '4.xlsx'), 429).code).toBe('import.too_many_open');
    await discard(t, who, ids[0]).expect(204);
    const fourth = (await uploadFile(who, 'training-base', file, '4.xlsx').expect(202)).body as ImportJob;
    for (const id of [...ids.slice(1), fourth.id]) {
      await settled(who, id);
      await discard(t, who, id).expect(204);
    }
  });
});

describe('imports: templates and round trips', () => {
  it('every signed-in role downloads a template of a kind and of all kinds; its headers are the kind’s columns', async () => {
    for (const who of [nanguan, reviewer, province]) {
      const res = await binary(who.http.get('/api/import/templates/training-base').query({ lang: 'zh-CN' }));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX_TYPE);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'])![1])).toBe(`网点导入模板-${TRAINING.labels['zh-CN']}.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body);
      const sheet = book.worksheets.find((candidate) => candidate.state === 'visible' && candidate.name === TRAINING.labels['zh-CN'])!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((value) => String(value).replace(/^\*/, ''));
      expect(headers).toEqual(headerOf(importColumns(TRAINING)));
    }
    const all = await binary(nanguan.http.get('/api/import/templates/all').query({ lang: 'en' }));
    expect(all.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(all.body);
    const names = book.worksheets.map((sheet) => sheet.name);
    for (const kind of installedKinds) expect(names.some((name) => kind.labels.en.startsWith(name.replace(/…$/, '').slice(0, 20))), `${kind.labels.en} in ${names.join(' | ')}`).toBe(true);
    expectProductError(await nanguan.http.get('/api/import/templates/no-such-kind'), 400);
  });

  it('a site list exported as .xlsx and as GB18030 CSV imports back with every row unchanged', async () => {
    // A county no other test registers in: the export holds these three sites only.
    const who = await t.signIn({ role: 'district', regionCode: '220103' });
    for (let i = 0; i < 3; i++) await who.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: '220103', location: { lat: 43.91, lng: 125.33 } })).expect(201);
    const sites = ((await who.http.get('/api/sites').query({ kind: 'training-base' }).expect(200)).body as SiteListResponse).items as Site[];
    expect(sites.length).toBeGreaterThanOrEqual(3);
    for (const [format, query, name] of [
      ['xlsx', { format: 'xlsx' }, '导出.xlsx'],
      ['csv', { format: 'csv', encoding: 'gb18030' }, '导出.csv'],
    ] as const) {
      const exported = await binary(who.http.get('/api/exports/sites').query({ kind: 'training-base', ...query }));
      expect(exported.status).toBe(200);
      const job = await checkedUpload(who, 'training-base', exported.body as Buffer, name);
      expect(job, `${format}: ${JSON.stringify(job.failure)}`).toMatchObject({ status: 'checked', format });
      const rows = await rowsOf(who, job.id);
      expect(rows.items.flatMap((row) => row.issues.filter((issue) => issue.severity === 'error')), format).toEqual([]);
      expect(rows.items.map((row) => row.action), format).toEqual(sites.map(() => 'unchanged'));
      expect(job.counts).toMatchObject({ rows: sites.length, errors: 0, unchanged: sites.length, create: 0 });
      if (format === 'csv') expect(job.encoding).toBe('gb18030');
      await discard(t, who, job.id).expect(204);
    }
  });
});
