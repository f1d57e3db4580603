import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from '../regions/region.entity.js';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { TargetEntity } from './target.entity.js';
import { TargetsController } from './targets.controller.js';
import { TargetsService } from './targets.service.js';

@Module({
  // Outcome targets read indicators (outcomes/): the dependency goes one way, outcomes never read targets.
  imports: [TypeOrmModule.forFeature([TargetEntity, RegionEntity]), RegionsModule, OutcomesModule],
  controllers: [TargetsController],
  providers: [TargetsService],
  exports: [TargetsService],
})
export class TargetsModule {}
