import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from '../regions/region.entity.js';
import { RegionsModule } from '../regions/regions.module.js';
import { OutcomeClock } from './outcome-clock.js';
import { OutcomeIndicatorsService } from './outcome-indicators.service.js';
import { OutcomeOverviewController } from './outcome-overview.controller.js';
import { OutcomeOverviewService } from './outcome-overview.service.js';
import { OutcomeReportEntity } from './outcome-report.entity.js';
import { OutcomeReportHistoryEntity } from './outcome-report-history.entity.js';
import { OutcomeReportsController } from './outcome-reports.controller.js';
import { OutcomeReportsService } from './outcome-reports.service.js';
import { OutcomeSheetsController } from './outcome-sheets.controller.js';
import { OutcomeSheetsService } from './outcome-sheets.service.js';

/**
 * Outcome indicators (issue 11): the indicators (seeds/outcomes/indicators.json), each unit's
 * reports and their review, completeness and approved figures. Other modules use the indicators
 * and approved-figures.ts (coverage's outcome targets).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutcomeReportEntity, OutcomeReportHistoryEntity, RegionEntity]), RegionsModule],
  controllers: [OutcomeReportsController, OutcomeOverviewController, OutcomeSheetsController],
  providers: [OutcomeClock, OutcomeIndicatorsService, OutcomeReportsService, OutcomeOverviewService, OutcomeSheetsService],
  exports: [OutcomeIndicatorsService, OutcomeClock, OutcomeReportsService],
})
export class OutcomesModule {}
