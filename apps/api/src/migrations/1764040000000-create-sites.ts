import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Service sites: common columns, the kind's fields as JSON, optimistic version. */
export class CreateSites1764040000000 implements MigrationInterface {
  name = 'CreateSites1764040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "site" (
        "id" uuid NOT NULL,
        "kind" character varying(40) NOT NULL,
        "name" character varying(100) NOT NULL,
        "region_code" character varying(12) NOT NULL,
        "province_code" character varying(6) NOT NULL,
        "prefecture_code" character varying(6),
        "county_code" character varying(6) NOT NULL,
        "township_code" character varying(12),
        "address" character varying(200) NOT NULL,
        "lat" double precision NOT NULL,
        "lng" double precision NOT NULL,
        "location_source" character varying(8) NOT NULL,
        "operator_name" character varying(100) NOT NULL,
        "operator_credit_code" character varying(18) NOT NULL,
        "contact_person" character varying(50) NOT NULL,
        "contact_phone" character varying(30) NOT NULL,
        "opened_on" date,
        "barrier_free" text array NOT NULL DEFAULT '{}',
        "attributes" jsonb NOT NULL DEFAULT '{}',
        "status" character varying(16) NOT NULL,
        "version" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "created_by" character varying(64),
        "updated_by" character varying(64),
        CONSTRAINT "pk_site" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_site_province_kind_status" ON "site" ("province_code", "kind", "status")`);
    await queryRunner.query(`CREATE INDEX "ix_site_prefecture" ON "site" ("prefecture_code")`);
    await queryRunner.query(`CREATE INDEX "ix_site_county" ON "site" ("county_code")`);
    await queryRunner.query(`CREATE INDEX "ix_site_township" ON "site" ("township_code")`);
    await queryRunner.query(`CREATE INDEX "ix_site_updated_at" ON "site" ("updated_at")`);
    await queryRunner.query(
      `ALTER TABLE "site" ADD CONSTRAINT "fk_site_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "site"`);
  }
}
