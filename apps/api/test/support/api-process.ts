import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built API (apps/api/dist) run as separate processes, as `npm start`, `npm run
 * create-admin`, `npm run backup` run it: for tests of what happens between processes (the
 * embedded data folder's lock, kill -9, backup and restore). `npm test` builds the API first
 * (turbo.json: @sitenet/api#test depends on its own build).
 */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
export const apiDist = path.join(repoRoot, 'apps/api/dist');

export function builtApi(relative: string): string {
  const file = path.join(apiDist, relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the API first (npx turbo run build --filter=@sitenet/api); npm test does.`);
  return file;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function embeddedEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...extra };
  delete env.DATABASE_URL;
  return env;
}

export interface ApiProcess {
  pid: number;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL (as kill -9), then waits until it is gone. */
  kill: () => Promise<void>;
}

/** Starts `node apps/api/dist/main.js` on DATA_DIR and waits until /api/health answers 200. */
export async function startApi(dataDir: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  return spawnBuiltApi(embeddedEnv(dataDir), env);
}

/**
 * Runs the built API on a free port of `host` with `env`, PORT and HOST, then `extra` over them,
 * and waits until /api/health answers 200; the API processes of these tests and the e2e product
 * both start here.
 */
export async function spawnBuiltApi(env: NodeJS.ProcessEnv, extra: Record<string, string> = {}, host = '127.0.0.1'): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [builtApi('main.js')], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port), HOST: host, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The API exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not become healthy within 150 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    pid: child.pid!,
    url,
    output: () => log,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Finished {
  code: number | null;
  output: string;
}

/** Runs a built entry point (main.js, cli/*.js) or a script to completion on DATA_DIR. */
export function runNode(args: string[], dataDir: string, options: { env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {}): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: embeddedEnv(dataDir, options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 150_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

export interface DemoSession {
  token: string;
}

/** Signs in one of the demo accounts that a development start seeds (README). */
export async function demoLogin(url: string, username: string): Promise<DemoSession> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'sitenet-demo' }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as DemoSession;
}

export async function apiCall<T>(url: string, session: DemoSession, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { Authorization: `Bearer ${session.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}
