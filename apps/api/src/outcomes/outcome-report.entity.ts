import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { ReportValues } from '@sitenet/domain';
import { RegionEntity } from '../regions/region.entity.js';

/**
 * One reporting unit's report of one period (issue 11). `values` are the figures as entered
 * (for an approved report, the approved ones); `approvedValues` the figures in force (null until
 * the first approval). A correction after approval waits in `changeValues` until reviewed.
 */
@Entity({ name: 'outcome_report' })
@Unique('uq_outcome_report_region_period', ['regionCode', 'period'])
@Index('ix_outcome_report_province_period', ['provinceCode', 'period'])
@Index('ix_outcome_report_prefecture_period', ['prefectureCode', 'period'])
export class OutcomeReportEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_outcome_report' })
  id!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_outcome_report_region' })
  region?: RegionEntity;

  /** The unit's province and prefecture, so a region's reports are one indexed equality. */
  @Column({ name: 'province_code', type: 'varchar', length: 6 })
  provinceCode!: string;

  @Column({ name: 'prefecture_code', type: 'varchar', length: 6, nullable: true })
  prefectureCode!: string | null;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'varchar', length: 8 })
  periodicity!: string;

  /** draft | submitted | returned | approved (not-started is the absence of a row). */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  values!: ReportValues;

  @Column({ name: 'approved_values', type: 'jsonb', nullable: true })
  approvedValues!: ReportValues | null;

  @Column({ name: 'change_values', type: 'jsonb', nullable: true })
  changeValues!: ReportValues | null;

  @Column({ name: 'change_reason', type: 'text', nullable: true })
  changeReason!: string | null;

  /** pending | returned, null without a change request. */
  @Column({ name: 'change_status', type: 'varchar', length: 16, nullable: true })
  changeStatus!: string | null;

  @Column({ name: 'change_requested_at', type: 'timestamptz', nullable: true })
  changeRequestedAt!: Date | null;

  @Column({ name: 'change_return_reason', type: 'text', nullable: true })
  changeReturnReason!: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
