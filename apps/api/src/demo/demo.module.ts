import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { DemoSeeder } from './demo.seeder.js';

/** The fictional demo data; only ever used outside production (see DemoSeeder). */
@Module({ imports: [SitesModule, AuthModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
