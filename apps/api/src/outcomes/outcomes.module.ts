import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from '../regions/region.entity.js';
import { OutcomeReportEntity } from './outcome-report.entity.js';
import { OutcomeReportHistoryEntity } from './outcome-report-history.entity.js';

/** Outcome indicators (issue 11): the indicators, each unit's reports and their review, completeness and approved figures. */
@Module({
  imports: [TypeOrmModule.forFeature([OutcomeReportEntity, OutcomeReportHistoryEntity, RegionEntity])],
  controllers: [],
  providers: [],
  exports: [],
})
export class OutcomesModule {}
