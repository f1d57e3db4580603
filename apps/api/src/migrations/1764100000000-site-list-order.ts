import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The site list's default order (newest change first, then id) reads from one index: the old
 * single-column index could not serve `updated_at DESC NULLS LAST, id`, so the national list
 * sorted every site on every page.
 */
export class SiteListOrder1764100000000 implements MigrationInterface {
  name = 'SiteListOrder1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_site_updated_at_id" ON "site" ("updated_at", "id")`);
    await queryRunner.query(`DROP INDEX "ix_site_updated_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_site_updated_at" ON "site" ("updated_at")`);
    await queryRunner.query(`DROP INDEX "ix_site_updated_at_id"`);
  }
}
