import { Module } from '@nestjs/common';
import { BoundariesModule } from '../boundaries/boundaries.module.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportRegions } from './import-regions.js';
import { ImportRunner } from './import-runner.js';
import { ImportsController } from './imports.controller.js';

/** Spreadsheet imports: templates, uploads checked as a dry run in the background, all-or-none commits. */
@Module({
  imports: [BoundariesModule],
  controllers: [ImportsController],
  providers: [ImportJobsService, ImportRunner, ImportRegions],
})
export class ImportsModule {}
