import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { afterAll, beforeAll, expect } from 'vitest';
import { siteSheetColumns, siteSheetRow, type ImportJob, type ImportRowPage, type SheetCell, type SheetColumn, type Site, type SiteKindDefinition } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import type { SignedIn, TestApp } from './test-app.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const KINDS = new Map(installedKinds.map((kind) => [kind.code, kind]));

/** The columns a filled template of `kind` has (what an import reads; the export-only ones left out). */
export function importColumns(kind: SiteKindDefinition): SheetColumn[] {
  return siteSheetColumns(kind).filter((column) => !column.readOnly);
}

/** A registration body as the cells of a template's row (region given by its code). */
export function rowOf(kind: SiteKindDefinition, input: Record<string, unknown>, columns = importColumns(kind)): SheetCell[] {
  const site = { id: '00000000-0000-4000-8000-000000000000', status: 'draft', ...input } as unknown as Site;
  return siteSheetRow(site, columns, { locale: 'zh-CN', kindOf: (code) => KINDS.get(code), regionPath: () => [] });
}

/** The header row of a template in Chinese. */
export function headerOf(columns: SheetColumn[]): string[] {
  return columns.map((column) => column.header['zh-CN']);
}

/** An .xlsx with one sheet holding `rows` (the first is the header). */
export async function xlsxOf(rows: SheetCell[][], options: { sheet?: string; build?: (sheet: ExcelJS.Worksheet) => void } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheet ?? 'Sheet1');
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === null ? undefined : cell)));
  options.build?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The response body as bytes, whatever its type. */
export function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

export function uploadFile(who: SignedIn, kind: string, bytes: Buffer, fileName: string): request.Test {
  return who.http.post(`/api/imports/${kind}`).attach('file', bytes, { filename: fileName, contentType: 'application/octet-stream' });
}

/** Polls the job until it is no longer queued, checking or committing. */
export async function settled(who: SignedIn, id: string, timeoutMs = 90_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await who.http.get(`/api/imports/${id}`).expect(200)).body as ImportJob;
    if (!['queued', 'checking', 'committing'].includes(job.status)) return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Uploads and waits for the check. */
export async function checkedUpload(who: SignedIn, kind: string, bytes: Buffer, fileName: string): Promise<ImportJob> {
  const res = await uploadFile(who, kind, bytes, fileName);
  expect(res.status, res.text.slice(0, 400)).toBe(202);
  return settled(who, (res.body as ImportJob).id);
}

export async function rowsOf(who: SignedIn, id: string, query: Record<string, unknown> = {}): Promise<ImportRowPage> {
  return (await who.http.get(`/api/imports/${id}/rows`).query({ pageSize: 200, ...query }).expect(200)).body as ImportRowPage;
}

export async function commitAndWait(who: SignedIn, id: string, body: Record<string, unknown> = {}): Promise<ImportJob> {
  const res = await who.http.post(`/api/imports/${id}/commit`).send(body);
  expect(res.status, res.text.slice(0, 400)).toBe(202);
  return settled(who, id);
}

export function discard(t: TestApp, who: SignedIn, id: string): request.Test {
  return t.http().delete(`/api/imports/${id}`).set('Authorization', `Bearer ${who.token}`);
}

/** Excel's name of a column (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The test app on a real loopback port for the suite, for raw HTTP a supertest request cannot
 * make (lying lengths, cut-off bodies, chunked uploads); the port is known once the suite started.
 */
export function useListeningPort(t: TestApp): () => number {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer(t.app.getHttpAdapter().getInstance() as http.RequestListener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return () => port;
}
