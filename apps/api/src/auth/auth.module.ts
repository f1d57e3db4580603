import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from '../regions/region.entity.js';
import { AccountEntity } from './account.entity.js';
import { AccountAuditController } from './account-audit.controller.js';
import { AccountAuditEntity } from './account-audit.entity.js';
import { AccountAuditService } from './account-audit.service.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { SessionEntity } from './session.entity.js';
import { SessionJanitor } from './session-janitor.js';
import { SignInAttemptEntity } from './sign-in-attempt.entity.js';
import { SignInLimiter } from './sign-in-limiter.js';
import { SignInKnownEntity } from './sign-in-known.entity.js';
import { DatabaseOutageModule } from '../common/database-outage.js';

@Module({
  imports: [TypeOrmModule.forFeature([AccountEntity, AccountAuditEntity, SessionEntity, RegionEntity, SignInAttemptEntity, SignInKnownEntity]), DatabaseOutageModule],
  controllers: [AuthController, AccountsController, AccountAuditController],
  providers: [AuthService, AccountsService, AccountAuditService, AccessGuard, SignInLimiter, SessionJanitor],
  exports: [AuthService, AccountsService, AccessGuard],
})
export class AuthModule {}
