import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who set an account's current password (null: its holder), so nobody approves through an account whose password they know. */
export class PasswordSetBy1764070000000 implements MigrationInterface {
  name = 'PasswordSetBy1764070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ADD "password_set_by" character varying(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "password_set_by"`);
  }
}
