import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Sign-in attempts counted under one key: an account from one address, an account from anywhere,
 * or one address (keys are HMAC-SHA256 under the server secret, so no username or address can be
 * read back from them). Shared by every API instance on the database; rows quiet for a day are
 * purged, those of usernames that do not exist once they no longer slow anyone (an hour).
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

  /** Whether the username existed (false: a made-up one, purged sooner). */
  @Column({ name: 'account_exists', type: 'boolean', default: true })
  accountExists!: boolean;
}
