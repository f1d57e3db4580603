import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDataDir, startProduct } from '../support/product.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(repoRoot, 'apps/api/dist/cli/create-admin.js');

function run(args: string[], stdin: string, dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => resolve({ code, output }));
    child.stdin.end(stdin);
  });
}

describe('npm run create-admin', () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await removeDataDir(dataDir);
  });

  it('creates the first administrator from a password given on standard input, who can then sign in', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-cli-'));
    const weak = await run(['--username', 'first.admin'], 'short\n', dataDir);
    expect(weak.code).toBe(1);
    expect(weak.output).toMatch(/at least 10 characters/);
    expect(weak.output).not.toContain('short\n');
    const common = await run(['--username', 'first.admin'], 'Password@2024\n', dataDir);
    expect(common.code).toBe(1);
    expect(common.output).toMatch(/too easy to guess|commonly used/);
    const made = await run(['--username', 'first.admin', '--name', '首位管理员'], 'correct-horse-battery\n', dataDir);
    expect(made.code, made.output).toBe(0);
    expect(made.output).not.toContain('correct-horse-battery');
    const twice = await run(['--username', 'first.admin'], 'correct-horse-battery\n', dataDir);
    expect(twice.code).toBe(1);
    expect(twice.output).toMatch(/taken/);

    const product = await startProduct({ dataDir, env: { SEED_DEMO: 'false' } });
    try {
      const login = await fetch(`${product.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'first.admin', password: 'correct-horse-battery' }) });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { account: { role: string } }).account.role).toBe('admin');
      const demo = await fetch(`${product.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'demo-admin', password: 'sitenet-demo' }) });
      // Demo accounts (a public password) are refused outright without the demo data (SEED_DEMO=false).
      expect(demo.status).toBe(403);
    } finally {
      await product.stop();
    }
  });

  it('refuses to run without a username', async () => {
    const res = await run([], '', dataDir ?? os.tmpdir());
    expect(res.code).toBe(2);
    expect(res.output).toMatch(/usage/);
  });
});
