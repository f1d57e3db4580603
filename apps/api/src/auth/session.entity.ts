import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity.js';

/** A sign-in. Only the SHA-256 of the bearer token is stored; logout or expiry ends it. */
@Entity({ name: 'session' })
@Index('ux_session_token_hash', ['tokenHash'], { unique: true })
@Index('ix_session_account', ['accountId'])
@Index('ix_session_expires_at', ['expiresAt'])
@Index('ix_session_revoked_at', ['revokedAt'], { where: '"revoked_at" IS NOT NULL' })
export class SessionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_session' })
  id!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_session_account' })
  account?: AccountEntity;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
