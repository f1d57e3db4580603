import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in limits, second round: a server secret shared by every instance (the limits' keys are
 * HMACs under it, so no username or address can be recovered from them), the (account, address)
 * pairs that signed in successfully (known good: the address ceiling and the account-wide rate
 * never slow them), whether a count belongs to an existing account (counts of made-up usernames
 * are purged sooner), and an index to purge revoked sessions. The old counts were keyed by plain
 * SHA-256 digests: they are dropped (every count starts afresh once).
 */
export class SignInKeysKnownPairs1764110000000 implements MigrationInterface {
  name = 'SignInKeysKnownPairs1764110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "server_secret" (
        "name" character varying(40) NOT NULL,
        "value" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_server_secret" PRIMARY KEY ("name")
      )`);
    await queryRunner.query(`
      CREATE TABLE "sign_in_known" (
        "key" character varying(80) NOT NULL,
        "last_success_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_sign_in_known" PRIMARY KEY ("key")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_sign_in_known_last_success_at" ON "sign_in_known" ("last_success_at")`);
    await queryRunner.query(`DELETE FROM "sign_in_attempt"`);
    await queryRunner.query(`ALTER TABLE "sign_in_attempt" ADD "account_exists" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`CREATE INDEX "ix_session_revoked_at" ON "session" ("revoked_at") WHERE "revoked_at" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_session_revoked_at"`);
    await queryRunner.query(`ALTER TABLE "sign_in_attempt" DROP COLUMN "account_exists"`);
    await queryRunner.query(`DROP INDEX "ix_sign_in_known_last_success_at"`);
    await queryRunner.query(`DROP TABLE "sign_in_known"`);
    await queryRunner.query(`DROP TABLE "server_secret"`);
  }
}
