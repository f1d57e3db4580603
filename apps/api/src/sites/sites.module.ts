import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from '../regions/region.entity.js';
import { SiteEntity } from './site.entity.js';
import { SitesController } from './sites.controller.js';
import { SitesService } from './sites.service.js';
import { SiteCreatePipe, SiteUpdatePipe } from './site-input.pipes.js';
import { DemoSitesSeeder } from './demo-sites.seeder.js';

@Module({
  imports: [TypeOrmModule.forFeature([SiteEntity, RegionEntity])],
  controllers: [SitesController],
  providers: [SitesService, SiteCreatePipe, SiteUpdatePipe, DemoSitesSeeder],
  exports: [SitesService, DemoSitesSeeder],
})
export class SitesModule {}
