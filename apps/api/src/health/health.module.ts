import { Module } from '@nestjs/common';
import { DatabaseOutage } from './database-outage.js';
import { HealthController } from './health.controller.js';

@Module({ controllers: [HealthController], providers: [DatabaseOutage], exports: [DatabaseOutage] })
export class HealthModule {}
