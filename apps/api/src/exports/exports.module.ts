import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoverageModule } from '../coverage/coverage.module.js';
import { RegionEntity } from '../regions/region.entity.js';
import { RegionsModule } from '../regions/regions.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { ExportsController } from './exports.controller.js';
import { RegionNames } from './region-names.js';
import { SiteExportService } from './site-export.service.js';

/** Downloads: the site list (.xlsx / .csv) and the coverage report (.xlsx), read through the sites' and coverage's own services. */
@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity]), SitesModule, CoverageModule, RegionsModule],
  controllers: [ExportsController],
  providers: [SiteExportService, RegionNames],
})
export class ExportsModule {}
