import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** The HMAC key of sign-in counts (SignInLimiter). */
export const SIGN_IN_KEY_SECRET = 'sign-in-keys';

/**
 * Creates the named secret unless it exists (32 random bytes); run at startup inside the startup
 * lock, and safe without it (the insert does nothing when another instance got there first).
 */
export async function ensureServerSecret(db: DataSource | EntityManager, name: string): Promise<void> {
  await db.query(`INSERT INTO "server_secret" ("name", "value") VALUES ($1, $2) ON CONFLICT ("name") DO NOTHING`, [name, randomBytes(32).toString('base64')]);
}

/** The named secret's bytes, created first if missing. Never log them. */
export async function readServerSecret(db: DataSource | EntityManager, name: string): Promise<Buffer> {
  let rows = await db.query<{ value: string }[]>(`SELECT "value" FROM "server_secret" WHERE "name" = $1`, [name]);
  if (rows.length === 0) {
    await ensureServerSecret(db, name);
    rows = await db.query<{ value: string }[]>(`SELECT "value" FROM "server_secret" WHERE "name" = $1`, [name]);
  }
  return Buffer.from(rows[0].value, 'base64');
}
