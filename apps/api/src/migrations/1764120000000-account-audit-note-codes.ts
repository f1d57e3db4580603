import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account audit notes become structured: a code and its parameters (labelled in the reader's
 * language by the portal), beside the English text kept for whoever reads the table directly.
 * Entries written before keep their text note only (the log is append-only).
 */
export class AccountAuditNoteCodes1764120000000 implements MigrationInterface {
  name = 'AccountAuditNoteCodes1764120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_audit" ADD "note_code" character varying(48)`);
    await queryRunner.query(`ALTER TABLE "account_audit" ADD "note_params" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_audit" DROP COLUMN "note_params"`);
    await queryRunner.query(`ALTER TABLE "account_audit" DROP COLUMN "note_code"`);
  }
}
