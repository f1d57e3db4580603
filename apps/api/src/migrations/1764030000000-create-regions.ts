import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Administrative divisions and the record of which seed files were loaded. */
export class CreateRegions1764030000000 implements MigrationInterface {
  name = 'CreateRegions1764030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "region" (
        "code" character varying(12) NOT NULL,
        "name" character varying(100) NOT NULL,
        "level" smallint NOT NULL,
        "type" character varying(32) NOT NULL,
        "parent_code" character varying(12),
        "province_code" character varying(6) NOT NULL,
        "prefecture_code" character varying(6),
        "county_code" character varying(6),
        "statistical_only" boolean NOT NULL DEFAULT false,
        "child_count" integer NOT NULL DEFAULT 0,
        "centroid_lat" double precision,
        "centroid_lng" double precision,
        CONSTRAINT "pk_region" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_region_parent" ON "region" ("parent_code")`);
    await queryRunner.query(`CREATE INDEX "ix_region_province" ON "region" ("province_code", "level")`);
    await queryRunner.query(`CREATE INDEX "ix_region_prefecture" ON "region" ("prefecture_code", "level")`);
    await queryRunner.query(`CREATE INDEX "ix_region_county" ON "region" ("county_code")`);
    await queryRunner.query(
      `ALTER TABLE "region" ADD CONSTRAINT "fk_region_parent" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE TABLE "seed_run" (
        "name" character varying(64) NOT NULL,
        "checksum" character varying(64) NOT NULL,
        "row_count" integer NOT NULL,
        "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_seed_run" PRIMARY KEY ("name")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "seed_run"`);
    await queryRunner.query(`ALTER TABLE "region" DROP CONSTRAINT "fk_region_parent"`);
    await queryRunner.query(`DROP TABLE "region"`);
  }
}
