import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '../../../src/config/config.js';
import { prepareDatabase } from '../../../src/database/prepare.js';
import { createApp } from '../../../src/create-app.js';
import { AccountsService } from '../../../src/auth/accounts.service.js';
import { TEST_PASSWORD } from '../../support/test-app.js';
import { checkResponses } from '../../support/response-contract.js';

/**
 * Issue 8 review: the account audit log's "append-only" could be bypassed by the API's own role
 * (it owns the table: ALTER TABLE … DISABLE TRIGGER). infra/README.md says how to run the API as
 * a role that does not own the tables; this runs exactly its GRANTs and checks that the API works
 * as that role while the role can neither change an entry nor disable the triggers.
 */
const serverUrl = process.env.DATABASE_URL!;
const suffix = randomBytes(5).toString('hex');
const databaseName = `sitenet_nonowner_${suffix}`;
const owner = `sitenet_owner_${suffix}`;
const appRole = `sitenet_app_${suffix}`;

async function query(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function urlAs(user: string, database = databaseName): string {
  const url = new URL(serverUrl);
  url.username = user;
  url.password = 'non-owner-test';
  url.pathname = `/${database}`;
  return url.toString();
}

const configFor = (url: string): AppConfig => ({
  ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORTAL_DIST: '/nonexistent', SEEDS_DIR: process.env.SEEDS_DIR, SEED_DEMO: 'false' }),
  database: { kind: 'postgres', url },
});

/** The statements infra/README.md tells the owner to run, for these roles. */
async function documentedGrants(): Promise<string[]> {
  const readme = await readFile(new URL('../../../../../infra/README.md', import.meta.url), 'utf8');
  const block = readme.split('## Account audit log')[1].split('```sql')[1].split('```')[0];
  const statements = block
    .split('\n')
    .filter((line) => /^(GRANT|REVOKE|ALTER DEFAULT PRIVILEGES)/.test(line))
    .map((line) => line.replaceAll('sitenet_owner', owner).replaceAll('sitenet_app', appRole));
  expect(statements.length).toBeGreaterThanOrEqual(5);
  return statements;
}

afterAll(async () => {
  await query(serverUrl, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await query(serverUrl, `DROP ROLE IF EXISTS "${appRole}"`);
  await query(serverUrl, `DROP ROLE IF EXISTS "${owner}"`);
});

describe('the API run as a non-owner role (infra/README.md)', () => {
  it('works, while its role can neither change an audit entry nor disable the triggers', async () => {
    await query(serverUrl, `CREATE ROLE "${owner}" LOGIN PASSWORD 'non-owner-test'`);
    await query(serverUrl, `CREATE ROLE "${appRole}" LOGIN PASSWORD 'non-owner-test'`);
    await query(serverUrl, `CREATE DATABASE "${databaseName}" OWNER "${owner}"`);
    await query(urlAs(new URL(serverUrl).username || 'postgres'), `ALTER SCHEMA public OWNER TO "${owner}"`);

    // The owner migrates (a start with its URL)…
    const migrated = await prepareDatabase(configFor(urlAs(owner)));
    await migrated.dataSource.destroy();
    // …and grants what the README says.
    for (const statement of await documentedGrants()) await query(urlAs(owner), statement);

    // The API starts as the application role and does its work, audit entries included.
    const { dataSource } = await prepareDatabase(configFor(urlAs(appRole)));
    const app = await createApp(configFor(urlAs(appRole)), dataSource);
    checkResponses(app);
    try {
      await app.init();
      const created = await app.get(AccountsService).create({ username: 'nonowner.staff', displayName: '南关区', role: 'district', regionCode: '220102', password: TEST_PASSWORD }, null);
      expect((await dataSource.query(`SELECT action FROM account_audit WHERE account_id = $1`, [created.id])).map((r: { action: string }) => r.action)).toEqual(['create']);

      await expect(dataSource.query(`ALTER TABLE account_audit DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(dataSource.query(`ALTER TABLE account_audit DISABLE TRIGGER tr_account_audit_no_update_delete`)).rejects.toThrow(/must be owner/);
      await expect(dataSource.query(`DROP TABLE account_audit`)).rejects.toThrow(/must be owner/);
      await expect(dataSource.query(`UPDATE account_audit SET actor_name = 'nobody'`)).rejects.toThrow(/permission denied|append-only/);
      await expect(dataSource.query(`DELETE FROM account_audit`)).rejects.toThrow(/permission denied|append-only/);
      await expect(dataSource.query(`TRUNCATE account_audit`)).rejects.toThrow(/permission denied|append-only/);
    } finally {
      await app.close();
    }
  }, 120_000);
});
