import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in limits kept in the database (shared by every API instance); the version and the
 * reviewable state a site reached with each history entry (so a stale review action can say what
 * changed since the version the reviewer saw); an index to purge ended sessions.
 */
export class SignInLimitsReviewVersions1764090000000 implements MigrationInterface {
  name = 'SignInLimitsReviewVersions1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "sign_in_attempt" (
        "key" character varying(80) NOT NULL,
        "failures" integer NOT NULL,
        "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_sign_in_attempt" PRIMARY KEY ("key")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_sign_in_attempt_last_failure_at" ON "sign_in_attempt" ("last_failure_at")`);
    await queryRunner.query(`CREATE INDEX "ix_session_expires_at" ON "session" ("expires_at")`);
    await queryRunner.query(`ALTER TABLE "site_history" ADD "version" integer`);
    await queryRunner.query(`ALTER TABLE "site_history" ADD "snapshot" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "site_history" DROP COLUMN "snapshot"`);
    await queryRunner.query(`ALTER TABLE "site_history" DROP COLUMN "version"`);
    await queryRunner.query(`DROP INDEX "ix_session_expires_at"`);
    await queryRunner.query(`DROP TABLE "sign_in_attempt"`);
  }
}
