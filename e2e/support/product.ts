import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnBuiltApi, type ApiProcess } from '../../apps/api/test/support/api-process.js';

export interface RunningProduct extends ApiProcess {
  dataDir: string;
}

/**
 * Starts the built product as `npm start` does (the API serving the built portal) on the
 * embedded database in its own data directory, and waits until /api/health answers. It listens
 * on loopback unless `host` names another address of this machine.
 */
export async function startProduct(options: { dataDir?: string; env?: Record<string, string>; host?: string } = {}): Promise<RunningProduct> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'sitenet-e2e-')));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return { ...(await spawnBuiltApi(env, options.env, options.host)), dataDir };
}

export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
