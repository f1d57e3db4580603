import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts and sign-ins; the review workflow's history, submitter, approval time and pending change. */
export class AccountsReview1764050000000 implements MigrationInterface {
  name = 'AccountsReview1764050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "account" (
        "id" uuid NOT NULL,
        "username" character varying(32) NOT NULL,
        "display_name" character varying(50) NOT NULL,
        "role" character varying(16) NOT NULL,
        "region_code" character varying(12),
        "password_hash" character varying(200) NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "created_by" character varying(64),
        "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_account" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_account_username" ON "account" ("username")`);
    await queryRunner.query(`CREATE INDEX "ix_account_region" ON "account" ("region_code")`);
    await queryRunner.query(`ALTER TABLE "account" ADD CONSTRAINT "fk_account_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE TABLE "session" (
        "id" uuid NOT NULL,
        "token_hash" character varying(64) NOT NULL,
        "account_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_session" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_session_token_hash" ON "session" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "ix_session_account" ON "session" ("account_id")`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "fk_session_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "site" ADD "submitted_by" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "site" ADD "approved_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "site" ADD "pending_change" jsonb`);
    await queryRunner.query(`
      CREATE TABLE "site_history" (
        "id" uuid NOT NULL,
        "site_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_id" character varying(64),
        "actor_name" character varying(100) NOT NULL,
        "action" character varying(24) NOT NULL,
        "from_status" character varying(16),
        "to_status" character varying(16),
        "reason" character varying(500),
        "changes" jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT "pk_site_history" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_site_history_site_at" ON "site_history" ("site_id", "at")`);
    await queryRunner.query(`ALTER TABLE "site_history" ADD CONSTRAINT "fk_site_history_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "site_history"`);
    await queryRunner.query(`ALTER TABLE "site" DROP COLUMN "pending_change"`);
    await queryRunner.query(`ALTER TABLE "site" DROP COLUMN "approved_at"`);
    await queryRunner.query(`ALTER TABLE "site" DROP COLUMN "submitted_by"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP TABLE "account"`);
  }
}
