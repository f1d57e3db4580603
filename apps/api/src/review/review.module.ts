import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';

@Module({ imports: [SitesModule], controllers: [ReviewController], providers: [ReviewService] })
export class ReviewModule {}
