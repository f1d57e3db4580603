import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { LocalizedText, TargetRule, TargetSource } from '@sitenet/domain';
import { RegionEntity } from '../regions/region.entity.js';

/** A plan's quantified target (seeds/targets, or added by a provincial official). */
@Entity({ name: 'target' })
@Index('ix_target_region', ['regionCode'])
export class TargetEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_target' })
  id!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_target_region' })
  region?: RegionEntity;

  @Column({ type: 'text', array: true })
  kinds!: string[];

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'varchar', length: 16 })
  strength!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  deadline!: string;

  /** The text states no deadline: `deadline` is assumed, and the target is never reported missed. */
  @Column({ name: 'deadline_assumed', type: 'boolean', default: false })
  deadlineAssumed!: boolean;

  @Column({ type: 'jsonb' })
  source!: TargetSource;

  @Column({ type: 'jsonb' })
  rule!: TargetRule;

  @Column({ type: 'jsonb', nullable: true })
  note!: LocalizedText | null;

  @Column({ type: 'boolean', default: false })
  retired!: boolean;

  /** `seed` for the shipped targets (until someone edits one), `user` otherwise. */
  @Column({ type: 'varchar', length: 8 })
  origin!: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 64, nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
