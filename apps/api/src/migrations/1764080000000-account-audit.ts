import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit log of account actions: the database itself refuses to change or remove an entry. */
export class AccountAudit1764080000000 implements MigrationInterface {
  name = 'AccountAudit1764080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "account_audit" (
        "id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_id" uuid,
        "actor_name" character varying(100) NOT NULL,
        "action" character varying(32) NOT NULL,
        "account_id" uuid NOT NULL,
        "account_username" character varying(32) NOT NULL,
        "province_code" character varying(6),
        "previous_province_code" character varying(6),
        "changes" jsonb NOT NULL DEFAULT '[]',
        "note" character varying(500),
        "request_id" character varying(64),
        CONSTRAINT "pk_account_audit" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_account_audit_account_at" ON "account_audit" ("account_id", "at")`);
    await queryRunner.query(`CREATE INDEX "ix_account_audit_province_at" ON "account_audit" ("province_code", "at")`);
    await queryRunner.query(`CREATE INDEX "ix_account_audit_previous_province_at" ON "account_audit" ("previous_province_code", "at")`);
    await queryRunner.query(`CREATE INDEX "ix_account_audit_at" ON "account_audit" ("at")`);
    await queryRunner.query(`ALTER TABLE "account_audit" ADD CONSTRAINT "fk_account_audit_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE FUNCTION "account_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'account_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER "tr_account_audit_no_update_delete" BEFORE UPDATE OR DELETE ON "account_audit" FOR EACH ROW EXECUTE FUNCTION "account_audit_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "tr_account_audit_no_truncate" BEFORE TRUNCATE ON "account_audit" FOR EACH STATEMENT EXECUTE FUNCTION "account_audit_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_account_audit_no_truncate" ON "account_audit"`);
    await queryRunner.query(`DROP TRIGGER "tr_account_audit_no_update_delete" ON "account_audit"`);
    await queryRunner.query(`DROP FUNCTION "account_audit_append_only"()`);
    await queryRunner.query(`DROP TABLE "account_audit"`);
  }
}
