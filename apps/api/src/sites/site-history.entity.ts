import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SiteEntity } from './site.entity.js';

/** Append-only: every transition and every field change of a site, with who and when. */
@Entity({ name: 'site_history' })
@Index('ix_site_history_site_at', ['siteId', 'at'])
export class SiteHistoryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_site_history' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_site_history_site' })
  site?: SiteEntity;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100 })
  actorName!: string;

  @Column({ type: 'varchar', length: 24 })
  action!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes!: { field: string; from: unknown; to: unknown }[];

  /** The site's version after this entry (null on entries written before versions were kept). */
  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  /** What a reviewer sees of the site at that version (see reviewedState), to tell what changed since. */
  @Column({ type: 'jsonb', nullable: true })
  snapshot!: Record<string, unknown> | null;

  /** Where the entry came from when not the form: `{type: 'import', jobId, file, row}`. */
  @Column({ type: 'jsonb', nullable: true })
  source!: { type: 'import'; jobId: string; file: string; row: number } | null;
}
