import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockFileFor } from '../../src/database/data-dir-lock.js';
import { useScratchDir } from '../support/scratch-dir.js';
import { builtApi, repoRoot, runNode } from '../support/api-process.js';

/**
 * Issue 8, hostile review: the lock was bypassed across PID namespaces sharing a hostname. A
 * server started under `unshare --pid --fork --mount-proc` is pid 1 in its namespace; a second
 * server on the host read "pid 1, another start time" as a dead holder, took the lock over, and
 * both ran on one folder. A lock from another PID or mount namespace is now foreign: never taken
 * over automatically, and the refusal says how to remove it once sure. Needs root (unshare).
 */
const HOLDER = `
const [moduleUrl, dir] = process.argv.slice(1);
const { acquireDataDirLock } = await import(moduleUrl);
const lock = acquireDataDirLock(dir);
console.log('held ' + process.pid);
process.stdin.resume();
process.stdin.on('end', () => { lock.release(); process.exit(0); });
`;

const moduleUrl = () => pathToFileURL(builtApi('database/data-dir-lock.js')).href;

/** Takes the lock from inside new PID and mount namespaces (pid 1 there); holds it until stdin closes. */
async function holdInNamespace(dir: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', process.execPath, '--input-type=module', '-e', HOLDER, moduleUrl(), dir], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 30_000;
  while (!log.includes('held ')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the namespaced holder did not take the lock:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => log };
}

describe('the data folder lock across PID and mount namespaces', { timeout: 120_000 }, () => {
  const base = useScratchDir('sitenet-ns-');

  it('refuses a server on the host while a process in another PID namespace (pid 1 there) holds the folder', async () => {
    const dataDir = path.join(base(), 'a');
    const holder = await holdInNamespace(path.join(dataDir, 'pglite'));
    try {
      expect(holder.output()).toContain('held 1');
      const lock = JSON.parse(readFileSync(lockFileFor(path.join(dataDir, 'pglite')), 'utf8')) as { pid: number; pidNamespace: string };
      expect(lock.pid).toBe(1);
      expect(lock.pidNamespace).not.toBe(readlinkSelfPid());
      const second = await runNode([builtApi('main.js')], dataDir, { env: { PORT: '0', HOST: '127.0.0.1' }, timeoutMs: 60_000 });
      expect(second.code, second.output).toBe(1);
      expect(second.output).toContain('in another PID or mount namespace');
      expect(second.output).toContain(`delete ${lockFileFor(path.join(dataDir, 'pglite'))}`);
      expect(existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))).toBe(false); // never opened
    } finally {
      holder.child.stdin!.end();
      await new Promise((resolve) => holder.child.once('exit', resolve));
    }
  });

  it('refuses inside a PID namespace while a host process holds the folder (its pid is invisible there)', async () => {
    const dir = path.join(base(), 'b', 'pglite');
    const script = `
      const { acquireDataDirLock } = await import(process.argv[1]);
      const lock = acquireDataDirLock(process.argv[2]);
      console.log('held ' + process.pid);
      await new Promise((r) => setTimeout(r, 20000));`;
    const host = spawn(process.execPath, ['--input-type=module', '-e', script, moduleUrl(), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    host.stdout.on('data', (chunk) => (log += chunk));
    try {
      while (!log.includes('held ')) await new Promise((resolve) => setTimeout(resolve, 50));
      const inside = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', process.execPath, '--input-type=module', '-e', HOLDER, moduleUrl(), dir], { stdio: ['pipe', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.stdin.end();
        child.on('exit', (code) => resolve({ code, output }));
      });
      expect(inside.output).not.toContain('held ');
      expect(inside.output).toContain(`in another PID or mount namespace`);
      expect(inside.output).toContain(`pid ${host.pid}`);
    } finally {
      host.kill('SIGKILL');
      await new Promise((resolve) => host.once('exit', resolve));
    }
  });

  it('does not take over a lock from another namespace even once its holder is gone (kill -9): it says how to remove it', async () => {
    const dataDir = path.join(base(), 'c');
    const file = lockFileFor(path.join(dataDir, 'pglite'));
    const holder = await holdInNamespace(path.join(dataDir, 'pglite'));
    holder.child.kill('SIGKILL');
    await new Promise((resolve) => holder.child.once('exit', resolve));
    expect(existsSync(file)).toBe(true);
    const second = await runNode([builtApi('main.js')], dataDir, { env: { PORT: '0', HOST: '127.0.0.1' }, timeoutMs: 60_000 });
    expect(second.code).toBe(1);
    expect(second.output).toMatch(new RegExp(`once you are sure no process uses the folder, delete ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(existsSync(file)).toBe(true);
  });
});

function readlinkSelfPid(): string {
  return readlinkSync('/proc/self/ns/pid');
}
