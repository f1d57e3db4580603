import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An (account, address) pair that signed in with the right password: known good for 30 days, so
 * the address ceiling and the account-wide rate never slow it (the owner is not locked out by
 * others behind the same address). The key is an HMAC under the server secret.
 */
@Entity({ name: 'sign_in_known' })
@Index('ix_sign_in_known_last_success_at', ['lastSuccessAt'])
export class SignInKnownEntity {
  @PrimaryColumn({ type: 'varchar', length: 80, primaryKeyConstraintName: 'pk_sign_in_known' })
  key!: string;

  @Column({ name: 'last_success_at', type: 'timestamptz' })
  lastSuccessAt!: Date;
}
