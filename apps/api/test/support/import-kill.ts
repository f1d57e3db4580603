import { expect } from 'vitest';
import type { ImportJob, SiteKindDefinition } from '@sitenet/domain';
import { creditCodeCheckCharacter } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import type { ApiProcess } from './api-process.js';
import { headerOf, importColumns, rowOf } from './imports.js';

/**
 * Design §10 "Reliability": an import's commit is one transaction, so a process killed (SIGKILL)
 * in the middle of it leaves nothing of it; the restarted API marks the job interrupted, a second
 * commit writes every row once, and the same file uploaded again matches every row as unchanged.
 * Run against the built API as a process, on the embedded database or on a PostgreSQL server.
 */

/** A CSV (UTF-8) of `rows` registrations of `kind` in 南关区 (the demo district's county), each a distinct site. */
export function importCsv(kind: SiteKindDefinition, rows: number, prefix: string): Buffer {
  const columns = importColumns(kind);
  const lines = [headerOf(columns)];
  for (let i = 1; i <= rows; i++) {
    const body = `9122010${String(900_000 + i).padStart(10, '0')}`.slice(0, 17);
    const input = {
      kind: kind.code,
      name: `${prefix}${i}号`,
      regionCode: '220102',
      address: `南关区导入路${i}号`,
      location: { lat: 43.86 + (i % 100) / 10_000, lng: 125.35 + (i % 97) / 10_000 },
      operator: { name: `${prefix}运营单位${i}`, creditCode: body + creditCodeCheckCharacter(body) },
      contact: { person: '王导入', phone: '13912345678' },
      openedOn: '2024-03-01',
      barrierFree: [],
      attributes: kind.attributes.parse(kind.examples.valid),
    };
    lines.push(rowOf(kind, input, columns).map((cell) => (cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell))));
  }
  const quote = (cell: string) => (/[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return Buffer.from(`\uFEFF${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export interface Client {
  token: string;
  call: <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
}

export async function signInDemoDistrict(api: ApiProcess): Promise<Client> {
  const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-district', password: 'sitenet-demo' }) });
  expect(login.status).toBe(200);
  const token = ((await login.json()) as { token: string }).token;
  return {
    token,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}

export async function upload(api: ApiProcess, client: Client, kind: string, bytes: Buffer, fileName: string): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const res = await fetch(`${api.url}/api/imports/${kind}`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  const text = await res.text();
  expect(res.status, text.slice(0, 400)).toBe(202);
  return JSON.parse(text) as ImportJob;
}

/** Polls the job until it is no longer queued, checking or committing. */
export async function settle(client: Client, id: string, timeoutMs = 600_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await client.call<ImportJob>('GET', `/api/imports/${id}`);
    expect(status).toBe(200);
    if (!['queued', 'checking', 'committing'].includes(body.status)) return body;
    if (Date.now() > until) throw new Error(`import ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** How many sites the list finds by this name prefix (the demo district sees its county). */
export async function sitesNamed(client: Client, prefix: string): Promise<number> {
  const { status, body } = await client.call<{ total: number }>('GET', `/api/sites?q=${encodeURIComponent(prefix)}&pageSize=1`);
  expect(status).toBe(200);
  return body.total;
}

/** Waits until the process's log shows `text`, polling often (the statements after it take seconds). */
export async function logShows(api: ApiProcess, text: string, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!api.output().includes(text)) {
    if (Date.now() > until) throw new Error(`the log never showed "${text}":\n${api.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * The whole scenario: `start` starts the API (the same database every time), `waitRecovered`
 * says how long a restarted API may take to mark the cut-off commit interrupted.
 */
export async function killMidCommit(start: () => Promise<ApiProcess>, options: { rows: number; recoveryMs: number }): Promise<void> {
  const kind = installedKinds[0];
  const prefix = '断电导入网点';
  const file = importCsv(kind, options.rows, prefix);
  let api = await start();
  try {
    let client = await signInDemoDistrict(api);
    const uploaded = await upload(api, client, kind.code, file, '断电测试.csv');
    const checked = await settle(client, uploaded.id);
    expect(checked.status, JSON.stringify(checked.failure)).toBe('checked');
    expect(checked.counts).toMatchObject({ rows: options.rows, errors: 0, create: options.rows });

    // Not awaited first: on PGlite the 202 itself waits for the connection the commit holds.
    const asked = client.call('POST', `/api/imports/${checked.id}/commit`, {}).catch(() => null);
    await logShows(api, `import ${checked.id}: commit statement 3 of`);
    await api.kill();
    await asked;
    expect(api.output()).not.toContain(`import ${checked.id}: committed`);

    api = await start();
    client = await signInDemoDistrict(api);
    const until = Date.now() + options.recoveryMs;
    let after = (await client.call<ImportJob>('GET', `/api/imports/${checked.id}`)).body;
    while (after.status === 'committing' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      after = (await client.call<ImportJob>('GET', `/api/imports/${checked.id}`)).body;
    }
    expect(after).toMatchObject({ status: 'checked', interrupted: true });
    // nothing of the cut-off commit: no site (and so no history entry, which needs its site)
    expect(await sitesNamed(client, prefix)).toBe(0);

    expect((await client.call('POST', `/api/imports/${checked.id}/commit`, {})).status).toBe(202);
    const committed = await settle(client, checked.id);
    expect(committed.status, JSON.stringify(committed.failure)).toBe('committed');
    expect(committed.counts.create).toBe(options.rows);
    expect(await sitesNamed(client, prefix)).toBe(options.rows);
    const one = (await client.call<{ items: { id: string }[] }>('GET', `/api/sites?q=${encodeURIComponent(`${prefix}1号`)}&pageSize=1`)).body.items[0];
    const history = (await client.call<{ items: { action: string; source: { jobId: string } | null }[] }>('GET', `/api/sites/${one.id}/history`)).body.items;
    expect(history.map((entry) => [entry.action, entry.source?.jobId])).toEqual([['create', checked.id]]);

    const again = await settle(client, (await upload(api, client, kind.code, file, '断电测试.csv')).id);
    expect(again.counts).toMatchObject({ rows: options.rows, errors: 0, create: 0, unchanged: options.rows });
  } finally {
    await api.kill();
  }
}
