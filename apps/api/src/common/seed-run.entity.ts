import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which seed file was loaded, with its checksum: loading the same file again is a no-op. */
@Entity({ name: 'seed_run' })
export class SeedRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_seed_run' })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  checksum!: string;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount!: number;

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;
}
