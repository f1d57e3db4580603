import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { embeddedFsyncCount } from '../../src/database/durable-nodefs.js';
import { openPGlite } from '../../src/database/pglite-pool.js';

/**
 * Issue 8, "Data loss": PGlite starts PostgreSQL with fsync off (`-F`), and its Node file system
 * ignores fsync anyway, so an acknowledged commit could be lost to an OS crash or a power cut.
 * The embedded database as the product opens it flushes each commit's WAL to disk before the
 * commit returns: checked here down to the fsync(2) on a file under pg_wal.
 */
describe('the embedded database on disk is durable', () => {
  let dir: string;
  let db: PGlite;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-durable-'));
    db = await openPGlite(path.join(dir, 'pglite'));
    await db.exec('CREATE TABLE durable_probe (id serial PRIMARY KEY, note text NOT NULL)');
  });
  afterAll(async () => {
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs PostgreSQL with fsync on, synchronous commits and a WAL sync method that reaches the file system', async () => {
    const setting = async (name: string) => (await db.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name];
    expect(await setting('fsync')).toBe('on');
    expect(await setting('synchronous_commit')).toBe('on');
    expect(await setting('full_page_writes')).toBe('on');
    expect(await setting('wal_sync_method')).toBe('fsync');
  });

  it('flushes the WAL to disk (a real fsync of a pg_wal file) before a commit returns', async () => {
    const flushed: string[] = [];
    const original = fs.fsyncSync;
    const spy = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      try {
        flushed.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
      } catch {
        flushed.push(`fd ${fd}`);
      }
      original(fd);
    });
    const before = embeddedFsyncCount();
    try {
      await db.query('INSERT INTO durable_probe (note) VALUES ($1)', ['committed']);
    } finally {
      spy.mockRestore();
    }
    expect(embeddedFsyncCount()).toBeGreaterThan(before);
    expect(flushed.some((file) => file.includes(`${path.sep}pg_wal${path.sep}`)), flushed.join('\n')).toBe(true);
  });

  it('flushes data files at a checkpoint', async () => {
    const before = embeddedFsyncCount();
    await db.query('INSERT INTO durable_probe (note) SELECT g::text FROM generate_series(1, 500) g');
    await db.exec('CHECKPOINT');
    expect(embeddedFsyncCount() - before).toBeGreaterThan(1);
  });
});
