import { Module } from '@nestjs/common';
import { DatabaseOutageModule } from '../common/database-outage.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [DatabaseOutageModule], controllers: [HealthController], exports: [DatabaseOutageModule] })
export class HealthModule {}
