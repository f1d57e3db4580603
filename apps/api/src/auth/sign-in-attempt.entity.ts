import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins counted under one key: an account from one address, an account from anywhere,
 * or one address (keys are SHA-256 digests, so no username or address is stored). Shared by
 * every API instance on the database; rows quiet for a day are purged.
 */
@Entity({ name: 'sign_in_attempt' })
@Index('ix_sign_in_attempt_last_failure_at', ['lastFailureAt'])
export class SignInAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 80, primaryKeyConstraintName: 'pk_sign_in_attempt' })
  key!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt!: Date;
}
