import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { ImportRunner } from '../src/imports/import-runner.js';
import { cleanFileName } from '../src/imports/upload.js';
import { siteInput } from './factories/sites.js';
import { useSignedIn, useTestApp } from './support/test-app.js';
import { KINDS, checkedUpload, commitAndWait, headerOf, importColumns, rowOf, settled, useListeningPort, xlsxOf } from './support/imports.js';

/**
 * The import runner's lifecycle (design §5): jobs cut off by a stopped process are recovered, a
 * commit cut off is marked interrupted and can be committed again, expired jobs are deleted;
 * uploads over the size limit are refused with the product's 413 (before reading, or once read).
 */
const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: '220102' });
const TRAINING = KINDS.get('training-base')!;

async function fileOf(count: number): Promise<Buffer> {
  const columns = importColumns(TRAINING);
  return xlsxOf([headerOf(columns), ...Array.from({ length: count }, () => rowOf(TRAINING, siteInput('training-base'), columns))], { sheet: TRAINING.labels['zh-CN'] });
}

describe('import runner: recovery and retention', () => {
  it('a check cut off (its runner gone) goes back in the queue and is checked again', async () => {
    const job = await checkedUpload(staff, 'training-base', await fileOf(2), 'recover.xlsx');
    expect(job.status).toBe('checked');
    await t.dataSource.query(`UPDATE import_job SET status = 'checking', runner = 'gone-instance', heartbeat_at = now() - interval '10 minutes' WHERE id = $1`, [job.id]);
    await t.app.get(ImportRunner).recover();
    const again = await settled(staff, job.id);
    expect(again).toMatchObject({ status: 'checked', counts: { rows: 2, create: 2, errors: 0 } });
    const rows = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM import_row WHERE job_id = $1`, [job.id]);
    expect(Number(rows[0].n)).toBe(2);
  });

  it('a commit cut off is marked interrupted, nothing of it saved, and can be committed again', async () => {
    const job = await checkedUpload(staff, 'training-base', await fileOf(2), 'interrupted.xlsx');
    await t.dataSource.query(`UPDATE import_job SET status = 'committing', options = '{"submit":false,"existing":"change-request"}', runner = 'gone-instance', heartbeat_at = now() - interval '10 minutes' WHERE id = $1`, [job.id]);
    await t.app.get(ImportRunner).recover();
    const interrupted = (await staff.http.get(`/api/imports/${job.id}`).expect(200)).body as { status: string; interrupted: boolean };
    expect(interrupted).toMatchObject({ status: 'checked', interrupted: true });
    const committed = await commitAndWait(staff, job.id);
    expect(committed).toMatchObject({ status: 'committed', interrupted: false, counts: { create: 2 } });
    const sources = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM site_history WHERE source->>'jobId' = $1`, [job.id]);
    expect(Number(sources[0].n)).toBe(2);
  });

  it('expired jobs are deleted with their rows and files; unexpired ones stay', async () => {
    const old = await checkedUpload(staff, 'training-base', await fileOf(1), 'old.xlsx');
    const fresh = await checkedUpload(staff, 'training-base', await fileOf(1), 'fresh.xlsx');
    await t.dataSource.query(`UPDATE import_job SET expires_at = now() - interval '1 day' WHERE id = $1`, [old.id]);
    expect(await t.app.get(ImportRunner).purgeExpired()).toBeGreaterThanOrEqual(1);
    await staff.http.get(`/api/imports/${old.id}`).expect(404);
    await staff.http.get(`/api/imports/${fresh.id}`).expect(200);
    const left = await t.dataSource.query<{ rows: number; uploads: number }[]>(`SELECT (SELECT count(*) FROM import_row WHERE job_id = $1)::int AS rows, (SELECT count(*) FROM import_upload WHERE job_id = $1)::int AS uploads`, [old.id]);
    expect(left[0]).toEqual({ rows: 0, uploads: 0 });
    // A new upload expires after keepDaysOpen days.
    const days = (Date.parse(fresh.expiresAt) - Date.parse(fresh.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(IMPORT_LIMITS.keepDaysOpen, 3);
  });

  it('discarding a job under commit is refused (409); discarding deletes its file at once', async () => {
    const job = await checkedUpload(staff, 'training-base', await fileOf(1), 'discard.xlsx');
    await t.dataSource.query(`UPDATE import_job SET status = 'committing', runner = 'elsewhere', heartbeat_at = now() WHERE id = $1`, [job.id]);
    const refused = await t.http().delete(`/api/imports/${job.id}`).set('Authorization', `Bearer ${staff.token}`);
    expect(refused.status).toBe(409);
    await t.dataSource.query(`UPDATE import_job SET status = 'checked', runner = NULL WHERE id = $1`, [job.id]);
    await t.http().delete(`/api/imports/${job.id}`).set('Authorization', `Bearer ${staff.token}`).expect(204);
    const uploads = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM import_upload WHERE job_id = $1`, [job.id]);
    expect(Number(uploads[0].n)).toBe(0);
  });
});

describe('import runner: other requests go on during a check', () => {
  it('a 5,000-row check is seen part-way (progress on the job) by requests served while it runs', async () => {
    const res = await staff.http.post('/api/imports/training-base').attach('file', await fileOf(5_000), { filename: 'big.xlsx', contentType: 'application/octet-stream' });
    expect(res.status).toBe(202);
    const id = (res.body as { id: string }).id;
    const seen: { status: string; done: number; total: number }[] = [];
    for (;;) {
      const job = (await staff.http.get(`/api/imports/${id}`).expect(200)).body as { status: string; progress: { done: number; total: number } };
      seen.push({ status: job.status, ...job.progress });
      if (!['queued', 'checking'].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen.at(-1)).toMatchObject({ status: 'checked', done: 5_000, total: 5_000 });
    expect(seen.some((job) => job.status === 'checking' && job.done > 0 && job.done < job.total), JSON.stringify(seen.slice(0, 50))).toBe(true);
    await t.http().delete(`/api/imports/${id}`).set('Authorization', `Bearer ${staff.token}`).expect(204);
  });
});

describe('upload limits', () => {
  const portOf = useListeningPort(t);

  /** Sends a multipart upload of `size` bytes (chunked when `declare` is false) and returns the answer. */
  function post(size: number, declare: boolean): Promise<{ status: number; body: { code?: string; message?: string } }> {
    const boundary = 'sitenet-boundary';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { Authorization: `Bearer ${staff.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` };
      if (declare) headers['Content-Length'] = head.length + size + tail.length;
      const req = http.request({ host: '127.0.0.1', port: portOf(), method: 'POST', path: '/api/imports/training-base', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as { code?: string } });
        });
      });
      req.on('error', (error) => (declare ? undefined : reject(error)));
      req.write(head);
      if (declare) return; // announced, never sent: the answer must come before the body
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end(tail);
      };
      pump();
    });
  }

  it('a Content-Length over 20 MB is refused before the body is read (413, the product error)', async () => {
    const res = await post(IMPORT_LIMITS.maxBytes + 1024 * 1024, true);
    expect(res).toMatchObject({ status: 413, body: { code: 'import.too_large' } });
    expect(res.body.message).toContain('20 MB');
  });

  it('a file that turns out over 20 MB (chunked, no length) is cut off and refused (413)', async () => {
    const res = await post(IMPORT_LIMITS.maxBytes + 2 * 1024 * 1024, false);
    expect(res).toMatchObject({ status: 413, body: { code: 'import.too_large' } });
  });

  it('file names: base name, NFC, no control characters, at most 120 characters with the extension kept', () => {
    expect(cleanFileName('/tmp/../a/名单.xlsx')).toBe('名单.xlsx');
    expect(cleanFileName('e\u0301\u0000\u202e.csv')).toBe('\u00e9.csv');
    expect(cleanFileName('')).toBe('upload');
    const long = cleanFileName(`${'长'.repeat(300)}.xlsx`);
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});
