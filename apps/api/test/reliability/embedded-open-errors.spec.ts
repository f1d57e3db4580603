import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileFor } from '../../src/database/data-dir-lock.js';
import { openPGlite } from '../../src/database/pglite-pool.js';
import { useScratchDir } from '../support/scratch-dir.js';
import { builtApi, repoRoot } from '../support/api-process.js';

/**
 * Issue 8, hostile review: opening the embedded folder printed raw errors: `ErrnoError { errno:
 * 51 }` on a full disk, `ErrnoError { errno: 44 }` with DATA_DIR/pglite a symbolic link, `ENOENT
 * … mkdir` under a read-only parent. Now a symbolic link is followed (the real folder is opened
 * and locked), and the others name the folder and the cause. The disks are small or read-only
 * tmpfs mounts in a private mount namespace (unshare --mount, as root).
 */
function startOn(mountOptions: string, subfolder: string): Promise<{ code: number | null; output: string; dataDir: string }> {
  return new Promise((resolve, reject) => {
    mkdtemp(path.join(os.tmpdir(), 'sitenet-disk-')).then((mnt) => {
      const dataDir = path.join(mnt, subfolder);
      const script = 'mount -t tmpfs -o "$1" tmpfs "$2" && exec "$3" "$4"';
      const child = spawn('unshare', ['--mount', 'sh', '-c', script, 'sh', mountOptions, mnt, process.execPath, builtApi('main.js')], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        void rm(mnt, { recursive: true, force: true }).finally(() => resolve({ code, output, dataDir }));
      });
    }, reject);
  });
}

describe('opening the embedded folder: causes named, symbolic links followed', { timeout: 120_000 }, () => {
  const base = useScratchDir('sitenet-open-');

  it('opens DATA_DIR/pglite through a symbolic link, and locks the real folder', async () => {
    const real = path.join(base(), 'elsewhere', 'pglite');
    mkdirSync(real, { recursive: true });
    mkdirSync(path.join(base(), 'data'));
    symlinkSync(real, path.join(base(), 'data', 'pglite'));
    const db = await openPGlite(path.join(base(), 'data', 'pglite'));
    try {
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
      expect(existsSync(path.join(real, 'PG_VERSION'))).toBe(true);
      expect(existsSync(lockFileFor(real))).toBe(true);
      // The same folder by its real name is refused while open through the link.
      await expect(openPGlite(real)).rejects.toThrow(/already in use/);
    } finally {
      await db.close();
    }
  });

  it('a fresh start on a full disk names the folder and says there is no space', async () => {
    const run = await startOn('size=8m', 'data');
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Cannot open the embedded database in ${path.join(run.dataDir, 'pglite')}: no space left on the disk`);
    expect(run.output).not.toMatch(/ErrnoError|errno/);
  });

  it('a DATA_DIR on a read-only file system names the folder and says so', async () => {
    const run = await startOn('ro', 'data');
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Cannot open the embedded database in ${path.join(run.dataDir, 'pglite')}: the file system is read-only`);
    expect(run.output).not.toMatch(/ErrnoError|ENOENT/);
  });
});
