import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A draft saves with whatever is filled (issue 12): only the kind and the unit are required, so
 * the common fields' columns a draft may leave empty become nullable. A submitted, approved,
 * suspended or closed site is complete (the API checks it at submit and on change requests), so
 * their rows keep every value; coverage counts approved sites only.
 */
const DRAFT_EMPTY_COLUMNS = ['name', 'address', 'lat', 'lng', 'location_source', 'operator_name', 'operator_credit_code', 'contact_person', 'contact_phone'] as const;

export class SiteDrafts1764170000000 implements MigrationInterface {
  name = 'SiteDrafts1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of DRAFT_EMPTY_COLUMNS) await queryRunner.query(`ALTER TABLE "site" ALTER COLUMN "${column}" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Fails while an incomplete draft exists: complete or delete those drafts first.
    for (const column of DRAFT_EMPTY_COLUMNS) await queryRunner.query(`ALTER TABLE "site" ALTER COLUMN "${column}" SET NOT NULL`);
  }
}
