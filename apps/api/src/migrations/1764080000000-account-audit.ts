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

  /**
   * Refuses while the log holds an entry: undoing this migration must not be a way to erase the
   * audit log. An operator who really means it exports the entries, then empties the table as
   * its owner (disabling the triggers) — a deliberate act, never a side effect of a revert.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = (await queryRunner.query(`SELECT count(*)::int AS n FROM "account_audit"`)) as [{ n: number }];
    if (n > 0) {
      throw new Error(`account_audit holds ${n} entries and is append-only: reverting migration ${this.name} would drop them. Export them first (see infra/README.md, "The account audit log"); nothing was changed.`);
    }
    await queryRunner.query(`DROP TRIGGER "tr_account_audit_no_truncate" ON "account_audit"`);
    await queryRunner.query(`DROP TRIGGER "tr_account_audit_no_update_delete" ON "account_audit"`);
    await queryRunner.query(`DROP FUNCTION "account_audit_append_only"()`);
    await queryRunner.query(`DROP TABLE "account_audit"`);
  }
}
