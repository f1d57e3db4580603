import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One process at a time on an embedded (PGlite) data folder.
 *
 * PGlite is PostgreSQL in single-user mode: it has no postmaster.pid check of its own, so two
 * processes opening the same folder both "work" and corrupt it (lost rows, broken indexes). The
 * lock is a file beside the folder (`<folder>.lock`, e.g. `data/pglite.lock`), created atomically
 * (written to a private temporary file, fsynced, then hard-linked into place: link() fails if the
 * name exists, so exactly one process wins and nobody ever reads a half-written lock). It names
 * its holder: pid, host, kernel boot id, the process's start time, command line and since when.
 *
 * A lock whose holder is gone (kill -9, a crash, a power cut) is stale: its pid is dead, or that
 * pid now belongs to another process (start time differs), or the machine rebooted (boot id
 * differs). A stale lock is removed only by whoever first creates `<lock>.takeover-<hash of its
 * content>` (again atomically), and only if the lock still has that content: two processes racing
 * to take over cannot both win, and nobody removes a lock that a live process has since taken.
 * A lock held from another host (a shared network folder) cannot be judged and is never removed
 * automatically. Nor can a lock held from another PID or mount namespace on this host (a
 * container, `unshare --pid`): its pid means another process there (often pid 1 in both), so
 * "that pid is dead or was reused" would be a guess; such a lock is foreign too, and the message
 * says how to remove it once sure. (A kernel-held lock, flock/fcntl, would cover every case, but
 * Node has none without a native add-on.)
 */

export interface LockHolder {
  pid: number;
  hostname: string;
  /** Linux: /proc/sys/kernel/random/boot_id; null elsewhere. */
  bootId: string | null;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat field 22). */
  processStart: string | null;
  /** Linux: the PID namespace (`readlink /proc/self/ns/pid`, e.g. "pid:[4026531836]"); null elsewhere. */
  pidNamespace: string | null;
  /** Linux: the mount namespace (`readlink /proc/self/ns/mnt`); null elsewhere. */
  mountNamespace: string | null;
  command: string;
  /** ISO time at which the lock was taken. */
  since: string;
  /** Unique per acquisition. */
  nonce: string;
}

/** Why a lock's holder cannot be judged from here: another host, or another PID/mount namespace. */
export type ForeignReason = 'host' | 'namespace';

export class DataDirLockedError extends Error {
  /** Set when the holder is on another host or in another namespace (its liveness is unknown). */
  readonly foreign: ForeignReason | null;

  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockHolder | null,
    foreign: boolean | ForeignReason | null = holder ? foreignReason(holder) : null,
  ) {
    const reason = foreign === true ? 'host' : foreign || null;
    super(describeLocked(dataDir, lockFile, holder, reason));
    this.name = 'DataDirLockedError';
    this.foreign = reason;
  }

  get foreignHost(): boolean {
    return this.foreign === 'host';
  }
}

function describeLocked(dataDir: string, lockFile: string, holder: LockHolder | null, foreign: ForeignReason | null): string {
  if (!holder) return `The embedded database in ${dataDir} is locked (${lockFile}) by a process that could not be identified. If no sitenet process uses this folder, delete ${lockFile} and try again.`;
  const self = holder.pid === process.pid && holder.hostname === os.hostname() ? ' (this very process)' : '';
  const who = `pid ${holder.pid}${self} on host ${holder.hostname}, command "${holder.command}", since ${holder.since}`;
  if (foreign === 'host') {
    return (
      `The embedded database in ${dataDir} is in use by a process on another host: ${who}. ` +
      `Only one process may open it at a time. Stop that process; if it no longer runs, delete ${lockFile} and try again.`
    );
  }
  if (foreign === 'namespace') {
    return (
      `The embedded database in ${dataDir} is in use by a process in another PID or mount namespace on this host (a container, or unshare): ${who}` +
      ` (its namespaces: ${holder.pidNamespace ?? '?'}, ${holder.mountNamespace ?? '?'}; ours: ${pidNamespace() ?? '?'}, ${mountNamespace() ?? '?'}). ` +
      `Its pid means another process here, so whether it still runs cannot be told from this process, and the lock is not taken over. ` +
      `Only one process may open it at a time: stop that process; once you are sure no process uses the folder, delete ${lockFile} and try again.`
    );
  }
  return (
    `The embedded database in ${dataDir} is already in use by ${who}. ` +
    `Only one process at a time may open it (the server, create-admin, backup or restore): two would corrupt it. ` +
    `Stop that process (Ctrl+C in its terminal, or kill ${holder.pid}) and try again, or give this one another DATA_DIR.`
  );
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** `<dir>.lock` beside the folder, so that it is never part of the folder (nor of its backups). */
export function lockFileFor(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.lock`);
}

const heldHere = new Map<string, DataDirLock>();

/** Takes the lock on `dataDir` or throws DataDirLockedError naming the process that holds it. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = lockFileFor(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const holder = currentProcess();
  const content = `${JSON.stringify(holder, null, 2)}\n`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createExclusively(file, content)) {
      let released = false;
      const lock: DataDirLock = {
        file,
        holder,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          process.off('exit', onExit);
          removeIfContent(file, content);
        },
      };
      const onExit = () => lock.release();
      process.on('exit', onExit);
      heldHere.set(file, lock);
      return lock;
    }
    const existing = readOrNull(file);
    if (existing === null) continue; // released meanwhile: try again
    const other = parseHolder(existing);
    const state = other ? judge(other, file) : 'stale';
    if (state === 'alive') throw new DataDirLockedError(path.resolve(dataDir), file, other, null);
    if (state === 'foreign') throw new DataDirLockedError(path.resolve(dataDir), file, other, foreignReason(other!));
    // Fault injection for the race test: widens the window between judging a lock stale and
    // removing it, where a naive "unlink and retry" lets two processes both win.
    const delay = Number(process.env.SITENET_LOCK_TAKEOVER_DELAY_MS ?? 0);
    if (delay > 0) sleepSync(Math.min(delay, 5_000));
    removeStale(file, existing, content);
  }
  throw new Error(`Could not take the lock ${file}: it kept changing. Is something creating and removing it in a loop?`);
}

/** Whether `dataDir` is locked by a live process (without taking the lock). */
export function dataDirLockHolder(dataDir: string): LockHolder | null {
  const file = lockFileFor(dataDir);
  const existing = readOrNull(file);
  if (existing === null) return null;
  const holder = parseHolder(existing);
  return holder && judge(holder, file) !== 'stale' ? holder : null;
}

// ---------------------------------------------------------------------------------------------

function currentProcess(): LockHolder {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: bootId(),
    processStart: processStart(process.pid),
    pidNamespace: pidNamespace(),
    mountNamespace: mountNamespace(),
    command: process.argv.map((arg) => (arg.includes(' ') ? JSON.stringify(arg) : arg)).join(' ').slice(0, 500),
    since: new Date().toISOString(),
    nonce: randomUUID(),
  };
}

function bootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function namespaceOf(kind: 'pid' | 'mnt'): string | null {
  try {
    return fs.readlinkSync(`/proc/self/ns/${kind}`) || null;
  } catch {
    return null;
  }
}

const pidNamespace = () => namespaceOf('pid');
const mountNamespace = () => namespaceOf('mnt');

/**
 * Whether `holder` runs where this process cannot judge it: another host, or another PID or
 * mount namespace of this host (where its pid names a different process, or none).
 */
export function foreignReason(holder: LockHolder): ForeignReason | null {
  if (holder.hostname !== os.hostname()) return 'host';
  const differs = (theirs: string | null, ours: string | null) => theirs !== null && ours !== null && theirs !== ours;
  if (differs(holder.pidNamespace, pidNamespace()) || differs(holder.mountNamespace, mountNamespace())) return 'namespace';
  return null;
}

/** Linux: fields 3… of /proc/<pid>/stat (state first); null elsewhere or if there is no such process. */
function procStat(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function processStart(pid: number): string | null {
  return procStat(pid)?.[19] ?? null; // field 22 overall
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type HolderState = 'alive' | 'stale' | 'foreign';

function judge(holder: LockHolder, file: string): HolderState {
  if (holder.hostname !== os.hostname()) return 'foreign';
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return 'stale'; // the machine rebooted since
  // Another PID/mount namespace (a container, unshare): its pid is not ours to look up.
  if (foreignReason(holder)) return 'foreign';
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !pidExists(holder.pid)) return 'stale';
  const stat = procStat(holder.pid);
  // A zombie (killed, not yet reaped: common where PID 1 does not reap) holds nothing open.
  if (stat && (stat[0] === 'Z' || stat[0] === 'X')) return 'stale';
  const started = stat?.[19] ?? null;
  if (holder.processStart && started) return holder.processStart === started ? 'alive' : 'stale'; // pid reused
  // No start times to compare (not Linux): our own pid is only alive if this process holds it.
  if (holder.pid === process.pid) return heldHere.has(file) ? 'alive' : 'stale';
  return 'alive';
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string') return null;
    return {
      pid: value.pid,
      hostname: value.hostname,
      bootId: value.bootId ?? null,
      processStart: value.processStart ?? null,
      pidNamespace: typeof value.pidNamespace === 'string' ? value.pidNamespace : null,
      mountNamespace: typeof value.mountNamespace === 'string' ? value.mountNamespace : null,
      command: String(value.command ?? '?'),
      since: String(value.since ?? '?'),
      nonce: String(value.nonce ?? ''),
    };
  } catch {
    return null; // not written by us (we never leave a half-written lock): treat as stale
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Creates `file` with `content` unless it exists; atomic, and the content is on disk first. */
function createExclusively(file: string, content: string): boolean {
  const temporary = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  const fd = fs.openSync(temporary, 'wx', 0o644);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temporary, file);
    syncDirectory(path.dirname(file));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function removeIfContent(file: string, content: string): boolean {
  if (readOrNull(file) !== content) return false;
  fs.rmSync(file, { force: true });
  return true;
}

/**
 * Removes `file` if it still holds `staleContent`. Whoever creates the takeover file for this
 * content first does it; the others wait and then find a new lock (or none) in its place.
 */
function removeStale(file: string, staleContent: string, ourContent: string, depth = 0): void {
  if (depth > 5) throw new Error(`Could not take over the stale lock ${file}: remove it by hand if no sitenet process runs.`);
  const key = createHash('sha256').update(staleContent).digest('hex').slice(0, 16);
  const takeover = `${file}.takeover-${key}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (createExclusively(takeover, ourContent)) {
      try {
        removeIfContent(file, staleContent);
      } finally {
        removeIfContent(takeover, ourContent);
      }
      return;
    }
    const guard = readOrNull(takeover);
    if (guard === null) continue;
    const guardHolder = parseHolder(guard);
    if (!guardHolder || judge(guardHolder, takeover) === 'stale') {
      // Its taker died half-way: take over the takeover the same way.
      removeStale(takeover, guard, ourContent, depth + 1);
      continue;
    }
    // Someone alive is taking it over right now: give them a moment, then look again.
    sleepSync(20);
    if (readOrNull(file) !== staleContent) return;
  }
}

function sleepSync(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some file systems cannot fsync a directory; the file's own fsync is what matters most
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
