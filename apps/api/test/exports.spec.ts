import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type request from 'supertest';
import { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { kindColumn, siteSheetColumns, siteSheetRow, unionSheetColumns, type RegionPathEntry, type SheetCell, type SheetColumn, type Site, type SiteListResponse } from '@sitenet/domain';
import { EXPORT_LIMITS, siteExportQuerySchema } from '@sitenet/domain/schemas';
import { installedKinds } from '@sitenet/kinds';
import { SiteExportService } from '../src/exports/site-export.service.js';
import { SitesService } from '../src/sites/sites.service.js';
import { creditCode, siteInput, testPointIn } from './factories/sites.js';
import { expectEveryRefused, expectProductError } from './support/product-error.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';

const t = useTestApp();
const nanguan = useSignedIn(t, { role: 'district', regionCode: '220102' });
const chaoyang = useSignedIn(t, { role: 'district', regionCode: '220104' });
const jilinCity = useSignedIn(t, { role: 'district', regionCode: '220202' });
const longtan = useSignedIn(t, { role: 'district', regionCode: '220203' });
const changchun = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });
const admin = useSignedIn(t, { role: 'admin', regionCode: null });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KINDS = new Map(installedKinds.map((kind) => [kind.code, kind]));

/** The response body as bytes, whatever its type. */
function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

async function download(who: SignedIn, path: string, query: Record<string, unknown>): Promise<request.Response & { body: Buffer }> {
  const res = await binary(who.http.get(path).query(query));
  expect(res.status, res.status === 200 ? '' : String(res.body)).toBe(200);
  return res;
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

/** A cell as text, the way both files and the expectations are compared (CSV has only text). */
function text(cell: unknown, column?: SheetColumn): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    // the xlsx writer stores a day at midnight and an instant at China's wall clock
    return column?.type === 'date' ? cell.toISOString().slice(0, 10) : cell.toISOString().slice(0, 16).replace('T', ' ');
  }
  return String(cell);
}

const chinaDateTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** What a site's row must hold, as text (the domain's own row, written as the files write it). */
async function expectedRow(site: Site, columns: SheetColumn[], locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<string[]> {
  const units: { code: string; name: string; level: number }[] = await t.dataSource.query(
    `SELECT r.code, r.name, r.level FROM region r, region s WHERE s.code = $1 AND r.code IN (s.province_code, s.prefecture_code, s.county_code, s.code) ORDER BY r.level`,
    [site.regionCode],
  );
  const path: RegionPathEntry[] = units;
  const cells = siteSheetRow(site, columns, { locale, kindOf: (code) => KINDS.get(code), regionPath: () => path });
  return cells.map((cell: SheetCell) => (cell instanceof Date ? chinaDateTime(cell) : text(cell)));
}

/** CSV text (either encoding) as rows of strings; the BOM, the formula guard and the ="…" of long digits are undone. */
function csvRows(body: Buffer, encoding: 'utf-8' | 'gb18030'): string[][] {
  const source = encoding === 'gb18030' ? iconv.decode(body, 'gb18030') : body.toString('utf8');
  const rows: string[][] = parseCsv(source.replace(/^\uFEFF/, ''));
  return rows.map((row) => row.map((cell) => cell.replace(/^="(\d+)"$/, '$1').replace(/^'(?=[=+\-@\t\r])/, '')));
}

async function listAll(who: SignedIn, query: Record<string, unknown> = {}): Promise<Site[]> {
  const items: Site[] = [];
  for (let page = 1; ; page++) {
    const body = (await who.http.get('/api/sites').query({ ...query, page, pageSize: 500 }).expect(200)).body as SiteListResponse;
    items.push(...body.items);
    if (items.length >= body.total || !body.items.length) return items;
  }
}

/** A site registered through the API by the unit's district staff. */
async function register(who: SignedIn, kind: string, overrides: Record<string, unknown> = {}): Promise<Site> {
  const county = who.account.regionCode!;
  return (await who.http.post('/api/sites').send(siteInput(kind, undefined, { regionCode: county, location: testPointIn(county), ...overrides })).expect(201)).body as Site;
}

describe('GET /api/exports/sites', () => {
  const mine: Site[] = [];
  const theirs: Site[] = [];

  it('writes one sheet per kind with exactly the sites GET /api/sites lists, row for row', async () => {
    const townships = (await nanguan.http.get('/api/regions?parent=220102').expect(200)).body.items as { code: string }[];
    for (const kind of installedKinds) {
      mine.push(await register(nanguan, kind.code, { name: `南关${kind.code}`, openedOn: null }));
      mine.push(await register(nanguan, kind.code, { regionCode: townships[0].code, name: `南关乡镇${kind.code}` }));
    }
    theirs.push(await register(chaoyang, installedKinds[0].code, { name: '朝阳区的网点' }));
    theirs.push(await register(jilinCity, installedKinds[1].code, { name: '吉林市的网点' }));

    const res = await download(nanguan, '/api/exports/sites', {});
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['cache-control']).toContain('no-store');
    const disposition = res.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; filename="sites-220102-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^网点名单-吉林省长春市南关区-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const book = await workbook(res.body);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(installedKinds.map((kind) => kind.labels['zh-CN']));
    const listed = await listAll(nanguan);
    expect(listed.map((s) => s.id).sort()).toEqual(mine.map((s) => s.id).sort());
    for (const kind of installedKinds) {
      const sheet = book.getWorksheet(kind.labels['zh-CN'])!;
      const columns = siteSheetColumns(kind);
      const rows = (sheet.getSheetValues() as unknown[][]).slice(1).map((row) => columns.map((column, i) => text(row[i + 1], column)));
      expect(rows[0]).toEqual(columns.map((column) => column.header['zh-CN']));
      const expected = await Promise.all(listed.filter((site) => site.kind === kind.code).map((site) => expectedRow(site, columns)));
      // in the list's order (newest change first)
      expect(rows.slice(1)).toEqual(expected);
    }
  });

  it('writes CSV in UTF-8 (with a BOM) and GB18030: one table with 网点类型 and the union of the kinds’ columns', async () => {
    const utf8 = await download(nanguan, '/api/exports/sites', { format: 'csv' });
    expect(utf8.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...utf8.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // not compressed on the way (the writers follow the socket's backpressure), though the client accepts gzip
    expect(utf8.headers['content-encoding']).toBeUndefined();
    expect(decodeURIComponent((utf8.headers['content-disposition']).split("UTF-8''")[1])).toMatch(/\.csv$/);
    const gb = await download(nanguan, '/api/exports/sites', { format: 'csv', encoding: 'gb18030' });
    expect(gb.headers['content-type']).toBe('text/csv; charset=gb18030');
    expect(gb.body.toString('utf8')).not.toContain('网点类型'); // not UTF-8 bytes
    const rows = csvRows(utf8.body, 'utf-8');
    expect(csvRows(gb.body, 'gb18030')).toEqual(rows);

    const columns = unionSheetColumns(installedKinds);
    expect(rows[0]).toEqual(columns.map((column) => column.header['zh-CN']));
    expect(rows[0][0]).toBe('网点类型');
    const listed = await listAll(nanguan);
    expect(rows.slice(1)).toEqual(await Promise.all(listed.map((site) => expectedRow(site, columns))));
  });

  it('writes English headers and labels with lang=en', async () => {
    const rows = csvRows((await download(nanguan, '/api/exports/sites', { format: 'csv', lang: 'en' })).body, 'utf-8');
    expect(rows[0][0]).toBe(kindColumn().header.en);
    const listed = await listAll(nanguan);
    expect(rows.slice(1)).toEqual(await Promise.all(listed.map((site) => expectedRow(site, unionSheetColumns(installedKinds), 'en'))));
  });

  it('applies the list’s filters and sort', async () => {
    const kind = installedKinds[2].code;
    await t.dataSource.query(`UPDATE site SET status = 'approved' WHERE id = $1`, [mine.find((s) => s.kind === kind)!.id]);
    for (const query of [{ kind }, { status: 'approved' }, { q: '乡镇' }, { kind: [installedKinds[0].code, kind], sort: 'name' }, { sort: 'openedOn' }, { sort: '-createdAt', status: ['draft'] }]) {
      const ids = csvRows((await download(nanguan, '/api/exports/sites', { ...query, format: 'csv' })).body, 'utf-8')
        .slice(1)
        .map((row) => row.at(-3));
      expect(ids, JSON.stringify(query)).toEqual((await listAll(nanguan, query)).map((site) => site.id));
      expect(ids.length, JSON.stringify(query)).toBeGreaterThan(0);
    }
    const sheets = (await workbook((await download(nanguan, '/api/exports/sites', { kind })).body)).worksheets;
    expect(sheets.map((sheet) => sheet.name)).toEqual([KINDS.get(kind)!.labels['zh-CN']]);
  });

  it('never writes another unit’s sites; a prefecture official gets their districts', async () => {
    const idsOf = async (who: SignedIn, query: Record<string, unknown> = {}) =>
      csvRows((await download(who, '/api/exports/sites', { ...query, format: 'csv' })).body, 'utf-8')
        .slice(1)
        .map((row) => row.at(-3));
    const ownIds = await idsOf(nanguan);
    expect(ownIds).not.toContain(theirs[0].id);
    expect(ownIds).not.toContain(theirs[1].id);
    // asking for the other county is the coverage report's 404 (tested with the bad queries), never its file
    expect((await nanguan.http.get('/api/exports/sites').query({ region: '220104', format: 'csv' })).status).toBe(404);
    const prefecture = await idsOf(changchun);
    expect(prefecture).toEqual(expect.arrayContaining([...mine.map((s) => s.id), theirs[0].id]));
    expect(prefecture).not.toContain(theirs[1].id);
    expect(prefecture.sort()).toEqual((await listAll(changchun)).map((s) => s.id).sort());
    expect(await idsOf(province)).toEqual(expect.arrayContaining([theirs[0].id, theirs[1].id]));
  });

  it('refuses a bad query with the product’s JSON error before writing a byte', async () => {
    await expectEveryRefused([
      ['format=pdf', nanguan.http.get('/api/exports/sites?format=pdf')],
      ['encoding on xlsx', nanguan.http.get('/api/exports/sites?encoding=gb18030')],
      ['encoding=latin1', nanguan.http.get('/api/exports/sites?format=csv&encoding=latin1')],
      ['paging', nanguan.http.get('/api/exports/sites?page=2')],
      ['unknown parameter', nanguan.http.get('/api/exports/sites?foo=1')],
      ['lang=fr', nanguan.http.get('/api/exports/sites?lang=fr')],
      ['unknown region', nanguan.http.get('/api/exports/sites?region=229999')],
      ['bad kind', nanguan.http.get('/api/exports/sites?kind=NOT A KIND')],
    ]);
    const res = await nanguan.http.get('/api/exports/sites?region=229999');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(expectProductError(res, 400).issues?.map((issue) => issue.path)).toEqual(['query.region']);
    // a region outside the jurisdiction: the coverage report's 404, not an empty file named after it
    const outside = await nanguan.http.get('/api/exports/sites?region=220104');
    expect(outside.headers['content-disposition']).toBeUndefined();
    expect(expectProductError(outside, 404).code).toBe('region.not_in_jurisdiction');
    // a kind not installed: a 400 naming it, not an xlsx with a blank sheet
    const unknownKind = await nanguan.http.get('/api/exports/sites?kind=nosuchkind');
    expect(unknownKind.headers['content-disposition']).toBeUndefined();
    const kindError = expectProductError(unknownKind, 400);
    expect(kindError.code).toBe('export.unknown_kind');
    expect(kindError.messages.en).toContain('nosuchkind');
    expect((await t.http().get('/api/exports/sites')).status).toBe(401);
    // more sites than one export holds: refused with the limit named, before the file starts
    const limits = EXPORT_LIMITS as { maxSites: number };
    const max = limits.maxSites;
    limits.maxSites = 3;
    try {
      const tooMany = expectProductError(await nanguan.http.get('/api/exports/sites'), 400);
      expect(tooMany.code).toBe('export.too_many_sites');
      expect(tooMany.messages['zh-CN']).toContain('最多导出 3 个');
      await download(nanguan, '/api/exports/sites', { kind: installedKinds[0].code });
    } finally {
      limits.maxSites = max;
    }
    expect((await t.http().get('/api/exports/coverage')).status).toBe(401);
  });
});

describe('site exports in keyset pages', () => {
  const COUNT = 2_150;

  it('streams more sites than a page, with ties on the sort column, each once and in the list’s order', async () => {
    const [county] = await t.dataSource.query(`SELECT code, province_code, prefecture_code FROM region WHERE code = '220203'`);
    const kind = installedKinds[0];
    // inserted directly (as the bench does): many share one updated_at, half have no opening date
    for (let start = 0; start < COUNT; start += 500) {
      const values: string[] = [];
      const params: unknown[] = [];
      for (let i = start; i < Math.min(COUNT, start + 500); i++) {
        const row = [randomUUID(), kind.code, `批量网点${i}`, county.code, county.province_code, county.prefecture_code, county.code, '测试路1号', 43.8, 126.5, 'wgs84', '测试运营方', creditCode(), '测试', '0432-66668888', JSON.stringify(kind.examples.valid), kind.attributesVersion, 'approved', 1, i % 2 ? null : `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, new Date(Date.UTC(2025, 0, 1 + (i % 3))).toISOString()];
        values.push(`(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
      }
      await t.dataSource.query(
        `INSERT INTO site (id, kind, name, region_code, province_code, prefecture_code, county_code, address, lat, lng, location_source, operator_name, operator_credit_code, contact_person, contact_phone, attributes, attributes_version, status, version, opened_on, updated_at) VALUES ${values.join(', ')}`,
        params,
      );
    }
    for (const sort of ['-updatedAt', 'openedOn', '-openedOn', 'name']) {
      const ids = csvRows((await download(longtan, '/api/exports/sites', { format: 'csv', sort, region: '220203' })).body, 'utf-8')
        .slice(1)
        .map((row) => row.at(-3));
      expect(new Set(ids).size, sort).toBe(COUNT);
      expect(ids, sort).toEqual((await listAll(longtan, { sort, region: '220203' })).map((site) => site.id));
    }
    const book = await workbook((await download(longtan, '/api/exports/sites', { region: '220203' })).body);
    expect(book.worksheets.map((sheet) => sheet.rowCount)).toEqual([COUNT + 1]);
  });

  it('lets other work run while it writes (PGlite answers on promise callbacks only, so the export must yield)', async () => {
    const service = t.app.get(SiteExportService);
    const query = siteExportQuerySchema.parse({ format: 'csv', region: '220203' });
    const scope = { kind: 'national' } as const;
    const plan = await service.plan(query, scope);
    expect(plan.total).toBe(COUNT);
    // a sink that takes every chunk at once: the writer never waits on it, as with a fast socket
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    await service.write(service.writerFor(sink, query, { title: 'x', region: 'x', generatedAt: new Date() }), plan, query, scope);
    counting = false;
    // at least a turn per page and per 200 rows: other requests are answered during the export
    expect(turns).toBeGreaterThanOrEqual(Math.floor(COUNT / 200));
  });

  it('cuts the download off (never a file that looks complete) when reading fails after it started', async () => {
    const sites = t.app.get(SitesService);
    const real = sites.filtered.bind(sites);
    let calls = 0;
    const spy = vi.spyOn(sites, 'filtered').mockImplementation(async (...args) => {
      // the plan's count and the first page work; the second page fails (more than a page: the 2,150 sites of the test above)
      if (++calls === 3) throw new Error('database went away (test)');
      return real(...args);
    });
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const outcome = await binary(longtan.http.get('/api/exports/sites').query({ format: 'csv', region: '220203' })).then(
        (res) => ({ status: res.status, length: (res.body as Buffer).length }),
        (error: Error) => ({ error: error.message }),
      );
      expect(calls).toBe(3);
      expect(outcome).toEqual({ error: expect.stringMatching(/aborted|socket hang up|ECONNRESET|terminated/i) });
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/sites-220203-.*\.csv failed after it started.*database went away \(test\)/s));
    } finally {
      spy.mockRestore();
      logged.mockRestore();
    }
  });
});

describe('GET /api/exports/coverage', () => {
  it('writes the summary, a sheet per target with gaps and the matrix, with the API’s figures', async () => {
    const res = await download(province, '/api/exports/coverage', {});
    expect(res.headers['content-type']).toBe(XLSX);
    expect(decodeURIComponent((res.headers['content-disposition']).split("UTF-8''")[1])).toMatch(/^覆盖情况报告-吉林省-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const coverage = (await province.http.get('/api/coverage').query({ region: '220000' }).expect(200)).body as {
      results: { target: { title: Record<string, string> }; required: number; actual: number; shortfalls?: { code: string; count: number }[] }[];
    };
    const book = await workbook(res.body);
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe('汇总');
    expect(names.at(-1)).toBe('区县矩阵');
    expect(names.length).toBe(2 + coverage.results.filter((r) => r.shortfalls).length);
    const summary = (book.getWorksheet('汇总')!.getSheetValues() as unknown[][]).slice(2);
    expect(summary.map((row) => [row[1], row[5], row[6]])).toEqual(coverage.results.map((r) => [r.target.title['zh-CN'], r.required, r.actual]));
    const matrix = (await province.http.get('/api/coverage/matrix').query({ region: '220000', level: 3 }).expect(200)).body as { rows: { code: string; total: number }[] };
    const matrixRows = (book.getWorksheet('区县矩阵')!.getSheetValues() as unknown[][]).slice(2);
    expect(matrixRows.map((row) => [row[1], row.at(-1)])).toEqual(matrix.rows.map((row) => [row.code, row.total]));
    expect(matrix.rows.reduce((sum, row) => sum + row.total, 0)).toBeGreaterThan(0);
  });

  it('as of a past day: the figures of GET /api/coverage?asOf= for that day, the day in the file name; a future day is a 400', async () => {
    const day = '2025-06-30';
    const res = await download(province, '/api/exports/coverage', { asOf: day });
    expect(decodeURIComponent(res.headers['content-disposition'].split("UTF-8''")[1])).toBe(`覆盖情况报告-吉林省-${day}.xlsx`);
    const answer = (query: Record<string, string>) => province.http.get('/api/coverage').query({ region: '220000', ...query }).expect(200);
    const past = (await answer({ asOf: day })).body as { results: { target: { title: Record<string, string> }; required: number; actual: number }[] };
    const today = (await answer({})).body as typeof past;
    const summary = (book: ExcelJS.Workbook) => (book.getWorksheet('汇总')!.getSheetValues() as unknown[][]).slice(2).map((row) => [row[1], row[5], row[6]]);
    expect(summary(await workbook(res.body))).toEqual(past.results.map((r) => [r.target.title['zh-CN'], r.required, r.actual]));
    // the sites of this suite were approved after that day: the past report is not today's
    const sum = (c: typeof past) => c.results.reduce((n, r) => n + r.actual, 0);
    expect(sum(past)).toBeLessThan(sum(today));
    expectProductError(await province.http.get('/api/exports/coverage?asOf=2999-01-01'), 400);
  });

  it('reports the caller’s unit by default, refuses a region outside it (404) and asks an admin for one (400)', async () => {
    const book = await workbook((await download(changchun, '/api/exports/coverage', { lang: 'en' })).body);
    expect(book.worksheets[0].name).toBe('Summary');
    expectProductError(await changchun.http.get('/api/exports/coverage?region=220200'), 404);
    expect(expectProductError(await admin.http.get('/api/exports/coverage'), 400).code).toBe('export.region_required');
    expectProductError(await admin.http.get('/api/exports/coverage?region=22'), 400);
    await download(admin, '/api/exports/coverage', { region: '220102' });
  });
});
