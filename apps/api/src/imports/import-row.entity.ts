import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ImportIssue, ImportRowAction } from '@sitenet/domain';
import { ImportJobEntity } from './import-job.entity.js';

/** One checked data row of an import: what its commit will do, with the validated body. */
@Entity({ name: 'import_row' })
@Index('ix_import_row_job_action', ['jobId', 'action'])
export class ImportRowEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid', primaryKeyConstraintName: 'pk_import_row' })
  jobId!: string;

  @ManyToOne(() => ImportJobEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_import_row_job' })
  job?: ImportJobEntity;

  /** The data row (1 = the first row under the header). */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_import_row' })
  row!: number;

  @Column({ name: 'sheet_row', type: 'integer' })
  sheetRow!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: ImportRowAction;

  /** The validated request body (the create schema's output), null for a row with errors. */
  @Column({ type: 'jsonb', nullable: true })
  body!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  issues!: ImportIssue[];

  @Column({ type: 'jsonb' })
  summary!: { name: string | null; creditCode: string | null; region: string | null };

  /** The existing site the row matches, and its version when checked (a commit refuses a changed site). */
  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @Column({ name: 'site_version', type: 'integer', nullable: true })
  siteVersion!: number | null;

  /** Coordinates were empty: the body holds the unit's centroid. */
  @Column({ name: 'centroid_location', type: 'boolean', default: false })
  centroidLocation!: boolean;
}
