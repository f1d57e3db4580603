import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import type { SiteKindDefinition } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import type { AppConfig } from './config/config.js';
import { AppConfigModule } from './config/config.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { ZodValidationPipe } from './common/zod-validation.pipe.js';
import { RequestShapeInterceptor } from './common/request-shape.interceptor.js';
import { requestLogParams } from './common/request-log.js';
import { HealthModule } from './health/health.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { KindsModule } from './kinds/kinds.module.js';
import { SitesModule } from './sites/sites.module.js';
import { BoundariesModule } from './boundaries/boundaries.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AccessGuard } from './auth/access.guard.js';
import { ReviewModule } from './review/review.module.js';
import { DemoModule } from './demo/demo.module.js';
import { TargetsModule } from './targets/targets.module.js';
import { CoverageModule } from './coverage/coverage.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { OutcomesModule } from './outcomes/outcomes.module.js';

export interface AppOptions {
  kinds?: readonly SiteKindDefinition[];
  /** Where the log goes (standard output unless given; tests read it). */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  /**
   * The application around an open, migrated data source (see database/prepare.ts), with the
   * site kinds of @sitenet/kinds unless others are given (tests add a fifth kind this way).
   */
  static register(config: AppConfig, dataSource: DataSource, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.register(config),
        LoggerModule.forRoot(requestLogParams(config, options.logDestination)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        AuthModule,
        HealthModule,
        RegionsModule,
        KindsModule.register(options.kinds ?? installedKinds),
        SitesModule,
        ReviewModule,
        BoundariesModule,
        DemoModule,
        TargetsModule,
        CoverageModule,
        ExportsModule,
        ImportsModule,
        OutcomesModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestShapeInterceptor },
      ],
    };
  }
}
