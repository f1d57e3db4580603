import fs from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, syncDirectory } from './data-dir-lock.js';
import { openPGlite } from './pglite-pool.js';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

/**
 * Backup and restore of the embedded database folder (DATA_DIR/pglite), offline: both take the
 * folder's lock, so they refuse while the server (or anything else) has it open, and nothing can
 * open it while they work. A backup is PGlite's own dump of the folder (dumpDataDir, a tar) after
 * a CHECKPOINT, gzipped; a restore loads it into a new folder beside the target, checks it opens
 * and holds sitenet's schema, then swaps it in (the previous folder is kept, renamed).
 */

export interface EmbeddedSummary {
  /** TypeORM migrations recorded in the database. */
  migrations: number;
  sites: number;
  accounts: number;
}

export interface BackupResult extends EmbeddedSummary {
  file: string;
  bytes: number;
}

export interface RestoreResult extends EmbeddedSummary {
  dataDir: string;
  /** Where the folder that was replaced now is, if there was one. */
  previous: string | null;
}

export class EmbeddedBackupError extends Error {}

export function holdsDatabase(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

async function summarise(db: PGlite): Promise<EmbeddedSummary> {
  const count = async (table: string) => {
    const exists = await db.query<{ present: string | null }>('SELECT to_regclass($1)::text AS present', [table]);
    if (!exists.rows[0]?.present) return 0;
    return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0;
  };
  return { migrations: await count('migrations'), sites: await count('site'), accounts: await count('account') };
}

export async function backupEmbedded(dataDir: string, file: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
  const target = path.resolve(file);
  if (!holdsDatabase(dataDir)) throw new EmbeddedBackupError(`There is no embedded database in ${dataDir} to back up (check DATA_DIR).`);
  if (fs.existsSync(target) && !options.overwrite) throw new EmbeddedBackupError(`${target} exists already; choose another file or add --force to overwrite it.`);
  const db = await openPGlite(dataDir); // takes the folder's lock, or throws DataDirLockedError
  let tar: Buffer;
  let summary: EmbeddedSummary;
  try {
    summary = await summarise(db);
    if (summary.migrations === 0) throw new EmbeddedBackupError(`${dataDir} holds a database, but not sitenet's (no migrations recorded).`);
    await db.exec('CHECKPOINT');
    tar = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
  } finally {
    await db.close();
  }
  const compressed = await gzip(tar);
  await writeDurably(target, compressed);
  return { file: target, bytes: compressed.length, ...summary };
}

export async function restoreEmbedded(dataDir: string, file: string, options: { replace?: boolean } = {}): Promise<RestoreResult> {
  const source = path.resolve(file);
  let content: Buffer;
  try {
    content = await readFile(source);
  } catch (error) {
    throw new EmbeddedBackupError(`Cannot read the backup ${source}: ${(error as Error).message}`);
  }
  let tar: Buffer;
  try {
    tar = content[0] === 0x1f && content[1] === 0x8b ? await gunzip(content) : content;
  } catch (error) {
    throw new EmbeddedBackupError(`${source} is not a usable backup of the embedded database: ${(error as Error).message}`);
  }
  if (!tarHoldsDataFolder(tar)) throw new EmbeddedBackupError(`${source} is not a usable backup of the embedded database: it is not a tar archive of a PGlite data folder (made by npm run backup).`);
  const target = path.resolve(dataDir);
  const lock = acquireDataDirLock(target); // refuses while anything has the folder open
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = `${target}.restoring-${stamp}`;
  try {
    if (holdsDatabase(target) && !options.replace) {
      throw new EmbeddedBackupError(`${target} already holds a database. Restore into an empty DATA_DIR, or add --replace to keep the current folder aside (renamed) and put the backup in its place.`);
    }
    let summary: EmbeddedSummary;
    try {
      const db = await openPGlite(staging, { loadDataDir: new Blob([new Uint8Array(tar)], { type: 'application/x-tar' }) });
      try {
        summary = await summarise(db);
        await db.exec('CHECKPOINT');
      } finally {
        await db.close();
      }
    } catch (error) {
      throw new EmbeddedBackupError(`${source} is not a usable backup of the embedded database: ${(error as Error).message}`);
    }
    if (summary.migrations === 0) throw new EmbeddedBackupError(`${source} holds a database, but not sitenet's (no migrations recorded).`);
    let previous: string | null = null;
    if (fs.existsSync(target)) {
      previous = `${target}.before-restore-${stamp}`;
      await rename(target, previous);
    }
    await rename(staging, target);
    syncDirectory(path.dirname(target));
    return { dataDir: target, previous, ...summary };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(`${staging}.lock`, { force: true });
    lock.release();
  }
}

/** Whether `tar` is a tar archive whose top folder holds PG_VERSION (what dumpDataDir writes). */
export function tarHoldsDataFolder(tar: Buffer): boolean {
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return false; // end of archive
    if (header.toString('latin1', 257, 262) !== 'ustar') return false;
    const text = (from: number, to: number) => header.toString('utf8', from, to).replace(/\0.*$/s, '');
    const name = [text(345, 500), text(0, 100)].filter(Boolean).join('/');
    if (/^(?:[^/]+\/)?PG_VERSION$/.test(name.replace(/^\.?\//, ''))) return true;
    const size = parseInt(text(124, 136).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) return false;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return false;
}

/** Writes to a temporary file beside `file`, flushes it, then renames it into place. */
async function writeDurably(file: string, data: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}
