import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from '../regions/region.entity.js';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { CoverageController } from './coverage.controller.js';
import { CoverageService } from './coverage.service.js';
import { ServicePointEntity } from './service-point.entity.js';
import { ServicePointsService } from './service-points.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ServicePointEntity, RegionEntity]), TargetsModule, RegionsModule, OutcomesModule],
  controllers: [CoverageController],
  providers: [CoverageService, ServicePointsService],
  // The coverage report (exports/) writes the same figures the coverage endpoints answer.
  exports: [CoverageService],
})
export class CoverageModule {}
