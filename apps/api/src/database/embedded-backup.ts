import fs from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, createGzip } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, syncDirectory } from './data-dir-lock.js';
import { openPGlite } from './pglite-pool.js';
import { removeJournal, restoreLeftovers, settleInterruptedRestore, writeJournal } from './restore-journal.js';

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
  // The folder for the file first (backups/ in the README's example), before opening the database.
  try {
    await mkdir(path.dirname(target), { recursive: true });
    fs.accessSync(path.dirname(target), fs.constants.W_OK);
  } catch (error) {
    throw new EmbeddedBackupError(`Cannot write the backup into ${path.dirname(target)}: ${(error as Error).message}. Choose another --to.`);
  }
  const db = await openPGlite(dataDir); // takes the folder's lock, or throws DataDirLockedError
  let dump: Blob;
  let summary: EmbeddedSummary;
  try {
    summary = await summarise(db);
    if (summary.migrations === 0) throw new EmbeddedBackupError(`${dataDir} holds a database, but not sitenet's (no migrations recorded).`);
    await db.exec('CHECKPOINT');
    dump = await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
  // Streamed: PGlite's tar (one copy, its own) → gzip → the file; no further copies in memory.
  const bytes = await writeDurably(target, (destination) => pipeline(Readable.fromWeb(dump.stream() as WebReadableStream<Uint8Array>), createGzip(), destination));
  return { file: target, bytes, ...summary };
}

/** Test hook: kill -9 this process at a step of the swap, as a power cut would stop it. */
function crashPoint(step: 'journal' | 'set-aside'): void {
  if (process.env.SITENET_RESTORE_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

export async function restoreEmbedded(dataDir: string, file: string, options: { replace?: boolean; notice?: (message: string) => void } = {}): Promise<RestoreResult> {
  const source = path.resolve(file);
  const notice = options.notice ?? ((message: string) => console.warn(`restore: ${message}`));
  const tar = await readBackup(source);
  if (!(await tarHoldsDataFolder(tar))) throw new EmbeddedBackupError(`${source} is not a usable backup of the embedded database: it is not a tar archive of a PGlite data folder (made by npm run backup).`);
  const target = path.resolve(dataDir);
  const lock = acquireDataDirLock(target); // refuses while anything has the folder open
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = `${target}.restoring-${stamp}`;
  let committed = false;
  try {
    settleInterruptedRestore(target, notice, { restoring: true }); // finishes an earlier restore that was cut off after its commit point
    for (const stale of restoreLeftovers(target).staging) {
      // Ours to remove: we hold the folder's lock, so no restore is filling it.
      await rm(stale, { recursive: true, force: true });
      await rm(`${stale}.lock`, { force: true });
      notice(`removed ${stale}, left by an interrupted restore.`);
    }
    if (holdsDatabase(target) && !options.replace) {
      throw new EmbeddedBackupError(`${target} already holds a database. Restore into an empty DATA_DIR, or add --replace to keep the current folder aside (renamed) and put the backup in its place.`);
    }
    let summary: EmbeddedSummary;
    try {
      const db = await openPGlite(staging, { loadDataDir: tar });
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
    const previous = fs.existsSync(target) ? `${target}.before-restore-${stamp}` : null;
    // The commit point: from here on, an interrupted swap is finished by whoever opens the folder next.
    writeJournal({ target, staging, previous, source, since: new Date().toISOString() });
    committed = true;
    crashPoint('journal');
    if (previous) await rename(target, previous);
    crashPoint('set-aside');
    await rename(staging, target);
    syncDirectory(path.dirname(target));
    removeJournal(target);
    return { dataDir: target, previous, ...summary };
  } finally {
    if (!committed) {
      await rm(staging, { recursive: true, force: true });
    }
    await rm(`${staging}.lock`, { force: true });
    lock.release();
  }
}

/** The backup's tar as one Blob: streamed from the file (through gunzip if gzipped), one copy. */
async function readBackup(source: string): Promise<Blob> {
  let gzipped: boolean;
  try {
    const fd = fs.openSync(source, 'r');
    try {
      const magic = Buffer.alloc(2);
      fs.readSync(fd, magic, 0, 2, 0);
      gzipped = magic[0] === 0x1f && magic[1] === 0x8b;
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new EmbeddedBackupError(`Cannot read the backup ${source}: ${(error as Error).message}`);
  }
  const chunks: Uint8Array[] = [];
  try {
    const input = fs.createReadStream(source);
    const stream = gzipped ? input.pipe(createGunzip()) : input;
    input.on('error', (error) => stream.destroy(error));
    for await (const chunk of stream) chunks.push(chunk as Uint8Array);
  } catch (error) {
    throw new EmbeddedBackupError(`${source} is not a usable backup of the embedded database: ${(error as Error).message}`);
  }
  const blob = new Blob(chunks, { type: 'application/x-tar' });
  chunks.length = 0;
  return blob;
}

/** Whether `tar` is a tar archive whose top folder holds PG_VERSION (what dumpDataDir writes). */
export async function tarHoldsDataFolder(tar: Blob): Promise<boolean> {
  let offset = 0;
  while (offset + 512 <= tar.size) {
    const header = Buffer.from(await tar.slice(offset, offset + 512).arrayBuffer());
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

/** Writes through `write` into a temporary file beside `file`, flushes it, then renames it into place; returns its size. */
async function writeDurably(file: string, write: (destination: fs.WriteStream) => Promise<void>): Promise<number> {
  const temporary = `${file}.${process.pid}.partial`;
  try {
    await write(fs.createWriteStream(temporary, { mode: 0o600 }));
    const fd = fs.openSync(temporary, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
  return fs.statSync(file).size;
}
