import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports (issue 10): the job, its uploaded file and its checked rows, and where a
 * site's history entry came from (`source`: an import's job, file and row).
 */
export class ImportJobs1764140000000 implements MigrationInterface {
  name = 'ImportJobs1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "import_job" (
      "id" uuid NOT NULL,
      "kind" varchar(40) NOT NULL,
      "created_by" uuid NOT NULL,
      "unit_code" varchar(12),
      "file_name" varchar(120) NOT NULL,
      "format" varchar(8),
      "encoding" varchar(16),
      "size_bytes" integer NOT NULL,
      "sha256" varchar(64) NOT NULL,
      "status" varchar(16) NOT NULL,
      "progress" jsonb NOT NULL,
      "counts" jsonb NOT NULL,
      "columns" jsonb,
      "failure" jsonb,
      "options" jsonb,
      "lang" varchar(8) NOT NULL,
      "runner" varchar(64),
      "heartbeat_at" timestamptz,
      "interrupted_at" timestamptz,
      "created_at" timestamptz NOT NULL,
      "checked_at" timestamptz,
      "committed_at" timestamptz,
      "expires_at" timestamptz NOT NULL,
      CONSTRAINT "pk_import_job" PRIMARY KEY ("id"),
      CONSTRAINT "fk_import_job_account" FOREIGN KEY ("created_by") REFERENCES "account"("id") ON DELETE CASCADE,
      CONSTRAINT "ck_import_job_status" CHECK ("status" IN ('queued', 'checking', 'checked', 'failed', 'committing', 'committed', 'discarded'))
    )`);
    await queryRunner.query(`CREATE INDEX "ix_import_job_created_by_created_at" ON "import_job" ("created_by", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_import_job_status" ON "import_job" ("status")`);
    await queryRunner.query(`CREATE INDEX "ix_import_job_expires_at" ON "import_job" ("expires_at")`);
    await queryRunner.query(`CREATE TABLE "import_upload" (
      "job_id" uuid NOT NULL,
      "bytes" bytea NOT NULL,
      CONSTRAINT "pk_import_upload" PRIMARY KEY ("job_id"),
      CONSTRAINT "fk_import_upload_job" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE TABLE "import_row" (
      "job_id" uuid NOT NULL,
      "row" integer NOT NULL,
      "sheet_row" integer NOT NULL,
      "action" varchar(16) NOT NULL,
      "body" jsonb,
      "issues" jsonb NOT NULL DEFAULT '[]',
      "summary" jsonb NOT NULL,
      "site_id" uuid,
      "site_version" integer,
      "centroid_location" boolean NOT NULL DEFAULT false,
      CONSTRAINT "pk_import_row" PRIMARY KEY ("job_id", "row"),
      CONSTRAINT "fk_import_row_job" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE INDEX "ix_import_row_job_action" ON "import_row" ("job_id", "action")`);
    await queryRunner.query(`ALTER TABLE "site_history" ADD "source" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "site_history" DROP COLUMN "source"`);
    await queryRunner.query(`DROP TABLE "import_row"`);
    await queryRunner.query(`DROP TABLE "import_upload"`);
    await queryRunner.query(`DROP TABLE "import_job"`);
  }
}
