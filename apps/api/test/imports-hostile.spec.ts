import http from 'node:http';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportJob, ImportJobList, SheetCell, SiteListResponse } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { ImportJobsService } from '../src/imports/import-jobs.service.js';
import { ImportRunner } from '../src/imports/import-runner.js';
import { siteInput } from './factories/sites.js';
import { expectProductError } from './support/product-error.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';
import { KINDS, binary, checkedUpload, commitAndWait, discard, headerOf, importColumns, rowOf, rowsOf, settled, uploadFile, useListeningPort, xlsxOf } from './support/imports.js';

/**
 * The import attacked as an attacker and as a careless clerk would: malformed uploads, other
 * people's jobs, regions and sites outside the jurisdiction, duplicates in disguise, races, CSV
 * injection in the annotated file, limits just passed, and what the log keeps. Never a 500.
 */
const logLines: string[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
const t = useTestApp({ logLevel: 'info' }, { logDestination: logSink as unknown as NonNullable<Parameters<typeof useTestApp>[1]>['logDestination'] });
const nanguan = useSignedIn(t, { role: 'district', regionCode: '220102' });
const chaoyang = useSignedIn(t, { role: 'district', regionCode: '220104' });
const prefecture = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });
const admin = useSignedIn(t, { role: 'admin', regionCode: null });

const TRAINING = KINDS.get('training-base')!;
const COLUMNS = importColumns(TRAINING);
const HEADER = headerOf(COLUMNS);
const indexOf = (key: string) => COLUMNS.findIndex((column) => column.key === key);

/** A template row of a valid training base, with some cells replaced (by column key). */
function cellsOf(input: Record<string, unknown> = siteInput('training-base'), edits: Record<string, SheetCell> = {}): SheetCell[] {
  const row = rowOf(TRAINING, input, COLUMNS);
  for (const [key, value] of Object.entries(edits)) {
    expect(indexOf(key), key).toBeGreaterThanOrEqual(0);
    row[indexOf(key)] = value;
  }
  return row;
}

const fileOf = (rows: SheetCell[][]) => xlsxOf([HEADER, ...rows], { sheet: TRAINING.labels['zh-CN'] });

function csvOf(rows: SheetCell[][]): string {
  const quote = (cell: SheetCell) => {
    const text = cell === null ? '' : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

async function openJobs(who: SignedIn): Promise<ImportJob[]> {
  const list = (await who.http.get('/api/imports').expect(200)).body as ImportJobList;
  return list.items.filter((job) => ['queued', 'checking', 'checked', 'committing'].includes(job.status));
}

async function discardAll(who: SignedIn): Promise<void> {
  for (const job of await openJobs(who)) {
    const done = await settled(who, job.id);
    if (done.status !== 'committed' && done.status !== 'discarded') await discard(t, who, job.id).expect(204);
  }
}

// A test that fails leaves no open job behind to make the next one hit the limit of 3.
afterEach(() => discardAll(nanguan));

describe('uploads no client can make the API fail on', () => {
  const portOf = useListeningPort(t);

  /** A raw request: the bytes as given, the Content-Length as given (or none). */
  function raw(options: { headers: http.OutgoingHttpHeaders; body: Buffer; end?: boolean; destroyAfterMs?: number }): Promise<{ status: number; body: { code?: string } } | 'closed'> {
    return new Promise((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: portOf(), method: 'POST', path: '/api/imports/training-base', headers: { Authorization: `Bearer ${nanguan.token}`, ...options.headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, body: (text.startsWith('{') ? JSON.parse(text) : {}) as { code?: string } });
        });
      });
      req.on('error', () => resolve('closed'));
      req.write(options.body);
      if (options.destroyAfterMs !== undefined) setTimeout(() => req.destroy(), options.destroyAfterMs);
      else if (options.end !== false) req.end();
    });
  }

  const boundary = 'hostile-boundary';
  const part = (name: string, fileName: string | null, content: Buffer | string) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName === null ? '' : `; filename="${fileName}"`}\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from('\r\n'),
    ]);
  const closing = Buffer.from(`--${boundary}--\r\n`);
  const multipart = (`multipart/form-data; boundary=${boundary}`);

  it('malformed multipart, two files, another field name, no boundary, a wrong boundary, an empty body: a 400 product error, no job', async () => {
    const before = (await openJobs(nanguan)).length;
    const file = await fileOf([cellsOf()]);
    const cases: [string, http.OutgoingHttpHeaders, Buffer][] = [
      ['garbage', { 'Content-Type': multipart }, Buffer.from('this is not multipart at all \u0000\u0001')],
      ['empty body', { 'Content-Type': multipart, 'Content-Length': 0 }, Buffer.alloc(0)],
      ['no boundary', { 'Content-Type': 'multipart/form-data; charset=utf-8' }, Buffer.concat([part('file', 'a.xlsx', file), closing])],
      ['wrong boundary', { 'Content-Type': 'multipart/form-data; boundary=other' }, Buffer.concat([part('file', 'a.xlsx', file), closing])],
      ['two files', { 'Content-Type': multipart }, Buffer.concat([part('file', 'a.xlsx', file), part('file', 'b.xlsx', file), closing])],
      ['another field', { 'Content-Type': multipart }, Buffer.concat([part('upload', 'a.xlsx', file), closing])],
      ['no closing boundary', { 'Content-Type': multipart }, part('file', 'a.xlsx', file)],
      ['header without end', { 'Content-Type': multipart }, Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"`)],
      ['many fields', { 'Content-Type': multipart }, Buffer.concat([part('a', null, '1'), part('b', null, '2'), part('c', null, '3'), part('file', 'a.xlsx', file), closing])],
    ];
    for (const [what, headers, body] of cases) {
      const res = await raw({ headers, body });
      expect(res, what).not.toBe('closed');
      if (res === 'closed') continue;
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.code, what).toMatch(/^import\./);
    }
    expect((await openJobs(nanguan)).length).toBe(before);
  });

  it('a huge file name, path parts, NUL and RTL override: kept as a clean base name of at most 120 characters', async () => {
    const file = await fileOf([cellsOf()]);
    const names: [string, (name: string) => void][] = [
      [`${'很长的名字'.repeat(2000)}.xlsx`, (name) => expect(name.endsWith('.xlsx') && Array.from(name).length <= 120).toBe(true)],
      ['..\\..\\windows\\system32\\名单.xlsx', (name) => expect(name).toBe('名单.xlsx')],
      ['../../etc/passwd%00.xlsx', (name) => expect(name).toBe('passwd%00.xlsx')],
      ['evil\u0000name.xlsx', (name) => expect(name).toBe('evilname.xlsx')],
      ['invoice\u202Excod.xlsx', (name) => expect(name).not.toMatch(/[\u202a-\u202e]/)],
      ['\u202E', (name) => expect(name).toBe('upload')],
    ];
    for (const [fileName, check] of names) {
      const res = await uploadFile(nanguan, 'training-base', file, fileName);
      if (res.status === 400) {
        expect((res.body as { code: string }).code).toMatch(/^import\./);
        continue;
      }
      expect(res.status, res.text.slice(0, 300)).toBe(202);
      const job = res.body as ImportJob;
      check(job.fileName);
      expect((await settled(nanguan, job.id)).status).toBe('checked');
      // The annotated file's name stays a header Node can send.
      const annotated = await binary(nanguan.http.get(`/api/imports/${job.id}/annotated`));
      expect(annotated.status).toBe(200);
      expect(annotated.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[^\s"]+$/);
      await discard(t, nanguan, job.id).expect(204);
    }
    const quoted = (await uploadFile(nanguan, 'training-base', file, 'a";b\r\nX-Evil: 1.xlsx').expect(202)).body as ImportJob;
    await settled(nanguan, quoted.id);
    const annotated = await binary(nanguan.http.get(`/api/imports/${quoted.id}/annotated`));
    expect(annotated.status).toBe(200);
    expect(annotated.headers['x-evil']).toBeUndefined();
    await discard(t, nanguan, quoted.id).expect(204);
    // An ?encoding= the upload does not take is no reason to fail either.
    const encoded = await nanguan.http.post('/api/imports/training-base?encoding=%00garbage').attach('file', file, { filename: 'e.xlsx', contentType: 'application/octet-stream' });
    expect(encoded.status).toBeLessThan(500);
    if (encoded.status === 202) await settled(nanguan, (encoded.body as ImportJob).id);
  });

  it('uploads still being read count against the open-job limit: a fourth at once is refused before its bytes are held', async () => {
    await discardAll(nanguan);
    const file = await fileOf([cellsOf()]);
    const head = part('file', 'held.xlsx', file.subarray(0, 100));
    const held = Array.from({ length: IMPORT_LIMITS.maxOpenJobsPerAccount }, () =>
      raw({ headers: { 'Content-Type': multipart, 'Content-Length': head.length + file.length }, body: head, destroyAfterMs: 6_000 }),
    );
    // Until all three are being read (signed in, counted, their first bytes in).
    const service: { reading: Map<string, number> } = Object(t.app.get(ImportJobsService));
    for (const until = Date.now() + 5_000; (service.reading.get(nanguan.account.id) ?? 0) < held.length && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.reading.get(nanguan.account.id)).toBe(held.length);
    expect(expectProductError(await uploadFile(nanguan, 'training-base', file, 'fourth.xlsx'), 429).code).toBe('import.too_many_open');
    expect(await Promise.all(held)).toEqual(held.map(() => 'closed'));
    // Once they are gone, their places are free again.
    const job = (await uploadFile(nanguan, 'training-base', file, 'after.xlsx').expect(202)).body as ImportJob;
    await settled(nanguan, job.id);
  });

  it('a client that stops mid-upload, or whose Content-Length lies, leaves no job and the API answering', async () => {
    const before = (await openJobs(nanguan)).length;
    const file = await fileOf([cellsOf()]);
    const head = Buffer.concat([part('file', 'slow.xlsx', file.subarray(0, 200))]);
    // Stops mid-file and goes away.
    expect(await raw({ headers: { 'Content-Type': multipart, 'Content-Length': head.length + 100_000 }, body: head, destroyAfterMs: 300 })).toBe('closed');
    // Announces more than it sends, then ends its side.
    const short = await Promise.race([
      raw({ headers: { 'Content-Type': multipart, 'Content-Length': head.length + 100_000 }, body: head, destroyAfterMs: 1_500 }),
      new Promise((resolve) => setTimeout(() => resolve('timeout'), 5_000)),
    ]);
    expect(short).not.toBe('timeout');
    // Announces less than it sends: the rest is another (bad) request, never a file.
    const whole = Buffer.concat([part('file', 'lying.xlsx', file), closing]);
    const lying = await raw({ headers: { 'Content-Type': multipart, 'Content-Length': whole.length - 500 }, body: whole });
    if (lying !== 'closed') expect(lying.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await openJobs(nanguan)).length).toBe(before);
    await nanguan.http.get('/api/imports').expect(200);
  });
});

describe('query strings and ids outside the schema', () => {
  it('rows, list, annotated and every id route answer 400/404, never 500', async () => {
    const job = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf()]), 'q.xlsx');
    const bad: [string, Record<string, unknown>][] = [
      [`/api/imports/${job.id}/rows`, { page: 0 }],
      [`/api/imports/${job.id}/rows`, { pageSize: 100_000 }],
      [`/api/imports/${job.id}/rows`, { action: 'drop table' }],
      [`/api/imports/${job.id}/rows`, { sort: 'row' }],
      [`/api/imports/${job.id}/rows`, { 'column[]': ['a', 'b'] }],
      [`/api/imports/${job.id}/rows`, { code: 'x'.repeat(500) }],
      [`/api/imports/${job.id}/rows`, { page: '1e400' }],
      ['/api/imports', { kind: '../../etc' }],
      ['/api/imports', { status: 'checked' }],
      [`/api/imports/${job.id}/annotated`, { lang: 'fr' }],
      [`/api/imports/${job.id}/annotated`, { format: 'csv' }],
    ];
    for (const [url, query] of bad) expectProductError(await nanguan.http.get(url).query(query), 400);
    for (const kind of ['ALL', '..', 'training-base%00', 'x'.repeat(300)]) expectProductError(await nanguan.http.get(`/api/import/templates/${encodeURIComponent(kind)}`), 400);
    expectProductError(await nanguan.http.get('/api/import/templates/all').query({ lang: 'xx' }), 400);
    for (const id of ['not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '%00', 'x'.repeat(2000)]) {
      for (const res of [
        nanguan.http.get(`/api/imports/${encodeURIComponent(id)}`),
        nanguan.http.get(`/api/imports/${encodeURIComponent(id)}/rows`),
        nanguan.http.get(`/api/imports/${encodeURIComponent(id)}/annotated`),
        nanguan.http.post(`/api/imports/${encodeURIComponent(id)}/commit`).send({}),
        discard(t, nanguan, encodeURIComponent(id)),
      ]) {
        const answer = await res;
        expect([400, 404], `${id}: ${answer.status}`).toContain(answer.status);
        expectProductError(answer, answer.status);
      }
    }
    // Commit bodies outside the schema.
    for (const body of [{ submit: 'yes' }, { existing: 'overwrite' }, { submit: true, extra: 1 }, [1, 2]]) {
      expectProductError(await nanguan.http.post(`/api/imports/${job.id}/commit`).send(body), 400);
    }
    expectProductError(await nanguan.http.post(`/api/imports/${job.id}/commit`).set('Content-Type', 'application/json').send('{"submit": tru'), 400);
    const asText = await nanguan.http.post(`/api/imports/${job.id}/commit`).set('Content-Type', 'text/plain').send('submit=true');
    expect(asText.status).toBeLessThan(500);
    if (asText.status === 202) await settled(nanguan, job.id);
    else await discard(t, nanguan, job.id).expect(204);
  });

  it('a NUL or a lone surrogate in the rows filters is a 400 or an empty page, not a database error', async () => {
    const job = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf(), cellsOf(undefined, { 'contact.phone': '123' })]), 'nul.xlsx');
    for (const query of [{ code: 'a\u0000b' }, { column: '\u0000' }, { code: '\ud800' }]) {
      const res = await nanguan.http.get(`/api/imports/${job.id}/rows`).query(query);
      expect(res.status, `${JSON.stringify(query)}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status === 200) expect(res.body).toMatchObject({ total: 0 });
      else expectProductError(res, 400);
    }
    await discard(t, nanguan, job.id).expect(204);
  });
});

describe('jurisdiction', () => {
  it('a prefecture account cannot import nor see the district’s jobs; a deactivated account’s job is gone with its sign-in', async () => {
    const job = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf()]), 'mine.xlsx');
    expectProductError(await prefecture.http.get(`/api/imports/${job.id}`), 403);
    expectProductError(await prefecture.http.get(`/api/imports/${job.id}/annotated`), 403);
    expectProductError(await prefecture.http.post(`/api/imports/${job.id}/commit`).send({}), 403);

    const leaving = await t.signIn({ role: 'district', regionCode: '220102' });
    const theirs = await checkedUpload(leaving, 'training-base', await fileOf([cellsOf()]), 'leaving.xlsx');
    await admin.http.patch(`/api/accounts/${leaving.account.id}`).send({ active: false }).expect(200);
    expectProductError(await leaving.http.post(`/api/imports/${theirs.id}/commit`).send({}), 401);
    // Another account of the same county does not inherit it.
    expectProductError(await nanguan.http.get(`/api/imports/${theirs.id}`), 404);
    expectProductError(await nanguan.http.post(`/api/imports/${theirs.id}/commit`).send({}), 404);
    await discard(t, nanguan, job.id).expect(204);
  });

  it('a row in another county is refused whether named by code, by names, by a joined path or by a township of that county', async () => {
    const named = (edits: Record<string, SheetCell>) => cellsOf(undefined, { regionCode: null, ...edits });
    const rows = [
      cellsOf(undefined, { regionCode: '220104' }),
      cellsOf(undefined, { regionCode: '220104001000' }),
      named({ 'region.province': '吉林省', 'region.prefecture': '长春市', 'region.county': '朝阳区' }),
      named({ 'region.county': '吉林省长春市朝阳区' }),
      named({ 'region.township': '重庆街道' }),
      named({ 'region.county': '朝阳区' }),
      // A township of another county under this county's name is not this county.
      named({ 'region.county': '南关区', 'region.township': '重庆街道' }),
    ];
    const job = await checkedUpload(nanguan, 'training-base', await fileOf(rows), 'outside.xlsx');
    expect(job.counts).toMatchObject({ rows: rows.length, errors: rows.length, create: 0 });
    const page = await rowsOf(nanguan, job.id);
    for (const row of page.items) {
      expect(row.action, JSON.stringify(row.issues)).toBe('error');
      expect(row.issues.map((issue) => issue.code).join(), `row ${row.row}`).toMatch(/region\.(outside_jurisdiction|unknown|ambiguous)/);
    }
    await discard(t, nanguan, job.id).expect(204);
  });

  it('a 网点编号 of a site in another county, or an existing site there, is never matched nor revealed', async () => {
    const input = siteInput('training-base', undefined, { regionCode: '220104' });
    const created = (await chaoyang.http.post('/api/sites').send(input).expect(201)).body as { id: string };
    // The same credit code and name in Nanguan: a new site, the other county's one not mentioned.
    const same = [...cellsOf({ ...input, regionCode: '220102' }), null];
    const byId = [...cellsOf(), created.id];
    const job = await checkedUpload(nanguan, 'training-base', await xlsxOf([[...HEADER, '网点编号'], same, byId], { sheet: TRAINING.labels['zh-CN'] }), 'foreign-id.xlsx');
    const page = await rowsOf(nanguan, job.id);
    expect(page.items[0]).toMatchObject({ action: 'create', siteId: null });
    expect(page.items[1]).toMatchObject({ action: 'error', siteId: null });
    expect(page.items[1].issues.map((issue) => issue.code)).toContain('import.site_unknown');
    const text = JSON.stringify(page) + JSON.stringify(await nanguan.http.get(`/api/imports/${job.id}`));
    expect(text).not.toContain('朝阳');
    await discard(t, nanguan, job.id).expect(204);
  });
});

describe('duplicates in disguise', () => {
  it('the same credit code and name in other case, full width or with spaces is a duplicate in the file', async () => {
    const input = siteInput('training-base');
    const operator = input.operator;
    const fullWidth = (text: string) => text.replace(/[0-9A-Z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
    const rows = [
      cellsOf(input),
      cellsOf(input, { 'operator.creditCode': operator.creditCode.toLowerCase() }),
      cellsOf(input, { 'operator.creditCode': fullWidth(operator.creditCode) }),
      cellsOf(input, { name: ` ${input.name.split('').join(' ')} ` }),
      cellsOf(input, { name: `${input.name}\u3000` }),
    ];
    const job = await checkedUpload(nanguan, 'training-base', await fileOf(rows), 'dupes.xlsx');
    const page = await rowsOf(nanguan, job.id);
    expect(page.items[0].action).toBe('create');
    for (const row of page.items.slice(1)) expect(row.action, `row ${row.row}: ${JSON.stringify(row.issues)}`).toBe('error');
    expect(job.counts).toMatchObject({ create: 1 });
    await discard(t, nanguan, job.id).expect(204);
  });
});

describe('races', () => {
  it('two commits of one job at once: one 202, one 409, the sites written once', async () => {
    const input = siteInput('training-base');
    const job = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf(input)]), 'twice.xlsx');
    const answers = await Promise.all([nanguan.http.post(`/api/imports/${job.id}/commit`).send({}), nanguan.http.post(`/api/imports/${job.id}/commit`).send({})]);
    expect(answers.map((res) => res.status).sort()).toEqual([202, 409]);
    expect((await settled(nanguan, job.id)).status).toBe('committed');
    const list = (await nanguan.http.get('/api/sites').query({ q: input.name }).expect(200)).body as SiteListResponse;
    expect(list.items).toHaveLength(1);
  });

  it('commit and DELETE at once: either the commit wins (committed, 409 for the discard) or the discard (no site)', async () => {
    const input = siteInput('training-base');
    const job = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf(input)]), 'commit-or-discard.xlsx');
    const [commit, gone] = await Promise.all([nanguan.http.post(`/api/imports/${job.id}/commit`).send({}), discard(t, nanguan, job.id)]);
    const after = await settled(nanguan, job.id);
    const sites = ((await nanguan.http.get('/api/sites').query({ q: input.name }).expect(200)).body as SiteListResponse).items;
    if (commit.status === 202) {
      expect(expectProductError(gone, 409).code).toMatch(/^import\.committ(ing|ed)$/);
      expect(after.status).toBe('committed');
      expect(sites).toHaveLength(1);
    } else {
      expect(commit.status).toBe(409);
      expect(gone.status).toBe(204);
      expect(after.status).toBe('discarded');
      expect(sites).toHaveLength(0);
    }
  });

  it('a job discarded while it is queued or being checked stays discarded, with no rows; committing it before its check is a 409', async () => {
    const rows = Array.from({ length: 600 }, () => cellsOf());
    const job = (await uploadFile(nanguan, 'training-base', await fileOf(rows), 'early.xlsx').expect(202)).body as ImportJob;
    expect(expectProductError(await nanguan.http.post(`/api/imports/${job.id}/commit`).send({}), 409).code).toBe('import.not_committable');
    await discard(t, nanguan, job.id).expect(204);
    await t.app.get(ImportRunner).idle();
    expect((await settled(nanguan, job.id)).status).toBe('discarded');
    expect((await rowsOf(nanguan, job.id)).total).toBe(0);
  });

  it('a committed job cannot be discarded: it stays committed, its sites saved', async () => {
    const job = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf()]), 'done.xlsx');
    expect((await commitAndWait(nanguan, job.id)).status).toBe('committed');
    expect(expectProductError(await discard(t, nanguan, job.id), 409).code).toBe('import.committed');
    expect((await nanguan.http.get(`/api/imports/${job.id}`).expect(200)).body).toMatchObject({ status: 'committed' });
    expect((await rowsOf(nanguan, job.id)).total).toBe(1);
  });

  it('two uploads at once at the open-job limit: one accepted, one 429', async () => {
    const who = await t.signIn({ role: 'district', regionCode: '220102' });
    const file = await fileOf([cellsOf()]);
    for (let i = 0; i < IMPORT_LIMITS.maxOpenJobsPerAccount - 1; i++) await uploadFile(who, 'training-base', file, `${i}.xlsx`).expect(202);
    const answers = await Promise.all([uploadFile(who, 'training-base', file, 'a.xlsx'), uploadFile(who, 'training-base', file, 'b.xlsx')]);
    expect(answers.map((res) => res.status).sort()).toEqual([202, 429]);
    expect(await openJobs(who)).toHaveLength(IMPORT_LIMITS.maxOpenJobsPerAccount);
    await discardAll(who);
  });

  it('a commit asked for and then the account deactivated, or made a reviewer, writes nothing', async () => {
    const who = await t.signIn({ role: 'district', regionCode: '220102' });
    const input = siteInput('training-base');
    const job = await checkedUpload(who, 'training-base', await fileOf([cellsOf(input)]), 'deactivated.xlsx');
    const runner = t.app.get(ImportRunner);
    await runner.idle();
    // The commit is accepted; the account is deactivated before the runner takes it.
    await t.dataSource.query(`UPDATE import_job SET status = 'committing', runner = $2, options = '{"submit":false,"existing":"change-request"}'::jsonb WHERE id = $1`, [job.id, runner.id]);
    await t.dataSource.query(`UPDATE account SET active = false WHERE id = $1`, [who.account.id]);
    runner.wake();
    await runner.idle();
    const [row] = await t.dataSource.query<{ status: string; code: string | null }[]>(`SELECT status, failure->>'code' AS code FROM import_job WHERE id = $1`, [job.id]);
    expect(row).toMatchObject({ status: 'checked', code: 'import.account_inactive' });
    const written = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM site WHERE name = $1`, [input.name]);
    expect(Number(written[0].n)).toBe(0);

    // Likewise an account made a prefecture reviewer meanwhile: only district staff import.
    const moved = await t.signIn({ role: 'district', regionCode: '220102' });
    const other = siteInput('training-base');
    const second = await checkedUpload(moved, 'training-base', await fileOf([cellsOf(other)]), 'moved.xlsx');
    await runner.idle();
    await t.dataSource.query(`UPDATE import_job SET status = 'committing', runner = $2, options = '{"submit":false,"existing":"change-request"}'::jsonb WHERE id = $1`, [second.id, runner.id]);
    await t.dataSource.query(`UPDATE account SET role = 'prefecture', region_code = '220100' WHERE id = $1`, [moved.account.id]);
    runner.wake();
    await runner.idle();
    const [after] = await t.dataSource.query<{ status: string; code: string | null }[]>(`SELECT status, failure->>'code' AS code FROM import_job WHERE id = $1`, [second.id]);
    expect(after).toMatchObject({ status: 'checked', code: 'import.account_inactive' });
    expect(Number((await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM site WHERE name = $1`, [other.name]))[0].n)).toBe(0);
  });
});

describe('the annotated file', () => {
  it('is refused (409) for a failed job and for a discarded one', async () => {
    const failed = await checkedUpload(nanguan, 'training-base', Buffer.from('%PDF-1.7'), 'x.pdf');
    expect(failed.status).toBe('failed');
    expect(expectProductError(await nanguan.http.get(`/api/imports/${failed.id}/annotated`), 409).code).toBe('import.not_checked');
    await discard(t, nanguan, failed.id).expect(204);
    const job = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf()]), 'gone.xlsx');
    await discard(t, nanguan, job.id).expect(204);
    expect(expectProductError(await nanguan.http.get(`/api/imports/${job.id}/annotated`), 409).code).toBe('import.not_checked');
  });

  it('of a job failed for its columns (its header read) says why the file was refused', async () => {
    const wrong = await checkedUpload(nanguan, 'training-base', await xlsxOf([['网点名称', '详细地址'], ['某网点', '某路1号']]), 'missing.xlsx');
    expect(wrong).toMatchObject({ status: 'failed', failure: { code: 'file.missing_columns' }, format: 'xlsx' });
    const res = await binary(nanguan.http.get(`/api/imports/${wrong.id}/annotated`));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const texts: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''), JSON.stringify(cell.note ?? ''))));
    expect(texts.join('\n')).toContain(wrong.failure!.messages['zh-CN'].slice(0, 20));
  });

  it('a cell value starting with = + - @ written back never becomes a formula (CSV and xlsx)', async () => {
    const evil = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)'];
    const rows = evil.map((value) => cellsOf(undefined, { address: value, 'contact.phone': '123' }));
    // CSV: the clerk's cells go back guarded as our export guards them ('=…), and so does the error column.
    const csvJob = await checkedUpload(nanguan, 'training-base', Buffer.from(csvOf(rows)), 'evil.csv');
    expect(csvJob.status).toBe('checked');
    const csv = await binary(nanguan.http.get(`/api/imports/${csvJob.id}/annotated`));
    expect(csv.status).toBe(200);
    const fields = (csv.body as Buffer).toString('utf8').split(/\r\n/).flatMap((line) => line.split(',')).map((field) => field.replace(/^"/, ''));
    for (const field of fields) expect(field, field).not.toMatch(/^[=+\-@\t\r]/);
    // The guarded file imports back with the same values.
    const again = await checkedUpload(nanguan, 'training-base', csv.body as Buffer, 'evil-again.csv');
    const page = await rowsOf(nanguan, again.id);
    expect(page.items.map((row) => row.issues.find((issue) => issue.column === 'address'))).toEqual(evil.map(() => undefined));
    await discard(t, nanguan, again.id).expect(204);
    await discard(t, nanguan, csvJob.id).expect(204);

    const xlsxJob = await checkedUpload(nanguan, 'training-base', await fileOf(rows), 'evil.xlsx');
    const xlsx = await binary(nanguan.http.get(`/api/imports/${xlsxJob.id}/annotated`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => expect(cell.type, String(cell.address)).not.toBe(ExcelJS.ValueType.Formula)));
    await discard(t, nanguan, xlsxJob.id).expect(204);
  });
});

describe('careless files', () => {
  it('a cell of 1,000+ characters, a row of whitespace, a header of unknown columns only', async () => {
    const long = cellsOf(undefined, { address: '长'.repeat(1_001), name: 'n'.repeat(5_000) });
    const blank = HEADER.map(() => ' \u3000\t ');
    const job = await checkedUpload(nanguan, 'training-base', await xlsxOf([HEADER, long, blank, cellsOf()], { sheet: TRAINING.labels['zh-CN'] }), 'careless.xlsx');
    expect(job.status).toBe('checked');
    expect(job.counts).toMatchObject({ rows: 2, errors: 1, create: 1 });
    const page = await rowsOf(nanguan, job.id, { issues: 'errors' });
    expect(page.items[0].issues.map((issue) => issue.code)).toContain('cell.too_long');
    for (const issue of page.items[0].issues) expect((issue.value ?? '').length).toBeLessThanOrEqual(200);
    await discard(t, nanguan, job.id).expect(204);

    const unknown = await checkedUpload(nanguan, 'training-base', await xlsxOf([['甲', '乙', '丙'], ['1', '2', '3']]), 'unknown-columns.xlsx');
    expect(unknown).toMatchObject({ status: 'failed', failure: { code: expect.stringMatching(/^file\.(no_header|missing_columns)$/) } });
    await discard(t, nanguan, unknown.id).expect(204);
  });

  it('a 0-byte file and a .csv that is UTF-16 without a BOM are failed jobs with a stated reason', async () => {
    for (const [bytes, name] of [
      [Buffer.alloc(0), 'empty.xlsx'],
      [Buffer.from(csvOf([cellsOf()]), 'utf16le'), 'utf16.csv'],
    ] as const) {
      const res = await uploadFile(nanguan, 'training-base', bytes, name);
      if (res.status !== 202) {
        expect(res.status).toBeLessThan(500);
        expectProductError(res, res.status);
        continue;
      }
      const job = await settled(nanguan, (res.body as ImportJob).id);
      expect(job.status, name).toBe('failed');
      expect(job.failure!.code).toMatch(/^file\./);
      await discard(t, nanguan, job.id).expect(204);
    }
  });

  it('a NUL in a cell (a CSV past its first 8 KB, _x0000_ in an .xlsx) is dropped, not a check that failed', async () => {
    const rows = Array.from({ length: 60 }, () => cellsOf());
    const input = siteInput('training-base');
    rows.push(cellsOf(input, { address: '南关区\u0000测试路', 'operator.name': '单位\u0000名称' }));
    const job = await checkedUpload(nanguan, 'training-base', Buffer.from(csvOf(rows)), 'nul.csv');
    expect(job.status, JSON.stringify(job.failure)).toBe('checked');
    expect(job.counts).toMatchObject({ rows: 61, create: 61, errors: 0 });
    expect((await commitAndWait(nanguan, job.id)).status).toBe('committed');
    const [site] = ((await nanguan.http.get('/api/sites').query({ q: input.name }).expect(200)).body as SiteListResponse).items;
    expect(site.address).toBe('南关区测试路');
    const xlsx = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf(undefined, { address: '南关区_x0000_测试路' })]), 'nul.xlsx');
    expect(xlsx, JSON.stringify(xlsx.failure)).toMatchObject({ status: 'checked', counts: { create: 1, errors: 0 } });
    // A lone surrogate (_xD800_) is no text either.
    const lone = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf(undefined, { address: '南关区_xD800_测试路', name: '_xDC00_' })]), 'surrogate.xlsx');
    expect(lone.status, JSON.stringify(lone.failure)).toBe('checked');
  });

  it.each(['xlsx', 'csv'] as const)('a %s of 20,001 data rows (one over the limit) is refused as too many rows', async (format) => {
    const row = cellsOf();
    const rows = Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, () => row);
    const bytes = format === 'csv' ? Buffer.from(csvOf(rows)) : await fileOf(rows);
    const job = await checkedUpload(nanguan, 'training-base', bytes, `over.${format}`);
    expect(job, JSON.stringify(job.counts)).toMatchObject({ status: 'failed', failure: { code: 'file.too_many_rows' } });
    await discard(t, nanguan, job.id).expect(204);
  }, 240_000);
});

describe('the log', () => {
  it('prints no phone number, no cell content and no file name of an upload at info', async () => {
    const phone = '13987654321';
    const marker = '秘密地址甲乙丙';
    const input = siteInput('training-base', undefined, { contact: { person: '赵保密', phone } });
    logLines.length = 0;
    const job = await checkedUpload(nanguan, 'training-base', await fileOf([cellsOf(input, { address: marker }), cellsOf(undefined, { 'contact.phone': `${phone}9` })]), `名单-${phone}.xlsx`);
    await rowsOf(nanguan, job.id, { code: phone });
    expectProductError(await nanguan.http.get(`/api/imports/${job.id}/rows`).query({ page: phone, action: phone }), 400);
    expectProductError(await nanguan.http.post(`/api/imports/${job.id}/commit`).send({ existing: phone }), 400);
    await binary(nanguan.http.get(`/api/imports/${job.id}/annotated`)).expect(200);
    await discard(t, nanguan, job.id).expect(204);
    const text = logLines.join('\n');
    expect(text).toContain(job.id);
    for (const secret of [phone, marker, '赵保密', input.name]) expect(text).not.toContain(secret);
  });
});
