import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ImportColumnReport, ImportCommitOptions, ImportCounts, ImportFailure, ImportFormat, ImportJobStatus } from '@sitenet/domain';
import { AccountEntity } from '../auth/account.entity.js';

/**
 * One spreadsheet import: the uploaded file's facts, where the check or commit is, and its result.
 * Kept in the database (not in memory) so a closed tab, a restart or a SIGKILL loses nothing: a
 * start puts jobs cut off while checking back in the queue and marks a cut-off commit interrupted
 * (its transaction rolled back: nothing of it exists).
 */
@Entity({ name: 'import_job' })
@Check('ck_import_job_status', `"status" IN ('queued', 'checking', 'checked', 'failed', 'committing', 'committed', 'discarded')`)
@Index('ix_import_job_created_by_created_at', ['createdBy', 'createdAt'])
@Index('ix_import_job_status', ['status'])
@Index('ix_import_job_expires_at', ['expiresAt'])
export class ImportJobEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_import_job' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => AccountEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_import_job_account' })
  account?: AccountEntity;

  /** The importing account's unit (its jurisdiction when the job was made). */
  @Column({ name: 'unit_code', type: 'varchar', length: 12, nullable: true })
  unitCode!: string | null;

  /** The uploaded file's base name (NFC, control characters stripped, at most 120 characters). */
  @Column({ name: 'file_name', type: 'varchar', length: 120 })
  fileName!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  format!: ImportFormat | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  encoding!: string | null;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportJobStatus;

  @Column({ type: 'jsonb' })
  progress!: { phase: 'reading' | 'checking' | 'committing'; done: number; total: number };

  @Column({ type: 'jsonb' })
  counts!: ImportCounts;

  @Column({ type: 'jsonb', nullable: true })
  columns!: ImportColumnReport | null;

  @Column({ type: 'jsonb', nullable: true })
  failure!: ImportFailure | null;

  @Column({ type: 'jsonb', nullable: true })
  options!: ImportCommitOptions | null;

  /** The language of the importing user's UI when uploaded (the annotated file's language by default). */
  @Column({ type: 'varchar', length: 8 })
  lang!: string;

  /** The instance working on the job (checking or committing), else null. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  runner!: string | null;

  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  /** Set when a commit was cut off (restart, kill): nothing of it was saved. */
  @Column({ name: 'interrupted_at', type: 'timestamptz', nullable: true })
  interruptedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt!: Date | null;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
