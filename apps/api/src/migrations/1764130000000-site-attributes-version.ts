import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every site records the version of its kind's attributes it was written with, so that a change
 * of a kind's fields can bring stored attributes up to date (the kind's migrateAttributes steps,
 * run after the schema migrations: database/kind-attributes-upgrade.ts). Every kind was at
 * version 1 until now, so existing rows are. The index finds the rows a start has to upgrade
 * without reading the others.
 */
export class SiteAttributesVersion1764130000000 implements MigrationInterface {
  name = 'SiteAttributesVersion1764130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "site" ADD "attributes_version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "site" ADD CONSTRAINT "ck_site_attributes_version" CHECK ("attributes_version" >= 1)`);
    await queryRunner.query(`CREATE INDEX "ix_site_kind_attributes_version" ON "site" ("kind", "attributes_version")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_site_kind_attributes_version"`);
    await queryRunner.query(`ALTER TABLE "site" DROP CONSTRAINT "ck_site_attributes_version"`);
    await queryRunner.query(`ALTER TABLE "site" DROP COLUMN "attributes_version"`);
  }
}
