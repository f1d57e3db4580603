import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcome indicators (issue 11): each reporting unit's report of a period (its figures as
 * entered, the figures in force once approved, a pending change request) and the report's
 * history, whose approve rows keep the figures that came into force then (figures "as of a day").
 */
export class OutcomeReports1764160000000 implements MigrationInterface {
  name = 'OutcomeReports1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outcome_report" (
      "id" uuid NOT NULL,
      "region_code" varchar(6) NOT NULL,
      "province_code" varchar(6) NOT NULL,
      "prefecture_code" varchar(6),
      "period" varchar(7) NOT NULL,
      "periodicity" varchar(8) NOT NULL,
      "status" varchar(16) NOT NULL,
      "values" jsonb NOT NULL DEFAULT '{}',
      "approved_values" jsonb,
      "change_values" jsonb,
      "change_reason" text,
      "change_status" varchar(16),
      "change_requested_at" timestamptz,
      "change_return_reason" text,
      "return_reason" text,
      "version" integer NOT NULL DEFAULT 1,
      "submitted_at" timestamptz,
      "approved_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_outcome_report" PRIMARY KEY ("id"),
      CONSTRAINT "uq_outcome_report_region_period" UNIQUE ("region_code", "period"),
      CONSTRAINT "fk_outcome_report_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
    )`);
    await queryRunner.query(`CREATE INDEX "ix_outcome_report_province_period" ON "outcome_report" ("province_code", "period")`);
    await queryRunner.query(`CREATE INDEX "ix_outcome_report_prefecture_period" ON "outcome_report" ("prefecture_code", "period")`);
    await queryRunner.query(`CREATE TABLE "outcome_report_history" (
      "id" uuid NOT NULL,
      "report_id" uuid NOT NULL,
      "at" timestamptz NOT NULL DEFAULT now(),
      "actor_id" uuid,
      "actor_name" varchar(100) NOT NULL,
      "action" varchar(20) NOT NULL,
      "from_status" varchar(16),
      "to_status" varchar(16),
      "reason" text,
      "changes" jsonb NOT NULL DEFAULT '[]',
      "approved_values" jsonb,
      CONSTRAINT "pk_outcome_report_history" PRIMARY KEY ("id"),
      CONSTRAINT "fk_outcome_report_history_report" FOREIGN KEY ("report_id") REFERENCES "outcome_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    )`);
    await queryRunner.query(`CREATE INDEX "ix_outcome_report_history_report_at" ON "outcome_report_history" ("report_id", "at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outcome_report_history"`);
    await queryRunner.query(`DROP TABLE "outcome_report"`);
  }
}
