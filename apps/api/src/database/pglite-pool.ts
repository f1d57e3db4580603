import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types, type PGliteOptions, type Results } from '@electric-sql/pglite';
import { acquireDataDirLock } from './data-dir-lock.js';
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
 * `loadDataDir` fills a new folder from a backup (PGlite's dumpDataDir tarball).
 */
export async function openPGlite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  if (!dataDir || dataDir.includes('://')) return PGlite.create({ dataDir, parsers: pgCompatibleParsers, ...options });
  await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
    await mkdir(dataDir, { recursive: true });
    const db = await PGlite.create({ dataDir, fs: new DurableNodeFS(dataDir), startParams: durableStartParams, parsers: pgCompatibleParsers, ...options });
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
    throw error;
  }
}
