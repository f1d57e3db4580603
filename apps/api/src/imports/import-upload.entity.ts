import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ImportJobEntity } from './import-job.entity.js';

/**
 * The uploaded file's bytes, beside its job (deleted with it). In the database rather than the
 * data directory: any instance on a shared PostgreSQL can check or annotate the job, and backups
 * hold it. At most IMPORT_LIMITS.maxBytes.
 */
@Entity({ name: 'import_upload' })
export class ImportUploadEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid', primaryKeyConstraintName: 'pk_import_upload' })
  jobId!: string;

  @OneToOne(() => ImportJobEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_import_upload_job' })
  job?: ImportJobEntity;

  @Column({ type: 'bytea' })
  bytes!: Buffer;
}
