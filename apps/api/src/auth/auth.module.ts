import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from '../regions/region.entity.js';
import { AccountEntity } from './account.entity.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { SessionEntity } from './session.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([AccountEntity, SessionEntity, RegionEntity])],
  controllers: [AuthController, AccountsController],
  providers: [AuthService, AccountsService, AccessGuard],
  exports: [AuthService, AccountsService, AccessGuard],
})
export class AuthModule {}
