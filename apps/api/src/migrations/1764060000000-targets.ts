import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Coverage targets (as data) and township service points for proximity targets. */
export class Targets1764060000000 implements MigrationInterface {
  name = 'Targets1764060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "target" (
        "id" character varying(64) NOT NULL,
        "region_code" character varying(12) NOT NULL,
        "kinds" text array NOT NULL,
        "title" jsonb NOT NULL,
        "strength" character varying(16) NOT NULL,
        "starts_on" date NOT NULL,
        "deadline" date NOT NULL,
        "source" jsonb NOT NULL,
        "rule" jsonb NOT NULL,
        "note" jsonb,
        "retired" boolean NOT NULL DEFAULT false,
        "origin" character varying(8) NOT NULL,
        "updated_by" character varying(64),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "pk_target" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_target_region" ON "target" ("region_code")`);
    await queryRunner.query(`ALTER TABLE "target" ADD CONSTRAINT "fk_target_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE TABLE "service_point" (
        "region_code" character varying(12) NOT NULL,
        "lat" double precision NOT NULL,
        "lng" double precision NOT NULL,
        "updated_by" character varying(64),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_service_point" PRIMARY KEY ("region_code")
      )`);
    await queryRunner.query(
      `ALTER TABLE "service_point" ADD CONSTRAINT "fk_service_point_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "ix_site_approved_at" ON "site" ("approved_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_site_approved_at"`);
    await queryRunner.query(`DROP TABLE "service_point"`);
    await queryRunner.query(`DROP TABLE "target"`);
  }
}
