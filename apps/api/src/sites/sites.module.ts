import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoundariesModule } from '../boundaries/boundaries.module.js';
import { RegionEntity } from '../regions/region.entity.js';
import { SiteEntity } from './site.entity.js';
import { SiteHistoryEntity } from './site-history.entity.js';
import { SitesController } from './sites.controller.js';
import { SitesService } from './sites.service.js';
import { SiteCreatePipe, SiteUpdatePipe } from './site-input.pipes.js';
import { SiteLocationCheck } from './site-location.js';

@Module({
  imports: [TypeOrmModule.forFeature([SiteEntity, SiteHistoryEntity, RegionEntity]), BoundariesModule],
  controllers: [SitesController],
  providers: [SitesService, SiteCreatePipe, SiteUpdatePipe, SiteLocationCheck],
  exports: [SitesService, SiteLocationCheck],
})
export class SitesModule {}
