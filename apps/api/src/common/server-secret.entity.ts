import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets generated once per database and shared by every API instance on it (never logged),
 * e.g. the key of the HMACs that name sign-in counts.
 */
@Entity({ name: 'server_secret' })
export class ServerSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_server_secret' })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  value!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
