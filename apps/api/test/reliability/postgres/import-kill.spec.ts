import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { spawnBuiltApi } from '../../support/api-process.js';
import { killMidCommit } from '../../support/import-kill.js';
import { adminQuery } from '../../support/test-app.js';

/**
 * Design §10 "Reliability" on PostgreSQL: the API killed (SIGKILL) while it commits a 20,000-row
 * import leaves no site of it (the server rolls back the dead connection's transaction); the
 * restarted API marks the job interrupted once its heartbeat is stale (60 s, checked every 30 s),
 * a second commit writes all 20,000 sites once, and the same file matches every row as unchanged.
 */
const serverUrl = process.env.DATABASE_URL!;
const databaseName = `sitenet_import_kill_${randomBytes(6).toString('hex')}`;
const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;

beforeAll(async () => {
  await adminQuery(serverUrl, `CREATE DATABASE "${databaseName}"`);
});
afterAll(async () => {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

describe('an import commit killed half-way (PostgreSQL)', () => {
  it('writes nothing of the cut-off commit, then every row once', async () => {
    const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: url.toString(), SEED_DEMO: 'true', LOG_LEVEL: 'info' };
    await killMidCommit(() => spawnBuiltApi(env), { rows: 20_000, recoveryMs: 150_000 });
  }, 1_500_000);
});
