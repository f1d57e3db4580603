import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity.js';

/**
 * Append-only: every action on an account (creation, password reset, one's own password change,
 * deactivation and reactivation, role, unit and name changes), with who, when, before/after
 * (never a password or its hash) and the request. The database refuses UPDATE, DELETE and
 * TRUNCATE on the table (trigger in migration 1764080000000).
 */
@Entity({ name: 'account_audit' })
@Index('ix_account_audit_account_at', ['accountId', 'at'])
@Index('ix_account_audit_province_at', ['provinceCode', 'at'])
@Index('ix_account_audit_previous_province_at', ['previousProvinceCode', 'at'])
@Index('ix_account_audit_at', ['at'])
export class AccountAuditEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_account_audit' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The account that acted; null for the operator (create-admin CLI, the server at start). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100 })
  actorName!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_account_audit_account' })
  account?: AccountEntity;

  @Column({ name: 'account_username', type: 'varchar', length: 32 })
  accountUsername!: string;

  /** The account's province after the action (null: a national account); who may read the entry. */
  @Column({ name: 'province_code', type: 'varchar', length: 6, nullable: true })
  provinceCode!: string | null;

  /** Its province before, when the action moved it (a unit change across provinces). */
  @Column({ name: 'previous_province_code', type: 'varchar', length: 6, nullable: true })
  previousProvinceCode!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes!: { field: string; from: unknown; to: unknown }[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** What the note says, as a code the portal labels in the reader's language (`note` keeps the English text). */
  @Column({ name: 'note_code', type: 'varchar', length: 48, nullable: true })
  noteCode!: string | null;

  @Column({ name: 'note_params', type: 'jsonb', nullable: true })
  noteParams!: Record<string, string> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
