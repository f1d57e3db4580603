import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, lockFileFor } from '../../src/database/data-dir-lock.js';
import { openPGlite } from '../../src/database/pglite-pool.js';
import { useScratchDir } from '../support/scratch-dir.js';
import { builtApi, runNode } from '../support/api-process.js';

/**
 * The data folder's lock itself (apps/api/src/database/data-dir-lock.ts), between real
 * processes: racing processes never both win, whether the folder is free or its lock is stale;
 * a dead holder's lock is taken over, a live one's never; a normal exit releases it.
 */

/**
 * A process that tries to take the lock at `startAt` (ms since epoch), says whether it won, then
 * marks itself done in `doneDir`; a winner holds the lock until `racers` processes are done, so
 * a slow starter can never find the lock free again and "win" later.
 */
const RACER = `
import fs from 'node:fs';
import path from 'node:path';
const [moduleUrl, dir, startAt, racers, doneDir] = process.argv.slice(1);
const { acquireDataDirLock } = await import(moduleUrl);
while (Date.now() < Number(startAt)) {}
let lock;
try {
  lock = acquireDataDirLock(dir);
  console.log('won ' + process.pid);
} catch (error) {
  console.log(error.name === 'DataDirLockedError' ? 'refused ' + error.holder.pid : 'error ' + error.message);
}
fs.writeFileSync(path.join(doneDir, String(process.pid)), '');
if (lock) {
  const until = Date.now() + 60000;
  while (fs.readdirSync(doneDir).length < Number(racers) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  lock.release();
}
`;

function racer(dir: string, startAt: number, racers: number, doneDir: string, env: Record<string, string> = {}) {
  const moduleUrl = pathToFileURL(builtApi('database/data-dir-lock.js')).href;
  return runNode(['--input-type=module', '-e', RACER, moduleUrl, dir, String(startAt), String(racers), doneDir], dir, { timeoutMs: 90_000, env });
}

async function race(dir: string, racers: number, env: (index: number) => Record<string, string> = () => ({})): Promise<string[]> {
  const doneDir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-race-done-'));
  try {
    const startAt = Date.now() + 2000;
    const runs = await Promise.all(Array.from({ length: racers }, (_, index) => racer(dir, startAt, racers, doneDir, env(index))));
    return runs.map((run) => run.output.trim());
  } finally {
    await rm(doneDir, { recursive: true, force: true });
  }
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

describe('the data folder lock between processes', { timeout: 120_000 }, () => {
  const base = useScratchDir('sitenet-lock-race-');

  it('lets exactly one of several processes racing for a free folder win; the others name it', async () => {
    const dir = path.join(base(), 'free', 'pglite');
    const results = await race(dir, 6);
    const winners = results.filter((r) => r.startsWith('won '));
    expect(winners, results.join('\n')).toHaveLength(1);
    const winner = winners[0].slice(4);
    expect(results.filter((r) => r === `refused ${winner}`), results.join('\n')).toHaveLength(5);
    expect(existsSync(lockFileFor(dir))).toBe(false); // released
  });

  it('lets exactly one of several processes racing to take over a stale lock (holder killed) win', async () => {
    const dir = path.join(base(), 'stale', 'pglite');
    const lockFile = lockFileFor(dir);
    mkdirSync(path.dirname(lockFile), { recursive: true });
    const stale = { pid: deadPid(), hostname: os.hostname(), bootId: bootId(), processStart: '1', command: 'node apps/api/dist/main.js', since: '2026-01-01T00:00:00.000Z', nonce: 'killed' };
    writeFileSync(lockFile, JSON.stringify(stale));
    // Racer i pauses i × 150 ms between finding the lock stale and removing it: all of them find
    // it stale, and one that just deleted the file and retried would delete the lock an earlier
    // one had taken meanwhile, and win too.
    const results = await race(dir, 6, (index) => ({ SITENET_LOCK_TAKEOVER_DELAY_MS: String(1 + index * 150) }));
    const winners = results.filter((r) => r.startsWith('won '));
    expect(winners, results.join('\n')).toHaveLength(1);
    expect(results.filter((r) => r === `refused ${winners[0].slice(4)}`), results.join('\n')).toHaveLength(5);
    expect(readdirSync(path.dirname(lockFile)).filter((name) => name.includes('.lock')), 'no takeover or temporary files left').toEqual([]);
  });

  it('finishes a takeover that a killed process left half-done', () => {
    const dir = path.join(base(), 'half-done', 'pglite');
    const lockFile = lockFileFor(dir);
    mkdirSync(path.dirname(lockFile), { recursive: true });
    const staleContent = JSON.stringify({ pid: deadPid(), hostname: os.hostname(), bootId: bootId(), processStart: '1', command: 'node main.js', since: '2026-01-01T00:00:00.000Z', nonce: 'a' });
    writeFileSync(lockFile, staleContent);
    const key = createHash('sha256').update(staleContent).digest('hex').slice(0, 16);
    writeFileSync(`${lockFile}.takeover-${key}`, JSON.stringify({ pid: deadPid(), hostname: os.hostname(), bootId: bootId(), processStart: '1', command: 'node main.js', since: '2026-01-01T00:00:00.000Z', nonce: 'b' }));
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(path.dirname(lockFile))).toEqual([]);
  });

  it('takes over a lock whose pid now belongs to another process (pid reused after a crash)', () => {
    const dir = path.join(base(), 'reused', 'pglite');
    const lockFile = lockFileFor(dir);
    mkdirSync(path.dirname(lockFile), { recursive: true });
    // pid 1 is alive, but it is not the process that wrote this lock (another start time).
    writeFileSync(lockFile, JSON.stringify({ pid: 1, hostname: os.hostname(), bootId: bootId(), processStart: '999999999999', command: 'node old', since: '2026-01-01T00:00:00.000Z', nonce: 'old' }));
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('never takes over a live holder, nor a lock from another host', async () => {
    const dir = path.join(base(), 'live', 'pglite');
    const doneDir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-race-done-'));
    const holder = racer(dir, Date.now(), 2, doneDir);
    const deadline = Date.now() + 30_000;
    while (!existsSync(lockFileFor(dir)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const error = (() => {
      try {
        acquireDataDirLock(dir).release();
        return null;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DataDirLockedError);
    const held = error as DataDirLockedError;
    expect(held.holder?.pid).toBeGreaterThan(0);
    expect(held.message).toContain(`pid ${held.holder?.pid}`);
    expect(held.message).toMatch(/command "\S*node \S*data-dir-lock\.js /);
    writeFileSync(path.join(doneDir, 'test'), ''); // lets the holder go
    expect((await holder).output.trim()).toBe(`won ${held.holder?.pid}`);
    await rm(doneDir, { recursive: true, force: true });

    const foreignDir = path.join(base(), 'foreign', 'pglite');
    mkdirSync(path.dirname(foreignDir), { recursive: true });
    writeFileSync(lockFileFor(foreignDir), JSON.stringify({ pid: deadPid(), hostname: 'another-host', bootId: null, processStart: null, command: 'node main.js', since: '2026-01-01T00:00:00.000Z', nonce: 'far' }));
    expect(() => acquireDataDirLock(foreignDir)).toThrow(/in use by a process on another host: pid \d+ on host another-host.*delete .*pglite\.lock/);
    expect(existsSync(lockFileFor(foreignDir))).toBe(true);
  });

  it('releases the lock when the holder exits normally without closing anything', async () => {
    const dir = path.join(base(), 'exit', 'pglite');
    const moduleUrl = pathToFileURL(builtApi('database/data-dir-lock.js')).href;
    const run = await runNode(['--input-type=module', '-e', `const m = await import(process.argv[1]); m.acquireDataDirLock(process.argv[2]); console.log('held'); process.exit(3);`, moduleUrl, dir], dir);
    expect(run.output.trim()).toBe('held');
    expect(run.code).toBe(3);
    expect(existsSync(lockFileFor(dir))).toBe(false);
  });

  it('refuses to open the same folder twice in one process, and frees it when the database closes', async () => {
    const dir = path.join(base(), 'twice', 'pglite');
    const db = await openPGlite(dir);
    try {
      await expect(openPGlite(dir)).rejects.toThrow(/already in use by pid \d+ \(this very process\)/);
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
    } finally {
      await db.close();
    }
    expect(existsSync(lockFileFor(dir))).toBe(false);
    const reopened = await openPGlite(dir);
    await reopened.close();
  });
});
