import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { syncDirectory } from './data-dir-lock.js';

/**
 * Makes the embedded database durable across an OS crash or a power cut, not only a process crash.
 *
 * What PGlite 0.5 does by default (read from its dist/ sources, 0.5.16):
 *  - it starts PostgreSQL with `PGlite.defaultStartParams`, which include `-F`, i.e. `fsync=off`:
 *    PostgreSQL never asks for anything to be flushed to disk;
 *  - even with fsync on, nothing would reach the disk: its Node file system (Emscripten's NODEFS)
 *    writes with `fs.writeSync` but has no `fsync` operation, so `fsync()` from PostgreSQL is a
 *    no-op, and `fdatasync()` (PostgreSQL's default `wal_sync_method` on Linux) is a stub that
 *    returns 0 without touching the file;
 *  - `relaxedDurability` only decides whether a query waits for `syncToFs`, which is a no-op for
 *    NODEFS (it matters for IndexedDB/OPFS in browsers).
 * So by default every acknowledged write is in the OS page cache: it survives kill -9, but an OS
 * crash or a power cut can lose the last seconds of writes or leave a torn, unrecoverable folder.
 *
 * Here: start without `-F` (fsync on), with `wal_sync_method=fsync` (the call that reaches the
 * file system), and give NODEFS an `fsync` that calls the real `fs.fsyncSync` on the file. Each
 * commit then flushes its WAL before it is acknowledged, and checkpoints flush data files, as on a
 * PostgreSQL server. A folder just created by initdb (written by PGlite as plain files) is flushed
 * once as a whole. The cost is measured by `npm run bench:durability` (bench/RESULTS.md).
 */
export const durableStartParams: string[] = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

let fsyncCalls = 0;
/** How many fsyncs PostgreSQL asked of the embedded file system in this process (for tests). */
export function embeddedFsyncCount(): number {
  return fsyncCalls;
}

interface EmscriptenModule {
  NODEFS: { stream_ops: Record<string, unknown>; tryFSOperation<T>(operation: () => T): T };
}

/** PGlite's Node file system, with fsync that reaches the disk. */
export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = (result.emscriptenOpts.preRun ?? []) as ((module: EmscriptenModule) => void)[];
    preRun.push((module) => {
      const nodefs = module.NODEFS;
      nodefs.stream_ops.fsync = (stream: { nfd?: number }) => {
        fsyncCalls++;
        if (stream.nfd === undefined) return 0;
        nodefs.tryFSOperation(() => fsyncDirectoryOrFile(stream.nfd!));
        return 0;
      };
    });
    result.emscriptenOpts.preRun = preRun;
    return result;
  }
}

function fsyncDirectoryOrFile(fd: number): void {
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    // A directory on a file system that cannot fsync one: PostgreSQL tolerates that too.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EBADF') throw error;
  }
}

/** Flushes every file and folder under `dir` (and `dir`'s entry in its parent) to disk. */
export function syncTree(dir: string): void {
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const fd = fs.openSync(full, 'r');
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
    }
    syncDirectory(current);
  };
  walk(dir);
  syncDirectory(path.dirname(path.resolve(dir)));
}
