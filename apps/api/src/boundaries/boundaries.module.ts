import { Module } from '@nestjs/common';
import { BoundariesController } from './boundaries.controller.js';
import { BoundariesService } from './boundaries.service.js';

@Module({ controllers: [BoundariesController], providers: [BoundariesService], exports: [BoundariesService] })
export class BoundariesModule {}
