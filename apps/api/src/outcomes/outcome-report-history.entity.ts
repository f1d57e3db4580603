import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ReportValues } from '@sitenet/domain';
import { OutcomeReportEntity } from './outcome-report.entity.js';

/**
 * Append-only: every action on a report, with who, when and the figures changed. An approve or
 * approve-change row keeps the figures that came into force then (`approvedValues`): the figures
 * in force on a past day are those of the latest such row before it.
 */
@Entity({ name: 'outcome_report_history' })
@Index('ix_outcome_report_history_report_at', ['reportId', 'at'])
export class OutcomeReportHistoryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_outcome_report_history' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => OutcomeReportEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_outcome_report_history_report' })
  report?: OutcomeReportEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100 })
  actorName!: string;

  @Column({ type: 'varchar', length: 20 })
  action!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes!: { field: string; from: unknown; to: unknown }[];

  @Column({ name: 'approved_values', type: 'jsonb', nullable: true })
  approvedValues!: ReportValues | null;
}
