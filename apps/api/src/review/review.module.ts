import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountEntity } from '../auth/account.entity.js';
import { SitesModule } from '../sites/sites.module.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';

@Module({ imports: [SitesModule, TypeOrmModule.forFeature([AccountEntity])], controllers: [ReviewController], providers: [ReviewService] })
export class ReviewModule {}
