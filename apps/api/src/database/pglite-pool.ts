import { EventEmitter } from 'node:events';
import { existsSync, lstatSync, mkdirSync, realpathSync, statfsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types, type PGliteOptions, type Results } from '@electric-sql/pglite';
import { acquireDataDirLock } from './data-dir-lock.js';
import { settleInterruptedRestore } from './restore-journal.js';
import { DurableNodeFS, durableStartParams, syncTree } from './durable-nodefs.js';

/**
 * A `pg`-compatible pool over one PGlite instance, for TypeORM's postgres driver
 * (`{ type: 'postgres', driver: pgliteDriver(db) }`).
 *
 * PGlite is one connection. TypeORM expects a pool whose clients are independent, so a
 * transaction opened by one request must not see another request's statements: `connect()`
 * hands out the connection exclusively and queues the next caller until `release()`. Results
 * are shaped like `pg`'s (`rows`, `rowCount`, `command`, `fields`) and values are parsed as
 * `pg` parses them (int8 and numeric as strings), so that code behaves the same on PGlite and
 * on a PostgreSQL server. We own this instead of typeorm-pglite, which shares one global
 * instance per process without exclusive checkout.
 */

/**
 * Parse values the same way on both engines: int8 and numeric as strings (node-postgres's
 * default), and `date` as its 'YYYY-MM-DD' text (a calendar day has no time zone; node-postgres
 * is told the same in data-source.ts).
 */
export const pgCompatibleParsers: PGliteOptions['parsers'] = {
  [types.INT8]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
  [types.DATE]: (value: string) => value,
};

interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

type Callback<T> = (error: Error | null, result?: T) => void;

function commandOf(sql: string): string {
  const match = /^\s*(?:--[^\n]*\n\s*)*([A-Za-z]+)/.exec(sql);
  return (match?.[1] ?? '').toUpperCase();
}

function toPgResult(sql: string, results: Results): PgLikeResult {
  return {
    rows: results.rows,
    rowCount: results.affectedRows ?? results.rows.length,
    command: commandOf(sql),
    fields: results.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
  };
}

class PGliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[] | Callback<PgLikeResult>, callback?: Callback<PgLikeResult>) {
    const cb = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : undefined;
    try {
      let result: PgLikeResult;
      if (values && values.length > 0) {
        result = toPgResult(sql, await this.db.query(sql, values));
      } else {
        // exec runs several statements (migrations); TypeORM wants the last result.
        const all = await this.db.exec(sql);
        const last = all[all.length - 1];
        result = last ? toPgResult(sql, last) : { rows: [], rowCount: 0, command: commandOf(sql), fields: [] };
      }
      cb?.(null, result);
      return result;
    } catch (error) {
      if (cb) {
        cb(error as Error);
        return undefined;
      }
      throw error;
    }
  }
}

export class PGlitePool extends EventEmitter {
  private readonly client: PGliteClient;
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  private ended = false;

  constructor(private readonly db: PGlite) {
    super();
    this.client = new PGliteClient(db);
  }

  connect(callback?: (error: Error | null, client?: PGliteClient, release?: (err?: unknown) => void) => void) {
    const acquire = new Promise<void>((resolve) => {
      if (!this.busy) {
        this.busy = true;
        resolve();
      } else {
        this.waiting.push(resolve);
      }
    });
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    };
    const ready = acquire.then(() => {
      if (this.ended) {
        release();
        throw new Error('The embedded database has been closed');
      }
    });
    if (callback) {
      ready.then(
        () => callback(null, this.client, release),
        (error: Error) => callback(error),
      );
      return undefined;
    }
    return ready.then(() => Object.assign(this.client, { release }));
  }

  /** A one-off query outside any checkout (waits its turn like everyone else). */
  async query(sql: string, params?: unknown[]) {
    const client = (await this.connect()) as PGliteClient & { release: () => void };
    try {
      return await client.query(sql, params);
    } finally {
      client.release();
    }
  }

  end(callback?: (error?: Error | null) => void) {
    this.ended = true;
    const closing = this.db.closed ? Promise.resolve() : this.db.close();
    return closing.then(
      () => callback?.(null),
      (error: Error) => callback?.(error),
    );
  }
}

/** A stand-in for the `pg` module that TypeORM's postgres driver loads. */
export function pgliteDriver(db: PGlite) {
  return {
    Pool: class {
      constructor() {
        return new PGlitePool(db);
      }
    },
  };
}

/**
 * Opens the embedded database: in memory without `dataDir`; otherwise in that folder, which this
 * process then holds exclusively (data-dir-lock.ts: a second process is refused, naming this
 * one) until the database is closed, and with fsync reaching the disk (durable-nodefs.ts).
 * `loadDataDir` fills a new folder from a backup (PGlite's dumpDataDir tarball). A restore that
 * was cut off is finished first, and a folder missing beside a restore's folders is refused
 * rather than created empty (restore-journal.ts).
 */
export async function openPGlite(dataDir: string | undefined, options: { loadDataDir?: Blob; notice?: (message: string) => void } = {}): Promise<PGlite> {
  const { notice = (message: string) => console.warn(`sitenet: ${message}`), ...pgliteOptions } = options;
  if (!dataDir || dataDir.includes('://')) return PGlite.create({ dataDir, parsers: pgCompatibleParsers, ...pgliteOptions });
  const given = dataDir;
  try {
    // PGlite's file system cannot open a folder through a symbolic link: open the real one (and lock that).
    if (lstatSync(dataDir, { throwIfNoEntry: false })?.isSymbolicLink()) dataDir = realpathSync(dataDir);
    await ensureFolder(path.dirname(path.resolve(dataDir)));
  } catch (error) {
    throw new EmbeddedOpenError(given, error);
  }
  const lock = acquireDataDirLock(dataDir);
  try {
    settleInterruptedRestore(dataDir, notice);
    const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
    const createdHere = !existsSync(dataDir);
    if (fresh) checkFreeSpace(dataDir);
    await ensureFolder(dataDir);
    let db: PGlite;
    try {
      db = await PGlite.create({ dataDir, fs: new DurableNodeFS(dataDir), startParams: durableStartParams, parsers: pgCompatibleParsers, ...pgliteOptions });
    } catch (error) {
      // A half-created folder would be taken for a database next time: remove what this attempt made.
      if (createdHere) await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
      throw new EmbeddedOpenError(given, error);
    }
    // initdb (or the backup) was unpacked as plain files: flush them once, as initdb -S would.
    if (fresh) syncTree(dataDir);
    const close = db.close.bind(db);
    db.close = async () => {
      try {
        await close();
      } finally {
        lock.release();
      }
    };
    return db;
  } catch (error) {
    lock.release();
    if (error instanceof Error && 'code' in error && typeof (error as NodeJS.ErrnoException).syscall === 'string') throw new EmbeddedOpenError(given, error);
    throw error;
  }
}

/**
 * mkdir -p, but with the real cause: a recursive mkdir says ENOENT on a read-only file system;
 * creating the first missing folder alone says EROFS (or EACCES).
 */
async function ensureFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    let missing = path.resolve(dir);
    while (!existsSync(path.dirname(missing)) && path.dirname(missing) !== missing) missing = path.dirname(missing);
    mkdirSync(missing); // throws the actual reason
    throw error;
  }
}

/** A new database needs room for initdb (about 40 MB) and its first writes. */
const MINIMUM_FREE_BYTES = 64 * 1024 * 1024;

function checkFreeSpace(dataDir: string): void {
  let free: number;
  try {
    const stats = statfsSync(path.dirname(path.resolve(dataDir)));
    free = stats.bavail * stats.bsize;
  } catch {
    return; // cannot tell: let the open say
  }
  if (free < MINIMUM_FREE_BYTES) {
    throw new EmbeddedOpenError(dataDir, Object.assign(new Error('no space'), { code: 'ENOSPC' }), ` (${(free / 1024 / 1024).toFixed(1)} MB free; a new database needs at least ${MINIMUM_FREE_BYTES / 1024 / 1024} MB)`);
  }
}

/** Emscripten's errno numbers (PGlite's file system), for the causes worth naming. */
const EMSCRIPTEN_ERRNO: Record<number, string> = { 2: 'EACCES', 20: 'EEXIST', 32: 'ELOOP', 44: 'ENOENT', 51: 'ENOSPC', 54: 'ENOTDIR', 63: 'EPERM', 69: 'EROFS' };

const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the disk: free some space (or choose a DATA_DIR on another disk) and start again',
  EDQUOT: 'the disk quota is used up: free some space and start again',
  EROFS: 'the file system is read-only: choose a DATA_DIR on a writable disk',
  EACCES: 'permission denied: the user running sitenet cannot write there (check the folder and its parents, or choose another DATA_DIR)',
  EPERM: 'operation not permitted: the user running sitenet cannot write there (check the folder and its parents, or choose another DATA_DIR)',
  ENOENT: 'a folder on the way is missing or could not be created (a dangling symbolic link, or a parent that cannot be written?)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'too many symbolic links on the way',
};

/** The embedded database could not be opened: names the folder and the cause, not a raw errno. */
export class EmbeddedOpenError extends Error {
  constructor(dataDir: string, cause: unknown, detail = '') {
    const raw = cause as { code?: unknown; errno?: unknown; message?: unknown };
    const code = typeof raw?.code === 'string' ? raw.code : typeof raw?.errno === 'number' ? EMSCRIPTEN_ERRNO[raw.errno] : undefined;
    const reason = (code && CAUSES[code]) ?? (typeof raw?.message === 'string' && raw.message ? raw.message : `error ${String(raw?.errno ?? cause)}`);
    super(`Cannot open the embedded database in ${path.resolve(dataDir)}: ${reason}${detail}.`, { cause });
    this.name = 'EmbeddedOpenError';
  }
}
