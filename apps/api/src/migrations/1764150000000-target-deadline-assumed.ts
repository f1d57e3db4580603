import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A target whose text states no deadline says so (issue 11): `deadline` is then an assumption
 * (explained in the note), and the target is never reported missed.
 */
export class TargetDeadlineAssumed1764150000000 implements MigrationInterface {
  name = 'TargetDeadlineAssumed1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "target" ADD "deadline_assumed" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "deadline_assumed"`);
  }
}
